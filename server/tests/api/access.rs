//! The access matrix: every server function, called by every kind of caller, answers
//! exactly as the rules say, and a refused call carries none of the data it guards.

use domain::models::*;
use app::store::{participants, Backend};
use serde_json::{json, Value};
use sqlx::Row;

use leptos::server_fn::ServerFn;

use super::helpers::{complete_answers, Caller, Reply, TestApp};

struct World {
    app: TestApp,
    anonymous: Caller,
    curator: Caller,
    other_curator: Caller,
    methodologist: Caller,
    mentor: Caller,
    mentee: Caller,
    lyceum: i64,
    pilot_programme: i64,
    /// A lyceum participant that is none of the callers.
    stranger: i64,
    /// The stranger's name as JSON carries it: what no refused answer may contain.
    stranger_name: String,
    /// The same as a CSV export writes it.
    stranger_csv: String,
}

async fn world() -> World {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let curator = app.login("curator", "kurator1").await;
    let lyceum = curator.user.as_ref().and_then(|u| u.organisation_id).expect("curator's school");
    let mentor = app.login("mentor", "nastavnik1").await;
    let mentee = app.login("mentee", "molodoy1").await;
    let own: Vec<i64> = [&mentor, &mentee].iter().filter_map(|c| c.user.as_ref()?.participant_id).collect();
    let list = participants::list(&app.db, lyceum, &ParticipantFilter::default()).await.expect("list");
    let stranger = list.iter().find(|p| !own.contains(&p.id)).expect("a third participant");
    let pilot_programme = app.programme(&curator, None).await;
    World {
        anonymous: TestApp::anonymous(),
        other_curator: app.login("other curator", "kurator7").await,
        methodologist: app.login("methodologist", "metodist").await,
        stranger: stranger.id,
        stranger_name: format!("\"last_name\":\"{}\",\"first_name\":\"{}\"", stranger.data.last_name, stranger.data.first_name),
        stranger_csv: format!("{};{}", stranger.data.last_name, stranger.data.first_name),
        curator, mentor, mentee, lyceum, pilot_programme, app,
    }
}

impl World {
    fn everyone(&self) -> [&Caller; 6] {
        [&self.anonymous, &self.curator, &self.other_curator, &self.methodologist, &self.mentor, &self.mentee]
    }
}

/// Checks one answer: `"ok"` or the name of the `AppError` variant; refusals must not
/// contain `secret`.
fn check(endpoint: &str, caller: &Caller, reply: &Reply, expected: &str, secret: &str) {
    let got = if reply.ok() { "ok".to_owned() } else { reply.error_kind().unwrap_or_else(|| format!("HTTP {}", reply.status)) };
    assert_eq!(got, expected, "{endpoint} as {}: {}", caller.name, reply.text);
    let status = match expected { "ok" => 200, U => 401, F => 403, N => 404, _ => 400 };
    assert_eq!(reply.status.as_u16(), status, "{endpoint} as {}", caller.name);
    if expected != "ok" {
        assert!(!reply.text.contains(secret), "{endpoint} as {} leaked {secret}: {}", caller.name, reply.text);
    }
}

/// Expected answers in the order of `World::everyone`:
/// anonymous, curator, other curator, methodologist, mentor, mentee.
async fn matrix(w: &World, endpoint: &str, args: Value, expected: [&str; 6]) {
    for (caller, expected) in w.everyone().into_iter().zip(expected) {
        let reply = w.app.call(caller, endpoint, args.clone()).await;
        check(endpoint, caller, &reply, expected, &w.stranger_name);
    }
}

/// The same through a server function's generated type (arguments checked when it compiles);
/// `endpoint` names it as the routes do, and must be the type's own address.
async fn matrix_of<F: ServerFn + serde::Serialize + Clone>(w: &World, endpoint: &str, call: F, expected: [&str; 6]) {
    assert_eq!(F::PATH, format!("/api/{endpoint}"), "the matrix names {endpoint} for another function");
    for (caller, expected) in w.everyone().into_iter().zip(expected) {
        let reply = w.app.call_fn(caller, call.clone()).await;
        check(endpoint, caller, &reply, expected, &w.stranger_name);
    }
}

const U: &str = "Unauthorized";
const F: &str = "Forbidden";
const N: &str = "NotFound";

