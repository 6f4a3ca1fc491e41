//! Plain HTTP routes beside the Leptos ones: file downloads. A handler takes a `Caller` (so an
//! anonymous request is refused before it runs) and returns `Result<_, AppError>`, refusing
//! with the same statuses and Russian sentences as the server functions.

use app::caller::Caller;
use app::error::AppError;
use axum::extract::{Path, Query};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use domain::access::Intent;
use domain::models::ParticipantFilter;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    /// The school; a curator may leave it out (their own).
    org: Option<i64>,
}

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const CSV: &str = "text/csv; charset=utf-8";

/// A file to download: bytes, type and the name the browser saves it under.
pub fn attachment(bytes: Vec<u8>, mime: &str, file_name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, mime.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
        ],
        bytes,
    )
        .into_response()
}

/// `/export/participants.csv`: a school's base.
pub async fn export_csv(caller: Caller, Query(query): Query<ExportQuery>) -> Result<Response, AppError> {
    let (organisation_id, list) = participants_of(&caller, query.org).await?;
    let bytes = app::files::write_csv(&list).map_err(AppError::internal)?;
    Ok(attachment(bytes, CSV, &format!("participants-{organisation_id}.csv")))
}

/// `/export/participants.xlsx`: the same as a workbook.
pub async fn export_xlsx(caller: Caller, Query(query): Query<ExportQuery>) -> Result<Response, AppError> {
    let (organisation_id, list) = participants_of(&caller, query.org).await?;
    let bytes = app::files::write_xlsx(&list).map_err(AppError::internal)?;
    Ok(attachment(bytes, XLSX, &format!("participants-{organisation_id}.xlsx")))
}

async fn participants_of(caller: &Caller, org: Option<i64>) -> Result<(i64, Vec<domain::models::Participant>), AppError> {
    let place = caller.school(org).await?;
    let list = app::store::participants::list(&caller.db, place.organisation_id, &ParticipantFilter::default()).await?;
    Ok((place.organisation_id, list))
}

pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// `/export/order/{programme_id}` (XLSX, also `.xlsx`) and `/export/order/{programme_id}.docx`:
/// the order fixing the pairs.
pub async fn export_order(caller: Caller, Path(file): Path<String>) -> Result<Response, AppError> {
    use app::documents::order::{write_order_docx, write_order_xlsx};
    let (id, ext) = file.split_once('.').unwrap_or((&file, "xlsx"));
    let programme_id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
    caller.programme(programme_id, Intent::Read).await?;
    let board = app::store::board::load(&caller.db, programme_id).await?;
    match ext {
        "xlsx" => {
            let bytes = write_order_xlsx(&board).map_err(AppError::internal)?;
            Ok(attachment(bytes, XLSX, &format!("order-{programme_id}.xlsx")))
        }
        "docx" => {
            let details = app::store::documents::pairs_order(&caller.db, programme_id).await?;
            let bytes = write_order_docx(&board, details.as_ref()).map_err(AppError::internal)?;
            Ok(attachment(bytes, DOCX, &format!("order-{programme_id}.docx")))
        }
        _ => Err(AppError::NotFound),
    }
}

/// `/export/thanks/{programme_id}.docx`: the letters of thanks of the mentors the curator
/// chose, one per page — the school's curator only.
pub async fn export_thanks(caller: Caller, Path(file): Path<String>) -> Result<Response, AppError> {
    let programme_id = file.strip_suffix(".docx").and_then(|id| id.parse::<i64>().ok()).ok_or(AppError::NotFound)?;
    let place = caller.programme(programme_id, Intent::Read).await?;
    if !caller.may_write(place) {
        return Err(AppError::Forbidden);
    }
    let today = app::services::pair_work::today_for(&caller.user);
    let letters = app::services::pair_work::letters(&caller.db, programme_id, &today).await?;
    if letters.is_empty() {
        return Err(AppError::Refused(domain::i18n::tr::THANKS_NONE_CHOSEN.into()));
    }
    let bytes = app::documents::thanks::write_thanks_docx(&letters).map_err(AppError::internal)?;
    Ok(attachment(bytes, DOCX, &format!("thanks-{programme_id}.docx")))
}

/// `/export/final/{programme_id}.xlsx`: a programme's final report as a workbook — its school's
/// curator and the district's coordinator.
pub async fn export_final(caller: Caller, Path(file): Path<String>) -> Result<Response, AppError> {
    let programme_id = file.strip_suffix(".xlsx").and_then(|id| id.parse::<i64>().ok()).ok_or(AppError::NotFound)?;
    caller.programme(programme_id, Intent::Read).await?;
    let today = app::services::pair_work::today_for(&caller.user);
    let report = app::services::pair_work::final_report(&caller.db, programme_id, &today).await?;
    let bytes = app::documents::final_report::final_report_xlsx(&report).map_err(AppError::internal)?;
    Ok(attachment(bytes, XLSX, &format!("final-report-{programme_id}.xlsx")))
}

/// `/export/wave/{id}.xlsx` and `.csv`: a wave's answers, one row per respondent.
pub async fn export_wave(caller: Caller, Path(file): Path<String>) -> Result<Response, AppError> {
    use app::documents::wave_table::{table_csv, table_xlsx, wave_table};
    use app::store::surveys as store;
    let (wave_id, ext) = file
        .split_once('.')
        .and_then(|(id, ext)| Some((id.parse::<i64>().ok()?, ext)))
        .filter(|(_, ext)| matches!(*ext, "xlsx" | "csv"))
        .ok_or(AppError::NotFound)?;
    caller.wave(wave_id, Intent::Read).await?;
    let wave = store::wave(&caller.db, wave_id).await?;
    if domain::surveys::stats::too_few_anonymous(wave.anonymous, wave.answered) {
        return Err(AppError::Refused(domain::i18n::tr::SV_TOO_FEW_ANONYMOUS.into()));
    }
    let (latest, versions) = store::versions(&caller.db, wave.questionnaire_id).await?;
    let submissions = store::wave_submissions(&caller.db, &wave).await?;
    let (header, rows) = wave_table(&latest, &versions, &submissions, caller.user.time_zone, wave.anonymous);
    let label_columns = if wave.anonymous { 0 } else { 2 };
    Ok(if ext == "csv" {
        attachment(table_csv(&header, &rows).map_err(AppError::internal)?, CSV, &format!("answers-{wave_id}.csv"))
    } else {
        let bytes = table_xlsx(domain::i18n::tr::SHEET_ANSWERS, &header, &rows, label_columns).map_err(AppError::internal)?;
        attachment(bytes, XLSX, &format!("answers-{wave_id}.xlsx"))
    })
}

/// `/documents/{id}/scan`: a registered document's signed scan, for those who may read its
/// school. Always a download (a PDF is not run in the page), its type fixed by its bytes.
pub async fn document_scan(caller: Caller, Path(id): Path<String>) -> Result<Response, AppError> {
    let id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
    caller.document(id, Intent::Read).await?;
    let (file_name, content_type, bytes) = app::store::documents::scan(&caller.db, id).await?.ok_or(AppError::NotFound)?;
    let ascii: String = file_name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '_' }).collect();
    let encoded: String = file_name.bytes().map(|b| if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' { (b as char).to_string() } else { format!("%{b:02X}") }).collect();
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
