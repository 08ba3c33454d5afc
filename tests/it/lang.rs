//! Every table, report and sheet in Swedish: the right Swedish headings, and
//! none of the English words an untranslated text would leave; Finnish and
//! English keep their own.

use calamine::{Data, Reader};

use crate::support::{path_str, run, stdout, tempdir};

const WB: &str = "data/kivikoski.xlsx";

/// The words of `text`, so "met" is not found in "metod"; a scenario key
/// ("investments.life_years") is one word.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphabetic() || c == '_' || c == '.'))
        .map(|w| w.trim_matches('.'))
        .collect()
}

/// Each of `want` is in `text`; no word or phrase of `never` is.
fn speaks(text: &str, want: &[&str], never: &[&str]) {
    for w in want {
        assert!(text.contains(w), "missing {w:?} in:\n{text}");
    }
    let ws = words(text);
    for n in never {
        let found = if n.contains(' ') || !n.chars().all(char::is_alphabetic) {
            text.contains(n)
        } else {
            ws.contains(n)
        };
        assert!(!found, "English {n:?} in:\n{text}");
    }
}

/// The command's standard output in Swedish, whatever its exit code (solve
/// says what it found and exits 1 when nothing is enough).
fn sv(args: &[&str]) -> String {
    let mut a = args.to_vec();
    a.extend(["--lang", "sv"]);
    let o = run(&a);
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        crate::support::stderr(&o)
    );
    stdout(&o)
}

/// The headings and words of the tables that are the same in every
/// command; reasons and notes under the tables are worded elsewhere.
const TABLE_EN: &[&str] = &[
    "Year",
    "Notes:",
    "Price index",
    "Strategy period",
    "not measurable",
    "Annual margin",
    "Forecast",
];

#[test]
fn indicators() {
    let t = sv(&["indicators", WB]);
    speaks(
        &t,
        &[
            "Hållbar ekonomi som grund",
            "År ",
            "1 Årsbidrag − nettoinv. (täckning), €",
            "2 Ackumulerat överskott, €",
            "€/inv.",
            "Strategiperiod 2026–2029:",
            "✓ uppnått",
            "– kan inte mätas",
            "Prisindex:",
            "Anmärkningar:",
            "2026  BU",
            "2027  EP",
            "2019  BS",
        ],
        &[TABLE_EN, &["met", "missed", "Group loans", "Sustainable"]].concat(),
    );
    // The same table in Finnish and English keeps its words.
    let fi = stdout(&run(&["indicators", WB]));
    assert!(
        fi.contains("Strategiakausi 2026–2029:")
            && fi
                .lines()
                .any(|l| l.starts_with("2026") && l.contains(" TA "))
    );
    let en = stdout(&run(&["indicators", WB, "--lang", "en"]));
    assert!(en.contains("Strategy period 2026–2029:") && en.contains("Year "));
}

#[test]
fn ratios() {
    let t = sv(&["ratios", WB]);
    speaks(
        &t,
        &[
            "Kivikoski — nyckeltal (staden)",
            "Kivikoski — nyckeltal (koncernen)",
            "Nyckeltal ",
            "Årsbidrag, €/invånare",
            "Lånens skötselbidrag",
            "Soliditetsgrad, %",
            "Relativ skuldsättning, %",
            "Lånestock 31.12., €",
            "Invånarantal 31.12.",
            "Kan inte mätas:",
            "BS 2019",
            "BU 2026",
            "Avrundat till den publicerade noggrannheten",
            "ett år med strukturförändring",
        ],
        &[
            TABLE_EN,
            &[
                "Ratio",
                "key ratios",
                "Equity ratio",
                "Loan stock",
                "Population",
                "Rounded",
                "city",
                "group",
            ],
        ]
        .concat(),
    );
    let en = stdout(&run(&["ratios", WB, "--lang", "en"]));
    assert!(en.contains("Equity ratio, %") && en.contains("key ratios (city)"));
}

#[test]
fn statements() {
    let t = sv(&["statements", WB]);
    speaks(
        &t,
        &[
            "Kivikoski — resultaträkning (staden), €",
            "Kivikoski — balansräkning (koncernen), €",
            "Kivikoski — finansieringsanalys (staden), €",
            "Rad ",
            "Läst från",
            "Årsbidrag",
            ", rad ",
            "Euro avrundade till hela euro",
        ],
        &[
            TABLE_EN,
            &[
                "Line",
                "Read from",
                "income statement",
                "balance sheet",
                "row",
            ],
        ]
        .concat(),
    );
}

#[test]
fn forecast() {
    let t = sv(&["forecast", WB, "--scenario", "scenarios/savings.toml"]);
    speaks(
        &t,
        &[
            "Prognos, scenario 'Säästöohjelma' (senaste bokslut 2025 → 2035)",
            "Prognosens beräkning, 1 000 €",
            "Skatteinkomster",
            "Statsandelar",
            "Lånestock",
            "Koncernens lån",
            "2030  P ",
            "Antaganden som prognosen härledde ur arbetsboken",
            "BU = budget och EP = ekonomiplan",
        ],
        &[
            TABLE_EN,
            &[
                "Residents",
                "Tax revenue",
                "Group loans",
                "How the projection",
                "Assumptions",
                "last actuals",
            ],
        ]
        .concat(),
    );
}

