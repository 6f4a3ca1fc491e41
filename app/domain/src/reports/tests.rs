//! The report figures and deck rules that a methodologist would check by hand.

use super::deck::{check, district_story, Slide, SlideContent};
use super::kirkpatrick::kirkpatrick;
use super::*;
use crate::surveys::stats::{question_stats, QuestionCounts};
use crate::surveys::templates::by_code;
use crate::surveys::KirkpatrickLevel;

fn school(id: i64, name: &str, students_total: i64, students_involved: i64) -> SchoolFigures {
    SchoolFigures {
        organisation_id: id,
        name: name.into(),
        students_total,
        teachers_total: 50,
        mentors: 3,
        mentees: 3,
        curators: 1,
        per_form: vec![FormCount { form: MentoringForm::TeacherTeacher, mentors: 3, mentees: 3 }],
        students_involved,
        teachers_involved: 6,
        per_variant: vec![VariantCount { variant: Variant::ExperiencedYoung, pairs: 3, students: 0, people: 6 }],
    }
}

fn snapshot() -> Snapshot {
    let template = by_code("young_teacher_difficulties").expect("template").definition();
    let question = template.question("difficulties").expect("difficulties");
    let mut entry = QuestionCounts { answered: 114, ..Default::default() };
    entry.per_choice.extend([(1, 35), (2, 43)]);
    let mut exit = QuestionCounts { answered: 112, ..Default::default() };
    exit.per_choice.extend([(1, 25), (2, 26)]);
    let comparison = crate::surveys::stats::before_after(question, entry, exit, 112);
    Snapshot {
        taken_at: "2026-11-22 10:00".into(),
        district: District {
            id: 1,
            name: "Район".into(),
            time_zone: crate::models::TimeZone::Novosibirsk,
            teachers_total: 579,
            teachers_under_35: 114,
            young_specialists: 46,
            organisations_total: 32,
            organisations_in_mentoring: 26,
        },
        schools: vec![school(1, "МБОУ «Лицей № 1»", 640, 0), school(2, "МБОУ «Средняя школа № 7»", 820, 100)],
        before_after: vec![TemplateComparison {
            template: "young_teacher_difficulties".into(),
            report: BeforeAfterReport { scope: "Округ".into(), title: "Трудности".into(), questions: vec![comparison.clone()], charts: Vec::new() },
        }],
        school_before_after: vec![SchoolComparisons {
            organisation_id: 1,
            comparisons: vec![TemplateComparison {
                template: "young_teacher_difficulties".into(),
                report: BeforeAfterReport { scope: "Лицей".into(), title: "Трудности".into(), questions: vec![comparison], charts: Vec::new() },
            }],
        }],
        programmes: vec![ProgrammeResults {
            programme_id: 7,
            title: "Пилот".into(),
            organisation: "МБОУ «Лицей № 1»".into(),
            kirkpatrick: Default::default(),
            swot: Swot { strengths: vec!["Сильная сторона".into()], ..Default::default() },
            work: Default::default(),
        }],
        practices: Vec::new(),
    }
}

#[test]
fn coverage_is_measured_against_the_ten_percent_indicator() {
    assert_eq!((school(2, "№ 7", 820, 100).coverage_percent(), school(2, "№ 7", 820, 100).meets_indicator()), (12, true));
    assert!(school(1, "", 640, 64).meets_indicator(), "exactly 10 % counts");
    assert!(!school(1, "", 640, 63).meets_indicator());
    assert!(!school(1, "", 0, 0).meets_indicator(), "a school with no students on record does not reach it");
    assert!(!school(1, "", 640, 0).involves_students(), "teachers only: no students' coverage line");
    let mut with_pupils = school(1, "", 640, 0);
    with_pupils.per_form.push(FormCount { form: MentoringForm::StudentStudent, mentors: 2, mentees: 2 });
    assert!(with_pupils.involves_students());
    assert!(school(2, "№ 7", 820, 100).involves_students());
    assert_eq!(school(1, "", 640, 0).participants_total(), 7, "3 mentors + 3 mentees + 1 curator");
}

