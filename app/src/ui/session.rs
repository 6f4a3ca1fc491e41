//! Who is logged in, shared by every page; the header; the role guard.

use leptos::prelude::*;
use leptos_router::components::{Redirect, A};

use crate::api::auth::{home_path, whoami, Login, Logout};
use crate::error::AppError;
use domain::i18n::tr;
use domain::models::{CurrentUser, UserRole};

/// The session context: the current user and the actions that change it.
#[derive(Clone, Copy)]
pub struct Session {
    pub user: Resource<Result<Option<CurrentUser>, AppError>>,
    pub login: ServerAction<Login>,
    pub logout: ServerAction<Logout>,
}

pub fn provide_session() {
    let login = ServerAction::<Login>::new();
    let logout = ServerAction::<Logout>::new();
    let user = Resource::new(move || (login.version().get(), logout.version().get()), |_| whoami());
    provide_context(Session { user, login, logout });
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The signed-in user's district time zone (Moscow until the session is known): every time
/// a page shows is in it.
pub fn time_zone() -> domain::models::TimeZone {
    use_session().user.get().and_then(Result::ok).flatten().map(|user| user.time_zone).unwrap_or_default()
}

/// The top bar: the app's name, the caller's pages, who they are, and logout.
#[component]
pub fn Header() -> impl IntoView {
    let session = use_session();
    view! {
        <header class="topbar">
            <A href="/" attr:class="brand">{tr::APP_NAME}</A>
            <super::widgets::VisionSwitch/>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    session.user.await.ok().flatten().map(|user| view! { <UserNav user/> })
                })}
            </Transition>
        </header>
    }
}

#[component]
fn UserNav(user: CurrentUser) -> impl IntoView {
    let session = use_session();
    let links: Vec<(&str, &str)> = match user.role {
        UserRole::Curator => vec![
            ("/participants", tr::NAV_PARTICIPANTS),
            ("/import", tr::NAV_IMPORT),
            ("/programmes", tr::NAV_PROGRAMMES),
            ("/documents", tr::DOCUMENTS_TITLE),
            ("/questionnaires", tr::NAV_QUESTIONNAIRES),
            ("/reports/before-after", tr::NAV_BEFORE_AFTER),
            ("/reports/school", tr::NAV_REPORT),
            ("/practices", tr::NAV_PRACTICES),
        ],
        UserRole::Methodologist => vec![
            ("/district", tr::NAV_DISTRICT),
            ("/accounts", tr::NAV_CURATORS),
            ("/reports/before-after", tr::NAV_BEFORE_AFTER),
            ("/decks", tr::NAV_DECKS),
            ("/practices", tr::NAV_PRACTICES),
        ],
        UserRole::Mentor | UserRole::Mentee => vec![("/me", tr::NAV_ME), ("/surveys", tr::NAV_SURVEYS)],
    };
    let participant = matches!(user.role, UserRole::Mentor | UserRole::Mentee);
    view! {
        <nav class="nav">
            {links.into_iter().map(|(href, label)| view! { <A href=href>{label}</A> }).collect_view()}
            {participant.then(|| view! { <ReminderBadge/> })}
        </nav>
        <div class="who">
            <span class="who-name" data-testid="who">{user.display_name.clone()}</span>
            <span class="who-role">{tr::user_role(user.role)}</span>
            <A href="/password" attr:class="who-password">{tr::PASSWORD_LINK}</A>
            <ActionForm action=session.logout>
                <button type="submit" class="button secondary">{tr::LOGOUT}</button>
            </ActionForm>
        </div>
    }
}

/// The mentor's or mentee's reminders as a count in the top bar, linking to their list. Asked
/// for in the browser only (the bar is drawn the same on the server and at hydration).
#[component]
fn ReminderBadge() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    // Counted again on every page change: a recorded meeting clears its reminder.
    let count = LocalResource::new(move || {
        location.pathname.track();
        crate::api::participants::my_reminder_count()
    });
    move || {
        count.get().and_then(Result::ok).filter(|n| *n > 0).map(|n| view! {
            <A href="/me#reminders" attr:class="reminder-badge" attr:data-testid="reminder-badge">
                {tr::REMINDERS} " " <span class="badge" aria-label=tr::reminders_count(n)>{n}</span>
            </A>
        })
    }
}

/// `/`: sends each role to its start page, and anonymous visitors to login.
#[component]
pub fn Home() -> impl IntoView {
    let session = use_session();
    view! {
        <Transition fallback=|| view! { <p>{tr::LOADING}</p> }>
            {move || Suspend::new(async move {
                match session.user.await {
                    Ok(Some(user)) => view! { <Redirect path=home_path(&user)/> }.into_any(),
                    _ => view! { <Redirect path="/login"/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Shows `children` only to the given roles: anonymous visitors go to login, others see
/// a refusal. (The server functions refuse them too; this only spares a useless page.)
#[component]
pub fn RequireRole(roles: &'static [UserRole], children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let children = StoredValue::new(children);
    view! {
        <Transition fallback=|| view! { <p>{tr::LOADING}</p> }>
            {move || Suspend::new(async move {
                match session.user.await {
                    Ok(Some(user)) if roles.contains(&user.role) => children.read_value()().into_any(),
                    Ok(Some(_)) => view! { <p class="notice error" data-testid="forbidden">{tr::FORBIDDEN_PAGE}</p> }.into_any(),
                    _ => view! { <Redirect path="/login"/> }.into_any(),
                }
            })}
        </Transition>
    }
}
