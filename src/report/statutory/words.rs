//! The words of the statutory report: names of the criteria, inputs and
//! national figures, and why a figure cannot be given, in Finnish or English.

use crate::model::statutory::{CriterionKind, Figure, Input, Missing, NationalFigure, Statutory};
use crate::report::format::Lang;
use crate::report::reason;

use super::table::*;

/// Decimals a figure is shown with: euros whole, percentages to a tenth,
/// the lainanhoitokate to a hundredth, as published.
pub(super) fn decimals(k: CriterionKind) -> u32 {
    match k {
        CriterionKind::DeficitPerResident => 0,
        CriterionKind::DebtService => 2,
        _ => 1,
    }
}

pub(super) fn kind_name(k: CriterionKind, lang: Lang) -> &'static str {
    match k {
        CriterionKind::DeficitPerResident => lang.pick(
            "Konsernin kertynyt alijäämä, €/as.",
            "Group accumulated deficit, €/resident",
        ),
        CriterionKind::MarginToDepreciation => lang.pick(
            "Konsernin vuosikate / poistot, %",
            "Group annual margin / depreciation, %",
        ),
        CriterionKind::TaxRateAboveAverage => lang.pick(
            "Tuloveroprosentti − painotettu keskiarvo, %-yks.",
            "Income tax rate − weighted average, pp",
        ),
        CriterionKind::LoansToAverage => lang.pick(
            "Konsernin lainat ja vuokravastuut €/as. / keskiarvo, %",
            "Group loans and leases per resident / average, %",
        ),
        CriterionKind::DebtService => lang.pick(
            "Konsernin laskennallinen lainanhoitokate",
            "Group calculated loan service coverage",
        ),
    }
}

/// The table's narrow column name; the legend gives the full one.
pub(super) fn short_name(k: CriterionKind, lang: Lang) -> &'static str {
    match k {
        CriterionKind::DeficitPerResident => lang.pick("Alijäämä €/as.", "Deficit €/res."),
        CriterionKind::MarginToDepreciation => lang.pick("VK/poistot %", "Margin/depr. %"),
        CriterionKind::TaxRateAboveAverage => lang.pick("Vero − ka. %-yks.", "Tax − avg. pp"),
        CriterionKind::LoansToAverage => lang.pick("Lainat / ka. %", "Loans / avg. %"),
        CriterionKind::DebtService => lang.pick("Laskenn. LHK", "Calc. LSC"),
    }
}

pub(super) fn kind_id(k: CriterionKind) -> &'static str {
    match k {
        CriterionKind::DeficitPerResident => "deficit_per_resident",
        CriterionKind::MarginToDepreciation => "margin_to_depreciation",
        CriterionKind::TaxRateAboveAverage => "tax_rate_above_average",
        CriterionKind::LoansToAverage => "loans_to_average",
        CriterionKind::DebtService => "debt_service",
    }
}

/// The comparison that makes a criterion met.
pub(super) fn comparison(k: CriterionKind) -> &'static str {
    match k {
        CriterionKind::MarginToDepreciation | CriterionKind::DebtService => "<",
        _ => "≥",
    }
}

pub(super) fn input_name(i: Input, lang: Lang) -> &'static str {
    match i {
        Input::Residents => lang.pick("asukasluku", "population"),
        Input::AccumulatedSurplus => lang.pick("kertynyt yli-/alijäämä", "accumulated surplus"),
        Input::AnnualMargin => lang.pick("konsernin vuosikate", "group annual margin"),
        Input::Depreciation => lang.pick("konsernin poistot", "group depreciation"),
        Input::IncomeTaxRate => lang.pick("tuloveroprosentti", "income tax rate"),
        Input::Loans => lang.pick("konsernin lainakanta", "group loans"),
        Input::LeaseLiabilities => lang.pick("konsernin vuokravastuut", "group lease liabilities"),
        Input::InterestExpenses => lang.pick("konsernin korkokulut", "group interest expenses"),
        Input::PlanResult => lang.pick("tilikauden yli-/alijäämä", "result for the period"),
    }
}

pub(super) fn figure_name(f: Figure, lang: Lang) -> &'static str {
    let k = match f {
        Figure::DeficitPerResident => CriterionKind::DeficitPerResident,
        Figure::MarginToDepreciation => CriterionKind::MarginToDepreciation,
        Figure::TaxRateAboveAverage => CriterionKind::TaxRateAboveAverage,
        Figure::LoansToAverage => CriterionKind::LoansToAverage,
        Figure::DebtService => CriterionKind::DebtService,
    };
    kind_name(k, lang)
}

