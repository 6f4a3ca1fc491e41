//! Русская локаль: every string a user sees.

use crate::models::*;

pub const APP_NAME: &str = "Наставник";
pub const VISION_ON: &str = "Версия для слабовидящих";
pub const VISION_OFF: &str = "Обычная версия";
pub const VISION_DARK: &str = "Белым по чёрному";
pub const VISION_LIGHT: &str = "Чёрным по белому";
pub const APP_TAGLINE: &str = "Программы наставничества в школах";

// --- Navigation and common words ---------------------------------------------------------
pub const NAV_PARTICIPANTS: &str = "База участников";
pub const NAV_IMPORT: &str = "Импорт";
pub const NAV_PROGRAMMES: &str = "Программы";
pub const NAV_DISTRICT: &str = "Район";
pub const NAV_ME: &str = "Мой профиль";
pub const LOGOUT: &str = "Выйти";
pub const SAVE: &str = "Сохранить";
pub const SAVING: &str = "Сохраняем…";
pub const SAVED: &str = "Сохранено";
pub const CANCEL: &str = "Отмена";
pub const EDIT: &str = "Изменить";
pub const DELETE: &str = "Удалить";
pub const CONFIRM_DELETE: &str = "Удалить участника из базы?";
pub const LOADING: &str = "Загрузка…";
pub const NOTHING_FOUND: &str = "Никого не найдено";
pub const ALL: &str = "Все";
pub const NOT_SET: &str = "—";
pub const FORBIDDEN_PAGE: &str = "Эта страница доступна только куратору или координатору.";
pub const NOT_FOUND_TITLE: &str = "Не найдено";
pub const NOT_FOUND_PAGE: &str = "Такой страницы нет, или у вас нет к ней доступа. Проверьте адрес или начните с главной.";
pub const NOT_FOUND_HOME: &str = "На главную";

// --- Login -------------------------------------------------------------------------------
pub const LOGIN_TITLE: &str = "Вход";
pub const LOGIN_FIELD: &str = "Логин";
pub const PASSWORD_FIELD: &str = "Пароль";
pub const LOGIN_BUTTON: &str = "Войти";
pub const LOGIN_FAILED: &str = "Неверный логин или пароль";
pub const LOGGED_IN_AS: &str = "Вы вошли как";

// --- Participant base --------------------------------------------------------------------
pub const PARTICIPANTS_TITLE: &str = "База наставников и наставляемых";
pub const SEARCH_PLACEHOLDER: &str = "Поиск по ФИО, предмету, компетенциям";
pub const FILTER_ROLE: &str = "Роль";
pub const FILTER_KIND: &str = "Категория";
pub const FILTER_SUBJECT: &str = "Предмет";
pub const ADD_PARTICIPANT: &str = "Добавить участника";
pub const EDIT_PARTICIPANT: &str = "Участник";
pub const NEW_PARTICIPANT: &str = "Новый участник";
pub const EXPORT_XLSX: &str = "Экспорт XLSX";
pub const EXPORT_CSV: &str = "Экспорт CSV";
pub const COL_NAME: &str = "ФИО";
pub const COL_ROLE: &str = "Роль";
pub const COL_KIND: &str = "Категория";
pub const COL_DETAILS: &str = "Предметы / класс";
pub const COL_CAPACITY: &str = "Ресурс";
pub const FOUND: &str = "Найдено";

pub const F_LAST_NAME: &str = "Фамилия";
pub const F_FIRST_NAME: &str = "Имя";
pub const F_MIDDLE_NAME: &str = "Отчество";
pub const F_ROLE: &str = "Роль в программе";
pub const F_KIND: &str = "Категория участника";
pub const F_SUBJECTS: &str = "Предметы";
pub const F_EXPERIENCE: &str = "Педагогический стаж, лет";
pub const F_QUALIFICATION: &str = "Квалификационная категория";
pub const F_GRADE: &str = "Класс";
pub const F_ACHIEVEMENT: &str = "Успеваемость";
pub const F_COMPETENCES: &str = "Компетенции";
pub const F_REQUESTS: &str = "Запросы";
pub const F_DEFICITS: &str = "Профессиональные дефициты";
pub const F_CAPACITY: &str = "Ресурс времени (сколько наставляемых)";
pub const HINT_LIST: &str = "Через точку с запятой";
pub const CHOOSE: &str = "Выберите…";
pub const RELATIONS_TITLE: &str = "Прежние отношения";
pub const RELATIONS_HELP: &str = "Бывший классный руководитель, родственник или непосредственный руководитель: такую пару система предупредит не составлять.";
pub const RELATIONS_NONE: &str = "Не отмечены";
pub const RELATION_WITH: &str = "С кем";
pub const RELATION_KIND: &str = "Кем приходится";
pub const RELATION_ADD: &str = "Добавить";
pub const REMOVE: &str = "Убрать";
pub const ERR_RELATION_SELF: &str = "Нельзя указать отношения участника с самим собой";
pub const ERR_RELATION_OTHER: &str = "Выберите участника из базы этой школы";
pub const ERR_RELATION_EXISTS: &str = "Такие отношения уже отмечены";
pub const F_PROGRAMME: &str = "Программа";
pub const NO_PROGRAMME: &str = "Не участвует";
pub const ERR_PROGRAMME: &str = "Выберите программу своей школы";
pub const ERR_PROGRAMME_ARCHIVED: &str = "Эта программа в архиве: в неё нельзя добавить участников";
pub const ERR_PROGRAMME_IN_PAIR: &str = "Участник состоит в паре этой программы — сначала уберите его с доски";
pub const ME_AS_MENTOR: &str = "Вы — наставник";
pub const ME_AS_MENTEE: &str = "Вы — наставляемый";
pub const ERR_PROGRAMME_TWICE: &str = "Каждая программа указывается один раз";
pub const F_PARTICIPATIONS: &str = "Участие в программах";
pub const HINT_PARTICIPATIONS: &str = "Один человек может быть наставником в одной программе и наставляемым в другой";
pub const ADD_PARTICIPATION: &str = "Добавить программу";
pub const REMOVE_PARTICIPATION: &str = "Убрать программу";
pub const F_ROLE_IN_PROGRAMME: &str = "Роль в программе";
pub fn err_no_such_programme(name: &str) -> String {
    format!("Программы «{name}» нет в этой школе")
}
pub const ERR_IN_PAIR: &str = "Участник состоит в паре: сначала уберите его из пары";

pub const ERR_NAME_REQUIRED: &str = "Заполните поле";
pub const ERR_NAME_CHARS: &str = "Только буквы, пробел, дефис и апостроф";
pub const ERR_ROLE: &str = "Выберите роль: наставник или наставляемый";
pub const ERR_KIND: &str = "Выберите категорию: педагог, обучающийся, родитель, выпускник/работодатель";
pub const ERR_QUALIFICATION: &str = "Неизвестная категория: без категории, соответствие, первая или высшая";
pub const ERR_ACHIEVEMENT: &str = "Успеваемость: высокая, средняя или низкая";
pub const ERR_EXPERIENCE: &str = "Стаж — целое число лет от 0 до 60";
pub const ERR_EXPERIENCE_REQUIRED: &str = "Укажите стаж педагога (0, если меньше года)";
pub const ERR_CAPACITY: &str = "Ресурс времени — целое число от 1 до 10";
pub const ERR_CAPACITY_REQUIRED: &str = "Укажите, сколько наставляемых может взять наставник";
pub const ERR_CAPACITY_MENTEE: &str = "Ресурс времени указывается только для наставника";
pub const ERR_GRADE: &str = "Класс — число от 1 до 11 и буква, например 7Б";
pub const ERR_GRADE_REQUIRED: &str = "Укажите класс обучающегося";
pub const ERR_TEXT_LONG: &str = "Не длиннее 200 символов";
pub const DISTRICT_FIGURES_SOURCE: &str = "Численность педагогов — по данным школ (на даты, указанные в «Школы и кураторы»); организации, реализующие наставничество, — школы с программой не в архиве.";
pub const ERR_DOCUMENT_KIND: &str = "Выберите вид документа";
pub const ERR_SCAN_TYPE: &str = "Скан — файл PDF, JPEG или PNG";
pub const ERR_SCAN_BIG: &str = "Скан больше 5 МБ: уменьшите разрешение или разделите файл";
pub fn document_kind(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::ImplementationOrder => "Приказ о внедрении целевой модели наставничества",
        DocumentKind::Regulation => "Положение о наставничестве",
        DocumentKind::Roadmap => "Дорожная карта внедрения целевой модели",
        DocumentKind::ProgrammeOrder => "Приказ об утверждении программы наставничества",
        DocumentKind::PairsOrder => "Приказ о закреплении наставнических пар",
    }
}
pub const DOCUMENTS_TITLE: &str = "Документы";
pub const DOCUMENTS_EMPTY: &str = "Документы ещё не внесены";
pub const DOCUMENTS_ADD: &str = "Внести документ";
pub const DOCUMENT_KIND: &str = "Документ";
pub const DOCUMENT_NUMBER: &str = "Номер";
pub const DOCUMENT_DATE: &str = "Дата";
pub const DOCUMENT_SCAN: &str = "Скан с подписью (PDF, JPEG или PNG, до 5 МБ)";
pub const DOCUMENT_SCAN_NONE: &str = "Без скана";
pub const DOCUMENT_SCAN_ATTACH: &str = "Прикрепить скан";
pub const DOCUMENT_SCAN_OPEN: &str = "Скан";
pub const DOCUMENT_SCHOOL_WIDE: &str = "Вся школа";
pub const DOCUMENT_DELETE_CONFIRM: &str = "Удалить документ из реестра вместе со сканом?";
pub fn document_label(kind: DocumentKind, number: &str, signed_on: &str) -> String {
    format!("{} от {} № {number}", document_kind(kind), date(signed_on))
}
pub fn audit_document_added(kind: DocumentKind, number: &str, signed_on: &str) -> String {
    format!("Внесён документ: {}", document_label(kind, number, signed_on))
}
pub fn audit_document_scan(kind: DocumentKind, number: &str, signed_on: &str) -> String {
    format!("Прикреплён скан: {}", document_label(kind, number, signed_on))
}
pub fn audit_document_removed(kind: DocumentKind, number: &str, signed_on: &str) -> String {
    format!("Удалён документ: {}", document_label(kind, number, signed_on))
}
pub const ERR_PART_OF_TEACHERS: &str = "Не больше, чем педагогов в школе";
pub const SCHOOL_UNDER_35: &str = "Педагогов до 35 лет";
pub const SCHOOL_YOUNG: &str = "Молодых специалистов (стаж до 3 лет)";
pub const ERR_SHORT_NAME_LONG: &str = "Не длиннее 60 символов";
pub const ERR_COUNT: &str = "Целое число от 0 до 100 000";
pub const ERR_FORM: &str = "Выберите форму наставничества";
pub const ERR_VARIANTS: &str = "Отметьте хотя бы одну модель взаимодействия этой формы";
pub const ERR_PERIOD: &str = "Окончание должно быть позже начала";
pub const ERR_CONTROL_CHARS: &str = "Текст содержит недопустимые служебные символы";
pub const ERR_MODE: &str = "Выберите режим: очная, дистанционная или смешанная";
pub const ERR_FORM_HAS_PAIRS: &str = "В программе уже есть пары: форму наставничества не поменять";
pub fn err_variant_in_use(v: Variant) -> String {
    format!("Модель «{}» уже используется в парах: её не убрать", variant(v))
}
pub const ERR_PERIOD_REASON: &str = "Укажите, почему меняется срок (например, «продлена по соглашению сторон»)";
pub fn programme_mode(m: ProgrammeMode) -> &'static str {
    match m {
        ProgrammeMode::InPerson => "Очная",
        ProgrammeMode::Remote => "Дистанционная",
        ProgrammeMode::Blended => "Смешанная",
    }
}
pub const PASSPORT_TITLE: &str = "Паспорт программы";
pub const PASSPORT_EMPTY: &str = "Паспорт ещё не заполнен";
pub const PASSPORT_PROBLEMS: &str = "Проблемы, на решение которых направлена программа";
pub const PASSPORT_GOAL: &str = "Цель";
pub const PASSPORT_TASKS: &str = "Задачи";
pub const PASSPORT_RESULTS: &str = "Ожидаемые результаты";
pub const PASSPORT_MODE: &str = "Режим реализации";
pub const PROGRAMME_EDIT: &str = "Изменить программу";
pub const PROGRAMME_SAVED: &str = "Программа сохранена";
pub const PERIOD_REASON: &str = "Причина изменения срока";
pub const PERIOD_REASON_HINT: &str = "Нужна, если меняются даты начала или окончания";
pub const PERIOD_CHANGES: &str = "Изменения срока";
pub fn period_change(old_start: &str, old_end: &str, start: &str, end: &str) -> String {
    format!("{} — {} → {} — {}", date(old_start), date(old_end), date(start), date(end))
}
pub fn audit_programme_changed(title: &str) -> String {
    format!("Изменена программа «{title}»")
}
pub fn audit_period_changed(title: &str, start: &str, end: &str, reason: &str) -> String {
    format!("Срок программы «{title}» изменён: {} — {} ({reason})", date(start), date(end))
}
pub const PROGRAMME_NEW: &str = "Новая программа";
pub const IMPORT_PROGRAMME: &str = "Участники войдут в программу";
pub const PROGRAMME_CREATE: &str = "Создать программу";
pub const PROGRAMME_NAME: &str = "Название программы";
pub const PROGRAMME_STARTS: &str = "Начало";
pub const PROGRAMME_ENDS: &str = "Окончание";
pub const ERR_DATE: &str = "Дата в виде ГГГГ-ММ-ДД, например 2026-09-01";

