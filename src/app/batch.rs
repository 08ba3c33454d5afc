//! Every municipality of a folder or long table, in parallel: a report each,
//! and the rows of a summary with peer statistics. A failure is listed and
//! the rest go on; the results come out in input order whatever the order
//! the workers finish in.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::config::Settings;
use crate::error::{Error, Result, Text};
use crate::ingest;
use crate::model::dataset::{Dataset, Entity};
use crate::model::indicators::{self, IndicatorValue};
use crate::model::projection::Options;
use crate::model::rules;
use crate::model::scenario::Scenario;
use crate::model::statutory::{self, Statutory};
use crate::report::Lang;
use crate::report::batch::{Failure, Law, Municipality, Summary};
use crate::report::document::InputFile;
use rust_decimal::Decimal;

use super::dataset::refuse_errors;
use super::document::{Kind, document, input};
use super::project::{simulations, threads};

mod groups;
mod reports;
pub use groups::PeerGroups;
use reports::{Pending, Unfinished, finish_reports};

/// One unit of work: a workbook, or one municipality of a long table.
/// `file` is the input's place among the files, which (with a
/// municipality's place in its file) orders the summary.
enum Job<'t> {
    /// A municipality's rows of a long table, read by the worker.
    Block {
        block: ingest::long::Block<'t>,
        file: String,
        fi: usize,
    },
    Workbook {
        path: PathBuf,
        file: usize,
    },
    Long {
        ds: Box<Dataset>,
        /// The table as a report lists it; None when no report is made.
        source: Option<InputFile>,
        at: (usize, usize),
        /// The municipality's value in the `--peer-group` column.
        group: String,
    },
}

fn is_input(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    if name.starts_with('.') || name.starts_with("~$") {
        return false;
    }
    matches!(
        p.extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .as_deref(),
        Some("xlsx" | "xlsm" | "xls" | "ods" | "csv" | "parquet")
    )
}

/// The files named, folders opened (not recursively), in sorted order.
fn files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| Error::io(p, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                // A link or pipe named as a workbook is an input that fails, by name,
                // not one silently left out of the summary.
                .filter(|p| is_input(p) && !p.is_dir())
                .collect();
            v.sort();
            out.extend(v);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            return Err(Error::io(
                p,
                std::io::Error::from(std::io::ErrorKind::NotFound),
            ));
        }
    }
    Ok(out)
}

/// The longest report name before its number and extension.
const MAX_NAME: usize = 120;

/// A file name from a municipality's name: lower case ASCII, dashes.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let c = match c {
            'ä' | 'å' | 'á' | 'à' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A municipality's summary row and values, its dataset when the panel
/// is asked for (a workbook's; a long table's stay with their jobs), and
/// its report waiting for its peers.
type Row = (
    Municipality,
    Vec<IndicatorValue>,
    Option<Box<Dataset>>,
    Option<Pending>,
);

type Outcome1 = std::result::Result<Row, Failure>;
type Done = std::result::Result<Row, Error>;

/// What every municipality of a batch gets, the same for each.
pub struct Plan<'a> {
    pub settings: &'a Settings,
    pub lang: Lang,
    /// Read the rest of a workbook whose reading found errors.
    pub allow_unknown: bool,
    pub scenarios: &'a [Scenario],
    /// The settings files' fingerprints, for each report's list of inputs.
    pub setting_files: &'a [InputFile],
    pub opts: Options,
    /// Paths and seed, when each municipality is also simulated.
    pub simulate: Option<(u64, u64)>,
    /// The report written for each municipality, if any.
    pub report: Option<Kind>,
    /// The folder the reports go to.
    pub out: &'a Path,
    pub jobs: Option<usize>,
    /// Keep every dataset for the panel (`batch --panel`).
    pub keep: bool,
    /// Only the municipalities of shard i of n (1-based).
    pub shard: Option<(u32, u32)>,
    /// The 110 §/118 § rule book (the shipped one, or --rules over it).
    pub rules: &'a statutory::Rules,
    /// The long tables' column peers are grouped by (else size classes).
    pub peer_group: Option<&'a str>,
    /// The groups of a `code,group` file, for workbooks and tables alike.
    pub peer_groups: Option<&'a PeerGroups>,
}

