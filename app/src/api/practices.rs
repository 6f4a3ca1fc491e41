//! The bank of best practices: read by the district's curators and coordinator, published by
//! a school's curator, marked for the forum by the coordinator.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use crate::error::AppError;
use domain::models::{Practice, PracticeFilter, PracticeInput, Programme};

/// The bank as its page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PracticesPage {
    pub practices: Vec<Practice>,
    /// The caller's school, whose practices they may change (a curator).
    pub own_school: Option<i64>,
    /// The curator's programmes, for a practice that comes from one.
    pub programmes: Vec<Programme>,
    /// Whether the caller marks practices for the forum (the coordinator).
    pub marks_forum: bool,
}

/// The district's practices that match the filter: its curators and its coordinator.
#[server(prefix = "/api", endpoint = "practices/list", input = Json)]
pub async fn list_practices(filter: PracticeFilter) -> Result<PracticesPage, AppError> {
    use domain::models::UserRole;
    let caller = crate::caller::Caller::current().await?;
    let (own_school, programmes) = match caller.user.role {
        UserRole::Curator => {
            let place = caller.own_school_to_write().await?;
            (Some(place.organisation_id), crate::store::programmes::list(&caller.db, place.organisation_id).await?)
        }
        UserRole::Methodologist => (None, Vec::new()),
        UserRole::Mentor | UserRole::Mentee => return Err(AppError::Forbidden),
    };
    let practices = crate::store::practices::of_district(&caller.db, caller.user.district_id).await?.into_iter().filter(|p| filter.matches(p)).collect();
    Ok(PracticesPage { practices, own_school, programmes, marks_forum: caller.user.role == UserRole::Methodologist })
}

/// Publishes (`id` empty) or changes a practice of the curator's school.
#[server(prefix = "/api", endpoint = "practices/save", input = Json)]
pub async fn save_practice(id: Option<i64>, input: PracticeInput) -> Result<i64, AppError> {
    use crate::store::{practices, programmes};
    let caller = crate::caller::Caller::current().await?;
    let school = caller.own_school_to_write().await?;
    let practice = domain::models::NewPractice::parse(&input).map_err(AppError::Validation)?;
    if let Some(programme_id) = practice.programme_id {
        match programmes::place(&caller.db, programme_id).await {
            Ok(place) if place == school => {}
            _ => return Err(AppError::field("programme_id", domain::i18n::tr::ERR_PROGRAMME)),
        }
    }
    match id {
        None => {
            let today = crate::services::pair_work::today_for(&caller.user);
            Ok(practices::insert(&caller.db, school.organisation_id, &practice, &caller.user.display_name, &today).await?)
        }
        Some(id) => {
            if practices::organisation_of(&caller.db, id).await? != school.organisation_id {
                return Err(AppError::NotFound);
            }
            practices::update(&caller.db, id, &practice).await?;
            Ok(id)
        }
    }
}

/// Takes a practice of the curator's school out of the bank.
#[server(prefix = "/api", endpoint = "practices/delete", input = Json)]
pub async fn delete_practice(id: i64) -> Result<(), AppError> {
    let caller = crate::caller::Caller::current().await?;
    let school = caller.own_school_to_write().await?;
    if crate::store::practices::organisation_of(&caller.db, id).await? != school.organisation_id {
        return Err(AppError::NotFound);
    }
    crate::store::practices::delete(&caller.db, id).await?;
    Ok(())
}

/// The coordinator marks a practice of the district for the forum (or takes the mark off).
#[server(prefix = "/api", endpoint = "practices/forum", input = Json)]
pub async fn mark_for_forum(id: i64, for_forum: bool) -> Result<(), AppError> {
    let caller = crate::caller::Caller::current().await?;
    caller.methodologist()?;
    let organisation_id = crate::store::practices::organisation_of(&caller.db, id).await?;
    if crate::store::orgs::place(&caller.db, organisation_id).await?.district_id != caller.user.district_id {
        return Err(AppError::NotFound);
    }
    crate::store::practices::set_for_forum(&caller.db, id, for_forum).await?;
    Ok(())
}
