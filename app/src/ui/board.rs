//! The pair-formation board. Drag a mentee card onto a mentor with a mouse, a finger or a pen
//! (pointer events: HTML5 drag-and-drop does not fire on touch), or pick a card and then a
//! mentor (tap, click or keyboard). Every change is saved at once against the version the
//! curator saw; undo/redo replay inverse changes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::api::board::{apply_board, get_board};
use crate::error::AppError;
use domain::i18n::tr;
use domain::matching::board::*;
use domain::matching::score::Score;
use domain::models::*;

#[component]
pub fn BoardPage() -> impl IntoView {
    let initial = super::page::route_resource(|| 0, get_board);
    view! {
        <super::page::Loaded roles=&[UserRole::Curator, UserRole::Methodologist] resource=initial
            view=|board| view! { <BoardView initial=board/> }/>
    }
}

/// A drag in progress: which mentee, where the pointer is, which zone is under it.
#[derive(Clone, Debug, PartialEq)]
struct Drag {
    mentee_id: i64,
    x: f64,
    y: f64,
    over: Option<String>,
}

/// Where a pointer went down, to tell a drag from a tap.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Press {
    mentee_id: i64,
    x: f64,
    y: f64,
}

/// What the board says to the curator.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    Error(String),
    Stale(Vec<String>),
    Info(String),
}

/// Everything the board's parts share.
#[derive(Clone, Copy)]
struct Ctx {
    board: RwSignal<Board>,
    undo: RwSignal<Vec<BoardOp>>,
    redo: RwSignal<Vec<BoardOp>>,
    picked: RwSignal<Option<i64>>,
    drag: RwSignal<Option<Drag>>,
    press: RwSignal<Option<Press>>,
    notice: RwSignal<Option<Notice>>,
    announce: RwSignal<String>,
    asking_reason: RwSignal<Option<(Move, String)>>,
    suggestions: RwSignal<Option<(Vec<Suggestion>, f64)>>,
    explain: RwSignal<Option<i64>>,
    busy: RwSignal<bool>,
}

/// Which way a change goes in the undo history.
#[derive(Clone, Copy, PartialEq)]
enum Record {
    New,
    Undo,
    Redo,
}

impl Ctx {
    /// Checks locally, asks for a reason if the pair is a conflict, then saves.
    fn request(self, op: BoardOp) {
        let board = self.board.get_untracked();
        match board.check(&op) {
            Ok(()) => self.send(op, Record::New),
            Err(Refusal::NeedsReason { .. }) => {
                if let BoardOp::Move(m) = &op {
                    let message = board.check(&op).err().map(|r| r.message()).unwrap_or_default();
                    self.asking_reason.set(Some((m.clone(), message)));
                }
            }
            Err(refusal) => {
                self.notice.set(Some(Notice::Error(refusal.message())));
                self.announce.set(refusal.message());
            }
        }
    }

    fn send(self, op: BoardOp, record: Record) {
        let before = self.board.get_untracked();
        let inverse = before.inverse(&op);
        self.busy.set(true);
        spawn_local(async move {
            let result = apply_board(before.programme.id, before.version, op.clone()).await;
            self.busy.set(false);
            match result {
                Ok(after) => {
                    if let Some(inverse) = inverse {
                        match record {
                            Record::New => {
                                self.undo.update(|u| u.push(inverse));
                                self.redo.set(Vec::new());
                            }
                            Record::Undo => self.redo.update(|r| r.push(inverse)),
                            Record::Redo => self.undo.update(|u| u.push(inverse)),
                        }
                    }
                    self.announce.set(describe_for_screen_reader(&after, &op));
                    self.notice.set(matches!(op, BoardOp::Fix).then(|| Notice::Info(tr::BOARD_FIXED_DONE.into())));
                    self.suggestions.update(|s| {
                        if let Some((list, _)) = s {
                            list.retain(|x| after.assignment(x.mentee_id).map(|a| a.mentor_id) != Some(x.mentor_id));
                        }
                    });
                    self.board.set(after);
                }
                Err(AppError::Stale(changes)) => {
                    if let Ok(fresh) = get_board(before.programme.id).await {
                        self.board.set(fresh);
                    }
                    self.undo.set(Vec::new());
                    self.redo.set(Vec::new());
                    self.announce.set(tr::BOARD_STALE.into());
                    self.notice.set(Some(Notice::Stale(changes)));
                }
                Err(AppError::Refused(message)) => {
                    self.announce.set(message.clone());
                    self.notice.set(Some(Notice::Error(message)));
                }
                Err(other) => self.notice.set(Some(Notice::Error(other.to_string()))),
            }
        });
    }

