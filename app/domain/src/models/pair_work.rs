//! A pair's year of work beyond meetings and plans: who may do what in a pair's workspace,
//! the reflection diary, the pair's completion (result, the mentor's отзыв, the decision),
//! the curator's figures per pair, a participant's reminders and the letter of thanks.
//!
//! A "pair" here is a mentor with the mentees they lead in one programme (a group when more
//! than one): meetings and the diary belong to it, keyed by (programme, mentor) so they outlive
//! the board's rows; a plan and a completion belong to each mentee of it.

use serde::{Deserialize, Serialize};

use super::text::checked_text;
use super::{coded_enum, day_number, is_date, CurrentUser, NewMeeting, PlanProgress, UserRole};
use crate::access::Place;
use crate::i18n::ru;
use crate::FieldErrors;

/// Longest answer to a diary's guiding question, in characters.
pub const MAX_DIARY_ANSWER: usize = 3000;
/// Longest part of a pair's result, and of a reason, in characters.
pub const MAX_RESULT_PART: usize = 3000;
/// Longest отзыв, in characters (about two printed pages).
pub const MAX_REVIEW: usize = 6000;

/// What the caller is to a pair's workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkRole {
    /// The pair's mentor: plans meetings, edits every mentee's plan, writes отзывы.
    Mentor,
    /// One of the pair's mentees: their own plan, the pair's meetings, their diary.
    Mentee,
    /// The school's curator: reads the pair's work and what was shared with them, closes it.
    Curator,
}

/// The caller's part in the pair of `mentor_id` with `mentee_ids` at `place`, or `None` — then
/// the pair is answered as missing. A coordinator reads the district's figures, never a pair's
/// workspace (its diary is private).
pub fn work_role(user: &CurrentUser, place: Place, mentor_id: i64, mentee_ids: &[i64]) -> Option<WorkRole> {
    let same_school = user.organisation_id == Some(place.organisation_id) && user.district_id == place.district_id;
    if !same_school {
        return None;
    }
    match (user.role, user.participant_id) {
        (UserRole::Curator, _) => Some(WorkRole::Curator),
        (UserRole::Mentor | UserRole::Mentee, Some(me)) if me == mentor_id => Some(WorkRole::Mentor),
        (UserRole::Mentor | UserRole::Mentee, Some(me)) if mentee_ids.contains(&me) => Some(WorkRole::Mentee),
        _ => None,
    }
}

/// A reflection diary entry as typed: the day and the three guiding questions of the
/// methodology, and with whom it is shared (nobody by default).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DiaryInput {
    /// `YYYY-MM-DD`.
    pub written_on: String,
    /// Что получилось.
    pub went_well: String,
    /// Что было трудно.
    pub was_hard: String,
    /// Что дальше.
    pub next_steps: String,
    pub share_partner: bool,
    pub share_curator: bool,
}

/// An entry that keeps the rules: a valid day, and at least one question answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewDiaryEntry {
    pub written_on: String,
    pub went_well: String,
    pub was_hard: String,
    pub next_steps: String,
    pub share_partner: bool,
    pub share_curator: bool,
}

impl NewDiaryEntry {
    pub fn parse(input: &DiaryInput) -> Result<NewDiaryEntry, FieldErrors> {
        let mut errors = FieldErrors::new();
        let written_on = input.written_on.trim().to_owned();
        if !is_date(&written_on) {
            errors.insert("written_on".into(), ru::ERR_DATE.into());
        }
        let went_well = checked_text(&mut errors, "went_well", &input.went_well, MAX_DIARY_ANSWER, false);
        let was_hard = checked_text(&mut errors, "was_hard", &input.was_hard, MAX_DIARY_ANSWER, false);
        let next_steps = checked_text(&mut errors, "next_steps", &input.next_steps, MAX_DIARY_ANSWER, false);
        if errors.is_empty() && went_well.is_empty() && was_hard.is_empty() && next_steps.is_empty() {
            errors.insert("went_well".into(), ru::ERR_DIARY_EMPTY.into());
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(NewDiaryEntry { written_on, went_well, was_hard, next_steps, share_partner: input.share_partner, share_curator: input.share_curator })
    }
}

/// Who wrote a diary entry, in the pair it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiaryAuthor {
    Mentor,
    /// A mentee, by participant id (a group's mentees do not read each other's entries).
    Mentee(i64),
}

