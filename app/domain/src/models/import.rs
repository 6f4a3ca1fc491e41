//! A participant list being imported: each row as typed, with what is wrong with it.

use serde::{Deserialize, Serialize};

use super::{NewParticipant, ParticipantInput};
use crate::FieldErrors;

/// One data row of the uploaded file with what is wrong with it (empty when nothing).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportRow {
    pub line: usize,
    pub input: ParticipantInput,
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

/// Parses each row as the participant form would; the input is kept as typed.
pub fn check_rows(rows: Vec<(usize, ParticipantInput)>) -> Vec<ImportRow> {
    rows.into_iter()
        .map(|(line, input)| {
            let errors = NewParticipant::parse(&input).err().unwrap_or_default();
            ImportRow { line, input, errors }
        })
        .collect()
}

