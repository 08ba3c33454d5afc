//! Whose statement a sheet is: the city's or the group's. A group file is
//! often sent with its sheets named like the city's ("Tuloslaskelma") and
//! only its title saying "Konsernituloslaskelma"; read by the name alone,
//! the group's figures would be published as the city's.

use crate::error::{Location, Text, cell_name};
use crate::ingest::grid::Grid;
use crate::model::dataset::{Dataset, Entity};
use crate::model::findings::{Finding, Message};
use crate::model::items::{self, Statement};
use crate::model::labels;
use crate::report::Lang;
use crate::text;

/// Why a sheet was taken for the statement it was read as.
#[derive(Clone, Debug)]
pub(super) enum Why {
    /// The sheet's name says it.
    Name,
    /// A title row above the header says whose it is: the cell and its text.
    Title(String, String),
    /// Its lines say which statement (no name or title did).
    Content,
    /// A row naming each entity over its own columns.
    Columns,
}

impl Why {
    pub(super) fn words(&self, lang: Lang) -> String {
        match self {
            Why::Name => lang
                .tr("nimensä perusteella", "efter sitt namn", "by its name")
                .into(),
            Why::Title(cell, t) => match lang {
                Lang::Fi => format!("otsikkonsa \"{t}\" (solu {cell}) perusteella"),
                Lang::Sv => format!("efter sin rubrik \"{t}\" (cell {cell})"),
                Lang::En => format!("by its title \"{t}\" (cell {cell})"),
            },
            Why::Content => lang
                .tr(
                    "sisältönsä perusteella",
                    "efter sitt innehåll",
                    "by its content",
                )
                .into(),
            Why::Columns => lang
                .tr(
                    "sarakkeiden yläpuolisen rivin perusteella",
                    "efter raden ovanför kolumnerna",
                    "by the row above its columns",
                )
                .into(),
        }
    }
}

/// A word naming the group: "konserni", "kaupunkikonserni",
/// "konsernituloslaskelma", Swedish "koncern…", the abbreviation "kons".
fn group_word(w: &str) -> bool {
    w.contains("konserni") || w.contains("koncern") || w == "kons" || w == "group"
}

/// A word naming the city alone, as a sheet name or title says it.
fn city_word(w: &str) -> bool {
    matches!(
        w,
        "kaupunki"
            | "kaupungin"
            | "kunta"
            | "kunnan"
            | "peruskunta"
            | "emokunta"
            | "stad"
            | "staden"
            | "stadens"
            | "kommun"
            | "kommunen"
            | "kommunens"
            | "city"
            | "municipality"
    )
}

/// The entity some text names: the group if any word names it (a city's
/// name often stands beside it: "Kauhavan kaupunki, konsernitase"), else
/// the city if a word names it.
pub(super) fn entity_in(text: &str) -> Option<Entity> {
    let n = labels::normalize_keep_numbers(text);
    let words: Vec<&str> = n.split(' ').collect();
    if words.iter().any(|w| group_word(w)) {
        Some(Entity::Group)
    } else if words.iter().any(|w| city_word(w)) {
        Some(Entity::City)
    } else {
        None
    }
}

/// The first title cell above the header row naming an entity (the group
/// before the city), with the entity, the cell's name and its text.
pub(super) fn title_entity(grid: &Grid, header_row: u32) -> Option<(Entity, String, String)> {
    let cells = || {
        (0..header_row).flat_map(|r| {
            grid.row_cells(r)
                .filter_map(move |(c, cell)| cell.text().map(|t| (r, c, t)))
        })
    };
    let found = |want: Entity| {
        cells().find_map(|(r, c, t)| {
            (entity_in(t) == Some(want)).then(|| (want, cell_name(r, c), t.trim().to_string()))
        })
    };
    found(Entity::Group).or_else(|| found(Entity::City))
}

/// A sheet whose name says one entity and whose title the other: which
/// holds cannot be told, and a guess would publish one's figures as the
/// other's.
pub(super) fn conflict(
    file: &str,
    sheet: &str,
    named: Entity,
    (titled, cell, title): (Entity, &str, &str),
) -> crate::error::Error {
    let (n_fi, n_sv, n_en) = (named.fi(), named.sv(), named.en());
    let (t_fi, t_sv, t_en) = (titled.fi(), titled.sv(), titled.en());
    crate::error::Error::input(
        Location::cell(file, sheet, cell),
        text!(
            "taulukon nimi '{sheet}' sanoo {n_fi}, mutta sen otsikko \"{title}\" sanoo {t_fi}; kumman laskelma tämä on? Korjaa taulukon nimi tai otsikko",
            "bladets namn '{sheet}' säger {n_sv}, men dess rubrik \"{title}\" säger {t_sv}; vems räkning är detta? Rätta bladets namn eller rubrik",
            "the sheet's name '{sheet}' says {n_en} but its title \"{title}\" says {t_en}; whose statement is this? Correct the sheet's name or its title"
        ),
    )
}

/// Group lines a city may print as a breakdown of its own (its shares
/// and holdings split, its liabilities by interest): no sign of a group.
const BREAKDOWNS: [&str; 5] = [
    "ta.muut_osakkeet_ja_osuudet",
    "ta.pa_korollinen",
    "ta.pa_koroton",
    "ta.la_korollinen",
    "ta.la_koroton",
];

