//! Questionnaires and their versions, waves, respondent codes, kiosks, submissions and the
//! counts behind the results.

use std::collections::BTreeMap;

use sqlx::any::AnyRow;
use sqlx::Row;

use super::Db;
use domain::access::Place;
use domain::models::ParticipantRole;
use domain::surveys::stats::AnswerRow;
use domain::surveys::*;

fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

fn definition_of(body: &str) -> Result<Definition, sqlx::Error> {
    serde_json::from_str(body).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn body_of(definition: &Definition) -> String {
    serde_json::to_string(definition).unwrap_or_default()
}

// --- Questionnaires ---------------------------------------------------------------------------

/// The school a questionnaire belongs to, for access checks.
pub async fn questionnaire_place(db: &Db, id: i64) -> Result<Place, sqlx::Error> {
    let sql = "SELECT q.organisation_id, o.district_id FROM questionnaires q
               JOIN organisations o ON o.id = q.organisation_id WHERE q.id = $1";
    super::place_of(db, sql, id).await
}

/// Creates a questionnaire with its first version.
pub async fn create_questionnaire(
    db: &Db,
    organisation_id: i64,
    template: Option<&str>,
    definition: &Definition,
) -> Result<i64, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let at = now();
    let id: i64 = sqlx::query(
        "INSERT INTO questionnaires (organisation_id, title, template, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $4) RETURNING id",
    )
    .bind(organisation_id)
    .bind(&definition.title)
    .bind(template)
    .bind(&at)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
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
pub async fn list_questionnaires(db: &Db, organisation_id: i64) -> Result<Vec<QuestionnaireSummary>, sqlx::Error> {
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
    .fetch_all(&db.pool)
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
const CURRENT_VERSION: &str = "SELECT v.id, v.number, v.body,
        (SELECT COUNT(*) FROM submissions s WHERE s.version_id = v.id) AS answers
     FROM questionnaire_versions v WHERE v.questionnaire_id = $1 ORDER BY v.number DESC LIMIT 1";

/// The current version of a questionnaire, as the builder opens it.
pub async fn draft(db: &Db, id: i64) -> Result<QuestionnaireDraft, sqlx::Error> {
    let row = sqlx::query(
        CURRENT_VERSION,
    )
    .bind(id)
    .fetch_one(&db.pool)
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
pub async fn save_questionnaire(db: &Db, id: i64, edited: &Definition) -> Result<SaveOutcome, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
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

// --- Waves ------------------------------------------------------------------------------------

const WAVE_SELECT: &str = "SELECT w.id, w.programme_id, w.questionnaire_id, w.kind, w.role, w.anonymous, w.status,
        q.title AS questionnaire_title,
        (SELECT COUNT(*) FROM submissions s WHERE s.wave_id = w.id) AS answered,
        (SELECT COUNT(*) FROM participants p WHERE p.programme_id = w.programme_id AND p.role = w.role) AS people,
        (SELECT COUNT(*) FROM respondent_codes c WHERE c.programme_id = w.programme_id AND c.role = w.role
            AND c.participant_id IS NULL) AS slips
     FROM waves w JOIN questionnaires q ON q.id = w.questionnaire_id";

fn wave_from_row(row: &AnyRow) -> Result<Wave, sqlx::Error> {
    let decode = |what: &str| sqlx::Error::Decode(format!("unknown {what}").into());
    let anonymous = row.try_get::<i64, _>("anonymous")? != 0;
    let (people, slips): (i64, i64) = (row.try_get("people")?, row.try_get("slips")?);
    Ok(Wave {
        id: row.try_get("id")?,
        programme_id: row.try_get("programme_id")?,
        questionnaire_id: row.try_get("questionnaire_id")?,
        questionnaire_title: row.try_get("questionnaire_title")?,
        kind: WaveKind::from_code(row.try_get("kind")?).ok_or_else(|| decode("wave kind"))?,
        role: ParticipantRole::from_code(row.try_get("role")?).ok_or_else(|| decode("role"))?,
        anonymous,
        status: WaveStatus::from_code(row.try_get("status")?).ok_or_else(|| decode("wave status"))?,
        // An anonymous wave is for the slips handed out; before any are, for the role's people.
        invited: if anonymous && slips > 0 { slips } else { people },
        answered: row.try_get("answered")?,
    })
}

pub async fn waves_of(db: &Db, programme_id: i64) -> Result<Vec<Wave>, sqlx::Error> {
    let sql = format!("{WAVE_SELECT} WHERE w.programme_id = $1 ORDER BY w.id");
    let rows = sqlx::query(&sql).bind(programme_id).fetch_all(&db.pool).await?;
    rows.iter().map(wave_from_row).collect()
}

pub async fn wave(db: &Db, wave_id: i64) -> Result<Wave, sqlx::Error> {
    let sql = format!("{WAVE_SELECT} WHERE w.id = $1");
    wave_from_row(&sqlx::query(&sql).bind(wave_id).fetch_one(&db.pool).await?)
}

/// The school a wave runs in, for access checks.
pub async fn wave_place(db: &Db, wave_id: i64) -> Result<Place, sqlx::Error> {
    let sql = "SELECT g.organisation_id, o.district_id FROM waves w JOIN programmes g ON g.id = w.programme_id
               JOIN organisations o ON o.id = g.organisation_id WHERE w.id = $1";
    super::place_of(db, sql, wave_id).await
}

pub async fn create_wave(
    db: &Db,
    programme_id: i64,
    questionnaire_id: i64,
    kind: WaveKind,
    role: ParticipantRole,
    anonymous: bool,
) -> Result<i64, sqlx::Error> {
    sqlx::query(
        "INSERT INTO waves (programme_id, questionnaire_id, kind, role, anonymous, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(programme_id)
    .bind(questionnaire_id)
    .bind(kind.code())
    .bind(role.code())
    .bind(i64::from(anonymous))
    .bind(now())
    .fetch_one(&db.pool)
    .await?
    .try_get("id")
}

pub async fn set_wave_status(db: &Db, wave_id: i64, status: WaveStatus) -> Result<(), sqlx::Error> {
    let closed_at = (status == WaveStatus::Closed).then(now);
    sqlx::query("UPDATE waves SET status = $1, closed_at = $2 WHERE id = $3")
        .bind(status.code())
        .bind(closed_at)
        .bind(wave_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// The form a respondent's device takes: the wave's questionnaire at its current version.
pub async fn form(db: &Db, wave_id: i64) -> Result<SurveyForm, sqlx::Error> {
    let row = sqlx::query(
        "SELECT w.kind, w.anonymous, v.id AS version_id, v.body FROM waves w
         JOIN questionnaire_versions v ON v.questionnaire_id = w.questionnaire_id
         WHERE w.id = $1 ORDER BY v.number DESC LIMIT 1",
    )
    .bind(wave_id)
    .fetch_one(&db.pool)
    .await?;
    Ok(SurveyForm {
        wave_id,
        kind: WaveKind::from_code(row.try_get("kind")?).unwrap_or(WaveKind::Entry),
        anonymous: row.try_get::<i64, _>("anonymous")? != 0,
        version_id: row.try_get("version_id")?,
        definition: definition_of(row.try_get("body")?)?,
    })
}

/// The open waves a participant is asked to answer, with whether they already have.
pub async fn open_waves_for(db: &Db, participant_id: i64) -> Result<Vec<(Wave, bool)>, sqlx::Error> {
    // The participant's own answers in one query, not one per wave.
    let sql = format!(
        "{WAVE_SELECT} JOIN participants me ON me.programme_id = w.programme_id AND me.role = w.role
         WHERE me.id = $1 AND w.status = 'open' ORDER BY w.id"
    );
    let rows = sqlx::query(&sql).bind(participant_id).fetch_all(&db.pool).await?;
    let answered: std::collections::BTreeSet<i64> = sqlx::query("SELECT wave_id FROM submissions WHERE respondent = $1")
        .bind(format!("p{participant_id}"))
        .fetch_all(&db.pool)
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

pub async fn has_answered(db: &Db, wave_id: i64, respondent: &str) -> Result<bool, sqlx::Error> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM submissions WHERE wave_id = $1 AND respondent = $2")
        .bind(wave_id)
        .bind(respondent)
        .fetch_one(&db.pool)
        .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}

// --- Respondent codes -------------------------------------------------------------------------

fn random_code() -> String {
    use rand::Rng;
    let n: u32 = rand::thread_rng().gen_range(0..10u32.pow(CODE_LENGTH as u32));
    format!("{n:0width$}", width = CODE_LENGTH)
}

async fn insert_code(db: &Db, programme_id: i64, role: ParticipantRole, participant_id: Option<i64>) -> Result<(), sqlx::Error> {
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
        .execute(&db.pool)
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(());
        }
    }
    Err(sqlx::Error::Protocol("no free respondent code".into()))
}

/// Gives every participant of the programme who has no code yet a personal code.
pub async fn issue_named_codes(db: &Db, programme_id: i64) -> Result<usize, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT p.id, p.role FROM participants p WHERE p.programme_id = $1
         AND NOT EXISTS (SELECT 1 FROM respondent_codes c WHERE c.programme_id = $1 AND c.participant_id = p.id)",
    )
    .bind(programme_id)
    .fetch_all(&db.pool)
    .await?;
    for row in &rows {
        let role = ParticipantRole::from_code(row.try_get("role")?).unwrap_or(ParticipantRole::Mentee);
        insert_code(db, programme_id, role, Some(row.try_get("id")?)).await?;
    }
    Ok(rows.len())
}

/// Makes `count` anonymous slips for a role.
pub async fn issue_anonymous_codes(db: &Db, programme_id: i64, role: ParticipantRole, count: usize) -> Result<(), sqlx::Error> {
    for _ in 0..count {
        insert_code(db, programme_id, role, None).await?;
    }
    Ok(())
}

pub async fn codes_of(db: &Db, programme_id: i64) -> Result<Vec<CodeSlip>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT c.code, c.role, p.last_name, p.first_name, p.middle_name FROM respondent_codes c
         LEFT JOIN participants p ON p.id = c.participant_id
         WHERE c.programme_id = $1 ORDER BY c.participant_id IS NULL, c.role, p.last_name, p.first_name, c.id",
    )
    .bind(programme_id)
    .fetch_all(&db.pool)
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
                role: ParticipantRole::from_code(row.try_get("role")?).unwrap_or(ParticipantRole::Mentee),
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

pub async fn code_owner(db: &Db, programme_id: i64, code: &str) -> Result<Option<CodeOwner>, sqlx::Error> {
    let row = sqlx::query("SELECT id, role, participant_id FROM respondent_codes WHERE programme_id = $1 AND code = $2")
        .bind(programme_id)
        .bind(code)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|row| {
        Ok(CodeOwner {
            code_id: row.try_get("id")?,
            role: ParticipantRole::from_code(row.try_get("role")?).unwrap_or(ParticipantRole::Mentee),
            participant_id: row.try_get("participant_id")?,
        })
    })
    .transpose()
}

