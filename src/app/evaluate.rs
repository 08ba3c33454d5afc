//! The five indicators and the key ratios of a workbook's own years.

use crate::config::{Settings, Years};
use crate::error::Result;
use crate::model::dataset::Dataset;
use crate::model::indicators::{self, Evaluation};
use crate::model::ratios::{self, RatioValue};

use super::dataset::years;

/// The indicators, kept to the years shown.
pub fn indicators(settings: &Settings, shown: Years, ds: &Dataset) -> Result<Evaluation> {
    let shown = years(shown, ds)?;
    let mut ev = indicators::evaluate(ds, &settings.targets, &settings.index);
    keep_years(&mut ev, &shown);
    Ok(ev)
}

/// An evaluation kept to the years shown.
pub(super) fn keep_years(ev: &mut Evaluation, shown: &[i32]) {
    ev.years.retain(|(y, _)| shown.contains(y));
    ev.values.retain(|v| shown.contains(&v.year));
}

/// The key ratios of the years shown, and those years.
pub fn ratios(
    settings: &Settings,
    shown: Years,
    ds: &Dataset,
) -> Result<(Vec<RatioValue>, Vec<i32>)> {
    let shown = years(shown, ds)?;
    let mut values = ratios::compute_ratios(ds, &settings.targets);
    values.retain(|v| shown.contains(&v.year));
    Ok((values, shown))
}
