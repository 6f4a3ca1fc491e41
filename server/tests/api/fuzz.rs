//! Hostile input, bounded in time: every server function's body, random and mutated, through
//! the real router. Whatever comes in, the answer is a refusal (4xx) or a success, never a
//! server error or a panic, and the server keeps answering `/health`. A fixed seed per run of
//! the test command keeps a failure reproducible (set `FUZZ_SEED` to try others).

use axum::body::Body;
use axum::http::{header, Request};
use serde_json::{json, Map, Value};

use super::helpers::{Caller, TestApp};
use crate::on_both_backends;

/// A small deterministic generator (xorshift64*): the test needs no randomness crate.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Argument names the server functions use: a random object built from them reaches past
/// the decoding of most functions into their checks.
const KEYS: &[&str] = &[
    "id", "programme_id", "organisation_id", "wave_id", "participant_id", "other_id", "questionnaire_id", "base_version",
    "input", "batch", "op", "submission", "title", "slides", "code", "filter", "kind", "role", "anonymous", "story",
    "rows", "import_key", "index", "last", "drop_invalid", "answers", "client_id", "version_id", "definition", "swot",
    "participations", "login", "password", "status", "stage", "number", "date", "signatory", "name", "template",
];

fn text(dice: &mut Dice) -> String {
    let pieces = ["", "0", "-1", "9223372036854775807", "Я", "\u{0}", "\u{202E}", "<script>", "=1+1", "../", "%00", "'; DROP TABLE x;--", "\"", "\\", "💥"];
    let mut out = String::new();
    for _ in 0..dice.below(4) {
        let piece: &&str = dice.pick(&pieces[..]);
        out.push_str(piece);
    }
    if dice.below(20) == 0 {
        out.push_str(&"я".repeat(dice.below(100_000)));
    }
    out
}

fn value(dice: &mut Dice, depth: usize) -> Value {
    let numbers = [json!(0), json!(-1), json!(1), json!(i64::MAX), json!(i64::MIN), json!(u64::MAX), json!(1.5), json!(1e308), json!(-0.0)];
    match dice.below(if depth > 3 { 4 } else { 7 }) {
        0 => Value::Null,
        1 => json!(dice.below(2) == 0),
        2 => dice.pick(&numbers).clone(),
        3 => Value::String(text(dice)),
        4 => Value::Array((0..dice.below(5)).map(|_| value(dice, depth + 1)).collect()),
        _ => {
            let mut map = Map::new();
            for _ in 0..dice.below(6) {
                let key = if dice.below(5) == 0 { text(dice) } else { dice.pick(KEYS).to_string() };
                map.insert(key, value(dice, depth + 1));
            }
            Value::Object(map)
        }
    }
}

/// A body as sent: mostly JSON, sometimes bytes that are not JSON at all.
fn body(dice: &mut Dice) -> Vec<u8> {
    match dice.below(10) {
        0 => (0..dice.below(200)).map(|_| dice.next() as u8).collect(),
        1 => b"{\"".to_vec(),
        2 => "[".repeat(dice.below(10_000) + 1).into_bytes(),
        _ => serde_json::to_vec(&value(dice, 0)).unwrap_or_default(),
    }
}

fn content_type(path: &str) -> &'static str {
    match path.trim_start_matches("/api/") {
        "auth/login" | "auth/logout" | "auth/whoami" => "application/x-www-form-urlencoded",
        "import/preview" | "documents/add" | "documents/scan" => "multipart/form-data; boundary=fuzz",
        _ => "application/json",
    }
}

