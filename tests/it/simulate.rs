//! Monte Carlo and sensitivity: with no spread the simulation is the
//! deterministic forecast; with a known distribution the probability
//! converges to the analytic one; the same seed gives the same numbers
//! whatever the number of threads; bad distributions are named.

use kivijalka::model::indicators::{Status, evaluate};
use kivijalka::model::projection::{Options, project};
use kivijalka::model::scenario::Scenario;
use kivijalka::model::simulate::{sensitivity, simulate};
use kivijalka::model::targets::Targets;
use kivijalka::{ingest, scenario_file};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::support::{example, path_str, root, run, run_en, stderr, tempdir};

fn scenario_text(name: &str, extra: &str) -> Scenario {
    let dir = tempdir(name);
    std::fs::copy(
        root().join("scenarios/baseline.toml"),
        dir.join("baseline.toml"),
    )
    .unwrap();
    let path = dir.join("s.toml");
    std::fs::write(&path, format!("extends = \"baseline.toml\"\n{extra}")).unwrap();
    scenario_file::load(&path).unwrap()
}

#[test]
fn no_spread_is_the_deterministic_forecast() {
    let sc = scenario_text(
        "sim-zero",
        r#"
[[uncertainty]]
driver = "tax.earnings_growth_pct"
distribution = "normal"
mean = 2.5
sd = 0
[[uncertainty]]
driver = "operations.cost_real_growth_pct"
distribution = "triangular"
min = 0.4
mode = 0.4
max = 0.4
persistence = 0.5
[[uncertainty]]
driver = "loans.interest_shift_pp"
distribution = "uniform"
min = 0
max = 0
[[uncertainty]]
driver = "investments.project 'Kivikosken yhtenäiskoulu'.cost_overrun_pct"
distribution = "pert"
min = 15
mode = 15
max = 15
"#,
    );
    let ds = ingest::read_path(&example()).unwrap();
    let pi = kivijalka::config::load_index(&[]).unwrap();
    let t = Targets::default();
    let sim = simulate(&ds, &sc, &pi, &t, Options::default(), 12, 7, 2).unwrap();
    // The forecast of the same file (what `forecast` prints).
    let p = project(&ds, &sc, &pi, Options::default()).unwrap();
    let ev = evaluate(&p.dataset, &t, &p.price_index);
    assert_eq!(sim.cells.len(), 50);
    for c in &sim.cells {
        let v = ev
            .values
            .iter()
            .find(|v| v.indicator == c.indicator && v.year == c.year)
            .unwrap();
        assert_eq!(c.deterministic, v.value, "{} {}", c.indicator, c.year);
        assert_eq!(c.deterministic_status, v.status);
        for q in c.percentiles {
            assert_eq!(
                q,
                v.value
                    .filter(|_| v.status != Status::NotMeasurable)
                    .map(kivijalka::model::money::to_f64),
                "{} {}",
                c.indicator,
                c.year
            );
        }
        let expect = if v.status == Status::Met { 1.0 } else { 0.0 };
        assert_eq!(c.p_met, expect, "{} {}", c.indicator, c.year);
    }
}

/// The standard normal CDF (Abramowitz–Stegun 7.1.26 via erf), for the test.
fn phi(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.3275911 * x.abs() / 2f64.sqrt());
    let y = 1.0
        - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
            + 0.254829592)
            * t
            * (-(x * x / 2.0)).exp();
    if x >= 0.0 {
        (1.0 + y) / 2.0
    } else {
        (1.0 - y) / 2.0
    }
}