/// Whether a viewer sees an entry: its author always; the partner when shared with the partner
/// (a mentor's entry reaches each of the group's mentees, a mentee's reaches the mentor only);
/// the curator when shared with the curator. `viewer` is the viewer's participant id for a
/// mentee.
pub fn diary_visible(author: DiaryAuthor, share_partner: bool, share_curator: bool, viewer: WorkRole, viewer_participant: Option<i64>) -> bool {
    match (author, viewer) {
        (DiaryAuthor::Mentor, WorkRole::Mentor) => true,
        (DiaryAuthor::Mentee(author), WorkRole::Mentee) => viewer_participant == Some(author),
        (DiaryAuthor::Mentor, WorkRole::Mentee) | (DiaryAuthor::Mentee(_), WorkRole::Mentor) => share_partner,
        (_, WorkRole::Curator) => share_curator,
    }
}

coded_enum! {
    /// How a mentee's work in a pair ends (stage 7).
    Decision {
        /// Finished: the goals were worked through.
        Finished = "finished",
        /// Extended to a date.
        Extended = "extended",
        /// Ended before its time, with a reason.
        EndedEarly = "ended_early",
    }
}

impl Decision {
    /// Whether the pair's work is over (and read-only) for this mentee.
    pub fn closes(self) -> bool {
        !matches!(self, Decision::Extended)
    }
}

/// A pair's result and decision as the curator types them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OutcomeInput {
    pub decision: String,
    /// `YYYY-MM-DD`, for an extension.
    #[serde(default)]
    pub extended_to: String,
    /// Why it ended early (required then).
    #[serde(default)]
    pub reason: String,
    /// Goals reached.
    pub goals_reached: String,
    /// What changed for the mentee.
    pub changes: String,
    pub recommendations: String,
}

/// A result that keeps the rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub decision: Decision,
    pub extended_to: Option<String>,
    pub reason: String,
    pub goals_reached: String,
    pub changes: String,
    pub recommendations: String,
}

impl Outcome {
    /// `today` (`YYYY-MM-DD`): an extension must run past it.
    pub fn parse(input: &OutcomeInput, today: &str) -> Result<Outcome, FieldErrors> {
        let mut errors = FieldErrors::new();
        let decision = Decision::from_code(input.decision.trim());
        if decision.is_none() {
            errors.insert("decision".into(), ru::ERR_DECISION.into());
        }
        let extended_to = input.extended_to.trim().to_owned();
        if decision == Some(Decision::Extended) {
            match (day_number(&extended_to), day_number(today)) {
                (Some(to), Some(now)) if to > now => {}
                (Some(_), Some(_)) => {
                    errors.insert("extended_to".into(), ru::ERR_EXTENDED_PAST.into());
                }
                _ => {
                    errors.insert("extended_to".into(), ru::ERR_DATE.into());
                }
            }
        }
        let reason = checked_text(&mut errors, "reason", &input.reason, MAX_RESULT_PART, decision == Some(Decision::EndedEarly));
        // A finished pair states what it reached; an early end or an extension may not have yet.
        let goals_reached = checked_text(&mut errors, "goals_reached", &input.goals_reached, MAX_RESULT_PART, decision == Some(Decision::Finished));
        let changes = checked_text(&mut errors, "changes", &input.changes, MAX_RESULT_PART, false);
        let recommendations = checked_text(&mut errors, "recommendations", &input.recommendations, MAX_RESULT_PART, false);
        match decision {
            Some(decision) if errors.is_empty() => Ok(Outcome {
                decision,
                extended_to: (decision == Decision::Extended).then_some(extended_to),
                reason,
                goals_reached,
                changes,
                recommendations,
            }),
            _ => Err(errors),
        }
    }
}

/// The mentor's отзыв about a mentee, checked.
pub fn parse_review(text: &str) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::new();
    let review = checked_text(&mut errors, "review", text, MAX_REVIEW, true);
    if errors.is_empty() { Ok(review) } else { Err(errors) }
}

