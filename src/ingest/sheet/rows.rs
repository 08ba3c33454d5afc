//! The rows under a table's header: each row's label and its figures, and
//! labels wrapped onto a second row joined back into one line.

use super::block::{Sheet, Span};
use super::header::{foreign_unit as foreign_unit_in, is_restated, split_unit, unit_in};
use rust_decimal::Decimal;

use super::{Pending, Row, YearColumn};
use crate::error::{Location, Text};
use crate::ingest::grid::{Cell, Grid};
use crate::ingest::number::{self, Notation, Num};
use crate::model::findings::{Finding, Message};
use crate::model::items::Statement;
use crate::model::labels;
use crate::text;

/// Each data row of table `b`: the label is the text left of the first
/// year column, the figures those under the year columns and their total
/// columns. Figures without a label are refused, never read unplaced.
/// `unit` is the block's euros per unit and the text that said it.
#[allow(clippy::too_many_arguments)]
pub(super) fn read_rows(
    sh: &Sheet,
    b: usize,
    span: Span,
    years: &[YearColumn],
    label_end: u32,
    unit: (Decimal, &Option<Text>),
    findings: &mut Vec<Finding>,
    pending: &mut Vec<Pending>,
) {
    let grid = sh.grid;
    let mut scaled = Scaled::default();
    foreign_unit(sh, span, findings);
    let notation = sh.notation;
    let first = pending.len();
    restated_notice(sh, span, years, findings);
    for r in span.data_from..span.data_to {
        let mut label_parts = Vec::new();
        let mut label_col = None;
        for c in 0..label_end {
            if let Some(t) = grid.get(r, c).text() {
                label_parts.push(t.to_string());
                label_col.get_or_insert(c);
            }
        }
        let mut values = Vec::new();
        let mut totals = Vec::new();
        for yc in years {
            for (col, into) in [(Some(yc.col), &mut values), (yc.total_col, &mut totals)] {
                let Some(col) = col else { continue };
                let n = match sh.grid.get(r, col) {
                    Cell::Number(n) => shown(sh, (r, col), *n, unit, &mut scaled, findings),
                    _ => None,
                };
                match n {
                    Some(Some(n)) => into.push((yc.year, n, col)),
                    Some(None) => {}
                    None => {
                        let at = (r, col, notation);
                        figure(sh, at, yc, &label_parts, into, findings)
                    }
                }
            }
        }
        let has_label = label_col.is_some();
        if !has_label {
            if !values.is_empty() {
                findings.push(Finding::error(
                    "no_label",
                    Message::text(text!(
                        "lukuja rivillä, jolla ei ole nimikettä",
                        "siffror på en rad utan rubrik",
                        "figures on a row without a label"
                    )),
                    vec![sh.at(r, values[0].2)],
                ));
                continue;
            }
            if totals.is_empty() {
                continue;
            }
        }
        let (label, row_scale) = split_unit(&label_parts.join(" "));
        pending.push(Pending {
            row: Row {
                row: r,
                label,
                label_col: label_col.unwrap_or(0),
                values,
                scale: row_scale,
                block: b,
                figure_rows: Vec::new(),
            },
            totals,
            has_label,
        });
    }
    scaled_notice(scaled, unit.1, findings);
    whole_cents_are_whole(&mut pending[first..]);
}

/// A table whose every figure ends in zero decimals ("-4 741,00") is
/// printed in whole units, its decimals a format's: a table printed to the
/// cent has cents somewhere. Read so, its subtotals are held to the
/// rounding of whole units, as the figures were rounded.
fn whole_cents_are_whole(rows: &mut [Pending]) {
    let figures = || {
        rows.iter()
            .flat_map(|p| p.row.values.iter().chain(&p.totals))
            .map(|(_, n, _)| n)
    };
    let whole = figures().all(|n| n.value.fract().is_zero());
    if !whole || figures().all(|n| n.decimals == 0) {
        return;
    }
    for p in rows.iter_mut() {
        let (values, totals) = (&mut p.row.values, &mut p.totals);
        for (_, n, _) in values.iter_mut().chain(totals.iter_mut()) {
            n.decimals = 0;
        }
    }
}

