//! Looks inside a workbook file before the spreadsheet reader does, so that
//! an empty, truncated, foreign or hostile file is refused with a reason
//! instead of exhausting memory.
//!
//! A zip container (xlsx, xlsm, xlsb, ods) is measured by decompressing
//! every part, whatever its name: the sizes a zip declares can lie, the bytes
//! cannot. An ods sheet is scanned for where its content lies, because the
//! reader turns each sheet into a dense range: a value repeated over a
//! million rows, or two cells at opposite corners, would cost gigabytes. An
//! xls is scanned record by record for the same reason.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use quick_xml::Reader as XmlReader;
use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, Location, Result, Text, cell_name};
use crate::ingest::grid;
use crate::ingest::number::ScaledFormat;
use crate::text;

/// The largest workbook file read. Published statements are well under a
/// megabyte; a long table of every municipality a few megabytes.
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;
/// Entries in a zip container. A workbook has a few dozen.
pub const MAX_ENTRIES: usize = 10_000;
/// Decompressed bytes of any one part, and of all parts read together.
pub const MAX_PART_BYTES: u64 = 200 * 1024 * 1024;
pub const MAX_TOTAL_BYTES: u64 = 400 * 1024 * 1024;
/// Cells an ods or xls sheet may span from its first content to its last
/// (rows × columns): the reader allocates this many cells, twice.
pub const MAX_DENSE_AREA: u64 = 4 * 1024 * 1024;

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Checks that `path` is a regular file of at most [`MAX_FILE_BYTES`],
/// before anything reads it: a pipe would make the reader wait for ever,
/// a device (/dev/zero) or a file of gigabytes fill the memory.
pub fn bounded_file(path: &Path, file: &str) -> Result<std::fs::Metadata> {
    let at = || Location::file(file);
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::input(
            at(),
            text!("ei ole tiedosto", "inte en fil", "not a file"),
        ));
    }
    super::note_input(path);
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::input(at(), {
            let (mb, max) = (meta.len() >> 20, MAX_FILE_BYTES >> 20);
            text!(
                "tiedosto on {mb} Mt; kivijalka lukee enintään {max} Mt:n työkirjoja",
                "filen är {mb} MB; kivijalka läser arbetsböcker på högst {max} MB",
                "the file is {mb} MB; kivijalka reads workbooks of at most {max} MB"
            )
        }));
    }
    Ok(meta)
}

/// Numeric cells an xlsx shows divided by a power of a thousand, by sheet
/// and (row, column) from zero.
pub type ScaledCells = BTreeMap<String, BTreeMap<(u32, u32), ScaledFormat>>;

/// Checks that `path` is a workbook that can be read within bounds, judging
/// what it holds by its first bytes rather than its name: a zip (xlsx, xlsm,
/// xlsb, ods) or an OLE file (xls). Returns the cells whose number format
/// scales what they show, which the reader does not say.
pub fn check(path: &Path, file: &str) -> Result<ScaledCells> {
    let at = || Location::file(file);
    let meta = bounded_file(path, file)?;
    if meta.len() == 0 {
        return Err(Error::input(
            at(),
            text!(
                "tiedosto on tyhjä (0 tavua)",
                "filen är tom (0 byte)",
                "the file is empty (0 bytes)"
            ),
        ));
    }
    let mut head = Vec::with_capacity(8);
    File::open(path)
        .and_then(|f| f.take(8).read_to_end(&mut head))
        .map_err(|e| Error::io(path, e))?;
    if head.starts_with(OLE_MAGIC) {
        check_xls(path, file)?;
        return Ok(ScaledCells::new());
    }
    if head.starts_with(EMPTY_ZIP_MAGIC) {
        return Err(Error::input(
            at(),
            text!(
                "tyhjä zip-arkisto, ei työkirja: siinä ei ole taulukoita",
                "ett tomt zip-arkiv, inte en arbetsbok: det innehåller inga blad",
                "an empty zip archive, not a workbook: it holds no sheets"
            ),
        ));
    }
    if !head.starts_with(ZIP_MAGIC) {
        return Err(Error::input(
            at(),
            text!(
                "ei työkirja: tiedosto ei ole zip-säiliö (xlsx, xlsm, xlsb, ods) \
                 eikä Excel 97–2003 -tiedosto (xls), sanoipa sen nimi mitä tahansa",
                "inte en arbetsbok: filen är varken en zip-behållare (xlsx, xlsm, xlsb, ods) \
                 eller en Excel 97–2003-fil (xls), vad dess namn än säger",
                "not a workbook: the file is neither a zip container (xlsx, xlsm, xlsb, ods) \
                 nor an Excel 97–2003 file (xls), whatever its name says"
            ),
        ));
    }
    check_zip(path, file)
}

