//! Taking a questionnaire on a tablet or a phone: one question (or one short section) per
//! screen, large targets, a progress bar, back and next, a summary before sending. Every answer
//! is saved on the device as it is given; a submission that cannot reach the server waits in
//! the device's outbox.

use leptos::prelude::*;

use super::device::{self, Draft};
use crate::api::surveys::submit_survey;
use crate::error::AppError;
use domain::FieldErrors;
use domain::i18n::tr;
use domain::surveys::stats::answer_text;
use domain::surveys::*;

/// How a questionnaire ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finished {
    /// The server has it.
    Sent,
    /// No network: it waits on this device and goes out when the network returns.
    Queued,
}

/// Splits the questions of a wave into screens: a short section (up to three questions, no
/// long text) is one screen, otherwise each question is.
pub fn screens(definition: &Definition, wave: WaveKind) -> Vec<Vec<Question>> {
    let mut screens = Vec::new();
    for section in &definition.sections {
        let asked: Vec<Question> =
            section.questions.iter().filter(|q| q.only_in.is_none_or(|only| only == wave)).cloned().collect();
        let short = asked.len() <= 3 && asked.iter().all(|q| q.kind != QuestionKind::LongText);
        if asked.is_empty() {
            continue;
        } else if short {
            screens.push(asked);
        } else {
            screens.extend(asked.into_iter().map(|q| vec![q]));
        }
    }
    screens
}