/// Says that a restated comparative's column is read as its year's actuals.
fn restated_notice(sh: &Sheet, span: Span, years: &[YearColumn], findings: &mut Vec<Finding>) {
    for yc in years {
        let Some(t) = sh.grid.get(span.header, yc.col).text() else {
            continue;
        };
        if !is_restated(t) {
            continue;
        }
        let (t, year, kind) = (number::quoted(t), yc.year, yc.kind);
        findings.push(Finding::notice(
            "restated_year",
            Message::text(text!(
                "sarake \"{t}\" on oikaistu vertailutieto; luettu vuoden {year} lukuina ({kind}) ja ensin julkaistujen lukujen sijaan, jos ne ovat vieressä",
                "kolumnen \"{t}\" är justerade jämförelsetal; lästa som {year} ({kind}) och i stället för de först publicerade talen om de står bredvid",
                "column \"{t}\" is a restated comparative; read as {year} ({kind}), and instead of the figures first published if they stand beside it"
            )),
            vec![sh.at(span.header, yc.col)],
        ));
    }
}

/// How the sheet's text figures write "." and ",": one reading for all.
pub(super) fn notation(grid: &Grid) -> Notation {
    let mut n = Notation::default();
    for r in grid.rows_used() {
        for (_, cell) in grid.row_cells(r) {
            if let Cell::Text(t) = cell {
                n.see(t);
            }
        }
    }
    n
}

/// A unit of another currency among the block's titles or just under its
/// header: an error naming the cell, for no figure of it is in euros. The
/// rows are those the unit is looked for in.
fn foreign_unit(sh: &Sheet, span: Span, findings: &mut Vec<Finding>) {
    let under = span.data_from.saturating_add(3).min(span.data_to);
    for r in (span.title_from..=span.header).chain(span.data_from..under) {
        for c in 0..sh.width {
            let Some(t) = sh.grid.get(r, c).text() else {
                continue;
            };
            if unit_in(t).is_some() {
                continue;
            }
            if foreign_unit_in(t).is_some() {
                let t = number::quoted(t);
                findings.push(Finding::error(
                    "foreign_currency",
                    Message::text(text!(
                        "taulukon yksikkö \"{t}\" on kruunuja, ei euroja; kivijalka lukee euromääräisiä laskelmia",
                        "bladets enhet \"{t}\" är kronor, inte euro; kivijalka läser räkningar i euro",
                        "the sheet's unit \"{t}\" is kronor, not euros; kivijalka reads statements in euros"
                    )),
                    vec![sh.at(r, c)],
                ));
                return;
            }
        }
    }
}

/// Says once a block that its figures were read as the cells store them,
/// not as their number format shows them.
fn scaled_notice(scaled: Scaled, unit: &Option<Text>, findings: &mut Vec<Finding>) {
    let Some((at, code)) = scaled.first else {
        return;
    };
    let more = scaled.count - 1;
    let message = match (scaled.as_stored, unit) {
        (false, Some(u)) => {
            let (u_fi, u_sv, u_en) = (&u.fi, &u.sv, &u.en);
            text!(
                "lukumuotoilu \"{code}\" näyttää solun luvun tuhansilla jaettuna, kuten taulukon yksikkö ({u_fi}) sanoo; luettu soluun tallennettu luku (tämä ja {more} muuta solua)",
                "talformatet \"{code}\" visar cellens tal delat med tusental, som bladets enhet ({u_sv}) säger; det tal som cellen lagrar har lästs (denna och {more} andra celler)",
                "the number format \"{code}\" shows the cell's figure divided by thousands, as the sheet's unit ({u_en}) says; the figure the cell stores was read (this and {more} more cells)"
            )
        }
        _ => text!(
            "lukumuotoilu \"{code}\" näyttää solun luvun tuhansilla jaettuna, eikä taulukko nimeä yksikköä; luettu soluun tallennettu luku euroina (tämä ja {more} muuta solua)",
            "talformatet \"{code}\" visar cellens tal delat med tusental, och bladet anger ingen enhet; det tal som cellen lagrar har lästs i euro (denna och {more} andra celler)",
            "the number format \"{code}\" shows the cell's figure divided by thousands and the sheet names no unit; the figure the cell stores was read, in euros (this and {more} more cells)"
        ),
    };
    findings.push(Finding::notice(
        "scaled_format",
        Message::text(message),
        vec![at],
    ));
}

/// The cells of a block whose number format shows them divided by thousands.
#[derive(Default)]
struct Scaled {
    /// The first such cell and its format, and how many there are.
    first: Option<(Location, String)>,
    count: usize,
    /// Whether they were read as stored, the sheet naming no unit.
    as_stored: bool,
}

