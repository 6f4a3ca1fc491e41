//! A pair's meetings (stage 6 of the target model): the cycle the model names — acquaintance,
//! a trial working meeting, planning, a series of working meetings, the final one — plus lesson
//! visits both ways and joint lessons; each planned or held. Pure rules: what a meeting must
//! hold, which of the cycle's meetings are still ahead, and what a curator is warned of.

use serde::{Deserialize, Serialize};

use super::text::checked_text;
use super::{coded_enum, day_number, is_date};
use crate::i18n::ru;
use crate::FieldErrors;

coded_enum! {
    /// What a meeting is, in the target model's words.
    MeetingKind {
        /// Встреча-знакомство.
        Acquaintance = "acquaintance",
        /// Пробная рабочая встреча.
        Trial = "trial",
        /// Встреча-планирование.
        Planning = "planning",
        /// One of the series of working meetings (комплекс последовательных встреч).
        Series = "series",
        /// Итоговая встреча.
        Final = "final",
        /// The mentor visits the mentee's lesson.
        VisitByMentor = "visit_by_mentor",
        /// The mentee visits the mentor's lesson.
        VisitByMentee = "visit_by_mentee",
        /// A lesson given together.
        JointLesson = "joint_lesson",
    }
}

coded_enum! {
    /// Where a meeting happens.
    MeetingFormat {
        InPerson = "in_person",
        Remote = "remote",
    }
}

/// The meetings every pair goes through, in order.
pub const CYCLE: [MeetingKind; 5] = [MeetingKind::Acquaintance, MeetingKind::Trial, MeetingKind::Planning, MeetingKind::Series, MeetingKind::Final];
/// Longest topic, in characters.
pub const MAX_TOPIC: usize = 200;
/// Longest «что сделано» or «следующий шаг», in characters.
pub const MAX_NOTES: usize = 2000;
/// Longest meeting, in minutes (a school day).
pub const MAX_MINUTES: i64 = 480;
/// A pair with no meeting held for this many days is flagged to the curator.
pub const QUIET_DAYS: i64 = 21;

/// A meeting as typed in its form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MeetingInput {
    pub kind: String,
    /// `YYYY-MM-DD`: when it is planned, or when it was held.
    pub date: String,
    pub minutes: String,
    pub format: String,
    pub topic: String,
    /// What was done (a held meeting must say).
    #[serde(default)]
    pub done: String,
    #[serde(default)]
    pub next_step: String,
    pub held: bool,
}

/// A meeting that keeps the rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewMeeting {
    pub kind: MeetingKind,
    pub date: String,
    pub minutes: i64,
    pub format: MeetingFormat,
    pub topic: String,
    pub done: String,
    pub next_step: String,
    pub held: bool,
}

impl NewMeeting {
    /// Every problem at once, each next to its field.
    pub fn parse(input: &MeetingInput) -> Result<NewMeeting, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = MeetingKind::from_code(input.kind.trim());
        if kind.is_none() {
            errors.insert("kind".into(), ru::ERR_MEETING_KIND.into());
        }
        let date = input.date.trim().to_owned();
        if !is_date(&date) {
            errors.insert("date".into(), ru::ERR_DATE.into());
        }
        let minutes = input.minutes.trim().parse::<i64>().ok().filter(|m| (5..=MAX_MINUTES).contains(m));
        if minutes.is_none() {
            errors.insert("minutes".into(), ru::err_meeting_minutes(MAX_MINUTES));
        }
        let format = MeetingFormat::from_code(input.format.trim());
        if format.is_none() {
            errors.insert("format".into(), ru::ERR_MEETING_FORMAT.into());
        }
        let topic = checked_text(&mut errors, "topic", &input.topic, MAX_TOPIC, true);
        let done = checked_text(&mut errors, "done", &input.done, MAX_NOTES, input.held);
        let next_step = checked_text(&mut errors, "next_step", &input.next_step, MAX_NOTES, false);
        match (kind, minutes, format) {
            (Some(kind), Some(minutes), Some(format)) if errors.is_empty() => {
                Ok(NewMeeting { kind, date, minutes, format, topic, done, next_step, held: input.held })
            }
            _ => Err(errors),
        }
    }
}

/// The meetings of the cycle not yet held, in the cycle's order (the series counts as begun
/// once one of its meetings is held).
pub fn cycle_ahead(meetings: &[NewMeeting]) -> Vec<MeetingKind> {
    CYCLE.into_iter().filter(|kind| !meetings.iter().any(|m| m.held && m.kind == *kind)).collect()
}

