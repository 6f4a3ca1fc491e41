use super::*;

fn teacher(id: i64, role: &str, years: &str, subject: &str, capacity: &str) -> BoardPerson {
    let input = ParticipantInput {
        last_name: format!("Фамилия{}", "абвгдежзик".chars().nth(id as usize % 10).unwrap_or('а')),
        first_name: "Имя".into(),
        role: role.into(),
        kind: "teacher".into(),
        subjects: subject.into(),
        experience_years: years.into(),
        capacity: capacity.into(),
        ..Default::default()
    };
    BoardPerson { id, data: NewParticipant::parse(&input).expect("valid") }
}

fn board() -> Board {
    Board {
        programme: Programme {
            id: 1, organisation_id: 1, title: "П".into(), form: MentoringForm::TeacherTeacher,
            variants: vec![Variant::ExperiencedYoung], starts_on: "2026-09-01".into(), ends_on: "2027-05-31".into(),
        },
        organisation_name: "Школа".into(),
        version: 3,
        weights: Weights::default(),
        mentors: vec![teacher(1, "mentor", "20", "математика", "1"), teacher(2, "mentor", "15", "физика", "2")],
        mentees: vec![teacher(11, "mentee", "1", "математика", ""), teacher(12, "mentee", "0", "физика", ""), teacher(13, "mentee", "2", "физика", "")],
        assignments: vec![Assignment { mentee_id: 11, mentor_id: 1, locked: false, conflict_reason: None, status: PairStatus::Draft, variant: Variant::ExperiencedYoung }],
        relationships: vec![(2, 13, RelationshipKind::FormerClassTeacher)],
        history: vec![],
        can_edit: true,
    }
}

fn to(mentee_id: i64, mentor_id: Option<i64>) -> BoardOp {
    BoardOp::Move(Move { mentee_id, mentor_id, reason: None })
}

#[test]
fn going_over_a_mentors_capacity_is_refused_with_its_name_and_capacity() {
    let refusal = board().check(&to(12, Some(1))).expect_err("mentor 1 is full");
    assert_eq!(refusal, Refusal::OverCapacity { mentor: "Фамилияб Имя".into(), capacity: 1 });
    assert!(refusal.message().contains("ресурс времени — 1"));
}

#[test]
fn a_swap_in_one_step_is_judged_after_all_its_moves() {
    let swap = BoardOp::Moves(vec![
        Move { mentee_id: 11, mentor_id: Some(2), reason: None },
        Move { mentee_id: 12, mentor_id: Some(1), reason: None },
    ]);
    assert_eq!(board().check(&swap), Ok(()));
}

#[test]
fn a_prior_relationship_needs_a_reason_and_then_is_allowed() {
    let b = board();
    assert!(matches!(b.check(&to(13, Some(2))), Err(Refusal::NeedsReason { kind: RelationshipKind::FormerClassTeacher, .. })));
    let with_reason = BoardOp::Move(Move { mentee_id: 13, mentor_id: Some(2), reason: Some("другого физика нет".into()) });
    assert_eq!(b.check(&with_reason), Ok(()));
    let blank = BoardOp::Move(Move { mentee_id: 13, mentor_id: Some(2), reason: Some("   ".into()) });
    assert!(b.check(&blank).is_err());
}

#[test]
fn a_locked_pair_cannot_be_moved_until_unlocked() {
    let mut b = board();
    b.assignments[0].locked = true;
    assert!(matches!(b.check(&to(11, None)), Err(Refusal::Locked { .. })));
    assert!(matches!(b.check(&to(11, Some(2))), Err(Refusal::Locked { .. })));
    assert_eq!(b.check(&BoardOp::Lock { mentee_id: 11, locked: false }), Ok(()));
}

