//! Questionnaires through their server functions: taking them, refusals, anonymity, versions,
//! results and exports.

use app::store::Backend;
use app::api::programmes::ListProgrammes;
use app::api::reports::GetBeforeAfter;
use app::api::surveys::*;
use domain::surveys::{AnswerValue, Answers, Definition, QuestionKind, SurveyForm, SurveySubmission, WaveKind};
use serde_json::{json, Value};
use sqlx::Row;

use super::helpers::{complete_answers, Caller, TestApp};
use crate::on_both_backends;

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query(sql).fetch_one(&app.db.pool).await.expect("count").try_get::<i64, _>(0).expect("n")
}

/// The pilot's waves of «Профессиональные трудности молодого педагога»: (entry, exit).
async fn pilot_waves(app: &TestApp) -> (i64, i64) {
    let rows = sqlx::query("SELECT id, kind FROM waves WHERE role = 'mentee' AND programme_id = (SELECT MIN(id) FROM programmes) ORDER BY id")
        .fetch_all(&app.db.pool)
        .await
        .expect("waves");
    let id = |kind: &str| rows.iter().find(|r| r.get::<String, _>("kind") == kind).map(|r| r.get::<i64, _>("id")).expect("wave");
    (id("entry"), id("exit"))
}

async fn form(app: &TestApp, caller: &Caller, wave_id: i64) -> SurveyForm {
    app.invoke(caller, MySurveyForm { wave_id }).await.unwrap_or_else(|e| panic!("form: {e:?}"))
}

fn submission(client_id: &str, form: &SurveyForm, code: Option<&str>, answers: &Answers) -> SubmitSurvey {
    SubmitSurvey {
        submission: SurveySubmission {
            client_id: client_id.into(),
            wave_id: form.wave_id,
            version_id: form.version_id,
            code: code.map(str::to_owned),
            answers: answers.clone(),
        },
    }
}

