//! Kuntalaki 110 § and 118 § beyond the statements: the group's figures of
//! projected years estimated from the city's (computed here by hand from
//! the example's lines and the projection's), marked as estimates in every
//! format.

use std::str::FromStr;

use kivijalka::config::Settings;
use kivijalka::model::dataset::{Dataset, Entity};
use kivijalka::model::projection::Options;
use kivijalka::model::ratios::Ctx;
use kivijalka::model::statutory::Rules;
use rust_decimal::Decimal;
use serde_json::Value;

use crate::statutory_cmd::criterion;

use crate::support::{example, path_str, root, run, stderr, stdout, tempdir};

fn line(ds: &Dataset, e: Entity, id: &str, y: i32) -> Decimal {
    ds.total(e, id, y).unwrap_or_else(|| panic!("{id} {y}"))
}

fn acc(ds: &Dataset, e: Entity, y: i32) -> Decimal {
    line(ds, e, "ta.edellisten_ylijaama", y) + line(ds, e, "ta.tilikauden_ylijaama", y)
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().unwrap()).unwrap()
}

/// The example projected under the baseline to 2032.
fn projected() -> Dataset {
    projected_to(2032)
}

fn projected_to(horizon: i32) -> Dataset {
    let ds = kivijalka::ingest::read_path(&example()).unwrap();
    let sc = kivijalka::app::scenarios::one(Some(&root().join("scenarios/baseline.toml"))).unwrap();
    let settings = Settings::load(None, &[]).unwrap();
    let opts = Options {
        base_year: None,
        horizon: Some(horizon),
    };
    kivijalka::app::project::project(&settings, &ds, &sc, opts)
        .unwrap()
        .0
        .dataset
}