/// A numeric cell whose format shows it divided by thousands, as the figure
/// the sheet prints in its unit: the stored value divided exactly, which the
/// unit multiplies back to the stored euros. `None` for any other cell;
/// `Some(None)` for one whose format and unit disagree, the error said.
fn shown(
    sh: &Sheet,
    (r, col): (u32, u32),
    n: Num,
    (scale, unit_found): (Decimal, &Option<Text>),
    scaled: &mut Scaled,
    findings: &mut Vec<Finding>,
) -> Option<Option<Num>> {
    let format = sh.grid.scaled.get(&(r, col))?;
    let k = format.thousands(n.value);
    if k == 0 {
        return None;
    }
    if scaled.first.is_none() {
        scaled.first = Some((sh.at(r, col), format.code.clone()));
    }
    scaled.count += 1;
    let Some(u) = unit_found else {
        // Nothing names the unit: the stored value is the figure, in euros.
        scaled.as_stored = true;
        return Some(Some(n));
    };
    let divisor = (0..k).try_fold(Decimal::ONE, |d, _| d.checked_mul(Decimal::from(1000)));
    match (format.shown(n.value), divisor) {
        (Some(value), Some(d)) if scale >= d => Some(Some(Num {
            value,
            decimals: n.decimals.saturating_add(3 * u32::from(k)),
        })),
        _ => {
            let (code, v) = (&format.code, n.value.normalize());
            let (u_fi, u_sv, u_en) = (&u.fi, &u.sv, &u.en);
            findings.push(Finding::error(
                "scaled_format_unit",
                Message::text(text!(
                    "solu näyttää arvonsa {v} lukumuotoilulla \"{code}\" tuhansilla jaettuna, mutta taulukon yksikkö ({u_fi}) on pienempi; ei selviä, kummassa yksikössä luku on: korjaa yksikkö tai muotoilu",
                    "cellen visar sitt värde {v} med talformatet \"{code}\" delat med tusental, men bladets enhet ({u_sv}) är mindre; vilken enhet siffran har går inte att avgöra: rätta enheten eller formatet",
                    "the cell shows its value {v} divided by thousands by the number format \"{code}\", but the sheet's unit ({u_en}) is smaller; which unit the figure is in cannot be told: correct the unit or the format"
                )),
                vec![sh.at(r, col)],
            ));
            Some(None)
        }
    }
}

/// One cell's figure into `into`; text that is no number and Excel's error
/// values are errors naming the row and year, so no figure is lost unseen.
fn figure(
    sh: &Sheet,
    (r, col, notation): (u32, u32, Notation),
    yc: &YearColumn,
    label_parts: &[String],
    into: &mut Vec<(i32, Num, u32)>,
    findings: &mut Vec<Finding>,
) {
    match sh.grid.get(r, col) {
        Cell::Empty => {}
        Cell::Number(n) => into.push((yc.year, *n, col)),
        Cell::Text(t) => match background_text(t, label_parts, notation)
            .unwrap_or_else(|| number::parse_text_in(t, notation))
        {
            Ok(Some(n)) => into.push((yc.year, n, col)),
            Ok(None) => {}
            Err(why) => findings.push(Finding::error(
                "not_a_number",
                Message::text({
                    let row = number::quoted_label(&label_parts.join(" "));
                    let (kind, year) = (yc.kind, yc.year);
                    let (fi, sv, en) = (&why.fi, &why.sv, &why.en);
                    text!(
                        "{fi} (rivi \"{row}\", {kind} {year})",
                        "{sv} (rad \"{row}\", {kind} {year})",
                        "{en} (row \"{row}\", {kind} {year})"
                    )
                }),
                vec![sh.at(r, col)],
            )),
        },
        Cell::Error(e) => findings.push(Finding::error(
            "cell_error",
            Message::text(cell_error(
                e,
                &number::quoted_label(&label_parts.join(" ")),
                yc,
            )),
            vec![sh.at(r, col)],
        )),
    }
}

/// A background figure as text where it differs from a statement's: a dash
/// is no figure (a rate not yet set is missing, not 0 %), and a tax rate
/// may carry its "%" ("9,10 %"). `None` for any other cell.
fn background_text(
    t: &str,
    label_parts: &[String],
    notation: Notation,
) -> Option<Result<Option<Num>, crate::error::Text>> {
    let t = t.trim();
    let dash = matches!(t, "-" | "–" | "—" | "--");
    let percent = t.strip_suffix('%').map(str::trim_end);
    if !dash && percent.is_none() {
        return None;
    }
    let label = label_parts.join(" ");
    let (lines, _) = labels::resolve(Statement::Taustatiedot, &label);
    if lines.is_empty() {
        return None;
    }
    match percent {
        Some(rate) if lines.iter().all(|l| l.id == "bg.tuloveroprosentti") => {
            Some(number::parse_text_in(rate, notation))
        }
        Some(_) => None,
        None => Some(Ok(None)),
    }
}

