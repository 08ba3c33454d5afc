//! Real-history backtest: Kauhava and Seinäjoki projected from their 2023
//! statements to 2024 with the price index as it turned out, against the
//! statements they published for 2024.
//!
//! The workbook holds 2023 only (no budget, no plan, no 2024 figure), so
//! the default scenario's trends decide every projected line. The errors
//! are measured, not judged: the bounds below guard against a change that
//! makes the forecast worse on real data without anyone noticing.

use kivijalka::ingest;
use kivijalka::model::dataset::{Dataset, Entity};
use kivijalka::model::findings::Severity;
use kivijalka::model::projection::{Options, project};
use kivijalka::model::ratios::{Ctx, Measure};
use kivijalka::model::reason::Reason;
use kivijalka::model::scenario::Scenario;
use kivijalka::model::targets::Targets;
use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

use crate::conformance::workbook_of;
use crate::support::root;

const BASE: i32 = 2023;
const YEAR: i32 = 2024;
const CITIES: [(&str, &str); 2] = [("kauhava", "Kauhava"), ("seinajoki", "Seinäjoki")];

/// How a line is read from a dataset: as kivijalka reads it in any workbook.
type Read = fn(&Ctx, i32) -> Measure;

fn line(c: &Ctx, id: &'static str, y: i32) -> Measure {
    c.ds.total(Entity::City, id, y).ok_or(Reason::LineMissing {
        entity: Entity::City,
        line: id,
        year: y,
    })
}

/// The compared lines: the name, whether it counts residents (not euros),
/// and how it is read.
#[rustfmt::skip]
const LINES: &[(&str, bool, Read)] = &[
    ("Toimintatuotot", false, |c, y| line(c, "tl.toimintatuotot", y)),
    ("Toimintakulut", false, |c, y| line(c, "tl.toimintakulut", y)),
    ("Toimintakate", false, |c, y| line(c, "tl.toimintakate", y)),
    ("Verotulot", false, |c, y| line(c, "tl.verotulot", y)),
    ("Valtionosuudet", false, |c, y| line(c, "tl.valtionosuudet", y)),
    ("Vuosikate", false, |c, y| line(c, "tl.vuosikate", y)),
    ("Poistot ja arvonalentumiset", false, |c, y| line(c, "tl.poistot_ja_arvonalentumiset", y)),
    ("Investointimenot", false, |c, y| line(c, "rl.investointimenot", y)),
    ("Lainakanta 31.12.", false, |c, y| c.lainakanta(Entity::City, y)),
    ("Kertynyt ylijäämä", false, |c, y| c.kertynyt_ylijaama(Entity::City, y)),
    ("Asukasluku 31.12.", true, |c, y| c.population(y)),
];

/// One compared line of one city.
struct Row {
    city: &'static str,
    line: &'static str,
    residents: bool,
    /// Published, projected; or why either is not measurable.
    figures: Result<(Decimal, Decimal), Reason>,
}

impl Row {
    fn error(&self) -> Option<Decimal> {
        self.figures.as_ref().ok().map(|(a, p)| p - a)
    }

    /// The error as a percentage of the published figure's size; none for a
    /// published zero.
    fn error_pct(&self) -> Option<Decimal> {
        let (a, p) = self.figures.as_ref().ok()?;
        (!a.is_zero()).then(|| (p - a) / a.abs() * dec!(100))
    }
}

fn read(muni: &str, years: &[i32]) -> Dataset {
    ingest::read_grids(&format!("{muni}.xlsx"), workbook_of(muni, years))
        .expect("the published statements read")
}

/// The workbook as it stood before 2024 was published, read without errors.
fn read_base(muni: &str, city: &str) -> Dataset {
    let before = read(muni, &[BASE]);
    let errors: Vec<String> = (before.findings.iter())
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message.to_string())
        .collect();
    assert!(errors.is_empty(), "{city} {BASE}:\n{}", errors.join("\n"));
    assert!(
        !before.years.contains_key(&YEAR),
        "{city}: the base workbook must not hold {YEAR}"
    );
    before
}

