//! Council reports and batch: the Excel read back (cells, formats, charts),
//! the HTML checked for content and for being self-contained (and rendered
//! in a real browser when one is installed), batch over workbooks and a long
//! table, in any order of completion.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader};
use kivijalka::report::document::sha256_hex;

use crate::support::{example, long_table, path_str, root, run, run_en, stderr, stdout, tempdir};

const EXAMPLE: &str = "data/kivikoski.xlsx";

fn zip_entry(path: &Path, name: &str) -> String {
    let f = std::fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn zip_names(path: &Path) -> Vec<String> {
    let f = std::fs::File::open(path).unwrap();
    let z = zip::ZipArchive::new(f).unwrap();
    z.file_names().map(|n| n.unwrap().to_string()).collect()
}

#[test]
fn excel_report_reads_back_with_its_numbers_formats_and_charts() {
    let dir = tempdir("report-xlsx");
    let out = dir.join("raportti.xlsx");
    let args = [
        "report",
        EXAMPLE,
        "--scenario",
        "scenarios/baseline.toml",
        "--scenario",
        "scenarios/interest_shock.toml",
        "--out",
        path_str(&out),
    ];
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let first = std::fs::read(&out).unwrap();
    assert_eq!(run(&args).status.code(), Some(0));
    assert_eq!(first, std::fs::read(&out).unwrap(), "not byte-identical");

    let mut wb = calamine::open_workbook_auto(&out).unwrap();
    let names = wb.sheet_names();
    for s in [
        "Yhteenveto",
        "Kaaviodata",
        "Kaaviot",
        "Skenaariot",
        "Laskelmat",
        "Ennuste",
        "Ennusteen laskenta",
        "Tunnusluvut",
        "Ajon tiedot",
    ] {
        assert!(names.iter().any(|n| n == s), "sheet {s} missing: {names:?}");
    }
    let sum = wb.worksheet_range("Yhteenveto").unwrap();
    let cell = |r: u32, c: u32| sum.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(cell(3, 0), Data::String("Vuosi".into()));
    // Find the 2027 row: indicator 1 is the plan's 944 000 €, met.
    let row = (4..40)
        .find(|r| cell(*r, 0) == Data::Float(2027.0))
        .unwrap();
    assert_eq!(cell(row, 1), Data::String("taloussuunnitelma".into()));
    assert_eq!(cell(row, 2), Data::Float(944000.0));
    assert_eq!(cell(row, 3), Data::String("toteutuu".into()));
    // 2035 is projected.
    let last = (4..40)
        .find(|r| cell(*r, 0) == Data::Float(2035.0))
        .unwrap();
    assert_eq!(cell(last, 1), Data::String("ennuste".into()));
    // The run record carries the workbook's SHA-256.
    let rec = wb.worksheet_range("Ajon tiedot").unwrap();
    let sha = sha256_hex(&std::fs::read(example()).unwrap());
    assert!(
        rec.used_cells()
            .any(|(_, _, v)| *v == Data::String(sha.clone())),
        "no SHA-256 of the workbook"
    );

    // Formats and charts, from the file itself.
    let styles = zip_entry(&out, "xl/styles.xml");
    assert!(styles.contains("#,##0 &quot;€&quot;"), "no euro format");
    assert!(
        styles.contains("C6EFCE") && styles.contains("FFC7CE"),
        "no status colours"
    );
    let files = zip_names(&out);
    let charts = files
        .iter()
        .filter(|n| n.starts_with("xl/charts/chart"))
        .count();
    assert_eq!(charts, 5, "{files:?}");
    let chart1 = zip_entry(&out, "xl/charts/chart1.xml");
    assert!(chart1.contains("Vuosikate − nettoinvestoinnit"));
    assert!(chart1.contains("Kaaviodata"));
    let sheet1 = zip_entry(&out, "xl/worksheets/sheet1.xml");
    assert!(sheet1.contains("<pane"), "no frozen header");
    assert!(
        sheet1.contains("orientation=\"landscape\""),
        "not landscape"
    );
}

#[test]
fn html_report_is_self_contained_and_says_where_everything_came_from() {
    let dir = tempdir("report-html");
    let out = dir.join("report.html");
    let o = run(&[
        "report",
        EXAMPLE,
        "--scenario",
        "scenarios/baseline.toml",
        "--scenario",
        "scenarios/tax_rise.toml",
        "--lang",
        "en",
        "--out",
        path_str(&out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Self-contained: nothing fetched, nothing run.
    for bad in [
        "<script",
        "<link",
        "@import",
        "src=\"http",
        "href=\"http",
        "url(",
    ] {
        assert!(!html.contains(bad), "found {bad}");
    }
    let outside: Vec<&str> = html
        .match_indices("http")
        .map(|(i, _)| &html[i..(i + 30).min(html.len())])
        .filter(|s| !s.starts_with("http://www.w3.org/2000/svg"))
        .collect();
    assert!(outside.is_empty(), "{outside:?}");
    assert!(html.contains("@media print"));
    assert!(html.contains("name=\"viewport\""));
    // Content: five charts of the indicators and five of the comparison,
    // every formula and source, the run record.
    assert_eq!(html.matches("<svg").count(), 10);
    for d in &kivijalka::model::indicators::INDICATORS {
        let esc = d
            .formula
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;");
        assert!(html.contains(&esc), "formula of {} missing", d.number);
    }
    let sha = sha256_hex(&std::fs::read(example()).unwrap());
    assert!(html.contains(&sha));
    let sha_b = sha256_hex(&std::fs::read(root().join("scenarios/baseline.toml")).unwrap());
    assert!(html.contains(&sha_b));
    assert!(html.contains("tax.rate_change from 2027"));
    assert!(html.contains("Veroprosentti +0,5"));
    assert!(html.contains(&format!("kivijalka {}", env!("CARGO_PKG_VERSION"))));
    // The 2027 figure of indicator 1 under the baseline, in English format.
    assert!(html.contains("944,000 €"));

    // A real browser, when there is one.
    let browser = [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .into_iter()
    .find(|p| Path::new(p).exists());
    match browser {
        // CI installs Chromium and requires the page rendered; a developer's
        // machine without one is told, not failed.
        None if std::env::var_os("KIVIJALKA_REQUIRE_BROWSER").is_some() => {
            panic!(
                "KIVIJALKA_REQUIRE_BROWSER is set and no Chromium is installed (apt-get install chromium)"
            )
        }
        None => println!(
            "skipped: no Chromium installed (apt-get install chromium) to render the HTML report"
        ),
        Some(b) => {
            let pdf = dir.join("report.pdf");
            let profile = dir.join("profile");
            let r = std::process::Command::new(b)
                .args([
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    &format!("--user-data-dir={}", profile.display()),
                    &format!("--print-to-pdf={}", pdf.display()),
                    &format!("file://{}", out.display()),
                ])
                .output()
                .unwrap();
            assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
            let bytes = std::fs::read(&pdf).unwrap();
            assert!(bytes.starts_with(b"%PDF"), "no PDF printed");
            assert!(bytes.len() > 20_000, "the printed report is nearly empty");
            println!("rendered in {b}: {} bytes of PDF", bytes.len());
        }
    }
}

#[test]
fn report_needs_a_known_kind_of_file_and_writes_nothing_on_error() {
    let dir = tempdir("report-bad");
    let o = run_en(&["report", EXAMPLE, "--out", path_str(&dir.join("r.pdf"))]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(".xlsx or .html"));
    let out = dir.join("r.html");
    std::fs::write(dir.join("bad.toml"), "[tax]\nrate = 1\n").unwrap();
    let o = run(&[
        "report",
        EXAMPLE,
        "--scenario",
        path_str(&dir.join("bad.toml")),
        "--out",
        path_str(&out),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists());
}

#[test]
fn batch_over_workbooks_and_a_long_table_in_any_order() {
    let dir = tempdir("batch");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::copy(example(), inputs.join("a-kivikoski.xlsx")).unwrap();
    std::fs::copy(example(), inputs.join("b-kivikoski.xlsx")).unwrap();
    std::fs::write(inputs.join("c-broken.xlsx"), "not a workbook").unwrap();
    std::fs::write(inputs.join("notes.txt"), "ignored").unwrap();
    long_table(&inputs.join("d-long.csv"), &["Kivikoski", "Toinen"], |_| {
        999
    });
    // The same as one sheet of a workbook, under a title row.
    long_table(&dir.join("kolmas.csv"), &["Kolmas"], |_| 999);
    let text = std::fs::read_to_string(dir.join("kolmas.csv")).unwrap();
    let mut rows: Vec<Vec<&str>> = vec![vec!["Avoin data, kuntien talous"], vec![]];
    rows.extend(text.lines().map(|l| l.split(';').collect()));
    crate::support::xlsx(&inputs.join("e-long.xlsx"), &[("Data", rows)]);

    let mut outs = Vec::new();
    for jobs in ["1", "4"] {
        let out = dir.join(format!("out{jobs}"));
        let o = run(&[
            "batch",
            path_str(&inputs),
            "--scenario",
            "scenarios/baseline.toml",
            "--jobs",
            jobs,
            "--out",
            path_str(&out),
        ]);
        // One workbook fails: exit 1, the rest done.
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("5/6 kuntaa valmiina, 1 epäonnistui"),
            "{}",
            stderr(&o)
        );
        outs.push(out);
    }
    let read = |p: &Path| std::fs::read(p).unwrap();
    for f in [
        "summary.csv",
        "summary.xlsx",
        "failures.csv",
        "a-kivikoski.html",
        "d-long-toinen.html",
        "e-long-kolmas.html",
    ] {
        assert_eq!(
            read(&outs[0].join(f)),
            read(&outs[1].join(f)),
            "{f} differs between 1 and 4 workers"
        );
    }
    let failures = std::fs::read_to_string(outs[0].join("failures.csv")).unwrap();
    assert!(
        failures.contains("c-broken.xlsx") && failures.contains("not a workbook"),
        "{failures}"
    );

    // The four municipalities are the same city: the long table reads to the
    // workbook's indicators, so every rank is shared and the quartiles are the value.
    let text = std::fs::read_to_string(outs[0].join("summary.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let h = rdr.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let pick = |m: &str, file_part: &str, ind: &str, year: &str| {
        rows.iter()
            .find(|r| {
                &r[col("municipality")] == m
                    && r[col("file")].contains(file_part)
                    && &r[col("indicator")] == ind
                    && &r[col("year")] == year
            })
            .unwrap_or_else(|| panic!("{m} {ind} {year}"))
            .clone()
    };
    for (ind, year) in [("1", "2027"), ("2", "2035"), ("4", "2030"), ("5", "2031")] {
        let a = pick("Kivikoski", "a-kivikoski", ind, year);
        let long = pick("Toinen", "d-long", ind, year);
        assert_eq!(a[col("value")], long[col("value")], "{ind} {year}");
        let sheet = pick("Kolmas", "e-long", ind, year);
        assert_eq!(a[col("value")], sheet[col("value")], "{ind} {year}");
        assert_eq!(&a[col("rank")], "1");
        assert_eq!(&a[col("of")], "5");
        // The median is the value compared (per resident for indicators in
        // euros), to the cent.
        let median: f64 = a[col("peer_median")].parse().unwrap();
        let value: f64 = a[col("peer_value")].parse().unwrap();
        assert!((median - value).abs() <= 0.005, "{median} vs {value}");
    }
    // The summary workbook reads back.
    let mut wb = calamine::open_workbook_auto(outs[0].join("summary.xlsx")).unwrap();
    let s = wb.worksheet_range("Indikaattorit").unwrap();
    assert_eq!(s.get_value((0, 0)), Some(&Data::String("Kunta".into())));
    let v = wb.worksheet_range("Virheet").unwrap();
    assert!(
        v.used_cells()
            .any(|(_, _, d)| matches!(d, Data::String(s) if s.contains("c-broken")))
    );
}

#[test]
fn long_table_mistakes_name_the_line() {
    let dir = tempdir("long-bad");
    let cases = [
        (
            "no-item.csv",
            "municipality,year,value\nA,2024,1\n",
            "needs a column 'item'",
        ),
        (
            "bad-item.csv",
            "municipality,year,item,value\nA,2024,Kahvikulut,1\n",
            "line 2: 'Kahvikulut' is not a statement line",
        ),
        (
            "bad-year.csv",
            "municipality,year,item,value\nA,20x4,tl.vuosikate,1\n",
            "line 2: '20x4' is not a year",
        ),
        (
            "twice.csv",
            "municipality,year,item,value\nA,2024,tl.vuosikate,1\nA,2024,Vuosikate,2\n",
            "line 3: A 2024: Vuosikate (tl.vuosikate) is given twice",
        ),
        (
            "bad-value.csv",
            "municipality,year,item,value\nA,2024,tl.vuosikate,lots\n",
            "line 2:",
        ),
    ];
    for (name, text, expected) in cases {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        let o = run(&[
            "batch",
            path_str(&p),
            "--out",
            path_str(&dir.join("out")),
            "--report",
            "none",
        ]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        let failures = std::fs::read_to_string(dir.join("out/failures.csv")).unwrap();
        assert!(failures.contains(expected), "{name}: {failures}");
        assert!(failures.contains(name), "{name}: {failures}");
    }
    let o = run(&[
        "batch",
        path_str(&dir.join("nothing-here")),
        "--out",
        path_str(&dir.join("out2")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let _ = stdout(&o);
}

#[test]
fn reports_carry_the_simulation_as_fan_charts_with_seed_and_paths() {
    let dir = tempdir("report-sim");
    let html = dir.join("sim.html");
    let xlsx = dir.join("sim.xlsx");
    for out in [&html, &xlsx] {
        let o = run(&[
            "report",
            EXAMPLE,
            "--scenario",
            "scenarios/uncertain.toml",
            "--simulate",
            "30",
            "--seed",
            "4",
            "--out",
            path_str(out),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("id=\"simulation\""));
    // Five indicator charts and five fan charts.
    assert_eq!(text.matches("<svg").count(), 10);
    assert!(
        text.contains("30 polkua, siemen 4"),
        "no run record of the simulation"
    );
    let mut wb = calamine::open_workbook_auto(&xlsx).unwrap();
    assert!(wb.sheet_names().iter().any(|n| n == "Simulointi"));
    let s = wb.worksheet_range("Simulointi").unwrap();
    assert!(
        matches!(s.get_value((0, 0)), Some(Data::String(t)) if t.contains("30 polkua, siemen 4"))
    );
    let charts = zip_names(&xlsx)
        .iter()
        .filter(|n| n.starts_with("xl/charts/chart"))
        .count();
    assert_eq!(charts, 10);
    // The sensitivity as tornado charts.
    let sens = dir.join("sens.html");
    let o = run(&[
        "report",
        EXAMPLE,
        "--scenario",
        "scenarios/uncertain.toml",
        "--sensitivity",
        "--out",
        path_str(&sens),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&sens).unwrap();
    assert!(text.contains("id=\"sensitivity\""));
    assert_eq!(text.matches("<svg").count(), 10);
    assert!(text.contains("tax.earnings_growth_pct"));
    // And in Excel: the table per target, largest swing first, with the
    // bars' lengths from the values in the same row, and a bar chart each.
    let sens_x = dir.join("sens.xlsx");
    let o = run(&[
        "report",
        EXAMPLE,
        "--scenario",
        "scenarios/uncertain.toml",
        "--sensitivity",
        "--out",
        path_str(&sens_x),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut wb = calamine::open_workbook_auto(&sens_x).unwrap();
    let s = wb.worksheet_range("Herkkyys").unwrap();
    let num = |r: u32, c: u32| match s.get_value((r, c)) {
        Some(Data::Float(f)) => Some(*f),
        _ => None,
    };
    let mut rows = 0;
    let mut last_swing = f64::MAX;
    for r in 0..s.height() as u32 {
        let (Some(lo), Some(hi), Some(c)) = (num(r, 4), num(r, 5), num(r, 6)) else {
            // A new target's table starts over.
            last_swing = f64::MAX;
            continue;
        };
        rows += 1;
        assert!((num(r, 7).unwrap() - (lo - c)).abs() < 1e-6, "row {r}");
        assert!((num(r, 8).unwrap() - (hi - c)).abs() < 1e-6, "row {r}");
        let swing = (hi - lo).abs();
        assert!(swing <= last_swing + 1e-6, "row {r} is not in swing order");
        last_swing = swing;
    }
    // Five drivers for each of five targets.
    assert_eq!(rows, 25);
    let bars = zip_names(&sens_x)
        .iter()
        .filter(|n| n.starts_with("xl/charts/chart"))
        .filter(|n| zip_entry(&sens_x, n).contains("<c:barDir val=\"bar\"/>"))
        .count();
    assert_eq!(bars, 5);
    // Without uncertainty there is nothing to simulate.
    let o = run(&[
        "report",
        EXAMPLE,
        "--scenario",
        "scenarios/baseline.toml",
        "--simulate",
        "30",
        "--out",
        path_str(&dir.join("x.html")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.join("x.html").exists());
}

#[test]
fn every_uncertain_scenario_is_simulated_with_the_same_draws() {
    let dir = tempdir("report-sims");
    let xlsx = dir.join("two.xlsx");
    let html = dir.join("two.html");
    for out in [&xlsx, &html] {
        let o = run(&[
            "report",
            EXAMPLE,
            "--scenario",
            "scenarios/baseline.toml",
            "--scenario",
            "scenarios/uncertain.toml",
            "--scenario",
            "scenarios/uncertain_tax_rise.toml",
            "--simulate",
            "200",
            "--seed",
            "9",
            "--sensitivity",
            "--out",
            path_str(out),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let mut wb = calamine::open_workbook_auto(&xlsx).unwrap();
    let names = wb.sheet_names();
    assert!(names.iter().any(|n| n == "Simulointi"));
    assert!(names.iter().any(|n| n == "Simulointi 2"));
    assert!(!names.iter().any(|n| n == "Simulointi 3"), "{names:?}");
    // The sensitivity likewise, a sheet per uncertain scenario.
    assert!(names.iter().any(|n| n == "Herkkyys"));
    assert!(names.iter().any(|n| n == "Herkkyys 2"), "{names:?}");
    // Each sheet's rows by their first cell (the year) and the title.
    let read = |wb: &mut calamine::Sheets<_>, name: &str| {
        let s = wb.worksheet_range(name).unwrap();
        let title = match s.get_value((0, 0)) {
            Some(Data::String(t)) => t.clone(),
            _ => String::new(),
        };
        let rows: Vec<Vec<Data>> = s.rows().map(|r| r.to_vec()).collect();
        (title, rows)
    };
    let (t1, a) = read(&mut wb, "Simulointi");
    let (t2, b) = read(&mut wb, "Simulointi 2");
    assert!(t1.contains("Perusura epävarmuuksineen"), "{t1}");
    assert!(t2.contains("Veroprosentti +0,5 epävarmuuksineen"), "{t2}");
    // The tax rise starts in 2027: the budget year's percentiles are the
    // same in both (the same draws), the later years' margins are not.
    let year_rows = |rows: &[Vec<Data>], y: f64| -> Vec<Vec<Data>> {
        rows.iter()
            .filter(|r| matches!(r.first(), Some(Data::Float(v)) if *v == y))
            .cloned()
            .collect()
    };
    assert_eq!(year_rows(&a, 2026.0), year_rows(&b, 2026.0));
    assert_eq!(year_rows(&a, 2026.0).len(), 5);
    assert_ne!(year_rows(&a, 2030.0)[0], year_rows(&b, 2030.0)[0]);
    let text = std::fs::read_to_string(&html).unwrap();
    assert_eq!(text.matches("id=\"simulation\"").count(), 1);
    assert_eq!(text.matches("id=\"sensitivity\"").count(), 1);
    // Each scenario heads its fan charts and its tornado charts.
    assert_eq!(
        text.matches("<h3>Skenaario: Perusura epävarmuuksineen</h3>")
            .count(),
        2
    );
    assert_eq!(
        text.matches("<h3>Skenaario: Veroprosentti +0,5 epävarmuuksineen</h3>")
            .count(),
        2
    );
}

#[test]
fn batch_simulates_each_municipality_as_simulate_does() {
    let dir = tempdir("batch-sim");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::copy(example(), inputs.join("a.xlsx")).unwrap();
    std::fs::copy(example(), inputs.join("b.xlsx")).unwrap();
    let mut summaries = Vec::new();
    for jobs in ["1", "2"] {
        let out = dir.join(format!("out{jobs}"));
        let o = run(&[
            "batch",
            path_str(&inputs),
            "--scenario",
            "scenarios/uncertain.toml",
            "--simulate",
            "40",
            "--seed",
            "3",
            "--jobs",
            jobs,
            "--out",
            path_str(&out),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        summaries.push(std::fs::read_to_string(out.join("summary.csv")).unwrap());
    }
    assert_eq!(summaries[0], summaries[1]);
    // The probabilities are those of `simulate` with the same seed and paths.
    let o = run(&[
        "simulate",
        EXAMPLE,
        "--scenario",
        "scenarios/uncertain.toml",
        "--paths",
        "40",
        "--seed",
        "3",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let sim: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let cells = sim["cells"].as_array().unwrap();
    let mut rdr = csv::Reader::from_reader(summaries[0].as_bytes());
    let heads = rdr.headers().unwrap().clone();
    let col = |name: &str| heads.iter().position(|h| h == name).unwrap();
    let (ind, year, p) = (col("indicator"), col("year"), col("p_met"));
    let mut checked = 0;
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let (i, y): (u64, i64) = (rec[ind].parse().unwrap(), rec[year].parse().unwrap());
        let want = cells
            .iter()
            .find(|c| c["indicator"].as_u64() == Some(i) && c["year"].as_i64() == Some(y))
            .map(|c| c["p_met"].as_f64().unwrap());
        match want {
            Some(w) => {
                assert_eq!(rec[p].parse::<f64>().unwrap(), (w * 1e4).round() / 1e4);
                checked += 1;
            }
            // Actual years are not simulated.
            None => assert_eq!(&rec[p], "", "{i} {y}"),
        }
    }
    // Two municipalities, five indicators, 2026–2035.
    assert_eq!(checked, 100);
    // Each report carries its fan charts.
    let html = std::fs::read_to_string(dir.join("out1").join("a.html")).unwrap();
    assert!(html.contains("id=\"simulation\""));
}
