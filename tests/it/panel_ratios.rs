//! The key ratios computed in polars over every municipality at once equal,
//! to the cent (the hundredth of their unit), what each municipality's
//! exact rule (`model::ratios`) gives; what is not measurable there is null
//! here, never zero.
//!
//! The municipalities are those of the indicators' panel test, each given
//! besides a case of its own that one ratio rule must notice: a fallback
//! line, a zero or negative denominator, a line missing or only in part.
//! `KIVIJALKA_PANEL_CSV=FILE` compares a long table instead, e.g. the 300 of
//! `examples/synth --long`.

use std::collections::BTreeMap;

use kivijalka::model::dataset::{Dataset, Entity, Figure};
use kivijalka::model::items;
use kivijalka::model::money::cents;
use kivijalka::model::ratios::{RATIOS, compute_ratios};
use kivijalka::model::targets::Targets;
use kivijalka::panel;
use rust_decimal::Decimal;

use crate::support::{path_str, run, stderr, tempdir};

/// Sets a line, taking the cell of any figure as its source.
fn set(ds: &mut Dataset, e: Entity, id: &str, y: i32, value: Decimal) {
    let Some(template) = ds.figures.values().next().cloned() else {
        return;
    };
    let id = items::item(id).id;
    ds.figures.insert((e, id, y), Figure { value, ..template });
}

fn remove(ds: &mut Dataset, e: Entity, id: &str, y: Option<i32>) {
    ds.figures
        .retain(|(ee, ii, yy), _| !(*ee == e && *ii == id && y.is_none_or(|y| y == *yy)));
}

fn value(ds: &Dataset, e: Entity, id: &str, y: i32) -> Decimal {
    ds.value(e, id, y).unwrap_or_default()
}

/// The indicators' municipalities, each with a case of its own (one in
/// seven of each kind) in one of its years.
fn municipalities(n: usize) -> Vec<Dataset> {
    let mut sets = crate::panel::municipalities(n);
    for (k, ds) in sets.iter_mut().enumerate() {
        let years: Vec<i32> = ds.years.keys().copied().collect();
        let y = years[k % years.len()];
        let (city, group) = (Entity::City, Entity::Group);
        match k % 7 {
            // The cash from the balance sheet, or not at all.
            0 => {
                for e in [city, group] {
                    remove(ds, e, "rl.rahavarat_31_12", None);
                }
                remove(ds, city, "ta.rahat_ja_pankkisaamiset", Some(y));
            }
            // Depreciation summed from its lines; the group's elimination
            // differences taken out of a printed line.
            1 => {
                remove(ds, city, "tl.poistot_ja_arvonalentumiset", None);
                let p = value(ds, group, "tl.poistot_ja_arvonalentumiset", y);
                set(
                    ds,
                    group,
                    "tl.omistuksen_eliminointierot",
                    y,
                    p / Decimal::TEN,
                );
            }
            // Zero denominators: no interest nor repayments, no residents.
            2 => {
                for id in ["tl.korkokulut", "rl.pitkaaikaisten_lainojen_vahennys"] {
                    set(ds, city, id, y, Decimal::ZERO);
                }
                set(ds, city, "bg.asukasluku", y, Decimal::ZERO);
            }
            // A line one rule needs and another may do without.
            3 => {
                for e in [city, group] {
                    remove(ds, e, "tl.korkokulut", Some(y));
                }
            }
            // Subsidies above the investment: a negative denominator.
            4 => {
                let gross = value(ds, city, "rl.investointimenot", y);
                set(
                    ds,
                    city,
                    "rl.rahoitusosuudet",
                    y,
                    gross.abs() * Decimal::TWO,
                );
            }
            // Investments printed without their loans receivable; no
            // group leases.
            5 => {
                remove(ds, city, "ta.muut_lainasaamiset", Some(y));
                remove(ds, city, "bg.konsernin_vuokravastuut", None);
            }
            _ => {}
        }
    }
    sets
}