on_both_backends!(a_submission_is_stored_once_however_often_it_is_sent, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let mentee = app.login("mentee", "molodoy1").await;
    let (_, exit) = pilot_waves(&app).await;
    let mine = app.call_fn(&mentee, MySurveys {}).await.json();
    let listed = mine.as_array().expect("list").iter().find(|s| s["wave"]["id"] == exit).expect("exit wave listed");
    assert_eq!(listed["done"], false);

    let form = form(&app, &mentee, exit).await;
    let given = complete_answers(&form);
    let before = count(&app, "SELECT COUNT(*) FROM submissions").await;
    let first = app.call_fn(&mentee, submission("device-made-id-0001", &form, None, &given)).await;
    assert_eq!(first.json(), json!("Received"), "{}", first.text);
    // The answer was lost on the way back; the device sends again: nothing new is stored.
    let again = app.call_fn(&mentee, submission("device-made-id-0001", &form, None, &given)).await;
    assert_eq!(again.json(), json!("AlreadyReceived"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM submissions").await, before + 1);
    // A second questionnaire from the same person (another id) is refused.
    let second = app.call_fn(&mentee, submission("device-made-id-0002", &form, None, &given)).await;
    assert_eq!(second.status.as_u16(), 400);
    assert!(second.text.contains("уже заполнена"), "{}", second.text);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM submissions").await, before + 1);
    let mine = app.call_fn(&mentee, MySurveys {}).await.json();
    assert_eq!(mine.as_array().expect("list").iter().find(|s| s["wave"]["id"] == exit).expect("listed")["done"], true);
});

#[tokio::test]
async fn bad_submissions_are_refused_in_russian_and_change_nothing() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mentee = app.login("mentee", "molodoy1").await;
    let (entry, exit) = pilot_waves(&app).await;
    let form = form(&app, &mentee, exit).await;
    let good = complete_answers(&form);
    let scale_key = form.definition.questions().find(|q| matches!(q.kind, QuestionKind::Scale { .. })).expect("scale").key.clone();
    let text_key = form.definition.questions_for(WaveKind::Exit).find(|q| q.kind == QuestionKind::LongText).expect("text").key.clone();
    let mut unknown_option = good.clone();
    unknown_option.insert("difficulties".into(), AnswerValue::Choices { ids: vec![99], other: None });
    let mut out_of_range = good.clone();
    out_of_range.insert(scale_key.clone(), AnswerValue::Scale(11));
    let mut not_in_version = good.clone();
    not_in_version.insert("mentor_help".into(), AnswerValue::Text("только на входе".into()));
    let mut oversized = good.clone();
    oversized.insert(text_key.clone(), AnswerValue::Text("а".repeat(5000)));
    let before = (count(&app, "SELECT COUNT(*) FROM submissions").await, count(&app, "SELECT COUNT(*) FROM answers").await);
    let cases = [
        ("unknown option", submission("bad-case-0001", &form, None, &unknown_option), "Такого варианта ответа нет"),
        ("out of range", submission("bad-case-0002", &form, None, &out_of_range), "Оценка — число от 1 до"),
        ("not in this version", submission("bad-case-0003", &form, None, &not_in_version), "нет вопроса «mentor_help»"),
        ("oversized text", submission("bad-case-0004", &form, None, &oversized), "Не длиннее 4000 символов"),
        ("bad client id", submission("x", &form, None, &good), "идентификатор"),
        ("closed wave", submission("bad-case-0005", &SurveyForm { wave_id: entry, ..form.clone() }, None, &good), "Анкетирование завершено"),
    ];
    for (what, body, message) in cases {
        let reply = app.call_fn(&mentee, body).await;
        assert_eq!(reply.status.as_u16(), 400, "{what}: {}", reply.text);
        assert!(reply.text.contains(message), "{what}: {}", reply.text);
    }
    let after = (count(&app, "SELECT COUNT(*) FROM submissions").await, count(&app, "SELECT COUNT(*) FROM answers").await);
    assert_eq!(after, before, "nothing half-saved");
    // Someone else's wave: a mentor cannot answer the mentees' questionnaire.
    let mentor = app.login("mentor", "nastavnik1").await;
    let reply = app.call_fn(&mentor, submission("bad-case-0006", &form, None, &good)).await;
    assert_eq!(reply.status.as_u16(), 404, "{}", reply.text);
    assert_eq!(app.call_fn(&TestApp::anonymous(), submission("bad-case-0007", &form, None, &good)).await.status.as_u16(), 401);
}

/// kurator7's anonymous entry and exit waves for «Ученик – ученик», one slip, and a kiosk
/// cookie for each wave.
async fn anonymous_setup(app: &TestApp) -> (i64, i64, String) {
    let curator = app.login("curator", "kurator7").await;
    let programme = app.programme(&curator, Some("Ученик – ученик")).await;
    let page = app.call_fn(&curator, ListQuestionnaires { organisation_id: None }).await.json();
    let questionnaire = page["questionnaires"][0]["id"].as_i64().expect("school 7 has a questionnaire");
    let wave = |kind: &str| CreateWave { programme_id: programme, questionnaire_id: questionnaire, kind: kind.into(), role: "mentee".into(), anonymous: true };
    let entry = app.call_fn(&curator, wave("entry")).await.json().as_i64().expect("entry wave");
    let exit = app.call_fn(&curator, wave("exit")).await.json().as_i64().expect("exit wave");
    let before: i64 = sqlx::query("SELECT COUNT(*) AS n FROM respondent_codes WHERE programme_id = $1").bind(programme)
        .fetch_one(&app.db.pool).await.expect("codes").get("n");
    assert!(app.call_fn(&curator, IssueCodes { programme_id: programme, role: "mentee".into(), anonymous_count: 1 }).await.ok());
    let code: String = sqlx::query("SELECT code FROM respondent_codes WHERE programme_id = $1 ORDER BY id DESC LIMIT 1")
        .bind(programme).fetch_one(&app.db.pool).await.expect("slip").get("code");
    let after: i64 = sqlx::query("SELECT COUNT(*) AS n FROM respondent_codes WHERE programme_id = $1").bind(programme)
        .fetch_one(&app.db.pool).await.expect("codes").get("n");
    assert_eq!(after, before + 1);
    (entry, exit, code)
}

