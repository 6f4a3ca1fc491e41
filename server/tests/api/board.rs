//! The pair-formation board through its server functions.

use app::api::board::{ApplyBoard, GetBoard};
use domain::matching::board::{Board, BoardOp, Move};
use app::store::Backend;

use sqlx::Row;

use super::helpers::{Caller, TestApp};
use crate::on_both_backends;

/// School № 12's programme: 1 mentor (capacity 3), 4 mentees, no pairs yet.
async fn school12(app: &TestApp) -> (Caller, i64) {
    let curator = app.login("curator", "kurator12").await;
    let programme = app.programme(&curator, None).await;
    (curator, programme)
}

async fn board(app: &TestApp, caller: &Caller, programme_id: i64) -> Board {
    app.invoke(caller, GetBoard { programme_id }).await.unwrap_or_else(|e| panic!("board: {e:?}"))
}

fn apply(programme_id: i64, base_version: i64, op: BoardOp) -> ApplyBoard {
    ApplyBoard { programme_id, base_version, op }
}

fn to(mentee_id: i64, mentor_id: Option<i64>) -> BoardOp {
    BoardOp::Move(Move { mentee_id, mentor_id, reason: None })
}

#[tokio::test]
async fn the_board_is_the_curators_to_edit_and_the_methodologists_to_read() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (curator, programme) = school12(&app).await;
    let b = board(&app, &curator, programme).await;
    assert!(b.can_edit);
    assert_eq!((b.mentors.len(), b.mentees.len(), b.assignments.len()), (1, 4, 0));

    let methodologist = app.login("methodologist", "metodist").await;
    assert!(!board(&app, &methodologist, programme).await.can_edit);
    let op = apply(programme, b.version, to(b.mentees[0].id, Some(b.mentors[0].id)));
    assert_eq!(app.call_fn(&methodologist, op.clone()).await.status.as_u16(), 403);
    for login in ["kurator1", "nastavnik1", "molodoy1"] {
        let other = app.login("other", login).await;
        assert_eq!(app.call_fn(&other, GetBoard { programme_id: programme }).await.status.as_u16(), 404, "{login}");
        assert_eq!(app.call_fn(&other, op.clone()).await.status.as_u16(), 404, "{login}");
    }
    assert_eq!(app.call_fn(&TestApp::anonymous(), GetBoard { programme_id: programme }).await.status.as_u16(), 401);
}

#[tokio::test]
async fn moves_are_saved_at_once_and_capacity_is_enforced() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (curator, programme) = school12(&app).await;
    let mut b = board(&app, &curator, programme).await;
    let mentor = b.mentors[0].id;
    for mentee in b.mentees.iter().take(3).map(|m| m.id).collect::<Vec<_>>() {
        let reply = app.call_fn(&curator, apply(programme, b.version, to(mentee, Some(mentor)))).await;
        assert!(reply.ok(), "{}", reply.text);
        b = serde_json::from_str(&reply.text).expect("board");
    }
    assert_eq!(b.group(mentor).len(), 3);
    let over = app.call_fn(&curator, apply(programme, b.version, to(b.mentees[3].id, Some(mentor)))).await;
    assert_eq!(over.status.as_u16(), 400);
    assert!(over.json()["Refused"].as_str().is_some_and(|m| m.contains("нет свободных мест")), "{}", over.text);
    // Reloaded from the database: the three pairs are there, one group, in the history.
    let reloaded = board(&app, &curator, programme).await;
    assert_eq!(reloaded.assignments.len(), 3);
    assert_eq!(reloaded.history.len(), 3);
    assert!(reloaded.history[0].user_name.contains("Рябова"));
    let groups: i64 = sqlx::query("SELECT COUNT(*) AS n FROM pairs WHERE programme_id = $1")
        .bind(programme).fetch_one(&app.db.pool).await.expect("count").try_get("n").expect("n");
    assert_eq!(groups, 1, "one mentor with three mentees is one group");
}

