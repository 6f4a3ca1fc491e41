//! The reflection diary: dated entries answering the methodology's three questions, private to
//! their author unless shared with the partner or the curator.

use leptos::prelude::*;

use super::{may_change, Desk, Editing};
use crate::api::pairs::{delete_diary_entry, save_diary_entry};
use crate::ui::widgets::{CheckField, TextField};
use domain::i18n::tr;
use domain::models::{DiaryInput, DiaryRecord, NewDiaryEntry, WorkRole, Workspace};
use domain::FieldErrors;

#[component]
pub fn Diary(w: Workspace, desk: Desk) -> impl IntoView {
    let writes = may_change(&w) && w.role != WorkRole::Curator;
    let me = w.me;
    let (programme_id, mentor_id, today) = (w.programme_id, w.mentor_id, w.today.clone());
    let entries = StoredValue::new(w.diary.clone());
    view! {
        <p class="muted">{if w.role == WorkRole::Curator { tr::DIARY_CURATOR_SEES } else { tr::DIARY_PRIVATE_HINT }}</p>
        {writes.then(|| view! {
            <button type="button" class="button primary" on:click=move |_| desk.editing.set(Some(Editing::Diary { id: None }))>{tr::DIARY_NEW}</button>
        })}
        {move || match desk.editing.get() {
            Some(Editing::Diary { id }) => {
                let record = id.and_then(|id| entries.with_value(|e| e.iter().find(|r| r.id == id).cloned()));
                Some(view! { <DiaryEditor programme_id mentor_id record today=today.clone() desk/> })
            }
            _ => None,
        }}
        {if w.diary.is_empty() {
            view! { <p class="muted">{tr::DIARY_EMPTY}</p> }.into_any()
        } else {
            view! {
                <ol class="diary" data-testid="diary">
                    {w.diary.into_iter().map(|record| {
                        let own = me == Some(record.author_id);
                        view! { <DiaryCard record can_change=writes && own desk/> }
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
    }
}

#[component]
fn DiaryCard(record: DiaryRecord, can_change: bool, desk: Desk) -> impl IntoView {
    let entry = &record.entry;
    let id = record.id;
    let remove = Action::new(move |_: &()| async move { delete_diary_entry(id).await });
    Effect::new(move |_| {
        if let Some(result) = remove.value().get() {
            desk.done(result);
        }
    });
    let shared = match (entry.share_partner, entry.share_curator) {
        (false, false) => tr::DIARY_SHARED_NOBODY,
        (true, false) => tr::DIARY_SHARED_PARTNER,
        (false, true) => tr::DIARY_SHARED_CURATOR,
        (true, true) => tr::DIARY_SHARED_BOTH,
    };
    let answer = |question: &'static str, text: &String| (!text.is_empty()).then(|| view! { <dt>{question}</dt><dd>{text.clone()}</dd> });
    view! {
        <li class="card diary-entry" data-testid="diary-entry">
            <p><strong>{tr::date(&entry.written_on)}</strong> " · " {record.author_name.clone()} " · " <span class="muted">{shared}</span></p>
            <dl>
                {answer(tr::DIARY_WENT_WELL, &entry.went_well)}
                {answer(tr::DIARY_WAS_HARD, &entry.was_hard)}
                {answer(tr::DIARY_NEXT, &entry.next_steps)}
            </dl>
            {can_change.then(|| view! {
                <div class="actions">
                    <button type="button" class="button secondary" on:click=move |_| desk.editing.set(Some(Editing::Diary { id: Some(id) }))>{tr::EDIT}</button>
                    <button type="button" class="button danger" on:click=move |_| {
                        if window().confirm_with_message(tr::CONFIRM_DELETE_ENTRY).unwrap_or(false) { remove.dispatch(()); }
                    }>{tr::DELETE}</button>
                </div>
            })}
        </li>
    }
}

#[component]
fn DiaryEditor(programme_id: i64, mentor_id: i64, record: Option<DiaryRecord>, today: String, desk: Desk) -> impl IntoView {
    let key = format!("diary.{programme_id}.{mentor_id}.{}", record.as_ref().map_or("new".to_owned(), |r| r.id.to_string()));
    let (input, had_draft) = crate::ui::drafts::drafted(&key, || {
        record.as_ref().map(|r| r.entry.to_input()).unwrap_or_else(|| DiaryInput { written_on: today, ..DiaryInput::default() })
    });
    let errors = RwSignal::new(FieldErrors::new());
    let entry_id = record.as_ref().map(|r| r.id);
    let save = super::save_action(desk, errors, key.clone(), move |typed| save_diary_entry(programme_id, mentor_id, entry_id, typed));
    let key = StoredValue::new(key);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = input.get_untracked();
        match NewDiaryEntry::parse(&typed) {
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
    view! {
        <form class="card editor" on:submit=submit data-testid="diary-editor" novalidate>
            <h2>{tr::DIARY_NEW}</h2>
            {had_draft.then(|| view! { <p class="notice">{tr::DRAFT_RESTORED}</p> })}
            <TextField label=tr::F_DATE name="written_on" form=input field=|f: &mut DiaryInput| &mut f.written_on errors date=true/>
            <TextField label=tr::DIARY_WENT_WELL name="went_well" form=input field=|f: &mut DiaryInput| &mut f.went_well errors multiline=true/>
            <TextField label=tr::DIARY_WAS_HARD name="was_hard" form=input field=|f: &mut DiaryInput| &mut f.was_hard errors multiline=true/>
            <TextField label=tr::DIARY_NEXT name="next_steps" form=input field=|f: &mut DiaryInput| &mut f.next_steps errors multiline=true/>
            <fieldset>
                <legend>{tr::DIARY_SHARE}</legend>
                <CheckField label=tr::DIARY_SHARE_PARTNER name="share_partner" form=input field=|f: &mut DiaryInput| &mut f.share_partner/>
                <CheckField label=tr::DIARY_SHARE_CURATOR name="share_curator" form=input field=|f: &mut DiaryInput| &mut f.share_curator/>
            </fieldset>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || save.pending().get()>{tr::SAVE}</button>
                <button type="button" class="button secondary" on:click=cancel>{tr::CANCEL}</button>
            </div>
        </form>
    }
}
