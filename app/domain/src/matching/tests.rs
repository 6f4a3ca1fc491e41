//! The matcher against two independent methods: exhaustive search on small instances and a
//! textbook min-cost max-flow (Bellman–Ford successive shortest paths) on larger ones.

use proptest::prelude::*;

use super::assignment::{solve, Problem, ProblemError, Solution};

/// Objective as the issue states it: matched count first, then total score.
fn objective(solution: &Solution) -> (usize, f64) {
    (solution.matched, solution.total_score)
}

fn same_objective(a: (usize, f64), b: (usize, f64)) -> bool {
    a.0 == b.0 && (a.1 - b.1).abs() < 1e-6
}

/// Every feasible assignment, tried one by one.
fn brute_force(problem: &Problem) -> (usize, f64) {
    fn go(p: &Problem, row: usize, load: &mut Vec<u32>, matched: usize, score: f64, best: &mut (usize, f64)) {
        if row == p.scores.len() {
            if matched > best.0 || (matched == best.0 && score > best.1 + 1e-9) {
                *best = (matched, score);
            }
            return;
        }
        if let Some(&(_, mentor)) = p.locked.iter().find(|(m, _)| *m == row) {
            let s = p.scores[row][mentor].unwrap_or(0.0);
            return go(p, row + 1, load, matched + 1, score + s, best);
        }
        go(p, row + 1, load, matched, score, best);
        for mentor in 0..p.capacities.len() {
            if let Some(s) = p.scores[row][mentor] {
                if load[mentor] < p.capacities[mentor] {
                    load[mentor] += 1;
                    go(p, row + 1, load, matched + 1, score + s, best);
                    load[mentor] -= 1;
                }
            }
        }
    }
    let mut load = vec![0u32; p_len(problem)];
    for &(_, mentor) in &problem.locked {
        load[mentor] += 1;
    }
    let mut best = (0, f64::NEG_INFINITY);
    go(problem, 0, &mut load, 0, 0.0, &mut best);
    if best.0 == 0 {
        best.1 = 0.0;
    }
    best
}

fn p_len(problem: &Problem) -> usize {
    problem.capacities.len()
}

/// Min-cost max-flow on source → mentee → mentor → sink, costs = −score. Max flow is the
/// largest number matched; among max flows, min cost is the highest score.
fn min_cost_flow(problem: &Problem) -> (usize, f64) {
    let (n, m) = (problem.scores.len(), problem.capacities.len());
    let (source, sink) = (n + m, n + m + 1);
    let mut graph = Graph::new(n + m + 2);
    let mut locked_score = 0.0;
    let mut capacity = problem.capacities.clone();
    let locked: Vec<usize> = problem.locked.iter().map(|(i, _)| *i).collect();
    for &(i, j) in &problem.locked {
        capacity[j] -= 1;
        locked_score += problem.scores[i][j].unwrap_or(0.0);
    }
    for i in (0..n).filter(|i| !locked.contains(i)) {
        graph.edge(source, i, 1, 0.0);
        for j in 0..m {
            if let Some(s) = problem.scores[i][j] {
                graph.edge(i, n + j, 1, -s);
            }
        }
    }
    for (j, c) in capacity.iter().enumerate() {
        graph.edge(n + j, sink, *c as i64, 0.0);
    }
    let (flow, cost) = graph.run(source, sink);
    (flow as usize + locked.len(), locked_score - cost)
}

struct Graph {
    to: Vec<usize>,
    cap: Vec<i64>,
    cost: Vec<f64>,
    adjacent: Vec<Vec<usize>>,
}

