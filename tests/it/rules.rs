//! The indicators' rule book over typed inputs, computed by hand, and every
//! reason worded in both languages with its figures.

use kivijalka::model::dataset::Entity;
use kivijalka::model::indicators::Status;
use kivijalka::model::reason::{Denominator, Reason};
use kivijalka::model::rules;
use kivijalka::model::targets::{SalesGains, Targets};
use kivijalka::report::Lang;
use kivijalka::report::reason::text;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn no_adjustments() -> Result<Decimal, Reason> {
    Ok(Decimal::ZERO)
}

fn detail(j: &rules::Judged, name: &str) -> Option<Decimal> {
    j.details
        .iter()
        .flatten()
        .find(|d| d.name == name)
        .and_then(|d| d.value)
}

#[test]
fn rule_1_margin_against_net_investment() {
    let t = Targets::default();
    // Investointimenot −10 M€, rahoitusosuudet 1 M€, luovutustulot 0,5 M€.
    let ni = rules::net_investment(dec!(-10_000_000), dec!(1_000_000), dec!(500_000));
    assert_eq!(ni, dec!(8_500_000));
    // 9 M€ − 8,5 M€ = 0,5 M€; 9 / 8,5 = 105,88 % ≥ 100 %.
    let j = rules::annual_margin(Ok(dec!(9_000_000)), no_adjustments, Ok(ni), &t);
    assert_eq!(j.value, Ok(dec!(500_000)));
    assert_eq!(j.status(), Status::Met);
    assert_eq!(
        detail(&j, "kattavuus_pct").map(|v| v.round_dp(2)),
        Some(dec!(105.88))
    );
    // 8 M€ covers 94 %: missed.
    let j = rules::annual_margin(Ok(dec!(8_000_000)), no_adjustments, Ok(ni), &t);
    assert_eq!(
        (j.value.clone(), j.status()),
        (Ok(dec!(-500_000)), Status::Missed)
    );
    // A lower coverage target of 90 % holds with 94 %.
    let mut low = Targets::default();
    low.annual_margin.min_coverage_pct = dec!(90);
    let j = rules::annual_margin(Ok(dec!(8_000_000)), no_adjustments, Ok(ni), &low);
    assert_eq!(j.status(), Status::Met);
    // No net investment: the difference stands, the coverage has a reason.
    let j = rules::annual_margin(Ok(dec!(1)), no_adjustments, Ok(Decimal::ZERO), &t);
    assert_eq!((j.value.clone(), j.status()), (Ok(dec!(1)), Status::Met));
    assert_eq!(detail(&j, "kattavuus_pct"), None);
    // A missing figure carries its own reason through.
    let gone = Reason::PopulationMissing { year: 2024 };
    let j = rules::annual_margin(Err(gone.clone()), no_adjustments, Ok(ni), &t);
    assert_eq!(
        (j.value.clone(), j.status()),
        (Err(gone), Status::NotMeasurable)
    );
}

/// A plot sold for 3 M€ that stood in the books at 1 M€: the 2 M€ gain is in
/// vuosikate (muut toimintatuotot) and the 3 M€ price in nettoinvestoinnit.
#[test]
fn rule_1_counts_a_sales_gain_once_unless_told_otherwise() {
    let t = Targets::default();
    // Investointimenot −10 M€, no subsidies, the plot's price 3 M€: 7 M€.
    let ni = rules::net_investment(dec!(-10_000_000), Decimal::ZERO, dec!(3_000_000));
    // Vuosikate 8 M€ of which the gain 2 M€: 6 M€ of income financing
    // against 7 M€ of net investment, 85,71 %: missed.
    let j = rules::annual_margin(Ok(dec!(8_000_000)), || Ok(dec!(2_000_000)), Ok(ni), &t);
    assert_eq!(
        (j.value.clone(), j.status()),
        (Ok(dec!(-1_000_000)), Status::Missed)
    );
    assert_eq!(detail(&j, "myyntivoitot"), Some(dec!(2_000_000)));
    assert_eq!(detail(&j, "vuosikate"), Some(dec!(8_000_000)));
    assert_eq!(
        detail(&j, "kattavuus_pct").map(|v| v.round_dp(2)),
        Some(dec!(85.71))
    );
    // Read literally, the gain counts twice: 8 − 7 = +1 M€, 114,29 %, met;
    // the adjustments are not read at all.
    let mut literal = Targets::default();
    literal.annual_margin.sales_gains = SalesGains::Included;
    let j = rules::annual_margin(Ok(dec!(8_000_000)), || panic!("read"), Ok(ni), &literal);
    assert_eq!(
        (j.value.clone(), j.status()),
        (Ok(dec!(1_000_000)), Status::Met)
    );
    assert_eq!(detail(&j, "myyntivoitot"), None);
    // The adjustments' own reason carries through.
    let gone = Reason::LineMissing {
        entity: Entity::City,
        line: "rl.tulorahoituksen_korjauserat",
        year: 2024,
    };
    let j = rules::annual_margin(Ok(dec!(8_000_000)), || Err(gone.clone()), Ok(ni), &t);
    assert_eq!(j.value, Err(gone));
}

