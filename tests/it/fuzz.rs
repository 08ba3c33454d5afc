//! Property-based tests of every place where input enters: the number
//! parser, the label normaliser, the statement reader (on the example's
//! sheets shuffled, cut, duplicated, garbled and retyped), the long-table
//! reader and the scenario parser. Whatever the input: no panic, and either
//! a clean error that names the file or figures that pass validation (or
//! whose breaks can mark what rests on them).
//!
//! `cargo test` runs a few thousand cases from a fixed seed, so a failure is
//! the same on every machine. A long run:
//!
//! ```sh
//! KIVIJALKA_FUZZ_CASES=8000 cargo test --test it fuzz:: -- --nocapture
//! ```
//!
//! takes a random seed, prints it and the number of clean cases per target;
//! `KIVIJALKA_FUZZ_SEED=<n>` repeats a run.

use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use kivijalka::Error;
use kivijalka::ingest::grid::{Cell, Grid};
use kivijalka::ingest::long::read_long_csv;
use kivijalka::ingest::number::{self, Num, from_f64, parse_text};
use kivijalka::ingest::workbook::{load_grids, read_grids};
use kivijalka::model::dataset::{Dataset, Entity};
use kivijalka::model::findings::{breaks, rests_on};
use kivijalka::model::indicators::{Evaluation, IndicatorValue, evaluate};
use kivijalka::model::items::ITEMS;
use kivijalka::model::labels::normalize;
use kivijalka::model::price_index::PriceIndex;
use kivijalka::model::ratios::Input;
use kivijalka::model::scenario::Scenario;
use kivijalka::model::targets::Targets;
use kivijalka::model::validate::validate;
use kivijalka::scenario_file;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use rust_decimal::Decimal;

use crate::support::{example, root};

// ------------------------------------------------------------------ runner

/// The seed of an ordinary `cargo test`: fixed, so every run sees the same
/// cases.
const DEFAULT_SEED: u64 = 0x6b69_7669_6a61_6c6b;

/// Cases for one target: its share of the ordinary run, or the long run's
/// count from KIVIJALKA_FUZZ_CASES.
fn cases(default: u32) -> u32 {
    std::env::var("KIVIJALKA_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn seed() -> u64 {
    if let Some(s) = std::env::var("KIVIJALKA_FUZZ_SEED")
        .ok()
        .and_then(|v| v.trim().parse().ok())
    {
        return s;
    }
    if std::env::var_os("KIVIJALKA_FUZZ_CASES").is_none() {
        return DEFAULT_SEED;
    }
    // A long run without a seed explores new ground each time.
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    t ^ u64::from(std::process::id()).rotate_left(32)
}

fn runner(name: &str, default_cases: u32) -> TestRunner {
    let seed = seed();
    let cases = cases(default_cases);
    if std::env::var_os("KIVIJALKA_FUZZ_CASES").is_some() {
        eprintln!("fuzz {name}: {cases} cases, KIVIJALKA_FUZZ_SEED={seed}");
    }
    let mut bytes = [0u8; 32];
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        chunk.copy_from_slice(&(seed.wrapping_add(i as u64)).to_le_bytes());
    }
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 2048,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes))
}

/// Runs a property; a failure panics with the minimal input proptest found.
fn check<S: Strategy>(
    name: &str,
    default_cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let mut r = runner(name, default_cases);
    if let Err(e) = r.run(&strategy, test) {
        panic!("fuzz {name}: {e}");
    }
}

/// What the cases of one target came to, printed in a long run.
#[derive(Default)]
struct Tally {
    clean_error: AtomicUsize,
    valid: AtomicUsize,
    marked: AtomicUsize,
    /// Cases that hit a failure already kept in an ignored test.
    known: AtomicUsize,
}

impl Tally {
    fn report(&self, name: &str) {
        if std::env::var_os("KIVIJALKA_FUZZ_CASES").is_some() {
            let n = |a: &AtomicUsize| a.load(Ordering::Relaxed);
            eprintln!(
                "fuzz {name}: clean cases: {} ({} clean errors, {} read clean, \
                 {} read with every break marked); {} known failures",
                n(&self.clean_error) + n(&self.valid) + n(&self.marked),
                n(&self.clean_error),
                n(&self.valid),
                n(&self.marked),
                n(&self.known)
            );
        }
    }
}

/// An error is clean when it says where: the file, and a message.
fn clean_error(e: &Error, file: &str) -> Result<(), TestCaseError> {
    let text = e.to_string();
    prop_assert!(
        text.contains(file) && text.trim().len() > file.len(),
        "an error that does not name {file}: {text}"
    );
    Ok(())
}

// ------------------------------------------------------------ number parser

/// A Finnish number as ledgers print it: groups of three split by one of the
/// spaces seen in real files, a decimal comma, the sign as a hyphen, a minus
/// sign, an en dash, parentheses or a trailing hyphen, maybe a euro sign.
#[derive(Clone, Debug)]
struct Printed {
    value: Decimal,
    text: String,
}

fn printed() -> impl Strategy<Value = Printed> {
    let mantissa = prop_oneof![
        0i128..1000,
        0i128..100_000_000,
        0i128..=i64::MAX as i128,
        0i128..10i128.pow(27),
    ];
    (
        mantissa,
        0u32..=4,
        prop::sample::select(vec![" ", "\u{00A0}", "\u{2009}", "\u{202F}", ""]),
        0usize..6,
        any::<bool>(),
    )
        .prop_map(|(m, scale, space, sign, euro)| {
            let value = Decimal::from_i128_with_scale(m, scale);
            let digits = m.to_string();
            let digits = format!("{digits:0>width$}", width = scale as usize + 1);
            let (int, frac) = digits.split_at(digits.len() - scale as usize);
            let mut grouped = String::new();
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    grouped.push_str(space);
                }
                grouped.push(c);
            }
            if !frac.is_empty() {
                grouped.push(',');
                grouped.push_str(frac);
            }
            let (text, value) = match sign {
                0 => (grouped, value),
                1 => (format!("-{grouped}"), -value),
                2 => (format!("\u{2212}{grouped}"), -value),
                3 => (format!("\u{2013} {grouped}"), -value),
                4 => (format!("({grouped})"), -value),
                _ => (format!("{grouped}-"), -value),
            };
            let text = if euro { format!("{text} €") } else { text };
            Printed { value, text }
        })
}