/// Whether a municipality falls in the plan's shard: by a hash of its code
/// (its name when it has none) that is the same on every machine and run,
/// so each shard of a split batch takes the same municipalities.
fn in_shard(plan: &Plan, ds: &Dataset) -> bool {
    let Some((i, n)) = plan.shard else {
        return true;
    };
    let key = ds.municipality_code.as_deref().unwrap_or(ds.name());
    // FNV-1a, 64 bits: fixed, unlike the standard library's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.trim().bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h % u64::from(n.max(1)) == u64::from(i.saturating_sub(1))
}

/// A workbook's municipality, or each municipality of a long table on one
/// of its sheets.
/// Each with its place in the file.
fn one(
    plan: &Plan,
    job: &Job<'_>,
    report_name: &str,
) -> std::result::Result<Vec<(usize, Done)>, Error> {
    match job {
        Job::Workbook { path: p, .. } => {
            let source = input("workbook", p)?;
            let source = || Ok(source.clone());
            let (sets, long) = ingest::read_any(p)?;
            let mut out = Vec::new();
            let sets = sets.into_iter().enumerate();
            for (sub, ds) in sets.filter(|(_, ds)| in_shard(plan, ds)) {
                let name = if long {
                    slug(&format!("{report_name}-{}", ds.name()))
                } else {
                    report_name.to_string()
                };
                let done = refuse_errors(ds, plan.allow_unknown, plan.lang).and_then(|ds| {
                    let mut row = municipality(plan, &ds, source, &name)?;
                    // A workbook has no column to group by.
                    row.0.peer_group = plan.peer_group.map(|_| String::new());
                    if plan.keep {
                        row.2 = Some(Box::new(ds));
                    }
                    Ok(row)
                });
                out.push((sub, done));
            }
            Ok(out)
        }
        Job::Long {
            ds,
            source,
            at,
            group,
        } => {
            let source = || {
                source.clone().ok_or_else(|| {
                    Error::usage(crate::text!("ei lähdettä", "ingen källa", "no source"))
                })
            };
            let row = municipality(plan, ds, source, report_name).map(|mut row| {
                row.0.peer_group = plan.peer_group.map(|_| group.clone());
                row
            });
            Ok(vec![(at.1, row)])
        }
        // `work` reads a block into its municipality before it gets here.
        Job::Block { .. } => Ok(Vec::new()),
    }
}

/// Whether the batch makes the summary alone: no reports, projections or
/// paths, only each municipality's indicators and statutory tests.
fn summary_only(plan: &Plan) -> bool {
    plan.report.is_none() && plan.scenarios.is_empty() && plan.simulate.is_none()
}

