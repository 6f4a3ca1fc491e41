//! Stage 7 for a pair: each mentee's result and decision (the curator's), the mentor's отзыв
//! (printable for the personal file), and the letters of thanks (one per printed page).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{workspace_resource, Desk};
use crate::api::pairs::{save_outcome, save_review, thanks_letters};
use crate::ui::widgets::{SelectField, TextField};
use domain::i18n::tr;
use domain::models::{Decision, MenteeWork, Outcome, OutcomeInput, PairStatus, UserRole, WorkRole, Workspace};
use domain::FieldErrors;

#[component]
pub fn Completion(w: Workspace, desk: Desk) -> impl IntoView {
    let (programme_id, mentor_id, role, today) = (w.programme_id, w.mentor_id, w.role, w.today.clone());
    let at_work = w.status != PairStatus::Draft && !w.archived;
    view! {
        {w.mentees.into_iter().map(|mentee| view! {
            <MenteeCompletion mentee programme_id mentor_id role today=today.clone() at_work desk/>
        }).collect_view()}
    }
}

#[component]
fn MenteeCompletion(mentee: MenteeWork, programme_id: i64, mentor_id: i64, role: WorkRole, today: String, at_work: bool, desk: Desk) -> impl IntoView {
    let mentee_id = mentee.mentee_id;
    let completion = mentee.completion.clone();
    let review_href = format!("/pairs/{programme_id}/{mentor_id}/review/{mentee_id}");
    view! {
        <section class="card completion" data-testid="completion">
            <h2>{mentee.name.clone()}</h2>
            {match &completion.outcome {
                Some(outcome) => view! { <OutcomeView outcome=outcome.clone() decided_on=completion.decided_on.clone().unwrap_or_default()/> }.into_any(),
                None => view! { <p class="muted">{tr::NO_OUTCOME_YET}</p> }.into_any(),
            }}
            {(role == WorkRole::Curator && at_work).then(|| view! {
                <OutcomeForm programme_id mentee_id initial=completion.outcome.as_ref().map(Outcome::to_input) today=today.clone() desk/>
            })}
            <h3>{tr::REVIEW_TITLE}</h3>
            {(!completion.review.is_empty()).then(|| view! {
                <p class="review-text">{completion.review.clone()}</p>
                <a class="button secondary" href=review_href.clone()>{tr::REVIEW_PRINT}</a>
            })}
            {(role != WorkRole::Mentee && at_work).then(|| view! {
                <ReviewForm programme_id mentee_id initial=completion.review.clone() desk/>
            })}
            {(completion.review.is_empty() && role == WorkRole::Mentee).then(|| view! { <p class="muted">{tr::NO_REVIEW_YET}</p> })}
        </section>
    }
}

#[component]
fn OutcomeView(outcome: Outcome, decided_on: String) -> impl IntoView {
    let part = |label: &'static str, text: String| (!text.is_empty()).then(|| view! { <dt>{label}</dt><dd>{text}</dd> });
    view! {
        <dl class="facts" data-testid="outcome">
            <dt>{tr::F_DECISION}</dt>
            <dd>{tr::decision(outcome.decision)} {outcome.extended_to.as_deref().map(|to| format!(" {} {}", tr::UNTIL, tr::date(to)))} " · " {tr::date(&decided_on)}</dd>
            {part(tr::F_REASON, outcome.reason)}
            {part(tr::F_GOALS_REACHED, outcome.goals_reached)}
            {part(tr::F_CHANGES, outcome.changes)}
            {part(tr::F_RECOMMENDATIONS, outcome.recommendations)}
        </dl>
    }
}

#[component]
fn OutcomeForm(programme_id: i64, mentee_id: i64, initial: Option<OutcomeInput>, today: String, desk: Desk) -> impl IntoView {
    let key = format!("outcome.{programme_id}.{mentee_id}");
    let (input, _) = crate::ui::drafts::drafted(&key, || initial.unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::new());
    let save = super::save_action(desk, errors, key, move |typed| save_outcome(programme_id, mentee_id, typed));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = input.get_untracked();
        match Outcome::parse(&typed, &today) {
            Ok(_) => {
                save.dispatch(typed);
            }
            Err(found) => errors.set(found),
        }
    };
    let decisions: Vec<(&'static str, &'static str)> = Decision::ALL.iter().map(|d| (d.code(), tr::decision_verb(*d))).collect();
    view! {
        <form class="editor" on:submit=submit data-testid="outcome-form" novalidate>
            <h3>{tr::OUTCOME_TITLE}</h3>
            <SelectField label=tr::F_DECISION name="decision" form=input field=|f: &mut OutcomeInput| &mut f.decision errors options=decisions/>
            <Show when=move || input.with(|f| f.decision == Decision::Extended.code())>
                <TextField label=tr::F_EXTENDED_TO name="extended_to" form=input field=|f: &mut OutcomeInput| &mut f.extended_to errors date=true/>
            </Show>
            <Show when=move || input.with(|f| f.decision == Decision::EndedEarly.code())>
                <TextField label=tr::F_REASON name="reason" form=input field=|f: &mut OutcomeInput| &mut f.reason errors multiline=true/>
            </Show>
            <TextField label=tr::F_GOALS_REACHED name="goals_reached" form=input field=|f: &mut OutcomeInput| &mut f.goals_reached errors multiline=true/>
            <TextField label=tr::F_CHANGES name="changes" form=input field=|f: &mut OutcomeInput| &mut f.changes errors multiline=true/>
            <TextField label=tr::F_RECOMMENDATIONS name="recommendations" form=input field=|f: &mut OutcomeInput| &mut f.recommendations errors multiline=true/>
            <button type="submit" class="button primary" disabled=move || save.pending().get()>{tr::OUTCOME_SAVE}</button>
        </form>
    }
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct ReviewInput {
    review: String,
}

