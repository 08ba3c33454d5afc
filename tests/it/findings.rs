//! The model's findings are data, worded by the report in the output's
//! language: every kind of finding reads in Finnish and in English with its
//! figures, English as it always read (CSV, JSON and error messages carry
//! it), and `check` in Finnish reads Finnish.

use std::path::{Path, PathBuf};

use kivijalka::error::Location;
use kivijalka::model::dataset::{Dataset, Entity, Figure, YearKind};
use kivijalka::model::findings::{
    GroupAgainstCity, GroupCheck, Identity, Message, PerResident, Population, Unequal, UnitsAcross,
};
use kivijalka::model::items::Statement;
use kivijalka::report::finding::{identity, text};
use kivijalka::report::format::Lang;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::support::make_example::{self, Style};
use crate::support::{path_str, root, run, stderr, stdout, tempdir};

fn cell(sheet: &str, c: &str) -> Location {
    Location::cell("t.xlsx", sheet, c)
}

/// Which variant a message is. No arm for "anything else": a new variant
/// fails to compile here until it is numbered, and then the test below
/// fails until `samples` words it.
fn variant(m: &Message) -> usize {
    match m {
        Message::Identity(_) => 0,
        Message::Population(_) => 1,
        Message::PerResident(_) => 2,
        Message::UnitsAcross(_) => 3,
        Message::GroupAgainstCity(_) => 4,
        Message::StatementsMissing { .. } => 5,
        Message::Text(_) => 6,
    }
}
const VARIANTS: usize = 7;

fn identity_variant(i: &Identity) -> usize {
    match i {
        Identity::Subtotal { .. } => 0,
        Identity::CashChange => 1,
        Identity::CashAgainstBalanceSheet => 2,
        Identity::CashChangeAgainstBalanceSheet => 3,
        Identity::BalanceSheet => 4,
        Identity::VuosikateAcross => 5,
        Identity::SurplusAcross => 6,
        Identity::CashCarriedOver => 7,
        Identity::SurplusCarriedOver => 8,
    }
}
const IDENTITIES: usize = 9;

fn check_variant(c: &GroupCheck) -> usize {
    match c {
        GroupCheck::LoansBelowCity { .. } => 0,
        GroupCheck::EstimateBelowHalf { .. } => 1,
        GroupCheck::EstimateThousandfold { .. } => 2,
        GroupCheck::TotalOutOfScale { .. } => 3,
    }
}
const CHECKS: usize = 4;

fn identities() -> Vec<Identity> {
    vec![
        Identity::Subtotal {
            line: "tl.vuosikate",
            parts: vec!["tl.toimintakate", "tl.verotulot"],
        },
        Identity::CashChange,
        Identity::CashAgainstBalanceSheet,
        Identity::CashChangeAgainstBalanceSheet,
        Identity::BalanceSheet,
        Identity::VuosikateAcross,
        Identity::SurplusAcross,
        Identity::CashCarriedOver,
        Identity::SurplusCarriedOver,
    ]
}

fn group(check: GroupCheck, units: bool) -> Message {
    Message::GroupAgainstCity(Box::new(GroupAgainstCity {
        year: 2024,
        check,
        units,
        first: Some(cell("Konsernitase", "B30")),
        second: None,
    }))
}