#[test]
fn undo_restores_where_each_mentee_was() {
    let b = board();
    let op = BoardOp::Moves(vec![Move { mentee_id: 11, mentor_id: Some(2), reason: None }, Move { mentee_id: 12, mentor_id: Some(2), reason: None }]);
    let undo = b.inverse(&op).expect("undoable");
    assert_eq!(undo, BoardOp::Moves(vec![Move { mentee_id: 12, mentor_id: None, reason: None }, Move { mentee_id: 11, mentor_id: Some(1), reason: None }]));
    assert_eq!(b.inverse(&BoardOp::Fix), None);
}

#[test]
fn suggestions_are_optimal_skip_vetoed_pairs_and_leave_locked_ones() {
    let mut b = board();
    b.assignments[0].locked = true;
    let suggestions = b.suggestions();
    // 11 stays locked with 1; 12 goes to the physics mentor; 13 is vetoed with mentor 2 and
    // mentor 1 is full, so 13 stays without a mentor.
    assert_eq!(suggestions.iter().map(|s| (s.mentee_id, s.mentor_id)).collect::<Vec<_>>(), vec![(12, 2)]);
    assert!(b.suggestions().iter().all(|s| b.relationship(s.mentor_id, s.mentee_id).is_none()));
}

#[test]
fn history_lines_say_who_went_where() {
    let b = board();
    assert_eq!(b.describe(&to(12, Some(2))), "Фамилияв Имя → Фамилияв Имя");
    assert_eq!(b.describe(&to(11, None)), "Фамилияб Имя → без наставника");
}

#[test]
fn weights_change_suggestions_and_undo_restores_them() {
    let mut b = board();
    let op = BoardOp::Weights(b.weights.with(super::super::score::Criterion::Subject, super::super::score::Weight::Required));
    assert_eq!(b.check(&op), Ok(()));
    assert_eq!(b.inverse(&op), Some(BoardOp::Weights(Weights::default())));
    assert_eq!(b.check(&BoardOp::Weights(Weights::default())), Err(Refusal::Empty), "nothing changes");
    assert!(b.describe(&op).contains("Общий предмет — обязательно"));
    // With the subject required, mentee 12 (physics) can only go to mentor 2 (physics), and
    // mentee 11 (maths) stays with mentor 1: every suggestion shares a subject.
    if let BoardOp::Weights(w) = op { b.weights = w; }
    for s in b.suggestions() {
        let mentor = b.mentor(s.mentor_id).expect("mentor");
        let mentee = b.mentee(s.mentee_id).expect("mentee");
        assert_eq!(mentor.data.subjects, mentee.data.subjects);
    }
}

#[test]
fn a_groups_variant_changes_only_to_one_of_the_programme_and_is_undoable() {
    let mut b = board();
    b.programme.variants = vec![Variant::ExperiencedYoung, Variant::Trainee];
    let op = BoardOp::Variant { mentor_id: 1, variant: Variant::Trainee };
    assert_eq!(b.check(&op), Ok(()));
    assert_eq!(b.inverse(&op), Some(BoardOp::Variant { mentor_id: 1, variant: Variant::ExperiencedYoung }));
    assert!(b.check(&BoardOp::Variant { mentor_id: 1, variant: Variant::Reverse }).is_err(), "not a variant of the programme");
    assert!(b.check(&BoardOp::Variant { mentor_id: 2, variant: Variant::Trainee }).is_err(), "mentor 2 has no group yet");
}

#[test]
fn the_order_lists_only_fixed_pairs() {
    let mut b = board();
    assert!(b.order_lines().is_empty(), "a draft pair is not signed in an order");
    b.assignments.push(Assignment { mentee_id: 12, mentor_id: 2, locked: false, conflict_reason: None, status: PairStatus::Fixed, variant: Variant::ExperiencedYoung });
    b.assignments.push(Assignment { mentee_id: 13, mentor_id: 2, locked: false, conflict_reason: None, status: PairStatus::Draft, variant: Variant::ExperiencedYoung });
    let lines = b.order_lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0].mentor, b.mentor(2).expect("mentor").name());
    assert_eq!(lines[0].mentees, vec![b.mentee(12).expect("mentee").name()]);
}
