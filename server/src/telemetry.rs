//! Structured logs: one line per request (from `TraceLayer` in `startup`) plus events.

use tracing_subscriber::{fmt, EnvFilter};

/// Installs the global subscriber; `filter` uses `RUST_LOG` syntax.
pub fn init(filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    // A second call (tests) keeps the first subscriber.
    let _ = fmt().with_env_filter(filter).with_target(false).compact().try_init();
}