#[tokio::test]
async fn a_stale_change_is_refused_with_what_changed() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (curator, programme) = school12(&app).await;
    let b = board(&app, &curator, programme).await;
    let (mentor, first, second) = (b.mentors[0].id, b.mentees[0].id, b.mentees[1].id);
    assert!(app.call_fn(&curator, apply(programme, b.version, to(first, Some(mentor)))).await.ok());
    // A second curator's tab still shows the old version.
    let stale = app.call_fn(&curator, apply(programme, b.version, to(second, Some(mentor)))).await;
    assert_eq!(stale.status.as_u16(), 409);
    let changes = stale.json()["Stale"].as_array().cloned().expect("what changed");
    assert_eq!(changes.len(), 1);
    assert!(changes[0].as_str().is_some_and(|c| c.contains(&b.mentees[0].name())), "{changes:?}");
    assert_eq!(board(&app, &curator, programme).await.assignments.len(), 1, "nothing half-applied");
}

#[tokio::test]
async fn a_conflicting_pair_needs_a_reason_which_is_recorded() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (curator, programme) = school12(&app).await;
    let b = board(&app, &curator, programme).await;
    let (mentor, mentee) = (b.mentors[0].id, b.mentees[0].id);
    app::store::participants::add_relationship(&app.db, mentee, mentor, domain::models::RelationshipKind::Relative).await.expect("relation");
    let b = board(&app, &curator, programme).await;
    let refused = app.call_fn(&curator, apply(programme, b.version, to(mentee, Some(mentor)))).await;
    assert!(refused.json()["Refused"].as_str().is_some_and(|m| m.contains("Укажите причину")), "{}", refused.text);
    let with_reason = BoardOp::Move(Move { mentee_id: mentee, mentor_id: Some(mentor), reason: Some("единственный учитель предмета".into()) });
    let reply = app.call_fn(&curator, apply(programme, b.version, with_reason)).await;
    let after: Board = serde_json::from_str(&reply.text).expect("board");
    assert_eq!(after.assignment(mentee).and_then(|a| a.conflict_reason.clone()).as_deref(), Some("единственный учитель предмета"));
    assert!(after.history[0].summary.contains("единственный учитель предмета"));
}

on_both_backends!(locking_fixing_and_undoing_are_stored, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let (curator, programme) = school12(&app).await;
    let b = board(&app, &curator, programme).await;
    let (mentor, mentee) = (b.mentors[0].id, b.mentees[0].id);
    let step = |b: &Board, op: BoardOp| apply(programme, b.version, op);
    let next = |text: &str| -> Board { serde_json::from_str(text).unwrap_or_else(|_| panic!("{text}")) };
    let b = next(&app.call_fn(&curator, step(&b, to(mentee, Some(mentor)))).await.text);
    let b = next(&app.call_fn(&curator, step(&b, BoardOp::Lock { mentee_id: mentee, locked: true })).await.text);
    assert!(b.assignment(mentee).is_some_and(|a| a.locked));
    let locked_move = app.call_fn(&curator, step(&b, to(mentee, None))).await;
    assert_eq!(locked_move.status.as_u16(), 400);
    let b = next(&app.call_fn(&curator, step(&b, BoardOp::Fix)).await.text);
    assert!(b.assignments.iter().all(|a| a.status == domain::models::PairStatus::Fixed));
    // Undo of the lock, then of the move: the inverse ops the page sends.
    let undo_lock = b.inverse(&BoardOp::Lock { mentee_id: mentee, locked: true }).expect("undoable");
    let b = next(&app.call_fn(&curator, step(&b, undo_lock)).await.text);
    let undo_move = b.inverse(&to(mentee, Some(mentor))).expect("undoable");
    assert_eq!(undo_move, to(mentee, Some(mentor)), "the inverse of a move is computed on the board before it");
    let b = next(&app.call_fn(&curator, step(&b, to(mentee, None))).await.text);
    assert!(b.assignments.is_empty());
    assert_eq!(b.version, 5);
});

