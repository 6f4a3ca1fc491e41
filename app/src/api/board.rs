//! The pair-formation board: read it, change it.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
use crate::matching::board::{Board, BoardOp};

/// The board of a programme: editable by its school's curator, readable by the district's
/// methodologist.
#[server(prefix = "/api", endpoint = "board/get", input = Json)]
pub async fn get_board(programme_id: i64) -> Result<Board, AppError> {
    let user = crate::state::require_user().await?;
    let db = crate::state::db()?;
    let place = crate::store::programmes::place(&db, programme_id).await?;
    if !crate::access::can_read_school(&user, place) {
        return Err(AppError::NotFound);
    }
    let mut board = crate::store::board::load(&db, programme_id).await?;
    board.can_edit = crate::access::can_write_school(&user, place);
    Ok(board)
}

/// Applies one change made on `base_version`. A stale version is refused with what changed
/// since; a change the rules refuse is refused with the reason. Returns the new board.
#[server(prefix = "/api", endpoint = "board/apply", input = Json)]
pub async fn apply_board(programme_id: i64, base_version: i64, op: BoardOp) -> Result<Board, AppError> {
    use crate::store::board::{self, ApplyError};
    let user = crate::state::require_user().await?;
    let db = crate::state::db()?;
    let place = crate::store::programmes::place(&db, programme_id).await?;
    if !crate::access::can_write_school(&user, place) {
        return Err(if crate::access::can_read_school(&user, place) { AppError::Forbidden } else { AppError::NotFound });
    }
    let current = board::load(&db, programme_id).await?;
    if current.version != base_version {
        return Err(AppError::Stale(board::changes_since(&db, programme_id, base_version).await?));
    }
    current.check(&op).map_err(|refusal| AppError::Refused(refusal.message()))?;
    match board::apply(&db, &current, base_version, &op, &user.display_name).await {
        Ok(version) => tracing::info!(programme_id, version, "board changed"),
        Err(ApplyError::Stale) => return Err(AppError::Stale(board::changes_since(&db, programme_id, base_version).await?)),
        Err(ApplyError::Db(e)) => return Err(e.into()),
    }
    let mut board = board::load(&db, programme_id).await?;
    board.can_edit = true;
    Ok(board)
}
