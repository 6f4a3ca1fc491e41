//! A pair's workspace (`/pairs/:programme/:mentor`): meetings, the individual plan, the
//! reflection diary and the completion, on a phone or tablet for the pair and on a laptop for
//! the curator. One editor is open at a time; what it holds is kept on the device as it is
//! typed, so a refused or failed save — or a change by the partner meanwhile — loses nothing.

mod completion;
mod diary;
mod meetings;
pub mod overview;
mod plan;

#[cfg(any(feature = "ssr", feature = "entry"))]
pub use completion::{ReviewPrintPage, ThanksLettersPage};

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::pairs::pair_workspace;
use crate::error::AppError;
use domain::i18n::tr;
use domain::models::{PairWarning, UserRole, Workspace};
use domain::FieldErrors;

/// The two ids of a pair's address.
fn pair_ids() -> impl Fn() -> Option<(i64, i64)> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params.with(|p| {
            let id = |name: &str| p.get(name).and_then(|v| v.parse::<i64>().ok()).filter(|id| *id > 0);
            Some((id("programme")?, id("mentor")?))
        })
    }
}

/// The workspace of the pair the address names, fetched again after every change.
pub(super) fn workspace_resource(version: RwSignal<u64>) -> Resource<Result<Workspace, AppError>> {
    let ids = pair_ids();
    Resource::new(
        move || (ids(), version.get()),
        |(ids, _)| async move {
            match ids {
                Some((programme_id, mentor_id)) => pair_workspace(programme_id, mentor_id).await,
                None => Err(AppError::NotFound),
            }
        },
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Meetings,
    Plan,
    Diary,
    Completion,
}

/// What the one open editor edits (its record is looked up in the fresh workspace each time,
/// so after a refusal it edits the partner's newer version with the typed text kept).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Editing {
    /// A meeting (`None`: a new one, planned or already held).
    Meeting { id: Option<i64>, held: bool },
    PlanRow { mentee_id: i64, id: Option<i64> },
    Diary { id: Option<i64> },
}

/// The page's shared state: the open editor, the sentence about the last save, and the
/// version that refetches the workspace.
#[derive(Clone, Copy)]
pub(super) struct Desk {
    pub editing: RwSignal<Option<Editing>>,
    pub message: RwSignal<Option<(bool, String)>>,
    pub version: RwSignal<u64>,
}

impl Desk {
    /// Reads the answer of a save: done → the editor closes and its draft is forgotten; field
    /// messages → next to the fields; the partner's change first → the sentence, and the
    /// workspace is fetched again while the editor keeps the typed text; anything else → the
    /// sentence, text kept.
    pub fn answered<T>(self, result: Result<T, AppError>, errors: RwSignal<FieldErrors>, draft_key: &str) {
        match result {
            Ok(_) => {
                crate::ui::drafts::forget(draft_key);
                self.editing.set(None);
                self.message.set(Some((false, tr::SAVED.to_owned())));
                self.version.update(|v| *v += 1);
            }
            Err(AppError::Validation(found)) => errors.set(found),
            Err(AppError::Stale(lines)) => {
                self.message.set(Some((true, lines.join(" "))));
                self.version.update(|v| *v += 1);
            }
            Err(other) => self.message.set(Some((true, other.to_string()))),
        }
    }

    /// Reads the answer of an action without an editor (a delete, a start).
    pub fn done<T>(self, result: Result<T, AppError>) {
        match result {
            Ok(_) => {
                self.message.set(Some((false, tr::SAVED.to_owned())));
                self.version.update(|v| *v += 1);
            }
            Err(AppError::Stale(lines)) => {
                self.message.set(Some((true, lines.join(" "))));
                self.version.update(|v| *v += 1);
            }
            Err(other) => self.message.set(Some((true, other.to_string()))),
        }
    }
}

