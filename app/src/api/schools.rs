//! The district's schools: the coordinator adds them and keeps their names and counts.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
use domain::models::{Organisation, SchoolInput};

/// The district's schools, by name (the coordinator's page).
#[server(prefix = "/api", endpoint = "schools/list", input = Json)]
pub async fn list_schools() -> Result<Vec<Organisation>, AppError> {
    let caller = crate::caller::Caller::current().await?;
    caller.methodologist()?;
    let summaries = crate::store::orgs::summaries(&caller.db, caller.user.district_id).await?;
    Ok(summaries.into_iter().map(|s| s.organisation).collect())
}

/// Adds a school to the coordinator's district (`id: None`) or changes one of its schools.
#[server(prefix = "/api", endpoint = "schools/save", input = Json)]
pub async fn save_school(id: Option<i64>, input: SchoolInput) -> Result<i64, AppError> {
    let caller = crate::caller::Caller::current().await?;
    caller.methodologist()?;
    if let Some(id) = id {
        // A school of another district is as unknown as a missing one.
        caller.school(Some(id)).await.map_err(|_| AppError::NotFound)?;
    }
    let school = domain::models::SchoolData::parse(&input).map_err(AppError::Validation)?;
    let name = school.name.clone();
    let new = id.is_none();
    let id = match id {
        Some(id) => {
            crate::store::orgs::update_organisation(&caller.db, id, &school).await?;
            id
        }
        None => {
            let new = Organisation {
                id: 0,
                district_id: caller.user.district_id,
                name: school.name,
                short_name: school.short_name,
                students_total: school.students_total,
                teachers_total: school.teachers_total,
                teachers_under_35: school.teachers_under_35,
                young_specialists: school.young_specialists,
                counts_on: school.counts_on,
            };
            crate::store::orgs::create_organisation(&caller.db, &new).await?
        }
    };
    let actor = crate::services::accounts::actor(&caller.user, Some(id));
    crate::store::audit::record(&caller.db, &actor, &domain::i18n::tr::audit_school_saved(&name, new)).await?;
    tracing::info!(organisation_id = id, by = caller.user.id, "school saved");
    Ok(id)
}
