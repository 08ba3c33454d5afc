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
        (col("vuosikate") - col("gains") - col("net_investment")).alias("v1"),
        col("accumulated").alias("v2"),
        base.alias("base"),
        per_resident("group_debt", "population").alias("pr_now"),
        // A break year of the group compares with the like-for-like base
        // the targets give, or with nothing (`rules::group_previous`).
        when(col("group_base").is_not_null())
            .then(per_resident("group_base", "population_1"))
            .when(col("group_break"))
            .then(int_null())
            .otherwise(per_resident("group_debt_1", "population_1"))
            .alias("pr_prev"),
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
    let wide = wide.with_column(size_class(col("population")).alias("class"));
    let money = |i: i32, v: &str| {
        wide.clone().select([
            col("m"),
            col("year"),
            col("class"),
            lit(i).alias("indicator"),
            col(v).alias("value"),
            per_resident(v, "population").alias("peer_value"),
        ])
    };
    let ratio = |i: i32, v: &str, k: &str| {
        wide.clone().select([
            col("m"),
            col("year"),
            col("class"),
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

/// Population size classes for peers of like size: the lower bound of each
/// in residents, and its name in the export.
pub(super) const CLASSES: [(i64, &str); 5] = [
    (0, "0-4999"),
    (5_000, "5000-19999"),
    (20_000, "20000-49999"),
    (50_000, "50000-99999"),
    (100_000, "100000-"),
];

/// The size class (its place in `CLASSES`) of the year's population, in
/// hundredths of a resident; null without a positive population.
pub(super) fn size_class(population: Expr) -> Expr {
    let mut e = lit(NULL).cast(DataType::Int32);
    for (i, (lower, _)) in CLASSES.iter().enumerate() {
        let i = i32::try_from(i).unwrap_or(0);
        let from = if *lower == 0 { 1 } else { lower * 100 };
        e = when(population.clone().gt_eq(lit(from)))
            .then(lit(i))
            .otherwise(e);
    }
    e
}

/// Ranks (1 the best, equal values sharing the best rank of them) and
/// quartiles (linear between order statistics, QUARTILE.INC; rounded to
/// the hundredth half away from zero) per indicator and year: over all
/// municipalities (`rank`, `of`, `peer_q1`...) and within the year's size
/// class (`class_rank`, `class_of`, `class_q1`...).
pub(super) fn peers(values: LazyFrame) -> PolarsResult<LazyFrame> {
    let keys = [col("m"), col("year"), col("indicator")];
    let group = [col("indicator"), col("year")];
    let class = [col("indicator"), col("year"), col("class")];
    let (r_all, q_all) = stats(&values, &group, "")?;
    let (r_class, q_class) = stats(&values, &class, "class_")?;
    Ok(values
        .join(
            r_all,
            keys.clone(),
            keys.clone(),
            JoinArgs::new(JoinType::Left),
        )
        .join(q_all, group.clone(), group, JoinArgs::new(JoinType::Left))
        .join(r_class, keys.clone(), keys, JoinArgs::new(JoinType::Left))
        .join(q_class, class.clone(), class, JoinArgs::new(JoinType::Left))
        .sort(["m", "year", "indicator"], SortMultipleOptions::default()))
}

/// Ranks and quartiles within each `group`, their columns named with
/// `prefix` (`rank` and `of`; `peer_q1`... without a prefix).
fn stats(values: &LazyFrame, group: &[Expr], prefix: &str) -> PolarsResult<(LazyFrame, LazyFrame)> {
    let comparable = group.iter().fold(col("key").is_not_null(), |a, g| {
        a.and(g.clone().is_not_null())
    });
    let mut by_value = group.to_vec();
    by_value.push(col("order"));
    let ranked = values
        .clone()
        .filter(comparable.clone())
        .with_column(better_first().alias("order"))
        .sort_by_exprs(by_value.clone(), SortMultipleOptions::default())
        .with_row_index("pos", None)
        .with_column(
            (col("pos") - col("pos").min().over(group)? + lit(1))
                .cast(DataType::UInt32)
                .alias("place"),
        )
        .with_columns([
            col("place")
                .min()
                .over(by_value)?
                .alias(format!("{prefix}rank")),
            (col("place").count().over(group)?)
                .cast(DataType::UInt32)
                .alias(format!("{prefix}of")),
        ])
        .select([
            col("m"),
            col("year"),
            col("indicator"),
            col(format!("{prefix}rank")),
            col(format!("{prefix}of")),
        ]);
    let round = |e: Expr| {
        when(e.clone().gt_eq(lit(0.0)))
            .then((e.clone() + lit(0.5)).cast(DataType::Int64))
            .otherwise((e - lit(0.5)).cast(DataType::Int64))
    };
    let q = if prefix.is_empty() { "peer_" } else { prefix };
    let quantile = |p: f64| col("key").quantile(lit(p), QuantileMethod::Linear);
    let mut cols = group.to_vec();
    cols.extend([
        round(quantile(0.25)).alias(format!("{q}q1")),
        round(quantile(0.5)).alias(format!("{q}median")),
        round(quantile(0.75)).alias(format!("{q}q3")),
    ]);
    let quartiles = values
        .clone()
        .filter(comparable)
        .group_by(group)
        .agg(cols.split_off(group.len()));
    Ok((ranked, quartiles))
}
