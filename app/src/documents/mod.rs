//! Server-only writers of the documents users download or present: the order as XLSX, a
//! wave's answers as CSV/XLSX, the school's analytic report as XLSX and a deck as one HTML
//! document. They take domain values and return bytes or text; the routes and server
//! functions decide who may have them. (The participant base's CSV/XLSX round trip is
//! `files`, beside its reader.)

pub mod deck;
pub mod order;
pub mod school_report;
pub mod thanks;
pub mod wave_table;
