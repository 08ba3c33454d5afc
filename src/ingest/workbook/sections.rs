//! Which section of a statement the rows are in, to tell apart lines with
//! the same label.

use std::collections::BTreeMap;

use crate::error::{Location, Text};
use crate::ingest::sheet;
use crate::model::items::{self, ItemDef, Statement};
use crate::model::labels;
use crate::report::Lang;
use crate::text;

/// Which section of a statement the rows are in, to tell apart lines with
/// the same label ("Muut saamiset" under Sijoitukset, long- or short-term
/// receivables; the long- and short-term loans).
#[derive(Default)]
pub(super) struct Sections {
    /// The subtotal whose lines follow it (a heading, or a total printed above its lines).
    open: Option<&'static str>,
    last: Option<(&'static ItemDef, Location)>,
    /// Where a label was last read, to name the earlier row of a repeat.
    labels: BTreeMap<String, Location>,
    /// The last row chosen was placed by the decree's order alone.
    pub(super) by_order: bool,
}

/// A repeated label that neither a heading nor the decree's order places.
pub(super) struct Unplaced {
    pub(super) message: Text,
    pub(super) cells: Vec<Location>,
}

impl Sections {
    pub(super) fn visit(&mut self, def: &'static ItemDef, norm: String, cell: Location) {
        if items::is_subtotal(def.id) {
            // A total printed after its own lines closes its section; one
            // printed above them opens it.
            let closing = self
                .last
                .as_ref()
                .is_some_and(|(l, _)| items::is_under(def.id, l));
            self.open = if closing { None } else { Some(def.id) };
        } else if let Some(o) = self.open
            && !items::is_under(o, def)
        {
            self.open = None;
        }
        self.last = Some((def, cell.clone()));
        self.labels.insert(norm, cell);
    }

    /// The line a row is: the one under the open section above it; else the
    /// one whose total is printed below its lines; else, with no heading to
    /// tell, the first the decree's order puts after the line read above it
    /// (long-term before short-term). A label the order cannot place (a third
    /// repeat, or rows out of the decree's order) is not guessed.
    pub(super) fn choose(
        &mut self,
        cands: &'static [&'static ItemDef],
        below: &[sheet::Row],
        statement: Statement,
        norm: &str,
        cell: &Location,
    ) -> std::result::Result<Option<&'static ItemDef>, Unplaced> {
        self.by_order = false;
        if cands.len() <= 1 {
            return Ok(cands.first().copied());
        }
        let mut pool: Vec<&'static ItemDef> = cands.to_vec();
        if let Some(o) = self.open {
            let direct: Vec<_> = pool
                .iter()
                .copied()
                .filter(|d| d.parent == Some(o))
                .collect();
            let under: Vec<_> = if direct.is_empty() {
                pool.iter()
                    .copied()
                    .filter(|d| items::is_under(o, d))
                    .collect()
            } else {
                direct
            };
            match under.len() {
                0 => {}
                1 => return Ok(Some(under[0])),
                _ => pool = under,
            }
        }
        for row in below.iter().take(40) {
            let next = labels::resolve(statement, &row.label).0;
            if let Some(d) = pool
                .iter()
                .find(|d| next.iter().any(|n| d.parent == Some(n.id)))
                && !pool
                    .iter()
                    .all(|c| next.iter().any(|n| c.parent == Some(n.id)))
            {
                return Ok(Some(d));
            }
            if next
                .iter()
                .any(|n| items::is_subtotal(n.id) && !pool.iter().any(|c| items::is_under(n.id, c)))
            {
                break;
            }
        }
        let after = self
            .last
            .as_ref()
            .map_or(0, |(l, _)| items::order(l.id).saturating_add(1));
        self.by_order = true;
        if let Some(d) = pool.iter().find(|d| items::order(d.id) >= after) {
            return Ok(Some(d));
        }
        let Some((last, last_cell)) = self.last.as_ref() else {
            return Ok(pool.first().copied());
        };
        Err(self.unplaced(&pool, (last, last_cell), norm, cell))
    }

    /// Why a repeated label is not placed: the places the decree has for it,
    /// none of them after the line read above it; the row is named with the
    /// earlier row of the same label, or else with that line.
    fn unplaced(
        &self,
        pool: &[&'static ItemDef],
        (last, last_cell): (&'static ItemDef, &Location),
        norm: &str,
        cell: &Location,
    ) -> Unplaced {
        let places = |lang: Lang| -> String {
            let each: Vec<String> = (pool.iter())
                .map(|d| match d.parent {
                    Some(p) => {
                        let p = items::item(p).fi;
                        crate::tr!(lang, "rivin {p} alla", "under {p}", "under {p}")
                    }
                    None => d.fi.to_string(),
                })
                .collect();
            each.join(lang.tr(" ja ", " och ", " and "))
        };
        let (fi, sv, en) = (places(Lang::Fi), places(Lang::Sv), places(Lang::En));
        let last_fi = last.fi;
        let (message, other) = match self.labels.get(norm) {
            Some(prev) => {
                let at = prev.cell.as_deref().unwrap_or("?");
                let message = text!(
                    "tämä rivi toistaa nimikkeen, joka on jo luettu solussa {at}; asetuksessa rivi on {fi}, eikä mikään niistä tule yllä luetun rivin \"{last_fi}\" jälkeen; otsikkorivi kertoisi, mikä se on",
                    "den här raden upprepar en rubrik som redan lästs i {at}; förordningen har raden {sv}, och ingen av dem kommer efter \"{last_fi}\" som lästs ovanför; en rubrikrad skulle säga vilken den är",
                    "this row repeats a label already read at {at}; the decree has the line {en}, and none of them comes after \"{last_fi}\" read above it; a heading row would tell which it is"
                );
                (message, prev.clone())
            }
            None => {
                let at = last_cell.cell.as_deref().unwrap_or("?");
                let message = text!(
                    "asetuksessa tämä rivi on {fi}, kukin ennen solussa {at} yllä luettua riviä \"{last_fi}\"; ilman otsikkoriviä järjestys ei kerro, mikä se on",
                    "förordningen har den här raden {sv}, var och en före \"{last_fi}\" som lästs ovanför i {at}; utan en rubrikrad kan ordningen inte säga vilken den är",
                    "the decree has this line {en}, each before \"{last_fi}\" read above it at {at}; with no heading row the order cannot tell which it is"
                );
                (message, last_cell.clone())
            }
        };
        Unplaced {
            message,
            cells: vec![cell.clone(), other],
        }
    }
}