/// The questionnaire. `who` tells respondents on one device apart (the draft's key);
/// `preview` shows it as respondents see it, saving and sending nothing.
#[component]
pub fn Taker(
    form: SurveyForm,
    #[prop(into)] who: String,
    #[prop(default = None)] code: Option<String>,
    #[prop(optional)] preview: bool,
    #[prop(optional, into)] on_finish: Option<Callback<Finished>>,
) -> impl IntoView {
    let form = StoredValue::new(form);
    let pages = StoredValue::new(form.with_value(|f| screens(&f.definition, f.kind)));
    let last = pages.with_value(|p| p.len()) + 1; // 0: intro; 1..=n: questions; n+1: summary
    let answers = RwSignal::new(Answers::new());
    let screen = RwSignal::new(0usize);
    let errors = RwSignal::new(FieldErrors::new());
    let notice = RwSignal::new(None::<String>);
    // Sending is one action: the button waits while it is pending. What could not reach the
    // server goes to the device's outbox, so nothing answered is lost.
    let submit = Action::new(|submission: &SurveySubmission| {
        let submission = submission.clone();
        async move { (submit_survey(submission.clone()).await, submission) }
    });
    let sending = submit.pending();
    let draft_key = StoredValue::new(device::draft_key(form.with_value(|f| f.wave_id), &who));
    let client_id = StoredValue::new(None::<String>);
    let code = StoredValue::new(code);

    // Resume from the device's draft, then save it at every answer and every step. An
    // anonymous wave keeps no draft on the device: a shared tablet must hold nothing of a
    // respondent once their visit is over (the half-filled form lives only on the screen).
    let keeps_draft = !preview && !form.with_value(|f| f.anonymous);
    Effect::new(move |loaded: Option<()>| {
        if !keeps_draft {
            return;
        }
        if loaded.is_none() {
            let version = form.with_value(|f| f.version_id);
            if let Some(draft) = device::load_draft(&draft_key.get_value()).filter(|d| d.version_id == version) {
                answers.set(draft.answers);
                screen.set(draft.screen.min(last));
            }
        }
        let draft = Draft { version_id: form.with_value(|f| f.version_id), answers: answers.get(), screen: screen.get() };
        device::save_draft(&draft_key.get_value(), &draft);
    });

    let check_screen = move |index: usize| -> bool {
        let problems: FieldErrors = pages.with_value(|p| {
            p.get(index.wrapping_sub(1))
                .map(|questions| {
                    answers.with(|a| {
                        questions
                            .iter()
                            .filter_map(|q| {
                                form.with_value(|f| f.definition.answer_problem(f.kind, &q.key, a.get(&q.key)))
                                    .map(|problem| (q.key.clone(), problem))
                            })
                            .collect()
                    })
                })
                .unwrap_or_default()
        });
        let ok = problems.is_empty();
        errors.set(problems);
        ok
    };
    let next = move |_| {
        if check_screen(screen.get_untracked()) {
            screen.update(|s| *s = (*s + 1).min(last));
            scroll_to_top();
        }
    };
    let back = move |_| {
        errors.set(FieldErrors::new());
        screen.update(|s| *s = s.saturating_sub(1));
        scroll_to_top();
    };
    let send = move |_: web_sys::MouseEvent| {
        if preview || sending.get_untracked() {
            return;
        }
        let (wave_id, version_id, kind) = form.with_value(|f| (f.wave_id, f.version_id, f.kind));
        let given = answers.get_untracked();
        if let Err(problems) = form.with_value(|f| f.definition.check_answers(kind, &given)) {
            errors.set(problems);
            notice.set(Some(tr::SV_FIX_ANSWERS.into()));
            return;
        }
        let id = client_id.get_value().unwrap_or_else(device::new_client_id);
        client_id.set_value(Some(id.clone()));
        let submission = SurveySubmission { client_id: id, wave_id, version_id, code: code.get_value(), answers: given };
        notice.set(None);
        submit.dispatch(submission);
    };
    Effect::new(move |_| {
        let Some((outcome, submission)) = submit.value().get() else { return };
        let finished = match outcome {
            Ok(_) => Finished::Sent,
            Err(AppError::Transport(_) | AppError::Internal) => {
                if !device::queue(submission) {
                    notice.set(Some(tr::SV_DEVICE_FULL.into()));
                    return;
                }
                Finished::Queued
            }
            Err(AppError::Validation(problems)) => {
                errors.set(problems);
                notice.set(Some(tr::SV_FIX_ANSWERS.into()));
                return;
            }
            Err(refusal) => {
                notice.set(Some(refusal.to_string()));
                return;
            }
        };
        if keeps_draft {
            device::clear_draft(&draft_key.get_value());
        }
        if let Some(on_finish) = on_finish {
            on_finish.run(finished);
        }
    });

    view! {
        <section class="taker" data-testid="taker">
            <Progress screen last/>
            <Screen form pages answers errors screen last/>
            {move || notice.get().map(|text| view! { <crate::ui::page::Notice error=true text/> })}
            <nav class="taker-nav">
                <button type="button" class="button secondary big" on:click=back hidden=move || screen.get() == 0>
                    {tr::SV_BACK}
                </button>
                {move || if screen.get() == last {
                    view! {
                        <button type="button" class="button primary big" on:click=send disabled=move || sending.get() || preview>
                            {move || if sending.get() { tr::SV_SENDING } else { tr::SV_SEND }}
                        </button>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="button primary big" on:click=next>
                            {move || if screen.get() == 0 { tr::SV_START } else { tr::SV_NEXT }}
                        </button>
                    }.into_any()
                }}
            </nav>
        </section>
    }
}

/// How far the respondent has got: a bar, and «Шаг 2 из 5» under it.
#[component]
fn Progress(screen: RwSignal<usize>, last: usize) -> impl IntoView {
    let width = move || format!("{}%", screen.get() * 100 / last);
    view! {
        <div class="taker-progress" role="progressbar" aria-valuemin="0" aria-valuemax=last.to_string()
            aria-valuenow=move || screen.get().to_string() aria-label=tr::SV_PROGRESS>
            <div class="taker-progress-bar" style:width=width></div>
        </div>
        <p class="muted taker-step">{move || match screen.get() {
            0 => String::new(),
            s if s == last => tr::SV_SUMMARY.to_owned(),
            s => tr::sv_step(s, last - 1),
        }}</p>
    }
}

