//! A long table saved as Parquet: read as its CSV is, or, in a build without
//! the `parquet` feature, refused with what to do, nothing written.

use crate::support::{path_str, run_en, stderr, tempdir};

/// Runs a batch of `table` that must be refused: exit 2, nothing written;
/// returns the message.
fn refused(table: &std::path::Path, out: &std::path::Path) -> String {
    let args = ["batch", path_str(table), "--report", "none", "--out"];
    let o = run_en(&[&args[..], &[path_str(out)]].concat());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!out.exists(), "an output folder was made");
    err
}

#[cfg(not(feature = "parquet"))]
#[test]
fn a_build_without_parquet_says_how_to_read_one() {
    let dir = tempdir("parquet-off");
    let table = dir.join("all.parquet");
    std::fs::write(&table, b"PAR1").unwrap();
    let out = dir.join("out");
    let err = refused(&table, &out);
    assert!(
        err.contains("all.parquet") && err.contains("--features parquet"),
        "{err}"
    );
    assert!(!out.exists(), "an output folder was made");
}

#[cfg(feature = "parquet")]
mod with_parquet {
    use super::*;
    use kivijalka::model::dataset::Entity;
    use polars::prelude::*;

    /// The test municipalities' long table as a Parquet file: text columns,
    /// the year as an integer and the figures as `value` (floats, or exact
    /// decimals), as a data team's tools write it.
    fn parquet(path: &std::path::Path, n: usize, decimals: bool) {
        let sets = crate::panel::municipalities(n);
        let (mut mun, mut code, mut ent, mut year, mut kind, mut item) =
            (vec![], vec![], vec![], vec![], vec![], vec![]);
        let mut value: Vec<f64> = vec![];
        let mut exact: Vec<String> = vec![];
        for ds in &sets {
            for ((e, id, y), f) in &ds.figures {
                mun.push(ds.name().to_string());
                code.push(ds.municipality_code.clone().unwrap_or_default());
                ent.push(if *e == Entity::City { "city" } else { "group" });
                year.push(*y);
                kind.push(ds.kind(*y).unwrap().to_string());
                item.push(id.to_string());
                let mut v = f.value;
                v.rescale(2);
                exact.push(v.to_string());
                value.push(v.to_string().parse().unwrap());
            }
        }
        let value_col = if decimals {
            Series::new("value".into(), exact)
                .cast(&DataType::Decimal(38, 2))
                .unwrap()
                .into()
        } else {
            Column::new("value".into(), value)
        };
        let mut df = DataFrame::new_infer_height(vec![
            Column::new("municipality".into(), mun),
            Column::new("code".into(), code),
            Column::new("entity".into(), ent),
            Column::new("year".into(), year),
            Column::new("kind".into(), kind),
            Column::new("item".into(), item),
            value_col,
        ])
        .unwrap();
        let mut f = std::fs::File::create(path).unwrap();
        ParquetWriter::new(&mut f).finish(&mut df).unwrap();
    }

