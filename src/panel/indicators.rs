//! The five indicators and their peer statistics over the whole panel, as
//! polars expressions on the inputs frame (inputs.rs). Money stays in
//! integer cents: sums and differences are exact, and a quotient is
//! rounded half away from zero by integer arithmetic, as `money.rs` rounds.
//! Ranks and quartiles take a float key only to order and interpolate.

use polars::prelude::*;

/// `a / b` rounded half away from zero, for integers with `b` > 0.
fn div_half_away(a: Expr, b: Expr) -> Expr {
    let neg = a.clone().lt(lit(0i64));
    let abs = when(neg.clone()).then(lit(0i64) - a.clone()).otherwise(a);
    let q = (abs * lit(2i64) + b.clone()).floor_div(b * lit(2i64));
    when(neg).then(lit(0i64) - q.clone()).otherwise(q)
}

/// `col` of the same municipality `back` years earlier, by year (not by
/// row: a year missing from the table is missing here too).
fn earlier(lf: &LazyFrame, cols: &[&str], back: i32) -> LazyFrame {
    let mut sel = vec![col("m"), (col("year") + lit(back)).alias("year")];
    sel.extend(cols.iter().map(|c| col(*c).alias(format!("{c}_{back}"))));
    lf.clone().select(sel)
}

fn on_m_year() -> [Expr; 2] {
    [col("m"), col("year")]
}

fn left(a: LazyFrame, b: LazyFrame) -> LazyFrame {
    a.join(b, on_m_year(), on_m_year(), JoinArgs::new(JoinType::Left))
}

/// Indicator 2 where the year has no balance sheet: the last balance
/// sheet's surplus plus every later year's tilikauden ylijäämä to this one
/// (`Ctx::accumulated_surplus`), null if a year between is missing.
fn accumulated(lf: &LazyFrame) -> LazyFrame {
    let other = lf.clone().select([
        col("m"),
        col("year").alias("y2"),
        col("has_balance").alias("has2"),
        col("balance_surplus").alias("bs2"),
        col("year_surplus").alias("ys2"),
    ]);
    let pairs = lf.clone().select([col("m"), col("year")]).join(
        other,
        [col("m")],
        [col("m")],
        JoinArgs::new(JoinType::Inner),
    );
    let base = pairs
        .clone()
        .filter(col("has2").and(col("y2").lt_eq(col("year"))))
        .group_by([col("m"), col("year")])
        .agg([col("y2").max().alias("base")]);
    let base_value = lf.clone().select([
        col("m"),
        col("year").alias("base"),
        col("balance_surplus").alias("base_surplus"),
    ]);
    let base = base.join(
        base_value,
        [col("m"), col("base")],
        [col("m"), col("base")],
        JoinArgs::new(JoinType::Left),
    );
    let after = pairs
        .join(
            base.clone(),
            on_m_year(),
            on_m_year(),
            JoinArgs::new(JoinType::Inner),
        )
        .filter(col("y2").gt(col("base")).and(col("y2").lt_eq(col("year"))))
        .group_by([col("m"), col("year")])
        .agg([
            col("ys2").sum().alias("after_sum"),
            col("ys2").count().alias("after_n"),
        ]);
    left(base, after).select([
        col("m"),
        col("year"),
        when(col("base").eq(col("year")))
            .then(col("base_surplus"))
            .when(
                col("after_n")
                    .cast(DataType::Int64)
                    .eq((col("year") - col("base")).cast(DataType::Int64)),
            )
            .then(col("base_surplus") + col("after_sum"))
            .otherwise(lit(NULL).cast(DataType::Int64))
            .alias("accumulated"),
    ])
}

/// Indicator 5: the cash flow over `window` years ending with each year,
/// every one of them needed.
fn window_sum(lf: &LazyFrame, window: u32) -> LazyFrame {
    let other = lf.clone().select([
        col("m"),
        col("year").alias("y2"),
        col("cash_flow").alias("cf2"),
    ]);
    let w = i32::try_from(window).unwrap_or(i32::MAX);
    lf.clone()
        .select([col("m"), col("year")])
        .join(
            other,
            [col("m")],
            [col("m")],
            JoinArgs::new(JoinType::Inner),
        )
        .filter(
            col("y2")
                .gt(col("year") - lit(w))
                .and(col("y2").lt_eq(col("year"))),
        )
        .group_by([col("m"), col("year")])
        .agg([
            col("cf2").sum().alias("cf_sum"),
            col("cf2").count().alias("cf_n"),
        ])
        .select([
            col("m"),
            col("year"),
            when(col("cf_n").cast(DataType::Int64).eq(lit(i64::from(window))))
                .then(col("cf_sum"))
                .otherwise(lit(NULL).cast(DataType::Int64))
                .alias("cumulative_cash_flow"),
        ])
}

