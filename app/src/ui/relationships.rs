//! The "prior relationships" section of a participant's page.

use leptos::prelude::*;

use crate::api::participants::{list_participants, ParticipantPage};
use crate::api::relationships::{list_relationships, AddRelationship, RemoveRelationship};
use crate::error::AppError;
use domain::i18n::tr;
use domain::models::*;

/// The section's actions and resources, created by the page before any suspense.
#[derive(Clone, Copy)]
pub struct RelationshipsData {
    add: ServerAction<AddRelationship>,
    remove: ServerAction<RemoveRelationship>,
    list: Resource<Result<Vec<Relationship>, AppError>>,
    school: Resource<Result<ParticipantPage, AppError>>,
}

impl RelationshipsData {
    /// For the participant whose id `participant_id` gives (none on the "new" page).
    pub fn new(participant_id: impl Fn() -> Option<i64> + Send + Sync + Copy + 'static) -> Self {
        let add = ServerAction::<AddRelationship>::new();
        let remove = ServerAction::<RemoveRelationship>::new();
        let list = Resource::new(
            move || (participant_id(), add.version().get(), remove.version().get()),
            |(id, _, _)| async move {
                match id {
                    Some(id) => list_relationships(id).await,
                    None => Ok(Vec::new()),
                }
            },
        );
        let school = Resource::new(participant_id, |id| async move {
            match id {
                Some(_) => list_participants(None, ParticipantFilter::default()).await,
                None => Err(AppError::NotFound),
            }
        });
        Self { add, remove, list, school }
    }
}

#[component]
pub fn Relationships(participant_id: i64, data: RelationshipsData) -> impl IntoView {
    let RelationshipsData { add, remove, list, school } = data;
    let other = RwSignal::new(String::new());
    let kind = RwSignal::new(RelationshipKind::FormerClassTeacher.code().to_owned());
    let error = move || match add.value().get() {
        Some(Err(e)) => Some(e.field_message("other_id").unwrap_or_else(|| e.to_string())),
        _ => None,
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(other_id) = other.get().parse::<i64>() else {
            return;
        };
        if let Some(kind) = RelationshipKind::from_code(&kind.get()) {
            add.dispatch(AddRelationship { participant_id, other_id, kind });
        }
    };

    view! {
        <section class="card" aria-labelledby="relations-title">
            <h2 id="relations-title">{tr::RELATIONS_TITLE}</h2>
            <p class="muted">{tr::RELATIONS_HELP}</p>
            <Transition fallback=|| view! { <p>{tr::LOADING}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(items) if items.is_empty() => view! { <p data-testid="relations-none">{tr::RELATIONS_NONE}</p> }.into_any(),
                        Ok(items) => view! {
                            <ul class="relations">
                                {items.into_iter().map(|r| view! {
                                    <li data-testid="relation">
                                        <span class="grow">{r.other_name.clone()} " — " {tr::relationship(r.kind)}</span>
                                        <button type="button" class="button secondary"
                                            on:click=move |_| { remove.dispatch(RemoveRelationship { id: r.id }); }>{tr::REMOVE}</button>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <p class="error">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
            <form class="toolbar" on:submit=submit>
                // The whole select sits inside the Transition: a browser drops the markers
                // hydration needs if they are placed between <option>s.
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        let people = school.await.map(|page| page.participants).unwrap_or_default();
                        view! {
                            <label class="field grow"><span>{tr::RELATION_WITH}</span>
                                <select on:change=move |ev| other.set(event_target_value(&ev)) required>
                                    <option value="">{tr::CHOOSE}</option>
                                    {people.into_iter()
                                        .filter(|p| p.id != participant_id)
                                        .map(|p| view! { <option value=p.id.to_string()>{p.full_name()}</option> })
                                        .collect_view()}
                                </select>
                            </label>
                        }
                    })}
                </Transition>
                <label class="field"><span>{tr::RELATION_KIND}</span>
                    <select on:change=move |ev| kind.set(event_target_value(&ev))>
                        {RelationshipKind::ALL.iter().map(|k| view! { <option value=k.code()>{tr::relationship(*k)}</option> }).collect_view()}
                    </select>
                </label>
                <button type="submit" class="button secondary">{tr::RELATION_ADD}</button>
                <p class="field-error span-all" role="alert">{error}</p>
            </form>
        </section>
    }
}
