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

#[cfg(test)]
mod tests {
    use super::*;

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
