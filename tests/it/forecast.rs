//! The projection: a small case computed by hand, the identities in every
//! projected year under random scenarios, the plan kept as given, and a
//! backtest against the example's own later actuals.

use std::collections::BTreeMap;

use kivijalka::error::Location;
use kivijalka::model::dataset::{Dataset, Entity, Figure, YearKind};
use kivijalka::model::items;
use kivijalka::model::price_index::PriceIndex;
use kivijalka::model::projection::{Options, Projection, project};
use kivijalka::model::scenario::{
    AssetClass, Measure, Origin, Path, Project, RateChange, Scenario,
};
use kivijalka::model::validate;
use kivijalka::{ingest, scenario_file};
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

fn city(p: &Projection, id: &str, y: i32) -> Decimal {
    p.dataset
        .value(Entity::City, id, y)
        .unwrap_or_else(|| panic!("{id} {y} missing"))
}

fn index(pairs: &[(i32, Decimal)]) -> PriceIndex {
    PriceIndex {
        name: "test index".into(),
        changes: pairs.iter().copied().collect(),
        sources: BTreeMap::new(),
    }
}

fn at() -> Origin {
    Origin {
        file: "test".into(),
        line: 1,
        key: "test".into(),
    }
}

/// A municipality of 10 000 residents with round figures, actuals for 2025
/// only (also the revenue tests' town).
pub(crate) fn small() -> Dataset {
    let mut ds = Dataset {
        file: "hand.xlsx".into(),
        municipality: Some("Pienikylä".into()),
        ..Dataset::default()
    };
    let y = 2025;
    for (id, v) in [
        ("tl.toimintatuotot", dec!(10_000_000)),
        ("tl.toimintakulut", dec!(-60_000_000)),
        ("tl.toimintakate", dec!(-50_000_000)),
        ("tl.verotulot", dec!(40_000_000)),
        ("tl.valtionosuudet", dec!(15_000_000)),
        ("tl.korkokulut", dec!(-1_000_000)),
        ("tl.vuosikate", dec!(4_000_000)),
        ("tl.poistot_ja_arvonalentumiset", dec!(-3_000_000)),
        ("tl.tilikauden_tulos", dec!(1_000_000)),
        ("tl.tilikauden_ylijaama", dec!(1_000_000)),
        ("rl.vuosikate", dec!(4_000_000)),
        ("rl.investointimenot", dec!(-5_000_000)),
        ("rl.toiminnan_ja_investointien_rahavirta", dec!(-1_000_000)),
        ("ta.aineelliset", dec!(80_000_000)),
        ("ta.rahat_ja_pankkisaamiset", dec!(10_000_000)),
        ("ta.vastaavaa", dec!(90_000_000)),
        ("ta.peruspaaoma", dec!(30_000_000)),
        ("ta.edellisten_ylijaama", dec!(9_000_000)),
        ("ta.tilikauden_ylijaama", dec!(1_000_000)),
        ("ta.pa_rahoituslaitokset", dec!(40_000_000)),
        ("ta.la_ostovelat", dec!(10_000_000)),
        ("ta.vieras_paaoma", dec!(50_000_000)),
        ("ta.vastattavaa", dec!(90_000_000)),
        ("bg.asukasluku", dec!(10_000)),
        ("bg.tuloveroprosentti", dec!(8.00)),
    ] {
        put(&mut ds, id, y, v);
    }
    ds.sheets
        .insert((Entity::City, items::Statement::Tase), "Tase".into());
    ds
}

fn small_scenario() -> Scenario {
    let mut sc = Scenario {
        name: "hand".into(),
        ..Scenario::default()
    };
    sc.population.growth_pct = Some(Path::constant(dec!(0)));
    sc.tax.income_share_pct = dec!(80);
    sc.tax.property_share_pct = dec!(10);
    sc.tax.rate_changes = vec![RateChange {
        from: 2027,
        change_pp: dec!(1.0),
        at: at(),
    }];
    sc.investments.trend_gross = Some(Path::constant(dec!(5_000_000)));
    sc.investments.trend_subsidies = Some(Path::constant(dec!(0)));
    sc.investments.trend_sales = Some(Path::constant(dec!(0)));
    sc.loans.interest_rate_pct = Some(Path::constant(dec!(2.5)));
    sc.loans.average_maturity_years = Some(dec!(20));
    sc.loans.min_cash = Some(dec!(9_000_000));
    // This case predates the decided index cuts (tests/it/revenue.rs).
    sc.subsidies.index_cut_pp = Path::default();
    sc
}

