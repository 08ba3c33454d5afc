//! Printed layouts read exactly: the published statements of two cities laid
//! out as annual reports print them (item and total columns under one year
//! heading, totals on the heading row, labels wrapped onto two rows, a
//! second table with its own unit and year order, years and kinds on rows of
//! their own) read to the very figures, key ratios and indicators of the
//! plain layout.

use std::collections::BTreeMap;
use std::str::FromStr;

use kivijalka::ingest::grid::{Cell, Grid};
use kivijalka::model::dataset::Dataset;
use kivijalka::model::findings::Severity;
use kivijalka::model::indicators::evaluate_quiet;
use kivijalka::model::items::{self, Statement};
use kivijalka::model::labels;
use kivijalka::model::price_index::PriceIndex;
use kivijalka::model::ratios::compute_ratios;
use kivijalka::model::targets::Targets;
use rust_decimal::Decimal;

use crate::conformance::workbook;

const MUNIS: [&str; 2] = ["kauhava", "seinajoki"];

/// A statement sheet of the plain layout: title rows, then one row a line
/// with its label in A and the two years in B and C.
struct Plain {
    name: String,
    titles: Vec<Vec<String>>,
    rows: Vec<(String, [String; 2])>,
}

fn text(g: &Grid, r: u32, c: u32) -> String {
    match g.get(r, c) {
        Cell::Text(t) => t.clone(),
        Cell::Empty => String::new(),
        other => panic!("unexpected cell {other:?}"),
    }
}

fn plain(g: &Grid) -> Plain {
    let header = (0..g.height())
        .find(|r| text(g, *r, 1).starts_with("TP "))
        .expect("a header row");
    Plain {
        name: g.name.clone(),
        titles: (0..header)
            .map(|r| (0..3).map(|c| text(g, r, c)).collect())
            .collect(),
        rows: (header + 1..g.height())
            .map(|r| (text(g, r, 0), [text(g, r, 1), text(g, r, 2)]))
            .collect(),
    }
}

fn statement_of(sheet: &str) -> Option<Statement> {
    let s = sheet.to_lowercase();
    if s.contains("tuloslaskelma") {
        Some(Statement::Tuloslaskelma)
    } else if s.contains("rahoituslaskelma") {
        Some(Statement::Rahoituslaskelma)
    } else if s.contains("tase") && !s.contains("tausta") {
        Some(Statement::Tase)
    } else {
        None
    }
}

/// A line that is a subtotal whatever section it is in.
fn is_subtotal(st: Statement, label: &str) -> bool {
    let c = labels::candidates(st, label);
    !c.is_empty() && c.iter().all(|d| items::is_subtotal(d.id))
}

fn has_figures(v: &[String; 2]) -> bool {
    v.iter().any(|x| !x.is_empty())
}

fn grid(name: &str, rows: &[Vec<String>]) -> Grid {
    let refs: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    Grid::from_text_rows(name, &refs)
}

/// Each statement sheet rebuilt by `f`; the background sheet as it is.
fn variant(muni: &str, f: impl Fn(&Plain, Statement) -> Vec<Vec<String>>) -> Vec<Grid> {
    workbook(muni)
        .into_iter()
        .map(|g| match statement_of(&g.name) {
            Some(st) => grid(&g.name, &f(&plain(&g), st)),
            None => g,
        })
        .collect()
}

/// Where a subtotal row closes the block its heading opened (the heading
/// printed above the items with the same label): the heading's index.
fn opened_by(p: &Plain, st: Statement, i: usize) -> Option<usize> {
    let (label, v) = &p.rows[i];
    if !has_figures(v) || i == 0 || !has_figures(&p.rows[i - 1].1) {
        return None;
    }
    let j = (0..i)
        .rev()
        .find(|j| p.rows[*j].0 == *label)
        .filter(|j| !has_figures(&p.rows[*j].1))?;
    // Only a block with no inner total: the heading is the one that opens it.
    (j + 1..i)
        .all(|k| !is_subtotal(st, &p.rows[k].0))
        .then_some(j)
}

/// Where a year's heading stands over its two columns: a merged cell keeps
/// its text in the first; some exports centre it over the second or write
/// it into both.
#[derive(Clone, Copy, Debug)]
enum HeadingOver {
    First,
    Second,
    Both,
}

