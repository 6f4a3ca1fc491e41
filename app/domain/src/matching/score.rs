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

/// What scoring needs of a participant, with text already folded, cut into stems and tagged
/// with the subjects and themes it names (`topics.txt`), so scoring many pairs does no string
/// work (the board scores every mentor with every mentee).
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// The subjects the person teaches or studies: their «Предметы», or, for a pupil who has
    /// none, the subjects their requests and competences name («подтянуть алгебру» → математика).
    subjects: Vec<u16>,
    /// Each of a mentor's competences.
    offered: Vec<Item>,
    /// Each of a mentee's requests and deficits.
    needs: Vec<Item>,
    experience: Option<i64>,
    grade: Option<u8>,
    achievement: Option<Achievement>,
    /// Themes of everything the person said of themself, for the variants' rules.
    themes: Vec<u16>,
    /// Themes of the competences alone (what they offer, not what they ask for).
    offered_themes: Vec<u16>,
}

/// One competence, request or deficit: its stems, and the subjects and themes it names.
#[derive(Clone, Debug, PartialEq)]
struct Item {
    stems: Vec<String>,
    subjects: Vec<u16>,
    themes: Vec<u16>,
}

impl Item {
    fn of(text: &str) -> Item {
        let (subjects, themes) = topics().tags(text);
        let noise = &topics().noise;
        let stems = stems(text).into_iter().filter(|s| !noise.iter().any(|n| s.starts_with(n.as_str()) || n.starts_with(s.as_str()))).collect();
        Item { stems, subjects, themes }
    }

    fn shares_words_with(&self, other: &Item) -> bool {
        self.stems.iter().any(|s| other.stems.contains(s))
            || self.themes.iter().any(|t| other.themes.contains(t))
            || self.subjects.iter().any(|s| other.subjects.contains(s))
    }
}

fn intersects(a: &[u16], b: &[u16]) -> bool {
    a.iter().any(|x| b.contains(x))
}

impl Profile {
    pub fn of(p: &NewParticipant) -> Profile {
        let offered: Vec<Item> = p.competences.iter().map(|c| Item::of(c)).collect();
        let needs: Vec<Item> = p.requests.iter().chain(&p.deficits).map(|n| Item::of(n)).collect();
        let mut subjects: Vec<u16> = p.subjects.iter().flat_map(|s| topics().tags(s).0).collect();
        if subjects.is_empty() {
            subjects = offered.iter().chain(&needs).flat_map(|i| i.subjects.iter().copied()).collect();
        }
        subjects.sort_unstable();
        subjects.dedup();
        let offered_themes: Vec<u16> = offered.iter().flat_map(|i| i.themes.iter().copied()).collect();
        let themes = offered_themes.iter().copied().chain(needs.iter().flat_map(|i| i.themes.iter().copied())).collect();
        Profile {
            subjects,
            offered,
            needs,
            experience: p.experience_years,
            grade: p.grade.as_ref().and_then(|g| g.chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok()),
            achievement: p.achievement,
            themes,
            offered_themes,
        }
    }

    fn has_theme(&self, theme: &str) -> bool {
        topics().theme(theme).is_some_and(|t| self.themes.contains(&t))
    }

    fn offers_theme(&self, theme: &str) -> bool {
        topics().theme(theme).is_some_and(|t| self.offered_themes.contains(&t))
    }

    /// Whether the mentor meets one need of the mentee: a competence shares its words or
    /// themes and is about the same subject. A need that names a subject (its own, or else the
    /// mentee's) is met only by a competence of that subject — or, when the competence names
    /// none, by a mentor who teaches it. A need that only names a subject («подтянуть
    /// математику») is met by a mentor of that subject.
    fn meets(&self, need: &Item, mentee: &Profile) -> bool {
        if !need.subjects.is_empty() && need.themes.is_empty() && intersects(&need.subjects, &self.subjects) {
            return true;
        }
        self.offered.iter().any(|item| {
            if !need.shares_words_with(item) {
                return false;
            }
            let need_subjects = if need.subjects.is_empty() { &mentee.subjects } else { &need.subjects };
            let item_subjects = if item.subjects.is_empty() { &self.subjects } else { &item.subjects };
            // Only a subject both sides name can tell them apart.
            let named_on_both = !need.subjects.is_empty() || !item.subjects.is_empty();
            !named_on_both || need_subjects.is_empty() || item_subjects.is_empty() || intersects(need_subjects, item_subjects)
        })
    }
}

