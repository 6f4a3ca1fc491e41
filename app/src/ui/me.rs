//! A mentor's or mentee's own page: themself and their pairs.

use leptos::prelude::*;

use crate::api::participants::my_profile;
use domain::i18n::tr;
use domain::models::UserRole;

#[component]
pub fn MePage() -> impl IntoView {
    let profile = Resource::new(|| (), |_| my_profile());
    view! { <crate::ui::page::Loaded roles=&[UserRole::Mentor, UserRole::Mentee] resource=profile view=|me| view! { <ProfileView me/> }/> }
}

#[component]
fn ProfileView(me: crate::api::participants::Profile) -> impl IntoView {
    let data = me.participant.data.clone();
    let me_id = me.participant.id;
    view! {
        <h1>{tr::ME_TITLE}</h1>
        <section class="card">
            <h2>{me.participant.full_name()}</h2>
            <p>{tr::participant_role(data.role)} " · " {tr::participant_kind(data.kind)}</p>
            <div class="chips">{data.subjects.iter().chain(&data.requests).map(|c| view! { <span class="chip">{c.clone()}</span> }).collect_view()}</div>
        </section>
        <h2>{tr::MY_PAIRS}</h2>
        {if me.pairs.is_empty() {
            view! { <p class="notice">{tr::NO_PAIRS}</p> }.into_any()
        } else {
            view! { <ul class="cards">
                {me.pairs.into_iter().map(|p| view! {
                    <li class="card">
                        <strong>{p.partners.join(", ")}</strong>
                        // One person can mentor in one programme and be mentored in another.
                        <p class="muted">
                            {if p.pair.mentor_id == me_id { tr::ME_AS_MENTOR } else { tr::ME_AS_MENTEE }} " · "
                            {tr::variant(p.pair.variant)} " · " {tr::pair_status(p.pair.status)}
                        </p>
                    </li>
                }).collect_view()}
            </ul> }.into_any()
        }}
    }
}
