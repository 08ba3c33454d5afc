//! Removing any one row of a workbook never changes a figure silently: each
//! key ratio and indicator stays equal, becomes not measurable, or is marked
//! (it rests on a statement-year that no longer adds up, or the workbook
//! gets an error finding: refused when read, or flagged by the check).
//! In-process, on grids, so every row of three workbooks runs in seconds.

use std::collections::BTreeMap;

use kivijalka::ingest::grid::Grid;
use kivijalka::model::dataset::{Dataset, Entity};
use kivijalka::model::findings::{breaks, rests_on};
use kivijalka::model::indicators::{INDICATORS, evaluate, evaluate_quiet};
use kivijalka::model::money::round_half_away;
use kivijalka::model::price_index::PriceIndex;
use kivijalka::model::ratios::{Ctx, Input, RATIOS, compute_ratios, ratio};
use kivijalka::model::targets::Targets;
use kivijalka::model::validate::validate;
use rust_decimal::Decimal;

use crate::support::example;

/// The grid without row `r`, the rows below moved up one.
pub fn without_row(g: &Grid, r: u32) -> Grid {
    let mut out = Grid::new(g.name.clone());
    for row in 0..g.height() {
        if row == r {
            continue;
        }
        let to = if row > r { row - 1 } else { row };
        for col in 0..g.width() {
            let c = g.get(row, col);
            if !c.is_empty() {
                out.set(to, col, c.clone());
            }
        }
    }
    out
}

/// A figure as a report shows it: a total printed in thousands may stand
/// for its lines' sum, which differs by the lines' rounding, and that is no
/// change a reader can see.
fn shown(v: Option<Decimal>, decimals: u32) -> Option<Decimal> {
    v.map(|v| round_half_away(v, decimals))
}

/// A computed figure: its key, its value (None when not measurable) and
/// the figures it was made from.
type Key = (String, Entity, i32, Option<i32>);

/// Every ratio and indicator of a dataset at its published precision, with
/// the figures each was made from when `record` (computing without them is
/// quicker, and enough to see that nothing changed).
fn figures(
    ds: &Dataset,
    pi: &PriceIndex,
    record: bool,
) -> BTreeMap<Key, (Option<Decimal>, Vec<Input>)> {
    let targets = Targets::default();
    let mut out = BTreeMap::new();
    let ratios = if record {
        compute_ratios(ds, &targets)
            .into_iter()
            .map(|r| (r.id, r.entity, r.year, r.value, r.inputs))
            .collect::<Vec<_>>()
    } else {
        let ctx = Ctx::quiet(ds, &targets);
        let mut v = Vec::new();
        for e in ds.entities() {
            for &y in ds.years.keys() {
                for def in RATIOS {
                    v.push((def.id, e, y, (def.compute)(&ctx, e, y).ok(), Vec::new()));
                }
            }
        }
        v
    };
    for (id, entity, year, value, inputs) in ratios {
        let decimals = ratio(id).unwrap().decimals;
        out.insert(
            (id.to_string(), entity, year, None),
            (shown(value, decimals), inputs),
        );
    }
    let ev = if record {
        evaluate(ds, &targets, pi)
    } else {
        evaluate_quiet(ds, &targets, pi)
    };
    for v in ev.values.into_iter().chain(ev.spans) {
        let decimals = INDICATORS[usize::from(v.indicator) - 1].decimals;
        out.insert(
            (
                format!("indicator {}", v.indicator),
                v.entity,
                v.year,
                v.from_year,
            ),
            (shown(v.value, decimals), v.inputs),
        );
    }
    out
}

#[derive(Default, Debug)]
struct Tally {
    rows: usize,
    unchanged: usize,
    refused: usize,
    flagged: usize,
    marked: usize,
    not_measurable: usize,
    silent: Vec<String>,
}

fn remove_each_row(file: &str, grids: Vec<Grid>) -> Tally {
    let base = kivijalka::ingest::read_grids(file, grids.clone()).expect("the workbook reads");
    let pi = kivijalka::config::load_index(&[]).unwrap();
    let before = figures(&base, &pi, false);
    let mut t = Tally::default();
    for (si, g) in grids.iter().enumerate() {
        for r in 0..g.height() {
            if (0..g.width()).all(|c| g.get(r, c).is_empty()) {
                continue;
            }
            t.rows += 1;
            let mut changed = grids.clone();
            changed[si] = without_row(g, r);
            let what = format!("{file}: without row {} of {}", r + 1, g.name);
            let ds = match kivijalka::ingest::read_grids(file, changed) {
                Err(_) => {
                    t.refused += 1;
                    continue;
                }
                Ok(ds) => ds,
            };
            if ds.findings.iter().any(|f| f.is_error()) {
                t.refused += 1;
                continue;
            }
            let quick = figures(&ds, &pi, false);
            let changed: Vec<_> = before
                .iter()
                .filter(|(k, (old, _))| quick.get(*k).map(|a| a.0) != Some(*old))
                .collect();
            if changed.is_empty() {
                t.unchanged += 1;
                continue;
            }
            let after = figures(&ds, &pi, true);
            let br = breaks(&ds);
            let flagged = std::cell::OnceCell::new();
            let flagged = || {
                *flagged.get_or_init(|| {
                    validate(&ds)
                        .iter()
                        .any(|f| f.is_error() && f.code != "identity")
                })
            };
            let mut silent = Vec::new();
            let (mut marked, mut nm, mut caught) = (false, false, false);
            for (key, (old, _)) in changed {
                let (new, inputs) = match after.get(key) {
                    Some((v, i)) => (*v, i.as_slice()),
                    None => (None, &[][..]),
                };
                if new.is_none() {
                    nm = true;
                } else if !rests_on(&br, inputs).is_empty() {
                    marked = true;
                } else if flagged() {
                    caught = true;
                } else {
                    silent.push(format!("{key:?}: {old:?} → {new:?}"));
                }
            }
            if !silent.is_empty() {
                t.silent
                    .push(format!("{what}:\n    {}", silent.join("\n    ")));
            } else if marked {
                t.marked += 1;
            } else if nm {
                t.not_measurable += 1;
            } else if caught {
                t.flagged += 1;
            } else {
                t.unchanged += 1;
            }
        }
    }
    t
}

