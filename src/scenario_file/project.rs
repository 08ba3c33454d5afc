//! `[investments]`: the trend beyond the plan, useful lives and named
//! projects; a file that extends another changes a project by naming it.

use rust_decimal::Decimal;
use toml::Spanned;

use super::doc::{InvDoc, ProjectDoc};
use super::read::{Cx, not_negative};
use crate::error::Result;
use crate::model::scenario::{AssetClass, Investments, Project, Scenario};
use crate::text;

pub(super) fn investments(cx: &Cx, sc: &mut Scenario, d: &InvDoc) -> Result<()> {
    let inv = &mut sc.investments;
    if let Some(v) = &d.life_years {
        let toml::Value::Table(t) = v.get_ref() else {
            return Err(cx.err(
                v.span(),
                "investments.life_years",
                text!(
                    "odotettiin taulukkoa, kuten {{ buildings = 30 }}",
                    "förväntade en tabell såsom {{ buildings = 30 }}",
                    "expected a table such as {{ buildings = 30 }}"
                ),
            ));
        };
        for (k, x) in t {
            let key = format!("investments.life_years.{k}");
            let class = AssetClass::parse(k).ok_or_else(|| {
                let unknown = text!(
                    "tuntematon omaisuusluokka; käytä buildings, structures, machinery, intangible, land tai general",
                    "okänd tillgångsklass; använd buildings, structures, machinery, intangible, land eller general",
                    "unknown asset class; use buildings, structures, machinery, intangible, land or general"
                );
                cx.err(v.span(), &key, unknown)
            })?;
            let n = match x {
                toml::Value::Integer(i) if (0..=100).contains(i) => *i as u32,
                _ => {
                    return Err(cx.err(
                        v.span(),
                        &key,
                        text!(
                            "odotettiin vuosia väliltä 0–100, löytyi {x}",
                            "förväntade år från 0 till 100, fann {x}",
                            "expected years from 0 to 100, found {x}"
                        ),
                    ));
                }
            };
            inv.life_years.insert(class, n);
        }
    }
    for (i, item) in d.project.iter().flatten().enumerate() {
        // Before each is read: a project is found by its name among those
        // before it, and 15 000 of them took a minute.
        if i >= super::uncertain::MAX_PROJECTS {
            return Err(super::uncertain::too_many(
                &cx.origin(item.span(), "[[investments.project]]"),
                "[[investments.project]]",
                super::uncertain::MAX_PROJECTS,
            ));
        }
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
        .ok_or_else(|| {
            let missing = text!(
                "hanke tarvitsee nimen ('name')",
                "ett projekt behöver ett namn ('name')",
                "a project needs a 'name'"
            );
            cx.err(span.clone(), &k, missing)
        })?;
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
                return Err(cx.err(
                    span,
                    &k,
                    text!(
                        "hankkeella ei ole kohtaa 'cost'",
                        "projektet har ingen 'cost'",
                        "the project has no 'cost'"
                    ),
                ));
            }
            if p.years.is_none() {
                return Err(cx.err(
                    span,
                    &k,
                    text!(
                        "hankkeella ei ole kohtaa 'years'",
                        "projektet har inga 'years'",
                        "the project has no 'years'"
                    ),
                ));
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
            return Err(cx.err(
                v.span(),
                &format!("{k}.cost"),
                text!(
                    "kustannuksen on oltava positiivinen",
                    "kostnaden måste vara positiv",
                    "the cost must be positive"
                ),
            ));
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
            return Err(cx.err(
                v.span(),
                &key,
                text!(
                    "odotettiin luetteloa summista, yksi kullekin vuodelle",
                    "förväntade en lista med belopp, ett per år",
                    "expected a list of amounts, one per year"
                ),
            ));
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
            let unknown = text!(
                "tuntematon omaisuusluokka '{s}'; käytä buildings, structures, machinery, intangible, land tai general",
                "okänd tillgångsklass '{s}'; använd buildings, structures, machinery, intangible, land eller general",
                "unknown asset class '{s}'; use buildings, structures, machinery, intangible, land or general"
            );
            cx.err(v.span(), &format!("{k}.class"), unknown)
        })?;
    }
    if let Some(v) = &p.in_plan {
        pr.in_plan = cx.years(v, &format!("{k}.in_plan"))?;
    }
    if let Some(s) = &pr.spending {
        if s.len() != pr.years.len() {
            return Err(cx.err(span, &format!("{k}.spending"), {
                let (n, years) = (s.len(), pr.years.len());
                text!(
                    "{n} summaa {years} vuodelle",
                    "{n} belopp för {years} år",
                    "{n} amounts for {years} years"
                )
            }));
        }
        let total: Decimal = s.iter().sum();
        if total != pr.cost {
            return Err(cx.err(span, &format!("{k}.spending"), {
                let (total, cost) = (total.normalize(), pr.cost.normalize());
                text!(
                    "summat ovat yhteensä {total} €, kustannus on {cost} €",
                    "beloppen är sammanlagt {total} €, kostnaden är {cost} €",
                    "the amounts add up to {total} €, the cost is {cost} €"
                )
            }));
        }
        if s.iter().any(|x| *x < Decimal::ZERO) {
            return Err(cx.err(
                span,
                &format!("{k}.spending"),
                text!(
                    "jokin summa on negatiivinen",
                    "ett belopp är negativt",
                    "an amount is negative"
                ),
            ));
        }
    }
    if pr.subsidy < Decimal::ZERO || pr.subsidy > pr.cost {
        return Err(cx.err(
            span,
            &format!("{k}.subsidy"),
            text!(
                "avustuksen on oltava nollan ja kustannuksen välillä",
                "bidraget måste ligga mellan 0 och kostnaden",
                "the subsidy must be between 0 and the cost"
            ),
        ));
    }
    if pr.land_sales < Decimal::ZERO {
        return Err(cx.err(span, &format!("{k}.land_sales"), not_negative()));
    }
    if pr.years.is_empty() {
        return Err(cx.err(
            span,
            &format!("{k}.years"),
            text!(
                "hankkeella ei ole vuosia",
                "projektet har inga år",
                "the project has no years"
            ),
        ));
    }
    Ok(())
}
