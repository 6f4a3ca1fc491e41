//! Participants: list with search and filters, read, insert (one or many), update, delete.

use sqlx::any::AnyRow;
use sqlx::Row;

use super::{now_unix, Conn, Finish};
use domain::access::Place;
use domain::models::text::search_fold;
use domain::models::*;

const COLUMNS: &str = "p.id, p.organisation_id, p.last_name, p.first_name, \
    p.middle_name, p.role, p.kind, p.subjects, p.experience_years, p.qualification, p.grade, \
    p.achievement, p.competences, p.requests, p.deficits, p.capacity";

/// The school's participants that match `filter`, ordered by name.
#[tracing::instrument(name = "Listing participants", skip(db))]
pub async fn list(
    db: impl Conn,
    organisation_id: i64,
    filter: &ParticipantFilter,
) -> Result<Vec<Participant>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let search = format!("%{}%", search_fold(filter.search.trim()));
    let subject = format!("%{}%", search_fold(filter.subject.trim()));
    let sql = format!(
        "SELECT {COLUMNS} FROM participants p
         WHERE p.organisation_id = $1
           AND p.search_key LIKE $2
           AND ($3 = '' OR p.role = $3 OR EXISTS (
                SELECT 1 FROM participations x WHERE x.participant_id = p.id AND x.role = $3))
           AND ($4 = '' OR p.kind = $4)
           AND p.subjects_key LIKE $5
         ORDER BY p.last_name, p.first_name, p.id"
    );
    let rows = sqlx::query(&sql)
        .bind(organisation_id)
        .bind(search)
        .bind(filter.role.map(|r| r.code()).unwrap_or_default())
        .bind(filter.kind.map(|k| k.code()).unwrap_or_default())
        .bind(subject)
        .fetch_all(&mut *conn)
        .await?;
    let mut people: Vec<Participant> = rows.iter().map(from_row).collect::<Result<_, _>>()?;
    let rows = sqlx::query(
        "SELECT x.participant_id, x.programme_id, x.role FROM participations x
         JOIN participants p ON p.id = x.participant_id WHERE p.organisation_id = $1
         ORDER BY x.programme_id",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut by_person: std::collections::HashMap<i64, Vec<Participation>> = std::collections::HashMap::new();
    for row in &rows {
        by_person.entry(row.try_get("participant_id")?).or_default().push(participation_from_row(row)?);
    }
    for person in &mut people {
        person.participations = by_person.remove(&person.id).unwrap_or_default();
    }
    Ok(people)
}

fn participation_from_row(row: &AnyRow) -> Result<Participation, sqlx::Error> {
    Ok(Participation { programme_id: row.try_get("programme_id")?, role: super::code(row, "role")? })
}

/// The programmes a person takes part in, with their role in each.
pub async fn participations_of(db: impl Conn, participant_id: i64) -> Result<Vec<Participation>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query("SELECT programme_id, role FROM participations WHERE participant_id = $1 ORDER BY programme_id")
        .bind(participant_id)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(participation_from_row).collect()
}

/// The person's role in a programme, if they take part in it.
pub async fn role_in(db: impl Conn, participant_id: i64, programme_id: i64) -> Result<Option<ParticipantRole>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query("SELECT programme_id, role FROM participations WHERE participant_id = $1 AND programme_id = $2")
        .bind(participant_id)
        .bind(programme_id)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(participation_from_row).transpose().map(|p| p.map(|p| p.role))
}

/// Puts a person into a programme with a role (or changes their role there).
pub async fn join(db: impl Conn, participant_id: i64, participation: Participation) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query(
        "INSERT INTO participations (participant_id, programme_id, role, joined_on) VALUES ($1, $2, $3, $4)
         ON CONFLICT (participant_id, programme_id) DO UPDATE SET role = excluded.role",
    )
    .bind(participant_id)
    .bind(participation.programme_id)
    .bind(participation.role.code())
    .bind(super::today())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Takes a person out of a programme.
pub async fn leave(db: impl Conn, participant_id: i64, programme_id: i64) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("DELETE FROM participations WHERE participant_id = $1 AND programme_id = $2")
        .bind(participant_id)
        .bind(programme_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The person of a school with this name, category and class, if the base has one: an
/// import of another programme's list adds them to it instead of storing them twice.
pub async fn same_person(db: impl Conn, organisation_id: i64, data: &NewParticipant) -> Result<Option<i64>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar(
        "SELECT id FROM participants WHERE organisation_id = $1 AND last_name = $2 AND first_name = $3
            AND COALESCE(middle_name, '') = $4 AND kind = $5 AND COALESCE(grade, '') = $6
         ORDER BY id LIMIT 1",
    )
    .bind(organisation_id)
    .bind(data.last_name.clone())
    .bind(data.first_name.clone())
    .bind(data.middle_name.clone().unwrap_or_default())
    .bind(data.kind.code())
    .bind(data.grade.clone().unwrap_or_default())
    .fetch_optional(&mut *conn)
    .await
}

