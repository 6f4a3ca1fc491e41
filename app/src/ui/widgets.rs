//! Small form pieces shared by pages.

use leptos::prelude::*;

use crate::error::AppError;
use domain::FieldErrors;
use domain::i18n::tr;

/// What a form's inputs write into: the form's text as typed.
pub trait FormInput: Clone + Send + Sync + 'static {}
impl<T: Clone + Send + Sync + 'static> FormInput for T {}

/// Which text of a form a widget edits.
pub type Slot<T> = fn(&mut T) -> &mut String;

fn read<T: FormInput>(form: RwSignal<T>, field: Slot<T>) -> String {
    form.with(|input| field(&mut input.clone()).clone())
}

/// A labelled text input bound to one field, with its error message underneath.
#[component]
pub fn TextField<T: FormInput>(
    label: &'static str,
    name: &'static str,
    form: RwSignal<T>,
    field: Slot<T>,
    errors: RwSignal<FieldErrors>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] numeric: bool,
    #[prop(optional)] multiline: bool,
    /// A password: typed hidden, with the browser's `autocomplete` hint for it.
    #[prop(optional)]
    password: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// A day (`YYYY-MM-DD`), with the device's date picker.
    #[prop(optional)]
    date: bool,
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
                type=if password.is_some() { "password" } else if date { "date" } else { "text" }
                autocomplete=password.or(autocomplete)
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
pub fn SelectField<T: FormInput>(
    label: &'static str,
    name: &'static str,
    form: RwSignal<T>,
    field: Slot<T>,
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

/// Which yes-or-no of a form a widget edits.
pub type Flag<T> = fn(&mut T) -> &mut bool;

/// A labelled checkbox bound to one yes-or-no of a form (the whole line is the touch target).
#[component]
pub fn CheckField<T: FormInput>(label: &'static str, name: &'static str, form: RwSignal<T>, field: Flag<T>, #[prop(optional)] hint: Option<&'static str>) -> impl IntoView {
    let id = format!("f-{name}");
    view! {
        <div class="field check">
            <input type="checkbox" id=id.clone() name=name
                prop:checked=move || form.with(|input| *field(&mut input.clone()))
                on:change=move |ev| { let on = event_target_checked(&ev); form.update(|input| *field(input) = on); }/>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <small class="muted">{h}</small> })}
        </div>
    }
}

/// Tells what a form's action answered where it belongs: the server's field messages go next to
/// their fields (into `errors`); the returned closure gives any other refusal as one sentence.
/// What the person typed is never touched.
pub fn told_where_it_belongs<I, O>(
    action: Action<I, Result<O, AppError>>,
    errors: RwSignal<FieldErrors>,
) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static
where
    I: Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if let Some(Err(AppError::Validation(found))) = action.value().get() {
            errors.set(found);
        }
    });
    move || action.value().get().and_then(Result::err).as_ref().and_then(general_error)
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

/// Reordering a list by dragging an item's handle with a mouse, a finger or a pen, shared by
/// the questionnaire builder and the deck composer. The handle captures the pointer (so the
/// drag survives leaving it), the item under the pointer is marked as the drop target, and the
/// drop puts the dragged item before it. Nothing is re-rendered mid-drag.
pub struct HandleDrag<K: Send + Sync + 'static> {
    dragging: RwSignal<Option<K>>,
    drop_before: RwSignal<Option<K>>,
    /// The attribute that names an item (`data-question`, `data-slide-index`).
    attribute: &'static str,
    parse: fn(&str) -> Option<K>,
}

impl<K: Send + Sync + 'static> Clone for HandleDrag<K> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K: Send + Sync + 'static> Copy for HandleDrag<K> {}

impl<K: Clone + PartialEq + Send + Sync + 'static> HandleDrag<K> {
    pub fn new(attribute: &'static str, parse: fn(&str) -> Option<K>) -> Self {
        Self { dragging: RwSignal::new(None), drop_before: RwSignal::new(None), attribute, parse }
    }

    /// The handle's `pointerdown`.
    pub fn start(&self, ev: &web_sys::PointerEvent, key: K) {
        use wasm_bindgen::JsCast;
        ev.prevent_default();
        if let Some(handle) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = handle.set_pointer_capture(ev.pointer_id());
        }
        self.dragging.set(Some(key));
    }

    /// The list's `pointermove`: marks the item under the pointer.
    pub fn track(&self, ev: &web_sys::PointerEvent) {
        let Some(dragged) = self.dragging.get_untracked() else { return };
        ev.prevent_default();
        let target = attribute_under_pointer(ev, self.attribute).and_then(|v| (self.parse)(&v)).filter(|t| *t != dragged);
        if self.drop_before.get_untracked() != target {
            self.drop_before.set(target);
        }
    }

    /// The list's `pointerup`: `(dragged, before)` when the drop lands on another item.
    pub fn finish(&self) -> Option<(K, K)> {
        let dropped = self.dragging.get_untracked().zip(self.drop_before.get_untracked());
        self.cancel();
        dropped
    }

    /// The list's `pointercancel`.
    pub fn cancel(&self) {
        self.dragging.set(None);
        self.drop_before.set(None);
    }

    /// Whether `key` is being dragged (reactive).
    pub fn is_dragging(&self, key: &K) -> bool {
        self.dragging.with(|d| d.as_ref() == Some(key))
    }

    /// Whether `key` is where the drop would land (reactive).
    pub fn is_target(&self, key: &K) -> bool {
        self.drop_before.with(|d| d.as_ref() == Some(key))
    }
}

