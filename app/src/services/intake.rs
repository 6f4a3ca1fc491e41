//! Taking in submitted questionnaires (server only): who is answering, whether the answers
//! keep the questionnaire's rules, and a writer that stores them in batches.
//!
//! Respondents on one school's Wi-Fi tend to press «Отправить» together. On SQLite every
//! transaction costs a disk sync, so one task takes whatever has queued up and stores it in
//! one transaction: throughput grows with load instead of collapsing under it.

use tokio::sync::{mpsc, oneshot};

use crate::error::AppError;
use domain::i18n::tr;
use crate::store::surveys::{self as store, Accepted, StoreRefusal, Target};
use crate::store::{Conn, Db};
use domain::surveys::{normalise_code, stats, valid_client_id, SurveySubmission, SubmitOutcome, WaveStatus};

/// Who is submitting.
#[derive(Clone, Copy, Debug)]
pub enum Submitter {
    /// A shared tablet opened for one wave; the respondent identifies by personal code.
    Kiosk { wave_id: i64 },
    /// A logged-in mentor or mentee, linked to a participant of the base (or not).
    Account { participant_id: Option<i64> },
}

/// Checks a submission and turns it into rows to store, or says why not (in Russian).
/// Reads only: nothing is written before every check has passed.
pub async fn accept(db: impl Conn, submitter: Submitter, submission: &SurveySubmission) -> Result<Accepted, AppError> {
    let mut conn = db.acquire().await?;
    if !valid_client_id(&submission.client_id) {
        return Err(AppError::Refused(tr::SV_ERR_CLIENT_ID.into()));
    }
    let Some(Target { wave, definition }) = store::target(&mut *conn, submission.wave_id, submission.version_id).await? else {
        return Err(AppError::NotFound);
    };
    if let Submitter::Kiosk { wave_id } = submitter {
        if wave_id != submission.wave_id {
            return Err(AppError::Forbidden);
        }
    }
    let respondent = match submitter {
        // An account answers only for its own person, in a wave of its own programme and role,
        // and never with a code: codes are typed at a kiosk of their wave. Nothing about the wave
        // or a code is told to anyone else.
        Submitter::Account { participant_id } => {
            let participant_id = participant_id.ok_or(AppError::Forbidden)?;
            if crate::store::participants::role_in(&mut *conn, participant_id, wave.programme_id).await? != Some(wave.role) {
                return Err(AppError::NotFound);
            }
            if submission.code.is_some() {
                return Err(AppError::Forbidden);
            }
            if wave.anonymous {
                return Err(AppError::field("code", tr::SV_ERR_CODE_REQUIRED));
            }
            open_and_valid(&wave, &definition, submission)?;
            format!("p{participant_id}")
        }
        // The answers are checked before the code, so an empty or broken submission cannot be
        // used to tell a right code from a wrong one.
        Submitter::Kiosk { .. } => {
            open_and_valid(&wave, &definition, submission)?;
            let code = submission.code.as_deref().ok_or_else(|| AppError::field("code", tr::SV_ERR_CODE_REQUIRED))?;
            let code = normalise_code(code).ok_or_else(|| AppError::field("code", tr::SV_ERR_CODE_FORMAT))?;
            // A code names the respondent: a slip in an anonymous wave, a person otherwise.
            store::code_owner(&mut *conn, wave.programme_id, &code)
                .await?
                .and_then(|owner| owner.respondent_in(wave.role, wave.anonymous))
                .ok_or_else(|| AppError::field("code", tr::SV_ERR_CODE_UNKNOWN))?
        }
    };
    Ok(Accepted {
        client_id: submission.client_id.clone(),
        wave_id: submission.wave_id,
        version_id: submission.version_id,
        respondent,
        rows: stats::to_rows(&submission.answers),
    })
}

/// The wave takes answers and these answers keep its questionnaire's rules.
fn open_and_valid(wave: &store::WaveTarget, definition: &domain::surveys::Definition, submission: &SurveySubmission) -> Result<(), AppError> {
    if wave.status == WaveStatus::Closed {
        return Err(AppError::Refused(tr::SV_WAVE_CLOSED.into()));
    }
    definition.check_answers(wave.kind, &submission.answers).map_err(AppError::Validation)
}

/// Whether a refusal was a wrong code (what a kiosk's throttle counts).
pub fn is_wrong_code(error: &AppError) -> bool {
    error.field_message("code").as_deref() == Some(tr::SV_ERR_CODE_UNKNOWN)
}

type Reply = oneshot::Sender<Result<SubmitOutcome, AppError>>;

/// The queue in front of the batch writer. Cheap to clone.
#[derive(Clone, Debug)]
pub struct SubmissionQueue {
    sender: mpsc::Sender<(Accepted, Reply)>,
}

