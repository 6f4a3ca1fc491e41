//! The parts of import that hold state or touch the database: batches gathered until the
//! last one arrives, then every row re-checked and written in one transaction.

use std::collections::{BTreeSet, HashMap};
use std::sync::Mutex;

use domain::models::import::{parse_row, ImportRow, ProgrammeTitle};
use crate::error::AppError;
use crate::store::{participants, programmes, Conn, Finish};

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

/// The school's programmes a row may name by title.
pub async fn programme_titles(db: impl Conn, organisation_id: i64) -> Result<Vec<ProgrammeTitle>, sqlx::Error> {
    Ok(programmes::list(db, organisation_id).await?.into_iter().map(|p| (p.id, p.title)).collect())
}

/// Re-checks every row (the browser's copy is not trusted) and writes them all or none.
/// A row joins the programme its «Программа» column names, else `chosen`, with the row's
/// role. A person already in the base (same name, category and class) is not stored twice:
/// their record is refreshed by the row (`refreshed_by`: nothing wiped) and they join the
/// programme; one already in it stays as they are there.
pub async fn write_rows(
    db: impl Conn,
    organisation_id: i64,
    chosen: Option<i64>,
    rows: &[ImportRow],
    drop_invalid: bool,
) -> Result<usize, AppError> {
    let mut tx = db.begin().await?;
    let titles = programme_titles(&mut *tx, organisation_id).await?;
    let parsed: Vec<_> = rows.iter().map(|row| parse_row(&row.input, &row.programme, &titles, chosen)).collect();
    let bad = parsed.iter().filter(|p| p.is_err()).count();
    if bad > 0 && !drop_invalid {
        return Err(AppError::Refused(domain::i18n::tr::import_refused(bad)));
    }
    let good: Vec<_> = parsed.into_iter().filter_map(Result::ok).collect();
    if good.is_empty() {
        return Err(AppError::Refused(domain::i18n::tr::IMPORT_EMPTY.into()));
    }
    let named: BTreeSet<i64> = good.iter().filter_map(|(_, joined)| joined.map(|p| p.programme_id)).collect();
    for programme_id in named {
        if programmes::archived_on(&mut *tx, programme_id).await?.is_some() {
            return Err(AppError::field("programme_id", domain::i18n::tr::ERR_PROGRAMME_ARCHIVED));
        }
    }
    for (data, joined) in &good {
        let id = match participants::same_person(&mut *tx, organisation_id, data).await? {
            None => participants::insert(&mut *tx, organisation_id, data).await?,
            Some(id) => {
                let (existing, _) = participants::get(&mut *tx, id).await?;
                participants::update(&mut *tx, id, &existing.data.refreshed_by(data)).await?;
                id
            }
        };
        if let Some(joined) = joined {
            if participants::role_in(&mut *tx, id, joined.programme_id).await?.is_none() {
                participants::join(&mut *tx, id, *joined).await?;
            }
        }
    }
    tx.commit().await?;
    Ok(good.len())
}
