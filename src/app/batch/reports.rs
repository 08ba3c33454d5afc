//! The batch's second phase: each report, made but for its place among
//! its peers, finished once the summary has ranked every municipality.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;

use rust_decimal::Decimal;

use super::Plan;
use crate::app::project::threads;
use crate::app::write_atomically;
use crate::error::{Error, Result};
use crate::model::peers::{self, Among, Grouping, PeerStat, Peers, Position, Standing};
use crate::report::batch::{Summary, group_of};

/// A report made but for its place among its peers, which only the whole
/// batch knows: the page or workbook, and the file it goes to.
pub(super) struct Pending {
    pub(super) report: Unfinished,
    pub(super) path: PathBuf,
}

pub(super) enum Unfinished {
    Html(crate::report::html::Unfinished),
    Xlsx(Box<crate::report::xlsx::Unsaved>),
}

impl Pending {
    fn finish(self, peers: Option<&Peers>) -> Result<()> {
        let bytes = match self.report {
            Unfinished::Html(h) => h.finish(peers).into_bytes(),
            Unfinished::Xlsx(x) => x
                .finish(peers)
                .map_err(|e| Error::io(&self.path, std::io::Error::other(e.to_string())))?,
        };
        write_atomically(&self.path, |w| w.write_all(&bytes))
    }
}

/// The second phase: every report finished with its place among the
/// peers the summary ranked, on the workers, and written.
pub(super) fn finish_reports(
    plan: &Plan,
    sum: &Summary,
    pending: Vec<Option<Pending>>,
) -> Result<()> {
    if pending.iter().all(Option::is_none) {
        return Ok(());
    }
    let views = peer_views(plan, sum);
    let queue = Mutex::new(pending.into_iter().zip(views).rev().collect::<Vec<_>>());
    let first_error: Mutex<Option<Error>> = Mutex::new(None);
    std::thread::scope(|s| {
        for _ in 0..threads(plan.jobs).max(1) {
            s.spawn(|| {
                loop {
                    let next = queue.lock().expect("no worker panics holding it").pop();
                    let Some((p, view)) = next else { break };
                    let Some(p) = p else { continue };
                    let path = p.path.clone();
                    // A bug in one report must not take the batch down
                    // unexplained: it stops it as that report's error.
                    let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        p.finish(view.as_ref())
                    }))
                    .unwrap_or_else(|payload| {
                        let m = crate::error::panic_message(payload.as_ref());
                        Err(Error::io(path, std::io::Error::other(m)))
                    });
                    if let Err(e) = done {
                        first_error
                            .lock()
                            .expect("no worker panics holding it")
                            .get_or_insert(e);
                    }
                }
            });
        }
    });
    match first_error
        .into_inner()
        .expect("no worker panics holding it")
    {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Each municipality's place among its peers, in the summary's order: the
/// summary's ranks and quartiles with the range they leave out. None for
/// a batch of one, which has no peers.
fn peer_views(plan: &Plan, sum: &Summary) -> Vec<Option<Peers>> {
    let n = sum.municipalities.len();
    if n < 2 {
        return vec![None; n];
    }
    let among = match plan.shard {
        Some((index, count)) => Among::Shard { index, count, n },
        None => Among::Batch { n },
    };
    let grouping = match (plan.peer_group, plan.peer_groups) {
        (Some(c), _) => Grouping::Column(c.to_string()),
        (None, Some(g)) => Grouping::File(g.file.clone()),
        (None, None) => Grouping::SizeClass,
    };
    let mut all: BTreeMap<(u8, i32), Vec<Decimal>> = BTreeMap::new();
    let mut grouped: BTreeMap<((usize, String), u8, i32), Vec<Decimal>> = BTreeMap::new();
    for (&(m, i, y), c) in &sum.compared {
        let Ok(x) = c else { continue };
        all.entry((i, y)).or_default().push(*x);
        if let Some(g) = sum.municipalities.get(m).and_then(|mm| group_of(mm, y)) {
            grouped.entry((g, i, y)).or_default().push(*x);
        }
    }
    let standing = |(rank, n): (usize, usize), st: &PeerStat, values: Option<&Vec<Decimal>>| {
        let (min, max) = peers::range(values.into_iter().flatten().copied())?;
        Some(Standing {
            rank,
            n,
            min,
            q1: st.q1,
            median: st.median,
            q3: st.q3,
            max,
        })
    };
    let mut positions: Vec<Vec<Position>> = vec![Vec::new(); n];
    for r in sum.rows() {
        let (Some(Ok(value)), Some(rank), Some(stat)) = (r.compared, r.rank, r.peer) else {
            continue;
        };
        let (i, y) = (r.value.indicator, r.value.year);
        let Some(everyone) = standing(rank, stat, all.get(&(i, y))).filter(|s| s.n > 1) else {
            continue;
        };
        let basis = r.basis();
        let group = match (r.group, r.group_rank, r.group_peer) {
            (Some(g), Some(rank), Some(stat)) => {
                let values = grouped.get(&(g.clone(), i, y));
                standing(rank, stat, values).map(|s| (g.1, s))
            }
            _ => None,
        };
        if let Some(list) = positions.get_mut(r.municipality) {
            list.push(Position {
                indicator: i,
                year: y,
                kind: r.value.kind,
                basis,
                value: *value,
                all: everyone,
                group,
            });
        }
    }
    positions
        .into_iter()
        .map(|positions| {
            Some(Peers {
                among,
                grouping: grouping.clone(),
                positions,
            })
        })
        .collect()
}
