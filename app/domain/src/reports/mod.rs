//! Results for reports and slides: a school's counts and coverage, pairs per variant, the
//! Kirkpatrick levels of a programme, its SWOT, and the snapshot a deck is built on.
//!
//! The types here are plain data shared by server and browser. The app's server side gathers
//! them from the database, draws them (charming) and renders slides.

pub mod deck;
pub mod final_report;
pub mod kirkpatrick;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::models::{percent, District, MentoringForm, Variant};
use crate::surveys::stats::BeforeAfter;

/// Entry against exit for every closed question of a template's questionnaires in a scope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BeforeAfterReport {
    /// The school's or the district's name.
    pub scope: String,
    pub title: String,
    pub questions: Vec<BeforeAfter>,
    /// ECharts options (JSON) per question, in the same order; empty inside a deck's snapshot,
    /// whose slides draw their own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charts: Vec<String>,
}

/// The federal indicator: at least this share (percent) of a school's students in mentoring.
pub const STUDENT_INDICATOR_PERCENT: i64 = 10;

/// One school's counts for the report and the slides.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SchoolFigures {
    pub organisation_id: i64,
    pub name: String,
    pub students_total: i64,
    pub teachers_total: i64,
    pub mentors: i64,
    pub mentees: i64,
    /// Curator accounts of the school.
    pub curators: i64,
    /// Mentors and mentees per form of the programme they are in.
    pub per_form: Vec<FormCount>,
    /// Students (mentors or mentees) in a programme of the school.
    pub students_involved: i64,
    /// Teachers in a programme of the school.
    pub teachers_involved: i64,
    /// Participants in pairs and groups, per variant, in the order of `Variant::ALL`.
    pub per_variant: Vec<VariantCount>,
}

impl SchoolFigures {
    /// Everyone taking part: mentors, mentees and the curators (the pilot's 3 + 3 + 1 = 7).
    pub fn participants_total(&self) -> i64 {
        self.mentors + self.mentees + self.curators
    }

    /// Students involved as a percent of the school's students.
    pub fn coverage_percent(&self) -> i64 {
        percent(self.students_involved, self.students_total)
    }

    /// Students take part in the school's mentoring: a form with students, or students
    /// counted among its participants. Only then is the students' coverage worth a line.
    pub fn involves_students(&self) -> bool {
        self.students_involved > 0 || self.per_form.iter().any(|f| f.form.involves_students() && f.mentors + f.mentees > 0)
    }

    /// Whether the school reaches the federal indicator.
    pub fn meets_indicator(&self) -> bool {
        self.students_total > 0 && self.students_involved * 100 >= STUDENT_INDICATOR_PERCENT * self.students_total
    }

    /// Students involved per variant (the analytic report's 20 / 20 / 10 / 24 / 25 / 1).
    pub fn students_per_variant(&self) -> impl Iterator<Item = (Variant, i64)> + '_ {
        self.per_variant.iter().filter(|v| v.students > 0).map(|v| (v.variant, v.students))
    }
}

/// Mentors and mentees of one form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormCount {
    pub form: MentoringForm,
    pub mentors: i64,
    pub mentees: i64,
}

/// The pairs and groups of one variant and the people in them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VariantCount {
    pub variant: Variant,
    pub pairs: i64,
    /// Students among the mentors and mentees of those pairs.
    pub students: i64,
    /// Everyone in those pairs.
    pub people: i64,
}

/// The four quadrants of a SWOT analysis, in the order they are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Quadrant {
    Strengths,
    Weaknesses,
    Opportunities,
    Threats,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [Self::Strengths, Self::Weaknesses, Self::Opportunities, Self::Threats];

    pub fn code(self) -> &'static str {
        match self {
            Self::Strengths => "strengths",
            Self::Weaknesses => "weaknesses",
            Self::Opportunities => "opportunities",
            Self::Threats => "threats",
        }
    }
}

/// A SWOT board: items per quadrant, in the curator's order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Swot {
    pub strengths: Vec<String>,
    pub weaknesses: Vec<String>,
    pub opportunities: Vec<String>,
    pub threats: Vec<String>,
}

/// Longest SWOT item, in characters: a line on a slide, not an essay.
pub const SWOT_ITEM_MAX: usize = 300;
/// Most items in one quadrant that still fit a slide.
pub const SWOT_QUADRANT_MAX: usize = 12;

impl Swot {
    pub fn items(&self, quadrant: Quadrant) -> &Vec<String> {
        match quadrant {
            Quadrant::Strengths => &self.strengths,
            Quadrant::Weaknesses => &self.weaknesses,
            Quadrant::Opportunities => &self.opportunities,
            Quadrant::Threats => &self.threats,
        }
    }

