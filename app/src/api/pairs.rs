//! A pair's year of work: its workspace (meetings, plans, diary), the curator's overview of a
//! programme's pairs, completing a mentee's work, the mentor's отзыв, and letters of thanks.
//! A pair is named by (programme, mentor); a plan and a completion by (programme, mentee).

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
use domain::models::{DiaryInput, LetterOfThanks, MeetingInput, OutcomeInput, PairsOverview, PlanRowInput, Workspace};

/// A pair's workspace as the caller may see it.
#[server(prefix = "/api", endpoint = "pairs/workspace", input = Json)]
pub async fn pair_workspace(programme_id: i64, mentor_id: i64) -> Result<Workspace, AppError> {
    let caller = crate::caller::Caller::current().await?;
    let access = caller.pair(programme_id, mentor_id).await?;
    crate::services::pair_work::workspace(&caller.db, &caller.user, &access).await
}

/// Plans or records a meeting of the pair (its mentor or a mentee). A change names the
/// version it was made on; if the partner changed the meeting first, nothing is written.
#[server(prefix = "/api", endpoint = "pairs/meetings/save", input = Json)]
pub async fn save_meeting(programme_id: i64, mentor_id: i64, meeting_id: Option<i64>, base_version: i64, input: MeetingInput) -> Result<i64, AppError> {
    use crate::store::pair_work;
    let caller = crate::caller::Caller::current().await?;
    let access = caller.pair(programme_id, mentor_id).await?;
    access.to_change()?;
    let meeting = domain::models::NewMeeting::parse(&input).map_err(AppError::Validation)?;
    let name = &caller.user.display_name;
    match meeting_id {
        None => Ok(pair_work::add_meeting(&caller.db, programme_id, mentor_id, &meeting, name).await?),
        Some(id) => {
            if pair_work::meeting_place(&caller.db, id).await? != (programme_id, mentor_id) {
                return Err(AppError::NotFound);
            }
            pair_work::update_meeting(&caller.db, id, base_version, &meeting, name).await.map_err(|e| crate::services::pair_work::stale(e, &caller.user))
        }
    }
}

/// Removes a planned or recorded meeting, if nobody changed it since `base_version`.
#[server(prefix = "/api", endpoint = "pairs/meetings/delete", input = Json)]
pub async fn delete_meeting(meeting_id: i64, base_version: i64) -> Result<(), AppError> {
    use crate::store::pair_work;
    let caller = crate::caller::Caller::current().await?;
    let (programme_id, mentor_id) = pair_work::meeting_place(&caller.db, meeting_id).await?;
    caller.pair(programme_id, mentor_id).await?.to_change()?;
    pair_work::delete_meeting(&caller.db, meeting_id, base_version).await.map_err(|e| crate::services::pair_work::stale(e, &caller.user))
}

/// Starts a mentee's plan from its template (the mentee's deficits and requests) plus the
/// rows the pair added before starting; starting twice adds nothing.
#[server(prefix = "/api", endpoint = "pairs/plan/start", input = Json)]
pub async fn start_plan(programme_id: i64, mentee_id: i64) -> Result<bool, AppError> {
    use crate::store::{self, pair_work};
    let caller = crate::caller::Caller::current().await?;
    let access = caller.mentee_in_pair(programme_id, mentee_id).await?;
    access.to_change()?;
    let (programme, _) = store::programmes::get(&caller.db, programme_id).await?;
    let (person, _) = store::participants::get(&caller.db, mentee_id).await?;
    let deadline = programme.ends_on.clone();
    // The template's rows get the programme's end as their deadline and a first activity to edit.
    let rows: Vec<domain::models::PlanRow> = domain::models::template(programme.form, &person.data.requests, &person.data.deficits)
        .into_iter()
        .filter_map(|row| {
            let row = PlanRowInput { activities: domain::i18n::tr::PLAN_TEMPLATE_ACTIVITY.into(), deadline: deadline.clone(), ..row };
            domain::models::PlanRow::parse(&row, programme.form).ok()
        })
        .collect();
    Ok(pair_work::start_plan(&caller.db, programme_id, mentee_id, &rows, &caller.user.display_name).await?)
}

