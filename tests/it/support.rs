//! Shared helpers: paths, the example builder, running the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "../../examples/make_example.rs"]
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

/// Runs kivijalka from the repository's root, in its default language
/// whatever the shell running the tests sets.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kivijalka"))
        .args(args)
        .current_dir(root())
        .env_remove("KIVIJALKA_LANG")
        .output()
        .expect("run kivijalka")
}

/// Runs kivijalka in English, for tests that read its English messages.
pub fn run_en(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kivijalka"))
        .args(args)
        .current_dir(root())
        .env("KIVIJALKA_LANG", "en")
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

/// The example's figures as a long table (semicolons, Finnish decimal
/// commas), once for each name, with the code `code(i)` for the i-th.
pub fn long_table(path: &Path, names: &[&str], code: impl Fn(usize) -> usize) {
    let ds = kivijalka::ingest::read_path(&example()).unwrap();
    let mut s = String::from("kunta;kuntanumero;taho;vuosi;laji;rivi;arvo\n");
    for (i, name) in names.iter().enumerate() {
        for ((e, id, y), f) in &ds.figures {
            let taho = if *e == kivijalka::model::dataset::Entity::City {
                "kaupunki"
            } else {
                "konserni"
            };
            let kind = ds.kind(*y).unwrap();
            let v = f.value.normalize().to_string().replace('.', ",");
            s.push_str(&format!("{name};{};{taho};{y};{kind};{id};{v}\n", code(i)));
        }
    }
    std::fs::write(path, s).unwrap();
}

/// An income statement sheet of a small test city: title, unit, years,
/// then `rows`.
pub fn income_statement(
    unit: &'static str,
    rows: Vec<Vec<&'static str>>,
) -> Vec<Vec<&'static str>> {
    let mut out = vec![
        vec!["Testilä"],
        vec!["Tuloslaskelma"],
        vec![unit],
        vec![],
        vec!["", "TP 2024", "TP 2023"],
    ];
    out.extend(rows);
    out
}

/// Its lines, adding up, with the 2024 vuosikate as given ("15" holds).
pub fn good_rows(vuosikate: &'static str) -> Vec<Vec<&'static str>> {
    vec![
        vec!["Toimintatuotot", "100", "90"],
        vec!["Toimintakulut", "-500", "-480"],
        vec!["Toimintakate", "-400", "-390"],
        vec!["Verotulot", "300", "290"],
        vec!["Valtionosuudet", "120", "110"],
        vec!["Rahoitustuotot ja -kulut", "-5", "-5"],
        vec!["Vuosikate", vuosikate, "5"],
    ]
}

/// Copies the zip `from` to `to`, letting `edit` rename each entry or
/// change its bytes.
pub fn rewrite_zip(
    from: &Path,
    to: &Path,
    mut edit: impl FnMut(&str, Vec<u8>) -> (String, Vec<u8>),
) {
    use std::io::{Read, Write};
    let mut zin = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let mut data = Vec::new();
        e.read_to_end(&mut data).unwrap();
        let (name, data) = edit(&name, data);
        zout.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        zout.write_all(&data).unwrap();
    }
    zout.finish().unwrap();
}

/// `text`, the example's income statement part, with its cell C9
/// (Maksutuotot, 2020) written as `xml`.
pub fn c9_written(text: &str, xml: &str) -> String {
    let start = text.find("<c r=\"C9\"").expect("C9 in the example");
    let end = start + text[start..].find("</c>").unwrap() + "</c>".len();
    format!("{}{xml}{}", &text[..start], &text[end..])
}
