//! A pair's year of work through the real router on both databases: meetings planned by one
//! partner and recorded by the other, the plan saved by both at once, the diary's privacy,
//! the curator's flags, and closing a pair with its result and letter of thanks.

use app::api::pairs::*;
use app::error::AppError;
use domain::models::*;

use super::helpers::{Caller, TestApp};
use crate::on_both_backends;

/// The pilot programme and the pair of `nastavnik1` (mentor) and `molodoy1` (mentee).
async fn pilot_pair(app: &TestApp) -> (Caller, Caller, Caller, i64, i64, i64) {
    let curator = app.login("curator", "kurator1").await;
    let mentor = app.login("mentor", "nastavnik1").await;
    let mentee = app.login("mentee", "molodoy1").await;
    let programme = app.programme(&curator, None).await;
    let mentor_id = mentor.user.as_ref().and_then(|u| u.participant_id).expect("mentor's record");
    let mentee_id = mentee.user.as_ref().and_then(|u| u.participant_id).expect("mentee's record");
    (curator, mentor, mentee, programme, mentor_id, mentee_id)
}

fn meeting(date: &str, held: bool, topic: &str) -> MeetingInput {
    MeetingInput {
        kind: "series".into(),
        date: date.into(),
        minutes: "40".into(),
        format: "remote".into(),
        topic: topic.into(),
        done: if held { "Разобрали план урока".into() } else { String::new() },
        next_step: String::new(),
        held,
    }
}

on_both_backends!(a_meeting_planned_by_the_mentor_is_recorded_by_the_mentee_and_counted_for_the_curator, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let (curator, mentor, mentee, programme, mentor_id, _) = pilot_pair(&app).await;
    let workspace = |who: &Caller| {
        let who = who.clone();
        let app = &app;
        async move { app.invoke(&who, PairWorkspace { programme_id: programme, mentor_id }).await }
    };
    let before = workspace(&mentor).await.expect("the mentor's workspace");
    assert_eq!(before.role, WorkRole::Mentor);
    assert!(before.read_only.is_none(), "{:?}", before.read_only);

    // Bad input: every field says what is wrong, nothing is stored.
    let bad = MeetingInput { kind: "party".into(), date: "32.13.2026".into(), minutes: "0".into(), ..meeting("", false, "") };
    let refused = app.invoke(&mentor, SaveMeeting { programme_id: programme, mentor_id, meeting_id: None, base_version: 0, input: bad }).await.unwrap_err();
    for field in ["kind", "date", "minutes", "topic"] {
        assert!(refused.field_message(field).is_some(), "{field}: {refused:?}");
    }
    assert_eq!(workspace(&mentor).await.expect("workspace").meetings.len(), before.meetings.len());

    let id = app
        .invoke(&mentor, SaveMeeting { programme_id: programme, mentor_id, meeting_id: None, base_version: 0, input: meeting("2027-01-20", false, "Проверочная работа: разбор") })
        .await
        .expect("planned");
    let seen = workspace(&mentee).await.expect("the mentee's workspace");
    assert_eq!(seen.role, WorkRole::Mentee);
    let planned = seen.meetings.iter().find(|m| m.id == id).expect("the mentee sees the planned meeting");
    assert!(!planned.item.held);

    // The mentee records it; the mentor's change made on the old version is refused and
    // names who changed it; nothing of it is written.
    let held = meeting("2027-01-20", true, "Проверочная работа: разбор");
    app.invoke(&mentee, SaveMeeting { programme_id: programme, mentor_id, meeting_id: Some(id), base_version: planned.version, input: held }).await.expect("recorded");
    let late = app.invoke(&mentor, SaveMeeting { programme_id: programme, mentor_id, meeting_id: Some(id), base_version: planned.version, input: meeting("2027-01-21", false, "Перенос") }).await;
    match late {
        Err(AppError::Stale(lines)) => assert!(lines.join(" ").contains("изменил(а) эту запись"), "{lines:?}"),
        other => panic!("a stale change must be refused: {other:?}"),
    }
    let after = workspace(&mentor).await.expect("workspace");
    let recorded = after.meetings.iter().find(|m| m.id == id).expect("still there");
    assert!(recorded.item.held && recorded.item.date == "2027-01-20", "{recorded:?}");
    assert_eq!(recorded.updated_by, mentee.user.as_ref().expect("user").display_name);

    // The curator reads the pair but changes nothing in it, and sees the count on the overview.
    let read = workspace(&curator).await.expect("the curator reads");
    assert_eq!(read.role, WorkRole::Curator);
    let refused = app.invoke(&curator, SaveMeeting { programme_id: programme, mentor_id, meeting_id: None, base_version: 0, input: meeting("2027-01-25", false, "Куратор") }).await;
    assert_eq!(refused.unwrap_err(), AppError::Forbidden);
    let overview = app.invoke(&curator, ProgrammePairs { programme_id: programme }).await.expect("overview");
    let line = overview.pairs.iter().find(|p| p.mentor_id == mentor_id).expect("the pair");
    assert_eq!(line.figures.meetings_held, after.meetings.iter().filter(|m| m.item.held).count());
    // The demo's quiet pair is flagged, and flagged pairs come first.
    assert!(overview.pairs[0].flagged(), "{:?}", overview.pairs[0]);
    assert!(overview.pairs[0].warnings.iter().any(|w| matches!(w, PairWarning::Quiet { .. })), "{:?}", overview.pairs[0]);
});

