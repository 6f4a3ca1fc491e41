//! The pair-formation board. Drag a mentee card onto a mentor with a mouse, a finger or a pen
//! (pointer events: HTML5 drag-and-drop does not fire on touch), or pick a card and then a
//! mentor (tap, click or keyboard). Every change is saved at once against the version the
//! curator saw; undo/redo replay inverse changes.

use leptos::prelude::*;
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

/// What the curator holds: a picked card (tap or keyboard), a press that may become a drag,
/// and the drag itself.
#[derive(Clone, Copy)]
struct Hand {
    picked: RwSignal<Option<i64>>,
    press: RwSignal<Option<Press>>,
    drag: RwSignal<Option<Drag>>,
}

/// What the board says: the notice bar, the screen reader's line, and the reason dialog.
#[derive(Clone, Copy)]
struct Talk {
    notice: RwSignal<Option<Notice>>,
    announce: RwSignal<String>,
    asking_reason: RwSignal<Option<(Move, String)>>,
}

impl Talk {
    fn say(self, notice: Option<Notice>, announce: Option<String>) {
        if let Some(line) = announce {
            self.announce.set(line);
        }
        self.notice.set(notice);
    }
}

/// The matcher's proposals (with the time they took) and the card whose score is explained.
#[derive(Clone, Copy)]
struct Advice {
    suggestions: RwSignal<Option<(Vec<Suggestion>, f64)>>,
    explain: RwSignal<Option<i64>>,
}

/// Everything the board's parts share.
#[derive(Clone, Copy)]
struct Ctx {
    board: RwSignal<Board>,
    undo: RwSignal<Vec<BoardOp>>,
    redo: RwSignal<Vec<BoardOp>>,
    hand: Hand,
    talk: Talk,
    advice: Advice,
    /// Saves one change; `pending()` keeps undo, redo and the weights still meanwhile.
    save: Action<(BoardOp, Record), ()>,
}

/// Which way a change goes in the undo history.
#[derive(Clone, Copy, PartialEq)]
enum Record {
    New,
    Undo,
    Redo,
}

impl Ctx {
    fn new(initial: Board) -> Self {
        let board = RwSignal::new(initial);
        let (undo, redo) = (RwSignal::new(Vec::new()), RwSignal::new(Vec::new()));
        let hand = Hand { picked: RwSignal::new(None), press: RwSignal::new(None), drag: RwSignal::new(None) };
        let talk = Talk { notice: RwSignal::new(None), announce: RwSignal::new(String::new()), asking_reason: RwSignal::new(None) };
        let advice = Advice { suggestions: RwSignal::new(None), explain: RwSignal::new(None) };
        let save = Action::new_local(move |(op, record): &(BoardOp, Record)| {
            let (op, record) = (op.clone(), *record);
            async move { save_change(board, undo, redo, talk, advice, op, record).await }
        });
        Ctx { board, undo, redo, hand, talk, advice, save }
    }

    /// Checks locally, asks for a reason if the pair is a conflict, then saves.
    fn request(self, op: BoardOp) {
        let board = self.board.get_untracked();
        match board.check(&op) {
            Ok(()) => self.send(op, Record::New),
            Err(refusal @ Refusal::NeedsReason { .. }) => {
                if let BoardOp::Move(m) = &op {
                    self.talk.asking_reason.set(Some((m.clone(), refusal.message())));
                }
            }
            Err(refusal) => self.talk.say(Some(Notice::Error(refusal.message())), Some(refusal.message())),
        }
    }

