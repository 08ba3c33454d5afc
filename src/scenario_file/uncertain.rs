//! `[[uncertainty]]` and `[[correlation]]`: the drivers `simulate` and
//! `sensitivity` draw, and how they move together.

use rust_decimal::Decimal;
use toml::Spanned;

use super::doc::{CorrelationDoc, UncertainDoc, V};
use super::read::{Cx, dec};
use super::registry::{Key, driver_keys};
use crate::error::{Error, Location, Result};
use crate::model::scenario::{Path, Scenario};
use crate::model::uncertainty::{Correlation, Dist, Driver, Uncertain};
use crate::text;

/// One `[[uncertainty]]`: a driver, its distribution and persistence; a
/// later entry for the same driver replaces the earlier one.
pub(super) fn uncertainty(
    cx: &Cx,
    sc: &mut Scenario,
    i: usize,
    item: &Spanned<UncertainDoc>,
) -> Result<()> {
    let span = item.span();
    let k = format!("uncertainty[{}]", i + 1);
    let d = item.get_ref();
    let key = d
        .driver
        .as_ref()
        .map(|v| cx.text(v, &format!("{k}.driver")))
        .transpose()?
        .ok_or_else(|| cx.err(span.clone(), &k, missing("driver")))?;
    let driver = Driver::parse(&key).ok_or_else(|| {
        cx.err(span.clone(), &format!("{k}.driver"), {
            let keys = driver_keys().join(", ");
            text!(
                "'{key}' ei ole ajuri, joka voi olla epävarma; käytä jotakin näistä: {keys}",
                "'{key}' är inte en drivare som kan vara osäker; använd en av {keys}",
                "'{key}' is not a driver that can be uncertain; use one of {keys}"
            )
        })
    })?;
    let k = format!("uncertainty '{key}'");
    let num = |v: &Option<V>, name: &str| -> Result<Option<f64>> {
        v.as_ref()
            .map(|v| {
                cx.pct(v, &format!("{k}.{name}"))
                    .map(|x| x.to_string().parse::<f64>().unwrap_or(f64::NAN))
            })
            .transpose()
    };
    let need = |v: &Option<V>, name: &str| -> Result<f64> {
        num(v, name)?.ok_or_else(|| cx.err(span.clone(), &k, missing(name)))
    };
    let dist_name = d
        .distribution
        .as_ref()
        .map(|v| cx.text(v, &format!("{k}.distribution")))
        .transpose()?
        .ok_or_else(|| cx.err(span.clone(), &k, missing("distribution")))?;
    let dist = match dist_name
        .trim()
        .to_lowercase()
        .replace(['-', ' '], "_")
        .as_str()
    {
        "normal" => Dist::Normal {
            mean: need(&d.mean, "mean")?,
            sd: need(&d.sd, "sd")?,
        },
        "lognormal" | "log_normal" => Dist::LogNormal {
            mean: need(&d.mean, "mean")?,
            sd: need(&d.sd, "sd")?,
        },
        "triangular" => Dist::Triangular {
            min: need(&d.min, "min")?,
            mode: need(&d.mode, "mode")?,
            max: need(&d.max, "max")?,
        },
        "pert" => Dist::Pert {
            min: need(&d.min, "min")?,
            mode: need(&d.mode, "mode")?,
            max: need(&d.max, "max")?,
        },
        "uniform" => Dist::Uniform {
            min: need(&d.min, "min")?,
            max: need(&d.max, "max")?,
        },
        "student_t" | "t" | "students_t" => Dist::StudentT {
            location: need(&d.location, "location")?,
            scale: need(&d.scale, "scale")?,
            df: need(&d.df, "df")?,
        },
        other => {
            return Err(cx.err(
                span,
                &format!("{k}.distribution"),
                text!(
                    "'{other}' ei ole normal, lognormal, triangular, pert, uniform eikä student_t",
                    "'{other}' är inte normal, lognormal, triangular, pert, uniform eller student_t",
                    "'{other}' is not normal, lognormal, triangular, pert, uniform or student_t"
                ),
            ));
        }
    };
    dist.check().map_err(|m| cx.err(span.clone(), &k, m))?;
    let persistence = num(&d.persistence, "persistence")?.unwrap_or(0.0);
    if !(0.0..=1.0).contains(&persistence) {
        return Err(cx.err(
            span,
            &format!("{k}.persistence"),
            text!(
                "on oltava väliltä 0–1",
                "måste ligga mellan 0 och 1",
                "must be between 0 and 1"
            ),
        ));
    }
    let entry = Uncertain {
        driver,
        dist,
        persistence,
        at: cx.origin(span, &k),
    };
    let list = &mut sc.uncertainty.items;
    match list.iter().position(|x| x.driver == entry.driver) {
        Some(i) => list[i] = entry,
        None => list.push(entry),
    }
    Ok(())
}

