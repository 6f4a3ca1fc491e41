//! The board's panels around the cards: its header and tools, suggestions, notices, the pool
//! of mentees without a mentor, the reason dialog, the criteria's weights and the history.

use super::*;

#[component]
pub(super) fn BoardHeader() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let board = ctx.board;
    let programme_id = move || board.with(|b| b.programme.id);
    let suggest = move |_| {
        let started = window().performance().map(|p| p.now()).unwrap_or_default();
        let list = board.with_untracked(Board::suggestions);
        let elapsed = window().performance().map(|p| p.now()).unwrap_or_default() - started;
        ctx.advice.suggestions.set(Some((list, elapsed)));
    };
    view! {
        <div class="board-head">
            <div class="grow">
                <h1>{tr::BOARD_TITLE}</h1>
                <p class="muted">{move || board.with(|b| format!("{} · {}", b.organisation_name, b.programme.title))}</p>
            </div>
            <Show when=move || board.with(|b| b.can_edit)>
                <button class="button secondary" data-testid="undo" disabled=move || ctx.undo.with(Vec::is_empty) || ctx.save.pending().get()
                    on:click=move |_| ctx.undo() title="Ctrl+Z">{tr::BOARD_UNDO}</button>
                <button class="button secondary" data-testid="redo" disabled=move || ctx.redo.with(Vec::is_empty) || ctx.save.pending().get()
                    on:click=move |_| ctx.redo() title="Ctrl+Shift+Z">{tr::BOARD_REDO}</button>
                <button class="button secondary" on:click=suggest>{tr::BOARD_SUGGEST}</button>
                <button class="button primary" disabled=move || board.with(|b| b.assignments.is_empty())
                    on:click=move |_| ctx.request(BoardOp::Fix)>{tr::BOARD_FIX}</button>
            </Show>
            <A href=move || format!("/programmes/{}/order", programme_id()) attr:class="button secondary">{tr::BOARD_ORDER}</A>
        </div>
        <SuggestionBar/>
    }
}

/// What «Подобрать пары» proposes: how many changes, the board's total before and after, and
/// «Принять все», which first says what it will change — naming the pairs already on the
/// board it moves — and acts only on «Да, изменить».
#[component]
pub(super) fn SuggestionBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let confirming = RwSignal::new(false);
    Effect::new(move |_| {
        ctx.advice.suggestions.track();
        confirming.set(false);
    });
    move || {
        ctx.advice.suggestions.get().map(|(list, ms)| {
            let count = list.len();
            let moves: Vec<Move> = list.iter().map(|s| Move { mentee_id: s.mentee_id, mentor_id: s.mentor_id, reason: None }).collect();
            let before = ctx.board.with_untracked(Board::total_score);
            let after = before + list.iter().map(Suggestion::gain).sum::<f64>();
            let name = |id: Option<i64>, mentor: bool| {
                ctx.board.with_untracked(|b| {
                    id.and_then(|id| if mentor { b.mentor(id) } else { b.mentee(id) }).map(BoardPerson::name).unwrap_or_else(|| tr::BOARD_POOL.into())
                })
            };
            let moved: Vec<String> = list
                .iter()
                .filter(|s| s.moves_a_pair())
                .map(|s| tr::board_moved_pair(&name(Some(s.mentee_id), false), &name(s.from_mentor_id, true), &name(s.mentor_id, true)))
                .collect();
            let summary = tr::board_accept_summary(count, moved.len());
            view! {
                <div class="notice suggest-bar" data-testid="suggestions" role="status">
                    <span class="grow">
                        {if count == 0 { tr::BOARD_NO_SUGGESTIONS.to_owned() } else { tr::board_suggested(count, before, after) }}
                        <small class="muted">{format!(" · {ms:.1} мс")}</small>
                    </span>
                    {(count > 0).then(|| view! {
                        <button class="button primary" on:click=move |_| confirming.set(true)>{tr::BOARD_ACCEPT_ALL}</button>
                    })}
                    <button class="button secondary" on:click=move |_| ctx.advice.suggestions.set(None)>{tr::BOARD_REJECT_ALL}</button>
                </div>
                <crate::ui::widgets::Modal show=confirming on_close=Callback::new(move |()| confirming.set(false))
                    alert=true labelled_by="suggest-confirm-title" testid="accept-all-confirm">
                    <h2 id="suggest-confirm-title">{summary.clone()}</h2>
                    {(!moved.is_empty()).then(|| view! {
                        <ul>{moved.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}</ul>
                    })}
                    <div class="actions">
                        <button class="button primary" on:click={
                            let moves = moves.clone();
                            move |_| { confirming.set(false); ctx.request(BoardOp::Moves(moves.clone())); }
                        }>{tr::BOARD_ACCEPT_CONFIRM}</button>
                        <button class="button secondary" on:click=move |_| confirming.set(false)>{tr::CANCEL}</button>
                    </div>
                </crate::ui::widgets::Modal>
            }
        })
    }
}

#[component]
pub(super) fn NoticeBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        ctx.talk.notice.get().map(|notice| match notice {
            Notice::Error(text) => view! { <crate::ui::page::Notice error=true text testid="board-error"/> }.into_any(),
            Notice::Info(text) => view! { <crate::ui::page::Notice text/> }.into_any(),
            Notice::Stale(changes) => view! {
                <div class="notice error" role="alert" data-testid="board-stale">
                    <p>{tr::BOARD_STALE}</p>
                    <ul>{changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                </div>
            }.into_any(),
        })
    }
}