/// Text that looks like numbers: digits, separators, signs, brackets,
/// spaces of all kinds, units.
fn numberish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "0",
            "1",
            "5",
            "9",
            "123",
            ",",
            ".",
            "-",
            "\u{2212}",
            "\u{2013}",
            "(",
            ")",
            "+",
            " ",
            "\u{00A0}",
            "\u{2009}",
            "'",
            "€",
            "e",
            "E",
            "eur",
            "%",
            "x",
            "1e30",
            "99999999999999999999999999999",
        ]),
        0..14,
    )
    .prop_map(|parts| parts.concat())
}

#[test]
fn a_space_that_does_not_split_groups_of_three_is_refused() {
    assert!(parse_text("874 6").is_err());
    assert!(parse_text("1 2345").is_err());
    // Groups of three stay numbers.
    assert_eq!(
        parse_text("12 345,6").unwrap().unwrap().value,
        Decimal::new(123456, 1)
    );
}

#[test]
fn number_parser_never_panics() {
    check(
        "number/text",
        600,
        prop_oneof![any::<String>(), numberish()],
        |s| {
            // Whatever it says, it says it without panicking; a number it
            // reads keeps the decimals it reports.
            if let Ok(Some(n)) = parse_text(&s) {
                prop_assert_eq!(n.decimals, n.value.scale());
            }
            Ok(())
        },
    );
}

#[test]
fn finnish_numbers_read_back_exactly() {
    check("number/finnish", 600, printed(), |p| {
        let n = parse_text(&p.text)
            .map_err(|e| TestCaseError::fail(format!("{:?}: {e}", p.text)))?
            .ok_or_else(|| TestCaseError::fail(format!("{:?} read as blank", p.text)))?;
        prop_assert_eq!(n.value, p.value, "{:?}", p.text);
        prop_assert_eq!(n.decimals, p.value.scale(), "{:?}", p.text);
        Ok(())
    });
}

#[test]
fn floats_read_as_the_decimal_excel_shows() {
    check(
        "number/float",
        600,
        prop_oneof![
            any::<f64>(),
            (-1e15f64..1e15).prop_map(|f| (f * 100.0).round() / 100.0),
            (-1e12f64..1e12),
        ],
        |f| {
            match from_f64(f) {
                // The decimal is the float exactly as its shortest text shows
                // it: reading it back gives the same float.
                Some(n) if f.abs() >= 1e-6 || f == 0.0 => {
                    let back: f64 = n.value.to_string().parse().unwrap();
                    prop_assert_eq!(back, f, "{} read as {}", f, n.value);
                }
                Some(_) => {}
                // Refused only when it is not finite or beyond what a
                // decimal holds.
                None => prop_assert!(
                    !f.is_finite() || f.abs() >= 7.9e28,
                    "{f} refused though a decimal holds it"
                ),
            }
            Ok(())
        },
    );
}

// ------------------------------------------------------------ label normaliser

/// Every spelling of every line the tool knows.
fn spellings() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = ITEMS
        .iter()
        .flat_map(|d| {
            [d.fi, d.sv, d.en]
                .into_iter()
                .chain(d.aliases.iter().copied())
        })
        .filter(|s| !s.is_empty())
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Labels as printed: a known spelling with numbering, case changes, sign
/// hints, "yhteensä", dashes and odd spaces; or any text at all.
fn labelish() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            prop::sample::select(spellings()).prop_map(String::from),
            prop::sample::select(vec![
                "A",
                "I",
                "1.",
                "2)",
                "(-)",
                "(+/-)",
                "yhteensä",
                "YHTEENSÄ",
                "sammanlagt",
                "yli-/alijäämä",
                "över-/underskott",
                "*",
                "¹",
                "\u{00A0}",
                "  ",
                "/",
                " / ",
                "\u{2013}",
                "-",
                "İ",
                "ß",
                "Ä",
                "ǅ",
                "\u{0308}",
                "\t",
            ])
            .prop_map(String::from),
            "[a-zåäöA-ZÅÄÖ0-9 ()/*-]{0,6}",
        ],
        0..6,
    );
    prop_oneof![pieces.prop_map(|p| p.join(" ")), any::<String>(),]
}

/// Letters the normaliser folds only in some of their forms: capitals of
/// the accented small letters it folds ("À"), and signs whose small letter
/// is one (the ångström sign U+212B lowercases to "å").
fn unfolded(c: char) -> bool {
    const FOLDED: &str = "äÄåÅáàöÖóòéèü";
    !FOLDED.contains(c) && c.to_lowercase().any(|l| FOLDED.contains(l))
}

#[test]
fn label_normaliser_is_idempotent() {
    check("labels", 1500, labelish(), |s| {
        let once = normalize(&s);
        let twice = normalize(&once);
        prop_assert_eq!(&twice, &once, "{:?}", s);
        Ok(())
    });
}

#[test]
fn a_doubled_total_word_normalises_in_one_pass() {
    let once = normalize("Accrued income yhteensä yhteensä");
    assert_eq!(normalize(&once), once);
    assert_eq!(once, normalize("Accrued income"));
}

#[test]
fn capital_accents_fold_like_small_ones() {
    for c in ['À', 'Á', 'É', 'È', 'Ó', 'Ò', 'Ü', '\u{212B}'] {
        assert!(unfolded(c));
        let once = normalize(&c.to_string());
        assert_eq!(normalize(&once), once, "{c:?}");
        assert_eq!(once, normalize(&c.to_lowercase().to_string()), "{c:?}");
    }
}

// ------------------------------------------------------------ statement reader

