//! Access given and taken: a curator's invitations for mentors and mentees, a coordinator's
//! curators, the first entry with a slip's code, and a change of one's own password.

use app::api::accounts::*;
use app::api::auth::{ChangePassword, Welcome, Whoami};
use app::error::AppError;
use domain::models::{Access, InvitationSlip, PasswordChangeInput, UserRole, WelcomeInput};

use super::helpers::{Caller, TestApp};
use crate::on_both_backends;

const CHOSEN: &str = "сирень цветёт в мае";

fn first_entry(slip: &InvitationSlip, password: &str) -> Welcome {
    Welcome { input: WelcomeInput { login: slip.login.clone(), code: slip.code.clone(), password: password.into(), password_again: password.into() } }
}

/// A caller signed in with the cookie a reply set.
fn signed_in(name: &'static str, reply: &super::helpers::Reply) -> Caller {
    let cookie = reply.set_cookie.clone().unwrap_or_else(|| panic!("{name} got no cookie: {}", reply.text));
    Caller { name, cookie: Some(cookie.split(';').next().expect("pair").to_owned()), user: None }
}

on_both_backends!(a_curator_gives_access_and_the_person_chooses_a_password_at_the_first_entry, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let curator = app.login("curator", "kurator12").await;
    let page = app.invoke(&curator, GetSchoolAccess { organisation_id: None }).await.expect("access page");
    assert!(page.can_edit);
    let newcomers: Vec<_> = page.people.iter().filter(|p| p.access == Access::None).take(2).collect();
    assert_eq!(newcomers.len(), 2, "school 12 has people without accounts");
    let ids: Vec<i64> = newcomers.iter().map(|p| p.participant_id).collect();
    let slips = app.invoke(&curator, InviteParticipants { participant_ids: ids.clone() }).await.expect("slips");
    assert_eq!(slips.len(), 2);
    assert_eq!(slips[0].name, newcomers[0].name);
    assert!(slips[0].login.contains('.') && slips[0].code.len() == 9, "{:?}", slips[0]);
    let page = app.invoke(&curator, GetSchoolAccess { organisation_id: None }).await.expect("access page");
    let invited = page.people.iter().find(|p| p.participant_id == ids[0]).expect("listed");
    assert!(matches!(invited.access, Access::Invited { .. }), "{:?}", invited.access);
    assert_eq!(invited.login.as_deref(), Some(slips[0].login.as_str()));

    // Nobody signs in with the code as a password; the first entry takes it once.
    assert_eq!(app.login_reply(&slips[0].login, &slips[0].code).await.status.as_u16(), 400);
    let wrong = app.invoke(&TestApp::anonymous(), Welcome { input: WelcomeInput { code: "0000-0000".into(), ..first_entry(&slips[0], CHOSEN).input } }).await;
    assert_eq!(wrong.unwrap_err().field_message("code").as_deref(), Some(domain::i18n::tr::ERR_INVITATION));
    let entered = app.call_fn(&TestApp::anonymous(), first_entry(&slips[0], CHOSEN)).await;
    assert!(entered.ok(), "{}", entered.text);
    let person = signed_in("newcomer", &entered);
    let me = app.invoke(&person, Whoami {}).await.expect("whoami").expect("signed in");
    assert_eq!((me.participant_id, me.role), (Some(ids[0]), if newcomers[0].role == domain::models::ParticipantRole::Mentor { UserRole::Mentor } else { UserRole::Mentee }));
    let again = app.invoke(&TestApp::anonymous(), first_entry(&slips[0], "ландыши цветут в июне")).await;
    assert!(again.unwrap_err().field_message("code").is_some(), "a code works once");
    assert!(app.login_reply(&slips[0].login, CHOSEN).await.ok());

    // A reset: a new code, and the old password and sessions stop working at once.
    let reset = app.invoke(&curator, InviteParticipants { participant_ids: vec![ids[0]] }).await.expect("reset");
    assert_eq!(reset[0].login, slips[0].login, "the same account");
    assert_eq!(app.invoke(&person, Whoami {}).await, Ok(None), "the session ended");
    assert_eq!(app.login_reply(&slips[0].login, CHOSEN).await.status.as_u16(), 400);
    assert!(app.call_fn(&TestApp::anonymous(), first_entry(&reset[0], CHOSEN)).await.ok());
});

