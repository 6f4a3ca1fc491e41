//! A pair's year of work, assembled for each page from the store and the domain's rules: the
//! workspace as one caller may see it, the curator's overview, a participant's home and
//! reminders, completing a mentee's work, and the letters of thanks.

use crate::caller::PairAccess;
use crate::error::AppError;
use crate::store::{self, pair_work, Conn, Db};
use domain::i18n::tr;
use domain::models::{
    cycle_ahead, diary_visible, letter_of_thanks, meeting_reminders, next_meeting, plans_by_competence, progress, template, warnings,
    Completion, CurrentUser, LetterOfThanks, MenteeWork, MentorWork, NewMeeting, Outcome, PairAtHome, PairFigures, PairLine, PairStatus,
    PairsOverview, PlanRow, Reminder, WorkRole, Workspace,
};

/// Today in the caller's district, `YYYY-MM-DD`: deadlines and meetings are days there.
pub fn today_for(user: &CurrentUser) -> String {
    user.time_zone.local_minutes(&store::now()).chars().take(10).collect()
}

/// The workspace of a pair as the caller may see it.
pub async fn workspace(db: &Db, user: &CurrentUser, access: &PairAccess) -> Result<Workspace, AppError> {
    let today = today_for(user);
    let (programme, _) = store::programmes::get(db, access.programme_id).await?;
    let by_competence = plans_by_competence(programme.form);
    let meetings = pair_work::meetings(db, access.programme_id, access.mentor_id).await?;
    let plain: Vec<NewMeeting> = meetings.iter().map(|m| m.item.clone()).collect();
    let fixed_on = store::pair_work::fixed_on(db, access.programme_id, access.mentor_id).await?.unwrap_or_else(|| programme.starts_on.clone());
    let visible_mentees: Vec<i64> = match access.role {
        WorkRole::Mentee => user.participant_id.into_iter().collect(),
        WorkRole::Mentor | WorkRole::Curator => access.pair.mentee_ids.clone(),
    };
    let mut mentees = Vec::new();
    for (mentee_id, name, _) in pair_work::names(db, &visible_mentees).await? {
        let rows = pair_work::plan_rows(db, access.programme_id, mentee_id, by_competence).await?;
        let plain_rows: Vec<PlanRow> = rows.iter().map(|r| r.item.clone()).collect();
        let plan_started = pair_work::plan_started(db, access.programme_id, mentee_id).await?;
        let template = if plan_started {
            Vec::new()
        } else {
            let (person, _) = store::participants::get(db, mentee_id).await?;
            template(programme.form, &person.data.requests, &person.data.deficits)
        };
        mentees.push(MenteeWork {
            mentee_id,
            name,
            plan_started,
            progress: progress(&plain_rows, &today),
            rows,
            template,
            history: pair_work::plan_history(db, access.programme_id, mentee_id).await?,
            completion: pair_work::completion(db, access.programme_id, mentee_id).await?,
        });
    }
    let diary = pair_work::diary(db, access.programme_id, access.mentor_id)
        .await?
        .into_iter()
        .filter(|record| diary_visible(record.author, record.entry.share_partner, record.entry.share_curator, access.role, user.participant_id))
        .collect();
    let mentor_name = pair_work::names(db, &[access.mentor_id]).await?.pop().map(|(_, name, _)| name).unwrap_or_default();
    Ok(Workspace {
        programme_id: access.programme_id,
        programme_title: programme.title,
        form: programme.form,
        mentor_id: access.mentor_id,
        mentor_name,
        role: access.role,
        me: user.participant_id,
        status: access.pair.status,
        read_only: access.read_only_reason(),
        archived: access.archived_on.is_some(),
        cycle_ahead: cycle_ahead(&plain),
        warnings: warnings(&plain, &fixed_on, &today),
        meetings,
        mentees,
        diary,
        today,
    })
}

