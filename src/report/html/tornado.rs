//! The tornado chart of a sensitivity run.

use std::fmt::Write as _;

use super::axes::{axis_label, f, svg_start};
use super::escape::esc;
use crate::model::indicators::IndicatorDef;
use crate::report::Lang;
use crate::report::document::short_driver;

/// A tornado chart: per driver a bar from the indicator's value at the
/// driver's low to its value at the high, largest swing on top, the
/// central forecast as a line.
pub(super) fn tornado(
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
            esc(&short_driver(&sw.driver, lang)),
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
