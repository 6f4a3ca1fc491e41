//! Programmes and their seven stages.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
use domain::models::*;

/// A school's programmes (the curator's own, or one a methodologist names).
#[server(prefix = "/api", endpoint = "programmes/list", input = Json)]
pub async fn list_programmes(organisation_id: Option<i64>) -> Result<Vec<Programme>, AppError> {
    let caller = crate::caller::Caller::current().await?;
    let place = caller.school(organisation_id).await?;
    Ok(crate::store::programmes::list(&caller.db, place.organisation_id).await?)
}

/// A new programme of the curator's school, its seven stages «не начат».
#[server(prefix = "/api", endpoint = "programmes/create", input = Json)]
pub async fn create_programme(input: ProgrammeInput) -> Result<i64, AppError> {
    let caller = crate::caller::Caller::current().await?;
    let place = caller.own_school_to_write().await?;
    let programme = input.parse(place.organisation_id).map_err(AppError::Validation)?;
    let id = crate::store::programmes::create(&caller.db, &programme).await?;
    let actor = crate::services::accounts::actor(&caller.user, Some(place.organisation_id));
    crate::store::audit::record(&caller.db, &actor, &domain::i18n::tr::audit_programme_created(&programme.title)).await?;
    tracing::info!(programme_id = id, organisation_id = place.organisation_id, "programme created");
    Ok(id)
}

/// Changes a programme (its curator, while it is not archived): title, form, models, period
/// and passport. A new period needs `period_reason`, recorded with it; the form and the models
/// its pairs use stay.
#[server(prefix = "/api", endpoint = "programmes/update", input = Json)]
pub async fn update_programme(
    programme_id: i64,
    input: ProgrammeInput,
    passport: PassportInput,
    #[server(default)] period_reason: String,
) -> Result<(), AppError> {
    let caller = crate::caller::Caller::current().await?;
    let place = caller.programme(programme_id, domain::access::Intent::Write).await?;
    let parsed = input.parse(place.organisation_id);
    let passport = passport.parse();
    let (programme, passport) = match (parsed, passport) {
        (Ok(programme), Ok(passport)) => (Programme { id: programme_id, ..programme }, passport),
        (parsed, passport) => {
            let mut errors = parsed.err().unwrap_or_default();
            errors.extend(passport.err().unwrap_or_default());
            return Err(AppError::Validation(errors));
        }
    };
    crate::services::programmes::update(&caller.db, &caller.user, &programme, &passport, &period_reason).await?;
    tracing::info!(programme_id, by = caller.user.id, "programme changed");
    Ok(())
}

/// A programme with its stages, for those who may read its school.
#[server(prefix = "/api", endpoint = "programmes/get", input = Json)]
pub async fn get_programme(id: i64) -> Result<ProgrammeOverview, AppError> {
    let caller = crate::caller::Caller::current().await?;
    let place = caller.programme(id, domain::access::Intent::Read).await?;
    Ok(ProgrammeOverview {
        detail: crate::store::programmes::detail(&caller.db, id).await?,
        can_edit: caller.may_change_programme(id, place).await?,
        archived_on: crate::store::programmes::archived_on(&caller.db, id).await?,
    })
}

/// Moves a programme to the archive (its curator): from then on it is read-only, and it stays
/// in the district's history and reports.
#[server(prefix = "/api", endpoint = "programmes/archive", input = Json)]
pub async fn archive_programme(programme_id: i64) -> Result<(), AppError> {
    let caller = crate::caller::Caller::current().await?;
    let place = caller.programme(programme_id, domain::access::Intent::Write).await?;
    crate::store::programmes::archive(&caller.db, programme_id).await?;
    let (programme, _) = crate::store::programmes::get(&caller.db, programme_id).await?;
    let actor = crate::services::accounts::actor(&caller.user, Some(place.organisation_id));
    crate::store::audit::record(&caller.db, &actor, &domain::i18n::tr::audit_programme_archived(&programme.title)).await?;
    tracing::info!(programme_id, by = caller.user.id, "programme archived");
    Ok(())
}

/// A programme's page: its detail, and whether the caller may change its stages.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ProgrammeOverview {
    #[serde(flatten)]
    pub detail: ProgrammeDetail,
    pub can_edit: bool,
    /// The day it went to the archive (read-only since).
    #[serde(default)]
    pub archived_on: Option<String>,
}

/// Sets a stage's status (the curator of the programme's school); the date is today.
#[server(prefix = "/api", endpoint = "programmes/stage", input = Json)]
pub async fn set_stage_status(programme_id: i64, stage: Stage, status: StageStatus) -> Result<(), AppError> {
    let caller = crate::caller::Caller::current().await?;
    caller.programme(programme_id, domain::access::Intent::Write).await?;
    Ok(crate::store::programmes::set_stage(&caller.db, programme_id, stage, status, None).await?)
}

/// The number, date and signatory of a programme's pairs order, once the curator gave them.
#[server(prefix = "/api", endpoint = "orders/get", input = Json)]
pub async fn get_order_details(programme_id: i64) -> Result<Option<OrderDetails>, AppError> {
    let caller = crate::caller::Caller::current().await?;
    caller.programme(programme_id, domain::access::Intent::Read).await?;
    Ok(crate::store::documents::pairs_order(&caller.db, programme_id).await?)
}

/// Registers the pairs order's number and date and the head who signs it (the curator).
#[server(prefix = "/api", endpoint = "orders/save", input = Json)]
pub async fn save_order_details(programme_id: i64, details: OrderDetails) -> Result<(), AppError> {
    let caller = crate::caller::Caller::current().await?;
    let place = caller.programme(programme_id, domain::access::Intent::Write).await?;
    let details = details.parse().map_err(AppError::Validation)?;
    crate::store::documents::save_pairs_order(&caller.db, place.organisation_id, programme_id, &details).await?;
    let (programme, _) = crate::store::programmes::get(&caller.db, programme_id).await?;
    let actor = crate::services::accounts::actor(&caller.user, Some(place.organisation_id));
    let summary = domain::i18n::tr::audit_order_registered(&programme.title, &details.number, &details.signed_on);
    crate::store::audit::record(&caller.db, &actor, &summary).await?;
    tracing::info!(programme_id, by = caller.user.id, "pairs order registered");
    Ok(())
}
