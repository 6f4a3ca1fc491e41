//! Accounts: the first run (a district and its first coordinator, guarded by a one-time code
//! the server prints), and passwords hashed off the async workers.

use crate::auth::{hash_password, token_hash};
use crate::error::AppError;
use crate::store::{orgs, setup, users, Conn, Db};
use domain::i18n::tr;
use domain::models::{CurrentUser, District, FirstRun, UserRole};

/// Hashes a password with argon2id on the blocking pool: a hash takes tens of milliseconds of
/// CPU, which must not stall the requests sharing an async worker.
pub async fn hash_off_thread(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::internal)
}

/// On a database with no account: a new setup code (its hash replaces any earlier one), to be
/// printed where the administrator reads the server's log. `None` once an account exists.
pub async fn prepare_first_run(db: &Db) -> Result<Option<String>, sqlx::Error> {
    if users::count(db).await? > 0 {
        return Ok(None);
    }
    let code = new_setup_code();
    setup::replace_code(db, &token_hash(&digits(&code))).await?;
    Ok(Some(code))
}

/// Whether the system still waits for its first run.
pub async fn first_run_needed(db: impl Conn) -> Result<bool, sqlx::Error> {
    Ok(users::count(db).await? == 0)
}

/// Creates the district and its coordinator in one transaction, using the setup code up.
/// Refused with `NotFound` once any account exists (the first run is over), and next to the
/// field for a wrong code.
pub async fn first_run(db: &Db, run: FirstRun) -> Result<CurrentUser, AppError> {
    let password_hash = hash_off_thread(run.password.clone()).await?;
    let mut tx = db.begin().await?;
    if !first_run_needed(&mut *tx).await? {
        return Err(AppError::NotFound);
    }
    if !setup::take_code(&mut *tx, &token_hash(&run.setup_code)).await? {
        return Err(AppError::field("setup_code", tr::ERR_SETUP_CODE));
    }
    let district = District { id: 0, name: run.district_name.clone(), time_zone: run.time_zone, ..District::default() };
    let district_id = orgs::create_district(&mut *tx, &district).await?;
    let user = users::NewUser {
        login: run.login.as_str(),
        password_hash: &password_hash,
        display_name: &run.display_name,
        role: UserRole::Methodologist,
        district_id,
        organisation_id: None,
        participant_id: None,
    };
    let id = users::create(&mut *tx, &user).await?;
    tx.commit().await?;
    tracing::info!(user_id = id, district_id, "first run: district and coordinator created");
    Ok(CurrentUser {
        id,
        login: run.login.to_string(),
        display_name: run.display_name,
        role: UserRole::Methodologist,
        district_id,
        organisation_id: None,
        participant_id: None,
        time_zone: run.time_zone,
    })
}

/// Nine random digits, grouped in threes to read aloud and type.
fn new_setup_code() -> String {
    use rand::Rng;
    let mut rng = rand::rngs::OsRng;
    let groups: Vec<String> = (0..3).map(|_| format!("{:03}", rng.gen_range(0..1000))).collect();
    groups.join("-")
}

fn digits(code: &str) -> String {
    code.chars().filter(char::is_ascii_digit).collect()
}
