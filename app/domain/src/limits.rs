//! How large a request may be, in one place (ARCHITECTURE.md, «Limits on what comes in»). Each
//! limit is the largest valid input of its kind with room to spare, so nothing valid is ever
//! refused for its size, and anything larger is refused before it is read (413, in Russian).

const MIB: usize = 1024 * 1024;
/// Room for a form's other fields and the multipart framing around an uploaded file.
const FORM_ROOM: usize = 64 * 1024;

/// Largest participant list uploaded for import.
pub const IMPORT_FILE_BYTES: usize = 10 * MIB;
/// Every JSON request but a deck's: the largest valid questionnaire (200 questions of 40
/// options, Cyrillic) is about 3.4 MB, an import batch of 200 full rows about 2 MB.
pub const JSON_REQUEST_BYTES: usize = 4 * MIB;
/// Saving a deck: its images together are at most `reports::deck::IMAGES_TOTAL_MAX`.
pub const DECK_REQUEST_BYTES: usize = 16 * MIB;
/// Uploading a participant list.
pub const IMPORT_REQUEST_BYTES: usize = IMPORT_FILE_BYTES + FORM_ROOM;
/// Registering a document with its signed scan, or attaching the scan later.
pub const DOCUMENT_REQUEST_BYTES: usize = crate::models::MAX_SCAN_BYTES + FORM_ROOM;

/// The limit for a request to the server function at `/api/{endpoint}`.
pub fn request_limit(endpoint: &str) -> usize {
    match endpoint {
        "decks/save" => DECK_REQUEST_BYTES,
        "import/preview" => IMPORT_REQUEST_BYTES,
        "documents/add" | "documents/scan" => DOCUMENT_REQUEST_BYTES,
        _ => JSON_REQUEST_BYTES,
    }
}

/// A control character no form has a use for: C0 controls but tab, line feed and carriage
/// return (NUL among them, which PostgreSQL cannot store), DEL and the C1 controls.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Whether a JSON body carries such a character in any string, written as a `\u` escape (JSON
/// has no other way to carry one; a raw one makes the body unreadable anyway). Checked on every
/// body before any server function reads it, so no text field anywhere can take one.
pub fn json_has_forbidden_control(body: &[u8]) -> bool {
    let mut at = 0;
    while at < body.len() {
        if body[at] == b'\\' {
            if body.get(at + 1) == Some(&b'u') {
                let code = body.get(at + 2..at + 6).and_then(|hex| std::str::from_utf8(hex).ok()).and_then(|hex| u32::from_str_radix(hex, 16).ok());
                if code.and_then(char::from_u32).is_some_and(is_forbidden_control) {
                    return true;
                }
            }
            at += 2; // the escaped character is never the start of another escape
        } else {
            // Raw UTF-8: DEL and C1 controls written as themselves.
            if body[at] == 0x7F || (body[at] == 0xC2 && body.get(at + 1).is_some_and(|b| (0x80..=0x9F).contains(b))) {
                return true;
            }
            at += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_in_json_however_they_are_written() {
        assert!(json_has_forbidden_control(br#"{"name":"a\u0000b"}"#));
        assert!(json_has_forbidden_control(br#"{"name":"\u001B[31m"}"#));
        assert!(json_has_forbidden_control("{\"name\":\"a\u{7f}\"}".as_bytes()));
        assert!(json_has_forbidden_control("{\"name\":\"a\u{85}\"}".as_bytes()));
        // Lines and tabs are text; an escaped backslash followed by "u0000" is six characters.
        assert!(!json_has_forbidden_control(br#"{"text":"one\ntwo\tthree\r\n"}"#));
        assert!(!json_has_forbidden_control(br#"{"path":"C:\\u0000"}"#));
        assert!(!json_has_forbidden_control("{\"name\":\"Ёлкина — «школа» 💥\"}".as_bytes()));
    }

    #[test]
    fn the_largest_valid_questionnaire_fits_its_request() {
        use crate::surveys::LIMITS;
        use crate::surveys::{Choice, Definition, Question, QuestionKind, Section};
        // Each option as long as allowed and different from the others.
        let label = |id: u16| format!("{id:03}{}", "я".repeat(LIMITS.option_label - 3));
        let questions: Vec<Question> = (0..LIMITS.questions)
            .map(|i| Question {
                key: format!("q{i}"),
                text: "ж".repeat(LIMITS.question_text),
                hint: String::new(),
                required: true,
                kind: QuestionKind::SingleChoice { options: (1..=LIMITS.options as u16).map(|id| Choice { id, label: label(id) }).collect() },
                only_in: None,
                level: None,
            })
            .collect();
        let definition = Definition { title: "т".repeat(LIMITS.title), intro: String::new(), sections: vec![Section { title: String::new(), questions }] };
        assert_eq!(definition.check(), Ok(()));
        let body = serde_json::to_vec(&serde_json::json!({ "id": 1, "definition": definition })).expect("json");
        assert!(body.len() < JSON_REQUEST_BYTES, "{} bytes", body.len());
    }
}
