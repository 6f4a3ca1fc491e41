//! Import of a participant list: upload → preview with row-level errors → commit.
//!
//! Commit sends the rows in batches so the page can show progress; the server keeps the
//! batches of one import in memory and writes them all in one transaction at the last batch,
//! so an import is all or nothing.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{Json, MultipartData, MultipartFormData};

use crate::error::{AppError, FieldErrors};
use crate::models::ParticipantInput;

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

/// A batch of a commit. `import_key` names the import (made in the browser); `last` writes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportBatch {
    pub import_key: String,
    pub rows: Vec<ImportRow>,
    /// Leave out the rows with errors instead of refusing the whole import.
    pub drop_invalid: bool,
    pub last: bool,
}

/// Rows per batch the browser sends.
pub const BATCH_ROWS: usize = 200;

/// Reads an uploaded CSV or XLSX and checks every row; changes nothing.
#[server(prefix = "/api", endpoint = "import/preview", input = MultipartFormData)]
pub async fn preview_import(data: MultipartData) -> Result<ImportPreview, AppError> {
    use crate::i18n::tr;
    let user = crate::state::require_user().await?;
    let school = super::school_for(&user, None).await?;
    if !crate::access::can_write_school(&user, school) {
        return Err(AppError::Forbidden);
    }
    let mut multipart = data.into_inner().ok_or_else(|| AppError::Refused(tr::IMPORT_NO_FILE.into()))?;
    let mut bytes = Vec::new();
    while let Ok(Some(mut field)) = multipart.next_field().await {
        if field.name() != Some("file") {
            continue;
        }
        while let Ok(Some(chunk)) = field.chunk().await {
            if bytes.len() + chunk.len() > crate::files::MAX_FILE_BYTES {
                return Err(AppError::Refused(tr::IMPORT_TOO_BIG.into()));
            }
            bytes.extend_from_slice(&chunk);
        }
    }
    if bytes.is_empty() {
        return Err(AppError::Refused(tr::IMPORT_NO_FILE.into()));
    }
    let rows = crate::files::read_participants(&bytes).map_err(AppError::Refused)?;
    Ok(ImportPreview { rows: check_rows(rows) })
}

/// Adds one batch of an import; at the last batch writes all rows in one transaction
/// and returns how many were imported (0 before the last batch).
#[server(prefix = "/api", endpoint = "import/commit", input = Json)]
pub async fn commit_import(batch: ImportBatch) -> Result<usize, AppError> {
    let user = crate::state::require_user().await?;
    let school = super::school_for(&user, None).await?;
    if !crate::access::can_write_school(&user, school) {
        return Err(AppError::Forbidden);
    }
    let state = crate::state::state()?;
    let key = format!("{}:{}", user.id, batch.import_key);
    let rows = state.imports.add(&key, batch.rows);
    if !batch.last {
        return Ok(0);
    }
    let rows = state.imports.take(&key).unwrap_or(rows);
    let count = server::write_rows(&state.db, school.organisation_id, None, &rows, batch.drop_invalid).await?;
    tracing::info!(count, organisation_id = school.organisation_id, "participants imported");
    Ok(count)
}

/// Parses each row as the participant form would; the input is kept as typed.
#[cfg(feature = "ssr")]
pub fn check_rows(rows: Vec<crate::files::FileRow>) -> Vec<ImportRow> {
    rows.into_iter()
        .map(|(line, input)| {
            let errors = crate::models::NewParticipant::parse(&input).err().unwrap_or_default();
            ImportRow { line, input, errors }
        })
        .collect()
}

#[cfg(feature = "ssr")]
pub mod server {
    //! The parts of import that hold state or touch the database.

    use std::collections::HashMap;
    use std::sync::Mutex;

    use super::ImportRow;
    use crate::error::AppError;
    use crate::models::NewParticipant;
    use crate::store::{participants, Db};

    /// Batches of imports in progress, by user and import key.
    #[derive(Debug, Default)]
    pub struct PendingImports {
        batches: Mutex<HashMap<String, Vec<ImportRow>>>,
    }

    impl PendingImports {
        /// Appends rows; returns everything gathered so far for this key.
        pub fn add(&self, key: &str, rows: Vec<ImportRow>) -> Vec<ImportRow> {
            let mut batches = self.batches.lock().unwrap_or_else(|p| p.into_inner());
            let gathered = batches.entry(key.to_owned()).or_default();
            gathered.extend(rows);
            gathered.clone()
        }

        pub fn take(&self, key: &str) -> Option<Vec<ImportRow>> {
            self.batches.lock().unwrap_or_else(|p| p.into_inner()).remove(key)
        }
    }

    /// Re-checks every row (the browser's copy is not trusted) and writes them all or none.
    pub async fn write_rows(
        db: &Db,
        organisation_id: i64,
        programme_id: Option<i64>,
        rows: &[ImportRow],
        drop_invalid: bool,
    ) -> Result<usize, AppError> {
        let parsed: Vec<Result<NewParticipant, _>> =
            rows.iter().map(|row| NewParticipant::parse(&row.input)).collect();
        let bad = parsed.iter().filter(|p| p.is_err()).count();
        if bad > 0 && !drop_invalid {
            return Err(AppError::Refused(crate::i18n::tr::import_refused(bad)));
        }
        let good: Vec<&NewParticipant> = parsed.iter().filter_map(|p| p.as_ref().ok()).collect();
        if good.is_empty() {
            return Err(AppError::Refused(crate::i18n::tr::IMPORT_EMPTY.into()));
        }
        let mut tx = db.pool.begin().await?;
        for data in &good {
            participants::insert(&mut tx, organisation_id, programme_id, data).await?;
        }
        tx.commit().await?;
        Ok(good.len())
    }
}
