//! Participants of the base (база наставников и наставляемых) and their validation.
//!
//! `ParticipantInput` is what a form or an imported row holds: text as typed.
//! `NewParticipant::parse` turns it into domain values or a Russian message per field,
//! so a bad value never reaches the database.

use serde::{Deserialize, Serialize};

use super::coded_enum;
use super::text::{clean, split_list};
use crate::FieldErrors;
use crate::i18n::ru;

coded_enum! {
    /// Role of a participant in the programme.
    ParticipantRole {
        Mentor = "mentor",
        Mentee = "mentee",
    }
}

coded_enum! {
    /// Who the participant is.
    ParticipantKind {
        Teacher = "teacher",
        Student = "student",
        Parent = "parent",
        GraduateEmployer = "graduate_employer",
    }
}

coded_enum! {
    /// Квалификационная категория of a teacher.
    Qualification {
        None = "none",
        Conformity = "conformity",
        First = "first",
        Highest = "highest",
    }
}

coded_enum! {
    /// A student's academic level, which variants such as «успевающий – неуспевающий» pair on.
    Achievement {
        High = "high",
        Middle = "middle",
        Low = "low",
    }
}

/// A person as stored in the school's base, with the programmes they take part in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    pub id: i64,
    pub organisation_id: i64,
    /// One entry per programme, each with the person's role there.
    pub participations: Vec<Participation>,
    pub data: NewParticipant,
}

impl Participant {
    /// «Фамилия Имя Отчество».
    pub fn full_name(&self) -> String {
        self.data.full_name()
    }

    /// The person's role in a programme, if they take part in it.
    pub fn role_in(&self, programme_id: i64) -> Option<ParticipantRole> {
        self.participations.iter().find(|p| p.programme_id == programme_id).map(|p| p.role)
    }
}

/// Taking part in one programme: a person is a mentor in one and a mentee in another
/// (reverse mentoring), never both in the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participation {
    pub programme_id: i64,
    pub role: ParticipantRole,
}

/// Rules that tie a person's data to the programmes they take part in: each programme once,
/// and a time resource (capacity) exactly when they mentor somewhere or sit in the mentors' base.
pub fn check_participations(data: &NewParticipant, participations: &[Participation]) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut seen = std::collections::BTreeSet::new();
    if participations.iter().any(|p| !seen.insert(p.programme_id)) {
        errors.insert("participations".into(), ru::ERR_PROGRAMME_TWICE.into());
    }
    let mentors_somewhere = data.role == ParticipantRole::Mentor
        || participations.iter().any(|p| p.role == ParticipantRole::Mentor);
    match (mentors_somewhere, data.capacity) {
        (true, None) => {
            errors.insert("capacity".into(), ru::ERR_CAPACITY_REQUIRED.into());
        }
        (false, Some(_)) => {
            errors.insert("capacity".into(), ru::ERR_CAPACITY_MENTEE.into());
        }
        _ => {}
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// «Фамилия Имя Отчество» from its parts (the patronymic only when there is one).
pub fn full_name(last_name: &str, first_name: &str, middle_name: Option<&str>) -> String {
    match middle_name {
        Some(middle) => format!("{last_name} {first_name} {middle}"),
        None => format!("{last_name} {first_name}"),
    }
}

/// Validated participant data: every field already in its domain type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewParticipant {
    pub last_name: String,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub role: ParticipantRole,
    pub kind: ParticipantKind,
    pub subjects: Vec<String>,
    pub experience_years: Option<i64>,
    pub qualification: Option<Qualification>,
    /// Class of a student, e.g. `7Б`.
    pub grade: Option<String>,
    pub achievement: Option<Achievement>,
    pub competences: Vec<String>,
    pub requests: Vec<String>,
    pub deficits: Vec<String>,
    /// Time resource of a mentor: how many mentees they can take.
    pub capacity: Option<i64>,
}

/// Filters of the participant list; empty fields filter nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ParticipantFilter {
    pub search: String,
    pub role: Option<ParticipantRole>,
    pub kind: Option<ParticipantKind>,
    pub subject: String,
}