/// An editor's save: `run` sends what was typed; its answer is read by `Desk::answered` (the
/// draft under `key` is forgotten only once the server has it).
pub(super) fn save_action<I, O, Fut>(desk: Desk, errors: RwSignal<FieldErrors>, key: String, run: impl Fn(I) -> Fut + Send + Sync + 'static) -> Action<I, Result<O, AppError>>
where
    I: Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<O, AppError>> + Send + 'static,
{
    let save = Action::new(move |input: &I| run(input.clone()));
    Effect::new(move |_| {
        if let Some(result) = save.value().get() {
            desk.answered(result, errors, &key);
        }
    });
    save
}

#[component]
pub fn PairPage() -> impl IntoView {
    let desk = Desk { editing: RwSignal::new(None), message: RwSignal::new(None), version: RwSignal::new(0) };
    let tab = RwSignal::new(Tab::Meetings);
    let workspace = workspace_resource(desk.version);
    view! {
        <crate::ui::page::Loaded roles=&[UserRole::Mentor, UserRole::Mentee, UserRole::Curator] resource=workspace
            view=move |w| view! { <WorkspaceView w desk tab/> }/>
    }
}

#[component]
fn WorkspaceView(w: Workspace, desk: Desk, tab: RwSignal<Tab>) -> impl IntoView {
    let mentees: Vec<String> = w.mentees.iter().map(|m| m.name.clone()).collect();
    let tabs = [(Tab::Meetings, tr::PAIR_TAB_MEETINGS), (Tab::Plan, tr::PAIR_TAB_PLAN), (Tab::Diary, tr::PAIR_TAB_DIARY), (Tab::Completion, tr::PAIR_TAB_COMPLETION)];
    let w = StoredValue::new(w);
    view! {
        <header class="pair-head">
            <p class="muted">{w.with_value(|w| w.programme_title.clone())}</p>
            <h1>{tr::PAIR_WORK_TITLE}</h1>
            <p class="pair-people"><strong>{w.with_value(|w| w.mentor_name.clone())}</strong> " → " {mentees.join(", ")}</p>
            <p class="muted">{w.with_value(|w| tr::pair_status(w.status))}</p>
        </header>
        {w.with_value(|w| w.read_only.clone()).map(|reason| view! { <crate::ui::page::Notice text=reason testid="read-only"/> })}
        {w.with_value(|w| warnings_view(&w.warnings))}
        {move || desk.message.get().map(|(error, text)| view! { <crate::ui::page::Notice error text testid="pair-message"/> })}
        <div class="tabs" role="tablist" aria-label=tr::PAIR_WORK_TITLE>
            {tabs.into_iter().map(|(which, label)| view! {
                <button type="button" role="tab" class="tab" id=format!("tab-{which:?}") aria-controls="pair-panel"
                    aria-selected=move || (tab.get() == which).to_string()
                    on:click=move |_| { tab.set(which); desk.editing.set(None); desk.message.set(None); }>{label}</button>
            }).collect_view()}
        </div>
        <section id="pair-panel" role="tabpanel" aria-labelledby=move || format!("tab-{:?}", tab.get())>
            {move || match tab.get() {
                Tab::Meetings => view! { <meetings::Meetings w=w.get_value() desk/> }.into_any(),
                Tab::Plan => view! { <plan::Plans w=w.get_value() desk/> }.into_any(),
                Tab::Diary => view! { <diary::Diary w=w.get_value() desk/> }.into_any(),
                Tab::Completion => view! { <completion::Completion w=w.get_value() desk/> }.into_any(),
            }}
        </section>
    }
}

fn warnings_view(warnings: &[PairWarning]) -> Option<impl IntoView> {
    (!warnings.is_empty()).then(|| {
        view! {
            <ul class="warnings" data-testid="pair-warnings">
                {warnings.iter().map(|w| view! { <li class="warn">{tr::pair_warning(w)}</li> }).collect_view()}
            </ul>
        }
    })
}

/// Whether the caller may change the pair's meetings, plans and diary now.
pub(super) fn may_change(w: &Workspace) -> bool {
    w.read_only.is_none()
}
