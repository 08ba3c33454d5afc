//! `kivijalka batch`: every municipality of a folder or long table, in
//! parallel: a report each, and a summary with peer statistics. A failure is
//! listed and the rest go on; the results come out in input order whatever
//! the order the workers finish in.

use std::io::Write;
use std::path::PathBuf;

use crate::app::batch::{PeerGroups, Plan};
use crate::app::document::{Kind, setting_inputs};
use crate::app::{self, scenarios, write_atomically};
use crate::cli::{BatchArgs, ReportFormat, Shard};
use crate::cmd::Outcome;
use crate::config::Settings;
use crate::error::{Error, Result};
use crate::model::projection::Options;
use crate::report::Lang;
use crate::report::batch as summary;

pub struct Config {
    /// Workbooks, long tables or folders of them.
    pub inputs: Vec<PathBuf>,
    /// The folder the reports and the summary go to.
    pub out: PathBuf,
    pub scenarios: Vec<PathBuf>,
    /// The report written for each municipality, if any.
    pub report: Option<Kind>,
    pub settings: Settings,
    pub lang: Lang,
    pub jobs: Option<usize>,
    pub allow_unknown: bool,
    /// Paths and seed, when each municipality is also simulated.
    pub simulate: Option<(u64, u64)>,
    pub opts: Options,
    /// The panel's file and whether it is Parquet (else CSV).
    pub panel: Option<(PathBuf, bool)>,
    pub shard: Option<Shard>,
    /// The inputs are shard folders to merge.
    pub merge: bool,
    /// The 110 §/118 § rule book (the shipped one, or --rules over it).
    pub rules: crate::model::statutory::Rules,
    /// The long tables' column peers are grouped by (else size classes).
    pub peer_group: Option<String>,
    /// Peer groups by code from a file (`--peer-group-file`).
    pub peer_groups: Option<PeerGroups>,
}

/// The panel's format from its file name; Parquet only in a build with it.
fn panel_file(p: &std::path::Path) -> Result<(PathBuf, bool)> {
    let ext = p.extension().map(|e| e.to_string_lossy().to_lowercase());
    match ext.as_deref() {
        Some("csv") => Ok((p.to_path_buf(), false)),
        Some("parquet") if crate::panel::export::PARQUET => Ok((p.to_path_buf(), true)),
        Some("parquet") => Err(Error::usage_of(
            "--panel",
            crate::text!(
                "tämä käännös kirjoittaa paneelin .csv-tiedostoksi; Parquet tarvitsee `parquet`-ominaisuuden (cargo build --release --features parquet)",
                "den här versionen skriver panelen som .csv; Parquet kräver funktionen `parquet` (cargo build --release --features parquet)",
                "this build writes the panel as .csv; Parquet needs the `parquet` feature (cargo build --release --features parquet)"
            ),
        )),
        _ => Err(Error::usage_of(
            "--panel",
            crate::text!(
                "paneelin tiedoston pääte on .csv tai .parquet",
                "panelens fil slutar på .csv eller .parquet",
                "the panel's file ends in .csv or .parquet"
            ),
        )),
    }
}

impl Config {
    pub fn new(args: &BatchArgs) -> Result<Config> {
        Ok(Config {
            inputs: args.inputs.clone(),
            out: args.out.clone(),
            scenarios: args.scenario.clone(),
            report: match args.report {
                ReportFormat::Html => Some(Kind::Html),
                ReportFormat::Xlsx => Some(Kind::Xlsx),
                ReportFormat::None => None,
            },
            settings: Settings::load(args.targets.as_deref(), &args.index)?,
            lang: args.lang.into(),
            jobs: args.jobs,
            allow_unknown: args.allow_unknown,
            simulate: args.simulate.map(|paths| (paths, args.seed)),
            opts: args.projecting.options(),
            panel: args.panel.as_deref().map(panel_file).transpose()?,
            shard: args.shard,
            merge: args.merge,
            rules: crate::app::statutory::rules(args.rules.as_deref())?,
            peer_group: args.peer_group.clone(),
            peer_groups: (args.peer_group_file.as_deref())
                .map(PeerGroups::read)
                .transpose()?,
        })
    }
}