on_both_backends!(two_partners_saving_the_plan_at_once_never_lose_each_others_work, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let (_, mentor, mentee, programme, mentor_id, mentee_id) = pilot_pair(&app).await;
    let plan = || async {
        let w = app.invoke(&mentor, PairWorkspace { programme_id: programme, mentor_id }).await.expect("workspace");
        w.mentees.into_iter().find(|m| m.mentee_id == mentee_id).expect("the mentee's plan")
    };
    let start = plan().await;
    assert!(start.plan_started && start.rows.len() >= 2);
    let (first, second) = (start.rows[0].clone(), start.rows[1].clone());
    let edited = |row: &Versioned<PlanRow>, activities: &str| PlanRowInput { activities: activities.into(), ..row.item.to_input() };

    // Different rows at once: both kept.
    let (a, b) = tokio::join!(
        app.invoke(&mentor, SavePlanRow { programme_id: programme, mentee_id, row_id: Some(first.id), base_version: first.version, input: edited(&first, "Наставник: разбор программы") }),
        app.invoke(&mentee, SavePlanRow { programme_id: programme, mentee_id, row_id: Some(second.id), base_version: second.version, input: edited(&second, "Наставляемый: банк заданий") }),
    );
    a.expect("the mentor's row");
    b.expect("the mentee's row");
    let now = plan().await;
    let text = |id: i64| now.rows.iter().find(|r| r.id == id).map(|r| r.item.activities.clone()).unwrap_or_default();
    assert_eq!(text(first.id), "Наставник: разбор программы");
    assert_eq!(text(second.id), "Наставляемый: банк заданий");

    // The same row at once: one is kept, the other is told who changed it; nothing is mixed.
    let row = now.rows.iter().find(|r| r.id == first.id).expect("row").clone();
    let (a, b) = tokio::join!(
        app.invoke(&mentor, SavePlanRow { programme_id: programme, mentee_id, row_id: Some(row.id), base_version: row.version, input: edited(&row, "Версия наставника") }),
        app.invoke(&mentee, SavePlanRow { programme_id: programme, mentee_id, row_id: Some(row.id), base_version: row.version, input: edited(&row, "Версия наставляемого") }),
    );
    let outcomes = [a.is_ok(), b.is_ok()];
    assert_eq!(outcomes.iter().filter(|ok| **ok).count(), 1, "exactly one of two saves on one version wins: {outcomes:?}");
    let loser = if a.is_ok() { b.unwrap_err() } else { a.unwrap_err() };
    assert!(matches!(loser, AppError::Stale(_)), "{loser:?}");
    let winner = if outcomes[0] { "Версия наставника" } else { "Версия наставляемого" };
    let now = plan().await;
    assert_eq!(now.rows.iter().find(|r| r.id == row.id).map(|r| r.item.activities.as_str()), Some(winner));

    // Rows added at once: both there, each once.
    let new_row = |deficit: &str| PlanRowInput {
        group: "communicative".into(), deficit: deficit.into(), activities: "Беседа с родителями".into(),
        deadline: "2027-03-01".into(), expected: String::new(), done: false, done_on: String::new(), note: String::new(),
    };
    let (a, b) = tokio::join!(
        app.invoke(&mentor, SavePlanRow { programme_id: programme, mentee_id, row_id: None, base_version: 0, input: new_row("Общение с родителями") }),
        app.invoke(&mentee, SavePlanRow { programme_id: programme, mentee_id, row_id: None, base_version: 0, input: new_row("Родительское собрание") }),
    );
    a.expect("added");
    b.expect("added");
    let now = plan().await;
    for deficit in ["Общение с родителями", "Родительское собрание"] {
        assert_eq!(now.rows.iter().filter(|r| r.item.deficit == deficit).count(), 1, "{deficit}");
    }
    assert_eq!(now.rows.len(), start.rows.len() + 2);
    assert!(now.history.iter().any(|(_, _, what)| what.contains("Родительское собрание")), "{:?}", now.history);

    // Marking a row done counts in the progress; a bad date is refused next to its field.
    let row = now.rows.iter().find(|r| r.item.deficit == "Общение с родителями").expect("row").clone();
    let bad = PlanRowInput { done: true, done_on: "вчера".into(), ..row.item.to_input() };
    let refused = app.invoke(&mentee, SavePlanRow { programme_id: programme, mentee_id, row_id: Some(row.id), base_version: row.version, input: bad }).await.unwrap_err();
    assert_eq!(refused.field_message("done_on").as_deref(), Some(domain::i18n::tr::ERR_DATE));
    let done = PlanRowInput { done: true, done_on: "2026-12-01".into(), note: "Провели беседу".into(), ..row.item.to_input() };
    app.invoke(&mentee, SavePlanRow { programme_id: programme, mentee_id, row_id: Some(row.id), base_version: row.version, input: done }).await.expect("done");
    assert_eq!(plan().await.progress.done, now.progress.done + 1);
});

