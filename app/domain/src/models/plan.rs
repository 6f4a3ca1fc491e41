//! The individual plan (ИОМ, план устранения профессиональных дефицитов) of a mentee: rows of
//! deficit → activities → deadline → expected result → done, grouped by the four teacher
//! competences for teachers, by goals for pupils. Pure rules: what a row must hold, the
//! template a plan starts from, and its progress.

use serde::{Deserialize, Serialize};

use super::text::{checked_text, search_fold};
use super::{coded_enum, day_number, is_date, MentoringForm};
use crate::i18n::ru;
use crate::FieldErrors;

coded_enum! {
    /// The four competences a teacher's plan is grouped by.
    Competence {
        /// Предметно-методическая.
        SubjectMethodical = "subject_methodical",
        /// Психолого-педагогическая.
        PsychoPedagogical = "psycho_pedagogical",
        /// Коммуникативная.
        Communicative = "communicative",
        /// Акмеологическая (профессиональный рост, саморазвитие).
        Acmeological = "acmeological",
    }
}

/// Longest goal, deficit, expected result or note, in characters.
pub const MAX_SHORT: usize = 500;
/// Longest list of activities, in characters.
pub const MAX_ACTIVITIES: usize = 2000;

/// Whether a form's mentees are teachers (a plan by competences) or pupils (by goals).
pub fn plans_by_competence(form: MentoringForm) -> bool {
    matches!(form, MentoringForm::TeacherTeacher | MentoringForm::TeacherGroup)
}

/// A plan row as typed. `group` is a `Competence` code for teachers, the goal's words for pupils.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanRowInput {
    pub group: String,
    pub deficit: String,
    pub activities: String,
    /// `YYYY-MM-DD`.
    pub deadline: String,
    pub expected: String,
    pub done: bool,
    /// `YYYY-MM-DD`, when `done`.
    #[serde(default)]
    pub done_on: String,
    #[serde(default)]
    pub note: String,
}

/// What a row is grouped under.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanGroup {
    Competence(Competence),
    Goal(String),
}

/// A row that keeps the rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanRow {
    pub group: PlanGroup,
    pub deficit: String,
    pub activities: String,
    pub deadline: String,
    pub expected: String,
    /// When it was done, with a short note.
    pub done: Option<(String, String)>,
}

impl PlanRow {
    /// Every problem at once, each next to its field; `form` says how rows are grouped.
    pub fn parse(input: &PlanRowInput, form: MentoringForm) -> Result<PlanRow, FieldErrors> {
        let mut errors = FieldErrors::new();
        let group = if plans_by_competence(form) {
            Competence::from_code(input.group.trim()).map(PlanGroup::Competence)
        } else {
            Some(PlanGroup::Goal(checked_text(&mut errors, "group", &input.group, MAX_SHORT, true)))
        };
        let deficit = checked_text(&mut errors, "deficit", &input.deficit, MAX_SHORT, true);
        let activities = checked_text(&mut errors, "activities", &input.activities, MAX_ACTIVITIES, true);
        let expected = checked_text(&mut errors, "expected", &input.expected, MAX_SHORT, false);
        let note = checked_text(&mut errors, "note", &input.note, MAX_SHORT, false);
        if group.is_none() {
            errors.insert("group".into(), ru::ERR_COMPETENCE.into());
        }
        let deadline = input.deadline.trim().to_owned();
        if !is_date(&deadline) {
            errors.insert("deadline".into(), ru::ERR_DATE.into());
        }
        let done_on = input.done_on.trim().to_owned();
        if input.done && !is_date(&done_on) {
            errors.insert("done_on".into(), ru::ERR_DATE.into());
        }
        match group {
            Some(group) if errors.is_empty() => {
                Ok(PlanRow { group, deficit, activities, deadline, expected, done: input.done.then_some((done_on, note)) })
            }
            _ => Err(errors),
        }
    }
}

/// Words that point a teacher's deficit to a competence other than the subject-methodical one
/// (the default: most young teachers' requests are about lessons and methods).
const COMPETENCE_WORDS: &[(Competence, &[&str])] = &[
    (Competence::PsychoPedagogical, &["дисциплин", "мотивац", "психолог", "поведен", "особыми образовательными", "овз", "класс"]),
    (Competence::Communicative, &["родител", "общени", "коммуника", "коллег", "конфликт"]),
    (Competence::Acmeological, &["выгоран", "саморазвит", "карьер", "аттестац", "профессиональн", "стресс", "тайм", "времен"]),
];

/// The competence a deficit's words point to.
pub fn competence_of(text: &str) -> Competence {
    let folded = search_fold(text);
    COMPETENCE_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|word| folded.contains(word)))
        .map_or(Competence::SubjectMethodical, |(competence, _)| *competence)
}

