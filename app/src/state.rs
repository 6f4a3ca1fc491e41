//! Server state and the request context that server functions read (server only).

use axum::extract::FromRef;
use axum::http::header::COOKIE;
use axum::http::HeaderMap;
use leptos::prelude::*;

use crate::auth::{token_from_cookie_header, token_hash};
use crate::error::AppError;
use domain::models::CurrentUser;
use crate::store::{users, Db};

/// Everything a request handler needs; cloned per request.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    /// Stores submitted questionnaires in batches.
    pub submissions: crate::services::intake::SubmissionQueue,
    pub web: WebSettings,
}

/// How the server is reached from the web.
#[derive(Clone, Debug, Default)]
pub struct WebSettings {
    /// Mark cookies `Secure` (served over TLS, directly or behind a proxy).
    pub secure_cookies: bool,
    /// The address users reach the app at (`https://host[:port]`, no path). A request that
    /// changes something must come from it; without it, from the host the request names.
    pub public_origin: Option<String>,
    /// Take the client's address from the last `X-Forwarded-For` entry: only behind a proxy
    /// that writes that header (otherwise a client could name any address it likes).
    pub behind_proxy: bool,
}

impl WebSettings {
    /// Settings from the public address: cookies are `Secure` whenever it is https.
    pub fn new(public_url: Option<&str>, secure_cookies: bool, behind_proxy: bool) -> WebSettings {
        let public_origin = public_url.map(|url| url.trim().trim_end_matches('/').to_owned()).filter(|url| !url.is_empty());
        let https = public_origin.as_deref().is_some_and(|url| url.starts_with("https://"));
        WebSettings { secure_cookies: secure_cookies || https, public_origin, behind_proxy }
    }
}

/// The client's address in a request's headers and connection: the socket's peer, or behind a
/// proxy the address it appended last to `X-Forwarded-For` (the entries before it are the
/// client's own word).
pub fn client_address(web: &WebSettings, headers: &HeaderMap, extensions: &axum::http::Extensions) -> Option<std::net::IpAddr> {
    if web.behind_proxy {
        let forwarded = headers.get_all("x-forwarded-for").iter().filter_map(|value| value.to_str().ok()).last()?;
        return forwarded.rsplit(',').next()?.trim().parse().ok();
    }
    extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|info| info.0.ip())
}

/// The client's address of the current request (see `client_address`).
pub fn request_client() -> Option<std::net::IpAddr> {
    let parts = use_context::<axum::http::request::Parts>()?;
    let state = use_context::<AppState>()?;
    client_address(&state.web, &parts.headers, &parts.extensions)
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

/// The Content-Security-Policy of a page: scripts only from this site (plus the inline ones
/// Leptos writes for hydration, which carry the page's `nonce`), WebAssembly compiled from
/// them, styles from this site and `style=` attributes (the board positions cards with them),
/// pictures from this site and `data:` (deck images), and no framing by any site.
pub fn content_security_policy(nonce: Option<&str>, framing: Framing) -> String {
    let nonce = nonce.map(|nonce| format!(" 'nonce-{nonce}'")).unwrap_or_default();
    let ancestors = match framing {
        Framing::Nobody => "'none'",
        Framing::OwnPages => "'self'",
    };
    format!(
        "default-src 'self'; script-src 'self'{nonce} 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors {ancestors}"
    )
}

/// Who may show a page in a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    Nobody,
    /// Our own pages only: the deck composer previews the presenting page in a frame.
    OwnPages,
}

/// Sends the policy with this page's nonce (Leptos makes one per response and puts it on
/// every inline script it writes). Called in each page render's context.
pub fn send_content_security_policy() {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else { return };
    let nonce = leptos::nonce::use_nonce();
    if let Ok(policy) = axum::http::HeaderValue::from_str(&content_security_policy(nonce.as_deref(), Framing::Nobody)) {
        response.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, policy);
    }
}
