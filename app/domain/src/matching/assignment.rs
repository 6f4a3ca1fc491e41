//! Optimal assignment of mentees to mentors with capacities: as many mentees matched as
//! possible, then the highest total score. Forbidden pairs (`None`) are never made; locked
//! pairs are kept as given.
//!
//! The method is successive shortest paths (the Hungarian method's augmenting paths, with row
//! and column potentials) on a sparse graph, proven optimal on the dense one:
//! - a mentor is one column with a capacity, not `capacity` copies; one extra column,
//!   "unassigned", takes any number of mentees at a cost larger than any difference in total
//!   score, which makes "more matched" always win over "higher score";
//! - each mentee first sees only its best few mentors (`CANDIDATES`). Paths are found with
//!   Dijkstra over those edges (a heap of columns; at equal distance a column with a free place
//!   comes first, which ends most searches at once);
//! - then every pair left out is priced with the final potentials. Dual feasibility on all of
//!   them, with the complementary slackness the search keeps, proves the assignment optimal on
//!   the full problem; a mentee with an edge that would improve it gets more candidates and the
//!   search runs again (rare: the loop ends when nothing is left out that could help).
//!
//! Scores are compared in thousandths of a point (integers), so ties are exact and the proof
//! needs no tolerance. 8,000 mentees × 2,000 mentors × capacity 4: see
//! `examples/assignment_bench.rs`.

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
    solve_with(problem, CANDIDATES)
}

/// How many of its best mentors each mentee sees at first.
const CANDIDATES: usize = 24;

/// [`solve`] with `candidates` mentors per mentee at first (tests use tiny values to exercise
/// the proof and the widening).
pub(crate) fn solve_with(problem: &Problem, candidates: usize) -> Result<Solution, ProblemError> {
    problem.check()?;
    let mentors = problem.capacities.len();
    let mut mentor_of: Vec<Option<usize>> = vec![None; problem.scores.len()];
    let mut capacity: Vec<u32> = problem.capacities.clone();
    for &(mentee, mentor) in &problem.locked {
        mentor_of[mentee] = Some(mentor);
        capacity[mentor] -= 1;
    }
    let free: Vec<usize> = (0..problem.scores.len()).filter(|i| mentor_of[*i].is_none()).collect();
    let costs = Costs::new(&problem.scores, &free, mentors);
    let mut wanted: Vec<usize> = vec![candidates.max(1); free.len()];
    let placed = loop {
        let graph = costs.candidates(&wanted);
        let search = Search::new(&costs, &graph, &capacity).run();
        let widen = costs.improvable_rows(&graph, &search.u, &search.v);
        if widen.is_empty() {
            break search.column_of;
        }
        for row in widen {
            wanted[row] = (wanted[row] * 4).min(mentors);
        }
    };
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

/// Costs of the free mentees (rows) with the mentors and "unassigned" (columns), in
/// thousandths of a point: `top - score` for a real pair (≥ 0), `unassigned` for none.
struct Costs<'a> {
    scores: &'a [Vec<Option<f64>>],
    rows: &'a [usize],
    mentors: usize,
    top: i64,
    unassigned: i64,
}

const NO: i64 = i64::MAX;

fn thousandths(score: f64) -> i64 {
    (score * 1000.0).round() as i64
}

impl<'a> Costs<'a> {
    fn new(scores: &'a [Vec<Option<f64>>], rows: &'a [usize], mentors: usize) -> Self {
        let (mut low, mut high) = (i64::MAX, i64::MIN);
        for &i in rows {
            for s in scores[i].iter().flatten() {
                let s = thousandths(*s);
                low = low.min(s);
                high = high.max(s);
            }
        }
        let range = if high >= low { high - low } else { 0 };
        Costs {
            scores,
            rows,
            mentors,
            top: if high >= low { high } else { 0 },
            // Matching one more mentee must beat any change in the sum of all real costs.
            unassigned: range.saturating_mul(rows.len() as i64 + 1).saturating_add(1),
        }
    }

    /// The cost of `row` with `column` (`mentors` is "unassigned"), `NO` when forbidden.
    fn cost(&self, row: usize, column: usize) -> i64 {
        if column == self.mentors {
            return self.unassigned;
        }
        match self.scores[self.rows[row]][column] {
            Some(score) => self.top - thousandths(score),
            None => NO,
        }
    }

    /// Each row's `wanted[row]` cheapest allowed columns, then "unassigned".
    fn candidates(&self, wanted: &[usize]) -> Vec<Vec<(usize, i64)>> {
        let mut all: Vec<(i64, usize)> = Vec::with_capacity(self.mentors);
        (0..self.rows.len())
            .map(|row| {
                all.clear();
                all.extend((0..self.mentors).map(|j| (self.cost(row, j), j)).filter(|(c, _)| *c != NO));
                let keep = wanted[row].min(all.len());
                if keep < all.len() {
                    all.select_nth_unstable(keep);
                    all.truncate(keep);
                }
                let mut edges: Vec<(usize, i64)> = all.iter().map(|&(c, j)| (j, c)).collect();
                edges.push((self.mentors, self.unassigned));
                edges
            })
            .collect()
    }

