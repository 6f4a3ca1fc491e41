//! `/decks`: a methodologist's presentations; `/decks/:id`: the composer. Slides are listed on
//! the left (drag the handle with a mouse, finger or pen, or use ↑/↓), the chosen slide's fields
//! are edited on the right, and the preview below is the very document that is presented.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::api::decks::{create_deck, get_deck, list_decks, refresh_deck, save_deck};
use domain::i18n::tr;
use domain::models::UserRole;
use domain::reports::deck::{Deck, DeckSummary, Slide, SlideContent, SLIDE_KINDS};
use domain::reports::Snapshot;
use crate::ui::session::RequireRole;

/// The district's decks, with when each one's figures were taken.
#[component]
fn DeckList(list: Vec<DeckSummary>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="muted">{tr::DECKS_EMPTY}</p> }.into_any();
    }
    view! {
        <crate::ui::widgets::Wide label=tr::DECKS_TITLE>
        <table class="table">
            <thead><tr><th>{tr::DECK_NAME}</th><th>{tr::DECK_SLIDES}</th><th>{tr::DECK_SNAPSHOT}</th><th></th></tr></thead>
            <tbody>
                {list.into_iter().map(|d| view! {
                    <tr>
                        <td><A href=format!("/decks/{}", d.id)>{d.title.clone()}</A></td>
                        <td>{d.slides}</td>
                        <td>{tr::deck_data_at(&d.snapshot_at, super::session::time_zone())}</td>
                        <td><a class="button secondary" href=format!("/decks/{}/present?v={}", d.id, urlencode(&d.updated_at)) target="_blank">{tr::DECK_SHOW}</a></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </crate::ui::widgets::Wide>
    }.into_any()
}

#[component]
pub fn DecksPage() -> impl IntoView {
    let decks = Resource::new(|| (), |_| list_decks());
    let title = RwSignal::new(String::new());
    let create = Action::new(move |story: &bool| {
        let story = *story;
        let name = title.get_untracked();
        async move { create_deck(name, story).await }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            navigate(&format!("/decks/{id}"), Default::default());
        }
    });
    view! {
        <RequireRole roles=&[UserRole::Methodologist]>
            <h1>{tr::DECKS_TITLE}</h1>
            <crate::ui::page::Fetched resource=decks view=|list| view! { <DeckList list/> }/>
            <section class="card">
                <h2>{tr::DECK_CREATE}</h2>
                <div class="field">
                    <label for="deck-title">{tr::DECK_NAME}</label>
                    <input id="deck-title" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                </div>
                <div class="actions">
                    <button type="button" class="button primary" on:click=move |_| { create.dispatch(true); } disabled=move || create.pending().get()>{tr::DECK_CREATE_STORY}</button>
                    <button type="button" class="button secondary" on:click=move |_| { create.dispatch(false); } disabled=move || create.pending().get()>{tr::DECK_CREATE_EMPTY}</button>
                </div>
                {move || create.value().get().and_then(|r| r.err()).map(|e| view! { <crate::ui::page::Notice error=true text=e.to_string()/> })}
            </section>
        </RequireRole>
    }
}

#[component]
pub fn DeckPage() -> impl IntoView {
    let deck = crate::ui::page::route_resource(|| 0, get_deck);
    view! { <crate::ui::page::Loaded roles=&[UserRole::Methodologist] resource=deck view=|deck| view! { <Composer deck/> }/> }
}

/// Keeps a version stamp safe inside a query string.
fn urlencode(text: &str) -> String {
    text.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')).collect()
}

/// A short line naming what a slide shows, for the slide list.
fn summary(slide: &Slide, snapshot: &Snapshot) -> String {
    let school = |id: i64| snapshot.school(id).map(|s| s.name.clone()).unwrap_or_else(|| tr::DECK_NO_DATA.into());
    let programme = |id: i64| snapshot.programme(id).map(|p| p.organisation.clone()).unwrap_or_else(|| tr::DECK_NO_DATA.into());
    match &slide.content {
        SlideContent::Title { title, .. } => title.clone(),
        SlideContent::District => snapshot.district.name.clone(),
        SlideContent::Coverage => tr::SLIDE_COVERAGE.into(),
        SlideContent::Counts { organisation_id } | SlideContent::Variants { organisation_id } => school(*organisation_id),
        SlideContent::BeforeAfter { template, questions, organisation_id, .. } => snapshot
            .comparison(*organisation_id, template)
            .and_then(|r| questions.first().and_then(|k| r.questions.iter().find(|q| &q.key == k)))
            .map(|q| q.text.clone())
            .unwrap_or_else(|| tr::DECK_NO_DATA.into()),
        SlideContent::Kirkpatrick { programme_id }
        | SlideContent::Swot { programme_id }
        | SlideContent::Meetings { programme_id }
        | SlideContent::Plans { programme_id } => programme(*programme_id),
        SlideContent::Practices => tr::practices_found(snapshot.practices.len()),
        SlideContent::Text { heading, .. } => heading.clone(),
    }
}

/// Moves the slide at `from` to stand before `to` (or last when `to` is past the end).
pub fn move_slide(slides: &mut Vec<Slide>, from: usize, to: usize) {
    if from >= slides.len() || from == to {
        return;
    }
    let slide = slides.remove(from);
    let to = if to > from { to - 1 } else { to };
    slides.insert(to.min(slides.len()), slide);
}

/// A change to the deck's slides, applied by the composer (which marks the deck unsaved).
type SlidesEdit = Box<dyn FnOnce(&mut Vec<Slide>)>;

#[component]
fn Composer(deck: Deck) -> impl IntoView {
    let deck_id = deck.id;
    let title = RwSignal::new(deck.title);
    let slides = RwSignal::new(deck.slides);
    let snapshot = RwSignal::new(deck.snapshot);
    let selected = RwSignal::new(0usize);
    let dirty = RwSignal::new(false);
    let message = RwSignal::new(None::<(bool, String)>);
    // Part of every address of the presented document, changed on each save or refresh: the
    // document is cached (so a presenter window opens offline), and a new address is a new copy.
    let stamp = RwSignal::new(deck.updated_at.clone());
    let fresh_stamp = move || stamp.set(format!("{}", js_sys::Date::now() as u64));
    let drag = crate::ui::widgets::HandleDrag::<usize>::new("data-slide-index", |index| index.parse().ok());

    let edit = move |f: SlidesEdit| {
        slides.update(|s| f(s));
        dirty.set(true);
        message.set(None);
    };
    let save = Action::new(move |_: &()| {
        let (t, s) = (title.get_untracked(), slides.get_untracked());
        async move { save_deck(deck_id, t, s).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(_)) => {
            dirty.set(false);
            message.set(Some((true, tr::SAVED.into())));
            fresh_stamp();
        }
        // What was typed stays in the composer; only the message changes.
        Some(Err(e)) => message.set(Some((false, e.to_string()))),
        None => {}
    });
    let refresh = Action::new(move |_: &()| async move { refresh_deck(deck_id).await });
    Effect::new(move |_| match refresh.value().get() {
        Some(Ok(fresh)) => {
            snapshot.set(fresh);
            message.set(Some((true, tr::DECK_REFRESHED.into())));
            fresh_stamp();
        }
        Some(Err(e)) => message.set(Some((false, e.to_string()))),
        None => {}
    });

    // A slide dragged by its handle goes before the one it is dropped on.
    let on_move = move |ev: web_sys::PointerEvent| drag.track(&ev);
    let stop_drag = move |_| {
        if let Some((from, to)) = drag.finish() {
            edit(Box::new(move |s| move_slide(s, from, to)));
            selected.set(if to > from { to - 1 } else { to });
        }
    };
    let cancel_drag = move |_| drag.cancel();

    let present = move || format!("/decks/{deck_id}/present?v={}", urlencode(&stamp.get()));
    let preview = move || format!("{}#{}", present(), selected.get() + 1);
    let chosen_exists = Memo::new(move |_| slides.with(|s| selected.get() < s.len()));
    view! {
        <div class="composer" on:pointermove=on_move on:pointerup=stop_drag on:pointercancel=cancel_drag>
            <p><A href="/decks">{"← "}{tr::DECKS_TITLE}</A></p>
            <div class="composer-head">
                <input class="deck-title-input" aria-label=tr::DECK_NAME prop:value=move || title.get()
                    on:input=move |ev| { title.set(event_target_value(&ev)); dirty.set(true); }/>
                <button type="button" class="button primary" on:click=move |_| { save.dispatch(()); } disabled=move || save.pending().get()>
                    {move || if save.pending().get() { tr::SAVING } else { tr::SAVE }}
                </button>
                <a class="button secondary" href=present target="_blank">{tr::DECK_SHOW}</a>
                <a class="button secondary" href=move || format!("{}#print", present()) target="_blank">{tr::DECK_PDF}</a>
                <a class="button secondary" href=format!("/decks/{deck_id}/export.html") download="">{tr::DECK_HTML}</a>
            </div>
            <p class="muted snapshot-line">
                <span data-testid="snapshot">{move || snapshot.with(|s| tr::deck_data_at(&s.taken_at, s.district.time_zone))}</span>
                " "
                <button type="button" class="button secondary small" on:click=move |_| { refresh.dispatch(()); } disabled=move || refresh.pending().get()>{tr::DECK_REFRESH}</button>
                <small>{tr::DECK_REFRESH_HINT}</small>
            </p>
            {move || dirty.get().then(|| view! { <p class="notice" data-testid="unsaved">{tr::DECK_UNSAVED}</p> })}
            {move || message.get().map(|(ok, text)| view! { <p class=if ok { "notice ok" } else { "notice error" } role="status">{text}</p> })}
            <div class="composer-grid">
                <SlideList slides snapshot selected drag edit/>
                <div class="slide-editor">
                    // Rebuilt when another slide is chosen or the snapshot is refreshed, not on
                    // every edit: the fields follow the slide reactively.
                    {move || {
                        snapshot.track();
                        let i = selected.get();
                        chosen_exists.get().then(|| view! { <SlideEditor index=i slides snapshot edit/> })
                    }}
                </div>
            </div>
            <h2>{tr::DECK_PREVIEW}</h2>
            <iframe class="deck-preview" title=tr::DECK_PREVIEW src=preview></iframe>
        </div>
    }
}

/// The deck's slides in order: pick one to edit, drag it by the handle or move it with ↑/↓,
/// delete it, or add a slide of a kind after the chosen one.
#[component]
fn SlideList(
    slides: RwSignal<Vec<Slide>>,
    snapshot: RwSignal<Snapshot>,
    selected: RwSignal<usize>,
    drag: crate::ui::widgets::HandleDrag<usize>,
    edit: impl Fn(SlidesEdit) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let new_kind = RwSignal::new("text".to_owned());
    let add = move |_| {
        let Some(content) = snapshot.with_untracked(|s| SlideContent::new_of_kind(&new_kind.get_untracked(), s)) else { return };
        let at = slides.with_untracked(|s| if s.is_empty() { 0 } else { selected.get_untracked() + 1 });
        edit(Box::new(move |s| s.insert(at.min(s.len()), Slide { content, notes: String::new() })));
        selected.set(at);
    };
    view! {
        <ol class="slide-list" aria-label=tr::DECK_SLIDES>
            {move || {
                let snap = snapshot.get();
                slides.get().iter().enumerate().map(|(i, slide)| {
                    let line = summary(slide, &snap);
                    let kind = tr::slide_kind(slide.content.kind());
                    let start_drag = move |ev: web_sys::PointerEvent| drag.start(&ev, i);
                    view! {
                        <li class="slide-item" data-slide-index=i
                            class:selected=move || selected.get() == i
                            class:dragging=move || drag.is_dragging(&i)
                            class:drop-target=move || drag.is_target(&i)>
                            <span class="drag-handle" aria-hidden="true" title=tr::SV_DRAG on:pointerdown=start_drag>"⠿"</span>
                            <button type="button" class="slide-pick" on:click=move |_| selected.set(i)>
                                <span class="slide-number">{i + 1}</span>
                                <span class="slide-kind">{kind}</span>
                                <span class="slide-line">{line}</span>
                            </button>
                            <button type="button" class="icon" aria-label=tr::SV_UP on:click=move |_| {
                                if i > 0 {
                                    edit(Box::new(move |s| s.swap(i, i - 1)));
                                    selected.set(i - 1);
                                }
                            }>"↑"</button>
                            <button type="button" class="icon" aria-label=tr::SV_DOWN on:click=move |_| {
                                if i + 1 < slides.with_untracked(Vec::len) {
                                    edit(Box::new(move |s| s.swap(i, i + 1)));
                                    selected.set(i + 1);
                                }
                            }>"↓"</button>
                            <button type="button" class="icon" aria-label=tr::DELETE on:click=move |_| {
                                edit(Box::new(move |s| { s.remove(i); }));
                                selected.update(|sel| *sel = (*sel).min(slides.with_untracked(Vec::len).saturating_sub(1)));
                            }>"✕"</button>
                        </li>
                    }
                }).collect_view()
            }}
            <li class="slide-add">
                <select aria-label=tr::DECK_ADD_KIND on:change=move |ev| new_kind.set(event_target_value(&ev))>
                    {SLIDE_KINDS.iter().map(|k| view! { <option value=*k selected=*k == "text">{tr::slide_kind(k)}</option> }).collect_view()}
                </select>
                <button type="button" class="button secondary" on:click=add>{tr::DECK_ADD}</button>
            </li>
        </ol>
    }
}

#[component]
fn SlideEditor(
    index: usize,
    slides: RwSignal<Vec<Slide>>,
    snapshot: RwSignal<Snapshot>,
    edit: impl Fn(SlidesEdit) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let content = move || slides.with(|s| s.get(index).map(|slide| slide.content.clone()));
    let set_content = move |f: Box<dyn FnOnce(&mut SlideContent) + Send + Sync>| {
        edit(Box::new(move |s| {
            if let Some(slide) = s.get_mut(index) {
                f(&mut slide.content);
            }
        }))
    };
    let Some(initial) = content() else { return ().into_any() };
    let fields = match initial {
        SlideContent::Title { .. } => view! {
            <TextInput id="slide-title" label=tr::DECK_F_TITLE value=Signal::derive(move || match content() { Some(SlideContent::Title { title, .. }) => title, _ => String::new() })
                on_input=move |v| set_content(Box::new(move |c| if let SlideContent::Title { title, .. } = c { *title = v }))/>
            <TextInput id="slide-subtitle" label=tr::DECK_F_SUBTITLE value=Signal::derive(move || match content() { Some(SlideContent::Title { subtitle, .. }) => subtitle, _ => String::new() })
                on_input=move |v| set_content(Box::new(move |c| if let SlideContent::Title { subtitle, .. } = c { *subtitle = v }))/>
        }
        .into_any(),
        SlideContent::District | SlideContent::Coverage | SlideContent::Practices => view! { <p class="muted">{tr::DECK_F_AUTOMATIC}</p> }.into_any(),
        SlideContent::Counts { .. } | SlideContent::Variants { .. } => {
            let choices = snapshot.get_untracked().schools.into_iter().map(|s| (s.organisation_id, s.name)).collect();
            let current = Signal::derive(move || match content() {
                Some(SlideContent::Counts { organisation_id } | SlideContent::Variants { organisation_id }) => organisation_id,
                _ => 0,
            });
            let pick = move |id| {
                set_content(Box::new(move |c| {
                    if let SlideContent::Counts { organisation_id } | SlideContent::Variants { organisation_id } = c {
                        *organisation_id = id
                    }
                }))
            };
            view! { <Picker id="slide-school" label=tr::ORGANISATION choices current pick/> }.into_any()
        }
        SlideContent::Kirkpatrick { .. } | SlideContent::Swot { .. } | SlideContent::Meetings { .. } | SlideContent::Plans { .. } => {
            let choices = snapshot.get_untracked().programmes.into_iter().map(|p| (p.programme_id, format!("{} — {}", p.organisation, p.title))).collect();
            let current = Signal::derive(move || match content() {
                Some(
                    SlideContent::Kirkpatrick { programme_id }
                    | SlideContent::Swot { programme_id }
                    | SlideContent::Meetings { programme_id }
                    | SlideContent::Plans { programme_id },
                ) => programme_id,
                _ => 0,
            });
            let pick = move |id| {
                set_content(Box::new(move |c| {
                    if let SlideContent::Kirkpatrick { programme_id }
                    | SlideContent::Swot { programme_id }
                    | SlideContent::Meetings { programme_id }
                    | SlideContent::Plans { programme_id } = c
                    {
                        *programme_id = id
                    }
                }))
            };
            view! { <Picker id="slide-programme" label=tr::REPORT_PROGRAMME choices current pick/> }.into_any()
        }
        SlideContent::BeforeAfter { .. } => view! { <BeforeAfterFields content=Signal::derive(content) snapshot set_content/> }.into_any(),
        SlideContent::Text { .. } => view! { <TextFields content=Signal::derive(content) set_content/> }.into_any(),
    };
    let notes = move || slides.with(|s| s.get(index).map(|slide| slide.notes.clone()).unwrap_or_default());
    view! {
        <h2>{tr::slide_of(index + 1, slides.with_untracked(Vec::len))} " · " {tr::slide_kind(content().map(|c| c.kind()).unwrap_or("text"))}</h2>
        {fields}
        <div class="field">
            <label for="slide-notes">{tr::DECK_NOTES}</label>
            <textarea id="slide-notes" rows="4" prop:value=notes
                on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |s| if let Some(slide) = s.get_mut(index) { slide.notes = v })) }></textarea>
        </div>
    }
    .into_any()
}

