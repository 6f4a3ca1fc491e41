//! A pair's year of work: meetings, individual plans with their history, reflection diaries,
//! completions and letters of thanks. Meetings and plan rows carry a version: a change names
//! the version it was made on and is refused when someone else changed the record first.

use sqlx::Row;

use super::{code, now, Conn, Finish};
use domain::models::{
    Completion, DiaryAuthor, DiaryRecord, NewDiaryEntry, NewMeeting, Outcome, PairStatus, PlanGroup, PlanRow, Versioned,
};

/// A change refused: the record was changed (or removed) since the version it was made on.
#[derive(Debug)]
pub enum WriteError {
    /// Who changed it last and when (`None`: it is gone).
    Stale(Option<(String, String)>),
    Db(sqlx::Error),
}

impl From<sqlx::Error> for WriteError {
    fn from(e: sqlx::Error) -> Self {
        WriteError::Db(e)
    }
}

/// A mentor's pair in a programme as the board has it now: its status and mentees.
#[derive(Clone, Debug, PartialEq)]
pub struct CurrentPair {
    pub status: PairStatus,
    pub mentee_ids: Vec<i64>,
}

/// The pair of `mentor_id` in a programme, if the board has one.
pub async fn current_pair(db: impl Conn, programme_id: i64, mentor_id: i64) -> Result<Option<CurrentPair>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let Some(row) = sqlx::query("SELECT id, status FROM pairs WHERE programme_id = $1 AND mentor_id = $2")
        .bind(programme_id)
        .bind(mentor_id)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let pair_id: i64 = row.try_get("id")?;
    let mentee_ids = sqlx::query_scalar("SELECT mentee_id FROM pair_mentees WHERE pair_id = $1 ORDER BY mentee_id")
        .bind(pair_id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(Some(CurrentPair { status: code(&row, "status")?, mentee_ids }))
}

/// The mentor a mentee has in a programme now.
pub async fn mentor_of(db: impl Conn, programme_id: i64, mentee_id: i64) -> Result<Option<i64>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar("SELECT p.mentor_id FROM pair_mentees m JOIN pairs p ON p.id = m.pair_id WHERE m.programme_id = $1 AND m.mentee_id = $2")
        .bind(programme_id)
        .bind(mentee_id)
        .fetch_optional(&mut *conn)
        .await
}

/// Every pair of a programme with its mentees: (mentor, status, mentees).
pub async fn pairs_of_programme(db: impl Conn, programme_id: i64) -> Result<Vec<(i64, PairStatus, Vec<i64>)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(
        "SELECT p.mentor_id, p.status, m.mentee_id FROM pairs p JOIN pair_mentees m ON m.pair_id = p.id
         WHERE p.programme_id = $1 ORDER BY p.mentor_id, m.mentee_id",
    )
    .bind(programme_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut pairs: Vec<(i64, PairStatus, Vec<i64>)> = Vec::new();
    for row in &rows {
        let mentor: i64 = row.try_get("mentor_id")?;
        let mentee: i64 = row.try_get("mentee_id")?;
        match pairs.last_mut() {
            Some((last, _, mentees)) if *last == mentor => mentees.push(mentee),
            _ => pairs.push((mentor, code(row, "status")?, vec![mentee])),
        }
    }
    Ok(pairs)
}

/// Marks a mentor's pair finished (every mentee's work closed) or back to fixed.
pub async fn set_pair_finished(db: impl Conn, programme_id: i64, mentor_id: i64, finished: bool) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let (status, from) = if finished { (PairStatus::Finished, PairStatus::Fixed) } else { (PairStatus::Fixed, PairStatus::Finished) };
    sqlx::query("UPDATE pairs SET status = $1 WHERE programme_id = $2 AND mentor_id = $3 AND status = $4")
        .bind(status.code())
        .bind(programme_id)
        .bind(mentor_id)
        .bind(from.code())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

// ── Meetings ────────────────────────────────────────────────────────────────────────────────

