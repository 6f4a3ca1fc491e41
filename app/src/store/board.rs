//! The board's state in the database: pairs and their mentees, the version counter that
//! makes concurrent edits safe, and the history.

use sqlx::Row;

use super::{participants, today, Conn, Finish};
use domain::matching::board::*;
use domain::matching::score::Weights;
use domain::models::*;

/// The board of a programme: its participants, pairs, relationships and recent history.
pub async fn load(db: impl Conn, programme_id: i64) -> Result<Board, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let (programme, organisation_name) = super::programmes::get(&mut *conn, programme_id).await?;
    let row = sqlx::query("SELECT board_version, weights FROM programmes WHERE id = $1")
        .bind(programme_id)
        .fetch_one(&mut *conn)
        .await?;
    let version: i64 = row.try_get("board_version")?;
    let weights: Option<String> = row.try_get("weights")?;
    let weights = weights.and_then(|w| serde_json::from_str::<Weights>(&w).ok()).unwrap_or_default();

    // The role that counts on a board is the person's role in this programme.
    let sql = "SELECT p.id, p.organisation_id, p.last_name, p.first_name, p.middle_name, x.role,
        p.kind, p.subjects, p.experience_years, p.qualification, p.grade, p.achievement, p.competences,
        p.requests, p.deficits, p.capacity FROM participants p
        JOIN participations x ON x.participant_id = p.id WHERE x.programme_id = $1
        ORDER BY p.last_name, p.first_name, p.id";
    let people = sqlx::query(sql).bind(programme_id).fetch_all(&mut *conn).await?;
    let (mut mentors, mut mentees) = (Vec::new(), Vec::new());
    for row in &people {
        let p = participants::from_row(row)?;
        let person = BoardPerson { id: p.id, data: p.data };
        match person.data.role {
            ParticipantRole::Mentor => mentors.push(person),
            ParticipantRole::Mentee => mentees.push(person),
        }
    }

    let rows = sqlx::query(
        "SELECT m.mentee_id, p.mentor_id, m.locked, m.conflict_reason, p.status, p.variant
         FROM pair_mentees m JOIN pairs p ON p.id = m.pair_id WHERE m.programme_id = $1 ORDER BY m.mentee_id",
    )
    .bind(programme_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut assignments = Vec::with_capacity(rows.len());
    for row in &rows {
        assignments.push(Assignment {
            mentee_id: row.try_get("mentee_id")?,
            mentor_id: row.try_get("mentor_id")?,
            locked: row.try_get::<i64, _>("locked")? != 0,
            conflict_reason: row.try_get("conflict_reason")?,
            status: super::code(row, "status")?,
            variant: super::code(row, "variant")?,
        });
    }

    let rows = sqlx::query(
        "SELECT r.participant_id, r.other_id, r.kind FROM relationships r
         JOIN participations a ON a.participant_id = r.participant_id AND a.programme_id = $1
         JOIN participations b ON b.participant_id = r.other_id AND b.programme_id = $1",
    )
    .bind(programme_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut relationships = Vec::new();
    for row in &rows {
        relationships.push((row.try_get("participant_id")?, row.try_get("other_id")?, super::code(row, "kind")?));
    }

    let rows = sqlx::query(
        "SELECT version, user_name, at, summary FROM board_history WHERE programme_id = $1 ORDER BY version DESC LIMIT 100",
    )
    .bind(programme_id)
    .fetch_all(&mut *conn)
    .await?;
    let history = rows
        .iter()
        .map(|row| {
            Ok(HistoryEntry {
                version: row.try_get("version")?,
                user_name: row.try_get("user_name")?,
                at: row.try_get("at")?,
                summary: row.try_get("summary")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;

    Ok(Board {
        programme,
        organisation_name,
        version,
        weights,
        mentors,
        mentees,
        assignments,
        relationships,
        history,
        can_edit: false,
    })
}

/// The change was made on an older version; nothing was written.
#[derive(Debug)]
pub enum ApplyError {
    Stale,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for ApplyError {
    fn from(e: sqlx::Error) -> Self {
        ApplyError::Db(e)
    }
}

/// Writes a checked change made on `base_version`, bumps the version and records history,
/// all in one transaction. Two curators racing: the second finds the version moved on.
pub async fn apply(
    db: impl Conn,
    board: &Board,
    base_version: i64,
    op: &BoardOp,
    user_name: &str,
) -> Result<i64, ApplyError> {
    let programme_id = board.programme.id;
    let mut tx = db.begin().await?;
    let bumped = sqlx::query("UPDATE programmes SET board_version = board_version + 1 WHERE id = $1 AND board_version = $2")
        .bind(programme_id)
        .bind(base_version)
        .execute(&mut *tx)
        .await?;
    if bumped.rows_affected() != 1 {
        return Err(ApplyError::Stale);
    }
    let version = base_version + 1;
    match op {
        BoardOp::Move(m) => place(&mut tx, board, m).await?,
        BoardOp::Moves(moves) => {
            for m in moves {
                place(&mut tx, board, m).await?;
            }
        }
        BoardOp::Lock { mentee_id, locked } => {
            sqlx::query("UPDATE pair_mentees SET locked = $1 WHERE programme_id = $2 AND mentee_id = $3")
                .bind(i64::from(*locked))
                .bind(programme_id)
                .bind(mentee_id)
                .execute(&mut *tx)
                .await?;
        }
        BoardOp::Variant { mentor_id, variant } => {
            sqlx::query("UPDATE pairs SET variant = $1 WHERE programme_id = $2 AND mentor_id = $3")
                .bind(variant.code())
                .bind(programme_id)
                .bind(mentor_id)
                .execute(&mut *tx)
                .await?;
        }
        BoardOp::Weights(weights) => {
            sqlx::query("UPDATE programmes SET weights = $1 WHERE id = $2")
                .bind(serde_json::to_string(weights).unwrap_or_default())
                .bind(programme_id)
                .execute(&mut *tx)
                .await?;
        }
        BoardOp::Fix => {
            sqlx::query("UPDATE pairs SET status = 'fixed', fixed_on = $1 WHERE programme_id = $2 AND status <> 'finished'")
                .bind(today())
                .bind(programme_id)
                .execute(&mut *tx)
                .await?;
        }
    }
    // Groups left without mentees disappear.
    sqlx::query("DELETE FROM pairs WHERE programme_id = $1 AND id NOT IN (SELECT pair_id FROM pair_mentees)")
        .bind(programme_id)
        .execute(&mut *tx)
        .await?;
    let at = super::now();
    sqlx::query("INSERT INTO board_history (programme_id, version, user_name, at, summary) VALUES ($1, $2, $3, $4, $5)")
        .bind(programme_id)
        .bind(version)
        .bind(user_name)
        .bind(at)
        .bind(board.describe(op))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(version)
}

async fn place(tx: &mut sqlx::AnyConnection, board: &Board, m: &Move) -> Result<(), sqlx::Error> {
    let programme_id = board.programme.id;
    let keep_lock: i64 = match board.assignment(m.mentee_id) {
        Some(a) if Some(a.mentor_id) == m.mentor_id && a.locked => 1,
        _ => 0,
    };
    sqlx::query("DELETE FROM pair_mentees WHERE programme_id = $1 AND mentee_id = $2")
        .bind(programme_id)
        .bind(m.mentee_id)
        .execute(&mut *tx)
        .await?;
    let Some(mentor_id) = m.mentor_id else {
        return Ok(());
    };
    let existing = sqlx::query("SELECT id FROM pairs WHERE programme_id = $1 AND mentor_id = $2")
        .bind(programme_id)
        .bind(mentor_id)
        .fetch_optional(&mut *tx)
        .await?;
    let pair_id: i64 = match existing {
        Some(row) => row.try_get("id")?,
        None => sqlx::query_scalar("INSERT INTO pairs (programme_id, mentor_id, variant, status) VALUES ($1, $2, $3, 'draft') RETURNING id")
            .bind(programme_id)
            .bind(mentor_id)
            .bind(board.variant_for(mentor_id).code())
            .fetch_one(&mut *tx)
            .await?,
    };
    let reason = m.reason.as_deref().map(str::trim).filter(|r| !r.is_empty());
    sqlx::query("INSERT INTO pair_mentees (pair_id, mentee_id, programme_id, locked, conflict_reason) VALUES ($1, $2, $3, $4, $5)")
        .bind(pair_id)
        .bind(m.mentee_id)
        .bind(programme_id)
        .bind(keep_lock)
        .bind(reason.map(str::to_owned))
        .execute(&mut *tx)
        .await?;
    // A changed group is a draft again until the curator fixes the pairs.
    sqlx::query("UPDATE pairs SET status = 'draft', fixed_on = NULL WHERE id = $1")
        .bind(pair_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Changes since `version`, oldest first: what a curator with a stale board missed.
pub async fn changes_since(db: impl Conn, programme_id: i64, version: i64) -> Result<Vec<String>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query("SELECT user_name, summary FROM board_history WHERE programme_id = $1 AND version > $2 ORDER BY version")
        .bind(programme_id)
        .bind(version)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|r| Ok(format!("{}: {}", r.try_get::<String, _>("user_name")?, r.try_get::<String, _>("summary")?)))
        .collect()
}

/// Records a change made outside the board that changes what it shows (a person's data): its
/// version moves on, so a curator with the board open is told what changed instead of acting
/// on stale scores or capacities.
pub async fn touched(db: impl Conn, programme_id: i64, user_name: &str, summary: &str) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let version: i64 = sqlx::query_scalar("UPDATE programmes SET board_version = board_version + 1 WHERE id = $1 RETURNING board_version")
        .bind(programme_id)
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO board_history (programme_id, version, user_name, at, summary) VALUES ($1, $2, $3, $4, $5)")
        .bind(programme_id)
        .bind(version)
        .bind(user_name)
        .bind(super::now())
        .bind(summary)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// How many mentees a mentor has in each programme where they mentor: (programme, title, load).
pub async fn loads_of(db: impl Conn, mentor_id: i64) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(
        "SELECT p.programme_id, g.title, COUNT(*) AS n FROM pairs p JOIN pair_mentees m ON m.pair_id = p.id
         JOIN programmes g ON g.id = p.programme_id WHERE p.mentor_id = $1 GROUP BY p.programme_id, g.title",
    )
    .bind(mentor_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("programme_id")?, r.try_get("title")?, r.try_get("n")?))).collect()
}