/// A labelled choice of one of the snapshot's schools or programmes, by id. The options are
/// rendered with the select (reactive children inside a <select> do not survive the HTML parser).
#[component]
fn Picker(id: &'static str, label: &'static str, choices: Vec<(i64, String)>, current: Signal<i64>, pick: impl Fn(i64) + 'static) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| pick(event_target_value(&ev).parse::<i64>().unwrap_or(0))>
                {choices.into_iter().map(|(value, name)| view! {
                    <option value=value selected=move || value == current.get()>{name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn TextInput(id: &'static str, label: &'static str, value: Signal<String>, on_input: impl Fn(String) + 'static) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id prop:value=move || value.get() on:input=move |ev| on_input(event_target_value(&ev))/>
        </div>
    }
}

#[component]
fn BeforeAfterFields(
    content: Signal<Option<SlideContent>>,
    snapshot: RwSignal<Snapshot>,
    set_content: impl Fn(Box<dyn FnOnce(&mut SlideContent) + Send + Sync>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let parts = move || match content.get() {
        Some(SlideContent::BeforeAfter { template, questions, options, organisation_id }) => (template, questions, options, organisation_id),
        _ => Default::default(),
    };
    let toggle_question = move |key: String, on: bool| {
        set_content(Box::new(move |c| {
            if let SlideContent::BeforeAfter { questions, options, .. } = c {
                questions.retain(|k| *k != key);
                if on {
                    questions.push(key);
                    questions.truncate(2);
                }
                options.clear();
            }
        }))
    };
    let toggle_option = move |label: String, on: bool| {
        set_content(Box::new(move |c| {
            if let SlideContent::BeforeAfter { options, .. } = c {
                options.retain(|o| *o != label);
                if on {
                    options.push(label);
                }
            }
        }))
    };
    view! {
        <div class="field">
            <label for="slide-scope">{tr::DECK_F_SCOPE}</label>
            <select id="slide-scope" on:change=move |ev| {
                let school = event_target_value(&ev).parse::<i64>().ok();
                // Keep the questionnaire and questions where the new scope has them; otherwise
                // start from its first questionnaire, so the slide always points at data.
                let available = snapshot.with_untracked(|s| s.comparisons(school).to_vec());
                set_content(Box::new(move |c| if let SlideContent::BeforeAfter { organisation_id, template, questions, options } = c {
                    *organisation_id = school;
                    let report = available.iter().find(|t| t.template == *template).or(available.first());
                    if let Some(found) = report {
                        if found.template != *template {
                            *template = found.template.clone();
                            options.clear();
                        }
                        questions.retain(|k| found.report.questions.iter().any(|q| &q.key == k));
                        if questions.is_empty() {
                            questions.extend(found.report.questions.first().map(|q| q.key.clone()));
                        }
                    }
                }))
            }>
                <option value="" selected=move || parts().3.is_none()>{tr::DECK_F_WHOLE_DISTRICT}</option>
                {snapshot.with_untracked(|snap| {
                    snap.school_before_after.iter().filter_map(|c| snap.school(c.organisation_id)).map(|s| {
                        let id = s.organisation_id;
                        view! { <option value=id selected=move || parts().3 == Some(id)>{s.name.clone()}</option> }
                    }).collect_view()
                })}
            </select>
        </div>
        <div class="field">
            <label for="slide-template">{tr::DECK_F_QUESTIONNAIRE}</label>
            // Its options depend on whose answers: the whole select is rebuilt when that changes
            // (reactive children inside a <select> do not survive the HTML parser).
            {move || {
                let (chosen, _, _, school) = parts();
                let list = snapshot.with(|s| s.comparisons(school).to_vec());
                view! {
                    <select id="slide-template" on:change=move |ev| {
                        let template = event_target_value(&ev);
                        set_content(Box::new(move |c| if let SlideContent::BeforeAfter { template: t, questions, options, .. } = c {
                            *t = template;
                            questions.clear();
                            options.clear();
                        }))
                    }>
                        {list.into_iter().map(|c| {
                            let selected = c.template == chosen;
                            view! { <option value=c.template.clone() selected=selected>{c.report.title.clone()}</option> }
                        }).collect_view()}
                    </select>
                }
            }}
        </div>
        <fieldset class="field">
            <legend>{tr::DECK_F_QUESTIONS}</legend>
            {move || {
                let (template, questions, _, school) = parts();
                snapshot.get().comparison(school, &template).cloned().map(|report| report.questions.into_iter().map(|q| {
                    let key = q.key.clone();
                    let checked = questions.contains(&q.key);
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=checked on:change=move |ev| toggle_question(key.clone(), event_target_checked(&ev))/>
                            {q.text.clone()}
                        </label>
                    }
                }).collect_view())
            }}
        </fieldset>
        <fieldset class="field">
            <legend>{tr::DECK_F_OPTIONS}</legend>
            {move || {
                let (template, questions, options, school) = parts();
                let report = snapshot.get().comparison(school, &template).cloned();
                report.and_then(|r| r.questions.into_iter().find(|q| questions.first() == Some(&q.key))).map(|q| q.rows.into_iter().map(|row| {
                    let label = row.label.clone();
                    let checked = options.contains(&row.label);
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=checked on:change=move |ev| toggle_option(label.clone(), event_target_checked(&ev))/>
                            {row.label.clone()} " (" {row.entry.percent} " % → " {row.exit.percent} " %)"
                        </label>
                    }
                }).collect_view())
            }}
        </fieldset>
    }
}

#[component]
fn TextFields(
    content: Signal<Option<SlideContent>>,
    set_content: impl Fn(Box<dyn FnOnce(&mut SlideContent) + Send + Sync>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let parts = move || match content.get() {
        Some(SlideContent::Text { heading, body, image }) => (heading, body, image),
        _ => Default::default(),
    };
    let image_error = RwSignal::new(None::<String>);
    let on_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        if file.size() > 1_500_000.0 {
            image_error.set(Some(tr::deck_err_image_size(0).replace("Слайд 0: ", "")));
            return;
        }
        let Ok(reader) = web_sys::FileReader::new() else { return };
        let done = reader.clone();
        let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(url) = done.result().ok().and_then(|r| r.as_string()) {
                image_error.set(None);
                set_content(Box::new(move |c| if let SlideContent::Text { image, .. } = c { *image = Some(url) }));
            }
        });
        reader.set_onload(Some(on_load.unchecked_ref()));
        let _ = reader.read_as_data_url(&file);
    };
    view! {
        <div class="field">
            <label for="slide-heading">{tr::DECK_F_HEADING}</label>
            <input id="slide-heading" prop:value=move || parts().0
                on:input=move |ev| { let v = event_target_value(&ev); set_content(Box::new(move |c| if let SlideContent::Text { heading, .. } = c { *heading = v })) }/>
        </div>
        <div class="field">
            <label for="slide-body">{tr::DECK_F_BODY}</label>
            <textarea id="slide-body" rows="7" prop:value=move || parts().1
                on:input=move |ev| { let v = event_target_value(&ev); set_content(Box::new(move |c| if let SlideContent::Text { body, .. } = c { *body = v })) }></textarea>
            <small class="muted">{tr::DECK_F_BODY_HINT}</small>
        </div>
        <div class="field">
            <label for="slide-image">{tr::DECK_F_IMAGE}</label>
            <input id="slide-image" type="file" accept="image/png,image/jpeg,image/webp" on:change=on_file/>
            {move || parts().2.map(|src| view! {
                <img class="image-preview" src=src alt=""/>
                <button type="button" class="button secondary small" on:click=move |_| set_content(Box::new(|c| if let SlideContent::Text { image, .. } = c { *image = None }))>{tr::DECK_F_IMAGE_REMOVE}</button>
            })}
            <p class="field-error" role="alert">{move || image_error.get()}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck(n: usize) -> Vec<Slide> {
        (0..n).map(|i| Slide { content: SlideContent::Text { heading: i.to_string(), body: String::new(), image: None }, notes: String::new() }).collect()
    }

    fn order(slides: &[Slide]) -> Vec<String> {
        slides.iter().map(|s| match &s.content { SlideContent::Text { heading, .. } => heading.clone(), _ => String::new() }).collect()
    }

    #[test]
    fn dropping_a_slide_puts_it_before_the_target() {
        let mut slides = deck(4);
        move_slide(&mut slides, 3, 1);
        assert_eq!(order(&slides), ["0", "3", "1", "2"]);
        move_slide(&mut slides, 0, 3);
        assert_eq!(order(&slides), ["3", "1", "0", "2"]);
        move_slide(&mut slides, 2, 2);
        assert_eq!(order(&slides), ["3", "1", "0", "2"]);
        move_slide(&mut slides, 9, 0);
        assert_eq!(slides.len(), 4);
    }
}
