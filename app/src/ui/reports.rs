//! `/programmes/:id/swot`: the curator's SWOT board; `/reports/school`: the school's analytic
//! report (аналитическая справка), printable and downloadable as XLSX.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::reports::{get_school_report, get_swot, save_swot, SwotBoard};
use domain::i18n::tr;
use domain::models::UserRole;
use domain::reports::{Quadrant, SchoolReport, Swot};

#[component]
pub fn SwotPage() -> impl IntoView {
    let board = crate::ui::page::route_resource(|| 0, get_swot);
    view! {
        <crate::ui::page::Loaded roles=&[UserRole::Curator, UserRole::Methodologist] resource=board
            view=|board| view! { <SwotEditor board/> }/>
    }
}

#[component]
fn SwotEditor(board: SwotBoard) -> impl IntoView {
    let programme_id = board.programme_id;
    let can_edit = board.can_edit;
    let swot = RwSignal::new(board.swot);
    let message = RwSignal::new(None::<(bool, String)>);
    let dirty = RwSignal::new(false);
    let change = move |f: Box<dyn FnOnce(&mut Swot)>| {
        swot.update(|s| f(s));
        dirty.set(true);
        message.set(None);
    };
    let save = Action::new(move |_: &()| {
        let board = swot.get_untracked();
        async move { save_swot(programme_id, board).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(stored)) => {
            swot.set(stored);
            dirty.set(false);
            message.set(Some((true, tr::SAVED.into())));
        }
        // The board keeps what was typed; only the message says what went wrong.
        Some(Err(e)) => message.set(Some((false, e.to_string()))),
        None => {}
    });
    let open_answers = board.open_answers;
    let title = board.programme_title;
    let back = format!("← {title}");
    view! {
        <p><A href=format!("/programmes/{programme_id}")>{back}</A></p>
        <h1>{tr::SWOT_TITLE} ": " {title}</h1>
        <p class="muted">{board.organisation.clone()}</p>
        {can_edit.then(|| view! {
            <div class="actions">
                <button type="button" class="button primary" on:click=move |_| { save.dispatch(()); } disabled=move || save.pending().get()>
                    {move || if save.pending().get() { tr::SAVING } else { tr::SAVE }}
                </button>
                {move || dirty.get().then(|| view! { <span class="muted" data-testid="unsaved">{tr::DECK_UNSAVED}</span> })}
            </div>
        })}
        {move || message.get().map(|(ok, text)| view! { <p class=if ok { "notice ok" } else { "notice error" } role="status">{text}</p> })}
        <div class="swot-board">
            {Quadrant::ALL.into_iter().map(|quadrant| {
                let draft = RwSignal::new(String::new());
                let add = move || {
                    let text = draft.get_untracked();
                    if text.trim().is_empty() {
                        return;
                    }
                    change(Box::new(move |s| s.items_mut(quadrant).push(text)));
                    draft.set(String::new());
                };
                view! {
                    <section class=format!("quadrant {}", quadrant.code()) data-quadrant=quadrant.code()>
                        <h2>{tr::quadrant(quadrant)}</h2>
                        <ul>
                            {move || swot.with(|s| s.items(quadrant).clone()).into_iter().enumerate().map(|(i, item)| {
                                if can_edit {
                                    view! {
                                        <li class="swot-item">
                                            <input aria-label=tr::quadrant(quadrant) prop:value=item
                                                on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |s| s.items_mut(quadrant)[i] = v)) }/>
                                            <button type="button" class="icon" aria-label=tr::DELETE
                                                on:click=move |_| change(Box::new(move |s| { s.items_mut(quadrant).remove(i); }))>"✕"</button>
                                        </li>
                                    }.into_any()
                                } else {
                                    view! { <li>{item}</li> }.into_any()
                                }
                            }).collect_view()}
                        </ul>
                        {can_edit.then(|| view! {
                            <div class="swot-add">
                                <input placeholder=tr::SWOT_NEW_ITEM aria-label=format!("{}: {}", tr::quadrant(quadrant), tr::SWOT_NEW_ITEM)
                                    prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))
                                    on:keydown=move |ev| if ev.key() == "Enter" { add() }/>
                                <button type="button" class="button secondary" on:click=move |_| add()>{tr::SWOT_ADD}</button>
                            </div>
                        })}
                    </section>
                }
            }).collect_view()}
        </div>
        {can_edit.then(|| view! {
            <section class="card swot-answers">
                <h2>{tr::SWOT_OPEN_ANSWERS}</h2>
                {if open_answers.is_empty() {
                    view! { <p class="muted">{tr::SWOT_NO_ANSWERS}</p> }.into_any()
                } else {
                    view! {
                        <p class="muted">{tr::SWOT_OPEN_HINT}</p>
                        <ul class="answers">
                            {open_answers.into_iter().map(|(question, answer)| {
                                let answer = StoredValue::new(answer);
                                view! {
                                    <li>
                                        <q>{answer.get_value()}</q>
                                        <small class="muted">{question}</small>
                                        <span class="pull">
                                            {Quadrant::ALL.into_iter().map(|quadrant| view! {
                                                <button type="button" class=format!("chip {}", quadrant.code()) aria-label=tr::swot_to(quadrant)
                                                    title=tr::swot_to(quadrant)
                                                    on:click=move |_| change(Box::new(move |s| s.items_mut(quadrant).push(answer.get_value())))>
                                                    {tr::quadrant(quadrant).chars().next().unwrap_or('?').to_string()}
                                                </button>
                                            }).collect_view()}
                                        </span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        })}
    }
}

#[component]
pub fn SchoolReportPage() -> impl IntoView {
    let query = use_query_map();
    let org = move || query.with(|q| q.get("org").and_then(|v| v.parse::<i64>().ok()));
    let report = Resource::new(org, get_school_report);
    view! {
        <crate::ui::page::Loaded roles=&[UserRole::Curator, UserRole::Methodologist] resource=report
            view=|report| view! { <SchoolReportView report/> }/>
    }
}

#[component]
fn SchoolReportView(report: SchoolReport) -> impl IntoView {
    let f = report.figures.clone();
    let print = move |_| {
        let _ = window().print();
    };
    let charts = report.before_after_charts.clone();
    view! {
        <article class="report">
            <div class="actions no-print">
                <button type="button" class="button primary" on:click=print>{tr::REPORT_PRINT}</button>
                <a class="button secondary" href=format!("/export/school/{}.xlsx", f.organisation_id) download="">{tr::REPORT_XLSX}</a>
            </div>
            <h1>{f.name.clone()}</h1>
            <p class="report-subtitle">{tr::REPORT_TITLE} " · " {report.district.clone()} " · " {tr::date(&report.date)}</p>
            <section class="report-counts">{crate::views::counts_table(&f)}</section>
            <section>
                <h2>{tr::REPORT_VARIANTS}</h2>
                <div class="chart report-chart" data-chart=report.variants_chart.clone() aria-hidden="true"></div>
                <crate::ui::widgets::Wide label=tr::REPORT_VARIANTS>
                <table class="table compact">
                    <thead><tr><th>{tr::REPORT_VARIANT}</th><th class="num">{tr::PAIRS}</th><th class="num">{tr::STUDENTS}</th><th class="num">{tr::REPORT_PEOPLE}</th></tr></thead>
                    <tbody>
                        {f.per_variant.iter().map(|v| view! {
                            <tr><td>{tr::variant(v.variant)}</td><td class="num">{v.pairs}</td><td class="num">{v.students}</td><td class="num">{v.people}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </crate::ui::widgets::Wide>
                <p>{tr::involved_caption(f.students_involved, f.teachers_involved)}</p>
            </section>
            <section>
                <h2>{tr::BA_TITLE}</h2>
                {if report.before_after.is_empty() {
                    view! { <p class="muted">{tr::REPORT_NO_COMPARISON}</p> }.into_any()
                } else {
                    report.before_after.iter().flat_map(|c| {
                        let charts = charts.clone();
                        c.report.questions.iter().filter(|q| q.entry_n > 0 && q.exit_n > 0).map(move |q| {
                            let key = format!("{}/{}", c.template, q.key);
                            let chart = charts.iter().find(|(k, _)| *k == key).map(|(_, json)| json.clone()).unwrap_or_default();
                            view! {
                                <div class="report-question">
                                    <h3>{q.text.clone()}</h3>
                                    <div class="chart report-chart" data-chart=chart aria-hidden="true"></div>
                                    <p class="muted">{tr::ba_n(q.entry_n, q.exit_n, q.linked)}</p>
                                    <crate::ui::surveys::compare::BeforeAfterTable q=q.clone()/>
                                </div>
                            }
                        }).collect::<Vec<_>>()
                    }).collect_view().into_any()
                }}
            </section>
            {report.programmes.iter().map(|p| view! {
                <section class="report-programme">
                    <h2>{p.title.clone()}</h2>
                    {(!p.kirkpatrick.has_data() && p.swot.is_empty()).then(|| view! { <p class="muted">{tr::REPORT_PROGRAMME_EMPTY}</p> })}
                    {p.kirkpatrick.has_data().then(|| {
                        let rows = p.kirkpatrick.levels.iter().flat_map(|l| l.measures.iter().map(move |m| view! {
                            <tr><td>{tr::kirkpatrick_level(l.level)}</td><td>{m.text.clone()}</td><td>{m.figure.clone()}</td><td class="num">{m.n}</td></tr>
                        })).collect_view();
                        view! {
                            <h3>{tr::SLIDE_KIRKPATRICK}</h3>
                            <crate::ui::widgets::Wide label=tr::SLIDE_KIRKPATRICK>
                                <table class="table compact">
                                    <thead><tr><th>{tr::REPORT_LEVEL}</th><th>{tr::REPORT_QUESTION}</th><th>{tr::REPORT_FIGURE}</th><th class="num">"n"</th></tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </crate::ui::widgets::Wide>
                        }
                    })}
                    {(!p.swot.is_empty()).then(|| view! {
                        <h3>{tr::SWOT_TITLE}</h3>
                        {crate::views::swot_grid(&p.swot, "swot-board read-only")}
                    })}
                </section>
            }).collect_view()}
        </article>
    }
}
