//! A kiosk that starts respondents with the network gone: it holds its wave's personal codes
//! as salted, stretched digests — never in clear — and checks a typed code against them on the
//! device. The server checks every code again when the answers arrive, so a digest list
//! copied off a tablet opens nothing the server would not refuse; stretching makes trying all
//! million six-digit codes against it cost minutes of computing, not milliseconds.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Rounds of SHA-256 per code: a few milliseconds on a tablet for one typed code.
pub const ROUNDS: u32 = 2_000;

/// What a kiosk keeps to check codes offline: one salt per kiosk page, one digest per code.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CodeCheck {
    pub salt: String,
    pub rounds: u32,
    /// Sorted, so the list says nothing of the order codes were issued in.
    pub digests: Vec<String>,
}

/// The stretched digest of one code under `salt`.
pub fn digest(salt: &str, code: &str, rounds: u32) -> String {
    let mut state: [u8; 32] = Sha256::digest(format!("{salt}:{code}").as_bytes()).into();
    for _ in 1..rounds {
        let mut next = Sha256::new();
        next.update(salt.as_bytes());
        next.update(state);
        state = next.finalize().into();
    }
    hex::encode(&state[..16])
}

impl CodeCheck {
    /// The check for `codes` under a fresh `salt`.
    pub fn new<'a>(salt: &str, codes: impl IntoIterator<Item = &'a str>) -> CodeCheck {
        let mut digests: Vec<String> = codes.into_iter().map(|code| digest(salt, code, ROUNDS)).collect();
        digests.sort();
        CodeCheck { salt: salt.to_owned(), rounds: ROUNDS, digests }
    }

    /// Whether a (normalised) code is one of the wave's.
    pub fn knows(&self, code: &str) -> bool {
        self.digests.binary_search(&digest(&self.salt, code, self.rounds)).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kiosk_knows_its_waves_codes_without_holding_them() {
        let check = CodeCheck::new("соль-1", ["123456", "654321"]);
        assert!(check.knows("123456") && check.knows("654321"));
        assert!(!check.knows("123457"));
        let text = serde_json::to_string(&check).expect("json");
        assert!(!text.contains("123456") && !text.contains("654321"), "no code in clear: {text}");
        // Another salt, other digests: one kiosk's list says nothing of another's.
        let other = CodeCheck::new("соль-2", ["123456"]);
        assert!(!other.digests.iter().any(|d| check.digests.contains(d)));
        assert_eq!(check.rounds, ROUNDS);
    }
}
