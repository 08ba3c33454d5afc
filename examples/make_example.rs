//! Builds the example workbook `data/kivikoski.xlsx` of the fictional city of
//! Kivikoski from its readable source in `data/kivikoski/`:
//!
//! - `lines.csv`: the income and cash flow statements' detail lines by year,
//!   in thousands of euros, as published (costs negative);
//! - `opening.csv`: the balance sheet at 31.12.2018.
//!
//! Every subtotal, the cash flow's opening and closing cash and each year's
//! balance sheet are derived here, so every identity of the statements holds
//! by construction. Run: `cargo run --example make_example`.
//!
//! The same builder writes the layout variants the ingestion tests read
//! (units, Swedish labels, text numbers, positive costs, merged headers,
//! extra columns).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

use kivijalka::model::items::{self, ITEMS, Sign, Statement};
use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};

pub const FIRST_YEAR: i32 = 2019;
pub const LAST_ACTUAL: i32 = 2025;
pub const BUDGET: i32 = 2026;
pub const LAST_PLAN: i32 = 2029;

#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    /// Figures in euros instead of thousands.
    pub euros: bool,
    /// Swedish sheet names, labels and headings.
    pub swedish: bool,
    /// Figures as Finnish text ("−1 234") instead of numeric cells.
    pub text_numbers: bool,
    /// Costs and outflows as positive figures.
    pub positive_costs: bool,
    /// "Tilinpäätös" merged over the actual years, years alone below.
    pub merged_headers: bool,
    /// An amended budget column, a change % column and a notes column.
    pub extra_columns: bool,
}

type Key = (&'static str, &'static str); // (entity, item)
pub type Figures = BTreeMap<(&'static str, &'static str, i32), Decimal>;

fn entity_name(e: &str) -> &'static str {
    if e == "group" { "group" } else { "city" }
}

pub type Opening = BTreeMap<(&'static str, &'static str), Decimal>;

/// Reads the source and derives every line of every statement, in t€.
pub fn derive(dir: &Path) -> Figures {
    let (lines, opening) = read_source(dir);
    derive_from(lines, &opening)
}

/// The source: detail lines by year, and the opening balance sheet.
pub fn read_source(dir: &Path) -> (Figures, Opening) {
    let mut f: Figures = BTreeMap::new();
    let mut rdr = csv::Reader::from_path(dir.join("lines.csv")).expect("lines.csv");
    let headers = rdr.headers().unwrap().clone();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let e = entity_name(&rec[0]);
        let id = items::item(&rec[1]).id;
        for (i, h) in headers.iter().enumerate().skip(2) {
            if !rec[i].is_empty() {
                f.insert(
                    (e, id, h.parse().unwrap()),
                    Decimal::from_str(&rec[i]).unwrap(),
                );
            }
        }
    }
    let mut opening: Opening = BTreeMap::new();
    let mut rdr = csv::Reader::from_path(dir.join("opening.csv")).expect("opening.csv");
    for rec in rdr.records() {
        let rec = rec.unwrap();
        opening.insert(
            (entity_name(&rec[0]), items::item(&rec[1]).id),
            Decimal::from_str(&rec[2]).unwrap(),
        );
    }
    (f, opening)
}

