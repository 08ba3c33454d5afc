//! The five indicators against values computed by hand, including zero
//! denominators, negative net investment and missing group data.

use kivijalka::error::Location;
use kivijalka::model::dataset::{Dataset, Entity, Figure, YearKind};
use kivijalka::model::indicators::{IndicatorValue, Status, evaluate};
use kivijalka::model::items;
use kivijalka::model::price_index::PriceIndex;
use kivijalka::model::reason::Method;
use kivijalka::model::targets::Targets;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn put(ds: &mut Dataset, e: Entity, id: &str, y: i32, v: Decimal) {
    let def = items::item(id);
    ds.years.entry(y).or_insert(if y <= 2025 {
        YearKind::TP
    } else {
        YearKind::TA
    });
    let source = Location::cell(
        "hand.xlsx",
        def.statement.fi(),
        format!("B{}", items::order(id)),
    );
    ds.figures.insert(
        (e, def.id, y),
        Figure {
            value: v,
            source,
            label: def.fi.to_string(),
            quantum: dec!(0.01),
        },
    );
}

fn kphi() -> PriceIndex {
    kivijalka::config::load_index(&[]).unwrap()
}

fn one(values: &[IndicatorValue], n: u8, y: i32) -> &IndicatorValue {
    values
        .iter()
        .find(|v| v.indicator == n && v.year == y)
        .unwrap()
}

fn detail(v: &IndicatorValue, name: &str) -> Option<Decimal> {
    v.details.iter().find(|d| d.name == name).unwrap().value
}

#[test]
fn annual_margin_against_net_investment() {
    let mut ds = Dataset::default();
    let c = Entity::City;
    // 2024: vuosikate 5,0 M€; net investment 8,0 − 1,0 − 0,5 = 6,5 M€.
    put(&mut ds, c, "tl.vuosikate", 2024, dec!(5_000_000));
    put(&mut ds, c, "rl.investointimenot", 2024, dec!(-8_000_000));
    put(&mut ds, c, "rl.rahoitusosuudet", 2024, dec!(1_000_000));
    put(&mut ds, c, "rl.luovutustulot", 2024, dec!(500_000));
    // 2025: asset sales exceed investment: net investment 1,0 − 3,0 = −2,0 M€.
    put(&mut ds, c, "tl.vuosikate", 2025, dec!(500_000));
    put(&mut ds, c, "rl.investointimenot", 2025, dec!(-1_000_000));
    put(&mut ds, c, "rl.luovutustulot", 2025, dec!(3_000_000));
    // 2026: investment fully subsidised: net investment 0.
    put(&mut ds, c, "tl.vuosikate", 2026, dec!(-10));
    put(&mut ds, c, "rl.investointimenot", 2026, dec!(-1_000_000));
    put(&mut ds, c, "rl.rahoitusosuudet", 2026, dec!(1_000_000));
    let ev = evaluate(&ds, &Targets::default(), &kphi());

    let v = one(&ev.values, 1, 2024);
    assert_eq!(v.value, Some(dec!(-1_500_000)));
    assert_eq!(v.status, Status::Missed);
    // 100 × 5,0 / 6,5 = 76,923076…
    assert_eq!(
        detail(v, "kattavuus_pct").unwrap().round_dp(4),
        dec!(76.9231)
    );
    assert_eq!(
        v.inputs.len(),
        4,
        "every figure used is listed with its cell"
    );

    let v = one(&ev.values, 1, 2025);
    assert_eq!(detail(v, "nettoinvestoinnit"), Some(dec!(-2_000_000)));
    assert_eq!(v.value, Some(dec!(2_500_000)));
    assert_eq!(v.status, Status::Met);
    assert_eq!(
        detail(v, "kattavuus_pct"),
        None,
        "no coverage ratio when net investment is negative"
    );

    let v = one(&ev.values, 1, 2026);
    assert_eq!(detail(v, "nettoinvestoinnit"), Some(Decimal::ZERO));
    assert_eq!(v.value, Some(dec!(-10)));
    assert_eq!(
        v.status,
        Status::Missed,
        "a negative margin does not cover zero investment"
    );

    // The span: the budget year 2026 only (no period set, TA/TS years).
    let span = ev.spans.iter().find(|s| s.indicator == 1).unwrap();
    assert_eq!(
        (span.from_year, span.year, span.value),
        (Some(2026), 2026, Some(dec!(-10)))
    );
}

