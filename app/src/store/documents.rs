//! The register of documents: for now the order fixing a programme's pairs, with the number
//! and date it was signed with and the school's head who signs it.

use sqlx::Row;

use super::{now, Conn, Finish};
use domain::models::{DocumentKind, OrderDetails};

/// The pairs order of a programme as last registered, with the school's signatory.
pub async fn pairs_order(db: impl Conn, programme_id: i64) -> Result<Option<OrderDetails>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query(
        "SELECT d.number, d.signed_on, o.head_name, o.head_position FROM documents d
         JOIN organisations o ON o.id = d.organisation_id
         WHERE d.programme_id = $1 AND d.kind = $2 ORDER BY d.id DESC LIMIT 1",
    )
    .bind(programme_id)
    .bind(DocumentKind::PairsOrder.code())
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| {
        Ok(OrderDetails {
            number: row.try_get("number")?,
            signed_on: row.try_get("signed_on")?,
            head_name: row.try_get("head_name")?,
            head_position: row.try_get("head_position")?,
        })
    })
    .transpose()
}

/// Registers the programme's pairs order (replacing its earlier number and date) and keeps the
/// school's signatory, in one transaction.
pub async fn save_pairs_order(db: impl Conn, organisation_id: i64, programme_id: i64, details: &OrderDetails) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM documents WHERE programme_id = $1 AND kind = $2")
        .bind(programme_id)
        .bind(DocumentKind::PairsOrder.code())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO documents (organisation_id, programme_id, kind, number, signed_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(organisation_id)
    .bind(programme_id)
    .bind(DocumentKind::PairsOrder.code())
    .bind(&details.number)
    .bind(&details.signed_on)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE organisations SET head_name = $1, head_position = $2 WHERE id = $3")
        .bind(&details.head_name)
        .bind(&details.head_position)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}