/// A pair's figures on the curator's overview.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PairFigures {
    pub plan: PlanProgress,
    pub meetings_held: usize,
    pub meetings_planned: usize,
    /// The day of the last meeting held, if any.
    pub last_meeting: Option<String>,
    pub diary_entries: usize,
}

impl PairFigures {
    /// The figures of a pair's meetings, plan progress and diary count.
    pub fn of(meetings: &[NewMeeting], plan: PlanProgress, diary_entries: usize, today: &str) -> PairFigures {
        let held: Vec<&NewMeeting> = meetings.iter().filter(|m| m.held).collect();
        PairFigures {
            plan,
            meetings_held: held.len(),
            meetings_planned: meetings.iter().filter(|m| !m.held && m.date.as_str() >= today).count(),
            last_meeting: held.iter().map(|m| m.date.clone()).max(),
            diary_entries,
        }
    }
}

/// Something a mentor or mentee should act on, shown as a badge and a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reminder {
    /// A planned meeting today or tomorrow: (programme, mentor) of the pair, its topic, its day.
    MeetingSoon { programme_id: i64, mentor_id: i64, topic: String, date: String },
    /// A planned meeting whose day passed without being marked held.
    MeetingNotRecorded { programme_id: i64, mentor_id: i64, topic: String, date: String },
    /// Plan rows past their deadline and not done.
    PlanOverdue { programme_id: i64, mentor_id: i64, mentee: String, count: usize },
    /// A questionnaire waiting to be answered.
    Questionnaire { wave_id: i64, title: String },
}

/// The reminders of one pair's meetings as of `today`.
pub fn meeting_reminders(programme_id: i64, mentor_id: i64, meetings: &[NewMeeting], today: &str) -> Vec<Reminder> {
    let Some(today_number) = day_number(today) else { return Vec::new() };
    let mut out = Vec::new();
    for meeting in meetings.iter().filter(|m| !m.held) {
        let Some(day) = day_number(&meeting.date) else { continue };
        let (topic, date) = (meeting.topic.clone(), meeting.date.clone());
        if day == today_number || day == today_number + 1 {
            out.push(Reminder::MeetingSoon { programme_id, mentor_id, topic, date });
        } else if day < today_number {
            out.push(Reminder::MeetingNotRecorded { programme_id, mentor_id, topic, date });
        }
    }
    out.sort_by(|a, b| reminder_day(a).cmp(reminder_day(b)));
    out
}

fn reminder_day(reminder: &Reminder) -> &str {
    match reminder {
        Reminder::MeetingSoon { date, .. } | Reminder::MeetingNotRecorded { date, .. } => date,
        _ => "",
    }
}

/// The next planned meeting on or after `today`.
pub fn next_meeting<'a>(meetings: &'a [NewMeeting], today: &str) -> Option<&'a NewMeeting> {
    meetings.iter().filter(|m| !m.held && m.date.as_str() >= today).min_by(|a, b| a.date.cmp(&b.date))
}

/// What a letter of thanks says, filled from the school's details and the pair's work.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LetterOfThanks {
    pub school: String,
    pub mentor: String,
    /// The address line: «Уважаемая Анна Петровна!» (the first name and patronymic).
    pub salutation: String,
    pub body: String,
    pub head_position: String,
    pub head_name: String,
    pub date: String,
}

/// What the letter says of a mentor's work.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MentorWork {
    pub programme: String,
    pub mentees: Vec<String>,
    pub meetings_held: usize,
    pub plan_rows_done: usize,
    pub goals_reached: Vec<String>,
}

