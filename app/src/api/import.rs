//! Import of a participant list: upload → preview with row-level errors → commit.
//!
//! Commit sends the rows in batches so the page can show progress; the server keeps the
//! batches of one import in the database and writes them all in one transaction at the last
//! batch, so an import is all or nothing across restarts and server processes, and a batch
//! sent again after a lost reply is taken once (`services::import::commit`).

use leptos::prelude::*;
use server_fn::codec::{Json, MultipartData, MultipartFormData};

use crate::error::AppError;
pub use domain::models::import::{ImportBatch, ImportPreview, ImportRow, BATCH_ROWS};

/// Reads an uploaded CSV or XLSX and checks every row; changes nothing.
#[server(prefix = "/api", endpoint = "import/preview", input = MultipartFormData)]
pub async fn preview_import(data: MultipartData) -> Result<ImportPreview, AppError> {
    use domain::i18n::tr;
    let caller = crate::caller::Caller::current().await?;
    let school = caller.own_school_to_write().await?;
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
    // Reading a workbook is CPU work: off the async workers, so a big upload stalls nobody.
    let rows = tokio::task::spawn_blocking(move || crate::files::read_participants(&bytes))
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::Refused)?;
    let titles = crate::services::import::programme_titles(&caller.db, school.organisation_id).await?;
    Ok(ImportPreview { rows: domain::models::import::check_rows(rows, &titles) })
}

/// Adds one batch of an import; at the last batch writes all rows in one transaction
/// and returns how many were imported (0 before the last batch).
#[server(prefix = "/api", endpoint = "import/commit", input = Json)]
pub async fn commit_import(batch: ImportBatch) -> Result<usize, AppError> {
    let caller = crate::caller::Caller::current().await?;
    let school = caller.own_school_to_write().await?;
    if let (true, Some(programme_id)) = (batch.last, batch.programme_id) {
        match crate::store::programmes::place(&caller.db, programme_id).await {
            Ok(place) if place == school => {}
            _ => return Err(AppError::field("programme_id", domain::i18n::tr::ERR_PROGRAMME)),
        }
        if crate::store::programmes::archived_on(&caller.db, programme_id).await?.is_some() {
            return Err(AppError::field("programme_id", domain::i18n::tr::ERR_PROGRAMME_ARCHIVED));
        }
    }
    let count = crate::services::import::commit(&caller.db, caller.user.id, school.organisation_id, batch).await?;
    if count > 0 {
        tracing::info!(count, organisation_id = school.organisation_id, "participants imported");
    }
    Ok(count)
}

