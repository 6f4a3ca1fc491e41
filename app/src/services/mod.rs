//! Server-only work below the server functions and above the store: what a use case does once
//! the caller is known and allowed. Plain async functions over the database, called by server
//! functions, Axum routes, the command line, the demo and the tests alike.

pub mod accounts;
pub mod documents;
pub mod import;
pub mod intake;
pub mod pair_work;
pub mod participants;
pub mod programmes;
pub mod reports;
pub mod throttle;
