//! Reports and decks through the real router: the figures a forum talk and an analytic report
//! show, the frozen snapshot, who may open what, and the deck documents.

use domain::reports::deck::{Deck, DeckSummary, SlideContent};
use domain::reports::{SchoolReport, Snapshot};
use app::api::decks::{CreateDeck, GetDeck, ListDecks, RefreshDeck, SaveDeck};
use app::api::reports::{GetSchoolReport, GetSwot, SaveSwot};

use crate::helpers::TestApp;
use crate::on_both_backends;

fn parse<T: serde::de::DeserializeOwned>(reply: &crate::helpers::Reply) -> T {
    serde_json::from_str(&reply.text).unwrap_or_else(|e| panic!("{e}: {} {}", reply.status, reply.text))
}

on_both_backends!(the_demo_deck_shows_the_figures_of_the_talk, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let methodologist = app.login("methodologist", "metodist").await;
    let decks: Vec<DeckSummary> = parse(&app.call_fn(&methodologist, ListDecks {}).await);
    assert_eq!(decks.len(), 1, "the demo brings the district talk");
    let deck: Deck = parse(&app.call_fn(&methodologist, GetDeck { id: decks[0].id }).await);
    let s = &deck.snapshot;

    // The district: 579 teachers, 114 under 35, 46 young (8 %), 26 of 32 organisations (81 %).
    assert_eq!((s.district.teachers_total, s.district.teachers_under_35, s.district.young_specialists), (579, 114, 46));
    assert_eq!(domain::models::percent(s.district.organisations_in_mentoring, s.district.organisations_total), 81);

    // The pilot: 3 mentors, 3 mentees, 1 curator — 7.
    let pilot = s.schools.iter().find(|x| x.name.contains("Лицей № 1")).expect("pilot");
    assert_eq!((pilot.mentors, pilot.mentees, pilot.curators, pilot.participants_total()), (3, 3, 1, 7));

    // School № 7: 100 students and 7 teachers; 20 / 20 / 10 / 24 / 25 / 1 per variant; 12 % ≥ 10 %.
    let school7 = s.schools.iter().find(|x| x.name.contains("№ 7")).expect("school 7");
    let mut per_variant: Vec<i64> = school7.students_per_variant().map(|(_, n)| n).collect();
    per_variant.sort_unstable();
    assert_eq!(per_variant, [1, 10, 20, 20, 24, 25]);
    assert_eq!((school7.students_involved, school7.teachers_involved), (100, 7));
    assert_eq!(school7.coverage_percent(), 12);
    assert!(school7.meets_indicator());

    // Entry against exit across the district: 31 → 22 %, 38 → 23 %, 66 %.
    let difficulties = s.comparison(None, "young_teacher_difficulties").expect("comparison");
    // The pilot school's own: 3 answered on entry, 2 so far at exit.
    let own = s.comparison(Some(pilot.organisation_id), "young_teacher_difficulties").expect("the pilot's comparison");
    let own_difficulties = own.questions.iter().find(|q| q.key == "difficulties").expect("difficulties");
    assert_eq!((own_difficulties.entry_n, own_difficulties.exit_n), (3, 2));
    let question = difficulties.questions.iter().find(|q| q.key == "difficulties").expect("difficulties");
    assert_eq!((question.rows[0].entry.percent, question.rows[0].exit.percent), (31, 22));
    assert_eq!((question.rows[1].entry.percent, question.rows[1].exit.percent), (38, 23));

    // The pilot's Kirkpatrick levels all have answers, and its SWOT is on the deck.
    let programme = s.programmes.iter().find(|p| p.organisation.contains("Лицей № 1")).expect("pilot programme");
    assert!(programme.kirkpatrick.levels.iter().all(|l| l.respondents == 3), "{:?}", programme.kirkpatrick);
    assert!(!programme.swot.strengths.is_empty());
    let kinds: Vec<&str> = deck.slides.iter().map(|slide| slide.content.kind()).collect();
    for kind in ["title", "district", "coverage", "counts", "variants", "before_after", "kirkpatrick", "swot", "text"] {
        assert!(kinds.contains(&kind), "the story has a {kind} slide: {kinds:?}");
    }
});

