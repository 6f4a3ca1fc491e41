//! A school as the coordinator types it: its name, a short name for tables and slips, and
//! the counts of students and teachers with the date they were given (the coverage indicator
//! is computed from them).

use serde::{Deserialize, Serialize};

use crate::i18n::ru;
use crate::FieldErrors;

/// The school form as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SchoolInput {
    pub name: String,
    pub short_name: String,
    pub students_total: String,
    pub teachers_total: String,
    /// Of the teachers: those under 35 and young specialists (under 3 years of work).
    #[serde(default)]
    pub teachers_under_35: String,
    #[serde(default)]
    pub young_specialists: String,
    /// `YYYY-MM-DD`: when the counts were given.
    pub counts_on: String,
}

/// A school's data, checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SchoolData {
    pub name: String,
    pub short_name: String,
    pub students_total: i64,
    pub teachers_total: i64,
    pub teachers_under_35: i64,
    pub young_specialists: i64,
    pub counts_on: Option<String>,
}

impl SchoolData {
    pub fn parse(input: &SchoolInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = super::text::clean(&input.name).unwrap_or_default();
        if name.is_empty() {
            errors.insert("name".into(), ru::ERR_NAME_REQUIRED.into());
        } else if name.chars().count() > 200 {
            errors.insert("name".into(), ru::ERR_TEXT_LONG.into());
        }
        let short_name = super::text::clean(&input.short_name).unwrap_or_default();
        if short_name.chars().count() > 60 {
            errors.insert("short_name".into(), ru::ERR_SHORT_NAME_LONG.into());
        }
        let mut count = |raw: &str, field: &str| -> i64 {
            match raw.trim() {
                "" => 0,
                text => match text.parse::<i64>() {
                    Ok(n) if (0..=100_000).contains(&n) => n,
                    _ => {
                        errors.insert(field.into(), ru::ERR_COUNT.into());
                        0
                    }
                },
            }
        };
        let students_total = count(&input.students_total, "students_total");
        let teachers_total = count(&input.teachers_total, "teachers_total");
        let teachers_under_35 = count(&input.teachers_under_35, "teachers_under_35");
        let young_specialists = count(&input.young_specialists, "young_specialists");
        for (field, part) in [("teachers_under_35", teachers_under_35), ("young_specialists", young_specialists)] {
            if part > teachers_total && !errors.contains_key(field) {
                errors.insert(field.into(), ru::ERR_PART_OF_TEACHERS.into());
            }
        }
        let counts_on = match input.counts_on.trim() {
            "" => None,
            date if is_date(date) => Some(date.to_owned()),
            _ => {
                errors.insert("counts_on".into(), ru::ERR_DATE.into());
                None
            }
        };
        if errors.is_empty() {
            Ok(SchoolData { name, short_name, students_total, teachers_total, teachers_under_35, young_specialists, counts_on })
        } else {
            Err(errors)
        }
    }
}

/// A real calendar date written `YYYY-MM-DD` (as a date input sends it).
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else { return false };
    let (Ok(year), Ok(month), Ok(day)) = (year.parse::<i32>(), month.parse::<u32>(), day.parse::<u32>()) else { return false };
    if year.to_string().len() != 4 || !(1..=12).contains(&month) {
        return false;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_school_needs_a_name_and_counts_that_are_counts() {
        let errors = SchoolData::parse(&SchoolInput { students_total: "-3".into(), teachers_total: "много".into(), counts_on: "2026-02-30".into(), ..Default::default() }).unwrap_err();
        assert_eq!(errors["name"], ru::ERR_NAME_REQUIRED);
        assert_eq!(errors["students_total"], ru::ERR_COUNT);
        assert_eq!(errors["teachers_total"], ru::ERR_COUNT);
        assert_eq!(errors["counts_on"], ru::ERR_DATE);
        let school = SchoolData::parse(&SchoolInput {
            name: " МБОУ «Школа  № 3» ".into(),
            short_name: "Школа № 3".into(),
            students_total: "540".into(),
            teachers_total: "41".into(),
            teachers_under_35: "9".into(),
            young_specialists: "".into(),
            counts_on: "2024-02-29".into(),
        })
        .expect("valid");
        assert_eq!((school.teachers_under_35, school.young_specialists), (9, 0));
        let more_than_all = SchoolInput { teachers_total: "4".into(), teachers_under_35: "5".into(), name: "Школа".into(), ..Default::default() };
        assert_eq!(SchoolData::parse(&more_than_all).unwrap_err()["teachers_under_35"], ru::ERR_PART_OF_TEACHERS);
        assert_eq!((school.name.as_str(), school.students_total, school.counts_on.as_deref()), ("МБОУ «Школа № 3»", 540, Some("2024-02-29")));
    }
}
