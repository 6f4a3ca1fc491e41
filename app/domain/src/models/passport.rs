//! A programme's passport (паспорт программы) and the rules for changing a programme once it
//! runs: its period is extended or shortened by agreement with a recorded reason, and its form
//! and the models its pairs use stay while pairs exist.

use serde::{Deserialize, Serialize};

use super::{coded_enum, Programme, Variant};
#[cfg(test)]
use super::MentoringForm;
use crate::i18n::ru;
use crate::FieldErrors;

coded_enum! {
    /// How the programme's meetings are held (режим реализации).
    ProgrammeMode {
        InPerson = "in_person",
        Remote = "remote",
        Blended = "blended",
    }
}

/// The passport as typed: free text, the mode as a code (empty: not given).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PassportInput {
    pub problems: String,
    pub goal: String,
    pub tasks: String,
    pub expected_results: String,
    pub mode: String,
}

/// The passport of a programme: the problems it addresses, its goal, tasks, expected results
/// and mode. Every part may still be empty while the curator writes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Passport {
    pub problems: String,
    pub goal: String,
    pub tasks: String,
    pub expected_results: String,
    pub mode: Option<ProgrammeMode>,
}

/// The longest text a passport field keeps (a page of the seeds' passports is ~2,500).
pub const MAX_PASSPORT_TEXT: usize = 5000;

impl PassportInput {
    pub fn parse(&self) -> Result<Passport, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut text = |field: &str, raw: &str| {
            let kept = raw.trim().replace("\r\n", "\n");
            if kept.chars().count() > MAX_PASSPORT_TEXT {
                errors.insert(field.into(), ru::err_too_long(MAX_PASSPORT_TEXT));
            } else if kept.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
                errors.insert(field.into(), ru::ERR_CONTROL_CHARS.into());
            }
            kept
        };
        let problems = text("problems", &self.problems);
        let goal = text("goal", &self.goal);
        let tasks = text("tasks", &self.tasks);
        let expected_results = text("expected_results", &self.expected_results);
        let mode = match self.mode.trim() {
            "" => None,
            code => {
                let mode = ProgrammeMode::from_code(code);
                if mode.is_none() {
                    errors.insert("mode".into(), ru::ERR_MODE.into());
                }
                mode
            }
        };
        if errors.is_empty() {
            Ok(Passport { problems, goal, tasks, expected_results, mode })
        } else {
            Err(errors)
        }
    }
}

impl Passport {
    pub fn to_input(&self) -> PassportInput {
        PassportInput {
            problems: self.problems.clone(),
            goal: self.goal.clone(),
            tasks: self.tasks.clone(),
            expected_results: self.expected_results.clone(),
            mode: self.mode.map(|m| m.code().to_owned()).unwrap_or_default(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self == &Passport::default()
    }
}

/// A recorded change of a programme's period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeriodChange {
    pub old_starts_on: String,
    pub old_ends_on: String,
    pub starts_on: String,
    pub ends_on: String,
    pub reason: String,
    pub user_name: String,
    /// RFC 3339, UTC.
    pub at: String,
}

/// What pairs already hold a programme to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InUse {
    pub pairs: i64,
    pub variants: Vec<Variant>,
}

pub const MAX_REASON: usize = 500;

/// Checks a change of a running programme: the form stays while it has pairs, a model its
/// pairs use stays, and a new period needs its reason. Returns the reason to record when the
/// period changes.
pub fn check_change(before: &Programme, after: &Programme, in_use: &InUse, reason: &str) -> Result<Option<String>, FieldErrors> {
    let mut errors = FieldErrors::new();
    if after.form != before.form && in_use.pairs > 0 {
        errors.insert("form".into(), ru::ERR_FORM_HAS_PAIRS.into());
    } else if let Some(dropped) = in_use.variants.iter().find(|v| !after.variants.contains(v)) {
        errors.insert("variants".into(), ru::err_variant_in_use(*dropped));
    }
    let period_changed = after.starts_on != before.starts_on || after.ends_on != before.ends_on;
    let reason = super::text::clean(reason);
    match (&reason, period_changed) {
        (None, true) => {
            errors.insert("period_reason".into(), ru::ERR_PERIOD_REASON.into());
        }
        (Some(reason), _) if reason.chars().count() > MAX_REASON => {
            errors.insert("period_reason".into(), ru::err_too_long(MAX_REASON));
        }
        _ => {}
    }
    if errors.is_empty() {
        Ok(reason.filter(|_| period_changed))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn programme() -> Programme {
        Programme {
            id: 1,
            organisation_id: 1,
            title: "Молодые педагоги".into(),
            form: MentoringForm::TeacherTeacher,
            variants: vec![Variant::ExperiencedYoung, Variant::Reverse],
            starts_on: "2026-09-01".into(),
            ends_on: "2027-05-31".into(),
        }
    }

    #[test]
    fn an_extended_period_needs_its_reason_and_the_reason_is_kept() {
        let before = programme();
        let after = Programme { ends_on: "2027-12-31".into(), ..programme() };
        let errors = check_change(&before, &after, &InUse::default(), "  ").unwrap_err();
        assert_eq!(errors["period_reason"], ru::ERR_PERIOD_REASON);
        assert_eq!(check_change(&before, &after, &InUse::default(), " по соглашению  сторон "), Ok(Some("по соглашению сторон".into())));
        assert_eq!(check_change(&before, &programme(), &InUse::default(), "просто так"), Ok(None), "no period change, nothing recorded");
    }

    #[test]
    fn pairs_hold_the_form_and_the_models_they_use() {
        let in_use = InUse { pairs: 2, variants: vec![Variant::Reverse] };
        let other_form = Programme { form: MentoringForm::StudentStudent, variants: vec![Variant::PeerToPeer], ..programme() };
        assert_eq!(check_change(&programme(), &other_form, &in_use, "").unwrap_err()["form"], ru::ERR_FORM_HAS_PAIRS);
        let dropped = Programme { variants: vec![Variant::ExperiencedYoung], ..programme() };
        assert!(check_change(&programme(), &dropped, &in_use, "").unwrap_err()["variants"].contains("Реверсивное"));
        let added = Programme { variants: vec![Variant::ExperiencedYoung, Variant::Reverse, Variant::Trainee], ..programme() };
        assert_eq!(check_change(&programme(), &added, &in_use, ""), Ok(None));
    }

    #[test]
    fn a_passport_keeps_lines_and_refuses_control_characters_and_unknown_modes() {
        let input = PassportInput { goal: "  Адаптация\r\nмолодых  ".into(), mode: "blended".into(), ..Default::default() };
        let passport = input.parse().expect("valid");
        assert_eq!((passport.goal.as_str(), passport.mode), ("Адаптация\nмолодых", Some(ProgrammeMode::Blended)));
        assert_eq!(passport.to_input().parse(), Ok(passport));
        let bad = PassportInput { tasks: "a\u{0}b".into(), mode: "zoom".into(), ..Default::default() }.parse().unwrap_err();
        assert_eq!((bad["tasks"].as_str(), bad["mode"].as_str()), (ru::ERR_CONTROL_CHARS, ru::ERR_MODE));
    }
}