/// Participant fields as typed in a form or read from a file row.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ParticipantInput {
    pub last_name: String,
    pub first_name: String,
    pub middle_name: String,
    pub role: String,
    pub kind: String,
    pub subjects: String,
    pub experience_years: String,
    pub qualification: String,
    pub grade: String,
    pub achievement: String,
    pub competences: String,
    pub requests: String,
    pub deficits: String,
    pub capacity: String,
}

const MAX_NAME: usize = 60;
const MAX_ITEM: usize = 100;
const MAX_ITEMS: usize = 20;
pub const MAX_EXPERIENCE: i64 = 60;
pub const MAX_CAPACITY: i64 = 10;

impl NewParticipant {
    /// Parses typed input; on failure, a Russian message for each bad field.
    pub fn parse(input: &ParticipantInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut fail = |field: &str, message: String| {
            errors.entry(field.to_owned()).or_insert(message);
        };

        let last_name = parse_name(&input.last_name, true).unwrap_or_else(|m| {
            fail("last_name", m);
            None
        });
        let first_name = parse_name(&input.first_name, true).unwrap_or_else(|m| {
            fail("first_name", m);
            None
        });
        let middle_name = parse_name(&input.middle_name, false).unwrap_or_else(|m| {
            fail("middle_name", m);
            None
        });
        let role = parse_choice(&input.role, ParticipantRole::ALL, ru::participant_role);
        if role.is_none() {
            fail("role", ru::ERR_ROLE.into());
        }
        let kind = parse_choice(&input.kind, ParticipantKind::ALL, ru::participant_kind);
        if kind.is_none() {
            fail("kind", ru::ERR_KIND.into());
        }
        let qualification =
            parse_optional_choice(&input.qualification, Qualification::ALL, ru::qualification)
                .unwrap_or_else(|()| {
                    fail("qualification", ru::ERR_QUALIFICATION.into());
                    None
                });
        let achievement =
            parse_optional_choice(&input.achievement, Achievement::ALL, ru::achievement)
                .unwrap_or_else(|()| {
                    fail("achievement", ru::ERR_ACHIEVEMENT.into());
                    None
                });
        let experience_years = parse_number(&input.experience_years, 0, MAX_EXPERIENCE)
            .unwrap_or_else(|()| {
                fail("experience_years", ru::ERR_EXPERIENCE.into());
                None
            });
        let capacity = parse_number(&input.capacity, 1, MAX_CAPACITY).unwrap_or_else(|()| {
            fail("capacity", ru::ERR_CAPACITY.into());
            None
        });
        let grade = parse_grade(&input.grade).unwrap_or_else(|()| {
            fail("grade", ru::ERR_GRADE.into());
            None
        });
        let mut lists = Vec::new();
        for (field, raw) in [
            ("subjects", &input.subjects),
            ("competences", &input.competences),
            ("requests", &input.requests),
            ("deficits", &input.deficits),
        ] {
            match parse_list(raw) {
                Ok(items) => lists.push(items),
                Err(message) => {
                    fail(field, message);
                    lists.push(Vec::new());
                }
            }
        }

        // Rules that tie fields together, checked only once each field is readable.
        if kind == Some(ParticipantKind::Student) && input.grade.trim().is_empty() {
            fail("grade", ru::ERR_GRADE_REQUIRED.into());
        }
        if kind == Some(ParticipantKind::Teacher) && input.experience_years.trim().is_empty() {
            fail("experience_years", ru::ERR_EXPERIENCE_REQUIRED.into());
        }
        if role == Some(ParticipantRole::Mentor) && input.capacity.trim().is_empty() {
            fail("capacity", ru::ERR_CAPACITY_REQUIRED.into());
        }
        // A mentee's capacity is checked with their programmes (`check_participations`):
        // one who mentors elsewhere needs it.

        if !errors.is_empty() {
            return Err(errors);
        }
        let mut lists = lists.into_iter();
        let mut next_list = || lists.next().unwrap_or_default();
        match (last_name, first_name, role, kind) {
            (Some(last_name), Some(first_name), Some(role), Some(kind)) => Ok(Self {
                last_name,
                first_name,
                middle_name,
                role,
                kind,
                subjects: next_list(),
                competences: next_list(),
                requests: next_list(),
                deficits: next_list(),
                experience_years,
                qualification,
                grade,
                achievement,
                capacity,
            }),
            // Unreachable: each `None` above recorded an error.
            _ => Err(FieldErrors::from([("last_name".into(), ru::ERR_NAME_REQUIRED.into())])),
        }
    }