/// One `[[correlation]]` of two uncertain drivers.
pub(super) fn correlation(
    cx: &Cx,
    sc: &mut Scenario,
    i: usize,
    item: &Spanned<CorrelationDoc>,
) -> Result<()> {
    let span = item.span();
    let k = format!("correlation[{}]", i + 1);
    let d = item.get_ref();
    let text = |v: &Option<V>, n: &str| -> Result<String> {
        v.as_ref()
            .map(|v| cx.text(v, &format!("{k}.{n}")))
            .transpose()?
            .ok_or_else(|| cx.err(span.clone(), &k, missing(n)))
    };
    let (a, b) = (text(&d.a, "a")?, text(&d.b, "b")?);
    let rho = match &d.rho {
        Some(v) => cx.bounded_pct(v, &format!("{k}.rho"), dec("-1"), dec("1"))?,
        None => return Err(cx.err(span, &k, missing("rho"))),
    };
    sc.uncertainty.correlations.push(Correlation {
        a,
        b,
        rho: rho.to_string().parse().unwrap_or(0.0),
        at: cx.origin(span, &k),
    });
    Ok(())
}

fn missing(name: &str) -> crate::error::Text {
    text!("'{name}' puuttuu", "'{name}' saknas", "'{name}' is missing")
}

/// The largest cost overrun a draw may reach, in per cent: a project
/// costing a thousand times its estimate. A heavier tail (Student's t with
/// a tiny `df`) would multiply the cost past what a figure can hold.
const OVERRUN_MAX: f64 = 100_000.0;

/// A cost overrun's draws, to the ends where the quantiles are clamped,
/// stay within ±OVERRUN_MAX per cent.
fn overrun_bounded(item: &crate::model::uncertainty::Uncertain) -> Result<()> {
    let ends = [item.dist.quantile(0.0), item.dist.quantile(1.0)];
    if ends.iter().all(|x| x.is_finite() && x.abs() <= OVERRUN_MAX) {
        return Ok(());
    }
    let (key, max) = (&item.at.key, OVERRUN_MAX);
    let end = |x: f64| format!("{x:.3e}");
    let (lo, hi) = (end(ends[0]), end(ends[1]));
    Err(Error::config(
        Location::line(&*item.at.file, item.at.line),
        text!(
            "{key}: jakauman arvonnat ulottuvat {lo} … {hi} %:iin, yli ±{max} %:n ylitysten rajan (hanke, joka maksaa tuhatkertaisesti arvionsa); kavenna jakaumaa tai nosta vapausasteita (df)",
            "{key}: fördelningens dragningar når {lo} … {hi} %, bortom gränsen ±{max} % för överskridanden (ett projekt som kostar tusen gånger sin kalkyl); smalna av fördelningen eller höj frihetsgraderna (df)",
            "{key}: the distribution's draws reach {lo} … {hi} %, beyond the bound of ±{max} % on an overrun (a project costing a thousand times its estimate); narrow the distribution or raise its degrees of freedom (df)"
        ),
    ))
}

/// The most of each list a scenario holds, far past any plan's: 1 500
/// uncertain projects made a simulation of four minutes, 15 000 projects a
/// comparison of a minute.
pub(super) const MAX_PROJECTS: usize = 1000;
const MAX_UNCERTAIN: usize = 100;
const MAX_CORRELATIONS: usize = 1000;

