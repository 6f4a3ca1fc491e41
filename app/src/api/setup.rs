//! The first run: on a system with no account, a district and its first coordinator, guarded
//! by the one-time code the server prints in its log.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
use domain::models::{CurrentUser, FirstRunInput};

/// Whether the system still waits for its first run (anyone may ask: the login page does).
#[server(prefix = "/api", endpoint = "setup/status", input = Json)]
pub async fn first_run_needed() -> Result<bool, AppError> {
    let state = crate::state::state()?;
    Ok(crate::services::accounts::first_run_needed(&state.db).await?)
}

/// Creates the district and the coordinator's account, and signs the coordinator in.
/// Gone (`NotFound`) once any account exists; wrong codes are throttled like passwords.
#[server(prefix = "/api", endpoint = "setup/first_run", input = Json)]
pub async fn first_run(input: FirstRunInput) -> Result<CurrentUser, AppError> {
    use std::time::Instant;

    use domain::models::FirstRun;
    const THROTTLE_KEY: &str = "setup:first-run";
    let state = crate::state::state()?;
    if !crate::services::accounts::first_run_needed(&state.db).await? {
        return Err(AppError::NotFound);
    }
    state.throttle.check(THROTTLE_KEY, Instant::now()).map_err(AppError::Throttled)?;
    let run = FirstRun::parse(&input).map_err(AppError::Validation)?;
    let user = match crate::services::accounts::first_run(&state.db, run).await {
        Err(refusal) if refusal.field_message("setup_code").is_some() => {
            state.throttle.failed(THROTTLE_KEY, Instant::now());
            return Err(refusal);
        }
        other => other?,
    };
    state.throttle.succeeded(THROTTLE_KEY);
    super::auth::start_session(&state, user.id).await?;
    Ok(user)
}
