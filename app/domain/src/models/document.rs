//! The register of a school's documents (stage 1 and stage 5 of the target model) and the
//! details an order is signed with.

use serde::{Deserialize, Serialize};

use super::coded_enum;
use crate::i18n::ru;
use crate::FieldErrors;

coded_enum! {
    /// Which document of the register.
    DocumentKind {
        /// Приказ о внедрении целевой модели наставничества.
        ImplementationOrder = "implementation_order",
        /// Положение о наставничестве.
        Regulation = "regulation",
        /// Дорожная карта.
        Roadmap = "roadmap",
        /// Приказ об утверждении программы наставничества.
        ProgrammeOrder = "programme_order",
        /// Приказ о закреплении наставнических пар.
        PairsOrder = "pairs_order",
    }
}

/// The number and date an order is signed with, and who signs it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderDetails {
    pub number: String,
    /// `YYYY-MM-DD`.
    pub signed_on: String,
    pub head_name: String,
    pub head_position: String,
}

impl OrderDetails {
    /// The details as typed, checked and trimmed: number, a real date, the head's name and
    /// position, each next to its field when wrong.
    pub fn parse(&self) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut text = |raw: &str, field: &str, limit: usize| {
            let value = super::text::clean(raw).unwrap_or_default();
            if value.is_empty() {
                errors.insert(field.into(), ru::ERR_NAME_REQUIRED.into());
            } else if value.chars().count() > limit {
                errors.insert(field.into(), ru::ERR_TEXT_LONG.into());
            }
            value
        };
        let number = text(&self.number, "number", 40);
        let head_name = text(&self.head_name, "head_name", 200);
        let head_position = text(&self.head_position, "head_position", 200);
        let signed_on = self.signed_on.trim().to_owned();
        if !super::is_date(&signed_on) {
            errors.insert("signed_on".into(), ru::ERR_DATE.into());
        }
        if errors.is_empty() {
            Ok(OrderDetails { number, signed_on, head_name, head_position })
        } else {
            Err(errors)
        }
    }
}

impl DocumentKind {
    /// Whether the document belongs to one programme (its approval, its pairs) rather than to
    /// the school (the implementation order, the regulation, the roadmap).
    pub fn of_programme(self) -> bool {
        matches!(self, DocumentKind::ProgrammeOrder | DocumentKind::PairsOrder)
    }
}

/// A document of the register as typed: which one, its programme (for a programme's
/// documents), its number and date.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentInput {
    pub kind: String,
    pub programme_id: String,
    pub number: String,
    /// `YYYY-MM-DD`.
    pub signed_on: String,
}

/// A document to register, checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewDocument {
    pub kind: DocumentKind,
    pub programme_id: Option<i64>,
    pub number: String,
    pub signed_on: String,
}

impl DocumentInput {
    pub fn parse(&self) -> Result<NewDocument, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = DocumentKind::from_code(self.kind.trim());
        if kind.is_none() {
            errors.insert("kind".into(), ru::ERR_DOCUMENT_KIND.into());
        }
        let programme_id = match (kind.map(DocumentKind::of_programme), self.programme_id.trim().parse::<i64>()) {
            (Some(true), Ok(id)) if id > 0 => Some(id),
            (Some(true), _) => {
                errors.insert("programme_id".into(), ru::ERR_PROGRAMME.into());
                None
            }
            _ => None,
        };
        let number = super::text::clean(&self.number).unwrap_or_default();
        if number.is_empty() {
            errors.insert("number".into(), ru::ERR_NAME_REQUIRED.into());
        } else if number.chars().count() > 40 {
            errors.insert("number".into(), ru::err_too_long(40));
        }
        let signed_on = self.signed_on.trim().to_owned();
        if !super::is_date(&signed_on) {
            errors.insert("signed_on".into(), ru::ERR_DATE.into());
        }
        match kind {
            Some(kind) if errors.is_empty() => Ok(NewDocument { kind, programme_id, number, signed_on }),
            _ => Err(errors),
        }
    }
}

/// A registered document as the register lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentEntry {
    pub id: i64,
    pub kind: DocumentKind,
    pub programme_id: Option<i64>,
    pub programme_title: Option<String>,
    pub number: String,
    pub signed_on: String,
    pub scan: Option<ScanInfo>,
}

/// The signed scan attached to a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScanInfo {
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
}

/// The largest scan kept (a few pages scanned at 200 dpi).
pub const MAX_SCAN_BYTES: usize = 5 * 1024 * 1024;

/// What a scan's first bytes say it is: PDF, PNG or JPEG (the name a browser sends is not
/// trusted). Anything else is refused.
pub fn scan_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// The name a scan is saved under: its base name without control characters or path, at most
/// 100 characters, with the extension its content has.
pub fn scan_file_name(given: &str, content_type: &str) -> String {
    let base = given.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let clean: String = stem.chars().filter(|c| !c.is_control() && !matches!(c, '"' | ';')).take(100).collect();
    let clean = clean.trim();
    let stem = if clean.is_empty() { "скан" } else { clean };
    let extension = match content_type {
        "application/pdf" => "pdf",
        "image/png" => "png",
        _ => "jpg",
    };
    format!("{stem}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_programmes_document_names_its_programme_and_a_schools_does_not() {
        let input = DocumentInput { kind: "programme_order".into(), programme_id: "".into(), number: "5-о".into(), signed_on: "2026-08-30".into() };
        assert_eq!(input.parse().unwrap_err()["programme_id"], ru::ERR_PROGRAMME);
        let ok = DocumentInput { programme_id: "7".into(), ..input.clone() }.parse().expect("valid");
        assert_eq!((ok.kind, ok.programme_id), (DocumentKind::ProgrammeOrder, Some(7)));
        let regulation = DocumentInput { kind: "regulation".into(), programme_id: "7".into(), ..input }.parse().expect("valid");
        assert_eq!(regulation.programme_id, None);
        let bad = DocumentInput { kind: "letter".into(), number: " ".into(), signed_on: "30.08.2026".into(), ..Default::default() }.parse().unwrap_err();
        assert_eq!(bad.len(), 3);
    }

    #[test]
    fn a_scan_is_known_by_its_bytes_and_saved_under_a_safe_name() {
        assert_eq!(scan_type(b"%PDF-1.7\n"), Some("application/pdf"));
        assert_eq!(scan_type(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(scan_type(b"<html><script>"), None);
        assert_eq!(scan_file_name("C:\\Сканы\\приказ 112.PDF", "application/pdf"), "приказ 112.pdf");
        assert_eq!(scan_file_name("../../evil\"; x.exe", "image/png"), "evil x.png");
        assert_eq!(scan_file_name("", "image/jpeg"), "скан.jpg");
    }

    #[test]
    fn an_order_needs_its_number_date_and_signatory() {
        let errors = OrderDetails { signed_on: "15.09.2026".into(), ..Default::default() }.parse().unwrap_err();
        for field in ["number", "signed_on", "head_name", "head_position"] {
            assert!(errors.contains_key(field), "{field}");
        }
        let ok = OrderDetails { number: " 112-о ".into(), signed_on: "2026-09-15".into(), head_name: "Петров П. П.".into(), head_position: "Директор".into() }.parse();
        assert_eq!(ok.map(|d| d.number), Ok("112-о".into()));
    }
}
