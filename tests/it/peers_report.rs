//! Each batch report's place among its peers: the figures its chart and
//! sheet show are the summary's, a report written alone has none, and a
//! file of peer groups is read strictly.

use calamine::{Data, Reader};
use rust_decimal::Decimal;

use crate::support::{path_str, run, run_en, stderr, tempdir};

/// The example as a long table under three names and codes 1, 2, 3: as it
/// is; every euro figure and the population times ten (equal per
/// resident); the population doubled (half the euros per resident).
fn three_cities(path: &std::path::Path) {
    crate::peers::scaled_cities(
        path,
        &[
            ("Pieni", 1, Decimal::ONE, Decimal::ONE),
            ("Iso", 2, Decimal::TEN, Decimal::TEN),
            ("Puolikas", 3, Decimal::ONE, Decimal::TWO),
        ],
    );
}

/// A batch of the three cities with `extra` flags, its output folder.
fn batch(name: &str, extra: &[&str]) -> std::path::PathBuf {
    let dir = tempdir(name);
    let table = dir.join("kolme.csv");
    three_cities(&table);
    let out = dir.join("out");
    let mut args = vec!["batch", path_str(&table), "--out", path_str(&out)];
    args.extend(extra);
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    out
}

/// summary.csv's cell of a municipality's indicator and year.
fn summary_cell(out: &std::path::Path, city: &str, ind: &str, year: &str, col: &str) -> String {
    let text = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let head = rdr.headers().unwrap().clone();
    let at = |n: &str| head.iter().position(|x| x == n).unwrap();
    let row = (rdr.records().map(|r| r.unwrap()))
        .find(|r| {
            &r[at("municipality")] == city && &r[at("indicator")] == ind && &r[at("year")] == year
        })
        .unwrap_or_else(|| panic!("{city} {ind} {year}"));
    row[at(col)].to_string()
}

