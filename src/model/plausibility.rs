//! Checks that figures are of a size a Finnish municipality can have. The
//! identities cannot see a sheet read in the wrong unit when nothing on it
//! adds into another sheet (a background sheet without a unit line), so
//! figures are held against the population, and the group's against the
//! city's: a sheet 1000× off is an error naming both cells, never a silent
//! assumption.

use rust_decimal::Decimal;

use crate::error::Location;
use crate::model::dataset::{Dataset, Entity};
use crate::model::findings::{self, Finding, GroupCheck, Message};
use crate::model::items::{self, Statement};
use crate::model::ratios::Ctx;
use crate::model::targets::Targets;

const CODE: &str = "plausibility";

/// Residents of the smallest and the largest municipality, widely: Sottunga
/// has about a hundred, Helsinki under 700 000 (Statistics Finland).
pub const POPULATION: (i64, i64) = (50, 1_000_000);

/// Euros per resident that any Finnish municipality or group shows, set an
/// order of magnitude wider than the extremes of the published statements
/// (Statistics Finland kta_004), so a figure outside is a wrong unit or a
/// wrong population, not an unusual municipality. `None`: no bound (a
/// municipality may have no loans at all).
struct PerResident {
    what: &'static str,
    low: Option<i64>,
    high: i64,
}

const OPERATING_COSTS: PerResident = PerResident {
    what: "toimintakulut",
    low: Some(100),
    high: 100_000,
};
const TAX_REVENUE: PerResident = PerResident {
    what: "verotulot",
    low: Some(100),
    high: 50_000,
};
const TOTAL_ASSETS: PerResident = PerResident {
    what: "vastaavaa yhteensä",
    low: Some(100),
    high: 1_000_000,
};
const LOANS: PerResident = PerResident {
    what: "lainakanta",
    low: None,
    high: 200_000,
};
// Every municipality leases something (equipment, cars, premises): a euro
// per resident is far below any published figure.
const LEASES: PerResident = PerResident {
    what: "vuokravastuut",
    low: Some(1),
    high: 50_000,
};

// The cash flow statement adds into no other statement's line but the
// annual margin, so only its size against the population tells a sheet read
// in the wrong unit. Every municipality invests (schools, streets, pipes):
// Statistics Finland's lowest are some hundred euros per resident.
const CAPITAL_EXPENDITURE: PerResident = PerResident {
    what: "investointimenot",
    low: Some(10),
    high: 100_000,
};

/// A ratio between two figures that should be of one size, read as "the
/// units differ by 1000": within a factor of two of a thousand.
fn thousandfold(a: Decimal, b: Decimal) -> bool {
    let (a, b) = (a.abs(), b.abs());
    if a.is_zero() || b.is_zero() {
        return false;
    }
    let (big, small) = if a > b { (a, b) } else { (b, a) };
    big >= small * Decimal::from(500) && big <= small * Decimal::from(2000)
}

/// Every plausibility finding of a dataset read from a file.
pub fn check(ds: &Dataset) -> Vec<Finding> {
    let mut out = Vec::new();
    let targets = Targets::default();
    let ctx = Ctx::new(ds, &targets);
    let years: Vec<i32> = ds.years.keys().copied().collect();
    let mut misses = Vec::new();
    for &y in &years {
        let population = population(ds, y, &mut out);
        for e in [Entity::City, Entity::Group] {
            if let Some((p, pcell)) = &population {
                per_resident(&ctx, e, y, *p, pcell, &mut misses);
            }
            across_statements(ds, e, y, &mut out);
        }
        group_against_city(&ctx, y, &mut out);
    }
    out.extend(by_row(misses));
    out
}

