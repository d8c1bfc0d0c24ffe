//! Word tokens for matching and diffing: Unicode words, lowercase, stop words, English stems.

pub use super::fxhash::FxHashMap;
use super::memo::{Memo, memoised};
use std::cell::RefCell;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use crate::ingest::Span;

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range inside the sentence.
    pub span: Span,
    /// Lowercased word.
    pub lower: String,
    /// English Snowball stem of the lowercased word (numbers are kept as written).
    pub stem: String,
    /// True for function words ("the", "of", "said" is not one).
    pub is_stop: bool,
    /// True when the word contains a digit.
    pub is_number: bool,
    /// True when the word starts with an uppercase letter.
    pub is_capitalized: bool,
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The English stem of a lowercase word.
pub fn stem(lower: &str) -> String {
    stemmer().stem(lower).into_owned()
}

/// Stems kept per thread before the memo is cleared (a story repeats the same words often).
const STEM_CACHE_LIMIT: usize = 1 << 16;

thread_local! {
    static STEM_CACHE: Memo<String> = RefCell::new(FxHashMap::default());
}

/// [`stem`], memoised per thread: the Snowball stemmer dominated tokenising, and every
/// sentence is tokenised several times (claim filter, matching profile, conflicts).
pub fn cached_stem(lower: &str) -> String {
    memoised(&STEM_CACHE, lower, STEM_CACHE_LIMIT, stem)
}

/// English function words that carry no claim content.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "nor",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "s",
    "t",
    "'s",
    "’s",
    "mr",
    "mrs",
    "ms",
    "also",
    "said",
    "says",
    "say",
    "told",
    "according",
    "would",
    "may",
    "might",
    "must",
    "shall",
    "upon",
    "yet",
    "via",
    "per",
];

/// Everyday news vocabulary: words that appear in stories on any subject, so sharing them says
/// little about sharing a claim. Matching weighs them down (written for claimdiff, not derived
/// from any data set).
const COMMON_NEWS_WORDS: &[&str] = &[
    "accord",
    "account",
    "act",
    "action",
    "add",
    "administration",
    "afternoon",
    "ago",
    "agree",
    "ahead",
    "allow",
    "already",
    "although",
    "among",
    "amount",
    "announce",
    "another",
    "area",
    "around",
    "ask",
    "away",
    "back",
    "bad",
    "become",
    "begin",
    "believe",
    "best",
    "better",
    "big",
    "bill",
    "billion",
    "call",
    "came",
    "care",
    "case",
    "cause",
    "center",
    "centre",
    "certain",
    "change",
    "chief",
    "city",
    "claim",
    "clear",
    "close",
    "come",
    "comment",
    "community",
    "continue",
    "could",
    "country",
    "course",
    "current",
    "day",
    "days",
    "deal",
    "decide",
    "decision",
    "despite",
    "department",
    "different",
    "director",
    "done",
    "early",
    "earlier",
    "effort",
    "either",
    "else",
    "end",
    "enough",
    "even",
    "event",
    "ever",
    "every",
    "expect",
    "fact",
    "far",
    "federal",
    "feel",
    "find",
    "first",
    "follow",
    "former",
    "found",
    "friday",
    "full",
    "future",
    "general",
    "get",
    "give",
    "given",
    "go",
    "going",
    "good",
    "got",
    "government",
    "great",
    "group",
    "hand",
    "happen",
    "head",
    "help",
    "high",
    "hold",
    "home",
    "hour",
    "hours",
    "however",
    "include",
    "including",
    "increase",
    "inform",
    "instead",
    "issue",
    "job",
    "keep",
    "kind",
    "know",
    "known",
    "large",
    "last",
    "late",
    "later",
    "lead",
    "leader",
    "least",
    "leave",
    "left",
    "less",
    "like",
    "likely",
    "line",
    "little",
    "local",
    "long",
    "look",
    "lot",
    "made",
    "major",
    "make",
    "man",
    "many",
    "matter",
    "mean",
    "member",
    "men",
    "might",
    "million",
    "minister",
    "moment",
    "monday",
    "month",
    "months",
    "morning",
    "move",
    "much",
    "name",
    "nation",
    "national",
    "near",
    "need",
    "never",
    "new",
    "news",
    "next",
    "night",
    "no",
    "not",
    "note",
    "number",
    "offer",
    "office",
    "officer",
    "official",
    "officials",
    "old",
    "one",
    "open",
    "order",
    "part",
    "past",
    "people",
    "percent",
    "period",
    "person",
    "place",
    "plan",
    "point",
    "possible",
    "post",
    "power",
    "president",
    "press",
    "public",
    "put",
    "question",
    "rather",
    "reach",
    "read",
    "real",
    "really",
    "recent",
    "recently",
    "region",
    "regional",
    "release",
    "remain",
    "report",
    "reported",
    "reporter",
    "reporters",
    "result",
    "return",
    "right",
    "run",
    "saturday",
    "saw",
    "see",
    "seem",
    "seen",
    "senior",
    "service",
    "set",
    "several",
    "show",
    "side",
    "since",
    "small",
    "someone",
    "something",
    "source",
    "sources",
    "speak",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "start",
    "state",
    "statement",
    "states",
    "still",
    "story",
    "sunday",
    "support",
    "sure",
    "take",
    "taken",
    "talk",
    "tell",
    "term",
    "thing",
    "think",
    "thursday",
    "time",
    "times",
    "today",
    "together",
    "took",
    "top",
    "toward",
    "tuesday",
    "turn",
    "two",
    "three",
    "four",
    "five",
    "under",
    "us",
    "use",
    "used",
    "via",
    "want",
    "way",
    "wednesday",
    "week",
    "weeks",
    "well",
    "went",
    "whether",
    "whole",
    "within",
    "without",
    "woman",
    "women",
    "work",
    "world",
    "year",
    "years",
    "yesterday",
];

