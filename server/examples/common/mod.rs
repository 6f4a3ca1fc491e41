//! What the load generator and the drills share: a district with one school, a programme of
//! pupils, a 20-question questionnaire given in waves with a kiosk each, complete answers,
//! and the server binary started as its own process.
#![allow(dead_code)] // each example uses its own part

use std::time::Duration;

use app::auth::{new_session_token, token_hash, KIOSK_COOKIE};
use app::store::{self, orgs, participants, programmes, surveys, users, Db};
use domain::models::*;
use domain::surveys::*;

/// A 20-question questionnaire of every closed kind and short texts.
pub fn questionnaire() -> Definition {
    let choices = |n: u16| (1..=n).map(|id| Choice { id, label: format!("Вариант {id}") }).collect::<Vec<_>>();
    let kind = |i: usize| match i % 6 {
        0 => QuestionKind::SingleChoice { options: choices(4) },
        1 => QuestionKind::MultipleChoice { options: choices(6), other: true },
        2 => QuestionKind::Scale { max: 5, low: "нет".into(), high: "да".into(), middle: "не знаю".into() },
        3 => QuestionKind::Scale { max: 10, low: "плохо".into(), high: "отлично".into(), middle: String::new() },
        4 => QuestionKind::YesNo,
        _ => QuestionKind::ShortText,
    };
    let questions = (0..20)
        .map(|i| Question {
            key: format!("q{}", i + 1),
            text: format!("Вопрос {} о работе в паре с наставником", i + 1),
            hint: String::new(),
            required: i % 6 != 5,
            kind: kind(i),
            only_in: None,
            level: None,
        })
        .collect::<Vec<_>>();
    Definition {
        title: "Нагрузочная анкета".into(),
        intro: String::new(),
        sections: questions.chunks(5).map(|q| Section { title: String::new(), questions: q.to_vec() }).collect(),
    }
}

/// A complete answer set that varies with the respondent.
pub fn answers(definition: &Definition, seed: usize) -> Answers {
    definition
        .questions()
        .enumerate()
        .map(|(i, q)| {
            let n = seed + i;
            let value = match &q.kind {
                QuestionKind::SingleChoice { options } => AnswerValue::Choice(options[n % options.len()].id),
                QuestionKind::MultipleChoice { options, .. } => AnswerValue::Choices {
                    ids: vec![options[n % options.len()].id, options[(n + 2) % options.len()].id],
                    other: n.is_multiple_of(7).then(|| "своё".into()),
                },
                QuestionKind::Scale { max, .. } => AnswerValue::Scale(1 + (n % usize::from(*max)) as u8),
                QuestionKind::YesNo => AnswerValue::YesNo(n.is_multiple_of(2)),
                _ => AnswerValue::Text(format!("Ответ респондента {seed} на вопрос {}", i + 1)),
            };
            (q.key.clone(), value)
        })
        .collect()
}

pub struct Setup {
    pub waves: Vec<(i64, i64, String)>, // wave id, version id, kiosk cookie
    pub codes: Vec<String>,
    pub programme: i64,
    pub school: i64,
}

/// The curator's login; `setup` gives it `curator_password` when one is asked for.
pub const CURATOR_LOGIN: &str = "load-curator";

pub async fn setup(db: &Db, respondents: usize, waves: usize, curator_password: Option<&str>) -> anyhow::Result<Setup> {
    let district = orgs::create_district(db, &District { id: 0, name: "Нагрузочный район".into(), time_zone: Default::default(), teachers_total: 0, teachers_under_35: 0, young_specialists: 0, organisations_total: 1, organisations_in_mentoring: 1 }).await?;
    let school = orgs::create_organisation(db, &Organisation { id: 0, district_id: district, name: "Школа нагрузки".into(), students_total: 0, teachers_total: 0, ..Organisation::default() }).await?;
    let programme = programmes::create(db, &Programme {
        id: 0, organisation_id: school, title: "Нагрузка".into(), form: MentoringForm::StudentStudent,
        variants: vec![Variant::PeerToPeer], starts_on: "2026-09-01".into(), ends_on: "2027-05-31".into(),
    }).await?;
    let mut conn = db.pool.acquire().await?;
    for i in 0..respondents {
        let student = NewParticipant {
            last_name: format!("Ученик{i}"), first_name: "Тест".into(), middle_name: None, role: ParticipantRole::Mentee,
            kind: ParticipantKind::Student, subjects: vec![], experience_years: None, qualification: None,
            grade: Some("7А".into()), achievement: Some(Achievement::Middle), competences: vec![], requests: vec![],
            deficits: vec![], capacity: None,
        };
        participants::insert_joining(&mut *conn, school, &student, Some(programme)).await?;
    }
    drop(conn);
    let password_hash = match curator_password {
        Some(password) => app::auth::hash_password(password).map_err(|e| anyhow::anyhow!("{e}"))?,
        None => "-".to_owned(),
    };
    let curator = users::create(db, &users::NewUser {
        login: CURATOR_LOGIN, password_hash: &password_hash, display_name: "Куратор", role: UserRole::Curator,
        district_id: district, organisation_id: Some(school), participant_id: None,
    }).await?;
    let questionnaire = surveys::create_questionnaire(db, school, None, &questionnaire()).await?;
    surveys::issue_named_codes(db, programme).await?;
    let codes = surveys::codes_of(db, programme).await?.into_iter().map(|c| c.code).collect();
    let mut out = Vec::new();
    for _ in 0..waves {
        let wave = surveys::create_wave(db, programme, questionnaire, WaveKind::Entry, ParticipantRole::Mentee, false).await?;
        let token = new_session_token();
        surveys::open_kiosk(db, &token_hash(&token), wave, curator, store::now_unix() + 3600).await?;
        let version = surveys::form(db, wave).await?.version_id;
        out.push((wave, version, format!("{KIOSK_COOKIE}={token}")));
    }
    Ok(Setup { waves: out, codes, programme, school })
}


