//! Questionnaires: the builder, waves and codes (curator), taking them (kiosk or own account),
//! and the results.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::caller::Caller;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use domain::access::Intent;
use domain::surveys::*;

/// A template as the picker lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateInfo {
    pub code: String,
    pub title: String,
    pub purpose: String,
}

/// The questionnaires page: the school's questionnaires and the ready templates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionnairesPage {
    pub questionnaires: Vec<QuestionnaireSummary>,
    pub templates: Vec<TemplateInfo>,
    pub can_edit: bool,
}

/// A programme's waves page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WavesPage {
    pub programme_id: i64,
    pub programme_title: String,
    pub can_edit: bool,
    pub waves: Vec<Wave>,
    pub questionnaires: Vec<QuestionnaireSummary>,
    /// Named codes (with names) and anonymous slips (without), for printing.
    pub codes: Vec<CodeSlip>,
}

/// What a kiosk shows: the wave's title and its form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KioskView {
    pub school: String,
    pub form: SurveyForm,
    /// The wave's codes as salted digests, for starting respondents with the network gone.
    #[serde(default)]
    pub codes: domain::surveys::offline_codes::CodeCheck,
}

/// A questionnaire in a mentor's or mentee's list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MySurvey {
    pub wave: Wave,
    pub done: bool,
}

#[cfg(feature = "ssr")]
mod server {
    use crate::error::AppError;

    /// The wave of this device's kiosk cookie.
    pub async fn kiosk_wave() -> Result<Option<(String, i64)>, AppError> {
        let Some(token) = crate::state::request_kiosk_token() else { return Ok(None) };
        let hash = crate::auth::token_hash(&token);
        let db = crate::state::db()?;
        Ok(crate::store::surveys::kiosk_wave(&db, &hash).await?.map(|wave| (hash, wave)))
    }
}

// --- Builder ----------------------------------------------------------------------------------

#[server(prefix = "/api", endpoint = "questionnaires/list", input = Json)]
pub async fn list_questionnaires(organisation_id: Option<i64>) -> Result<QuestionnairesPage, AppError> {
    use domain::surveys::templates::TEMPLATES;
    let caller = Caller::current().await?;
    let place = caller.school(organisation_id).await?;
    Ok(QuestionnairesPage {
        questionnaires: crate::store::surveys::list_questionnaires(&caller.db, place.organisation_id).await?,
        templates: TEMPLATES
            .iter()
            .map(|t| TemplateInfo { code: t.code.into(), title: t.title.into(), purpose: t.purpose.into() })
            .collect(),
        can_edit: caller.may_write(place),
    })
}

/// Creates a questionnaire from a template (or a blank one for an empty `template`) in the
/// curator's school, and returns its id.
#[server(prefix = "/api", endpoint = "questionnaires/create", input = Json)]
pub async fn create_questionnaire(template: String) -> Result<i64, AppError> {
    let caller = Caller::current().await?;
    let place = caller.own_school_to_write().await?;
    let (definition, template) = if template.is_empty() {
        (blank_definition(), None)
    } else {
        let found = domain::surveys::templates::by_code(&template).ok_or(AppError::NotFound)?;
        (found.definition(), Some(found.code))
    };
    let id = crate::store::surveys::create_questionnaire(&caller.db, place.organisation_id, template, &definition).await?;
    tracing::info!(questionnaire_id = id, ?template, "questionnaire created");
    Ok(id)
}

/// A new questionnaire: a title to replace and one question to start from.
pub fn blank_definition() -> Definition {
    Definition {
        title: domain::i18n::tr::SV_NEW_TITLE.into(),
        intro: String::new(),
        sections: vec![Section {
            title: String::new(),
            questions: vec![Question {
                key: "q1".into(),
                text: String::new(),
                hint: String::new(),
                required: true,
                kind: QuestionKind::ShortText,
                only_in: None,
                level: None,
            }],
        }],
    }
}

