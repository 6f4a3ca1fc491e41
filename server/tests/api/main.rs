//! Black-box tests of the server: one binary, so the 2-core machine links once.
//! Store tests run on SQLite and on PostgreSQL (`TEST_POSTGRES_URL`, started by `.ci/test`).

mod access;
mod accounts;
mod board;
mod documents;
mod fuzz;
mod hardening;
mod helpers;
mod import;
mod ops;
mod pair_work;
mod programmes;
mod reports;
mod setup;
mod store;
mod surveys;
