//! Which entity and which statement a sheet is, on Kauhava's and
//! Seinäjoki's published statements (laid out as the conformance test lays
//! them, which ties their figures to the published key ratios): a group
//! file sent with its sheets named like the city's, group sheets under
//! abbreviated names, a name and a title that disagree.

use std::collections::BTreeMap;

use kivijalka::ingest::grid::{Cell, Grid};
use kivijalka::ingest::read_grids;
use kivijalka::model::dataset::{Dataset, Entity};
use kivijalka::model::findings::Severity;
use kivijalka::model::ratios::compute_ratios;
use kivijalka::model::targets::Targets;
use rust_decimal::Decimal;

use crate::conformance::workbook;

const GROUP_SHEETS: [&str; 3] = [
    "Konsernituloslaskelma",
    "Konsernin rahoituslaskelma",
    "Konsernitase",
];

fn read(muni: &str, grids: Vec<Grid>) -> Dataset {
    read_grids(&format!("{muni}.xlsx"), grids).unwrap_or_else(|e| panic!("{muni}: {e}"))
}

fn of(ds: &Dataset, entity: Entity) -> BTreeMap<(&'static str, i32), Decimal> {
    ds.figures
        .iter()
        .filter(|((e, id, _), _)| *e == entity && !id.starts_with("bg."))
        .map(|((_, id, y), f)| ((*id, *y), f.value))
        .collect()
}

fn ratios_of(ds: &Dataset, entity: Entity) -> BTreeMap<(&'static str, i32), Option<Decimal>> {
    compute_ratios(ds, &Targets::default())
        .into_iter()
        .filter(|r| r.entity == entity)
        .map(|r| ((r.id, r.year), r.value))
        .collect()
}

fn errors(ds: &Dataset) -> Vec<String> {
    ds.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message.to_string())
        .collect()
}

/// The published workbook's sheets renamed by `name` (a sheet `name` maps
/// to `None` is left out), with A1, the title, replaced by `title`.
fn renamed(
    muni: &str,
    name: &dyn Fn(&str) -> Option<String>,
    title: &dyn Fn(&str) -> Option<String>,
) -> Vec<Grid> {
    workbook(muni)
        .into_iter()
        .filter_map(|mut g| {
            let old = g.name.clone();
            g.name = name(&old)?;
            if let Some(t) = title(&old) {
                g.set(0, 0, Cell::Text(t));
            }
            Some(g)
        })
        .collect()
}

fn plain_name(group_sheet: &str) -> &'static str {
    match group_sheet {
        "Konsernituloslaskelma" => "Tuloslaskelma",
        "Konsernin rahoituslaskelma" => "Rahoituslaskelma",
        _ => "Tase",
    }
}

/// A group file as finance departments send it: the group's statements on
/// sheets named "Tuloslaskelma", "Rahoituslaskelma", "Tase", only the
/// title saying whose they are. Read as the group's, to the published
/// group ratios; nothing read as the city's.
#[test]
fn a_group_file_with_plain_sheet_names_is_read_by_its_titles() {
    for muni in ["kauhava", "seinajoki"] {
        let plain = read(muni, workbook(muni));
        for titles in [
            [
                "KONSERNITULOSLASKELMA",
                "KONSERNIN RAHOITUSLASKELMA",
                "KONSERNITASE",
            ],
            ["Kauhavan kaupunkikonserni"; 3],
            [
                "KONCERNRESULTATRÄKNING",
                "KONCERNFINANSIERINGSANALYS",
                "KONCERNBALANSRÄKNING",
            ],
        ] {
            let grids = renamed(
                muni,
                &|n| match n {
                    "Taustatiedot" => Some(n.to_string()),
                    n if GROUP_SHEETS.contains(&n) => Some(plain_name(n).to_string()),
                    _ => None,
                },
                &|n| {
                    GROUP_SHEETS
                        .iter()
                        .position(|g| *g == n)
                        .map(|i| titles[i].to_string())
                },
            );
            let ds = read(muni, grids);
            assert!(
                errors(&ds).is_empty(),
                "{muni} {titles:?}: {:?}",
                errors(&ds)
            );
            assert!(
                of(&ds, Entity::City).is_empty(),
                "{muni} {titles:?}: city figures"
            );
            assert_eq!(of(&ds, Entity::Group), of(&plain, Entity::Group), "{muni}");
            assert_eq!(
                ratios_of(&ds, Entity::Group),
                ratios_of(&plain, Entity::Group),
                "{muni} {titles:?}"
            );
        }
    }
}

