//! `/practices`: the district's bank of best practices — searched by form, competence and
//! words; a curator publishes their school's, the coordinator marks some for the forum.

use leptos::prelude::*;

use crate::api::practices::{delete_practice, list_practices, mark_for_forum, save_practice, PracticesPage};
use crate::ui::widgets::{SelectField, TextField};
use domain::i18n::tr;
use domain::models::{Competence, MentoringForm, NewPractice, Practice, PracticeFilter, PracticeInput, UserRole};
use domain::FieldErrors;

#[component]
pub fn PracticesPage() -> impl IntoView {
    let filter = RwSignal::new(PracticeFilter::default());
    let version = RwSignal::new(0u64);
    let editing = RwSignal::new(None::<Option<Practice>>);
    let page = Resource::new(move || (filter.get(), version.get()), |(filter, _)| list_practices(filter));
    view! {
        <crate::ui::session::RequireRole roles=&[UserRole::Curator, UserRole::Methodologist]>
            <h1>{tr::PRACTICES_TITLE}</h1>
            <Filters filter/>
            <crate::ui::page::Fetched resource=page view=move |p| view! { <Bank p editing version/> }/>
        </crate::ui::session::RequireRole>
    }
}

#[component]
fn Filters(filter: RwSignal<PracticeFilter>) -> impl IntoView {
    view! {
        <form class="toolbar filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="practice-form">{tr::PROGRAMME_FORM}</label>
                <select id="practice-form" on:change=move |ev| {
                    let code = event_target_value(&ev);
                    filter.update(|f| f.form = MentoringForm::from_code(&code));
                }>
                    <option value="">{tr::ALL_FORMS}</option>
                    {MentoringForm::ALL.iter().map(|f| view! { <option value=f.code()>{tr::form(*f)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="practice-competence">{tr::F_COMPETENCE}</label>
                <select id="practice-competence" on:change=move |ev| {
                    let code = event_target_value(&ev);
                    filter.update(|f| f.competence = Competence::from_code(&code));
                }>
                    <option value="">{tr::ALL_COMPETENCES}</option>
                    {Competence::ALL.iter().map(|c| view! { <option value=c.code()>{tr::competence(*c)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field grow">
                <label for="practice-search">{tr::SEARCH}</label>
                <input id="practice-search" type="search" on:change=move |ev| { let words = event_target_value(&ev); filter.update(|f| f.search = words); }/>
            </div>
            <div class="field check">
                <input type="checkbox" id="practice-forum" on:change=move |ev| { let on = event_target_checked(&ev); filter.update(|f| f.for_forum_only = on); }/>
                <label for="practice-forum">{tr::FOR_FORUM_ONLY}</label>
            </div>
        </form>
    }
}

#[component]
fn Bank(p: PracticesPage, editing: RwSignal<Option<Option<Practice>>>, version: RwSignal<u64>) -> impl IntoView {
    let own_school = p.own_school;
    let marks_forum = p.marks_forum;
    let programmes = StoredValue::new(p.programmes.clone());
    view! {
        {own_school.is_some().then(|| view! {
            <button type="button" class="button primary" on:click=move |_| editing.set(Some(None))>{tr::PRACTICE_PUBLISH}</button>
        })}
        {move || editing.get().map(|record| view! { <PracticeEditor record programmes=programmes.get_value() editing version/> })}
        <p class="muted" data-testid="practice-count">{tr::practices_found(p.practices.len())}</p>
        <ul class="cards practices" data-testid="practices">
            {p.practices.into_iter().map(|practice| {
                let own = own_school == Some(practice.organisation_id);
                view! { <PracticeCard practice own marks_forum editing version/> }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn PracticeCard(practice: Practice, own: bool, marks_forum: bool, editing: RwSignal<Option<Option<Practice>>>, version: RwSignal<u64>) -> impl IntoView {
    let id = practice.id;
    let remove = Action::new(move |_: &()| async move { delete_practice(id).await });
    let forum = Action::new(move |on: &bool| {
        let on = *on;
        async move { mark_for_forum(id, on).await }
    });
    Effect::new(move |_| {
        if remove.value().get().is_some_and(|r| r.is_ok()) || forum.value().get().is_some_and(|r| r.is_ok()) {
            version.update(|v| *v += 1);
        }
    });
    let p = &practice.practice;
    let record = StoredValue::new(practice.clone());
    view! {
        <li class="card practice" data-testid="practice">
            <h2>{p.title.clone()}</h2>
            <p class="muted">{practice.organisation.clone()} {practice.programme_title.clone().map(|t| format!(" · «{t}»"))} " · " {tr::date(&practice.published_on)}</p>
            <div class="chips">
                <span class="chip">{tr::form(p.form)}</span>
                {p.competence.map(|c| view! { <span class="chip">{tr::competence(c)}</span> })}
                {practice.for_forum.then(|| view! { <span class="chip forum">{tr::FOR_FORUM}</span> })}
            </div>
            <dl class="facts">
                <dt>{tr::F_WHAT_DONE}</dt><dd>{p.what_done.clone()}</dd>
                <dt>{tr::F_RESULTS}</dt><dd>{p.results.clone()}</dd>
                {(!p.materials.is_empty()).then(|| view! { <dt>{tr::F_MATERIALS}</dt><dd>{p.materials.clone()}</dd> })}
            </dl>
            <div class="actions">
                {own.then(|| view! {
                    <button type="button" class="button secondary" on:click=move |_| editing.set(Some(Some(record.get_value())))>{tr::EDIT}</button>
                    <button type="button" class="button danger" on:click=move |_| {
                        if window().confirm_with_message(tr::PRACTICE_DELETE_CONFIRM).unwrap_or(false) { remove.dispatch(()); }
                    }>{tr::DELETE}</button>
                })}
                {marks_forum.then(|| {
                    let on = practice.for_forum;
                    view! {
                        <button type="button" class="button secondary" aria-pressed=on.to_string() on:click=move |_| { forum.dispatch(!on); }>
                            {if on { tr::FORUM_UNMARK } else { tr::FORUM_MARK }}
                        </button>
                    }
                })}
            </div>
        </li>
    }
}

#[component]
fn PracticeEditor(record: Option<Practice>, programmes: Vec<domain::models::Programme>, editing: RwSignal<Option<Option<Practice>>>, version: RwSignal<u64>) -> impl IntoView {
    let key = format!("practice.{}", record.as_ref().map_or("new".to_owned(), |r| r.id.to_string()));
    let (input, _) = crate::ui::drafts::drafted(&key, || record.as_ref().map(|r| r.practice.to_input()).unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::new());
    let message = RwSignal::new(None::<String>);
    let id = record.as_ref().map(|r| r.id);
    let key = StoredValue::new(key);
    let save = Action::new(move |typed: &PracticeInput| {
        let typed = typed.clone();
        async move { save_practice(id, typed).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(_)) => {
            crate::ui::drafts::forget(&key.get_value());
            editing.set(None);
            version.update(|v| *v += 1);
        }
        Some(Err(crate::error::AppError::Validation(found))) => errors.set(found),
        Some(Err(other)) => message.set(Some(other.to_string())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = input.get_untracked();
        match NewPractice::parse(&typed) {
            Ok(_) => {
                save.dispatch(typed);
            }
            Err(found) => errors.set(found),
        }
    };
    // Static option lists: the labels live as long as the page.
    let forms: Vec<(&'static str, &'static str)> = MentoringForm::ALL.iter().map(|f| (f.code(), tr::form(*f))).collect();
    let competences: Vec<(&'static str, &'static str)> = Competence::ALL.iter().map(|c| (c.code(), tr::competence(*c))).collect();
    view! {
        <form class="card editor" on:submit=submit data-testid="practice-editor" novalidate>
            <h2>{tr::PRACTICE_PUBLISH}</h2>
            {move || message.get().map(|text| view! { <crate::ui::page::Notice error=true text/> })}
            <TextField label=tr::F_PRACTICE_TITLE name="title" form=input field=|f: &mut PracticeInput| &mut f.title errors/>
            <SelectField label=tr::PROGRAMME_FORM name="form" form=input field=|f: &mut PracticeInput| &mut f.form errors options=forms/>
            <SelectField label=tr::F_COMPETENCE name="competence" form=input field=|f: &mut PracticeInput| &mut f.competence errors options=competences/>
            <div class="field">
                <label for="f-programme_id">{tr::F_PRACTICE_PROGRAMME}</label>
                <select id="f-programme_id" name="programme_id" prop:value=move || input.with(|f| f.programme_id.clone())
                    on:change=move |ev| { let id = event_target_value(&ev); input.update(|f| f.programme_id = id); }>
                    <option value="">{tr::PRACTICE_NO_PROGRAMME}</option>
                    {programmes.into_iter().map(|p| {
                        let id = p.id.to_string();
                        let chosen = id.clone();
                        view! { <option value=id selected=move || input.with(|f| f.programme_id == chosen)>{p.title}</option> }
                    }).collect_view()}
                </select>
                <p class="field-error" role="alert">{move || errors.with(|e| e.get("programme_id").cloned())}</p>
            </div>
            <TextField label=tr::F_WHAT_DONE name="what_done" form=input field=|f: &mut PracticeInput| &mut f.what_done errors multiline=true/>
            <TextField label=tr::F_RESULTS name="results" form=input field=|f: &mut PracticeInput| &mut f.results errors multiline=true/>
            <TextField label=tr::F_MATERIALS name="materials" form=input field=|f: &mut PracticeInput| &mut f.materials errors multiline=true hint=tr::MATERIALS_HINT/>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || save.pending().get()>{tr::SAVE}</button>
                <button type="button" class="button secondary" on:click=move |_| { crate::ui::drafts::forget(&key.get_value()); editing.set(None); }>{tr::CANCEL}</button>
            </div>
        </form>
    }
}
