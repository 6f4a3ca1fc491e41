//! Small form pieces shared by pages.

use leptos::prelude::*;

use crate::error::AppError;
use domain::FieldErrors;
use domain::i18n::tr;
use domain::models::ParticipantInput;

/// Which text of a participant form a widget edits.
pub type Slot = fn(&mut ParticipantInput) -> &mut String;

fn read(form: RwSignal<ParticipantInput>, field: Slot) -> String {
    let mut input = form.get();
    field(&mut input).clone()
}

/// A labelled text input bound to one field, with its error message underneath.
#[component]
pub fn TextField(
    label: &'static str,
    name: &'static str,
    form: RwSignal<ParticipantInput>,
    field: Slot,
    errors: RwSignal<FieldErrors>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] numeric: bool,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let error = move || errors.with(|e| e.get(name).cloned());
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        form.update(|input| *field(input) = value);
        errors.update(|e| {
            e.remove(name);
        });
    };
    let id = format!("f-{name}");
    let error_id = format!("e-{name}");
    let control = if multiline {
        view! {
            <textarea id=id.clone() name=name rows="2" prop:value=move || read(form, field) on:input=on_input
                aria-invalid=move || error().is_some().to_string() aria-describedby=error_id.clone()></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=name prop:value=move || read(form, field) on:input=on_input
                inputmode=if numeric { "numeric" } else { "text" }
                aria-invalid=move || error().is_some().to_string() aria-describedby=error_id.clone()/>
        }
        .into_any()
    };
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for=id>{label}</label>
            {control}
            {hint.map(|h| view! { <small class="muted">{h}</small> })}
            <p class="field-error" id=format!("e-{name}") role="alert">{error}</p>
        </div>
    }
}

/// A labelled select of coded values bound to one field.
#[component]
pub fn SelectField(
    label: &'static str,
    name: &'static str,
    form: RwSignal<ParticipantInput>,
    field: Slot,
    errors: RwSignal<FieldErrors>,
    options: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let error = move || errors.with(|e| e.get(name).cloned());
    let id = format!("f-{name}");
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for=id.clone()>{label}</label>
            <select id=id name=name
                prop:value=move || read(form, field)
                aria-invalid=move || error().is_some().to_string()
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    form.update(|input| *field(input) = value);
                    errors.update(|e| { e.remove(name); });
                }>
                <option value="">{tr::CHOOSE}</option>
                {options.into_iter().map(|(code, text)| {
                    view! { <option value=code selected=move || read(form, field) == code>{text}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" role="alert">{error}</p>
        </div>
    }
}

/// A message for errors that belong to no field.
pub fn general_error(error: &AppError) -> Option<String> {
    match error {
        AppError::Validation(_) => None,
        other => Some(other.to_string()),
    }
}

/// The value of `attribute` on the element under the pointer, or on its nearest ancestor that
/// has it: what a drag is over (the dragged element itself keeps the pointer by capture).
pub fn attribute_under_pointer(ev: &web_sys::PointerEvent, attribute: &str) -> Option<String> {
    document()
        .element_from_point(ev.client_x() as f32, ev.client_y() as f32)
        .and_then(|el| el.closest(&format!("[{attribute}]")).ok().flatten())
        .and_then(|el| el.get_attribute(attribute))
}