/// Decompresses every part within the limits, then scans each part the
/// xlsx reader would open as a sheet, and an ods's sheets.
fn check_zip(path: &Path, file: &str) -> Result<ScaledCells> {
    let at = || Location::file(file);
    let f = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(f)).map_err(|e| {
        Error::input(
            at(),
            text!(
                "vaurioitunut tai katkennut zip-säiliö, ei luettava työkirja: {e}",
                "en skadad eller avkortad zip-behållare, inte en läsbar arbetsbok: {e}",
                "a damaged or truncated zip container, not a readable workbook: {e}"
            ),
        )
    })?;
    if zip.len() > MAX_ENTRIES {
        return Err(Error::input(at(), {
            let n = zip.len();
            text!(
                "zip-säiliössä on {n} osaa; työkirjassa on muutamia kymmeniä (enintään {MAX_ENTRIES} luetaan)",
                "zip-behållaren har {n} delar; en arbetsbok har några dussin (högst {MAX_ENTRIES} läses)",
                "the zip container has {n} entries; a workbook has a few dozen (at most {MAX_ENTRIES} read)"
            )
        }));
    }
    let mut total = 0u64;
    let mut is_ods = false;
    let mut formulas = Vec::new();
    let mut scaled = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| {
            Error::input(at(), {
                let n = i + 1;
                text!(
                    "zip-säiliön osaa {n} ei voi lukea: {e}",
                    "del {n} i zip-behållaren kan inte läsas: {e}",
                    "entry {n} of the zip container cannot be read: {e}"
                )
            })
        })?;
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        if name == "mimetype" {
            let mut m = Vec::new();
            let _ = (&mut entry).take(100).read_to_end(&mut m);
            is_ods |= m.starts_with(b"application/vnd.oasis.opendocument.spreadsheet");
            continue;
        }
        // Every entry, whatever its name: the reader opens whichever part
        // the workbook's relationships name, `.dat` or no extension at all.
        if entry.is_dir() {
            continue;
        }
        let n = measure(&mut entry, MAX_PART_BYTES.min(MAX_TOTAL_BYTES - total)).map_err(|e| {
            Error::input(
                at(),
                text!(
                    "zip-säiliön osaa '{name}' ei voi lukea (vaurioitunut tai katkennut): {e}",
                    "delen '{name}' i zip-behållaren kan inte läsas (skadad eller avkortad): {e}",
                    "part '{name}' of the zip container cannot be read (damaged or truncated): {e}"
                ),
            )
        })?;
        let Some(n) = n else {
            let (part, all) = (MAX_PART_BYTES >> 20, MAX_TOTAL_BYTES >> 20);
            let message = if MAX_PART_BYTES <= MAX_TOTAL_BYTES - total {
                text!(
                    "osa '{name}' purkautuu yli {part} Mt:ksi, paljon suuremmaksi kuin työkirja (zip-pommi?)",
                    "delen '{name}' packas upp till mer än {part} MB, långt mer än en arbetsbok rymmer (en zip-bomb?)",
                    "part '{name}' decompresses to more than {part} MB, far more than a workbook holds (a zip bomb?)"
                )
            } else {
                text!(
                    "osat purkautuvat yli {all} Mt:ksi, paljon suuremmiksi kuin työkirja (zip-pommi?)",
                    "delarna packas upp till mer än {all} MB, långt mer än en arbetsbok rymmer (en zip-bomb?)",
                    "the parts decompress to more than {all} MB, far more than a workbook holds (a zip bomb?)"
                )
            };
            return Err(Error::input(at(), message));
        };
        total += n;
    }
    // Within the limits just measured: read again to parse.
    let book = book(&mut zip);
    let strings = parsed_cost(&mut zip, &book, file)?;
    // After the styles' cost is bounded: they are parsed whole.
    let styles = cell_styles(&mut zip);
    let scaling: Vec<bool> = styles.iter().map(Option::is_some).collect();
    for i in 0..zip.len() {
        let entry = zip
            .by_index(i)
            .map_err(|e| Error::io(path, std::io::Error::other(e)))?;
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        let sheet = book.sheets.iter().find(|s| s.index == i);
        if sheet.is_none() && !crate::ingest::xlsx_refs::is_worksheet(&name) {
            continue;
        }
        let mut f = crate::ingest::xlsx_refs::scan(
            BufReader::with_capacity(1 << 16, entry),
            &name,
            file,
            &scaling,
            strings,
        )?;
        if let Some(sheet) = sheet.filter(|_| !f.sheet_data) {
            return Err(Error::input(
                Location::sheet(file, &sheet.name),
                text!(
                    "taulukon osassa '{name}' ei ole soluja (<sheetData>): se ei ole laskentataulukko tai ei ole UTF-8-tekstiä",
                    "bladets del '{name}' har inga celler (<sheetData>): den är inget kalkylblad eller ingen UTF-8-text",
                    "the sheet's part '{name}' has no cells (<sheetData>): it is no worksheet, or not UTF-8 text"
                ),
            ));
        }
        // A sheet's cells by its name, from the relationships that found it.
        if let Some(sheet) = sheet.filter(|_| !f.scaled.is_empty()) {
            scaled.push((sheet.name.clone(), std::mem::take(&mut f.scaled)));
        }
        if f.first.is_some() {
            formulas.push((name, f));
        }
    }
    if !formulas.is_empty() {
        uncomputed(&formulas, &book, file)?;
    }
    if is_ods
        || zip.index_for_name("content.xml").is_some()
            && zip.index_for_name("xl/workbook.xml").is_none()
    {
        let entry = zip.by_name("content.xml").map_err(|e| {
            Error::input(
                at(),
                text!(
                    "ods ilman taulukoitaan (content.xml): {e}",
                    "en ods utan sina blad (content.xml): {e}",
                    "an ods without its sheets (content.xml): {e}"
                ),
            )
        })?;
        scan_ods(BufReader::new(entry), file)?;
    }
    Ok(scaled_cells(scaled, &styles))
}

