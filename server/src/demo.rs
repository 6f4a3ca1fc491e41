//! The demo district, loaded on first start. Every name is invented; the sizes follow the
//! figures in the domain notes (the 3 + 3 + 1 pilot, the school of 100 students and 7
//! teachers across six variants, the district totals of the forum talk).

use app::auth::hash_password;
use domain::models::*;
use app::store::{orgs, participants, programmes, users, Db};
use sqlx::AnyConnection;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "demo2026";

/// A demo account to print: login and who it is.
pub struct DemoLogin {
    pub login: &'static str,
    pub who: String,
}

const LAST: &[(&str, &str)] = &[
    ("Андреев", "Андреева"), ("Белов", "Белова"), ("Виноградов", "Виноградова"), ("Голубев", "Голубева"),
    ("Давыдов", "Давыдова"), ("Ершов", "Ершова"), ("Жуков", "Жукова"), ("Зимин", "Зимина"),
    ("Калинин", "Калинина"), ("Лебедев", "Лебедева"), ("Миронов", "Миронова"), ("Никитин", "Никитина"),
    ("Орлов", "Орлова"), ("Поляков", "Полякова"), ("Рябов", "Рябова"), ("Соколов", "Соколова"),
    ("Тихонов", "Тихонова"), ("Уваров", "Уварова"), ("Фролов", "Фролова"), ("Чернов", "Чернова"),
];
const MALE: &[&str] = &["Алексей", "Борис", "Виктор", "Глеб", "Денис", "Егор", "Иван", "Кирилл", "Лев", "Матвей", "Никита", "Олег"];
const FEMALE: &[&str] = &["Алина", "Вера", "Дарья", "Елена", "Ирина", "Ксения", "Мария", "Надежда", "Ольга", "Полина", "София", "Юлия"];
const PATRONYMIC: &[(&str, &str)] = &[
    ("Андреевич", "Андреевна"), ("Викторович", "Викторовна"), ("Игоревич", "Игоревна"),
    ("Павлович", "Павловна"), ("Сергеевич", "Сергеевна"), ("Юрьевич", "Юрьевна"),
];
/// What mentors offer and young teachers ask for, in the words of the district talk.
const MENTOR_COMPETENCES: &[&[&str]] = &[
    &["работа с документацией", "коммуникативная компетенция"],
    &["подбор заданий разного уровня сложности", "предметно-методическая компетенция"],
    &["дисциплина на уроке", "психолого-педагогическая компетенция"],
];
const MENTEE_NEEDS: &[&str] = &["работа с документацией", "подбор заданий разного уровня сложности", "дисциплина на уроке"];
const SUBJECTS: &[&str] = &["математика", "русский язык", "физика", "история", "биология", "английский язык", "информатика", "химия"];

/// Deterministic invented names: the n-th person of the demo. Distinct for the first
/// 480 people (240 of each gender).
fn person(n: usize, adult: bool) -> (String, String, Option<String>) {
    let female = n.is_multiple_of(2);
    let k = n / 2;
    let (male_last, female_last) = LAST[k % LAST.len()];
    let names = if female { FEMALE } else { MALE };
    // Same last name (same k % 20) ⇒ different k / 20 ⇒ different first name, for 12 rounds.
    let first = names[(k / LAST.len() + (k % LAST.len()) * 5) % names.len()];
    let last = if female { female_last } else { male_last };
    let middle = adult.then(|| {
        let (m, f) = PATRONYMIC[k % PATRONYMIC.len()];
        (if female { f } else { m }).to_owned()
    });
    (last.to_owned(), first.to_owned(), middle)
}

fn teacher(n: usize, role: ParticipantRole, experience: i64, subject: &str) -> NewParticipant {
    let (last_name, first_name, middle_name) = person(n, true);
    let mentor = role == ParticipantRole::Mentor;
    NewParticipant {
        last_name,
        first_name,
        middle_name,
        role,
        kind: ParticipantKind::Teacher,
        subjects: vec![subject.to_owned()],
        experience_years: Some(experience),
        qualification: Some(if experience >= 10 { Qualification::Highest } else if experience >= 3 { Qualification::First } else { Qualification::None }),
        grade: None,
        achievement: None,
        competences: if mentor { MENTOR_COMPETENCES[n % MENTOR_COMPETENCES.len()].iter().map(|c| c.to_string()).collect() } else { vec![] },
        requests: if mentor { vec![] } else { vec![MENTEE_NEEDS[n % MENTEE_NEEDS.len()].into()] },
        deficits: if mentor { vec![] } else { vec![MENTEE_NEEDS[(n + 1) % MENTEE_NEEDS.len()].into()] },
        capacity: mentor.then_some(if experience >= 10 { 3 } else { 2 }),
    }
}

fn student(n: usize, role: ParticipantRole, grade: &str, achievement: Achievement, capacity: Option<i64>) -> NewParticipant {
    let (last_name, first_name, _) = person(n, false);
    NewParticipant {
        last_name,
        first_name,
        middle_name: None,
        role,
        kind: ParticipantKind::Student,
        subjects: vec![],
        experience_years: None,
        qualification: None,
        grade: Some(grade.to_owned()),
        achievement: Some(achievement),
        competences: if role == ParticipantRole::Mentor { vec!["помощь с домашним заданием".into()] } else { vec![] },
        requests: if role == ParticipantRole::Mentee { vec!["подтянуть математику".into()] } else { vec![] },
        deficits: vec![],
        capacity,
    }
}

