//! Where respondents answer: the kiosk of a shared tablet, and a mentor's or mentee's own list.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::device;
use super::taker::{Finished, Taker};
use crate::api::surveys::{check_kiosk_code, kiosk_page, my_survey_form, my_surveys, MySurvey};
use domain::i18n::tr;
use domain::models::UserRole;
use domain::surveys::{normalise_code, SurveyForm};
use crate::ui::session::RequireRole;

/// Sends the device's outbox when the page opens, when the network comes back and every
/// 15 seconds; shows what is still waiting.
#[component]
pub fn OutboxSync(pending: RwSignal<usize>) -> impl IntoView {
    let refused = RwSignal::new(Vec::<String>::new());
    let reached = RwSignal::new(None::<String>);
    let flush = move || {
        spawn_local(async move {
            let report = device::flush().await;
            pending.set(report.left);
            // With nothing to send, a small request still tells whether the server is there.
            if report.sent == 0 && report.left == 0 && crate::api::auth::whoami().await.is_ok() {
                device::reached_server();
            }
            reached.set(device::last_reached());
            if !report.refused.is_empty() {
                refused.update(|r| r.extend(report.refused));
            }
        });
    };
    // Browser only (effects do not run on the server): listen for the network and poll.
    Effect::new(move |_| {
        pending.set(device::pending().len());
        flush();
        let online = window_event_listener(leptos::ev::online, move |_| flush());
        let timer = set_interval_with_handle(flush, std::time::Duration::from_secs(15)).ok();
        on_cleanup(move || {
            online.remove();
            if let Some(timer) = timer {
                timer.clear();
            }
        });
    });
    view! {
        <p class="notice" data-testid="outbox" hidden=move || pending.get() == 0>{move || tr::sv_pending(pending.get())}</p>
        <p class="muted" data-testid="last-reached" hidden=move || reached.with(Option::is_none)>
            {move || reached.get().map(|at| tr::sv_last_reached(&crate::ui::session::time_zone().local_minutes(&at)))}
        </p>
        {move || refused.with(|r| r.iter().map(|why| view! { <crate::ui::page::Notice error=true text=tr::sv_refused_later(why)/> }).collect_view())}
    }
}

/// `/kiosk`: a shared tablet opened for one wave. Each respondent types a personal code,
/// answers, and the screen returns to the code for the next one.
#[component]
pub fn KioskPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| kiosk_page());
    let pending = RwSignal::new(0usize);
    // The answers waiting on a kiosk must not be cleared by the browser to free space; if it
    // will not promise that, the curator who set the kiosk up is told.
    let storage_refused = RwSignal::new(false);
    Effect::new(move |_| {
        spawn_local(async move {
            storage_refused.set(device::ask_persistent_storage().await == Some(false));
        });
    });
    view! {
        <div class="kiosk">
            <crate::ui::page::Fetched resource=page view=move |kiosk| match kiosk {
                Some(kiosk) => view! {
                    <p class="muted kiosk-school">{kiosk.school.clone()}</p>
                    <KioskFlow form=kiosk.form codes=kiosk.codes pending/>
                }.into_any(),
                None => view! {
                    <p class="notice">{tr::SV_NOT_A_KIOSK}</p>
                    <a href="/login" rel="external">{tr::LOGIN_BUTTON}</a>
                }.into_any(),
            }/>
            <OutboxSync pending/>
            <p class="muted" data-testid="storage-refused" hidden=move || !storage_refused.get()>{tr::SV_STORAGE_NOT_PERSISTENT}</p>
            <a class="kiosk-exit muted" href="/login">{tr::SV_KIOSK_EXIT}</a>
        </div>
    }
}

#[derive(Clone, Debug, PartialEq)]
enum KioskStep {
    Code,
    Answering(String),
    Thanks(Finished),
}

