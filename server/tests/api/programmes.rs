//! A curator starts a programme and brings a participant list into it, so the people are on
//! its board at once.

use app::api::board::GetBoard;
use app::api::programmes::{CreateProgramme, ListProgrammes};
use domain::models::ProgrammeInput;
use serde_json::json;

use super::helpers::TestApp;
use crate::on_both_backends;

fn programme_input() -> ProgrammeInput {
    ProgrammeInput {
        title: "Учитель – ученик: подготовка к олимпиадам".into(),
        form: "teacher_student".into(),
        variants: vec!["active_indifferent".into()],
        starts_on: "2026-10-01".into(),
        ends_on: "2027-05-31".into(),
    }
}

on_both_backends!(a_curator_creates_a_programme_and_imports_people_into_it, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let curator = app.login("curator", "kurator12").await;
    let wrong = ProgrammeInput { variants: vec!["peer_to_peer".into()], ends_on: "2026-09-01".into(), ..programme_input() };
    let refused = app.invoke(&curator, CreateProgramme { input: wrong }).await.unwrap_err();
    assert!(refused.field_message("variants").is_some() && refused.field_message("ends_on").is_some(), "{refused:?}");
    let before = app.invoke(&curator, ListProgrammes { organisation_id: None }).await.expect("list").len();

    let id = app.invoke(&curator, CreateProgramme { input: programme_input() }).await.expect("created");
    let list = app.invoke(&curator, ListProgrammes { organisation_id: None }).await.expect("list");
    assert_eq!(list.len(), before + 1);
    assert!(list.iter().any(|p| p.id == id && p.title == programme_input().title));

    let file = "Фамилия;Имя;Роль;Категория;Предметы;Стаж;Класс;Успеваемость;Ресурс времени\n\
        Лаптева;Зоя;Наставник;Педагог;химия;20;;;2\n\
        Носова;Ева;Наставляемый;Обучающийся;;;7Б;средняя;\n";
    let preview = app.upload(&curator, "import/preview", "list.csv", file.as_bytes()).await;
    let rows = preview.json()["rows"].clone();
    assert_eq!(rows.as_array().map(Vec::len), Some(2), "{}", preview.text);
    let commit = |programme: i64| json!({ "batch": { "import_key": format!("k{programme}"), "index": 0, "rows": rows, "drop_invalid": false, "last": true, "programme_id": programme } });
    // Another school's programme is refused, and nothing is imported.
    let other = app.login("other", "kurator1").await;
    let foreign = app.programme(&other, None).await;
    let refused = app.call(&curator, "import/commit", commit(foreign)).await;
    assert_eq!(refused.json()["Validation"]["programme_id"], "Выберите программу своей школы", "{}", refused.text);
    let done = app.call(&curator, "import/commit", commit(id)).await;
    assert_eq!(done.json(), 2, "{}", done.text);
    let board = app.invoke(&curator, GetBoard { programme_id: id }).await.expect("board");
    assert_eq!((board.mentors.len(), board.mentees.len()), (1, 1), "the imported people are on the new programme's board");
});

#[tokio::test]
async fn only_a_curator_creates_programmes_for_their_own_school() {
    let app = TestApp::spawn(app::store::Backend::Sqlite).await;
    for (login, expected) in [("metodist", app::error::AppError::Forbidden), ("nastavnik1", app::error::AppError::Forbidden)] {
        let caller = app.login("x", login).await;
        assert_eq!(app.invoke(&caller, CreateProgramme { input: programme_input() }).await, Err(expected), "{login}");
    }
    assert_eq!(app.invoke(&TestApp::anonymous(), CreateProgramme { input: programme_input() }).await, Err(app::error::AppError::Unauthorized));
}