#[test]
fn simulate() {
    let t = sv(&[
        "simulate",
        WB,
        "--scenario",
        "scenarios/uncertain.toml",
        "--paths",
        "20",
        "--seed",
        "3",
    ]);
    speaks(
        &t,
        &[
            "simulering, scenario 'Perusura epävarmuuksineen': 20 banor, frö 3",
            "Osäkra faktorer:",
            "Median",
            "Uppnås",
            "Prognos",
            "Alla fem mål uppnås",
            "Alla mätbara",
            "Percentiler av de mätbara värdena",
            "Kommunallagen 110 § och 118 §",
            "110 § tidsfristen överskrids",
        ],
        &[
            TABLE_EN,
            &[
                "paths",
                "seed",
                "Holds",
                "All five",
                "Percentiles",
                "Uncertain",
                "Share of paths",
            ],
        ]
        .concat(),
    );
    let t = sv(&["sensitivity", WB, "--scenario", "scenarios/uncertain.toml"]);
    speaks(
        &t,
        &[
            "känslighet, scenario",
            "Faktor",
            "Lågt (P5)",
            "Största skillnad",
            "Varje faktor ensam",
        ],
        &["Driver", "Low", "High", "Largest swing", "sensitivity"],
    );
}

#[test]
fn solve() {
    let t = sv(&["solve", WB, "--lever", "tax-rate"]);
    speaks(
        &t,
        &[
            "den minsta ändring som gör att målen 1, 2, 3, 4, 5 uppnås åren",
            "Hävstänger i prioritetsordning: inkomstskattesats (tax-rate)",
            "Uppnås inte utan ändring: mål 1",
            "Ingen lösning inom hävstängernas gränser",
            "prognoser beräknades.",
        ],
        &[
            TABLE_EN,
            &[
                "target",
                "Levers",
                "Missed",
                "No solution",
                "projections",
                "smallest",
            ],
        ]
        .concat(),
    );
    let t = sv(&[
        "solve",
        WB,
        "--scenario",
        "scenarios/baseline.toml",
        "--lever",
        "savings",
        "--indicators",
        "1,5",
    ]);
    speaks(
        &t,
        &["Räcker:", "besparingar på", "per år från"],
        &["Enough", "savings of"],
    );
}

#[test]
fn compare() {
    let t = sv(&[
        "compare",
        WB,
        "scenarios/baseline.toml",
        "scenarios/tax_rise.toml",
    ]);
    speaks(
        &t,
        &[
            "Kivikoski — jämförelse av scenarier",
            "(jämförelsebas)",
            "Där ett måls status skiljer sig från jämförelsebasen (◆):",
            "Målår som uppnås (av de mätbara):",
            "Inom parentes skillnaden mot jämförelsebasen.",
        ],
        &[
            TABLE_EN,
            &[
                "(baseline)",
                "nowhere",
                "target",
                "In brackets",
                "scenarios compared",
            ],
        ]
        .concat(),
    );
}

#[test]
fn scenario_show_and_diff() {
    let t = sv(&["scenario", "show", "scenarios/savings.toml"]);
    speaks(
        &t,
        &[
            "investments.life_years.buildings = 30 år",
            "operations.savings från 2027 = verksamhetskostnaderna minskar med 1 000 000 € per år",
            "price_index_pct = 2,3 % från 2026",
            "(standardvärde)",
        ],
        &[
            "30 years",
            "from 2026",
            "a year",
            "(default)",
            "lower by",
            "per resident",
        ],
    );
    let t = sv(&[
        "scenario",
        "diff",
        "scenarios/baseline.toml",
        "scenarios/tax_rise.toml",
    ]);
    speaks(
        &t,
        &[
            "endast i den andra: tax.rate_change från 2027: inkomstskattesatsen +0,5 procentenheter",
            "3 skillnader.",
        ],
        &["only", "differences", "percentage", "from"],
    );
    // English keeps today's words; Finnish gets its own.
    let en = stdout(&run(&[
        "scenario",
        "diff",
        "scenarios/baseline.toml",
        "scenarios/tax_rise.toml",
        "--lang",
        "en",
    ]));
    assert!(en.contains(
        "only in the second: tax.rate_change from 2027: the income tax rate +0.5 percentage points"
    ));
    assert!(en.ends_with("3 differences.\n"));
    let fi = stdout(&run(&[
        "scenario",
        "diff",
        "scenarios/baseline.toml",
        "scenarios/tax_rise.toml",
    ]));
    assert!(fi.contains(
        "vain toisessa: tax.rate_change vuodesta 2027: tuloveroprosentti +0,5 prosenttiyksikköä"
    ));
}

