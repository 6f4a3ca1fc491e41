//! A school's programmes and a programme's seven stages.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::programmes::{create_programme, get_programme, list_programmes, SetStageStatus, UpdateProgramme};
use crate::error::AppError;
use domain::FieldErrors;
use domain::i18n::tr;
use domain::models::*;

const READERS: &[UserRole] = &[UserRole::Curator, UserRole::Methodologist];

/// A programme's changes as the page sends them.
type Changes = Action<UpdateProgramme, Result<(), AppError>>;

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
    let update: Changes = Action::new(|change: &UpdateProgramme| {
        let change = change.clone();
        crate::api::programmes::update_programme(change.programme_id, change.input, change.passport, change.period_reason)
    });
    let detail = super::page::route_resource(move || (set_stage.version().get() + update.version().get()) as u64, get_programme);
    view! {
        <super::page::Loaded roles=READERS resource=detail
            view=move |page| view! { <ProgrammeView detail=page.detail can_edit=page.can_edit archived_on=page.archived_on set_stage update/> }/>
    }
}

#[component]
fn ProgrammeView(
    detail: ProgrammeDetail,
    can_edit: bool,
    archived_on: Option<String>,
    set_stage: ServerAction<SetStageStatus>,
    update: Changes,
) -> impl IntoView {
    let programme_id = detail.programme.id;
    let p = detail.programme;
    let editing = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(())) = update.value().get() {
            editing.set(false);
        }
    });
    let edit_form = (p.clone(), detail.passport.clone(), detail.pairs);
    view! {
        <div class="toolbar">
            <h1 class="grow">{p.title.clone()}</h1>
            <A href=format!("/programmes/{programme_id}/board") attr:class="button primary">{tr::BOARD_OPEN}</A>
            <A href=format!("/programmes/{programme_id}/order") attr:class="button secondary">{tr::BOARD_ORDER}</A>
            <A href=format!("/programmes/{programme_id}/pairs") attr:class="button secondary">{tr::PAIRS_WORK_TITLE}</A>
            <A href=format!("/programmes/{programme_id}/final") attr:class="button secondary">{tr::FINAL_TITLE}</A>
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
        <PeriodChanges changes=detail.period_changes/>
        <PassportView passport=detail.passport/>
        {can_edit.then(|| {
            let (programme, passport, pairs) = edit_form;
            view! {
                <Show when=move || editing.get() fallback=move || view! {
                    <p class="toolbar"><button type="button" class="button secondary" on:click=move |_| editing.set(true)>{tr::PROGRAMME_EDIT}</button></p>
                }>
                    <EditProgramme programme=programme.clone() passport=passport.clone() pairs update editing/>
                </Show>
            }
        })}
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
    view! {
        <Show when=move || open.get() fallback=move || view! {
            <p class="toolbar"><button type="button" class="button primary" on:click=move |_| open.set(true)>{tr::PROGRAMME_NEW}</button></p>
        }>
            <form class="card form-grid" on:submit=submit novalidate>
                <h2 class="span-all">{tr::PROGRAMME_NEW}</h2>
                <ProgrammeFields form errors/>
                <div class="actions span-all">
                    {move || general().map(|text| view! { <super::page::Notice error=true text/> })}
                    <button type="submit" class="button primary" disabled=move || create.pending().get()>{tr::PROGRAMME_CREATE}</button>
                    <button type="button" class="button secondary" on:click=move |_| open.set(false)>{tr::CANCEL}</button>
                </div>
            </form>
        </Show>
    }
}

/// Title, form, the form's models and the period: the fields a new and a changed programme share.
#[component]
fn ProgrammeFields(form: RwSignal<ProgrammeInput>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    let chosen_form = move || form.with(|f| MentoringForm::from_code(&f.form));
    let error = move |field: &'static str| move || errors.with(|e| e.get(field).cloned());
    view! {
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
    }
}

/// The programme's passport as the school and the district read it.
#[component]
fn PassportView(passport: Passport) -> impl IntoView {
    if passport.is_empty() {
        return view! { <section class="card"><h2>{tr::PASSPORT_TITLE}</h2><p class="muted">{tr::PASSPORT_EMPTY}</p></section> }.into_any();
    }
    let part = |title: &'static str, text: String| {
        (!text.is_empty()).then(|| view! { <dt>{title}</dt><dd class="prewrap">{text}</dd> })
    };
    view! {
        <section class="card" data-testid="passport">
            <h2>{tr::PASSPORT_TITLE}</h2>
            <dl class="facts">
                {part(tr::PASSPORT_PROBLEMS, passport.problems)}
                {part(tr::PASSPORT_GOAL, passport.goal)}
                {part(tr::PASSPORT_TASKS, passport.tasks)}
                {part(tr::PASSPORT_RESULTS, passport.expected_results)}
                {part(tr::PASSPORT_MODE, passport.mode.map(tr::programme_mode).unwrap_or_default().to_owned())}
            </dl>
        </section>
    }
    .into_any()
}