#[tokio::test]
async fn every_server_function_answers_each_role_as_the_rules_say() {
    let w = world().await;
    let lyceum = Some(w.lyceum);
    let filter = ParticipantFilter::default();

    matrix(&w, "auth/whoami", json!({}), ["ok"; 6]).await;
    matrix(&w, "participants/list", json!({ "organisation_id": lyceum, "filter": filter }), [U, "ok", F, "ok", F, F]).await;
    matrix(&w, "participants/get", json!({ "id": w.stranger }), [U, "ok", N, "ok", N, N]).await;
    matrix(&w, "programmes/list", json!({ "organisation_id": lyceum }), [U, "ok", F, "ok", F, F]).await;
    matrix(&w, "programmes/get", json!({ "id": w.pilot_programme }), [U, "ok", N, "ok", N, N]).await;
    matrix(&w, "programmes/stage", json!({ "programme_id": w.pilot_programme, "stage": "Completion", "status": "InProgress" }),
        [U, "ok", N, F, N, N]).await;
    matrix(&w, "district/overview", json!({}), [U, F, F, "ok", F, F]).await;
    matrix(&w, "me/profile", json!({}), [U, F, F, F, "ok", "ok"]).await;

    let stranger = participants::get(&w.app.db, w.stranger).await.expect("stranger").0;
    let update = json!({ "id": w.stranger, "input": stranger.data.to_input(), "participations": stranger.participations });
    matrix(&w, "participants/save", update, [U, "ok", N, F, F, F]).await;
    matrix(&w, "participants/delete", json!({ "id": w.stranger }), [U, "Refused", N, N, N, N]).await;
    matrix(&w, "relationships/list", json!({ "participant_id": w.stranger }), [U, "ok", N, "ok", N, N]).await;
    let mentee_id = w.mentee.user.as_ref().and_then(|u| u.participant_id);
    let relate = json!({ "participant_id": w.stranger, "other_id": mentee_id, "kind": "Relative" });
    matrix(&w, "relationships/add", relate, [U, "ok", N, N, N, N]).await;
    let recorded = participants::relationships_of(&w.app.db, w.stranger).await.expect("relationships");
    let added = recorded.iter().find(|r| r.kind == RelationshipKind::Relative).expect("recorded once");
    matrix(&w, "relationships/remove", json!({ "id": added.id }), [U, "ok", N, N, N, N]).await;
    let batch = |key: &str| json!({ "batch": { "import_key": key, "index": 0, "rows": [], "drop_invalid": false, "last": false } });
    matrix(&w, "import/commit", batch("k"), [U, "ok", "ok", F, F, F]).await;
}

#[tokio::test]
async fn the_board_questionnaires_waves_and_monitoring_answer_each_role_as_the_rules_say() {
    let w = world().await;
    let programme = w.pilot_programme;
    let first = |sql: &'static str| {
        let db = w.app.db.clone();
        async move { sqlx::query(sql).bind(programme).fetch_one(&db.pool).await.expect("row").try_get::<i64, _>("id").expect("id") }
    };
    let version = first("SELECT board_version AS id FROM programmes WHERE id = $1").await;
    let questionnaire = first("SELECT q.id FROM questionnaires q JOIN programmes p ON p.organisation_id = q.organisation_id WHERE p.id = $1 ORDER BY q.id LIMIT 1").await;
    let wave = first("SELECT id FROM waves WHERE programme_id = $1 ORDER BY id LIMIT 1").await;

    use domain::matching::score::{Criterion, Weight, Weights};
    let changed_weights = Weights::default().with(Criterion::Proximity, Weight::High);
    let weights = json!({ "programme_id": programme, "base_version": version, "op": { "Weights": changed_weights } });
    matrix(&w, "board/apply", weights, [U, "ok", N, F, N, N]).await;
    matrix(&w, "questionnaires/list", json!({ "organisation_id": w.lyceum }), [U, "ok", F, "ok", F, F]).await;
    matrix(&w, "questionnaires/get", json!({ "id": questionnaire }), [U, "ok", N, "ok", N, N]).await;
    matrix(&w, "waves/list", json!({ "programme_id": programme }), [U, "ok", N, "ok", N, N]).await;
    matrix(&w, "waves/results", json!({ "wave_id": wave }), [U, "ok", N, "ok", N, N]).await;
    matrix(&w, "waves/status", json!({ "wave_id": wave, "open": true }), [U, "ok", N, F, N, N]).await;
    matrix(&w, "waves/codes", json!({ "programme_id": programme, "role": "", "anonymous_count": 0 }), [U, "ok", N, F, N, N]).await;
    let template = json!({ "organisation_id": w.lyceum, "template": "young_teacher_difficulties" });
    matrix(&w, "reports/before_after", template, [U, "ok", F, "ok", F, F]).await;
    // Nobody is a kiosk here, and a caller with no participant record has no questionnaires.
    matrix(&w, "kiosk/get", json!({}), ["ok"; 6]).await;
    matrix(&w, "surveys/mine", json!({}), [U, "ok", "ok", "ok", "ok", "ok"]).await;
}