on_both_backends!(every_server_function_answers_hostile_bodies_with_a_refusal_never_a_server_error, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let seed = std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5EED_2026_u64);
    let mut dice = Dice(seed | 1);
    let mut paths: Vec<String> = leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path.to_owned()).collect();
    paths.sort();
    assert!(paths.len() > 60, "every server function is registered: {}", paths.len());
    let callers: Vec<Caller> = vec![
        TestApp::anonymous(),
        app.login("curator", "kurator1").await,
        app.login("coordinator", "metodist").await,
        app.login("mentee", "molodoy1").await,
    ];
    let mut sent = 0;
    for path in &paths {
        for _ in 0..30 {
            let caller = dice.pick(&callers).clone();
            let bytes = body(&mut dice);
            let mut request = Request::post(path.as_str()).header(header::CONTENT_TYPE, content_type(path)).header(header::ACCEPT, "application/json");
            // Signing out would leave the rest of the run anonymous: only strangers try it.
            if let (Some(cookie), false) = (&caller.cookie, path.ends_with("auth/logout")) {
                request = request.header(header::COOKIE, cookie);
            }
            let reply = app.send(request.body(Body::from(bytes.clone())).expect("request")).await;
            sent += 1;
            assert!(
                reply.status.as_u16() < 500,
                "{path} as {} answered {} to {:?}: {}",
                caller.name,
                reply.status,
                String::from_utf8_lossy(&bytes[..bytes.len().min(300)]),
                &reply.text[..reply.text.len().min(300)]
            );
        }
    }
    // Other methods, and the plain routes with ids that are not ids.
    let curator = &callers[1];
    for path in &paths {
        for method in ["GET", "PUT", "DELETE"] {
            let mut request = Request::builder().method(method).uri(path.as_str()).header(header::CONTENT_TYPE, "application/json");
            if let Some(cookie) = &curator.cookie {
                request = request.header(header::COOKIE, cookie);
            }
            let reply = app.send(request.body(Body::from("{}")).expect("request")).await;
            assert!(reply.status.as_u16() < 500, "{method} {path}: {} {}", reply.status, reply.text);
            sent += 1;
        }
    }
    for route in ["/decks/x/present", "/decks/-1/export.html", "/decks/99999999999999999999/present", "/export/wave/abc.csv", "/export/wave/1.exe",
        "/export/order/..%2F..%2Fetc%2Fpasswd", "/export/school/1e3.xlsx", "/documents/%00/scan", "/static/..%2FCargo.toml", "/pkg/../Cargo.toml",
        "/participants/abc", "/waves/-5/results", "/programmes/%F0%9F%92%A5"] {
        let reply = app.get(curator, route).await;
        assert!(reply.status.as_u16() < 500, "{route}: {} {}", reply.status, reply.text);
        assert!(!reply.text.contains("[workspace]"), "{route} served a file from outside the site");
        assert!(!reply.text.contains("Cannot parse"), "{route} answered in the router's English: {}", reply.text);
        sent += 1;
    }
    assert!(app.get(&TestApp::anonymous(), "/health").await.ok(), "still answering after {sent} hostile requests");
    println!("{backend:?}: {sent} hostile requests to {} server functions, seed {seed:#x}: no server error", paths.len());
});

/// Every string leaf of a valid body may become hostile text and every number an extreme one;
/// the rest stays valid, so the body decodes and reaches the checks and the database.
fn mutate_leaves(value: &Value, dice: &mut Dice) -> Value {
    match value {
        Value::String(_) if dice.below(2) == 0 => Value::String(text(dice)),
        Value::Number(_) if dice.below(3) == 0 => dice.pick(&[json!(0), json!(-1), json!(i64::MAX), json!(i64::MIN)]).clone(),
        Value::Array(items) => Value::Array(items.iter().map(|item| mutate_leaves(item, dice)).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(key, item)| (key.clone(), mutate_leaves(item, dice))).collect()),
        other => other.clone(),
    }
}

