//! Add or edit a participant. Checked in the browser with the same parser the server uses,
//! so mistakes show at once; the server checks again. What was typed stays on the page
//! whatever the server answers.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::session::RequireRole;
use super::widgets::{general_error, SelectField, TextField};
use crate::api::participants::{get_participant, DeleteParticipant, SaveParticipant};
use crate::error::AppError;
use domain::FieldErrors;
use domain::i18n::tr;
use domain::models::*;

/// Resources are created here, outside the role guard's suspense, so the server and the
/// browser create them in the same order (hydration matches resources by creation order).
#[component]
pub fn ParticipantFormPage() -> impl IntoView {
    let id = super::route_id();
    // `/participants/new` has no id; `/participants/abc` has a bad one: not a new form.
    let params = leptos_router::hooks::use_params_map();
    let given = move || params.with(|p| p.get("id"));
    let existing = Resource::new(given, |given| async move {
        match given.map(|raw| raw.parse::<i64>().ok().filter(|id| *id > 0)) {
            None => Ok(None),
            Some(Some(id)) => get_participant(id).await.map(Some),
            Some(None) => Err(crate::error::AppError::NotFound),
        }
    });
    let relations = super::relationships::RelationshipsData::new(id);
    let programmes = Resource::new(|| (), |_| crate::api::programmes::list_programmes(None));
    view! {
        <RequireRole roles=&[UserRole::Curator]>
            <Transition fallback=|| view! { <p>{tr::LOADING}</p> }>
                {move || Suspend::new(async move {
                    let programmes = programmes.await.unwrap_or_default();
                    match existing.await {
                        Ok(found) => {
                            let id = found.as_ref().map(|p| p.id);
                            let programme_id = found.as_ref().and_then(|p| p.programme_id);
                            let input = found.map(|p| p.data.to_input()).unwrap_or_default();
                            view! { <ParticipantForm id input programme_id programmes relations/> }.into_any()
                        }
                        Err(error) => view! { <crate::ui::page::ErrorPage error/> }.into_any(),
                    }
                })}
            </Transition>
        </RequireRole>
    }
}

fn options<T: Copy + 'static>(all: &'static [T], code: fn(T) -> &'static str, label: fn(T) -> &'static str) -> Vec<(&'static str, &'static str)> {
    all.iter().map(|v| (code(*v), label(*v))).collect()
}

