//! Command-line arguments: the clap definitions and the parsing of flag
//! values. Each command turns its flags into its own validated config
//! (`Config::new` beside the command in [`crate::cmd`]) before any work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::{Input, Output, Settings, Years};
use crate::error::{Error, Result};
use crate::model::projection::Options;
use crate::report::{Lang, OutputFormat};

mod help_text;
mod localized;
mod usage_error;

pub use crate::model::scenario::{FIRST_YEAR, LAST_YEAR};
/// Simulated paths: a million gives the probabilities to a tenth of a
/// percentage point; more only takes hours.
pub const MAX_PATHS: u64 = 1_000_000;
/// Worker threads: more than any machine it runs on has cores.
pub const MAX_JOBS: usize = 1024;

/// A year flag: within the years kivijalka projects and reads.
fn year() -> clap::builder::RangedI64ValueParser<i32> {
    clap::value_parser!(i32).range(FIRST_YEAR as i64..=LAST_YEAR as i64)
}

/// A number of simulated paths.
fn paths() -> clap::builder::RangedU64ValueParser<u64> {
    clap::value_parser!(u64).range(1..=MAX_PATHS)
}

/// One shard of a batch split across machines: the `index`-th of `count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

fn shard(s: &str) -> std::result::Result<Shard, String> {
    let parsed = s.split_once('/').and_then(|(i, n)| {
        Some(Shard {
            index: i.trim().parse().ok()?,
            count: n.trim().parse().ok()?,
        })
    });
    match parsed {
        Some(x) if x.index >= 1 && x.index <= x.count && x.count <= MAX_JOBS as u32 => Ok(x),
        _ => Err(format!(
            "expected I/N with 1 ≤ I ≤ N ≤ {MAX_JOBS}, e.g. 2/4"
        )),
    }
}

fn jobs(s: &str) -> std::result::Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_JOBS).contains(&n) => Ok(n),
        _ => Err(format!("expected a number of threads from 1 to {MAX_JOBS}")),
    }
}

#[derive(Parser, Debug)]
#[command(
    name = "kivijalka",
    version,
    about = "Checks and measures a Finnish municipality's financial statements against the strategy \"Kestävä talous kivijalkana\"."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// The command line in `lang` as the manual pages describe it: the
/// derive's definitions with every text in that language.
pub fn command(lang: Lang) -> clap::Command {
    let cli = <Cli as clap::CommandFactory>::command();
    localized::to_describe(cli, lang, localized::Noted::Yes)
}

/// The command line in `lang` as the completions describe it: each flag's
/// help without the notes after it (default, possible values), which the
/// shell offers in its own way.
pub fn completing(lang: Lang) -> clap::Command {
    let cli = <Cli as clap::CommandFactory>::command();
    localized::to_describe(cli, lang, localized::Noted::No)
}

/// The command line read in the language it names with `--lang`, else the
/// environment's ([`Lang::from_env`]): help and usage errors are printed
/// in it, and the process exits on them as `Cli::parse` would.
pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = lang_flag(&args).unwrap_or_else(Lang::from_env);
    let mut cmd = localized::to_parse(<Cli as clap::CommandFactory>::command(), lang);
    let matches =
        (cmd.try_get_matches_from_mut(args)).unwrap_or_else(|e| usage_error::exit(e, lang));
    <Cli as clap::FromArgMatches>::from_arg_matches(&matches)
        .unwrap_or_else(|e| usage_error::exit(e.format(&mut cmd), lang))
}

