//! The participant base: list, read, save, delete; the district overview; one's own profile.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use crate::error::AppError;
use domain::models::*;

/// A school's base as the list page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantPage {
    pub organisation: Organisation,
    pub participants: Vec<Participant>,
    /// Whether the caller may change this base (its curator).
    pub can_edit: bool,
}

/// Lists a school's participants. Curators see their own school; a methodologist names one.
#[server(prefix = "/api", endpoint = "participants/list", input = Json)]
pub async fn list_participants(
    organisation_id: Option<i64>,
    filter: ParticipantFilter,
) -> Result<ParticipantPage, AppError> {
    use crate::store::{orgs, participants};
    let caller = crate::caller::Caller::current().await?;
    let place = caller.school(organisation_id).await?;
    Ok(ParticipantPage {
        organisation: orgs::organisation(&caller.db, place.organisation_id).await?,
        participants: participants::list(&caller.db, place.organisation_id, &filter).await?,
        can_edit: caller.may_write(place),
    })
}

/// One participant: for the school's curator and methodologist, and for the person themself.
#[server(prefix = "/api", endpoint = "participants/get", input = Json)]
pub async fn get_participant(id: i64) -> Result<Participant, AppError> {
    let caller = crate::caller::Caller::current().await?;
    Ok(caller.participant(id, domain::access::Intent::Read).await?.0)
}

/// Adds (`id` = `None`) or updates a person of the curator's own school with the programmes
/// they take part in (a role in each); returns the id.
#[server(prefix = "/api", endpoint = "participants/save", input = Json)]
pub async fn save_participant(
    id: Option<i64>,
    input: ParticipantInput,
    #[server(default)] participations: Vec<Participation>,
) -> Result<i64, AppError> {
    use crate::store::participants;
    let caller = crate::caller::Caller::current().await?;
    let own_school = caller.own_school_to_write().await?;
    let db = &caller.db;
    // An update first proves the participant is this school's (else: not found, nothing told).
    let current = match id {
        Some(id) => {
            let (current, place) = participants::get(db, id).await?;
            if place != own_school {
                return Err(AppError::NotFound);
            }
            Some(current)
        }
        None => None,
    };
    let data = NewParticipant::parse(&input).map_err(AppError::Validation)?;
    let id = crate::services::participants::save(db, &caller.user, own_school.organisation_id, current.as_ref(), &data, &participations).await?;
    tracing::info!(participant_id = id, "participant saved");
    Ok(id)
}

/// Removes a participant of the curator's own school.
#[server(prefix = "/api", endpoint = "participants/delete", input = Json)]
pub async fn delete_participant(id: i64) -> Result<(), AppError> {
    let caller = crate::caller::Caller::current().await?;
    caller.participant(id, domain::access::Intent::Write).await?;
    crate::store::participants::delete(&caller.db, id).await.map_err(|e| match e {
        sqlx::Error::Database(_) => AppError::Refused(domain::i18n::tr::ERR_IN_PAIR.into()),
        other => other.into(),
    })
}

/// The district page: its figures and its schools.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DistrictPage {
    pub district: District,
    pub organisations: Vec<OrganisationSummary>,
}

/// For a methodologist: the district's figures and every school's counts.
#[server(prefix = "/api", endpoint = "district/overview", input = Json)]
pub async fn district_overview() -> Result<DistrictPage, AppError> {
    use crate::store::orgs;
    let caller = crate::caller::Caller::current().await?;
    caller.methodologist()?;
    Ok(DistrictPage {
        district: orgs::district(&caller.db, caller.user.district_id).await?,
        organisations: orgs::summaries(&caller.db, caller.user.district_id).await?,
    })
}

/// A mentor's or mentee's own record, their pairs with what is next, and their reminders.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub participant: Participant,
    pub pairs: Vec<domain::models::PairAtHome>,
    pub reminders: Vec<domain::models::Reminder>,
    /// Today in the district, `YYYY-MM-DD`.
    pub today: String,
}

/// For a mentor or mentee: themself, their pairs and reminders, nothing else.
#[server(prefix = "/api", endpoint = "me/profile", input = Json)]
pub async fn my_profile() -> Result<Profile, AppError> {
    let caller = crate::caller::Caller::current().await?;
    let Some(participant_id) = caller.user.participant_id else {
        return Err(AppError::Forbidden);
    };
    let (participant, _) = crate::store::participants::get(&caller.db, participant_id).await?;
    let today = crate::services::pair_work::today_for(&caller.user);
    let (pairs, reminders) = crate::services::pair_work::home(&caller.db, participant_id, &today).await?;
    Ok(Profile { participant, pairs, reminders, today })
}

/// How many reminders the caller has: the badge in the header (mentors and mentees; zero for others).
#[server(prefix = "/api", endpoint = "me/reminders", input = Json)]
pub async fn my_reminder_count() -> Result<usize, AppError> {
    let caller = crate::caller::Caller::current().await?;
    let Some(participant_id) = caller.user.participant_id else { return Ok(0) };
    let today = crate::services::pair_work::today_for(&caller.user);
    Ok(crate::services::pair_work::home(&caller.db, participant_id, &today).await?.1.len())
}
