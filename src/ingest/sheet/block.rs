//! The tables of a sheet: where each header row stands, and what a table's
//! header says (its unit, its year columns, the columns left unread).

use rust_decimal::Decimal;

use super::header::{
    Header, classify_header, has_text_year, header_cells, header_text, is_block_header,
    is_kind_row, is_title_row, kind_word, number_in, unit_in,
};
use super::{HEADER_SEARCH_ROWS, YearColumn};
use crate::error::{Location, Text, cell_name};
use crate::ingest::grid::{Cell, Grid};
use crate::ingest::number;
use crate::model::dataset::YearKind;
use crate::model::findings::{Finding, Message};
use crate::model::labels;
use crate::text;

/// The sheet being read: its cells, and the file and sheet every finding
/// names.
pub(super) struct Sheet<'a> {
    pub(super) grid: &'a Grid,
    pub(super) file: &'a str,
    pub(super) width: u32,
    /// How its text figures write "." and ",": one reading for the sheet.
    pub(super) notation: crate::ingest::number::Notation,
}

impl Sheet<'_> {
    pub(super) fn at(&self, r: u32, c: u32) -> Location {
        Location::cell(self.file, self.grid.name.clone(), cell_name(r, c))
    }
}

/// The rows one table spans: its titles, its header, its data.
#[derive(Clone, Copy)]
pub(super) struct Span {
    pub(super) title_from: u32,
    pub(super) header: u32,
    pub(super) data_from: u32,
    pub(super) data_to: u32,
}

/// The first header row: the first row with a year column and no statement
/// line. A sheet without one is not a statement the reader can place.
pub(super) fn first_header(sh: &Sheet) -> Result<u32, Finding> {
    // Counted from the first row used: a statement stacked under another
    // on one sheet is read as a sheet of its own, its rows in their places.
    let from = sh.grid.rows_used().next().unwrap_or(0);
    (from..sh.grid.height().min(from.saturating_add(HEADER_SEARCH_ROWS)))
        .find(|r| header_cells(sh.grid, *r, sh.width).is_some())
        .ok_or_else(|| {
            Finding::error(
                "no_year_columns",
                Message::text(text!(
                    "ensimmäisillä {HEADER_SEARCH_ROWS} rivillä ei ole otsikkoriviä, jossa olisi vuosisarakkeita (kuten \"TP 2024\", \"TA 2026\" tai 2024)",
                    "ingen rubrikrad med årskolumner (såsom \"TP 2024\", \"TA 2026\" eller 2024) på de första {HEADER_SEARCH_ROWS} raderna",
                    "no header row with year columns (such as \"TP 2024\", \"TA 2026\" or 2024) in the first {HEADER_SEARCH_ROWS} rows"
                )),
                vec![Location::sheet(sh.file, sh.grid.name.clone())],
            )
        })
}

/// A statement line with figures above the first year header has no year
/// to be read under: refused by name, never dropped unseen.
pub(super) fn figures_above_header(sh: &Sheet, first_header: u32, findings: &mut Vec<Finding>) {
    let (grid, width) = (sh.grid, sh.width);
    for r in 0..first_header {
        let label = (0..width).find_map(|c| grid.get(r, c).text());
        let figure = (0..width).find(|c| match grid.get(r, *c) {
            Cell::Number(_) => true,
            Cell::Text(t) => matches!(number::parse_text(t), Ok(Some(_))),
            _ => false,
        });
        if let (Some(label), Some(c)) = (label, figure)
            && !labels::statements_of(label).is_empty()
        {
            findings.push(Finding::error(
                "figures_above_header",
                Message::text({
                    let row = first_header + 1;
                    text!(
                        "rivillä \"{label}\" on lukuja vuosiotsikon (rivi {row}) yläpuolella, joten niille ei voi antaa vuotta; ei luettu",
                        "\"{label}\" har siffror ovanför årsrubriken (rad {row}), så inget år kan ges dem; inte läst",
                        "\"{label}\" has figures above the year header (row {row}), so no year can be given to them; not read"
                    )
                }),
                vec![sh.at(r, c)],
            ));
        }
    }
}

