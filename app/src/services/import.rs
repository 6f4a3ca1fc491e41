//! The parts of import that hold state or touch the database: batches kept in the database
//! until the last one arrives, then every row re-checked and written in one transaction.

use std::collections::BTreeSet;

use domain::models::import::{parse_row, ImportBatch, ImportRow, ProgrammeTitle, MAX_ROWS};
use crate::error::AppError;
use crate::store::{imports, now_unix, participants, programmes, Conn, Db, Finish};

/// An import left unfinished for a day is forgotten, and so is a finished one's result.
const KEEP_SECONDS: i64 = 24 * 60 * 60;

/// Takes one batch of a curator's import. Before the last batch it only stores the batch
/// (0 rows imported); at the last it writes every batch's rows in one transaction, with the
/// import's result, and returns how many were imported. Sent again, a batch changes nothing
/// and a finished import answers its count again: a reply lost on the way is safe to retry,
/// on any server process, across a restart.
pub async fn commit(db: &Db, user_id: i64, organisation_id: i64, batch: ImportBatch) -> Result<usize, AppError> {
    batch.check_shape().map_err(AppError::Refused)?;
    let now = now_unix();
    // Old imports are swept when a new one begins, not at every batch.
    if batch.index == 0 {
        imports::forget_before(db, now - KEEP_SECONDS).await?;
    }
    if let Some(imported) = imports::result(db, user_id, &batch.import_key).await? {
        return Ok(imported as usize);
    }
    let stored = imports::pending_row_count(db, user_id, &batch.import_key).await?;
    if stored as usize + batch.rows.len() > MAX_ROWS {
        return Err(AppError::Refused(domain::i18n::tr::import_too_large(MAX_ROWS)));
    }
    imports::add_batch(db, user_id, &batch.import_key, batch.index as i64, &batch.rows, now).await?;
    if !batch.last {
        return Ok(0);
    }
    match write_batches(db, user_id, organisation_id, &batch, now).await {
        Ok(count) => Ok(count),
        // Another process finished the same import a moment earlier: its result is the answer.
        Err(error) => match imports::result(db, user_id, &batch.import_key).await? {
            Some(imported) => Ok(imported as usize),
            None => Err(error),
        },
    }
}

/// Writes the rows of every batch of an import with its result, in one transaction.
async fn write_batches(db: &Db, user_id: i64, organisation_id: i64, batch: &ImportBatch, now: i64) -> Result<usize, AppError> {
    let mut tx = db.begin().await?;
    let batches = imports::batches(&mut *tx, user_id, &batch.import_key).await?;
    let complete = batches.len() == batch.index + 1 && batches.iter().enumerate().all(|(position, (index, _))| *index == position as i64);
    if !complete {
        return Err(AppError::Refused(domain::i18n::tr::IMPORT_INCOMPLETE.into()));
    }
    let rows: Vec<ImportRow> = batches.into_iter().flat_map(|(_, rows)| rows).collect();
    let count = write_rows(&mut *tx, organisation_id, batch.programme_id, &rows, batch.drop_invalid).await?;
    imports::finish(&mut *tx, user_id, &batch.import_key, count as i64, now).await?;
    tx.commit().await?;
    Ok(count)
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