/// Most submissions stored in one transaction.
const MAX_BATCH: usize = 256;

impl SubmissionQueue {
    /// Starts the writer on the current Tokio runtime, supervised: if it dies (a panic in a
    /// driver, say), a new one takes over the same queue. The submissions of the batch it was
    /// writing are answered as a server error and their devices send them again.
    pub fn start(db: Db) -> Self {
        let (sender, receiver) = mpsc::channel::<(Accepted, Reply)>(4 * MAX_BATCH);
        let receiver = std::sync::Arc::new(tokio::sync::Mutex::new(receiver));
        tokio::spawn(supervise("submission writer", move || write_batches(db.clone(), receiver.clone())));
        Self { sender }
    }

    /// Stores one accepted submission (with whatever else is waiting) and returns its outcome.
    pub async fn submit(&self, accepted: Accepted) -> Result<SubmitOutcome, AppError> {
        let (reply, outcome) = oneshot::channel();
        self.sender
            .send((accepted, reply))
            .await
            .map_err(|_| AppError::internal("submission writer stopped"))?;
        outcome.await.map_err(|_| AppError::internal("submission writer dropped a reply"))?
    }
}

/// Takes whatever has queued up and stores it in one transaction, until the queue closes.
async fn write_batches(db: Db, receiver: std::sync::Arc<tokio::sync::Mutex<mpsc::Receiver<(Accepted, Reply)>>>) {
    let mut receiver = receiver.lock().await;
    while let Some(first) = receiver.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match receiver.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        let (items, replies): (Vec<Accepted>, Vec<Reply>) = batch.into_iter().unzip();
        match store::store_batch(&db, &items).await {
            Ok(outcomes) => {
                for (reply, outcome) in replies.into_iter().zip(outcomes) {
                    let _ = reply.send(outcome.map_err(|StoreRefusal::AlreadyAnswered| AppError::Refused(tr::SV_ALREADY_ANSWERED.into())));
                }
            }
            // One bad row must not fail everyone else's: store each alone, and only the one
            // that fails again is refused.
            Err(error) => {
                tracing::error!(%error, size = items.len(), "storing a batch of submissions failed; storing each alone");
                for (item, reply) in items.iter().zip(replies) {
                    let outcome = match store::store_batch(&db, std::slice::from_ref(item)).await {
                        Ok(mut outcomes) => outcomes
                            .pop()
                            .unwrap_or(Err(StoreRefusal::AlreadyAnswered))
                            .map_err(|StoreRefusal::AlreadyAnswered| AppError::Refused(tr::SV_ALREADY_ANSWERED.into())),
                        Err(error) => {
                            tracing::error!(%error, client_id = %item.client_id, "storing a submission failed");
                            Err(AppError::Internal)
                        }
                    };
                    let _ = reply.send(outcome);
                }
            }
        }
    }
}

/// Runs the task `start` makes, and starts it again each time it panics; returns when a run
/// ends by itself. The pause between restarts keeps a task that dies at once from spinning.
pub async fn supervise<F, T>(name: &'static str, start: F)
where
    F: Fn() -> T,
    T: std::future::Future<Output = ()> + Send + 'static,
{
    loop {
        match tokio::spawn(start()).await {
            Ok(()) => return,
            Err(error) if error.is_panic() => {
                tracing::error!(task = name, "the task died; starting it again");
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use super::*;

    #[tokio::test]
    async fn a_task_that_dies_is_started_again_on_the_same_queue() {
        let (sender, receiver) = mpsc::channel::<u32>(8);
        let receiver = Arc::new(tokio::sync::Mutex::new(receiver));
        let (starts, taken) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let supervisor = tokio::spawn({
            let (starts, taken) = (starts.clone(), taken.clone());
            supervise("test", move || {
                let (receiver, starts, taken) = (receiver.clone(), starts.clone(), taken.clone());
                async move {
                    starts.fetch_add(1, Ordering::SeqCst);
                    let mut receiver = receiver.lock().await;
                    while let Some(item) = receiver.recv().await {
                        if item == 13 {
                            panic!("a fault in the writer");
                        }
                        taken.fetch_add(1, Ordering::SeqCst);
                    }
                }
            })
        });
        for item in [1, 13, 2, 3] {
            sender.send(item).await.expect("the queue is open");
        }
        drop(sender);
        supervisor.await.expect("the supervisor ends when the queue closes");
        assert_eq!(starts.load(Ordering::SeqCst), 2, "started once more after the panic");
        assert_eq!(taken.load(Ordering::SeqCst), 3, "the items after the fault were taken by the new task");
    }
}
