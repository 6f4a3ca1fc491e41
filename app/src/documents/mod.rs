//! Server-only writers of the documents users download or present: the order as XLSX, a
//! wave's answers as CSV/XLSX, the school's analytic report as XLSX and a deck as one HTML
//! document. They take domain values and return bytes or text; the routes and server
//! functions decide who may have them. (The participant base's CSV/XLSX round trip is
//! `files`, beside its reader.)

pub mod deck;
pub mod final_report;
pub mod order;
pub mod school_report;
pub mod thanks;
pub mod wave_table;

/// Writes a header row and data rows into a sheet from row `start`; the row after the table
/// (and a blank one) is returned. Numbers stay numbers (past the first column) so the sheet
/// can sum them.
pub(crate) fn table(
    sheet: &mut rust_xlsxwriter::Worksheet,
    start: u32,
    header: &[&str],
    rows: &[Vec<String>],
    bold: &rust_xlsxwriter::Format,
    wrap: &rust_xlsxwriter::Format,
) -> Result<u32, rust_xlsxwriter::XlsxError> {
    for (col, name) in header.iter().enumerate() {
        sheet.write_string_with_format(start, col as u16, *name, bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (col, cell) in row.iter().enumerate() {
            let at = (start + 1 + r as u32, col as u16);
            match cell.parse::<f64>() {
                Ok(n) if col > 0 => sheet.write_number(at.0, at.1, n)?,
                _ => sheet.write_string_with_format(at.0, at.1, cell, wrap)?,
            };
        }
    }
    Ok(start + 2 + rows.len() as u32)
}
