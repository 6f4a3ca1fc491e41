//! A school's programmes and a programme's seven stages.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::programmes::{get_programme, list_programmes, SetStageStatus};
use domain::i18n::tr;
use domain::models::*;

const READERS: &[UserRole] = &[UserRole::Curator, UserRole::Methodologist];

#[component]
pub fn ProgrammesPage() -> impl IntoView {
    let query = use_query_map();
    let organisation_id = move || query.with(|q| q.get("org").and_then(|v| v.parse::<i64>().ok()));
    let programmes = Resource::new(organisation_id, list_programmes);
    view! {
        <super::page::Loaded roles=READERS resource=programmes view=move |list| view! {
            <h1>{tr::PROGRAMMES_TITLE}</h1>
            <ul class="cards">
                {list.into_iter().map(|p| view! {
                    <li class="card">
                        <A href=format!("/programmes/{}", p.id)><strong>{p.title.clone()}</strong></A>
                        <p class="muted">{tr::form(p.form)} " · " {tr::date(&p.starts_on)} " — " {tr::date(&p.ends_on)}</p>
                    </li>
                }).collect_view()}
            </ul>
        }/>
    }
}

#[component]
pub fn ProgrammePage() -> impl IntoView {
    let set_stage = ServerAction::<SetStageStatus>::new();
    let detail = super::page::route_resource(move || set_stage.version().get() as u64, get_programme);
    view! {
        <super::page::Loaded roles=READERS resource=detail
            view=move |page| view! { <ProgrammeView detail=page.detail can_edit=page.can_edit set_stage/> }/>
    }
}

#[component]
fn ProgrammeView(detail: ProgrammeDetail, can_edit: bool, set_stage: ServerAction<SetStageStatus>) -> impl IntoView {
    let programme_id = detail.programme.id;
    let p = detail.programme;
    view! {
        <div class="toolbar">
            <h1 class="grow">{p.title.clone()}</h1>
            <A href=format!("/programmes/{programme_id}/board") attr:class="button primary">{tr::BOARD_OPEN}</A>
            <A href=format!("/programmes/{programme_id}/order") attr:class="button secondary">{tr::BOARD_ORDER}</A>
            <A href=format!("/programmes/{programme_id}/surveys") attr:class="button secondary">{tr::SV_WAVES_TITLE}</A>
            <A href=format!("/programmes/{programme_id}/swot") attr:class="button secondary">{tr::SWOT_TITLE}</A>
        </div>
        <p class="muted">{detail.organisation_name}</p>
        <dl class="facts">
            <dt>{tr::PROGRAMME_FORM}</dt><dd>{tr::form(p.form)}</dd>
            <dt>{tr::PROGRAMME_VARIANTS}</dt>
            <dd>{p.variants.iter().map(|v| view! { <span class="chip">{tr::variant(*v)}</span> }).collect_view()}</dd>
            <dt>{tr::PROGRAMME_PERIOD}</dt><dd>{tr::date(&p.starts_on)} " — " {tr::date(&p.ends_on)}</dd>
            <dt>{tr::COUNTS}</dt>
            <dd>{tr::MENTORS} ": " {detail.mentors} " · " {tr::MENTEES} ": " {detail.mentees} " · " {tr::PAIRS} ": " {detail.pairs}</dd>
        </dl>
        <h2>{tr::PROGRAMME_STAGES}</h2>
        <ol class="stages">
            {detail.stages.into_iter().map(|s| {
                let stage = s.stage;
                view! {
                    <li class=format!("stage {}", s.status.code()) data-testid="stage">
                        <span class="stage-name">{tr::stage(stage)}</span>
                        <span class="stage-date">{s.date.as_deref().map(tr::date).unwrap_or_default()}</span>
                        {if can_edit {
                            view! {
                                <select aria-label=format!("{} — {}", tr::STAGE_STATUS, tr::stage(stage))
                                    on:change=move |ev| {
                                        if let Some(status) = StageStatus::from_code(&event_target_value(&ev)) {
                                            set_stage.dispatch(SetStageStatus { programme_id, stage, status });
                                        }
                                    }>
                                    {StageStatus::ALL.iter().map(|st| view! {
                                        <option value=st.code() selected=*st == s.status>{tr::stage_status(*st)}</option>
                                    }).collect_view()}
                                </select>
                            }.into_any()
                        } else {
                            view! { <span class="badge">{tr::stage_status(s.status)}</span> }.into_any()
                        }}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