#[test]
fn kirkpatrick_groups_measures_by_level_and_pairs_before_with_after() {
    let definition = by_code("kirkpatrick").expect("template").definition();
    let counts = |pairs: &[(i64, i64)]| {
        let mut c = QuestionCounts { answered: pairs.iter().map(|p| p.1).sum(), ..Default::default() };
        c.per_choice.extend(pairs.iter().copied());
        c
    };
    let answered = [
        ("satisfaction", counts(&[(5, 2), (4, 1)])),
        ("skills_before", counts(&[(4, 2), (5, 1)])),
        ("skills_after", counts(&[(8, 2), (9, 1)])),
        ("joint_materials", counts(&[(1, 3)])),
        ("contests", counts(&[(1, 1), (0, 2)])),
        ("staying", counts(&[(1, 1), (2, 2)])),
        ("observed_changes", QuestionCounts { answered: 3, texts: vec!["Стало лучше".into()], ..Default::default() }),
    ];
    let stats: Vec<_> = answered
        .into_iter()
        .map(|(key, c)| {
            let q = definition.question(key).expect("question").clone();
            let s = question_stats(&q, c);
            (q, s)
        })
        .collect();
    let report = kirkpatrick(stats.iter().map(|(q, s)| (q, s)));
    let level = |l: KirkpatrickLevel| report.levels.iter().find(|x| x.level == l).expect("level");
    assert_eq!(report.levels.len(), 4);

    let reaction = level(KirkpatrickLevel::Reaction);
    assert_eq!(reaction.measures[0].figure, "4,7 из 5");
    assert_eq!(reaction.respondents, 3);
    assert!((reaction.score().expect("score") - 94.0).abs() < 0.1, "{:?}", reaction.score());

    let learning = level(KirkpatrickLevel::Learning);
    assert_eq!(learning.measures.len(), 1, "before and after are one measure");
    assert_eq!(learning.measures[0].figure, "4,3 → 8,3 из 10");
    assert!((learning.score().expect("score") - 83.0).abs() < 0.1, "scored by the after");

    let behaviour = level(KirkpatrickLevel::Behaviour);
    assert_eq!(behaviour.measures.len(), 1, "open answers are not figures");
    assert_eq!(behaviour.measures[0].figure, "да — 100 %");

    let results = level(KirkpatrickLevel::Results);
    assert_eq!(results.measures.iter().map(|m| m.figure.as_str()).collect::<Vec<_>>(), ["да — 33 %", "Скорее да — 67 %"]);
    assert_eq!(results.score(), Some(33.0), "a choice has no direction, so only yes/no scores");
    assert!(report.has_data());
    assert!(!kirkpatrick(std::iter::empty()).has_data());
}

#[test]
fn a_swot_is_trimmed_and_refused_when_it_would_not_fit_a_slide() {
    let swot = Swot { strengths: vec!["  Опытные наставники ".into(), "   ".into()], ..Default::default() };
    assert_eq!(swot.cleaned().expect("fine").strengths, ["Опытные наставники"]);
    let long = Swot { threats: vec!["я".repeat(SWOT_ITEM_MAX + 1)], ..Default::default() };
    assert!(long.cleaned().expect_err("too long").contains("Угрозы"));
    let many = Swot { weaknesses: (0..=SWOT_QUADRANT_MAX).map(|i| i.to_string()).collect(), ..Default::default() };
    assert!(many.cleaned().expect_err("too many").contains("Слабые стороны"));
}

