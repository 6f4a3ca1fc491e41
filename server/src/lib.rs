//! The Nastavnik server: configuration, database start-up, HTTP routes and subcommands.
//! `main.rs` only parses arguments; everything here is reachable from tests.

pub mod cli;
pub mod demo;
pub mod guard;
pub mod matcher;
pub mod offline;
pub mod ops;
pub mod present;
pub mod routes;
pub mod startup;
pub mod telemetry;
