//! Reading a ledger's statement workbook into the statement model.
//!
//! `load` turns a file into grids; this module tells which sheet holds
//! which statement; `statement` reads one sheet, helped by `sections` (which
//! of two same-named lines a row is) and `signs` (the sign convention).

mod entities;
mod hidden;
mod kinds;
mod load;
mod sections;
mod signs;
mod stacked;
mod statement;
mod truncated;
mod whose;

use std::collections::BTreeMap;
use std::path::Path;

use rust_decimal::Decimal;

use crate::error::{Error, Location, Result, Text};
use crate::ingest::grid::{Cell, Grid};
use crate::ingest::reconcile;
use crate::ingest::sheet::{self, Layout};
use crate::model::dataset::{Dataset, Entity, YearKind};
use crate::model::findings::{Finding, Message};
use crate::model::items::Statement;
use crate::model::labels;
use crate::text;
pub use load::load_grids;
use signs::check_signs;
use statement::read_statement;
use whose::Why;

/// Reads a workbook (xlsx, xlsm, xls, xlsb or ods) from disk.
pub fn read_path(path: &Path) -> Result<Dataset> {
    read_grids(&path.display().to_string(), load_grids(path)?)
}

/// A workbook of statements, or a long table of many municipalities on one
/// of its sheets (then `true`).
pub fn read_any(path: &Path) -> Result<(Vec<Dataset>, bool)> {
    let file = path.display().to_string();
    let grids = load_grids(path)?;
    match grids.iter().find(|g| crate::ingest::long::looks_long(g)) {
        Some(g) => Ok((crate::ingest::long::read_long_grid(g, &file)?, true)),
        None => Ok((vec![read_grids(&file, grids)?], false)),
    }
}

/// Which statement a sheet's name says it holds.
fn classify_name(name: &str) -> Option<(Entity, Statement)> {
    let n = labels::normalize_keep_numbers(name).replace(' ', "");
    let group = n.contains("konserni")
        || n.contains("koncern")
        || n.contains("group")
        || whose::entity_in(name) == Some(Entity::Group);
    let entity = if group { Entity::Group } else { Entity::City };
    let st = if n.contains("tuloslaskelma")
        || n.contains("resultatrakning")
        || n.contains("income")
        || n == "tl"
        || n.starts_with("tl") && n.len() <= 4
    {
        Statement::Tuloslaskelma
    } else if n.contains("rahoituslaskelma")
        || n.contains("finansieringsanalys")
        || n.contains("cashflow")
        || n == "rl"
    {
        Statement::Rahoituslaskelma
    } else if n.contains("tase") || n.contains("balansrakning") || n.contains("balance") {
        Statement::Tase
    } else if n.contains("tausta")
        || n.contains("bakgrund")
        || n.contains("perustiedot")
        || n.contains("background")
    {
        return Some((Entity::City, Statement::Taustatiedot));
    } else {
        return None;
    };
    Some((entity, st))
}

fn classify_content(layout: &Layout) -> Option<(Entity, Statement)> {
    let t = &layout.titles;
    let entity = if t.contains("konserni") || t.contains("koncern") {
        Entity::Group
    } else {
        Entity::City
    };
    for (words, st) in [
        (
            &["tuloslaskelma", "resultaträkning"][..],
            Statement::Tuloslaskelma,
        ),
        (
            &["rahoituslaskelma", "finansieringsanalys"][..],
            Statement::Rahoituslaskelma,
        ),
        (&["tase", "balansräkning"][..], Statement::Tase),
        (
            &["taustatiedot", "bakgrundsuppgifter"][..],
            Statement::Taustatiedot,
        ),
    ] {
        if words.iter().any(|w| {
            t.split(|c: char| !c.is_alphanumeric())
                .any(|x| x == *w || x == format!("konserni{w}"))
        }) {
            return Some((entity, st));
        }
    }
    let mut votes: BTreeMap<Statement, usize> = BTreeMap::new();
    for row in &layout.rows {
        for st in labels::statements_of(&row.label) {
            *votes.entry(st).or_default() += 1;
        }
    }
    let mut ranked: Vec<(Statement, usize)> = votes.into_iter().collect();
    ranked.sort_by_key(|a| std::cmp::Reverse(a.1));
    match ranked.as_slice() {
        [(st, n), rest @ ..] if *n >= 3 && rest.first().is_none_or(|(_, m)| *m * 2 < *n) => {
            Some((entity, *st))
        }
        _ => None,
    }
}

