//! The coordinator's schools: add one, or change a school's name, short name and counts.

use leptos::prelude::*;

use super::page::{Fetched, Notice};
use super::widgets::{told_where_it_belongs, TextField};
use crate::api::schools::{list_schools, save_school};
use domain::i18n::tr;
use domain::models::{Organisation, SchoolData, SchoolInput};
use domain::FieldErrors;

/// The schools table and the form, which edits the school picked or adds a new one. `saved`
/// counts saves, for the pages that list the schools too.
#[component]
pub fn SchoolsPanel(saved: RwSignal<u32>) -> impl IntoView {
    let save = Action::new(|(id, input): &(Option<i64>, SchoolInput)| save_school(*id, input.clone()));
    let schools = Resource::new(move || save.version().get(), |_| list_schools());
    let editing = RwSignal::new(None::<i64>);
    let form = RwSignal::new(SchoolInput::default());
    let errors = RwSignal::new(FieldErrors::new());
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            editing.set(None);
            form.set(SchoolInput::default());
            errors.set(FieldErrors::new());
            saved.update(|n| *n += 1);
        }
    });
    let general = told_where_it_belongs(save, errors);
    let pick = move |school: Organisation| {
        editing.set(Some(school.id));
        errors.set(FieldErrors::new());
        form.set(SchoolInput {
            name: school.name,
            short_name: school.short_name,
            students_total: school.students_total.to_string(),
            teachers_total: school.teachers_total.to_string(),
            teachers_under_35: school.teachers_under_35.to_string(),
            young_specialists: school.young_specialists.to_string(),
            counts_on: school.counts_on.unwrap_or_default(),
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = form.get_untracked();
        match SchoolData::parse(&input) {
            Err(found) => errors.set(found),
            Ok(_) => {
                save.dispatch((editing.get_untracked(), input));
            }
        }
    };
    view! {
        <section class="no-print">
            <h2>{tr::SCHOOLS_TITLE}</h2>
            <Fetched resource=schools view=move |list| view! {
                <crate::ui::widgets::Wide label=tr::SCHOOLS_TITLE>
                <table class="table" data-testid="schools">
                    <thead><tr><th>{tr::CURATORS_SCHOOL}</th><th>{tr::SCHOOL_STUDENTS}</th><th>{tr::SCHOOL_TEACHERS}</th><th>{tr::SCHOOL_UNDER_35}</th><th>{tr::SCHOOL_YOUNG}</th><th>{tr::SCHOOL_COUNTS_ON}</th><th></th></tr></thead>
                    <tbody>
                        {list.into_iter().map(|school| {
                            let picked = school.clone();
                            view! {
                                <tr>
                                    <td>{school.name.clone()}</td>
                                    <td>{school.students_total}</td>
                                    <td>{school.teachers_total}</td>
                                    <td>{school.teachers_under_35}</td>
                                    <td>{school.young_specialists}</td>
                                    <td>{school.counts_on.clone().unwrap_or_default()}</td>
                                    <td><button type="button" class="button secondary" on:click=move |_| pick(picked.clone())>{tr::EDIT}</button></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                </crate::ui::widgets::Wide>
            }/>
            <form class="card form-grid" on:submit=submit novalidate>
                <h3 class="span-all">{move || if editing.get().is_some() { tr::SCHOOL_EDIT } else { tr::SCHOOL_ADD }}</h3>
                <TextField label=tr::SCHOOL_NAME name="name" form field=|i| &mut i.name errors/>
                <TextField label=tr::SCHOOL_SHORT_NAME name="short_name" form field=|i| &mut i.short_name errors/>
                <TextField label=tr::SCHOOL_STUDENTS name="students_total" form field=|i| &mut i.students_total errors numeric=true/>
                <TextField label=tr::SCHOOL_TEACHERS name="teachers_total" form field=|i| &mut i.teachers_total errors numeric=true/>
                <TextField label=tr::SCHOOL_UNDER_35 name="teachers_under_35" form field=|i| &mut i.teachers_under_35 errors numeric=true/>
                <TextField label=tr::SCHOOL_YOUNG name="young_specialists" form field=|i| &mut i.young_specialists errors numeric=true/>
                <TextField label=tr::SCHOOL_COUNTS_ON name="counts_on" form field=|i| &mut i.counts_on errors hint=tr::SCHOOL_COUNTS_ON_HINT/>
                <div class="actions span-all">
                    {move || general().map(|text| view! { <Notice error=true text/> })}
                    <button type="submit" class="button primary" disabled=move || save.pending().get()>{tr::SAVE}</button>
                    {move || editing.get().is_some().then(|| view! {
                        <button type="button" class="button secondary" on:click=move |_| { editing.set(None); form.set(SchoolInput::default()); }>{tr::CANCEL}</button>
                    })}
                </div>
            </form>
        </section>
    }
}
