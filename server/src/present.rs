//! Decks as documents (to present and to download as one offline file), the school report's
//! workbook, and the static scripts: vendored ECharts, the chart loader and the deck player.

use app::caller::Caller;
use app::documents::deck::{self, Assets, ECHARTS_FILE};
use app::error::AppError;
use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::reports::deck::Slide;
use domain::reports::Snapshot;

/// npm `echarts@5.5.1` with only the parts the charts use, bundled by `.ci/build-echarts`
/// (licence beside it), and its brotli copy at the best quality, sent as it is to browsers that
/// take brotli: compressing it per request would cost time and give a third more bytes.
const ECHARTS: &str = include_str!("../assets/vendor/echarts-5.5.1-nastavnik.min.js");
const ECHARTS_BROTLI: &[u8] = include_bytes!("../assets/vendor/echarts-5.5.1-nastavnik.min.js.br");
const DECK_JS: &str = include_str!("../assets/deck.js");
const CHARTS_JS: &str = include_str!("../assets/charts.js");
const DECK_CSS: &str = include_str!("../../style/deck.css");

const REGISTER_WORKER: &str = include_str!("../assets/register-sw.js");
const VISION: &str = include_str!("../assets/vision.js");
const FOCUS: &str = include_str!("../assets/focus.js");
const ICON_SVG: &str = include_str!("../assets/icon.svg");
const ICON_192: &[u8] = include_bytes!("../assets/icon-192.png");
const ICON_512: &[u8] = include_bytes!("../assets/icon-512.png");

const JS: &str = "text/javascript; charset=utf-8";
/// For files whose address changes whenever they do.
const CACHED_FOR_A_YEAR: &str = "public, max-age=31536000, immutable";

/// A fingerprint of the deck's player and styles, in their addresses (`?v=`): a new build
/// with changed files gets new addresses, so browsers may keep the old ones for good.
fn deck_assets_version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| {
        // FNV-1a: stable across builds and platforms, unlike the std hasher.
        let hash = DECK_JS.bytes().chain(DECK_CSS.bytes()).fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        format!("{hash:016x}")
    })
}

/// `/static/{file}`: the scripts and the deck's styles, from the binary. ECharts' name carries
/// its version and the deck's files are addressed by fingerprint, so those are cached for a
/// year; the chart loader, named in every page, for an hour.
pub async fn static_file(Path(file): Path<String>, request: HeaderMap) -> Response {
    if file == ECHARTS_FILE && accepts_brotli(&request) {
        return (
            [
                (header::CONTENT_TYPE, JS),
                (header::CONTENT_ENCODING, "br"),
                (header::VARY, "accept-encoding"),
                (header::CACHE_CONTROL, CACHED_FOR_A_YEAR),
            ],
            ECHARTS_BROTLI,
        )
            .into_response();
    }
    let (body, mime, immutable) = match file.as_str() {
        ECHARTS_FILE => (ECHARTS.as_bytes(), JS, true),
        "deck.js" => (DECK_JS.as_bytes(), JS, true),
        "charts.js" => (CHARTS_JS.as_bytes(), JS, false),
        "deck.css" => (DECK_CSS.as_bytes(), "text/css; charset=utf-8", true),
        "register-sw.js" => (REGISTER_WORKER.as_bytes(), JS, false),
        "vision.js" => (VISION.as_bytes(), JS, false),
        "focus.js" => (FOCUS.as_bytes(), JS, false),
        "icon.svg" => (ICON_SVG.as_bytes(), "image/svg+xml", false),
        "icon-192.png" => (ICON_192, "image/png", false),
        "icon-512.png" => (ICON_512, "image/png", false),
        _ => return (StatusCode::NOT_FOUND, "Не найдено").into_response(),
    };
    let cache = if immutable { CACHED_FOR_A_YEAR } else { "public, max-age=3600" };
    ([(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, cache)], body).into_response()
}

/// Whether the request's `Accept-Encoding` names brotli (with a quality above zero).
fn accepts_brotli(request: &HeaderMap) -> bool {
    request.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(|coding| {
        let mut parts = coding.split(';').map(str::trim);
        parts.next().is_some_and(|name| name.eq_ignore_ascii_case("br"))
            && parts.all(|p| p.strip_prefix("q=").is_none_or(|q| q.parse::<f32>().is_ok_and(|q| q > 0.0)))
    })
}

/// The deck's title, slides and snapshot for a caller who may open it.
async fn deck_for(caller: &Caller, deck_id: i64) -> Result<(String, Vec<Slide>, Snapshot), AppError> {
    caller.deck(deck_id).await?;
    let (title, slides, snapshot, _) = app::store::reports::deck(&caller.db, deck_id).await?;
    Ok((title, slides, snapshot))
}