#[tokio::test]
async fn building_giving_and_taking_questionnaires_and_importing_answer_each_role_as_the_rules_say() {
    use app::api::surveys::*;
    let w = world().await;
    let programme = w.pilot_programme;
    let questionnaire = app::store::surveys::list_questionnaires(&w.app.db, w.lyceum).await.expect("questionnaires")[0].id;
    let draft = app::store::surveys::draft(&w.app.db, questionnaire).await.expect("draft");

    matrix_of(&w, "questionnaires/create", CreateQuestionnaire { template: "mentor_satisfaction".into() }, [U, "ok", "ok", F, F, F]).await;
    matrix_of(&w, "questionnaires/save", SaveQuestionnaire { id: questionnaire, definition: draft.definition }, [U, "ok", N, F, N, N]).await;
    let wave = CreateWave { programme_id: programme, questionnaire_id: questionnaire, kind: "mid".into(), role: "mentor".into(), anonymous: false };
    matrix_of(&w, "waves/create", wave, [U, "ok", N, F, N, N]).await;

    // The mentee's waiting exit questionnaire: only they get its form and may answer it.
    let waiting = app::store::surveys::open_waves_for(&w.app.db, w.mentee.user.as_ref().and_then(|u| u.participant_id).expect("mentee"))
        .await.expect("waves").into_iter().find(|(_, done)| !done).expect("a questionnaire waits").0;
    matrix_of(&w, "surveys/form", MySurveyForm { wave_id: waiting.id }, [U, N, N, N, N, "ok"]).await;
    let form = app::store::surveys::form(&w.app.db, waiting.id).await.expect("form");
    for (n, (caller, expected)) in w.everyone().into_iter().zip([U, F, F, F, N, "ok"]).enumerate() {
        let submission = domain::surveys::SurveySubmission {
            client_id: format!("matrix-submission-{n:04}"),
            wave_id: form.wave_id,
            version_id: form.version_id,
            code: None,
            answers: complete_answers(&form),
        };
        check("surveys/submit", caller, &w.app.call_fn(caller, SubmitSurvey { submission }).await, expected, &w.stranger_name);
    }
    // No caller here is a kiosk, so none may check a respondent's code.
    matrix_of(&w, "kiosk/code", CheckKioskCode { code: "123456".into() }, [U; 6]).await;

    let file = "Фамилия;Имя;Роль;Категория;Стаж\nЛаптева;Зоя;Наставляемый;Педагог;1\n";
    for (caller, expected) in w.everyone().into_iter().zip([U, "ok", "ok", F, F, F]) {
        check("import/preview", caller, &w.app.upload(caller, "import/preview", "list.csv", file.as_bytes()).await, expected, &w.stranger_name);
    }
    // Signing in is open to all: a right password lets anyone in, a wrong one no one.
    for caller in w.everyone() {
        let wrong = w.app.login_reply_from(caller, "kurator12", "not-the-password").await;
        check("auth/login", caller, &wrong, "Validation", "kurator12");
        assert!(wrong.set_cookie.is_none(), "a wrong password starts no session");
        let right = w.app.login_reply_from(caller, "kurator12", nastavnik::demo::DEMO_PASSWORD).await;
        check("auth/login", caller, &right, "ok", "");
        assert!(right.set_cookie.is_some_and(|c| c.starts_with("nastavnik_session=")), "as {}", caller.name);
    }
    // Access: the curator gives it for their school; the coordinator manages curators.
    use app::api::accounts::*;
    matrix_of(&w, "accounts/school", GetSchoolAccess { organisation_id: Some(w.lyceum) }, [U, "ok", F, "ok", F, F]).await;
    matrix_of(&w, "accounts/invite", InviteParticipants { participant_ids: vec![w.stranger] }, [U, "ok", N, F, F, F]).await;
    // The stranger has an account now: disabling it is the curator's, and nobody else's.
    let stranger_account = app::store::invitations::user_of_participant(&w.app.db, w.stranger).await.expect("lookup").expect("account");
    matrix_of(&w, "accounts/disable", DisableAccount { user_id: stranger_account }, [U, "ok", N, N, N, N]).await;
    matrix_of(&w, "accounts/curators", ListCurators {}, [U, F, F, "ok", F, F]).await;
    matrix_of(&w, "audit/list", AuditLog { organisation_id: Some(w.lyceum) }, [U, "ok", F, "ok", F, F]).await;
    let new_curator = |login: &str| AddCurator { organisation_id: w.lyceum, login: login.into(), display_name: "Новый куратор".into() };
    for (caller, expected) in w.everyone().into_iter().zip([U, F, F, "ok", F, F]) {
        check("accounts/add_curator", caller, &w.app.call_fn(caller, new_curator(&format!("novyi.{}", caller.name.len()))).await, expected, &w.stranger_name);
    }
    let programme = domain::models::ProgrammeInput {
        title: "Новая программа".into(), form: "teacher_teacher".into(), variants: vec!["trainee".into()],
        starts_on: "2026-10-01".into(), ends_on: "2027-05-31".into(),
    };
    matrix_of(&w, "programmes/create", app::api::programmes::CreateProgramme { input: programme }, [U, "ok", "ok", F, F, F]).await;
    // Archiving: the curator of its school only (a fresh programme, so nothing else here changes).
    let fresh = domain::models::ProgrammeInput {
        title: "В архив".into(), form: "teacher_teacher".into(), variants: vec!["trainee".into()],
        starts_on: "2026-10-01".into(), ends_on: "2027-05-31".into(),
    };
    let to_archive = w.app.invoke(&w.curator, app::api::programmes::CreateProgramme { input: fresh }).await.expect("created");
    matrix_of(&w, "programmes/archive", app::api::programmes::ArchiveProgramme { programme_id: to_archive }, [U, "ok", N, F, N, N]).await;
    use app::api::programmes::{GetOrderDetails, SaveOrderDetails};
    matrix_of(&w, "orders/get", GetOrderDetails { programme_id: w.pilot_programme }, [U, "ok", N, "ok", N, N]).await;
    let details = domain::models::OrderDetails { number: "7".into(), signed_on: "2026-09-15".into(), head_name: "Петров П. П.".into(), head_position: "Директор".into() };
    matrix_of(&w, "orders/save", SaveOrderDetails { programme_id: w.pilot_programme, details }, [U, "ok", N, F, N, N]).await;
    use app::api::schools::{ListSchools, SaveSchool};
    matrix_of(&w, "schools/list", ListSchools {}, [U, F, F, "ok", F, F]).await;
    let school = domain::models::SchoolInput { name: "МБОУ «Лицей № 1»".into(), students_total: "640".into(), teachers_total: "48".into(), ..Default::default() };
    matrix_of(&w, "schools/save", SaveSchool { id: Some(w.lyceum), input: school }, [U, F, F, "ok", F, F]).await;
    // Changing a programme: its curator only, while it is not archived.
    let (pilot, _) = app::store::programmes::get(&w.app.db, w.pilot_programme).await.expect("pilot");
    let unchanged = pilot.to_input();
    let passport = domain::models::PassportInput { goal: "Адаптация молодых педагогов".into(), mode: "blended".into(), ..Default::default() };
    let update = app::api::programmes::UpdateProgramme { programme_id: w.pilot_programme, input: unchanged, passport, period_reason: String::new() };
    matrix_of(&w, "programmes/update", update, [U, "ok", N, F, N, N]).await;
    // The documents register: read by the school's curator and the coordinator, kept by the curator.
    use app::api::documents::{DeleteDocument, ListDocuments};
    matrix_of(&w, "documents/list", ListDocuments { organisation_id: Some(w.lyceum) }, [U, "ok", F, "ok", F, F]).await;
    let regulation = [("kind", "regulation"), ("programme_id", ""), ("number", "3-о"), ("signed_on", "2026-08-25")];
    for (caller, expected) in w.everyone().into_iter().zip([U, "ok", "ok", F, F, F]) {
        check("documents/add", caller, &w.app.upload_form(caller, "documents/add", &regulation, None).await, expected, &w.stranger_name);
    }
    let lyceum_documents = w.app.invoke(&w.curator, ListDocuments { organisation_id: None }).await.expect("list").documents;
    let document = lyceum_documents.iter().find(|d| d.number == "3-о").expect("the curator's").id;
    let scan = [("document_id", document.to_string())];
    let scan: Vec<(&str, &str)> = scan.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for (caller, expected) in w.everyone().into_iter().zip([U, "ok", N, F, N, N]) {
        let reply = w.app.upload_form(caller, "documents/scan", &scan, Some(("scan.pdf", b"%PDF-1.4\n%%EOF\n"))).await;
        check("documents/scan", caller, &reply, expected, &w.stranger_name);
    }
    for (caller, status) in w.everyone().into_iter().zip([401, 200, 404, 200, 404, 404]) {
        assert_eq!(w.app.get(caller, &format!("/documents/{document}/scan")).await.status.as_u16(), status, "scan as {}", caller.name);
    }
    // Removing last by its curator (a removed document is not found by anyone after).
    let others = [(&w.anonymous, U), (&w.other_curator, N), (&w.methodologist, F), (&w.mentor, N), (&w.mentee, N), (&w.curator, "ok")];
    for (caller, expected) in others {
        check("documents/delete", caller, &w.app.call_fn(caller, DeleteDocument { id: document }).await, expected, &w.stranger_name);
    }
    // A curator who is none of the callers, so the reset ends nobody's session here.
    let (bystander, _) = app::store::users::find_for_login(&w.app.db, "kurator12").await.expect("find").expect("kurator12");
    matrix_of(&w, "accounts/reset_curator", ResetCurator { user_id: bystander.id }, [U, F, F, "ok", F, F]).await;
    // The first entry is for anyone with a slip: a wrong code is told at the field, to everyone.
    for (n, caller) in w.everyone().into_iter().enumerate() {
        let input = domain::models::WelcomeInput { login: format!("nobody{n}"), code: "1234-5678".into(), password: "сирень цветёт в мае".into(), password_again: "сирень цветёт в мае".into() };
        check("auth/welcome", caller, &w.app.call_fn(caller, app::api::auth::Welcome { input }).await, "Validation", &w.stranger_name);
    }
    let change = app::api::auth::ChangePassword { input: domain::models::PasswordChangeInput { current: "не тот".into(), password: "сирень цветёт в мае".into(), password_again: "сирень цветёт в мае".into() } };
    matrix_of(&w, "auth/password", change, [U, "Validation", "Validation", "Validation", "Validation", "Validation"]).await;
    // The first run is over in a district that has accounts: nobody may make it again.
    matrix_of(&w, "setup/status", app::api::setup::FirstRunNeeded {}, ["ok"; 6]).await;
    let claim = domain::models::FirstRunInput { setup_code: "123456789".into(), ..Default::default() };
    matrix_of(&w, "setup/first_run", app::api::setup::FirstRun { input: claim }, [N; 6]).await;
    // Last: a kiosk ends the session of the curator who opens it.
    matrix_of(&w, "waves/kiosk", OpenKiosk { wave_id: waiting.id }, [U, "ok", N, F, N, N]).await;
}

