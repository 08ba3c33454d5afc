//! Batch peers on comparable terms: indicators in euros rank per resident,
//! so a city ten times the size with the same figures per resident ranks
//! equal, and a missing population is named rather than ranked.

use kivijalka::model::dataset::Entity;
use rust_decimal::Decimal;

use crate::support::{path_str, run, stderr, tempdir};

/// The example as a long table under four names: as it is; every euro
/// figure and the population times ten; the population doubled (half the
/// euros per resident); and without the population.
fn peers_table(path: &std::path::Path) {
    scaled_cities(
        path,
        &[
            ("Pieni", 1, Decimal::ONE, Decimal::ONE),
            ("Iso", 2, Decimal::TEN, Decimal::TEN),
            ("Puolikas", 3, Decimal::ONE, Decimal::TWO),
            ("Nimetön", 4, Decimal::ONE, Decimal::ZERO),
        ],
    );
}

/// The example as a long table under each (name, code, euro factor,
/// population factor); a factor of zero leaves the figure out.
pub(crate) fn scaled_cities(path: &std::path::Path, cities: &[(&str, u32, Decimal, Decimal)]) {
    let ds = kivijalka::ingest::read_path(&crate::support::example()).unwrap();
    let mut s = String::from("kunta;kuntanumero;taho;vuosi;laji;rivi;arvo\n");
    for &(name, code, euros, people) in cities {
        for ((e, id, y), f) in &ds.figures {
            let factor = match *id {
                "bg.asukasluku" => people,
                // A rate is not a sum of money: ten cities' rate is the same.
                "bg.tuloveroprosentti" => Decimal::ONE,
                _ => euros,
            };
            if factor.is_zero() {
                continue;
            }
            let taho = if *e == Entity::City {
                "kaupunki"
            } else {
                "konserni"
            };
            let kind = ds.kind(*y).unwrap();
            let v = (f.value * factor).normalize().to_string().replace('.', ",");
            s.push_str(&format!("{name};{code};{taho};{y};{kind};{id};{v}\n"));
        }
    }
    std::fs::write(path, s).unwrap();
}

struct Table {
    head: csv::StringRecord,
    rows: Vec<csv::StringRecord>,
}

impl Table {
    fn get(&self, city: &str, indicator: &str, year: &str, column: &str) -> String {
        let col = |n: &str| self.head.iter().position(|x| x == n).unwrap();
        let row = self
            .rows
            .iter()
            .find(|r| {
                &r[col("municipality")] == city
                    && &r[col("indicator")] == indicator
                    && &r[col("year")] == year
            })
            .unwrap_or_else(|| panic!("{city} {indicator} {year}"));
        row[col(column)].to_string()
    }
}

fn summary(name: &str, lang: &str) -> (Table, std::path::PathBuf) {
    let dir = tempdir(name);
    let table = dir.join("peers.csv");
    peers_table(&table);
    let out = dir.join("out");
    let o = run(&[
        "batch",
        path_str(&table),
        "--report",
        "none",
        "--lang",
        lang,
        "--out",
        path_str(&out),
    ]);
    assert!(
        stderr(&o).contains(match lang {
            "fi" => "4/4 kuntaa valmiina",
            "sv" => "4 av 4 kommuner klara",
            _ => "4 of 4 municipalities done",
        }),
        "{}",
        stderr(&o)
    );
    let text = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let head = rdr.headers().unwrap().clone();
    let rows = rdr.records().map(|r| r.unwrap()).collect();
    (Table { head, rows }, out)
}

