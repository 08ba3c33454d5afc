//! Swedish in the reasons, findings, assumptions and the statutory report:
//! the decree's Swedish line names and the law's Swedish terms, and none of
//! the English that an untranslated text would leave.

use std::path::{Path, PathBuf};

use kivijalka::model::price_index::{PriceIndex, label};
use kivijalka::report::format::Lang;
use rust_decimal::Decimal;

use crate::support::make_example::{self, Style};
use crate::support::{path_str, root, run, stderr, stdout, tempdir};

const EXAMPLE: &str = "data/kivikoski.xlsx";

/// English an untranslated reason, finding or assumption would carry.
const ENGLISH: [&str; 13] = [
    "missing",
    "not measurable",
    "line \"",
    "no balance sheet",
    "structural break",
    "rolled forward",
    "does not hold",
    "beyond the plan",
    "a year",
    "years without a figure",
    "the rule book",
    "deficit",
    "not given",
];

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn no_english(what: &str, lines: &[&str]) {
    assert!(!lines.is_empty(), "{what}: no lines");
    for l in lines {
        for w in ENGLISH {
            assert!(!l.contains(w), "{what}: English \"{w}\" in: {l}");
        }
    }
}

/// The numbered notes below a table: "  [3] …".
fn notes(out: &str) -> Vec<&str> {
    out.lines()
        .filter(|l| l.trim_start().starts_with('[') && l.starts_with("  "))
        .collect()
}

#[test]
fn swedish_indicator_notes_name_the_decree_s_swedish_lines() {
    let out = ok(&["indicators", EXAMPLE, "--lang", "sv"]);
    let n = notes(&out);
    // The example's first year lacks the year before it: its net cost
    // growth needs the 2018 verksamhetsbidrag (toimintakate).
    assert!(
        n.iter().any(|l| l.contains(
            "2019: raden \"Verksamhetsbidrag\" (stadens resultaträkning) saknas för 2018"
        )),
        "{out}"
    );
    // Indicator 5's five-year sums before 2023 lack the earlier flows.
    assert!(
        n.iter().any(|l| l.contains(
            "summan för 5 år 2015–2019 kräver verksamhetens och investeringarnas kassaflöde (staden) för 2015, 2016, 2017, 2018"
        )),
        "{out}"
    );
    no_english("indicators --lang sv notes", &n);
}

#[test]
fn finnish_and_english_notes_keep_their_words() {
    let fi = ok(&["indicators", EXAMPLE]);
    assert!(fi.contains(
        "[1] 2019: rivi \"Toimintakate\" (kaupunki tuloslaskelma) puuttuu vuodelta 2018"
    ));
    let en = ok(&["indicators", EXAMPLE, "--lang", "en"]);
    assert!(
        en.contains("[1] 2019: line \"Toimintakate\" (kaupunki tuloslaskelma) missing for 2018")
    );
}

/// The example with the city's 2023 vuosikate 5 000 € above its parts.
fn broken(dir: &Path) -> PathBuf {
    let mut figures = make_example::derive(&root().join("data/kivikoski"));
    *figures.get_mut(&("city", "tl.vuosikate", 2023)).unwrap() += Decimal::from(5);
    let path = dir.join("broken.xlsx");
    make_example::write(&figures, Style::default(), &path);
    path
}