async fn add(db: &mut AnyConnection, org: i64, programme: Option<i64>, data: &NewParticipant) -> anyhow::Result<i64> {
    Ok(participants::insert_joining(&mut *db, org, data, programme).await?)
}

fn programme(org: i64, title: &str, form: MentoringForm, variants: Vec<Variant>) -> Programme {
    Programme { id: 0, organisation_id: org, title: title.into(), form, variants, starts_on: "2026-09-01".into(), ends_on: "2027-05-31".into() }
}

fn fixed_pair(programme_id: i64, mentor_id: i64, mentee_ids: Vec<i64>, variant: Variant) -> Pair {
    Pair { id: 0, programme_id, mentor_id, mentee_ids, variant, status: PairStatus::Fixed, fixed_on: Some("2026-09-15".into()) }
}

/// Loads the demo district in one transaction (all of it or nothing) and returns the accounts
/// to print.
pub async fn load(db: &Db) -> anyhow::Result<Vec<DemoLogin>> {
    let mut tx = db.pool.begin().await?;
    let logins = load_district(&mut tx).await?;
    tx.commit().await?;
    Ok(logins)
}

async fn load_district(db: &mut AnyConnection) -> anyhow::Result<Vec<DemoLogin>> {
    if orgs::any_district(&mut *db).await? {
        anyhow::bail!("В базе уже есть данные: демонстрационный район загружается только в пустую базу");
    }
    let hash = hash_password(DEMO_PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    // The district's figures are its schools' (the forum talk's 579 teachers, 114 under 35,
    // 46 young specialists, 26 of 32 organisations taking part): see `load_other_schools`.
    let district_id = orgs::create_district(&mut *db, &District { id: 0, name: "Северный район".into(), time_zone: TimeZone::Moscow, ..District::default() }).await?;
    let school = |name: &str, students: i64, (teachers, under_35, young): (i64, i64, i64)| Organisation {
        id: 0, district_id, name: name.into(), students_total: students, teachers_total: teachers,
        teachers_under_35: under_35, young_specialists: young, counts_on: Some("2026-09-01".into()),
        ..Organisation::default()
    };
    let lyceum = orgs::create_organisation(&mut *db, &school("МБОУ «Лицей № 1»", 640, (48, 10, 3))).await?;
    let school7 = orgs::create_organisation(&mut *db, &school("МБОУ «Средняя школа № 7»", 820, (61, 14, 5))).await?;
    let school12 = orgs::create_organisation(&mut *db, &school("МБОУ «Основная школа № 12»", 310, (27, 6, 4))).await?;
    let mut logins = Vec::new();
    let mut account = |login: &'static str, name: String, role: UserRole, org: Option<i64>, participant: Option<i64>| {
        logins.push(DemoLogin { login, who: format!("{} — {name}", domain::i18n::tr::user_role(role)) });
        (login, name, role, org, participant)
    };
    let mut accounts = vec![
        account("metodist", "Виноградова Елена Павловна".into(), UserRole::Methodologist, None, None),
        account("kurator1", "Зимина Ольга Сергеевна".into(), UserRole::Curator, Some(lyceum), None),
        account("kurator7", "Орлов Денис Игоревич".into(), UserRole::Curator, Some(school7), None),
        account("kurator12", "Рябова Надежда Юрьевна".into(), UserRole::Curator, Some(school12), None),
    ];

    // The pilot: 3 mentors, 3 young teachers, 1 curator — 7 participants.
    let pilot = programmes::create(&mut *db, &programme(lyceum, "Наставничество молодых педагогов", MentoringForm::TeacherTeacher, vec![Variant::ExperiencedYoung])).await?;
    let mut pilot_mentors = Vec::new();
    let mut pilot_mentees = Vec::new();
    for (i, subject) in SUBJECTS.iter().take(3).enumerate() {
        pilot_mentors.push(add(&mut *db, lyceum, Some(pilot), &teacher(100 + i, ParticipantRole::Mentor, 15 + i as i64 * 4, subject)).await?);
        pilot_mentees.push(add(&mut *db, lyceum, Some(pilot), &teacher(200 + i, ParticipantRole::Mentee, i as i64, subject)).await?);
    }
    for (mentor, mentee) in pilot_mentors.iter().zip(&pilot_mentees) {
        programmes::create_pair(&mut *db, &fixed_pair(pilot, *mentor, vec![*mentee], Variant::ExperiencedYoung)).await?;
    }
    participants::add_relationship(&mut *db, pilot_mentees[2], pilot_mentors[1], RelationshipKind::FormerClassTeacher).await?;
    for (i, status) in [StageStatus::Done, StageStatus::Done, StageStatus::Done, StageStatus::Done, StageStatus::Done, StageStatus::InProgress].iter().enumerate() {
        programmes::set_stage(&mut *db, pilot, Stage::ALL[i], *status, Some(format!("2026-09-{:02}", 1 + i * 3))).await?;
    }
    let mentor_name = participants::get(&mut *db, pilot_mentors[0]).await?.0.full_name();
    let mentee_name = participants::get(&mut *db, pilot_mentees[0]).await?.0.full_name();
    accounts.push(account("nastavnik1", mentor_name, UserRole::Mentor, Some(lyceum), Some(pilot_mentors[0])));
    accounts.push(account("molodoy1", mentee_name, UserRole::Mentee, Some(lyceum), Some(pilot_mentees[0])));

    // School № 7: 100 students and 7 teachers across six variants (20, 20, 10, 24, 25, 1).
    let peers = programmes::create(&mut *db, &programme(school7, "Ученик – ученик", MentoringForm::StudentStudent,
        vec![Variant::StrongWeak, Variant::LeaderPassive, Variant::PeerToPeer, Variant::AdaptedNonAdapted])).await?;
    let mut n = 300;
    for (variant, students, grade) in [(Variant::StrongWeak, 20, "8А"), (Variant::LeaderPassive, 20, "6Б"), (Variant::PeerToPeer, 10, "9В"), (Variant::AdaptedNonAdapted, 24, "5А")] {
        for _ in 0..students / 2 {
            let (mentor_level, mentee_level) = match variant {
                Variant::PeerToPeer => (Achievement::Middle, Achievement::Middle),
                _ => (Achievement::High, Achievement::Low),
            };
            let mentor = add(&mut *db, school7, Some(peers), &student(n, ParticipantRole::Mentor, grade, mentor_level, Some(1))).await?;
            let mentee = add(&mut *db, school7, Some(peers), &student(n + 1, ParticipantRole::Mentee, grade, mentee_level, None)).await?;
            programmes::create_pair(&mut *db, &fixed_pair(peers, mentor, vec![mentee], variant)).await?;
            n += 2;
        }
    }
    let teachers_students = programmes::create(&mut *db, &programme(school7, "Учитель – ученик", MentoringForm::TeacherStudent,
        vec![Variant::ActiveIndifferent, Variant::ColleagueYoungColleague])).await?;
    for (t, (variant, group)) in [(Variant::ActiveIndifferent, 4), (Variant::ActiveIndifferent, 4), (Variant::ActiveIndifferent, 4),
        (Variant::ActiveIndifferent, 4), (Variant::ActiveIndifferent, 4), (Variant::ActiveIndifferent, 5), (Variant::ColleagueYoungColleague, 1)]
        .iter()
        .enumerate()
    {
        let mut mentor = teacher(400 + t, ParticipantRole::Mentor, 12 + t as i64, SUBJECTS[t % SUBJECTS.len()]);
        mentor.capacity = Some(*group);
        let mentor_id = add(&mut *db, school7, Some(teachers_students), &mentor).await?;
        let mut mentees = Vec::new();
        for _ in 0..*group {
            // Each pupil's weak subject is their mentor's, as the school placed them.
            let mut pupil = student(n, ParticipantRole::Mentee, "10А", Achievement::Middle, None);
            pupil.requests = vec![format!("подтянуть предмет: {}", SUBJECTS[t % SUBJECTS.len()])];
            mentees.push(add(&mut *db, school7, Some(teachers_students), &pupil).await?);
            n += 1;
        }
        programmes::create_pair(&mut *db, &fixed_pair(teachers_students, mentor_id, mentees, *variant)).await?;
    }

    // School № 12: a new programme, base being collected, no pairs yet.
    let starting = programmes::create(&mut *db, &programme(school12, "Педагог – группа педагогов", MentoringForm::TeacherGroup, vec![Variant::SharedDeficits])).await?;
    programmes::set_stage(&mut *db, starting, Stage::Preparation, StageStatus::Done, Some("2026-10-01".into())).await?;
    programmes::set_stage(&mut *db, starting, Stage::MenteeBase, StageStatus::InProgress, Some("2026-10-20".into())).await?;
    add(&mut *db, school12, Some(starting), &teacher(500, ParticipantRole::Mentor, 22, "русский язык")).await?;
    for i in 0..4 {
        add(&mut *db, school12, Some(starting), &teacher(501 + i, ParticipantRole::Mentee, i as i64 % 3, SUBJECTS[(i + 3) % SUBJECTS.len()])).await?;
    }

    load_surveys(&mut *db, lyceum, pilot, &pilot_mentees, school7, peers).await?;
    load_pair_work(&mut *db, pilot, &pilot_mentors, &pilot_mentees).await?;
    load_practices(&mut *db, lyceum, pilot, school7, peers).await?;
    load_district_monitoring(&mut *db, district_id).await?;
    load_other_schools(&mut *db, district_id).await?;

    for (login, display_name, role, organisation_id, participant_id) in accounts.drain(..) {
        users::create(&mut *db, &users::NewUser {
            login, password_hash: &hash, display_name: &display_name, role, district_id, organisation_id, participant_id,
        })
        .await?;
    }

    // The district talk as a deck, on a snapshot of everything above.
    let snapshot = app::services::reports::snapshot(&mut *db, district_id).await?;
    let slides = domain::reports::deck::district_story(&snapshot);
    app::store::reports::create_deck(&mut *db, district_id, domain::i18n::tr::STORY_TITLE, &slides, &snapshot).await?;
    Ok(logins)
}