/// 2023 read on its own is the 2023 read beside 2024: the projection starts
/// from the figures the city published.
fn same_base(city: &str, alone: &Ctx, beside: &Ctx) {
    for (name, _, read) in LINES {
        let (a, b) = (read(alone, BASE).ok(), read(beside, BASE).ok());
        assert!(
            a.is_some() && a == b,
            "{city} {name} {BASE}: {a:?} alone, {b:?} beside {YEAR}"
        );
    }
}

/// Every compared line of every city: 2024 as published against 2024 as
/// projected from 2023 alone.
fn measure() -> Vec<Row> {
    let index = kivijalka::config::load_index(&[]).expect("data/kphi.csv reads");
    assert!(
        index.changes.contains_key(&YEAR),
        "data/kphi.csv has no {YEAR}: the backtest needs the index as it turned out"
    );
    let targets = Targets::default();
    let mut rows = Vec::new();
    for (muni, city) in CITIES {
        let published = read(muni, &[YEAR, BASE]);
        let before = read_base(muni, city);
        let p = project(
            &before,
            &Scenario::default(),
            &index,
            Options {
                base_year: Some(BASE),
                horizon: Some(YEAR),
            },
        )
        .unwrap_or_else(|e| panic!("{city}: the projection from {BASE} fails: {e:?}"));
        let (actual, projected) = (
            Ctx::quiet(&published, &targets),
            Ctx::quiet(&p.dataset, &targets),
        );
        same_base(city, &Ctx::quiet(&before, &targets), &actual);
        for (name, residents, read) in LINES {
            rows.push(Row {
                city,
                line: name,
                residents: *residents,
                figures: read(&actual, YEAR).and_then(|a| Ok((a, read(&projected, YEAR)?))),
            });
        }
    }
    rows
}

/// Euros in thousands (residents as they are), whole, grouped by spaces.
fn shown(v: Decimal, residents: bool) -> String {
    let v = if residents { v } else { v / dec!(1000) };
    let v = v.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let digits = v.abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(ch);
    }
    if v.is_sign_negative() && !v.is_zero() {
        out.insert(0, '−');
    }
    out
}

fn pct(v: Decimal) -> String {
    let v = v.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    let s = format!("{:.1}", v.abs()).replace('.', ",");
    if v.is_zero() {
        s
    } else if v.is_sign_negative() {
        format!("−{s}")
    } else {
        format!("+{s}")
    }
}

/// The cells of one row: city, line, unit, published, projected, error, error %.
fn cells(r: &Row) -> [String; 7] {
    let unit = if r.residents { "as." } else { "1 000 €" };
    let (a, p, e, ep) = match &r.figures {
        Ok((a, p)) => (
            shown(*a, r.residents),
            shown(*p, r.residents),
            r.error().map(|e| shown(e, r.residents)).unwrap_or_default(),
            r.error_pct().map(pct).unwrap_or_else(|| "n/m".into()),
        ),
        Err(why) => (
            format!("not measurable: {why}"),
            String::new(),
            String::new(),
            String::new(),
        ),
    };
    let e = if e.starts_with('−') || e == "0" {
        e
    } else {
        format!("+{e}")
    };
    [r.city.into(), r.line.into(), unit.into(), a, p, e, ep]
}

const HEAD: [&str; 7] = [
    "Kunta",
    "Rivi",
    "Yksikkö",
    "TP 2024",
    "Ennuste 2024",
    "Virhe",
    "Virhe %",
];

