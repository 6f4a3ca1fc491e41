//! Pair formation logic that runs on the server and in the browser.

pub mod assignment;
pub mod board;
pub mod score;
pub mod quality;

#[cfg(test)]
mod tests;