#[tokio::test]
async fn a_curator_gives_access_only_to_their_own_schools_people_and_nothing_half_happens() {
    let app = TestApp::spawn(app::store::Backend::Sqlite).await;
    let curator = app.login("curator", "kurator12").await;
    let other = app.login("other", "kurator1").await;
    let mine = app.invoke(&curator, GetSchoolAccess { organisation_id: None }).await.expect("page");
    let theirs = app.invoke(&other, GetSchoolAccess { organisation_id: None }).await.expect("page");
    let free = mine.people.iter().find(|p| p.access == Access::None).expect("someone").participant_id;
    let foreign = theirs.people[0].participant_id;
    let mixed = app.invoke(&curator, InviteParticipants { participant_ids: vec![free, foreign] }).await;
    assert_eq!(mixed, Err(AppError::NotFound));
    let after = app.invoke(&curator, GetSchoolAccess { organisation_id: None }).await.expect("page");
    assert_eq!(after.people.iter().find(|p| p.participant_id == free).map(|p| p.access.clone()), Some(Access::None), "nobody got a code");
    let none = app.invoke(&curator, InviteParticipants { participant_ids: vec![] }).await;
    assert!(matches!(none, Err(AppError::Refused(_))));
}

on_both_backends!(a_coordinator_adds_a_curator_who_enters_with_the_code, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let coordinator = app.login("coordinator", "metodist").await;
    let schools = app.invoke(&coordinator, ListCurators {}).await.expect("curators");
    let school = schools.iter().find(|s| s.school.contains("№ 12")).expect("school 12").organisation_id;
    let bad = app.invoke(&coordinator, AddCurator { organisation_id: school, login: "Иванова".into(), display_name: " ".into() }).await.unwrap_err();
    assert!(bad.field_message("login").is_some() && bad.field_message("display_name").is_some(), "{bad:?}");
    let taken = app.invoke(&coordinator, AddCurator { organisation_id: school, login: "kurator1".into(), display_name: "Двойник".into() }).await;
    assert_eq!(taken.unwrap_err().field_message("login").as_deref(), Some(domain::i18n::tr::ERR_LOGIN_TAKEN));
    let slip = app.invoke(&coordinator, AddCurator { organisation_id: school, login: "Pavlova".into(), display_name: "Павлова Ирина Олеговна".into() }).await.expect("slip");
    assert_eq!(slip.login, "pavlova");
    let entered = app.call_fn(&TestApp::anonymous(), first_entry(&slip, CHOSEN)).await;
    assert!(entered.ok(), "{}", entered.text);
    let me = app.invoke(&signed_in("pavlova", &entered), Whoami {}).await.expect("whoami").expect("signed in");
    assert_eq!((me.role, me.organisation_id), (UserRole::Curator, Some(school)));

    // The coordinator resets a curator's access; a curator may not.
    let listed = app.invoke(&coordinator, ListCurators {}).await.expect("curators");
    let pavlova = listed.iter().find(|c| c.login.as_deref() == Some("pavlova")).and_then(|c| c.user_id).expect("listed");
    assert!(app.invoke(&coordinator, ResetCurator { user_id: pavlova }).await.is_ok());
    let curator = app.login("curator", "kurator1").await;
    assert_eq!(app.invoke(&curator, ResetCurator { user_id: pavlova }).await, Err(AppError::Forbidden));
    // A coordinator cannot reset a mentee or themself through this door.
    let mentee = app.login("mentee", "molodoy1").await.user.expect("user").id;
    assert_eq!(app.invoke(&coordinator, ResetCurator { user_id: mentee }).await, Err(AppError::NotFound));
});

on_both_backends!(changing_ones_password_checks_the_current_one_and_ends_other_sessions, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let here = app.login("here", "kurator7").await;
    let elsewhere = app.login("elsewhere", "kurator7").await;
    let change = |current: &str, new: &str| ChangePassword {
        input: PasswordChangeInput { current: current.into(), password: new.into(), password_again: new.into() },
    };
    let wrong = app.invoke(&here, change("не тот", CHOSEN)).await.unwrap_err();
    assert_eq!(wrong.field_message("current").as_deref(), Some(domain::i18n::tr::ERR_PASSWORD_CURRENT));
    let weak = app.invoke(&here, change(nastavnik::demo::DEMO_PASSWORD, "kurator7kurator7")).await.unwrap_err();
    assert_eq!(weak.field_message("password").as_deref(), Some(domain::i18n::tr::ERR_PASSWORD_LOGIN));
    assert_eq!(app.invoke(&here, change(nastavnik::demo::DEMO_PASSWORD, CHOSEN)).await, Ok(()));
    assert!(app.invoke(&here, Whoami {}).await.expect("whoami").is_some(), "this session stays");
    assert_eq!(app.invoke(&elsewhere, Whoami {}).await, Ok(None), "the other device is signed out");
    assert_eq!(app.login_reply("kurator7", nastavnik::demo::DEMO_PASSWORD).await.status.as_u16(), 400);
    assert!(app.login_reply("kurator7", CHOSEN).await.ok());
    assert_eq!(app.invoke(&TestApp::anonymous(), change(CHOSEN, CHOSEN)).await, Err(AppError::Unauthorized));
});

