//! Pieces drawn alike on a slide (server) and on the report page (server and browser).

use leptos::prelude::*;

use domain::reports::{Quadrant, SchoolFigures, Swot};
use domain::i18n::tr;

/// The pilot's opening table: participants by role and form, with the total.
pub fn counts_table(school: &SchoolFigures) -> impl IntoView {
    let forms = school.per_form.clone();
    let by_form = |pick: fn(&domain::reports::FormCount) -> i64| forms.iter().map(move |f| view! { <td class="num">{pick(f)}</td> }).collect_view();
    view! {
        <h2>{school.name.clone()} ": " {tr::SLIDE_COUNTS}</h2>
        <table class="counts">
            <thead><tr>
                <th>{tr::COUNTS_ROLE}</th>
                {school.per_form.iter().map(|f| view! { <th class="num">{tr::form(f.form)}</th> }).collect_view()}
                <th class="num">{tr::COUNTS_TOTAL}</th>
            </tr></thead>
            <tbody>
                <tr><th scope="row">{tr::MENTORS}</th>{by_form(|f| f.mentors)}<td class="num">{school.mentors}</td></tr>
                <tr><th scope="row">{tr::MENTEES}</th>{by_form(|f| f.mentees)}<td class="num">{school.mentees}</td></tr>
                <tr><th scope="row">{tr::CURATORS}</th>{school.per_form.iter().map(|_| view! { <td class="num">"—"</td> }).collect_view()}<td class="num">{school.curators}</td></tr>
                <tr class="total"><th scope="row">{tr::COUNTS_ALL}</th>{school.per_form.iter().map(|f| view! { <td class="num">{f.mentors + f.mentees}</td> }).collect_view()}<td class="num">{school.participants_total()}</td></tr>
            </tbody>
        </table>
        {school.involves_students().then(|| view! {
            <p class="caption">{tr::coverage_caption(school.students_involved, school.students_total, school.coverage_percent(), school.meets_indicator())}</p>
        })}
    }
}

/// A SWOT read-only, as four coloured quadrants with a heading each.
pub fn swot_grid(swot: &Swot, class: &'static str) -> impl IntoView {
    view! {
        <div class=class>
            {Quadrant::ALL.into_iter().map(|quadrant| view! {
                <div class=format!("quadrant {}", quadrant.code())>
                    <h3>{tr::quadrant(quadrant)}</h3>
                    <ul>{swot.items(quadrant).iter().map(|item| view! { <li>{item.clone()}</li> }).collect_view()}</ul>
                </div>
            }).collect_view()}
        </div>
    }
}
