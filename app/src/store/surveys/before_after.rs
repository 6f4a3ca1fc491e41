//! Entry against exit across waves made from one template, for a school or a district.

use super::*;

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
pub(super) const SCOPED_WAVES: &str = "SELECT w.id FROM waves w JOIN questionnaires q ON q.id = w.questionnaire_id
     JOIN programmes g ON g.id = w.programme_id JOIN organisations o ON o.id = g.organisation_id
     WHERE q.template = $1 AND w.kind = $2";

/// Counted answers of every wave of `kind` given with questionnaires made from `template` in
/// the scope: rows per (question, choice), and — for the questions in `distinct` (multiple
/// choices, where one respondent gives several rows) — respondents per question as
/// `choice = None`. Both read only the `answers_by_wave` index.
pub async fn template_counts(
    db: impl Conn,
    scope: Scope,
    template: &str,
    kind: WaveKind,
    distinct: &[&str],
) -> Result<Vec<(String, Option<i64>, i64)>, sqlx::Error> {
    let mut conn = db.acquire().await?;
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
    let rows = query.fetch_all(&mut *conn).await?;
    rows.iter().map(|row| Ok((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?))).collect()
}

/// Respondents in the scope who answered both an entry and an exit wave of `template` in the
/// same programme (the same person, or the same anonymous slip).
pub async fn linked_respondents(db: impl Conn, scope: Scope, template: &str) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
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
    let row = sqlx::query(&sql).bind(template).bind(id).fetch_one(&mut *conn).await?;
    row.try_get(0)
}

/// Whether any entry or exit wave of `template` in the scope is anonymous (its small groups'
/// figures are then not shown).
pub async fn anonymous_in_scope(db: impl Conn, scope: Scope, template: &str) -> Result<bool, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let (condition, id) = scope.condition();
    let sql = format!("SELECT COUNT(*) FROM waves w WHERE w.anonymous = 1 AND w.id IN ({SCOPED_WAVES} AND {condition})");
    let mut count: i64 = 0;
    for kind in [WaveKind::Entry, WaveKind::Exit] {
        count += sqlx::query_scalar::<_, i64>(&sql).bind(template).bind(kind.code()).bind(id).fetch_one(&mut *conn).await?;
    }
    Ok(count > 0)
}