/// One participant with the place it belongs to (for access checks).
pub async fn get(db: impl Conn, id: i64) -> Result<(Participant, Place), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let sql = format!(
        "SELECT {COLUMNS}, o.district_id FROM participants p
         JOIN organisations o ON o.id = p.organisation_id WHERE p.id = $1"
    );
    let row = sqlx::query(&sql).bind(id).fetch_one(&mut *conn).await?;
    let mut participant = from_row(&row)?;
    participant.participations = participations_of(&mut *conn, id).await?;
    let place = Place {
        district_id: row.try_get("district_id")?,
        organisation_id: participant.organisation_id,
    };
    Ok((participant, place))
}

/// Inserts one person into the school's base (programmes are joined with `join`).
/// Stores a new person in the school's base and, given a programme, has them join it in the
/// role of their base — the usual way a person enters (demo, tools, tests).
pub async fn insert_joining(db: impl Conn, organisation_id: i64, data: &NewParticipant, programme_id: Option<i64>) -> Result<i64, sqlx::Error> {
    let mut tx = db.begin().await?;
    let id = insert(&mut *tx, organisation_id, data).await?;
    if let Some(programme_id) = programme_id {
        join(&mut *tx, id, domain::models::Participation { programme_id, role: data.role }).await?;
    }
    tx.commit().await?;
    Ok(id)
}

pub async fn insert(db: impl Conn, organisation_id: i64, data: &NewParticipant) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let now = now_unix().to_string();
    let row = sqlx::query(
        "INSERT INTO participants (organisation_id, last_name, first_name,
            middle_name, role, kind, subjects, experience_years, qualification, grade,
            achievement, competences, requests, deficits, capacity, search_key, subjects_key,
            created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
            $18, $18)
         RETURNING id",
    )
    .bind(organisation_id);
    let row = bind_data(row, data).bind(now).fetch_one(&mut *conn).await?;
    row.try_get("id")
}

/// Replaces a person's data (their programmes change with `join` and `leave`).
pub async fn update(db: impl Conn, id: i64, data: &NewParticipant) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let query = sqlx::query(
        "UPDATE participants SET last_name = $1, first_name = $2, middle_name = $3, role = $4,
            kind = $5, subjects = $6, experience_years = $7, qualification = $8, grade = $9,
            achievement = $10, competences = $11, requests = $12, deficits = $13,
            capacity = $14, search_key = $15, subjects_key = $16, updated_at = $17
         WHERE id = $18",
    );
    let result = bind_data(query, data)
        .bind(now_unix().to_string())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    if result.rows_affected() == 0 {
        return Err(sqlx::Error::RowNotFound);
    }
    Ok(())
}

/// Removes a participant with their relationships; refused while they are in a pair. Their
/// answers stay in the figures but lose the link to the person: SQLite may give a new person the
/// same id, who must not inherit them.
pub async fn delete(db: impl Conn, id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE submissions SET respondent = 'd' || CAST(id AS TEXT) WHERE respondent = $1")
        .bind(format!("p{id}"))
        .execute(&mut *tx)
        .await?;
    let result = sqlx::query("DELETE FROM participants WHERE id = $1").bind(id).execute(&mut *tx).await?;
    if result.rows_affected() == 0 {
        return Err(sqlx::Error::RowNotFound);
    }
    tx.commit().await
}

/// Counts the mentors and mentees of a programme (by their role in it).
pub async fn count_by_role(db: impl Conn, programme_id: i64) -> Result<(i64, i64), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query(
        "SELECT
            COALESCE(SUM(CASE WHEN role = 'mentor' THEN 1 ELSE 0 END), 0) AS mentors,
            COALESCE(SUM(CASE WHEN role = 'mentee' THEN 1 ELSE 0 END), 0) AS mentees
         FROM participations WHERE programme_id = $1",
    )
    .bind(programme_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok((row.try_get("mentors")?, row.try_get("mentees")?))
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binds the 16 data columns in the order `insert` and `update` list them.
fn bind_data<'q>(query: AnyQuery<'q>, data: &NewParticipant) -> AnyQuery<'q> {
    query
        .bind(data.last_name.clone())
        .bind(data.first_name.clone())
        .bind(data.middle_name.clone())
        .bind(data.role.code())
        .bind(data.kind.code())
        .bind(to_json(&data.subjects))
        .bind(data.experience_years)
        .bind(data.qualification.map(|q| q.code()))
        .bind(data.grade.clone())
        .bind(data.achievement.map(|a| a.code()))
        .bind(to_json(&data.competences))
        .bind(to_json(&data.requests))
        .bind(to_json(&data.deficits))
        .bind(data.capacity)
        .bind(search_key(data))
        .bind(search_fold(&data.subjects.join(" | ")))
}