/// A per-resident figure out of bounds, before the years of one row are
/// told as one finding.
struct Miss {
    key: (Entity, &'static str, Option<String>, Option<String>),
    year: i32,
    finding: Finding,
}

/// One finding per row of a sheet: a wrong unit puts every year of it out
/// of bounds, and one message with every cell says so better than ten.
fn by_row(misses: Vec<Miss>) -> Vec<Finding> {
    let mut rows: Vec<(Miss, Vec<i32>)> = Vec::new();
    for m in misses {
        match rows.iter_mut().find(|(first, _)| first.key == m.key) {
            Some((first, years)) => {
                years.push(m.year);
                for c in m.finding.cells {
                    if !first.finding.cells.contains(&c) {
                        first.finding.cells.push(c);
                    }
                }
            }
            None => rows.push((m, Vec::new())),
        }
    }
    rows.into_iter()
        .map(|(mut first, years)| {
            if let Message::PerResident(m) = &mut first.finding.message {
                m.also = years;
            }
            first.finding
        })
        .collect()
}

/// The population of a year, when it is there and plausible.
fn population(ds: &Dataset, y: i32, out: &mut Vec<Finding>) -> Option<(Decimal, Location)> {
    let f = ds.get(Entity::City, "bg.asukasluku", y)?;
    let (low, high) = POPULATION;
    if f.value < Decimal::from(low) || f.value > Decimal::from(high) {
        out.push(Finding::error(
            CODE,
            Message::Population(Box::new(findings::Population {
                at: f.source.clone(),
                year: y,
                value: f.value.normalize(),
                low,
                high,
            })),
            vec![f.source.clone()],
        ));
        return None;
    }
    Some((f.value, f.source.clone()))
}

/// A figure with the cells it was made from, first the one to look at.
type Sourced = (Decimal, Vec<Location>);

fn figure(ctx: &Ctx, e: Entity, id: &str, y: i32) -> Option<Sourced> {
    ctx.take_inputs();
    let v = ctx.line(e, id, y);
    let cells = cells(ctx);
    v.map(|v| (v, cells))
}

fn cells(ctx: &Ctx) -> Vec<Location> {
    ctx.take_inputs().into_iter().map(|i| i.cell).collect()
}

fn loans(ctx: &Ctx, e: Entity, y: i32) -> Option<Sourced> {
    ctx.take_inputs();
    let v = ctx.lainakanta(e, y).ok();
    let mut cells = cells(ctx);
    // The total of liabilities first: the cell whose unit decides the sum.
    if let Some(f) = ctx.ds.get(e, "ta.vieras_paaoma", y) {
        cells.retain(|c| *c != f.source);
        cells.insert(0, f.source.clone());
    }
    v.map(|v| (v, cells))
}

fn per_resident(ctx: &Ctx, e: Entity, y: i32, p: Decimal, pcell: &Location, out: &mut Vec<Miss>) {
    let ds = ctx.ds;
    let mut checks: Vec<(&PerResident, Option<Sourced>)> = vec![
        (&OPERATING_COSTS, figure(ctx, e, "tl.toimintakulut", y)),
        (&TAX_REVENUE, figure(ctx, e, "tl.verotulot", y)),
        (&TOTAL_ASSETS, figure(ctx, e, "ta.vastaavaa", y)),
    ];
    if ds.has_year_data(e, Statement::Tase, y) {
        checks.push((&LOANS, loans(ctx, e, y)));
    }
    checks.push((
        &CAPITAL_EXPENDITURE,
        figure(ctx, e, "rl.investointimenot", y),
    ));
    if e == Entity::City {
        checks.push((&LEASES, figure(ctx, e, "bg.vuokravastuut", y)));
    } else {
        checks.push((
            &LEASES,
            figure(ctx, Entity::City, "bg.konsernin_vuokravastuut", y),
        ));
        checks.push((
            &LOANS,
            figure(ctx, Entity::City, "bg.konsernin_lainakanta", y),
        ));
    }
    for (bound, found) in checks {
        // Nothing is no unit error, and a line may be printed empty.
        let Some((v, mut cells)) = found.filter(|(v, _)| !v.is_zero()) else {
            continue;
        };
        let per = v.abs() / p;
        let low = bound.low.map(Decimal::from);
        let high = Decimal::from(bound.high);
        if per > high || low.is_some_and(|l| per < l) {
            let at = cells
                .first()
                .cloned()
                .unwrap_or_else(|| Location::file(ds.file.clone()));
            let key = (
                e,
                bound.what,
                cells.first().and_then(|c| c.sheet.clone()),
                cells.first().and_then(|c| c.row().map(str::to_string)),
            );
            let message = Message::PerResident(Box::new(findings::PerResident {
                at,
                entity: e,
                year: y,
                what: bound.what,
                value: v,
                per_resident: per,
                population: p.normalize(),
                population_at: pcell.clone(),
                low: bound.low,
                high: bound.high,
                also: Vec::new(),
            }));
            cells.push(pcell.clone());
            let finding = Finding::error(CODE, message, cells);
            out.push(Miss {
                key,
                year: y,
                finding,
            });
        }
    }
}

/// Lines the decree makes equal across two statements: when they differ by
/// a thousandfold, one of the sheets is read in the wrong unit.
fn across_statements(ds: &Dataset, e: Entity, y: i32, out: &mut Vec<Finding>) {
    let bank_and_securities = || -> Option<crate::model::dataset::Figure> {
        let bank = ds.get(e, "ta.rahat_ja_pankkisaamiset", y)?;
        let securities = ds
            .get(e, "ta.rahoitusarvopaperit", y)
            .map_or(Decimal::ZERO, |f| f.value);
        Some(crate::model::dataset::Figure {
            value: bank.value + securities,
            ..bank.clone()
        })
    };
    // Each line beside its figure on the other statement, and that figure's name.
    let pairs = [
        (
            "tl.vuosikate",
            items::item("rl.vuosikate").fi,
            ds.get(e, "rl.vuosikate", y).cloned(),
        ),
        (
            "tl.tilikauden_ylijaama",
            items::item("ta.tilikauden_ylijaama").fi,
            ds.get(e, "ta.tilikauden_ylijaama", y).cloned(),
        ),
        (
            "rl.rahavarat_31_12",
            "Rahoitusarvopaperit + Rahat ja pankkisaamiset",
            bank_and_securities(),
        ),
    ];
    for (a, b_name, fb) in pairs {
        let (Some(fa), Some(fb)) = (ds.get(e, a, y), fb) else {
            continue;
        };
        if fa.source.sheet == fb.source.sheet || !thousandfold(fa.value, fb.value) {
            continue;
        }
        let cells = vec![fa.source.clone(), fb.source.clone()];
        let message = Message::UnitsAcross(Box::new(findings::UnitsAcross {
            entity: e,
            year: y,
            line: a,
            value: fa.value,
            at: fa.source.clone(),
            other: b_name,
            other_value: fb.value,
            other_at: fb.source,
        }));
        out.push(Finding::error(CODE, message, cells));
    }
}

/// The group includes the city: its loans are at least the city's, and its
/// totals are of the city's order of magnitude.
fn group_against_city(ctx: &Ctx, y: i32, out: &mut Vec<Finding>) {
    let ds = ctx.ds;
    let city = loans(ctx, Entity::City, y);
    // The nearest earlier balance sheet of the city, for a plan year's
    // estimate of the group's loans.
    let city_near = || {
        ds.years
            .keys()
            .rev()
            .filter(|yy| **yy <= y)
            .find_map(|yy| loans(ctx, Entity::City, *yy).map(|l| (*yy, l)))
    };
    let group_bs = ds
        .has_year_data(Entity::Group, Statement::Tase, y)
        .then(|| loans(ctx, Entity::Group, y))
        .flatten();
    if let (Some((g, gcells)), Some((c, ccells))) = (&group_bs, &city) {
        // The group's statements are often rounded to thousands: half a
        // thousand per line of slack.
        if *g + Decimal::from(5000) < *c {
            push_pair(
                out,
                y,
                GroupCheck::LoansBelowCity {
                    group: *g,
                    city: *c,
                },
                thousandfold(*g, *c),
                gcells,
                ccells,
            );
        }
    }
    if let Some((est, ecells)) = figure(ctx, Entity::City, "bg.konsernin_lainakanta", y) {
        if let Some((yy, (c, ccells))) = city_near() {
            // Loans move from year to year; half the city's is no estimate
            // of a group that includes the city.
            if est * Decimal::TWO < c {
                push_pair(
                    out,
                    y,
                    GroupCheck::EstimateBelowHalf {
                        estimate: est,
                        city: c,
                        city_year: yy,
                    },
                    thousandfold(est, c),
                    &ecells,
                    &ccells,
                );
            }
        }
        if let Some((g, gcells)) = group_bs.as_ref().filter(|(g, _)| thousandfold(est, *g)) {
            push_pair(
                out,
                y,
                GroupCheck::EstimateThousandfold {
                    estimate: est,
                    group: *g,
                },
                true,
                &ecells,
                gcells,
            );
        }
    }
    // Totals that the group shares with the city or adds to.
    for id in ["tl.toimintakulut", "tl.verotulot", "ta.vastaavaa"] {
        let (Some((g, gcells)), Some((c, ccells))) = (
            figure(ctx, Entity::Group, id, y),
            figure(ctx, Entity::City, id, y),
        ) else {
            continue;
        };
        let (g, c) = (g.abs(), c.abs());
        if g.is_zero() || c.is_zero() {
            continue;
        }
        if g * Decimal::TEN < c || g > c * Decimal::ONE_HUNDRED {
            push_pair(
                out,
                y,
                GroupCheck::TotalOutOfScale {
                    line: id,
                    group: g,
                    city: c,
                },
                thousandfold(g, c),
                &gcells,
                &ccells,
            );
        }
    }
}

fn push_pair(
    out: &mut Vec<Finding>,
    year: i32,
    check: GroupCheck,
    units: bool,
    first: &[Location],
    second: &[Location],
) {
    let message = Message::GroupAgainstCity(Box::new(findings::GroupAgainstCity {
        year,
        check,
        units,
        first: first.first().cloned(),
        second: second.first().cloned(),
    }));
    let mut cells = first.to_vec();
    cells.extend(second.iter().cloned());
    cells.dedup();
    out.push(Finding::error(CODE, message, cells));
}
