//! `kivijalka report`: the council report, Excel or HTML by the name of --out.

use std::path::Path;

use crate::app::document::{document, input, kind_of, render, setting_inputs};
use crate::app::project::{options, sensitivities, simulations, threads};
use crate::app::{load, scenarios, usage, write_atomically};
use crate::cli::ReportArgs;
use crate::cmd::Outcome;
use crate::error::{Error, Result};

pub fn run(args: &ReportArgs) -> Result<Outcome> {
    let cfg = args.common.config()?;
    let out = cfg
        .out
        .clone()
        .ok_or_else(|| usage("report needs --out report.xlsx or --out report.html"))?;
    let kind = kind_of(&out)?;
    let scenarios = scenarios::all(&args.scenario)?;
    let ds = load(&cfg)?;
    let settings = setting_inputs(
        &scenarios,
        args.common.targets.as_deref(),
        &args.common.index,
    )?;
    let source = input("workbook", Path::new(&ds.file))?;
    let opts = options(&args.projecting);
    let mut doc = document(&cfg, &ds, &scenarios, opts, source, &settings)?;
    if let Some(paths) = args.simulate {
        if !scenarios.iter().any(|sc| sc.is_uncertain()) {
            return Err(Error::usage_of(
                "--simulate",
                "--simulate needs a number of paths and a --scenario with [[uncertainty]] entries",
            ));
        }
        doc.simulations = simulations(
            &cfg,
            &ds,
            &scenarios,
            opts,
            (paths, args.seed),
            threads(None),
        )?;
    }
    if args.sensitivity {
        doc.sensitivity = sensitivities(&cfg, &ds, &scenarios, opts)?;
        if doc.sensitivity.is_empty() {
            return Err(Error::usage_of(
                "--sensitivity",
                "--sensitivity needs a --scenario with [[uncertainty]] entries",
            ));
        }
    }
    let bytes = render(&doc, kind, cfg.targets.net_cost_growth.allowance_pp, &out)?;
    write_atomically(&out, |w| w.write_all(&bytes))?;
    Ok(Outcome::Ok)
}