    fn send(self, op: BoardOp, record: Record) {
        self.save.dispatch((op, record));
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
        if let Some(mentee_id) = self.hand.picked.get_untracked() {
            self.hand.picked.set(None);
            self.request(BoardOp::Move(Move { mentee_id, mentor_id, reason: None }));
            // Asked for a reason: the card stays picked until the dialog is answered, so a
            // cancelled dialog leaves the curator where they were (and the focus on the mentor).
            if self.talk.asking_reason.with_untracked(Option::is_some) {
                self.hand.picked.set(Some(mentee_id));
            }
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

/// Sends a change made on the board as the curator saw it; on success records its inverse for
/// undo, on a stale version reloads the board and says what changed meanwhile.
async fn save_change(
    board: RwSignal<Board>,
    undo: RwSignal<Vec<BoardOp>>,
    redo: RwSignal<Vec<BoardOp>>,
    talk: Talk,
    advice: Advice,
    op: BoardOp,
    record: Record,
) {
    let before = board.get_untracked();
    let inverse = before.inverse(&op);
    match apply_board(before.programme.id, before.version, op.clone()).await {
        Ok(after) => {
            if let Some(inverse) = inverse {
                match record {
                    Record::New => {
                        undo.update(|u| u.push(inverse));
                        redo.set(Vec::new());
                    }
                    Record::Undo => redo.update(|r| r.push(inverse)),
                    Record::Redo => undo.update(|u| u.push(inverse)),
                }
            }
            let done = matches!(op, BoardOp::Fix).then(|| Notice::Info(tr::BOARD_FIXED_DONE.into()));
            talk.say(done, Some(describe_for_screen_reader(&after, &op)));
            advice.suggestions.update(|s| {
                if let Some((list, _)) = s {
                    list.retain(|x| after.assignment(x.mentee_id).map(|a| a.mentor_id) != x.mentor_id);
                }
            });
            board.set(after);
        }
        Err(AppError::Stale(changes)) => {
            if let Ok(fresh) = get_board(before.programme.id).await {
                board.set(fresh);
            }
            undo.set(Vec::new());
            redo.set(Vec::new());
            talk.say(Some(Notice::Stale(changes)), Some(tr::BOARD_STALE.into()));
        }
        Err(AppError::Refused(message)) => talk.say(Some(Notice::Error(message.clone())), Some(message)),
        Err(other) => talk.say(Some(Notice::Error(other.to_string())), None),
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
/// Where an arrow key takes the focus from a card's pick button or a mentor's header: up and
/// down through the stops of one group (its header, then its cards), left and right to the
/// first stop of the previous or next group (the pool first, then the mentors). Elsewhere (a
/// select, a text field) the arrows keep their own meaning.
fn arrow_target(board: &web_sys::Element, from: &web_sys::Element, step: i32, across: bool) -> Option<web_sys::HtmlElement> {
    const STOPS: &str = ".mentor-head:not([disabled]), .card-pick";
    if !from.matches(STOPS).unwrap_or(false) {
        return None;
    }
    let all = |parent: &web_sys::Element, selector: &str| -> Vec<web_sys::Element> {
        parent.query_selector_all(selector).map(|list| (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()).unwrap_or_default()
    };
    let zone = from.closest("[data-drop]").ok().flatten()?;
    let next = if across {
        let zones = all(board, "[data-drop]");
        let at = zones.iter().position(|z| z == &zone)?;
        // The nearest group that direction with something to focus (an empty group is passed).
        let others: Vec<web_sys::Element> = if step > 0 { zones[at + 1..].to_vec() } else { zones[..at].iter().rev().cloned().collect() };
        let found = others.iter().find_map(|z| all(z, STOPS).into_iter().next());
        found
    } else {
        let stops = all(&zone, STOPS);
        let at = stops.iter().position(|s| s == from)? as i32;
        stops.get(usize::try_from(at + step).ok()?).cloned()
    };
    next?.dyn_into().ok()
}

fn zone_at(x: f64, y: f64) -> Option<String> {
    let element = document().element_from_point(x as f32, y as f32)?;
    element.closest("[data-drop]").ok().flatten()?.get_attribute("data-drop")
}

#[component]
fn BoardView(initial: Board) -> impl IntoView {
    let ctx = Ctx::new(initial);
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
        // A dialog open over the board answers its own keys (Escape closes it, not the pick).
        let dialog_open = document().query_selector("dialog[open]").ok().flatten().is_some();
        if typing || dialog_open || !board.with_untracked(|b| b.can_edit) {
            return;
        }
        if ctrl && (key == "z" || key == "я") && ev.shift_key() || ctrl && (key == "y" || key == "н") {
            ev.prevent_default();
            ctx.redo();
        } else if ctrl && (key == "z" || key == "я") {
            ev.prevent_default();
            ctx.undo();
        } else if key == "escape" {
            ctx.hand.picked.set(None);
            ctx.advice.explain.set(None);
        }
    });
    on_cleanup(move || keys.remove());

    let pointer_move = move |ev: leptos::ev::PointerEvent| {
        let Some(press) = ctx.hand.press.get_untracked() else { return };
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        let moved = (x - press.x).hypot(y - press.y) > 6.0;
        if moved || ctx.hand.drag.with_untracked(Option::is_some) {
            ctx.hand.drag.set(Some(Drag { mentee_id: press.mentee_id, x, y, over: zone_at(x, y) }));
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
        let Some(press) = ctx.hand.press.get_untracked() else { return };
        ctx.hand.press.set(None);
        match ctx.hand.drag.get_untracked() {
            Some(_) => {
                ctx.hand.drag.set(None);
                if let Some(zone) = zone_at(ev.client_x() as f64, ev.client_y() as f64) {
                    ctx.drop_on(press.mentee_id, &zone);
                }
            }
            // A tap: pick the card (or drop the pick).
            None => ctx.hand.picked.update(|p| *p = if *p == Some(press.mentee_id) { None } else { Some(press.mentee_id) }),
        }
    };
    let pointer_cancel = move |_| {
        ctx.hand.press.set(None);
        ctx.hand.drag.set(None);
    };
    let arrow_keys = move |ev: leptos::ev::KeyboardEvent| {
        let step: i32 = match ev.key().as_str() {
            "ArrowUp" | "ArrowLeft" => -1,
            "ArrowDown" | "ArrowRight" => 1,
            _ => return,
        };
        let across = matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight");
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let board_element = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if let (Some(target), Some(board_element)) = (target, board_element) {
            if let Some(next) = arrow_target(&board_element, &target, step, across) {
                ev.prevent_default();
                let _ = next.focus();
            }
        }
    };

    view! {
        <div class="board" class:dragging=move || ctx.hand.drag.with(Option::is_some)
            on:pointermove=pointer_move on:pointerup=pointer_up on:pointercancel=pointer_cancel on:keydown=arrow_keys>
            <BoardHeader/>
            <NoticeBar/>
            <p class="sr-only" aria-live="polite" data-testid="announce">{move || ctx.talk.announce.get()}</p>
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

