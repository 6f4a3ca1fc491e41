//! `/accounts`: who may sign in. A curator gives the school's mentors and mentees access
//! («Выдать доступ», one or many at once) and prints the slips; a coordinator adds the schools'
//! curators and resets their access. `/welcome`: the first entry with a slip's code.
//! `/password`: anyone changes their own password.

use leptos::prelude::*;

use super::page::{Fetched, Notice};
use super::session::{time_zone, use_session, RequireRole};
use super::widgets::{told_where_it_belongs, TextField};
use crate::api::accounts::*;
use crate::api::auth::{change_password, welcome};
use crate::error::AppError;
use domain::i18n::tr;
use domain::models::{Access, InvitationSlip, PasswordChangeInput, UserRole, Welcome, WelcomeInput};
use domain::FieldErrors;

#[component]
pub fn AccountsPage() -> impl IntoView {
    let session = use_session();
    view! {
        <RequireRole roles=&[UserRole::Curator, UserRole::Methodologist]>
            {move || Suspend::new(async move {
                match session.user.await.ok().flatten().map(|u| u.role) {
                    Some(UserRole::Methodologist) => view! { <CuratorsAccess/> }.into_any(),
                    _ => view! { <ParticipantsAccess/> }.into_any(),
                }
            })}
        </RequireRole>
    }
}

fn access_line(access: &Access) -> String {
    match access {
        Access::None => tr::ACCESS_NONE.into(),
        Access::Invited { until } => tr::access_invited(&time_zone().local_minutes(until)),
        Access::Active => tr::ACCESS_ACTIVE.into(),
        Access::Disabled => tr::ACCESS_DISABLED.into(),
    }
}

