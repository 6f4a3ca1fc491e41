//! Prior relationships between two participants of a school (former class teacher,
//! relative, line manager): recorded by the curator, warned about when a pair is formed.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
#[cfg(feature = "ssr")]
use domain::access::Intent;
use domain::models::*;

/// A participant's relationships, for whoever may read the participant's school.
#[server(prefix = "/api", endpoint = "relationships/list", input = Json)]
pub async fn list_relationships(participant_id: i64) -> Result<Vec<Relationship>, AppError> {
    let caller = crate::caller::Caller::current().await?;
    let (_, place) = caller.participant(participant_id, Intent::Read).await?;
    // Relationships are the school's knowledge, not the person's: not shown to themself.
    if !domain::access::can_read_school(&caller.user, place) {
        return Err(AppError::NotFound);
    }
    Ok(crate::store::participants::relationships_of(&caller.db, participant_id).await?)
}

/// Records a relationship between two participants of the curator's own school.
#[server(prefix = "/api", endpoint = "relationships/add", input = Json)]
pub async fn add_relationship(participant_id: i64, other_id: i64, kind: RelationshipKind) -> Result<i64, AppError> {
    use crate::store::participants;
    let caller = crate::caller::Caller::current().await?;
    let (_, place) = caller.participant(participant_id, Intent::Write).await?;
    let db = &caller.db;
    if other_id == participant_id {
        return Err(AppError::field("other_id", domain::i18n::tr::ERR_RELATION_SELF));
    }
    let other_place = match participants::get(db, other_id).await {
        Ok((_, other_place)) => other_place,
        Err(sqlx::Error::RowNotFound) => return Err(AppError::field("other_id", domain::i18n::tr::ERR_RELATION_OTHER)),
        Err(e) => return Err(e.into()),
    };
    if other_place != place {
        return Err(AppError::field("other_id", domain::i18n::tr::ERR_RELATION_OTHER));
    }
    participants::add_relationship(db, participant_id, other_id, kind).await.map_err(|e| match e {
        sqlx::Error::Database(_) => AppError::field("other_id", domain::i18n::tr::ERR_RELATION_EXISTS),
        other => other.into(),
    })
}

/// Removes a relationship recorded in the curator's own school.
#[server(prefix = "/api", endpoint = "relationships/remove", input = Json)]
pub async fn remove_relationship(id: i64) -> Result<(), AppError> {
    use crate::store::participants;
    let caller = crate::caller::Caller::current().await?;
    let owner = participants::relationship_owner(&caller.db, id).await?;
    caller.participant(owner, Intent::Write).await?;
    Ok(participants::remove_relationship(&caller.db, id).await?)
}
