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
    Ok(BeforeAfterReport { scope: name, title: found.title.into(), questions: before_after_of(&db, scope, found).await? })
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