const META_NAME: &[&str] = &[
    "kunta",
    "kunnan nimi",
    "kaupunki",
    "kommun",
    "municipality",
    "nimi",
];
const META_CODE: &[&str] = &[
    "kuntanumero",
    "kuntakoodi",
    "kunnan numero",
    "kommunnummer",
    "municipality code",
    "kuntanro",
];

/// Name and number of the municipality in the background sheet: a label with
/// the value beside it. Those rows are taken out before the year columns are read.
fn take_meta(grid: &mut Grid, ds: &mut Dataset) {
    for r in 0..grid.height() {
        let Some((c, label)) =
            (0..grid.width()).find_map(|c| grid.get(r, c).text().map(|t| (c, t.to_string())))
        else {
            continue;
        };
        let key = labels::normalize(&label);
        let target = if META_NAME.contains(&key.as_str()) {
            1
        } else if META_CODE.contains(&key.as_str()) {
            2
        } else {
            continue;
        };
        let value = (c + 1..grid.width()).find_map(|cc| match grid.get(r, cc) {
            Cell::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
            Cell::Number(n) => Some(n.value.to_string()),
            _ => None,
        });
        if let Some(v) = value {
            if target == 1 {
                ds.municipality = Some(v);
            } else {
                ds.municipality_code = Some(v);
            }
        }
        for cc in 0..grid.width() {
            grid.set(r, cc, Cell::Empty);
        }
    }
}

/// Reads sheets already turned into grids. `file` names the source in messages.
pub fn read_grids(file: &str, grids: Vec<Grid>) -> Result<Dataset> {
    let mut ds = Dataset {
        file: file.to_string(),
        ..Default::default()
    };
    if grids.iter().all(Grid::is_blank) {
        return Err(Error::input(
            Location::file(file),
            text!(
                "työkirja on tyhjä",
                "arbetsboken är tom",
                "the workbook is empty"
            ),
        ));
    }
    let mut run = Carried::default();
    // Hidden sheets last, so that a hidden draft of a statement a visible
    // sheet gives is known for one.
    let (visible, hidden): (Vec<Grid>, Vec<Grid>) = grids.into_iter().partition(|g| !g.hidden);
    for grid in visible.into_iter().chain(hidden) {
        // The background sheet has its own lines for the group's figures.
        let background = classify_name(&grid.name).map(|(_, s)| s) == Some(Statement::Taustatiedot);
        if let Some(parts) = (!background).then(|| entities::split(&grid)).flatten() {
            for (part, entity) in parts {
                read_sheet(&mut ds, file, part, &mut run, (Some(entity), None))?;
            }
        } else if let Some(parts) = (!background).then(|| stacked::split(&grid)).flatten() {
            for p in parts {
                let given = (Some(p.entity), Some((p.statement, p.why)));
                read_sheet(&mut ds, file, p.grid, &mut run, given)?;
            }
        } else {
            read_sheet(&mut ds, file, grid, &mut run, (None, None))?;
        }
    }
    if ds.sheets.keys().all(|(_, s)| *s == Statement::Taustatiedot) {
        return Err(Error::input(
            Location::file(file),
            text!(
                "laskelmataulukkoa ei löytynyt (tuloslaskelma, rahoituslaskelma tai tase, taulukon nimen tai sisällön perusteella)",
                "inget blad med en räkning hittades (resultaträkning, finansieringsanalys eller balansräkning, efter bladets namn eller innehåll)",
                "no statement sheet found (tuloslaskelma, rahoituslaskelma or tase, by sheet name or content)"
            ),
        ));
    }
    unitless_sheets(&mut ds, file, &run.units);
    truncated::drop_truncated_years(&mut ds);
    reconcile::judge(&mut ds, run.pending);
    check_signs(&mut ds);
    summarise_footnotes(&mut ds.findings);
    Ok(ds)
}

/// What reading one sheet leaves for the sheets after it and for the
/// workbook as a whole.
#[derive(Default)]
struct Carried {
    /// Where each year's kind was first read, to tell a sheet that disagrees.
    year_origin: BTreeMap<i32, (YearKind, Location)>,
    /// Rows that are none of the lines, judged once every sheet is read.
    pending: Vec<reconcile::SheetRows>,
    /// Each statement sheet's unit, as found or not.
    units: Vec<(String, Option<Text>, Decimal)>,
    /// Why the first sheet of each statement was taken for it.
    taken: BTreeMap<(Entity, Statement), Why>,
}

