//! `/questionnaires/:id`: the questionnaire builder. Sections and questions of every kind,
//! options, scales, required flags; reorder by dragging the handle (mouse, finger or pen) or
//! with the arrow buttons; a preview exactly as respondents see it. Saving keeps the version
//! while its meaning is unchanged and makes a new one when answers exist and it is not.

use leptos::prelude::*;
use leptos_router::components::A;

use super::taker::Taker;
use crate::ui::widgets::HandleDrag;
use crate::api::surveys::{get_questionnaire, save_questionnaire};
use crate::error::AppError;
use domain::FieldErrors;
use domain::i18n::tr;
use domain::models::UserRole;
use domain::surveys::*;

#[component]
pub fn BuilderPage() -> impl IntoView {
    let draft = crate::ui::page::route_resource(|| 0, get_questionnaire);
    view! {
        <crate::ui::page::Loaded roles=&[UserRole::Curator, UserRole::Methodologist] resource=draft
            view=|draft| view! { <Builder draft/> }/>
    }
}

/// The kinds offered in the builder, with a fresh value of each.
fn kinds() -> Vec<(&'static str, QuestionKind)> {
    let options = || vec![Choice { id: 1, label: tr::sv_option(1) }, Choice { id: 2, label: tr::sv_option(2) }];
    vec![
        ("short_text", QuestionKind::ShortText),
        ("long_text", QuestionKind::LongText),
        ("single_choice", QuestionKind::SingleChoice { options: options() }),
        ("multiple_choice", QuestionKind::MultipleChoice { options: options(), other: false }),
        ("scale5", QuestionKind::Scale { max: 5, low: tr::SV_SCALE_LOW.into(), high: tr::SV_SCALE_HIGH.into(), middle: tr::SV_SCALE_MIDDLE.into() }),
        ("scale10", QuestionKind::Scale { max: 10, low: tr::SV_SCALE_LOW.into(), high: tr::SV_SCALE_HIGH.into(), middle: String::new() }),
        ("yes_no", QuestionKind::YesNo),
    ]
}

fn kind_code(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::ShortText => "short_text",
        QuestionKind::LongText => "long_text",
        QuestionKind::SingleChoice { .. } => "single_choice",
        QuestionKind::MultipleChoice { .. } => "multiple_choice",
        QuestionKind::Scale { max: 10, .. } => "scale10",
        QuestionKind::Scale { .. } => "scale5",
        QuestionKind::YesNo => "yes_no",
    }
}

/// Changes the question with `key`, wherever it is.
fn edit(definition: RwSignal<Definition>, key: &str, change: impl FnOnce(&mut Question)) {
    definition.update(|d| {
        if let Some(q) = d.sections.iter_mut().flat_map(|s| s.questions.iter_mut()).find(|q| q.key == key) {
            change(q);
        }
    });
}

/// Where a question is: (section, index).
fn position(d: &Definition, key: &str) -> Option<(usize, usize)> {
    d.sections.iter().enumerate().find_map(|(s, section)| section.questions.iter().position(|q| q.key == key).map(|i| (s, i)))
}

/// Moves a question one place up or down, crossing into the neighbouring section at its edge.
fn shift(d: &mut Definition, key: &str, down: bool) {
    let Some((s, i)) = position(d, key) else { return };
    let question = d.sections[s].questions.remove(i);
    match (down, i) {
        (false, 0) if s > 0 => d.sections[s - 1].questions.push(question),
        (false, _) => d.sections[s].questions.insert(i.saturating_sub(1), question),
        (true, i) if i >= d.sections[s].questions.len() && s + 1 < d.sections.len() => d.sections[s + 1].questions.insert(0, question),
        (true, i) => {
            let at = (i + 1).min(d.sections[s].questions.len());
            d.sections[s].questions.insert(at, question)
        }
    }
}

/// Puts a question just before another (a drop on it), in that one's section.
fn move_before(d: &mut Definition, key: &str, target: &str) {
    if key == target {
        return;
    }
    let Some((s, i)) = position(d, key) else { return };
    let question = d.sections[s].questions.remove(i);
    match position(d, target) {
        Some((ts, ti)) => d.sections[ts].questions.insert(ti, question),
        None => d.sections[s].questions.insert(i, question),
    }
}

