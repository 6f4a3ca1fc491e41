//! Accounts: the first run (a district and its first coordinator, guarded by a one-time code
//! the server prints), invitations (a one-time code until the person chooses a password),
//! the first entry, a change of one's own password; passwords hashed off the async workers.

use crate::auth::{hash_password, token_hash};
use crate::error::AppError;
use crate::store::audit::{self, Actor};
use crate::store::{invitations, orgs, participants, setup, users, Conn, Db};
use domain::i18n::tr;
use domain::models::{
    check_new_password, login_for, CurrentUser, District, FirstRun, InvitationSlip, Login, ParticipantRole,
    PasswordChangeInput, UserRole, Welcome,
};

/// Hashes a password with argon2id on the blocking pool, a few at a time: a hash takes tens of
/// milliseconds of CPU, which must not stall the requests sharing an async worker.
pub async fn hash_off_thread(password: String) -> Result<String, AppError> {
    crate::auth::run_password_check(move || hash_password(&password)).await?.map_err(AppError::internal)
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
    let actor = Actor { district_id, organisation_id: None, user_id: Some(id), user_name: &run.display_name };
    audit::record(&mut *tx, &actor, &tr::audit_first_run(&run.district_name, run.login.as_str())).await?;
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

/// How long an invitation code works.
pub const INVITATION_DAYS: i64 = 14;

/// Eight random digits, shown as «1234-5678»: easy to type on a pupil's tablet.
fn new_invitation_code() -> String {
    use rand::Rng;
    let n: u32 = rand::rngs::OsRng.gen_range(0..100_000_000);
    format!("{:04}-{:04}", n / 10_000, n % 10_000)
}

/// Gives `user_id` a fresh invitation (the old password and sessions go): the slip to print.
async fn invite(conn: &mut sqlx::AnyConnection, user_id: i64, name: String, login: String, by: &CurrentUser) -> Result<InvitationSlip, AppError> {
    let code = new_invitation_code();
    let expires_at = crate::store::now_unix() + INVITATION_DAYS * 24 * 60 * 60;
    invitations::issue(&mut *conn, user_id, &token_hash(&digits(&code)), expires_at, by.id).await?;
    Ok(InvitationSlip { name, login, code, until: crate::store::unix_to_rfc3339(expires_at) })
}

/// A login free for a person's name: `shchukina.i`, else `shchukina.i2`, `shchukina.i3`, …
async fn free_login(conn: &mut sqlx::AnyConnection, last_name: &str, first_name: &str) -> Result<Login, AppError> {
    for suffix in 1..1000 {
        let login = login_for(last_name, first_name, suffix);
        if !invitations::login_taken(&mut *conn, login.as_str()).await? {
            return Ok(login);
        }
    }
    Err(AppError::internal("no free login"))
}

/// «Выдать доступ»: an account (if the person has none) and a new invitation for each of the
/// school's participants named, all in one transaction. A participant of another school is
/// `NotFound`, and then nobody gets a code.
pub async fn invite_participants(db: &Db, organisation_id: i64, participant_ids: &[i64], by: &CurrentUser) -> Result<Vec<InvitationSlip>, AppError> {
    let mut tx = db.begin().await?;
    let mut slips = Vec::with_capacity(participant_ids.len());
    for participant_id in participant_ids {
        let (participant, place) = match participants::get(&mut *tx, *participant_id).await {
            Err(sqlx::Error::RowNotFound) => return Err(AppError::NotFound),
            other => other?,
        };
        if place.organisation_id != organisation_id {
            return Err(AppError::NotFound);
        }
        let name = participant.full_name();
        let existing = invitations::user_of_participant(&mut *tx, participant.id).await?;
        let (user_id, login) = match existing {
            Some(user_id) => (user_id, users::login_of(&mut *tx, user_id).await?),
            None => {
                let login = free_login(&mut tx, &participant.data.last_name, &participant.data.first_name).await?;
                let role = match participant.data.role {
                    ParticipantRole::Mentor => UserRole::Mentor,
                    ParticipantRole::Mentee => UserRole::Mentee,
                };
                let account = users::NewUser {
                    login: login.as_str(),
                    password_hash: invitations::NO_PASSWORD,
                    display_name: &name,
                    role,
                    district_id: place.district_id,
                    organisation_id: Some(organisation_id),
                    participant_id: Some(participant.id),
                };
                (users::create(&mut *tx, &account).await?, login.to_string())
            }
        };
        slips.push(invite(&mut tx, user_id, name, login, by).await?);
    }
    let logins: Vec<String> = slips.iter().map(|s| s.login.clone()).collect();
    audit::record(&mut *tx, &actor(by, Some(organisation_id)), &tr::audit_access_given(&logins)).await?;
    tx.commit().await?;
    tracing::info!(organisation_id, count = slips.len(), by = by.id, "access given");
    Ok(slips)
}

/// A curator's account for a school of the coordinator's district, with its invitation.
pub async fn add_curator(db: &Db, organisation_id: i64, login: Login, display_name: String, by: &CurrentUser) -> Result<InvitationSlip, AppError> {
    let mut tx = db.begin().await?;
    if invitations::login_taken(&mut *tx, login.as_str()).await? {
        return Err(AppError::field("login", tr::ERR_LOGIN_TAKEN));
    }
    let place = orgs::place(&mut *tx, organisation_id).await?;
    let account = users::NewUser {
        login: login.as_str(),
        password_hash: invitations::NO_PASSWORD,
        display_name: &display_name,
        role: UserRole::Curator,
        district_id: place.district_id,
        organisation_id: Some(organisation_id),
        participant_id: None,
    };
    let user_id = users::create(&mut *tx, &account).await?;
    let slip = invite(&mut tx, user_id, display_name, login.to_string(), by).await?;
    audit::record(&mut *tx, &actor(by, Some(organisation_id)), &tr::audit_curator_added(login.as_str())).await?;
    tx.commit().await?;
    tracing::info!(organisation_id, user_id, by = by.id, "curator added");
    Ok(slip)
}

/// A new invitation for an existing account (its password and sessions end).
pub async fn reset_access(db: &Db, user_id: i64, organisation_id: Option<i64>, by: &CurrentUser) -> Result<InvitationSlip, AppError> {
    let mut tx = db.begin().await?;
    let (login, name) = users::login_and_name(&mut *tx, user_id).await?;
    let slip = invite(&mut tx, user_id, name, login.clone(), by).await?;
    audit::record(&mut *tx, &actor(by, organisation_id), &tr::audit_access_reset(&login)).await?;
    tx.commit().await?;
    tracing::info!(user_id, by = by.id, "access reset");
    Ok(slip)
}

/// The first entry: the invitation's code opens the account once, with the password chosen
/// now; every other session of the account ends.
pub async fn welcome(db: &Db, welcome: Welcome) -> Result<CurrentUser, AppError> {
    let password_hash = hash_off_thread(welcome.password.clone()).await?;
    let mut tx = db.begin().await?;
    let Some(user_id) = invitations::redeem(&mut *tx, welcome.login.as_str(), &token_hash(&welcome.code)).await? else {
        return Err(AppError::field("code", tr::ERR_INVITATION));
    };
    users::set_password(&mut *tx, welcome.login.as_str(), &password_hash).await?;
    let (user, _) = users::find_for_login(&mut *tx, welcome.login.as_str()).await?.ok_or(AppError::NotFound)?;
    audit::record(&mut *tx, &actor(&user, user.organisation_id), &tr::audit_first_entry(&user.login)).await?;
    tx.commit().await?;
    tracing::info!(user_id, "first entry: password chosen");
    Ok(user)
}

/// Changes one's own password after checking the current one; the caller's other sessions end,
/// the one making the change stays.
pub async fn change_password(db: &Db, user: &CurrentUser, keep_session: &str, change: &PasswordChangeInput) -> Result<(), AppError> {
    check_new_password(&user.login, &change.password, &change.password_again).map_err(AppError::Validation)?;
    let (_, stored) = users::find_for_login(db, &user.login).await?.ok_or(AppError::Unauthorized)?;
    let current = change.current.clone();
    let verified = crate::auth::run_password_check(move || crate::auth::verify_password(&current, &stored)).await?;
    if !verified {
        return Err(AppError::field("current", tr::ERR_PASSWORD_CURRENT));
    }
    let password_hash = hash_off_thread(change.password.clone()).await?;
    users::change_password_keeping(db, user.id, &password_hash, keep_session).await?;
    audit::record(db, &actor(user, user.organisation_id), &tr::audit_password_changed(&user.login)).await?;
    tracing::info!(user_id = user.id, "password changed");
    Ok(())
}

/// The log's actor for a signed-in user, for a change at `organisation_id` (or district-wide).
pub fn actor(user: &CurrentUser, organisation_id: Option<i64>) -> Actor<'_> {
    Actor { district_id: user.district_id, organisation_id, user_id: Some(user.id), user_name: &user.display_name }
}