/// Adds (`row_id` empty) or changes a row of a mentee's plan. A change made on an old version
/// is refused with who changed the row meanwhile; the typed row stays on the page.
#[server(prefix = "/api", endpoint = "pairs/plan/save", input = Json)]
pub async fn save_plan_row(programme_id: i64, mentee_id: i64, row_id: Option<i64>, base_version: i64, input: PlanRowInput) -> Result<i64, AppError> {
    use crate::store::{self, pair_work};
    let caller = crate::caller::Caller::current().await?;
    let access = caller.mentee_in_pair(programme_id, mentee_id).await?;
    access.to_change()?;
    crate::services::pair_work::refuse_closed(&caller.db, programme_id, mentee_id).await?;
    let (programme, _) = store::programmes::get(&caller.db, programme_id).await?;
    let row = domain::models::PlanRow::parse(&input, programme.form).map_err(AppError::Validation)?;
    if !pair_work::plan_started(&caller.db, programme_id, mentee_id).await? {
        pair_work::start_plan(&caller.db, programme_id, mentee_id, &[], &caller.user.display_name).await?;
    }
    let name = &caller.user.display_name;
    match row_id {
        None => Ok(pair_work::add_plan_row(&caller.db, programme_id, mentee_id, &row, name).await?),
        Some(id) => {
            if pair_work::plan_row_place(&caller.db, id).await? != (programme_id, mentee_id) {
                return Err(AppError::NotFound);
            }
            let summary = domain::i18n::tr::plan_row_changed(&row.deficit, row.done.is_some());
            pair_work::update_plan_row(&caller.db, id, base_version, &row, &summary, name).await.map_err(|e| crate::services::pair_work::stale(e, &caller.user))
        }
    }
}

/// Removes a plan row, if nobody changed it since `base_version`.
#[server(prefix = "/api", endpoint = "pairs/plan/delete", input = Json)]
pub async fn delete_plan_row(row_id: i64, base_version: i64) -> Result<(), AppError> {
    use crate::store::pair_work;
    let caller = crate::caller::Caller::current().await?;
    let (programme_id, mentee_id) = pair_work::plan_row_place(&caller.db, row_id).await?;
    caller.mentee_in_pair(programme_id, mentee_id).await?.to_change()?;
    crate::services::pair_work::refuse_closed(&caller.db, programme_id, mentee_id).await?;
    pair_work::delete_plan_row(&caller.db, row_id, base_version, &caller.user.display_name).await.map_err(|e| crate::services::pair_work::stale(e, &caller.user))
}

/// Writes (`entry_id` empty) or changes the caller's own diary entry in a pair.
#[server(prefix = "/api", endpoint = "pairs/diary/save", input = Json)]
pub async fn save_diary_entry(programme_id: i64, mentor_id: i64, entry_id: Option<i64>, input: DiaryInput) -> Result<i64, AppError> {
    use crate::store::pair_work;
    let caller = crate::caller::Caller::current().await?;
    let access = caller.pair(programme_id, mentor_id).await?;
    access.to_change()?;
    let author = caller.user.participant_id.ok_or(AppError::Forbidden)?;
    let entry = domain::models::NewDiaryEntry::parse(&input).map_err(AppError::Validation)?;
    match entry_id {
        None => Ok(pair_work::add_diary_entry(&caller.db, programme_id, mentor_id, author, &entry).await?),
        Some(id) => {
            // Another's entry (or one of another pair) is answered as missing.
            if pair_work::diary_entry_place(&caller.db, id).await? != (programme_id, mentor_id, author) {
                return Err(AppError::NotFound);
            }
            pair_work::update_diary_entry(&caller.db, id, author, &entry).await?;
            Ok(id)
        }
    }
}

/// Removes the caller's own diary entry.
#[server(prefix = "/api", endpoint = "pairs/diary/delete", input = Json)]
pub async fn delete_diary_entry(entry_id: i64) -> Result<(), AppError> {
    use crate::store::pair_work;
    let caller = crate::caller::Caller::current().await?;
    let (programme_id, mentor_id, author) = pair_work::diary_entry_place(&caller.db, entry_id).await?;
    if caller.user.participant_id != Some(author) {
        return Err(AppError::NotFound);
    }
    caller.pair(programme_id, mentor_id).await?.to_change()?;
    pair_work::delete_diary_entry(&caller.db, entry_id, author).await?;
    Ok(())
}

/// A programme's pairs at a glance: the school's curator and the district's coordinator
/// (figures only: no diary, plan or meeting text).
#[server(prefix = "/api", endpoint = "pairs/overview", input = Json)]
pub async fn programme_pairs(programme_id: i64) -> Result<PairsOverview, AppError> {
    let caller = crate::caller::Caller::current().await?;
    let place = caller.programme(programme_id, domain::access::Intent::Read).await?;
    let can_edit = caller.may_change_programme(programme_id, place).await?;
    let today = crate::services::pair_work::today_for(&caller.user);
    crate::services::pair_work::overview(&caller.db, programme_id, &today, can_edit).await
}