/// "Kons. TL", "KONS TASE": the usual abbreviation names the group, even
/// where the title names no one.
#[test]
fn kons_in_a_sheet_name_is_the_group() {
    for muni in ["kauhava", "seinajoki"] {
        let plain = read(muni, workbook(muni));
        for names in [
            ["Kons. TL", "Kons. RL", "Kons. tase"],
            ["KONS TL", "KONS RL", "KONS TASE"],
        ] {
            let grids = renamed(
                muni,
                &|n| match GROUP_SHEETS.iter().position(|g| *g == n) {
                    Some(i) => Some(names[i].to_string()),
                    None => Some(n.to_string()),
                },
                &|n| GROUP_SHEETS.contains(&n).then(|| format!("{muni} 2024")),
            );
            let ds = read(muni, grids);
            assert!(
                errors(&ds).is_empty(),
                "{muni} {names:?}: {:?}",
                errors(&ds)
            );
            assert_eq!(of(&ds, Entity::Group), of(&plain, Entity::Group), "{muni}");
            assert_eq!(of(&ds, Entity::City), of(&plain, Entity::City), "{muni}");
        }
    }
}

/// A sheet named for the city whose title says the group: which it is
/// cannot be told; the error names the sheet and the title's cell.
#[test]
fn a_name_and_a_title_naming_different_entities_is_an_error() {
    let grids = renamed(
        "kauhava",
        &|n| match n {
            "Konsernitase" => Some("Tase kaupunki".to_string()),
            "Tase" => None,
            n => Some(n.to_string()),
        },
        &|n| (n == "Konsernitase").then(|| "KONSERNITASE".to_string()),
    );
    let e = read_grids("kauhava.xlsx", grids).expect_err("name and title disagree");
    let e = e.to_string();
    assert!(e.contains("'Tase kaupunki'") && e.contains("A1"), "{e}");
    assert!(e.contains("KONSERNITASE") && e.contains("says city"), "{e}");
}

/// The group's income statement under a plain name and a title naming no
/// one is taken for the city's: its minority interests and taxes, lines
/// only a group prints, make it an error naming their cells.
#[test]
fn lines_only_a_group_prints_in_the_citys_statement_are_an_error() {
    let grids = renamed(
        "kauhava",
        &|n| match n {
            "Konsernituloslaskelma" => Some("Tuloslaskelma".to_string()),
            "Tuloslaskelma" => None,
            n => Some(n.to_string()),
        },
        &|n| (n == "Konsernituloslaskelma").then(|| "Kauhava 2024".to_string()),
    );
    let ds = read("kauhava", grids);
    let f = ds
        .findings
        .iter()
        .find(|f| f.code == "group_line_in_city")
        .expect("group lines refused");
    assert_eq!(f.severity, Severity::Error);
    let m = f.message.to_string();
    assert!(
        m.contains("'Tuloslaskelma'") && m.contains("looks like the group's"),
        "{m}"
    );
    // Vähemmistöosuudet, Tilikauden verot, Laskennalliset verot and the
    // share of associates' profit, each a cell of its own.
    let sheet = &ds
        .findings
        .iter()
        .find(|f| f.code == "group_line_in_city")
        .unwrap()
        .cells;
    assert!(sheet.len() >= 3, "{sheet:?}");
    assert!(
        sheet
            .iter()
            .all(|c| c.sheet.as_deref() == Some("Tuloslaskelma") && c.cell.is_some())
    );
}