/// A cell holding Excel's own error value (#DIV/0!), or a number too large
/// for a figure, where a figure was expected.
fn cell_error(e: &str, row: &str, yc: &YearColumn) -> Text {
    let (kind, year) = (yc.kind, yc.year);
    if let Some(num) = e.strip_suffix(crate::ingest::grid::BEYOND) {
        let num = num.trim_end();
        return text!(
            "solussa on {num} (luku yli ±7.9e28:n, jonka luku voi sisältää), ei lukua (rivi \"{row}\", {kind} {year})",
            "cellen innehåller {num} (ett tal över de ±7.9e28 ett tal kan rymma), inte en siffra (rad \"{row}\", {kind} {year})",
            "the cell holds {e}, not a figure (row \"{row}\", {kind} {year})"
        );
    }
    match e.starts_with('#') {
        true => text!(
            "solussa on virhearvo {e}, ei lukua (rivi \"{row}\", {kind} {year})",
            "cellen innehåller felvärdet {e}, inte en siffra (rad \"{row}\", {kind} {year})",
            "the cell holds the error value {e}, not a figure (row \"{row}\", {kind} {year})"
        ),
        false => text!(
            "solussa on {e}, ei lukua (rivi \"{row}\", {kind} {year})",
            "cellen innehåller {e}, inte en siffra (rad \"{row}\", {kind} {year})",
            "the cell holds {e}, not a figure (row \"{row}\", {kind} {year})"
        ),
    }
}

/// A long label printed over two rows ("Pysyvien vastaavien" /
/// "hyödykkeiden luovutustulot") is one line when its first part alone is
/// none, that row has no figures, and the two together are a line.
pub(super) fn join_wrapped_labels(
    pending: &mut Vec<Pending>,
    findings: &mut Vec<Finding>,
    at: &dyn Fn(u32, u32) -> Location,
) {
    let mut joined: Vec<(String, Location)> = Vec::new();
    let mut i = 0;
    while i + 1 < pending.len() {
        let (a, b) = (&pending[i], &pending[i + 1]);
        let bare = |p: &Pending| p.row.values.is_empty() && p.totals.is_empty();
        // The figures on the label's last row, or (a continuation in lower
        // case, which a heading never is) on its first.
        let figures_below = bare(a);
        let figures_above =
            !bare(a) && bare(b) && b.row.label.chars().next().is_some_and(char::is_lowercase);
        let adjacent = (figures_below || figures_above)
            && a.has_label
            && b.has_label
            && a.row.block == b.row.block
            && b.row.row == a.row.row + 1
            && labels::statements_of(&a.row.label).is_empty()
            && unit_in(&a.row.label).is_none()
            && !labels::is_plain_heading(&labels::normalize(&a.row.label));
        if adjacent {
            // "hyödyk-" / "keiden" is one word; "ja" / "-kulut" two.
            let mut forms = vec![format!("{} {}", a.row.label, b.row.label)];
            if let Some(stem) = a.row.label.strip_suffix('-')
                && stem.ends_with(char::is_alphabetic)
            {
                forms.insert(0, format!("{stem}{}", b.row.label));
            }
            if let Some(label) = forms
                .into_iter()
                .find(|l| !labels::statements_of(l).is_empty())
            {
                let loc = at(a.row.row, a.row.label_col);
                let label_col = a.row.label_col.min(b.row.label_col);
                let keep = if figures_below { i + 1 } else { i };
                pending[keep].row.label = label.clone();
                pending[keep].row.label_col = label_col;
                pending.remove(if figures_below { i } else { i + 1 });
                joined.push((label, loc));
            }
        }
        i += 1;
    }
    if let Some((label, loc)) = joined.first() {
        let n = joined.len() - 1;
        let (more_fi, more_sv, more) = match n {
            0 => Default::default(),
            _ => (
                format!(" ja {n} muuta"),
                format!(" och {n} till"),
                format!(" and {n} more"),
            ),
        };
        findings.push(Finding::notice(
            "label_wrapped",
            Message::text(text!(
                "kahdelle riville jatkuvat nimikkeet luettu yhtenä rivinä: \"{label}\"{more_fi}",
                "rubriker som fortsätter på en andra rad lästa som en rad: \"{label}\"{more_sv}",
                "labels wrapped onto a second row read as one line: \"{label}\"{more}"
            )),
            vec![loc.clone()],
        ));
    }
}
