//! A deck as one HTML document: every slide at 1280 × 720 with its charts' options in
//! `data-chart`, the speaker's notes beside it, and `deck.js` to present it. The server sends it
//! to present in the browser; the export inlines the scripts so the same file works offline.

use leptos::prelude::*;

use crate::charts;
use crate::views::{counts_table, swot_grid};
use domain::reports::deck::{Slide, SlideContent};
use domain::reports::Snapshot;
use domain::i18n::tr;
use domain::models::percent;

/// How the document gets its styles and scripts.
pub enum Assets<'a> {
    /// Links to the server's `/static/…` files; `version` changes whenever they do, so the
    /// browser may keep them for good (and a presenter window opens with no network).
    Linked { version: &'a str },
    /// Everything inline: one file that presents with no server and no network.
    Inline { css: &'a str, echarts: &'a str, deck_js: &'a str },
}

/// The whole document for a deck.
pub fn document(deck_id: i64, title: &str, slides: &[Slide], snapshot: &Snapshot, assets: Assets) -> String {
    let total = slides.len();
    let body = slides
        .iter()
        .enumerate()
        .map(|(i, slide)| slide_html(i + 1, total, slide, snapshot))
        .collect::<String>();
    let exported = matches!(assets, Assets::Inline { .. });
    let (head_assets, tail_assets) = match assets {
        Assets::Linked { version } => (
            format!(r#"<link rel="stylesheet" href="/static/deck.css?v={version}"><script src="/static/vision.js"></script>"#),
            // The service worker keeps the presenting page and its files for a hall without a network.
            format!(r#"<script src="/static/{ECHARTS_FILE}"></script><script src="/static/deck.js?v={version}"></script><script src="/static/register-sw.js"></script>"#),
        ),
        Assets::Inline { css, echarts, deck_js } => (
            format!("<style>{css}</style>"),
            // `</script` cannot occur inside the inlined scripts: both are checked when built.
            format!("<script>{echarts}</script><script>{deck_js}</script>"),
        ),
    };
    let toolbar = view! {
        <header class="deck-toolbar">
            <strong class="deck-title">{title.to_owned()}</strong>
            <span class="deck-date">{tr::deck_data_at(&snapshot.taken_at, snapshot.district.time_zone)}</span>
            <span class="spacer"></span>
            <button type="button" data-action="show">{tr::DECK_SHOW}</button>
            <button type="button" data-action="presenter">{tr::DECK_PRESENTER}</button>
            <button type="button" data-action="tables" aria-pressed="false" title=tr::CHART_TABLES_HINT>{tr::CHART_TABLES}</button>
            <button type="button" data-action="vision" aria-pressed="false">{tr::VISION_ON}</button>
            <button type="button" data-action="print">{tr::DECK_PDF}</button>
            {(!exported).then(|| view! { <a class="button" href=format!("/decks/{deck_id}/export.html") download="">{tr::DECK_HTML}</a> })}
        </header>
    }
    .to_html();
    let presenter = view! {
        <aside class="presenter-panel" aria-label=tr::DECK_PRESENTER>
            <div class="presenter-top">
                <span class="presenter-clock" data-clock="">"00:00"</span>
                <span class="presenter-counter" data-counter=""></span>
                <button type="button" data-action="prev">"←"</button>
                <button type="button" data-action="next">"→"</button>
                <button type="button" data-action="tables" aria-pressed="false" title=tr::CHART_TABLES_HINT>{tr::CHART_TABLES}</button>
            </div>
            <h3>{tr::DECK_NEXT}</h3>
            <div class="presenter-next" data-next=""></div>
            <h3>{tr::DECK_NOTES}</h3>
            <div class="presenter-notes" data-notes=""></div>
        </aside>
    }
    .to_html();
    let title_escaped = view! { <title>{title.to_owned()}</title> }.to_html();
    format!(
        r#"<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1">{title_escaped}{head_assets}</head><body class="deck overview" data-deck="{deck_id}" data-total="{total}">{toolbar}<main class="slides">{body}</main><div class="deck-counter" data-counter="" aria-live="polite"></div>{presenter}{tail_assets}</body></html>"#
    )
}

/// The vendored ECharts build, served at `/static/` under this name (npm `echarts@5.5.1`, only
/// the parts the charts use: `.ci/build-echarts`).
pub const ECHARTS_FILE: &str = "echarts-5.5.1-nastavnik.min.js";

/// One slide in its frame, with its notes.
pub fn slide_html(number: usize, total: usize, slide: &Slide, snapshot: &Snapshot) -> String {
    let kind = slide.content.kind();
    let content = slide_content(&slide.content, snapshot);
    let notes = slide.notes.clone();
    view! {
        <div class="frame">
            <section class=format!("slide slide-{kind}") data-slide=number aria-label=tr::slide_of(number, total)>
                {content}
                <footer class="slide-footer">
                    <span>{snapshot.district.name.clone()}</span>
                    <span>{number} " / " {total}</span>
                </footer>
            </section>
            <aside class="notes">{notes}</aside>
        </div>
    }
    .to_html()
}

/// A chart and its figures as a table: read by screen readers, and shown in the drawing's place
/// when the presenter asks for tables (`deck.js`, the «Таблицы» button or T).
fn chart(options: String, class: &'static str) -> impl IntoView {
    let figures = charts::figures(&options);
    view! {
        <div class=format!("chart {class}") data-chart=options aria-hidden="true"></div>
        <table class="chart-table">
            <thead><tr><td></td>{figures.columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr></thead>
            <tbody>
                {figures.rows.into_iter().map(|(label, values)| view! {
                    <tr><th scope="row">{label}</th>{values.into_iter().map(|v| view! { <td>{v}</td> }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn missing() -> AnyView {
    view! { <p class="slide-missing">{tr::DECK_NO_DATA}</p> }.into_any()
}

fn slide_content(content: &SlideContent, snapshot: &Snapshot) -> AnyView {
    match content {
        SlideContent::Title { title, subtitle } => view! {
            <div class="slide-title-block">
                <h1>{title.clone()}</h1>
                <p class="subtitle">{subtitle.clone()}</p>
                <p class="data-date">{tr::deck_data_at(&snapshot.taken_at, snapshot.district.time_zone)}</p>
            </div>
        }
        .into_any(),
        SlideContent::District => {
            let d = &snapshot.district;
            let tiles = vec![
                (d.teachers_total.to_string(), tr::DISTRICT_TEACHERS.to_owned()),
                (d.teachers_under_35.to_string(), tr::DISTRICT_UNDER_35.to_owned()),
                (format!("{} ({} %)", d.young_specialists, percent(d.young_specialists, d.teachers_total)), tr::DISTRICT_YOUNG.to_owned()),
                (
                    format!("{} {} {}", d.organisations_in_mentoring, tr::OF, d.organisations_total),
                    tr::DISTRICT_ORGS.to_owned(),
                ),
            ];
            view! {
                <h2>{d.name.clone()}</h2>
                <div class="tiles">
                    {tiles.into_iter().map(|(figure, label)| view! {
                        <div class="tile"><strong>{figure}</strong><span>{label}</span></div>
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
        SlideContent::Counts { organisation_id } => match snapshot.school(*organisation_id) {
            Some(school) => counts_table(school).into_any(),
            None => missing(),
        },
        SlideContent::Coverage => {
            let d = &snapshot.district;
            view! {
                <h2>{tr::SLIDE_COVERAGE}</h2>
                <div class="two-columns">
                    <div>
                        <h3>{tr::SLIDE_ORGS}</h3>
                        {chart(charts::to_json(&charts::organisations(d.organisations_in_mentoring, d.organisations_total)), "chart-square")}
                        <p class="caption">{tr::orgs_caption(d.organisations_in_mentoring, d.organisations_total)}</p>
                    </div>
                    <div>
                        <h3>{tr::SLIDE_STUDENTS}</h3>
                        {chart(charts::to_json(&charts::coverage(&snapshot.schools)), "chart-tall")}
                    </div>
                </div>
            }
            .into_any()
        }
        SlideContent::Variants { organisation_id } => match snapshot.school(*organisation_id) {
            Some(school) => view! {
                <h2>{school.name.clone()} ": " {tr::SLIDE_VARIANTS}</h2>
                {chart(charts::to_json(&charts::variants(school)), "chart-wide")}
                <p class="caption">{tr::involved_caption(school.students_involved, school.teachers_involved)}</p>
            }
            .into_any(),
            None => missing(),
        },
        SlideContent::BeforeAfter { template, questions, options, organisation_id } => {
            let Some(report) = snapshot.comparison(*organisation_id, template) else { return missing() };
            let school = organisation_id.and_then(|id| snapshot.school(id)).map(|s| s.name.clone());
            let chosen: Vec<_> = questions.iter().filter_map(|key| report.questions.iter().find(|q| &q.key == key)).collect();
            if chosen.is_empty() {
                return missing();
            }
            let single = chosen.len() == 1;
            let heading = if single { chosen[0].text.clone() } else { report.title.clone() };
            let class = if single { "chart-wide" } else { "chart-half" };
            view! {
                {school.map(|name| view! { <p class="slide-scope">{name}</p> })}
                <h2 class="question-heading">{heading}</h2>
                <div class=if single { "one-column" } else { "two-columns" }>
                    {chosen.into_iter().map(|q| {
                        // An exit-only question has nothing to compare: its leading answer is the figure.
                        let headline = (q.entry_n == 0).then(|| q.rows.iter().max_by_key(|r| r.exit.count).cloned()).flatten();
                        let headline_shown = headline.is_some();
                        view! {
                            <div class="comparison" data-key=q.key.clone()>
                                {headline.map(|row| view! {
                                    <p class="headline"><strong>{row.exit.percent} " %"</strong> " " {row.label.clone()}</p>
                                })}
                                {chart(charts::to_json(&charts::before_after(q, options)), if headline_shown { "chart-short" } else { class })}
                                <p class="caption">{tr::ba_n(q.entry_n, q.exit_n, q.linked)}</p>
                            </div>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
        SlideContent::Kirkpatrick { programme_id } => match snapshot.programme(*programme_id) {
            Some(programme) => view! {
                <h2>{programme.organisation.clone()} ": " {tr::SLIDE_KIRKPATRICK}</h2>
                <div class="levels">
                    {programme.kirkpatrick.levels.iter().map(|level| view! {
                        <div class="level">
                            <h3>{tr::kirkpatrick_level(level.level)}</h3>
                            {if level.measures.is_empty() {
                                view! { <p class="muted">{tr::DECK_NO_DATA}</p> }.into_any()
                            } else {
                                view! {
                                    <ul>{level.measures.iter().rev().take(2).map(|m| view! {
                                        <li><strong>{m.figure.clone()}</strong> " " <span>{short(&m.text, 64)}</span></li>
                                    }).collect_view()}</ul>
                                    <p class="muted">{tr::respondents(level.respondents)}</p>
                                }.into_any()
                            }}
                        </div>
                    }).collect_view()}
                </div>
                {chart(charts::to_json(&charts::kirkpatrick(&programme.kirkpatrick)), "chart-low")}
            }
            .into_any(),
            None => missing(),
        },
        SlideContent::Swot { programme_id } => match snapshot.programme(*programme_id) {
            Some(programme) => view! {
                <h2>{programme.organisation.clone()} ": " {tr::SLIDE_SWOT}</h2>
                {swot_grid(&programme.swot, "swot")}
            }
            .into_any(),
            None => missing(),
        },
        SlideContent::Meetings { programme_id } => match snapshot.programme(*programme_id) {
            Some(programme) => {
                let w = &programme.work;
                view! {
                    <h2>{programme.organisation.clone()} ": " {tr::SLIDE_MEETINGS}</h2>
                    <div class="tiles">
                        <div class="tile"><strong>{w.meetings_held}</strong><span>{tr::MEETINGS_HELD}</span></div>
                        <div class="tile"><strong>{w.pairs}</strong><span>{tr::PAIRS}</span></div>
                    </div>
                    {chart(charts::to_json(&charts::meetings_by_kind(w)), "chart-low")}
                }
                .into_any()
            }
            None => missing(),
        },
        SlideContent::Plans { programme_id } => match snapshot.programme(*programme_id) {
            Some(programme) => {
                let w = &programme.work;
                let mut tiles = vec![
                    (format!("{} %", w.plan_percent), tr::FINAL_PLAN_PERCENT.to_owned()),
                    (format!("{} {} {}", w.plan.done, tr::OF, w.plan.planned), tr::FINAL_PLAN_DONE.to_owned()),
                ];
                tiles.extend(w.decisions.iter().map(|(d, n)| (n.to_string(), tr::decision(*d).to_owned())));
                view! {
                    <h2>{programme.organisation.clone()} ": " {tr::SLIDE_PLANS}</h2>
                    <div class="tiles">
                        {tiles.into_iter().map(|(figure, label)| view! { <div class="tile"><strong>{figure}</strong><span>{label}</span></div> }).collect_view()}
                    </div>
                }
                .into_any()
            }
            None => missing(),
        },
        SlideContent::Practices => {
            if snapshot.practices.is_empty() {
                return missing();
            }
            view! {
                <h2>{tr::SLIDE_PRACTICES}</h2>
                <ul class="practices-slide">
                    {snapshot.practices.iter().take(4).map(|p| view! {
                        <li><strong>{p.practice.title.clone()}</strong> " · " <span class="muted">{p.organisation.clone()}</span>
                            <p>{short(&p.practice.results, 160)}</p></li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }
        SlideContent::Text { heading, body, image } => {
            let paragraphs = text_blocks(body);
            view! {
                <h2>{heading.clone()}</h2>
                <div class=if image.is_some() { "text-with-image" } else { "text-only" }>
                    <div class="text-body">{paragraphs}</div>
                    {image.clone().map(|src| view! { <img src=src alt=""/> })}
                </div>
            }
            .into_any()
        }
    }
}

/// Paragraphs separated by blank lines; lines starting with «- » or «• » become a list.
fn text_blocks(body: &str) -> impl IntoView {
    body.split("\n\n")
        .map(str::trim)
        .filter(|block| !block.is_empty())
        .map(|block| {
            let lines: Vec<&str> = block.lines().map(str::trim).collect();
            let bullet = |line: &&str| line.starts_with("- ") || line.starts_with("• ");
            if lines.iter().all(bullet) {
                view! { <ul>{lines.iter().map(|l| view! { <li>{l[l.find(' ').unwrap_or(0)..].trim().to_owned()}</li> }).collect_view()}</ul> }.into_any()
            } else {
                view! { <p>{block.to_owned()}</p> }.into_any()
            }
        })
        .collect_view()
}


/// The text cut to `max` characters with an ellipsis.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>().trim_end())
    }
}
