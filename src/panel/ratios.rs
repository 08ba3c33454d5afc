//! The key ratios (`model::ratios::RATIOS`) of every municipality, entity
//! and year at once, as polars expressions over the lines they read.
//!
//! Each line comes in as the per-municipality rule reads it (`Ctx::need`:
//! printed or summed from a complete set of its lines, else null;
//! `Ctx::opt`: the same, but zero where the line is simply not printed),
//! in integer cents. The arithmetic, the fallbacks, the five-year window,
//! the divisions and their rounding are expressions here: a null input or
//! a zero denominator gives null, never 0, where the exact rule says "not
//! measurable". Two figures come in whole: the loan stock and the loans
//! receivable, whose itemisation checks walk the line tree.

use polars::prelude::*;

use crate::model::dataset::{Dataset, Entity};
use crate::model::items::Statement;
use crate::model::ratios::{Ctx, Measure, RATIOS, Unit};
use crate::model::targets::Targets;

use super::frame::to_cents;

/// How a line is read, as `Ctx` reads it.
#[derive(Clone, Copy)]
enum Read {
    /// Required: null where not there.
    Need,
    /// A detail line: zero where not printed, null where only in part.
    Opt,
    /// The line if it is there, for a rule with a fallback.
    Line,
}

use Read::{Line, Need, Opt};

/// Every line the ratios read, and how.
const READS: &[(Read, &str)] = &[
    (Need, "tl.toimintatuotot"),
    (Need, "tl.toimintakulut"),
    (Opt, "tl.valmistus_omaan_kayttoon"),
    (Need, "tl.toimintakate"),
    (Need, "tl.verotulot"),
    (Need, "tl.valtionosuudet"),
    (Need, "tl.vuosikate"),
    (Need, "tl.poistot_ja_arvonalentumiset"),
    (Opt, "tl.omistuksen_eliminointierot"),
    (Need, "tl.korkokulut"),
    (Opt, "tl.korkokulut"),
    (Opt, "tl.muut_rahoituskulut"),
    (Opt, "tl.satunnaiset_kulut"),
    (Need, "rl.investointimenot"),
    (Opt, "rl.rahoitusosuudet"),
    (Opt, "rl.luovutustulot"),
    (Need, "rl.pitkaaikaisten_lainojen_vahennys"),
    (Opt, "rl.pitkaaikaisten_lainojen_vahennys"),
    (Opt, "rl.antolainasaamisten_lisaykset"),
    (Line, "rl.rahavarat_31_12"),
    (Need, "rl.toiminnan_ja_investointien_rahavirta"),
    (Need, "ta.rahat_ja_pankkisaamiset"),
    (Opt, "ta.rahoitusarvopaperit"),
    (Need, "ta.oma_paaoma"),
    (Opt, "ta.vahemmistoosuudet"),
    (Opt, "ta.konsernireservi"),
    (Opt, "ta.poistoero_ja_varaukset"),
    (Need, "ta.vastattavaa"),
    (Opt, "ta.pa_saadut_ennakot"),
    (Opt, "ta.la_saadut_ennakot"),
    (Need, "ta.vieras_paaoma"),
    (Need, "ta.edellisten_ylijaama"),
    (Need, "ta.tilikauden_ylijaama"),
];

fn name(read: Read, id: &str) -> String {
    match read {
        Need => id.to_string(),
        Opt => format!("{id}|opt"),
        Line => format!("{id}|line"),
    }
}

/// A column of cents, widened so that no product of the rules (up to
/// 73 000 times a figure) can overflow: a figure fits 64 bits, its
/// products may not.
fn wide(name: impl Into<PlSmallStr>) -> Expr {
    col(name).cast(DataType::Int128)
}

fn need(id: &str) -> Expr {
    wide(name(Need, id))
}

fn opt(id: &str) -> Expr {
    wide(name(Opt, id))
}

fn cents(m: Measure) -> Option<i64> {
    m.ok().and_then(|v| i64::try_from(to_cents(v)).ok())
}