on_both_backends!(a_diary_entry_is_read_only_by_whom_its_author_shared_it_with, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let (curator, mentor, mentee, programme, mentor_id, _) = pilot_pair(&app).await;
    let private = DiaryInput { written_on: "2026-12-01".into(), was_hard: "Секрет наставляемого: боюсь открытого урока".into(), ..DiaryInput::default() };
    let id = app.invoke(&mentee, SaveDiaryEntry { programme_id: programme, mentor_id, entry_id: None, input: private.clone() }).await.expect("written");
    let sees = |who: &Caller| {
        let who = who.clone();
        let app = &app;
        async move {
            let reply = app.call_fn(&who, PairWorkspace { programme_id: programme, mentor_id }).await;
            reply.text.contains("Секрет наставляемого")
        }
    };
    assert!(sees(&mentee).await, "its author reads it");
    assert!(!sees(&mentor).await, "the mentor does not");
    assert!(!sees(&curator).await, "the curator does not");
    // The mentor cannot change or delete it, and learns nothing of it.
    let theirs = app.invoke(&mentor, SaveDiaryEntry { programme_id: programme, mentor_id, entry_id: Some(id), input: private.clone() }).await;
    assert_eq!(theirs.unwrap_err(), AppError::NotFound);
    assert_eq!(app.invoke(&mentor, DeleteDiaryEntry { entry_id: id }).await.unwrap_err(), AppError::NotFound);

    // Shared with the curator only: the curator reads it, the mentor still does not.
    let shared = DiaryInput { share_curator: true, ..private.clone() };
    app.invoke(&mentee, SaveDiaryEntry { programme_id: programme, mentor_id, entry_id: Some(id), input: shared }).await.expect("shared");
    assert!(sees(&curator).await && !sees(&mentor).await);
    // The coordinator never reads a pair's workspace.
    let methodologist = app.login("methodologist", "metodist").await;
    assert_eq!(app.invoke(&methodologist, PairWorkspace { programme_id: programme, mentor_id }).await.unwrap_err(), AppError::NotFound);
    // An empty entry is refused in Russian.
    let empty = DiaryInput { written_on: "2026-12-01".into(), ..DiaryInput::default() };
    let refused = app.invoke(&mentee, SaveDiaryEntry { programme_id: programme, mentor_id, entry_id: None, input: empty }).await.unwrap_err();
    assert_eq!(refused.field_message("went_well").as_deref(), Some(domain::i18n::tr::ERR_DIARY_EMPTY));
});

