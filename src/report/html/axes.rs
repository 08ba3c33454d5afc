//! The frame every chart shares: nice bounds, the scale, the SVG opening
//! with its title and labelled grid lines.
//!
//! Coordinates are computed in f64 and printed with one decimal: they place
//! marks on a picture, no figure of a statement passes through them.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::escape::esc;
use crate::model::ratios::Unit;
use crate::report::Lang;
use crate::report::format::number;

/// A short axis label: euros in millions, others as they are.
pub(super) fn axis_label(v: f64, unit: Unit, lang: Lang) -> String {
    let d = Decimal::from_f64_retain(v).unwrap_or_default();
    match unit {
        Unit::Eur => format!("{} M€", number(d / Decimal::from(1_000_000), 1, lang)),
        Unit::Percent => format!("{} %", number(d, 1, lang)),
        _ => number(d, 0, lang),
    }
}

/// A figure as a chart coordinate; one past f64's range draws at zero
/// rather than stopping the page.
pub(super) fn f(v: Decimal) -> f64 {
    v.to_f64().unwrap_or_default()
}

pub(super) fn nice_step(range: f64) -> f64 {
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
pub(super) struct Plot {
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
    pub(super) fn new(
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
    pub(super) fn x(&self, i: usize) -> f64 {
        self.l + (self.w - self.l - self.r) * (i as f64) / (self.n - 1.0)
    }
    pub(super) fn y(&self, v: f64) -> f64 {
        self.t + (self.h - self.t - self.b) * (self.hi - v) / (self.hi - self.lo)
    }
    pub(super) fn open(&self, title: &str, unit: Unit, lang: Lang, zero: &str) -> String {
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

/// An SVG chart's opening tag, labelled for screen readers, and its title
/// at `title_x`.
pub(super) fn svg_start(w: f64, h: &str, title_x: f64, title: &str) -> String {
    format!(
        "<svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{t}\" xmlns=\"http://www.w3.org/2000/svg\"><text x=\"{title_x}\" y=\"16\" font-size=\"15\" font-weight=\"bold\">{t}</text>",
        t = esc(title)
    )
}
