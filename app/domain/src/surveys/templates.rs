//! Ready questionnaires written for this project: a curator picks one, adapts it in the builder
//! and gives it to a wave. The texts follow the monitoring of the target model of mentoring
//! (целевая модель наставничества): satisfaction of mentees and mentors, the professional
//! difficulties of young teachers asked on entry and at exit, and the four Kirkpatrick levels.

use super::{Choice, Definition, KirkpatrickLevel, Question, QuestionKind, Section, WaveKind};

/// A ready questionnaire a curator can start from.
#[derive(Clone, Copy, Debug)]
pub struct Template {
    /// Stable code, e.g. `young_teacher_difficulties`.
    pub code: &'static str,
    /// The questionnaire's title, as in the template picker.
    pub title: &'static str,
    /// One sentence for the template picker: whom it is for and what it measures.
    pub purpose: &'static str,
    build: fn() -> Definition,
}

impl Template {
    /// A fresh copy of the questionnaire, ready to be edited.
    pub fn definition(&self) -> Definition {
        (self.build)()
    }
}

const MENTEE_TITLE: &str = "Удовлетворённость наставляемого участием в программе наставничества";
const MENTOR_TITLE: &str = "Удовлетворённость наставника работой в программе";
const DIFFICULTIES_TITLE: &str = "Профессиональные трудности молодого педагога";
const KIRKPATRICK_TITLE: &str = "Оценка эффективности наставничества по модели Киркпатрика";

/// Every ready questionnaire, in the order the picker shows them.
pub const TEMPLATES: &[Template] = &[
    Template {
        code: "mentee_satisfaction",
        title: MENTEE_TITLE,
        purpose: "Итоговая анкета для наставляемых — обучающихся или педагогов: насколько полезными были встречи и поддержка наставника.",
        build: mentee_satisfaction,
    },
    Template {
        code: "mentor_satisfaction",
        title: MENTOR_TITLE,
        purpose: "Анкета для наставников: хватает ли времени и поддержки куратора, каков прогресс наставляемых и готов ли наставник продолжать.",
        build: mentor_satisfaction,
    },
    Template {
        code: "young_teacher_difficulties",
        title: DIFFICULTIES_TITLE,
        purpose: "Входное и выходное анкетирование: доля педагогов, называющих каждую трудность, до и после программы.",
        build: young_teacher_difficulties,
    },
    Template {
        code: "kirkpatrick",
        title: KIRKPATRICK_TITLE,
        purpose: "Итоговая оценка программы по четырём уровням модели Киркпатрика: реакция, обучение, поведение и результаты для школы.",
        build: kirkpatrick,
    },
];

/// The ready questionnaire with this code.
pub fn by_code(code: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|template| template.code == code)
}

// ---- Small builders -------------------------------------------------------------------------

fn definition(title: &str, intro: &str, sections: Vec<Section>) -> Definition {
    Definition { title: title.to_owned(), intro: intro.to_owned(), sections }
}

fn section(title: &str, questions: Vec<Question>) -> Section {
    Section { title: title.to_owned(), questions }
}

/// An optional question with no hint, asked in every wave.
fn q(key: &str, text: &str, kind: QuestionKind) -> Question {
    Question { key: key.to_owned(), text: text.to_owned(), hint: String::new(), required: false, kind, only_in: None, level: None }
}

/// Builder-style touches on a question.
trait Tune {
    fn required(self) -> Self;
    fn only(self, wave: WaveKind) -> Self;
    fn level(self, level: KirkpatrickLevel) -> Self;
    fn hint(self, hint: &str) -> Self;
}

impl Tune for Question {
    fn required(mut self) -> Self {
        self.required = true;
        self
    }

    fn only(mut self, wave: WaveKind) -> Self {
        self.only_in = Some(wave);
        self
    }

    fn level(mut self, level: KirkpatrickLevel) -> Self {
        self.level = Some(level);
        self
    }

    fn hint(mut self, hint: &str) -> Self {
        self.hint = hint.to_owned();
        self
    }
}

/// Options numbered from 1 in the given order.
fn choices(labels: &[&str]) -> Vec<Choice> {
    (1u16..).zip(labels).map(|(id, label)| Choice { id, label: (*label).to_owned() }).collect()
}

fn single(labels: &[&str]) -> QuestionKind {
    QuestionKind::SingleChoice { options: choices(labels) }
}

fn multiple(labels: &[&str], other: bool) -> QuestionKind {
    QuestionKind::MultipleChoice { options: choices(labels), other }
}