/// The styles of an xlsx's cells and their number formats, if any scale.
fn cell_styles<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> Vec<Option<ScaledFormat>> {
    let mut s = String::new();
    match zip.by_name("xl/styles.xml") {
        Ok(e) => {
            let _ = e.take(MAX_PART_BYTES).read_to_string(&mut s);
            crate::ingest::xlsx_refs::cell_styles(&s)
        }
        Err(_) => Vec::new(),
    }
}

/// Each sheet's scaled cells by position.
fn scaled_cells(
    sheets: Vec<(String, Vec<(String, usize)>)>,
    styles: &[Option<ScaledFormat>],
) -> ScaledCells {
    let mut out = ScaledCells::new();
    for (sheet, cells) in sheets {
        for (at, style) in cells {
            let pos = crate::ingest::xlsx_refs::position(&at);
            if let (Some((r, c)), Some(Some(f))) = (pos, styles.get(style)) {
                out.entry(sheet.clone())
                    .or_default()
                    .insert((r, c), f.clone());
            }
        }
    }
    out
}

/// Refuses a workbook whose formulas were not computed, naming the first
/// such cell: a formula with no saved value reads as an empty cell, and
/// in a workbook that asks to be computed when opened (`fullCalcOnLoad`,
/// as programs that write formulas without computing them mark it) every
/// saved value is a placeholder, usually 0, which would be read as the
/// figure. A spreadsheet program computes and saves them.
fn uncomputed(
    formulas: &[(String, crate::ingest::xlsx_refs::Formulas)],
    book: &Book,
    file: &str,
) -> Result<()> {
    let on_load = book.full_calc;
    let (part, cell) = match formulas
        .iter()
        .find_map(|(p, f)| f.unsaved.as_ref().map(|c| (p, c)))
    {
        Some(found) => found,
        None if on_load => {
            let (p, f) = &formulas[0];
            (p, f.first.as_ref().expect("kept only with a formula"))
        }
        None => return Ok(()),
    };
    let sheet = book.sheet_of(part);
    // The reference goes into the message as written (quoted, cut): only a
    // named sheet makes it a cell of the location.
    let shown = crate::ingest::number::quoted(cell);
    let (at, place) = match sheet {
        // A cell may leave out its reference (`<c>`): the sheet, then.
        Some(sheet) if cell.is_empty() => (Location::sheet(file, sheet), String::new()),
        Some(sheet) => (Location::cell(file, sheet, cell.as_str()), String::new()),
        None => (Location::file(file), format!("{part}, {shown}: ")),
    };
    Err(Error::input(
        at,
        text!(
            "{place}kaavan arvoa ei ole laskettu (tiedoston kirjoittanut ohjelma ei laske kaavoja); avaa ja tallenna työkirja Excelissä tai LibreOfficessa, niin arvot tallentuvat",
            "{place}formelns värde har inte räknats ut (programmet som skrev filen räknar inte formler); öppna och spara arbetsboken i Excel eller LibreOffice så sparas värdena",
            "{place}its formula's value was never computed (the program that wrote the file does not compute formulas); open and save the workbook in Excel or LibreOffice to store the values"
        ),
    ))
}

/// A worksheet the xlsx reader would open: its name and its zip entry.
pub(crate) struct BookSheet {
    pub name: String,
    pub index: usize,
    pub part: String,
}

/// What the checks need of an xlsx's workbook part, found the way the
/// reader finds it.
#[derive(Default)]
pub(crate) struct Book {
    pub sheets: Vec<BookSheet>,
    /// The entries of the workbook's styles and shared strings.
    pub styles: Option<usize>,
    pub strings: Option<usize>,
    /// Whether the workbook asks to be computed when opened.
    pub full_calc: bool,
}

impl Book {
    fn sheet_of(&self, part: &str) -> Option<String> {
        (self.sheets.iter())
            .find(|s| s.part == part)
            .map(|s| s.name.clone())
    }
}