#[test]
fn two_years_by_hand() {
    let pi = index(&[(2026, dec!(2.0)), (2027, dec!(2.0))]);
    let p = project(
        &small(),
        &small_scenario(),
        &pi,
        Options {
            base_year: None,
            horizon: Some(2027),
        },
    )
    .unwrap();
    let v = |id: &str, y: i32| city(&p, id, y);

    // 2026. Prices +2 %, no real growth.
    assert_eq!(v("tl.toimintatuotot", 2026), dec!(10_200_000.00)); // 10 000 000 × 1,02
    assert_eq!(v("tl.toimintakulut", 2026), dec!(-61_200_000.00)); // −60 000 000 × 1,02
    // Taxes: income 80 % × 40 M = 32 M grows 3 %; property and corporate 4 M each grow 2 %.
    assert_eq!(v("tl.verotulot", 2026), dec!(41_120_000.00)); // 32 960 000 + 4 080 000 + 4 080 000
    assert_eq!(v("tl.valtionosuudet", 2026), dec!(15_300_000.00)); // 15 M × 1,02, population flat
    // Before interest: 10,2 − 61,2 + 41,12 + 15,3 = 5,42 M; investment 5 M; repay 40 M / 20 = 2 M.
    assert_eq!(
        v("rl.pitkaaikaisten_lainojen_vahennys", 2026),
        dec!(-2_000_000.00)
    );
    // Cash needed to stay at 9 M: 9 − 10 − (5,42 − 5) + 2 = 0,58 M plus interest.
    // Interest 2,5 % on the average stock (40 M + 38 M + B) / 2 = 0,975 M + 0,0125 B,
    // so B = (0,58 M + 0,975 M) / (1 − 0,0125) = 1 574 683,544… → up to the cent.
    assert_eq!(
        v("rl.pitkaaikaisten_lainojen_lisays", 2026),
        dec!(1_574_683.55)
    );
    // 975 000 + 0,0125 × 1 574 683,55 = 994 683,544375 → 994 683,54
    assert_eq!(v("tl.korkokulut", 2026), dec!(-994_683.54));
    assert_eq!(v("tl.vuosikate", 2026), dec!(4_425_316.46)); // 5 420 000 − 994 683,54
    // Existing assets 3 M; the 2026 investment starts depreciating in 2027.
    assert_eq!(
        v("tl.poistot_ja_arvonalentumiset", 2026),
        dec!(-3_000_000.00)
    );
    assert_eq!(v("tl.tilikauden_ylijaama", 2026), dec!(1_425_316.46));
    // Cash: 10 M + (4 425 316,46 − 5 M) − 2 M + 1 574 683,55 = 9 000 000,01
    assert_eq!(v("rl.rahavarat_31_12", 2026), dec!(9_000_000.01));
    assert_eq!(v("ta.aineelliset", 2026), dec!(82_000_000.00)); // 80 + 5 − 3
    assert_eq!(v("ta.pa_rahoituslaitokset", 2026), dec!(39_574_683.55)); // 40 − 2 + 1,574…
    assert_eq!(v("ta.edellisten_ylijaama", 2026), dec!(10_000_000.00)); // 9 M + 1 M
    assert_eq!(v("ta.vastaavaa", 2026), dec!(91_000_000.01));
    assert_eq!(v("ta.vastattavaa", 2026), dec!(91_000_000.01));

    // 2027. The rate rises 1 point: base = 33 948 800 × 100 / 8 = 424 360 000;
    // 1 % of it is 4 243 600, of which 90 % arrives in the first year.
    assert_eq!(p.rows[1].taxable_income, Some(dec!(424_360_000.00)));
    // 33 948 800 + 4 161 600 + 4 161 600 + 3 819 240
    assert_eq!(v("tl.verotulot", 2027), dec!(46_091_240.00));
    assert_eq!(v("bg.tuloveroprosentti", 2027), dec!(9.00));
    assert_eq!(v("tl.toimintakate", 2027), dec!(-52_020_000.00)); // 10 404 000 − 62 424 000
    assert_eq!(
        v("tl.poistot_ja_arvonalentumiset", 2027),
        dec!(-3_250_000.00)
    ); // 3 M + 5 M / 20
    // Repay 39 574 683,55 / 20 = 1 978 734,1775 → 1 978 734,18; no new loan needed.
    assert_eq!(
        v("rl.pitkaaikaisten_lainojen_vahennys", 2027),
        dec!(-1_978_734.18)
    );
    assert_eq!(p.rows[1].borrowing, dec!(0));
    // Interest 2,5 % × (39 574 683,55 + 37 595 949,37) / 2 = 964 632,9115 → 964 632,91
    assert_eq!(v("tl.korkokulut", 2027), dec!(-964_632.91));
    // 10 404 000 − 62 424 000 + 46 091 240 + 15 606 000 − 964 632,91
    assert_eq!(v("tl.vuosikate", 2027), dec!(8_712_607.09));
    assert!(validate::validate_exact(&p.dataset).is_empty());

    // A simulated path runs the same steps without the statements: the
    // same figures by hand, and the same rows.
    let ds = small();
    let q = kivijalka::model::projection::rows_with(
        &ds,
        &small_scenario(),
        &pi,
        Options {
            base_year: None,
            horizon: Some(2027),
        },
        &kivijalka::model::projection::Figures::new(&ds),
    )
    .unwrap();
    assert_eq!(q.rows[0].borrowing, dec!(1_574_683.55));
    assert_eq!(q.rows[0].interest, dec!(994_683.54));
    assert_eq!(q.rows[0].cash, dec!(9_000_000.01));
    assert_eq!(q.rows[1].repayments, dec!(1_978_734.18));
    assert_eq!(q.rows[1].annual_margin, dec!(8_712_607.09));
    assert_eq!(
        serde_json::to_string(&q.rows).unwrap(),
        serde_json::to_string(&p.rows).unwrap()
    );
}