/// Questionnaires: the pilot's entry wave of «Профессиональные трудности молодого педагога»
/// (answered by its three young teachers, closed), its exit wave (two of three answered;
/// `molodoy1` has it waiting), a mentors' wave; and in School № 7 an anonymous satisfaction
/// wave for students with slips to hand out.
async fn load_surveys(db: &mut AnyConnection, lyceum: i64, pilot: i64, mentees: &[i64], school7: i64, peers: i64) -> anyhow::Result<()> {
    use app::services::intake::{accept, Submitter};
    use app::store::surveys as store;
    use domain::surveys::{templates::by_code, AnswerValue, SurveySubmission, WaveKind, WaveStatus};

    let template = |code: &str| by_code(code).map(|t| t.definition()).ok_or_else(|| anyhow::anyhow!("no template {code}"));
    let difficulties = store::create_questionnaire(&mut *db, lyceum, Some("young_teacher_difficulties"), &template("young_teacher_difficulties")?).await?;
    let mentor_form = store::create_questionnaire(&mut *db, lyceum, Some("mentor_satisfaction"), &template("mentor_satisfaction")?).await?;
    let kirkpatrick = store::create_questionnaire(&mut *db, lyceum, Some("kirkpatrick"), &template("kirkpatrick")?).await?;
    let entry = store::create_wave(&mut *db, pilot, difficulties, WaveKind::Entry, ParticipantRole::Mentee, false).await?;
    let exit = store::create_wave(&mut *db, pilot, difficulties, WaveKind::Exit, ParticipantRole::Mentee, false).await?;
    store::create_wave(&mut *db, pilot, mentor_form, WaveKind::Exit, ParticipantRole::Mentor, false).await?;
    store::issue_named_codes(&mut *db, pilot).await?;

    // Entry: each names documentation and/or tasks of different difficulty; exit: fewer do.
    let picks_entry: [&[u16]; 3] = [&[1, 2], &[1, 4], &[2, 3]];
    let picks_exit: [&[u16]; 3] = [&[], &[4], &[2]];
    for (wave_id, kind, picks, who) in [(entry, WaveKind::Entry, picks_entry, mentees), (exit, WaveKind::Exit, picks_exit, &mentees[1..])] {
        let form = store::form(&mut *db, wave_id).await?;
        for (i, participant) in who.iter().enumerate() {
            let offset = if kind == WaveKind::Exit { 1 } else { 0 };
            let mut answers = domain::surveys::Answers::new();
            for q in form.definition.questions_for(kind) {
                let value = match &q.kind {
                    domain::surveys::QuestionKind::MultipleChoice { .. } if q.key == "difficulties" => {
                        let ids = picks[i + offset].to_vec();
                        if ids.is_empty() { AnswerValue::Choices { ids: vec![], other: Some("трудностей не осталось".into()) } } else { AnswerValue::Choices { ids, other: None } }
                    }
                    domain::surveys::QuestionKind::SingleChoice { options } => AnswerValue::Choice(options[(i + offset) % options.len().min(2)].id),
                    domain::surveys::QuestionKind::MultipleChoice { options, .. } => AnswerValue::Choices { ids: vec![options[i % options.len()].id], other: None },
                    domain::surveys::QuestionKind::Scale { max, .. } => AnswerValue::Scale(if kind == WaveKind::Exit { *max - (i as u8 % 2) } else { (*max / 2).max(2) - (i as u8 % 2) }),
                    domain::surveys::QuestionKind::YesNo => AnswerValue::YesNo(i % 2 == 0),
                    domain::surveys::QuestionKind::ShortText => AnswerValue::Text(SUBJECTS[i].into()),
                    domain::surveys::QuestionKind::LongText => AnswerValue::Text(if kind == WaveKind::Entry {
                        "Помощь в планировании уроков и подборе заданий разного уровня".into()
                    } else {
                        "Стало проще готовиться к урокам, появилась уверенность".into()
                    }),
                };
                answers.insert(q.key.clone(), value);
            }
            let submission = SurveySubmission {
                client_id: format!("demo-{wave_id}-{participant}"),
                wave_id,
                version_id: form.version_id,
                code: None,
                answers,
            };
            let accepted = accept(&mut *db, Submitter::Account { participant_id: Some(*participant) }, &submission)
                .await
                .map_err(|e| anyhow::anyhow!("demo answers refused: {e}"))?;
            store::store_batch(&mut *db, &[accepted]).await?;
        }
    }
    store::set_wave_status(&mut *db, entry, WaveStatus::Closed).await?;
    load_kirkpatrick(&mut *db, pilot, kirkpatrick, mentees).await?;

    let satisfaction = store::create_questionnaire(&mut *db, school7, Some("mentee_satisfaction"), &template("mentee_satisfaction")?).await?;
    store::create_wave(&mut *db, peers, satisfaction, WaveKind::Exit, ParticipantRole::Mentee, true).await?;
    store::issue_anonymous_codes(&mut *db, peers, ParticipantRole::Mentee, 10).await?;
    Ok(())
}

