//! `kivijalka batch`: every municipality of a folder or long table, in
//! parallel: a report each, and a summary with peer statistics. A failure is
//! listed and the rest go on; the results come out in input order whatever
//! the order the workers finish in.

use std::io::Write;

use crate::app::batch::Plan;
use crate::app::document::{Kind, setting_inputs};
use crate::app::project::options;
use crate::app::{self, scenarios, usage, write_atomically};
use crate::cli::{BatchArgs, ReportFormat};
use crate::cmd::Outcome;
use crate::error::{Error, Result};
use crate::report::batch as summary;

pub fn run(args: &BatchArgs) -> Result<Outcome> {
    let cfg = args.config()?;
    let scenarios = scenarios::all(&args.scenario)?;
    let settings = setting_inputs(&scenarios, args.targets.as_deref(), &args.index)?;
    if args.simulate.is_some() && scenarios.first().is_none_or(|sc| !sc.is_uncertain()) {
        return Err(Error::usage_of(
            "--simulate",
            "--simulate needs a number of paths and a first --scenario with [[uncertainty]] entries",
        ));
    }
    std::fs::create_dir_all(&args.out).map_err(|e| Error::io(&args.out, e))?;

    let plan = Plan {
        cfg: &cfg,
        scenarios: &scenarios,
        settings: &settings,
        opts: options(&args.projecting),
        simulate: args.simulate.map(|paths| (paths, args.seed)),
        report: match args.report {
            ReportFormat::Html => Some(Kind::Html),
            ReportFormat::Xlsx => Some(Kind::Xlsx),
            ReportFormat::None => None,
        },
        out: &args.out,
        jobs: args.jobs,
    };
    let sum = app::batch::run(&plan, &args.inputs)?;
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
