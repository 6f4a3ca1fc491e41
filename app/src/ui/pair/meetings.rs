//! The pair's meetings: the cycle still ahead, the calendar (planned, held, overdue), and the
//! editor that plans a meeting or records one held.

use leptos::prelude::*;

use super::{may_change, Desk, Editing};
use crate::api::pairs::{delete_meeting, save_meeting};
use crate::ui::widgets::{CheckField, SelectField, TextField};
use domain::i18n::tr;
use domain::models::{MeetingFormat, MeetingInput, MeetingKind, NewMeeting, Versioned, Workspace};
use domain::FieldErrors;

#[component]
pub fn Meetings(w: Workspace, desk: Desk) -> impl IntoView {
    let can_change = may_change(&w);
    let today = w.today.clone();
    let ahead = w.cycle_ahead.clone();
    let w = StoredValue::new(w);
    view! {
        <section class="card" data-testid="cycle-ahead">
            <h2>{tr::CYCLE_AHEAD}</h2>
            {if ahead.is_empty() {
                view! { <p>{tr::CYCLE_DONE}</p> }.into_any()
            } else {
                view! { <ol class="chips">{ahead.into_iter().map(|k| view! { <li class="chip">{tr::meeting_kind(k)}</li> }).collect_view()}</ol> }.into_any()
            }}
        </section>
        {can_change.then(|| view! {
            <div class="actions">
                <button type="button" class="button primary" on:click=move |_| desk.editing.set(Some(Editing::Meeting { id: None, held: false }))>{tr::PLAN_MEETING}</button>
                <button type="button" class="button secondary" on:click=move |_| desk.editing.set(Some(Editing::Meeting { id: None, held: true }))>{tr::RECORD_MEETING}</button>
            </div>
        })}
        {move || match desk.editing.get() {
            Some(Editing::Meeting { id, held }) => {
                let record = id.and_then(|id| w.with_value(|w| w.meetings.iter().find(|m| m.id == id).cloned()));
                let (programme_id, mentor_id) = w.with_value(|w| (w.programme_id, w.mentor_id));
                Some(view! { <MeetingEditor programme_id mentor_id record held desk/> })
            }
            _ => None,
        }}
        <h2>{tr::PAIR_CALENDAR}</h2>
        {w.with_value(|w| {
            if w.meetings.is_empty() {
                view! { <p class="muted">{tr::NO_MEETINGS}</p> }.into_any()
            } else {
                view! {
                    <ol class="meetings" data-testid="meetings">
                        {w.meetings.iter().cloned().map(|m| view! { <MeetingCard m today=today.clone() can_change desk/> }).collect_view()}
                    </ol>
                }.into_any()
            }
        })}
    }
}

#[component]
fn MeetingCard(m: Versioned<NewMeeting>, today: String, can_change: bool, desk: Desk) -> impl IntoView {
    let meeting = &m.item;
    let overdue = !meeting.held && meeting.date < today;
    let state = if meeting.held { tr::MEETING_HELD } else if overdue { tr::MEETING_OVERDUE } else { tr::MEETING_PLANNED };
    let (id, version) = (m.id, m.version);
    let remove = Action::new(move |_: &()| async move { delete_meeting(id, version).await });
    Effect::new(move |_| {
        if let Some(result) = remove.value().get() {
            desk.done(result);
        }
    });
    view! {
        <li class="card meeting" class:held=meeting.held class:overdue=overdue data-testid="meeting">
            <p class="meeting-when"><strong>{tr::date(&meeting.date)}</strong> " · " {tr::meeting_format(meeting.format)} " · " {tr::minutes(meeting.minutes)}
                " · " <span class="state">{state}</span></p>
            <p class="muted">{tr::meeting_kind(meeting.kind)}</p>
            <h3>{meeting.topic.clone()}</h3>
            {(!meeting.done.is_empty()).then(|| view! { <p><strong>{tr::MEETING_DONE_LABEL} ": "</strong>{meeting.done.clone()}</p> })}
            {(!meeting.next_step.is_empty()).then(|| view! { <p><strong>{tr::MEETING_NEXT_LABEL} ": "</strong>{meeting.next_step.clone()}</p> })}
            {can_change.then(|| view! {
                <div class="actions">
                    {(!meeting.held).then(|| view! {
                        <button type="button" class="button primary" on:click=move |_| desk.editing.set(Some(Editing::Meeting { id: Some(id), held: true }))>{tr::MARK_HELD}</button>
                    })}
                    <button type="button" class="button secondary" on:click=move |_| desk.editing.set(Some(Editing::Meeting { id: Some(id), held: false }))>{tr::EDIT}</button>
                    <button type="button" class="button danger" on:click=move |_| {
                        if window().confirm_with_message(tr::CONFIRM_DELETE_MEETING).unwrap_or(false) { remove.dispatch(()); }
                    }>{tr::DELETE}</button>
                </div>
            })}
        </li>
    }
}

