//! Hostile and damaged workbooks: each is answered with exit code 2 and a
//! message naming the place, within seconds, never a crash; a legitimate
//! ods with the blank tail spreadsheet programs write still reads.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kivijalka::ingest::grid::Cell;
use kivijalka::ingest::long::read_long_csv;
use kivijalka::ingest::workbook::load_grids;

use crate::support::{
    example, good_rows, income_statement, path_str, run, run_en, stderr, stdout, tempdir, xlsx,
};

/// Runs `args`, checks it ends within a few seconds with exit code 2 and
/// returns stderr.
fn refused(args: &[&str]) -> String {
    let t = Instant::now();
    let o = run_en(args);
    let took = t.elapsed();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.starts_with("error: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(took < Duration::from_secs(10), "{args:?} took {took:?}");
    err
}

#[test]
fn one_cell_at_the_last_corner_of_a_background_sheet_is_refused_naming_it() {
    let dir = tempdir("corner");
    let path = dir.join("corner.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Tuloslaskelma").unwrap();
    for (r, row) in income_statement("1 000 €", good_rows("15"))
        .iter()
        .enumerate()
    {
        for (c, t) in row.iter().enumerate() {
            match t.parse::<f64>() {
                Ok(v) => ws.write_number(r as u32, c as u16, v).unwrap(),
                Err(_) => ws.write_string(r as u32, c as u16, *t).unwrap(),
            };
        }
    }
    let bg = wb.add_worksheet();
    bg.set_name("Taustatiedot").unwrap();
    bg.write_string(0, 0, "Asukasluku").unwrap();
    // XFD1048576, the last cell a sheet has.
    bg.write_number(1_048_575, 16_383, 1.0).unwrap();
    wb.save(&path).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 20_000);

    let err = refused(&["indicators", path_str(&path)]);
    assert!(
        err.contains("corner.xlsx")
            && err.contains("sheet 'Taustatiedot'")
            && err.contains("cell XFD1048576")
            && err.contains("65536 rows × 256 columns"),
        "{err}"
    );

    // One column past the bound is as much refused; the last cell within is read.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Tuloslaskelma").unwrap();
    ws.write_string(0, 256, "huomautus").unwrap();
    wb.save(dir.join("iw.xlsx")).unwrap();
    let err = refused(&["indicators", path_str(&dir.join("iw.xlsx"))]);
    assert!(err.contains("cell IW1"), "{err}");
    let mut rows = income_statement("1 000 €", good_rows("15"));
    rows.resize(65_535, vec![]);
    let mut last = vec![""; 255];
    last.push("huomautus");
    rows.push(last);
    let within = dir.join("within.xlsx");
    xlsx(&within, &[("Tuloslaskelma", rows)]);
    let grids = load_grids(&within).unwrap();
    assert_eq!((grids[0].height(), grids[0].width()), (65_536, 256));
    // The statement's 26 cells and the note.
    assert_eq!(grids[0].len(), 26 + 1);
}

