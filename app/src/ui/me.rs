//! A mentor's or mentee's home: themself, their reminders, and each pair with its next meeting,
//! its plan's progress and what is overdue.

use leptos::prelude::*;

use crate::api::participants::my_profile;
use domain::i18n::tr;
use domain::models::{PairAtHome, PairStatus, Reminder, UserRole};

#[component]
pub fn MePage() -> impl IntoView {
    let profile = Resource::new(|| (), |_| my_profile());
    view! { <crate::ui::page::Loaded roles=&[UserRole::Mentor, UserRole::Mentee] resource=profile view=|me| view! { <ProfileView me/> }/> }
}

/// The address of a pair's workspace.
pub fn pair_href(programme_id: i64, mentor_id: i64) -> String {
    format!("/pairs/{programme_id}/{mentor_id}")
}

#[component]
fn ProfileView(me: crate::api::participants::Profile) -> impl IntoView {
    let data = me.participant.data.clone();
    let reminders = me.reminders.clone();
    view! {
        <h1>{tr::ME_TITLE}</h1>
        <section class="card">
            <h2>{me.participant.full_name()}</h2>
            <p>{tr::participant_role(data.role)} " · " {tr::participant_kind(data.kind)}</p>
            <div class="chips">{data.subjects.iter().chain(&data.requests).map(|c| view! { <span class="chip">{c.clone()}</span> }).collect_view()}</div>
        </section>
        <section class="card" id="reminders" aria-labelledby="reminders-title" data-testid="reminders">
            <h2 id="reminders-title">{tr::REMINDERS} " " <span class="badge">{reminders.len()}</span></h2>
            {if reminders.is_empty() {
                view! { <p class="muted">{tr::NO_REMINDERS}</p> }.into_any()
            } else {
                view! { <ul class="reminders">{reminders.into_iter().map(|r| view! { <li>{reminder_view(r)}</li> }).collect_view()}</ul> }.into_any()
            }}
        </section>
        <h2>{tr::MY_PAIRS}</h2>
        {if me.pairs.is_empty() {
            view! { <p class="notice">{tr::NO_PAIRS}</p> }.into_any()
        } else {
            view! { <ul class="cards">{me.pairs.into_iter().map(|p| view! { <PairCard pair=p/> }).collect_view()}</ul> }.into_any()
        }}
    }
}

fn reminder_view(reminder: Reminder) -> impl IntoView {
    let (text, href) = match reminder {
        Reminder::MeetingSoon { programme_id, mentor_id, topic, date } => (tr::reminder_meeting_soon(&topic, &date), pair_href(programme_id, mentor_id)),
        Reminder::MeetingNotRecorded { programme_id, mentor_id, topic, date } => (tr::reminder_meeting_not_recorded(&topic, &date), pair_href(programme_id, mentor_id)),
        Reminder::PlanOverdue { programme_id, mentor_id, mentee, count } => (tr::reminder_plan_overdue(&mentee, count), pair_href(programme_id, mentor_id)),
        Reminder::Questionnaire { title, .. } => (tr::reminder_questionnaire(&title), "/surveys".to_owned()),
    };
    view! { <a href=href>{text}</a> }
}

#[component]
fn PairCard(pair: PairAtHome) -> impl IntoView {
    let href = pair_href(pair.programme_id, pair.mentor_id);
    let at_work = pair.status != PairStatus::Draft;
    view! {
        <li class="card pair-card">
            <strong>{pair.partners.join(", ")}</strong>
            // One person can mentor in one programme and be mentored in another.
            <p class="muted">
                {if pair.as_mentor { tr::ME_AS_MENTOR } else { tr::ME_AS_MENTEE }} " · " {pair.programme_title.clone()} " · "
                {tr::pair_status(pair.status)}
            </p>
            <dl class="facts">
                <dt>{tr::NEXT_MEETING}</dt>
                <dd>{pair.next_meeting.as_ref().map_or_else(|| tr::NONE_PLANNED.to_owned(), |m| format!("{} — {}", tr::date(&m.date), m.topic))}</dd>
                <dt>{tr::PLAN_PROGRESS}</dt>
                <dd>
                    {tr::plan_progress(pair.plan.done, pair.plan.planned)}
                    {(pair.plan.overdue > 0).then(|| view! { " · " <span class="warn">{tr::overdue_rows(pair.plan.overdue)}</span> })}
                </dd>
                {(pair.overdue_meetings > 0).then(|| view! {
                    <dt>{tr::MEETINGS_NOT_RECORDED}</dt><dd class="warn">{pair.overdue_meetings}</dd>
                })}
            </dl>
            {at_work.then(|| view! { <a class="button primary" href=href>{tr::OPEN_PAIR_WORK}</a> })}
        </li>
    }
}
