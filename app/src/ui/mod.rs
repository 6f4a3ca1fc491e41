//! Pages and components. One file per page; shared pieces in `widgets`.

mod accounts;
mod board;
mod decks;
mod district;
mod documents;
mod import;
mod login;
mod me;
mod order;
mod drafts;
mod final_report;
mod pair;
pub mod page;
mod participant_form;
mod participants;
mod practices;
mod programmes;
mod relationships;
mod reports;
pub mod respondent;
mod schools;
mod session;
mod setup;
pub mod surveys;
pub mod widgets;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use domain::i18n::tr;
pub use session::{use_session, Session};

pub(crate) use page::route_id;

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    html_document(options, true, view! { <App/> })
}

/// The document around an app; `options.output_name` names the bundle that hydrates it, and
/// `charts` adds the loader that fetches ECharts on pages that draw a chart.
pub(crate) fn html_document(options: LeptosOptions, charts: bool, app: impl IntoView + 'static) -> impl IntoView {
    // The styles sit beside the bundles, at the address that carries the build's version.
    let styles = format!("/{}/nastavnik.css", options.site_pkg_dir);
    view! {
        <!DOCTYPE html>
        <html lang="ru">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="/static/icon.svg" type="image/svg+xml"/>
                <link rel="apple-touch-icon" href="/static/icon-192.png"/>
                <link rel="manifest" href=manifest_for_request()/>
                <link rel="stylesheet" id="leptos" href=styles/>
                <meta name="theme-color" content="#1a5fb4"/>
                <script src="/static/register-sw.js" defer></script>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                // Tiny: it fetches ECharts only on pages that draw a chart.
                {charts.then(|| view! { <script src="/static/charts.js" defer></script> })}
                <MetaTags/>
            </head>
            <body>{app}</body>
        </html>
    }
}

/// Marks the page interactive once hydrated (effects run only in the browser), so end-to-end
/// tests (and curious people) know the controls are live.
/// The manifest the page links: the kiosk's opens full screen on the kiosk when installed on a
/// tablet's home screen; every other page's opens the app. (The document's head is drawn on
/// the server only, so the request's path decides.)
fn manifest_for_request() -> &'static str {
    #[cfg(feature = "ssr")]
    {
        let path = use_context::<axum::http::request::Parts>().map(|parts| parts.uri.path().to_owned());
        if path.as_deref() == Some("/kiosk") {
            return "/kiosk.webmanifest";
        }
    }
    "/manifest.webmanifest"
}

pub(crate) fn mark_hydrated() {
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}

/// The application: session context, header and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    session::provide_session();
    mark_hydrated();
    view! {
        <Title text=tr::APP_NAME/>
        <Router>
            <session::Header/>
            <main class="page">
                <Routes fallback=|| view! { <page::ErrorPage error=crate::error::AppError::NotFound/> }>
                    <Route path=path!("/") view=session::Home/>
                    <Route path=path!("/login") view=login::LoginPage/>
                    <Route path=path!("/setup") view=setup::SetupPage/>
                    <Route path=path!("/welcome") view=accounts::WelcomePage/>
                    <Route path=path!("/password") view=accounts::PasswordPage/>
                    <Route path=path!("/accounts") view=accounts::AccountsPage/>
                    <Route path=path!("/participants") view=participants::ParticipantsPage/>
                    <Route path=path!("/participants/new") view=participant_form::ParticipantFormPage/>
                    <Route path=path!("/participants/:id") view=participant_form::ParticipantFormPage/>
                    <Route path=path!("/import") view=import::ImportPage/>
                    <Route path=path!("/programmes") view=programmes::ProgrammesPage/>
                    <Route path=path!("/programmes/:id") view=programmes::ProgrammePage/>
                    <Route path=path!("/programmes/:id/board") view=board::BoardPage/>
                    <Route path=path!("/programmes/:id/order") view=order::OrderPage/>
                    <Route path=path!("/district") view=district::DistrictPage/>
                    <Route path=path!("/documents") view=documents::DocumentsPage/>
                    <Route path=path!("/me") view=me::MePage/>
                    <Route path=path!("/pairs/:programme/:mentor") view=pair::PairPage/>
                    <Route path=path!("/pairs/:programme/:mentor/review/:mentee") view=pair::ReviewPrintPage/>
                    <Route path=path!("/programmes/:id/pairs") view=pair::overview::PairsOverviewPage/>
                    <Route path=path!("/programmes/:id/thanks") view=pair::ThanksLettersPage/>
                    <Route path=path!("/programmes/:id/final") view=final_report::FinalReportPage/>
                    <Route path=path!("/questionnaires") view=surveys::manage::QuestionnairesPage/>
                    <Route path=path!("/questionnaires/:id") view=surveys::builder::BuilderPage/>
                    <Route path=path!("/programmes/:id/surveys") view=surveys::manage::WavesPage/>
                    <Route path=path!("/programmes/:id/codes") view=surveys::manage::CodesPage/>
                    <Route path=path!("/waves/:id/results") view=surveys::manage::ResultsPage/>
                    <Route path=path!("/surveys") view=surveys::respond::MySurveysPage/>
                    <Route path=path!("/reports/before-after") view=surveys::compare::BeforeAfterPage/>
                    <Route path=path!("/reports/school") view=reports::SchoolReportPage/>
                    <Route path=path!("/programmes/:id/swot") view=reports::SwotPage/>
                    <Route path=path!("/decks") view=decks::DecksPage/>
                    <Route path=path!("/practices") view=practices::PracticesPage/>
                    <Route path=path!("/decks/:id") view=decks::DeckPage/>
                </Routes>
            </main>
        </Router>
    }
}