impl Graph {
    fn new(nodes: usize) -> Self {
        Graph { to: vec![], cap: vec![], cost: vec![], adjacent: vec![vec![]; nodes] }
    }
    fn edge(&mut self, a: usize, b: usize, cap: i64, cost: f64) {
        for (x, y, c, w) in [(a, b, cap, cost), (b, a, 0, -cost)] {
            self.adjacent[x].push(self.to.len());
            self.to.push(y);
            self.cap.push(c);
            self.cost.push(w);
        }
    }
    fn run(&mut self, s: usize, t: usize) -> (i64, f64) {
        let (mut flow, mut cost) = (0, 0.0);
        loop {
            let nodes = self.adjacent.len();
            let mut dist = vec![f64::INFINITY; nodes];
            let mut via = vec![usize::MAX; nodes];
            dist[s] = 0.0;
            for _ in 0..nodes {
                let mut changed = false;
                for x in 0..nodes {
                    if dist[x].is_infinite() {
                        continue;
                    }
                    for &e in &self.adjacent[x] {
                        if self.cap[e] > 0 && dist[x] + self.cost[e] < dist[self.to[e]] - 1e-9 {
                            dist[self.to[e]] = dist[x] + self.cost[e];
                            via[self.to[e]] = e;
                            changed = true;
                        }
                    }
                }
                if !changed {
                    break;
                }
            }
            if dist[t].is_infinite() {
                return (flow, cost);
            }
            let mut x = t;
            while x != s {
                let e = via[x];
                self.cap[e] -= 1;
                self.cap[e ^ 1] += 1;
                x = self.to[e ^ 1];
            }
            flow += 1;
            cost += dist[t];
        }
    }
}

/// Checks a solution is feasible and its reported figures are its own.
fn assert_feasible(problem: &Problem, solution: &Solution) {
    let mut load = vec![0u32; problem.capacities.len()];
    for (i, mentor) in solution.mentor_of.iter().enumerate() {
        if let Some(j) = mentor {
            load[*j] += 1;
            let locked = problem.locked.contains(&(i, *j));
            assert!(locked || problem.scores[i][*j].is_some(), "forbidden pair ({i}, {j}) made");
        }
    }
    for (j, l) in load.iter().enumerate() {
        assert!(*l <= problem.capacities[j], "mentor {j} over capacity");
    }
    for &(i, j) in &problem.locked {
        assert_eq!(solution.mentor_of[i], Some(j), "locked pair ({i}, {j}) moved");
    }
    assert_eq!(solution.matched, solution.mentor_of.iter().flatten().count());
}

/// Deterministic pseudo-random numbers for larger instances.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_problem(rng: &mut XorShift, mentees: usize, mentors: usize, forbid_percent: u64) -> Problem {
    let capacities: Vec<u32> = (0..mentors).map(|_| 1 + rng.below(3) as u32).collect();
    let scores = (0..mentees)
        .map(|_| {
            (0..mentors)
                .map(|_| (rng.below(100) >= forbid_percent).then(|| rng.below(1000) as f64 / 10.0))
                .collect()
        })
        .collect();
    Problem { capacities, scores, locked: vec![] }
}

