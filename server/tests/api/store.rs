//! The store on both backends: what a curator's actions leave in the database.

use domain::models::*;
use domain::models::percent;
use app::store::{orgs, participants, programmes, users, Backend};
use sqlx::Row;

use super::helpers::{TestApp, TestDb};
use crate::on_both_backends;

fn teacher(last: &str, first: &str, subject: &str, role: ParticipantRole) -> NewParticipant {
    NewParticipant::parse(&ParticipantInput {
        last_name: last.into(),
        first_name: first.into(),
        role: role.code().into(),
        kind: "teacher".into(),
        subjects: subject.into(),
        experience_years: "4".into(),
        capacity: if role == ParticipantRole::Mentor { "2".into() } else { String::new() },
        requests: "дисциплина на уроке".into(),
        ..Default::default()
    })
    .expect("valid teacher")
}

async fn empty_school(backend: Backend) -> (TestDb, app::store::Db, i64) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let district = orgs::create_district(&db, &District {
        id: 0, name: "Тестовый район".into(), time_zone: TimeZone::Novosibirsk, teachers_total: 0, teachers_under_35: 0,
        young_specialists: 0, organisations_total: 1, organisations_in_mentoring: 1,
    })
    .await
    .expect("district");
    assert_eq!(orgs::district(&db, district).await.expect("read back").time_zone, TimeZone::Novosibirsk, "the zone is kept");
    let org = orgs::create_organisation(&db, &Organisation {
        id: 0, district_id: district, name: "Школа № 1".into(), students_total: 10, teachers_total: 5, ..Organisation::default()
    })
    .await
    .expect("organisation");
    (test_db, db, org)
}

on_both_backends!(participants_are_saved_found_filtered_updated_and_deleted, |backend| async move {
    let (_guard, db, org) = empty_school(backend).await;
    let fedorova = participants::insert(&db, org, &teacher("Фёдорова", "Анна", "Математика", ParticipantRole::Mentor)).await.expect("insert");
    participants::insert(&db, org, &teacher("Яковлев", "Илья", "физика", ParticipantRole::Mentee)).await.expect("insert");

    let all = participants::list(&db, org, &ParticipantFilter::default()).await.expect("list");
    assert_eq!(all.iter().map(|p| p.data.last_name.as_str()).collect::<Vec<_>>(), vec!["Фёдорова", "Яковлев"]);

    // Cyrillic search ignores case and ё/е on every backend.
    let search = ParticipantFilter { search: "ФЕДОР".into(), ..Default::default() };
    assert_eq!(participants::list(&db, org, &search).await.expect("search").len(), 1);
    let subject = ParticipantFilter { subject: "МАТЕМ".into(), ..Default::default() };
    assert_eq!(participants::list(&db, org, &subject).await.expect("subject")[0].id, fedorova);
    let mentees = ParticipantFilter { role: Some(ParticipantRole::Mentee), ..Default::default() };
    assert_eq!(participants::list(&db, org, &mentees).await.expect("role")[0].data.last_name, "Яковлев");
    let parents = ParticipantFilter { kind: Some(ParticipantKind::Parent), ..Default::default() };
    assert!(participants::list(&db, org, &parents).await.expect("kind").is_empty());

    let mut changed = teacher("Фёдорова", "Анна", "математика; информатика", ParticipantRole::Mentor);
    changed.capacity = Some(3);
    participants::update(&db, fedorova, &changed).await.expect("update");
    let (stored, place) = participants::get(&db, fedorova).await.expect("get");
    assert_eq!(stored.data, changed);
    assert_eq!(place.organisation_id, org);

    participants::delete(&db, fedorova).await.expect("delete");
    assert!(matches!(participants::get(&db, fedorova).await, Err(sqlx::Error::RowNotFound)));
    assert!(matches!(participants::update(&db, fedorova, &changed).await, Err(sqlx::Error::RowNotFound)));
});

on_both_backends!(a_programme_has_seven_stages_whose_status_and_date_can_be_set, |backend| async move {
    let (_guard, db, org) = empty_school(backend).await;
    let id = programmes::create(&db, &Programme {
        id: 0, organisation_id: org, title: "Молодые педагоги".into(), form: MentoringForm::TeacherTeacher,
        variants: vec![Variant::ExperiencedYoung, Variant::Reverse], starts_on: "2026-09-01".into(), ends_on: "2027-05-31".into(),
    })
    .await
    .expect("create");
    let detail = programmes::detail(&db, id).await.expect("detail");
    assert_eq!(detail.stages.iter().map(|s| s.stage).collect::<Vec<_>>(), Stage::ALL.to_vec());
    assert!(detail.stages.iter().all(|s| s.status == StageStatus::NotStarted && s.date.is_none()));
    assert_eq!(detail.programme.variants, vec![Variant::ExperiencedYoung, Variant::Reverse]);

    programmes::set_stage(&db, id, Stage::Pairing, StageStatus::InProgress, Some("2026-10-05".into())).await.expect("set");
    let pairing = programmes::detail(&db, id).await.expect("detail").stages[4].clone();
    assert_eq!((pairing.status, pairing.date.as_deref()), (StageStatus::InProgress, Some("2026-10-05")));
    assert_eq!(programmes::place(&db, id).await.expect("place").organisation_id, org);
});

