//! Questionnaires and their versions: create, list, the builder's draft, save (a new version when answers exist and the meaning changes).

use super::*;

/// The school a questionnaire belongs to, for access checks.
pub async fn questionnaire_place(db: impl Conn, id: i64) -> Result<Place, sqlx::Error> {
    let sql = "SELECT q.organisation_id, o.district_id FROM questionnaires q
               JOIN organisations o ON o.id = q.organisation_id WHERE q.id = $1";
    super::place_of(db, sql, id).await
}

/// Creates a questionnaire with its first version.
pub async fn create_questionnaire(
    db: impl Conn,
    organisation_id: i64,
    template: Option<&str>,
    definition: &Definition,
) -> Result<i64, sqlx::Error> {
    let mut tx = db.begin().await?;
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO questionnaires (organisation_id, title, template, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $4) RETURNING id",
    )
    .bind(organisation_id)
    .bind(&definition.title)
    .bind(template)
    .bind(&at)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO questionnaire_versions (questionnaire_id, number, body, created_at) VALUES ($1, 1, $2, $3)")
        .bind(id)
        .bind(body_of(definition))
        .bind(&at)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// A school's questionnaires with their current version and how many answered it.
pub async fn list_questionnaires(db: impl Conn, organisation_id: i64) -> Result<Vec<QuestionnaireSummary>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(
        "SELECT q.id, q.title, v.number, v.body,
                (SELECT COUNT(*) FROM submissions s JOIN questionnaire_versions sv ON sv.id = s.version_id
                  WHERE sv.questionnaire_id = q.id) AS answers
         FROM questionnaires q
         JOIN questionnaire_versions v ON v.questionnaire_id = q.id
          AND v.number = (SELECT MAX(number) FROM questionnaire_versions WHERE questionnaire_id = q.id)
         WHERE q.organisation_id = $1 ORDER BY q.title, q.id",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let definition = definition_of(row.try_get("body")?)?;
            Ok(QuestionnaireSummary {
                id: row.try_get("id")?,
                title: row.try_get("title")?,
                version: row.try_get("number")?,
                questions: definition.questions().count(),
                answers: row.try_get("answers")?,
            })
        })
        .collect()
}

/// A questionnaire's current version with the number of submissions that answered it.
pub(super) const CURRENT_VERSION: &str = "SELECT v.id, v.number, v.body,
        (SELECT COUNT(*) FROM submissions s WHERE s.version_id = v.id) AS answers
     FROM questionnaire_versions v WHERE v.questionnaire_id = $1 ORDER BY v.number DESC LIMIT 1";

/// The current version of a questionnaire, as the builder opens it.
pub async fn draft(db: impl Conn, id: i64) -> Result<QuestionnaireDraft, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query(
        CURRENT_VERSION,
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(QuestionnaireDraft {
        id,
        version: row.try_get("number")?,
        definition: definition_of(row.try_get("body")?)?,
        answers_on_version: row.try_get("answers")?,
    })
}

/// Saves an edited questionnaire: in place while nobody has answered the current version or
/// the edit keeps the meaning of every question, otherwise as the next version.
pub async fn save_questionnaire(db: impl Conn, id: i64, edited: &Definition) -> Result<SaveOutcome, sqlx::Error> {
    let mut tx = db.begin().await?;
    let row = sqlx::query(
        CURRENT_VERSION,
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let (version_id, number): (i64, i64) = (row.try_get("id")?, row.try_get("number")?);
    let current = definition_of(row.try_get("body")?)?;
    let answers: i64 = row.try_get("answers")?;
    let at = now();
    let new_version = answers > 0 && versioning::changes_meaning(&current, edited);
    let number = if new_version {
        sqlx::query("INSERT INTO questionnaire_versions (questionnaire_id, number, body, created_at) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(number + 1)
            .bind(body_of(edited))
            .bind(&at)
            .execute(&mut *tx)
            .await?;
        number + 1
    } else {
        sqlx::query("UPDATE questionnaire_versions SET body = $1 WHERE id = $2")
            .bind(body_of(edited))
            .bind(version_id)
            .execute(&mut *tx)
            .await?;
        number
    };
    sqlx::query("UPDATE questionnaires SET title = $1, updated_at = $2 WHERE id = $3")
        .bind(&edited.title)
        .bind(&at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(SaveOutcome { id, version: number, new_version })
}