/// The screen the respondent is on: the introduction, a page of questions, or the summary.
#[component]
fn Screen(
    form: StoredValue<SurveyForm>,
    pages: StoredValue<Vec<Vec<Question>>>,
    answers: RwSignal<Answers>,
    errors: RwSignal<FieldErrors>,
    screen: RwSignal<usize>,
    last: usize,
) -> impl IntoView {
    let title = form.with_value(|f| f.definition.title.clone());
    let intro = form.with_value(|f| f.definition.intro.clone());
    move || {
        let current = screen.get();
        if current == 0 {
            view! {
                <div class="taker-screen">
                    <h1>{title.clone()}</h1>
                    <p class="taker-intro">{intro.clone()}</p>
                </div>
            }
            .into_any()
        } else if current == last {
            view! { <Summary form pages answers errors screen/> }.into_any()
        } else {
            let questions = pages.with_value(|p| p[current - 1].clone());
            view! {
                <div class="taker-screen">
                    {questions.into_iter().map(|q| view! { <QuestionInput question=q answers errors/> }).collect_view()}
                </div>
            }
            .into_any()
        }
    }
}

fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Every answer before sending, each with a way back to its screen.
#[component]
fn Summary(
    form: StoredValue<SurveyForm>,
    pages: StoredValue<Vec<Vec<Question>>>,
    answers: RwSignal<Answers>,
    errors: RwSignal<FieldErrors>,
    screen: RwSignal<usize>,
) -> impl IntoView {
    let rows = pages.with_value(|p| {
        p.iter()
            .enumerate()
            .flat_map(|(index, questions)| questions.iter().map(move |q| (index + 1, q.clone())))
            .collect::<Vec<_>>()
    });
    let _ = form;
    view! {
        <div class="taker-screen">
            <h2>{tr::SV_SUMMARY_TITLE}</h2>
            <dl class="summary">
                {rows.into_iter().map(|(page, q)| {
                    let key = q.key.clone();
                    let shown = {
                        let q = q.clone();
                        move || answers.with(|a| a.get(&q.key).filter(|v| v.is_given()).map(|v| answer_text(&q, v)))
                    };
                    view! {
                        <div class="summary-row" class:invalid=move || errors.with(|e| e.contains_key(&key))>
                            <dt>{q.text.clone()}</dt>
                            <dd>
                                {move || shown().unwrap_or_else(|| tr::SV_NO_ANSWER.to_owned())}
                                <button type="button" class="link" on:click=move |_| screen.set(page)>{tr::SV_CHANGE}</button>
                            </dd>
                            <p class="field-error">{let key = q.key.clone(); move || errors.with(|e| e.get(&key).cloned())}</p>
                        </div>
                    }
                }).collect_view()}
            </dl>
        </div>
    }
}