/// Weight of an everyday news word relative to its IDF.
pub const COMMON_WORD_WEIGHT: f32 = 0.35;

/// True when a stem belongs to everyday news vocabulary (see [`COMMON_WORD_WEIGHT`]).
pub fn is_common_stem(stem_text: &str) -> bool {
    static STEMS: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    STEMS
        .get_or_init(|| COMMON_NEWS_WORDS.iter().map(|w| stem(w)).collect())
        .contains(stem_text)
}

/// True for a lowercase function word.
pub fn is_stop_word(lower: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
        .contains(lower)
}

/// The number of word tokens [`tokenize`] would give, and whether any holds a digit, without
/// lowercasing or stemming (for filtering sentences cheaply).
pub fn count_words(sentence: &str) -> (usize, bool) {
    let mut words = 0;
    let mut has_number = false;
    for word in sentence.split_word_bounds() {
        if word.chars().any(char::is_alphanumeric) {
            words += 1;
            has_number |= word.chars().any(|c| c.is_ascii_digit());
        }
    }
    (words, has_number)
}

/// The word segments of a sentence that [`tokenize`] turns into tokens, with their byte
/// offsets (segments without a letter or digit are dropped).
pub fn word_segments(sentence: &str) -> impl Iterator<Item = (usize, &str)> {
    sentence
        .split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
}

/// The token for one word segment starting at byte `start`.
pub fn token_of(start: usize, word: &str) -> Token {
    let lower = word.to_lowercase();
    let is_number = word.chars().any(|c| c.is_ascii_digit());
    let stem = if is_number {
        lower.replace(',', "")
    } else {
        cached_stem(lower.trim_end_matches("'s").trim_end_matches("’s"))
    };
    Token {
        span: Span::new(start, start + word.len()),
        is_stop: is_stop_word(&lower),
        is_capitalized: word.chars().next().is_some_and(char::is_uppercase),
        is_number,
        lower,
        stem,
    }
}

/// Split a sentence into word tokens (punctuation dropped).
pub fn tokenize(sentence: &str) -> Vec<Token> {
    word_segments(sentence)
        .map(|(start, word)| token_of(start, word))
        .collect()
}

/// A stable 64-bit FNV-1a hash (same value on every run and platform).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Whitespace folded and ends trimmed, for comparing texts regardless of layout.
pub fn fold_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A claim label: the text with whitespace folded, cut to about `max_chars` at a word boundary.
pub fn shorten(text: &str, max_chars: usize) -> String {
    let folded = fold_whitespace(text);
    if folded.chars().count() <= max_chars {
        return folded;
    }
    let cut: String = folded.chars().take(max_chars).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max_chars / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_spans_stems_and_flags() {
        let s = "The Kremlin's spokesman denied 20 reports.";
        let tokens = tokenize(s);
        let words: Vec<&str> = tokens.iter().map(|t| t.span.slice(s)).collect();
        assert_eq!(
            words,
            ["The", "Kremlin's", "spokesman", "denied", "20", "reports"]
        );
        assert!(tokens[0].is_stop && tokens[0].is_capitalized);
        assert_eq!(tokens[1].stem, "kremlin");
        assert_eq!(tokens[5].stem, "report");
        assert!(tokens[4].is_number);
    }

    #[test]
    fn count_words_agrees_with_tokenize() {
        for s in [
            "The Kremlin's spokesman denied 20 reports.",
            "— … !",
            "İstanbul'da ışık; Москва заявила 3,5.",
            "",
        ] {
            let tokens = tokenize(s);
            let (n, digits) = count_words(s);
            assert_eq!(n, tokens.len(), "{s}");
            assert_eq!(digits, tokens.iter().any(|t| t.is_number), "{s}");
        }
    }

    #[test]
    fn cached_stems_equal_fresh_stems() {
        for w in ["reported", "officials", "barrier", "running", "kremlin"] {
            assert_eq!(cached_stem(w), stem(w));
            assert_eq!(cached_stem(w), stem(w));
        }
    }

    #[test]
    fn numbers_keep_their_digits() {
        let tokens = tokenize("1,200 people and 3.5 percent");
        assert_eq!(tokens[0].stem, "1200");
        assert_eq!(tokens[3].stem, "3.5");
    }

    #[test]
    fn non_latin_text_tokenizes() {
        let tokens = tokenize("İstanbul'da ışık; Москва заявила.");
        assert!(tokens.len() >= 3);
        assert!(tokens.iter().any(|t| t.lower == "москва"));
    }

    #[test]
    fn everyday_news_words_are_common_but_names_are_not() {
        assert!(is_common_stem(&stem("officials")));
        assert!(is_common_stem(&stem("reported")));
        assert!(!is_common_stem(&stem("barrier")));
        assert!(!is_common_stem("kessl"));
    }

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("short", 10), "short");
        let s = shorten("one two three four five six seven", 16);
        assert!(s.ends_with('…') && s.chars().count() <= 17, "{s}");
    }
}
