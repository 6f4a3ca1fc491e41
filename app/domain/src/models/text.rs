//! Parsers for free text that users type: names, list fields, optional numbers.

/// Trims and collapses inner whitespace; `None` when nothing is left.
pub fn clean(input: &str) -> Option<String> {
    let cleaned = input.split_whitespace().collect::<Vec<_>>().join(" ");
    (!cleaned.is_empty()).then_some(cleaned)
}

/// Splits a list typed as "a; b, c" (or one per line) into trimmed, de-duplicated items.
pub fn split_list(input: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for item in input.split([';', ',', '\n']).filter_map(clean) {
        if !items.iter().any(|seen| seen.to_lowercase() == item.to_lowercase()) {
            items.push(item);
        }
    }
    items
}

/// Lower-cased, `ё` folded to `е`: the form used for search keys on every backend
/// (SQLite's `lower()` only knows ASCII).
pub fn search_fold(input: &str) -> String {
    input.to_lowercase().replace('ё', "е")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_spaces_and_drops_empty() {
        assert_eq!(clean("  Анна   Мария "), Some("Анна Мария".into()));
        assert_eq!(clean(" \t "), None);
    }

    #[test]
    fn split_list_accepts_semicolons_commas_and_lines_and_drops_repeats() {
        assert_eq!(
            split_list("математика; Физика,\nматематика ;; "),
            vec!["математика".to_string(), "Физика".to_string()]
        );
    }

    #[test]
    fn search_fold_makes_cyrillic_case_and_yo_insensitive() {
        assert_eq!(search_fold("Фёдорова"), search_fold("федорова"));
    }
}
