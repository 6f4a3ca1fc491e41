//! Questionnaires and their versions, waves, respondent codes, kiosks, submissions and the
//! counts behind the results: one file per concern, all reached as `store::surveys::…`.

use std::collections::BTreeMap;

use sqlx::any::AnyRow;
use sqlx::Row;

use super::{Conn, Finish};
use domain::access::Place;
use domain::models::ParticipantRole;
use domain::surveys::stats::AnswerRow;
use domain::surveys::*;

use super::{code, now, now_unix, place_of, programmes};

fn definition_of(body: &str) -> Result<Definition, sqlx::Error> {
    serde_json::from_str(body).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn body_of(definition: &Definition) -> String {
    serde_json::to_string(definition).unwrap_or_default()
}

mod questionnaires;
mod waves;
mod codes;
mod kiosks;
mod submissions;
mod results;
mod before_after;

pub use questionnaires::*;
pub use waves::*;
pub use codes::*;
pub use kiosks::*;
pub use submissions::*;
pub use results::*;
pub use before_after::*;
