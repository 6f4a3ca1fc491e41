use std::collections::BTreeMap;

use super::stats::{question_stats, summarise, to_rows, QuestionCounts};
use super::templates::by_code;
use super::versioning::changes_meaning;
use super::*;

fn difficulties() -> Definition {
    by_code("young_teacher_difficulties").expect("template").definition()
}

fn choices(ids: &[u16]) -> AnswerValue {
    AnswerValue::Choices { ids: ids.to_vec(), other: None }
}

/// A complete, valid set of answers to `definition` for `wave`: the first option, the top
/// of a scale, "yes", a short text.
fn complete_answers(definition: &Definition, wave: WaveKind) -> Answers {
    definition
        .questions_for(wave)
        .map(|q| {
            let value = match &q.kind {
                QuestionKind::ShortText | QuestionKind::LongText => AnswerValue::Text("ответ".into()),
                QuestionKind::SingleChoice { options } => AnswerValue::Choice(options[0].id),
                QuestionKind::MultipleChoice { options, .. } => choices(&[options[0].id]),
                QuestionKind::Scale { max, .. } => AnswerValue::Scale(*max),
                QuestionKind::YesNo => AnswerValue::YesNo(true),
            };
            (q.key.clone(), value)
        })
        .collect()
}

#[test]
fn complete_answers_pass_on_entry_and_exit() {
    let definition = difficulties();
    for wave in [WaveKind::Entry, WaveKind::Exit] {
        assert_eq!(definition.check_answers(wave, &complete_answers(&definition, wave)), Ok(()));
    }
}

#[test]
fn bad_answers_are_refused_each_with_its_reason() {
    let definition = difficulties();
    let mut answers = complete_answers(&definition, WaveKind::Exit);
    answers.insert("difficulties".into(), choices(&[1, 999]));
    answers.remove("attitude");
    let scale_key = definition.questions().find(|q| matches!(q.kind, QuestionKind::Scale { max: 5, .. })).expect("scale").key.clone();
    answers.insert(scale_key.clone(), AnswerValue::Scale(6));
    answers.insert("no_such_question".into(), AnswerValue::YesNo(true));
    let errors = definition.check_answers(WaveKind::Exit, &answers).expect_err("refused");
    assert_eq!(errors["difficulties"], tr_unknown_option());
    assert_eq!(errors["attitude"], crate::i18n::tr::SV_ERR_REQUIRED);
    assert_eq!(errors[&scale_key], "Оценка — число от 1 до 5");
    assert!(errors["answers"].contains("no_such_question"));
}

fn tr_unknown_option() -> &'static str {
    crate::i18n::tr::SV_ERR_UNKNOWN_OPTION
}

#[test]
fn an_exit_only_question_is_refused_on_entry() {
    let definition = difficulties();
    let mut answers = complete_answers(&definition, WaveKind::Entry);
    answers.insert("attitude".into(), AnswerValue::Choice(1));
    let errors = definition.check_answers(WaveKind::Entry, &answers).expect_err("refused");
    assert!(errors["answers"].contains("attitude"));
}

#[test]
fn a_nul_or_another_control_character_in_an_answer_is_refused_lines_are_not() {
    let definition = difficulties();
    let text_key = definition.questions().find(|q| q.kind == QuestionKind::LongText).expect("long text").key.clone();
    let mut answers = complete_answers(&definition, WaveKind::Entry);
    answers.insert(text_key.clone(), AnswerValue::Text("до\u{0}после".into()));
    let errors = definition.check_answers(WaveKind::Entry, &answers).expect_err("refused");
    assert_eq!(errors[&text_key], crate::i18n::tr::ERR_CONTROL_CHARS);
    answers.insert(text_key, AnswerValue::Text("первая строка\r\nвторая\tс табуляцией".into()));
    assert_eq!(definition.check_answers(WaveKind::Entry, &answers), Ok(()));
}

#[test]
fn oversized_text_wrong_type_and_undeclared_other_are_refused() {
    let definition = difficulties();
    let text_key = definition.questions().find(|q| q.kind == QuestionKind::LongText).expect("long text").key.clone();
    let mut answers = complete_answers(&definition, WaveKind::Entry);
    answers.insert(text_key.clone(), AnswerValue::Text("я".repeat(LIMITS.long_text + 1)));
    answers.insert("difficulties".into(), AnswerValue::Scale(3));
    let errors = definition.check_answers(WaveKind::Entry, &answers).expect_err("refused");
    assert_eq!(errors[&text_key], format!("Не длиннее {} символов", LIMITS.long_text));
    assert_eq!(errors["difficulties"], crate::i18n::tr::SV_ERR_WRONG_TYPE);

    let single = Question {
        key: "a".into(),
        text: "Вопрос".into(),
        hint: String::new(),
        required: false,
        kind: QuestionKind::MultipleChoice { options: vec![Choice { id: 1, label: "x".into() }, Choice { id: 2, label: "y".into() }], other: false },
        only_in: None,
        level: None,
    };
    let def = Definition { title: "t".into(), intro: String::new(), sections: vec![Section { title: String::new(), questions: vec![single] }] };
    let answers = Answers::from([("a".into(), AnswerValue::Choices { ids: vec![1], other: Some("своё".into()) })]);
    assert_eq!(def.check_answers(WaveKind::Entry, &answers).expect_err("refused")["a"], crate::i18n::tr::SV_ERR_NO_OTHER);
}

