//! What makes Nastavnik work on a tablet with the network gone, installable on its home
//! screen, and quick to open again: the service worker (`assets/sw.js`, served at `/sw.js` so
//! that its scope is the whole site, with the build's digest as its version), the bundles at
//! addresses that carry that digest (`/pkg/<digest>/…`, cached for good), and the web app
//! manifests.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use leptos::config::LeptosOptions;
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use tower_http::services::ServeDir;

const WORKER: &str = include_str!("../assets/sw.js");
/// The bundles whose change makes a new worker (and so a new cache).
const BUNDLES: &[&str] = &["nastavnik.js", "nastavnik.wasm", "nastavnik.css", "respondent.js", "respondent.wasm"];

/// This build's version: a digest of the bundles and the worker, the same in every server
/// process that serves the same build (no state of one process matters). 16 hex digits.
pub fn build_version(pkg_dir: &Path) -> String {
    let mut digest = Sha256::new();
    digest.update(WORKER.as_bytes());
    for name in BUNDLES {
        if let Ok(bytes) = std::fs::read(pkg_dir.join(name)) {
            digest.update(name.as_bytes());
            digest.update(&bytes);
        }
    }
    hex::encode(&digest.finalize()[..8])
}

/// The worker script with this build's version.
pub fn worker_script(pkg_dir: &Path) -> String {
    worker_script_for(&build_version(pkg_dir))
}

fn worker_script_for(version: &str) -> String {
    WORKER.replace("__VERSION__", version)
}

/// The version [`versioned`] put into the bundles' address (read back, not hashed again).
pub fn version_of(options: &LeptosOptions) -> Option<&str> {
    options.site_pkg_dir.rsplit_once('/').map(|(_, last)| last).filter(|last| is_version(last))
}

/// Where the bundles are on disk: the site's package folder, without the version that
/// [`versioned`] put into its address.
pub fn pkg_dir(options: &LeptosOptions) -> PathBuf {
    let address = options.site_pkg_dir.as_ref();
    let folder = address.rsplit_once('/').filter(|(_, last)| is_version(last)).map_or(address, |(folder, _)| folder);
    Path::new(options.site_root.as_ref()).join(folder)
}

/// The options with the bundles' address carrying the build's version (`pkg/<digest>`), so
/// the pages this server renders load `/pkg/<digest>/nastavnik.wasm`: a new build has new
/// addresses, and an address once loaded never changes, so browsers and the service worker
/// keep it for good and a repeat visit loads no bundle from the network.
pub fn versioned(mut options: LeptosOptions) -> LeptosOptions {
    let dir = pkg_dir(&options);
    let version = build_version(&dir);
    let folder = dir.strip_prefix(options.site_root.as_ref()).map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| "pkg".into());
    options.site_pkg_dir = format!("{folder}/{version}").into();
    options
}

fn is_version(segment: &str) -> bool {
    segment.len() == 16 && segment.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `/pkg/…`: the bundles, with the .br/.gz a release build writes beside them. At
/// `/pkg/<this build's digest>/<file>` they are cached for a year as immutable; at
/// `/pkg/<file>` (tools, old pages) they are revalidated; another build's digest is 404 (an
/// old page must not get this build's bundle under its old, cached-for-good address).
pub async fn bundle(pkg_dir: PathBuf, version: String, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let (file, immutable) = match path.trim_start_matches('/').split_once('/') {
        Some((segment, file)) if is_version(segment) => {
            if segment != version {
                return (StatusCode::NOT_FOUND, "Не найдено").into_response();
            }
            (format!("/{file}"), true)
        }
        _ => (path, false),
    };
    let (mut parts, body) = request.into_parts();
    parts.uri = match Uri::try_from(file) {
        Ok(uri) => uri,
        Err(_) => return (StatusCode::NOT_FOUND, "Не найдено").into_response(),
    };
    let served = ServeDir::new(pkg_dir).precompressed_br().precompressed_gzip().oneshot(Request::from_parts(parts, body)).await;
    let mut response = match served {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    let cache = if immutable && response.status().is_success() { "public, max-age=31536000, immutable" } else { "no-cache" };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

/// `/sw.js` for this build's version (the same in every process serving the same build).
pub fn worker(version: &str) -> impl Fn() -> std::future::Ready<Response> + Clone {
    let script: std::sync::Arc<str> = worker_script_for(version).into();
    // Browsers look for a new worker at every navigation; the script itself is never cached.
    move || std::future::ready(([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], script.to_string()).into_response())
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

    #[tokio::test]
    async fn bundles_at_this_builds_address_are_kept_for_good_and_another_builds_address_is_refused() {
        let site = tempfile::tempdir().expect("dir");
        std::fs::create_dir(site.path().join("pkg")).expect("pkg");
        std::fs::write(site.path().join("pkg/respondent.wasm"), b"wasm").expect("write");
        let options = LeptosOptions::builder().output_name("nastavnik").site_root(site.path().to_string_lossy().as_ref()).site_pkg_dir("pkg").build();
        let options = versioned(options);
        let version = build_version(&site.path().join("pkg"));
        assert_eq!(options.site_pkg_dir.as_ref(), format!("pkg/{version}"));
        assert_eq!(version_of(&options), Some(version.as_str()));
        assert_eq!(pkg_dir(&options), site.path().join("pkg"), "the version is in the address, not on disk");

        let get = |path: &str| Request::get(path).body(Body::empty()).expect("request");
        let current = bundle(pkg_dir(&options), version.clone(), get(&format!("/{version}/respondent.wasm"))).await;
        assert_eq!(current.status(), StatusCode::OK);
        assert_eq!(current.headers()[header::CACHE_CONTROL], "public, max-age=31536000, immutable");
        let plain = bundle(pkg_dir(&options), version.clone(), get("/respondent.wasm")).await;
        assert_eq!((plain.status(), plain.headers()[header::CACHE_CONTROL].to_str().expect("ascii")), (StatusCode::OK, "no-cache"));
        let older = bundle(pkg_dir(&options), version.clone(), get("/0123456789abcdef/respondent.wasm")).await;
        assert_eq!(older.status(), StatusCode::NOT_FOUND);
    }
}
