//! Sentence and paragraph splitting for news text.
//!
//! Everything here works on byte spans into the caller's text, so later stages can point back
//! at exactly what an outlet wrote. The splitter is a hand-written single pass over the bytes
//! (no regular expressions, no allocation per character) and is deliberately conservative: when
//! a period might belong to an abbreviation, an initial, a decimal number, a URL or an ellipsis
//! that the sentence goes on after, it does not split.
//!
//! Rules, in short:
//! - Blank lines (lines holding only whitespace) always end a sentence, so a headline or subhead
//!   standing on its own line between blank lines is its own sentence even without punctuation.
//! - A single line break ends a sentence only when the line looks like a heading: the sentence
//!   began at the start of that line, the line does not end in punctuation that carries on
//!   (`,` `;` `:` dashes) or in a function word ("of", "the", "and" …), and the next line
//!   starts with a capital letter, a digit or an opening quote. This is switched off for
//!   paragraphs that look hard-wrapped (some line ends mid-sentence and the next line starts
//!   with a lowercase word).
//! - `.` `!` `?` `…` end a sentence when followed by whitespace and a word that does not start
//!   with a lowercase letter. Closing quotes and brackets right after the terminator stay with
//!   the sentence (`“We won.” Then …`), and a lowercase word after them continues it
//!   (`“Why?” he asked.` is one sentence).
//! - `.` after a title (Mr., Dr., Gen., Sen., St. …), "vs." or "e.g." never ends a sentence; after
//!   "No."/a month abbreviation followed by a digit it does not either; after an initial
//!   ("George W. Bush"), a dotted acronym ("U.S.", "D.C.") or "Jr." it ends one only when the
//!   next word is a typical sentence opener ("The", "He", "But" …); after "a.m."/"p.m." it ends
//!   one unless a weekday, month or time zone follows; after "etc.", "Inc.", "Corp.", "Ltd.",
//!   "Co." it ends one before any capitalised word.
//! - A period with no space before a capitalised word ("end.Next") splits when the word before
//!   it is an ordinary lowercase word and the token is not a URL, domain or e-mail address.

use crate::ingest::Span;

/// The sentences inside `text[region]`, as byte spans into `text`, in order.
///
/// Spans are trimmed of surrounding whitespace, never empty, never overlap, and always start
/// and end on char boundaries. An invalid region (reversed, out of range or not on char
/// boundaries) yields no sentences; the function never panics.
pub fn split_sentences(text: &str, region: Span) -> Vec<Span> {
    let mut out = Vec::new();
    if region_text(text, region).is_none() {
        return out;
    }
    for paragraph in split_paragraphs(text, region) {
        split_paragraph(text, paragraph.start, paragraph.end, &mut out);
    }
    out
}

/// The paragraphs inside `text[region]`: runs of non-blank lines separated by blank lines,
/// trimmed of surrounding whitespace. An invalid region yields nothing.
pub fn split_paragraphs(text: &str, region: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(_) = region_text(text, region) else {
        return out;
    };
    let mut para_start: Option<usize> = None;
    let mut para_end = region.start;
    for line in raw_lines(text, region.start, region.end) {
        let blank = text
            .get(line.start..line.end)
            .is_none_or(|l| l.trim().is_empty());
        if blank {
            if let Some(start) = para_start.take() {
                push_trimmed(text, start, para_end, &mut out);
            }
        } else {
            if para_start.is_none() {
                para_start = Some(line.start);
            }
            para_end = line.end;
        }
    }
    if let Some(start) = para_start {
        push_trimmed(text, start, para_end, &mut out);
    }
    out
}

// Line-by-line splitting is exercised by the tests; no source uses it yet.
/// The non-blank lines inside `text[region]`, each trimmed of surrounding whitespace.
///
/// Useful for sources that put one paragraph (or one claim) per line. An invalid region
/// yields nothing.
#[cfg(test)]
pub fn split_lines(text: &str, region: Span) -> Vec<Span> {
    let mut out = Vec::new();
    if region_text(text, region).is_none() {
        return out;
    }
    for line in raw_lines(text, region.start, region.end) {
        push_trimmed(text, line.start, line.end, &mut out);
    }
    out
}