/// Each extension or shortening of the period, with who and why.
#[component]
fn PeriodChanges(changes: Vec<PeriodChange>) -> impl IntoView {
    (!changes.is_empty()).then(|| {
        let zone = super::session::time_zone();
        view! {
            <section class="card">
                <h2>{tr::PERIOD_CHANGES}</h2>
                <ul class="plain" data-testid="period-changes">
                    {changes.into_iter().map(|c| view! {
                        <li>
                            <strong>{tr::period_change(&c.old_starts_on, &c.old_ends_on, &c.starts_on, &c.ends_on)}</strong>
                            " — " {c.reason}
                            <span class="muted">" · " {c.user_name} ", " {zone.local_minutes(&c.at)}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// The curator's change of a running programme: its fields, a reason when the period moves,
/// and the passport. What was typed stays whatever the server answers.
#[component]
fn EditProgramme(programme: Programme, passport: Passport, pairs: i64, update: Changes, editing: RwSignal<bool>) -> impl IntoView {
    let programme_id = programme.id;
    let form = RwSignal::new(programme.to_input());
    let passport = RwSignal::new(passport.to_input());
    let reason = RwSignal::new(PeriodReason::default());
    let errors = RwSignal::new(FieldErrors::new());
    let general = super::widgets::told_where_it_belongs(update, errors);
    let original = StoredValue::new(programme);
    let period_moves = Signal::derive(move || {
        original.with_value(|p| form.with(|f| f.starts_on.trim() != p.starts_on || f.ends_on.trim() != p.ends_on))
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (input, typed_passport, typed_reason) = (form.get_untracked(), passport.get_untracked(), reason.get_untracked().text);
        let mut found = FieldErrors::new();
        match input.parse(0) {
            Err(e) => found.extend(e),
            Ok(after) => {
                let after = Programme { id: programme_id, organisation_id: 0, ..after };
                let before = Programme { organisation_id: 0, ..original.get_value() };
                let in_use = InUse { pairs, variants: Vec::new() };
                if let Err(e) = check_change(&before, &after, &in_use, &typed_reason) {
                    found.extend(e);
                }
            }
        }
        if let Err(e) = typed_passport.parse() {
            found.extend(e);
        }
        errors.set(found.clone());
        if found.is_empty() {
            update.dispatch(UpdateProgramme { programme_id, input, passport: typed_passport, period_reason: typed_reason });
        }
    };
    let modes: Vec<(&'static str, &'static str)> = ProgrammeMode::ALL.iter().map(|m| (m.code(), tr::programme_mode(*m))).collect();
    view! {
        <form class="card form-grid" on:submit=submit novalidate data-testid="programme-edit">
            <h2 class="span-all">{tr::PROGRAMME_EDIT}</h2>
            <ProgrammeFields form errors/>
            <Show when=move || period_moves.get()>
                <div class="span-all">
                    <super::widgets::TextField label=tr::PERIOD_REASON name="period_reason" form=reason field=|r| &mut r.text errors hint=tr::PERIOD_REASON_HINT/>
                </div>
            </Show>
            <h3 class="span-all">{tr::PASSPORT_TITLE}</h3>
            <div class="span-all"><super::widgets::TextField label=tr::PASSPORT_PROBLEMS name="problems" form=passport field=|p| &mut p.problems errors multiline=true/></div>
            <div class="span-all"><super::widgets::TextField label=tr::PASSPORT_GOAL name="goal" form=passport field=|p| &mut p.goal errors multiline=true/></div>
            <div class="span-all"><super::widgets::TextField label=tr::PASSPORT_TASKS name="tasks" form=passport field=|p| &mut p.tasks errors multiline=true/></div>
            <div class="span-all"><super::widgets::TextField label=tr::PASSPORT_RESULTS name="expected_results" form=passport field=|p| &mut p.expected_results errors multiline=true/></div>
            <super::widgets::SelectField label=tr::PASSPORT_MODE name="mode" form=passport field=|p| &mut p.mode errors options=modes/>
            <div class="actions span-all">
                {move || general().map(|text| view! { <super::page::Notice error=true text/> })}
                <button type="submit" class="button primary" disabled=move || update.pending().get()>
                    {move || if update.pending().get() { tr::SAVING } else { tr::SAVE }}
                </button>
                <button type="button" class="button secondary" on:click=move |_| editing.set(false)>{tr::CANCEL}</button>
            </div>
        </form>
    }
}

/// The one-field form of a period's reason (a `TextField` edits a field of a form).
#[derive(Clone, Debug, Default)]
struct PeriodReason {
    text: String,
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
