//! The register of a school's documents (stage 1 and stage 5 of the target model): each with
//! its number and date, and the signed scan when there is one. The curator keeps it; the
//! district's coordinator reads it.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;

use crate::api::documents::{add_document, attach_scan, delete_document, list_documents, DocumentsPage};
use crate::error::AppError;
use domain::i18n::tr;
use domain::models::*;
use domain::FieldErrors;

const READERS: &[UserRole] = &[UserRole::Curator, UserRole::Methodologist];

/// The form element an event came from, as `FormData` (its file included).
fn form_data(ev: &leptos::ev::SubmitEvent) -> Option<web_sys::FormData> {
    let form = ev.target()?.dyn_into::<web_sys::HtmlFormElement>().ok()?;
    web_sys::FormData::new_with_form(&form).ok()
}

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let query = use_query_map();
    let organisation_id = move || query.with(|q| q.get("org").and_then(|v| v.parse::<i64>().ok()));
    let add = Action::new_local(|data: &web_sys::FormData| add_document(data.clone().into()));
    let attach = Action::new_local(|data: &web_sys::FormData| attach_scan(data.clone().into()));
    let delete = Action::new(|id: &i64| delete_document(*id));
    let changes = move || add.version().get() + attach.version().get() + delete.version().get();
    let page = Resource::new(move || (organisation_id(), changes()), |(org, _)| list_documents(org));
    view! {
        <h1>{tr::DOCUMENTS_TITLE}</h1>
        <crate::ui::page::Loaded roles=READERS resource=page view=move |page: DocumentsPage| view! {
            <p class="muted">{page.organisation.name.clone()}</p>
            <Register documents=page.documents.clone() can_edit=page.can_edit attach delete/>
            {page.can_edit.then(|| view! { <NewDocument programmes=page.programmes.clone() add/> })}
        }/>
    }
}

