//! Results across waves: entry against exit for a school or the whole district.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use crate::error::AppError;
use domain::reports::BeforeAfterReport;

/// Before/after of the questionnaires made from `template`: for one school (a curator's own,
/// or any of a methodologist's district), or with no school, the methodologist's whole district.
#[server(prefix = "/api", endpoint = "reports/before_after", input = Json)]
pub async fn get_before_after(organisation_id: Option<i64>, template: String) -> Result<BeforeAfterReport, AppError> {
    use domain::models::UserRole;
    use crate::store::surveys::Scope;
    let caller = crate::caller::Caller::current().await?;
    let (user, db) = (&caller.user, &caller.db);
    let found = domain::surveys::templates::by_code(&template).ok_or(AppError::NotFound)?;
    let (scope, name) = match (user.role, organisation_id) {
        (UserRole::Methodologist, None) => (Scope::District(user.district_id), crate::store::orgs::district(db, user.district_id).await?.name),
        _ => {
            let place = caller.school(organisation_id).await?;
            (Scope::School(place.organisation_id), crate::store::orgs::organisation(db, place.organisation_id).await?.name)
        }
    };
    let questions = crate::services::reports::before_after_of(db, scope, found).await?;
    let charts = questions.iter().map(|q| crate::charts::to_json(&crate::charts::before_after(q, &[]))).collect();
    Ok(BeforeAfterReport { scope: name, title: found.title.into(), questions, charts })
}

// --- SWOT -------------------------------------------------------------------------------------

/// A programme's SWOT board with the open answers that can be pulled into it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SwotBoard {
    pub programme_id: i64,
    pub programme_title: String,
    pub organisation: String,
    pub swot: domain::reports::Swot,
    /// `(question, answer)` from every wave of the programme.
    pub open_answers: Vec<(String, String)>,
    /// The caller is the school's curator.
    pub can_edit: bool,
}

/// The SWOT board, for whoever may read the programme's school.
#[server(prefix = "/api", endpoint = "reports/swot", input = Json)]
pub async fn get_swot(programme_id: i64) -> Result<SwotBoard, AppError> {
    use crate::store::{programmes, reports};
    let caller = crate::caller::Caller::current().await?;
    let place = caller.programme(programme_id, domain::access::Intent::Read).await?;
    let db = &caller.db;
    let (programme, organisation) = programmes::get(db, programme_id).await?;
    Ok(SwotBoard {
        programme_id,
        programme_title: programme.title,
        organisation,
        swot: reports::swot(db, programme_id).await?,
        open_answers: reports::open_answers(db, programme_id).await?,
        can_edit: caller.may_write(place),
    })
}

/// Saves the whole board (the school's curator). Returns it as stored: trimmed, no empty items.
#[server(prefix = "/api", endpoint = "reports/swot/save", input = Json)]
pub async fn save_swot(programme_id: i64, swot: domain::reports::Swot) -> Result<domain::reports::Swot, AppError> {
    let caller = crate::caller::Caller::current().await?;
    caller.programme(programme_id, domain::access::Intent::Write).await?;
    let swot = swot.cleaned().map_err(AppError::Refused)?;
    crate::store::reports::save_swot(&caller.db, programme_id, &swot).await?;
    Ok(swot)
}

// --- The school's analytic report -------------------------------------------------------------

/// The analytic report of a school: a curator's own, or any of a methodologist's district.
#[server(prefix = "/api", endpoint = "reports/school", input = Json)]
pub async fn get_school_report(organisation_id: Option<i64>) -> Result<domain::reports::SchoolReport, AppError> {
    let caller = crate::caller::Caller::current().await?;
    let place = caller.school(organisation_id).await?;
    Ok(crate::services::reports::school_report(&caller.db, place).await?)
}
