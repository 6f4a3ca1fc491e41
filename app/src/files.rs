//! Participant lists as files: reading CSV and XLSX for import, writing them for export
//! (server only). The columns are the same both ways, so an export imports back.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::i18n::ru;
use crate::models::{NewParticipant, Participant, ParticipantInput};

/// The file's columns: header as written, and which input field it fills.
pub const COLUMNS: &[(&str, Field)] = &[
    ("Фамилия", Field::LastName),
    ("Имя", Field::FirstName),
    ("Отчество", Field::MiddleName),
    ("Роль", Field::Role),
    ("Категория", Field::Kind),
    ("Предметы", Field::Subjects),
    ("Стаж", Field::Experience),
    ("Квалификационная категория", Field::Qualification),
    ("Класс", Field::Grade),
    ("Успеваемость", Field::Achievement),
    ("Компетенции", Field::Competences),
    ("Запросы", Field::Requests),
    ("Дефициты", Field::Deficits),
    ("Ресурс времени", Field::Capacity),
];

/// Columns without which no row can be valid.
const REQUIRED: &[Field] = &[Field::LastName, Field::FirstName, Field::Role, Field::Kind];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    LastName,
    FirstName,
    MiddleName,
    Role,
    Kind,
    Subjects,
    Experience,
    Qualification,
    Grade,
    Achievement,
    Competences,
    Requests,
    Deficits,
    Capacity,
}

impl Field {
    fn slot(self, input: &mut ParticipantInput) -> &mut String {
        match self {
            Field::LastName => &mut input.last_name,
            Field::FirstName => &mut input.first_name,
            Field::MiddleName => &mut input.middle_name,
            Field::Role => &mut input.role,
            Field::Kind => &mut input.kind,
            Field::Subjects => &mut input.subjects,
            Field::Experience => &mut input.experience_years,
            Field::Qualification => &mut input.qualification,
            Field::Grade => &mut input.grade,
            Field::Achievement => &mut input.achievement,
            Field::Competences => &mut input.competences,
            Field::Requests => &mut input.requests,
            Field::Deficits => &mut input.deficits,
            Field::Capacity => &mut input.capacity,
        }
    }
}

/// A data row of a file: its 1-based line number (the header is line 1) and its fields.
pub type FileRow = (usize, ParticipantInput);

/// The largest file accepted.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// Reads an uploaded file: XLSX by its ZIP signature, otherwise CSV.
pub fn read_participants(bytes: &[u8]) -> Result<Vec<FileRow>, String> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ru::IMPORT_TOO_BIG.into());
    }
    let table = if bytes.starts_with(b"PK\x03\x04") { xlsx_table(bytes)? } else { csv_table(bytes)? };
    rows_from_table(table)
}

fn csv_table(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let text = decode_text(bytes);
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() >= first_line.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|record| {
            record
                .map(|r| r.iter().map(str::to_owned).collect())
                .map_err(|_| ru::IMPORT_BAD_FILE.to_owned())
        })
        .collect()
}

/// UTF-8 (with or without BOM), else Windows-1251 as Russian Excel writes CSV.
fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1251.decode(bytes).0.into_owned(),
    }
}

fn xlsx_table(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let mut workbook: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes.to_vec())).map_err(|_| ru::IMPORT_BAD_FILE.to_owned())?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| ru::IMPORT_EMPTY.to_owned())?
        .map_err(|_| ru::IMPORT_BAD_FILE.to_owned())?;
    Ok(range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect())
}

fn rows_from_table(table: Vec<Vec<String>>) -> Result<Vec<FileRow>, String> {
    let mut lines = table.into_iter().enumerate();
    let Some((_, header)) = lines.next() else {
        return Err(ru::IMPORT_EMPTY.into());
    };
    let normalise = |h: &str| crate::models::text::search_fold(h.trim());
    let mapping: Vec<Option<Field>> = header
        .iter()
        .map(|h| {
            let h = normalise(h);
            COLUMNS.iter().find(|(name, _)| normalise(name) == h).map(|(_, f)| *f)
        })
        .collect();
    let missing: Vec<&str> = REQUIRED
        .iter()
        .filter(|field| !mapping.contains(&Some(**field)))
        .filter_map(|field| COLUMNS.iter().find(|(_, f)| f == field).map(|(name, _)| *name))
        .collect();
    if !missing.is_empty() {
        return Err(ru::import_missing_columns(&missing.join(", ")));
    }
    let rows: Vec<FileRow> = lines
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(index, cells)| {
            let mut input = ParticipantInput::default();
            for (cell, field) in cells.iter().zip(&mapping) {
                if let Some(field) = field {
                    *field.slot(&mut input) = cell.trim().to_owned();
                }
            }
            (index + 1, input)
        })
        .collect();
    if rows.is_empty() {
        return Err(ru::IMPORT_EMPTY.into());
    }
    Ok(rows)
}

