//! Scenario files, compare, solve and scenario diff through the command
//! line: reviewed whole outputs, bad files, and the lever found checked
//! both ways.

use kivijalka::model::dataset::Entity;
use kivijalka::model::indicators::{Status, evaluate};
use kivijalka::model::projection::{Options, project};
use kivijalka::model::solve::{Goal, Lever, LeverSpec, apply, solve};
use kivijalka::model::targets::Targets;
use kivijalka::{ingest, scenario_file};
use rust_decimal_macros::dec;

use crate::cli::golden;
use crate::support::{example, path_str, root, run, run_en, stderr, stdout, tempdir};

const EXAMPLE: &str = "data/kivikoski.xlsx";

#[test]
fn forecast_and_compare_are_the_reviewed_ones() {
    let f = run(&["forecast", EXAMPLE, "--scenario", "scenarios/baseline.toml"]);
    assert_eq!(f.status.code(), Some(0), "{}", stderr(&f));
    golden("forecast_baseline_fi.txt", &stdout(&f));
    let c = run(&[
        "compare",
        EXAMPLE,
        "scenarios/baseline.toml",
        "scenarios/tax_rise.toml",
        "scenarios/school_postponed.toml",
        "scenarios/savings.toml",
        "scenarios/interest_shock.toml",
        "scenarios/population_decline.toml",
        "--lang",
        "en",
    ]);
    assert_eq!(c.status.code(), Some(0), "{}", stderr(&c));
    golden("compare_en.txt", &stdout(&c));
    // Same input, same bytes.
    let again = run(&["forecast", EXAMPLE, "--scenario", "scenarios/baseline.toml"]);
    assert_eq!(f.stdout, again.stdout);
}

#[test]
fn compare_csv_carries_differences_and_status_changes() {
    let c = run(&[
        "compare",
        EXAMPLE,
        "scenarios/baseline.toml",
        "scenarios/interest_shock.toml",
        "--format",
        "csv",
    ]);
    assert_eq!(c.status.code(), Some(0), "{}", stderr(&c));
    let text = stdout(&c);
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let h = rdr.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let shock_2027_1 = rows
        .iter()
        .find(|r| {
            &r[col("scenario")] == "Korkoshokki"
                && &r[col("year")] == "2027"
                && &r[col("indicator")] == "1"
        })
        .unwrap();
    // The shock turns the 2027 annual-margin target from met to missed.
    assert_eq!(&shock_2027_1[col("status")], "missed");
    assert_eq!(&shock_2027_1[col("baseline_status")], "met");
    assert_eq!(&shock_2027_1[col("status_changed")], "true");
    let v: rust_decimal::Decimal = shock_2027_1[col("value")].parse().unwrap();
    let d: rust_decimal::Decimal = shock_2027_1[col("difference_to_baseline")].parse().unwrap();
    assert_eq!(v - d, dec!(944000)); // the baseline's 2027 figure, as planned
}