/// The worksheets of an xlsx as the reader resolves them: the package's
/// relationships name the workbook part (`xl/workbook.xml` unless they say
/// otherwise), the workbook's relationships name each sheet's part,
/// relative to the workbook's folder or absolute, and an entry is looked
/// up with `\` read as `/` and case ignored. A check that went by the
/// usual names (`xl/worksheets/*.xml`) would miss a sheet stored as
/// `xl/sheet1.xml`, `sheet1.dat` or `xl\worksheets\sheet1.xml`, which the
/// reader opens all the same. Whatever cannot be read here is left to the
/// reader to refuse.
fn book<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> Book {
    let names: std::collections::HashMap<String, usize> = (0..zip.len())
        .filter_map(|i| {
            let n = zip.name_for_index(i)?.ok()?;
            Some((n.replace('\\', "/").to_ascii_lowercase(), i))
        })
        .collect();
    let find = |zip: &zip::ZipArchive<R>, path: &str| {
        (names.get(&path.to_ascii_lowercase()).copied()).or_else(|| zip.index_for_name(path))
    };
    let (mut dir, mut workbook) = ("xl/".to_string(), "workbook.xml".to_string());
    let package = elements(zip, find(zip, "_rels/.rels"), "Relationship");
    let office = package
        .iter()
        .find(|r| attr(r, "Type").is_some_and(|t| t.ends_with("/relationships/officeDocument")));
    if let Some(target) = office.and_then(|r| attr(r, "Target")) {
        let (d, n) = target.split_at(target.rfind('/').map_or(0, |i| i + 1));
        dir = d.strip_prefix('/').unwrap_or(d).to_string();
        if !n.is_empty() {
            workbook = n.to_string();
        }
    }
    let rels = elements(
        zip,
        find(zip, &format!("{dir}_rels/{workbook}.rels")),
        "Relationship",
    );
    let mut book = Book {
        styles: find(zip, &format!("{dir}styles.xml")),
        strings: find(zip, &format!("{dir}sharedStrings.xml")),
        ..Book::default()
    };
    let workbook = find(zip, &format!("{dir}{workbook}"));
    // An xsd:boolean, in either quote, with spaces around '=' or the value.
    book.full_calc = (elements(zip, workbook, "calcPr").iter())
        .filter_map(|c| attr(c, "fullCalcOnLoad"))
        .any(|v| matches!(v.trim(), "1" | "true"));
    for sheet in elements(zip, workbook, "sheet") {
        let (Some(name), Some(id)) = (attr(&sheet, "name"), attr(&sheet, "id")) else {
            continue;
        };
        let Some(rel) = rels.iter().find(|r| attr(r, "Id") == Some(id)) else {
            continue;
        };
        let worksheet =
            attr(rel, "Type").is_some_and(|t| t.rsplit('/').next() == Some("worksheet"));
        let Some(target) = attr(rel, "Target").filter(|_| worksheet) else {
            continue;
        };
        let path = match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("{dir}{target}"),
        };
        if let Some(index) = find(zip, &path) {
            let part = (zip.name_for_index(index).and_then(|n| n.ok()))
                .map_or(String::new(), |n| n.into_owned());
            book.sheets.push(BookSheet {
                name: name.to_string(),
                index,
                part,
            });
        }
    }
    book
}

/// The attributes of every element named `local` in a part, by local
/// name; nothing if the part is missing or not XML.
fn elements<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    index: Option<usize>,
    local: &str,
) -> Vec<Vec<(String, String)>> {
    let mut out = Vec::new();
    let Some(entry) = index.and_then(|i| zip.by_index(i).ok()) else {
        return out;
    };
    let mut xml = XmlReader::from_reader(BufReader::new(entry));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == local => {
                let attrs = (e.attributes().with_checks(false).flatten())
                    .map(|a| {
                        let key = a.key.local_name().as_ref().to_string();
                        let value = (a.normalized_value(quick_xml::XmlVersion::Implicit1_0))
                            .map_or_else(|_| a.value.to_string(), |v| v.into_owned());
                        (key, value)
                    })
                    .collect();
                out.push(attrs);
            }
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
    }
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    (attrs.iter())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Styles (`<xf>`, `<numFmt>`) a workbook may have: Excel itself keeps at
/// most 64 000 cell formats.
pub const MAX_STYLES: u64 = 100_000;
/// Shared strings a workbook may have: no more than the cells read.
pub const MAX_STRINGS: u64 = grid::MAX_CELLS as u64;

/// A part by its index, the elements counted in it, and their limit.
type Counted<'a> = (Option<usize>, &'a [&'a [u8]], u64);

/// Refuses styles or shared strings that would cost gigabytes once parsed,
/// though their part is within the size limit: the reader keeps every one
/// of them, at several times its few bytes of XML (`<si/>`, `<xf/>`).
/// Returns how many shared strings there are, if that is known: none
/// without the part, otherwise its count unless it holds none (a part the
/// count cannot read, UTF-16, is left to the reader).
fn parsed_cost<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    book: &Book,
    file: &str,
) -> Result<Option<u64>> {
    let mut strings = book.strings.is_none().then_some(0);
    let parts: [Counted; 2] = [
        (book.styles, &[b"xf", b"numFmt"], MAX_STYLES),
        (book.strings, &[b"si"], MAX_STRINGS),
    ];
    for (index, names, limit) in parts {
        let Some(entry) = index.and_then(|i| zip.by_index(i).ok()) else {
            continue;
        };
        let part = entry.name().map_or(String::new(), |n| n.into_owned());
        let count = count_within(BufReader::with_capacity(1 << 16, entry), names, limit)
            .map_err(|e| Error::io(Path::new(file), e))?;
        if limit == MAX_STRINGS {
            strings = count.filter(|n| *n > 0);
        }
        if count.is_none() {
            let message = match limit == MAX_STYLES {
                true => text!(
                    "osassa '{part}' on yli {limit} tyyliä; Excel sallii enintään 64 000 solumuotoilua",
                    "delen '{part}' har fler än {limit} format; Excel tillåter högst 64 000 cellformat",
                    "part '{part}' holds more than {limit} styles; Excel allows at most 64 000 cell formats"
                ),
                false => text!(
                    "osassa '{part}' on yli {limit} jaettua tekstiä, enemmän kuin kivijalka lukee soluja",
                    "delen '{part}' har fler än {limit} delade texter, fler än de celler kivijalka läser",
                    "part '{part}' holds more than {limit} shared strings, more than the cells kivijalka reads"
                ),
            };
            return Err(Error::input(Location::file(file), message));
        }
    }
    Ok(strings)
}