    fn undo(self) {
        if let Some(op) = self.undo.try_update(|u| u.pop()).flatten() {
            self.send(op, Record::Undo);
        }
    }

    fn redo(self) {
        if let Some(op) = self.redo.try_update(|r| r.pop()).flatten() {
            self.send(op, Record::Redo);
        }
    }

    /// Puts the picked mentee with `mentor` (or back in the pool).
    fn place_picked(self, mentor_id: Option<i64>) {
        if let Some(mentee_id) = self.picked.get_untracked() {
            self.picked.set(None);
            self.request(BoardOp::Move(Move { mentee_id, mentor_id, reason: None }));
        }
    }

    fn drop_on(self, mentee_id: i64, zone: &str) {
        let target = if zone == "pool" { None } else { zone.parse::<i64>().ok() };
        let current = self.board.with_untracked(|b| b.assignment(mentee_id).map(|a| a.mentor_id));
        if target != current {
            self.request(BoardOp::Move(Move { mentee_id, mentor_id: target, reason: None }));
        }
    }
}

fn describe_for_screen_reader(board: &Board, op: &BoardOp) -> String {
    match op {
        BoardOp::Move(m) => tr::announce_move(
            &board.mentee(m.mentee_id).map(BoardPerson::name).unwrap_or_default(),
            m.mentor_id.and_then(|id| board.mentor(id)).map(BoardPerson::name).as_deref(),
        ),
        other => board.describe(other),
    }
}

/// The drop zone under a point: `"pool"` or a mentor id.
fn zone_at(x: f64, y: f64) -> Option<String> {
    let element = document().element_from_point(x as f32, y as f32)?;
    element.closest("[data-drop]").ok().flatten()?.get_attribute("data-drop")
}

