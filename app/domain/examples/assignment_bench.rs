//! The optimal matcher alone, without reading a file: prints figures, asserts nothing.
//!
//! `cargo run --release -p domain --example assignment_bench [MENTEES MENTORS CAPACITY]`
//! (defaults: the region's 8000 × 2000 × 4, then 2000 × 500 × 4). Dense random scores
//! 0.0–100.0 with the same fixed seed as `nastavnik`'s match_bench.

use std::time::Instant;

use domain::matching::assignment::{solve, Problem};

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    match args.as_slice() {
        [a, b, c, ..] => report(*a, *b, *c as u32),
        _ => {
            report(8000, 2000, 4);
            report(2000, 500, 4);
        }
    }
}

fn report(mentees: usize, mentors: usize, capacity: u32) {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let scores: Vec<Vec<Option<f64>>> =
        (0..mentees).map(|_| (0..mentors).map(|_| Some((next() % 1001) as f64 / 10.0)).collect()).collect();
    let problem = Problem { capacities: vec![capacity; mentors], scores, locked: Vec::new() };
    let mut times = Vec::new();
    let mut answer = None;
    for _ in 0..3 {
        let start = Instant::now();
        let solution = solve(&problem).expect("valid problem");
        times.push(start.elapsed());
        answer = Some((solution.matched, solution.total_score));
    }
    times.sort();
    let (matched, total) = answer.expect("ran");
    println!(
        "{mentees} × {mentors} × capacity {capacity}: solve median {:.0} ms (min {:.0}); matched {matched}, total score {total:.1}",
        times[1].as_secs_f64() * 1000.0,
        times[0].as_secs_f64() * 1000.0
    );
}