fn meeting_from_row(row: &sqlx::any::AnyRow) -> Result<Versioned<NewMeeting>, sqlx::Error> {
    Ok(Versioned {
        id: row.try_get("id")?,
        version: row.try_get("version")?,
        updated_by: row.try_get("updated_by")?,
        updated_at: row.try_get("updated_at")?,
        item: NewMeeting {
            kind: code(row, "kind")?,
            date: row.try_get("date")?,
            minutes: row.try_get("minutes")?,
            format: code(row, "format")?,
            topic: row.try_get("topic")?,
            done: row.try_get("done")?,
            next_step: row.try_get("next_step")?,
            held: row.try_get::<i64, _>("held")? != 0,
        },
    })
}

/// A pair's meetings by date.
pub async fn meetings(db: impl Conn, programme_id: i64, mentor_id: i64) -> Result<Vec<Versioned<NewMeeting>>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query("SELECT * FROM meetings WHERE programme_id = $1 AND mentor_id = $2 ORDER BY date, id")
        .bind(programme_id)
        .bind(mentor_id)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(meeting_from_row).collect()
}

/// Every meeting of a programme, with its pair's mentor.
pub async fn meetings_of_programme(db: impl Conn, programme_id: i64) -> Result<Vec<(i64, NewMeeting)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query("SELECT * FROM meetings WHERE programme_id = $1 ORDER BY date, id").bind(programme_id).fetch_all(&mut *conn).await?;
    rows.iter().map(|row| Ok((row.try_get("mentor_id")?, meeting_from_row(row)?.item))).collect()
}

/// The pair a stored meeting belongs to: (programme, mentor, version).
pub async fn meeting_place(db: impl Conn, meeting_id: i64) -> Result<(i64, i64), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query("SELECT programme_id, mentor_id FROM meetings WHERE id = $1").bind(meeting_id).fetch_one(&mut *conn).await?;
    Ok((row.try_get("programme_id")?, row.try_get("mentor_id")?))
}

pub async fn add_meeting(db: impl Conn, programme_id: i64, mentor_id: i64, meeting: &NewMeeting, user_name: &str) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar(
        "INSERT INTO meetings (programme_id, mentor_id, kind, date, minutes, format, topic, done, next_step, held, version, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12) RETURNING id",
    )
    .bind(programme_id)
    .bind(mentor_id)
    .bind(meeting.kind.code())
    .bind(&meeting.date)
    .bind(meeting.minutes)
    .bind(meeting.format.code())
    .bind(&meeting.topic)
    .bind(&meeting.done)
    .bind(&meeting.next_step)
    .bind(i64::from(meeting.held))
    .bind(user_name)
    .bind(now())
    .fetch_one(&mut *conn)
    .await
}

/// Who changed a record last and when, for the message of a refused change.
async fn last_change(conn: &mut sqlx::AnyConnection, table: &str, id: i64) -> Result<Option<(String, String)>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT updated_by, updated_at FROM {table} WHERE id = $1")).bind(id).fetch_optional(&mut *conn).await?;
    row.map(|row| Ok((row.try_get("updated_by")?, row.try_get("updated_at")?))).transpose()
}

/// Changes a meeting made on `base_version`; the new version.
pub async fn update_meeting(db: impl Conn, meeting_id: i64, base_version: i64, meeting: &NewMeeting, user_name: &str) -> Result<i64, WriteError> {
    let mut conn = db.acquire().await?;
    let changed = sqlx::query(
        "UPDATE meetings SET kind = $1, date = $2, minutes = $3, format = $4, topic = $5, done = $6, next_step = $7, held = $8,
         version = version + 1, updated_by = $9, updated_at = $10 WHERE id = $11 AND version = $12",
    )
    .bind(meeting.kind.code())
    .bind(&meeting.date)
    .bind(meeting.minutes)
    .bind(meeting.format.code())
    .bind(&meeting.topic)
    .bind(&meeting.done)
    .bind(&meeting.next_step)
    .bind(i64::from(meeting.held))
    .bind(user_name)
    .bind(now())
    .bind(meeting_id)
    .bind(base_version)
    .execute(&mut *conn)
    .await?;
    if changed.rows_affected() == 1 {
        Ok(base_version + 1)
    } else {
        Err(WriteError::Stale(last_change(&mut conn, "meetings", meeting_id).await?))
    }
}