#[tokio::test]
async fn the_order_exports_as_xlsx_for_those_who_may_read_it() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (curator, programme) = school12(&app).await;
    let path = format!("/export/order/{programme}");
    let xlsx = app.get(&curator, &path).await;
    assert!(xlsx.ok() && xlsx.text.starts_with("PK"), "an XLSX is a ZIP");
    assert_eq!(app.get(&app.login("other", "kurator1").await, &path).await.status.as_u16(), 404);
    assert_eq!(app.get(&TestApp::anonymous(), &path).await.status.as_u16(), 401);
}

#[tokio::test]
async fn weights_are_saved_per_programme_through_the_board() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (curator, programme) = school12(&app).await;
    let b = board(&app, &curator, programme).await;
    let weights = b.weights.with(domain::matching::score::Criterion::Subject, domain::matching::score::Weight::Required);
    let reply = app.call_fn(&curator, apply(programme, b.version, BoardOp::Weights(weights.clone()))).await;
    assert!(reply.ok(), "{}", reply.text);
    assert_eq!(board(&app, &curator, programme).await.weights, weights);
}

#[tokio::test]
async fn a_groups_variant_is_changed_on_the_board_and_stored() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let curator = app.login("curator", "kurator7").await;
    // School № 7's «Ученик – ученик» programme has four variants and fixed groups.
    let programme = app.programme(&curator, Some("Ученик – ученик")).await;
    let b = board(&app, &curator, programme).await;
    let mentor = b.assignments[0].mentor_id;
    let from = b.variant_for(mentor);
    let to_variant = *b.programme.variants.iter().find(|v| **v != from).expect("another variant");
    let reply = app.call_fn(&curator, apply(programme, b.version, BoardOp::Variant { mentor_id: mentor, variant: to_variant })).await;
    assert!(reply.ok(), "{}", reply.text);
    let after = board(&app, &curator, programme).await;
    assert_eq!(after.variant_for(mentor), to_variant);
    assert!(after.history[0].summary.contains(domain::i18n::tr::variant(to_variant)));
}

on_both_backends!(editing_a_paired_mentor_keeps_room_for_their_mentees_and_moves_the_board_on, |backend| async move {
    use app::api::participants::{GetParticipant, SaveParticipant};
    let app = TestApp::spawn(backend).await;
    let (curator, programme) = school12(&app).await;
    let mut b = board(&app, &curator, programme).await;
    let mentor = b.mentors[0].id;
    for mentee in b.mentees.iter().take(2).map(|m| m.id).collect::<Vec<_>>() {
        let reply = app.call_fn(&curator, apply(programme, b.version, to(mentee, Some(mentor)))).await;
        b = serde_json::from_str(&reply.text).expect("board");
    }
    let seen = b.version;
    let person = app.invoke(&curator, GetParticipant { id: mentor }).await.expect("mentor");
    // A time resource below the two mentees already with them is refused next to the field.
    let mut input = person.data.to_input();
    input.capacity = "1".into();
    let save = |input: domain::models::ParticipantInput| SaveParticipant { id: Some(mentor), input, participations: person.participations.clone() };
    let refused = app.invoke(&curator, save(input)).await.unwrap_err();
    assert!(refused.field_message("capacity").is_some_and(|m| m.contains("уже 2 наставляемых")), "{refused:?}");
    assert_eq!(board(&app, &curator, programme).await.version, seen, "nothing changed");
    // Another change is saved, and a board opened before it is now stale, saying why.
    let mut input = person.data.to_input();
    input.experience_years = "23".into();
    app.invoke(&curator, save(input)).await.expect("saved");
    let stale = app.invoke(&curator, apply(programme, seen, to(b.mentees[2].id, Some(mentor)))).await.unwrap_err();
    match stale {
        app::error::AppError::Stale(changes) => assert!(changes.iter().any(|c| c.contains("Изменены данные участника")), "{changes:?}"),
        other => panic!("expected a stale board, got {other:?}"),
    }
});
