//! How a respondent's device keeps what waits to be sent, across versions of the app.
//!
//! The browser side (`app::ui::surveys::device`) keeps it in `localStorage`; this module holds
//! the layout and its migrations as plain functions over a [`Shelf`], so they are tested here.
//!
//! Layout, schema 2: one entry per completed questionnaire under `nastavnik.outbox.<client id>`
//! (a [`Queued`]), and `nastavnik.schema` = `2`. Schema 1 (before December 2026) kept the whole
//! outbox as one JSON array under `nastavnik.outbox`: two tabs of one tablet (a kiosk and a
//! questionnaire) that queued at once could overwrite each other's array. One key per submission
//! has no such read-modify-write.
//!
//! The rule of every migration: nothing is removed before its replacement is written, and what
//! cannot be read is set aside under `nastavnik.unreadable.*`, never deleted — the worst failure
//! of offline forms (Enketo, ODK) is records lost when the app updates.

use serde::{Deserialize, Serialize};

use super::SurveySubmission;

pub const SCHEMA_KEY: &str = "nastavnik.schema";
pub const SCHEMA: u32 = 2;
/// Schema 1's outbox: one JSON array of submissions.
const OUTBOX_V1: &str = "nastavnik.outbox";
const OUTBOX_PREFIX: &str = "nastavnik.outbox.";
const UNREADABLE_PREFIX: &str = "nastavnik.unreadable.";

/// A key-value store of strings: `localStorage` in the browser, a map in tests.
pub trait Shelf {
    fn get(&self, key: &str) -> Option<String>;
    /// False when the store refused (full, or disabled).
    fn set(&mut self, key: &str, value: &str) -> bool;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// One completed questionnaire waiting on the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Queued {
    /// When it was queued (milliseconds since 1970), to send the oldest first.
    pub queued_at: f64,
    pub submission: SurveySubmission,
}

fn outbox_key(client_id: &str) -> String {
    format!("{OUTBOX_PREFIX}{client_id}")
}

/// Brings the shelf to [`SCHEMA`]; safe to run at every page load and from two tabs at once.
/// Returns false when the store refused a write: the old layout is then left as it was (and
/// read again next time), so nothing is lost.
pub fn migrate(shelf: &mut impl Shelf) -> bool {
    let version: u32 = shelf.get(SCHEMA_KEY).and_then(|v| v.trim().parse().ok()).unwrap_or(1);
    if version >= SCHEMA {
        return true;
    }
    if let Some(text) = shelf.get(OUTBOX_V1) {
        match serde_json::from_str::<Vec<serde_json::Value>>(&text) {
            Ok(entries) => {
                for (order, entry) in entries.into_iter().enumerate() {
                    let client_id = entry.get("client_id").and_then(|id| id.as_str()).map(str::to_owned);
                    let written = match (client_id, serde_json::from_value::<SurveySubmission>(entry.clone())) {
                        (Some(client_id), Ok(submission)) => {
                            let key = outbox_key(&client_id);
                            // Already moved by another tab, or queued again since: keep that one.
                            shelf.get(&key).is_some() || shelf.set(&key, &to_json(&Queued { queued_at: order as f64, submission }))
                        }
                        _ => shelf.set(&format!("{UNREADABLE_PREFIX}outbox.{order}"), &entry.to_string()),
                    };
                    if !written {
                        return false;
                    }
                }
            }
            Err(_) => {
                if !shelf.set(&format!("{UNREADABLE_PREFIX}outbox"), &text) {
                    return false;
                }
            }
        }
        shelf.remove(OUTBOX_V1);
    }
    shelf.set(SCHEMA_KEY, &SCHEMA.to_string())
}

fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// What waits to be sent, oldest first. An entry this version cannot read stays where it is
/// (a later version may read it) and is counted in `unreadable`.
pub fn pending(shelf: &impl Shelf) -> Pending {
    let mut pending = Pending::default();
    for key in shelf.keys().into_iter().filter(|k| k.starts_with(OUTBOX_PREFIX)) {
        match shelf.get(&key).and_then(|text| serde_json::from_str::<Queued>(&text).ok()) {
            Some(queued) => pending.queued.push(queued),
            None => pending.unreadable += 1,
        }
    }
    pending.queued.sort_by(|a, b| a.queued_at.total_cmp(&b.queued_at).then_with(|| a.submission.client_id.cmp(&b.submission.client_id)));
    pending
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pending {
    pub queued: Vec<Queued>,
    pub unreadable: usize,
}

impl Pending {
    pub fn submissions(self) -> Vec<SurveySubmission> {
        self.queued.into_iter().map(|q| q.submission).collect()
    }
}

/// Keeps a submission until it is sent; queuing the same one twice keeps it once.
pub fn queue(shelf: &mut impl Shelf, submission: SurveySubmission, now_ms: f64) -> bool {
    let key = outbox_key(&submission.client_id);
    shelf.get(&key).is_some() || shelf.set(&key, &to_json(&Queued { queued_at: now_ms, submission }))
}

/// Forgets a submission the server has (or refused for good and was set aside).
pub fn sent(shelf: &mut impl Shelf, client_id: &str) {
    shelf.remove(&outbox_key(client_id));
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::surveys::Answers;

    #[derive(Default)]
    struct Map {
        items: BTreeMap<String, String>,
        /// Refuses writes once this many items are stored (a full `localStorage`).
        capacity: Option<usize>,
    }

    impl Shelf for Map {
        fn get(&self, key: &str) -> Option<String> {
            self.items.get(key).cloned()
        }
        fn set(&mut self, key: &str, value: &str) -> bool {
            if self.capacity.is_some_and(|c| self.items.len() >= c && !self.items.contains_key(key)) {
                return false;
            }
            self.items.insert(key.into(), value.into());
            true
        }
        fn remove(&mut self, key: &str) {
            self.items.remove(key);
        }
        fn keys(&self) -> Vec<String> {
            self.items.keys().cloned().collect()
        }
    }

    fn submission(client_id: &str) -> SurveySubmission {
        SurveySubmission { client_id: client_id.into(), wave_id: 7, version_id: 3, code: Some("123456".into()), answers: Answers::default() }
    }

    /// What schema 1 of the app wrote: the outbox as one array, no schema key.
    fn schema_one(entries: &[SurveySubmission]) -> Map {
        let mut map = Map::default();
        map.items.insert(OUTBOX_V1.into(), serde_json::to_string(entries).expect("json"));
        map.items.insert("nastavnik.draft.7.123456".into(), "{\"kept\":true}".into());
        map
    }

    #[test]
    fn submissions_waiting_in_the_old_layout_are_all_there_after_the_update_in_their_order() {
        let mut shelf = schema_one(&[submission("b"), submission("a")]);
        assert!(migrate(&mut shelf));
        let waiting = pending(&shelf);
        assert_eq!(waiting.unreadable, 0);
        assert_eq!(waiting.submissions(), vec![submission("b"), submission("a")], "oldest first, the code kept");
        assert_eq!(shelf.get(OUTBOX_V1), None, "the old array goes once its entries are moved");
        assert_eq!(shelf.get(SCHEMA_KEY).as_deref(), Some("2"));
        assert_eq!(shelf.get("nastavnik.draft.7.123456").as_deref(), Some("{\"kept\":true}"), "drafts are untouched");
    }

    #[test]
    fn migrating_twice_or_from_two_tabs_changes_nothing_more() {
        let mut shelf = schema_one(&[submission("a")]);
        assert!(migrate(&mut shelf));
        let once = shelf.items.clone();
        // A second tab that still saw schema 1 runs the migration again on the same array.
        shelf.items.insert(OUTBOX_V1.into(), serde_json::to_string(&[submission("a")]).expect("json"));
        shelf.items.remove(SCHEMA_KEY);
        assert!(migrate(&mut shelf));
        assert_eq!(shelf.items, once);
    }

    #[test]
    fn a_full_store_leaves_the_old_layout_in_place_to_try_again() {
        let mut shelf = schema_one(&[submission("a"), submission("b")]);
        shelf.capacity = Some(3); // the array, the draft, and room for one entry only
        assert!(!migrate(&mut shelf));
        assert!(shelf.get(OUTBOX_V1).is_some(), "nothing removed before its replacement is written");
        assert_eq!(shelf.get(SCHEMA_KEY), None);
        shelf.capacity = None;
        assert!(migrate(&mut shelf));
        assert_eq!(pending(&shelf).submissions(), vec![submission("a"), submission("b")]);
    }

    #[test]
    fn what_cannot_be_read_is_set_aside_never_deleted() {
        let mut shelf = Map::default();
        shelf.items.insert(OUTBOX_V1.into(), "[{\"client_id\":\"a\",\"wave_id\":\"seven\"}]".into());
        assert!(migrate(&mut shelf));
        assert_eq!(shelf.get("nastavnik.unreadable.outbox.0").as_deref(), Some("{\"client_id\":\"a\",\"wave_id\":\"seven\"}"));

        let mut broken = Map::default();
        broken.items.insert(OUTBOX_V1.into(), "[{\"client_id\":".into());
        assert!(migrate(&mut broken));
        assert_eq!(broken.get("nastavnik.unreadable.outbox").as_deref(), Some("[{\"client_id\":"));
    }

    #[test]
    fn an_entry_a_later_version_wrote_is_kept_and_counted_not_dropped() {
        let mut shelf = Map::default();
        assert!(migrate(&mut shelf));
        assert!(queue(&mut shelf, submission("a"), 10.0));
        shelf.items.insert(outbox_key("z"), "{\"format\":\"from the future\"}".into());
        let waiting = pending(&shelf);
        assert_eq!((waiting.queued.len(), waiting.unreadable), (1, 1));
        assert!(shelf.get(&outbox_key("z")).is_some());
    }

    #[test]
    fn queuing_the_same_submission_twice_keeps_it_once_and_sending_forgets_it() {
        let mut shelf = Map::default();
        assert!(queue(&mut shelf, submission("a"), 1.0));
        assert!(queue(&mut shelf, submission("a"), 2.0));
        assert!(queue(&mut shelf, submission("b"), 3.0));
        assert_eq!(pending(&shelf).queued.iter().map(|q| q.queued_at).collect::<Vec<_>>(), vec![1.0, 3.0]);
        sent(&mut shelf, "a");
        assert_eq!(pending(&shelf).submissions(), vec![submission("b")]);
    }
}
