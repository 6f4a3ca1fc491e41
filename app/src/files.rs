//! Participant lists as files: reading CSV and XLSX for import, writing them for export
//! (server only). The columns are the same both ways, so an export imports back.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use domain::i18n::ru;
use domain::models::import::FileRow;
use domain::models::{NewParticipant, Participant};

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

/// A column import reads but export does not write: the programme the row's person joins
/// (a person can take part in several, so the base's export lists none).
pub const PROGRAMME_COLUMN: (&str, Field) = ("Программа", Field::Programme);

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
    Programme,
}

impl Field {
    fn slot(self, row: &mut FileRow) -> &mut String {
        let input = &mut row.input;
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
            Field::Programme => &mut row.programme,
        }
    }
}

/// The largest file accepted.
pub use domain::limits::IMPORT_FILE_BYTES as MAX_FILE_BYTES;

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
    let mut table = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| ru::IMPORT_BAD_FILE.to_owned())?;
        if table.len() > MAX_ROWS || record.len() > MAX_COLUMNS {
            return Err(ru::import_too_large(MAX_ROWS));
        }
        table.push(record.iter().map(str::to_owned).collect());
    }
    Ok(table)
}

/// UTF-8 (with or without BOM), else Windows-1251 as Russian Excel writes CSV.
fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1251.decode(bytes).0.into_owned(),
    }
}

pub use domain::models::import::MAX_ROWS;
pub const MAX_COLUMNS: usize = 64;
/// Bounds on the ZIP inside an XLSX, checked before it is opened: a few kilobytes can unpack to
/// gigabytes (a compression bomb, or a shared-strings table of millions of entries).
const MAX_UNPACKED_ENTRY: u64 = 40 * 1024 * 1024;
const MAX_UNPACKED_TOTAL: u64 = 80 * 1024 * 1024;
const MAX_ENTRIES: usize = 500;

/// Refuses an XLSX whose parts would unpack too large, by the sizes its ZIP directory states
/// (the ZIP reader stops at the stated size, so a lying entry cannot unpack more).
fn check_zip(bytes: &[u8]) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ru::IMPORT_BAD_FILE.to_owned())?;
    if archive.len() > MAX_ENTRIES {
        return Err(ru::IMPORT_BAD_FILE.into());
    }
    let mut total = 0u64;
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(|_| ru::IMPORT_BAD_FILE.to_owned())?;
        total = total.saturating_add(entry.size());
        if entry.size() > MAX_UNPACKED_ENTRY || total > MAX_UNPACKED_TOTAL {
            return Err(ru::import_too_large(MAX_ROWS));
        }
    }
    Ok(())
}

/// The first sheet's cells as rows, reading only the cells that exist (never a grid of the
/// sheet's stated size: A1 and XFD1048576 alone would be seventeen billion cells), bounded by
/// rows, columns and cells.
fn xlsx_table(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    check_zip(bytes)?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| ru::IMPORT_BAD_FILE.to_owned())?;
    let first = workbook.sheet_names().first().cloned().ok_or_else(|| ru::IMPORT_EMPTY.to_owned())?;
    let mut cells = workbook.worksheet_cells_reader(&first).map_err(|_| ru::IMPORT_BAD_FILE.to_owned())?;
    let mut rows: std::collections::BTreeMap<u32, Vec<(u32, String)>> = std::collections::BTreeMap::new();
    let mut count = 0usize;
    while let Some(cell) = cells.next_cell().map_err(|_| ru::IMPORT_BAD_FILE.to_owned())? {
        let (row, column) = cell.get_position();
        if row as usize > MAX_ROWS || column as usize >= MAX_COLUMNS {
            return Err(ru::import_too_large(MAX_ROWS));
        }
        count += 1;
        if count > MAX_ROWS * MAX_COLUMNS {
            return Err(ru::import_too_large(MAX_ROWS));
        }
        let text = match Data::from(cell.get_value().clone()) {
            Data::Float(f) if f.fract() == 0.0 => format!("{}", f as i64),
            Data::Empty => continue,
            other => other.to_string(),
        };
        rows.entry(row).or_default().push((column, text));
    }
    let last = rows.keys().next_back().copied().unwrap_or(0);
    Ok((0..=last)
        .map(|r| {
            let mut line = Vec::new();
            let mut cells = rows.remove(&r).unwrap_or_default();
            cells.sort_by_key(|(column, _)| *column);
            for (column, text) in cells {
                line.resize(column as usize, String::new());
                line.push(text);
            }
            line
        })
        .collect())
}

