//! Browser entry point of the respondent's pages (`app::ui::respondent`): the questionnaire a
//! mentee opens on a phone or tablet, and the kiosk. Built by `.ci/build-respondent` into
//! `/pkg/respondent.{js,wasm}`, which the respondent shell's hydration script loads.

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::ui::respondent::RespondentApp);
}