#[test]
fn accumulated_surplus_rolls_forward_without_a_balance_sheet() {
    let mut ds = Dataset::default();
    let c = Entity::City;
    put(&mut ds, c, "ta.edellisten_ylijaama", 2025, dec!(1_000_000));
    put(&mut ds, c, "ta.tilikauden_ylijaama", 2025, dec!(-1_200_000));
    put(&mut ds, c, "bg.asukasluku", 2025, dec!(1000));
    put(&mut ds, c, "tl.tilikauden_ylijaama", 2026, dec!(300_000));
    put(&mut ds, c, "tl.tilikauden_ylijaama", 2027, dec!(-50_000));
    let ev = evaluate(&ds, &Targets::default(), &kphi());
    let v = one(&ev.values, 2, 2025);
    assert_eq!((v.value, v.status), (Some(dec!(-200_000)), Status::Missed));
    assert_eq!(detail(v, "per_asukas"), Some(dec!(-200)));
    let v = one(&ev.values, 2, 2026);
    assert_eq!((v.value, v.status), (Some(dec!(100_000)), Status::Met));
    assert_eq!(v.method, Some(Method::RolledForward { from: 2025 }));
    let v = one(&ev.values, 2, 2027);
    assert_eq!((v.value, v.status), (Some(dec!(50_000)), Status::Met));
    assert!(detail(v, "per_asukas").is_none(), "no population for 2027");
}

#[test]
fn net_cost_growth_against_the_price_index_and_breaks() {
    let mut ds = Dataset::default();
    let c = Entity::City;
    for (y, k) in [
        (2019, -80_000_000),
        (2020, -82_000_000),
        (2021, -84_460_000),
        (2022, -88_000_000),
        (2023, -35_000_000),
        (2024, -36_050_000),
    ] {
        put(&mut ds, c, "tl.toimintakate", y, Decimal::from(k));
    }
    let ev = evaluate(&ds, &Targets::default(), &kphi());
    assert_eq!(
        one(&ev.values, 3, 2019).status,
        Status::NotMeasurable,
        "no 2018"
    );
    let v = one(&ev.values, 3, 2020);
    assert!(
        v.reason
            .as_ref()
            .map(ToString::to_string)
            .as_deref()
            .unwrap()
            .contains("price index change for 2020 not given")
    );
    // 84,46 / 82 − 1 = 3,0 % > KPHI 2021 2,4 %.
    let v = one(&ev.values, 3, 2021);
    assert_eq!((v.value, v.status), (Some(dec!(3)), Status::Missed));
    assert_eq!(detail(v, "hintaindeksin_muutos_pct"), Some(dec!(2.4)));
    let v = one(&ev.values, 3, 2023);
    assert_eq!(v.status, Status::NotMeasurable);
    assert!(
        v.reason
            .as_ref()
            .map(ToString::to_string)
            .as_deref()
            .unwrap()
            .contains("structural break")
    );
    // 36,05 / 35 − 1 = 3,0 % ≤ KPHI 2024 3,2 %.
    let v = one(&ev.values, 3, 2024);
    assert_eq!((v.value, v.status), (Some(dec!(3)), Status::Met));

    // A like-for-like base makes the break year measurable: 35 / 34 − 1 = 2,94… % ≤ 4,1 %.
    let targets: Targets =
        toml::from_str("[net_cost_growth.adjusted_base]\n2023 = 34000000\n").unwrap();
    let ev = evaluate(&ds, &targets, &kphi());
    let v = one(&ev.values, 3, 2023);
    assert_eq!(v.status, Status::Met);
    assert_eq!(v.value.unwrap().round_dp(4), dec!(2.9412));
    assert!(v.method.is_some());
}