/// The language a command line names with `--lang xx` or `--lang=xx`
/// before any `--`, read ahead of clap: who writes `--lang en` reads the
/// help and a usage error of that line in English too.
fn lang_flag(args: &[std::ffi::OsString]) -> Option<Lang> {
    let words: Vec<&str> = (args.iter())
        .map(|a| a.to_str().unwrap_or_default())
        .take_while(|a| *a != "--")
        .collect();
    let named = |i: usize| match words[i].strip_prefix("--lang=") {
        Some(code) => Some(code),
        None => (words[i] == "--lang")
            .then(|| words.get(i + 1).copied())
            .flatten(),
    };
    let code = (0..words.len()).rev().find_map(named)?;
    [Lang::Fi, Lang::Sv, Lang::En]
        .into_iter()
        .find(|l| l.code() == code)
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The five strategy indicators by year, with target status.
    #[command(
        after_help = "Examples:\n  kivijalka indicators data/kivikoski.xlsx\n  kivijalka indicators data/kivikoski.xlsx --lang en --format csv --out indicators.csv"
    )]
    Indicators(Explaining),
    /// The standard key ratios (tunnusluvut) for the city and the group.
    #[command(
        after_help = "Examples:\n  kivijalka ratios data/kivikoski.xlsx --years 2023-2025\n  kivijalka ratios data/kivikoski.xlsx --explain"
    )]
    Ratios(Explaining),
    /// Validates the workbook; exit code 1 when it has errors.
    #[command(after_help = "Examples:\n  kivijalka check data/kivikoski.xlsx")]
    Check(CheckArgs),
    /// The statements as read, line by line, with the row each came from.
    #[command(
        after_help = "Examples:\n  kivijalka statements data/kivikoski.xlsx --format csv --out lines.csv"
    )]
    Statements(StatementsArgs),
    /// Projects the statements under a scenario; the five indicators by year to the horizon.
    #[command(
        after_help = "Examples:\n  kivijalka forecast data/kivikoski.xlsx --scenario scenarios/baseline.toml\n  kivijalka forecast data/kivikoski.xlsx --scenario scenarios/savings.toml --horizon 2032 --lang en"
    )]
    Forecast(ForecastArgs),
    /// Scenarios side by side: each indicator's path and where a target's status changes.
    #[command(
        after_help = "Examples:\n  kivijalka compare data/kivikoski.xlsx scenarios/baseline.toml scenarios/tax_rise.toml"
    )]
    Compare(CompareArgs),
    /// The smallest move of a lever (tax rate, savings, investment cap) that keeps every target.
    #[command(
        after_help = "Examples:\n  kivijalka solve data/kivikoski.xlsx --scenario scenarios/baseline.toml --lever savings --indicators 1,2,5\n  kivijalka solve data/kivikoski.xlsx --scenario scenarios/baseline.toml --lever tax-rate:1.0 --lever savings --indicators 1,2"
    )]
    Solve(SolveArgs),
    /// How likely each target is to hold: Monte Carlo over the scenario's uncertain drivers.
    #[command(
        after_help = "Examples:\n  kivijalka simulate data/kivikoski.xlsx --scenario scenarios/uncertain.toml --paths 2000"
    )]
    Simulate(SimulateArgs),
    /// Each uncertain driver alone at its 5th and 95th percentile: what moves each target most.
    #[command(
        after_help = "Examples:\n  kivijalka sensitivity data/kivikoski.xlsx --scenario scenarios/uncertain.toml"
    )]
    Sensitivity(SensitivityArgs),
    /// A council report: Excel (--out report.xlsx) or one self-contained HTML page (--out report.html).
    #[command(
        after_help = "Examples:\n  kivijalka report data/kivikoski.xlsx --scenario scenarios/baseline.toml --scenario scenarios/savings.toml --out report.html\n  kivijalka report data/kivikoski.xlsx --scenario scenarios/uncertain.toml --simulate 1000 --lang en --out report.xlsx"
    )]
    Report(ReportArgs),
    /// Indicators (and forecasts) for many municipalities: a report each and a summary with peer statistics.
    #[command(
        after_help = "Examples:\n  kivijalka batch data/kivikoski.xlsx --scenario scenarios/baseline.toml --out batch"
    )]
    Batch(BatchArgs),
    /// Kuntalaki 110 § (a deficit covered in time, the plan balanced) and 118 § (the assessment procedure's criteria) by year; exit code 1 when a deadline is missed, a ground is met or the plan is in deficit.
    #[command(
        after_help = "Examples:\n  kivijalka statutory data/kivikoski.xlsx\n  kivijalka statutory data/kivikoski.xlsx --scenario scenarios/baseline.toml --format json"
    )]
    Statutory(StatutoryArgs),
    /// Scenario files: what differs between two, the reference of keys, the settings in effect.
    #[command(
        subcommand,
        after_help = "Examples:\n  kivijalka scenario diff scenarios/baseline.toml scenarios/savings.toml\n  kivijalka scenario show scenarios/uncertain.toml\n  kivijalka scenario keys"
    )]
    Scenario(ScenarioCmd),
    /// Shell completions for bash, zsh, fish or PowerShell, printed to stdout.
    #[command(
        after_help = "Examples:\n  kivijalka completions bash > ~/.local/share/bash-completion/completions/kivijalka\n  kivijalka completions zsh > ~/.zfunc/_kivijalka"
    )]
    Completions {
        /// The shell the completions are for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff) of kivijalka or of one command, printed to stdout.
    #[command(
        after_help = "Examples:\n  kivijalka man > kivijalka.1 && man ./kivijalka.1\n  kivijalka man forecast > kivijalka-forecast.1"
    )]
    Man {
        /// The command whose page to print (default: kivijalka's own).
        command: Option<String>,
    },
    /// The statement lines kivijalka knows, with their Finnish, Swedish and English names.
    #[command(after_help = "Examples:\n  kivijalka lines\n  kivijalka lines --lang en")]
    Lines {
        /// The language of the output (default: KIVIJALKA_LANG, else Finnish).
        #[arg(long, value_enum, env = "KIVIJALKA_LANG", default_value_t = LangArg::Fi)]
        lang: LangArg,
    },
}