// --- Accounts and the first run ------------------------------------------------------------
pub const ERR_LOGIN: &str = "Логин — от 3 до 32 латинских букв, цифр, точек, дефисов или подчёркиваний, начиная с буквы";
pub const ERR_PASSWORD_SHORT: &str = "Пароль — не короче 10 символов";
pub const ERR_PASSWORD_LONG: &str = "Пароль — не длиннее 200 символов";
pub const ERR_PASSWORD_LOGIN: &str = "Пароль не должен содержать логин";
pub const ERR_PASSWORD_COMMON: &str = "Этот пароль слишком распространён — его легко угадать";
pub const ERR_PASSWORD_AGAIN: &str = "Пароли не совпадают";
pub const ERR_SETUP_CODE_REQUIRED: &str = "Введите код первого запуска из журнала сервера";
pub const ERR_SETUP_CODE: &str = "Неверный код первого запуска: возьмите последний код из журнала сервера";
pub const ERR_TIME_ZONE: &str = "Выберите часовой пояс";
pub const ERR_LOGIN_TAKEN: &str = "Такой логин уже есть";
pub const ERR_INVITATION_REQUIRED: &str = "Введите код приглашения с листка";
pub const ERR_INVITATION: &str = "Код не подходит или истёк: попросите куратора выдать новый";
pub const ERR_PASSWORD_CURRENT: &str = "Неверный текущий пароль";
pub const ACCESS_PICK: &str = "Отметьте, кому выдать доступ (не больше 500 человек за раз)";
pub const ACCESS_TITLE: &str = "Доступ участников";
pub const ACCESS_HELP: &str = "Отметьте наставников и наставляемых и выдайте им доступ: каждый получит логин и одноразовый код приглашения, а пароль придумает сам при первом входе. Повторная выдача заменяет прежний код и пароль.";
pub const ACCESS_TICK: &str = "Выбрать:";
pub const ACCESS_STATE: &str = "Доступ";
pub const ACCESS_NONE: &str = "нет";
pub const ACCESS_ACTIVE: &str = "входит в систему";
pub const ACCESS_DISABLED: &str = "отключён";
pub const ACCESS_RESET: &str = "Выдать новый код";
pub const ACCESS_DISABLE: &str = "Отключить";
pub const ACCESS_DISABLE_CONFIRM: &str = "Отключить учётную запись? Человек сразу выйдет из системы на всех устройствах; войти снова он сможет по новому коду приглашения.";
pub const ACCESS_SLIPS_ONCE: &str = "Коды показываются только сейчас: распечатайте листки и раздайте их лично.";
pub const ACCESS_LINK: &str = "Доступ участников";
pub const SLIP_WHERE: &str = "Вход в «Наставник»: откройте страницу «Первый вход»";
pub const SLIP_CODE: &str = "Код приглашения";
pub const CURATORS_TITLE: &str = "Школы и кураторы";
pub const CURATORS_SCHOOL: &str = "Школа";
pub const CURATORS_CURATOR: &str = "Куратор";
pub const CURATORS_NONE: &str = "куратора нет";
pub const CURATORS_ADD: &str = "Новый куратор";
pub const CURATORS_ADD_BUTTON: &str = "Создать учётную запись";
pub const CURATORS_PICK_SCHOOL: &str = "Выберите школу";
pub const NAV_CURATORS: &str = "Школы и кураторы";
pub const SCHOOLS_TITLE: &str = "Школы района";
pub const SCHOOL_ADD: &str = "Новая школа";
pub const SCHOOL_EDIT: &str = "Изменить школу";
pub const SCHOOL_NAME: &str = "Полное название";
pub const SCHOOL_SHORT_NAME: &str = "Краткое название";
pub const SCHOOL_STUDENTS: &str = "Обучающихся";
pub const SCHOOL_TEACHERS: &str = "Педагогов";
pub const SCHOOL_COUNTS_ON: &str = "Численность на дату";
pub const SCHOOL_COUNTS_ON_HINT: &str = "ГГГГ-ММ-ДД, например 2026-09-01";
pub const WELCOME_TITLE: &str = "Первый вход";
pub const WELCOME_INTRO: &str = "Введите логин и код приглашения с листка, который выдал куратор, и придумайте пароль.";
pub const WELCOME_SUBMIT: &str = "Войти и сохранить пароль";
pub const WELCOME_LINK: &str = "Первый вход по коду приглашения";
pub const NEW_PASSWORD: &str = "Новый пароль";
pub const PASSWORD_TITLE: &str = "Смена пароля";
pub const PASSWORD_CURRENT: &str = "Текущий пароль";
pub const PASSWORD_SUBMIT: &str = "Сменить пароль";
pub const PASSWORD_CHANGED: &str = "Пароль изменён. На других устройствах нужно войти заново.";
pub const PASSWORD_LINK: &str = "Пароль";
pub const PASSWORD_RULES: &str = "Не короче 10 символов, без логина внутри, не из списка распространённых паролей. Удобно взять фразу из нескольких слов.";
pub const SETUP_TITLE: &str = "Первый запуск";
pub const SETUP_INTRO: &str = "В системе ещё нет ни одной учётной записи. Укажите район и создайте учётную запись муниципального координатора — дальше он добавит школы и кураторов.";
pub const SETUP_CODE: &str = "Код первого запуска";
pub const SETUP_CODE_HINT: &str = "Сервер печатает его в журнале при запуске, пока нет ни одной учётной записи";
pub const SETUP_DISTRICT: &str = "Название района";
pub const SETUP_TIME_ZONE: &str = "Часовой пояс района";
pub const SETUP_COORDINATOR: &str = "Муниципальный координатор";
pub const SETUP_DISPLAY_NAME: &str = "Фамилия, имя, отчество";
pub const SETUP_PASSWORD_AGAIN: &str = "Пароль ещё раз";
pub const SETUP_SUBMIT: &str = "Создать район и войти";
pub const SETUP_SAVING: &str = "Создаём…";
pub const SETUP_DONE_ALREADY: &str = "Система уже настроена: войдите под своей учётной записью.";
pub const SETUP_GO: &str = "Система ещё не настроена: выполните первый запуск";

