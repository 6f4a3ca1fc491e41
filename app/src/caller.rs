//! Who is calling and what they may reach: the one way in for server functions and for the
//! Axum routes (file downloads, the presented deck). Every check of a school's record goes
//! through `domain::access::school_access`, so a refusal reads the same wherever it happens.

use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;

use crate::error::AppError;
use crate::state::AppState;
use crate::store::{self, Db};
use domain::access::{can_read_school, can_write_school, school_access, Intent, Place};
use domain::models::{CurrentUser, Participant, UserRole};

/// A signed-in caller with the database: the first line of every server function.
#[derive(Clone, Debug)]
pub struct Caller {
    pub user: CurrentUser,
    pub db: Db,
}

impl Caller {
    /// The signed-in caller of the current server function, or `Unauthorized`.
    pub async fn current() -> Result<Self, AppError> {
        let db = crate::state::db()?;
        let user = crate::state::current_user().await?.ok_or(AppError::Unauthorized)?;
        Ok(Self { user, db })
    }

    /// The signed-in caller of a plain HTTP request, or `Unauthorized`.
    pub async fn of_request(db: &Db, headers: &HeaderMap) -> Result<Self, AppError> {
        let user = crate::state::user_from_headers(db, headers).await?.ok_or(AppError::Unauthorized)?;
        Ok(Self { user, db: db.clone() })
    }

    /// Whether the caller may change records of this school (its curator).
    pub fn may_write(&self, place: Place) -> bool {
        can_write_school(&self.user, place)
    }