fn compare(sets: &[Dataset]) {
    let targets = Targets::default();
    let refs: Vec<&Dataset> = sets.iter().collect();
    let df = panel::ratios(&refs, &targets).unwrap();
    let rows = panel::ratio_rows(&df).unwrap();
    let mut want = BTreeMap::new();
    for (m, ds) in sets.iter().enumerate() {
        for r in compute_ratios(ds, &targets) {
            want.insert((m, r.entity, r.year, r.id), r.value);
        }
    }
    assert_eq!(rows.len(), want.len(), "one panel row per exact value");
    // Per ratio: how many were measurable and how many not.
    let mut seen: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for r in &rows {
        let key = (r.municipality, r.entity, r.year, r.id);
        let exact = want
            .get(&key)
            .unwrap_or_else(|| panic!("{r:?} has no exact value"));
        let at = format!(
            "{} {:?} {} {}",
            sets[r.municipality].name(),
            r.entity,
            r.year,
            r.id
        );
        assert_eq!(r.value, exact.map(cents), "{at}");
        let def = RATIOS.iter().find(|d| d.id == r.id).unwrap();
        assert!(!r.unit.is_empty(), "{at}: {:?}", def.unit);
        let n = seen.entry(r.id).or_default();
        if r.value.is_some() {
            n.0 += 1;
        } else {
            n.1 += 1;
        }
    }
    assert_eq!(seen.len(), RATIOS.len(), "every ratio compared");
    for (id, (measurable, _)) in &seen {
        assert!(*measurable > 0, "{id}: nothing measurable");
    }
    // Not measurable, each ratio at least once: the comparison covers both
    // sides of every rule.
    let nulls = seen.values().filter(|(_, not)| *not > 0).count();
    assert_eq!(nulls, RATIOS.len(), "{seen:?}");
}

#[test]
fn panel_ratios_equal_the_exact_results_to_the_cent() {
    match std::env::var_os("KIVIJALKA_PANEL_CSV") {
        Some(p) => {
            let text = std::fs::read_to_string(&p).unwrap();
            let sets = kivijalka::ingest::long::read_long_csv(&text, "panel.csv").unwrap();
            let targets = Targets::default();
            let refs: Vec<&Dataset> = sets.iter().collect();
            let rows = panel::ratio_rows(&panel::ratios(&refs, &targets).unwrap()).unwrap();
            let mut n = 0;
            for (m, ds) in sets.iter().enumerate() {
                let exact = compute_ratios(ds, &targets);
                let own: Vec<_> = rows.iter().filter(|r| r.municipality == m).collect();
                assert_eq!(own.len(), exact.len(), "{}", ds.name());
                for (r, x) in own.iter().zip(&exact) {
                    let at = format!("{} {:?} {} {}", ds.name(), x.entity, x.year, x.id);
                    assert_eq!((r.entity, r.year, r.id), (x.entity, x.year, x.id), "{at}");
                    assert_eq!(r.value, x.value.map(cents), "{at}");
                    n += 1;
                }
            }
            assert!(n > 0);
        }
        None => compare(&municipalities(300)),
    }
}