#[component]
fn Register(
    documents: Vec<DocumentEntry>,
    can_edit: bool,
    attach: Action<web_sys::FormData, Result<(), AppError>>,
    delete: Action<i64, Result<(), AppError>>,
) -> impl IntoView {
    if documents.is_empty() {
        return view! { <p class="muted" data-testid="documents-empty">{tr::DOCUMENTS_EMPTY}</p> }.into_any();
    }
    let refused = move || {
        attach.value().get().and_then(Result::err).or_else(|| delete.value().get().and_then(Result::err)).map(|e| match e {
            AppError::Validation(fields) => fields.into_values().collect::<Vec<_>>().join("; "),
            other => other.to_string(),
        })
    };
    view! {
        {move || refused().map(|text| view! { <crate::ui::page::Notice error=true text/> })}
        <crate::ui::widgets::Wide label=tr::DOCUMENTS_TITLE>
        <table class="table" data-testid="documents">
            <thead><tr>
                <th>{tr::DOCUMENT_KIND}</th><th>{tr::F_PROGRAMME}</th><th>{tr::DOCUMENT_NUMBER}</th><th>{tr::DOCUMENT_DATE}</th>
                <th>{tr::DOCUMENT_SCAN_OPEN}</th>{can_edit.then(|| view! { <th></th> })}
            </tr></thead>
            <tbody>
                {documents.into_iter().map(|d| {
                    let id = d.id;
                    let label = tr::document_label(d.kind, &d.number, &d.signed_on);
                    let scan = match &d.scan {
                        Some(scan) => view! {
                            <a href=format!("/documents/{id}/scan") download=scan.file_name.clone() rel="external">{scan.file_name.clone()}</a>
                        }.into_any(),
                        None => view! { <span class="muted">{tr::DOCUMENT_SCAN_NONE}</span> }.into_any(),
                    };
                    view! {
                        <tr data-testid="document-row">
                            <td>{tr::document_kind(d.kind)}</td>
                            <td>{d.programme_title.clone().unwrap_or_else(|| tr::DOCUMENT_SCHOOL_WIDE.into())}</td>
                            <td>{d.number.clone()}</td>
                            <td>{tr::date(&d.signed_on)}</td>
                            <td>{scan}</td>
                            {can_edit.then(|| view! {
                                <td class="actions">
                                    <form class="inline" on:submit=move |ev| {
                                        ev.prevent_default();
                                        if let Some(data) = form_data(&ev) { attach.dispatch_local(data); }
                                    }>
                                        <input type="hidden" name="document_id" value=id.to_string()/>
                                        <label class="file">
                                            <span class="sr-only">{format!("{} — {label}", tr::DOCUMENT_SCAN)}</span>
                                            <input type="file" name="file" accept="application/pdf,image/jpeg,image/png" required/>
                                        </label>
                                        <button type="submit" class="button secondary" disabled=move || attach.pending().get()>{tr::DOCUMENT_SCAN_ATTACH}</button>
                                    </form>
                                    <button type="button" class="button danger" aria-label=format!("{} — {label}", tr::DELETE)
                                        on:click=move |_| {
                                            if window().confirm_with_message(tr::DOCUMENT_DELETE_CONFIRM).unwrap_or(false) {
                                                delete.dispatch(id);
                                            }
                                        }>{tr::DELETE}</button>
                                </td>
                            })}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </crate::ui::widgets::Wide>
    }
    .into_any()
}

/// «Внести документ»: which one, its programme when it belongs to one, number, date and the
/// signed scan if it is at hand. Checked on the device first; what was typed stays on a refusal.
#[component]
fn NewDocument(programmes: Vec<Programme>, add: Action<web_sys::FormData, Result<i64, AppError>>) -> impl IntoView {
    let form = RwSignal::new(DocumentInput::default());
    let errors = RwSignal::new(FieldErrors::new());
    let form_element = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| match add.value().get() {
        Some(Ok(_)) => {
            form.set(DocumentInput::default());
            errors.set(FieldErrors::new());
            if let Some(element) = form_element.get() {
                element.reset();
            }
        }
        Some(Err(AppError::Validation(found))) => errors.set(found),
        _ => {}
    });
    let general = move || add.value().get().and_then(Result::err).as_ref().and_then(super::widgets::general_error);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.get_untracked().parse() {
            Err(found) => errors.set(found),
            Ok(_) => {
                errors.set(FieldErrors::new());
                if let Some(data) = form_data(&ev) {
                    add.dispatch_local(data);
                }
            }
        }
    };
    let of_programme = move || form.with(|f| DocumentKind::from_code(&f.kind).is_some_and(DocumentKind::of_programme));
    let kinds: Vec<(&'static str, &'static str)> = DocumentKind::ALL.iter().map(|k| (k.code(), tr::document_kind(*k))).collect();
    let programme_options: Vec<(String, String)> = programmes.into_iter().map(|p| (p.id.to_string(), p.title)).collect();
    let error = move |field: &'static str| move || errors.with(|e| e.get(field).cloned());
    view! {
        <form class="card form-grid" on:submit=submit novalidate node_ref=form_element data-testid="new-document">
            <h2 class="span-all">{tr::DOCUMENTS_ADD}</h2>
            <super::widgets::SelectField label=tr::DOCUMENT_KIND name="kind" form field=|d| &mut d.kind errors options=kinds/>
            <Show when=of_programme>
                <div class="field" class:invalid=move || errors.with(|e| e.contains_key("programme_id"))>
                    <label for="f-programme_id">{tr::F_PROGRAMME}</label>
                    <select id="f-programme_id" name="programme_id" prop:value=move || form.with(|f| f.programme_id.clone())
                        on:change=move |ev| form.update(|f| f.programme_id = event_target_value(&ev))>
                        <option value="">{tr::CHOOSE}</option>
                        {programme_options.iter().map(|(id, title)| view! { <option value=id.clone()>{title.clone()}</option> }).collect_view()}
                    </select>
                    <p class="field-error" role="alert">{error("programme_id")}</p>
                </div>
            </Show>
            <super::widgets::TextField label=tr::DOCUMENT_NUMBER name="number" form field=|d| &mut d.number errors/>
            <div class="field" class:invalid=move || errors.with(|e| e.contains_key("signed_on"))>
                <label for="f-signed_on">{tr::DOCUMENT_DATE}</label>
                <input id="f-signed_on" name="signed_on" type="date" prop:value=move || form.with(|f| f.signed_on.clone())
                    on:input=move |ev| form.update(|f| f.signed_on = event_target_value(&ev))/>
                <p class="field-error" role="alert">{error("signed_on")}</p>
            </div>
            <div class="field span-all" class:invalid=move || errors.with(|e| e.contains_key("file"))>
                <label for="f-file">{tr::DOCUMENT_SCAN}</label>
                <input id="f-file" name="file" type="file" accept="application/pdf,image/jpeg,image/png"/>
                <p class="field-error" role="alert">{error("file")}</p>
            </div>
            <div class="actions span-all">
                {move || general().map(|text| view! { <crate::ui::page::Notice error=true text/> })}
                <button type="submit" class="button primary" disabled=move || add.pending().get()>
                    {move || if add.pending().get() { tr::SAVING } else { tr::DOCUMENTS_ADD }}
                </button>
            </div>
        </form>
    }
}