/// Two columns a year under one (merged) heading, as annual reports print
/// them: items on the left, totals on the right. A block total closing the
/// block its heading opened is printed on the last item's row, its own row
/// left out; other subtotals stand alone in the total column.
fn two_columns(p: &Plain, st: Statement, heading: HeadingOver) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = p.titles.clone();
    let mut header = vec![String::new(); 5];
    for (c, year) in [(1, "TP 2024"), (3, "TP 2023")] {
        match heading {
            HeadingOver::First => header[c] = year.into(),
            HeadingOver::Second => header[c + 1] = year.into(),
            HeadingOver::Both => {
                header[c] = year.into();
                header[c + 1] = year.into();
            }
        }
    }
    out.push(header);
    for (i, (label, v)) in p.rows.iter().enumerate() {
        if opened_by(p, st, i).is_some() {
            let last = out.last_mut().unwrap();
            last[2] = v[0].clone();
            last[4] = v[1].clone();
            continue;
        }
        let total = is_subtotal(st, label);
        let (a, b) = if total { (2, 4) } else { (1, 3) };
        let mut row = vec![String::new(); 5];
        row[0] = label.clone();
        row[a] = v[0].clone();
        row[b] = v[1].clone();
        out.push(row);
    }
    out
}

/// Block totals printed on the heading row above their items.
fn totals_above(p: &Plain, st: Statement) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = p.titles.clone();
    out.push(vec![String::new(), "TP 2024".into(), "TP 2023".into()]);
    let mut at_heading: BTreeMap<usize, usize> = BTreeMap::new();
    for i in 0..p.rows.len() {
        if let Some(j) = opened_by(p, st, i) {
            at_heading.insert(j, i);
        }
    }
    let moved: Vec<usize> = at_heading.values().copied().collect();
    for (i, (label, v)) in p.rows.iter().enumerate() {
        if moved.contains(&i) {
            continue;
        }
        let v = at_heading.get(&i).map(|t| &p.rows[*t].1).unwrap_or(v);
        out.push(vec![label.clone(), v[0].clone(), v[1].clone()]);
    }
    out
}

/// How a long label is wrapped onto a second row.
#[derive(Clone, Copy, Debug)]
enum Wrap {
    /// At a word boundary, the figures on the second row.
    FiguresBelow,
    /// At a word boundary, the figures on the first row (a continuation in
    /// lower case).
    FiguresAbove,
    /// Inside a word with a hyphen ("hyödyk-" / "keiden"), figures below.
    Hyphenated,
}

/// Long labels wrapped at the first word boundary where the first part alone
/// is no line.
fn wrapped(p: &Plain, _st: Statement, how: Wrap) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = p.titles.clone();
    out.push(vec![String::new(), "TP 2024".into(), "TP 2023".into()]);
    for (label, v) in &p.rows {
        let words: Vec<&str> = label.split(' ').collect();
        let split = (label.chars().count() > 24 && has_figures(v))
            .then(|| {
                (2..words.len()).find(|k| labels::statements_of(&words[..*k].join(" ")).is_empty())
            })
            .flatten();
        let (first, rest) = match split {
            Some(k) => (words[..k].join(" "), words[k..].join(" ")),
            None => (String::new(), String::new()),
        };
        let lower = rest.chars().next().is_some_and(char::is_lowercase);
        let cut = rest
            .split(' ')
            .next()
            .filter(|w| w.chars().count() >= 6 && w.chars().all(char::is_alphabetic))
            .map(|w| w.chars().count() / 2);
        match (split, how) {
            (Some(_), Wrap::FiguresBelow) => {
                out.push(vec![first]);
                out.push(vec![rest, v[0].clone(), v[1].clone()]);
            }
            (Some(_), Wrap::FiguresAbove) if lower => {
                out.push(vec![first, v[0].clone(), v[1].clone()]);
                out.push(vec![rest]);
            }
            (Some(_), Wrap::Hyphenated) if cut.is_some() => {
                let n = cut.unwrap();
                let head: String = rest.chars().take(n).collect();
                let tail: String = rest.chars().skip(n).collect();
                out.push(vec![format!("{first} {head}-")]);
                out.push(vec![tail, v[0].clone(), v[1].clone()]);
            }
            _ => out.push(vec![label.clone(), v[0].clone(), v[1].clone()]),
        }
    }
    out
}

fn scaled(figure: &str, by: Decimal) -> String {
    if figure.is_empty() {
        return String::new();
    }
    let d = Decimal::from_str(&figure.replace([' ', '\u{a0}'], "").replace(',', ".")).unwrap();
    (d / by).normalize().to_string().replace('.', ",")
}

