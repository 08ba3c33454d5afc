//! The keys of a scenario file, in the order the reference lists them.
//! What each column means is told in `registry.rs`.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::registry::{Field, Key, KeyDefault, Setting, Unset, W};
use crate::model::scenario::Decided;
use crate::report::Lang;

/// A growth rate beyond ±50 % a year is no trend a projection can carry.
const GROWTH: (Decimal, Decimal) = (dec!(-50), dec!(50));
/// A share of a whole, %.
const SHARE: (Decimal, Decimal) = (Decimal::ZERO, dec!(100));
/// A trend of investment beyond 100 billion euros a year is a typo.
const TREND: (Decimal, Decimal) = (Decimal::ZERO, dec!(100000000000));
/// A component of valtionosuudet, either sign, within the same bound.
const COMPONENT: (Decimal, Decimal) = (dec!(-100000000000), dec!(100000000000));

fn decided_cuts(d: &Decided, lang: Lang) -> String {
    let cuts: Vec<String> = d
        .index_cuts()
        .iter()
        .map(|(y, v)| format!("{y} = {}", v.normalize()))
        .collect();
    let cuts = cuts.join(", ");
    crate::tr!(
        lang,
        "päätetyt säästöt: {{ {cuts} }}",
        "de beslutade besparingarna: {{ {cuts} }}",
        "the decided savings: {{ {cuts} }}"
    )
}

fn decided_lag(d: &Decided, _: Lang) -> String {
    d.population.lag_years.to_string()
}

fn decided_per_resident(d: &Decided, lang: Lang) -> String {
    let cuts: Vec<String> = d
        .per_resident()
        .iter()
        .map(|(y, v)| format!("{y} = {}", v.normalize()))
        .collect();
    let cuts = cuts.join(", ");
    crate::tr!(
        lang,
        "päätetyt leikkaukset: {{ {cuts} }}",
        "de beslutade nedskärningarna: {{ {cuts} }}",
        "the decided cuts: {{ {cuts} }}"
    )
}