/// The entities the exact rule computes ratios for: those with a statement.
pub(super) fn entities(ds: &Dataset) -> Vec<Entity> {
    let statements = [
        Statement::Tuloslaskelma,
        Statement::Rahoituslaskelma,
        Statement::Tase,
    ];
    (ds.entities().into_iter())
        .filter(|e| statements.iter().any(|s| ds.has_statement(*e, *s)))
        .collect()
}

/// One row per municipality, entity and year: the lines of `READS` in
/// cents, and what the rules read besides.
#[derive(Default)]
pub(super) struct Inputs {
    m: Vec<u32>,
    year: Vec<i32>,
    /// 0 the city, 1 the group.
    entity: Vec<u32>,
    lines: Vec<Vec<Option<i64>>>,
    /// Whether the depreciation line itself is printed: only then are the
    /// ownership elimination differences in it to take out.
    poistot_printed: Vec<bool>,
    lainakanta: Vec<Option<i64>>,
    lainasaamiset: Vec<Option<i64>>,
    /// The entity's lease liabilities from the city's background sheet.
    vuokravastuut: Vec<Option<i64>>,
    /// Residents in hundredths.
    population: Vec<Option<i64>>,
}

impl Inputs {
    pub(super) fn add(&mut self, m: u32, ds: &Dataset, targets: &Targets) {
        let c = Ctx::quiet(ds, targets);
        if self.lines.is_empty() {
            self.lines = vec![Vec::new(); READS.len()];
        }
        for e in entities(ds) {
            for &y in ds.years.keys() {
                self.m.push(m);
                self.year.push(y);
                self.entity.push(match e {
                    Entity::City => 0,
                    Entity::Group => 1,
                });
                for (column, (read, id)) in self.lines.iter_mut().zip(READS) {
                    column.push(match read {
                        Need => cents(c.need(e, id, y)),
                        Opt => cents(c.opt(e, id, y)),
                        Line => c.line(e, id, y).and_then(|v| cents(Ok(v))),
                    });
                }
                let printed = ds.get(e, "tl.poistot_ja_arvonalentumiset", y);
                self.poistot_printed.push(printed.is_some());
                self.lainakanta.push(cents(c.lainakanta(e, y)));
                self.lainasaamiset.push(cents(c.lainasaamiset(e, y)));
                self.vuokravastuut.push(cents(c.vuokravastuut(e, y)));
                self.population.push(cents(c.population(y)));
            }
        }
    }

    pub(super) fn frame(self) -> PolarsResult<DataFrame> {
        let mut columns = vec![
            Column::new("m".into(), self.m),
            Column::new("year".into(), self.year),
            Column::new("entity".into(), self.entity),
            Column::new("poistot_printed".into(), self.poistot_printed),
            Column::new("lainakanta".into(), self.lainakanta),
            Column::new("lainasaamiset".into(), self.lainasaamiset),
            Column::new("vuokravastuut".into(), self.vuokravastuut),
            Column::new("population".into(), self.population),
        ];
        // Without a single row, each line is an empty column still.
        let mut lines = self.lines;
        lines.resize(READS.len(), Vec::new());
        for (values, (read, id)) in lines.into_iter().zip(READS) {
            columns.push(Column::new(name(*read, id).into(), values));
        }
        DataFrame::new_infer_height(columns)
    }
}

fn int_null() -> Expr {
    lit(NULL).cast(DataType::Int128)
}

fn abs(e: Expr) -> Expr {
    when(e.clone().lt(lit(0i64)))
        .then(lit(0i64) - e.clone())
        .otherwise(e)
}

/// `a / b` rounded half away from zero (`money::round`), for integers of
/// either sign; null where `b` is zero, as `ratios::div` is not measurable.
pub(super) fn div_round(a: Expr, b: Expr) -> Expr {
    let negative = a.clone().lt(lit(0i64)).xor(b.clone().lt(lit(0i64)));
    let (a, b) = (abs(a), abs(b));
    let q = (a * lit(2i64) + b.clone()).floor_div(b.clone() * lit(2i64));
    when(b.eq(lit(0i64)))
        .then(int_null())
        .when(negative)
        .then(lit(0i64) - q.clone())
        .otherwise(q)
}

/// Hundredths of a percent: 100 × a / b.
fn pct(a: Expr, b: Expr) -> Expr {
    div_round(a * lit(10_000i64), b)
}

