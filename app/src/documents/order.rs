//! The order fixing a programme's pairs («Приказ о закреплении наставнических пар»): as a
//! workbook, and as an editable Word document with its number, date, signatory and a signature
//! line for every person it names.

use domain::i18n::ru;
use domain::matching::board::Board;
use domain::models::OrderDetails;

/// The order as a Word document (schools edit orders in Word before signing).
pub fn write_order_docx(board: &Board, details: Option<&OrderDetails>) -> Result<Vec<u8>, String> {
    use docx_rs::{AlignmentType, Docx, Paragraph, Run, RunFonts, Table, TableCell, TableRow};
    let font = || RunFonts::new().ascii("Times New Roman").hi_ansi("Times New Roman").cs("Times New Roman").east_asia("Times New Roman");
    let text = |t: &str| Paragraph::new().add_run(Run::new().add_text(t).fonts(font()).size(26));
    let bold = |t: &str| Paragraph::new().add_run(Run::new().add_text(t).bold().fonts(font()).size(26));
    let centred = |p: Paragraph| p.align(AlignmentType::Center);
    let cell = |t: &str| TableCell::new().add_paragraph(text(t));
    let p = &board.programme;
    let lines = board.order_lines();
    let dated = details.map(|d| ru::order_number_line(&d.number, &d.signed_on)).unwrap_or_else(|| ru::ORDER_DATE_LINE.to_owned());
    let mut rows = vec![TableRow::new(vec![cell("№"), cell(ru::ORDER_MENTOR), cell(ru::ORDER_MENTEES), cell(ru::ORDER_VARIANT)])];
    for (i, line) in lines.iter().enumerate() {
        rows.push(TableRow::new(vec![
            cell(&(i + 1).to_string()),
            cell(&line.mentor),
            cell(&line.mentees.join(", ")),
            cell(ru::variant(line.variant)),
        ]));
    }
    let head = match details {
        Some(d) => format!("{} ____________ {}", d.head_position, d.head_name),
        None => format!("{} ____________", ru::ORDER_HEAD),
    };
    let mut doc = Docx::new()
        .add_paragraph(centred(text(&board.organisation_name)))
        .add_paragraph(centred(bold(ru::ORDER_TITLE)))
        .add_paragraph(centred(text(&dated)))
        .add_paragraph(text(&ru::order_preamble(&p.title, ru::form(p.form), &ru::date(&p.starts_on), &ru::date(&p.ends_on))))
        .add_paragraph(bold(ru::ORDER_DECIDE))
        .add_paragraph(text(&format!("1. {}", ru::ORDER_ITEM_PAIRS)))
        .add_table(Table::new(rows))
        .add_paragraph(text(&format!("2. {}", ru::order_period(&ru::date(&p.starts_on), &ru::date(&p.ends_on)))))
        .add_paragraph(text(&format!("3. {}", ru::ORDER_CONTROL)))
        .add_paragraph(text(""))
        .add_paragraph(text(&head))
        .add_paragraph(text(""))
        .add_paragraph(text(ru::ORDER_ACQUAINTED));
    for person in lines.iter().flat_map(|line| std::iter::once(&line.mentor).chain(line.mentees.iter())) {
        doc = doc.add_paragraph(text(&format!("{person} ____________ «___» ________ 20___ г.")));
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes.into_inner())
}

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
