//! Plausibility: a figure of a size no municipality has, or a sheet a
//! thousandfold off the others, is an error naming the cells.

use kivijalka::error::Location;
use kivijalka::model::dataset::{Dataset, Entity, Figure, YearKind};
use kivijalka::model::findings::Finding;
use kivijalka::model::plausibility;
use kivijalka::model::validate::validate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::support::example;

fn put(ds: &mut Dataset, e: Entity, id: &'static str, v: Decimal, sheet: &str, cell: &str) {
    ds.figures.insert(
        (e, id, 2024),
        Figure {
            value: v,
            source: Location::cell("t.xlsx", sheet, cell),
            label: id.to_string(),
            quantum: dec!(0.01),
        },
    );
}

fn dataset() -> Dataset {
    let mut ds = Dataset {
        file: "t.xlsx".into(),
        ..Dataset::default()
    };
    ds.years.insert(2024, YearKind::TP);
    ds
}

/// A balance sheet whose liabilities are all loans from financial
/// institutions, so its loan stock is the figure given.
fn loans(ds: &mut Dataset, e: Entity, v: Decimal, sheet: &str) {
    put(ds, e, "ta.vieras_paaoma", v, sheet, "B30");
    put(ds, e, "ta.pitkaaikainen", v, sheet, "B31");
    put(ds, e, "ta.pa_rahoituslaitokset", v, sheet, "B32");
}

fn plausibility_errors(ds: &Dataset) -> Vec<Finding> {
    plausibility::check(ds)
        .into_iter()
        .filter(|f| f.is_error() && f.code == "plausibility")
        .collect()
}

fn cell(f: &Finding, i: usize) -> (String, String) {
    let c = &f.cells[i];
    (c.sheet.clone().unwrap(), c.cell.clone().unwrap())
}

#[test]
fn population_outside_fifty_to_a_million_is_an_error_naming_its_cell() {
    for (v, bad) in [
        (dec!(15.049), true),
        (dec!(49), true),
        (dec!(50), false),
        (dec!(15049), false),
        (dec!(1000000), false),
        (dec!(15049000), true),
    ] {
        let mut ds = dataset();
        put(
            &mut ds,
            Entity::City,
            "bg.asukasluku",
            v,
            "Taustatiedot",
            "B7",
        );
        let errors = plausibility_errors(&ds);
        assert_eq!(errors.len(), usize::from(bad), "{v}: {errors:?}");
        if bad {
            assert_eq!(cell(&errors[0], 0), ("Taustatiedot".into(), "B7".into()));
            assert!(
                errors[0].message.to_string().contains("population 2024"),
                "{errors:?}"
            );
        }
    }
}

#[test]
fn per_resident_figures_outside_any_municipalitys_are_errors() {
    // 10 000 residents: operating costs of 400 000 € are 40 €/resident,
    // below the 100 €/resident no municipality is under; 400 M€ are
    // 40 000 €/resident, within bounds.
    let mut ds = dataset();
    put(
        &mut ds,
        Entity::City,
        "bg.asukasluku",
        dec!(10000),
        "Taustatiedot",
        "B7",
    );
    put(
        &mut ds,
        Entity::City,
        "tl.toimintakulut",
        dec!(-400000),
        "Tuloslaskelma",
        "B12",
    );
    let errors = plausibility_errors(&ds);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.to_string().contains("is 40 €/resident"),
        "{}",
        errors[0].message
    );
    assert!(
        errors[0]
            .message
            .to_string()
            .contains("the units differ by 1000?")
    );
    assert_eq!(cell(&errors[0], 0), ("Tuloslaskelma".into(), "B12".into()));
    assert_eq!(cell(&errors[0], 1), ("Taustatiedot".into(), "B7".into()));

    put(
        &mut ds,
        Entity::City,
        "tl.toimintakulut",
        dec!(-400000000),
        "Tuloslaskelma",
        "B12",
    );
    assert!(plausibility_errors(&ds).is_empty());

    // Lease liabilities of 5 000 € are 0,5 €/resident: thousands read as
    // euros. None at all is no unit error.
    put(
        &mut ds,
        Entity::City,
        "bg.vuokravastuut",
        dec!(5000),
        "Taustatiedot",
        "B9",
    );
    let errors = plausibility_errors(&ds);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.to_string().contains("is 0.5 €/resident"),
        "{}",
        errors[0].message
    );
    put(
        &mut ds,
        Entity::City,
        "bg.vuokravastuut",
        dec!(0),
        "Taustatiedot",
        "B9",
    );
    assert!(plausibility_errors(&ds).is_empty());

    // Lease liabilities of 600 M€ are 60 000 €/resident, above 50 000.
    put(
        &mut ds,
        Entity::City,
        "bg.vuokravastuut",
        dec!(600000000),
        "Taustatiedot",
        "B9",
    );
    let errors = plausibility_errors(&ds);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.to_string().contains("60000 €/resident"),
        "{}",
        errors[0].message
    );
}