#[test]
fn the_district_story_tells_the_talk_and_passes_its_own_check() {
    let snapshot = snapshot();
    let slides = district_story(&snapshot);
    let kinds: Vec<_> = slides.iter().map(|s| s.content.kind()).collect();
    assert_eq!(kinds, ["title", "district", "coverage", "counts", "variants", "before_after", "kirkpatrick", "swot", "text"]);
    assert!(slides.iter().all(|s| !s.notes.is_empty()), "every slide has speaker notes");
    let SlideContent::BeforeAfter { options, .. } = &slides[5].content else { panic!("before/after") };
    assert_eq!(options.len(), 2, "the talk's two difficulties");
    assert!(options[0].starts_with("Разработка документации"));
    assert_eq!(check("Итоги", &slides, &snapshot), Ok(()));
}

#[test]
fn a_deck_is_checked_against_its_snapshot() {
    let snapshot = snapshot();
    let slide = |content| Slide { content, notes: String::new() };
    let text = |image: Option<&str>| slide(SlideContent::Text { heading: "Итоги".into(), body: "Текст".into(), image: image.map(str::to_owned) });
    assert!(check(" ", &[], &snapshot).expect_err("no title").contains("название"));
    assert!(check("Итоги", &[slide(SlideContent::Counts { organisation_id: 99 })], &snapshot).expect_err("unknown school").contains("Слайд 1"));
    assert!(check("Итоги", &[slide(SlideContent::Swot { programme_id: 99 })], &snapshot).is_err());
    // The pair-work slides name a programme of the snapshot; the practices slide needs none.
    assert!(check("Итоги", &[slide(SlideContent::Meetings { programme_id: 99 })], &snapshot).is_err());
    assert!(check("Итоги", &[slide(SlideContent::Plans { programme_id: 99 })], &snapshot).is_err());
    assert_eq!(check("Итоги", &[slide(SlideContent::Meetings { programme_id: 7 }), slide(SlideContent::Plans { programme_id: 7 }), slide(SlideContent::Practices)], &snapshot), Ok(()));
    for kind in ["meetings", "plans", "practices"] {
        let content = SlideContent::new_of_kind(kind, &snapshot).expect("a slide of every kind on the menu");
        assert_eq!(content.kind(), kind);
    }
    let before_after = |questions: Vec<String>, organisation_id| SlideContent::BeforeAfter {
        template: "young_teacher_difficulties".into(),
        questions,
        options: vec![],
        organisation_id,
    };
    let three = before_after(vec!["difficulties".into(); 3], None);
    assert!(check("Итоги", &[slide(three)], &snapshot).expect_err("three questions").contains("один или два"));
    // A school's own comparison, where it has one; not where it has none.
    assert_eq!(check("Итоги", &[slide(before_after(vec!["difficulties".into()], Some(1)))], &snapshot), Ok(()));
    assert!(check("Итоги", &[slide(before_after(vec!["difficulties".into()], Some(2)))], &snapshot).is_err());
    assert!(check("Итоги", &[text(Some("data:text/html;base64,PHNjcmlwdD4="))], &snapshot).expect_err("not an image").contains("PNG"));
    assert_eq!(check("Итоги", &[text(Some("data:image/png;base64,iVBORw0KGgo=")), text(None)], &snapshot), Ok(()));
    let huge = format!("data:image/png;base64,{}", "A".repeat(deck::IMAGE_MAX));
    assert!(check("Итоги", &[text(Some(&huge))], &snapshot).expect_err("too big").contains("1,5 МБ"));
}

#[test]
fn every_kind_of_slide_can_be_added_from_the_menu() {
    let snapshot = snapshot();
    for kind in deck::SLIDE_KINDS {
        let content = SlideContent::new_of_kind(kind, &snapshot).unwrap_or_else(|| panic!("{kind}"));
        assert_eq!(content.kind(), *kind);
        let slides = [Slide { content, notes: String::new() }];
        assert_eq!(check("Итоги", &slides, &snapshot), Ok(()), "{kind}");
    }
    assert!(SlideContent::new_of_kind("video", &snapshot).is_none());
}