fn municipality(
    plan: &Plan,
    ds: &Dataset,
    source: impl FnOnce() -> Result<InputFile>,
    report_name: &str,
) -> Done {
    // A summary without reports, projections or paths needs the indicators
    // alone: the rest of a council report (ratios, breaks, validation) is
    // most of a municipality's time. The summary drops the figures each
    // value was made from, so they are not gathered.
    if summary_only(plan) {
        let ev = indicators::evaluate_quiet(ds, &plan.settings.targets, &plan.settings.index);
        let law = laws(&statutory::evaluate(plan.rules, ds, &[]));
        let mut row = summary_row(ds, ds, ev.values, Default::default(), None);
        row.0.statutory = law;
        return Ok(row);
    }
    let mut doc = document(
        plan.settings,
        plan.lang,
        ds,
        plan.scenarios,
        plan.opts,
        source()?,
        plan.setting_files,
        plan.rules,
    )?;
    // One thread a municipality: the workers already use every core.
    if let Some(run) = plan.simulate {
        doc.simulations = simulations(plan.settings, ds, plan.scenarios, plan.opts, run, 1)?;
    }
    // The probability that each target holds, under the first scenario (the
    // one whose values the summary shows; `run` made sure it is uncertain).
    let p_met = doc
        .simulations
        .first()
        .filter(|s| {
            plan.scenarios
                .first()
                .is_some_and(|sc| sc.name == s.scenario)
        })
        .map(|s| {
            s.cells
                .iter()
                .map(|c| ((c.indicator, c.year), c.p_met))
                .collect()
        })
        .unwrap_or_default();
    let report = match plan.report {
        None => None,
        Some(kind) => {
            let ext = match kind {
                Kind::Xlsx => "xlsx",
                Kind::Html => "html",
            };
            let name = format!("{report_name}.{ext}");
            let path = plan.out.join(&name);
            let allowance = plan.settings.targets.net_cost_growth.allowance_pp;
            let report = match kind {
                Kind::Html => Unfinished::Html(crate::report::html::unfinished(&doc, allowance)),
                Kind::Xlsx => Unfinished::Xlsx(Box::new(
                    crate::report::xlsx::unsaved(&doc, allowance)
                        .map_err(|e| Error::io(&path, std::io::Error::other(e.to_string())))?,
                )),
            };
            Some((name, Pending { report, path }))
        }
    };
    // The population of the years shown, from the workbook and, past it,
    // from the projection the values come from.
    let people = doc.runs.first().map_or(ds, |r| &r.projection.dataset);
    let (name, pending) = report.unzip();
    let mut row = summary_row(ds, people, doc.main().values.clone(), p_met, name);
    row.3 = pending;
    // The report's own tests: under the first scenario when there is one.
    row.0.statutory = laws(&doc.statutory);
    Ok(row)
}

/// The statutory tests by year as the summary's rows: per year whether a
/// deficit shows and whether its 110 § deadline is missed, then the 118 §
/// grounds and the procedure's first year.
fn laws(st: &Statutory) -> Vec<Law> {
    let kind = |y: i32| {
        (st.years.iter().find(|(yy, _)| *yy == y))
            .map(|(_, k)| k.to_string())
            .unwrap_or_default()
    };
    let words = |m: &statutory::Missing| {
        let [fi, sv, en] =
            [Lang::Fi, Lang::Sv, Lang::En].map(|l| crate::report::statutory::missing(m, st, l));
        Some(Text { fi, sv, en })
    };
    let flagged = st.deficits.flagged_years();
    let mut out = Vec::new();
    for s in &st.surplus {
        let law = |test: &str, value: Option<i32>, status: &str, reason| Law {
            section: "110".into(),
            test: test.into(),
            year: Some(s.year),
            kind: kind(s.year),
            value,
            status: status.into(),
            reason,
        };
        let Some(v) = s.accumulated else {
            let m = statutory::Missing::Input {
                year: s.year,
                input: statutory::Input::AccumulatedSurplus,
            };
            for test in ["deficit_arose", "deficit_deadline"] {
                out.push(law(test, None, "not_measurable", words(&m)));
            }
            continue;
        };
        // The deficit a year shows is the latest that arose by then.
        let episode = (v < Decimal::ZERO)
            .then(|| {
                (st.deficits.episodes.iter())
                    .filter(|e| e.arose <= s.year)
                    .max_by_key(|e| e.arose)
            })
            .flatten();
        let shown = if episode.is_some() { "met" } else { "not_met" };
        out.push(law("deficit_arose", episode.map(|e| e.arose), shown, None));
        let past = if flagged.contains(&s.year) {
            "met"
        } else {
            "not_met"
        };
        out.push(match episode.map(|e| &e.deadline) {
            Some(Err(m)) => law("deficit_deadline", None, "not_measurable", words(m)),
            Some(Ok(d)) => law("deficit_deadline", Some(d.effective), past, None),
            None => law("deficit_deadline", None, past, None),
        });
    }
    out.extend(plan_laws(st, &kind, &words));
    for a in &st.assessments {
        for (test, g) in [
            ("ground_deadline", &a.deadline_ground),
            ("ground_deficit", &a.deficit_ground),
            ("ground_figures", &a.figures_ground),
            ("procedure", &a.any),
        ] {
            let (status, reason) = match g {
                statutory::Status::Met => ("met", None),
                statutory::Status::NotMet => ("not_met", None),
                statutory::Status::NotMeasurable(m) => ("not_measurable", words(m)),
            };
            out.push(Law {
                section: "118".into(),
                test: test.into(),
                year: Some(a.year),
                kind: kind(a.year),
                value: a.starts().filter(|_| test == "procedure"),
                status: status.into(),
                reason,
            });
        }
    }
    out
}