#[test]
fn the_probability_converges_to_the_analytic_one() {
    // Earnings growth ~ N(3, 15) drawn afresh each year. Indicator 1 in 2030,
    // the first year beyond the plan, is linear in that year's growth (no new
    // loans are needed there), so it holds when growth ≥ g*, found from two
    // deterministic runs, with probability 1 − Φ((g* − 3) / 15).
    let ds = ingest::read_path(&example()).unwrap();
    let pi = kivijalka::config::load_index(&[]).unwrap();
    let t = Targets::default();
    let opts = Options {
        base_year: None,
        horizon: Some(2030),
    };
    let base = scenario_text("sim-conv", "horizon = 2030\n");
    let at = |g: Decimal| -> f64 {
        let mut s = base.clone();
        s.tax.earnings_growth_pct = kivijalka::model::scenario::Path::constant(g);
        let p = project(&ds, &s, &pi, opts).unwrap();
        let ev = evaluate(&p.dataset, &t, &p.price_index);
        ev.values
            .iter()
            .find(|v| v.indicator == 1 && v.year == 2030)
            .unwrap()
            .value
            .unwrap()
            .to_f64()
            .unwrap()
    };
    let (a, b) = (at(Decimal::ZERO), at(Decimal::from(6)));
    let g_star = -a * 6.0 / (b - a);
    let analytic = 1.0 - phi((g_star - 3.0) / 15.0);
    let sc = scenario_text(
        "sim-conv2",
        "horizon = 2030\n[[uncertainty]]\ndriver = \"tax.earnings_growth_pct\"\ndistribution = \"normal\"\nmean = 3\nsd = 15\n",
    );
    let n = 2000;
    let sim = simulate(&ds, &sc, &pi, &t, opts, n, 11, 2).unwrap();
    let c = sim
        .cells
        .iter()
        .find(|c| c.indicator == 1 && c.year == 2030)
        .unwrap();
    let se = (analytic * (1.0 - analytic) / n as f64).sqrt();
    println!(
        "indicator 1 in 2030 holds: simulated {:.4}, analytic {:.4} (g* = {g_star:.3} %), tolerance 4 × {se:.4}",
        c.p_met, analytic
    );
    assert!(
        (c.p_met - analytic).abs() <= 4.0 * se,
        "{} vs {analytic}",
        c.p_met
    );
    // The median of a symmetric driver sits at the deterministic value.
    let median = c.percentiles[2].unwrap();
    let det = c.deterministic.unwrap().to_f64().unwrap();
    assert!(
        (median - det).abs() / det.abs() < 0.1,
        "median {median} vs {det}"
    );
}

