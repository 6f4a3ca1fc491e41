//! Accounts as people type them: a login, a name, a password chosen twice, and the first run
//! that creates a district with its first coordinator. Parsed here once, for the browser (the
//! form says what is wrong at once) and the server (which trusts nothing it is sent).

use serde::{Deserialize, Serialize};

use super::TimeZone;
use crate::i18n::ru;
use crate::FieldErrors;

/// The shortest password accepted: long enough that a phrase is easier than a guessable word.
pub const PASSWORD_MIN_CHARS: usize = 10;
/// Longer input is refused before hashing, so nobody can make the server hash megabytes.
pub const PASSWORD_MAX_CHARS: usize = 200;

/// Passwords people pick first (of the accepted length), in lower case: refused outright.
/// Kept as data, one per line.
const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// A login: 3–32 Latin letters, digits, dots, hyphens or underscores, starting with a letter;
/// stored in lower case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Login(String);

impl Login {
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let login = raw.trim().to_lowercase();
        if login.is_empty() {
            return Err(ru::ERR_NAME_REQUIRED);
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_');
        let starts_with_letter = login.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if !(3..=32).contains(&login.chars().count()) || !starts_with_letter || !login.chars().all(allowed) {
            return Err(ru::ERR_LOGIN);
        }
        Ok(Login(login))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Login {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks a new password against the rules shown next to the field: at least
/// `PASSWORD_MIN_CHARS` characters, not the login, not a common password, typed the same twice.
/// Messages are keyed `password` and `password_again`.
pub fn check_new_password(login: &str, password: &str, again: &str) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let folded = password.to_lowercase();
    let length = password.chars().count();
    let problem = if length < PASSWORD_MIN_CHARS {
        Some(ru::ERR_PASSWORD_SHORT)
    } else if length > PASSWORD_MAX_CHARS {
        Some(ru::ERR_PASSWORD_LONG)
    } else if !login.trim().is_empty() && folded.contains(&login.trim().to_lowercase()) {
        Some(ru::ERR_PASSWORD_LOGIN)
    } else if is_common(&folded) {
        Some(ru::ERR_PASSWORD_COMMON)
    } else {
        None
    };
    if let Some(problem) = problem {
        errors.insert("password".into(), problem.into());
    } else if password != again {
        errors.insert("password_again".into(), ru::ERR_PASSWORD_AGAIN.into());
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// A listed common password, or one character repeated, or a run of the keyboard's digits.
fn is_common(folded: &str) -> bool {
    let mut chars = folded.chars();
    let first = chars.next();
    if first.is_some() && chars.all(|c| Some(c) == first) {
        return true;
    }
    COMMON_PASSWORDS.lines().map(str::trim).any(|common| !common.is_empty() && common == folded)
}

/// A login made from a person's name: the last name and the first name's initial in Latin
/// letters («Щукина Юлия» → `shchukina.i`), `suffix` appended when that one is taken.
pub fn login_for(last_name: &str, first_name: &str, suffix: u32) -> Login {
    let keep = |c: &char| c.is_ascii_lowercase() || c.is_ascii_digit();
    let last: String = super::text::latin(last_name).chars().filter(keep).take(24).collect();
    let initial: String = super::text::latin(first_name).chars().filter(keep).take(1).collect();
    let mut login = if last.is_empty() { "user".to_owned() } else { last };
    if !initial.is_empty() {
        login = format!("{login}.{initial}");
    }
    if suffix > 1 {
        login = format!("{login}{suffix}");
    }
    Login(login)
}

/// How a person's access stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Access {
    /// No account yet.
    None,
    /// An invitation waits until this moment (RFC 3339, UTC); no password is set.
    Invited { until: String },
    /// The person has set a password.
    Active,
    Disabled,
}

/// A printed slip: whose it is, the login and the one-time invitation code, and until when.
/// The code is shown once, when it is made; only its hash is kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationSlip {
    pub name: String,
    pub login: String,
    pub code: String,
    /// RFC 3339, UTC: shown in the district's time zone.
    pub until: String,
}

/// The first entry with an invitation code, as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WelcomeInput {
    pub login: String,
    pub code: String,
    pub password: String,
    pub password_again: String,
}

/// A first entry, checked: whose, which code, and the chosen password.
#[derive(Clone, Debug, PartialEq)]
pub struct Welcome {
    pub login: Login,
    pub code: String,
    pub password: String,
}

impl Welcome {
    pub fn parse(input: &WelcomeInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let login = Login::parse(&input.login).map_err(|e| errors.insert("login".into(), e.into())).ok();
        let code = invitation_digits(&input.code);
        if code.is_empty() {
            errors.insert("code".into(), ru::ERR_INVITATION_REQUIRED.into());
        }
        if let Err(password_errors) = check_new_password(&input.login, &input.password, &input.password_again) {
            errors.extend(password_errors);
        }
        match login {
            Some(login) if errors.is_empty() => Ok(Welcome { login, code, password: input.password.clone() }),
            _ => Err(errors),
        }
    }
}

/// The digits of a code as typed with spaces or dashes («1234-5678»).
pub fn invitation_digits(typed: &str) -> String {
    typed.chars().filter(char::is_ascii_digit).collect()
}

/// A change of one's own password, as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PasswordChangeInput {
    pub current: String,
    pub password: String,
    pub password_again: String,
}