/// What a curator is told about a pair on the programme's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PairWarning {
    /// No meeting held for this many days (since the last one, or since the pair was formed).
    Quiet { days: i64 },
    /// Planned meetings whose day has passed without being marked held.
    OverdueMeetings { count: usize },
}

/// The warnings for a pair formed on `formed_on`, as of `today` (both `YYYY-MM-DD`).
pub fn warnings(meetings: &[NewMeeting], formed_on: &str, today: &str) -> Vec<PairWarning> {
    let Some(today_number) = day_number(today) else { return Vec::new() };
    let mut out = Vec::new();
    let last_held = meetings.iter().filter(|m| m.held && m.date.as_str() <= today).filter_map(|m| day_number(&m.date)).max();
    if let Some(since) = last_held.or_else(|| day_number(formed_on)) {
        let days = today_number - since;
        if days >= QUIET_DAYS {
            out.push(PairWarning::Quiet { days });
        }
    }
    let overdue = meetings.iter().filter(|m| !m.held && day_number(&m.date).is_some_and(|d| d < today_number)).count();
    if overdue > 0 {
        out.push(PairWarning::OverdueMeetings { count: overdue });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: &str, date: &str, held: bool) -> MeetingInput {
        MeetingInput {
            kind: kind.into(),
            date: date.into(),
            minutes: "45".into(),
            format: "in_person".into(),
            topic: "Знакомство, ожидания".into(),
            done: if held { "Обсудили цели".into() } else { String::new() },
            next_step: String::new(),
            held,
        }
    }

    #[test]
    fn a_meeting_keeps_its_rules_and_says_every_problem_next_to_its_field() {
        assert!(NewMeeting::parse(&input("acquaintance", "2026-09-10", true)).is_ok());
        assert!(NewMeeting::parse(&input("trial", "2026-09-20", false)).is_ok(), "a planned meeting needs no «что сделано»");
        let bad = MeetingInput { kind: "party".into(), date: "2026-02-30".into(), minutes: "600".into(), format: "x".into(), topic: " ".into(), done: String::new(), next_step: "шаг\u{0}".into(), held: true };
        let errors = NewMeeting::parse(&bad).expect_err("refused");
        for field in ["kind", "date", "minutes", "format", "topic", "done", "next_step"] {
            assert!(errors.contains_key(field), "{field}: {errors:?}");
        }
        let long = MeetingInput { topic: "я".repeat(MAX_TOPIC + 1), ..input("series", "2026-10-01", false) };
        assert_eq!(NewMeeting::parse(&long).expect_err("refused")["topic"], ru::err_too_long(MAX_TOPIC));
    }

    #[test]
    fn the_cycle_ahead_is_what_has_not_been_held_in_its_order() {
        let held = |kind: &str, date: &str| NewMeeting::parse(&input(kind, date, true)).expect("valid");
        let planned = |kind: &str, date: &str| NewMeeting::parse(&input(kind, date, false)).expect("valid");
        assert_eq!(cycle_ahead(&[]), CYCLE.to_vec());
        let meetings = [held("acquaintance", "2026-09-10"), planned("trial", "2026-09-20"), held("series", "2026-10-01"), held("visit_by_mentor", "2026-10-05")];
        assert_eq!(cycle_ahead(&meetings), vec![MeetingKind::Trial, MeetingKind::Planning, MeetingKind::Final]);
    }

    #[test]
    fn a_quiet_pair_and_overdue_meetings_are_flagged() {
        let held = |date: &str| NewMeeting::parse(&input("series", date, true)).expect("valid");
        let planned = |date: &str| NewMeeting::parse(&input("series", date, false)).expect("valid");
        // Formed on 1 September, never met: quiet from the 22nd.
        assert_eq!(warnings(&[], "2026-09-01", "2026-09-21"), vec![]);
        assert_eq!(warnings(&[], "2026-09-01", "2026-09-22"), vec![PairWarning::Quiet { days: 21 }]);
        // Met on 1 October, across the month's end; a meeting planned for 5 October not marked held.
        let meetings = [held("2026-10-01"), planned("2026-10-05"), planned("2026-11-30")];
        assert_eq!(warnings(&meetings, "2026-09-01", "2026-10-21"), vec![PairWarning::OverdueMeetings { count: 1 }]);
        assert_eq!(warnings(&meetings, "2026-09-01", "2026-10-22"), vec![PairWarning::Quiet { days: 21 }, PairWarning::OverdueMeetings { count: 1 }]);
    }
}