/// The curator closes (or extends) a mentee's work with its result. When every mentee of the
/// pair is closed, the pair is finished and read-only.
#[server(prefix = "/api", endpoint = "pairs/outcome/save", input = Json)]
pub async fn save_outcome(programme_id: i64, mentee_id: i64, input: OutcomeInput) -> Result<(), AppError> {
    let caller = crate::caller::Caller::current().await?;
    caller.programme(programme_id, domain::access::Intent::Write).await?;
    let access = caller.mentee_in_pair(programme_id, mentee_id).await?;
    if access.pair.status == domain::models::PairStatus::Draft {
        return Err(AppError::Refused(domain::i18n::tr::PAIR_NOT_FIXED.into()));
    }
    let today = crate::services::pair_work::today_for(&caller.user);
    let outcome = domain::models::Outcome::parse(&input, &today).map_err(AppError::Validation)?;
    crate::services::pair_work::complete(&caller.db, &access, mentee_id, &outcome, &today, &caller.user.display_name).await?;
    tracing::info!(programme_id, mentee_id, decision = outcome.decision.code(), "pair outcome saved");
    Ok(())
}

/// The mentor's отзыв about a mentee (the mentor, or the curator typing it from paper).
#[server(prefix = "/api", endpoint = "pairs/review/save", input = Json)]
pub async fn save_review(programme_id: i64, mentee_id: i64, review: String) -> Result<(), AppError> {
    use domain::models::WorkRole;
    let caller = crate::caller::Caller::current().await?;
    let access = caller.mentee_in_pair(programme_id, mentee_id).await?;
    match access.role {
        WorkRole::Mentee => return Err(AppError::Forbidden),
        WorkRole::Curator => {
            caller.programme(programme_id, domain::access::Intent::Write).await?;
        }
        WorkRole::Mentor => {
            if let Some(day) = &access.archived_on {
                return Err(AppError::Refused(domain::i18n::tr::programme_archived(day)));
            }
        }
    }
    if access.pair.status == domain::models::PairStatus::Draft {
        return Err(AppError::Refused(domain::i18n::tr::PAIR_NOT_FIXED.into()));
    }
    let review = domain::models::parse_review(&review).map_err(AppError::Validation)?;
    crate::store::pair_work::save_review(&caller.db, programme_id, mentee_id, access.mentor_id, &review, &caller.user.display_name).await?;
    Ok(())
}

/// Chooses a mentor of the programme for a letter of thanks (or takes the choice back).
#[server(prefix = "/api", endpoint = "pairs/thanks/choose", input = Json)]
pub async fn choose_for_thanks(programme_id: i64, mentor_id: i64, chosen: bool) -> Result<(), AppError> {
    let caller = crate::caller::Caller::current().await?;
    caller.programme(programme_id, domain::access::Intent::Write).await?;
    if crate::store::pair_work::current_pair(&caller.db, programme_id, mentor_id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let today = crate::services::pair_work::today_for(&caller.user);
    crate::store::pair_work::set_thanked(&caller.db, programme_id, mentor_id, chosen, &today).await?;
    Ok(())
}

/// The letters of thanks of the chosen mentors, to print (one per page) — the school's curator.
#[server(prefix = "/api", endpoint = "pairs/thanks/letters", input = Json)]
pub async fn thanks_letters(programme_id: i64) -> Result<Vec<LetterOfThanks>, AppError> {
    let caller = crate::caller::Caller::current().await?;
    let place = caller.programme(programme_id, domain::access::Intent::Read).await?;
    if !caller.may_write(place) {
        return Err(AppError::Forbidden);
    }
    let today = crate::services::pair_work::today_for(&caller.user);
    crate::services::pair_work::letters(&caller.db, programme_id, &today).await
}

/// A programme's final report: its school's curator and the district's coordinator.
#[server(prefix = "/api", endpoint = "reports/final", input = Json)]
pub async fn final_report(programme_id: i64) -> Result<domain::reports::final_report::FinalReport, AppError> {
    let caller = crate::caller::Caller::current().await?;
    caller.programme(programme_id, domain::access::Intent::Read).await?;
    let today = crate::services::pair_work::today_for(&caller.user);
    crate::services::pair_work::final_report(&caller.db, programme_id, &today).await
}