on_both_backends!(a_coordinator_adds_and_edits_schools_and_bad_counts_change_nothing, |backend| async move {
    use app::api::schools::{ListSchools, SaveSchool};
    use domain::models::SchoolInput;
    let app = TestApp::spawn(backend).await;
    let coordinator = app.login("coordinator", "metodist").await;
    let before = app.invoke(&coordinator, ListSchools {}).await.expect("schools").len();
    let input = SchoolInput {
        name: "МБОУ «Средняя школа № 3»".into(),
        short_name: "Школа № 3".into(),
        students_total: "540".into(),
        teachers_total: "41".into(),
        teachers_under_35: "9".into(),
        young_specialists: "3".into(),
        counts_on: "2026-09-01".into(),
    };
    let bad = app.invoke(&coordinator, SaveSchool { id: None, input: SchoolInput { students_total: "пятьсот".into(), ..input.clone() } }).await.unwrap_err();
    assert_eq!(bad.field_message("students_total").as_deref(), Some(domain::i18n::tr::ERR_COUNT));
    assert_eq!(app.invoke(&coordinator, ListSchools {}).await.expect("schools").len(), before);

    let id = app.invoke(&coordinator, SaveSchool { id: None, input: input.clone() }).await.expect("added");
    let edited = SchoolInput { students_total: "560".into(), counts_on: "2026-10-01".into(), ..input };
    assert_eq!(app.invoke(&coordinator, SaveSchool { id: Some(id), input: edited }).await, Ok(id));
    let schools = app.invoke(&coordinator, ListSchools {}).await.expect("schools");
    let school = schools.iter().find(|s| s.id == id).expect("listed");
    assert_eq!((school.students_total, school.counts_on.as_deref(), school.short_name.as_str()), (560, Some("2026-10-01"), "Школа № 3"));
    // The new school takes a curator at once.
    let slip = app.invoke(&coordinator, AddCurator { organisation_id: id, login: "shkola3".into(), display_name: "Орлова Анна".into() }).await;
    assert!(slip.is_ok(), "{slip:?}");
    assert_eq!(app.invoke(&coordinator, SaveSchool { id: Some(999_999), input: SchoolInput { name: "Чужая".into(), ..Default::default() } }).await, Err(AppError::NotFound));
});

on_both_backends!(the_districts_figures_follow_its_schools_and_programmes, |backend| async move {
    use app::api::participants::DistrictOverview;
    use app::api::programmes::{ArchiveProgramme, ListProgrammes};
    use app::api::schools::SaveSchool;
    use domain::models::SchoolInput;
    let app = TestApp::spawn(backend).await;
    let coordinator = app.login("coordinator", "metodist").await;
    let figures = |d: &domain::models::District| (d.teachers_total, d.teachers_under_35, d.young_specialists, d.organisations_in_mentoring, d.organisations_total);
    let before = figures(&app.invoke(&coordinator, DistrictOverview {}).await.expect("district").district);
    assert_eq!(before, (579, 114, 46, 26, 32), "the forum talk's figures, summed from the demo's schools");

    // More young teachers than teachers is refused, and nothing changes.
    let input = SchoolInput { name: "МБОУ «Средняя школа № 30»".into(), teachers_total: "20".into(), teachers_under_35: "5".into(), young_specialists: "2".into(), ..Default::default() };
    let bad = app.invoke(&coordinator, SaveSchool { id: None, input: SchoolInput { young_specialists: "21".into(), ..input.clone() } }).await.unwrap_err();
    assert_eq!(bad.field_message("young_specialists").as_deref(), Some(domain::i18n::tr::ERR_PART_OF_TEACHERS));
    app.invoke(&coordinator, SaveSchool { id: None, input }).await.expect("added");
    let after = figures(&app.invoke(&coordinator, DistrictOverview {}).await.expect("district").district);
    assert_eq!(after, (599, 119, 48, 26, 33), "a new school without a programme counts, but not as taking part");

    // School № 12's only programme goes to the archive: the school no longer takes part.
    let curator = app.login("curator", "kurator12").await;
    let programmes = app.invoke(&curator, ListProgrammes { organisation_id: None }).await.expect("list");
    assert_eq!(programmes.len(), 1);
    app.invoke(&curator, ArchiveProgramme { programme_id: programmes[0].id }).await.expect("archived");
    let archived = figures(&app.invoke(&coordinator, DistrictOverview {}).await.expect("district").district);
    assert_eq!(archived, (599, 119, 48, 25, 33));
});