on_both_backends!(a_session_finds_its_user_until_it_expires_or_ends, |backend| async move {
    let (_guard, db, org) = empty_school(backend).await;
    let district_id = orgs::place(&db, org).await.expect("place").district_id;
    let user_id = users::create(&db, &users::NewUser {
        login: "Kurator", password_hash: "x", display_name: "Куратор", role: UserRole::Curator,
        district_id, organisation_id: Some(org), participant_id: None,
    })
    .await
    .expect("user");
    let (found, _) = users::find_for_login(&db, "  KURATOR ").await.expect("find").expect("exists");
    assert_eq!((found.id, found.role), (user_id, UserRole::Curator));

    users::create_session(&db, "live", user_id, 60).await.expect("session");
    users::create_session(&db, "stale", user_id, -1).await.expect("session");
    assert_eq!(users::user_of_session(&db, "live").await.expect("lookup").map(|u| u.id), Some(user_id));
    assert_eq!(users::user_of_session(&db, "stale").await.expect("lookup"), None);
    users::delete_session(&db, "live").await.expect("logout");
    assert_eq!(users::user_of_session(&db, "live").await.expect("lookup"), None);
});

on_both_backends!(the_demo_district_reproduces_the_figures_of_the_sources, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let db = &app.db;
    let overview = orgs::summaries(db, 1).await.expect("summaries");
    let lyceum = overview.iter().find(|s| s.organisation.name.contains("Лицей")).expect("pilot school");
    // The pilot: 3 mentors + 3 mentees (+ 1 curator account) = 7 participants.
    assert_eq!((lyceum.mentors, lyceum.mentees), (3, 3));
    let curators: i64 = sqlx::query("SELECT COUNT(*) AS n FROM users WHERE role = 'curator' AND organisation_id = $1")
        .bind(lyceum.organisation.id).fetch_one(&db.pool).await.expect("count").try_get("n").expect("n");
    assert_eq!(curators, 1);

    // School № 7: students involved per variant, as in its analytic report.
    let rows = sqlx::query(
        "SELECT p.variant, COUNT(*) AS n FROM pairs p
         JOIN (SELECT pair_id, mentee_id AS who FROM pair_mentees
               UNION ALL SELECT id, mentor_id FROM pairs) m ON m.pair_id = p.id
         JOIN participants x ON x.id = m.who
         WHERE x.kind = 'student' GROUP BY p.variant ORDER BY p.variant",
    )
    .fetch_all(&db.pool)
    .await
    .expect("per variant");
    let per_variant: Vec<(String, i64)> = rows.iter().map(|r| (r.try_get("variant").expect("v"), r.try_get("n").expect("n"))).collect();
    let expected = [("active_indifferent", 25), ("adapted_non_adapted", 24), ("colleague_young", 1), ("leader_passive", 20), ("peer_to_peer", 10), ("strong_weak", 20)];
    assert_eq!(per_variant, expected.iter().map(|(v, n)| (v.to_string(), *n)).collect::<Vec<_>>());
    let school7 = overview.iter().find(|s| s.organisation.name.contains("№ 7")).expect("school 7");
    let teachers: i64 = sqlx::query("SELECT COUNT(*) AS n FROM participants WHERE organisation_id = $1 AND kind = 'teacher'")
        .bind(school7.organisation.id).fetch_one(&db.pool).await.expect("count").try_get("n").expect("n");
    assert_eq!(teachers, 7);

    let district = orgs::district(db, 1).await.expect("district");
    assert_eq!(percent(district.young_specialists, district.teachers_total), 8);
    assert_eq!(percent(district.organisations_in_mentoring, district.organisations_total), 81);
    assert_eq!((district.teachers_total, district.teachers_under_35), (579, 114));
    assert_eq!((district.organisations_in_mentoring, district.organisations_total), (26, 32));
});

#[tokio::test]
async fn demo_people_have_distinct_names() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut names = Vec::new();
    for school in orgs::summaries(&app.db, 1).await.expect("schools") {
        let list = participants::list(&app.db, school.organisation.id, &ParticipantFilter::default()).await.expect("list");
        names.extend(list.iter().map(|p| format!("{} {}", p.data.last_name, p.data.first_name)));
    }
    let total = names.len();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), total);
}

