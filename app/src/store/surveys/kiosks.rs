//! Kiosks: a device that opens one wave's questionnaire, by a cookie whose hash is stored.

use super::*;

pub async fn open_kiosk(db: impl Conn, token_hash: &str, wave_id: i64, user_id: i64, expires_at: i64) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("INSERT INTO kiosks (token_hash, wave_id, opened_by, opened_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(token_hash)
        .bind(wave_id)
        .bind(user_id)
        .bind(now())
        .bind(expires_at)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The wave a live kiosk token serves.
pub async fn kiosk_wave(db: impl Conn, token_hash: &str) -> Result<Option<i64>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query("SELECT wave_id FROM kiosks WHERE token_hash = $1 AND expires_at > $2")
        .bind(token_hash)
        .bind(super::now_unix())
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|row| row.try_get("wave_id")).transpose()
}

pub async fn close_kiosk(db: impl Conn, token_hash: &str) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("DELETE FROM kiosks WHERE token_hash = $1").bind(token_hash).execute(&mut *conn).await?;
    Ok(())
}
