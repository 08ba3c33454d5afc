//! The columns an xlsx hides: the reader gives cells, not how Excel shows
//! them, and a hidden year column is read like any other, so that the
//! reading says it.
//!
//! Best effort: a part that cannot be followed gives no hidden columns;
//! whether the file is sound is the reader's to say.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Parts larger than this are not looked into: the column widths stand at
/// a sheet's start, but the workbook and its relations are read whole.
const MAX_PART: u64 = 4_000_000;

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    (e.attributes().with_checks(false).flatten())
        .find(|a| a.key.as_ref() == key)
        .map(|a| {
            a.value
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        })
}

/// Each element named `name` of a part, until `stop` begins, as `f` sees it.
fn walk(r: impl BufRead, name: &str, stop: &str, mut f: impl FnMut(&BytesStart)) {
    let mut xml = Reader::from_reader(r);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let n = e.name();
                let local = n.as_ref().rsplit(':').next().unwrap_or_default();
                if local == stop {
                    return;
                }
                if local == name {
                    f(&e);
                }
            }
            Ok(Event::Eof) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

/// Hidden columns of each worksheet of an xlsx or xlsm, by sheet name, as
/// zero-based inclusive ranges.
pub(super) fn columns(path: &Path) -> BTreeMap<String, Vec<(u32, u32)>> {
    let mut out = BTreeMap::new();
    let Ok(f) = std::fs::File::open(path) else {
        return out;
    };
    let Ok(mut zip) = zip::ZipArchive::new(BufReader::new(f)) else {
        return out;
    };
    let mut part = |name: &str| -> Option<Vec<u8>> {
        let p = zip.by_name(name).ok()?;
        let mut bytes = Vec::new();
        p.take(MAX_PART).read_to_end(&mut bytes).ok()?;
        Some(bytes)
    };
    let (Some(book), Some(rels)) = (part("xl/workbook.xml"), part("xl/_rels/workbook.xml.rels"))
    else {
        return out;
    };
    let mut targets = BTreeMap::new();
    walk(&rels[..], "Relationship", "", |e| {
        if let (Some(id), Some(t)) = (attr(e, "Id"), attr(e, "Target")) {
            let t = match t.strip_prefix('/') {
                Some(abs) => abs.to_string(),
                None => format!("xl/{t}"),
            };
            targets.insert(id, t);
        }
    });
    let mut sheets = Vec::new();
    walk(&book[..], "sheet", "", |e| {
        if let (Some(name), Some(id)) = (attr(e, "name"), attr(e, "r:id")) {
            sheets.push((name, id));
        }
    });
    for (name, id) in sheets {
        let Some(bytes) = targets.get(&id).and_then(|t| part(t)) else {
            continue;
        };
        let mut hidden = Vec::new();
        walk(&bytes[..], "col", "sheetData", |e| {
            let on = attr(e, "hidden").is_some_and(|h| h == "1" || h == "true");
            let n = |k| attr(e, k).and_then(|v| v.trim().parse::<u32>().ok());
            if let (true, Some(min), Some(max)) = (on, n("min"), n("max")) {
                hidden.push((min.saturating_sub(1), max.saturating_sub(1)));
            }
        });
        if !hidden.is_empty() {
            out.insert(name, hidden);
        }
    }
    out
}