#[server(prefix = "/api", endpoint = "questionnaires/get", input = Json)]
pub async fn get_questionnaire(id: i64) -> Result<QuestionnaireDraft, AppError> {
    let caller = Caller::current().await?;
    caller.questionnaire(id, Intent::Read).await?;
    Ok(crate::store::surveys::draft(&caller.db, id).await?)
}

/// Saves the builder's questionnaire: refused with messages per question if it breaks a rule;
/// a new version when answers exist and the edit changes what they mean.
#[server(prefix = "/api", endpoint = "questionnaires/save", input = Json)]
pub async fn save_questionnaire(id: i64, definition: Definition) -> Result<SaveOutcome, AppError> {
    let caller = Caller::current().await?;
    caller.questionnaire(id, Intent::Write).await?;
    definition.check().map_err(AppError::Validation)?;
    let outcome = crate::store::surveys::save_questionnaire(&caller.db, id, &definition).await?;
    tracing::info!(questionnaire_id = id, version = outcome.version, new_version = outcome.new_version, "questionnaire saved");
    Ok(outcome)
}

// --- Waves and codes --------------------------------------------------------------------------

#[server(prefix = "/api", endpoint = "waves/list", input = Json)]
pub async fn list_waves(programme_id: i64) -> Result<WavesPage, AppError> {
    use crate::store::surveys as store;
    let caller = Caller::current().await?;
    let place = caller.programme(programme_id, Intent::Read).await?;
    let db = &caller.db;
    let (programme, _) = crate::store::programmes::get(db, programme_id).await?;
    Ok(WavesPage {
        programme_id,
        programme_title: programme.title,
        can_edit: caller.may_write(place),
        waves: store::waves_of(db, programme_id).await?,
        questionnaires: store::list_questionnaires(db, place.organisation_id).await?,
        codes: store::codes_of(db, programme_id).await?,
    })
}

/// Gives a questionnaire of the school to a role of the programme as a wave, open at once.
#[server(prefix = "/api", endpoint = "waves/create", input = Json)]
pub async fn create_wave(
    programme_id: i64,
    questionnaire_id: i64,
    kind: String,
    role: String,
    anonymous: bool,
) -> Result<i64, AppError> {
    use domain::i18n::tr;
    let caller = Caller::current().await?;
    let place = caller.programme(programme_id, Intent::Write).await?;
    let db = &caller.db;
    let kind = WaveKind::from_code(&kind).ok_or_else(|| AppError::field("kind", tr::SV_ERR_WAVE_KIND))?;
    let role = domain::models::ParticipantRole::from_code(&role).ok_or_else(|| AppError::field("role", tr::SV_ERR_ROLE))?;
    match crate::store::surveys::questionnaire_place(db, questionnaire_id).await {
        Ok(q) if q == place => {}
        _ => return Err(AppError::field("questionnaire", tr::SV_ERR_PICK_QUESTIONNAIRE)),
    }
    let id = crate::store::surveys::create_wave(db, programme_id, questionnaire_id, kind, role, anonymous).await?;
    tracing::info!(wave_id = id, programme_id, "wave created");
    Ok(id)
}

#[server(prefix = "/api", endpoint = "waves/status", input = Json)]
pub async fn set_wave_open(wave_id: i64, open: bool) -> Result<(), AppError> {
    let caller = Caller::current().await?;
    caller.wave(wave_id, Intent::Write).await?;
    let status = if open { WaveStatus::Open } else { WaveStatus::Closed };
    crate::store::surveys::set_wave_status(&caller.db, wave_id, status).await?;
    Ok(())
}

/// Issues personal codes: one for every participant of the programme who has none, or with
/// `anonymous_count` > 0, that many anonymous slips for `role`.
#[server(prefix = "/api", endpoint = "waves/codes", input = Json)]
pub async fn issue_codes(programme_id: i64, role: String, anonymous_count: usize) -> Result<(), AppError> {
    use domain::i18n::tr;
    let caller = Caller::current().await?;
    caller.programme(programme_id, Intent::Write).await?;
    let db = &caller.db;
    if anonymous_count == 0 {
        crate::store::surveys::issue_named_codes(db, programme_id).await?;
    } else {
        let role = domain::models::ParticipantRole::from_code(&role).ok_or_else(|| AppError::field("role", tr::SV_ERR_ROLE))?;
        if anonymous_count > 500 {
            return Err(AppError::field("count", tr::SV_ERR_SLIP_COUNT));
        }
        crate::store::surveys::issue_anonymous_codes(db, programme_id, role, anonymous_count).await?;
    }
    Ok(())
}

