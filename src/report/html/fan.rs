//! The fan chart of a simulation's percentiles.

use std::fmt::Write as _;

use super::axes::{Plot, f};
use crate::model::indicators::IndicatorDef;
use crate::model::simulate::Cell;
use crate::report::Lang;

/// A fan chart: the 5–95 and 25–75 percentile bands, the median, the
/// deterministic forecast dashed, the probability the target holds above
/// each year, and the zero line where the target is one.
pub(super) fn fan(title: &str, d: &IndicatorDef, cells: &[&Cell], lang: Lang) -> String {
    let (w, h) = (640.0, 320.0);
    let (l, r, t, b) = (70.0, 12.0, 46.0, 30.0);
    let mut vals: Vec<f64> = cells
        .iter()
        .flat_map(|c| c.percentiles.iter().flatten().copied())
        .chain(cells.iter().filter_map(|c| c.deterministic.map(f)))
        .collect();
    if matches!(d.number, 1 | 2 | 5) {
        vals.push(0.0);
    }
    if vals.is_empty() {
        return String::new();
    }
    let pl = Plot::new(&vals, cells.len(), (w, h), (l, r, t, b));
    let mut s = pl.open(title, d.unit, lang, "#b3261e");
    s.push_str(&band(&pl, cells, (0, 4), "#dbe7f3"));
    s.push_str(&band(&pl, cells, (1, 3), "#a9c4e2"));
    s.push_str(&polyline(
        &pl,
        cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((i, c.percentiles[2]?)))
            .collect(),
        "#1f4e79",
        "",
    ));
    s.push_str(&polyline(
        &pl,
        cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((i, f(c.deterministic?))))
            .collect(),
        "#c55a11",
        " stroke-dasharray=\"6 3\"",
    ));
    for (i, c) in cells.iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\">{}</text><text x=\"{:.1}\" y=\"34\" font-size=\"11\" text-anchor=\"middle\" fill=\"{}\">{}</text>",
            pl.x(i),
            h - b + 14.0,
            c.year,
            pl.x(i),
            if c.p_met >= 0.5 { "#1e7b34" } else { "#b3261e" },
            if c.p_not_measurable >= 1.0 {
                "–".to_string()
            } else {
                format!("{:.0}%", c.p_met * 100.0)
            }
        );
    }
    s.push_str("</svg>");
    s
}

/// The band between two percentiles (indices into a cell's five), over the
/// years that have both; none when fewer than two years do.
fn band(pl: &Plot, cells: &[&Cell], (a, bb): (usize, usize), fill: &str) -> String {
    let pts: Vec<(usize, f64, f64)> = cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, c.percentiles[a]?, c.percentiles[bb]?)))
        .collect();
    if pts.len() < 2 {
        return String::new();
    }
    let mut p = String::new();
    for (i, lo, _) in &pts {
        let _ = write!(p, "{:.1},{:.1} ", pl.x(*i), pl.y(*lo));
    }
    for (i, _, hi) in pts.iter().rev() {
        let _ = write!(p, "{:.1},{:.1} ", pl.x(*i), pl.y(*hi));
    }
    format!("<polygon points=\"{}\" fill=\"{fill}\"/>", p.trim_end())
}

/// A line through (year index, value) points.
fn polyline(pl: &Plot, vals: Vec<(usize, f64)>, stroke: &str, dash: &str) -> String {
    let pts: Vec<String> = vals
        .iter()
        .map(|(i, v)| format!("{:.1},{:.1}", pl.x(*i), pl.y(*v)))
        .collect();
    format!(
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"2.5\"{dash}/>",
        pts.join(" ")
    )
}