pub async fn delete_meeting(db: impl Conn, meeting_id: i64, base_version: i64) -> Result<(), WriteError> {
    let mut conn = db.acquire().await?;
    let deleted = sqlx::query("DELETE FROM meetings WHERE id = $1 AND version = $2").bind(meeting_id).bind(base_version).execute(&mut *conn).await?;
    if deleted.rows_affected() == 1 {
        Ok(())
    } else {
        Err(WriteError::Stale(last_change(&mut conn, "meetings", meeting_id).await?))
    }
}

// ── Plans ───────────────────────────────────────────────────────────────────────────────────

/// Whether a mentee's plan in a programme was started.
pub async fn plan_started(db: impl Conn, programme_id: i64, mentee_id: i64) -> Result<bool, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM plans WHERE programme_id = $1 AND mentee_id = $2")
        .bind(programme_id)
        .bind(mentee_id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// Starts a plan with its first rows, once: a second start (or two at once) adds nothing.
/// Whether this call started it.
pub async fn start_plan(db: impl Conn, programme_id: i64, mentee_id: i64, rows: &[PlanRow], user_name: &str) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let created = sqlx::query("INSERT INTO plans (programme_id, mentee_id, started_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(programme_id)
        .bind(mentee_id)
        .bind(now())
        .execute(&mut *tx)
        .await?;
    if created.rows_affected() == 0 {
        return Ok(false);
    }
    for row in rows {
        insert_row(&mut tx, programme_id, mentee_id, row, user_name).await?;
    }
    history(&mut tx, programme_id, mentee_id, user_name, &domain::i18n::tr::plan_started(rows.len())).await?;
    tx.commit().await?;
    Ok(true)
}

async fn insert_row(conn: &mut sqlx::AnyConnection, programme_id: i64, mentee_id: i64, row: &PlanRow, user_name: &str) -> Result<i64, sqlx::Error> {
    let (done_on, note) = row.done.clone().map_or((None, String::new()), |(on, note)| (Some(on), note));
    sqlx::query_scalar(
        "INSERT INTO plan_rows (programme_id, mentee_id, position, group_code, deficit, activities, deadline, expected, done_on, note, version, updated_by, updated_at)
         SELECT $1, $2, COALESCE(MAX(position), 0) + 1, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11 FROM plan_rows WHERE programme_id = $1 AND mentee_id = $2
         RETURNING id",
    )
    .bind(programme_id)
    .bind(mentee_id)
    .bind(row.group.code())
    .bind(&row.deficit)
    .bind(&row.activities)
    .bind(&row.deadline)
    .bind(&row.expected)
    .bind(done_on)
    .bind(note)
    .bind(user_name)
    .bind(now())
    .fetch_one(&mut *conn)
    .await
}

async fn history(conn: &mut sqlx::AnyConnection, programme_id: i64, mentee_id: i64, user_name: &str, summary: &str) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO plan_history (programme_id, mentee_id, user_name, at, summary) VALUES ($1, $2, $3, $4, $5)")
        .bind(programme_id)
        .bind(mentee_id)
        .bind(user_name)
        .bind(now())
        .bind(summary)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Adds a row to a started plan, with its history line.
pub async fn add_plan_row(db: impl Conn, programme_id: i64, mentee_id: i64, row: &PlanRow, user_name: &str) -> Result<i64, sqlx::Error> {
    let mut tx = db.begin().await?;
    let id = insert_row(&mut tx, programme_id, mentee_id, row, user_name).await?;
    history(&mut tx, programme_id, mentee_id, user_name, &domain::i18n::tr::plan_row_added(&row.deficit)).await?;
    tx.commit().await?;
    Ok(id)
}

fn plan_row_from_row(row: &sqlx::any::AnyRow, by_competence: bool) -> Result<Versioned<PlanRow>, sqlx::Error> {
    let group_code: String = row.try_get("group_code")?;
    let group = PlanGroup::decode(&group_code, by_competence).ok_or_else(|| sqlx::Error::ColumnDecode {
        index: "group_code".into(),
        source: format!("not a competence: {group_code}").into(),
    })?;
    let done_on: Option<String> = row.try_get("done_on")?;
    let note: String = row.try_get("note")?;
    Ok(Versioned {
        id: row.try_get("id")?,
        version: row.try_get("version")?,
        updated_by: row.try_get("updated_by")?,
        updated_at: row.try_get("updated_at")?,
        item: PlanRow {
            group,
            deficit: row.try_get("deficit")?,
            activities: row.try_get("activities")?,
            deadline: row.try_get("deadline")?,
            expected: row.try_get("expected")?,
            done: done_on.map(|on| (on, note)),
        },
    })
}

/// A mentee's plan rows in their order.
pub async fn plan_rows(db: impl Conn, programme_id: i64, mentee_id: i64, by_competence: bool) -> Result<Vec<Versioned<PlanRow>>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query("SELECT * FROM plan_rows WHERE programme_id = $1 AND mentee_id = $2 ORDER BY position, id")
        .bind(programme_id)
        .bind(mentee_id)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(|row| plan_row_from_row(row, by_competence)).collect()
}