/// One exported line: the labels a person reads, which import accepts back.
fn export_cells(data: &NewParticipant) -> Vec<String> {
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    vec![
        data.last_name.clone(),
        data.first_name.clone(),
        data.middle_name.clone().unwrap_or_default(),
        ru::participant_role(data.role).into(),
        ru::participant_kind(data.kind).into(),
        data.subjects.join("; "),
        number(data.experience_years),
        data.qualification.map(ru::qualification).unwrap_or_default().into(),
        data.grade.clone().unwrap_or_default(),
        data.achievement.map(ru::achievement).unwrap_or_default().into(),
        data.competences.join("; "),
        data.requests.join("; "),
        data.deficits.join("; "),
        number(data.capacity),
    ]
}

/// The base as CSV (UTF-8 with BOM and `;`, which Excel in a Russian locale opens directly).
pub fn write_csv(participants: &[Participant]) -> Result<Vec<u8>, csv::Error> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        writer.write_record(COLUMNS.iter().map(|(name, _)| *name))?;
        for p in participants {
            writer.write_record(export_cells(&p.data))?;
        }
        writer.flush()?;
    }
    Ok(out)
}

/// The base as an XLSX workbook with a bold, frozen header.
pub fn write_xlsx(participants: &[Participant]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Участники")?;
    let bold = Format::new().set_bold();
    for (col, (name, _)) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, &bold)?;
        sheet.set_column_width(col as u16, if col < 3 { 16 } else { 22 })?;
    }
    for (row, p) in participants.iter().enumerate() {
        for (col, cell) in export_cells(&p.data).iter().enumerate() {
            let is_number = matches!(COLUMNS[col].1, Field::Experience | Field::Capacity);
            match cell.parse::<f64>() {
                Ok(n) if is_number => sheet.write_number(row as u32 + 1, col as u16, n)?,
                _ => sheet.write_string(row as u32 + 1, col as u16, cell)?,
            };
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}

/// The order fixing the pairs as a workbook: one row per mentor with their mentees.
pub fn write_order_xlsx(board: &crate::matching::board::Board) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
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
    for mentor in &board.mentors {
        let group = board.group(mentor.id);
        let Some(first) = group.first() else { continue };
        let mentees: Vec<String> = group.iter().filter_map(|a| board.mentee(a.mentee_id).map(|m| m.name())).collect();
        sheet.write_number(row, 0, f64::from(row - 4))?;
        sheet.write_string(row, 1, mentor.name())?;
        sheet.write_string(row, 2, mentees.join(", "))?;
        sheet.write_string(row, 3, ru::variant(first.variant))?;
        row += 1;
    }
    sheet.set_column_width(1, 34)?;
    sheet.set_column_width(2, 60)?;
    sheet.set_column_width(3, 36)?;
    workbook.save_to_buffer()
}

