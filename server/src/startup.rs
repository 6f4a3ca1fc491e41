//! Building the router and serving it.

use std::net::SocketAddr;

use app::state::{AppState, WebSettings};
use app::store::{self, Db};
use app::error::AppError;
use axum::body::Body;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tower_http::LatencyUnit;
use tracing::Level;

use crate::cli::ServeArgs;

/// Leptos settings from cargo-leptos' environment, with defaults that work without it.
pub fn leptos_options(addr: Option<SocketAddr>) -> anyhow::Result<LeptosOptions> {
    let mut options = leptos::config::get_configuration(None)?.leptos_options;
    if options.output_name.is_empty() {
        options.output_name = "nastavnik".into();
    }
    if let Some(addr) = addr {
        options.site_addr = addr;
    }
    Ok(crate::offline::versioned(options))
}

/// The whole HTTP surface: pages, server functions, exports, static files.
pub fn router(state: AppState) -> Router {
    // The respondent's pages are their own app with their own bundle (app::ui::respondent).
    let routes: Vec<_> = generate_route_list(app::App)
        .into_iter()
        .filter(|route| !app::ui::respondent::PATHS.contains(&route.path()))
        .collect();
    let options = state.leptos_options.clone();
    let pkg_dir = crate::offline::pkg_dir(&options);
    // Hashed once, by `leptos_options`; read back here.
    let version = crate::offline::version_of(&options).map(str::to_owned).unwrap_or_else(|| crate::offline::build_version(&pkg_dir));
    let respondent = {
        let (state, options) = (state.clone(), state.leptos_options.clone());
        leptos_axum::render_app_to_stream_with_context(
            move || {
                leptos::prelude::provide_context(state.clone());
                app::state::send_content_security_policy();
            },
            move || app::ui::respondent::shell(options.clone()),
        )
    };
    let worker = crate::offline::worker(&version);
    let bundle = move |request| crate::offline::bundle(pkg_dir.clone(), version.clone(), request);
    let mut router = Router::new();
    for path in app::ui::respondent::PATHS {
        router = router.route(path, get(respondent.clone()));
    }
    router
        .route("/health", get(|| async { "ok" }))
        .route("/export/participants.csv", get(crate::routes::export_csv))
        .route("/export/participants.xlsx", get(crate::routes::export_xlsx))
        .route("/export/order/{file}", get(crate::routes::export_order))
        .route("/export/wave/{file}", get(crate::routes::export_wave))
        .route("/export/thanks/{file}", get(crate::routes::export_thanks))
        .route("/export/final/{file}", get(crate::routes::export_final))
        .route("/export/school/{file}", get(crate::present::export_school))
        .route("/documents/{id}/scan", get(crate::routes::document_scan))
        .route("/decks/{id}/present", get(crate::present::present))
        .route("/decks/{id}/export.html", get(crate::present::export_html))
        .route("/static/{file}", get(crate::present::static_file))
        .route("/sw.js", get(worker))
        .route("/manifest.webmanifest", get(crate::offline::app_manifest))
        .route("/kiosk.webmanifest", get(crate::offline::kiosk_manifest))
        // The bundles, with the .br/.gz a release build writes beside them (.ci/precompress.mjs):
        // brotli at its best cuts the respondent's bundle by a fifth against on-the-fly
        // compression. Without them (dev) the compression layer compresses as usual.
        .nest_service("/pkg", axum::routing::get(bundle))
        .leptos_routes_with_context(&state, routes, app::state::send_content_security_policy, move || app::shell(options.clone()))
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(app::state::send_content_security_policy, app::shell))
        .layer(axum::middleware::map_response(refusal_status))
        .layer(axum::middleware::from_fn(limit_request_body))
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::guard::same_origin_only))
        .layer(axum::middleware::from_fn(crate::guard::security_headers))
        // Our own limit, per endpoint, replaces axum's blanket 2 MiB (which answered a large
        // deck with a dropped connection the page read as «Нет связи с сервером»).
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(CompressionLayer::new())
        .layer(
            TraceLayer::new_for_http()
                // Path only: query strings and headers (cookies) stay out of the log.
                .make_span_with(|request: &axum::http::Request<_>| {
                    tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
                })
                .on_request(())
                .on_response(DefaultOnResponse::new().level(Level::INFO).latency_unit(LatencyUnit::Millis)),
        )
        .with_state(state)
}

