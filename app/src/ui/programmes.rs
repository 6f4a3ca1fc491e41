//! A school's programmes and a programme's seven stages.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::programmes::{create_programme, get_programme, list_programmes, SetStageStatus};
use crate::error::AppError;
use domain::FieldErrors;
use domain::i18n::tr;
use domain::models::*;

const READERS: &[UserRole] = &[UserRole::Curator, UserRole::Methodologist];

#[component]
pub fn ProgrammesPage() -> impl IntoView {
    let query = use_query_map();
    let organisation_id = move || query.with(|q| q.get("org").and_then(|v| v.parse::<i64>().ok()));
    let create = Action::new(|input: &ProgrammeInput| create_programme(input.clone()));
    let programmes = Resource::new(move || (organisation_id(), create.version().get()), |(org, _)| list_programmes(org));
    let session = super::use_session();
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
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                matches!(session.user.await, Ok(Some(ref u)) if u.role == UserRole::Curator).then(|| view! { <NewProgramme create/> })
            })}
        </Transition>
    }
}

#[component]
pub fn ProgrammePage() -> impl IntoView {
    let set_stage = ServerAction::<SetStageStatus>::new();
    let detail = super::page::route_resource(move || set_stage.version().get() as u64, get_programme);
    view! {
        <super::page::Loaded roles=READERS resource=detail
            view=move |page| view! { <ProgrammeView detail=page.detail can_edit=page.can_edit archived_on=page.archived_on set_stage/> }/>
    }
}

#[component]
fn ProgrammeView(detail: ProgrammeDetail, can_edit: bool, archived_on: Option<String>, set_stage: ServerAction<SetStageStatus>) -> impl IntoView {
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
        {archived_on.map(|day| view! { <super::page::Notice text=tr::programme_archived(&day) testid="archived"/> })}
        {can_edit.then(|| view! { <ArchiveButton programme_id/> })}
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

/// The curator's form for a new programme: title, form, the form's variants, period. A created
/// programme opens at once.
#[component]
fn NewProgramme(create: Action<ProgrammeInput, Result<i64, AppError>>) -> impl IntoView {
    let form = RwSignal::new(ProgrammeInput::default());
    let errors = RwSignal::new(FieldErrors::new());
    let open = RwSignal::new(false);
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            navigate(&format!("/programmes/{id}"), Default::default());
        }
    });
    let general = super::widgets::told_where_it_belongs(create, errors);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = form.get_untracked();
        match input.parse(0) {
            Err(found) => errors.set(found),
            Ok(_) => {
                create.dispatch(input);
            }
        }
    };
    let chosen_form = move || form.with(|f| MentoringForm::from_code(&f.form));
    let error = move |field: &'static str| move || errors.with(|e| e.get(field).cloned());
    view! {
        <Show when=move || open.get() fallback=move || view! {
            <p class="toolbar"><button type="button" class="button primary" on:click=move |_| open.set(true)>{tr::PROGRAMME_NEW}</button></p>
        }>
            <form class="card form-grid" on:submit=submit novalidate>
                <h2 class="span-all">{tr::PROGRAMME_NEW}</h2>
                <super::widgets::TextField label=tr::PROGRAMME_NAME name="title" form field=|i| &mut i.title errors/>
                <super::widgets::SelectField label=tr::PROGRAMME_FORM name="form" form field=|i| &mut i.form errors
                    options=MentoringForm::ALL.iter().map(|f| (f.code(), tr::form(*f))).collect()/>
                <fieldset class="field span-all" class:invalid=move || errors.with(|e| e.contains_key("variants"))>
                    <legend>{tr::PROGRAMME_VARIANTS}</legend>
                    {move || chosen_form().map(|chosen| chosen.variants().map(|variant| {
                        let code = variant.code().to_owned();
                        let toggled = code.clone();
                        view! {
                            <label class="inline check">
                                <input type="checkbox" prop:checked=move || form.with(|f| f.variants.contains(&code))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        form.update(|f| {
                                            f.variants.retain(|v| v != &toggled);
                                            if on { f.variants.push(toggled.clone()); }
                                        });
                                        errors.update(|e| { e.remove("variants"); });
                                    }/>
                                {tr::variant(variant)}
                            </label>
                        }
                    }).collect_view())}
                    <p class="field-error" role="alert">{error("variants")}</p>
                </fieldset>
                <div class="field" class:invalid=move || errors.with(|e| e.contains_key("starts_on"))>
                    <label for="f-starts_on">{tr::PROGRAMME_STARTS}</label>
                    <input id="f-starts_on" type="date" prop:value=move || form.with(|f| f.starts_on.clone())
                        on:input=move |ev| form.update(|f| f.starts_on = event_target_value(&ev))/>
                    <p class="field-error" role="alert">{error("starts_on")}</p>
                </div>
                <div class="field" class:invalid=move || errors.with(|e| e.contains_key("ends_on"))>
                    <label for="f-ends_on">{tr::PROGRAMME_ENDS}</label>
                    <input id="f-ends_on" type="date" prop:value=move || form.with(|f| f.ends_on.clone())
                        on:input=move |ev| form.update(|f| f.ends_on = event_target_value(&ev))/>
                    <p class="field-error" role="alert">{error("ends_on")}</p>
                </div>
                <div class="actions span-all">
                    {move || general().map(|text| view! { <super::page::Notice error=true text/> })}
                    <button type="submit" class="button primary" disabled=move || create.pending().get()>{tr::PROGRAMME_CREATE}</button>
                    <button type="button" class="button secondary" on:click=move |_| open.set(false)>{tr::CANCEL}</button>
                </div>
            </form>
        </Show>
    }
}

/// «Перенести в архив», after the browser's confirmation; the page then shows the programme
/// read-only.
#[component]
fn ArchiveButton(programme_id: i64) -> impl IntoView {
    let archive = Action::new(move |_: &()| crate::api::programmes::archive_programme(programme_id));
    Effect::new(move |_| {
        if let Some(Ok(())) = archive.value().get() {
            let _ = window().location().reload();
        }
    });
    view! {
        <p class="toolbar">
            <button type="button" class="button secondary" disabled=move || archive.pending().get()
                on:click=move |_| {
                    if window().confirm_with_message(tr::PROGRAMME_ARCHIVE_CONFIRM).unwrap_or(false) {
                        archive.dispatch(());
                    }
                }>{tr::PROGRAMME_ARCHIVE}</button>
            {move || archive.value().get().and_then(Result::err).map(|e| view! { <super::page::Notice error=true text=e.to_string()/> })}
        </p>
    }
}
