//! Programmes, their forms, variants and seven stages; pairs and prior relationships.

use serde::{Deserialize, Serialize};

use super::coded_enum;

coded_enum! {
    /// Форма наставничества.
    MentoringForm {
        TeacherTeacher = "teacher_teacher",
        TeacherGroup = "teacher_group",
        TeacherStudent = "teacher_student",
        StudentStudent = "student_student",
    }
}

coded_enum! {
    /// Модель взаимодействия (variant) within a form.
    Variant {
        ExperiencedYoung = "experienced_young",
        Trainee = "trainee",
        Reverse = "reverse",
        SharedDeficits = "shared_deficits",
        ActiveIndifferent = "active_indifferent",
        ColleagueYoungColleague = "colleague_young",
        StrongWeak = "strong_weak",
        LeaderPassive = "leader_passive",
        PeerToPeer = "peer_to_peer",
        AdaptedNonAdapted = "adapted_non_adapted",
    }
}

impl Variant {
    /// The form this variant belongs to.
    pub fn form(self) -> MentoringForm {
        use Variant::*;
        match self {
            ExperiencedYoung | Trainee | Reverse => MentoringForm::TeacherTeacher,
            SharedDeficits => MentoringForm::TeacherGroup,
            ActiveIndifferent | ColleagueYoungColleague => MentoringForm::TeacherStudent,
            StrongWeak | LeaderPassive | PeerToPeer | AdaptedNonAdapted => {
                MentoringForm::StudentStudent
            }
        }
    }
}

impl MentoringForm {
    /// Students take part in this form (as mentees, or as mentors and mentees).
    pub fn involves_students(self) -> bool {
        matches!(self, MentoringForm::TeacherStudent | MentoringForm::StudentStudent)
    }

    /// The variants the sources name for this form.
    pub fn variants(self) -> impl Iterator<Item = Variant> {
        Variant::ALL.iter().copied().filter(move |v| v.form() == self)
    }
}

coded_enum! {
    /// The seven stages of the target model, in order.
    Stage {
        Preparation = "preparation",
        MenteeBase = "mentee_base",
        MentorBase = "mentor_base",
        MentorTraining = "mentor_training",
        Pairing = "pairing",
        Work = "work",
        Completion = "completion",
    }
}

coded_enum! {
    /// How far a stage has got.
    StageStatus {
        NotStarted = "not_started",
        InProgress = "in_progress",
        Done = "done",
    }
}

/// A programme of one school.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    pub id: i64,
    pub organisation_id: i64,
    pub title: String,
    pub form: MentoringForm,
    pub variants: Vec<Variant>,
    /// ISO dates, `YYYY-MM-DD`.
    pub starts_on: String,
    pub ends_on: String,
}

/// One of a programme's seven stages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeStage {
    pub stage: Stage,
    pub status: StageStatus,
    /// When the status was last set (ISO date), if ever.
    pub date: Option<String>,
}

/// A programme with its stages, for the programme page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeDetail {
    pub programme: Programme,
    pub organisation_name: String,
    pub stages: Vec<ProgrammeStage>,
    pub mentors: i64,
    pub mentees: i64,
    pub pairs: i64,
    pub passport: super::Passport,
    /// Each extension or shortening, with its reason, oldest first.
    pub period_changes: Vec<super::PeriodChange>,
}

coded_enum! {
    /// Where a pair or group is in its life.
    PairStatus {
        Draft = "draft",
        Fixed = "fixed",
        Finished = "finished",
    }
}

/// A mentor with one or more mentees (a group when more than one).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    pub id: i64,
    pub programme_id: i64,
    pub mentor_id: i64,
    pub mentee_ids: Vec<i64>,
    pub variant: Variant,
    pub status: PairStatus,
    pub fixed_on: Option<String>,
}

coded_enum! {
    /// A prior relationship that makes two people a poor pair.
    RelationshipKind {
        FormerClassTeacher = "former_class_teacher",
        Relative = "relative",
        LineManager = "line_manager",
    }
}

