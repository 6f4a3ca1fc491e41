//! When an edit of a questionnaire needs a new version.
//!
//! Answers point at the version they answered. An edit that would change what a stored answer
//! means (the question's wording, its kind, its options or scale, a question removed or added)
//! therefore goes into a new version once answers exist; an edit that does not (the title, the
//! intro, section titles, hints, order, whether a question is required) changes the version in
//! place.

use super::{Definition, Question};

/// Whether `edited` changes the meaning of answers given to `current`.
pub fn changes_meaning(current: &Definition, edited: &Definition) -> bool {
    let same_set = current.questions().count() == edited.questions().count()
        && current.questions().all(|q| edited.question(&q.key).is_some());
    !same_set
        || current
            .questions()
            .any(|q| edited.question(&q.key).is_none_or(|e| !same_meaning(q, e)))
}

/// Whether two versions of a question ask the same thing (answers to both count together).
pub fn same_meaning(a: &Question, b: &Question) -> bool {
    normalised(&a.text) == normalised(&b.text) && a.kind == b.kind && a.only_in == b.only_in
}

/// Text compared for meaning: case, spacing and trailing punctuation do not count, so a fixed
/// typo in capitalisation or a stray space keeps the version.
fn normalised(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', '?', '!', ':', ' '])
        .to_lowercase()
}