#[component]
fn ReviewForm(programme_id: i64, mentee_id: i64, initial: String, desk: Desk) -> impl IntoView {
    let key = format!("review.{programme_id}.{mentee_id}");
    let (input, _) = crate::ui::drafts::drafted(&key, || ReviewInput { review: initial });
    let errors = RwSignal::new(FieldErrors::new());
    let save = super::save_action(desk, errors, key, move |typed: ReviewInput| save_review(programme_id, mentee_id, typed.review));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = input.get_untracked();
        match domain::models::parse_review(&typed.review) {
            Ok(_) => {
                save.dispatch(typed);
            }
            Err(found) => errors.set(found),
        }
    };
    view! {
        <form class="editor" on:submit=submit data-testid="review-form" novalidate>
            <TextField label=tr::F_REVIEW name="review" form=input field=|f: &mut ReviewInput| &mut f.review errors multiline=true hint=tr::REVIEW_HINT/>
            <button type="submit" class="button primary" disabled=move || save.pending().get()>{tr::REVIEW_SAVE}</button>
        </form>
    }
}

/// `/pairs/:programme/:mentor/review/:mentee`: the mentor's отзыв as a page to print for the
/// mentee's personal file.
#[component]
pub fn ReviewPrintPage() -> impl IntoView {
    let version = RwSignal::new(0);
    let workspace = workspace_resource(version);
    let params = use_params_map();
    let mentee = move || params.with(|p| p.get("mentee").and_then(|v| v.parse::<i64>().ok()));
    let draw = move |w: Workspace| {
            let found = w.mentees.iter().find(|m| Some(m.mentee_id) == mentee()).cloned();
            match found {
                Some(m) if !m.completion.review.is_empty() => view! {
                    <div class="no-print actions">
                        <button type="button" class="button primary" on:click=|_| { let _ = window().print(); }>{tr::PRINT_OR_PDF}</button>
                    </div>
                    <article class="document review-document" data-testid="review-document">
                        <h1>{tr::REVIEW_DOCUMENT_TITLE}</h1>
                        <p>{tr::review_about(&m.name, &w.mentor_name, &w.programme_title)}</p>
                        <p class="review-text">{m.completion.review.clone()}</p>
                        <p class="signature">{tr::MENTOR} " ____________ " {w.mentor_name.clone()}</p>
                        <p>{tr::date(&w.today)}</p>
                    </article>
                }.into_any(),
                _ => view! { <crate::ui::page::ErrorPage error=crate::error::AppError::NotFound/> }.into_any(),
            }
    };
    view! { <crate::ui::page::Loaded roles=&[UserRole::Mentor, UserRole::Mentee, UserRole::Curator] resource=workspace view=draw/> }
}

/// `/programmes/:id/thanks`: the chosen mentors' letters of thanks, one per printed page.
#[component]
pub fn ThanksLettersPage() -> impl IntoView {
    let letters = crate::ui::page::route_resource(|| 0, thanks_letters);
    let id = crate::ui::route_id();
    let draw = move |letters: Vec<domain::models::LetterOfThanks>| view! {
            <div class="no-print">
                <h1>{tr::THANKS_LETTERS}</h1>
                {if letters.is_empty() {
                    view! { <p class="notice">{tr::THANKS_NONE_CHOSEN}</p> }.into_any()
                } else {
                    view! {
                        <div class="actions">
                            <button type="button" class="button primary" on:click=|_| { let _ = window().print(); }>{tr::PRINT_OR_PDF}</button>
                            <a class="button secondary" href=format!("/export/thanks/{}.docx", id().unwrap_or_default()) download>{tr::DOWNLOAD_DOCX}</a>
                        </div>
                    }.into_any()
                }}
            </div>
            {letters.into_iter().map(|letter| view! {
                <article class="document letter" data-testid="letter">
                    <p class="letter-school">{letter.school.clone()}</p>
                    <h2 class="letter-title">{tr::THANKS_TITLE}</h2>
                    <p class="letter-mentor">{letter.mentor.clone()}</p>
                    <p class="letter-salutation">{letter.salutation.clone()}</p>
                    <p>{letter.body.clone()}</p>
                    <p class="signature">{letter.head_position.clone()} " ____________ " {letter.head_name.clone()}</p>
                    <p>{tr::date(&letter.date)}</p>
                </article>
            }).collect_view()}
    };
    view! { <crate::ui::page::Loaded roles=&[UserRole::Curator] resource=letters view=draw/> }
}
