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

/// A city sells a plot for 3 M€ that stood at 1 M€ in its books: the 2 M€
/// gain is in vuosikate, the 3 M€ price is in net investment; the cash flow
/// statement's tulorahoituksen korjauserät take the gain back out (and a
/// change of provisions with it, here 0,5 M€).
#[test]
fn indicator_1_counts_a_plot_sale_once_by_default() {
    let mut ds = Dataset::default();
    let c = Entity::City;
    put(&mut ds, c, "tl.vuosikate", 2024, dec!(8_000_000));
    put(
        &mut ds,
        c,
        "rl.tulorahoituksen_korjauserat",
        2024,
        dec!(-2_000_000),
    );
    put(&mut ds, c, "rl.investointimenot", 2024, dec!(-10_000_000));
    put(&mut ds, c, "rl.luovutustulot", 2024, dec!(3_000_000));
    let ev = evaluate(&ds, &Targets::default(), &kphi());
    let v = one(&ev.values, 1, 2024);
    // (8 − 2) − (10 − 3) = −1 M€: the sale does not finance twice.
    assert_eq!(
        (v.value, v.status),
        (Some(dec!(-1_000_000)), Status::Missed)
    );
    assert_eq!(detail(v, "myyntivoitot"), Some(dec!(2_000_000)));
    assert!(
        matches!(v.method, Some(Method::GainsFromAdjustments { .. })),
        "the gains taken from the korjauserät are noted"
    );
    assert!(
        v.inputs
            .iter()
            .any(|i| i.item == "rl.tulorahoituksen_korjauserat"),
        "the adjustments are listed among the inputs with their cell"
    );

    // The net gains from the notes, when given, are taken instead: the
    // korjauserät of −2,5 M€ also hold 0,5 M€ of provisions released.
    put(
        &mut ds,
        c,
        "rl.tulorahoituksen_korjauserat",
        2024,
        dec!(-2_500_000),
    );
    put(&mut ds, c, "bg.luovutusvoitot", 2024, dec!(2_000_000));
    let ev = evaluate(&ds, &Targets::default(), &kphi());
    let v = one(&ev.values, 1, 2024);
    assert_eq!(v.value, Some(dec!(-1_000_000)));
    assert_eq!(v.method, None);

    // Read literally, 8 − 7 = +1 M€: met, on the gain counted twice.
    let mut literal = Targets::default();
    literal.annual_margin.sales_gains = kivijalka::model::targets::SalesGains::Included;
    let ev = evaluate(&ds, &literal, &kphi());
    let v = one(&ev.values, 1, 2024);
    assert_eq!((v.value, v.status), (Some(dec!(1_000_000)), Status::Met));
}

/// The group's 2023 break and the strategy's starting level: 2023 is not
/// compared with 2022 without a like-for-like base; each year also shows
/// its change from the year before the period, and the period is judged
/// on its last year against that level.
#[test]
fn indicator_4_break_year_and_strategy_base() {
    let mut ds = Dataset::default();
    let (c, g) = (Entity::City, Entity::Group);
    // Loans (vieras pääoma less ostovelat) and residents, by year.
    let years = [
        (2022, dec!(150_000_000), dec!(10_000)),
        (2023, dec!(100_000_000), dec!(10_000)),
        (2024, dec!(102_000_000), dec!(10_000)),
        (2025, dec!(101_000_000), dec!(10_000)),
    ];
    for (y, loans, pop) in years {
        put(&mut ds, g, "ta.vieras_paaoma", y, loans + dec!(1_000_000));
        put(&mut ds, g, "ta.la_ostovelat", y, dec!(1_000_000));
        put(&mut ds, c, "bg.konsernin_vuokravastuut", y, Decimal::ZERO);
        put(&mut ds, c, "bg.asukasluku", y, pop);
    }
    let mut t = Targets {
        period: Some(kivijalka::model::targets::Period {
            start: 2024,
            end: 2025,
        }),
        ..Targets::default()
    };
    let ev = evaluate(&ds, &t, &kphi());
    let v = one(&ev.values, 4, 2023);
    assert_eq!(v.status, Status::NotMeasurable);
    assert!(
        v.reason
            .as_ref()
            .unwrap()
            .to_string()
            .contains("group_loans.adjusted_base.2023")
    );
    // 2024: 10 200 against 10 000 the year before, +200; base year 2023.
    let v = one(&ev.values, 4, 2024);
    assert_eq!(detail(v, "muutos_per_asukas"), Some(dec!(200)));
    assert_eq!(detail(v, "muutos_lahtotasosta_per_asukas"), Some(dec!(200)));
    // 2025: down 100 on the year (met), still 100 above the starting level.
    let v = one(&ev.values, 4, 2025);
    assert_eq!(v.status, Status::Met);
    assert_eq!(detail(v, "muutos_lahtotasosta_per_asukas"), Some(dec!(100)));
    let span = ev.spans.iter().find(|s| s.indicator == 4).unwrap();
    assert_eq!((span.from_year, span.year), (Some(2023), 2025));
    assert_eq!(span.status, Status::Missed, "10 100 > 10 000 at the start");
    assert_eq!(detail(span, "lahtotaso_per_asukas"), Some(dec!(10_000)));

    // A like-for-like 2022 of 99 M€ makes 2023 measurable: 10 000 ≤ 9 900? No.
    t.group_loans
        .adjusted_base
        .insert("2023".into(), dec!(99_000_000));
    let ev = evaluate(&ds, &t, &kphi());
    let v = one(&ev.values, 4, 2023);
    assert_eq!(detail(v, "muutos_per_asukas"), Some(dec!(100)));
    assert_eq!(v.status, Status::Missed);
    assert!(matches!(
        v.method,
        Some(Method::LikeForLikeBase { year: 2022, .. })
    ));
}

/// The per-resident ratios finance officers quote, by hand.
#[test]
fn per_resident_ratios() {
    let mut ds = Dataset::default();
    let c = Entity::City;
    put(&mut ds, c, "tl.toimintakate", 2024, dec!(-52_500_000));
    put(&mut ds, c, "tl.verotulot", 2024, dec!(41_260_000));
    put(&mut ds, c, "tl.valtionosuudet", 2024, dec!(14_660_000));
    put(&mut ds, c, "bg.asukasluku", 2024, dec!(10_000));
    use kivijalka::model::ratios::{Ctx, ratio};
    let t = Targets::default();
    let ctx = Ctx::new(&ds, &t);
    let get = |id: &str| (ratio(id).unwrap().compute)(&ctx, c, 2024);
    assert_eq!(get("nettomenot_per_asukas"), Ok(dec!(5250)));
    assert_eq!(get("verotulot_per_asukas"), Ok(dec!(4126)));
    assert_eq!(get("valtionosuudet_per_asukas"), Ok(dec!(1466)));
    // Without residents, a reason, not a division by zero.
    put(&mut ds, c, "bg.asukasluku", 2024, Decimal::ZERO);
    let ctx = Ctx::new(&ds, &t);
    assert!((ratio("verotulot_per_asukas").unwrap().compute)(&ctx, c, 2024).is_err());
}
