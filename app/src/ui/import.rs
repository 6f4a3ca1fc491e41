//! Import a participant list: pick a file, see every row checked, then import all or nothing.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::session::RequireRole;
use crate::api::import::{commit_import, preview_import, ImportBatch, ImportPreview, ImportRow, BATCH_ROWS};
use crate::error::AppError;
use domain::i18n::tr;
use domain::models::UserRole;

#[component]
pub fn ImportPage() -> impl IntoView {
    view! {
        <RequireRole roles=&[UserRole::Curator]>
            <Import/>
        </RequireRole>
    }
}

/// Rows sent so far of all, while an import is being sent.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Progress {
    sent: usize,
    total: usize,
}

/// Sends the rows in batches of `BATCH_ROWS` under one key (the server writes them all at the
/// last batch, or none), and reports progress as it goes. A batch whose reply was lost is sent
/// again at once, twice at most: the server takes a batch once by its key and index.
async fn send_batches(rows: Vec<ImportRow>, drop_invalid: bool, programme_id: Option<i64>, import_key: String, progress: RwSignal<Progress>) -> Result<usize, AppError> {
    let total = rows.len();
    let batches: Vec<_> = rows.chunks(BATCH_ROWS).map(<[ImportRow]>::to_vec).collect();
    let count = batches.len();
    let mut sent = 0;
    progress.set(Progress { sent, total });
    let mut imported = 0;
    for (index, rows) in batches.into_iter().enumerate() {
        sent += rows.len();
        let batch = ImportBatch { import_key: import_key.clone(), index, rows, drop_invalid, last: index + 1 == count, programme_id };
        let mut attempts = 0;
        imported = loop {
            attempts += 1;
            match commit_import(batch.clone()).await {
                Err(AppError::Transport(_)) if attempts < 3 => continue,
                other => break other?,
            }
        };
        progress.set(Progress { sent, total });
    }
    Ok(imported)
}

/// A key for one checked file's import, kept while the curator tries again.
fn new_import_key() -> String {
    format!("{:x}-{:x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e15) as u64)
}

#[component]
fn Import() -> impl IntoView {
    let preview = Action::new_local(|data: &web_sys::FormData| preview_import(data.clone().into()));
    let drop_invalid = RwSignal::new(false);
    let progress = RwSignal::new(Progress { sent: 0, total: 0 });
    let programme = RwSignal::new(None::<i64>);
    let programmes = Resource::new(|| (), |_| crate::api::programmes::list_programmes(None));
    let commit = Action::new_local(move |(rows, drop, key): &(Vec<ImportRow>, bool, String)| send_batches(rows.clone(), *drop, programme.get_untracked(), key.clone(), progress));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        commit.value().set(None);
        drop_invalid.set(false);
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else {
            return;
        };
        if let Ok(data) = web_sys::FormData::new_with_form(&form) {
            preview.dispatch_local(data);
        }
    };
    let imported = move || matches!(commit.value().get(), Some(Ok(_)));

    view! {
        <h1>{tr::IMPORT_TITLE}</h1>
        <p class="muted">{tr::IMPORT_HELP}</p>
        <form class="card toolbar" on:submit=on_submit>
            <label class="field grow">
                <span>{tr::IMPORT_CHOOSE}</span>
                <input type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required/>
            </label>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = programmes.await.unwrap_or_default();
                    view! {
                        <label class="field">
                            <span>{tr::IMPORT_PROGRAMME}</span>
                            <select name="programme" on:change=move |ev| programme.set(event_target_value(&ev).parse().ok())>
                                <option value="">{tr::NO_PROGRAMME}</option>
                                {list.into_iter().map(|p| view! { <option value=p.id.to_string()>{p.title}</option> }).collect_view()}
                            </select>
                        </label>
                    }
                })}
            </Transition>
            <button type="submit" class="button primary" disabled=move || preview.pending().get()>
                {move || if preview.pending().get() { tr::IMPORT_CHECKING } else { tr::IMPORT_CHECK }}
            </button>
        </form>
        {move || match preview.value().get() {
            None => ().into_any(),
            Some(Err(error)) => view! { <crate::ui::page::Notice error=true text=message(&error)/> }.into_any(),
            Some(Ok(result)) => {
                let invalid = result.invalid();
                let valid = result.valid();
                let rows = result.rows.clone();
                let import_key = new_import_key();
                view! {
                    <section class="card">
                        <p data-testid="import-summary">
                            <strong>{tr::import_rows_ok(valid)}</strong> " · "
                            <strong class:error={move || invalid > 0}>{tr::import_rows_bad(invalid)}</strong>
                        </p>
                        {(invalid > 0).then(|| view! {
                            <crate::ui::page::Notice error=true text=tr::IMPORT_BLOCKED testid="import-blocked"/>
                            <label class="inline check">
                                <input type="checkbox" prop:checked=drop_invalid
                                    on:change=move |ev| drop_invalid.set(event_target_checked(&ev))/>
                                {tr::IMPORT_DROP_BAD}
                            </label>
                        })}
                        <PreviewTable preview=result/>
                        <div class="actions">
                            <button class="button primary"
                                disabled=move || (invalid > 0 && !drop_invalid.get()) || commit.pending().get() || imported()
                                on:click=move |_| { commit.dispatch_local((rows.clone(), drop_invalid.get_untracked(), import_key.clone())); }>
                                {tr::IMPORT_COMMIT}
                            </button>
                            <CommitStatus commit progress/>
                        </div>
                    </section>
                }.into_any()
            }
        }}
    }
}