/// Opens a kiosk for a wave on a fresh "device" (a curator logs in there, then opens it).
async fn kiosk(app: &TestApp, wave_id: i64) -> Caller {
    let curator = app.login("curator", "kurator7").await;
    let reply = app.call_fn(&curator, OpenKiosk { wave_id }).await;
    assert!(reply.ok(), "{}", reply.text);
    let cookie = reply.set_cookie.expect("kiosk cookie");
    assert!(cookie.starts_with("nastavnik_kiosk="), "{cookie}");
    // The curator's session on that device is over.
    assert_eq!(app.call_fn(&curator, ListProgrammes { organisation_id: None }).await.status.as_u16(), 401);
    Caller { name: "kiosk", cookie: Some(cookie.split(';').next().expect("pair").to_owned()), user: None }
}

on_both_backends!(anonymous_waves_link_entry_and_exit_by_code_and_store_no_name, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let (entry, exit, code) = anonymous_setup(&app).await;
    for (wave_id, client_id) in [(entry, "anon-entry-0001"), (exit, "anon-exit-00001")] {
        let kiosk = kiosk(&app, wave_id).await;
        let page = app.call_fn(&kiosk, KioskPage {}).await.json();
        let form: SurveyForm = serde_json::from_value(page["form"].clone()).expect("kiosk form");
        assert_eq!(form.wave_id, wave_id);
        assert_eq!(app.call_fn(&kiosk, CheckKioskCode { code: "000000".into() }).await.status.as_u16(), 400);
        assert!(app.call_fn(&kiosk, CheckKioskCode { code: code.clone() }).await.ok());
        let reply = app.call_fn(&kiosk, submission(client_id, &form, Some(&code), &complete_answers(&form))).await;
        assert_eq!(reply.json(), json!("Received"), "{}", reply.text);
        // The same code cannot answer the same wave twice.
        let code_again = app.call_fn(&kiosk, CheckKioskCode { code: code.clone() }).await;
        assert!(code_again.text.contains("уже заполнена"), "{}", code_again.text);
        // The kiosk reaches nothing else.
        assert_eq!(app.call_fn(&kiosk, ListProgrammes { organisation_id: None }).await.status.as_u16(), 401);
        assert_eq!(app.call_fn(&kiosk, ListWaves { programme_id: 1 }).await.status.as_u16(), 401);
    }
    let rows = sqlx::query("SELECT wave_id, respondent FROM submissions WHERE wave_id IN ($1, $2) ORDER BY wave_id")
        .bind(entry).bind(exit).fetch_all(&app.db.pool).await.expect("submissions");
    assert_eq!(rows.len(), 2);
    let respondents: Vec<String> = rows.iter().map(|r| r.get("respondent")).collect();
    assert_eq!(respondents[0], respondents[1], "entry and exit are linked");
    assert!(respondents[0].starts_with('c'), "{respondents:?}");
    let slip_owner: Option<i64> = sqlx::query("SELECT participant_id FROM respondent_codes WHERE code = $1")
        .bind(&code).fetch_one(&app.db.pool).await.expect("slip").get("participant_id");
    assert_eq!(slip_owner, None, "an anonymous slip belongs to nobody");
    // One respondent is fewer than five: nothing drawn from the wave is shown or exported.
    let curator = app.login("curator", "kurator7").await;
    let results = app.call_fn(&curator, GetWaveResults { wave_id: exit }).await.json();
    assert_eq!((results["too_few_to_show"].clone(), results["questions"].clone()), (json!(true), json!([])));
    let csv = app.get(&curator, &format!("/export/wave/{exit}.csv")).await;
    assert_eq!((csv.status.as_u16(), csv.text.as_str()), (400, domain::i18n::tr::SV_TOO_FEW_ANONYMOUS));
});