/// Every subtotal, the cash at 1.1. and 31.12. and each actual year's
/// balance sheet, from the detail lines and the opening balance sheet.
pub fn derive_from(lines: Figures, opening: &Opening) -> Figures {
    let mut f = lines;
    for e in ["city", "group"] {
        if !f.keys().any(|k| k.0 == e) {
            continue;
        }
        let years: Vec<i32> = {
            let mut v: Vec<i32> = f.keys().filter(|k| k.0 == e).map(|k| k.2).collect();
            v.sort();
            v.dedup();
            v
        };
        for &y in &years {
            fill_subtotals(&mut f, e, y, Statement::Tuloslaskelma);
            let vk = f[&(e, "tl.vuosikate", y)];
            f.insert((e, "rl.vuosikate", y), vk);
            fill_subtotals(&mut f, e, y, Statement::Rahoituslaskelma);
        }
        // Balance sheets for the actual years, rolled forward from 2018.
        let mut bs: BTreeMap<&'static str, Decimal> = opening
            .iter()
            .filter(|(k, _)| k.0 == e)
            .map(|(k, v)| (k.1, *v))
            .collect();
        let mut cash_start = bs["ta.rahat_ja_pankkisaamiset"];
        for &y in years.iter().filter(|y| **y <= LAST_ACTUAL) {
            let g = |id: &str| {
                f.get(&(e, items::item(id).id, y))
                    .copied()
                    .unwrap_or_default()
            };
            let fixed = -g("rl.investointimenot") - g("rl.rahoitusosuudet") - g("rl.luovutustulot")
                + g("tl.poistot_ja_arvonalentumiset");
            let buildings = (fixed * Decimal::new(6, 1)).round();
            let structures = (fixed * Decimal::new(3, 1)).round();
            *bs.get_mut("ta.rakennukset").unwrap() += buildings;
            *bs.get_mut("ta.kiinteat_rakenteet").unwrap() += structures;
            *bs.get_mut("ta.koneet_ja_kalusto").unwrap() += fixed - buildings - structures;
            *bs.get_mut("ta.muut_lainasaamiset").unwrap() +=
                -g("rl.antolainasaamisten_lisaykset") - g("rl.antolainasaamisten_vahennykset");
            *bs.get_mut("ta.ls_myyntisaamiset").unwrap() -= g("rl.saamisten_muutos");
            *bs.get_mut("ta.la_ostovelat").unwrap() += g("rl.korottomien_velkojen_muutos");
            *bs.get_mut("ta.pa_rahoituslaitokset").unwrap() +=
                g("rl.pitkaaikaisten_lainojen_lisays") + g("rl.pitkaaikaisten_lainojen_vahennys");
            *bs.get_mut("ta.la_jvk").unwrap() += g("rl.lyhytaikaisten_lainojen_muutos");
            let last_surplus = bs["ta.tilikauden_ylijaama"];
            *bs.get_mut("ta.edellisten_ylijaama").unwrap() += last_surplus;
            bs.insert("ta.tilikauden_ylijaama", g("tl.tilikauden_ylijaama"));
            *bs.get_mut("ta.poistoero").unwrap() -= g("tl.poistoeron_muutos");
            if let Some(m) = bs.get_mut("ta.vahemmistoosuudet") {
                *m -= g("tl.vahemmistoosuudet");
            }
            let cash_end = cash_start + g("rl.rahavarojen_muutos");
            bs.insert("ta.rahat_ja_pankkisaamiset", cash_end);
            f.insert((e, "rl.rahavarat_1_1", y), cash_start);
            f.insert((e, "rl.rahavarat_31_12", y), cash_end);
            cash_start = cash_end;
            for (id, v) in &bs {
                f.insert((e, id, y), *v);
            }
            fill_subtotals(&mut f, e, y, Statement::Tase);
            assert_eq!(
                f[&(e, "ta.vastaavaa", y)],
                f[&(e, "ta.vastattavaa", y)],
                "{e} {y} balance sheet does not balance"
            );
        }
        // Budget and plan cash: carried on from the last actual year.
        for &y in years.iter().filter(|y| **y > LAST_ACTUAL) {
            let change = f[&(e, "rl.rahavarojen_muutos", y)];
            f.insert((e, "rl.rahavarat_1_1", y), cash_start);
            f.insert((e, "rl.rahavarat_31_12", y), cash_start + change);
            cash_start += change;
        }
    }
    f
}

/// Sets every subtotal of a statement to the sum of the lines under it,
/// bottom-up, where any line under it has a figure.
fn fill_subtotals(f: &mut Figures, e: &'static str, y: i32, st: Statement) {
    fn total(f: &mut Figures, e: &'static str, y: i32, id: &'static str) -> Option<Decimal> {
        if !items::is_subtotal(id) {
            return f.get(&(e, id, y)).copied();
        }
        let mut acc = None;
        for c in items::children(id) {
            if let Some(v) = total(f, e, y, c.id) {
                *acc.get_or_insert(Decimal::ZERO) += v;
            }
        }
        match acc {
            Some(v) => {
                f.insert((e, id, y), v);
                Some(v)
            }
            // A line given as a whole in the source, without its parts.
            None => f.get(&(e, id, y)).copied(),
        }
    }
    for root in ITEMS
        .iter()
        .filter(|d| d.statement == st && d.parent.is_none())
    {
        total(f, e, y, root.id);
    }
}

fn sheet_name(e: &str, st: Statement, sv: bool) -> &'static str {
    match (e, st, sv) {
        ("city", Statement::Tuloslaskelma, false) => "Tuloslaskelma",
        ("city", Statement::Rahoituslaskelma, false) => "Rahoituslaskelma",
        ("city", Statement::Tase, false) => "Tase",
        ("group", Statement::Tuloslaskelma, false) => "Konsernituloslaskelma",
        ("group", Statement::Rahoituslaskelma, false) => "Konsernin rahoituslaskelma",
        ("group", Statement::Tase, false) => "Konsernitase",
        ("city", Statement::Tuloslaskelma, true) => "Resultaträkning",
        ("city", Statement::Rahoituslaskelma, true) => "Finansieringsanalys",
        ("city", Statement::Tase, true) => "Balansräkning",
        ("group", Statement::Tuloslaskelma, true) => "Koncernresultaträkning",
        ("group", Statement::Rahoituslaskelma, true) => "Koncernens finansieringsanalys",
        ("group", Statement::Tase, true) => "Koncernbalansräkning",
        (_, _, false) => "Taustatiedot",
        (_, _, true) => "Bakgrundsuppgifter",
    }
}

