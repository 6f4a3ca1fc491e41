//! The participant base: search, filters, the list, exports.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::session::RequireRole;
use crate::api::participants::list_participants;
use domain::i18n::tr;
use domain::models::*;

#[component]
pub fn ParticipantsPage() -> impl IntoView {
    let query = use_query_map();
    let organisation_id = move || query.with(|q| q.get("org").and_then(|v| v.parse::<i64>().ok()));
    let search = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let subject = RwSignal::new(String::new());
    let filter = move || ParticipantFilter {
        search: search.get(),
        role: ParticipantRole::from_code(&role.get()),
        kind: ParticipantKind::from_code(&kind.get()),
        subject: subject.get(),
    };
    let page = Resource::new(move || (organisation_id(), filter()), |(org, f)| list_participants(org, f));
    let export_href = move |format: &str| match organisation_id() {
        Some(org) => format!("/export/participants.{format}?org={org}"),
        None => format!("/export/participants.{format}"),
    };

    // The resource is created here, outside the role guard's suspense, so the server and the
    // browser create it in the same order (hydration matches resources by creation order).
    view! {
        <RequireRole roles=&[UserRole::Curator, UserRole::Methodologist]>
        <h1>{tr::PARTICIPANTS_TITLE}</h1>
        <div class="toolbar">
            <input type="search" class="grow" placeholder=tr::SEARCH_PLACEHOLDER aria-label=tr::SEARCH_PLACEHOLDER
                prop:value=search on:input=move |ev| search.set(event_target_value(&ev))/>
            <label class="inline">{tr::FILTER_ROLE}
                <select aria-label=tr::FILTER_ROLE on:change=move |ev| role.set(event_target_value(&ev))>
                    <option value="">{tr::ALL}</option>
                    {ParticipantRole::ALL.iter().map(|r| view! { <option value=r.code()>{tr::participant_role(*r)}</option> }).collect_view()}
                </select>
            </label>
            <label class="inline">{tr::FILTER_KIND}
                <select aria-label=tr::FILTER_KIND on:change=move |ev| kind.set(event_target_value(&ev))>
                    <option value="">{tr::ALL}</option>
                    {ParticipantKind::ALL.iter().map(|k| view! { <option value=k.code()>{tr::participant_kind(*k)}</option> }).collect_view()}
                </select>
            </label>
            <input type="search" placeholder=tr::FILTER_SUBJECT aria-label=tr::FILTER_SUBJECT
                prop:value=subject on:input=move |ev| subject.set(event_target_value(&ev))/>
        </div>
        <crate::ui::page::Fetched resource=page view=move |page| view! {
            <div class="toolbar">
                <p class="muted grow">{page.organisation.name.clone()} " · " {tr::FOUND} ": "
                    <strong data-testid="count">{page.participants.len()}</strong></p>
                {page.can_edit.then(|| view! {
                    <A href="/participants/new" attr:class="button primary">{tr::ADD_PARTICIPANT}</A>
                    <A href="/import" attr:class="button secondary">{tr::NAV_IMPORT}</A>
                    <A href="/accounts" attr:class="button secondary">{tr::ACCESS_LINK}</A>
                })}
                <a class="button secondary" href=export_href("xlsx") rel="external" download>{tr::EXPORT_XLSX}</a>
                <a class="button secondary" href=export_href("csv") rel="external" download>{tr::EXPORT_CSV}</a>
            </div>
            <ParticipantTable participants=page.participants can_edit=page.can_edit/>
        }/>
        </RequireRole>
    }
}

#[component]
fn ParticipantTable(participants: Vec<Participant>, can_edit: bool) -> impl IntoView {
    if participants.is_empty() {
        return view! { <p class="notice">{tr::NOTHING_FOUND}</p> }.into_any();
    }
    view! {
        <crate::ui::widgets::Wide label=tr::PARTICIPANTS_TITLE>
        <table class="table">
            <thead><tr>
                <th>{tr::COL_NAME}</th><th>{tr::COL_ROLE}</th><th>{tr::COL_KIND}</th>
                <th>{tr::COL_DETAILS}</th><th>{tr::COL_CAPACITY}</th>
            </tr></thead>
            <tbody>
                {participants.into_iter().map(|p| {
                    let details = match (&p.data.grade, p.data.subjects.is_empty()) {
                        (Some(grade), _) => grade.clone(),
                        (None, false) => p.data.subjects.join(", "),
                        _ => tr::NOT_SET.into(),
                    };
                    let chips = p.data.requests.iter().chain(&p.data.deficits).take(3).cloned().collect::<Vec<_>>();
                    let name = p.full_name();
                    view! {
                        <tr data-testid="participant-row">
                            <td>{if can_edit {
                                view! { <A href=format!("/participants/{}", p.id)>{name}</A> }.into_any()
                            } else { name.into_any() }}
                                <div class="chips">{chips.into_iter().map(|c| view! { <span class="chip">{c}</span> }).collect_view()}</div>
                            </td>
                            <td>{tr::participant_role(p.data.role)}</td>
                            <td>{tr::participant_kind(p.data.kind)}</td>
                            <td>{details}</td>
                            <td>{p.data.capacity.map(|c| c.to_string()).unwrap_or_else(|| tr::NOT_SET.into())}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </crate::ui::widgets::Wide>
    }
    .into_any()
}
