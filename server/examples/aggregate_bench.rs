//! Benchmark of the before/after aggregation: prints figures, asserts nothing.
//!
//! `cargo run --release -p nastavnik --example aggregate_bench -- [ANSWERS] [--database-url URL]`
//! (default 100000 answer rows, SQLite in a temporary file). Fills one district with entry and
//! exit waves of «Профессиональные трудности молодого педагога» until it holds ANSWERS answer
//! rows, then times the whole server-side comparison (`before_after_of`: two counting queries,
//! the linking query, folding and shares) for the district, 20 times.

use std::time::{Duration, Instant};

use domain::models::*;
use app::store::surveys::{self as store, Accepted, Scope};
use app::store::{orgs, programmes};
use domain::surveys::stats::to_rows;
use domain::surveys::{templates::by_code, AnswerValue, Answers, QuestionKind, WaveKind};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut target = 100_000usize;
    let mut url = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--database-url" => url = args.next(),
            n => target = n.parse().expect("ANSWERS is a number"),
        }
    }
    let dir = tempfile::tempdir()?;
    let url = url.unwrap_or_else(|| format!("sqlite://{}/aggregate.db?mode=rwc", dir.path().display()));
    let db = app::store::connect(&url).await?;
    let district = orgs::create_district(&db, &District {
        id: 0, name: "Район".into(), time_zone: Default::default(), teachers_total: 0, teachers_under_35: 0, young_specialists: 0,
        organisations_total: 1, organisations_in_mentoring: 1,
    }).await?;
    let school = orgs::create_organisation(&db, &Organisation { id: 0, district_id: district, name: "Школа".into(), students_total: 0, teachers_total: 0, ..Organisation::default() }).await?;
    let programme = programmes::create(&db, &Programme {
        id: 0, organisation_id: school, title: "Молодые педагоги".into(), form: MentoringForm::TeacherTeacher,
        variants: vec![Variant::ExperiencedYoung], starts_on: "2026-09-01".into(), ends_on: "2027-05-31".into(),
    }).await?;
    let template = by_code("young_teacher_difficulties").expect("template");
    let definition = template.definition();
    let questionnaire = store::create_questionnaire(&db, school, Some(template.code), &definition).await?;
    let mut rows = 0usize;
    let mut person = 0usize;
    for kind in [WaveKind::Entry, WaveKind::Exit] {
        let wave_id = store::create_wave(&db, programme, questionnaire, kind, ParticipantRole::Mentee, true).await?;
        let version_id = store::form(&db, wave_id).await?.version_id;
        let mut n = 0;
        while rows < target * if kind == WaveKind::Entry { 1 } else { 2 } / 2 {
            let mut batch = Vec::new();
            for _ in 0..500 {
                let answers: Answers = definition
                    .questions_for(kind)
                    .filter_map(|q| {
                        let value = match &q.kind {
                            QuestionKind::SingleChoice { options } => AnswerValue::Choice(options[(n + person) % options.len()].id),
                            QuestionKind::MultipleChoice { options, .. } => AnswerValue::Choices {
                                ids: vec![options[n % options.len()].id, options[(n + 3) % options.len()].id],
                                other: None,
                            },
                            QuestionKind::Scale { max, .. } => AnswerValue::Scale(1 + (n % usize::from(*max)) as u8),
                            QuestionKind::YesNo => AnswerValue::YesNo(n % 2 == 0),
                            _ => return None,
                        };
                        Some((q.key.clone(), value))
                    })
                    .collect();
                let answer_rows = to_rows(&answers);
                rows += answer_rows.len();
                batch.push(Accepted {
                    client_id: format!("bench-{wave_id}-{n}"),
                    wave_id,
                    version_id,
                    respondent: format!("c{n}"),
                    rows: answer_rows,
                });
                n += 1;
            }
            store::store_batch(&db, &batch).await?;
        }
        person += n;
    }
    println!("backend {:?}: {rows} answer rows from {person} submissions (entry and exit)", db.backend);

    let mut times = Vec::new();
    let mut result = None;
    for _ in 0..20 {
        let start = Instant::now();
        let report = app::services::reports::before_after_of(&db, Scope::District(district), template).await?;
        times.push(start.elapsed());
        result = Some(report);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let report = result.expect("ran");
    let difficulties = report.iter().find(|q| q.key == "difficulties").expect("difficulties");
    println!(
        "before/after over the district: median {:.1} ms, min {:.1} ms, max {:.1} ms (20 runs); {} questions, n {} → {}, linked {}",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
        report.len(),
        difficulties.entry_n,
        difficulties.exit_n,
        difficulties.linked,
    );
    Ok(())
}
