//! Prior relationships between two participants of a school (former class teacher,
//! relative, line manager): recorded by the curator, warned about when a pair is formed.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
use crate::models::*;

/// A participant's relationships, for whoever may read the participant's school.
#[server(prefix = "/api", endpoint = "relationships/list", input = Json)]
pub async fn list_relationships(participant_id: i64) -> Result<Vec<Relationship>, AppError> {
    use crate::store::participants;
    let user = crate::state::require_user().await?;
    let db = crate::state::db()?;
    let (_, place) = participants::get(&db, participant_id).await?;
    if !crate::access::can_read_school(&user, place) {
        return Err(AppError::NotFound);
    }
    Ok(participants::relationships_of(&db, participant_id).await?)
}

/// Records a relationship between two participants of the curator's own school.
#[server(prefix = "/api", endpoint = "relationships/add", input = Json)]
pub async fn add_relationship(participant_id: i64, other_id: i64, kind: RelationshipKind) -> Result<i64, AppError> {
    use crate::store::participants;
    let user = crate::state::require_user().await?;
    let db = crate::state::db()?;
    let (_, place) = participants::get(&db, participant_id).await?;
    if !crate::access::can_write_school(&user, place) {
        return Err(AppError::NotFound);
    }
    if other_id == participant_id {
        return Err(AppError::field("other_id", crate::i18n::tr::ERR_RELATION_SELF));
    }
    let other_place = match participants::get(&db, other_id).await {
        Ok((_, other_place)) => other_place,
        Err(sqlx::Error::RowNotFound) => return Err(AppError::field("other_id", crate::i18n::tr::ERR_RELATION_OTHER)),
        Err(e) => return Err(e.into()),
    };
    if other_place != place {
        return Err(AppError::field("other_id", crate::i18n::tr::ERR_RELATION_OTHER));
    }
    participants::add_relationship(&db, participant_id, other_id, kind).await.map_err(|e| match e {
        sqlx::Error::Database(_) => AppError::field("other_id", crate::i18n::tr::ERR_RELATION_EXISTS),
        other => other.into(),
    })
}

/// Removes a relationship recorded in the curator's own school.
#[server(prefix = "/api", endpoint = "relationships/remove", input = Json)]
pub async fn remove_relationship(id: i64) -> Result<(), AppError> {
    use crate::store::participants;
    let user = crate::state::require_user().await?;
    let db = crate::state::db()?;
    let owner = participants::relationship_owner(&db, id).await?;
    let (_, place) = participants::get(&db, owner).await?;
    if !crate::access::can_write_school(&user, place) {
        return Err(AppError::NotFound);
    }
    Ok(participants::remove_relationship(&db, id).await?)
}
