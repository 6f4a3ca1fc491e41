//! Import through the real server functions: preview marks bad rows, and an import with
//! bad rows imports nothing until they are dropped explicitly.

use domain::models::ParticipantFilter;
use app::store::{participants, Backend};
use serde_json::{json, Value};

use super::helpers::{Caller, Reply, TestApp};
use crate::on_both_backends;

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

/// One batch of an import's commit, as the page sends it.
fn batch(key: &str, index: usize, rows: &[Value], drop_invalid: bool, last: bool) -> Value {
    json!({ "batch": { "import_key": key, "index": index, "rows": rows, "drop_invalid": drop_invalid, "last": last } })
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

    let refused = app.call(&curator, "import/commit", batch("a", 0, &rows, false, true)).await;
    assert_eq!(refused.json()["Refused"], "Импорт отменён: 1 строка с ошибками. Ничего не импортировано.");
    assert_eq!(count(&app, school).await, before);

    // Sent in two batches, as the page does for a large file; written at the last one.
    assert_eq!(app.call(&curator, "import/commit", batch("b", 0, &rows[..1], true, false)).await.json(), 0);
    assert_eq!(count(&app, school).await, before);
    let done = app.call(&curator, "import/commit", batch("b", 1, &rows[1..], true, true)).await;
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

on_both_backends!(an_import_spanning_a_restart_is_written_whole_and_a_retried_batch_is_taken_once, |backend| async move {
    let mut app = TestApp::spawn(backend).await;
    let curator = app.login("curator", "kurator12").await;
    let school = curator.user.as_ref().and_then(|u| u.organisation_id).expect("school");
    let before = count(&app, school).await;
    let rows = preview(&app, &curator, FILE.as_bytes()).await.json()["rows"].as_array().cloned().expect("rows");

    // The first batch reaches one server process; the last reaches another (or the same one
    // after a restart): nothing of the first lived in memory, and both are written.
    assert_eq!(app.call(&curator, "import/commit", batch("k1", 0, &rows[..1], true, false)).await.json(), 0);
    assert_eq!(app.call(&curator, "import/commit", batch("k1", 0, &rows[..1], true, false)).await.json(), 0, "a batch sent twice");
    app.restart().await;
    let done = app.call(&curator, "import/commit", batch("k1", 1, &rows[1..], true, true)).await;
    assert_eq!(done.json(), 2, "both good rows of both batches: {}", done.text);
    assert_eq!(count(&app, school).await, before + 2);

    // The reply was lost and the page sends the last batch again: the same answer, no new rows.
    let again = app.call(&curator, "import/commit", batch("k1", 1, &rows[1..], true, true)).await;
    assert_eq!(again.json(), 2, "{}", again.text);
    assert_eq!(count(&app, school).await, before + 2);

    // A last batch whose earlier batches never arrived writes nothing.
    let incomplete = app.call(&curator, "import/commit", batch("k2", 1, &rows[1..], true, true)).await;
    assert_eq!(incomplete.json()["Refused"], domain::i18n::tr::IMPORT_INCOMPLETE, "{}", incomplete.text);
    assert_eq!(count(&app, school).await, before + 2);

    // What no page of ours sends is refused: an import larger than a file may be, a malformed key.
    let too_many: Vec<Value> = std::iter::repeat_n(rows[0].clone(), 201).collect();
    let big = app.call(&curator, "import/commit", batch("k3", 0, &too_many, true, false)).await;
    assert_eq!(big.json()["Refused"], domain::i18n::tr::import_too_large(10_000), "{}", big.text);
    let far = app.call(&curator, "import/commit", batch("k3", 50, &rows, true, false)).await;
    assert_eq!(far.json()["Refused"], domain::i18n::tr::import_too_large(10_000), "{}", far.text);
    let key = app.call(&curator, "import/commit", batch("../x", 0, &rows, true, false)).await;
    assert_eq!(key.json()["Refused"], domain::i18n::tr::IMPORT_BAD_BATCH, "{}", key.text);

    // An import abandoned a day ago is forgotten at the next commit of anyone.
    let curator_id = curator.user.as_ref().map(|u| u.id).expect("id");
    let rows_typed: Vec<domain::models::import::ImportRow> = serde_json::from_value(Value::Array(rows.clone())).expect("rows");
    let yesterday = app::store::now_unix() - 25 * 60 * 60;
    app::store::imports::add_batch(&app.db, curator_id, "old", 0, &rows_typed, yesterday).await.expect("stored");
    app.call(&curator, "import/commit", batch("k4", 0, &rows[..1], true, false)).await;
    let left = app::store::imports::pending_row_count(&app.db, curator_id, "old").await.expect("count");
    assert_eq!(left, 0, "the day-old batch expired");
});
