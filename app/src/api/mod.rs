//! Server functions: the only doors from the browser into the server, and nothing else's
//! business (only `ui` imports this module). Each one starts with `Caller::current()` and
//! the caller's access to what it names, parses its input into domain types, then calls a
//! service or the store; the logic lives there, in plain functions the tests can call.

pub mod accounts;
pub mod auth;
pub mod board;
pub mod decks;
pub mod documents;
pub mod import;
pub mod pairs;
pub mod participants;
pub mod practices;
pub mod programmes;
pub mod relationships;
pub mod reports;
pub mod schools;
pub mod setup;
pub mod surveys;