/// The letter for a mentor (`last first patronymic`), in the school's words.
pub fn letter_of_thanks(school: &str, head_position: &str, head_name: &str, mentor: (&str, &str, Option<&str>), work: &MentorWork, date: &str) -> LetterOfThanks {
    let (last, first, patronymic) = mentor;
    let addressed = match patronymic.filter(|p| !p.trim().is_empty()) {
        Some(patronymic) => format!("{first} {patronymic}"),
        None => first.to_owned(),
    };
    let feminine = patronymic.is_some_and(|p| p.ends_with("вна") || p.ends_with("чна") || p.ends_with("кызы"));
    let salutation = format!("{} {addressed}!", if feminine { "Уважаемая" } else { "Уважаемый" });
    let body = ru::thanks_body(&work.programme, &work.mentees, work.meetings_held, work.plan_rows_done, &work.goals_reached);
    LetterOfThanks {
        school: school.to_owned(),
        mentor: [last, first, patronymic.unwrap_or("")].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" "),
        salutation,
        body,
        // Until the school names its head (on the order's page), the line is left to sign by hand.
        head_position: if head_position.trim().is_empty() { ru::ORDER_HEAD.to_owned() } else { head_position.to_owned() },
        head_name: head_name.to_owned(),
        date: date.to_owned(),
    }
}

/// A stored record with the version its next change must name, and who changed it last.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Versioned<T> {
    pub id: i64,
    pub version: i64,
    pub updated_by: String,
    /// RFC 3339, UTC.
    pub updated_at: String,
    pub item: T,
}

/// A diary entry as stored, with its author.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiaryRecord {
    pub id: i64,
    pub author_id: i64,
    pub author_name: String,
    pub author: DiaryAuthor,
    pub entry: NewDiaryEntry,
    pub updated_at: String,
}

impl NewDiaryEntry {
    /// The entry as its form shows it, to edit.
    pub fn to_input(&self) -> DiaryInput {
        DiaryInput {
            written_on: self.written_on.clone(),
            went_well: self.went_well.clone(),
            was_hard: self.was_hard.clone(),
            next_steps: self.next_steps.clone(),
            share_partner: self.share_partner,
            share_curator: self.share_curator,
        }
    }
}

/// A mentee's completion as stored: the result once decided, and the mentor's отзыв.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Completion {
    pub outcome: Option<Outcome>,
    pub decided_on: Option<String>,
    pub review: String,
}

impl Completion {
    /// Whether the mentee's work in the pair is over, and their part read-only.
    pub fn closed(&self) -> bool {
        self.outcome.as_ref().is_some_and(|o| o.decision.closes())
    }
}

impl Outcome {
    /// The result as its form shows it, to edit.
    pub fn to_input(&self) -> OutcomeInput {
        OutcomeInput {
            decision: self.decision.code().to_owned(),
            extended_to: self.extended_to.clone().unwrap_or_default(),
            reason: self.reason.clone(),
            goals_reached: self.goals_reached.clone(),
            changes: self.changes.clone(),
            recommendations: self.recommendations.clone(),
        }
    }
}

impl NewMeeting {
    /// The meeting as its form shows it, to edit.
    pub fn to_input(&self) -> super::MeetingInput {
        super::MeetingInput {
            kind: self.kind.code().to_owned(),
            date: self.date.clone(),
            minutes: self.minutes.to_string(),
            format: self.format.code().to_owned(),
            topic: self.topic.clone(),
            done: self.done.clone(),
            next_step: self.next_step.clone(),
            held: self.held,
        }
    }
}

impl super::PlanRow {
    /// The row as its form shows it, to edit.
    pub fn to_input(&self) -> super::PlanRowInput {
        let (done_on, note) = self.done.clone().unwrap_or_default();
        super::PlanRowInput {
            group: self.group.code(),
            deficit: self.deficit.clone(),
            activities: self.activities.clone(),
            deadline: self.deadline.clone(),
            expected: self.expected.clone(),
            done: self.done.is_some(),
            done_on,
            note,
        }
    }
}

impl super::PlanGroup {
    /// How the group is stored: a competence's code, or the goal's words.
    pub fn code(&self) -> String {
        match self {
            super::PlanGroup::Competence(competence) => competence.code().to_owned(),
            super::PlanGroup::Goal(goal) => goal.clone(),
        }
    }

    /// The stored group back, by the form's way of grouping.
    pub fn decode(code: &str, by_competence: bool) -> Option<super::PlanGroup> {
        if by_competence {
            super::Competence::from_code(code).map(super::PlanGroup::Competence)
        } else {
            Some(super::PlanGroup::Goal(code.to_owned()))
        }
    }

