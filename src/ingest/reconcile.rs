//! Rows that are none of the decree's lines, judged by the statement's own
//! arithmetic instead of by their wording.
//!
//! Published statements carry rows the decree does not have: an intermediate
//! subtotal ("Verotulot ja valtionosuudet"), a specification inside a line
//! ("Rahamarkkinainstrumentteihin" under Rahoitusarvopaperit), an annotation
//! repeating a figure. Such a row is read past, with a notice, only when the
//! printed totals around it hold without it, are tight enough to have
//! noticed it if it were a line of its own, and its figures are the sum of
//! the rows beside it or a part of the line above it. Whether the totals hold
//! is asked of the statements' validation itself, with the neighbouring line
//! moved by the row's amount: if that breaks a total, the total pins the
//! line; if it mends one, the row is a line the statement needs. Anything
//! else stays an error: a row is never guessed into a line, nor dropped
//! where the arithmetic cannot vouch for it.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::error::{Location, Text};
use crate::ingest::number;
use crate::ingest::sheet::Row;
use crate::model::dataset::{Dataset, Entity};
use crate::model::findings::{Finding, Message};
use crate::model::items::{self, Sign, Statement};
use crate::model::labels::{self, KeyRatio};
use crate::model::validate::validate;
use crate::text;

/// The rows of one statement sheet in printed order, kept only for a sheet
/// with a row that is not a line.
pub struct SheetRows {
    pub entity: Entity,
    pub statement: Statement,
    /// Costs printed positive and turned negative when read: the known
    /// lines' figures are turned back to compare with the row as printed.
    pub costs_positive: bool,
    pub rows: Vec<TraceRow>,
}

