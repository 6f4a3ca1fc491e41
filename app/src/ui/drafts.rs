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
