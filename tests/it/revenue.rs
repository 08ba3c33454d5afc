//! Taxes and state subsidies as they are determined, each component
//! against a case computed by hand: the index cut, the population's lag,
//! the tax-revenue equalisation, a fixed element, the Ministry's
//! preliminary calculation, income tax with a falling population, property
//! tax by rate and corporate tax by the municipalities' share; and the plan
//! years left as the workbook gives them.

use std::collections::BTreeMap;

use kivijalka::error::Location;
use kivijalka::model::dataset::{Dataset, Entity, Figure, YearKind};
use kivijalka::model::items;
use kivijalka::model::money::cents;
use kivijalka::model::price_index::PriceIndex;
use kivijalka::model::projection::{Options, Projection, project};
use kivijalka::model::scenario::{Decided, Path, Scenario};
use kivijalka::scenario_file::{KEYS, KeyDefault};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::support::{example, root};

fn put(ds: &mut Dataset, id: &str, y: i32, v: Decimal) {
    let def = items::item(id);
    ds.years.insert(y, YearKind::TP);
    ds.figures.insert(
        (Entity::City, def.id, y),
        Figure {
            value: v,
            source: Location::cell("hand.xlsx", def.statement.fi(), "B1"),
            label: def.fi.to_string(),
            quantum: dec!(0.01),
        },
    );
}

/// 10 000 residents at the end of 2025 after losing 100 a year; verotulot
/// 40 M€ (income tax 80 % at 8 %, property and corporate tax 4 M€ each),
/// valtionosuudet 15 M€.
fn town() -> Dataset {
    let mut ds = crate::forecast::small();
    ds.municipality = Some("Laskukylä".into());
    for (y, p) in [(2022, 10_300), (2023, 10_200), (2024, 10_100)] {
        put(&mut ds, "bg.asukasluku", y, Decimal::from(p));
    }
    ds
}

/// Prices +2 % a year; the population falls 1 % a year: 9 900 in 2026,
/// 9 801 in 2027, 9 703 in 2028.
fn scenario() -> Scenario {
    let mut sc = Scenario {
        name: "hand".into(),
        ..Scenario::default()
    };
    sc.population.growth_pct = Some(Path::constant(dec!(-1)));
    sc.tax.income_share_pct = dec!(80);
    sc.tax.property_share_pct = dec!(10);
    sc.loans.interest_rate_pct = Some(Path::constant(dec!(2.5)));
    sc.loans.min_cash = Some(dec!(9_000_000));
    sc
}

/// The subsidies without the decided cuts and without the residents: only
/// the component a test turns on moves them.
fn plain() -> Scenario {
    let mut sc = scenario();
    sc.subsidies.index_cut_pp = Path::default();
    sc.subsidies.index_cut_eur.clear();
    sc.subsidies.per_resident_cut.clear();
    sc.subsidies.follow_population = false;
    sc
}

fn run(sc: &Scenario) -> Projection {
    project_to_2028(&town(), sc)
}

/// `ds` projected under `sc` to 2028, the index rising 2 % a year.
fn project_to_2028(ds: &Dataset, sc: &Scenario) -> Projection {
    let pi = PriceIndex {
        name: "test index".into(),
        changes: (2026..=2028).map(|y| (y, dec!(2.0))).collect(),
        sources: BTreeMap::new(),
    };
    let opts = Options {
        base_year: None,
        horizon: Some(2028),
    };
    project(ds, sc, &pi, opts).unwrap()
}

fn subsidies(p: &Projection) -> Vec<Decimal> {
    p.rows.iter().map(|r| r.state_subsidies).collect()
}

fn taxes(p: &Projection) -> Vec<Decimal> {
    p.rows.iter().map(|r| r.tax_revenue).collect()
}

#[test]
fn the_population_falls_as_the_hand_case_says() {
    let p = run(&scenario());
    let pop: Vec<_> = p.rows.iter().map(|r| r.population).collect();
    assert_eq!(pop, [Some(dec!(9900)), Some(dec!(9801)), Some(dec!(9703))]);
}