#[test]
fn rule_2_accumulated_surplus() {
    let t = Targets::default();
    // 1 000 000 € / 20 000 residents = 50 €/resident.
    let j = rules::accumulated_surplus(Ok(dec!(1_000_000)), || Ok(dec!(20_000)), &t);
    assert_eq!(
        (j.value.clone(), j.status()),
        (Ok(dec!(1_000_000)), Status::Met)
    );
    assert_eq!(detail(&j, "per_asukas"), Some(dec!(50)));
    // Zero is not a surplus (strictly above 0 €).
    let j = rules::accumulated_surplus(Ok(Decimal::ZERO), || Ok(dec!(1)), &t);
    assert_eq!(j.status(), Status::Missed);
    // The population is not read when there is no surplus figure.
    let j = rules::accumulated_surplus(
        Err(Reason::NoBalanceSheetSince {
            entity: Entity::City,
            year: 2020,
        }),
        || panic!("population read without a surplus"),
        &t,
    );
    assert_eq!(j.status(), Status::NotMeasurable);
}

#[test]
fn rule_3_net_cost_growth_against_the_index() {
    let t = Targets::default();
    // 102,04 / 100 − 1 = 2,04 %, printed 2,0 % ≤ index 2,0 %: met.
    let j = rules::net_cost_growth(2024, Ok(dec!(102.04)), || Ok(dec!(100)), Ok(dec!(2.0)), &t);
    assert_eq!((j.value.clone(), j.status()), (Ok(dec!(2.04)), Status::Met));
    // 102,05 % prints 2,1 %: missed.
    let j = rules::net_cost_growth(2024, Ok(dec!(102.05)), || Ok(dec!(100)), Ok(dec!(2.0)), &t);
    assert_eq!(j.status(), Status::Missed);
    // Without the index the growth is not judged, and says why.
    let j = rules::net_cost_growth(2024, Ok(dec!(101)), || Ok(dec!(100)), missing_index(), &t);
    assert_eq!(j.value, missing_index());
    // A break year is not compared, and the year before is not read.
    let j = rules::net_cost_growth(2023, Ok(dec!(101)), || panic!("read"), Ok(dec!(2)), &t);
    assert_eq!(j.value, Err(Reason::BreakYear { year: 2023 }));
    // A like-for-like base given for it is used instead: 101 / 99 − 1.
    let mut given = Targets::default();
    given
        .net_cost_growth
        .adjusted_base
        .insert("2023".into(), dec!(99));
    let j = rules::net_cost_growth(2023, Ok(dec!(101)), || panic!("read"), Ok(dec!(2)), &given);
    assert_eq!(j.value.map(|v| v.round_dp(4)), Ok(dec!(2.0202)));
    // A comparison year without net cost has none to grow from.
    let j = rules::net_cost_growth(2024, Ok(dec!(1)), || Ok(Decimal::ZERO), Ok(dec!(2)), &t);
    assert_eq!(j.value, Err(Reason::NetCostNotPositive { year: 2023 }));
}

fn missing_index() -> Result<Decimal, Reason> {
    Err(Reason::PriceIndexMissing {
        year: 2024,
        index: "KPHI".into(),
    })
}

