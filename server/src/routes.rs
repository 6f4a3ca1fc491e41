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

async fn export(State(state): State<AppState>, headers: HeaderMap, Query(query): Query<ExportQuery>, format: Format) -> Response {
    let refused = |status: StatusCode, text: &'static str| (status, text).into_response();
    let user = match user_from_headers(&state.db, &headers).await {
        Ok(Some(user)) => user,
        Ok(None) => return refused(StatusCode::UNAUTHORIZED, "Войдите в систему"),
        Err(_) => return refused(StatusCode::INTERNAL_SERVER_ERROR, "Ошибка сервера"),
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
            return refused(StatusCode::INTERNAL_SERVER_ERROR, "Ошибка сервера");
        }
    };
    let (bytes, mime, ext) = match format {
        Format::Csv => (app::files::write_csv(&list).map_err(|e| e.to_string()), "text/csv; charset=utf-8", "csv"),
        Format::Xlsx => (
            app::files::write_xlsx(&list).map_err(|e| e.to_string()),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    match bytes {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, mime.to_owned()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"participants-{organisation_id}.{ext}\"")),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "export failed");
            refused(StatusCode::INTERNAL_SERVER_ERROR, "Ошибка сервера")
        }
    }
}

/// `/export/order/{programme_id}`: the order fixing the pairs, as XLSX.
pub async fn export_order(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Path(programme_id): axum::extract::Path<i64>,
) -> Response {
    let user = match user_from_headers(&state.db, &headers).await {
        Ok(Some(user)) => user,
        Ok(None) => return (StatusCode::UNAUTHORIZED, "Войдите в систему").into_response(),
        Err(_) => return (StatusCode::INTERNAL_SERVER_ERROR, "Ошибка сервера").into_response(),
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
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"order-{programme_id}.xlsx\"")),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "order export failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "Ошибка сервера").into_response()
        }
    }
}
