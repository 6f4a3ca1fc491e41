//! Import through the real server functions: preview marks bad rows, and an import with
//! bad rows imports nothing until they are dropped explicitly.

use domain::models::ParticipantFilter;
use app::store::{participants, Backend};
use serde_json::{json, Value};

use super::helpers::{Caller, Reply, TestApp};

const FILE: &str = "Фамилия;Имя;Отчество;Роль;Категория;Предметы;Стаж;Класс;Ресурс времени\n\
    Лаптева;Зоя;Олеговна;Наставник;Педагог;химия;20;;2\n\
    Макаров;Тимур;;Наставляемый;Обучающийся;;;12Я;\n\
    Носова;Ева;;Наставляемый;Обучающийся;;;7Б;\n";

async fn preview(app: &TestApp, caller: &Caller, file: &[u8]) -> Reply {
    app.upload(caller, "import/preview", "list.csv", file).await
}

async fn count(app: &TestApp, organisation_id: i64) -> usize {
    participants::list(&app.db, organisation_id, &ParticipantFilter::default()).await.expect("list").len()
}

#[tokio::test]
async fn a_file_with_one_bad_row_imports_nothing_until_that_row_is_dropped() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let curator = app.login("curator", "kurator12").await;
    let school = curator.user.as_ref().and_then(|u| u.organisation_id).expect("school");
    let before = count(&app, school).await;

    let reply = preview(&app, &curator, FILE.as_bytes()).await;
    assert!(reply.ok(), "{}", reply.text);
    let rows = reply.json()["rows"].as_array().cloned().expect("rows");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1]["line"], 3);
    assert_eq!(rows[1]["errors"]["grade"], "Класс — число от 1 до 11 и буква, например 7Б");
    assert!(rows[0]["errors"].as_object().is_some_and(|e| e.is_empty()));
    assert_eq!(count(&app, school).await, before, "a preview changes nothing");

    let commit = |drop_invalid: bool, key: &str, rows: &[Value]| {
        json!({ "batch": { "import_key": key, "rows": rows, "drop_invalid": drop_invalid, "last": true } })
    };
    let refused = app.call(&curator, "import/commit", commit(false, "a", &rows)).await;
    assert_eq!(refused.json()["Refused"], "Импорт отменён: 1 строка с ошибками. Ничего не импортировано.");
    assert_eq!(count(&app, school).await, before);

    // Sent in two batches, as the page does for a large file; written at the last one.
    let first = json!({ "batch": { "import_key": "b", "rows": &rows[..1], "drop_invalid": true, "last": false } });
    assert_eq!(app.call(&curator, "import/commit", first).await.json(), 0);
    assert_eq!(count(&app, school).await, before);
    let done = app.call(&curator, "import/commit", commit(true, "b", &rows[1..])).await;
    assert_eq!(done.json(), 2, "{}", done.text);
    assert_eq!(count(&app, school).await, before + 2);
}

#[tokio::test]
async fn previews_are_for_curators_and_unreadable_files_are_explained() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for (login, expected) in [("metodist", "Forbidden"), ("molodoy1", "Forbidden")] {
        let caller = app.login("x", login).await;
        assert_eq!(preview(&app, &caller, FILE.as_bytes()).await.error_kind().as_deref(), Some(expected));
    }
    assert_eq!(preview(&app, &TestApp::anonymous(), FILE.as_bytes()).await.error_kind().as_deref(), Some("Unauthorized"));
    let curator = app.login("curator", "kurator1").await;
    let reply = preview(&app, &curator, "Имя;Предметы\nЗоя;химия\n".as_bytes()).await;
    assert_eq!(reply.json()["Refused"], "В файле нет обязательных столбцов: Фамилия, Роль, Категория");
}