#[tokio::test]
async fn an_unfiltered_list_is_the_curators_own_school_and_nothing_for_others() {
    let w = world().await;
    let args = json!({ "organisation_id": null, "filter": ParticipantFilter::default() });
    let own = w.app.call(&w.curator, "participants/list", args.clone()).await;
    assert!(own.text.contains(&w.stranger_name));
    let other = w.app.call(&w.other_curator, "participants/list", args.clone()).await;
    assert!(other.ok() && !other.text.contains(&w.stranger_name), "{}", other.text);
    for caller in [&w.methodologist, &w.mentor, &w.mentee] {
        check("participants/list", caller, &w.app.call(caller, "participants/list", args.clone()).await, F, &w.stranger_name);
    }
}

#[tokio::test]
async fn mentors_and_mentees_read_themselves_and_their_pair_only() {
    let w = world().await;
    for caller in [&w.mentor, &w.mentee] {
        let own_id = caller.user.as_ref().and_then(|u| u.participant_id).expect("linked participant");
        assert!(w.app.call(caller, "participants/get", json!({ "id": own_id })).await.ok());
        let profile = w.app.call(caller, "me/profile", json!({})).await.json();
        assert_eq!(profile["pairs"].as_array().map(Vec::len), Some(1), "{profile}");
    }
    let profile = w.app.call(&w.mentee, "me/profile", json!({})).await.json();
    let mentor_name = &w.mentor.user.as_ref().expect("user").display_name;
    let partner = profile["pairs"][0]["partners"][0].as_str().expect("partner");
    assert!(mentor_name.starts_with(partner), "{partner} vs {mentor_name}");
}