on_both_backends!(an_order_is_registered_with_its_number_and_downloads_as_word, |backend| async move {
    use app::api::programmes::{GetOrderDetails, SaveOrderDetails};
    use domain::models::OrderDetails;
    let app = TestApp::spawn(backend).await;
    let curator = app.login("curator", "kurator1").await;
    let programme = app.programme(&curator, None).await;
    assert_eq!(app.invoke(&curator, GetOrderDetails { programme_id: programme }).await, Ok(None));
    let bad = app.invoke(&curator, SaveOrderDetails { programme_id: programme, details: OrderDetails { number: "1".into(), signed_on: "вчера".into(), ..Default::default() } }).await.unwrap_err();
    assert!(bad.field_message("signed_on").is_some() && bad.field_message("head_name").is_some(), "{bad:?}");
    let details = OrderDetails { number: "112-о".into(), signed_on: "2026-09-15".into(), head_name: "Петров П. П.".into(), head_position: "Директор".into() };
    assert_eq!(app.invoke(&curator, SaveOrderDetails { programme_id: programme, details: details.clone() }).await, Ok(()));
    assert_eq!(app.invoke(&curator, GetOrderDetails { programme_id: programme }).await, Ok(Some(details)));
    let docx = app.get(&curator, &format!("/export/order/{programme}.docx")).await;
    assert!(docx.ok() && docx.text.starts_with("PK"), "a DOCX is a ZIP");
    let xlsx = app.get(&curator, &format!("/export/order/{programme}")).await;
    assert!(xlsx.ok() && xlsx.text.starts_with("PK"));
    let other = app.login("other", "kurator7").await;
    assert_eq!(app.get(&other, &format!("/export/order/{programme}.docx")).await.status.as_u16(), 404);
    assert_eq!(app.get(&curator, &format!("/export/order/{programme}.pdf")).await.status.as_u16(), 404);
});

on_both_backends!(an_archived_programme_is_read_only_and_stays_in_the_reports, |backend| async move {
    use app::api::board::ApplyBoard;
    use app::api::programmes::{ArchiveProgramme, GetProgramme, SetStageStatus};
    use app::api::surveys::{CreateWave, ListWaves};
    use app::error::AppError;
    use domain::models::{Stage, StageStatus};
    let app = TestApp::spawn(backend).await;
    let curator = app.login("curator", "kurator1").await;
    let programme = app.programme(&curator, None).await;
    let other = app.login("other", "kurator7").await;
    assert_eq!(app.invoke(&other, ArchiveProgramme { programme_id: programme }).await, Err(AppError::NotFound));
    assert_eq!(app.invoke(&curator, ArchiveProgramme { programme_id: programme }).await, Ok(()));

    let page = app.invoke(&curator, GetProgramme { id: programme }).await.expect("still readable");
    assert!(page.archived_on.is_some() && !page.can_edit);
    let board = app.invoke(&curator, GetBoard { programme_id: programme }).await.expect("board readable");
    assert!(!board.can_edit);
    let read_only = |e: AppError| matches!(&e, AppError::Refused(text) if text.contains("в архиве"));
    let weights = domain::matching::board::BoardOp::Weights(Default::default());
    assert!(read_only(app.invoke(&curator, ApplyBoard { programme_id: programme, base_version: board.version, op: weights }).await.unwrap_err()));
    assert!(read_only(app.invoke(&curator, SetStageStatus { programme_id: programme, stage: Stage::Completion, status: StageStatus::Done }).await.unwrap_err()));
    let waves = app.invoke(&curator, ListWaves { programme_id: programme }).await.expect("waves readable");
    let wave = CreateWave { programme_id: programme, questionnaire_id: waves.questionnaires[0].id, kind: "mid".into(), role: "mentee".into(), anonymous: false };
    assert!(read_only(app.invoke(&curator, wave).await.unwrap_err()));
    let status = app::api::surveys::SetWaveOpen { wave_id: waves.waves[0].id, open: true };
    assert!(read_only(app.invoke(&curator, status).await.unwrap_err()));
    // Nobody joins it; it stays in the school's report.
    let input = domain::models::ParticipantInput { last_name: "Гусева".into(), first_name: "Яна".into(), role: "mentee".into(), kind: "teacher".into(), experience_years: "1".into(), ..Default::default() };
    let joining = json!([{ "programme_id": programme, "role": "Mentee" }]);
    let joined = app.call(&curator, "participants/save", json!({ "id": null, "input": input, "participations": joining })).await;
    assert_eq!(joined.json()["Validation"]["participations"], domain::i18n::tr::ERR_PROGRAMME_ARCHIVED, "{}", joined.text);
    let report = app.invoke(&curator, app::api::reports::GetSchoolReport { organisation_id: None }).await.expect("report");
    assert!(serde_json::to_string(&report).expect("json").contains(&page.detail.programme.title));
    let log = app.invoke(&curator, app::api::accounts::AuditLog { organisation_id: None }).await.expect("log");
    assert!(log.iter().any(|l| l.summary.contains("перенесена в архив")));
});

