//! A wave's answers as a table, and any table as CSV or one XLSX sheet.

use domain::i18n::ru;

/// A wave's answers as a table: one row per respondent, one column per question of the current
/// version (answers to a question reworded since are left out of its column). An anonymous
/// wave's table has no respondent (a slip code) and no time of sending, and its rows are in the
/// order of their answers, not of their arrival: nothing in it leads back to a person who was
/// seen handing in a tablet at 10:42.
pub fn wave_table(
    latest: &domain::surveys::Definition,
    versions: &std::collections::BTreeMap<i64, domain::surveys::Definition>,
    submissions: &[crate::store::surveys::StoredSubmission],
    zone: domain::models::TimeZone,
    anonymous: bool,
) -> (Vec<String>, Vec<Vec<String>>) {
    use domain::surveys::stats::{answer_text, from_rows};
    use domain::surveys::versioning::same_meaning;
    let questions: Vec<_> = latest.questions().collect();
    let mut header = match anonymous {
        true => Vec::new(),
        false => vec![ru::SV_COL_RESPONDENT.to_owned(), ru::SV_COL_SUBMITTED.to_owned()],
    };
    header.extend(questions.iter().map(|q| q.text.clone()));
    let mut rows: Vec<Vec<String>> = submissions
        .iter()
        .map(|s| {
            let mut row = match anonymous {
                true => Vec::new(),
                false => vec![s.respondent.clone(), zone.local_minutes(&s.submitted_at)],
            };
            row.extend(questions.iter().map(|q| {
                let then = versions.get(&s.version_id).and_then(|d| d.question(&q.key));
                match then {
                    Some(then) if same_meaning(q, then) => from_rows(q, s.rows.iter().filter(|r| r.question == q.key))
                        .map(|value| answer_text(q, &value))
                        .unwrap_or_default(),
                    _ => String::new(),
                }
            }));
            row
        })
        .collect();
    if anonymous {
        rows.sort();
    }
    (header, rows)
}

/// A table as CSV (UTF-8 with BOM and `;`).
pub fn table_csv(header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, csv::Error> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        writer.write_record(header.iter().map(|cell| crate::files::csv_safe(cell)))?;
        for row in rows {
            writer.write_record(row.iter().map(|cell| crate::files::csv_safe(cell)))?;
        }
        writer.flush()?;
    }
    Ok(out)
}

/// A table as one XLSX sheet with a bold, frozen header; whole numbers after the first
/// `label_columns` (a respondent, a time) stay numbers.
pub fn table_xlsx(sheet_name: &str, header: &[String], rows: &[Vec<String>], label_columns: usize) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name(sheet_name)?;
    let bold = Format::new().set_bold().set_text_wrap();
    for (col, name) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, name, &bold)?;
        sheet.set_column_width(col as u16, if col < label_columns { 18 } else { 28 })?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (col, cell) in row.iter().enumerate() {
            match cell.parse::<i64>() {
                Ok(n) if col >= label_columns => sheet.write_number(r as u32 + 1, col as u16, n as f64)?,
                _ => sheet.write_string(r as u32 + 1, col as u16, cell)?,
            };
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}
