//! The statistics of a wave's answers: how many answered, the share naming each option, the
//! mean of a rating, the open answers; and how answers are stored as rows.
//!
//! Answers are stored one row per chosen option (or per text), so the database counts them
//! with `GROUP BY` and the server only turns counts into shares here.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::versioning::same_meaning;
use super::{AnswerValue, Answers, Definition, Question, QuestionKind, Wave, WaveKind};
use crate::i18n::tr;
use crate::models::percent;

/// One stored row of an answer: `choice` is an option id, a scale value or 1/0 for yes/no;
/// `text` an open answer or the "other" of a multiple choice (then `choice` is empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerRow {
    pub question: String,
    pub choice: Option<i64>,
    pub text: Option<String>,
}

/// The rows that store `answers` (unanswered questions store nothing).
pub fn to_rows(answers: &Answers) -> Vec<AnswerRow> {
    let mut rows = Vec::new();
    for (key, value) in answers.iter().filter(|(_, v)| v.is_given()) {
        let row = |choice: Option<i64>, text: Option<String>| AnswerRow { question: key.clone(), choice, text };
        match value {
            AnswerValue::Text(text) => rows.push(row(None, Some(text.trim().to_owned()))),
            AnswerValue::Choice(id) => rows.push(row(Some(i64::from(*id)), None)),
            AnswerValue::Choices { ids, other } => {
                rows.extend(ids.iter().map(|id| row(Some(i64::from(*id)), None)));
                if let Some(other) = other.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
                    rows.push(row(None, Some(other.to_owned())));
                }
            }
            AnswerValue::Scale(value) => rows.push(row(Some(i64::from(*value)), None)),
            AnswerValue::YesNo(yes) => rows.push(row(Some(i64::from(*yes)), None)),
        }
    }
    rows
}

/// Reads one question's rows back into an answer (for exports).
pub fn from_rows<'a>(question: &Question, rows: impl Iterator<Item = &'a AnswerRow>) -> Option<AnswerValue> {
    let rows: Vec<_> = rows.collect();
    let first = rows.first()?;
    let choice = || first.choice.and_then(|c| u16::try_from(c).ok());
    Some(match &question.kind {
        QuestionKind::ShortText | QuestionKind::LongText => AnswerValue::Text(first.text.clone().unwrap_or_default()),
        QuestionKind::SingleChoice { .. } => AnswerValue::Choice(choice()?),
        QuestionKind::MultipleChoice { .. } => AnswerValue::Choices {
            ids: rows.iter().filter_map(|r| r.choice.and_then(|c| u16::try_from(c).ok())).collect(),
            other: rows.iter().find(|r| r.choice.is_none()).and_then(|r| r.text.clone()),
        },
        QuestionKind::Scale { .. } => AnswerValue::Scale(u8::try_from(first.choice?).ok()?),
        QuestionKind::YesNo => AnswerValue::YesNo(first.choice? == 1),
    })
}

/// An answer as one cell of a table (exports): option labels, the scale value, да/нет.
pub fn answer_text(question: &Question, value: &AnswerValue) -> String {
    let label = |id: &u16| {
        question.kind.options().iter().find(|o| o.id == *id).map(|o| o.label.clone()).unwrap_or_default()
    };
    match value {
        AnswerValue::Text(text) => text.clone(),
        AnswerValue::Choice(id) => label(id),
        AnswerValue::Choices { ids, other } => ids
            .iter()
            .map(label)
            .chain(other.iter().map(|o| format!("{}: {o}", tr::SV_OTHER)))
            .collect::<Vec<_>>()
            .join("; "),
        AnswerValue::Scale(value) => value.to_string(),
        AnswerValue::YesNo(yes) => if *yes { tr::YES } else { tr::NO }.to_owned(),
    }
}

/// One bar of a distribution.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionShare {
    pub label: String,
    pub count: i64,
    /// Of the respondents who answered the question (for a multiple choice the shares can add
    /// up to more than 100).
    pub percent: i64,
}

/// The results of one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionStats {
    pub key: String,
    pub text: String,
    /// Respondents who answered it (n).
    pub answered: i64,
    pub options: Vec<OptionShare>,
    /// The mean of a rating, to one decimal.
    pub mean: Option<f64>,
    /// Open answers and "other" texts, as typed.
    pub texts: Vec<String>,
}

/// The counts the database returns for one question: rows per choice value, and the texts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuestionCounts {
    pub answered: i64,
    pub per_choice: BTreeMap<i64, i64>,
    pub texts: Vec<String>,
}

/// Turns one question's counts into shares, in the question's option order.
pub fn question_stats(question: &Question, counts: QuestionCounts) -> QuestionStats {
    let QuestionCounts { answered, per_choice, texts } = counts;
    let count = |value: i64| per_choice.get(&value).copied().unwrap_or(0);
    let share = |label: String, value: i64| OptionShare { label, count: count(value), percent: percent(count(value), answered) };
    let (options, mean) = match &question.kind {
        QuestionKind::ShortText | QuestionKind::LongText => (Vec::new(), None),
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. } => {
            (options.iter().map(|o| share(o.label.clone(), i64::from(o.id))).collect(), None)
        }
        QuestionKind::Scale { max, low, high, middle } => {
            let label = |value: u8| match value {
                1 if !low.is_empty() => format!("1 — {low}"),
                v if v == *max && !high.is_empty() => format!("{v} — {high}"),
                3 if *max == 5 && !middle.is_empty() => format!("3 — {middle}"),
                v => v.to_string(),
            };
            let total: i64 = (1..=*max).map(|v| i64::from(v) * count(i64::from(v))).sum();
            let mean = (answered > 0).then(|| (total as f64 / answered as f64 * 10.0).round() / 10.0);
            ((1..=*max).map(|v| share(label(v), i64::from(v))).collect(), mean)
        }
        QuestionKind::YesNo => (vec![share(tr::YES.to_owned(), 1), share(tr::NO.to_owned(), 0)], None),
    };
    QuestionStats { key: question.key.clone(), text: question.text.clone(), answered, options, mean, texts }
}

