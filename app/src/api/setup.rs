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
    use crate::services::throttle::Guess;
    use domain::models::FirstRun;
    let state = crate::state::state()?;
    if !crate::services::accounts::first_run_needed(&state.db).await? {
        return Err(AppError::NotFound);
    }
    let run = FirstRun::parse(&input).map_err(AppError::Validation)?;
    let guess = Guess::new("setup", "first-run", crate::state::request_client());
    guess.count(&state.db).await?;
    let user = guess.settle(&state.db, crate::services::accounts::first_run(&state.db, run).await, "setup_code").await?;
    super::auth::start_session(&state, user.id).await?;
    Ok(user)
}
