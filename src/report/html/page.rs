//! The first sections of the page: which targets hold, the charts of each
//! indicator against its target, and the scenarios compared.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::axes::f;
use super::escape::esc;
use super::lines::{COLORS, Line, chart, indicator_line};
use super::tr;
use crate::model::findings::Break;
use crate::model::indicators::{Evaluation, INDICATORS, IndicatorDef, Status};
use crate::report::Lang;
use crate::report::breaks as brk;
use crate::report::document::{Document, path};
use crate::report::format::number;
use crate::report::indicators::{self as ind, name};
use crate::report::names;

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::Missed => "missed",
        Status::NotMeasurable => "nm",
    }
}

fn fmt_value(v: Decimal, d: &IndicatorDef, lang: Lang) -> String {
    let unit = names::unit(d.unit, lang);
    format!("{} {unit}", number(v, d.decimals, lang))
}

/// A value's class and mark when it rests on a break: the cell is outlined
/// and "⚠n" follows the value, its title naming the break.
pub(super) fn break_mark(
    breaks: &[Break],
    inputs: &[crate::model::ratios::Input],
    lang: Lang,
) -> (&'static str, String) {
    let idx = crate::model::findings::rests_on(breaks, inputs);
    if idx.is_empty() {
        return ("", String::new());
    }
    let title: Vec<String> = idx
        .iter()
        .map(|i| format!("{} {}", brk::marks(&[*i]), brk::whose(&breaks[*i], lang)))
        .collect();
    (
        " break",
        format!(
            " <a class=\"break-mark\" href=\"#break-{}\" title=\"{}\">{}</a>",
            idx[0] + 1,
            esc(&title.join("; ")),
            esc(&brk::marks(&idx))
        ),
    )
}