/// Lines only a group prints (minority interests, shares of associates'
/// profit, consolidation reserve …) in a statement read as the city's: the
/// sheet is the group's under a city's name, or the lines are misplaced.
/// An error naming every such cell.
pub(super) fn group_lines_in_city(ds: &mut Dataset, sheet: &str, statement: Statement, why: &Why) {
    let mut cells: Vec<(Location, String)> = Vec::new();
    for ((entity, id, _), f) in &ds.figures {
        let group_only =
            items::try_item(id).is_some_and(|d| d.group_only) && !BREAKDOWNS.contains(id);
        if *entity != Entity::City || !group_only || f.source.sheet.as_deref() != Some(sheet) {
            continue;
        }
        if !cells.iter().any(|(l, _)| *l == f.source) {
            cells.push((f.source.clone(), f.label.clone()));
        }
    }
    let Some((_, label)) = cells.first() else {
        return;
    };
    let label = crate::ingest::number::quoted(label);
    let (st_fi, st_sv, st_en) = (statement.fi(), statement.sv(), statement.en());
    let as_fi = read_as(Entity::City, statement, Lang::Fi);
    let (w_fi, w_sv, w_en) = (
        why.words(Lang::Fi),
        why.words(Lang::Sv),
        why.words(Lang::En),
    );
    let message: Text = text!(
        "\"{label}\" on vain konsernin laskelmassa, mutta taulukko '{sheet}' luettiin {as_fi} {w_fi}; taulukko näyttää konsernin laskelmalta: jos se on konsernin, sano se taulukon nimessä tai otsikossa (kuten \"Konserni{st_fi}\")",
        "\"{label}\" finns bara i koncernens räkning, men bladet '{sheet}' lästes som stadens {st_sv} {w_sv}; bladet ser ut som koncernens: är det koncernens, säg det i bladets namn eller rubrik (såsom \"Koncern{st_sv}\")",
        "\"{label}\" is a line only a group prints, but sheet '{sheet}' was read as the city's {st_en} {w_en}; the sheet looks like the group's: if it is, say so in its name or title (such as \"Konserni{st_fi}\")"
    );
    ds.findings.push(Finding::error(
        "group_line_in_city",
        Message::text(message),
        cells.into_iter().map(|(l, _)| l).collect(),
    ));
}

/// "kaupungin tuloslaskelmaksi", "stadens resultaträkning", "the city's
/// income statement": what a sheet was read as, in a sentence.
pub(super) fn read_as(entity: Entity, statement: Statement, lang: Lang) -> String {
    match lang {
        Lang::Fi => {
            let whose = match entity {
                Entity::City => "kaupungin",
                Entity::Group => "konsernin",
            };
            let what = match statement {
                Statement::Taustatiedot => "taustatiedoiksi".to_string(),
                st => format!("{}ksi", st.fi()),
            };
            format!("{whose} {what}")
        }
        Lang::Sv => format!("{} {}", entity.genitive(Lang::Sv), statement.sv()),
        Lang::En => format!("the {}'s {}", entity.en(), statement.en()),
    }
}

/// Text naming a municipal enterprise ("Vesihuoltoliikelaitos",
/// "Liikelaitoksen tuloslaskelma", Swedish "affärsverk") and not the city
/// or the group, as "Kaupunki (sis. liikelaitokset)" does.
fn enterprise_in(text: &str) -> bool {
    let n = labels::normalize_keep_numbers(text);
    let words: Vec<&str> = n.split(' ').collect();
    let enterprise = |w: &&str| w.contains("liikelaito") || w.contains("affarsverk");
    words.iter().any(enterprise) && entity_in(text).is_none()
}

/// A municipal enterprise's own statement: neither the city's (which
/// holds the enterprise's figures already) nor the group's. The cell or
/// name that says so, for a notice; the sheet is not read.
pub(super) fn enterprise_sheet(grid: &Grid, header_row: u32) -> Option<String> {
    if enterprise_in(&grid.name) {
        return Some(format!("'{}'", grid.name));
    }
    (0..header_row).find_map(|r| {
        grid.row_cells(r).find_map(|(c, cell)| {
            let t = cell.text()?;
            enterprise_in(t).then(|| format!("\"{}\" ({})", t.trim(), cell_name(r, c)))
        })
    })
}

/// Said of an enterprise's sheet left out.
pub(super) fn enterprise_notice(file: &str, sheet: &str, said: &str) -> Finding {
    Finding::notice(
        "sheet_ignored",
        Message::text(text!(
            "taulukko ohitettu: {said} on liikelaitoksen laskelma, ei kaupungin eikä konsernin; kaupungin laskelmissa liikelaitos on jo mukana",
            "bladet hoppades över: {said} är ett affärsverks räkning, varken stadens eller koncernens; stadens räkningar omfattar redan affärsverket",
            "sheet ignored: {said} is a municipal enterprise's statement, neither the city's nor the group's; the city's statements already hold the enterprise"
        )),
        vec![Location::sheet(file, sheet)],
    )
}
