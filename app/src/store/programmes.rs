//! Programmes with their seven stages, and the pairs formed in them.

use sqlx::any::AnyRow;
use sqlx::Row;

use super::{today, Conn, Finish};
use domain::access::Place;
use domain::models::*;

/// Creates a programme and its seven stages, all «не начат».
pub async fn create(db: impl Conn, programme: &Programme) -> Result<i64, sqlx::Error> {
    let mut tx = db.begin().await?;
    let variants: Vec<&str> = programme.variants.iter().map(|v| v.code()).collect();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO programmes (organisation_id, title, form, variants, starts_on, ends_on)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(programme.organisation_id)
    .bind(&programme.title)
    .bind(programme.form.code())
    .bind(serde_json::to_string(&variants).unwrap_or_else(|_| "[]".into()))
    .bind(&programme.starts_on)
    .bind(&programme.ends_on)
    .fetch_one(&mut *tx)
    .await?;
    for (position, stage) in Stage::ALL.iter().enumerate() {
        sqlx::query("INSERT INTO programme_stages (programme_id, stage, position) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(stage.code())
            .bind(position as i64)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// A school's programmes, newest first.
pub async fn list(db: impl Conn, organisation_id: i64) -> Result<Vec<Programme>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query("SELECT * FROM programmes WHERE organisation_id = $1 ORDER BY starts_on DESC, id DESC")
        .bind(organisation_id)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(programme_from_row).collect()
}

/// The place of a programme, for access checks before anything else is read.
pub async fn place(db: impl Conn, programme_id: i64) -> Result<Place, sqlx::Error> {
    let sql = "SELECT g.organisation_id, o.district_id FROM programmes g
               JOIN organisations o ON o.id = g.organisation_id WHERE g.id = $1";
    super::place_of(db, sql, programme_id).await
}

/// The day a programme went to the archive, if it did.
pub async fn archived_on(db: impl Conn, programme_id: i64) -> Result<Option<String>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let day: Option<Option<String>> =
        sqlx::query_scalar("SELECT archived_on FROM programmes WHERE id = $1").bind(programme_id).fetch_optional(&mut *conn).await?;
    Ok(day.flatten())
}

/// Moves a programme to the archive today (once: a second call keeps the first day).
pub async fn archive(db: impl Conn, programme_id: i64) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("UPDATE programmes SET archived_on = COALESCE(archived_on, $1) WHERE id = $2")
        .bind(today())
        .bind(programme_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A programme and the name of its school.
pub async fn get(db: impl Conn, programme_id: i64) -> Result<(Programme, String), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query(
        "SELECT g.*, o.name AS organisation_name FROM programmes g
         JOIN organisations o ON o.id = g.organisation_id WHERE g.id = $1",
    )
    .bind(programme_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok((programme_from_row(&row)?, row.try_get("organisation_name")?))
}

/// Replaces a programme's title, form, models and period.
pub async fn update(db: impl Conn, programme: &Programme) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let variants: Vec<&str> = programme.variants.iter().map(|v| v.code()).collect();
    sqlx::query("UPDATE programmes SET title = $1, form = $2, variants = $3, starts_on = $4, ends_on = $5 WHERE id = $6")
        .bind(&programme.title)
        .bind(programme.form.code())
        .bind(serde_json::to_string(&variants).unwrap_or_else(|_| "[]".into()))
        .bind(&programme.starts_on)
        .bind(&programme.ends_on)
        .bind(programme.id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A programme's passport (empty until written).
pub async fn passport(db: impl Conn, programme_id: i64) -> Result<Passport, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let body: Option<Option<String>> =
        sqlx::query_scalar("SELECT passport FROM programmes WHERE id = $1").bind(programme_id).fetch_optional(&mut *conn).await?;
    match body.flatten() {
        None => Ok(Passport::default()),
        Some(body) => serde_json::from_str(&body).map_err(|e| sqlx::Error::Decode(Box::new(e))),
    }
}

pub async fn save_passport(db: impl Conn, programme_id: i64, passport: &Passport) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let body = serde_json::to_string(passport).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query("UPDATE programmes SET passport = $1 WHERE id = $2").bind(body).bind(programme_id).execute(&mut *conn).await?;
    Ok(())
}

/// What the programme's pairs hold it to: how many there are and the models they use.
pub async fn in_use(db: impl Conn, programme_id: i64) -> Result<InUse, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query("SELECT variant, COUNT(*) AS n FROM pairs WHERE programme_id = $1 GROUP BY variant")
        .bind(programme_id)
        .fetch_all(&mut *conn)
        .await?;
    let mut in_use = InUse::default();
    for row in &rows {
        in_use.pairs += row.try_get::<i64, _>("n")?;
        in_use.variants.push(super::code(row, "variant")?);
    }
    Ok(in_use)
}

pub async fn record_period_change(db: impl Conn, programme_id: i64, change: &PeriodChange) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query(
        "INSERT INTO programme_period_changes (programme_id, old_starts_on, old_ends_on, starts_on, ends_on, reason, user_name, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(programme_id)
    .bind(&change.old_starts_on)
    .bind(&change.old_ends_on)
    .bind(&change.starts_on)
    .bind(&change.ends_on)
    .bind(&change.reason)
    .bind(&change.user_name)
    .bind(&change.at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A programme's period changes, oldest first.
pub async fn period_changes(db: impl Conn, programme_id: i64) -> Result<Vec<PeriodChange>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(
        "SELECT old_starts_on, old_ends_on, starts_on, ends_on, reason, user_name, at
         FROM programme_period_changes WHERE programme_id = $1 ORDER BY id",
    )
    .bind(programme_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(PeriodChange {
                old_starts_on: row.try_get("old_starts_on")?,
                old_ends_on: row.try_get("old_ends_on")?,
                starts_on: row.try_get("starts_on")?,
                ends_on: row.try_get("ends_on")?,
                reason: row.try_get("reason")?,
                user_name: row.try_get("user_name")?,
                at: row.try_get("at")?,
            })
        })
        .collect()
}