fn scale5(low: &str, middle: &str, high: &str) -> QuestionKind {
    QuestionKind::Scale { max: 5, low: low.to_owned(), high: high.to_owned(), middle: middle.to_owned() }
}

fn scale10(low: &str, high: &str) -> QuestionKind {
    QuestionKind::Scale { max: 10, low: low.to_owned(), high: high.to_owned(), middle: String::new() }
}

/// «Совсем не согласен» … «Полностью согласен».
fn agree() -> QuestionKind {
    scale5("Совсем не согласен", "Затрудняюсь ответить", "Полностью согласен")
}

// ---- The questionnaires ---------------------------------------------------------------------

fn mentee_satisfaction() -> Definition {
    use KirkpatrickLevel::{Learning, Reaction};
    definition(
        MENTEE_TITLE,
        "Анкета займёт 7–10 минут. Правильных и неправильных ответов нет — пожалуйста, отвечайте так, как думаете. \
         Ответы используются только для того, чтобы сделать программу наставничества лучше.",
        vec![
            section("О вашем участии", vec![
                q("role", "Вы участвуете в программе как…", single(&["Обучающийся", "Педагог"])).required(),
                q("meetings_frequency", "Как часто вы встречались с наставником?", single(&[
                    "Чаще одного раза в неделю",
                    "Раз в неделю",
                    "Раз в две недели",
                    "Раз в месяц или реже",
                ]))
                .required(),
                q("expectations", "Программа наставничества оправдала мои ожидания", agree()).required().level(Reaction),
            ]),
            section("Встречи и поддержка наставника", vec![
                q("meetings_useful", "Встречи с наставником были для меня полезными", agree()).required().level(Reaction),
                q("mentor_support", "Наставник был доступен, когда мне нужна была помощь", agree()).required().level(Reaction),
                q("atmosphere", "На встречах я чувствовал(а) себя свободно и мог(ла) задавать любые вопросы", agree())
                    .required()
                    .level(Reaction),
                q("helped_most", "Что в работе с наставником помогло вам больше всего? Отметьте все подходящие.", multiple(&[
                    "Индивидуальные встречи и беседы",
                    "Разбор конкретных трудных ситуаций",
                    "Совместная подготовка к урокам или занятиям",
                    "Посещение уроков (занятий) наставника",
                    "Советы по организации учёбы или работы",
                    "Помощь в подготовке к конкурсам, олимпиадам, проектам",
                    "Поддержка и мотивация",
                ], true))
                .required(),
            ]),
            section("Итоги", vec![
                q("goals_reached", "Удалось ли достичь целей, которые вы ставили вместе с наставником?", single(&[
                    "Да, полностью",
                    "Частично",
                    "Нет",
                    "Цели не ставились",
                ]))
                .required(),
                q("learned", "Благодаря программе я научился(-ась) новому", agree()).required().level(Learning),
                q("most_memorable", "Какая встреча или какое занятие запомнились вам больше всего?", QuestionKind::ShortText),
                q("recommend", "Порекомендовали бы вы участие в программе наставничества друзьям или коллегам?", QuestionKind::YesNo)
                    .required()
                    .level(Reaction),
                q("overall", "Оцените программу наставничества в целом", scale10("Совсем не понравилась", "Очень понравилась"))
                    .required()
                    .level(Reaction),
                q("improve", "Что стоит изменить или добавить в программу, чтобы она стала полезнее?", QuestionKind::LongText),
            ]),
        ],
    )
}

