//! A programme's final report (итоговый отчёт, stage 7): its counts, each pair with its
//! result, meetings held by kind, the plans' fulfilment, entry against exit, the SWOT and the
//! best practices. The figures are computed here from plain records, once, for the printed
//! page, the workbook and the deck's slides alike.

use serde::{Deserialize, Serialize};

use super::{Swot, TemplateComparison};
use crate::models::{percent, Decision, MeetingKind, NewMeeting, PlanProgress, PlanRow, Practice};

/// The year of a programme's pairs in figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkFigures {
    pub pairs: usize,
    pub mentors: usize,
    pub mentees: usize,
    pub meetings_held: usize,
    /// Held meetings per kind, in the cycle's order; kinds never held are left out.
    pub meetings_by_kind: Vec<(MeetingKind, usize)>,
    pub plan: PlanProgress,
    /// Plan rows done of all planned, in whole percent.
    pub plan_percent: i64,
    /// Mentees per decision taken.
    pub decisions: Vec<(Decision, usize)>,
    /// Mentees with no decision yet.
    pub undecided: usize,
}

/// The figures of `pairs` (mentor, mentees) with their meetings (by mentor), plan rows (by
/// mentee) and decisions (by mentee), as of `today`.
pub fn work_figures(pairs: &[(i64, Vec<i64>)], meetings: &[(i64, NewMeeting)], rows: &[(i64, PlanRow)], decisions: &[(i64, Decision)], today: &str) -> WorkFigures {
    let mentees: Vec<i64> = pairs.iter().flat_map(|(_, m)| m.iter().copied()).collect();
    let in_programme = |mentor: i64| pairs.iter().any(|(m, _)| *m == mentor);
    let held: Vec<&NewMeeting> = meetings.iter().filter(|(mentor, m)| m.held && in_programme(*mentor)).map(|(_, m)| m).collect();
    let meetings_by_kind = MeetingKind::ALL
        .iter()
        .map(|kind| (*kind, held.iter().filter(|m| m.kind == *kind).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let own_rows: Vec<PlanRow> = rows.iter().filter(|(mentee, _)| mentees.contains(mentee)).map(|(_, row)| row.clone()).collect();
    let plan = crate::models::progress(&own_rows, today);
    let decided: Vec<(i64, Decision)> = decisions.iter().filter(|(mentee, _)| mentees.contains(mentee)).copied().collect();
    WorkFigures {
        pairs: pairs.len(),
        mentors: pairs.len(),
        mentees: mentees.len(),
        meetings_held: held.len(),
        meetings_by_kind,
        plan_percent: percent(plan.done as i64, plan.planned as i64),
        plan,
        decisions: Decision::ALL.iter().map(|d| (*d, decided.iter().filter(|(_, x)| x == d).count())).filter(|(_, n)| *n > 0).collect(),
        undecided: mentees.len() - decided.len(),
    }
}

/// One mentee's line in the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MenteeResult {
    pub name: String,
    pub decision: Option<Decision>,
    pub goals_reached: String,
    pub changes: String,
}

/// One pair's line in the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairResult {
    pub mentor: String,
    pub mentees: Vec<MenteeResult>,
    pub meetings_held: usize,
    pub plan: PlanProgress,
}

/// The final report of a programme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FinalReport {
    pub programme_id: i64,
    pub programme: String,
    pub organisation: String,
    pub form: crate::models::MentoringForm,
    pub starts_on: String,
    pub ends_on: String,
    /// `YYYY-MM-DD`, when it was made.
    pub made_on: String,
    pub work: WorkFigures,
    pub pairs: Vec<PairResult>,
    pub before_after: Vec<TemplateComparison>,
    pub swot: Swot,
    pub practices: Vec<Practice>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{Competence, MeetingFormat, PlanGroup};

    fn meeting(kind: MeetingKind, held: bool) -> NewMeeting {
        NewMeeting { kind, date: "2026-10-01".into(), minutes: 45, format: MeetingFormat::InPerson, topic: "Тема".into(), done: String::new(), next_step: String::new(), held }
    }

    fn row(deadline: &str, done: bool) -> PlanRow {
        PlanRow {
            group: PlanGroup::Competence(Competence::Communicative),
            deficit: "Дефицит".into(),
            activities: "Мероприятие".into(),
            deadline: deadline.into(),
            expected: String::new(),
            done: done.then(|| ("2026-10-02".to_owned(), String::new())),
        }
    }

    #[test]
    fn the_figures_count_held_meetings_by_kind_plan_rows_and_decisions_of_the_programmes_pairs_only() {
        // Two pairs: mentor 1 with mentees 11 and 12 (a group), mentor 2 with 21. Mentor 9's
        // meetings and mentee 99's rows belong to another programme's pair and do not count.
        let pairs = vec![(1, vec![11, 12]), (2, vec![21])];
        let meetings = vec![
            (1, meeting(MeetingKind::Acquaintance, true)),
            (1, meeting(MeetingKind::Series, true)),
            (1, meeting(MeetingKind::Series, true)),
            (1, meeting(MeetingKind::Final, false)),
            (2, meeting(MeetingKind::Acquaintance, true)),
            (2, meeting(MeetingKind::VisitByMentor, true)),
            (9, meeting(MeetingKind::Series, true)),
        ];
        let rows = vec![(11, row("2026-11-01", true)), (11, row("2026-11-01", false)), (12, row("2027-03-01", false)), (21, row("2026-11-01", true)), (99, row("2026-11-01", true))];
        let decisions = vec![(11, Decision::Finished), (21, Decision::EndedEarly), (99, Decision::Finished)];
        let figures = work_figures(&pairs, &meetings, &rows, &decisions, "2026-12-01");
        assert_eq!((figures.pairs, figures.mentors, figures.mentees), (2, 2, 3));
        assert_eq!(figures.meetings_held, 5);
        assert_eq!(figures.meetings_by_kind, vec![(MeetingKind::Acquaintance, 2), (MeetingKind::Series, 2), (MeetingKind::VisitByMentor, 1)]);
        assert_eq!(figures.plan, PlanProgress { planned: 4, done: 2, overdue: 1 });
        assert_eq!(figures.plan_percent, 50);
        assert_eq!(figures.decisions, vec![(Decision::Finished, 1), (Decision::EndedEarly, 1)]);
        assert_eq!(figures.undecided, 1);
    }

    #[test]
    fn a_programme_without_pairs_has_zeros_not_a_division_by_zero() {
        let figures = work_figures(&[], &[], &[], &[], "2026-12-01");
        assert_eq!(figures, WorkFigures::default());
    }
}