/// The programme and role of a participant, to check they belong to a wave.
pub async fn participant_place(db: &Db, participant_id: i64) -> Result<(Option<i64>, ParticipantRole), sqlx::Error> {
    let row = sqlx::query("SELECT programme_id, role FROM participants WHERE id = $1")
        .bind(participant_id)
        .fetch_one(&db.pool)
        .await?;
    Ok((
        row.try_get("programme_id")?,
        ParticipantRole::from_code(row.try_get("role")?).unwrap_or(ParticipantRole::Mentee),
    ))
}

// --- Kiosks -----------------------------------------------------------------------------------

pub async fn open_kiosk(db: &Db, token_hash: &str, wave_id: i64, user_id: i64, expires_at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO kiosks (token_hash, wave_id, opened_by, opened_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(token_hash)
        .bind(wave_id)
        .bind(user_id)
        .bind(now())
        .bind(expires_at)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// The wave a live kiosk token serves.
pub async fn kiosk_wave(db: &Db, token_hash: &str) -> Result<Option<i64>, sqlx::Error> {
    let row = sqlx::query("SELECT wave_id FROM kiosks WHERE token_hash = $1 AND expires_at > $2")
        .bind(token_hash)
        .bind(super::now_unix())
        .fetch_optional(&db.pool)
        .await?;
    row.map(|row| row.try_get("wave_id")).transpose()
}

pub async fn close_kiosk(db: &Db, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM kiosks WHERE token_hash = $1").bind(token_hash).execute(&db.pool).await?;
    Ok(())
}

// --- Submissions ------------------------------------------------------------------------------

/// What the server needs to accept a submission: the wave and the version it answered.
#[derive(Clone, Debug)]
pub struct Target {
    pub wave: WaveTarget,
    pub definition: Definition,
}

#[derive(Clone, Copy, Debug)]
pub struct WaveTarget {
    pub programme_id: i64,
    pub kind: WaveKind,
    pub role: ParticipantRole,
    pub anonymous: bool,
    pub status: WaveStatus,
}

/// The wave and the answered version in one query; `None` when the version is not one of the
/// wave's questionnaire.
pub async fn target(db: &Db, wave_id: i64, version_id: i64) -> Result<Option<Target>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT w.programme_id, w.kind, w.role, w.anonymous, w.status, v.body FROM waves w
         JOIN questionnaire_versions v ON v.questionnaire_id = w.questionnaire_id
         WHERE w.id = $1 AND v.id = $2",
    )
    .bind(wave_id)
    .bind(version_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(Target {
        wave: WaveTarget {
            programme_id: row.try_get("programme_id")?,
            kind: WaveKind::from_code(row.try_get("kind")?).unwrap_or(WaveKind::Entry),
            role: ParticipantRole::from_code(row.try_get("role")?).unwrap_or(ParticipantRole::Mentee),
            anonymous: row.try_get::<i64, _>("anonymous")? != 0,
            status: WaveStatus::from_code(row.try_get("status")?).unwrap_or(WaveStatus::Closed),
        },
        definition: definition_of(row.try_get("body")?)?,
    }))
}

