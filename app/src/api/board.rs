//! The pair-formation board: read it, change it.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
#[cfg(feature = "ssr")]
use domain::access::Intent;
use domain::matching::board::{Board, BoardOp};

/// The board of a programme: editable by its school's curator, readable by the district's
/// methodologist.
#[server(prefix = "/api", endpoint = "board/get", input = Json)]
pub async fn get_board(programme_id: i64) -> Result<Board, AppError> {
    let caller = crate::caller::Caller::current().await?;
    let place = caller.programme(programme_id, Intent::Read).await?;
    let mut board = crate::store::board::load(&caller.db, programme_id).await?;
    board.can_edit = caller.may_change_programme(programme_id, place).await?;
    Ok(board)
}

/// Applies one change made on `base_version`. A stale version is refused with what changed
/// since; a change the rules refuse is refused with the reason. Returns the new board.
#[server(prefix = "/api", endpoint = "board/apply", input = Json)]
pub async fn apply_board(programme_id: i64, base_version: i64, op: BoardOp) -> Result<Board, AppError> {
    use crate::store::board::{self, ApplyError};
    let caller = crate::caller::Caller::current().await?;
    caller.programme(programme_id, Intent::Write).await?;
    let (user, db) = (&caller.user, &caller.db);
    let current = board::load(db, programme_id).await?;
    if current.version != base_version {
        return Err(AppError::Stale(board::changes_since(db, programme_id, base_version).await?));
    }
    current.check(&op).map_err(|refusal| AppError::Refused(refusal.message()))?;
    match board::apply(db, &current, base_version, &op, &user.display_name).await {
        Ok(version) => tracing::info!(programme_id, version, "board changed"),
        Err(ApplyError::Stale) => return Err(AppError::Stale(board::changes_since(db, programme_id, base_version).await?)),
        Err(ApplyError::Db(e)) => return Err(e.into()),
    }
    let mut board = board::load(db, programme_id).await?;
    board.can_edit = true;
    Ok(board)
}