fn load_example() -> Dataset {
    ingest::read_path(&example()).unwrap()
}

fn kphi() -> PriceIndex {
    kivijalka::config::load_index(&[]).unwrap()
}

fn scenario(name: &str) -> Scenario {
    scenario_file::load(&root().join("scenarios").join(name)).unwrap()
}

fn breaks_after(p: &Projection) -> Vec<String> {
    validate::validate_exact(&p.dataset)
        .into_iter()
        .filter(|f| {
            f.message
                .to_string()
                .split_whitespace()
                .nth(1)
                .and_then(|y| y.trim_end_matches(':').parse::<i32>().ok())
                .is_some_and(|y| y > p.base_year)
        })
        .map(|f| f.message.to_string())
        .collect()
}

#[test]
fn shipped_scenarios_keep_every_identity() {
    let ds = load_example();
    for f in [
        "baseline.toml",
        "tax_rise.toml",
        "school_postponed.toml",
        "savings.toml",
        "interest_shock.toml",
        "population_decline.toml",
    ] {
        let p = project(&ds, &scenario(f), &kphi(), Options::default()).unwrap();
        assert_eq!(p.horizon, 2035, "{f}");
        assert_eq!(p.dataset.kind(2030), Some(YearKind::E));
        assert_eq!(breaks_after(&p), Vec::<String>::new(), "{f}");
    }
}

#[test]
fn the_plan_is_kept_as_given() {
    let ds = load_example();
    let p = project(&ds, &scenario("baseline.toml"), &kphi(), Options::default()).unwrap();
    for y in 2026..=2029 {
        for id in [
            "tl.vuosikate",
            "tl.korkokulut",
            "tl.poistot_ja_arvonalentumiset",
            "rl.toiminnan_ja_investointien_rahavirta",
            "rl.pitkaaikaisten_lainojen_lisays",
            "rl.rahavarat_31_12",
            "bg.konsernin_lainakanta",
        ] {
            assert_eq!(
                p.dataset.total(Entity::City, id, y),
                ds.total(Entity::City, id, y),
                "{id} {y}"
            );
            // The plan's own cell is kept, not a copy.
            if let Some(f) = ds.get(Entity::City, id, y) {
                assert_eq!(p.dataset.get(Entity::City, id, y).unwrap().source, f.source);
            }
        }
        assert_eq!(p.dataset.kind(y), ds.kind(y));
    }
}

/// A tiny deterministic generator, so the random cases are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
    /// A decimal in [lo, hi] with two decimals.
    fn dec(&mut self, lo: i64, hi: i64) -> Decimal {
        Decimal::new(self.int(lo * 100, hi * 100), 2)
    }
}

