//! The register of a school's documents (the implementation order, the regulation, the
//! roadmap, each programme's approval and pairs orders) with their signed scans, and the
//! pairs order's details with the school's head who signs it.

use sqlx::Row;

use super::{now, Conn, Finish};
use domain::access::Place;
use domain::models::{DocumentEntry, DocumentKind, NewDocument, OrderDetails, ScanInfo};

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

/// Registers the programme's pairs order (its latest entry takes the new number and date, and
/// keeps its scan) and keeps the school's signatory, in one transaction.
pub async fn save_pairs_order(db: impl Conn, organisation_id: i64, programme_id: i64, details: &OrderDetails) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    let latest: Option<i64> = sqlx::query_scalar("SELECT MAX(id) AS id FROM documents WHERE programme_id = $1 AND kind = $2")
        .bind(programme_id)
        .bind(DocumentKind::PairsOrder.code())
        .fetch_one(&mut *tx)
        .await?;
    match latest {
        Some(id) => {
            sqlx::query("UPDATE documents SET number = $1, signed_on = $2 WHERE id = $3")
                .bind(&details.number)
                .bind(&details.signed_on)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        None => {
            let document = NewDocument { kind: DocumentKind::PairsOrder, programme_id: Some(programme_id), number: details.number.clone(), signed_on: details.signed_on.clone() };
            add(&mut *tx, organisation_id, &document).await?;
        }
    }
    sqlx::query("UPDATE organisations SET head_name = $1, head_position = $2 WHERE id = $3")
        .bind(&details.head_name)
        .bind(&details.head_position)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Registers a document of a school; returns its id.
pub async fn add(db: impl Conn, organisation_id: i64, document: &NewDocument) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar(
        "INSERT INTO documents (organisation_id, programme_id, kind, number, signed_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(organisation_id)
    .bind(document.programme_id)
    .bind(document.kind.code())
    .bind(&document.number)
    .bind(&document.signed_on)
    .bind(now())
    .fetch_one(&mut *conn)
    .await
}

/// A school's register, newest first, with each scan's name and size (not its bytes).
pub async fn list(db: impl Conn, organisation_id: i64) -> Result<Vec<DocumentEntry>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let sql = format!("{ENTRY_SELECT} WHERE d.organisation_id = $1 ORDER BY d.signed_on DESC, d.id DESC");
    let rows = sqlx::query(&sql)
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(entry_from_row).collect()
}

/// A register entry with its school, programme title and scan's name and size (not its bytes).
const ENTRY_SELECT: &str = "SELECT d.id, d.kind, d.programme_id, g.title, d.number, d.signed_on, s.file_name, s.content_type,
        s.size, d.organisation_id, o.district_id
     FROM documents d JOIN organisations o ON o.id = d.organisation_id
     LEFT JOIN programmes g ON g.id = d.programme_id
     LEFT JOIN document_scans s ON s.document_id = d.id";

fn entry_from_row(row: &sqlx::any::AnyRow) -> Result<DocumentEntry, sqlx::Error> {
    let file_name: Option<String> = row.try_get("file_name")?;
    let scan = match file_name {
        Some(file_name) => Some(ScanInfo { file_name, content_type: row.try_get("content_type")?, size: row.try_get("size")? }),
        None => None,
    };
    Ok(DocumentEntry {
        id: row.try_get("id")?,
        kind: super::code(row, "kind")?,
        programme_id: row.try_get("programme_id")?,
        programme_title: row.try_get("title")?,
        number: row.try_get("number")?,
        signed_on: row.try_get("signed_on")?,
        scan,
    })
}

/// One document with the place it belongs to (for access checks).
pub async fn get(db: impl Conn, id: i64) -> Result<(DocumentEntry, Place), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query(&format!("{ENTRY_SELECT} WHERE d.id = $1"))
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let place = Place { district_id: row.try_get("district_id")?, organisation_id: row.try_get("organisation_id")? };
    Ok((entry_from_row(&row)?, place))
}

/// Attaches (or replaces) a document's signed scan.
pub async fn attach_scan(db: impl Conn, document_id: i64, file_name: &str, content_type: &str, bytes: &[u8]) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM document_scans WHERE document_id = $1").bind(document_id).execute(&mut *tx).await?;
    sqlx::query(
        "INSERT INTO document_scans (document_id, file_name, content_type, size, bytes, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(document_id)
    .bind(file_name)
    .bind(content_type)
    .bind(bytes.len() as i64)
    .bind(bytes.to_vec())
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// A document's scan: its name, type and bytes.
pub async fn scan(db: impl Conn, document_id: i64) -> Result<Option<(String, String, Vec<u8>)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query("SELECT file_name, content_type, bytes FROM document_scans WHERE document_id = $1")
        .bind(document_id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|row| Ok((row.try_get("file_name")?, row.try_get("content_type")?, row.try_get("bytes")?))).transpose()
}

/// Removes a document with its scan.
pub async fn delete(db: impl Conn, id: i64) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("DELETE FROM documents WHERE id = $1").bind(id).execute(&mut *conn).await?;
    Ok(())
}
