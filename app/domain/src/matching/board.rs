//! The pair-formation board: its state as both sides see it, the changes a curator makes,
//! and the rules a change must pass. Plain code: the server enforces it, the browser uses it
//! to warn before sending and to compute suggestions without a round trip.

use serde::{Deserialize, Serialize};

use super::assignment::{solve, Problem};
use super::score::{contradicts_variant, score, score_profiles, Profile, Score, Weights};
use crate::i18n::tr;
use crate::models::*;

/// A participant on the board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoardPerson {
    pub id: i64,
    pub data: NewParticipant,
}

impl BoardPerson {
    pub fn name(&self) -> String {
        self.data.full_name()
    }
}

/// A mentee placed with a mentor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    pub mentee_id: i64,
    pub mentor_id: i64,
    pub locked: bool,
    /// Why the curator kept a pair despite a prior relationship.
    pub conflict_reason: Option<String>,
    pub status: PairStatus,
    pub variant: Variant,
}

/// One line of the order fixing the pairs (приказ о закреплении наставнических пар).
#[derive(Clone, Debug, PartialEq)]
pub struct OrderLine {
    pub mentor: String,
    pub mentees: Vec<String>,
    pub variant: Variant,
}

/// One line of the board's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub version: i64,
    pub user_name: String,
    pub at: String,
    pub summary: String,
}

/// Everything the board page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub programme: Programme,
    pub organisation_name: String,
    pub version: i64,
    pub weights: Weights,
    pub mentors: Vec<BoardPerson>,
    pub mentees: Vec<BoardPerson>,
    pub assignments: Vec<Assignment>,
    pub relationships: Vec<(i64, i64, RelationshipKind)>,
    /// Newest first.
    pub history: Vec<HistoryEntry>,
    pub can_edit: bool,
}

/// Put a mentee with a mentor, or back in the pool (`None`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Move {
    pub mentee_id: i64,
    pub mentor_id: Option<i64>,
    /// Required when the pair has a prior relationship.
    pub reason: Option<String>,
}

/// A change to the board, made on the version the curator saw.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum BoardOp {
    Move(Move),
    /// Several moves as one step (accepting suggestions; undoing that).
    Moves(Vec<Move>),
    Lock { mentee_id: i64, locked: bool },
    /// «Зафиксировать пары»: every current pair becomes fixed, dated today.
    Fix,
    /// The programme's criteria weights, which suggestions use.
    Weights(Weights),
    /// The variant (модель взаимодействия) of a mentor's group.
    Variant { mentor_id: i64, variant: Variant },
}

/// Why a change is refused (each with a Russian message for the curator).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Refusal {
    UnknownPerson,
    OverCapacity { mentor: String, capacity: i64 },
    Locked { mentee: String },
    /// A prior relationship: the change must carry a reason.
    NeedsReason { mentor: String, mentee: String, kind: RelationshipKind },
    ReasonTooLong,
    Empty,
    /// More moves in one step than the board has mentees, or than `MAX_MOVES`.
    TooManyMoves,
    /// The mentee's work in their pair is finished: it stays as it ended.
    Finished { mentee: String },
}

/// Most moves in one step: accepting every suggestion of a large programme's board stays
/// one short transaction, and a change of tens of thousands of moves is refused at once.
pub const MAX_MOVES: usize = 2_000;

impl Refusal {
    pub fn message(&self) -> String {
        match self {
            Refusal::UnknownPerson => tr::BOARD_UNKNOWN.into(),
            Refusal::OverCapacity { mentor, capacity } => tr::board_over_capacity(mentor, *capacity),
            Refusal::Locked { mentee } => tr::board_locked(mentee),
            Refusal::NeedsReason { mentor, mentee, kind } => tr::board_needs_reason(mentor, mentee, *kind),
            Refusal::ReasonTooLong => tr::BOARD_REASON_TOO_LONG.into(),
            Refusal::Empty => tr::BOARD_NOTHING.into(),
            Refusal::TooManyMoves => tr::board_too_many_moves(MAX_MOVES),
            Refusal::Finished { mentee } => tr::board_finished(mentee),
        }
    }
}