#[component]
fn KioskFlow(form: SurveyForm, codes: domain::surveys::offline_codes::CodeCheck, pending: RwSignal<usize>) -> impl IntoView {
    // Nothing of an anonymous wave's earlier respondents stays on a shared tablet.
    if form.anonymous {
        let wave_id = form.wave_id;
        Effect::new(move |_| super::device::clear_drafts_of_wave(wave_id));
    }
    let form = StoredValue::new(form);
    let step = RwSignal::new(KioskStep::Code);
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // The code is checked by the server before the questionnaire starts; the button waits.
    // With the network gone the device checks it against the wave's digests, and the server
    // checks it again when the answers arrive.
    let codes = StoredValue::new(codes);
    let check = Action::new(move |code: &String| {
        let code = code.clone();
        async move {
            match check_kiosk_code(code.clone()).await {
                Ok(()) => {
                    device::reached_server();
                    Ok(code)
                }
                Err(crate::error::AppError::Transport(_)) if codes.with_value(|c| c.knows(&code)) => Ok(code),
                Err(crate::error::AppError::Transport(_)) => Err(crate::error::AppError::field("code", tr::SV_ERR_CODE_UNKNOWN)),
                Err(other) => Err(other),
            }
        }
    });
    let checking = check.pending();
    Effect::new(move |_| match check.value().get() {
        None => {}
        Some(Ok(code)) => {
            error.set(None);
            typed.set(String::new());
            step.set(KioskStep::Answering(code));
        }
        Some(Err(e)) => error.set(Some(e.field_message("code").unwrap_or_else(|| e.to_string()))),
    });
    let start = move || {
        let Some(code) = normalise_code(&typed.get_untracked()) else {
            error.set(Some(tr::SV_ERR_CODE_FORMAT.into()));
            return;
        };
        check.dispatch(code);
    };
    let finished = Callback::new(move |how: Finished| {
        pending.set(device::pending().len());
        step.set(KioskStep::Thanks(how));
    });
    let next_person = move |_| step.set(KioskStep::Code);
    let (idle_warning, dropped) = idle_watch(step, form.with_value(|f| f.wave_id));
    // Between respondents, a new version of the app waiting on this tablet may take over
    // (server/assets/register-sw.js reloads the page when it does): never under a respondent.
    Effect::new(move |_| {
        if step.get() == KioskStep::Code {
            if let Ok(event) = web_sys::Event::new("nastavnik-between-respondents") {
                let _ = window().dispatch_event(&event);
            }
        }
    });
    // The thank-you screen clears itself, so the next respondent never sees the last one's.
    Effect::new(move |_| {
        if matches!(step.get(), KioskStep::Thanks(_)) {
            set_timeout(move || {
                if matches!(step.get_untracked(), KioskStep::Thanks(_)) {
                    step.set(KioskStep::Code);
                }
            }, std::time::Duration::from_secs(8));
        }
    });
    view! {
        {move || match step.get() {
            KioskStep::Code => view! {
                <form class="kiosk-code" on:submit=move |ev| { ev.prevent_default(); start(); }>
                    {move || dropped.get().then(|| view! { <p class="notice" role="status" data-testid="kiosk-dropped">{tr::SV_KIOSK_DROPPED}</p> })}
                    <h1>{form.with_value(|f| f.definition.title.clone())}</h1>
                    <label for="kiosk-code">{tr::SV_CODE_PROMPT}</label>
                    <input id="kiosk-code" name="code" class="code-input" inputmode="numeric" autocomplete="off"
                        maxlength="9" prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                    <p class="field-error" role="alert">{move || error.get()}</p>
                    <button type="submit" class="button primary big" disabled=move || checking.get()>{tr::SV_START}</button>
                </form>
            }.into_any(),
            KioskStep::Answering(code) => view! {
                <crate::ui::widgets::Modal show=idle_warning on_close=Callback::new(move |()| idle_warning.set(false))
                    alert=true labelled_by="kiosk-idle-text" testid="kiosk-idle" class="kiosk-idle">
                    <p id="kiosk-idle-text">{tr::sv_kiosk_idle(KIOSK_IDLE_DROP_SECONDS - KIOSK_IDLE_WARN_SECONDS)}</p>
                    <button type="button" class="button primary big" on:click=move |_| idle_warning.set(false)>{tr::SV_KIOSK_CONTINUE}</button>
                </crate::ui::widgets::Modal>
                <Taker form=form.get_value() who=code.clone() code=Some(code) on_finish=finished/>
            }.into_any(),
            KioskStep::Thanks(how) => view! {
                <div class="kiosk-thanks" data-testid="thanks">
                    <h1>{tr::SV_THANKS}</h1>
                    <p>{if how == Finished::Sent { tr::SV_SENT } else { tr::SV_QUEUED }}</p>
                    <button type="button" class="button primary big" on:click=next_person>{tr::SV_NEXT_PERSON}</button>
                </div>
            }.into_any(),
        }}
    }
}

/// Seconds without a touch before a kiosk warns that the questionnaire will be closed.
pub const KIOSK_IDLE_WARN_SECONDS: u64 = 180;
/// Seconds without a touch before it is closed without being sent (the warning's 30 s later).
pub const KIOSK_IDLE_DROP_SECONDS: u64 = 210;

/// Watches a kiosk for a respondent who walked away: after `KIOSK_IDLE_WARN_SECONDS` without a
/// touch or key the screen says the questionnaire will be closed, after
/// `KIOSK_IDLE_DROP_SECONDS` it is — its draft dropped, the start screen saying why. Returns
/// (the warning is up, the last questionnaire was dropped).
fn idle_watch(step: RwSignal<KioskStep>, wave_id: i64) -> (RwSignal<bool>, RwSignal<bool>) {
    let warning = RwSignal::new(false);
    let dropped = RwSignal::new(false);
    let last_touch = StoredValue::new(0.0_f64);
    Effect::new(move |_| {
        last_touch.set_value(js_sys::Date::now());
        let touched = move || {
            last_touch.set_value(js_sys::Date::now());
            warning.set(false);
            dropped.set(false);
        };
        let pointer = window_event_listener(leptos::ev::pointerdown, move |_| touched());
        let key = window_event_listener(leptos::ev::keydown, move |_| touched());
        let timer = set_interval_with_handle(
            move || {
                let KioskStep::Answering(code) = step.get_untracked() else { return };
                let idle_ms = js_sys::Date::now() - last_touch.get_value();
                if idle_ms >= (KIOSK_IDLE_DROP_SECONDS * 1000) as f64 {
                    device::clear_draft(&device::draft_key(wave_id, &code));
                    warning.set(false);
                    dropped.set(true);
                    step.set(KioskStep::Code);
                } else if idle_ms >= (KIOSK_IDLE_WARN_SECONDS * 1000) as f64 {
                    warning.set(true);
                }
            },
            std::time::Duration::from_secs(5),
        )
        .ok();
        on_cleanup(move || {
            pointer.remove();
            key.remove();
            if let Some(timer) = timer {
                timer.clear();
            }
        });
    });
    (warning, dropped)
}