/// The subjects and themes of `topics.txt`.
struct Topics {
    /// (name, word beginnings) of each subject; a subject's tag is its index.
    subjects: Vec<(String, Vec<String>)>,
    /// The same for themes; a theme's tag is `THEMES + index`.
    themes: Vec<(String, Vec<String>)>,
    noise: Vec<String>,
}

const THEMES: u16 = 1000;

impl Topics {
    fn parse(text: &str) -> Topics {
        let mut topics = Topics { subjects: Vec::new(), themes: Vec::new(), noise: Vec::new() };
        let mut section = "";
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match name {
                    "предметы" => "subjects",
                    "темы" => "themes",
                    _ => "noise",
                };
                continue;
            }
            let Some((name, words)) = line.split_once(':') else { continue };
            let words: Vec<String> = words.split(',').map(|w| search_fold(w.trim())).filter(|w| !w.is_empty()).collect();
            match section {
                "subjects" => topics.subjects.push((name.trim().to_owned(), words)),
                "themes" => topics.themes.push((name.trim().to_owned(), words)),
                _ => topics.noise.extend(words),
            }
        }
        topics
    }

    /// The subjects and themes a text names, as tags.
    fn tags(&self, text: &str) -> (Vec<u16>, Vec<u16>) {
        // Words separated by single spaces, with one in front, so « начало» finds a word start.
        let words: String = search_fold(text).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
        let spaced = format!(" {}", words.split_whitespace().collect::<Vec<_>>().join(" "));
        let names = |list: &[(String, Vec<String>)], offset: u16| -> Vec<u16> {
            list.iter()
                .enumerate()
                .filter(|(_, (_, beginnings))| beginnings.iter().any(|b| spaced.contains(&format!(" {b}"))))
                .map(|(i, _)| offset + i as u16)
                .collect()
        };
        (names(&self.subjects, 0), names(&self.themes, THEMES))
    }

    fn theme(&self, name: &str) -> Option<u16> {
        self.themes.iter().position(|(n, _)| n == name).map(|i| THEMES + i as u16)
    }
}