/// One sheet: which statement it is (by its name, else its content), its
/// layout, then its rows; a sheet that is no statement is said and passed.
fn read_sheet(
    ds: &mut Dataset,
    file: &str,
    mut grid: Grid,
    run: &mut Carried,
    given: (Option<Entity>, Option<(Statement, Why)>),
) -> Result<()> {
    if grid.is_blank() {
        return Ok(());
    }
    let stacked_here = given.1.is_some();
    let named = classify_name(&grid.name);
    let Some((mut layout, (entity, statement, why))) = place(ds, file, &mut grid, named, given)?
    else {
        return Ok(());
    };
    if grid.hidden && !kinds::hidden_sheet(ds, file, &grid.name, (entity, statement)) {
        return Ok(());
    }
    kinds::actual_over_budget(ds, &mut run.year_origin, file, &grid.name, &mut layout);
    kinds::hidden_year_columns(ds, file, &grid, &layout);
    // A statement may come on several sheets (a sheet a year, the balance
    // sheet's two sides): read on, as long as no figure is given twice.
    // Its figures are read apart and joined after, each looked up once.
    let first = ds.sheets.get(&(entity, statement)).cloned();
    let prior = match &first {
        Some(_) => std::mem::take(&mut ds.figures),
        None => {
            ds.sheets.insert((entity, statement), grid.name.clone());
            BTreeMap::new()
        }
    };
    if stacked_here {
        ds.findings
            .push(stacked::notice(file, &grid.name, (entity, statement), &why));
    } else if named.is_none() {
        ds.findings
            .push(by_content(file, &grid.name, (entity, statement)));
    }
    if statement != Statement::Taustatiedot {
        run.units.push((
            grid.name.clone(),
            layout.first().unit_found.clone(),
            layout.first().scale,
        ));
    }
    read_statement(
        ds,
        &mut run.year_origin,
        file,
        &grid,
        layout,
        entity,
        statement,
        &mut run.pending,
    );
    if entity == Entity::City && statement != Statement::Taustatiedot {
        whose::group_lines_in_city(ds, &grid.name, statement, &why);
    }
    match first {
        Some(first) => {
            let first_why = run.taken.get(&(entity, statement)).cloned();
            let taken = ((entity, statement), first_why.unwrap_or(Why::Name), why);
            continued(ds, file, &grid.name, &first, prior, taken)?;
        }
        None => {
            run.taken.insert((entity, statement), why);
        }
    }
    Ok(())
}

/// Whose statement a sheet is, which, and why.
type Placed = (Entity, Statement, Why);

/// A sheet's layout and what it is: `None` (said in a notice) for a sheet
/// that is no statement or an enterprise's; an error for a named sheet
/// whose layout cannot be read or a sheet holding several statements.
fn place(
    ds: &mut Dataset,
    file: &str,
    grid: &mut Grid,
    named: Option<(Entity, Statement)>,
    (entity, stacked): (Option<Entity>, Option<(Statement, Why)>),
) -> Result<Option<(Layout, Placed)>> {
    let background = named.map(|(_, s)| s) == Some(Statement::Taustatiedot);
    if background {
        take_meta(grid, ds);
    }
    let ignored = |ds: &mut Dataset| {
        ds.findings.push(Finding::notice(
            "sheet_ignored",
            Message::text(not_a_statement()),
            vec![Location::sheet(file, &grid.name)],
        ));
    };
    let layout = match sheet::read_layout(grid, file) {
        Ok(l) => l,
        Err(f) if named.is_some() => {
            let at = f
                .cells
                .last()
                .cloned()
                .unwrap_or_else(|| Location::sheet(file, &grid.name));
            let message = Text::each(|lang| crate::report::finding::text(&f.message, lang));
            return Err(Error::input(at, message));
        }
        Err(_) => {
            ignored(ds);
            return Ok(None);
        }
    };
    if !background
        && entity.is_none()
        && let Some(said) = whose::enterprise_sheet(grid, layout.first().header_row)
    {
        ds.findings
            .push(whose::enterprise_notice(file, &grid.name, &said));
        return Ok(None);
    }
    let found = match (stacked, entity) {
        (Some((st, why)), Some(e)) => Some((e, st, why)),
        _ => whose_sheet(file, grid, &layout, named, entity)?,
    };
    let Some((entity, statement, why)) = found else {
        ignored(ds);
        return Ok(None);
    };
    if statement != Statement::Taustatiedot
        && let Some(e) = stacked::foreign_rows(file, grid, &layout, (entity, statement), &why)
    {
        return Err(e);
    }
    Ok(Some((layout, (entity, statement, why))))
}

