//! Counts for reports, SWOT boards and decks.

use std::collections::BTreeMap;

use sqlx::Row;

use super::surveys::Scope;
use super::Conn;
use domain::models::{MentoringForm, ParticipantKind, ParticipantRole, Variant};
use domain::reports::deck::{DeckSummary, Slide};
use domain::reports::{FormCount, SchoolFigures, Snapshot, Swot, VariantCount};

use super::now;

fn decode<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(body).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn encode<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Each school's counts in a scope, in the order the schools were added. Six grouped queries
/// however many schools there are.
pub async fn school_figures(db: impl Conn, scope: Scope) -> Result<Vec<SchoolFigures>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let (condition, id) = match scope {
        Scope::School(id) => ("o.id = $1", id),
        Scope::District(id) => ("o.district_id = $1", id),
    };
    let schools = sqlx::query(&format!(
        "SELECT o.id, o.name, o.students_total, o.teachers_total FROM organisations o WHERE {condition} ORDER BY o.id"
    ))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let mut figures: BTreeMap<i64, SchoolFigures> = BTreeMap::new();
    let mut order = Vec::new();
    for row in &schools {
        let organisation_id: i64 = row.try_get("id")?;
        order.push(organisation_id);
        figures.insert(organisation_id, SchoolFigures {
            organisation_id,
            name: row.try_get("name")?,
            students_total: row.try_get("students_total")?,
            teachers_total: row.try_get("teachers_total")?,
            mentors: 0,
            mentees: 0,
            curators: 0,
            per_form: Vec::new(),
            students_involved: 0,
            teachers_involved: 0,
            per_variant: Vec::new(),
        });
    }

    // The base by the role each person was entered with: a person counts once.
    let people = sqlx::query(&format!(
        "SELECT p.organisation_id, p.role, COUNT(*) AS n FROM participants p
         JOIN organisations o ON o.id = p.organisation_id WHERE {condition} GROUP BY p.organisation_id, p.role"
    ))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    for row in &people {
        let Some(school) = figures.get_mut(&row.try_get::<i64, _>("organisation_id")?) else { continue };
        let n: i64 = row.try_get("n")?;
        match super::code::<ParticipantRole>(row, "role")? {
            ParticipantRole::Mentor => school.mentors += n,
            ParticipantRole::Mentee => school.mentees += n,
        }
    }

    // Each form by the role people take in its programmes (a person mentoring in one form and
    // mentored in another counts in both).
    let per_form = sqlx::query(&format!(
        "SELECT g.organisation_id, x.role, g.form, COUNT(DISTINCT x.participant_id) AS n FROM participations x
         JOIN programmes g ON g.id = x.programme_id JOIN organisations o ON o.id = g.organisation_id
         WHERE {condition} GROUP BY g.organisation_id, x.role, g.form"
    ))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    for row in &per_form {
        let Some(school) = figures.get_mut(&row.try_get::<i64, _>("organisation_id")?) else { continue };
        let n: i64 = row.try_get("n")?;
        let form: MentoringForm = super::code(row, "form")?;
        let slot = match school.per_form.iter().position(|f| f.form == form) {
            Some(i) => i,
            None => {
                school.per_form.push(FormCount { form, mentors: 0, mentees: 0 });
                school.per_form.len() - 1
            }
        };
        match super::code::<ParticipantRole>(row, "role")? {
            ParticipantRole::Mentor => school.per_form[slot].mentors += n,
            ParticipantRole::Mentee => school.per_form[slot].mentees += n,
        }
    }

    // Students and teachers involved: people taking part in at least one programme, once each.
    let involved = sqlx::query(&format!(
        "SELECT p.organisation_id, p.kind, COUNT(*) AS n FROM participants p
         JOIN organisations o ON o.id = p.organisation_id
         WHERE {condition} AND EXISTS (SELECT 1 FROM participations x WHERE x.participant_id = p.id)
         GROUP BY p.organisation_id, p.kind"
    ))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    for row in &involved {
        let Some(school) = figures.get_mut(&row.try_get::<i64, _>("organisation_id")?) else { continue };
        let n: i64 = row.try_get("n")?;
        match super::code::<ParticipantKind>(row, "kind")? {
            ParticipantKind::Student => school.students_involved += n,
            ParticipantKind::Teacher => school.teachers_involved += n,
            _ => {}
        }
    }

    let curators = sqlx::query(&format!(
        "SELECT u.organisation_id, COUNT(*) AS n FROM users u JOIN organisations o ON o.id = u.organisation_id
         WHERE u.role = 'curator' AND {condition} GROUP BY u.organisation_id"
    ))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    for row in &curators {
        if let Some(school) = figures.get_mut(&row.try_get::<i64, _>("organisation_id")?) {
            school.curators = row.try_get("n")?;
        }
    }

    // Fixed (and finished) pairs only: drafts on the board are not yet anyone's pair.
    let variants = sqlx::query(&format!(
        "SELECT g.organisation_id, p.variant, COUNT(DISTINCT p.id) AS pairs,
                SUM(CASE WHEN x.kind = 'student' THEN 1 ELSE 0 END) AS students, COUNT(*) AS people
         FROM pairs p JOIN programmes g ON g.id = p.programme_id JOIN organisations o ON o.id = g.organisation_id
         JOIN (SELECT pair_id, mentee_id AS who FROM pair_mentees UNION ALL SELECT id, mentor_id FROM pairs) m ON m.pair_id = p.id
         JOIN participants x ON x.id = m.who
         WHERE p.status <> 'draft' AND {condition} GROUP BY g.organisation_id, p.variant"
    ))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    for row in &variants {
        let Some(school) = figures.get_mut(&row.try_get::<i64, _>("organisation_id")?) else { continue };
        let variant: Variant = super::code(row, "variant")?;
        school.per_variant.push(VariantCount {
            variant,
            pairs: row.try_get("pairs")?,
            students: row.try_get::<Option<i64>, _>("students")?.unwrap_or(0),
            people: row.try_get("people")?,
        });
    }
    for school in figures.values_mut() {
        school.per_variant.sort_by_key(|v| Variant::ALL.iter().position(|x| *x == v.variant));
        school.per_form.sort_by_key(|f| MentoringForm::ALL.iter().position(|x| *x == f.form));
    }
    Ok(order.into_iter().filter_map(|id| figures.remove(&id)).collect())
}