/// The form of a noun that agrees with a count, by the Russian rule: `forms` are the forms
/// for 1 (21, 31 …), for 2–4 (22–24 …) and for the rest (5–20, 25 …): «1 строка», «2 строки»,
/// «5 строк». After «из», «больше», «длиннее» pass the genitive forms (символа, символов, символов).
pub fn plural(n: u64, forms: [&'static str; 3]) -> &'static str {
    let [one, few, many] = forms;
    match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    }
}

/// The count with its noun: `counted(5, ["строка", "строки", "строк"])` → «5 строк».
pub fn counted(n: impl TryInto<u64> + std::fmt::Display + Copy, forms: [&'static str; 3]) -> String {
    let abs = n.try_into().unwrap_or(u64::MAX);
    format!("{n} {}", plural(abs, forms))
}

const CHARACTERS_GEN: [&str; 3] = ["символа", "символов", "символов"];
const ITEMS_GEN: [&str; 3] = ["пункта", "пунктов", "пунктов"];
const ROWS: [&str; 3] = ["строка", "строки", "строк"];

pub fn err_too_long(max: usize) -> String {
    format!("Не длиннее {}", counted(max, CHARACTERS_GEN))
}
pub fn err_too_many_items(max: usize) -> String {
    format!("Не больше {}", counted(max, ITEMS_GEN))
}
pub fn err_item_too_long(max: usize) -> String {
    format!("Каждый пункт — не длиннее {}", counted(max, CHARACTERS_GEN))
}

// --- Import ------------------------------------------------------------------------------
pub const IMPORT_TITLE: &str = "Импорт списка участников";
pub const IMPORT_HELP: &str = "Файл CSV (UTF-8 или Windows-1251, разделитель «;» или «,») или XLSX. Первая строка — заголовки: Фамилия, Имя, Отчество, Роль, Категория, Предметы, Стаж, Квалификационная категория, Класс, Успеваемость, Компетенции, Запросы, Дефициты, Ресурс времени; необязательный столбец «Программа» — название программы школы, в которую войдёт человек со своей ролью (иначе — программа, выбранная ниже). Человек, который уже есть в базе (те же ФИО, категория и класс), не добавляется второй раз: он входит в программу.";
pub const IMPORT_CHOOSE: &str = "Выберите файл";
pub const IMPORT_CHECK: &str = "Проверить файл";
pub const IMPORT_CHECKING: &str = "Проверяем файл…";
/// «1 строка без ошибок», «5 строк без ошибок».
pub fn import_rows_ok(n: usize) -> String {
    format!("{} без ошибок", counted(n, ROWS))
}
/// «1 строка с ошибками», «2 строки с ошибками».
pub fn import_rows_bad(n: usize) -> String {
    format!("{} с ошибками", counted(n, ROWS))
}
pub const IMPORT_LINE: &str = "Строка";
pub const IMPORT_ERRORS: &str = "Ошибки";
pub const IMPORT_ROW_OK: &str = "Без ошибок";
pub const IMPORT_COMMIT: &str = "Импортировать";
pub const IMPORT_DROP_BAD: &str = "Исключить строки с ошибками и импортировать остальные";
pub const IMPORT_BLOCKED: &str = "В файле есть строки с ошибками. Исправьте файл и загрузите его снова или явно исключите эти строки — до тех пор ничего не импортируется.";
pub const IMPORT_PROGRESS: &str = "Импорт";
pub const IMPORT_EMPTY: &str = "В файле нет строк с данными";
pub const IMPORT_BAD_FILE: &str = "Не удалось прочитать файл: нужен CSV или XLSX";
pub const IMPORT_TOO_BIG: &str = "Файл больше 10 МБ";
pub const IMPORT_NO_FILE: &str = "Выберите файл для импорта";
pub const IMPORT_BAD_BATCH: &str = "Импорт не распознан: проверьте файл ещё раз и повторите импорт";
pub const IMPORT_INCOMPLETE: &str = "Часть строк импорта не дошла до сервера или устарела: проверьте файл ещё раз и повторите импорт — пока ничего не записано";
pub fn import_too_large(rows: usize) -> String {
    format!("Файл слишком большой: в списке должно быть не больше {rows} строк и 64 столбцов")
}
pub fn import_missing_columns(columns: &str) -> String {
    format!("В файле нет обязательных столбцов: {columns}")
}
pub fn import_done(count: usize) -> String {
    format!("Импортировано участников: {count}")
}
pub fn import_refused(bad: usize) -> String {
    format!("Импорт отменён: {}. Ничего не импортировано.", import_rows_bad(bad))
}

// --- Programmes --------------------------------------------------------------------------
pub const PROGRAMMES_TITLE: &str = "Программы наставничества";
pub const PROGRAMME_FORM: &str = "Форма";
pub const PROGRAMME_VARIANTS: &str = "Модели взаимодействия";
pub const PROGRAMME_PERIOD: &str = "Период";
pub const PROGRAMME_STAGES: &str = "Этапы программы";
pub const STAGE_DATE: &str = "Дата";
pub const STAGE_STATUS: &str = "Статус";
pub const COUNTS: &str = "Участники";
pub const MENTORS: &str = "Наставников";
pub const MENTEES: &str = "Наставляемых";
pub const PAIRS: &str = "Пар и групп";

// --- District ----------------------------------------------------------------------------
pub const DISTRICT_TITLE: &str = "Район";
pub const DISTRICT_TEACHERS: &str = "Педагогов в районе";
pub const DISTRICT_UNDER_35: &str = "из них до 35 лет";
pub const DISTRICT_YOUNG: &str = "молодых специалистов (стаж до 3 лет)";
pub const DISTRICT_ORGS: &str = "Организаций, реализующих наставничество";
pub const ORGANISATION: &str = "Организация";
pub const STUDENTS: &str = "Обучающихся";
pub const TEACHERS: &str = "Педагогов";

// --- Profile -----------------------------------------------------------------------------
pub const ME_TITLE: &str = "Мой профиль";
pub const MY_PAIRS: &str = "Мои пары";
pub const NO_PAIRS: &str = "Пары ещё не сформированы";

// --- Labels of domain values -------------------------------------------------------------
/// An invitation's state on the access page.
pub fn access_invited(until_local: &str) -> String {
    format!("приглашён, код действует до {until_local}")
}

/// An order's number and date as its heading line writes them.
pub fn order_number_line(number: &str, signed_on: &str) -> String {
    format!("от {} № {number}", date(signed_on))
}

/// Audit log lines: what was done, in words; never a password or a code.
pub fn audit_first_run(district: &str, login: &str) -> String {
    format!("Первый запуск: создан район «{district}» и учётная запись координатора {login}")
}
pub fn audit_curator_added(login: &str) -> String {
    format!("Создана учётная запись куратора {login}, выдан код приглашения")
}
pub fn audit_access_given(logins: &[String]) -> String {
    format!("Выдан доступ ({}): {}", counted(logins.len(), ["учётная запись", "учётные записи", "учётных записей"]), logins.join(", "))
}
pub fn audit_access_reset(login: &str) -> String {
    format!("Выдан новый код приглашения для {login}: прежний пароль и сеансы отменены")
}
pub fn audit_first_entry(login: &str) -> String {
    format!("Первый вход {login} по коду приглашения: пароль выбран")
}
pub fn audit_password_changed(login: &str) -> String {
    format!("{login} сменил(а) пароль; другие сеансы завершены")
}
pub fn audit_user_added(login: &str) -> String {
    format!("Создана учётная запись {login}")
}
pub fn audit_user_disabled(login: &str) -> String {
    format!("Учётная запись {login} отключена")
}
pub fn audit_school_saved(name: &str, new: bool) -> String {
    if new { format!("Добавлена школа «{name}»") } else { format!("Изменены данные школы «{name}»") }
}
pub fn audit_programme_created(title: &str) -> String {
    format!("Создана программа «{title}»")
}
pub fn audit_order_registered(title: &str, number: &str, signed_on: &str) -> String {
    format!("Приказ о закреплении пар программы «{title}»: {}", order_number_line(number, signed_on))
}
pub const AUDIT_TITLE: &str = "Журнал изменений";
pub const AUDIT_EMPTY: &str = "Изменений пока нет";
pub const AUDIT_WHEN: &str = "Когда";
pub const AUDIT_WHO: &str = "Кто";
pub const AUDIT_WHAT: &str = "Что";
pub const AUDIT_CLI: &str = "nastavnik user (командная строка)";

/// Why a change to an archived programme is refused.
pub fn programme_archived(day: &str) -> String {
    format!("Программа в архиве с {}: её можно только просматривать", date(day))
}
pub fn audit_programme_archived(title: &str) -> String {
    format!("Программа «{title}» перенесена в архив")
}
pub const PROGRAMME_ARCHIVE: &str = "Перенести в архив";
pub const PROGRAMME_ARCHIVE_CONFIRM: &str = "Перенести программу в архив? Она останется в отчётах района, но изменить её будет нельзя.";

/// The button that gives access to the ticked people.
pub fn access_give(ticked: usize) -> String {
    if ticked == 0 { "Выдать доступ".into() } else { format!("Выдать доступ: {}", counted(ticked, ["человеку", "людям", "людям"])) }
}

/// The last line of a slip.
pub fn slip_until(until_local: &str) -> String {
    format!("Код действует до {until_local}, один раз")
}

/// A time zone as a district would name it.
pub fn time_zone(zone: crate::models::TimeZone) -> &'static str {
    use crate::models::TimeZone::*;
    match zone {
        Kaliningrad => "Калининград (МСК−1)",
        Moscow => "Москва (МСК)",
        Samara => "Самара (МСК+1)",
        Yekaterinburg => "Екатеринбург (МСК+2)",
        Omsk => "Омск (МСК+3)",
        Novosibirsk => "Новосибирск (МСК+4)",
        Krasnoyarsk => "Красноярск (МСК+4)",
        Irkutsk => "Иркутск (МСК+5)",
        Yakutsk => "Якутск (МСК+6)",
        Vladivostok => "Владивосток (МСК+7)",
        Magadan => "Магадан (МСК+8)",
        Kamchatka => "Петропавловск-Камчатский (МСК+9)",
    }
}

pub fn user_role(role: UserRole) -> &'static str {
    match role {
        UserRole::Methodologist => "Муниципальный координатор",
        UserRole::Curator => "Куратор",
        UserRole::Mentor => "Наставник",
        UserRole::Mentee => "Наставляемый",
    }
}

pub fn participant_role(role: ParticipantRole) -> &'static str {
    match role {
        ParticipantRole::Mentor => "Наставник",
        ParticipantRole::Mentee => "Наставляемый",
    }
}

pub fn participant_kind(kind: ParticipantKind) -> &'static str {
    match kind {
        ParticipantKind::Teacher => "Педагог",
        ParticipantKind::Student => "Обучающийся",
        ParticipantKind::Parent => "Родитель",
        ParticipantKind::GraduateEmployer => "Выпускник/работодатель",
    }
}

pub fn qualification(q: Qualification) -> &'static str {
    match q {
        Qualification::None => "Без категории",
        Qualification::Conformity => "Соответствие",
        Qualification::First => "Первая",
        Qualification::Highest => "Высшая",
    }
}

pub fn achievement(a: Achievement) -> &'static str {
    match a {
        Achievement::High => "Высокая",
        Achievement::Middle => "Средняя",
        Achievement::Low => "Низкая",
    }
}

pub fn form(f: MentoringForm) -> &'static str {
    match f {
        MentoringForm::TeacherTeacher => "Учитель – учитель",
        MentoringForm::TeacherGroup => "Педагог – группа педагогов",
        MentoringForm::TeacherStudent => "Учитель – ученик",
        MentoringForm::StudentStudent => "Ученик – ученик",
    }
}

pub fn variant(v: Variant) -> &'static str {
    match v {
        Variant::ExperiencedYoung => "Опытный педагог – молодой специалист",
        Variant::Trainee => "Стажёрская пара",
        Variant::Reverse => "Реверсивное наставничество",
        Variant::SharedDeficits => "Группа педагогов с общими дефицитами",
        Variant::ActiveIndifferent => "Активный профессионал – равнодушный потребитель",
        Variant::ColleagueYoungColleague => "Коллега – молодой коллега",
        Variant::StrongWeak => "Успевающий – неуспевающий",
        Variant::LeaderPassive => "Лидер – пассивный",
        Variant::PeerToPeer => "Равный – равному",
        Variant::AdaptedNonAdapted => "Адаптированный – неадаптированный",
    }
}

pub fn stage(s: Stage) -> &'static str {
    match s {
        Stage::Preparation => "Подготовка условий",
        Stage::MenteeBase => "Формирование базы наставляемых",
        Stage::MentorBase => "Формирование базы наставников",
        Stage::MentorTraining => "Отбор и обучение наставников",
        Stage::Pairing => "Формирование пар и групп",
        Stage::Work => "Организация работы пар и групп",
        Stage::Completion => "Завершение программы",
    }
}

pub fn stage_status(s: StageStatus) -> &'static str {
    match s {
        StageStatus::NotStarted => "Не начат",
        StageStatus::InProgress => "В работе",
        StageStatus::Done => "Завершён",
    }
}

pub fn pair_status(s: PairStatus) -> &'static str {
    match s {
        PairStatus::Draft => "Черновик",
        PairStatus::Fixed => "Закреплена",
        PairStatus::Finished => "Завершена",
    }
}

pub fn relationship(kind: RelationshipKind) -> &'static str {
    match kind {
        RelationshipKind::FormerClassTeacher => "Бывший классный руководитель",
        RelationshipKind::Relative => "Родственник",
        RelationshipKind::LineManager => "Непосредственный руководитель",
    }
}

/// An ISO date (`2026-09-01`) as Russians write it (`01.09.2026`); anything else unchanged.
pub fn date(iso: &str) -> String {
    match iso.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => format!("{d}.{m}.{y}"),
        _ => iso.to_owned(),
    }
}