    /// Rows with a pair left out of `graph` that the potentials price below zero: the only
    /// ones that could still improve the assignment. None means it is optimal.
    fn improvable_rows(&self, graph: &[Vec<(usize, i64)>], u: &[i64], v: &[i64]) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&row| {
                if graph[row].len() > self.mentors {
                    return false; // every allowed column is already an edge
                }
                (0..self.mentors).any(|j| {
                    let cost = self.cost(row, j);
                    cost != NO && cost - u[row] - v[j] < 0 && !graph[row].iter().any(|(c, _)| *c == j)
                })
            })
            .collect()
    }
}

/// Successive shortest paths over the candidate graph.
struct Search<'a> {
    graph: &'a [Vec<(usize, i64)>],
    capacity: Vec<usize>,
    u: Vec<i64>,
    v: Vec<i64>,
    /// Rows in each column.
    members: Vec<Vec<usize>>,
    column_of: Vec<Option<usize>>,
}

const NONE: usize = usize::MAX;

impl<'a> Search<'a> {
    fn new(costs: &Costs<'_>, graph: &'a [Vec<(usize, i64)>], capacity: &[u32]) -> Self {
        let columns = costs.mentors + 1;
        let mut capacity: Vec<usize> = capacity.iter().map(|c| *c as usize).collect();
        capacity.push(costs.rows.len());
        Search {
            graph,
            capacity,
            u: vec![0; costs.rows.len()],
            v: vec![0; columns],
            members: vec![Vec::new(); columns],
            column_of: vec![None; costs.rows.len()],
        }
    }

    fn is_full(&self, column: usize) -> bool {
        self.members[column].len() >= self.capacity[column]
    }

    fn run(mut self) -> Self {
        use std::cmp::Reverse;
        use std::collections::BinaryHeap;
        let (rows, columns) = (self.u.len(), self.v.len());
        let mut dist = vec![NO; columns];
        let mut settled = vec![false; columns];
        let mut from_row = vec![NONE; columns];
        let mut row_dist = vec![NO; rows];
        let mut touched: Vec<usize> = Vec::new();
        let mut reached: Vec<usize> = Vec::new();
        let mut done: Vec<usize> = Vec::new();
        // (distance, full?, column): at equal distance a column with a free place pops first.
        let mut heap: BinaryHeap<Reverse<(i64, bool, usize)>> = BinaryHeap::new();
        for start in 0..rows {
            for &c in &touched {
                dist[c] = NO;
                settled[c] = false;
                from_row[c] = NONE;
            }
            for &r in &reached {
                row_dist[r] = NO;
            }
            touched.clear();
            reached.clear();
            done.clear();
            heap.clear();
            row_dist[start] = 0;
            reached.push(start);
            self.relax(start, 0, &mut dist, &mut from_row, &mut touched, &mut heap, &settled);
            let mut end = NONE;
            while let Some(Reverse((d, _, column))) = heap.pop() {
                if settled[column] || d != dist[column] {
                    continue;
                }
                settled[column] = true;
                done.push(column);
                if !self.is_full(column) {
                    end = column;
                    break;
                }
                for k in 0..self.members[column].len() {
                    let row = self.members[column][k];
                    row_dist[row] = d;
                    reached.push(row);
                    self.relax(row, d, &mut dist, &mut from_row, &mut touched, &mut heap, &settled);
                }
            }
            if end == NONE {
                continue; // unreachable: "unassigned" is open to every row
            }
            let total = dist[end];
            for &column in &done {
                self.v[column] -= total - dist[column];
            }
            for &row in &reached {
                self.u[row] += total - row_dist[row];
            }
            self.augment(end, &from_row, start);
        }
        self
    }

    #[allow(clippy::too_many_arguments)]
    fn relax(
        &self,
        row: usize,
        base: i64,
        dist: &mut [i64],
        from_row: &mut [usize],
        touched: &mut Vec<usize>,
        heap: &mut std::collections::BinaryHeap<std::cmp::Reverse<(i64, bool, usize)>>,
        settled: &[bool],
    ) {
        let u = self.u[row];
        for &(column, cost) in &self.graph[row] {
            if settled[column] {
                continue;
            }
            let d = base + cost - u - self.v[column];
            if d < dist[column] {
                if dist[column] == NO {
                    touched.push(column);
                }
                dist[column] = d;
                from_row[column] = row;
                heap.push(std::cmp::Reverse((d, self.is_full(column), column)));
            }
        }
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
