//! The cards on the board: a mentor's zone with the mentees in it, a mentee's card with its
//! score and lock, a suggested pair's ghost, and the card that follows a drag.

use super::*;

#[component]
pub(super) fn MentorZone(mentor_id: i64) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let board = ctx.board;
    let name = move || board.with(|b| b.mentor(mentor_id).map(BoardPerson::name).unwrap_or_default());
    let details = move || {
        board.with(|b| {
            b.mentor(mentor_id)
                .map(|m| {
                    let mut parts = m.data.subjects.clone();
                    if let Some(years) = m.data.experience_years {
                        parts.push(format!("стаж {years}"));
                    }
                    if let Some(grade) = &m.data.grade {
                        parts.push(grade.clone());
                    }
                    parts.join(" · ")
                })
                .unwrap_or_default()
        })
    };
    let load = move || board.with(|b| b.group(mentor_id).len());
    let capacity = move || board.with(|b| b.capacity(mentor_id));
    let members = move || board.with(|b| b.group(mentor_id).iter().map(|a| a.mentee_id).collect::<Vec<_>>());
    let ghosts = move || {
        ctx.advice.suggestions.with(|s| {
            s.as_ref().map(|(list, _)| list.iter().filter(|x| x.mentor_id == Some(mentor_id)).cloned().collect::<Vec<_>>()).unwrap_or_default()
        })
    };
    let zone = mentor_id.to_string();
    let over = {
        let zone = zone.clone();
        move || ctx.hand.drag.with(|d| d.as_ref().and_then(|d| d.over.clone()) == Some(zone.clone()))
    };
    view! {
        <article class="mentor zone" data-drop=zone data-testid="mentor" class:over=over class:full={move || load() as i64 >= capacity()}>
            <button class="mentor-head" disabled=move || ctx.hand.picked.get().is_none()
                on:click=move |_| ctx.place_picked(Some(mentor_id))
                aria-label=move || format!("{}: {}", name(), tr::board_capacity(load(), capacity()))>
                <strong>{name}</strong>
                <span class="capacity" data-testid="capacity">{move || tr::board_capacity(load(), capacity())}</span>
                <small class="muted">{details}</small>
            </button>
            <Show when=move || board.with(|b| b.programme.variants.len() > 1 && !b.group(mentor_id).is_empty())>
                <select class="variant" aria-label=move || format!("{}: {}", tr::PROGRAMME_VARIANTS, name())
                    disabled=move || !board.with(|b| b.can_edit)
                    on:change=move |ev| {
                        if let Some(variant) = Variant::from_code(&event_target_value(&ev)) {
                            ctx.request(BoardOp::Variant { mentor_id, variant });
                        }
                    }>
                    {move || board.with(|b| {
                        let current = b.variant_for(mentor_id);
                        b.programme.variants.iter().map(|v| view! {
                            <option value=v.code() selected=*v == current>{tr::variant(*v)}</option>
                        }).collect_view()
                    })}
                </select>
            </Show>
            <ul class="cards-list">
                <For each=members key=|id| *id let:mentee_id>
                    <MenteeCard mentee_id/>
                </For>
                <For each=ghosts key=|s| s.mentee_id let:suggestion>
                    <GhostCard suggestion/>
                </For>
            </ul>
        </article>
    }
}

#[component]
pub(super) fn GhostCard(suggestion: Suggestion) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let name = ctx.board.with_untracked(|b| b.mentee(suggestion.mentee_id).map(BoardPerson::name).unwrap_or_default());
    let (mentee_id, mentor_id) = (suggestion.mentee_id, suggestion.mentor_id);
    // What the change gains: «+62» for a mentee from the pool, «40 → 70 (+30)» for a moved pair.
    let gain = match suggestion.score_before {
        Some(before) => format!("{before:.0} → {:.0} ({:+.0})", suggestion.score, suggestion.gain()),
        None => format!("{:+.0}", suggestion.gain()),
    };
    view! {
        <li class="card ghost" data-testid="ghost">
            <span class="grow">{name.clone()} " · " <span class="gain" data-testid="gain">{gain}</span></span>
            <button class="button primary small" aria-label=format!("{}: {name}", tr::BOARD_ACCEPT)
                on:click=move |_| ctx.request(BoardOp::Move(Move { mentee_id, mentor_id, reason: None }))>{tr::BOARD_ACCEPT}</button>
            <button class="button secondary small" aria-label=format!("{}: {name}", tr::BOARD_REJECT_ONE)
                on:click=move |_| ctx.advice.suggestions.update(|s| if let Some((list, _)) = s { list.retain(|x| x.mentee_id != mentee_id) })>"×"</button>
        </li>
    }
}

