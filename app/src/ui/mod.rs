//! Pages and components. One file per page; shared pieces in `widgets`.
// The respondent's bundle (no `entry`) compiles these modules without the main app's routes.
#![cfg_attr(not(any(feature = "ssr", feature = "entry")), allow(unused_imports, unused_macros, dead_code))]

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
use leptos_router::{path, Lazy};

use domain::i18n::tr;
pub use session::{use_session, Session};

pub(crate) use page::route_id;

/// The HTML document around the app, rendered on the server.
#[cfg(any(feature = "ssr", feature = "entry"))]
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
                <script src="/static/vision.js"></script>
                <script src="/static/register-sw.js" defer></script>
                <script src="/static/focus.js" defer></script>
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
    page::lazy::shell_hydrated();
}

/// Every page but the home redirect and the login is loaded lazily (`cargo leptos build
/// --split`): the shell's bundle holds the header, the session and the login; each group of
/// pages below is one split point whose code is fetched when one of its pages is first
/// opened. Groups, not one split per page: wasm-split puts code shared by several split points
/// into chunks of its own, and thirty split points made a page fetch 100–340 small files.
/// `data()` runs at once, the group's code arrives meanwhile; the page marks the body
/// hydrated (`page::lazy`) once its own code has hydrated.
macro_rules! lazy_page_groups {
    ($($group:ident / $load:ident / $preload:ident { $($route:ident => $page:path,)* })*) => {
        $(
            #[derive(Clone, Copy)]
            enum $group {
                $($route,)*
            }

            #[leptos::lazy]
            fn $load(page: $group) -> AnyView {
                page::lazy::hydrated();
                match page {
                    $($group::$route => $page().into_any(),)*
                }
            }

            $(
                struct $route;

                impl leptos_router::LazyRoute for $route {
                    fn data() -> Self {
                        page::lazy::started();
                        Self
                    }

                    async fn view(_this: Self) -> AnyView {
                        $load($group::$route).await
                    }

                    // Hydration waits for the group's code (`#[lazy]` makes `$preload`), so
                    // the page hydrates against what the server rendered.
                    async fn preload() {
                        #[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
                        $preload().await;
                    }
                }
            )*
        )*
    };
}

// Not in the respondent's bundle (built without `entry`): each split point is an export of
// the module for the splitter, and exports would keep every page in that small bundle.
#[cfg(any(feature = "ssr", feature = "entry"))]
lazy_page_groups! {
    PeoplePages / people_pages / __preload_people_pages {
        SetupRoute => setup::SetupPage,
        WelcomeRoute => accounts::WelcomePage,
        PasswordRoute => accounts::PasswordPage,
        AccountsRoute => accounts::AccountsPage,
        ParticipantsRoute => participants::ParticipantsPage,
        ParticipantFormRoute => participant_form::ParticipantFormPage,
        ImportRoute => import::ImportPage,
    }
    ProgrammePages / programme_pages / __preload_programme_pages {
        ProgrammesRoute => programmes::ProgrammesPage,
        ProgrammeRoute => programmes::ProgrammePage,
        OrderRoute => order::OrderPage,
        DocumentsRoute => documents::DocumentsPage,
    }
    BoardPages / board_pages / __preload_board_pages {
        BoardRoute => board::BoardPage,
    }
    PairPages / pair_pages / __preload_pair_pages {
        MeRoute => me::MePage,
        PairRoute => pair::PairPage,
        ReviewPrintRoute => pair::ReviewPrintPage,
        PairsOverviewRoute => pair::overview::PairsOverviewPage,
        ThanksLettersRoute => pair::ThanksLettersPage,
        FinalReportRoute => final_report::FinalReportPage,
        PracticesRoute => practices::PracticesPage,
    }
    SurveyPages / survey_pages / __preload_survey_pages {
        QuestionnairesRoute => surveys::manage::QuestionnairesPage,
        BuilderRoute => surveys::builder::BuilderPage,
        WavesRoute => surveys::manage::WavesPage,
        CodesRoute => surveys::manage::CodesPage,
        ResultsRoute => surveys::manage::ResultsPage,
        MySurveysRoute => surveys::respond::MySurveysPage,
    }
    ReportPages / report_pages / __preload_report_pages {
        BeforeAfterRoute => surveys::compare::BeforeAfterPage,
        SchoolReportRoute => reports::SchoolReportPage,
        SwotRoute => reports::SwotPage,
        DistrictRoute => district::DistrictPage,
        DecksRoute => decks::DecksPage,
        DeckRoute => decks::DeckPage,
    }
}