#[test]
fn rule_4_group_loans_per_resident() {
    let t = Targets::default();
    // (90 M€ + 10 M€) / 10 000 = 10 000 €/resident.
    let debt = rules::group_debt(Ok(dec!(90_000_000)), || Ok(dec!(10_000_000)), &t);
    assert_eq!(debt, Ok(dec!(100_000_000)));
    let now = rules::per_resident(&debt, || Ok(dec!(10_000)));
    // 10 000,4 a year earlier rounds to 10 000: no growth, met.
    let j = rules::group_loans_per_resident(&debt, now.clone(), Ok(dec!(10_000.4)), None);
    assert_eq!(
        (j.value.clone(), j.status()),
        (Ok(dec!(10_000)), Status::Met)
    );
    assert_eq!(detail(&j, "muutos_per_asukas"), Some(Decimal::ZERO));
    // 9 999,4 rounds to 9 999: one euro more, missed.
    let j = rules::group_loans_per_resident(&debt, now.clone(), Ok(dec!(9_999.4)), None);
    assert_eq!(j.status(), Status::Missed);
    assert_eq!(detail(&j, "muutos_per_asukas"), Some(Decimal::ONE));
    // Leases left out when the targets say so; missing ones are named.
    let mut no_leases = Targets::default();
    no_leases.group_loans.include_leases = false;
    let without = rules::group_debt(Ok(dec!(5)), || panic!("read"), &no_leases);
    assert_eq!(without, Ok(dec!(5)));
    let gone = Reason::NoGroupLoans { year: 2024 };
    assert_eq!(
        rules::group_debt(Ok(dec!(5)), || Err(gone.clone()), &t),
        Err(Reason::LeasesNeeded(Box::new(gone.clone())))
    );
    // Without the year before there is nothing to compare with.
    let j = rules::group_loans_per_resident(&debt, now, Err(gone.clone()), None);
    assert_eq!(j.value, Err(Reason::NoComparisonYear(Box::new(gone))));
    // Zero population divides nothing.
    assert_eq!(
        rules::per_resident(&debt, || rules::population(2024, Some(Decimal::ZERO))),
        Err(Reason::PopulationNotPositive { year: 2024 })
    );
}

/// The 2023 break of the group (the sote joint authorities' shares left):
/// not compared with 2022 unless a like-for-like base is given; and the
/// change from the strategy's starting level beside the year-on-year one.
#[test]
fn rule_4_break_year_and_starting_level() {
    let t = Targets::default();
    let debt = Ok(dec!(100_000_000));
    let now = rules::per_resident(&debt, || Ok(dec!(10_000)));
    // 2023 is a break year by default: the year before is not read.
    let (prev, method) = rules::group_previous(2023, &t, || panic!("read"), || panic!("read"));
    assert_eq!(prev, Err(Reason::GroupBreakYear { year: 2023 }));
    assert_eq!(method, None);
    let j = rules::group_loans_per_resident(&debt, now.clone(), prev, None);
    assert_eq!(
        (j.value.clone(), j.status()),
        (
            Err(Reason::GroupBreakYear { year: 2023 }),
            Status::NotMeasurable
        )
    );
    // A like-for-like base of 2022, 98,9 M€ over 9 890 residents = 10 000 €.
    let mut given = Targets::default();
    given
        .group_loans
        .adjusted_base
        .insert("2023".into(), dec!(98_900_000));
    let (prev, method) = rules::group_previous(2023, &given, || panic!("read"), || Ok(dec!(9_890)));
    assert_eq!(prev, Ok(dec!(10_000)));
    assert!(method.is_some());
    let j = rules::group_loans_per_resident(&debt, now.clone(), prev, None);
    assert_eq!(
        (j.value.clone(), j.status()),
        (Ok(dec!(10_000)), Status::Met)
    );
    // Any other year reads the year before as it is.
    let (prev, _) = rules::group_previous(2024, &t, || Ok(dec!(9_990)), || panic!("read"));
    assert_eq!(prev, Ok(dec!(9_990)));
    // Ten euros up on last year, 250 up on the starting level of 9 750.
    let j = rules::group_loans_per_resident(&debt, now, prev, Some(Ok(dec!(9_750))));
    assert_eq!(j.status(), Status::Missed);
    assert_eq!(detail(&j, "muutos_per_asukas"), Some(dec!(10)));
    assert_eq!(
        detail(&j, "muutos_lahtotasosta_per_asukas"),
        Some(dec!(250))
    );
}