/// Two sheets taken for one statement: the error says what each was
/// taken for and why, so that the reader looks at the names, not for a
/// row printed twice.
#[test]
fn a_duplicate_statement_says_what_each_sheet_was_taken_for() {
    let grids = renamed(
        "kauhava",
        &|n| match n {
            "Konsernituloslaskelma" => Some("Tuloslaskelma (2)".to_string()),
            n => Some(n.to_string()),
        },
        &|n| (n == "Konsernituloslaskelma").then(|| "Kauhava 2024".to_string()),
    );
    let e = read_grids("kauhava.xlsx", grids).expect_err("two income statements");
    let e = e.to_string();
    assert!(
        e.contains("sheet 'Tuloslaskelma (2)' was read as the city's income statement by its name")
            && e.contains("so was sheet 'Tuloslaskelma' by its name"),
        "{e}"
    );
}

/// The grids saved as an xlsx workbook, the sheets named in `hidden`
/// hidden as Excel hides them.
fn save(path: &std::path::Path, grids: &[Grid], hidden: &[&str]) {
    save_hiding(path, grids, hidden, &[]);
}

/// The same, with the columns `hidden_cols` of each sheet hidden.
fn save_hiding(path: &std::path::Path, grids: &[Grid], hidden: &[&str], hidden_cols: &[u16]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for g in grids {
        let ws = wb.add_worksheet();
        ws.set_name(&g.name).unwrap();
        for r in 0..g.height() {
            for (c, cell) in g.row_cells(r) {
                if let Some(t) = cell.text() {
                    ws.write_string(r, c as u16, t).unwrap();
                }
            }
        }
        if hidden.contains(&g.name.as_str()) {
            ws.set_hidden(true);
        }
        for c in hidden_cols {
            ws.set_column_hidden(*c).unwrap();
        }
    }
    wb.save(path).unwrap();
}

/// Every figure of `g` below its header multiplied by 1,05, and its year
/// headings replaced by `years`: a budget sheet made of the statement.
fn budget_of(g: &Grid, name: &str, years: [&str; 2]) -> Grid {
    let h = crate::hostile_layouts::header_row(g);
    let mut out = g.clone();
    out.name = name.to_string();
    out.set(h, 1, Cell::Text(years[0].to_string()));
    out.set(h, 2, Cell::Text(years[1].to_string()));
    for r in h + 1..g.height() {
        for c in 1..g.width() {
            let t = crate::hostile_layouts::text(g, r, c);
            if let Ok(Some(n)) = kivijalka::ingest::number::parse_text(&t) {
                let v = (n.value * Decimal::new(105, 2)).round_dp(2);
                out.set(r, c, Cell::Text(v.to_string()));
            }
        }
    }
    out
}

/// A budget sheet (TA 2024, TA 2025) beside the sheet of actuals: as on
/// one sheet, the actual TP 2024 is read and the budget column of the
/// same year left out with a notice naming it; either order of sheets.
#[test]
fn a_budget_sheet_beside_the_actuals_gives_way_to_them() {
    for muni in ["kauhava", "seinajoki"] {
        let plain = read(muni, workbook(muni));
        let tl = workbook(muni).into_iter().next().unwrap();
        let budget = budget_of(&tl, "Talousarvio TL", ["TA 2024", "TA 2025"]);
        for budget_first in [false, true] {
            let mut grids = workbook(muni);
            match budget_first {
                true => grids.insert(0, budget.clone()),
                false => grids.push(budget.clone()),
            }
            let ds = read(muni, grids);
            assert!(errors(&ds).is_empty(), "{muni}: {:?}", errors(&ds));
            let actuals = |ds: &Dataset, e| {
                let mut f = of(ds, e);
                f.retain(|(_, y), _| *y != 2025);
                f
            };
            assert_eq!(
                actuals(&ds, Entity::City),
                of(&plain, Entity::City),
                "{muni}"
            );
            assert_eq!(of(&ds, Entity::Group), of(&plain, Entity::Group), "{muni}");
            let said = ds.findings.iter().any(|f| {
                f.code == "column_ignored"
                    && f.message.to_string().contains("TA 2024 ignored")
                    && f.cells[0].sheet.as_deref() == Some("Talousarvio TL")
            });
            assert!(said, "{muni}: the budget column is said");
            // The budget's own year is read as the budget: its column is
            // the 2023 one's, times 1,05.
            let vuosikate = |ds: &Dataset, y| ds.value(Entity::City, "tl.vuosikate", y);
            let want = (vuosikate(&plain, 2023).unwrap() * Decimal::new(105, 2)).round_dp(2);
            assert_eq!(vuosikate(&ds, 2025), Some(want), "{muni}");
        }
    }
}

