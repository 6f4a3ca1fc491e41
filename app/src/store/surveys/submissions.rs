//! Submissions: what a submission needs to be accepted, and the batch writer's statements.

use super::*;

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
pub async fn target(db: impl Conn, wave_id: i64, version_id: i64) -> Result<Option<Target>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query(
        "SELECT w.programme_id, w.kind, w.role, w.anonymous, w.status, v.body FROM waves w
         JOIN questionnaire_versions v ON v.questionnaire_id = w.questionnaire_id
         WHERE w.id = $1 AND v.id = $2",
    )
    .bind(wave_id)
    .bind(version_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(Target {
        wave: WaveTarget {
            programme_id: row.try_get("programme_id")?,
            kind: super::code(&row, "kind")?,
            role: super::code(&row, "role")?,
            anonymous: row.try_get::<i64, _>("anonymous")? != 0,
            status: super::code(&row, "status")?,
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
pub async fn received(db: impl Conn, client_id: &str) -> Result<bool, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) AS n FROM submissions WHERE client_id = $1")
        .bind(client_id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// Splits rows for multi-row statements into chunks of 64, 32, …, 1 rows: few enough distinct
/// statement texts that each backend prepares them once and reuses them from its cache.
pub(super) fn statement_chunks<T>(items: &[T]) -> Vec<&[T]> {
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
pub async fn store_batch(db: impl Conn, batch: &[Accepted]) -> Result<Vec<Result<SubmitOutcome, StoreRefusal>>, sqlx::Error> {
    let mut tx = db.begin().await?;
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