#[test]
fn an_empty_answer_to_a_required_question_counts_as_missing() {
    let definition = difficulties();
    let mut answers = complete_answers(&definition, WaveKind::Entry);
    answers.insert("difficulties".into(), choices(&[]));
    let errors = definition.check_answers(WaveKind::Entry, &answers).expect_err("refused");
    assert_eq!(errors["difficulties"], crate::i18n::tr::SV_ERR_REQUIRED);
}

#[test]
fn the_builder_refuses_broken_questionnaires() {
    let mut definition = difficulties();
    definition.title = "  ".into();
    let first = &mut definition.sections[0].questions[0];
    first.text = String::new();
    let key = first.key.clone();
    let errors = definition.check().expect_err("refused");
    assert_eq!(errors["title"], crate::i18n::tr::SV_ERR_TITLE);
    assert_eq!(errors[&key], crate::i18n::tr::SV_ERR_QUESTION_TEXT);

    let mut definition = difficulties();
    let question = definition.sections.iter_mut().flat_map(|s| s.questions.iter_mut()).find(|q| q.key == "difficulties").expect("q");
    if let QuestionKind::MultipleChoice { options, .. } = &mut question.kind {
        options[1].label = options[0].label.to_uppercase();
    }
    assert_eq!(definition.check().expect_err("refused")["difficulties"], crate::i18n::tr::SV_ERR_DUPLICATE_OPTION);

    let mut definition = difficulties();
    let question = &mut definition.sections[1].questions[0];
    question.kind = QuestionKind::Scale { max: 7, low: String::new(), high: String::new(), middle: String::new() };
    let key = question.key.clone();
    assert_eq!(definition.check().expect_err("refused")[&key], crate::i18n::tr::SV_ERR_SCALE);

    let empty = Definition { title: "Анкета".into(), ..Definition::default() };
    assert_eq!(empty.check().expect_err("refused")["questions"], crate::i18n::tr::SV_ERR_NO_QUESTIONS);
}

#[test]
fn edits_that_keep_meaning_keep_the_version() {
    let current = difficulties();
    let mut edited = current.clone();
    edited.title = "Трудности молодого педагога (2026)".into();
    edited.intro = "Новое вступление".into();
    edited.sections[0].title = "Другой раздел".into();
    edited.sections[0].questions[0].required = !edited.sections[0].questions[0].required;
    edited.sections[0].questions[0].hint = "подсказка".into();
    edited.sections[0].questions[0].text = format!("  {}  ", edited.sections[0].questions[0].text.to_lowercase());
    edited.sections[0].questions.reverse();
    assert!(!changes_meaning(&current, &edited));
}

#[test]
fn edits_that_change_meaning_need_a_new_version() {
    let current = difficulties();
    let reworded = {
        let mut d = current.clone();
        d.sections[0].questions[0].text = "Совсем другой вопрос".into();
        d
    };
    let relabelled = {
        let mut d = current.clone();
        for q in d.sections.iter_mut().flat_map(|s| s.questions.iter_mut()).filter(|q| q.key == "difficulties") {
            if let QuestionKind::MultipleChoice { options, .. } = &mut q.kind {
                options[0].label = "Отчётность".into();
            }
        }
        d
    };
    let removed = {
        let mut d = current.clone();
        d.sections[0].questions.remove(0);
        d
    };
    let added = {
        let mut d = current.clone();
        let mut q = d.sections[0].questions[0].clone();
        q.key = d.fresh_key();
        d.sections[0].questions.push(q);
        d
    };
    for edited in [reworded, relabelled, removed, added] {
        assert!(changes_meaning(&current, &edited));
    }
}

#[test]
fn answers_survive_the_trip_through_rows() {
    let definition = difficulties();
    let mut answers = complete_answers(&definition, WaveKind::Exit);
    answers.insert("difficulties".into(), AnswerValue::Choices { ids: vec![1, 2], other: Some("Отчёты".into()) });
    let rows = to_rows(&answers);
    for question in definition.questions_for(WaveKind::Exit) {
        let back = stats::from_rows(question, rows.iter().filter(|r| r.question == question.key));
        assert_eq!(back.as_ref(), answers.get(&question.key), "{}", question.key);
    }
}

#[test]
fn shares_means_and_n() {
    let definition = difficulties();
    let scale = definition.questions().find(|q| matches!(q.kind, QuestionKind::Scale { max: 5, .. })).expect("scale");
    // 3 respondents: 5, 4, 4 → mean 4.3; n = 3; shares 33% and 67%.
    let counts = QuestionCounts { answered: 3, per_choice: BTreeMap::from([(5, 1), (4, 2)]), texts: vec![] };
    let result = question_stats(scale, counts);
    assert_eq!(result.answered, 3);
    assert_eq!(result.mean, Some(4.3));
    assert_eq!(result.options.iter().map(|o| o.percent).collect::<Vec<_>>(), vec![0, 0, 0, 67, 33]);
    assert!(result.options[0].label.starts_with("1 — "));
}

