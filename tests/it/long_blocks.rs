//! A long table split into its municipalities' blocks, each read on its
//! own (as `batch` does over many cores), gives the datasets reading the
//! whole table gives: the same figures with the same lines and labels.

use kivijalka::ingest::long::{Block, read_block, read_long_csv, split_long_csv};
use kivijalka::model::dataset::Dataset;

/// Every municipality of `text` by blocks, or None where the split or a
/// block asks for the whole reading.
fn by_blocks(text: &str) -> Option<Vec<Dataset>> {
    let mut blocks: Vec<Block> = Vec::new();
    if !split_long_csv(text, "t.csv", None, |b| blocks.push(b)) {
        return None;
    }
    let mut sets = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        assert_eq!(b.sub, i, "blocks come in their table's order");
        let (ds, _) = read_block(b, "t.csv", None).ok()?;
        sets.push(ds);
    }
    Some(sets)
}

fn assert_same(text: &str) {
    let whole = read_long_csv(text, "t.csv").expect("the table reads");
    let blocks = by_blocks(text).expect("the table splits and its blocks read");
    assert_eq!(whole.len(), blocks.len());
    for (w, b) in whole.iter().zip(&blocks) {
        assert_eq!(w.municipality, b.municipality);
        assert_eq!(w.municipality_code, b.municipality_code);
        assert_eq!(w.file, b.file);
        assert_eq!(w.years, b.years);
        assert_eq!(w.sheets, b.sheets);
        // Values, lines ("line 7") and labels as written.
        assert_eq!(w.figures, b.figures);
    }
}

#[test]
fn blocks_read_as_the_whole_table_with_quotes_spaces_and_line_ends() {
    // Quoted fields with the delimiter and a line break inside, spaces and
    // no-break spaces around fields, CRLF line ends, a blank line, a
    // byte order mark, Finnish headers in another order.
    let text = "\u{feff}vuosi;kunta;rivi;arvo;yksikkö;kuntanumero\r\n\
        2023; Alfa ;tl.verotulot;1 000;t€;001\r\n\
        2023;Alfa;\"tl.valtionosuudet\";\"2,5\";t€;001\r\n\
        2024;\"Alfa\";tl.verotulot;1200;\u{a0}t€\u{a0};001\r\n\
        \r\n\
        2023;\"Beta; the second\";tl.verotulot;-7,25;€;002\r\n\
        2023;\"Beta; the second\";  tl.toimintakulut  ;\"-3\n\";€;002\r\n\
        2022;Gamma;bg.asukasluku;12345;t€;\n";
    assert_same(text);
}

/// A comma table, a value written with a decimal point, a label padded
/// with `pad` spaces.
fn padded(pad: usize) -> String {
    let label = format!("tl.verotulot{}", " ".repeat(pad));
    let mut text = String::from("municipality,year,item,value,entity\n");
    for m in ["One", "Two", "Three"] {
        for y in 2019..2025 {
            text.push_str(&format!("{m},{y},{label},{y}.5,city\n"));
            text.push_str(&format!("{m},{y},tl.toimintakate,-{y},group\n"));
        }
    }
    text
}

#[test]
fn blocks_read_as_the_whole_table_for_a_comma_table_and_a_padded_field() {
    assert_same(&padded(900));
    // Past the widest field the split lets by its bytes alone, the table
    // is read whole (one core), to the same datasets.
    let text = padded(990);
    assert!(by_blocks(&text).is_none());
    let whole = read_long_csv(&text, "t.csv").expect("the table reads");
    assert_eq!(whole.len(), 3);
    assert_eq!(whole[0].figures.len(), 12);
}

#[test]
fn a_figure_given_twice_in_a_block_is_not_read_by_blocks() {
    let text = "kunta;vuosi;rivi;arvo\nA;2023;tl.verotulot;1\nA;2023;tl.verotulot;2\n";
    assert!(read_long_csv(text, "t.csv").is_err());
    assert!(by_blocks(text).is_none());
}