// --- Pair-formation board ------------------------------------------------------------------
pub const BOARD_TITLE: &str = "Формирование пар и групп";
pub const BOARD_OPEN: &str = "Открыть доску";
pub const BOARD_POOL: &str = "Без наставника";
pub const BOARD_POOL_HINT: &str = "Перетащите карточку на наставника или выберите её и нажмите на наставника.";
pub const BOARD_UNKNOWN: &str = "Участник не найден на доске — обновите страницу";
pub const BOARD_REASON_TOO_LONG: &str = "Причина — не длиннее 500 символов";
pub const BOARD_NOTHING: &str = "Нечего менять";
pub const BOARD_STALE: &str = "Доску только что изменил другой куратор. Доска обновлена, ваше действие не применено:";
pub const BOARD_SUGGEST: &str = "Подобрать пары";
pub const BOARD_ACCEPT_ALL: &str = "Принять все";
pub const BOARD_REJECT_ALL: &str = "Отклонить";
pub const BOARD_ACCEPT: &str = "Принять";
pub const BOARD_REJECT_ONE: &str = "Отклонить предложение";
pub const BOARD_NO_SUGGESTIONS: &str = "Лучше текущего распределения подобрать нельзя";
pub const SUGGEST_NOBODY: &str = "без наставника";
pub const SUGGEST_WAS: &str = "было:";
pub fn suggest_heading(title: &str, school: &str, mentors: usize, mentees: usize, pairs: usize, settled: usize) -> String {
    format!("Программа «{title}» ({school}): наставников {mentors}, наставляемых {mentees}, на доске {pairs} (не трогаются: {settled})")
}
pub const BOARD_ACCEPT_CONFIRM: &str = "Да, изменить";
/// «Предложено изменений: 3 · сумма баллов 120 → 310».
pub fn board_suggested(count: usize, before: f64, after: f64) -> String {
    format!("Предложено изменений: {count} · сумма баллов {before:.0} → {after:.0}")
}
/// What «Принять все» will do, said before it does it.
pub fn board_accept_summary(count: usize, moved: usize) -> String {
    let changes = counted(count, ["изменение", "изменения", "изменений"]);
    if moved == 0 {
        format!("Будет внесено {changes}; пары, уже стоящие на доске, не меняются.")
    } else {
        format!("Будет внесено {changes}; из них {} уже на доске:", counted(moved, ["пара, которая", "пары, которые", "пар, которые"]))
    }
}
pub fn board_moved_pair(mentee: &str, from: &str, to: &str) -> String {
    format!("{mentee}: {from} → {to}")
}
pub const BOARD_UNDO: &str = "Отменить";
pub const BOARD_REDO: &str = "Повторить";
pub const BOARD_FIX: &str = "Зафиксировать пары";
pub const BOARD_ORDER: &str = "Приказ о закреплении";
pub const BOARD_HISTORY: &str = "История изменений";
pub const BOARD_LOCK: &str = "Закрепить пару (подбор не будет её менять)";
pub const BOARD_UNLOCK: &str = "Снять закрепление";
pub const BOARD_SCORE: &str = "Совместимость";
pub const BOARD_WHY: &str = "Почему такая оценка";
pub const BOARD_CONFLICT: &str = "Конфликт";
pub const BOARD_VARIANT_FLAG: &str = "Пара противоречит модели взаимодействия";
pub const BOARD_REASON_LABEL: &str = "Причина, по которой пара всё же формируется";
pub const BOARD_CONFIRM: &str = "Сформировать пару";
pub const BOARD_TO_POOL: &str = "Вернуть в список без наставника";
pub const BOARD_PICKED: &str = "Выбрано";
pub const BOARD_VETO: &str = "Запрет";
pub const BOARD_READ_ONLY: &str = "Только просмотр";
pub const BOARD_FIXED: &str = "зафиксирована";
pub const BOARD_FIXED_DONE: &str = "Пары зафиксированы. Приказ о закреплении готов к печати.";

pub fn board_capacity(load: usize, capacity: i64) -> String {
    format!("{load} из {capacity}")
}
pub fn board_over_capacity(mentor: &str, capacity: i64) -> String {
    format!("У наставника {mentor} нет свободных мест: ресурс времени — {capacity}")
}
pub fn board_locked(mentee: &str) -> String {
    format!("Пара с участником {mentee} закреплена — сначала снимите закрепление")
}
pub fn board_needs_reason(mentor: &str, mentee: &str, kind: RelationshipKind) -> String {
    format!("{mentor} и {mentee}: {}. Такая пара рискует стать «учитель – ученик», а не партнёрством. Укажите причину, чтобы всё же сформировать её.", relationship(kind).to_lowercase())
}
pub fn history_move(mentee: &str, mentor: &str, reason: Option<&str>) -> String {
    match reason.filter(|r| !r.trim().is_empty()) {
        Some(reason) => format!("{mentee} → {mentor} (несмотря на конфликт: {reason})"),
        None => format!("{mentee} → {mentor}"),
    }
}
pub fn err_capacity_below_load(load: i64, programme: &str) -> String {
    format!("В программе «{programme}» у наставника уже {}: ресурс времени не может быть меньше", counted(load, ["наставляемый", "наставляемых", "наставляемых"]))
}
pub fn history_person_changed(name: &str) -> String {
    format!("Изменены данные участника: {name}")
}
pub const HISTORY_UNFIXED: &str = "(фиксация пары снята: её нужно зафиксировать заново)";
pub fn history_unassign(mentee: &str) -> String {
    format!("{mentee} → без наставника")
}
pub fn history_moves(count: usize, detail: &str) -> String {
    format!("Перемещений: {count}. {detail}")
}
pub fn history_lock(mentee: &str, locked: bool) -> String {
    if locked { format!("Пара с {mentee} закреплена") } else { format!("С пары с {mentee} снято закрепление") }
}
pub fn history_fix(count: usize) -> String {
    format!("Пары зафиксированы (наставляемых: {count})")
}
pub fn history_variant(mentor: &str, variant: &str) -> String {
    format!("Группа наставника {mentor}: модель «{variant}»")
}
pub fn history_weights(detail: &str) -> String {
    format!("Изменены веса критериев: {detail}")
}
pub const BOARD_WEIGHTS: &str = "Критерии подбора";
pub const BOARD_WEIGHTS_HELP: &str = "Вес каждого критерия в оценке совместимости. «Обязательно»: пара, где критерий не выполнен, не предлагается.";
pub fn announce_move(mentee: &str, mentor: Option<&str>) -> String {
    match mentor {
        Some(mentor) => format!("{mentee} теперь с наставником {mentor}"),
        None => format!("{mentee} возвращён в список без наставника"),
    }
}

pub fn weight(w: crate::matching::score::Weight) -> &'static str {
    use crate::matching::score::Weight::*;
    match w {
        Required => "обязательно",
        High => "высокий",
        Medium => "средний",
        Low => "низкий",
        Off => "не учитывать",
    }
}

/// Why a pair is never suggested, as the board explains it.
pub fn veto(veto: &crate::matching::score::Veto) -> String {
    use crate::matching::score::Veto;
    match veto {
        Veto::Relationship(kind) => format!("{} ({})", BOARD_VETO_RELATIONSHIP, relationship(*kind).to_lowercase()),
        Veto::Required(criterion) => format!("{} «{}»", BOARD_VETO_REQUIRED, self::criterion(*criterion)),
    }
}
pub const BOARD_VETO_RELATIONSHIP: &str = "между ними есть прежние отношения";
pub const BOARD_VETO_REQUIRED: &str = "не выполнен обязательный критерий";

pub fn criterion(c: crate::matching::score::Criterion) -> &'static str {
    use crate::matching::score::Criterion::*;
    match c {
        Subject => "Общий предмет",
        ExperienceGap => "Разница в стаже",
        Requests => "Запросы закрыты компетенциями",
        Proximity => "Близость по классу",
        VariantRule => "Соответствие модели взаимодействия",
    }
}

// --- The order ---------------------------------------------------------------------------------
pub const ORDER_TITLE: &str = "Приказ о закреплении наставнических пар";
pub const ORDER_PRINT: &str = "Печать / PDF";
pub const ORDER_DATE_LINE: &str = "от «___» ____________ 20___ г.  № ______";
pub const ORDER_DETAILS: &str = "Реквизиты приказа";
pub const ORDER_NUMBER: &str = "Номер приказа";
pub const ORDER_SIGNED_ON: &str = "Дата приказа";
pub const ORDER_HEAD_NAME: &str = "Руководитель: фамилия и инициалы";
pub const ORDER_HEAD_POSITION: &str = "Должность руководителя";
pub const ORDER_DOCX: &str = "Word (DOCX)";
pub const ORDER_DECIDE: &str = "ПРИКАЗЫВАЮ:";
pub const ORDER_ITEM_PAIRS: &str = "Закрепить наставнические пары (группы) в следующем составе:";
pub const ORDER_MENTOR: &str = "Наставник";
pub const ORDER_MENTEES: &str = "Наставляемые";
pub const ORDER_VARIANT: &str = "Модель взаимодействия";
pub const ORDER_NOTHING_FIXED: &str = "Закреплённых пар пока нет: приказ перечисляет только пары, зафиксированные на доске («Зафиксировать пары»).";
pub const ORDER_CONTROL: &str = "Контроль за исполнением приказа возложить на куратора программы наставничества.";
pub const ORDER_HEAD: &str = "Руководитель образовательной организации";
pub const ORDER_ACQUAINTED: &str = "С приказом ознакомлены:";
pub fn order_preamble(programme: &str, form: &str, from: &str, to: &str) -> String {
    format!("В целях реализации программы наставничества «{programme}» (форма наставничества: {form}) на период с {from} по {to}, в соответствии с положением о наставничестве,")
}
pub fn order_period(from: &str, to: &str) -> String {
    format!("Установить срок работы наставнических пар (групп): с {from} по {to}.")
}


// --- Questionnaires: rules --------------------------------------------------------------------
pub const YES: &str = "Да";
pub const NO: &str = "Нет";
pub const SV_OTHER: &str = "Другое";
pub const SV_NEW_TITLE: &str = "Новая анкета";
pub const SV_ERR_TITLE: &str = "Укажите название анкеты";
pub const SV_ERR_NO_QUESTIONS: &str = "Добавьте хотя бы один вопрос";
pub const SV_ERR_KEY: &str = "Вопрос повторяется: удалите копию";
pub const SV_ERR_QUESTION_TEXT: &str = "Напишите текст вопроса";
pub const SV_ERR_TWO_OPTIONS: &str = "Нужно не меньше двух вариантов ответа";
pub const SV_ERR_EMPTY_OPTION: &str = "Вариант ответа не может быть пустым";
pub const SV_ERR_DUPLICATE_OPTION: &str = "Варианты ответа повторяются";
pub const SV_ERR_SCALE: &str = "Шкала бывает от 1 до 5 или от 1 до 10";
pub const SV_ERR_REQUIRED: &str = "Это обязательный вопрос";
pub const SV_ERR_UNKNOWN_OPTION: &str = "Такого варианта ответа нет в анкете";
pub const SV_ERR_NO_OTHER: &str = "В этом вопросе нет варианта «Другое»";
pub const SV_ERR_WRONG_TYPE: &str = "Ответ не подходит к типу вопроса";
pub const SV_ERR_CLIENT_ID: &str = "Неверный идентификатор отправки";
pub const SV_ERR_CODE_FORMAT: &str = "Код — шесть цифр, например 204 517";
pub const SV_ERR_CODE_UNKNOWN: &str = "Такого кода нет в этом анкетировании. Проверьте код на карточке";
pub const SV_ERR_CODE_REQUIRED: &str = "Введите личный код с карточки";
pub const SV_ERR_WAVE_KIND: &str = "Выберите этап: входное, промежуточное или выходное";
pub const SV_ERR_ROLE: &str = "Выберите, кому адресована анкета";
pub const SV_ERR_PICK_QUESTIONNAIRE: &str = "Выберите анкету своей школы";
pub const SV_ERR_SLIP_COUNT: &str = "Не больше 500 карточек за раз";
pub const SV_WAVE_CLOSED: &str = "Анкетирование завершено: ответы больше не принимаются";
pub const SV_ALREADY_ANSWERED: &str = "По этому коду анкета уже заполнена";
pub fn sv_out_of_range(max: u8) -> String {
    format!("Оценка — число от 1 до {max}")
}
pub fn sv_too_many_options(max: usize) -> String {
    format!("Не больше {} ответа", counted(max, ["варианта", "вариантов", "вариантов"]))
}
pub fn sv_too_many_questions(max: usize) -> String {
    format!("Не больше {} в анкете", counted(max, ["вопроса", "вопросов", "вопросов"]))
}
pub fn sv_unknown_question(key: &str) -> String {
    format!("В этой версии анкеты нет вопроса «{key}»")
}
pub fn wave_kind(kind: crate::surveys::WaveKind) -> &'static str {
    use crate::surveys::WaveKind::*;
    match kind {
        Entry => "Входное",
        Mid => "Промежуточное",
        Exit => "Выходное",
    }
}
pub fn kirkpatrick_level(level: crate::surveys::KirkpatrickLevel) -> &'static str {
    use crate::surveys::KirkpatrickLevel::*;
    match level {
        Reaction => "Реакция",
        Learning => "Обучение",
        Behaviour => "Поведение",
        Results => "Результаты",
    }
}


