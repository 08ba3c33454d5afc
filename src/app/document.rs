//! Everything a council report shows for one municipality, its inputs'
//! fingerprints, and the report's bytes in the format asked.

use std::path::Path;

use crate::config::Settings;
use crate::error::{Error, Result};
use crate::model::dataset::Dataset;
use crate::model::projection::Options;
use crate::model::scenario::Scenario;
use crate::model::{indicators, ratios, statutory};
use crate::report::document::{Document, InputFile, ScenarioRun, sha256_hex};
use crate::report::{Lang, html, xlsx};
use crate::text;

use super::project::project;

pub fn input(role: &str, path: &Path) -> Result<InputFile> {
    crate::ingest::container::bounded_file(path, &path.display().to_string())?;
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(InputFile {
        role: role.to_string(),
        path: path.display().to_string(),
        sha256: sha256_hex(&bytes),
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Html,
}

pub fn kind_of(out: &Path) -> Result<Kind> {
    match out
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .as_deref()
    {
        Some("xlsx") => Ok(Kind::Xlsx),
        Some("html") | Some("htm") => Ok(Kind::Html),
        _ => Err(Error::usage_of("--out", {
            let out = out.display();
            text!(
                "{out}: raportti kirjoitetaan muodossa .xlsx tai .html",
                "{out}: en rapport skrivs som .xlsx eller .html",
                "{out}: a report is written as .xlsx or .html"
            )
        })),
    }
}

/// The settings files' fingerprints (scenarios with what they extend,
/// targets, price-index files), once for all workbooks.
pub fn setting_inputs(scenarios: &[Scenario], settings: &Settings) -> Result<Vec<InputFile>> {
    let (targets, index) = &settings.files;
    let mut inputs: Vec<InputFile> = Vec::new();
    for sc in scenarios {
        for f in &sc.files {
            if !inputs.iter().any(|i| i.path == *f) {
                inputs.push(input("scenario", Path::new(f))?);
            }
        }
    }
    if let Some(t) = targets {
        inputs.push(input("targets", t)?);
    }
    for i in index {
        inputs.push(input("price index", i)?);
    }
    Ok(inputs)
}

/// Gathers everything a report shows for one municipality, in `lang`.
#[allow(clippy::too_many_arguments)]
pub fn document<'a>(
    settings: &Settings,
    lang: Lang,
    ds: &'a Dataset,
    scenarios: &[Scenario],
    opts: Options,
    source: InputFile,
    setting_files: &[InputFile],
    rules: &statutory::Rules,
) -> Result<Document<'a>> {
    let mut inputs = vec![source];
    inputs.extend(setting_files.iter().cloned());
    let mut runs = Vec::new();
    for sc in scenarios {
        let (projection, evaluation) = project(settings, ds, sc, opts)?;
        runs.push(ScenarioRun {
            scenario: sc.clone(),
            projection,
            evaluation,
        });
    }
    let price_index = runs
        .first()
        .map(|r| r.projection.price_index.clone())
        .unwrap_or_else(|| settings.index.clone());
    let statutory_rules = rules.clone();
    let statutory = match runs.first() {
        Some(r) => statutory::evaluate_projected(&statutory_rules, &r.projection.dataset, &[]),
        None => statutory::evaluate(&statutory_rules, ds, &[]),
    };
    Ok(Document {
        ds,
        evaluation: indicators::evaluate(ds, &settings.targets, &settings.index),
        ratios: ratios::compute_ratios(ds, &settings.targets),
        runs,
        inputs,
        price_index,
        version: env!("CARGO_PKG_VERSION"),
        lang,
        simulations: Vec::new(),
        sensitivity: Vec::new(),
        breaks: crate::model::findings::breaks(ds),
        statutory,
        statutory_rules,
    })
}

/// The report's bytes in the format asked.
pub fn render(
    doc: &Document,
    kind: Kind,
    allowance: rust_decimal::Decimal,
    out: &Path,
) -> Result<Vec<u8>> {
    Ok(match kind {
        Kind::Xlsx => xlsx::write(doc, allowance)
            .map_err(|e| Error::io(out, std::io::Error::other(e.to_string())))?,
        Kind::Html => html::write(doc, allowance).into_bytes(),
    })
}
