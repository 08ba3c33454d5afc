//! The council report as one self-contained HTML page: no scripts, no
//! fonts, no network; SVG charts drawn here; readable on paper (print CSS)
//! and on a phone (the tables scroll, the charts scale).
//!
//! Coordinates are computed in f64 and printed with one decimal: they place
//! marks on a picture, no figure of a statement passes through them.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::model::dataset::YearKind;
use crate::model::findings::Break;
use crate::model::indicators::{Evaluation, INDICATORS, IndicatorDef, Status};
use crate::model::ratios::Unit;
use crate::report::Lang;
use crate::report::breaks as brk;
use crate::report::document::{Document, Point, kind_name, path, short_driver};
use crate::report::format::number;
use crate::report::indicators::{self as ind, name};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

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

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::Missed => "missed",
        Status::NotMeasurable => "nm",
    }
}

fn fmt_value(v: Decimal, d: &IndicatorDef, lang: Lang) -> String {
    let unit = if lang == Lang::Fi {
        d.unit.symbol()
    } else {
        d.unit.symbol_en()
    };
    format!("{} {unit}", number(v, d.decimals, lang))
}

/// A short axis label: euros in millions, others as they are.
fn axis_label(v: f64, unit: Unit, lang: Lang) -> String {
    let d = Decimal::from_f64_retain(v).unwrap_or_default();
    match unit {
        Unit::Eur => format!("{} M€", number(d / Decimal::from(1_000_000), 1, lang)),
        Unit::Percent => format!("{} %", number(d, 1, lang)),
        _ => number(d, 0, lang),
    }
}

fn f(v: Decimal) -> f64 {
    v.to_f64().unwrap_or_default()
}

struct Line {
    label: String,
    color: &'static str,
    /// Per year: the value, and the kind that decides the dash of the
    /// segment that ends there.
    points: Vec<(i32, Option<f64>, Option<YearKind>, Option<Status>)>,
}

fn dash(k: Option<YearKind>) -> &'static str {
    match k {
        Some(YearKind::TP) => "",
        Some(YearKind::TA | YearKind::TS) => " stroke-dasharray=\"7 4\"",
        _ => " stroke-dasharray=\"2 3\"",
    }
}

fn nice_step(range: f64) -> f64 {
    if range <= 0.0 {
        return 1.0;
    }
    let raw = range / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let n = raw / mag;
    let step = if n <= 1.0 {
        1.0
    } else if n <= 2.0 {
        2.0
    } else if n <= 5.0 {
        5.0
    } else {
        10.0
    };
    step * mag
}

/// The frame of a chart: nice bounds for the values, the scale, and the
/// opening of the SVG with its title and labelled grid lines.
struct Plot {
    w: f64,
    h: f64,
    l: f64,
    r: f64,
    t: f64,
    b: f64,
    lo: f64,
    hi: f64,
    step: f64,
    n: f64,
}

impl Plot {
    fn new(
        vals: &[f64],
        points: usize,
        (w, h): (f64, f64),
        (l, r, t, b): (f64, f64, f64, f64),
    ) -> Plot {
        let (mut lo, mut hi) = vals
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
        if (hi - lo).abs() < 1e-9 {
            hi += 1.0;
            lo -= 1.0;
        }
        let step = nice_step(hi - lo);
        Plot {
            w,
            h,
            l,
            r,
            t,
            b,
            lo: (lo / step).floor() * step,
            hi: (hi / step).ceil() * step,
            step,
            n: points.max(2) as f64,
        }
    }
    fn x(&self, i: usize) -> f64 {
        self.l + (self.w - self.l - self.r) * (i as f64) / (self.n - 1.0)
    }
    fn y(&self, v: f64) -> f64 {
        self.t + (self.h - self.t - self.b) * (self.hi - v) / (self.hi - self.lo)
    }
    fn open(&self, title: &str, unit: Unit, lang: Lang, zero: &str) -> String {
        let (w, h, l) = (self.w, self.h, self.l);
        let mut s = svg_start(w, &h.to_string(), l, title);
        let mut v = self.lo;
        while v <= self.hi + self.step / 2.0 {
            let yy = self.y(v);
            let _ = write!(
                s,
                "<line x1=\"{l}\" x2=\"{:.1}\" y1=\"{yy:.1}\" y2=\"{yy:.1}\" stroke=\"{}\" stroke-width=\"1\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
                w - self.r,
                if v.abs() < self.step / 1e6 {
                    zero
                } else {
                    "#e5e5e5"
                },
                l - 4.0,
                yy + 3.0,
                esc(&axis_label(v, unit, lang))
            );
            v += self.step;
        }
        s
    }
}