on_both_backends!(a_deck_keeps_its_numbers_until_the_snapshot_is_refreshed, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let methodologist = app.login("methodologist", "metodist").await;
    let id: i64 = parse(&app.call_fn(&methodologist, CreateDeck { title: "Совещание".into(), story: true }).await);
    let before: Deck = parse(&app.call_fn(&methodologist, GetDeck { id: id }).await);
    let pilot_of = |s: &Snapshot| s.schools.iter().find(|x| x.name.contains("Лицей № 1")).expect("pilot").mentees;
    assert_eq!(pilot_of(&before.snapshot), 3);

    // A curator adds a mentee: the deck does not move.
    sqlx::query("UPDATE participants SET role = 'mentee' WHERE id = (SELECT MIN(p.id) FROM participants p JOIN organisations o ON o.id = p.organisation_id WHERE o.name LIKE '%Лицей%' AND p.role = 'mentor')")
        .execute(&app.db.pool)
        .await
        .expect("change");
    let still: Deck = parse(&app.call_fn(&methodologist, GetDeck { id: id }).await);
    assert_eq!(pilot_of(&still.snapshot), 3);
    assert_eq!(still.snapshot.taken_at, before.snapshot.taken_at);

    // Refreshing is explicit, and then the new figure shows.
    let fresh: Snapshot = parse(&app.call_fn(&methodologist, RefreshDeck { id: id }).await);
    assert_eq!(pilot_of(&fresh), 4);
    let after: Deck = parse(&app.call_fn(&methodologist, GetDeck { id: id }).await);
    assert_eq!(pilot_of(&after.snapshot), 4);
});

on_both_backends!(a_deck_refuses_bad_slides_in_russian_and_keeps_what_was_saved, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let methodologist = app.login("methodologist", "metodist").await;
    let decks: Vec<DeckSummary> = parse(&app.call_fn(&methodologist, ListDecks {}).await);
    let id = decks[0].id;
    let deck: Deck = parse(&app.call_fn(&methodologist, GetDeck { id: id }).await);

    // Reordered and saved: the order stays.
    let mut slides = deck.slides.clone();
    slides.swap(1, 2);
    assert!(app.call_fn(&methodologist, SaveDeck { id, title: deck.title.clone(), slides: slides.clone() }).await.ok());
    let saved: Deck = parse(&app.call_fn(&methodologist, GetDeck { id: id }).await);
    assert_eq!(saved.slides, slides);

    // A school that is not in the snapshot, an image that is not an image, an empty title.
    let mut broken = slides.clone();
    broken.push(domain::reports::deck::Slide { content: SlideContent::Counts { organisation_id: 99_999 }, notes: String::new() });
    let reply = app.call_fn(&methodologist, SaveDeck { id, title: "Итоги".into(), slides: broken.clone() }).await;
    assert_eq!(reply.status.as_u16(), 400);
    assert!(reply.text.contains("нет в снимке"), "{}", reply.text);
    let mut script = slides.clone();
    script.push(domain::reports::deck::Slide {
        content: SlideContent::Text { heading: "x".into(), body: String::new(), image: Some("data:text/html;base64,PHNjcmlwdD4=".into()) },
        notes: String::new(),
    });
    let reply = app.call_fn(&methodologist, SaveDeck { id, title: "Итоги".into(), slides: script.clone() }).await;
    assert!(reply.text.contains("PNG, JPEG или WebP"), "{}", reply.text);
    let reply = app.call_fn(&methodologist, SaveDeck { id, title: "  ".into(), slides: slides.clone() }).await;
    assert!(reply.text.contains("Укажите название"), "{}", reply.text);
    let unchanged: Deck = parse(&app.call_fn(&methodologist, GetDeck { id: id }).await);
    assert_eq!((unchanged.title, unchanged.slides), (saved.title, saved.slides));
});

on_both_backends!(decks_and_reports_open_only_for_those_who_may_see_them, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let methodologist = app.login("methodologist", "metodist").await;
    let curator = app.login("curator", "kurator1").await;
    let other_curator = app.login("curator7", "kurator7").await;
    let mentee = app.login("mentee", "molodoy1").await;
    let id = parse::<Vec<DeckSummary>>(&app.call_fn(&methodologist, ListDecks {}).await)[0].id;

    for caller in [&curator, &mentee] {
        assert_eq!(app.call_fn(caller, ListDecks {}).await.status.as_u16(), 403, "{}", caller.name);
        assert_eq!(app.call_fn(caller, GetDeck { id: id }).await.status.as_u16(), 404, "{}", caller.name);
        assert_eq!(app.get(caller, &format!("/decks/{id}/present")).await.status.as_u16(), 404, "{}", caller.name);
        assert_eq!(app.get(caller, &format!("/decks/{id}/export.html")).await.status.as_u16(), 404, "{}", caller.name);
    }
    assert_eq!(app.get(&TestApp::anonymous(), &format!("/decks/{id}/present")).await.status.as_u16(), 401);

    // The document to present links the cached scripts; the export carries them inside.
    let present = app.get(&methodologist, &format!("/decks/{id}/present")).await;
    assert!(present.ok());
    assert!(present.text.contains("src=\"/static/echarts-5.5.1-nastavnik.min.js\"") && present.text.contains("data-chart"));
    assert!(present.text.matches("class=\"slide slide-").count() >= 9);
    let export = app.get(&methodologist, &format!("/decks/{id}/export.html")).await;
    assert!(export.ok());
    assert!(!export.text.contains("src=\"/") && !export.text.contains("href=\"/static"), "the offline file fetches nothing");
    assert!(export.text.contains("echarts") && export.text.len() > 500_000);

    // The analytic report: the curator's own school, any school for the methodologist.
    let own: SchoolReport = parse(&app.call_fn(&curator, GetSchoolReport { organisation_id: None }).await);
    assert_eq!(own.figures.participants_total(), 7);
    let school7 = own.figures.organisation_id + 1;
    assert_eq!(app.call_fn(&curator, GetSchoolReport { organisation_id: Some(school7) }).await.status.as_u16(), 403);
    let seen: SchoolReport = parse(&app.call_fn(&methodologist, GetSchoolReport { organisation_id: Some(school7) }).await);
    assert_eq!(seen.figures.students_involved, 100);
    let xlsx = app.get(&curator, &format!("/export/school/{}.xlsx", own.figures.organisation_id)).await;
    assert!(xlsx.ok() && xlsx.text.starts_with("PK"), "a workbook (zip)");
    assert_eq!(app.get(&curator, &format!("/export/school/{school7}.xlsx")).await.status.as_u16(), 404);
    assert_eq!(app.get(&other_curator, &format!("/export/school/{school7}.xlsx")).await.status.as_u16(), 200);
});