/// Further tables below the first, each with its own header. Bare year
/// numbers start one only below a blank or title row: amid figures they
/// are a row that lost its label, not a header.
pub(super) fn block_headers(sh: &Sheet, first_header: u32) -> Vec<u32> {
    let grid = sh.grid;
    let mut heads = vec![first_header];
    let mut r = first_header + 1;
    while r < grid.height() {
        if let Some(cols) = header_cells(grid, r, sh.width)
            && is_block_header(grid, r, &cols, sh.width)
            && r != heads[heads.len() - 1] + 1
            && (has_text_year(grid, r, &cols) || is_title_row(grid, r - 1))
        {
            heads.push(r);
        }
        r += 1;
    }
    heads
}

/// Each block's rows: from below its header (and a kind row under it) to
/// the next block's title rows (unit, kind, titles that are no line).
pub(super) fn block_spans(sh: &Sheet, heads: &[u32]) -> Vec<Span> {
    let grid = sh.grid;
    let mut spans: Vec<Span> = Vec::new();
    for (b, &h) in heads.iter().enumerate() {
        let title_from = if b == 0 {
            0
        } else {
            let mut t = h;
            while t > spans[b - 1].data_from && is_title_row(grid, t - 1) {
                t -= 1;
            }
            spans[b - 1].data_to = t;
            t
        };
        let data_from = if h + 1 < grid.height() && is_kind_row(grid, h + 1, sh.width) {
            h + 2
        } else {
            h + 1
        };
        spans.push(Span {
            title_from,
            header: h,
            data_from,
            data_to: grid.height(),
        });
    }
    spans
}

/// Unit: the text above and on the header row, or on a row of titles
/// right under it ("1 000 €" below "TP 2024" is as common as above). The
/// first table's text above its header is also the sheet's titles.
pub(super) fn unit_text(
    sh: &Sheet,
    first: bool,
    span: Span,
    titles: &mut String,
) -> (Option<Decimal>, Option<Text>) {
    let grid = sh.grid;
    let (data_from, data_to, header_row) = (span.data_from, span.data_to, span.header);
    let mut under = data_from;
    while under < data_to && under < data_from + 3 && is_title_row(grid, under) {
        under += 1;
    }
    let mut unit_found = None;
    let mut scale = None;
    for r in (span.title_from..=header_row).chain(data_from..under) {
        for c in 0..sh.width {
            if let Some(t) = grid.get(r, c).text() {
                if first && r <= header_row {
                    titles.push_str(&t.to_lowercase());
                    titles.push(' ');
                }
                if scale.is_none()
                    && let Some(u) = unit_in(t)
                {
                    scale = Some(u);
                    let cell = cell_name(r, c);
                    unit_found = Some(text!(
                        "\"{t}\" solussa {cell}",
                        "\"{t}\" i {cell}",
                        "\"{t}\" in {cell}"
                    ));
                }
            }
        }
    }
    (scale, unit_found)
}

