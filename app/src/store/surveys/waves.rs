//! Waves: a questionnaire given to a role of a programme, open or closed, and the form a respondent gets.

use super::*;

pub(super) const WAVE_SELECT: &str = "SELECT w.id, w.programme_id, w.questionnaire_id, w.kind, w.role, w.anonymous, w.status,
        q.title AS questionnaire_title,
        (SELECT COUNT(*) FROM submissions s WHERE s.wave_id = w.id) AS answered,
        (SELECT COUNT(*) FROM participations x WHERE x.programme_id = w.programme_id AND x.role = w.role) AS people,
        (SELECT COUNT(*) FROM respondent_codes c WHERE c.programme_id = w.programme_id AND c.role = w.role
            AND c.participant_id IS NULL) AS slips
     FROM waves w JOIN questionnaires q ON q.id = w.questionnaire_id";

pub(super) fn wave_from_row(row: &AnyRow) -> Result<Wave, sqlx::Error> {
    let anonymous = row.try_get::<i64, _>("anonymous")? != 0;
    let (people, slips): (i64, i64) = (row.try_get("people")?, row.try_get("slips")?);
    Ok(Wave {
        id: row.try_get("id")?,
        programme_id: row.try_get("programme_id")?,
        questionnaire_id: row.try_get("questionnaire_id")?,
        questionnaire_title: row.try_get("questionnaire_title")?,
        kind: super::code(row, "kind")?,
        role: super::code(row, "role")?,
        anonymous,
        status: super::code(row, "status")?,
        // An anonymous wave is for the slips handed out; before any are, for the role's people.
        invited: if anonymous && slips > 0 { slips } else { people },
        answered: row.try_get("answered")?,
    })
}

pub async fn waves_of(db: impl Conn, programme_id: i64) -> Result<Vec<Wave>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let sql = format!("{WAVE_SELECT} WHERE w.programme_id = $1 ORDER BY w.id");
    let rows = sqlx::query(&sql).bind(programme_id).fetch_all(&mut *conn).await?;
    rows.iter().map(wave_from_row).collect()
}

pub async fn wave(db: impl Conn, wave_id: i64) -> Result<Wave, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let sql = format!("{WAVE_SELECT} WHERE w.id = $1");
    wave_from_row(&sqlx::query(&sql).bind(wave_id).fetch_one(&mut *conn).await?)
}

/// The school a wave runs in, for access checks.
pub async fn wave_place(db: impl Conn, wave_id: i64) -> Result<Place, sqlx::Error> {
    let sql = "SELECT g.organisation_id, o.district_id FROM waves w JOIN programmes g ON g.id = w.programme_id
               JOIN organisations o ON o.id = g.organisation_id WHERE w.id = $1";
    super::place_of(db, sql, wave_id).await
}

pub async fn create_wave(
    db: impl Conn,
    programme_id: i64,
    questionnaire_id: i64,
    kind: WaveKind,
    role: ParticipantRole,
    anonymous: bool,
) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar(
        "INSERT INTO waves (programme_id, questionnaire_id, kind, role, anonymous, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(programme_id)
    .bind(questionnaire_id)
    .bind(kind.code())
    .bind(role.code())
    .bind(i64::from(anonymous))
    .bind(now())
    .fetch_one(&mut *conn)
    .await
}

pub async fn set_wave_status(db: impl Conn, wave_id: i64, status: WaveStatus) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let closed_at = (status == WaveStatus::Closed).then(now);
    sqlx::query("UPDATE waves SET status = $1, closed_at = $2 WHERE id = $3")
        .bind(status.code())
        .bind(closed_at)
        .bind(wave_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The form a respondent's device takes: the wave's questionnaire at its current version.
pub async fn form(db: impl Conn, wave_id: i64) -> Result<SurveyForm, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query(
        "SELECT w.kind, w.anonymous, v.id AS version_id, v.body FROM waves w
         JOIN questionnaire_versions v ON v.questionnaire_id = w.questionnaire_id
         WHERE w.id = $1 ORDER BY v.number DESC LIMIT 1",
    )
    .bind(wave_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(SurveyForm {
        wave_id,
        kind: super::code(&row, "kind")?,
        anonymous: row.try_get::<i64, _>("anonymous")? != 0,
        version_id: row.try_get("version_id")?,
        definition: definition_of(row.try_get("body")?)?,
    })
}

/// The open waves a participant is asked to answer, with whether they already have.
pub async fn open_waves_for(db: impl Conn, participant_id: i64) -> Result<Vec<(Wave, bool)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    // The participant's own answers in one query, not one per wave.
    let sql = format!(
        "{WAVE_SELECT} JOIN participations me ON me.programme_id = w.programme_id AND me.role = w.role
         WHERE me.participant_id = $1 AND w.status = 'open' ORDER BY w.id"
    );
    let rows = sqlx::query(&sql).bind(participant_id).fetch_all(&mut *conn).await?;
    let answered: std::collections::BTreeSet<i64> = sqlx::query("SELECT wave_id FROM submissions WHERE respondent = $1")
        .bind(format!("p{participant_id}"))
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| row.try_get("wave_id"))
        .collect::<Result<_, _>>()?;
    rows.iter()
        .map(|row| {
            let wave = wave_from_row(row)?;
            let done = !wave.anonymous && answered.contains(&wave.id);
            Ok((wave, done))
        })
        .collect()
}

pub async fn has_answered(db: impl Conn, wave_id: i64, respondent: &str) -> Result<bool, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) AS n FROM submissions WHERE wave_id = $1 AND respondent = $2")
        .bind(wave_id)
        .bind(respondent)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}