#[test]
fn rule_5_cumulative_cash_flow() {
    let t = Targets::default();
    // 2020–2024: 1 + 2 + 3 − 4 − 1 = 1 (M€).
    let flows = [1, 2, 3, -4, -1];
    let flow = |y: i32| Ok(Decimal::from(flows[(y - 2020) as usize] * 1_000_000));
    let sum = rules::window_sum(Entity::City, 2024, 5, flow);
    assert_eq!(sum, Ok(dec!(1_000_000)));
    let j = rules::cumulative_cash_flow(sum, flow(2024), &t);
    assert_eq!(j.status(), Status::Met);
    assert_eq!(detail(&j, "ti_rahavirta"), Some(dec!(-1_000_000)));
    // Three years: 3 − 4 − 1 = −2: missed.
    let sum = rules::window_sum(Entity::City, 2024, 3, flow);
    let j = rules::cumulative_cash_flow(sum, flow(2024), &t);
    assert_eq!(
        (j.value.clone(), j.status()),
        (Ok(dec!(-2_000_000)), Status::Missed)
    );
    // Every missing year is named.
    let sum = rules::window_sum(Entity::Group, 2024, 5, |y| {
        if y < 2022 {
            Err(Reason::NoYear { year: y })
        } else {
            Ok(Decimal::ONE)
        }
    });
    assert_eq!(
        sum,
        Err(Reason::WindowIncomplete {
            entity: Entity::Group,
            window: 5,
            first: 2020,
            last: 2024,
            missing: vec![2020, 2021],
        })
    );
}

/// One of each reason; the match makes a new variant fail to compile here
/// until it is added.
fn every_reason() -> Vec<Reason> {
    let e = Entity::Group;
    let inner = || Box::new(Reason::PopulationMissing { year: 2031 });
    let all = vec![
        Reason::LineMissing {
            entity: e,
            line: "tl.toimintakate",
            year: 2031,
        },
        Reason::LinePartMissing {
            entity: e,
            line: "ta.vieras_paaoma",
            year: 2031,
            part: "ta.pitkaaikainen",
        },
        Reason::PopulationMissing { year: 2031 },
        Reason::PopulationNotPositive { year: 2031 },
        Reason::Zero(Denominator::Population),
        Reason::Overflow(Denominator::Term("kassasta maksut")),
        Reason::DebtNotItemised {
            entity: e,
            year: 2031,
        },
        Reason::SectionNotItemised {
            entity: e,
            section: "ta.pitkaaikainen",
            year: 2031,
        },
        Reason::NoBalanceSheet {
            entity: e,
            year: 2031,
        },
        Reason::NoBalanceSheetSince {
            entity: e,
            year: 2031,
        },
        Reason::InvestmentsNotItemised {
            entity: e,
            year: 2031,
        },
        Reason::CashMissing {
            entity: e,
            year: 2031,
            why: inner(),
        },
        Reason::WindowIncomplete {
            entity: e,
            window: 5,
            first: 2027,
            last: 2031,
            missing: vec![2027, 2031],
        },
        Reason::NetInvestmentNotPositive,
        Reason::BreakYear { year: 2031 },
        Reason::GroupBreakYear { year: 2031 },
        Reason::PriceIndexMissing {
            year: 2031,
            index: "KPHI".into(),
        },
        Reason::NetCostNotPositive { year: 2031 },
        Reason::NoGroupLoans { year: 2031 },
        Reason::LeasesNeeded(inner()),
        Reason::NoComparisonYear(inner()),
        Reason::NoYear { year: 2031 },
        Reason::FiguresMissing {
            years: vec![2030, 2031],
        },
    ];
    for r in &all {
        match r {
            Reason::LineMissing { .. }
            | Reason::LinePartMissing { .. }
            | Reason::PopulationMissing { .. }
            | Reason::PopulationNotPositive { .. }
            | Reason::Zero(_)
            | Reason::Overflow(_)
            | Reason::DebtNotItemised { .. }
            | Reason::SectionNotItemised { .. }
            | Reason::NoBalanceSheet { .. }
            | Reason::NoBalanceSheetSince { .. }
            | Reason::InvestmentsNotItemised { .. }
            | Reason::CashMissing { .. }
            | Reason::WindowIncomplete { .. }
            | Reason::NetInvestmentNotPositive
            | Reason::BreakYear { .. }
            | Reason::GroupBreakYear { .. }
            | Reason::PriceIndexMissing { .. }
            | Reason::NetCostNotPositive { .. }
            | Reason::NoGroupLoans { .. }
            | Reason::LeasesNeeded(_)
            | Reason::NoComparisonYear(_)
            | Reason::NoYear { .. }
            | Reason::FiguresMissing { .. } => {}
        }
    }
    all
}

