//! The closing sections: the key ratios, the checks (what does not add up)
//! and the run record that lets a reader repeat the run.

use std::fmt::Write as _;

use super::escape::esc;
use super::page::break_mark;
use super::tr;
use crate::model::dataset::YearKind;
use crate::report::Lang;
use crate::report::breaks as brk;
use crate::report::document::{Document, ScenarioRun, kind_name, role_name};
use crate::report::format::number;
use crate::report::names;

/// The key ratios of the city and the group, a column per year; a ratio
/// with no value in any year is left out.
pub(super) fn ratios(doc: &Document, o: &mut String) {
    let lang = doc.lang;
    let tr = tr(doc);
    let _ = write!(
        o,
        "<section id=\"ratios\"><h2>{}</h2><div class=\"scroll\"><table><thead><tr><th>{}</th>",
        tr("Tunnusluvut", "Nyckeltal", "Key ratios"),
        tr("Tunnusluku", "Nyckeltal", "Key ratio")
    );
    let years: Vec<i32> = doc.ds.years.keys().copied().collect();
    for y in &years {
        let _ = write!(
            o,
            "<th>{} {y}</th>",
            doc.ds
                .kind(*y)
                .map(|k| names::year_kind(k, lang))
                .unwrap_or_default()
        );
    }
    o.push_str("</tr></thead><tbody>");
    for (e, def, vals) in doc.ratio_rows() {
        if vals.iter().all(|v| v.value.is_none()) {
            continue;
        }
        let _ = write!(
            o,
            "<tr><td>{} ({})</td>",
            esc(names::ratio(def, lang)),
            names::entity(e, lang)
        );
        for y in &years {
            let v = vals.iter().find(|v| v.year == *y);
            let (cell, (class, mark)) = match v.and_then(|v| v.value.map(|x| (v, x))) {
                Some((v, x)) => (
                    number(x, def.decimals, lang),
                    break_mark(&doc.breaks, &v.inputs, lang),
                ),
                None => (String::new(), ("", String::new())),
            };
            if class.is_empty() {
                let _ = write!(o, "<td>{cell}</td>");
            } else {
                let _ = write!(o, "<td class=\"{}\">{cell}{mark}</td>", class.trim());
            }
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table></div></section>");
}

/// "Tarkistukset": each statement-year that does not add up, with its
/// identity, difference and cells; says so when there is none.
pub(super) fn checks(doc: &Document, o: &mut String) {
    let lang = doc.lang;
    let tr = tr(doc);
    let _ = write!(o, "<section id=\"checks\"><h2>{}</h2>", brk::title(lang));
    if doc.breaks.is_empty() {
        let _ = write!(o, "<p>{}</p></section>", esc(brk::none_text(lang)));
        return;
    }
    let _ = write!(
        o,
        "<p>{}</p><div class=\"scroll\"><table><thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(brk::intro(lang)),
        tr("Laskelma", "Kalkyl", "Statement"),
        tr("Kaava", "Formel", "Identity"),
        tr("Erotus", "Differens", "Difference"),
        tr("Solut", "Celler", "Cells"),
    );
    for (i, b) in doc.breaks.iter().enumerate() {
        let _ = write!(
            o,
            "<tr id=\"break-{}\"><td class=\"break-mark\">{}</td><td>{}</td><td>{}</td><td style=\"text-align:right\">{}</td><td>{}</td></tr>",
            i + 1,
            esc(&brk::marks(&[i])),
            esc(&brk::whose(b, lang)),
            esc(&brk::identity(b, lang)),
            b.difference
                .map(|d| esc(&brk::difference_text(d, lang)))
                .unwrap_or_default(),
            esc(&b.cells_text())
        );
    }
    o.push_str("</tbody></table></div></section>");
}

/// The run record: the tool's version, each simulation's seed, each input's
/// checksum, each scenario's settings and the price index used.
pub(super) fn run_record(doc: &Document, o: &mut String) {
    let lang = doc.lang;
    let tr = tr(doc);
    let _ = write!(
        o,
        "<section id=\"record\"><h2>{}</h2><dl class=\"record\">",
        tr("Ajon tiedot", "Körningens uppgifter", "Run record")
    );
    let _ = write!(
        o,
        "<dt>{}</dt><dd>kivijalka {}</dd>",
        tr("Ohjelma", "Program", "Tool"),
        doc.version
    );
    for sim in &doc.simulations {
        let _ = write!(
            o,
            "<dt>{} — {}</dt><dd>{} {}, {} {}; {}</dd>",
            tr("Simulointi", "Simulering", "Simulation"),
            esc(&sim.scenario),
            sim.paths,
            tr("polkua", "banor", "paths"),
            tr("siemen", "frö", "seed"),
            sim.seed,
            esc(&sim.drivers.join("; "))
        );
    }
    for i in &doc.inputs {
        let _ = write!(
            o,
            "<dt>{} — {}</dt><dd>SHA-256 {}</dd>",
            esc(&role_name(&i.role, lang)),
            esc(&i.path),
            i.sha256
        );
    }
    for r in &doc.runs {
        scenario_settings(doc, r, o);
    }
    let _ = write!(
        o,
        "<dt>{}: {}</dt><dd><table>",
        tr("Hintaindeksi", "Prisindex", "Price index"),
        esc(&crate::model::price_index::label(
            &doc.price_index.name,
            doc.lang
        ))
    );
    for (y, v) in &doc.price_index.changes {
        let _ = write!(
            o,
            "<tr><td>{y}</td><td>{} %</td><td style=\"text-align:left\">{}</td></tr>",
            number(*v, 1, lang),
            esc(&doc
                .price_index
                .sources
                .get(y)
                .map(|s| crate::model::price_index::label(s, doc.lang))
                .unwrap_or_default())
        );
    }
    o.push_str("</table></dd></dl>");
    let _ = write!(o, "<p class=\"muted\">{}</p>", esc(&kind_legend(lang)));
    o.push_str("</section>");
}

/// One scenario's settings as a table, then the assumptions its projection
/// made that no setting names.
fn scenario_settings(doc: &Document, r: &ScenarioRun, o: &mut String) {
    let tr = tr(doc);
    let _ = write!(
        o,
        "<dt>{}: {}</dt><dd><table>",
        tr(
            "Skenaarion asetukset",
            "Scenariots inställningar",
            "Scenario settings"
        ),
        esc(&r.scenario.name)
    );
    for (k, v) in crate::report::scenario::settings(&r.scenario, doc.lang) {
        let _ = write!(
            o,
            "<tr><td>{}</td><td style=\"text-align:left;white-space:normal\">{}</td></tr>",
            esc(&k),
            esc(&v)
        );
    }
    o.push_str("</table>");
    if !r.projection.assumptions.is_empty() {
        o.push_str("<ul>");
        for a in &r.projection.assumptions {
            let a = crate::report::assumption::text(a, doc.lang);
            let _ = write!(o, "<li>{}</li>", esc(&a));
        }
        o.push_str("</ul>");
    }
    o.push_str("</dd>");
}

fn kind_legend(lang: Lang) -> String {
    [YearKind::TP, YearKind::TA, YearKind::TS, YearKind::E]
        .iter()
        .map(|k| {
            format!(
                "{} = {}",
                names::year_kind(*k, lang),
                kind_name(Some(*k), lang)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}