fn random_scenario(r: &mut Rng) -> Scenario {
    let mut sc = scenario("baseline.toml");
    sc.name = "random".into();
    sc.horizon = Some(2025 + r.int(4, 14) as i32);
    let h = sc.horizon.unwrap();
    let year = |r: &mut Rng| 2026 + r.int(0, (h - 2026) as i64) as i32;
    sc.price_index_pct = Path::constant(r.dec(-1, 6));
    sc.operations.cost_real_growth_pct = Path::constant(r.dec(-2, 3));
    sc.operations.income_real_growth_pct = Path::constant(r.dec(-2, 3));
    sc.tax.earnings_growth_pct = Path::constant(r.dec(-3, 6));
    sc.population.growth_pct = Some(Path::constant(r.dec(-3, 2)));
    if r.int(0, 1) == 1 {
        sc.plan_follow_until = Some(2025 + r.int(0, 4) as i32);
    }
    for _ in 0..r.int(0, 2) {
        sc.tax.rate_changes.push(RateChange {
            from: year(r),
            change_pp: r.dec(-1, 2),
            at: at(),
        });
    }
    for _ in 0..r.int(0, 2) {
        let from = year(r);
        sc.operations.savings.push(Measure {
            from,
            to: (r.int(0, 1) == 1).then_some(from),
            amount: Decimal::from(r.int(0, 3_000_000)),
            at: at(),
        });
    }
    for _ in 0..r.int(0, 2) {
        sc.loans.rate_changes.push(RateChange {
            from: year(r),
            change_pp: r.dec(-1, 4),
            at: at(),
        });
    }
    sc.loans.min_cash_days = Decimal::from(r.int(0, 120));
    if r.int(0, 1) == 1 {
        sc.loans.average_maturity_years = Some(Decimal::from(r.int(3, 30)));
    }
    if r.int(0, 2) == 0 {
        sc.investments.existing_runoff_years = Some(r.int(1, 30) as u32);
    }
    for i in 0..r.int(0, 3) {
        let a = year(r);
        let b = (a + r.int(0, 2) as i32).min(h);
        let cost = Decimal::from(r.int(100_000, 20_000_000));
        sc.investments.projects.push(Project {
            name: format!("p{i}"),
            cost,
            years: (a..=b).collect(),
            spending: None,
            subsidy: (cost * r.dec(0, 1) / dec!(2)).round_dp(2),
            land_sales: Decimal::from(r.int(0, 500_000)),
            class: AssetClass::ALL[r.int(0, 5) as usize],
            in_plan: Vec::new(),
            plan_spending: None,
            at: at(),
        });
    }
    sc
}

#[test]
fn random_scenarios_keep_every_identity_and_the_monotone_levers() {
    let ds = load_example();
    let pi = kphi();
    let mut r = Rng(0x5eed_1234_abcd_0001);
    for case in 0..60 {
        let sc = random_scenario(&mut r);
        let p = project(&ds, &sc, &pi, Options::default()).unwrap();
        assert_eq!(
            breaks_after(&p),
            Vec::<String>::new(),
            "case {case}: {sc:?}"
        );

        // A higher tax rate never lowers the annual margin.
        let mut higher = sc.clone();
        let from = 2026 + r.int(0, (p.horizon - 2026) as i64) as i32;
        higher.tax.rate_changes.push(RateChange {
            from,
            change_pp: r.dec(0, 2),
            at: at(),
        });
        let q = project(&ds, &higher, &pi, Options::default()).unwrap();
        for y in 2026..=p.horizon {
            assert!(
                city(&q, "tl.vuosikate", y) >= city(&p, "tl.vuosikate", y),
                "case {case}: tax +{:?} from {from} lowered vuosikate in {y}",
                higher.tax.rate_changes.last()
            );
        }

        // Postponing a project never raises net investment in a year it left.
        if let Some(proj) = sc.investments.projects.first() {
            let mut later = sc.clone();
            let shift = r.int(1, 3) as i32;
            let moved: Vec<i32> = proj
                .years
                .iter()
                .map(|y| y + shift)
                .filter(|y| *y <= p.horizon)
                .collect();
            if !moved.is_empty() {
                later.investments.projects[0].years = moved.clone();
                let q = project(&ds, &later, &pi, Options::default()).unwrap();
                for y in proj.years.iter().filter(|y| !moved.contains(y)) {
                    let net = |p: &Projection| {
                        p.rows.iter().find(|r| r.year == *y).unwrap().net_investment
                    };
                    assert!(
                        net(&q) <= net(&p),
                        "case {case}: postponing raised net investment in {y}"
                    );
                }
            }
        }
    }
}

