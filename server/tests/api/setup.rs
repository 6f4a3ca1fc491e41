//! A district starting from an empty database: nobody can sign in until the first run, which
//! only the holder of the printed code can make, once.

use app::api::auth::Whoami;
use app::api::setup::{FirstRun, FirstRunNeeded};
use app::services::accounts::prepare_first_run;
use app::store::{orgs, users};
use domain::models::{FirstRunInput, UserRole};

use super::helpers::{Caller, TestApp};
use crate::on_both_backends;

fn first_run_input(code: &str) -> FirstRunInput {
    FirstRunInput {
        setup_code: code.into(),
        district_name: "Озёрный район".into(),
        time_zone: "Asia/Yekaterinburg".into(),
        login: "smirnova".into(),
        display_name: "Смирнова Ольга Петровна".into(),
        password: "сирень цветёт в мае".into(),
        password_again: "сирень цветёт в мае".into(),
    }
}

on_both_backends!(an_empty_database_admits_nobody_until_the_first_run, |backend| async move {
    let app = TestApp::spawn_empty(backend).await;
    let anonymous = TestApp::anonymous();
    for login in ["metodist", "kurator1", "admin"] {
        let reply = app.login_reply(login, nastavnik::demo::DEMO_PASSWORD).await;
        assert_eq!(reply.status.as_u16(), 400, "{login}: {}", reply.text);
        assert!(reply.set_cookie.is_none());
    }
    assert_eq!(app.invoke(&anonymous, FirstRunNeeded {}).await, Ok(true));
    assert_eq!(app.invoke(&anonymous, Whoami {}).await, Ok(None));
});

on_both_backends!(the_first_run_takes_the_printed_code_once_and_signs_the_coordinator_in, |backend| async move {
    let app = TestApp::spawn_empty(backend).await;
    let anonymous = TestApp::anonymous();
    let code = prepare_first_run(&app.db).await.expect("code").expect("no account yet");

    // Wrong code, bad fields: told next to the field, nothing created.
    let wrong = app.invoke(&anonymous, FirstRun { input: first_run_input("000-000-000") }).await.unwrap_err();
    assert_eq!(wrong.field_message("setup_code").as_deref(), Some(domain::i18n::tr::ERR_SETUP_CODE));
    let weak = FirstRunInput { password: "1234567890".into(), password_again: "1234567890".into(), ..first_run_input(&code) };
    let refused = app.invoke(&anonymous, FirstRun { input: weak }).await.unwrap_err();
    assert_eq!(refused.field_message("password").as_deref(), Some(domain::i18n::tr::ERR_PASSWORD_COMMON));
    assert_eq!(users::count(&app.db).await.expect("count"), 0);
    assert!(!orgs::any_district(&app.db).await.expect("districts"));

    let reply = app.call_fn(&anonymous, FirstRun { input: first_run_input(&code) }).await;
    assert!(reply.ok(), "{}", reply.text);
    let cookie = reply.set_cookie.clone().expect("signed in").split(';').next().expect("pair").to_owned();
    let coordinator = Caller { name: "coordinator", cookie: Some(cookie), user: None };
    let me = app.invoke(&coordinator, Whoami {}).await.expect("whoami").expect("a session");
    assert_eq!((me.login.as_str(), me.role, me.time_zone), ("smirnova", UserRole::Methodologist, domain::models::TimeZone::Yekaterinburg));
    assert_eq!(orgs::district(&app.db, me.district_id).await.expect("district").name, "Озёрный район");

    // The page is gone: no second first run with the same or any code, and no new code.
    assert_eq!(app.invoke(&anonymous, FirstRunNeeded {}).await, Ok(false));
    let again = app.invoke(&anonymous, FirstRun { input: FirstRunInput { login: "intruder".into(), ..first_run_input(&code) } }).await;
    assert_eq!(again, Err(app::error::AppError::NotFound));
    assert_eq!(prepare_first_run(&app.db).await.expect("no code"), None);
    assert_eq!(users::count(&app.db).await.expect("count"), 1);
    assert!(app.login_reply("smirnova", "сирень цветёт в мае").await.ok());
});

#[tokio::test]
async fn a_restart_before_the_first_run_replaces_the_code() {
    let app = TestApp::spawn_empty(app::store::Backend::Sqlite).await;
    let old = prepare_first_run(&app.db).await.expect("code").expect("first");
    let new = prepare_first_run(&app.db).await.expect("code").expect("second");
    let anonymous = TestApp::anonymous();
    let refused = app.invoke(&anonymous, FirstRun { input: first_run_input(&old) }).await.unwrap_err();
    assert!(refused.field_message("setup_code").is_some(), "the old code no longer works");
    assert!(app.invoke(&anonymous, FirstRun { input: first_run_input(&new) }).await.is_ok());
}