// --- Questionnaires: pages --------------------------------------------------------------------
pub const NAV_QUESTIONNAIRES: &str = "Анкеты";
pub const NAV_SURVEYS: &str = "Мои анкеты";
pub const SV_QUESTIONNAIRES_TITLE: &str = "Анкеты школы";
pub const SV_NEW_FROM_TEMPLATE: &str = "Новая анкета из готового шаблона";
pub const SV_USE_TEMPLATE: &str = "Взять за основу";
pub const SV_BLANK: &str = "Пустая анкета";
pub const SV_CREATE: &str = "Создать";
pub fn sv_questionnaire_line(questions: usize, version: i64, answers: i64) -> String {
    format!("Вопросов: {questions} · версия {version} · ответов: {answers}")
}
pub const SV_TITLE_FIELD: &str = "Название анкеты";
pub const SV_INTRO_FIELD: &str = "Вступление (что это за анкета и сколько времени займёт)";
pub const SV_SECTION_TITLE: &str = "Название раздела";
pub const SV_REMOVE_SECTION: &str = "Удалить пустой раздел";
pub const SV_ADD_SECTION: &str = "Добавить раздел";
pub const SV_ADD_QUESTION: &str = "Добавить вопрос";
pub const SV_QUESTION_TEXT: &str = "Текст вопроса";
pub const SV_KIND: &str = "Тип вопроса";
pub const SV_REQUIRED: &str = "Обязательный";
pub const SV_ONLY_IN: &str = "Когда задавать";
pub const SV_ALL_WAVES: &str = "На всех этапах";
pub fn sv_only_in(kind: crate::surveys::WaveKind) -> String {
    format!("Только: {}", wave_kind(kind).to_lowercase())
}
pub const SV_DRAG: &str = "Перетащите, чтобы изменить порядок";
pub const SV_UP: &str = "Выше";
pub const SV_DOWN: &str = "Ниже";
pub const SV_OPTION: &str = "Вариант ответа";
pub fn sv_option(n: usize) -> String {
    format!("Вариант {n}")
}
pub const SV_ADD_OPTION: &str = "Добавить вариант";
pub const SV_ALLOW_OTHER: &str = "Разрешить «Другое»";
pub const SV_SCALE_LOW: &str = "Совсем не согласен";
pub const SV_SCALE_MIDDLE: &str = "Затрудняюсь ответить";
pub const SV_SCALE_HIGH: &str = "Полностью согласен";
pub const SV_SCALE_LOW_LABEL: &str = "Подпись у 1";
pub const SV_SCALE_MIDDLE_LABEL: &str = "Подпись середины";
pub const SV_SCALE_HIGH_LABEL: &str = "Подпись у высшей оценки";
pub fn sv_kind(code: &str) -> &'static str {
    match code {
        "short_text" => "Короткий ответ",
        "long_text" => "Развёрнутый ответ",
        "single_choice" => "Один вариант",
        "multiple_choice" => "Несколько вариантов",
        "scale5" => "Шкала 1–5",
        "scale10" => "Шкала 1–10",
        _ => "Да / нет",
    }
}
pub const SV_PREVIEW: &str = "Предпросмотр";
pub const SV_FIX_QUESTIONS: &str = "Анкета не сохранена: исправьте отмеченные вопросы";
pub fn sv_version_line(version: i64, answers: i64) -> String {
    if answers > 0 {
        format!("Версия {version}. На неё уже есть ответы ({answers}): изменение смысла вопросов создаст новую версию, прежние ответы останутся при своей")
    } else {
        format!("Версия {version}. Ответов на неё пока нет")
    }
}
pub fn sv_saved(version: i64, new_version: bool) -> String {
    if new_version {
        format!("Сохранено как новая версия {version}: прежние ответы относятся к предыдущей версии")
    } else {
        format!("Сохранено (версия {version})")
    }
}
pub const SV_WAVES_TITLE: &str = "Анкетирование";
pub const SV_NO_WAVES: &str = "Анкетирований пока нет. Назначьте анкету ниже.";
pub const SV_COL_QUESTIONNAIRE: &str = "Анкета";
pub const SV_COL_KIND: &str = "Этап";
pub const SV_COL_ROLE: &str = "Кому";
pub const SV_COL_STATUS: &str = "Статус";
pub const SV_COL_RATE: &str = "Ответили";
pub const SV_OPEN: &str = "Идёт";
pub const SV_CLOSED: &str = "Завершено";
pub const SV_ANONYMOUS: &str = "анонимно";
pub const SV_RESULTS: &str = "Результаты";
pub const SV_CLOSE_WAVE: &str = "Завершить";
pub const SV_REOPEN_WAVE: &str = "Возобновить";
pub const SV_OPEN_KIOSK: &str = "Киоск на этом устройстве";
pub const SV_KIOSK_CONFIRM: &str = "Сделать это устройство киоском для анкетирования? Ваш сеанс на нём завершится: чтобы выйти из режима киоска, войдите снова.";
pub const SV_NEW_WAVE: &str = "Назначить анкету";
pub const SV_ANONYMOUS_WAVE: &str = "Анонимно";
pub const SV_ANONYMOUS_HELP: &str = "В анонимном анкетировании ответы хранятся без имени: участник вводит код с карточки, и по нему связываются его входная и выходная анкеты.";
pub const SV_CREATE_WAVE: &str = "Назначить";
pub const SV_EDIT_QUESTIONNAIRES: &str = "Редактировать анкеты";
pub const SV_CODES_TITLE: &str = "Личные коды";
pub fn sv_codes_line(named: usize, anonymous: usize) -> String {
    format!("Именных кодов: {named}. Анонимных карточек: {anonymous}.")
}
pub const SV_ISSUE_NAMED: &str = "Выдать именные коды всем участникам";
pub const SV_SLIP_COUNT: &str = "Анонимных карточек";
pub const SV_ISSUE_ANONYMOUS: &str = "Выдать анонимные карточки";
pub const SV_ERR_SLIP_NUMBER: &str = "Укажите число карточек — целое число больше нуля";
pub const SV_PRINT_CODES: &str = "Карточки для печати";
pub const SV_ANONYMOUS_SLIP: &str = "Анонимная карточка";
pub fn sv_rate(answered: i64, invited: i64) -> String {
    format!("{answered} из {invited} ({}%)", crate::models::percent(answered, invited))
}
pub fn sv_rate_line(answered: i64, invited: i64, rate: i64) -> String {
    format!("Ответили {answered} из {invited}: {rate}%")
}
pub fn sv_n(n: i64) -> String {
    format!("Ответили на вопрос: n = {n}")
}
pub const SV_MEAN: &str = "среднее";
pub const SV_COL_RESPONDENT: &str = "Респондент";
pub const SV_TOO_FEW_ANONYMOUS: &str = "Менее 5 ответов: результаты анонимного опроса появятся, когда ответят хотя бы пять человек, — иначе по ним можно узнать, кто как ответил.";
pub const FEW_ANSWERS: &str = "менее 5 ответов";
pub const SV_COL_SUBMITTED: &str = "Отправлено";
// Taking a questionnaire
pub const SV_PROGRESS: &str = "Ход заполнения";
pub const SV_SUMMARY: &str = "Проверка ответов";
pub const SV_SUMMARY_TITLE: &str = "Проверьте ответы перед отправкой";
pub fn sv_step(step: usize, of: usize) -> String {
    format!("Шаг {step} из {of}")
}
pub const SV_START: &str = "Начать";
pub const SV_NEXT: &str = "Далее";
pub const SV_BACK: &str = "Назад";
pub const SV_SEND: &str = "Отправить";
pub const SV_SENDING: &str = "Отправляем…";
pub const SV_CHANGE: &str = "Изменить";
pub const SV_NO_ANSWER: &str = "нет ответа";
pub const SV_FIX_ANSWERS: &str = "Проверьте отмеченные ответы";
pub const SV_DEVICE_FULL: &str = "Нет связи с сервером, и устройство не смогло сохранить ответы: в его памяти нет места. Не закрывайте страницу — ответы на экране сохранены здесь; нажмите «Отправить» снова, когда появится связь.";
pub const SV_THANKS: &str = "Спасибо!";
pub const SV_SENT: &str = "Ваши ответы получены.";
pub const SV_QUEUED: &str = "Нет связи с сервером. Ответы сохранены на этом устройстве и будут отправлены, как только связь появится.";
pub const SV_NEXT_PERSON: &str = "Следующий участник";
pub const SV_CODE_PROMPT: &str = "Введите личный код с карточки (6 цифр)";
pub const SV_NOT_A_KIOSK: &str = "Это устройство не открыто как киоск для анкетирования. Куратор открывает киоск на странице анкетирования программы.";
pub const SV_KIOSK_EXIT: &str = "Выход для куратора";
pub fn sv_pending(n: usize) -> String {
    format!("Ожидают отправки на этом устройстве: {n}. Отправим автоматически, когда появится связь.")
}
pub fn sv_refused_later(why: &str) -> String {
    format!("Сервер не принял сохранённые ответы: {why}")
}
pub const NAV_BEFORE_AFTER: &str = "Входной и выходной мониторинг";
pub const BA_TITLE: &str = "Входное и выходное анкетирование";
pub const BA_OPTION: &str = "Ответ";
pub const BA_ENTRY: &str = "На входе";
pub const BA_EXIT: &str = "На выходе";
pub fn ba_n(entry: i64, exit: i64, linked: i64) -> String {
    if entry == 0 {
        format!("Только на выходе: n = {exit}")
    } else {
        format!("На входе n = {entry}, на выходе n = {exit}; ответили оба раза: {linked}")
    }
}
pub fn ba_means(entry: f64, exit: f64) -> String {
    format!("Среднее: {entry:.1} → {exit:.1}")
}
pub const SV_MY_TITLE: &str = "Мои анкеты";
pub const SV_MY_NONE: &str = "Сейчас нет анкет для заполнения.";
pub const SV_DONE: &str = "Заполнена";
pub const SV_FILL: &str = "Заполнить";
pub const SV_BACK_TO_LIST: &str = "К списку анкет";
pub const SV_ANONYMOUS_EXPLAINED: &str = "Анкета анонимная: ответы сохраняются без вашего имени, только под кодом с карточки.";

