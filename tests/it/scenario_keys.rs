//! The scenario-key registry is the one description of a scenario file:
//! the reference in scenarios/README.md, `kivijalka scenario keys`, the
//! tables the reader accepts, the defaults the code holds and the drivers
//! `[[uncertainty]]` may name all agree with it.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use kivijalka::model::scenario::Scenario;
use kivijalka::model::uncertainty::Driver;
use kivijalka::scenario_file::{
    self, DRIVERS, Field, KEYS, Key, KeyDefault, PROJECT_COST, keys_markdown,
};

use crate::support::*;

#[test]
fn the_readme_table_and_scenario_keys_are_the_registry_rendered() {
    let readme = std::fs::read_to_string(root().join("scenarios/README.md")).unwrap();
    let keys = readme.split("\n## Keys\n").nth(1).unwrap();
    let table = &keys[keys.find("| key |").unwrap()..];
    assert_eq!(
        table,
        keys_markdown(),
        "scenarios/README.md is out of date: paste `kivijalka scenario keys --lang en` into it"
    );
    let o = run(&["scenario", "keys", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), keys_markdown());
}

/// Each table of a file and the fields the registry documents for it:
/// `tax.rate_pct` is field `rate_pct` of `tax`; `[[tax.rate_change]] from,
/// change_pp` is field `rate_change` of `tax` and a list table of its own.
fn documented() -> (BTreeMap<String, BTreeSet<String>>, BTreeSet<String>) {
    let mut tables: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut lists = BTreeSet::new();
    // A key is a field of its table, and the table one of its parent's.
    let mut add = |path: &str| {
        let mut path = path;
        loop {
            let (t, f) = path.rsplit_once('.').unwrap_or(("", path));
            tables.entry(t.into()).or_default().insert(f.into());
            if t.is_empty() {
                break;
            }
            path = t;
        }
    };
    for k in KEYS {
        match k.key.strip_prefix("[[") {
            Some(rest) => {
                let (list, fields) = rest.split_once("]] ").unwrap();
                add(list);
                lists.insert(list.to_string());
                for f in fields.split(", ") {
                    add(&format!("{list}.{f}"));
                }
            }
            None => add(k.key),
        }
    }
    (tables, lists)
}

