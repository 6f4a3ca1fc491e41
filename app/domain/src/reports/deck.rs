//! A deck: slides of a few kinds, each reading its figures from the deck's snapshot.

use serde::{Deserialize, Serialize};

use super::Snapshot;
use crate::i18n::tr;

/// What a slide shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SlideContent {
    /// The opening slide.
    Title { title: String, subtitle: String },
    /// The district's figures: teachers, under 35, young specialists, organisations.
    District,
    /// A school's participants by role and form (the pilot's 3 / 3 / 1 / 7 table).
    Counts { organisation_id: i64 },
    /// Organisations with mentoring, and each school's students involved against 10 %.
    Coverage,
    /// A school's participants per variant.
    Variants { organisation_id: i64 },
    /// Entry against exit for chosen questions of a template (at most two per slide),
    /// optionally only some options (by label), across the district or in one school.
    BeforeAfter {
        template: String,
        questions: Vec<String>,
        options: Vec<String>,
        #[serde(default)]
        organisation_id: Option<i64>,
    },
    /// A programme's four Kirkpatrick levels.
    Kirkpatrick { programme_id: i64 },
    /// A programme's SWOT.
    Swot { programme_id: i64 },
    /// A programme's meetings held, by kind of the target model's cycle.
    Meetings { programme_id: i64 },
    /// A programme's individual plans: rows done of planned, and how its pairs ended.
    Plans { programme_id: i64 },
    /// The district's best practices marked for the forum.
    Practices,
    /// Free text, optionally with an image (a `data:image/…;base64,` address).
    Text { heading: String, body: String, image: Option<String> },
}

/// The kinds in the order the «add a slide» menu offers them.
pub const SLIDE_KINDS: &[&str] =
    &["title", "district", "counts", "coverage", "variants", "before_after", "kirkpatrick", "swot", "meetings", "plans", "practices", "text"];

impl SlideContent {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Title { .. } => "title",
            Self::District => "district",
            Self::Counts { .. } => "counts",
            Self::Coverage => "coverage",
            Self::Variants { .. } => "variants",
            Self::BeforeAfter { .. } => "before_after",
            Self::Kirkpatrick { .. } => "kirkpatrick",
            Self::Swot { .. } => "swot",
            Self::Meetings { .. } => "meetings",
            Self::Plans { .. } => "plans",
            Self::Practices => "practices",
            Self::Text { .. } => "text",
        }
    }

    /// A new slide of `kind`, pointing at the first thing of its sort the snapshot has.
    pub fn new_of_kind(kind: &str, snapshot: &Snapshot) -> Option<Self> {
        let school = snapshot.schools.iter().find(|s| s.mentors + s.mentees > 0).map(|s| s.organisation_id).unwrap_or(0);
        let programme = |pick: fn(&super::ProgrammeResults) -> bool| {
            snapshot.programmes.iter().find(|p| pick(p)).or(snapshot.programmes.first()).map(|p| p.programme_id).unwrap_or(0)
        };
        Some(match kind {
            "title" => Self::Title { title: tr::DECK_NEW_TITLE.into(), subtitle: snapshot.district.name.clone() },
            "district" => Self::District,
            "counts" => Self::Counts { organisation_id: school },
            "coverage" => Self::Coverage,
            "variants" => Self::Variants { organisation_id: school },
            "before_after" => {
                let comparison = snapshot.before_after.first();
                Self::BeforeAfter {
                    template: comparison.map(|c| c.template.clone()).unwrap_or_default(),
                    questions: comparison.and_then(|c| c.report.questions.first()).map(|q| vec![q.key.clone()]).unwrap_or_default(),
                    options: Vec::new(),
                    organisation_id: None,
                }
            }
            "kirkpatrick" => Self::Kirkpatrick { programme_id: programme(|p| p.kirkpatrick.has_data()) },
            "swot" => Self::Swot { programme_id: programme(|p| !p.swot.is_empty()) },
            "meetings" => Self::Meetings { programme_id: programme(|p| p.work.meetings_held > 0) },
            "plans" => Self::Plans { programme_id: programme(|p| p.work.plan.planned > 0) },
            "practices" => Self::Practices,
            "text" => Self::Text { heading: String::new(), body: String::new(), image: None },
            _ => return None,
        })
    }
}

