//! The order fixing a programme's pairs («Приказ о закреплении наставнических пар») as a workbook.

use domain::i18n::ru;

/// The order fixing the pairs as a workbook: one row per mentor with their mentees.
pub fn write_order_xlsx(board: &domain::matching::board::Board) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Приказ")?;
    let bold = Format::new().set_bold();
    let p = &board.programme;
    sheet.write_string_with_format(0, 0, &board.organisation_name, &bold)?;
    sheet.write_string_with_format(1, 0, ru::ORDER_TITLE, &bold)?;
    sheet.write_string(2, 0, ru::order_preamble(&p.title, ru::form(p.form), &ru::date(&p.starts_on), &ru::date(&p.ends_on)))?;
    let header = ["№", ru::ORDER_MENTOR, ru::ORDER_MENTEES, ru::ORDER_VARIANT];
    for (col, title) in header.iter().enumerate() {
        sheet.write_string_with_format(4, col as u16, *title, &bold)?;
    }
    let mut row = 5u32;
    for line in board.order_lines() {
        sheet.write_number(row, 0, f64::from(row - 4))?;
        sheet.write_string(row, 1, &line.mentor)?;
        sheet.write_string(row, 2, line.mentees.join(", "))?;
        sheet.write_string(row, 3, ru::variant(line.variant))?;
        row += 1;
    }
    sheet.set_column_width(1, 34)?;
    sheet.set_column_width(2, 60)?;
    sheet.set_column_width(3, 36)?;
    workbook.save_to_buffer()
}