/// How many elements with one of the local `names` a part holds, or None
/// past `limit`. Walked byte by byte to each '<', as the sheets are: text
/// of megabytes is passed over, never held.
fn count_within(
    mut r: impl std::io::BufRead,
    names: &[&[u8]],
    limit: u64,
) -> std::io::Result<Option<u64>> {
    let mut count = 0u64;
    let mut name = Vec::with_capacity(16);
    let mut in_name = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(Some(count));
        }
        let mut i = 0;
        while i < buf.len() {
            if !in_name {
                // Text up to the next tag at once.
                match buf[i..].iter().position(|c| *c == b'<') {
                    Some(j) => (i, in_name) = (i + j + 1, true),
                    None => i = buf.len(),
                }
                name.clear();
                continue;
            }
            let b = buf[i];
            i += 1;
            if b.is_ascii_whitespace() || b == b'/' || b == b'>' {
                in_name = false;
                let local = name.rsplit(|c| *c == b':').next().unwrap_or(&[]);
                if names.contains(&local) {
                    count += 1;
                    if count > limit {
                        return Ok(None);
                    }
                }
            } else if name.len() < 16 {
                name.push(b);
            }
        }
        let used = buf.len();
        r.consume(used);
    }
}

/// Whether `path` is an xlsx (a zip whose package names an XML workbook)
/// under a name that would send it to another reader (`.xls`, `.xlsb`,
/// `.ods`): the reader is chosen by the name, while a file is judged by
/// what it holds. Called after [`check`], which bounds the container.
pub fn xlsx_named_otherwise(path: &Path) -> bool {
    let ext = (path.extension())
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !matches!(ext.as_str(), "xls" | "xla" | "xlsb" | "ods") {
        return false;
    }
    let Ok(f) = File::open(path) else {
        return false;
    };
    let Ok(mut zip) = zip::ZipArchive::new(BufReader::new(f)) else {
        return false;
    };
    let rels = (0..zip.len()).find(|&i| {
        (zip.name_for_index(i).and_then(|n| n.ok()))
            .is_some_and(|n| n.replace('\\', "/").eq_ignore_ascii_case("_rels/.rels"))
    });
    elements(&mut zip, rels, "Relationship").iter().any(|r| {
        attr(r, "Type").is_some_and(|t| t.ends_with("/relationships/officeDocument"))
            && attr(r, "Target").is_some_and(|t| t.to_ascii_lowercase().ends_with(".xml"))
    })
}

