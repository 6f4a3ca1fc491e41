//! The one-time code that guards the first run. Only its SHA-256 is stored, in one row.

use super::{now, Conn};

/// Stores a new code's hash in place of any earlier one (a restart prints a new code).
pub async fn replace_code(db: impl Conn, code_hash: &str) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query(
        "INSERT INTO setup_code (id, code_hash, created_at) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET code_hash = excluded.code_hash, created_at = excluded.created_at",
    )
    .bind(code_hash)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Uses the code up if `code_hash` is the stored one: `true` once, `false` for any other code
/// (or when there is none).
pub async fn take_code(db: impl Conn, code_hash: &str) -> Result<bool, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let taken = sqlx::query("DELETE FROM setup_code WHERE id = 1 AND code_hash = $1").bind(code_hash).execute(&mut *conn).await?;
    Ok(taken.rows_affected() == 1)
}