/// A checked submission, ready to store.
#[derive(Clone, Debug)]
pub struct Accepted {
    pub client_id: String,
    pub wave_id: i64,
    pub version_id: i64,
    /// 'p<participant id>' or 'c<code id>'.
    pub respondent: String,
    pub rows: Vec<AnswerRow>,
}

/// Why a checked submission was not stored.
#[derive(Debug, thiserror::Error)]
pub enum StoreRefusal {
    #[error("the respondent already answered this wave")]
    AlreadyAnswered,
}

/// Whether a submission with this device-made id is already stored.
pub async fn received(db: &Db, client_id: &str) -> Result<bool, sqlx::Error> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM submissions WHERE client_id = $1")
        .bind(client_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}

/// Splits rows for multi-row statements into chunks of 64, 32, …, 1 rows: few enough distinct
/// statement texts that each backend prepares them once and reuses them from its cache.
fn statement_chunks<T>(items: &[T]) -> Vec<&[T]> {
    let mut chunks = Vec::new();
    let mut rest = items;
    let mut size = 64;
    while !rest.is_empty() {
        while size > rest.len() {
            size /= 2;
        }
        let (chunk, tail) = rest.split_at(size);
        chunks.push(chunk);
        rest = tail;
    }
    chunks
}

/// Stores a batch of submissions in one transaction (one commit for all of them, and a few
/// multi-row statements instead of two per submission) and returns each one's outcome in
/// order. A resend of a stored `client_id` is recognised.
pub async fn store_batch(db: &Db, batch: &[Accepted]) -> Result<Vec<Result<SubmitOutcome, StoreRefusal>>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let at = now();
    let mut inserted: BTreeMap<String, i64> = BTreeMap::new();
    for chunk in statement_chunks(batch) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| format!("(${}, ${}, ${}, ${}, ${})", i * 5 + 1, i * 5 + 2, i * 5 + 3, i * 5 + 4, i * 5 + 5))
            .collect();
        // DO NOTHING on any unique clash (a resend, a second answer of the same respondent)
        // keeps the transaction alive on PostgreSQL too.
        let sql = format!(
            "INSERT INTO submissions (client_id, wave_id, version_id, respondent, submitted_at) VALUES {}
             ON CONFLICT DO NOTHING RETURNING id, client_id",
            values.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for item in chunk {
            query = query.bind(&item.client_id).bind(item.wave_id).bind(item.version_id).bind(&item.respondent).bind(&at);
        }
        for row in query.fetch_all(&mut *tx).await? {
            inserted.insert(row.try_get("client_id")?, row.try_get("id")?);
        }
    }
    let mut rows: Vec<(i64, i64, &AnswerRow)> = Vec::new();
    let mut first_of_id: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, item) in batch.iter().enumerate() {
        if let Some(id) = inserted.get(&item.client_id) {
            if *first_of_id.entry(&item.client_id).or_insert(index) == index {
                rows.extend(item.rows.iter().map(|row| (*id, item.wave_id, row)));
            }
        }
    }
    for chunk in statement_chunks(&rows) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| format!("(${}, ${}, ${}, ${}, ${})", i * 5 + 1, i * 5 + 2, i * 5 + 3, i * 5 + 4, i * 5 + 5))
            .collect();
        let sql = format!("INSERT INTO answers (submission_id, wave_id, question, choice, text) VALUES {}", values.join(", "));
        let mut query = sqlx::query(&sql);
        for (id, wave_id, row) in chunk {
            query = query.bind(*id).bind(*wave_id).bind(&row.question).bind(row.choice).bind(&row.text);
        }
        query.execute(&mut *tx).await?;
    }
    // Those not inserted: a known client_id is a resend; otherwise the respondent had answered.
    let missing: Vec<&str> = batch.iter().filter(|i| !inserted.contains_key(&i.client_id)).map(|i| i.client_id.as_str()).collect();
    let mut known = std::collections::BTreeSet::new();
    for chunk in missing.chunks(1000) {
        let marks: Vec<String> = (1..=chunk.len()).map(|n| format!("${n}")).collect();
        let sql = format!("SELECT client_id FROM submissions WHERE client_id IN ({})", marks.join(", "));
        let mut query = sqlx::query(&sql);
        for id in chunk {
            query = query.bind(*id);
        }
        for row in query.fetch_all(&mut *tx).await? {
            known.insert(row.try_get::<String, _>("client_id")?);
        }
    }
    tx.commit().await?;
    Ok(batch
        .iter()
        .enumerate()
        .map(|(index, item)| match (inserted.contains_key(&item.client_id), first_of_id.get(item.client_id.as_str())) {
            (true, Some(first)) if *first == index => Ok(SubmitOutcome::Received),
            (true, _) => Ok(SubmitOutcome::AlreadyReceived),
            (false, _) if known.contains(&item.client_id) => Ok(SubmitOutcome::AlreadyReceived),
            (false, _) => Err(StoreRefusal::AlreadyAnswered),
        })
        .collect())
}