/// A hidden older draft of the income statement beside the visible one
/// is left out with a notice saying it is hidden; a hidden sheet that is
/// read (the background) is said to be hidden.
#[test]
fn a_hidden_draft_beside_the_visible_statement_is_left_out() {
    let dir = crate::support::tempdir("ents-hidden");
    for muni in ["kauhava", "seinajoki"] {
        let plain = read(muni, workbook(muni));
        let tl = workbook(muni).into_iter().next().unwrap();
        let mut draft = budget_of(&tl, "Tuloslaskelma (2)", ["TP 2024", "TP 2023"]);
        draft.name = "Tuloslaskelma (2)".into();
        let mut grids = workbook(muni);
        grids.insert(1, draft);
        let path = dir.join(format!("{muni}.xlsx"));
        save(&path, &grids, &["Tuloslaskelma (2)", "Taustatiedot"]);
        let ds = kivijalka::ingest::read_path(&path).unwrap_or_else(|e| panic!("{muni}: {e}"));
        assert!(errors(&ds).is_empty(), "{muni}: {:?}", errors(&ds));
        assert_eq!(of(&ds, Entity::City), of(&plain, Entity::City), "{muni}");
        assert_eq!(
            ratios_of(&ds, Entity::City),
            ratios_of(&plain, Entity::City)
        );
        let notice = |code: &str, sheet: &str| {
            ds.findings
                .iter()
                .find(|f| f.code == code && f.cells[0].sheet.as_deref() == Some(sheet))
                .map(|f| f.message.to_string())
        };
        let draft = notice("hidden_sheet_ignored", "Tuloslaskelma (2)").expect("draft said");
        assert!(draft.contains("visible sheet 'Tuloslaskelma'"), "{draft}");
        let bg = notice("hidden_sheet_read", "Taustatiedot").expect("hidden background said");
        assert!(bg.contains("hidden"), "{bg}");
    }
}

/// `grids` one below another on one sheet `name`, two blank rows between,
/// each's first row (its title) replaced by `title(its name)`; with
/// `one_header`, only the first keeps its header and unit rows, the
/// others their titles and lines.
fn stacked(name: &str, grids: &[Grid], title: &dyn Fn(&str) -> String, one_header: bool) -> Grid {
    let mut out = Grid::new(name);
    let mut at = 0;
    for (i, g) in grids.iter().enumerate() {
        let h = crate::hostile_layouts::header_row(g);
        for r in 0..g.height() {
            if one_header && i > 0 && r > 0 && r <= h {
                continue;
            }
            for (c, cell) in g.row_cells(r) {
                let cell = match r {
                    0 => Cell::Text(title(&g.name)),
                    _ => cell.clone(),
                };
                out.set(at, c, cell);
            }
            at += 1;
        }
        at += 2;
    }
    out
}