#[test]
fn group_loans_need_group_data_and_population() {
    let mut ds = Dataset::default();
    let (c, g) = (Entity::City, Entity::Group);
    for y in [2024, 2025] {
        put(&mut ds, c, "tl.vuosikate", y, dec!(1));
    }
    let ev = evaluate(&ds, &Targets::default(), &kphi());
    let v = one(&ev.values, 4, 2025);
    assert_eq!(v.status, Status::NotMeasurable);
    assert!(
        v.reason
            .as_ref()
            .map(ToString::to_string)
            .as_deref()
            .unwrap()
            .contains("the city's figures are not used in their place")
    );

    // Group loans: vieras pääoma less interest-free lines, plus leases.
    put(&mut ds, g, "ta.vieras_paaoma", 2024, dec!(100_000_000));
    put(&mut ds, g, "ta.la_ostovelat", 2024, dec!(10_000_000));
    put(&mut ds, g, "ta.vieras_paaoma", 2025, dec!(103_000_000));
    put(&mut ds, g, "ta.la_ostovelat", 2025, dec!(10_100_000));
    put(
        &mut ds,
        c,
        "bg.konsernin_vuokravastuut",
        2024,
        dec!(1_000_000),
    );
    put(
        &mut ds,
        c,
        "bg.konsernin_vuokravastuut",
        2025,
        dec!(900_000),
    );
    put(&mut ds, c, "bg.asukasluku", 2024, dec!(18_000));
    put(&mut ds, c, "bg.asukasluku", 2025, dec!(17_900));
    let ev = evaluate(&ds, &Targets::default(), &kphi());
    // 2024: 91 000 000 / 18 000 = 5 055,56; 2025: 93 800 000 / 17 900 = 5 240,22.
    let v = one(&ev.values, 4, 2025);
    assert_eq!(v.value.unwrap().round_dp(2), dec!(5240.22));
    assert_eq!(
        detail(v, "muutos_per_asukas"),
        Some(dec!(184)),
        "5 240 − 5 056 in whole euros"
    );
    assert_eq!(v.status, Status::Missed);
    assert_eq!(
        one(&ev.values, 4, 2024).status,
        Status::NotMeasurable,
        "no 2023 to compare with"
    );

    // Zero population is a reason, not a division by zero.
    put(&mut ds, c, "bg.asukasluku", 2025, Decimal::ZERO);
    let ev = evaluate(&ds, &Targets::default(), &kphi());
    let v = one(&ev.values, 4, 2025);
    assert_eq!(v.status, Status::NotMeasurable);
    assert!(
        v.reason
            .as_ref()
            .map(ToString::to_string)
            .as_deref()
            .unwrap()
            .contains("population for 2025 is not positive")
    );
}

#[test]
fn cumulative_cash_flow_over_five_years() {
    let mut ds = Dataset::default();
    let c = Entity::City;
    for (y, v) in [
        (2020, -1_000_000),
        (2021, 2_000_000),
        (2022, -3_000_000),
        (2023, 4_000_000),
        (2024, 500_000),
    ] {
        put(
            &mut ds,
            c,
            "rl.toiminnan_ja_investointien_rahavirta",
            y,
            Decimal::from(v),
        );
    }
    // 2025 has only its parts: toiminnan 1,0 M€ + investointien −3,0 M€.
    put(&mut ds, c, "rl.toiminnan_rahavirta", 2025, dec!(1_000_000));
    put(
        &mut ds,
        c,
        "rl.investointien_rahavirta",
        2025,
        dec!(-3_000_000),
    );
    let ev = evaluate(&ds, &Targets::default(), &kphi());
    let v = one(&ev.values, 5, 2024);
    assert_eq!((v.value, v.status), (Some(dec!(2_500_000)), Status::Met));
    // 2021..2025: 2 − 3 + 4 + 0,5 − 2 = 1,5 M€.
    let v = one(&ev.values, 5, 2025);
    assert_eq!((v.value, v.status), (Some(dec!(1_500_000)), Status::Met));
    let v = one(&ev.values, 5, 2023);
    assert_eq!(v.status, Status::NotMeasurable);
    assert!(
        v.reason
            .as_ref()
            .map(ToString::to_string)
            .as_deref()
            .unwrap()
            .contains("for 2019"),
        "{:?}",
        v.reason
    );
}