on_both_backends!(an_anonymous_wave_shows_nothing_that_leads_back_to_a_respondent, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let (entry, _, _) = anonymous_setup(&app).await;
    let curator = app.login("curator", "kurator7").await;
    let programme: i64 = sqlx::query("SELECT programme_id FROM waves WHERE id = $1").bind(entry).fetch_one(&app.db.pool).await.expect("wave").get(0);
    assert!(app.call_fn(&curator, IssueCodes { programme_id: programme, role: "mentee".into(), anonymous_count: 5 }).await.ok());
    let codes: Vec<String> = sqlx::query("SELECT code FROM respondent_codes WHERE programme_id = $1 AND participant_id IS NULL ORDER BY id DESC LIMIT 6")
        .bind(programme).fetch_all(&app.db.pool).await.expect("slips").iter().map(|r| r.get(0)).collect();
    let kiosk = kiosk(&app, entry).await;
    let form: SurveyForm = serde_json::from_value(app.call_fn(&kiosk, KioskPage {}).await.json()["form"].clone()).expect("form");
    let open = form.definition.questions().find(|q| matches!(q.kind, QuestionKind::ShortText | QuestionKind::LongText)).expect("an open question").key.clone();
    // Typed in the reverse of their alphabetical order: any order of arrival would show.
    let typed = ["Я бы хотел больше встреч", "Ю: всё понятно", "Э, сложно", "В целом хорошо", "Б — интересно", "А ещё задания"];
    let curator = app.login("curator", "kurator7").await;
    for (n, code) in codes.iter().enumerate() {
        if n == 4 {
            let results = app.call_fn(&curator, GetWaveResults { wave_id: entry }).await.json();
            assert_eq!(results["too_few_to_show"], json!(true), "four answers are fewer than five");
            assert_eq!(app.get(&curator, &format!("/export/wave/{entry}.xlsx")).await.status.as_u16(), 400);
        }
        let mut answers = complete_answers(&form);
        answers.insert(open.clone(), AnswerValue::Text(typed[n].into()));
        let reply = app.call_fn(&kiosk, submission(&format!("anon-six-{n:07}"), &form, Some(code), &answers)).await;
        assert_eq!(reply.json(), json!("Received"), "{}", reply.text);
    }
    let results = app.call_fn(&curator, GetWaveResults { wave_id: entry }).await.json();
    assert_eq!(results["too_few_to_show"], json!(false));
    let question = results["questions"].as_array().expect("questions").iter().find(|q| q["key"] == open.as_str()).expect("the open question").clone();
    let mut alphabetical: Vec<&str> = typed.to_vec();
    alphabetical.sort();
    assert_eq!(question["texts"], json!(alphabetical), "open answers in the order of their words, not of their arrival");

    let csv = app.get(&curator, &format!("/export/wave/{entry}.csv")).await;
    assert!(csv.ok(), "{}", csv.text);
    let header = csv.text.lines().next().expect("header");
    assert!(!header.contains(domain::i18n::tr::SV_COL_RESPONDENT) && !header.contains(domain::i18n::tr::SV_COL_SUBMITTED), "{header}");
    for code in &codes {
        assert!(!csv.text.contains(code.as_str()), "the slip {code} is in the export");
    }
    let stored: Vec<String> = sqlx::query("SELECT submitted_at FROM submissions WHERE wave_id = $1").bind(entry)
        .fetch_all(&app.db.pool).await.expect("submissions").iter().map(|r| r.get(0)).collect();
    for at in stored {
        let minute = domain::models::TimeZone::Moscow.local_minutes(&at);
        assert!(!csv.text.contains(&minute), "the time {minute} is in the export");
    }
    let rows: Vec<&str> = csv.text.lines().skip(1).collect();
    assert_eq!(rows.len(), 6);
    let mut sorted = rows.clone();
    sorted.sort();
    assert_eq!(rows, sorted, "rows in the order of their answers");
});