#[tokio::test]
async fn a_curator_saves_into_their_own_school_and_bad_input_changes_nothing() {
    let w = world().await;
    let before = participants::list(&w.app.db, w.lyceum, &ParticipantFilter::default()).await.expect("list").len();
    let bad = ParticipantInput { last_name: "Ку3нецова".into(), first_name: "".into(), role: "mentor".into(), kind: "teacher".into(), ..Default::default() };
    let reply = w.app.call(&w.curator, "participants/save", json!({ "id": null, "input": bad })).await;
    let errors = &reply.json()["Validation"];
    assert_eq!(errors["last_name"], "Только буквы, пробел, дефис и апостроф");
    assert_eq!(errors["first_name"], "Заполните поле");
    assert_eq!(errors["experience_years"], "Укажите стаж педагога (0, если меньше года)");
    assert_eq!(errors["capacity"], "Укажите, сколько наставляемых может взять наставник");
    assert_eq!(participants::list(&w.app.db, w.lyceum, &ParticipantFilter::default()).await.expect("list").len(), before);

    let good = ParticipantInput { last_name: "Кузнецова".into(), first_name: "Дарья".into(), role: "mentee".into(), kind: "teacher".into(), experience_years: "1".into(), ..Default::default() };
    let reply = w.app.call(&w.curator, "participants/save", json!({ "id": null, "input": good })).await;
    let id = reply.json().as_i64().expect("new id");
    let (saved, place) = participants::get(&w.app.db, id).await.expect("saved");
    assert_eq!((saved.data.last_name.as_str(), place.organisation_id), ("Кузнецова", w.lyceum));
    // A participant in no pair can be deleted by the curator — and only by them.
    assert_eq!(w.app.call(&w.other_curator, "participants/delete", json!({ "id": id })).await.error_kind().as_deref(), Some(N));
    assert!(w.app.call(&w.curator, "participants/delete", json!({ "id": id })).await.ok());
}

#[tokio::test]
async fn exports_follow_the_same_rules_as_the_list() {
    let w = world().await;
    let path = format!("/export/participants.csv?org={}", w.lyceum);
    let expected = [401, 200, 403, 200, 403, 403];
    for (caller, status) in w.everyone().into_iter().zip(expected) {
        let reply = w.app.get(caller, &path).await;
        assert_eq!(reply.status.as_u16(), status, "export as {}", caller.name);
        assert_eq!(reply.text.contains(&w.stranger_csv), status == 200, "export as {}", caller.name);
    }
    let xlsx = w.app.get(&w.curator, "/export/participants.xlsx").await;
    assert!(xlsx.ok() && xlsx.text.starts_with("PK"), "an XLSX is a ZIP");
}

