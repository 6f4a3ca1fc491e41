//! Secrets stay out of the logs: a login and an authenticated call, logged at TRACE level,
//! leave neither the password nor the session token in any line.
//!
//! A binary of its own: tracing caches per call site whether anyone listens, and tests on
//! parallel threads with scoped subscribers race on that cache.

#[allow(dead_code, reason = "shared with the api tests; this binary uses part of it")]
#[path = "api/helpers.rs"]
mod helpers;

use std::io::Write;
use std::sync::{Arc, Mutex};

use app::store::Backend;
use serde_json::json;

use helpers::TestApp;

/// Collects everything the subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn passwords_and_session_tokens_never_reach_the_log() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let captured = Captured::default();
    let sink = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || sink.clone())
        .finish();
    // The test runs on one thread (current-thread runtime), so this covers every await below.
    let _guard = tracing::subscriber::set_default(subscriber);

    let wrong = app.login_reply("kurator1", "секретный-неверный-пароль").await;
    assert!(!wrong.ok());
    let curator = app.login("curator", "kurator1").await;
    let cookie = curator.cookie.clone().expect("cookie");
    let token = cookie.split('=').nth(1).expect("token value").to_owned();
    let reply = app.call(&curator, "participants/list", json!({ "organisation_id": null, "filter": domain::models::ParticipantFilter::default() })).await;
    assert!(reply.ok());

    let log = String::from_utf8_lossy(&captured.0.lock().unwrap_or_else(|p| p.into_inner())).into_owned();
    assert!(log.contains("failed login") && log.contains("logged in"), "the log does record logins:\n{log}");
    for secret in ["секретный-неверный-пароль", nastavnik::demo::DEMO_PASSWORD, token.as_str()] {
        assert!(!log.contains(secret), "{secret} appears in the log");
    }
}