#[test]
fn a_figure_past_the_decimal_range_is_an_error_naming_its_cell() {
    let dir = tempdir("huge");
    let path = dir.join("huge.xlsx");
    // 9e27 thousands: 9e30 €, beyond what a decimal holds.
    xlsx(
        &path,
        &[(
            "Tuloslaskelma",
            income_statement("1 000 €", good_rows("9e27")),
        )],
    );
    let err = refused(&["indicators", path_str(&path)]);
    assert!(
        err.contains("Tuloslaskelma") && err.contains("B12") && err.contains("10^15"),
        "{err}"
    );
    // `check` reports it as a finding (exit 1), also without a crash.
    let o = run(&["check", path_str(&path)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("B12"), "{}", stdout(&o));

    // At the bound it reads: 10^12 thousands is 10^15 €.
    let at_bound = dir.join("at_bound.xlsx");
    xlsx(
        &at_bound,
        &[(
            "Tuloslaskelma",
            income_statement("1 000 €", good_rows("1000000000000")),
        )],
    );
    let o = run(&["check", path_str(&at_bound)]);
    assert!(!stdout(&o).contains("10^15"), "{}", stdout(&o));
}

#[test]
fn empty_foreign_and_truncated_files_are_refused() {
    let dir = tempdir("odd");
    let empty = dir.join("empty.xlsx");
    std::fs::write(&empty, b"").unwrap();
    let err = refused(&["indicators", path_str(&empty)]);
    assert!(
        err.contains("empty.xlsx") && err.contains("empty (0 bytes)"),
        "{err}"
    );

    // Bytes of a fixed pseudo-random sequence, so a failure repeats.
    let random = dir.join("random.xlsx");
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..13_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(&random, &bytes).unwrap();
    let err = refused(&["indicators", path_str(&random)]);
    assert!(
        err.contains("random.xlsx") && err.contains("not a workbook"),
        "{err}"
    );

    let bytes = std::fs::read(example()).unwrap();
    for cut in [4, 100, bytes.len() / 2, bytes.len() - 10] {
        let truncated = dir.join(format!("truncated{cut}.xlsx"));
        std::fs::write(&truncated, &bytes[..cut]).unwrap();
        let err = refused(&["indicators", path_str(&truncated)]);
        assert!(err.contains(&format!("truncated{cut}.xlsx")), "{err}");
    }

    // The same xlsx with a sheet cut off in the middle of its XML.
    let malformed = dir.join("malformed.xlsx");
    rewrite_zip(&example(), &malformed, |name, data| {
        if name.starts_with("xl/worksheets/sheet") {
            data.truncate(data.len() / 2);
        }
    });
    let err = refused(&["indicators", path_str(&malformed)]);
    assert!(
        err.contains("malformed.xlsx") && err.contains("sheet"),
        "{err}"
    );
}

/// Copies a zip, letting `edit` change each entry's bytes.
fn rewrite_zip(from: &Path, to: &Path, mut edit: impl FnMut(&str, &mut Vec<u8>)) {
    crate::support::rewrite_zip(from, to, |name, mut data| {
        edit(name, &mut data);
        (name.to_string(), data)
    });
}

/// A deflate stream of `n` zero bytes built by hand (fixed Huffman codes:
/// one literal, then copies of 258 bytes at distance 1), so a bomb costs
/// the test nothing to make.
pub(crate) fn deflated_zeros(n: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        len: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, bits: u32) {
            self.acc |= value << self.len;
            self.len += bits;
            while self.len >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.len -= 8;
            }
        }
        // Huffman codes go most significant bit first.
        fn code(&mut self, code: u64, bits: u32) {
            let rev = (0..bits).fold(0, |r, i| r | (((code >> i) & 1) << (bits - 1 - i)));
            self.put(rev, bits);
        }
    }
    let mut b = Bits {
        out: Vec::new(),
        acc: 0,
        len: 0,
    };
    b.put(1, 1); // last block
    b.put(1, 2); // fixed Huffman
    b.code(0b0011_0000, 8); // literal 0
    for _ in 0..(n - 1) / 258 {
        b.code(0b1100_0101, 8); // length 258
        b.code(0, 5); // distance 1
    }
    b.code(0, 7); // end of block
    b.put(0, 7);
    b.out
}

/// A zip of one deflated entry written by hand, its declared size a lie.
pub(crate) fn bomb_zip(path: &Path, name: &str, data: &[u8], declared: u32) {
    let mut out = Vec::new();
    let n = name.len() as u16;
    let local = |out: &mut Vec<u8>| {
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&20u16.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&8u16.to_le_bytes());
        out.extend_from_slice(&[0; 4]); // time, date
        out.extend_from_slice(&0u32.to_le_bytes()); // crc
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&declared.to_le_bytes());
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
    };
    local(&mut out);
    out.extend_from_slice(data);
    let cd = out.len() as u32;
    out.extend_from_slice(b"PK\x01\x02");
    out.extend_from_slice(&20u16.to_le_bytes());
    out.extend_from_slice(&20u16.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&8u16.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(&declared.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&[0; 12]); // extra, comment, disk, attributes
    out.extend_from_slice(&0u32.to_le_bytes()); // offset of the local header
    out.extend_from_slice(name.as_bytes());
    let cd_len = out.len() as u32 - cd;
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&cd_len.to_le_bytes());
    out.extend_from_slice(&cd.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    std::fs::write(path, out).unwrap();
}