/// The decided defaults: in 2026 the index saving of HE 100/2025, 0,27
/// points of the valtionosuusprosentti at 100 M€ a point over 5 635 971
/// residents = 4,79 € a resident, lowers the level for good, and 15,31 € a
/// resident is taken off for that year only; the population is that of the
/// end of 2024 (1704/2009 4 § 3 mom.).
#[test]
fn the_decided_cuts_and_the_lagged_population_are_the_defaults() {
    let d = Decided::shipped();
    assert_eq!(d.population.lag_years, 2);
    assert_eq!(d.per_resident().get(&2026), Some(&dec!(15.31)));
    assert_eq!(d.index_cuts().get(&2026), Some(&dec!(4.79)));
    // HE 42/2023 states the euros: 24 M€ over the 5 563 970 residents at
    // the end of 2022.
    let eur24 = dec!(24_000_000) / dec!(5_563_970);
    assert_eq!(d.index_cuts().get(&2024), Some(&eur24.round_dp(2)));
    let p = run(&scenario());
    let v = subsidies(&p);
    // 15 000 000 × 1,02 × 10 100 / 10 200 = 15 150 000,00; less the saving
    // 4,79 × 10 100 = 48 379,00 (basic part 15 101 621,00) and the
    // temporary 15,31 × 10 100 = 154 631,00.
    assert_eq!(v[0], dec!(14_946_990.00));
    // 2027: the basic part grows from its lowered level:
    // 15 101 621,00 × 1,02 × 10 000 / 10 100 = 15 251 142,00.
    assert_eq!(v[1], dec!(15_251_142.00));
}

/// A saving of 10 € a resident in 2026 takes 10 × 10 100 = 101 000 € off
/// the basic part in 2026, whatever the city's own subsidy, and the level
/// stays that much (indexed) lower in 2027 and 2028.
#[test]
fn a_decided_saving_is_euros_per_resident_and_lowers_the_years_after() {
    let mut sc = plain();
    sc.subsidies.index_cut_eur = [(2026, dec!(10))].into();
    // 15 300 000 − 101 000 = 15 199 000; × 1,02 = 15 502 980; × 1,02.
    assert_eq!(
        subsidies(&run(&sc)),
        [
            dec!(15_199_000.00),
            dec!(15_502_980.00),
            dec!(15_813_039.60)
        ]
    );
}

/// The example's 2030, the first year beyond its plan, by hand: the
/// valtionosuudet of 2029 indexed by the price index of 2030 and scaled by
/// the residents of 2028 against 2027 (the law's two-year lag), no saving
/// decided for 2030; with a saving of 5 € a resident written for 2030,
/// 5 × the residents of 2028 less, and 2031 lower by that much indexed.
#[test]
fn the_examples_2030_subsidy_by_hand() {
    let ds = kivijalka::ingest::read_path(&example()).unwrap();
    let pi = kivijalka::config::load_index(&[]).unwrap();
    let mut sc = kivijalka::scenario_file::load(&root().join("scenarios/baseline.toml")).unwrap();
    let p = project(&ds, &sc, &pi, Options::default()).unwrap();
    let row = |p: &Projection, y: i32| p.rows.iter().find(|r| r.year == y).unwrap().clone();
    let pop = |y| row(&p, y).population.unwrap();
    let vo29 = ds.value(Entity::City, "tl.valtionosuudet", 2029).unwrap();
    let idx = Decimal::ONE + row(&p, 2030).price_index_pct / Decimal::ONE_HUNDRED;
    let want = cents(vo29 * idx * pop(2028) / pop(2027));
    assert_eq!(row(&p, 2030).state_subsidies, want);
    sc.subsidies.index_cut_eur.insert(2030, dec!(5));
    let cut = project(&ds, &sc, &pi, Options::default()).unwrap();
    assert_eq!(row(&cut, 2030).state_subsidies, want - dec!(5) * pop(2028));
    let idx31 = Decimal::ONE + row(&p, 2031).price_index_pct / Decimal::ONE_HUNDRED;
    let lower = cents(dec!(5) * pop(2028) * idx31 * pop(2029) / pop(2028));
    let gap = row(&p, 2031).state_subsidies - row(&cut, 2031).state_subsidies;
    assert!((gap - lower).abs() <= dec!(0.01), "{gap} {lower}");
}