#[tokio::test]
async fn login_sets_a_safe_cookie_and_logout_ends_the_session() {
    let w = world().await;
    let reply = w.app.login_reply("kurator1", nastavnik::demo::DEMO_PASSWORD).await;
    let cookie = reply.set_cookie.expect("cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"), "{cookie}");
    assert!(w.app.call(&w.curator, "auth/logout", json!({})).await.ok());
    let after = w.app.call(&w.curator, "participants/list", json!({ "organisation_id": null, "filter": ParticipantFilter::default() })).await;
    assert_eq!(after.error_kind().as_deref(), Some(U));
}

#[tokio::test]
async fn wrong_passwords_are_throttled_even_for_the_right_one_afterwards() {
    let w = world().await;
    let wrong = w.app.login_reply("kurator7", "guess").await;
    assert_eq!(wrong.json()["Validation"]["password"], "Неверный логин или пароль");
    assert!(wrong.set_cookie.is_none());
    for _ in 0..4 {
        w.app.login_reply("kurator7", "guess").await;
    }
    let locked = w.app.login_reply("kurator7", nastavnik::demo::DEMO_PASSWORD).await;
    assert!(locked.json()["Throttled"].as_u64().is_some_and(|s| s > 0), "{}", locked.text);
    assert_eq!(locked.status.as_u16(), 429);
    assert!(locked.set_cookie.is_none());
    // Another account is not affected.
    assert!(w.app.login_reply("kurator1", nastavnik::demo::DEMO_PASSWORD).await.ok());
}

#[tokio::test]
async fn relationships_link_two_people_of_the_same_school_once() {
    let w = world().await;
    let mentee_id = w.mentee.user.as_ref().and_then(|u| u.participant_id).expect("mentee");
    let relate = |other: Value| json!({ "participant_id": w.stranger, "other_id": other, "kind": "LineManager" });
    assert!(w.app.call(&w.curator, "relationships/add", relate(json!(mentee_id))).await.ok());
    let twice = w.app.call(&w.curator, "relationships/add", relate(json!(mentee_id))).await;
    assert_eq!(twice.json()["Validation"]["other_id"], "Такие отношения уже отмечены");
    let own = w.app.call(&w.curator, "relationships/add", relate(json!(w.stranger))).await;
    assert_eq!(own.json()["Validation"]["other_id"], "Нельзя указать отношения участника с самим собой");
    let elsewhere: i64 = sqlx::query("SELECT id FROM participants WHERE organisation_id <> $1 LIMIT 1")
        .bind(w.lyceum).fetch_one(&w.app.db.pool).await.expect("other school").try_get("id").expect("id");
    let cross = w.app.call(&w.curator, "relationships/add", relate(json!(elsewhere))).await;
    assert_eq!(cross.json()["Validation"]["other_id"], "Выберите участника из базы этой школы");
    // Seen from either side.
    let from_mentee = participants::relationships_of(&w.app.db, mentee_id).await.expect("list");
    assert!(from_mentee.iter().any(|r| r.other_id == w.stranger && r.kind == RelationshipKind::LineManager));
}

#[tokio::test]
async fn a_participant_joins_only_a_programme_of_the_same_school_and_leaves_it_only_when_unpaired() {
    let w = world().await;
    let input = ParticipantInput { last_name: "Гусева".into(), first_name: "Яна".into(), role: "mentee".into(), kind: "teacher".into(), experience_years: "1".into(), ..Default::default() };
    let other_school_programme: i64 = sqlx::query("SELECT id FROM programmes WHERE organisation_id <> $1 LIMIT 1")
        .bind(w.lyceum).fetch_one(&w.app.db.pool).await.expect("programme").try_get("id").expect("id");
    let joining = |programme: i64| json!([{ "programme_id": programme, "role": "Mentee" }]);
    let refused = w.app.call(&w.curator, "participants/save", json!({ "id": null, "input": input, "participations": joining(other_school_programme) })).await;
    assert_eq!(refused.json()["Validation"]["participations"], "Выберите программу своей школы");
    let id = w.app.call(&w.curator, "participants/save", json!({ "id": null, "input": input, "participations": joining(w.pilot_programme) })).await.json().as_i64().expect("id");
    let board = w.app.call(&w.curator, "board/get", json!({ "programme_id": w.pilot_programme })).await.json();
    assert!(board["mentees"].as_array().is_some_and(|m| m.iter().any(|p| p["id"] == id)), "the new mentee is on the board");
    // The stranger is paired in the pilot programme: taking them out of it is refused.
    let stranger = participants::get(&w.app.db, w.stranger).await.expect("stranger").0;
    let leave = w.app.call(&w.curator, "participants/save", json!({ "id": w.stranger, "input": stranger.data.to_input(), "participations": [] })).await;
    assert_eq!(leave.json()["Validation"]["participations"], "Участник состоит в паре этой программы — сначала уберите его с доски");
    let still = participants::get(&w.app.db, w.stranger).await.expect("stranger").0;
    assert_eq!(still.participations, stranger.participations, "nothing changed");
}