// The flags come in groups, and each command flattens the groups it
// honours: a flag a command would ignore is not offered, so giving it is
// clap's usage error rather than a silent no-op.

/// The workbook a command reads. Optional to clap so that its absence is
/// told in kivijalka's own words, as the other usage errors are.
#[derive(Args, Debug)]
pub struct Workbook {
    /// The statement workbook (xlsx, xls, ods).
    pub workbook: Option<PathBuf>,
}

/// What a command that measures measures against.
#[derive(Args, Debug)]
pub struct Against {
    /// Targets file (TOML); default: the strategy's own targets.
    #[arg(long)]
    pub targets: Option<PathBuf>,
    /// Price-index CSV (year, change %) laid over the shipped KPHI series; may repeat.
    #[arg(long)]
    pub index: Vec<PathBuf>,
}

/// Where a command prints a table, CSV or JSON, and in which language.
#[derive(Args, Debug)]
pub struct Printing {
    /// The language of the output (default: KIVIJALKA_LANG, else Finnish).
    #[arg(long, value_enum, env = "KIVIJALKA_LANG", default_value_t = LangArg::Fi)]
    pub lang: LangArg,
    /// Output format: a table for reading, CSV or JSON for programs.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Write the output to this file (written whole or not at all) instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Print tables at full width even on a narrower terminal (files and pipes always get it).
    #[arg(long)]
    pub wide: bool,
}

/// The years a command shows; the commands that measure every projected
/// year (solve, simulate, sensitivity, report) do not offer it.
#[derive(Args, Debug)]
pub struct Shown {
    /// Only these years, as 2022-2026 or 2024.
    #[arg(long)]
    pub years: Option<String>,
}

/// Whether a workbook with errors is read past them; `check` reports them
/// instead, so it does not offer this.
#[derive(Args, Debug)]
pub struct Reading {
    /// Read the rest of a workbook that has unknown lines or unreadable cells.
    #[arg(long)]
    pub allow_unknown: bool,
}

/// A workbook measured against the settings and shown by year: the flags
/// of indicators, ratios, forecast and compare.
#[derive(Args, Debug)]
pub struct Measured {
    #[command(flatten)]
    pub workbook: Workbook,
    #[command(flatten)]
    pub against: Against,
    #[command(flatten)]
    pub printing: Printing,
    #[command(flatten)]
    pub shown: Shown,
    #[command(flatten)]
    pub reading: Reading,
}

/// The flags of `check`: the workbook as it is, errors and all.
#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub workbook: Workbook,
    #[command(flatten)]
    pub printing: Printing,
}

