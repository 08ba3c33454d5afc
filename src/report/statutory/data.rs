//! The statutory report as CSV (a row per year and test) and JSON.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::model::dataset::{Dataset, YearKind};
use crate::model::statutory::{
    Criterion, CriterionKind, Input, Missing, Outcome, Rules, Status, Statutory,
};
use crate::report::format::Lang;
use crate::report::{csv_out, reason};

use super::table::*;
use super::words::*;

pub(super) fn kind_str(k: Option<&YearKind>) -> String {
    k.map(ToString::to_string).unwrap_or_default()
}

pub(super) fn status_id(s: &Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::NotMet => "not_met",
        Status::NotMeasurable(_) => "not_measurable",
    }
}

pub(super) fn status_reason(s: &Status, st: &Statutory) -> String {
    match s {
        Status::NotMeasurable(m) => missing(m, st, Lang::En),
        _ => String::new(),
    }
}

/// One row per year and test: section, criterion, year, kind, value,
/// threshold, status, reason (in English, as JSON), start year.
pub fn csv(st: &Statutory, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv_out::Writer::from_writer(out);
    w.write_record([
        "section",
        "test",
        "year",
        "kind",
        "value",
        "threshold",
        "status",
        "reason",
        "detail",
        "accumulated_surplus_per_resident",
    ])?;
    let kind = |y: i32| kind_str(st.years.iter().find(|(yy, _)| *yy == y).map(|(_, k)| k));
    for s in &st.surplus {
        let flagged = st.deficits.flagged_years().contains(&s.year);
        let (value, status, why) = match s.accumulated {
            Some(v) => (
                v.to_string(),
                if flagged { "met" } else { "not_met" },
                String::new(),
            ),
            None => {
                let m = Missing::Input {
                    year: s.year,
                    input: Input::AccumulatedSurplus,
                };
                (String::new(), "not_measurable", missing(&m, st, Lang::En))
            }
        };
        let detail = deadline_of(st, s.year)
            .map(|d| format!("deadline {d}"))
            .unwrap_or_default();
        w.write_record([
            "110",
            "accumulated_surplus",
            &s.year.to_string(),
            &kind(s.year),
            &value,
            "0",
            status,
            &why,
            &detail,
            "",
        ])?;
    }
    if let Some(p) = &st.plan {
        let (value, threshold, status, why) = match &p.balance {
            Ok(b) => (
                b.total.to_string(),
                (-b.allowance).to_string(),
                if b.balanced { "not_met" } else { "met" },
                String::new(),
            ),
            Err(m) => (
                String::new(),
                String::new(),
                "not_measurable",
                missing(m, st, Lang::En),
            ),
        };
        w.write_record([
            "110",
            "plan_balance",
            &p.last.to_string(),
            &kind(p.last),
            &value,
            &threshold,
            status,
            &why,
            &format!("plan {}-{}", p.first, p.last),
            "",
        ])?;
    }
    for a in &st.assessments {
        for c in a.deficit.iter().chain(a.figures.iter()) {
            let (value, why) = match &c.value {
                Ok(v) => (v.to_string(), String::new()),
                Err(m) => (String::new(), missing(m, st, Lang::En)),
            };
            w.write_record([
                "118",
                kind_id(c.kind),
                &c.year.to_string(),
                &kind(c.year),
                &value,
                &c.threshold.to_string(),
                status_id(&c.status),
                &why,
                &match st.estimate(c.year) {
                    Some(m) => format!("assessed on {}; {}", a.year, reason::method(m, Lang::En)),
                    None => format!("assessed on {}", a.year),
                },
                &surplus_per_resident(c).unwrap_or_default(),
            ])?;
        }
        for (name, g) in [
            ("ground_deadline", &a.deadline_ground),
            ("ground_deficit", &a.deficit_ground),
            ("ground_figures", &a.figures_ground),
            ("procedure", &a.any),
        ] {
            let detail = a
                .starts()
                .filter(|_| name == "procedure")
                .map(|y| format!("may start {y}"))
                .unwrap_or_default();
            w.write_record([
                "118",
                name,
                &a.year.to_string(),
                &kind(a.year),
                "",
                "",
                status_id(g),
                &status_reason(g, st),
                &detail,
                "",
            ])?;
        }
    }
    w.flush()
}

/// The deficit criterion's value with the balance sheet's and the
/// Ministry's sign (a surplus positive), beside the deficit the rule
/// compares, so a reader of the CSV or JSON need not turn it round.
fn surplus_per_resident(c: &Criterion) -> Option<String> {
    let v = *c.value.as_ref().ok()?;
    (c.kind == CriterionKind::DeficitPerResident).then(|| shown(c.kind, v).to_string())
}

