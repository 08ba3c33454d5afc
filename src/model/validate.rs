//! The statements' identities (the line structure of VNa 525/2020), checked for every entity and
//! year to the cent, with a tolerance only for the rounding of the printed
//! unit: half a printed step per line summed.

use rust_decimal::Decimal;

use crate::error::Location;
use crate::model::dataset::{Dataset, Entity, Figure};
use crate::model::findings::{Finding, Identity, IdentityMiss, Message, Unequal};
use crate::model::items::{self, ITEMS};

/// A value with the rounding it can carry and the cells it came from.
#[derive(Clone, Debug, Default)]
struct Term {
    value: Decimal,
    quantum: Decimal,
    cells: Vec<Location>,
}

fn term(ds: &Dataset, e: Entity, id: &str, y: i32) -> Option<Term> {
    if let Some(f) = ds.get(e, id, y) {
        return Some(Term {
            value: f.value,
            quantum: f.quantum,
            cells: vec![f.source.clone()],
        });
    }
    let mut acc: Option<Term> = None;
    for c in items::children(id) {
        if let Some(t) = term(ds, e, c.id, y) {
            let a = acc.get_or_insert_with(Term::default);
            a.value += t.value;
            a.quantum += t.quantum;
            a.cells.extend(t.cells);
        }
    }
    acc
}

fn sum(terms: &[Term]) -> Term {
    let mut out = Term::default();
    for t in terms {
        out.value += t.value;
        out.quantum += t.quantum;
        out.cells.extend(t.cells.iter().cloned());
    }
    out
}

fn neg(t: Term) -> Term {
    Term {
        value: -t.value,
        ..t
    }
}

/// Whether `left` = `right` within the rounding, and a finding when not.
fn compare(
    at: &At,
    out: &mut Vec<Finding>,
    what: Identity,
    left: &Term,
    right: &Term,
    warn_only: bool,
) {
    let diff = left.value - right.value;
    // The balance sheet's two printed totals are one exact amount rounded
    // one way, and a published balance sheet balances as printed: a
    // difference of one printed unit is a mistake, not rounding. (The
    // same figure in two statements may differ by a unit: Seinäjoki's
    // group 2024 prints vuosikate 66 909 and 66 908 t€.)
    let both_printed = left.cells.len() == 1 && right.cells.len() == 1;
    let exact = both_printed && matches!(what, Identity::BalanceSheet);
    let tol = if at.exact || exact {
        Decimal::ZERO
    } else {
        (left.quantum + right.quantum) / Decimal::TWO
    };
    if diff.abs() > tol {
        let mut cells = left.cells.clone();
        cells.extend(right.cells.iter().cloned());
        let miss = IdentityMiss {
            entity: at.e,
            year: at.y,
            identity: what.clone(),
            difference: diff,
        };
        let msg = Message::Identity(Box::new(Unequal {
            entity: at.e,
            year: at.y,
            identity: what,
            left: left.value,
            right: right.value,
            tolerance: tol.normalize(),
        }));
        out.push(
            if warn_only {
                Finding::warning("identity", msg, cells)
            } else {
                Finding::error("identity", msg, cells)
            }
            .with_identity(miss),
        );
    }
}

/// Every identity that can be checked with the lines present, and whether
/// the figures are of a size a municipality can have (plausibility).
pub fn validate(ds: &Dataset) -> Vec<Finding> {
    let mut out = check(ds, false);
    out.extend(crate::model::plausibility::check(ds));
    out
}

/// The same identities to the cent, without the tolerance for printed
/// rounding: what a projection must satisfy.
pub fn validate_exact(ds: &Dataset) -> Vec<Finding> {
    check(ds, true)
}

fn check(ds: &Dataset, exact: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    let years: Vec<i32> = ds.years.keys().copied().collect();
    for e in ds.entities() {
        for &y in &years {
            let at = At { ds, e, y, exact };
            subtotals(&at, &mut out);
            cash(&at, &mut out);
            across_statements(&at, &mut out);
            carried_over(&at, &mut out);
        }
    }
    out
}

/// One entity's year under check, and whether to the cent.
struct At<'a> {
    ds: &'a Dataset,
    e: Entity,
    y: i32,
    exact: bool,
}

impl At<'_> {
    fn t(&self, id: &str) -> Option<Term> {
        term(self.ds, self.e, id, self.y)
    }

    fn compare(
        &self,
        out: &mut Vec<Finding>,
        what: Identity,
        left: &Term,
        right: &Term,
        warn: bool,
    ) {
        compare(self, out, what, left, right, warn);
    }
}