#[test]
fn an_index_cut_lowers_every_later_year() {
    let mut sc = plain();
    sc.subsidies.index_cut_pp = Path {
        base: None,
        steps: [(2026, dec!(1)), (2027, dec!(0))].into(),
    };
    // 15 M × 1,01 = 15 150 000; then × 1,02 = 15 453 000; × 1,02.
    assert_eq!(
        subsidies(&run(&sc)),
        [
            dec!(15_150_000.00),
            dec!(15_453_000.00),
            dec!(15_762_060.00)
        ]
    );
}

#[test]
fn the_population_enters_with_its_lag() {
    let mut sc = plain();
    sc.subsidies.index_pct = Some(Path::constant(dec!(0)));
    sc.subsidies.follow_population = true;
    // Two years back: 2026 on 10 100 / 10 200, 2027 on 10 000 / 10 100,
    // 2028 on 9 900 / 10 000.
    assert_eq!(
        subsidies(&run(&sc)),
        [
            dec!(14_852_941.18),
            dec!(14_705_882.36),
            dec!(14_558_823.54)
        ]
    );
    // Without the lag, the year's own residents: 9 900 / 10 000 and on.
    sc.subsidies.population_lag_years = Some(0);
    assert_eq!(
        subsidies(&run(&sc)),
        [
            dec!(14_850_000.00),
            dec!(14_701_500.00),
            dec!(14_554_500.00)
        ]
    );
}

/// 3 M€ of the 15 M€ is the equalisation of a city at 80 % of the national
/// tax base per resident. The national base grows 3 % a year, the city's
/// per resident 1,03 × 0,99 = 1,0197; the law takes the taxes and the
/// residents of two years back.
#[test]
fn the_equalisation_follows_the_gap_to_the_national_tax_base() {
    let mut sc = plain();
    sc.tax.employment_growth_pct = Path::constant(dec!(-1));
    sc.subsidies.index_pct = Some(Path::constant(dec!(0)));
    sc.subsidies.follow_population = true;
    sc.subsidies.equalisation = Some(Path::constant(dec!(3_000_000)));
    sc.subsidies.relative_tax_base_pct = Some(dec!(80));
    sc.subsidies.national_tax_base_growth_pct = Some(Path::constant(dec!(3)));
    let v = subsidies(&run(&sc));
    // Basic part 12 M€ on the residents of two years back:
    // 11 882 352,94, 11 764 705,88, 11 647 058,82.
    // Equalisation: 2026 the tax year 2024, before the projection: the gap
    // holds, the national level × 1,03, residents 10 100 / 10 200:
    // 3 M × 1,03 × 0,990196… = 3 059 705,88.
    assert_eq!(v[0], dec!(11_882_352.94) + dec!(3_059_705.88));
    // 2027: the level × 1,03², residents 10 000 / 10 200.
    assert_eq!(v[1], dec!(11_764_705.88) + dec!(3_120_294.12));
    // 2028: the tax year 2026, the first projected: the city's base per
    // resident 32 304 096 × 100 / 8 / 9 900 = 40 788 against 40 000,
    // × 1,0197 against the nation's 1,03: 80 % becomes 79,2 %, the gap
    // (100 − 79,2) / 20 = 1,04; level 1,03³, residents 9 900 / 10 200.
    assert_eq!(v[2], dec!(11_647_058.82) + dec!(3_309_034.47));
}

#[test]
fn a_fixed_element_stays_fixed() {
    let mut sc = plain();
    sc.subsidies.fixed = Some(Path {
        base: None,
        steps: [(2025, dec!(2_000_000)), (2027, dec!(1_500_000))].into(),
    });
    // The basic part 13 M€ is indexed; the fixed 2 M€, then 1,5 M€, is not:
    // 13 260 000 + 2 000 000; 13 525 200 + 1 500 000; 13 795 704 + 1 500 000.
    assert_eq!(
        subsidies(&run(&sc)),
        [
            dec!(15_260_000.00),
            dec!(15_025_200.00),
            dec!(15_295_704.00)
        ]
    );
}