#[test]
fn projected_years_take_the_city_plus_the_groups_part_of_2025() {
    let ds = kivijalka::ingest::read_path(&example()).unwrap();
    let p = projected();
    let dir = tempdir("statutory-projected");
    // National figures for 2031 only (chosen for the test, not published):
    // 2032 stays not measurable, the rule book lacking its averages.
    let rules = dir.join("rules.toml");
    std::fs::write(
        &rules,
        "format = 1\n[[national]]\nyear = 2031\nweighted_income_tax_rate_pct = 7\n\
         group_loans_and_leases_per_resident_eur = 3000\nsource = \"test\"\n",
    )
    .unwrap();
    let sc = root().join("scenarios/baseline.toml");
    let o = run(&[
        "statutory",
        path_str(&example()),
        "--scenario",
        path_str(&sc),
        "--horizon",
        "2032",
        "--rules",
        path_str(&rules),
        "--format",
        "json",
    ]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let (c, g) = (Entity::City, Entity::Group);
    // The group's part beyond the city in 2025, the last group statements:
    // its vuosikate and poistot held, its korkokulut in proportion to the
    // companies' loans (group − city), the extra interest off its margin,
    // and its accumulated surplus rolled on by its result each year.
    let part = |id: &str| line(&ds, g, id, 2025).abs() - line(&ds, c, id, 2025).abs();
    let targets = kivijalka::model::targets::Targets::default();
    let (cx, px) = (Ctx::quiet(&ds, &targets), Ctx::quiet(&p, &targets));
    let companies = |x: &Ctx, y| x.group_loans(y).unwrap().0 - x.lainakanta(c, y).unwrap();
    let companies25 = companies(&cx, 2025);
    let vk25 = line(&ds, g, "tl.vuosikate", 2025) - line(&ds, c, "tl.vuosikate", 2025);
    let (dep25, int25) = (
        part("tl.poistot_ja_arvonalentumiset"),
        part("tl.korkokulut"),
    );
    let mut acc_part = acc(&ds, g, 2025) - acc(&ds, c, 2025);
    for y in 2026..=2031 {
        let int_part = int25 * companies(&px, y) / companies25;
        let vk_part = vk25 - (int_part - int25);
        acc_part += vk_part - dep25;
        if y < 2030 {
            continue;
        }
        let pop = line(&p, c, "bg.asukasluku", y);
        let vk = line(&p, c, "tl.vuosikate", y) + vk_part;
        let dep = line(&p, c, "tl.poistot_ja_arvonalentumiset", y).abs() + dep25;
        let int = line(&p, c, "tl.korkokulut", y).abs() + int_part;
        let loans = line(&p, c, "bg.konsernin_lainakanta", y);
        let deficit = -(acc(&p, c, y) + acc_part) / pop;
        let k = |kind| criterion(&doc, y as i64, kind);
        assert_eq!(dec(&k("deficit_per_resident")["value"]), deficit, "{y}");
        assert_eq!(
            dec(&k("margin_to_depreciation")["value"]),
            vk * Decimal::ONE_HUNDRED / dep,
            "{y}"
        );
        assert_eq!(
            dec(&k("debt_service")["value"]),
            (vk + int) / (int + loans / Decimal::from(8)),
            "{y}"
        );
        // Every figure of the year says it is an estimate, and from when.
        for kind in [
            "deficit_per_resident",
            "margin_to_depreciation",
            "debt_service",
        ] {
            let e = k(kind)["estimate"].as_str().unwrap_or_default();
            assert!(
                e.contains("estimate") && e.contains("2025"),
                "{y} {kind}: {e}"
            );
        }
    }
    // The tax rate from the projection's rate path, against 2031's average.
    let rate = line(&p, c, "bg.tuloveroprosentti", 2031);
    let tax = criterion(&doc, 2031, "tax_rate_above_average");
    assert_eq!(dec(&tax["value"]), rate - Decimal::from(7));
    let leases = line(&p, c, "bg.konsernin_vuokravastuut", 2031);
    let loans = line(&p, c, "bg.konsernin_lainakanta", 2031);
    let pop = line(&p, c, "bg.asukasluku", 2031);
    assert_eq!(
        dec(&criterion(&doc, 2031, "loans_to_average")["value"]),
        (loans + leases) / pop * Decimal::ONE_HUNDRED / Decimal::from(3000)
    );
    // Beyond the averages given: not measurable, naming the year.
    let t32 = criterion(&doc, 2032, "tax_rate_above_average");
    assert_eq!(t32["status"], "not_measurable");
    assert!(t32["reason"].as_str().unwrap().contains("2032"), "{t32}");
    // The workbook's own group years are not estimates.
    assert!(criterion(&doc, 2025, "margin_to_depreciation")["estimate"].is_null());
    // The table says so too, in both languages.
    for (lang, word) in [("fi", "arvio:"), ("en", "estimate:")] {
        let t = stdout(&run(&[
            "statutory",
            path_str(&example()),
            "--scenario",
            path_str(&sc),
            "--horizon",
            "2032",
            "--lang",
            lang,
        ]));
        assert!(t.contains(word), "{t}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    // Without a scenario the workbook's plan years stay without group
    // figures: nothing is estimated.
    let st = kivijalka::model::statutory::evaluate(&Rules::builtin().unwrap(), &ds, &[]);
    assert!(st.estimated.is_empty());
}

/// The cells of the report's 118 § table row of `year`, unescaped.
fn html_row(section: &str, year: i64) -> Vec<String> {
    let body = &section[section.rfind("<tbody>").unwrap()..];
    let start = body
        .find(&format!("<tr><td>{year}</td>"))
        .unwrap_or_else(|| panic!("no row {year}"));
    let row = &body[start..start + body[start..].find("</tr>").unwrap()];
    row.split("<td")
        .skip(1)
        .map(|c| {
            let c = &c[c.find('>').unwrap() + 1..c.find("</td>").unwrap()];
            c.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

fn mark(status: &Value) -> &'static str {
    match status.as_str().unwrap() {
        "met" => "✗",
        "not_met" => "✓",
        _ => "–",
    }
}

/// The report's section shows what `statutory --format json` computes:
/// each criterion's value as the table rounds it with its mark, each
/// ground's status and the year the procedure may start, with a scenario
/// (the projected years estimated) and without; the Excel sheet holds the
/// same cells.
#[test]
fn the_reports_section_shows_the_statutory_commands_figures() {
    use kivijalka::report::format::{Lang, number};
    let dir = tempdir("statutory-report");
    let sc = root().join("scenarios/baseline.toml");
    let with = ["--scenario", path_str(&sc)];
    let wb = example();
    for extra in [&with[..], &[][..]] {
        let mut args = vec!["statutory", path_str(&wb), "--format", "json"];
        args.extend(extra);
        let o = run(&args);
        let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
        let html = dir.join("r.html");
        let xlsx = dir.join("r.xlsx");
        for out in [&html, &xlsx] {
            let mut args = vec!["report", path_str(&wb), "--out", path_str(out)];
            args.extend(extra);
            let o = run(&args);
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        }
        let page = std::fs::read_to_string(&html).unwrap();
        let section = &page[page.find("<section id=\"statutory\">").unwrap()..];
        let section = &section[..section.find("</section>").unwrap()];
        let mut book = calamine::open_workbook_auto(&xlsx).unwrap();
        use calamine::Reader;
        let sheet = book.worksheet_range("Kuntalaki 110 § ja 118 §").unwrap();
        let sheet_rows: Vec<Vec<String>> = sheet
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        let kinds = [
            ("deficit_per_resident", 0),
            ("margin_to_depreciation", 1),
            ("tax_rate_above_average", 1),
            ("loans_to_average", 1),
            ("debt_service", 2),
        ];
        let assessed = doc["section_118"].as_array().unwrap();
        for a in assessed {
            let y = a["year"].as_i64().unwrap();
            let cells = html_row(section, y);
            for (i, (kind, decimals)) in kinds.iter().enumerate() {
                let Some(c) = a["deficit"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .chain(a["figures"].as_array().unwrap())
                    .find(|c| c["criterion"] == *kind && c["year"] == y)
                else {
                    continue;
                };
                let cell = &cells[i + 2];
                if c["value"].is_null() {
                    assert!(cell.starts_with('–'), "{y} {kind}: {cell}");
                    continue;
                }
                // The deficit shows with the balance sheet's sign.
                let v = if *kind == "deficit_per_resident" {
                    dec(&c["accumulated_surplus_per_resident"])
                } else {
                    dec(&c["value"])
                };
                let want = format!("{} {}", number(v, *decimals, Lang::Fi), mark(&c["status"]));
                assert_eq!(cell, &want, "{y} {kind}");
            }
            for (i, g) in ["ground_deadline", "ground_deficit", "ground_figures"]
                .iter()
                .enumerate()
            {
                assert!(cells[7 + i].starts_with(mark(&a[*g]["status"])), "{y} {g}");
            }
            match a["procedure_may_start"].as_i64() {
                Some(s) => assert_eq!(cells[10], format!("✗ {s}")),
                None => assert!(!cells[10].starts_with('✗'), "{y}"),
            }
            // The Excel sheet holds the same row, its figures as numbers.
            let as_excel = |cell: &String| {
                let plain: String = (cell.trim_end_matches(['✓', '✗']).trim_end().chars())
                    .filter(|c| *c != ' ')
                    .map(|c| match c {
                        ',' => '.',
                        '−' => '-',
                        c => c,
                    })
                    .collect();
                plain.parse::<f64>().map_or(cell.clone(), |v| v.to_string())
            };
            let want: Vec<String> = cells[2..].iter().map(as_excel).collect();
            assert!(
                sheet_rows.iter().any(|r| r.len() >= cells.len()
                    && r[0] == y.to_string()
                    && r[2..cells.len()] == want[..]),
                "{y}: {want:?}"
            );
        }
        // 110 §: each year's accumulated surplus as the table rounds it.
        for r in doc["section_110"]["years"].as_array().unwrap() {
            let v = dec(&r["accumulated_surplus"]);
            let want = format!("<td>{}", number(v, 0, Lang::Fi));
            assert!(section.contains(&want), "{want}");
        }
        // With the scenario the projected years are marked as estimates.
        assert_eq!(section.contains("arvio:"), !extra.is_empty());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The uncertain scenario with operating income lower by `cut` € a year
/// from 2026 (none when zero).
fn uncertain_with_cut(dir: &std::path::Path, cut: i64) -> kivijalka::model::scenario::Scenario {
    for f in ["baseline.toml", "uncertain.toml"] {
        std::fs::copy(root().join("scenarios").join(f), dir.join(f)).unwrap();
    }
    let path = dir.join(format!("cut{cut}.toml"));
    let mut text = String::from("extends = \"uncertain.toml\"\n");
    if cut != 0 {
        text += &format!("[[operations.income_change]]\nfrom = 2026\nto = 2035\namount = -{cut}\n");
    }
    std::fs::write(&path, text).unwrap();
    kivijalka::scenario_file::load(&path).unwrap()
}

/// Counts by year made path by path the long way: each path's draws
/// applied to the scenario, the full forecast made, and `statutory`'s own
/// adapter run on its statements.
fn counted(
    ds: &Dataset,
    sc: &kivijalka::model::scenario::Scenario,
    paths: u64,
    seed: u64,
) -> Vec<(i32, u64, u64, u64)> {
    use kivijalka::model::statutory::Status;
    use kivijalka::model::uncertainty::{Rng, apply, cholesky, draw};
    let pi = kivijalka::config::load_index(&[]).unwrap();
    let opts = Options::default();
    let probe = kivijalka::model::projection::project(ds, sc, &pi, opts).unwrap();
    let years: Vec<i32> = (probe.base_year + 1..=probe.horizon).collect();
    let u = &sc.uncertainty;
    let chol = cholesky(u).unwrap();
    let rules = Rules::builtin().unwrap();
    let mut out: Vec<(i32, u64, u64, u64)> = years.iter().map(|y| (*y, 0, 0, 0)).collect();
    for p in 0..paths {
        let values = draw(u, &chol, &years, &mut Rng::for_path(seed, p));
        let s = apply(sc, u, &years, &values);
        let proj = kivijalka::model::projection::project(ds, &s, &pi, opts).unwrap();
        let st = kivijalka::model::statutory::evaluate_projected(&rules, &proj.dataset, &[]);
        let flagged = st.deficits.flagged_years();
        for e in out.iter_mut() {
            let a = st.assessments.iter().find(|a| a.year == e.0).unwrap();
            e.1 += flagged.contains(&e.0) as u64;
            e.2 += (a.any == Status::Met) as u64;
            e.3 += matches!(a.any, Status::NotMeasurable(_)) as u64;
        }
    }
    out
}

fn simulated(
    ds: &Dataset,
    sc: &kivijalka::model::scenario::Scenario,
    paths: u64,
    seed: u64,
) -> Vec<(i32, u64, u64, u64)> {
    let pi = kivijalka::config::load_index(&[]).unwrap();
    let t = kivijalka::model::targets::Targets::default();
    let sim =
        kivijalka::model::simulate::simulate(ds, sc, &pi, &t, Options::default(), paths, seed, 2)
            .unwrap();
    let n = |p: f64| (p * paths as f64).round() as u64;
    sim.statutory
        .iter()
        .map(|l| {
            (
                l.year,
                n(l.p_deadline_missed),
                n(l.p_ground_met),
                n(l.p_ground_undecided),
            )
        })
        .collect()
}

/// Simulate's 110 § and 118 § shares: none of the uncertain scenario's
/// paths misses a deadline; with operating income 40 M€ a year lower every
/// path does from the deficit's deadline on; with 12 M€ some paths do, and
/// the counts by year equal those made path by path through `statutory`'s
/// adapter on each path's full forecast.
#[test]
fn simulated_paths_miss_the_deadline_none_all_or_some() {
    let ds = kivijalka::ingest::read_path(&example()).unwrap();
    let dir = tempdir("statutory-sim");
    let none = simulated(&ds, &uncertain_with_cut(&dir, 0), 100, 1);
    assert_eq!(none.len(), 10);
    assert!(none.iter().all(|e| e.1 == 0), "{none:?}");

    let all = simulated(&ds, &uncertain_with_cut(&dir, 40_000_000), 100, 1);
    let missed: Vec<i32> = all.iter().filter(|e| e.1 > 0).map(|e| e.0).collect();
    assert!(!missed.is_empty());
    // From the first year missed on, every path, every year.
    assert!(
        all.iter().filter(|e| e.0 >= missed[0]).all(|e| e.1 == 100),
        "{all:?}"
    );

    let sc = uncertain_with_cut(&dir, 12_000_000);
    let (paths, seed) = (120, 5);
    let got = simulated(&ds, &sc, paths, seed);
    assert_eq!(got, counted(&ds, &sc, paths, seed));
    // Some paths miss and some do not in some year; some ground is undecided.
    assert!(got.iter().any(|e| e.1 > 0 && e.1 < paths), "{got:?}");
    assert!(got.iter().any(|e| e.3 > 0 && e.3 < paths), "{got:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `solve --statutory` on a scenario that meets a 118 § ground without a
/// move (operating income 12 M€ a year lower: the group's deficit passes
/// 1 000 €/resident): the savings found keep every year of the span clear
/// of a missed deadline and of a ground met, checked again through
/// `statutory`'s adapter, and one step less does not.
#[test]
fn solve_statutory_finds_the_smallest_savings_that_keep_the_law() {
    use kivijalka::model::solve::{Goal, Lever, LeverSpec, apply, solve_with};
    use kivijalka::model::statutory::Status;
    let ds = kivijalka::ingest::read_path(&example()).unwrap();
    let dir = tempdir("statutory-solve");
    std::fs::copy(
        root().join("scenarios/baseline.toml"),
        dir.join("baseline.toml"),
    )
    .unwrap();
    let path = dir.join("cut.toml");
    std::fs::write(
        &path,
        "extends = \"baseline.toml\"\n[[operations.income_change]]\nfrom = 2026\nto = 2035\namount = -12000000\n",
    )
    .unwrap();
    let sc = kivijalka::scenario_file::load(&path).unwrap();
    let pi = kivijalka::config::load_index(&[]).unwrap();
    let targets = kivijalka::model::targets::Targets::default();
    let rules = Rules::builtin().unwrap();
    let opts = Options::default();
    let goal = Goal {
        from: None,
        by: None,
        indicators: vec![],
    };
    let spec = [LeverSpec {
        lever: Lever::Savings,
        bound: None,
    }];
    let sol = solve_with(&ds, &sc, &pi, &targets, opts, &spec, &goal, Some(&rules)).unwrap();
    let law = sol.statutory.clone().unwrap();
    assert!(
        !law.before.is_empty(),
        "the scenario must fail without a move"
    );
    assert!(sol.indicators.is_empty());
    let v = sol.found.as_ref().unwrap()[0].value;
    assert!(v > Decimal::ZERO);
    let fails = |value: Decimal| {
        let s = apply(&sc, &[(Lever::Savings, value)], sol.from);
        let p = kivijalka::model::projection::project(&ds, &s, &pi, opts).unwrap();
        let st = kivijalka::model::statutory::evaluate_projected(&rules, &p.dataset, &[]);
        let span = sol.from..=sol.by;
        st.deficits.flagged_years().iter().any(|y| span.contains(y))
            || st
                .assessments
                .iter()
                .any(|a| span.contains(&a.year) && a.any == Status::Met)
    };
    assert!(fails(Decimal::ZERO));
    assert!(!fails(v), "at {v}");
    assert!(fails(v - Lever::Savings.step()), "one step less than {v}");
    assert!(!law.one_step_less.is_empty());
    // The command line says so, and its JSON carries the statutory goal.
    let o = run(&[
        "solve",
        path_str(&example()),
        "--scenario",
        path_str(&path),
        "--lever",
        "savings",
        "--statutory",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        Decimal::from_str(
            &doc["solution"]["found"][0]["value"]
                .to_string()
                .replace('"', "")
        )
        .unwrap(),
        v
    );
    assert!(
        doc["solution"]["statutory"]["before"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    let t = stdout(&run(&[
        "solve",
        path_str(&example()),
        "--scenario",
        path_str(&path),
        "--lever",
        "savings",
        "--statutory",
        "--lang",
        "en",
    ]));
    assert!(t.contains("118 § ground met"), "{t}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The report's simulation section shows simulate's 110 § and 118 §
/// shares, year by year, with the same paths and seed.
#[test]
fn the_reports_simulation_section_shows_simulates_shares() {
    use kivijalka::report::format::{Lang, number};
    let dir = tempdir("statutory-report-sim");
    let sc = root().join("scenarios/uncertain.toml");
    let wb = example();
    let o = run(&[
        "simulate",
        path_str(&wb),
        "--scenario",
        path_str(&sc),
        "--paths",
        "200",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let html = dir.join("r.html");
    let o = run(&[
        "report",
        path_str(&wb),
        "--scenario",
        path_str(&sc),
        "--simulate",
        "200",
        "--out",
        path_str(&html),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = std::fs::read_to_string(&html).unwrap();
    let sim = &page[page.find("<section id=\"simulation\">").unwrap()..];
    let pct = |v: &Value| {
        let p = Decimal::from_str(&v.to_string()).unwrap() * Decimal::ONE_HUNDRED;
        format!("{} %", number(p, 1, Lang::Fi))
    };
    let shares = doc["statutory"].as_array().unwrap();
    assert_eq!(shares.len(), 10);
    for l in shares {
        let row = format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            l["year"],
            pct(&l["p_deadline_missed"]),
            pct(&l["p_ground_met"]),
            pct(&l["p_ground_undecided"])
        );
        assert!(sim.contains(&row), "{row}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The example's group deficit per resident in 2035 under the baseline
/// (118 § 3 mom. 1 kohta's figure), by hand: the city's projected surplus
/// plus the companies' 2025 part rolled on by their result, ten years of
/// it; not the part held at its 2025 size.
#[test]
fn the_groups_2035_surplus_carries_ten_years_of_the_companies_results() {
    let ds = kivijalka::ingest::read_path(&example()).unwrap();
    let p = projected_to(2035);
    let sc = root().join("scenarios/baseline.toml");
    let o = run(&[
        "statutory",
        path_str(&example()),
        "--scenario",
        path_str(&sc),
        "--horizon",
        "2035",
        "--format",
        "json",
    ]);
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let (c, g) = (Entity::City, Entity::Group);
    let targets = kivijalka::model::targets::Targets::default();
    let (cx, px) = (Ctx::quiet(&ds, &targets), Ctx::quiet(&p, &targets));
    let companies = |x: &Ctx, y| x.group_loans(y).unwrap().0 - x.lainakanta(c, y).unwrap();
    let held = acc(&ds, g, 2025) - acc(&ds, c, 2025);
    let vk = line(&ds, g, "tl.vuosikate", 2025) - line(&ds, c, "tl.vuosikate", 2025);
    let abs = |e, id| line(&ds, e, id, 2025).abs();
    let dep = abs(g, "tl.poistot_ja_arvonalentumiset") - abs(c, "tl.poistot_ja_arvonalentumiset");
    let int = abs(g, "tl.korkokulut") - abs(c, "tl.korkokulut");
    let mut part = held;
    for y in 2026..=2035 {
        let extra = int * companies(&px, y) / companies(&cx, 2025) - int;
        part += vk - extra - dep;
    }
    let pop = line(&p, c, "bg.asukasluku", 2035);
    let want = -(acc(&p, c, 2035) + part) / pop;
    let k = criterion(&doc, 2035, "deficit_per_resident");
    assert_eq!(dec(&k["value"]), want);
    // The companies lose money each year, so holding their part would
    // overstate the group's surplus by more than 1 500 € a resident.
    assert!(vk - dep < Decimal::ZERO);
    assert!(
        (held - part) / pop > Decimal::from(1500),
        "{}",
        (held - part) / pop
    );
}
