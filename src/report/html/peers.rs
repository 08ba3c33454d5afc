//! "Vertailu muihin kuntiin": a municipality's place among its peers, an
//! SVG per indicator with the peers' range, quartile box and median and
//! the municipality's point, among all municipalities of the batch and
//! within its peer group. The figures are the batch summary's.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::axes::{f, nice_step, svg_start};
use super::escape::esc;
use crate::model::indicators::INDICATORS;
use crate::model::peers::{Among, Grouping, Peers, Position, Standing};
use crate::model::ratios::Unit;
use crate::report::Lang;
use crate::report::format::number;
use crate::report::names;

/// A compared value as the page prints it: euros per resident whole, a
/// percent to a tenth.
fn shown(v: Decimal, unit: Unit, lang: Lang) -> String {
    let decimals = if unit == Unit::Percent { 1 } else { 0 };
    format!("{} {}", number(v, decimals, lang), names::unit(unit, lang))
}

/// The section, or nothing without peers (a report written outside
/// `batch`, or a batch of one).
pub(super) fn section(peers: Option<&Peers>, lang: Lang, o: &mut String) {
    let Some(peers) = peers else { return };
    let shown_positions = peers.shown();
    if shown_positions.is_empty() {
        return;
    }
    let _ = write!(
        o,
        "<section id=\"peers\"><h2>{}</h2><p class=\"muted\">{} {}</p><div class=\"charts\">",
        esc(lang.tr(
            "Vertailu muihin kuntiin",
            "Jämförelse med andra kommuner",
            "Compared with other municipalities"
        )),
        esc(&among(peers.among, lang)),
        esc(&grouping(&peers.grouping, lang)),
    );
    for p in shown_positions {
        chart(p, lang, o);
    }
    o.push_str("</div></section>");
}

/// Whom the ranks are among, and what the per-resident basis means.
pub(crate) fn among(a: Among, lang: Lang) -> String {
    let basis = lang.tr(
        "Euromääräiset tunnusluvut verrataan asukasta kohden, prosentit sellaisinaan; sija 1 on paras.",
        "Indikatorer i euro jämförs per invånare, procent som de är; plats 1 är bäst.",
        "Indicators in euros compare per resident, percents as they are; rank 1 is the best.",
    );
    match a {
        Among::Batch { n } => crate::tr!(
            lang,
            "Sijat ja kvartiilit ajon {n} kunnan joukossa, kuten yhteenvedossa (summary.csv); kunkin rivin luku kertoo, monellako niistä on vertailukelpoinen arvo. {basis}",
            "Placeringar och kvartiler bland körningens {n} kommuner, som i sammandraget (summary.csv); varje rads tal säger hur många av dem som har ett jämförbart värde. {basis}",
            "Ranks and quartiles among the run's {n} municipalities, as in the summary (summary.csv); each row's count says how many of them have a comparable value. {basis}"
        ),
        Among::Shard { index, count, n } => crate::tr!(
            lang,
            "Sijat ja kvartiilit vain tämän osan ({index}/{count}) {n} kunnan joukossa: osan ajo ei näe muita kuntia. Kaikkien kuntien sijat antaa `batch --merge` yhteenvedossaan. {basis}",
            "Placeringar och kvartiler endast bland de {n} kommunerna i den här delen ({index}/{count}): en dels körning ser inte de andra. Placeringarna bland alla ger `batch --merge` i sitt sammandrag. {basis}",
            "Ranks and quartiles only among the {n} municipalities of shard {index}/{count}: a shard's run sees no others. `batch --merge` ranks among all of them in its summary. {basis}"
        ),
    }
}

pub(crate) fn grouping(g: &Grouping, lang: Lang) -> String {
    match g {
        Grouping::SizeClass => lang
            .tr(
                "Vertailuryhmä: asukasluvun kokoluokka.",
                "Jämförelsegrupp: storleksklass efter invånarantal.",
                "Peer group: population size class.",
            )
            .to_string(),
        Grouping::Column(c) => crate::tr!(
            lang,
            "Vertailuryhmä: sarake {c}.",
            "Jämförelsegrupp: kolumnen {c}.",
            "Peer group: the column {c}."
        ),
        Grouping::File(f) => crate::tr!(
            lang,
            "Vertailuryhmä: tiedosto {f}.",
            "Jämförelsegrupp: filen {f}.",
            "Peer group: the file {f}."
        ),
    }
}

const W: f64 = 460.0;
const H: f64 = 144.0;
const L: f64 = 12.0;
/// Where the scale starts: room for a centred label of its first line.
const PL: f64 = 32.0;
const R: f64 = 70.0;

/// The chart's rows, each labelled with its peers and their count: all
/// municipalities, then the group.
fn rows(p: &Position, lang: Lang) -> Vec<(String, &Standing)> {
    let n = p.all.n;
    let mut rows: Vec<(String, &Standing)> = vec![(
        crate::tr!(
            lang,
            "Kaikki kunnat ({n})",
            "Alla kommuner ({n})",
            "All municipalities ({n})"
        ),
        &p.all,
    )];
    if let Some((name, s)) = &p.group {
        let n = s.n;
        rows.push((
            crate::tr!(
                lang,
                "Ryhmä {name} ({n})",
                "Grupp {name} ({n})",
                "Group {name} ({n})"
            ),
            s,
        ));
    }
    rows
}

