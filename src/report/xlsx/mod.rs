//! The council report as an Excel workbook: numbers as numbers with euro
//! formats, statuses coloured, native charts of each indicator against its
//! target, frozen headers, widths set, landscape pages one wide. The only
//! module that knows rust_xlsxwriter.
//!
//! Reproducible: the document's creation time is fixed, so the same inputs
//! give the same bytes.

mod batch;
mod peers;
mod record;
mod risk;
mod statements;
mod statutory;
mod style;
mod summary;

use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use crate::model::dataset::Entity;
use crate::model::indicators::Status;
use crate::report::document::Document;
pub use batch::batch_summary;
use record::{checks_sheet, record_sheet};
use risk::{sensitivity_sheet, simulation_sheet};
use statements::{drivers_sheet, ratios_sheet, scenarios_sheet, statements_sheet};
use statutory::statutory_sheet;
use style::Styles;
use summary::{charts, summary};

/// A fixed text in the document's language: Finnish, Swedish, English.
fn t(doc: &Document, fi: &'static str, sv: &'static str, en: &'static str) -> &'static str {
    doc.lang.tr(fi, sv, en)
}

fn status_word(doc: &Document, s: Status) -> &'static str {
    crate::report::names::status(s, doc.lang)
}

/// The sheet name for the `i`th of several: "Simulointi", "Simulointi 2", ...
fn numbered(base: &str, i: usize) -> String {
    match i {
        0 => base.to_string(),
        _ => format!("{base} {}", i + 1),
    }
}

pub fn write(doc: &Document, allowance: Decimal) -> Result<Vec<u8>, XlsxError> {
    unsaved(doc, allowance)?.finish(None)
}

/// A workbook whose place among its peers is not known yet: `batch` makes
/// the rest of every report first, then ranks the municipalities, then
/// finishes each with its sheet.
pub struct Unsaved {
    wb: Workbook,
    /// Where the peers' sheet goes: after the statutory sheet.
    at: usize,
    lang: crate::report::Lang,
}

impl Unsaved {
    /// The workbook's bytes with its peers' sheet, if any.
    pub fn finish(
        mut self,
        peers: Option<&crate::model::peers::Peers>,
    ) -> Result<Vec<u8>, XlsxError> {
        if let Some(p) = peers.filter(|p| !p.positions.is_empty()) {
            peers::peers_sheet(&mut self.wb, &Styles::new(), p, self.lang)?;
            let sheets = self.wb.worksheets_mut();
            if let Some(sheet) = sheets.pop() {
                sheets.insert(self.at.min(sheets.len()), sheet);
            }
        }
        self.wb.save_to_buffer()
    }
}

/// The workbook but its peers' sheet.
pub fn unsaved(doc: &Document, allowance: Decimal) -> Result<Unsaved, XlsxError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_title(format!("{} — kivijalka", doc.ds.name()))
            .set_author("kivijalka"),
    );
    let st = Styles::new();
    summary(doc, &mut wb, &st)?;
    charts(doc, &mut wb, &st, allowance)?;
    scenarios_sheet(doc, &mut wb, &st)?;
    let all: Vec<i32> = doc.ds.years.keys().copied().collect();
    statements_sheet(
        doc,
        &mut wb,
        &st,
        t(doc, "Laskelmat", "Kalkyler", "Statements"),
        doc.ds,
        &all,
        &[Entity::City, Entity::Group],
    )?;
    if let Some(run) = doc.runs.first() {
        let p = &run.projection;
        let years: Vec<i32> = (p.base_year..=p.horizon).collect();
        statements_sheet(
            doc,
            &mut wb,
            &st,
            t(doc, "Ennuste", "Prognos", "Projection"),
            &p.dataset,
            &years,
            &[Entity::City],
        )?;
        drivers_sheet(doc, &mut wb, &st)?;
    }
    statutory_sheet(doc, &mut wb, &st)?;
    let at = wb.worksheets_mut().len();
    // A sheet per simulated scenario: "Simulointi", "Simulointi 2", ...
    for (i, sim) in doc.simulations.iter().enumerate() {
        let name = numbered(t(doc, "Simulointi", "Simulering", "Simulation"), i);
        simulation_sheet(doc, &mut wb, &st, sim, &name)?;
    }
    for (i, s) in doc.sensitivity.iter().enumerate() {
        let name = numbered(t(doc, "Herkkyys", "Känslighet", "Sensitivity"), i);
        sensitivity_sheet(doc, &mut wb, &st, s, &name)?;
    }
    ratios_sheet(doc, &mut wb, &st)?;
    checks_sheet(doc, &mut wb, &st)?;
    record_sheet(doc, &mut wb, &st)?;
    Ok(Unsaved {
        wb,
        at,
        lang: doc.lang,
    })
}
