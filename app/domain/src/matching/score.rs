//! Compatibility of a mentor and a mentee: weighted criteria the curator tunes per
//! programme, each contribution kept so the board can explain a score. A prior relationship
//! or a failed required criterion is a veto: the pair is never suggested.

use serde::{Deserialize, Serialize};

use crate::models::text::search_fold;
use crate::models::*;

crate::models::coded_enum! {
    /// How much a criterion counts (обязательно / высокий / средний / низкий / не учитывать).
    Weight {
        Required = "required",
        High = "high",
        Medium = "medium",
        Low = "low",
        Off = "off",
    }
}

impl Weight {
    fn factor(self) -> f64 {
        match self {
            Weight::Required | Weight::High => 3.0,
            Weight::Medium => 2.0,
            Weight::Low => 1.0,
            Weight::Off => 0.0,
        }
    }
}

crate::models::coded_enum! {
    /// The criteria, in the order the explanation lists them.
    Criterion {
        Subject = "subject",
        ExperienceGap = "experience_gap",
        Requests = "requests",
        Proximity = "proximity",
        VariantRule = "variant_rule",
    }
}

/// A programme's weights, one per criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    pub subject: Weight,
    pub experience_gap: Weight,
    pub requests: Weight,
    pub proximity: Weight,
    pub variant_rule: Weight,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            subject: Weight::High,
            experience_gap: Weight::Medium,
            requests: Weight::High,
            proximity: Weight::Low,
            variant_rule: Weight::High,
        }
    }
}

impl Weights {
    /// The same weights with one criterion changed.
    pub fn with(&self, criterion: Criterion, weight: Weight) -> Weights {
        let mut next = self.clone();
        *match criterion {
            Criterion::Subject => &mut next.subject,
            Criterion::ExperienceGap => &mut next.experience_gap,
            Criterion::Requests => &mut next.requests,
            Criterion::Proximity => &mut next.proximity,
            Criterion::VariantRule => &mut next.variant_rule,
        } = weight;
        next
    }

    pub fn of(&self, criterion: Criterion) -> Weight {
        match criterion {
            Criterion::Subject => self.subject,
            Criterion::ExperienceGap => self.experience_gap,
            Criterion::Requests => self.requests,
            Criterion::Proximity => self.proximity,
            Criterion::VariantRule => self.variant_rule,
        }
    }
}

/// One criterion's part in a score. `fit` is 0–1; `points` is its share of the 0–100 total.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    pub criterion: Criterion,
    pub weight: Weight,
    pub fit: f64,
    pub points: f64,
}

/// Why a pair may not be formed automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Veto {
    /// A recorded prior relationship (former class teacher, relative, line manager).
    Relationship(RelationshipKind),
    /// A criterion marked «обязательно» is not met.
    Required(Criterion),
}

/// A pair's compatibility and how it was reached.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// 0–100.
    pub total: f64,
    pub contributions: Vec<Contribution>,
    pub veto: Option<Veto>,
}

impl Score {
    /// The value the matcher uses: `None` forbids the pair.
    pub fn for_matcher(&self) -> Option<f64> {
        self.veto.is_none().then_some(self.total)
    }
}

/// A required criterion counts as met from this fit up.
const REQUIRED_FIT: f64 = 0.5;

/// What scoring needs of a participant, with text already folded and cut into stems, so
/// scoring many pairs does no string work (the board scores every mentor with every mentee).
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    subjects: Vec<String>,
    /// Stems of a mentor's competences.
    offered: Vec<String>,
    /// Stems of each of a mentee's requests and deficits.
    needs: Vec<Vec<String>>,
    experience: Option<i64>,
    grade: Option<u8>,
    achievement: Option<Achievement>,
}

impl Profile {
    pub fn of(p: &NewParticipant) -> Profile {
        Profile {
            subjects: p.subjects.iter().map(|s| search_fold(s)).collect(),
            offered: p.competences.iter().flat_map(|c| stems(c)).collect(),
            needs: p.requests.iter().chain(&p.deficits).map(|n| stems(n)).collect(),
            experience: p.experience_years,
            grade: p.grade.as_ref().and_then(|g| g.chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok()),
            achievement: p.achievement,
        }
    }
}

/// Scores `mentor` with `mentee` for `variant` under `weights`.
pub fn score(
    mentor: &NewParticipant,
    mentee: &NewParticipant,
    variant: Variant,
    weights: &Weights,
    relationship: Option<RelationshipKind>,
) -> Score {
    score_profiles(&Profile::of(mentor), &Profile::of(mentee), variant, weights, relationship)
}

