//! Reading the figures a report or a deck shows from the store.

use crate::store::surveys::Scope;
use crate::store::{self, Db};
use crate::surveys::templates;

use super::kirkpatrick::kirkpatrick;
use super::{ProgrammeResults, SchoolComparisons, Snapshot, TemplateComparison};

/// A programme's Kirkpatrick levels (from every wave it gave) and SWOT.
pub async fn programme_results(db: &Db, programme_id: i64) -> Result<ProgrammeResults, sqlx::Error> {
    let (programme, organisation) = store::programmes::get(db, programme_id).await?;
    let mut measured = Vec::new();
    for wave in store::surveys::waves_of(db, programme_id).await? {
        let (results, latest) = store::surveys::wave_results_with_definition(db, wave.id).await?;
        for stats in results.questions {
            if let Some(question) = latest.question(&stats.key) {
                measured.push((question.clone(), stats));
            }
        }
    }
    Ok(ProgrammeResults {
        programme_id,
        title: programme.title,
        organisation,
        kirkpatrick: kirkpatrick(measured.iter().map(|(q, s)| (q, s))),
        swot: store::reports::swot(db, programme_id).await?,
    })
}

/// Entry against exit for every template with both waves answered in the scope.
pub async fn comparisons(db: &Db, scope: Scope, scope_name: &str) -> Result<Vec<TemplateComparison>, sqlx::Error> {
    let mut out = Vec::new();
    for template in templates::TEMPLATES {
        let questions = crate::api::reports::before_after_of(db, scope, template).await?;
        if questions.iter().any(|q| q.entry_n > 0 && q.exit_n > 0) {
            out.push(TemplateComparison {
                template: template.code.to_owned(),
                report: crate::api::reports::BeforeAfterReport {
                    scope: scope_name.to_owned(),
                    title: template.title.to_owned(),
                    questions,
                    charts: Vec::new(),
                },
            });
        }
    }
    Ok(out)
}

/// The programmes of a scope that have results to show (Kirkpatrick answers or a SWOT).
pub async fn programmes_with_results(db: &Db, organisation_ids: &[i64]) -> Result<Vec<ProgrammeResults>, sqlx::Error> {
    let mut out = Vec::new();
    for organisation_id in organisation_ids {
        for programme in store::programmes::list(db, *organisation_id).await? {
            let results = programme_results(db, programme.id).await?;
            if results.kirkpatrick.has_data() || !results.swot.is_empty() {
                out.push(results);
            }
        }
    }
    Ok(out)
}

/// Everything a district deck can show, as of now.
pub async fn snapshot(db: &Db, district_id: i64) -> Result<Snapshot, sqlx::Error> {
    let district = store::orgs::district(db, district_id).await?;
    let schools = store::reports::school_figures(db, Scope::District(district_id)).await?;
    let ids: Vec<i64> = schools.iter().map(|s| s.organisation_id).collect();
    let mut school_before_after = Vec::new();
    for school in &schools {
        let found = comparisons(db, Scope::School(school.organisation_id), &school.name).await?;
        if !found.is_empty() {
            school_before_after.push(SchoolComparisons { organisation_id: school.organisation_id, comparisons: found });
        }
    }
    Ok(Snapshot {
        taken_at: now_minutes(),
        before_after: comparisons(db, Scope::District(district_id), &district.name).await?,
        school_before_after,
        programmes: programmes_with_results(db, &ids).await?,
        district,
        schools,
    })
}

/// Now as `YYYY-MM-DD HH:MM` (UTC): the moment a snapshot was taken, to the minute.
pub fn now_minutes() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!("{} {:02}:{:02}", now.date(), now.hour(), now.minute())
}