// --- Reports, charts and slides ---------------------------------------------------------------
pub const OF: &str = "из";
pub const CURATORS: &str = "Кураторов";
pub const COUNTS_ROLE: &str = "Участники";
pub const COUNTS_TOTAL: &str = "Всего";
pub const COUNTS_ALL: &str = "Всего участников";
pub const CHART_MEAN: &str = "Средний балл";
pub const CHART_STUDENTS: &str = "Обучающихся";
pub const CHART_PEOPLE: &str = "Участников";
pub const CHART_COVERAGE: &str = "Доля обучающихся в наставничестве";
pub const CHART_ORGS_IN: &str = "С наставничеством";
pub const CHART_ORGS_OUT: &str = "Без наставничества";
pub const CHART_SCORE: &str = "Оценка";
/// A chart table's column when its series has no name.
pub const CHART_VALUE: &str = "Значение";
pub const CHART_TABLES: &str = "Таблицы";
pub const CHART_TABLES_HINT: &str = "Показать цифры диаграмм таблицами (клавиша T)";
pub fn chart_entry(n: i64) -> String {
    format!("На входе (n = {n})")
}
pub fn chart_exit(n: i64) -> String {
    format!("На выходе (n = {n})")
}
pub fn chart_indicator(percent: i64) -> String {
    format!("Показатель {percent} %")
}
/// «4,5 из 5»: a rating's mean with a decimal comma.
pub fn out_of(mean: f64, max: u8) -> String {
    format!("{} из {max}", format!("{mean:.1}").replace('.', ","))
}
pub fn yes_share(percent: i64) -> String {
    format!("да — {percent} %")
}
pub fn respondents(n: i64) -> String {
    format!("Ответили: {n}")
}
pub fn quadrant(q: crate::reports::Quadrant) -> &'static str {
    use crate::reports::Quadrant::*;
    match q {
        Strengths => "Сильные стороны",
        Weaknesses => "Слабые стороны",
        Opportunities => "Возможности",
        Threats => "Угрозы",
    }
}
pub fn swot_too_many(q: crate::reports::Quadrant, max: usize) -> String {
    format!("В квадранте «{}» больше {}: на слайде они не поместятся. Объедините или удалите лишние.", quadrant(q), counted(max, ITEMS_GEN))
}
pub fn swot_too_long(q: crate::reports::Quadrant, max: usize) -> String {
    format!("Пункт в квадранте «{}» длиннее {}: сократите его.", quadrant(q), counted(max, CHARACTERS_GEN))
}
pub fn orgs_caption(active: i64, total: i64) -> String {
    format!("{active} из {} ({} %)", counted(total, ["организации", "организаций", "организаций"]), crate::models::percent(active, total))
}
pub fn involved_caption(students: i64, teachers: i64) -> String {
    format!(
        "Всего вовлечено: {} и {}",
        counted(students, ["обучающийся", "обучающихся", "обучающихся"]),
        counted(teachers, ["педагог", "педагога", "педагогов"])
    )
}
pub fn coverage_caption(involved: i64, total: i64, percent: i64, meets: bool) -> String {
    let verdict = if meets { "показатель 10 % достигнут" } else { "ниже показателя 10 %" };
    format!("Обучающихся в наставничестве: {involved} из {total} ({percent} %) — {verdict}")
}
pub const SLIDE_COUNTS: &str = "участники программы";
pub const SLIDE_COVERAGE: &str = "Охват наставничеством";
pub const SLIDE_ORGS: &str = "Организации района";
pub const SLIDE_STUDENTS: &str = "Обучающиеся в наставничестве по школам";
pub const SLIDE_VARIANTS: &str = "участники по моделям взаимодействия";
pub const SLIDE_KIRKPATRICK: &str = "оценка по модели Киркпатрика";
pub const SLIDE_SWOT: &str = "SWOT-анализ программы";
pub fn slide_of(n: usize, total: usize) -> String {
    format!("Слайд {n} из {total}")
}
/// «Данные на 22.11.2026 13:05»: when a snapshot was taken (UTC), in the district's time.
pub fn deck_data_at(taken_at: &str, zone: crate::models::TimeZone) -> String {
    match zone.local_minutes(taken_at).split_once(' ') {
        Some((day, time)) => format!("Данные на {} {time}", date(day)),
        None => format!("Данные на {}", date(taken_at)),
    }
}
pub const DECK_NO_DATA: &str = "Нет данных";
pub const DECK_SHOW: &str = "Показать";
pub const DECK_PRESENTER: &str = "Окно докладчика";
pub const DECK_PDF: &str = "PDF";
pub const DECK_HTML: &str = "HTML для показа без сети";
pub const DECK_NEXT: &str = "Следующий слайд";
pub const DECK_NOTES: &str = "Заметки";
pub const DECK_NEW_TITLE: &str = "Наставничество: итоги";
pub const DECK_ERR_TITLE: &str = "Укажите название презентации.";
pub fn deck_err_long(slide: Option<usize>, max: usize) -> String {
    match slide {
        Some(n) => format!("Слайд {n}: текст длиннее {} — сократите его.", counted(max, CHARACTERS_GEN)),
        None => format!("Название длиннее {} — сократите его.", counted(max, CHARACTERS_GEN)),
    }
}
pub fn deck_err_too_many(max: usize) -> String {
    format!("В презентации больше {}.", counted(max, ["слайда", "слайдов", "слайдов"]))
}
pub fn deck_err_missing(n: usize) -> String {
    format!("Слайд {n}: этих данных нет в снимке. Выберите другое или обновите данные.")
}
pub fn deck_err_questions(n: usize) -> String {
    format!("Слайд {n}: выберите один или два вопроса.")
}
pub fn deck_err_image(n: usize) -> String {
    format!("Слайд {n}: изображение должно быть в формате PNG, JPEG или WebP.")
}
pub fn board_too_many_moves(max: usize) -> String {
    format!("За один шаг можно переставить не более {max} наставляемых и не больше, чем их на доске. Ничего не изменено.")
}
pub const ERR_MEETING_KIND: &str = "Выберите вид встречи";
pub const ERR_COMPETENCE: &str = "Выберите компетенцию: предметно-методическая, психолого-педагогическая, коммуникативная или акмеологическая";
pub fn competence(competence: crate::models::Competence) -> &'static str {
    use crate::models::Competence::*;
    match competence {
        SubjectMethodical => "Предметно-методическая",
        PsychoPedagogical => "Психолого-педагогическая",
        Communicative => "Коммуникативная",
        Acmeological => "Акмеологическая",
    }
}
/// The meetings of a pair, as the target model names them.
pub fn meeting_kind(kind: crate::models::MeetingKind) -> &'static str {
    use crate::models::MeetingKind::*;
    match kind {
        Acquaintance => "Встреча-знакомство",
        Trial => "Пробная рабочая встреча",
        Planning => "Встреча-планирование",
        Series => "Рабочая встреча (комплекс последовательных встреч)",
        Final => "Итоговая встреча",
        VisitByMentor => "Посещение урока наставляемого наставником",
        VisitByMentee => "Посещение урока наставника наставляемым",
        JointLesson => "Совместный урок",
    }
}
pub fn meeting_format(format: crate::models::MeetingFormat) -> &'static str {
    match format {
        crate::models::MeetingFormat::InPerson => "Очно",
        crate::models::MeetingFormat::Remote => "Дистанционно",
    }
}
pub const ERR_MEETING_FORMAT: &str = "Выберите формат: очно или дистанционно";
pub fn err_meeting_minutes(max: i64) -> String {
    format!("Продолжительность — число минут от 5 до {max}")
}
pub const CONTROL_CHARACTERS: &str = "В тексте есть невидимые управляющие символы (например, скопированные из другой программы). Уберите их и сохраните ещё раз — ничего не изменено.";
pub const BAD_REQUEST_BODY: &str = "Запрос не распознан: обновите страницу и повторите действие. Ничего не изменено.";
pub const CROSS_SITE_REFUSED: &str = "Запрос пришёл не со страницы Наставника и отклонён. Откройте Наставник по его адресу и повторите действие.";
pub const JSON_ONLY: &str = "Сервер принимает здесь только данные страницы Наставника (JSON). Ничего не изменено.";
pub const DECK_ERR_IMAGES_TOTAL: &str = "Изображения презентации вместе больше 9 МБ — уберите или уменьшите некоторые.";
/// A request over the server's limit for its kind; nothing was saved.
pub fn request_too_large(limit_bytes: usize) -> String {
    let megabytes = limit_bytes as f64 / (1024.0 * 1024.0);
    let size = format!("{megabytes:.1}").replace(".0", "").replace('.', ",");
    format!("Слишком большой запрос: сервер принимает здесь не более {size} МБ. Ничего не сохранено — уменьшите файл, изображения или текст и попробуйте ещё раз.")
}
pub fn deck_err_image_size(n: usize) -> String {
    format!("Слайд {n}: изображение больше 1,5 МБ — уменьшите его.")
}

pub const REPORT_TITLE: &str = "аналитическая справка о реализации программы наставничества";
pub const REPORT_PROGRAMME_EMPTY: &str = "По программе пока нет итоговых анкет с уровнями Киркпатрика и не заполнен SWOT-анализ.";
pub const REPORT_VARIANTS: &str = "Участники по моделям взаимодействия";
/// A workbook sheet's name (at most 31 characters).
pub const SHEET_VARIANTS: &str = "Модели взаимодействия";
pub const SHEET_ANSWERS: &str = "Ответы";
pub const REPORT_STUDENTS_INVOLVED: &str = "Обучающихся в наставничестве";
pub const REPORT_TEACHERS_INVOLVED: &str = "Педагогов в наставничестве";
pub const REPORT_COVERAGE: &str = "Охват обучающихся, %";
pub const REPORT_INDICATOR: &str = "Показатель, не менее %";
pub const REPORT_COVERAGE_HEADING: &str = "Охват";
pub const REPORT_VALUE: &str = "Значение";
pub const REPORT_VARIANT: &str = "Модель взаимодействия";
pub const REPORT_PEOPLE: &str = "Всего участников";
pub const REPORT_QUESTION: &str = "Вопрос";
pub const REPORT_PROGRAMME: &str = "Программа";
pub const REPORT_LEVEL: &str = "Уровень";
pub const REPORT_FIGURE: &str = "Показатель";
pub const REPORT_QUADRANT: &str = "Квадрант";
pub const REPORT_ITEM: &str = "Пункт";

pub const NAV_DECKS: &str = "Презентации";
pub const DECKS_TITLE: &str = "Презентации";
pub const DECKS_EMPTY: &str = "Презентаций пока нет.";
pub const DECK_NAME: &str = "Название";
pub const DECK_SLIDES: &str = "Слайды";
pub const DECK_SNAPSHOT: &str = "Данные";
pub const DECK_CREATE: &str = "Новая презентация";
pub const DECK_CREATE_STORY: &str = "Создать по итогам района";
pub const DECK_CREATE_EMPTY: &str = "Создать пустую";
pub const DECK_REFRESH: &str = "Обновить данные";
pub const DECK_REFRESH_HINT: &str = "Цифры на слайдах не меняются, пока вы не обновите данные.";
pub const DECK_REFRESHED: &str = "Данные обновлены.";
pub const DECK_UNSAVED: &str = "Есть несохранённые изменения.";
pub const DECK_ADD: &str = "Добавить слайд";
pub const DECK_ADD_KIND: &str = "Вид слайда";
pub const DECK_PREVIEW: &str = "Просмотр";
pub const DECK_F_TITLE: &str = "Заголовок";
pub const DECK_F_SUBTITLE: &str = "Подзаголовок";
pub const DECK_F_HEADING: &str = "Заголовок слайда";
pub const DECK_F_BODY: &str = "Текст";
pub const DECK_F_BODY_HINT: &str = "Абзацы разделяйте пустой строкой; строки, начинающиеся с «- », станут списком.";
pub const DECK_F_IMAGE: &str = "Изображение (PNG, JPEG или WebP, до 1,5 МБ)";
pub const DECK_F_IMAGE_REMOVE: &str = "Убрать изображение";
pub const DECK_F_AUTOMATIC: &str = "Этот слайд строится из данных снимка, настраивать нечего.";
pub const DECK_F_QUESTIONNAIRE: &str = "Анкета";
pub const DECK_F_SCOPE: &str = "Чьи ответы";
pub const DECK_F_WHOLE_DISTRICT: &str = "Весь район";
pub const DECK_F_QUESTIONS: &str = "Вопросы (один или два)";
pub const DECK_F_OPTIONS: &str = "Ответы на диаграмме (ничего не отмечено — все)";
pub fn slide_kind(kind: &str) -> &'static str {
    match kind {
        "title" => "Титульный",
        "district" => "Педагоги района",
        "counts" => "Участники школы",
        "coverage" => "Охват",
        "variants" => "Модели взаимодействия",
        "before_after" => "Входной и выходной мониторинг",
        "kirkpatrick" => "Модель Киркпатрика",
        "swot" => "SWOT",
        "meetings" => "Проведённые встречи",
        "plans" => "Выполнение планов",
        "practices" => "Лучшие практики",
        _ => "Текст и изображение",
    }
}
pub const NAV_REPORT: &str = "Справка";
pub const REPORT_PRINT: &str = "Печать";
pub const REPORT_XLSX: &str = "Скачать XLSX";
pub const REPORT_NO_COMPARISON: &str = "Входного и выходного анкетирования в школе пока нет.";
pub const SWOT_TITLE: &str = "SWOT-анализ";
pub const SWOT_ADD: &str = "Добавить";
pub const SWOT_NEW_ITEM: &str = "Новый пункт";
pub const SWOT_OPEN_ANSWERS: &str = "Открытые ответы анкет";
pub const SWOT_OPEN_HINT: &str = "Перенесите ответ в квадрант кнопкой с его буквой.";
pub const SWOT_NO_ANSWERS: &str = "Открытых ответов пока нет.";
pub fn swot_to(q: crate::reports::Quadrant) -> String {
    format!("В «{}»", quadrant(q))
}

