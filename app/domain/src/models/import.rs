//! A participant list being imported: each row as typed, with what is wrong with it.

use serde::{Deserialize, Serialize};

use super::text::search_fold;
use super::{check_participations, NewParticipant, Participation, ParticipantInput};
use crate::i18n::ru;
use crate::FieldErrors;

/// What an uploaded list may hold: a school's base is hundreds of rows, not a million.
pub const MAX_ROWS: usize = 10_000;
/// Rows per batch the browser sends when it commits an import.
pub const BATCH_ROWS: usize = 200;
/// The longest import key: the browser makes a short random one.
const MAX_KEY_CHARS: usize = 64;

/// A batch of a commit. `import_key` names the import (made in the browser once per checked
/// file, kept when the curator tries again); `index` counts batches from 0 and `last` marks
/// the final one, at which the server writes the whole import or nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportBatch {
    pub import_key: String,
    pub index: usize,
    pub rows: Vec<ImportRow>,
    /// Leave out the rows with errors instead of refusing the whole import.
    pub drop_invalid: bool,
    pub last: bool,
    /// The programme of the curator's school the people join (they can form pairs there).
    #[serde(default)]
    pub programme_id: Option<i64>,
}

impl ImportBatch {
    /// Refuses a batch no browser of ours sends: a malformed key, too many rows in it, or an
    /// index past the most an import may have.
    pub fn check_shape(&self) -> Result<(), String> {
        let key_ok = !self.import_key.is_empty()
            && self.import_key.len() <= MAX_KEY_CHARS
            && self.import_key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !key_ok {
            return Err(ru::IMPORT_BAD_BATCH.into());
        }
        if self.rows.len() > BATCH_ROWS || self.index >= MAX_ROWS.div_ceil(BATCH_ROWS) {
            return Err(ru::import_too_large(MAX_ROWS));
        }
        Ok(())
    }
}

/// A data row of a file: its 1-based line number (the header is line 1), the participant's
/// fields, and the programme its «Программа» column names (empty without one).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FileRow {
    pub line: usize,
    pub input: ParticipantInput,
    pub programme: String,
}

/// One data row of the uploaded file with what is wrong with it (empty when nothing).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportRow {
    pub line: usize,
    pub input: ParticipantInput,
    /// The programme named by the row, as typed (empty: the one chosen on the page, or none).
    #[serde(default)]
    pub programme: String,
    pub errors: FieldErrors,
}

/// What the file holds, row by row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub rows: Vec<ImportRow>,
}

impl ImportPreview {
    pub fn invalid(&self) -> usize {
        self.rows.iter().filter(|r| !r.errors.is_empty()).count()
    }
    pub fn valid(&self) -> usize {
        self.rows.len() - self.invalid()
    }
}

/// A programme of the school a row may name: its id and title.
pub type ProgrammeTitle = (i64, String);

/// The programme a row names, matched on its title in any case (`ё` = `е`).
pub fn programme_named(name: &str, programmes: &[ProgrammeTitle]) -> Option<i64> {
    let wanted = search_fold(name.trim());
    programmes.iter().find(|(_, title)| search_fold(title.trim()) == wanted).map(|(id, _)| *id)
}

/// One row as the participant form would take it: the person, and the programme they join
/// with the row's role (the row's own programme, else `chosen`). Errors by field.
pub fn parse_row(
    input: &ParticipantInput,
    programme: &str,
    programmes: &[ProgrammeTitle],
    chosen: Option<i64>,
) -> Result<(NewParticipant, Option<Participation>), FieldErrors> {
    let named = match programme.trim() {
        "" => Ok(chosen),
        name => programme_named(name, programmes).map(Some).ok_or_else(|| ru::err_no_such_programme(name)),
    };
    let data = NewParticipant::parse(input);
    match (data, named) {
        (Ok(data), Ok(programme_id)) => {
            let participation = programme_id.map(|programme_id| Participation { programme_id, role: data.role });
            // Without a programme the row's role is still the one the capacity rule reads.
            let own = Participation { programme_id: 0, role: data.role };
            check_participations(&data, &[participation.unwrap_or(own)])?;
            Ok((data, participation))
        }
        (data, named) => {
            let mut errors = data.err().unwrap_or_default();
            if let Err(message) = named {
                errors.insert("programme".into(), message);
            }
            Err(errors)
        }
    }
}

/// Checks each row as the participant form would; the input is kept as typed.
pub fn check_rows(rows: Vec<FileRow>, programmes: &[ProgrammeTitle]) -> Vec<ImportRow> {
    rows.into_iter()
        .map(|row| {
            let errors = parse_row(&row.input, &row.programme, programmes, None).err().unwrap_or_default();
            ImportRow { line: row.line, input: row.input, programme: row.programme, errors }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::ParticipantRole;

    fn mentee(programme: &str) -> FileRow {
        FileRow {
            line: 2,
            input: ParticipantInput {
                last_name: "Громова".into(),
                first_name: "Ольга".into(),
                role: "наставляемый".into(),
                kind: "педагог".into(),
                experience_years: "1".into(),
                ..Default::default()
            },
            programme: programme.into(),
        }
    }

    #[test]
    fn a_row_joins_the_programme_its_column_names_in_any_case() {
        let programmes = [(4, "Молодые педагоги".to_owned()), (9, "ИКТ для всех".to_owned())];
        let row = mentee("икт ДЛЯ всех");
        let (_, joined) = parse_row(&row.input, &row.programme, &programmes, Some(4)).expect("valid");
        assert_eq!(joined, Some(Participation { programme_id: 9, role: ParticipantRole::Mentee }));
        let row = mentee("");
        let (_, joined) = parse_row(&row.input, &row.programme, &programmes, Some(4)).expect("valid");
        assert_eq!(joined.map(|p| p.programme_id), Some(4));
    }

    #[test]
    fn an_unknown_programme_is_the_rows_error_next_to_its_column() {
        let checked = check_rows(vec![mentee("Шахматы")], &[(4, "Молодые педагоги".into())]);
        assert_eq!(checked[0].errors.get("programme").map(String::as_str), Some("Программы «Шахматы» нет в этой школе"));
    }
}