#[test]
fn the_preliminary_calculation_overrides_and_the_years_after_grow_from_it() {
    let mut sc = plain();
    sc.subsidies.preliminary = [(2027, dec!(15_000_000))].into();
    // 2026 indexed: 15 300 000; 2027 the Ministry's 15 000 000; 2028 the
    // basic part grows from it: 15 300 000.
    assert_eq!(
        subsidies(&run(&sc)),
        [
            dec!(15_300_000.00),
            dec!(15_000_000.00),
            dec!(15_300_000.00)
        ]
    );
}

/// Income tax is taxable income per resident × residents × rate: 80 % of
/// 40 M€ at 8 % is 400 M€ of taxable income, 40 000 € a resident.
#[test]
fn income_tax_falls_with_the_residents() {
    let p = run(&scenario());
    // 32 M × 1,03 × 9 900 / 10 000 = 32 630 400; property and corporate
    // tax 4 M each × 1,02.
    assert_eq!(taxes(&p)[0], dec!(32_630_400.00) + dec!(8_160_000.00));
    // Taxable income 32 630 400 × 100 / 8 = 407 880 000: 41 200 € each.
    assert_eq!(p.rows[0].taxable_income, Some(dec!(407_880_000.00)));
    // 2027: 32 630 400 × 1,03 = 33 609 312, × 9 801 / 9 900 = × 0,99:
    // 33 273 218,88.
    assert_eq!(taxes(&p)[1], dec!(33_273_218.88) + dec!(8_323_200.00));
    // Without the residents, as before: 32 960 000.
    let mut sc = scenario();
    sc.tax.follows_population = false;
    assert_eq!(taxes(&run(&sc))[0], dec!(41_120_000.00));
}

#[test]
fn property_tax_by_rate_and_corporate_tax_by_the_municipalities_share() {
    let mut sc = scenario();
    sc.tax.follows_population = false;
    sc.tax.property_rate_pct = Some(Path {
        base: None,
        steps: [(2025, dec!(1.0)), (2027, dec!(1.2))].into(),
    });
    sc.tax.corporate_share_pct = Some(Path {
        base: None,
        steps: [(2025, dec!(20)), (2027, dec!(22))].into(),
    });
    let t = taxes(&run(&sc));
    // The base 4 M / 1 % = 400 M grows 2 %: 408 M at 1 % = 4 080 000.
    assert_eq!(
        t[0],
        dec!(32_960_000.00) + dec!(4_080_000.00) + dec!(4_080_000.00)
    );
    // 416,16 M at 1,2 % = 4 993 920; corporate 4 080 000 × 1,02 × 22 / 20
    // = 4 577 760; income 32 960 000 × 1,03 = 33 948 800.
    assert_eq!(
        t[1],
        dec!(33_948_800.00) + dec!(4_993_920.00) + dec!(4_577_760.00)
    );
}