const WORKBOOK: &str = "kivikoski.xlsx";

fn example_grids() -> &'static [Grid] {
    static GRIDS: OnceLock<Vec<Grid>> = OnceLock::new();
    GRIDS.get_or_init(|| load_grids(&example()).expect("the example workbook loads"))
}

fn price_index() -> &'static PriceIndex {
    static PI: OnceLock<PriceIndex> = OnceLock::new();
    PI.get_or_init(|| kivijalka::config::load_index(&[]).expect("the built-in price index"))
}

/// A grid as rows of cells, to edit.
fn rows_of(g: &Grid) -> Vec<Vec<Cell>> {
    (0..g.height())
        .map(|r| (0..g.width()).map(|c| g.get(r, c).clone()).collect())
        .collect()
}

fn grid_of(name: &str, rows: &[Vec<Cell>]) -> Grid {
    let mut g = Grid::new(name);
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if *cell != Cell::Empty {
                g.set(r as u32, c as u32, cell.clone());
            }
        }
    }
    g
}

/// One edit of one sheet of the workbook.
#[derive(Clone, Debug)]
enum Edit {
    /// Some rows swapped with their neighbours.
    Shuffle(Vec<Index>),
    /// All rows in an order drawn from the seed.
    Permute(u64),
    Delete(Index),
    Duplicate(Index),
    /// A text cell with characters replaced, cut or added.
    Garble(Index, Index, String),
    /// A number written as Finnish text, or a numeric text as a number.
    Retype(Index, Index),
    /// A number times 1000.
    Scale(Index, Index),
    SignFlip(Index, Index),
    /// A cell blanked.
    Blank(Index, Index),
    /// Any cell set to any value.
    Set(Index, Index, CellValue),
}

#[derive(Clone, Debug)]
enum CellValue {
    Number(f64),
    Text(String),
    Error,
}

fn cell_value() -> impl Strategy<Value = CellValue> {
    prop_oneof![
        any::<f64>().prop_map(CellValue::Number),
        prop::sample::select(vec![0.0, -0.0, 1e18, -1e18, 1e300, 2023.0, 1e-30])
            .prop_map(CellValue::Number),
        labelish().prop_map(CellValue::Text),
        numberish().prop_map(CellValue::Text),
        Just(CellValue::Error),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        1 => any::<u64>().prop_map(Edit::Permute),
        12 => local_edit("[a-zäö0-9 ()*/-]{0,4}"),
    ]
}

/// The edits short of reordering a whole sheet; a garble inserts text
/// matching `garble`.
fn local_edit(garble: &'static str) -> impl Strategy<Value = Edit> {
    prop_oneof![
        1 => prop::collection::vec(any::<Index>(), 1..4).prop_map(Edit::Shuffle),
        3 => any::<Index>().prop_map(Edit::Delete),
        2 => any::<Index>().prop_map(Edit::Duplicate),
        2 => (any::<Index>(), any::<Index>(), garble)
            .prop_map(|(r, c, s)| Edit::Garble(r, c, s)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(r, c)| Edit::Retype(r, c)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(r, c)| Edit::Scale(r, c)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(r, c)| Edit::SignFlip(r, c)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(r, c)| Edit::Blank(r, c)),
        2 => (any::<Index>(), any::<Index>(), cell_value())
            .prop_map(|(r, c, v)| Edit::Set(r, c, v)),
    ]
}

/// The cell an (row, column) index pair picks among the non-empty cells of
/// a row, so edits land where the figures are.
fn pick(rows: &[Vec<Cell>], r: &Index, c: &Index) -> Option<(usize, usize)> {
    if rows.is_empty() {
        return None;
    }
    let r = r.index(rows.len());
    let filled: Vec<usize> = (0..rows[r].len())
        .filter(|&i| !rows[r][i].is_empty())
        .collect();
    if filled.is_empty() {
        return None;
    }
    Some((r, filled[c.index(filled.len())]))
}

/// A number as a ledger types it into a text cell: "−1 234,5".
fn finnish(v: Decimal) -> String {
    let neg = v.is_sign_negative() && !v.is_zero();
    let s = v.abs().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('\u{00A0}');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    if neg { format!("\u{2212}{out}") } else { out }
}

fn number(value: Decimal) -> Cell {
    Cell::Number(Num {
        value,
        decimals: value.scale(),
    })
}

fn apply(rows: &mut Vec<Vec<Cell>>, e: &Edit) {
    match e {
        Edit::Shuffle(swaps) if rows.len() > 1 => {
            for (i, s) in swaps.iter().enumerate() {
                let a = s.index(rows.len());
                let b = (a + 1 + i) % rows.len();
                rows.swap(a, b);
            }
        }
        Edit::Permute(seed) => {
            // Fisher–Yates over a small LCG: the order depends on the seed only.
            let mut x = *seed | 1;
            for i in (1..rows.len()).rev() {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                rows.swap(i, (x >> 33) as usize % (i + 1));
            }
        }
        Edit::Delete(r) if !rows.is_empty() => {
            let r = r.index(rows.len());
            rows.remove(r);
        }
        Edit::Duplicate(r) if !rows.is_empty() => {
            let r = r.index(rows.len());
            let row = rows[r].clone();
            rows.insert(r + 1, row);
        }
        Edit::Garble(r, c, with) => {
            if let Some((r, c)) = pick(rows, r, c) {
                let text = match &rows[r][c] {
                    Cell::Text(t) => t.clone(),
                    Cell::Number(n) => n.value.to_string(),
                    _ => String::new(),
                };
                let chars: Vec<char> = text.chars().collect();
                let at = (with.len() * 7 + r) % (chars.len() + 1);
                let mut out: String = chars[..at].iter().collect();
                out.push_str(with);
                out.extend(chars[(at + 1).min(chars.len())..].iter());
                rows[r][c] = Cell::Text(out);
            }
        }
        Edit::Retype(r, c) => {
            if let Some((r, c)) = pick(rows, r, c) {
                rows[r][c] = match &rows[r][c] {
                    Cell::Number(n) => Cell::Text(finnish(n.value)),
                    Cell::Text(t) => match number::parse_text(t) {
                        Ok(Some(n)) => Cell::Number(n),
                        _ => Cell::Text(t.clone()),
                    },
                    other => other.clone(),
                };
            }
        }
        Edit::Scale(r, c) => {
            if let Some((r, c)) = pick(rows, r, c)
                && let Cell::Number(n) = &rows[r][c]
                && let Some(v) = n.value.checked_mul(Decimal::from(1000))
            {
                rows[r][c] = number(v);
            }
        }
        Edit::SignFlip(r, c) => {
            if let Some((r, c)) = pick(rows, r, c)
                && let Cell::Number(n) = &rows[r][c]
            {
                rows[r][c] = number(-n.value);
            }
        }
        Edit::Blank(r, c) => {
            if let Some((r, c)) = pick(rows, r, c) {
                rows[r][c] = Cell::Empty;
            }
        }
        Edit::Set(r, c, v) if !rows.is_empty() => {
            let r = r.index(rows.len());
            let width = rows[r].len().max(1) + 1;
            let c = c.index(width);
            if rows[r].len() <= c {
                rows[r].resize(c + 1, Cell::Empty);
            }
            rows[r][c] = match v {
                CellValue::Number(f) => Cell::from(*f),
                CellValue::Text(t) => Cell::Text(t.clone()),
                CellValue::Error => Cell::Error("#DIV/0!".into()),
            };
        }
        _ => {}
    }
}

