//! User-facing strings. Components and validators name strings through `tr`, never inline,
//! so another locale is a new file with the same items and a different `tr`.

pub mod ru;

/// The active locale.
pub use ru as tr;
