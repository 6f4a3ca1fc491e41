//! The login page. A plain form: it works before the WASM has loaded.

use leptos::prelude::*;
use leptos_router::components::Redirect;

use super::use_session;
use crate::api::auth::home_path;
use crate::error::AppError;
use domain::i18n::tr;

#[component]
pub fn LoginPage() -> impl IntoView {
    let session = use_session();
    let error = move || match session.login.value().get() {
        Some(Err(AppError::Validation(errors))) => errors.get("password").cloned(),
        Some(Err(other)) => Some(other.to_string()),
        _ => None,
    };
    // A system with no account yet has nobody to sign in: its first run comes first.
    let setup_needed = Resource::new(|| (), |_| crate::api::setup::first_run_needed());
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                if setup_needed.await.unwrap_or(false) {
                    return Some(view! { <Redirect path="/setup"/> }.into_any());
                }
                session.user.await.ok().flatten().map(|user| view! { <Redirect path=home_path(&user)/> }.into_any())
            })}
        </Transition>
        <section class="card narrow">
            <h1>{tr::LOGIN_TITLE}</h1>
            <p class="muted">{tr::APP_TAGLINE}</p>
            <ActionForm action=session.login attr:class="stack">
                <label class="field">
                    <span>{tr::LOGIN_FIELD}</span>
                    <input name="login" autocomplete="username" required autocapitalize="none"/>
                </label>
                <label class="field">
                    <span>{tr::PASSWORD_FIELD}</span>
                    <input name="password" type="password" autocomplete="current-password" required/>
                </label>
                {move || error().map(|text| view! { <super::page::Notice error=true text/> })}
                <button type="submit" class="button primary">{tr::LOGIN_BUTTON}</button>
            </ActionForm>
            <p><a href="/welcome">{tr::WELCOME_LINK}</a></p>
        </section>
    }
}