#[test]
fn scenario_diff_says_what_differs() {
    let o = run(&[
        "scenario",
        "diff",
        "scenarios/baseline.toml",
        "scenarios/school_postponed.toml",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "scenarios/baseline.toml (Perusura) → scenarios/school_postponed.toml (Koulu siirtyy)\n  description: \"Talousarvio 2026 ja taloussuunnitelma 2027–2029 sellaisinaan, sen jälkeen trendi.\" → \"Yhtenäiskoulun rakentaminen siirtyy vuosille 2030–2031.\"\n  investments.project 'Kivikosken yhtenäiskoulu'.years: 2027–2028 → 2030–2031\n  name: \"Perusura\" → \"Koulu siirtyy\"\n3 differences.\n"
    );
    let same = run(&[
        "scenario",
        "diff",
        "scenarios/tax_rise.toml",
        "scenarios/tax_rise.toml",
    ]);
    assert!(stdout(&same).ends_with("Skenaariot olettavat saman.\n"));
}

#[test]
fn the_key_reference_is_the_one_in_scenarios_readme() {
    let readme = std::fs::read_to_string(root().join("scenarios/README.md")).unwrap();
    assert!(
        readme.contains(&scenario_file::keys_markdown()),
        "scenarios/README.md is out of date: paste `kivijalka scenario keys --lang en` into it"
    );
}

#[test]
fn every_documented_key_is_read() {
    let dir = tempdir("all-keys");
    std::fs::write(
        dir.join("population.csv"),
        "vuosi,väkiluku\n2030,\"17 600\"\n2031,17000\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("parent.toml"),
        "name = \"Parent\"\nhorizon = 2030\n",
    )
    .unwrap();
    let text = r#"
extends = "parent.toml"
name = "Kaikki avaimet"
description = "Every key once."
horizon = 2034
price_index_pct = "2,1 %"
[plan]
follow_until = 2028
[population]
growth_pct = { 2030 = -0.5, 2032 = -1 }
file = "population.csv"
values = { 2031 = 17500 }
[tax]
income_share_pct = 80
property_share_pct = 10
rate_pct = 8.0
earnings_growth_pct = 3
employment_growth_pct = 0.5
property_growth_pct = 2
corporate_growth_pct = 1
first_year_effect_pct = 85
follows_population = true
property_rate_pct = { 2028 = 1.1, 2031 = 1.2 }
property_base = "900 M€"
corporate_share_pct = { 2028 = 23.0, 2031 = 22.5 }
[[tax.rate_change]]
from = 2030
change_pp = 0.25
[state_subsidies]
index_pct = 2.5
follow_population = false
index_cut_pp = { 2030 = 1, 2031 = 0 }
index_cut_per_resident = { 2031 = 4.5 }
population_lag_years = 2
equalisation = "3 M€"
relative_tax_base_pct = 85
national_tax_base_growth_pct = 3.2
fixed = "-0,5 M€"
per_resident_cut = { 2030 = 10 }
preliminary = { 2030 = "11 M€" }
[[state_subsidies.change]]
from = 2029
to = 2030
amount = "-0,4 M€"
[operations]
income_real_growth_pct = 0.5
cost_real_growth_pct = 0.2
cost_follows_population_pct = 40
[[operations.savings]]
from = 2030
amount = "500 t€"
[[operations.income_change]]
from = 2031
amount = 100000
[investments]
trend_gross = "11 M€"
trend_subsidies = { 2030 = "1 M€" }
trend_sales = "0,5 M€"
existing_runoff_years = 25
life_years = { buildings = 40, machinery = 6 }
[[investments.project]]
name = "Uimahalli"
cost = "12 M€"
years = "2031-2033"
spending = ["2 M€", "6 M€", "4 M€"]
subsidy = "2 M€"
land_sales = "0,5 M€"
class = "buildings"
in_plan = []
[loans]
interest_rate_pct = { 2030 = 3.0, 2033 = 3.5 }
variable_share_pct = 70
average_maturity_years = 18
repayments = { 2031 = "6 M€" }
min_cash_days = 20
min_cash = "5 M€"
[[loans.rate_change]]
from = 2031
change_pp = -0.5
[[uncertainty]]
driver = "tax.earnings_growth_pct"
distribution = "normal"
mean = 3
sd = 1
persistence = 0.5
[[uncertainty]]
driver = "tax.employment_growth_pct"
distribution = "uniform"
min = -1
max = 1
[[correlation]]
a = "tax.earnings_growth_pct"
b = "tax.employment_growth_pct"
rho = 0.5
[group]
companies_loan_growth_pct = 1.5
companies_loans = { 2030 = "70 M€" }
lease_growth_pct = -2
"#;
    let path = dir.join("all.toml");
    std::fs::write(&path, text).unwrap();
    // The table lists each key; the file above uses each one.
    for k in scenario_file::KEYS {
        let last = k.key.rsplit([' ', '.']).next().unwrap();
        let last = last.trim_end_matches(',');
        assert!(text.contains(last), "key {} not exercised", k.key);
    }
    let sc = scenario_file::load(&path).unwrap();
    assert_eq!(sc.name, "Kaikki avaimet");
    // The file gives 2030; the table's 2031 wins over the file's.
    assert_eq!(sc.population.values.get(&2030), Some(&dec!(17600)));
    assert_eq!(sc.population.values.get(&2031), Some(&dec!(17500)));
    assert_eq!(sc.group.companies_loans.get(&2030), Some(&dec!(70000000)));
    // A saving written for 2031 joins the decided ones of earlier years.
    assert_eq!(sc.subsidies.index_cut_eur.get(&2031), Some(&dec!(4.5)));
    assert_eq!(sc.subsidies.index_cut_eur.get(&2026), Some(&dec!(4.79)));
    assert_eq!(sc.horizon, Some(2034));
    assert_eq!(sc.investments.projects[0].years, vec![2031, 2032, 2033]);
    assert_eq!(sc.subsidies.changes[0].amount, dec!(-400000));
    assert_eq!(sc.subsidies.preliminary.get(&2030), Some(&dec!(11000000)));
    assert_eq!(sc.operations.savings[0].amount, dec!(500000));
    assert_eq!(
        sc.loans.interest_rate_pct.as_ref().unwrap().at(2034),
        Some(dec!(3.5))
    );
    let o = run(&["forecast", EXAMPLE, "--scenario", path_str(&path)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn bad_scenario_files_name_file_line_and_key() {
    let dir = tempdir("bad-scenarios");
    let cases: &[(&str, &str, &str)] = &[
        (
            "unknown.toml",
            "[tax]\nrate_chnage = 1\n",
            "line 2: unknown field `rate_chnage`",
        ),
        (
            "horizon.toml",
            "name = \"x\"\n\n[[tax.rate_change]]\nfrom = 2050\nchange_pp = 0.5\n",
            "line 3: tax.rate_change[1]: year 2050 is outside the projected years 2026–2035",
        ),
        (
            "nocost.toml",
            "[[investments.project]]\nname = \"Halli\"\nyears = [2027]\n",
            "line 1: investments.project 'Halli': the project has no 'cost'",
        ),
        (
            "negrate.toml",
            "[loans]\ninterest_rate_pct = -1\n",
            "line 2: loans.interest_rate_pct: -1 is outside the sensible range",
        ),
        (
            "money.toml",
            "[[operations.savings]]\nfrom = 2027\namount = \"lots\"\n",
            "line 3: operations.savings[1].amount: expected an amount",
        ),
        (
            "negsaving.toml",
            "[[operations.savings]]\nfrom = 2027\namount = \"-1 M€\"\n",
            "line 1: operations.savings[1]: a saving is written as a positive amount",
        ),
        (
            "type.toml",
            "horizon = \"soon\"\n",
            "line 1: horizon: expected a year",
        ),
        (
            "shares.toml",
            "[tax]\nincome_share_pct = 90\nproperty_share_pct = 20\n",
            "line 2: tax.income_share_pct: income and property tax shares add up to more than 100 %",
        ),
        (
            "spending.toml",
            "[[investments.project]]\nname = \"Halli\"\ncost = \"5 M€\"\nyears = [2027, 2028]\nspending = [\"3 M€\", \"1 M€\"]\n",
            "the amounts add up to 4000000 €, the cost is 5000000 €",
        ),
        (
            "to.toml",
            "[[operations.savings]]\nfrom = 2028\nto = 2027\namount = 1\n",
            "line 1: operations.savings[1]: 'to' 2027 is before 'from' 2028",
        ),
        (
            "class.toml",
            "[[investments.project]]\nname = \"X\"\ncost = 1\nyears = 2027\nclass = \"castles\"\n",
            "line 5: investments.project 'X'.class: unknown asset class 'castles'",
        ),
        (
            "missing.toml",
            "extends = \"nothere.toml\"\n",
            "missing.toml, line 1: extends: cannot read",
        ),
        (
            "cycle.toml",
            "extends = \"cycle.toml\"\n",
            "extends: the files extend each other in a circle",
        ),
        (
            "pct.toml",
            "[tax]\nfirst_year_effect_pct = 120\n",
            "line 2: tax.first_year_effect_pct: 120 is outside the sensible range 0…100",
        ),
        (
            "popyear.toml",
            "[population]\nvalues = { 2030 = 17500, 2050 = 17000 }\n",
            "line 2: population.values.2050: year 2050 is outside the projected years 2026–2035",
        ),
        (
            "repayyear.toml",
            "[loans]\nrepayments = { 2020 = \"1 M€\" }\n",
            "line 2: loans.repayments.2020: year 2020 is outside the projected years 2026–2035",
        ),
    ];
    for (name, text, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let out = dir.join("out.txt");
        let o = run_en(&[
            "forecast",
            EXAMPLE,
            "--scenario",
            path_str(&path),
            "--out",
            path_str(&out),
        ]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stdout(&o));
        let err = stderr(&o);
        assert!(err.contains(name), "{name}: the file is not named: {err}");
        assert!(
            err.contains(expected),
            "{name}: expected '{expected}' in: {err}"
        );
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(!out.exists(), "{name}: an output file was written");
    }
}

#[test]
fn solve_finds_the_smallest_step_and_one_less_misses() {
    let ds = ingest::read_path(&example()).unwrap();
    let pi = kivijalka::config::load_index(&[]).unwrap();
    let targets = Targets::default();
    let sc = scenario_file::load(&root().join("scenarios/interest_shock.toml")).unwrap();
    let goal = Goal {
        from: Some(2027),
        by: None,
        indicators: vec![1, 2, 4, 5],
    };
    for lever in [Lever::TaxRate, Lever::Savings, Lever::InvestmentCap] {
        let spec = [LeverSpec { lever, bound: None }];
        let sol = solve(&ds, &sc, &pi, &targets, Options::default(), &spec, &goal).unwrap();
        let found = sol
            .found
            .clone()
            .unwrap_or_else(|| panic!("{lever:?}: no solution"));
        let v = found[0].value;
        // Check independently: at the value every chosen target holds in
        // 2027–2035; one step less (a higher cap) some target misses.
        let less = match lever {
            Lever::InvestmentCap => v + lever.step(),
            _ => v - lever.step(),
        };
        for (value, should_hold) in [(v, true), (less, false)] {
            let s = apply(&sc, &[(lever, value)], 2027);
            let p = project(&ds, &s, &pi, Options::default()).unwrap();
            let ev = evaluate(&p.dataset, &targets, &p.price_index);
            let missed = ev.values.iter().any(|x| {
                x.year >= 2027 && [1, 2, 4, 5].contains(&x.indicator) && x.status == Status::Missed
            });
            assert_eq!(!missed, should_hold, "{lever:?} at {value}");
        }
    }
    // A target no lever here can move: net cost growth under a tax rise.
    let spec = [LeverSpec {
        lever: Lever::TaxRate,
        bound: Some(dec!(1)),
    }];
    let all = Goal {
        from: None,
        by: None,
        indicators: vec![],
    };
    let sol = solve(&ds, &sc, &pi, &targets, Options::default(), &spec, &all).unwrap();
    assert!(sol.found.is_none());
    assert!(sol.blocking.iter().all(|m| m.indicator == 3));
    assert!(!sol.blocking.is_empty());
    let _ = Entity::City;
}

#[test]
fn solve_and_compare_on_the_command_line() {
    let o = run(&[
        "solve",
        EXAMPLE,
        "--scenario",
        "scenarios/interest_shock.toml",
        "--lever",
        "savings",
        "--lever",
        "tax-rate:1.5",
        "--from",
        "2027",
        "--indicators",
        "1,2,4,5",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("Enough:\n  savings of 1,167,000 € a year from 2027\n"),
        "{text}"
    );
    // No solution within the bounds: exit 1 and the blocking target named.
    let o = run(&["solve", EXAMPLE, "--lever", "tax-rate:0.5", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("still missed:\n  target 3 (2026, 2027, 2028, 2029)"),
        "{}",
        stdout(&o)
    );
    for bad in [["--lever", "magic"], ["--lever", "tax-rate:lots"]] {
        let o = run(&["solve", EXAMPLE, bad[0], bad[1]]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("--lever"), "{}", stderr(&o));
    }
    let o = run(&["compare", EXAMPLE]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_population_projection_file_as_statistics_portals_save_it() {
    // Semicolons, a byte-order mark, and years on both sides of the
    // projection: the projected years take the file's figures, the rest are
    // not an error.
    let dir = tempdir("population-file");
    let mut csv = String::from("\u{feff}vuosi;asukasluku\n");
    for y in 2020..=2045 {
        csv.push_str(&format!("{y};{}\n", 18_000 - (y - 2020) * 50));
    }
    std::fs::write(dir.join("vaesto.csv"), csv).unwrap();
    let path = dir.join("s.toml");
    std::fs::write(
        &path,
        "name = \"Väestöennuste\"\n\n[population]\nfile = \"vaesto.csv\"\n",
    )
    .unwrap();
    let sc = scenario_file::load(&path).unwrap();
    assert_eq!(sc.population.values.get(&2030), Some(&dec!(17500)));
    let o = run(&[
        "forecast",
        EXAMPLE,
        "--scenario",
        path_str(&path),
        "--show",
        "drivers",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    // 2030 and 2035 are projected years: their population is the file's.
    let heads: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    let col = heads.iter().position(|h| *h == "population").unwrap();
    let year = heads.iter().position(|h| *h == "year").unwrap();
    for (y, want) in [("2030", "17500"), ("2035", "17250")] {
        let row = text
            .lines()
            .find(|l| l.split(',').nth(year) == Some(y))
            .unwrap_or_else(|| panic!("{y} missing: {text}"));
        assert_eq!(row.split(',').nth(col), Some(want), "{row}");
    }
}