/// The balance sheet's liabilities side, and the cash flow statement from its
/// financing part on, continued in a second table below with a unit a
/// thousand times larger (figures printed exactly) and the years the other
/// way round.
fn two_tables(p: &Plain, st: Statement) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = p.titles.clone();
    out.push(vec![String::new(), "TP 2024".into(), "TP 2023".into()]);
    let split = p
        .rows
        .iter()
        .position(|(l, _)| {
            let l = l.to_lowercase();
            match st {
                Statement::Tase => l.contains("oma pääoma") || l.contains("vastattavaa"),
                Statement::Rahoituslaskelma => l.starts_with("antolainauksen muutokset"),
                Statement::Tuloslaskelma => l.contains("vuosikate"),
                _ => false,
            }
        })
        .unwrap_or(p.rows.len());
    let unit = p.titles.iter().flatten().find(|t| t.contains('€')).unwrap();
    let bigger = if unit.contains("000") {
        "milj. €"
    } else {
        "1 000 €"
    };
    for (label, v) in &p.rows[..split] {
        out.push(vec![label.clone(), v[0].clone(), v[1].clone()]);
    }
    if split < p.rows.len() {
        out.push(vec![]);
        out.push(vec![format!("{} (jatkuu)", p.name)]);
        out.push(vec![bigger.to_string()]);
        out.push(vec![String::new(), "TP 2023".into(), "TP 2024".into()]);
        for (label, v) in &p.rows[split..] {
            let k = Decimal::from(1000);
            out.push(vec![label.clone(), scaled(&v[1], k), scaled(&v[0], k)]);
        }
    }
    out
}

/// Year and kind on rows of their own: the kind above the years, or below.
fn kind_rows(p: &Plain, _st: Statement, above: bool) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = p.titles.clone();
    let kinds = vec![String::new(), "TP".into(), "TP".into()];
    let years = vec![String::new(), "2024".into(), "2023".into()];
    if above {
        out.push(kinds);
        out.push(years);
    } else {
        out.push(years);
        out.push(kinds);
    }
    for (label, v) in &p.rows {
        out.push(vec![label.clone(), v[0].clone(), v[1].clone()]);
    }
    out
}

fn read(muni: &str, grids: Vec<Grid>) -> Dataset {
    kivijalka::ingest::read_grids(&format!("{muni}.xlsx"), grids).expect("the workbook reads")
}

/// Everything the statements are read into and measured by, without the
/// cells they came from: figures, key ratios, indicators, the checks' breaks.
fn outputs(ds: &Dataset) -> String {
    let mut out = String::new();
    for ((e, id, y), f) in &ds.figures {
        // A figure printed in thousands with three decimals is the same
        // number as one printed in euros with two: compared as numbers.
        out.push_str(&format!("figure {e:?} {id} {y} {}\n", f.value.normalize()));
    }
    for r in compute_ratios(ds, &Targets::default()) {
        out.push_str(&format!(
            "ratio {} {:?} {} {:?} {:?}\n",
            r.id,
            r.entity,
            r.year,
            r.value.map(|v| v.normalize()),
            r.not_measurable
        ));
    }
    let ev = evaluate_quiet(ds, &Targets::default(), &PriceIndex::default());
    for v in ev.values.iter().chain(&ev.spans) {
        out.push_str(&format!(
            "indicator {} {:?} {} {:?} {:?} {:?}\n",
            v.id,
            v.entity,
            v.year,
            v.value.map(|v| v.normalize()),
            v.status,
            v.reason
        ));
    }
    for f in kivijalka::model::validate::validate(ds) {
        if f.severity == Severity::Error {
            out.push_str(&format!("break {}\n", f.message));
        }
    }
    out
}

fn errors(ds: &Dataset) -> Vec<String> {
    ds.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{:?} {}", f.cells, f.message))
        .collect()
}