    /// «Фамилия Имя Отчество».
    pub fn full_name(&self) -> String {
        full_name(&self.last_name, &self.first_name, self.middle_name.as_deref())
    }

    /// This person's record refreshed by a newer one (another programme's list): what the newer
    /// record says wins, what it leaves empty is kept, and the base they were entered into
    /// stays. A mentee row of a reverse mentor does not wipe the capacity they mentor with.
    pub fn refreshed_by(&self, newer: &NewParticipant) -> NewParticipant {
        let list = |new: &Vec<String>, old: &Vec<String>| if new.is_empty() { old.clone() } else { new.clone() };
        NewParticipant {
            last_name: newer.last_name.clone(),
            first_name: newer.first_name.clone(),
            middle_name: newer.middle_name.clone().or_else(|| self.middle_name.clone()),
            role: self.role,
            kind: newer.kind,
            subjects: list(&newer.subjects, &self.subjects),
            experience_years: newer.experience_years.or(self.experience_years),
            qualification: newer.qualification.or(self.qualification),
            grade: newer.grade.clone().or_else(|| self.grade.clone()),
            achievement: newer.achievement.or(self.achievement),
            competences: list(&newer.competences, &self.competences),
            requests: list(&newer.requests, &self.requests),
            deficits: list(&newer.deficits, &self.deficits),
            capacity: newer.capacity.or(self.capacity),
        }
    }

    /// The input a form shows to edit this participant.
    pub fn to_input(&self) -> ParticipantInput {
        let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
        ParticipantInput {
            last_name: self.last_name.clone(),
            first_name: self.first_name.clone(),
            middle_name: self.middle_name.clone().unwrap_or_default(),
            role: self.role.code().into(),
            kind: self.kind.code().into(),
            subjects: self.subjects.join("; "),
            experience_years: number(self.experience_years),
            qualification: self.qualification.map(|q| q.code().to_owned()).unwrap_or_default(),
            grade: self.grade.clone().unwrap_or_default(),
            achievement: self.achievement.map(|a| a.code().to_owned()).unwrap_or_default(),
            competences: self.competences.join("; "),
            requests: self.requests.join("; "),
            deficits: self.deficits.join("; "),
            capacity: number(self.capacity),
        }
    }
}

fn parse_name(raw: &str, required: bool) -> Result<Option<String>, String> {
    let Some(name) = clean(raw) else {
        return if required { Err(ru::ERR_NAME_REQUIRED.into()) } else { Ok(None) };
    };
    if name.chars().count() > MAX_NAME {
        return Err(ru::err_too_long(MAX_NAME));
    }
    let allowed = |c: char| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.');
    if !name.chars().all(allowed) || !name.chars().any(char::is_alphabetic) {
        return Err(ru::ERR_NAME_CHARS.into());
    }
    Ok(Some(name))
}

/// Accepts a stable code or the Russian label (any case), as files carry labels.
fn parse_choice<T: Copy + CodeOf>(raw: &str, all: &[T], label: fn(T) -> &'static str) -> Option<T> {
    let wanted = clean(raw)?;
    let folded = super::text::search_fold(&wanted);
    all.iter()
        .copied()
        .find(|v| v.code_of() == wanted || super::text::search_fold(label(*v)) == folded)
}

fn parse_optional_choice<T: Copy + CodeOf>(
    raw: &str,
    all: &[T],
    label: fn(T) -> &'static str,
) -> Result<Option<T>, ()> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    parse_choice(raw, all, label).map(Some).ok_or(())
}

fn parse_number(raw: &str, min: i64, max: i64) -> Result<Option<i64>, ()> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(()),
    }
}

/// A class such as `7Б` or `11`: a number 1–11 and an optional Cyrillic letter.
fn parse_grade(raw: &str) -> Result<Option<String>, ()> {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    if compact.is_empty() {
        return Ok(None);
    }
    let digits: String = compact.chars().take_while(char::is_ascii_digit).collect();
    let letter: String = compact.chars().skip(digits.len()).collect();
    let number_ok = matches!(digits.parse::<u8>(), Ok(1..=11));
    let letter_ok = letter.chars().count() <= 1
        && letter.chars().all(|c| matches!(c, 'А'..='Я' | 'а'..='я' | 'Ё' | 'ё'));
    if number_ok && letter_ok {
        Ok(Some(format!("{digits}{}", letter.to_uppercase())))
    } else {
        Err(())
    }
}