fn rows_from_table(table: Vec<Vec<String>>) -> Result<Vec<FileRow>, String> {
    let mut lines = table.into_iter().enumerate();
    let Some((_, header)) = lines.next() else {
        return Err(ru::IMPORT_EMPTY.into());
    };
    let normalise = |h: &str| domain::models::text::search_fold(h.trim());
    let mapping: Vec<Option<Field>> = header
        .iter()
        .map(|h| {
            let h = normalise(h);
            COLUMNS.iter().chain([&PROGRAMME_COLUMN]).find(|(name, _)| normalise(name) == h).map(|(_, f)| *f)
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
            let mut row = FileRow { line: index + 1, ..Default::default() };
            for (cell, field) in cells.iter().zip(&mapping) {
                if let Some(field) = field {
                    *field.slot(&mut row) = unquoted(cell.trim()).to_owned();
                }
            }
            row
        })
        .collect();
    if rows.is_empty() {
        return Err(ru::IMPORT_EMPTY.into());
    }
    Ok(rows)
}

/// What a spreadsheet reads as the start of a formula.
const FORMULA_SIGNS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as a spreadsheet may open it without running it: text starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return is a formula to Excel, so it gets a leading `'` (OWASP's
/// advice for CSV injection). Numbers stay numbers. Import takes the `'` off again.
pub fn csv_safe(cell: &str) -> String {
    let risky = cell.starts_with(FORMULA_SIGNS);
    if risky && cell.trim().parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// A cell as typed in the file, with the `'` a safe export put before a formula sign removed.
fn unquoted(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_SIGNS) => rest,
        _ => cell,
    }
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
            writer.write_record(export_cells(&p.data).iter().map(|cell| csv_safe(cell)))?;
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
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].input.last_name, "Громов");
        assert_eq!(rows[0].input.capacity, "2");
    }

    #[test]
    fn a_formula_typed_into_a_field_is_exported_as_text_and_imports_back_as_typed() {
        let mut input = read_participants(CSV.as_bytes()).expect("readable")[0].input.clone();
        input.competences = "=HYPERLINK(\"http://evil\";\"x\"); @SUM(A1); +1+2; -2+3".into();
        let data = NewParticipant::parse(&input).expect("valid");
        let person = Participant { id: 1, organisation_id: 1, participations: Vec::new(), data: data.clone() };
        let csv = String::from_utf8(write_csv(std::slice::from_ref(&person)).expect("csv")).expect("utf-8");
        let line = csv.lines().nth(1).expect("a data line");
        for cell in line.split(';') {
            let cell = cell.trim_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@']), "a live formula: {cell}");
        }
        let back = read_participants(csv.as_bytes()).expect("readable");
        assert_eq!(NewParticipant::parse(&back[0].input).expect("valid").competences, data.competences);
        assert_eq!(csv_safe("-3"), "-3", "a number stays a number");
    }

    #[test]
    fn a_sheet_with_a_cell_at_its_far_corner_is_refused_without_reading_a_grid() {
        use rust_xlsxwriter::Workbook;
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, "Фамилия").expect("A1");
        sheet.write_string(1_048_575, 16_383, "x").expect("XFD1048576");
        let bytes = workbook.save_to_buffer().expect("xlsx");
        assert!(bytes.len() < 10_000, "a small file: {}", bytes.len());
        let started = std::time::Instant::now();
        assert_eq!(read_participants(&bytes).unwrap_err(), ru::import_too_large(MAX_ROWS));
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn a_zip_that_would_unpack_to_gigabytes_is_refused_before_it_is_opened() {
        use std::io::Write;
        let mut out = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut out);
            let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
            zip.start_file("xl/sharedStrings.xml", options).expect("entry");
            let zeros = vec![b'0'; 1 << 20];
            for _ in 0..100 {
                zip.write_all(&zeros).expect("write");
            }
            zip.finish().expect("zip");
        }
        let bytes = out.into_inner();
        assert!(bytes.len() < 1_000_000, "{} bytes", bytes.len());
        assert_eq!(read_participants(&bytes).unwrap_err(), ru::import_too_large(MAX_ROWS));
    }

    #[test]
    fn windows_1251_and_commas_are_understood() {
        let text = "Фамилия,Имя,Роль,Категория\nЕршова,Вера,Наставляемый,Обучающийся\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let rows = read_participants(&bytes).expect("readable");
        assert_eq!(rows[0].input.first_name, "Вера");
    }

    #[test]
    fn a_programme_column_is_read_when_the_file_has_one() {
        let text = "Фамилия;Имя;Роль;Категория;Программа\nЕршова;Вера;Наставляемый;Обучающийся;Шахматы\n";
        let rows = read_participants(text.as_bytes()).expect("readable");
        assert_eq!(rows[0].programme, "Шахматы");
        assert_eq!(read_participants(CSV.as_bytes()).expect("readable")[0].programme, "");
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
            .map(|(i, row)| Participant {
                id: i as i64,
                organisation_id: 1,
                participations: Vec::new(),
                data: NewParticipant::parse(&row.input).expect("valid"),
            })
            .collect();
        for bytes in [write_csv(&data).expect("csv"), write_xlsx(&data).expect("xlsx")] {
            let back: Vec<NewParticipant> = read_participants(&bytes)
                .expect("readable")
                .iter()
                .map(|row| NewParticipant::parse(&row.input).expect("valid"))
                .collect();
            assert_eq!(back, data.iter().map(|p| p.data.clone()).collect::<Vec<_>>());
        }
    }

    /// The readers under hostile input: random bytes, and real CSV and XLSX files with bytes
    /// flipped, cut or repeated. Each either reads or refuses in words; none panics, and each
    /// answers quickly (the whole property runs in seconds, bounded by its case count).
    mod fuzz {
        use super::*;
        use proptest::prelude::*;

        fn exported() -> (Vec<u8>, Vec<u8>) {
            let data: Vec<Participant> = read_participants(CSV.as_bytes())
                .expect("readable")
                .iter()
                .enumerate()
                .map(|(i, row)| Participant { id: i as i64, organisation_id: 1, participations: Vec::new(), data: NewParticipant::parse(&row.input).expect("valid") })
                .collect();
            (write_csv(&data).expect("csv"), write_xlsx(&data).expect("xlsx"))
        }

        /// A file changed at random places: bytes replaced, a piece cut out, a piece doubled.
        fn mutated(original: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
            let len = original.len();
            (proptest::collection::vec((0..len, any::<u8>()), 0..8), 0..len, 0..len, 0..3u8).prop_map(move |(flips, from, to, how)| {
                let mut bytes = original.clone();
                for (at, byte) in flips {
                    bytes[at] = byte;
                }
                let (from, to) = (from.min(to), from.max(to));
                match how {
                    0 => bytes.drain(from..to).for_each(drop),
                    1 => {
                        let piece = bytes[from..to].to_vec();
                        bytes.splice(to..to, piece);
                    }
                    _ => {}
                }
                bytes
            })
        }

        fn reads_or_refuses(bytes: &[u8]) {
            let started = std::time::Instant::now();
            if let Err(message) = read_participants(bytes) {
                assert!(!message.is_empty());
            }
            assert!(started.elapsed() < std::time::Duration::from_secs(2), "{} bytes took {:?}", bytes.len(), started.elapsed());
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

            #[test]
            fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
                reads_or_refuses(&bytes);
            }

            #[test]
            fn a_csv_with_bytes_changed(bytes in mutated(exported().0)) {
                reads_or_refuses(&bytes);
            }

            #[test]
            fn an_xlsx_with_bytes_changed(bytes in mutated(exported().1)) {
                reads_or_refuses(&bytes);
            }
        }
    }
}
