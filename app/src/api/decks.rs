//! Decks: a methodologist's slides over a snapshot of the district's figures.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
use domain::reports::deck::{Deck, DeckSummary, Slide};
use domain::reports::Snapshot;

/// The caller, if a methodologist; decks are theirs.
#[cfg(feature = "ssr")]
async fn methodologist() -> Result<crate::caller::Caller, AppError> {
    let caller = crate::caller::Caller::current().await?;
    caller.methodologist()?;
    Ok(caller)
}

/// The caller, if they may open the deck.
#[cfg(feature = "ssr")]
async fn deck_caller(deck_id: i64) -> Result<crate::caller::Caller, AppError> {
    let caller = crate::caller::Caller::current().await?;
    caller.deck(deck_id).await?;
    Ok(caller)
}

#[server(prefix = "/api", endpoint = "decks/list", input = Json)]
pub async fn list_decks() -> Result<Vec<DeckSummary>, AppError> {
    let crate::caller::Caller { user, db } = methodologist().await?;
    Ok(crate::store::reports::decks(&db, user.district_id).await?)
}

/// A new deck on a snapshot taken now: the district talk (`story`) or a title slide alone.
#[server(prefix = "/api", endpoint = "decks/create", input = Json)]
pub async fn create_deck(title: String, story: bool) -> Result<i64, AppError> {
    use domain::reports::deck::{check, district_story, SlideContent};
    let crate::caller::Caller { user, db } = methodologist().await?;
    let snapshot = crate::services::reports::snapshot(&db, user.district_id).await?;
    let title = title.trim().to_owned();
    let slides = if story {
        district_story(&snapshot)
    } else {
        vec![Slide { content: SlideContent::Title { title: title.clone(), subtitle: snapshot.district.name.clone() }, notes: String::new() }]
    };
    check(&title, &slides, &snapshot).map_err(AppError::Refused)?;
    Ok(crate::store::reports::create_deck(&db, user.district_id, &title, &slides, &snapshot).await?)
}

#[server(prefix = "/api", endpoint = "decks/get", input = Json)]
pub async fn get_deck(id: i64) -> Result<Deck, AppError> {
    let crate::caller::Caller { db, .. } = deck_caller(id).await?;
    let (title, slides, snapshot, updated_at) = crate::store::reports::deck(&db, id).await?;
    Ok(Deck { id, title, slides, snapshot, updated_at })
}

/// Saves the title and slides after checking them against the deck's snapshot. Returns when
/// it was saved.
#[server(prefix = "/api", endpoint = "decks/save", input = Json)]
pub async fn save_deck(id: i64, title: String, slides: Vec<Slide>) -> Result<String, AppError> {
    let crate::caller::Caller { db, .. } = deck_caller(id).await?;
    let (_, _, snapshot, _) = crate::store::reports::deck(&db, id).await?;
    let title = title.trim().to_owned();
    domain::reports::deck::check(&title, &slides, &snapshot).map_err(AppError::Refused)?;
    Ok(crate::store::reports::save_deck(&db, id, &title, &slides).await?)
}

/// Takes a new snapshot for the deck: the explicit refresh. Slides whose data is gone from
/// the district keep their place and say «нет данных».
#[server(prefix = "/api", endpoint = "decks/refresh", input = Json)]
pub async fn refresh_deck(id: i64) -> Result<Snapshot, AppError> {
    let crate::caller::Caller { user, db } = deck_caller(id).await?;
    let snapshot = crate::services::reports::snapshot(&db, user.district_id).await?;
    crate::store::reports::replace_snapshot(&db, id, &snapshot).await?;
    Ok(snapshot)
}