#[component]
fn Builder(draft: QuestionnaireDraft) -> impl IntoView {
    let id = draft.id;
    let definition = RwSignal::new(draft.definition);
    let version = RwSignal::new(draft.version);
    let answered = RwSignal::new(draft.answers_on_version);
    let errors = RwSignal::new(FieldErrors::new());
    let notice = RwSignal::new(None::<(bool, String)>);
    let previewing = RwSignal::new(false);
    let drag = HandleDrag::<String>::new("data-question", |key| Some(key.to_owned()));

    // One save at a time: the button waits while `pending`; what was typed stays on the page
    // whatever the answer.
    let save_action = Action::new(move |edited: &Definition| save_questionnaire(id, edited.clone()));
    let saving = save_action.pending();
    Effect::new(move |_| match save_action.value().get() {
        None => {}
        Some(Ok(outcome)) => {
            errors.set(FieldErrors::new());
            if outcome.new_version {
                answered.set(0);
            }
            version.set(outcome.version);
            notice.set(Some((true, tr::sv_saved(outcome.version, outcome.new_version))));
        }
        Some(Err(AppError::Validation(problems))) => {
            errors.set(problems);
            notice.set(Some((false, tr::SV_FIX_QUESTIONS.into())));
        }
        Some(Err(e)) => notice.set(Some((false, e.to_string()))),
    });
    let save = move |_| {
        if let Err(problems) = definition.with_untracked(Definition::check) {
            errors.set(problems);
            notice.set(Some((false, tr::SV_FIX_QUESTIONS.into())));
            return;
        }
        save_action.dispatch(definition.get_untracked());
    };
    let add_question = move |section: usize| {
        definition.update(|d| {
            let key = d.fresh_key();
            if d.sections.is_empty() {
                d.sections.push(Section::default());
            }
            let section = section.min(d.sections.len() - 1);
            d.sections[section].questions.push(Question {
                key,
                text: String::new(),
                hint: String::new(),
                required: true,
                kind: QuestionKind::SingleChoice { options: kinds()[2].1.options().to_vec() },
                only_in: None,
                level: None,
            });
        });
    };
    // A question dragged by its handle goes before the card it is dropped on.
    let on_move = move |ev: web_sys::PointerEvent| drag.track(&ev);
    let stop_drag = move |_| {
        if let Some((key, target)) = drag.finish() {
            definition.update(|d| move_before(d, &key, &target));
        }
    };
    let cancel_drag = move |_| drag.cancel();

    view! {
        <div class="builder" on:pointermove=on_move on:pointerup=stop_drag on:pointercancel=cancel_drag>
            <p><A href="/questionnaires">{"← "}{tr::SV_QUESTIONNAIRES_TITLE}</A></p>
            <div class="builder-head">
                <p class="muted" data-testid="version">{move || tr::sv_version_line(version.get(), answered.get())}</p>
                <label class="check">
                    <input type="checkbox" prop:checked=move || previewing.get() on:change=move |ev| previewing.set(event_target_checked(&ev))/>
                    {tr::SV_PREVIEW}
                </label>
                <button type="button" class="button primary" on:click=save disabled=move || saving.get()>
                    {move || if saving.get() { tr::SAVING } else { tr::SAVE }}
                </button>
            </div>
            {move || notice.get().map(|(saved, text)| view! { <crate::ui::page::Notice error=!saved text/> })}
            {move || if previewing.get() {
                let form = SurveyForm { wave_id: 0, kind: WaveKind::Entry, anonymous: false, version_id: 0, definition: definition.get() };
                view! { <div class="preview"><Taker form who="preview" preview=true/></div> }.into_any()
            } else {
                view! { <Editor definition errors drag add_question/> }.into_any()
            }}
        </div>
    }
}

#[component]
fn Editor(
    definition: RwSignal<Definition>,
    errors: RwSignal<FieldErrors>,
    drag: HandleDrag<String>,
    add_question: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let field_error = move |key: &'static str| move || errors.with(|e| e.get(key).cloned());
    view! {
        <div class="field">
            <label for="sv-title">{tr::SV_TITLE_FIELD}</label>
            <input id="sv-title" name="title" prop:value=move || definition.with(|d| d.title.clone())
                on:input=move |ev| definition.update(|d| d.title = event_target_value(&ev))/>
            <p class="field-error">{field_error("title")}</p>
        </div>
        <div class="field">
            <label for="sv-intro">{tr::SV_INTRO_FIELD}</label>
            <textarea id="sv-intro" rows="2" prop:value=move || definition.with(|d| d.intro.clone())
                on:input=move |ev| definition.update(|d| d.intro = event_target_value(&ev))></textarea>
        </div>
        <p class="field-error">{field_error("questions")}</p>
        {move || {
            let sections = definition.with(|d| d.sections.iter().map(|s| s.questions.iter().map(|q| q.key.clone()).collect::<Vec<_>>()).collect::<Vec<_>>());
            sections.into_iter().enumerate().map(|(index, keys)| view! {
                <section class="builder-section">
                    <div class="row">
                        <input class="section-title" placeholder=tr::SV_SECTION_TITLE aria-label=tr::SV_SECTION_TITLE
                            prop:value=move || definition.with(|d| d.sections.get(index).map(|s| s.title.clone()).unwrap_or_default())
                            on:input=move |ev| definition.update(|d| if let Some(s) = d.sections.get_mut(index) { s.title = event_target_value(&ev) })/>
                        <button type="button" class="button secondary" disabled=!keys.is_empty()
                            on:click=move |_| definition.update(|d| { if d.sections.len() > 1 && d.sections[index].questions.is_empty() { d.sections.remove(index); } })>
                            {tr::SV_REMOVE_SECTION}
                        </button>
                    </div>
                    {keys.into_iter().map(|key| view! { <QuestionEditor key definition errors drag/> }).collect_view()}
                    <button type="button" class="button secondary" on:click=move |_| add_question(index)>{tr::SV_ADD_QUESTION}</button>
                </section>
            }).collect_view()
        }}
        <button type="button" class="button secondary" on:click=move |_| definition.update(|d| d.sections.push(Section::default()))>
            {tr::SV_ADD_SECTION}
        </button>
    }
}