/// The pilot's closing Kirkpatrick questionnaire, answered by its three young teachers (and
/// closed), and the SWOT its curator wrote from the open answers.
async fn load_kirkpatrick(db: &mut AnyConnection, pilot: i64, questionnaire: i64, mentees: &[i64]) -> anyhow::Result<()> {
    use app::services::intake::{accept, Submitter};
    use domain::reports::Swot;
    use app::store::surveys as store;
    use domain::surveys::{AnswerValue, Answers, QuestionKind, SurveySubmission, WaveKind, WaveStatus};

    let wave_id = store::create_wave(&mut *db, pilot, questionnaire, WaveKind::Exit, ParticipantRole::Mentee, false).await?;
    let form = store::form(&mut *db, wave_id).await?;
    let observed = [
        "Стала увереннее вести урок, дети лучше работают в группах",
        "Наставник отметил, что я чётче ставлю цели урока",
        "Меньше времени уходит на планирование, появились свои дидактические материалы",
    ];
    let for_school = [
        "Двое моих учеников стали призёрами муниципальной олимпиады",
        "Провела открытый урок для молодых коллег района",
        "Нам не хватало времени на взаимопосещение уроков",
    ];
    let mut batch = Vec::new();
    for (i, participant) in mentees.iter().enumerate() {
        let mut answers = Answers::new();
        for q in form.definition.questions_for(WaveKind::Exit) {
            let value = match (q.key.as_str(), &q.kind) {
                ("skills_before", _) => AnswerValue::Scale(4 + i as u8),
                ("skills_after", _) => AnswerValue::Scale(8 + (i as u8 % 2)),
                ("overall", _) => AnswerValue::Scale(9 + (i as u8 % 2)),
                (_, QuestionKind::Scale { max, .. }) => AnswerValue::Scale(*max - (i as u8 % 2)),
                ("contests", QuestionKind::YesNo) => AnswerValue::YesNo(i == 1),
                (_, QuestionKind::YesNo) => AnswerValue::YesNo(true),
                (_, QuestionKind::SingleChoice { options }) => AnswerValue::Choice(options[i.min(1)].id),
                (_, QuestionKind::MultipleChoice { options, .. }) => AnswerValue::Choices { ids: if i == 2 { vec![options[2].id] } else { vec![options[i].id, options[2].id] }, other: None },
                ("method_example", _) => AnswerValue::Text(["Приём «Мозговой штурм»", "Технология «Перевёрнутый класс»", "Карта понятий"][i].into()),
                ("observed_changes", _) => AnswerValue::Text(observed[i].into()),
                ("school_results", _) => AnswerValue::Text(for_school[i].into()),
                _ => continue,
            };
            answers.insert(q.key.clone(), value);
        }
        let submission = SurveySubmission { client_id: format!("demo-{wave_id}-{participant}"), wave_id, version_id: form.version_id, code: None, answers };
        batch.push(accept(&mut *db, Submitter::Account { participant_id: Some(*participant) }, &submission).await.map_err(|e| anyhow::anyhow!("demo answers refused: {e}"))?);
    }
    store::store_batch(&mut *db, &batch).await?;
    store::set_wave_status(&mut *db, wave_id, WaveStatus::Closed).await?;

    let items = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect();
    let swot = Swot {
        strengths: items(&[
            "Все три молодых педагога прошли программу до конца",
            "Наставники — опытные учителя того же предмета",
            "Доля называющих трудностью документацию снизилась",
        ]),
        weaknesses: items(&["Не хватает времени на взаимопосещение уроков", "Нет общего расписания встреч пар"]),
        opportunities: items(&[
            "Тиражировать опыт пилота на школы района",
            "Участие молодых педагогов в профессиональных конкурсах",
        ]),
        threats: items(&["Высокая учебная нагрузка наставников", "Уход молодых специалистов из профессии"]),
    };
    app::store::reports::save_swot(&mut *db, pilot, &swot).await?;
    Ok(())
}