    /// Refuses unless the caller is a methodologist.
    pub fn methodologist(&self) -> Result<(), AppError> {
        if self.user.role == UserRole::Methodologist {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The school a caller works on: a curator's own (asking for another is refused), or the
    /// requested one for a methodologist of its district. Anything else is `Forbidden`: a
    /// school's existence is no secret, its base is.
    pub async fn school(&self, requested: Option<i64>) -> Result<Place, AppError> {
        let organisation_id = match (self.user.role, requested, self.user.organisation_id) {
            (UserRole::Curator, None, Some(own)) => own,
            (UserRole::Curator | UserRole::Methodologist, Some(id), _) => id,
            _ => return Err(AppError::Forbidden),
        };
        let place = match store::orgs::place(&self.db, organisation_id).await {
            Err(sqlx::Error::RowNotFound) => return Err(AppError::Forbidden),
            other => other?,
        };
        if can_read_school(&self.user, place) {
            Ok(place)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The curator's own school, to change it; everyone else is `Forbidden`.
    pub async fn own_school_to_write(&self) -> Result<Place, AppError> {
        let place = self.school(None).await?;
        if self.may_write(place) {
            Ok(place)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// A programme's place, if the caller may read or write it. An archived programme is
    /// read-only: writing is refused with a sentence, for everyone.
    pub async fn programme(&self, programme_id: i64, intent: Intent) -> Result<Place, AppError> {
        let place = self.allow(store::programmes::place(&self.db, programme_id).await?, intent)?;
        if intent == Intent::Write {
            self.refuse_archived(programme_id).await?;
        }
        Ok(place)
    }

    /// Whether the caller may change this programme now: its curator, while it is not archived.
    pub async fn may_change_programme(&self, programme_id: i64, place: Place) -> Result<bool, AppError> {
        Ok(self.may_write(place) && store::programmes::archived_on(&self.db, programme_id).await?.is_none())
    }

    async fn refuse_archived(&self, programme_id: i64) -> Result<(), AppError> {
        match store::programmes::archived_on(&self.db, programme_id).await? {
            Some(day) => Err(AppError::Refused(domain::i18n::tr::programme_archived(&day))),
            None => Ok(()),
        }
    }

    /// A questionnaire's place, if the caller may read or write it.
    pub async fn questionnaire(&self, questionnaire_id: i64, intent: Intent) -> Result<Place, AppError> {
        self.allow(store::surveys::questionnaire_place(&self.db, questionnaire_id).await?, intent)
    }

    /// A wave's place, if the caller may read or write it (not in an archived programme).
    pub async fn wave(&self, wave_id: i64, intent: Intent) -> Result<Place, AppError> {
        let place = self.allow(store::surveys::wave_place(&self.db, wave_id).await?, intent)?;
        if intent == Intent::Write {
            self.refuse_archived(store::surveys::wave(&self.db, wave_id).await?.programme_id).await?;
        }
        Ok(place)
    }

    /// A participant with their place. Reading: whoever may read the school, and the person
    /// themself. Changing: only the school's curator; nobody else learns whether the id exists.
    pub async fn participant(&self, participant_id: i64, intent: Intent) -> Result<(Participant, Place), AppError> {
        let (participant, place) = store::participants::get(&self.db, participant_id).await?;
        let allowed = match intent {
            Intent::Read => domain::access::can_read_participant(&self.user, place, participant_id),
            Intent::Write => self.may_write(place),
        };
        if allowed {
            Ok((participant, place))
        } else {
            Err(AppError::NotFound)
        }
    }

    /// Refuses a deck unless the caller is a methodologist of its district. Unknown and
    /// foreign decks look the same.
    pub async fn deck(&self, deck_id: i64) -> Result<(), AppError> {
        if self.user.role != UserRole::Methodologist {
            return Err(AppError::NotFound);
        }
        match store::reports::deck_district(&self.db, deck_id).await {
            Ok(district) if district == self.user.district_id => Ok(()),
            Ok(_) | Err(sqlx::Error::RowNotFound) => Err(AppError::NotFound),
            Err(e) => Err(e.into()),
        }
    }

    /// A registered document, if the caller may read (the school's curator, the district's
    /// coordinator) or write (the curator) it. A document of an archived programme is read-only.
    pub async fn document(&self, document_id: i64, intent: Intent) -> Result<(domain::models::DocumentEntry, Place), AppError> {
        let (document, place) = store::documents::get(&self.db, document_id).await?;
        self.allow(place, intent)?;
        if let (Intent::Write, Some(programme_id)) = (intent, document.programme_id) {
            self.refuse_archived(programme_id).await?;
        }
        Ok((document, place))
    }

    /// A mentor's pair in a programme with the caller's part in it. Anyone without a part
    /// (another pair's people, another school, the coordinator) learns nothing: `NotFound`.
    pub async fn pair(&self, programme_id: i64, mentor_id: i64) -> Result<PairAccess, AppError> {
        let place = store::programmes::place(&self.db, programme_id).await?;
        let pair = store::pair_work::current_pair(&self.db, programme_id, mentor_id).await?.ok_or(AppError::NotFound)?;
        let role = domain::models::work_role(&self.user, place, mentor_id, &pair.mentee_ids).ok_or(AppError::NotFound)?;
        let archived_on = store::programmes::archived_on(&self.db, programme_id).await?;
        Ok(PairAccess { programme_id, mentor_id, role, place, pair, archived_on })
    }

    /// A mentee's pair, for their plan or completion: the pair's mentor and the curator reach
    /// every mentee's; a mentee only their own (a group's mentees do not read each other's).
    pub async fn mentee_in_pair(&self, programme_id: i64, mentee_id: i64) -> Result<PairAccess, AppError> {
        let mentor_id = store::pair_work::mentor_of(&self.db, programme_id, mentee_id).await?.ok_or(AppError::NotFound)?;
        let access = self.pair(programme_id, mentor_id).await?;
        if access.role == domain::models::WorkRole::Mentee && self.user.participant_id != Some(mentee_id) {
            return Err(AppError::NotFound);
        }
        Ok(access)
    }

    fn allow(&self, place: Place, intent: Intent) -> Result<Place, AppError> {
        school_access(&self.user, place, intent)?;
        Ok(place)
    }
}

/// A pair reached by a caller with a part in it.
#[derive(Clone, Debug)]
pub struct PairAccess {
    pub programme_id: i64,
    pub mentor_id: i64,
    pub role: domain::models::WorkRole,
    pub place: Place,
    pub pair: store::pair_work::CurrentPair,
    pub archived_on: Option<String>,
}

impl PairAccess {
    /// Why the pair's meetings, plans and diary cannot change now, if so.
    pub fn read_only_reason(&self) -> Option<String> {
        use domain::i18n::tr;
        use domain::models::PairStatus;
        if let Some(day) = &self.archived_on {
            return Some(tr::programme_archived(day));
        }
        match self.pair.status {
            PairStatus::Draft => Some(tr::PAIR_NOT_FIXED.to_owned()),
            PairStatus::Finished => Some(tr::PAIR_FINISHED.to_owned()),
            PairStatus::Fixed if self.role == domain::models::WorkRole::Curator => Some(tr::PAIR_CURATOR_READS.to_owned()),
            PairStatus::Fixed => None,
        }
    }

    /// Refuses a change of the pair's work unless the caller is its mentor or mentee and the
    /// pair is at work.
    pub fn to_change(&self) -> Result<(), AppError> {
        match self.read_only_reason() {
            None => Ok(()),
            Some(_) if self.role == domain::models::WorkRole::Curator => Err(AppError::Forbidden),
            Some(reason) => Err(AppError::Refused(reason)),
        }
    }
}

/// The signed-in caller of an Axum route: a handler that takes a `Caller` is refused with
/// `401` before it runs, exactly as a server function would be.
impl<S> FromRequestParts<S> for Caller
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let state = AppState::from_ref(state);
        Self::of_request(&state.db, &parts.headers).await
    }
}
