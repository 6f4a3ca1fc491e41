//! The one error type that crosses the wire between server functions and the browser.
//!
//! Layers below (store, import) return their own errors; server functions map them here.
//! `Internal` never carries the cause to the client: the cause is logged on the server.

use std::collections::BTreeMap;

use domain::FieldErrors;
use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Input did not parse into domain types; nothing was changed.
    #[error("Проверьте выделенные поля")]
    Validation(FieldErrors),
    /// A rule of the domain refused the action (e.g. an import with bad rows).
    #[error("{0}")]
    Refused(String),
    /// The change was made on an old version of shared data (another user changed it);
    /// carries what changed since, one line each. Nothing was written.
    #[error("Данные изменились, пока вы работали")]
    Stale(Vec<String>),
    /// The caller is not logged in (or the session expired).
    #[error("Войдите в систему")]
    Unauthorized,
    /// The caller is logged in but may not do or see this.
    #[error("Недостаточно прав")]
    Forbidden,
    /// The thing does not exist, or the caller may not know it exists.
    #[error("Не найдено")]
    NotFound,
    /// Too many failed logins; try again after the given number of seconds.
    #[error("Слишком много неудачных попыток входа. Повторите через {0} с")]
    Throttled(u64),
    /// The server is busy checking other passwords; nothing was done, try again shortly.
    #[error("Сервер сейчас занят проверкой входов. Повторите через несколько секунд")]
    Busy,
    /// The request is larger than the server takes; the message names the limit.
    #[error("{0}")]
    TooLarge(String),
    /// The server failed; the details are in the server's log.
    #[error("Ошибка сервера. Введённые данные сохранены на странице — попробуйте ещё раз")]
    Internal,
    /// The request never reached the server function or its answer could not be read
    /// (network down, bad encoding).
    #[error("Нет связи с сервером: {0}")]
    Transport(String),
}

impl AppError {
    /// A validation error for a single field.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Self::Validation(BTreeMap::from([(field.to_owned(), message.into())]))
    }

    /// The message for `field`, when this is a validation error naming it.
    pub fn field_message(&self, field: &str) -> Option<String> {
        match self {
            Self::Validation(errors) => errors.get(field).cloned(),
            _ => None,
        }
    }

    /// The HTTP status that says what kind of refusal this is (logs, proxies, browsers).
    pub fn status_code(&self) -> u16 {
        match self {
            Self::Validation(_) | Self::Refused(_) => 400,
            Self::Unauthorized => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::Throttled(_) => 429,
            Self::Busy => 503,
            Self::TooLarge(_) => 413,
            Self::Stale(_) => 409,
            Self::Internal | Self::Transport(_) => 500,
        }
    }

    /// The answer for a record the caller may not see: a refusal reads as a missing record,
    /// so a link to someone else's file tells nothing of what it holds.
    pub fn hidden(self) -> Self {
        match self {
            Self::Forbidden => Self::NotFound,
            other => other,
        }
    }

    /// Log the cause on the server and return an opaque `Internal`.
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::Internal
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// On the server, a body that does not decode into the function's arguments is the
    /// client's mistake (400), never a server fault; in the browser, any failure to reach the
    /// server or read its answer is a transport problem.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        if matches!(value, ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) | ServerFnErrorErr::Deserialization(_)) {
            return Self::Refused(domain::i18n::tr::BAD_REQUEST_BODY.into());
        }
        Self::Transport(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::RowNotFound => Self::NotFound,
            other => Self::internal(other),
        }
    }
}

impl From<domain::access::Denied> for AppError {
    fn from(denied: domain::access::Denied) -> Self {
        match denied {
            domain::access::Denied::Hidden => Self::NotFound,
            domain::access::Denied::Forbidden => Self::Forbidden,
        }
    }
}

/// A plain HTTP route refuses as a server function does: the same status, the same Russian
/// sentence (as text: a download link opened in a tab shows it as it is).
#[cfg(feature = "ssr")]
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        let status = axum::http::StatusCode::from_u16(self.status_code()).unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
        let text = match &self {
            Self::Validation(errors) => errors.values().cloned().collect::<Vec<_>>().join("\n"),
            other => other.to_string(),
        };
        (status, [(axum::http::header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
    }
}