/// Turns this device into a kiosk for the wave: the curator's session on it ends, and the
/// device can open nothing but this wave's questionnaire until a curator logs in again.
#[server(prefix = "/api", endpoint = "waves/kiosk", input = Json)]
pub async fn open_kiosk(wave_id: i64) -> Result<(), AppError> {
    use axum::http::{header::SET_COOKIE, HeaderValue};

    use crate::auth::*;
    let state = crate::state::state()?;
    let caller = Caller::current().await?;
    caller.wave(wave_id, Intent::Write).await?;
    let user = &caller.user;
    if crate::store::surveys::wave(&state.db, wave_id).await?.status == WaveStatus::Closed {
        return Err(AppError::Refused(domain::i18n::tr::SV_WAVE_CLOSED.into()));
    }
    let token = new_session_token();
    let expires_at = crate::store::now_unix() + KIOSK_TTL_SECONDS;
    crate::store::surveys::open_kiosk(&state.db, &token_hash(&token), wave_id, user.id, expires_at).await?;
    if let Some(session) = crate::state::request_token() {
        crate::store::users::delete_session(&state.db, &token_hash(&session)).await?;
    }
    let response = expect_context::<leptos_axum::ResponseOptions>();
    for cookie in [kiosk_cookie(Some(&token), state.web.secure_cookies), expired_cookie(state.web.secure_cookies)] {
        response.append_header(SET_COOKIE, HeaderValue::from_str(&cookie).map_err(AppError::internal)?);
    }
    tracing::info!(wave_id, user_id = user.id, "kiosk opened");
    Ok(())
}

// --- Taking a questionnaire -------------------------------------------------------------------

/// The kiosk's wave and form; `None` when this device is not a kiosk.
#[server(prefix = "/api", endpoint = "kiosk/get", input = Json)]
pub async fn kiosk_page() -> Result<Option<KioskView>, AppError> {
    let Some((_, wave_id)) = server::kiosk_wave().await? else { return Ok(None) };
    let db = crate::state::db()?;
    let place = crate::store::surveys::wave_place(&db, wave_id).await?;
    let wave = crate::store::surveys::wave(&db, wave_id).await?;
    // The codes that may answer this wave: its role's, named or anonymous as the wave is.
    let codes: Vec<String> = crate::store::surveys::codes_of(&db, wave.programme_id)
        .await?
        .into_iter()
        .filter(|slip| slip.role == wave.role && slip.name.is_none() == wave.anonymous)
        .map(|slip| slip.code)
        .collect();
    let salt = crate::auth::new_session_token();
    let codes = tokio::task::spawn_blocking(move || domain::surveys::offline_codes::CodeCheck::new(&salt, codes.iter().map(String::as_str)))
        .await
        .map_err(AppError::internal)?;
    Ok(Some(KioskView {
        school: crate::store::orgs::organisation(&db, place.organisation_id).await?.name,
        form: crate::store::surveys::form(&db, wave_id).await?,
        codes,
    }))
}