// --- Results ----------------------------------------------------------------------------------

/// A questionnaire's current definition, and every version's definition by version id.
pub async fn versions(db: &Db, questionnaire_id: i64) -> Result<(Definition, BTreeMap<i64, Definition>), sqlx::Error> {
    let rows = sqlx::query("SELECT id, body FROM questionnaire_versions WHERE questionnaire_id = $1 ORDER BY number")
        .bind(questionnaire_id)
        .fetch_all(&db.pool)
        .await?;
    let all: BTreeMap<i64, Definition> =
        rows.iter().map(|row| Ok((row.try_get("id")?, definition_of(row.try_get("body")?)?))).collect::<Result<_, sqlx::Error>>()?;
    let latest = match rows.last() {
        Some(row) => all.get(&row.try_get::<i64, _>("id")?).cloned().unwrap_or_default(),
        None => Definition::default(),
    };
    Ok((latest, all))
}

/// One row of the counts behind a wave's results.
#[derive(Clone, Debug)]
pub struct CountRow {
    pub version_id: i64,
    pub question: String,
    pub choice: Option<i64>,
    pub count: i64,
}

/// Rows per (version, question, choice) and respondents per (version, question) — the latter
/// as `choice = None` rows — counted by the database.
pub async fn wave_counts(db: &Db, wave_id: i64) -> Result<Vec<CountRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT s.version_id, a.question, a.choice, COUNT(*) AS n FROM answers a
         JOIN submissions s ON s.id = a.submission_id
         WHERE a.wave_id = $1 AND a.choice IS NOT NULL GROUP BY s.version_id, a.question, a.choice
         UNION ALL
         SELECT s.version_id, a.question, NULL, COUNT(DISTINCT a.submission_id) FROM answers a
         JOIN submissions s ON s.id = a.submission_id
         WHERE a.wave_id = $1 GROUP BY s.version_id, a.question",
    )
    .bind(wave_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(CountRow {
                version_id: row.try_get(0)?,
                question: row.try_get(1)?,
                choice: row.try_get(2)?,
                count: row.try_get(3)?,
            })
        })
        .collect()
}

