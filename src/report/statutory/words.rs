//! The words of the statutory report: names of the criteria, inputs and
//! national figures, and why a figure cannot be given, in Finnish, Swedish or
//! English.

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
        CriterionKind::DeficitPerResident => lang.tr(
            "Konsernin kertynyt alijäämä, €/as.",
            "Koncernens ackumulerade underskott, €/inv.",
            "Group accumulated deficit, €/resident",
        ),
        CriterionKind::MarginToDepreciation => lang.tr(
            "Konsernin vuosikate / poistot, %",
            "Koncernens årsbidrag / avskrivningar, %",
            "Group annual margin / depreciation, %",
        ),
        CriterionKind::TaxRateAboveAverage => lang.tr(
            "Tuloveroprosentti − painotettu keskiarvo, %-yks.",
            "Inkomstskattesats − vägt medeltal, procentenheter",
            "Income tax rate − weighted average, pp",
        ),
        CriterionKind::LoansToAverage => lang.tr(
            "Konsernin lainat ja vuokravastuut €/as. / keskiarvo, %",
            "Koncernens lån och hyresansvar €/inv. / medeltal, %",
            "Group loans and leases per resident / average, %",
        ),
        CriterionKind::DebtService => lang.tr(
            "Konsernin laskennallinen lainanhoitokate",
            "Kalkylerat lånens skötselbidrag, koncernen",
            "Group calculated loan service coverage",
        ),
    }
}

/// The table's narrow column name; the legend gives the full one.
pub(super) fn short_name(k: CriterionKind, lang: Lang) -> &'static str {
    match k {
        CriterionKind::DeficitPerResident => {
            lang.tr("Alijäämä €/as.", "Underskott €/inv.", "Deficit €/res.")
        }
        CriterionKind::MarginToDepreciation => {
            lang.tr("VK/poistot %", "ÅB/avskr. %", "Margin/depr. %")
        }
        CriterionKind::TaxRateAboveAverage => {
            lang.tr("Vero − ka. %-yks.", "Skatt − medel %-enh.", "Tax − avg. pp")
        }
        CriterionKind::LoansToAverage => {
            lang.tr("Lainat / ka. %", "Lån / medel %", "Loans / avg. %")
        }
        CriterionKind::DebtService => lang.tr("Laskenn. LHK", "Kalk. LSB", "Calc. LSC"),
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
        Input::Residents => lang.tr("asukasluku", "invånarantal", "population"),
        Input::AccumulatedSurplus => lang.tr(
            "kertynyt yli-/alijäämä",
            "ackumulerat över-/underskott",
            "accumulated surplus",
        ),
        Input::AnnualMargin => lang.tr(
            "konsernin vuosikate",
            "koncernens årsbidrag",
            "group annual margin",
        ),
        Input::Depreciation => lang.tr(
            "konsernin poistot",
            "koncernens avskrivningar",
            "group depreciation",
        ),
        Input::IncomeTaxRate => {
            lang.tr("tuloveroprosentti", "inkomstskattesats", "income tax rate")
        }
        Input::Loans => lang.tr(
            "konsernin lainakanta",
            "koncernens lånestock",
            "group loans",
        ),
        Input::LeaseLiabilities => lang.tr(
            "konsernin vuokravastuut",
            "koncernens hyresansvar",
            "group lease liabilities",
        ),
        Input::InterestExpenses => lang.tr(
            "konsernin korkokulut",
            "koncernens räntekostnader",
            "group interest expenses",
        ),
        Input::PlanResult => lang.tr(
            "tilikauden yli-/alijäämä",
            "räkenskapsperiodens över-/underskott",
            "result for the period",
        ),
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
        NationalFigure::WeightedIncomeTaxRate => lang.tr(
            "kuntien tuloilla painotettu keskimääräinen tuloveroprosentti",
            "det med kommunernas inkomster vägda medeltalet av inkomstskattesatsen",
            "the weighted average municipal income tax rate",
        ),
        NationalFigure::GroupLoansAndLeasesPerResident => lang.tr(
            "kuntakonsernien lainat ja vuokravastuut €/as. keskimäärin",
            "kommunkoncernernas lån och hyresansvar €/inv. i medeltal",
            "the average group loans and lease liabilities per resident",
        ),
    }
}

/// Why a figure or a test cannot be given, in `lang`; an input's own reason
/// from the dataset when there is one.
pub fn missing(m: &Missing, st: &Statutory, lang: Lang) -> String {
    match m {
        Missing::Input { year, input } => {
            let name = input_name(*input, lang);
            match st.reason(*year, *input) {
                Some(r) => format!("{name} {year}: {}", reason::text(r, lang)),
                None => crate::tr!(
                    lang,
                    "{name} puuttuu vuodelta {year}",
                    "{name} saknas för {year}",
                    "{name} of {year} is missing"
                ),
            }
        }
        Missing::ZeroDenominator { year, figure } => {
            let name = figure_name(*figure, lang);
            crate::tr!(
                lang,
                "{name} {year}: nimittäjä on nolla",
                "{name} {year}: nämnaren är noll",
                "{name} {year}: the denominator is zero"
            )
        }
        Missing::OutOfRange { year, figure } => {
            let name = figure_name(*figure, lang);
            crate::tr!(
                lang,
                "{name} {year}: luku on liian suuri laskettavaksi",
                "{name} {year}: talet är för stort för att beräknas",
                "{name} {year}: the figure is too large to compute"
            )
        }
        Missing::NoCriteria { evaluation_year } => crate::tr!(
            lang,
            "säännöstössä ei ole 118 §:n kriteerejä vuonna {evaluation_year} tehtävälle arvioinnille",
            "regelboken har inga kriterier enligt 118 § för en utvärdering som görs {evaluation_year}",
            "the rule book has no 118 § criteria for an assessment made in {evaluation_year}"
        ),
        // One note for every year the figure is missing in, not one a year.
        Missing::NoNationalFigure { figure, .. } => {
            let name = national_name(*figure, lang);
            let years = span(&national_gaps(st, *figure));
            crate::tr!(
                lang,
                "säännöstöstä puuttuu {name} vuosilta {years}; anna se tiedostolla --rules",
                "regelboken saknar {name} för {years}; ange det i en fil med --rules",
                "the rule book lacks {name} of {years}; give it in a file with --rules"
            )
        }
        Missing::NoDeficitRule { year } => crate::tr!(
            lang,
            "säännöstössä ei ole 110 §:n määräaikaa vuonna {year} syntyneelle alijäämälle",
            "regelboken har ingen tidsfrist enligt 110 § för ett underskott som uppkommit {year}",
            "the rule book has no 110 § deadline for a deficit arising in {year}"
        ),
        Missing::YearOutOfRange { year } => crate::tr!(
            lang,
            "vuodelle {year} ei ole mallinnettu lakia",
            "ingen lag är modellerad för {year}",
            "no law is modelled for {year}"
        ),
        Missing::EarlierLaw { arose, law_from } => crate::tr!(
            lang,
            "vuonna {arose} syntynyt alijäämä katettiin ennen vuotta {law_from}: siihen sovellettiin kuntalain 365/1995 65 §:ää, jossa ei ollut määräaikaa",
            "underskottet som uppstod {arose} täcktes före {law_from}: på det tillämpades 65 § i kommunallagen 365/1995, som inte satte någon tidsfrist",
            "the deficit arising in {arose} was covered before {law_from}: it fell under kuntalaki 365/1995 65 §, which set no deadline"
        ),
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
