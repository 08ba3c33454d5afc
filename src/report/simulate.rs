//! Simulation results: percentiles and probabilities by indicator and year;
//! the sensitivity (tornado) table.

use std::io::{self, Write};

use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

use crate::model::dataset::Dataset;
use crate::model::indicators::{INDICATORS, Status};
use crate::model::scenario::Scenario;
use crate::model::simulate::{Simulation, Swing};
use crate::model::statutory::observe::LawShare;
use crate::report::format::{Lang, number, plain};
use crate::report::indicators::mark;
use crate::report::reason;
use crate::report::table::{Align, Table};

fn num(v: Option<f64>, decimals: u32, lang: Lang) -> String {
    v.and_then(Decimal::from_f64)
        .map(|d| number(d, decimals, lang))
        .unwrap_or_else(|| "–".into())
}

fn pct(p: f64, lang: Lang) -> String {
    format!(
        "{} %",
        number(Decimal::from_f64(p * 100.0).unwrap_or_default(), 1, lang)
    )
}

pub fn table(ds: &Dataset, sim: &Simulation, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} — {} '{}': {} {}, {} {}",
        ds.name(),
        lang.tr(
            "simulointi, skenaario",
            "simulering, scenario",
            "simulation, scenario"
        ),
        sim.scenario,
        number(Decimal::from(sim.paths), 0, lang),
        lang.tr("polkua", "banor", "paths"),
        lang.tr("siemen", "frö", "seed"),
        sim.seed
    )?;
    writeln!(
        out,
        "{}:",
        lang.tr("Epävarmat tekijät", "Osäkra faktorer", "Uncertain drivers")
    )?;
    for d in &sim.drivers {
        writeln!(out, "  {d}")?;
    }
    for d in &INDICATORS {
        writeln!(out)?;
        writeln!(out, "{}", crate::report::indicators::heading(d, lang))?;
        let mut t = Table::new(
            vec![
                lang.tr("Vuosi", "År", "Year").into(),
                String::new(),
                "P5".into(),
                "P25".into(),
                lang.tr("Mediaani", "Median", "Median").into(),
                "P75".into(),
                "P95".into(),
                lang.tr("Toteutuu", "Uppnås", "Holds").into(),
                lang.tr("Ennuste", "Prognos", "Forecast").into(),
            ],
            vec![
                Align::Left,
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
            ],
        );
        for c in sim.cells.iter().filter(|c| c.indicator == d.number) {
            let mut row = vec![
                c.year.to_string(),
                (c.kind)
                    .map(|k| crate::report::names::year_kind(k, lang))
                    .unwrap_or_default()
                    .to_string(),
            ];
            for p in &c.percentiles {
                row.push(num(*p, d.decimals, lang));
            }
            row.push(if c.p_not_measurable >= 1.0 {
                "–".into()
            } else {
                pct(c.p_met, lang)
            });
            row.push(match c.deterministic {
                Some(v) => format!(
                    "{} {}",
                    number(v, d.decimals, lang),
                    mark(c.deterministic_status)
                ),
                None => mark(Status::NotMeasurable).into(),
            });
            t.push(row);
        }
        t.write(out)?;
        // Why a forecast is not measurable: a reason once, with its years
        // (reasons that differ only by their year are one).
        let mut why: Vec<(String, Vec<i32>)> = Vec::new();
        for c in sim.cells.iter().filter(|c| c.indicator == d.number) {
            if let Some(r) = &c.reason {
                let key = reason::text(r, lang).replace(&c.year.to_string(), "{year}");
                match why.iter_mut().find(|(w, _)| *w == key) {
                    Some((_, ys)) => ys.push(c.year),
                    None => why.push((key, vec![c.year])),
                }
            }
        }
        for (r, ys) in why {
            let span = match (ys.first(), ys.last()) {
                (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
                (Some(a), _) => a.to_string(),
                _ => String::new(),
            };
            let r = r.replace("{year}", &span);
            writeln!(
                out,
                "– {span}: {} ({r})",
                lang.tr("ei mitattavissa", "kan inte mätas", "not measurable")
            )?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        lang.tr(
            "Kaikki viisi tavoitetta toteutuvat",
            "Alla fem mål uppnås",
            "All five targets hold"
        )
    )?;
    let mut t = Table::new(
        vec![
            lang.tr("Vuosi", "År", "Year").into(),
            lang.tr("Kaikki viisi", "Alla fem", "All five").into(),
            lang.tr("Kaikki mitattavat", "Alla mätbara", "All measurable")
                .into(),
        ],
        vec![Align::Left, Align::Right, Align::Right],
    );
    for a in &sim.all_five {
        t.push(vec![
            a.year.to_string(),
            pct(a.p_all_met, lang),
            pct(a.p_all_measurable_met, lang),
        ]);
    }
    t.write(out)?;
    writeln!(
        out,
        "{}",
        lang.tr(
            "Prosenttipisteet mitattavista arvoista (P²-arvio); todennäköisyys = osuus poluista, joilla tavoite toteutuu. Ennuste = deterministinen ennuste, jossa epävarmat tekijät keskeisessä arvossaan: normaali- ja lognormaalijakaumalla keskiarvo, kolmio- ja PERT-jakaumalla moodi (ei keskiarvo), tasajakaumalla keskikohta; vino jakauma voi siksi viedä mediaanin kauas ennusteesta.",
            "Percentiler av de mätbara värdena (P²-uppskattning); sannolikhet = andelen banor där målet uppnås. Prognos = den deterministiska prognosen med varje osäker faktor i sitt centrala värde: medelvärdet för en normal- eller lognormalfördelning, typvärdet (inte medelvärdet) för en triangel- eller PERT-fördelning, mittpunkten för en likformig fördelning; en sned fördelning kan därför lägga medianen långt från prognosen.",
            "Percentiles of the measurable values (P² estimates); probability = share of paths in which the target holds. Forecast = the deterministic forecast with every uncertain driver at its central value: the mean of a normal or lognormal, the mode (not the mean) of a triangular or PERT, the midpoint of a uniform; a skewed distribution can therefore put the median far from the forecast.",
        )
    )?;
    law_table(sim, lang, out)
}

/// The law by year over the paths: a deadline missed, a ground met, a
/// ground that cannot be decided.
pub fn law_headers(lang: Lang) -> [&'static str; 4] {
    [
        lang.tr("Vuosi", "År", "Year"),
        lang.tr(
            "110 § määräaika ylittyy",
            "110 § tidsfristen överskrids",
            "110 § deadline missed",
        ),
        lang.tr(
            "118 § peruste täyttyy",
            "118 § grunden uppfylls",
            "118 § ground met",
        ),
        lang.tr(
            "118 § ei ratkaistavissa",
            "118 § kan inte avgöras",
            "118 § undecided",
        ),
    ]
}

pub fn law_row(l: &LawShare, lang: Lang) -> [String; 4] {
    [
        l.year.to_string(),
        pct(l.p_deadline_missed, lang),
        pct(l.p_ground_met, lang),
        pct(l.p_ground_undecided, lang),
    ]
}

/// What the law says, as the shares of paths; the caveat of the estimate.
pub fn law_note(lang: Lang) -> &'static str {
    lang.tr(
        "Osuus poluista. Konsernin luvut ennustevuosina ovat arvioita (kaupungin luku ja konsernin kaupungin ulkopuolinen osuus viimeisestä konsernitilinpäätöksestä); kansalliset keskiarvot ovat säännöstöstä (data/statutory.toml), ja puuttuva keskiarvo tekee perusteesta ratkaisemattoman.",
        "Andel av banorna. Koncernens siffror under prognosåren är uppskattningar (stadens siffra och koncernens andel utanför staden i det senaste koncernbokslutet); riksgenomsnitten kommer ur regelboken (data/statutory.toml), och ett genomsnitt som saknas gör att grunden inte kan avgöras.",
        "Share of paths. The group's figures in projected years are estimates (the city's figure and the group's part beyond the city in the last group statements); the national averages are the rule book's (data/statutory.toml), and a missing average leaves a ground undecided.",
    )
}