/// `/decks/{id}/present`: the deck to show in this browser (and `#presenter` for the speaker).
/// The composer's links carry `?v=` (changed by every save), and such an address is cached for
/// a day, so the presenter window opens from the cache when the hall's network is gone; the
/// bare address is always fetched anew.
pub async fn present(
    caller: Caller,
    Path(deck_id): Path<String>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Result<Response, AppError> {
    let deck_id = deck_id.parse::<i64>().map_err(|_| AppError::NotFound)?;
    let stamped = query.is_some_and(|q| q.split('&').any(|pair| pair.starts_with("v=")));
    let cache = if stamped { "private, max-age=86400" } else { "private, no-cache" };
    let (title, slides, snapshot) = deck_for(&caller, deck_id).await?;
    // The composer shows this page in a frame as its preview: framing by our own pages only.
    let policy = app::state::content_security_policy(None, app::state::Framing::OwnPages);
    Ok((
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8".to_owned()),
            (header::CACHE_CONTROL, cache.to_owned()),
            (header::CONTENT_SECURITY_POLICY, policy),
            (header::X_FRAME_OPTIONS, "SAMEORIGIN".to_owned()),
        ],
        deck::document(deck_id, &title, &slides, &snapshot, Assets::Linked { version: deck_assets_version() }),
    )
        .into_response())
}

/// `/decks/{id}/export.html`: one file with ECharts, the player and the styles inside, to
/// present on any laptop with no network.
pub async fn export_html(caller: Caller, Path(deck_id): Path<String>) -> Result<Response, AppError> {
    // A malformed id is a missing deck, in the same words, not the router's English.
    let deck_id = deck_id.parse::<i64>().map_err(|_| AppError::NotFound)?;
    let (title, slides, snapshot) = deck_for(&caller, deck_id).await?;
    let html = offline_document(deck_id, &title, &slides, &snapshot);
    Ok(crate::routes::attachment(html.into_bytes(), "text/html; charset=utf-8", &format!("deck-{deck_id}.html")))
}

/// The self-contained document.
pub fn offline_document(deck_id: i64, title: &str, slides: &[Slide], snapshot: &Snapshot) -> String {
    deck::document(deck_id, title, slides, snapshot, Assets::Inline { css: DECK_CSS, echarts: ECHARTS, deck_js: DECK_JS })
}

/// `/export/school/{id}.xlsx`: the analytic report as a workbook.
pub async fn export_school(caller: Caller, Path(file): Path<String>) -> Result<Response, AppError> {
    let organisation_id = file.strip_suffix(".xlsx").and_then(|id| id.parse::<i64>().ok()).ok_or(AppError::NotFound)?;
    let place = caller.school(Some(organisation_id)).await.map_err(AppError::hidden)?;
    let report = app::services::reports::school_report(&caller.db, place).await?;
    let bytes = app::documents::school_report::school_report_xlsx(&report).map_err(AppError::internal)?;
    Ok(crate::routes::attachment(bytes, crate::routes::XLSX, &format!("spravka-{organisation_id}.xlsx")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inlined_scripts_cannot_close_their_script_element() {
        for script in [ECHARTS, DECK_JS] {
            assert!(!script.to_ascii_lowercase().contains("</script"), "an inlined script would end the element early");
        }
    }

    #[test]
    fn brotli_is_sent_only_to_browsers_that_take_it() {
        let accepting = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, value.parse().expect("header"));
            accepts_brotli(&headers)
        };
        assert!(accepting("gzip, deflate, br, zstd"));
        assert!(accepting("BR;q=0.5"));
        assert!(!accepting("gzip, deflate"));
        assert!(!accepting("br;q=0, gzip"));
        assert!(!accepting("brotli"));
        assert!(!accepts_brotli(&HeaderMap::new()));
    }

    #[tokio::test]
    async fn vendored_echarts_goes_out_precompressed_and_unchanged() {
        use http_body_util::BodyExt;
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, "gzip, br".parse().expect("header"));
        let response = static_file(Path(ECHARTS_FILE.to_owned()), headers).await;
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
        let sent = response.into_body().collect().await.expect("body").to_bytes();
        let mut plain = Vec::new();
        brotli::BrotliDecompress(&mut &sent[..], &mut plain).expect("valid brotli");
        assert_eq!(plain, ECHARTS.as_bytes(), "the .br is the vendored file, not a stale copy");

        let without = static_file(Path(ECHARTS_FILE.to_owned()), HeaderMap::new()).await;
        assert!(without.headers().get(header::CONTENT_ENCODING).is_none());
    }
}
