//! Domain types shared by the server and the browser.
//!
//! Enums carry a stable `code` (stored in the database and files) separate from their
//! Russian label (in `i18n`), so renaming a label never rewrites data.

pub mod import;
mod participant;
mod programme;
pub mod text;

pub use participant::*;
pub use programme::*;

use serde::{Deserialize, Serialize};

/// Defines a fieldless enum with a stable string code for storage and parsing.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database and used in forms.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parses a stable code; `None` for anything else.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}
pub(crate) use coded_enum;

coded_enum! {
    /// What a user may do in the system.
    UserRole {
        /// Муниципальный координатор: reads every school of the district.
        Methodologist = "methodologist",
        /// Куратор: reads and writes one school.
        Curator = "curator",
        /// Наставник: sees self and own pairs.
        Mentor = "mentor",
        /// Наставляемый: sees self and own pairs.
        Mentee = "mentee",
    }
}

/// Who is calling: the part of a user account that is safe to send to the browser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub login: String,
    pub display_name: String,
    pub role: UserRole,
    pub district_id: i64,
    /// The school of a curator, mentor or mentee; `None` for a methodologist.
    pub organisation_id: Option<i64>,
    /// The participant record of a mentor or mentee.
    pub participant_id: Option<i64>,
}

/// A municipality with the figures it reports for the whole district.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct District {
    pub id: i64,
    pub name: String,
    pub teachers_total: i64,
    pub teachers_under_35: i64,
    pub young_specialists: i64,
    pub organisations_total: i64,
    pub organisations_in_mentoring: i64,
}

/// A school (образовательная организация) of a district.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: i64,
    pub district_id: i64,
    pub name: String,
    pub students_total: i64,
    pub teachers_total: i64,
}

/// An organisation with the counts shown on the district page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrganisationSummary {
    pub organisation: Organisation,
    pub mentors: i64,
    pub mentees: i64,
    pub programmes: i64,
}

/// `part` of `whole` in whole percent, rounded half up (46 of 579 → 8, 26 of 32 → 81).
pub fn percent(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        return 0;
    }
    (part * 200 + whole) / (2 * whole)
}

#[cfg(test)]
mod tests {
    #[test]
    fn percent_rounds_like_the_district_talk() {
        assert_eq!(super::percent(46, 579), 8);
        assert_eq!(super::percent(26, 32), 81);
        assert_eq!(super::percent(1, 0), 0);
        assert_eq!(super::percent(1, 200), 1);
    }
}
