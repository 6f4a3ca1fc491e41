//! The audit log: who changed what in accounts, schools, programmes and documents, and when.

use sqlx::Row;

use super::{now, Conn};
use domain::models::AuditLine;

/// Who did it and where: the district always, the school when the change concerns one.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor<'a> {
    pub district_id: i64,
    pub organisation_id: Option<i64>,
    pub user_id: Option<i64>,
    pub user_name: &'a str,
}


/// Records one change. Call it inside the change's own transaction where there is one, so the
/// log never claims what did not happen.
pub async fn record(db: impl Conn, actor: &Actor<'_>, summary: &str) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query(
        "INSERT INTO audit_log (district_id, organisation_id, user_id, user_name, at, summary)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(actor.district_id)
    .bind(actor.organisation_id)
    .bind(actor.user_id)
    .bind(actor.user_name)
    .bind(now())
    .bind(summary)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The newest 200 lines of a district, or of one of its schools.
pub async fn lines(db: impl Conn, district_id: i64, organisation_id: Option<i64>) -> Result<Vec<AuditLine>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(
        "SELECT at, user_name, summary FROM audit_log
         WHERE district_id = $1 AND ($2 < 0 OR organisation_id = $2) ORDER BY id DESC LIMIT 200",
    )
    .bind(district_id)
    .bind(organisation_id.unwrap_or(-1))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| Ok(AuditLine { at: row.try_get("at")?, user_name: row.try_get("user_name")?, summary: row.try_get("summary")? }))
        .collect()
}