pub fn run(cfg: &Config) -> Result<Outcome> {
    let scenarios = scenarios::all(&cfg.scenarios)?;
    let setting_files = setting_inputs(&scenarios, &cfg.settings)?;
    if cfg.simulate.is_some() && scenarios.first().is_none_or(|sc| !sc.is_uncertain()) {
        return Err(Error::usage_of(
            "--simulate",
            crate::text!(
                "--simulate tarvitsee polkujen määrän ja ensimmäisen --scenario-tiedoston, jossa on [[uncertainty]]-kohtia",
                "--simulate behöver ett antal banor och ett första --scenario med [[uncertainty]]-poster",
                "--simulate needs a number of paths and a first --scenario with [[uncertainty]] entries"
            ),
        ));
    }
    // A run refused before it wrote anything leaves no folder behind either.
    let made = !cfg.out.exists();
    std::fs::create_dir_all(&cfg.out).map_err(|e| Error::io(&cfg.out, e))?;

    let plan = Plan {
        settings: &cfg.settings,
        lang: cfg.lang,
        allow_unknown: cfg.allow_unknown,
        scenarios: &scenarios,
        setting_files: &setting_files,
        opts: cfg.opts,
        simulate: cfg.simulate,
        report: cfg.report,
        out: &cfg.out,
        jobs: cfg.jobs,
        keep: cfg.panel.is_some(),
        shard: cfg.shard.map(|s| (s.index, s.count)),
        rules: &cfg.rules,
        peer_group: cfg.peer_group.as_deref(),
        peer_groups: cfg.peer_groups.as_ref(),
    };
    let ran = if cfg.merge {
        merge(&cfg.inputs).map(|sum| (sum, Vec::new()))
    } else {
        app::batch::run(&plan, &cfg.inputs)
    };
    let (sum, datasets) = ran
        .and_then(|(sum, datasets)| {
            if sum.municipalities.is_empty() && sum.failures.is_empty() {
                return Err(Error::usage(crate::text!(
                    "syötteissä ei ole työkirjoja eikä pitkiä taulukoita (.xlsx, .xls, .ods, .csv, .parquet)",
                    "indata innehåller inga arbetsböcker eller långa tabeller (.xlsx, .xls, .ods, .csv, .parquet)",
                    "no workbooks or long tables (.xlsx, .xls, .ods, .csv, .parquet) in the inputs"
                )));
            }
            Ok((sum, datasets))
        })
        .inspect_err(|_| {
            if made {
                // Only an empty folder goes: remove_dir refuses any other.
                let _ = std::fs::remove_dir(&cfg.out);
            }
        })?;
    write_outputs(cfg, &sum, &datasets)?;
    tell(cfg, &sum);
    Ok(if sum.failures.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}

/// The summary, its workbook, the failures, a shard's JSON and the panel:
/// all made before any is written, so none is left half done.
fn write_outputs(
    cfg: &Config,
    sum: &summary::Summary,
    datasets: &[crate::model::dataset::Dataset],
) -> Result<()> {
    let panel = match &cfg.panel {
        Some((path, parquet)) => Some((path, panel_bytes(datasets, &cfg.settings, *parquet)?)),
        None => None,
    };
    let mut shard_bytes = Vec::new();
    if cfg.shard.is_some() {
        summary::shard_json(sum, &mut shard_bytes).map_err(|e| Error::io("shard.json", e))?;
    }
    let csv_path = cfg.out.join("summary.csv");
    let (xlsx_path, fail_path) = (cfg.out.join("summary.xlsx"), cfg.out.join("failures.csv"));
    let shard_path = cfg.out.join(SHARD);
    let mut outs = vec![csv_path.as_path(), &xlsx_path, &fail_path, &shard_path];
    outs.extend(panel.as_ref().map(|(p, _)| p.as_path()));
    app::not_inputs(&outs)?;
    let mut csv_bytes = Vec::new();
    // The workbook's compression is the longest of them: beside the CSV,
    // on another core.
    let (csv, xlsx) = std::thread::scope(|s| {
        let xlsx = s.spawn(|| crate::report::xlsx::batch_summary(sum, cfg.lang));
        let csv = summary::csv(sum, &mut csv_bytes);
        (csv, xlsx.join())
    });
    csv.map_err(|e| Error::io(&csv_path, e))?;
    let xlsx_error = |e: String| Error::io(&xlsx_path, std::io::Error::other(e));
    let xlsx = xlsx
        .map_err(|p| xlsx_error(crate::error::panic_message(p.as_ref())))?
        .map_err(|e| xlsx_error(e.to_string()))?;
    let mut fail_bytes = Vec::new();
    summary::failures_csv(sum, &mut fail_bytes).map_err(|e| Error::io("failures.csv", e))?;
    write_atomically(&csv_path, |w| w.write_all(&csv_bytes))?;
    write_atomically(&xlsx_path, |w| w.write_all(&xlsx))?;
    write_atomically(&fail_path, |w| w.write_all(&fail_bytes))?;
    if cfg.shard.is_some() {
        write_atomically(&shard_path, |w| w.write_all(&shard_bytes))?;
    }
    if let Some((path, bytes)) = panel {
        write_atomically(path, |w| w.write_all(&bytes))?;
    }
    Ok(())
}

/// What the run did, on stderr in the user's language: the count, the
/// municipalities a group file left out, each failure.
fn tell(cfg: &Config, sum: &summary::Summary) {
    let mut err = std::io::stderr().lock();
    let (done, failed) = (sum.municipalities.len(), sum.failures.len());
    let csv_path = cfg.out.join("summary.csv");
    let (all, csv) = (done + failed, csv_path.display());
    let lang = cfg.lang;
    let _ = writeln!(
        err,
        "{}",
        crate::tr!(
            lang,
            "{done}/{all} kuntaa valmiina, {failed} epäonnistui; yhteenveto: {csv}",
            "{done} av {all} kommuner klara, {failed} misslyckades; sammandrag: {csv}",
            "{done} of {all} municipalities done, {failed} failed; summary: {csv}"
        )
    );
    if let Some(g) = &cfg.peer_groups {
        let left: Vec<String> = (sum.municipalities.iter())
            .filter(|m| m.peer_group.as_deref() == Some(""))
            .map(|m| match &m.code {
                Some(c) => format!("{} ({c})", m.name),
                None => m.name.clone(),
            })
            .collect();
        if !left.is_empty() {
            let (n, file, names) = (left.len(), &g.file, left.join(", "));
            let _ = writeln!(
                err,
                "{}",
                crate::tr!(
                    lang,
                    "{n} kuntaa ei ole tiedostossa {file}, joten ne eivät kuulu mihinkään vertailuryhmään: {names}",
                    "{n} kommuner saknas i filen {file} och hör därför inte till någon jämförelsegrupp: {names}",
                    "{n} municipalities are not in {file}, so they are in no peer group: {names}"
                )
            );
        }
    }
    // failures.csv keeps the English, which machines read; a merged
    // shard's failure has only that.
    let failed = lang.tr("epäonnistui", "misslyckades", "failed");
    for f in &sum.failures {
        let message = f.error.get(lang);
        let _ = writeln!(err, "{failed}: {message}");
    }
}

/// A shard's summary for `batch --merge`, beside its summary.csv.
const SHARD: &str = "shard.json";

/// The shards' summaries joined, from their folders.
fn merge(folders: &[PathBuf]) -> Result<summary::Summary> {
    let mut shards = Vec::new();
    for f in folders {
        let p = f.join(SHARD);
        // Bounded like a long table: a shard holds a summary's rows only.
        let bytes =
            crate::ingest::csv_text::bytes_bounded(&p, crate::ingest::csv_text::MAX_CSV_BYTES)?;
        let text = String::from_utf8(bytes).map_err(|e| Error::io(&p, std::io::Error::other(e)))?;
        shards.push((p.display().to_string(), text));
    }
    // The summary's own words, introduced in the user's language.
    summary::merge(&shards).map_err(|m| {
        Error::usage_of(
            "--merge",
            crate::text!(
                "osien yhdistäminen epäonnistui: {m}",
                "delarna kunde inte slås samman: {m}",
                "{m}"
            ),
        )
    })
}

/// The panel of the municipalities run, as CSV or Parquet bytes.
fn panel_bytes(
    datasets: &[crate::model::dataset::Dataset],
    settings: &Settings,
    parquet: bool,
) -> Result<Vec<u8>> {
    use crate::panel;
    let refs: Vec<_> = datasets.iter().collect();
    let df = panel::indicators(&refs, &settings.targets, &settings.index)?;
    let rows = panel::indicator_rows(&df)?;
    let ratios = panel::ratio_rows(&panel::ratios(&refs, &settings.targets)?)?;
    let x = panel::export::Export::new(&refs, &rows, &ratios, &settings.targets);
    if parquet {
        #[cfg(feature = "parquet")]
        return panel::export::parquet(x);
    }
    let mut bytes = Vec::new();
    x.csv(&mut bytes).map_err(|e| Error::io("panel", e))?;
    Ok(bytes)
}