/// The plan period's 110 § rows, on its first year: the plan in deficit
/// beyond the allowance (the value its last year), and the deficit still
/// in the balance sheet at its end (the value the year it arose).
fn plan_laws(
    st: &Statutory,
    kind: &dyn Fn(i32) -> String,
    words: &dyn Fn(&statutory::Missing) -> Option<Text>,
) -> Vec<Law> {
    let Some(p) = &st.plan else { return Vec::new() };
    let law = |test: &str, value, (status, reason): (&str, _)| Law {
        section: "110".into(),
        test: test.into(),
        year: Some(p.first),
        kind: kind(p.first),
        value,
        status: status.into(),
        reason,
    };
    let judged = |bad: bool| (if bad { "met" } else { "not_met" }, None);
    let mut out = vec![match &p.balance {
        Ok(b) => law("plan_in_deficit", Some(p.last), judged(!b.balanced)),
        Err(m) => law(
            "plan_in_deficit",
            Some(p.last),
            ("not_measurable", words(m)),
        ),
    }];
    out.extend(st.plan_end_deficit().map(|d| match d {
        Ok(arose) => law("plan_end_deficit", arose, judged(arose.is_some())),
        Err(m) => law("plan_end_deficit", None, ("not_measurable", words(&m))),
    }));
    out
}

/// A municipality's summary row, its population read from `people`.
fn summary_row(
    ds: &Dataset,
    people: &Dataset,
    mut values: Vec<IndicatorValue>,
    p_met: BTreeMap<(u8, i32), f64>,
    report: Option<String>,
) -> Row {
    // The summary needs the values, not the cells they were made from.
    for v in &mut values {
        v.inputs = Vec::new();
    }
    let population = values
        .iter()
        .map(|v| v.year)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|y| {
            let count = people.value(Entity::City, "bg.asukasluku", y);
            (y, rules::population(y, count))
        })
        .collect();
    (
        Municipality {
            name: ds.name().to_string(),
            code: ds.municipality_code.clone(),
            file: ds.file.clone(),
            report,
            p_met,
            population,
            at: [1, 0, 0],
            statutory: Vec::new(),
            peer_group: None,
        },
        values,
        None,
        None,
    )
}

fn progress(done: usize, total: usize) {
    let width = 30;
    let filled = done * width / total.max(1);
    let mut err = std::io::stderr().lock();
    let _ = write!(
        err,
        "\r[{}{}] {done}/{total}",
        "#".repeat(filled),
        ".".repeat(width - filled)
    );
    let _ = err.flush();
}

/// A job's outcomes, with the reading they came from (`Feed::attempt`),
/// and whether its rows could not be read (the table is then read whole
/// for its error).
type Ran = (usize, Vec<Outcome1>, bool);