/// The district's figures (domain.md): 31% → 22% name documentation, 38% → 23% name tasks
/// of different difficulty, 66% say their attitude improved. 114 young teachers answered
/// entry and exit; the statistics reproduce the talk's rounding.
#[test]
fn the_difficulties_template_reproduces_the_district_talk() {
    let definition = difficulties();
    let people = 114;
    let entry: Vec<Answers> = (0..people)
        .map(|i| {
            let mut a = complete_answers(&definition, WaveKind::Entry);
            let mut picked = vec![];
            if i < 35 { picked.push(1) }
            if (35..78).contains(&i) { picked.push(2) }
            if picked.is_empty() { picked.push(3) }
            a.insert("difficulties".into(), choices(&picked));
            a
        })
        .collect();
    let exit: Vec<Answers> = (0..people)
        .map(|i| {
            let mut a = complete_answers(&definition, WaveKind::Exit);
            let mut picked = vec![];
            if i < 25 { picked.push(1) }
            if (25..51).contains(&i) { picked.push(2) }
            if picked.is_empty() { picked.push(4) }
            a.insert("difficulties".into(), choices(&picked));
            a.insert("attitude".into(), AnswerValue::Choice(if i < 75 { 1 } else { 2 }));
            a
        })
        .collect();
    let share = |answers: &[Answers], wave: WaveKind, key: &str, option: usize| {
        let mut counts: Vec<(i64, String, Option<i64>, i64)> = Vec::new();
        for a in answers {
            assert_eq!(definition.check_answers(wave, a), Ok(()));
            for row in to_rows(a).into_iter().filter(|r| r.question == key) {
                counts.push((1, key.to_owned(), row.choice, 1));
            }
            counts.push((1, key.to_owned(), None, 1));
        }
        let versions = BTreeMap::from([(1, definition.clone())]);
        let stats = summarise(&definition, &versions, wave, &counts, &[]);
        let q = stats.iter().find(|s| s.key == key).expect("question");
        assert_eq!(q.answered, people);
        q.options[option].percent
    };
    assert_eq!((share(&entry, WaveKind::Entry, "difficulties", 0), share(&exit, WaveKind::Exit, "difficulties", 0)), (31, 22));
    assert_eq!((share(&entry, WaveKind::Entry, "difficulties", 1), share(&exit, WaveKind::Exit, "difficulties", 1)), (38, 23));
    assert_eq!(share(&exit, WaveKind::Exit, "attitude", 0), 66);
}

#[test]
fn answers_to_a_changed_question_are_not_counted_under_its_new_wording() {
    let v1 = difficulties();
    let mut v2 = v1.clone();
    let changed = v2.sections[0].questions[0].key.clone();
    v2.sections[0].questions[0].text = "Новая формулировка".into();
    let versions = BTreeMap::from([(1, v1), (2, v2.clone())]);
    let counts = vec![
        (1, changed.clone(), None, 10),
        (2, changed.clone(), None, 4),
        (1, "difficulties".to_owned(), None, 10),
        (2, "difficulties".to_owned(), None, 4),
    ];
    let stats = summarise(&v2, &versions, WaveKind::Entry, &counts, &[]);
    assert_eq!(stats.iter().find(|s| s.key == changed).expect("q").answered, 4);
    assert_eq!(stats.iter().find(|s| s.key == "difficulties").expect("q").answered, 14);
}

#[test]
fn personal_codes_and_client_ids() {
    assert_eq!(normalise_code(" 204-517 "), Some("204517".into()));
    assert_eq!(normalise_code("20451"), None);
    assert_eq!(normalise_code("20451А"), None);
    assert!(valid_client_id("3f2a9c1e-77aa"));
    assert!(!valid_client_id("short"));
    assert!(!valid_client_id("bad id with spaces"));
}

#[test]
fn before_and_after_sit_side_by_side_with_their_n_and_means() {
    use super::stats::{before_after, fold_counts};
    let definition = difficulties();
    let scale = definition.questions().find(|q| matches!(q.kind, QuestionKind::Scale { max: 5, .. })).expect("scale");
    // Entry: 2 × 2 and 1 × 3 → mean 2.3, n 3; exit: 2 × 5 → mean 5, n 2.
    let counts = fold_counts([
        (scale.key.clone(), Some(2), 2),
        (scale.key.clone(), Some(3), 1),
        (scale.key.clone(), None, 3),
    ]);
    let exit = fold_counts([(scale.key.clone(), Some(5), 2), (scale.key.clone(), None, 2)]);
    let compared = before_after(scale, counts[&scale.key].clone(), exit[&scale.key].clone(), 2);
    assert_eq!((compared.entry_n, compared.exit_n, compared.linked), (3, 2, 2));
    assert_eq!((compared.entry_mean, compared.exit_mean), (Some(2.3), Some(5.0)));
    assert_eq!(compared.rows.len(), 5);
    assert_eq!((compared.rows[1].entry.percent, compared.rows[4].exit.percent), (67, 100));
}
