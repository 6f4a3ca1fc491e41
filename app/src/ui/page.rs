//! The frame every page shares: who may see it, the loading line, one notice for errors, and
//! the «not found» page for an address whose id is malformed, missing or someone else's.

use std::future::Future;

use leptos::either::Either;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::session::RequireRole;
use crate::error::AppError;
use domain::i18n::tr;
use domain::models::UserRole;

/// What a resource read by a page may hold.
pub trait PageData: Clone + Send + Sync + Serialize + DeserializeOwned + 'static {}
impl<T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static> PageData for T {}

/// The numeric `:id` of the current address, parsed once.
pub(crate) fn route_id() -> impl Fn() -> Option<i64> + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).filter(|id| *id > 0))
}

/// The record the address names, fetched again whenever `version` changes (after a save).
/// A malformed id is `NotFound` at once, without asking the server about id 0.
pub fn route_resource<T, Fut>(
    version: impl Fn() -> u64 + Send + Sync + 'static,
    fetch: impl Fn(i64) -> Fut + Copy + Send + Sync + 'static,
) -> Resource<Result<T, AppError>>
where
    T: PageData,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
{
    let id = route_id();
    Resource::new(
        move || (id(), version()),
        move |(id, _)| async move {
            match id {
                Some(id) => fetch(id).await,
                None => Err(AppError::NotFound),
            }
        },
    )
}

/// A page for `roles` that draws `resource`'s value with `view`, behind the loading line.
#[component]
pub fn Loaded<T, V, F>(roles: &'static [UserRole], resource: Resource<Result<T, AppError>>, view: F) -> impl IntoView
where
    T: PageData,
    V: IntoView + 'static,
    F: Fn(T) -> V + Copy + Send + Sync + 'static,
{
    view! {
        <RequireRole roles>
            <Fetched resource view/>
        </RequireRole>
    }
}

/// `resource`'s value drawn with `view` behind the loading line, or the error page: the part
/// of a page below its own heading and controls.
#[component]
pub fn Fetched<T, V, F>(resource: Resource<Result<T, AppError>>, view: F) -> impl IntoView
where
    T: PageData,
    V: IntoView + 'static,
    F: Fn(T) -> V + Copy + Send + Sync + 'static,
{
    view! {
        <Transition fallback=|| view! { <p>{tr::LOADING}</p> }>
            {move || Suspend::new(async move {
                match resource.await {
                    Ok(value) => Either::Left(view(value)),
                    Err(error) => Either::Right(view! { <ErrorPage error/> }),
                }
            })}
        </Transition>
    }
}

/// What a page shows when it cannot show its record: a missing or foreign one is «not found»
/// (as the server answers); anything else is the error's own sentence.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    match error {
        AppError::NotFound => Either::Left(view! {
            <section class="card narrow" data-testid="not-found">
                <h1>{tr::NOT_FOUND_TITLE}</h1>
                <p>{tr::NOT_FOUND_PAGE}</p>
                <a class="button secondary" href="/">{tr::NOT_FOUND_HOME}</a>
            </section>
        }),
        other => Either::Right(view! { <Notice error=true text=other.to_string()/> }),
    }
}

/// The one notice: a line that says how something went (`error` for a refusal or a failure).
/// Errors are alerts, announced at once; other news waits for a pause.
#[component]
pub fn Notice(
    #[prop(optional)] error: bool,
    #[prop(into)] text: String,
    /// A name for the tests to find this notice by, where a page has several.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    view! {
        <p class="notice" class:error=error role=if error { "alert" } else { "status" } data-testid=testid>{text}</p>
    }
}

/// The body's `data-hydrated` marker under lazily loaded routes: the shell hydrates first, a
/// lazy page once its chunk has arrived, so the marker waits for the pages still loading.
pub(crate) mod lazy {
    use leptos::prelude::*;
    use std::cell::Cell;

    thread_local!(static LOADING: Cell<usize> = const { Cell::new(0) });

    fn mark() {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    }

    /// A lazy route was matched: its page's code is on its way.
    pub fn started() {
        #[cfg(feature = "hydrate")]
        LOADING.set(LOADING.get() + 1);
    }

    /// Called in a lazy page's view: once it has hydrated, the page is interactive.
    pub fn hydrated() {
        Effect::new(|_| {
            LOADING.set(LOADING.get().saturating_sub(1));
            if LOADING.get() == 0 {
                mark();
            }
        });
    }

    /// The shell has hydrated: the page is interactive unless a lazy page is still loading.
    pub fn shell_hydrated() {
        Effect::new(|_| {
            if LOADING.get() == 0 {
                mark();
            }
        });
    }
}