/// A line of the audit log: when (RFC 3339, UTC), who, and what was done in words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditLine {
    pub at: String,
    pub user_name: String,
    pub summary: String,
}

/// The first-run form as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FirstRunInput {
    pub setup_code: String,
    pub district_name: String,
    /// A `TimeZone` code.
    pub time_zone: String,
    pub login: String,
    pub display_name: String,
    pub password: String,
    pub password_again: String,
}

/// The first run, checked: a district and its first coordinator.
#[derive(Clone, Debug, PartialEq)]
pub struct FirstRun {
    pub setup_code: String,
    pub district_name: String,
    pub time_zone: TimeZone,
    pub login: Login,
    pub display_name: String,
    pub password: String,
}

impl FirstRun {
    /// Every field checked at once, each message next to its field.
    pub fn parse(input: &FirstRunInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let setup_code: String = input.setup_code.chars().filter(char::is_ascii_digit).collect();
        if setup_code.is_empty() {
            errors.insert("setup_code".into(), ru::ERR_SETUP_CODE_REQUIRED.into());
        }
        let district_name = required_text(&input.district_name, "district_name", &mut errors);
        let time_zone = TimeZone::from_code(&input.time_zone).unwrap_or_else(|| {
            errors.insert("time_zone".into(), ru::ERR_TIME_ZONE.into());
            TimeZone::default()
        });
        let login = Login::parse(&input.login).map_err(|e| errors.insert("login".into(), e.into())).ok();
        let display_name = required_text(&input.display_name, "display_name", &mut errors);
        if let Err(password_errors) = check_new_password(&input.login, &input.password, &input.password_again) {
            errors.extend(password_errors);
        }
        match login {
            Some(login) if errors.is_empty() => Ok(FirstRun {
                setup_code,
                district_name,
                time_zone,
                login,
                display_name,
                password: input.password.clone(),
            }),
            _ => Err(errors),
        }
    }
}