/// The table's unit: its own, else the table above's, else euros; a
/// reader is told whenever the unit is not the one the sheet began with.
pub(super) fn block_scale(
    sh: &Sheet,
    (scale, unit_found): (Option<Decimal>, &Option<Text>),
    prev_scale: Option<Decimal>,
    at_header: Location,
    header_row: u32,
    findings: &mut Vec<Finding>,
) -> Decimal {
    match (scale, prev_scale) {
        (Some(s), prev) => {
            if let (Some(p), Some(u)) = (prev, unit_found) {
                findings.push(Finding::notice(
                    "unit",
                    Message::text({
                        let row = header_row + 1;
                        let (u_fi, u_sv, u) = (&u.fi, &u.sv, &u.en);
                        let own = text!(
                            "rivistä {row} alkavalla taulukolla on oma yksikkönsä: luvut {s} euron yksiköissä ({u_fi})",
                            "tabellen från rad {row} har en egen enhet: siffror i enheter om {s} € ({u_sv})",
                            "the table from row {row} on has its own unit: figures in units of {s} € (from {u})"
                        );
                        let above = text!(
                            ", kun yllä oleva taulukko on {p} euron yksiköissä",
                            ", där tabellen ovanför är i enheter om {p} €",
                            ", where the table above is in units of {p} €"
                        );
                        Text::each(|l| match p == s {
                            true => own.get(l).to_string(),
                            false => format!("{}{}", own.get(l), above.get(l)),
                        })
                    }),
                    vec![at_header],
                ));
            }
            s
        }
        (None, None) => {
            findings.push(Finding::warning(
                "unit_assumed",
                Message::text(text!(
                    "lukujen yläpuolelta ei löytynyt yksikköä (kuten \"1 000 €\"); luvut luettu euroina",
                    "ingen enhet hittades ovanför siffrorna (såsom \"1 000 €\"); siffrorna lästa som euro",
                    "no unit found above the figures (such as \"1 000 €\"); figures read as euros"
                )),
                vec![Location::sheet(sh.file, sh.grid.name.clone())],
            ));
            Decimal::ONE
        }
        (None, Some(p)) => {
            findings.push(Finding::notice(
                "unit_inherited",
                Message::text({
                    let row = header_row + 1;
                    text!(
                        "rivistä {row} alkava taulukko ei nimeä omaa yksikköään; luettu yllä olevan taulukon yksikössä ({p} €)",
                        "tabellen från rad {row} anger ingen egen enhet; läst i enheten för tabellen ovanför ({p} €)",
                        "the table from row {row} on names no unit of its own; read in the unit of the table above ({p} €)"
                    )
                }),
                vec![at_header],
            ));
            p
        }
    }
}

/// Year columns: kind from the cell itself, or from a row of kinds
/// above or below (merged over several years, or over a pair). A heading
/// that looks like a year but is none (a change, a forecast) is said.
pub(super) fn year_columns(
    sh: &Sheet,
    span: Span,
    cols: &[(u32, Header)],
    first_year_col: u32,
    findings: &mut Vec<Finding>,
) -> Vec<(YearColumn, Location)> {
    let (grid, header_row, data_from) = (sh.grid, span.header, span.data_from);
    let kind_from_row = |row: u32, c: u32| -> Option<YearKind> {
        let left = first_year_col.min(c).saturating_sub(1);
        (left..=c)
            .rev()
            .chain(c.checked_add(1))
            .find_map(|cc| grid.get(row, cc).text().and_then(kind_word))
    };
    let mut years: Vec<(YearColumn, Location)> = Vec::new();
    for (c, h) in cols {
        match h {
            Header::Year { year, kind } => {
                let kind = kind
                    .or_else(|| {
                        (header_row > 0)
                            .then(|| kind_from_row(header_row - 1, *c))
                            .flatten()
                    })
                    .or_else(|| {
                        (data_from == header_row + 2)
                            .then(|| kind_from_row(header_row + 1, *c))
                            .flatten()
                    });
                let kind = match kind {
                    Some(k) => k,
                    None => {
                        findings.push(Finding::notice(
                            "year_kind_assumed",
                            Message::text(text!(
                                "sarakeotsikko {year} ei kerro TP, TA tai TS; luettu toteumana (TP)",
                                "kolumnrubriken {year} säger inte TP, TA eller TS; läst som utfall (TP)",
                                "column heading {year} does not say TP, TA or TS; read as actuals (TP)"
                            )),
                            vec![sh.at(header_row, *c)],
                        ));
                        YearKind::TP
                    }
                };
                years.push((
                    YearColumn {
                        col: *c,
                        year: *year,
                        kind,
                        total_col: None,
                    },
                    sh.at(header_row, *c),
                ));
            }
            Header::Amended { year } => {
                let t = header_text(grid.get(header_row, *c));
                let given = cols
                    .iter()
                    .any(|(_, h)| matches!(h, Header::Year { year: y, .. } if y == year));
                if given {
                    findings.push(Finding::notice(
                        "column_ignored",
                        Message::text(text!(
                            "sarake \"{t}\" ohitettu: muutettu talousarvio",
                            "kolumnen \"{t}\" hoppades över: en ändrad budget",
                            "column \"{t}\" ignored: an amended budget"
                        )),
                        vec![sh.at(header_row, *c)],
                    ));
                    continue;
                }
                // The budget in force when no other column gives the year.
                findings.push(Finding::notice(
                    "amended_budget_read",
                    Message::text(text!(
                        "sarake \"{t}\" luettu vuoden {year} talousarviona (TA): vuodelle ei ole muuta saraketta",
                        "kolumnen \"{t}\" lästes som budgeten (TA) för {year}: året har ingen annan kolumn",
                        "column \"{t}\" read as the budget (TA) of {year}: no other column gives the year"
                    )),
                    vec![sh.at(header_row, *c)],
                ));
                years.push((
                    YearColumn {
                        col: *c,
                        year: *year,
                        kind: YearKind::TA,
                        total_col: None,
                    },
                    sh.at(header_row, *c),
                ));
            }
            Header::Ignored { reason } => findings.push(Finding::notice(
                "column_ignored",
                Message::text({
                    let t = header_text(grid.get(header_row, *c));
                    let [fi, sv, en] = reason;
                    text!(
                        "sarake \"{t}\" ohitettu: {fi}",
                        "kolumnen \"{t}\" hoppades över: {sv}",
                        "column \"{t}\" ignored: {en}"
                    )
                }),
                vec![sh.at(header_row, *c)],
            )),
            Header::NotYear => {}
        }
    }
    years
}