fn kind_word(y: i32, sv: bool) -> &'static str {
    match (y, sv) {
        (y, false) if y <= LAST_ACTUAL => "TP",
        (BUDGET, false) => "TA",
        (_, false) => "TS",
        (y, true) if y <= LAST_ACTUAL => "Bokslut",
        (BUDGET, true) => "Budget",
        (_, true) => "Ekonomiplan",
    }
}

fn kind_long(y: i32, sv: bool) -> &'static str {
    match (y, sv) {
        (y, false) if y <= LAST_ACTUAL => "Tilinpäätös",
        (BUDGET, false) => "Talousarvio",
        (_, false) => "Taloussuunnitelma",
        (y, true) if y <= LAST_ACTUAL => "Bokslut",
        (BUDGET, true) => "Budget",
        (_, true) => "Ekonomiplan",
    }
}

/// Finnish text form of a number: thin-space thousands, U+2212 minus.
pub fn finnish_text(v: Decimal) -> String {
    let neg = v < Decimal::ZERO;
    let s = v.abs().round_dp(2).normalize().to_string();
    let (int, frac) = s
        .split_once('.')
        .map(|(a, b)| (a.to_string(), Some(b.to_string())))
        .unwrap_or((s.clone(), None));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('\u{00A0}');
        }
        grouped.push(ch);
    }
    let mut out = if neg {
        format!("\u{2212}{grouped}")
    } else {
        grouped
    };
    if let Some(fr) = frac {
        out.push(',');
        out.push_str(&fr);
    }
    out
}

fn to_f64(v: Decimal) -> f64 {
    f64::from_str(&v.to_string()).unwrap()
}

struct Writer<'a> {
    ws: &'a mut Worksheet,
    style: Style,
    num: Format,
    bold_num: Format,
    bold: Format,
}

impl Writer<'_> {
    fn value(&mut self, row: u32, col: u16, v: Decimal, bold: bool) {
        if self.style.text_numbers {
            self.ws.write_string(row, col, finnish_text(v)).unwrap();
        } else {
            let fmt = if bold { &self.bold_num } else { &self.num };
            self.ws
                .write_number_with_format(row, col, to_f64(v), fmt)
                .unwrap();
        }
    }
}

/// Writes the workbook of `figures` (t€) in the given style.
/// Who the workbook is of: the name and code in the background sheet, the
/// title on each statement sheet.
pub struct Meta<'a> {
    pub name: &'a str,
    pub code: &'a str,
    pub title: &'a str,
}

pub const KIVIKOSKI: Meta<'static> = Meta {
    name: "Kivikoski",
    code: "999",
    title: "Kivikosken kaupunki",
};

pub fn write(figures: &Figures, style: Style, path: &Path) {
    write_as(figures, style, path, &KIVIKOSKI)
}