/// One indicator's chart: a row among all, a row within the group.
fn chart(p: &Position, lang: Lang, o: &mut String) {
    let Some(def) = INDICATORS.get(usize::from(p.indicator).wrapping_sub(1)) else {
        return;
    };
    let unit = p.basis.unit(p.indicator);
    let title = format!("{}. {}", p.indicator, names::indicator(def, lang));
    let kind = (p.kind)
        .map(|k| format!(" ({})", names::year_kind(k, lang)))
        .unwrap_or_default();
    let sub = format!("{}{kind} · {}", p.year, names::unit(unit, lang));
    let rows = rows(p, lang);
    let (lo, hi) = (f(p.all.min).min(f(p.value)), f(p.all.max).max(f(p.value)));
    let step = nice_step(hi - lo);
    let (lo, hi) = ((lo / step).floor() * step, (hi / step).ceil() * step);
    let span = if hi > lo { hi - lo } else { 1.0 };
    let x = |v: f64| PL + (W - PL - R) * (v - lo) / span;
    let mut s = svg_start(W, &H.to_string(), L, &title);
    let _ = write!(
        s,
        "<text x=\"{L}\" y=\"32\" font-size=\"11\" fill=\"#555\">{}</text>",
        esc(&sub)
    );
    // The grid and its labels under the rows.
    let mut v = lo;
    while v <= hi + step / 2.0 {
        let xx = x(v);
        let _ = write!(
            s,
            "<line x1=\"{xx:.1}\" x2=\"{xx:.1}\" y1=\"38\" y2=\"{:.1}\" stroke=\"#e5e5e5\" stroke-width=\"1\"/><text x=\"{xx:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\">{}</text>",
            H - 16.0,
            H - 4.0,
            esc(&super::axes::axis_label(v, unit, lang))
        );
        v += step;
    }
    for (i, (label, st)) in rows.iter().enumerate() {
        let y = 62.0 + 40.0 * i as f64;
        row(&mut s, &x, y, (label, st), f(p.value), lang);
    }
    s.push_str("</svg>");
    let _ = write!(o, "<figure>{s}<figcaption>{}</figcaption></figure>", {
        esc(&caption(p, unit, lang))
    });
}

/// A row: its label above, the range as a line, the quartile box, the
/// median as a tick, the municipality as a dot, its rank at the right.
fn row(
    s: &mut String,
    x: &dyn Fn(f64) -> f64,
    y: f64,
    (label, st): (&str, &Standing),
    value: f64,
    lang: Lang,
) {
    // "3./14": the Finnish ordinal's dot.
    let rank = format!("{}{}/{}", st.rank, lang.tr(".", "", ""), st.n);
    let (a, b) = (x(f(st.min)), x(f(st.max)));
    let (q1, q3, med) = (x(f(st.q1)), x(f(st.q3)), x(f(st.median)));
    let _ = write!(
        s,
        "<text x=\"{L}\" y=\"{:.1}\" font-size=\"11\">{}</text>\
         <line x1=\"{a:.1}\" x2=\"{b:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#8a8a8a\" stroke-width=\"1.5\"/>\
         <rect x=\"{q1:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"14\" fill=\"#dce6f2\" stroke=\"#1f4e79\" stroke-width=\"1\"/>\
         <line x1=\"{med:.1}\" x2=\"{med:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#1f4e79\" stroke-width=\"2.5\"/>\
         <circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"#b36b00\" stroke=\"#fff\" stroke-width=\"1\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" font-weight=\"bold\">{rank}</text>",
        y - 12.0,
        esc(label),
        y - 7.0,
        (q3 - q1).max(1.0),
        y - 9.0,
        y + 9.0,
        x(value),
        W - R + 8.0,
        y + 4.0,
    );
}

/// The chart's figures in words, for a reader without the picture.
fn caption(p: &Position, unit: Unit, lang: Lang) -> String {
    let v = shown(p.value, unit, lang);
    let one = |who: &str, st: &Standing| {
        let (r, n) = (st.rank, st.n);
        let m = shown(st.median, unit, lang);
        let (q1, q3) = (shown(st.q1, unit, lang), shown(st.q3, unit, lang));
        let (a, b) = (shown(st.min, unit, lang), shown(st.max, unit, lang));
        crate::tr!(
            lang,
            "{who}: sija {r}./{n}, mediaani {m}, kvartiilit {q1} – {q3}, vaihteluväli {a} – {b}",
            "{who}: plats {r}/{n}, median {m}, kvartiler {q1} – {q3}, variationsvidd {a} – {b}",
            "{who}: rank {r}/{n}, median {m}, quartiles {q1} – {q3}, range {a} – {b}"
        )
    };
    let mut out = crate::tr!(
        lang,
        "Kunnan arvo {v}",
        "Kommunens värde {v}",
        "The municipality's value {v}"
    );
    for (who, st) in rows(p, lang) {
        out.push_str(" · ");
        out.push_str(&one(&who, st));
    }
    out
}