fn number(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn the_sheet_shows_the_summarys_rank_and_quartiles_with_the_range() {
    let dir = tempdir("peers-report-groups");
    let groups = dir.join("ryhmat.csv");
    std::fs::write(&groups, "code,group\n1,a\n2,a\n3,b\n").unwrap();
    let out = batch(
        "peers-report-xlsx",
        &["--report", "xlsx", "--peer-group-file", path_str(&groups)],
    );
    let mut book = calamine::open_workbook_auto(out.join("kolme-pieni.xlsx")).unwrap();
    let names = book.sheet_names();
    // After the statutory sheet, before the ratios.
    let at = names.iter().position(|n| n == "Vertailu").unwrap();
    assert_eq!(names[at - 1], "Kuntalaki 110 § ja 118 §");
    let sheet = book.worksheet_range("Vertailu").unwrap();
    let row = (sheet.rows())
        .find(|r| r[0].to_string().starts_with("1. ") && number(&r[1]) == 2024.0)
        .expect("indicator 1 in 2024");
    // Indicator 1 in 2024: −183 000 € / 18 105 residents = −10.11 €/as.
    // for Pieni and Iso, −5.05 for Puolikas (tests/it/peers.rs); Pieni
    // shares rank 2 of 3; QUARTILE.INC gives −10.11, −10.11 and −7.58.
    let s = |col: &str| summary_cell(&out, "Pieni", "1", "2024", col);
    let got: Vec<f64> = row[4..12].iter().map(number).collect();
    let want = [
        s("peer_value"),
        s("rank"),
        s("of"),
        "-10.11".into(),
        s("peer_q1"),
        s("peer_median"),
        s("peer_q3"),
        "-5.05".into(),
    ];
    let want: Vec<f64> = want.iter().map(|w| w.parse().unwrap()).collect();
    assert_eq!(got, want);
    assert_eq!(
        got,
        [-10.11, 2.0, 3.0, -10.11, -10.11, -10.11, -7.58, -5.05]
    );
    // Within group a (Pieni and Iso, equal per resident): both first.
    assert_eq!(row[12].to_string(), "a");
    assert_eq!(s("peer_group"), "a");
    let g: Vec<f64> = row[13..20].iter().map(number).collect();
    assert_eq!(g[0].to_string(), s("group_rank"));
    assert_eq!(g[1].to_string(), s("group_of"));
    assert_eq!(g, [1.0, 2.0, -10.11, -10.11, -10.11, -10.11, -10.11]);
}

#[test]
fn a_batch_report_draws_its_place_and_a_report_alone_does_not() {
    let out = batch("peers-report-html", &[]);
    let html = std::fs::read_to_string(out.join("kolme-puolikas.html")).unwrap();
    let section = html
        .split("<section id=\"peers\">")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("a peers section");
    // Indicator 1 is drawn for the last financial statement's year, 2025,
    // with the summary's rank among all three and within its size class.
    assert!(
        section.contains("1. Vuosikate − nettoinvestoinnit"),
        "{section}"
    );
    assert!(section.contains("2025 (TP) · €/as."), "{section}");
    let s = |col: &str| summary_cell(&out, "Puolikas", "1", "2025", col);
    let rank = format!("{}./{}", s("rank"), s("of"));
    // 2025's +4 579 000 € over twice the residents is half the others'
    // per resident: the last of three.
    assert_eq!(rank, "3./3");
    assert!(section.contains(&format!(">{rank}</text>")), "{section}");
    let group = format!("{}./{}", s("group_rank"), s("group_of"));
    assert!(section.contains(&format!(">{group}</text>")), "{section}");
    assert!(
        section.contains(&format!("Ryhmä {} (", s("peer_group"))),
        "{section}"
    );
    assert!(section.contains("ajon 3 kunnan joukossa"), "{section}");

    let alone = out.join("alone.html");
    let o = run(&[
        "report",
        path_str(&crate::support::example()),
        "--out",
        path_str(&alone),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&alone).unwrap();
    assert!(html.contains("id=\"statutory\""));
    assert!(!html.contains("id=\"peers\""));
}

#[test]
fn a_shards_report_says_its_peers_are_the_shards() {
    let out = batch("peers-report-shard", &["--shard", "1/1", "--lang", "en"]);
    let html = std::fs::read_to_string(out.join("kolme-iso.html")).unwrap();
    assert!(
        html.contains("only among the 3 municipalities of shard 1/1"),
        "{html}"
    );
}

#[test]
fn a_group_file_is_read_strictly_and_names_its_line() {
    let dir = tempdir("peers-report-bad-groups");
    let table = dir.join("kolme.csv");
    three_cities(&table);
    let cases: [(&str, &str, &str); 5] = [
        ("tyhja.csv", "", "line 1: the file is empty"),
        (
            "otsikoton.csv",
            "1,a\n2,b\n",
            "line 1: the first line is a header",
        ),
        (
            "kahdesti.csv",
            "code,group\n1,a\n2,a\n1,b\n",
            "line 4: the code 1 is already on line 2 (group \"a\")",
        ),
        (
            "otsikko.csv",
            "code,group\n",
            "line 1: the file has a header only",
        ),
        (
            "tyhjaryhma.csv",
            "code;group\n1;a\n2;\n",
            "line 3: the line needs both",
        ),
    ];
    for (name, text, message) in cases {
        let f = dir.join(name);
        std::fs::write(&f, text).unwrap();
        let out = dir.join(format!("out-{name}"));
        let o = run_en(&[
            "batch",
            path_str(&table),
            "--peer-group-file",
            path_str(&f),
            "--out",
            path_str(&out),
        ]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains(name) && err.contains(message), "{name}: {err}");
        assert!(!out.exists(), "{name}: nothing is written");
    }

    // A code the file leaves out: that municipality is in no group, and
    // the batch says so; "01" is code 1, its leading zero dropped.
    let f = dir.join("kaksi.csv");
    std::fs::write(&f, "code,group\n01,a\n2,a\n").unwrap();
    let out = dir.join("out-kaksi");
    let o = run_en(&[
        "batch",
        path_str(&table),
        "--peer-group-file",
        path_str(&f),
        "--report",
        "none",
        "--out",
        path_str(&out),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 municipalities are not in")
            && stderr(&o).contains("in no peer group: Puolikas (3)"),
        "{}",
        stderr(&o)
    );
    let s = |city: &str, col: &str| summary_cell(&out, city, "1", "2024", col);
    assert_eq!(s("Pieni", "peer_group"), "a");
    assert_eq!(s("Pieni", "group_of"), "2");
    assert_eq!(s("Puolikas", "peer_group"), "");
    assert_eq!(s("Puolikas", "group_rank"), "");
}

#[test]
fn workbooks_take_their_groups_from_the_file_by_their_code() {
    // The example workbook gives its code, 999, on its title sheet; two
    // copies of it are two municipalities of that code.
    let dir = tempdir("peers-report-workbooks");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    for name in ["a.xlsx", "b.xlsx"] {
        std::fs::copy(crate::support::example(), inputs.join(name)).unwrap();
    }
    let groups = dir.join("ryhmat.csv");
    std::fs::write(&groups, "code;group\n0999;Itä\n").unwrap();
    let out = dir.join("out");
    let o = run(&[
        "batch",
        path_str(&inputs),
        "--peer-group-file",
        path_str(&groups),
        "--out",
        path_str(&out),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(summary_cell(&out, "Kivikoski", "1", "2024", "code"), "999");
    assert_eq!(
        summary_cell(&out, "Kivikoski", "1", "2024", "peer_group"),
        "Itä"
    );
    assert_eq!(
        summary_cell(&out, "Kivikoski", "1", "2024", "group_of"),
        "2"
    );
    let html = std::fs::read_to_string(out.join("a.html")).unwrap();
    assert!(html.contains("Ryhmä Itä (2)"), "no group row");
    assert!(
        html.contains("Vertailuryhmä: tiedosto "),
        "no grouping named"
    );
}
