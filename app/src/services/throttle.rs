//! Slowing down guesses at passwords and codes, counted in the database so that every server
//! process sees the same counts and a restart clears none.

use crate::auth::{throttle_keys, Limit, FORGET_AFTER_SECONDS};
use crate::error::AppError;
use crate::store::{now_unix, throttle, Db};

/// One guess at a secret: what it is (`scope`: login, welcome code, kiosk code…), whose
/// (`account`), and from where (`client`).
#[derive(Debug, Clone)]
pub struct Guess {
    keys: Vec<(String, Limit)>,
}

impl Guess {
    pub fn new(scope: &str, account: &str, client: Option<std::net::IpAddr>) -> Guess {
        Guess { keys: throttle_keys(scope, account, client) }
    }

    /// Counts this guess before it is checked; `Throttled` (nothing counted) while locked.
    pub async fn count(&self, db: &Db) -> Result<(), AppError> {
        let now = now_unix();
        throttle::forget_before(db, now - FORGET_AFTER_SECONDS, now).await?;
        throttle::count_guess(db, &self.keys, now).await?.map_err(AppError::Throttled)
    }

    /// The guess was right: the account's counts start again.
    pub async fn was_right(&self, db: &Db) -> Result<(), AppError> {
        Ok(throttle::guess_was_right(db, &self.keys).await?)
    }

    /// The request was refused for another reason than a wrong secret: it is not counted.
    pub async fn was_not_a_guess(&self, db: &Db) -> Result<(), AppError> {
        Ok(throttle::not_a_guess(db, &self.keys).await?)
    }

    /// Settles a counted guess by what checking it gave: right, the account's counts start
    /// again; refused for a wrong secret (a message on `secret_field`), it stays counted;
    /// refused for anything else (a new password too short), it was no guess.
    pub async fn settle<T>(&self, db: &Db, outcome: Result<T, AppError>, secret_field: &str) -> Result<T, AppError> {
        match outcome {
            Ok(value) => {
                self.was_right(db).await?;
                Ok(value)
            }
            Err(wrong) if wrong.field_message(secret_field).is_some() => Err(wrong),
            Err(other) => {
                self.was_not_a_guess(db).await?;
                Err(other)
            }
        }
    }

    /// Refuses while locked, counting nothing (for a hot path that counts only its failures).
    pub async fn check(&self, db: &Db) -> Result<(), AppError> {
        match throttle::wait(db, &self.keys, now_unix()).await? {
            Some(seconds) => Err(AppError::Throttled(seconds)),
            None => Ok(()),
        }
    }

    /// Counts a wrong secret found after the fact (with `check` before it).
    pub async fn was_wrong(&self, db: &Db) -> Result<(), AppError> {
        Ok(throttle::count_failure(db, &self.keys, now_unix()).await?)
    }
}