/// The example's sheets with some edits, each on a sheet of its choosing.
fn mutated() -> impl Strategy<Value = Vec<(Index, Edit)>> {
    prop::collection::vec((any::<Index>(), edit()), 1..4)
}

/// Without digits in garbles: a digit typed into a figure makes another
/// figure, which only the identities can catch, and not within the rounding
/// they allow (one digit of a line in thousands).
fn mutated_locally() -> impl Strategy<Value = Vec<(Index, Edit)>> {
    prop::collection::vec((any::<Index>(), local_edit("[a-zäö ()*/-]{0,4}")), 1..4)
}

fn build(edits: &[(Index, Edit)]) -> Vec<Grid> {
    build_on(edits, |_| true)
}

/// The same, with the edits only on the sheets `on` takes.
fn build_on(edits: &[(Index, Edit)], on: impl Fn(&str) -> bool) -> Vec<Grid> {
    let base = example_grids();
    let mut sheets: Vec<(String, Vec<Vec<Cell>>)> =
        base.iter().map(|g| (g.name.clone(), rows_of(g))).collect();
    let targets: Vec<usize> = (0..sheets.len()).filter(|i| on(&sheets[*i].0)).collect();
    for (sheet, e) in edits {
        let i = targets[sheet.index(targets.len())];
        apply(&mut sheets[i].1, e);
    }
    sheets.iter().map(|(n, rows)| grid_of(n, rows)).collect()
}

/// What reading a mutated workbook may come to: a clean error, or a dataset
/// whose every failed identity is a break that names the statement-years it
/// joins (so every figure computed from them is marked). The dataset comes
/// back with the tally's counter for its kind, to count once the caller is
/// done with it.
fn judge(
    read: kivijalka::Result<Dataset>,
    tally: &Tally,
) -> Result<Option<(Dataset, &AtomicUsize)>, TestCaseError> {
    let ds = match read
        .and_then(|ds| kivijalka::cmd::refuse_errors(ds, false, kivijalka::report::Lang::En))
    {
        Err(e) => {
            clean_error(&e, WORKBOOK)?;
            tally.clean_error.fetch_add(1, Ordering::Relaxed);
            return Ok(None);
        }
        Ok(ds) => ds,
    };
    let errors: Vec<_> = validate(&ds).into_iter().filter(|f| f.is_error()).collect();
    if errors.is_empty() {
        return Ok(Some((ds, &tally.valid)));
    }
    let bs = breaks(&ds);
    for f in &errors {
        let b = bs
            .iter()
            .find(|b| b.cells == f.cells)
            .ok_or_else(|| TestCaseError::fail(format!("no break for {}", f.message)))?;
        prop_assert!(
            !b.statements.is_empty(),
            "a break that marks nothing: {}",
            f.message
        );
    }
    Ok(Some((ds, &tally.marked)))
}

#[test]
fn the_example_as_it_is_validates() {
    let ds = read_grids(WORKBOOK, example_grids().to_vec()).unwrap();
    let ds = kivijalka::cmd::refuse_errors(ds, false, kivijalka::report::Lang::En).unwrap();
    assert!(validate(&ds).iter().all(|f| !f.is_error()));
    assert!(breaks(&ds).is_empty());
}

/// The example with one cell replaced.
fn example_with(sheet: &str, row: u32, col: u32, cell: Cell) -> Vec<Grid> {
    let mut grids = example_grids().to_vec();
    let g = grids.iter_mut().find(|g| g.name == sheet).unwrap();
    g.set(row, col, cell);
    grids
}

#[test]
fn an_amount_near_the_decimal_range_is_an_error() {
    // Toimintatuotot 2019 (B7) of the income statement, in 1 000 €.
    let grids = example_with("Tuloslaskelma", 6, 1, Cell::from(1e27));
    let e = read_grids(WORKBOOK, grids)
        .and_then(|ds| kivijalka::cmd::refuse_errors(ds, false, kivijalka::report::Lang::En))
        .expect_err("1e27 thousand euros is no amount");
    assert!(e.to_string().contains("B7"), "{e}");
}