fn small_problem() -> impl Strategy<Value = Problem> {
    (1usize..=6, 1usize..=3).prop_flat_map(|(mentees, mentors)| {
        let score = prop_oneof![1 => Just(None), 4 => (0u32..20).prop_map(|s| Some(s as f64))];
        (
            proptest::collection::vec(0u32..=2, mentors),
            proptest::collection::vec(proptest::collection::vec(score, mentors), mentees),
            proptest::option::of((0..mentees, 0..mentors)),
        )
            .prop_map(|(capacities, scores, lock)| {
                let mut capacities = capacities;
                let locked: Vec<(usize, usize)> = lock.into_iter().collect();
                for &(_, j) in &locked {
                    capacities[j] = capacities[j].max(1);
                }
                Problem { capacities, scores, locked }
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn matches_exhaustive_search_on_small_instances(problem in small_problem()) {
        let solution = solve(&problem).expect("valid problem");
        assert_feasible(&problem, &solution);
        let expected = brute_force(&problem);
        prop_assert!(same_objective(objective(&solution), expected), "{:?} vs brute force {:?}", objective(&solution), expected);
    }
}

#[test]
fn matches_min_cost_flow_on_larger_instances() {
    let mut rng = XorShift(0x5eed_1234_abcd_0001);
    for round in 0..30 {
        let mentees = 10 + rng.below(50) as usize;
        let mentors = 3 + rng.below(20) as usize;
        let forbid = [0, 10, 40, 80][round % 4];
        let problem = random_problem(&mut rng, mentees, mentors, forbid);
        let solution = solve(&problem).expect("valid");
        assert_feasible(&problem, &solution);
        let expected = min_cost_flow(&problem);
        assert!(same_objective(objective(&solution), expected), "round {round}: {:?} vs flow {:?}", objective(&solution), expected);
    }
}

#[test]
fn more_matched_beats_a_higher_score() {
    // Mentee 0 could take mentor 0 for 100 points, but then mentee 1 (who can only take
    // mentor 0) would be left out. Two matched at 2 points beats one at 100.
    let problem = Problem {
        capacities: vec![1, 1],
        scores: vec![vec![Some(100.0), Some(1.0)], vec![Some(1.0), None]],
        locked: vec![],
    };
    let solution = solve(&problem).expect("valid");
    assert_eq!(solution.mentor_of, vec![Some(1), Some(0)]);
    assert_eq!((solution.matched, solution.total_score), (2, 2.0));
}

#[test]
fn a_greedy_choice_is_not_optimal_but_the_matcher_is() {
    // Greedy takes the best pair (0,0)=10 first and ends with 10 + 1 = 11; optimal is 9 + 9.
    let problem = Problem {
        capacities: vec![1, 1],
        scores: vec![vec![Some(10.0), Some(9.0)], vec![Some(9.0), Some(1.0)]],
        locked: vec![],
    };
    assert_eq!(solve(&problem).expect("valid").total_score, 18.0);
}

#[test]
fn locked_pairs_stay_and_use_capacity() {
    let problem = Problem {
        capacities: vec![1, 1],
        scores: vec![vec![Some(1.0), Some(50.0)], vec![Some(2.0), Some(60.0)]],
        locked: vec![(0, 1)],
    };
    let solution = solve(&problem).expect("valid");
    assert_eq!(solution.mentor_of, vec![Some(1), Some(0)]);
    assert_eq!(solution.total_score, 52.0);
}

#[test]
fn bad_problems_are_refused_with_the_reason() {
    let ragged = Problem { capacities: vec![1, 1], scores: vec![vec![Some(1.0)]], locked: vec![] };
    assert_eq!(solve(&ragged), Err(ProblemError::RaggedScores { row: 0, found: 1, expected: 2 }));
    let over = Problem { capacities: vec![1], scores: vec![vec![Some(1.0)], vec![Some(1.0)]], locked: vec![(0, 0), (1, 0)] };
    assert_eq!(solve(&over), Err(ProblemError::OverCapacity { mentor: 0 }));
    let nan = Problem { capacities: vec![1], scores: vec![vec![Some(f64::NAN)]], locked: vec![] };
    assert_eq!(solve(&nan), Err(ProblemError::NotFinite { mentee: 0, mentor: 0 }));
    let unknown = Problem { capacities: vec![1], scores: vec![vec![Some(1.0)]], locked: vec![(3, 0)] };
    assert_eq!(solve(&unknown), Err(ProblemError::UnknownLocked { mentee: 3, mentor: 0 }));
}

#[test]
fn nobody_to_match_is_an_empty_answer() {
    let problem = Problem { capacities: vec![], scores: vec![vec![], vec![]], locked: vec![] };
    let solution = solve(&problem).expect("valid");
    assert_eq!((solution.matched, solution.total_score), (0, 0.0));
}

#[test]
fn one_first_candidate_per_mentee_is_widened_until_the_proof_holds() {
    // Everyone wants the same few mentors: the optimum needs pairs far down each list, so the
    // first sparse solve is not optimal and the dual check must widen it.
    let mut rng = XorShift(0x0dd_c0ff_ee00_0042);
    for round in 0..30 {
        let mentees = 10 + rng.below(40) as usize;
        let mentors = 3 + rng.below(15) as usize;
        let mut problem = random_problem(&mut rng, mentees, mentors, [0, 20, 60][round % 3]);
        for row in &mut problem.scores {
            for (j, s) in row.iter_mut().enumerate() {
                if let Some(s) = s {
                    *s = (*s / 4.0 + 75.0 - j as f64).max(0.0).round();
                }
            }
        }
        for candidates in [1, 2] {
            let solution = super::assignment::solve_with(&problem, candidates).expect("valid");
            assert_feasible(&problem, &solution);
            let expected = min_cost_flow(&problem);
            assert!(same_objective(objective(&solution), expected), "round {round}, {candidates}: {:?} vs flow {:?}", objective(&solution), expected);
        }
    }
}
