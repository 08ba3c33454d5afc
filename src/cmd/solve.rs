//! `kivijalka solve`: the smallest move of a lever that keeps every target.

use std::path::PathBuf;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::app::solve::solve;
use crate::app::{emit, load, scenarios};
use crate::cli::SolveArgs;
use crate::cmd::Outcome;
use crate::config::{Input, Output, Settings};
use crate::error::{Error, Result};
use crate::model::projection::Options;
use crate::model::solve::{Goal, Lever, LeverSpec};
use crate::report::{self, OutputFormat};
use crate::scenario_file::parse_money;
use crate::text;

/// `tax-rate`, `tax-rate:1.5`, `savings:3 M€`, `investment-cap:5000000`.
pub fn parse_lever(s: &str) -> Result<LeverSpec> {
    let (name, bound) = match s.split_once(':') {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (s.trim(), None),
    };
    let lever = Lever::parse(name).ok_or_else(|| {
        Error::usage(text!(
            "--lever {s}: tuntematon vipu '{name}'; käytä tax-rate, savings tai investment-cap",
            "--lever {s}: okänd hävstång '{name}'; använd tax-rate, savings eller investment-cap",
            "--lever {s}: unknown lever '{name}'; use tax-rate, savings or investment-cap"
        ))
    })?;
    let bound = match bound {
        None => None,
        Some(b) => {
            let v = match lever {
                Lever::TaxRate => Decimal::from_str(&b.replace(',', ".").replace('%', "")).ok(),
                _ => parse_money(b),
            };
            // A tax rate moves by percentage points of a rate that is at
            // most 40 %; an amount stays within what a scenario may name.
            // a thousand billion euros is beyond any municipality's budget,
            // and a search up to it keeps every projected figure plausible.
            let max = match lever {
                Lever::TaxRate => Decimal::from(40),
                _ => Decimal::from(1_000_000_000_000i64),
            };
            match v {
                Some(v) if v >= Decimal::ZERO && v <= max => Some(v),
                _ => {
                    return Err(Error::usage(text!(
                        "--lever {s}: '{b}' ei ole raja (tax-rate: 0–40 prosenttiyksikköä, muuten 0–10^12 euroa, kuten \"3 M€\")",
                        "--lever {s}: '{b}' är inte en gräns (0 till 40 procentenheter för tax-rate, annars 0 till 10^12 euro såsom \"3 M€\")",
                        "--lever {s}: '{b}' is not a bound (0 to 40 percentage points for tax-rate, 0 to 10^12 euros such as \"3 M€\" otherwise)"
                    )));
                }
            }
        }
    };
    Ok(LeverSpec { lever, bound })
}

fn parse_indicators(s: &str) -> Result<Vec<u8>> {
    s.split(',')
        .map(|x| match x.trim().parse::<u8>() {
            Ok(n) if (1..=5).contains(&n) => Ok(n),
            _ => Err(Error::usage(text!(
                "--indicators {s}: '{x}' ei ole tunnusluvun numero 1–5",
                "--indicators {s}: '{x}' är inte ett indikatornummer 1–5",
                "--indicators {s}: '{x}' is not an indicator number 1–5"
            ))),
        })
        .collect()
}

/// The search needs no --years: it checks the years of the goal.
pub struct Config {
    pub input: Input,
    pub settings: Settings,
    pub output: Output,
    /// None: the default scenario.
    pub scenario: Option<PathBuf>,
    /// In the order they are tried.
    pub levers: Vec<LeverSpec>,
    pub goal: Goal,
    pub opts: Options,
    /// Kuntalaki 110 § and 118 § as a goal, with the rule book laid over
    /// the shipped one (`None` inside: the shipped one alone).
    pub statutory: Option<Option<PathBuf>>,
}

impl Config {
    pub fn new(args: &SolveArgs) -> Result<Config> {
        let (input, output) = args.base.checked()?;
        let levers = args
            .lever
            .iter()
            .map(|l| parse_lever(l))
            .collect::<Result<Vec<_>>>()?;
        let goal = Goal {
            from: args.from,
            by: args.by,
            indicators: args
                .indicators
                .as_deref()
                .map(parse_indicators)
                .transpose()?
                .unwrap_or_default(),
        };
        Ok(Config {
            input,
            settings: args.base.against.load()?,
            output,
            scenario: args.scenario.clone(),
            levers,
            goal,
            opts: args.projecting.options(),
            statutory: args.statutory.then(|| args.rules.clone()),
        })
    }
}

pub fn run(cfg: &Config) -> Result<Outcome> {
    let sc = scenarios::one(cfg.scenario.as_deref())?;
    let ds = load(&cfg.input, cfg.output.lang)?;
    let law = match &cfg.statutory {
        Some(over) => Some(crate::app::statutory::rules(over.as_deref())?),
        None => None,
    };
    let (sol, after) = solve(
        &cfg.settings,
        &ds,
        &sc,
        cfg.opts,
        &cfg.levers,
        &cfg.goal,
        law.as_ref(),
    )?;
    let (levers, lang) = (&cfg.levers, cfg.output.lang);
    emit(&cfg.output, |out| match cfg.output.format {
        OutputFormat::Table => {
            report::solve::table(&ds, &sc, levers, &sol, after.as_ref(), lang, out)?;
            report::statutory::solve_lines(&sol, lang, out)
        }
        OutputFormat::Csv => report::solve::csv(&sol, out),
        OutputFormat::Json => report::solve::json(&sol, out),
    })?;
    Ok(if sol.found.is_some() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}