/// The open answers of a wave, oldest first: (version, question, text).
pub async fn wave_texts(db: &Db, wave_id: i64) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT s.version_id, a.question, a.text FROM answers a JOIN submissions s ON s.id = a.submission_id
         WHERE a.wave_id = $1 AND a.text IS NOT NULL ORDER BY s.id",
    )
    .bind(wave_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|row| Ok((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?))).collect()
}

/// One submission with its answer rows, for exports.
#[derive(Clone, Debug)]
pub struct StoredSubmission {
    pub version_id: i64,
    /// The participant's name in a named wave, the slip code in an anonymous one.
    pub respondent: String,
    pub submitted_at: String,
    pub rows: Vec<AnswerRow>,
}

pub async fn wave_submissions(db: &Db, wave: &Wave) -> Result<Vec<StoredSubmission>, sqlx::Error> {
    let labels = respondent_labels(db, wave.programme_id).await?;
    let rows = sqlx::query(
        "SELECT s.id, s.version_id, s.submitted_at, s.respondent, a.question, a.choice, a.text
         FROM submissions s LEFT JOIN answers a ON a.wave_id = s.wave_id AND a.submission_id = s.id
         WHERE s.wave_id = $1 ORDER BY s.id",
    )
    .bind(wave.id)
    .fetch_all(&db.pool)
    .await?;
    let mut out: Vec<(i64, StoredSubmission)> = Vec::new();
    for row in &rows {
        let id: i64 = row.try_get("id")?;
        if out.last().is_none_or(|(last, _)| *last != id) {
            let respondent: String = row.try_get("respondent")?;
            out.push((
                id,
                StoredSubmission {
                    version_id: row.try_get("version_id")?,
                    respondent: labels.get(&respondent).cloned().unwrap_or(respondent),
                    submitted_at: row.try_get("submitted_at")?,
                    rows: Vec::new(),
                },
            ));
        }
        if let (Some(question), Some((_, current))) = (row.try_get::<Option<String>, _>("question")?, out.last_mut()) {
            current.rows.push(AnswerRow { question, choice: row.try_get("choice")?, text: row.try_get("text")? });
        }
    }
    Ok(out.into_iter().map(|(_, s)| s).collect())
}

