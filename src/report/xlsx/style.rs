//! The shared cell formats: colours by status, number formats by unit,
//! the frame and note on a value resting on a break, the page setup.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Note, Worksheet, XlsxError};

use super::t;
use crate::model::indicators::Status;
use crate::model::ratios::Unit;
use crate::report::breaks as brk;
use crate::report::document::Document;

pub(super) const GREEN: u32 = 0xC6EFCE;
pub(super) const RED: u32 = 0xFFC7CE;
pub(super) const GREY: u32 = 0xE7E6E6;
pub(super) const HEAD: u32 = 0xDDEBF7;
pub(super) const BREAK: u32 = 0xB36B00;

/// Excel number formats by unit. Money in whole euros on screen, the cell
/// holds the exact figure to the cent.
pub(super) fn num_format(unit: Unit, decimals: u32) -> String {
    let d = if decimals == 0 {
        String::new()
    } else {
        format!(".{}", "0".repeat(decimals as usize))
    };
    match unit {
        Unit::Eur => "#,##0 \"€\";-#,##0 \"€\"".to_string(),
        // The header says per resident, in the report's language.
        Unit::EurPerResident => "#,##0 \"€\";-#,##0 \"€\"".to_string(),
        Unit::Percent => format!("0{d} \"%\""),
        Unit::Ratio => format!("0{d}"),
        Unit::Days => "0".to_string(),
        Unit::Residents => "#,##0".to_string(),
    }
}

pub(super) fn f64_of(v: Decimal) -> f64 {
    v.to_f64().unwrap_or_default()
}

pub(super) struct Styles {
    pub(super) title: Format,
    pub(super) head: Format,
    pub(super) bold: Format,
    pub(super) wrap: Format,
}

impl Styles {
    pub(super) fn new() -> Self {
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            head: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(HEAD))
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Center),
            bold: Format::new().set_bold(),
            wrap: Format::new().set_text_wrap(),
        }
    }
    pub(super) fn value(&self, unit: Unit, decimals: u32, status: Option<Status>) -> Format {
        let f = Format::new().set_num_format(num_format(unit, decimals));
        match status {
            Some(Status::Met) => f.set_background_color(Color::RGB(GREEN)),
            Some(Status::Missed) => f.set_background_color(Color::RGB(RED)),
            Some(Status::NotMeasurable) => f.set_background_color(Color::RGB(GREY)),
            None => f,
        }
    }
    pub(super) fn status(&self, status: Status) -> Format {
        Format::new().set_background_color(Color::RGB(match status {
            Status::Met => GREEN,
            Status::Missed => RED,
            Status::NotMeasurable => GREY,
        }))
    }
}

/// A value resting on a break: its cell framed in dashed orange.
pub(super) fn framed(f: Format) -> Format {
    f.set_border(FormatBorder::Dashed)
        .set_border_color(Color::RGB(BREAK))
}

/// The note on a value resting on breaks: which, each on a line (the first
/// few; the sheet "Tarkistukset" lists them all).
pub(super) fn break_note(doc: &Document, idx: &[usize]) -> Note {
    const SHOWN: usize = 5;
    let mut text = format!(
        "{} — {}",
        brk::marks(idx),
        t(
            doc,
            "luku nojaa laskelmaan, joka ei täsmää tai on kokoluokaltaan mahdoton (välilehti Tarkistukset):",
            "värdet bygger på en kalkyl som inte stämmer eller är av en omöjlig storlek (fliken Kontroller):",
            "the figure rests on a statement that does not add up or is of an impossible size (sheet Checks):"
        )
    );
    for i in idx.iter().take(SHOWN) {
        text.push_str(&format!(
            "\n{} {}",
            brk::marks(&[*i]),
            brk::line(&doc.breaks[*i], doc.lang)
        ));
    }
    if idx.len() > SHOWN {
        text.push_str("\n…");
    }
    Note::new(text)
        .set_author("kivijalka")
        .add_author_prefix(false)
        .set_width(420)
        .set_height(160)
}

/// Marks a value cell written at (r, c) as resting on the breaks `idx`.
pub(super) fn note_breaks(
    doc: &Document,
    ws: &mut Worksheet,
    (r, c): (u32, u16),
    idx: &[usize],
) -> Result<(), XlsxError> {
    if !idx.is_empty() {
        ws.insert_note(r, c, &break_note(doc, idx))?;
    }
    Ok(())
}

pub(super) fn page_setup(ws: &mut Worksheet, header_rows: u32) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    if header_rows > 0 {
        ws.set_repeat_rows(header_rows - 1, header_rows - 1)?;
    }
    Ok(())
}
