//! Who may read and write what. Plain functions over the caller and the target's place,
//! so every server function asks the same questions and the rules are unit-tested.

use crate::models::{CurrentUser, UserRole};

/// Where a record lives: its school and the school's district.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub district_id: i64,
    pub organisation_id: i64,
}

/// Reading a school's base, programmes and exports: its curator, or a methodologist of its district.
pub fn can_read_school(user: &CurrentUser, place: Place) -> bool {
    match user.role {
        UserRole::Methodologist => user.district_id == place.district_id,
        UserRole::Curator => user.organisation_id == Some(place.organisation_id),
        UserRole::Mentor | UserRole::Mentee => false,
    }
}

/// Changing a school's base and programmes: only that school's curator.
pub fn can_write_school(user: &CurrentUser, place: Place) -> bool {
    user.role == UserRole::Curator && user.organisation_id == Some(place.organisation_id)
}

/// Reading one participant: whoever may read the school, and the participant themself.
pub fn can_read_participant(user: &CurrentUser, place: Place, participant_id: i64) -> bool {
    can_read_school(user, place) || user.participant_id == Some(participant_id)
}

/// What a caller wants to do with a school's record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intent {
    Read,
    Write,
}

/// Why a caller may not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denied {
    /// They may not learn that the record exists: the same answer as a missing one.
    Hidden,
    /// They may see it but not change it.
    Forbidden,
}

/// The one rule for a school's records (programmes, questionnaires, waves, boards): reading
/// needs `can_read_school`; writing needs `can_write_school`, and one who may only read is
/// told so, while anyone else learns nothing.
pub fn school_access(user: &CurrentUser, place: Place, intent: Intent) -> Result<(), Denied> {
    match intent {
        _ if can_write_school(user, place) => Ok(()),
        Intent::Read if can_read_school(user, place) => Ok(()),
        Intent::Write if can_read_school(user, place) => Err(Denied::Forbidden),
        _ => Err(Denied::Hidden),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHOOL: Place = Place { district_id: 1, organisation_id: 10 };

    fn user(role: UserRole, district_id: i64, organisation_id: Option<i64>) -> CurrentUser {
        CurrentUser {
            id: 1,
            login: "x".into(),
            display_name: "x".into(),
            role,
            district_id,
            organisation_id,
            participant_id: matches!(role, UserRole::Mentor | UserRole::Mentee).then_some(100),
            time_zone: Default::default(),
        }
    }

    #[test]
    fn a_curator_reads_and_writes_only_their_school() {
        let own = user(UserRole::Curator, 1, Some(10));
        let other = user(UserRole::Curator, 1, Some(11));
        assert!(can_read_school(&own, SCHOOL) && can_write_school(&own, SCHOOL));
        assert!(!can_read_school(&other, SCHOOL) && !can_write_school(&other, SCHOOL));
    }

    #[test]
    fn a_methodologist_reads_the_district_but_writes_nothing() {
        let methodologist = user(UserRole::Methodologist, 1, None);
        let elsewhere = user(UserRole::Methodologist, 2, None);
        assert!(can_read_school(&methodologist, SCHOOL));
        assert!(!can_write_school(&methodologist, SCHOOL));
        assert!(!can_read_school(&elsewhere, SCHOOL));
    }

    #[test]
    fn mentors_and_mentees_see_only_themselves() {
        for role in [UserRole::Mentor, UserRole::Mentee] {
            let person = user(role, 1, Some(10));
            assert!(!can_read_school(&person, SCHOOL));
            assert!(can_read_participant(&person, SCHOOL, 100));
            assert!(!can_read_participant(&person, SCHOOL, 101));
        }
    }

    #[test]
    fn one_rule_says_hidden_or_forbidden_for_every_record_of_a_school() {
        let curator = user(UserRole::Curator, 1, Some(10));
        let methodologist = user(UserRole::Methodologist, 1, None);
        let stranger = user(UserRole::Curator, 1, Some(11));
        let mentee = user(UserRole::Mentee, 1, Some(10));
        assert_eq!(school_access(&curator, SCHOOL, Intent::Write), Ok(()));
        assert_eq!(school_access(&methodologist, SCHOOL, Intent::Read), Ok(()));
        assert_eq!(school_access(&methodologist, SCHOOL, Intent::Write), Err(Denied::Forbidden));
        for outsider in [&stranger, &mentee] {
            assert_eq!(school_access(outsider, SCHOOL, Intent::Read), Err(Denied::Hidden));
            assert_eq!(school_access(outsider, SCHOOL, Intent::Write), Err(Denied::Hidden));
        }
    }
}