/// Every plan row of a programme, with its mentee.
pub async fn plan_rows_of_programme(db: impl Conn, programme_id: i64, by_competence: bool) -> Result<Vec<(i64, PlanRow)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query("SELECT * FROM plan_rows WHERE programme_id = $1 ORDER BY mentee_id, position").bind(programme_id).fetch_all(&mut *conn).await?;
    rows.iter().map(|row| Ok((row.try_get("mentee_id")?, plan_row_from_row(row, by_competence)?.item))).collect()
}

/// The plan a stored row belongs to: (programme, mentee).
pub async fn plan_row_place(db: impl Conn, row_id: i64) -> Result<(i64, i64), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query("SELECT programme_id, mentee_id FROM plan_rows WHERE id = $1").bind(row_id).fetch_one(&mut *conn).await?;
    Ok((row.try_get("programme_id")?, row.try_get("mentee_id")?))
}

/// Changes a row made on `base_version`, with its history line; the new version.
pub async fn update_plan_row(db: impl Conn, row_id: i64, base_version: i64, row: &PlanRow, summary: &str, user_name: &str) -> Result<i64, WriteError> {
    let mut tx = db.begin().await?;
    let (done_on, note) = row.done.clone().map_or((None, String::new()), |(on, note)| (Some(on), note));
    let changed = sqlx::query(
        "UPDATE plan_rows SET group_code = $1, deficit = $2, activities = $3, deadline = $4, expected = $5, done_on = $6, note = $7,
         version = version + 1, updated_by = $8, updated_at = $9 WHERE id = $10 AND version = $11",
    )
    .bind(row.group.code())
    .bind(&row.deficit)
    .bind(&row.activities)
    .bind(&row.deadline)
    .bind(&row.expected)
    .bind(done_on)
    .bind(note)
    .bind(user_name)
    .bind(now())
    .bind(row_id)
    .bind(base_version)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() != 1 {
        return Err(WriteError::Stale(last_change(&mut tx, "plan_rows", row_id).await?));
    }
    let (programme_id, mentee_id) = plan_row_place(&mut *tx, row_id).await?;
    history(&mut tx, programme_id, mentee_id, user_name, summary).await?;
    tx.commit().await?;
    Ok(base_version + 1)
}

