//! The curator's side: the school's questionnaires, a programme's waves and codes, the
//! printable code slips, and a wave's results.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::api::surveys::*;
use crate::error::AppError;
use domain::i18n::tr;
use domain::models::{ParticipantRole, UserRole};
use domain::surveys::stats::QuestionStats;
use domain::surveys::*;
use crate::ui::session::RequireRole;

const READERS: &[UserRole] = &[UserRole::Curator, UserRole::Methodologist];

/// `/questionnaires`: the school's questionnaires and the templates to start a new one from.
#[component]
pub fn QuestionnairesPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| list_questionnaires(None));
    let create = Action::new(|template: &String| create_questionnaire(template.clone()));
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            navigate(&format!("/questionnaires/{id}"), Default::default());
        }
    });
    let refused = move || create.value().get().and_then(Result::err);
    view! {
        <RequireRole roles=READERS>
            <h1>{tr::SV_QUESTIONNAIRES_TITLE}</h1>
            {move || refused().map(|error| view! { <crate::ui::page::Notice error=true text=error.to_string()/> })}
            <crate::ui::page::Fetched resource=page view=move |page| view! { <QuestionnaireList page create/> }/>
        </RequireRole>
    }
}

/// The school's questionnaires and, for a curator, the templates and a blank one to start from.
#[component]
fn QuestionnaireList(page: QuestionnairesPage, create: Action<String, Result<i64, AppError>>) -> impl IntoView {
    let start = move |template: String| {
        create.dispatch(template);
    };
    view! {
        <ul class="cards" data-testid="questionnaires">
            {page.questionnaires.into_iter().map(|q| view! {
                <li class="card">
                    <A href=format!("/questionnaires/{}", q.id)><strong>{q.title.clone()}</strong></A>
                    <p class="muted">{tr::sv_questionnaire_line(q.questions, q.version, q.answers)}</p>
                </li>
            }).collect_view()}
        </ul>
        {page.can_edit.then(|| view! {
            <h2>{tr::SV_NEW_FROM_TEMPLATE}</h2>
            <ul class="cards templates">
                {page.templates.into_iter().map(|t| {
                    let code = t.code.clone();
                    view! {
                        <li class="card">
                            <strong>{t.title.clone()}</strong>
                            <p class="muted">{t.purpose.clone()}</p>
                            <button type="button" class="button secondary" disabled=move || create.pending().get()
                                on:click=move |_| start(code.clone())>{tr::SV_USE_TEMPLATE}</button>
                        </li>
                    }
                }).collect_view()}
                <li class="card">
                    <strong>{tr::SV_BLANK}</strong>
                    <button type="button" class="button secondary" disabled=move || create.pending().get()
                        on:click=move |_| start(String::new())>{tr::SV_CREATE}</button>
                </li>
            </ul>
        })}
    }
}

/// `/programmes/:id/surveys`: the programme's waves, with response rates, kiosks and codes.
#[component]
pub fn WavesPage() -> impl IntoView {
    let changed = RwSignal::new(0u32);
    let page = crate::ui::page::route_resource(move || u64::from(changed.get()), list_waves);
    view! { <crate::ui::page::Loaded roles=READERS resource=page view=move |page| view! { <WavesView page changed/> }/> }
}

/// A change the waves page makes.
#[derive(Clone, Debug)]
enum WaveChange {
    Status { wave_id: i64, open: bool },
    Create { programme_id: i64, questionnaire_id: i64, kind: String, role: String, anonymous: bool },
    NamedCodes { programme_id: i64 },
    Slips { programme_id: i64, role: String, count: usize },
}

impl WaveChange {
    async fn send(self) -> Result<(), AppError> {
        match self {
            Self::Status { wave_id, open } => set_wave_open(wave_id, open).await,
            Self::Create { programme_id, questionnaire_id, kind, role, anonymous } => {
                create_wave(programme_id, questionnaire_id, kind, role, anonymous).await.map(|_| ())
            }
            Self::NamedCodes { programme_id } => issue_codes(programme_id, String::new(), 0).await,
            Self::Slips { programme_id, role, count } => issue_codes(programme_id, role, count).await,
        }
    }
}

