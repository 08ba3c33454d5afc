//! Every key a scenario file may hold, once (the table is in `keys.rs`):
//! its type as the reference shows it, its default, its meaning and, for a
//! plain setting, where it sits in the file and in [`Scenario`] and which
//! values it takes. From this table come the reader's checks and error
//! messages (`setting.rs`, `apply.rs`),
//! `kivijalka scenario keys` and the table in scenarios/README.md,
//! `scenario show` and `scenario diff` (report/scenario.rs), and the keys
//! `[[uncertainty]]` may name ([`DRIVERS`]).
//!
//! Why this shape: a plain setting (one value, one field) is wholly
//! described by data, so it is read, checked and shown by one generic
//! reader and one generic printer. Lists, tables by year and projects merge
//! across files with rules of their own (a project changed by name, years
//! recorded for the horizon check), so their rows document them and their
//! readers are code. The serde structs in `doc.rs` stay the shape of the
//! document because they keep every value's line and refuse an unknown key
//! with toml's own message; a test keeps their fields and these keys equal.
//! One accessor (`At`) serves reading and writing, so a field is named
//! once; the printer works on a copy.

use rust_decimal::Decimal;

use super::doc::{Doc, V};
use crate::model::scenario::{AssetClass, Decided, Path, Scenario};
use crate::model::uncertainty::Driver;
use crate::report::Lang;

pub use super::keys::KEYS;

/// Where a plain setting lives in a [`Scenario`].
pub type At<T> = fn(&mut Scenario) -> &mut T;

/// Where a plain setting is written in a file, when it is.
pub(crate) type In = fn(&Doc) -> Option<&V>;

/// The value a plain setting takes and the bounds it is checked against.
pub enum Field {
    /// Text in quotes; `hide_empty`: empty text is not shown.
    Text {
        at: At<String>,
        hide_empty: bool,
    },
    /// A year; unset, the rule of its default holds.
    Year(At<Option<i32>>),
    /// A percentage path, always set (the default is a value).
    Rate {
        at: At<Path>,
        range: (Decimal, Decimal),
    },
    /// A percentage path whose default is a rule.
    OptRate {
        at: At<Option<Path>>,
        range: (Decimal, Decimal),
    },
    /// A money path, from zero to the bound.
    MoneyPath {
        at: At<Option<Path>>,
        range: (Decimal, Decimal),
    },
    /// A number within bounds (a share, days).
    Share {
        at: At<Decimal>,
        range: (Decimal, Decimal),
    },
    OptShare {
        at: At<Option<Decimal>>,
        range: (Decimal, Decimal),
    },
    Bool(At<bool>),
    /// A whole number of years from 0 to `max`.
    Count {
        at: At<Option<u32>>,
        max: i64,
    },
    /// Years above 0 up to 100, fractions allowed.
    Maturity(At<Option<Decimal>>),
    /// Euros, not negative.
    Money(At<Option<Decimal>>),
}

/// What `scenario show` says of a setting that is not set.
pub enum Unset {
    /// The default's words, marked "(default)".
    Default,
    /// Other words, marked "(default)": the reference says what the
    /// default is, `show` what it does.
    Says(W),
    /// Nothing: the setting replaces a rule only when given.
    Hidden,
}

/// A plain setting: one value in the file, one field in the scenario.
pub struct Setting {
    pub(crate) doc: In,
    pub field: Field,
    /// The unit `show` writes after a number.
    pub unit: W,
    pub unset: Unset,
}

/// A key's default in the reference.
pub enum KeyDefault {
    /// The value [`Scenario::default`] holds, so code and reference agree.
    Code,
    /// A rule or a reading of the workbook, in words.
    Says(W),
    /// The asset classes' useful lives ([`AssetClass::default_life`]).
    Lives,
    /// Read from the shipped decisions (data/valtionosuus.toml).
    Decided(fn(&Decided, Lang) -> String),
}

/// A fixed text in Finnish, Swedish and English, in that order.
#[derive(Clone, Copy, Debug)]
pub struct W(pub &'static str, pub &'static str, pub &'static str);

impl W {
    pub fn in_lang(&self, lang: Lang) -> &'static str {
        lang.tr(self.0, self.1, self.2)
    }
}

const NONE: W = W("ei mitään", "ingen", "none");

/// One documented key of a scenario file.
pub struct Key {
    pub key: &'static str,
    /// The value it takes, as the reference writes it.
    pub value: W,
    pub default: KeyDefault,
    /// Read, checked and shown through the registry; `None` for lists,
    /// tables and projects, which have readers of their own.
    pub setting: Option<Setting>,
    /// The law or decision a default rests on; empty when none.
    pub source: W,
    /// `{drivers}` stands for the list of [`DRIVERS`].
    pub meaning: W,
}