/// Schools of the district's monitoring of young teachers (anonymous, entry and exit), with
/// their respondents on entry and at exit.
const MONITORED: &[(&str, usize, usize)] = &[
    ("МАОУ «Гимназия № 2»", 19, 19),
    ("МБОУ «Средняя школа № 3»", 19, 19),
    ("МБОУ «Средняя школа № 5»", 19, 19),
    ("МБОУ «Средняя школа № 9»", 18, 18),
    ("МБОУ «Средняя школа № 14»", 18, 18),
    ("МБОУ «Средняя школа № 21»", 18, 17),
];

/// The district's anonymous monitoring with «Профессиональные трудности молодого педагога».
/// With the pilot school's named answers it gives the figures of the district talk: 114
/// answered on entry and 112 at exit; «документация» 35 → 25 (31 % → 22 %), «задания разной
/// степени трудности» 43 → 26 (38 % → 23 %), «отношение к профессии улучшилось» 74 (66 %).
async fn load_district_monitoring(db: &mut AnyConnection, district_id: i64) -> anyhow::Result<()> {
    use app::services::intake::{accept, Submitter};
    use app::store::surveys as store;
    use domain::surveys::{templates::by_code, AnswerValue, Answers, QuestionKind, SurveySubmission, WaveKind};

    // Anonymous respondents' answers beyond the pilot's (entry 2 + 2, exit 0 + 1, attitude 1).
    const ENTRY_DOCUMENTS: usize = 33;
    const ENTRY_TASKS: usize = 41;
    const EXIT_DOCUMENTS: usize = 25;
    const EXIT_TASKS: usize = 25;
    const IMPROVED: usize = 73;
    let template = by_code("young_teacher_difficulties").ok_or_else(|| anyhow::anyhow!("no template"))?;
    let answers = |kind: WaveKind, n: usize, form: &domain::surveys::Definition| -> Answers {
        let mut out = Answers::new();
        for q in form.questions_for(kind) {
            let value = match (&q.kind, q.key.as_str()) {
                (QuestionKind::MultipleChoice { options, .. }, "difficulties") => {
                    let (documents, tasks) = match kind {
                        WaveKind::Exit => (EXIT_DOCUMENTS, EXIT_TASKS),
                        _ => (ENTRY_DOCUMENTS, ENTRY_TASKS),
                    };
                    let id = if n < documents { 1 } else if n < documents + tasks { 2 } else { options[2 + n % (options.len() - 2)].id };
                    AnswerValue::Choices { ids: vec![id], other: None }
                }
                (QuestionKind::SingleChoice { .. }, "attitude") => AnswerValue::Choice(if n < IMPROVED { 1 } else { 2 + (n % 3) as u16 }),
                (QuestionKind::SingleChoice { options }, _) => AnswerValue::Choice(options[n % options.len()].id),
                (QuestionKind::MultipleChoice { options, .. }, _) => AnswerValue::Choices { ids: vec![options[n % options.len()].id], other: None },
                (QuestionKind::Scale { max, .. }, _) => {
                    let base = if kind == WaveKind::Exit { *max - 1 } else { *max / 2 };
                    AnswerValue::Scale((base + (n % 2) as u8).clamp(1, *max))
                }
                (QuestionKind::YesNo, _) => AnswerValue::YesNo(!n.is_multiple_of(3)),
                (QuestionKind::ShortText, _) => AnswerValue::Text(SUBJECTS[n % SUBJECTS.len()].into()),
                (QuestionKind::LongText, _) => continue,
            };
            out.insert(q.key.clone(), value);
        }
        out
    };
    let (mut entry_n, mut exit_n) = (0usize, 0usize);
    for (name, entry_people, exit_people) in MONITORED {
        let school = orgs::create_organisation(&mut *db, &Organisation {
            id: 0, district_id, name: (*name).into(), students_total: 700, teachers_total: 55, teachers_under_35: 8, young_specialists: 3,
            counts_on: Some("2026-09-01".into()), ..Organisation::default()
        }).await?;
        let programme_id = programmes::create(&mut *db, &programme(school, "Наставничество молодых педагогов", MentoringForm::TeacherTeacher, vec![Variant::ExperiencedYoung])).await?;
        let questionnaire = store::create_questionnaire(&mut *db, school, Some(template.code), &template.definition()).await?;
        store::issue_anonymous_codes(&mut *db, programme_id, ParticipantRole::Mentee, *entry_people).await?;
        let slips = store::codes_of(&mut *db, programme_id).await?;
        for (kind, people) in [(WaveKind::Entry, *entry_people), (WaveKind::Exit, *exit_people)] {
            let wave_id = store::create_wave(&mut *db, programme_id, questionnaire, kind, ParticipantRole::Mentee, true).await?;
            let form = store::form(&mut *db, wave_id).await?;
            let mut batch = Vec::new();
            for slip in slips.iter().take(people) {
                let n = if kind == WaveKind::Exit { exit_n } else { entry_n };
                let submission = SurveySubmission {
                    client_id: format!("demo-{wave_id}-{}", slip.code),
                    wave_id,
                    version_id: form.version_id,
                    code: Some(slip.code.clone()),
                    answers: answers(kind, n, &form.definition),
                };
                batch.push(accept(&mut *db, Submitter::Kiosk { wave_id }, &submission).await.map_err(|e| anyhow::anyhow!("demo answers refused: {e}"))?);
                if kind == WaveKind::Exit { exit_n += 1 } else { entry_n += 1 }
            }
            store::store_batch(&mut *db, &batch).await?;
            if kind == WaveKind::Entry {
                store::set_wave_status(&mut *db, wave_id, domain::surveys::WaveStatus::Closed).await?;
            }
        }
    }
    Ok(())
}