/// Headed columns that are no year are said once, not read: right of the
/// years any heading that is no year; left of them a headed column of
/// numbers (note numbers under "Liite").
pub(super) fn ignored_columns(
    sh: &Sheet,
    span: Span,
    first_year_col: u32,
    findings: &mut Vec<Finding>,
) {
    let (grid, header_row) = (sh.grid, span.header);
    for c in first_year_col + 1..sh.width {
        let cell = grid.get(header_row, c);
        if let (Some(t), Header::NotYear) = (cell.text(), classify_header(cell)) {
            findings.push(Finding::notice(
                "column_ignored",
                Message::text(text!(
                    "sarake \"{t}\" ohitettu: sen otsikko ei ole vuosi",
                    "kolumnen \"{t}\" hoppades över: dess rubrik är inte ett år",
                    "column \"{t}\" ignored: its heading is not a year"
                )),
                vec![sh.at(header_row, c)],
            ));
        }
    }
    for c in 0..first_year_col {
        let cell = grid.get(header_row, c);
        let numbers = (span.data_from..span.data_to)
            .filter(|r| matches!(grid.get(*r, c), Cell::Number(_)))
            .count();
        if let (Some(t), true) = (cell.text(), numbers > 0)
            && matches!(classify_header(cell), Header::NotYear)
        {
            findings.push(Finding::notice(
                "column_ignored",
                Message::text(text!(
                    "sarake \"{t}\" ohitettu: se on vuosisarakkeiden vasemmalla puolella ({numbers} lukua, kuten liiteviitteitä)",
                    "kolumnen \"{t}\" hoppades över: den står till vänster om årskolumnerna ({numbers} tal, såsom nothänvisningar)",
                    "column \"{t}\" ignored: it stands left of the year columns ({numbers} numbers, such as note references)"
                )),
                vec![sh.at(header_row, c)],
            ));
        }
    }
}

