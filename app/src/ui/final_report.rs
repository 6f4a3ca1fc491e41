//! `/programmes/:id/final`: a programme's final report (stage 7) to read, print or download as
//! a workbook — its figures, pairs and results, meetings by kind, the plans' fulfilment,
//! entry against exit, SWOT and best practices.

use leptos::prelude::*;

use crate::api::pairs::final_report;
use domain::i18n::tr;
use domain::models::UserRole;
use domain::reports::final_report::FinalReport;

#[component]
pub fn FinalReportPage() -> impl IntoView {
    let report = crate::ui::page::route_resource(|| 0, final_report);
    view! { <crate::ui::page::Loaded roles=&[UserRole::Curator, UserRole::Methodologist] resource=report view=|r| view! { <ReportView r/> }/> }
}

#[component]
fn ReportView(r: FinalReport) -> impl IntoView {
    let w = r.work.clone();
    let figure = |label: &'static str, value: String| view! { <tr><th scope="row">{label}</th><td class="num">{value}</td></tr> };
    view! {
        <div class="no-print actions">
            <a class="button secondary" href=format!("/programmes/{}", r.programme_id)>{r.programme.clone()}</a>
            <button type="button" class="button primary" on:click=|_| { let _ = window().print(); }>{tr::PRINT_OR_PDF}</button>
            <a class="button secondary" href=format!("/export/final/{}.xlsx", r.programme_id) download>{tr::FINAL_XLSX}</a>
        </div>
        <article class="final-report" data-testid="final-report">
            <h1>{tr::FINAL_TITLE} ": " {r.programme.clone()}</h1>
            <p class="muted">{r.organisation.clone()} " · " {tr::form(r.form)} " · " {tr::date(&r.starts_on)} " — " {tr::date(&r.ends_on)} " · " {tr::date(&r.made_on)}</p>
            <table class="table compact" data-testid="final-figures">
                <caption>{tr::FINAL_SHEET_FIGURES}</caption>
                <tbody>
                    {figure(tr::PAIRS, w.pairs.to_string())}
                    {figure(tr::MENTORS, w.mentors.to_string())}
                    {figure(tr::MENTEES, w.mentees.to_string())}
                    {figure(tr::MEETINGS_HELD, w.meetings_held.to_string())}
                    {figure(tr::FINAL_PLAN_ROWS, w.plan.planned.to_string())}
                    {figure(tr::FINAL_PLAN_DONE, format!("{} ({} %)", w.plan.done, w.plan_percent))}
                    {w.decisions.iter().map(|(d, n)| figure(tr::decision(*d), n.to_string())).collect_view()}
                    {figure(tr::FINAL_UNDECIDED, w.undecided.to_string())}
                </tbody>
            </table>
            <table class="table compact">
                <caption>{tr::FINAL_MEETINGS_BY_KIND}</caption>
                <tbody>{w.meetings_by_kind.iter().map(|(k, n)| figure(tr::meeting_kind(*k), n.to_string())).collect_view()}</tbody>
            </table>
            <h2>{tr::FINAL_PAIRS_HEADING}</h2>
            // Scrolls sideways on a narrow screen or in large type: reachable by keyboard.
            <div class="table-wrap" tabindex="0" role="region" aria-label=tr::FINAL_PAIRS_HEADING>
                <table class="table">
                    <thead><tr>
                        <th scope="col">{tr::MENTOR}</th><th scope="col">{tr::FINAL_MENTEE}</th><th scope="col">{tr::F_DECISION}</th>
                        <th scope="col">{tr::MEETINGS_HELD}</th><th scope="col">{tr::PLAN_PROGRESS}</th><th scope="col">{tr::F_GOALS_REACHED}</th>
                    </tr></thead>
                    <tbody>
                        {r.pairs.iter().flat_map(|pair| pair.mentees.iter().map(move |m| view! {
                            <tr>
                                <td>{pair.mentor.clone()}</td>
                                <td>{m.name.clone()}</td>
                                <td>{m.decision.map(tr::decision).unwrap_or(tr::FINAL_NO_DECISION)}</td>
                                <td class="num">{pair.meetings_held}</td>
                                <td>{tr::plan_progress(pair.plan.done, pair.plan.planned)}</td>
                                <td>{m.goals_reached.clone()}</td>
                            </tr>
                        })).collect_view()}
                    </tbody>
                </table>
            </div>
            <h2>{tr::NAV_BEFORE_AFTER}</h2>
            {if r.before_after.is_empty() {
                view! { <p class="muted">{tr::FINAL_NO_BEFORE_AFTER}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=tr::NAV_BEFORE_AFTER><table class="table compact">
                        <thead><tr><th scope="col">{tr::REPORT_QUESTION}</th><th scope="col">{tr::BA_OPTION}</th><th scope="col">"% (вход)"</th><th scope="col">"% (выход)"</th></tr></thead>
                        <tbody>
                            {r.before_after.iter().flat_map(|c| c.report.questions.iter()).flat_map(|q| q.rows.iter().map(move |row| view! {
                                <tr><td>{q.text.clone()}</td><td>{row.label.clone()}</td><td class="num">{row.entry.percent}</td><td class="num">{row.exit.percent}</td></tr>
                            })).collect_view()}
                        </tbody>
                    </table></div>
                }.into_any()
            }}
            <h2>"SWOT"</h2>
            {crate::views::swot_grid(&r.swot, "swot-board")}
            <h2>{tr::FINAL_PRACTICES_HEADING}</h2>
            {if r.practices.is_empty() {
                view! { <p class="muted">{tr::FINAL_NO_PRACTICES}</p> }.into_any()
            } else {
                view! { <ul>{r.practices.iter().map(|p| view! { <li><strong>{p.practice.title.clone()}</strong> " — " {p.practice.results.clone()}</li> }).collect_view()}</ul> }.into_any()
            }}
        </article>
    }
}