#[test]
fn zip_bombs_are_refused_before_they_are_read() {
    let dir = tempdir("bomb");
    // 300 MB of shared strings in a file of about 150 KB, declared honestly...
    let zeros = deflated_zeros(300 << 20);
    let bomb = dir.join("bomb.xlsx");
    bomb_zip(&bomb, "xl/sharedStrings.xml", &zeros, 300 << 20);
    assert!(std::fs::metadata(&bomb).unwrap().len() < 2 << 20);
    let err = refused(&["indicators", path_str(&bomb)]);
    assert!(
        err.contains("bomb.xlsx")
            && err.contains("xl/sharedStrings.xml")
            && err.contains("more than 200 MB"),
        "{err}"
    );
    // ... or declared as 1 KB.
    let liar = dir.join("liar.xlsx");
    bomb_zip(&liar, "xl/sharedStrings.xml", &zeros, 1024);
    let err = refused(&["indicators", path_str(&liar)]);
    assert!(
        err.contains("liar.xlsx") && err.contains("xl/sharedStrings.xml"),
        "{err}"
    );

    // A container of very many entries.
    let many = dir.join("many.xlsx");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&many).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..10_001 {
        z.start_file(format!("xl/worksheets/sheet{i}.xml"), stored)
            .unwrap();
    }
    z.finish().unwrap();
    let err = refused(&["indicators", path_str(&many)]);
    assert!(err.contains("10001 entries"), "{err}");
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The example's sheets as an ods, each row padded and each sheet ended
/// with the blank spans LibreOffice writes; `extra` is appended to the
/// first sheet's rows (a hostile span).
pub(crate) fn example_as_ods(path: &Path, extra: &str) {
    let grids = load_grids(&example()).unwrap();
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet>"#,
    );
    for (i, g) in grids.iter().enumerate() {
        x += &format!(r#"<table:table table:name="{}">"#, escape(&g.name));
        let mut rows = 0;
        for r in 0..g.height() {
            x += "<table:table-row>";
            let mut col = 0;
            for (c, cell) in g.row_cells(r) {
                if c > col {
                    x += &format!(
                        r#"<table:table-cell table:number-columns-repeated="{}"/>"#,
                        c - col
                    );
                }
                match cell {
                    Cell::Number(n) => {
                        x += &format!(
                            r#"<table:table-cell office:value-type="float" office:value="{0}"><text:p>{0}</text:p></table:table-cell>"#,
                            n.value
                        )
                    }
                    Cell::Text(t) | Cell::Error(t) => {
                        x += &format!(
                            r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                            escape(t)
                        )
                    }
                    Cell::Empty => x += "<table:table-cell/>",
                }
                col = c + 1;
            }
            x += &format!(
                r#"<table:table-cell table:number-columns-repeated="{}"/></table:table-row>"#,
                16_384 - col
            );
            rows += 1;
        }
        if i == 0 {
            x += extra;
        }
        x += &format!(
            r#"<table:table-row table:number-rows-repeated="{}"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>"#,
            1_048_576 - rows
        );
    }
    x += "</office:spreadsheet></office:body></office:document-content>";
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    z.start_file("META-INF/manifest.xml", stored).unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#)
        .unwrap();
    z.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    z.write_all(x.as_bytes()).unwrap();
    z.finish().unwrap();
}