/// Scans the cell records of an xls (BIFF5 or BIFF8) workbook stream for
/// where each sheet's content lies, as [`scan_ods`] does for an ods: the
/// reader makes each sheet a dense range of its content's bounding box, and
/// a record may place a cell at any of 65 536 columns.
fn check_xls(path: &Path, file: &str) -> Result<()> {
    let at = || Location::file(file);
    let damaged = |e: std::io::Error| {
        Error::input(
            at(),
            text!(
                "vaurioitunut Excel 97–2003 (xls) -tiedosto, ei luettava työkirja: {e}",
                "en skadad Excel 97–2003-fil (xls), inte en läsbar arbetsbok: {e}",
                "a damaged Excel 97–2003 (xls) file, not a readable workbook: {e}"
            ),
        )
    };
    let mut cf = cfb::open(path).map_err(damaged)?;
    let Some(name) = ["/Workbook", "/Book"].into_iter().find(|n| cf.is_stream(n)) else {
        return Err(Error::input(
            at(),
            text!(
                "Office-tiedosto, jossa ei ole työkirjaa (Word-asiakirja tai vastaava?), ei xls",
                "en Office-fil utan arbetsbok (ett Word-dokument eller liknande?), inte en xls",
                "an Office file without a workbook in it (a Word document or the like?), not an xls"
            ),
        ));
    };
    let stream = cf.open_stream(name).map_err(damaged)?;
    if stream.len() > MAX_PART_BYTES {
        return Err(Error::input(at(), {
            let mb = MAX_PART_BYTES >> 20;
            text!(
                "työkirjan tietovirta on yli {mb} Mt",
                "arbetsbokens dataström är större än {mb} MB",
                "the workbook stream is more than {mb} MB"
            )
        }));
    }
    let mut r = BufReader::new(stream);
    let mut offset: u64 = 0;
    let mut names: std::collections::BTreeMap<u64, String> = Default::default();
    let mut biff8 = true;
    let mut depth = 0usize;
    let mut table: Option<Table> = None;
    let mut cells: u64 = 0;
    let mut sheets = 0usize;
    let mut head = [0u8; 4];
    let mut data = Vec::new();
    // Where each sheet's records begin, to hold the BoundSheets' offsets to.
    let mut starts = std::collections::BTreeSet::new();
    loop {
        match r.read_exact(&mut head) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(e) => return Err(damaged(e)),
        }
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = u16::from_le_bytes([head[2], head[3]]) as usize;
        data.resize(len, 0);
        if let Err(e) = r.read_exact(&mut data) {
            return Err(damaged(e));
        }
        let start = offset;
        offset += 4 + len as u64;
        let u16_at = |i: usize| {
            data.get(i..i + 2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]) as u64)
        };
        match typ {
            // BOF: the globals, a sheet, or a chart inside a sheet.
            0x0809 => {
                if depth == 0 {
                    starts.insert(start);
                    if start == 0 {
                        biff8 = u16_at(0) == Some(0x0600);
                    } else {
                        sheets += 1;
                        table = Some(Table {
                            name: names
                                .get(&start)
                                .cloned()
                                .unwrap_or_else(|| format!("sheet {sheets}")),
                            row: 0,
                            row_repeat: 1,
                            col: 0,
                            rows: None,
                            cols: None,
                        });
                    }
                }
                depth += 1;
            }
            0x000A => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    table = None;
                }
            }
            // BoundSheet: where a sheet starts and its name.
            0x0085 if data.len() >= 8 => {
                let pos = u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as u64;
                let cch = data[6] as usize;
                let name = if biff8 {
                    if data[7] & 1 == 1 {
                        let units: Vec<u16> = data[8..]
                            .chunks_exact(2)
                            .take(cch)
                            .map(|b| u16::from_le_bytes([b[0], b[1]]))
                            .collect();
                        String::from_utf16_lossy(&units)
                    } else {
                        data[8..].iter().take(cch).map(|&b| b as char).collect()
                    }
                } else {
                    data[7..].iter().take(cch).map(|&b| b as char).collect()
                };
                names.insert(pos, name);
            }
            // Number, Label, LabelSst, RK, BoolErr, Formula, RString.
            0x0203 | 0x0204 | 0x00FD | 0x027E | 0x0205 | 0x0006 | 0x00D6 if depth == 1 => {
                if let (Some(t), Some(row), Some(col)) = (table.as_mut(), u16_at(0), u16_at(2)) {
                    t.row = row;
                    t.col = col;
                    content(t, 1, &mut cells, file)?;
                }
            }
            // MulRk: a run of numbers along a row.
            0x00BD if depth == 1 && len >= 6 => {
                if let (Some(t), Some(row), Some(first), Some(last)) =
                    (table.as_mut(), u16_at(0), u16_at(2), u16_at(len - 2))
                {
                    if last < first {
                        return Err(xls_record(file, &t.name, "MULRK"));
                    }
                    t.row = row;
                    t.col = first;
                    content(t, last - first + 1, &mut cells, file)?;
                }
            }
            // Dimensions: the reader sets aside rows × columns cells by it (a
            // reversed or endless range asked for terabytes).
            0x0200 if depth == 1 => {
                let (rows, cols) = if biff8 && len >= 12 {
                    let u32_at = |i: usize| {
                        u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]) as u64
                    };
                    ((u32_at(0), u32_at(4)), (u16_at(8), u16_at(10)))
                } else {
                    (
                        (u16_at(0).unwrap_or(0), u16_at(2).unwrap_or(0)),
                        (u16_at(4), u16_at(6)),
                    )
                };
                let (c0, c1) = (cols.0.unwrap_or(0), cols.1.unwrap_or(0));
                // Within the format's 65 536 rows and 256 columns, in order:
                // the used range, which formatting alone may stretch that far.
                let fits = rows.0 <= rows.1 && rows.1 <= 65_536 && c0 <= c1 && c1 <= 256;
                if !fits {
                    let name = table.as_ref().map_or(String::new(), |t| t.name.clone());
                    return Err(xls_record(file, &name, "DIMENSIONS"));
                }
            }
            _ => {}
        }
    }
    // The reader jumps to each sheet's offset: one that is no sheet's
    // beginning (inside another record, past the end) would be read unscanned.
    if let Some((pos, name)) = names.iter().find(|(pos, _)| !starts.contains(*pos)) {
        return Err(Error::input(at(), {
            let name = crate::ingest::number::quoted(name);
            text!(
                "taulukko '{name}' alkaa tavusta {pos}, jossa ei ala taulukkoa; tiedosto on vaurioitunut",
                "bladet '{name}' börjar vid byte {pos}, där inget blad börjar; filen är skadad",
                "sheet '{name}' starts at byte {pos}, where no sheet begins; the file is damaged"
            )
        }));
    }
    Ok(())
}

/// A record of an xls sheet that no spreadsheet program writes (a range
/// that ends before it starts, or spans more than a sheet is read with).
fn xls_record(file: &str, sheet: &str, record: &str) -> Error {
    Error::input(
        Location::sheet(file, sheet),
        text!(
            "xls-tietue {record} on mahdoton (alue päättyy ennen alkuaan tai on suurempi kuin luettava taulukko); tiedosto on vaurioitunut",
            "xls-posten {record} är omöjlig (ett område som slutar före sin början eller är större än ett blad som läses); filen är skadad",
            "xls record {record} is impossible (a range that ends before it starts, or larger than a sheet that is read); the file is damaged"
        ),
    )
}