/// The district's other 23 organisations: 17 have started a programme (its base not yet
/// collected), 6 take no part yet. With the schools above they make the forum talk's figures.
const OTHER_SCHOOLS: &[&str] = &[
    "МБОУ «Средняя школа № 4»", "МБОУ «Средняя школа № 6»", "МБОУ «Средняя школа № 8»", "МБОУ «Средняя школа № 10»",
    "МБОУ «Средняя школа № 11»", "МБОУ «Средняя школа № 13»", "МБОУ «Средняя школа № 15»", "МБОУ «Средняя школа № 16»",
    "МБОУ «Средняя школа № 17»", "МБОУ «Средняя школа № 18»", "МБОУ «Средняя школа № 19»", "МБОУ «Средняя школа № 20»",
    "МБОУ «Средняя школа № 22»", "МБОУ «Основная школа № 23»", "МБОУ «Основная школа № 24»", "МБОУ «Основная школа № 25»",
    "МБДОУ «Детский сад № 1»",
    // Not taking part yet:
    "МБДОУ «Детский сад № 2»", "МБДОУ «Детский сад № 3»", "МБДОУ «Детский сад № 4»", "МБУ ДО «Центр детского творчества»",
    "МБУ ДО «Дом детского творчества»", "МБУ ДО «Детско-юношеская спортивная школа»",
];
const OTHER_SCHOOLS_TAKING_PART: usize = 17;

async fn load_other_schools(db: &mut AnyConnection, district_id: i64) -> anyhow::Result<()> {
    for (i, name) in OTHER_SCHOOLS.iter().enumerate() {
        // 113 teachers, 36 under 35 and 16 young specialists over the 23.
        let teachers = if i < 21 { 5 } else { 4 };
        let under_35 = if i < 13 { 2 } else { 1 };
        let young = i64::from(i < 16);
        let school = orgs::create_organisation(&mut *db, &Organisation {
            id: 0, district_id, name: (*name).into(), students_total: if name.contains("сад") { 150 } else { 320 },
            teachers_total: teachers, teachers_under_35: under_35, young_specialists: young,
            counts_on: Some("2026-09-01".into()), ..Organisation::default()
        }).await?;
        if i < OTHER_SCHOOLS_TAKING_PART {
            let id = programmes::create(&mut *db, &programme(school, "Наставничество молодых педагогов", MentoringForm::TeacherTeacher, vec![Variant::ExperiencedYoung])).await?;
            programmes::set_stage(&mut *db, id, Stage::Preparation, StageStatus::Done, Some("2026-09-10".into())).await?;
        }
    }
    Ok(())
}

