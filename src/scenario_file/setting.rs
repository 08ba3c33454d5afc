//! The plain settings of one file, read through the registry: each key's
//! value is checked against its type and bounds, and every mistake names
//! the file, the line and the key.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::doc::{Doc, V};
use super::read::Cx;
use super::registry::{Field, KEYS};
use crate::error::Result;
use crate::model::scenario::Scenario;
use crate::text;

/// The plain settings the file writes in one table (`""`: outside any), in
/// the registry's order.
pub(super) fn read(cx: &Cx, doc: &Doc, sc: &mut Scenario, table: &str) -> Result<()> {
    for k in KEYS {
        let in_table = k.key.split_once('.').map_or("", |(t, _)| t);
        if in_table == table
            && let Some(s) = &k.setting
            && let Some(v) = (s.doc)(doc)
        {
            one(cx, k.key, &s.field, v, sc)?;
        }
    }
    Ok(())
}

fn one(cx: &Cx, key: &str, field: &Field, v: &V, sc: &mut Scenario) -> Result<()> {
    match field {
        Field::Text { at, .. } => *at(sc) = cx.text(v, key)?,
        Field::Year(at) => *at(sc) = Some(cx.year(v, key)?),
        Field::Rate { at, range } => {
            let p = cx.path(v, key, false)?;
            cx.check_path(&p, v, key, range.0, range.1)?;
            *at(sc) = p;
        }
        Field::OptRate { at, range } => {
            let p = cx.path(v, key, false)?;
            cx.check_path(&p, v, key, range.0, range.1)?;
            *at(sc) = Some(p);
        }
        Field::MoneyPath { at, range } => {
            let p = cx.path(v, key, true)?;
            cx.check_path(&p, v, key, range.0, range.1)?;
            *at(sc) = Some(p);
        }
        Field::Share { at, range } => *at(sc) = cx.bounded_pct(v, key, range.0, range.1)?,
        Field::OptShare { at, range } => *at(sc) = Some(cx.bounded_pct(v, key, range.0, range.1)?),
        Field::Bool(at) => *at(sc) = cx.bool(v, key)?,
        Field::Count { at, max } => *at(sc) = Some(cx.int(v, key, 0..max + 1)?),
        Field::Maturity(at) => {
            let m = cx.pct(v, key)?;
            if m <= Decimal::ZERO || m > dec!(100) {
                return Err(cx.err(
                    v.span(),
                    key,
                    text!(
                        "odotettiin vuosia, enemmän kuin 0 ja enintään 100",
                        "förväntade år, över 0 och högst 100",
                        "expected years from above 0 to 100"
                    ),
                ));
            }
            *at(sc) = Some(m);
        }
        Field::Money(at) => {
            let m = cx.money(v, key)?;
            if m < Decimal::ZERO {
                return Err(cx.err(v.span(), key, super::read::not_negative()));
            }
            *at(sc) = Some(m);
        }
    }
    Ok(())
}