#[component]
fn QuestionEditor(
    key: String,
    definition: RwSignal<Definition>,
    errors: RwSignal<FieldErrors>,
    drag: HandleDrag<String>,
) -> impl IntoView {
    let key = StoredValue::new(key);
    let question = move || definition.with(|d| d.question(&key.get_value()).cloned());
    let change = move |f: Box<dyn FnOnce(&mut Question)>| {
        edit(definition, &key.get_value(), f);
        errors.update(|e| {
            e.remove(&key.get_value());
        });
    };
    let Some(initial) = definition.with_untracked(|d| d.question(&key.get_value()).cloned()) else { return ().into_any() };
    let error = move || errors.with(|e| e.get(&key.get_value()).cloned());
    let kind_now = move || question().map(|q| kind_code(&q.kind)).unwrap_or("short_text");
    let start_drag = move |ev: web_sys::PointerEvent| drag.start(&ev, key.get_value());
    view! {
        <article class="question-editor" class:dragging=move || drag.is_dragging(&key.get_value())
            class:drop-target=move || drag.is_target(&key.get_value())
            class:invalid=move || error().is_some() data-question=key.get_value()>
            <div class="row">
                <span class="drag-handle" aria-hidden="true" title=tr::SV_DRAG on:pointerdown=start_drag>"⠿"</span>
                <input class="question-text-input" placeholder=tr::SV_QUESTION_TEXT aria-label=tr::SV_QUESTION_TEXT
                    prop:value=move || question().map(|q| q.text).unwrap_or_default()
                    on:input=move |ev| { let v = event_target_value(&ev); change(Box::new(move |q| q.text = v)) }/>
                <button type="button" class="icon" aria-label=tr::SV_UP on:click=move |_| definition.update(|d| shift(d, &key.get_value(), false))>"↑"</button>
                <button type="button" class="icon" aria-label=tr::SV_DOWN on:click=move |_| definition.update(|d| shift(d, &key.get_value(), true))>"↓"</button>
                <button type="button" class="icon" aria-label=tr::DELETE on:click=move |_| definition.update(|d| {
                    for s in &mut d.sections { s.questions.retain(|q| q.key != key.get_value()) }
                })>"✕"</button>
            </div>
            <div class="row">
                <select aria-label=tr::SV_KIND on:change=move |ev| {
                    let code = event_target_value(&ev);
                    if let Some((_, kind)) = kinds().into_iter().find(|(c, _)| *c == code) {
                        change(Box::new(move |q| {
                            // Keep typed options when switching between the two choice kinds.
                            let options = q.kind.options().to_vec();
                            q.kind = match kind {
                                QuestionKind::SingleChoice { .. } if options.len() >= 2 => QuestionKind::SingleChoice { options },
                                QuestionKind::MultipleChoice { other, .. } if options.len() >= 2 => QuestionKind::MultipleChoice { options, other },
                                other => other,
                            };
                        }));
                    }
                }>
                    {kinds().into_iter().map(|(code, _)| view! {
                        <option value=code selected=kind_code(&initial.kind) == code>{tr::sv_kind(code)}</option>
                    }).collect_view()}
                </select>
                <label class="check">
                    <input type="checkbox" prop:checked=move || question().is_some_and(|q| q.required)
                        on:change=move |ev| { let v = event_target_checked(&ev); change(Box::new(move |q| q.required = v)) }/>
                    {tr::SV_REQUIRED}
                </label>
                <select aria-label=tr::SV_ONLY_IN on:change=move |ev| {
                    let v = WaveKind::from_code(&event_target_value(&ev));
                    change(Box::new(move |q| q.only_in = v));
                }>
                    <option value="" selected=initial.only_in.is_none()>{tr::SV_ALL_WAVES}</option>
                    {WaveKind::ALL.iter().map(|k| view! {
                        <option value=k.code() selected=initial.only_in == Some(*k)>{tr::sv_only_in(*k)}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || match kind_now() {
                "single_choice" | "multiple_choice" => view! { <OptionsEditor key=key.get_value() definition/> }.into_any(),
                "scale5" | "scale10" => view! { <ScaleEditor key=key.get_value() definition/> }.into_any(),
                _ => ().into_any(),
            }}
            <p class="field-error" role="alert">{error}</p>
        </article>
    }
    .into_any()
}

/// An edit of a choice question's options.
type OptionsChange = Box<dyn FnOnce(&mut Vec<Choice>)>;

#[component]
fn OptionsEditor(key: String, definition: RwSignal<Definition>) -> impl IntoView {
    let key = StoredValue::new(key);
    let options = move || definition.with(|d| d.question(&key.get_value()).map(|q| q.kind.options().to_vec()).unwrap_or_default());
    let with_options = move |f: OptionsChange| {
        edit(definition, &key.get_value(), |q| match &mut q.kind {
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. } => f(options),
            _ => {}
        })
    };
    let ids = move || options().iter().map(|o| o.id).collect::<Vec<_>>();
    let is_multiple = move || definition.with(|d| matches!(d.question(&key.get_value()).map(|q| &q.kind), Some(QuestionKind::MultipleChoice { .. })));
    let has_other = move || definition.with(|d| matches!(d.question(&key.get_value()).map(|q| &q.kind), Some(QuestionKind::MultipleChoice { other: true, .. })));
    view! {
        <ol class="options-editor">
            {move || ids().into_iter().map(|id| view! {
                <li class="row">
                    <input aria-label=tr::SV_OPTION prop:value=move || options().into_iter().find(|o| o.id == id).map(|o| o.label).unwrap_or_default()
                        on:input=move |ev| { let v = event_target_value(&ev); with_options(Box::new(move |o| if let Some(c) = o.iter_mut().find(|c| c.id == id) { c.label = v })) }/>
                    <button type="button" class="icon" aria-label=tr::DELETE on:click=move |_| with_options(Box::new(move |o| o.retain(|c| c.id != id)))>"✕"</button>
                </li>
            }).collect_view()}
        </ol>
        <div class="row">
            <button type="button" class="button secondary" on:click=move |_| with_options(Box::new(|o| {
                let id = o.iter().map(|c| c.id).max().unwrap_or(0) + 1;
                o.push(Choice { id, label: tr::sv_option(o.len() + 1) });
            }))>{tr::SV_ADD_OPTION}</button>
            <label class="check" hidden=move || !is_multiple()>
                <input type="checkbox" prop:checked=has_other on:change=move |ev| {
                    let v = event_target_checked(&ev);
                    edit(definition, &key.get_value(), move |q| if let QuestionKind::MultipleChoice { other, .. } = &mut q.kind { *other = v });
                }/>
                {tr::SV_ALLOW_OTHER}
            </label>
        </div>
    }
}

#[component]
fn ScaleEditor(key: String, definition: RwSignal<Definition>) -> impl IntoView {
    let key = StoredValue::new(key);
    let labels = move || definition.with(|d| match d.question(&key.get_value()).map(|q| q.kind.clone()) {
        Some(QuestionKind::Scale { max, low, high, middle }) => (max, low, middle, high),
        _ => (5, String::new(), String::new(), String::new()),
    });
    let set = move |which: u8, value: String| {
        edit(definition, &key.get_value(), move |q| if let QuestionKind::Scale { low, high, middle, .. } = &mut q.kind {
            match which { 0 => *low = value, 1 => *middle = value, _ => *high = value }
        })
    };
    view! {
        <div class="row">
            <input aria-label=tr::SV_SCALE_LOW_LABEL placeholder=tr::SV_SCALE_LOW_LABEL prop:value=move || labels().1 on:input=move |ev| set(0, event_target_value(&ev))/>
            <input aria-label=tr::SV_SCALE_MIDDLE_LABEL placeholder=tr::SV_SCALE_MIDDLE_LABEL hidden=move || labels().0 != 5
                prop:value=move || labels().2 on:input=move |ev| set(1, event_target_value(&ev))/>
            <input aria-label=tr::SV_SCALE_HIGH_LABEL placeholder=tr::SV_SCALE_HIGH_LABEL prop:value=move || labels().3 on:input=move |ev| set(2, event_target_value(&ev))/>
        </div>
    }
}