/// The rows a new plan starts from: one per recorded deficit, then one per request that is
/// not already a deficit; a teacher's grouped by the competence its words point to, a pupil's
/// by the request as the goal. Activities, deadline and result are left for the pair to write.
pub fn template(form: MentoringForm, requests: &[String], deficits: &[String]) -> Vec<PlanRowInput> {
    let mut seen = Vec::new();
    let mut rows = Vec::new();
    for item in deficits.iter().chain(requests) {
        let key = search_fold(item);
        if item.trim().is_empty() || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let group = if plans_by_competence(form) { competence_of(item).code().to_owned() } else { item.trim().to_owned() };
        rows.push(PlanRowInput { group, deficit: item.trim().to_owned(), ..PlanRowInput::default() });
    }
    rows
}

/// A plan's progress as a curator reads it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanProgress {
    pub planned: usize,
    pub done: usize,
    /// Not done, and the deadline has passed.
    pub overdue: usize,
}

/// The progress of `rows` on `today` (`YYYY-MM-DD`).
pub fn progress(rows: &[PlanRow], today: &str) -> PlanProgress {
    let today = day_number(today);
    PlanProgress {
        planned: rows.len(),
        done: rows.iter().filter(|row| row.done.is_some()).count(),
        overdue: rows
            .iter()
            .filter(|row| row.done.is_none() && matches!((day_number(&row.deadline), today), (Some(deadline), Some(today)) if deadline < today))
            .count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(group: &str, deadline: &str, done: bool) -> PlanRowInput {
        PlanRowInput {
            group: group.into(),
            deficit: "Не умею выстраивать урок по ФГОС".into(),
            activities: "Посещение уроков наставника, разбор технологической карты".into(),
            deadline: deadline.into(),
            expected: "Конспект урока по ФГОС".into(),
            done,
            done_on: if done { "2026-10-20".into() } else { String::new() },
            note: String::new(),
        }
    }

    #[test]
    fn a_teachers_row_is_grouped_by_a_competence_and_a_pupils_by_a_goal() {
        let teacher = PlanRow::parse(&row("subject_methodical", "2026-11-01", false), MentoringForm::TeacherTeacher).expect("valid");
        assert_eq!(teacher.group, PlanGroup::Competence(Competence::SubjectMethodical));
        let refused = PlanRow::parse(&row("подтянуть алгебру", "2026-11-01", false), MentoringForm::TeacherTeacher).expect_err("no such competence");
        assert_eq!(refused["group"], ru::ERR_COMPETENCE);
        let pupil = PlanRow::parse(&row("подтянуть алгебру", "2026-11-01", false), MentoringForm::StudentStudent).expect("a goal");
        assert_eq!(pupil.group, PlanGroup::Goal("подтянуть алгебру".into()));
    }

    #[test]
    fn a_row_says_every_problem_next_to_its_field() {
        let bad = PlanRowInput { group: "x".into(), deficit: " ".into(), activities: "я".repeat(MAX_ACTIVITIES + 1), deadline: "завтра".into(), expected: "\u{0}".into(), done: true, done_on: String::new(), note: String::new() };
        let errors = PlanRow::parse(&bad, MentoringForm::TeacherGroup).expect_err("refused");
        for field in ["group", "deficit", "activities", "deadline", "expected", "done_on"] {
            assert!(errors.contains_key(field), "{field}: {errors:?}");
        }
        let done = PlanRow::parse(&row("communicative", "2026-11-01", true), MentoringForm::TeacherTeacher).expect("valid");
        assert_eq!(done.done, Some(("2026-10-20".into(), String::new())));
    }

    #[test]
    fn a_plan_starts_from_the_mentees_deficits_and_requests_grouped_by_their_words() {
        let deficits = vec!["Дисциплина на уроке".to_owned(), "Работа с родителями".to_owned(), "Составление рабочей программы".to_owned()];
        let requests = vec!["работа с родителями".to_owned(), "Профессиональное выгорание".to_owned()];
        let rows = template(MentoringForm::TeacherTeacher, &requests, &deficits);
        let groups: Vec<(&str, &str)> = rows.iter().map(|r| (r.group.as_str(), r.deficit.as_str())).collect();
        assert_eq!(groups, vec![
            ("psycho_pedagogical", "Дисциплина на уроке"),
            ("communicative", "Работа с родителями"),
            ("subject_methodical", "Составление рабочей программы"),
            ("acmeological", "Профессиональное выгорание"),
        ]);
        let pupil = template(MentoringForm::TeacherStudent, &["Подготовиться к ОГЭ по математике".to_owned()], &[]);
        assert_eq!(pupil[0].group, "Подготовиться к ОГЭ по математике");
    }

    #[test]
    fn progress_counts_done_and_overdue_rows() {
        let parse = |input: PlanRowInput| PlanRow::parse(&input, MentoringForm::TeacherTeacher).expect("valid");
        let rows = [parse(row("subject_methodical", "2026-10-01", true)), parse(row("communicative", "2026-10-15", false)), parse(row("acmeological", "2026-12-20", false))];
        assert_eq!(progress(&rows, "2026-11-01"), PlanProgress { planned: 3, done: 1, overdue: 1 });
        assert_eq!(progress(&rows, "2026-10-15"), PlanProgress { planned: 3, done: 1, overdue: 0 }, "due today is not overdue");
    }
}