/// What the workers are fed, in input order: the jobs with their report
/// names, two inputs with the same stem (a.xlsx and a.ods) kept apart.
struct Feed<'a, 't> {
    plan: &'a Plan<'a>,
    tx: std::sync::mpsc::SyncSender<(usize, Job<'t>, String)>,
    seen: BTreeMap<String, usize>,
    /// Which reading of a file the jobs sent come from: the jobs of a
    /// streamed table that turns out bad or ungrouped are disowned.
    attempt: usize,
    disowned: Vec<usize>,
    /// The tables split into blocks: the reading and the file's place.
    split: Vec<(usize, usize)>,
    sent: usize,
}

impl<'t> Feed<'_, 't> {
    fn send(&mut self, job: Job<'t>, mut name: String) {
        // A file name has at most 255 bytes; a slug is ASCII, and a name of
        // 300 letters stopped the whole batch when its report was written.
        // (A slug is ASCII: every byte is a character's boundary.)
        debug_assert!(name.is_ascii());
        name.truncate(MAX_NAME);
        name.truncate(name.trim_end_matches('-').len());
        let n = self.seen.entry(name.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            name.push_str(&format!("-{n}"));
        }
        self.sent += 1;
        // The workers outlive the feed: a send fails only if all panicked.
        let _ = self.tx.send((self.attempt, job, name));
    }

    /// A long table's municipalities, each run as soon as it is read whole
    /// when only the summary is made (nothing is written per municipality,
    /// so a table found bad later leaves nothing behind); else after the
    /// whole table is read. An unreadable table is its failure.
    fn long(&mut self, f: &Path, fi: usize, text: &'t str) -> std::result::Result<(), Failure> {
        let file = f.display().to_string();
        let stem = (f.file_stem())
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let plan = self.plan;
        let job = |ds: Dataset, group: String, sub: usize, source: Option<InputFile>| {
            let name = slug(&format!("{stem}-{}", ds.name()));
            let at = (fi, sub);
            let ds = Box::new(ds);
            (
                Job::Long {
                    ds,
                    source,
                    at,
                    group,
                },
                name,
            )
        };
        let failure = |e: Error| Failure {
            file: file.clone(),
            error: told(&e),
            at: [0, fi, 0],
        };
        // Split into each municipality's rows, which the workers read: the
        // reading is then spread over the cores too. Not for a shard, whose
        // members are known only from the codes the rows give.
        if summary_only(plan) && plan.shard.is_none() {
            self.attempt += 1;
            let (mine, seen) = (self.attempt, self.seen.clone());
            let whole = ingest::long::split_long_csv(text, &file, plan.peer_group, |block| {
                let name = slug(&format!("{stem}-{}", block.name));
                let file = file.clone();
                self.send(Job::Block { block, file, fi }, name);
            });
            if whole {
                self.split.push((mine, fi));
                // The inputs after it are not this table's reading: were it
                // disowned later, for a block that would not read, theirs
                // must not go with it.
                self.attempt += 1;
                return Ok(());
            }
            self.disowned.push(mine);
            self.attempt += 1;
            self.seen = seen;
        } else if summary_only(plan) {
            self.attempt += 1;
            let (mine, seen) = (self.attempt, self.seen.clone());
            let streamed =
                ingest::long::stream_long_csv(text, &file, plan.peer_group, |sub, ds, g| {
                    if in_shard(plan, &ds) {
                        let (j, name) = job(ds, g, sub, None);
                        self.send(j, name);
                    }
                });
            if matches!(streamed, Ok(ingest::long::Streamed::Whole)) {
                return Ok(());
            }
            // The names the disowned jobs took are free again.
            self.disowned.push(mine);
            self.attempt += 1;
            self.seen = seen;
            // Ungrouped: read again whole, for every municipality whole.
            streamed.map_err(failure)?;
        }
        let sets =
            ingest::long::read_long_csv_grouped(text, &file, plan.peer_group).map_err(failure)?;
        let source = (!summary_only(plan)).then(|| InputFile {
            role: "long table".into(),
            path: file.clone(),
            sha256: crate::report::document::sha256_hex(text.as_bytes()),
        });
        for (sub, (ds, g)) in sets.into_iter().enumerate() {
            if in_shard(plan, &ds) {
                let (j, name) = job(ds, g, sub, source.clone());
                self.send(j, name);
            }
        }
        Ok(())
    }
}