    pub fn items_mut(&mut self, quadrant: Quadrant) -> &mut Vec<String> {
        match quadrant {
            Quadrant::Strengths => &mut self.strengths,
            Quadrant::Weaknesses => &mut self.weaknesses,
            Quadrant::Opportunities => &mut self.opportunities,
            Quadrant::Threats => &mut self.threats,
        }
    }

    pub fn is_empty(&self) -> bool {
        Quadrant::ALL.iter().all(|q| self.items(*q).is_empty())
    }

    /// Trims every item and drops empty ones; refuses oversized boards with a message in
    /// Russian, so nothing is half-saved.
    pub fn cleaned(mut self) -> Result<Self, String> {
        use crate::i18n::tr;
        for quadrant in Quadrant::ALL {
            let items = self.items_mut(quadrant);
            items.iter_mut().for_each(|item| *item = item.trim().to_owned());
            items.retain(|item| !item.is_empty());
            if items.len() > SWOT_QUADRANT_MAX {
                return Err(tr::swot_too_many(quadrant, SWOT_QUADRANT_MAX));
            }
            if items.iter().any(|item| item.chars().count() > SWOT_ITEM_MAX) {
                return Err(tr::swot_too_long(quadrant, SWOT_ITEM_MAX));
            }
        }
        Ok(self)
    }
}

/// A programme's results for the slides: its Kirkpatrick levels and SWOT.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeResults {
    pub programme_id: i64,
    pub title: String,
    pub organisation: String,
    pub kirkpatrick: kirkpatrick::KirkpatrickReport,
    pub swot: Swot,
    /// The pairs' year: meetings held, plans fulfilled, decisions (older snapshots: zeros).
    #[serde(default)]
    pub work: final_report::WorkFigures,
}

/// Everything a deck can show, taken at one moment so the numbers on stage do not move.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// When it was taken, `YYYY-MM-DD HH:MM` (UTC).
    pub taken_at: String,
    pub district: District,
    pub schools: Vec<SchoolFigures>,
    /// District-wide entry against exit, per template with both waves answered.
    pub before_after: Vec<TemplateComparison>,
    /// The same for each school that has both waves answered.
    #[serde(default)]
    pub school_before_after: Vec<SchoolComparisons>,
    pub programmes: Vec<ProgrammeResults>,
    /// The district's best practices marked for the forum (older snapshots: none).
    #[serde(default)]
    pub practices: Vec<crate::models::Practice>,
}

/// One school's entry against exit, per template.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SchoolComparisons {
    pub organisation_id: i64,
    pub comparisons: Vec<TemplateComparison>,
}

/// One template's before/after across the district.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateComparison {
    pub template: String,
    pub report: BeforeAfterReport,
}

impl Snapshot {
    pub fn school(&self, organisation_id: i64) -> Option<&SchoolFigures> {
        self.schools.iter().find(|s| s.organisation_id == organisation_id)
    }

    pub fn programme(&self, programme_id: i64) -> Option<&ProgrammeResults> {
        self.programmes.iter().find(|p| p.programme_id == programme_id)
    }

    /// The district's comparison for a template, or a school's when `school` is given.
    pub fn comparison(&self, school: Option<i64>, template: &str) -> Option<&BeforeAfterReport> {
        self.comparisons(school).iter().find(|c| c.template == template).map(|c| &c.report)
    }

    /// Every comparison of the district, or of one school.
    pub fn comparisons(&self, school: Option<i64>) -> &[TemplateComparison] {
        match school {
            None => &self.before_after,
            Some(id) => self.school_before_after.iter().find(|s| s.organisation_id == id).map(|s| s.comparisons.as_slice()).unwrap_or(&[]),
        }
    }

    /// Schools with any mentor or mentee, against all schools on record.
    pub fn schools_in_mentoring(&self) -> (i64, i64) {
        let active = self.schools.iter().filter(|s| s.mentors + s.mentees > 0).count();
        (active as i64, self.schools.len() as i64)
    }
}

/// The school's analytic report (аналитическая справка): counts, coverage, variants,
/// before/after and SWOT of its programmes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SchoolReport {
    pub figures: SchoolFigures,
    pub district: String,
    pub date: String,
    pub before_after: Vec<TemplateComparison>,
    pub programmes: Vec<ProgrammeResults>,
    /// ECharts options (JSON) for the variants chart, drawn by the page.
    pub variants_chart: String,
    /// ECharts options per before/after question, by `template/key`.
    pub before_after_charts: Vec<(String, String)>,
}
