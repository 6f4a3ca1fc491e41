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
                            let participations = found.as_ref().map(|p| p.participations.clone()).unwrap_or_default();
                            let input = found.map(|p| p.data.to_input()).unwrap_or_default();
                            view! { <ParticipantForm id input participations programmes relations/> }.into_any()
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
    participations: Vec<Participation>,
    programmes: Vec<Programme>,
    relations: super::relationships::RelationshipsData,
) -> impl IntoView {
    let form = RwSignal::new(input);
    let joined = RwSignal::new(participations);
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
        let participations = joined.get();
        let checked = NewParticipant::parse(&input).and_then(|data| check_participations(&data, &participations));
        match checked {
            Err(found) => errors.set(found),
            Ok(()) => {
                errors.set(FieldErrors::new());
                save.dispatch(SaveParticipant { id, input, participations });
            }
        }
    };
    // Capacity and competences belong to anyone who mentors somewhere; requests and deficits
    // to anyone mentored somewhere (a reverse mentor has both).
    let takes_role = move |role: ParticipantRole| {
        form.with(|f| f.role == role.code()) || joined.with(|j| j.iter().any(|p| p.role == role))
    };
    let is_mentor = move || takes_role(ParticipantRole::Mentor);
    let is_mentee = move || takes_role(ParticipantRole::Mentee);
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
            <Participations joined programmes errors/>
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
            <Show when=is_mentee>
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

/// The programmes a person takes part in, a role in each: add, change, remove.
#[component]
fn Participations(joined: RwSignal<Vec<Participation>>, programmes: Vec<Programme>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    let programmes = StoredValue::new(programmes);
    let add = move |_| {
        let taken: Vec<i64> = joined.with(|j| j.iter().map(|p| p.programme_id).collect());
        let free = programmes.with_value(|all| all.iter().map(|p| p.id).find(|id| !taken.contains(id)));
        if let Some(programme_id) = free {
            joined.update(|j| j.push(Participation { programme_id, role: ParticipantRole::Mentee }));
        }
    };
    let roles = options(ParticipantRole::ALL, ParticipantRole::code, tr::participant_role);
    view! {
        <fieldset class="field span-all participations" class:invalid=move || errors.with(|e| e.contains_key("participations"))>
            <legend>{tr::F_PARTICIPATIONS}</legend>
            <p class="hint">{tr::HINT_PARTICIPATIONS}</p>
            {move || {
                let rows = joined.get();
                if rows.is_empty() {
                    return view! { <p class="muted">{tr::NO_PROGRAMME}</p> }.into_any();
                }
                view! { <ul class="plain">{rows.into_iter().enumerate().map(|(index, row)| {
                    let roles = roles.clone();
                    let programme_label = format!("{} {}", tr::F_PROGRAMME, index + 1);
                    let role_label = format!("{} {}", tr::F_ROLE_IN_PROGRAMME, index + 1);
                    view! {
                        <li class="participation" data-testid="participation">
                            <select aria-label=programme_label.clone() on:change=move |ev| {
                                if let Ok(programme_id) = event_target_value(&ev).parse() {
                                    joined.update(|j| j[index].programme_id = programme_id);
                                }
                            }>
                                {programmes.with_value(|all| all.iter().map(|p| view! {
                                    <option value=p.id.to_string() selected=p.id == row.programme_id>{p.title.clone()}</option>
                                }).collect_view())}
                            </select>
                            <select aria-label=role_label on:change=move |ev| {
                                let code = event_target_value(&ev);
                                if let Some(role) = ParticipantRole::ALL.iter().copied().find(|r| r.code() == code) {
                                    joined.update(|j| j[index].role = role);
                                }
                            }>
                                {roles.into_iter().map(|(code, label)| view! {
                                    <option value=code selected=code == row.role.code()>{label}</option>
                                }).collect_view()}
                            </select>
                            <button type="button" class="button secondary" aria-label=format!("{} {}", tr::REMOVE_PARTICIPATION, index + 1)
                                on:click=move |_| joined.update(|j| { j.remove(index); })>{tr::REMOVE}</button>
                        </li>
                    }
                }).collect_view()}</ul> }.into_any()
            }}
            <button type="button" class="button secondary" on:click=add
                disabled=move || { joined.with(Vec::len) >= programmes.with_value(Vec::len) }>{tr::ADD_PARTICIPATION}</button>
            <p class="field-error" role="alert">{move || errors.with(|e| e.get("participations").cloned())}</p>
        </fieldset>
    }
}