/// Runs one job on a worker: its outcomes, each with its place, a failure
/// (a panic too) as its row.
fn work(plan: &Plan, job: Job, name: &str) -> (Vec<Outcome1>, bool) {
    let job = match job {
        Job::Block { block, file, fi } => {
            match ingest::long::read_block(&block, &file, plan.peer_group) {
                Ok((ds, group)) => Job::Long {
                    ds: Box::new(ds),
                    source: None,
                    at: (fi, block.sub),
                    group,
                },
                Err(_) => return (Vec::new(), true),
            }
        }
        job => job,
    };
    (ran(plan, job, name), false)
}

fn ran(plan: &Plan, job: Job, name: &str) -> Vec<Outcome1> {
    let (file, fi) = match &job {
        Job::Workbook { path, file } => (path.display().to_string(), *file),
        Job::Long { ds, at, .. } => (format!("{} ({})", ds.file, ds.name()), at.0),
        Job::Block { file, fi, .. } => (file.clone(), *fi),
    };
    let failure = |e: Error, sub: usize| Failure {
        file: file.clone(),
        error: told(&e),
        at: [1, fi, sub],
    };
    // A bug that one municipality's figures trip must not take the others
    // down: it becomes that one's failure row.
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::error::fault_injected(name);
        one(plan, &job, name)
    }));
    let mut long = match job {
        Job::Long { ds, .. } if plan.keep => Some(ds),
        _ => None,
    };
    match run {
        Ok(Ok(list)) => list
            .into_iter()
            .map(|(sub, d)| {
                d.map(|mut row| {
                    row.0.at = [1, fi, sub];
                    row.2 = row.2.take().or_else(|| long.take());
                    row
                })
                .map_err(|e| failure(e, sub))
            })
            .collect(),
        Ok(Err(e)) => vec![Err(failure(e, 0))],
        Err(payload) => vec![Err(Failure {
            file: file.clone(),
            error: {
                let m = crate::error::panic_message(payload.as_ref());
                Box::new(crate::text!(
                    "sisäinen virhe: {m}; se ei koskenut muita kuntia",
                    "internt fel: {m}; de andra kommunerna påverkades inte",
                    "internal error: {m}; the other municipalities were not affected"
                ))
            },
            at: [1, fi, 0],
        })],
    }
}

/// A failure's error in each language, its causes joined as in failures.csv.
fn told(e: &Error) -> Box<crate::error::Text> {
    Box::new(crate::error::Text::each(|lang| e.chain_in(lang).join(": ")))
}