on_both_backends!(a_person_mentors_in_one_programme_and_is_mentored_in_another, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let curator = app.login("curator", "kurator12").await;
    let create = |title: &str, variant: &str| CreateProgramme {
        input: ProgrammeInput { title: title.into(), form: "teacher_teacher".into(), variants: vec![variant.into()], ..programme_input() },
    };
    let methodology = app.invoke(&curator, create("Методика для молодых", "experienced_young")).await.expect("created");
    let ict = app.invoke(&curator, create("Цифровая школа", "reverse")).await.expect("created");
    // Two lists, each naming its programme in a column: the young teacher is a mentee in the
    // first and a mentor in the second; the veteran the other way round.
    let import = |file: &'static str| {
        let (app, curator) = (&app, &curator);
        async move {
            let preview = app.upload(curator, "import/preview", "list.csv", file.as_bytes()).await;
            let rows = preview.json()["rows"].clone();
            let commit = json!({ "batch": { "import_key": file.len().to_string(), "index": 0, "rows": rows, "drop_invalid": false, "last": true } });
            let done = app.call(curator, "import/commit", commit).await;
            assert_eq!(done.json(), 2, "{}", done.text);
        }
    };
    import("Фамилия;Имя;Отчество;Роль;Категория;Предметы;Стаж;Ресурс времени;Программа\n\
        Лаптева;Зоя;Ильинична;Наставник;Педагог;химия;30;2;Методика для молодых\n\
        Носова;Ева;Игоревна;Наставляемый;Педагог;химия;1;;методика ДЛЯ молодых\n").await;
    import("Фамилия;Имя;Отчество;Роль;Категория;Стаж;Ресурс времени;Запросы;Программа\n\
        Носова;Ева;Игоревна;Наставник;Педагог;1;1;;Цифровая школа\n\
        Лаптева;Зоя;Ильинична;Наставляемый;Педагог;30;;электронный журнал;Цифровая школа\n").await;

    let filter = domain::models::ParticipantFilter { search: "Носова Ева".into(), ..Default::default() };
    let page = app.invoke(&curator, app::api::participants::ListParticipants { organisation_id: None, filter }).await.expect("list");
    assert_eq!(page.participants.len(), 1, "stored once");
    let young = &page.participants[0];
    use domain::models::ParticipantRole::{Mentee, Mentor};
    assert_eq!((young.role_in(methodology), young.role_in(ict)), (Some(Mentee), Some(Mentor)));
    assert_eq!(young.data.capacity, Some(1), "she mentors with a time resource");
    let board = app.invoke(&curator, GetBoard { programme_id: methodology }).await.expect("board");
    assert!(board.mentees.iter().any(|p| p.id == young.id) && !board.mentors.iter().any(|p| p.id == young.id));
    let board = app.invoke(&curator, GetBoard { programme_id: ict }).await.expect("board");
    assert!(board.mentors.iter().any(|p| p.id == young.id) && !board.mentees.iter().any(|p| p.id == young.id));
    let veteran = board.mentees.iter().find(|p| p.data.last_name == "Лаптева").expect("the veteran is mentored in ICT");
    assert_eq!(veteran.data.capacity, Some(2), "a mentee row did not wipe what she mentors with");
    assert_eq!(veteran.data.requests, vec!["электронный журнал"]);

    // A programme the school does not have is the row's error, next to its column.
    let preview = app.upload(&curator, "import/preview", "list.csv",
        "Фамилия;Имя;Роль;Категория;Стаж;Программа\nЛаптева;Зоя;Наставник;Педагог;30;Шахматы\n".as_bytes()).await;
    assert_eq!(preview.json()["rows"][0]["errors"]["programme"], "Программы «Шахматы» нет в этой школе", "{}", preview.text);
});