/// One message of every kind, each with the figures its sentence must
/// show: (message, in English, in Finnish).
#[allow(clippy::type_complexity)]
fn samples() -> Vec<(Message, Vec<&'static str>, Vec<&'static str>)> {
    let mut out = Vec::new();
    for i in identities() {
        out.push((
            Message::Identity(Box::new(Unequal {
                entity: Entity::Group,
                year: 2023,
                identity: i,
                left: dec!(1234567.5),
                right: dec!(1234000),
                tolerance: dec!(1500),
            })),
            vec!["konserni 2023", "1234567.5", "1234000", "567.5", "1500"],
            vec![
                "konserni 2023",
                "1 234 567,5",
                "1 234 000",
                "567,5",
                "1 500",
            ],
        ));
    }
    out.push((
        Message::Population(Box::new(Population {
            at: cell("Taustatiedot", "B7"),
            year: 2024,
            value: dec!(15049000),
            low: 50,
            high: 1_000_000,
        })),
        vec!["cell B7", "2024", "15049000", "50–1000000"],
        vec!["solu B7", "2024", "15 049 000", "50–1 000 000"],
    ));
    for (low, also, en, fi) in [
        (Some(100), vec![], "100–100000", "100–100 000"),
        (None, vec![2022, 2023], "at most 100000", "enintään 100 000"),
    ] {
        let more = !also.is_empty();
        out.push((
            Message::PerResident(Box::new(PerResident {
                at: cell("Tuloslaskelma", "C12"),
                entity: Entity::City,
                year: 2024,
                what: "toimintakulut",
                value: dec!(-602000.4),
                per_resident: dec!(0.4),
                population: dec!(15049),
                population_at: cell("Taustatiedot", "B7"),
                low,
                high: 100_000,
                also,
            })),
            [
                vec!["cell C12", "kaupunki 2024 toimintakulut", "-602000 €"],
                vec!["0.4 €/resident", "15049", "cell B7", en],
                if more { vec!["2022, 2023"] } else { vec![] },
            ]
            .concat(),
            [
                vec!["solu C12", "kaupunki 2024 toimintakulut", "−602 000 €"],
                vec!["0,4 €/asukas", "15 049", "solu B7", fi],
                if more { vec!["2022, 2023"] } else { vec![] },
            ]
            .concat(),
        ));
    }
    out.push((
        Message::UnitsAcross(Box::new(UnitsAcross {
            entity: Entity::Group,
            year: 2024,
            line: "tl.vuosikate",
            value: dec!(12345678),
            at: cell("Konsernituloslaskelma", "C20"),
            other: "Vuosikate",
            other_value: dec!(12346),
            other_at: cell("Konsernin rahoituslaskelma", "C5"),
        })),
        vec![
            "konserni 2024",
            "12345678 €",
            "cell C20",
            "12346 €",
            "cell C5",
        ],
        vec![
            "konserni 2024",
            "12 345 678 €",
            "solu C20",
            "12 346 €",
            "solu C5",
        ],
    ));
    let checks = [
        (
            GroupCheck::LoansBelowCity {
                group: dec!(90000000),
                city: dec!(100000000),
            },
            vec!["90000000 €", "100000000 €"],
            vec!["90 000 000 €", "100 000 000 €"],
        ),
        (
            GroupCheck::EstimateBelowHalf {
                estimate: dec!(40000),
                city: dec!(100000000),
                city_year: 2023,
            },
            vec!["40000 €", "100000000 €", "(2023)"],
            vec!["40 000 €", "100 000 000 €", "(2023)"],
        ),
        (
            GroupCheck::EstimateThousandfold {
                estimate: dec!(120000),
                group: dec!(120000000),
            },
            vec!["120000 €", "120000000 €"],
            vec!["120 000 €", "120 000 000 €"],
        ),
        (
            GroupCheck::TotalOutOfScale {
                line: "tl.verotulot",
                group: dec!(5000),
                city: dec!(80000000),
            },
            vec!["verotulot 5000 €", "80000000 €"],
            vec!["verotulot 5 000 €", "80 000 000 €"],
        ),
    ];
    for (c, en, fi) in checks {
        for units in [true, false] {
            let (hint_en, hint_fi) = if units {
                (
                    "the units differ by 1000?",
                    "eroavatko yksiköt 1000-kertaisesti?",
                )
            } else {
                ("check both cells", "tarkista molemmat solut")
            };
            let en = [en.clone(), vec!["2024", "cell B30", "(computed)", hint_en]].concat();
            let fi = [fi.clone(), vec!["2024", "solu B30", "(laskettu)", hint_fi]].concat();
            out.push((group(c.clone(), units), en, fi));
        }
    }
    out.push((
        Message::StatementsMissing {
            entity: Entity::City,
            statements: vec![Statement::Rahoituslaskelma, Statement::Tase],
        },
        vec![
            "rahoituslaskelma (cash flow statement), tase (balance sheet)",
            "city",
        ],
        vec!["rahoituslaskelma, tase", "kaupungin"],
    ));
    out.push((
        Message::StatementsMissing {
            entity: Entity::Group,
            statements: vec![Statement::Tase],
        },
        vec!["tase (balance sheet)", "group"],
        vec!["konsernin tase", "siitä"],
    ));
    out.push((
        Message::text(kivijalka::text!(
            "luvut 1000 euron yksiköissä",
            "siffror i enheter om 1000 €",
            "figures in units of 1000 €"
        )),
        vec!["figures in units of 1000 €"],
        vec!["luvut 1000 euron yksiköissä"],
    ));
    out
}

#[test]
fn every_finding_reads_in_both_languages_with_its_figures() {
    let samples = samples();
    let mut seen = [false; VARIANTS];
    let (mut ids, mut checks) = ([false; IDENTITIES], [false; CHECKS]);
    for (m, en, fi) in &samples {
        seen[variant(m)] = true;
        match m {
            Message::Identity(u) => ids[identity_variant(&u.identity)] = true,
            Message::GroupAgainstCity(g) => checks[check_variant(&g.check)] = true,
            _ => {}
        }
        for (lang, wants) in [(Lang::En, en), (Lang::Fi, fi)] {
            let t = text(m, lang);
            assert!(!t.trim().is_empty(), "{m:?}");
            for w in wants {
                assert!(t.contains(w), "{lang:?}: {w:?} not in {t:?}");
            }
        }
        // The reading's notices are still worded where they are found.
        if !matches!(m, Message::Text(_)) {
            assert_ne!(text(m, Lang::En), text(m, Lang::Fi), "{m:?}");
        }
    }
    assert_eq!(seen, [true; VARIANTS]);
    assert_eq!(ids, [true; IDENTITIES]);
    assert_eq!(checks, [true; CHECKS]);
    // The identities: the statements' line names in both languages.
    for i in identities() {
        for lang in [Lang::En, Lang::Fi] {
            let t = identity(&i, lang);
            assert!(t.contains(" = "), "{lang:?}: {t}");
            assert!(!t.contains("last year") || lang == Lang::En, "{t}");
        }
    }
}