on_both_backends!(a_closed_pair_is_read_only_and_its_mentor_gets_a_letter_of_thanks, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let (curator, mentor, mentee, programme, mentor_id, mentee_id) = pilot_pair(&app).await;
    // Finishing needs the goals reached; an extension a later day; an early end a reason.
    let silent = OutcomeInput { decision: "finished".into(), ..OutcomeInput::default() };
    let refused = app.invoke(&curator, SaveOutcome { programme_id: programme, mentee_id, input: silent }).await.unwrap_err();
    assert!(refused.field_message("goals_reached").is_some(), "{refused:?}");
    // Only the curator closes a pair.
    let by_mentor = OutcomeInput { decision: "finished".into(), goals_reached: "Всё".into(), ..OutcomeInput::default() };
    assert_eq!(app.invoke(&mentor, SaveOutcome { programme_id: programme, mentee_id, input: by_mentor }).await.unwrap_err(), AppError::NotFound);

    app.invoke(&mentor, SaveReview { programme_id: programme, mentee_id, review: "Ответственный, открытый к советам педагог.".into() }).await.expect("the mentor's отзыв");
    assert_eq!(app.invoke(&mentee, SaveReview { programme_id: programme, mentee_id, review: "Сам о себе".into() }).await.unwrap_err(), AppError::Forbidden);
    let result = OutcomeInput {
        decision: "finished".into(),
        goals_reached: "Составляет рабочую программу сама".into(),
        changes: "Уверенно ведёт журнал".into(),
        ..OutcomeInput::default()
    };
    app.invoke(&curator, SaveOutcome { programme_id: programme, mentee_id, input: result }).await.expect("closed");

    let w = app.invoke(&mentor, PairWorkspace { programme_id: programme, mentor_id }).await.expect("workspace");
    assert_eq!(w.status, PairStatus::Finished);
    assert!(w.read_only.is_some());
    let completion = &w.mentees[0].completion;
    assert_eq!(completion.outcome.as_ref().map(|o| o.decision), Some(Decision::Finished));
    assert_eq!(completion.review, "Ответственный, открытый к советам педагог.");
    // Nothing of a finished pair changes.
    let late = app.invoke(&mentor, SaveMeeting { programme_id: programme, mentor_id, meeting_id: None, base_version: 0, input: meeting("2027-02-01", false, "Ещё одна") }).await;
    assert_eq!(late.unwrap_err(), AppError::Refused(domain::i18n::tr::PAIR_FINISHED.into()));
    let row = w.mentees[0].rows[0].clone();
    let late = app.invoke(&mentee, SavePlanRow { programme_id: programme, mentee_id, row_id: Some(row.id), base_version: row.version, input: row.item.to_input() }).await;
    assert!(matches!(late, Err(AppError::Refused(_))), "{late:?}");

    // The letter of thanks: chosen by the curator, filled from the pair's work.
    app.invoke(&curator, ChooseForThanks { programme_id: programme, mentor_id, chosen: true }).await.expect("chosen");
    let letters = app.invoke(&curator, ThanksLetters { programme_id: programme }).await.expect("letters");
    let mentor_name = &mentor.user.as_ref().expect("user").display_name;
    let letter = letters.iter().find(|l| &l.mentor == mentor_name).expect("the mentor's letter");
    assert!(letter.body.contains("Составляет рабочую программу сама") && letter.body.contains("встреч"), "{}", letter.body);
    assert!(letter.school.contains("Лицей"));
    let docx = app.get(&curator, &format!("/export/thanks/{programme}.docx")).await;
    assert!(docx.ok() && docx.bytes.starts_with(b"PK"), "{}", docx.status);
    assert_eq!(app.get(&mentor, &format!("/export/thanks/{programme}.docx")).await.status.as_u16(), 404);
    assert_eq!(app.invoke(&mentor, ThanksLetters { programme_id: programme }).await.unwrap_err(), AppError::NotFound);
});