fn text_table(rows: &[Row]) -> String {
    let all: Vec<[String; 7]> = std::iter::once(HEAD.map(String::from))
        .chain(rows.iter().map(cells))
        .collect();
    let width = |i: usize| all.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..7).map(width).collect();
    let mut out = String::new();
    for r in &all {
        for (i, c) in r.iter().enumerate() {
            let pad = " ".repeat(widths[i] - c.chars().count());
            if i < 3 {
                out.push_str(&format!("{c}{pad}  "));
            } else {
                out.push_str(&format!("{pad}{c}  "));
            }
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
    }
    out
}

fn markdown_table(rows: &[Row]) -> String {
    let mut out = format!("| {} |\n", HEAD.join(" | "));
    out.push_str("|---|---|---|---:|---:|---:|---:|\n");
    for r in rows {
        out.push_str(&format!("| {} |\n", cells(r).join(" | ")));
    }
    out
}

/// The largest error each line may show, in % of the published figure,
/// for either city. Each is the worse city's measured error rounded up to a
/// whole percent, plus a quarter of that (at least two points), rounded up
/// (the measured figure in brackets): room for a small deliberate change of
/// a driver, not for one that makes an error a quarter worse unnoticed.
/// They record what the forecast does, not what it should do: a regression
/// guard, not a claim of quality. A change that moves a driver on purpose
/// measures again and states new bounds by the same rule.
#[rustfmt::skip]
const BOUNDS_PCT: &[(&str, Decimal)] = &[
    ("Toimintatuotot", dec!(42)),              // Seinäjoki −33.0
    ("Toimintakulut", dec!(8)),                // Kauhava −5.5
    ("Toimintakate", dec!(14)),                // Seinäjoki −10.9
    ("Verotulot", dec!(6)),                    // Seinäjoki +3.3
    ("Valtionosuudet", dec!(40)),              // Seinäjoki +31.2
    ("Vuosikate", dec!(82)),                   // Seinäjoki −64.4
    ("Poistot ja arvonalentumiset", dec!(3)),  // Kauhava −0.2
    ("Investointimenot", dec!(92)),            // Seinäjoki +72.5
    ("Lainakanta 31.12.", dec!(25)),           // Kauhava −19.6
    ("Kertynyt ylijäämä", dec!(82)),           // Seinäjoki −64.9
    ("Asukasluku 31.12.", dec!(3)),            // Kauhava +0.8
];

#[test]
fn projection_from_2023_meets_the_published_2024_within_its_bounds() {
    let rows = measure();
    let table = text_table(&rows);
    println!("Backtest: {BASE} projected to {YEAR}, against the published {YEAR}\n{table}");
    let mut over = Vec::new();
    for r in &rows {
        let bound = BOUNDS_PCT
            .iter()
            .find(|b| b.0 == r.line)
            .map(|b| b.1)
            .unwrap_or_else(|| panic!("no bound for {}", r.line));
        match (&r.figures, r.error_pct()) {
            (Err(why), _) => over.push(format!("{} {}: not measurable: {why}", r.city, r.line)),
            (Ok(_), Some(e)) if e.abs() > bound => over.push(format!(
                "{} {}: error {} % beyond the bound {bound} %",
                r.city,
                r.line,
                e.round_dp(1)
            )),
            _ => {}
        }
    }
    assert!(over.is_empty(), "{}\n\n{table}", over.join("\n"));
}

/// Writes the table into docs/backtest.md between its markers:
/// `cargo test --test it backtest::write -- --ignored`.
#[test]
#[ignore]
fn write_the_table_into_docs() {
    let path = root().join("docs/backtest.md");
    let doc = std::fs::read_to_string(&path).expect("docs/backtest.md");
    let (start, end) = (
        "<!-- backtest table -->\n",
        "<!-- end of backtest table -->",
    );
    let (head, rest) = doc.split_once(start).expect("the table's start marker");
    let (_, tail) = rest.split_once(end).expect("the table's end marker");
    let table = markdown_table(&measure());
    std::fs::write(&path, format!("{head}{start}{table}{end}{tail}"))
        .expect("docs/backtest.md written");
    println!("{table}");
}