/// The plan row a change of a closed mentee's plan would make is refused: their work is over.
pub async fn refuse_closed(db: &Db, programme_id: i64, mentee_id: i64) -> Result<(), AppError> {
    if pair_work::completion(db, programme_id, mentee_id).await?.closed() {
        return Err(AppError::Refused(tr::MENTEE_CLOSED.to_owned()));
    }
    Ok(())
}

/// A refused write in the store, as the caller is told it.
pub fn stale(error: pair_work::WriteError, user: &CurrentUser) -> AppError {
    match error {
        pair_work::WriteError::Stale(Some((who, at))) => AppError::Stale(vec![tr::changed_meanwhile(&who, &user.time_zone.local_minutes(&at))]),
        pair_work::WriteError::Stale(None) => AppError::Stale(vec![tr::REMOVED_MEANWHILE.to_owned()]),
        pair_work::WriteError::Db(e) => e.into(),
    }
}

/// Keeps a mentee's result and decision; when every mentee of the pair is closed, the pair is
/// finished (read-only), and an extension opens it again. One transaction.
pub async fn complete(db: &Db, access: &PairAccess, mentee_id: i64, outcome: &Outcome, today: &str, user_name: &str) -> Result<(), AppError> {
    let mut tx = db.pool.begin().await?;
    pair_work::save_outcome(&mut tx, access.programme_id, mentee_id, access.mentor_id, outcome, today, user_name).await?;
    let mut all_closed = true;
    for mentee in &access.pair.mentee_ids {
        all_closed &= pair_work::completion(&mut tx, access.programme_id, *mentee).await?.closed();
    }
    pair_work::set_pair_finished(&mut tx, access.programme_id, access.mentor_id, all_closed).await?;
    tx.commit().await?;
    Ok(())
}

/// A programme's pairs with their figures and flags.
pub async fn overview(db: &Db, programme_id: i64, today: &str, can_edit: bool) -> Result<PairsOverview, AppError> {
    let (programme, _) = store::programmes::get(db, programme_id).await?;
    let by_competence = plans_by_competence(programme.form);
    let meetings = pair_work::meetings_of_programme(db, programme_id).await?;
    let rows = pair_work::plan_rows_of_programme(db, programme_id, by_competence).await?;
    let diaries = pair_work::diary_counts(db, programme_id).await?;
    let completions = pair_work::completions(db, programme_id).await?;
    let thanked = pair_work::thanked(db, programme_id).await?;
    let mut pairs = Vec::new();
    for (mentor_id, status, mentee_ids) in pair_work::pairs_of_programme(db, programme_id).await? {
        let own: Vec<NewMeeting> = meetings.iter().filter(|(m, _)| *m == mentor_id).map(|(_, meeting)| meeting.clone()).collect();
        let plan: Vec<PlanRow> = rows.iter().filter(|(mentee, _)| mentee_ids.contains(mentee)).map(|(_, row)| row.clone()).collect();
        let diary_entries = diaries.iter().find(|(m, _)| *m == mentor_id).map_or(0, |(_, n)| *n as usize);
        let fixed_on = pair_work::fixed_on(db, programme_id, mentor_id).await?.unwrap_or_else(|| programme.starts_on.clone());
        let names = pair_work::names(db, &mentee_ids).await?;
        pairs.push(PairLine {
            mentor_id,
            mentor_name: pair_work::names(db, &[mentor_id]).await?.pop().map(|(_, name, _)| name).unwrap_or_default(),
            mentees: names.into_iter().map(|(id, name, _)| (id, name)).collect(),
            status,
            figures: PairFigures::of(&own, progress(&plan, today), diary_entries, today),
            warnings: if status == PairStatus::Fixed { warnings(&own, &fixed_on, today) } else { Vec::new() },
            decisions: mentee_ids
                .iter()
                .map(|id| (*id, completions.iter().find(|(m, _)| m == id).and_then(|(_, c)| c.outcome.as_ref().map(|o| o.decision))))
                .collect(),
            thanked: thanked.contains(&mentor_id),
        });
    }
    // Flagged pairs first, then by mentor.
    pairs.sort_by_key(|p| (!p.flagged(), p.mentor_name.clone()));
    Ok(PairsOverview { programme_id, programme_title: programme.title, pairs, can_edit, today: today.to_owned() })
}