#[tokio::test]
async fn reports_swot_and_decks_answer_each_role_as_the_rules_say() {
    let w = world().await;
    let (lyceum, pilot) = (w.lyceum, w.pilot_programme);
    matrix(&w, "reports/school", json!({ "organisation_id": lyceum }), [U, "ok", F, "ok", F, F]).await;
    matrix(&w, "reports/swot", json!({ "programme_id": pilot }), [U, "ok", N, "ok", N, N]).await;
    let swot = json!({ "programme_id": pilot, "swot": { "strengths": ["Опытные наставники"], "weaknesses": [], "opportunities": [], "threats": [] } });
    matrix(&w, "reports/swot/save", swot, [U, "ok", N, F, N, N]).await;
    matrix(&w, "decks/list", json!({}), [U, F, F, "ok", F, F]).await;
    matrix(&w, "decks/get", json!({ "id": 1 }), [U, N, N, "ok", N, N]).await;
    matrix(&w, "decks/refresh", json!({ "id": 1 }), [U, N, N, "ok", N, N]).await;
    matrix(&w, "decks/save", json!({ "id": 1, "title": "Итоги", "slides": [] }), [U, N, N, "ok", N, N]).await;
    matrix(&w, "decks/create", json!({ "title": "Итоги", "story": false }), [U, F, F, "ok", F, F]).await;
}

#[tokio::test]
async fn a_pairs_work_answers_each_role_as_the_rules_say() {
    use app::api::pairs::*;
    let w = world().await;
    let programme = w.pilot_programme;
    let mentor_id = w.mentor.user.as_ref().and_then(|u| u.participant_id).expect("mentor");
    let mentee_id = w.mentee.user.as_ref().and_then(|u| u.participant_id).expect("mentee");
    let db = &w.app.db.pool;
    let scalar = |sql: &'static str, bind: i64| async move { sqlx::query(sql).bind(bind).fetch_one(db).await.expect("row").try_get::<i64, _>(0).expect("id") };

    matrix_of(&w, "pairs/workspace", PairWorkspace { programme_id: programme, mentor_id }, [U, "ok", N, N, "ok", "ok"]).await;
    matrix_of(&w, "pairs/overview", ProgrammePairs { programme_id: programme }, [U, "ok", N, "ok", N, N]).await;
    let meeting = MeetingInput { kind: "trial".into(), date: "2027-01-15".into(), minutes: "30".into(), format: "in_person".into(), topic: "Встреча".into(), ..MeetingInput::default() };
    matrix_of(&w, "pairs/meetings/save", SaveMeeting { programme_id: programme, mentor_id, meeting_id: None, base_version: 0, input: meeting.clone() }, [U, F, N, N, "ok", "ok"]).await;
    // Each caller gets a meeting of their own to delete, so that a refusal is not "already gone".
    let newest = || scalar("SELECT MAX(id) FROM meetings WHERE programme_id = $1", programme);
    for (caller, expected) in w.everyone().into_iter().zip([U, F, N, N, "ok", "ok"]) {
        w.app.call_fn(&w.mentor, SaveMeeting { programme_id: programme, mentor_id, meeting_id: None, base_version: 0, input: meeting.clone() }).await;
        let id = newest().await;
        let reply = w.app.call_fn(caller, DeleteMeeting { meeting_id: id, base_version: 1 }).await;
        check("pairs/meetings/delete", caller, &reply, expected, &w.stranger_name);
    }
    matrix_of(&w, "pairs/plan/start", StartPlan { programme_id: programme, mentee_id }, [U, F, N, N, "ok", "ok"]).await;
    let row = PlanRowInput { group: "communicative".into(), deficit: "Общение с родителями".into(), activities: "Собрание".into(), deadline: "2027-02-01".into(), ..PlanRowInput::default() };
    matrix_of(&w, "pairs/plan/save", SavePlanRow { programme_id: programme, mentee_id, row_id: None, base_version: 0, input: row.clone() }, [U, F, N, N, "ok", "ok"]).await;
    let newest_row = || scalar("SELECT MAX(id) FROM plan_rows WHERE programme_id = $1", programme);
    for (caller, expected) in w.everyone().into_iter().zip([U, F, N, N, "ok", "ok"]) {
        w.app.call_fn(&w.mentee, SavePlanRow { programme_id: programme, mentee_id, row_id: None, base_version: 0, input: row.clone() }).await;
        let id = newest_row().await;
        let reply = w.app.call_fn(caller, DeletePlanRow { row_id: id, base_version: 1 }).await;
        check("pairs/plan/delete", caller, &reply, expected, &w.stranger_name);
    }
    let entry = DiaryInput { written_on: "2026-12-01".into(), went_well: "Получилось".into(), ..DiaryInput::default() };
    matrix_of(&w, "pairs/diary/save", SaveDiaryEntry { programme_id: programme, mentor_id, entry_id: None, input: entry.clone() }, [U, F, N, N, "ok", "ok"]).await;
    // Only the author removes an entry: the mentee's own, then the partner's.
    for (caller, expected) in w.everyone().into_iter().zip([U, N, N, N, N, "ok"]) {
        w.app.call_fn(&w.mentee, SaveDiaryEntry { programme_id: programme, mentor_id, entry_id: None, input: entry.clone() }).await;
        let id = scalar("SELECT MAX(id) FROM diary_entries WHERE programme_id = $1", programme).await;
        let reply = w.app.call_fn(caller, DeleteDiaryEntry { entry_id: id }).await;
        check("pairs/diary/delete", caller, &reply, expected, &w.stranger_name);
    }
    let extended = OutcomeInput { decision: "extended".into(), extended_to: "2030-06-01".into(), ..OutcomeInput::default() };
    matrix_of(&w, "pairs/outcome/save", SaveOutcome { programme_id: programme, mentee_id, input: extended }, [U, "ok", N, F, N, N]).await;
    matrix_of(&w, "pairs/review/save", SaveReview { programme_id: programme, mentee_id, review: "Отзыв".into() }, [U, "ok", N, N, "ok", F]).await;
    matrix_of(&w, "pairs/thanks/choose", ChooseForThanks { programme_id: programme, mentor_id, chosen: true }, [U, "ok", N, F, N, N]).await;
    matrix_of(&w, "pairs/thanks/letters", ThanksLetters { programme_id: programme }, [U, "ok", N, F, N, N]).await;
    matrix_of(&w, "reports/final", FinalReport { programme_id: programme }, [U, "ok", N, "ok", N, N]).await;
    matrix_of(&w, "me/reminders", app::api::participants::MyReminderCount {}, [U, "ok", "ok", "ok", "ok", "ok"]).await;
    // Another school's pair is missing for everyone but its own people and curator.
    let other_school = w.other_curator.user.as_ref().and_then(|u| u.organisation_id).expect("the other curator's school");
    let other = scalar("SELECT p.mentor_id FROM pairs p JOIN programmes g ON g.id = p.programme_id WHERE g.organisation_id = $1 LIMIT 1", other_school).await;
    let other_programme = scalar("SELECT programme_id FROM pairs WHERE mentor_id = $1", other).await;
    matrix_of(&w, "pairs/workspace", PairWorkspace { programme_id: other_programme, mentor_id: other }, [U, N, "ok", N, N, N]).await;
}

