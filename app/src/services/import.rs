//! The parts of import that hold state or touch the database: batches gathered until the
//! last one arrives, then every row re-checked and written in one transaction.

use std::collections::HashMap;
use std::sync::Mutex;

use domain::models::import::ImportRow;
use crate::error::AppError;
use domain::models::NewParticipant;
use crate::store::{participants, Conn, Finish};

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
    db: impl Conn,
    organisation_id: i64,
    programme_id: Option<i64>,
    rows: &[ImportRow],
    drop_invalid: bool,
) -> Result<usize, AppError> {
    let parsed: Vec<Result<NewParticipant, _>> =
        rows.iter().map(|row| NewParticipant::parse(&row.input)).collect();
    let bad = parsed.iter().filter(|p| p.is_err()).count();
    if bad > 0 && !drop_invalid {
        return Err(AppError::Refused(domain::i18n::tr::import_refused(bad)));
    }
    let good: Vec<&NewParticipant> = parsed.iter().filter_map(|p| p.as_ref().ok()).collect();
    if good.is_empty() {
        return Err(AppError::Refused(domain::i18n::tr::IMPORT_EMPTY.into()));
    }
    let mut tx = db.begin().await?;
    for data in &good {
        participants::insert(&mut *tx, organisation_id, programme_id, data).await?;
    }
    tx.commit().await?;
    Ok(good.len())
}