pub fn write_as(figures: &Figures, style: Style, path: &Path, meta: &Meta) {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 3, 31).unwrap();
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_author("Kivikoski, talousyksikkö"),
    );
    let sv = style.swedish;
    let scale = if style.euros {
        Decimal::from(1000)
    } else {
        Decimal::ONE
    };
    let unit = match (style.euros, sv) {
        (true, _) => "€",
        (false, false) => "1 000 €",
        (false, true) => "1 000 euro",
    };
    let years_all: Vec<i32> = (FIRST_YEAR..=LAST_PLAN).collect();
    for e in ["city", "group"] {
        for st in [
            Statement::Tuloslaskelma,
            Statement::Rahoituslaskelma,
            Statement::Tase,
        ] {
            let years: Vec<i32> = years_all
                .iter()
                .copied()
                .filter(|y| {
                    ITEMS
                        .iter()
                        .any(|d| d.statement == st && figures.contains_key(&(e, d.id, *y)))
                })
                .collect();
            if years.is_empty() {
                continue;
            }
            let ws = wb.add_worksheet();
            ws.set_name(sheet_name(e, st, sv)).unwrap();
            let mut w = Writer {
                ws,
                style,
                num: Format::new().set_num_format("#,##0;-#,##0"),
                bold_num: Format::new().set_num_format("#,##0;-#,##0").set_bold(),
                bold: Format::new().set_bold(),
            };
            w.ws.write_string_with_format(0, 0, meta.title, &w.bold)
                .unwrap();
            let title = match (e, sv) {
                ("city", false) => st.fi().to_string(),
                (_, false) => format!("konserni{}", st.fi()),
                (_, true) => sheet_name(e, st, sv).to_string(),
            };
            let mut title = title;
            title[..1].make_ascii_uppercase();
            w.ws.write_string_with_format(1, 0, &title, &w.bold)
                .unwrap();
            w.ws.write_string(2, 0, unit).unwrap();
            let mut header_row = 4;
            if style.merged_headers {
                header_row = 5;
            }
            w.ws.set_column_width(0, 48).unwrap();
            let mut col: u16 = 1;
            let mut year_cols = Vec::new();
            let mut i = 0;
            while i < years.len() {
                let y = years[i];
                if style.merged_headers {
                    let group: Vec<i32> = years[i..]
                        .iter()
                        .copied()
                        .take_while(|yy| kind_long(*yy, sv) == kind_long(y, sv))
                        .collect();
                    let last = col + group.len() as u16 - 1;
                    if group.len() > 1 {
                        w.ws.merge_range(4, col, 4, last, kind_long(y, sv), &w.bold)
                            .unwrap();
                    } else {
                        w.ws.write_string_with_format(4, col, kind_long(y, sv), &w.bold)
                            .unwrap();
                    }
                    for yy in group.iter() {
                        w.ws.write_number_with_format(header_row, col, *yy as f64, &w.bold)
                            .unwrap();
                        year_cols.push((*yy, col));
                        col += 1;
                    }
                    i += group.len();
                    continue;
                }
                w.ws.write_string_with_format(
                    header_row,
                    col,
                    format!("{} {y}", kind_word(y, sv)),
                    &w.bold,
                )
                .unwrap();
                year_cols.push((y, col));
                col += 1;
                if style.extra_columns && y == LAST_ACTUAL && st != Statement::Tase {
                    w.ws.write_string_with_format(
                        header_row,
                        col,
                        format!("Muutos-% {}/{}", y - 1, y),
                        &w.bold,
                    )
                    .unwrap();
                    col += 1;
                }
                if style.extra_columns && y == BUDGET {
                    w.ws.write_string_with_format(
                        header_row,
                        col,
                        format!("TA {y} muutettu"),
                        &w.bold,
                    )
                    .unwrap();
                    col += 1;
                }
                i += 1;
            }
            let notes_col = col;
            if style.extra_columns {
                w.ws.write_string_with_format(header_row, notes_col, "Huomautukset", &w.bold)
                    .unwrap();
            }
            let mut row = header_row + 2;
            for def in ITEMS.iter().filter(|d| d.statement == st) {
                if !years.iter().any(|y| figures.contains_key(&(e, def.id, *y))) {
                    continue;
                }
                if def.id == "ta.vastaavaa" || def.id == "ta.vastattavaa" {
                    continue;
                }
                if def.id == "ta.pysyvat_vastaavat" || def.id == "ta.oma_paaoma" {
                    let heading = if def.id == "ta.oma_paaoma" {
                        if sv { "PASSIVA" } else { "VASTATTAVAA" }
                    } else if sv {
                        "AKTIVA"
                    } else {
                        "VASTAAVAA"
                    };
                    w.ws.write_string_with_format(row, 0, heading, &w.bold)
                        .unwrap();
                    row += 1;
                }
                let subtotal_level0 = def.level == 0 && items::is_subtotal(def.id);
                let label = if sv { def.sv } else { def.fi };
                let indent = "  ".repeat(def.level as usize);
                let label = if subtotal_level0 {
                    label.to_uppercase()
                } else {
                    format!("{indent}{label}")
                };
                if subtotal_level0 {
                    w.ws.write_string_with_format(row, 0, &label, &w.bold)
                        .unwrap();
                } else {
                    w.ws.write_string(row, 0, &label).unwrap();
                }
                for (y, c) in &year_cols {
                    if let Some(v) = figures.get(&(e, def.id, *y)) {
                        let mut v = *v * scale;
                        if style.positive_costs && def.sign == Sign::Minus {
                            v = -v;
                        }
                        w.value(row, *c, v, subtotal_level0);
                    }
                }
                if style.extra_columns && def.id == "tl.verotulot" {
                    w.ws.write_string(row, notes_col, "sis. yhteisöveron")
                        .unwrap();
                }
                row += 1;
                // Spacer after each main block, as ledgers print them.
                if matches!(
                    def.id,
                    "tl.toimintakate"
                        | "tl.vuosikate"
                        | "tl.tilikauden_tulos"
                        | "rl.toiminnan_ja_investointien_rahavirta"
                        | "rl.rahavarojen_muutos"
                        | "ta.vaihtuvat_vastaavat"
                ) {
                    row += 1;
                }
            }
            if st == Statement::Tase {
                for id in ["ta.vastaavaa", "ta.vastattavaa"] {
                    let def = items::item(id);
                    let label = if sv { def.sv } else { def.fi }.to_uppercase();
                    w.ws.write_string_with_format(row, 0, &label, &w.bold)
                        .unwrap();
                    for (y, c) in &year_cols {
                        if let Some(v) = figures.get(&(e, id, *y)) {
                            w.value(row, *c, *v * scale, true);
                        }
                    }
                    row += 1;
                }
            }
            w.ws.set_freeze_panes(header_row + 1, 1).unwrap();
        }
    }
    // Background figures.
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name("city", Statement::Taustatiedot, sv))
        .unwrap();
    let bold = Format::new().set_bold();
    ws.set_column_width(0, 40).unwrap();
    ws.write_string_with_format(
        0,
        0,
        if sv {
            "Bakgrundsuppgifter"
        } else {
            "Taustatiedot"
        },
        &bold,
    )
    .unwrap();
    ws.write_string(1, 0, if sv { "Kommun" } else { "Kunta" })
        .unwrap();
    ws.write_string(1, 1, meta.name).unwrap();
    ws.write_string(2, 0, if sv { "Kommunnummer" } else { "Kuntanumero" })
        .unwrap();
    ws.write_string(2, 1, meta.code).unwrap();
    ws.write_string(
        3,
        0,
        format!("{} {unit}", if sv { "Ansvar" } else { "Vastuut" }),
    )
    .unwrap();
    for (i, y) in years_all.iter().enumerate() {
        ws.write_string_with_format(5, 1 + i as u16, format!("{} {y}", kind_word(*y, sv)), &bold)
            .unwrap();
    }
    let mut row = 6;
    for id in [
        "bg.asukasluku",
        "bg.tuloveroprosentti",
        "bg.vuokravastuut",
        "bg.konsernin_vuokravastuut",
        "bg.konsernin_lainakanta",
    ] {
        let def = items::item(id);
        let plan_only = id == "bg.konsernin_lainakanta";
        ws.write_string(row, 0, if sv { def.sv } else { def.fi })
            .unwrap();
        for (i, y) in years_all.iter().enumerate() {
            let v = if plan_only {
                let has_group = figures.keys().any(|k| k.0 == "group");
                let has_plan = figures.keys().any(|k| k.0 == "city" && k.2 == *y);
                if *y <= LAST_ACTUAL || !has_group || !has_plan {
                    continue;
                }
                // The group's planned loans: the city's plan plus the companies' own.
                group_loan_estimate(figures, *y)
            } else {
                match figures.get(&("city", def.id, *y)) {
                    Some(v) => *v,
                    None => continue,
                }
            };
            let v = if matches!(id, "bg.asukasluku" | "bg.tuloveroprosentti") {
                v
            } else {
                v * scale
            };
            if style.text_numbers {
                ws.write_string(row, 1 + i as u16, finnish_text(v)).unwrap();
            } else {
                ws.write_number(row, 1 + i as u16, to_f64(v)).unwrap();
            }
        }
        row += 1;
    }
    wb.save(path).expect("write workbook");
}

/// Group loans in the plan years: the last actual group loan stock, moved by
/// the city's planned borrowing and repayments (t€).
fn group_loan_estimate(f: &Figures, y: i32) -> Decimal {
    let g = |e: &'static str, id: &'static str, yy: i32| {
        f.get(&(e, id, yy)).copied().unwrap_or_default()
    };
    let mut loans =
        g("group", "ta.pa_rahoituslaitokset", LAST_ACTUAL) + g("group", "ta.la_jvk", LAST_ACTUAL);
    for yy in LAST_ACTUAL + 1..=y {
        loans += g("city", "rl.pitkaaikaisten_lainojen_lisays", yy)
            + g("city", "rl.pitkaaikaisten_lainojen_vahennys", yy)
            + g("city", "rl.lyhytaikaisten_lainojen_muutos", yy);
    }
    loans
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let figures = derive(&root.join("data/kivikoski"));
    let out = root.join("data/kivikoski.xlsx");
    write(&figures, Style::default(), &out);
    println!("wrote {}", out.display());
}