/// Prints the demo accounts so a newcomer can log in at once.
pub fn print_logins(logins: &[DemoLogin]) {
    println!("\nДемо-данные загружены. Учётные записи (пароль у всех: {DEMO_PASSWORD}):");
    for login in logins {
        println!("  {:<12} {}", login.login, login.who);
    }
    println!();
}

/// The pilot's year so far, dated from the day the demo is loaded: the first pair at work (a
/// meeting tomorrow), the second finished with its result, отзыв and letter of thanks, the
/// third gone quiet (no meeting for four weeks, a meeting not recorded, a plan row overdue).
async fn load_pair_work(db: &mut AnyConnection, pilot: i64, mentors: &[i64], mentees: &[i64]) -> anyhow::Result<()> {
    use app::store::{day_from_today as day, pair_work};
    use domain::models::{Competence, DiaryInput, MeetingInput, NewDiaryEntry, NewMeeting, Outcome, OutcomeInput, PlanGroup, PlanRow};
    let names = pair_work::names(&mut *db, &[mentors[0], mentors[1], mentors[2], mentees[0], mentees[1], mentees[2]]).await?;
    let name = |id: i64| names.iter().find(|(n, _, _)| *n == id).map(|(_, full, _)| full.clone()).unwrap_or_default();
    let meeting = |kind: &str, offset: i64, held: bool, topic: &str, done: &str, next: &str| {
        NewMeeting::parse(&MeetingInput {
            kind: kind.into(), date: day(offset), minutes: "45".into(), format: "in_person".into(),
            topic: topic.into(), done: done.into(), next_step: next.into(), held,
        })
        .map_err(|e| anyhow::anyhow!("demo meeting: {e:?}"))
    };
    let row = |competence: Competence, deficit: &str, activities: &str, deadline: i64, expected: &str, done: Option<(i64, &str)>| PlanRow {
        group: PlanGroup::Competence(competence),
        deficit: deficit.into(),
        activities: activities.into(),
        deadline: day(deadline),
        expected: expected.into(),
        done: done.map(|(on, note)| (day(on), note.to_owned())),
    };
    let diary = |offset: i64, well: &str, hard: &str, next: &str, partner: bool, curator: bool| {
        NewDiaryEntry::parse(&DiaryInput { written_on: day(offset), went_well: well.into(), was_hard: hard.into(), next_steps: next.into(), share_partner: partner, share_curator: curator })
            .map_err(|e| anyhow::anyhow!("demo diary: {e:?}"))
    };

    // The first pair, at work: the accounts nastavnik1 and molodoy1.
    let (mentor, mentee) = (mentors[0], mentees[0]);
    let by = name(mentor);
    for m in [
        meeting("acquaintance", -75, true, "Знакомство, ожидания от работы в паре", "Обсудили ожидания, договорились встречаться по вторникам", "Посетить урок друг друга")?,
        meeting("trial", -68, true, "Разбор урока в 6А", "Разобрали структуру урока и время на этапах", "Составить план")?,
        meeting("planning", -60, true, "Составляем индивидуальный план", "Записали дефициты и мероприятия плана", "Начать с документации")?,
        meeting("visit_by_mentor", -40, true, "Посещение урока: групповая работа", "Группы работали, но двое учеников выпали из работы", "Роли в группах")?,
        meeting("series", -12, true, "Оценивание на уроке: критерии", "Составили критерии для самостоятельной работы", "Подготовить открытый урок")?,
        meeting("series", 1, false, "Подготовка открытого урока", "", "")?,
        meeting("joint_lesson", 14, false, "Совместный урок в 7Б", "", "")?,
    ] {
        pair_work::add_meeting(&mut *db, pilot, mentor, &m, &by).await?;
    }
    pair_work::start_plan(&mut *db, pilot, mentee, &[
        row(Competence::Communicative, "работа с документацией", "Разобрать с наставником рабочую программу и электронный журнал", -30, "Рабочая программа составлена без замечаний", Some((-33, "Программа принята методобъединением"))),
        row(Competence::SubjectMethodical, "подбор заданий разного уровня сложности", "Составить банк заданий трёх уровней по двум темам", 20, "Задания на каждом уроке для всех групп учеников", None),
        row(Competence::PsychoPedagogical, "дисциплина на уроке", "Посетить 3 урока наставника, договориться о правилах класса", 45, "Правила класса работают без напоминаний", None),
        row(Competence::Acmeological, "профессиональный рост", "Выступить на методобъединении с опытом оценивания", 120, "Выступление", None),
    ], &by).await?;
    let mentee_entry = diary(-12, "Критерии оценивания понятны ученикам", "Не успеваю проверять тетради к следующему уроку", "Попробую взаимопроверку", false, false)?;
    pair_work::add_diary_entry(&mut *db, pilot, mentor, mentee, &mentee_entry).await?;
    let mentor_entry = diary(-40, "Групповая работа началась: ученики спорили по делу", "Двое учеников не включились в работу", "Обсудить роли в группах", true, true)?;
    pair_work::add_diary_entry(&mut *db, pilot, mentor, mentor, &mentor_entry).await?;

    // The second pair, finished: result, отзыв and a letter of thanks.
    let (mentor, mentee) = (mentors[1], mentees[1]);
    let by = name(mentor);
    for m in [
        meeting("acquaintance", -76, true, "Знакомство", "Рассказали о себе, обсудили ожидания", "Пробная встреча")?,
        meeting("trial", -70, true, "Пробная встреча: урок русского языка", "Разобрали урок", "План")?,
        meeting("planning", -62, true, "Индивидуальный план", "План составлен", "")?,
        meeting("visit_by_mentee", -50, true, "Посещение урока наставника", "Увидела приёмы дифференциации", "Попробовать у себя")?,
        meeting("series", -35, true, "Задания разного уровня", "Разобрали задания трёх уровней", "")?,
        meeting("final", -7, true, "Итоговая встреча", "Подвели итоги, цели плана достигнуты", "")?,
    ] {
        pair_work::add_meeting(&mut *db, pilot, mentor, &m, &by).await?;
    }
    pair_work::start_plan(&mut *db, pilot, mentee, &[
        row(Competence::SubjectMethodical, "подбор заданий разного уровня сложности", "Составить задания трёх уровней к 5 урокам", -20, "Дифференцированные задания на уроках", Some((-22, "Задания используются на каждом уроке"))),
        row(Competence::PsychoPedagogical, "дисциплина на уроке", "Правила класса вместе с учениками", -15, "Спокойная рабочая обстановка", Some((-16, "Правила работают"))),
    ], &by).await?;
    pair_work::add_diary_entry(&mut *db, pilot, mentor, mentee, &diary(-8, "Уроки идут спокойнее, ученики знают правила", "", "Продолжать", true, true)?).await?;
    let outcome = Outcome::parse(&OutcomeInput {
        decision: "finished".into(),
        goals_reached: "Подбирает задания трёх уровней сложности самостоятельно; в классе работают общие правила".into(),
        changes: "Уроки стали спокойнее, выросла доля выполненных самостоятельных работ".into(),
        recommendations: "Выступить с опытом на методическом объединении".into(),
        ..OutcomeInput::default()
    }, &day(0)).map_err(|e| anyhow::anyhow!("demo outcome: {e:?}"))?;
    pair_work::save_outcome(&mut *db, pilot, mentee, mentor, &outcome, &day(-5), "Зимина Ольга Сергеевна").await?;
    pair_work::save_review(&mut *db, pilot, mentee, mentor,
        "За время работы в паре освоены подбор заданий разного уровня сложности и правила работы в классе. \
         Ответственный, открытый к советам педагог, охотно посещает уроки коллег. Рекомендую привлекать к работе методического объединения.", &by).await?;
    pair_work::set_pair_finished(&mut *db, pilot, mentor, true).await?;
    pair_work::set_thanked(&mut *db, pilot, mentor, true, &day(-5)).await?;

    // The third pair, gone quiet: flagged on the curator's overview.
    let (mentor, mentee) = (mentors[2], mentees[2]);
    let by = name(mentor);
    for m in [
        meeting("acquaintance", -74, true, "Знакомство", "Договорились о встречах", "")?,
        meeting("planning", -50, true, "Индивидуальный план", "Записали дефициты", "Посетить урок")?,
        meeting("visit_by_mentor", -28, true, "Посещение урока физики", "Урок сорван шумом в классе", "Разобрать приёмы")?,
        meeting("series", -6, false, "Приёмы работы с шумным классом", "", "")?,
    ] {
        pair_work::add_meeting(&mut *db, pilot, mentor, &m, &by).await?;
    }
    pair_work::start_plan(&mut *db, pilot, mentee, &[
        row(Competence::PsychoPedagogical, "дисциплина на уроке", "Посетить 2 урока наставника, записать приёмы", -10, "Приёмы применяются на уроках", None),
        row(Competence::SubjectMethodical, "работа с документацией", "Заполнить электронный журнал вместе с наставником", 30, "Журнал заполнен в срок", None),
    ], &by).await?;
    Ok(())
}