/// The flags of `statements`: the workbook as read, measured against
/// nothing.
#[derive(Args, Debug)]
pub struct StatementsArgs {
    #[command(flatten)]
    pub workbook: Workbook,
    #[command(flatten)]
    pub printing: Printing,
    #[command(flatten)]
    pub shown: Shown,
    #[command(flatten)]
    pub reading: Reading,
}

/// The flags of the commands that measure every projected year: solve,
/// simulate and sensitivity.
#[derive(Args, Debug)]
pub struct AllYears {
    #[command(flatten)]
    pub workbook: Workbook,
    #[command(flatten)]
    pub against: Against,
    #[command(flatten)]
    pub printing: Printing,
    #[command(flatten)]
    pub reading: Reading,
}

/// The flags of the commands that can print their formulas instead of
/// figures; only they offer `--explain`.
#[derive(Args, Debug)]
pub struct Explaining {
    #[command(flatten)]
    pub measured: Measured,
    /// Print each formula and its source instead of the figures.
    #[arg(long)]
    pub explain: bool,
}

#[derive(Args, Debug)]
pub struct Projecting {
    /// Project from this actual year (default: the workbook's last); later years are ignored.
    #[arg(long, value_parser = year())]
    pub start: Option<i32>,
    /// The last projected year (default: the scenario's, or start + 10).
    #[arg(long, value_parser = year())]
    pub horizon: Option<i32>,
}

