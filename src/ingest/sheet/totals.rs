//! Block totals in a year's second column are checked, never added: a total
//! on an item's row must be the sum of the items since the previous total
//! (or the row's own figure); a total on a row with no item figure is that
//! line's figure. A checked total whose block opens with a heading row
//! without figures is that heading's figure, as the heading names the block.

use rust_decimal::Decimal;

use super::header::col_name;
use super::{Block, Pending, YearColumn};
use crate::error::{Location, Text};
use crate::ingest::number::Num;
use crate::model::findings::{Finding, Message};
use crate::model::items;
use crate::model::labels;
use crate::report::Lang;
use crate::text;

#[derive(Default)]
struct TotalsSeen {
    agreed: usize,
    own: usize,
    headings: Vec<String>,
    first: Option<Location>,
}

/// What every total of a sheet is checked against: the rows, which of them
/// are bare headings and which carry an item figure.
struct Rows<'a> {
    pending: &'a mut [Pending],
    label_only: Vec<bool>,
    item_row: Vec<bool>,
}

pub(super) fn check_totals(
    pending: &mut [Pending],
    blocks: &[Block],
    findings: &mut Vec<Finding>,
    at: &dyn Fn(u32, u32) -> Location,
) {
    let mut seen = TotalsSeen::default();
    let label_only: Vec<bool> = pending
        .iter()
        .map(|p| p.has_label && p.row.values.is_empty() && p.totals.is_empty())
        .collect();
    let item_row: Vec<bool> = pending.iter().map(|p| !p.row.values.is_empty()).collect();
    let mut rows = Rows {
        pending,
        label_only,
        item_row,
    };
    for (b, block) in blocks.iter().enumerate() {
        let idx: Vec<usize> = (0..rows.pending.len())
            .filter(|i| rows.pending[*i].row.block == b)
            .collect();
        for yc in &block.years {
            let Some(tcol) = yc.total_col else { continue };
            let mut seg = 0;
            for k in 0..idx.len() {
                let i = idx[k];
                let Some(&(_, total, _)) = rows.pending[i].totals.iter().find(|t| t.0 == yc.year)
                else {
                    continue;
                };
                let segment = &idx[seg..=k];
                seg = k + 1;
                let total = Total {
                    yc,
                    tcol,
                    row: i,
                    value: total,
                };
                check_total(&mut rows, &total, segment, &mut seen, findings, at);
            }
        }
    }
    notice(blocks, &seen, findings, at);
}

/// One total: where it was printed and what it says.
struct Total<'a> {
    yc: &'a YearColumn,
    tcol: u32,
    /// Its row, an index into the pending rows.
    row: usize,
    value: Num,
}

/// One total against the items since the previous total (`segment`).
fn check_total(
    rows: &mut Rows,
    t: &Total,
    segment: &[usize],
    seen: &mut TotalsSeen,
    findings: &mut Vec<Finding>,
    at: &dyn Fn(u32, u32) -> Location,
) {
    let (yc, tcol, i, total) = (t.yc, t.tcol, t.row, t.value);
    let pending = &mut *rows.pending;
    let item = pending[i]
        .row
        .values
        .iter()
        .find(|v| v.0 == yc.year)
        .map(|v| v.1);
    // A total alone on a line's row is that line's figure.
    if item.is_none() && pending[i].has_label && !rows.item_row[i] {
        pending[i].row.values.push((yc.year, total, tcol));
        seen.own += 1;
        return;
    }
    let items: Vec<(usize, Num)> = segment
        .iter()
        .filter_map(|j| {
            pending[*j]
                .row
                .values
                .iter()
                .find(|v| v.0 == yc.year && v.2 == yc.col)
                .map(|v| (*j, v.1))
        })
        .collect();
    seen.first
        .get_or_insert_with(|| at(pending[i].row.row, tcol));
    // The block a total closes opens at the innermost heading above
    // a run of items that adds up to it.
    let heading_before = |j: usize| {
        j.checked_sub(1).filter(|h| {
            *h >= segment[0]
                && rows.label_only[*h]
                && !labels::statements_of(&pending[*h].row.label).is_empty()
        })
    };
    let mut matched = false;
    let mut heading = None;
    for s in (0..items.len()).rev() {
        if agrees(&total, &items[s..]) {
            matched = true;
            if let Some(h) = heading_before(items[s].0)
                && heads(pending, h, &items[s..])
            {
                heading = Some(h);
                break;
            }
        }
    }
    if matched {
        seen.agreed += 1;
        if let Some(h) = heading {
            read_as_heading(pending, h, t, seen);
        }
    } else if items.len() == 2 && {
        // A change printed under its two ends (rahavarat
        // 31.12. less rahavarat 1.1.).
        let mut negated = items.clone();
        for (_, n) in negated.iter_mut().skip(1) {
            n.value = -n.value;
        }
        agrees(&total, &negated)
    } {
        seen.agreed += 1;
        if let Some(h) = heading_before(items[0].0) {
            read_as_heading(pending, h, t, seen);
        }
    } else {
        findings.push(mismatch(pending, t, item, &items, at));
    }
}

/// Whether the items add up to the total, within half a unit of the last
/// printed digit of each figure: rounded items need not add up exactly.
fn agrees(total: &Num, parts: &[(usize, Num)]) -> bool {
    let quantum = |n: &Num| Decimal::new(1, n.decimals.min(20));
    if parts.is_empty() {
        return false;
    }
    let mut sum = Decimal::ZERO;
    let mut tol = quantum(total);
    for (_, n) in parts {
        match sum.checked_add(n.value) {
            Some(s) => sum = s,
            None => return false,
        }
        tol += quantum(n);
    }
    sum.checked_sub(total.value)
        .and_then(|d| d.abs().checked_mul(Decimal::TWO))
        .is_some_and(|d| d <= tol)
}