#[test]
fn ten_times_the_city_ranks_equal_per_resident() {
    let (t, _) = summary("peers-scale", "fi");
    let g = |c: &str, i: &str, col: &str| t.get(c, i, "2024", col);
    // Indicator 1 in 2024: vuosikate − nettoinvestoinnit −183 000 € over
    // asukasluku 18 105 = −10.11 €/as.; doubling the residents halves it
    // (−183 000 / 36 210 = −5.05), which is the better value.
    assert_eq!(g("Pieni", "1", "value"), "-183000");
    assert_eq!(g("Iso", "1", "value"), "-1830000");
    for c in ["Pieni", "Iso"] {
        assert_eq!(g(c, "1", "peer_basis"), "per_resident");
        assert_eq!(g(c, "1", "peer_unit"), "€/resident");
        assert_eq!(g(c, "1", "peer_value"), "-10.11");
        assert_eq!(g(c, "1", "rank"), "2");
        assert_eq!(g(c, "1", "of"), "3");
    }
    assert_eq!(g("Puolikas", "1", "peer_value"), "-5.05");
    assert_eq!(g("Puolikas", "1", "rank"), "1");
    // Quartiles of −10.11, −10.11, −5.05 (QUARTILE.INC): the third is
    // halfway from the median to the largest, −10.11 + 5.06 / 2.
    assert_eq!(g("Pieni", "1", "peer_q1"), "-10.11");
    assert_eq!(g("Pieni", "1", "peer_median"), "-10.11");
    assert_eq!(g("Pieni", "1", "peer_q3"), "-7.58");

    // Indicator 2: 41 604 000 € / 18 105 = 2 297.93 €/as.; doubled
    // residents 1 148.96. The lower quartile is halfway between the two,
    // 1 723.445, to the cent half away from zero.
    for c in ["Pieni", "Iso"] {
        assert_eq!(g(c, "2", "peer_value"), "2297.93");
        assert_eq!(g(c, "2", "rank"), "1");
    }
    assert_eq!(g("Puolikas", "2", "peer_value"), "1148.96");
    assert_eq!(g("Puolikas", "2", "rank"), "3");
    assert_eq!(g("Pieni", "2", "peer_q1"), "1723.45");
    assert_eq!(g("Pieni", "2", "peer_median"), "2297.93");
    assert_eq!(g("Pieni", "2", "peer_q3"), "2297.93");
}

#[test]
fn percent_and_per_resident_indicators_compare_their_own_value() {
    let (t, _) = summary("peers-own", "en");
    let g = |c: &str, i: &str, col: &str| t.get(c, i, "2024", col);
    // Net cost growth is a percent: the size does not enter it.
    for c in ["Pieni", "Iso", "Puolikas"] {
        assert_eq!(g(c, "3", "peer_basis"), "value");
        assert_eq!(g(c, "3", "peer_value"), g(c, "3", "value"));
        assert_eq!(g(c, "3", "value"), g("Pieni", "3", "value"));
    }
    // Group loans are already per resident: ten times the loans over ten
    // times the residents is the same figure, twice the residents half.
    assert_eq!(g("Iso", "4", "value"), g("Pieni", "4", "value"));
    assert_eq!(g("Pieni", "4", "peer_basis"), "value");
    assert_eq!(g("Pieni", "4", "peer_unit"), "€/resident");
    assert_eq!(g("Pieni", "4", "rank"), "2");
    assert_eq!(g("Puolikas", "4", "rank"), "1");
}

#[test]
fn without_a_population_there_is_no_rank_and_the_reason_is_named() {
    let (t, out) = summary("peers-missing", "fi");
    let g = |i: &str, col: &str| t.get("Nimetön", i, "2024", col);
    // The indicator itself is in euros and measurable; only its comparison
    // per resident is not.
    assert_eq!(g("1", "value"), "-183000");
    assert_eq!(g("1", "peer_value"), "");
    assert_eq!(
        g("1", "peer_reason"),
        "population (asukasluku 31.12.) missing for 2024"
    );
    assert_eq!(g("1", "rank"), "");
    assert_eq!(g("1", "of"), "");
    // The peers' quartiles are still shown beside it.
    assert_eq!(g("1", "peer_median"), "-10.11");

    // The workbook names the basis of every rank, in the report's language.
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(out.join("summary.xlsx")).unwrap();
    let s = wb.worksheet_range("Indikaattorit").unwrap();
    let text = |r: u32, c: u32| s.get_value((r, c)).map(|d| d.to_string());
    assert_eq!(text(0, 7).as_deref(), Some("Vertailuperuste"));
    let bases: std::collections::BTreeSet<String> =
        (1..s.height() as u32).filter_map(|r| text(r, 7)).collect();
    assert_eq!(
        bases,
        ["€/asukas", "indikaattorin arvo"]
            .iter()
            .map(|x| x.to_string())
            .collect()
    );
    let p = wb.worksheet_range("Vertailu").unwrap();
    assert_eq!(
        p.get_value((0, 1)).map(|d| d.to_string()).as_deref(),
        Some("Vertailuperuste")
    );
}