#[tokio::test]
async fn a_kiosk_answers_only_its_own_wave() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (entry, exit, code) = anonymous_setup(&app).await;
    let kiosk = kiosk(&app, entry).await;
    let page = app.call_fn(&kiosk, KioskPage {}).await.json();
    let mut form: SurveyForm = serde_json::from_value(page["form"].clone()).expect("form");
    form.wave_id = exit;
    let reply = app.call_fn(&kiosk, submission("other-wave-0001", &form, Some(&code), &complete_answers(&form))).await;
    assert_eq!(reply.status.as_u16(), 403, "{}", reply.text);
    // A curator logging in on the kiosk takes the device back: the kiosk cookie stops working.
    let request = axum::http::Request::post("/api/auth/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("cookie", kiosk.cookie.clone().expect("cookie"))
        .body(axum::body::Body::from(format!("login=kurator7&password={}", nastavnik::demo::DEMO_PASSWORD)))
        .expect("request");
    assert!(app.send(request).await.ok());
    assert_eq!(app.call_fn(&kiosk, KioskPage {}).await.json(), Value::Null, "the kiosk is closed");
    let kiosk = self::kiosk(&app, entry).await;
    // A named wave's kiosk needs a code: none, or a slip, is refused.
    let reply = app.call_fn(&kiosk, submission("no-code-000001", &SurveyForm { wave_id: entry, ..form.clone() }, None, &complete_answers(&form))).await;
    assert!(reply.text.contains("Введите личный код"), "{}", reply.text);
}

#[tokio::test]
async fn editing_an_answered_questionnaire_versions_it_and_old_answers_keep_theirs() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let curator = app.login("curator", "kurator1").await;
    let questionnaire: i64 = sqlx::query(
        "SELECT id FROM questionnaires WHERE template = 'young_teacher_difficulties'
         AND organisation_id = (SELECT organisation_id FROM users WHERE login = 'kurator1')",
    )
    .fetch_one(&app.db.pool).await.expect("questionnaire").get("id");
    let draft = app.invoke(&curator, GetQuestionnaire { id: questionnaire }).await.expect("draft");
    assert_eq!(draft.version, 1);
    assert!(draft.answers_on_version > 0);
    let mut definition = draft.definition;
    definition.intro = "Новое вступление".into();
    let save = |definition: &Definition| SaveQuestionnaire { id: questionnaire, definition: definition.clone() };
    let kept = app.invoke(&curator, save(&definition)).await.expect("saved");
    assert_eq!((kept.version, kept.new_version), (1, false));

    definition.sections[0].questions[0].text = "Сколько лет вы работаете в школе?".into();
    let changed = app.invoke(&curator, save(&definition)).await.expect("saved");
    assert_eq!((changed.version, changed.new_version), (2, true));
    let old_answers = count(&app, &format!(
        "SELECT COUNT(*) FROM submissions s JOIN questionnaire_versions v ON v.id = s.version_id
         WHERE v.number = 1 AND v.questionnaire_id = {questionnaire}"
    )).await;
    assert_eq!(old_answers, 5, "three entry and two exit answers still point at version 1");

    // A broken edit is refused with the question it concerns, and stores nothing.
    definition.sections[0].questions[0].text = String::new();
    let refused = app.call_fn(&curator, save(&definition)).await;
    assert_eq!(refused.status.as_u16(), 400);
    assert!(refused.text.contains("Напишите текст вопроса"), "{}", refused.text);
    assert_eq!(app.call_fn(&curator, GetQuestionnaire { id: questionnaire }).await.json()["version"], 2);

    // Another school's curator cannot see or change it.
    let other = app.login("other", "kurator7").await;
    assert_eq!(app.call_fn(&other, GetQuestionnaire { id: questionnaire }).await.status.as_u16(), 404);
}