fn topics() -> &'static Topics {
    static TOPICS: std::sync::OnceLock<Topics> = std::sync::OnceLock::new();
    TOPICS.get_or_init(|| Topics::parse(include_str!("topics.txt")))
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
            Some(if intersects(&mentee.subjects, &mentor.subjects) { 1.0 } else { 0.0 })
        }
        Criterion::ExperienceGap => {
            let gap = mentor.experience? as f64 - mentee.experience? as f64;
            Some(if variant == Variant::Reverse { if gap < 0.0 { 1.0 } else { 0.0 } } else { gap / 10.0 })
        }
        Criterion::Requests => {
            if mentee.needs.is_empty() || (mentor.offered.is_empty() && mentor.subjects.is_empty()) {
                return None;
            }
            let met = mentee.needs.iter().filter(|need| mentor.meets(need, mentee)).count();
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

/// What the variant says a good pair looks like; every variant of the target model has a rule.
fn variant_fit(variant: Variant, mentor: &Profile, mentee: &Profile) -> Option<f64> {
    match variant {
        // Учитель – учитель.
        Variant::ExperiencedYoung => {
            let (a, b) = (mentor.experience?, mentee.experience?);
            Some(if b <= 3 && a >= 10 { 1.0 } else if a > b + 5 { 0.5 } else { 0.0 })
        }
        Variant::Trainee => {
            let gap = mentor.experience? - mentee.experience?;
            Some(if (2..=10).contains(&gap) { 1.0 } else if gap > 0 { 0.5 } else { 0.0 })
        }
        Variant::Reverse => Some(if mentor.experience? < mentee.experience? { 1.0 } else { 0.0 }),
        // Педагог – группа педагогов: an experienced teacher leads colleagues who share deficits.
        Variant::SharedDeficits => {
            let (a, b) = (mentor.experience?, mentee.experience?);
            Some(if a >= b + 5 { 1.0 } else if a > b { 0.5 } else { 0.0 })
        }
        // Учитель – ученик: a professional takes an indifferent pupil, one who is not yet
        // doing well; a strong pupil needs it less.
        Variant::ActiveIndifferent => {
            mentee.grade?;
            Some(match mentee.achievement {
                Some(Achievement::High) => 0.5,
                _ => 1.0,
            })
        }
        // Коллега – молодой коллега: a senior pupil who wants the mentor's profession.
        Variant::ColleagueYoungColleague => {
            let grade = mentee.grade?;
            Some(if mentee.has_theme("будущая профессия") { 1.0 } else if grade >= 9 { 0.6 } else { 0.3 })
        }
        // Ученик – ученик.
        Variant::StrongWeak => {
            let gap = level(mentor.achievement?) - level(mentee.achievement?);
            Some((gap as f64 / 2.0).max(0.0))
        }
        Variant::PeerToPeer => {
            let gap = (level(mentor.achievement?) - level(mentee.achievement?)).abs();
            Some(1.0 - gap as f64 / 2.0)
        }
        // A leader of the school's life (council, events) draws a passive pupil in.
        Variant::LeaderPassive => {
            mentor.grade?;
            Some(if mentor.offers_theme("лидерство") { 1.0 } else { 0.3 })
        }
        // A pupil at home in the school helps a newcomer settle; another newcomer cannot.
        Variant::AdaptedNonAdapted => {
            mentor.grade?;
            Some(if mentor.offers_theme("адаптация") { 1.0 } else if mentor.has_theme("адаптация") { 0.0 } else { 0.5 })
        }
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
    fn an_olympiad_in_informatics_is_met_by_the_informatics_teacher_not_by_the_historian() {
        let informatics = person("mentor", "teacher", |p| {
            p.subjects = "информатика".into();
            p.experience_years = "18".into();
            p.competences = "олимпиадное программирование".into();
        });
        let historian = person("mentor", "teacher", |p| {
            p.subjects = "история".into();
            p.experience_years = "22".into();
            p.competences = "подготовка к олимпиадам".into();
        });
        let pupil = person("mentee", "student", |p| p.requests = "подготовка к олимпиаде по информатике".into());
        let w = Weights::default();
        let right = score(&informatics, &pupil, Variant::ActiveIndifferent, &w, None);
        let wrong = score(&historian, &pupil, Variant::ActiveIndifferent, &w, None);
        let requests = |s: &Score| s.contributions.iter().find(|c| c.criterion == Criterion::Requests).map(|c| c.fit);
        assert_eq!((requests(&right), requests(&wrong)), (Some(1.0), Some(0.0)));
        assert!(right.total >= 90.0 && wrong.total <= 40.0, "{} vs {}", right.total, wrong.total);
    }

    #[test]
    fn a_pupils_weak_subject_named_in_words_is_the_teachers_subject() {
        let maths = person("mentor", "teacher", |p| {
            p.subjects = "математика".into();
            p.competences = "индивидуальные занятия".into();
        });
        let pupil = person("mentee", "student", |p| {
            p.deficits = "двойки по алгебре; не решаются задачи по геометрии".into();
            p.achievement = "низкая".into();
        });
        let s = score(&maths, &pupil, Variant::ActiveIndifferent, &Weights::default(), None);
        assert!(s.contributions.iter().all(|c| c.fit == 1.0), "{:?}", s.contributions);
        assert_eq!(s.total, 100.0);
    }

    #[test]
    fn every_variant_of_the_target_model_has_a_rule() {
        let teacher = |years: &str| person("mentor", "teacher", |p| p.experience_years = years.into());
        let pupil = |grade: &str| person("mentee", "student", |p| p.grade = grade.into());
        let student = |role: &str| person(role, "student", |p| p.achievement = "средняя".into());
        for variant in Variant::ALL {
            let (mentor, mentee) = match variant.form() {
                MentoringForm::TeacherTeacher | MentoringForm::TeacherGroup => (teacher("20"), teacher("1")),
                MentoringForm::TeacherStudent => (teacher("20"), pupil("10А")),
                MentoringForm::StudentStudent => (student("mentor"), student("mentee")),
            };
            assert!(variant_fit(*variant, &Profile::of(&mentor), &Profile::of(&mentee)).is_some(), "{variant:?}");
        }
        // Each says something: a leader draws a passive pupil in better than a pupil who is not.
        let leader = person("mentor", "student", |p| p.competences = "председатель совета обучающихся".into());
        let quiet = person("mentor", "student", |p| p.competences = "помощь по химии".into());
        let passive = person("mentee", "student", |p| p.deficits = "неуверенность".into());
        let fit = |m: &NewParticipant| variant_fit(Variant::LeaderPassive, &Profile::of(m), &Profile::of(&passive));
        assert!(fit(&leader) > fit(&quiet));
        // And a newcomer is no guide for another newcomer.
        let newcomer = person("mentor", "student", |p| p.requests = "новенький, перешёл из другой школы".into());
        assert!(contradicts_variant(Variant::AdaptedNonAdapted, &newcomer, &passive));
    }

    #[test]
    fn nothing_to_judge_is_a_neutral_score() {
        let a = person("mentor", "parent", |_| {});
        let b = person("mentee", "parent", |_| {});
        let s = score(&a, &b, Variant::AdaptedNonAdapted, &Weights::default(), None);
        assert_eq!((s.total, s.contributions.len()), (50.0, 0));
    }
}