#[test]
fn statement_reader_on_mutated_workbooks() {
    let tally = Tally::default();
    check("statements", 150, mutated(), |edits| {
        if let Some((_, kind)) = judge(read_grids(WORKBOOK, build(&edits)), &tally)? {
            kind.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    });
    tally.report("statements");
}

/// The example's figures and indicators, to compare a mutated reading with.
fn original() -> &'static (Dataset, Evaluation) {
    static ORIGINAL: OnceLock<(Dataset, Evaluation)> = OnceLock::new();
    ORIGINAL.get_or_init(|| {
        let ds = read_grids(WORKBOOK, example_grids().to_vec()).unwrap();
        let ev = evaluate(&ds, &Targets::default(), price_index());
        (ds, ev)
    })
}

/// No figure changes silently: every figure a mutated workbook reads is the
/// example's, or lies in a statement-year that a break marks.
fn figures_hold(ds: &Dataset) -> Result<(), TestCaseError> {
    let (orig, _) = original();
    let bs = breaks(ds);
    for ((entity, item, year), f) in &ds.figures {
        let orig_figure = orig.figures.get(&(*entity, *item, *year));
        let was = orig_figure.map(|o| o.value);
        if was == Some(f.value) {
            continue;
        }
        // Within half the printed unit (a cell of 0,157 in a sheet of 1 000 €
        // where 0 was): the statements themselves cannot tell, as their
        // totals are printed to that unit too.
        if let Some(o) = orig_figure
            && (f.value - o.value).abs() * Decimal::TWO < o.quantum
        {
            continue;
        }
        // A repeated label placed by the decree's order alone (its heading
        // row gone) is said at its cell: not silent.
        if ds
            .findings
            .iter()
            .any(|n| n.code == "placed_by_order" && n.cells.iter().any(|c| same_row(c, &f.source)))
        {
            continue;
        }
        let input = Input {
            entity: *entity,
            item,
            label: "",
            year: *year,
            value: f.value,
            cell: f.source.clone(),
        };
        prop_assert!(
            !rests_on(&bs, &[input]).is_empty(),
            "{} {item} {year}: {:?} read as {} from {}, and no break marks it",
            entity.fi(),
            was,
            f.value,
            f.source
        );
    }
    Ok(())
}

/// Whether two cells are on one row of one sheet.
fn same_row(a: &kivijalka::error::Location, b: &kivijalka::error::Location) -> bool {
    let row = |l: &kivijalka::error::Location| {
        l.cell.as_deref().map(|c| {
            c.trim_start_matches(|ch: char| ch.is_ascii_alphabetic())
                .to_string()
        })
    };
    a.file == b.file && a.sheet == b.sheet && row(a).is_some() && row(a) == row(b)
}

/// No indicator changes silently: each is the example's, not measurable, or
/// marked as resting on a break.
fn indicators_hold(ds: &Dataset) -> Result<(), TestCaseError> {
    let (_, orig) = original();
    let ev = evaluate(ds, &Targets::default(), price_index());
    let bs = breaks(ds);
    fn all(e: &Evaluation) -> impl Iterator<Item = &IndicatorValue> {
        e.values.iter().chain(e.spans.iter())
    }
    for v in all(&ev) {
        let Some(value) = v.value else { continue };
        let was = all(orig)
            .find(|o| {
                o.id == v.id
                    && o.entity == v.entity
                    && o.year == v.year
                    && o.from_year == v.from_year
            })
            .and_then(|o| o.value);
        if was == Some(value) {
            continue;
        }
        prop_assert!(
            !rests_on(&bs, &v.inputs).is_empty(),
            "indicator {} {:?} {}: {:?} became {} and no break marks it",
            v.indicator,
            v.entity,
            v.year,
            was,
            value
        );
    }
    Ok(())
}

#[test]
fn a_population_a_thousand_times_too_large_is_caught() {
    let grids = example_with("Taustatiedot", 6, 1, Cell::from(18_420_000.0));
    match read_grids(WORKBOOK, grids)
        .and_then(|ds| kivijalka::cmd::refuse_errors(ds, false, kivijalka::report::Lang::En))
    {
        Err(e) => assert!(e.to_string().contains("B7"), "{e}"),
        Ok(ds) => panic!(
            "read as {:?} with no error",
            ds.value(Entity::City, "bg.asukasluku", 2019)
        ),
    }
}

#[test]
fn a_unit_row_under_the_year_header_is_applied() {
    let mut grids = example_grids().to_vec();
    let g = grids
        .iter_mut()
        .find(|g| g.name == "Konsernin rahoituslaskelma")
        .unwrap();
    let mut rows = rows_of(g);
    // The shrunk case: 26 rows of figures above the year header (which
    // reading skips), then the header, the unit row and one line of figures.
    apply(&mut rows, &Edit::Permute(4240006452158020504));
    assert_eq!(rows[28][0], Cell::Text("1 000 €".into()));
    *g = grid_of(&g.name, &rows);
    if let Ok(ds) = read_grids(WORKBOOK, grids)
        .and_then(|ds| kivijalka::cmd::refuse_errors(ds, false, kivijalka::report::Lang::En))
    {
        figures_hold(&ds).unwrap();
    }
}

#[test]
fn a_permuted_cash_flow_statement_leaves_no_partial_sum() {
    let mut grids = example_grids().to_vec();
    let g = grids
        .iter_mut()
        .find(|g| g.name == "Rahoituslaskelma")
        .unwrap();
    let mut rows = rows_of(g);
    apply(&mut rows, &Edit::Permute(13583657968838837702));
    *g = grid_of(&g.name, &rows);
    if let Ok(ds) = read_grids(WORKBOOK, grids)
        .and_then(|ds| kivijalka::cmd::refuse_errors(ds, false, kivijalka::report::Lang::En))
    {
        figures_hold(&ds).unwrap();
        indicators_hold(&ds).unwrap();
    }
}

