//! The bank of best practices (банк лучших практик): what a school's pair or programme did
//! that others can repeat, published by the school's curator, read across the district and
//! marked by the coordinator for the forum.

use serde::{Deserialize, Serialize};

use super::text::{checked_text, search_fold};
use super::{Competence, MentoringForm};
use crate::i18n::ru;
use crate::FieldErrors;

pub const MAX_PRACTICE_TITLE: usize = 200;
pub const MAX_PRACTICE_TEXT: usize = 6000;

/// A practice as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PracticeInput {
    /// The programme it comes from, if one (its id as text; empty for none).
    #[serde(default)]
    pub programme_id: String,
    pub title: String,
    pub form: String,
    /// A competence's code, or empty.
    #[serde(default)]
    pub competence: String,
    pub what_done: String,
    pub results: String,
    /// Materials: links, names of files kept at the school.
    #[serde(default)]
    pub materials: String,
}

/// A practice that keeps the rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewPractice {
    pub programme_id: Option<i64>,
    pub title: String,
    pub form: MentoringForm,
    pub competence: Option<Competence>,
    pub what_done: String,
    pub results: String,
    pub materials: String,
}

impl NewPractice {
    pub fn parse(input: &PracticeInput) -> Result<NewPractice, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = checked_text(&mut errors, "title", &input.title, MAX_PRACTICE_TITLE, true);
        let form = MentoringForm::from_code(input.form.trim());
        if form.is_none() {
            errors.insert("form".into(), ru::ERR_FORM.into());
        }
        let competence = match input.competence.trim() {
            "" => None,
            code => {
                let found = Competence::from_code(code);
                if found.is_none() {
                    errors.insert("competence".into(), ru::ERR_COMPETENCE.into());
                }
                found
            }
        };
        let programme_id = match input.programme_id.trim() {
            "" => None,
            id => {
                let parsed = id.parse::<i64>().ok().filter(|id| *id > 0);
                if parsed.is_none() {
                    errors.insert("programme_id".into(), ru::ERR_PROGRAMME.into());
                }
                parsed
            }
        };
        let what_done = checked_text(&mut errors, "what_done", &input.what_done, MAX_PRACTICE_TEXT, true);
        let results = checked_text(&mut errors, "results", &input.results, MAX_PRACTICE_TEXT, true);
        let materials = checked_text(&mut errors, "materials", &input.materials, MAX_PRACTICE_TEXT, false);
        match form {
            Some(form) if errors.is_empty() => Ok(NewPractice { programme_id, title, form, competence, what_done, results, materials }),
            _ => Err(errors),
        }
    }

    pub fn to_input(&self) -> PracticeInput {
        PracticeInput {
            programme_id: self.programme_id.map(|id| id.to_string()).unwrap_or_default(),
            title: self.title.clone(),
            form: self.form.code().to_owned(),
            competence: self.competence.map(|c| c.code().to_owned()).unwrap_or_default(),
            what_done: self.what_done.clone(),
            results: self.results.clone(),
            materials: self.materials.clone(),
        }
    }

    /// The folded words a search matches against.
    pub fn search_key(&self) -> String {
        search_fold(&format!("{} {} {} {}", self.title, self.what_done, self.results, self.materials))
    }
}

/// A published practice with where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Practice {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation: String,
    pub programme_title: Option<String>,
    pub practice: NewPractice,
    pub published_by: String,
    /// `YYYY-MM-DD`.
    pub published_on: String,
    /// Marked by the coordinator for the district forum.
    pub for_forum: bool,
}

/// What the bank is searched by.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PracticeFilter {
    pub form: Option<MentoringForm>,
    pub competence: Option<Competence>,
    /// Words of the title or text.
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub for_forum_only: bool,
}

impl PracticeFilter {
    /// Whether a practice is one the filter asks for.
    pub fn matches(&self, practice: &Practice) -> bool {
        let words = search_fold(self.search.trim());
        self.form.is_none_or(|form| practice.practice.form == form)
            && self.competence.is_none_or(|c| practice.practice.competence == Some(c))
            && (!self.for_forum_only || practice.for_forum)
            && (words.is_empty() || words.split_whitespace().all(|word| practice.practice.search_key().contains(word)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> PracticeInput {
        PracticeInput {
            programme_id: "3".into(),
            title: "Взаимопосещение уроков по графику".into(),
            form: "teacher_teacher".into(),
            competence: "subject_methodical".into(),
            what_done: "Наставник и молодой педагог посещали уроки друг друга раз в две недели".into(),
            results: "Молодой педагог сам выстраивает урок по ФГОС".into(),
            materials: "Карта наблюдения урока".into(),
        }
    }

    #[test]
    fn a_practice_names_its_form_what_was_done_and_its_results() {
        let practice = NewPractice::parse(&input()).expect("valid");
        assert_eq!((practice.programme_id, practice.form, practice.competence), (Some(3), MentoringForm::TeacherTeacher, Some(Competence::SubjectMethodical)));
        assert_eq!(NewPractice::parse(&practice.to_input()), Ok(practice));
        let bad = PracticeInput { title: " ".into(), form: "club".into(), competence: "magic".into(), programme_id: "x".into(), results: String::new(), ..input() };
        let errors = NewPractice::parse(&bad).expect_err("refused");
        for field in ["title", "form", "competence", "programme_id", "results"] {
            assert!(errors.contains_key(field), "{field}: {errors:?}");
        }
        let no_competence = PracticeInput { competence: String::new(), programme_id: String::new(), ..input() };
        assert_eq!(NewPractice::parse(&no_competence).expect("valid").competence, None);
    }

    #[test]
    fn the_bank_is_searched_by_form_competence_words_and_the_forums_mark() {
        let practice = Practice {
            id: 1, organisation_id: 1, organisation: "Лицей".into(), programme_title: None,
            practice: NewPractice::parse(&input()).expect("valid"), published_by: "Куратор".into(), published_on: "2027-05-20".into(), for_forum: false,
        };
        assert!(PracticeFilter::default().matches(&practice));
        assert!(PracticeFilter { form: Some(MentoringForm::TeacherTeacher), search: "ФГОС урок".into(), ..Default::default() }.matches(&practice));
        assert!(!PracticeFilter { form: Some(MentoringForm::StudentStudent), ..Default::default() }.matches(&practice));
        assert!(!PracticeFilter { competence: Some(Competence::Communicative), ..Default::default() }.matches(&practice));
        assert!(!PracticeFilter { search: "олимпиада".into(), ..Default::default() }.matches(&practice));
        assert!(!PracticeFilter { for_forum_only: true, ..Default::default() }.matches(&practice));
        assert!(PracticeFilter { for_forum_only: true, ..Default::default() }.matches(&Practice { for_forum: true, ..practice }));
    }
}