/// What the search box matches: name, subjects, competences, requests, class.
fn search_key(data: &NewParticipant) -> String {
    let mut parts = vec![data.full_name()];
    parts.extend(data.subjects.iter().cloned());
    parts.extend(data.competences.iter().cloned());
    parts.extend(data.requests.iter().cloned());
    parts.extend(data.deficits.iter().cloned());
    parts.extend(data.grade.iter().cloned());
    search_fold(&parts.join(" | "))
}

fn to_json(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

fn from_json(raw: &str) -> Result<Vec<String>, sqlx::Error> {
    serde_json::from_str(raw).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

pub(crate) fn from_row(row: &AnyRow) -> Result<Participant, sqlx::Error> {
    Ok(Participant {
        id: row.try_get("id")?,
        organisation_id: row.try_get("organisation_id")?,
        participations: Vec::new(),
        data: NewParticipant {
            last_name: row.try_get("last_name")?,
            first_name: row.try_get("first_name")?,
            middle_name: row.try_get("middle_name")?,
            role: super::code(row, "role")?,
            kind: super::code(row, "kind")?,
            subjects: from_json(&row.try_get::<String, _>("subjects")?)?,
            experience_years: row.try_get("experience_years")?,
            qualification: super::optional_code(row, "qualification")?,
            grade: row.try_get("grade")?,
            achievement: super::optional_code(row, "achievement")?,
            competences: from_json(&row.try_get::<String, _>("competences")?)?,
            requests: from_json(&row.try_get::<String, _>("requests")?)?,
            deficits: from_json(&row.try_get::<String, _>("deficits")?)?,
            capacity: row.try_get("capacity")?,
        },
    })
}

/// Records a prior relationship (former class teacher, relative, line manager).
pub async fn add_relationship(
    db: impl Conn,
    participant_id: i64,
    other_id: i64,
    kind: RelationshipKind,
) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar("INSERT INTO relationships (participant_id, other_id, kind) VALUES ($1, $2, $3) RETURNING id")
        .bind(participant_id)
        .bind(other_id)
        .bind(kind.code())
        .fetch_one(&mut *conn)
        .await
}

/// A participant's prior relationships, whichever side recorded them, with the other's name.
pub async fn relationships_of(db: impl Conn, participant_id: i64) -> Result<Vec<Relationship>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(
        "SELECT r.id, r.kind, o.id AS other_id, o.last_name, o.first_name, o.middle_name
         FROM relationships r
         JOIN participants o ON o.id = CASE WHEN r.participant_id = $1 THEN r.other_id ELSE r.participant_id END
         WHERE r.participant_id = $1 OR r.other_id = $1
         ORDER BY o.last_name, o.first_name",
    )
    .bind(participant_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let middle: Option<String> = row.try_get("middle_name")?;
            let last: String = row.try_get("last_name")?;
            let first: String = row.try_get("first_name")?;
            Ok(Relationship {
                id: row.try_get("id")?,
                participant_id,
                other_id: row.try_get("other_id")?,
                other_name: [Some(last), Some(first), middle].into_iter().flatten().collect::<Vec<_>>().join(" "),
                kind: super::code(row, "kind")?,
            })
        })
        .collect()
}

/// The participant a relationship was recorded on (for access checks before removal).
pub async fn relationship_owner(db: impl Conn, relationship_id: i64) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("SELECT participant_id FROM relationships WHERE id = $1")
        .bind(relationship_id)
        .fetch_one(&mut *conn)
        .await?
        .try_get("participant_id")
}

pub async fn remove_relationship(db: impl Conn, relationship_id: i64) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("DELETE FROM relationships WHERE id = $1").bind(relationship_id).execute(&mut *conn).await?;
    Ok(())
}

/// Whether a participant is in a pair (as mentor or mentee) of a programme.
pub async fn in_pair(db: impl Conn, participant_id: i64, programme_id: i64) -> Result<bool, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) AS n FROM pairs p LEFT JOIN pair_mentees m ON m.pair_id = p.id
         WHERE p.programme_id = $1 AND (p.mentor_id = $2 OR m.mentee_id = $2)",
    )
    .bind(programme_id)
    .bind(participant_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}