#[test]
fn no_figure_of_a_mutated_workbook_changes_silently() {
    let tally = Tally::default();
    // Known: a sheet in a random order loses lines and years, and some
    // indicators are then summed from what is left; kept in
    // `a_permuted_cash_flow_statement_leaves_no_partial_sum`.
    check("silent", 50, mutated_locally(), |edits| {
        // The background sheet is left out: no identity holds a background
        // figure, so a plausible typo there (18 420 residents as 8 420)
        // cannot be told from the truth. Its units, signs and bounds are
        // checked (`a_population_a_thousand_times_too_large_is_caught`,
        // tests/it/plausibility.rs); its figures are not summed into others.
        let grids = build_on(&edits, |name| name != "Taustatiedot");
        if let Some((ds, kind)) = judge(read_grids(WORKBOOK, grids), &tally)? {
            figures_hold(&ds)?;
            indicators_hold(&ds)?;
            kind.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    });
    tally.report("silent");
}

// ------------------------------------------------------------ long tables

/// The example's figures as a long CSV: one figure a row.
fn example_long_csv() -> &'static str {
    static CSV: OnceLock<String> = OnceLock::new();
    CSV.get_or_init(|| {
        let ds = read_grids(WORKBOOK, example_grids().to_vec()).unwrap();
        let mut out = String::from("kunta;vuosi;laji;taho;rivi;arvo\n");
        for ((entity, id, year), f) in &ds.figures {
            let taho = match entity {
                Entity::City => "kaupunki",
                Entity::Group => "konserni",
            };
            let kind = ds.years[year];
            out.push_str(&format!(
                "Kivikoski;{year};{kind};{taho};{id};{}\n",
                finnish(f.value)
            ));
        }
        out
    })
}

#[test]
fn the_long_table_of_the_example_reads_to_its_figures() {
    let ds = read_grids(WORKBOOK, example_grids().to_vec()).unwrap();
    let long = read_long_csv(example_long_csv(), "kivikoski.csv").unwrap();
    assert_eq!(long.len(), 1);
    let values = |d: &Dataset| -> BTreeMap<(Entity, &'static str, i32), Decimal> {
        d.figures.iter().map(|(k, f)| (*k, f.value)).collect()
    };
    assert_eq!(values(&long[0]), values(&ds));
    assert_eq!(long[0].years, ds.years);
}

/// One edit of a CSV text.
#[derive(Clone, Debug)]
enum TextEdit {
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    /// A line's field replaced.
    Field(Index, Index, String),
    /// Bytes cut from the end.
    Truncate(Index),
    Insert(Index, String),
    /// The value after a line's first "=" (scenario files).
    Value(Index, String),
}

fn field_value() -> impl Strategy<Value = String> {
    prop_oneof![
        numberish(),
        labelish(),
        prop::sample::select(vec![
            "",
            "\"",
            "\"\"",
            ";",
            ",",
            "\n",
            "t€",
            "milj. €",
            "konserni",
            "TS",
            "E",
            "XX",
            "99999",
            "-2147483648",
            "0",
            "1e30",
            "tl.vuosikate",
            "ta.vastaavaa",
        ])
        .prop_map(String::from),
        any::<String>(),
    ]
}

fn text_edit() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        3 => any::<Index>().prop_map(TextEdit::DeleteLine),
        2 => any::<Index>().prop_map(TextEdit::DuplicateLine),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| TextEdit::SwapLines(a, b)),
        4 => (any::<Index>(), any::<Index>(), field_value())
            .prop_map(|(l, f, v)| TextEdit::Field(l, f, v)),
        1 => any::<Index>().prop_map(TextEdit::Truncate),
        2 => (any::<Index>(), field_value()).prop_map(|(at, s)| TextEdit::Insert(at, s)),
    ]
}

fn edit_text(text: &str, e: &TextEdit, sep: char) -> String {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let n = lines.len();
    match e {
        TextEdit::DeleteLine(i) if n > 0 => {
            lines.remove(i.index(n));
        }
        TextEdit::DuplicateLine(i) if n > 0 => {
            let i = i.index(n);
            lines.insert(i, lines[i].clone());
        }
        TextEdit::SwapLines(a, b) if n > 0 => lines.swap(a.index(n), b.index(n)),
        TextEdit::Field(l, f, v) if n > 0 => {
            let l = l.index(n);
            let mut fields: Vec<String> = lines[l].split(sep).map(String::from).collect();
            let f = f.index(fields.len());
            fields[f] = v.clone();
            lines[l] = fields.join(&sep.to_string());
        }
        TextEdit::Truncate(at) => {
            let mut s = lines.join("\n");
            let mut cut = at.index(s.len() + 1);
            while !s.is_char_boundary(cut) {
                cut -= 1;
            }
            s.truncate(cut);
            return s;
        }
        TextEdit::Value(l, v) if n > 0 => {
            let l = l.index(n);
            if let Some((key, _)) = lines[l].split_once('=') {
                lines[l] = format!("{key}= {v}");
            }
        }
        TextEdit::Insert(at, v) => {
            let mut s = lines.join("\n");
            let mut at = at.index(s.len() + 1);
            while !s.is_char_boundary(at) {
                at -= 1;
            }
            s.insert_str(at, v);
            return s;
        }
        _ => {}
    }
    lines.join("\n") + "\n"
}

/// A small long table (a few lines of the example's) or the whole one, with
/// edits; or any text at all.
fn long_text() -> impl Strategy<Value = String> {
    let edits = || prop::collection::vec(text_edit(), 1..5);
    prop_oneof![
        3 => (0usize..40, any::<Index>(), edits()).prop_map(|(take, from, edits)| {
            let csv = example_long_csv();
            let lines: Vec<&str> = csv.lines().collect();
            let from = 1 + from.index(lines.len() - 1);
            let mut text = String::from(lines[0]);
            text.push('\n');
            for l in lines.iter().skip(from).take(take) {
                text.push_str(l);
                text.push('\n');
            }
            edits.iter().fold(text, |t: String, e| edit_text(&t, e, ';'))
        }),
        1 => edits().prop_map(|edits| {
            edits.iter().fold(example_long_csv().to_string(), |t, e| edit_text(&t, e, ';'))
        }),
        1 => any::<String>(),
        1 => prop::collection::vec(field_value(), 0..20).prop_map(|f| f.join(";")),
    ]
}

