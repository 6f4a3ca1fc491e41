//! Passwords, session tokens and the login throttle (server only).

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

/// How failures of one kind are counted: `free` failures pass, then each further one locks for
/// twice as long as the last, from `first_lock` up to `max_lock` seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub free: i64,
    pub first_lock: i64,
    pub max_lock: i64,
}

/// One client guessing one account's secret: the tight limit of old.
pub const PER_CLIENT_AND_ACCOUNT: Limit = Limit { free: 5, first_lock: 30, max_lock: 15 * 60 };
/// One account guessed at from many addresses: a guesser spread over a botnet is slowed, and
/// one guesser alone cannot lock the owner out (their own pair locks them long before).
pub const PER_ACCOUNT: Limit = Limit { free: 50, first_lock: 30, max_lock: 15 * 60 };
/// One address guessing many accounts: generous, since a school's staff share one address.
pub const PER_CLIENT: Limit = Limit { free: 100, first_lock: 30, max_lock: 15 * 60 };

/// Failures idle this long are forgotten: a shared kiosk's typos of a morning do not lock it in
/// the afternoon, and nothing but time clears a guesser's count.
pub const FORGET_AFTER_SECONDS: i64 = 30 * 60;

/// The failures counted under one key (all times in unix seconds).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Failures {
    pub count: i64,
    pub last: i64,
    pub locked_until: i64,
}

impl Failures {
    /// `Some(seconds)` to wait while locked.
    pub fn locked(&self, now: i64) -> Option<u64> {
        (self.locked_until > now).then(|| (self.locked_until - now) as u64)
    }

    /// The count after one more failure at `now`.
    pub fn after_failure(self, limit: Limit, now: i64) -> Failures {
        let count = if now - self.last > FORGET_AFTER_SECONDS { 1 } else { self.count + 1 };
        let locked_until = if count >= limit.free {
            let doublings = (count - limit.free).min(20) as u32;
            now + limit.first_lock.saturating_mul(1 << doublings).min(limit.max_lock)
        } else {
            self.locked_until
        };
        Failures { count, last: now, locked_until }
    }
}

/// What a throttle counts for one guess: the client and the account together, the account
/// alone and the client alone, each under its own limit and per kind of secret (pupils' typos
/// at a school's kiosks never lock its teachers' logins). Keys are SHA-256 of what they name,
/// so a key's size is fixed whatever was typed as a login. Without a known address (a test's
/// request, a local socket) only the account is counted, under the tight limit.
pub fn throttle_keys(scope: &str, account: &str, client: Option<std::net::IpAddr>) -> Vec<(String, Limit)> {
    let key = |text: String| hex::encode(Sha256::digest(text.as_bytes()));
    let account = account.trim().to_lowercase();
    match client.map(client_prefix) {
        None => vec![(key(format!("{scope}\n{account}")), PER_CLIENT_AND_ACCOUNT)],
        Some(client) => vec![
            (key(format!("{scope}\n{account}\n{client}")), PER_CLIENT_AND_ACCOUNT),
            (key(format!("{scope}\n{account}")), PER_ACCOUNT),
            (key(format!("{scope}\nclient\n{client}")), PER_CLIENT),
        ],
    }
}

/// An IPv6 client is counted by its /64 (one household or school holds a whole /64, and a
/// guesser would otherwise take a fresh address per guess); IPv4 by its address.
fn client_prefix(address: std::net::IpAddr) -> String {
    match address {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// At most this many argon2 checks run at once (each takes ~19 MiB and tens of milliseconds):
/// a flood of logins waits its turn on the blocking pool instead of exhausting memory and
/// threads, and the async workers never run one.
fn password_checks() -> &'static tokio::sync::Semaphore {
    static CHECKS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    CHECKS.get_or_init(|| tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()).max(2)))
}

/// How long a password check waits for its turn before the server says it is busy.
const CHECK_QUEUE: std::time::Duration = std::time::Duration::from_secs(10);

/// Runs `check` (an argon2 hash or verification) on the blocking pool, at most a few at once;
/// `Busy` when the queue did not move for `CHECK_QUEUE`.
pub async fn run_password_check<T: Send + 'static>(check: impl FnOnce() -> T + Send + 'static) -> Result<T, crate::error::AppError> {
    run_in_turn(password_checks(), CHECK_QUEUE, check).await
}