/// The three statements stacked on one sheet, each under its title row,
/// with a header of its own or one over them all, the city's on one sheet
/// and the group's on another: read as the statements they are, to the
/// plain layout's figures and so the published ratios.
#[test]
fn statements_stacked_on_one_sheet_are_read_each_under_its_title() {
    for muni in ["kauhava", "seinajoki"] {
        let plain = read(muni, workbook(muni));
        let sheets = workbook(muni);
        let upper = |n: &str| n.to_uppercase();
        for one_header in [false, true] {
            let grids = vec![
                stacked("Kaupunki", &sheets[0..3], &upper, one_header),
                stacked("Konserni", &sheets[3..6], &upper, one_header),
                sheets[6].clone(),
            ];
            let ds = read(muni, grids);
            let what = format!("{muni}, one header: {one_header}");
            assert_eq!(of(&ds, Entity::City), of(&plain, Entity::City), "{what}");
            assert_eq!(of(&ds, Entity::Group), of(&plain, Entity::Group), "{what}");
            assert_eq!(
                ratios_of(&ds, Entity::City),
                ratios_of(&plain, Entity::City)
            );
            assert_eq!(
                ratios_of(&ds, Entity::Group),
                ratios_of(&plain, Entity::Group)
            );
            assert_eq!(errors(&ds), errors(&plain), "{what}");
        }
        // Swedish titles, the group's known by its titles alone.
        let sv = |n: &str| {
            match n {
                "Tuloslaskelma" => "RESULTATRÄKNING",
                "Rahoituslaskelma" => "FINANSIERINGSANALYS",
                "Tase" => "BALANSRÄKNING",
                "Konsernituloslaskelma" => "KONCERNRESULTATRÄKNING",
                "Konsernin rahoituslaskelma" => "KONCERNFINANSIERINGSANALYS",
                _ => "KONCERNBALANSRÄKNING",
            }
            .to_string()
        };
        let grids = vec![
            stacked("Bokslut", &sheets[0..6], &sv, false),
            sheets[6].clone(),
        ];
        let ds = read(muni, grids);
        assert_eq!(of(&ds, Entity::City), of(&plain, Entity::City), "{muni} sv");
        assert_eq!(
            of(&ds, Entity::Group),
            of(&plain, Entity::Group),
            "{muni} sv"
        );
    }
}

/// A leftover TP 2022 column with only its first rows filled, on every
/// statement sheet: it lacks the vuosikate, the toiminnan ja
/// investointien rahavirta and the vastaavaa yhteensä the other years
/// have, so its figures are left out with a warning naming the column,
/// not read as a statement whose missing lines count as 0.
#[test]
fn a_year_without_the_closing_totals_the_others_have_is_left_out() {
    for muni in ["kauhava", "seinajoki"] {
        let plain = read(muni, workbook(muni));
        let grids: Vec<Grid> = workbook(muni)
            .into_iter()
            .map(|mut g| {
                if g.name == "Taustatiedot" {
                    return g;
                }
                let h = crate::hostile_layouts::header_row(&g);
                g.set(h, 3, Cell::Text("TP 2022".into()));
                let mut filled = 0;
                for r in h + 1..g.height() {
                    let t = crate::hostile_layouts::text(&g, r, 2);
                    if filled < 5 && !t.is_empty() {
                        g.set(r, 3, Cell::Text(t));
                        filled += 1;
                    }
                }
                g
            })
            .collect();
        let ds = read(muni, grids);
        for e in [Entity::City, Entity::Group] {
            assert_eq!(
                of(&ds, e),
                of(&plain, e),
                "{muni}: 2022 left out, the rest as read"
            );
        }
        let warned: Vec<&str> = (ds.findings.iter())
            .filter(|f| f.code == "year_truncated" && f.severity == Severity::Warning)
            .filter_map(|f| f.cells[0].sheet.as_deref())
            .collect();
        assert_eq!(warned.len(), 6, "{muni}: {warned:?}");
        let m = ds
            .findings
            .iter()
            .find(|f| f.code == "year_truncated")
            .unwrap();
        let m = m.message.to_string();
        assert!(m.contains("column D of TP 2022 lacks"), "{m}");
        let vuosikate_2022 = compute_ratios(&ds, &Targets::default())
            .into_iter()
            .find(|r| r.id == "vuosikate_per_asukas" && r.year == 2022 && r.entity == Entity::City);
        assert!(vuosikate_2022.is_none_or(|r| r.value.is_none()), "{muni}");
    }
}

