//! Shared helpers: paths, the example builder, running the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "../../examples/make_example.rs"]
#[allow(dead_code)]
pub mod make_example;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn example() -> PathBuf {
    root().join("data/kivikoski.xlsx")
}

/// A fresh temporary directory for one test.
pub fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kivijalka-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kivijalka"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run kivijalka")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A workbook from rows of text; a cell that parses as a number is written as one.
pub fn xlsx(path: &Path, sheets: &[(&str, Vec<Vec<&str>>)]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if text.is_empty() {
                    continue;
                }
                match text.parse::<f64>() {
                    Ok(v) => ws.write_number(r as u32, c as u16, v).unwrap(),
                    Err(_) => ws.write_string(r as u32, c as u16, *text).unwrap(),
                };
            }
        }
    }
    wb.save(path).unwrap();
}