fn assert_no_silent_change(t: &Tally) {
    println!(
        "{} rows: {} unchanged, {} refused, {} flagged by the check, {} with changed figures marked, {} with figures not measurable",
        t.rows, t.unchanged, t.refused, t.flagged, t.marked, t.not_measurable
    );
    assert!(
        t.silent.is_empty(),
        "figures changed silently ({} of {} rows):\n{}",
        t.silent.len(),
        t.rows,
        t.silent.join("\n")
    );
}

#[test]
fn removing_a_row_of_the_example_never_changes_a_figure_silently() {
    let grids = kivijalka::ingest::workbook::load_grids(&example()).unwrap();
    let t = remove_each_row("kivikoski.xlsx", grids);
    assert_no_silent_change(&t);
    assert!(t.rows > 200, "{t:?}");
}

fn published(muni: &str) {
    let t = remove_each_row(&format!("{muni}.xlsx"), crate::conformance::workbook(muni));
    assert_no_silent_change(&t);
    assert!(t.rows > 200, "{muni}: {t:?}");
}

#[test]
fn removing_a_row_of_kauhavas_statements_never_changes_a_figure_silently() {
    published("kauhava");
}

#[test]
fn removing_a_row_of_seinajokis_statements_never_changes_a_figure_silently() {
    published("seinajoki");
}

/// How much of the assets side a cut group balance sheet keeps.
#[derive(Clone, Copy)]
enum Assets {
    All,
    WithoutTotal,
    None,
}

/// The liabilities side ending after the provisions: the equity ratio uses
/// the printed total of assets (which equals the total of liabilities), or
/// the sum of the assets' complete lines, and never the sum of the
/// liabilities' lines that happen to be there.
#[test]
fn equity_ratio_uses_the_printed_total_when_the_liabilities_side_is_cut_short() {
    let cut = |muni: &str, assets: Assets| {
        let grids: Vec<Grid> = crate::conformance::workbook(muni)
            .into_iter()
            .map(|g| {
                if g.name != "Konsernitase" {
                    return g;
                }
                let find = |g: &Grid, what: &str| {
                    (0..g.height())
                        .find(|r| {
                            let t = g.get(*r, 0).text().unwrap_or("").to_lowercase();
                            t.starts_with(what)
                        })
                        .unwrap_or_else(|| panic!("{what} printed"))
                };
                let start = 1 + find(&g, "pakolliset varaukset");
                let mut out = g.clone();
                for r in (start..g.height()).rev() {
                    out = without_row(&out, r);
                }
                let total = find(&out, "vastaavaa yhteensä");
                let first = match assets {
                    Assets::All => total + 1,
                    Assets::WithoutTotal => total,
                    // Everything below the year header.
                    Assets::None => {
                        1 + (0..out.height())
                            .find(|r| out.get(*r, 1).text() == Some("TP 2024"))
                            .unwrap()
                    }
                };
                for r in (first..=total).rev() {
                    out = without_row(&out, r);
                }
                out
            })
            .collect();
        let ds = kivijalka::ingest::read_grids(&format!("{muni}.xlsx"), grids).unwrap();
        compute_ratios(&ds, &Targets::default())
            .into_iter()
            .find(|r| r.id == "omavaraisuusaste_pct" && r.entity == Entity::Group && r.year == 2024)
            .unwrap()
    };
    // Published: Kauhava's group 31,9 %.
    let r = cut("kauhava", Assets::All);
    let v = r.value.expect("measurable from vastaavaa yhteensä");
    assert_eq!(v.round_dp(1), Decimal::new(319, 1), "{r:?}");
    assert!(
        r.inputs.iter().any(|i| i.item == "ta.vastaavaa"),
        "{:?}",
        r.inputs
    );
    let r = cut("kauhava", Assets::WithoutTotal);
    assert_eq!(r.value, Some(v), "the assets' lines are all there");
    // Without the assets, what is left of the liabilities is no total.
    let r = cut("kauhava", Assets::None);
    assert_eq!(r.value, None, "{:?}", r.inputs);
    let why = r.not_measurable.unwrap().to_string();
    assert!(why.contains("\"Vieras pääoma\" is missing"), "{why}");
}