on_both_backends!(the_swot_board_is_written_by_the_curator_only, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let curator = app.login("curator", "kurator1").await;
    let methodologist = app.login("methodologist", "metodist").await;
    let other = app.login("curator7", "kurator7").await;
    let programme = 1;
    let board: app::api::reports::SwotBoard = parse(&app.call_fn(&curator, GetSwot { programme_id: programme }).await);
    assert!(board.can_edit);
    assert!(board.open_answers.iter().any(|(_, text)| text.contains("олимпиады")), "open answers to pull: {:?}", board.open_answers);

    let mut swot = board.swot.clone();
    swot.threats.push("  Нехватка времени  ".into());
    swot.threats.push("   ".into());
    let stored: domain::reports::Swot = parse(&app.call_fn(&curator, SaveSwot { programme_id: programme, swot: swot.clone() }).await);
    assert_eq!(stored.threats.last().map(String::as_str), Some("Нехватка времени"), "trimmed, and the blank item dropped");

    let mut too_long = stored.clone();
    too_long.weaknesses.push("я".repeat(301));
    let reply = app.call_fn(&curator, SaveSwot { programme_id: programme, swot: too_long.clone() }).await;
    assert_eq!(reply.status.as_u16(), 400);
    assert!(reply.text.contains("длиннее 300 символов"), "{}", reply.text);
    let read: app::api::reports::SwotBoard = parse(&app.call_fn(&methodologist, GetSwot { programme_id: programme }).await);
    assert_eq!(read.swot, stored, "nothing half-saved");
    assert!(!read.can_edit);
    assert_eq!(app.call_fn(&methodologist, SaveSwot { programme_id: programme, swot: stored.clone() }).await.status.as_u16(), 403);
    assert_eq!(app.call_fn(&other, GetSwot { programme_id: programme }).await.status.as_u16(), 404);
});

on_both_backends!(a_deck_shows_the_pairs_meetings_plans_and_the_forums_practices, |backend| async move {
    use domain::reports::deck::{Slide, SlideContent};
    let app = TestApp::spawn(backend).await;
    let methodologist = app.login("methodologist", "metodist").await;
    let id: i64 = parse(&app.call_fn(&methodologist, CreateDeck { title: "Итоги года".into(), story: false }).await);
    let deck: Deck = parse(&app.call_fn(&methodologist, GetDeck { id }).await);
    let pilot = deck.snapshot.programmes.iter().find(|p| p.organisation.contains("Лицей № 1")).expect("the pilot's results");
    assert_eq!((pilot.work.meetings_held, pilot.work.plan.planned, pilot.work.plan.done), (14, 8, 3));
    assert_eq!(deck.snapshot.practices.len(), 1, "the practice marked for the forum");
    let slide = |content: SlideContent| Slide { content, notes: String::new() };
    let slides = vec![
        slide(SlideContent::Meetings { programme_id: pilot.programme_id }),
        slide(SlideContent::Plans { programme_id: pilot.programme_id }),
        slide(SlideContent::Practices),
    ];
    let saved = app.call_fn(&methodologist, SaveDeck { id, title: "Итоги года".into(), slides }).await;
    assert!(saved.ok(), "{}", saved.text);
    let present = app.get(&methodologist, &format!("/decks/{id}/present")).await;
    for expected in ["встречи наставнических пар", "Встреча-знакомство", "38 %", "Завершена", "Взаимопосещение уроков по карте наблюдения"] {
        assert!(present.text.contains(expected), "the presented deck shows {expected}");
    }
    // A slide about a programme that is not in the snapshot is refused.
    let wrong = vec![slide(SlideContent::Meetings { programme_id: 999_999 })];
    assert!(!app.call_fn(&methodologist, SaveDeck { id, title: "Итоги года".into(), slides: wrong }).await.ok());
});