/// How respondents of a programme are shown in exports: a participant by name, an anonymous
/// slip by its code.
async fn respondent_labels(db: &Db, programme_id: i64) -> Result<BTreeMap<String, String>, sqlx::Error> {
    let mut labels = BTreeMap::new();
    let people = sqlx::query("SELECT id, last_name, first_name, middle_name FROM participants WHERE programme_id = $1")
        .bind(programme_id)
        .fetch_all(&db.pool)
        .await?;
    for row in &people {
        let name = [row.try_get::<Option<String>, _>("last_name")?, row.try_get("first_name")?, row.try_get("middle_name")?]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        labels.insert(format!("p{}", row.try_get::<i64, _>("id")?), name);
    }
    let slips = sqlx::query("SELECT id, code FROM respondent_codes WHERE programme_id = $1 AND participant_id IS NULL")
        .bind(programme_id)
        .fetch_all(&db.pool)
        .await?;
    for row in &slips {
        labels.insert(format!("c{}", row.try_get::<i64, _>("id")?), row.try_get("code")?);
    }
    Ok(labels)
}

/// A wave's results: the response rate and every question's statistics, counting answers to
/// older versions where the question still means the same.
pub async fn wave_results(db: &Db, wave_id: i64) -> Result<domain::surveys::stats::WaveResults, sqlx::Error> {
    Ok(wave_results_with_definition(db, wave_id).await?.0)
}

