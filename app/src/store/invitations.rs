//! Invitations: a one-time code in place of a password until its owner chooses one, and who
//! of a school has access. Only the code's SHA-256 is stored.

use sqlx::Row;

use super::{now_unix, Conn};
use domain::models::{Access, ParticipantRole};

/// What a password hash column holds while an account waits for its first entry: no argon2
/// hash parses from it, so no password opens the account.
pub const NO_PASSWORD: &str = "!invited";

/// Gives an account a new invitation (replacing an earlier one), takes its password away and
/// ends its sessions: a reset leaves nothing of the old access. A disabled account is enabled.
pub async fn issue(db: impl Conn, user_id: i64, code_hash: &str, expires_at: i64, created_by: i64) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query(
        "INSERT INTO invitations (user_id, code_hash, expires_at, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET code_hash = excluded.code_hash, expires_at = excluded.expires_at,
            created_by = excluded.created_by",
    )
    .bind(user_id)
    .bind(code_hash)
    .bind(expires_at)
    .bind(created_by)
    .execute(&mut *conn)
    .await?;
    // Giving access again also lifts a disabling: the person enters with the new code.
    sqlx::query("UPDATE users SET password_hash = $1, disabled = 0 WHERE id = $2").bind(NO_PASSWORD).bind(user_id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *conn).await?;
    Ok(())
}

/// Uses up the invitation of `login` if `code_hash` is its code and it has not expired: the
/// account's id, once. `None` for anything else (wrong login, wrong or old code, disabled).
pub async fn redeem(db: impl Conn, login: &str, code_hash: &str) -> Result<Option<i64>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let user_id: Option<i64> = sqlx::query_scalar(
        "SELECT i.user_id FROM invitations i JOIN users u ON u.id = i.user_id
         WHERE u.login = $1 AND i.code_hash = $2 AND i.expires_at > $3 AND u.disabled = 0",
    )
    .bind(login)
    .bind(code_hash)
    .bind(now_unix())
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(user_id) = user_id {
        sqlx::query("DELETE FROM invitations WHERE user_id = $1").bind(user_id).execute(&mut *conn).await?;
    }
    Ok(user_id)
}

/// A school's mentor or mentee with their access.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonAccessRow {
    pub participant_id: i64,
    pub name: String,
    pub role: ParticipantRole,
    pub user_id: Option<i64>,
    pub login: Option<String>,
    pub access: Access,
}

/// Every participant of a school, by name, with their account if they have one.
pub async fn of_school(db: impl Conn, organisation_id: i64) -> Result<Vec<PersonAccessRow>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(
        "SELECT p.id, p.last_name, p.first_name, p.middle_name, p.role, u.id AS user_id, u.login,
            u.disabled, u.password_hash, i.expires_at
         FROM participants p
         LEFT JOIN users u ON u.participant_id = p.id
         LEFT JOIN invitations i ON i.user_id = u.id
         WHERE p.organisation_id = $1 ORDER BY p.last_name, p.first_name, p.id",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let middle: Option<String> = row.try_get("middle_name")?;
            let name = domain::models::full_name(&row.try_get::<String, _>("last_name")?, &row.try_get::<String, _>("first_name")?, middle.as_deref());
            Ok(PersonAccessRow {
                participant_id: row.try_get("id")?,
                name,
                role: super::code(row, "role")?,
                user_id: row.try_get("user_id")?,
                login: row.try_get("login")?,
                access: access_of(row)?,
            })
        })
        .collect()
}

/// An account's access from its row: `disabled`, `password_hash` and the invitation's `expires_at`.
pub(crate) fn access_of(row: &sqlx::any::AnyRow) -> Result<Access, sqlx::Error> {
    let Some(disabled) = row.try_get::<Option<i64>, _>("disabled")? else { return Ok(Access::None) };
    let invited_until: Option<i64> = row.try_get("expires_at")?;
    let password: Option<String> = row.try_get("password_hash")?;
    Ok(if disabled != 0 {
        Access::Disabled
    } else if let Some(until) = invited_until.filter(|_| password.as_deref() == Some(NO_PASSWORD)) {
        Access::Invited { until: super::unix_to_rfc3339(until) }
    } else if password.as_deref() == Some(NO_PASSWORD) {
        Access::None
    } else {
        Access::Active
    })
}

/// Whether an account has this login.
pub async fn login_taken(db: impl Conn, login: &str) -> Result<bool, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE login = $1").bind(login).fetch_one(&mut *conn).await?;
    Ok(n > 0)
}

/// The account of a participant, if any.
pub async fn user_of_participant(db: impl Conn, participant_id: i64) -> Result<Option<i64>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar("SELECT id FROM users WHERE participant_id = $1").bind(participant_id).fetch_optional(&mut *conn).await
}

/// A school of the district with one of its curators (or none yet).
#[derive(Clone, Debug, PartialEq)]
pub struct CuratorRow {
    pub organisation_id: i64,
    pub school: String,
    pub curator: Option<(i64, String, String, Access)>,
}

/// Every school of a district with its curators' accounts, by school name.
pub async fn curators_of_district(db: impl Conn, district_id: i64) -> Result<Vec<CuratorRow>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(
        "SELECT o.id AS organisation_id, o.name AS school, u.id AS user_id, u.login, u.display_name,
            u.disabled, u.password_hash, i.expires_at
         FROM organisations o
         LEFT JOIN users u ON u.organisation_id = o.id AND u.role = 'curator'
         LEFT JOIN invitations i ON i.user_id = u.id
         WHERE o.district_id = $1 ORDER BY o.name, o.id, u.login",
    )
    .bind(district_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let user_id: Option<i64> = row.try_get("user_id")?;
            let curator = match user_id {
                Some(id) => Some((id, row.try_get("login")?, row.try_get("display_name")?, access_of(row)?)),
                None => None,
            };
            Ok(CuratorRow { organisation_id: row.try_get("organisation_id")?, school: row.try_get("school")?, curator })
        })
        .collect()
}

/// The district and role of an account, to check who may reset it.
pub async fn account_place(db: impl Conn, user_id: i64) -> Result<Option<(i64, domain::models::UserRole, Option<i64>)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let Some(row) = sqlx::query("SELECT district_id, role, organisation_id FROM users WHERE id = $1").bind(user_id).fetch_optional(&mut *conn).await? else {
        return Ok(None);
    };
    Ok(Some((row.try_get("district_id")?, super::code(&row, "role")?, row.try_get("organisation_id")?)))
}