pub const MAX_REASON: usize = 500;

impl Board {
    pub fn mentor(&self, id: i64) -> Option<&BoardPerson> {
        self.mentors.iter().find(|m| m.id == id)
    }

    pub fn mentee(&self, id: i64) -> Option<&BoardPerson> {
        self.mentees.iter().find(|m| m.id == id)
    }

    pub fn assignment(&self, mentee_id: i64) -> Option<&Assignment> {
        self.assignments.iter().find(|a| a.mentee_id == mentee_id)
    }

    /// Mentees with this mentor.
    /// The lines of the order fixing the pairs: each mentor with the mentees fixed to them.
    /// A draft pair has not been agreed yet, so it is never in the order.
    pub fn order_lines(&self) -> Vec<OrderLine> {
        self.mentors
            .iter()
            .filter_map(|mentor| {
                let fixed: Vec<&Assignment> =
                    self.group(mentor.id).into_iter().filter(|a| a.status != PairStatus::Draft).collect();
                let first = fixed.first()?;
                Some(OrderLine {
                    mentor: mentor.name(),
                    mentees: fixed.iter().filter_map(|a| self.mentee(a.mentee_id).map(BoardPerson::name)).collect(),
                    variant: first.variant,
                })
            })
            .collect()
    }

    pub fn group(&self, mentor_id: i64) -> Vec<&Assignment> {
        self.assignments.iter().filter(|a| a.mentor_id == mentor_id).collect()
    }

    pub fn capacity(&self, mentor_id: i64) -> i64 {
        self.mentor(mentor_id).and_then(|m| m.data.capacity).unwrap_or(1)
    }

    pub fn relationship(&self, a: i64, b: i64) -> Option<RelationshipKind> {
        self.relationships
            .iter()
            .find(|(x, y, _)| (*x == a && *y == b) || (*x == b && *y == a))
            .map(|(_, _, kind)| *kind)
    }

    /// The variant a new pair with this mentor gets: the group's, else the programme's first.
    pub fn variant_for(&self, mentor_id: i64) -> Variant {
        self.group(mentor_id)
            .first()
            .map(|a| a.variant)
            .or_else(|| self.programme.variants.first().copied())
            .unwrap_or(Variant::ExperiencedYoung)
    }

    /// Compatibility of a mentor and a mentee, with its explanation.
    pub fn score(&self, mentor_id: i64, mentee_id: i64) -> Option<Score> {
        let mentor = self.mentor(mentor_id)?;
        let mentee = self.mentee(mentee_id)?;
        let variant = self.variant_for(mentor_id);
        Some(score(&mentor.data, &mentee.data, variant, &self.weights, self.relationship(mentor_id, mentee_id)))
    }

    /// A placed pair that goes against its variant (e.g. two weak students in «успевающий – неуспевающий»).
    pub fn contradicts_variant(&self, a: &Assignment) -> bool {
        match (self.mentor(a.mentor_id), self.mentee(a.mentee_id)) {
            (Some(mentor), Some(mentee)) => contradicts_variant(a.variant, &mentor.data, &mentee.data),
            _ => false,
        }
    }