/// The bank of best practices: the pilot's, marked for the forum, and one of School № 7.
async fn load_practices(db: &mut AnyConnection, lyceum: i64, pilot: i64, school7: i64, peers: i64) -> anyhow::Result<()> {
    use domain::models::{NewPractice, PracticeInput};
    let practice = |programme: i64, title: &str, form: &str, competence: &str, done: &str, results: &str, materials: &str| {
        NewPractice::parse(&PracticeInput {
            programme_id: programme.to_string(), title: title.into(), form: form.into(), competence: competence.into(),
            what_done: done.into(), results: results.into(), materials: materials.into(),
        })
        .map_err(|e| anyhow::anyhow!("demo practice: {e:?}"))
    };
    let visits = practice(pilot, "Взаимопосещение уроков по карте наблюдения", "teacher_teacher", "subject_methodical",
        "Наставник и молодой педагог раз в две недели посещают уроки друг друга и разбирают их по одной карте наблюдения: цель, этапы, время, обратная связь.",
        "Молодые педагоги выстраивают урок по ФГОС без подсказки; подбирают задания трёх уровней сложности.",
        "Карта наблюдения урока (методический кабинет лицея)")?;
    let id = app::store::practices::insert(&mut *db, lyceum, &visits, "Зимина Ольга Сергеевна", &app::store::day_from_today(-4)).await?;
    app::store::practices::set_for_forum(&mut *db, id, true).await?;
    let peers_practice = practice(peers, "Учебные пары «сильный – отстающий» перед контрольными", "student_student", "",
        "Старшеклассники занимаются с младшими по 30 минут после уроков за неделю до контрольной.",
        "Доля неудовлетворительных оценок за контрольные в 8А снизилась вдвое.", "")?;
    app::store::practices::insert(&mut *db, school7, &peers_practice, "Орлов Денис Игоревич", &app::store::day_from_today(-10)).await?;
    Ok(())
}