on_both_backends!(a_mentors_home_shows_the_next_meeting_the_plan_and_reminders, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let (_, mentor, mentee, _, _, _) = pilot_pair(&app).await;
    let home = app.invoke(&mentor, app::api::participants::MyProfile {}).await.expect("home");
    let pair = home.pairs.first().expect("the mentor's pair");
    assert!(pair.as_mentor);
    let next = pair.next_meeting.as_ref().expect("the demo plans a meeting tomorrow");
    assert_eq!(next.topic, "Подготовка открытого урока");
    assert!(pair.plan.planned >= 4 && pair.plan.done >= 1, "{:?}", pair.plan);
    assert!(home.reminders.iter().any(|r| matches!(r, Reminder::MeetingSoon { topic, .. } if topic == "Подготовка открытого урока")), "{:?}", home.reminders);
    let count = app.invoke(&mentee, app::api::participants::MyReminderCount {}).await.expect("count");
    let mentees_home = app.invoke(&mentee, app::api::participants::MyProfile {}).await.expect("home");
    assert_eq!(count, mentees_home.reminders.len());
    // The mentee's waiting exit questionnaire is among them.
    assert!(mentees_home.reminders.iter().any(|r| matches!(r, Reminder::Questionnaire { .. })), "{:?}", mentees_home.reminders);
});

on_both_backends!(the_final_report_counts_the_pilots_year_as_the_demo_recorded_it, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let (curator, mentor, _, programme, _, _) = pilot_pair(&app).await;
    let report = app.invoke(&curator, FinalReport { programme_id: programme }).await.expect("the report");
    let w = &report.work;
    // The demo's three pairs: 5 + 6 + 3 meetings held; plans of 4, 2 and 2 rows with 1, 2 and 0 done.
    assert_eq!((w.pairs, w.mentors, w.mentees), (3, 3, 3));
    assert_eq!(w.meetings_held, 14);
    assert_eq!(w.meetings_by_kind.iter().find(|(k, _)| *k == MeetingKind::Acquaintance).map(|(_, n)| *n), Some(3));
    assert_eq!((w.plan.planned, w.plan.done, w.plan_percent), (8, 3, 38));
    assert_eq!(w.decisions, vec![(Decision::Finished, 1)]);
    assert_eq!(w.undecided, 2);
    assert_eq!(report.practices.len(), 1, "the pilot's practice");
    assert_eq!(report.pairs.iter().filter(|p| p.mentees.iter().any(|m| m.decision == Some(Decision::Finished))).count(), 1);
    // A meeting recorded now is in the next report.
    let mentor_id = mentor.user.as_ref().and_then(|u| u.participant_id).expect("mentor");
    app.invoke(&mentor, SaveMeeting { programme_id: programme, mentor_id, meeting_id: None, base_version: 0, input: meeting("2026-11-30", true, "Разбор") }).await.expect("recorded");
    let again = app.invoke(&curator, FinalReport { programme_id: programme }).await.expect("the report");
    assert_eq!(again.work.meetings_held, 15);
    let xlsx = app.get(&curator, &format!("/export/final/{programme}.xlsx")).await;
    assert!(xlsx.ok() && xlsx.bytes.starts_with(b"PK"), "{}", xlsx.status);
    assert_eq!(app.get(&mentor, &format!("/export/final/{programme}.xlsx")).await.status.as_u16(), 404);
});