/// Two ratios worked by hand on a table of one municipality and two years.
#[test]
fn panel_ratios_by_hand() {
    let table = "municipality;code;entity;year;kind;item;value\n\
        Pieni;999;city;2024;TP;tl.toimintatuotot;300000\n\
        Pieni;999;city;2024;TP;tl.toimintakulut;-900000\n\
        Pieni;999;city;2024;TP;rl.investointimenot;-100000\n\
        Pieni;999;city;2024;TP;rl.rahavarat_31_12;365000\n\
        Pieni;999;city;2025;TP;tl.toimintatuotot;-1000\n\
        Pieni;999;city;2025;TP;tl.toimintakulut;-3000\n\
        Pieni;999;city;2025;TP;tl.valmistus_omaan_kayttoon;3000\n\
        Pieni;999;city;2026;TP;tl.toimintatuotot;500000000000000\n\
        Pieni;999;city;2026;TP;tl.toimintakulut;-10000000000000\n";
    let sets = kivijalka::ingest::long::read_long_csv(table, "pieni.csv").unwrap();
    let targets = Targets::default();
    let refs: Vec<&Dataset> = sets.iter().collect();
    let rows = panel::ratio_rows(&panel::ratios(&refs, &targets).unwrap()).unwrap();
    let get = |id: &str, y: i32| {
        let r = rows
            .iter()
            .find(|r| r.id == id && r.year == y && r.entity == Entity::City)
            .unwrap_or_else(|| panic!("no row {id} {y}"));
        r.value
    };
    // 100 × 300 000 / 900 000 = 33.333… %.
    assert_eq!(
        get("toimintatuotot_pct_toimintakuluista", 2024),
        Some(Decimal::new(3333, 2))
    );
    // Kassasta maksut: 900 000 of costs and 100 000 of investment;
    // 365 × 365 000 / 1 000 000 = 133.225 days, the half rounded away
    // from zero.
    assert_eq!(
        get("kassan_riittavyys_pv", 2024),
        Some(Decimal::new(13323, 2))
    );
    // 3 000 of the costs made for own use: nothing left to divide by.
    assert_eq!(get("toimintatuotot_pct_toimintakuluista", 2025), None);
    // No cash flow statement in 2025: no investments, not zero days.
    assert_eq!(get("kassan_riittavyys_pv", 2025), None);
    // No municipality, no rows (and no error).
    let none = panel::ratio_rows(&panel::ratios(&[], &targets).unwrap()).unwrap();
    assert!(none.is_empty());
    // Figures whose products outgrow 64 bits: 100 × 5 · 10¹⁴ / 10¹³.
    assert_eq!(
        get("toimintatuotot_pct_toimintakuluista", 2026),
        Some(Decimal::new(500_000, 2))
    );
}

/// `batch --panel` carries a row `ratio.<id>` with its unit for every key
/// ratio of every entity and year, equal to the exact values.
#[test]
fn panel_csv_carries_the_key_ratios() {
    let dir = tempdir("panel-ratios");
    let sets = municipalities(7);
    let input = dir.join("a.csv");
    crate::panel::long_csv(&input, &sets);
    let panel_csv = dir.join("panel.csv");
    let o = run(&[
        "batch",
        "--report",
        "none",
        path_str(&input),
        "--out",
        path_str(&dir.join("out")),
        "--panel",
        path_str(&panel_csv),
    ]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    let text = std::fs::read_to_string(&panel_csv).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let targets = Targets::default();
    let mut checked = 0;
    for ds in &sets {
        for x in compute_ratios(ds, &targets) {
            let entity = if x.entity == Entity::City {
                "city"
            } else {
                "group"
            };
            let line = format!("ratio.{}", x.id);
            let year = x.year.to_string();
            let found: Vec<_> = rows
                .iter()
                .filter(|r| r[0] == ds.name() && r[2] == year && r[4] == entity && r[5] == line)
                .collect();
            assert_eq!(found.len(), 1, "{} {entity} {year} {line}", ds.name());
            let r = found[0];
            let def = RATIOS.iter().find(|d| d.id == x.id).unwrap();
            let unit = match def.unit.symbol_en() {
                "" => "ratio",
                u => u,
            };
            assert_eq!(r[6], unit, "{line}");
            let got = (!r[7].is_empty()).then(|| r[7].parse::<Decimal>().unwrap());
            assert_eq!(
                got,
                x.value.map(cents),
                "{} {entity} {year} {line}",
                ds.name()
            );
            // Peers compare the indicators only.
            assert!(r[8..].iter().all(|c| c.is_empty()), "{r:?}");
            checked += 1;
        }
    }
    let ratio_rows = rows.iter().filter(|r| r[5].starts_with("ratio.")).count();
    assert_eq!(checked, ratio_rows);
}
