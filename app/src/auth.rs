//! Passwords, session tokens and the login throttle (server only).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "nastavnik_session";
/// How long a session lasts.
pub const SESSION_TTL_SECONDS: i64 = 12 * 60 * 60;

/// Hashes a password with argon2id and a random salt.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default().hash_password(password.as_bytes(), &salt)?.to_string())
}

/// Checks a password against a stored hash; a malformed hash never verifies.
pub fn verify_password(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
        .unwrap_or(false)
}

/// A fresh random session token (goes in the cookie, never in the database).
pub fn new_session_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The `Set-Cookie` value that starts a session.
pub fn session_cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={SESSION_TTL_SECONDS}{secure}")
}

/// The `Set-Cookie` value that ends a session.
pub fn expired_cookie(secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}

/// Finds the session token in a `Cookie` header.
pub fn token_from_cookie_header(header: &str) -> Option<&str> {
    cookie_from_header(header, SESSION_COOKIE)
}

/// Finds a non-empty cookie by name in a `Cookie` header.
pub fn cookie_from_header<'a>(header: &'a str, cookie: &str) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == cookie)
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

/// The cookie of a shared tablet turned into a kiosk for one wave. It opens nothing but that
/// wave's questionnaire.
pub const KIOSK_COOKIE: &str = "nastavnik_kiosk";
/// A kiosk lasts a school day at most.
pub const KIOSK_TTL_SECONDS: i64 = 12 * 60 * 60;

/// The `Set-Cookie` value that makes this device a kiosk (`None`: stops it).
pub fn kiosk_cookie(token: Option<&str>, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    let (value, age) = match token {
        Some(token) => (token, KIOSK_TTL_SECONDS),
        None => ("", 0),
    };
    format!("{KIOSK_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={age}{secure}")
}

/// Slows down password guessing: after `FREE_ATTEMPTS` failures for one login, each further
/// attempt waits twice as long as the last, up to `MAX_LOCK`.
#[derive(Debug, Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<String, Failures>>,
}

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    locked_until: Instant,
    last: Instant,
}

/// Failures older than this are forgotten: a shared kiosk's typos of a morning do not lock it
/// in the afternoon, and nothing but time clears a guesser's count.
const FORGET_AFTER: Duration = Duration::from_secs(30 * 60);

const FREE_ATTEMPTS: u32 = 5;
const FIRST_LOCK: Duration = Duration::from_secs(30);
const MAX_LOCK: Duration = Duration::from_secs(15 * 60);

impl LoginThrottle {
    /// `Err(seconds)` while this login is locked.
    pub fn check(&self, login: &str, now: Instant) -> Result<(), u64> {
        let failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        match failures.get(&login.to_lowercase()) {
            Some(f) if f.locked_until > now => Err((f.locked_until - now).as_secs().max(1)),
            _ => Ok(()),
        }
    }

    /// Records a wrong password.
    pub fn failed(&self, login: &str, now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let entry = failures
            .entry(login.to_lowercase())
            .or_insert(Failures { count: 0, locked_until: now, last: now });
        if now.saturating_duration_since(entry.last) > FORGET_AFTER {
            entry.count = 0;
        }
        entry.last = now;
        entry.count += 1;
        if entry.count >= FREE_ATTEMPTS {
            let doublings = (entry.count - FREE_ATTEMPTS).min(10);
            entry.locked_until = now + (FIRST_LOCK * 2u32.pow(doublings)).min(MAX_LOCK);
        }
    }

    /// Forgets the failures of a login that succeeded.
    pub fn succeeded(&self, login: &str) {
        self.failures.lock().unwrap_or_else(|p| p.into_inner()).remove(&login.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_hash_only() {
        let hash = hash_password("верный-пароль").expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("верный-пароль", &hash));
        assert!(!verify_password("неверный", &hash));
        assert!(!verify_password("верный-пароль", "not a hash"));
    }

    #[test]
    fn tokens_are_random_and_stored_only_as_hashes() {
        let (a, b) = (new_session_token(), new_session_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_ne!(token_hash(&a), a);
    }

    #[test]
    fn the_cookie_is_http_only_same_site_and_secure_only_over_tls() {
        assert!(session_cookie("t", false).contains("HttpOnly; SameSite=Lax"));
        assert!(!session_cookie("t", false).contains("Secure"));
        assert!(session_cookie("t", true).ends_with("; Secure"));
    }

    #[test]
    fn the_token_is_found_among_other_cookies() {
        let header = format!("theme=dark; {SESSION_COOKIE}=abc123; x=1");
        assert_eq!(token_from_cookie_header(&header), Some("abc123"));
        assert_eq!(token_from_cookie_header("theme=dark"), None);
    }

    #[test]
    fn five_failures_lock_a_login_and_the_lock_grows() {
        let throttle = LoginThrottle::default();
        let start = Instant::now();
        for _ in 0..4 {
            throttle.failed("Curator", start);
        }
        assert_eq!(throttle.check("curator", start), Ok(()));
        throttle.failed("curator", start);
        assert_eq!(throttle.check("CURATOR", start), Err(30));
        throttle.failed("curator", start);
        assert_eq!(throttle.check("curator", start), Err(60));
        assert_eq!(throttle.check("curator", start + Duration::from_secs(61)), Ok(()));
        assert_eq!(throttle.check("someone-else", start), Ok(()));
        throttle.succeeded("curator");
        assert_eq!(throttle.check("curator", start), Ok(()));
        // Failures half an hour old are forgotten: the count starts again.
        for n in 0..5 {
            throttle.failed("kiosk", start + Duration::from_secs(n));
        }
        assert!(throttle.check("kiosk", start + Duration::from_secs(5)).is_err());
        let later = start + Duration::from_secs(3 * 3600);
        throttle.failed("kiosk", later);
        assert_eq!(throttle.check("kiosk", later), Ok(()), "one fresh failure locks nothing");
    }
}