#[component]
fn MeetingEditor(programme_id: i64, mentor_id: i64, record: Option<Versioned<NewMeeting>>, held: bool, desk: Desk) -> impl IntoView {
    let key = format!("meeting.{programme_id}.{mentor_id}.{}", record.as_ref().map_or("new".to_owned(), |r| r.id.to_string()));
    let from_record = record.as_ref().map(|r| MeetingInput { held: held || r.item.held, ..r.item.to_input() });
    let fresh = MeetingInput { minutes: "45".into(), format: MeetingFormat::InPerson.code().into(), held, ..MeetingInput::default() };
    let (form, had_draft) = crate::ui::drafts::drafted(&key, || from_record.unwrap_or(fresh));
    let errors = RwSignal::new(FieldErrors::new());
    let (meeting_id, base_version) = (record.as_ref().map(|r| r.id), record.as_ref().map_or(0, |r| r.version));
    let save = super::save_action(desk, errors, key.clone(), move |input| save_meeting(programme_id, mentor_id, meeting_id, base_version, input));
    let key = StoredValue::new(key);
    let kinds: Vec<(&'static str, &'static str)> = MeetingKind::ALL.iter().map(|k| (k.code(), tr::meeting_kind(*k))).collect();
    let formats: Vec<(&'static str, &'static str)> = MeetingFormat::ALL.iter().map(|f| (f.code(), tr::meeting_format(*f))).collect();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = form.get_untracked();
        match NewMeeting::parse(&input) {
            Ok(_) => {
                save.dispatch(input);
            }
            Err(found) => errors.set(found),
        }
    };
    let cancel = move |_| {
        crate::ui::drafts::forget(&key.get_value());
        desk.editing.set(None);
    };
    view! {
        <form class="card editor" on:submit=submit data-testid="meeting-editor" novalidate>
            <h2>{move || if form.with(|f| f.held) { tr::RECORD_MEETING } else { tr::PLAN_MEETING }}</h2>
            {had_draft.then(|| view! { <p class="notice">{tr::DRAFT_RESTORED}</p> })}
            <SelectField label=tr::F_MEETING_KIND name="kind" form field=|f: &mut MeetingInput| &mut f.kind errors options=kinds/>
            <div class="row">
                <TextField label=tr::F_DATE name="date" form field=|f: &mut MeetingInput| &mut f.date errors date=true/>
                <TextField label=tr::F_MINUTES name="minutes" form field=|f: &mut MeetingInput| &mut f.minutes errors numeric=true/>
            </div>
            <SelectField label=tr::F_MEETING_FORMAT name="format" form field=|f: &mut MeetingInput| &mut f.format errors options=formats/>
            <TextField label=tr::F_TOPIC name="topic" form field=|f: &mut MeetingInput| &mut f.topic errors/>
            <CheckField label=tr::F_HELD name="held" form field=|f: &mut MeetingInput| &mut f.held/>
            <TextField label=tr::F_MEETING_DONE name="done" form field=|f: &mut MeetingInput| &mut f.done errors multiline=true/>
            <TextField label=tr::F_NEXT_STEP name="next_step" form field=|f: &mut MeetingInput| &mut f.next_step errors multiline=true/>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || save.pending().get()>{tr::SAVE}</button>
                <button type="button" class="button secondary" on:click=cancel>{tr::CANCEL}</button>
            </div>
        </form>
    }
}
