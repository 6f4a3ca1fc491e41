//! The individual plan of each mentee the caller may see: rows grouped by competence (teachers)
//! or by goal (pupils), their progress, the template a plan starts from, and its history.

use leptos::prelude::*;

use super::{may_change, Desk, Editing};
use crate::api::pairs::{delete_plan_row, save_plan_row, start_plan};
use crate::ui::widgets::{CheckField, SelectField, TextField};
use domain::i18n::tr;
use domain::models::{plans_by_competence, Competence, MenteeWork, MentoringForm, PlanRow, PlanRowInput, Versioned, Workspace};
use domain::FieldErrors;

#[component]
pub fn Plans(w: Workspace, desk: Desk) -> impl IntoView {
    let can_change = may_change(&w);
    let (programme_id, form, today) = (w.programme_id, w.form, w.today.clone());
    view! {
        {w.mentees.into_iter().map(|mentee| {
            let closed = mentee.completion.closed();
            view! { <MenteePlan mentee programme_id form today=today.clone() can_change=can_change && !closed desk/> }
        }).collect_view()}
    }
}

#[component]
fn MenteePlan(mentee: MenteeWork, programme_id: i64, form: MentoringForm, today: String, can_change: bool, desk: Desk) -> impl IntoView {
    let mentee_id = mentee.mentee_id;
    let start = Action::new(move |_: &()| async move { start_plan(programme_id, mentee_id).await });
    Effect::new(move |_| {
        if let Some(result) = start.value().get() {
            desk.done(result);
        }
    });
    let rows = StoredValue::new(mentee.rows.clone());
    // Groups in the order their first row appears.
    let mut groups: Vec<String> = Vec::new();
    for row in &mentee.rows {
        let label = row.item.group.label();
        if !groups.contains(&label) {
            groups.push(label);
        }
    }
    let progress = mentee.progress;
    view! {
        <section class="card plan" data-testid="plan">
            <h2>{tr::PLAN_OF} " " {mentee.name.clone()}</h2>
            <p data-testid="plan-progress">
                {tr::plan_progress(progress.done, progress.planned)}
                {(progress.overdue > 0).then(|| view! { " · " <span class="warn">{tr::overdue_rows(progress.overdue)}</span> })}
            </p>
            <progress max=progress.planned.max(1) value=progress.done aria-label=tr::PLAN_PROGRESS></progress>
            {(!mentee.plan_started).then(|| view! {
                <div class="template">
                    <p>{tr::PLAN_NOT_STARTED}</p>
                    {(!mentee.template.is_empty()).then(|| view! {
                        <p class="muted">{tr::PLAN_TEMPLATE_FROM}</p>
                        <ul>{mentee.template.iter().map(|row| view! { <li>{template_group(&row.group, form)} ": " {row.deficit.clone()}</li> }).collect_view()}</ul>
                    })}
                    {can_change.then(|| view! {
                        <button type="button" class="button primary" on:click=move |_| { start.dispatch(()); }>{tr::PLAN_START}</button>
                    })}
                </div>
            })}
            {groups.into_iter().map(|group| {
                let today = today.clone();
                view! {
                    <h3>{group.clone()}</h3>
                    <ul class="plan-rows">
                        {rows.with_value(|rows| rows.iter().filter(|r| r.item.group.label() == group).cloned().collect::<Vec<_>>()).into_iter()
                            .map(|row| view! { <PlanRowCard row mentee_id today=today.clone() can_change desk/> }).collect_view()}
                    </ul>
                }
            }).collect_view()}
            {move || match desk.editing.get() {
                Some(Editing::PlanRow { mentee_id: editing, id }) if editing == mentee_id => {
                    let record = id.and_then(|id| rows.with_value(|rows| rows.iter().find(|r| r.id == id).cloned()));
                    Some(view! { <PlanRowEditor programme_id mentee_id form record desk/> })
                }
                _ => None,
            }}
            {can_change.then(|| view! {
                <button type="button" class="button secondary" on:click=move |_| desk.editing.set(Some(Editing::PlanRow { mentee_id, id: None }))>{tr::PLAN_ADD_ROW}</button>
            })}
            {(!mentee.history.is_empty()).then(|| view! {
                <details class="history">
                    <summary>{tr::PLAN_HISTORY}</summary>
                    <ul>{mentee.history.iter().map(|(who, at, what)| view! {
                        <li><span class="muted">{crate::ui::session::time_zone().local_minutes(at)} " · " {who.clone()}</span> " — " {what.clone()}</li>
                    }).collect_view()}</ul>
                </details>
            })}
        </section>
    }
}

fn template_group(group: &str, form: MentoringForm) -> String {
    if plans_by_competence(form) {
        Competence::from_code(group).map_or_else(|| group.to_owned(), |c| tr::competence(c).to_owned())
    } else {
        group.to_owned()
    }
}

