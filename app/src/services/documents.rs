//! The register's changes, each in one transaction with its audit line: a document with its
//! scan is kept whole or not at all.

use crate::error::AppError;
use crate::services::accounts::actor;
use crate::store::{audit, documents, Conn, Finish};
use domain::i18n::tr;
use domain::models::{CurrentUser, DocumentEntry, NewDocument};

/// A signed scan, checked: its type known from its bytes, its name made safe.
#[derive(Clone, Debug)]
pub struct Scan {
    pub file_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

pub async fn add(db: impl Conn, by: &CurrentUser, organisation_id: i64, document: &NewDocument, scan: Option<&Scan>) -> Result<i64, AppError> {
    let mut tx = db.begin().await?;
    let id = documents::add(&mut *tx, organisation_id, document).await?;
    if let Some(scan) = scan {
        documents::attach_scan(&mut *tx, id, &scan.file_name, scan.content_type, &scan.bytes).await?;
    }
    let summary = tr::audit_document_added(document.kind, &document.number, &document.signed_on);
    audit::record(&mut *tx, &actor(by, Some(organisation_id)), &summary).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn attach_scan(db: impl Conn, by: &CurrentUser, organisation_id: i64, document: &DocumentEntry, scan: &Scan) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    documents::attach_scan(&mut *tx, document.id, &scan.file_name, scan.content_type, &scan.bytes).await?;
    let summary = tr::audit_document_scan(document.kind, &document.number, &document.signed_on);
    audit::record(&mut *tx, &actor(by, Some(organisation_id)), &summary).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete(db: impl Conn, by: &CurrentUser, organisation_id: i64, document: &DocumentEntry) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    documents::delete(&mut *tx, document.id).await?;
    let summary = tr::audit_document_removed(document.kind, &document.number, &document.signed_on);
    audit::record(&mut *tx, &actor(by, Some(organisation_id)), &summary).await?;
    tx.commit().await?;
    Ok(())
}