/// «Версия для слабовидящих» (ГОСТ Р 52872-2019): one switch in every page's top bar, remembered
/// on this device (`localStorage`, read before the page is drawn by `/static/vision.js`), with
/// black on white or white on black. The page's look is all CSS (`html[data-vision]`).
#[component]
pub fn VisionSwitch() -> impl IntoView {
    const KEY: &str = "nastavnik.vision";
    // Off until the browser says otherwise: the server cannot know this device's choice.
    let mode = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let current = document().document_element().and_then(|html| html.get_attribute("data-vision"));
        mode.set(current);
    });
    let apply = move |next: Option<&str>| {
        if let Some(html) = document().document_element() {
            let _ = match next {
                Some(scheme) => html.set_attribute("data-vision", scheme),
                None => html.remove_attribute("data-vision"),
            };
        }
        if let Some(storage) = window().local_storage().ok().flatten() {
            let _ = match next {
                Some(scheme) => storage.set_item(KEY, scheme),
                None => storage.remove_item(KEY),
            };
        }
        mode.set(next.map(str::to_owned));
    };
    let on = move || mode.with(Option::is_some);
    let dark = move || mode.with(|m| m.as_deref() == Some("dark"));
    view! {
        <div class="vision-switch">
            <button type="button" class="vision-toggle" data-testid="vision"
                on:click=move |_| apply(if on() { None } else { Some("light") })>
                {move || if on() { tr::VISION_OFF } else { tr::VISION_ON }}
            </button>
            <Show when=on>
                <button type="button" class="vision-toggle" data-testid="vision-scheme"
                    on:click=move |_| apply(Some(if dark() { "light" } else { "dark" }))>
                    {move || if dark() { tr::VISION_LIGHT } else { tr::VISION_DARK }}
                </button>
            </Show>
        </div>
    }
}

/// A modal dialog: the browser's own `<dialog>` opened with `showModal()`, so the page behind
/// it is inert and Tab stays inside it; Escape asks `on_close`; when `show` turns false the
/// focus goes back to the control that opened it (if that is gone, `/static/focus.js` finds
/// the nearest place still there). The element stays in the page, closed, so opening it again
/// needs no new markup; the children are drawn only while it is open.
#[component]
pub fn Modal(
    #[prop(into)] show: Signal<bool>,
    on_close: Callback<()>,
    /// The id of the element that names the dialog (its heading).
    labelled_by: &'static str,
    /// `alertdialog`: it asks to confirm something, not to fill something in.
    #[prop(optional)]
    alert: bool,
    #[prop(optional)] testid: &'static str,
    /// Classes beside `modal card`.
    #[prop(optional)]
    class: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The effect's own state is the control that opened the dialog (effects run only in the
    // browser, so the element never reaches the server's threads).
    Effect::new(move |opener: Option<Option<web_sys::HtmlElement>>| {
        let opener = opener.flatten();
        let open = show.get();
        let Some(element) = dialog.get() else { return opener };
        if open && !element.open() {
            use wasm_bindgen::JsCast;
            let focused = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            let _ = element.show_modal();
            return focused;
        }
        if !open && element.open() {
            element.close();
            if let Some(control) = opener.filter(|c| c.is_connected()) {
                let _ = control.focus();
            }
            return None;
        }
        opener
    });
    // Escape: the dialog is closed by its owner's state, never by the browser behind its back.
    let cancel = move |ev: web_sys::Event| {
        ev.prevent_default();
        on_close.run(());
    };
    view! {
        <dialog node_ref=dialog class=format!("modal card {class}") role=alert.then_some("alertdialog") aria-labelledby=labelled_by
            data-testid=(!testid.is_empty()).then_some(testid)
            on:cancel=cancel>
            <Show when=move || show.get()>{children()}</Show>
        </dialog>
    }
}

/// A wide table's own region, which scrolls sideways in large type or on a narrow screen
/// instead of widening the page (WCAG 1.4.10); focusable and named, so a keyboard can scroll it
/// and a screen reader says what it holds.
#[component]
pub fn Wide(#[prop(into)] label: String, children: Children) -> impl IntoView {
    view! { <div class="table-wrap" tabindex="0" role="region" aria-label=label>{children()}</div> }
}