/// A line chart: one line per series, marks coloured by status, the target
/// as a red dashed line, kinds of year told apart by the dash.
fn chart(
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
    vals.push(0.0);
    let pl = Plot::new(&vals, years.len(), (w, h), (l, r, t, b));
    let (x, y) = (|i: usize| pl.x(i), |v: f64| pl.y(v));
    let mut s = pl.open(title, unit, lang, "#999");
    for (i, yr) in years.iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\">{yr}</text>",
            x(i),
            h - b + 14.0
        );
    }
    // The target line.
    let mut prev: Option<(f64, f64)> = None;
    for (i, (_, tv)) in target.iter().enumerate() {
        if let Some(tv) = tv {
            let p = (x(i), y(*tv));
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
    for line in lines {
        let mut prev: Option<(f64, f64)> = None;
        for (i, (_, v, k, _)) in line.points.iter().enumerate() {
            match v {
                Some(v) => {
                    let p = (x(i), y(*v));
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
                    x(i),
                    y(*v)
                );
            }
        }
    }
    // Legend.
    let mut lx = l;
    let ly = h - 12.0;
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
            if lang == Lang::Fi {
                "tavoiteraja"
            } else {
                "target line"
            }
        );
    }
    s.push_str("</svg>");
    s
}

/// A fan chart: the 5–95 and 25–75 percentile bands, the median, the
/// deterministic forecast dashed, the probability the target holds above
/// each year, and the zero line where the target is one.
fn fan(
    title: &str,
    d: &IndicatorDef,
    cells: &[&crate::model::simulate::Cell],
    lang: Lang,
) -> String {
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
    let (x, y) = (|i: usize| pl.x(i), |v: f64| pl.y(v));
    let mut s = pl.open(title, d.unit, lang, "#b3261e");
    let band = |a: usize, bb: usize, fill: &str| -> String {
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
            let _ = write!(p, "{:.1},{:.1} ", x(*i), y(*lo));
        }
        for (i, _, hi) in pts.iter().rev() {
            let _ = write!(p, "{:.1},{:.1} ", x(*i), y(*hi));
        }
        format!("<polygon points=\"{}\" fill=\"{fill}\"/>", p.trim_end())
    };
    s.push_str(&band(0, 4, "#dbe7f3"));
    s.push_str(&band(1, 3, "#a9c4e2"));
    let line = |vals: Vec<(usize, f64)>, stroke: &str, dash: &str| -> String {
        let pts: Vec<String> = vals
            .iter()
            .map(|(i, v)| format!("{:.1},{:.1}", x(*i), y(*v)))
            .collect();
        format!(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"2.5\"{dash}/>",
            pts.join(" ")
        )
    };
    s.push_str(&line(
        cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((i, c.percentiles[2]?)))
            .collect(),
        "#1f4e79",
        "",
    ));
    s.push_str(&line(
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
            x(i),
            h - b + 14.0,
            c.year,
            x(i),
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

/// A tornado chart: per driver a bar from the indicator's value at the
/// driver's low to its value at the high, largest swing on top, the
/// central forecast as a line.
/// An SVG chart's opening tag, labelled for screen readers, and its title
/// at `title_x`.
fn svg_start(w: f64, h: &str, title_x: f64, title: &str) -> String {
    format!(
        "<svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{t}\" xmlns=\"http://www.w3.org/2000/svg\"><text x=\"{title_x}\" y=\"16\" font-size=\"15\" font-weight=\"bold\">{t}</text>",
        t = esc(title)
    )
}

fn tornado(
    title: &str,
    d: &IndicatorDef,
    swings: &[&crate::model::simulate::Swing],
    lang: Lang,
) -> String {
    let rows: Vec<_> = swings
        .iter()
        .filter_map(|s| Some((s, f(s.at_low?), f(s.at_high?), s.central.map(f))))
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    let (w, row_h) = (640.0, 26.0);
    let (l, r, t) = (250.0, 20.0, 30.0);
    let h = t + row_h * rows.len() as f64 + 24.0;
    let vals: Vec<f64> = rows
        .iter()
        .flat_map(|(_, a, b, c)| [*a, *b].into_iter().chain(*c))
        .collect();
    let (mut lo, mut hi) = vals
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    if (hi - lo).abs() < 1e-9 {
        hi += 1.0;
        lo -= 1.0;
    }
    let pad = (hi - lo) * 0.05;
    let (lo, hi) = (lo - pad, hi + pad);
    let x = |v: f64| l + (w - l - r) * (v - lo) / (hi - lo);
    let mut s = svg_start(w, &format!("{h:.1}"), 4.0, title);
    for (i, (sw, a, b, c)) in rows.iter().enumerate() {
        let y = t + row_h * i as f64;
        let (x0, x1) = (x(a.min(*b)), x(a.max(*b)));
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\">{}</text><rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#2e75b6\"><title>{}: {} … {}</title></rect>",
            l - 6.0,
            y + row_h * 0.6,
            esc(&short_driver(&sw.driver)),
            y + 3.0,
            (x1 - x0).max(1.0),
            row_h - 6.0,
            sw.year.map(|y| y.to_string()).unwrap_or_default(),
            esc(&axis_label(*a, d.unit, lang)),
            esc(&axis_label(*b, d.unit, lang))
        );
        if let Some(c) = c {
            let _ = write!(
                s,
                "<line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#c55a11\" stroke-width=\"2\"/>",
                x(*c),
                x(*c),
                y + 1.0,
                y + row_h - 1.0
            );
        }
    }
    let _ = write!(
        s,
        "<text x=\"{l}\" y=\"{:.1}\" font-size=\"11\">{}</text><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
        h - 6.0,
        esc(&axis_label(lo, d.unit, lang)),
        w - r,
        h - 6.0,
        esc(&axis_label(hi, d.unit, lang))
    );
    s.push_str("</svg>");
    s
}

const COLORS: [&str; 6] = [
    "#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf8f00", "#2e75b6",
];

fn indicator_line(pts: &[Point], label: String, color: &'static str) -> Line {
    Line {
        label,
        color,
        points: pts
            .iter()
            .map(|p| (p.year, p.value.map(f), p.kind, Some(p.status)))
            .collect(),
    }
}

/// A value's class and mark when it rests on a break: the cell is outlined
/// and "⚠n" follows the value, its title naming the break.
fn break_mark(
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
    let fi = lang == Lang::Fi;
    out.push_str("<div class=\"scroll\"><table><thead><tr>");
    let _ = write!(
        out,
        "<th>{}</th><th></th>",
        if fi { "Vuosi" } else { "Year" }
    );
    for d in &INDICATORS {
        let _ = write!(out, "<th>{} {}</th>", d.number, esc(name(d, lang)));
    }
    out.push_str("</tr></thead><tbody>");
    for (y, k) in &ev.years {
        let _ = write!(out, "<tr><td>{y}</td><td>{}</td>", k);
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
                    let _ = write!(
                        out,
                        "<td class=\"{}{class}\" title=\"{}\">{}{mark}</td>",
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

pub fn write(doc: &Document, allowance: Decimal) -> String {
    let lang = doc.lang;
    let fi = doc.fi();
    let tr = |a: &'static str, b: &'static str| if fi { a } else { b };
    let ev = doc.main();
    let mut o = String::new();
    let title = format!(
        "{} — {}",
        doc.ds.name(),
        tr(
            "Kestävä talous kivijalkana",
            "Sustainable economy as the foundation"
        )
    );
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{CSS}</style></head><body>",
        if fi { "fi" } else { "en" },
        esc(&title)
    );
    let _ = write!(
        o,
        "<header><h1>{}</h1><p class=\"muted\">{}: {} · {}: {} · kivijalka {}</p></header>",
        esc(&title),
        tr("Skenaario", "Scenario"),
        esc(&doc.main_name()),
        tr("Hintaindeksi", "Price index"),
        esc(&ev.price_index),
        doc.version
    );

    // Summary: which targets hold.
    let _ = write!(
        o,
        "<section id=\"summary\"><h2>{}</h2><ul>",
        tr("Tavoitteiden toteutuminen", "Which targets hold")
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
            esc(if fi { d.target_fi } else { d.target_en }),
            if missed.is_empty() {
                String::new()
            } else {
                format!("; {}: {}", tr("ei toteudu", "missed in"), missed.join(", "))
            }
        );
    }
    o.push_str("</ul>");
    let _ = write!(
        o,
        "<p class=\"muted\">{}</p>",
        tr(
            "Luku kertoo, monenako mitattavista vuosista tavoite toteutuu. TP = tilinpäätös, TA = talousarvio, TS = taloussuunnitelma, E = ennuste.",
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
    indicators_table(ev, &doc.breaks, lang, &mut o);
    o.push_str("</section>");

    // Charts of each indicator against its target.
    let _ = write!(
        o,
        "<section id=\"charts\"><h2>{}</h2><div class=\"charts\">",
        tr("Tavoitteet kuvina", "The targets in charts")
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
                "Solid: actuals; dashed: budget and plan; dotted: projected. Dot colour: green met, red missed, grey not measurable."
            ),
            tr("Kaava", "Formula"),
            esc(d.formula),
            tr("Lähde", "Source"),
            esc(d.source)
        );
    }
    o.push_str("</div></section>");

    // Scenarios compared.
    if doc.runs.len() > 1 {
        let _ = write!(
            o,
            "<section id=\"scenarios\"><h2>{}</h2><div class=\"charts\">",
            tr("Skenaarioiden vertailu", "Scenarios compared")
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
            indicators_table(&r.evaluation, &doc.breaks, lang, &mut o);
        }
        o.push_str("</section>");
    }

    // How likely the targets are to hold, scenario by scenario.
    if !doc.simulations.is_empty() {
        let _ = write!(
            o,
            "<section id=\"simulation\"><h2>{}</h2>",
            tr(
                "Kuinka todennäköisesti tavoitteet toteutuvat",
                "How likely the targets are to hold"
            )
        );
    }
    for sim in &doc.simulations {
        let _ = write!(
            o,
            "<h3>{}: {}</h3><p class=\"muted\">{} {} · {} {}</p><div class=\"charts\">",
            tr("Skenaario", "Scenario"),
            esc(&sim.scenario),
            number(Decimal::from(sim.paths), 0, lang),
            tr("polkua", "paths"),
            tr("siemen", "seed"),
            sim.seed
        );
        for d in &INDICATORS {
            let cells: Vec<_> = sim
                .cells
                .iter()
                .filter(|c| c.indicator == d.number)
                .collect();
            let svg = fan(&ind::title(d, lang), d, &cells, lang);
            let _ = write!(o, "<figure>{svg}</figure>");
        }
        let _ = write!(
            o,
            "</div><p class=\"muted\">{}</p><div class=\"scroll\"><table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            tr(
                "Vaalea alue: 5.–95. prosenttipiste; tumma: 25.–75.; sininen viiva: mediaani; oranssi katkoviiva: ennuste, jossa epävarmat tekijät keskiarvossaan. Luku vuoden yllä: todennäköisyys, että tavoite toteutuu.",
                "Light band: 5th–95th percentile; dark: 25th–75th; blue line: median; orange dashes: the forecast with every uncertain driver at its central value. The figure above each year: the probability that the target holds."
            ),
            tr("Vuosi", "Year"),
            tr("Kaikki viisi toteutuvat", "All five hold"),
            tr("Kaikki mitattavat toteutuvat", "All measurable hold")
        );
        let share = |p: f64| {
            format!(
                "{} %",
                number(
                    Decimal::from_f64_retain(p * 100.0).unwrap_or_default(),
                    1,
                    lang
                )
            )
        };
        for a in &sim.all_five {
            let _ = write!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                a.year,
                share(a.p_all_met),
                share(a.p_all_measurable_met)
            );
        }
        o.push_str("</tbody></table></div>");
    }
    if !doc.simulations.is_empty() {
        o.push_str("</section>");
    }

    // Which driver moves each target most.
    if !doc.sensitivity.is_empty() {
        let _ = write!(
            o,
            "<section id=\"sensitivity\"><h2>{}</h2>",
            tr(
                "Mikä tekijä vaikuttaa eniten",
                "Which driver moves each target most"
            )
        );
    }
    for (scenario, swings) in &doc.sensitivity {
        let _ = write!(
            o,
            "<h3>{}: {}</h3><div class=\"charts\">",
            tr("Skenaario", "Scenario"),
            esc(scenario)
        );
        for d in &INDICATORS {
            let rows: Vec<_> = swings.iter().filter(|s| s.indicator == d.number).collect();
            let svg = tornado(&ind::title(d, lang), d, &rows, lang);
            let flips: Vec<String> = rows
                .iter()
                .flat_map(|s| {
                    s.flips.iter().map(move |(y, c, lo, hi)| {
                        format!(
                            "{}: {y} {}→{}/{}",
                            s.driver,
                            mark_of(*c),
                            mark_of(*lo),
                            mark_of(*hi)
                        )
                    })
                })
                .collect();
            let _ = write!(
                o,
                "<figure>{svg}<figcaption>{}</figcaption></figure>",
                if flips.is_empty() {
                    tr(
                        "Yksikään tekijä ei yksin käännä tavoitteen tilaa.",
                        "No driver alone flips the target's status.",
                    )
                    .to_string()
                } else {
                    format!(
                        "{}: {}",
                        tr(
                            "Tila kääntyy (keskiarvo → matala/korkea)",
                            "Status flips (central → low/high)"
                        ),
                        esc(&flips.join("; "))
                    )
                }
            );
        }
        o.push_str("</div>");
    }
    if !doc.sensitivity.is_empty() {
        let _ = write!(
            o,
            "<p class=\"muted\">{}</p></section>",
            tr(
                "Palkki: indikaattorin arvo, kun tekijä on yksin 5. ja 95. prosenttipisteessään kaikkina ennustevuosina, vuonna, jona ero on suurin; oranssi viiva: ennuste.",
                "Bar: the indicator's value with the driver alone at its 5th and 95th percentile in every projected year, in the year of the largest difference; orange line: the forecast."
            )
        );
    }

    // Key ratios of the city and the group.
    let _ = write!(
        o,
        "<section id=\"ratios\"><h2>{}</h2><div class=\"scroll\"><table><thead><tr><th>{}</th>",
        tr("Tunnusluvut", "Key ratios"),
        tr("Tunnusluku", "Key ratio")
    );
    let years: Vec<i32> = doc.ds.years.keys().copied().collect();
    for y in &years {
        let _ = write!(
            o,
            "<th>{} {y}</th>",
            doc.ds.kind(*y).map(|k| k.to_string()).unwrap_or_default()
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
            esc(if fi { def.fi } else { def.en }),
            if fi { e.fi() } else { e.en() }
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

    checks(doc, &mut o);

    // The run record.
    let _ = write!(
        o,
        "<section id=\"record\"><h2>{}</h2><dl class=\"record\">",
        tr("Ajon tiedot", "Run record")
    );
    let _ = write!(
        o,
        "<dt>{}</dt><dd>kivijalka {}</dd>",
        tr("Ohjelma", "Tool"),
        doc.version
    );
    for sim in &doc.simulations {
        let _ = write!(
            o,
            "<dt>{} — {}</dt><dd>{} {}, {} {}; {}</dd>",
            tr("Simulointi", "Simulation"),
            esc(&sim.scenario),
            sim.paths,
            tr("polkua", "paths"),
            tr("siemen", "seed"),
            sim.seed,
            esc(&sim.drivers.join("; "))
        );
    }
    for i in &doc.inputs {
        let _ = write!(
            o,
            "<dt>{} — {}</dt><dd>SHA-256 {}</dd>",
            esc(&i.role),
            esc(&i.path),
            i.sha256
        );
    }
    for r in &doc.runs {
        let _ = write!(
            o,
            "<dt>{}: {}</dt><dd><table>",
            tr("Skenaarion asetukset", "Scenario settings"),
            esc(&r.scenario.name)
        );
        for (k, v) in crate::report::scenario::settings(&r.scenario) {
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
                let _ = write!(o, "<li>{}</li>", esc(a));
            }
            o.push_str("</ul>");
        }
        o.push_str("</dd>");
    }
    let _ = write!(
        o,
        "<dt>{}: {}</dt><dd><table>",
        tr("Hintaindeksi", "Price index"),
        esc(&doc.price_index.name)
    );
    for (y, v) in &doc.price_index.changes {
        let _ = write!(
            o,
            "<tr><td>{y}</td><td>{} %</td><td style=\"text-align:left\">{}</td></tr>",
            number(*v, 1, lang),
            esc(doc
                .price_index
                .sources
                .get(y)
                .map(String::as_str)
                .unwrap_or(""))
        );
    }
    o.push_str("</table></dd></dl>");
    let _ = write!(o, "<p class=\"muted\">{}</p>", esc(&kind_legend(lang)));
    o.push_str("</section></body></html>\n");
    o
}

/// A driver's key short enough for a chart's label.
fn mark_of(s: Status) -> &'static str {
    crate::report::indicators::mark(s)
}