// Only the tests use this form (see split_lines).
/// Like [`split_sentences`], but every line break also ends a sentence: each non-blank line is
/// treated as a paragraph of its own. Meant for one-paragraph-per-line sources whose
/// unpunctuated lines (headlines, subheads, captions) must never merge with the next line.
#[cfg(test)]
pub fn split_sentences_by_line(text: &str, region: Span) -> Vec<Span> {
    let mut out = Vec::new();
    for line in split_lines(text, region) {
        split_paragraph(text, line.start, line.end, &mut out);
    }
    out
}

/// `text[region]` when the region is valid.
fn region_text(text: &str, region: Span) -> Option<&str> {
    if region.start > region.end {
        return None;
    }
    text.get(region.start..region.end)
}

/// Lines of `text[start..end]` without their `\n` (a `\r` stays and is trimmed later).
fn raw_lines(text: &str, start: usize, end: usize) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut pos = start;
    let mut done = start > end || end > bytes.len();
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let rest = bytes.get(pos..end)?;
        match rest.iter().position(|&b| b == b'\n') {
            Some(offset) => {
                let line = Span::new(pos, pos + offset);
                pos += offset + 1;
                Some(line)
            }
            None => {
                done = true;
                Some(Span::new(pos, end))
            }
        }
    })
}

/// Pushes `text[start..end]` trimmed of whitespace, when that is valid and not empty.
fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    if start >= end {
        return;
    }
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

/// Splits one paragraph `text[start..end]` into sentences, appending them to `out`.
fn split_paragraph(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    if start >= end
        || end > bytes.len()
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        return;
    }
    let wrapped = is_hard_wrapped(text, start, end);
    let mut sentence_start = start;
    let mut line_start = start;
    let mut i = start;
    while i < end {
        let (cut, skip_to) = match bytes[i] {
            b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF => match terminator_boundary(text, i, end) {
                Some((cut, run_end)) => (cut, run_end),
                None => (None, i + 1),
            },
            b'\n' => {
                let cut = !wrapped && heading_break(text, line_start, i, end, sentence_start);
                line_start = i + 1;
                (cut.then_some(i), i + 1)
            }
            _ => (None, i + 1),
        };
        if let Some(c) = cut.filter(|&c| c > sentence_start && c <= end) {
            push_trimmed(text, sentence_start, c, out);
            sentence_start = c;
        }
        i = skip_to.max(i + 1);
    }
    push_trimmed(text, sentence_start, end, out);
}

/// Chars that end a sentence.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…') || is_cjk_terminator(c)
}

/// Full-width terminators of Chinese and Japanese text, which needs no space after them.
fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// Closing quotes and brackets that stay with the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›')
}

/// Opening quotes, brackets and dashes that may precede the first word of a sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '('
            | '['
            | '{'
            | '«'
            | '‹'
            | '„'
            | '—'
            | '–'
            | '-'
            | '*'
            | '•'
    )
}

/// For a terminator at byte `i` (`None` when no terminator starts there): where the sentence
/// ends if it ends there, and the end of the run of terminators and closers, which the scan
/// skips either way.
fn terminator_boundary(text: &str, i: usize, end: usize) -> Option<(Option<usize>, usize)> {
    let rest = text.get(i..end)?;
    if !rest.starts_with(is_terminator) {
        return None;
    }
    // The run of terminators and closers, e.g. `."`, `?!”`, `…)`, `.)."`.
    let mut run_end = i;
    let mut dots = 0usize;
    let mut ellipsis = false;
    let mut only_dots_so_far = true;
    let mut has_closer = false;
    let mut first_is_dot = false;
    for (offset, c) in rest.char_indices() {
        if is_terminator(c) {
            if offset == 0 {
                first_is_dot = c == '.';
            }
            if c == '.' && only_dots_so_far {
                dots += 1;
            } else {
                only_dots_so_far = false;
            }
            if c == '…' {
                ellipsis = true;
            }
        } else if is_closer(c) {
            only_dots_so_far = false;
            has_closer = true;
        } else {
            break;
        }
        run_end = i + offset + c.len_utf8();
    }
    let ellipsis = ellipsis || dots >= 3;
    let cut = decide_cut(
        text,
        i,
        run_end,
        end,
        first_is_dot,
        ellipsis,
        has_closer,
        dots,
    );
    Some((cut, run_end))
}

