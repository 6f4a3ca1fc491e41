//! Defences every response and every request that changes something share: cross-site
//! requests are refused, and pages carry a Content-Security-Policy and framing rules.

use app::error::AppError;
use app::state::{AppState, WebSettings};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Refuses a request that changes something unless it comes from our own pages: its `Origin`
/// (which browsers send with every such request) must be the public address, or the host the
/// request names when none is configured; without `Origin`, `Sec-Fetch-Site` must not say
/// another site. A server function that takes JSON takes nothing else, so a plain HTML form
/// on another site cannot post to it. Clients that are not browsers send neither header and
/// pass: they hold no victim's cookie.
pub async fn same_origin_only(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(request).await;
    }
    if !from_own_pages(&state.web, request.headers()) {
        tracing::warn!(path = %request.uri().path(), "a cross-site request was refused");
        return refusal(StatusCode::FORBIDDEN, AppError::Refused(domain::i18n::tr::CROSS_SITE_REFUSED.into()));
    }
    if let Some(endpoint) = request.uri().path().strip_prefix("/api/") {
        if body_kind(endpoint) == BodyKind::Json && !has_content_type(request.headers(), "application/json") {
            return refusal(StatusCode::UNSUPPORTED_MEDIA_TYPE, AppError::Refused(domain::i18n::tr::JSON_ONLY.into()));
        }
    }
    next.run(request).await
}

/// What a server function's body is.
#[derive(Debug, PartialEq, Eq)]
enum BodyKind {
    Json,
    /// A URL-encoded form: the login form works before the page's script has loaded.
    Form,
    Multipart,
}

fn body_kind(endpoint: &str) -> BodyKind {
    match endpoint {
        "auth/login" | "auth/logout" | "auth/whoami" => BodyKind::Form,
        "import/preview" | "documents/add" | "documents/scan" => BodyKind::Multipart,
        _ => BodyKind::Json,
    }
}

fn has_content_type(headers: &HeaderMap, expected: &str) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|kind| kind.trim().eq_ignore_ascii_case(expected))
}

/// Whether the browser says this request comes from a page of ours.
fn from_own_pages(web: &WebSettings, headers: &HeaderMap) -> bool {
    let text = |name: header::HeaderName| headers.get(name).and_then(|value| value.to_str().ok());
    match text(header::ORIGIN) {
        Some(origin) => match &web.public_origin {
            Some(public) => origin.eq_ignore_ascii_case(public),
            // The origin's host and port must be the host the request was sent to (as the
            // browser named it: behind a proxy, the one it forwarded).
            None => {
                let host = origin.split_once("://").map(|(_, host)| host);
                let forwarded = if web.behind_proxy { text(header::HeaderName::from_static("x-forwarded-host")) } else { None };
                host.is_some() && (host == text(header::HOST) || host == forwarded)
            }
        },
        None => !matches!(headers.get("sec-fetch-site").and_then(|value| value.to_str().ok()), Some("cross-site" | "same-site")),
    }
}

/// A refusal made before any server function runs, as the page reads a server function's.
pub fn refusal(status: StatusCode, error: AppError) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], serde_json::to_string(&error).unwrap_or_default()).into_response()
}

/// Headers every response carries: no framing (clickjacking; the deck preview allows our own
/// pages), no MIME sniffing, no referrer to other sites, and a Content-Security-Policy for
/// whatever did not set its own (Leptos pages set theirs with the nonce of their inline scripts).
pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        if let Ok(policy) = HeaderValue::from_str(&app::state::content_security_policy(None, app::state::Framing::Nobody)) {
            headers.insert(header::CONTENT_SECURITY_POLICY, policy);
        }
    }
    if !headers.contains_key(header::X_FRAME_OPTIONS) {
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn only_our_own_pages_may_change_anything() {
        let local = WebSettings::default();
        assert!(from_own_pages(&local, &headers(&[("origin", "http://localhost:3000"), ("host", "localhost:3000")])));
        assert!(!from_own_pages(&local, &headers(&[("origin", "https://evil.example"), ("host", "localhost:3000")])));
        assert!(!from_own_pages(&local, &headers(&[("origin", "null"), ("host", "localhost:3000")])));
        assert!(from_own_pages(&local, &headers(&[("host", "localhost:3000")])), "curl and the CLI send no Origin");
        assert!(!from_own_pages(&local, &headers(&[("sec-fetch-site", "cross-site")])));
        let public = WebSettings::new(Some("https://nastavnik.example.ru/"), false, false);
        assert!(public.secure_cookies, "an https address makes cookies Secure");
        assert!(from_own_pages(&public, &headers(&[("origin", "https://nastavnik.example.ru"), ("host", "10.0.0.5:3000")])));
        assert!(!from_own_pages(&public, &headers(&[("origin", "http://nastavnik.example.ru"), ("host", "nastavnik.example.ru")])));
    }

    #[test]
    fn json_endpoints_take_only_json() {
        assert_eq!(body_kind("participants/save"), BodyKind::Json);
        assert_eq!(body_kind("auth/login"), BodyKind::Form);
        assert!(has_content_type(&headers(&[("content-type", "application/json; charset=utf-8")]), "application/json"));
        assert!(!has_content_type(&headers(&[("content-type", "text/plain")]), "application/json"));
    }
}