fn put(ds: &mut Dataset, id: &'static str, y: i32, v: Decimal, c: &str) {
    let f = Figure {
        value: v,
        source: cell("TL", c),
        label: id.to_string(),
        quantum: dec!(0.01),
    };
    ds.figures.insert((Entity::City, id, y), f);
}

/// Vuosikate 2023 printed 5 000 € above toimintakate + verotulot.
fn broken_dataset() -> Dataset {
    let mut ds = Dataset {
        file: "t.xlsx".into(),
        ..Dataset::default()
    };
    ds.years.insert(2023, YearKind::TP);
    put(&mut ds, "tl.toimintakate", 2023, dec!(-900), "C5");
    put(&mut ds, "tl.verotulot", 2023, dec!(1000), "C6");
    put(&mut ds, "tl.vuosikate", 2023, dec!(5100), "C9");
    ds
}

#[test]
fn an_identity_miss_reads_as_it_always_did_in_english_and_finnish_in_finnish() {
    let found = kivijalka::model::validate::validate(&broken_dataset());
    let f = found.iter().find(|f| f.code == "identity").unwrap();
    // 5100 against −900 + 1000; each of the three figures may be half a
    // cent off: 0.015.
    assert_eq!(
        f.message.to_string(),
        "kaupunki 2023: Vuosikate = Toimintakate + Verotulot does not hold: 5100 against 100 (difference 5000, rounding allows 0.015)"
    );
    assert_eq!(
        text(&f.message, Lang::Fi),
        "kaupunki 2023: Vuosikate = Toimintakate + Verotulot ei täsmää: vasen puoli 5 100, oikea puoli 100 (erotus 5 000, pyöristys sallii 0,015)"
    );
    // JSON carries the English sentence, as before.
    let json = serde_json::to_value(f).unwrap();
    assert_eq!(json["message"], f.message.to_string());
    assert_eq!(
        json["identity"]["identity"],
        "Vuosikate = Toimintakate + Verotulot"
    );
}

#[test]
fn a_population_out_of_bounds_reads_exactly() {
    let mut ds = Dataset {
        file: "t.xlsx".into(),
        ..Dataset::default()
    };
    ds.years.insert(2024, YearKind::TP);
    ds.figures.insert(
        (Entity::City, "bg.asukasluku", 2024),
        Figure {
            value: dec!(15049000),
            source: cell("Taustatiedot", "B7"),
            label: String::new(),
            quantum: dec!(1),
        },
    );
    let found = kivijalka::model::plausibility::check(&ds);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].message.to_string(),
        "t.xlsx, sheet 'Taustatiedot', cell B7: population 2024 is 15049000, outside the 50–1000000 residents of any Finnish municipality (is it in thousands, or a euro figure on the population row?)"
    );
    assert_eq!(
        text(&found[0].message, Lang::Fi),
        "t.xlsx, taulukko 'Taustatiedot', solu B7: asukasluku 2024 on 15 049 000, kun suomalaisissa kunnissa on 50–1 000 000 asukasta (onko luku tuhansina, tai onko asukaslukurivillä euromäärä?)"
    );
}

#[test]
fn a_workbook_without_statements_reads_exactly() {
    let ds = Dataset {
        file: "t.xlsx".into(),
        ..Dataset::default()
    };
    let found = kivijalka::app::check::findings(&ds);
    let f = found
        .iter()
        .find(|f| f.code == "missing_statement")
        .unwrap();
    assert_eq!(
        f.message.to_string(),
        "the workbook has no tuloslaskelma (income statement), rahoituslaskelma (cash flow statement), tase (balance sheet) of the city; the indicators and key ratios that rest on it cannot be measured"
    );
    assert_eq!(
        text(&f.message, Lang::Fi),
        "työkirjasta puuttuu kaupungin tuloslaskelma, rahoituslaskelma, tase; indikaattoreita ja tunnuslukuja, jotka lasketaan niistä, ei voi mitata"
    );
}

