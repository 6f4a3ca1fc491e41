//! The respondent's pages — a questionnaire on one's own account (`/surveys/:id`) and the
//! kiosk (`/kiosk`) — as an app of their own. The server renders them with this shell, and the
//! `respondent` crate hydrates them with a bundle that holds only the taker: a tablet in a
//! classroom downloads nothing of the board, the builder, the reports or the charts.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::{session, surveys};
use domain::i18n::tr;

/// The name of the respondent bundle in `/pkg` (`respondent.js`, `respondent.wasm`).
pub const OUTPUT_NAME: &str = "respondent";

/// The paths this app answers, as the server's router writes them; the main app leaves them
/// alone. Keep in step with the routes below.
pub const PATHS: &[&str] = &["/surveys/{id}", "/kiosk"];

/// The HTML document around the respondent's pages: the main shell with the small bundle and
/// no chart loader.
pub fn shell(mut options: LeptosOptions) -> impl IntoView {
    options.output_name = OUTPUT_NAME.into();
    super::html_document(options, false, view! { <RespondentApp/> })
}

#[component]
pub fn RespondentApp() -> impl IntoView {
    provide_meta_context();
    session::provide_session();
    super::mark_hydrated();
    view! {
        <Title text=tr::APP_NAME/>
        <Router>
            // Links out of these pages load the main app: `rel="external"` skips the router.
            <header class="topbar">
                <a href="/" rel="external" class="brand">{tr::APP_NAME}</a>
                <super::widgets::VisionSwitch/>
            </header>
            <main class="page">
                <Routes fallback=|| view! { <p class="notice">{tr::NOT_FOUND_PAGE}</p> }>
                    <Route path=path!("/surveys/:id") view=surveys::respond::MySurveyPage/>
                    <Route path=path!("/kiosk") view=surveys::respond::KioskPage/>
                </Routes>
            </main>
        </Router>
    }
}