#[component]
pub(super) fn MenteeCard(mentee_id: i64) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let board = ctx.board;
    let person = move || board.with(|b| b.mentee(mentee_id).cloned());
    let name = move || person().map(|p| p.name()).unwrap_or_default();
    let detail = move || {
        person()
            .map(|p| p.data.grade.clone().unwrap_or_else(|| p.data.subjects.join(", ")))
            .unwrap_or_default()
    };
    let chips = move || person().map(|p| p.data.requests.iter().chain(&p.data.deficits).take(3).cloned().collect::<Vec<_>>()).unwrap_or_default();
    let assignment = move || board.with(|b| b.assignment(mentee_id).cloned());
    let score = move || board.with(|b| assignment().and_then(|a| b.score(a.mentor_id, mentee_id)));
    let flags = move || {
        board.with(|b| {
            assignment()
                .map(|a| (b.relationship(a.mentor_id, mentee_id), b.contradicts_variant(&a), a.locked, a.status == PairStatus::Fixed))
                .unwrap_or((None, false, false, false))
        })
    };
    let picked = move || ctx.hand.picked.get() == Some(mentee_id);
    let dragged = move || ctx.hand.drag.with(|d| d.as_ref().map(|d| d.mentee_id) == Some(mentee_id));
    let pointer_down = move |ev: leptos::ev::PointerEvent| {
        if !board.with_untracked(|b| b.can_edit) || ev.button() != 0 {
            return;
        }
        if ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|e| e.closest("button.tool").ok().flatten().is_some()) {
            return;
        }
        if let Some(card) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = card.set_pointer_capture(ev.pointer_id());
        }
        ctx.hand.press.set(Some(Press { mentee_id, x: ev.client_x() as f64, y: ev.client_y() as f64 }));
    };
    // Enter, Space and a screen reader's activation click the pick button with `detail` 0;
    // a mouse or a finger is handled by the board's pointer events (a tap picks, a move drags).
    let activate = move |ev: leptos::ev::MouseEvent| {
        if ev.detail() == 0 && board.with_untracked(|b| b.can_edit) {
            ctx.hand.picked.update(|p| *p = if *p == Some(mentee_id) { None } else { Some(mentee_id) });
        }
    };
    view! {
        // The list item is what is dragged; the button inside is the control that picks it
        // (no control nested in another: the score and the padlock are its siblings).
        <li class="card mentee" data-testid="mentee" data-mentee=mentee_id.to_string()
            class:picked=picked class:lifted=dragged class:conflict=move || flags().0.is_some()
            on:pointerdown=pointer_down>
            <div class="card-line">
                <button type="button" class="card-pick grow" data-testid="pick" aria-pressed=move || picked().to_string() on:click=activate>
                    <strong>{name}</strong>
                    <small class="muted">{detail}</small>
                </button>
                {move || score().map(|s| view! { <ScoreBadge mentee_id score=s/> })}
            </div>
            <div class="chips">{move || chips().into_iter().map(|c| view! { <span class="chip">{c}</span> }).collect_view()}</div>
            {move || {
                let (relation, contradicts, locked, fixed) = flags();
                let a = assignment();
                view! {
                    {relation.map(|kind| view! { <p class="flag conflict-flag" data-testid="conflict">{format!("{}: {}", tr::BOARD_CONFLICT, tr::relationship(kind))}
                        {a.as_ref().and_then(|a| a.conflict_reason.clone()).map(|r| format!(" — {r}"))}</p> })}
                    {contradicts.then(|| view! { <p class="flag" data-testid="variant-flag">{tr::BOARD_VARIANT_FLAG}</p> })}
                    {fixed.then(|| view! { <small class="badge">{tr::BOARD_FIXED}</small> })}
                    {a.is_some().then(|| view! {
                        <button class="tool lock" class:on=locked aria-pressed=locked.to_string() data-testid="lock"
                            title=if locked { tr::BOARD_UNLOCK } else { tr::BOARD_LOCK }
                            aria-label=if locked { tr::BOARD_UNLOCK } else { tr::BOARD_LOCK }
                            on:click=move |_| ctx.request(BoardOp::Lock { mentee_id, locked: !locked })>
                            <LockIcon locked/>
                        </button>
                    })}
                }
            }}
        </li>
    }
}

/// A padlock drawn inline: no icon font or emoji font needed on the school's devices.
#[component]
pub(super) fn LockIcon(locked: bool) -> impl IntoView {
    let shackle = if locked { "M8 11V7a4 4 0 0 1 8 0v4" } else { "M8 11V7a4 4 0 0 1 7.6-1.7" };
    view! {
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
            <rect x="5" y="11" width="14" height="10" rx="2" fill="currentColor"/>
            <path d=shackle fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
        </svg>
    }
}

#[component]
pub(super) fn ScoreBadge(mentee_id: i64, score: Score) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = move || ctx.advice.explain.get() == Some(mentee_id);
    let total = score.total;
    let veto = score.veto.is_some();
    view! {
        <button class="tool score" class:veto=veto data-testid="score" aria-expanded=move || open().to_string()
            aria-label=format!("{}: {total:.0}. {}", tr::BOARD_SCORE, tr::BOARD_WHY)
            on:click=move |_| ctx.advice.explain.update(|e| *e = if *e == Some(mentee_id) { None } else { Some(mentee_id) })>
            {format!("{total:.0}")}
        </button>
        <Show when=open>
            <div class="explain" role="dialog" aria-label=tr::BOARD_WHY data-testid="explain">
                <strong>{tr::BOARD_WHY}</strong>
                <table>
                    {score.contributions.iter().map(|c| view! {
                        <tr><td>{tr::criterion(c.criterion)}</td><td class="muted">{tr::weight(c.weight)}</td>
                            <td class="num">{format!("{:+.0}", c.points)}</td></tr>
                    }).collect_view()}
                    <tr class="total"><td>{tr::BOARD_SCORE}</td><td></td><td class="num">{format!("{total:.0}")}</td></tr>
                </table>
                {score.veto.as_ref().map(|v| view! { <p class="flag">{tr::BOARD_VETO} ": " {tr::veto(v)}</p> })}
            </div>
        </Show>
    }
}

#[component]
pub(super) fn DragGhost() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        ctx.hand.drag.get().map(|d| {
            let name = ctx.board.with_untracked(|b| b.mentee(d.mentee_id).map(BoardPerson::name).unwrap_or_default());
            view! { <div class="drag-ghost" aria-hidden="true" style=format!("left:{}px;top:{}px", d.x, d.y)>{name}</div> }
        })
    }
}