/// The application: session context, header and routes.
#[cfg(any(feature = "ssr", feature = "entry"))]
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
                    <Route path=path!("/setup") view={Lazy::<SetupRoute>::new()}/>
                    <Route path=path!("/welcome") view={Lazy::<WelcomeRoute>::new()}/>
                    <Route path=path!("/password") view={Lazy::<PasswordRoute>::new()}/>
                    <Route path=path!("/accounts") view={Lazy::<AccountsRoute>::new()}/>
                    <Route path=path!("/participants") view={Lazy::<ParticipantsRoute>::new()}/>
                    <Route path=path!("/participants/new") view={Lazy::<ParticipantFormRoute>::new()}/>
                    <Route path=path!("/participants/:id") view={Lazy::<ParticipantFormRoute>::new()}/>
                    <Route path=path!("/import") view={Lazy::<ImportRoute>::new()}/>
                    <Route path=path!("/programmes") view={Lazy::<ProgrammesRoute>::new()}/>
                    <Route path=path!("/programmes/:id") view={Lazy::<ProgrammeRoute>::new()}/>
                    <Route path=path!("/programmes/:id/board") view={Lazy::<BoardRoute>::new()}/>
                    <Route path=path!("/programmes/:id/order") view={Lazy::<OrderRoute>::new()}/>
                    <Route path=path!("/district") view={Lazy::<DistrictRoute>::new()}/>
                    <Route path=path!("/documents") view={Lazy::<DocumentsRoute>::new()}/>
                    <Route path=path!("/me") view={Lazy::<MeRoute>::new()}/>
                    <Route path=path!("/pairs/:programme/:mentor") view={Lazy::<PairRoute>::new()}/>
                    <Route path=path!("/pairs/:programme/:mentor/review/:mentee") view={Lazy::<ReviewPrintRoute>::new()}/>
                    <Route path=path!("/programmes/:id/pairs") view={Lazy::<PairsOverviewRoute>::new()}/>
                    <Route path=path!("/programmes/:id/thanks") view={Lazy::<ThanksLettersRoute>::new()}/>
                    <Route path=path!("/programmes/:id/final") view={Lazy::<FinalReportRoute>::new()}/>
                    <Route path=path!("/questionnaires") view={Lazy::<QuestionnairesRoute>::new()}/>
                    <Route path=path!("/questionnaires/:id") view={Lazy::<BuilderRoute>::new()}/>
                    <Route path=path!("/programmes/:id/surveys") view={Lazy::<WavesRoute>::new()}/>
                    <Route path=path!("/programmes/:id/codes") view={Lazy::<CodesRoute>::new()}/>
                    <Route path=path!("/waves/:id/results") view={Lazy::<ResultsRoute>::new()}/>
                    <Route path=path!("/surveys") view={Lazy::<MySurveysRoute>::new()}/>
                    <Route path=path!("/reports/before-after") view={Lazy::<BeforeAfterRoute>::new()}/>
                    <Route path=path!("/reports/school") view={Lazy::<SchoolReportRoute>::new()}/>
                    <Route path=path!("/programmes/:id/swot") view={Lazy::<SwotRoute>::new()}/>
                    <Route path=path!("/decks") view={Lazy::<DecksRoute>::new()}/>
                    <Route path=path!("/practices") view={Lazy::<PracticesRoute>::new()}/>
                    <Route path=path!("/decks/:id") view={Lazy::<DeckRoute>::new()}/>
                </Routes>
            </main>
        </Router>
    }
}
