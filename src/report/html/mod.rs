//! The council report as one self-contained HTML page: no scripts, no
//! fonts, no network; SVG charts drawn here; readable on paper (print CSS)
//! and on a phone (the tables scroll, the charts scale).
//!
//! `write` puts the sections in order; `page`, `statutory`, `peers`, `risk` and
//! `record` print them; `axes`, `lines`, `fan` and `tornado` are the SVG chart kit;
//! `escape` is the one way text enters the page.

mod axes;
mod escape;
mod fan;
mod lines;
mod page;
mod peers;
pub(crate) use peers::{among as peers_among, grouping as peers_grouping};
mod record;
mod risk;
mod statutory;
mod tornado;

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::report::document::Document;
use escape::esc;

const CSS: &str = r#"
:root { --met: #1e7b34; --missed: #b3261e; --nm: #8a8a8a; --ink: #1b1b1b; --line: #1f4e79; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 1rem; line-height: 1.4; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
.muted { color: #555; font-size: .9rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: .85rem; font-variant-numeric: tabular-nums; }
th, td { padding: .25rem .5rem; border-bottom: 1px solid #e3e3e3; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
th { background: #eef3f9; }
td.met { background: #d8f0dc; } td.missed { background: #f8d7d5; } td.nm { background: #eee; color: #555; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: .6rem; font-size: .8rem; color: #fff; }
.badge.met { background: var(--met); } .badge.missed { background: var(--missed); } .badge.nm { background: var(--nm); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 460px), 1fr)); gap: 1rem; }
figure { margin: 0; border: 1px solid #e3e3e3; padding: .5rem; }
figcaption { font-size: .8rem; color: #444; }
svg { width: 100%; height: auto; display: block; }
.formula { font-size: .85rem; }
dl.record dt { font-weight: bold; margin-top: .5rem; overflow-wrap: anywhere; } dl.record dd { margin-left: 1rem; overflow-wrap: anywhere; }
dl.record td { white-space: normal; overflow-wrap: anywhere; }
td.break { outline: 2px dashed #b36b00; outline-offset: -2px; }
.break-mark { color: #8a4b00; font-weight: bold; text-decoration: none; }
p.break-note { border-left: 4px solid #b36b00; padding-left: .5rem; }
#checks td { white-space: normal; text-align: left; vertical-align: top; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .scroll { overflow: visible; }
  section, figure, table { break-inside: avoid; }
  h2 { break-after: avoid; }
  .charts { grid-template-columns: 1fr 1fr; }
}
"#;

/// The page, section by section, in the order a council member reads it:
/// which targets hold, the charts, the scenarios, the risks, the ratios,
/// what does not add up, and how the run can be repeated.
pub fn write(doc: &Document, allowance: Decimal) -> String {
    unfinished(doc, allowance).finish(None)
}

/// A page whose place among its peers is not known yet: `batch` writes the
/// rest of every report first, then ranks the municipalities, then
/// finishes each page with its section.
pub struct Unfinished {
    before: String,
    after: String,
    lang: crate::report::Lang,
}

impl Unfinished {
    /// The page with its peers' section, if any.
    pub fn finish(self, peers: Option<&crate::model::peers::Peers>) -> String {
        let mut o = self.before;
        peers::section(peers, self.lang, &mut o);
        o.push_str(&self.after);
        o
    }
}

/// The page but its peers' section, which goes after the scenarios.
pub fn unfinished(doc: &Document, allowance: Decimal) -> Unfinished {
    let mut o = String::new();
    head(doc, &mut o);
    page::summary(doc, &mut o);
    page::charts(doc, allowance, &mut o);
    page::scenarios(doc, allowance, &mut o);
    let before = std::mem::take(&mut o);
    statutory::section(doc, &mut o);
    risk::simulation(doc, &mut o);
    risk::sensitivity(doc, &mut o);
    record::ratios(doc, &mut o);
    record::checks(doc, &mut o);
    record::run_record(doc, &mut o);
    o.push_str("</body></html>\n");
    Unfinished {
        before,
        after: o,
        lang: doc.lang,
    }
}

/// A fixed text in the document's language: Finnish, Swedish, English.
fn tr(doc: &Document) -> impl Fn(&'static str, &'static str, &'static str) -> &'static str {
    let lang = doc.lang;
    move |fi, sv, en| lang.tr(fi, sv, en)
}

/// The document head with the style sheet, and the page's header: the
/// municipality, the scenario, the price index and the tool's version.
fn head(doc: &Document, o: &mut String) {
    let tr = tr(doc);
    let ev = doc.main();
    let title = format!(
        "{} — {}",
        doc.ds.name(),
        tr(
            "Kestävä talous kivijalkana",
            "Hållbar ekonomi som grund",
            "Sustainable economy as the foundation"
        )
    );
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{CSS}</style></head><body>",
        doc.lang.code(),
        esc(&title)
    );
    let _ = write!(
        o,
        "<header><h1>{}</h1><p class=\"muted\">{}: {} · {}: {} · kivijalka {}</p></header>",
        esc(&title),
        tr("Skenaario", "Scenario", "Scenario"),
        esc(&doc.main_name()),
        tr("Hintaindeksi", "Prisindex", "Price index"),
        esc(&crate::model::price_index::label(&ev.price_index, doc.lang)),
        doc.version
    );
}