#[test]
fn backtest_against_later_actuals() {
    // Start from an earlier actual year with the drivers that then applied:
    // the price index as it turned out (KPHI), the tax rate as it was, and
    // the default trends; compare with what the example's books show.
    let ds = load_example();
    let pi = kphi();
    let mut out = String::new();
    let mut worst = Decimal::ZERO;
    for (start, horizon) in [(2019, 2022), (2023, 2025)] {
        let mut truncated = ds.clone();
        truncated.figures.retain(|(_, _, y), _| *y <= start);
        truncated.years.retain(|y, _| *y <= start);
        let p = project(
            &truncated,
            &Scenario::default(),
            &pi,
            Options {
                base_year: Some(start),
                horizon: Some(horizon),
            },
        )
        .unwrap();
        assert_eq!(breaks_after(&p), Vec::<String>::new());
        for y in start + 1..=horizon {
            for id in ["tl.toimintakate", "tl.verotulot", "tl.vuosikate"] {
                let actual = ds.total(Entity::City, id, y).unwrap();
                let projected = city(&p, id, y);
                let err = (projected - actual) / actual.abs() * dec!(100);
                out.push_str(&format!(
                    "  from {start}: {y} {id:<16} actual {actual:>14} projected {:>16} error {:>6} %\n",
                    projected.round_dp(0),
                    err.round_dp(1)
                ));
                if id == "tl.toimintakate" {
                    worst = worst.max(err.abs());
                }
            }
        }
    }
    println!("backtest (example data):\n{out}");
    // Not a pass/fail threshold: a regression guard far above what the
    // drivers give today (README records the figures).
    assert!(worst < dec!(25), "net cost error {worst} %");
}

