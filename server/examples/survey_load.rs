//! Load generator for questionnaire submissions: prints figures, asserts only that every
//! submission was stored exactly once.
//!
//! ```text
//! cargo run --release -p nastavnik --example survey_load -- [--respondents 500] [--waves 20]
//!     [--rate 1000] [--seconds 60] [--database-url URL]
//! ```
//!
//! Builds a programme with `respondents` mentees, a 20-question questionnaire (choices,
//! multiple choices, 1–5 and 1–10 scales, yes/no, short texts) given in `waves` waves, a
//! personal code per mentee and a kiosk per wave; starts the real router on a loopback port;
//! then `respondents` concurrent clients each submit one complete questionnaire per wave over
//! HTTP (`POST /api/surveys/submit` with the kiosk cookie). Together they offer `rate`
//! submissions per second on a fixed schedule (each client every `respondents / rate` s,
//! staggered), and latency is counted from the scheduled moment, so a slow server cannot hide
//! its queue. `--rate 0` sends back to back instead: the saturation throughput. It stops after
//! `respondents × waves` submissions or `seconds`, whichever comes first, and prints
//! throughput and latency percentiles. SQLite (a temporary file) unless `--database-url` names
//! a PostgreSQL database (it must be empty or a throwaway one: tables are created in it).

use std::sync::Arc;
use std::time::{Duration, Instant};

use app::store;
use common::{answers, questionnaire, setup};
use domain::surveys::*;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

#[path = "common/mod.rs"]
mod common;

struct Args {
    respondents: usize,
    waves: usize,
    seconds: u64,
    rate: f64,
    database_url: Option<String>,
}

fn args() -> Args {
    let mut args = Args { respondents: 500, waves: 20, seconds: 60, rate: 1000.0, database_url: None };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_default();
        match flag.as_str() {
            "--respondents" => args.respondents = value.parse().expect("--respondents N"),
            "--waves" => args.waves = value.parse().expect("--waves N"),
            "--seconds" => args.seconds = value.parse().expect("--seconds N"),
            "--rate" => args.rate = value.parse().expect("--rate N (0: back to back)"),
            "--database-url" => args.database_url = Some(value),
            other => panic!("unknown flag {other}"),
        }
    }
    args
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = args();
    if std::env::var_os("LEPTOS_OUTPUT_NAME").is_none() {
        std::env::set_var("LEPTOS_OUTPUT_NAME", "nastavnik");
    }
    let dir = tempfile::tempdir()?;
    let url = args.database_url.clone().unwrap_or_else(|| format!("sqlite://{}/load.db?mode=rwc", dir.path().display()));
    let db = store::connect(&url).await?;
    let started = Instant::now();
    let setup = setup(&db, args.respondents, args.waves, None).await?;
    println!(
        "backend {:?}: {} respondents × {} waves, 20 questions; setup {:.1} s",
        db.backend, args.respondents, args.waves, started.elapsed().as_secs_f64()
    );

    let options = nastavnik::startup::leptos_options(None)?;
    let router = nastavnik::startup::router(nastavnik::startup::state(db.clone(), options, app::state::WebSettings::default()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, router).await });

    let client: Client<_, Full<Bytes>> = Client::builder(TokioExecutor::new()).pool_max_idle_per_host(args.respondents).build_http();
    let definition = Arc::new(questionnaire());
    let setup = Arc::new(setup);
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let begin = Instant::now();
    // Each client's period on the fixed schedule (None: back to back).
    let period = (args.rate > 0.0).then(|| Duration::from_secs_f64(args.respondents as f64 / args.rate));
    let respondents = args.respondents;
    let mut tasks = Vec::new();
    for respondent in 0..args.respondents {
        let (client, definition, setup) = (client.clone(), definition.clone(), setup.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut failures = 0usize;
            for (w, (wave_id, version_id, cookie)) in setup.waves.iter().enumerate() {
                let scheduled = match period {
                    Some(period) => {
                        let at = begin + period.mul_f64(w as f64 + respondent as f64 / respondents as f64);
                        tokio::time::sleep_until(at.into()).await;
                        at
                    }
                    None => Instant::now(),
                };
                if Instant::now() >= deadline {
                    break;
                }
                let body = serde_json::json!({ "submission": SurveySubmission {
                    client_id: format!("load-{wave_id}-{respondent}"),
                    wave_id: *wave_id,
                    version_id: *version_id,
                    code: Some(setup.codes[respondent].clone()),
                    answers: answers(&definition, respondent * 31 + w),
                }});
                let request = hyper::Request::post(format!("http://{addr}/api/surveys/submit"))
                    .header("content-type", "application/json")
                    .header("accept", "application/json")
                    .header("cookie", cookie)
                    .body(Full::new(Bytes::from(body.to_string())))
                    .expect("request");
                let ok = match client.request(request).await {
                    Ok(response) => {
                        let status = response.status();
                        let text = response.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
                        status.is_success() && text.as_ref() == b"\"Received\""
                    }
                    Err(_) => false,
                };
                latencies.push(scheduled.elapsed());
                if !ok {
                    failures += 1;
                }
            }
            (latencies, failures)
        }));
    }
    let mut latencies = Vec::new();
    let mut failures = 0;
    for task in tasks {
        let (l, f) = task.await?;
        latencies.extend(l);
        failures += f;
    }
    let elapsed = begin.elapsed();
    latencies.sort();
    let stored: i64 = sqlx::Row::try_get(&sqlx::query("SELECT COUNT(*) AS n FROM submissions").fetch_one(&db.pool).await?, "n")?;
    let rows: i64 = sqlx::Row::try_get(&sqlx::query("SELECT COUNT(*) AS n FROM answers").fetch_one(&db.pool).await?, "n")?;
    let mode = match period {
        Some(_) => format!("offered {:.0}/s", args.rate),
        None => "back to back".to_owned(),
    };
    println!(
        "{mode}: {} submissions in {:.2} s: {:.0} submissions/s; latency p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms; failed {}",
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        ms(percentile(&latencies, 0.50)),
        ms(percentile(&latencies, 0.95)),
        ms(percentile(&latencies, 0.99)),
        ms(*latencies.last().unwrap_or(&Duration::ZERO)),
        failures,
    );
    println!("stored: {stored} submissions, {rows} answer rows");
    anyhow::ensure!(failures == 0 && stored as usize == latencies.len(), "every submission must be stored exactly once");
    Ok(())
}
