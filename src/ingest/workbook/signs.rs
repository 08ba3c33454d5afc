//! Signs: whether a statement carries its costs as positive figures, and
//! figures whose sign is not the published one.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::statement::Figures;
use crate::error::Location;
use crate::model::dataset::Dataset;
use crate::model::findings::{Finding, Message};
use crate::model::items::{self, Sign, Statement};
use crate::text;

/// Decides whether costs are carried as positive figures, from the
/// statement's own subtotals where it has them, and says what it found.
pub(super) fn sign_convention(
    ds: &mut Dataset,
    file: &str,
    sheet: &str,
    statement: Statement,
    read: &Figures,
) -> bool {
    let (neg, pos) = by_subtotal(statement, read);
    let (what, what_sv) = identity_checked(statement);
    let loc = vec![Location::sheet(file, sheet)];
    // Finnish and English notes name the statement as the workbook does,
    // Swedish ones by the decree's Swedish name.
    let name = statement.fi();
    let name_sv = statement.sv();
    if !neg.is_empty() || !pos.is_empty() {
        let positive = pos.len() > neg.len();
        if !neg.is_empty() && !pos.is_empty() {
            ds.findings.push(Finding::warning(
                "sign_convention",
                Message::text(match positive {
                    true => text!(
                        "{name}: kulut näyttävät negatiivisilta vuosina {neg:?} mutta positiivisilta vuosina {pos:?}; luettu positiivisina",
                        "{name_sv}: kostnaderna ser negativa ut {neg:?} men positiva {pos:?}; lästa som positiva",
                        "{name}: costs look negative in {neg:?} but positive in {pos:?}; read as positive"
                    ),
                    false => text!(
                        "{name}: kulut näyttävät negatiivisilta vuosina {neg:?} mutta positiivisilta vuosina {pos:?}; luettu negatiivisina",
                        "{name_sv}: kostnaderna ser negativa ut {neg:?} men positiva {pos:?}; lästa som negativa",
                        "{name}: costs look negative in {neg:?} but positive in {pos:?}; read as negative"
                    ),
                }),
                loc,
            ));
        } else {
            let y = if positive { pos[0] } else { neg[0] };
            ds.findings.push(Finding::notice(
                "sign_convention",
                Message::text(match positive {
                    true => text!(
                        "{name}: kulut ja maksut on esitetty positiivisina lukuina (tarkistettu: {what}, kulut vähennettyinä, täsmää vuonna {y}); luettu negatiivisina, kuten ne julkaistaan",
                        "{name_sv}: kostnader och utflöden redovisas som positiva siffror (kontrollerat: {what_sv}, med kostnaderna avdragna, stämmer år {y}); lästa som negativa, så som de publiceras",
                        "{name}: costs and outflows are carried as positive figures (checked: {what}, with costs subtracted, holds in {y}); read as negative, as published"
                    ),
                    false => text!(
                        "{name}: kulut ja maksut on esitetty negatiivisina lukuina, kuten ne julkaistaan (tarkistettu: {what} täsmää vuonna {y})",
                        "{name_sv}: kostnader och utflöden redovisas som negativa siffror, så som de publiceras (kontrollerat: {what_sv} stämmer år {y})",
                        "{name}: costs and outflows are carried as negative figures, as published (checked: {what} holds in {y})"
                    ),
                }),
                loc,
            ));
        }
        return positive;
    }
    by_own_signs(ds, (name, name_sv), read, loc)
}

/// The identity the sign convention is checked by, as the notice names it
/// (Finnish, which English notes keep, and Swedish).
fn identity_checked(statement: Statement) -> (&'static str, &'static str) {
    match statement {
        Statement::Tuloslaskelma => (
            "toimintakate = toimintatuotot + toimintakulut",
            "verksamhetsbidrag = verksamhetens intäkter + verksamhetens kostnader",
        ),
        _ => (
            "investointien rahavirta = investointimenot + rahoitusosuudet + luovutustulot",
            "investeringarnas kassaflöde = investeringsutgifter + finansieringsandelar + försäljningsinkomster",
        ),
    }
}