#[component]
fn PlanRowCard(row: Versioned<PlanRow>, mentee_id: i64, today: String, can_change: bool, desk: Desk) -> impl IntoView {
    let item = &row.item;
    let overdue = item.done.is_none() && item.deadline < today;
    let (id, version) = (row.id, row.version);
    let remove = Action::new(move |_: &()| async move { delete_plan_row(id, version).await });
    Effect::new(move |_| {
        if let Some(result) = remove.value().get() {
            desk.done(result);
        }
    });
    view! {
        <li class="card plan-row" class:done=item.done.is_some() class:overdue=overdue data-testid="plan-row">
            <p><strong>{item.deficit.clone()}</strong></p>
            <p>{item.activities.clone()}</p>
            <p class="muted">{tr::DEADLINE} ": " {tr::date(&item.deadline)}
                {(!item.expected.is_empty()).then(|| view! { " · " {tr::EXPECTED} ": " {item.expected.clone()} })}</p>
            <p class="state">{match &item.done {
                Some((on, note)) => format!("{} {}{}", tr::DONE_ON, tr::date(on), if note.is_empty() { String::new() } else { format!(" — {note}") }),
                None if overdue => tr::ROW_OVERDUE.to_owned(),
                None => tr::ROW_IN_WORK.to_owned(),
            }}</p>
            {can_change.then(|| view! {
                <div class="actions">
                    <button type="button" class="button secondary" on:click=move |_| desk.editing.set(Some(Editing::PlanRow { mentee_id, id: Some(id) }))>{tr::EDIT}</button>
                    <button type="button" class="button danger" on:click=move |_| {
                        if window().confirm_with_message(tr::CONFIRM_DELETE_ROW).unwrap_or(false) { remove.dispatch(()); }
                    }>{tr::DELETE}</button>
                </div>
            })}
        </li>
    }
}

#[component]
fn PlanRowEditor(programme_id: i64, mentee_id: i64, form: MentoringForm, record: Option<Versioned<PlanRow>>, desk: Desk) -> impl IntoView {
    let key = format!("plan.{programme_id}.{mentee_id}.{}", record.as_ref().map_or("new".to_owned(), |r| r.id.to_string()));
    let (input, had_draft) = crate::ui::drafts::drafted(&key, || record.as_ref().map(|r| r.item.to_input()).unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::new());
    let (row_id, base_version) = (record.as_ref().map(|r| r.id), record.as_ref().map_or(0, |r| r.version));
    let save = super::save_action(desk, errors, key.clone(), move |typed| save_plan_row(programme_id, mentee_id, row_id, base_version, typed));
    let key = StoredValue::new(key);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = input.get_untracked();
        match PlanRow::parse(&typed, form) {
            Ok(_) => {
                save.dispatch(typed);
            }
            Err(found) => errors.set(found),
        }
    };
    let cancel = move |_| {
        crate::ui::drafts::forget(&key.get_value());
        desk.editing.set(None);
    };
    let group_field = if plans_by_competence(form) {
        let options: Vec<(&'static str, &'static str)> = Competence::ALL.iter().map(|c| (c.code(), tr::competence(*c))).collect();
        view! { <SelectField label=tr::F_COMPETENCE name="group" form=input field=|f: &mut PlanRowInput| &mut f.group errors options/> }.into_any()
    } else {
        view! { <TextField label=tr::F_GOAL name="group" form=input field=|f: &mut PlanRowInput| &mut f.group errors/> }.into_any()
    };
    view! {
        <form class="card editor" on:submit=submit data-testid="plan-editor" novalidate>
            <h3>{if row_id.is_some() { tr::PLAN_EDIT_ROW } else { tr::PLAN_ADD_ROW }}</h3>
            {had_draft.then(|| view! { <p class="notice">{tr::DRAFT_RESTORED}</p> })}
            {group_field}
            <TextField label=tr::F_DEFICIT name="deficit" form=input field=|f: &mut PlanRowInput| &mut f.deficit errors multiline=true/>
            <TextField label=tr::F_ACTIVITIES name="activities" form=input field=|f: &mut PlanRowInput| &mut f.activities errors multiline=true/>
            <TextField label=tr::DEADLINE name="deadline" form=input field=|f: &mut PlanRowInput| &mut f.deadline errors date=true/>
            <TextField label=tr::EXPECTED name="expected" form=input field=|f: &mut PlanRowInput| &mut f.expected errors multiline=true/>
            <CheckField label=tr::F_ROW_DONE name="row_done" form=input field=|f: &mut PlanRowInput| &mut f.done/>
            <Show when=move || input.with(|f| f.done)>
                <TextField label=tr::F_DONE_ON name="done_on" form=input field=|f: &mut PlanRowInput| &mut f.done_on errors date=true/>
                <TextField label=tr::F_DONE_NOTE name="note" form=input field=|f: &mut PlanRowInput| &mut f.note errors/>
            </Show>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || save.pending().get()>{tr::SAVE}</button>
                <button type="button" class="button secondary" on:click=cancel>{tr::CANCEL}</button>
            </div>
        </form>
    }
}