    /// Checks a change against the current board; `Ok` means the server will accept it.
    pub fn check(&self, op: &BoardOp) -> Result<(), Refusal> {
        match op {
            BoardOp::Move(m) => self.check_moves(std::slice::from_ref(m)),
            BoardOp::Moves(moves) if moves.is_empty() => Err(Refusal::Empty),
            BoardOp::Moves(moves) if moves.len() > MAX_MOVES.min(self.mentees.len()) => Err(Refusal::TooManyMoves),
            BoardOp::Moves(moves) => self.check_moves(moves),
            BoardOp::Lock { mentee_id, .. } => self.assignment(*mentee_id).map(|_| ()).ok_or(Refusal::UnknownPerson),
            BoardOp::Fix if self.assignments.is_empty() => Err(Refusal::Empty),
            BoardOp::Fix => Ok(()),
            BoardOp::Weights(weights) if *weights == self.weights => Err(Refusal::Empty),
            BoardOp::Weights(_) => Ok(()),
            BoardOp::Variant { mentor_id, variant } => {
                if self.group(*mentor_id).is_empty() || !self.programme.variants.contains(variant) {
                    Err(Refusal::UnknownPerson)
                } else if self.variant_for(*mentor_id) == *variant {
                    Err(Refusal::Empty)
                } else {
                    Ok(())
                }
            }
        }
    }

    fn check_moves(&self, moves: &[Move]) -> Result<(), Refusal> {
        // Load after all moves, so a swap inside one step is judged as a whole.
        let mut placed: Vec<(i64, Option<i64>)> =
            self.assignments.iter().map(|a| (a.mentee_id, Some(a.mentor_id))).collect();
        for m in moves {
            let mentee = self.mentee(m.mentee_id).ok_or(Refusal::UnknownPerson)?;
            if let Some(current) = self.assignment(m.mentee_id) {
                if current.locked && Some(current.mentor_id) != m.mentor_id {
                    return Err(Refusal::Locked { mentee: mentee.name() });
                }
                if current.status == PairStatus::Finished && Some(current.mentor_id) != m.mentor_id {
                    return Err(Refusal::Finished { mentee: mentee.name() });
                }
            }
            if let Some(mentor_id) = m.mentor_id {
                let mentor = self.mentor(mentor_id).ok_or(Refusal::UnknownPerson)?;
                let reason = m.reason.as_deref().map(str::trim).unwrap_or_default();
                if reason.chars().count() > MAX_REASON {
                    return Err(Refusal::ReasonTooLong);
                }
                if let Some(kind) = self.relationship(mentor_id, m.mentee_id) {
                    if reason.is_empty() {
                        return Err(Refusal::NeedsReason { mentor: mentor.name(), mentee: mentee.name(), kind });
                    }
                }
            }
            placed.retain(|(mentee_id, _)| *mentee_id != m.mentee_id);
            placed.push((m.mentee_id, m.mentor_id));
        }
        for m in moves {
            if let Some(mentor_id) = m.mentor_id {
                let load = placed.iter().filter(|(_, to)| *to == Some(mentor_id)).count() as i64;
                let capacity = self.capacity(mentor_id);
                if load > capacity {
                    let mentor = self.mentor(mentor_id).map(BoardPerson::name).unwrap_or_default();
                    return Err(Refusal::OverCapacity { mentor, capacity });
                }
            }
        }
        Ok(())
    }

    /// The moves that undo `op` on this (pre-change) board.
    pub fn inverse(&self, op: &BoardOp) -> Option<BoardOp> {
        let back = |mentee_id: i64| Move {
            mentee_id,
            mentor_id: self.assignment(mentee_id).map(|a| a.mentor_id),
            reason: self.assignment(mentee_id).and_then(|a| a.conflict_reason.clone()),
        };
        match op {
            BoardOp::Move(m) => Some(BoardOp::Move(back(m.mentee_id))),
            BoardOp::Moves(moves) => Some(BoardOp::Moves(moves.iter().rev().map(|m| back(m.mentee_id)).collect())),
            BoardOp::Lock { mentee_id, locked } => Some(BoardOp::Lock { mentee_id: *mentee_id, locked: !locked }),
            BoardOp::Fix => None,
            BoardOp::Weights(_) => Some(BoardOp::Weights(self.weights.clone())),
            BoardOp::Variant { mentor_id, .. } => {
                Some(BoardOp::Variant { mentor_id: *mentor_id, variant: self.variant_for(*mentor_id) })
            }
        }
    }