/// Does the run of terminators and closers `text[i..run_end]` end the sentence? Returns the
/// cut position when it does (usually `run_end`).
#[allow(clippy::too_many_arguments)]
fn decide_cut(
    text: &str,
    i: usize,
    run_end: usize,
    end: usize,
    first_is_dot: bool,
    ellipsis: bool,
    has_closer: bool,
    dots: usize,
) -> Option<usize> {
    if text
        .get(i..)
        .is_some_and(|r| r.starts_with(is_cjk_terminator))
    {
        return Some(run_end);
    }
    let run = text.get(i..run_end)?;
    let after = text.get(run_end..end)?;
    let Some(next) = after.chars().next() else {
        return Some(run_end);
    };

    if !next.is_whitespace() {
        // No space after the terminator: decimals, URLs, abbreviations like "U.S", "e.g,"
        // or a missing space ("end.Next").
        if run.len() == 1 && next.is_alphanumeric() && missing_space_split(text, i, after) {
            return Some(i + 1);
        }
        return None;
    }

    // Whitespace follows: look at the next word.
    let ahead = after.trim_start();
    let first_alnum = ahead
        .chars()
        .take(4)
        .skip_while(|&c| is_opener(c))
        .find(|c| c.is_alphanumeric());
    if first_alnum.is_some_and(|c| c.is_lowercase()) {
        return None;
    }
    if ellipsis || !first_is_dot || (has_closer && dots <= 1 && !ends_with_abbrev_dot(text, i)) {
        return Some(run_end);
    }
    let next_word = leading_word(ahead);
    let prev_word = word_before(text, i);
    if period_ends_sentence(prev_word, next_word, first_alnum, ahead) {
        Some(run_end)
    } else {
        None
    }
}

/// True when the period at `i` directly follows a dotted acronym or title (so a closing bracket
/// after it does not by itself prove the end of a sentence).
fn ends_with_abbrev_dot(text: &str, i: usize) -> bool {
    let word = word_before(text, i);
    is_title(word) || is_dotted_acronym(word)
}

/// The word made of letters, digits and inner dots that ends right before byte `i`.
fn word_before(text: &str, i: usize) -> &str {
    let Some(before) = text.get(..i) else {
        return "";
    };
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(i, |(pos, _)| pos);
    before.get(start..).unwrap_or("").trim_start_matches('.')
}

/// The first word (letters and digits, skipping opening punctuation) of `s`.
fn leading_word(s: &str) -> &str {
    let s = s.trim_start_matches(is_opener);
    let len = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(pos, _)| pos);
    s.get(..len).unwrap_or("")
}

/// "end.Next": split when the word before the dot is a plain lowercase word, the token is not
/// a URL/e-mail/domain, and the next word is capitalised and goes on in lowercase.
fn missing_space_split(text: &str, i: usize, after: &str) -> bool {
    let mut next_chars = after.chars();
    let (Some(first), Some(second)) = (next_chars.next(), next_chars.next()) else {
        return false;
    };
    if !first.is_uppercase() || !second.is_lowercase() {
        return false;
    }
    let prev = word_before(text, i);
    if prev.chars().count() < 2 || !prev.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) {
        return false;
    }
    !in_url_like_token(text, i)
}

