//! Drill: the server is killed (SIGKILL) again and again while kiosks send questionnaires,
//! and started again, then stopped with SIGTERM (it must drain and exit cleanly); the kiosks keep resending what was not acknowledged, as devices do.
//! Prints what was acknowledged, stored, lost and duplicated: lost and duplicated must be 0.
//!
//! ```text
//! cargo build --release -p nastavnik --bins --examples
//! target/release/examples/kill_drill [--database-url URL] [--respondents 200] [--waves 5] [--kills 4] [--rate 400]
//! ```
//!
//! SQLite (a temporary file) unless `--database-url` names an empty PostgreSQL database;
//! `.ci/drills` runs it on both.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[path = "common/mod.rs"]
mod common;

use common::*;

struct Args {
    database_url: Option<String>,
    respondents: usize,
    waves: usize,
    kills: usize,
    rate: f64,
}

fn args() -> Args {
    let mut args = Args { database_url: None, respondents: 200, waves: 5, kills: 4, rate: 400.0 };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_default();
        match flag.as_str() {
            "--database-url" => args.database_url = Some(value),
            "--respondents" => args.respondents = value.parse().expect("--respondents N"),
            "--waves" => args.waves = value.parse().expect("--waves N"),
            "--kills" => args.kills = value.parse().expect("--kills N"),
            "--rate" => args.rate = value.parse().expect("--rate N per second"),
            other => panic!("unknown flag {other}"),
        }
    }
    args
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = args();
    let dir = tempfile::tempdir()?;
    let url = args.database_url.clone().unwrap_or_else(|| format!("sqlite://{}/drill.db?mode=rwc", dir.path().display()));
    let db = app::store::connect(&url).await?;
    let setup = Arc::new(setup(&db, args.respondents, args.waves, None).await?);
    let definition = Arc::new(questionnaire());
    let port = free_port()?;
    let server = Arc::new(tokio::sync::Mutex::new(start_server(&url, port).await?));
    let total = args.respondents * args.waves;
    let acknowledged = Arc::new(Mutex::new(HashSet::<String>::new()));
    let (resends, refused) = (Arc::new(Mutex::new(0usize)), Arc::new(Mutex::new(Vec::<String>::new())));
    let client = http();
    let begin = Instant::now();
    let period = Duration::from_secs_f64(args.respondents as f64 / args.rate);

    // Each respondent sends their questionnaire of each wave on a schedule, and resends until
    // the server says it has it (Received, or AlreadyReceived after a lost reply).
    let mut tasks = Vec::new();
    for respondent in 0..args.respondents {
        let (setup, definition, client) = (setup.clone(), definition.clone(), client.clone());
        let (acknowledged, resends, refused) = (acknowledged.clone(), resends.clone(), refused.clone());
        let respondents = args.respondents;
        tasks.push(tokio::spawn(async move {
            for (w, (wave_id, version_id, cookie)) in setup.waves.iter().enumerate() {
                let at = begin + period.mul_f64(w as f64 + respondent as f64 / respondents as f64);
                tokio::time::sleep_until(at.into()).await;
                let client_id = format!("drill-{wave_id}-{respondent}");
                let body = submission_body(&definition, &client_id, (*wave_id, *version_id), &setup.codes[respondent], respondent * 31 + w);
                loop {
                    match post(&client, port, "/api/surveys/submit", Some(cookie), "application/json", body.clone()).await {
                        Ok((200, text, _)) if text == "\"Received\"" || text == "\"AlreadyReceived\"" => {
                            acknowledged.lock().expect("set").insert(client_id);
                            break;
                        }
                        Ok((status, text, _)) if status < 500 => {
                            refused.lock().expect("list").push(format!("{client_id}: {status} {text}"));
                            break;
                        }
                        _ => {
                            *resends.lock().expect("count") += 1;
                            tokio::time::sleep(Duration::from_millis(100)).await;
                        }
                    }
                }
            }
        }));
    }

    // The killer: SIGKILL at even intervals over the run, then start again at once; the last
    // stop is a SIGTERM, which must drain and exit cleanly.
    let run = Duration::from_secs_f64(total as f64 / args.rate);
    let mut kills_done = 0;
    let stops = args.kills + 1;
    for k in 1..=stops {
        tokio::time::sleep_until((begin + run.mul_f64(k as f64 / (stops + 1) as f64)).into()).await;
        let mut child = server.lock().await;
        let acked_before = acknowledged.lock().expect("set").len();
        if k < stops {
            child.kill().await?;
            kills_done += 1;
            println!("stop {k}: SIGKILL after {acked_before} acknowledged, restarted");
        } else {
            let pid = child.id().ok_or_else(|| anyhow::anyhow!("the server has no pid"))?;
            let asked = Instant::now();
            tokio::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status().await?;
            let status = tokio::time::timeout(Duration::from_secs(40), child.wait()).await??;
            println!(
                "stop {k}: SIGTERM after {acked_before} acknowledged: exited {} in {} ms, restarted",
                if status.success() { "cleanly" } else { "WITH AN ERROR" },
                asked.elapsed().as_millis()
            );
            anyhow::ensure!(status.success(), "the server did not stop cleanly on SIGTERM: {status}");
        }
        *child = start_server(&url, port).await?;
    }
    for task in tasks {
        task.await?;
    }
    let elapsed = begin.elapsed();
    let waves: Vec<i64> = setup.waves.iter().map(|w| w.0).collect();
    let (rows, distinct, answer_rows) = stored(&db, &waves).await?;
    let acknowledged = acknowledged.lock().expect("set").clone();
    let mut lost = 0;
    for client_id in &acknowledged {
        let found: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM submissions WHERE client_id = $1").bind(client_id).fetch_one(&db.pool).await?;
        if found == 0 {
            lost += 1;
        }
    }
    let expected_rows: usize = (0..args.respondents)
        .flat_map(|r| (0..args.waves).map(move |w| (r, w)))
        .map(|(r, w)| domain::surveys::stats::to_rows(&answers(&definition, r * 31 + w)).len())
        .sum();
    let refused = refused.lock().expect("list").clone();
    println!(
        "backend {:?}: {total} submissions offered at {:.0}/s over {:.1} s, {kills_done} kills; acknowledged {}, stored {rows}, \
         lost {lost} (must be 0), duplicated {} (must be 0), answer rows {answer_rows} of {expected_rows}, resends {}, refused {}",
        db.backend,
        args.rate,
        elapsed.as_secs_f64(),
        acknowledged.len(),
        rows - distinct,
        *resends.lock().expect("count"),
        refused.len(),
    );
    for line in refused.iter().take(5) {
        println!("  refused: {line}");
    }
    server.lock().await.kill().await?;
    anyhow::ensure!(lost == 0 && rows == distinct && acknowledged.len() == total && answer_rows as usize == expected_rows, "the drill failed");
    Ok(())
}