/// Hundredths of a euro per resident (the population is in hundredths).
fn per_resident(v: Expr) -> Expr {
    div_round(v * lit(100i64), wide("population"))
}

/// `Ctx::poistot`: a positive amount, less the group's ownership
/// elimination differences where the depreciation line itself is printed.
fn poistot() -> Expr {
    let p = need("tl.poistot_ja_arvonalentumiset");
    abs(when(col("poistot_printed"))
        .then(p.clone() - opt("tl.omistuksen_eliminointierot"))
        .otherwise(p))
}

/// `Ctx::rahavarat`: the cash flow statement's cash at year end, or the
/// balance sheet's bank and securities.
fn rahavarat() -> Expr {
    let bank = need("ta.rahat_ja_pankkisaamiset") + opt("ta.rahoitusarvopaperit");
    when(wide(name(Line, "rl.rahavarat_31_12")).is_not_null())
        .then(wide(name(Line, "rl.rahavarat_31_12")))
        .otherwise(bank)
}

/// `ratios::kassan_riittavyys_pv`'s payments out of the cash.
fn kassasta_maksut() -> Expr {
    abs(need("tl.toimintakulut")) - opt("tl.valmistus_omaan_kayttoon")
        + abs(opt("tl.korkokulut"))
        + abs(opt("tl.muut_rahoituskulut"))
        + abs(opt("tl.satunnaiset_kulut"))
        + abs(need("rl.investointimenot"))
        + abs(opt("rl.antolainasaamisten_lisaykset"))
        + abs(opt("rl.pitkaaikaisten_lainojen_vahennys"))
}

fn saadut_ennakot() -> Expr {
    opt("ta.pa_saadut_ennakot") + opt("ta.la_saadut_ennakot")
}

/// The ratio of `id`, in hundredths of its unit; `loan_term` in years.
fn expression(id: &str, loan_term: i64) -> Option<Expr> {
    let vuosikate = || need("tl.vuosikate");
    let lainat_ja_vuokrat = || wide("lainakanta") + wide("vuokravastuut");
    let korot = || abs(need("tl.korkokulut"));
    let e = match id {
        "toimintatuotot_pct_toimintakuluista" => pct(
            need("tl.toimintatuotot"),
            abs(need("tl.toimintakulut")) - opt("tl.valmistus_omaan_kayttoon"),
        ),
        "vuosikate_pct_poistoista" => pct(vuosikate(), poistot()),
        "vuosikate_per_asukas" => per_resident(vuosikate()),
        "nettomenot_per_asukas" => per_resident(lit(0i64) - need("tl.toimintakate")),
        "verotulot_per_asukas" => per_resident(need("tl.verotulot")),
        "valtionosuudet_per_asukas" => per_resident(need("tl.valtionosuudet")),
        "nettoinvestoinnit" => {
            abs(need("rl.investointimenot")) - opt("rl.rahoitusosuudet") - opt("rl.luovutustulot")
        }
        "investointien_tulorahoitus_pct" => pct(
            vuosikate(),
            abs(need("rl.investointimenot")) - opt("rl.rahoitusosuudet"),
        ),
        "lainanhoitokate" => div_round(
            (vuosikate() + korot()) * lit(100i64),
            korot() + abs(need("rl.pitkaaikaisten_lainojen_vahennys")),
        ),
        // korot + lainakanta / laina-aika, multiplied through by the term
        // so that the division is the last step.
        "laskennallinen_lainanhoitokate" => div_round(
            (vuosikate() + korot()) * lit(100 * loan_term),
            korot() * lit(loan_term) + wide("lainakanta"),
        ),
        "kassan_riittavyys_pv" => div_round(rahavarat() * lit(36_500i64), kassasta_maksut()),
        "omavaraisuusaste_pct" => pct(
            need("ta.oma_paaoma")
                + opt("ta.vahemmistoosuudet")
                + opt("ta.konsernireservi")
                + opt("ta.poistoero_ja_varaukset"),
            need("ta.vastattavaa") - saadut_ennakot(),
        ),
        "suhteellinen_velkaantuneisuus_pct" => pct(
            need("ta.vieras_paaoma") - saadut_ennakot(),
            need("tl.toimintatuotot") + need("tl.verotulot") + need("tl.valtionosuudet"),
        ),
        "kertynyt_ylijaama" => kertynyt(),
        "kertynyt_ylijaama_per_asukas" => per_resident(kertynyt()),
        "lainakanta" => wide("lainakanta"),
        "lainakanta_per_asukas" => per_resident(wide("lainakanta")),
        "lainat_ja_vuokravastuut" => lainat_ja_vuokrat(),
        "lainat_ja_vuokravastuut_per_asukas" => per_resident(lainat_ja_vuokrat()),
        "lainasaamiset" => wide("lainasaamiset"),
        "ti_kertyma_5v" => wide("ti_kertyma_5v"),
        "asukasluku" => wide("population"),
        _ => return None,
    };
    Some(e)
}

