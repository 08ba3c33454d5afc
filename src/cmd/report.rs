//! `kivijalka report`: the council report, Excel or HTML by the name of --out.

use std::path::{Path, PathBuf};

use crate::app::document::{Kind, document, input, kind_of, render, setting_inputs};
use crate::app::project::{sensitivities, simulations, threads};
use crate::app::{load, scenarios, write_atomically};
use crate::cli::ReportArgs;
use crate::cmd::Outcome;
use crate::config::{Input, Settings};
use crate::error::{Error, Result};
use crate::model::projection::Options;
use crate::report::Lang;
use crate::text;

/// A report shows every year it has, in one language, to one file.
pub struct Config {
    pub input: Input,
    pub settings: Settings,
    pub lang: Lang,
    pub out: PathBuf,
    pub kind: Kind,
    /// The first is the one the summary shows.
    pub scenarios: Vec<PathBuf>,
    pub opts: Options,
    /// Paths and seed, when the scenarios are also simulated.
    pub simulate: Option<(u64, u64)>,
    pub sensitivity: bool,
    /// The 110 §/118 § rule book (the shipped one, or --rules over it).
    pub rules: crate::model::statutory::Rules,
}

impl Config {
    pub fn new(args: &ReportArgs) -> Result<Config> {
        let input = args.workbook.input(&args.reading)?;
        let out = args.out.clone().ok_or_else(|| {
            Error::usage(text!(
                "report tarvitsee valinnan --out report.xlsx tai --out report.html",
                "report behöver --out report.xlsx eller --out report.html",
                "report needs --out report.xlsx or --out report.html"
            ))
        })?;
        let kind = kind_of(&out)?;
        Ok(Config {
            input,
            settings: args.against.load()?,
            lang: args.lang.into(),
            out,
            kind,
            scenarios: args.scenario.clone(),
            opts: args.projecting.options(),
            simulate: args.simulate.map(|paths| (paths, args.seed)),
            sensitivity: args.sensitivity,
            rules: crate::app::statutory::rules(args.rules.as_deref())?,
        })
    }
}

pub fn run(cfg: &Config) -> Result<Outcome> {
    let scenarios = scenarios::all(&cfg.scenarios)?;
    let ds = load(&cfg.input, cfg.lang)?;
    let settings = setting_inputs(&scenarios, &cfg.settings)?;
    let source = input("workbook", Path::new(&ds.file))?;
    let opts = cfg.opts;
    let mut doc = document(
        &cfg.settings,
        cfg.lang,
        &ds,
        &scenarios,
        opts,
        source,
        &settings,
        &cfg.rules,
    )?;
    if let Some(run) = cfg.simulate {
        if !scenarios.iter().any(|sc| sc.is_uncertain()) {
            return Err(Error::usage_of(
                "--simulate",
                text!(
                    "--simulate tarvitsee polkujen määrän ja skenaarion (--scenario), jossa on [[uncertainty]]-kohtia",
                    "--simulate behöver ett antal banor och ett --scenario med [[uncertainty]]-poster",
                    "--simulate needs a number of paths and a --scenario with [[uncertainty]] entries"
                ),
            ));
        }
        doc.simulations = simulations(&cfg.settings, &ds, &scenarios, opts, run, threads(None))?;
    }
    if cfg.sensitivity {
        doc.sensitivity = sensitivities(&cfg.settings, &ds, &scenarios, opts)?;
        if doc.sensitivity.is_empty() {
            return Err(Error::usage_of(
                "--sensitivity",
                text!(
                    "--sensitivity tarvitsee skenaarion (--scenario), jossa on [[uncertainty]]-kohtia",
                    "--sensitivity behöver ett --scenario med [[uncertainty]]-poster",
                    "--sensitivity needs a --scenario with [[uncertainty]] entries"
                ),
            ));
        }
    }
    let allowance = cfg.settings.targets.net_cost_growth.allowance_pp;
    let bytes = render(&doc, cfg.kind, allowance, &cfg.out)?;
    write_atomically(&cfg.out, |w| w.write_all(&bytes))?;
    // Said on stderr, so a script piping stdout gets nothing it did not ask
    // for, and a person sees the run ended and where the file is.
    let p = cfg.out.display();
    eprintln!(
        "{}",
        crate::tr!(
            cfg.lang,
            "raportti kirjoitettu: {p}",
            "rapporten skriven: {p}",
            "report written: {p}"
        )
    );
    Ok(Outcome::Ok)
}