#[component]
pub(super) fn Pool() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let board = ctx.board;
    let free = move || {
        board.with(|b| b.mentees.iter().filter(|m| b.assignment(m.id).is_none()).map(|m| m.id).collect::<Vec<_>>())
    };
    // Proposals to take a mentee out of a draft pair, to make room for a better one.
    let back_to_pool = move || {
        ctx.advice.suggestions.with(|s| {
            s.as_ref().map(|(list, _)| list.iter().filter(|x| x.mentor_id.is_none()).cloned().collect::<Vec<_>>()).unwrap_or_default()
        })
    };
    view! {
        <section class="pool zone" data-drop="pool" aria-label=tr::BOARD_POOL
            class:over=move || ctx.hand.drag.with(|d| d.as_ref().and_then(|d| d.over.as_deref()) == Some("pool"))>
            <h2>{tr::BOARD_POOL} " " <span class="badge">{move || free().len()}</span></h2>
            <p class="muted small">{tr::BOARD_POOL_HINT}</p>
            <Show when=move || ctx.hand.picked.get().is_some_and(|id| board.with(|b| b.assignment(id).is_some()))>
                <button class="button secondary" on:click=move |_| ctx.place_picked(None)>{tr::BOARD_TO_POOL}</button>
            </Show>
            <ul class="cards-list">
                <For each=free key=|id| *id let:mentee_id>
                    <MenteeCard mentee_id/>
                </For>
                <For each=back_to_pool key=|s| s.mentee_id let:suggestion>
                    <GhostCard suggestion/>
                </For>
            </ul>
        </section>
    }
}

#[component]
pub(super) fn ReasonDialog() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let reason = RwSignal::new(String::new());
    let asking = Signal::derive(move || ctx.talk.asking_reason.with(Option::is_some));
    let close = Callback::new(move |()| ctx.talk.asking_reason.set(None));
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((mut with_reason, _)) = ctx.talk.asking_reason.get_untracked() else { return };
        if reason.get_untracked().trim().is_empty() {
            return;
        }
        with_reason.reason = Some(reason.get_untracked());
        ctx.hand.picked.set(None);
        ctx.talk.asking_reason.set(None);
        reason.set(String::new());
        ctx.send(BoardOp::Move(with_reason), Record::New);
    };
    view! {
        <crate::ui::widgets::Modal show=asking on_close=close labelled_by="reason-title" testid="reason-dialog">
            <form on:submit=confirm>
                <h2 id="reason-title">{tr::BOARD_CONFLICT}</h2>
                <p>{move || ctx.talk.asking_reason.with(|asking| asking.as_ref().map(|(_, warning)| warning.clone()))}</p>
                <label class="field"><span>{tr::BOARD_REASON_LABEL}</span>
                    <textarea rows="3" maxlength="500" required prop:value=reason
                        on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                </label>
                <div class="actions">
                    <button type="submit" class="button primary">{tr::BOARD_CONFIRM}</button>
                    <button type="button" class="button secondary" on:click=move |_| close.run(())>{tr::CANCEL}</button>
                </div>
            </form>
        </crate::ui::widgets::Modal>
    }
}

#[component]
pub(super) fn WeightsPanel() -> impl IntoView {
    use domain::matching::score::{Criterion, Weight};
    let ctx = expect_context::<Ctx>();
    let board = ctx.board;
    let disabled = move || !board.with(|b| b.can_edit) || ctx.save.pending().get();
    view! {
        <details class="card weights" data-testid="weights">
            <summary>{tr::BOARD_WEIGHTS}</summary>
            <p class="muted small">{tr::BOARD_WEIGHTS_HELP}</p>
            <div class="form-grid">
                {Criterion::ALL.iter().map(|criterion| {
                    let criterion = *criterion;
                    let current = move || board.with(|b| b.weights.of(criterion));
                    view! {
                        <label class="field"><span>{tr::criterion(criterion)}</span>
                            <select disabled=disabled on:change=move |ev| {
                                let chosen = event_target_value(&ev);
                                if let Some(weight) = Weight::from_code(&chosen) {
                                    let next = board.with_untracked(|b| b.weights.with(criterion, weight));
                                    ctx.advice.suggestions.set(None);
                                    ctx.request(BoardOp::Weights(next));
                                }
                            }>
                                {Weight::ALL.iter().map(|w| {
                                    let w = *w;
                                    view! { <option value=w.code() selected=move || current() == w>{tr::weight(w)}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                    }
                }).collect_view()}
            </div>
        </details>
    }
}

#[component]
pub(super) fn History() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <details class="card history">
            <summary>{tr::BOARD_HISTORY}</summary>
            <ol data-testid="history">
                {move || ctx.board.with(|b| b.history.iter().map(|h| view! {
                    <li><span class="muted">{crate::ui::session::time_zone().local_minutes(&h.at)} " · " {h.user_name.clone()}</span>
                        " — " {h.summary.clone()}</li>
                }).collect_view())}
            </ol>
        </details>
    }
}