#[tokio::test]
async fn results_show_rates_shares_and_open_answers_to_the_right_people() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (entry, exit) = pilot_waves(&app).await;
    let curator = app.login("curator", "kurator1").await;
    let results = app.call_fn(&curator, GetWaveResults { wave_id: entry }).await.json();
    assert_eq!((results["wave"]["answered"].clone(), results["wave"]["invited"].clone(), results["response_rate"].clone()), (json!(3), json!(3), json!(100)));
    let difficulties = results["questions"].as_array().expect("questions").iter().find(|q| q["key"] == "difficulties").expect("difficulties");
    assert_eq!(difficulties["answered"], 3);
    // Two of three name documentation (67%), two name tasks of different difficulty.
    assert_eq!((difficulties["options"][0]["count"].clone(), difficulties["options"][0]["percent"].clone()), (json!(2), json!(67)));
    let exit_results = app.call_fn(&curator, GetWaveResults { wave_id: exit }).await.json();
    assert_eq!(exit_results["response_rate"], 67);

    let methodologist = app.login("methodologist", "metodist").await;
    assert!(app.call_fn(&methodologist, GetWaveResults { wave_id: entry }).await.ok());
    for login in ["kurator7", "molodoy1", "nastavnik1"] {
        let other = app.login("other", login).await;
        assert_eq!(app.call_fn(&other, GetWaveResults { wave_id: entry }).await.status.as_u16(), 404, "{login}");
        assert_eq!(app.get(&other, &format!("/export/wave/{entry}.xlsx")).await.status.as_u16(), 404, "{login}");
    }
    let csv = app.get(&curator, &format!("/export/wave/{entry}.csv")).await;
    assert!(csv.text.starts_with("\u{feff}Респондент;"), "{}", &csv.text[..80.min(csv.text.len())]);
    assert_eq!(csv.text.lines().count(), 4, "a header and three respondents");
    let xlsx = app.get(&curator, &format!("/export/wave/{exit}.xlsx")).await;
    assert!(xlsx.ok());
    assert!(xlsx.text.starts_with("PK"), "an XLSX is a zip");
}

on_both_backends!(one_batch_sorts_out_resends_and_second_answers, |backend| async move {
    use app::store::surveys::{store_batch, Accepted, StoreRefusal};
    use domain::surveys::SubmitOutcome;
    let app = TestApp::spawn(backend).await;
    let (_, exit) = pilot_waves(&app).await;
    let version: i64 = sqlx::query("SELECT v.id FROM questionnaire_versions v JOIN waves w ON w.questionnaire_id = v.questionnaire_id WHERE w.id = $1")
        .bind(exit).fetch_one(&app.db.pool).await.expect("version").get("id");
    let respondent: String = "p999999".into();
    let item = |client_id: &str, respondent: &str| Accepted {
        client_id: client_id.into(),
        wave_id: exit,
        version_id: version,
        respondent: respondent.into(),
        rows: domain::surveys::stats::to_rows(&Answers::from([("difficulties".to_owned(), AnswerValue::Choices { ids: vec![1], other: None })])),
    };
    let batch = [item("batch-a-0001", &respondent), item("batch-a-0001", &respondent), item("batch-b-0001", &respondent), item("batch-c-0001", "p999998")];
    let outcomes = store_batch(&app.db, &batch).await.expect("stored");
    assert!(matches!(outcomes[0], Ok(SubmitOutcome::Received)));
    assert!(matches!(outcomes[1], Ok(SubmitOutcome::AlreadyReceived)));
    assert!(matches!(outcomes[2], Err(StoreRefusal::AlreadyAnswered)));
    assert!(matches!(outcomes[3], Ok(SubmitOutcome::Received)));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM answers a JOIN submissions s ON s.id = a.submission_id WHERE s.client_id LIKE 'batch-%'").await, 2);
    // The same batch again: everything is a resend now.
    let again = store_batch(&app.db, &batch[..1]).await.expect("stored");
    assert!(matches!(again[0], Ok(SubmitOutcome::AlreadyReceived)));
});

