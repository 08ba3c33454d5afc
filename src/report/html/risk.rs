//! The sections on risk: how likely the targets are to hold (Monte Carlo
//! fans) and which driver moves each target most (tornadoes).

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::escape::esc;
use super::fan::fan;
use super::tornado::tornado;
use super::tr;
use crate::model::indicators::{INDICATORS, Status};
use crate::model::simulate::{Simulation, Swing};
use crate::report::document::Document;
use crate::report::format::number;
use crate::report::indicators as ind;

/// How likely the targets are to hold, scenario by scenario; nothing when
/// no simulation was run.
pub(super) fn simulation(doc: &Document, o: &mut String) {
    if doc.simulations.is_empty() {
        return;
    }
    let tr = tr(doc);
    let _ = write!(
        o,
        "<section id=\"simulation\"><h2>{}</h2>",
        tr(
            "Kuinka todennäköisesti tavoitteet toteutuvat",
            "Hur sannolikt målen uppnås",
            "How likely the targets are to hold"
        )
    );
    for sim in &doc.simulations {
        one_simulation(doc, sim, o);
    }
    o.push_str("</section>");
}

/// One scenario's fans, then the chance that all five targets hold.
fn one_simulation(doc: &Document, sim: &Simulation, o: &mut String) {
    let lang = doc.lang;
    let tr = tr(doc);
    let _ = write!(
        o,
        "<h3>{}: {}</h3><p class=\"muted\">{} {} · {} {}</p><div class=\"charts\">",
        tr("Skenaario", "Scenario", "Scenario"),
        esc(&sim.scenario),
        number(Decimal::from(sim.paths), 0, lang),
        tr("polkua", "banor", "paths"),
        tr("siemen", "frö", "seed"),
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
            "Vaalea alue: 5.–95. prosenttipiste; tumma: 25.–75.; sininen viiva: mediaani; oranssi katkoviiva: ennuste, jossa epävarmat tekijät keskeisessä arvossaan (normaalijakaumalla keskiarvo, kolmio- ja PERT-jakaumalla moodi, tasajakaumalla keskikohta). Luku vuoden yllä: todennäköisyys, että tavoite toteutuu.",
            "Ljust fält: 5:e–95:e percentilen; mörkt: 25:e–75:e; blå linje: median; orange streckad linje: prognosen med varje osäker faktor i sitt centrala värde (medelvärdet för en normalfördelning, typvärdet för en triangel- eller PERT-fördelning, mittpunkten för en likformig fördelning). Talet ovanför varje år: sannolikheten att målet uppnås.",
            "Light band: 5th–95th percentile; dark: 25th–75th; blue line: median; orange dashes: the forecast with every uncertain driver at its central value (the mean of a normal, the mode of a triangular or PERT, the midpoint of a uniform). The figure above each year: the probability that the target holds."
        ),
        tr("Vuosi", "År", "Year"),
        tr(
            "Kaikki viisi toteutuvat",
            "Alla fem uppnås",
            "All five hold"
        ),
        tr(
            "Kaikki mitattavat toteutuvat",
            "Alla mätbara uppnås",
            "All measurable hold"
        )
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
    law(sim, lang, o);
}

/// Kuntalaki 110 § and 118 § by year, as shares of the paths.
fn law(sim: &Simulation, lang: crate::report::Lang, o: &mut String) {
    use crate::report::simulate::{law_headers, law_note, law_row};
    if sim.statutory.is_empty() {
        return;
    }
    let _ = write!(
        o,
        "<h4>{}</h4><div class=\"scroll\"><table><thead><tr>",
        lang.tr(
            "Kuntalaki 110 § ja 118 §",
            "Kommunallagen 110 § och 118 §",
            "Local Government Act 110 § and 118 §"
        )
    );
    for h in law_headers(lang) {
        let _ = write!(o, "<th>{}</th>", esc(h));
    }
    o.push_str("</tr></thead><tbody>");
    for l in &sim.statutory {
        o.push_str("<tr>");
        for c in law_row(l, lang) {
            let _ = write!(o, "<td>{}</td>", esc(&c));
        }
        o.push_str("</tr>");
    }
    let _ = write!(
        o,
        "</tbody></table></div><p class=\"muted\">{}</p>",
        esc(law_note(lang))
    );
}

/// Which driver moves each target most, scenario by scenario; nothing when
/// no sensitivity run was made.
pub(super) fn sensitivity(doc: &Document, o: &mut String) {
    if doc.sensitivity.is_empty() {
        return;
    }
    let tr = tr(doc);
    let _ = write!(
        o,
        "<section id=\"sensitivity\"><h2>{}</h2>",
        tr(
            "Mikä tekijä vaikuttaa eniten",
            "Vilken faktor påverkar varje mål mest",
            "Which driver moves each target most"
        )
    );
    for (scenario, swings) in &doc.sensitivity {
        let _ = write!(
            o,
            "<h3>{}: {}</h3><div class=\"charts\">",
            tr("Skenaario", "Scenario", "Scenario"),
            esc(scenario)
        );
        for d in &INDICATORS {
            let rows: Vec<_> = swings.iter().filter(|s| s.indicator == d.number).collect();
            tornado_figure(doc, d, &rows, o);
        }
        o.push_str("</div>");
    }
    let _ = write!(
        o,
        "<p class=\"muted\">{}</p></section>",
        tr(
            "Palkki: indikaattorin arvo, kun tekijä on yksin 5. ja 95. prosenttipisteessään kaikkina ennustevuosina, vuonna, jona ero on suurin; oranssi viiva: ennuste.",
            "Stapel: indikatorns värde när faktorn ensam ligger på sin 5:e och 95:e percentil under alla prognosår, det år då skillnaden är störst; orange linje: prognosen.",
            "Bar: the indicator's value with the driver alone at its 5th and 95th percentile in every projected year, in the year of the largest difference; orange line: the forecast."
        )
    );
}

/// One indicator's tornado, captioned with the years whose status a driver
/// flips on its own: the figure a council member acts on.
fn tornado_figure(
    doc: &Document,
    d: &crate::model::indicators::IndicatorDef,
    rows: &[&Swing],
    o: &mut String,
) {
    let lang = doc.lang;
    let tr = tr(doc);
    let svg = tornado(&ind::title(d, lang), d, rows, lang);
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
                "Ingen faktor ensam vänder målets status.",
                "No driver alone flips the target's status.",
            )
            .to_string()
        } else {
            format!(
                "{}: {}",
                tr(
                    "Tila kääntyy (keskiarvo → matala/korkea)",
                    "Status vänder (centralt → lågt/högt)",
                    "Status flips (central → low/high)"
                ),
                esc(&flips.join("; "))
            )
        }
    );
}

fn mark_of(s: Status) -> &'static str {
    crate::report::indicators::mark(s)
}
