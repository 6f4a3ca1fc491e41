//! Reading the figures a report or a deck shows from the store.

use domain::surveys::stats::BeforeAfter;

use crate::store::surveys::Scope;
use crate::store::{self, Conn};
use domain::surveys::templates;

use domain::reports::kirkpatrick::kirkpatrick;
use domain::reports::{ProgrammeResults, SchoolComparisons, Snapshot, TemplateComparison};

/// A programme's Kirkpatrick levels (from every wave it gave) and SWOT.
pub async fn programme_results(db: impl Conn, programme_id: i64) -> Result<ProgrammeResults, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let (programme, organisation) = store::programmes::get(&mut *conn, programme_id).await?;
    let mut measured = Vec::new();
    for wave in store::surveys::waves_of(&mut *conn, programme_id).await? {
        let (results, latest) = store::surveys::wave_results_with_definition(&mut *conn, wave.id).await?;
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
        swot: store::reports::swot(&mut *conn, programme_id).await?,
        work: work_of(&mut conn, programme_id, programme.form).await?,
    })
}

/// A programme's pairs' year in figures, as of today.
async fn work_of(conn: &mut sqlx::AnyConnection, programme_id: i64, form: domain::models::MentoringForm) -> Result<domain::reports::final_report::WorkFigures, sqlx::Error> {
    use store::pair_work;
    let pairs: Vec<(i64, Vec<i64>)> = pair_work::pairs_of_programme(&mut *conn, programme_id).await?.into_iter().map(|(mentor, _, mentees)| (mentor, mentees)).collect();
    let meetings = pair_work::meetings_of_programme(&mut *conn, programme_id).await?;
    let rows = pair_work::plan_rows_of_programme(&mut *conn, programme_id, domain::models::plans_by_competence(form)).await?;
    let decisions: Vec<(i64, domain::models::Decision)> = pair_work::completions(&mut *conn, programme_id)
        .await?
        .into_iter()
        .filter_map(|(mentee, c)| c.outcome.map(|o| (mentee, o.decision)))
        .collect();
    Ok(domain::reports::final_report::work_figures(&pairs, &meetings, &rows, &decisions, &store::today()))
}

/// Entry against exit for every template with both waves answered in the scope.
pub async fn comparisons(db: impl Conn, scope: Scope, scope_name: &str) -> Result<Vec<TemplateComparison>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let mut out = Vec::new();
    for template in templates::TEMPLATES {
        let questions = before_after_of(&mut *conn, scope, template).await?;
        if questions.iter().any(|q| q.entry_n > 0 && q.exit_n > 0) {
            out.push(TemplateComparison {
                template: template.code.to_owned(),
                report: domain::reports::BeforeAfterReport {
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
pub async fn programmes_with_results(db: impl Conn, organisation_ids: &[i64]) -> Result<Vec<ProgrammeResults>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let mut out = Vec::new();
    for organisation_id in organisation_ids {
        for programme in store::programmes::list(&mut *conn, *organisation_id).await? {
            let results = programme_results(&mut *conn, programme.id).await?;
            if results.kirkpatrick.has_data() || !results.swot.is_empty() || results.work.meetings_held > 0 || results.work.plan.planned > 0 {
                out.push(results);
            }
        }
    }
    Ok(out)
}

/// Everything a district deck can show, as of now.
pub async fn snapshot(db: impl Conn, district_id: i64) -> Result<Snapshot, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let district = store::orgs::district(&mut *conn, district_id).await?;
    let schools = store::reports::school_figures(&mut *conn, Scope::District(district_id)).await?;
    let ids: Vec<i64> = schools.iter().map(|s| s.organisation_id).collect();
    let mut school_before_after = Vec::new();
    for school in &schools {
        let found = comparisons(&mut *conn, Scope::School(school.organisation_id), &school.name).await?;
        if !found.is_empty() {
            school_before_after.push(SchoolComparisons { organisation_id: school.organisation_id, comparisons: found });
        }
    }
    Ok(Snapshot {
        taken_at: now_minutes(),
        before_after: comparisons(&mut *conn, Scope::District(district_id), &district.name).await?,
        school_before_after,
        programmes: programmes_with_results(&mut *conn, &ids).await?,
        practices: store::practices::of_district(&mut *conn, district_id).await?.into_iter().filter(|p| p.for_forum).collect(),
        district,
        schools,
    })
}

/// Now as `YYYY-MM-DD HH:MM` (UTC): the moment a snapshot was taken, to the minute.
pub fn now_minutes() -> String {
    crate::store::now().get(..16).unwrap_or_default().replace('T', " ")
}

/// The comparison itself, apart from the caller checks (benchmarks and tests call it).
pub async fn before_after_of(
    db: impl Conn,
    scope: crate::store::surveys::Scope,
    template: &domain::surveys::templates::Template,
) -> Result<Vec<BeforeAfter>, sqlx::Error> {
    use crate::store::surveys::{linked_respondents, template_counts};
    use domain::surveys::stats::{before_after, fold_counts};
    use domain::surveys::WaveKind;
    use domain::surveys::QuestionKind;
    let mut conn = db.acquire().await?;
    let definition = template.definition();
    // One answer row per respondent, except a multiple choice: only there the database counts
    // respondents; elsewhere they are the sum of the rows.
    let multiple: Vec<&str> = definition
        .questions()
        .filter(|q| matches!(q.kind, QuestionKind::MultipleChoice { .. }))
        .map(|q| q.key.as_str())
        .collect();
    let mut entry = fold_counts(template_counts(&mut *conn, scope, template.code, WaveKind::Entry, &multiple).await?);
    let mut exit = fold_counts(template_counts(&mut *conn, scope, template.code, WaveKind::Exit, &multiple).await?);
    let linked = linked_respondents(&mut *conn, scope, template.code).await?;
    let anonymous = crate::store::surveys::anonymous_in_scope(&mut *conn, scope, template.code).await?;
    let counts = |tallies: &mut std::collections::BTreeMap<String, domain::surveys::stats::QuestionCounts>, key: &str| {
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
            before_after(q, entry, exit, linked).hiding_few(anonymous)
        })
        .collect())
}

/// The report itself, apart from the caller checks (the XLSX export and tests call it).
pub async fn school_report(db: impl Conn, place: domain::access::Place) -> Result<domain::reports::SchoolReport, sqlx::Error> {
    use crate::charts;
    use crate::store::surveys::Scope;
    let mut conn = db.acquire().await?;
    let figures = crate::store::reports::school_figures(&mut *conn, Scope::School(place.organisation_id))
        .await?
        .pop()
        .ok_or(sqlx::Error::RowNotFound)?;
    let district = crate::store::orgs::district(&mut *conn, place.district_id).await?.name;
    let before_after = comparisons(&mut *conn, Scope::School(place.organisation_id), &figures.name).await?;
    let mut programmes = Vec::new();
    for programme in crate::store::programmes::list(&mut *conn, place.organisation_id).await? {
        programmes.push(programme_results(&mut *conn, programme.id).await?);
    }
    let before_after_charts = before_after
        .iter()
        .flat_map(|c| c.report.questions.iter().map(move |q| (format!("{}/{}", c.template, q.key), charts::to_json(&charts::before_after(q, &[])))))
        .collect();
    Ok(domain::reports::SchoolReport {
        variants_chart: charts::to_json(&charts::variants(&figures)),
        figures,
        district,
        date: crate::store::today(),
        before_after,
        programmes,
        before_after_charts,
    })
}