/// Runs every input's municipalities; the summary has them in input order,
/// and a failure of one as its row. With `plan.keep`, their datasets too,
/// in the summary's order.
pub fn run(plan: &Plan, inputs: &[PathBuf]) -> Result<(Summary, Vec<Dataset>)> {
    let files = files(inputs)?;
    // Every long table's text, read before any work starts so that an
    // unreadable one stops the batch with nothing written.
    let mut texts: Vec<Option<String>> = Vec::new();
    for f in &files {
        let ext = f.extension().map(|e| e.to_string_lossy().to_lowercase());
        texts.push(match ext.as_deref() {
            Some("csv") => Some(ingest::csv_text::read_file(f)?),
            Some("parquet") => Some(crate::panel::long_in::parquet_as_csv(f)?),
            _ => None,
        });
    }
    let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, Job, String)>(8);
    let rx = Mutex::new(rx);
    let ran: Mutex<Vec<Ran>> = Mutex::new(Vec::new());
    let done = AtomicUsize::new(0);
    let total = AtomicUsize::new(0);
    let show = std::io::stderr().is_terminal();
    let mut failures: Vec<Failure> = Vec::new();
    let mut disowned = Vec::new();
    let mut split = Vec::new();
    std::thread::scope(|s| {
        for _ in 0..threads(plan.jobs).max(1) {
            s.spawn(|| {
                loop {
                    let next = rx.lock().expect("no worker panics holding it").recv();
                    let Ok((attempt, job, name)) = next else {
                        break;
                    };
                    let (r, bad) = work(plan, job, &name);
                    ran.lock()
                        .expect("no worker panics holding it")
                        .push((attempt, r, bad));
                    let d = done.fetch_add(1, Ordering::SeqCst) + 1;
                    if show {
                        progress(d, total.load(Ordering::SeqCst));
                    }
                }
            });
        }
        let mut feed = Feed {
            plan,
            tx,
            // The batch's own files are taken: a workbook named
            // summary.xlsx gets a report summary-2.xlsx, not the summary's.
            seen: ["summary", "failures", "shard"]
                .map(|n| (n.to_string(), 1))
                .into(),
            attempt: 0,
            disowned: Vec::new(),
            split: Vec::new(),
            sent: 0,
        };
        for (fi, (f, text)) in files.iter().zip(&texts).enumerate() {
            match text {
                Some(text) => {
                    if let Err(fail) = feed.long(f, fi, text) {
                        failures.push(fail);
                    }
                }
                None => {
                    let stem = f.file_stem().map(|s| s.to_string_lossy().to_string());
                    feed.send(
                        Job::Workbook {
                            path: f.clone(),
                            file: fi,
                        },
                        slug(&stem.unwrap_or_default()),
                    );
                }
            }
            total.store(feed.sent, Ordering::SeqCst);
        }
        disowned = std::mem::take(&mut feed.disowned);
        split = std::mem::take(&mut feed.split);
        // Dropping the feed closes the queue: the workers finish and stop.
    });
    if show && total.load(Ordering::SeqCst) > 0 {
        eprintln!();
    }

    // In input order: a table that could not be read first (as `at` says),
    // then each municipality in its file's place.
    let mut outcomes: Vec<Outcome1> = failures.into_iter().map(Err).collect();
    let ran = ran.into_inner().expect("no worker panics holding it");
    // A split table with rows that would not read is one failure, its
    // error the one reading it whole gives (the first in line order).
    for (attempt, fi) in split {
        if !ran.iter().any(|(a, _, bad)| *a == attempt && *bad) {
            continue;
        }
        disowned.push(attempt);
        let (Some(f), Some(Some(text))) = (files.get(fi), texts.get(fi)) else {
            continue;
        };
        let file = f.display().to_string();
        let e = match ingest::long::read_long_csv_grouped(text, &file, plan.peer_group) {
            Err(e) => e,
            Ok(_) => Error::input(
                crate::error::Location::file(&file),
                crate::text!(
                    "sen rivit luettiin kokonaisina mutta eivät kunnittain",
                    "dess rader lästes som helhet men inte kommun för kommun",
                    "its rows read whole but not by municipality"
                ),
            ),
        };
        outcomes.push(Err(Failure {
            file,
            error: told(&e),
            at: [0, fi, 0],
        }));
    }
    for (attempt, r, _) in ran {
        if !disowned.contains(&attempt) {
            outcomes.extend(r);
        }
    }
    outcomes.sort_by_key(|o| match o {
        Ok(row) => row.0.at,
        Err(f) => f.at,
    });
    let mut municipalities = Vec::new();
    let mut values = Vec::new();
    let mut kept = Vec::new();
    let mut failures = Vec::new();
    let mut pending = Vec::new();
    for o in outcomes {
        match o {
            Ok((mut m, v, ds, p)) => {
                if let Some(g) = plan.peer_groups {
                    // Not in the file: in no group, which the batch tells.
                    m.peer_group = Some(g.of(m.code.as_deref()).unwrap_or_default().to_string());
                }
                pending.push(p);
                municipalities.push(m);
                values.push(v);
                kept.extend(ds.map(|d| *d));
            }
            Err(f) => failures.push(f),
        }
    }
    let summary = Summary::new(municipalities, values, failures);
    finish_reports(plan, &summary, pending)?;
    Ok((summary, kept))
}