/// A wave's answers as a table: one row per respondent, one column per question of the current
/// version (answers to a question reworded since are left out of its column).
pub fn wave_table(
    latest: &crate::surveys::Definition,
    versions: &std::collections::BTreeMap<i64, crate::surveys::Definition>,
    submissions: &[crate::store::surveys::StoredSubmission],
) -> (Vec<String>, Vec<Vec<String>>) {
    use crate::surveys::stats::{answer_text, from_rows};
    use crate::surveys::versioning::same_meaning;
    let questions: Vec<_> = latest.questions().collect();
    let mut header = vec![ru::SV_COL_RESPONDENT.to_owned(), ru::SV_COL_SUBMITTED.to_owned()];
    header.extend(questions.iter().map(|q| q.text.clone()));
    let rows = submissions
        .iter()
        .map(|s| {
            let mut row = vec![s.respondent.clone(), s.submitted_at.get(..16).unwrap_or(&s.submitted_at).replace('T', " ")];
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
    (header, rows)
}

/// A table as CSV (UTF-8 with BOM and `;`).
pub fn table_csv(header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, csv::Error> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        writer.write_record(header)?;
        for row in rows {
            writer.write_record(row)?;
        }
        writer.flush()?;
    }
    Ok(out)
}

/// A table as one XLSX sheet with a bold, frozen header; whole numbers stay numbers.
pub fn table_xlsx(sheet_name: &str, header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name(sheet_name)?;
    let bold = Format::new().set_bold().set_text_wrap();
    for (col, name) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, name, &bold)?;
        sheet.set_column_width(col as u16, if col < 2 { 18 } else { 28 })?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (col, cell) in row.iter().enumerate() {
            match cell.parse::<i64>() {
                Ok(n) if col >= 2 => sheet.write_number(r as u32 + 1, col as u16, n as f64)?,
                _ => sheet.write_string(r as u32 + 1, col as u16, cell)?,
            };
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}

/// The school's analytic report as a workbook: participants and coverage, variants,
/// entry against exit, Kirkpatrick levels and SWOT, one sheet each.
pub fn school_report_xlsx(report: &crate::reports::SchoolReport) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use crate::i18n::tr;
    use crate::reports::Quadrant;
    use rust_xlsxwriter::{Format, Workbook, Worksheet};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new().set_text_wrap();
    // Writes a header row and data rows; numbers stay numbers so the sheet can sum them.
    fn table(sheet: &mut Worksheet, start: u32, header: &[&str], rows: &[Vec<String>], bold: &Format, wrap: &Format) -> Result<u32, rust_xlsxwriter::XlsxError> {
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
    let f = &report.figures;

    let sheet = workbook.add_worksheet().set_name("Участники")?;
    sheet.set_column_width(0, 44)?;
    sheet.set_column_width(1, 16)?;
    sheet.write_string_with_format(0, 0, format!("{} — {}", f.name, tr::REPORT_TITLE), &bold)?;
    sheet.write_string(1, 0, format!("{} · {}", report.district, tr::date(&report.date)))?;
    let mut header = vec![tr::COUNTS_ROLE];
    header.extend(f.per_form.iter().map(|x| tr::form(x.form)));
    header.push(tr::COUNTS_TOTAL);
    let row = |label: &str, per: Vec<i64>, total: i64| {
        let mut out = vec![label.to_owned()];
        out.extend(per.into_iter().map(|n| n.to_string()));
        out.push(total.to_string());
        out
    };
    let rows = vec![
        row(tr::MENTORS, f.per_form.iter().map(|x| x.mentors).collect(), f.mentors),
        row(tr::MENTEES, f.per_form.iter().map(|x| x.mentees).collect(), f.mentees),
        row(tr::CURATORS, Vec::new(), f.curators),
        row(tr::COUNTS_ALL, f.per_form.iter().map(|x| x.mentors + x.mentees).collect(), f.participants_total()),
    ];
    let next = table(sheet, 3, &header, &rows, &bold, &wrap)?;
    let coverage = vec![
        vec![tr::STUDENTS.to_owned(), f.students_total.to_string()],
        vec![tr::REPORT_STUDENTS_INVOLVED.to_owned(), f.students_involved.to_string()],
        vec![tr::REPORT_COVERAGE.to_owned(), f.coverage_percent().to_string()],
        vec![tr::REPORT_INDICATOR.to_owned(), crate::reports::STUDENT_INDICATOR_PERCENT.to_string()],
        vec![tr::REPORT_TEACHERS_INVOLVED.to_owned(), f.teachers_involved.to_string()],
    ];
    table(sheet, next, &[tr::REPORT_COVERAGE_HEADING, tr::REPORT_VALUE], &coverage, &bold, &wrap)?;

    let sheet = workbook.add_worksheet().set_name("Модели")?;
    sheet.set_column_width(0, 50)?;
    let rows: Vec<Vec<String>> = f
        .per_variant
        .iter()
        .map(|v| vec![tr::variant(v.variant).to_owned(), v.pairs.to_string(), v.students.to_string(), v.people.to_string()])
        .collect();
    table(sheet, 0, &[tr::REPORT_VARIANT, tr::PAIRS, tr::STUDENTS, tr::REPORT_PEOPLE], &rows, &bold, &wrap)?;

    let sheet = workbook.add_worksheet().set_name("Вход и выход")?;
    sheet.set_column_width(0, 50)?;
    sheet.set_column_width(1, 50)?;
    let mut rows = Vec::new();
    for comparison in &report.before_after {
        for q in &comparison.report.questions {
            for r in &q.rows {
                rows.push(vec![
                    q.text.clone(),
                    r.label.clone(),
                    q.entry_n.to_string(),
                    r.entry.count.to_string(),
                    r.entry.percent.to_string(),
                    q.exit_n.to_string(),
                    r.exit.count.to_string(),
                    r.exit.percent.to_string(),
                ]);
            }
        }
    }
    let header = [tr::REPORT_QUESTION, tr::BA_OPTION, "n (вход)", "Ответили (вход)", "% (вход)", "n (выход)", "Ответили (выход)", "% (выход)"];
    table(sheet, 0, &header, &rows, &bold, &wrap)?;

    let sheet = workbook.add_worksheet().set_name("Киркпатрик")?;
    sheet.set_column_width(0, 36)?;
    sheet.set_column_width(2, 60)?;
    sheet.set_column_width(3, 24)?;
    let mut rows = Vec::new();
    for programme in &report.programmes {
        for level in &programme.kirkpatrick.levels {
            for m in &level.measures {
                rows.push(vec![programme.title.clone(), tr::kirkpatrick_level(level.level).to_owned(), m.text.clone(), m.figure.clone(), m.n.to_string()]);
            }
        }
    }
    table(sheet, 0, &[tr::REPORT_PROGRAMME, tr::REPORT_LEVEL, tr::REPORT_QUESTION, tr::REPORT_FIGURE, "n"], &rows, &bold, &wrap)?;

    let sheet = workbook.add_worksheet().set_name("SWOT")?;
    sheet.set_column_width(0, 36)?;
    sheet.set_column_width(1, 22)?;
    sheet.set_column_width(2, 80)?;
    let mut rows = Vec::new();
    for programme in &report.programmes {
        for quadrant in Quadrant::ALL {
            for item in programme.swot.items(quadrant) {
                rows.push(vec![programme.title.clone(), tr::quadrant(quadrant).to_owned(), item.clone()]);
            }
        }
    }
    table(sheet, 0, &[tr::REPORT_PROGRAMME, tr::REPORT_QUADRANT, tr::REPORT_ITEM], &rows, &bold, &wrap)?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "Фамилия;Имя;Отчество;Роль;Категория;Предметы;Стаж;Ресурс времени\n\
        Белова;Анна;Игоревна;Наставник;Педагог;математика;15;2\n\
        ;;;;;;;\n\
        Громов;Олег;;наставляемый;педагог;физика;1;\n";

    #[test]
    fn csv_rows_keep_their_file_line_numbers_and_skip_blank_lines() {
        let rows = read_participants(CSV.as_bytes()).expect("readable");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[1].0, 4);
        assert_eq!(rows[1].1.last_name, "Громов");
        assert_eq!(rows[0].1.capacity, "2");
    }

    #[test]
    fn windows_1251_and_commas_are_understood() {
        let text = "Фамилия,Имя,Роль,Категория\nЕршова,Вера,Наставляемый,Обучающийся\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let rows = read_participants(&bytes).expect("readable");
        assert_eq!(rows[0].1.first_name, "Вера");
    }

    #[test]
    fn a_file_without_required_columns_is_refused_by_name() {
        let error = read_participants("Фамилия;Предметы\nИванова;химия\n".as_bytes()).expect_err("refused");
        assert!(error.contains("Имя") && error.contains("Роль") && error.contains("Категория"), "{error}");
    }

    #[test]
    fn an_exported_base_imports_back_unchanged_through_csv_and_xlsx() {
        let data: Vec<Participant> = read_participants(CSV.as_bytes())
            .expect("readable")
            .iter()
            .enumerate()
            .map(|(i, (_, input))| Participant {
                id: i as i64,
                organisation_id: 1,
                programme_id: None,
                data: NewParticipant::parse(input).expect("valid"),
            })
            .collect();
        for bytes in [write_csv(&data).expect("csv"), write_xlsx(&data).expect("xlsx")] {
            let back: Vec<NewParticipant> = read_participants(&bytes)
                .expect("readable")
                .iter()
                .map(|(_, input)| NewParticipant::parse(input).expect("valid"))
                .collect();
            assert_eq!(back, data.iter().map(|p| p.data.clone()).collect::<Vec<_>>());
        }
    }
}