/// The same year twice: an actual beside its budget keeps the actual; the
/// same year and kind twice cannot be told apart.
pub(super) fn one_column_a_year(
    sh: &Sheet,
    span: Span,
    years: Vec<(YearColumn, Location)>,
    findings: &mut Vec<Finding>,
) -> Result<Vec<YearColumn>, Finding> {
    let (grid, data_from, data_to) = (sh.grid, span.data_from, span.data_to);
    let mut kept: Vec<(YearColumn, Location)> = Vec::new();
    for (yc, loc) in years {
        if let Some(i) = kept.iter().position(|(k, _)| k.year == yc.year) {
            let (other, other_loc) = &kept[i];
            let filled = |c: u32| {
                (data_from..data_to)
                    .filter(|r| number_in(grid.get(*r, c)).is_some())
                    .count()
            };
            if other.kind == yc.kind
                && other.col + 1 == yc.col
                && other.total_col.is_none()
                && filled(yc.col) < filled(other.col)
            {
                // One heading repeated over both columns of a pair (a
                // merged cell written out into each of its cells): the
                // second holds only the block totals. Two full columns
                // under one year cannot be told apart.
                kept[i].0.total_col = Some(yc.col);
                continue;
            }
            if other.kind == yc.kind {
                return Err(Finding::error(
                    "duplicate_year",
                    Message::text({
                        let (kind, year) = (yc.kind, yc.year);
                        text!(
                            "vuodella {kind} {year} on kaksi saraketta; kummassa luvut ovat?",
                            "året {kind} {year} har två kolumner; vilken av dem har siffrorna?",
                            "year {kind} {year} has two columns; which one holds the figures?"
                        )
                    }),
                    vec![other_loc.clone(), loc],
                ));
            }
            let (keep, drop) = if other.kind <= yc.kind {
                (i, (yc, loc))
            } else {
                let dropped = kept[i].clone();
                kept[i] = (yc, loc);
                (i, dropped)
            };
            findings.push(Finding::notice(
                "column_ignored",
                Message::text({
                    let (k, y) = (drop.0.kind, drop.0.year);
                    let (kk, ky) = (kept[keep].0.kind, kept[keep].0.year);
                    text!(
                        "sarake {k} {y} ohitettu: saman vuoden {kk} {ky} luetaan",
                        "kolumnen {k} {y} hoppades över: {kk} {ky} för samma år läses",
                        "column {k} {y} ignored: {kk} {ky} of the same year is read"
                    )
                }),
                vec![drop.1],
            ));
        } else {
            kept.push((yc, loc));
        }
    }
    Ok(kept.into_iter().map(|(y, _)| y).collect())
}

/// Two columns a year under one heading: items and block totals. The
/// heading stands over the first column of each pair or over the
/// second, the same way across the table; the way that takes in
/// more columns of figures is the one printed.
pub(super) fn pair_total_columns(
    sh: &Sheet,
    span: Span,
    header_cols: &[u32],
    years: &mut [YearColumn],
) {
    let (grid, header_row) = (sh.grid, span.header);
    let numbers_in = |c: u32| {
        (span.data_from..span.data_to)
            .filter(|r| number_in(grid.get(*r, c)).is_some())
            .count()
    };
    let free = |c: u32| {
        !header_cols.contains(&c)
            && !years.iter().any(|y| y.total_col == Some(c))
            && grid.get(header_row, c).is_empty()
            && numbers_in(c) >= 2
    };
    // Block totals are fewer than the items they close: a second column
    // as full as the first is something else (a change, a comparison).
    let right: Vec<Option<u32>> = years
        .iter()
        .map(|y| {
            y.col
                .checked_add(1)
                .filter(|c| free(*c) && numbers_in(*c) < numbers_in(y.col))
        })
        .collect();
    let left: Vec<Option<u32>> = years
        .iter()
        .map(|y| {
            y.col
                .checked_sub(1)
                .filter(|c| free(*c) && numbers_in(y.col) < numbers_in(*c))
        })
        .collect();
    let (n_right, n_left) = (
        right.iter().flatten().count(),
        left.iter().flatten().count(),
    );
    // Every year of the table has its pair, or none has: a lone number
    // column beside one year (note references) is no pair.
    let n_years = years.len();
    let (n_right, n_left) = (
        if n_right == n_years { n_right } else { 0 },
        if n_left == n_years { n_left } else { 0 },
    );
    let paired = years.iter().any(|y| y.total_col.is_some());
    if !paired && n_right > 0 && n_right >= n_left {
        for (y, p) in years.iter_mut().zip(right) {
            y.total_col = p;
        }
    } else if !paired && n_left > 0 {
        for (y, p) in years.iter_mut().zip(left) {
            if let Some(p) = p {
                y.total_col = Some(y.col);
                y.col = p;
            }
        }
    }
}