fn in_dir(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

#[test]
fn an_ods_with_a_blank_tail_reads_as_its_xlsx_and_one_with_far_content_is_refused() {
    let dir = tempdir("ods");
    let ods = in_dir(&dir, "kivikoski.ods");
    example_as_ods(&ods, "");
    let t = Instant::now();
    let from_ods = run(&["indicators", path_str(&ods)]);
    assert!(t.elapsed() < Duration::from_secs(10));
    assert_eq!(from_ods.status.code(), Some(0), "{}", stderr(&from_ods));
    let from_xlsx = run(&["indicators", path_str(&example())]);
    assert_eq!(stdout(&from_ods), stdout(&from_xlsx));

    // A value below the blank rows, at the last row a sheet has.
    let far = in_dir(&dir, "far.ods");
    example_as_ods(
        &far,
        r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#,
    );
    let err = refused(&["indicators", path_str(&far)]);
    assert!(
        err.contains("far.ods") && err.contains("65536 rows"),
        "{err}"
    );

    // One value repeated across a whole row span.
    let spread = in_dir(&dir, "spread.ods");
    example_as_ods(
        &spread,
        r#"<table:table-row table:number-rows-repeated="100000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#,
    );
    let err = refused(&["indicators", path_str(&spread)]);
    assert!(
        err.contains("spread.ods") && err.contains("cell IW42") && err.contains("repeated"),
        "{err}"
    );

    // Elements left open, and a count that is not one.
    let broken = in_dir(&dir, "broken.ods");
    example_as_ods(&broken, "<table:table-row><table:table-cell>");
    let err = refused(&["indicators", path_str(&broken)]);
    assert!(
        err.contains("broken.ods") && err.contains("content.xml"),
        "{err}"
    );
    let count = in_dir(&dir, "count.ods");
    example_as_ods(
        &count,
        r#"<table:table-row table:number-rows-repeated="many"><table:table-cell/></table:table-row>"#,
    );
    let err = refused(&["indicators", path_str(&count)]);
    assert!(err.contains("number-rows-repeated"), "{err}");
}

#[test]
fn long_tables_with_giant_fields_or_columns_are_refused_naming_the_line() {
    let wide = format!(
        "municipality;year;item;value{}\nTestilä;2024;tl.vuosikate;1\n",
        ";x".repeat(1_000_000)
    );
    let e = read_long_csv(&wide, "wide.csv").unwrap_err().to_string();
    assert!(
        e.contains("wide.csv") && e.contains("line 1") && e.contains("1000004 columns"),
        "{e}"
    );

    let giant = format!(
        "municipality;year;item;value\n{};2024;tl.vuosikate;1\n",
        "A".repeat(5_000_000)
    );
    let e = read_long_csv(&giant, "giant.csv").unwrap_err().to_string();
    assert!(
        e.contains("line 2") && e.contains("5000000 characters"),
        "{e}"
    );
    assert!(
        e.len() < 500,
        "the message quotes the field: {} bytes",
        e.len()
    );

    let huge = "municipality;year;item;value;unit\nTestilä;2024;tl.vuosikate;9000000000000000000000000000;milj. €\n";
    let e = read_long_csv(huge, "huge.csv").unwrap_err().to_string();
    assert!(e.contains("line 2") && e.contains("10^15"), "{e}");

    let year = "municipality;year;item;value\nTestilä;2147483647;tl.vuosikate;1\n";
    let e = read_long_csv(year, "year.csv").unwrap_err().to_string();
    assert!(e.contains("not a year"), "{e}");

    // Halves of a cent round away from zero, as everywhere else.
    let half = "municipality;year;item;value\nTestilä;2024;tl.vuosikate;0,125\nTestilä;2024;tl.verotulot;-0,125\n";
    let ds = &read_long_csv(half, "half.csv").unwrap()[0];
    let v: Vec<String> = ds.figures.values().map(|f| f.value.to_string()).collect();
    assert!(
        v.contains(&"0.13".to_string()) && v.contains(&"-0.13".to_string()),
        "{v:?}"
    );
}

/// A BIFF8 record.
fn record(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
    out.extend_from_slice(&typ.to_le_bytes());
    out.extend_from_slice(&(data.len() as u16).to_le_bytes());
    out.extend_from_slice(data);
}

/// An Excel 97–2003 workbook of one sheet written record by record:
/// numbers as NUMBER records, text as LABEL records, and `far` as numbers
/// at the given (row, column).
fn xls(path: &Path, sheet: &str, rows: &[Vec<&str>], far: &[(u16, u16)]) {
    xls_with(path, sheet, rows, far, &[], 0);
}

/// `xls` with `extra` records at the head of the sheet, and the sheet's
/// offset in its BoundSheet moved by `shift` bytes.
fn xls_with(
    path: &Path,
    sheet: &str,
    rows: &[Vec<&str>],
    far: &[(u16, u16)],
    extra: &[(u16, Vec<u8>)],
    shift: u32,
) {
    let bof = |dt: u16| {
        let mut d = vec![0u8; 16];
        d[0..2].copy_from_slice(&0x0600u16.to_le_bytes());
        d[2..4].copy_from_slice(&dt.to_le_bytes());
        d
    };
    let number = |r: u16, c: u16, v: f64| {
        let mut d = Vec::new();
        d.extend_from_slice(&r.to_le_bytes());
        d.extend_from_slice(&c.to_le_bytes());
        d.extend_from_slice(&0u16.to_le_bytes());
        d.extend_from_slice(&v.to_le_bytes());
        d
    };
    let mut cells = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, t) in row.iter().enumerate() {
            if t.is_empty() {
                continue;
            }
            match t.parse::<f64>() {
                Ok(v) => record(&mut cells, 0x0203, &number(r as u16, c as u16, v)),
                Err(_) => {
                    let units: Vec<u16> = t.encode_utf16().collect();
                    let mut d = Vec::new();
                    d.extend_from_slice(&(r as u16).to_le_bytes());
                    d.extend_from_slice(&(c as u16).to_le_bytes());
                    d.extend_from_slice(&0u16.to_le_bytes());
                    d.extend_from_slice(&(units.len() as u16).to_le_bytes());
                    d.push(1); // UTF-16
                    for u in units {
                        d.extend_from_slice(&u.to_le_bytes());
                    }
                    record(&mut cells, 0x0204, &d);
                }
            }
        }
    }
    for (r, c) in far {
        record(&mut cells, 0x0203, &number(*r, *c, 1.0));
    }
    let name: Vec<u8> = sheet.bytes().collect();
    let globals_len = (4 + 16) + (4 + 8 + name.len()) + 4;
    let mut out = Vec::new();
    record(&mut out, 0x0809, &bof(0x0005));
    let mut bs = (globals_len as u32 + shift).to_le_bytes().to_vec();
    bs.extend_from_slice(&[0, 0, name.len() as u8, 0]);
    bs.extend_from_slice(&name);
    record(&mut out, 0x0085, &bs);
    record(&mut out, 0x000A, &[]);
    assert_eq!(out.len(), globals_len);
    record(&mut out, 0x0809, &bof(0x0010));
    for (typ, data) in extra {
        record(&mut out, *typ, data);
    }
    out.extend_from_slice(&cells);
    record(&mut out, 0x000A, &[]);
    // Below the 4 096 bytes of a regular stream the compound file stores it
    // in its mini stream; either way is valid.
    let mut cf = cfb::create(path).unwrap();
    let mut s = cf.create_stream("/Workbook").unwrap();
    s.write_all(&out).unwrap();
    drop(s);
    cf.flush().unwrap();
}