fn indicators_table(ev: &Evaluation, breaks: &[Break], lang: Lang, out: &mut String) {
    out.push_str("<div class=\"scroll\"><table><thead><tr>");
    let _ = write!(out, "<th>{}</th><th></th>", lang.tr("Vuosi", "År", "Year"));
    for d in &INDICATORS {
        let _ = write!(out, "<th>{} {}</th>", d.number, esc(name(d, lang)));
    }
    out.push_str("</tr></thead><tbody>");
    for (y, k) in &ev.years {
        let _ = write!(
            out,
            "<tr><td>{y}</td><td>{}</td>",
            names::year_kind(*k, lang)
        );
        for d in &INDICATORS {
            match ev
                .values
                .iter()
                .find(|v| v.indicator == d.number && v.year == *y)
            {
                Some(v) => {
                    let text = match v.value {
                        Some(x) => fmt_value(x, d, lang),
                        None => "–".into(),
                    };
                    let title = (v.reason.as_ref())
                        .map(|r| crate::report::reason::text(r, lang))
                        .or(v
                            .method
                            .as_ref()
                            .map(|m| crate::report::reason::method(m, lang)))
                        .unwrap_or_default();
                    let (class, mark) = if v.value.is_some() {
                        break_mark(breaks, &v.inputs, lang)
                    } else {
                        ("", String::new())
                    };
                    // The mark as well as the colour: a council's papers
                    // are often printed in black and white.
                    let status = match v.status {
                        Status::Met => " ✓",
                        Status::Missed => " ✗",
                        Status::NotMeasurable => "",
                    };
                    let _ = write!(
                        out,
                        "<td class=\"{}{class}\" title=\"{}\">{}{status}{mark}</td>",
                        status_class(v.status),
                        esc(&title),
                        esc(&text)
                    );
                }
                None => out.push_str("<td></td>"),
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
}

/// "Which targets hold": per indicator how many measurable years meet the
/// target and which miss it, then the table of every value.
pub(super) fn summary(doc: &Document, o: &mut String) {
    let lang = doc.lang;
    let tr = tr(doc);
    let ev = doc.main();
    let _ = write!(
        o,
        "<section id=\"summary\"><h2>{}</h2><ul>",
        tr(
            "Tavoitteiden toteutuminen",
            "Hur målen uppnås",
            "Which targets hold"
        )
    );
    for d in &INDICATORS {
        let vals: Vec<_> = ev
            .values
            .iter()
            .filter(|v| v.indicator == d.number)
            .collect();
        let met = vals.iter().filter(|v| v.status == Status::Met).count();
        let measurable = vals
            .iter()
            .filter(|v| v.status != Status::NotMeasurable)
            .count();
        let missed: Vec<String> = vals
            .iter()
            .filter(|v| v.status == Status::Missed)
            .map(|v| v.year.to_string())
            .collect();
        let class = if missed.is_empty() && measurable > 0 {
            "met"
        } else if measurable == 0 {
            "nm"
        } else {
            "missed"
        };
        let _ = write!(
            o,
            "<li><span class=\"badge {class}\">{met}/{measurable}</span> <b>{} {}</b> — {}{}</li>",
            d.number,
            esc(name(d, lang)),
            esc(names::target(d, lang)),
            if missed.is_empty() {
                String::new()
            } else {
                format!(
                    "; {}: {}",
                    tr("ei toteudu", "ej uppnått", "missed in"),
                    missed.join(", ")
                )
            }
        );
    }
    o.push_str("</ul>");
    let _ = write!(
        o,
        "<p class=\"muted\">{}</p>",
        tr(
            "Luku kertoo, monenako mitattavista vuosista tavoite toteutuu. TP = tilinpäätös, TA = talousarvio, TS = taloussuunnitelma, E = ennuste.",
            "Talet anger hur många av de mätbara åren målet uppnås. BS = bokslut, BU = budget, EP = ekonomiplan, P = prognos.",
            "The badge counts the measurable years in which the target holds. TP = actuals, TA = budget, TS = plan, E = projected."
        )
    );
    if !doc.breaks.is_empty() {
        let _ = write!(
            o,
            "<p class=\"break-note\"><span class=\"break-mark\">{}</span> {} <a href=\"#checks\">{}</a>.</p>",
            brk::MARK,
            esc(brk::intro(lang)),
            brk::title(lang)
        );
    }
    indicators_table(ev, &doc.breaks, lang, o);
    o.push_str("</section>");
}

/// Each indicator of the main scenario against its target, with the
/// formula and source under the chart.
pub(super) fn charts(doc: &Document, allowance: Decimal, o: &mut String) {
    let lang = doc.lang;
    let tr = tr(doc);
    let ev = doc.main();
    let _ = write!(
        o,
        "<section id=\"charts\"><h2>{}</h2><div class=\"charts\">",
        tr(
            "Tavoitteet kuvina",
            "Målen i diagram",
            "The targets in charts"
        )
    );
    for d in &INDICATORS {
        let pts = path(ev, d.number, allowance);
        let target: Vec<(i32, Option<f64>)> =
            pts.iter().map(|p| (p.year, p.target.map(f))).collect();
        let svg = chart(
            &ind::title(d, lang),
            d.unit,
            &[indicator_line(&pts, doc.main_name(), COLORS[0])],
            &target,
            lang,
        );
        let _ = write!(
            o,
            "<figure>{svg}<figcaption>{}</figcaption><p class=\"formula\"><b>{}:</b> {}<br><b>{}:</b> {}</p></figure>",
            tr(
                "Yhtenäinen viiva: tilinpäätös; katkoviiva: talousarvio ja -suunnitelma; pisteviiva: ennuste. Pisteen väri: vihreä toteutuu, punainen ei toteudu, harmaa ei mitattavissa.",
                "Heldragen linje: bokslut; streckad: budget och ekonomiplan; prickad: prognos. Punktens färg: grön uppnått, röd ej uppnått, grå kan inte mätas.",
                "Solid: actuals; dashed: budget and plan; dotted: projected. Dot colour: green met, red missed, grey not measurable."
            ),
            tr("Kaava", "Formel", "Formula"),
            esc(d.formula_in(lang)),
            tr("Lähde", "Källa", "Source"),
            esc(d.source_in(lang))
        );
    }
    o.push_str("</div></section>");
}

/// The scenarios side by side, one chart per indicator and a table per
/// scenario; only when there is more than one.
pub(super) fn scenarios(doc: &Document, allowance: Decimal, o: &mut String) {
    if doc.runs.len() <= 1 {
        return;
    }
    let lang = doc.lang;
    let tr = tr(doc);
    let _ = write!(
        o,
        "<section id=\"scenarios\"><h2>{}</h2><div class=\"charts\">",
        tr(
            "Skenaarioiden vertailu",
            "Jämförelse av scenarier",
            "Scenarios compared"
        )
    );
    for d in &INDICATORS {
        let lines: Vec<Line> = doc
            .runs
            .iter()
            .enumerate()
            .map(|(i, r)| {
                indicator_line(
                    &path(&r.evaluation, d.number, allowance),
                    r.scenario.name.clone(),
                    COLORS[i % COLORS.len()],
                )
            })
            .collect();
        let pts = path(&doc.runs[0].evaluation, d.number, allowance);
        // Indicator 4's target is its own figure a year earlier, so each
        // scenario has its own and no one line serves them all.
        let target: Vec<(i32, Option<f64>)> = if d.number == 4 {
            pts.iter().map(|p| (p.year, None)).collect()
        } else {
            pts.iter().map(|p| (p.year, p.target.map(f))).collect()
        };
        let svg = chart(&ind::title(d, lang), d.unit, &lines, &target, lang);
        let _ = write!(o, "<figure>{svg}</figure>");
    }
    o.push_str("</div>");
    for r in &doc.runs {
        let _ = write!(o, "<h3>{}</h3>", esc(&r.scenario.name));
        if !r.scenario.description.is_empty() {
            let _ = write!(o, "<p class=\"muted\">{}</p>", esc(&r.scenario.description));
        }
        indicators_table(&r.evaluation, &doc.breaks, lang, o);
    }
    o.push_str("</section>");
}