#[component]
fn BoardView(initial: Board) -> impl IntoView {
    let ctx = Ctx {
        board: RwSignal::new(initial),
        undo: RwSignal::new(Vec::new()),
        redo: RwSignal::new(Vec::new()),
        picked: RwSignal::new(None),
        drag: RwSignal::new(None),
        press: RwSignal::new(None),
        notice: RwSignal::new(None),
        announce: RwSignal::new(String::new()),
        asking_reason: RwSignal::new(None),
        suggestions: RwSignal::new(None),
        explain: RwSignal::new(None),
        busy: RwSignal::new(false),
    };
    provide_context(ctx);
    let board = ctx.board;
    let can_edit = move || board.with(|b| b.can_edit);

    // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y), Escape drops a pick.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let key = ev.key().to_lowercase();
        let ctrl = ev.ctrl_key() || ev.meta_key();
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || !board.with_untracked(|b| b.can_edit) {
            return;
        }
        if ctrl && (key == "z" || key == "я") && ev.shift_key() || ctrl && (key == "y" || key == "н") {
            ev.prevent_default();
            ctx.redo();
        } else if ctrl && (key == "z" || key == "я") {
            ev.prevent_default();
            ctx.undo();
        } else if key == "escape" {
            ctx.picked.set(None);
            ctx.explain.set(None);
        }
    });
    on_cleanup(move || keys.remove());

    let pointer_move = move |ev: leptos::ev::PointerEvent| {
        let Some(press) = ctx.press.get_untracked() else { return };
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        let moved = (x - press.x).hypot(y - press.y) > 6.0;
        if moved || ctx.drag.with_untracked(Option::is_some) {
            ctx.drag.set(Some(Drag { mentee_id: press.mentee_id, x, y, over: zone_at(x, y) }));
            // Near the top or bottom edge the page scrolls, so a far mentor can be reached.
            let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
            let edge = 56.0;
            if y < edge {
                window().scroll_by_with_x_and_y(0.0, -(edge - y).min(24.0));
            } else if height > 0.0 && y > height - edge {
                window().scroll_by_with_x_and_y(0.0, (y - (height - edge)).min(24.0));
            }
        }
    };
    let pointer_up = move |ev: leptos::ev::PointerEvent| {
        let Some(press) = ctx.press.get_untracked() else { return };
        ctx.press.set(None);
        match ctx.drag.get_untracked() {
            Some(_) => {
                ctx.drag.set(None);
                if let Some(zone) = zone_at(ev.client_x() as f64, ev.client_y() as f64) {
                    ctx.drop_on(press.mentee_id, &zone);
                }
            }
            // A tap: pick the card (or drop the pick).
            None => ctx.picked.update(|p| *p = if *p == Some(press.mentee_id) { None } else { Some(press.mentee_id) }),
        }
    };
    let pointer_cancel = move |_| {
        ctx.press.set(None);
        ctx.drag.set(None);
    };

    view! {
        <div class="board" class:dragging=move || ctx.drag.with(Option::is_some)
            on:pointermove=pointer_move on:pointerup=pointer_up on:pointercancel=pointer_cancel>
            <BoardHeader/>
            <NoticeBar/>
            <p class="sr-only" aria-live="polite" data-testid="announce">{move || ctx.announce.get()}</p>
            <div class="board-columns">
                <Pool/>
                <section class="mentors" aria-label=tr::MENTORS>
                    <For each=move || board.with(|b| b.mentors.iter().map(|m| m.id).collect::<Vec<_>>()) key=|id| *id let:mentor_id>
                        <MentorZone mentor_id/>
                    </For>
                </section>
            </div>
            <WeightsPanel/>
            <History/>
            <ReasonDialog/>
            <DragGhost/>
            {move || (!can_edit()).then(|| view! { <p class="muted">{tr::BOARD_READ_ONLY}</p> })}
        </div>
    }
}

#[component]
fn BoardHeader() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let board = ctx.board;
    let programme_id = move || board.with(|b| b.programme.id);
    let suggest = move |_| {
        let started = window().performance().map(|p| p.now()).unwrap_or_default();
        let list = board.with_untracked(Board::suggestions);
        let elapsed = window().performance().map(|p| p.now()).unwrap_or_default() - started;
        ctx.suggestions.set(Some((list, elapsed)));
    };
    view! {
        <div class="board-head">
            <div class="grow">
                <h1>{tr::BOARD_TITLE}</h1>
                <p class="muted">{move || board.with(|b| format!("{} · {}", b.organisation_name, b.programme.title))}</p>
            </div>
            <Show when=move || board.with(|b| b.can_edit)>
                <button class="button secondary" data-testid="undo" disabled=move || ctx.undo.with(Vec::is_empty) || ctx.busy.get()
                    on:click=move |_| ctx.undo() title="Ctrl+Z">{tr::BOARD_UNDO}</button>
                <button class="button secondary" data-testid="redo" disabled=move || ctx.redo.with(Vec::is_empty) || ctx.busy.get()
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

#[component]
fn SuggestionBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        ctx.suggestions.get().map(|(list, ms)| {
            let count = list.len();
            let moves: Vec<Move> = list.iter().map(|s| Move { mentee_id: s.mentee_id, mentor_id: Some(s.mentor_id), reason: None }).collect();
            view! {
                <div class="notice suggest-bar" data-testid="suggestions">
                    <span class="grow">{if count == 0 { tr::BOARD_NO_SUGGESTIONS.to_owned() } else { format!("{}: {count}", tr::BOARD_SUGGEST) }}
                        <small class="muted">{format!(" · {ms:.1} мс")}</small></span>
                    {(count > 0).then(|| view! {
                        <button class="button primary" on:click=move |_| ctx.request(BoardOp::Moves(moves.clone()))>{tr::BOARD_ACCEPT_ALL}</button>
                    })}
                    <button class="button secondary" on:click=move |_| ctx.suggestions.set(None)>{tr::BOARD_REJECT_ALL}</button>
                </div>
            }
        })
    }
}