#[test]
fn every_reason_is_worded_in_both_languages_with_its_figures() {
    for r in every_reason() {
        let (fi, en) = (text(&r, Lang::Fi), text(&r, Lang::En));
        assert!(!fi.is_empty() && !en.is_empty(), "{r:?}");
        assert_ne!(fi, en, "{r:?} is not translated");
        assert_eq!(en, r.to_string(), "English is the Display form");
        // Each figure the reason carries is in both sentences.
        let figures: Vec<String> = match &r {
            Reason::Zero(_) | Reason::Overflow(_) | Reason::NetInvestmentNotPositive => vec![],
            Reason::WindowIncomplete { missing, .. } => missing
                .iter()
                .map(|y| y.to_string())
                .chain(["5".into(), "konserni".into()])
                .collect(),
            Reason::FiguresMissing { years } => years.iter().map(|y| y.to_string()).collect(),
            Reason::PriceIndexMissing { .. } => vec!["2031".into(), "KPHI".into()],
            Reason::LineMissing { .. } => vec!["2031".into(), "Toimintakate".into()],
            _ => vec!["2031".into()],
        };
        for f in figures {
            assert!(fi.contains(&f) && en.contains(&f), "{f} in {fi} / {en}");
        }
    }
    // The English words are the ones outputs carried before reasons were typed.
    assert_eq!(
        text(&Reason::BreakYear { year: 2023 }, Lang::En),
        "2023 is a structural break year (net_cost_growth.break_years): its growth is not comparable with 2022; give net_cost_growth.adjusted_base.2023 to measure it"
    );
    assert_eq!(
        text(
            &Reason::NoComparisonYear(Box::new(Reason::NoGroupLoans { year: 2018 })),
            Lang::Fi
        ),
        "ei vertailuvuotta: ei konsernitasetta eikä konsernin lainakannan arviota vuodelta 2018; kaupungin lukuja ei käytetä niiden sijaan"
    );
}

#[test]
fn every_method_is_worded_in_both_languages_with_its_figures() {
    use kivijalka::model::reason::Method;
    use kivijalka::report::reason::method;
    let all = [
        Method::RolledForward { from: 2031 },
        Method::LikeForLikeBase {
            year: 2031,
            base: dec!(123456),
        },
        Method::GroupLoansProjected,
        Method::GroupLoansEstimated,
    ];
    for m in &all {
        let (fi, en) = (method(m, Lang::Fi), method(m, Lang::En));
        assert!(!fi.is_empty() && !en.is_empty() && fi != en, "{m:?}");
        assert_eq!(en, m.to_string());
        if let Method::RolledForward { .. } | Method::LikeForLikeBase { .. } = m {
            assert!(fi.contains("2031") && en.contains("2031"), "{fi} / {en}");
        }
        if let Method::LikeForLikeBase { .. } = m {
            assert!(
                fi.contains("123456") && en.contains("123456"),
                "{fi} / {en}"
            );
        }
    }
}

/// The English of reasons the shipped example never shows, word for word as
/// CSV and JSON carried them when reasons were built as text in the model.
#[test]
fn english_reasons_keep_their_words() {
    let g = Entity::Group;
    let cases = [
        (
            Reason::LinePartMissing {
                entity: g,
                line: "ta.vieras_paaoma",
                year: 2024,
                part: "ta.pitkaaikainen",
            },
            "line \"Vieras pääoma\" (konserni tase, 2024) is not printed and cannot be summed from its lines: \"Pitkäaikainen\" is missing",
        ),
        (
            Reason::CashMissing {
                entity: g,
                year: 2024,
                why: Box::new(Reason::LineMissing {
                    entity: g,
                    line: "ta.rahat_ja_pankkisaamiset",
                    year: 2024,
                }),
            },
            "cash 31.12. (konserni 2024) missing: neither Rahavarat 31.12. nor line \"Rahat ja pankkisaamiset\" (konserni tase) missing for 2024",
        ),
        (
            Reason::SectionNotItemised {
                entity: g,
                section: "ta.lyhytaikainen",
                year: 2024,
            },
            "\"Lyhytaikainen\" vieras pääoma (konserni 2024) is not itemised into loans and other liabilities",
        ),
        (
            Reason::InvestmentsNotItemised {
                entity: g,
                year: 2024,
            },
            "sijoitukset (konserni 2024) is not itemised, so its loans receivable are not known",
        ),
        (
            Reason::Overflow(Denominator::Term("kassasta maksut")),
            "kassasta maksut: the division overflows",
        ),
        (
            Reason::LeasesNeeded(Box::new(Reason::PopulationMissing { year: 2024 })),
            "population (asukasluku 31.12.) missing for 2024 (group_loans.include_leases = true)",
        ),
    ];
    for (r, words) in cases {
        assert_eq!(r.to_string(), words);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json, serde_json::Value::String(words.into()));
    }
}