/// A driver `[[uncertainty]]` may name, in the order the reference and
/// error messages list them; `note` says what a key that is not a setting
/// moves.
pub struct DriverKey {
    pub key: &'static str,
    pub driver: Driver,
    pub note: W,
}

#[rustfmt::skip]
pub static DRIVERS: &[DriverKey] = &[
    DriverKey { key: "price_index_pct", driver: Driver::PriceIndex, note: W("", "", "") },
    DriverKey { key: "tax.earnings_growth_pct", driver: Driver::EarningsGrowth, note: W("", "", "") },
    DriverKey { key: "tax.employment_growth_pct", driver: Driver::EmploymentGrowth, note: W("", "", "") },
    DriverKey { key: "tax.property_growth_pct", driver: Driver::PropertyTaxGrowth, note: W("", "", "") },
    DriverKey { key: "tax.corporate_growth_pct", driver: Driver::CorporateTaxGrowth, note: W("", "", "") },
    DriverKey { key: "operations.cost_real_growth_pct", driver: Driver::CostRealGrowth, note: W("", "", "") },
    DriverKey { key: "operations.income_real_growth_pct", driver: Driver::IncomeRealGrowth, note: W("", "", "") },
    DriverKey { key: "state_subsidies.index_pct", driver: Driver::SubsidyIndex, note: W("", "", "") },
    DriverKey { key: "population.growth_pct", driver: Driver::PopulationGrowth, note: W("", "", "") },
    DriverKey { key: "loans.interest_shift_pp", driver: Driver::InterestShift, note: W("prosenttiyksikköä jokaiseen korkoon, myös suunnitelmavuosina", "procentenheter på varje ränta, även planår", "points on every interest rate, plan years too") },
];

/// A named project's cost overrun, the one driver per project; `NAME` is
/// the project's name.
pub const PROJECT_COST: &str = "investments.project 'NAME'.cost_overrun_pct";

/// Every driver key as error messages list them.
pub fn driver_keys() -> Vec<&'static str> {
    DRIVERS
        .iter()
        .map(|d| d.key)
        .chain([PROJECT_COST])
        .collect()
}

impl Key {
    /// The plain setting of a key, if it is one.
    pub fn setting(key: &str) -> Option<&'static Setting> {
        KEYS.iter()
            .find(|k| k.key == key)
            .and_then(|k| k.setting.as_ref())
    }

    /// Whether `[[uncertainty]]` may name the key.
    pub fn uncertain(&self) -> bool {
        DRIVERS.iter().any(|d| d.key == self.key)
    }

    /// The default as the English reference writes it.
    pub fn default_text(&self) -> String {
        self.default_in(Lang::En)
    }

    /// The default as the reference in `lang` writes it.
    pub fn default_in(&self, lang: Lang) -> String {
        match (&self.default, &self.setting) {
            (KeyDefault::Says(s), _) => s.in_lang(lang).to_string(),
            (KeyDefault::Lives, _) => AssetClass::ALL
                .iter()
                .map(|c| format!("{} {}", c.key(), c.default_life()))
                .collect::<Vec<_>>()
                .join(", "),
            (KeyDefault::Decided(f), _) => f(Decided::shipped(), lang),
            (KeyDefault::Code, Some(s)) => s.field.value_of(&mut Scenario::default(), lang),
            (KeyDefault::Code, None) => NONE.in_lang(lang).into(),
        }
    }

    /// The meaning as the English reference writes it.
    pub fn meaning_text(&self) -> String {
        self.meaning_in(Lang::En)
    }

    /// The meaning, with the drivers and the source, in `lang`.
    pub fn meaning_in(&self, lang: Lang) -> String {
        let drivers = DRIVERS
            .iter()
            .map(|d| match d.note.in_lang(lang) {
                "" => d.key.to_string(),
                n => format!("{} ({n})", d.key),
            })
            .chain([PROJECT_COST.to_string()])
            .collect::<Vec<_>>()
            .join(", ");
        let meaning = self.meaning.in_lang(lang).replace("{drivers}", &drivers);
        match self.source.in_lang(lang) {
            "" => meaning,
            src => crate::tr!(
                lang,
                "{meaning} Lähde: {src}.",
                "{meaning} Källa: {src}.",
                "{meaning} Source: {src}."
            ),
        }
    }
}