#[test]
fn swedish_check_words_the_broken_identity_with_swedish_line_names() {
    let dir = tempdir("lang-words-check");
    let wb = broken(&dir);
    let o = run(&["check", path_str(&wb), "--lang", "sv"]);
    let out = stdout(&o);
    let line = out
        .lines()
        .find(|l| l.contains("staden 2023: Årsbidrag ="))
        .unwrap_or_else(|| panic!("no Swedish break of 2023:\n{out}"));
    assert!(line.starts_with("fel "), "{line}");
    assert!(line.contains("stämmer inte"), "{line}");
    // The published 14 750 t€ and the 5 t€ laid on it, in Swedish number
    // style.
    assert!(
        line.contains("vänstra sidan 14 755 000, högra sidan 14 750 000 (skillnad 5 000,"),
        "{line}"
    );
    assert!(line.contains("Verksamhetsbidrag"), "{line}");
    no_english("check --lang sv", &[line]);
    // The break shows in three identities: the subtotal, vuosikate across
    // the statements, and the result below it.
    assert!(
        out.lines().any(|l| l.starts_with("3 fel, 0 varningar, ")),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn swedish_statutory_report_uses_the_law_s_swedish_terms() {
    let out = ok(&["statutory", EXAMPLE, "--lang", "sv"]);
    assert!(out.contains("Kivikoski — Kommunallagen 110 § och 118 §"));
    assert!(out.contains("110 § Täckning av ackumulerat underskott"));
    assert!(out.contains(
        "118 § Utvärderingsförfarande för en kommun i synnerligen svår ekonomisk ställning"
    ));
    // The plan 2026–2029: its years' results sum to 24 943 t€ (the
    // example's accumulated surplus 72 546 t€ at 2029 less 47 603 t€ at
    // 2025), within the 47 603 t€ it may use.
    assert!(out.contains(
        "Ekonomiplan 2026–2029: räkenskapsperiodernas över- och underskott sammanlagt 24 943 000 €, tillåtet underskott högst 47 603 000 €"
    ));
    no_english("statutory --lang sv notes", &notes(&out));
}

#[test]
fn swedish_forecast_assumptions_are_swedish() {
    let out = ok(&[
        "forecast",
        EXAMPLE,
        "--lang",
        "sv",
        "--scenario",
        "scenarios/tax_rise.toml",
    ]);
    let a: Vec<&str> = out.lines().filter(|l| l.starts_with("  - ")).collect();
    assert!(
        a.iter()
            .any(|l| l.contains("invånarantalet ändras efter planperioden med −0,34 % per år"))
    );
    assert!(
        a.iter()
            .any(|l| l.contains("kommunalskatt 78 %, fastighetsskatt 12 %, samfundsskatt 10 %"))
    );
    assert!(
        a.iter()
            .any(|l| l.starts_with("  - statsandelarna 2029, 11,1 M€"))
    );
    no_english("forecast --lang sv assumptions", &a);
}

#[test]
fn a_scenario_s_index_figures_are_labelled_in_the_reader_s_language() {
    let mut pi = PriceIndex {
        name: "KPHI".into(),
        ..PriceIndex::default()
    };
    pi.changes.insert(2025, Decimal::new(25, 1));
    pi.fill_from(
        "Perusura",
        [(2025, Decimal::ONE), (2026, Decimal::TWO)].into_iter(),
    );
    // The published figure stays; the scenario fills the year without one.
    assert_eq!(pi.change(2025), Some(Decimal::new(25, 1)));
    assert_eq!(pi.change(2026), Some(Decimal::TWO));
    // JSON and CSV keep the English form.
    assert_eq!(pi.name, "KPHI; years without a figure: scenario 'Perusura'");
    assert_eq!(label(&pi.name, Lang::En), pi.name);
    assert_eq!(
        label(&pi.name, Lang::Fi),
        "KPHI; puuttuvat vuodet: skenaario 'Perusura'"
    );
    assert_eq!(
        label(&pi.name, Lang::Sv),
        "KPHI; saknade år: scenario 'Perusura'"
    );
    assert_eq!(label(&pi.sources[&2026], Lang::Fi), "skenaario 'Perusura'");
    // A published source is left as given.
    assert_eq!(
        label("Statistics Finland: table 11m6", Lang::Fi),
        "Statistics Finland: table 11m6"
    );
    // Filling again names the scenario once.
    pi.fill_from("Perusura", std::iter::empty());
    assert_eq!(pi.name, "KPHI; years without a figure: scenario 'Perusura'");
}

#[test]
fn every_formula_and_source_reads_in_finnish_and_swedish() {
    use kivijalka::model::indicators::INDICATORS;
    use kivijalka::model::ratios::RATIOS;
    let english = [
        " the ", "sum of", "without", " when ", " as ", "each ", "setting", "default",
    ];
    let texts = INDICATORS
        .iter()
        .map(|d| {
            (
                d.id,
                [
                    d.formula_in(Lang::Fi),
                    d.source_in(Lang::Fi),
                    d.formula_in(Lang::Sv),
                    d.source_in(Lang::Sv),
                ],
            )
        })
        .chain(RATIOS.iter().map(|d| {
            (
                d.id,
                [
                    d.formula_in(Lang::Fi),
                    d.source_in(Lang::Fi),
                    d.formula_in(Lang::Sv),
                    d.source_in(Lang::Sv),
                ],
            )
        }));
    for (id, words) in texts {
        for w in words {
            assert!(!w.is_empty(), "{id}");
            for e in english {
                assert!(!w.contains(e), "{id}: English \"{e}\" in: {w}");
            }
        }
    }
    // English stays what JSON has always carried.
    assert_eq!(INDICATORS[4].formula_in(Lang::En), INDICATORS[4].formula);
    // The Swedish formula names the decree's Swedish lines.
    assert!(
        INDICATORS[0]
            .formula_in(Lang::Sv)
            .starts_with("årsbidrag − försäljningsvinster")
    );
}

#[test]
fn plausibility_findings_read_in_swedish() {
    use kivijalka::model::dataset::Entity;
    use kivijalka::model::findings::{
        GroupAgainstCity, GroupCheck, Message, PerResident, Population, UnitsAcross,
    };
    use kivijalka::model::items::Statement;
    use kivijalka::model::location::Location;
    use kivijalka::report::finding::text;
    let at = |c: &str| Location::cell("k.xlsx", "Tase", c);
    let d = |v: i64| Decimal::from(v);
    let messages = [
        Message::Population(Box::new(Population {
            at: at("C40"),
            year: 2024,
            value: d(11),
            low: 90,
            high: 700_000,
        })),
        Message::PerResident(Box::new(PerResident {
            at: at("C5"),
            entity: Entity::City,
            year: 2024,
            what: "toimintakulut",
            value: d(61_800),
            per_resident: Decimal::new(535, 2),
            population: d(11_546),
            population_at: at("C40"),
            low: Some(100),
            high: 100_000,
            also: vec![2025],
        })),
        Message::UnitsAcross(Box::new(UnitsAcross {
            entity: Entity::Group,
            year: 2024,
            line: "tl.vuosikate",
            value: d(14_750_000),
            at: at("C14"),
            other: "Vuosikate",
            other_value: d(14_750),
            other_at: at("D9"),
        })),
        Message::GroupAgainstCity(Box::new(GroupAgainstCity {
            year: 2024,
            check: GroupCheck::LoansBelowCity {
                group: d(90_000),
                city: d(104_000_000),
            },
            units: true,
            first: Some(at("C60")),
            second: None,
        })),
        Message::StatementsMissing {
            entity: Entity::City,
            statements: vec![Statement::Tase],
        },
    ];
    let sv: Vec<String> = messages.iter().map(|m| text(m, Lang::Sv)).collect();
    let lines: Vec<&str> = sv.iter().map(String::as_str).collect();
    no_english("findings in Swedish", &lines);
    assert!(sv[0].starts_with("k.xlsx, blad 'Tase', cell C40: invånarantalet 2024 är 11,"));
    // 61 800 € over 11 546 residents is 5,35 €/inv., far below any
    // municipality's operating costs.
    assert!(
        sv[1].contains("staden 2024 verksamhetens kostnader 61 800 € är 5,35 €/invånare"),
        "{}",
        sv[1]
    );
    assert!(
        sv[2].contains("koncernen 2024: Årsbidrag är 14 750 000 €"),
        "{}",
        sv[2]
    );
    assert!(sv[3].contains("(beräknad)"), "{}", sv[3]);
    assert_eq!(
        sv[4],
        "arbetsboken saknar stadens balansräkning; de indikatorer och nyckeltal som beräknas ur den kan inte mätas"
    );
}