/// Runs `check` on the blocking pool once one of `turns` is free, waiting at most `wait`.
async fn run_in_turn<T: Send + 'static>(
    turns: &tokio::sync::Semaphore,
    wait: std::time::Duration,
    check: impl FnOnce() -> T + Send + 'static,
) -> Result<T, crate::error::AppError> {
    use crate::error::AppError;
    let permit = tokio::time::timeout(wait, turns.acquire()).await.map_err(|_| AppError::Busy)?.map_err(AppError::internal)?;
    let result = tokio::task::spawn_blocking(check).await.map_err(AppError::internal);
    drop(permit);
    result
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
    fn five_failures_lock_and_the_lock_grows_then_idle_failures_are_forgotten() {
        let limit = PER_CLIENT_AND_ACCOUNT;
        let start = 1_000_000;
        let mut failures = Failures::default();
        for n in 0..4 {
            failures = failures.after_failure(limit, start + n);
            assert_eq!(failures.locked(start + n), None, "failure {} locks nothing", n + 1);
        }
        failures = failures.after_failure(limit, start + 4);
        assert_eq!(failures.locked(start + 4), Some(30));
        failures = failures.after_failure(limit, start + 4);
        assert_eq!(failures.locked(start + 4), Some(60), "each further failure doubles the lock");
        assert_eq!(failures.locked(start + 65), None);
        for _ in 0..30 {
            failures = failures.after_failure(limit, start + 100);
        }
        assert_eq!(failures.locked(start + 100), Some(15 * 60), "the lock stops growing at 15 minutes");
        // Half an hour after the last failure the count starts again: one typo locks nothing.
        let later = start + 100 + FORGET_AFTER_SECONDS + 1;
        let fresh = failures.after_failure(limit, later);
        assert_eq!((fresh.count, fresh.locked(later)), (1, None));
    }

    #[test]
    fn keys_have_a_fixed_size_whatever_is_typed_and_part_the_client_from_the_account() {
        let long_login = "я".repeat(1 << 20);
        let address: std::net::IpAddr = "10.1.2.3".parse().expect("address");
        let keys = throttle_keys("login", &long_login, Some(address));
        assert_eq!(keys.len(), 3);
        assert!(keys.iter().all(|(key, _)| key.len() == 64));
        // The same login in another case, from the same client: the same keys.
        assert_eq!(throttle_keys("login", "Curator", Some(address)), throttle_keys("login", " curator", Some(address)));
        // Another client guessing the same account shares only the account's key.
        let other = throttle_keys("login", "curator", Some("10.9.9.9".parse().expect("address")));
        let mine = throttle_keys("login", "curator", Some(address));
        assert_ne!(other[0], mine[0]);
        assert_eq!(other[1], mine[1]);
        assert_ne!(other[2], mine[2]);
        // Two addresses of one IPv6 /64 are one client.
        let a = throttle_keys("login", "x", Some("2001:db8:1:2::1".parse().expect("v6")));
        let b = throttle_keys("login", "x", Some("2001:db8:1:2:ffff::9".parse().expect("v6")));
        assert_eq!(a, b);
        assert_eq!(throttle_keys("login", "x", None).len(), 1);
    }

    #[tokio::test]
    async fn password_checks_wait_their_turn_and_a_full_queue_says_busy() {
        use std::time::Duration;
        let turns = tokio::sync::Semaphore::new(1);
        let (started, release) = (std::sync::mpsc::channel::<()>(), std::sync::mpsc::channel::<()>());
        let (started_tx, started_rx) = started;
        let (release_tx, release_rx) = release;
        // One check holds the only turn.
        let holder = run_in_turn(&turns, Duration::from_secs(1), move || {
            started_tx.send(()).expect("started");
            release_rx.recv().expect("released");
            "first"
        });
        let waiting = async {
            tokio::task::spawn_blocking(move || started_rx.recv().expect("the first began")).await.expect("join");
            // A second one waits for the turn in vain, and the server says it is busy.
            let busy = run_in_turn(&turns, Duration::from_millis(50), || "second").await;
            release_tx.send(()).expect("release");
            busy
        };
        let (first, second) = tokio::join!(holder, waiting);
        assert_eq!(first, Ok("first"));
        assert_eq!(second, Err(crate::error::AppError::Busy));
        // With the turn free again, a check runs.
        assert_eq!(run_in_turn(&turns, Duration::from_millis(50), || "third").await, Ok("third"));
    }
}