fn kertynyt() -> Expr {
    need("ta.edellisten_ylijaama") + need("ta.tilikauden_ylijaama")
}

/// The window of `ti_kertyma_5v`: the cash flow of the year and the four
/// before, every one of them needed (`rules::window_sum`), found by year,
/// not by row, so a year missing from the table is missing here too.
fn window_sum(lf: &LazyFrame, window: i32) -> LazyFrame {
    let keys = || [col("m"), col("entity")];
    let flow = lf.clone().select([
        col("m"),
        col("entity"),
        col("year").alias("y2"),
        need("rl.toiminnan_ja_investointien_rahavirta").alias("flow"),
    ]);
    lf.clone()
        .select([col("m"), col("entity"), col("year")])
        .join(flow, keys(), keys(), JoinArgs::new(JoinType::Inner))
        .filter(
            col("y2")
                .gt(col("year") - lit(window))
                .and(col("y2").lt_eq(col("year"))),
        )
        .group_by([col("m"), col("entity"), col("year")])
        .agg([
            col("flow").sum().alias("flow_sum"),
            col("flow").count().alias("flow_n"),
        ])
        .select([
            col("m"),
            col("entity"),
            col("year"),
            when(
                col("flow_n")
                    .cast(DataType::Int64)
                    .eq(lit(i64::from(window))),
            )
            .then(col("flow_sum"))
            .otherwise(int_null())
            .alias("ti_kertyma_5v"),
        ])
}

/// Every ratio of `RATIOS` as a column named by its id, in hundredths of
/// its unit, one row per municipality, entity and year (sorted so).
pub(super) fn values(inputs: DataFrame, loan_term: u32) -> PolarsResult<LazyFrame> {
    let lf = inputs.lazy();
    let keys = || [col("m"), col("entity"), col("year")];
    let lf = lf.clone().join(
        window_sum(&lf, 5),
        keys(),
        keys(),
        JoinArgs::new(JoinType::Left),
    );
    let mut cols = keys().to_vec();
    for def in RATIOS {
        let e = expression(def.id, i64::from(loan_term)).ok_or_else(
            || polars_err!(ComputeError: "the key ratio {} has no panel expression", def.id),
        )?;
        // Hundredths of a unit beyond 64 bits (a quotient of absurd
        // figures) are null rather than wrapped.
        cols.push(e.cast(DataType::Int64).alias(def.id));
    }
    Ok(lf
        .select(cols)
        .sort(["m", "entity", "year"], SortMultipleOptions::default()))
}

/// A ratio's unit in the export.
pub(super) fn unit(u: Unit) -> &'static str {
    match u {
        // The quotient has no symbol; an empty unit would read as null.
        Unit::Ratio => "ratio",
        u => u.symbol_en(),
    }
}

/// `ratio.<id>` for each ratio, made once so that the export's rows can
/// borrow them.
static LINES: std::sync::LazyLock<Vec<(&'static str, String)>> = std::sync::LazyLock::new(|| {
    (RATIOS.iter())
        .map(|d| (d.id, format!("ratio.{}", d.id)))
        .collect()
});

/// A ratio's line in the export: `ratio.<id>`.
pub(super) fn line(id: &str) -> &'static str {
    (LINES.iter().find(|(i, _)| *i == id))
        .map(|(_, l)| l.as_str())
        .unwrap_or("ratio")
}
