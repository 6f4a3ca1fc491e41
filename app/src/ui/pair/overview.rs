//! `/programmes/:id/pairs`: a programme's pairs at a glance for its curator (and the district's
//! coordinator, figures only) — plan rows done of planned, meetings held, the last meeting,
//! diary entries — with quiet and overdue pairs flagged first, and the letters of thanks.

use leptos::prelude::*;

use crate::api::pairs::{choose_for_thanks, programme_pairs};
use domain::i18n::tr;
use domain::models::{PairLine, PairsOverview, UserRole};

#[component]
pub fn PairsOverviewPage() -> impl IntoView {
    let version = RwSignal::new(0u64);
    let overview = crate::ui::page::route_resource(move || version.get(), programme_pairs);
    view! {
        <crate::ui::page::Loaded roles=&[UserRole::Curator, UserRole::Methodologist] resource=overview
            view=move |o| view! { <OverviewView o version/> }/>
    }
}

#[component]
fn OverviewView(o: PairsOverview, version: RwSignal<u64>) -> impl IntoView {
    let flagged = o.pairs.iter().filter(|p| p.flagged()).count();
    let programme_id = o.programme_id;
    let can_edit = o.can_edit;
    let is_curator = crate::ui::use_session().user.get().and_then(Result::ok).flatten().is_some_and(|u| u.role == UserRole::Curator);
    view! {
        <p><a href=format!("/programmes/{programme_id}")>{o.programme_title.clone()}</a></p>
        <h1>{tr::PAIRS_WORK_TITLE}</h1>
        <p data-testid="flagged-count">{tr::flagged_pairs(flagged, o.pairs.len())}</p>
        {is_curator.then(|| view! {
            <div class="actions">
                <a class="button secondary" href=format!("/programmes/{programme_id}/thanks")>{tr::THANKS_LETTERS}</a>
                <a class="button secondary" href=format!("/export/thanks/{programme_id}.docx") download>{tr::THANKS_DOCX}</a>
            </div>
        })}
        {if o.pairs.is_empty() {
            view! { <p class="notice">{tr::NO_PAIRS}</p> }.into_any()
        } else {
            view! {
                // Scrolls sideways on a narrow screen or in large type: reachable by keyboard.
                <div class="table-wrap" tabindex="0" role="region" aria-label=tr::PAIRS_WORK_TITLE>
                    <table class="pairs-overview" data-testid="pairs-overview">
                        <caption class="sr-only">{tr::PAIRS_WORK_TITLE}</caption>
                        <thead><tr>
                            <th scope="col">{tr::MENTOR}</th>
                            <th scope="col">{tr::MENTEES_COLUMN}</th>
                            <th scope="col">{tr::STATUS}</th>
                            <th scope="col">{tr::PLAN_PROGRESS}</th>
                            <th scope="col">{tr::MEETINGS_HELD}</th>
                            <th scope="col">{tr::LAST_MEETING}</th>
                            <th scope="col">{tr::DIARY_ENTRIES}</th>
                            <th scope="col">{tr::FLAGS}</th>
                            {can_edit.then(|| view! { <th scope="col">{tr::THANKS_CHOSEN}</th> })}
                        </tr></thead>
                        <tbody>
                            {o.pairs.into_iter().map(|line| view! { <PairRow line programme_id can_edit is_curator version/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}

#[component]
fn PairRow(line: PairLine, programme_id: i64, can_edit: bool, is_curator: bool, version: RwSignal<u64>) -> impl IntoView {
    let flagged = line.flagged();
    let mentor_id = line.mentor_id;
    let choose = Action::new(move |chosen: &bool| {
        let chosen = *chosen;
        async move { choose_for_thanks(programme_id, mentor_id, chosen).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = choose.value().get() {
            version.update(|v| *v += 1);
        }
    });
    let plan = line.figures.plan;
    let mut flags: Vec<String> = line.warnings.iter().map(tr::pair_warning).collect();
    if plan.overdue > 0 && line.status == domain::models::PairStatus::Fixed {
        flags.push(tr::overdue_rows(plan.overdue));
    }
    let mentor_label = line.mentor_name.clone();
    view! {
        <tr class:flagged=flagged data-testid="pair-line">
            <th scope="row">
                {if is_curator {
                    view! { <a href=crate::ui::me::pair_href(programme_id, mentor_id)>{mentor_label}</a> }.into_any()
                } else {
                    view! { <span>{mentor_label}</span> }.into_any()
                }}
            </th>
            <td>{line.mentees.iter().map(|(_, name)| name.clone()).collect::<Vec<_>>().join(", ")}</td>
            // A finished pair says so once; otherwise each mentee's decision taken so far.
            <td>{tr::pair_status(line.status)}
                {(line.status != domain::models::PairStatus::Finished).then(|| line.decisions.iter().filter_map(|(_, d)| *d).map(|d| format!(" · {}", tr::decision(d))).collect::<String>())}</td>
            <td>{tr::plan_progress(plan.done, plan.planned)}</td>
            <td>{line.figures.meetings_held}</td>
            <td>{line.figures.last_meeting.as_deref().map_or_else(|| "—".to_owned(), tr::date)}</td>
            <td>{line.figures.diary_entries}</td>
            <td class="warn">{flags.join("; ")}</td>
            {can_edit.then(|| view! {
                <td>
                    <label class="check">
                        <input type="checkbox" prop:checked=line.thanked on:change=move |ev| { choose.dispatch(event_target_checked(&ev)); }/>
                        <span class="sr-only">{tr::thanks_for(&line.mentor_name)}</span>
                    </label>
                </td>
            })}
        </tr>
    }
}