// The demo district talk («PROнаставничество»).
pub const STORY_TITLE: &str = "Наставничество в образовательных организациях района: итоги 2026 года";
pub const STORY_FORUM: &str = "Муниципальный форум «PROнаставничество»";
pub const STORY_NOTES_TITLE: &str = "Добрый день! Расскажу, как за год заработала целевая модель наставничества в районе и что показал мониторинг молодых педагогов.";
pub const STORY_NOTES_DISTRICT: &str = "579 педагогов, из них 114 моложе 35 лет и 46 молодых специалистов со стажем до 3 лет — это 8 %. Для них в первую очередь и строится наставничество.";
pub const STORY_NOTES_COVERAGE: &str = "Наставничество реализуют 26 организаций из 32 — 81 %. Справа — доля обучающихся в наставничестве по школам против федерального показателя 10 %.";
pub const STORY_NOTES_PILOT: &str = "Начинали с пилота в Лицее № 1: три наставника, три молодых педагога и куратор — семь участников.";
pub const STORY_NOTES_VARIANTS: &str = "Школа № 7 показывает масштаб: 100 обучающихся и 7 педагогов в шести моделях взаимодействия — от «успевающий – неуспевающий» до «коллега – молодой коллега».";
pub const STORY_NOTES_DIFFICULTIES: &str = "Главное — результат. На входе 31 % молодых педагогов называли основной трудностью документацию, на выходе 22 %. Подбор заданий разной степени трудности — 38 % и 23 %.";
pub const STORY_NOTES_ATTITUDE: &str = "66 % участников говорят, что их отношение к профессии улучшилось.";
pub const STORY_NOTES_KIRKPATRICK: &str = "Эффективность пилота оцениваем по четырём уровням Киркпатрика: реакция, обучение, поведение и результаты для школы.";
pub const STORY_NOTES_SWOT: &str = "SWOT-анализ куратора пилотной программы — из открытых ответов анкет.";
pub const STORY_NEXT_HEADING: &str = "Что дальше";
pub const STORY_NEXT_BODY: &str = "- Вовлечь в наставничество оставшиеся 6 организаций района\n- Довести охват обучающихся до 10 % в каждой школе\n- Повторить входное и выходное анкетирование молодых педагогов в 2027 году\n- Поощрить наставников: благодарственные письма и конкурс «Наставник года»";
pub const STORY_NOTES_NEXT: &str = "Спасибо! Готова ответить на вопросы.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(import_rows_bad(1), "1 строка с ошибками");
        assert_eq!(import_rows_bad(2), "2 строки с ошибками");
        assert_eq!(import_rows_bad(5), "5 строк с ошибками");
        assert_eq!(import_rows_ok(11), "11 строк без ошибок");
        assert_eq!(import_rows_ok(21), "21 строка без ошибок");
        assert_eq!(import_rows_ok(112), "112 строк без ошибок");
        assert_eq!(import_rows_ok(104), "104 строки без ошибок");
        assert_eq!(orgs_caption(15, 21), "15 из 21 организации (71 %)");
        assert_eq!(orgs_caption(15, 25), "15 из 25 организаций (60 %)");
        assert_eq!(involved_caption(1, 3), "Всего вовлечено: 1 обучающийся и 3 педагога");
        assert_eq!(err_too_long(1), "Не длиннее 1 символа");
        assert_eq!(err_too_long(300), "Не длиннее 300 символов");
    }

    #[test]
    fn a_snapshot_is_dated_in_the_districts_time_without_utc() {
        use crate::models::TimeZone;
        assert_eq!(deck_data_at("2026-11-22 10:00", TimeZone::Moscow), "Данные на 22.11.2026 13:00");
        assert_eq!(deck_data_at("2026-11-22 20:00", TimeZone::Novosibirsk), "Данные на 23.11.2026 03:00");
        assert!(!SV_COL_SUBMITTED.contains("UTC"));
    }

    #[test]
    fn a_veto_is_told_in_words_not_code() {
        use crate::matching::score::{Criterion, Veto};
        use crate::models::RelationshipKind;
        let relationship = veto(&Veto::Relationship(RelationshipKind::FormerClassTeacher));
        assert_eq!(relationship, "между ними есть прежние отношения (бывший классный руководитель)");
        assert_eq!(veto(&Veto::Required(Criterion::Subject)), "не выполнен обязательный критерий «Общий предмет»");
    }

    #[test]
    fn dates_read_day_month_year() {
        assert_eq!(super::date("2026-09-01"), "01.09.2026");
        assert_eq!(super::date("сентябрь"), "сентябрь");
    }
}