#[test]
fn an_xls_reads_as_its_xlsx_and_one_with_far_cells_is_refused() {
    let dir = tempdir("xls");
    let rows = income_statement("1 000 €", good_rows("15"));
    let from_xls = dir.join("testila.xls");
    xls(&from_xls, "Tuloslaskelma", &rows, &[]);
    let from_xlsx = dir.join("testila.xlsx");
    xlsx(&from_xlsx, &[("Tuloslaskelma", rows.clone())]);
    let a = run(&["indicators", path_str(&from_xls)]);
    assert_eq!(a.status.code(), Some(0), "{}", stderr(&a));
    let b = run(&["indicators", path_str(&from_xlsx)]);
    // The title names the file when the workbook does not name the municipality.
    assert_eq!(
        stdout(&a).replace("testila.xls", "testila"),
        stdout(&b).replace("testila.xlsx", "testila")
    );

    // A record may put a cell in any of 65 536 columns.
    let wide = dir.join("wide.xls");
    xls(&wide, "Tuloslaskelma", &rows, &[(3, 65_535)]);
    let err = refused(&["indicators", path_str(&wide)]);
    assert!(
        err.contains("wide.xls")
            && err.contains("sheet 'Tuloslaskelma'")
            && err.contains("cell CRXP4"),
        "{err}"
    );

    // Within the bounds, but the reader would fill the whole sheet.
    let corners = dir.join("corners.xls");
    xls(&corners, "Tuloslaskelma", &rows, &[(65_535, 255)]);
    let err = refused(&["indicators", path_str(&corners)]);
    assert!(err.contains("A1:IV65536"), "{err}");

    let not_xls = dir.join("document.xls");
    let mut cf = cfb::create(&not_xls).unwrap();
    cf.create_stream("/WordDocument")
        .unwrap()
        .write_all(b"text")
        .unwrap();
    cf.flush().unwrap();
    drop(cf);
    let err = refused(&["indicators", path_str(&not_xls)]);
    assert!(err.contains("without a workbook"), "{err}");
}