fn law_table(sim: &Simulation, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    if sim.statutory.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        lang.tr(
            "Kuntalaki 110 § ja 118 §",
            "Kommunallagen 110 § och 118 §",
            "Local Government Act 110 § and 118 §"
        )
    )?;
    let mut align = vec![Align::Left];
    align.extend([Align::Right; 3]);
    let mut t = Table::new(law_headers(lang).map(String::from).to_vec(), align);
    for l in &sim.statutory {
        t.push(law_row(l, lang).to_vec());
    }
    t.write(out)?;
    writeln!(out, "{}", law_note(lang))
}

pub fn csv(ds: &Dataset, sim: &Simulation, out: &mut dyn Write) -> io::Result<()> {
    let mut w = crate::report::csv_out::Writer::from_writer(out);
    w.write_record([
        "municipality",
        "scenario",
        "paths",
        "seed",
        "indicator",
        "id",
        "year",
        "kind",
        "p5",
        "p25",
        "p50",
        "p75",
        "p95",
        "p_met",
        "p_not_measurable",
        "forecast",
        "forecast_status",
        "p_deadline_missed_110",
        "p_ground_met_118",
        "p_ground_undecided_118",
    ])?;
    let f = |v: Option<f64>| v.map(|x| format!("{x}")).unwrap_or_default();
    // The year's 110 § and 118 § shares, on each of its rows.
    let law =
        |y: i32, p: fn(&LawShare) -> f64| f(sim.statutory.iter().find(|l| l.year == y).map(p));
    for c in &sim.cells {
        let d = &INDICATORS[(c.indicator - 1) as usize];
        w.write_record([
            ds.name().to_string(),
            sim.scenario.clone(),
            sim.paths.to_string(),
            sim.seed.to_string(),
            c.indicator.to_string(),
            d.id.to_string(),
            c.year.to_string(),
            c.kind.map(|k| k.to_string()).unwrap_or_default(),
            f(c.percentiles[0]),
            f(c.percentiles[1]),
            f(c.percentiles[2]),
            f(c.percentiles[3]),
            f(c.percentiles[4]),
            format!("{}", c.p_met),
            format!("{}", c.p_not_measurable),
            c.deterministic.map(plain).unwrap_or_default(),
            c.deterministic_status.en().replace(' ', "_"),
            law(c.year, |l| l.p_deadline_missed),
            law(c.year, |l| l.p_ground_met),
            law(c.year, |l| l.p_ground_undecided),
        ])?;
    }
    w.flush()
}