// ── A pair's year of work (issue 14) ────────────────────────────────────────────────────────
pub const ERR_DIARY_EMPTY: &str = "Ответьте хотя бы на один вопрос";
pub const ERR_DECISION: &str = "Выберите решение: завершить, продлить или прекратить досрочно";
pub const ERR_EXTENDED_PAST: &str = "Продлить можно только до даты позже сегодняшней";
pub fn decision(decision: crate::models::Decision) -> &'static str {
    use crate::models::Decision::*;
    match decision {
        Finished => "Завершена",
        Extended => "Продлена",
        EndedEarly => "Прекращена досрочно",
    }
}
/// The body of a letter of thanks: the programme, the mentees, what the pair did.
pub fn thanks_body(programme: &str, mentees: &[String], meetings_held: usize, plan_rows_done: usize, goals_reached: &[String]) -> String {
    let mut body = format!("Выражаем Вам искреннюю благодарность за наставническую работу в программе «{programme}»");
    if !mentees.is_empty() {
        let whom = if mentees.len() == 1 { "с наставляемым" } else { "с наставляемыми" };
        body.push_str(&format!(" {whom}: {}", mentees.join(", ")));
    }
    body.push('.');
    if meetings_held > 0 || plan_rows_done > 0 {
        body.push_str(&format!(
            " За время работы проведено {} и выполнено {} индивидуального плана.",
            counted(meetings_held, ["встреча", "встречи", "встреч"]),
            counted(plan_rows_done, ["пункт", "пункта", "пунктов"]),
        ));
    }
    let goals: Vec<&str> = goals_reached.iter().map(|g| g.trim().trim_end_matches('.')).filter(|g| !g.is_empty()).collect();
    if !goals.is_empty() {
        body.push_str(&format!(" Достигнуты результаты: {}.", goals.join("; ")));
    }
    body.push_str(" Ваш опыт, терпение и щедрость, с которыми Вы делитесь мастерством, помогают молодым коллегам и ученикам расти, а школе — сохранять лучшие традиции.");
    body
}
pub const THANKS_TITLE: &str = "Благодарственное письмо";
pub const PAIR_NOT_FIXED: &str = "Пара ещё не утверждена: встречи, план и дневник откроются, когда куратор утвердит пары";
pub const PAIR_FINISHED: &str = "Работа пары завершена: её план, встречи и дневник доступны только для чтения";
pub const PAIR_CURATOR_READS: &str = "Куратор видит работу пары и записи, которыми с ним поделились; изменять её могут наставник и наставляемый";
pub const MENTEE_CLOSED: &str = "Работа с этим наставляемым завершена: его план доступен только для чтения";
pub const REMOVED_MEANWHILE: &str = "Эту запись удалили, пока вы её редактировали. Ваш текст остался в форме — сохраните его как новую запись или закройте форму.";
pub fn changed_meanwhile(who: &str, at: &str) -> String {
    format!("{who} изменил(а) эту запись в {at}, пока вы её редактировали. Ваш текст остался в форме; его новая версия показана на странице. Сохраните ещё раз, чтобы заменить её своим.")
}
pub const PLAN_TEMPLATE_ACTIVITY: &str = "Уточнить вместе с наставником";
pub fn plan_started(rows: usize) -> String {
    format!("План начат: {}", counted(rows, ["строка", "строки", "строк"]))
}
pub fn plan_row_added(deficit: &str) -> String {
    format!("Добавлена строка «{deficit}»")
}
pub fn plan_row_changed(deficit: &str, done: bool) -> String {
    if done { format!("Строка «{deficit}» отмечена выполненной") } else { format!("Изменена строка «{deficit}»") }
}
pub fn plan_row_removed(deficit: &str) -> String {
    format!("Удалена строка «{deficit}»")
}
pub const PAIR_WORK_TITLE: &str = "Работа пары";
pub const PAIRS_WORK_TITLE: &str = "Работа пар";
pub const PAIR_TAB_MEETINGS: &str = "Встречи";
pub const PAIR_TAB_PLAN: &str = "План";
pub const PAIR_TAB_DIARY: &str = "Дневник";
pub const PAIR_TAB_COMPLETION: &str = "Итоги";
pub const OPEN_PAIR_WORK: &str = "Открыть работу пары";
pub const MENTOR: &str = "Наставник";
pub const STATUS: &str = "Статус";
pub const FLAGS: &str = "Требует внимания";
pub const REMINDERS: &str = "Напоминания";
pub const NO_REMINDERS: &str = "Напоминаний нет";
pub fn reminders_count(n: usize) -> String {
    counted(n, ["напоминание", "напоминания", "напоминаний"])
}
pub fn reminder_meeting_soon(topic: &str, day: &str) -> String {
    format!("Встреча {}: «{topic}»", date(day))
}
pub fn reminder_meeting_not_recorded(topic: &str, day: &str) -> String {
    format!("Встреча {} «{topic}» прошла, но не отмечена проведённой", date(day))
}
pub const MENTEES_COLUMN: &str = "Наставляемые";
pub fn reminder_plan_overdue(mentee: &str, count: usize) -> String {
    format!("План ({mentee}): просрочено {}", counted(count, ["пункт", "пункта", "пунктов"]))
}
pub fn reminder_questionnaire(title: &str) -> String {
    format!("Ждёт ответа анкета «{title}»")
}
pub const NEXT_MEETING: &str = "Следующая встреча";
pub const NONE_PLANNED: &str = "не запланирована";
pub const PLAN_PROGRESS: &str = "План";
pub fn plan_progress(done: usize, planned: usize) -> String {
    if planned == 0 { "пунктов пока нет".to_owned() } else { format!("выполнено {done} из {planned}") }
}
pub fn overdue_rows(n: usize) -> String {
    format!("просрочено: {}", counted(n, ["пункт", "пункта", "пунктов"]))
}
pub const MEETINGS_NOT_RECORDED: &str = "Прошедшие встречи без отметки";
pub fn pair_warning(warning: &crate::models::PairWarning) -> String {
    match warning {
        crate::models::PairWarning::Quiet { days } => format!("нет встреч {}", counted(*days, ["день", "дня", "дней"])),
        crate::models::PairWarning::OverdueMeetings { count } => format!("не отмечено встреч: {count}"),
    }
}
pub const CYCLE_AHEAD: &str = "Впереди по циклу встреч";
pub const CYCLE_DONE: &str = "Все встречи цикла проведены";
pub const PLAN_MEETING: &str = "Запланировать встречу";
pub const RECORD_MEETING: &str = "Записать проведённую встречу";
pub const PAIR_CALENDAR: &str = "Календарь встреч";
pub const NO_MEETINGS: &str = "Встреч пока нет";
pub const MEETING_HELD: &str = "проведена";
pub const MEETING_PLANNED: &str = "запланирована";
pub const MEETING_OVERDUE: &str = "прошла, не отмечена";
pub const MEETING_DONE_LABEL: &str = "Что сделано";
pub const MEETING_NEXT_LABEL: &str = "Следующий шаг";
pub const MARK_HELD: &str = "Отметить проведённой";
pub fn minutes(n: i64) -> String {
    counted(n, ["минута", "минуты", "минут"])
}
pub const CONFIRM_DELETE_MEETING: &str = "Удалить эту встречу?";
pub const CONFIRM_DELETE_ROW: &str = "Удалить эту строку плана?";
pub const CONFIRM_DELETE_ENTRY: &str = "Удалить эту запись дневника?";
pub const DRAFT_RESTORED: &str = "Восстановлен несохранённый текст с этого устройства.";
pub const F_MEETING_KIND: &str = "Вид встречи";
pub const F_DATE: &str = "Дата";
pub const F_MINUTES: &str = "Продолжительность, минут";
pub const F_MEETING_FORMAT: &str = "Формат";
pub const F_TOPIC: &str = "Тема";
pub const F_HELD: &str = "Встреча проведена";
pub const F_MEETING_DONE: &str = "Что сделано";
pub const F_NEXT_STEP: &str = "Следующий шаг";
pub const PLAN_OF: &str = "Индивидуальный план:";
pub const PLAN_NOT_STARTED: &str = "План ещё не начат.";
pub const PLAN_TEMPLATE_FROM: &str = "Он начнётся с запросов и дефицитов, записанных в карточке наставляемого:";
pub const PLAN_START: &str = "Начать план";
pub const PLAN_ADD_ROW: &str = "Добавить строку плана";
pub const PLAN_EDIT_ROW: &str = "Строка плана";
pub const PLAN_HISTORY: &str = "История изменений плана";
pub const DEADLINE: &str = "Срок";
pub const EXPECTED: &str = "Ожидаемый результат";
pub const DONE_ON: &str = "Выполнено";
pub const ROW_OVERDUE: &str = "Срок прошёл";
pub const ROW_IN_WORK: &str = "В работе";
pub const F_COMPETENCE: &str = "Компетенция";
pub const F_GOAL: &str = "Цель";
pub const F_DEFICIT: &str = "Дефицит (что нужно развить)";
pub const F_ACTIVITIES: &str = "Мероприятия";
pub const F_ROW_DONE: &str = "Выполнено";
pub const F_DONE_ON: &str = "Дата выполнения";
pub const F_DONE_NOTE: &str = "Короткая отметка";
pub const DIARY_NEW: &str = "Новая запись";
pub const DIARY_EMPTY: &str = "Записей пока нет";
pub const DIARY_PRIVATE_HINT: &str = "Запись видите только вы, пока не поделитесь ею с партнёром или куратором.";
pub const DIARY_CURATOR_SEES: &str = "Здесь только записи, которыми авторы поделились с куратором.";
pub const DIARY_WENT_WELL: &str = "Что получилось?";
pub const DIARY_WAS_HARD: &str = "Что было трудно?";
pub const DIARY_NEXT: &str = "Что дальше?";
pub const DIARY_SHARE: &str = "Кому показать";
pub const DIARY_SHARE_PARTNER: &str = "Партнёру по паре";
pub const DIARY_SHARE_CURATOR: &str = "Куратору";
pub const DIARY_SHARED_NOBODY: &str = "только автору";
pub const DIARY_SHARED_PARTNER: &str = "видна партнёру";
pub const DIARY_SHARED_CURATOR: &str = "видна куратору";
pub const DIARY_SHARED_BOTH: &str = "видна партнёру и куратору";
pub const DIARY_ENTRIES: &str = "Записей в дневнике";
pub const NO_OUTCOME_YET: &str = "Итог ещё не подведён";
pub const OUTCOME_TITLE: &str = "Итог и решение";
pub const OUTCOME_SAVE: &str = "Сохранить итог";
pub const F_DECISION: &str = "Решение";
pub const F_EXTENDED_TO: &str = "Продлить до";
pub const F_REASON: &str = "Причина";
pub const F_GOALS_REACHED: &str = "Достигнутые цели";
pub const F_CHANGES: &str = "Что изменилось";
pub const F_RECOMMENDATIONS: &str = "Рекомендации";
pub const UNTIL: &str = "до";
pub fn decision_verb(decision: crate::models::Decision) -> &'static str {
    use crate::models::Decision::*;
    match decision {
        Finished => "Завершить: цели достигнуты",
        Extended => "Продлить",
        EndedEarly => "Прекратить досрочно",
    }
}
pub const REVIEW_TITLE: &str = "Отзыв наставника";
pub const F_REVIEW: &str = "Отзыв наставника о наставляемом";
pub const REVIEW_HINT: &str = "Для личного дела: чему научился наставляемый, его сильные стороны, рекомендации.";
pub const REVIEW_SAVE: &str = "Сохранить отзыв";
pub const REVIEW_PRINT: &str = "Печать отзыва";
pub const NO_REVIEW_YET: &str = "Наставник ещё не написал отзыв";
pub const REVIEW_DOCUMENT_TITLE: &str = "Отзыв наставника";
pub fn review_about(mentee: &str, mentor: &str, programme: &str) -> String {
    format!("О наставляемом: {mentee}. Наставник: {mentor}. Программа «{programme}».")
}
pub const PRINT_OR_PDF: &str = "Печать или PDF";
pub const DOWNLOAD_DOCX: &str = "Скачать DOCX";
pub const THANKS_LETTERS: &str = "Благодарственные письма";
pub const THANKS_DOCX: &str = "Письма в DOCX";
pub const THANKS_NONE_CHOSEN: &str = "Наставники для благодарственных писем не выбраны: отметьте их в таблице «Работа пар».";
pub const THANKS_CHOSEN: &str = "Благодарность";
pub fn thanks_for(mentor: &str) -> String {
    format!("Благодарственное письмо: {mentor}")
}
pub const MEETINGS_HELD: &str = "Встреч проведено";
pub const LAST_MEETING: &str = "Последняя встреча";
pub fn flagged_pairs(flagged: usize, all: usize) -> String {
    if flagged == 0 { format!("Пар: {all}. Все работают по плану.") } else { format!("Пар: {all}. Требуют внимания: {flagged}.") }
}
pub fn board_finished(mentee: &str) -> String {
    format!("Работа пары с участником {mentee} завершена — её нельзя переместить")
}
pub const PRACTICES_TITLE: &str = "Банк лучших практик";
pub const NAV_PRACTICES: &str = "Практики";
pub const ALL_FORMS: &str = "Все формы";
pub const ALL_COMPETENCES: &str = "Все компетенции";
pub const SEARCH: &str = "Поиск по словам";
pub const FOR_FORUM_ONLY: &str = "Только отмеченные для форума";
pub const FOR_FORUM: &str = "Для форума";
pub const FORUM_MARK: &str = "Отметить для форума";
pub const FORUM_UNMARK: &str = "Снять отметку для форума";
pub const PRACTICE_PUBLISH: &str = "Опубликовать практику";
pub const PRACTICE_DELETE_CONFIRM: &str = "Убрать эту практику из банка?";
pub const PRACTICE_NO_PROGRAMME: &str = "Практика школы, не одной программы";
pub const F_PRACTICE_TITLE: &str = "Название практики";
pub const F_PRACTICE_PROGRAMME: &str = "Программа";
pub const F_WHAT_DONE: &str = "Что сделано";
pub const F_RESULTS: &str = "Результаты";
pub const F_MATERIALS: &str = "Материалы";
pub const MATERIALS_HINT: &str = "Ссылки на материалы или названия документов, которые хранятся в школе";
pub fn practices_found(n: usize) -> String {
    format!("Найдено: {}", counted(n, ["практика", "практики", "практик"]))
}
pub const FINAL_TITLE: &str = "Итоговый отчёт";
pub const FINAL_SHEET_FIGURES: &str = "Итоги";
pub const FINAL_SHEET_PAIRS: &str = "Пары";
pub const FINAL_PLAN_ROWS: &str = "Пунктов индивидуальных планов";
pub const FINAL_PLAN_DONE: &str = "Из них выполнено";
pub const FINAL_PLAN_PERCENT: &str = "Выполнение планов, %";
pub const FINAL_UNDECIDED: &str = "Наставляемых без решения";
pub const FINAL_NO_DECISION: &str = "Решение не принято";
pub const FINAL_MEETINGS_BY_KIND: &str = "Встречи по видам";
pub const FINAL_MENTEE: &str = "Наставляемый";
pub const FINAL_XLSX: &str = "Скачать XLSX";
pub const FINAL_PAIRS_HEADING: &str = "Пары и их результаты";
pub const FINAL_PRACTICES_HEADING: &str = "Лучшие практики программы";
pub const FINAL_NO_PRACTICES: &str = "Практики программы ещё не опубликованы";
pub const FINAL_NO_BEFORE_AFTER: &str = "Входная и итоговая анкеты ещё не проведены";
pub const SLIDE_MEETINGS: &str = "встречи наставнических пар";
pub const SLIDE_PLANS: &str = "выполнение индивидуальных планов";
pub const SLIDE_PRACTICES: &str = "Лучшие практики района";
pub const APP_DESCRIPTION: &str = "Наставничество в школе: пары, анкеты, отчёты и презентации";
pub fn sv_last_reached(at: &str) -> String {
    format!("Последняя связь с сервером: {at}")
}
pub fn sv_kiosk_idle(seconds: u64) -> String {
    format!("Анкету давно не заполняли. Если никто не коснётся экрана, через {} она будет закрыта без отправки, и киоск вернётся к вводу кода.", counted(seconds, ["секунду", "секунды", "секунд"]))
}
pub const SV_KIOSK_CONTINUE: &str = "Продолжить заполнение";
pub const SV_KIOSK_DROPPED: &str = "Предыдущую анкету закрыли без отправки: несколько минут никто не касался экрана.";
pub const SV_STORAGE_NOT_PERSISTENT: &str = "Браузер не обещал хранить данные этого киоска постоянно: при нехватке места он может удалить ответы, ожидающие отправки. Установите Наставник на главный экран планшета или разрешите хранение в настройках сайта.";
