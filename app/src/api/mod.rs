//! Server functions: the only doors from the browser into the server. Each one checks the
//! caller first, parses its input into domain types, then calls the store.

pub mod auth;
pub mod board;
pub mod decks;
pub mod import;
pub mod participants;
pub mod programmes;
pub mod relationships;
pub mod reports;
pub mod surveys;

#[cfg(feature = "ssr")]
use crate::{error::AppError, models::CurrentUser, models::UserRole};

/// The school a caller works on: a curator's own (asking for another is refused),
/// or the requested one for a methodologist of its district.
#[cfg(feature = "ssr")]
pub(crate) async fn school_for(
    user: &CurrentUser,
    requested: Option<i64>,
) -> Result<crate::access::Place, AppError> {
    let db = crate::state::db()?;
    let organisation_id = match (user.role, requested, user.organisation_id) {
        (UserRole::Curator, None, Some(own)) => own,
        (UserRole::Curator | UserRole::Methodologist, Some(id), _) => id,
        _ => return Err(AppError::Forbidden),
    };
    let place = match crate::store::orgs::place(&db, organisation_id).await {
        Err(sqlx::Error::RowNotFound) => return Err(AppError::Forbidden),
        other => other?,
    };
    if crate::access::can_read_school(user, place) {
        Ok(place)
    } else {
        Err(AppError::Forbidden)
    }
}