#[component]
fn NoticeBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        ctx.notice.get().map(|notice| match notice {
            Notice::Error(text) => view! { <p class="notice error" role="alert" data-testid="board-error">{text}</p> }.into_any(),
            Notice::Info(text) => view! { <p class="notice" role="status">{text}</p> }.into_any(),
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
fn Pool() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let board = ctx.board;
    let free = move || {
        board.with(|b| b.mentees.iter().filter(|m| b.assignment(m.id).is_none()).map(|m| m.id).collect::<Vec<_>>())
    };
    view! {
        <section class="pool zone" data-drop="pool" aria-label=tr::BOARD_POOL
            class:over=move || ctx.drag.with(|d| d.as_ref().and_then(|d| d.over.as_deref()) == Some("pool"))>
            <h2>{tr::BOARD_POOL} " " <span class="badge">{move || free().len()}</span></h2>
            <p class="muted small">{tr::BOARD_POOL_HINT}</p>
            <Show when=move || ctx.picked.get().is_some_and(|id| board.with(|b| b.assignment(id).is_some()))>
                <button class="button secondary" on:click=move |_| ctx.place_picked(None)>{tr::BOARD_TO_POOL}</button>
            </Show>
            <ul class="cards-list">
                <For each=free key=|id| *id let:mentee_id>
                    <MenteeCard mentee_id/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn MentorZone(mentor_id: i64) -> impl IntoView {
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
        ctx.suggestions.with(|s| {
            s.as_ref().map(|(list, _)| list.iter().filter(|x| x.mentor_id == mentor_id).cloned().collect::<Vec<_>>()).unwrap_or_default()
        })
    };
    let zone = mentor_id.to_string();
    let over = {
        let zone = zone.clone();
        move || ctx.drag.with(|d| d.as_ref().and_then(|d| d.over.clone()) == Some(zone.clone()))
    };
    view! {
        <article class="mentor zone" data-drop=zone data-testid="mentor" class:over=over class:full={move || load() as i64 >= capacity()}>
            <button class="mentor-head" disabled=move || ctx.picked.get().is_none()
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
fn GhostCard(suggestion: Suggestion) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let name = ctx.board.with_untracked(|b| b.mentee(suggestion.mentee_id).map(BoardPerson::name).unwrap_or_default());
    let (mentee_id, mentor_id) = (suggestion.mentee_id, suggestion.mentor_id);
    view! {
        <li class="card ghost" data-testid="ghost">
            <span class="grow">{name.clone()} " · " {format!("{:.0}", suggestion.score)}</span>
            <button class="button primary small" aria-label=format!("{}: {name}", tr::BOARD_ACCEPT)
                on:click=move |_| ctx.request(BoardOp::Move(Move { mentee_id, mentor_id: Some(mentor_id), reason: None }))>{tr::BOARD_ACCEPT}</button>
            <button class="button secondary small" aria-label=format!("{}: {name}", tr::BOARD_REJECT_ONE)
                on:click=move |_| ctx.suggestions.update(|s| if let Some((list, _)) = s { list.retain(|x| x.mentee_id != mentee_id) })>"×"</button>
        </li>
    }
}

#[component]
fn MenteeCard(mentee_id: i64) -> impl IntoView {
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
    let picked = move || ctx.picked.get() == Some(mentee_id);
    let dragged = move || ctx.drag.with(|d| d.as_ref().map(|d| d.mentee_id) == Some(mentee_id));
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
        ctx.press.set(Some(Press { mentee_id, x: ev.client_x() as f64, y: ev.client_y() as f64 }));
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if matches!(ev.key().as_str(), "Enter" | " ") && board.with_untracked(|b| b.can_edit) {
            ev.prevent_default();
            ctx.picked.update(|p| *p = if *p == Some(mentee_id) { None } else { Some(mentee_id) });
        }
    };
    view! {
        <li class="card mentee" data-testid="mentee" data-mentee=mentee_id.to_string()
            class:picked=picked class:lifted=dragged class:conflict=move || flags().0.is_some()
            tabindex="0" role="button" aria-pressed=move || picked().to_string()
            aria-label=move || format!("{} {}", name(), detail())
            on:pointerdown=pointer_down on:keydown=keydown>
            <div class="card-line">
                <strong class="grow">{name}</strong>
                {move || score().map(|s| view! { <ScoreBadge mentee_id score=s/> })}
            </div>
            <small class="muted">{detail}</small>
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
fn LockIcon(locked: bool) -> impl IntoView {
    let shackle = if locked { "M8 11V7a4 4 0 0 1 8 0v4" } else { "M8 11V7a4 4 0 0 1 7.6-1.7" };
    view! {
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
            <rect x="5" y="11" width="14" height="10" rx="2" fill="currentColor"/>
            <path d=shackle fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
        </svg>
    }
}

#[component]
fn ScoreBadge(mentee_id: i64, score: Score) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = move || ctx.explain.get() == Some(mentee_id);
    let total = score.total;
    let veto = score.veto.is_some();
    view! {
        <button class="tool score" class:veto=veto data-testid="score" aria-expanded=move || open().to_string()
            aria-label=format!("{}: {total:.0}. {}", tr::BOARD_SCORE, tr::BOARD_WHY)
            on:click=move |_| ctx.explain.update(|e| *e = if *e == Some(mentee_id) { None } else { Some(mentee_id) })>
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
fn DragGhost() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        ctx.drag.get().map(|d| {
            let name = ctx.board.with_untracked(|b| b.mentee(d.mentee_id).map(BoardPerson::name).unwrap_or_default());
            view! { <div class="drag-ghost" aria-hidden="true" style=format!("left:{}px;top:{}px", d.x, d.y)>{name}</div> }
        })
    }
}

#[component]
fn ReasonDialog() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let reason = RwSignal::new(String::new());
    move || {
        ctx.asking_reason.get().map(|(m, warning)| {
            let confirm = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let mut with_reason = m.clone();
                with_reason.reason = Some(reason.get_untracked());
                if reason.get_untracked().trim().is_empty() {
                    return;
                }
                ctx.asking_reason.set(None);
                reason.set(String::new());
                ctx.send(BoardOp::Move(with_reason), Record::New);
            };
            view! {
                <div class="modal-backdrop">
                    <form class="modal card" role="dialog" aria-modal="true" aria-labelledby="reason-title" on:submit=confirm data-testid="reason-dialog">
                        <h2 id="reason-title">{tr::BOARD_CONFLICT}</h2>
                        <p>{warning}</p>
                        <label class="field"><span>{tr::BOARD_REASON_LABEL}</span>
                            <textarea rows="3" maxlength="500" required prop:value=reason
                                on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                        </label>
                        <div class="actions">
                            <button type="submit" class="button primary">{tr::BOARD_CONFIRM}</button>
                            <button type="button" class="button secondary" on:click=move |_| ctx.asking_reason.set(None)>{tr::CANCEL}</button>
                        </div>
                    </form>
                </div>
            }
        })
    }
}

#[component]
fn WeightsPanel() -> impl IntoView {
    use domain::matching::score::{Criterion, Weight};
    let ctx = expect_context::<Ctx>();
    let board = ctx.board;
    let disabled = move || !board.with(|b| b.can_edit) || ctx.busy.get();
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
                                    ctx.suggestions.set(None);
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
fn History() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <details class="card history">
            <summary>{tr::BOARD_HISTORY}</summary>
            <ol data-testid="history">
                {move || ctx.board.with(|b| b.history.iter().map(|h| view! {
                    <li><span class="muted">{super::session::time_zone().local_minutes(&h.at)} " · " {h.user_name.clone()}</span>
                        " — " {h.summary.clone()}</li>
                }).collect_view())}
            </ol>
        </details>
    }
}