/// Reads a request's body up to its endpoint's limit (`domain::limits`) before anything else
/// sees it: a larger one is answered 413 with the limit named in Russian, as the `AppError`
/// the page shows, and nothing behind this layer runs. A declared length over the limit is
/// refused without reading a byte.
async fn limit_request_body(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let path = request.uri().path();
    let limit = domain::limits::request_limit(path.strip_prefix("/api/").unwrap_or(path));
    let too_large = || crate::guard::refusal(StatusCode::PAYLOAD_TOO_LARGE, AppError::TooLarge(domain::i18n::tr::request_too_large(limit)));
    let declared = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return too_large();
    }
    let (parts, body) = request.into_parts();
    let bytes = match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => bytes,
        Err(error) if is_length_limit(&error) => return too_large(),
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    };
    let json = parts.headers.get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("application/json"));
    if json && domain::limits::json_has_forbidden_control(&bytes) {
        return crate::guard::refusal(StatusCode::BAD_REQUEST, AppError::Refused(domain::i18n::tr::CONTROL_CHARACTERS.into()));
    }
    next.run(axum::extract::Request::from_parts(parts, Body::from(bytes))).await
}

/// Whether reading a body failed because it passed its limit (rather than a broken connection).
fn is_length_limit(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(cause) = source {
        if cause.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = cause.source();
    }
    false
}

/// Server functions answer every error with 500; give refusals their own status (400, 401,
/// 403, 404, 429), so a wrong password is not logged as a server fault. Only 500s are read.
async fn refusal_status(response: Response) -> Response {
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The state for a database.
pub fn state(db: Db, leptos_options: LeptosOptions, web: WebSettings) -> AppState {
    AppState {
        leptos_options,
        db: db.clone(),
        submissions: app::services::intake::SubmissionQueue::start(db.clone()),
        web,
    }
}

/// `nastavnik serve`: connect, migrate, load the demo if asked (into an empty database), print
/// the first-run code while no account exists, serve.
pub async fn serve(database_url: &str, args: ServeArgs) -> anyhow::Result<()> {
    let options = leptos_options(args.addr)?;
    let db = store::connect(database_url).await?;
    tracing::info!(backend = ?db.backend, "database ready");
    if args.demo {
        if store::orgs::any_district(&db).await? {
            tracing::info!("the database holds a district: the demo is not loaded");
        } else {
            let logins = crate::demo::load(&db).await?;
            crate::demo::print_logins(&logins);
        }
    }
    let addr = options.site_addr;
    if let Some(code) = app::services::accounts::prepare_first_run(&db).await? {
        // Printed, not only logged: whoever starts the server reads it on the console.
        tracing::warn!("no account yet: the first run waits at /setup");
        println!("Первый запуск: откройте http://{addr}/setup и введите код {code}");
    }
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("listening on http://{addr}");
    println!("Наставник: http://{addr}");
    if let Some(url) = args.public_url.as_deref().filter(|url| !(url.starts_with("http://") || url.starts_with("https://"))) {
        anyhow::bail!("NASTAVNIK_PUBLIC_URL must be an address such as https://nastavnik.example.ru, not {url:?}");
    }
    let web = WebSettings::new(args.public_url.as_deref(), args.secure_cookies, args.behind_proxy);
    let service = router(state(db, options, web)).into_make_service_with_connect_info::<SocketAddr>();
    // On SIGTERM or Ctrl-C: stop accepting, let every request in flight finish — a submission
    // is answered only once the writer has stored it, so when they are done the queue is empty —
    // then exit. Requests still running after the grace period are cut off (their devices resend).
    let (stopping, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = axum::serve(listener, service).with_graceful_shutdown(async move {
        shutdown_signal().await;
        tracing::info!("stopping: no new connections, finishing the requests in flight");
        let _ = stopping.send(());
    });
    tokio::select! {
        result = std::future::IntoFuture::into_future(server) => result?,
        _ = async {
            let _ = stopped.await;
            tokio::time::sleep(SHUTDOWN_GRACE).await;
        } => tracing::warn!("requests still running after {SHUTDOWN_GRACE:?}: stopping anyway"),
    }
    tracing::info!("stopped");
    Ok(())
}

/// How long a stopping server waits for requests in flight.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(30);

/// Resolves at SIGTERM (what systemd, Docker and Kubernetes send) or Ctrl-C.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut terminate = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(signal) => signal,
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM; only Ctrl-C stops gracefully");
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = terminate.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}