/// A year column Excel hides is read as a visible one is, and said: its
/// reader does not see it.
#[test]
fn a_hidden_year_column_is_said() {
    let dir = crate::support::tempdir("ents-hidden-col");
    let plain = read("kauhava", workbook("kauhava"));
    let path = dir.join("kauhava.xlsx");
    save_hiding(&path, &workbook("kauhava"), &[], &[2]);
    let ds = kivijalka::ingest::read_path(&path).unwrap();
    assert_eq!(of(&ds, Entity::City), of(&plain, Entity::City));
    let said: Vec<String> = (ds.findings.iter())
        .filter(|f| f.code == "hidden_column")
        .map(|f| f.cells[0].show(kivijalka::report::Lang::En))
        .collect();
    // The six statements and the background sheet.
    assert_eq!(said.len(), 7, "{said:?}");
    assert!(
        said.iter()
            .any(|s| s.ends_with("sheet 'Tuloslaskelma', cell C4")),
        "{said:?}"
    );
}

/// A municipal enterprise's own income statement in the annual report's
/// workbook (its figures already in the city's) is left out with a notice
/// saying why, by its name or its title; a city's title that mentions the
/// enterprises it holds is still the city's.
#[test]
fn an_enterprise_statement_beside_the_citys_is_left_out() {
    let plain = read("kauhava", workbook("kauhava"));
    let tl = workbook("kauhava").into_iter().next().unwrap();
    for (name, title) in [
        (
            "Vesihuoltoliikelaitos TL",
            "Kauhavan Vesihuoltoliikelaitos, tuloslaskelma",
        ),
        (
            "Liikelaitoksen tuloslaskelma",
            "Kauhavan Vesihuoltoliikelaitos",
        ),
        ("TL (2)", "Kauhavan Vesihuoltoliikelaitos, tuloslaskelma"),
    ] {
        let mut ll = budget_of(&tl, name, ["TP 2024", "TP 2023"]);
        ll.set(0, 0, Cell::Text(title.into()));
        let mut grids = workbook("kauhava");
        grids[0].set(
            0,
            0,
            Cell::Text("Kauhavan kaupunki (sis. liikelaitokset)".into()),
        );
        grids.push(ll);
        let ds = read("kauhava", grids);
        assert!(errors(&ds).is_empty(), "{name}: {:?}", errors(&ds));
        assert_eq!(of(&ds, Entity::City), of(&plain, Entity::City), "{name}");
        let said = ds.findings.iter().any(|f| {
            f.code == "sheet_ignored"
                && f.cells[0].sheet.as_deref() == Some(name)
                && f.message
                    .to_string()
                    .contains("municipal enterprise's statement")
        });
        assert!(said, "{name}");
    }
}

/// The statements stacked under titles the reader does not know ("Osa
/// 1", "Osa 2" …) on a sheet named for the income statement: one error
/// saying the sheet holds several statements and what, not an unknown
/// row each.
#[test]
fn stacked_statements_without_known_titles_are_one_error() {
    let sheets = workbook("kauhava");
    let part = |n: &str| format!("Osa {}", n.len());
    let mut grids = vec![stacked("Tuloslaskelma", &sheets[0..3], &part, false)];
    grids.extend(sheets[3..].iter().cloned());
    let e = read_grids("kauhava.xlsx", grids).expect_err("several statements on one sheet");
    let e = e.to_string();
    assert!(
        e.contains("sheet 'Tuloslaskelma'") && e.contains("several statements"),
        "{e}"
    );
    assert!(
        e.contains("balance sheet") && e.contains("cash flow statement"),
        "{e}"
    );
}