/// Trimmed text of at most 200 characters, required.
fn required_text(raw: &str, field: &str, errors: &mut FieldErrors) -> String {
    let text = super::text::clean(raw).unwrap_or_default();
    if text.is_empty() {
        errors.insert(field.into(), ru::ERR_NAME_REQUIRED.into());
    } else if text.chars().count() > 200 {
        errors.insert(field.into(), ru::ERR_TEXT_LONG.into());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_follow_the_rules_shown_next_to_the_field() {
        let refused = |login: &str, password: &str| check_new_password(login, password, password).unwrap_err()["password"].clone();
        assert_eq!(refused("kurator", "короткий"), ru::ERR_PASSWORD_SHORT);
        assert_eq!(refused("kurator", "Kurator2026!"), ru::ERR_PASSWORD_LOGIN);
        assert_eq!(refused("kurator", "1234567890"), ru::ERR_PASSWORD_COMMON);
        assert_eq!(refused("kurator", "QWERTYUIOP"), ru::ERR_PASSWORD_COMMON);
        assert_eq!(refused("kurator", "йцукенгшщз"), ru::ERR_PASSWORD_COMMON);
        assert_eq!(refused("kurator", "ааааааааааа"), ru::ERR_PASSWORD_COMMON);
        assert_eq!(refused("kurator", &"я".repeat(201)), ru::ERR_PASSWORD_LONG);
        let mismatch = check_new_password("kurator", "сирень цветёт в мае", "сирень цветет в мае").unwrap_err();
        assert_eq!(mismatch["password_again"], ru::ERR_PASSWORD_AGAIN);
        assert!(!mismatch.contains_key("password"));
        assert_eq!(check_new_password("kurator", "сирень цветёт в мае", "сирень цветёт в мае"), Ok(()));
    }

    #[test]
    fn logins_are_latin_lower_case_and_start_with_a_letter() {
        assert_eq!(Login::parse("  Ivanova.AV ").map(|l| l.to_string()), Ok("ivanova.av".into()));
        assert_eq!(Login::parse("ив"), Err(ru::ERR_LOGIN));
        assert_eq!(Login::parse("иванова"), Err(ru::ERR_LOGIN));
        assert_eq!(Login::parse("1kurator"), Err(ru::ERR_LOGIN));
        assert_eq!(Login::parse("kurator one"), Err(ru::ERR_LOGIN));
        assert_eq!(Login::parse(""), Err(ru::ERR_NAME_REQUIRED));
    }

    #[test]
    fn logins_made_from_names_are_valid_and_told_apart_by_a_suffix() {
        assert_eq!(login_for("Щукина", "Юлия", 1).as_str(), "shchukina.i");
        assert_eq!(login_for("Щукина", "Юлия", 2).as_str(), "shchukina.i2");
        assert_eq!(login_for("Д'Артаньян", "", 1).as_str(), "dartanian");
        assert_eq!(login_for("", "", 1).as_str(), "user");
        for login in [login_for("Щукина", "Юлия", 3), login_for("Оглы-Мамедов", "Эльчин", 1), login_for("Ь", "Ъ", 1)] {
            assert_eq!(Login::parse(login.as_str()), Ok(login.clone()), "{login}");
        }
    }

    #[test]
    fn a_first_entry_needs_the_code_and_a_good_password() {
        let errors = Welcome::parse(&WelcomeInput { login: "molodoy1".into(), ..Default::default() }).unwrap_err();
        assert_eq!(errors["code"], ru::ERR_INVITATION_REQUIRED);
        assert_eq!(errors["password"], ru::ERR_PASSWORD_SHORT);
        let ok = Welcome::parse(&WelcomeInput {
            login: "Molodoy1".into(),
            code: "1234 5678".into(),
            password: "сирень цветёт в мае".into(),
            password_again: "сирень цветёт в мае".into(),
        });
        assert_eq!(ok.map(|w| (w.login.to_string(), w.code)), Ok(("molodoy1".into(), "12345678".into())));
    }

    #[test]
    fn a_first_run_names_every_wrong_field_at_once() {
        let errors = FirstRun::parse(&FirstRunInput { time_zone: "Mars/Olympus".into(), login: "я".into(), ..Default::default() }).unwrap_err();
        for field in ["setup_code", "district_name", "time_zone", "login", "display_name", "password"] {
            assert!(errors.contains_key(field), "{field}: {errors:?}");
        }
        let good = FirstRunInput {
            setup_code: "123-456-789".into(),
            district_name: " Северный   район ".into(),
            time_zone: "Asia/Yekaterinburg".into(),
            login: "Metodist".into(),
            display_name: "Смирнова Ольга Петровна".into(),
            password: "сирень цветёт в мае".into(),
            password_again: "сирень цветёт в мае".into(),
        };
        let run = FirstRun::parse(&good).expect("valid");
        assert_eq!((run.setup_code.as_str(), run.district_name.as_str(), run.time_zone, run.login.as_str()), ("123456789", "Северный район", TimeZone::Yekaterinburg, "metodist"));
    }
}
