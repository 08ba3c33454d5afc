//! Printed layouts read exactly.

use crate::conformance::workbook;

#[test]
fn dump_plain() {
    for g in workbook("seinajoki") {
        println!("== {}", g.name);
        for r in 0..g.height() {
            let cells: Vec<String> = (0..g.width())
                .map(|c| format!("{:?}", g.get(r, c)))
                .collect();
            println!("{r}: {}", cells.join(" | "));
        }
    }
}