fn mentor_satisfaction() -> Definition {
    use KirkpatrickLevel::{Behaviour, Learning, Reaction};
    definition(
        MENTOR_TITLE,
        "Анкета займёт около 10 минут. Ответы используются только для улучшения программы наставничества \
         и организации работы наставников в школе.",
        vec![
            section("Условия работы", vec![
                q("mentees_count", "Сколько у вас наставляемых в этой программе?", single(&["1", "2–3", "4 и более"])).required(),
                q("time_enough", "Мне хватало времени на встречи с наставляемым и подготовку к ним", agree())
                    .required()
                    .level(Reaction)
                    .hint("Учитывайте консультации, взаимное посещение уроков и подготовку материалов."),
                q("curator_support", "Я получал(а) необходимую поддержку от куратора программы", agree()).required().level(Reaction),
                q("materials", "Методических материалов и обучения для наставников было достаточно", agree())
                    .required()
                    .level(Reaction),
                q("difficulties", "С какими трудностями вы столкнулись? Отметьте все подходящие.", multiple(&[
                    "Не хватало времени на встречи",
                    "Сложно было согласовать расписание с наставляемым",
                    "Не хватало времени на взаимное посещение уроков",
                    "Низкая мотивация наставляемого",
                    "Неясны цели и ожидаемые результаты",
                    "Не хватало методических материалов",
                    "Слишком много отчётной документации",
                    "Трудностей не было",
                ], true))
                .required(),
            ]),
            section("Наставляемый и вы", vec![
                q("mentee_progress", "Насколько продвинулся ваш наставляемый за время программы?", scale5(
                    "Прогресса нет",
                    "Заметен небольшой прогресс",
                    "Значительный прогресс",
                ))
                .required()
                .level(Behaviour),
                q("progress_examples", "Какие изменения в наставляемом вы заметили? Приведите примеры.", QuestionKind::LongText)
                    .level(Behaviour),
                q("own_growth", "Работа наставником помогла мне профессионально вырасти", agree()).required().level(Learning),
                q("own_learning", "Чему новому вы научились как наставник?", QuestionKind::ShortText),
            ]),
            section("Итоги", vec![
                q("continue", "Готовы ли вы продолжить работу наставником в следующем учебном году?", QuestionKind::YesNo)
                    .required()
                    .level(Reaction),
                q("rating", "Оцените в целом ваш опыт работы в программе", scale10("Совсем не удовлетворён(а)", "Полностью удовлетворён(а)"))
                    .required()
                    .level(Reaction),
                q("suggestions", "Ваши предложения по организации программы наставничества в школе", QuestionKind::LongText),
            ]),
        ],
    )
}

fn young_teacher_difficulties() -> Definition {
    use KirkpatrickLevel::{Behaviour, Learning};
    let confidence = || scale5("Совсем не уверен(а)", "Отчасти уверен(а)", "Полностью уверен(а)");
    definition(
        DIFFICULTIES_TITLE,
        "Эту анкету вы заполните дважды — в начале и в конце программы наставничества, чтобы увидеть, что изменилось. \
         Она займёт около 10 минут. Ответы используются только для улучшения программы и подбора помощи, которая вам нужна.",
        vec![
            section("О вас", vec![
                q("experience", "Ваш педагогический стаж (полных лет)", single(&["Меньше 1 года", "1 год", "2 года", "3 года и больше"])).required(),
                q("subject", "Какой предмет (предметы) вы преподаёте?", QuestionKind::ShortText).hint("Например: математика, 5–7 классы."),
                q("class_teacher", "Вы классный руководитель?", QuestionKind::YesNo).required(),
            ]),
            section("Профессиональные трудности", vec![
                q("difficulties", "Какие профессиональные трудности для вас сейчас основные? Отметьте все подходящие.", multiple(&[
                    "Разработка документации (планирование, конспекты и т. п.)",
                    "Подбор для детей заданий различной степени трудности с учётом их индивидуальных особенностей",
                    "Поддержание дисциплины на уроке",
                    "Взаимодействие с родителями",
                    "Применение цифровых инструментов и ресурсов",
                    "Оценивание результатов обучающихся",
                    "Распределение времени урока",
                    "Работа с детьми с особыми образовательными потребностями",
                    "Подготовка к открытым урокам и аттестации",
                    "Мотивация обучающихся к учёбе",
                    "Взаимодействие с коллегами и администрацией",
                ], true))
                .required(),
                q("overall_difficulty", "Насколько трудно вам сейчас справляться с профессиональными задачами в целом?", scale10(
                    "Совсем не трудно",
                    "Очень трудно",
                ))
                .required(),
            ]),
            section("Самооценка компетенций", vec![
                q("confidence_subject", "Оцените свою уверенность в предметно-методической области: знание предмета, методики преподавания, планирование уроков", confidence())
                    .required()
                    .level(Learning),
                q("confidence_psychology", "Оцените свою уверенность в психолого-педагогической работе: учёт возрастных и индивидуальных особенностей детей, работа с классом", confidence())
                    .required()
                    .level(Learning),
                q("confidence_communication", "Оцените свою уверенность в общении с обучающимися, родителями и коллегами", confidence())
                    .required()
                    .level(Learning),
                q("confidence_growth", "Оцените свою уверенность в собственном профессиональном развитии: умении ставить цели, анализировать свою работу, учиться новому", confidence())
                    .required()
                    .level(Learning),
            ]),
            section("Ожидания и итоги", vec![
                q("mentor_help", "В чём вам больше всего нужна помощь наставника?", QuestionKind::LongText).only(WaveKind::Entry),
                q("attitude", "Как изменилось ваше отношение к выбранной профессии за время участия в программе?", single(&[
                    "Изменилось в лучшую сторону",
                    "Не изменилось",
                    "Изменилось в худшую сторону",
                    "Затрудняюсь ответить",
                ]))
                .required()
                .only(WaveKind::Exit),
                q("program_helped", "Помогло ли участие в программе справиться с трудностями, которые вы отмечали в начале?", QuestionKind::YesNo)
                    .required()
                    .only(WaveKind::Exit),
                q("what_changed", "Что изменилось в вашей работе за время участия в программе?", QuestionKind::LongText)
                    .only(WaveKind::Exit)
                    .level(Behaviour),
            ]),
        ],
    )
}