/// True when byte `i` sits inside a whitespace-delimited token that looks like a URL, a domain
/// or an e-mail address.
fn in_url_like_token(text: &str, i: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..i), text.get(i..)) else {
        return false;
    };
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(pos, c)| pos + c.len_utf8());
    let end = after
        .char_indices()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(text.len(), |(pos, _)| i + pos);
    let token = text.get(start..end).unwrap_or("");
    if token.contains("://")
        || token.contains('@')
        || token.to_ascii_lowercase().starts_with("www.")
    {
        return true;
    }
    // A domain: the part after the dot is a lowercase top-level domain.
    let tail = after.get(1..).unwrap_or("");
    let tld_len = tail
        .char_indices()
        .find(|&(_, c)| !c.is_ascii_alphabetic())
        .map_or(tail.len(), |(pos, _)| pos);
    let tld = tail.get(..tld_len).unwrap_or("");
    const TLDS: &[&str] = &[
        "com", "org", "net", "gov", "edu", "io", "co", "uk", "de", "fr", "ru", "ua", "int", "info",
        "news", "eu", "us", "ca", "au", "in", "it", "es", "nl", "ch", "pl", "jp", "cn", "tv", "me",
    ];
    TLDS.contains(&tld)
}

/// Titles before a name: a period after them never ends a sentence.
fn is_title(word: &str) -> bool {
    const TITLES: &[&str] = &[
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt",
        "Capt", "Maj", "Adm", "Cmdr", "Rev", "Hon", "Pres", "St", "Mt", "Ft", "Supt", "Insp",
        "Det", "Cpl", "Pvt", "Brig", "Amb", "Atty", "Msgr", "Fr", "Sr", "Jr", "Gens", "Sens",
        "Reps", "Messrs", "vs", "v", "Vs",
    ];
    TITLES.contains(&word)
}

/// "U.S", "a.m", "D.C", "e.g": single letters joined by dots (the final dot is not included).
fn is_dotted_acronym(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => parts += 1,
            _ => return false,
        }
    }
    parts >= 2
}

/// Words that typically open a sentence: after an ambiguous abbreviation, a capitalised word
/// from this list means the abbreviation also ended the sentence.
fn is_sentence_opener(word: &str) -> bool {
    const OPENERS: &[&str] = &[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Here",
        "His",
        "Her",
        "Their",
        "Its",
        "Our",
        "My",
        "Your",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Or",
        "So",
        "Yet",
        "As",
        "After",
        "Before",
        "When",
        "While",
        "If",
        "Although",
        "Though",
        "Since",
        "Because",
        "However",
        "Meanwhile",
        "Still",
        "Then",
        "Now",
        "Also",
        "Earlier",
        "Later",
        "Last",
        "Next",
        "Some",
        "Many",
        "Most",
        "All",
        "Both",
        "Each",
        "Other",
        "Such",
        "What",
        "Who",
        "Why",
        "How",
        "Where",
        "According",
        "Officials",
        "Police",
        "Asked",
        "No",
        "Yes",
        "Not",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "For",
        "With",
        "From",
        "By",
        "To",
        "During",
        "Despite",
        "Under",
        "Over",
        "Instead",
        "Even",
        "Only",
        "Neither",
        "Nor",
        "Few",
    ];
    OPENERS.contains(&word)
}

/// Does a single period after `prev` (and before `next`, whose first letter or digit is
/// `next_first`) end the sentence? Whitespace follows the period and `next` is not lowercase.
fn period_ends_sentence(prev: &str, next: &str, next_first: Option<char>, ahead: &str) -> bool {
    if prev.is_empty() {
        return true;
    }
    let next_is_digit = next_first.is_some_and(|c| c.is_ascii_digit());
    let next_is_opener = is_sentence_opener(next);
    if is_title(prev)
        || matches!(
            prev.to_ascii_lowercase().as_str(),
            "e.g" | "i.e" | "cf" | "approx"
        )
    {
        return false;
    }
    const NUMBERED: &[&str] = &[
        "No", "no", "Nos", "Art", "Fig", "fig", "Vol", "Ch", "Sec", "pp", "p", "Pt",
    ];
    if NUMBERED.contains(&prev) && next_is_digit {
        return false;
    }
    const MONTHS: &[&str] = &[
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ];
    if MONTHS.contains(&prev) {
        return !next_is_digit && next_is_opener;
    }
    let mut prev_chars = prev.chars();
    if let (Some(c), None) = (prev_chars.next(), prev_chars.next()) {
        if c.is_uppercase() {
            // An initial: "George W. Bush", "J. K. Rowling", "J. A. Smith".
            let next_is_initial = next.chars().count() == 1
                && ahead
                    .trim_start_matches(is_opener)
                    .get(next.len()..)
                    .is_some_and(|r| r.starts_with('.'));
            return next_is_opener && !next_is_initial;
        }
        return true;
    }
    if is_dotted_acronym(prev) {
        let lower = prev.to_ascii_lowercase();
        if lower == "a.m" || lower == "p.m" {
            return !is_time_follower(next);
        }
        return next_is_opener;
    }
    match prev {
        "etc" | "Inc" | "Corp" | "Ltd" | "Co" | "Bros" | "Plc" | "LLC" => true,
        "Jr" | "Sr" => next_is_opener,
        _ => true,
    }
}

