//! Questionnaires (анкеты): their definition, the answers a respondent gives, the waves a
//! programme runs them in, and the statistics of the results. Plain types and rules, shared by
//! the server (which enforces them) and the browser (which checks as the respondent types).
//!
//! - [`Definition`]: sections of questions; stored as JSON in a questionnaire version.
//! - [`Answers`]: question key → value; checked by [`Definition::check_answers`].
//! - [`versioning`]: whether an edit changes what existing answers mean (then a new version).
//! - [`stats`]: response rate, distributions, shares and means, entry/exit linking.
//! - [`templates`]: ready questionnaires written for this project.

pub mod device_storage;
pub mod offline_codes;
pub mod stats;
pub mod templates;
mod validate;
pub mod versioning;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::models::{coded_enum, ParticipantRole};

pub use validate::{Limits, LIMITS};

coded_enum! {
    /// When in a programme a questionnaire is given.
    WaveKind {
        /// Входное анкетирование.
        Entry = "entry",
        /// Промежуточное.
        Mid = "mid",
        /// Выходное (итоговое).
        Exit = "exit",
    }
}

coded_enum! {
    /// Whether a wave accepts answers.
    WaveStatus {
        Open = "open",
        Closed = "closed",
    }
}

coded_enum! {
    /// The four levels of the Kirkpatrick model a question can measure.
    KirkpatrickLevel {
        /// Реакция (удовлетворённость).
        Reaction = "reaction",
        /// Обучение (знания).
        Learning = "learning",
        /// Поведение.
        Behaviour = "behaviour",
        /// Результаты для школы.
        Results = "results",
    }
}

/// A questionnaire as its respondents see it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Definition {
    pub title: String,
    /// Shown on the first screen: what the questionnaire is for and how long it takes.
    #[serde(default)]
    pub intro: String,
    pub sections: Vec<Section>,
}

/// A titled group of questions; short sections are shown on one screen.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Section {
    #[serde(default)]
    pub title: String,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable within a questionnaire across versions; answers and entry/exit comparisons
    /// refer to it. Made by the builder, never typed by a user.
    pub key: String,
    pub text: String,
    #[serde(default)]
    pub hint: String,
    #[serde(default)]
    pub required: bool,
    pub kind: QuestionKind,
    /// Asked only in this wave (e.g. "has your attitude changed" only at exit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only_in: Option<WaveKind>,
    /// The Kirkpatrick level the question measures, for the programme's results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<KirkpatrickLevel>,
}

/// What kind of answer a question takes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// One line (up to [`Limits::short_text`] characters).
    ShortText,
    /// A paragraph (up to [`Limits::long_text`] characters).
    LongText,
    SingleChoice { options: Vec<Choice> },
    /// Any number of options, and with `other` a free "Другое: …" answer.
    MultipleChoice { options: Vec<Choice>, #[serde(default)] other: bool },
    /// 1..=`max` (5 or 10) with labelled ends; a 1–5 scale also labels its neutral middle.
    Scale { max: u8, #[serde(default)] low: String, #[serde(default)] high: String, #[serde(default)] middle: String },
    YesNo,
}

/// An option of a choice question. `id` is stable across reordering and relabelling, so
/// answers keep pointing at the option they chose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: u16,
    pub label: String,
}

/// One answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum AnswerValue {
    Text(String),
    Choice(u16),
    Choices { ids: Vec<u16>, #[serde(default, skip_serializing_if = "Option::is_none")] other: Option<String> },
    Scale(u8),
    YesNo(bool),
}

/// A respondent's answers: question key → answer. Unanswered optional questions are absent.
pub type Answers = BTreeMap<String, AnswerValue>;

impl Definition {
    /// Every question, in order, with its section index.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// The questions a respondent of `wave` is asked.
    pub fn questions_for(&self, wave: WaveKind) -> impl Iterator<Item = &Question> {
        self.questions().filter(move |q| q.only_in.is_none_or(|only| only == wave))
    }

    pub fn question(&self, key: &str) -> Option<&Question> {
        self.questions().find(|q| q.key == key)
    }

    /// A key no question uses yet ("q1", "q2", …).
    pub fn fresh_key(&self) -> String {
        (1..)
            .map(|n| format!("q{n}"))
            .find(|key| self.question(key).is_none())
            .unwrap_or_default()
    }
}

impl QuestionKind {
    pub fn options(&self) -> &[Choice] {
        match self {
            Self::SingleChoice { options } | Self::MultipleChoice { options, .. } => options,
            _ => &[],
        }
    }

    /// Whether an answer of this kind is a number on a scale (its mean is meaningful).
    pub fn is_scale(&self) -> bool {
        matches!(self, Self::Scale { .. })
    }
}

impl AnswerValue {
    /// Whether the respondent actually answered (an empty text or no option is no answer).
    pub fn is_given(&self) -> bool {
        match self {
            Self::Text(text) => !text.trim().is_empty(),
            Self::Choices { ids, other } => !ids.is_empty() || other.as_deref().is_some_and(|o| !o.trim().is_empty()),
            _ => true,
        }
    }
}

/// A wave: a questionnaire given to one role of a programme at one moment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Wave {
    pub id: i64,
    pub programme_id: i64,
    pub questionnaire_id: i64,
    pub questionnaire_title: String,
    pub kind: WaveKind,
    pub role: ParticipantRole,
    /// Answers are stored under a respondent code, never with a name.
    pub anonymous: bool,
    pub status: WaveStatus,
    /// How many people the wave is for (participants of the role, or anonymous codes issued).
    pub invited: i64,
    pub answered: i64,
}

/// A questionnaire of a school, as listed for its curator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireSummary {
    pub id: i64,
    pub title: String,
    pub version: i64,
    pub questions: usize,
    pub answers: i64,
}

/// A questionnaire opened in the builder: its current version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireDraft {
    pub id: i64,
    pub version: i64,
    pub definition: Definition,
    /// Submissions against the current version: when non-zero, an edit that changes the
    /// meaning of a question makes a new version.
    pub answers_on_version: i64,
}

/// What saving a questionnaire did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SaveOutcome {
    pub id: i64,
    pub version: i64,
    pub new_version: bool,
}

/// Everything a respondent's device needs to take a wave, even if the network goes away.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyForm {
    pub wave_id: i64,
    pub kind: WaveKind,
    pub anonymous: bool,
    pub version_id: i64,
    pub definition: Definition,
}

/// A completed questionnaire, as the device sends it. `client_id` is made on the device once,
/// so a resend after a lost answer is recognised and never makes a duplicate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveySubmission {
    pub client_id: String,
    pub wave_id: i64,
    pub version_id: i64,
    /// The respondent's personal code: required in a kiosk and in anonymous waves.
    #[serde(default)]
    pub code: Option<String>,
    pub answers: Answers,
}

/// The server's answer to a submission.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubmitOutcome {
    Received,
    /// This `client_id` had already arrived: nothing new was stored.
    AlreadyReceived,
}

/// A personal code as printed on a slip.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CodeSlip {
    pub code: String,
    pub role: ParticipantRole,
    /// The participant's name for a named code; `None` on an anonymous slip.
    pub name: Option<String>,
}

/// A personal code as the respondent types it: digits only, spaces and dashes ignored.
pub fn normalise_code(input: &str) -> Option<String> {
    let digits: String = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    (digits.len() == CODE_LENGTH && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// Digits in a personal code: short enough to type on a tablet's number pad.
pub const CODE_LENGTH: usize = 6;

/// A device-made id is 8 to 64 characters of `[A-Za-z0-9-]`.
pub fn valid_client_id(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests;