    /// What a page shows as the group's heading.
    pub fn label(&self) -> String {
        match self {
            super::PlanGroup::Competence(competence) => ru::competence(*competence).to_owned(),
            super::PlanGroup::Goal(goal) => goal.clone(),
        }
    }
}

/// A pair's workspace as its page shows it to one caller (only what they may see).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub programme_id: i64,
    pub programme_title: String,
    pub form: super::MentoringForm,
    pub mentor_id: i64,
    pub mentor_name: String,
    pub role: WorkRole,
    /// The caller's participant id (mentor or mentee).
    pub me: Option<i64>,
    pub status: super::PairStatus,
    /// Why nothing can be changed now, if so (a draft pair, a finished one, an archived programme).
    pub read_only: Option<String>,
    /// The programme is in the archive: nothing of it changes.
    pub archived: bool,
    pub meetings: Vec<Versioned<NewMeeting>>,
    pub cycle_ahead: Vec<super::MeetingKind>,
    pub warnings: Vec<super::PairWarning>,
    /// The mentees the caller may see: every one for the mentor and the curator, themself for a mentee.
    pub mentees: Vec<MenteeWork>,
    /// The entries the caller may read.
    pub diary: Vec<DiaryRecord>,
    /// Today in the district, `YYYY-MM-DD`.
    pub today: String,
}

/// One mentee's part of a pair: their plan and completion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MenteeWork {
    pub mentee_id: i64,
    pub name: String,
    pub plan_started: bool,
    pub rows: Vec<Versioned<super::PlanRow>>,
    pub progress: PlanProgress,
    /// The rows a plan would start from (the mentee's deficits and requests), before it starts.
    pub template: Vec<super::PlanRowInput>,
    /// (who, when, what), newest first.
    pub history: Vec<(String, String, String)>,
    pub completion: Completion,
}

/// A pair on the curator's overview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairLine {
    pub mentor_id: i64,
    pub mentor_name: String,
    pub mentees: Vec<(i64, String)>,
    pub status: super::PairStatus,
    pub figures: PairFigures,
    pub warnings: Vec<super::PairWarning>,
    /// Per mentee, the decision taken, if any.
    pub decisions: Vec<(i64, Option<Decision>)>,
    pub thanked: bool,
}

impl PairLine {
    /// Whether the curator's eye is drawn to the pair: quiet, overdue meetings or plan rows.
    pub fn flagged(&self) -> bool {
        self.status == super::PairStatus::Fixed && (!self.warnings.is_empty() || self.figures.plan.overdue > 0)
    }
}

/// A programme's pairs at a glance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairsOverview {
    pub programme_id: i64,
    pub programme_title: String,
    pub pairs: Vec<PairLine>,
    /// Whether the caller closes pairs and chooses letters (the school's curator).
    pub can_edit: bool,
    pub today: String,
}