pub async fn delete_plan_row(db: impl Conn, row_id: i64, base_version: i64, user_name: &str) -> Result<(), WriteError> {
    let mut tx = db.begin().await?;
    let Some(found) = sqlx::query("SELECT programme_id, mentee_id, deficit FROM plan_rows WHERE id = $1").bind(row_id).fetch_optional(&mut *tx).await? else {
        return Err(WriteError::Stale(None));
    };
    let deleted = sqlx::query("DELETE FROM plan_rows WHERE id = $1 AND version = $2").bind(row_id).bind(base_version).execute(&mut *tx).await?;
    if deleted.rows_affected() != 1 {
        return Err(WriteError::Stale(last_change(&mut tx, "plan_rows", row_id).await?));
    }
    let deficit: String = found.try_get("deficit")?;
    history(&mut tx, found.try_get("programme_id")?, found.try_get("mentee_id")?, user_name, &domain::i18n::tr::plan_row_removed(&deficit)).await?;
    tx.commit().await?;
    Ok(())
}

/// A plan's history, newest first: (who, when, what).
pub async fn plan_history(db: impl Conn, programme_id: i64, mentee_id: i64) -> Result<Vec<(String, String, String)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query("SELECT user_name, at, summary FROM plan_history WHERE programme_id = $1 AND mentee_id = $2 ORDER BY id DESC LIMIT 50")
        .bind(programme_id)
        .bind(mentee_id)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(|r| Ok((r.try_get("user_name")?, r.try_get("at")?, r.try_get("summary")?))).collect()
}

// ── The reflection diary ────────────────────────────────────────────────────────────────────

/// A pair's diary, newest first, with each entry's author.
pub async fn diary(db: impl Conn, programme_id: i64, mentor_id: i64) -> Result<Vec<DiaryRecord>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(
        "SELECT d.*, x.last_name, x.first_name FROM diary_entries d JOIN participants x ON x.id = d.author_id
         WHERE d.programme_id = $1 AND d.mentor_id = $2 ORDER BY d.written_on DESC, d.id DESC",
    )
    .bind(programme_id)
    .bind(mentor_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let author_id: i64 = row.try_get("author_id")?;
            Ok(DiaryRecord {
                id: row.try_get("id")?,
                author_id,
                author_name: format!("{} {}", row.try_get::<String, _>("last_name")?, row.try_get::<String, _>("first_name")?),
                author: if author_id == mentor_id { DiaryAuthor::Mentor } else { DiaryAuthor::Mentee(author_id) },
                entry: NewDiaryEntry {
                    written_on: row.try_get("written_on")?,
                    went_well: row.try_get("went_well")?,
                    was_hard: row.try_get("was_hard")?,
                    next_steps: row.try_get("next_steps")?,
                    share_partner: row.try_get::<i64, _>("share_partner")? != 0,
                    share_curator: row.try_get::<i64, _>("share_curator")? != 0,
                },
                updated_at: row.try_get("updated_at")?,
            })
        })
        .collect()
}

/// How many diary entries each pair of a programme has: (mentor, count).
pub async fn diary_counts(db: impl Conn, programme_id: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query("SELECT mentor_id, COUNT(*) AS n FROM diary_entries WHERE programme_id = $1 GROUP BY mentor_id")
        .bind(programme_id)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(|r| Ok((r.try_get("mentor_id")?, r.try_get("n")?))).collect()
}

/// The pair and author of a stored entry: (programme, mentor, author).
pub async fn diary_entry_place(db: impl Conn, entry_id: i64) -> Result<(i64, i64, i64), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query("SELECT programme_id, mentor_id, author_id FROM diary_entries WHERE id = $1").bind(entry_id).fetch_one(&mut *conn).await?;
    Ok((row.try_get("programme_id")?, row.try_get("mentor_id")?, row.try_get("author_id")?))
}

pub async fn add_diary_entry(db: impl Conn, programme_id: i64, mentor_id: i64, author_id: i64, entry: &NewDiaryEntry) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar(
        "INSERT INTO diary_entries (programme_id, mentor_id, author_id, written_on, went_well, was_hard, next_steps, share_partner, share_curator, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(programme_id)
    .bind(mentor_id)
    .bind(author_id)
    .bind(&entry.written_on)
    .bind(&entry.went_well)
    .bind(&entry.was_hard)
    .bind(&entry.next_steps)
    .bind(i64::from(entry.share_partner))
    .bind(i64::from(entry.share_curator))
    .bind(now())
    .fetch_one(&mut *conn)
    .await
}