/// Bytes `r` decompresses to, or `None` past `limit`.
fn measure(r: &mut impl Read, limit: u64) -> std::io::Result<Option<u64>> {
    let n = std::io::copy(&mut r.take(limit.saturating_add(1)), &mut std::io::sink())?;
    Ok((n <= limit).then_some(n))
}

fn attr_u64(e: &BytesStart, key: &str, file: &str) -> Result<Option<u64>> {
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|err| {
            Error::input(
                Location::file(file),
                crate::text!(
                    "content.xml: {err}",
                    "content.xml: {err}",
                    "content.xml: {err}"
                ),
            )
        })?;
        if a.key.as_ref() == key {
            let v = a.value.trim().parse().ok();
            return match v {
                Some(v) => Ok(Some(v)),
                None => Err(Error::input(
                    Location::file(file),
                    text!(
                        "content.xml: {key} ei ole lukumäärä",
                        "content.xml: {key} är inte ett antal",
                        "content.xml: {key} is not a count"
                    ),
                )),
            };
        }
    }
    Ok(None)
}

fn has_attr(e: &BytesStart, keys: &[&str]) -> bool {
    e.attributes()
        .with_checks(false)
        .flatten()
        .any(|a| keys.contains(&a.key.as_ref()))
}

fn attr_string(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.into_owned())
}

/// Where one ods sheet's content lies so far.
struct Table {
    name: String,
    row: u64,
    row_repeat: u64,
    col: u64,
    /// First and last row and column with content.
    rows: Option<(u64, u64)>,
    cols: Option<(u64, u64)>,
}

/// An open ods table and the valueless cell it holds a nested table in.
type OpenTable = (Table, Option<(u64, u64, bool)>);

/// Follows the rows and cells of every table in an ods's content.xml,
/// spans included, and refuses content beyond the bounds before the reader
/// allocates it. Repeated empty rows and cells (an ods writes a million
/// blank rows as one element) are not content.
pub fn scan_ods(r: impl std::io::BufRead, file: &str) -> Result<()> {
    let mut xml = XmlReader::from_reader(r);
    let mut buf = Vec::new();
    // A cell may hold a table of its own: the tables open, outermost
    // first, each with the cell it is inside that has no value type (its
    // column, its repeat, whether any text was seen). The outer table's
    // rows go on after a nested one ends.
    let mut tables: Vec<OpenTable> = Vec::new();
    let mut cells: u64 = 0;
    let xml_err = |e: quick_xml::Error, xml: &XmlReader<_>| {
        Error::input(Location::file(file), {
            let at = xml.buffer_position();
            text!(
                "content.xml ei ole hyvin muodostettua XML:ää tavun {at} kohdalla: {e}",
                "content.xml är inte välformad XML nära byte {at}: {e}",
                "content.xml is not well-formed XML near byte {at}: {e}"
            )
        })
    };
    loop {
        buf.clear();
        let ev = match xml.read_event_into(&mut buf) {
            Ok(ev) => ev,
            Err(e) => return Err(xml_err(e, &xml)),
        };
        let empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" => {
                    let t = Table {
                        name: attr_string(&e, "table:name").unwrap_or_default(),
                        row: 0,
                        row_repeat: 1,
                        col: 0,
                        rows: None,
                        cols: None,
                    };
                    if !empty {
                        tables.push((t, None));
                    }
                }
                "table:table-row" => {
                    if let Some((t, _)) = tables.last_mut() {
                        let rep = attr_u64(&e, "table:number-rows-repeated", file)?.unwrap_or(1);
                        t.col = 0;
                        t.row_repeat = rep.max(1);
                        if empty {
                            t.row = t.row.saturating_add(t.row_repeat);
                        }
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some((t, open_cell)) = tables.last_mut() {
                        let rep = attr_u64(&e, "table:number-columns-repeated", file)?
                            .unwrap_or(1)
                            .max(1);
                        let valued = has_attr(
                            &e,
                            &[
                                "office:value-type",
                                "calcext:value-type",
                                "table:formula",
                                "office:value",
                                "office:string-value",
                            ],
                        );
                        if valued {
                            content(t, rep, &mut cells, file)?;
                        }
                        if !empty && !valued {
                            *open_cell = Some((t.col, rep, false));
                        } else {
                            t.col = t.col.saturating_add(rep);
                        }
                    }
                }
                _ => {}
            },
            // Text in a nested table is content of the cells around it too.
            Event::Text(t) if !t.trim().is_empty() => {
                for (_, open_cell) in tables.iter_mut() {
                    if let Some((_, _, seen)) = open_cell.as_mut() {
                        *seen = true;
                    }
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some((t, open_cell)) = tables.last_mut()
                        && let Some((col, rep, seen)) = open_cell.take()
                    {
                        t.col = col;
                        if seen {
                            content(t, rep, &mut cells, file)?;
                        }
                        t.col = col.saturating_add(rep);
                    }
                }
                "table:table-row" => {
                    if let Some((t, _)) = tables.last_mut() {
                        t.row = t.row.saturating_add(t.row_repeat);
                        t.row_repeat = 1;
                    }
                }
                "table:table" => {
                    tables.pop();
                }
                _ => {}
            },
            _ => {}
        }
    }
    Ok(())
}