#[tokio::test]
async fn every_change_to_access_schools_programmes_and_orders_is_in_the_log_without_secrets() {
    use app::api::accounts::AuditLog;
    let app = TestApp::spawn(app::store::Backend::Sqlite).await;
    let curator = app.login("curator", "kurator12").await;
    let page = app.invoke(&curator, GetSchoolAccess { organisation_id: None }).await.expect("page");
    let someone = page.people.iter().find(|p| p.access == Access::None).expect("someone").participant_id;
    let slips = app.invoke(&curator, InviteParticipants { participant_ids: vec![someone] }).await.expect("slips");
    assert!(app.call_fn(&TestApp::anonymous(), first_entry(&slips[0], CHOSEN)).await.ok());
    let coordinator = app.login("coordinator", "metodist").await;
    let school = app.invoke(&coordinator, ListCurators {}).await.expect("schools")[0].organisation_id;
    app.invoke(&coordinator, AddCurator { organisation_id: school, login: "zhurnal".into(), display_name: "Журналова Ирина".into() }).await.expect("added");

    let own = app.invoke(&curator, AuditLog { organisation_id: None }).await.expect("school log");
    let district = app.invoke(&coordinator, AuditLog { organisation_id: None }).await.expect("district log");
    let text = |lines: &[domain::models::AuditLine]| lines.iter().map(|l| format!("{} | {}", l.user_name, l.summary)).collect::<Vec<_>>().join("\n");
    assert!(text(&own).contains(&format!("Выдан доступ (1 учётная запись): {}", slips[0].login)), "{}", text(&own));
    assert!(text(&own).contains(&format!("Первый вход {} по коду приглашения", slips[0].login)), "{}", text(&own));
    assert!(!text(&own).contains("zhurnal"), "a curator sees only their school's part");
    assert!(text(&district).contains("Создана учётная запись куратора zhurnal"), "{}", text(&district));
    assert!(text(&district).contains(&slips[0].login), "the coordinator sees the whole district");
    for secret in [slips[0].code.as_str(), CHOSEN] {
        assert!(!text(&district).contains(secret), "the log holds no code or password");
    }
    let mentee = app.login("mentee", "molodoy1").await;
    assert_eq!(app.invoke(&mentee, AuditLog { organisation_id: None }).await, Err(AppError::Forbidden));
}