on_both_backends!(the_district_before_and_after_reproduces_the_talk, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let methodologist = app.login("methodologist", "metodist").await;
    let report = app.call_fn(&methodologist, GetBeforeAfter { organisation_id: None, template: "young_teacher_difficulties".into() }).await;
    let report: domain::reports::BeforeAfterReport = serde_json::from_str(&report.text).unwrap_or_else(|_| panic!("{}", report.text));
    let difficulties = report.questions.iter().find(|q| q.key == "difficulties").expect("difficulties");
    assert_eq!((difficulties.entry_n, difficulties.exit_n), (114, 112));
    let shares = |i: usize| (difficulties.rows[i].entry.percent, difficulties.rows[i].exit.percent);
    assert_eq!(shares(0), (31, 22), "documentation");
    assert_eq!(shares(1), (38, 23), "tasks of different difficulty");
    let attitude = report.questions.iter().find(|q| q.key == "attitude").expect("attitude");
    assert_eq!((attitude.entry_n, attitude.exit_n, attitude.rows[0].exit.percent), (0, 112, 66));
    assert_eq!(difficulties.linked, 112, "every exit answer has its entry, by person or by slip");
    // A curator sees their own school only; a mentee nothing.
    let curator = app.login("curator", "kurator1").await;
    let own = app.call_fn(&curator, GetBeforeAfter { organisation_id: None, template: "young_teacher_difficulties".into() }).await.json();
    assert_eq!(own["questions"].as_array().expect("q").iter().find(|q| q["key"] == "difficulties").expect("d")["entry_n"], 3);
    let mentee = app.login("mentee", "molodoy1").await;
    assert_eq!(app.call_fn(&mentee, GetBeforeAfter { organisation_id: None, template: "young_teacher_difficulties".into() }).await.status.as_u16(), 403);
});

/// A code of the same form that is nobody's.
fn another_code(code: &str) -> String {
    code.chars().map(|c| if c == '9' { '0' } else { char::from_digit(c.to_digit(10).unwrap_or(0) + 1, 10).unwrap_or('0') }).collect()
}

on_both_backends!(a_code_answers_only_at_its_own_kiosk_and_tells_nothing_elsewhere, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let (_, exit) = pilot_waves(&app).await;
    let mentee = app.login("mentee", "molodoy1").await;
    let form = form(&app, &mentee, exit).await;
    let code: String = sqlx::query(
        "SELECT c.code FROM respondent_codes c JOIN users u ON u.participant_id = c.participant_id
         WHERE u.login = 'molodoy1' AND c.programme_id = (SELECT programme_id FROM waves WHERE id = $1)",
    )
    .bind(exit).fetch_one(&app.db.pool).await.expect("molodoy1's code").get("code");
    let before = count(&app, "SELECT COUNT(*) FROM submissions").await;
    // Another school's curator — or anyone signed in — cannot answer as molodoy1 with her code,
    // and a right code is refused exactly as a wrong one is.
    for login in ["kurator7", "nastavnik1", "metodist"] {
        let other = app.login("other", login).await;
        let right = app.call_fn(&other, submission("stranger-right-01", &form, Some(&code), &complete_answers(&form))).await;
        let wrong = app.call_fn(&other, submission("stranger-wrong-01", &form, Some(&another_code(&code)), &complete_answers(&form))).await;
        assert!(!right.ok(), "{login}: {}", right.text);
        assert_eq!((right.status, &right.text), (wrong.status, &wrong.text), "{login}: no oracle");
    }
    // Her own account answers without a code, not with one.
    let with_code = app.call_fn(&mentee, submission("own-with-code-01", &form, Some(&code), &complete_answers(&form))).await;
    assert!(!with_code.ok());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM submissions").await, before, "nothing stored");
    let own = app.call_fn(&mentee, submission("own-no-code-0001", &form, None, &complete_answers(&form))).await;
    assert!(own.ok(), "{}", own.text);
});