/// The deadline of the deficit a year's statements show, if any.
pub(super) fn deadline_of(st: &Statutory, y: i32) -> Option<i32> {
    let v = st.surplus.iter().find(|s| s.year == y)?.accumulated?;
    if v >= Decimal::ZERO {
        return None;
    }
    st.deficits
        .episodes
        .iter()
        .filter(|e| e.arose <= y)
        .max_by_key(|e| e.arose)
        .and_then(|e| e.deadline.as_ref().ok().map(|d| d.effective))
}

pub(super) fn dec(v: &Result<Decimal, Missing>) -> Value {
    match v {
        Ok(v) => json!(v.to_string()),
        Err(_) => Value::Null,
    }
}

pub(super) fn status_json(s: &Status, st: &Statutory) -> Value {
    match s {
        Status::NotMeasurable(m) => {
            json!({"status": "not_measurable", "reason": missing(m, st, Lang::En)})
        }
        s => json!({"status": status_id(s)}),
    }
}

/// Amounts as strings of exact decimals, as the other JSON outputs.
pub fn json(ds: &Dataset, st: &Statutory, rules: &Rules, out: &mut dyn Write) -> io::Result<()> {
    let kind = |y: i32| kind_str(st.years.iter().find(|(yy, _)| *yy == y).map(|(_, k)| k));
    let years: Vec<Value> = st
        .surplus
        .iter()
        .map(|s| {
            json!({
                "year": s.year,
                "kind": kind(s.year),
                "accumulated_surplus": s.accumulated.map(|v| v.to_string()),
                "deficit_deadline": deadline_of(st, s.year),
                "past_deadline": st.deficits.flagged_years().contains(&s.year),
            })
        })
        .collect();
    let episodes: Vec<Value> = st
        .deficits
        .episodes
        .iter()
        .map(|e| {
            let (outcome, detail) = match &e.outcome {
                Outcome::Covered { year } => ("covered", json!({"year": year})),
                Outcome::Missed {
                    flagged,
                    covered_late,
                } => (
                    "missed",
                    json!({"flagged_years": flagged, "covered_late": covered_late}),
                ),
                Outcome::Open { last_year } => ("open", json!({"last_year": last_year})),
                Outcome::Unknown(m) => ("unknown", json!({"reason": missing(m, st, Lang::En)})),
            };
            json!({
                "arose": e.arose,
                "may_be_older": e.may_be_older,
                "deadline": e.deadline.as_ref().ok().map(|d| json!({
                    "statutory": d.statutory, "extendable_to": d.extendable_to,
                    "effective": d.effective, "source": d.source})),
                "deadline_reason": e.deadline.as_ref().err().map(|m| missing(m, st, Lang::En)),
                "outcome": outcome,
                "detail": detail,
            })
        })
        .collect();
    let plan = st.plan.as_ref().map(|p| {
        json!({
            "first": p.first, "last": p.last, "allowance_year": p.allowance_year,
            "total": p.balance.as_ref().ok().map(|b| b.total.to_string()),
            "allowance": p.balance.as_ref().ok().map(|b| b.allowance.to_string()),
            "balanced": p.balance.as_ref().ok().map(|b| b.balanced),
            "reason": p.balance.as_ref().err().map(|m| missing(m, st, Lang::En)),
        })
    });
    let assessments: Vec<Value> = st
        .assessments
        .iter()
        .map(|a| {
            let crit = |c: &Criterion| {
                let mut v = json!({
                    "criterion": kind_id(c.kind), "year": c.year, "value": dec(&c.value),
                    "comparison": comparison(c.kind), "threshold": c.threshold.to_string(),
                });
                if let (Some(o), Value::Object(status)) =
                    (v.as_object_mut(), status_json(&c.status, st))
                {
                    if c.kind == CriterionKind::DeficitPerResident {
                        o.insert(
                            "accumulated_surplus_per_resident".into(),
                            surplus_per_resident(c).map_or(Value::Null, Value::String),
                        );
                    }
                    o.extend(status);
                    if let Some(m) = st.estimate(c.year) {
                        o.insert("estimate".into(), json!(reason::method(m, Lang::En)));
                    }
                }
                v
            };
            json!({
                "year": a.year, "kind": kind(a.year), "evaluation_year": a.evaluation_year,
                "source": a.source,
                "deficit": a.deficit.iter().map(crit).collect::<Vec<_>>(),
                "figures": a.figures.iter().map(crit).collect::<Vec<_>>(),
                "ground_deadline": status_json(&a.deadline_ground, st),
                "ground_deficit": status_json(&a.deficit_ground, st),
                "ground_figures": status_json(&a.figures_ground, st),
                "procedure": status_json(&a.any, st),
                "procedure_may_start": a.starts(),
            })
        })
        .collect();
    let doc = json!({
        "municipality": ds.municipality,
        "file": ds.file,
        "section_110": {
            "years": years,
            "deficits": episodes,
            "flagged_years": st.deficits.flagged_years(),
            "plan": plan,
        },
        "section_118": assessments,
        "sources": sources(st, rules),
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