/// A slide and what the speaker says over it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Slide {
    pub content: SlideContent,
    #[serde(default)]
    pub notes: String,
}

/// A deck in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeckSummary {
    pub id: i64,
    pub title: String,
    pub slides: usize,
    pub snapshot_at: String,
    pub updated_at: String,
}

/// A deck with its snapshot, for the composer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deck {
    pub id: i64,
    pub title: String,
    pub slides: Vec<Slide>,
    pub snapshot: Snapshot,
    pub updated_at: String,
}

/// Most slides in a deck; a forum talk has a dozen.
pub const SLIDES_MAX: usize = 60;
/// Longest deck title, heading or subtitle, in characters.
pub const TITLE_MAX: usize = 200;
/// Longest body or notes text, in characters.
pub const TEXT_MAX: usize = 4_000;
/// Largest image, as its `data:` address (about 1.5 MB of picture).
pub const IMAGE_MAX: usize = 2_000_000;
/// Largest sum of a deck's images (about 9 MB of pictures): a deck is saved in one request,
/// which must stay under `limits::DECK_REQUEST_BYTES`.
pub const IMAGES_TOTAL_MAX: usize = 12_000_000;

/// Checks a deck the composer sends: sizes, and that every slide points at something in the
/// snapshot. The first problem, in Russian, with the slide's number.
pub fn check(title: &str, slides: &[Slide], snapshot: &Snapshot) -> Result<(), String> {
    if title.trim().is_empty() {
        return Err(tr::DECK_ERR_TITLE.into());
    }
    if title.chars().count() > TITLE_MAX {
        return Err(tr::deck_err_long(None, TITLE_MAX));
    }
    if slides.len() > SLIDES_MAX {
        return Err(tr::deck_err_too_many(SLIDES_MAX));
    }
    let images: usize = slides
        .iter()
        .filter_map(|slide| match &slide.content {
            SlideContent::Text { image: Some(image), .. } => Some(image.len()),
            _ => None,
        })
        .sum();
    if images > IMAGES_TOTAL_MAX {
        return Err(tr::DECK_ERR_IMAGES_TOTAL.into());
    }
    for (i, slide) in slides.iter().enumerate() {
        let n = Some(i + 1);
        let long = |text: &str, max: usize| text.chars().count() > max;
        if long(&slide.notes, TEXT_MAX) {
            return Err(tr::deck_err_long(n, TEXT_MAX));
        }
        let missing = || Err(tr::deck_err_missing(i + 1));
        match &slide.content {
            SlideContent::Title { title, subtitle } => {
                if long(title, TITLE_MAX) || long(subtitle, TITLE_MAX) {
                    return Err(tr::deck_err_long(n, TITLE_MAX));
                }
            }
            SlideContent::District | SlideContent::Coverage | SlideContent::Practices => {}
            SlideContent::Counts { organisation_id } | SlideContent::Variants { organisation_id } => {
                if snapshot.school(*organisation_id).is_none() {
                    return missing();
                }
            }
            SlideContent::BeforeAfter { template, questions, options, organisation_id } => {
                let Some(report) = snapshot.comparison(*organisation_id, template) else { return missing() };
                if questions.is_empty() || questions.len() > 2 {
                    return Err(tr::deck_err_questions(i + 1));
                }
                if questions.iter().any(|key| !report.questions.iter().any(|q| &q.key == key)) {
                    return missing();
                }
                if options.iter().any(|o| long(o, TITLE_MAX)) {
                    return Err(tr::deck_err_long(n, TITLE_MAX));
                }
            }
            SlideContent::Kirkpatrick { programme_id }
            | SlideContent::Swot { programme_id }
            | SlideContent::Meetings { programme_id }
            | SlideContent::Plans { programme_id } => {
                if snapshot.programme(*programme_id).is_none() {
                    return missing();
                }
            }
            SlideContent::Text { heading, body, image } => {
                if long(heading, TITLE_MAX) || long(body, TEXT_MAX) {
                    return Err(tr::deck_err_long(n, TEXT_MAX));
                }
                if let Some(image) = image {
                    let allowed = ["data:image/png;base64,", "data:image/jpeg;base64,", "data:image/webp;base64,"];
                    if !allowed.iter().any(|prefix| image.starts_with(prefix)) {
                        return Err(tr::deck_err_image(i + 1));
                    }
                    if image.len() > IMAGE_MAX {
                        return Err(tr::deck_err_image_size(i + 1));
                    }
                }
            }
        }
    }
    Ok(())
}

