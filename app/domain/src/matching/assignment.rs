//! Optimal assignment of mentees to mentors with capacities: as many mentees matched as
//! possible, then the highest total score. Forbidden pairs (`None`) are never made; locked
//! pairs are kept as given.
//!
//! The method is the Hungarian algorithm's shortest augmenting path (as in the classic
//! O(n²m) formulation with row and column potentials), generalised to columns that hold
//! several rows: a mentor is one column with a capacity, not `capacity` copies. Entering a
//! full column continues the search from every mentee already in it. One extra column,
//! "unassigned", takes any number of mentees at a cost larger than any difference in total
//! score, which makes "more matched" always win over "higher score".

/// An assignment problem. `scores[i][j]` is mentee `i` with mentor `j`; `None` forbids it.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub capacities: Vec<u32>,
    pub scores: Vec<Vec<Option<f64>>>,
    /// `(mentee, mentor)` pairs that must stay as they are.
    pub locked: Vec<(usize, usize)>,
}

/// The optimal assignment: `mentor_of[i]` for each mentee.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    pub mentor_of: Vec<Option<usize>>,
    pub matched: usize,
    pub total_score: f64,
}

/// Why a problem cannot be solved as stated.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ProblemError {
    #[error("row {row} of scores has {found} entries, expected {expected} (one per mentor)")]
    RaggedScores { row: usize, found: usize, expected: usize },
    #[error("score of mentee {mentee} with mentor {mentor} is not a finite number")]
    NotFinite { mentee: usize, mentor: usize },
    #[error("locked pair ({mentee}, {mentor}) names no such mentee or mentor")]
    UnknownLocked { mentee: usize, mentor: usize },
    #[error("mentee {mentee} is locked more than once")]
    LockedTwice { mentee: usize },
    #[error("mentor {mentor} has more locked mentees than its capacity")]
    OverCapacity { mentor: usize },
}

impl Problem {
    fn check(&self) -> Result<(), ProblemError> {
        let mentors = self.capacities.len();
        for (row, scores) in self.scores.iter().enumerate() {
            if scores.len() != mentors {
                return Err(ProblemError::RaggedScores { row, found: scores.len(), expected: mentors });
            }
            if let Some(mentor) = scores.iter().position(|s| s.is_some_and(|s| !s.is_finite())) {
                return Err(ProblemError::NotFinite { mentee: row, mentor });
            }
        }
        let mut locked_rows = vec![false; self.scores.len()];
        let mut locked_per_mentor = vec![0u32; mentors];
        for &(mentee, mentor) in &self.locked {
            if mentee >= self.scores.len() || mentor >= mentors {
                return Err(ProblemError::UnknownLocked { mentee, mentor });
            }
            if std::mem::replace(&mut locked_rows[mentee], true) {
                return Err(ProblemError::LockedTwice { mentee });
            }
            locked_per_mentor[mentor] += 1;
            if locked_per_mentor[mentor] > self.capacities[mentor] {
                return Err(ProblemError::OverCapacity { mentor });
            }
        }
        Ok(())
    }
}

/// Solves the problem optimally. A locked pair counts as matched, with its score (0 if the
/// pair is forbidden: locking is the curator's decision to keep it anyway).
pub fn solve(problem: &Problem) -> Result<Solution, ProblemError> {
    problem.check()?;
    let mentors = problem.capacities.len();
    let mut mentor_of: Vec<Option<usize>> = vec![None; problem.scores.len()];
    let mut capacity: Vec<u32> = problem.capacities.clone();
    for &(mentee, mentor) in &problem.locked {
        mentor_of[mentee] = Some(mentor);
        capacity[mentor] -= 1;
    }
    let free: Vec<usize> = (0..problem.scores.len()).filter(|i| mentor_of[*i].is_none()).collect();
    let placed = Hungarian::new(&problem.scores, &free, &capacity).run();
    for (k, column) in placed.into_iter().enumerate() {
        mentor_of[free[k]] = column.filter(|c| *c < mentors);
    }
    let matched = mentor_of.iter().filter(|m| m.is_some()).count();
    let total_score = mentor_of
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.map(|j| problem.scores[i][j].unwrap_or(0.0)))
        .sum();
    Ok(Solution { mentor_of, matched, total_score })
}