#[test]
fn an_extreme_year_in_a_long_table_is_an_error() {
    let text = "kunta;vuosi;rivi;arvo\nKivikoski;-2147483648;bg.asukasluku;18420\n";
    match read_long_csv(text, "kunnat.csv") {
        Err(e) => assert!(e.to_string().contains("line 2"), "{e}"),
        Ok(sets) => {
            for ds in &sets {
                validate(ds);
                evaluate(ds, &Targets::default(), price_index());
            }
        }
    }
}

#[test]
fn long_table_reader_on_mutated_csv() {
    const FILE: &str = "kunnat.csv";
    let tally = Tally::default();
    check("long", 300, long_text(), |text| {
        match read_long_csv(&text, FILE) {
            Err(e) => {
                clean_error(&e, FILE)?;
                tally.clean_error.fetch_add(1, Ordering::Relaxed);
            }
            Ok(sets) => {
                for ds in &sets {
                    let errors = validate(ds).into_iter().filter(|f| f.is_error()).count();
                    let bs = breaks(ds);
                    prop_assert!(bs.len() >= errors.min(1), "errors without breaks");
                    prop_assert!(bs.iter().all(|b| !b.statements.is_empty()));
                }
                tally.valid.fetch_add(1, Ordering::Relaxed);
            }
        }
        Ok(())
    });
    tally.report("long");
}

// ------------------------------------------------------------ scenario files

fn scenario_texts() -> &'static [(String, String)] {
    static TEXTS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let mut v: Vec<(String, String)> = std::fs::read_dir(root().join("scenarios"))
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().to_string();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
        v.sort();
        v
    })
}

/// Values a scenario key may be set to: the absurd next to the plausible.
fn scenario_value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "0",
            "-1",
            "50",
            "1e30",
            "-1e30",
            "nan",
            "inf",
            "2200",
            "100000",
            "-2147483648",
            "9223372036854775807",
            "\"10 M€\"",
            "\"-5 M€\"",
            "\"\"",
            "[]",
            "{}",
            "[2027, 2027]",
            "{ 2026 = 1e30 }",
            "{ 99999 = 2 }",
            "true",
            "\"x\"",
            "0.0000000000000000000000000001",
        ])
        .prop_map(String::from),
        any::<f64>().prop_map(|f| format!("{f:?}")),
        any::<i64>().prop_map(|i| i.to_string()),
        "\"[0-9 ,.M€k-]{0,12}\"",
    ]
}

fn scenario_edit() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        2 => any::<Index>().prop_map(TextEdit::DeleteLine),
        1 => any::<Index>().prop_map(TextEdit::DuplicateLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| TextEdit::SwapLines(a, b)),
        // The value after a line's "=".
        5 => (any::<Index>(), scenario_value()).prop_map(|(l, v)| TextEdit::Value(l, v)),
        1 => any::<Index>().prop_map(TextEdit::Truncate),
        1 => (any::<Index>(), "[\\[\\]{}=\",.a-z0-9 \n]{0,6}")
            .prop_map(|(at, s)| TextEdit::Insert(at, s)),
    ]
}

fn scenario_text() -> impl Strategy<Value = (String, String)> {
    (any::<Index>(), prop::collection::vec(scenario_edit(), 1..4)).prop_map(|(which, edits)| {
        let (name, text) = &scenario_texts()[which.index(scenario_texts().len())];
        let text = edits
            .iter()
            .fold(text.clone(), |t: String, e| edit_text(&t, e, '='));
        (name.clone(), text)
    })
}

/// A directory with the project's scenario files, for mutated ones to
/// extend.
fn scenario_dir() -> &'static std::path::Path {
    static DIR: OnceLock<std::path::PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = crate::support::tempdir("fuzz-scenarios");
        for (name, text) in scenario_texts() {
            std::fs::write(dir.join(name), text).unwrap();
        }
        dir
    })
}

/// Loads a mutated scenario as the tool does, following `extends` to the
/// project's files. `who` keeps tests running side by side apart.
fn load_mutated(who: &str, name: &str, text: &str) -> (String, kivijalka::Result<Scenario>) {
    let path = scenario_dir().join(format!("{who}-{name}"));
    std::fs::write(&path, text).unwrap();
    (path.display().to_string(), scenario_file::load(&path))
}

#[test]
fn scenario_parser_on_mutated_files() {
    let tally = Tally::default();
    check("scenarios", 600, scenario_text(), |(name, text)| {
        let (_, read) = load_mutated("parse", &name, &text);
        match read {
            Err(e) => {
                // The mutated file or the one it extends, by its path.
                clean_error(&e, &scenario_dir().display().to_string())?;
                tally.clean_error.fetch_add(1, Ordering::Relaxed);
            }
            Ok(_) => {
                tally.valid.fetch_add(1, Ordering::Relaxed);
            }
        }
        Ok(())
    });
    tally.report("scenarios");
}

/// A mutated scenario that parses is projected from the example: the
/// projection answers with its result or an error, whatever the values.
#[test]
fn projection_of_mutated_scenarios() {
    use kivijalka::model::projection::{Options, project};
    let (ds, _) = original();
    let tally = Tally::default();
    check(
        "projection",
        200,
        prop_oneof![scenario_text(), scenario_extremes()],
        |(name, text)| {
            let (_, read) = load_mutated("project", &name, &text);
            if let Ok(sc) = read {
                let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    project(ds, &sc, price_index(), Options::default()).is_ok()
                }));
                match run {
                    Ok(true) => tally.valid.fetch_add(1, Ordering::Relaxed),
                    Ok(false) => tally.clean_error.fetch_add(1, Ordering::Relaxed),
                    Err(p) => std::panic::resume_unwind(p),
                };
            } else {
                // Refused by the parser: a clean error, as the parser's
                // own property checks.
                tally.clean_error.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        },
    );
    tally.report("projection");
}