/// A heading names the block only when every item of it is a
/// line under the heading's line in the decree: a heading of
/// the block's first part ("Henkilöstökulut") is not the
/// block's ("Toimintakulut").
fn heads(pending: &[Pending], h: usize, parts: &[(usize, Num)]) -> bool {
    let heading = &pending[h].row.label;
    labels::statements_of(heading).iter().any(|st| {
        labels::candidates(*st, heading).iter().any(|hd| {
            parts.iter().all(|(j, _)| {
                labels::candidates(*st, &pending[*j].row.label)
                    .iter()
                    .any(|d| items::is_under(hd.id, d))
            })
        })
    })
}

/// The total read as the figure of heading `h`, remembering the row it was
/// printed on, since that is not the heading's own.
fn read_as_heading(pending: &mut [Pending], h: usize, t: &Total, seen: &mut TotalsSeen) {
    pending[h].row.values.push((t.yc.year, t.value, t.tcol));
    let printed = pending[t.row].row.row;
    pending[h].row.figure_rows.push((t.yc.year, printed));
    if !seen.headings.contains(&pending[h].row.label) {
        seen.headings.push(pending[h].row.label.clone());
    }
}

/// A total that neither its items nor its row's own figure explain, with
/// both cells named.
fn mismatch(
    pending: &[Pending],
    t: &Total,
    item: Option<Num>,
    items: &[(usize, Num)],
    at: &dyn Fn(u32, u32) -> Location,
) -> Finding {
    let (yc, i) = (t.yc, t.row);
    let sum: Decimal = items.iter().fold(Decimal::ZERO, |s, (_, n)| {
        s.checked_add(n.value).unwrap_or(s)
    });
    let item_cell = match item {
        Some(_) => at(pending[i].row.row, yc.col),
        None => items
            .first()
            .map(|(j, _)| at(pending[*j].row.row, yc.col))
            .unwrap_or_else(|| at(pending[i].row.row, yc.col)),
    };
    Finding::error(
        "block_total_mismatch",
        Message::text({
            let (total, kind, year, n) = (t.value.value, yc.kind, yc.year, items.len());
            let own = item.map(|n| format!(" ({})", n.value)).unwrap_or_default();
            text!(
                "ryhmän summa {total} ({kind} {year}) ei ole sen yläpuolisten {n} erän summa edellisestä summasta lähtien ({sum}) eikä rivin oma luku{own}; sarakkeita ei lasketa yhteen",
                "blocksumman {total} ({kind} {year}) är varken summan av de {n} posterna ovanför den sedan föregående summa ({sum}) eller radens egen siffra{own}; kolumnerna adderas inte",
                "the block total {total} ({kind} {year}) is neither the sum of the {n} item figures above it since the previous total ({sum}) nor the row's own figure{own}; the two columns are not added"
            )
        }),
        vec![at(pending[i].row.row, t.tcol), item_cell],
    )
}

/// The notice's words: the columns read as pairs, and how their totals
/// were read.
fn pairs_read(paired: &[(&YearColumn, String, String)], seen: &TotalsSeen, lang: Lang) -> String {
    let pairs: Vec<String> = (paired.iter())
        .map(|(y, items, totals)| {
            let (kind, year) = (y.kind, y.year);
            crate::tr!(
                lang,
                "{kind} {year}: erät sarakkeessa {items}, summat sarakkeessa {totals}",
                "{kind} {year}: poster i {items}, summor i {totals}",
                "{kind} {year}: items in {items}, totals in {totals}"
            )
        })
        .collect();
    let (pairs, agreed, own) = (pairs.join("; "), seen.agreed, seen.own);
    let mut msg = crate::tr!(
        lang,
        "kaksi saraketta vuodessa ({pairs}); erien sarake luetaan ja ryhmien summat tarkistetaan sitä vasten: {agreed} täsmää eriinsä",
        "två kolumner per år ({pairs}); postkolumnen läses och blocksummorna kontrolleras mot den: {agreed} stämmer med sina poster",
        "two columns a year ({pairs}); the item column is read and block totals are checked against it: {agreed} agree with their items"
    );
    if own > 0 {
        msg.push_str(&crate::tr!(
            lang,
            ", {own} on yksin rivinsä rivillä ja luetaan sen lukuna",
            ", {own} står ensamma på sin rads rad och läses som dess siffra",
            ", {own} stand alone on their line's row and are read as its figure"
        ));
    }
    if !seen.headings.is_empty() {
        let headings: Vec<String> = seen.headings.iter().map(|h| format!("\"{h}\"")).collect();
        let headings = headings.join(", ");
        msg.push_str(&crate::tr!(
            lang,
            "; summat luettu ryhmänsä aloittavan otsikon lukuna: {headings}",
            "; summor lästa som siffran för rubriken som inleder deras block: {headings}",
            "; totals read as the figure of the heading that opens their block: {headings}"
        ));
    }
    msg
}

/// One notice for the sheet: which columns were read as pairs and what
/// their totals turned out to be.
fn notice(
    blocks: &[Block],
    seen: &TotalsSeen,
    findings: &mut Vec<Finding>,
    at: &dyn Fn(u32, u32) -> Location,
) {
    let paired: Vec<_> = (blocks.iter().flat_map(|b| b.years.iter()))
        .filter_map(|y| y.total_col.map(|t| (y, col_name(y.col), col_name(t))))
        .collect();
    if !paired.is_empty() {
        let msg = Text::each(|lang| pairs_read(&paired, seen, lang));
        let loc = seen
            .first
            .clone()
            .unwrap_or_else(|| at(blocks[0].header_row, 0));
        findings.push(Finding::notice(
            "total_column",
            Message::text(msg),
            vec![loc],
        ));
    }
}