#[rustfmt::skip]
pub static KEYS: &[Key] = &[
    Key { key: "extends", value: W("tiedosto", "fil", "file"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Toinen skenaariotiedosto (suhteessa tähän), jonka asetuksista tämä lähtee.",
            "En annan scenariofil (relativt till denna) vars inställningar denna utgår från.",
            "Another scenario file (relative to this one) whose settings this one starts from.") },
    Key { key: "name", value: W("teksti", "text", "text"), default: KeyDefault::Says(W("tiedoston nimi", "filens namn", "the file name")),
        setting: Some(Setting { doc: |d| d.name.as_ref(), unit: W("", "", ""), unset: Unset::Default,
            field: Field::Text { at: |s| &mut s.name, hide_empty: false } }),
        source: W("", "", ""), meaning: W(
            "Skenaarion nimi taulukoissa ja vertailuissa.",
            "Scenariots namn i tabeller och jämförelser.",
            "The scenario's name in tables and comparisons.") },
    Key { key: "description", value: W("teksti", "text", "text"), default: KeyDefault::Says(W("tyhjä", "tom", "empty")),
        setting: Some(Setting { doc: |d| d.description.as_ref(), unit: W("", "", ""), unset: Unset::Default,
            field: Field::Text { at: |s| &mut s.description, hide_empty: true } }),
        source: W("", "", ""), meaning: W(
            "Mitä skenaario olettaa, sanoin.",
            "Vad scenariot antar, i ord.",
            "What the scenario assumes, in words.") },
    Key { key: "horizon", value: W("vuosi", "år", "year"), default: KeyDefault::Says(W("viimeinen toteutunut vuosi + 10", "sista utfallsåret + 10", "last actual year + 10")),
        setting: Some(Setting { doc: |d| d.horizon.as_ref(), unit: W("", "", ""), unset: Unset::Default,
            field: Field::Year(|s| &mut s.horizon) }),
        source: W("", "", ""), meaning: W(
            "Viimeinen ennustettava vuosi.",
            "Det sista prognostiserade året.",
            "The last projected year.") },
    Key { key: "price_index_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.price_index_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::Rate { at: |s| &mut s.price_index_pct, range: GROWTH } }),
        source: W("", "", ""), meaning: W(
            "Hintaindeksin muutos vuosille, joita indeksisarja (mukana tuleva KPHI ja --index-tiedostot) ei sisällä; ohjaa menojen ja tulojen kasvua, indeksointia ja tunnuslukua 3.",
            "Prisindexets förändring för de år som indexserien (medföljande KPHI och --index-filer) saknar; styr kostnadernas och intäkternas tillväxt, indexeringen och nyckeltal 3.",
            "Price index change for years the index series (shipped KPHI and --index files) does not have; drives cost and income growth, indexing and indicator 3.") },
    Key { key: "plan.follow_until", value: W("vuosi", "år", "year"), default: KeyDefault::Says(W("viimeinen talousarvio- tai suunnitelmavuosi", "det sista budget- eller planåret", "the last budget/plan year")),
        setting: Some(Setting { doc: |d| d.plan.as_ref()?.follow_until.as_ref(), unit: W("", "", ""), unset: Unset::Says(W("kaikki talousarvio- ja suunnitelmavuodet", "alla budget- och planår", "every budget and plan year")),
            field: Field::Year(|s| &mut s.plan_follow_until) }),
        source: W("", "", ""), meaning: W(
            "Tämän jälkeiset talousarvio- ja suunnitelmavuodet ennustetaan ajureilla sen sijaan, että ne otettaisiin annettuina.",
            "Budget- och planår efter detta prognostiseras med drivarna i stället för att tas som givna.",
            "Budget and plan years after this are projected by the drivers instead of taken as given.") },
    Key { key: "population.growth_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Says(W("viiden viimeisen toteutuneen vuoden keskiarvo", "medeltalet av de fem senaste utfallsåren", "average of the last five actual years")),
        setting: Some(Setting { doc: |d| d.population.as_ref()?.growth_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::OptRate { at: |s| &mut s.population.growth_pct, range: GROWTH } }),
        source: W("", "", ""), meaning: W(
            "Väestön vuosimuutos suunnitelmakauden jälkeen.",
            "Befolkningens årliga förändring efter planperioden.",
            "Yearly change of the population beyond the plan.") },
    Key { key: "population.values", value: W("{ vuosi = asukkaat }", "{ år = invånare }", "{ year = residents }"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Asukkaat 31.12. vuosittain; kahden arvon väliset vuodet ovat suoralla.",
            "Invånare den 31 december per år; åren mellan två värden ligger på en rät linje.",
            "Residents on 31 Dec by year; years between two values are on a straight line.") },
    Key { key: "population.file", value: W("tiedosto", "fil", "file"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "CSV-tiedosto asukkaista vuosittain (sarakkeet `year` tai `vuosi`, sitten väkiluku; pilkku- tai puolipiste-eroteltu), esimerkiksi Tilastokeskuksen väestöennuste, suhteessa tähän tiedostoon. Sen vuodet voivat ulottua ennustetta pidemmälle (myöhemmät ohjaavat viivaa kohti itseään); saman tiedoston `population.values` voittaa.",
            "En CSV-fil med invånare per år (kolumnerna `year` eller `vuosi`, sedan folkmängden; komma- eller semikolonavgränsad), till exempel Statistikcentralens befolkningsprognos, relativt till denna fil. Dess år får räcka bortom prognosen (senare år styr linjen mot sig); `population.values` i samma fil vinner.",
            "A CSV of residents by year (columns `year` or `vuosi`, then the population; comma or semicolon separated), such as Statistics Finland's population projection, relative to this file. Its years may reach beyond the projection (later ones guide the line towards them); `population.values` in the same file win.") },
    Key { key: "tax.income_share_pct", value: W("%", "%", "%"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.tax.as_ref()?.income_share_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::Share { at: |s| &mut s.tax.income_share_pct, range: SHARE } }),
        source: W("", "", ""), meaning: W(
            "Kunnallisveron osuus verotuloista viimeisenä annettuna vuonna (ota se tilinpäätöksen liitetiedoista).",
            "Kommunalskattens andel av skatteinkomsterna det senaste givna året (ta den ur bokslutets noter).",
            "Municipal income tax as a share of verotulot in the last given year (take it from the notes of your statements).") },
    Key { key: "tax.property_share_pct", value: W("%", "%", "%"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.tax.as_ref()?.property_share_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::Share { at: |s| &mut s.tax.property_share_pct, range: SHARE } }),
        source: W("", "", ""), meaning: W(
            "Kiinteistöveron osuus verotuloista; yhteisöveron osuus on loput.",
            "Fastighetsskattens andel av skatteinkomsterna; samfundsskattens andel är resten.",
            "Property tax share of verotulot; the corporate tax share is the rest.") },
    Key { key: "tax.rate_pct", value: W("%", "%", "%"), default: KeyDefault::Says(W("työkirjan Tuloveroprosentti", "arbetsbokens Tuloveroprosentti", "the workbook's Tuloveroprosentti")),
        setting: Some(Setting { doc: |d| d.tax.as_ref()?.rate_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Hidden,
            field: Field::OptShare { at: |s| &mut s.tax.rate_pct, range: (dec!(0.01), dec!(40)) } }),
        source: W("", "", ""), meaning: W(
            "Tuloveroprosentti, kun työkirja ei sitä anna.",
            "Inkomstskattesatsen, när arbetsboken inte anger den.",
            "Income tax rate, when the workbook does not give it.") },
    Key { key: "tax.earnings_growth_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.tax.as_ref()?.earnings_growth_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::Rate { at: |s| &mut s.tax.earnings_growth_pct, range: GROWTH } }),
        source: W("", "", ""), meaning: W(
            "Verotettavan ansiotulon kasvu työllistä kohden.",
            "Tillväxten i beskattningsbar förvärvsinkomst per sysselsatt.",
            "Growth of taxable earnings per employed person.") },
    Key { key: "tax.employment_growth_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.tax.as_ref()?.employment_growth_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::Rate { at: |s| &mut s.tax.employment_growth_pct, range: GROWTH } }),
        source: W("", "", ""), meaning: W(
            "Työllisyyden kasvu: työllisten osuuden asukkaista, kun tax.follows_population on voimassa (asukkaat tulevat väestöpolulta), muuten työllisten määrän; verotettava tulo kasvaa molempien kasvujen verran.",
            "Sysselsättningens tillväxt: den sysselsatta andelen av invånarna när tax.follows_population gäller (invånarna kommer från befolkningsbanan), annars antalet sysselsatta; den beskattningsbara inkomsten växer med båda.",
            "Growth of employment: of the employed share of residents while tax.follows_population holds (the residents come from the population path), of the number employed otherwise; taxable income grows by both growths.") },
    Key { key: "tax.property_growth_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.tax.as_ref()?.property_growth_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::Rate { at: |s| &mut s.tax.property_growth_pct, range: GROWTH } }),
        source: W("", "", ""), meaning: W(
            "Kiinteistöverotuoton kasvu.",
            "Tillväxten i fastighetsskatteintäkterna.",
            "Growth of property tax revenue.") },
    Key { key: "tax.corporate_growth_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.tax.as_ref()?.corporate_growth_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::Rate { at: |s| &mut s.tax.corporate_growth_pct, range: GROWTH } }),
        source: W("", "", ""), meaning: W(
            "Yhteisöveron osuuden kasvu.",
            "Tillväxten i samfundsskatteandelen.",
            "Growth of the corporate tax share.") },
    Key { key: "tax.first_year_effect_pct", value: W("%", "%", "%"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.tax.as_ref()?.first_year_effect_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::Share { at: |s| &mut s.tax.first_year_effect_pct, range: SHARE } }),
        source: W("", "", ""), meaning: W(
            "Osuus veroprosentin muutoksesta, joka kertyy ensimmäisenä vuonna; loput tulevat seuraavana vuonna lopullisen verotuksen mukana.",
            "Den andel av en ändrad skattesats som inflyter det första året; resten kommer följande år med den slutliga beskattningen.",
            "Share of a rate change received in its first year; the rest comes the next year with the final assessment.") },
    Key { key: "[[tax.rate_change]] from, change_pp", value: W("vuosi, prosenttiyksiköt", "år, procentenheter", "year, percentage points"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Tuloveroprosentti muuttuu change_pp:n verran vuodesta alkaen (0.5 = puoli prosenttiyksikköä).",
            "Inkomstskattesatsen ändras med change_pp från året framåt (0.5 = en halv procentenhet).",
            "The income tax rate changes by change_pp from the year on (0.5 = half a percentage point).") },
    Key { key: "tax.follows_population", value: W("true/false", "true/false", "true/false"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.tax.as_ref()?.follows_population.as_ref(), unit: W("", "", ""), unset: Unset::Default,
            field: Field::Bool(|s| &mut s.tax.follows_population) }),
        source: W("", "", ""), meaning: W(
            "Tulovero suunnitelmakauden jälkeen on verotettava tulo asukasta kohden × asukkaat × veroprosentti: tulo asukasta kohden kasvaa tax.earnings_growth_pct:n ja tax.employment_growth_pct:n (työllisten osuus asukkaista) mukaan, asukkaat ovat väestöpolku. false: pohja ei huomioi asukkaita.",
            "Inkomstskatten efter planperioden är beskattningsbar inkomst per invånare × invånare × skattesats: inkomsten per invånare växer med tax.earnings_growth_pct och tax.employment_growth_pct (den sysselsatta andelen av invånarna), invånarna är befolkningsbanan. false: basen bortser från invånarna.",
            "Income tax beyond the plan is taxable income per resident × residents × rate: the income per resident grows by tax.earnings_growth_pct and tax.employment_growth_pct (the employed share of residents), the residents are the population path. false: the base ignores the residents.") },
    Key { key: "tax.property_rate_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Says(W("ei mitään: kiinteistövero kasvaa tax.property_growth_pct:n mukaan", "ingen: fastighetsskatten växer med tax.property_growth_pct", "none: property tax grows by tax.property_growth_pct")),
        setting: Some(Setting { doc: |d| d.tax.as_ref()?.property_rate_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::OptRate { at: |s| &mut s.tax.property_rate_pct, range: (Decimal::ZERO, dec!(10)) } }),
        source: W("", "", ""), meaning: W(
            "Kiinteistöveron painotettu keskimääräinen veroprosentti vuosittain: kiinteistövero suunnitelmakauden jälkeen on tämä prosentti × pohja (tax.property_base, tai viimeisen annetun vuoden kiinteistövero jaettuna tämän prosentilla), pohja kasvaen tax.property_growth_pct:n mukaan.",
            "Fastighetsskattens vägda genomsnittliga skattesats per år: fastighetsskatten efter planperioden är denna skattesats × basen (tax.property_base, eller det senaste givna årets fastighetsskatt delad med skattesatsen här), basen växande med tax.property_growth_pct.",
            "The weighted average property tax rate by year: property tax beyond the plan is this rate × the base (tax.property_base, or the last given year's property tax over its rate here), the base growing by tax.property_growth_pct.") },
    Key { key: "tax.property_base", value: W("rahamäärä", "belopp", "money"), default: KeyDefault::Says(W("viimeisen annetun vuoden kiinteistövero jaettuna tax.property_rate_pct:llä", "det senaste givna årets fastighetsskatt delad med tax.property_rate_pct", "the last given year's property tax over tax.property_rate_pct")),
        setting: Some(Setting { doc: |d| d.tax.as_ref()?.property_base.as_ref(), unit: W("€", "€", "€"), unset: Unset::Says(W("viimeisen annetun vuoden kiinteistövero jaettuna sen prosentilla, kun prosentti on annettu", "det senaste givna årets fastighetsskatt delad med dess skattesats, när en skattesats är given", "the last given year's property tax over its rate, when a rate is given")),
            field: Field::Money(|s| &mut s.tax.property_base) }),
        source: W("", "", ""), meaning: W(
            "Viimeisen annetun vuoden kiinteistöveron pohja (verotusarvo), tax.property_rate_pct:n kanssa.",
            "Fastighetsskattens bas (beskattningsvärde) det senaste givna året, med tax.property_rate_pct.",
            "The property tax base (verotusarvo) of the last given year, with tax.property_rate_pct.") },
    Key { key: "tax.corporate_share_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Says(W("ei mitään: viimeisen annetun vuoden osuus pysyy", "ingen: andelen för det senaste givna året kvarstår", "none: the share of the last given year holds")),
        setting: Some(Setting { doc: |d| d.tax.as_ref()?.corporate_share_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::OptRate { at: |s| &mut s.tax.corporate_share_pct, range: SHARE } }),
        source: W("", "", ""), meaning: W(
            "Kuntien osuus yhteisöverotuotosta vuosittain (kuntien jako-osuus): kaupungin yhteisövero suunnitelmakauden jälkeen muuttuu sen muutoksen mukaan, tax.corporate_growth_pct:n lisäksi.",
            "Kommunernas andel av samfundsskatteintäkterna per år (kommunernas utdelningsandel): stadens samfundsskatt efter planperioden följer dess förändring, utöver tax.corporate_growth_pct.",
            "The municipalities' share of corporate tax revenue by year (kuntien jako-osuus): the city's corporate tax beyond the plan moves with its change, besides tax.corporate_growth_pct.") },
    Key { key: "state_subsidies.index_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Says(W("hintaindeksi", "prisindexet", "the price index")),
        setting: Some(Setting { doc: |d| d.state_subsidies.as_ref()?.index_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::OptRate { at: |s| &mut s.subsidies.index_pct, range: GROWTH } }),
        source: W("", "", ""), meaning: W(
            "Peruspalvelujen valtionosuuden vuotuinen indeksi suunnitelmakauden jälkeen, ennen valtion päättämiä leikkauksia (state_subsidies.index_cut_pp).",
            "Det årliga indexet för statsandelen för basservice efter planperioden, före de nedskärningar staten beslutar (state_subsidies.index_cut_pp).",
            "Yearly index of the basic-services part of valtionosuudet beyond the plan, before the cuts the state decides (state_subsidies.index_cut_pp).") },
    Key { key: "state_subsidies.follow_population", value: W("true/false", "true/false", "true/false"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.state_subsidies.as_ref()?.follow_population.as_ref(), unit: W("", "", ""), unset: Unset::Default,
            field: Field::Bool(|s| &mut s.subsidies.follow_population) }),
        source: W("", "", ""), meaning: W(
            "Peruspalvelujen osa ja tasaus muuttuvat suunnitelmakauden jälkeen state_subsidies.population_lag_years vuotta aiemman vuoden väestön mukaan.",
            "Basservicedelen och utjämningen efter planperioden följer befolkningen det år som ligger state_subsidies.population_lag_years år tillbaka.",
            "The basic-services part and the equalisation beyond the plan change with the population of the year state_subsidies.population_lag_years back.") },
    Key { key: "state_subsidies.index_cut_pp", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Says(W("0: ei leikkausta", "0: ingen nedskärning", "0: none")),
        setting: Some(Setting { doc: |d| d.state_subsidies.as_ref()?.index_cut_pp.as_ref(), unit: W("%-yks.", "%-enheter", "pp"), unset: Unset::Default,
            field: Field::Rate { at: |s| &mut s.subsidies.index_cut_pp, range: GROWTH } }),
        source: W("", "", ""), meaning: W(
            "Käyttäjän oma indeksioletus: prosenttiyksikköä pois kaupungin peruspalvelujen osan indeksikorotuksesta suunnitelmakauden jälkeen, osuutena tuosta osasta (leikkaus alentaa jokaisen myöhemmän vuoden tasoa). %-polku on voimassa vuodestaan alkaen: { 2030 = 1 } leikkaa 1 yksikön vuonna 2030 ja joka vuosi sen jälkeen; { 2030 = 1, 2031 = 0 } vain vuonna 2030. Valtion päättämät indeksisäästöt eivät ole tätä (state_subsidies.index_cut_per_resident).",
            "Användarens eget indexantagande: procentenheter av indexhöjningen för stadens basservicedel efter planperioden, som andel av den delen (en nedskärning sänker varje senare års nivå). En %-bana gäller från sitt år framåt: { 2030 = 1 } skär 1 enhet år 2030 och varje år därefter; { 2030 = 1, 2031 = 0 } endast år 2030. Statens beslutade indexbesparingar är inte detta (state_subsidies.index_cut_per_resident).",
            "The user's own index assumption: percentage points off the index increase of the city's basic-services part beyond the plan, as a share of that part (a cut lowers every later year's level). A % path holds from its year on: { 2030 = 1 } cuts 1 point in 2030 and every year after; { 2030 = 1, 2031 = 0 } in 2030 only. The state's decided index savings are not this (state_subsidies.index_cut_per_resident).") },
    Key { key: "state_subsidies.index_cut_per_resident", value: W("{ vuosi = € asukasta kohden }", "{ år = € per invånare }", "{ year = € per resident }"), default: KeyDefault::Decided(decided_cuts),
        setting: None,
        source: W("HE 42/2023 (2024: 24 M€), HE 100/2025 (2026: 0,27 prosenttiyksikköä); data/valtionosuus.toml", "RP 42/2023 (2024: 24 M€), RP 100/2025 (2026: 0,27 procentenheter); data/valtionosuus.toml", "HE 42/2023 (2024: 24 M€), HE 100/2025 (2026: 0.27 points); data/valtionosuus.toml"), meaning: W(
            "Valtion indeksisäästöt euroina valtionosuuksien väestön asukasta kohden: toteutetaan alentamalla valtionosuusprosenttia, joten jokainen kunta menettää suunnilleen saman euromäärän asukasta kohden; peruspalvelujen osa alenee sinä vuonna ja pysyy alempana myöhempinä vuosina. Kirjoitettu vuosi korvaa sen vuoden päätetyn säästön.",
            "Statens indexbesparingar i euro per invånare i statsandelarnas befolkning: genomförs genom att sänka statsandelsprocenten, så varje kommun förlorar ungefär lika många euro per invånare; basservicedelen sänks det året och förblir lägre åren därefter. Ett angivet år ersätter den beslutade besparingen det året.",
            "The state's index savings (indeksisäästö) in euros per resident of the subsidies' population: carried out by lowering the valtionosuusprosentti, so every municipality loses about the same euros per resident; the basic-services part is lowered in that year and stays lower in the years after. A year written replaces the decided saving of that year.") },
    Key { key: "state_subsidies.population_lag_years", value: W("vuotta", "år", "years"), default: KeyDefault::Decided(decided_lag),
        setting: Some(Setting { doc: |d| d.state_subsidies.as_ref()?.population_lag_years.as_ref(), unit: W("vuotta", "år", "years"), unset: Unset::Default,
            field: Field::Count { at: |s| &mut s.subsidies.population_lag_years, max: 10 } }),
        source: W("Laki kunnan peruspalvelujen valtionosuudesta 1704/2009 4 § 3 mom. (1177/2019)", "Lag om statsandel för kommunal basservice 1704/2009 4 § 3 mom. (1177/2019)", "Laki kunnan peruspalvelujen valtionosuudesta 1704/2009 4 § 3 mom. (1177/2019)"), meaning: W(
            "Vuoden valtionosuudet seuraavat väestöä näin monta vuotta aiemman vuoden lopussa (2: edellistä edeltävä vuosi).",
            "Ett års statsandelar följer befolkningen vid slutet av året så här många år tidigare (2: året före det föregående).",
            "The subsidies of a year follow the population at the end of the year this many years earlier (2: the year before the preceding one).") },
    Key { key: "state_subsidies.equalisation", value: W("rahapolku", "beloppsbana", "money path"), default: KeyDefault::Says(W("0: ei eroteltu", "0: inget avskilt", "0: none split off")),
        setting: Some(Setting { doc: |d| d.state_subsidies.as_ref()?.equalisation.as_ref(), unit: W("€", "€", "€"), unset: Unset::Default,
            field: Field::MoneyPath { at: |s| &mut s.subsidies.equalisation, range: COMPONENT } }),
        source: W("VNa 1446/2014 2 § (kahden vuoden takainen verovuosi); Kuntaliitto: 80 % valtakunnan tason alituksesta lisätään, vähintään 30 % ylityksestä vähennetään", "SRf 1446/2014 2 § (skatteåret två år tillbaka); Finlands Kommunförbund: 80 % av underskottet mot riksnivån läggs till, minst 30 % av överskottet dras av", "VNa 1446/2014 2 § (the tax year two years back); Kuntaliitto: 80 % of the shortfall from the national level added, at least 30 % of the excess deducted"), meaning: W(
            "Verotuloihin perustuva valtionosuuden tasaus viimeisen annetun vuoden valtionosuuksissa, vähennys negatiivisena: suunnitelmakauden jälkeen se muuttuu kaupungin ja koko maan asukaskohtaisen verotettavan tulon eron, valtakunnan tason ja asukkaiden mukaan, laissa säädettyjen vuosien luvuilla.",
            "Utjämningen av statsandelen på basis av skatteinkomsterna inom det senaste givna årets statsandelar, negativ för ett avdrag: efter planperioden följer den skillnaden mellan stadens och hela landets beskattningsbara inkomst per invånare, riksnivån och invånarna, för de år lagen anger.",
            "The tax-revenue equalisation (verotuloihin perustuva valtionosuuden tasaus) within valtionosuudet of the last given year, negative for a deduction: beyond the plan it moves with the gap between the city's taxable income per resident and the national one, the national level and the residents, on the years the law takes.") },
    Key { key: "state_subsidies.relative_tax_base_pct", value: W("%", "%", "%"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: Some(Setting { doc: |d| d.state_subsidies.as_ref()?.relative_tax_base_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Says(W("ei mitään: tasaus seuraa vain valtakunnan tasoa ja asukkaita", "ingen: utjämningen följer endast riksnivån och invånarna", "none: the equalisation moves with the national level and the residents only")),
            field: Field::OptShare { at: |s| &mut s.subsidies.relative_tax_base_pct, range: (dec!(1), dec!(1000)) } }),
        source: W("", "", ""), meaning: W(
            "Kaupungin laskennallinen verotulo asukasta kohden prosentteina koko maan vastaavasta viimeisen annetun vuoden tasauksessa (ministeriön laskelma); sen kanssa tasaus seuraa eroa.",
            "Stadens kalkylerade skatteinkomst per invånare i procent av hela landets i utjämningen det senaste givna året (ministeriets kalkyl); med den följer utjämningen skillnaden.",
            "The city's computed tax revenue per resident as % of the national one in the equalisation of the last given year (the Ministry's calculation); with it the equalisation follows the gap.") },
    Key { key: "state_subsidies.national_tax_base_growth_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Says(W("tax.earnings_growth_pct", "tax.earnings_growth_pct", "tax.earnings_growth_pct")),
        setting: Some(Setting { doc: |d| d.state_subsidies.as_ref()?.national_tax_base_growth_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::OptRate { at: |s| &mut s.subsidies.national_tax_base_growth_pct, range: GROWTH } }),
        source: W("", "", ""), meaning: W(
            "Koko maan asukaskohtaisen verotettavan tulon kasvu, johon kaupungin tuloa tasauksessa verrataan.",
            "Tillväxten i hela landets beskattningsbara inkomst per invånare, som stadens inkomst jämförs med i utjämningen.",
            "Growth of the national taxable income per resident, against which the city's moves in the equalisation.") },
    Key { key: "state_subsidies.fixed", value: W("rahapolku", "beloppsbana", "money path"), default: KeyDefault::Says(W("0: ei eroteltu", "0: inget avskilt", "0: none split off")),
        setting: Some(Setting { doc: |d| d.state_subsidies.as_ref()?.fixed.as_ref(), unit: W("€", "€", "€"), unset: Unset::Default,
            field: Field::MoneyPath { at: |s| &mut s.subsidies.fixed, range: COMPONENT } }),
        source: W("", "", ""), meaning: W(
            "Valtionosuuksien kiinteät euromääräiset erät (järjestelmämuutoksen tasaus ja vastaavat) vuosittain: ei koskaan indeksoida eikä skaalata asukkailla.",
            "Fasta eurobelopp inom statsandelarna (utjämning av systemändringen och liknande) per år: aldrig indexerade, aldrig skalade med invånarna.",
            "Fixed euro elements within valtionosuudet (järjestelmämuutoksen tasaus and the like) by year: never indexed, never scaled by the residents.") },
    Key { key: "state_subsidies.per_resident_cut", value: W("{ vuosi = € asukasta kohden }", "{ år = € per invånare }", "{ year = € per resident }"), default: KeyDefault::Decided(decided_per_resident),
        setting: None,
        source: W("HE 100/2025 (2026: 11,42 € ja 3,89 €); data/valtionosuus.toml", "RP 100/2025 (2026: 11,42 € och 3,89 €); data/valtionosuus.toml", "HE 100/2025 (2026: 11.42 € and 3.89 €); data/valtionosuus.toml"), meaning: W(
            "Vain kyseisen vuoden tilapäiset leikkaukset euroina valtionosuuksien väestön asukasta kohden; kirjoitettu vuosi korvaa sen vuoden päätetyn leikkauksen.",
            "Tillfälliga nedskärningar endast det året, i euro per invånare i statsandelarnas befolkning; ett angivet år ersätter den beslutade nedskärningen det året.",
            "Temporary cuts of that year only, in euros per resident of the subsidies' population; a year written replaces the decided cut of that year.") },
    Key { key: "state_subsidies.preliminary", value: W("{ vuosi = rahamäärä }", "{ år = belopp }", "{ year = money }"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: None,
        source: W("valtiovarainministeriön ennakollinen kuntakohtainen valtionosuuslaskelma", "finansministeriets preliminära kommunvisa statsandelskalkyl", "the Ministry of Finance's preliminary per-municipality calculation (ennakollinen valtionosuuslaskelma)"), meaning: W(
            "Ennustevuoden valtionosuudet ministeriön laskemina: ne korvaavat lasketun kokonaismäärän, ja perusosa kantaa eron eteenpäin. Talousarvio- tai suunnitelmavuosi pitää työkirjan luvun (plan.follow_until päästää sen sisään).",
            "Statsandelarna för ett prognosår så som ministeriet beräknar dem: de ersätter den beräknade summan, och basdelen för skillnaden vidare. Ett budget- eller planår behåller arbetsbokens siffra (plan.follow_until släpper in den).",
            "Valtionosuudet of a projected year as the Ministry calculates them: they replace the computed total, the basic part carrying the difference on. A budget or plan year keeps the workbook's figure (plan.follow_until lets it in).") },
    Key { key: "[[state_subsidies.change]] from, to, amount", value: W("vuosi, vuosi, rahamäärä", "år, år, belopp", "year, year, money"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Päätetty leikkaus (negatiivinen) tai lisäys vuodesta (vuoteen), jokaisena kattamanaan vuonna.",
            "En beslutad nedskärning (negativ) eller ökning från ett år (till ett år), varje år den omfattar.",
            "A decided cut (negative) or addition from a year (to a year), every year it covers.") },
    Key { key: "operations.income_real_growth_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.operations.as_ref()?.income_real_growth_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::Rate { at: |s| &mut s.operations.income_real_growth_pct, range: GROWTH } }),
        source: W("", "", ""), meaning: W(
            "Toimintatuotot kasvavat hintaindeksin ja tämän verran suunnitelmakauden jälkeen.",
            "Verksamhetens intäkter växer med prisindexet plus detta efter planperioden.",
            "Operating income grows by the price index plus this beyond the plan.") },
    Key { key: "operations.cost_real_growth_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.operations.as_ref()?.cost_real_growth_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::Rate { at: |s| &mut s.operations.cost_real_growth_pct, range: GROWTH } }),
        source: W("", "", ""), meaning: W(
            "Toimintakulut kasvavat hintaindeksin ja tämän verran suunnitelmakauden jälkeen.",
            "Verksamhetens kostnader växer med prisindexet plus detta efter planperioden.",
            "Operating costs grow by the price index plus this beyond the plan.") },
    Key { key: "operations.cost_follows_population_pct", value: W("%", "%", "%"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.operations.as_ref()?.cost_follows_population_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::Share { at: |s| &mut s.operations.cost_follows_population_pct, range: SHARE } }),
        source: W("", "", ""), meaning: W(
            "Se osuus toimintakuluista, joka kasvaa ja supistuu väestön mukana suunnitelmakauden jälkeen (100 = kulut asukasta kohden pysyvät reaalisesti ennallaan).",
            "Den andel av verksamhetens kostnader som växer och krymper med befolkningen efter planperioden (100 = kostnaderna per invånare står reellt stilla).",
            "The share of operating costs that grows and shrinks with the population beyond the plan (100 = costs per resident stay level in real terms).") },
    Key { key: "[[operations.savings]] from, to, amount", value: W("vuosi, vuosi, rahamäärä", "år, år, belopp", "year, year, money"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Toimintakulut ovat summan verran pienemmät joka vuosi vuodesta (vuoteen): säästöohjelma. Myös suunnitelmavuosina.",
            "Verksamhetens kostnader är lägre med beloppet varje år från (till) året: ett sparprogram. Även planår.",
            "Operating costs are lower by the amount every year from (to) the year: a savings programme. Plan years too.") },
    Key { key: "[[operations.income_change]] from, to, amount", value: W("vuosi, vuosi, rahamäärä", "år, år, belopp", "year, year, money"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Toimintatuotot summan verran suuremmat (tai pienemmät, negatiivinen) jokaisena kattamanaan vuonna.",
            "Verksamhetens intäkter högre (eller lägre, negativt) med beloppet varje år det omfattar.",
            "Operating income higher (or lower, negative) by the amount every year it covers.") },
    Key { key: "investments.trend_gross", value: W("rahapolku", "beloppsbana", "money path"), default: KeyDefault::Says(W("nimettyjä hankkeita vailla olevien suunnitelmavuosien keskiarvo, indeksoituna", "medeltalet av planåren utan namngivna projekt, indexerat", "average of the plan years without named projects, indexed")),
        setting: Some(Setting { doc: |d| d.investments.as_ref()?.trend_gross.as_ref(), unit: W("€", "€", "€"), unset: Unset::Says(W("suunnitelmavuosien keskiarvo, indeksoituna", "planårens medeltal, indexerat", "the plan years' average, indexed")),
            field: Field::MoneyPath { at: |s| &mut s.investments.trend_gross, range: TREND } }),
        source: W("", "", ""), meaning: W(
            "Bruttoinvestoinnit vuodessa suunnitelmakauden jälkeen (nimettyjen hankkeiden lisäksi).",
            "Bruttoinvesteringar per år efter planperioden (utöver namngivna projekt).",
            "Gross investment per year beyond the plan (besides named projects).") },
    Key { key: "investments.trend_subsidies", value: W("rahapolku", "beloppsbana", "money path"), default: KeyDefault::Says(W("suunnitelman keskiarvo, indeksoituna", "planens medeltal, indexerat", "plan average, indexed")),
        setting: Some(Setting { doc: |d| d.investments.as_ref()?.trend_subsidies.as_ref(), unit: W("€", "€", "€"), unset: Unset::Says(W("suunnitelmavuosien keskiarvo, indeksoituna", "planårens medeltal, indexerat", "the plan years' average, indexed")),
            field: Field::MoneyPath { at: |s| &mut s.investments.trend_subsidies, range: TREND } }),
        source: W("", "", ""), meaning: W(
            "Rahoitusosuudet noihin investointeihin vuodessa.",
            "Finansieringsandelar för dessa investeringar per år.",
            "Contributions to that investment (rahoitusosuudet) per year.") },
    Key { key: "investments.trend_sales", value: W("rahapolku", "beloppsbana", "money path"), default: KeyDefault::Says(W("suunnitelman keskiarvo, indeksoituna", "planens medeltal, indexerat", "plan average, indexed")),
        setting: Some(Setting { doc: |d| d.investments.as_ref()?.trend_sales.as_ref(), unit: W("€", "€", "€"), unset: Unset::Says(W("suunnitelmavuosien keskiarvo, indeksoituna", "planårens medeltal, indexerat", "the plan years' average, indexed")),
            field: Field::MoneyPath { at: |s| &mut s.investments.trend_sales, range: TREND } }),
        source: W("", "", ""), meaning: W(
            "Luovutustulot vuodessa suunnitelmakauden jälkeen.",
            "Överlåtelseinkomster per år efter planperioden.",
            "Asset sales (luovutustulot) per year beyond the plan.") },
    Key { key: "investments.existing_runoff_years", value: W("vuotta", "år", "years"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: Some(Setting { doc: |d| d.investments.as_ref()?.existing_runoff_years.as_ref(), unit: W("vuotta", "år", "years"), unset: Unset::Says(W("ei mitään: viimeinen taso, kunnes kirjanpitoarvo on käytetty", "ingen: den senaste nivån tills bokföringsvärdet är förbrukat", "none: the last level until the book value is used")),
            field: Field::Count { at: |s| &mut s.investments.existing_runoff_years, max: 100 } }),
        source: W("", "", ""), meaning: W(
            "Nykyisten hyödykkeiden poistot laskevat nollaan näin monessa vuodessa; ilman tätä ne pysyvät viimeisellä annetulla tasolla, kunnes kirjanpitoarvo on käytetty.",
            "De befintliga tillgångarnas avskrivningar sjunker till noll under så här många år; utan detta stannar de på den senaste givna nivån tills bokföringsvärdet är förbrukat.",
            "Existing assets' depreciation falls to zero over this many years; without it, it stays at the last given level until their book value is used up.") },
    Key { key: "investments.life_years", value: W("{ ryhmä = vuotta }", "{ slag = år }", "{ class = years }"), default: KeyDefault::Lives,
        setting: None,
        source: W("", "", ""), meaning: W(
            "Taloudelliset pitoajat hyödykeryhmittäin; poistot ovat tasapoistoja valmistumista seuraavasta vuodesta.",
            "Ekonomiska livslängder per tillgångsslag; avskrivningarna är lineära från året efter färdigställandet.",
            "Useful lives by asset class; depreciation is straight-line from the year after completion.") },
    Key { key: "[[investments.project]] name", value: W("teksti", "text", "text"), default: KeyDefault::Says(W("pakollinen", "obligatorisk", "required")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Hanke; toista laajentava tiedosto muuttaa hanketta nimeämällä sen.",
            "Ett projekt; en fil som utvidgar en annan ändrar ett projekt genom att namnge det.",
            "A project; a file that extends another changes a project by naming it.") },
    Key { key: "[[investments.project]] cost", value: W("rahamäärä", "belopp", "money"), default: KeyDefault::Says(W("pakollinen", "obligatorisk", "required")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Bruttokustannus.",
            "Bruttokostnad.",
            "Gross cost.") },
    Key { key: "[[investments.project]] years", value: W("[vuodet] tai \"2027-2029\"", "[år] eller \"2027-2029\"", "[years] or \"2027-2029\""), default: KeyDefault::Says(W("pakollinen", "obligatorisk", "required")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Menojen vuodet; valmistuminen on viimeinen.",
            "Utgiftsåren; färdigställandet är det sista.",
            "Years of spending; completion is the last.") },
    Key { key: "[[investments.project]] spending", value: W("[rahamäärä]", "[belopp]", "[money]"), default: KeyDefault::Says(W("tasan jaettuna", "jämnt fördelat", "even split")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Menot vuosittain, yksi summa kutakin `years`-vuotta kohden, yhteensä kustannus.",
            "Utgifterna per år, ett belopp per år i `years`, sammanlagt kostnaden.",
            "Spending by year, one amount per year of `years`, adding up to the cost.") },
    Key { key: "[[investments.project]] subsidy", value: W("rahamäärä", "belopp", "money"), default: KeyDefault::Says(W("0", "0", "0")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Saadut rahoitusosuudet menojen suhteessa; vähennetään poistettavasta kustannuksesta.",
            "Erhållna finansieringsandelar i proportion till utgifterna; dras av från den avskrivningsbara kostnaden.",
            "Contributions received, in proportion to spending; deducted from the depreciable cost.") },
    Key { key: "[[investments.project]] land_sales", value: W("rahamäärä", "belopp", "money"), default: KeyDefault::Says(W("0", "0", "0")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Hankkeeseen sidotut omaisuuden tai maan luovutukset sen valmistumisvuonna.",
            "Överlåtelser av egendom eller mark knutna till projektet, under dess färdigställandeår.",
            "Asset or land sales tied to the project, in its completion year.") },
    Key { key: "[[investments.project]] class", value: W("buildings, structures, machinery, intangible, land, general", "buildings, structures, machinery, intangible, land, general", "buildings, structures, machinery, intangible, land, general"), default: KeyDefault::Says(W("general", "general", "general")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Hyödykeryhmä, pitoaikaa varten.",
            "Tillgångsslag, för livslängden.",
            "Asset class, for the useful life.") },
    Key { key: "[[investments.project]] in_plan", value: W("[vuodet]", "[år]", "[years]"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Vuodet, joiden talousarviossa ja suunnitelmassa hanke jo on; sen `years`-vuosien siirtäminen siirtää menot pois näiltä vuosilta sen sijaan, että ne lisättäisiin niihin.",
            "De år då arbetsbokens budget och plan redan innehåller projektet; att flytta dess `years` flyttar utgifterna bort från dessa år i stället för att lägga dem till.",
            "Where the workbook's budget and plan already hold the project; moving its `years` moves the spending out of these years instead of adding to them.") },
    Key { key: "loans.interest_rate_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Says(W("viimeisen annetun vuoden luvuista", "härlett ur det senaste givna året", "implied by the last given year")),
        setting: Some(Setting { doc: |d| d.loans.as_ref()?.interest_rate_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::OptRate { at: |s| &mut s.loans.interest_rate_pct, range: (Decimal::ZERO, dec!(30)) } }),
        source: W("", "", ""), meaning: W(
            "Korko keskimääräiselle lainakannalle suunnitelmakauden jälkeen.",
            "Räntan på den genomsnittliga lånestocken efter planperioden.",
            "Interest on the average loan stock beyond the plan.") },
    Key { key: "[[loans.rate_change]] from, change_pp", value: W("vuosi, prosenttiyksiköt", "år, procentenheter", "year, percentage points"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Korot muuttuvat change_pp:n verran vuodesta alkaen, myös suunnitelmavuosina (korkoshokki).",
            "Räntorna ändras med change_pp från året framåt, även planår (en ränteschock).",
            "Interest rates change by change_pp from the year on, plan years too (an interest shock).") },
    Key { key: "loans.variable_share_pct", value: W("%", "%", "%"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.loans.as_ref()?.variable_share_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::Share { at: |s| &mut s.loans.variable_share_pct, range: SHARE } }),
        source: W("", "", ""), meaning: W(
            "Se osuus lainakannasta, jonka korko seuraa koron muutosta.",
            "Den andel av lånestocken vars ränta följer en ränteförändring.",
            "Share of the loan stock whose interest follows a rate change.") },
    Key { key: "loans.average_maturity_years", value: W("vuotta", "år", "years"), default: KeyDefault::Says(W("lainat / lyhennykset viimeisenä annettuna vuonna", "lån / amorteringar det senaste givna året", "loans / repayments of the last given year")),
        setting: Some(Setting { doc: |d| d.loans.as_ref()?.average_maturity_years.as_ref(), unit: W("vuotta", "år", "years"), unset: Unset::Default,
            field: Field::Maturity(|s| &mut s.loans.average_maturity_years) }),
        source: W("", "", ""), meaning: W(
            "Lainoja lyhennetään suunnitelmakauden jälkeen vuosittain kanta / tämä.",
            "Lånen amorteras efter planperioden varje år med stocken / detta.",
            "Loans are repaid by stock / this each year beyond the plan.") },
    Key { key: "loans.repayments", value: W("{ vuosi = rahamäärä }", "{ år = belopp }", "{ year = money }"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Pitkäaikaisten lainojen lyhennykset noina vuosina suunnitelman tai maturiteettisäännön sijaan.",
            "Amorteringar av långfristiga lån de åren, i stället för planens eller löptidsregelns.",
            "Repayments of long-term loans in those years, instead of the plan's or the maturity rule's.") },
    Key { key: "loans.min_cash_days", value: W("päivää", "dagar", "days"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.loans.as_ref()?.min_cash_days.as_ref(), unit: W("päivää", "dagar", "days"), unset: Unset::Default,
            field: Field::Share { at: |s| &mut s.loans.min_cash_days, range: (Decimal::ZERO, dec!(365)) } }),
        source: W("", "", ""), meaning: W(
            "Uudet pitkäaikaiset lainat pitävät kassan vähintään näin monen päivän toimintakulujen ja bruttoinvestointien suuruisena (suunnitelmakauden jälkeen).",
            "Nya långfristiga lån håller kassan minst lika stor som så här många dagars verksamhetskostnader och bruttoinvesteringar (efter planperioden).",
            "New long-term loans keep cash at least this many days of operating costs and gross investment (beyond the plan).") },
    Key { key: "loans.min_cash", value: W("rahamäärä", "belopp", "money"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: Some(Setting { doc: |d| d.loans.as_ref()?.min_cash.as_ref(), unit: W("€", "€", "€"), unset: Unset::Hidden,
            field: Field::Money(|s| &mut s.loans.min_cash) }),
        source: W("", "", ""), meaning: W(
            "Vähimmäiskassa euroina päivien sijaan.",
            "Minimikassan i euro i stället för dagar.",
            "The minimum cash in euros instead of days.") },
    Key { key: "group.companies_loan_growth_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.group.as_ref()?.companies_loan_growth_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::Rate { at: |s| &mut s.group.companies_loan_growth_pct, range: GROWTH } }),
        source: W("", "", ""), meaning: W(
            "Konserniyhtiöiden omien lainojen vuosikasvu suunnitelmakauden jälkeen (konsernin lainat = kaupungin lainat + niiden).",
            "Den årliga tillväxten i koncernbolagens egna lån efter planperioden (koncernens lån = stadens lån + deras).",
            "Yearly growth of the group companies' own loans beyond the plan (group loans = city loans + theirs).") },
    Key { key: "group.companies_loans", value: W("{ vuosi = rahamäärä }", "{ år = belopp }", "{ year = money }"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Konserniyhtiöiden omat lainat vuosittain niiden suunnitelmista; kasvu koskee muita vuosia.",
            "Koncernbolagens egna lån per år ur deras planer; tillväxten gäller de övriga åren.",
            "The group companies' own loans by year from their plans; the growth applies to the other years.") },
    Key { key: "[[uncertainty]] driver", value: W("ajurin avain", "en drivarnyckel", "a driver key"), default: KeyDefault::Says(W("pakollinen", "obligatorisk", "required")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Epävarma ajuri: {drivers}. Sen deterministinen arvo on jakauman keskiarvo.",
            "Den osäkra drivaren: {drivers}. Dess deterministiska värde blir fördelningens mittvärde.",
            "The driver that is uncertain: {drivers}. Its deterministic value becomes the distribution's central value.") },
    Key { key: "[[uncertainty]] distribution", value: W("normal, lognormal, triangular, pert, uniform, student_t", "normal, lognormal, triangular, pert, uniform, student_t", "normal, lognormal, triangular, pert, uniform, student_t"), default: KeyDefault::Says(W("pakollinen", "obligatorisk", "required")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "normal ja lognormal saavat mean ja sd (arvon); triangular ja pert min, mode ja max; uniform min ja max; student_t location, scale ja df. Keskiarvo on mean, mode, keskikohta tai location.",
            "normal och lognormal tar mean och sd (för värdet); triangular och pert min, mode och max; uniform min och max; student_t location, scale och df. Mittvärdet är mean, mode, mittpunkten eller location.",
            "normal and lognormal take mean and sd (of the value); triangular and pert min, mode and max; uniform min and max; student_t location, scale and df. The central value is the mean, mode, midpoint or location.") },
    Key { key: "[[uncertainty]] persistence", value: W("0–1", "0–1", "0 to 1"), default: KeyDefault::Says(W("0", "0", "0")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Kuinka paljon vuoden poikkeamasta siirtyy seuraavaan: 0 uusi arvonta joka vuosi, 1 yksi arvonta koko polulle, välissä satunnaiskulku (hankkeen kustannus arvotaan kerran).",
            "Hur mycket av ett års avvikelse som förs vidare till nästa: 0 en ny dragning varje år, 1 en dragning för hela banan, däremellan en slumpvandring (ett projekts kostnad dras en gång).",
            "How much of a year's deviation carries into the next: 0 a fresh draw every year, 1 one draw for the whole path, between a walk (a project's cost is drawn once).") },
    Key { key: "[[correlation]] a, b, rho", value: W("ajurien avaimet, −1…1", "drivarnycklar, −1…1", "driver keys, −1 to 1"), default: KeyDefault::Says(W("ei mitään", "ingen", "none")),
        setting: None,
        source: W("", "", ""), meaning: W(
            "Kaksi epävarmaa ajuria liikkuu yhdessä (Gaussin kopula; kumpikin pitää oman jakaumansa).",
            "Två osäkra drivare rör sig tillsammans (en gaussisk copula; var och en behåller sin egen fördelning).",
            "Two uncertain drivers move together (a Gaussian copula; each keeps its own distribution).") },
    Key { key: "group.lease_growth_pct", value: W("%-polku", "%-bana", "% path"), default: KeyDefault::Code,
        setting: Some(Setting { doc: |d| d.group.as_ref()?.lease_growth_pct.as_ref(), unit: W("%", "%", "%"), unset: Unset::Default,
            field: Field::Rate { at: |s| &mut s.group.lease_growth_pct, range: GROWTH } }),
        source: W("", "", ""), meaning: W(
            "Konsernin vuokrasopimusvelkojen vuosikasvu suunnitelmakauden jälkeen.",
            "Den årliga tillväxten i koncernens leasingskulder efter planperioden.",
            "Yearly growth of the group's lease liabilities beyond the plan.") },
];