/// The district talk of domain.md as a deck over `snapshot`: who the district's teachers are,
/// where mentoring runs, a pilot and a large school, what changed between entry and exit, the
/// Kirkpatrick levels and the SWOT of the pilot, and what comes next.
pub fn district_story(snapshot: &Snapshot) -> Vec<Slide> {
    let slide = |content: SlideContent, notes: &str| Slide { content, notes: notes.to_owned() };
    let school_named = |part: &str| snapshot.schools.iter().find(|s| s.name.contains(part)).map(|s| s.organisation_id);
    let pilot_school = school_named("Лицей № 1");
    let big_school = school_named("№ 7");
    let pilot = pilot_school.and_then(|school| {
        snapshot.programmes.iter().find(|p| snapshot.school(school).is_some_and(|s| s.name == p.organisation))
    });
    let mut slides = vec![
        slide(
            SlideContent::Title { title: tr::STORY_TITLE.into(), subtitle: format!("{} · {}", snapshot.district.name, tr::STORY_FORUM) },
            tr::STORY_NOTES_TITLE,
        ),
        slide(SlideContent::District, tr::STORY_NOTES_DISTRICT),
        slide(SlideContent::Coverage, tr::STORY_NOTES_COVERAGE),
    ];
    if let Some(id) = pilot_school {
        slides.push(slide(SlideContent::Counts { organisation_id: id }, tr::STORY_NOTES_PILOT));
    }
    if let Some(id) = big_school {
        slides.push(slide(SlideContent::Variants { organisation_id: id }, tr::STORY_NOTES_VARIANTS));
    }
    if let Some(comparison) = snapshot.comparison(None, "young_teacher_difficulties") {
        let question = |key: &str| comparison.questions.iter().find(|q| q.key == key);
        if let Some(difficulties) = question("difficulties") {
            // The talk's two: documentation, and tasks of different difficulty.
            slides.push(slide(
                SlideContent::BeforeAfter {
                    template: "young_teacher_difficulties".into(),
                    questions: vec!["difficulties".into()],
                    options: difficulties.rows.iter().take(2).map(|row| row.label.clone()).collect(),
                    organisation_id: None,
                },
                tr::STORY_NOTES_DIFFICULTIES,
            ));
        }
        if question("attitude").is_some() {
            slides.push(slide(
                SlideContent::BeforeAfter {
                    template: "young_teacher_difficulties".into(),
                    questions: vec!["attitude".into()],
                    options: Vec::new(),
                    organisation_id: None,
                },
                tr::STORY_NOTES_ATTITUDE,
            ));
        }
    }
    if let Some(pilot) = pilot {
        slides.push(slide(SlideContent::Kirkpatrick { programme_id: pilot.programme_id }, tr::STORY_NOTES_KIRKPATRICK));
        slides.push(slide(SlideContent::Swot { programme_id: pilot.programme_id }, tr::STORY_NOTES_SWOT));
    }
    slides.push(slide(
        SlideContent::Text { heading: tr::STORY_NEXT_HEADING.into(), body: tr::STORY_NEXT_BODY.into(), image: None },
        tr::STORY_NOTES_NEXT,
    ));
    slides
}
