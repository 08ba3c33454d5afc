//! A long table saved as Parquet (a data team's tools write it more often
//! than CSV), read as the CSV text the long-table reader takes: the same
//! columns by name, the same checks and the same errors, its rows numbered
//! as the lines of that CSV (the header is line 1, the table's first row
//! line 2). Only a build with the `parquet` feature reads it.

use std::path::Path;

use crate::error::{Error, Location, Result};
use crate::text;

/// The most rows read: the CSV reader's 200 MB at its shortest rows, and a
/// bound on what a small compressed file may unpack to.
pub const MAX_ROWS: usize = 5_000_000;

/// The Parquet file at `path` as CSV text with a header line.
#[cfg(feature = "parquet")]
pub fn parquet_as_csv(path: &Path) -> Result<String> {
    use polars::prelude::*;

    let file = path.display().to_string();
    let max = crate::ingest::csv_text::MAX_CSV_BYTES;
    let bytes = crate::ingest::csv_text::bytes_bounded(path, max)?;
    let reader = || ParquetReader::new(std::io::Cursor::new(&bytes[..]));
    let bad = |e: PolarsError| not_parquet(&file, e);
    let rows = reader().num_rows().map_err(bad)?;
    if rows > MAX_ROWS {
        return Err(Error::input(
            Location::file(&file),
            text!(
                "{rows} riviä, enemmän kuin kivijalan lukemat {MAX_ROWS}",
                "{rows} rader, fler än de {MAX_ROWS} som kivijalka läser",
                "{rows} rows, more than the {MAX_ROWS} kivijalka reads"
            ),
        ));
    }
    let schema = reader().schema().map_err(bad)?;
    let names: Vec<String> = schema.iter_names().map(|n| n.to_string()).collect();
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&names)
        .map_err(|e| Error::io(path, e.into()))?;
    // A slice at a time, so that what one row group unpacks to stays small.
    const SLICE: usize = 20_000;
    for start in (0..rows).step_by(SLICE) {
        let df = (reader().with_slice(Some((start, SLICE))).finish()).map_err(bad)?;
        write_slice(&df, start, &names, &file, &mut out)?;
        if out.get_ref().len() as u64 > max {
            let mb = max >> 20;
            return Err(Error::input(
                Location::file(&file),
                text!(
                    "purettuna suurempi kuin {mb} Mt, enemmän kuin kivijalan lukema taulukko",
                    "uppackad större än {mb} MB, mer än en tabell som kivijalka läser",
                    "unpacked larger than {mb} MB, more than a table kivijalka reads"
                ),
            ));
        }
    }
    let csv = out
        .into_inner()
        .map_err(|e| Error::io(path, e.into_error()))?;
    // The writer wrote the strings it was given, which were UTF-8; a
    // control character in them is refused as in a CSV's text.
    let csv = String::from_utf8(csv).map_err(|e| Error::io(path, std::io::Error::other(e)))?;
    crate::ingest::csv_text::no_controls(&csv, &file)?;
    Ok(csv)
}

/// A slice's rows (from row `start`) as CSV records; a cell neither text
/// nor number is an error naming its column and its CSV line.
#[cfg(feature = "parquet")]
fn write_slice(
    df: &polars::prelude::DataFrame,
    start: usize,
    names: &[String],
    file: &str,
    out: &mut csv::Writer<Vec<u8>>,
) -> Result<()> {
    let mut cells: Vec<String> = Vec::with_capacity(names.len());
    for i in 0..df.height() {
        cells.clear();
        for (c, column) in df.columns().iter().enumerate() {
            let v = column.get(i).map_err(|e| not_parquet(file, e))?;
            let line = start + i + 2;
            cells.push(cell(v).map_err(|why| {
                let name = &names[c];
                Error::input(
                    Location::line(file, line),
                    text!(
                        "sarake '{name}': {why} ei ole teksti eikä luku",
                        "kolumnen '{name}': {why} är varken text eller ett tal",
                        "column '{name}': {why} is neither text nor a number"
                    ),
                )
            })?);
        }
        out.write_record(&cells)
            .map_err(|e| Error::io(file, e.into()))?;
    }
    Ok(())
}

/// A cell as the CSV reader reads it: empty for a null, a number in full
/// decimals (never an exponent); else what it is, for the error.
#[cfg(feature = "parquet")]
fn cell(v: polars::prelude::AnyValue<'_>) -> std::result::Result<String, String> {
    use polars::prelude::AnyValue as V;
    Ok(match v {
        V::Null => String::new(),
        V::String(s) => s.to_string(),
        V::StringOwned(s) => s.to_string(),
        V::Int8(n) => n.to_string(),
        V::Int16(n) => n.to_string(),
        V::Int32(n) => n.to_string(),
        V::Int64(n) => n.to_string(),
        V::UInt8(n) => n.to_string(),
        V::UInt16(n) => n.to_string(),
        V::UInt32(n) => n.to_string(),
        V::UInt64(n) => n.to_string(),
        // Rust writes a float's shortest exact decimal, never an exponent;
        // NaN and infinities go on as words the reader refuses as figures.
        V::Float32(x) => x.to_string(),
        V::Float64(x) => x.to_string(),
        V::Decimal(m, _, scale) => {
            match u32::try_from(scale)
                .ok()
                .and_then(|s| rust_decimal::Decimal::try_from_i128_with_scale(m, s).ok())
            {
                Some(d) => d.to_string(),
                None => return Err(format!("decimal {m}e-{scale}")),
            }
        }
        other => return Err(format!("{} ({})", other, other.dtype())),
    })
}

#[cfg(feature = "parquet")]
fn not_parquet(file: &str, e: polars::prelude::PolarsError) -> Error {
    Error::input(
        Location::file(file),
        text!(
            "ei luettava Parquet-tiedosto: {e}",
            "inte en läsbar Parquet-fil: {e}",
            "not a readable Parquet file: {e}"
        ),
    )
}

/// Without the feature: a usage error that says how to get it.
#[cfg(not(feature = "parquet"))]
pub fn parquet_as_csv(path: &Path) -> Result<String> {
    let file = path.display().to_string();
    Err(Error::input(
        Location::file(&file),
        text!(
            "tämä käännös lukee pitkät taulukot .csv-tiedostoina; Parquet tarvitsee `parquet`-ominaisuuden (cargo build --release --features parquet)",
            "den här versionen läser långa tabeller som .csv; Parquet kräver funktionen `parquet` (cargo build --release --features parquet)",
            "this build reads long tables as .csv; Parquet needs the `parquet` feature (cargo build --release --features parquet)"
        ),
    ))
}