/// The example with the city's 2023 vuosikate (income statement) 5 t€
/// above the sum of its parts.
fn broken_workbook(dir: &Path) -> PathBuf {
    let mut figures = make_example::derive(&root().join("data/kivikoski"));
    *figures.get_mut(&("city", "tl.vuosikate", 2023)).unwrap() += Decimal::from(5);
    let path = dir.join("broken.xlsx");
    make_example::write(&figures, Style::default(), &path);
    path
}

fn check(wb: &Path, more: &[&str]) -> String {
    let o = run(&[&["check", path_str(wb)], more].concat());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    stdout(&o)
}

#[test]
fn check_reads_finnish_in_finnish_and_its_csv_and_json_keep_english() {
    let dir = tempdir("findings-check");
    let wb = broken_workbook(&dir);
    let fi = check(&wb, &[]);
    let en = check(&wb, &["--lang", "en"]);
    let miss =
        "2023: Vuosikate = Toimintakate + Verotulot + Valtionosuudet + Rahoitustuotot ja -kulut";
    assert!(
        fi.contains(&format!("{miss} ei täsmää: vasen puoli ")),
        "{fi}"
    );
    assert!(!fi.contains("does not hold"), "{fi}");
    assert!(en.contains(&format!("{miss} does not hold: ")), "{en}");
    // The printed unit is a thousand euros: half of it per figure summed.
    assert!(
        fi.contains("(erotus 5 000, pyöristys sallii 2 500)"),
        "{fi}"
    );
    assert!(
        en.contains("(difference 5000, rounding allows 2500)"),
        "{en}"
    );
    for format in ["csv", "json"] {
        assert_eq!(
            check(&wb, &["--format", format]),
            check(&wb, &["--format", format, "--lang", "en"]),
            "{format}"
        );
    }
}

/// The example with its background sheet's unit line removed: the lease
/// liabilities and the group's planned loans read a thousandfold too small.
fn without_background_unit() -> Dataset {
    let grids = kivijalka::ingest::workbook::load_grids(&crate::support::example()).unwrap();
    let grids: Vec<_> = grids
        .into_iter()
        .map(|g| {
            if g.name != "Taustatiedot" {
                return g;
            }
            let unit_row = (0..g.height())
                .find(|r| g.get(*r, 0).text().is_some_and(|t| t.contains("1 000 €")))
                .unwrap();
            crate::row_removal::without_row(&g, unit_row)
        })
        .collect();
    kivijalka::ingest::read_grids("kivikoski.xlsx", grids).unwrap()
}

#[test]
fn a_break_of_plausibility_reads_finnish_in_the_finnish_notes() {
    let ds = without_background_unit();
    let breaks = kivijalka::model::findings::breaks(&ds);
    assert!(!breaks.is_empty());
    for b in &breaks {
        let (fi, en) = (
            kivijalka::report::breaks::line(b, Lang::Fi),
            kivijalka::report::breaks::line(b, Lang::En),
        );
        assert!(fi.contains("eroavatko yksiköt 1000-kertaisesti?"), "{fi}");
        assert!(
            !fi.contains("€/resident") && !fi.contains("the units"),
            "{fi}"
        );
        assert!(en.contains("the units differ by 1000?"), "{en}");
        // The CSV field is English whatever the table's language.
        let csv = kivijalka::report::breaks::csv_field(std::slice::from_ref(b), &[0]);
        assert!(csv.contains("the units differ by 1000?"), "{csv}");
    }
}

/// A balance sheet in thousands whose printed totals differ by one unit
/// (1 000 €) does not balance: the two totals are one amount rounded one
/// way, so no rounding excuses it; two units' worth of lines summed may
/// still differ by their rounding.
#[test]
fn printed_balance_sheet_totals_must_be_equal_to_the_unit() {
    let mut ds = Dataset {
        file: "t.xlsx".into(),
        ..Dataset::default()
    };
    ds.years.insert(2024, YearKind::TP);
    fn put_k(ds: &mut Dataset, id: &'static str, v: Decimal, c: &str) {
        let f = Figure {
            value: v,
            source: cell("TA", c),
            label: id.to_string(),
            quantum: dec!(1000),
        };
        ds.figures.insert((Entity::City, id, 2024), f);
    }
    put_k(&mut ds, "ta.vastaavaa", dec!(219_235_000), "G52");
    put_k(&mut ds, "ta.vastattavaa", dec!(219_234_000), "G53");
    let found = kivijalka::model::validate::validate(&ds);
    let f = found
        .iter()
        .find(|f| f.code == "identity")
        .expect("a one-unit difference of the two totals is found");
    assert!(
        f.message
            .to_string()
            .contains("difference 1000, rounding allows 0")
    );
    put_k(&mut ds, "ta.vastattavaa", dec!(219_235_000), "G53");
    let found = kivijalka::model::validate::validate(&ds);
    assert!(found.iter().all(|f| f.code != "identity"));
}