#[tokio::test]
async fn a_demo_that_fails_half_way_leaves_nothing_behind() {
    let test_db = TestDb::new(Backend::Sqlite).await;
    let db = test_db.connect().await;
    // The deck is the demo's last write: refuse it, and everything before it must go too.
    sqlx::raw_sql("CREATE TRIGGER refuse_decks BEFORE INSERT ON decks BEGIN SELECT RAISE(ABORT, 'no decks today'); END;")
        .execute(&db.pool)
        .await
        .expect("trigger");
    assert!(nastavnik::demo::load(&db).await.is_err(), "the refused deck fails the load");
    assert!(!orgs::any_district(&db).await.expect("districts"), "no half of a district stays");
    let left: i64 = sqlx::query_scalar("SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM participants) + (SELECT COUNT(*) FROM submissions)")
        .fetch_one(&db.pool)
        .await
        .expect("counts");
    assert_eq!(left, 0);
    // Once the cause is gone, the demo loads whole.
    sqlx::raw_sql("DROP TRIGGER refuse_decks").execute(&db.pool).await.expect("drop trigger");
    let logins = nastavnik::demo::load(&db).await.expect("demo");
    assert!(logins.iter().any(|l| l.login == "metodist"));
}

on_both_backends!(an_upgrade_keeps_each_persons_programme_as_their_participation, |backend| async move {
    // A database as the previous version left it: every migration before participations.
    let dialect = match backend { Backend::Sqlite => "sqlite", Backend::Postgres => "postgres" };
    let all = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations").join(dialect);
    let earlier = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(&all).expect("migrations") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).expect("name").to_owned();
        if name.as_str() < "20261203000001" {
            std::fs::copy(&path, earlier.path().join(&name)).expect("copy");
        }
    }
    let test_db = TestDb::new(backend).await;
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&test_db.url).await.expect("connect");
    sqlx::migrate::Migrator::new(earlier.path()).await.expect("migrator").run(&pool).await.expect("earlier schema");
    let id = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.expect(sql) }
    };
    let district = id("INSERT INTO districts (name) VALUES ('Район') RETURNING id").await;
    let school: i64 = sqlx::query_scalar("INSERT INTO organisations (district_id, name) VALUES ($1, 'Школа') RETURNING id")
        .bind(district).fetch_one(&pool).await.expect("school");
    let programme: i64 = sqlx::query_scalar(
        "INSERT INTO programmes (organisation_id, title, form, variants, starts_on, ends_on)
         VALUES ($1, 'Молодые педагоги', 'teacher_teacher', '[\"experienced_young\"]', '2026-09-01', '2027-05-31') RETURNING id",
    )
    .bind(school).fetch_one(&pool).await.expect("programme");
    let person = |last: &'static str, role: &'static str, programme: Option<i64>| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO participants (organisation_id, programme_id, last_name, first_name, role, kind, experience_years,
                    capacity, search_key, subjects_key, created_at, updated_at)
                 VALUES ($1, $2, $3, 'Анна', $4, 'teacher', 5, $5, '', '', '0', '0') RETURNING id",
            )
            .bind(school).bind(programme).bind(last).bind(role).bind(if role == "mentor" { Some(2_i64) } else { None })
            .fetch_one(&pool).await.expect("participant")
        }
    };
    let mentor = person("Белова", "mentor", Some(programme)).await;
    let outside = person("Громова", "mentee", None).await;
    pool.close().await;

    // The new version migrates it on start-up: the programme became a participation, role kept.
    let db = test_db.connect().await;
    let (mentor, _) = participants::get(&db, mentor).await.expect("mentor");
    assert_eq!(mentor.participations, vec![Participation { programme_id: programme, role: ParticipantRole::Mentor }]);
    assert_eq!(mentor.data.role, ParticipantRole::Mentor, "the base they were entered into stays");
    assert!(participants::get(&db, outside).await.expect("outside").0.participations.is_empty());
    let board = app::store::board::load(&db, programme).await.expect("board");
    assert_eq!(board.mentors.len(), 1);
});

#[tokio::test]
async fn sqlite_commits_are_on_disk_before_a_submission_is_acknowledged() {
    let test_db = TestDb::new(Backend::Sqlite).await;
    let db = test_db.connect().await;
    // 2 = FULL: every connection of the pool syncs its commits (NORMAL, 1, could lose the last ones).
    for _ in 0..3 {
        let level: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(&db.pool).await.expect("pragma");
        assert_eq!(level, 2);
    }
}