on_both_backends!(a_kiosk_tells_a_code_only_with_valid_answers_and_a_right_code_resets_no_count, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let (entry, _, code) = anonymous_setup(&app).await;
    let kiosk = kiosk(&app, entry).await;
    let page = app.call_fn(&kiosk, KioskPage {}).await.json();
    let form: SurveyForm = serde_json::from_value(page["form"].clone()).expect("kiosk form");
    let wrong = another_code(&code);
    // An empty questionnaire is refused for its answers whatever the code: no oracle.
    let empty = Answers::new();
    let with_right = app.call_fn(&kiosk, submission("empty-right-0001", &form, Some(&code), &empty)).await;
    let with_wrong = app.call_fn(&kiosk, submission("empty-wrong-0001", &form, Some(&wrong), &empty)).await;
    assert_eq!((with_right.status.as_u16(), &with_right.text), (with_wrong.status.as_u16(), &with_wrong.text));
    assert!(!with_right.text.contains("code"), "{}", with_right.text);
    // Wrong codes count at «Начать» and at «Отправить» alike; a right one in between resets nothing.
    for n in 0..4 {
        let reply = app.call_fn(&kiosk, submission(&format!("guess-{n:010}"), &form, Some(&wrong), &complete_answers(&form))).await;
        assert_eq!(reply.status.as_u16(), 400, "guess {n}: {}", reply.text);
    }
    assert!(app.call_fn(&kiosk, CheckKioskCode { code: code.clone() }).await.ok());
    assert_eq!(app.call_fn(&kiosk, CheckKioskCode { code: wrong.clone() }).await.status.as_u16(), 400);
    let locked = app.call_fn(&kiosk, submission("guess-after-lock", &form, Some(&wrong), &complete_answers(&form))).await;
    assert_eq!(locked.status.as_u16(), 429, "{}", locked.text);
    assert_eq!(app.call_fn(&kiosk, CheckKioskCode { code: code.clone() }).await.status.as_u16(), 429);
});

on_both_backends!(a_new_person_never_inherits_a_deleted_persons_answers, |backend| async move {
    use app::services::intake::{accept, Submitter};
    use domain::models::{NewParticipant, ParticipantInput};
    let app = TestApp::spawn(backend).await;
    let curator = app.login("curator", "kurator1").await;
    let pilot = app.programme(&curator, None).await;
    let (_, exit) = pilot_waves(&app).await;
    let newcomer = |last: &str| NewParticipant::parse(&ParticipantInput {
        last_name: last.into(), first_name: "Ия".into(), role: "mentee".into(), kind: "teacher".into(),
        experience_years: "1".into(), ..Default::default()
    }).expect("valid");
    let school = curator.user.as_ref().and_then(|u| u.organisation_id).expect("school");
    let add = |last: &'static str| {
        let (db, data) = (app.db.clone(), newcomer(last));
        async move { app::store::participants::insert_joining(&db, school, &data, Some(pilot)).await.expect("insert") }
    };
    let first = add("Первая").await;
    let form = app::store::surveys::form(&app.db, exit).await.expect("form");
    let given = complete_answers(&form);
    let sent = SurveySubmission { client_id: "answered-then-gone".into(), wave_id: exit, version_id: form.version_id, code: None, answers: given };
    let accepted = accept(&app.db, Submitter::Account { participant_id: Some(first) }, &sent).await.expect("accepted");
    app::store::surveys::store_batch(&app.db, &[accepted]).await.expect("stored");
    let answers_before = count(&app, "SELECT COUNT(*) FROM submissions").await;

    assert!(app.call(&curator, "participants/delete", json!({ "id": first })).await.ok());
    let second = add("Вторая").await;
    if backend == Backend::Sqlite {
        assert_eq!(second, first, "SQLite gave the new person the deleted one's id");
    }
    assert!(!app::store::surveys::has_answered(&app.db, exit, &format!("p{second}")).await.expect("lookup"), "she answered nothing");
    let waves = app::store::surveys::open_waves_for(&app.db, second).await.expect("waves");
    assert!(waves.iter().any(|(w, done)| w.id == exit && !done), "the exit wave waits for her");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM submissions").await, answers_before, "the answers stay in the figures");
});
