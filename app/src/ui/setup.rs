//! `/setup` «Первый запуск»: on a system with no account, the district and its first
//! coordinator. The one-time code from the server's log keeps anyone else on the network from
//! claiming the system first; once an account exists, the page only says so.

use leptos::prelude::*;

use super::page::{Fetched, Notice};
use super::widgets::{told_where_it_belongs, SelectField, TextField};
use crate::api::setup::{first_run, first_run_needed};
use domain::i18n::tr;
use domain::models::{FirstRun, FirstRunInput, TimeZone};
use domain::FieldErrors;

#[component]
pub fn SetupPage() -> impl IntoView {
    let needed = Resource::new(|| (), |_| first_run_needed());
    view! {
        <section class="card narrow">
            <h1>{tr::SETUP_TITLE}</h1>
            <Fetched resource=needed view=|needed| if needed {
                view! { <SetupForm/> }.into_any()
            } else {
                view! {
                    <p data-testid="setup-done">{tr::SETUP_DONE_ALREADY}</p>
                    <a class="button primary" href="/login">{tr::LOGIN_BUTTON}</a>
                }.into_any()
            }/>
        </section>
    }
}

#[component]
fn SetupForm() -> impl IntoView {
    let form = RwSignal::new(FirstRunInput { time_zone: TimeZone::default().code().into(), ..Default::default() });
    let errors = RwSignal::new(FieldErrors::new());
    let run = Action::new(|input: &FirstRunInput| first_run(input.clone()));
    Effect::new(move |_| {
        // A full load, so the header and every page see the new session.
        if let Some(Ok(_)) = run.value().get() {
            let _ = window().location().set_href("/district");
        }
    });
    let general = told_where_it_belongs(run, errors);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = form.get_untracked();
        // The same check the server makes, so every message shows at once.
        match FirstRun::parse(&input) {
            Err(found) => errors.set(found),
            Ok(_) => {
                errors.set(FieldErrors::new());
                run.dispatch(input);
            }
        }
    };
    let zones: Vec<(&'static str, &'static str)> = TimeZone::ALL.iter().map(|z| (z.code(), tr::time_zone(*z))).collect();
    view! {
        <p class="muted">{tr::SETUP_INTRO}</p>
        <form class="stack" on:submit=submit novalidate>
            <TextField label=tr::SETUP_CODE name="setup_code" form field=|i| &mut i.setup_code errors
                hint=tr::SETUP_CODE_HINT numeric=true autocomplete="one-time-code"/>
            <TextField label=tr::SETUP_DISTRICT name="district_name" form field=|i| &mut i.district_name errors/>
            <SelectField label=tr::SETUP_TIME_ZONE name="time_zone" form field=|i| &mut i.time_zone errors options=zones/>
            <h2>{tr::SETUP_COORDINATOR}</h2>
            <TextField label=tr::SETUP_DISPLAY_NAME name="display_name" form field=|i| &mut i.display_name errors autocomplete="name"/>
            <TextField label=tr::LOGIN_FIELD name="login" form field=|i| &mut i.login errors autocomplete="username"/>
            <TextField label=tr::PASSWORD_FIELD name="password" form field=|i| &mut i.password errors
                password="new-password" hint=tr::PASSWORD_RULES/>
            <TextField label=tr::SETUP_PASSWORD_AGAIN name="password_again" form field=|i| &mut i.password_again errors
                password="new-password"/>
            {move || general().map(|text| view! { <Notice error=true text/> })}
            <button type="submit" class="button primary" disabled=move || run.pending().get()>
                {move || if run.pending().get() { tr::SETUP_SAVING } else { tr::SETUP_SUBMIT }}
            </button>
        </form>
    }
}