#[derive(Args, Debug)]
pub struct ForecastArgs {
    #[command(flatten)]
    pub measured: Measured,
    /// Scenario file (TOML); default: the budget and plan as given, then the default drivers.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    #[command(flatten)]
    pub projecting: Projecting,
    /// What to show: the indicators with the drivers beside them, or the projected statements.
    #[arg(long, value_enum, default_value_t = Show::Indicators)]
    pub show: Show,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Show {
    Indicators,
    /// The drivers and key figures by year (population, tax, loans, cash, ...).
    Drivers,
    Statements,
}

#[derive(Args, Debug)]
pub struct CompareArgs {
    #[command(flatten)]
    pub measured: Measured,
    /// Scenario files; the first is the baseline the others are compared with.
    pub scenarios: Vec<PathBuf>,
    #[command(flatten)]
    pub projecting: Projecting,
}

#[derive(Args, Debug)]
pub struct SolveArgs {
    #[command(flatten)]
    pub base: AllYears,
    /// The scenario the lever is moved from.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// tax-rate[:MAX_PP], savings[:MAX_EUR] or investment-cap[:MIN_EUR]; several are used in
    /// the order given, each only when the ones before it at their bound are not enough.
    #[arg(long, required = true)]
    pub lever: Vec<String>,
    /// Every target must hold in every year up to this one (default: the horizon).
    #[arg(long, value_parser = year())]
    pub by: Option<i32>,
    /// The first year the lever moves, and of the years checked (default: the first projected year).
    #[arg(long, value_parser = year())]
    pub from: Option<i32>,
    /// Only these indicators must hold, as 1,2,5 (default: all five; none with --statutory).
    #[arg(long)]
    pub indicators: Option<String>,
    /// Kuntalaki 110 § and 118 § as the goal: no deficit past its deadline and no 118 § ground
    /// met in the years checked (with --indicators, those targets too).
    #[arg(long)]
    pub statutory: bool,
    /// With --statutory, a rule book (TOML, as data/statutory.toml) laid over the shipped one.
    #[arg(long, requires = "statutory")]
    pub rules: Option<PathBuf>,
    #[command(flatten)]
    pub projecting: Projecting,
}

#[derive(Args, Debug)]
pub struct SimulateArgs {
    #[command(flatten)]
    pub base: AllYears,
    /// The scenario with [[uncertainty]] entries.
    #[arg(long)]
    pub scenario: PathBuf,
    /// Number of simulated paths.
    #[arg(long, default_value_t = 10_000, value_parser = paths())]
    pub paths: u64,
    /// The seed: the same seed gives the same numbers on every machine.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Worker threads (default: all cores); the result does not depend on it.
    #[arg(long, value_parser = jobs)]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub projecting: Projecting,
}

#[derive(Args, Debug)]
pub struct SensitivityArgs {
    #[command(flatten)]
    pub base: AllYears,
    /// The scenario with [[uncertainty]] entries.
    #[arg(long)]
    pub scenario: PathBuf,
    #[command(flatten)]
    pub projecting: Projecting,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub workbook: Workbook,
    #[command(flatten)]
    pub against: Against,
    /// The language of the output (default: KIVIJALKA_LANG, else Finnish).
    #[arg(long, value_enum, env = "KIVIJALKA_LANG", default_value_t = LangArg::Fi)]
    pub lang: LangArg,
    /// The report's file, Excel (.xlsx) or HTML (.html), written whole or not at all.
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub reading: Reading,
    /// Scenario files; the first is the one the summary shows, all are compared.
    #[arg(long)]
    pub scenario: Vec<PathBuf>,
    /// Also simulate every scenario with uncertain drivers over this many paths (fan charts), each with the same seed.
    #[arg(long, value_parser = paths())]
    pub simulate: Option<u64>,
    /// The simulation's seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Also the sensitivity to the uncertain drivers of every scenario that has them (tornado charts).
    #[arg(long)]
    pub sensitivity: bool,
    #[command(flatten)]
    pub projecting: Projecting,
    /// A 110 §/118 § rule book (TOML, as data/statutory.toml) laid over the shipped one: its entries replace those of the same year.
    #[arg(long)]
    pub rules: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct BatchArgs {
    /// Workbooks, long tables (CSV, or Parquet in a parquet build: municipality, year, item, value, ...) or folders of them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The folder for the reports and the summary (created if missing).
    #[arg(long)]
    pub out: PathBuf,
    /// Scenario files; with one or more, each municipality is also projected.
    #[arg(long)]
    pub scenario: Vec<PathBuf>,
    /// The report written for each municipality.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub report: ReportFormat,
    /// Targets file (TOML); default: the strategy's own targets.
    #[arg(long)]
    pub targets: Option<PathBuf>,
    /// Price-index CSV (year, change %) laid over the shipped KPHI series; may repeat.
    #[arg(long)]
    pub index: Vec<PathBuf>,
    /// The language of the output (default: KIVIJALKA_LANG, else Finnish).
    #[arg(long, value_enum, env = "KIVIJALKA_LANG", default_value_t = LangArg::Fi)]
    pub lang: LangArg,
    /// Worker threads (default: all cores).
    #[arg(long, value_parser = jobs)]
    pub jobs: Option<usize>,
    /// Read the rest of a workbook that has unknown lines or unreadable cells.
    #[arg(long)]
    pub allow_unknown: bool,
    /// Also simulate each municipality over this many paths: fan charts in
    /// its report, and the probability that each target holds (under the
    /// first scenario, which needs [[uncertainty]] entries) in the summary.
    #[arg(long, value_parser = paths())]
    pub simulate: Option<u64>,
    /// The simulation's seed (the same for every municipality).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Also write the panel, every figure read and every indicator with its
    /// peer statistics, one row each (docs/panel.md): FILE.csv, or
    /// FILE.parquet in a build with the `parquet` feature.
    #[arg(long, value_name = "FILE")]
    pub panel: Option<PathBuf>,
    /// Run only shard I of N (e.g. 2/4): the municipalities whose code
    /// hashes to it. `batch --merge` joins the shards' folders.
    #[arg(long, value_name = "I/N", value_parser = shard)]
    pub shard: Option<Shard>,
    /// The inputs are the --out folders of `--shard` runs: their summary,
    /// peers over all of them, as one unsharded run would give.
    #[arg(long, conflicts_with_all = ["shard", "panel", "scenario", "simulate", "peer_group", "peer_group_file"])]
    pub merge: bool,
    /// Rank and compare each municipality within the peer group named in
    /// this column of the long tables (a region, a type; one value per
    /// municipality), beside all municipalities; by default within its
    /// population size class.
    #[arg(long, value_name = "COLUMN")]
    pub peer_group: Option<String>,
    /// Rank and compare each municipality within its group in this file of
    /// lines `code,group` (a header, then a municipality a line), for
    /// workbooks and long tables alike; a municipality the file leaves out
    /// is in no group.
    #[arg(long, value_name = "FILE.csv", conflicts_with = "peer_group")]
    pub peer_group_file: Option<PathBuf>,
    #[command(flatten)]
    pub projecting: Projecting,
    /// A 110 §/118 § rule book (TOML, as data/statutory.toml) laid over the shipped one: its entries replace those of the same year.
    #[arg(long)]
    pub rules: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Html,
    Xlsx,
    None,
}

#[derive(Subcommand, Debug)]
pub enum ScenarioCmd {
    /// Says in words what differs between two scenario files.
    Diff {
        /// The first scenario file (TOML).
        a: PathBuf,
        /// The second scenario file, compared with the first.
        b: PathBuf,
        /// The language of the output (default: KIVIJALKA_LANG, else Finnish).
        #[arg(long, value_enum, env = "KIVIJALKA_LANG", default_value_t = LangArg::Fi)]
        lang: LangArg,
    },
    /// The settings a scenario file gives, after `extends`, with defaults named.
    Show {
        /// The scenario file (TOML).
        file: PathBuf,
        /// The language of the output (default: KIVIJALKA_LANG, else Finnish).
        #[arg(long, value_enum, env = "KIVIJALKA_LANG", default_value_t = LangArg::Fi)]
        lang: LangArg,
    },
    /// The reference of every key a scenario file may hold (Markdown).
    Keys {
        /// The language of the output (default: KIVIJALKA_LANG, else Finnish).
        #[arg(long, value_enum, env = "KIVIJALKA_LANG", default_value_t = LangArg::Fi)]
        lang: LangArg,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    Fi,
    Sv,
    En,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    Table,
    Csv,
    Json,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Fi => Lang::Fi,
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        }
    }
}

impl Projecting {
    pub fn options(&self) -> Options {
        Options {
            base_year: self.start,
            horizon: self.horizon,
        }
    }
}

/// `--years 2022-2026` or `--years 2024`, within the years kivijalka reads.
pub fn parse_years(s: &str) -> Result<Years> {
    let bad = || {
        Error::usage_of(
            "--years",
            crate::text!(
                "'{s}' ei ole vuosi eikä väli kuten 2022-2026",
                "'{s}' är inte ett år eller ett intervall som 2022-2026",
                "'{s}' is not a year or a range such as 2022-2026"
            ),
        )
    };
    let (a, b) = match s.split_once(['-', '–']) {
        Some((a, b)) => (
            a.trim().parse().map_err(|_| bad())?,
            b.trim().parse().map_err(|_| bad())?,
        ),
        None => {
            let y = s.trim().parse().map_err(|_| bad())?;
            (y, y)
        }
    };
    if b < a {
        return Err(bad());
    }
    for y in [a, b] {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&y) {
            return Err(Error::usage_of(
                "--years",
                crate::text!(
                    "{y} on vuosien {FIRST_YEAR}–{LAST_YEAR} ulkopuolella",
                    "{y} ligger utanför åren {FIRST_YEAR}–{LAST_YEAR}",
                    "{y} is outside the years {FIRST_YEAR}–{LAST_YEAR}"
                ),
            ));
        }
    }
    Ok(Years(Some((a, b))))
}

