//! What the respondent's device keeps in `localStorage` (browser only): the draft of the
//! questionnaire being answered, saved at every answer, and the outbox of completed
//! questionnaires that could not be sent yet. Each queued submission keeps the id made for it
//! on the device, so sending it twice never stores it twice. The outbox's layout and its
//! migration between versions of the app are `domain::surveys::device_storage`.

use serde::{Deserialize, Serialize};

use crate::api::surveys::submit_survey;
use crate::error::AppError;
use domain::surveys::device_storage::{self, Shelf};
use domain::surveys::{Answers, SurveySubmission};

/// Submissions the server refused after they were queued, with the reason.
const REFUSED: &str = "nastavnik.refused";

/// A questionnaire in progress on this device.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub version_id: i64,
    pub answers: Answers,
    pub screen: usize,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// `localStorage` as the domain's [`Shelf`], brought to the current layout once per page load
/// (an app updated under a waiting outbox reads it in the new layout).
struct LocalShelf(web_sys::Storage);

impl Shelf for LocalShelf {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }
    fn set(&mut self, key: &str, value: &str) -> bool {
        self.0.set_item(key, value).is_ok()
    }
    fn remove(&mut self, key: &str) {
        let _ = self.0.remove_item(key);
    }
    fn keys(&self) -> Vec<String> {
        (0..self.0.length().unwrap_or(0)).filter_map(|i| self.0.key(i).ok().flatten()).collect()
    }
}

fn shelf() -> Option<LocalShelf> {
    thread_local!(static MIGRATED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    let mut shelf = LocalShelf(storage()?);
    if !MIGRATED.get() {
        // A refused write leaves the old layout to be read and migrated next time.
        MIGRATED.set(device_storage::migrate(&mut shelf));
    }
    Some(shelf)
}

fn read<T: for<'de> Deserialize<'de>>(key: &str) -> Option<T> {
    let text = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

fn write<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(value)) {
        let _ = storage.set_item(key, &text);
    }
}

/// Where the draft of one respondent of one wave lives.
pub fn draft_key(wave_id: i64, who: &str) -> String {
    format!("nastavnik.draft.{wave_id}.{who}")
}

pub fn load_draft(key: &str) -> Option<Draft> {
    read(key)
}

pub fn save_draft(key: &str, draft: &Draft) {
    write(key, draft);
}

/// Removes every draft of a wave from this device (what earlier versions kept of an
/// anonymous wave's respondents).
pub fn clear_drafts_of_wave(wave_id: i64) {
    let Some(storage) = storage() else { return };
    let prefix = draft_key(wave_id, "");
    let keys: Vec<String> = (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).filter(|key| key.starts_with(&prefix)).collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}

pub fn clear_draft(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// A fresh id for a submission: 128 random bits from the browser's CSPRNG, in hex. (Not
/// `randomUUID`, which school networks served over plain HTTP do not have.)
pub fn new_client_id() -> String {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    if bytes.iter().all(|b| *b == 0) {
        // No crypto at all: time and Math.random still make a clash practically impossible.
        let seed = js_sys::Date::now().to_bits() ^ (js_sys::Math::random() * 1e15) as u64;
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..].copy_from_slice(&((js_sys::Math::random() * 1e15) as u64).to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Completed questionnaires waiting for the network.
pub fn pending() -> Vec<SurveySubmission> {
    shelf().map(|shelf| device_storage::pending(&shelf).submissions()).unwrap_or_default()
}

/// Keeps a submission until it is sent; false when the device refused to store it.
pub fn queue(submission: SurveySubmission) -> bool {
    shelf().is_some_and(|mut shelf| device_storage::queue(&mut shelf, submission, js_sys::Date::now()))
}

fn remove(client_id: &str) {
    if let Some(mut shelf) = shelf() {
        device_storage::sent(&mut shelf, client_id);
    }
}

/// Asks the browser to keep this site's storage (the outbox, drafts) even when the device runs
/// short of space; `Some(false)` when it refuses, `None` when it cannot say.
pub async fn ask_persistent_storage() -> Option<bool> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let navigator = js_sys::Reflect::get(&window, &"navigator".into()).ok()?;
    let storage = js_sys::Reflect::get(&navigator, &"storage".into()).ok().filter(|s| !s.is_undefined())?;
    let persist = js_sys::Reflect::get(&storage, &"persist".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let promise = persist.call0(&storage).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_bool()
}

/// When this device last reached the server (RFC 3339, UTC), for the kiosk to say.
const REACHED: &str = "nastavnik.reached";

/// Notes that the server answered just now.
pub fn reached_server() {
    write(REACHED, &String::from(js_sys::Date::new_0().to_iso_string()));
}

/// When the server last answered this device, if ever.
pub fn last_reached() -> Option<String> {
    read(REACHED)
}

/// What one attempt to empty the outbox did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flush {
    pub sent: usize,
    pub left: usize,
    /// Submissions the server refused for good (e.g. the wave was closed meanwhile), with why.
    pub refused: Vec<String>,
}

/// Sends what waits in the outbox, oldest first; stops at the first network failure.
pub async fn flush() -> Flush {
    let mut report = Flush::default();
    for submission in pending() {
        match submit_survey(submission.clone()).await {
            Ok(_) => {
                remove(&submission.client_id);
                report.sent += 1;
                reached_server();
            }
            Err(AppError::Transport(_) | AppError::Internal) => break,
            Err(refusal) => {
                // Kept aside, not thrown away: what the respondent typed is never lost. Without
                // the code: on a shared tablet it would tie the answers to a slip.
                let mut refused: Vec<(SurveySubmission, String)> = read(REFUSED).unwrap_or_default();
                refused.push((SurveySubmission { code: None, ..submission.clone() }, refusal.to_string()));
                write(REFUSED, &refused);
                remove(&submission.client_id);
                report.refused.push(refusal.to_string());
            }
        }
    }
    report.left = pending().len();
    report
}
