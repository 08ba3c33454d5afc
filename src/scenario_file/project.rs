//! `[investments]`: the trend beyond the plan, useful lives and named
//! projects; a file that extends another changes a project by naming it.

use rust_decimal::Decimal;
use toml::Spanned;

use super::doc::{InvDoc, ProjectDoc};
use super::read::Cx;
use crate::error::Result;
use crate::model::scenario::{AssetClass, Investments, Project, Scenario};

pub(super) fn investments(cx: &Cx, sc: &mut Scenario, d: &InvDoc) -> Result<()> {
    let inv = &mut sc.investments;
    if let Some(v) = &d.life_years {
        let toml::Value::Table(t) = v.get_ref() else {
            return Err(cx.err(
                v.span(),
                "investments.life_years",
                "expected a table such as { buildings = 30 }",
            ));
        };
        for (k, x) in t {
            let key = format!("investments.life_years.{k}");
            let class = AssetClass::parse(k).ok_or_else(|| {
                cx.err(v.span(), &key, "unknown asset class; use buildings, structures, machinery, intangible, land or general")
            })?;
            let n = match x {
                toml::Value::Integer(i) if (0..=100).contains(i) => *i as u32,
                _ => {
                    return Err(cx.err(
                        v.span(),
                        &key,
                        format!("expected years from 0 to 100, found {x}"),
                    ));
                }
            };
            inv.life_years.insert(class, n);
        }
    }
    for (i, item) in d.project.iter().flatten().enumerate() {
        project(cx, inv, i, item)?;
    }
    Ok(())
}

/// One `[[investments.project]]`: a new project, or changes to a parent's.
fn project(cx: &Cx, inv: &mut Investments, i: usize, item: &Spanned<ProjectDoc>) -> Result<()> {
    let span = item.span();
    let k = format!("investments.project[{}]", i + 1);
    let p = item.get_ref();
    let name = p
        .name
        .as_ref()
        .map(|v| cx.text(v, &format!("{k}.name")))
        .transpose()?
        .ok_or_else(|| cx.err(span.clone(), &k, "a project needs a 'name'"))?;
    let k = format!("investments.project '{name}'");
    let idx = match inv.projects.iter().position(|x| x.name == name) {
        Some(i) => i,
        None => {
            inv.projects.push(Project {
                name: name.clone(),
                cost: Decimal::ZERO,
                years: Vec::new(),
                spending: None,
                subsidy: Decimal::ZERO,
                land_sales: Decimal::ZERO,
                class: AssetClass::General,
                in_plan: Vec::new(),
                plan_spending: None,
                at: cx.origin(span.clone(), &k),
            });
            if p.cost.is_none() {
                return Err(cx.err(span, &k, "the project has no 'cost'"));
            }
            if p.years.is_none() {
                return Err(cx.err(span, &k, "the project has no 'years'"));
            }
            inv.projects.len() - 1
        }
    };
    let pr = &mut inv.projects[idx];
    pr.at = cx.origin(span.clone(), &k);
    // Moving a project keeps where the plan had it, spending and all.
    if !pr.in_plan.is_empty() && pr.in_plan == pr.years && pr.plan_spending.is_none() {
        pr.plan_spending = pr.spending.clone();
    }
    if let Some(v) = &p.cost {
        pr.cost = cx.money(v, &format!("{k}.cost"))?;
        if pr.cost <= Decimal::ZERO {
            return Err(cx.err(v.span(), &format!("{k}.cost"), "the cost must be positive"));
        }
    }
    if let Some(v) = &p.years {
        pr.years = cx.years(v, &format!("{k}.years"))?;
        if p.spending.is_none() {
            pr.spending = None;
        }
    }
    if let Some(v) = &p.spending {
        let key = format!("{k}.spending");
        let toml::Value::Array(a) = v.get_ref() else {
            return Err(cx.err(v.span(), &key, "expected a list of amounts, one per year"));
        };
        let list = a
            .iter()
            .map(|x| cx.amount(x, v.span(), &key))
            .collect::<Result<Vec<_>>>()?;
        pr.spending = Some(list);
    }
    if let Some(v) = &p.subsidy {
        pr.subsidy = cx.money(v, &format!("{k}.subsidy"))?;
    }
    if let Some(v) = &p.land_sales {
        pr.land_sales = cx.money(v, &format!("{k}.land_sales"))?;
    }
    if let Some(v) = &p.class {
        let s = cx.text(v, &format!("{k}.class"))?;
        pr.class = AssetClass::parse(&s).ok_or_else(|| {
            cx.err(v.span(), &format!("{k}.class"), format!("unknown asset class '{s}'; use buildings, structures, machinery, intangible, land or general"))
        })?;
    }
    if let Some(v) = &p.in_plan {
        pr.in_plan = cx.years(v, &format!("{k}.in_plan"))?;
    }
    if let Some(s) = &pr.spending {
        if s.len() != pr.years.len() {
            return Err(cx.err(
                span,
                &format!("{k}.spending"),
                format!("{} amounts for {} years", s.len(), pr.years.len()),
            ));
        }
        let total: Decimal = s.iter().sum();
        if total != pr.cost {
            return Err(cx.err(
                span,
                &format!("{k}.spending"),
                format!(
                    "the amounts add up to {} €, the cost is {} €",
                    total.normalize(),
                    pr.cost.normalize()
                ),
            ));
        }
        if s.iter().any(|x| *x < Decimal::ZERO) {
            return Err(cx.err(span, &format!("{k}.spending"), "an amount is negative"));
        }
    }
    if pr.subsidy < Decimal::ZERO || pr.subsidy > pr.cost {
        return Err(cx.err(
            span,
            &format!("{k}.subsidy"),
            "the subsidy must be between 0 and the cost",
        ));
    }
    if pr.land_sales < Decimal::ZERO {
        return Err(cx.err(span, &format!("{k}.land_sales"), "must not be negative"));
    }
    if pr.years.is_empty() {
        return Err(cx.err(span, &format!("{k}.years"), "the project has no years"));
    }
    Ok(())
}