fn parse_list(raw: &str) -> Result<Vec<String>, String> {
    let items = split_list(raw);
    if items.len() > MAX_ITEMS {
        return Err(ru::err_too_many_items(MAX_ITEMS));
    }
    if items.iter().any(|item| item.chars().count() > MAX_ITEM) {
        return Err(ru::err_item_too_long(MAX_ITEM));
    }
    if items.iter().any(|item| item.chars().any(char::is_control)) {
        return Err(ru::ERR_CONTROL_CHARS.into());
    }
    Ok(items)
}

/// Gives generic parsers the stable code of a coded enum.
pub trait CodeOf {
    fn code_of(self) -> &'static str;
}

macro_rules! impl_code_of {
    ($($t:ty),*) => { $(impl CodeOf for $t { fn code_of(self) -> &'static str { self.code() } })* };
}
impl_code_of!(ParticipantRole, ParticipantKind, Qualification, Achievement);

#[cfg(test)]
mod tests {
    use super::*;

    fn mentor_teacher() -> ParticipantInput {
        ParticipantInput {
            last_name: "Соколова".into(),
            first_name: "Ирина".into(),
            middle_name: "Павловна".into(),
            role: "mentor".into(),
            kind: "teacher".into(),
            subjects: "математика; информатика".into(),
            experience_years: "18".into(),
            qualification: "высшая".into(),
            capacity: "2".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_mentor_teacher_parses() {
        let parsed = NewParticipant::parse(&mentor_teacher()).expect("valid");
        assert_eq!(parsed.full_name(), "Соколова Ирина Павловна");
        assert_eq!(parsed.subjects, vec!["математика", "информатика"]);
        assert_eq!(parsed.qualification, Some(Qualification::Highest));
        assert_eq!(parsed.capacity, Some(2));
    }

    #[test]
    fn labels_from_files_are_accepted_as_well_as_codes() {
        let mut input = mentor_teacher();
        input.role = "Наставник".into();
        input.kind = "педагог".into();
        let parsed = NewParticipant::parse(&input).expect("valid");
        assert_eq!(parsed.role, ParticipantRole::Mentor);
        assert_eq!(parsed.kind, ParticipantKind::Teacher);
    }

    #[test]
    fn each_bad_field_gets_its_own_russian_message() {
        let mut input = mentor_teacher();
        input.last_name = "  ".into();
        input.experience_years = "сто".into();
        input.capacity = "0".into();
        input.role = "директор".into();
        let errors = NewParticipant::parse(&input).expect_err("invalid");
        assert_eq!(errors.get("last_name").map(String::as_str), Some(ru::ERR_NAME_REQUIRED));
        assert_eq!(errors.get("experience_years").map(String::as_str), Some(ru::ERR_EXPERIENCE));
        assert_eq!(errors.get("capacity").map(String::as_str), Some(ru::ERR_CAPACITY));
        assert_eq!(errors.get("role").map(String::as_str), Some(ru::ERR_ROLE));
        assert_eq!(errors.len(), 4);
    }

    #[test]
    fn a_mentor_needs_a_time_resource_and_a_student_needs_a_class() {
        let mut input = mentor_teacher();
        input.capacity.clear();
        let errors = NewParticipant::parse(&input).expect_err("no capacity");
        assert!(errors.contains_key("capacity"));

        let student = ParticipantInput {
            last_name: "Ершов".into(),
            first_name: "Пётр".into(),
            role: "mentee".into(),
            kind: "student".into(),
            ..Default::default()
        };
        let errors = NewParticipant::parse(&student).expect_err("no class");
        assert_eq!(errors.get("grade").map(String::as_str), Some(ru::ERR_GRADE_REQUIRED));
    }

    #[test]
    fn a_mentee_who_mentors_elsewhere_needs_a_time_resource_and_no_one_else_has_one() {
        let mut young = mentor_teacher();
        young.role = "mentee".into();
        young.capacity.clear();
        let data = NewParticipant::parse(&young).expect("valid mentee");
        let mentee_in_1 = Participation { programme_id: 1, role: ParticipantRole::Mentee };
        let mentor_in_2 = Participation { programme_id: 2, role: ParticipantRole::Mentor };
        assert_eq!(check_participations(&data, &[mentee_in_1]), Ok(()));
        let errors = check_participations(&data, &[mentee_in_1, mentor_in_2]).expect_err("no capacity");
        assert_eq!(errors.get("capacity").map(String::as_str), Some(ru::ERR_CAPACITY_REQUIRED));

        young.capacity = "1".into();
        let data = NewParticipant::parse(&young).expect("valid");
        assert_eq!(check_participations(&data, &[mentee_in_1, mentor_in_2]), Ok(()));
        let errors = check_participations(&data, &[mentee_in_1]).expect_err("capacity of a mentee only");
        assert_eq!(errors.get("capacity").map(String::as_str), Some(ru::ERR_CAPACITY_MENTEE));
    }

    #[test]
    fn a_newer_record_fills_in_and_never_wipes() {
        let mentor = NewParticipant::parse(&mentor_teacher()).expect("valid");
        let mut as_mentee = mentor_teacher();
        as_mentee.role = "mentee".into();
        as_mentee.capacity.clear();
        as_mentee.subjects.clear();
        as_mentee.requests = "ИКТ в уроке".into();
        let newer = NewParticipant::parse(&as_mentee).expect("valid");
        let refreshed = mentor.refreshed_by(&newer);
        assert_eq!(refreshed.role, ParticipantRole::Mentor, "the base stays");
        assert_eq!(refreshed.capacity, Some(2), "kept");
        assert_eq!(refreshed.subjects, mentor.subjects, "kept");
        assert_eq!(refreshed.requests, vec!["ИКТ в уроке"], "filled in");
    }

    #[test]
    fn a_programme_is_joined_once() {
        let data = NewParticipant::parse(&mentor_teacher()).expect("valid");
        let twice = [
            Participation { programme_id: 3, role: ParticipantRole::Mentor },
            Participation { programme_id: 3, role: ParticipantRole::Mentee },
        ];
        let errors = check_participations(&data, &twice).expect_err("twice");
        assert_eq!(errors.get("participations").map(String::as_str), Some(ru::ERR_PROGRAMME_TWICE));
    }

    #[test]
    fn a_nul_in_a_list_field_is_refused() {
        let mut input = mentor_teacher();
        input.competences = "олимпиады\u{0}".into();
        assert_eq!(NewParticipant::parse(&input).unwrap_err()["competences"], ru::ERR_CONTROL_CHARS);
    }

    #[test]
    fn grades_are_normalised_and_nonsense_refused() {
        assert_eq!(parse_grade("7 б"), Ok(Some("7Б".into())));
        assert_eq!(parse_grade("11"), Ok(Some("11".into())));
        assert_eq!(parse_grade("12А"), Err(()));
        assert_eq!(parse_grade("7AB"), Err(()));
    }

    #[test]
    fn names_with_digits_or_markup_are_refused() {
        assert!(parse_name("Иван3", true).is_err());
        assert!(parse_name("<b>Иван</b>", true).is_err());
        assert_eq!(parse_name("Римский-Корсаков", true), Ok(Some("Римский-Корсаков".into())));
    }

    #[test]
    fn to_input_round_trips() {
        let parsed = NewParticipant::parse(&mentor_teacher()).expect("valid");
        assert_eq!(NewParticipant::parse(&parsed.to_input()), Ok(parsed));
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics_and_valid_output_round_trips(
            last in "\\PC{0,70}", first in "\\PC{0,10}", exp in "\\PC{0,4}", grade in "\\PC{0,4}"
        ) {
            let input = ParticipantInput {
                last_name: last, first_name: first, experience_years: exp, grade,
                role: "mentee".into(), kind: "student".into(), ..Default::default()
            };
            if let Ok(parsed) = NewParticipant::parse(&input) {
                proptest::prop_assert_eq!(NewParticipant::parse(&parsed.to_input()), Ok(parsed));
            }
        }
    }
}
