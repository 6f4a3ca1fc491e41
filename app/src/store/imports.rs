//! Imports in progress and their results, kept here rather than in one process's memory: a
//! restart or a second server process sees every batch, and a batch or import sent twice is
//! taken once.

use domain::models::import::ImportRow;

use super::Conn;

/// Stores one batch; a batch already stored under the same index is left as it was (the
/// browser sent it again after a lost reply). Rows go in as JSON: they are read back only
/// whole, by the import that sent them.
pub async fn add_batch(db: impl Conn, user_id: i64, import_key: &str, index: i64, rows: &[ImportRow], now: i64) -> Result<(), sqlx::Error> {
    let json = serde_json::to_string(rows).map_err(|error| sqlx::Error::Encode(Box::new(error)))?;
    let mut conn = db.acquire().await?;
    sqlx::query(
        "INSERT INTO import_batches (user_id, import_key, batch_index, row_count, rows_json, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, import_key, batch_index) DO NOTHING",
    )
    .bind(user_id)
    .bind(import_key)
    .bind(index)
    .bind(rows.len() as i64)
    .bind(json)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Rows stored so far for an import, over all its batches.
pub async fn pending_row_count(db: impl Conn, user_id: i64, import_key: &str) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar("SELECT CAST(COALESCE(SUM(row_count), 0) AS BIGINT) FROM import_batches WHERE user_id = $1 AND import_key = $2")
        .bind(user_id)
        .bind(import_key)
        .fetch_one(&mut *conn)
        .await
}

/// Every stored batch of an import, in order, as `(index, rows)`.
pub async fn batches(db: impl Conn, user_id: i64, import_key: &str) -> Result<Vec<(i64, Vec<ImportRow>)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let stored: Vec<(i64, String)> =
        sqlx::query_as("SELECT batch_index, rows_json FROM import_batches WHERE user_id = $1 AND import_key = $2 ORDER BY batch_index")
            .bind(user_id)
            .bind(import_key)
            .fetch_all(&mut *conn)
            .await?;
    stored
        .into_iter()
        .map(|(index, json)| Ok((index, serde_json::from_str(&json).map_err(|error| sqlx::Error::Decode(Box::new(error)))?)))
        .collect()
}

/// How many rows an import wrote, if it is finished.
pub async fn result(db: impl Conn, user_id: i64, import_key: &str) -> Result<Option<i64>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar("SELECT imported FROM import_results WHERE user_id = $1 AND import_key = $2")
        .bind(user_id)
        .bind(import_key)
        .fetch_optional(&mut *conn)
        .await
}

/// Marks an import written and drops its batches. Run in the transaction that writes its
/// rows: the result's key is unique, so of two processes finishing the same import at once
/// one commits and the other rolls back.
pub async fn finish(db: impl Conn, user_id: i64, import_key: &str, imported: i64, now: i64) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("INSERT INTO import_results (user_id, import_key, imported, finished_at) VALUES ($1, $2, $3, $4)")
        .bind(user_id)
        .bind(import_key)
        .bind(imported)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM import_batches WHERE user_id = $1 AND import_key = $2")
        .bind(user_id)
        .bind(import_key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Forgets unfinished batches and results older than `before` (unix seconds).
pub async fn forget_before(db: impl Conn, before: i64) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("DELETE FROM import_batches WHERE created_at < $1").bind(before).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM import_results WHERE finished_at < $1").bind(before).execute(&mut *conn).await?;
    Ok(())
}