#[test]
fn group_loans_below_the_citys_are_an_error_naming_both_cells() {
    // The group includes the city: 90 M€ against the city's 100 M€ cannot be.
    let mut ds = dataset();
    loans(&mut ds, Entity::City, dec!(100000000), "Tase");
    loans(&mut ds, Entity::Group, dec!(90000000), "Konsernitase");
    let errors = plausibility_errors(&ds);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let m = errors[0].message.to_string();
    assert!(
        m.contains("the group's loans 90000000 € are less than the city's own 100000000 €"),
        "{m}"
    );
    assert!(!m.contains("1000?"), "{m}");
    assert_eq!(cell(&errors[0], 0), ("Konsernitase".into(), "B30".into()));
    assert!(
        errors[0]
            .cells
            .iter()
            .any(|c| c.sheet.as_deref() == Some("Tase"))
    );

    // A thousandth of the city's: a group sheet read in euros, not thousands.
    loans(&mut ds, Entity::Group, dec!(100000), "Konsernitase");
    let errors = plausibility_errors(&ds);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0]
            .message
            .to_string()
            .contains("the units differ by 1000?"),
        "{}",
        errors[0].message
    );

    // 150 M€ includes the city's 100 M€: nothing to say.
    loans(&mut ds, Entity::Group, dec!(150000000), "Konsernitase");
    assert!(plausibility_errors(&ds).is_empty());
}

#[test]
fn a_line_two_statements_share_a_thousandfold_apart_is_an_error() {
    let mut ds = dataset();
    put(
        &mut ds,
        Entity::City,
        "tl.vuosikate",
        dec!(5000000),
        "Tuloslaskelma",
        "C20",
    );
    put(
        &mut ds,
        Entity::City,
        "rl.vuosikate",
        dec!(5000),
        "Rahoituslaskelma",
        "C6",
    );
    let errors = plausibility_errors(&ds);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0]
            .message
            .to_string()
            .contains("the units differ by 1000?")
    );
    assert_eq!(cell(&errors[0], 0), ("Tuloslaskelma".into(), "C20".into()));
    assert_eq!(
        cell(&errors[0], 1),
        ("Rahoituslaskelma".into(), "C6".into())
    );
    // Off by a few euros only: the identity check's business, not a unit.
    put(
        &mut ds,
        Entity::City,
        "rl.vuosikate",
        dec!(4999995),
        "Rahoituslaskelma",
        "C6",
    );
    assert!(plausibility_errors(&ds).is_empty());
}

/// The example workbook with its background sheet's unit line removed: the
/// responsibilities (in thousands like the statements) read as euros, and
/// the group's planned loans would be a thousandth of the city's.
#[test]
fn a_background_sheet_without_its_unit_line_is_caught() {
    let grids = kivijalka::ingest::workbook::load_grids(&example()).unwrap();
    let clean = kivijalka::ingest::read_grids("kivikoski.xlsx", grids.clone()).unwrap();
    assert!(
        validate(&clean).iter().all(|f| !f.is_error()),
        "the example is plausible as it is"
    );
    let grids: Vec<_> = grids
        .into_iter()
        .map(|g| {
            if g.name != "Taustatiedot" {
                return g;
            }
            let unit_row = (0..g.height())
                .find(|r| g.get(*r, 0).text().is_some_and(|t| t.contains("1 000 €")))
                .expect("the background sheet has a unit line");
            crate::row_removal::without_row(&g, unit_row)
        })
        .collect();
    let ds = kivijalka::ingest::read_grids("kivikoski.xlsx", grids).unwrap();
    let errors: Vec<Finding> = validate(&ds)
        .into_iter()
        .filter(|f| f.is_error() && f.code == "plausibility")
        .collect();
    let loans: Vec<&Finding> = errors
        .iter()
        .filter(|f| f.message.to_string().contains("loan estimate"))
        .collect();
    for f in &errors {
        println!("{}", f.message);
    }
    assert!(!loans.is_empty(), "{errors:#?}");
    // The lease liabilities' row, every year of it, in one finding.
    let leases: Vec<&Finding> = errors
        .iter()
        .filter(|f| {
            f.message.to_string().contains("kaupunki")
                && f.message.to_string().contains("vuokravastuut")
        })
        .collect();
    assert_eq!(leases.len(), 1, "{errors:#?}");
    let row = leases[0].cells[0].row().unwrap().to_string();
    let on_row = leases[0]
        .cells
        .iter()
        .filter(|c| c.row() == Some(row.as_str()))
        .count();
    assert_eq!(on_row, ds.years.len(), "{:?}", leases[0].cells);
    for f in &loans {
        assert!(
            f.message.to_string().contains("the units differ by 1000?"),
            "{}",
            f.message
        );
        assert_eq!(f.cells[0].sheet.as_deref(), Some("Taustatiedot"), "{f:?}");
        assert!(
            f.cells.iter().any(|c| c.sheet.as_deref() == Some("Tase")),
            "{f:?}"
        );
    }
}