#[test]
fn absurd_growth_over_a_long_horizon_is_an_error() {
    use kivijalka::model::projection::{Options, project};
    let text = std::fs::read_to_string(root().join("scenarios/baseline.toml"))
        .unwrap()
        .replace("horizon = 2035", "horizon = 2200")
        .replace(
            "price_index_pct = { 2026 = 2.3, 2027 = 2.1, 2028 = 2.0 }",
            "price_index_pct = 50",
        )
        .replace("cost_real_growth_pct = 0.3", "cost_real_growth_pct = 50");
    // Either the parser bounds the values or the projection says where the
    // amounts leave the decimal range; a panic is neither.
    if let Ok(sc) = scenario_file::parse_str(&text, "baseline.toml") {
        let e = project(&original().0, &sc, price_index(), Options::default())
            .expect_err("amounts beyond the decimal range");
        assert!(format!("{e:?}").contains("pct"), "{e:?}");
    }
}

#[test]
fn a_money_amount_beyond_the_decimal_range_is_an_error() {
    assert_eq!(
        scenario_file::parse_money("100000000000000000000000 M€"),
        None
    );
    let text = scenario_texts()
        .iter()
        .find(|(n, _)| n == "savings.toml")
        .unwrap()
        .1
        .replacen("\"1 M€\"", "\"100000000000000000000000 M€\"", 1);
    let (_, read) = load_mutated("regression", "savings.toml", &text);
    let e = read.expect_err("an amount beyond the decimal range");
    assert!(e.to_string().contains("amount"), "{e}");
}

#[test]
fn an_uncertainty_mean_outside_the_drivers_range_is_an_error() {
    use kivijalka::model::projection::{Options, project};
    let text = scenario_texts()
        .iter()
        .find(|(n, _)| n == "uncertain.toml")
        .unwrap()
        .1
        .replacen("mean = 3.0", "mean = -165342", 1);
    let (_, read) = load_mutated("regression", "uncertain.toml", &text);
    if let Ok(sc) = read {
        project(&original().0, &sc, price_index(), Options::default())
            .expect_err("earnings falling 165 342 % a year");
    }
}

/// A scenario file with some of its numbers set to extremes at once, so
/// that growth rates, horizons and amounts compound.
fn scenario_extremes() -> impl Strategy<Value = (String, String)> {
    (
        any::<Index>(),
        prop::collection::vec(
            prop::option::weighted(
                0.15,
                prop::sample::select(vec![
                    "0", "-99", "-100", "50", "99", "1000", "2200", "3000", "100000", "1e6",
                    "1e15", "1e30", "-1e30",
                ]),
            ),
            64,
        ),
    )
        .prop_map(|(which, values)| {
            let (name, text) = &scenario_texts()[which.index(scenario_texts().len())];
            let mut out = String::new();
            for (i, line) in text.lines().enumerate() {
                let number = line
                    .split_once('=')
                    .filter(|(_, v)| v.trim().parse::<f64>().is_ok());
                match (number, values[i % values.len()]) {
                    (Some((key, _)), Some(v)) => out.push_str(&format!("{key}= {v}")),
                    _ => out.push_str(line),
                }
                out.push('\n');
            }
            (name.clone(), out)
        })
}

// ------------------------------------------------------------ workbook files

#[test]
fn a_damaged_cell_reference_is_an_error() {
    let mut b = std::fs::read(example()).unwrap();
    // The byte proptest's Index(9676192311244954357) picks.
    let at = ((9_676_192_311_244_954_357u128 * b.len() as u128) >> 64) as usize;
    b[at] ^= 233;
    let dir = crate::support::tempdir("fuzz-cellref");
    let path = dir.join("kivikoski.xlsx");
    std::fs::write(&path, &b).unwrap();
    if let Err(e) = load_grids(&path) {
        assert!(e.to_string().contains("kivikoski.xlsx"), "{e}");
    }
}

/// One edit of a file's bytes.
#[derive(Clone, Debug)]
enum ByteEdit {
    Truncate(Index),
    Flip(Index, u8),
    Cut(Index, Index),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        any::<Index>().prop_map(ByteEdit::Truncate),
        (any::<Index>(), 1u8..=255).prop_map(|(i, x)| ByteEdit::Flip(i, x)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, n)| ByteEdit::Cut(a, n)),
    ]
}

/// The example workbook's bytes cut short, flipped or with a stretch cut
/// out, read as a file: a clean error naming the file, or sheets that the
/// statement reader answers as it answers any grid.
#[test]
fn workbook_files_with_damaged_bytes() {
    let bytes = std::fs::read(example()).unwrap();
    let dir = crate::support::tempdir("fuzz-bytes");
    let path = dir.join("kivikoski.xlsx");
    let tally = Tally::default();
    check(
        "bytes",
        200,
        prop::collection::vec(byte_edit(), 1..4),
        |edits| {
            let mut b = bytes.clone();
            for e in &edits {
                match e {
                    ByteEdit::Truncate(i) => b.truncate(i.index(b.len() + 1)),
                    ByteEdit::Flip(i, x) if !b.is_empty() => {
                        let i = i.index(b.len());
                        b[i] ^= x;
                    }
                    ByteEdit::Cut(a, n) if !b.is_empty() => {
                        let a = a.index(b.len());
                        let n = n.index(64.min(b.len() - a) + 1);
                        b.drain(a..a + n);
                    }
                    _ => {}
                }
            }
            std::fs::write(&path, &b).unwrap();
            let load = std::panic::catch_unwind(|| load_grids(&path));
            let load = match load {
                Ok(load) => load,
                Err(p) => std::panic::resume_unwind(p),
            };
            match load {
                Err(e) => {
                    clean_error(&e, WORKBOOK)?;
                    tally.clean_error.fetch_add(1, Ordering::Relaxed);
                }
                Ok(grids) => {
                    if let Some((_, kind)) = judge(read_grids(WORKBOOK, grids), &tally)? {
                        kind.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
            Ok(())
        },
    );
    tally.report("bytes");
}