/// Words that may follow "a.m."/"p.m." inside the same sentence.
fn is_time_follower(word: &str) -> bool {
    const FOLLOWERS: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "GMT",
        "UTC",
        "ET",
        "EST",
        "EDT",
        "CET",
        "CEST",
        "BST",
        "PT",
        "PST",
        "PDT",
        "CT",
        "CST",
        "MSK",
        "EEST",
        "EET",
    ];
    FOLLOWERS.contains(&word)
}

/// Words that never end a heading line: a line ending in one of these goes on below.
fn is_function_word(word: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "and",
        "or",
        "but",
        "nor",
        "that",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "said",
        "says",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "who",
        "which",
        "whose",
        "than",
        "into",
        "over",
        "after",
        "before",
        "about",
        "this",
        "these",
        "those",
        "not",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "since",
        "until",
        "while",
        "when",
        "where",
        "if",
        "because",
        "against",
        "between",
        "during",
        "through",
        "under",
        "up",
        "down",
        "out",
        "off",
        "per",
        "via",
        "told",
        "according",
    ];
    let lower = word.to_lowercase();
    FUNCTION_WORDS.contains(&lower.as_str())
}

/// Should the line break at `newline` (ending the line that starts at `line_start`) end the
/// current sentence, which started at `sentence_start`? True for heading-like lines.
fn heading_break(
    text: &str,
    line_start: usize,
    newline: usize,
    end: usize,
    sentence_start: usize,
) -> bool {
    let Some(line) = text.get(line_start..newline) else {
        return false;
    };
    let line = line.trim();
    if line.is_empty() {
        return false;
    }
    // The sentence must have started on this line.
    if sentence_start < line_start
        && !text
            .get(sentence_start..line_start)
            .is_some_and(|s| s.trim().is_empty())
    {
        return false;
    }
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    if !(last.is_alphanumeric() || matches!(last, ')' | '"' | '”' | '’' | '\'' | ']')) {
        return false;
    }
    let last_word_start = line
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map_or(0, |(pos, c)| pos + c.len_utf8());
    if is_function_word(line.get(last_word_start..).unwrap_or("")) {
        return false;
    }
    let next = text.get(newline + 1..end).unwrap_or("").trim_start();
    let mut chars = next.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        Some(c) if is_opener(c) => chars
            .next()
            .is_some_and(|d| d.is_uppercase() || d.is_ascii_digit()),
        _ => false,
    }
}