/// Checks a respondent's personal code at the kiosk before they start: it must belong to
/// the wave's people and not have answered yet. Guessing is slowed down like passwords.
#[server(prefix = "/api", endpoint = "kiosk/code", input = Json)]
pub async fn check_kiosk_code(code: String) -> Result<(), AppError> {
    use domain::i18n::tr;
    use crate::services::throttle::Guess;
    use crate::store::surveys as store;
    let state = crate::state::state()?;
    let Some((hash, wave_id)) = server::kiosk_wave().await? else { return Err(AppError::Unauthorized) };
    let code = normalise_code(&code).ok_or_else(|| AppError::field("code", tr::SV_ERR_CODE_FORMAT))?;
    let guess = Guess::new("kiosk", &hash, crate::state::request_client());
    guess.count(&state.db).await?;
    let wave = store::wave(&state.db, wave_id).await?;
    let owner = store::code_owner(&state.db, wave.programme_id, &code).await?;
    let Some(respondent) = owner.and_then(|o| o.respondent_in(wave.role, wave.anonymous)) else {
        return Err(AppError::field("code", tr::SV_ERR_CODE_UNKNOWN));
    };
    // A right code takes back only its own count: one known code must not reset a guesser's tries.
    guess.was_not_a_guess(&state.db).await?;
    if store::has_answered(&state.db, wave_id, &respondent).await? {
        return Err(AppError::field("code", tr::SV_ALREADY_ANSWERED));
    }
    Ok(())
}

/// The open questionnaires of the logged-in mentor or mentee.
#[server(prefix = "/api", endpoint = "surveys/mine", input = Json)]
pub async fn my_surveys() -> Result<Vec<MySurvey>, AppError> {
    let caller = Caller::current().await?;
    let Some(participant_id) = caller.user.participant_id else { return Ok(Vec::new()) };
    let waves = crate::store::surveys::open_waves_for(&caller.db, participant_id).await?;
    Ok(waves.into_iter().map(|(wave, done)| MySurvey { wave, done }).collect())
}

/// The form of a wave the logged-in participant is asked to answer.
#[server(prefix = "/api", endpoint = "surveys/form", input = Json)]
pub async fn my_survey_form(wave_id: i64) -> Result<SurveyForm, AppError> {
    let caller = Caller::current().await?;
    let participant_id = caller.user.participant_id.ok_or(AppError::NotFound)?;
    let mine = crate::store::surveys::open_waves_for(&caller.db, participant_id).await?;
    if !mine.iter().any(|(wave, _)| wave.id == wave_id) {
        return Err(AppError::NotFound);
    }
    Ok(crate::store::surveys::form(&caller.db, wave_id).await?)
}

/// Stores a completed questionnaire from a kiosk or an own account. Sending the same
/// `client_id` again answers `AlreadyReceived` and stores nothing.
#[server(prefix = "/api", endpoint = "surveys/submit", input = Json)]
pub async fn submit_survey(submission: domain::surveys::SurveySubmission) -> Result<SubmitOutcome, AppError> {
    use crate::services::intake::{accept, Submitter};
    let state = crate::state::state()?;
    let (submitter, guess) = match server::kiosk_wave().await? {
        Some((hash, wave_id)) => (Submitter::Kiosk { wave_id }, Some(crate::services::throttle::Guess::new("kiosk", &hash, crate::state::request_client()))),
        None => (Submitter::Account { participant_id: Caller::current().await?.user.participant_id }, None),
    };
    // Codes typed at a kiosk are throttled here as at «Начать»: same keys, same counts. This is
    // the hot path of a school's morning, so it reads the lock and counts only wrong codes.
    if let Some(guess) = &guess {
        guess.check(&state.db).await?;
    }
    let accepted = accept(&state.db, submitter, &submission).await;
    if let (Some(guess), Err(error)) = (&guess, &accepted) {
        if crate::services::intake::is_wrong_code(error) {
            guess.was_wrong(&state.db).await?;
        }
    }
    match accepted {
        Ok(accepted) => state.submissions.submit(accepted).await,
        // A resend of what was stored before the wave closed (or the code changed) is still
        // stored: say so rather than refuse.
        Err(refusal) => match crate::store::surveys::received(&state.db, &submission.client_id).await? {
            true => Ok(SubmitOutcome::AlreadyReceived),
            false => Err(refusal),
        },
    }
}

// --- Results ----------------------------------------------------------------------------------

#[server(prefix = "/api", endpoint = "waves/results", input = Json)]
pub async fn get_wave_results(wave_id: i64) -> Result<domain::surveys::stats::WaveResults, AppError> {
    let caller = Caller::current().await?;
    caller.wave(wave_id, Intent::Read).await?;
    Ok(crate::store::surveys::wave_results(&caller.db, wave_id).await?)
}