#[test]
fn an_xls_whose_records_would_crash_the_reader_is_refused() {
    let dir = tempdir("xls-records");
    let rows = income_statement("1 000 €", good_rows("15"));
    // DIMENSIONS (BIFF8): first row, last row + 1, first column, last + 1.
    let dims = |r0: u32, r1: u32, c0: u16, c1: u16| {
        let mut d = Vec::new();
        d.extend_from_slice(&r0.to_le_bytes());
        d.extend_from_slice(&r1.to_le_bytes());
        d.extend_from_slice(&c0.to_le_bytes());
        d.extend_from_slice(&c1.to_le_bytes());
        d.extend_from_slice(&[0, 0]);
        (0x0200, d)
    };
    // The reader set aside rows × columns cells: 44 TB for rows to 2^32,
    // and a reversed range wrapped around to the same.
    let cases = [
        (
            "endless.xls",
            vec![dims(0, u32::MAX, 0, 256)],
            0,
            "record DIMENSIONS is impossible",
        ),
        (
            "reversed.xls",
            vec![dims(100, 5, 0, 4)],
            0,
            "record DIMENSIONS is impossible",
        ),
        // MULRK: row, first column, (xf, rk)…, last column before the first.
        (
            "mulrk.xls",
            vec![(0x00BD, [0u8, 0, 10, 0, 0, 0, 0, 0, 0, 0, 5, 0].to_vec())],
            0,
            "record MULRK is impossible",
        ),
        // The sheet's offset into its own BOF's middle, then past the end:
        // the reader jumped there unscanned, or panicked.
        ("inside.xls", vec![], 2, "starts at byte"),
        ("beyond.xls", vec![], 0x7FFF_0000, "starts at byte"),
    ];
    for (name, extra, shift, said) in cases {
        let path = dir.join(name);
        xls_with(&path, "Tuloslaskelma", &rows, &[], &extra, shift);
        let err = refused(&["indicators", path_str(&path)]);
        assert!(err.contains(name) && err.contains(said), "{name}: {err}");
    }
    // Its used range as Excel writes it reads.
    let path = dir.join("fine.xls");
    xls_with(
        &path,
        "Tuloslaskelma",
        &rows,
        &[],
        &[dims(0, 65_536, 0, 256)],
        0,
    );
    let o = run(&["indicators", path_str(&path)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_chart_sheet_is_no_obstacle() {
    let dir = tempdir("chart");
    let path = dir.join("chart.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Tuloslaskelma").unwrap();
    for (r, row) in income_statement("1 000 €", good_rows("15"))
        .iter()
        .enumerate()
    {
        for (c, t) in row.iter().enumerate() {
            match t.parse::<f64>() {
                Ok(v) => ws.write_number(r as u32, c as u16, v).unwrap(),
                Err(_) => ws.write_string(r as u32, c as u16, *t).unwrap(),
            };
        }
    }
    let mut chart = rust_xlsxwriter::Chart::new(rust_xlsxwriter::ChartType::Column);
    chart.add_series().set_values("Tuloslaskelma!$B$6:$B$12");
    let cs = wb.add_chartsheet();
    cs.set_name("Kaavio").unwrap();
    cs.insert_chart(0, 0, &chart).unwrap();
    wb.save(&path).unwrap();
    let grids = load_grids(&path).unwrap();
    assert_eq!(grids.len(), 2);
    assert!(grids[1].is_empty());
    let o = run(&["indicators", path_str(&path)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}