on_both_backends!(a_disabled_account_and_an_expired_code_open_nothing, |backend| async move {
    use app::api::programmes::{CreateProgramme, GetOrderDetails, ListProgrammes};
    use app::api::schools::ListSchools;
    let app = TestApp::spawn(backend).await;
    let curator = app.login("curator", "kurator1").await;
    let programme = app.programme(&curator, None).await;
    assert!(app::store::users::disable(&app.db, "kurator1").await.expect("disable"));
    // The session it had is over for every function, and the password no longer signs in.
    let unauthorized = Err(AppError::Unauthorized);
    assert_eq!(app.invoke(&curator, GetSchoolAccess { organisation_id: None }).await.map(|_| ()), unauthorized.clone());
    assert_eq!(app.invoke(&curator, InviteParticipants { participant_ids: vec![1] }).await.map(|_| ()), unauthorized.clone());
    assert_eq!(app.invoke(&curator, ListProgrammes { organisation_id: None }).await.map(|_| ()), unauthorized.clone());
    assert_eq!(app.invoke(&curator, CreateProgramme { input: Default::default() }).await.map(|_| ()), unauthorized.clone());
    assert_eq!(app.invoke(&curator, GetOrderDetails { programme_id: programme }).await.map(|_| ()), unauthorized.clone());
    assert_eq!(app.invoke(&curator, ListSchools {}).await.map(|_| ()), unauthorized.clone());
    assert_eq!(app.invoke(&curator, app::api::documents::ListDocuments { organisation_id: None }).await.map(|_| ()), unauthorized.clone());
    let regulation = [("kind", "regulation"), ("programme_id", ""), ("number", "1"), ("signed_on", "2026-08-25")];
    assert_eq!(app.upload_form(&curator, "documents/add", &regulation, None).await.status.as_u16(), 401);
    let update = app::api::programmes::UpdateProgramme { programme_id: programme, input: Default::default(), passport: Default::default(), period_reason: String::new() };
    assert_eq!(app.invoke(&curator, update).await.map(|_| ()), unauthorized.clone());
    assert_eq!(app.invoke(&curator, app::api::accounts::AuditLog { organisation_id: None }).await.map(|_| ()), unauthorized);
    assert_eq!(app.invoke(&curator, Whoami {}).await, Ok(None));
    assert_eq!(app.get(&curator, "/export/participants.csv").await.status.as_u16(), 401);
    assert_eq!(app.login_reply("kurator1", nastavnik::demo::DEMO_PASSWORD).await.status.as_u16(), 400);

    // An invitation past its date opens nothing, and neither does a disabled account's.
    let other = app.login("curator", "kurator12").await;
    let people = app.invoke(&other, GetSchoolAccess { organisation_id: None }).await.expect("page").people;
    let ids: Vec<i64> = people.iter().filter(|p| p.access == Access::None).take(2).map(|p| p.participant_id).collect();
    let slips = app.invoke(&other, InviteParticipants { participant_ids: ids }).await.expect("slips");
    sqlx::query("UPDATE invitations SET expires_at = 1 WHERE user_id = (SELECT id FROM users WHERE login = $1)")
        .bind(&slips[0].login).execute(&app.db.pool).await.expect("age the code");
    let expired = app.invoke(&TestApp::anonymous(), first_entry(&slips[0], CHOSEN)).await.unwrap_err();
    assert_eq!(expired.field_message("code").as_deref(), Some(domain::i18n::tr::ERR_INVITATION));
    assert!(app::store::users::disable(&app.db, &slips[1].login).await.expect("disable"));
    let disabled = app.invoke(&TestApp::anonymous(), first_entry(&slips[1], CHOSEN)).await.unwrap_err();
    assert!(disabled.field_message("code").is_some());
});

on_both_backends!(a_curator_disables_a_mentees_access_and_gives_it_back, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let curator = app.login("curator", "kurator1").await;
    let mentee = app.login("mentee", "molodoy1").await;
    let mentee_user = mentee.user.as_ref().expect("user").id;
    let other = app.login("other", "kurator7").await;
    assert_eq!(app.invoke(&other, DisableAccount { user_id: mentee_user }).await, Err(AppError::NotFound), "not their school");
    let coordinator = app.login("coordinator", "metodist").await;
    assert_eq!(app.invoke(&coordinator, DisableAccount { user_id: mentee_user }).await, Err(AppError::NotFound), "a coordinator disables curators");

    assert_eq!(app.invoke(&curator, DisableAccount { user_id: mentee_user }).await, Ok(()));
    assert_eq!(app.invoke(&mentee, Whoami {}).await, Ok(None), "signed out at once");
    assert_eq!(app.login_reply("molodoy1", nastavnik::demo::DEMO_PASSWORD).await.status.as_u16(), 400);
    let page = app.invoke(&curator, GetSchoolAccess { organisation_id: None }).await.expect("page");
    let row = page.people.iter().find(|p| p.user_id == Some(mentee_user)).expect("listed");
    assert_eq!(row.access, Access::Disabled);

    // Giving access again enables the account with a new code.
    let slips = app.invoke(&curator, InviteParticipants { participant_ids: vec![row.participant_id] }).await.expect("slip");
    assert_eq!(slips[0].login, "molodoy1");
    assert!(app.call_fn(&TestApp::anonymous(), first_entry(&slips[0], CHOSEN)).await.ok());
    assert!(app.login_reply("molodoy1", CHOSEN).await.ok());

    // The coordinator disables a curator of the district.
    let curator7 = other.user.as_ref().expect("user").id;
    assert_eq!(app.invoke(&coordinator, DisableAccount { user_id: curator7 }).await, Ok(()));
    assert_eq!(app.invoke(&other, Whoami {}).await, Ok(None));
    assert_eq!(app.invoke(&curator, DisableAccount { user_id: curator7 }).await, Err(AppError::NotFound));
});