/// The curator's page: the school's people, ticked ones given access at once.
#[component]
fn ParticipantsAccess() -> impl IntoView {
    let invite = Action::new(|ids: &Vec<i64>| invite_participants(ids.clone()));
    let disable = Action::new(|user_id: &i64| disable_account(*user_id));
    let page = Resource::new(move || (invite.version().get(), disable.version().get()), |_| get_school_access(None));
    let ticked = RwSignal::new(std::collections::BTreeSet::<i64>::new());
    view! {
        <h1>{tr::ACCESS_TITLE}</h1>
        <p class="muted no-print">{tr::ACCESS_HELP}</p>
        {move || invite.value().get().map(|result| match result {
            Ok(slips) => view! { <Slips slips/> }.into_any(),
            Err(error) => view! { <Notice error=true text=error.to_string()/> }.into_any(),
        })}
        {move || disable.value().get().and_then(Result::err).map(|e| view! { <Notice error=true text=e.to_string()/> })}
        <Fetched resource=page view=move |page| view! {
            <div class="toolbar no-print">
                <p class="muted grow">{page.school.clone()}</p>
                {page.can_edit.then(|| view! {
                    <button type="button" class="button primary" data-testid="give-access"
                        disabled=move || ticked.with(|t| t.is_empty()) || invite.pending().get()
                        on:click=move |_| { invite.dispatch(ticked.get_untracked().into_iter().collect()); ticked.set(Default::default()); }>
                        {move || tr::access_give(ticked.with(|t| t.len()))}
                    </button>
                })}
            </div>
            <crate::ui::widgets::Wide label=tr::ACCESS_TITLE>
            <table class="table no-print">
                <thead><tr><th></th><th>{tr::F_LAST_NAME}</th><th>{tr::F_ROLE}</th><th>{tr::LOGIN_FIELD}</th><th>{tr::ACCESS_STATE}</th><th></th></tr></thead>
                <tbody>
                    {page.people.into_iter().map(|person| {
                        let id = person.participant_id;
                        let label = format!("{} {}", tr::ACCESS_TICK, person.name);
                        view! {
                            <tr data-testid="access-row">
                                <td><input type="checkbox" aria-label=label disabled=!page.can_edit
                                    prop:checked=move || ticked.with(|t| t.contains(&id))
                                    on:change=move |ev| ticked.update(|t| { if event_target_checked(&ev) { t.insert(id); } else { t.remove(&id); } })/></td>
                                <td>{person.name.clone()}</td>
                                <td>{tr::participant_role(person.role)}</td>
                                <td>{person.login.clone().unwrap_or_default()}</td>
                                <td>{access_line(&person.access)}</td>
                                <td>{disable_button(person.user_id.filter(|_| page.can_edit && !matches!(person.access, Access::Disabled | Access::None)), disable)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </crate::ui::widgets::Wide>
        }/>
        <AuditPanel changed=Signal::derive(move || invite.version().get() + disable.version().get())/>
    }
}

/// Slips to print and cut (several per A4 page): name, login, code and until when.
#[component]
fn Slips(slips: Vec<InvitationSlip>) -> impl IntoView {
    view! {
        <section class="card" data-testid="slips">
            <div class="toolbar no-print">
                <p class="grow">{tr::ACCESS_SLIPS_ONCE}</p>
                <button type="button" class="button primary" on:click=|_| { let _ = window().print(); }>{tr::ORDER_PRINT}</button>
            </div>
            <ul class="slips">
                {slips.into_iter().map(|slip| view! {
                    <li class="slip" data-testid="slip">
                        <span class="slip-name">{slip.name.clone()}</span>
                        <span>{tr::SLIP_WHERE}</span>
                        <span>{tr::LOGIN_FIELD}": "<strong data-testid="slip-login">{slip.login.clone()}</strong></span>
                        <span>{tr::SLIP_CODE}</span>
                        <strong class="slip-code" data-testid="slip-code">{slip.code.clone()}</strong>
                        <span class="muted">{tr::slip_until(&time_zone().local_minutes(&slip.until))}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The coordinator's page: each school's curator, a new curator's account, a reset.
#[component]
fn CuratorsAccess() -> impl IntoView {
    let add = Action::new(|(organisation_id, login, name): &(i64, String, String)| add_curator(*organisation_id, login.clone(), name.clone()));
    let reset = Action::new(|user_id: &i64| reset_curator(*user_id));
    let disable = Action::new(|user_id: &i64| disable_account(*user_id));
    let schools_saved = RwSignal::new(0u32);
    let list = Resource::new(
        move || (add.version().get(), reset.version().get(), disable.version().get(), schools_saved.get()),
        |_| list_curators(),
    );
    let slip = Memo::new(move |_| match (add.value().get(), reset.value().get()) {
        (Some(Ok(slip)), _) | (_, Some(Ok(slip))) => Some(slip),
        _ => None,
    });
    view! {
        <h1>{tr::CURATORS_TITLE}</h1>
        {move || slip.get().map(|slip| view! { <Slips slips=vec![slip]/> })}
        <super::schools::SchoolsPanel saved=schools_saved/>
        <AuditPanel changed=Signal::derive(move || add.version().get() + reset.version().get() + disable.version().get() + schools_saved.get() as usize)/>
        <h2 class="no-print">{tr::CURATORS_CURATOR}</h2>
        {move || reset.value().get().and_then(Result::err).map(|e| view! { <Notice error=true text=e.to_string()/> })}
        <Fetched resource=list view=move |schools| {
            let choices = schools_of(&schools);
            view! {
            <crate::ui::widgets::Wide label=tr::CURATORS_CURATOR>
            <table class="table no-print">
                <thead><tr><th>{tr::CURATORS_SCHOOL}</th><th>{tr::CURATORS_CURATOR}</th><th>{tr::ACCESS_STATE}</th><th></th></tr></thead>
                <tbody>
                    {schools.into_iter().map(|row| view! {
                        <tr data-testid="curator-row">
                            <td>{row.school.clone()}</td>
                            <td>{row.name.clone().unwrap_or_default()} " " <span class="muted">{row.login.clone().unwrap_or_default()}</span></td>
                            <td>{if row.user_id.is_some() { access_line(&row.access) } else { tr::CURATORS_NONE.into() }}</td>
                            <td>{row.user_id.map(|user_id| view! {
                                <button type="button" class="button secondary" on:click=move |_| { reset.dispatch(user_id); }>{tr::ACCESS_RESET}</button>
                            })}
                            {disable_button(row.user_id.filter(|_| !matches!(row.access, Access::Disabled)), disable)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </crate::ui::widgets::Wide>
            <NewCurator schools=choices add/>
            }
        }/>
    }
}

/// «Отключить» for an account that can still sign in, after the browser's confirmation.
fn disable_button(user_id: Option<i64>, disable: Action<i64, Result<(), AppError>>) -> impl IntoView {
    user_id.map(|user_id| view! {
        <button type="button" class="button danger" data-testid="disable" disabled=move || disable.pending().get()
            on:click=move |_| {
                if window().confirm_with_message(tr::ACCESS_DISABLE_CONFIRM).unwrap_or(false) {
                    disable.dispatch(user_id);
                }
            }>{tr::ACCESS_DISABLE}</button>
    })
}

fn schools_of(rows: &[CuratorAccess]) -> Vec<(i64, String)> {
    let mut schools: Vec<(i64, String)> = rows.iter().map(|r| (r.organisation_id, r.school.clone())).collect();
    schools.dedup();
    schools
}

/// Fields of a new curator's account, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
struct CuratorInput {
    school: String,
    login: String,
    name: String,
}

#[component]
fn NewCurator(schools: Vec<(i64, String)>, add: Action<(i64, String, String), Result<InvitationSlip, AppError>>) -> impl IntoView {
    let form = RwSignal::new(CuratorInput::default());
    let errors = RwSignal::new(FieldErrors::new());
    Effect::new(move |_| {
        if let Some(Ok(_)) = add.value().get() {
            form.set(CuratorInput::default());
        }
    });
    let general = told_where_it_belongs(add, errors);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = form.get_untracked();
        match input.school.parse::<i64>() {
            Ok(school) => {
                add.dispatch((school, input.login, input.name));
            }
            Err(_) => errors.set(FieldErrors::from([("school".into(), tr::CURATORS_PICK_SCHOOL.into())])),
        }
    };
    view! {
        <form class="card stack no-print" on:submit=submit novalidate>
            <h2>{tr::CURATORS_ADD}</h2>
            <div class="field" class:invalid=move || errors.with(|e| e.contains_key("school"))>
                <label for="f-school">{tr::CURATORS_SCHOOL}</label>
                <select id="f-school" on:change=move |ev| form.update(|f| f.school = event_target_value(&ev))>
                    <option value="">{tr::CHOOSE}</option>
                    {schools.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                </select>
                <p class="field-error" role="alert">{move || errors.with(|e| e.get("school").cloned())}</p>
            </div>
            <TextField label=tr::SETUP_DISPLAY_NAME name="display_name" form field=|i| &mut i.name errors autocomplete="off"/>
            <TextField label=tr::LOGIN_FIELD name="login" form field=|i| &mut i.login errors autocomplete="off"/>
            {move || general().map(|text| view! { <Notice error=true text/> })}
            <button type="submit" class="button primary" disabled=move || add.pending().get()>{tr::CURATORS_ADD_BUTTON}</button>
        </form>
    }
}

/// `/welcome`: the first entry with the slip's login and code; the person chooses a password.
#[component]
pub fn WelcomePage() -> impl IntoView {
    let form = RwSignal::new(WelcomeInput::default());
    let errors = RwSignal::new(FieldErrors::new());
    let enter = Action::new(|input: &WelcomeInput| welcome(input.clone()));
    Effect::new(move |_| {
        if let Some(Ok(_)) = enter.value().get() {
            let _ = window().location().set_href("/");
        }
    });
    let general = told_where_it_belongs(enter, errors);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = form.get_untracked();
        match Welcome::parse(&input) {
            Err(found) => errors.set(found),
            Ok(_) => {
                errors.set(FieldErrors::new());
                enter.dispatch(input);
            }
        }
    };
    view! {
        <section class="card narrow">
            <h1>{tr::WELCOME_TITLE}</h1>
            <p class="muted">{tr::WELCOME_INTRO}</p>
            <form class="stack" on:submit=submit novalidate>
                <TextField label=tr::LOGIN_FIELD name="login" form field=|i| &mut i.login errors autocomplete="username"/>
                <TextField label=tr::SLIP_CODE name="code" form field=|i| &mut i.code errors numeric=true autocomplete="one-time-code"/>
                <TextField label=tr::NEW_PASSWORD name="password" form field=|i| &mut i.password errors password="new-password" hint=tr::PASSWORD_RULES/>
                <TextField label=tr::SETUP_PASSWORD_AGAIN name="password_again" form field=|i| &mut i.password_again errors password="new-password"/>
                {move || general().map(|text| view! { <Notice error=true text/> })}
                <button type="submit" class="button primary" disabled=move || enter.pending().get()>{tr::WELCOME_SUBMIT}</button>
            </form>
        </section>
    }
}

/// `/password`: the signed-in person changes their password; their other sessions end.
#[component]
pub fn PasswordPage() -> impl IntoView {
    let form = RwSignal::new(PasswordChangeInput::default());
    let errors = RwSignal::new(FieldErrors::new());
    let change = Action::new(|input: &PasswordChangeInput| change_password(input.clone()));
    Effect::new(move |_| {
        if let Some(Ok(())) = change.value().get() {
            errors.set(FieldErrors::new());
            form.set(PasswordChangeInput::default());
        }
    });
    let general = told_where_it_belongs(change, errors);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        change.dispatch(form.get_untracked());
    };
    view! {
        <RequireRole roles=UserRole::ALL>
            <section class="card narrow">
                <h1>{tr::PASSWORD_TITLE}</h1>
                <form class="stack" on:submit=submit novalidate>
                    <TextField label=tr::PASSWORD_CURRENT name="current" form field=|i| &mut i.current errors password="current-password"/>
                    <TextField label=tr::NEW_PASSWORD name="password" form field=|i| &mut i.password errors password="new-password" hint=tr::PASSWORD_RULES/>
                    <TextField label=tr::SETUP_PASSWORD_AGAIN name="password_again" form field=|i| &mut i.password_again errors password="new-password"/>
                    {move || general().map(|text| view! { <Notice error=true text/> })}
                    {move || matches!(change.value().get(), Some(Ok(()))).then(|| view! { <Notice text=tr::PASSWORD_CHANGED testid="password-changed"/> })}
                    <button type="submit" class="button primary" disabled=move || change.pending().get()>{tr::PASSWORD_SUBMIT}</button>
                </form>
            </section>
        </RequireRole>
    }
}

/// The audit log of the caller's part (the district, or the curator's school), newest first;
/// fetched again whenever `changed` moves.
#[component]
fn AuditPanel(#[prop(into)] changed: Signal<usize>) -> impl IntoView {
    let lines = Resource::new(move || changed.get(), |_| audit_log(None));
    view! {
        <section class="no-print" data-testid="audit">
            <h2>{tr::AUDIT_TITLE}</h2>
            <Fetched resource=lines view=|lines| if lines.is_empty() {
                view! { <p class="muted">{tr::AUDIT_EMPTY}</p> }.into_any()
            } else {
                view! {
                    <crate::ui::widgets::Wide label=tr::AUDIT_TITLE>
                    <table class="table compact">
                        <thead><tr><th>{tr::AUDIT_WHEN}</th><th>{tr::AUDIT_WHO}</th><th>{tr::AUDIT_WHAT}</th></tr></thead>
                        <tbody>
                            {lines.into_iter().map(|line| view! {
                                <tr><td>{time_zone().local_minutes(&line.at)}</td><td>{line.user_name}</td><td>{line.summary}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    </crate::ui::widgets::Wide>
                }.into_any()
            }/>
        </section>
    }
}