fn assert_same(what: &str, f: impl Fn(&str) -> Vec<Grid>) -> Vec<Dataset> {
    let mut read_ = Vec::new();
    for muni in MUNIS {
        let base = read(muni, workbook(muni));
        let ds = read(muni, f(muni));
        assert!(
            errors(&ds).is_empty(),
            "{what}, {muni}:\n{}",
            errors(&ds).join("\n")
        );
        let (a, b) = (outputs(&base), outputs(&ds));
        assert!(
            a.lines().count() > 200,
            "{muni}: too little read to compare"
        );
        if a != b {
            let diff: Vec<String> = a
                .lines()
                .filter(|l| !b.lines().any(|m| m == *l))
                .map(|l| format!("- {l}"))
                .chain(
                    b.lines()
                        .filter(|l| !a.lines().any(|m| m == *l))
                        .map(|l| format!("+ {l}")),
                )
                .collect();
            panic!("{what}, {muni}: read differently:\n{}", diff.join("\n"));
        }
        read_.push(ds);
    }
    read_
}

fn notices(ds: &Dataset, code: &str) -> Vec<String> {
    ds.findings
        .iter()
        .filter(|f| f.code == code)
        .map(|f| f.message.to_string())
        .collect()
}

#[test]
fn item_and_total_columns_under_one_heading() {
    for heading in [HeadingOver::First, HeadingOver::Second, HeadingOver::Both] {
        let read = assert_same(&format!("two columns a year, heading {heading:?}"), |m| {
            variant(m, |p, st| two_columns(p, st, heading))
        });
        for ds in &read {
            let n = notices(ds, "total_column");
            assert!(!n.is_empty(), "no word of the total columns");
            assert!(
                n.iter()
                    .any(|m| m.contains("heading that opens their block")),
                "{n:?}"
            );
        }
    }
}

/// Totals on the heading row, in the total column of two a year.
fn totals_above_in_two_columns(p: &Plain, st: Statement) -> Vec<Vec<String>> {
    let rows = totals_above(p, st);
    let header = p.titles.len();
    rows.into_iter()
        .enumerate()
        .map(|(i, r)| {
            if i < header {
                return r;
            }
            if i == header {
                return vec![
                    String::new(),
                    "TP 2024".into(),
                    String::new(),
                    "TP 2023".into(),
                ];
            }
            let get = |k: usize| r.get(k).cloned().unwrap_or_default();
            if is_subtotal(st, &get(0)) {
                vec![get(0), String::new(), get(1), String::new(), get(2)]
            } else {
                vec![get(0), get(1), String::new(), get(2), String::new()]
            }
        })
        .collect()
}

#[test]
fn totals_on_the_heading_row() {
    assert_same("totals above their items", |m| variant(m, totals_above));
    let read = assert_same("totals above their items, two columns", |m| {
        variant(m, totals_above_in_two_columns)
    });
    for ds in &read {
        assert!(!notices(ds, "total_column").is_empty());
    }
}

#[test]
fn labels_wrapped_onto_two_rows() {
    for how in [Wrap::FiguresBelow, Wrap::FiguresAbove, Wrap::Hyphenated] {
        let read = assert_same(&format!("wrapped labels, {how:?}"), |m| {
            variant(m, |p, st| wrapped(p, st, how))
        });
        for ds in &read {
            let found: Vec<&kivijalka::model::findings::Finding> = ds
                .findings
                .iter()
                .filter(|f| f.code == "label_wrapped")
                .collect();
            let sheets: std::collections::BTreeSet<_> =
                found.iter().map(|f| f.cells[0].sheet.clone()).collect();
            assert!(!found.is_empty(), "{how:?}: no word of the wrapped labels");
            assert_eq!(found.len(), sheets.len(), "{how:?}: one summary a sheet");
        }
    }
}

#[test]
fn a_second_table_with_its_own_unit_and_year_order() {
    let read = assert_same("two tables on a sheet", |m| variant(m, two_tables));
    for ds in &read {
        assert!(
            notices(ds, "unit")
                .iter()
                .any(|m| m.contains("has its own unit")),
            "the second table's unit is not named"
        );
    }
}

#[test]
fn years_and_kinds_on_rows_of_their_own() {
    for above in [true, false] {
        let read = assert_same("kind rows", |m| variant(m, |p, st| kind_rows(p, st, above)));
        for ds in &read {
            assert!(notices(ds, "year_kind_assumed").is_empty());
        }
    }
}