    /// What a change does, in words for the history.
    pub fn describe(&self, op: &BoardOp) -> String {
        let mentee = |id: i64| self.mentee(id).map(BoardPerson::name).unwrap_or_default();
        let mentor = |id: Option<i64>| id.and_then(|id| self.mentor(id)).map(BoardPerson::name);
        // Moving a mentee out of or into a fixed pair undoes its fixing: the history says so.
        let fixed = |a: &Assignment| a.status != PairStatus::Draft;
        let one = |m: &Move| {
            let line = match mentor(m.mentor_id) {
                Some(to) => tr::history_move(&mentee(m.mentee_id), &to, m.reason.as_deref()),
                None => tr::history_unassign(&mentee(m.mentee_id)),
            };
            let leaves_fixed = self.assignment(m.mentee_id).is_some_and(|a| fixed(a) && Some(a.mentor_id) != m.mentor_id);
            let joins_fixed = m.mentor_id.is_some_and(|to| self.group(to).iter().any(|a| fixed(a) && a.mentee_id != m.mentee_id));
            if leaves_fixed || joins_fixed { format!("{line} {}", tr::HISTORY_UNFIXED) } else { line }
        };
        match op {
            BoardOp::Move(m) => one(m),
            BoardOp::Moves(moves) => tr::history_moves(moves.len(), &moves.iter().map(one).collect::<Vec<_>>().join("; ")),
            BoardOp::Lock { mentee_id, locked } => tr::history_lock(&mentee(*mentee_id), *locked),
            BoardOp::Fix => tr::history_fix(self.assignments.len()),
            BoardOp::Variant { mentor_id, variant } => {
                tr::history_variant(&mentor(Some(*mentor_id)).unwrap_or_default(), tr::variant(*variant))
            }
            BoardOp::Weights(w) => tr::history_weights(
                &super::score::Criterion::ALL
                    .iter()
                    .map(|c| format!("{} — {}", tr::criterion(*c), tr::weight(w.of(*c))))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        }
    }

    /// Whether suggestions must leave this pair as it is: fixed (signed in an order) or
    /// finished, locked by the curator, or kept despite a prior relationship with a reason.
    pub fn is_settled(&self, a: &Assignment) -> bool {
        a.locked || a.status != PairStatus::Draft || a.conflict_reason.is_some()
    }

    /// The sum of the scores of every pair on the board now.
    pub fn total_score(&self) -> f64 {
        self.assignments.iter().filter_map(|a| self.score(a.mentor_id, a.mentee_id)).map(|s| s.total).sum()
    }

    /// What «Подобрать пары» proposes: the optimal assignment under the current weights, as
    /// changes to the board. Settled pairs (`is_settled`) never move and vetoed pairs are never
    /// proposed. A draft pair already on the board moves only when that raises the total by more
    /// than [`KEEP_MARGIN`] per mentee moved, and the board as it is wins every tie, so the
    /// proposals are stable: accepting them and asking again proposes nothing.
    pub fn suggestions(&self) -> Vec<Suggestion> {
        use std::collections::HashMap;
        // Everything per person or per pair is prepared once: 300 × 100 pairs are scored.
        let mentor_index: HashMap<i64, usize> = self.mentors.iter().enumerate().map(|(j, m)| (m.id, j)).collect();
        let mentee_index: HashMap<i64, usize> = self.mentees.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
        let related: HashMap<(i64, i64), RelationshipKind> = self
            .relationships
            .iter()
            .flat_map(|&(a, b, kind)| [((a, b), kind), ((b, a), kind)])
            .collect();
        let mentor_profiles: Vec<Profile> = self.mentors.iter().map(|m| Profile::of(&m.data)).collect();
        let mentee_profiles: Vec<Profile> = self.mentees.iter().map(|m| Profile::of(&m.data)).collect();
        let variants: Vec<Variant> = self.mentors.iter().map(|m| self.variant_for(m.id)).collect();
        // Where each mentee is now, and whether that is settled.
        let mut current: Vec<Option<(usize, bool)>> = vec![None; self.mentees.len()];
        for a in &self.assignments {
            if let (Some(&i), Some(&j)) = (mentee_index.get(&a.mentee_id), mentor_index.get(&a.mentor_id)) {
                current[i] = Some((j, self.is_settled(a)));
            }
        }
        let locked: Vec<(usize, usize)> =
            current.iter().enumerate().filter_map(|(i, c)| c.filter(|(_, settled)| *settled).map(|(j, _)| (i, j))).collect();
        let plain: Vec<Vec<Option<f64>>> = self
            .mentees
            .iter()
            .enumerate()
            .map(|(i, mentee)| {
                if matches!(current[i], Some((_, true))) {
                    return vec![None; self.mentors.len()];
                }
                self.mentors
                    .iter()
                    .enumerate()
                    .map(|(j, mentor)| {
                        let relation = related.get(&(mentor.id, mentee.id)).copied();
                        score_profiles(&mentor_profiles[j], &mentee_profiles[i], variants[j], &self.weights, relation).for_matcher()
                    })
                    .collect()
            })
            .collect();
        // The board as it is gets a head start: a move must gain more than the margin.
        let mut favoured = plain.clone();
        for (i, c) in current.iter().enumerate() {
            if let Some((j, false)) = c {
                if let Some(score) = &mut favoured[i][*j] {
                    *score += KEEP_MARGIN + KEEP_TIE_BREAK;
                }
            }
        }
        let capacities = self.mentors.iter().map(|m| m.data.capacity.unwrap_or(1).max(0) as u32).collect();
        let problem = Problem { capacities, scores: favoured, locked };
        let Ok(solution) = solve(&problem) else {
            return Vec::new();
        };
        solution
            .mentor_of
            .iter()
            .enumerate()
            .filter_map(|(i, proposed)| {
                let now = current[i].map(|(j, _)| j);
                if now == *proposed {
                    return None;
                }
                let score_of = |j: usize| plain[i][j].unwrap_or(0.0);
                Some(Suggestion {
                    mentee_id: self.mentees[i].id,
                    mentor_id: proposed.map(|j| self.mentors[j].id),
                    score: proposed.map(score_of).unwrap_or(0.0),
                    from_mentor_id: now.map(|j| self.mentors[j].id),
                    score_before: now.map(|j| {
                        let relation = related.get(&(self.mentors[j].id, self.mentees[i].id)).copied();
                        score_profiles(&mentor_profiles[j], &mentee_profiles[i], variants[j], &self.weights, relation).total
                    }),
                })
            })
            .collect()
    }
}

/// How many points a move must gain per mentee moved before a suggestion disturbs a draft pair
/// the curator already has on the board.
pub const KEEP_MARGIN: f64 = 5.0;
/// Scores are kept to a tenth: this breaks an exact tie in favour of the board as it is.
const KEEP_TIE_BREAK: f64 = 0.01;

/// A proposed change to the board, with what it gains.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub mentee_id: i64,
    /// The proposed mentor; `None` takes the mentee out of a draft pair to make room.
    pub mentor_id: Option<i64>,
    /// The score with the proposed mentor (0 when taken out).
    pub score: f64,
    /// Where the mentee is now (`None`: without a mentor), and the score there.
    pub from_mentor_id: Option<i64>,
    pub score_before: Option<f64>,
}

impl Suggestion {
    /// Points the change adds to the board's total (negative for a mentee taken out).
    pub fn gain(&self) -> f64 {
        self.score - self.score_before.unwrap_or(0.0)
    }

    /// Whether it changes a pair already on the board (placed by hand or accepted before).
    pub fn moves_a_pair(&self) -> bool {
        self.from_mentor_id.is_some()
    }
}

#[cfg(test)]
mod tests;