#[component]
fn ParticipantForm(
    id: Option<i64>,
    input: ParticipantInput,
    programme_id: Option<i64>,
    programmes: Vec<Programme>,
    relations: super::relationships::RelationshipsData,
) -> impl IntoView {
    let form = RwSignal::new(input);
    let programme = RwSignal::new(programme_id);
    let errors = RwSignal::new(FieldErrors::new());
    let save = ServerAction::<SaveParticipant>::new();
    let delete = ServerAction::<DeleteParticipant>::new();
    let navigate = use_navigate();
    let general = RwSignal::new(None::<String>);

    Effect::new({
        let navigate = navigate.clone();
        move |_| match save.value().get() {
            Some(Ok(_)) => navigate("/participants", Default::default()),
            Some(Err(AppError::Validation(server_errors))) => errors.set(server_errors),
            Some(Err(other)) => general.set(general_error(&other)),
            None => {}
        }
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(())) => navigate("/participants", Default::default()),
        Some(Err(other)) => general.set(Some(other.to_string())),
        None => {}
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        general.set(None);
        let input = form.get();
        match NewParticipant::parse(&input) {
            Err(found) => errors.set(found),
            Ok(_) => {
                errors.set(FieldErrors::new());
                save.dispatch(SaveParticipant { id, input, programme_id: programme.get_untracked() });
            }
        }
    };
    let is_mentor = move || form.with(|f| f.role == ParticipantRole::Mentor.code());
    let is_student = move || form.with(|f| f.kind == ParticipantKind::Student.code());

    view! {
        <h1>{if id.is_some() { tr::EDIT_PARTICIPANT } else { tr::NEW_PARTICIPANT }}</h1>
        <form class="card form-grid" on:submit=submit novalidate>
            <TextField label=tr::F_LAST_NAME name="last_name" form field=|i| &mut i.last_name errors/>
            <TextField label=tr::F_FIRST_NAME name="first_name" form field=|i| &mut i.first_name errors/>
            <TextField label=tr::F_MIDDLE_NAME name="middle_name" form field=|i| &mut i.middle_name errors/>
            <SelectField label=tr::F_ROLE name="role" form field=|i| &mut i.role errors
                options=options(ParticipantRole::ALL, ParticipantRole::code, tr::participant_role)/>
            <SelectField label=tr::F_KIND name="kind" form field=|i| &mut i.kind errors
                options=options(ParticipantKind::ALL, ParticipantKind::code, tr::participant_kind)/>
            <div class="field" class:invalid=move || errors.with(|e| e.contains_key("programme_id"))>
                <label for="f-programme">{tr::F_PROGRAMME}</label>
                <select id="f-programme" on:change=move |ev| programme.set(event_target_value(&ev).parse().ok())>
                    <option value="" selected=programme_id.is_none()>{tr::NO_PROGRAMME}</option>
                    {programmes.into_iter().map(|p| view! {
                        <option value=p.id.to_string() selected=programme_id == Some(p.id)>{p.title.clone()}</option>
                    }).collect_view()}
                </select>
                <p class="field-error" role="alert">{move || errors.with(|e| e.get("programme_id").cloned())}</p>
            </div>
            <TextField label=tr::F_SUBJECTS name="subjects" form field=|i| &mut i.subjects errors hint=tr::HINT_LIST/>
            <TextField label=tr::F_EXPERIENCE name="experience_years" form field=|i| &mut i.experience_years errors numeric=true/>
            <SelectField label=tr::F_QUALIFICATION name="qualification" form field=|i| &mut i.qualification errors
                options=options(Qualification::ALL, Qualification::code, tr::qualification)/>
            <Show when=is_student>
                <TextField label=tr::F_GRADE name="grade" form field=|i| &mut i.grade errors/>
                <SelectField label=tr::F_ACHIEVEMENT name="achievement" form field=|i| &mut i.achievement errors
                    options=options(Achievement::ALL, Achievement::code, tr::achievement)/>
            </Show>
            <Show when=is_mentor>
                <TextField label=tr::F_CAPACITY name="capacity" form field=|i| &mut i.capacity errors numeric=true/>
                <TextField label=tr::F_COMPETENCES name="competences" form field=|i| &mut i.competences errors hint=tr::HINT_LIST multiline=true/>
            </Show>
            <Show when=move || !is_mentor()>
                <TextField label=tr::F_REQUESTS name="requests" form field=|i| &mut i.requests errors hint=tr::HINT_LIST multiline=true/>
                <TextField label=tr::F_DEFICITS name="deficits" form field=|i| &mut i.deficits errors hint=tr::HINT_LIST multiline=true/>
            </Show>
            <div class="actions span-all">
                {move || general.get().map(|m| view! { <p class="error grow" role="alert">{m}</p> })}
                <button type="submit" class="button primary" disabled=move || save.pending().get()>
                    {move || if save.pending().get() { tr::SAVING } else { tr::SAVE }}
                </button>
                <a href="/participants" class="button secondary">{tr::CANCEL}</a>
                {id.map(|id| view! {
                    <button type="button" class="button danger" on:click=move |_| {
                        if window().confirm_with_message(tr::CONFIRM_DELETE).unwrap_or(false) {
                            delete.dispatch(DeleteParticipant { id });
                        }
                    }>{tr::DELETE}</button>
                })}
            </div>
        </form>
        {id.map(|participant_id| view! { <super::relationships::Relationships participant_id data=relations/> })}
    }
}
