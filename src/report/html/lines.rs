//! The line chart: one line per series, marks coloured by status, the
//! target as a red dashed line, kinds of year told apart by the dash.

use std::fmt::Write as _;

use super::axes::{Plot, f};
use super::escape::esc;
use crate::model::dataset::YearKind;
use crate::model::indicators::Status;
use crate::model::ratios::Unit;
use crate::report::Lang;
use crate::report::document::Point;

pub(super) struct Line {
    pub(super) label: String,
    pub(super) color: &'static str,
    pub(super) points: Vec<YearPoint>,
}

/// A series' year: the value, the kind that decides the dash of the
/// segment that ends there, and the status that colours its dot.
pub(super) type YearPoint = (i32, Option<f64>, Option<YearKind>, Option<Status>);

pub(super) const COLORS: [&str; 6] = [
    "#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf8f00", "#2e75b6",
];

pub(super) fn indicator_line(pts: &[Point], label: String, color: &'static str) -> Line {
    Line {
        label,
        color,
        points: pts
            .iter()
            .map(|p| (p.year, p.value.map(f), p.kind, Some(p.status)))
            .collect(),
    }
}

fn dash(k: Option<YearKind>) -> &'static str {
    match k {
        Some(YearKind::TP) => "",
        Some(YearKind::TA | YearKind::TS) => " stroke-dasharray=\"7 4\"",
        _ => " stroke-dasharray=\"2 3\"",
    }
}

/// A line chart of `lines` against `target`, both one value per year.
pub(super) fn chart(
    title: &str,
    unit: Unit,
    lines: &[Line],
    target: &[(i32, Option<f64>)],
    lang: Lang,
) -> String {
    let (w, h) = (640.0, 300.0);
    let (l, r, t, b) = (70.0, 12.0, 28.0, 46.0);
    let years: Vec<i32> = lines
        .first()
        .map(|s| s.points.iter().map(|p| p.0).collect())
        .unwrap_or_default();
    let mut vals: Vec<f64> = lines
        .iter()
        .flat_map(|s| s.points.iter().filter_map(|p| p.1))
        .chain(target.iter().filter_map(|p| p.1))
        .collect();
    // Zero always shows, so a small value is not drawn as a large one.
    vals.push(0.0);
    let pl = Plot::new(&vals, years.len(), (w, h), (l, r, t, b));
    let mut s = pl.open(title, unit, lang, "#999");
    for (i, yr) in years.iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\">{yr}</text>",
            pl.x(i),
            h - b + 14.0
        );
    }
    target_line(&pl, target, &mut s);
    for line in lines {
        series(&pl, line, &mut s);
    }
    legend(lines, target, (l, h - 12.0), lang, &mut s);
    s.push_str("</svg>");
    s
}

/// The target as dashed segments; a year without a target breaks the line
/// rather than bridging the gap.
fn target_line(pl: &Plot, target: &[(i32, Option<f64>)], s: &mut String) {
    let mut prev: Option<(f64, f64)> = None;
    for (i, (_, tv)) in target.iter().enumerate() {
        if let Some(tv) = tv {
            let p = (pl.x(i), pl.y(*tv));
            if let Some(q) = prev {
                let _ = write!(
                    s,
                    "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#b3261e\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>",
                    q.0, q.1, p.0, p.1
                );
            }
            prev = Some(p);
        } else {
            prev = None;
        }
    }
}

/// One series: a segment per pair of years, dashed by the kind of the later
/// year (a segment ending in a budget year is itself a budget), then the
/// dots on top so no segment hides a status.
fn series(pl: &Plot, line: &Line, s: &mut String) {
    let mut prev: Option<(f64, f64)> = None;
    for (i, (_, v, k, _)) in line.points.iter().enumerate() {
        match v {
            Some(v) => {
                let p = (pl.x(i), pl.y(*v));
                if let Some(q) = prev {
                    let _ = write!(
                        s,
                        "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"2.5\"{}/>",
                        q.0,
                        q.1,
                        p.0,
                        p.1,
                        line.color,
                        dash(*k)
                    );
                }
                prev = Some(p);
            }
            None => prev = None,
        }
    }
    for (i, (yr, v, _, st)) in line.points.iter().enumerate() {
        if let (Some(v), Some(st)) = (v, st) {
            let fill = match st {
                Status::Met => "#1e7b34",
                Status::Missed => "#b3261e",
                Status::NotMeasurable => "#8a8a8a",
            };
            let _ = write!(
                s,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"{fill}\" stroke=\"#fff\"><title>{yr}</title></circle>",
                pl.x(i),
                pl.y(*v)
            );
        }
    }
}

/// The legend under the chart, left to right, each entry as wide as its
/// label; the target line last and only when there is one.
fn legend(
    lines: &[Line],
    target: &[(i32, Option<f64>)],
    (mut lx, ly): (f64, f64),
    lang: Lang,
    s: &mut String,
) {
    for line in lines {
        let _ = write!(
            s,
            "<line x1=\"{lx:.1}\" x2=\"{:.1}\" y1=\"{ly:.1}\" y2=\"{ly:.1}\" stroke=\"{}\" stroke-width=\"2.5\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\">{}</text>",
            lx + 18.0,
            line.color,
            lx + 22.0,
            ly + 3.0,
            esc(&line.label)
        );
        lx += 30.0 + 6.0 * line.label.chars().count() as f64;
    }
    if target.iter().any(|p| p.1.is_some()) {
        let _ = write!(
            s,
            "<line x1=\"{lx:.1}\" x2=\"{:.1}\" y1=\"{ly:.1}\" y2=\"{ly:.1}\" stroke=\"#b3261e\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\">{}</text>",
            lx + 18.0,
            lx + 22.0,
            ly + 3.0,
            lang.tr("tavoiteraja", "målgräns", "target line")
        );
    }
}
