//! What a form keeps on the device while it is being typed (browser only, `localStorage`): a
//! failed save, a lost network or a closed tab never loses the text. A draft is forgotten once
//! the server has stored it.

use serde::{de::DeserializeOwned, Serialize};

const PREFIX: &str = "nastavnik.form.";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Keeps what a form holds now under `key`.
pub fn keep<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(value)) {
        let _ = storage.set_item(&format!("{PREFIX}{key}"), &text);
    }
}

/// What was typed under `key` and not yet saved.
pub fn restore<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = storage()?.get_item(&format!("{PREFIX}{key}")).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

pub fn forget(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&format!("{PREFIX}{key}"));
    }
}

/// A form's input: what waits on this device under `key` if anything (then `true`), else
/// `initial`; kept on the device at every keystroke from then on.
pub fn drafted<T>(key: &str, initial: impl FnOnce() -> T) -> (leptos::prelude::RwSignal<T>, bool)
where
    T: Serialize + DeserializeOwned + Clone + Send + Sync + 'static,
{
    use leptos::prelude::*;
    let restored = restore::<T>(key);
    let had_draft = restored.is_some();
    let input = RwSignal::new(restored.unwrap_or_else(initial));
    let key = key.to_owned();
    Effect::new(move |_| input.with(|typed| keep(&key, typed)));
    (input, had_draft)
}