/// A programme with its stages, counts, passport and period history.
pub async fn detail(db: impl Conn, programme_id: i64) -> Result<ProgrammeDetail, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let (programme, organisation_name) = get(&mut *conn, programme_id).await?;
    let stage_rows = sqlx::query(
        "SELECT stage, status, date FROM programme_stages WHERE programme_id = $1 ORDER BY position",
    )
    .bind(programme_id)
    .fetch_all(&mut *conn)
    .await?;
    let stages = stage_rows
        .iter()
        .map(|row| {
            Ok(ProgrammeStage {
                stage: super::code(row, "stage")?,
                status: super::code(row, "status")?,
                date: row.try_get("date")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let (mentors, mentees) =
        super::participants::count_by_role(&mut *conn, programme_id).await?;
    let pairs: i64 = sqlx::query_scalar("SELECT COUNT(*) AS n FROM pairs WHERE programme_id = $1")
        .bind(programme_id)
        .fetch_one(&mut *conn)
        .await?;
    let passport = passport(&mut *conn, programme_id).await?;
    let period_changes = period_changes(&mut *conn, programme_id).await?;
    Ok(ProgrammeDetail { programme, organisation_name, stages, mentors, mentees, pairs, passport, period_changes })
}

/// Sets a stage's status; the date defaults to today.
pub async fn set_stage(
    db: impl Conn,
    programme_id: i64,
    stage: Stage,
    status: StageStatus,
    date: Option<String>,
) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let date = match status {
        StageStatus::NotStarted => None,
        _ => Some(date.unwrap_or_else(today)),
    };
    let result = sqlx::query(
        "UPDATE programme_stages SET status = $1, date = $2 WHERE programme_id = $3 AND stage = $4",
    )
    .bind(status.code())
    .bind(date)
    .bind(programme_id)
    .bind(stage.code())
    .execute(&mut *conn)
    .await?;
    if result.rows_affected() == 0 {
        return Err(sqlx::Error::RowNotFound);
    }
    Ok(())
}

/// Records a pair or group in one transaction.
pub async fn create_pair(db: impl Conn, pair: &Pair) -> Result<i64, sqlx::Error> {
    let mut tx = db.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO pairs (programme_id, mentor_id, variant, status, fixed_on)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(pair.programme_id)
    .bind(pair.mentor_id)
    .bind(pair.variant.code())
    .bind(pair.status.code())
    .bind(pair.fixed_on.clone())
    .fetch_one(&mut *tx)
    .await?;
    for mentee_id in &pair.mentee_ids {
        sqlx::query("INSERT INTO pair_mentees (pair_id, mentee_id, programme_id) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(mentee_id)
            .bind(pair.programme_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// The pairs a participant is in, as mentor or as mentee, with the other side's names.
pub async fn pairs_of(db: impl Conn, participant_id: i64) -> Result<Vec<(Pair, Vec<String>)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(
        "SELECT DISTINCT p.* FROM pairs p LEFT JOIN pair_mentees m ON m.pair_id = p.id
         WHERE p.mentor_id = $1 OR m.mentee_id = $1 ORDER BY p.id",
    )
    .bind(participant_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut pairs = Vec::new();
    for row in &rows {
        let id: i64 = row.try_get("id")?;
        let members = sqlx::query(
            "SELECT x.id, x.last_name, x.first_name FROM participants x
             WHERE x.id IN (SELECT mentee_id FROM pair_mentees WHERE pair_id = $1)
                OR x.id = (SELECT mentor_id FROM pairs WHERE id = $1)
             ORDER BY x.last_name",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let mut mentee_ids = Vec::new();
        let mut names = Vec::new();
        let mentor_id: i64 = row.try_get("mentor_id")?;
        for member in &members {
            let member_id: i64 = member.try_get("id")?;
            if member_id != mentor_id {
                mentee_ids.push(member_id);
            }
            if member_id != participant_id {
                let last: String = member.try_get("last_name")?;
                let first: String = member.try_get("first_name")?;
                names.push(format!("{last} {first}"));
            }
        }
        let pair = Pair {
            id,
            programme_id: row.try_get("programme_id")?,
            mentor_id,
            mentee_ids,
            variant: super::code(row, "variant")?,
            status: super::code(row, "status")?,
            fixed_on: row.try_get("fixed_on")?,
        };
        pairs.push((pair, names));
    }
    Ok(pairs)
}

fn programme_from_row(row: &AnyRow) -> Result<Programme, sqlx::Error> {
    let variants: Vec<String> = serde_json::from_str(&row.try_get::<String, _>("variants")?)
        .map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    Ok(Programme {
        id: row.try_get("id")?,
        organisation_id: row.try_get("organisation_id")?,
        title: row.try_get("title")?,
        form: super::code(row, "form")?,
        variants: variants
            .into_iter()
            .map(|code| Variant::try_from(code).map_err(|e| sqlx::Error::ColumnDecode { index: "variants".into(), source: Box::new(e) }))
            .collect::<Result<_, _>>()?,
        starts_on: row.try_get("starts_on")?,
        ends_on: row.try_get("ends_on")?,
    })
}