/// `wave_results` and the questionnaire's current definition it was read against, for callers
/// that also need the questions themselves (the Kirkpatrick levels), without reading it twice.
pub async fn wave_results_with_definition(db: &Db, wave_id: i64) -> Result<(domain::surveys::stats::WaveResults, Definition), sqlx::Error> {
    let wave = wave(db, wave_id).await?;
    let (latest, definitions) = versions(db, wave.questionnaire_id).await?;
    let counts: Vec<_> = wave_counts(db, wave_id).await?.into_iter().map(|c| (c.version_id, c.question, c.choice, c.count)).collect();
    let texts = wave_texts(db, wave_id).await?;
    let (programme, _) = super::programmes::get(db, wave.programme_id).await?;
    let results = domain::surveys::stats::WaveResults {
        response_rate: domain::models::percent(wave.answered, wave.invited),
        questions: domain::surveys::stats::summarise(&latest, &definitions, wave.kind, &counts, &texts),
        programme_title: programme.title,
        wave,
    };
    Ok((results, latest))
}

// --- Before and after -------------------------------------------------------------------------

/// Where answers are gathered from for a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    School(i64),
    District(i64),
}

impl Scope {
    fn condition(self) -> (&'static str, i64) {
        match self {
            Scope::School(id) => ("o.id = $3", id),
            Scope::District(id) => ("o.district_id = $3", id),
        }
    }
}

/// The waves of `kind` given with questionnaires made from a template, in a scope ($1, $2, $3).
const SCOPED_WAVES: &str = "SELECT w.id FROM waves w JOIN questionnaires q ON q.id = w.questionnaire_id
     JOIN programmes g ON g.id = w.programme_id JOIN organisations o ON o.id = g.organisation_id
     WHERE q.template = $1 AND w.kind = $2";

/// Counted answers of every wave of `kind` given with questionnaires made from `template` in
/// the scope: rows per (question, choice), and — for the questions in `distinct` (multiple
/// choices, where one respondent gives several rows) — respondents per question as
/// `choice = None`. Both read only the `answers_by_wave` index.
pub async fn template_counts(
    db: &Db,
    scope: Scope,
    template: &str,
    kind: WaveKind,
    distinct: &[&str],
) -> Result<Vec<(String, Option<i64>, i64)>, sqlx::Error> {
    let (condition, id) = scope.condition();
    let marks: Vec<String> = (0..distinct.len()).map(|i| format!("${}", i + 4)).collect();
    let respondents = if distinct.is_empty() {
        String::new()
    } else {
        format!(
            " UNION ALL SELECT a.question, NULL, COUNT(DISTINCT a.submission_id) FROM answers a
              WHERE a.wave_id IN ({SCOPED_WAVES} AND {condition}) AND a.question IN ({}) GROUP BY a.question",
            marks.join(", ")
        )
    };
    let sql = format!(
        "SELECT a.question, a.choice, COUNT(*) FROM answers a
         WHERE a.wave_id IN ({SCOPED_WAVES} AND {condition}) AND a.choice IS NOT NULL
         GROUP BY a.question, a.choice{respondents}"
    );
    let mut query = sqlx::query(&sql).bind(template).bind(kind.code()).bind(id);
    for key in distinct {
        query = query.bind(*key);
    }
    let rows = query.fetch_all(&db.pool).await?;
    rows.iter().map(|row| Ok((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?))).collect()
}

/// Respondents in the scope who answered both an entry and an exit wave of `template` in the
/// same programme (the same person, or the same anonymous slip).
pub async fn linked_respondents(db: &Db, scope: Scope, template: &str) -> Result<i64, sqlx::Error> {
    let (condition, id) = scope.condition();
    let condition = condition.replace("$3", "$2");
    let sql = format!(
        "SELECT COUNT(*) FROM (
            SELECT w.programme_id, s.respondent FROM submissions s
            JOIN waves w ON w.id = s.wave_id JOIN questionnaires q ON q.id = w.questionnaire_id
            JOIN programmes g ON g.id = w.programme_id JOIN organisations o ON o.id = g.organisation_id
            WHERE q.template = $1 AND w.kind IN ('entry', 'exit') AND {condition}
            GROUP BY w.programme_id, s.respondent HAVING COUNT(DISTINCT w.kind) = 2
         ) linked"
    );
    let row = sqlx::query(&sql).bind(template).bind(id).fetch_one(&db.pool).await?;
    row.try_get(0)
}