#[test]
fn lines() {
    let t = sv(&["lines"]);
    speaks(
        &t,
        &["Kalkyl", "Andra skrivsätt", "svenska"],
        &["Statement", "Other spellings"],
    );
}

#[test]
fn report_html() {
    let dir = tempdir("lang-html");
    let out = dir.join("rapport.html");
    sv(&[
        "report",
        WB,
        "--scenario",
        "scenarios/uncertain.toml",
        "--scenario",
        "scenarios/baseline.toml",
        "--simulate",
        "20",
        "--sensitivity",
        "--out",
        path_str(&out),
    ]);
    let page = std::fs::read_to_string(&out).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(page.contains("<html lang=\"sv\">"));
    speaks(
        &page,
        &[
            "Kivikoski — Hållbar ekonomi som grund",
            "Hur målen uppnås",
            "Målen i diagram",
            "Jämförelse av scenarier",
            "Hur sannolikt målen uppnås",
            "Vilken faktor påverkar varje mål mest",
            "Nyckeltal",
            "Körningens uppgifter",
            "Scenariots inställningar",
            "BS = bokslut, BU = budget, EP = ekonomiplan, P = prognos",
            "målgräns",
            "Årsbidrag, €/invånare (staden)",
            "arbetsbok",
        ],
        &[
            "Which targets hold",
            "The targets in charts",
            "Scenarios compared",
            "How likely",
            "Which driver",
            "Key ratio",
            "Run record",
            "Scenario settings",
            "Formula",
            "target line",
            "Price index",
            "paths",
            "seed",
            "(city)",
            "Solid: actuals",
        ],
    );
}

#[test]
fn report_excel() {
    let dir = tempdir("lang-xlsx");
    let out = dir.join("rapport.xlsx");
    sv(&[
        "report",
        WB,
        "--scenario",
        "scenarios/uncertain.toml",
        "--simulate",
        "20",
        "--sensitivity",
        "--out",
        path_str(&out),
    ]);
    let mut wb = calamine::open_workbook_auto(&out).unwrap();
    let names = wb.sheet_names();
    for want in [
        "Sammandrag",
        "Diagramdata",
        "Diagram",
        "Kalkyler",
        "Prognos",
        "Prognosens beräkning",
        "Kommunallagen 110 § och 118 §",
        "Simulering",
        "Känslighet",
        "Nyckeltal",
        "Körningens uppgifter",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "no sheet {want:?}: {names:?}"
        );
    }
    // Excel refuses a sheet name over 31 characters or with []:*?/\.
    for n in &names {
        assert!(n.chars().count() <= 31 && !n.contains(['[', ']', ':', '*', '?', '/', '\\']));
    }
    let cells = |wb: &mut calamine::Sheets<_>, sheet: &str| -> String {
        let r = wb.worksheet_range(sheet).unwrap();
        r.used_cells()
            .filter_map(|(_, _, d)| match d {
                Data::String(s) => Some(s.clone()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let summary = cells(&mut wb, "Sammandrag");
    speaks(
        &summary,
        &[
            "År",
            "Typ",
            "bokslut",
            "budget",
            "ekonomiplan",
            "Mål (Ökar inte)",
            "uppnått",
            "Strategiperiod",
        ],
        &[
            "Year",
            "Kind",
            "Target",
            "met",
            "missed",
            "actual",
            "plan",
            "Strategy",
            "Not measurable",
        ],
    );
    let drivers = cells(&mut wb, "Prognosens beräkning");
    speaks(
        &drivers,
        &["Skatteinkomster", "Årsbidrag", "Amorteringar", "Antaganden"],
        &["Tax", "Annual", "Repayments", "Assumptions"],
    );
    let ratios = cells(&mut wb, "Nyckeltal");
    speaks(
        &ratios,
        &["Soliditetsgrad, %", "staden", "koncernen", "Enhet"],
        &["city", "group", "Entity"],
    );
    let sens = cells(&mut wb, "Känslighet");
    speaks(
        &sens,
        &["Faktor", "Värde vid lågt", "Status vänder"],
        &["Driver", "Low", "flips"],
    );
    let record = cells(&mut wb, "Körningens uppgifter");
    speaks(
        &record,
        &["Indata", "Fil", "arbetsbok", "Simulering"],
        &["Input", "File", "workbook"],
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A report says on stderr where it wrote, in the run's language, and
/// leaves stdout empty for a script.
#[test]
fn report_says_where_it_wrote() {
    let dir = tempdir("lang-written");
    for (lang, word) in [
        ("fi", "raportti kirjoitettu: "),
        ("sv", "rapporten skriven: "),
        ("en", "report written: "),
    ] {
        let out = dir.join(format!("r-{lang}.html"));
        let o = run(&["report", WB, "--out", path_str(&out), "--lang", lang]);
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).is_empty());
        assert_eq!(
            crate::support::stderr(&o),
            format!("{word}{}\n", out.display())
        );
        assert!(out.is_file());
    }
}
