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
use crate::error::{Error, Result};
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

use super::document::{Kind, document, input, render};
use super::project::{simulations, threads};
use super::{refuse_errors, write_atomically};

/// One unit of work: a workbook, or one municipality of a long table.
/// `file` is the input's place among the files, which (with a
/// municipality's place in its file) orders the summary.
enum Job {
    Workbook {
        path: PathBuf,
        file: usize,
    },
    Long {
        ds: Box<Dataset>,
        source: InputFile,
        at: (usize, usize),
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
        Some("xlsx" | "xlsm" | "xls" | "ods" | "csv")
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
                .filter(|p| p.is_file() && is_input(p))
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

/// A municipality's summary row and values, and its dataset when the panel
/// is asked for (a workbook's; a long table's stay with their jobs).
type Row = (Municipality, Vec<IndicatorValue>, Option<Box<Dataset>>);
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
    job: &Job,
    report_name: &str,
) -> std::result::Result<Vec<(usize, Done)>, Error> {
    match job {
        Job::Workbook { path: p, .. } => {
            let source = input("workbook", p)?;
            let (sets, long) = ingest::read_any(p)?;
            let mut out = Vec::new();
            let sets = sets.into_iter().enumerate();
            for (sub, ds) in sets.filter(|(_, ds)| in_shard(plan, ds)) {
                let name = if long {
                    slug(&format!("{report_name}-{}", ds.name()))
                } else {
                    report_name.to_string()
                };
                let done = refuse_errors(ds, plan.allow_unknown).and_then(|ds| {
                    let mut row = municipality(plan, &ds, source.clone(), &name)?;
                    if plan.keep {
                        row.2 = Some(Box::new(ds));
                    }
                    Ok(row)
                });
                out.push((sub, done));
            }
            Ok(out)
        }
        Job::Long { ds, source, at } => Ok(vec![(
            at.1,
            municipality(plan, ds, source.clone(), report_name),
        )]),
    }
}

fn municipality(plan: &Plan, ds: &Dataset, source: InputFile, report_name: &str) -> Done {
    // A summary without reports, projections or paths needs the indicators
    // alone: the rest of a council report (ratios, breaks, validation) is
    // most of a municipality's time.
    if plan.report.is_none() && plan.scenarios.is_empty() && plan.simulate.is_none() {
        let ev = indicators::evaluate(ds, &plan.settings.targets, &plan.settings.index);
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
        source,
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
            let bytes = render(
                &doc,
                kind,
                plan.settings.targets.net_cost_growth.allowance_pp,
                &path,
            )?;
            write_atomically(&path, |w| w.write_all(&bytes))?;
            Some(name)
        }
    };
    // The population of the years shown, from the workbook and, past it,
    // from the projection the values come from.
    let people = doc.runs.first().map_or(ds, |r| &r.projection.dataset);
    let mut row = summary_row(ds, people, doc.main().values.clone(), p_met, report);
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
        Some([Lang::Fi, Lang::En].map(|l| crate::report::statutory::missing(m, st, l)))
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
    words: &dyn Fn(&statutory::Missing) -> Option<[String; 2]>,
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
        },
        values,
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
    if done == total {
        let _ = writeln!(err);
    }
    let _ = err.flush();
}

/// Runs every input's municipalities; the summary has them in input order,
/// and a failure of one as its row. With `plan.keep`, their datasets too,
/// in the summary's order.
pub fn run(plan: &Plan, inputs: &[PathBuf]) -> Result<(Summary, Vec<Dataset>)> {
    // The jobs and their report names, fixed before any work starts.
    let mut jobs: Vec<(Job, String)> = Vec::new();
    let mut failures: Vec<Failure> = Vec::new();
    for (fi, f) in files(inputs)?.into_iter().enumerate() {
        let stem = f
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        if f.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
            let text = ingest::csv_text::read_file(&f)?;
            match ingest::long::read_long_csv(&text, &f.display().to_string()) {
                Ok(sets) => {
                    let source = input("long table", &f)?;
                    let sets = sets.into_iter().enumerate();
                    for (sub, ds) in sets.filter(|(_, ds)| in_shard(plan, ds)) {
                        let name = slug(&format!("{stem}-{}", ds.name()));
                        jobs.push((
                            Job::Long {
                                ds: Box::new(ds),
                                source: source.clone(),
                                at: (fi, sub),
                            },
                            name,
                        ));
                    }
                }
                Err(e) => failures.push(Failure {
                    file: f.display().to_string(),
                    error: e.chain().join(": "),
                    at: [0, fi, 0],
                }),
            }
        } else {
            jobs.push((Job::Workbook { path: f, file: fi }, slug(&stem)));
        }
    }
    // Two inputs with the same stem (a.xlsx and a.ods) keep apart.
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for (_, name) in jobs.iter_mut() {
        let n = seen.entry(name.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            name.push_str(&format!("-{n}"));
        }
    }

    let total = jobs.len();
    let results: Vec<Mutex<Vec<Outcome1>>> = (0..total).map(|_| Mutex::new(Vec::new())).collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let show = std::io::stderr().is_terminal();
    let workers = threads(plan.jobs).clamp(1, total.max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= total {
                        break;
                    }
                    let (job, name) = &jobs[i];
                    let (file, fi) = match job {
                        Job::Workbook { path, file } => (path.display().to_string(), *file),
                        Job::Long { ds, at, .. } => (format!("{} ({})", ds.file, ds.name()), at.0),
                    };
                    let failure = |e: Error, sub: usize| Failure {
                        file: file.clone(),
                        error: e.chain().join(": "),
                        at: [1, fi, sub],
                    };
                    // A bug that one municipality's figures trip must not
                    // take the others down: it becomes that one's failure row.
                    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        crate::error::fault_injected(name);
                        one(plan, job, name)
                    }));
                    let r: Vec<Outcome1> = match run {
                        Ok(Ok(list)) => list
                            .into_iter()
                            .map(|(sub, d)| {
                                d.map(|mut row| {
                                    row.0.at = [1, fi, sub];
                                    row
                                })
                                .map_err(|e| failure(e, sub))
                            })
                            .collect(),
                        Ok(Err(e)) => vec![Err(failure(e, 0))],
                        Err(payload) => vec![Err(Failure {
                            file: file.clone(),
                            error: format!(
                                "internal error: {}; the other municipalities were not affected",
                                crate::error::panic_message(payload.as_ref())
                            ),
                            at: [1, fi, 0],
                        })],
                    };
                    *results[i].lock().expect("no worker panics holding it") = r;
                    let d = done.fetch_add(1, Ordering::SeqCst) + 1;
                    if show {
                        progress(d, total);
                    }
                }
            });
        }
    });

    let mut municipalities = Vec::new();
    let mut values = Vec::new();
    let mut kept = Vec::new();
    for (r, (job, _)) in results.into_iter().zip(jobs) {
        let mut long = match job {
            Job::Long { ds, .. } => Some(ds),
            Job::Workbook { .. } => None,
        };
        for x in r.into_inner().expect("no worker panics holding it") {
            match x {
                Ok((m, v, ds)) => {
                    municipalities.push(m);
                    values.push(v);
                    if plan.keep {
                        kept.extend(ds.or_else(|| long.take()).map(|d| *d));
                    }
                }
                Err(f) => failures.push(f),
            }
        }
    }
    Ok((Summary::new(municipalities, values, failures), kept))
}
