//! Who may sign in: a curator gives the school's mentors and mentees access («Выдать доступ»)
//! and a coordinator the schools' curators, each as a one-time invitation code on a slip; the
//! person chooses their password at the first entry (`auth/welcome`).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::caller::Caller;
use crate::error::AppError;
use domain::models::{Access, InvitationSlip, ParticipantRole};

/// A mentor or mentee of the school with their access.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonAccess {
    pub participant_id: i64,
    pub user_id: Option<i64>,
    pub name: String,
    pub role: ParticipantRole,
    pub login: Option<String>,
    pub access: Access,
}

/// The access page of a school.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SchoolAccess {
    pub school: String,
    pub can_edit: bool,
    pub people: Vec<PersonAccess>,
}

/// A school of the district and its curator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CuratorAccess {
    pub organisation_id: i64,
    pub school: String,
    pub user_id: Option<i64>,
    pub login: Option<String>,
    pub name: Option<String>,
    pub access: Access,
}

/// The most people given access in one go (a school's whole base fits).
pub const INVITE_AT_ONCE: usize = 500;

/// The school's mentors and mentees with their access: its curator, or a coordinator (reading).
#[server(prefix = "/api", endpoint = "accounts/school", input = Json)]
pub async fn get_school_access(organisation_id: Option<i64>) -> Result<SchoolAccess, AppError> {
    let caller = Caller::current().await?;
    let place = caller.school(organisation_id).await?;
    let people = crate::store::invitations::of_school(&caller.db, place.organisation_id).await?;
    Ok(SchoolAccess {
        school: crate::store::orgs::organisation(&caller.db, place.organisation_id).await?.name,
        can_edit: caller.may_write(place),
        people: people
            .into_iter()
            .map(|p| PersonAccess { participant_id: p.participant_id, user_id: p.user_id, name: p.name, role: p.role, login: p.login, access: p.access })
            .collect(),
    })
}

/// «Выдать доступ»: for each named participant of the curator's school, an account if needed
/// and a new invitation (an earlier code, password and sessions stop working). The slips are
/// shown once; only the codes' hashes are kept.
#[server(prefix = "/api", endpoint = "accounts/invite", input = Json)]
pub async fn invite_participants(participant_ids: Vec<i64>) -> Result<Vec<InvitationSlip>, AppError> {
    let caller = Caller::current().await?;
    let place = caller.own_school_to_write().await?;
    if participant_ids.is_empty() || participant_ids.len() > INVITE_AT_ONCE {
        return Err(AppError::Refused(domain::i18n::tr::ACCESS_PICK.into()));
    }
    crate::services::accounts::invite_participants(&caller.db, place.organisation_id, &participant_ids, &caller.user).await
}

/// The district's schools with their curators (the coordinator's page).
#[server(prefix = "/api", endpoint = "accounts/curators", input = Json)]
pub async fn list_curators() -> Result<Vec<CuratorAccess>, AppError> {
    let caller = Caller::current().await?;
    caller.methodologist()?;
    let rows = crate::store::invitations::curators_of_district(&caller.db, caller.user.district_id).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let (user_id, login, name, access) = match row.curator {
                Some((id, login, name, access)) => (Some(id), Some(login), Some(name), access),
                None => (None, None, None, Access::None),
            };
            CuratorAccess { organisation_id: row.organisation_id, school: row.school, user_id, login, name, access }
        })
        .collect())
}

/// A curator's account for a school of the coordinator's district, with its invitation slip.
#[server(prefix = "/api", endpoint = "accounts/add_curator", input = Json)]
pub async fn add_curator(organisation_id: i64, login: String, display_name: String) -> Result<InvitationSlip, AppError> {
    use domain::i18n::tr;
    let caller = Caller::current().await?;
    caller.methodologist()?;
    let place = caller.school(Some(organisation_id)).await?;
    let mut errors = domain::FieldErrors::new();
    let login = domain::models::Login::parse(&login).map_err(|e| errors.insert("login".into(), e.into())).ok();
    let display_name = domain::models::text::clean(&display_name).unwrap_or_default();
    if display_name.is_empty() {
        errors.insert("display_name".into(), tr::ERR_NAME_REQUIRED.into());
    }
    let Some(login) = login.filter(|_| errors.is_empty()) else { return Err(AppError::Validation(errors)) };
    crate::services::accounts::add_curator(&caller.db, place.organisation_id, login, display_name, &caller.user).await
}

/// A new invitation for a curator of the coordinator's district: their password and sessions end.
#[server(prefix = "/api", endpoint = "accounts/reset_curator", input = Json)]
pub async fn reset_curator(user_id: i64) -> Result<InvitationSlip, AppError> {
    use domain::models::UserRole;
    let caller = Caller::current().await?;
    caller.methodologist()?;
    let organisation_id = match crate::store::invitations::account_place(&caller.db, user_id).await? {
        Some((district_id, UserRole::Curator, organisation_id)) if district_id == caller.user.district_id => organisation_id,
        _ => return Err(AppError::NotFound),
    };
    crate::services::accounts::reset_access(&caller.db, user_id, organisation_id, &caller.user).await
}

/// The audit log: a coordinator sees the district's (or one school's), a curator their school's.
#[server(prefix = "/api", endpoint = "audit/list", input = Json)]
pub async fn audit_log(organisation_id: Option<i64>) -> Result<Vec<domain::models::AuditLine>, AppError> {
    use domain::models::UserRole;
    let caller = Caller::current().await?;
    let scope = match (caller.user.role, organisation_id) {
        (UserRole::Methodologist, None) => None,
        _ => Some(caller.school(organisation_id).await?.organisation_id),
    };
    Ok(crate::store::audit::lines(&caller.db, caller.user.district_id, scope).await?)
}

/// Disables an account at once (its sessions end; it signs in nowhere): a curator's for the
/// coordinator of its district, a mentor's or mentee's for the curator of their school. Giving
/// access again enables it with a new code.
#[server(prefix = "/api", endpoint = "accounts/disable", input = Json)]
pub async fn disable_account(user_id: i64) -> Result<(), AppError> {
    use domain::models::UserRole::*;
    let caller = Caller::current().await?;
    let place = crate::store::invitations::account_place(&caller.db, user_id).await?;
    let allowed = match (caller.user.role, place) {
        (Methodologist, Some((district, Curator, _))) => district == caller.user.district_id,
        (Curator, Some((district, Mentor | Mentee, school))) => {
            district == caller.user.district_id && school.is_some() && school == caller.user.organisation_id
        }
        _ => false,
    };
    let Some((_, _, organisation_id)) = place.filter(|_| allowed) else { return Err(AppError::NotFound) };
    let login = crate::store::users::login_of(&caller.db, user_id).await?;
    crate::store::users::disable(&caller.db, &login).await?;
    let actor = crate::services::accounts::actor(&caller.user, organisation_id);
    crate::store::audit::record(&caller.db, &actor, &domain::i18n::tr::audit_user_disabled(&login)).await?;
    tracing::info!(user_id, by = caller.user.id, "account disabled");
    Ok(())
}