fn kind_legend(lang: Lang) -> String {
    [YearKind::TP, YearKind::TA, YearKind::TS, YearKind::E]
        .iter()
        .map(|k| format!("{k} = {}", kind_name(Some(*k), lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Tarkistukset": each statement-year that does not add up, with its
/// identity, difference and cells; says so when there is none.
fn checks(doc: &Document, o: &mut String) {
    let lang = doc.lang;
    let fi = doc.fi();
    let _ = write!(o, "<section id=\"checks\"><h2>{}</h2>", brk::title(lang));
    if doc.breaks.is_empty() {
        let _ = write!(o, "<p>{}</p></section>", esc(brk::none_text(lang)));
        return;
    }
    let _ = write!(
        o,
        "<p>{}</p><div class=\"scroll\"><table><thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(brk::intro(lang)),
        if fi { "Laskelma" } else { "Statement" },
        if fi { "Kaava" } else { "Identity" },
        if fi { "Erotus" } else { "Difference" },
        if fi { "Solut" } else { "Cells" },
    );
    for (i, b) in doc.breaks.iter().enumerate() {
        let _ = write!(
            o,
            "<tr id=\"break-{}\"><td class=\"break-mark\">{}</td><td>{}</td><td>{}</td><td style=\"text-align:right\">{}</td><td>{}</td></tr>",
            i + 1,
            esc(&brk::marks(&[i])),
            esc(&brk::whose(b, lang)),
            esc(&b.identity),
            b.difference
                .map(|d| esc(&brk::difference_text(d, lang)))
                .unwrap_or_default(),
            esc(&b.cells_text())
        );
    }
    o.push_str("</tbody></table></div></section>");
}
