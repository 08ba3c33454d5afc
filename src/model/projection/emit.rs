//! The forecast's statements, made from the projected years' flows: the
//! workbook up to the base year, then each projected year's income
//! statement, cash flow statement, condensed balance sheet and background.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::YearRow;
use super::drivers::Drivers;
use super::step::{Flows, Rolled};
use crate::error::Location;
use crate::model::dataset::{Dataset, Entity, Figure};
use crate::model::items;
use crate::model::price_index::PriceIndex;

/// The lines of the condensed balance sheet the projection rolls forward.
const BS_ASSETS: [&str; 8] = [
    "ta.aineettomat",
    "ta.aineelliset",
    "ta.sijoitukset",
    "ta.toimeksiantojen_varat",
    "ta.vaihto_omaisuus",
    "ta.saamiset",
    "ta.rahoitusarvopaperit",
    "ta.rahat_ja_pankkisaamiset",
];
const BS_EQUITY: [&str; 8] = [
    "ta.peruspaaoma",
    "ta.arvonkorotusrahasto",
    "ta.muut_omat_rahastot",
    "ta.edellisten_ylijaama",
    "ta.tilikauden_ylijaama",
    "ta.poistoero_ja_varaukset",
    "ta.pakolliset_varaukset",
    "ta.toimeksiantojen_paaomat",
];

/// The balance-sheet lines the projection rolls forward from the start.
fn balance_lines() -> impl Iterator<Item = &'static str> {
    BS_ASSETS.into_iter().chain(BS_EQUITY).chain(
        ["ta.pitkaaikainen", "ta.lyhytaikainen"]
            .into_iter()
            .flat_map(|p| items::children(p).map(|c| c.id)),
    )
}

