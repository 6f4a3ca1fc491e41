//! Operator commands, run as a newcomer would: the real binary.

use std::process::Command;

use app::store::Backend;

use super::helpers::TestDb;

/// Runs the binary with `stdin` as its standard input (a password, as a script would pipe it).
fn nastavnik_with_input(database_url: &str, args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run nastavnik");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("nastavnik ends")
}

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
    for word in ["serve", "demo", "import", "export", "backup", "user", "DATABASE_URL", "RUST_LOG"] {
        assert!(help.contains(word), "--help lacks {word}:\n{help}");
    }
    let serve = String::from_utf8_lossy(&nastavnik("sqlite://unused.db", &["serve", "--help"]).stdout).into_owned();
    for word in ["NASTAVNIK_ADDR", "NASTAVNIK_DEMO", "NASTAVNIK_SECURE_COOKIES"] {
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

#[tokio::test]
async fn accounts_are_added_repassworded_listed_and_disabled_from_the_command_line() {
    let test_db = TestDb::new(Backend::Sqlite).await;
    assert!(nastavnik(&test_db.url, &["demo"]).status.success());
    let db = test_db.connect().await;
    let school: i64 = sqlx::query_scalar("SELECT id FROM organisations ORDER BY id LIMIT 1").fetch_one(&db.pool).await.expect("school");
    let school_arg = school.to_string();
    let add = ["user", "add", "--login", "Novikova", "--name", "Новикова Елена Сергеевна", "--role", "curator", "--school", &school_arg];

    // A weak password is refused with the rule, and nothing is created.
    let weak = nastavnik_with_input(&test_db.url, &add, "1234567890\n");
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("слишком распространён"), "{}", String::from_utf8_lossy(&weak.stderr));
    assert!(app::store::users::find_for_login(&db, "novikova").await.expect("find").is_none());

    let made = nastavnik_with_input(&test_db.url, &add, "сирень цветёт в мае\n");
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let (user, hash) = app::store::users::find_for_login(&db, "novikova").await.expect("find").expect("created");
    assert_eq!((user.role, user.organisation_id), (domain::models::UserRole::Curator, Some(school)));
    assert!(app::auth::verify_password("сирень цветёт в мае", &hash));
    let again = nastavnik_with_input(&test_db.url, &add, "сирень цветёт в мае\n");
    assert!(String::from_utf8_lossy(&again.stderr).contains("уже занят"), "{}", String::from_utf8_lossy(&again.stderr));

    // A new password ends every session of the account.
    app::store::users::create_session(&db, "a-session", user.id, 600).await.expect("session");
    let passwd = nastavnik_with_input(&test_db.url, &["user", "passwd", "novikova"], "ландыши цветут в июне\n");
    assert!(passwd.status.success(), "{}", String::from_utf8_lossy(&passwd.stderr));
    let (_, hash) = app::store::users::find_for_login(&db, "novikova").await.expect("find").expect("exists");
    assert!(app::auth::verify_password("ландыши цветут в июне", &hash));
    assert_eq!(app::store::users::user_of_session(&db, "a-session").await.expect("lookup"), None);

    let list = String::from_utf8_lossy(&nastavnik(&test_db.url, &["user", "list"]).stdout).into_owned();
    assert!(list.lines().any(|l| l.starts_with("novikova\t") && l.contains("Новикова Елена Сергеевна")), "{list}");

    app::store::users::create_session(&db, "b-session", user.id, 600).await.expect("session");
    assert!(nastavnik(&test_db.url, &["user", "disable", "novikova"]).status.success());
    assert!(app::store::users::find_for_login(&db, "novikova").await.expect("find").is_none(), "a disabled account signs in nowhere");
    assert_eq!(app::store::users::user_of_session(&db, "b-session").await.expect("lookup"), None);
    let list = String::from_utf8_lossy(&nastavnik(&test_db.url, &["user", "list"]).stdout).into_owned();
    assert!(list.lines().any(|l| l.starts_with("novikova\t") && l.ends_with("отключена")), "{list}");
    let unknown = nastavnik(&test_db.url, &["user", "disable", "nobody"]);
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("Учётной записи «nobody» нет"));
}

#[tokio::test]
async fn serve_on_an_empty_database_prints_a_first_run_code_and_loads_no_demo() {
    use std::io::BufRead;
    let test_db = TestDb::new(Backend::Sqlite).await;
    let port = 20_000 + (std::process::id() % 20_000) as u16;
    let mut server = Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .arg("serve")
        .env("DATABASE_URL", &test_db.url)
        .env("NASTAVNIK_ADDR", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "warn")
        .env_remove("NASTAVNIK_DEMO")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start the server");
    let stdout = std::io::BufReader::new(server.stdout.take().expect("stdout"));
    let line = stdout.lines().map_while(Result::ok).find(|l| l.starts_with("Первый запуск")).expect("a first-run line");
    server.kill().expect("stop the server");
    let _ = server.wait();
    let code = line.rsplit(' ').next().expect("the code");
    assert!(code.len() == 11 && code.chars().filter(char::is_ascii_digit).count() == 9, "{line}");
    assert!(line.contains("/setup"), "{line}");
    let db = test_db.connect().await;
    assert_eq!(app::store::users::count(&db).await.expect("count"), 0, "no demo account without --demo");
    assert!(!app::store::orgs::any_district(&db).await.expect("districts"));
}

#[tokio::test]
async fn suggest_prints_the_moves_with_their_gains_and_changes_nothing() {
    let test_db = TestDb::with_demo(Backend::Sqlite).await;
    let db = test_db.connect().await;
    let id_of = |title: &'static str| {
        let pool = db.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT id FROM programmes WHERE title = $1 ORDER BY id LIMIT 1")
                .bind(title).fetch_one(&pool).await.expect(title)
        }
    };
    // School № 12's group programme: a mentor and four teachers, no pairs yet.
    let starting = id_of("Педагог – группа педагогов").await;
    let version = |id: i64| {
        let pool = db.pool.clone();
        async move { sqlx::query_scalar::<_, i64>("SELECT board_version FROM programmes WHERE id = $1").bind(id).fetch_one(&pool).await.expect("version") }
    };
    let before = version(starting).await;
    let out = nastavnik(&test_db.url, &["suggest", "--programme", &starting.to_string()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("Программа «Педагог – группа педагогов»"), "{text}");
    assert!(text.contains("Предложено изменений:"), "{text}");
    assert!(text.contains("было: без наставника"), "{text}");
    assert!(text.contains("Общий предмет"), "the criteria behind each score:\n{text}");
    assert_eq!(version(starting).await, before, "nothing changed");
    let pairs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pairs WHERE programme_id = $1").bind(starting).fetch_one(&db.pool).await.expect("pairs");
    assert_eq!(pairs, 0);

    // The pilot's pairs are fixed in an order: nothing to propose.
    let pilot = id_of("Наставничество молодых педагогов").await;
    let out = nastavnik(&test_db.url, &["suggest", "--programme", &pilot.to_string()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Лучше текущего распределения подобрать нельзя"));

    let out = nastavnik(&test_db.url, &["suggest", "--programme", "999999"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Программы с номером 999999 нет в базе"));
}