/// Changes an entry; only its author's row matches.
pub async fn update_diary_entry(db: impl Conn, entry_id: i64, author_id: i64, entry: &NewDiaryEntry) -> Result<bool, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let changed = sqlx::query(
        "UPDATE diary_entries SET written_on = $1, went_well = $2, was_hard = $3, next_steps = $4, share_partner = $5, share_curator = $6, updated_at = $7
         WHERE id = $8 AND author_id = $9",
    )
    .bind(&entry.written_on)
    .bind(&entry.went_well)
    .bind(&entry.was_hard)
    .bind(&entry.next_steps)
    .bind(i64::from(entry.share_partner))
    .bind(i64::from(entry.share_curator))
    .bind(now())
    .bind(entry_id)
    .bind(author_id)
    .execute(&mut *conn)
    .await?;
    Ok(changed.rows_affected() == 1)
}

pub async fn delete_diary_entry(db: impl Conn, entry_id: i64, author_id: i64) -> Result<bool, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let deleted = sqlx::query("DELETE FROM diary_entries WHERE id = $1 AND author_id = $2").bind(entry_id).bind(author_id).execute(&mut *conn).await?;
    Ok(deleted.rows_affected() == 1)
}

// ── Completion ──────────────────────────────────────────────────────────────────────────────

fn completion_from_row(row: &sqlx::any::AnyRow) -> Result<Completion, sqlx::Error> {
    let decision: Option<domain::models::Decision> = super::optional_code(row, "decision")?;
    Ok(Completion {
        outcome: decision
            .map(|decision| -> Result<Outcome, sqlx::Error> {
                Ok(Outcome {
                    decision,
                    extended_to: row.try_get("extended_to")?,
                    reason: row.try_get("reason")?,
                    goals_reached: row.try_get("goals_reached")?,
                    changes: row.try_get("changes")?,
                    recommendations: row.try_get("recommendations")?,
                })
            })
            .transpose()?,
        decided_on: row.try_get("decided_on")?,
        review: row.try_get("review")?,
    })
}

/// Every completion of a programme, by mentee.
pub async fn completions(db: impl Conn, programme_id: i64) -> Result<Vec<(i64, Completion)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query("SELECT * FROM pair_outcomes WHERE programme_id = $1 ORDER BY mentee_id").bind(programme_id).fetch_all(&mut *conn).await?;
    rows.iter().map(|row| Ok((row.try_get("mentee_id")?, completion_from_row(row)?))).collect()
}

/// A mentee's completion in a programme (empty when nothing is written yet).
pub async fn completion(db: impl Conn, programme_id: i64, mentee_id: i64) -> Result<Completion, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query("SELECT * FROM pair_outcomes WHERE programme_id = $1 AND mentee_id = $2")
        .bind(programme_id)
        .bind(mentee_id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map_or(Ok(Completion::default()), |row| completion_from_row(&row))
}

/// Keeps a mentee's result and decision (the отзыв stays as written).
pub async fn save_outcome(db: impl Conn, programme_id: i64, mentee_id: i64, mentor_id: i64, outcome: &Outcome, today: &str, user_name: &str) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query(
        "INSERT INTO pair_outcomes (programme_id, mentee_id, mentor_id, decision, extended_to, reason, goals_reached, changes, recommendations, review, decided_on, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '', $10, $11, $12)
         ON CONFLICT (programme_id, mentee_id) DO UPDATE SET mentor_id = excluded.mentor_id, decision = excluded.decision,
           extended_to = excluded.extended_to, reason = excluded.reason, goals_reached = excluded.goals_reached,
           changes = excluded.changes, recommendations = excluded.recommendations, decided_on = excluded.decided_on,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    )
    .bind(programme_id)
    .bind(mentee_id)
    .bind(mentor_id)
    .bind(outcome.decision.code())
    .bind(outcome.extended_to.clone())
    .bind(&outcome.reason)
    .bind(&outcome.goals_reached)
    .bind(&outcome.changes)
    .bind(&outcome.recommendations)
    .bind(today)
    .bind(user_name)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Keeps the mentor's отзыв about a mentee (the result stays as decided).