pub fn json(sim: &Simulation, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, sim)?;
    writeln!(out)
}

pub fn tornado(
    ds: &Dataset,
    sc: &Scenario,
    swings: &[Swing],
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{} — {} '{}'",
        ds.name(),
        lang.tr(
            "herkkyys, skenaario",
            "känslighet, scenario",
            "sensitivity, scenario"
        ),
        sc.name
    )?;
    for d in &INDICATORS {
        writeln!(out)?;
        writeln!(out, "{}", crate::report::indicators::heading(d, lang))?;
        let mut t = Table::new(
            vec![
                lang.tr("Tekijä", "Faktor", "Driver").into(),
                lang.tr("Matala (P5)", "Lågt (P5)", "Low (P5)").into(),
                lang.tr("Korkea (P95)", "Högt (P95)", "High (P95)").into(),
                lang.tr("Suurin ero", "Största skillnad", "Largest swing")
                    .into(),
                lang.tr("Vuonna", "År", "In").into(),
                lang.tr(
                    "Tila kääntyy (keskiarvo → matala / korkea)",
                    "Status vänder (centralt → lågt / högt)",
                    "Status flips (central → low / high)",
                )
                .into(),
            ],
            vec![
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Left,
                Align::Left,
            ],
        );
        for s in swings.iter().filter(|s| s.indicator == d.number) {
            let flips = s
                .flips
                .iter()
                .map(|(y, c, l, h)| format!("{y}: {}→{}/{}", mark(*c), mark(*l), mark(*h)))
                .collect::<Vec<_>>()
                .join(", ");
            t.push(vec![
                s.driver.clone(),
                num(Some(s.low), 2, lang),
                num(Some(s.high), 2, lang),
                s.swing
                    .map(|v| number(v, d.decimals, lang))
                    .unwrap_or_else(|| "–".into()),
                s.year.map(|y| y.to_string()).unwrap_or_default(),
                flips,
            ]);
        }
        t.write(out)?;
    }
    writeln!(
        out,
        "{}",
        lang.tr(
            "Kukin tekijä yksin 5. ja 95. prosenttipisteeseensä kaikkina ennustevuosina, muut keskeisessä arvossaan; suurin ero korkean ja matalan välillä. Järjestys: eniten vaikuttava ensin.",
            "Varje faktor ensam på sin 5:e och 95:e percentil under alla prognosår, de övriga i sina centrala värden; den största skillnaden mellan högt och lågt. Den faktor som påverkar målet mest först.",
            "Each driver alone at its 5th and 95th percentile in every projected year, the others at their central values; the largest difference between high and low. The driver that moves the target most first.",
        )
    )
}

pub fn tornado_csv(swings: &[Swing], out: &mut dyn Write) -> io::Result<()> {
    let mut w = crate::report::csv_out::Writer::from_writer(out);
    w.write_record([
        "indicator",
        "driver",
        "low",
        "high",
        "swing",
        "year",
        "flips",
    ])?;
    for s in swings {
        let flips = s
            .flips
            .iter()
            .map(|(y, c, l, h)| format!("{y}:{}>{}/{}", c.en(), l.en(), h.en()))
            .collect::<Vec<_>>()
            .join(";");
        w.write_record([
            s.indicator.to_string(),
            s.driver.clone(),
            format!("{}", s.low),
            format!("{}", s.high),
            s.swing.map(plain).unwrap_or_default(),
            s.year.map(|y| y.to_string()).unwrap_or_default(),
            flips,
        ])?;
    }
    w.flush()
}
