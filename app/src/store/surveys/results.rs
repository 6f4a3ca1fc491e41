//! Results: counts per question and choice, open answers, a wave's table.

use super::*;

/// A questionnaire's current definition, and every version's definition by version id.
pub async fn versions(db: impl Conn, questionnaire_id: i64) -> Result<(Definition, BTreeMap<i64, Definition>), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query("SELECT id, body FROM questionnaire_versions WHERE questionnaire_id = $1 ORDER BY number")
        .bind(questionnaire_id)
        .fetch_all(&mut *conn)
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
pub async fn wave_counts(db: impl Conn, wave_id: i64) -> Result<Vec<CountRow>, sqlx::Error> {
    let mut conn = db.acquire().await?;
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
    .fetch_all(&mut *conn)
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
pub async fn wave_texts(db: impl Conn, wave_id: i64) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(
        "SELECT s.version_id, a.question, a.text FROM answers a JOIN submissions s ON s.id = a.submission_id
         WHERE a.wave_id = $1 AND a.text IS NOT NULL ORDER BY s.id",
    )
    .bind(wave_id)
    .fetch_all(&mut *conn)
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

pub async fn wave_submissions(db: impl Conn, wave: &Wave) -> Result<Vec<StoredSubmission>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let labels = respondent_labels(&mut *conn, wave.programme_id).await?;
    let rows = sqlx::query(
        "SELECT s.id, s.version_id, s.submitted_at, s.respondent, a.question, a.choice, a.text
         FROM submissions s LEFT JOIN answers a ON a.wave_id = s.wave_id AND a.submission_id = s.id
         WHERE s.wave_id = $1 ORDER BY s.id",
    )
    .bind(wave.id)
    .fetch_all(&mut *conn)
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
pub(super) async fn respondent_labels(db: impl Conn, programme_id: i64) -> Result<BTreeMap<String, String>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let mut labels = BTreeMap::new();
    let people = sqlx::query("SELECT p.id, p.last_name, p.first_name, p.middle_name FROM participants p
         JOIN participations x ON x.participant_id = p.id WHERE x.programme_id = $1")
        .bind(programme_id)
        .fetch_all(&mut *conn)
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
        .fetch_all(&mut *conn)
        .await?;
    for row in &slips {
        labels.insert(format!("c{}", row.try_get::<i64, _>("id")?), row.try_get("code")?);
    }
    Ok(labels)
}

/// A wave's results: the response rate and every question's statistics, counting answers to
/// older versions where the question still means the same.
pub async fn wave_results(db: impl Conn, wave_id: i64) -> Result<domain::surveys::stats::WaveResults, sqlx::Error> {
    Ok(wave_results_with_definition(db, wave_id).await?.0)
}

/// `wave_results` and the questionnaire's current definition it was read against, for callers
/// that also need the questions themselves (the Kirkpatrick levels), without reading it twice.
pub async fn wave_results_with_definition(db: impl Conn, wave_id: i64) -> Result<(domain::surveys::stats::WaveResults, Definition), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let wave = wave(&mut *conn, wave_id).await?;
    let (latest, definitions) = versions(&mut *conn, wave.questionnaire_id).await?;
    let counts: Vec<_> = wave_counts(&mut *conn, wave_id).await?.into_iter().map(|c| (c.version_id, c.question, c.choice, c.count)).collect();
    let mut texts = wave_texts(&mut *conn, wave_id).await?;
    // An anonymous wave's open answers in the order of their words, not of their arrival.
    if wave.anonymous {
        texts.sort_by(|a, b| a.2.cmp(&b.2));
    }
    let (programme, _) = super::programmes::get(&mut *conn, wave.programme_id).await?;
    let too_few_to_show = domain::surveys::stats::too_few_anonymous(wave.anonymous, wave.answered);
    let results = domain::surveys::stats::WaveResults {
        response_rate: domain::models::percent(wave.answered, wave.invited),
        questions: match too_few_to_show {
            true => Vec::new(),
            false => domain::surveys::stats::summarise(&latest, &definitions, wave.kind, &counts, &texts),
        },
        too_few_to_show,
        programme_title: programme.title,
        wave,
    };
    Ok((results, latest))
}
