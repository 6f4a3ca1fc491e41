//! Changing a running programme: its title, models, period (with the reason recorded) and
//! passport, in one transaction with its audit line.

use crate::error::AppError;
use crate::services::accounts::actor;
use crate::store::{audit, now, programmes, Conn, Finish};
use domain::i18n::tr;
use domain::models::{check_change, CurrentUser, Passport, PeriodChange, Programme};

/// Saves `after` over the stored programme (same id and school) with its passport. The form
/// and the models pairs use stay; a new period needs `reason`, and is recorded with it.
pub async fn update(db: impl Conn, by: &CurrentUser, after: &Programme, passport: &Passport, reason: &str) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let (before, _) = programmes::get(&mut *tx, after.id).await?;
    let in_use = programmes::in_use(&mut *tx, after.id).await?;
    let reason = check_change(&before, after, &in_use, reason).map_err(AppError::Validation)?;
    programmes::update(&mut *tx, after).await?;
    programmes::save_passport(&mut *tx, after.id, passport).await?;
    let who = actor(by, Some(before.organisation_id));
    audit::record(&mut *tx, &who, &tr::audit_programme_changed(&after.title)).await?;
    if let Some(reason) = reason {
        let change = PeriodChange {
            old_starts_on: before.starts_on,
            old_ends_on: before.ends_on,
            starts_on: after.starts_on.clone(),
            ends_on: after.ends_on.clone(),
            reason,
            user_name: by.display_name.clone(),
            at: now(),
        };
        programmes::record_period_change(&mut *tx, after.id, &change).await?;
        audit::record(&mut *tx, &who, &tr::audit_period_changed(&after.title, &change.starts_on, &change.ends_on, &change.reason)).await?;
    }
    tx.commit().await?;
    Ok(())
}