/// The `nastavnik` binary beside this example (`cargo build --release --bins --examples`).
pub fn server_binary() -> anyhow::Result<std::path::PathBuf> {
    let example = std::env::current_exe()?;
    let binary = example.parent().and_then(|examples| examples.parent()).map(|dir| dir.join("nastavnik"));
    binary.filter(|path| path.exists()).ok_or_else(|| anyhow::anyhow!("build the server first: cargo build --release -p nastavnik --bins --examples"))
}

/// Starts `nastavnik serve` on `port` over `database_url` and waits until it answers `/health`.
pub async fn start_server(database_url: &str, port: u16) -> anyhow::Result<tokio::process::Child> {
    let child = tokio::process::Command::new(server_binary()?)
        .arg("serve")
        .env("DATABASE_URL", database_url)
        .env("NASTAVNIK_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_OUTPUT_NAME", "nastavnik")
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()?;
    for _ in 0..200 {
        if let Ok(mut stream) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await {
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            let _ = stream.write_all(b"GET /health HTTP/1.0\r\n\r\n").await;
            let mut reply = Vec::new();
            let _ = stream.read_to_end(&mut reply).await;
            if reply.starts_with(b"HTTP/1.0 200") || reply.starts_with(b"HTTP/1.1 200") {
                return Ok(child);
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!("the server on port {port} did not start")
}

/// A free loopback port.
pub fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// An HTTP client for the drills.
pub type Http = hyper_util::client::legacy::Client<hyper_util::client::legacy::connect::HttpConnector, http_body_util::Full<hyper::body::Bytes>>;

pub fn http() -> Http {
    hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build_http()
}

/// A POST to the server on `port`; `Err` when the server could not be reached or hung up.
pub async fn post(client: &Http, port: u16, path: &str, cookie: Option<&str>, content_type: &str, body: String) -> Result<(u16, String, Option<String>), String> {
    use http_body_util::BodyExt;
    let mut request = hyper::Request::post(format!("http://127.0.0.1:{port}{path}"))
        .header("content-type", content_type)
        .header("accept", "application/json");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let request = request.body(http_body_util::Full::new(hyper::body::Bytes::from(body))).map_err(|e| e.to_string())?;
    let response = tokio::time::timeout(Duration::from_secs(30), client.request(request)).await.map_err(|_| "timed out".to_owned())?.map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    let set_cookie = response.headers().get("set-cookie").and_then(|v| v.to_str().ok()).map(|v| v.split(';').next().unwrap_or_default().to_owned());
    let text = response.into_body().collect().await.map_err(|e| e.to_string())?.to_bytes();
    Ok((status, String::from_utf8_lossy(&text).into_owned(), set_cookie))
}

/// One submission's body for the kiosk of `wave`.
pub fn submission_body(definition: &Definition, client_id: &str, wave: (i64, i64), code: &str, seed: usize) -> String {
    serde_json::json!({ "submission": SurveySubmission {
        client_id: client_id.to_owned(),
        wave_id: wave.0,
        version_id: wave.1,
        code: Some(code.to_owned()),
        answers: answers(definition, seed),
    }})
    .to_string()
}

/// Stored submissions of the drill's waves: (rows, distinct respondents per wave, answer rows).
pub async fn stored(db: &Db, waves: &[i64]) -> anyhow::Result<(i64, i64, i64)> {
    let list = waves.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let count = |sql: String| async move { anyhow::Ok(sqlx::query_scalar::<_, i64>(&sql).fetch_one(&db.pool).await?) };
    let rows = count(format!("SELECT COUNT(*) FROM submissions WHERE wave_id IN ({list})")).await?;
    let distinct = count(format!("SELECT COUNT(*) FROM (SELECT DISTINCT wave_id, respondent FROM submissions WHERE wave_id IN ({list})) d")).await?;
    let answers = count(format!("SELECT COUNT(*) FROM answers WHERE wave_id IN ({list})")).await?;
    Ok((rows, distinct, answers))
}
