//! CSV as spreadsheet programs and statistics portals save it.
//!
//! Finnish Excel saves "CSV" with semicolons (the comma is the decimal
//! separator), others with commas, and many add a byte-order mark before the
//! first header. Every CSV kivijalka reads (long tables, population and
//! price-index files) goes through here, so all accept the same variety.

/// A reader for `text`: semicolon-separated if the header line has a
/// semicolon, comma-separated otherwise; a byte-order mark dropped; cells
/// trimmed. `flexible` allows rows of different lengths.
pub fn reader(text: &str, flexible: bool) -> csv::Reader<&[u8]> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = if text.lines().next().is_some_and(|l| l.contains(';')) {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .flexible(flexible)
        .from_reader(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_commas_and_a_byte_order_mark() {
        for text in [
            "vuosi;asukasluku\n2030;17 500\n",
            "\u{feff}vuosi;asukasluku\n2030;17 500\n",
            "vuosi,asukasluku\n2030,17 500\n",
            "\u{feff}\"vuosi\",\"asukasluku\"\n\"2030\",\"17 500\"\n",
        ] {
            let mut r = reader(text, false);
            let heads: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
            assert_eq!(heads, ["vuosi", "asukasluku"], "{text:?}");
            let row = r.records().next().unwrap().unwrap();
            assert_eq!((&row[0], &row[1]), ("2030", "17 500"), "{text:?}");
        }
    }
}