/// A participant's pairs with what is next, and their reminders.
pub async fn home(db: &Db, participant_id: i64, today: &str) -> Result<(Vec<PairAtHome>, Vec<Reminder>), AppError> {
    let mut pairs = Vec::new();
    let mut reminders = Vec::new();
    for (pair, partners) in store::programmes::pairs_of(db, participant_id).await? {
        let (programme, _) = store::programmes::get(db, pair.programme_id).await?;
        let meetings: Vec<NewMeeting> = pair_work::meetings(db, pair.programme_id, pair.mentor_id).await?.into_iter().map(|m| m.item).collect();
        let as_mentor = pair.mentor_id == participant_id;
        let plan_of: Vec<i64> = if as_mentor { pair.mentee_ids.clone() } else { vec![participant_id] };
        let by_competence = plans_by_competence(programme.form);
        let mut rows = Vec::new();
        for mentee in &plan_of {
            let own: Vec<PlanRow> = pair_work::plan_rows(db, pair.programme_id, *mentee, by_competence).await?.into_iter().map(|r| r.item).collect();
            let overdue = progress(&own, today).overdue;
            if overdue > 0 && pair.status == PairStatus::Fixed {
                let mentee = pair_work::names(db, &[*mentee]).await?.pop().map(|(_, name, _)| name).unwrap_or_default();
                reminders.push(Reminder::PlanOverdue { programme_id: pair.programme_id, mentor_id: pair.mentor_id, mentee, count: overdue });
            }
            rows.extend(own);
        }
        if pair.status == PairStatus::Fixed {
            reminders.extend(meeting_reminders(pair.programme_id, pair.mentor_id, &meetings, today));
        }
        pairs.push(PairAtHome {
            programme_id: pair.programme_id,
            programme_title: programme.title,
            mentor_id: pair.mentor_id,
            as_mentor,
            partners,
            status: pair.status,
            next_meeting: next_meeting(&meetings, today).cloned(),
            plan: progress(&rows, today),
            overdue_meetings: meetings.iter().filter(|m| !m.held && m.date.as_str() < today).count(),
        });
    }
    // An anonymous wave cannot know who answered: its slips are handed out at school instead.
    for (wave, done) in store::surveys::open_waves_for(db, participant_id).await? {
        if !done && !wave.anonymous {
            reminders.push(Reminder::Questionnaire { wave_id: wave.id, title: wave.questionnaire_title });
        }
    }
    Ok((pairs, reminders))
}

/// The letters of thanks of the mentors a curator chose, one per mentor.
pub async fn letters(db: impl Conn, programme_id: i64, today: &str) -> Result<Vec<LetterOfThanks>, AppError> {
    let mut conn = db.acquire().await?;
    let (programme, _) = store::programmes::get(&mut *conn, programme_id).await?;
    let (school, head_position, head_name) = pair_work::school_signatory(&mut *conn, programme.organisation_id).await?;
    let by_competence = plans_by_competence(programme.form);
    let meetings = pair_work::meetings_of_programme(&mut *conn, programme_id).await?;
    let rows = pair_work::plan_rows_of_programme(&mut *conn, programme_id, by_competence).await?;
    let completions = pair_work::completions(&mut *conn, programme_id).await?;
    let pairs = pair_work::pairs_of_programme(&mut *conn, programme_id).await?;
    let mut letters = Vec::new();
    for mentor_id in pair_work::thanked(&mut *conn, programme_id).await? {
        let mentee_ids = pairs.iter().find(|(m, _, _)| *m == mentor_id).map(|(_, _, mentees)| mentees.clone()).unwrap_or_default();
        let work = MentorWork {
            programme: programme.title.clone(),
            mentees: pair_work::names(&mut *conn, &mentee_ids).await?.into_iter().map(|(_, name, _)| name).collect(),
            meetings_held: meetings.iter().filter(|(m, meeting)| *m == mentor_id && meeting.held).count(),
            plan_rows_done: rows.iter().filter(|(mentee, row)| mentee_ids.contains(mentee) && row.done.is_some()).count(),
            goals_reached: completions
                .iter()
                .filter(|(mentee, _)| mentee_ids.contains(mentee))
                .filter_map(|(_, c): &(i64, Completion)| c.outcome.as_ref().map(|o| o.goals_reached.clone()))
                .filter(|g| !g.trim().is_empty())
                .collect(),
        };
        let Some((_, _, (last, first, middle))) = pair_work::names(&mut *conn, &[mentor_id]).await?.pop() else { continue };
        letters.push(letter_of_thanks(&school, &head_position, &head_name, (&last, &first, middle.as_deref()), &work, today));
    }
    Ok(letters)
}

