//! Plain HTTP routes beside the Leptos ones: file downloads.

use app::access::{can_read_school, Place};
use app::models::{ParticipantFilter, UserRole};
use app::state::{user_from_headers, AppState};
use app::store::{orgs, participants};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    /// The school; a curator may leave it out (their own).
    org: Option<i64>,
}

pub async fn export_csv(state: State<AppState>, headers: HeaderMap, query: Query<ExportQuery>) -> Response {
    export(state, headers, query, Format::Csv).await
}

pub async fn export_xlsx(state: State<AppState>, headers: HeaderMap, query: Query<ExportQuery>) -> Response {
    export(state, headers, query, Format::Xlsx).await
}

enum Format {
    Csv,
    Xlsx,
}

/// The logged-in caller of a download, or the response that refuses it.
async fn caller(state: &AppState, headers: &HeaderMap) -> Result<app::models::CurrentUser, Response> {
    match user_from_headers(&state.db, headers).await {
        Ok(Some(user)) => Ok(user),
        Ok(None) => Err((StatusCode::UNAUTHORIZED, "Войдите в систему").into_response()),
        Err(_) => Err(server_error()),
    }
}

fn server_error() -> Response {
    (StatusCode::INTERNAL_SERVER_ERROR, "Ошибка сервера").into_response()
}

/// A file to download: bytes, type and the name the browser saves it under.
fn attachment(bytes: Vec<u8>, mime: &str, file_name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, mime.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
        ],
        bytes,
    )
        .into_response()
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async fn export(State(state): State<AppState>, headers: HeaderMap, Query(query): Query<ExportQuery>, format: Format) -> Response {
    let refused = |status: StatusCode, text: &'static str| (status, text).into_response();
    let user = match caller(&state, &headers).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let organisation_id = match (user.role, query.org, user.organisation_id) {
        (UserRole::Curator, None, Some(own)) => own,
        (UserRole::Curator | UserRole::Methodologist, Some(id), _) => id,
        _ => return refused(StatusCode::FORBIDDEN, "Недостаточно прав"),
    };
    let place: Place = match orgs::place(&state.db, organisation_id).await {
        Ok(place) if can_read_school(&user, place) => place,
        _ => return refused(StatusCode::FORBIDDEN, "Недостаточно прав"),
    };
    let list = match participants::list(&state.db, place.organisation_id, &ParticipantFilter::default()).await {
        Ok(list) => list,
        Err(error) => {
            tracing::error!(%error, "export failed");
            return server_error();
        }
    };
    let (bytes, mime, ext) = match format {
        Format::Csv => (app::files::write_csv(&list).map_err(|e| e.to_string()), "text/csv; charset=utf-8", "csv"),
        Format::Xlsx => (app::files::write_xlsx(&list).map_err(|e| e.to_string()), XLSX, "xlsx"),
    };
    match bytes {
        Ok(bytes) => attachment(bytes, mime, &format!("participants-{organisation_id}.{ext}")),
        Err(error) => {
            tracing::error!(%error, "export failed");
            server_error()
        }
    }
}

/// `/export/order/{programme_id}`: the order fixing the pairs, as XLSX.
pub async fn export_order(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Path(programme_id): axum::extract::Path<i64>,
) -> Response {
    let user = match caller(&state, &headers).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    match app::store::programmes::place(&state.db, programme_id).await {
        Ok(place) if can_read_school(&user, place) => {}
        _ => return (StatusCode::NOT_FOUND, "Не найдено").into_response(),
    }
    let bytes = match app::store::board::load(&state.db, programme_id).await {
        Ok(board) => app::files::write_order_xlsx(&board).map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    match bytes {
        Ok(bytes) => attachment(bytes, XLSX, &format!("order-{programme_id}.xlsx")),
        Err(error) => {
            tracing::error!(%error, "order export failed");
            server_error()
        }
    }
}

/// `/export/wave/{id}.xlsx` and `.csv`: a wave's answers, one row per respondent.
pub async fn export_wave(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> Response {
    use app::store::surveys as store;
    let not_found = || (StatusCode::NOT_FOUND, "Не найдено").into_response();
    let Some((wave_id, ext)) = file.split_once('.').and_then(|(id, ext)| Some((id.parse::<i64>().ok()?, ext))) else {
        return not_found();
    };
    if ext != "xlsx" && ext != "csv" {
        return not_found();
    }
    let user = match caller(&state, &headers).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    match store::wave_place(&state.db, wave_id).await {
        Ok(place) if can_read_school(&user, place) => {}
        _ => return not_found(),
    }
    let table = async {
        let wave = store::wave(&state.db, wave_id).await?;
        let (latest, versions) = store::versions(&state.db, wave.questionnaire_id).await?;
        let submissions = store::wave_submissions(&state.db, &wave).await?;
        Ok::<_, sqlx::Error>(app::files::wave_table(&latest, &versions, &submissions))
    };
    let bytes = match table.await {
        Ok((header, rows)) if ext == "csv" => app::files::table_csv(&header, &rows).map_err(|e| e.to_string()),
        Ok((header, rows)) => app::files::table_xlsx("Ответы", &header, &rows).map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    match bytes {
        Ok(bytes) if ext == "csv" => attachment(bytes, "text/csv; charset=utf-8", &format!("answers-{wave_id}.csv")),
        Ok(bytes) => attachment(bytes, XLSX, &format!("answers-{wave_id}.xlsx")),
        Err(error) => {
            tracing::error!(%error, "wave export failed");
            server_error()
        }
    }
}