#[tokio::test]
async fn the_bank_of_practices_answers_each_role_as_the_rules_say() {
    use app::api::practices::*;
    let w = world().await;
    let filter = PracticeFilter::default();
    matrix_of(&w, "practices/list", ListPractices { filter }, [U, "ok", "ok", "ok", F, F]).await;
    let input = PracticeInput {
        programme_id: w.pilot_programme.to_string(), title: "Карта наблюдения урока".into(), form: "teacher_teacher".into(),
        what_done: "Наблюдали уроки по карте".into(), results: "Уроки по ФГОС".into(), ..PracticeInput::default()
    };
    // Another school's curator may not name the lyceum's programme.
    matrix_of(&w, "practices/save", SavePractice { id: None, input: input.clone() }, [U, "ok", "Validation", F, F, F]).await;
    let id: i64 = sqlx::query("SELECT MAX(id) AS id FROM practices").fetch_one(&w.app.db.pool).await.expect("row").try_get("id").expect("id");
    matrix_of(&w, "practices/save", SavePractice { id: Some(id), input }, [U, "ok", "Validation", F, F, F]).await;
    matrix_of(&w, "practices/forum", MarkForForum { id, for_forum: true }, [U, F, F, "ok", F, F]).await;
    matrix_of(&w, "practices/delete", DeletePractice { id }, [U, "ok", N, F, F, F]).await;
}

/// Every registered server function is named in this file's matrices: a new one cannot be
/// added without saying who may call it.
#[test]
fn every_server_function_is_in_the_access_matrix() {
    let source = include_str!("access.rs");
    let endpoints: Vec<String> = leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path.trim_start_matches("/api/").to_owned()).collect();
    assert!(endpoints.len() > 60, "the registry lists every server function: {}", endpoints.len());
    let missing: Vec<String> = endpoints
        .into_iter()
        .filter(|endpoint| !source.contains(&format!("\"{endpoint}\"")))
        .collect();
    assert!(missing.is_empty(), "server functions missing from the access matrix: {missing:?}");
}