fn kirkpatrick() -> Definition {
    use KirkpatrickLevel::{Behaviour, Learning, Reaction, Results};
    definition(
        KIRKPATRICK_TITLE,
        "Анкета заполняется в конце программы наставничества и займёт около 10 минут. Вопросы сгруппированы по четырём \
         уровням оценки: реакция, обучение, поведение и результаты. Ответы используются только для улучшения программы.",
        vec![
            section("Реакция", vec![
                q("satisfaction", "В целом я удовлетворён(а) участием в программе наставничества", agree()).required().level(Reaction),
                q("relevance", "Содержание встреч с наставником соответствовало моим профессиональным задачам", agree())
                    .required()
                    .level(Reaction),
                q("overall", "Оцените программу наставничества в целом", scale10("Совсем не понравилась", "Очень понравилась"))
                    .required()
                    .level(Reaction),
            ]),
            section("Обучение", vec![
                q("skills_before", "Оцените уровень своих профессиональных знаний и умений на начало программы", scale10("Очень низкий", "Очень высокий"))
                    .required()
                    .level(Learning)
                    .hint("Сравнение оценок «до» и «после» показывает, насколько выросли знания и умения."),
                q("skills_after", "Оцените уровень своих профессиональных знаний и умений сейчас", scale10("Очень низкий", "Очень высокий"))
                    .required()
                    .level(Learning),
                q("skills_gained", "Какие знания и умения вы получили в программе? Отметьте все подходящие.", multiple(&[
                    "Планирование уроков и ведение документации",
                    "Методы и приёмы обучения",
                    "Составление заданий разного уровня сложности",
                    "Организация работы класса и дисциплина",
                    "Взаимодействие с родителями",
                    "Цифровые инструменты в обучении",
                    "Оценивание образовательных результатов",
                ], true))
                .required()
                .level(Learning),
            ]),
            section("Поведение", vec![
                q("new_methods", "Я применяю на уроках новые методы и приёмы, освоенные в программе", scale5("Никогда", "Иногда", "Постоянно"))
                    .required()
                    .level(Behaviour),
                q("joint_materials", "Используете ли вы в работе материалы, разработанные вместе с наставником?", QuestionKind::YesNo)
                    .required()
                    .level(Behaviour),
                q("method_example", "Назовите приём или метод, который вы стали использовать благодаря наставнику", QuestionKind::ShortText)
                    .level(Behaviour),
                q("observed_changes", "Какие изменения в вашей работе заметили вы сами, ваш наставник или коллеги?", QuestionKind::LongText)
                    .level(Behaviour),
            ]),
            section("Результаты", vec![
                q("students_results", "Результаты моих обучающихся улучшились за время программы", agree())
                    .required()
                    .level(Results)
                    .hint("Успеваемость, качество знаний, участие в олимпиадах и конкурсах."),
                q("contests", "Участвовали ли вы за время программы в профессиональных конкурсах?", QuestionKind::YesNo)
                    .required()
                    .level(Results),
                q("staying", "Планируете ли вы продолжать работать в школе в следующем учебном году?", single(&[
                    "Да",
                    "Скорее да",
                    "Скорее нет",
                    "Нет",
                    "Пока не знаю",
                ]))
                .required()
                .level(Results),
                q("school_results", "Каких результатов для школы, класса, ваших обучающихся помогла достичь программа?", QuestionKind::LongText)
                    .level(Results),
            ]),
        ],
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn kind_name(kind: &QuestionKind) -> &'static str {
        match kind {
            QuestionKind::ShortText => "short_text",
            QuestionKind::LongText => "long_text",
            QuestionKind::SingleChoice { .. } => "single_choice",
            QuestionKind::MultipleChoice { .. } => "multiple_choice",
            QuestionKind::Scale { max: 5, .. } => "scale_5",
            QuestionKind::Scale { .. } => "scale_10",
            QuestionKind::YesNo => "yes_no",
        }
    }

    #[test]
    fn every_template_is_a_valid_varied_questionnaire() {
        for template in TEMPLATES {
            let definition = template.definition();
            assert_eq!(definition.check(), Ok(()), "{}", template.code);
            assert_eq!(definition.title, template.title);
            assert!(!definition.intro.trim().is_empty(), "{}", template.code);
            assert!(!template.purpose.trim().is_empty(), "{}", template.code);
            assert!((2..=4).contains(&definition.sections.len()), "{}", template.code);
            assert!(definition.sections.iter().all(|s| !s.title.trim().is_empty()), "{}", template.code);
            let count = definition.questions().count();
            assert!((8..=20).contains(&count), "{}: {count} questions", template.code);
            let required = definition.questions().filter(|q| q.required).count();
            assert!(required * 2 > count, "{}: most questions are required", template.code);
            let kinds: BTreeSet<_> = definition.questions().map(|q| kind_name(&q.kind)).collect();
            assert_eq!(kinds.len(), 7, "{}: {kinds:?}", template.code);
            for question in definition.questions() {
                assert!(
                    question.key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                    "{}: {}",
                    template.code,
                    question.key
                );
                if matches!(question.kind, QuestionKind::ShortText | QuestionKind::LongText) {
                    assert!(!question.required, "{}: open question {} is optional", template.code, question.key);
                }
            }
        }
    }

    #[test]
    fn codes_are_unique_and_found() {
        let codes: BTreeSet<_> = TEMPLATES.iter().map(|t| t.code).collect();
        assert_eq!(codes.len(), TEMPLATES.len());
        for template in TEMPLATES {
            assert_eq!(by_code(template.code).map(|t| t.code), Some(template.code));
        }
        assert!(by_code("no_such_template").is_none());
    }

    #[test]
    fn young_teacher_difficulties_matches_the_district_report() {
        let definition = by_code("young_teacher_difficulties").expect("template").definition();
        let difficulties = definition.question("difficulties").expect("difficulties");
        assert!(difficulties.required);
        assert!(matches!(difficulties.kind, QuestionKind::MultipleChoice { other: true, .. }));
        let options = difficulties.kind.options();
        assert_eq!(options[0], Choice { id: 1, label: "Разработка документации (планирование, конспекты и т. п.)".into() });
        assert_eq!(
            options[1],
            Choice {
                id: 2,
                label: "Подбор для детей заданий различной степени трудности с учётом их индивидуальных особенностей".into()
            }
        );
        assert!(definition.questions_for(WaveKind::Entry).any(|q| q.key == "difficulties"));
        assert!(definition.questions_for(WaveKind::Exit).any(|q| q.key == "difficulties"));

        let attitude = definition.question("attitude").expect("attitude");
        assert_eq!(attitude.only_in, Some(WaveKind::Exit));
        assert_eq!(attitude.level, None);
        assert!(attitude.required);
        let labels: Vec<_> = attitude.kind.options().iter().map(|o| (o.id, o.label.as_str())).collect();
        assert_eq!(labels, [
            (1u16, "Изменилось в лучшую сторону"),
            (2, "Не изменилось"),
            (3, "Изменилось в худшую сторону"),
            (4, "Затрудняюсь ответить"),
        ]);
        assert!(!definition.questions_for(WaveKind::Entry).any(|q| q.key == "attitude"));
        assert!(definition.questions_for(WaveKind::Exit).any(|q| q.key == "attitude"));
    }

    #[test]
    fn kirkpatrick_has_one_section_per_level() {
        use KirkpatrickLevel::{Behaviour, Learning, Reaction, Results};
        let definition = by_code("kirkpatrick").expect("template").definition();
        assert!(definition.questions().all(|q| q.level.is_some()));
        let levels: BTreeSet<_> = definition.questions().filter_map(|q| q.level).collect();
        assert_eq!(levels.len(), 4);
        let expected = [("Реакция", Reaction), ("Обучение", Learning), ("Поведение", Behaviour), ("Результаты", Results)];
        assert_eq!(definition.sections.len(), expected.len());
        for (section, (title, level)) in definition.sections.iter().zip(expected) {
            assert_eq!(section.title, title);
            assert!((2..=4).contains(&section.questions.len()), "{title}");
            assert!(section.questions.iter().all(|q| q.level == Some(level)), "{title}");
        }
    }
}
