//! `kivijalka batch`: every municipality of a folder or long table, in
//! parallel: a report each, and a summary with peer statistics. A failure is
//! listed and the rest go on; the results come out in input order whatever
//! the order the workers finish in.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::app::document::{Kind, document, input, render, setting_inputs};
use crate::app::project::{options, simulations, threads};
use crate::app::{refuse_errors, scenarios, usage, write_atomically};
use crate::cli::{BatchArgs, Config, ReportFormat};
use crate::cmd::Outcome;
use crate::error::{Error, Location, Result};
use crate::ingest;
use crate::model::dataset::Dataset;
use crate::model::indicators::IndicatorValue;
use crate::model::scenario::Scenario;
use crate::report::batch as summary;
use crate::report::batch::{Failure, Municipality, Summary};
use crate::report::document::InputFile;

/// One unit of work: a workbook, or one municipality of a long table.
enum Job {
    Workbook(PathBuf),
    Long { ds: Box<Dataset>, source: InputFile },
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
pub fn slug(s: &str) -> String {
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

type Outcome1 = std::result::Result<(Municipality, Vec<IndicatorValue>), Failure>;
type Done = std::result::Result<(Municipality, Vec<IndicatorValue>), Error>;

struct Ctx<'a> {
    cfg: &'a Config,
    args: &'a BatchArgs,
    scenarios: &'a [Scenario],
    settings: &'a [InputFile],
}

/// A workbook's municipality, or each municipality of a long table on one
/// of its sheets.
fn one(cx: &Ctx, job: &Job, report_name: &str) -> std::result::Result<Vec<Done>, Error> {
    match job {
        Job::Workbook(p) => {
            let source = input("workbook", p)?;
            let (sets, long) = ingest::read_any(p)?;
            let mut out = Vec::new();
            for ds in sets {
                let name = if long {
                    slug(&format!("{report_name}-{}", ds.name()))
                } else {
                    report_name.to_string()
                };
                out.push(
                    refuse_errors(ds, cx.cfg.allow_unknown)
                        .and_then(|ds| municipality(cx, &ds, source.clone(), &name)),
                );
            }
            Ok(out)
        }
        Job::Long { ds, source } => Ok(vec![municipality(cx, ds, source.clone(), report_name)]),
    }
}

fn municipality(cx: &Ctx, ds: &Dataset, source: InputFile, report_name: &str) -> Done {
    let mut doc = document(
        cx.cfg,
        ds,
        cx.scenarios,
        options(&cx.args.projecting),
        source,
        cx.settings,
    )?;
    // One thread a municipality: the workers already use every core.
    if let Some(paths) = cx.args.simulate {
        doc.simulations = simulations(
            cx.cfg,
            ds,
            cx.scenarios,
            options(&cx.args.projecting),
            (paths, cx.args.seed),
            1,
        )?;
    }
    // The probability that each target holds, under the first scenario (the
    // one whose values the summary shows; `run` made sure it is uncertain).
    let p_met = doc
        .simulations
        .first()
        .filter(|s| cx.scenarios.first().is_some_and(|sc| sc.name == s.scenario))
        .map(|s| {
            s.cells
                .iter()
                .map(|c| ((c.indicator, c.year), c.p_met))
                .collect()
        })
        .unwrap_or_default();
    let report = match cx.args.report {
        ReportFormat::None => None,
        f => {
            let (kind, ext) = if f == ReportFormat::Xlsx {
                (Kind::Xlsx, "xlsx")
            } else {
                (Kind::Html, "html")
            };
            let name = format!("{report_name}.{ext}");
            let path = cx.args.out.join(&name);
            let bytes = render(
                &doc,
                kind,
                cx.cfg.targets.net_cost_growth.allowance_pp,
                &path,
            )?;
            write_atomically(&path, |w| w.write_all(&bytes))?;
            Some(name)
        }
    };
    // The summary needs the values, not the cells they were made from.
    let mut values = doc.main().values.clone();
    for v in &mut values {
        v.inputs = Vec::new();
    }
    Ok((
        Municipality {
            name: ds.name().to_string(),
            code: ds.municipality_code.clone(),
            file: ds.file.clone(),
            report,
            p_met,
        },
        values,
    ))
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

/// What a panic said, for the failure row.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".into())
}

pub fn run(args: &BatchArgs) -> Result<Outcome> {
    let cfg = args.config()?;
    let scenarios = scenarios::all(&args.scenario)?;
    let settings = setting_inputs(&scenarios, args.targets.as_deref(), &args.index)?;
    if let Some(paths) = args.simulate
        && (paths == 0
            || scenarios
                .first()
                .is_none_or(|sc| sc.uncertainty.items.is_empty()))
    {
        return Err(Error::config(
            Location::file("--simulate"),
            "--simulate needs a number of paths and a first --scenario with [[uncertainty]] entries",
        ));
    }
    std::fs::create_dir_all(&args.out).map_err(|e| Error::io(&args.out, e))?;

    // The jobs and their report names, fixed before any work starts.
    let mut jobs: Vec<(Job, String)> = Vec::new();
    let mut failures: Vec<Failure> = Vec::new();
    for f in files(&args.inputs)? {
        let stem = f
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        if f.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
            let text = ingest::csv_text::read_file(&f)?;
            match ingest::long::read_long_csv(&text, &f.display().to_string()) {
                Ok(sets) => {
                    let source = input("long table", &f)?;
                    for ds in sets {
                        let name = slug(&format!("{stem}-{}", ds.name()));
                        jobs.push((
                            Job::Long {
                                ds: Box::new(ds),
                                source: source.clone(),
                            },
                            name,
                        ));
                    }
                }
                Err(e) => failures.push(Failure {
                    file: f.display().to_string(),
                    error: e.chain().join(": "),
                }),
            }
        } else {
            jobs.push((Job::Workbook(f.clone()), slug(&stem)));
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
    let workers = threads(args.jobs).clamp(1, total.max(1));
    let cx = Ctx {
        cfg: &cfg,
        args,
        scenarios: &scenarios,
        settings: &settings,
    };
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= total {
                        break;
                    }
                    let (job, name) = &jobs[i];
                    let file = match job {
                        Job::Workbook(p) => p.display().to_string(),
                        Job::Long { ds, .. } => format!("{} ({})", ds.file, ds.name()),
                    };
                    let failure = |e: Error| Failure {
                        file: file.clone(),
                        error: e.chain().join(": "),
                    };
                    // A bug that one municipality's figures trip must not
                    // take the others down: it becomes that one's failure row.
                    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        crate::error::fault_injected(name);
                        one(&cx, job, name)
                    }));
                    let r: Vec<Outcome1> = match run {
                        Ok(Ok(list)) => list.into_iter().map(|d| d.map_err(failure)).collect(),
                        Ok(Err(e)) => vec![Err(failure(e))],
                        Err(payload) => vec![Err(Failure {
                            file: file.clone(),
                            error: format!(
                                "internal error: {}; the other municipalities were not affected",
                                panic_message(payload.as_ref())
                            ),
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
    for r in results {
        for x in r.into_inner().expect("no worker panics holding it") {
            match x {
                Ok((m, v)) => {
                    municipalities.push(m);
                    values.push(v);
                }
                Err(f) => failures.push(f),
            }
        }
    }
    let sum = Summary::new(municipalities, values, failures);
    // All three made before any is written, so none is left half done.
    let csv_path = args.out.join("summary.csv");
    let mut csv_bytes = Vec::new();
    summary::csv(&sum, &mut csv_bytes).map_err(|e| Error::io(&csv_path, e))?;
    let xlsx = crate::report::xlsx::batch_summary(&sum, cfg.lang).map_err(|e| {
        Error::io(
            args.out.join("summary.xlsx"),
            std::io::Error::other(e.to_string()),
        )
    })?;
    let mut fail_bytes = Vec::new();
    summary::failures_csv(&sum, &mut fail_bytes).map_err(|e| Error::io("failures.csv", e))?;
    write_atomically(&csv_path, |w| w.write_all(&csv_bytes))?;
    write_atomically(&args.out.join("summary.xlsx"), |w| w.write_all(&xlsx))?;
    write_atomically(&args.out.join("failures.csv"), |w| w.write_all(&fail_bytes))?;

    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "{} of {} municipalities done, {} failed; summary: {}",
        sum.municipalities.len(),
        sum.municipalities.len() + sum.failures.len(),
        sum.failures.len(),
        csv_path.display()
    );
    for f in &sum.failures {
        let _ = writeln!(err, "failed: {}", f.error);
    }
    if sum.municipalities.is_empty() && sum.failures.is_empty() {
        return Err(usage(
            "no workbooks or long tables (.xlsx, .xls, .ods, .csv) in the inputs",
        ));
    }
    Ok(if sum.failures.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}
