//! Accounts and sessions. Only hashes are stored: argon2id for passwords, SHA-256 for
//! session tokens, so a copy of the database opens no account.

use sqlx::any::AnyRow;
use sqlx::Row;

use super::{now_unix, Conn};
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
    let row = sqlx::query(
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
    .await?;
    row.try_get("id")
}

/// The account with this login and its password hash, if any.
pub async fn find_for_login(
    db: impl Conn,
    login: &str,
) -> Result<Option<(CurrentUser, String)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let sql = format!("SELECT {USER_COLUMNS}, u.password_hash FROM users u JOIN districts d ON d.id = u.district_id WHERE u.login = $1");
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
         WHERE s.token_hash = $1 AND s.expires_at > $2"
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

/// How many accounts exist: zero means a fresh database that wants demo data.
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