fn by_content(file: &str, sheet: &str, (entity, statement): (Entity, Statement)) -> Finding {
    Finding::notice(
        "sheet_recognised",
        Message::text({
            let (e, st) = (entity.fi(), statement.fi());
            let (e_en, st_en) = (entity.en(), statement.en());
            text!(
                "taulukko luettu sisältönsä perusteella: {e} {st}",
                "bladet lästes efter sitt innehåll som {e} {st}",
                "sheet read as the {e_en} {st_en} by its content"
            )
        }),
        vec![Location::sheet(file, sheet)],
    )
}

/// Which entity's which statement a sheet is, and why: the columns' entity
/// row, else the name's statement with the entity its name or title says,
/// else its content's. A name saying one entity and a title the other is an
/// error; a title naming the group makes a plainly named sheet the group's.
fn whose_sheet(
    file: &str,
    grid: &Grid,
    layout: &Layout,
    named: Option<(Entity, Statement)>,
    columns: Option<Entity>,
) -> Result<Option<(Entity, Statement, Why)>> {
    let titled = || whose::title_entity(grid, layout.first().header_row);
    if let Some(entity) = columns {
        let st = named
            .map(|(_, s)| s)
            .or_else(|| classify_content(layout).map(|(_, s)| s));
        return Ok(st.map(|st| (entity, st, Why::Columns)));
    }
    if let Some((_, Statement::Taustatiedot)) = named {
        return Ok(Some((Entity::City, Statement::Taustatiedot, Why::Name)));
    }
    if let Some((entity, st)) = named {
        return Ok(Some(match (whose::entity_in(&grid.name), titled()) {
            (Some(said), Some((t, cell, text))) if said != t => {
                return Err(whose::conflict(file, &grid.name, said, (t, &cell, &text)));
            }
            (None, Some((Entity::Group, cell, text))) => {
                (Entity::Group, st, Why::Title(cell, text))
            }
            _ => (entity, st, Why::Name),
        }));
    }
    let Some((entity, st)) = classify_content(layout) else {
        return Ok(None);
    };
    if st == Statement::Taustatiedot {
        return Ok(Some((entity, st, Why::Content)));
    }
    // The name may say whose ("Kons. TL") where only the content says which.
    Ok(Some(match (whose::entity_in(&grid.name), titled()) {
        (Some(said), Some((t, cell, text))) if said != t => {
            return Err(whose::conflict(file, &grid.name, said, (t, &cell, &text)));
        }
        (Some(said), _) => (said, st, Why::Content),
        (None, Some((Entity::Group, cell, text))) => (Entity::Group, st, Why::Title(cell, text)),
        _ => (entity, st, Why::Content),
    }))
}