pub(super) fn national_name(f: NationalFigure, lang: Lang) -> &'static str {
    match f {
        NationalFigure::WeightedIncomeTaxRate => lang.pick(
            "kuntien tuloilla painotettu keskimääräinen tuloveroprosentti",
            "the weighted average municipal income tax rate",
        ),
        NationalFigure::GroupLoansAndLeasesPerResident => lang.pick(
            "kuntakonsernien lainat ja vuokravastuut €/as. keskimäärin",
            "the average group loans and lease liabilities per resident",
        ),
    }
}

/// Why a figure or a test cannot be given, in `lang`; an input's own reason
/// from the dataset when there is one.
pub fn missing(m: &Missing, st: &Statutory, lang: Lang) -> String {
    match (m, lang) {
        (Missing::Input { year, input }, _) => match st.reason(*year, *input) {
            Some(r) => format!(
                "{} {year}: {}",
                input_name(*input, lang),
                reason::text(r, lang)
            ),
            None => match lang {
                Lang::Fi => format!("{} puuttuu vuodelta {year}", input_name(*input, lang)),
                Lang::Sv | Lang::En => format!("{} of {year} is missing", input_name(*input, lang)),
            },
        },
        (Missing::ZeroDenominator { year, figure }, Lang::Fi) => {
            format!("{} {year}: nimittäjä on nolla", figure_name(*figure, lang))
        }
        (Missing::ZeroDenominator { year, figure }, Lang::Sv | Lang::En) => {
            format!(
                "{} {year}: the denominator is zero",
                figure_name(*figure, lang)
            )
        }
        (Missing::OutOfRange { year, figure }, Lang::Fi) => {
            format!(
                "{} {year}: luku on liian suuri laskettavaksi",
                figure_name(*figure, lang)
            )
        }
        (Missing::OutOfRange { year, figure }, Lang::Sv | Lang::En) => {
            format!(
                "{} {year}: the figure is too large to compute",
                figure_name(*figure, lang)
            )
        }
        (Missing::NoCriteria { evaluation_year }, Lang::Fi) => format!(
            "säännöstössä ei ole 118 §:n kriteerejä vuonna {evaluation_year} tehtävälle arvioinnille"
        ),
        (Missing::NoCriteria { evaluation_year }, Lang::Sv | Lang::En) => format!(
            "the rule book has no 118 § criteria for an assessment made in {evaluation_year}"
        ),
        // One note for every year the figure is missing in, not one a year.
        (Missing::NoNationalFigure { figure, .. }, Lang::Fi) => format!(
            "säännöstöstä puuttuu {} vuosilta {}; anna se tiedostolla --rules",
            national_name(*figure, lang),
            span(&national_gaps(st, *figure))
        ),
        (Missing::NoNationalFigure { figure, .. }, Lang::Sv | Lang::En) => format!(
            "the rule book lacks {} of {}; give it in a file with --rules",
            national_name(*figure, lang),
            span(&national_gaps(st, *figure))
        ),
        (Missing::NoDeficitRule { year }, Lang::Fi) => {
            format!("säännöstössä ei ole 110 §:n määräaikaa vuonna {year} syntyneelle alijäämälle")
        }
        (Missing::NoDeficitRule { year }, Lang::Sv | Lang::En) => {
            format!("the rule book has no 110 § deadline for a deficit arising in {year}")
        }
        (Missing::EarlierLaw { arose, law_from }, Lang::Fi) => format!(
            "vuonna {arose} syntynyt alijäämä katettiin ennen vuotta {law_from}: siihen sovellettiin kuntalain 365/1995 65 §:ää, jossa ei ollut määräaikaa"
        ),
        (Missing::EarlierLaw { arose, law_from }, Lang::Sv) => format!(
            "underskottet som uppstod {arose} täcktes före {law_from}: på det tillämpades 65 § i kommunallagen 365/1995, som inte satte någon tidsfrist"
        ),
        (Missing::EarlierLaw { arose, law_from }, Lang::En) => format!(
            "the deficit arising in {arose} was covered before {law_from}: it fell under kuntalaki 365/1995 65 §, which set no deadline"
        ),
        (Missing::YearOutOfRange { year }, Lang::Fi) => {
            format!("vuodelle {year} ei ole mallinnettu lakia")
        }
        (Missing::YearOutOfRange { year }, Lang::Sv | Lang::En) => {
            format!("no law is modelled for {year}")
        }
    }
}

/// The years whose national `figure` some criterion lacks.
pub(super) fn national_gaps(st: &Statutory, figure: NationalFigure) -> Vec<i32> {
    let mut ys: Vec<i32> = st
        .assessments
        .iter()
        .flat_map(|a| a.figures.iter())
        .filter_map(|c| match &c.value {
            Err(Missing::NoNationalFigure { year, figure: f }) if *f == figure => Some(*year),
            _ => None,
        })
        .collect();
    ys.sort_unstable();
    ys.dedup();
    ys
}
