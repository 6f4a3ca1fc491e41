//! Saving a person of the school's base with the programmes they take part in: the person
//! and every change of participation in one transaction, or nothing.

use crate::error::AppError;
use crate::store::{board, participants, programmes, Conn, Finish};
use domain::i18n::tr;
use domain::models::{check_participations, CurrentUser, NewParticipant, Participant, Participation};

/// Adds (`current` = `None`) or updates a person of `organisation_id` and sets the programmes
/// they take part in. Each programme must be the school's; an archived one is not joined,
/// left or changed; nobody leaves a programme (or changes role in it) while in one of its pairs.
pub async fn save(
    db: impl Conn,
    by: &CurrentUser,
    organisation_id: i64,
    current: Option<&Participant>,
    data: &NewParticipant,
    wanted: &[Participation],
) -> Result<i64, AppError> {
    check_participations(data, wanted).map_err(AppError::Validation)?;
    let mut tx = db.begin().await?;
    let before: &[Participation] = current.map(|c| c.participations.as_slice()).unwrap_or_default();
    let joining: Vec<&Participation> = wanted.iter().filter(|p| !before.contains(p)).collect();
    let leaving: Vec<&Participation> = before.iter().filter(|p| !wanted.contains(p)).collect();
    for participation in &joining {
        match programmes::place(&mut *tx, participation.programme_id).await {
            Ok(place) if place.organisation_id == organisation_id => {}
            _ => return Err(AppError::field("participations", tr::ERR_PROGRAMME)),
        }
    }
    for participation in joining.iter().chain(&leaving) {
        if programmes::archived_on(&mut *tx, participation.programme_id).await?.is_some() {
            return Err(AppError::field("participations", tr::ERR_PROGRAMME_ARCHIVED));
        }
    }
    let id = match current {
        None => participants::insert(&mut *tx, organisation_id, data).await?,
        Some(current) => {
            for old in &leaving {
                if participants::in_pair(&mut *tx, current.id, old.programme_id).await? {
                    return Err(AppError::field("participations", tr::ERR_PROGRAMME_IN_PAIR));
                }
                participants::leave(&mut *tx, current.id, old.programme_id).await?;
            }
            // A mentor keeps room for the mentees already with them.
            for (_, title, load) in board::loads_of(&mut *tx, current.id).await? {
                if data.capacity.unwrap_or(0) < load {
                    return Err(AppError::field("capacity", tr::err_capacity_below_load(load, &title)));
                }
            }
            participants::update(&mut *tx, current.id, data).await?;
            // Every board showing the person shows the change: its version moves on.
            let summary = tr::history_person_changed(&data.full_name());
            for p in &current.participations {
                if programmes::archived_on(&mut *tx, p.programme_id).await?.is_none() {
                    board::touched(&mut *tx, p.programme_id, &by.display_name, &summary).await?;
                }
            }
            current.id
        }
    };
    for participation in joining {
        participants::join(&mut *tx, id, *participation).await?;
    }
    tx.commit().await?;
    Ok(id)
}