/// A programme's final report as of `today`.
pub async fn final_report(db: &Db, programme_id: i64, today: &str) -> Result<domain::reports::final_report::FinalReport, AppError> {
    use domain::reports::final_report::{work_figures, FinalReport, MenteeResult, PairResult};
    let (programme, organisation) = store::programmes::get(db, programme_id).await?;
    let by_competence = plans_by_competence(programme.form);
    let meetings = pair_work::meetings_of_programme(db, programme_id).await?;
    let rows = pair_work::plan_rows_of_programme(db, programme_id, by_competence).await?;
    let completions = pair_work::completions(db, programme_id).await?;
    let pairs: Vec<(i64, Vec<i64>)> = pair_work::pairs_of_programme(db, programme_id).await?.into_iter().map(|(mentor, _, mentees)| (mentor, mentees)).collect();
    let decisions: Vec<(i64, domain::models::Decision)> =
        completions.iter().filter_map(|(mentee, c)| c.outcome.as_ref().map(|o| (*mentee, o.decision))).collect();
    let mut lines = Vec::new();
    for (mentor_id, mentee_ids) in &pairs {
        let mut mentees = Vec::new();
        for (mentee_id, name, _) in pair_work::names(db, mentee_ids).await? {
            let outcome = completions.iter().find(|(m, _)| *m == mentee_id).and_then(|(_, c)| c.outcome.clone());
            mentees.push(MenteeResult {
                name,
                decision: outcome.as_ref().map(|o| o.decision),
                goals_reached: outcome.as_ref().map(|o| o.goals_reached.clone()).unwrap_or_default(),
                changes: outcome.as_ref().map(|o| o.changes.clone()).unwrap_or_default(),
            });
        }
        let own_rows: Vec<PlanRow> = rows.iter().filter(|(m, _)| mentee_ids.contains(m)).map(|(_, r)| r.clone()).collect();
        lines.push(PairResult {
            mentor: pair_work::names(db, &[*mentor_id]).await?.pop().map(|(_, name, _)| name).unwrap_or_default(),
            mentees,
            meetings_held: meetings.iter().filter(|(m, meeting)| m == mentor_id && meeting.held).count(),
            plan: progress(&own_rows, today),
        });
    }
    lines.sort_by(|a, b| a.mentor.cmp(&b.mentor));
    Ok(FinalReport {
        programme_id,
        programme: programme.title.clone(),
        organisation: organisation.clone(),
        form: programme.form,
        starts_on: programme.starts_on.clone(),
        ends_on: programme.ends_on.clone(),
        made_on: today.to_owned(),
        work: work_figures(&pairs, &meetings, &rows, &decisions, today),
        pairs: lines,
        before_after: crate::services::reports::comparisons(db, store::surveys::Scope::School(programme.organisation_id), &organisation).await?,
        swot: store::reports::swot(db, programme_id).await?,
        practices: store::practices::of_programme(db, programme_id).await?,
    })
}
