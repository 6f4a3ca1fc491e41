//! The methodologist's district page: the district's figures and every school.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::participants::district_overview;
use domain::i18n::tr;
use domain::models::UserRole;

#[component]
pub fn DistrictPage() -> impl IntoView {
    let overview = Resource::new(|| (), |_| district_overview());
    view! { <crate::ui::page::Loaded roles=&[UserRole::Methodologist] resource=overview view=|o| view! { <DistrictView o/> }/> }
}

#[component]
fn DistrictView(o: crate::api::participants::DistrictPage) -> impl IntoView {
    let d = o.district;
    let share = domain::models::percent;
    view! {
        <h1>{d.name.clone()}</h1>
        <div class="figures">
            <div class="figure"><strong>{d.teachers_total}</strong><span>{tr::DISTRICT_TEACHERS}</span></div>
            <div class="figure"><strong>{d.teachers_under_35}</strong><span>{tr::DISTRICT_UNDER_35}</span></div>
            <div class="figure"><strong>{d.young_specialists} " (" {share(d.young_specialists, d.teachers_total)} "%)"</strong><span>{tr::DISTRICT_YOUNG}</span></div>
            <div class="figure"><strong>{d.organisations_in_mentoring} " (" {share(d.organisations_in_mentoring, d.organisations_total)} "%)"</strong><span>{tr::DISTRICT_ORGS}</span></div>
        </div>
        <p class="muted">{tr::DISTRICT_FIGURES_SOURCE}</p>
        <crate::ui::widgets::Wide label=tr::SCHOOLS_TITLE>
        <table class="table">
            <thead><tr><th>{tr::ORGANISATION}</th><th>{tr::STUDENTS}</th><th>{tr::TEACHERS}</th>
                <th>{tr::MENTORS}</th><th>{tr::MENTEES}</th><th>{tr::NAV_PROGRAMMES}</th><th></th></tr></thead>
            <tbody>
                {o.organisations.into_iter().map(|s| view! {
                    <tr>
                        <td><A href=format!("/participants?org={}", s.organisation.id)>{s.organisation.name.clone()}</A></td>
                        <td>{s.organisation.students_total}</td><td>{s.organisation.teachers_total}</td>
                        <td>{s.mentors}</td><td>{s.mentees}</td>
                        <td><A href=format!("/programmes?org={}", s.organisation.id)>{s.programmes}</A></td>
                        <td><A href=format!("/reports/school?org={}", s.organisation.id)>{tr::NAV_REPORT}</A>
                            " · " <A href=format!("/documents?org={}", s.organisation.id)>{tr::DOCUMENTS_TITLE}</A></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </crate::ui::widgets::Wide>
    }
}