/// A recorded prior relationship between two participants.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relationship {
    pub id: i64,
    pub participant_id: i64,
    pub other_id: i64,
    pub other_name: String,
    pub kind: RelationshipKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_has_the_variants_the_sources_name() {
        let counts: Vec<usize> = MentoringForm::ALL.iter().map(|f| f.variants().count()).collect();
        assert_eq!(counts, vec![3, 1, 2, 4]);
    }

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_code(stage.code()), Some(*stage));
        }
        assert_eq!(Stage::ALL.len(), 7);
        assert_eq!(Variant::from_code("weak_weak"), None);
    }
}

/// A new programme as the curator types it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeInput {
    pub title: String,
    /// A `MentoringForm` code.
    pub form: String,
    /// `Variant` codes, each of the chosen form.
    pub variants: Vec<String>,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    pub ends_on: String,
}

impl Programme {
    /// The input a form shows to change this programme.
    pub fn to_input(&self) -> ProgrammeInput {
        ProgrammeInput {
            title: self.title.clone(),
            form: self.form.code().to_owned(),
            variants: self.variants.iter().map(|v| v.code().to_owned()).collect(),
            starts_on: self.starts_on.clone(),
            ends_on: self.ends_on.clone(),
        }
    }
}

impl ProgrammeInput {
    /// The programme for a school, or a message per field.
    pub fn parse(&self, organisation_id: i64) -> Result<Programme, crate::FieldErrors> {
        use crate::i18n::ru;
        let mut errors = crate::FieldErrors::new();
        let title = super::text::clean(&self.title).unwrap_or_default();
        if title.is_empty() {
            errors.insert("title".into(), ru::ERR_NAME_REQUIRED.into());
        } else if title.chars().count() > 200 {
            errors.insert("title".into(), ru::ERR_TEXT_LONG.into());
        }
        let form = MentoringForm::from_code(&self.form);
        if form.is_none() {
            errors.insert("form".into(), ru::ERR_FORM.into());
        }
        let variants: Vec<Variant> = self.variants.iter().filter_map(|code| Variant::from_code(code)).collect();
        let fits = variants.len() == self.variants.len() && form.is_none_or(|form| variants.iter().all(|v| v.form() == form));
        if form.is_some() && (variants.is_empty() || !fits) {
            errors.insert("variants".into(), ru::ERR_VARIANTS.into());
        }
        for (field, date) in [("starts_on", &self.starts_on), ("ends_on", &self.ends_on)] {
            if !super::is_date(date.trim()) {
                errors.insert(field.into(), ru::ERR_DATE.into());
            }
        }
        if !errors.contains_key("starts_on") && !errors.contains_key("ends_on") && self.ends_on.trim() <= self.starts_on.trim() {
            errors.insert("ends_on".into(), ru::ERR_PERIOD.into());
        }
        match form {
            Some(form) if errors.is_empty() => Ok(Programme {
                id: 0,
                organisation_id,
                title,
                form,
                variants,
                starts_on: self.starts_on.trim().to_owned(),
                ends_on: self.ends_on.trim().to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod input_tests {
    use super::*;
    use crate::i18n::ru;

    #[test]
    fn a_programme_has_a_title_a_form_its_own_variants_and_a_period() {
        let errors = ProgrammeInput { form: "teacher_teacher".into(), variants: vec!["peer_to_peer".into()], starts_on: "2026-09-01".into(), ends_on: "2026-05-31".into(), ..Default::default() }
            .parse(1)
            .unwrap_err();
        assert_eq!(errors["title"], ru::ERR_NAME_REQUIRED);
        assert_eq!(errors["variants"], ru::ERR_VARIANTS);
        assert_eq!(errors["ends_on"], ru::ERR_PERIOD);
        let programme = ProgrammeInput {
            title: "Наставничество молодых педагогов".into(),
            form: "teacher_teacher".into(),
            variants: vec!["experienced_young".into(), "reverse".into()],
            starts_on: "2026-09-01".into(),
            ends_on: "2027-05-31".into(),
        }
        .parse(7)
        .expect("valid");
        assert_eq!((programme.organisation_id, programme.form, programme.variants.len()), (7, MentoringForm::TeacherTeacher, 2));
    }
}