    fn summary(table: &std::path::Path, out: &std::path::Path) -> String {
        let o = run_en(&[
            "batch",
            path_str(table),
            "--report",
            "none",
            "--out",
            path_str(out),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let s = std::fs::read_to_string(out.join("summary.csv")).unwrap();
        s.replace(path_str(table), "TABLE")
    }

    /// The same municipalities from CSV and from Parquet (floats and
    /// decimals) give the same summary, every figure to the cent.
    #[test]
    fn a_parquet_long_table_reads_as_its_csv() {
        let dir = tempdir("parquet-on");
        let sets = crate::panel::municipalities(6);
        let csv = dir.join("all.csv");
        crate::panel::long_csv(&csv, &sets);
        let from_csv = summary(&csv, &dir.join("o-csv"));
        for decimals in [false, true] {
            let pq = dir.join(format!("all-{decimals}.parquet"));
            parquet(&pq, 6, decimals);
            let from_pq = summary(&pq, &dir.join(format!("o-{decimals}")));
            assert_eq!(from_csv, from_pq, "decimals: {decimals}");
        }
        assert!(from_csv.lines().count() > 6 * 5, "{from_csv}");
    }

    /// A column neither text nor a number is named with its row's line; a
    /// file that is not Parquet is named; nothing is written for either.
    #[test]
    fn a_parquet_table_it_cannot_read_is_named() {
        let dir = tempdir("parquet-bad");
        let table = dir.join("flags.parquet");
        let mut df = DataFrame::new_infer_height(vec![
            Column::new("municipality".into(), ["A", "A"]),
            Column::new("year".into(), [2023i32, 2023]),
            Column::new("item".into(), ["tl.verotulot", "tl.toimintakate"]),
            Column::new("value".into(), [true, false]),
        ])
        .unwrap();
        let mut f = std::fs::File::create(&table).unwrap();
        ParquetWriter::new(&mut f).finish(&mut df).unwrap();
        let out = dir.join("out");
        let err = refused(&table, &out);
        assert!(
            err.contains("flags.parquet") && err.contains("line 2") && err.contains("'value'"),
            "{err}"
        );
        assert!(!out.exists());
        // A NUL in a name, as in a CSV's text, is refused naming the line.
        let nul = dir.join("nul.parquet");
        let mut df = DataFrame::new_infer_height(vec![
            Column::new("municipality".into(), ["Kivi", "Kivi\0joki"]),
            Column::new("year".into(), [2023i32, 2023]),
            Column::new("item".into(), ["tl.verotulot", "tl.verotulot"]),
            Column::new("value".into(), [1.0f64, 2.0]),
        ])
        .unwrap();
        let mut f = std::fs::File::create(&nul).unwrap();
        ParquetWriter::new(&mut f).finish(&mut df).unwrap();
        let err = refused(&nul, &out);
        assert!(
            err.contains("nul.parquet")
                && err.contains("line 3")
                && err.contains("control character"),
            "{err}"
        );
        let junk = dir.join("junk.parquet");
        std::fs::write(&junk, "municipality,year\nA,2023\n").unwrap();
        let err = refused(&junk, &out);
        assert!(
            err.contains("junk.parquet") && err.contains("not a readable Parquet file"),
            "{err}"
        );
        assert!(!out.exists());
    }

    /// `--panel FILE.parquet` holds the rows and columns of `--panel
    /// FILE.csv`, the values the same.
    #[test]
    fn the_panel_as_parquet_holds_the_csv_panels_rows() {
        let dir = tempdir("parquet-panel");
        let csv = dir.join("all.csv");
        crate::panel::long_csv(&csv, &crate::panel::municipalities(4));
        let panel = |name: &str| {
            let path = dir.join(name);
            let out = dir.join(format!("o-{name}"));
            let args = ["batch", path_str(&csv), "--report", "none", "--out"];
            let o = run_en(&[&args[..], &[path_str(&out), "--panel", path_str(&path)]].concat());
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            path
        };
        let text = std::fs::read_to_string(panel("p.csv")).unwrap();
        let f = std::fs::File::open(panel("p.parquet")).unwrap();
        let df = ParquetReader::new(f).finish().unwrap();
        let mut lines = text.lines();
        let head: Vec<&str> = lines.next().unwrap().split(',').collect();
        let names: Vec<String> = df
            .get_column_names()
            .iter()
            .map(|n| n.to_string())
            .collect();
        assert_eq!(head, names);
        let rows: Vec<&str> = lines.collect();
        assert_eq!(df.height(), rows.len());
        // The value column row by row: a decimal in Parquet, its text in CSV.
        let at = head.iter().position(|h| *h == "value").unwrap();
        let values = df.column("value").unwrap();
        for (i, row) in rows.iter().enumerate().step_by(97) {
            let want = row.split(',').nth(at).unwrap();
            let got = match values.get(i).unwrap() {
                AnyValue::Null => String::new(),
                AnyValue::Decimal(m, _, s) => {
                    rust_decimal::Decimal::from_i128_with_scale(m, s as u32).to_string()
                }
                other => panic!("value {other:?}"),
            };
            assert_eq!(got, want, "row {i}: {row}");
        }
    }
}

/// A folder with nothing to read is refused before anything is written.
#[test]
fn a_batch_of_nothing_writes_nothing() {
    let dir = tempdir("batch-nothing");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::write(inputs.join("notes.txt"), "not an input").unwrap();
    let err = refused(&inputs, &dir.join("out"));
    assert!(err.contains("no workbooks or long tables"), "{err}");
}
