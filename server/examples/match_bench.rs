//! Benchmark of `nastavnik match`: prints figures, asserts nothing.
//!
//! `cargo run --release -p nastavnik --example match_bench [MENTEES MENTORS CAPACITY RUNS]`
//! (defaults: 2000 500 4 5). Generates a dense random instance (every pair allowed, scores
//! 0.0–100.0, fixed seed), writes it as the command's JSON, then times what the command does:
//! parse, solve, serialise. Also times the board-sized instance (300 × 100).

use std::time::{Duration, Instant};

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (mentees, mentors, capacity, runs) = match args.as_slice() {
        [a, b, c, d, ..] => (*a, *b, *c, *d),
        _ => (2000, 500, 4, 5),
    };
    report(mentees, mentors, capacity, runs);
    report(300, 100, 3, runs * 4);
    board_suggestions(300, 100, runs * 4);
}

fn report(mentees: usize, mentors: usize, capacity: usize, runs: usize) {
    let json = instance(mentees, mentors, capacity, 0x9e37_79b9_7f4a_7c15);
    let path = std::env::temp_dir().join(format!("nastavnik-match-{mentees}x{mentors}.json"));
    std::fs::write(&path, &json).expect("write instance");
    let (mut parse, mut solve, mut total) = (Vec::new(), Vec::new(), Vec::new());
    let mut answer = None;
    for _ in 0..runs {
        let start = Instant::now();
        let text = std::fs::read_to_string(&path).expect("read");
        let (input, problem) = nastavnik::matcher::parse(&text).expect("valid instance");
        let parsed = Instant::now();
        let output = nastavnik::matcher::run(&input, &problem).expect("solved");
        let solved = Instant::now();
        let printed = serde_json::to_string(&output).expect("json");
        let done = Instant::now();
        parse.push(parsed - start);
        solve.push(solved - parsed);
        total.push(done - start);
        answer = Some((output.matched, output.total_score, printed.len()));
    }
    let (matched, score, bytes) = answer.expect("at least one run");
    println!("instance: {mentees} mentees x {mentors} mentors x capacity {capacity}, dense, {} KB JSON ({})", json.len() / 1024, path.display());
    println!("  matched {matched}/{mentees}, total score {score:.1}, output {bytes} bytes");
    println!("  parse  median {:>8.1} ms   min {:>8.1} ms", median(&parse), min(&parse));
    println!("  solve  median {:>8.1} ms   min {:>8.1} ms", median(&solve), min(&solve));
    println!("  total  median {:>8.1} ms   min {:>8.1} ms   ({runs} runs)", median(&total), min(&total));
}

fn instance(mentees: usize, mentors: usize, capacity: usize, mut seed: u64) -> String {
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut out = String::with_capacity(mentees * mentors * 5);
    out.push_str("{\"mentors\":[");
    for j in 0..mentors {
        out.push_str(&format!("{}{{\"id\":\"M{j}\",\"capacity\":{capacity}}}", if j > 0 { "," } else { "" }));
    }
    out.push_str("],\"mentees\":[");
    for i in 0..mentees {
        out.push_str(&format!("{}{{\"id\":\"S{i}\"}}", if i > 0 { "," } else { "" }));
    }
    out.push_str("],\"scores\":[");
    for i in 0..mentees {
        out.push_str(if i > 0 { ",[" } else { "[" });
        for j in 0..mentors {
            let score = (next() % 1001) as f64 / 10.0;
            out.push_str(&format!("{}{score}", if j > 0 { "," } else { "" }));
        }
        out.push(']');
    }
    out.push_str("],\"locked\":[]}");
    out
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(values: &[Duration]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort();
    ms(sorted[sorted.len() / 2])
}

fn min(values: &[Duration]) -> f64 {
    ms(values.iter().copied().min().unwrap_or_default())
}

/// The board's «Подобрать пары» natively: scoring every pair from participants' data, then
/// the matcher (the browser runs the same code as WASM).
pub fn board_suggestions(mentees: usize, mentors: usize, runs: usize) {
    use domain::matching::board::{Board, BoardPerson};
    use domain::matching::score::Weights;
    use domain::models::*;
    let subjects = ["математика", "физика", "русский язык", "история", "биология", "химия", "информатика", "английский язык"];
    let needs = ["работа с документацией", "подбор заданий разного уровня сложности", "дисциплина на уроке", "проектная деятельность"];
    let person = |id: i64, mentor: bool, i: usize| BoardPerson {
        id,
        data: NewParticipant {
            last_name: format!("Фамилия{i}"),
            first_name: "Имя".into(),
            middle_name: None,
            role: if mentor { ParticipantRole::Mentor } else { ParticipantRole::Mentee },
            kind: ParticipantKind::Teacher,
            subjects: vec![subjects[(i * if mentor { 1 } else { 3 }) % 8].into()],
            experience_years: Some(if mentor { 10 + (i % 25) as i64 } else { (i % 4) as i64 }),
            qualification: None,
            grade: None,
            achievement: None,
            competences: if mentor { vec![needs[i % 4].into()] } else { vec![] },
            requests: if mentor { vec![] } else { vec![needs[i % 4].into()] },
            deficits: if mentor { vec![] } else { vec![needs[(i + 1) % 4].into()] },
            capacity: mentor.then_some(3),
        },
    };
    let board = Board {
        programme: Programme {
            id: 1, organisation_id: 1, title: "bench".into(), form: MentoringForm::TeacherTeacher,
            variants: vec![Variant::ExperiencedYoung], starts_on: String::new(), ends_on: String::new(),
        },
        organisation_name: String::new(),
        version: 0,
        weights: Weights::default(),
        mentors: (0..mentors).map(|i| person(1000 + i as i64, true, i)).collect(),
        mentees: (0..mentees).map(|i| person(5000 + i as i64, false, i)).collect(),
        assignments: vec![],
        relationships: vec![(1000, 5000, RelationshipKind::Relative)],
        history: vec![],
        can_edit: true,
    };
    let mut times = Vec::new();
    let mut count = 0;
    for _ in 0..runs {
        let start = Instant::now();
        count = board.suggestions().len();
        times.push(start.elapsed());
    }
    println!("board suggestions natively: {mentees} mentees x {mentors} mentors (capacity 3), {count} proposed");
    println!("  score + match  median {:>8.1} ms   min {:>8.1} ms   ({runs} runs)", median(&times), min(&times));
}
