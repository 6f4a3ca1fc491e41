//! Building the router and serving it.

use std::net::SocketAddr;
use std::sync::Arc;

use app::state::AppState;
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
use tower_http::services::ServeDir;
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
    Ok(options)
}

/// The whole HTTP surface: pages, server functions, exports, static files.
pub fn router(state: AppState) -> Router {
    // The respondent's pages are their own app with their own bundle (app::ui::respondent).
    let routes: Vec<_> = generate_route_list(app::App)
        .into_iter()
        .filter(|route| !app::ui::respondent::PATHS.contains(&route.path()))
        .collect();
    let options = state.leptos_options.clone();
    let pkg_dir = std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let respondent = {
        let (state, options) = (state.clone(), state.leptos_options.clone());
        leptos_axum::render_app_to_stream_with_context(
            move || leptos::prelude::provide_context(state.clone()),
            move || app::ui::respondent::shell(options.clone()),
        )
    };
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
        .route("/export/school/{file}", get(crate::present::export_school))
        .route("/documents/{id}/scan", get(crate::routes::document_scan))
        .route("/decks/{id}/present", get(crate::present::present))
        .route("/decks/{id}/export.html", get(crate::present::export_html))
        .route("/static/{file}", get(crate::present::static_file))
        // The bundles, with the .br/.gz a release build writes beside them (.ci/precompress.mjs):
        // brotli at its best cuts the respondent's bundle by a fifth against on-the-fly
        // compression. Without them (dev) the compression layer compresses as usual.
        .nest_service("/pkg", ServeDir::new(pkg_dir).precompressed_br().precompressed_gzip())
        .leptos_routes_with_context(&state, routes, || (), move || app::shell(options.clone()))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(app::shell))
        .layer(axum::middleware::map_response(refusal_status))
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
pub fn state(db: Db, leptos_options: LeptosOptions, secure_cookies: bool) -> AppState {
    AppState {
        leptos_options,
        db: db.clone(),
        throttle: Arc::default(),
        imports: Arc::default(),
        submissions: app::services::intake::SubmissionQueue::start(db.clone()),
        secure_cookies,
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
    axum::serve(listener, router(state(db, options, args.secure_cookies)))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