/// A figure as printed, without the lines under it.
fn printed(f: &Figure) -> Term {
    Term {
        value: f.value,
        quantum: f.quantum,
        cells: vec![f.source.clone()],
    }
}

/// Each subtotal against the lines under it.
fn subtotals(at: &At, out: &mut Vec<Finding>) {
    let (ds, e, y) = (at.ds, at.e, at.y);
    for def in ITEMS.iter().filter(|d| items::is_subtotal(d.id)) {
        let Some(f) = ds.get(e, def.id, y) else {
            continue;
        };
        let parts: Vec<Term> = items::children(def.id)
            .filter_map(|c| term(ds, e, c.id, y))
            .collect();
        if parts.is_empty() {
            continue;
        }
        let names: Vec<&'static str> = items::children(def.id)
            .filter(|c| term(ds, e, c.id, y).is_some())
            .map(|c| c.id)
            .collect();
        at.compare(
            out,
            Identity::Subtotal {
                line: def.id,
                parts: names,
            },
            &printed(f),
            &sum(&parts),
            false,
        );
    }
}

/// Change in cash against cash at the start and end of the year, and the
/// cash flow statement's cash against the balance sheet's (its change,
/// when the cash flow statement prints no year-end cash).
fn cash(at: &At, out: &mut Vec<Finding>) {
    let (ds, e, y) = (at.ds, at.e, at.y);
    let t = |id: &str| at.t(id);
    if let (Some(m), Some(end), Some(start)) = (
        t("rl.rahavarojen_muutos"),
        t("rl.rahavarat_31_12"),
        t("rl.rahavarat_1_1"),
    ) {
        at.compare(
            out,
            Identity::CashChange,
            &m,
            &sum(&[end, neg(start)]),
            false,
        );
    }
    let bs_cash = |yy: i32| -> Option<Term> {
        let parts: Vec<Term> = ["ta.rahoitusarvopaperit", "ta.rahat_ja_pankkisaamiset"]
            .iter()
            .filter_map(|id| term(ds, e, id, yy))
            .collect();
        (!parts.is_empty()).then(|| sum(&parts))
    };
    if let (Some(end), Some(bs)) = (t("rl.rahavarat_31_12"), bs_cash(y)) {
        at.compare(out, Identity::CashAgainstBalanceSheet, &end, &bs, false);
    } else if let (Some(m), Some(now), Some(before)) =
        (t("rl.rahavarojen_muutos"), bs_cash(y), bs_cash(y - 1))
    {
        at.compare(
            out,
            Identity::CashChangeAgainstBalanceSheet,
            &m,
            &sum(&[now, neg(before)]),
            false,
        );
    }
}

/// The balance sheet's two sides, and the figures two statements both print.
fn across_statements(at: &At, out: &mut Vec<Finding>) {
    let (ds, e, y) = (at.ds, at.e, at.y);
    let t = |id: &str| at.t(id);
    if let (Some(a), Some(b)) = (t("ta.vastaavaa"), t("ta.vastattavaa")) {
        at.compare(out, Identity::BalanceSheet, &a, &b, false);
    }
    if let (Some(a), Some(b)) = (ds.get(e, "tl.vuosikate", y), ds.get(e, "rl.vuosikate", y)) {
        at.compare(
            out,
            Identity::VuosikateAcross,
            &printed(a),
            &printed(b),
            false,
        );
    }
    if let (Some(a), Some(b)) = (t("tl.tilikauden_ylijaama"), t("ta.tilikauden_ylijaama")) {
        at.compare(out, Identity::SurplusAcross, &a, &b, false);
    }
}

/// What carries over from the year before: cash, and the accumulated
/// surplus. Both are warnings outside exact checking; corrections to equity
/// can break the surplus's roll legitimately.
fn carried_over(at: &At, out: &mut Vec<Finding>) {
    let (ds, e, y, exact) = (at.ds, at.e, at.y, at.exact);
    let t = |id: &str| at.t(id);
    if let (Some(start), Some(prev_end)) = (
        t("rl.rahavarat_1_1"),
        term(ds, e, "rl.rahavarat_31_12", y - 1),
    ) {
        at.compare(out, Identity::CashCarriedOver, &start, &prev_end, !exact);
    }
    if let (Some(now), Some(prev_acc), Some(prev_year)) = (
        t("ta.edellisten_ylijaama"),
        term(ds, e, "ta.edellisten_ylijaama", y - 1),
        term(ds, e, "ta.tilikauden_ylijaama", y - 1),
    ) {
        at.compare(
            out,
            Identity::SurplusCarriedOver,
            &now,
            &sum(&[prev_acc, prev_year]),
            !exact,
        );
    }
}
