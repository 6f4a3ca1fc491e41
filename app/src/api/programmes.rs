//! Programmes and their seven stages.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
use crate::models::*;

/// A school's programmes (the curator's own, or one a methodologist names).
#[server(prefix = "/api", endpoint = "programmes/list", input = Json)]
pub async fn list_programmes(organisation_id: Option<i64>) -> Result<Vec<Programme>, AppError> {
    let user = crate::state::require_user().await?;
    let place = super::school_for(&user, organisation_id).await?;
    Ok(crate::store::programmes::list(&crate::state::db()?, place.organisation_id).await?)
}

/// A programme with its stages, for those who may read its school.
#[server(prefix = "/api", endpoint = "programmes/get", input = Json)]
pub async fn get_programme(id: i64) -> Result<ProgrammeDetail, AppError> {
    use crate::store::programmes;
    let user = crate::state::require_user().await?;
    let db = crate::state::db()?;
    let place = programmes::place(&db, id).await?;
    if !crate::access::can_read_school(&user, place) {
        return Err(AppError::NotFound);
    }
    Ok(programmes::detail(&db, id).await?)
}

/// Sets a stage's status (the curator of the programme's school); the date is today.
#[server(prefix = "/api", endpoint = "programmes/stage", input = Json)]
pub async fn set_stage_status(programme_id: i64, stage: Stage, status: StageStatus) -> Result<(), AppError> {
    use crate::store::programmes;
    let user = crate::state::require_user().await?;
    let db = crate::state::db()?;
    let place = programmes::place(&db, programme_id).await?;
    if !crate::access::can_write_school(&user, place) {
        return Err(if crate::access::can_read_school(&user, place) { AppError::Forbidden } else { AppError::NotFound });
    }
    Ok(programmes::set_stage(&db, programme_id, stage, status, None).await?)
}