/// Refuses a list longer than its bound, naming its first entry past it.
fn counted(sc: &Scenario) -> Result<()> {
    let lists = [
        (
            "[[investments.project]]",
            sc.investments.projects.get(MAX_PROJECTS).map(|p| &p.at),
            MAX_PROJECTS,
        ),
        (
            "[[uncertainty]]",
            sc.uncertainty.items.get(MAX_UNCERTAIN).map(|i| &i.at),
            MAX_UNCERTAIN,
        ),
        (
            "[[correlation]]",
            sc.uncertainty
                .correlations
                .get(MAX_CORRELATIONS)
                .map(|c| &c.at),
            MAX_CORRELATIONS,
        ),
    ];
    match lists
        .into_iter()
        .find_map(|(name, at, max)| at.map(|at| (name, at, max)))
    {
        Some((name, at, max)) => Err(too_many(at, name, max)),
        None => Ok(()),
    }
}

/// The error for the entry at `at`, past the `max` of list `name`.
pub(super) fn too_many(at: &crate::model::scenario::Origin, name: &str, max: usize) -> Error {
    Error::config(
        Location::line(&*at.file, at.line),
        text!(
            "{name}: enemmän kuin {max}; skenaariossa on enintään {max}",
            "{name}: fler än {max}; ett scenario har högst {max}",
            "{name}: more than {max}; a scenario holds at most {max}"
        ),
    )
}

/// An uncertain driver's deterministic value is its central value; a
/// project whose cost is uncertain must exist; correlations must fit.
pub(super) fn settle_uncertainty(sc: &mut Scenario) -> Result<()> {
    counted(sc)?;
    let u = sc.uncertainty.clone();
    for item in &u.items {
        if let Driver::ProjectCost(_) = &item.driver {
            overrun_bounded(item)?;
        }
        if let Driver::ProjectCost(name) = &item.driver
            && !sc.investments.projects.iter().any(|p| p.name == *name)
        {
            return Err(Error::config(
                Location::line(&*item.at.file, item.at.line),
                {
                    let key = &item.at.key;
                    text!(
                        "{key}: skenaariossa ei ole hanketta '{name}'",
                        "{key}: det finns inget projekt '{name}' i scenariot",
                        "{key}: there is no project '{name}' in the scenario"
                    )
                },
            ));
        }
    }
    if let Err((at, m)) = crate::model::uncertainty::cholesky(&u) {
        let loc = at
            .map(|a| Location::line(&*a.file, a.line))
            .unwrap_or_else(|| Location::file(sc.files.first().cloned().unwrap_or_default()));
        let (fi, sv, en) = (&m.fi, &m.sv, &m.en);
        return Err(Error::config(
            loc,
            text!(
                "correlation: {fi}",
                "correlation: {sv}",
                "correlation: {en}"
            ),
        ));
    }
    let central = |i: &Uncertain| Path::constant(crate::model::uncertainty::dec(i.dist.central()));
    for item in &u.items {
        match &item.driver {
            Driver::InterestShift => {
                if item.dist.central() != 0.0 {
                    return Err(Error::config(
                        Location::line(&*item.at.file, item.at.line),
                        {
                            let (key, c) = (&item.at.key, item.dist.central());
                            text!(
                                "{key}: koron siirtymä arvotaan 0:n ympäriltä (sen keskiarvo on {c}); siirrä itse korkoa avaimella loans.interest_rate_pct tai [[loans.rate_change]]",
                                "{key}: en ränteförskjutning dras kring 0 (dess centrala värde är {c}); flytta själva räntan med loans.interest_rate_pct eller [[loans.rate_change]]",
                                "{key}: an interest shift is drawn around 0 (its central value is {c}); move the rate itself with loans.interest_rate_pct or [[loans.rate_change]]"
                            )
                        },
                    ));
                }
            }
            // The central overrun is in the deterministic cost; a path
            // draws around it.
            Driver::ProjectCost(name) => {
                let f = Decimal::ONE
                    + crate::model::uncertainty::dec(item.dist.central()) / Decimal::ONE_HUNDRED;
                if let Some(p) = sc.investments.projects.iter_mut().find(|p| p.name == *name) {
                    crate::model::uncertainty::scale_project(p, f);
                }
            }
            // Every other driver is a rate setting of the registry.
            d => {
                if let Some(s) = Key::setting(&d.key()) {
                    s.field.set_rate(sc, central(item));
                }
            }
        }
    }
    Ok(())
}
