//! Every output shows what rests on a break: the example with its 2023
//! income statement's vuosikate 5 000 € off its parts. Indicator 1 of 2023
//! rests on it; the terminal, CSV, JSON, HTML and Excel outputs all say so,
//! and the same outputs of the example as it is say nothing of breaks.

use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};

use crate::support::make_example::{self, Style};
use crate::support::{example, path_str, root, run, stderr, stdout, tempdir};

const YEAR: i32 = 2023;

/// The example with the city's 2023 vuosikate (income statement) 5 t€
/// above the sum of its parts; everything else as published.
fn broken(dir: &Path) -> PathBuf {
    let mut figures = make_example::derive(&root().join("data/kivikoski"));
    *figures.get_mut(&("city", "tl.vuosikate", YEAR)).unwrap() += rust_decimal::Decimal::from(5);
    let path = dir.join("broken.xlsx");
    make_example::write(&figures, Style::default(), &path);
    path
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

/// The row of the indicators table for a year.
fn row(table: &str, year: i32) -> &str {
    table
        .lines()
        .find(|l| l.starts_with(&format!("{year} ")))
        .unwrap_or_else(|| panic!("no row {year} in\n{table}"))
}

/// The indicators table's cells of a row, split at two or more spaces.
fn cells(line: &str) -> Vec<&str> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

#[test]
fn the_indicators_table_marks_what_rests_on_the_break_and_lists_it() {
    let dir = tempdir("breaks-table");
    let wb = broken(&dir);
    let table = ok(&["indicators", path_str(&wb)]);
    // Indicator 1 (vuosikate − net investment) of 2023 only: the column of
    // indicator 1 is the third cell (year, kind, 1, ...).
    for y in 2019..=2029 {
        let c = cells(row(&table, y));
        assert_eq!(c[2].contains('⚠'), y == YEAR, "{y}: {c:?}\n{table}");
        // Indicator 2 reads only the balance sheets, which add up.
        assert!(!c[3].contains('⚠'), "{y}: {c:?}");
    }
    // Indicator 1 of 2023 carries 5 000 € more than the example's.
    let plain = ok(&["indicators", example().to_str().unwrap()]);
    let num = |s: &str| -> i64 {
        let digits: String = s
            .split(" (")
            .next()
            .unwrap()
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '−')
            .collect();
        let neg = digits.starts_with('−');
        let v: i64 = digits.trim_start_matches('−').parse().unwrap();
        if neg { -v } else { v }
    };
    assert_eq!(
        num(cells(row(&table, YEAR))[2]) - num(cells(row(&plain, YEAR))[2]),
        5000
    );
    // The section names the break: entity, statement, year, identity,
    // difference and cells.
    let section = table.split("Tarkistukset:").nth(1).expect(&table);
    let first = section
        .lines()
        .find(|l| l.contains("Vuosikate = Toimintakate"))
        .expect(section);
    assert!(first.contains("kaupunki, tuloslaskelma 2023"), "{first}");
    assert!(first.contains("erotus 5 000 €"), "{first}");
    assert!(first.contains("solut Tuloslaskelma C"), "{first}");
    // The example as it is: no mark, no section.
    assert!(!plain.contains('⚠'), "{plain}");
    assert!(!plain.contains("Tarkistukset"), "{plain}");
}
