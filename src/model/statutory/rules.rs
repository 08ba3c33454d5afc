//! The rule book of data/statutory.toml, typed and checked.
//!
//! Parsing takes the text and the file's name and reads nothing itself, so
//! the model stays free of I/O. Every bound is checked here once; an error
//! names the file, the key and, where the TOML reader knows it, the line.

use crate::error::Text;
use crate::text;
use std::fmt;

use rust_decimal::Decimal;
use serde::Deserialize;

/// The rule book shipped with the tool.
pub const BUILTIN: &str = include_str!("../../../data/statutory.toml");

/// Statement years outside this span are a typing mistake, not a law.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub format: u32,
    #[serde(default)]
    pub deficit_rule: Vec<DeficitRule>,
    #[serde(default)]
    pub deficit_transition: Vec<DeficitTransition>,
    #[serde(default)]
    pub deficit_extension: Vec<DeficitExtension>,
    #[serde(default)]
    pub criteria: Vec<Criteria>,
    #[serde(default)]
    pub national: Vec<National>,
}

/// 110 § 3 mom.: when a deficit that arose in a statement year must be gone.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DeficitRule {
    pub from_year: i32,
    pub approval_lag_years: i32,
    pub coverage_years: i32,
    pub source: String,
}

/// 148 § 1–2 mom.: the deficit in the statements of `statement_year`,
/// however old, is due by `deadline`, or by `large_deadline` when it was
/// over `large_over_per_resident_eur` a resident.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DeficitTransition {
    pub statement_year: i32,
    pub deadline: i32,
    pub large_over_per_resident_eur: Decimal,
    pub large_deadline: i32,
    pub source: String,
}

/// A temporary longer deadline that a municipality may be granted.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DeficitExtension {
    pub deadlines_from: i32,
    pub deadlines_to: i32,
    pub extra_years: i32,
    pub source: String,
}

/// 118 § 3 mom.: the thresholds of the assessment procedure.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    pub from_evaluation_year: i32,
    pub deficit_per_resident_latest_eur: Decimal,
    pub deficit_per_resident_previous_eur: Decimal,
    pub margin_to_depreciation_below_pct: Decimal,
    pub tax_rate_above_average_pp: Decimal,
    pub loans_to_average_at_least_pct: Decimal,
    pub debt_service_below: Decimal,
    pub debt_service_loan_divisor: Decimal,
    pub consecutive_years: u32,
    pub source: String,
}

/// The national figures the criteria compare with, for one statement year.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct National {
    pub year: i32,
    pub weighted_income_tax_rate_pct: Option<Decimal>,
    pub group_loans_and_leases_per_resident_eur: Option<Decimal>,
    pub source: String,
}

