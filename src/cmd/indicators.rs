//! `kivijalka indicators`: the five strategy indicators by year.

use crate::app::{emit, evaluate, load};
use crate::cmd::{Figures, Outcome};
use crate::error::Result;
use crate::model::findings;
use crate::report::{self, OutputFormat};

/// The formulas, or the workbook's figures.
pub type Config = super::Explained;

pub fn run(cfg: &Config) -> Result<Outcome> {
    let Some(Figures {
        input,
        settings,
        output,
        years,
    }) = cfg.figures(report::indicators::explain)?
    else {
        return Ok(Outcome::Ok);
    };
    let lang = output.lang;
    let ds = load(input, lang)?;
    let breaks = findings::breaks(&ds);
    if !breaks.is_empty() {
        let (n, file) = (breaks.len(), &ds.file);
        let said = crate::tr!(
            lang,
            "laskelmissa on {n} täsmäytyskatkosta; niiden varassa olevat luvut on merkitty; katso `kivijalka check {file}`",
            "räkningarna har {n} avstämningsbrott; siffrorna som vilar på dem är markerade; se `kivijalka check {file}`",
            "{n} identity break(s) in the statements; the figures resting on them are marked; see `kivijalka check {file}`"
        );
        eprintln!("{} {said}", crate::app::warning(lang));
    }
    let ev = evaluate::indicators(settings, *years, &ds)?;
    emit(output, |out| match output.format {
        OutputFormat::Table => report::indicators::table(&ev, &breaks, lang, out),
        OutputFormat::Csv => report::indicators::csv(&ev, &breaks, out),
        OutputFormat::Json => report::indicators::json(&ev, &breaks, out),
    })?;
    Ok(Outcome::Ok)
}