#[test]
fn same_seed_same_numbers_whatever_the_threads() {
    let dir = tempdir("sim-threads");
    let mut outs = Vec::new();
    for jobs in ["1", "3"] {
        let out = dir.join(format!("sim{jobs}.json"));
        let o = run(&[
            "simulate",
            "data/kivikoski.xlsx",
            "--scenario",
            "scenarios/uncertain.toml",
            "--paths",
            "40",
            "--seed",
            "5",
            "--horizon",
            "2032",
            "--jobs",
            jobs,
            "--format",
            "json",
            "--out",
            path_str(&out),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        outs.push(std::fs::read(&out).unwrap());
    }
    assert_eq!(outs[0], outs[1]);
    let text = String::from_utf8(outs[0].clone()).unwrap();
    assert!(text.contains("\"seed\": 5") && text.contains("\"paths\": 40"));
    let o = run(&[
        "sensitivity",
        "data/kivikoski.xlsx",
        "--scenario",
        "scenarios/uncertain.toml",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn sensitivity_names_the_driver_that_moves_a_target_most() {
    let ds = ingest::read_path(&example()).unwrap();
    let pi = kivijalka::config::load_index(&[]).unwrap();
    let sc = scenario_file::load(&root().join("scenarios/uncertain.toml")).unwrap();
    let swings = sensitivity(&ds, &sc, &pi, &Targets::default(), Options::default()).unwrap();
    // The accumulated surplus by 2035 moves most with earnings (a 3 ± 2.5
    // point range every year compounds), not with the school's overrun.
    let first2 = swings.iter().find(|s| s.indicator == 2).unwrap();
    assert_eq!(first2.driver, "tax.earnings_growth_pct");
    let school = swings
        .iter()
        .find(|s| s.indicator == 1 && s.driver.contains("yhtenäiskoulu"))
        .unwrap();
    // 0 % and 30 % are not the 5th and 95th percentiles of PERT(0, 10, 30).
    assert!(school.low > 0.0 && school.high < 30.0, "{school:?}");
}

#[test]
fn bad_distributions_are_named() {
    let dir = tempdir("sim-bad");
    std::fs::copy(
        root().join("scenarios/baseline.toml"),
        dir.join("baseline.toml"),
    )
    .unwrap();
    let cases = [
        (
            "sd.toml",
            "[[uncertainty]]\ndriver = \"tax.earnings_growth_pct\"\ndistribution = \"normal\"\nmean = 3\nsd = -1\n",
            "line 2: uncertainty 'tax.earnings_growth_pct': sd -1 is negative",
        ),
        (
            "minmax.toml",
            "[[uncertainty]]\ndriver = \"operations.cost_real_growth_pct\"\ndistribution = \"triangular\"\nmin = 2\nmode = 1\nmax = 0\n",
            "min 2 is greater than max 0",
        ),
        (
            "mode.toml",
            "[[uncertainty]]\ndriver = \"operations.cost_real_growth_pct\"\ndistribution = \"pert\"\nmin = 0\nmode = 5\nmax = 1\n",
            "the most likely value 5 is not between",
        ),
        (
            "driver.toml",
            "[[uncertainty]]\ndriver = \"weather\"\ndistribution = \"normal\"\nmean = 0\nsd = 1\n",
            "'weather' is not a driver that can be uncertain",
        ),
        (
            "dist.toml",
            "[[uncertainty]]\ndriver = \"tax.earnings_growth_pct\"\ndistribution = \"cauchy\"\n",
            "'cauchy' is not normal, lognormal",
        ),
        (
            "missing.toml",
            "[[uncertainty]]\ndriver = \"tax.earnings_growth_pct\"\ndistribution = \"normal\"\nmean = 3\n",
            "'sd' is missing",
        ),
        (
            "persist.toml",
            "[[uncertainty]]\ndriver = \"tax.earnings_growth_pct\"\ndistribution = \"normal\"\nmean = 3\nsd = 1\npersistence = 2\n",
            "persistence: must be between 0 and 1",
        ),
        (
            "rho.toml",
            "[[uncertainty]]\ndriver = \"tax.earnings_growth_pct\"\ndistribution = \"normal\"\nmean = 3\nsd = 1\n[[correlation]]\na = \"tax.earnings_growth_pct\"\nb = \"tax.employment_growth_pct\"\nrho = 1.5\n",
            "correlation[1].rho: 1.5 is outside",
        ),
        (
            "shift.toml",
            "[[uncertainty]]\ndriver = \"loans.interest_shift_pp\"\ndistribution = \"normal\"\nmean = 1\nsd = 1\n",
            "an interest shift is drawn around 0",
        ),
        (
            "project.toml",
            "[[uncertainty]]\ndriver = \"investments.project 'Uimahalli'.cost_overrun_pct\"\ndistribution = \"uniform\"\nmin = 0\nmax = 20\n",
            "there is no project 'Uimahalli'",
        ),
        (
            "pd.toml",
            "[[uncertainty]]\ndriver = \"tax.earnings_growth_pct\"\ndistribution = \"normal\"\nmean = 3\nsd = 1\n[[uncertainty]]\ndriver = \"tax.employment_growth_pct\"\ndistribution = \"normal\"\nmean = 0\nsd = 1\n[[uncertainty]]\ndriver = \"population.growth_pct\"\ndistribution = \"normal\"\nmean = 0\nsd = 1\n[[correlation]]\na = \"tax.earnings_growth_pct\"\nb = \"tax.employment_growth_pct\"\nrho = 0.9\n[[correlation]]\na = \"tax.earnings_growth_pct\"\nb = \"population.growth_pct\"\nrho = 0.9\n[[correlation]]\na = \"tax.employment_growth_pct\"\nb = \"population.growth_pct\"\nrho = -0.9\n",
            "contradict each other",
        ),
        (
            // Student's t with df 0.05 reaches ±7e7 % at the quantiles'
            // ends: the cost times that overflowed a figure and panicked.
            "heavy.toml",
            "[[uncertainty]]\ndriver = \"investments.project 'Kivikosken yhtenäiskoulu'.cost_overrun_pct\"\ndistribution = \"student_t\"\nlocation = 0\nscale = 1\ndf = 0.05\n",
            "beyond the bound of ±100000 % on an overrun",
        ),
    ];
    for (name, text, expected) in cases {
        let p = dir.join(name);
        std::fs::write(&p, format!("extends = \"baseline.toml\"\n{text}")).unwrap();
        let o = run_en(&[
            "simulate",
            "data/kivikoski.xlsx",
            "--scenario",
            path_str(&p),
            "--paths",
            "5",
        ]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let err = stderr(&o);
        assert!(
            err.contains(name) && err.contains(expected),
            "{name}: {err}"
        );
    }
    let o = run_en(&[
        "simulate",
        "data/kivikoski.xlsx",
        "--scenario",
        "scenarios/baseline.toml",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no [[uncertainty]] entries"));
}

#[test]
fn a_target_that_cannot_be_measured_says_why() {
    use crate::support::make_example::{self, Style};
    // The city's budget and plan, but no group: indicator 4 has nothing to
    // stand on in any year.
    let dir = tempdir("sim-no-group");
    let mut figures = make_example::derive(&root().join("data/kivikoski"));
    figures.retain(|(e, id, _), _| *e == "city" && !id.starts_with("bg.konsernin"));
    let path = dir.join("no_group.xlsx");
    make_example::write(&figures, Style::default(), &path);
    let o = run(&[
        "simulate",
        path_str(&path),
        "--scenario",
        "scenarios/uncertain.toml",
        "--paths",
        "20",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = crate::support::stdout(&o);
    assert!(
        text.contains(
            "– 2026–2035: ei mitattavissa (ei konsernitasetta eikä konsernin lainakannan arviota vuodelta 2026–2035"
        ),
        "{text}"
    );
    // Said once for all the years, and the other targets are measurable.
    assert_eq!(text.matches("ei mitattavissa").count(), 1, "{text}");
    assert!(text.contains("1 Vuosikate − nettoinvestoinnit"));
}

/// The compounding check a simulation makes once: with the property tax
/// drawn uniformly from 0 to 30 % a year, the worst path grows it 1.30^78 =
/// 7.7e8-fold in 78 years, within a billion; from 0 to 31 %, 1.31^78 =
/// 1.4e9-fold, beyond it, so the paths are checked one by one.
#[test]
fn the_compounding_bound_is_the_worst_path() {
    use kivijalka::model::price_index::PriceIndex;
    use kivijalka::model::uncertainty::{compounding_bounded, touched};
    let years: Vec<i32> = (2027..2027 + 78).collect();
    let bounded = |max: u32| {
        let sc = scenario_text(
            &format!("sim-bound-{max}"),
            &format!(
                "[[uncertainty]]\ndriver = \"tax.property_growth_pct\"\ndistribution = \"uniform\"\nmin = 0\nmax = {max}\n"
            ),
        );
        let t = touched(&sc.uncertainty);
        compounding_bounded(
            &sc,
            &sc.uncertainty,
            &years,
            &PriceIndex::default(),
            &t.growths,
        )
    };
    assert!(bounded(30));
    assert!(!bounded(31));
}

/// A drawn path that fails is named as a full forecast of the same draws
/// fails: the first such path, with the same message. The population
/// drawn once a path from 10 to 40 % a year is no bounded draw (1.4^66 is
/// past a billion), so each path's drivers are checked again, and the
/// central 25 % passes.
#[test]
fn a_failing_path_is_named_as_its_forecast_would_fail() {
    use kivijalka::model::uncertainty::{Rng, apply, cholesky, draw};
    let ds = ingest::read_path(&example()).unwrap();
    let sc = scenario_text(
        "sim-compound-path",
        "horizon = 2090\n[[uncertainty]]\ndriver = \"population.growth_pct\"\ndistribution = \"uniform\"\nmin = 10\nmax = 40\npersistence = 1\n",
    );
    let pi = kivijalka::model::price_index::PriceIndex::default();
    let targets = Targets::default();
    let (seed, paths) = (3, 40);
    let got = simulate(&ds, &sc, &pi, &targets, Options::default(), paths, seed, 1)
        .expect_err("a path fails");
    let base = project(&ds, &sc, &pi, Options::default())
        .unwrap()
        .base_year;
    let years: Vec<i32> = (base + 1..=2090).collect();
    let u = &sc.uncertainty;
    let chol = cholesky(u).unwrap();
    let expected = (0..paths)
        .find_map(|p| {
            let values = draw(u, &chol, &years, &mut Rng::for_path(seed, p));
            let s = apply(&sc, u, &years, &values);
            project(&ds, &s, &pi, Options::default())
                .err()
                .map(|e| (p, e))
        })
        .expect("a forecast of some path's draws fails");
    let kivijalka::model::projection::ProjectionError::Scenario(e) = expected.1 else {
        panic!("not a scenario error");
    };
    let kivijalka::model::projection::ProjectionError::Scenario(g) = got else {
        panic!("not a scenario error");
    };
    assert_eq!(
        g.message.en,
        format!(
            "in simulated path {} (seed {seed}), with the uncertain drivers drawn: {}",
            expected.0 + 1,
            e.message.en
        )
    );
    assert_eq!(
        g.message.fi,
        format!(
            "simuloidulla polulla {} (siemen {seed}), epävarmat tekijät arvottuina: {}",
            expected.0 + 1,
            e.message.fi
        )
    );
}

/// A worker keeps its first path's drivers and derives again only what a
/// path's draws touch: with earnings and employment drawn, the taxes but
/// not the subsidies, unless an equalisation makes the subsidies follow
/// the taxes. Every path's rows are those of a projection made afresh from
/// the path's drawn scenario, with and without the equalisation.
#[test]
fn kept_drivers_give_each_path_the_rows_made_afresh() {
    use kivijalka::model::projection::{Figures, Paths, rows_with};
    use kivijalka::model::scenario::Path;
    use kivijalka::model::uncertainty::{Rng, apply, cholesky, draw, touched};

    let ds = ingest::read_path(&example()).unwrap();
    let pi = kivijalka::config::load_index(&[]).unwrap();
    let figures = Figures::new(&ds);
    let uncertain = scenario_file::load(&root().join("scenarios/uncertain.toml")).unwrap();
    let mut equalised = uncertain.clone();
    equalised.subsidies.equalisation = Some(Path::constant(Decimal::from(2_000_000)));
    for sc in [&uncertain, &equalised] {
        let u = &sc.uncertainty;
        let t = touched(u);
        assert!(!t.subsidies, "no driver of the subsidies' own is drawn");
        let chol = cholesky(u).unwrap();
        let base = project(&ds, sc, &pi, Options::default()).unwrap().base_year;
        let years: Vec<i32> = (base + 1..=2035).collect();
        let mut paths = Paths::new(&ds, sc, &pi, Options::default(), &figures, &t);
        for p in 0..6 {
            let values = draw(u, &chol, &years, &mut Rng::for_path(3, p));
            let s = apply(sc, u, &years, &values);
            let kept = serde_json::to_string(paths.rows(&s).unwrap().0).unwrap();
            let fresh = rows_with(&ds, &s, &pi, Options::default(), &figures).unwrap();
            assert_eq!(
                kept,
                serde_json::to_string(&fresh.rows).unwrap(),
                "path {p}"
            );
        }
    }
}
