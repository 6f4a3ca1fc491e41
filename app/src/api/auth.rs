//! Login, logout and "who am I".

use leptos::prelude::*;

use crate::error::AppError;
use domain::models::CurrentUser;

/// Checks the password, starts a session (cookie) and sends the browser home.
#[server(prefix = "/api", endpoint = "auth/login")]
pub async fn login(login: String, password: String) -> Result<CurrentUser, AppError> {
    use axum::http::{header::SET_COOKIE, HeaderValue};

    use crate::auth::*;
    use crate::services::throttle::Guess;
    use crate::store::users;

    let state = crate::state::state()?;
    let login = login.trim().to_lowercase();
    let guess = Guess::new("login", &login, crate::state::request_client());
    guess.count(&state.db).await?;
    // Logins have at most 32 characters: one over 64 is not looked up (but takes as long).
    let found = match login.chars().count() <= 64 {
        true => users::find_for_login(&state.db, &login).await?,
        false => None,
    };
    let stored_hash = found.as_ref().map(|(_, hash)| hash.clone());
    // A missing account spends the same time as a real check, so timing does not tell logins.
    let check = run_password_check(move || verify_password(&password, stored_hash.as_deref().unwrap_or(dummy_hash())) && stored_hash.is_some());
    let verified = match check.await {
        Ok(verified) => verified,
        Err(busy) => {
            guess.was_not_a_guess(&state.db).await?;
            return Err(busy);
        }
    };
    let Some((user, _)) = found.filter(|_| verified) else {
        tracing::info!(login = %login.chars().take(64).collect::<String>(), "failed login");
        return Err(AppError::field("password", domain::i18n::tr::LOGIN_FAILED));
    };
    guess.was_right(&state.db).await?;
    start_session(&state, user.id).await?;
    let response = expect_context::<leptos_axum::ResponseOptions>();
    // A login on a kiosk (a curator taking the tablet back) ends the kiosk.
    if let Some(kiosk) = crate::state::request_kiosk_token() {
        crate::store::surveys::close_kiosk(&state.db, &token_hash(&kiosk)).await?;
        let expired = HeaderValue::from_str(&kiosk_cookie(None, state.web.secure_cookies)).map_err(AppError::internal)?;
        response.append_header(SET_COOKIE, expired);
    }
    tracing::info!(user_id = user.id, role = user.role.code(), "logged in");
    leptos_axum::redirect(home_path(&user));
    Ok(user)
}

/// The first entry with an invitation code: the person chooses their password and is signed
/// in. Wrong codes are throttled per login, like passwords.
#[server(prefix = "/api", endpoint = "auth/welcome", input = server_fn::codec::Json)]
pub async fn welcome(input: domain::models::WelcomeInput) -> Result<CurrentUser, AppError> {
    use crate::services::throttle::Guess;

    let state = crate::state::state()?;
    let welcome = domain::models::Welcome::parse(&input).map_err(AppError::Validation)?;
    let guess = Guess::new("welcome", welcome.login.as_str(), crate::state::request_client());
    guess.count(&state.db).await?;
    let user = guess.settle(&state.db, crate::services::accounts::welcome(&state.db, welcome).await, "code").await?;
    start_session(&state, user.id).await?;
    Ok(user)
}

/// Changes the caller's own password; their sessions on other devices end.
#[server(prefix = "/api", endpoint = "auth/password", input = server_fn::codec::Json)]
pub async fn change_password(input: domain::models::PasswordChangeInput) -> Result<(), AppError> {
    use crate::services::throttle::Guess;

    let caller = crate::caller::Caller::current().await?;
    let token = crate::state::request_token().ok_or(AppError::Unauthorized)?;
    // A stolen session must not be a way to guess the current password.
    let guess = Guess::new("password", &caller.user.id.to_string(), crate::state::request_client());
    guess.count(&caller.db).await?;
    let changed = crate::services::accounts::change_password(&caller.db, &caller.user, &crate::auth::token_hash(&token), &input).await;
    guess.settle(&caller.db, changed, "current").await
}

/// Starts a session for `user_id`: a new random token in the cookie, its hash in the database.
#[cfg(feature = "ssr")]
pub(crate) async fn start_session(state: &crate::state::AppState, user_id: i64) -> Result<(), AppError> {
    use axum::http::{header::SET_COOKIE, HeaderValue};

    use crate::auth::*;
    let token = new_session_token();
    crate::store::users::create_session(&state.db, &token_hash(&token), user_id, SESSION_TTL_SECONDS).await?;
    let cookie = HeaderValue::from_str(&session_cookie(&token, state.web.secure_cookies)).map_err(AppError::internal)?;
    expect_context::<leptos_axum::ResponseOptions>().insert_header(SET_COOKIE, cookie);
    Ok(())
}

/// Ends the session and sends the browser to the login page.
#[server(prefix = "/api", endpoint = "auth/logout")]
pub async fn logout() -> Result<(), AppError> {
    use axum::http::{header::SET_COOKIE, HeaderValue};

    let state = crate::state::state()?;
    if let Some(token) = crate::state::request_token() {
        crate::store::users::delete_session(&state.db, &crate::auth::token_hash(&token)).await?;
    }
    let response = expect_context::<leptos_axum::ResponseOptions>();
    let cookie = HeaderValue::from_str(&crate::auth::expired_cookie(state.web.secure_cookies))
        .map_err(AppError::internal)?;
    response.insert_header(SET_COOKIE, cookie);
    leptos_axum::redirect("/login");
    Ok(())
}

/// The logged-in user, or `None` for an anonymous caller.
#[server(prefix = "/api", endpoint = "auth/whoami")]
pub async fn whoami() -> Result<Option<CurrentUser>, AppError> {
    crate::state::current_user().await
}

/// Where each role starts.
pub fn home_path(user: &CurrentUser) -> &'static str {
    use domain::models::UserRole::*;
    match user.role {
        Methodologist => "/district",
        Curator => "/participants",
        Mentor | Mentee => "/me",
    }
}

#[cfg(feature = "ssr")]
fn dummy_hash() -> &'static str {
    use std::sync::OnceLock;
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| crate::auth::hash_password("not-a-real-password").unwrap_or_default())
}