/// A workbook whose notes break verotulot down (background lines Kunnan
/// tulovero, Kiinteistövero, Osuus yhteisöveron tuotosta) is split by them,
/// not by the scenario's 80/10/10: 30 + 6 + 4 M€ of 2025's 40 M€. Beyond
/// the plan income tax grows 3 % (30 900 000), property and corporate tax
/// 2 % (6 120 000 and 4 080 000): 41 100 000, where the fixed shares gave
/// 41 120 000; taxable income 30 900 000 × 100 / 8 = 386 250 000.
#[test]
fn the_workbooks_breakdown_of_the_taxes_replaces_the_fixed_shares() {
    let mut sc = scenario();
    sc.tax.follows_population = false;
    let mut ds = town();
    for (id, v) in [
        ("bg.kunnan_tulovero", dec!(30_000_000)),
        ("bg.kiinteistovero", dec!(6_000_000)),
        ("bg.yhteisovero", dec!(4_000_000)),
    ] {
        put(&mut ds, id, 2025, v);
    }
    let p = project_to_2028(&ds, &sc);
    assert_eq!(taxes(&p)[0], dec!(41_100_000.00));
    assert_eq!(p.rows[0].taxable_income, Some(dec!(386_250_000.00)));
    assert_eq!(taxes(&run(&sc))[0], dec!(41_120_000.00));
    let split = p
        .assumptions
        .iter()
        .map(|a| a.to_string())
        .find(|a| a.starts_with("tax revenue of 2025 split"))
        .unwrap();
    assert_eq!(
        split,
        "tax revenue of 2025 split 75 % income tax, 15 % property tax, 10 % corporate tax (the workbook's breakdown of 2025)"
    );
    // A breakdown missing one of the three is not a split: the fixed
    // shares hold.
    let mut part = town();
    put(&mut part, "bg.kunnan_tulovero", 2025, dec!(30_000_000));
    let p = project_to_2028(&part, &sc);
    assert_eq!(taxes(&p)[0], dec!(41_120_000.00));
    // Shares the scenario itself gives are meant: they outrank the
    // workbook's breakdown (the fixed shares' figure again).
    let mut own = sc.clone();
    own.tax.shares_given = true;
    let p = project_to_2028(&ds, &own);
    assert_eq!(taxes(&p)[0], dec!(41_120_000.00));
}

/// A scenario file that writes a share marks it as given; one that does
/// not leaves the workbook's breakdown to outrank the default.
#[test]
fn a_share_written_in_the_scenario_file_is_given() {
    let dir = crate::support::tempdir("shares-given");
    let f = dir.join("s.toml");
    std::fs::write(&f, "[tax]\nincome_share_pct = 80\n").unwrap();
    let sc = kivijalka::scenario_file::load(&f).unwrap();
    assert!(sc.tax.shares_given);
    assert_eq!(sc.tax.income_share_pct, dec!(80));
    std::fs::write(&f, "[tax]\nearnings_growth_pct = 3.0\n").unwrap();
    let other = kivijalka::scenario_file::load(&f).unwrap();
    assert!(!other.tax.shares_given);
}

/// The budget and plan years are the workbook's, whatever the scenario
/// says of the years beyond: the shipped example's 2026–2029.
#[test]
fn plan_years_do_not_move() {
    let ds = kivijalka::ingest::read_path(&example()).unwrap();
    let pi = kivijalka::config::load_index(&[]).unwrap();
    let mut sc = kivijalka::scenario_file::load(&root().join("scenarios/baseline.toml")).unwrap();
    sc.subsidies.preliminary = [(2027, dec!(1))].into();
    sc.subsidies.equalisation = Some(Path::constant(dec!(2_000_000)));
    sc.subsidies.index_cut_pp = Path::constant(dec!(3));
    let p = project(&ds, &sc, &pi, Options::default()).unwrap();
    let given: Vec<_> = p.rows.iter().filter(|r| r.given).collect();
    assert_eq!(given.len(), 4);
    for r in given {
        let v = |id| ds.value(Entity::City, id, r.year).unwrap();
        assert_eq!(r.tax_revenue, v("tl.verotulot"), "{}", r.year);
        assert_eq!(r.state_subsidies, v("tl.valtionosuudet"), "{}", r.year);
    }
    assert!(
        p.assumptions.iter().any(|a| a
            .to_string()
            .starts_with("the preliminary calculation for 2027 is not used")),
        "{:?}",
        p.assumptions
    );
}

/// A default that rests on the law or a decision names its source in the
/// key table.
#[test]
fn the_decided_defaults_name_their_sources() {
    for k in KEYS {
        if matches!(k.default, KeyDefault::Decided(_)) {
            assert!(!k.source.2.is_empty(), "{}", k.key);
            assert!(k.meaning_text().contains("Source: "), "{}", k.key);
        }
    }
    for c in &Decided::shipped().index_cut {
        assert!(c.source.starts_with("HE "), "{}", c.year);
    }
}
