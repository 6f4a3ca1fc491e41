//! The register of a school's documents with their signed scans: list, add (with or without a
//! scan, in one request), attach a scan later, remove.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{Json, MultipartData, MultipartFormData};

use crate::error::AppError;
use domain::models::{DocumentEntry, Organisation, Programme};

/// A school's register as its page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentsPage {
    pub organisation: Organisation,
    pub documents: Vec<DocumentEntry>,
    /// The school's programmes, for the documents that belong to one.
    pub programmes: Vec<Programme>,
    /// Whether the caller may change the register (the school's curator).
    pub can_edit: bool,
}

/// A school's register: the curator's own, or one a coordinator of its district names.
#[server(prefix = "/api", endpoint = "documents/list", input = Json)]
pub async fn list_documents(organisation_id: Option<i64>) -> Result<DocumentsPage, AppError> {
    use crate::store::{documents, orgs, programmes};
    let caller = crate::caller::Caller::current().await?;
    let place = caller.school(organisation_id).await?;
    Ok(DocumentsPage {
        organisation: orgs::organisation(&caller.db, place.organisation_id).await?,
        documents: documents::list(&caller.db, place.organisation_id).await?,
        programmes: programmes::list(&caller.db, place.organisation_id).await?,
        can_edit: caller.may_write(place),
    })
}

/// Registers a document of the curator's school (multipart: `kind`, `programme_id`, `number`,
/// `signed_on`, and an optional `file`, its signed scan). Everything or nothing is kept.
#[server(prefix = "/api", endpoint = "documents/add", input = MultipartFormData)]
pub async fn add_document(data: MultipartData) -> Result<i64, AppError> {
    let caller = crate::caller::Caller::current().await?;
    let school = caller.own_school_to_write().await?;
    let form = server::read_form(data).await?;
    let input = domain::models::DocumentInput {
        kind: form.text("kind"),
        programme_id: form.text("programme_id"),
        number: form.text("number"),
        signed_on: form.text("signed_on"),
    };
    let document = input.parse().map_err(AppError::Validation)?;
    if let Some(programme_id) = document.programme_id {
        match crate::store::programmes::place(&caller.db, programme_id).await {
            Ok(place) if place == school => {}
            _ => return Err(AppError::field("programme_id", domain::i18n::tr::ERR_PROGRAMME)),
        }
        caller.programme(programme_id, domain::access::Intent::Write).await?;
    }
    let scan = form.scan()?;
    let id = crate::services::documents::add(&caller.db, &caller.user, school.organisation_id, &document, scan.as_ref()).await?;
    tracing::info!(document_id = id, organisation_id = school.organisation_id, "document registered");
    Ok(id)
}

/// Attaches (or replaces) the signed scan of a document of the curator's school (multipart:
/// `document_id`, `file`).
#[server(prefix = "/api", endpoint = "documents/scan", input = MultipartFormData)]
pub async fn attach_scan(data: MultipartData) -> Result<(), AppError> {
    let caller = crate::caller::Caller::current().await?;
    let form = server::read_form(data).await?;
    let document_id = form.text("document_id").trim().parse::<i64>().map_err(|_| AppError::NotFound)?;
    let (document, place) = caller.document(document_id, domain::access::Intent::Write).await?;
    let scan = form.scan()?.ok_or_else(|| AppError::field("file", domain::i18n::tr::IMPORT_NO_FILE))?;
    crate::services::documents::attach_scan(&caller.db, &caller.user, place.organisation_id, &document, &scan).await?;
    tracing::info!(document_id, "scan attached");
    Ok(())
}

/// Removes a document of the curator's school with its scan.
#[server(prefix = "/api", endpoint = "documents/delete", input = Json)]
pub async fn delete_document(id: i64) -> Result<(), AppError> {
    let caller = crate::caller::Caller::current().await?;
    let (document, place) = caller.document(id, domain::access::Intent::Write).await?;
    crate::services::documents::delete(&caller.db, &caller.user, place.organisation_id, &document).await?;
    Ok(())
}

/// Reading a multipart form with at most one file, bounded as it streams in.
#[cfg(feature = "ssr")]
pub(crate) mod server {
    use std::collections::BTreeMap;

    use crate::error::AppError;
    use crate::services::documents::Scan;
    use domain::i18n::tr;
    use domain::models::{scan_file_name, scan_type, MAX_SCAN_BYTES};
    use server_fn::codec::MultipartData;

    /// Text fields and the file of a form.
    pub struct Form {
        texts: BTreeMap<String, String>,
        file: Option<(String, Vec<u8>)>,
    }

    const MAX_TEXT: usize = 4096;

    pub async fn read_form(data: MultipartData) -> Result<Form, AppError> {
        let mut multipart = data.into_inner().ok_or_else(|| AppError::Refused(tr::IMPORT_NO_FILE.into()))?;
        let mut form = Form { texts: BTreeMap::new(), file: None };
        while let Ok(Some(mut field)) = multipart.next_field().await {
            let name = field.name().unwrap_or_default().to_owned();
            let file_name = field.file_name().map(str::to_owned);
            let limit = if name == "file" { MAX_SCAN_BYTES } else { MAX_TEXT };
            let mut bytes = Vec::new();
            while let Ok(Some(chunk)) = field.chunk().await {
                if bytes.len() + chunk.len() > limit {
                    return Err(if name == "file" { AppError::field("file", tr::ERR_SCAN_BIG) } else { AppError::Refused(tr::ERR_TEXT_LONG.into()) });
                }
                bytes.extend_from_slice(&chunk);
            }
            match (name.as_str(), file_name) {
                ("file", Some(file_name)) if !bytes.is_empty() => form.file = Some((file_name, bytes)),
                ("file", _) => {}
                _ => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    if text.chars().any(domain::limits::is_forbidden_control) {
                        return Err(AppError::Refused(tr::CONTROL_CHARACTERS.into()));
                    }
                    form.texts.insert(name, text);
                }
            }
        }
        Ok(form)
    }

    impl Form {
        pub fn text(&self, name: &str) -> String {
            self.texts.get(name).cloned().unwrap_or_default()
        }

        /// The file as a scan: PDF, JPEG or PNG by its bytes, under a safe name.
        pub fn scan(&self) -> Result<Option<Scan>, AppError> {
            let Some((given, bytes)) = &self.file else { return Ok(None) };
            let content_type = scan_type(bytes).ok_or_else(|| AppError::field("file", tr::ERR_SCAN_TYPE))?;
            Ok(Some(Scan { file_name: scan_file_name(given, content_type), content_type, bytes: bytes.clone() }))
        }
    }
}