#[test]
fn messy_layouts_project_the_same_and_a_bare_workbook_projects_from_actuals() {
    use crate::support::make_example::{self, Style};
    use crate::support::tempdir;
    use kivijalka::model::indicators::{Status, evaluate};
    use kivijalka::model::targets::Targets;

    let dir = tempdir("forecast-variants");
    let figures = make_example::derive(&root().join("data/kivikoski"));
    let messy = dir.join("messy.xlsx");
    make_example::write(
        &figures,
        Style {
            euros: true,
            swedish: true,
            text_numbers: true,
            positive_costs: true,
            merged_headers: true,
            extra_columns: true,
        },
        &messy,
    );
    let sc = scenario("tax_rise.toml");
    let a = project(&load_example(), &sc, &kphi(), Options::default()).unwrap();
    let b = project(
        &ingest::read_path(&messy).unwrap(),
        &sc,
        &kphi(),
        Options::default(),
    )
    .unwrap();
    let key = |p: &Projection| serde_json::to_string(&p.rows).unwrap();
    assert_eq!(key(&a), key(&b));

    // Actuals only, no group statements, no group loan estimate.
    let mut bare = figures.clone();
    bare.retain(|(e, id, y), _| *e == "city" && *y <= 2025 && !id.starts_with("bg.konsernin"));
    let path = dir.join("bare.xlsx");
    make_example::write(&bare, Style::default(), &path);
    let ds = ingest::read_path(&path).unwrap();
    let p = project(&ds, &Scenario::default(), &kphi(), Options::default()).unwrap();
    assert_eq!(breaks_after(&p), Vec::<String>::new());
    assert_eq!(p.dataset.kind(2026), Some(YearKind::E));
    assert!(
        p.assumptions
            .iter()
            .any(|a| a.to_string().contains("average of 2023–2025")),
        "{:?}",
        p.assumptions
    );
    let ev = evaluate(&p.dataset, &Targets::default(), &p.price_index);
    let four = ev
        .values
        .iter()
        .find(|v| v.indicator == 4 && v.year == 2030)
        .unwrap();
    assert_eq!(four.status, Status::NotMeasurable);
    assert!(
        four.reason
            .as_ref()
            .map(ToString::to_string)
            .as_deref()
            .unwrap()
            .contains("no group balance sheet"),
        "{:?}",
        four.reason
    );
    let one = ev
        .values
        .iter()
        .find(|v| v.indicator == 1 && v.year == 2030)
        .unwrap();
    assert_ne!(one.status, Status::NotMeasurable);

    // Without the last actual year's balance sheet there is nothing to start from.
    let mut no_bs = bare.clone();
    no_bs.retain(|(_, id, y), _| !(id.starts_with("ta.") && *y == 2025));
    let path = dir.join("nobs.xlsx");
    make_example::write(&no_bs, Style::default(), &path);
    let o = crate::support::run_en(&["forecast", crate::support::path_str(&path)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        crate::support::stderr(&o)
            .contains("the projection starts from the balance sheet (tase) of 2025"),
        "{}",
        crate::support::stderr(&o)
    );
}

#[test]
fn a_budget_that_prints_only_net_figures_is_taken_as_given() {
    use crate::support::make_example::{self, Style};
    use crate::support::tempdir;

    let dir = tempdir("forecast-sparse");
    let mut figures = make_example::derive(&root().join("data/kivikoski"));
    // Plan years with only the operating margin and the investments' net
    // cash flow, as some budget books print them.
    figures.retain(|(e, id, y), _| {
        let under_margin = items::try_item(id).is_some_and(|d| {
            let mut p = d.parent;
            while let Some(x) = p {
                if x == "tl.toimintakate" {
                    return true;
                }
                p = items::item(x).parent;
            }
            false
        });
        let inv_detail = matches!(
            *id,
            "rl.investointimenot" | "rl.rahoitusosuudet" | "rl.luovutustulot"
        );
        !(*e == "city" && *y > 2025 && (under_margin || inv_detail))
    });
    let path = dir.join("sparse.xlsx");
    make_example::write(&figures, Style::default(), &path);
    let sparse = ingest::read_path(&path).unwrap();
    assert!(
        sparse
            .value(Entity::City, "tl.toimintakulut", 2027)
            .is_none()
    );
    let full = load_example();
    let p = project(
        &sparse,
        &scenario("tax_rise.toml"),
        &kphi(),
        Options::default(),
    )
    .unwrap();
    let q = project(
        &full,
        &scenario("tax_rise.toml"),
        &kphi(),
        Options::default(),
    )
    .unwrap();
    assert_eq!(breaks_after(&p), Vec::<String>::new());
    // The plan years are the council's either way (beyond them the net cost
    // grows as costs do, having no income split to grow apart).
    for y in 2026..=2029 {
        for id in [
            "tl.toimintakate",
            "tl.vuosikate",
            "rl.toiminnan_ja_investointien_rahavirta",
            "rl.pitkaaikaisten_lainojen_lisays",
        ] {
            assert_eq!(
                p.dataset.total(Entity::City, id, y),
                q.dataset.total(Entity::City, id, y),
                "{id} {y}"
            );
        }
    }
}

#[test]
fn a_simulated_path_steps_and_measures_as_the_forecast_does() {
    use crate::support::make_example::{self, Style};
    use crate::support::tempdir;

    // The example, and two kinds of workbook a simulation meets: actuals
    // only without a group, and budget and plan without a group.
    let dir = tempdir("path-variants");
    let figures = make_example::derive(&root().join("data/kivikoski"));
    let mut bare = figures.clone();
    bare.retain(|(e, id, y), _| *e == "city" && *y <= 2025 && !id.starts_with("bg.konsernin"));
    let mut no_group = figures.clone();
    no_group.retain(|(e, id, _), _| *e == "city" && !id.starts_with("bg.konsernin"));
    let mut datasets = vec![("example", load_example())];
    for (name, f) in [("bare", &bare), ("no_group", &no_group)] {
        let path = dir.join(format!("{name}.xlsx"));
        make_example::write(f, Style::default(), &path);
        datasets.push((name, ingest::read_path(&path).unwrap()));
    }
    let mut r = Rng(0x1ea7_0000_0000_0042);
    let mut scenarios: Vec<Scenario> = [
        "baseline.toml",
        "tax_rise.toml",
        "school_postponed.toml",
        "interest_shock.toml",
        "population_decline.toml",
    ]
    .iter()
    .map(|f| scenario(f))
    .collect();
    for _ in 0..25 {
        scenarios.push(random_scenario(&mut r));
    }
    for (name, ds) in &datasets {
        path_equals_forecast(name, ds, &scenarios);
    }
}

/// A simulated path's year rows (the same steps, no statements) equal the
/// forecast's, and its indicators measured from the rows equal the
/// forecast's measured from its statements.
fn path_equals_forecast(name: &str, ds: &Dataset, scenarios: &[Scenario]) {
    use kivijalka::model::indicators::evaluate;
    use kivijalka::model::simulate::{Start, from_rows, lean_applies};
    use kivijalka::model::targets::Targets;

    let pi = kphi();
    let t = Targets::default();
    assert!(lean_applies(ds, 2025, &t), "{name}");
    let start = Start::new(ds, 2025, &t);
    let figures = kivijalka::model::projection::Figures::new(ds);
    for sc in scenarios {
        let p = project(ds, sc, &pi, Options::default()).unwrap();
        let full = evaluate(&p.dataset, &t, &p.price_index);
        let q = kivijalka::model::projection::rows_with(ds, sc, &pi, Options::default(), &figures)
            .unwrap();
        // The same years, line for line, and the same indicators.
        assert_eq!(
            serde_json::to_string(&q.rows).unwrap(),
            serde_json::to_string(&p.rows).unwrap(),
            "{name}: {}",
            sc.name
        );
        assert_eq!(q.price_index.changes, p.price_index.changes, "{name}");
        let path = from_rows(&start, &q.rows, &t, &q.price_index);
        for v in full.values.iter().filter(|v| v.year > 2025) {
            let w = path
                .iter()
                .find(|w| w.0 == v.indicator && w.1 == v.year)
                .unwrap_or_else(|| panic!("{name}: {} {} missing", v.indicator, v.year));
            assert_eq!(
                (w.2, w.3),
                (v.value, v.status),
                "{name}, {}: indicator {} in {}",
                sc.name,
                v.indicator,
                v.year
            );
        }
    }
}

/// A project's cost overrun is spending beyond what the plan holds: the
/// plan years' gross investment grows by the overrun, while the plan's other
/// investments, the trend beyond the plan drawn from them, and the project's
/// subsidy stay as they were.
#[test]
fn an_overrun_adds_to_the_plan_and_leaves_its_other_investments() {
    let ds = load_example();
    let pi = kphi();
    let base = scenario("baseline.toml");
    let mut over = base.clone();
    let school = (over.investments.projects.iter_mut())
        .find(|p| p.name == "Kivikosken yhtenäiskoulu")
        .unwrap();
    kivijalka::model::uncertainty::scale_project(school, dec!(1.25));
    let a = project(&ds, &base, &pi, Options::default()).unwrap();
    let b = project(&ds, &over, &pi, Options::default()).unwrap();
    let row = |p: &Projection, y: i32| p.rows.iter().find(|r| r.year == y).unwrap().clone();
    // The plan holds 6 + 4 M€ in 2027–2028; a quarter more is 1,5 and 1 M€.
    for (y, more) in [(2027, dec!(1500000)), (2028, dec!(1000000))] {
        let (ra, rb) = (row(&a, y), row(&b, y));
        assert_eq!(
            rb.gross_investment.abs() - ra.gross_investment.abs(),
            more,
            "{y}"
        );
        assert_eq!(rb.investment_subsidies, ra.investment_subsidies, "{y}");
    }
    for y in [2026, 2029, 2030, 2035] {
        assert_eq!(
            row(&b, y).gross_investment,
            row(&a, y).gross_investment,
            "{y}"
        );
    }
}

/// Every assumption the example's forecast lists reads in Finnish and in
/// English, English its Display (and JSON) form.
#[test]
fn the_assumptions_read_in_both_languages() {
    use kivijalka::report::assumption::text;
    use kivijalka::report::format::Lang;
    let ds = ingest::read_path(&crate::support::example()).unwrap();
    let p = project(&ds, &Scenario::default(), &kphi(), Options::default()).unwrap();
    assert!(p.assumptions.len() >= 6, "{:?}", p.assumptions);
    for a in &p.assumptions {
        let (fi, en) = (text(a, Lang::Fi), text(a, Lang::En));
        assert_eq!(en, a.to_string());
        assert_ne!(fi, en, "{a:?} is not translated");
        assert!(!fi.contains(" a year"), "{fi}");
    }
}