/// [`score`] on prepared profiles.
pub fn score_profiles(
    mentor: &Profile,
    mentee: &Profile,
    variant: Variant,
    weights: &Weights,
    relationship: Option<RelationshipKind>,
) -> Score {
    let mut contributions: Vec<Contribution> = Vec::with_capacity(Criterion::ALL.len());
    let mut total_weight = 0.0;
    for &criterion in Criterion::ALL {
        let weight = weights.of(criterion);
        if weight == Weight::Off {
            continue;
        }
        if let Some(fit) = fit(criterion, mentor, mentee, variant) {
            total_weight += weight.factor();
            contributions.push(Contribution { criterion, weight, fit: fit.clamp(0.0, 1.0), points: 0.0 });
        }
    }
    for c in &mut contributions {
        c.points = if total_weight > 0.0 { 100.0 * c.weight.factor() * c.fit / total_weight } else { 0.0 };
    }
    let total = if total_weight > 0.0 { contributions.iter().map(|c| c.points).sum() } else { 50.0 };
    let veto = relationship.map(Veto::Relationship).or_else(|| {
        contributions
            .iter()
            .find(|c| c.weight == Weight::Required && c.fit < REQUIRED_FIT)
            .map(|c| Veto::Required(c.criterion))
    });
    Score { total: (total * 10.0).round() / 10.0, contributions, veto }
}

/// How well one criterion holds, or `None` when it says nothing about this pair.
fn fit(criterion: Criterion, mentor: &Profile, mentee: &Profile, variant: Variant) -> Option<f64> {
    match criterion {
        Criterion::Subject => {
            if mentor.subjects.is_empty() || mentee.subjects.is_empty() {
                return None;
            }
            Some(if mentee.subjects.iter().any(|s| mentor.subjects.contains(s)) { 1.0 } else { 0.0 })
        }
        Criterion::ExperienceGap => {
            let gap = mentor.experience? as f64 - mentee.experience? as f64;
            Some(if variant == Variant::Reverse { if gap < 0.0 { 1.0 } else { 0.0 } } else { gap / 10.0 })
        }
        Criterion::Requests => {
            if mentee.needs.is_empty() || mentor.offered.is_empty() {
                return None;
            }
            let met = mentee.needs.iter().filter(|need| need.iter().any(|s| mentor.offered.contains(s))).count();
            Some(met as f64 / mentee.needs.len() as f64)
        }
        Criterion::Proximity => {
            // An older student a year or two ahead fits best; the same class is fine too.
            let ahead = mentor.grade? as f64 - mentee.grade? as f64;
            Some(if (0.0..=2.0).contains(&ahead) { 1.0 } else { 1.0 - (ahead.abs() - 2.0).max(0.0) / 4.0 })
        }
        Criterion::VariantRule => variant_fit(variant, mentor, mentee),
    }
}

/// Word stems good enough to match Russian phrases: folded words of 4+ letters, cut to 5.
fn stems(text: &str) -> Vec<String> {
    search_fold(text)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .map(|w| w.chars().take(5).collect())
        .collect()
}

fn level(a: Achievement) -> i32 {
    match a {
        Achievement::High => 2,
        Achievement::Middle => 1,
        Achievement::Low => 0,
    }
}

/// What the variant says a good pair looks like.
fn variant_fit(variant: Variant, mentor: &Profile, mentee: &Profile) -> Option<f64> {
    match variant {
        Variant::StrongWeak => {
            let gap = level(mentor.achievement?) - level(mentee.achievement?);
            Some((gap as f64 / 2.0).max(0.0))
        }
        Variant::PeerToPeer => {
            let gap = (level(mentor.achievement?) - level(mentee.achievement?)).abs();
            Some(1.0 - gap as f64 / 2.0)
        }
        Variant::ExperiencedYoung => {
            let (a, b) = (mentor.experience?, mentee.experience?);
            Some(if b <= 3 && a >= 10 { 1.0 } else if a > b + 5 { 0.5 } else { 0.0 })
        }
        Variant::Trainee => {
            let gap = mentor.experience? - mentee.experience?;
            Some(if (2..=10).contains(&gap) { 1.0 } else if gap > 0 { 0.5 } else { 0.0 })
        }
        Variant::Reverse => Some(if mentor.experience? < mentee.experience? { 1.0 } else { 0.0 }),
        _ => None,
    }
}

