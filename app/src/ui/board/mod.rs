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

mod cards;
mod panels;

use cards::*;
use panels::*;

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