pub enum TraceRow {
    /// A row read as this line.
    Line(&'static str),
    /// A row with figures that is none of the statement's lines.
    Unknown(Unknown),
    /// A row read as nothing for another reason (already reported).
    Other,
}

pub struct Unknown {
    pub label: String,
    /// Where the label is.
    pub cell: Location,
    /// Said after the label when the row is a line of another statement.
    pub hint: Text,
    /// (year, value in euros as printed, the printed step, the cell).
    pub values: Vec<(i32, Decimal, Decimal, Location)>,
}

/// An identity that does not hold, as validation names it.
type Miss = (Entity, i32, Text, Decimal);

fn misses(ds: &Dataset) -> BTreeSet<Miss> {
    validate(ds)
        .into_iter()
        .filter(|f| f.is_error())
        .filter_map(|f| f.identity)
        .map(|m| {
            let what = Text::each(|lang| crate::report::finding::identity(&m.identity, lang));
            (m.entity, m.year, what, m.difference)
        })
        .collect()
}

/// What moving one line's figure does to the identities.
#[derive(Clone)]
enum Moved {
    /// Nothing checks the line.
    Unchecked,
    /// A total that held breaks: the line is pinned by it.
    Pinned,
    /// Totals that did not hold are mended, and nothing breaks.
    Mends(Vec<Miss>),
    /// Totals that did not hold change.
    Broken(Vec<Miss>),
}

/// The validation's answers so far. A line's answer to the large move does
/// not depend on the row beside it, so it is asked once; the number of
/// validations is bounded so that a hostile file cannot make reading slow.
struct Judge {
    base: BTreeSet<Miss>,
    probed: BTreeMap<(Entity, &'static str, i32), Moved>,
    budget: usize,
}

/// Validations one workbook may spend on its rows that are not lines.
const BUDGET: usize = 1500;

impl Judge {
    /// `None` once the budget is spent.
    fn probe(&mut self, ds: &mut Dataset, key: (Entity, &'static str, i32)) -> Option<Moved> {
        if let Some(m) = self.probed.get(&key) {
            return Some(m.clone());
        }
        let m = self.move_line(ds, key, probe())?;
        self.probed.insert(key, m.clone());
        Some(m)
    }

    fn move_line(
        &mut self,
        ds: &mut Dataset,
        key: (Entity, &'static str, i32),
        delta: Decimal,
    ) -> Option<Moved> {
        let Some(fig) = ds.figures.get_mut(&key) else {
            return Some(Moved::Unchecked);
        };
        let old = fig.value;
        let Some(new) = old.checked_add(delta) else {
            return Some(Moved::Unchecked);
        };
        self.budget = self.budget.checked_sub(1)?;
        fig.value = new;
        let after = misses(ds);
        if let Some(fig) = ds.figures.get_mut(&key) {
            fig.value = old;
        }
        let gone: Vec<Miss> = self.base.difference(&after).cloned().collect();
        let broke = after.difference(&self.base).next().is_some();
        Some(match (gone.is_empty(), broke) {
            (true, false) => Moved::Unchecked,
            (true, true) => Moved::Pinned,
            (false, false) => Moved::Mends(gone),
            (false, true) => Moved::Broken(gone),
        })
    }
}

/// Large enough to break any total a line takes part in, whatever the
/// rounding the total allows; small enough to add to any figure read.
fn probe() -> Decimal {
    Decimal::from(1_000_000_000_000i64)
}

enum Verdict {
    Accepted(Text),
    Refused(Text, Vec<Location>),
}

fn not_judged() -> Verdict {
    Verdict::Refused(
        text!(
            "ei arvioitu: työkirjassa on enemmän rivejä, jotka eivät ole laskelman rivejä, kuin tarkistus punnitsee ({BUDGET} validointia)",
            "inte bedömd: arbetsboken har fler rader som inte är räkningens rader än kontrollen väger ({BUDGET} valideringar)",
            "not judged: the workbook has more rows that are not lines than the check weighs ({BUDGET} validations)"
        ),
        vec![],
    )
}

fn describe(misses: &[Miss]) -> Text {
    Text::each(|lang| {
        let each: Vec<String> = (misses.iter())
            .map(|(_, y, what, diff)| {
                let what = what.get(lang);
                crate::tr!(
                    lang,
                    "{what} vuonna {y} (erotus {diff})",
                    "{what} år {y} (skillnad {diff})",
                    "{what} in {y} (difference {diff})"
                )
            })
            .collect();
        each.join("; ")
    })
}

/// Judges every row that is not a line, and reports each: a notice saying
/// what it was taken to be, or an error naming the gap.
pub fn judge(ds: &mut Dataset, sheets: Vec<SheetRows>) {
    if sheets.is_empty() {
        return;
    }
    let mut judge = Judge {
        base: misses(ds),
        probed: BTreeMap::new(),
        budget: BUDGET,
    };
    let mut out = Vec::new();
    for sheet in &sheets {
        let near = around(&sheet.rows);
        for (i, row) in sheet.rows.iter().enumerate() {
            let TraceRow::Unknown(u) = row else {
                continue;
            };
            if let Some(f) = not_weighed(sheet.statement, u) {
                out.push(f);
                continue;
            }
            let verdict = judge_row(ds, &mut judge, sheet, &near, i, u);
            let (st, label) = (sheet.statement.fi(), number::quoted_label(&u.label));
            let (hint_fi, hint_sv, hint_en) = (&u.hint.fi, &u.hint.sv, &u.hint.en);
            out.push(match verdict {
                Verdict::Accepted(why) => Finding::notice(
                    "row_reconciled",
                    Message::text({
                        let (fi, sv, en) = (&why.fi, &why.sv, &why.en);
                        text!(
                            "{st}: rivi \"{label}\"{hint_fi} ei ole asetuksen rivi: {fi}; sen lukuja ei lueta riviksi",
                            "{st}: raden \"{label}\"{hint_sv} är inte en av förordningens rader: {sv}; dess siffror läses inte som en rad",
                            "{st} row \"{label}\"{hint_en} is not a line of the decree: {en}; its figures are not read as a line"
                        )
                    }),
                    vec![u.cell.clone()],
                ),
                Verdict::Refused(why, more) => {
                    let mut cells = vec![u.cell.clone()];
                    cells.extend(u.values.first().map(|v| v.3.clone()));
                    cells.extend(more);
                    Finding::error(
                        "unknown_label",
                        Message::text({
                            let (fi, sv, en) = (&why.fi, &why.sv, &why.en);
                            text!(
                                "{st}: tuntematon rivi \"{label}\"{hint_fi}: {fi}; sen lukuja ei lueta",
                                "{st}: okänd rad \"{label}\"{hint_sv}: {sv}; dess siffror läses inte",
                                "unknown {st} row \"{label}\"{hint_en}: {en}; its figures are not read"
                            )
                        }),
                        cells,
                    )
                }
            });
        }
    }
    ds.findings.extend(out);
}

/// A row the arithmetic has nothing to say about: a key ratio printed among
/// the lines, or a row of the background sheet, where no total checks
/// anything. Read as nothing, with a notice; a background row that could be
/// a part of a lease liability or a loan stock stays an error, since the
/// figure read beside it might then be short by it.
fn not_weighed(statement: Statement, u: &Unknown) -> Option<Finding> {
    let (st, label) = (statement.fi(), number::quoted_label(&u.label));
    let cells = vec![u.cell.clone()];
    if let Some(kind) = labels::key_ratio(&u.label) {
        let (fi, sv, en) = match kind {
            KeyRatio::PerResident => ("asukasta kohden", "per invånare", "per resident"),
            KeyRatio::Percent => ("prosentteina", "i procent", "in per cent"),
        };
        return Some(Finding::notice(
            "key_ratio_row",
            Message::text(text!(
                "{st}: rivi \"{label}\" on tunnusluku ({fi}), ei laskelman rivi; sen lukuja ei lueta",
                "{st}: raden \"{label}\" är ett nyckeltal ({sv}), inte en rad i räkningen; dess siffror läses inte",
                "{st} row \"{label}\" is a key ratio ({en}), not a line; its figures are not read"
            )),
            cells,
        ));
    }
    let population = labels::other_population(&u.label)
        || (labels::candidates(Statement::Taustatiedot, &u.label).iter())
            .any(|d| d.id == "bg.asukasluku");
    if statement != Statement::Taustatiedot {
        // Residents, not euros: printed under a statement, budget-book
        // style, it is a part of no line.
        return population.then(|| {
            Finding::notice(
                "population_in_statement",
                Message::text(text!(
                    "{st}: rivi \"{label}\" on asukasluku, ei laskelman rivi; sitä ei lueta täältä (asukasluku luetaan taustatiedoista)",
                    "{st}: raden \"{label}\" är invånarantalet, inte en rad i räkningen; den läses inte härifrån (invånarantalet läses ur bakgrundsuppgifterna)",
                    "{st} row \"{label}\" is the population, not a line; it is not read from here (the population is read from the background sheet)"
                )),
                cells,
            )
        });
    }
    if labels::other_population(&u.label) {
        return Some(Finding::notice(
            "background_row_ignored",
            Message::text(text!(
                "{st}: rivi \"{label}\" ei ole vuoden lopun asukasluku; ei luettu, kivijalka käyttää asukaslukua 31.12.",
                "{st}: raden \"{label}\" är inte invånarantalet vid årets slut; inte läst, kivijalka använder invånarantalet 31.12",
                "{st} row \"{label}\" is not the population at the year's end; not read, kivijalka uses the population on 31 Dec"
            )),
            cells,
        ));
    }
    let list = Text::each(|lang| {
        let names: Vec<&str> = (items::ITEMS.iter())
            .filter(|d| d.statement == Statement::Taustatiedot)
            .map(|d| lang.tr(d.fi, d.sv, d.en))
            .collect();
        names.join(", ")
    });
    let (l_fi, l_sv, l_en) = (&list.fi, &list.sv, &list.en);
    if part_of_a_liability(&u.label) {
        return Some(Finding::error(
            "unknown_label",
            Message::text(text!(
                "{st}: tuntematon rivi \"{label}\": se voi olla osa vastuista tai lainoista, joten viereistä lukua ei voi käyttää sellaisenaan; taustatiedot lukee rivit {l_fi} (kukin yhtenä summana)",
                "{st}: okänd rad \"{label}\": den kan vara en del av ansvaren eller lånen, så siffran bredvid kan inte användas som sådan; bakgrundsuppgifterna läser raderna {l_sv} (var och en som en summa)",
                "unknown {st} row \"{label}\": it may be a part of the liabilities or the loans, so the figure beside it cannot be used as it is; the background sheet takes the rows {l_en} (each as one total)"
            )),
            cells,
        ));
    }
    Some(Finding::notice(
        "background_row_ignored",
        Message::text(text!(
            "{st}: rivi \"{label}\" ei ole mikään taustatiedoista; ei luettu (taustatiedot lukee rivit {l_fi})",
            "{st}: raden \"{label}\" är ingen av bakgrundsuppgifterna; inte läst (bakgrundsuppgifterna läser raderna {l_sv})",
            "{st} row \"{label}\" is none of the background figures; not read (the background sheet takes the rows {l_en})"
        )),
        cells,
    ))
}

/// Words of a lease liability or a loan stock, of which the background
/// sheet reads one total each.
fn part_of_a_liability(label: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "vastuu",
        "vastuut",
        "ansvar",
        "laina",
        "lainat",
        "lainakanta",
        "lanestock",
    ];
    labels::normalize(label)
        .split(' ')
        .any(|w| w == "lan" || w.starts_with("leasing") || ENDINGS.iter().any(|e| w.ends_with(e)))
}

/// For each row, the nearest row read as a line above and below it (rows
/// that are not lines passed over, any other row stopping the search), and
/// for each line the sums, per year, of the rows that are not lines right
/// under it: computed once, so that many such rows cost no more than few.
struct Around {
    above: Vec<Option<(usize, &'static str)>>,
    below: Vec<Option<(usize, &'static str)>>,
    under: BTreeMap<usize, BTreeMap<i32, Option<Decimal>>>,
}

fn around(rows: &[TraceRow]) -> Around {
    let mut above = Vec::with_capacity(rows.len());
    let mut last = None;
    for r in rows {
        above.push(last);
        match r {
            TraceRow::Line(id) => last = Some((above.len() - 1, *id)),
            TraceRow::Unknown(_) => {}
            TraceRow::Other => last = None,
        }
    }
    let mut below = vec![None; rows.len()];
    let mut next = None;
    for (i, r) in rows.iter().enumerate().rev() {
        below[i] = next;
        match r {
            TraceRow::Line(id) => next = Some((i, *id)),
            TraceRow::Unknown(_) => {}
            TraceRow::Other => next = None,
        }
    }
    let mut under: BTreeMap<usize, BTreeMap<i32, Option<Decimal>>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let (TraceRow::Unknown(u), Some((a, _))) = (r, above[i]) else {
            continue;
        };
        // A key ratio under a line is no part of it.
        if labels::key_ratio(&u.label).is_some() {
            continue;
        }
        let sums = under.entry(a).or_default();
        for (y, v, _, _) in &u.values {
            let s = sums.entry(*y).or_insert(Some(Decimal::ZERO));
            *s = s.and_then(|s| s.checked_add(*v));
        }
    }
    Around {
        above,
        below,
        under,
    }
}

/// One row that is no line: refused when a total needs it, accepted when
/// the totals hold without it and it is a subtotal, a repeat or a
/// specification of the lines beside it, refused otherwise.
fn judge_row(
    ds: &mut Dataset,
    judge: &mut Judge,
    sheet: &SheetRows,
    near: &Around,
    i: usize,
    u: &Unknown,
) -> Verdict {
    let nonzero: Vec<&(i32, Decimal, Decimal, Location)> =
        u.values.iter().filter(|v| !v.1.is_zero()).collect();
    if nonzero.is_empty() {
        return Verdict::Accepted(text!(
            "kaikki sen luvut ovat nollia, joten mikään summa ei tarvitse sitä",
            "alla dess siffror är noll, så ingen summa behöver den",
            "all its figures are zero, so no total needs it"
        ));
    }
    if let Some(refused) = needed_by_totals(ds, judge, sheet, near, i, &nonzero) {
        return refused;
    }
    // The totals hold without it and would have noticed it: say what it is.
    if let Some(accepted) = as_sum_of_lines(ds, sheet, i, u) {
        return accepted;
    }
    if let Some(accepted) = as_specification(ds, sheet, near, i, u) {
        return accepted;
    }
    Verdict::Refused(
        text!(
            "summat täsmäävät ilman sitä, mutta se ei ole viereisten rivien summa eikä osa yllä olevaa riviä",
            "summorna stämmer utan den, men den är varken summan av raderna bredvid eller en del av raden ovanför",
            "the totals hold without it, but it is neither the sum of the lines beside it nor a part of the line above it"
        ),
        vec![],
    )
}

/// A line's figure as printed: costs turned back when the sheet prints them positive.
fn flip(sheet: &SheetRows, id: &str) -> Decimal {
    if sheet.costs_positive && items::item(id).sign == Sign::Minus {
        -Decimal::ONE
    } else {
        Decimal::ONE
    }
}

/// Row `j`'s figure for year `y` as printed, with its step; none when the
/// row is no line or has no figure that year.
fn printed(ds: &Dataset, sheet: &SheetRows, j: usize, y: i32) -> Option<(Decimal, Decimal)> {
    let TraceRow::Line(id) = sheet.rows[j] else {
        return None;
    };
    ds.get(sheet.entity, id, y)
        .map(|f| (f.value * flip(sheet, id), f.quantum))
}

/// Moves the lines beside the row in each year it has a figure: a refusal
/// when a total needs the row (its amount closes a gap, or the totals
/// around it do not hold), or when no total checks the lines at all; none
/// when every year's totals hold without it and would have noticed it.
fn needed_by_totals(
    ds: &mut Dataset,
    judge: &mut Judge,
    sheet: &SheetRows,
    near: &Around,
    i: usize,
    nonzero: &[&(i32, Decimal, Decimal, Location)],
) -> Option<Verdict> {
    let e = sheet.entity;
    let above = near.above[i];
    let below = near.below[i];
    for (y, v, _, _) in nonzero {
        let mut pinned = false;
        let mut broken: Option<(Vec<Miss>, Vec<Location>)> = None;
        for (_, id) in [above, below].into_iter().flatten() {
            let key = (e, items::item(id).id, *y);
            let cells: Vec<Location> = ds
                .get(e, id, *y)
                .map(|f| f.source.clone())
                .into_iter()
                .collect();
            let Some(moved) = judge.probe(ds, key) else {
                return Some(not_judged());
            };
            match moved {
                Moved::Unchecked => {}
                Moved::Pinned => pinned = true,
                Moved::Mends(gone) | Moved::Broken(gone) => {
                    // Does the row's own amount, beside this line, close the gap?
                    let Some(moved) = judge.move_line(ds, key, *v * flip(sheet, id)) else {
                        return Some(not_judged());
                    };
                    if let Moved::Mends(mended) = moved {
                        return Some(Verdict::Refused(
                            {
                                let d = describe(&mended);
                                let (fi, sv, en) = (&d.fi, &d.sv, &d.en);
                                let line = items::item(id).fi;
                                text!(
                                    "ilman sitä {fi}; rivin \"{line}\" rinnalla laskettuna se sulkee erotuksen, joten se on laskelman tarvitsema rivi",
                                    "utan den {sv}; räknad bredvid \"{line}\" sluter den gapet, så den är en rad räkningen behöver",
                                    "without it {en}; counted beside \"{line}\" it closes that gap, so it is a line the statement needs"
                                )
                            },
                            cells,
                        ));
                    }
                    broken.get_or_insert((gone, cells));
                }
            }
        }
        if let Some((gone, cells)) = broken {
            return Some(Verdict::Refused(
                {
                    let d = describe(&gone);
                    let (fi, sv, en) = (&d.fi, &d.sv, &d.en);
                    text!(
                        "sen ympärillä olevat summat eivät täsmää ilman sitä ({fi}), joten sitä ei voi osoittaa välisummaksi eikä erittelyksi",
                        "summorna kring den stämmer inte utan den ({sv}), så den kan inte visas vara en delsumma eller en specifikation",
                        "the totals around it do not hold without it ({en}), so it cannot be shown to be a subtotal or a specification"
                    )
                },
                cells,
            ));
        }
        if !pinned {
            return Some(Verdict::Refused(
                text!(
                    "mikään painettu summa ei tarkista sen viereisiä rivejä vuonna {y}, joten sitä ei voi osoittaa välisummaksi eikä erittelyksi",
                    "ingen tryckt summa kontrollerar raderna bredvid den år {y}, så den kan inte visas vara en delsumma eller en specifikation",
                    "no printed total checks the lines beside it in {y}, so it cannot be shown to be a subtotal or a specification"
                ),
                vec![],
            ));
        }
    }
    None
}

/// The lines it spans, upward or downward: other rows that are not lines
/// are passed over, and a heading without a figure adds nothing. Accepted
/// as a repeat of one line or an intermediate subtotal of several.
fn as_sum_of_lines(ds: &Dataset, sheet: &SheetRows, i: usize, u: &Unknown) -> Option<Verdict> {
    let half = Decimal::new(5, 1);
    for up in [true, false] {
        let mut run: Vec<usize> = Vec::new();
        let mut j = i;
        let mut steps = 0;
        while run.len() < 16 && steps < 64 {
            steps += 1;
            j = match (up, j.checked_sub(1)) {
                (true, Some(k)) => k,
                (true, None) => break,
                (false, _) => j + 1,
            };
            match sheet.rows.get(j) {
                Some(TraceRow::Line(_)) => {}
                Some(TraceRow::Unknown(_)) => continue,
                _ => break,
            }
            run.push(j);
            let mut named = BTreeSet::new();
            let all = u.values.iter().all(|(y, v, q, _)| {
                let mut sum = Decimal::ZERO;
                let mut tol = *q * half;
                for k in &run {
                    if let Some((x, qx)) = printed(ds, sheet, *k, *y) {
                        // Figures near the decimal range cannot add up to a row.
                        let (Some(s), Some(t)) = (sum.checked_add(x), tol.checked_add(qx * half))
                        else {
                            return false;
                        };
                        sum = s;
                        tol = t;
                        named.insert(*k);
                    }
                }
                !named.is_empty() && sum.checked_sub(*v).is_some_and(|d| d.abs() <= tol)
            });
            if all {
                let names: Vec<&str> = named
                    .iter()
                    .filter_map(|k| match sheet.rows[*k] {
                        TraceRow::Line(id) => Some(items::item(id).fi),
                        _ => None,
                    })
                    .collect();
                let sum = names.join(" + ");
                return Some(Verdict::Accepted(match (names.len(), up) {
                    (1, _) => text!(
                        "se toistaa viereisen rivin \"{sum}\" luvut",
                        "den upprepar siffrorna för \"{sum}\" bredvid den",
                        "it repeats the figures of \"{sum}\" beside it"
                    ),
                    (_, true) => text!(
                        "välisumma, yhtä suuri kuin yllä oleva {sum}",
                        "en mellansumma, lika med {sum} ovanför den",
                        "an intermediate subtotal, equal to {sum} above it"
                    ),
                    (_, false) => text!(
                        "välisumma, yhtä suuri kuin alla oleva {sum}",
                        "en mellansumma, lika med {sum} nedanför den",
                        "an intermediate subtotal, equal to {sum} below it"
                    ),
                }));
            }
        }
    }
    None
}

/// A specification: inside the line above it, with any other such rows
/// between them.
fn as_specification(
    ds: &Dataset,
    sheet: &SheetRows,
    near: &Around,
    i: usize,
    u: &Unknown,
) -> Option<Verdict> {
    let half = Decimal::new(5, 1);
    let (a, id) = near.above[i]?;
    let within = u.values.iter().all(|(y, _, q, _)| {
        let Some((parent, qp)) = printed(ds, sheet, a, *y) else {
            return false;
        };
        let Some(Some(parts)) = near.under.get(&a).and_then(|m| m.get(y)).copied() else {
            return false;
        };
        let same_side = parts.is_zero() || (parts.is_sign_negative() == parent.is_sign_negative());
        same_side
            && parent
                .abs()
                .checked_add((*q + qp) * half)
                .is_some_and(|room| parts.abs() <= room)
    });
    within.then(|| {
        let line = items::item(id).fi;
        Verdict::Accepted(text!(
            "erittely yllä olevan rivin \"{line}\" sisällä, jonka luvun summat vahvistavat",
            "en specifikation inom \"{line}\" ovanför den, vars siffra summorna bekräftar",
            "a specification within \"{line}\" above it, whose figure the totals confirm"
        ))
    })
}

/// A row with figures that is not a line, its figures in euros as printed.
/// `scale` is the row's own unit (`Layout::scale_of`): a row in a later
/// table of the sheet is in that table's unit.
pub fn unknown_row(
    row: &Row,
    scale: Decimal,
    hint: Text,
    cell: Location,
    at: impl Fn(u32) -> Location,
) -> Result<Unknown, Finding> {
    let mut values = Vec::new();
    for (year, num, col) in &row.values {
        let v = number::figure(num, scale).map_err(|why| {
            Finding::error(
                "amount_out_of_range",
                Message::text({
                    let label = &row.label;
                    let (fi, sv, en) = (&why.fi, &why.sv, &why.en);
                    text!(
                        "rivi \"{label}\" ei ole mikään asetuksen riveistä; {year}: {fi}",
                        "raden \"{label}\" är ingen av förordningens rader; {year}: {sv}",
                        "row \"{label}\" is none of the decree's lines; {year}: {en}"
                    )
                }),
                vec![at(*col)],
            )
        })?;
        values.push((*year, v, num.quantum(scale), at(*col)));
    }
    Ok(Unknown {
        label: row.label.clone(),
        cell,
        hint,
        values,
    })
}
