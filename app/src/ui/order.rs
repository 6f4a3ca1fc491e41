//! «Приказ о закреплении наставнических пар»: a printable page (prints cleanly to PDF).

use leptos::prelude::*;

use super::page::{route_resource, Loaded};
use crate::api::board::get_board;
use domain::i18n::tr;
use domain::matching::board::Board;
use domain::models::UserRole;

#[component]
pub fn OrderPage() -> impl IntoView {
    let board = route_resource(|| 0, get_board);
    view! { <Loaded roles=&[UserRole::Curator, UserRole::Methodologist] resource=board view=|board| view! { <Order board/> }/> }
}

#[component]
fn Order(board: Board) -> impl IntoView {
    let p = &board.programme;
    let lines = board.order_lines();
    let nothing_fixed = lines.is_empty();
    view! {
        <div class="toolbar no-print">
            <button class="button primary" onclick="window.print()">{tr::ORDER_PRINT}</button>
            <a class="button secondary" href=format!("/export/order/{}", p.id) rel="external" download>{tr::EXPORT_XLSX}</a>
        </div>
        {nothing_fixed.then(|| view! { <p class="notice no-print" role="status">{tr::ORDER_NOTHING_FIXED}</p> })}
        <article class="order" data-testid="order">
            <p class="order-org">{board.organisation_name.clone()}</p>
            <h1 class="order-title">{tr::ORDER_TITLE}</h1>
            <p class="order-line">{tr::ORDER_DATE_LINE}</p>
            <p>{tr::order_preamble(&p.title, tr::form(p.form), &tr::date(&p.starts_on), &tr::date(&p.ends_on))}</p>
            <p><strong>{tr::ORDER_DECIDE}</strong></p>
            <ol>
                <li>
                    {tr::ORDER_ITEM_PAIRS}
                    <table class="order-table">
                        <thead><tr><th>"№"</th><th>{tr::ORDER_MENTOR}</th><th>{tr::ORDER_MENTEES}</th><th>{tr::ORDER_VARIANT}</th></tr></thead>
                        <tbody>
                            {lines.into_iter().enumerate().map(|(i, line)| view! {
                                <tr><td>{i + 1}</td><td>{line.mentor}</td><td>{line.mentees.join(", ")}</td><td>{tr::variant(line.variant)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </li>
                <li>{tr::order_period(&tr::date(&p.starts_on), &tr::date(&p.ends_on))}</li>
                <li>{tr::ORDER_CONTROL}</li>
            </ol>
            <div class="signatures">
                <p>{tr::ORDER_HEAD} <span class="sign-line"></span></p>
                <p>{tr::ORDER_ACQUAINTED} <span class="sign-line"></span></p>
            </div>
        </article>
    }
}