impl Workbook {
    /// The workbook named, or the usage error that says one is needed.
    pub fn path(&self) -> Result<PathBuf> {
        self.workbook.clone().ok_or_else(|| {
            Error::usage(crate::text!(
                "tämä komento tarvitsee työkirjan (xlsx, xls tai ods)",
                "det här kommandot behöver en arbetsbok (xlsx, xls eller ods)",
                "this command needs a workbook (xlsx, xls or ods)"
            ))
        })
    }

    pub fn input(&self, reading: &Reading) -> Result<Input> {
        Ok(Input {
            workbook: self.path()?,
            allow_unknown: reading.allow_unknown,
        })
    }
}

impl Against {
    /// Reads the files named: the one step of a config that does I/O, so
    /// each command calls it after its other flags are checked.
    pub fn load(&self) -> Result<Settings> {
        Settings::load(self.targets.as_deref(), &self.index)
    }
}

impl Printing {
    pub fn output(&self) -> Output {
        Output {
            format: match self.format {
                FormatArg::Table => OutputFormat::Table,
                FormatArg::Csv => OutputFormat::Csv,
                FormatArg::Json => OutputFormat::Json,
            },
            lang: self.lang.into(),
            out: self.out.clone(),
            wide: self.wide,
        }
    }
}

impl Shown {
    pub fn years(&self) -> Result<Years> {
        self.years
            .as_deref()
            .map(parse_years)
            .unwrap_or(Ok(Years::ALL))
    }
}