/// The search state for the free mentees (rows) and mentors plus "unassigned" (columns).
struct Hungarian<'a> {
    scores: &'a [Vec<Option<f64>>],
    rows: &'a [usize],
    capacity: Vec<usize>,
    /// Cost of a real pair is `top - score` (≥ 0); of "unassigned", `unassigned_cost`.
    top: f64,
    unassigned_cost: f64,
    u: Vec<f64>,
    v: Vec<f64>,
    /// Rows (indices into `rows`) in each column.
    members: Vec<Vec<usize>>,
    column_of: Vec<Option<usize>>,
}

const NONE: usize = usize::MAX;

impl<'a> Hungarian<'a> {
    fn new(scores: &'a [Vec<Option<f64>>], rows: &'a [usize], capacity: &[u32]) -> Self {
        let columns = capacity.len() + 1;
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for &i in rows {
            for s in scores[i].iter().flatten() {
                low = low.min(*s);
                high = high.max(*s);
            }
        }
        let range = if high >= low { high - low } else { 0.0 };
        let mut capacity: Vec<usize> = capacity.iter().map(|c| *c as usize).collect();
        capacity.push(rows.len());
        Hungarian {
            scores,
            rows,
            capacity,
            top: if high.is_finite() { high } else { 0.0 },
            // Matching one more mentee must beat any change in the sum of all real costs.
            unassigned_cost: range * (rows.len() as f64 + 1.0) + 1.0,
            u: vec![0.0; rows.len()],
            v: vec![0.0; columns],
            members: vec![Vec::new(); columns],
            column_of: vec![None; rows.len()],
        }
    }

    fn cost(&self, row: usize, column: usize) -> f64 {
        if column + 1 == self.v.len() {
            return self.unassigned_cost;
        }
        match self.scores[self.rows[row]][column] {
            Some(score) => self.top - score,
            None => f64::INFINITY,
        }
    }

    fn run(mut self) -> Vec<Option<usize>> {
        let columns = self.v.len();
        let mut min_to = vec![f64::INFINITY; columns];
        let mut from_row = vec![NONE; columns];
        let mut used = vec![false; columns];
        let mut used_list: Vec<usize> = Vec::with_capacity(columns);
        for start in 0..self.rows.len() {
            min_to.fill(f64::INFINITY);
            from_row.fill(NONE);
            used.fill(false);
            used_list.clear();
            // Rows whose edges are scanned next, and rows reached so far (their u moves).
            let mut frontier = vec![start];
            let mut reached = vec![start];
            let end = loop {
                let mut delta = f64::INFINITY;
                let mut next = NONE;
                for &row in &frontier {
                    let u_row = self.u[row];
                    for column in 0..columns {
                        if used[column] {
                            continue;
                        }
                        let reduced = self.cost(row, column) - u_row - self.v[column];
                        if reduced < min_to[column] {
                            min_to[column] = reduced;
                            from_row[column] = row;
                        }
                    }
                }
                for column in 0..columns {
                    if !used[column] && min_to[column] < delta {
                        delta = min_to[column];
                        next = column;
                    }
                }
                if next == NONE {
                    // Unreachable: "unassigned" is always open to every row.
                    break NONE;
                }
                for &row in &reached {
                    self.u[row] += delta;
                }
                for &column in &used_list {
                    self.v[column] -= delta;
                }
                for column in 0..columns {
                    if !used[column] {
                        min_to[column] -= delta;
                    }
                }
                used[next] = true;
                used_list.push(next);
                if self.members[next].len() < self.capacity[next] {
                    break next;
                }
                frontier = self.members[next].clone();
                reached.extend_from_slice(&frontier);
            };
            if end != NONE {
                self.augment(end, &from_row, start);
            }
        }
        self.column_of
    }

    /// Moves each row on the path into the column it was reached from, back to `start`.
    fn augment(&mut self, end: usize, from_row: &[usize], start: usize) {
        let mut column = end;
        loop {
            let row = from_row[column];
            let previous = self.column_of[row];
            if let Some(previous) = previous {
                self.members[previous].retain(|r| *r != row);
            }
            self.members[column].push(row);
            self.column_of[row] = Some(column);
            match previous {
                Some(previous) if row != start => column = previous,
                _ => break,
            }
        }
    }
}
