//! "Kuntalaki 110 § ja 118 §": the deficit test, the plan's balance and
//! each 118 § criterion by year, the same cells as `kivijalka statutory`'s
//! table, with its notes and sources once.

use std::fmt::Write as _;

use super::escape::esc;
use crate::report::statutory::{self as stat, Section};
use crate::report::table::Table;

/// A cell's class by its mark: ✗ a criterion met or a deadline missed, ✓
/// not met, – not measurable.
fn class(cell: &str) -> &'static str {
    if cell.contains('✗') {
        " class=\"missed\""
    } else if cell.starts_with('–') {
        " class=\"nm\""
    } else if cell.contains('✓') {
        " class=\"met\""
    } else {
        ""
    }
}

fn table(t: &Table, o: &mut String) {
    o.push_str("<div class=\"scroll\"><table><thead><tr>");
    for h in &t.headers {
        let _ = write!(o, "<th>{}</th>", esc(h));
    }
    o.push_str("</tr></thead><tbody>");
    for row in &t.rows {
        o.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let cls = if i < 2 { "" } else { class(c) };
            let _ = write!(o, "<td{cls}>{}</td>", esc(c));
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table></div>");
}

fn list(items: &[String], o: &mut String) {
    o.push_str("<ul>");
    for i in items {
        let _ = write!(o, "<li>{}</li>", esc(i));
    }
    o.push_str("</ul>");
}

pub(super) fn section(doc: &crate::report::document::Document, o: &mut String) {
    let lang = doc.lang;
    let sec: Section = stat::section(doc.ds, &doc.statutory, &doc.statutory_rules, lang);
    let _ = write!(
        o,
        "<section id=\"statutory\"><h2>{}</h2><h3>{}</h3>",
        esc(lang.tr(
            "Kuntalaki 110 § ja 118 §",
            "Kommunallagen 110 § och 118 §",
            "Local Government Act 110 § and 118 §"
        )),
        esc(&sec.title_110)
    );
    table(&sec.surplus, o);
    if !sec.deficits.is_empty() {
        let _ = write!(
            o,
            "<p>{}</p>",
            esc(lang.tr("Alijäämät:", "Underskott:", "Deficits:"))
        );
        list(&sec.deficits, o);
    }
    if let Some(p) = &sec.plan {
        let _ = write!(o, "<p>{}</p>", esc(p));
    }
    let _ = write!(o, "<h3>{}</h3>", esc(&sec.title_118));
    table(&sec.assessments, o);
    let _ = write!(
        o,
        "<p><strong>{}</strong></p>",
        esc(&stat::first_start(&doc.statutory, lang))
    );
    list(&sec.legend, o);
    let _ = write!(o, "<p class=\"muted\">{}</p>", esc(&sec.key));
    let _ = write!(
        o,
        "<p>{}</p>",
        esc(lang.tr("Lähteet:", "Källor:", "Sources:"))
    );
    list(&sec.sources, o);
    if !sec.notes.is_empty() {
        let _ = write!(
            o,
            "<p>{}</p><ol>",
            esc(lang.tr("Huomautukset:", "Anmärkningar:", "Notes:"))
        );
        for n in &sec.notes {
            let _ = write!(o, "<li>{}</li>", esc(n));
        }
        o.push_str("</ol>");
    }
    o.push_str("</section>");
}