#[test]
fn a_total_column_that_does_not_add_up_is_an_error_naming_both_cells() {
    let mut grids = variant("seinajoki", |p, st| two_columns(p, st, HeadingOver::First));
    let g = grids
        .iter_mut()
        .find(|g| g.name == "Tuloslaskelma")
        .unwrap();
    // The operating income total sits on the row of its last item.
    let r = (0..g.height())
        .find(|r| text(g, *r, 0) == "Muut toimintatuotot")
        .unwrap();
    assert_eq!(text(g, r, 2), "42 998 351,34");
    g.set(r, 2, Cell::Text("42 998 451,34".into()));
    let ds = read("seinajoki", grids);
    let errs: Vec<_> = ds
        .findings
        .iter()
        .filter(|f| f.code == "block_total_mismatch")
        .collect();
    assert_eq!(errs.len(), 1, "{:?}", errors(&ds));
    let cells: Vec<String> = errs[0].cells.iter().map(|c| format!("{c}")).collect();
    let row = r + 1;
    assert!(cells[0].contains(&format!("C{row}")), "{cells:?}");
    assert!(cells[1].contains(&format!("B{row}")), "{cells:?}");
    assert!(
        errs[0].message.to_string().contains("42998451.34"),
        "{}",
        errs[0].message
    );
    assert!(
        errs[0].message.to_string().contains("42998351.34"),
        "{}",
        errs[0].message
    );
    // Never the two columns added: the item is read as printed.
    let item = ds
        .figures
        .iter()
        .find(|((_, id, y), _)| *id == "tl.muut_toimintatuotot" && *y == 2024)
        .map(|(_, f)| f.value);
    assert_eq!(item, Some(Decimal::from_str("19657274.28").unwrap()));
}

/// Seinäjoki's income and cash flow statements as its annual report prints
/// them, from the transcription's notes of where each figure stands: items in
/// the first column of a year, block totals in the second on the row of the
/// block's last item, the results alone in the second column.
fn seinajoki_as_printed() -> Vec<Grid> {
    let lines = |year: i32| -> Vec<BTreeMap<String, String>> {
        let path =
            crate::support::root().join(format!("tests/reference/seinajoki_{year}_lines.csv"));
        csv::Reader::from_path(path)
            .unwrap()
            .deserialize()
            .map(Result::unwrap)
            .collect()
    };
    let (now, before) = (lines(2024), lines(2023));
    let mut grids = workbook("seinajoki");
    for (st, name) in [
        ("tuloslaskelma", "Tuloslaskelma"),
        ("rahoituslaskelma", "Rahoituslaskelma"),
    ] {
        let a: Vec<_> = now.iter().filter(|l| l["statement"] == st).collect();
        let b: Vec<_> = before.iter().filter(|l| l["statement"] == st).collect();
        assert_eq!(a.len(), b.len());
        let mut out: Vec<Vec<String>> = vec![
            vec![format!("seinajoki {name}")],
            vec!["€".into()],
            vec![],
            vec![
                String::new(),
                "TP 2024".into(),
                String::new(),
                "TP 2023".into(),
            ],
        ];
        let mut heading = String::new();
        for (x, y) in a.iter().zip(&b) {
            let label = &x["label"];
            assert_eq!(label, &y["label"]);
            let source = &x["source"];
            let note = source.find('[').map(|i| &source[i..]).unwrap_or("");
            if x["heading"] != heading {
                heading = x["heading"].clone();
                if heading != *label {
                    out.push(vec![heading.clone()]);
                }
            }
            let (v1, v0) = (x["value"].clone(), y["value"].clone());
            if let Some(rest) =
                note.strip_prefix("[subtotal printed in total column on the row of '")
            {
                let of = rest.trim_end_matches("']");
                let r = out
                    .iter()
                    .rposition(|r| r[0] == of)
                    .expect("the row it is printed on");
                out[r].resize(5, String::new());
                out[r][2] = v1;
                out[r][4] = v0;
                continue;
            }
            if label.starts_with('[') {
                continue;
            }
            if note == "[printed in total column]" {
                out.push(vec![label.clone(), String::new(), v1, String::new(), v0]);
            } else {
                out.push(vec![label.clone(), v1, String::new(), v0, String::new()]);
            }
        }
        let at = grids.iter().position(|g| g.name == name).unwrap();
        grids[at] = grid(name, &out);
    }
    grids
}