/// One row per municipality, year and indicator: `value` in hundredths of
/// the indicator's unit (cents; hundredths of a percent for indicator 3;
/// cents per resident for 4), `peer_value` what peers compare in hundredths
/// of its unit (cents per resident for the indicators in euros), and
/// `key`, the same unrounded, to rank and interpolate by. Null where the
/// per-municipality result is not measurable.
pub(super) fn values(inputs: DataFrame, years: DataFrame, window: u32) -> PolarsResult<LazyFrame> {
    let lf = inputs.lazy();
    let prev = earlier(&lf, &["net_cost", "group_debt", "population"], 1);
    let wide = left(left(lf.clone(), prev), accumulated(&lf));
    let wide = left(wide, window_sum(&lf, window)).join(
        years.lazy(),
        [col("year")],
        [col("year")],
        JoinArgs::new(JoinType::Left),
    );
    let int_null = || lit(NULL).cast(DataType::Int64);
    let base = when(col("adjusted_base").is_not_null())
        .then(col("adjusted_base"))
        .when(col("break_year"))
        .then(int_null())
        .otherwise(col("net_cost_1"));
    let pop_ok = |p: &str| col(p).gt(lit(0i64));
    let per_resident = |debt: &str, pop: &str| {
        when(pop_ok(pop))
            .then(div_half_away(col(debt) * lit(100i64), col(pop)))
            .otherwise(int_null())
    };
    let wide = wide.with_columns([
        (col("vuosikate") - col("net_investment")).alias("v1"),
        col("accumulated").alias("v2"),
        base.alias("base"),
        per_resident("group_debt", "population").alias("pr_now"),
        per_resident("group_debt_1", "population_1").alias("pr_prev"),
        col("cumulative_cash_flow").alias("v5"),
    ]);
    let growth_ok = col("net_cost")
        .is_not_null()
        .and(col("base").gt(lit(0i64)))
        .and(col("has_index"));
    let diff = col("net_cost") - col("base");
    let wide = wide.with_columns([
        when(growth_ok.clone())
            .then(div_half_away(diff.clone() * lit(10_000i64), col("base")))
            .otherwise(int_null())
            .alias("v3"),
        when(growth_ok)
            .then(
                diff.cast(DataType::Float64) / col("base").cast(DataType::Float64) * lit(10_000.0),
            )
            .otherwise(lit(NULL).cast(DataType::Float64))
            .alias("k3"),
        when(col("pr_prev").is_not_null())
            .then(col("pr_now"))
            .otherwise(int_null())
            .alias("v4"),
        when(col("pr_prev").is_not_null().and(pop_ok("population")))
            .then(
                col("group_debt").cast(DataType::Float64) * lit(100.0)
                    / col("population").cast(DataType::Float64),
            )
            .otherwise(lit(NULL).cast(DataType::Float64))
            .alias("k4"),
    ]);
    let money = |i: i32, v: &str| {
        wide.clone().select([
            col("m"),
            col("year"),
            lit(i).alias("indicator"),
            col(v).alias("value"),
            per_resident(v, "population").alias("peer_value"),
        ])
    };
    let ratio = |i: i32, v: &str, k: &str| {
        wide.clone().select([
            col("m"),
            col("year"),
            lit(i).alias("indicator"),
            col(v).alias("value"),
            col(v).alias("peer_value"),
            col(k).alias("key"),
        ])
    };
    let with_key =
        |lf: LazyFrame| lf.with_column(col("peer_value").cast(DataType::Float64).alias("key"));
    concat(
        [
            with_key(money(1, "v1")),
            with_key(money(2, "v2")),
            ratio(3, "v3", "k3"),
            ratio(4, "v4", "k4"),
            with_key(money(5, "v5")),
        ],
        UnionArgs::default(),
    )
}

/// Whether a higher value ranks first (`peers::higher_is_better`).
fn better_first() -> Expr {
    when(col("indicator").eq(lit(3)).or(col("indicator").eq(lit(4))))
        .then(col("key"))
        .otherwise(lit(0.0) - col("key"))
}

/// Ranks (1 the best, equal values sharing the best rank of them) and
/// quartiles (linear between order statistics, QUARTILE.INC; rounded to
/// the hundredth half away from zero) per indicator and year.
pub(super) fn peers(values: LazyFrame) -> PolarsResult<LazyFrame> {
    let group = || [col("indicator"), col("year")];
    let ranked = values
        .clone()
        .filter(col("key").is_not_null())
        .with_column(better_first().alias("order"))
        .sort_by_exprs(
            [col("indicator"), col("year"), col("order")],
            SortMultipleOptions::default(),
        )
        .with_row_index("pos", None)
        .with_column(
            (col("pos") - col("pos").min().over(group())? + lit(1))
                .cast(DataType::UInt32)
                .alias("place"),
        )
        .with_columns([
            col("place")
                .min()
                .over([col("indicator"), col("year"), col("order")])?
                .alias("rank"),
            col("place")
                .count()
                .over(group())?
                .cast(DataType::UInt32)
                .alias("of"),
        ])
        .select([
            col("m"),
            col("year"),
            col("indicator"),
            col("rank"),
            col("of"),
        ]);
    let round = |e: Expr| {
        when(e.clone().gt_eq(lit(0.0)))
            .then((e.clone() + lit(0.5)).cast(DataType::Int64))
            .otherwise((e - lit(0.5)).cast(DataType::Int64))
    };
    let quartiles = values
        .clone()
        .filter(col("key").is_not_null())
        .group_by(group())
        .agg([
            col("key")
                .quantile(lit(0.25), QuantileMethod::Linear)
                .alias("q1"),
            col("key")
                .quantile(lit(0.5), QuantileMethod::Linear)
                .alias("median"),
            col("key")
                .quantile(lit(0.75), QuantileMethod::Linear)
                .alias("q3"),
        ])
        .select([
            col("indicator"),
            col("year"),
            round(col("q1")).alias("peer_q1"),
            round(col("median")).alias("peer_median"),
            round(col("q3")).alias("peer_q3"),
        ]);
    let keys = [col("m"), col("year"), col("indicator")];
    Ok(values
        .join(ranked, keys.clone(), keys, JoinArgs::new(JoinType::Left))
        .join(quartiles, group(), group(), JoinArgs::new(JoinType::Left))
        .sort(["m", "year", "indicator"], SortMultipleOptions::default()))
}