fn message(error: &AppError) -> String {
    match error {
        AppError::Refused(text) => text.clone(),
        other => other.to_string(),
    }
}

#[component]
fn CommitStatus(commit: Action<(Vec<ImportRow>, bool, String), Result<usize, AppError>>, progress: RwSignal<Progress>) -> impl IntoView {
    move || match (commit.pending().get(), commit.value().get()) {
        (true, _) => {
            let Progress { sent, total } = progress.get();
            view! {
                <label class="grow">{tr::IMPORT_PROGRESS} " " {sent} " / " {total}
                    <progress max=total value=sent></progress>
                </label>
            }.into_any()
        }
        (false, Some(Ok(count))) => view! { <p class="success" role="status" data-testid="import-done">{tr::import_done(count)}</p> }.into_any(),
        (false, Some(Err(error))) => view! { <crate::ui::page::Notice error=true text=message(&error)/> }.into_any(),
        (false, None) => ().into_any(),
    }
}

#[component]
fn PreviewTable(preview: ImportPreview) -> impl IntoView {
    view! {
        <crate::ui::widgets::Wide label=tr::IMPORT_TITLE>
        <table class="table compact">
            <thead><tr>
                <th>{tr::IMPORT_LINE}</th><th>{tr::F_LAST_NAME}</th><th>{tr::F_FIRST_NAME}</th>
                <th>{tr::F_ROLE}</th><th>{tr::F_KIND}</th><th>{tr::IMPORT_ERRORS}</th>
            </tr></thead>
            <tbody>
                {preview.rows.into_iter().map(|row| {
                    let bad = !row.errors.is_empty();
                    let errors = row.errors.iter().map(|(field, text)| format!("{}: {text}", field_label(field))).collect::<Vec<_>>().join("; ");
                    view! {
                        <tr class:row-error=bad data-testid=if bad { "row-bad" } else { "row-ok" }>
                            <td>{row.line}</td><td>{row.input.last_name}</td><td>{row.input.first_name}</td>
                            <td>{row.input.role}</td><td>{row.input.kind}</td>
                            <td>{if bad { errors } else { tr::IMPORT_ROW_OK.to_owned() }}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </crate::ui::widgets::Wide>
    }
}

/// The column a field comes from, to name it in a row's errors.
fn field_label(field: &str) -> &'static str {
    match field {
        "last_name" => tr::F_LAST_NAME,
        "first_name" => tr::F_FIRST_NAME,
        "middle_name" => tr::F_MIDDLE_NAME,
        "role" => tr::F_ROLE,
        "kind" => tr::F_KIND,
        "subjects" => tr::F_SUBJECTS,
        "experience_years" => tr::F_EXPERIENCE,
        "qualification" => tr::F_QUALIFICATION,
        "grade" => tr::F_GRADE,
        "achievement" => tr::F_ACHIEVEMENT,
        "competences" => tr::F_COMPETENCES,
        "requests" => tr::F_REQUESTS,
        "deficits" => tr::F_DEFICITS,
        "capacity" => tr::F_CAPACITY,
        "programme" => tr::F_PROGRAMME,
        _ => tr::NOT_SET,
    }
}
