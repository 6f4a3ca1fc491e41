//! Operator commands, run as a newcomer would: the real binary.

use std::process::Command;

use app::store::Backend;

use super::helpers::TestDb;

fn nastavnik(database_url: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run nastavnik")
}

#[tokio::test]
async fn help_documents_every_subcommand_and_setting() {
    let out = nastavnik("sqlite://unused.db", &["--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    for word in ["serve", "demo", "import", "export", "backup", "DATABASE_URL", "RUST_LOG"] {
        assert!(help.contains(word), "--help lacks {word}:\n{help}");
    }
    let serve = String::from_utf8_lossy(&nastavnik("sqlite://unused.db", &["serve", "--help"]).stdout).into_owned();
    for word in ["NASTAVNIK_ADDR", "NASTAVNIK_NO_DEMO", "NASTAVNIK_SECURE_COOKIES"] {
        assert!(serve.contains(word), "serve --help lacks {word}:\n{serve}");
    }
}

#[tokio::test]
async fn demo_export_backup_and_import_work_from_the_command_line() {
    let test_db = TestDb::new(Backend::Sqlite).await;
    let dir = tempfile::tempdir().expect("dir");
    let demo = nastavnik(&test_db.url, &["demo"]);
    assert!(demo.status.success(), "{}", String::from_utf8_lossy(&demo.stderr));
    assert!(String::from_utf8_lossy(&demo.stdout).contains("kurator1"));

    let csv = dir.path().join("lyceum.csv");
    let export = nastavnik(&test_db.url, &["export", csv.to_str().expect("path"), "--organisation", "1"]);
    assert!(export.status.success(), "{}", String::from_utf8_lossy(&export.stderr));
    let exported = std::fs::read_to_string(&csv).expect("csv");
    assert_eq!(exported.lines().count(), 7, "header + 6 participants of the pilot:\n{exported}");

    let backup = dir.path().join("copy.db");
    let out = nastavnik(&test_db.url, &["backup", backup.to_str().expect("path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let copy_url = format!("sqlite://{}", backup.display());
    let from_copy = dir.path().join("from-copy.csv");
    assert!(nastavnik(&copy_url, &["export", from_copy.to_str().expect("path"), "--organisation", "1"]).status.success());
    assert_eq!(std::fs::read_to_string(&from_copy).expect("csv"), exported, "the backup holds the same data");

    // Re-importing the export into another school adds the same six people.
    let import = nastavnik(&test_db.url, &["import", csv.to_str().expect("path"), "--organisation", "3"]);
    assert!(import.status.success(), "{}", String::from_utf8_lossy(&import.stderr));
    assert!(String::from_utf8_lossy(&import.stdout).contains("импортировано: 6"));

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "Фамилия;Имя;Роль;Категория\nОрлова;Ия;директор;педагог\n").expect("write");
    let refused = nastavnik(&test_db.url, &["import", bad.to_str().expect("path"), "--organisation", "3"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("строка 2"));
}

#[tokio::test]
async fn a_second_demo_and_unknown_ids_are_refused_in_sentences_and_change_nothing() {
    let test_db = TestDb::new(Backend::Sqlite).await;
    let dir = tempfile::tempdir().expect("dir");
    assert!(nastavnik(&test_db.url, &["demo"]).status.success());
    let before = dir.path().join("before.csv");
    assert!(nastavnik(&test_db.url, &["export", before.to_str().expect("path"), "--organisation", "1"]).status.success());

    let again = nastavnik(&test_db.url, &["demo"]);
    assert!(!again.status.success());
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(said.contains("В базе уже есть данные"), "{said}");
    let after = dir.path().join("after.csv");
    assert!(nastavnik(&test_db.url, &["export", after.to_str().expect("path"), "--organisation", "1"]).status.success());
    assert_eq!(std::fs::read(&before).expect("csv"), std::fs::read(&after).expect("csv"), "the second demo wrote nothing");

    let unknown = nastavnik(&test_db.url, &["export", after.to_str().expect("path"), "--organisation", "999"]);
    assert!(!unknown.status.success());
    let said = String::from_utf8_lossy(&unknown.stderr);
    assert!(said.contains("Организации с номером 999 нет в базе"), "{said}");
    assert!(!said.contains("no rows"), "no raw SQL for an administrator: {said}");
}

#[tokio::test]
async fn match_prints_the_optimal_pairs_and_refuses_malformed_input_with_exit_code_2() {
    let dir = tempfile::tempdir().expect("dir");
    let input = dir.path().join("problem.json");
    std::fs::write(
        &input,
        r#"{"mentors":[{"id":"M1","capacity":1},{"id":"M2","capacity":1}],
            "mentees":[{"id":"a"},{"id":"b"}],
            "scores":[[10,9],[9,null]], "locked":[]}"#,
    )
    .expect("write");
    let out = nastavnik("sqlite://unused.db", &["match", "--input", input.to_str().expect("path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    // Greedy would give a→M1 (10) and leave b out; optimal is b→M1, a→M2.
    assert_eq!(answer["pairs"], serde_json::json!([["a", "M2"], ["b", "M1"]]));
    assert_eq!((answer["matched"].as_u64(), answer["total_score"].as_f64()), (Some(2), Some(18.0)));
    assert_eq!(answer["unmatched"], serde_json::json!([]));

    std::fs::write(&input, r#"{"mentors":[{"id":"M1","capacity":1}],"mentees":[{"id":"a"}],"scores":[[1,2]]}"#).expect("write");
    let bad = nastavnik("sqlite://unused.db", &["match", "--input", input.to_str().expect("path")]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("row 0 of scores has 2 entries, expected 1"));
    let missing = nastavnik("sqlite://unused.db", &["match", "--input", "/nonexistent.json"]);
    assert_eq!(missing.status.code(), Some(2));
}