/// A rule book that cannot be used: which file, which key, why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RulesError {
    pub file: String,
    /// The key as a path ("criteria[0].debt_service_below"), or empty when
    /// the TOML itself is broken.
    pub key: String,
    pub line: Option<usize>,
    /// Boxed: three sentences inline would make every `Result` of the
    /// rule book carry them.
    pub message: Box<Text>,
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.line {
            write!(f, ", line {l}")?;
        }
        if !self.key.is_empty() {
            write!(f, ", {}", self.key)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for RulesError {}

impl Rules {
    /// The rule book shipped with the tool.
    pub fn builtin() -> Result<Rules, RulesError> {
        Rules::parse(BUILTIN, "data/statutory.toml")
    }

    /// `text` read as a rule book; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Rules, RulesError> {
        let rules: Rules = toml::from_str(text).map_err(|e| RulesError {
            file: file.to_string(),
            key: String::new(),
            line: e
                .span()
                .map(|s| text[..s.start.min(text.len())].lines().count().max(1)),
            message: {
                let m = e.message();
                Box::new(text!("TOML-virhe: {m}", "TOML-fel: {m}", "{m}"))
            },
        })?;
        rules.check().map_err(|(key, message)| RulesError {
            file: file.to_string(),
            key,
            line: None,
            message: Box::new(message),
        })?;
        Ok(rules)
    }

    /// This rule book with `over` laid on it: an entry of `over` replaces
    /// the entry of the same year (the same `from_year`, `deadlines_from`,
    /// `from_evaluation_year` or `year`) and is added otherwise, so a
    /// finance department's file need hold only what it changes, such as
    /// the latest national averages.
    pub fn overlay(mut self, over: Rules) -> Rules {
        fn lay<T>(base: &mut Vec<T>, over: Vec<T>, key: impl Fn(&T) -> i32) {
            for o in over {
                match base.iter_mut().find(|b| key(b) == key(&o)) {
                    Some(b) => *b = o,
                    None => base.push(o),
                }
            }
        }
        lay(&mut self.deficit_rule, over.deficit_rule, |r| r.from_year);
        lay(&mut self.deficit_transition, over.deficit_transition, |t| {
            t.statement_year
        });
        lay(&mut self.deficit_extension, over.deficit_extension, |x| {
            x.deadlines_from
        });
        lay(&mut self.criteria, over.criteria, |c| {
            c.from_evaluation_year
        });
        lay(&mut self.national, over.national, |n| n.year);
        self
    }

    /// The deficit rule governing a deficit that arose in `year`.
    pub fn deficit_rule(&self, year: i32) -> Option<&DeficitRule> {
        self.deficit_rule
            .iter()
            .filter(|r| r.from_year <= year)
            .max_by_key(|r| r.from_year)
    }

    /// The transitional rule for deficits up to the statements of its year;
    /// with several, the latest.
    pub fn deficit_transition(&self) -> Option<&DeficitTransition> {
        self.deficit_transition
            .iter()
            .max_by_key(|t| t.statement_year)
    }

    /// The extension a deadline in `deadline` could be given, if any.
    pub fn extension(&self, deadline: i32) -> Option<&DeficitExtension> {
        self.deficit_extension
            .iter()
            .find(|x| (x.deadlines_from..=x.deadlines_to).contains(&deadline))
    }

    /// The thresholds an assessment made in `evaluation_year` applies.
    pub fn criteria(&self, evaluation_year: i32) -> Option<&Criteria> {
        self.criteria
            .iter()
            .filter(|c| c.from_evaluation_year <= evaluation_year)
            .max_by_key(|c| c.from_evaluation_year)
    }

    /// The national figures of statement year `year`.
    pub fn national(&self, year: i32) -> Option<&National> {
        self.national.iter().find(|n| n.year == year)
    }

    fn check(&self) -> Result<(), (String, Text)> {
        if self.format != 1 {
            return Err(("format".into(), {
                let f = self.format;
                text!(
                    "muotoa {f} ei tunneta; tämä versio lukee muotoa 1",
                    "formatet {f} är okänt; den här versionen läser format 1",
                    "format {f} is not known; this version reads format 1"
                )
            }));
        }
        for (i, r) in self.deficit_rule.iter().enumerate() {
            let k = |f: &str| format!("deficit_rule[{i}].{f}");
            year(&k("from_year"), r.from_year)?;
            within(&k("approval_lag_years"), r.approval_lag_years, 0, 5)?;
            within(&k("coverage_years"), r.coverage_years, 0, 20)?;
        }
        unique(
            self.deficit_rule.iter().map(|r| r.from_year),
            "deficit_rule",
            "from_year",
        )?;
        for (i, t) in self.deficit_transition.iter().enumerate() {
            let k = |f: &str| format!("deficit_transition[{i}].{f}");
            year(&k("statement_year"), t.statement_year)?;
            year(&k("deadline"), t.deadline)?;
            year(&k("large_deadline"), t.large_deadline)?;
            if t.deadline < t.statement_year {
                return Err((
                    k("deadline"),
                    text!(
                        "on ennen kohtaa statement_year",
                        "är före statement_year",
                        "is before statement_year"
                    ),
                ));
            }
            if t.large_deadline < t.deadline {
                return Err((
                    k("large_deadline"),
                    text!(
                        "on ennen kohtaa deadline",
                        "är före deadline",
                        "is before deadline"
                    ),
                ));
            }
            if t.large_over_per_resident_eur < Decimal::ZERO {
                return Err((
                    k("large_over_per_resident_eur"),
                    text!("on negatiivinen", "är negativ", "is negative"),
                ));
            }
        }
        unique(
            self.deficit_transition.iter().map(|t| t.statement_year),
            "deficit_transition",
            "statement_year",
        )?;
        for (i, x) in self.deficit_extension.iter().enumerate() {
            let k = |f: &str| format!("deficit_extension[{i}].{f}");
            year(&k("deadlines_from"), x.deadlines_from)?;
            year(&k("deadlines_to"), x.deadlines_to)?;
            if x.deadlines_to < x.deadlines_from {
                return Err((
                    k("deadlines_to"),
                    text!(
                        "on ennen kohtaa deadlines_from",
                        "är före deadlines_from",
                        "is before deadlines_from"
                    ),
                ));
            }
            within(&k("extra_years"), x.extra_years, 1, 10)?;
        }
        for (i, c) in self.criteria.iter().enumerate() {
            let k = |f: &str| format!("criteria[{i}].{f}");
            year(&k("from_evaluation_year"), c.from_evaluation_year)?;
            let eur = Decimal::from(100_000);
            within(
                &k("deficit_per_resident_latest_eur"),
                c.deficit_per_resident_latest_eur,
                Decimal::ZERO,
                eur,
            )?;
            within(
                &k("deficit_per_resident_previous_eur"),
                c.deficit_per_resident_previous_eur,
                Decimal::ZERO,
                eur,
            )?;
            within(
                &k("margin_to_depreciation_below_pct"),
                c.margin_to_depreciation_below_pct,
                Decimal::ZERO,
                Decimal::from(1000),
            )?;
            within(
                &k("tax_rate_above_average_pp"),
                c.tax_rate_above_average_pp,
                Decimal::ZERO,
                Decimal::from(50),
            )?;
            within(
                &k("loans_to_average_at_least_pct"),
                c.loans_to_average_at_least_pct,
                Decimal::ZERO,
                Decimal::from(10_000),
            )?;
            within(
                &k("debt_service_below"),
                c.debt_service_below,
                Decimal::ZERO,
                Decimal::from(100),
            )?;
            within(
                &k("debt_service_loan_divisor"),
                c.debt_service_loan_divisor,
                Decimal::ONE,
                Decimal::from(100),
            )?;
            if !(1..=10).contains(&c.consecutive_years) {
                return Err((k("consecutive_years"), {
                    let n = c.consecutive_years;
                    text!(
                        "{n} on välin 1..10 ulkopuolella",
                        "{n} ligger utanför 1..10",
                        "{n} is outside 1..10"
                    )
                }));
            }
        }
        unique(
            self.criteria.iter().map(|c| c.from_evaluation_year),
            "criteria",
            "from_evaluation_year",
        )?;
        for (i, n) in self.national.iter().enumerate() {
            let k = |f: &str| format!("national[{i}].{f}");
            year(&k("year"), n.year)?;
            if let Some(v) = n.weighted_income_tax_rate_pct {
                within(
                    &k("weighted_income_tax_rate_pct"),
                    v,
                    Decimal::ZERO,
                    Decimal::from(100),
                )?;
            }
            if let Some(v) = n.group_loans_and_leases_per_resident_eur {
                within(
                    &k("group_loans_and_leases_per_resident_eur"),
                    v,
                    Decimal::ZERO,
                    Decimal::from(1_000_000),
                )?;
            }
        }
        unique(self.national.iter().map(|n| n.year), "national", "year")?;
        Ok(())
    }
}

