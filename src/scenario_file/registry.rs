//! The scenario keys.

/// One documented key of a scenario file: the reference in
/// scenarios/README.md is printed from this table (`kivijalka scenario keys`).
pub struct KeyDoc {
    pub key: &'static str,
    pub value: &'static str,
    pub default: &'static str,
    pub meaning: &'static str,
}

#[rustfmt::skip]
pub static KEYS: &[KeyDoc] = &[
    KeyDoc { key: "extends", value: "file", default: "none", meaning: "Another scenario file (relative to this one) whose settings this one starts from." },
    KeyDoc { key: "name", value: "text", default: "the file name", meaning: "The scenario's name in tables and comparisons." },
    KeyDoc { key: "description", value: "text", default: "empty", meaning: "What the scenario assumes, in words." },
    KeyDoc { key: "horizon", value: "year", default: "last actual year + 10", meaning: "The last projected year." },
    KeyDoc { key: "price_index_pct", value: "% path", default: "2.0", meaning: "Price index change for years the index series (shipped KPHI and --index files) does not have; drives cost and income growth, indexing and indicator 3." },
    KeyDoc { key: "plan.follow_until", value: "year", default: "the last budget/plan year", meaning: "Budget and plan years after this are projected by the drivers instead of taken as given." },
    KeyDoc { key: "population.growth_pct", value: "% path", default: "average of the last five actual years", meaning: "Yearly change of the population beyond the plan." },
    KeyDoc { key: "population.values", value: "{ year = residents }", default: "none", meaning: "Residents on 31 Dec by year; years between two values are on a straight line." },
    KeyDoc { key: "population.file", value: "file", default: "none", meaning: "A CSV of residents by year (columns `year` or `vuosi`, then the population; comma or semicolon separated), such as Statistics Finland's population projection, relative to this file. Its years may reach beyond the projection (later ones guide the line towards them); `population.values` in the same file win." },
    KeyDoc { key: "tax.income_share_pct", value: "%", default: "75", meaning: "Municipal income tax as a share of verotulot in the last given year (take it from the notes of your statements)." },
    KeyDoc { key: "tax.property_share_pct", value: "%", default: "13", meaning: "Property tax share of verotulot; the corporate tax share is the rest." },
    KeyDoc { key: "tax.rate_pct", value: "%", default: "the workbook's Tuloveroprosentti", meaning: "Income tax rate, when the workbook does not give it." },
    KeyDoc { key: "tax.earnings_growth_pct", value: "% path", default: "3.0", meaning: "Growth of taxable earnings per employed person." },
    KeyDoc { key: "tax.employment_growth_pct", value: "% path", default: "0.0", meaning: "Growth of employment; the taxable income base grows by both." },
    KeyDoc { key: "tax.property_growth_pct", value: "% path", default: "2.0", meaning: "Growth of property tax revenue." },
    KeyDoc { key: "tax.corporate_growth_pct", value: "% path", default: "2.0", meaning: "Growth of the corporate tax share." },
    KeyDoc { key: "tax.first_year_effect_pct", value: "%", default: "90", meaning: "Share of a rate change received in its first year; the rest comes the next year with the final assessment." },
    KeyDoc { key: "[[tax.rate_change]] from, change_pp", value: "year, percentage points", default: "none", meaning: "The income tax rate changes by change_pp from the year on (0.5 = half a percentage point)." },
    KeyDoc { key: "state_subsidies.index_pct", value: "% path", default: "the price index", meaning: "Yearly index of valtionosuudet beyond the plan." },
    KeyDoc { key: "state_subsidies.follow_population", value: "true/false", default: "true", meaning: "Valtionosuudet beyond the plan change with the population." },
    KeyDoc { key: "[[state_subsidies.change]] from, to, amount", value: "year, year, money", default: "none", meaning: "A decided cut (negative) or addition from a year (to a year), every year it covers." },
    KeyDoc { key: "operations.income_real_growth_pct", value: "% path", default: "0.0", meaning: "Operating income grows by the price index plus this beyond the plan." },
    KeyDoc { key: "operations.cost_real_growth_pct", value: "% path", default: "0.0", meaning: "Operating costs grow by the price index plus this beyond the plan." },
    KeyDoc { key: "operations.cost_follows_population_pct", value: "%", default: "0", meaning: "The share of operating costs that grows and shrinks with the population beyond the plan (100 = costs per resident stay level in real terms)." },
    KeyDoc { key: "[[operations.savings]] from, to, amount", value: "year, year, money", default: "none", meaning: "Operating costs are lower by the amount every year from (to) the year: a savings programme. Plan years too." },
    KeyDoc { key: "[[operations.income_change]] from, to, amount", value: "year, year, money", default: "none", meaning: "Operating income higher (or lower, negative) by the amount every year it covers." },
    KeyDoc { key: "investments.trend_gross", value: "money path", default: "average of the plan years without named projects, indexed", meaning: "Gross investment per year beyond the plan (besides named projects)." },
    KeyDoc { key: "investments.trend_subsidies", value: "money path", default: "plan average, indexed", meaning: "Contributions to that investment (rahoitusosuudet) per year." },
    KeyDoc { key: "investments.trend_sales", value: "money path", default: "plan average, indexed", meaning: "Asset sales (luovutustulot) per year beyond the plan." },
    KeyDoc { key: "investments.existing_runoff_years", value: "years", default: "none", meaning: "Existing assets' depreciation falls to zero over this many years; without it, it stays at the last given level until their book value is used up." },
    KeyDoc { key: "investments.life_years", value: "{ class = years }", default: "buildings 30, structures 20, machinery 8, intangible 5, land 0, general 20", meaning: "Useful lives by asset class; depreciation is straight-line from the year after completion." },
    KeyDoc { key: "[[investments.project]] name", value: "text", default: "required", meaning: "A project; a file that extends another changes a project by naming it." },
    KeyDoc { key: "[[investments.project]] cost", value: "money", default: "required", meaning: "Gross cost." },
    KeyDoc { key: "[[investments.project]] years", value: "[years] or \"2027-2029\"", default: "required", meaning: "Years of spending; completion is the last." },
    KeyDoc { key: "[[investments.project]] spending", value: "[money]", default: "even split", meaning: "Spending by year, one amount per year of `years`, adding up to the cost." },
    KeyDoc { key: "[[investments.project]] subsidy", value: "money", default: "0", meaning: "Contributions received, in proportion to spending; deducted from the depreciable cost." },
    KeyDoc { key: "[[investments.project]] land_sales", value: "money", default: "0", meaning: "Asset or land sales tied to the project, in its completion year." },
    KeyDoc { key: "[[investments.project]] class", value: "buildings, structures, machinery, intangible, land, general", default: "general", meaning: "Asset class, for the useful life." },
    KeyDoc { key: "[[investments.project]] in_plan", value: "[years]", default: "none", meaning: "Where the workbook's budget and plan already hold the project; moving its `years` moves the spending out of these years instead of adding to them." },
    KeyDoc { key: "loans.interest_rate_pct", value: "% path", default: "implied by the last given year", meaning: "Interest on the average loan stock beyond the plan." },
    KeyDoc { key: "[[loans.rate_change]] from, change_pp", value: "year, percentage points", default: "none", meaning: "Interest rates change by change_pp from the year on, plan years too (an interest shock)." },
    KeyDoc { key: "loans.variable_share_pct", value: "%", default: "100", meaning: "Share of the loan stock whose interest follows a rate change." },
    KeyDoc { key: "loans.average_maturity_years", value: "years", default: "loans / repayments of the last given year", meaning: "Loans are repaid by stock / this each year beyond the plan." },
    KeyDoc { key: "loans.repayments", value: "{ year = money }", default: "none", meaning: "Repayments of long-term loans in those years, instead of the plan's or the maturity rule's." },
    KeyDoc { key: "loans.min_cash_days", value: "days", default: "30", meaning: "New long-term loans keep cash at least this many days of operating costs and gross investment (beyond the plan)." },
    KeyDoc { key: "loans.min_cash", value: "money", default: "none", meaning: "The minimum cash in euros instead of days." },
    KeyDoc { key: "group.companies_loan_growth_pct", value: "% path", default: "0.0", meaning: "Yearly growth of the group companies' own loans beyond the plan (group loans = city loans + theirs)." },
    KeyDoc { key: "group.companies_loans", value: "{ year = money }", default: "none", meaning: "The group companies' own loans by year from their plans; the growth applies to the other years." },
    KeyDoc { key: "[[uncertainty]] driver", value: "a driver key", default: "required", meaning: "The driver that is uncertain: price_index_pct, tax.earnings_growth_pct, tax.employment_growth_pct, tax.property_growth_pct, tax.corporate_growth_pct, operations.cost_real_growth_pct, operations.income_real_growth_pct, state_subsidies.index_pct, population.growth_pct, loans.interest_shift_pp (points on every interest rate, plan years too), investments.project 'NAME'.cost_overrun_pct. Its deterministic value becomes the distribution's central value." },
    KeyDoc { key: "[[uncertainty]] distribution", value: "normal, lognormal, triangular, pert, uniform, student_t", default: "required", meaning: "normal and lognormal take mean and sd (of the value); triangular and pert min, mode and max; uniform min and max; student_t location, scale and df. The central value is the mean, mode, midpoint or location." },
    KeyDoc { key: "[[uncertainty]] persistence", value: "0 to 1", default: "0", meaning: "How much of a year's deviation carries into the next: 0 a fresh draw every year, 1 one draw for the whole path, between a walk (a project's cost is drawn once)." },
    KeyDoc { key: "[[correlation]] a, b, rho", value: "driver keys, −1 to 1", default: "none", meaning: "Two uncertain drivers move together (a Gaussian copula; each keeps its own distribution)." },
    KeyDoc { key: "group.lease_growth_pct", value: "% path", default: "0.0", meaning: "Yearly growth of the group's lease liabilities beyond the plan." },
];

/// The reference of scenario keys as Markdown, for scenarios/README.md.
pub fn keys_markdown() -> String {
    let mut s = String::from("| key | value | default | meaning |\n|---|---|---|---|\n");
    for k in KEYS {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            k.key, k.value, k.default, k.meaning
        ));
    }
    s.push_str(
        "\nA `% path` is a number (2.5), a text (\"2,5 %\") or a table by year whose values hold from that year on: `{ 2026 = 2.5, 2030 = 2.0 }`. \
A `money` value is a number of euros (2500000) or a text with its unit: \"2,5 M€\", \"2 500 t€\", \"2 500 000 €\" (Finnish or English decimals). \
A `money path` is the same by year. \
Bounds, whatever the key: years from 1990 to 2100, percentages within ±1000, amounts within ±10^15 €; growth rates that would compound a figure more than a billion-fold by the horizon are refused, naming the keys and the year.\n",
    );
    s
}