on_both_backends!(valid_bodies_with_hostile_words_and_numbers_are_refused_or_stored_never_a_server_error, |backend| async move {
    use domain::models::{ParticipantInput, ProgrammeInput, SchoolInput};
    let app = TestApp::spawn(backend).await;
    let seed = std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x1EAF_2026_u64);
    let mut dice = Dice(seed | 1);
    let curator = app.login("curator", "kurator1").await;
    let coordinator = app.login("coordinator", "metodist").await;
    let mentee = app.login("mentee", "molodoy1").await;
    let programme = app.programme(&curator, None).await;
    let school = curator.user.as_ref().and_then(|u| u.organisation_id).expect("school");
    let person = ParticipantInput {
        last_name: "Иванова".into(), first_name: "Анна".into(), middle_name: "Петровна".into(), role: "mentor".into(), kind: "teacher".into(),
        subjects: "математика, физика".into(), experience_years: "12".into(), competences: "ИКТ".into(), requests: "методика".into(),
        capacity: "2".into(), ..Default::default()
    };
    let wave: i64 = sqlx::query_scalar("SELECT MAX(id) FROM waves WHERE programme_id = $1 AND role = 'mentee'").bind(programme).fetch_one(&app.db.pool).await.expect("wave");
    let form = app::store::surveys::form(&app.db, wave).await.expect("form");
    let submission = domain::surveys::SurveySubmission {
        client_id: "fuzz-client-000001".into(), wave_id: wave, version_id: form.version_id, code: None, answers: crate::helpers::complete_answers(&form),
    };
    let bodies: Vec<(&Caller, &str, Value)> = vec![
        (&curator, "participants/save", json!({ "id": null, "input": person, "participations": [{ "programme_id": programme, "role": "Mentor" }] })),
        (&curator, "programmes/create", json!({ "input": ProgrammeInput { title: "Новая".into(), form: "teacher_teacher".into(), variants: vec!["experienced_young".into()], starts_on: "2026-09-01".into(), ends_on: "2027-05-31".into() } })),
        (&curator, "reports/swot/save", json!({ "programme_id": programme, "swot": { "strengths": ["Опыт"], "weaknesses": ["Время"], "opportunities": ["Сеть"], "threats": ["Нагрузка"] } })),
        (&curator, "orders/save", json!({ "programme_id": programme, "details": { "number": "12-о", "signed_on": "2026-09-01", "head_name": "Петров П. П.", "head_position": "Директор" } })),
        (&coordinator, "schools/save", json!({ "id": null, "input": SchoolInput { name: "Школа № 99".into(), short_name: "№ 99".into(), students_total: "500".into(), teachers_total: "40".into(), teachers_under_35: "8".into(), young_specialists: "3".into(), counts_on: "2026-09-01".into() } })),
        (&coordinator, "decks/save", json!({ "id": 1, "title": "Итоги", "slides": [{ "content": { "Text": { "heading": "Итоги", "body": "Текст", "image": null } }, "notes": "Заметки" }] })),
        (&mentee, "surveys/submit", json!({ "submission": submission })),
        (&curator, "import/commit", json!({ "batch": { "import_key": "fuzz", "index": 0, "last": true, "drop_invalid": true, "programme_id": programme,
            "rows": [{ "line": 2, "programme": "", "errors": {}, "input": person }] } })),
    ];
    let mut sent = 0;
    for (caller, endpoint, body) in &bodies {
        let valid = app.call(caller, endpoint, body.clone()).await;
        assert!(valid.status.as_u16() < 500, "{endpoint} refused its valid body with {}: {}", valid.status, valid.text);
        for _ in 0..120 {
            let mutated = mutate_leaves(body, &mut dice);
            let reply = app.call(caller, endpoint, mutated.clone()).await;
            sent += 1;
            let shown = mutated.to_string();
            assert!(reply.status.as_u16() < 500, "{endpoint}: {} to {}: {}", reply.status, &shown[..shown.len().min(400)], reply.text);
        }
    }
    assert!(app.get(&TestApp::anonymous(), "/health").await.ok());
    let _ = school;
    println!("{backend:?}: {sent} valid bodies with hostile leaves, seed {seed:#x}: no server error");
});