fn year(key: &str, y: i32) -> Result<(), (String, Text)> {
    if YEARS.contains(&y) {
        Ok(())
    } else {
        Err((
            key.to_string(),
            text!(
                "{y} ei ole vuosi väliltä 1990–2100",
                "{y} är inte ett år mellan 1990 och 2100",
                "{y} is not a year between 1990 and 2100"
            ),
        ))
    }
}

/// `v` within `lo..=hi`, or the key and why not.
fn within<T: PartialOrd + std::fmt::Display>(
    key: &str,
    v: T,
    lo: T,
    hi: T,
) -> Result<(), (String, Text)> {
    if v >= lo && v <= hi {
        Ok(())
    } else {
        Err((
            key.to_string(),
            text!(
                "{v} on välin {lo}..{hi} ulkopuolella",
                "{v} ligger utanför {lo}..{hi}",
                "{v} is outside {lo}..{hi}"
            ),
        ))
    }
}

/// Two entries from the same year would make the choice between them depend
/// on their order in the file.
fn unique(
    years: impl Iterator<Item = i32>,
    table: &str,
    field: &str,
) -> Result<(), (String, Text)> {
    let mut seen = Vec::new();
    for (i, y) in years.enumerate() {
        if seen.contains(&y) {
            return Err((
                format!("{table}[{i}].{field}"),
                text!(
                    "{y} esiintyy kahdesti",
                    "{y} förekommer två gånger",
                    "{y} appears twice"
                ),
            ));
        }
        seen.push(y);
    }
    Ok(())
}