#[component]
fn WavesView(page: WavesPage, changed: RwSignal<u32>) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let programme_id = page.programme_id;
    // Every change of the page is one action: one at a time (its buttons wait while it is
    // pending), then the page is read again.
    let change = Action::new(|change: &WaveChange| change.clone().send());
    let busy = change.pending();
    Effect::new(move |_| match change.value().get() {
        None => {}
        Some(Ok(())) => {
            error.set(None);
            changed.update(|n| *n += 1);
        }
        Some(Err(e)) => error.set(Some(e.field_message("questionnaire").or(e.field_message("role")).unwrap_or_else(|| e.to_string()))),
    });
    let kiosk = Action::new(|wave_id: &i64| open_kiosk(*wave_id));
    Effect::new(move |_| match kiosk.value().get() {
        // A full load: the session is gone and the kiosk cookie is set.
        Some(Ok(())) => {
            let _ = web_sys::window().map(|w| w.location().set_href("/kiosk"));
        }
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    let open_kiosk_here = move |wave_id: i64| {
        if !web_sys::window().and_then(|w| w.confirm_with_message(tr::SV_KIOSK_CONFIRM).ok()).unwrap_or(false) {
            return;
        }
        kiosk.dispatch(wave_id);
    };
    let can_edit = page.can_edit;
    let named_codes = page.codes.iter().filter(|c| c.name.is_some()).count();
    let anonymous_codes = page.codes.len() - named_codes;
    view! {
        <p><A href=format!("/programmes/{programme_id}")>{"← "}{page.programme_title.clone()}</A></p>
        <h1>{tr::SV_WAVES_TITLE}</h1>
        {move || error.get().map(|text| view! { <crate::ui::page::Notice error=true text/> })}
        {if page.waves.is_empty() {
            view! { <p class="muted">{tr::SV_NO_WAVES}</p> }.into_any()
        } else {
            view! {
                <div class="scroll"><table class="table" data-testid="waves">
                    <thead><tr>
                        <th>{tr::SV_COL_QUESTIONNAIRE}</th><th>{tr::SV_COL_KIND}</th><th>{tr::SV_COL_ROLE}</th>
                        <th>{tr::SV_COL_STATUS}</th><th>{tr::SV_COL_RATE}</th><th></th>
                    </tr></thead>
                    <tbody>
                        {page.waves.into_iter().map(|w| {
                            let wave_id = w.id;
                            let open = w.status == WaveStatus::Open;
                            view! {
                                <tr data-wave=w.id.to_string()>
                                    <td>{w.questionnaire_title.clone()}{w.anonymous.then(|| view! { <span class="tag">{tr::SV_ANONYMOUS}</span> })}</td>
                                    <td>{tr::wave_kind(w.kind)}</td>
                                    <td>{tr::participant_role(w.role)}</td>
                                    <td>{if open { tr::SV_OPEN } else { tr::SV_CLOSED }}</td>
                                    <td class="rate">{tr::sv_rate(w.answered, w.invited)}</td>
                                    <td class="actions">
                                        <A href=format!("/waves/{wave_id}/results") attr:class="button secondary">{tr::SV_RESULTS}</A>
                                        {can_edit.then(|| view! {
                                            <button type="button" class="button secondary" disabled=busy
                                                on:click=move |_| { change.dispatch(WaveChange::Status { wave_id, open: !open }); }>
                                                {if open { tr::SV_CLOSE_WAVE } else { tr::SV_REOPEN_WAVE }}
                                            </button>
                                            {open.then(|| view! {
                                                <button type="button" class="button primary" on:click=move |_| open_kiosk_here(wave_id)>{tr::SV_OPEN_KIOSK}</button>
                                            })}
                                        })}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table></div>
            }.into_any()
        }}
        {can_edit.then(|| view! {
            <NewWavePanel programme_id questionnaires=page.questionnaires.clone() change busy/>
            <CodesPanel programme_id named=named_codes anonymous=anonymous_codes change busy error/>
        })}
    }
}

/// Giving a questionnaire of the school to a role of the programme as a new wave.
#[component]
fn NewWavePanel(
    programme_id: i64,
    questionnaires: Vec<QuestionnaireSummary>,
    change: Action<WaveChange, Result<(), AppError>>,
    busy: Memo<bool>,
) -> impl IntoView {
    let new_questionnaire = RwSignal::new(questionnaires.first().map(|q| q.id).unwrap_or(0));
    let new_kind = RwSignal::new(WaveKind::Entry.code().to_owned());
    let new_role = RwSignal::new(ParticipantRole::Mentee.code().to_owned());
    let new_anonymous = RwSignal::new(false);
    view! {
        <section class="panel">
            <h2>{tr::SV_NEW_WAVE}</h2>
            <div class="row">
                <label class="field">{tr::SV_COL_QUESTIONNAIRE}
                    <select on:change=move |ev| new_questionnaire.set(event_target_value(&ev).parse().unwrap_or(0)) name="questionnaire">
                        {questionnaires.iter().map(|q| view! { <option value=q.id.to_string()>{q.title.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field">{tr::SV_COL_KIND}
                    <select name="kind" on:change=move |ev| new_kind.set(event_target_value(&ev))>
                        {WaveKind::ALL.iter().map(|k| view! { <option value=k.code()>{tr::wave_kind(*k)}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field">{tr::SV_COL_ROLE}
                    <select name="role" on:change=move |ev| new_role.set(event_target_value(&ev))>
                        <option value="mentee">{tr::participant_role(ParticipantRole::Mentee)}</option>
                        <option value="mentor">{tr::participant_role(ParticipantRole::Mentor)}</option>
                    </select>
                </label>
                <label class="check">
                    <input type="checkbox" name="anonymous" prop:checked=move || new_anonymous.get()
                        on:change=move |ev| new_anonymous.set(event_target_checked(&ev))/>
                    {tr::SV_ANONYMOUS_WAVE}
                </label>
            </div>
            <p class="muted">{tr::SV_ANONYMOUS_HELP}</p>
            <div class="actions">
                <button type="button" class="button primary" disabled=busy on:click=move |_| {
                    change.dispatch(WaveChange::Create {
                        programme_id,
                        questionnaire_id: new_questionnaire.get_untracked(),
                        kind: new_kind.get_untracked(),
                        role: new_role.get_untracked(),
                        anonymous: new_anonymous.get_untracked(),
                    });
                }>{tr::SV_CREATE_WAVE}</button>
                <A href="/questionnaires">{tr::SV_EDIT_QUESTIONNAIRES}</A>
            </div>
        </section>
    }
}

/// Personal codes: named ones for everyone in the programme, anonymous slips, and the slips to print.
#[component]
fn CodesPanel(
    programme_id: i64,
    named: usize,
    anonymous: usize,
    change: Action<WaveChange, Result<(), AppError>>,
    busy: Memo<bool>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let slip_count = RwSignal::new("10".to_owned());
    let slip_role = RwSignal::new(ParticipantRole::Mentee.code().to_owned());
    view! {
        <section class="panel">
            <h2>{tr::SV_CODES_TITLE}</h2>
            <p class="muted">{tr::sv_codes_line(named, anonymous)}</p>
            <div class="actions">
                <button type="button" class="button secondary" disabled=busy
                    on:click=move |_| { change.dispatch(WaveChange::NamedCodes { programme_id }); }>
                    {tr::SV_ISSUE_NAMED}
                </button>
            </div>
            <div class="row">
                <label class="field">{tr::SV_SLIP_COUNT}
                    <input inputmode="numeric" name="slips" prop:value=move || slip_count.get() on:input=move |ev| slip_count.set(event_target_value(&ev))/>
                </label>
                <label class="field">{tr::SV_COL_ROLE}
                    <select name="slip_role" on:change=move |ev| slip_role.set(event_target_value(&ev))>
                        <option value="mentee">{tr::participant_role(ParticipantRole::Mentee)}</option>
                        <option value="mentor">{tr::participant_role(ParticipantRole::Mentor)}</option>
                    </select>
                </label>
                <button type="button" class="button secondary" disabled=busy on:click=move |_| {
                    match slip_count.get_untracked().trim().parse::<usize>() {
                        Ok(count) if count > 0 => {
                            change.dispatch(WaveChange::Slips { programme_id, role: slip_role.get_untracked(), count });
                        }
                        _ => error.set(Some(tr::SV_ERR_SLIP_NUMBER.into())),
                    }
                }>{tr::SV_ISSUE_ANONYMOUS}</button>
            </div>
            <div class="actions">
                <A href=format!("/programmes/{programme_id}/codes") attr:class="button secondary">{tr::SV_PRINT_CODES}</A>
            </div>
        </section>
    }
}

/// `/programmes/:id/codes`: slips to cut out: named codes with the name, anonymous ones
/// without.
#[component]
pub fn CodesPage() -> impl IntoView {
    let page = crate::ui::page::route_resource(|| 0, list_waves);
    view! { <crate::ui::page::Loaded roles=&[UserRole::Curator] resource=page view=|page| view! { <Slips page/> }/> }
}

/// The programme's codes as slips to print and cut out.
#[component]
fn Slips(page: WavesPage) -> impl IntoView {
    view! {
        <h1 class="no-print">{tr::SV_CODES_TITLE}": "{page.programme_title.clone()}</h1>
        <button type="button" class="button no-print" on:click=|_| { let _ = web_sys::window().map(|w| w.print()); }>{tr::ORDER_PRINT}</button>
        <ul class="slips" data-testid="slips">
            {page.codes.into_iter().map(|c| view! {
                <li class="slip">
                    <span class="slip-name">{c.name.clone().unwrap_or_else(|| tr::SV_ANONYMOUS_SLIP.to_owned())}</span>
                    <span class="muted">{tr::participant_role(c.role)}</span>
                    <strong class="slip-code">{c.code.clone()}</strong>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// `/waves/:id/results`: response rate, distributions, open answers, exports.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let results = crate::ui::page::route_resource(|| 0, get_wave_results);
    view! { <crate::ui::page::Loaded roles=READERS resource=results view=|results| view! { <WaveResultsView results/> }/> }
}

/// A wave's response rate, each question's distribution or open answers, and the exports.
#[component]
fn WaveResultsView(results: domain::surveys::stats::WaveResults) -> impl IntoView {
    let wave = results.wave.clone();
    view! {
        <p><A href=format!("/programmes/{}/surveys", wave.programme_id)>{"← "}{results.programme_title.clone()}</A></p>
        <h1>{wave.questionnaire_title.clone()}</h1>
        <p class="muted">{tr::wave_kind(wave.kind)} " · " {tr::participant_role(wave.role)}
            {wave.anonymous.then_some(" · ")} {wave.anonymous.then_some(tr::SV_ANONYMOUS)}</p>
        <p class="rate-line" data-testid="rate">{tr::sv_rate_line(wave.answered, wave.invited, results.response_rate)}</p>
        {match results.too_few_to_show {
            true => view! { <p class="notice" role="status" data-testid="too-few">{tr::SV_TOO_FEW_ANONYMOUS}</p> }.into_any(),
            false => view! {
                <p class="exports">
                    <a class="button secondary" href=format!("/export/wave/{}.xlsx", wave.id) rel="external">{tr::EXPORT_XLSX}</a>
                    <a class="button secondary" href=format!("/export/wave/{}.csv", wave.id) rel="external">{tr::EXPORT_CSV}</a>
                </p>
            }.into_any(),
        }}
        {results.questions.into_iter().map(|q| view! { <QuestionResult stats=q/> }).collect_view()}
    }
}

#[component]
fn QuestionResult(stats: QuestionStats) -> impl IntoView {
    view! {
        <section class="result" data-key=stats.key.clone()>
            <h2>{stats.text.clone()}</h2>
            <p class="muted">{tr::sv_n(stats.answered)}{stats.mean.map(|m| format!(" · {} {m:.1}", tr::SV_MEAN))}</p>
            {(!stats.options.is_empty()).then(|| view! {
                <table class="bars">
                    <tbody>
                        {stats.options.iter().map(|o| view! {
                            <tr>
                                <th scope="row">{o.label.clone()}</th>
                                <td class="bar-cell"><span class="bar" style:width=format!("{}%", o.percent)></span></td>
                                <td class="num">{format!("{}% ({})", o.percent, o.count)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {(!stats.texts.is_empty()).then(|| view! {
                <ul class="open-answers">
                    // Text nodes: an answer that contains markup is shown as text.
                    {stats.texts.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}
