use super::header::{classify_header_text, split_unit};
use super::*;

fn kind(text: &str) -> Option<(i32, Option<YearKind>)> {
    match classify_header_text(text) {
        Header::Year { year, kind } => Some((year, kind)),
        _ => None,
    }
}

#[test]
fn year_headings() {
    assert_eq!(kind("TP 2024"), Some((2024, Some(YearKind::TP))));
    assert_eq!(kind("Tilinpäätös 2024"), Some((2024, Some(YearKind::TP))));
    assert_eq!(kind("Talousarvio 2026"), Some((2026, Some(YearKind::TA))));
    assert_eq!(kind("TS 2027"), Some((2027, Some(YearKind::TS))));
    assert_eq!(kind("TS2027"), Some((2027, Some(YearKind::TS))));
    assert_eq!(kind("2024"), Some((2024, None)));
    assert_eq!(kind("TP 2024 (1 000 €)"), Some((2024, Some(YearKind::TP))));
    assert_eq!(kind("TA 2026 muutettu"), None);
    assert_eq!(kind("Muutos % 2025"), None);
    assert_eq!(kind("Bokslut 2024"), Some((2024, Some(YearKind::TP))));
}

#[test]
fn units() {
    assert_eq!(unit_in("1 000 €"), Some(Decimal::from(1000)));
    assert_eq!(unit_in("t€"), Some(Decimal::from(1000)));
    assert_eq!(
        unit_in("Tuloslaskelma (1000 EUR)"),
        Some(Decimal::from(1000))
    );
    assert_eq!(unit_in("milj. €"), Some(Decimal::from(1_000_000)));
    assert_eq!(unit_in("€"), Some(Decimal::ONE));
    assert_eq!(unit_in("euroa"), Some(Decimal::ONE));
    assert_eq!(unit_in("Tuloslaskelma"), None);
    assert_eq!(unit_in("Vastuut €"), Some(Decimal::ONE));
    assert_eq!(unit_in("tuhatta euroa"), Some(Decimal::from(1000)));
    assert_eq!(unit_in("1 000 euro"), Some(Decimal::from(1000)));
    // The unit after the currency, as some ledgers print it.
    assert_eq!(unit_in("EUR 1 000"), Some(Decimal::from(1000)));
    assert_eq!(unit_in("€ 1000"), Some(Decimal::from(1000)));
    assert_eq!(unit_in("EUR 1 000 000"), Some(Decimal::from(1_000_000)));
    assert_eq!(
        unit_in("Talous, milj. euroa"),
        Some(Decimal::from(1_000_000))
    );
    assert_eq!(
        split_unit("Vuokravastuut, 1 000 €"),
        ("Vuokravastuut".to_string(), Some(Decimal::from(1000)))
    );
}

fn grid(rows: &[&[&str]]) -> Grid {
    let rows: Vec<Vec<&str>> = rows.iter().map(|r| r.to_vec()).collect();
    Grid::from_text_rows("Tuloslaskelma", &rows)
}

#[test]
fn a_lone_number_column_beside_one_year_is_no_pair() {
    let g = grid(&[
        &["Tuloslaskelma 1 000 €"],
        &["", "", "TP 2024", "TP 2023"],
        &["Myyntituotot", "1", "100", "90"],
        &["Maksutuotot", "2", "50", "40"],
        &["Toimintatuotot", "", "150", "130"],
    ]);
    let l = read_layout(&g, "t.xlsx").unwrap();
    assert!(l.years.iter().all(|y| y.total_col.is_none()));
    assert_eq!(
        l.years.iter().map(|y| y.col).collect::<Vec<_>>(),
        vec![2, 3]
    );
}

#[test]
fn a_figure_of_2024_on_a_labelled_row_starts_no_table() {
    let g = grid(&[
        &["Tuloslaskelma €"],
        &["", "TP 2024", "TP 2023"],
        &["Myyntituotot", "2024", "2023"],
        &["Muu erä", "2020", "2019"],
    ]);
    let l = read_layout(&g, "t.xlsx").unwrap();
    assert_eq!(l.blocks.len(), 1);
    assert_eq!(l.rows.len(), 2);
}

