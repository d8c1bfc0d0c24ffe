//! Month and weekday names, shared by the importer (dates in header lines) and the fact
//! extractor (time expressions), so both read "Sept." and "Weds" the same way.

/// Month names in calendar order, lowercase.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, Monday first, lowercase.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month (1–12) a lowercase word names — the full name, its first three letters, or
/// "sept" — and whether it was abbreviated ("may" is the full name).
pub fn month_of(word_lc: &str) -> Option<(u32, bool)> {
    let number = |i: usize| u32::try_from(i + 1).ok();
    if let Some(i) = MONTHS.iter().position(|m| *m == word_lc) {
        return number(i).map(|n| (n, false));
    }
    let abbreviated = |m: &&str| {
        (word_lc.len() == 3 && m.starts_with(word_lc)) || (word_lc == "sept" && *m == "september")
    };
    MONTHS
        .iter()
        .position(abbreviated)
        .and_then(number)
        .map(|n| (n, true))
}

/// The weekday a lowercase word names in full ("tuesday"), as the table's own string.
pub fn full_weekday(word_lc: &str) -> Option<&'static str> {
    WEEKDAYS.iter().copied().find(|d| *d == word_lc)
}

/// The weekday a lowercase full name names, Monday 0 to Sunday 6.
pub fn weekday_index(word_lc: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|d| *d == word_lc)
}

/// True for a weekday in any case, in full, by its first three letters, or as "tues"/"thurs".
pub fn is_weekday_word(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w == "tues"
        || w == "thurs"
        || WEEKDAYS
            .iter()
            .any(|d| *d == w || (w.len() == 3 && d.starts_with(w.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_full_abbreviated_and_sept() {
        assert_eq!(month_of("may"), Some((5, false)));
        assert_eq!(month_of("september"), Some((9, false)));
        assert_eq!(month_of("sep"), Some((9, true)));
        assert_eq!(month_of("sept"), Some((9, true)));
        assert_eq!(month_of("jan"), Some((1, true)));
        assert_eq!(month_of("ja"), None);
        assert_eq!(month_of("mayday"), None);
    }

    #[test]
    fn weekdays_in_full_and_short() {
        assert_eq!(full_weekday("tuesday"), Some("tuesday"));
        assert_eq!(full_weekday("tue"), None);
        assert!(is_weekday_word("Tue"));
        assert!(is_weekday_word("THURS"));
        assert!(is_weekday_word("Sunday"));
        assert!(!is_weekday_word("sun day"));
    }
}