/// `/surveys`: a mentor's or mentee's questionnaires.
#[component]
pub fn MySurveysPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| my_surveys());
    let pending = RwSignal::new(0usize);
    view! {
        <RequireRole roles=&[UserRole::Mentor, UserRole::Mentee]>
            <h1>{tr::SV_MY_TITLE}</h1>
            <OutboxSync pending/>
            <crate::ui::page::Fetched resource=list view=|items| view! { <MySurveyList items/> }/>
        </RequireRole>
    }
}

/// The questionnaires waiting for a mentor or mentee, and those they have answered.
#[component]
fn MySurveyList(items: Vec<MySurvey>) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="muted">{tr::SV_MY_NONE}</p> }.into_any();
    }
    view! {
        <ul class="cards">
            {items.into_iter().map(|item| view! {
                <li class="card">
                    <strong>{item.wave.questionnaire_title.clone()}</strong>
                    <p class="muted">{tr::wave_kind(item.wave.kind)} {item.wave.anonymous.then_some(" · ")} {item.wave.anonymous.then_some(tr::SV_ANONYMOUS)}</p>
                    {if item.done {
                        view! { <p class="done">{tr::SV_DONE}</p> }.into_any()
                    } else {
                        // The questionnaire is its own small app (ui::respondent): a full page load.
                        view! { <a href=format!("/surveys/{}", item.wave.id) rel="external" class="button primary">{tr::SV_FILL}</a> }.into_any()
                    }}
                </li>
            }).collect_view()}
        </ul>
    }.into_any()
}

/// `/surveys/:id`: a mentor or mentee answers from their own account. An anonymous wave
/// asks for the code on the slip, so the answers carry no name.
#[component]
pub fn MySurveyPage() -> impl IntoView {
    let form = crate::ui::page::route_resource(|| 0, my_survey_form);
    let pending = RwSignal::new(0usize);
    let finished = RwSignal::new(None::<Finished>);
    let on_finish = Callback::new(move |how| {
        pending.set(device::pending().len());
        finished.set(Some(how));
    });
    view! {
        <RequireRole roles=&[UserRole::Mentor, UserRole::Mentee]>
            <OutboxSync pending/>
            <crate::ui::page::Fetched resource=form view=move |form| view! { <OwnSurvey form finished on_finish/> }/>
        </RequireRole>
    }
}

#[component]
fn OwnSurvey(form: SurveyForm, finished: RwSignal<Option<Finished>>, on_finish: Callback<Finished>) -> impl IntoView {
    let anonymous = form.anonymous;
    let form = StoredValue::new(form);
    let typed = RwSignal::new(String::new());
    let code = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    view! {
        {move || match (finished.get(), anonymous, code.get()) {
            (Some(how), _, _) => view! {
                <div class="kiosk-thanks" data-testid="thanks">
                    <h1>{tr::SV_THANKS}</h1>
                    <p>{if how == Finished::Sent { tr::SV_SENT } else { tr::SV_QUEUED }}</p>
                    <a href="/surveys" rel="external">{tr::SV_BACK_TO_LIST}</a>
                </div>
            }.into_any(),
            (None, true, None) => view! {
                <form class="kiosk-code" on:submit=move |ev| {
                    ev.prevent_default();
                    match normalise_code(&typed.get_untracked()) {
                        Some(c) => code.set(Some(c)),
                        None => error.set(Some(tr::SV_ERR_CODE_FORMAT.into())),
                    }
                }>
                    <h1>{form.with_value(|f| f.definition.title.clone())}</h1>
                    <p>{tr::SV_ANONYMOUS_EXPLAINED}</p>
                    <label for="own-code">{tr::SV_CODE_PROMPT}</label>
                    <input id="own-code" class="code-input" inputmode="numeric" autocomplete="off" maxlength="9"
                        prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                    <p class="field-error" role="alert">{move || error.get()}</p>
                    <button type="submit" class="button primary big">{tr::SV_START}</button>
                </form>
            }.into_any(),
            (None, _, code) => {
                let who = code.clone().unwrap_or_else(|| "me".to_owned());
                view! { <Taker form=form.get_value() who code=code on_finish/> }.into_any()
            }
        }}
    }
}
