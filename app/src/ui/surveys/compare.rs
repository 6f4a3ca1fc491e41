//! `/reports/before-after`: entry against exit for the questionnaires made from one template,
//! for the curator's school or, for a methodologist, the whole district (or `?org=` a school).
//! A table per question: the share naming each option (or the mean of a rating) with n, and
//! how many respondents are linked across the two waves.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::reports::get_before_after;
use domain::i18n::tr;
use domain::models::UserRole;
use domain::surveys::stats::BeforeAfter;

/// The template compared unless the address names another.
const DEFAULT_TEMPLATE: &str = "young_teacher_difficulties";

#[component]
pub fn BeforeAfterPage() -> impl IntoView {
    let query = use_query_map();
    let args = move || {
        query.with(|q| {
            (
                q.get("org").and_then(|v| v.parse::<i64>().ok()),
                q.get("template").unwrap_or_else(|| DEFAULT_TEMPLATE.to_owned()),
            )
        })
    };
    let report = Resource::new(args, |(org, template)| get_before_after(org, template));
    view! {
        <crate::ui::page::Loaded roles=&[UserRole::Curator, UserRole::Methodologist] resource=report
            view=|report| view! {
                <h1>{tr::BA_TITLE}</h1>
                <p class="muted">{report.scope.clone()} " · " {report.title.clone()}</p>
                {report.questions.into_iter().zip(report.charts.into_iter().map(Some).chain(std::iter::repeat(None)))
                    .map(|(q, chart)| view! { <Comparison q chart/> }).collect_view()}
            }/>
    }
}

#[component]
fn Comparison(q: BeforeAfter, chart: Option<String>) -> impl IntoView {
    view! {
        <section class="result" data-key=q.key.clone()>
            <h2>{q.text.clone()}</h2>
            <p class="muted" data-testid="n">{tr::ba_n(q.entry_n, q.exit_n, q.linked)}</p>
            {q.too_few_to_show.then(|| view! { <p class="notice" role="status" data-testid="too-few">{tr::FEW_ANSWERS}</p> })}
            {q.entry_mean.zip(q.exit_mean).map(|(entry, exit)| view! {
                <p class="means">{tr::ba_means(entry, exit)}</p>
            })}
            // Drawn by ECharts (loaded for this page only); the table below holds the same figures.
            {chart.map(|options| view! { <div class="chart result-chart" data-chart=options aria-hidden="true"></div> })}
            <BeforeAfterTable q=q.clone()/>
        </section>
    }
}

/// The figures of one question entry against exit: each option's share and count in both waves
/// (the chart's text alternative, and the page's record of it).
#[component]
pub fn BeforeAfterTable(q: BeforeAfter) -> impl IntoView {
    let asked_on_entry = q.entry_n > 0;
    view! {
        <crate::ui::widgets::Wide label=q.text.clone()>
            <table class="table compact before-after">
                <thead><tr>
                    <th>{tr::BA_OPTION}</th>
                    {asked_on_entry.then(|| view! { <th class="num">{tr::BA_ENTRY}</th> })}
                    <th class="num">{tr::BA_EXIT}</th>
                </tr></thead>
                <tbody>
                    {q.rows.into_iter().map(|row| view! {
                        <tr>
                            <th scope="row">{row.label.clone()}</th>
                            {asked_on_entry.then(|| view! {
                                <td class="num">{format!("{}% ({})", row.entry.percent, row.entry.count)}</td>
                            })}
                            <td class="num">{format!("{}% ({})", row.exit.percent, row.exit.count)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </crate::ui::widgets::Wide>
    }
}