pub async fn save_review(db: impl Conn, programme_id: i64, mentee_id: i64, mentor_id: i64, review: &str, user_name: &str) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query(
        "INSERT INTO pair_outcomes (programme_id, mentee_id, mentor_id, decision, reason, goals_reached, changes, recommendations, review, updated_by, updated_at)
         VALUES ($1, $2, $3, NULL, '', '', '', '', $4, $5, $6)
         ON CONFLICT (programme_id, mentee_id) DO UPDATE SET review = excluded.review, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    )
    .bind(programme_id)
    .bind(mentee_id)
    .bind(mentor_id)
    .bind(review)
    .bind(user_name)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

// ── Letters of thanks ───────────────────────────────────────────────────────────────────────

/// The mentors of a programme chosen for a letter of thanks.
pub async fn thanked(db: impl Conn, programme_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar("SELECT mentor_id FROM thanks WHERE programme_id = $1 ORDER BY mentor_id").bind(programme_id).fetch_all(&mut *conn).await
}

/// Chooses (or un-chooses) a mentor for a letter of thanks.
pub async fn set_thanked(db: impl Conn, programme_id: i64, mentor_id: i64, chosen: bool, today: &str) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    if chosen {
        sqlx::query("INSERT INTO thanks (programme_id, mentor_id, chosen_on) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
            .bind(programme_id)
            .bind(mentor_id)
            .bind(today)
            .execute(&mut *conn)
            .await?;
    } else {
        sqlx::query("DELETE FROM thanks WHERE programme_id = $1 AND mentor_id = $2").bind(programme_id).bind(mentor_id).execute(&mut *conn).await?;
    }
    Ok(())
}

/// A school's name and who signs its letters: (name, head's position, head's name).
pub async fn school_signatory(db: impl Conn, organisation_id: i64) -> Result<(String, String, String), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query("SELECT name, head_name, head_position FROM organisations WHERE id = $1").bind(organisation_id).fetch_one(&mut *conn).await?;
    let head_name: Option<String> = row.try_get("head_name")?;
    let head_position: Option<String> = row.try_get("head_position")?;
    Ok((row.try_get("name")?, head_position.unwrap_or_default(), head_name.unwrap_or_default()))
}

/// People's names by id, in the order asked, in one query: (id, «Фамилия Имя Отчество»,
/// (last, first, patronymic)).
pub async fn names(db: impl Conn, ids: &[i64]) -> Result<Vec<(i64, String, (String, String, Option<String>))>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut conn = db.acquire().await?;
    let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!("SELECT id, last_name, first_name, middle_name FROM participants WHERE id IN ({})", placeholders.join(", "));
    let mut query = sqlx::query(&sql);
    for id in ids {
        query = query.bind(id);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    let mut found = std::collections::HashMap::new();
    for row in &rows {
        let (last, first, middle): (String, String, Option<String>) = (row.try_get("last_name")?, row.try_get("first_name")?, row.try_get("middle_name")?);
        let full = [last.as_str(), first.as_str(), middle.as_deref().unwrap_or("")].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ");
        found.insert(row.try_get::<i64, _>("id")?, (full, (last, first, middle)));
    }
    ids.iter().map(|id| found.get(id).cloned().map(|(full, parts)| (*id, full, parts)).ok_or(sqlx::Error::RowNotFound)).collect()
}

/// The day a mentor's pair was fixed, if it was.
pub async fn fixed_on(db: impl Conn, programme_id: i64, mentor_id: i64) -> Result<Option<String>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let day: Option<Option<String>> = sqlx::query_scalar("SELECT fixed_on FROM pairs WHERE programme_id = $1 AND mentor_id = $2")
        .bind(programme_id)
        .bind(mentor_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(day.flatten())
}
