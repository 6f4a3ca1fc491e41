//! Nastavnik («Наставник»): the Leptos application shared by the server (feature `ssr`)
//! and the browser (feature `hydrate`).
//!
//! - `models`, `access`, `i18n`: plain types and rules that compile for both targets.
//! - `api`: server functions, the browser's only way into the server.
//! - `ui`: pages and components.
//! - server only: `store` (SQL), `state` (request context), `auth`, `files` (CSV/XLSX).

pub mod access;
pub mod api;
pub mod error;
pub mod i18n;
pub mod matching;
pub mod surveys;
pub mod models;
pub mod reports;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod files;
#[cfg(feature = "ssr")]
pub mod intake;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;

pub use ui::{shell, App};

/// Browser entry point: attaches the client to the server-rendered page. Behind `entry` so the
/// `respondent` bundle, which depends on this crate, does not export (and keep) the whole app.
#[cfg(all(feature = "hydrate", feature = "entry"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
