//! What makes Nastavnik work on a tablet with the network gone and installable on its home
//! screen: the service worker (`assets/sw.js`, served at `/sw.js` so that its scope is the
//! whole site, with the build's digest as its version) and the web app manifests.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

const WORKER: &str = include_str!("../assets/sw.js");
/// The bundles whose change makes a new worker (and so a new cache).
const BUNDLES: &[&str] = &["nastavnik.js", "nastavnik.wasm", "nastavnik.css", "respondent.js", "respondent.wasm"];

/// The worker script with this build's version: a digest of the bundles, the same in every
/// server process that serves the same build (no state of one process matters).
pub fn worker_script(pkg_dir: &Path) -> String {
    let mut digest = Sha256::new();
    digest.update(WORKER.as_bytes());
    for name in BUNDLES {
        if let Ok(bytes) = std::fs::read(pkg_dir.join(name)) {
            digest.update(name.as_bytes());
            digest.update(&bytes);
        }
    }
    WORKER.replace("__VERSION__", &hex::encode(&digest.finalize()[..8]))
}

/// `/sw.js`: computed once per process (the bundles do not change under a running server).
pub async fn worker(pkg_dir: PathBuf) -> Response {
    static SCRIPT: OnceLock<String> = OnceLock::new();
    let script = SCRIPT.get_or_init(|| worker_script(&pkg_dir)).clone();
    // Browsers look for a new worker at every navigation; the script itself is never cached.
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], script).into_response()
}

fn manifest(start_url: &str, display: &str) -> Response {
    let body = serde_json::json!({
        "name": domain::i18n::tr::APP_NAME,
        "short_name": domain::i18n::tr::APP_NAME,
        "description": domain::i18n::tr::APP_DESCRIPTION,
        "lang": "ru",
        "start_url": start_url,
        "scope": "/",
        "display": display,
        "background_color": "#f4f5f8",
        "theme_color": "#1a5fb4",
        "icons": [
            { "src": "/static/icon-192.png", "sizes": "192x192", "type": "image/png" },
            { "src": "/static/icon-512.png", "sizes": "512x512", "type": "image/png" },
            { "src": "/static/icon.svg", "sizes": "any", "type": "image/svg+xml" }
        ]
    });
    ([(header::CONTENT_TYPE, "application/manifest+json"), (header::CACHE_CONTROL, "public, max-age=3600")], body.to_string()).into_response()
}

/// `/manifest.webmanifest`: the app, opened from the home screen at its start page.
pub async fn app_manifest() -> Response {
    manifest("/", "standalone")
}

/// `/kiosk.webmanifest`: a tablet installed as a kiosk opens full screen on the kiosk.
pub async fn kiosk_manifest() -> Response {
    manifest("/kiosk", "fullscreen")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_bundle_makes_a_new_worker_version() {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(dir.path().join("respondent.wasm"), b"one").expect("write");
        let first = worker_script(dir.path());
        assert!(!first.contains("__VERSION__"));
        assert_eq!(worker_script(dir.path()), first, "the same build, the same worker");
        std::fs::write(dir.path().join("respondent.wasm"), b"two").expect("write");
        assert_ne!(worker_script(dir.path()), first);
    }
}