/// A wave's results page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaveResults {
    pub wave: Wave,
    pub programme_title: String,
    /// Respondents of the wave against those it is for, in percent.
    pub response_rate: i64,
    /// Empty when `too_few_to_show`.
    pub questions: Vec<QuestionStats>,
    /// An anonymous wave with fewer than `MIN_ANONYMOUS_RESPONDENTS` answers: its figures are
    /// not shown (with three respondents, a share of a third is a person).
    #[serde(default)]
    pub too_few_to_show: bool,
}

/// The fewest respondents of an anonymous wave (a school's or a group's) whose figures are shown.
pub const MIN_ANONYMOUS_RESPONDENTS: i64 = 5;

/// Whether an anonymous gathering of `respondents` is too small to show anything drawn from it.
pub fn too_few_anonymous(anonymous: bool, respondents: i64) -> bool {
    anonymous && respondents < MIN_ANONYMOUS_RESPONDENTS
}

/// The results of every question of `latest` (the wave's current version), counting the
/// answers given to any version where that question meant the same.
pub fn summarise(
    latest: &Definition,
    versions: &BTreeMap<i64, Definition>,
    wave: WaveKind,
    counts: &[(i64, String, Option<i64>, i64)],
    texts: &[(i64, String, String)],
) -> Vec<QuestionStats> {
    let compatible = |version: i64, key: &str| {
        let current = latest.question(key);
        let then = versions.get(&version).and_then(|d| d.question(key));
        matches!((current, then), (Some(a), Some(b)) if same_meaning(a, b))
    };
    latest
        .questions_for(wave)
        .map(|question| {
            let mut tally = QuestionCounts::default();
            for (_, _, choice, count) in counts.iter().filter(|c| c.1 == question.key && compatible(c.0, &c.1)) {
                match choice {
                    Some(choice) => *tally.per_choice.entry(*choice).or_default() += count,
                    None => tally.answered += count,
                }
            }
            tally.texts = texts
                .iter()
                .filter(|(version, key, _)| *key == question.key && compatible(*version, key))
                .map(|(_, _, text)| text.clone())
                .collect();
            question_stats(question, tally)
        })
        .collect()
}

/// One option (or scale point) before and after.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShareChange {
    pub label: String,
    pub entry: OptionShare,
    pub exit: OptionShare,
}

/// A question asked on entry and at exit, side by side: the share naming each option (or the
/// mean of a rating) with n on each side, and how many respondents answered both.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BeforeAfter {
    pub key: String,
    pub text: String,
    pub entry_n: i64,
    pub exit_n: i64,
    pub rows: Vec<ShareChange>,
    pub entry_mean: Option<f64>,
    pub exit_mean: Option<f64>,
    /// Respondents with both an entry and an exit answer (linked by person or slip code).
    pub linked: i64,
    /// Drawn from anonymous waves with fewer than `MIN_ANONYMOUS_RESPONDENTS` answers on one
    /// side: its shares and means are left out (the counts of respondents stay).
    #[serde(default)]
    pub too_few_to_show: bool,
}

impl BeforeAfter {
    /// Leaves out the figures of a comparison over anonymous waves where a side that was
    /// asked has fewer than five respondents.
    pub fn hiding_few(self, anonymous: bool) -> BeforeAfter {
        let few = |n: i64| n > 0 && too_few_anonymous(anonymous, n);
        if !(few(self.entry_n) || few(self.exit_n)) {
            return self;
        }
        BeforeAfter { rows: Vec::new(), entry_mean: None, exit_mean: None, too_few_to_show: true, ..self }
    }
}

/// Puts a question's entry and exit results side by side.
pub fn before_after(question: &Question, entry: QuestionCounts, exit: QuestionCounts, linked: i64) -> BeforeAfter {
    let entry = question_stats(question, entry);
    let exit = question_stats(question, exit);
    BeforeAfter {
        key: question.key.clone(),
        text: question.text.clone(),
        entry_n: entry.answered,
        exit_n: exit.answered,
        rows: entry
            .options
            .into_iter()
            .zip(exit.options)
            .map(|(entry, exit)| ShareChange { label: entry.label.clone(), entry, exit })
            .collect(),
        entry_mean: entry.mean,
        exit_mean: exit.mean,
        linked,
        too_few_to_show: false,
    }
}

/// Folds counted rows `(question, choice, count)` — `choice = None` rows carry the number of
/// respondents who answered — into one `QuestionCounts` per question.
pub fn fold_counts(rows: impl IntoIterator<Item = (String, Option<i64>, i64)>) -> BTreeMap<String, QuestionCounts> {
    let mut out: BTreeMap<String, QuestionCounts> = BTreeMap::new();
    for (question, choice, count) in rows {
        let entry = out.entry(question).or_default();
        match choice {
            Some(choice) => *entry.per_choice.entry(choice).or_default() += count,
            None => entry.answered += count,
        }
    }
    out
}