/// True for a hard-wrapped paragraph, whose line breaks mean nothing: some line ends without
/// sentence punctuation and the next line goes on with a lowercase word.
fn is_hard_wrapped(text: &str, start: usize, end: usize) -> bool {
    let mut previous_open = false;
    for line in raw_lines(text, start, end) {
        let line_text = text.get(line.start..line.end).unwrap_or("");
        if previous_open && line_text.trim_start().starts_with(char::is_lowercase) {
            return true;
        }
        let trimmed = line_text.trim_end().trim_end_matches(is_closer);
        previous_open = !trimmed.ends_with(|c: char| is_terminator(c) || c == ':');
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    fn check_invariants(text: &str, region: Span, spans: &[Span]) {
        let mut last_end = region.start;
        for span in spans {
            assert!(span.start < span.end, "empty span {span:?} in {text:?}");
            assert!(span.start >= last_end, "overlap {span:?} in {text:?}");
            assert!(span.end <= region.end, "span {span:?} outside {region:?}");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            let s = span.slice(text);
            assert_eq!(s, s.trim(), "untrimmed {s:?}");
            last_end = span.end;
        }
    }

    #[test]
    fn splits_simple_sentences() {
        assert_eq!(
            sentences("Russia attacked. Ukraine responded! Who knows? Nobody."),
            vec![
                "Russia attacked.",
                "Ukraine responded!",
                "Who knows?",
                "Nobody."
            ]
        );
    }

    #[test]
    fn spans_point_into_text_and_respect_region() {
        let text = "Skip this. Take this one. And this.";
        let region = Span::new(11, text.len());
        let spans = split_sentences(text, region);
        assert_eq!(spans, vec![Span::new(11, 25), Span::new(26, 35)]);
        check_invariants(text, region, &spans);
    }

    #[test]
    fn blank_lines_end_sentences_and_headlines_stand_alone() {
        let text = "Russia Controls a Fifth of Ukraine\n\nThe war goes on. It is costly\n\nWhat comes next\n\nNobody knows.";
        assert_eq!(
            sentences(text),
            vec![
                "Russia Controls a Fifth of Ukraine",
                "The war goes on.",
                "It is costly",
                "What comes next",
                "Nobody knows."
            ]
        );
    }

    #[test]
    fn heading_line_before_single_newline_is_its_own_sentence() {
        let text = "Kremlin denies report\nThe Kremlin said on Friday that it was false.\nWhat happens next\nTalks resume in May.";
        assert_eq!(
            sentences(text),
            vec![
                "Kremlin denies report",
                "The Kremlin said on Friday that it was false.",
                "What happens next",
                "Talks resume in May."
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let text = "The minister said the government would\nreview the decision by the end of\nthe month and Officials in Kyiv\nWelcomed it. Then they left.";
        assert_eq!(
            sentences(text),
            vec![
                "The minister said the government would\nreview the decision by the end of\nthe month and Officials in Kyiv\nWelcomed it.",
                "Then they left."
            ]
        );
    }

    #[test]
    fn line_ending_in_function_word_does_not_break() {
        assert_eq!(
            sentences("Troops moved toward the\nCity of Kharkiv."),
            vec!["Troops moved toward the\nCity of Kharkiv."]
        );
    }

    #[test]
    fn titles_do_not_end_sentences() {
        let text = "Mr. Putin met Mrs. Smith and Dr. Jones. Gen. Milley, Sen. Graham, Rep. Smith, Gov. Abbott, Lt. Col. Vindman and St. Petersburg agreed.";
        assert_eq!(
            sentences(text),
            vec![
                "Mr. Putin met Mrs. Smith and Dr. Jones.",
                "Gen. Milley, Sen. Graham, Rep. Smith, Gov. Abbott, Lt. Col. Vindman and St. Petersburg agreed."
            ]
        );
    }

    #[test]
    fn dotted_acronyms_split_only_before_openers() {
        assert_eq!(
            sentences(
                "U.S. officials and U.N. Secretary-General Guterres spoke. He left the U.S. The trip ended."
            ),
            vec![
                "U.S. officials and U.N. Secretary-General Guterres spoke.",
                "He left the U.S.",
                "The trip ended."
            ]
        );
        assert_eq!(
            sentences("The U.K. and the E.U. agreed. The deal held."),
            vec!["The U.K. and the E.U. agreed.", "The deal held."]
        );
    }

    #[test]
    fn clock_abbreviations() {
        assert_eq!(
            sentences(
                "The strike came at 3 a.m. Friday and again at 5 p.m. local time. Police arrived at 6 p.m. They found nothing."
            ),
            vec![
                "The strike came at 3 a.m. Friday and again at 5 p.m. local time.",
                "Police arrived at 6 p.m.",
                "They found nothing."
            ]
        );
    }

    #[test]
    fn month_abbreviations_before_days() {
        assert_eq!(
            sentences(
                "It began on Jan. 5 and ended Sept. 12. Talks resumed Feb. 3, 2023. Then Oct. 1 came."
            ),
            vec![
                "It began on Jan. 5 and ended Sept. 12.",
                "Talks resumed Feb. 3, 2023.",
                "Then Oct. 1 came."
            ]
        );
    }

    #[test]
    fn numbered_and_versus() {
        assert_eq!(
            sentences(
                "He is the No. 2 official. It was Russia vs. Ukraine. The answer was No. Then silence."
            ),
            vec![
                "He is the No. 2 official.",
                "It was Russia vs. Ukraine.",
                "The answer was No.",
                "Then silence."
            ]
        );
    }

    #[test]
    fn company_abbreviations() {
        assert_eq!(
            sentences(
                "Apple Inc. said it would comply. Shares of Acme Corp. Fell. Tools, papers, etc. Were lost. Martin Luther King Jr. said so."
            ),
            vec![
                "Apple Inc. said it would comply.",
                "Shares of Acme Corp.",
                "Fell.",
                "Tools, papers, etc.",
                "Were lost.",
                "Martin Luther King Jr. said so."
            ]
        );
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(
            sentences("J. K. Rowling and George W. Bush met J. A. Smith. They talked."),
            vec![
                "J. K. Rowling and George W. Bush met J. A. Smith.",
                "They talked."
            ]
        );
    }

    #[test]
    fn single_letter_before_opener_splits() {
        assert_eq!(
            sentences("He took vitamin C. The rest is history."),
            vec!["He took vitamin C.", "The rest is history."]
        );
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            sentences(
                "Growth was 3.5 percent and $1.2 billion was spent. Next year 2.0 is expected."
            ),
            vec![
                "Growth was 3.5 percent and $1.2 billion was spent.",
                "Next year 2.0 is expected."
            ]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sentences(
                "We waited... and waited. Then… nothing happened… Finally it ended... The end."
            ),
            vec![
                "We waited... and waited.",
                "Then… nothing happened…",
                "Finally it ended...",
                "The end."
            ]
        );
    }

    #[test]
    fn multi_sentence_quote_keeps_closing_quote_with_its_sentence() {
        assert_eq!(
            sentences("“He said. Then he left,” she said. The room emptied."),
            vec!["“He said.", "Then he left,” she said.", "The room emptied."]
        );
    }

    #[test]
    fn sentence_final_quotes_and_brackets_stay() {
        assert_eq!(
            sentences(
                "He said “We won.” Then he left. (It was late.) Everyone agreed.\" Next came \"the rest.\""
            ),
            vec![
                "He said “We won.”",
                "Then he left.",
                "(It was late.)",
                "Everyone agreed.\"",
                "Next came \"the rest.\""
            ]
        );
    }

    #[test]
    fn quote_followed_by_lowercase_continues() {
        assert_eq!(
            sentences("“We will win.” he said. \"Really?\" she asked. “No!” they shouted."),
            vec![
                "“We will win.” he said.",
                "\"Really?\" she asked.",
                "“No!” they shouted."
            ]
        );
    }

    #[test]
    fn question_and_exclamation_inside_quotes_mid_sentence() {
        assert_eq!(
            sentences("He asked “why?” and left. She yelled ‘stop!’ twice. Done?! Yes."),
            vec![
                "He asked “why?” and left.",
                "She yelled ‘stop!’ twice.",
                "Done?!",
                "Yes."
            ]
        );
    }

    #[test]
    fn missing_space_after_period() {
        assert_eq!(
            sentences("The attack ended.Next came talks. A value of 3.5x.Then more."),
            vec![
                "The attack ended.",
                "Next came talks.",
                "A value of 3.5x.Then more."
            ]
        );
    }

    #[test]
    fn urls_and_emails_do_not_split() {
        assert_eq!(
            sentences(
                "See https://www.nytimes.com/2022/story.Html for more. Write to press@kremlin.Ru today. Visit example.com or bbc.co.uk. Done."
            ),
            vec![
                "See https://www.nytimes.com/2022/story.Html for more.",
                "Write to press@kremlin.Ru today.",
                "Visit example.com or bbc.co.uk.",
                "Done."
            ]
        );
        assert_eq!(
            sentences("Read nytimes.com.The end."),
            vec!["Read nytimes.com.The end."]
        );
    }

    #[test]
    fn curly_and_straight_single_quotes() {
        assert_eq!(
            sentences("‘It is over.’ That was all. 'Fine.' He left."),
            vec!["‘It is over.’", "That was all.", "'Fine.'", "He left."]
        );
    }

    #[test]
    fn cyrillic_and_turkish_text() {
        assert_eq!(
            sentences("Песков сказал. Это неправда! İstanbul'da toplantı yapıldı. Çok iyi."),
            vec![
                "Песков сказал.",
                "Это неправда!",
                "İstanbul'da toplantı yapıldı.",
                "Çok iyi."
            ]
        );
    }

    #[test]
    fn cjk_terminators_and_caseless_words_split() {
        assert_eq!(
            sentences("你好。世界！ Hello. 世界."),
            vec!["你好。", "世界！", "Hello.", "世界."]
        );
    }

    #[test]
    fn invalid_regions_yield_nothing() {
        let text = "Привет. Hello.";
        assert!(split_sentences(text, Span::new(5, 2)).is_empty());
        assert!(split_sentences(text, Span::new(0, 999)).is_empty());
        assert!(split_sentences(text, Span::new(1, 5)).is_empty()); // 1 is inside 'П'
        assert!(split_sentences("", Span::new(0, 0)).is_empty());
        assert!(split_sentences("   \n\n  ", Span::new(0, 7)).is_empty());
    }

    #[test]
    fn crlf_line_ends() {
        assert_eq!(
            sentences("Headline here\r\n\r\nBody one. Body two.\r\n"),
            vec!["Headline here", "Body one.", "Body two."]
        );
    }

    #[test]
    fn paragraphs_and_lines_helpers() {
        let text = "  One.\nTwo.\n\n \n Three \n";
        let paras: Vec<&str> = split_paragraphs(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(paras, vec!["One.\nTwo.", "Three"]);
        let lines: Vec<&str> = split_lines(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(lines, vec!["One.", "Two.", "Three"]);
        let by_line: Vec<&str> =
            split_sentences_by_line("A headline\nthat goes on. Two.", Span::new(0, 29))
                .iter()
                .map(|s| s.slice("A headline\nthat goes on. Two."))
                .collect();
        assert_eq!(by_line, vec!["A headline", "that goes on.", "Two."]);
    }

    const TRICKY: &str = "“He said. Then… he left,” she said!? Mr. U.S. a.m. 3.5 https://x.com/a.B\n\n‘Hi’ İ Ж 你好。 end.Next... e.g. J. K. (No. 2.) \"Ok?\" he asked.\r\n";

    #[test]
    fn every_prefix_and_region_is_safe() {
        let boundaries: Vec<usize> = (0..=TRICKY.len())
            .filter(|&i| TRICKY.is_char_boundary(i))
            .collect();
        for &end in &boundaries {
            let prefix = &TRICKY[..end];
            let region = Span::new(0, prefix.len());
            check_invariants(prefix, region, &split_sentences(prefix, region));
        }
        for start in 0..=TRICKY.len() {
            for end in (start..=TRICKY.len()).step_by(3) {
                let region = Span::new(start, end);
                let spans = split_sentences(TRICKY, region);
                if TRICKY.is_char_boundary(start) && TRICKY.is_char_boundary(end) {
                    check_invariants(TRICKY, region, &spans);
                } else {
                    assert!(spans.is_empty());
                }
            }
        }
    }

    #[test]
    fn random_texts_are_safe() {
        const PIECES: &[&str] = &[
            "a", "B", " ", "  ", ".", "!", "?", "…", "...", "\"", "“", "”", "‘", "’", "'", "(",
            ")", "\n", "\n\n", "\r\n", "Mr", "U.S", "a.m", "3", ",", "İ", "Ж", "你", "@", "://",
            "com", "The", "said", "e.g", "No", "-", "\u{a0}",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..40 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            let region = Span::new(0, text.len());
            check_invariants(&text, region, &split_sentences(&text, region));
            check_invariants(&text, region, &split_sentences_by_line(&text, region));
        }
    }
}
