//! Dates in header lines and page metadata, normalised to YYYY-MM-DD.
use super::calendar::month_of;
use crate::ingest::line_text::has_alnum;
use crate::ingest::line_text::starts_word;

/// A header's date value: `YYYY-MM-DD` when one can be read, `None` for "not recorded" and
/// the like, else the trimmed text as written.
pub(super) fn date_value(value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if let Some(date) = parse_date(value) {
        return Some(date);
    }
    (!is_unknown_marker(value)).then(|| value.to_owned())
}

/// True for values that say the thing is not known: "not recorded (…)", "unknown", "n/a", "—".
pub(super) fn is_unknown_marker(value: &str) -> bool {
    let lc = value.trim().to_ascii_lowercase();
    !has_alnum(&lc)
        || [
            "not recorded",
            "unknown",
            "n/a",
            "none",
            "null",
            "undated",
            "no date",
            "tbd",
            "not known",
        ]
        .iter()
        .any(|m| starts_word(&lc, m))
}

/// The first date in `s` as `YYYY-MM-DD`: ISO-like (`2019-12-31`, `2019/12/31`,
/// `2019-12-31T10:00Z`) or with a month name (`June 10, 2014`, `10 Jun. 2014`).
pub(crate) fn parse_date(s: &str) -> Option<String> {
    iso_date(s).or_else(|| named_month_date(s))
}

/// Reads `count` (1..=max) ASCII digits at `pos` not followed by another digit.
pub(super) fn digits_at(b: &[u8], pos: usize, max: usize) -> Option<(u32, usize)> {
    let len = b
        .get(pos..)?
        .iter()
        .take(max + 1)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if len == 0 || len > max {
        return None;
    }
    let value = b[pos..pos + len]
        .iter()
        .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
    Some((value, pos + len))
}

/// `YYYY-MM-DD` when the parts make a real calendar date.
pub(super) fn format_date(year: u32, month: u32, day: u32) -> Option<String> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1800..=2200).contains(&year) && (1..=days).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// An ISO-like `YYYY-MM-DD` (or with `/` or `.`) anywhere in `s`.
pub(super) fn iso_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    (0..b.len()).find_map(|i| {
        if i > 0 && b[i - 1].is_ascii_digit() {
            return None;
        }
        let (year, p) = digits_at(b, i, 4)?;
        if p - i != 4 {
            return None;
        }
        let separator = *b.get(p)?;
        if !matches!(separator, b'-' | b'/' | b'.') {
            return None;
        }
        let (month, p) = digits_at(b, p + 1, 2)?;
        if b.get(p) != Some(&separator) {
            return None;
        }
        let (day, _) = digits_at(b, p + 1, 2)?;
        format_date(year, month, day)
    })
}

/// A day number token: "10", "10th", "1st".
pub(super) fn day_number(token: &str) -> Option<u32> {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token[digits.len()..];
    if digits.is_empty()
        || digits.len() > 2
        || !matches!(
            suffix.to_ascii_lowercase().as_str(),
            "" | "st" | "nd" | "rd" | "th"
        )
    {
        return None;
    }
    digits.parse().ok()
}

/// A date written with a month name: "June 10, 2014", "Tue 10 June 2014".
pub(super) fn named_month_date(s: &str) -> Option<String> {
    let tokens: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let year = |t: &str| (t.len() == 4).then(|| t.parse::<u32>().ok()).flatten();
    tokens.iter().enumerate().find_map(|(i, token)| {
        let (month, _) = month_of(&token.to_ascii_lowercase())?;
        let after_day = tokens.get(i + 1).and_then(|t| day_number(t));
        if let (Some(day), Some(y)) = (after_day, tokens.get(i + 2).and_then(|t| year(t))) {
            return format_date(y, month, day);
        }
        let before_day = i
            .checked_sub(1)
            .and_then(|j| tokens.get(j))
            .and_then(|t| day_number(t));
        if let (Some(day), Some(y)) = (before_day, tokens.get(i + 1).and_then(|t| year(t))) {
            return format_date(y, month, day);
        }
        None
    })
}
