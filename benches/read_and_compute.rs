//! `cargo bench`: reading the example workbook, and computing everything for
//! one municipality. A plain timer (no harness) keeps the build light; it
//! prints the median and the fastest of repeated runs.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use kivijalka::config;
use kivijalka::ingest::read_path;
use kivijalka::model::projection::{Options, project};
use kivijalka::model::simulate::simulate;
use kivijalka::model::solve::{Goal, Lever, LeverSpec, solve};
use kivijalka::model::{indicators, ratios, targets::Targets, validate};
use kivijalka::scenario_file;

fn time(name: &str, runs: usize, mut f: impl FnMut()) {
    f();
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    t.sort();
    println!(
        "{name:<45} median {:>9.3} ms   fastest {:>9.3} ms   ({runs} runs)",
        t[runs / 2].as_secs_f64() * 1e3,
        t[0].as_secs_f64() * 1e3
    );
}

fn main() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/kivikoski.xlsx");
    let targets = Targets::default();
    let index = config::load_index(&[]).unwrap();
    time("read example workbook (xlsx, 7 sheets)", 50, || {
        black_box(read_path(&path).unwrap());
    });
    let ds = read_path(&path).unwrap();
    time("validate identities (11 years, city + group)", 200, || {
        black_box(validate::validate(&ds));
    });
    time("five indicators (11 years)", 200, || {
        black_box(indicators::evaluate(&ds, &targets, &index));
    });
    time("key ratios (11 years, city + group)", 200, || {
        black_box(ratios::compute_ratios(&ds, &targets));
    });
    time("read + validate + indicators + ratios", 50, || {
        let ds = read_path(&path).unwrap();
        black_box(validate::validate(&ds));
        black_box(indicators::evaluate(&ds, &targets, &index));
        black_box(ratios::compute_ratios(&ds, &targets));
    });

    let scenarios = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let sc = scenario_file::load(&scenarios.join("baseline.toml")).unwrap();
    let one_year = Options {
        base_year: None,
        horizon: Some(2026),
    };
    // One year made by the drivers (not taken from the plan).
    let drivers = kivijalka::model::scenario::Scenario {
        plan_follow_until: Some(2025),
        ..Default::default()
    };
    time("projection, one municipality-year", 500, || {
        black_box(project(&ds, &drivers, &index, one_year).unwrap());
    });
    time("forecast: projection 2026-2035 + indicators", 200, || {
        let p = project(&ds, &sc, &index, Options::default()).unwrap();
        black_box(indicators::evaluate(&p.dataset, &targets, &p.price_index));
    });
    let shock = scenario_file::load(&scenarios.join("interest_shock.toml")).unwrap();
    let goal = Goal {
        from: Some(2027),
        by: None,
        indicators: vec![1, 2, 4, 5],
    };
    time(
        "solve: savings for targets 1, 2, 4, 5 (2027-2035)",
        20,
        || {
            let spec = [LeverSpec {
                lever: Lever::Savings,
                bound: None,
            }];
            black_box(
                solve(
                    &ds,
                    &shock,
                    &index,
                    &targets,
                    Options::default(),
                    &spec,
                    &goal,
                )
                .unwrap(),
            );
        },
    );
    let uncertain = scenario_file::load(&scenarios.join("uncertain.toml")).unwrap();
    // The measure: 10 000 paths over ten years on one core.
    time("simulate: 10 000 paths 2026-2035, one thread", 5, || {
        black_box(
            simulate(
                &ds,
                &uncertain,
                &index,
                &targets,
                Options::default(),
                10_000,
                1,
                1,
            )
            .unwrap(),
        );
    });
}
