//! The rules a questionnaire and its answers must keep. The builder and the respondent's page
//! check them as the user types; the server checks them again before storing anything.

use std::collections::{BTreeMap, BTreeSet};

use super::{AnswerValue, Answers, Definition, QuestionKind, WaveKind};
use crate::FieldErrors;
use crate::i18n::tr;

/// Sizes that keep a questionnaire answerable on a tablet and a submission small.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub title: usize,
    pub question_text: usize,
    pub questions: usize,
    pub options: usize,
    pub option_label: usize,
    pub short_text: usize,
    pub long_text: usize,
}

pub const LIMITS: Limits = Limits {
    title: 200,
    question_text: 500,
    questions: 200,
    options: 40,
    option_label: 200,
    short_text: 200,
    long_text: 4000,
};

impl Definition {
    /// Checks a questionnaire made in the builder. Errors are keyed `title`, or `<key>` for a
    /// question (its first problem), so the builder can show each next to its place.
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.title.trim().is_empty() {
            errors.insert("title".into(), tr::SV_ERR_TITLE.into());
        } else if self.title.chars().count() > LIMITS.title {
            errors.insert("title".into(), tr::err_too_long(LIMITS.title));
        }
        let count = self.questions().count();
        if count == 0 {
            errors.insert("questions".into(), tr::SV_ERR_NO_QUESTIONS.into());
        } else if count > LIMITS.questions {
            errors.insert("questions".into(), tr::sv_too_many_questions(LIMITS.questions));
        }
        let mut keys = BTreeSet::new();
        for question in self.questions() {
            let problem = if question.key.is_empty() || !keys.insert(question.key.as_str()) {
                Some(tr::SV_ERR_KEY.to_owned())
            } else if question.text.trim().is_empty() {
                Some(tr::SV_ERR_QUESTION_TEXT.to_owned())
            } else if question.text.chars().count() > LIMITS.question_text {
                Some(tr::err_too_long(LIMITS.question_text))
            } else {
                kind_problem(&question.kind)
            };
            if let Some(problem) = problem {
                errors.entry(question.key.clone()).or_insert(problem);
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }

    /// Checks a respondent's answers to the questions of `wave`. Errors are keyed by question;
    /// answers to questions that are not in this version are refused under `answers`.
    pub fn check_answers(&self, wave: WaveKind, answers: &Answers) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        let asked: BTreeMap<&str, _> = self.questions_for(wave).map(|q| (q.key.as_str(), q)).collect();
        if let Some(unknown) = answers.keys().find(|key| !asked.contains_key(key.as_str())) {
            errors.insert("answers".into(), tr::sv_unknown_question(unknown));
        }
        for (key, question) in &asked {
            let problem = match answers.get(*key) {
                Some(value) if value.is_given() => answer_problem(&question.kind, value),
                _ if question.required => Some(tr::SV_ERR_REQUIRED.to_owned()),
                Some(value) => answer_problem(&question.kind, value),
                None => None,
            };
            if let Some(problem) = problem {
                errors.insert((*key).to_owned(), problem);
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }

    /// The problem with one answer, if any (what the respondent's page shows under it).
    pub fn answer_problem(&self, wave: WaveKind, key: &str, value: Option<&AnswerValue>) -> Option<String> {
        let question = self.questions_for(wave).find(|q| q.key == key)?;
        match value {
            Some(value) if value.is_given() => answer_problem(&question.kind, value),
            _ if question.required => Some(tr::SV_ERR_REQUIRED.to_owned()),
            _ => None,
        }
    }
}

fn kind_problem(kind: &QuestionKind) -> Option<String> {
    match kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. } => {
            let mut ids = BTreeSet::new();
            let mut labels = BTreeSet::new();
            if options.len() < 2 {
                Some(tr::SV_ERR_TWO_OPTIONS.to_owned())
            } else if options.len() > LIMITS.options {
                Some(tr::sv_too_many_options(LIMITS.options))
            } else if options.iter().any(|o| o.label.trim().is_empty()) {
                Some(tr::SV_ERR_EMPTY_OPTION.to_owned())
            } else if options.iter().any(|o| o.label.chars().count() > LIMITS.option_label) {
                Some(tr::err_too_long(LIMITS.option_label))
            } else if !options.iter().all(|o| ids.insert(o.id) && labels.insert(o.label.trim().to_lowercase())) {
                Some(tr::SV_ERR_DUPLICATE_OPTION.to_owned())
            } else {
                None
            }
        }
        QuestionKind::Scale { max, .. } if *max != 5 && *max != 10 => Some(tr::SV_ERR_SCALE.to_owned()),
        _ => None,
    }
}

fn answer_problem(kind: &QuestionKind, value: &AnswerValue) -> Option<String> {
    // A control character (a NUL above all) is no one's answer, and PostgreSQL refuses it.
    let too_long = |text: &str, limit: usize| {
        if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
            Some(tr::ERR_CONTROL_CHARS.to_owned())
        } else {
            (text.chars().count() > limit).then(|| tr::err_too_long(limit))
        }
    };
    match (kind, value) {
        (QuestionKind::ShortText, AnswerValue::Text(text)) => too_long(text, LIMITS.short_text),
        (QuestionKind::LongText, AnswerValue::Text(text)) => too_long(text, LIMITS.long_text),
        (QuestionKind::SingleChoice { options }, AnswerValue::Choice(id)) => {
            (!options.iter().any(|o| o.id == *id)).then(|| tr::SV_ERR_UNKNOWN_OPTION.to_owned())
        }
        (QuestionKind::MultipleChoice { options, other: allows_other }, AnswerValue::Choices { ids, other }) => {
            let distinct: BTreeSet<_> = ids.iter().collect();
            if distinct.len() != ids.len() || !ids.iter().all(|id| options.iter().any(|o| o.id == *id)) {
                Some(tr::SV_ERR_UNKNOWN_OPTION.to_owned())
            } else {
                match other {
                    Some(_) if !allows_other => Some(tr::SV_ERR_NO_OTHER.to_owned()),
                    Some(text) => too_long(text, LIMITS.short_text),
                    None => None,
                }
            }
        }
        (QuestionKind::Scale { max, .. }, AnswerValue::Scale(value)) => {
            (!(1..=*max).contains(value)).then(|| tr::sv_out_of_range(*max))
        }
        (QuestionKind::YesNo, AnswerValue::YesNo(_)) => None,
        _ => Some(tr::SV_ERR_WRONG_TYPE.to_owned()),
    }
}
