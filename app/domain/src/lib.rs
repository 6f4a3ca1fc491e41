//! Nastavnik's domain: everything that is true of mentoring programmes whatever the screen or
//! the database. Plain types and functions, compiled for the server, the browser and the tests
//! alike; no Leptos, no sqlx, no tokio, so the layers above cannot leak into it and its tests
//! run alone (`cargo test -p domain`).
//!
//! - `models`: participants, programmes, pairs, users, with their validated parsing.
//! - `access`: who may read or write which school or participant.
//! - `matching`: scores, the optimal matcher and the board's rules.
//! - `surveys`: questionnaire definitions, validation, versioning, statistics, templates.
//! - `reports`: figures, Kirkpatrick levels, SWOT, decks and the district's story.
//! - `i18n`: every user-facing string, depending only on the enums above.

pub mod access;
pub mod i18n;
pub mod limits;
pub mod matching;
pub mod models;
pub mod reports;
pub mod surveys;

/// Field name → Russian message shown next to that field.
pub type FieldErrors = std::collections::BTreeMap<String, String>;