/// A cell name for a position counted in 64 bits (an ods repeat count can
/// carry it past any sheet), held at the last name 32 bits can give.
fn name(r: u64, c: u64) -> String {
    cell_name(r.min(u32::MAX as u64) as u32, c.min(u32::MAX as u64) as u32)
}

/// Records content in `rep` cells from the table's current row and column
/// (times the row's repeat), refusing what lies beyond the bounds.
fn content(t: &mut Table, rep: u64, cells: &mut u64, file: &str) -> Result<()> {
    let (r0, r1) = (t.row, t.row.saturating_add(t.row_repeat - 1));
    let (c0, c1) = (t.col, t.col.saturating_add(rep - 1));
    let at = |r: u64, c: u64| Location::cell(file, &t.name, name(r, c));
    let (max_r, max_c) = (grid::MAX_ROWS as u64, grid::MAX_COLS as u64);
    if r1 >= max_r || c1 >= max_c {
        // The first cell outside, in reading order.
        let (r, c) = if r0 >= max_r {
            (r0, c0)
        } else if c1 >= max_c {
            (r0, c0.max(max_c))
        } else {
            (max_r, c0)
        };
        let why = grid::out_of_bounds(r.min(u32::MAX as u64) as u32, c.min(u32::MAX as u64) as u32);
        let (from, to) = (name(r0, c0), name(r1, c1));
        let repeated = r1 > r0 || c1 > c0;
        let message = Text::each(|lang| {
            let why = why.as_ref().map_or("", |t| t.get(lang));
            match repeated {
                true => crate::tr!(
                    lang,
                    "{why} (arvo toistettuna alueelle {from}:{to})",
                    "{why} (ett värde upprepat över {from}:{to})",
                    "{why} (a value repeated over {from}:{to})"
                ),
                false => why.to_string(),
            }
        });
        return Err(Error::input(at(r, c), message));
    }
    *cells = cells.saturating_add((r1 - r0 + 1) * (c1 - c0 + 1));
    if *cells > grid::MAX_CELLS as u64 {
        return Err(Error::input(at(r0, c0), grid::too_many_cells()));
    }
    let rows = t.rows.map_or((r0, r1), |(a, b)| (a.min(r0), b.max(r1)));
    let cols = t.cols.map_or((c0, c1), |(a, b)| (a.min(c0), b.max(c1)));
    let area = (rows.1 - rows.0 + 1) * (cols.1 - cols.0 + 1);
    if area > MAX_DENSE_AREA {
        return Err(Error::input(at(r1, c1), {
            let from = cell_name(rows.0 as u32, cols.0 as u32);
            let to = cell_name(rows.1 as u32, cols.1 as u32);
            text!(
                "taulukon sisältö ulottuu alueelle {from}:{to}, {area} solua; ods- tai \
                     xls-taulukko luetaan kokonaan, ja kivijalka lukee taulukon ensimmäisestä \
                     sisällöstä viimeiseen enintään {MAX_DENSE_AREA} solua; poista irralliset \
                     solut kaukana taulukosta",
                "bladets innehåll sträcker sig över {from}:{to}, {area} celler; ett ods- \
                     eller xls-blad läses helt, och kivijalka läser högst {MAX_DENSE_AREA} celler \
                     från bladets första innehåll till dess sista; radera de lösa cellerna långt \
                     från tabellen",
                "the sheet's content spans {from}:{to}, {area} cells; an ods or xls sheet is read \
                     whole, and kivijalka reads at most {MAX_DENSE_AREA} cells from a sheet's first \
                     content to its last; delete the stray cells far from the table"
            )
        }));
    }
    t.rows = Some(rows);
    t.cols = Some(cols);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ods(body: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="Tase">{body}</table:table></office:spreadsheet></office:body></office:document-content>"#
        )
    }

    fn scan(body: &str) -> Result<()> {
        scan_ods(ods(body).as_bytes(), "f.ods")
    }

    #[test]
    fn blank_repeated_tail_is_not_content() {
        let body = r#"<table:table-row><table:table-cell office:value-type="float" office:value="1"/><table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#;
        scan(body).unwrap();
    }

    #[test]
    fn content_beyond_the_bounds_is_refused_naming_the_cell() {
        let body = r#"<table:table-row table:number-rows-repeated="1048575"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="16383"/><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>"#;
        let e = scan(body).unwrap_err().to_string();
        assert!(e.contains("XFD1048576") && e.contains("Tase"), "{e}");
    }

    #[test]
    fn a_value_repeated_down_a_million_rows_is_refused() {
        let body = r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#;
        let e = scan(body).unwrap_err().to_string();
        assert!(e.contains("A65537"), "{e}");
    }

    #[test]
    fn stray_corners_within_bounds_are_refused_for_their_span() {
        let body = r#"<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row><table:table-row table:number-rows-repeated="65534"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="255"/><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#;
        let e = scan(body).unwrap_err().to_string();
        assert!(e.contains("A1:IV65536"), "{e}");
    }
}
