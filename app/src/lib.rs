//! Nastavnik («Наставник»): the Leptos application shared by the server (feature `ssr`)
//! and the browser (feature `hydrate`). The domain it works on is the `domain` crate.
//!
//! Layers run one way: `ui → api → services/store → domain`.
//! - `ui`: pages and components; `views`: presentational views of domain figures, drawn alike
//!   by pages and by the deck document.
//! - `api`: server functions, the browser's only way into the server. Nothing else imports it.
//! - server only: `caller` (who is calling, what they may reach), `services` (use cases below the server functions), `store` (SQL), `state`
//!   (request context), `auth`, `files` (the participant base as CSV/XLSX), `documents`
//!   (order, wave tables, school report, deck document), `charts` (ECharts options).

pub mod api;
pub mod error;
pub mod ui;
pub mod views;

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod caller;
#[cfg(feature = "ssr")]
pub mod charts;
#[cfg(feature = "ssr")]
pub mod documents;
#[cfg(feature = "ssr")]
pub mod files;
#[cfg(feature = "ssr")]
pub mod services;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(any(feature = "ssr", feature = "entry"))]
pub use ui::{shell, App};

/// Browser entry point: attaches the client to the server-rendered page. Behind `entry` so the
/// `respondent` bundle, which depends on this crate, does not export (and keep) the whole app.
#[cfg(all(feature = "hydrate", feature = "entry"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_lazy(App);
}