/// One question with the control its kind needs.
#[component]
fn QuestionInput(question: Question, answers: RwSignal<Answers>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    let key = StoredValue::new(question.key.clone());
    let value = move || answers.with(|a| a.get(&key.get_value()).cloned());
    let set = move |v: Option<AnswerValue>| {
        answers.update(|a| match v {
            Some(v) => {
                a.insert(key.get_value(), v);
            }
            None => {
                a.remove(&key.get_value());
            }
        });
        errors.update(|e| {
            e.remove(&key.get_value());
        });
    };
    let heading_id = format!("q-{}", question.key);
    let control = match question.kind.clone() {
        QuestionKind::ShortText => view! {
            <input class="answer-text" aria-labelledby=heading_id.clone() maxlength=LIMITS.short_text.to_string()
                prop:value=move || match value() { Some(AnswerValue::Text(t)) => t, _ => String::new() }
                on:input=move |ev| set(Some(AnswerValue::Text(event_target_value(&ev))))/>
        }.into_any(),
        QuestionKind::LongText => view! {
            <textarea class="answer-text" rows="5" aria-labelledby=heading_id.clone() maxlength=LIMITS.long_text.to_string()
                prop:value=move || match value() { Some(AnswerValue::Text(t)) => t, _ => String::new() }
                on:input=move |ev| set(Some(AnswerValue::Text(event_target_value(&ev))))></textarea>
        }.into_any(),
        QuestionKind::SingleChoice { options } => view! {
            <div class="choices" role="radiogroup" aria-labelledby=heading_id.clone()>
                {options.into_iter().map(|o| {
                    let id = o.id;
                    let checked = move || value() == Some(AnswerValue::Choice(id));
                    view! {
                        <label class="choice" class:selected=checked>
                            <input type="radio" name=key.get_value() prop:checked=checked
                                on:change=move |_| set(Some(AnswerValue::Choice(id)))/>
                            <span>{o.label}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        }.into_any(),
        QuestionKind::MultipleChoice { options, other } => {
            let chosen = move || match value() {
                Some(AnswerValue::Choices { ids, other }) => (ids, other),
                _ => (Vec::new(), None),
            };
            view! {
                <div class="choices" role="group" aria-labelledby=heading_id.clone()>
                    {options.into_iter().map(|o| {
                        let id = o.id;
                        let checked = move || chosen().0.contains(&id);
                        view! {
                            <label class="choice" class:selected=checked>
                                <input type="checkbox" prop:checked=checked on:change=move |_| {
                                    let (mut ids, other) = chosen();
                                    if ids.contains(&id) { ids.retain(|x| *x != id) } else { ids.push(id) }
                                    set(Some(AnswerValue::Choices { ids, other }));
                                }/>
                                <span>{o.label}</span>
                            </label>
                        }
                    }).collect_view()}
                    {other.then(|| view! {
                        <label class="choice other">
                            <span>{tr::SV_OTHER}": "</span>
                            <input class="answer-text" maxlength=LIMITS.short_text.to_string()
                                prop:value=move || chosen().1.unwrap_or_default()
                                on:input=move |ev| {
                                    let text = event_target_value(&ev);
                                    let (ids, _) = chosen();
                                    set(Some(AnswerValue::Choices { ids, other: (!text.is_empty()).then_some(text) }));
                                }/>
                        </label>
                    })}
                </div>
            }.into_any()
        }
        QuestionKind::Scale { max, low, high, middle } => view! {
            <div class="scale" class:ten={max == 10} role="radiogroup" aria-labelledby=heading_id.clone()>
                <div class="scale-points">
                    {(1..=max).map(|n| {
                        let checked = move || value() == Some(AnswerValue::Scale(n));
                        view! {
                            <label class="scale-point" class:selected=checked>
                                <input type="radio" name=key.get_value() prop:checked=checked
                                    on:change=move |_| set(Some(AnswerValue::Scale(n)))/>
                                <span>{n}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
                <div class="scale-labels">
                    <span>{low}</span>
                    <span>{if max == 5 { middle } else { String::new() }}</span>
                    <span>{high}</span>
                </div>
            </div>
        }.into_any(),
        QuestionKind::YesNo => view! {
            <div class="choices yes-no" role="radiogroup" aria-labelledby=heading_id.clone()>
                {[(true, tr::YES), (false, tr::NO)].into_iter().map(|(yes, label)| {
                    let checked = move || value() == Some(AnswerValue::YesNo(yes));
                    view! {
                        <label class="choice" class:selected=checked>
                            <input type="radio" name=key.get_value() prop:checked=checked
                                on:change=move |_| set(Some(AnswerValue::YesNo(yes)))/>
                            <span>{label}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        }.into_any(),
    };
    let error = move || errors.with(|e| e.get(&key.get_value()).cloned());
    view! {
        <fieldset class="question" class:invalid=move || error().is_some() data-key=question.key.clone()>
            <h2 id=heading_id class="question-text">
                {question.text.clone()}
                {question.required.then(|| view! { <span class="required" title=tr::SV_REQUIRED>" *"</span> })}
            </h2>
            {(!question.hint.is_empty()).then(|| view! { <p class="muted">{question.hint.clone()}</p> })}
            {control}
            <p class="field-error" role="alert">{error}</p>
        </fieldset>
    }
}
