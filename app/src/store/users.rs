//! Accounts and sessions. Only hashes are stored: argon2id for passwords, SHA-256 for
//! session tokens, so a copy of the database opens no account.

use sqlx::any::AnyRow;
use sqlx::Row;

use super::{now_unix, Conn, Finish};
use domain::models::{CurrentUser, UserRole};

/// An account to create (demo data, `nastavnik` CLI, tests).
#[derive(Clone, Debug)]
pub struct NewUser<'a> {
    pub login: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub role: UserRole,
    pub district_id: i64,
    pub organisation_id: Option<i64>,
    pub participant_id: Option<i64>,
}

const USER_COLUMNS: &str =
    "u.id, u.login, u.display_name, u.role, u.district_id, u.organisation_id, u.participant_id, d.time_zone";

pub async fn create(db: impl Conn, user: &NewUser<'_>) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar(
        "INSERT INTO users (login, password_hash, display_name, role, district_id,
            organisation_id, participant_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(user.login.to_lowercase())
    .bind(user.password_hash)
    .bind(user.display_name)
    .bind(user.role.code())
    .bind(user.district_id)
    .bind(user.organisation_id)
    .bind(user.participant_id)
    .fetch_one(&mut *conn)
    .await
}

/// The account with this login and its password hash, if any.
pub async fn find_for_login(
    db: impl Conn,
    login: &str,
) -> Result<Option<(CurrentUser, String)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let sql = format!("SELECT {USER_COLUMNS}, u.password_hash FROM users u JOIN districts d ON d.id = u.district_id WHERE u.login = $1 AND u.disabled = 0");
    let Some(row) = sqlx::query(&sql).bind(login.trim().to_lowercase()).fetch_optional(&mut *conn).await?
    else {
        return Ok(None);
    };
    Ok(Some((user_from_row(&row)?, row.try_get("password_hash")?)))
}

/// Stores a new session for `user_id`, valid for `ttl_seconds`.
pub async fn create_session(
    db: impl Conn,
    token_hash: &str,
    user_id: i64,
    ttl_seconds: i64,
) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(user_id)
        .bind(now_unix() + ttl_seconds)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The user of an unexpired session.
pub async fn user_of_session(db: impl Conn, token_hash: &str) -> Result<Option<CurrentUser>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let sql = format!(
        "SELECT {USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id JOIN districts d ON d.id = u.district_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled = 0"
    );
    let row = sqlx::query(&sql).bind(token_hash).bind(now_unix()).fetch_optional(&mut *conn).await?;
    row.as_ref().map(user_from_row).transpose()
}

/// Ends a session (logout) and sweeps expired ones.
pub async fn delete_session(db: impl Conn, token_hash: &str) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1 OR expires_at <= $2")
        .bind(token_hash)
        .bind(now_unix())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Replaces an account's password and ends every session it has (on every device).
/// `false` when no account has that login.
pub async fn set_password(db: impl Conn, login: &str, password_hash: &str) -> Result<bool, sqlx::Error> {
    change_and_end_sessions(db, "UPDATE users SET password_hash = $2 WHERE login = $1 RETURNING id", login, Some(password_hash)).await
}

/// Disables an account: it signs in nowhere from now on, and its sessions end at once.
/// `false` when no account has that login.
pub async fn disable(db: impl Conn, login: &str) -> Result<bool, sqlx::Error> {
    change_and_end_sessions(db, "UPDATE users SET disabled = 1 WHERE login = $1 RETURNING id", login, None).await
}

/// Runs `sql` (an `UPDATE … WHERE login = $1 … RETURNING id`, with `value` as `$2` if given)
/// and ends the sessions of the account it changed, in one transaction.
async fn change_and_end_sessions(db: impl Conn, sql: &str, login: &str, value: Option<&str>) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let mut query = sqlx::query_scalar(sql).bind(login.trim().to_lowercase());
    if let Some(value) = value {
        query = query.bind(value);
    }
    let changed: Option<i64> = query.fetch_optional(&mut *tx).await?;
    let Some(user_id) = changed else { return Ok(false) };
    end_sessions(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(true)
}

async fn end_sessions(conn: &mut sqlx::AnyConnection, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(conn).await?;
    Ok(())
}

/// An account's login.
pub async fn login_of(db: impl Conn, user_id: i64) -> Result<String, sqlx::Error> {
    Ok(login_and_name(db, user_id).await?.0)
}

/// An account's login and display name.
pub async fn login_and_name(db: impl Conn, user_id: i64) -> Result<(String, String), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_as("SELECT login, display_name FROM users WHERE id = $1").bind(user_id).fetch_one(&mut *conn).await
}

/// Replaces an account's password hash and ends every session but `token_hash` (the one
/// changing its password), in one transaction.
pub async fn change_password_keeping(db: impl Conn, user_id: i64, password_hash: &str, token_hash: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2").bind(password_hash).bind(user_id).execute(&mut *tx).await?;
    keep_only_session(&mut *tx, user_id, token_hash).await?;
    tx.commit().await
}

/// Ends every session of an account but `token_hash` (the one changing its password).
async fn keep_only_session(db: impl Conn, user_id: i64, token_hash: &str) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2").bind(user_id).bind(token_hash).execute(&mut *conn).await?;
    Ok(())
}

/// An account as `nastavnik user list` prints it.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountLine {
    pub login: String,
    pub display_name: String,
    pub role: UserRole,
    pub school: Option<String>,
    pub disabled: bool,
}

/// Every account, by login.
pub async fn list(db: impl Conn) -> Result<Vec<AccountLine>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(
        "SELECT u.login, u.display_name, u.role, o.name AS school, u.disabled FROM users u
         LEFT JOIN organisations o ON o.id = u.organisation_id ORDER BY u.login",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(AccountLine {
                login: row.try_get("login")?,
                display_name: row.try_get("display_name")?,
                role: super::code(row, "role")?,
                school: row.try_get("school")?,
                disabled: row.try_get::<i64, _>("disabled")? != 0,
            })
        })
        .collect()
}

/// How many accounts exist: zero means a fresh database that wants its first run.
pub async fn count(db: impl Conn) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar("SELECT COUNT(*) AS n FROM users").fetch_one(&mut *conn).await
}

fn user_from_row(row: &AnyRow) -> Result<CurrentUser, sqlx::Error> {
    Ok(CurrentUser {
        id: row.try_get("id")?,
        login: row.try_get("login")?,
        display_name: row.try_get("display_name")?,
        role: super::code(row, "role")?,
        district_id: row.try_get("district_id")?,
        organisation_id: row.try_get("organisation_id")?,
        participant_id: row.try_get("participant_id")?,
        time_zone: super::code(row, "time_zone")?,
    })
}