/// A mentor's or mentee's pair on their home page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairAtHome {
    pub programme_id: i64,
    pub programme_title: String,
    pub mentor_id: i64,
    pub as_mentor: bool,
    pub partners: Vec<String>,
    pub status: super::PairStatus,
    pub next_meeting: Option<NewMeeting>,
    pub plan: PlanProgress,
    pub overdue_meetings: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{MeetingFormat, MeetingKind};

    const SCHOOL: Place = Place { district_id: 1, organisation_id: 10 };

    fn user(role: UserRole, organisation_id: Option<i64>, participant_id: Option<i64>) -> CurrentUser {
        CurrentUser { id: 1, login: "x".into(), display_name: "x".into(), role, district_id: 1, organisation_id, participant_id, time_zone: Default::default() }
    }

    fn meeting(date: &str, held: bool) -> NewMeeting {
        NewMeeting { kind: MeetingKind::Series, date: date.into(), minutes: 45, format: MeetingFormat::InPerson, topic: format!("Встреча {date}"), done: String::new(), next_step: String::new(), held }
    }

    #[test]
    fn only_the_pair_and_the_schools_curator_reach_its_workspace() {
        let (mentor, mentees) = (100, [200, 201]);
        assert_eq!(work_role(&user(UserRole::Mentor, Some(10), Some(100)), SCHOOL, mentor, &mentees), Some(WorkRole::Mentor));
        assert_eq!(work_role(&user(UserRole::Mentee, Some(10), Some(201)), SCHOOL, mentor, &mentees), Some(WorkRole::Mentee));
        assert_eq!(work_role(&user(UserRole::Curator, Some(10), None), SCHOOL, mentor, &mentees), Some(WorkRole::Curator));
        // Another pair's mentee, another school's curator, the coordinator: nothing.
        assert_eq!(work_role(&user(UserRole::Mentee, Some(10), Some(202)), SCHOOL, mentor, &mentees), None);
        assert_eq!(work_role(&user(UserRole::Curator, Some(11), None), SCHOOL, mentor, &mentees), None);
        assert_eq!(work_role(&user(UserRole::Methodologist, None, None), SCHOOL, mentor, &mentees), None);
        // A participant id of this school under another school's account does not count.
        assert_eq!(work_role(&user(UserRole::Mentor, Some(11), Some(100)), SCHOOL, mentor, &mentees), None);
    }

    #[test]
    fn a_diary_entry_is_seen_only_by_whom_its_author_shared_it_with() {
        let mentee = DiaryAuthor::Mentee(200);
        // Private: its author only.
        assert!(diary_visible(mentee, false, false, WorkRole::Mentee, Some(200)));
        assert!(!diary_visible(mentee, false, false, WorkRole::Mentor, Some(100)));
        assert!(!diary_visible(mentee, false, false, WorkRole::Curator, None));
        // Shared with the partner: the mentor, but not another mentee of the group.
        assert!(diary_visible(mentee, true, false, WorkRole::Mentor, Some(100)));
        assert!(!diary_visible(mentee, true, false, WorkRole::Mentee, Some(201)));
        assert!(!diary_visible(mentee, true, false, WorkRole::Curator, None));
        // Shared with the curator only.
        assert!(diary_visible(mentee, false, true, WorkRole::Curator, None));
        assert!(!diary_visible(mentee, false, true, WorkRole::Mentor, Some(100)));
        // A mentor's entry shared with the partner reaches every mentee of the group.
        assert!(diary_visible(DiaryAuthor::Mentor, true, false, WorkRole::Mentee, Some(201)));
        assert!(!diary_visible(DiaryAuthor::Mentor, false, false, WorkRole::Mentee, Some(201)));
    }

    #[test]
    fn a_diary_entry_needs_a_day_and_one_answer() {
        let empty = DiaryInput { written_on: "2026-10-01".into(), ..DiaryInput::default() };
        assert_eq!(NewDiaryEntry::parse(&empty).expect_err("refused")["went_well"], ru::ERR_DIARY_EMPTY);
        let bad_day = DiaryInput { written_on: "01.10.2026".into(), was_hard: "Дисциплина в 7Б".into(), ..DiaryInput::default() };
        assert_eq!(NewDiaryEntry::parse(&bad_day).expect_err("refused")["written_on"], ru::ERR_DATE);
        let ok = DiaryInput { written_on: " 2026-10-01 ".into(), was_hard: " Дисциплина в 7Б ".into(), share_curator: true, ..DiaryInput::default() };
        let entry = NewDiaryEntry::parse(&ok).expect("valid");
        assert_eq!((entry.written_on.as_str(), entry.was_hard.as_str(), entry.share_curator, entry.share_partner), ("2026-10-01", "Дисциплина в 7Б", true, false));
        let long = DiaryInput { went_well: "я".repeat(MAX_DIARY_ANSWER + 1), ..ok };
        assert_eq!(NewDiaryEntry::parse(&long).expect_err("refused")["went_well"], ru::err_too_long(MAX_DIARY_ANSWER));
    }

    #[test]
    fn a_result_says_what_its_decision_needs() {
        let today = "2027-05-20";
        let finished = OutcomeInput { decision: "finished".into(), goals_reached: "Урок по ФГОС выстраивает сама".into(), ..OutcomeInput::default() };
        assert_eq!(Outcome::parse(&finished, today).expect("valid").decision, Decision::Finished);
        let silent = OutcomeInput { goals_reached: String::new(), ..finished.clone() };
        assert!(Outcome::parse(&silent, today).expect_err("refused").contains_key("goals_reached"));
        let early = OutcomeInput { decision: "ended_early".into(), ..OutcomeInput::default() };
        assert!(Outcome::parse(&early, today).expect_err("refused").contains_key("reason"));
        let extended = OutcomeInput { decision: "extended".into(), extended_to: "2027-05-01".into(), ..OutcomeInput::default() };
        assert_eq!(Outcome::parse(&extended, today).expect_err("refused")["extended_to"], ru::ERR_EXTENDED_PAST);
        let later = OutcomeInput { extended_to: "2027-12-25".into(), ..extended };
        let outcome = Outcome::parse(&later, today).expect("valid");
        assert_eq!((outcome.extended_to.as_deref(), outcome.decision.closes()), (Some("2027-12-25"), false));
        assert!(Decision::Finished.closes() && Decision::EndedEarly.closes());
        assert!(Outcome::parse(&OutcomeInput { decision: "won".into(), ..OutcomeInput::default() }, today).expect_err("refused").contains_key("decision"));
    }

    #[test]
    fn reminders_name_tomorrows_meeting_and_the_ones_not_recorded() {
        let meetings = [meeting("2026-10-20", false), meeting("2026-10-22", false), meeting("2026-10-23", false), meeting("2026-10-10", true), meeting("2026-10-30", false)];
        let reminders = meeting_reminders(5, 100, &meetings, "2026-10-22");
        let days: Vec<(&str, bool)> = reminders
            .iter()
            .map(|r| match r {
                Reminder::MeetingSoon { date, .. } => (date.as_str(), true),
                Reminder::MeetingNotRecorded { date, .. } => (date.as_str(), false),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(days, vec![("2026-10-20", false), ("2026-10-22", true), ("2026-10-23", true)]);
        assert_eq!(next_meeting(&meetings, "2026-10-22").map(|m| m.date.as_str()), Some("2026-10-22"));
        assert_eq!(next_meeting(&meetings, "2026-10-31"), None);
    }

    #[test]
    fn a_pairs_figures_count_what_was_held_and_planned() {
        let meetings = [meeting("2026-09-10", true), meeting("2026-10-01", true), meeting("2026-10-05", false), meeting("2026-11-10", false)];
        let plan = PlanProgress { planned: 4, done: 1, overdue: 2 };
        let figures = PairFigures::of(&meetings, plan, 3, "2026-10-20");
        assert_eq!(figures, PairFigures { plan, meetings_held: 2, meetings_planned: 1, last_meeting: Some("2026-10-01".into()), diary_entries: 3 });
    }

    #[test]
    fn a_letter_of_thanks_names_the_mentor_and_what_the_pair_did() {
        let work = MentorWork { programme: "Наставничество молодых педагогов".into(), mentees: vec!["Егорова Мария Ивановна".into()], meetings_held: 7, plan_rows_done: 5, goals_reached: vec!["Урок по ФГОС выстраивает сама".into()] };
        let letter = letter_of_thanks("МБОУ «Лицей № 1»", "Директор", "Г. В. Седова", ("Андреева", "Анна", Some("Петровна")), &work, "2027-05-25");
        assert_eq!(letter.salutation, "Уважаемая Анна Петровна!");
        assert_eq!(letter.mentor, "Андреева Анна Петровна");
        for expected in ["Наставничество молодых педагогов", "Егорова Мария Ивановна", "7 встреч", "5 пунктов", "Урок по ФГОС выстраивает сама"] {
            assert!(letter.body.contains(expected), "{expected}: {}", letter.body);
        }
        let him = letter_of_thanks("Школа", "Директор", "И. И. Иванов", ("Петров", "Олег", Some("Ильич")), &MentorWork::default(), "2027-05-25");
        assert_eq!(him.salutation, "Уважаемый Олег Ильич!");
    }
}
