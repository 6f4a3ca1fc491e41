//! «Приказ о закреплении наставнических пар»: a printable page (prints cleanly to PDF).

use leptos::prelude::*;

use super::page::{route_resource, Loaded, Notice};
use super::widgets::{told_where_it_belongs, TextField};
use crate::api::board::get_board;
use crate::api::programmes::{get_order_details, save_order_details};
use crate::error::AppError;
use domain::i18n::tr;
use domain::matching::board::Board;
use domain::models::{OrderDetails, UserRole};
use domain::FieldErrors;

#[component]
pub fn OrderPage() -> impl IntoView {
    let save = Action::new(|(programme_id, details): &(i64, OrderDetails)| save_order_details(*programme_id, details.clone()));
    let page = route_resource(move || save.version().get() as u64, |id| async move {
        Ok((get_board(id).await?, get_order_details(id).await?))
    });
    view! {
        <Loaded roles=&[UserRole::Curator, UserRole::Methodologist] resource=page
            view=move |(board, details)| view! { <Order board details save/> }/>
    }
}

#[component]
fn Order(board: Board, details: Option<OrderDetails>, save: Action<(i64, OrderDetails), Result<(), AppError>>) -> impl IntoView {
    let p = &board.programme;
    let lines = board.order_lines();
    let nothing_fixed = lines.is_empty();
    let signers: Vec<String> = lines.iter().flat_map(|l| std::iter::once(l.mentor.clone()).chain(l.mentees.iter().cloned())).collect();
    let dated = details.as_ref().map(|d| tr::order_number_line(&d.number, &d.signed_on)).unwrap_or_else(|| tr::ORDER_DATE_LINE.into());
    let head = details.as_ref().map(|d| format!("{} ", d.head_position)).unwrap_or_else(|| format!("{} ", tr::ORDER_HEAD));
    let head_name = details.as_ref().map(|d| d.head_name.clone()).unwrap_or_default();
    view! {
        <div class="toolbar no-print">
            <button class="button primary" on:click=|_| { let _ = window().print(); }>{tr::ORDER_PRINT}</button>
            <a class="button secondary" href=format!("/export/order/{}.docx", p.id) rel="external" download>{tr::ORDER_DOCX}</a>
            <a class="button secondary" href=format!("/export/order/{}.xlsx", p.id) rel="external" download>{tr::EXPORT_XLSX}</a>
        </div>
        {board.can_edit.then(|| view! { <OrderDetailsForm programme_id=p.id details=details.clone().unwrap_or_default() save/> })}
        {nothing_fixed.then(|| view! { <p class="notice no-print" role="status">{tr::ORDER_NOTHING_FIXED}</p> })}
        <article class="order" data-testid="order">
            <p class="order-org">{board.organisation_name.clone()}</p>
            <h1 class="order-title">{tr::ORDER_TITLE}</h1>
            <p class="order-line" data-testid="order-number">{dated}</p>
            <p>{tr::order_preamble(&p.title, tr::form(p.form), &tr::date(&p.starts_on), &tr::date(&p.ends_on))}</p>
            <p><strong>{tr::ORDER_DECIDE}</strong></p>
            <ol>
                <li>
                    {tr::ORDER_ITEM_PAIRS}
                    <crate::ui::widgets::Wide label=tr::ORDER_ITEM_PAIRS>
                    <table class="order-table">
                        <thead><tr><th>"№"</th><th>{tr::ORDER_MENTOR}</th><th>{tr::ORDER_MENTEES}</th><th>{tr::ORDER_VARIANT}</th></tr></thead>
                        <tbody>
                            {lines.into_iter().enumerate().map(|(i, line)| view! {
                                <tr><td>{i + 1}</td><td>{line.mentor}</td><td>{line.mentees.join(", ")}</td><td>{tr::variant(line.variant)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    </crate::ui::widgets::Wide>
                </li>
                <li>{tr::order_period(&tr::date(&p.starts_on), &tr::date(&p.ends_on))}</li>
                <li>{tr::ORDER_CONTROL}</li>
            </ol>
            <div class="signatures">
                <p>{head} <span class="sign-line"></span> " " {head_name}</p>
                <p>{tr::ORDER_ACQUAINTED}</p>
                {signers.into_iter().map(|name| view! { <p class="signer">{name} " " <span class="sign-line"></span></p> }).collect_view()}
            </div>
        </article>
    }
}

/// The curator registers the order's number and date and who signs it.
#[component]
fn OrderDetailsForm(programme_id: i64, details: OrderDetails, save: Action<(i64, OrderDetails), Result<(), AppError>>) -> impl IntoView {
    let form = RwSignal::new(details);
    let errors = RwSignal::new(FieldErrors::new());
    let general = told_where_it_belongs(save, errors);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = form.get_untracked();
        match input.parse() {
            Err(found) => errors.set(found),
            Ok(checked) => {
                errors.set(FieldErrors::new());
                save.dispatch((programme_id, checked));
            }
        }
    };
    view! {
        <form class="card form-grid no-print" on:submit=submit novalidate>
            <h2 class="span-all">{tr::ORDER_DETAILS}</h2>
            <TextField label=tr::ORDER_NUMBER name="number" form field=|i| &mut i.number errors/>
            <TextField label=tr::ORDER_SIGNED_ON name="signed_on" form field=|i| &mut i.signed_on errors hint=tr::SCHOOL_COUNTS_ON_HINT/>
            <TextField label=tr::ORDER_HEAD_POSITION name="head_position" form field=|i| &mut i.head_position errors/>
            <TextField label=tr::ORDER_HEAD_NAME name="head_name" form field=|i| &mut i.head_name errors/>
            <div class="actions span-all">
                {move || general().map(|text| view! { <Notice error=true text/> })}
                <button type="submit" class="button primary" disabled=move || save.pending().get()>{tr::SAVE}</button>
            </div>
        </form>
    }
}
