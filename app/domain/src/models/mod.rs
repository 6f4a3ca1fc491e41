//! Domain types shared by the server and the browser.
//!
//! Enums carry a stable `code` (stored in the database and files) separate from their
//! Russian label (in `i18n`), so renaming a label never rewrites data.

mod account;
mod document;
pub mod import;
mod meeting;
mod participant;
mod pair_work;
mod practice;
mod passport;
mod plan;
mod programme;
mod school;
pub mod text;

pub use account::*;
pub use document::*;
pub use meeting::*;
pub use participant::*;
pub use pair_work::*;
pub use practice::*;
pub use passport::*;
pub use plan::*;
pub use programme::*;
pub use school::*;

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

        /// A stored code read back: anything but a known code is an error, never a default.
        impl TryFrom<String> for $name {
            type Error = $crate::models::UnknownCode;

            fn try_from(code: String) -> Result<Self, Self::Error> {
                Self::from_code(&code).ok_or($crate::models::UnknownCode { of: stringify!($name), code })
            }
        }
    };
}

/// A stored code that names no value of its enum (a database edited by hand, or written by a
/// newer version): reading it is an error, so nothing is silently shown as something else.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {of} code {code:?}")]
pub struct UnknownCode {
    pub of: &'static str,
    pub code: String,
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
    /// The district's time zone: every time the caller sees is shown in it.
    #[serde(default)]
    pub time_zone: TimeZone,
}

/// A municipality with the figures it reports for the whole district, derived from its
/// schools: their teachers (and those under 35, and young specialists) summed, and the schools
/// with a programme not in the archive counted as taking part.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct District {
    pub id: i64,
    pub name: String,
    /// Where its times are shown; snapshots taken before districts had one read Moscow.
    #[serde(default)]
    pub time_zone: TimeZone,
    pub teachers_total: i64,
    pub teachers_under_35: i64,
    pub young_specialists: i64,
    pub organisations_total: i64,
    pub organisations_in_mentoring: i64,
}

coded_enum! {
    /// A district's time zone, by its IANA name. Russia has kept one offset all year in every
    /// zone since 2014, so a fixed offset per zone is exact and needs no time zone database
    /// in the browser's bundle.
    TimeZone {
        Kaliningrad = "Europe/Kaliningrad",
        Moscow = "Europe/Moscow",
        Samara = "Europe/Samara",
        Yekaterinburg = "Asia/Yekaterinburg",
        Omsk = "Asia/Omsk",
        Novosibirsk = "Asia/Novosibirsk",
        Krasnoyarsk = "Asia/Krasnoyarsk",
        Irkutsk = "Asia/Irkutsk",
        Yakutsk = "Asia/Yakutsk",
        Vladivostok = "Asia/Vladivostok",
        Magadan = "Asia/Magadan",
        Kamchatka = "Asia/Kamchatka",
    }
}

impl Default for TimeZone {
    fn default() -> Self {
        TimeZone::Moscow
    }
}

impl TimeZone {
    /// Hours ahead of UTC.
    pub fn offset_hours(self) -> i64 {
        use TimeZone::*;
        match self {
            Kaliningrad => 2,
            Moscow => 3,
            Samara => 4,
            Yekaterinburg => 5,
            Omsk => 6,
            Novosibirsk | Krasnoyarsk => 7,
            Irkutsk => 8,
            Yakutsk => 9,
            Vladivostok => 10,
            Magadan => 11,
            Kamchatka => 12,
        }
    }

    /// A UTC moment as stored (`2026-11-22T10:05:31Z`, `2026-11-22 10:05`, …) as the local
    /// `YYYY-MM-DD HH:MM` of this zone; text that is not such a moment comes back unchanged.
    pub fn local_minutes(self, utc: &str) -> String {
        let parse = || -> Option<(i64, i64, i64, i64, i64)> {
            let (date, time) = utc.get(..16)?.split_at_checked(10)?;
            let time = time.strip_prefix(['T', ' '])?;
            let mut date = date.split('-').map(|p| p.parse::<i64>().ok());
            let mut time = time.split(':').map(|p| p.parse::<i64>().ok());
            Some((date.next()??, date.next()??, date.next()??, time.next()??, time.next()??))
        };
        let Some((year, month, day, hour, minute)) = parse() else { return utc.to_owned() };
        let minutes = (days_from_civil(year, month, day) * 24 + hour + self.offset_hours()) * 60 + minute;
        let (days, in_day) = (minutes.div_euclid(24 * 60), minutes.rem_euclid(24 * 60));
        let (year, month, day) = civil_from_days(days);
        format!("{year:04}-{month:02}-{day:02} {:02}:{:02}", in_day / 60, in_day % 60)
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date, to count days between dates.
pub(crate) fn day_number(date: &str) -> Option<i64> {
    if !is_date(date) {
        return None;
    }
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    Some(days_from_civil(parts.next()??, parts.next()??, parts.next()??))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day counted from 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    (year_of_era + era * 400 + i64::from(month <= 2), month, day)
}

/// A school (образовательная организация) of a district.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: i64,
    pub district_id: i64,
    pub name: String,
    pub students_total: i64,
    pub teachers_total: i64,
    /// For tables and slips; empty when the coordinator gave none.
    #[serde(default)]
    pub short_name: String,
    /// When the counts were given (`YYYY-MM-DD`).
    #[serde(default)]
    pub counts_on: Option<String>,
    /// Of `teachers_total`: those under 35, and young specialists (under 3 years of work).
    #[serde(default)]
    pub teachers_under_35: i64,
    #[serde(default)]
    pub young_specialists: i64,
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
    use super::TimeZone;

    #[test]
    fn a_stored_code_reads_back_or_is_an_error_never_a_default() {
        use super::{UnknownCode, UserRole};
        assert_eq!(UserRole::try_from("curator".to_owned()), Ok(UserRole::Curator));
        assert_eq!(UserRole::try_from("admin".to_owned()), Err(UnknownCode { of: "UserRole", code: "admin".into() }));
    }

    #[test]
    fn times_are_shown_in_the_districts_zone_across_midnight_and_new_year() {
        assert_eq!(TimeZone::Moscow.local_minutes("2026-11-22T10:05:31Z"), "2026-11-22 13:05");
        assert_eq!(TimeZone::Moscow.local_minutes("2026-11-22 10:05"), "2026-11-22 13:05");
        assert_eq!(TimeZone::Novosibirsk.local_minutes("2026-12-31T20:30:00Z"), "2027-01-01 03:30");
        assert_eq!(TimeZone::Kaliningrad.local_minutes("2028-02-28T23:00:00Z"), "2028-02-29 01:00");
        assert_eq!(TimeZone::Kamchatka.local_minutes("2027-02-28T12:00:00Z"), "2027-03-01 00:00");
        assert_eq!(TimeZone::Moscow.local_minutes("вчера"), "вчера", "not a moment: unchanged");
        assert_eq!(TimeZone::from_code("Asia/Yekaterinburg"), Some(TimeZone::Yekaterinburg));
    }

    #[test]
    fn percent_rounds_like_the_district_talk() {
        assert_eq!(super::percent(46, 579), 8);
        assert_eq!(super::percent(26, 32), 81);
        assert_eq!(super::percent(1, 0), 0);
        assert_eq!(super::percent(1, 200), 1);
    }
}
