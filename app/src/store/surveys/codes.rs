//! Personal codes: named ones for the programme's people, anonymous slips, and who a code answers as.

use super::*;

pub(super) fn random_code() -> String {
    use rand::Rng;
    let n: u32 = rand::thread_rng().gen_range(0..10u32.pow(CODE_LENGTH as u32));
    format!("{n:0width$}", width = CODE_LENGTH)
}

pub(super) async fn insert_code(db: impl Conn, programme_id: i64, role: ParticipantRole, participant_id: Option<i64>) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    // A clash with an existing code of the programme is retried with a new one.
    for _ in 0..20 {
        let inserted = sqlx::query(
            "INSERT INTO respondent_codes (programme_id, role, code, participant_id, created_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        )
        .bind(programme_id)
        .bind(role.code())
        .bind(random_code())
        .bind(participant_id)
        .bind(now())
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(());
        }
    }
    Err(sqlx::Error::Protocol("no free respondent code".into()))
}

/// Gives every participant of the programme who has no code yet a personal code.
pub async fn issue_named_codes(db: impl Conn, programme_id: i64) -> Result<usize, sqlx::Error> {
    let mut tx = db.begin().await?;
    let rows = sqlx::query(
        "SELECT x.participant_id AS id, x.role FROM participations x WHERE x.programme_id = $1
         AND NOT EXISTS (SELECT 1 FROM respondent_codes c WHERE c.programme_id = $1 AND c.participant_id = x.participant_id)",
    )
    .bind(programme_id)
    .fetch_all(&mut *tx)
    .await?;
    for row in &rows {
        let role = super::code(row, "role")?;
        insert_code(&mut *tx, programme_id, role, Some(row.try_get("id")?)).await?;
    }
    tx.commit().await?;
    Ok(rows.len())
}

/// Makes `count` anonymous slips for a role.
pub async fn issue_anonymous_codes(db: impl Conn, programme_id: i64, role: ParticipantRole, count: usize) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    for _ in 0..count {
        insert_code(&mut *tx, programme_id, role, None).await?;
    }
    tx.commit().await
}

pub async fn codes_of(db: impl Conn, programme_id: i64) -> Result<Vec<CodeSlip>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(
        "SELECT c.code, c.role, p.last_name, p.first_name, p.middle_name FROM respondent_codes c
         LEFT JOIN participants p ON p.id = c.participant_id
         WHERE c.programme_id = $1 ORDER BY c.participant_id IS NULL, c.role, p.last_name, p.first_name, c.id",
    )
    .bind(programme_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let last: Option<String> = row.try_get("last_name")?;
            let first: Option<String> = row.try_get("first_name")?;
            let middle: Option<String> = row.try_get("middle_name")?;
            let name = last.map(|last| {
                [Some(last), first, middle].into_iter().flatten().collect::<Vec<_>>().join(" ")
            });
            Ok(CodeSlip {
                code: row.try_get("code")?,
                role: super::code(row, "role")?,
                name,
            })
        })
        .collect()
}

/// Who a code is in a programme: its id, role and (for a named code) participant.
#[derive(Clone, Copy, Debug)]
pub struct CodeOwner {
    pub code_id: i64,
    pub role: ParticipantRole,
    pub participant_id: Option<i64>,
}

impl CodeOwner {
    /// Who this code answers as in a wave for `role`: a named code in a named wave is the
    /// person (`p<id>`), an anonymous slip in an anonymous wave is the slip (`c<id>`);
    /// any other combination does not belong to the wave.
    pub fn respondent_in(&self, role: ParticipantRole, anonymous: bool) -> Option<String> {
        if self.role != role || self.participant_id.is_none() != anonymous {
            return None;
        }
        Some(match self.participant_id {
            Some(participant_id) => format!("p{participant_id}"),
            None => format!("c{}", self.code_id),
        })
    }
}

pub async fn code_owner(db: impl Conn, programme_id: i64, code: &str) -> Result<Option<CodeOwner>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query("SELECT id, role, participant_id FROM respondent_codes WHERE programme_id = $1 AND code = $2")
        .bind(programme_id)
        .bind(code)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|row| {
        Ok(CodeOwner {
            code_id: row.try_get("id")?,
            role: super::code(&row, "role")?,
            participant_id: row.try_get("participant_id")?,
        })
    })
    .transpose()
}