impl Field {
    /// A default value as the reference writes it: as written in the code
    /// (2.0, not 2), so the reference shows the precision meant.
    fn value_of(&self, sc: &mut Scenario, lang: Lang) -> String {
        let none = || NONE.in_lang(lang).to_string();
        match self {
            Field::Rate { at, .. } => at(sc).base.map_or_else(none, |b| b.to_string()),
            Field::Share { at, .. } => at(sc).to_string(),
            Field::Bool(at) => at(sc).to_string(),
            _ => none(),
        }
    }

    /// Sets a rate to one value, as an uncertain driver's central value;
    /// false when the field is no rate.
    pub fn set_rate(&self, sc: &mut Scenario, p: Path) -> bool {
        match self {
            Field::Rate { at, .. } => *at(sc) = p,
            Field::OptRate { at, .. } => *at(sc) = Some(p),
            _ => return false,
        }
        true
    }
}

/// The reference of scenario keys as Markdown, for scenarios/README.md.
pub fn keys_markdown() -> String {
    keys_markdown_in(Lang::En)
}

/// The reference of scenario keys as Markdown in `lang`.
pub fn keys_markdown_in(lang: Lang) -> String {
    let head = lang.tr(
        "| avain | arvo | oletus | merkitys |",
        "| nyckel | värde | standardvärde | betydelse |",
        "| key | value | default | meaning |",
    );
    let mut s = format!("{head}\n|---|---|---|---|\n");
    for k in KEYS {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            k.key,
            k.value.in_lang(lang),
            k.default_in(lang),
            k.meaning_in(lang)
        ));
    }
    s.push_str(&footer(lang));
    s
}

/// What the value types mean and the bounds every key shares.
fn footer(lang: Lang) -> String {
    lang.tr(FOOTER_FI, FOOTER_SV, FOOTER_EN).to_string()
}

const FOOTER_EN: &str = "\nA `% path` is a number (2.5), a text (\"2,5 %\") or a table by year whose values hold from that year on: `{ 2026 = 2.5, 2030 = 2.0 }`. \
A `money` value is a number of euros (2500000) or a text with its unit: \"2,5 M€\", \"2 500 t€\", \"2 500 000 €\" (Finnish or English decimals). \
A `money path` is the same by year. \
Bounds, whatever the key: years from 1990 to 2100, percentages within ±1000, amounts within ±10^15 €; growth rates that would compound a figure more than a billion-fold by the horizon are refused, naming the keys and the year. A scenario holds at most 1 000 projects, 100 uncertain drivers and 1 000 correlations; a text at most 1 000 characters, without control characters; the income tax rate its changes give stays within 0–100 %.\n";

const FOOTER_FI: &str = "\n`%-polku` on luku (2.5), teksti (\"2,5 %\") tai vuosittainen taulukko, jonka arvot ovat voimassa vuodestaan alkaen: `{ 2026 = 2.5, 2030 = 2.0 }`. \
`rahamäärä` on euromäärä lukuna (2500000) tai teksti yksikköineen: \"2,5 M€\", \"2 500 t€\", \"2 500 000 €\" (suomalaiset tai englantilaiset desimaalit). \
`rahapolku` on sama vuosittain. \
Rajat avaimesta riippumatta: vuodet 1990–2100, prosentit ±1000:n sisällä, rahamäärät ±10^15 €:n sisällä; kasvuvauhdit, jotka kasvattaisivat luvun horisonttiin mennessä yli miljardinkertaiseksi, hylätään ja avaimet ja vuosi nimetään. Skenaariossa on enintään 1 000 hanketta, 100 epävarmaa tekijää ja 1 000 korrelaatiota; tekstissä enintään 1 000 merkkiä eikä ohjausmerkkejä; muutosten jälkeinen tuloveroprosentti pysyy välillä 0–100 %.\n";

const FOOTER_SV: &str = "\nEn `%-bana` är ett tal (2.5), en text (\"2,5 %\") eller en tabell per år vars värden gäller från sitt år framåt: `{ 2026 = 2.5, 2030 = 2.0 }`. \
Ett `belopp` är ett antal euro som tal (2500000) eller en text med sin enhet: \"2,5 M€\", \"2 500 t€\", \"2 500 000 €\" (finska eller engelska decimaler). \
En `beloppsbana` är detsamma per år. \
Gränser, oavsett nyckel: år från 1990 till 2100, procent inom ±1000, belopp inom ±10^15 €; tillväxttakter som skulle föröka ett tal mer än en miljard gånger fram till horisonten avvisas, med nycklarna och året angivna. Ett scenario har högst 1 000 projekt, 100 osäkra faktorer och 1 000 korrelationer; en text högst 1 000 tecken, utan styrtecken; inkomstskattesatsen efter ändringarna håller sig inom 0–100 %.\n";