#[test]
fn seinajoki_statements_as_printed_measure_the_same() {
    let base = outputs(&read("seinajoki", workbook("seinajoki")));
    let ds = read("seinajoki", seinajoki_as_printed());
    assert!(errors(&ds).is_empty(), "{}", errors(&ds).join("\n"));
    // Block totals printed only in the total column under a heading of
    // their first part, or under none, are checked and not read as a line;
    // every ratio and indicator is the same.
    let measures = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| !l.starts_with("figure "))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(measures(&base), measures(&outputs(&ds)));
    let n = notices(&ds, "total_column");
    assert_eq!(n.len(), 2, "{n:?}");
    assert!(n.iter().all(|m| !m.contains(" 0 agree")), "{n:?}");
    // Operating income's total stands on its last item's row, under its heading.
    let fig = |id: &str| {
        ds.figures
            .iter()
            .find(|((e, i, y), _)| *i == id && *y == 2024 && format!("{e:?}") == "City")
            .map(|(_, f)| (f.value, f.source.cell.clone()))
    };
    let (v, cell) = fig("tl.toimintatuotot").expect("toimintatuotot read");
    assert_eq!(v, Decimal::from_str("42998351.34").unwrap());
    assert_eq!(cell.as_deref(), Some("C9"));
    // Personnel costs is the heading of the operating costs' first part: the
    // operating costs' total is not taken for it.
    assert_eq!(fig("tl.henkilostokulut"), None);
}

/// A workbook file of grids; a year heading over an empty cell to its right
/// with figures below both is written as one merged cell, as annual reports
/// have it.
fn write_xlsx(path: &std::path::Path, grids: &[Grid]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let merged = rust_xlsxwriter::Format::new();
    for g in grids {
        let ws = wb.add_worksheet();
        ws.set_name(&g.name).unwrap();
        for r in 0..g.height() {
            for c in 0..g.width() {
                let t = text(g, r, c);
                if t.is_empty() {
                    continue;
                }
                let pair = t.starts_with("TP ")
                    && g.width() == 5
                    && c % 2 == 1
                    && text(g, r, c + 1).is_empty();
                if pair {
                    ws.merge_range(r, c as u16, r, c as u16 + 1, &t, &merged)
                        .unwrap();
                } else {
                    ws.write_string(r, c as u16, &t).unwrap();
                }
            }
        }
    }
    wb.save(path).unwrap();
}

/// Through the command line and real files: the printed layouts give the
/// very ratios and indicators, byte for byte, and the same exit code.
#[test]
fn printed_workbooks_give_the_same_ratios_and_indicators() {
    let dir = crate::support::tempdir("layouts");
    let plain = dir.join("plain.xlsx");
    write_xlsx(&plain, &workbook("seinajoki"));
    let printed = dir.join("printed.xlsx");
    let mut grids = seinajoki_as_printed();
    // The balance sheet in two columns a year, its liabilities in a second table.
    let two = variant("seinajoki", |p, st| two_columns(p, st, HeadingOver::First));
    let tables = variant("seinajoki", two_tables);
    for g in grids.iter_mut() {
        if g.name == "Tase" {
            *g = two.iter().find(|x| x.name == "Tase").unwrap().clone();
        }
        if g.name == "Konsernitase" {
            *g = tables
                .iter()
                .find(|x| x.name == "Konsernitase")
                .unwrap()
                .clone();
        }
    }
    write_xlsx(&printed, &grids);
    // The file's name stands for the municipality, and a break names the
    // cells it rests on, which the layouts place differently.
    let clean = |o: &std::process::Output, file: &std::path::Path| -> Vec<String> {
        crate::support::stdout(o)
            .replace(crate::support::path_str(file), "FILE")
            .lines()
            .map(|l| {
                let mut l = l.to_string();
                while let Some(i) = l.find("(cells ") {
                    let j = l[i..].find(')').map(|j| i + j + 1).unwrap_or(l.len());
                    l.replace_range(i..j, "");
                }
                l
            })
            .collect()
    };
    for cmd in ["ratios", "indicators"] {
        let run = |f: &std::path::Path| {
            crate::support::run(&[cmd, crate::support::path_str(f), "--format", "csv"])
        };
        let (a, b) = (run(&plain), run(&printed));
        let (sa, sb) = (clean(&a, &plain), clean(&b, &printed));
        assert!(sa.len() > 5, "{cmd}: {}", crate::support::stderr(&a));
        let differ: Vec<String> = sa
            .iter()
            .zip(&sb)
            .filter(|(x, y)| x != y)
            .map(|(x, y)| format!("- {x}\n+ {y}"))
            .collect();
        assert!(
            differ.is_empty() && sa.len() == sb.len(),
            "{cmd}:\n{}\n{}",
            differ.join("\n"),
            crate::support::stderr(&b)
        );
        assert_eq!(
            a.status.code(),
            b.status.code(),
            "{}",
            crate::support::stderr(&b)
        );
    }
}