on_both_backends!(a_running_programme_keeps_its_passport_and_the_history_of_its_period, |backend| async move {
    use app::api::programmes::{GetProgramme, UpdateProgramme};
    use domain::models::{PassportInput, ProgrammeMode};
    let app = TestApp::spawn(backend).await;
    let curator = app.login("curator", "kurator1").await;
    let pilot = app.programme(&curator, None).await;
    let page = app.invoke(&curator, GetProgramme { id: pilot }).await.expect("programme");
    let p = page.detail.programme.clone();
    let input = p.to_input();
    let passport = PassportInput {
        problems: "Молодые педагоги уходят в первые три года".into(),
        goal: "Адаптация молодых педагогов".into(),
        tasks: "Посещение уроков\nСовместное планирование".into(),
        expected_results: "Все трое остаются в школе".into(),
        mode: "blended".into(),
    };
    let change = |input: ProgrammeInput, reason: &str| UpdateProgramme { programme_id: pilot, input, passport: passport.clone(), period_reason: reason.into() };

    // A longer period without its reason is refused, and nothing is saved.
    let longer = ProgrammeInput { ends_on: "2027-06-30".into(), ..input.clone() };
    let refused = app.invoke(&curator, change(longer.clone(), " ")).await.unwrap_err();
    assert_eq!(refused.field_message("period_reason").as_deref(), Some(domain::i18n::tr::ERR_PERIOD_REASON));
    let unchanged = app.invoke(&curator, GetProgramme { id: pilot }).await.expect("programme").detail;
    assert_eq!((unchanged.programme.ends_on.as_str(), unchanged.passport.is_empty()), (p.ends_on.as_str(), true));

    // The pilot's pairs hold its form and the model they use.
    let other_form = ProgrammeInput { form: "student_student".into(), variants: vec!["peer_to_peer".into()], ..input.clone() };
    let refused = app.invoke(&curator, change(other_form, "")).await.unwrap_err();
    assert_eq!(refused.field_message("form").as_deref(), Some(domain::i18n::tr::ERR_FORM_HAS_PAIRS));
    let dropped = ProgrammeInput { variants: vec!["trainee".into()], ..input.clone() };
    assert!(app.invoke(&curator, change(dropped, "")).await.unwrap_err().field_message("variants").is_some());

    // With its reason: saved, kept in the history and the log.
    app.invoke(&curator, change(longer, "продлена по соглашению сторон")).await.expect("saved");
    let saved = app.invoke(&curator, GetProgramme { id: pilot }).await.expect("programme").detail;
    assert_eq!(saved.programme.ends_on, "2027-06-30");
    assert_eq!((saved.passport.goal.as_str(), saved.passport.mode), ("Адаптация молодых педагогов", Some(ProgrammeMode::Blended)));
    assert_eq!(saved.passport.tasks, "Посещение уроков\nСовместное планирование");
    assert_eq!(saved.period_changes.len(), 1);
    let history = &saved.period_changes[0];
    assert_eq!((history.old_ends_on.as_str(), history.ends_on.as_str(), history.reason.as_str()), (p.ends_on.as_str(), "2027-06-30", "продлена по соглашению сторон"));
    let log = app.invoke(&curator, app::api::accounts::AuditLog { organisation_id: None }).await.expect("log");
    assert!(log.iter().any(|l| l.summary.contains("Срок программы") && l.summary.contains("продлена по соглашению сторон")));
    // The coordinator reads it; another school's curator does not find it.
    let coordinator = app.login("coordinator", "metodist").await;
    assert_eq!(app.invoke(&coordinator, GetProgramme { id: pilot }).await.expect("read").detail.passport, saved.passport);
    let other = app.login("other", "kurator7").await;
    assert_eq!(app.invoke(&other, GetProgramme { id: pilot }).await.map(|_| ()), Err(app::error::AppError::NotFound));
});