/// The years in which the statement's subtotal holds with costs negative,
/// and those in which it holds with them positive. A year where both or
/// neither hold says nothing.
fn by_subtotal(statement: Statement, read: &Figures) -> (Vec<i32>, Vec<i32>) {
    let get = |id: &str, y: i32| {
        read.get(&(items::item(id).id, y))
            .map(|r| (r.value, r.quantum))
    };
    // A subtotal not printed is the sum of its printed lines.
    let total = |id: &str, y: i32| -> Option<(Decimal, Decimal)> {
        if let Some(v) = get(id, y) {
            return Some(v);
        }
        let mut any = None;
        for c in items::children(id) {
            if let Some((v, q)) = get(c.id, y) {
                let (s, qs) = any.unwrap_or((Decimal::ZERO, Decimal::ZERO));
                any = Some((s + v, qs + q));
            }
        }
        any
    };
    let (total_id, plus_ids, minus_id) = match statement {
        Statement::Tuloslaskelma => (
            "tl.toimintakate",
            &[
                "tl.toimintatuotot",
                "tl.valmistus_omaan_kayttoon",
                "tl.osuus_osakkuusyhteisoista",
            ][..],
            "tl.toimintakulut",
        ),
        _ => (
            "rl.investointien_rahavirta",
            &["rl.rahoitusosuudet", "rl.luovutustulot"][..],
            "rl.investointimenot",
        ),
    };
    let years: BTreeSet<i32> = read.keys().map(|(_, y)| *y).collect();
    let (mut neg, mut pos) = (Vec::new(), Vec::new());
    for y in &years {
        let (Some((k, qk)), Some((c, qc))) = (get(total_id, *y), total(minus_id, *y)) else {
            continue;
        };
        if c.is_zero() {
            continue;
        }
        let mut plus = Decimal::ZERO;
        let mut tol = qk + qc;
        for id in plus_ids {
            if let Some((v, q)) = total(id, *y) {
                plus += v;
                tol += q;
            }
        }
        let tol = tol / Decimal::TWO;
        let neg_ok = (k - (plus + c)).abs() <= tol;
        let pos_ok = (k - (plus - c)).abs() <= tol;
        if neg_ok && !pos_ok {
            neg.push(*y);
        } else if pos_ok && !neg_ok {
            pos.push(*y);
        }
    }
    (neg, pos)
}

/// No subtotal to decide by: the costs' own signs, the more common one.
fn by_own_signs(
    ds: &mut Dataset,
    (name, name_sv): (&str, &str),
    read: &Figures,
    loc: Vec<Location>,
) -> bool {
    let (mut p, mut n) = (0, 0);
    for ((id, _), r) in read {
        if items::item(id).sign == Sign::Minus {
            if r.value > Decimal::ZERO {
                p += 1;
            } else if r.value < Decimal::ZERO {
                n += 1;
            }
        }
    }
    if p + n == 0 {
        return false;
    }
    let positive = p > n;
    ds.findings.push(Finding::notice(
        "sign_convention",
        Message::text(match positive {
            true => text!(
                "{name}: ei välisummaa, jota vasten etumerkit voisi tarkistaa; kulut ovat enimmäkseen positiivisia, luettu positiivisina lukuina ja käännetty negatiivisiksi, kuten ne julkaistaan",
                "{name_sv}: ingen delsumma att kontrollera teckenkonventionen mot; kostnaderna är mestadels positiva, lästa som positiva siffror och vända till negativa, så som de publiceras",
                "{name}: no subtotal to check the sign convention against; costs are mostly positive, read as positive figures and turned negative, as published"
            ),
            false => text!(
                "{name}: ei välisummaa, jota vasten etumerkit voisi tarkistaa; kulut ovat enimmäkseen negatiivisia, luettu julkaistuina (negatiivisina)",
                "{name_sv}: ingen delsumma att kontrollera teckenkonventionen mot; kostnaderna är mestadels negativa, lästa som publicerade (negativa)",
                "{name}: no subtotal to check the sign convention against; costs are mostly negative, read as published (negative)"
            ),
        }),
        loc,
    ));
    positive
}

/// A figure whose sign is the opposite of how the line is published is kept
/// as printed, with a warning: the reader should know it was not "fixed".
pub(super) fn check_signs(ds: &mut Dataset) {
    let mut out = Vec::new();
    for ((entity, id, year), fig) in &ds.figures {
        let def = items::item(id);
        let wrong = match def.sign {
            Sign::Plus => fig.value < Decimal::ZERO,
            Sign::Minus => fig.value > Decimal::ZERO,
            Sign::Either => false,
        };
        if wrong && !def.statement.eq(&Statement::Tase) {
            out.push(Finding::warning(
                "unexpected_sign",
                Message::text({
                    let (e, line, v) = (entity.fi(), def.fi, fig.value);
                    match def.sign == Sign::Plus {
                        true => text!(
                            "{e} {year}: \"{line}\" on {v}, vaikka se julkaistaan positiivisena; luettu sellaisenaan",
                            "{e} {year}: \"{line}\" är {v} där den publiceras positiv; läst som tryckt",
                            "{e} {year}: \"{line}\" is {v} where it is published positive; read as printed"
                        ),
                        false => text!(
                            "{e} {year}: \"{line}\" on {v}, vaikka se julkaistaan negatiivisena; luettu sellaisenaan",
                            "{e} {year}: \"{line}\" är {v} där den publiceras negativ; läst som tryckt",
                            "{e} {year}: \"{line}\" is {v} where it is published negative; read as printed"
                        ),
                    }
                }),
                vec![fig.source.clone()],
            ));
        }
    }
    ds.findings.extend(out);
}