/// The fields the reader takes in a table, as its refusal of an unknown
/// one lists them.
fn accepted(table: &str, list: bool) -> BTreeSet<String> {
    let text = match (table, list) {
        ("", _) => "zzz = 1\n".to_string(),
        (t, true) => format!("[[{t}]]\nzzz = 1\n"),
        (t, false) => format!("[{t}]\nzzz = 1\n"),
    };
    let e = scenario_file::parse_str(&text, "s.toml")
        .unwrap_err()
        .to_string();
    assert!(e.contains("unknown field `zzz`"), "{table}: {e}");
    let expected = e.split("expected").nth(1).unwrap();
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn the_reader_takes_exactly_the_documented_keys() {
    let (tables, lists) = documented();
    assert_eq!(tables.len(), 17, "{:?}", tables.keys());
    for (t, fields) in &tables {
        let took = accepted(t, lists.contains(t));
        if t == "uncertainty" {
            // A distribution's parameters are documented in its row.
            let row = KEYS
                .iter()
                .find(|k| k.key == "[[uncertainty]] distribution")
                .unwrap();
            for f in took.difference(fields) {
                assert!(row.meaning.2.contains(f.as_str()), "{f} undocumented");
            }
            assert!(fields.is_subset(&took), "{t}: {fields:?} vs {took:?}");
        } else {
            assert_eq!(&took, fields, "table '{t}'");
        }
    }
}

/// A file that writes every default the reference gives as a value
/// changes nothing: the reference's defaults are the code's.
#[test]
fn the_documented_defaults_are_the_codes() {
    let mut text = String::new();
    let mut n = 0;
    for k in KEYS
        .iter()
        .filter(|k| matches!(k.default, KeyDefault::Code))
    {
        let (t, f) = k.key.rsplit_once('.').unwrap_or(("", k.key));
        if !t.is_empty() {
            text.push_str(&format!("[{t}]\n"));
        }
        text.push_str(&format!("{f} = {}\n", k.default_text()));
        n += 1;
    }
    // Growth rates, shares, days and the population rules of the
    // subsidies and the income tax.
    assert_eq!(n, 17, "{text}");
    let sc = scenario_file::parse_str(&merge_tables(&text), "baseline.toml").unwrap();
    let mut want = Scenario {
        files: vec!["baseline.toml".into()],
        ..Scenario::default()
    };
    // Written in the file, the shares are the user's and outrank a
    // workbook's breakdown of the taxes; the values are the defaults.
    want.tax.shares_given = true;
    assert_eq!(sc, want, "{text}");
    // And the README says 2.0 where the code says 2.0, not 2.
    let price = KEYS.iter().find(|k| k.key == "price_index_pct").unwrap();
    assert_eq!(price.default_text(), "2.0");
}

/// The same table opened twice is a TOML error; the lines of one table
/// are gathered under one header.
fn merge_tables(text: &str) -> String {
    let mut by: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut cur = "";
    for line in text.lines() {
        match line.strip_prefix('[') {
            Some(t) => cur = t.trim_end_matches(']'),
            None => by.entry(cur).or_default().push(line),
        }
    }
    let mut out = String::new();
    for (t, lines) in by {
        if !t.is_empty() {
            out.push_str(&format!("[{t}]\n"));
        }
        for l in lines {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

#[test]
fn every_driver_key_names_its_driver_and_back() {
    for d in DRIVERS {
        assert_eq!(Driver::parse(d.key), Some(d.driver.clone()), "{}", d.key);
        assert_eq!(d.driver.key(), d.key);
    }
    let p = PROJECT_COST.replace("NAME", "Koulu");
    assert_eq!(p, "investments.project 'Koulu'.cost_overrun_pct");
    assert_eq!(Driver::parse(&p), Some(Driver::ProjectCost("Koulu".into())));
    assert_eq!(Driver::ProjectCost("Koulu".into()).key(), p);
    assert_eq!(Driver::parse("tax.rate_pct"), None);
}

/// An uncertain driver's central value becomes the deterministic setting,
/// so each driver but the interest shift (points on the rates the loans
/// already have) must be a rate setting of the registry.
#[test]
fn every_uncertain_setting_is_a_rate_of_the_registry() {
    for d in DRIVERS.iter().filter(|d| d.driver != Driver::InterestShift) {
        let s = Key::setting(d.key).unwrap_or_else(|| panic!("{} is no setting", d.key));
        assert!(
            matches!(s.field, Field::Rate { .. } | Field::OptRate { .. }),
            "{}",
            d.key
        );
        let k = KEYS.iter().find(|k| k.key == d.key).unwrap();
        assert!(k.uncertain());
    }
    let uncertain = KEYS.iter().filter(|k| k.uncertain()).count();
    assert_eq!(uncertain, DRIVERS.len() - 1);
}

/// `scenario show` lists every plain setting of the registry, set or not,
/// except the two that replace a rule only when given.
#[test]
fn show_lists_every_plain_setting() {
    let o = run(&["scenario", "show", "scenarios/baseline.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for k in KEYS.iter().filter(|k| k.setting.is_some()) {
        let listed = out.contains(&format!("\n  {} = ", k.key));
        let hidden = ["tax.rate_pct", "loans.min_cash"].contains(&k.key);
        assert_eq!(listed, !hidden, "{}", k.key);
    }
}

/// Every plain setting of the registry is read from its table: a file that
/// writes it a value other than the default changes the scenario.
#[test]
fn every_plain_setting_is_read() {
    for k in KEYS {
        let Some(s) = &k.setting else { continue };
        // A quarter into the range: no default, and two shares stay under 100 %.
        let mid = |r: &(Decimal, Decimal)| (r.0 + (r.1 - r.0) / Decimal::from(4)).to_string();
        let value = match &s.field {
            Field::Text { .. } => "\"x\"".to_string(),
            Field::Year(_) => "2030".into(),
            Field::Rate { .. } | Field::OptRate { .. } => "1.5".into(),
            Field::MoneyPath { .. } | Field::Money(_) => "\"1 M€\"".into(),
            Field::Share { range, .. } | Field::OptShare { range, .. } => mid(range),
            Field::Bool(_) => "false".into(),
            Field::Count { .. } => "7".into(),
            Field::Maturity(_) => "12".into(),
        };
        let text = match k.key.split_once('.') {
            Some((t, f)) => format!("[{t}]\n{f} = {value}\n"),
            None => format!("{} = {value}\n", k.key),
        };
        let sc = scenario_file::parse_str(&text, "baseline.toml").unwrap();
        let same = Scenario {
            files: vec!["baseline.toml".into()],
            ..Scenario::default()
        };
        assert_ne!(sc, same, "{text}");
    }
}

/// A value a plain setting cannot take is refused with the file, the line
/// and the key, whatever the setting.
#[test]
fn a_bad_plain_setting_names_file_line_and_key() {
    for k in KEYS {
        let Some(s) = &k.setting else { continue };
        let bad = match s.field {
            Field::Bool(_) => "\"yes\"",
            _ => "true",
        };
        let (text, line) = match k.key.split_once('.') {
            Some((t, f)) => (format!("[{t}]\n{f} = {bad}\n"), 2),
            None => (format!("{} = {bad}\n", k.key), 1),
        };
        let e = scenario_file::parse_str(&text, "s.toml")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains(&format!("s.toml, line {line}: {}: expected ", k.key)),
            "{text}{e}"
        );
    }
}