#[test]
fn a_total_column_is_checked_not_added() {
    let g = grid(&[
        &["Tuloslaskelma €"],
        &["", "TP 2024", ""],
        &["Toimintatuotot"],
        &["Myyntituotot", "100", ""],
        &["Tuet ja avustukset", "10", ""],
        &["Maksutuotot", "50", "170"],
        &["Toimintakate", "", "-20"],
    ]);
    let l = read_layout(&g, "t.xlsx").unwrap();
    let bad: Vec<&Finding> = l
        .findings
        .iter()
        .filter(|f| f.code == "block_total_mismatch")
        .collect();
    assert_eq!(bad.len(), 1);
    let cells: Vec<Option<&str>> = bad[0].cells.iter().map(|c| c.cell.as_deref()).collect();
    assert_eq!(cells, vec![Some("C6"), Some("B6")]);
    // Neither the total nor a sum is read: the items as printed, and the
    // result alone in the total column as its own line.
    let got: Vec<(String, Vec<String>)> = l
        .rows
        .iter()
        .map(|r| {
            (
                r.label.clone(),
                r.values.iter().map(|v| v.1.value.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("Toimintatuotot".to_string(), vec![]),
            ("Myyntituotot".to_string(), vec!["100".to_string()]),
            ("Tuet ja avustukset".to_string(), vec!["10".to_string()]),
            ("Maksutuotot".to_string(), vec!["50".to_string()]),
            ("Toimintakate".to_string(), vec!["-20".to_string()]),
        ]
    );
}

#[test]
fn a_full_unheaded_column_beside_a_year_is_no_total_column() {
    let g = grid(&[
        &["Tuloslaskelma €"],
        &["", "TP 2024"],
        &["Myyntituotot", "100", "7"],
        &["Maksutuotot", "50", "-3"],
        &["Toimintatuotot", "150", "4"],
    ]);
    let l = read_layout(&g, "t.xlsx").unwrap();
    assert!(l.years[0].total_col.is_none());
    assert!(l.findings.iter().all(|f| !f.is_error()));
}

#[test]
fn year_numbers_amid_figures_start_no_table() {
    let g = grid(&[
        &["Tuloslaskelma €"],
        &["", "TP 2024", "TP 2023"],
        &["Myyntituotot", "100", "90"],
        &["", "2020", "2019"],
        &["Maksutuotot", "50", "40"],
        &[],
        &["", "2022", "2021"],
        &["Verotulot", "500", "400"],
    ]);
    let l = read_layout(&g, "t.xlsx").unwrap();
    assert_eq!(l.blocks.len(), 2);
    assert_eq!(l.blocks[1].header_row, 6);
    assert!(l.findings.iter().any(|f| f.code == "no_label"));
}

#[test]
fn totals_near_the_decimal_range_are_no_panic() {
    let big = "79228162514264337593543950335";
    let neg = "-79228162514264337593543950335";
    let g = grid(&[
        &["Tuloslaskelma €"],
        &["", "TP 2024", ""],
        &["Toimintatuotot"],
        &["Myyntituotot", big, ""],
        &["Maksutuotot", big, ""],
        &["Tuet ja avustukset", big, neg],
        &["Toimintakate", "", big],
    ]);
    let l = read_layout(&g, "t.xlsx").unwrap();
    let codes: Vec<&str> = l
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| f.code)
        .collect();
    assert!(!codes.is_empty(), "{:?}", l.findings);
}

#[test]
fn a_year_actual_in_one_table_and_budget_in_the_next_is_an_error() {
    let g = grid(&[
        &["Tase €"],
        &["", "TP 2024", "TP 2023"],
        &["Peruspääoma", "10", "10"],
        &[],
        &["", "TA 2024", "TP 2023"],
        &["Rahat ja pankkisaamiset", "5", "4"],
    ]);
    let l = read_layout(&g, "t.xlsx").unwrap();
    let f: Vec<&Finding> = l
        .findings
        .iter()
        .filter(|f| f.code == "year_kind_conflict")
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].cells[0].cell.as_deref(), Some("B5"));
}
