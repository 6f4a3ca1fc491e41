//! Results across waves: entry against exit for a school or the whole district.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use crate::error::AppError;
use crate::surveys::stats::BeforeAfter;

/// Entry against exit for every closed question of a template's questionnaires in a scope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BeforeAfterReport {
    /// The school's or the district's name.
    pub scope: String,
    pub title: String,
    pub questions: Vec<BeforeAfter>,
    /// ECharts options (JSON) per question, in the same order; empty inside a deck's snapshot,
    /// whose slides draw their own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charts: Vec<String>,
}

/// Before/after of the questionnaires made from `template`: for one school (a curator's own,
/// or any of a methodologist's district), or with no school, the methodologist's whole district.
#[server(prefix = "/api", endpoint = "reports/before_after", input = Json)]
pub async fn get_before_after(organisation_id: Option<i64>, template: String) -> Result<BeforeAfterReport, AppError> {
    use crate::models::UserRole;
    use crate::store::surveys::Scope;
    let user = crate::state::require_user().await?;
    let db = crate::state::db()?;
    let found = crate::surveys::templates::by_code(&template).ok_or(AppError::NotFound)?;
    let (scope, name) = match (user.role, organisation_id) {
        (UserRole::Methodologist, None) => (Scope::District(user.district_id), crate::store::orgs::district(&db, user.district_id).await?.name),
        _ => {
            let place = super::school_for(&user, organisation_id).await?;
            (Scope::School(place.organisation_id), crate::store::orgs::organisation(&db, place.organisation_id).await?.name)
        }
    };
    let questions = before_after_of(&db, scope, found).await?;
    let charts = questions.iter().map(|q| crate::reports::charts::to_json(&crate::reports::charts::before_after(q, &[]))).collect();
    Ok(BeforeAfterReport { scope: name, title: found.title.into(), questions, charts })
}

/// The comparison itself, apart from the caller checks (benchmarks and tests call it).
#[cfg(feature = "ssr")]
pub async fn before_after_of(
    db: &crate::store::Db,
    scope: crate::store::surveys::Scope,
    template: &crate::surveys::templates::Template,
) -> Result<Vec<BeforeAfter>, sqlx::Error> {
    use crate::store::surveys::{linked_respondents, template_counts};
    use crate::surveys::stats::{before_after, fold_counts};
    use crate::surveys::WaveKind;
    use crate::surveys::QuestionKind;
    let definition = template.definition();
    // One answer row per respondent, except a multiple choice: only there the database counts
    // respondents; elsewhere they are the sum of the rows.
    let multiple: Vec<&str> = definition
        .questions()
        .filter(|q| matches!(q.kind, QuestionKind::MultipleChoice { .. }))
        .map(|q| q.key.as_str())
        .collect();
    let mut entry = fold_counts(template_counts(db, scope, template.code, WaveKind::Entry, &multiple).await?);
    let mut exit = fold_counts(template_counts(db, scope, template.code, WaveKind::Exit, &multiple).await?);
    let linked = linked_respondents(db, scope, template.code).await?;
    let counts = |tallies: &mut std::collections::BTreeMap<String, crate::surveys::stats::QuestionCounts>, key: &str| {
        let mut tally = tallies.remove(key).unwrap_or_default();
        if !multiple.contains(&key) {
            tally.answered = tally.per_choice.values().sum();
        }
        tally
    };
    Ok(definition
        .questions()
        .filter(|q| !q.kind.options().is_empty() || q.kind.is_scale() || q.kind == QuestionKind::YesNo)
        .map(|q| {
            let (entry, exit) = (counts(&mut entry, &q.key), counts(&mut exit, &q.key));
            before_after(q, entry, exit, linked)
        })
        .collect())
}

// --- SWOT -------------------------------------------------------------------------------------

/// A programme's SWOT board with the open answers that can be pulled into it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SwotBoard {
    pub programme_id: i64,
    pub programme_title: String,
    pub organisation: String,
    pub swot: crate::reports::Swot,
    /// `(question, answer)` from every wave of the programme.
    pub open_answers: Vec<(String, String)>,
    /// The caller is the school's curator.
    pub can_edit: bool,
}

/// The SWOT board, for whoever may read the programme's school.
#[server(prefix = "/api", endpoint = "reports/swot", input = Json)]
pub async fn get_swot(programme_id: i64) -> Result<SwotBoard, AppError> {
    use crate::store::{programmes, reports};
    let user = crate::state::require_user().await?;
    let db = crate::state::db()?;
    let place = programmes::place(&db, programme_id).await?;
    if !crate::access::can_read_school(&user, place) {
        return Err(AppError::NotFound);
    }
    let (programme, organisation) = programmes::get(&db, programme_id).await?;
    Ok(SwotBoard {
        programme_id,
        programme_title: programme.title,
        organisation,
        swot: reports::swot(&db, programme_id).await?,
        open_answers: reports::open_answers(&db, programme_id).await?,
        can_edit: crate::access::can_write_school(&user, place),
    })
}

/// Saves the whole board (the school's curator). Returns it as stored: trimmed, no empty items.
#[server(prefix = "/api", endpoint = "reports/swot/save", input = Json)]
pub async fn save_swot(programme_id: i64, swot: crate::reports::Swot) -> Result<crate::reports::Swot, AppError> {
    use crate::store::{programmes, reports};
    let user = crate::state::require_user().await?;
    let db = crate::state::db()?;
    let place = programmes::place(&db, programme_id).await?;
    if !crate::access::can_write_school(&user, place) {
        return Err(if crate::access::can_read_school(&user, place) { AppError::Forbidden } else { AppError::NotFound });
    }
    let swot = swot.cleaned().map_err(AppError::Refused)?;
    reports::save_swot(&db, programme_id, &swot).await?;
    Ok(swot)
}

// --- The school's analytic report -------------------------------------------------------------

/// The analytic report of a school: a curator's own, or any of a methodologist's district.
#[server(prefix = "/api", endpoint = "reports/school", input = Json)]
pub async fn get_school_report(organisation_id: Option<i64>) -> Result<crate::reports::SchoolReport, AppError> {
    let user = crate::state::require_user().await?;
    let db = crate::state::db()?;
    let place = super::school_for(&user, organisation_id).await?;
    Ok(school_report(&db, place).await?)
}

/// The report itself, apart from the caller checks (the XLSX export and tests call it).
#[cfg(feature = "ssr")]
pub async fn school_report(db: &crate::store::Db, place: crate::access::Place) -> Result<crate::reports::SchoolReport, sqlx::Error> {
    use crate::reports::{charts, gather};
    use crate::store::surveys::Scope;
    let figures = crate::store::reports::school_figures(db, Scope::School(place.organisation_id))
        .await?
        .pop()
        .ok_or(sqlx::Error::RowNotFound)?;
    let district = crate::store::orgs::district(db, place.district_id).await?.name;
    let before_after = gather::comparisons(db, Scope::School(place.organisation_id), &figures.name).await?;
    let mut programmes = Vec::new();
    for programme in crate::store::programmes::list(db, place.organisation_id).await? {
        programmes.push(gather::programme_results(db, programme.id).await?);
    }
    let before_after_charts = before_after
        .iter()
        .flat_map(|c| c.report.questions.iter().map(move |q| (format!("{}/{}", c.template, q.key), charts::to_json(&charts::before_after(q, &[])))))
        .collect();
    Ok(crate::reports::SchoolReport {
        variants_chart: charts::to_json(&charts::variants(&figures)),
        figures,
        district,
        date: crate::store::today(),
        before_after,
        programmes,
        before_after_charts,
    })
}