/// A pair that goes against its variant, in words for the board's flag.
pub fn contradicts_variant(variant: Variant, mentor: &NewParticipant, mentee: &NewParticipant) -> bool {
    variant_fit(variant, &Profile::of(mentor), &Profile::of(mentee)).is_some_and(|fit| fit == 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(role: &str, kind: &str, f: impl FnOnce(&mut ParticipantInput)) -> NewParticipant {
        let mut input = ParticipantInput {
            last_name: "Орлова".into(),
            first_name: "Ия".into(),
            role: role.into(),
            kind: kind.into(),
            ..Default::default()
        };
        if kind == "teacher" {
            input.experience_years = "5".into();
        }
        if kind == "student" {
            input.grade = "7А".into();
        }
        if role == "mentor" {
            input.capacity = "2".into();
        }
        f(&mut input);
        NewParticipant::parse(&input).expect("valid person")
    }

    #[test]
    fn an_experienced_teacher_of_the_same_subject_who_covers_the_requests_scores_high() {
        let mentor = person("mentor", "teacher", |p| {
            p.subjects = "математика".into();
            p.experience_years = "20".into();
            p.competences = "работа с документацией; дифференцированные задания".into();
        });
        let mentee = person("mentee", "teacher", |p| {
            p.subjects = "Математика".into();
            p.experience_years = "1".into();
            p.deficits = "документация".into();
            p.requests = "задания разного уровня".into();
        });
        let s = score(&mentor, &mentee, Variant::ExperiencedYoung, &Weights::default(), None);
        assert_eq!(s.total, 100.0);
        assert_eq!(s.contributions.len(), 4, "subject, gap, requests, variant rule; no class for teachers");
        let points: f64 = s.contributions.iter().map(|c| c.points).sum();
        assert!((points - s.total).abs() < 0.1, "the explanation adds up to the score");
        assert_eq!(s.for_matcher(), Some(100.0));
    }

    #[test]
    fn a_prior_relationship_vetoes_whatever_the_fit() {
        let mentor = person("mentor", "teacher", |p| p.experience_years = "25".into());
        let mentee = person("mentee", "teacher", |p| p.experience_years = "0".into());
        let s = score(&mentor, &mentee, Variant::ExperiencedYoung, &Weights::default(), Some(RelationshipKind::FormerClassTeacher));
        assert_eq!(s.veto, Some(Veto::Relationship(RelationshipKind::FormerClassTeacher)));
        assert_eq!(s.for_matcher(), None);
    }

    #[test]
    fn a_required_criterion_that_fails_is_a_veto_and_weights_change_the_score() {
        let mentor = person("mentor", "teacher", |p| {
            p.subjects = "физика".into();
            p.experience_years = "10".into();
        });
        let mentee = person("mentee", "teacher", |p| p.subjects = "химия".into());
        let mut weights = Weights::default();
        let relaxed = score(&mentor, &mentee, Variant::Trainee, &weights, None);
        // subject 3×0 + experience gap 2×0.5 + variant rule 3×1 out of 8 = 50.
        assert_eq!((relaxed.total, relaxed.veto.clone()), (50.0, None));
        weights.subject = Weight::Required;
        assert_eq!(score(&mentor, &mentee, Variant::Trainee, &weights, None).veto, Some(Veto::Required(Criterion::Subject)));
        weights.subject = Weight::Off;
        let ignored = score(&mentor, &mentee, Variant::Trainee, &weights, None);
        assert_eq!(ignored.total, 80.0);
        assert!(ignored.contributions.iter().all(|c| c.criterion != Criterion::Subject));
    }

    #[test]
    fn strong_weak_wants_different_levels_and_peer_to_peer_the_same() {
        let strong = person("mentor", "student", |p| p.achievement = "высокая".into());
        let weak_mentor = person("mentor", "student", |p| p.achievement = "низкая".into());
        let weak = person("mentee", "student", |p| p.achievement = "низкая".into());
        let w = Weights::default();
        assert!(score(&strong, &weak, Variant::StrongWeak, &w, None).total > score(&weak_mentor, &weak, Variant::StrongWeak, &w, None).total);
        assert!(contradicts_variant(Variant::StrongWeak, &weak_mentor, &weak), "two weak students in «успевающий – неуспевающий»");
        assert!(!contradicts_variant(Variant::StrongWeak, &strong, &weak));
        assert!(contradicts_variant(Variant::PeerToPeer, &strong, &weak));
        assert!(!contradicts_variant(Variant::PeerToPeer, &weak_mentor, &weak));
    }

    #[test]
    fn reverse_mentoring_wants_the_younger_teacher_as_mentor() {
        let young = person("mentor", "teacher", |p| { p.experience_years = "2".into(); p.competences = "ИКТ".into(); });
        let senior = person("mentee", "teacher", |p| p.experience_years = "30".into());
        let s = score(&young, &senior, Variant::Reverse, &Weights::default(), None);
        assert!(s.contributions.iter().all(|c| c.fit == 1.0), "{:?}", s.contributions);
    }

    #[test]
    fn nothing_to_judge_is_a_neutral_score() {
        let a = person("mentor", "parent", |_| {});
        let b = person("mentee", "parent", |_| {});
        let s = score(&a, &b, Variant::AdaptedNonAdapted, &Weights::default(), None);
        assert_eq!((s.total, s.contributions.len()), (50.0, 0));
    }
}