impl Measured {
    /// The workbook, then the years, checked; nothing is read.
    pub fn checked(&self) -> Result<(Input, Output, Years)> {
        let input = self.workbook.input(&self.reading)?;
        Ok((input, self.printing.output(), self.shown.years()?))
    }
}

impl AllYears {
    /// The workbook checked; nothing is read.
    pub fn checked(&self) -> Result<(Input, Output)> {
        let input = self.workbook.input(&self.reading)?;
        Ok((input, self.printing.output()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_lang_flag_names_the_language_of_the_help_and_usage_errors() {
        let of = |line: &str| lang_flag(&line.split(' ').map(Into::into).collect::<Vec<_>>());
        assert_eq!(of("kivijalka check --explain --lang en"), Some(Lang::En));
        assert_eq!(of("kivijalka forecast --help --lang=sv"), Some(Lang::Sv));
        assert_eq!(of("kivijalka --lang sv forecast --lang fi"), Some(Lang::Fi));
        assert_eq!(of("kivijalka forecast --lang"), None);
        assert_eq!(of("kivijalka forecast --lang de"), None);
        assert_eq!(of("kivijalka compare x -- --lang en"), None);
    }

    #[test]
    fn years_are_one_year_or_a_range_within_the_bounds() {
        assert_eq!(parse_years("2022-2026").unwrap(), Years(Some((2022, 2026))));
        assert_eq!(parse_years(" 2024 ").unwrap(), Years(Some((2024, 2024))));
        assert_eq!(parse_years("2022–2023").unwrap(), Years(Some((2022, 2023))));
        assert_eq!(parse_years("1990-2100").unwrap(), Years(Some((1990, 2100))));
        for bad in ["2026-2022", "x", "1989", "2022-2101", "", "-2024"] {
            assert!(
                matches!(parse_years(bad), Err(Error::Usage { flag: Some(ref f), .. }) if f == "--years"),
                "{bad}"
            );
        }
        let y = parse_years("2022-2024").unwrap();
        assert_eq!(
            (1990..=2100).filter(|x| y.shows(*x)).collect::<Vec<_>>(),
            [2022, 2023, 2024]
        );
        assert!((1990..=2100).all(|x| Years::ALL.shows(x)));
    }
}

/// `statutory`: a workbook it must have, the printing and reading groups,
/// and flags of its own.
#[derive(Args, Debug)]
pub struct StatutoryArgs {
    /// The statement workbook (xlsx, xls, ods).
    pub workbook: PathBuf,
    /// Scenario file (TOML): also the projected years, judged alike.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// A rule book (TOML, as data/statutory.toml) laid over the shipped one: its entries replace those of the same year.
    #[arg(long)]
    pub rules: Option<PathBuf>,
    #[command(flatten)]
    pub printing: Printing,
    #[command(flatten)]
    pub reading: Reading,
    /// With --scenario: project from this actual year (default: the workbook's last).
    #[arg(long, value_parser = year())]
    pub start: Option<i32>,
    /// With --scenario: the last projected year (default: the scenario's, or start + 10).
    #[arg(long, value_parser = year())]
    pub horizon: Option<i32>,
    /// The year a deficit arose whose deadline the Ministry of Finance
    /// extended under Kuntalaki 110 a §; may repeat.
    #[arg(long, value_parser = year())]
    pub extension_granted: Vec<i32>,
}