/// A second sheet of a statement already read: every figure it gives must
/// be one the first did not, else which is right cannot be told (an error
/// naming both cells). Said in a notice, so that `check` shows where each
/// part came from.
fn continued(
    ds: &mut Dataset,
    file: &str,
    sheet: &str,
    first: &str,
    prior: BTreeMap<(Entity, &'static str, i32), crate::model::dataset::Figure>,
    ((entity, statement), first_why, why): ((Entity, Statement), Why, Why),
) -> Result<()> {
    let read_here = std::mem::replace(&mut ds.figures, prior);
    for (key, now) in read_here {
        let Some(before) = ds.figures.get(&key) else {
            ds.figures.insert(key, now);
            continue;
        };
        use crate::report::Lang;
        let (year, label) = (key.2, crate::ingest::number::quoted(&now.label));
        let (fi, sv, en) = (
            before.source.show(Lang::Fi),
            before.source.show(Lang::Sv),
            before.source.show(Lang::En),
        );
        let taken = |l: Lang| {
            let what = whose::read_as(entity, statement, l);
            let (w, fw) = (why.words(l), first_why.words(l));
            match l {
                Lang::Fi => format!(
                    "taulukko '{sheet}' luettiin {what} {w}, ja samoin taulukko '{first}' {fw}"
                ),
                Lang::Sv => format!(
                    "bladet '{sheet}' lästes som {what} {w}, och så även bladet '{first}' {fw}"
                ),
                Lang::En => format!(
                    "sheet '{sheet}' was read as {what} {w}, and so was sheet '{first}' {fw}"
                ),
            }
        };
        let (t_fi, t_sv, t_en) = (taken(Lang::Fi), taken(Lang::Sv), taken(Lang::En));
        return Err(Error::input(
            now.source.clone(),
            text!(
                "\"{label}\" {year} on jo luettu: {fi}; sama luku kahdesti eri taulukoissa: {t_fi}",
                "\"{label}\" {year} lästes redan: {sv}; samma siffra två gånger på olika blad: {t_sv}",
                "\"{label}\" {year} was already read: {en}; one figure twice on different sheets: {t_en}"
            ),
        ));
    }
    ds.findings.push(Finding::notice(
        "sheet_continued",
        Message::text({
            let (e, st) = (entity.fi(), statement.fi());
            let (e_sv, st_sv) = (entity.sv(), statement.sv());
            let (e_en, st_en) = (entity.en(), statement.en());
            text!(
                "taulukko luettu {e} {st} -laskelman jatkoksi (alku taulukossa '{first}')",
                "bladet lästes som fortsättning på {st_sv} ({e_sv}), som börjar på bladet '{first}'",
                "sheet read as more of the {e_en} {st_en} (begun on sheet '{first}')"
            )
        }),
        vec![Location::sheet(file, sheet)],
    ));
    Ok(())
}

fn not_a_statement() -> Text {
    text!(
        "taulukko ohitettu: sen nimi ja sisältö eivät ole laskelma",
        "bladet hoppades över: varken dess namn eller innehåll är en räkning",
        "sheet ignored: neither its name nor its content is a statement"
    )
}

/// A statement sheet that names no unit is judged against the workbook's
/// other statement sheets: if one of them names a unit other than euros,
/// reading this one as euros would be a guess a thousand times off, and its
/// identities would hold all the same. An error naming both sheets.
fn unitless_sheets(ds: &mut Dataset, file: &str, units: &[(String, Option<Text>, Decimal)]) {
    let Some((other, Some(found), scale)) = units
        .iter()
        .find(|(_, found, scale)| found.is_some() && *scale != Decimal::ONE)
    else {
        return;
    };
    for (sheet, found_here, _) in units {
        if found_here.is_none() {
            ds.findings.push(Finding::error(
                "unit_missing",
                Message::text({
                    let scale = scale.normalize();
                    let (found_fi, found_sv, found) = (&found.fi, &found.sv, &found.en);
                    text!(
                        "lukujen yläpuolelta ei löytynyt yksikköä (kuten \"1 000 €\"), kun taas taulukko '{other}' on {scale} euron yksiköissä ({found_fi}); lisää taulukon yksikkörivi",
                        "ingen enhet hittades ovanför siffrorna (såsom \"1 000 €\"), medan bladet '{other}' är i enheter om {scale} € ({found_sv}); lägg till bladets enhetsrad",
                        "no unit found above the figures (such as \"1 000 €\"), while sheet '{other}' is in units of {scale} € (from {found}); add the sheet's unit row"
                    )
                }),
                vec![Location::sheet(file, sheet)],
            ));
        }
    }
}

/// A sheet whose labels all carry a note number (a note column glued to the
/// label) would give a notice a row: past a few, one notice a sheet names
/// the first of them and every cell.
fn summarise_footnotes(findings: &mut Vec<Finding>) {
    const SHOWN: usize = 3;
    let key = |f: &Finding| match (f.code, f.cells.first()) {
        ("footnote_marker", Some(c)) => Some((c.file.clone(), c.sheet.clone())),
        _ => None,
    };
    let mut by_sheet: BTreeMap<(String, Option<String>), Vec<Finding>> = BTreeMap::new();
    for f in findings.iter() {
        if let Some(k) = key(f) {
            by_sheet.entry(k).or_default().push(f.clone());
        }
    }
    let mut out = Vec::with_capacity(findings.len());
    for f in findings.drain(..) {
        let Some(k) = key(&f) else {
            out.push(f);
            continue;
        };
        let Some(notes) = by_sheet.get_mut(&k) else {
            continue; // summarised at the sheet's first
        };
        if notes.len() <= SHOWN {
            out.push(f);
            continue;
        }
        let notes = by_sheet.remove(&k).unwrap_or_default();
        let n = notes.len();
        let message = Text::each(|lang| {
            let examples: Vec<String> = (notes.iter().take(SHOWN))
                .map(|n| crate::report::finding::text(&n.message, lang))
                .collect();
            let examples = examples.join("; ");
            crate::tr!(
                lang,
                "{n} nimikettä luettu ilman perässä olevaa alaviitteen merkkiä, kuten {examples} …",
                "{n} rubriker lästa utan fotnotsmarkering i slutet, såsom {examples} …",
                "{n} labels read without a trailing footnote marker, such as {examples} …"
            )
        });
        out.push(Finding::notice(
            "footnote_marker",
            Message::text(message),
            notes.iter().flat_map(|n| n.cells.clone()).collect(),
        ));
    }
    *findings = out;
}