impl Rolled {
    fn lines(&self) -> [(&'static str, Decimal); 14] {
        [
            ("ta.aineelliset", self.aineelliset),
            ("ta.sijoitukset", self.sijoitukset),
            ("ta.saamiset", self.saamiset),
            ("ta.vaihto_omaisuus", self.vaihto_omaisuus),
            ("ta.toimeksiantojen_paaomat", self.toimeksiantojen_paaomat),
            ("ta.la_muut_velat", self.la_muut_velat),
            ("ta.rahat_ja_pankkisaamiset", self.rahat),
            ("ta.peruspaaoma", self.peruspaaoma),
            ("ta.muut_omat_rahastot", self.muut_omat_rahastot),
            ("ta.poistoero_ja_varaukset", self.poistoero),
            ("ta.la_rahoituslaitokset", self.la_rahoituslaitokset),
            ("ta.pa_rahoituslaitokset", self.pa_rahoituslaitokset),
            ("ta.edellisten_ylijaama", self.edellisten_ylijaama),
            ("ta.tilikauden_ylijaama", self.tilikauden_ylijaama),
        ]
        .map(|(id, v)| (id, v.dec()))
    }
}

/// The workbook's series, with the scenario's figure (and its name as the
/// source) for the years the series lacks.
pub(super) fn price_index(d: &Drivers, series: &PriceIndex) -> PriceIndex {
    let mut pi = series.clone();
    let changes = d.pi.changes.range(d.base + 1..=d.horizon);
    pi.fill_from(&d.sc.name, changes.map(|(y, v)| (*y, *v)));
    pi
}

/// The workbook up to the base year, then the projected years' statements.
pub(super) fn dataset(d: &Drivers, years: &[(YearRow, Flows)]) -> Dataset {
    let (ds, base) = (d.ds, d.base);
    let mut bs: BTreeMap<&'static str, Decimal> = balance_lines()
        .filter_map(|id| ds.total(Entity::City, id, base).map(|v| (id, v)))
        .collect();
    // Lines the workbook prints for the city in any year: a projected zero
    // is shown only for those.
    let known: BTreeSet<&str> = ds
        .figures
        .keys()
        .filter(|(e, _, _)| *e == Entity::City)
        .map(|(_, id, _)| *id)
        .collect();
    let mut out = ds.clone();
    out.figures.retain(|(_, _, y), _| *y <= base);
    out.years.retain(|y, _| *y <= base);
    let src = Location::file(format!("projection, scenario '{}'", d.sc.name));
    for (row, f) in years {
        bs.extend(f.rolled.lines());
        let mut lines = flow_lines(f);
        lines.extend(balance_sheet(&bs));
        let background = [
            ("bg.asukasluku", row.population),
            ("bg.tuloveroprosentti", row.tax_rate_pct),
            ("bg.vuokravastuut", f.lease_city.map(|v| v.dec())),
            ("bg.konsernin_vuokravastuut", row.group_leases),
            ("bg.konsernin_lainakanta", row.group_loans),
        ];
        lines.extend(background.iter().filter_map(|(id, v)| v.map(|v| (*id, v))));
        put(d, &mut out, row, &lines, &src, &known);
    }
    out
}

fn flow_lines(f: &Flows) -> Vec<(&'static str, Decimal)> {
    vec![
        ("tl.toimintatuotot", f.ti.dec()),
        ("tl.valmistus_omaan_kayttoon", f.valm.dec()),
        ("tl.toimintakulut", f.kulut.dec()),
        ("tl.toimintakate", f.toimintakate.dec()),
        ("tl.verotulot", f.verot.dec()),
        ("tl.valtionosuudet", f.vos.dec()),
        ("tl.korkotuotot", f.korkotuotot.dec()),
        ("tl.muut_rahoitustuotot", f.muut_rt.dec()),
        ("tl.korkokulut", (-f.interest).dec()),
        ("tl.muut_rahoituskulut", f.muut_rk.dec()),
        ("tl.rahoitustuotot_ja_kulut", f.rtk.dec()),
        ("tl.vuosikate", f.vuosikate.dec()),
        ("tl.poistot_ja_arvonalentumiset", (-f.dep).dec()),
        ("tl.satunnaiset_erat", f.sat.dec()),
        ("tl.tilikauden_tulos", f.tulos.dec()),
        ("tl.tilinpaatossiirrot", f.siirrot.dec()),
        ("tl.tilikauden_ylijaama", f.ylijaama.dec()),
        ("rl.vuosikate", f.vuosikate.dec()),
        ("rl.satunnaiset_erat", f.rl_sat.dec()),
        ("rl.tulorahoituksen_korjauserat", f.korj.dec()),
        ("rl.toiminnan_rahavirta", f.toiminnan.dec()),
        ("rl.investointimenot", (-f.gross).dec()),
        ("rl.rahoitusosuudet", f.subs.dec()),
        ("rl.luovutustulot", f.sales.dec()),
        ("rl.investointien_rahavirta", f.investoinnit.dec()),
        ("rl.toiminnan_ja_investointien_rahavirta", f.t_i.dec()),
        ("rl.antolainauksen_muutokset", f.antol.dec()),
        ("rl.pitkaaikaisten_lainojen_lisays", f.borrow.dec()),
        ("rl.pitkaaikaisten_lainojen_vahennys", (-f.repay).dec()),
        ("rl.lyhytaikaisten_lainojen_muutos", f.lyhyt.dec()),
        ("rl.lainakannan_muutokset", f.lainakannan.dec()),
        ("rl.oman_paaoman_muutokset", f.oma.dec()),
        ("rl.muut_maksuvalmiuden_muutokset", f.muut.dec()),
        ("rl.rahoituksen_rahavirta", f.rahoituksen.dec()),
        ("rl.rahavarojen_muutos", (f.cash - f.cash_prev).dec()),
        ("rl.rahavarat_31_12", f.cash.dec()),
        ("rl.rahavarat_1_1", f.cash_prev.dec()),
    ]
}

/// The balance sheet's subtotals, then its lines.
fn balance_sheet(bs: &BTreeMap<&'static str, Decimal>) -> Vec<(&'static str, Decimal)> {
    let sum = |ids: &[&str]| -> Decimal {
        ids.iter()
            .map(|i| bs.get(i).copied().unwrap_or_default())
            .sum()
    };
    let pa: Vec<&str> = items::children("ta.pitkaaikainen").map(|d| d.id).collect();
    let la: Vec<&str> = items::children("ta.lyhytaikainen").map(|d| d.id).collect();
    let pysyvat = sum(&["ta.aineettomat", "ta.aineelliset", "ta.sijoitukset"]);
    let vaihtuvat = sum(&[
        "ta.vaihto_omaisuus",
        "ta.saamiset",
        "ta.rahoitusarvopaperit",
        "ta.rahat_ja_pankkisaamiset",
    ]);
    let oma_paaoma = sum(&[
        "ta.peruspaaoma",
        "ta.arvonkorotusrahasto",
        "ta.muut_omat_rahastot",
        "ta.edellisten_ylijaama",
        "ta.tilikauden_ylijaama",
    ]);
    let pitka = sum(&pa);
    let lyhyt = sum(&la);
    let mut lines = vec![
        ("ta.pysyvat_vastaavat", pysyvat),
        ("ta.vaihtuvat_vastaavat", vaihtuvat),
        (
            "ta.vastaavaa",
            pysyvat + vaihtuvat + sum(&["ta.toimeksiantojen_varat"]),
        ),
        ("ta.oma_paaoma", oma_paaoma),
        ("ta.pitkaaikainen", pitka),
        ("ta.lyhytaikainen", lyhyt),
        ("ta.vieras_paaoma", pitka + lyhyt),
        (
            "ta.vastattavaa",
            oma_paaoma
                + pitka
                + lyhyt
                + sum(&[
                    "ta.poistoero_ja_varaukset",
                    "ta.pakolliset_varaukset",
                    "ta.toimeksiantojen_paaomat",
                ]),
        ),
    ];
    lines.extend(bs.iter().map(|(id, v)| (*id, *v)));
    lines
}

/// Puts a projected year's lines into the dataset. A given year keeps its
/// own figures (and their cells) wherever the projection agrees with them;
/// a line the scenario changed replaces the figure and drops the detail
/// under it, which no longer adds up to it.
fn put(
    d: &Drivers,
    out: &mut Dataset,
    row: &YearRow,
    lines: &[(&'static str, Decimal)],
    src: &Location,
    known: &BTreeSet<&str>,
) {
    let (ds, t, given) = (d.ds, row.year, row.given);
    out.years.insert(t, row.kind);
    if given {
        for (k, f) in &ds.figures {
            if k.2 == t && (k.0 == Entity::Group || !k.1.starts_with("ta.")) {
                out.figures.insert(*k, f.clone());
            }
        }
    }
    let emitted: BTreeSet<&str> = lines.iter().map(|(id, _)| *id).collect();
    for (id, v) in lines {
        let id: &'static str = id;
        if given && !id.starts_with("ta.") {
            if ds.value(Entity::City, id, t) == Some(*v) {
                continue;
            }
            if ds.value(Entity::City, id, t).is_none() && ds.total(Entity::City, id, t) == Some(*v)
            {
                continue;
            }
            if ds.total(Entity::City, id, t).is_none() && v.is_zero() {
                continue;
            }
            let below: Vec<&'static str> = items::ITEMS
                .iter()
                .filter(|d| !emitted.contains(d.id) && is_below(d.id, id, &emitted))
                .map(|d| d.id)
                .collect();
            for b in below {
                out.figures.remove(&(Entity::City, b, t));
            }
        } else if v.is_zero() && !known.contains(id) {
            continue;
        }
        let def = items::item(id);
        out.figures.insert(
            (Entity::City, def.id, t),
            Figure {
                value: *v,
                source: src.clone(),
                label: def.fi.to_string(),
                quantum: Decimal::ZERO,
            },
        );
    }
}

/// Whether `id` adds up into `ancestor` through subtotals none of which the
/// projection sets itself (those keep their own detail when unchanged).
fn is_below(id: &str, ancestor: &str, emitted: &BTreeSet<&str>) -> bool {
    let mut cur = items::try_item(id).and_then(|d| d.parent);
    while let Some(p) = cur {
        if p == ancestor {
            return true;
        }
        if emitted.contains(p) {
            return false;
        }
        cur = items::try_item(p).and_then(|d| d.parent);
    }
    false
}