// --- SWOT -------------------------------------------------------------------------------------

/// A programme's SWOT board (empty when never written).
pub async fn swot(db: impl Conn, programme_id: i64) -> Result<Swot, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query("SELECT body FROM programme_swot WHERE programme_id = $1").bind(programme_id).fetch_optional(&mut *conn).await?;
    match row {
        Some(row) => decode(&row.try_get::<String, _>("body")?),
        None => Ok(Swot::default()),
    }
}

/// Replaces a programme's SWOT board.
pub async fn save_swot(db: impl Conn, programme_id: i64, swot: &Swot) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query(
        "INSERT INTO programme_swot (programme_id, body, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (programme_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
    )
    .bind(programme_id)
    .bind(encode(swot))
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The open answers (and «Другое») of every wave of a programme: `(question text, answer)`,
/// for pulling into a SWOT quadrant.
pub async fn open_answers(db: impl Conn, programme_id: i64) -> Result<Vec<(String, String)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let mut out = Vec::new();
    for wave in super::surveys::waves_of(&mut *conn, programme_id).await? {
        let results = super::surveys::wave_results(&mut *conn, wave.id).await?;
        for question in results.questions {
            out.extend(question.texts.into_iter().map(|text| (question.text.clone(), text)));
        }
    }
    Ok(out)
}

// --- Decks ------------------------------------------------------------------------------------

/// The district of a deck, for access checks.
pub async fn deck_district(db: impl Conn, deck_id: i64) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("SELECT district_id FROM decks WHERE id = $1").bind(deck_id).fetch_one(&mut *conn).await?.try_get("district_id")
}

/// A district's decks, newest first.
pub async fn decks(db: impl Conn, district_id: i64) -> Result<Vec<DeckSummary>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query("SELECT id, title, slides, snapshot_at, updated_at FROM decks WHERE district_id = $1 ORDER BY id DESC")
        .bind(district_id)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|row| {
            let slides: Vec<Slide> = decode(&row.try_get::<String, _>("slides")?)?;
            Ok(DeckSummary {
                id: row.try_get("id")?,
                title: row.try_get("title")?,
                slides: slides.len(),
                snapshot_at: row.try_get("snapshot_at")?,
                updated_at: row.try_get("updated_at")?,
            })
        })
        .collect()
}

/// A deck: `(title, slides, snapshot, updated_at)`.
pub async fn deck(db: impl Conn, deck_id: i64) -> Result<(String, Vec<Slide>, Snapshot, String), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query("SELECT title, slides, snapshot, updated_at FROM decks WHERE id = $1").bind(deck_id).fetch_one(&mut *conn).await?;
    Ok((row.try_get("title")?, decode(&row.try_get::<String, _>("slides")?)?, decode(&row.try_get::<String, _>("snapshot")?)?, row.try_get("updated_at")?))
}

pub async fn create_deck(db: impl Conn, district_id: i64, title: &str, slides: &[Slide], snapshot: &Snapshot) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let at = now();
    let row = sqlx::query(
        "INSERT INTO decks (district_id, title, slides, snapshot, snapshot_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(district_id)
    .bind(title)
    .bind(encode(&slides))
    .bind(encode(snapshot))
    .bind(&snapshot.taken_at)
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    row.try_get("id")
}

/// Saves the title and slides, keeping the snapshot.
pub async fn save_deck(db: impl Conn, deck_id: i64, title: &str, slides: &[Slide]) -> Result<String, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let at = now();
    sqlx::query("UPDATE decks SET title = $1, slides = $2, updated_at = $3 WHERE id = $4")
        .bind(title)
        .bind(encode(&slides))
        .bind(&at)
        .bind(deck_id)
        .execute(&mut *conn)
        .await?;
    Ok(at)
}

/// Replaces the deck's snapshot (the explicit «обновить данные»).
pub async fn replace_snapshot(db: impl Conn, deck_id: i64, snapshot: &Snapshot) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("UPDATE decks SET snapshot = $1, snapshot_at = $2 WHERE id = $3")
        .bind(encode(snapshot))
        .bind(&snapshot.taken_at)
        .bind(deck_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
