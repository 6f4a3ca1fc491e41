//! The four Kirkpatrick levels of a programme, from the questions its questionnaires map to
//! each level: reaction, learning, behaviour, results.

use serde::{Deserialize, Serialize};

use crate::i18n::tr;
use crate::surveys::stats::QuestionStats;
use crate::surveys::{KirkpatrickLevel, Question, QuestionKind};

/// One question's headline figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub key: String,
    pub text: String,
    /// Respondents who answered it.
    pub n: i64,
    /// On a 0–100 scale for the chart: a rating's mean as a share of its maximum, or the share
    /// answering «да». `None` for choices, which have no single direction.
    pub score: Option<f64>,
    /// What the slide prints: «4,5 из 5», «да — 67 %», «Скорее да — 50 %».
    pub figure: String,
}

/// One level with its measures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelResult {
    pub level: KirkpatrickLevel,
    /// The most respondents any of its questions had.
    pub respondents: i64,
    pub measures: Vec<Measure>,
}

/// All four levels, in order, each possibly without data.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KirkpatrickReport {
    pub levels: Vec<LevelResult>,
}

impl LevelResult {
    /// The mean of its measures' scores, 0–100; `None` when none has one.
    pub fn score(&self) -> Option<f64> {
        let scores: Vec<f64> = self.measures.iter().filter_map(|m| m.score).collect();
        (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
    }
}

impl KirkpatrickReport {
    /// Whether any level has an answered question.
    pub fn has_data(&self) -> bool {
        self.levels.iter().any(|l| l.respondents > 0)
    }
}

/// Groups the answered closed questions that carry a level. Open questions are left to the
/// SWOT board and the results page: a slide shows figures.
pub fn kirkpatrick<'a>(questions: impl IntoIterator<Item = (&'a Question, &'a QuestionStats)>) -> KirkpatrickReport {
    let mut levels: Vec<LevelResult> = KirkpatrickLevel::ALL
        .iter()
        .map(|level| LevelResult { level: *level, respondents: 0, measures: Vec::new() })
        .collect();
    for (question, stats) in questions {
        let Some(level) = question.level else { continue };
        if stats.answered == 0 {
            continue;
        }
        let Some(measure) = measure(question, stats) else { continue };
        let result = levels.iter_mut().find(|l| l.level == level).expect("every level is listed");
        result.respondents = result.respondents.max(stats.answered);
        // A later wave's answer to the same question replaces an earlier one.
        result.measures.retain(|m| m.key != measure.key);
        result.measures.push(measure);
    }
    for level in &mut levels {
        pair_before_after(&mut level.measures);
    }
    KirkpatrickReport { levels }
}

/// A self-assessment asked as `X_before` and `X_after` in one questionnaire becomes one measure,
/// «4,5 → 8,5 из 10», scored by the «after»: the baseline is not a result.
fn pair_before_after(measures: &mut Vec<Measure>) {
    let pairs: Vec<(usize, usize)> = measures
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let stem = m.key.strip_suffix("_before")?;
            let after = measures.iter().position(|a| a.key == format!("{stem}_after"))?;
            Some((i, after))
        })
        .collect();
    let mut drop = Vec::new();
    for (before, after) in pairs {
        let (Some(then), Some(now)) = (measures[before].figure.split(" из ").next().map(str::to_owned), Some(measures[after].figure.clone())) else { continue };
        measures[after].figure = format!("{then} → {now}");
        drop.push(before);
    }
    drop.sort_unstable();
    for i in drop.into_iter().rev() {
        measures.remove(i);
    }
}

fn measure(question: &Question, stats: &QuestionStats) -> Option<Measure> {
    let (score, figure) = match &question.kind {
        QuestionKind::Scale { max, .. } => {
            let mean = stats.mean?;
            (Some(mean / f64::from(*max) * 100.0), tr::out_of(mean, *max))
        }
        QuestionKind::YesNo => {
            let yes = stats.options.first()?;
            (Some(yes.percent as f64), tr::yes_share(yes.percent))
        }
        QuestionKind::SingleChoice { .. } | QuestionKind::MultipleChoice { .. } => {
            let top = stats.options.iter().max_by_key(|o| o.count)?;
            (None, format!("{} — {} %", top.label, top.percent))
        }
        QuestionKind::ShortText | QuestionKind::LongText => return None,
    };
    Some(Measure { key: question.key.clone(), text: question.text.clone(), n: stats.answered, score, figure })
}
