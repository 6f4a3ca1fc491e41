//! Reading the figures a report or a deck shows from the store.

use domain::surveys::stats::BeforeAfter;

use crate::store::surveys::Scope;
use crate::store::{self, Db};
use domain::surveys::templates;

use domain::reports::kirkpatrick::kirkpatrick;
use domain::reports::{ProgrammeResults, SchoolComparisons, Snapshot, TemplateComparison};

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
        let questions = before_after_of(db, scope, template).await?;
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
    crate::store::now().get(..16).unwrap_or_default().replace('T', " ")
}

/// The comparison itself, apart from the caller checks (benchmarks and tests call it).
pub async fn before_after_of(
    db: &crate::store::Db,
    scope: crate::store::surveys::Scope,
    template: &domain::surveys::templates::Template,
) -> Result<Vec<BeforeAfter>, sqlx::Error> {
    use crate::store::surveys::{linked_respondents, template_counts};
    use domain::surveys::stats::{before_after, fold_counts};
    use domain::surveys::WaveKind;
    use domain::surveys::QuestionKind;
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
            before_after(q, entry, exit, linked)
        })
        .collect())
}

/// The report itself, apart from the caller checks (the XLSX export and tests call it).
pub async fn school_report(db: &crate::store::Db, place: domain::access::Place) -> Result<domain::reports::SchoolReport, sqlx::Error> {
    use crate::charts;
    use crate::store::surveys::Scope;
    let figures = crate::store::reports::school_figures(db, Scope::School(place.organisation_id))
        .await?
        .pop()
        .ok_or(sqlx::Error::RowNotFound)?;
    let district = crate::store::orgs::district(db, place.district_id).await?.name;
    let before_after = comparisons(db, Scope::School(place.organisation_id), &figures.name).await?;
    let mut programmes = Vec::new();
    for programme in crate::store::programmes::list(db, place.organisation_id).await? {
        programmes.push(programme_results(db, programme.id).await?);
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
