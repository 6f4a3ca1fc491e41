//! Drill: two server processes on one PostgreSQL, each on its own loopback port, as behind a
//! load balancer. Clients spread over both; sign-ins, the throttle, an import, the board and
//! questionnaires must behave as with one process. Prints what each part saw.
//!
//! ```text
//! cargo build --release -p nastavnik --bins --examples
//! target/release/examples/two_servers --database-url postgres://…/empty_database [--respondents 200] [--waves 3]
//! ```
//! `.ci/drills` runs it against a throwaway cluster.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

#[path = "common/mod.rs"]
mod common;

use common::*;

const PASSWORD: &str = "drill-password-2026";

fn form(login: &str, password: &str) -> String {
    format!("login={login}&password={password}")
}

/// A distinct name for every number (names take letters only).
fn letters(mut n: usize) -> String {
    const ALPHABET: [char; 10] = ['а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к'];
    let mut out = String::new();
    loop {
        out.push(ALPHABET[n % 10]);
        n /= 10;
        if n == 0 {
            return out;
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (mut url, mut respondents, mut waves) = (None, 200usize, 3usize);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        match flag.as_str() {
            "--database-url" => url = Some(value),
            "--respondents" => respondents = value.parse()?,
            "--waves" => waves = value.parse()?,
            other => anyhow::bail!("unknown flag {other}"),
        }
    }
    let url = url.ok_or_else(|| anyhow::anyhow!("--database-url postgres://… (an empty database)"))?;
    let db = app::store::connect(&url).await?;
    let setup = Arc::new(setup(&db, respondents, waves, Some(PASSWORD)).await?);
    let (a, b) = (free_port()?, free_port()?);
    let (server_a, server_b) = (start_server(&url, a).await?, start_server(&url, b).await?);
    let ports = [a, b];
    let client = http();
    let mut failures = Vec::new();

    // Sign-in on one process, the session works on the other.
    let (status, _, cookie) = post(&client, a, "/api/auth/login", None, "application/x-www-form-urlencoded", form(CURATOR_LOGIN, PASSWORD)).await.map_err(anyhow::Error::msg)?;
    let cookie = cookie.filter(|_| status == 200).ok_or_else(|| anyhow::anyhow!("no sign-in: {status}"))?;
    let (status, who, _) = post(&client, b, "/api/auth/whoami", Some(&cookie), "application/x-www-form-urlencoded", String::new()).await.map_err(anyhow::Error::msg)?;
    let session_ok = status == 200 && who.contains(CURATOR_LOGIN);
    println!("sessions: signed in on :{a}, recognised on :{b}: {}", if session_ok { "yes" } else { "NO" });
    if !session_ok {
        failures.push("session");
    }

    // Wrong passwords sent to both processes in turn are counted together.
    let mut answers = Vec::new();
    for n in 0..6 {
        let (status, _, _) = post(&client, ports[n % 2], "/api/auth/login", None, "application/x-www-form-urlencoded", form(CURATOR_LOGIN, "wrong")).await.map_err(anyhow::Error::msg)?;
        answers.push(status);
    }
    let (right_a, _, _) = post(&client, a, "/api/auth/login", None, "application/x-www-form-urlencoded", form(CURATOR_LOGIN, PASSWORD)).await.map_err(anyhow::Error::msg)?;
    let (right_b, _, _) = post(&client, b, "/api/auth/login", None, "application/x-www-form-urlencoded", form(CURATOR_LOGIN, PASSWORD)).await.map_err(anyhow::Error::msg)?;
    let throttle_ok = answers[..5].iter().all(|s| *s == 400) && answers[5] == 429 && right_a == 429 && right_b == 429;
    println!("throttle: wrong passwords alternating over both answered {answers:?}; then the right one {right_a} on :{a}, {right_b} on :{b}: {}", if throttle_ok { "counted across both" } else { "NOT SHARED" });
    if !throttle_ok {
        failures.push("throttle");
    }

    // An import whose batches go to different processes is written whole, once.
    let row = |n: usize| json!({ "line": n + 2, "programme": "", "errors": {}, "input": domain::models::ParticipantInput {
        last_name: format!("Импортов{}", letters(n)), first_name: "Иван".into(), role: "mentee".into(), kind: "student".into(), grade: "8Б".into(), ..Default::default() } });
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM participants").fetch_one(&db.pool).await?;
    let batch = |index: usize, last: bool| json!({ "batch": { "import_key": "drill-import", "index": index, "last": last, "drop_invalid": false,
        "rows": (index * 200..(index + 1) * 200).map(row).collect::<Vec<_>>() } }).to_string();
    let mut imported = Vec::new();
    for (index, port) in [(0, a), (1, b), (2, a)] {
        let (status, text, _) = post(&client, port, "/api/import/commit", Some(&cookie), "application/json", batch(index, index == 2)).await.map_err(anyhow::Error::msg)?;
        imported.push(format!("{status} {text}"));
    }
    let (_, again, _) = post(&client, b, "/api/import/commit", Some(&cookie), "application/json", batch(2, true)).await.map_err(anyhow::Error::msg)?;
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM participants").fetch_one(&db.pool).await?;
    let import_ok = imported.last().is_some_and(|t| t == "200 600") && again == "600" && after - before == 600;
    println!("import: 3 batches over both processes answered {imported:?}; the last sent again: {again}; people added {}: {}", after - before, if import_ok { "all, once" } else { "WRONG" });
    if !import_ok {
        failures.push("import");
    }

    // Two curators move on the same board version through different processes at once: one
    // change is applied, the other is told the board changed (no lost update).
    let mentor = {
        let data = domain::models::NewParticipant::parse(&domain::models::ParticipantInput {
            last_name: "Наставникова".into(), first_name: "Ада".into(), role: "mentor".into(), kind: "student".into(),
            grade: "10А".into(), capacity: "3".into(), ..Default::default()
        }).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        app::store::participants::insert_joining(&db, setup.school, &data, Some(setup.programme)).await?
    };
    let board_body = json!({ "programme_id": setup.programme }).to_string();
    let (_, board, _) = post(&client, a, "/api/board/get", Some(&cookie), "application/json", board_body).await.map_err(anyhow::Error::msg)?;
    let board: Value = serde_json::from_str(&board)?;
    let version = board["version"].as_i64().unwrap_or_default();
    let mentee = |i: usize| board["mentees"][i]["id"].as_i64().unwrap_or_default();
    let apply = |mentee_id: i64| json!({ "programme_id": setup.programme, "base_version": version,
        "op": { "Move": { "mentee_id": mentee_id, "mentor_id": mentor, "reason": null } } }).to_string();
    let (first, second) = tokio::join!(
        post(&client, a, "/api/board/apply", Some(&cookie), "application/json", apply(mentee(0))),
        post(&client, b, "/api/board/apply", Some(&cookie), "application/json", apply(mentee(1))),
    );
    let statuses = [first.map(|r| r.0).unwrap_or(0), second.map(|r| r.0).unwrap_or(0)];
    let pairs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pair_mentees pm JOIN pairs p ON p.id = pm.pair_id WHERE p.programme_id = $1")
        .bind(setup.programme).fetch_one(&db.pool).await.unwrap_or(-1);
    let board_ok = statuses.contains(&200) && statuses.contains(&409) && pairs == 1;
    println!("board: two moves on version {version} through both at once answered {statuses:?}; pairs stored {pairs}: {}", if board_ok { "one applied, one told to reload" } else { "LOST UPDATE" });
    if !board_ok {
        failures.push("board");
    }

    // Questionnaires sent to both processes in turn: each stored once.
    let definition = Arc::new(questionnaire());
    let acknowledged = Arc::new(Mutex::new(HashSet::new()));
    let refusals = Arc::new(Mutex::new(Vec::<String>::new()));
    let mut tasks = Vec::new();
    for respondent in 0..respondents {
        let (setup, definition, client, acknowledged, refusals) = (setup.clone(), definition.clone(), client.clone(), acknowledged.clone(), refusals.clone());
        tasks.push(tokio::spawn(async move {
            for (w, (wave_id, version_id, kiosk)) in setup.waves.iter().enumerate() {
                let client_id = format!("two-servers-{wave_id}-{respondent:06}");
                let body = submission_body(&definition, &client_id, (*wave_id, *version_id), &setup.codes[respondent], respondent + w);
                // Sent to one process, then (a lost reply) again to the other.
                for port in [ports[(respondent + w) % 2], ports[(respondent + w + 1) % 2]] {
                    match post(&client, port, "/api/surveys/submit", Some(kiosk), "application/json", body.clone()).await {
                        Ok((200, _, _)) => {
                            acknowledged.lock().expect("set").insert(client_id.clone());
                        }
                        other => refusals.lock().expect("list").push(format!("{client_id} on :{port}: {other:?}")),
                    }
                }
            }
        }));
    }
    for task in tasks {
        task.await?;
    }
    let wave_ids: Vec<i64> = setup.waves.iter().map(|w| w.0).collect();
    let (rows, distinct, _) = stored(&db, &wave_ids).await?;
    let acknowledged = acknowledged.lock().expect("set").len();
    let submissions_ok = acknowledged == respondents * waves && rows == acknowledged as i64 && rows == distinct;
    println!("questionnaires: {} sent twice each, once to each process; acknowledged {acknowledged}, stored {rows}, duplicated {}: {}", respondents * waves, rows - distinct, if submissions_ok { "each once" } else { "WRONG" });
    if !submissions_ok {
        for line in refusals.lock().expect("list").iter().take(5) {
            println!("  not acknowledged: {line}");
        }
        failures.push("questionnaires");
    }
    drop((server_a, server_b));
    anyhow::ensure!(failures.is_empty(), "failed: {failures:?}");
    Ok(())
}
