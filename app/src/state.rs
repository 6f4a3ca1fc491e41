//! Server state and the request context that server functions read (server only).

use std::sync::Arc;

use axum::extract::FromRef;
use axum::http::header::COOKIE;
use axum::http::HeaderMap;
use leptos::prelude::*;

use crate::auth::{token_from_cookie_header, token_hash, LoginThrottle};
use crate::error::AppError;
use domain::models::CurrentUser;
use crate::store::{users, Db};

/// Everything a request handler needs; cloned per request.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub throttle: Arc<LoginThrottle>,
    pub imports: Arc<crate::services::import::PendingImports>,
    /// Stores submitted questionnaires in batches.
    pub submissions: crate::services::intake::SubmissionQueue,
    /// Mark cookies `Secure` (set when served over TLS, directly or behind a proxy).
    pub secure_cookies: bool,
}

/// The state, as provided to server functions by the router.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from context"))
}

/// The database pool.
pub fn db() -> Result<Db, AppError> {
    Ok(state()?.db)
}

/// The session token of the current request, if it carries one.
pub fn request_token() -> Option<String> {
    let parts = use_context::<axum::http::request::Parts>()?;
    session_token(&parts.headers)
}

/// The kiosk token of the current request, if this device is a kiosk.
pub fn request_kiosk_token() -> Option<String> {
    let parts = use_context::<axum::http::request::Parts>()?;
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|header| crate::auth::cookie_from_header(header, crate::auth::KIOSK_COOKIE))
        .map(str::to_owned)
}

/// The session token in a request's headers.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(token_from_cookie_header)
        .map(str::to_owned)
}

/// The logged-in user of a request's headers, if any.
pub async fn user_from_headers(db: &Db, headers: &HeaderMap) -> Result<Option<CurrentUser>, AppError> {
    match session_token(headers) {
        Some(token) => Ok(users::user_of_session(db, &token_hash(&token)).await?),
        None => Ok(None),
    }
}

/// The logged-in user of the current request, if any.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let db = db()?;
    match request_token() {
        Some(token) => Ok(users::user_of_session(&db, &token_hash(&token)).await?),
        None => Ok(None),
    }
}

// A signed-in caller is `caller::Caller::current()`: the one way in for server functions.
