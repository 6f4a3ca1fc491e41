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

/// A free-text field trimmed and checked: required and empty, longer than `max` characters, or
/// holding a control character, its message goes into `errors` under `field`.
pub(crate) fn checked_text(errors: &mut crate::FieldErrors, field: &str, value: &str, max: usize, required: bool) -> String {
    use crate::i18n::ru;
    let value = value.trim();
    if required && value.is_empty() {
        errors.insert(field.into(), ru::ERR_NAME_REQUIRED.into());
    } else if value.chars().count() > max {
        errors.insert(field.into(), ru::err_too_long(max));
    } else if value.chars().any(crate::limits::is_forbidden_control) {
        errors.insert(field.into(), ru::CONTROL_CHARACTERS.into());
    }
    value.to_owned()
}

/// Lower-cased, `ё` folded to `е`: the form used for search keys on every backend
/// (SQLite's `lower()` only knows ASCII).
pub fn search_fold(input: &str) -> String {
    input.to_lowercase().replace('ё', "е")
}

/// Russian text in Latin letters, as a Russian passport writes names since 2013 (ICAO 9303):
/// «Щукина Юлия» → «shchukina iuliia». Anything else passes unchanged, lower-cased.
pub fn latin(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d", 'е' | 'ё' | 'э' => "e",
            'ж' => "zh", 'з' => "z", 'и' | 'й' => "i", 'к' => "k", 'л' => "l", 'м' => "m",
            'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u",
            'ф' => "f", 'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh", 'щ' => "shch",
            'ъ' => "ie", 'ы' => "y", 'ь' => "", 'ю' => "iu", 'я' => "ia",
            other => return other.to_string(),
        }
        .to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_spells_names_as_a_passport_does() {
        assert_eq!(latin("Щукина Юлия"), "shchukina iuliia");
        assert_eq!(latin("Ёлкин-Хасанов Ильич"), "elkin-khasanov ilich");
        assert_eq!(latin("Бойко О'Нил"), "boiko o'nil");
    }

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
