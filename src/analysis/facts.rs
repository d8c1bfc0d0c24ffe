//! Facts one sentence states: numbers, times, quotes, attribution, names, negation and the
//! outlets it credits, found by hand-written scanning over light tokens (no regex).
//!
//! # How it works
//!
//! [`extract_facts`] splits the sentence once into word, number and punctuation tokens. Each
//! token carries a lowercase key; all keys share one buffer, so the scan allocates a handful of
//! times per sentence, not per token. Small passes then run in a fixed order — quotes, times,
//! numbers, names, attribution, negation, cited outlets — and the time and number passes
//! *claim* the tokens they use: a year, a date's day or a clock hour is never also a count, and
//! "Two" or "Thousands" at a sentence start are never names. Only the counted noun of a number
//! is stemmed (with [`super::text::stem`]); outlet tables are consulted only at reporting cues.
//! Both lookups are memoised in small per-thread caches (cleared at 4,096 entries), since names
//! and counted nouns repeat across the sentences of one story; results do not depend on them.
//!
//! # Judgment calls and known limits
//!
//! * **English only.** Other scripts tokenize safely (spans stay on char boundaries) but yield
//!   only names and quotes.
//! * **Numbers.** "300m" and "1.2m people" read `m` as million (as British papers write it),
//!   never metres. Commas are thousands separators only in groups of three ("1,2" is skipped).
//!   Fractions ("a fifth", "two-thirds", "half") count only when followed by "of" — so "half the
//!   town" is missed — and are always `approximate` (they are rounded wordings: "a third" is
//!   33.3). "a dozen" is exactly 12; "dozens"/"hundreds"/"thousands"/"millions" are approximate
//!   24/200/2000/2e6, and "tens of thousands" is approximately 20,000. Word ordinals
//!   ("third", "first") need a determiner ("the third day", "for the first time"), so the
//!   adverb in "first reported by" is not a number; "2nd" always counts. "pounds" is money only
//!   after a scale ("3 million pounds") or before "sterling" (it is also a weight). A bare
//!   1900–2100 four-digit number is a year unless a hedge, a currency sign or a counted plural
//!   ("2000 people") says it is a count. Ranges ("20-30") give two numbers.
//! * **Counted noun.** The next content word run after the number (at most three words,
//!   stopping at function words, verbs, punctuation and other numbers); the head is the first
//!   plural-looking word ("nine trapped miners" → "miner") or else the last word ("a fifth of
//!   the old town" → "town"). Verb detection is a word list plus "-ed/-ing after a noun", so
//!   unusual verbs after a singular noun can be taken as the head.
//! * **Times.** "on Sunday night" is keyed as `weekday:sunday` (like "Monday morning"), not as a
//!   relative phrase, so that it can conflict with another weekday. "March 2022" gives two facts
//!   (`month:3` and `year:2022`), which `conflicts` compares correctly. Month names must be
//!   capitalised; "May" additionally needs a day, a year, or a preposition/modifier before it.
//!   "April Ryan" is a tolerated false month. Clock keys are `clock:H:MM` on a 24-hour clock.
//! * **Quotes.** Nested quotes are dropped in favour of the outer one. A straight or curly
//!   closing double mark with no opener before it (the first mark of the sentence) closes a
//!   quote begun in an earlier sentence. Single marks are quotes only with a clear opener: an
//!   unclosed straight `'` is an apostrophe, an unclosed `‘` runs to the sentence end.
//! * **Attribution.** Said-type clauses outside quotes win (the last one), then the first
//!   "according to", then "citing", "based its claim on", and "who spoke …". Sources keep their
//!   determiners ("the health board"). `anonymous` is false for pronouns, for any source holding
//!   a proper name (a capitalised name word that is not a title and not a modifier of a
//!   following lowercase noun — "Russian officials" stays anonymous), and for institutions
//!   (police, the ministry, the Kremlin, the health board, a newspaper, authorities); it is true
//!   for people-descriptions (officials, sources, a person familiar with …, residents, two
//!   engineers) and for unknown lowercase plurals ("regulators").
//! * **Names.** Capitalised runs with connectors; a leading "The" is dropped ("New York Times").
//!   Sentence- and quote-initial words count only when they are not common words (a fixed
//!   list), so an unlisted common word at a sentence start ("Protesters") is a false name.
//!   Titles stay in the run ("Defense Secretary Jim Mattis").
//! * **Negation.** Any negation word anywhere, quotes included, except "not only". "no" counts
//!   (except "No." before a number); the scope of a negation is not analysed.
//! * **Cited outlets.** Unknown outlets are returned without a leading "The" ("Carrow Times");
//!   known ones in their canonical form ("The New York Times").

use super::model::{
    Attribution, Facts, NameFact, NumberFact, NumberUnit, QuoteFact, Span, TimeFact,
};
use super::outlet::{canonical_outlet, known_outlet};
use super::text::stem;

use std::cell::RefCell;
use std::collections::HashMap;

/// The checkable facts one sentence states: numbers, times, quotes, attribution, names,
/// negation and the outlets it credits. Spans are byte ranges into `sentence`, always on char
/// boundaries; the function never panics, whatever the input.
pub fn extract_facts(sentence: &str) -> Facts {
    let mut cx = Cx::new(sentence);
    let quotes = cx.quotes();
    let times = cx.times();
    let numbers = cx.numbers();
    let names = cx.names();
    Facts {
        numbers,
        times,
        quotes,
        attribution: cx.attribution(),
        names,
        negated: cx.negated(),
        cited_outlets: cx.cited_outlets(),
    }
}

// ---------------------------------------------------------------------------------------------
// Memoised lookups
// ---------------------------------------------------------------------------------------------

/// Entries per cache before it is cleared (names and counted nouns repeat across a story).
const CACHE_LIMIT: usize = 4096;

thread_local! {
    static STEMS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    static OUTLETS: RefCell<HashMap<String, Option<&'static str>>> = RefCell::new(HashMap::new());
}

/// `stem`, memoised: the Snowball stemmer is the costliest call in the number pass.
fn cached_stem(word: &str) -> String {
    let hit = STEMS
        .try_with(|cache| cache.try_borrow().ok().and_then(|c| c.get(word).cloned()))
        .ok()
        .flatten();
    if let Some(hit) = hit {
        return hit;
    }
    let stemmed = stem(word);
    let _ = STEMS.try_with(|cache| {
        if let Ok(mut c) = cache.try_borrow_mut() {
            if c.len() >= CACHE_LIMIT {
                c.clear();
            }
            c.insert(word.to_string(), stemmed.clone());
        }
    });
    stemmed
}

/// `known_outlet`, memoised: it simplifies every table entry on each call.
fn cached_known_outlet(name: &str) -> Option<&'static str> {
    let hit = OUTLETS
        .try_with(|cache| cache.try_borrow().ok().and_then(|c| c.get(name).copied()))
        .ok()
        .flatten();
    if let Some(hit) = hit {
        return hit;
    }
    let known = known_outlet(name);
    let _ = OUTLETS.try_with(|cache| {
        if let Ok(mut c) = cache.try_borrow_mut() {
            if c.len() >= CACHE_LIMIT {
                c.clear();
            }
            c.insert(name.to_string(), known);
        }
    });
    known
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Letters (and digits after a letter), with inner apostrophes and hyphens; or a dotted
    /// acronym ("U.S.", "p.m.").
    Word,
    /// Digits with inner `.,:/` separators and a glued letter suffix ("1.2m", "2nd", "3pm").
    Num,
    /// Any other single character.
    Punct,
}

/// Which pass has used a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Claim {
    Free,
    Time,
    Number,
    /// Read and rejected by the number pass ("a third" without "of").
    Skip,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    /// End of the digits of a number (before a suffix such as "m" or "nd").
    num_end: usize,
    key_start: usize,
    key_end: usize,
    kind: Kind,
    /// First character is uppercase.
    cap: bool,
    /// Bytes of a possessive "'s" / "’s" at the end (excluded from the key).
    poss: usize,
    claim: Claim,
    quoted: bool,
    /// First word inside a quote.
    quote_start: bool,
    /// Part of a name run.
    name: bool,
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// (end of digits, end of token) for a number starting at `i`.
fn scan_number(s: &str, i: usize) -> (usize, usize) {
    let b = s.as_bytes();
    let digits = |mut j: usize| {
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let mut j = digits(i);
    while j + 1 < b.len() && matches!(b[j], b'.' | b',' | b':' | b'/') && b[j + 1].is_ascii_digit()
    {
        j = digits(j + 1);
    }
    let num_end = j;
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    (num_end, j)
}

/// End of a dotted acronym ("U.S.", "p.m.", "a.m") starting at `i`, if there is one.
fn scan_acronym(s: &str, i: usize) -> Option<usize> {
    // Quick reject: an acronym's first letter is followed by a dot.
    let first = char_at(s, i)?.len_utf8();
    if s.as_bytes().get(i + first) != Some(&b'.') {
        return None;
    }
    let mut j = i;
    let mut letters = 0;
    while let Some(c) = char_at(s, j) {
        if !c.is_alphabetic() {
            break;
        }
        let after = j + c.len_utf8();
        match char_at(s, after) {
            Some('.') => {
                letters += 1;
                j = after + 1;
            }
            Some(n) if n.is_alphanumeric() => break,
            _ => {
                if letters >= 1 {
                    letters += 1;
                    j = after;
                }
                break;
            }
        }
    }
    (letters >= 2).then_some(j)
}

/// End of a word starting at `i`.
fn scan_word(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    loop {
        // ASCII letters and digits in one tight loop; everything else char by char.
        while j < b.len() && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        let Some(c) = char_at(s, j) else { break };
        let len = c.len_utf8();
        if !c.is_ascii() && (c.is_alphanumeric() || is_combining(c)) {
            j += len;
            continue;
        }
        if j > i && matches!(c, '\'' | '’' | '-' | '‐') {
            let joins = char_at(s, j + len).is_some_and(|n| {
                if c == '-' || c == '‐' {
                    n.is_alphanumeric()
                } else {
                    n.is_alphabetic()
                }
            });
            if joins {
                j += len;
                continue;
            }
        }
        break;
    }
    j.max(i + 1)
}

/// Bytes of a possessive ending ("Ukraine's" → 2, "Ukraine’s" → 4); contractions are not.
fn possessive_len(word: &str) -> usize {
    if !matches!(word.as_bytes().last(), Some(b's' | b'S')) {
        return 0;
    }
    for suffix in ["'s", "'S", "’s", "’S"] {
        if word.len() > suffix.len() && word.ends_with(suffix) {
            let stem = word.get(..word.len() - suffix.len()).unwrap_or("");
            let contraction = [
                "it", "he", "she", "that", "there", "what", "who", "let", "here", "where",
            ]
            .iter()
            .any(|w| stem.eq_ignore_ascii_case(w));
            return if contraction { 0 } else { suffix.len() };
        }
    }
    0
}

fn push_key(keys: &mut String, word: &str) {
    if word.is_ascii() {
        let from = keys.len();
        keys.push_str(word);
        if let Some(tail) = keys.get_mut(from..) {
            tail.make_ascii_lowercase();
        }
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            keys.push(c.to_ascii_lowercase());
        } else if c == '’' {
            keys.push('\'');
        } else {
            keys.extend(c.to_lowercase());
        }
    }
}

/// One sentence, tokenized, with the passes as methods.
struct Cx<'a> {
    s: &'a str,
    t: Vec<Tok>,
    keys: String,
    /// Index of the first word or number.
    first: Option<usize>,
}

impl<'a> Cx<'a> {
    fn new(s: &'a str) -> Self {
        let mut t = Vec::with_capacity(s.len() / 4 + 2);
        let mut keys = String::with_capacity(s.len() + 4);
        let mut i = 0;
        let bytes = s.as_bytes();
        while i < bytes.len() {
            // ASCII needs no decoding.
            let c = match bytes[i] {
                b if b.is_ascii() => char::from(b),
                _ => match char_at(s, i) {
                    Some(c) => c,
                    None => break,
                },
            };
            let len = c.len_utf8();
            if c.is_whitespace() {
                i += len;
                continue;
            }
            let (kind, num_end, end) = if c.is_ascii_digit() {
                let (n, e) = scan_number(s, i);
                (Kind::Num, n, e)
            } else if c.is_alphanumeric() {
                let e = scan_acronym(s, i).unwrap_or_else(|| scan_word(s, i));
                (Kind::Word, e, e)
            } else {
                (Kind::Punct, i + len, i + len)
            };
            let end = end.max(i + len);
            let text = s.get(i..end).unwrap_or("");
            let poss = if kind == Kind::Word {
                possessive_len(text)
            } else {
                0
            };
            let key_start = keys.len();
            push_key(&mut keys, text.get(..text.len() - poss).unwrap_or(text));
            t.push(Tok {
                start: i,
                end,
                num_end,
                key_start,
                key_end: keys.len(),
                kind,
                cap: c.is_uppercase(),
                poss,
                claim: Claim::Free,
                quoted: false,
                quote_start: false,
                name: false,
            });
            i = end;
        }
        let first = t.iter().position(|x| x.kind != Kind::Punct);
        Self { s, t, keys, first }
    }

    // ----- accessors (all total: out-of-range indices read as "nothing") -----

    fn key(&self, i: usize) -> &str {
        self.t
            .get(i)
            .and_then(|t| self.keys.get(t.key_start..t.key_end))
            .unwrap_or("")
    }

    /// The key of token `i - 1`, or "" at the start.
    fn pk(&self, i: usize) -> &str {
        i.checked_sub(1).map_or("", |p| self.key(p))
    }

    /// The key of a free word, or "".
    fn wkey(&self, i: usize) -> &str {
        if self.is_word(i) && self.free(i) {
            self.key(i)
        } else {
            ""
        }
    }

    fn text(&self, i: usize) -> &'a str {
        self.t
            .get(i)
            .and_then(|t| self.s.get(t.start..t.end))
            .unwrap_or("")
    }

    fn is_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    fn is_num(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Num)
    }

    fn is_punct(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct)
    }

    fn is_p(&self, i: usize, c: char) -> bool {
        self.is_punct(i) && self.text(i).starts_with(c)
    }

    fn free(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.claim == Claim::Free)
    }

    fn claim_of(&self, i: usize) -> Option<Claim> {
        self.t.get(i).map(|t| t.claim)
    }

    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.cap)
    }

    fn quoted(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.quoted)
    }

    fn poss(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.poss > 0)
    }

    /// No space between token `a` and token `b`.
    fn adjacent(&self, a: usize, b: usize) -> bool {
        matches!((self.t.get(a), self.t.get(b)), (Some(x), Some(y)) if x.end == y.start)
    }

    /// No space between token `k - 1` and token `k`.
    fn glued_to_prev(&self, k: usize) -> bool {
        k.checked_sub(1).is_some_and(|p| self.adjacent(p, k))
    }

    /// Tokens `a..b` as a span (a possessive ending of the last token left out).
    fn span(&self, a: usize, b: usize) -> Span {
        match (self.t.get(a), b.checked_sub(1).and_then(|l| self.t.get(l))) {
            (Some(x), Some(y)) if a < b => Span::new(x.start, (y.end - y.poss).max(x.start)),
            _ => Span::default(),
        }
    }

    fn slice(&self, a: usize, b: usize) -> &'a str {
        self.span(a, b).slice(self.s)
    }

    fn keys_joined(&self, a: usize, b: usize) -> String {
        let mut out = String::new();
        for k in a..b {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(self.key(k));
        }
        out
    }

    fn mark(&mut self, a: usize, b: usize, claim: Claim) {
        for t in self.t.iter_mut().take(b).skip(a) {
            t.claim = claim;
        }
    }

    /// The digits and the suffix of a number token.
    fn num_parts(&self, i: usize) -> Option<(&'a str, &'a str)> {
        let t = self.t.get(i).filter(|t| t.kind == Kind::Num)?;
        Some((
            self.s.get(t.start..t.num_end)?,
            self.s.get(t.num_end..t.end)?,
        ))
    }

    /// The lowercase suffix of a number token ("m" in "1.2M"), read from its key.
    fn num_suffix(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Num => self.key(i).get(t.num_end - t.start..).unwrap_or(""),
            _ => "",
        }
    }

    /// A plain integer (digits only, no suffix).
    fn int_at(&self, i: usize) -> Option<f64> {
        let (digits, suffix) = self.num_parts(i)?;
        if !suffix.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse::<u32>().ok().map(f64::from)
    }

    /// A free integer or a small number word at `i`.
    fn count_word_at(&self, i: usize) -> Option<f64> {
        if !self.free(i) {
            return None;
        }
        self.int_at(i)
            .or_else(|| small_word(self.wkey(i)).map(f64::from))
    }

    /// A word whose content makes it part of a noun phrase (not a function word, not a verb).
    fn is_content(&self, k: usize) -> bool {
        let Some(t) = self.t.get(k) else { return false };
        if t.kind != Kind::Word {
            return false;
        }
        let key = self.key(k);
        if is_function(key) {
            return false;
        }
        if t.cap {
            return true;
        }
        if is_verb(key) || is_speech_verb(key) {
            return false;
        }
        !(is_past_form(key)
            && !key.contains('-')
            && !is_ed_adjective(key)
            && !is_np_det(self.pk(k)))
    }
}

// ---------------------------------------------------------------------------------------------
// Quotes
// ---------------------------------------------------------------------------------------------

/// True when a single mark opening at `pos` is an apostrophe: "’90s", "'n'", "'em".
fn elided(s: &str, pos: usize) -> bool {
    let rest = s.get(pos..).unwrap_or("");
    let b = rest.as_bytes();
    if b.len() >= 2
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b.get(2)
            .is_none_or(|&x| x == b's' || !x.is_ascii_alphanumeric())
    {
        return true;
    }
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    ["n", "em", "til", "tis", "twas", "cause", "bout"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

impl Cx<'_> {
    fn quotes(&mut self) -> Vec<QuoteFact> {
        let s = self.s;
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut dbl: Option<(usize, char)> = None;
        let mut sgl: Option<(usize, char)> = None;
        let mut seen = false;
        for t in &self.t {
            if t.kind != Kind::Punct {
                continue;
            }
            let Some(c) = char_at(s, t.start) else {
                continue;
            };
            let prev = char_before(s, t.start);
            let next = char_at(s, t.end);
            let opens = next.is_some_and(|n| !n.is_whitespace())
                && prev.is_none_or(|p| p.is_whitespace() || "([{—–-/“‘«„\"'".contains(p));
            let closes = prev.is_some_and(|p| !p.is_whitespace())
                && next.is_none_or(|n| n.is_whitespace() || !n.is_alphanumeric());
            match c {
                '“' | '„' | '«' => {
                    match dbl {
                        None => dbl = Some((t.end, c)),
                        Some((from, '„')) if c == '“' => {
                            found.push((from, t.start));
                            dbl = None;
                        }
                        _ => {}
                    }
                    seen = true;
                }
                '”' | '"' | '»' => {
                    if let Some((from, _)) = dbl {
                        found.push((from, t.start));
                        dbl = None;
                        if sgl.is_some_and(|(f, _)| f > from) {
                            sgl = None;
                        }
                    } else if opens && !closes {
                        dbl = Some((t.end, c));
                    } else if !seen && closes {
                        // Closes a quote opened in an earlier sentence.
                        found.push((0, t.start));
                    }
                    seen = true;
                }
                '‘' if opens && sgl.is_none() && !elided(s, t.end) => {
                    sgl = Some((t.end, c));
                }
                '’' | '\'' => {
                    if let Some((from, _)) = sgl
                        && closes
                    {
                        found.push((from, t.start));
                        sgl = None;
                    } else if c == '\'' && opens && sgl.is_none() && !elided(s, t.end) {
                        sgl = Some((t.end, c));
                    }
                }
                _ => {}
            }
        }
        if let Some((from, _)) = dbl {
            found.push((from, s.len()));
        }
        if let Some((from, '‘')) = sgl {
            found.push((from, s.len()));
        }
        // Trim whitespace, drop empty quotes and quotes nested inside another.
        let mut spans: Vec<(usize, usize)> = found
            .into_iter()
            .filter_map(|(a, b)| {
                let inner = s.get(a..b)?;
                let start = a + (inner.len() - inner.trim_start().len());
                let end = b - (inner.len() - inner.trim_end().len());
                (start < end).then_some((start, end))
            })
            .collect();
        spans.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
        let mut kept: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (a, b) in spans {
            if !kept.iter().any(|&(c, d)| c <= a && b <= d) {
                kept.push((a, b));
            }
        }
        for &(a, b) in &kept {
            let mut first_word = true;
            for t in self.t.iter_mut().filter(|t| t.start >= a && t.end <= b) {
                t.quoted = true;
                if first_word && t.kind != Kind::Punct {
                    t.quote_start = true;
                    first_word = false;
                }
            }
        }
        kept.into_iter()
            .map(|(a, b)| QuoteFact {
                span: Span::new(a, b),
                text: s.get(a..b).unwrap_or("").to_string(),
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Times
// ---------------------------------------------------------------------------------------------

/// Modifiers that may precede a clock time ("at around 3 p.m.").
const CLOCK_MODS: &[&str] = &[
    "around",
    "about",
    "approximately",
    "roughly",
    "shortly",
    "just",
];

fn month_of(k: &str) -> Option<(u32, bool)> {
    Some(match k {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

fn weekday_of(k: &str) -> Option<&'static str> {
    Some(match k {
        "monday" => "monday",
        "tuesday" => "tuesday",
        "wednesday" => "wednesday",
        "thursday" => "thursday",
        "friday" => "friday",
        "saturday" => "saturday",
        "sunday" => "sunday",
        _ => return None,
    })
}

fn season_of(k: &str) -> Option<&'static str> {
    Some(match k {
        "spring" => "spring",
        "summer" => "summer",
        "autumn" | "fall" => "autumn",
        "winter" => "winter",
        _ => return None,
    })
}

fn is_part_of_day(k: &str) -> bool {
    matches!(k, "morning" | "afternoon" | "evening" | "night")
}

#[rustfmt::skip]
fn is_time_prep(k: &str) -> bool {
    matches!(
        k,
        "since" | "on" | "in" | "until" | "till" | "by" | "from" | "before" | "after" | "during"
        | "through" | "throughout" | "at"
    )
}

/// Units of relative time ("last week", "two days ago").
#[rustfmt::skip]
fn is_rel_unit(k: &str) -> bool {
    matches!(
        k,
        "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years" | "weekend"
        | "weekends" | "night" | "nights" | "morning" | "afternoon" | "evening" | "hour" | "hours"
        | "minute" | "minutes" | "decade" | "decades" | "century" | "centuries"
    )
}

fn ampm_word(k: &str) -> Option<bool> {
    match k {
        "p.m." | "p.m" | "pm" => Some(true),
        "a.m." | "a.m" | "am" => Some(false),
        _ => None,
    }
}

/// "10:30" → (10, 30).
fn parse_clock(num: &str) -> Option<(u32, u32)> {
    let (h, m) = num.split_once(':')?;
    if h.is_empty()
        || h.len() > 2
        || m.len() != 2
        || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h <= 24 && m < 60).then_some((h, m))
}

fn year_value(digits: &str) -> Option<u32> {
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits
        .parse::<u32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
}

type Found = Vec<(usize, usize, String)>;

impl Cx<'_> {
    fn times(&mut self) -> Vec<TimeFact> {
        let mut found: Found = Vec::new();
        let mut i = 0;
        while i < self.t.len() {
            let before = found.len();
            let end = if self.free(i) {
                self.time_at(i, &mut found)
            } else {
                None
            };
            match end {
                Some(end) if end > i => {
                    for (a, b, _) in &found[before..] {
                        self.mark(*a, *b, Claim::Time);
                    }
                    i = end;
                }
                _ => {
                    found.truncate(before);
                    i += 1;
                }
            }
        }
        let mut out: Vec<TimeFact> = found
            .into_iter()
            .map(|(a, b, key)| {
                let span = self.span(a, b);
                TimeFact {
                    span,
                    text: span.slice(self.s).to_string(),
                    key,
                }
            })
            .collect();
        out.sort_by_key(|t| t.span.start);
        out
    }

    /// Extend a time phrase starting at `i` back over up to two of `mods`.
    fn back_mods(&self, i: usize, mods: &[&str]) -> usize {
        let mut s = i;
        for _ in 0..2 {
            match s.checked_sub(1) {
                Some(p) if mods.contains(&self.wkey(p)) => s = p,
                _ => break,
            }
        }
        s
    }

    /// Extend a time phrase starting at `s` back over a leading preposition ("since", "as of").
    fn back_prep(&self, s: usize) -> usize {
        let Some(p) = s.checked_sub(1) else { return s };
        let k = self.wkey(p);
        if k == "of" && p > 0 && self.wkey(p - 1) == "as" {
            return p - 1;
        }
        if is_time_prep(k) { p } else { s }
    }

    /// A free four-digit year (1900–2100) at `j`.
    fn year_at(&self, j: usize) -> Option<u32> {
        if !self.free(j) {
            return None;
        }
        let (digits, suffix) = self.num_parts(j)?;
        if !suffix.is_empty() {
            return None;
        }
        year_value(digits)
    }

    /// A free day of the month (1–31, "5th") at `j`, unless the number plainly counts something.
    fn day_at(&self, j: usize) -> Option<u32> {
        if !self.free(j) {
            return None;
        }
        let (digits, suffix) = self.num_parts(j)?;
        if digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !(suffix.is_empty()
            || ["st", "nd", "rd", "th"]
                .iter()
                .any(|x| suffix.eq_ignore_ascii_case(x)))
        {
            return None;
        }
        let d: u32 = digits.parse().ok()?;
        if !(1..=31).contains(&d) {
            return None;
        }
        // "In March 20 protesters were arrested": a count, not a day.
        let next = self.key(j + 1);
        if self.is_word(j + 1) && !self.cap(j + 1) && plural_like(next) && !is_rel_unit(next) {
            return None;
        }
        if self.is_p(j + 1, '%')
            || matches!(next, "percent" | "per" | "million" | "billion" | "thousand")
        {
            return None;
        }
        Some(d)
    }

    fn time_at(&self, i: usize, out: &mut Found) -> Option<usize> {
        match self.t.get(i)?.kind {
            Kind::Num => self.time_at_num(i, out),
            Kind::Word => self.time_at_word(i, out),
            Kind::Punct => {
                // "’90s"
                if !(self.is_p(i, '\'') || self.is_p(i, '’')) || !self.adjacent(i, i + 1) {
                    return None;
                }
                let (digits, suffix) = self.num_parts(i + 1)?;
                if digits.len() == 2 && suffix.eq_ignore_ascii_case("s") && self.free(i + 1) {
                    out.push((i, i + 2, format!("decade:{}", self.key(i + 1))));
                    return Some(i + 2);
                }
                None
            }
        }
    }

    fn time_at_word(&self, i: usize, out: &mut Found) -> Option<usize> {
        let k = self.key(i);
        match k {
            "yesterday" | "today" | "tonight" | "tomorrow" => {
                // "USA Today" is a name.
                if self.cap(i)
                    && Some(i) != self.first
                    && i > 0
                    && self.is_word(i - 1)
                    && self.cap(i - 1)
                {
                    return None;
                }
                let mut end = i + 1;
                if k != "tonight" && is_part_of_day(self.wkey(end)) {
                    end += 1;
                }
                let m = self.back_mods(i, &["earlier", "later"]);
                out.push((
                    self.back_prep(m),
                    end,
                    format!("relative:{}", self.keys_joined(m, end)),
                ));
                return Some(end);
            }
            "earlier" | "later" => {
                if matches!(self.wkey(i + 1), "this" | "that" | "last" | "next")
                    && is_rel_unit(self.wkey(i + 2))
                {
                    let end = i + 3;
                    out.push((
                        self.back_prep(i),
                        end,
                        format!("relative:{}", self.keys_joined(i, end)),
                    ));
                    return Some(end);
                }
                return None;
            }
            "last" | "next" | "this" | "past" | "coming" => {
                let j = i + 1;
                let end = if is_rel_unit(self.wkey(j)) {
                    j + 1
                } else if matches!(k, "last" | "next" | "past")
                    && self.count_word_at(j).is_some()
                    && is_rel_unit(self.wkey(j + 1))
                {
                    j + 2
                } else {
                    return None;
                };
                let m = self.back_mods(i, &["the"]);
                out.push((
                    self.back_prep(m),
                    end,
                    format!("relative:{}", self.keys_joined(i, end)),
                ));
                return Some(end);
            }
            "noon" | "midday" | "midnight" => {
                let key = if k == "midnight" {
                    "clock:0:00"
                } else {
                    "clock:12:00"
                };
                out.push((
                    self.back_prep(self.back_mods(i, CLOCK_MODS)),
                    i + 1,
                    key.to_string(),
                ));
                return Some(i + 1);
            }
            _ => {}
        }
        // "a week ago", "two days ago"
        if (matches!(k, "a" | "an") || small_word(k).is_some())
            && is_rel_unit(self.wkey(i + 1))
            && matches!(self.wkey(i + 2), "ago" | "earlier" | "later")
        {
            out.push((i, i + 3, format!("relative:{}", self.keys_joined(i, i + 3))));
            return Some(i + 3);
        }
        if let Some(rest) = k.strip_prefix("mid-") {
            let start = self.back_prep(i);
            if let Some(y) = year_value(rest) {
                out.push((start, i + 1, format!("year:{y}")));
                return Some(i + 1);
            }
            if let Some((m, false)) = month_of(rest) {
                out.push((start, i + 1, format!("month:{m}")));
                return Some(i + 1);
            }
            return None;
        }
        if let Some(day) = weekday_of(k)
            && self.cap(i)
        {
            let mut end = i + 1;
            if is_part_of_day(self.wkey(end)) {
                end += 1;
            }
            let m = self.back_mods(i, &["last", "next", "this", "early", "late"]);
            out.push((self.back_prep(m), end, format!("weekday:{day}")));
            return Some(end);
        }
        if let Some((m, abbr)) = month_of(k)
            && self.cap(i)
        {
            return self.month_at(i, m, abbr, out);
        }
        if let Some(season) = season_of(k) {
            return self.season_at(i, season, out);
        }
        None
    }

    fn month_at(&self, i: usize, m: u32, abbr: bool, out: &mut Found) -> Option<usize> {
        let mut j = i + 1;
        let dotted = abbr && self.is_p(j, '.') && self.adjacent(i, j);
        if dotted {
            j += 1;
        }
        if let Some(d) = self.day_at(j) {
            let mut end = j + 1;
            let mut year = None;
            if self.is_p(end, ',')
                && let Some(y) = self.year_at(end + 1)
            {
                year = Some(y);
                end += 2;
            } else if let Some(y) = self.year_at(end) {
                year = Some(y);
                end += 1;
            }
            let start = self.back_prep(self.back_mods(i, &["early", "late", "mid"]));
            let key = match year {
                Some(y) => format!("date:{y}-{m}-{d}"),
                None => format!("date:{m}-{d}"),
            };
            out.push((start, end, key));
            return Some(end);
        }
        if abbr && !dotted {
            // "Jan" without a dot or a day is more likely a name.
            return None;
        }
        let year = if let Some(y) = self.year_at(j) {
            Some((j, j + 1, y))
        } else if self.wkey(j) == "of"
            && let Some(y) = self.year_at(j + 1)
        {
            Some((j + 1, j + 2, y))
        } else {
            None
        };
        let m_start = self.back_mods(i, &["early", "late", "mid", "last", "next", "this"]);
        // "May" is a month only with a day, a year, a modifier or a preposition: "it may rain",
        // "May I" and "Theresa May" are not times.
        if self.key(i) == "may" && year.is_none() && m_start == i {
            let p = i.checked_sub(1).map_or("", |p| self.wkey(p));
            if !is_time_prep(p) && p != "of" {
                return None;
            }
        }
        out.push((self.back_prep(m_start), j, format!("month:{m}")));
        if let Some((a, b, y)) = year {
            out.push((a, b, format!("year:{y}")));
            return Some(b);
        }
        Some(j)
    }

    fn season_at(&self, i: usize, season: &str, out: &mut Found) -> Option<usize> {
        let k = self.key(i);
        // "Arab Spring" is a name.
        if self.cap(i) && Some(i) != self.first && i > 0 && self.is_word(i - 1) && self.cap(i - 1) {
            return None;
        }
        let p = i.checked_sub(1).map_or("", |p| self.wkey(p));
        let pp = i.checked_sub(2).map_or("", |p| self.wkey(p));
        let (end, year) = if let Some(y) = self.year_at(i + 1) {
            (i + 2, Some(y))
        } else if self.wkey(i + 1) == "of"
            && let Some(y) = self.year_at(i + 2)
        {
            (i + 3, Some(y))
        } else {
            (i + 1, None)
        };
        let verb_like = matches!(k, "fall" | "spring");
        if year.is_none() && verb_like && self.key(i + 1) == "of" {
            // "the fall of Kabul"
            return None;
        }
        let strong = matches!(
            p,
            "this" | "last" | "next" | "early" | "late" | "mid" | "past" | "coming" | "that"
        );
        let ok = year.is_some()
            || strong
            || is_time_prep(p)
            || (p == "the" && (is_time_prep(pp) || !verb_like));
        if !ok {
            return None;
        }
        let m = self.back_mods(
            i,
            &[
                "the", "this", "last", "next", "early", "late", "mid", "past", "coming", "that",
            ],
        );
        let key = match year {
            Some(y) => format!("season:{season}-{y}"),
            None => format!("season:{season}"),
        };
        out.push((self.back_prep(m), end, key));
        Some(end)
    }

    fn time_at_num(&self, i: usize, out: &mut Found) -> Option<usize> {
        let (digits, suffix) = self.num_parts(i)?;
        // Clock times: "10:30", "3 p.m.", "3pm", "10:30 a.m.", "3 o'clock".
        let (ampm, after) = if !suffix.is_empty() {
            (ampm_word(self.num_suffix(i)), i + 1)
        } else if let Some(x) = ampm_word(self.wkey(i + 1)) {
            (Some(x), i + 2)
        } else {
            (None, i + 1)
        };
        let oclock = suffix.is_empty() && self.wkey(i + 1) == "o'clock";
        let clock = if digits.contains(':') {
            parse_clock(digits).filter(|&(h, _)| ampm.is_none() || (1..=12).contains(&h))
        } else if ampm.is_some() || oclock {
            digits
                .parse::<u32>()
                .ok()
                .filter(|h| (1..=12).contains(h))
                .map(|h| (h, 0))
        } else {
            None
        };
        if let Some((mut h, m)) = clock
            && (suffix.is_empty() || ampm.is_some())
        {
            if ampm == Some(true) && h < 12 {
                h += 12;
            }
            if ampm == Some(false) && h == 12 {
                h = 0;
            }
            let end = if oclock { i + 2 } else { after };
            out.push((
                self.back_prep(self.back_mods(i, CLOCK_MODS)),
                end,
                format!("clock:{h}:{m:02}"),
            ));
            return Some(end);
        }
        // "5 January", "5th of January 2022"
        if let Some(d) = self.day_at(i) {
            let mut j = i + 1;
            if self.wkey(j) == "of" {
                j += 1;
            }
            if let Some((m, abbr)) = month_of(self.wkey(j))
                && self.cap(j)
            {
                let mut end = j + 1;
                if abbr && self.is_p(end, '.') && self.adjacent(j, end) {
                    end += 1;
                }
                let mut year = None;
                if let Some(y) = self.year_at(end) {
                    year = Some(y);
                    end += 1;
                } else if self.is_p(end, ',')
                    && let Some(y) = self.year_at(end + 1)
                {
                    year = Some(y);
                    end += 2;
                }
                let key = match year {
                    Some(y) => format!("date:{y}-{m}-{d}"),
                    None => format!("date:{m}-{d}"),
                };
                out.push((
                    self.back_prep(self.back_mods(i, &["the", "early", "late", "mid"])),
                    end,
                    key,
                ));
                return Some(end);
            }
        }
        // Decades: "the 1990s", "the 90s".
        if suffix.eq_ignore_ascii_case("s")
            && digits.ends_with('0')
            && (digits.len() == 4 || (digits.len() == 2 && self.pk(i) == "the"))
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            let start = self.back_prep(self.back_mods(i, &["the", "early", "late", "mid"]));
            out.push((start, i + 1, format!("decade:{digits}s")));
            return Some(i + 1);
        }
        // Years, unless the number plainly counts: "about 2000 people", "$2020".
        if let Some(y) = self.year_at(i) {
            let p = i.checked_sub(1).map_or("", |p| self.wkey(p));
            let anchored = is_time_prep(p)
                || matches!(
                    p,
                    "early"
                        | "late"
                        | "the"
                        | "a"
                        | "an"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "this"
                        | "of"
                )
                || i.checked_sub(1).is_some_and(|q| self.poss(q));
            let hedged = is_hedge_word(p)
                || matches!(p, "least" | "than" | "to")
                || i.checked_sub(1)
                    .is_some_and(|q| is_currency_symbol(self.text(q)));
            if !anchored && (hedged || self.counts_after(i + 1)) {
                return None;
            }
            let start = self.back_prep(self.back_mods(i, &["early", "late", "mid"]));
            out.push((start, i + 1, format!("year:{y}")));
            return Some(i + 1);
        }
        None
    }

    /// True when the token at `j` makes the number before it a count or an amount.
    fn counts_after(&self, j: usize) -> bool {
        let k = self.key(j);
        self.is_p(j, '%')
            || matches!(k, "percent" | "per" | "pct" | "pc")
            || scale_word(k).is_some()
            || is_currency_word(k)
            || (self.is_word(j) && !self.cap(j) && plural_like(k) && !is_rel_unit(k))
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/// How to find what a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The noun after the number, or after "of (the)".
    Noun,
    /// Only the noun after "of (the)" (fractions).
    Of,
    /// Like `Noun`, also "in"/"for" + noun ("$5m in aid").
    Money,
    /// A glued unit ("5km").
    Unit(&'static str),
}

/// The number phrase itself, before hedges.
#[derive(Debug, Clone, Copy)]
struct Core {
    start: usize,
    end: usize,
    value: f64,
    unit: NumberUnit,
    approx: bool,
    mode: Mode,
}

fn small_word(k: &str) -> Option<u32> {
    let v = match k {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => {
            return tens_word(k).or_else(|| {
                let (tens, unit) = k.split_once('-')?;
                let unit = small_word(unit).filter(|u| (1..=9).contains(u))?;
                Some(tens_word(tens)? + unit)
            });
        }
    };
    Some(v)
}

fn tens_word(k: &str) -> Option<u32> {
    Some(match k {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn ordinal_word(k: &str) -> Option<u32> {
    Some(match k {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "hundredth" => 100,
        _ => return None,
    })
}

fn numerator(k: &str) -> Option<u32> {
    match k {
        "a" | "an" | "one" => Some(1),
        _ => small_word(k).filter(|n| (2..=9).contains(n)),
    }
}

fn denominator(k: &str) -> Option<u32> {
    Some(match k {
        "half" | "halves" => 2,
        "third" | "thirds" => 3,
        "quarter" | "quarters" | "fourth" | "fourths" => 4,
        "fifth" | "fifths" => 5,
        "sixth" | "sixths" => 6,
        "seventh" | "sevenths" => 7,
        "eighth" | "eighths" => 8,
        "ninth" | "ninths" => 9,
        "tenth" | "tenths" => 10,
        _ => return None,
    })
}

fn scale_word(k: &str) -> Option<f64> {
    Some(match k {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mn" | "mln" => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

fn scale_suffix(k: &str) -> Option<f64> {
    Some(match k {
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "b" | "bn" | "bln" => 1e9,
        "tn" | "trn" => 1e12,
        _ => return None,
    })
}

fn unit_suffix(k: &str) -> Option<&'static str> {
    Some(match k {
        "km" => "km",
        "kg" => "kg",
        "mph" => "mph",
        "kph" | "kmh" => "kph",
        "ft" => "ft",
        "cm" => "cm",
        "mm" => "mm",
        "mi" => "mi",
        "lb" | "lbs" => "lb",
        "mw" => "mw",
        "gw" => "gw",
        "kw" => "kw",
        "kwh" => "kwh",
        "ha" => "ha",
        "ml" => "ml",
        _ => return None,
    })
}

fn is_currency_symbol(t: &str) -> bool {
    matches!(t, "$" | "£" | "€" | "¥" | "₹" | "₽" | "₴" | "₺" | "₩")
}

#[rustfmt::skip]
fn is_currency_word(k: &str) -> bool {
    matches!(
        k,
        "dollar" | "dollars" | "euro" | "euros" | "yen" | "yuan" | "renminbi" | "ruble" | "rubles"
        | "rouble" | "roubles" | "rupee" | "rupees" | "franc" | "francs" | "peso" | "pesos"
        | "hryvnia" | "hryvnias" | "lira" | "liras" | "usd" | "eur" | "gbp"
    )
}

#[rustfmt::skip]
fn is_hedge_word(k: &str) -> bool {
    matches!(
        k,
        "about" | "around" | "roughly" | "nearly" | "almost" | "some" | "over" | "approximately"
        | "approx" | "estimated" | "circa" | "ca" | "under" | "below" | "above"
    )
}

const HEDGES_3: &[[&str; 3]] = &[
    ["as", "many", "as"],
    ["as", "much", "as"],
    ["as", "few", "as"],
    ["no", "fewer", "than"],
    ["no", "more", "than"],
    ["no", "less", "than"],
    ["in", "excess", "of"],
    ["a", "little", "over"],
];

const HEDGES_2: &[[&str; 2]] = &[
    ["at", "least"],
    ["more", "than"],
    ["up", "to"],
    ["an", "estimated"],
    ["fewer", "than"],
    ["less", "than"],
    ["at", "most"],
    ["close", "to"],
    ["upwards", "of"],
    ["just", "over"],
    ["just", "under"],
    ["well", "over"],
];

/// Words that look plural ("miners", "people"): the usual head of what a number counts.
#[rustfmt::skip]
fn plural_like(k: &str) -> bool {
    matches!(
        k,
        "people" | "men" | "women" | "children" | "police" | "staff" | "personnel" | "feet"
        | "teeth" | "mice" | "geese" | "cattle" | "livestock" | "crew" | "data" | "clergy"
    ) || (k.len() > 3
        && k.ends_with('s')
        && !k.ends_with("ss")
        && !k.ends_with("us")
        && !k.ends_with("is")
        && !k.ends_with('\''))
}

/// Words that modify a count but never are what it counts ("10 more people").
fn is_count_modifier(k: &str) -> bool {
    matches!(
        k,
        "more" | "other" | "additional" | "extra" | "new" | "further" | "fewer" | "less"
    )
}

#[rustfmt::skip]
fn is_modifier_only(k: &str) -> bool {
    is_count_modifier(k)
        || matches!(
            k,
            "higher" | "lower" | "greater" | "larger" | "smaller" | "former" | "total" | "overall"
            | "apiece" | "respectively" | "annually" | "alone" | "altogether" | "ago"
        )
}

/// "3.5" → (35, 1); "1,200" → (1200, 0). Commas must group three digits.
fn parse_decimal(num: &str) -> Option<(f64, i32)> {
    let mut mantissa = 0f64;
    let mut decimals = 0;
    let mut dot = false;
    let mut comma = false;
    let mut group = 0;
    for b in num.bytes() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10.0 + f64::from(b - b'0');
                if dot {
                    decimals += 1;
                }
                group += 1;
            }
            b',' if !dot && (!comma || group == 3) => {
                comma = true;
                group = 0;
            }
            b'.' if !dot && (!comma || group == 3) => dot = true,
            _ => return None,
        }
    }
    if comma && !dot && group != 3 {
        return None;
    }
    (decimals <= 15 && mantissa.is_finite()).then_some((mantissa, decimals))
}

fn scaled(mantissa: f64, decimals: i32, scale: f64) -> f64 {
    mantissa * scale / 10f64.powi(decimals)
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

impl Cx<'_> {
    fn numbers(&mut self) -> Vec<NumberFact> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.t.len() {
            if !self.free(i) {
                i += 1;
                continue;
            }
            match self.number_core(i) {
                Some(Ok(core)) if core.value.is_finite() && core.end > core.start => {
                    let start = self.hedge_start(core.start);
                    let counted = self.counted(core.end, core.mode);
                    let span = self.span(start, core.end);
                    out.push(NumberFact {
                        span,
                        text: span.slice(self.s).to_string(),
                        value: core.value,
                        unit: core.unit,
                        approximate: core.approx || start < core.start,
                        counted,
                    });
                    self.mark(start, core.end, Claim::Number);
                    i = core.end.max(i + 1);
                }
                Some(Err(end)) => {
                    self.mark(i, end, Claim::Skip);
                    i = end.max(i + 1);
                }
                _ => i += 1,
            }
        }
        out
    }

    /// A number phrase starting at `i`: `Ok` with the phrase, `Err(end)` for tokens that were
    /// read and rejected ("a third" without "of"), `None` when no number starts here.
    fn number_core(&self, i: usize) -> Option<Result<Core, usize>> {
        match self.t.get(i)?.kind {
            Kind::Punct => self.money_core(i),
            Kind::Num => self.digits_core(i),
            Kind::Word => self.word_core(i),
        }
    }

    /// "$1.2m", "US$5 billion", "€40".
    fn money_core(&self, i: usize) -> Option<Result<Core, usize>> {
        if !is_currency_symbol(self.text(i)) || !self.is_num(i + 1) || !self.free(i + 1) {
            return None;
        }
        let Some(Ok(mut core)) = self.digits_core(i + 1) else {
            return None;
        };
        if core.unit != NumberUnit::Count && core.unit != NumberUnit::Money {
            return None;
        }
        core.unit = NumberUnit::Money;
        core.mode = Mode::Money;
        core.start = i;
        if let Some(p) = i.checked_sub(1)
            && self.adjacent(p, i)
            && matches!(
                self.wkey(p),
                "us" | "a" | "c" | "nz" | "hk" | "s" | "au" | "can"
            )
        {
            core.start = p;
        }
        Some(Ok(core))
    }

    fn digits_core(&self, i: usize) -> Option<Result<Core, usize>> {
        let (digits, _) = self.num_parts(i)?;
        if digits.contains(':') || digits.contains('/') {
            // Clock times are times, "9/11" is a name, "24/7" is neither.
            return Some(Err(i + 1));
        }
        let Some((mantissa, decimals)) = parse_decimal(digits) else {
            return Some(Err(i + 1));
        };
        let suffix = self.num_suffix(i);
        let mut end = i + 1;
        let mut scale = 1.0;
        let mut unit = NumberUnit::Count;
        let mut mode = Mode::Noun;
        match suffix {
            "" => {}
            "st" | "nd" | "rd" | "th" => {
                if decimals != 0 {
                    return Some(Err(end));
                }
                return Some(Ok(Core {
                    start: i,
                    end,
                    value: mantissa,
                    unit: NumberUnit::Ordinal,
                    approx: false,
                    mode,
                }));
            }
            "pc" | "pct" => unit = NumberUnit::Percent,
            s => {
                if let Some(x) = scale_suffix(s) {
                    scale = x;
                } else if let Some(u) = unit_suffix(s) {
                    mode = Mode::Unit(u);
                } else {
                    // "20s", "3pm" leftovers, "5G": not a count.
                    return Some(Err(end));
                }
            }
        }
        // "No. 2"
        if i >= 2
            && self.is_p(i - 1, '.')
            && self.key(i - 2) == "no"
            && self.cap(i - 2)
            && scale == 1.0
        {
            return Some(Ok(Core {
                start: i,
                end,
                value: mantissa / 10f64.powi(decimals),
                unit: NumberUnit::Ordinal,
                approx: false,
                mode: Mode::Noun,
            }));
        }
        if scale == 1.0
            && unit == NumberUnit::Count
            && let Some(x) = scale_word(self.wkey(end))
        {
            scale = x;
            end += 1;
        }
        if unit == NumberUnit::Count
            && let Some((u, e)) = self.unit_after(end, scale > 1.0)
        {
            unit = u;
            end = e;
            if u == NumberUnit::Money {
                mode = Mode::Money;
            }
        }
        let value = scaled(mantissa, decimals, scale);
        // "1 in 5 adults"
        if unit == NumberUnit::Count
            && scale == 1.0
            && decimals == 0
            && self.wkey(end) == "in"
            && let Some(y) = self.count_word_at(end + 1)
            && y > value
            && value >= 1.0
        {
            return Some(Ok(Core {
                start: i,
                end: end + 2,
                value: round1(100.0 * value / y),
                unit: NumberUnit::Percent,
                approx: false,
                mode: Mode::Noun,
            }));
        }
        Some(Ok(Core {
            start: i,
            end,
            value,
            unit,
            approx: false,
            mode,
        }))
    }

    /// A unit after a number: "%", "percent", "per cent", "percentage points", a currency.
    fn unit_after(&self, j: usize, scaled: bool) -> Option<(NumberUnit, usize)> {
        if self.is_p(j, '%') && self.free(j) {
            return Some((NumberUnit::Percent, j + 1));
        }
        let k = self.wkey(j);
        match k {
            "percent" | "pct" | "pc" => Some((NumberUnit::Percent, j + 1)),
            "per" if self.wkey(j + 1) == "cent" => Some((NumberUnit::Percent, j + 2)),
            "percentage" if matches!(self.wkey(j + 1), "point" | "points") => {
                Some((NumberUnit::Percent, j + 2))
            }
            "pound" | "pounds" if self.wkey(j + 1) == "sterling" => {
                Some((NumberUnit::Money, j + 2))
            }
            "pound" | "pounds" if scaled => Some((NumberUnit::Money, j + 1)),
            "us" | "u.s." if matches!(self.wkey(j + 1), "dollar" | "dollars") => {
                Some((NumberUnit::Money, j + 2))
            }
            _ if is_currency_word(k) => Some((NumberUnit::Money, j + 1)),
            _ => None,
        }
    }

    fn word_core(&self, i: usize) -> Option<Result<Core, usize>> {
        let k = self.wkey(i);
        if k.is_empty() {
            return None;
        }
        // "half a million"
        if k == "half"
            && matches!(self.wkey(i + 1), "a" | "an")
            && let Some(v) = match self.wkey(i + 2) {
                "dozen" => Some(6.0),
                "hundred" => Some(50.0),
                "thousand" => Some(500.0),
                "million" => Some(5e5),
                "billion" => Some(5e8),
                _ => None,
            }
        {
            return Some(Ok(self.with_unit(i, i + 3, v, v >= 1000.0, false)));
        }
        if let Some(r) = self.fraction_at(i) {
            return Some(r);
        }
        if let Some(r) = self.vague_at(i) {
            return Some(Ok(r));
        }
        if let Some(n) = ordinal_word(k) {
            return self.ordinal_ok(i, k).then_some(Ok(Core {
                start: i,
                end: i + 1,
                value: f64::from(n),
                unit: NumberUnit::Ordinal,
                approx: false,
                mode: Mode::Noun,
            }));
        }
        if k == "one" && self.one_is_pronoun(i) {
            return None;
        }
        let (value, end) = self.word_number(i)?;
        let core = self.with_unit(i, end, value, value >= 1000.0, false);
        // "one in five adults"
        if core.unit == NumberUnit::Count
            && self.wkey(core.end) == "in"
            && let Some(y) = self.count_word_at(core.end + 1)
            && y > value
            && value >= 1.0
        {
            return Some(Ok(Core {
                end: core.end + 2,
                value: round1(100.0 * value / y),
                unit: NumberUnit::Percent,
                ..core
            }));
        }
        Some(Ok(core))
    }

    /// A count from `start` to `end`, extended over a following unit ("twenty percent").
    fn with_unit(&self, start: usize, end: usize, value: f64, big: bool, approx: bool) -> Core {
        match self.unit_after(end, big) {
            Some((unit, e)) => Core {
                start,
                end: e,
                value,
                unit,
                approx,
                mode: if unit == NumberUnit::Money {
                    Mode::Money
                } else {
                    Mode::Noun
                },
            },
            None => Core {
                start,
                end,
                value,
                unit: NumberUnit::Count,
                approx,
                mode: Mode::Noun,
            },
        }
    }

    /// "a fifth", "one-fifth", "two thirds", "half" — only before "of".
    fn fraction_at(&self, i: usize) -> Option<Result<Core, usize>> {
        let k = self.wkey(i);
        let (num, den, end) = if let Some((a, b)) = k.split_once('-')
            && let (Some(n), Some(d)) = (numerator(a), denominator(b))
        {
            (n, d, i + 1)
        } else if k == "half" {
            (1, 2, i + 1)
        } else if let (Some(n), Some(d)) = (numerator(k), denominator(self.wkey(i + 1))) {
            (n, d, i + 2)
        } else {
            return None;
        };
        if self.wkey(end) != "of" {
            return Some(Err(end));
        }
        Some(Ok(Core {
            start: i,
            end,
            value: round1(100.0 * f64::from(num) / f64::from(den)),
            unit: NumberUnit::Percent,
            approx: true,
            mode: Mode::Of,
        }))
    }

    /// "dozens", "hundreds", "thousands", "tens of thousands", "millions of dollars".
    fn vague_at(&self, i: usize) -> Option<Core> {
        let k = self.wkey(i);
        let base = match k {
            "dozens" => 24.0,
            "hundreds" => 200.0,
            "thousands" => 2e3,
            "millions" => 2e6,
            "billions" => 2e9,
            "tens" => 20.0,
            _ => return None,
        };
        let mut end = i + 1;
        let mut value = base;
        let of_scale = match self.wkey(i + 2) {
            "thousands" => Some(1e3),
            "millions" => Some(1e6),
            "billions" => Some(1e9),
            _ => None,
        };
        if self.wkey(i + 1) == "of"
            && let Some(scale) = of_scale
            && matches!(k, "tens" | "hundreds" | "dozens")
        {
            value = base * scale;
            end = i + 3;
        } else if k == "tens" {
            return None;
        }
        let mut unit = NumberUnit::Count;
        if self.wkey(end) == "of" && is_currency_word(self.wkey(end + 1)) {
            unit = NumberUnit::Money;
            end += 2;
        }
        Some(Core {
            start: i,
            end,
            value,
            unit,
            approx: true,
            mode: Mode::Noun,
        })
    }

    /// Word ordinals need a determiner: "the third day", "its second attempt", "a second".
    fn ordinal_ok(&self, i: usize, k: &str) -> bool {
        let p = i
            .checked_sub(1)
            .map_or("", |p| if self.is_word(p) { self.key(p) } else { "" });
        matches!(
            p,
            "the"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "your"
                | "my"
                | "this"
                | "that"
                | "every"
                | "each"
        ) || i.checked_sub(1).is_some_and(|q| self.poss(q))
            || (matches!(p, "a" | "an") && matches!(k, "first" | "second"))
    }

    /// "one" as a pronoun: "one of the", "no one", "the one who".
    fn one_is_pronoun(&self, i: usize) -> bool {
        let next = self.key(i + 1);
        if matches!(
            next,
            "hundred" | "thousand" | "million" | "billion" | "dozen" | "in"
        ) {
            return false;
        }
        let prev = i
            .checked_sub(1)
            .map_or("", |p| if self.is_word(p) { self.key(p) } else { "" });
        if matches!(
            prev,
            "no" | "the" | "any" | "every" | "each" | "this" | "that" | "only" | "which"
        ) {
            return true;
        }
        !self.is_word(i + 1) || is_function(next) || is_verb(next) || is_speech_verb(next)
    }

    /// A cardinal in words: "nine", "twenty-five", "two hundred", "a dozen", "three million".
    fn word_number(&self, i: usize) -> Option<(f64, usize)> {
        let mut total = 0.0;
        let mut current = 0.0;
        let mut j = i;
        let mut any = false;
        let mut last_small: Option<u32> = None;
        if matches!(self.wkey(i), "a" | "an") {
            if !matches!(
                self.wkey(i + 1),
                "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen"
            ) {
                return None;
            }
            current = 1.0;
            any = true;
            j = i + 1;
        }
        while self.is_word(j) && self.free(j) {
            let k = self.key(j);
            if let Some(v) = small_word(k) {
                match last_small {
                    // "twenty five"
                    Some(t) if t >= 20 && t % 10 == 0 && (1..=9).contains(&v) => {}
                    Some(_) => break,
                    None => {}
                }
                current += f64::from(v);
                any = true;
                last_small = Some(v);
                j += 1;
                continue;
            }
            if !any {
                break;
            }
            match k {
                "hundred" => current = current.max(1.0) * 100.0,
                "dozen" => current = current.max(1.0) * 12.0,
                "thousand" | "million" | "billion" | "trillion" => {
                    total += current.max(1.0) * scale_word(k).unwrap_or(1.0);
                    current = 0.0;
                }
                "and" if last_small.is_none() && small_word(self.wkey(j + 1)).is_some() => {}
                _ => break,
            }
            last_small = None;
            j += 1;
        }
        any.then_some((total + current, j))
    }

    /// Where a hedge before the number phrase at `start` begins ("at least", "about").
    fn hedge_start(&self, start: usize) -> usize {
        let word = |back: usize| match start.checked_sub(back) {
            Some(k) if self.is_word(k) && self.free(k) => self.key(k),
            _ => "",
        };
        let (w1, w2, w3) = (word(1), word(2), word(3));
        if !w3.is_empty() && HEDGES_3.contains(&[w3, w2, w1]) {
            return start - 3;
        }
        if !w2.is_empty() && HEDGES_2.contains(&[w2, w1]) {
            return start - 2;
        }
        if is_hedge_word(w1) {
            return start - 1;
        }
        start
    }

    /// The stem of what the number ending before token `j` counts.
    fn counted(&self, j: usize, mode: Mode) -> Option<String> {
        match mode {
            Mode::Unit(u) => return Some(cached_stem(u)),
            Mode::Of => return self.of_phrase(j),
            _ => {}
        }
        // "20-year-old", "10-day": the first part of a hyphen-glued word.
        if self.is_p(j, '-')
            && self.glued_to_prev(j)
            && self.adjacent(j, j + 1)
            && self.is_word(j + 1)
        {
            let k = self.key(j + 1);
            let first = k.split('-').next().unwrap_or(k);
            return (!first.is_empty() && !is_function(first)).then(|| cached_stem(first));
        }
        match self.wkey(j) {
            "of" => self.of_phrase(j),
            "in" | "for" if mode == Mode::Money => self.noun_run(self.skip_dets(j + 1)),
            _ => self.noun_run(j),
        }
    }

    fn skip_dets(&self, mut k: usize) -> usize {
        while self.is_word(k)
            && matches!(
                self.key(k),
                "the"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "a"
                    | "an"
                    | "all"
                    | "my"
                    | "your"
            )
        {
            k += 1;
        }
        k
    }

    /// The head noun after "of (the) (Ukraine's) (33)".
    fn of_phrase(&self, j: usize) -> Option<String> {
        if self.key(j) != "of" {
            return None;
        }
        let mut k = self.skip_dets(j + 1);
        for _ in 0..3 {
            if (self.is_word(k) && self.poss(k))
                || self.is_num(k)
                || small_word(self.key(k)).is_some()
            {
                k += 1;
            } else {
                break;
            }
        }
        self.noun_run(k)
    }

    /// The head of up to three content words from `j`: the first plural-looking word (over a
    /// following plural: "police officers"), else the last word.
    fn noun_run(&self, j: usize) -> Option<String> {
        let mut k = j;
        for _ in 0..2 {
            if self.is_word(k) && is_count_modifier(self.key(k)) {
                k += 1;
            }
        }
        let mut run = [0usize; 3];
        let mut len = 0;
        while len < 3 {
            let Some(t) = self.t.get(k) else { break };
            if t.kind != Kind::Word || t.claim == Claim::Time {
                break;
            }
            let key = self.key(k);
            if key.is_empty()
                || is_function(key)
                || is_verb(key)
                || is_speech_verb(key)
                || small_word(key).is_some()
            {
                break;
            }
            // "-ed"/"-ing" words only as leading modifiers ("trapped miners", not "people died").
            if len > 0
                && (is_past_form(key) || key.ends_with("ing"))
                && !run[..len]
                    .iter()
                    .all(|&r| is_past_form(self.key(r)) || self.key(r).ends_with("ing"))
            {
                break;
            }
            run[len] = k;
            len += 1;
            if t.poss > 0 {
                break;
            }
            k += 1;
        }
        let run = &run[..len];
        let head = match run.iter().position(|&r| plural_like(self.key(r))) {
            Some(mut p) => {
                // Only an irregular plural used as a modifier extends: "police officers",
                // not "adults smokes".
                while p + 1 < run.len()
                    && !self.key(run[p]).ends_with('s')
                    && plural_like(self.key(run[p + 1]))
                {
                    p += 1;
                }
                run[p]
            }
            None => *run.last()?,
        };
        let key = self.key(head).trim_end_matches('\'');
        if key.is_empty() || is_modifier_only(key) || (run.len() == 1 && is_past_form(key)) {
            return None;
        }
        Some(cached_stem(key))
    }
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

#[rustfmt::skip]
fn is_name_connector(k: &str) -> bool {
    matches!(
        k,
        "of" | "for" | "de"
            | "del" | "della" | "da" | "di" | "du" | "des" | "bin" | "bint" | "ibn" | "al" | "el"
            | "van" | "von" | "der" | "den" | "la" | "le" | "y"
    )
}

/// A single capital letter (an initial) or an abbreviated title ("Mr", "Gen").
fn is_initial_or_title(text: &str) -> bool {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    [
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt",
        "Prof", "St", "Maj", "Adm", "Cpl", "Rev", "Hon", "Pres", "Sr", "Jr", "Mt", "Ft", "Brig",
        "Cmdr",
    ]
    .contains(&text)
}

impl Cx<'_> {
    /// A capitalised word that can be part of a name.
    fn name_word(&self, j: usize) -> bool {
        let Some(t) = self.t.get(j) else { return false };
        if t.kind != Kind::Word || t.claim != Claim::Free {
            return false;
        }
        let k = self.key(j);
        if k == "i" || k.starts_with("i'") {
            return false;
        }
        t.cap
            || (["al-", "el-", "ad-", "as-", "an-"]
                .iter()
                .any(|p| k.starts_with(p))
                && self
                    .text(j)
                    .get(3..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_uppercase))
    }

    /// Sentence- and quote-initial words are names only when they are not common words.
    fn name_start_ok(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else { return false };
        let sentence_start = Some(i) == self.first;
        if !sentence_start && !t.quote_start {
            return true;
        }
        let k = self.key(i);
        if is_common_starter(k) || small_word(k).is_some() || ordinal_word(k).is_some() {
            return false;
        }
        if t.quote_start
            && !sentence_start
            && !self.name_word(i + 1)
            && (k.ends_with("ing") || k.ends_with("ed") || k.ends_with("ly"))
        {
            return false;
        }
        true
    }

    fn names(&mut self) -> Vec<NameFact> {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let n = self.t.len();
        let mut i = 0;
        while i < n {
            if self.is_num(i) && self.text(i) == "9/11" {
                runs.push((i, i + 1));
                i += 1;
                continue;
            }
            if !self.name_word(i) || !self.name_start_ok(i) {
                i += 1;
                continue;
            }
            let mut last = i;
            let mut j = i + 1;
            while !self.poss(last) {
                if self.name_word(j) && !self.t.get(j).is_some_and(|t| t.quote_start) {
                    last = j;
                    j += 1;
                    continue;
                }
                let k = self.key(j);
                if self.is_word(j) && !self.cap(j) && is_name_connector(k) {
                    if self.name_word(j + 1) {
                        j += 1;
                        continue;
                    }
                    if matches!(k, "of" | "for")
                        && self.key(j + 1) == "the"
                        && self.name_word(j + 2)
                    {
                        j += 2;
                        continue;
                    }
                }
                if self.is_p(j, '.')
                    && self.adjacent(last, j)
                    && is_initial_or_title(self.text(last))
                    && self.name_word(j + 1)
                {
                    j += 1;
                    continue;
                }
                if self.is_p(j, '&') && self.name_word(j + 1) {
                    j += 1;
                    continue;
                }
                break;
            }
            let mut a = i;
            while a < last && matches!(self.key(a), "the" | "a" | "an") {
                a += 1;
            }
            if !matches!(self.key(a), "the" | "a" | "an") {
                runs.push((a, last + 1));
            }
            i = last + 1;
        }
        let mut out = Vec::with_capacity(runs.len());
        for (a, b) in runs {
            for t in self.t.iter_mut().take(b).skip(a) {
                t.name = true;
            }
            let span = self.span(a, b);
            out.push(NameFact {
                span,
                text: span.slice(self.s).to_string(),
            });
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Attribution
// ---------------------------------------------------------------------------------------------

#[rustfmt::skip]
fn is_speech_verb(k: &str) -> bool {
    matches!(
        k,
        "said" | "says" | "say" | "told" | "tells" | "tell" | "reported" | "reports" | "announced"
        | "announces" | "wrote" | "writes" | "confirmed" | "confirms" | "added" | "adds" | "claimed"
        | "claims" | "denied" | "denies" | "stated" | "states" | "tweeted" | "tweets" | "posted"
        | "noted" | "notes" | "warned" | "warns" | "insisted" | "insists" | "explained" | "explains"
        | "acknowledged" | "acknowledges" | "admitted" | "admits" | "alleged" | "alleges"
        | "asserted" | "declared" | "declares" | "argued" | "argues" | "revealed" | "testified"
        | "disclosed" | "replied"
    )
}

/// Verbs that may precede their speaker: "“…,” said Peskov."
#[rustfmt::skip]
fn is_inversion_verb(k: &str) -> bool {
    matches!(
        k,
        "said" | "says" | "added" | "adds" | "wrote" | "writes" | "noted" | "explained" | "asked"
        | "continued" | "insisted" | "declared" | "warned" | "stated" | "claimed" | "tweeted"
        | "replied"
    )
}

/// Words that may stand between a speaker and the verb: "Peskov also said".
#[rustfmt::skip]
fn is_attr_adverb(k: &str) -> bool {
    matches!(
        k,
        "also" | "later" | "earlier" | "previously" | "again" | "repeatedly" | "separately"
        | "initially" | "first" | "then" | "has" | "have" | "had" | "would" | "will" | "publicly"
        | "privately" | "officially" | "recently" | "originally" | "subsequently" | "once"
        | "already" | "reportedly" | "further" | "just" | "last"
    )
}

fn is_pronoun(k: &str) -> bool {
    matches!(k, "he" | "she" | "they" | "it" | "we" | "i" | "you")
}

/// Determiners that may open a source noun phrase.
#[rustfmt::skip]
fn is_np_det(k: &str) -> bool {
    matches!(
        k,
        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "some"
        | "many" | "several" | "both" | "all" | "other" | "another" | "these" | "those" | "most"
        | "few" | "each" | "every" | "no" | "any"
    )
}

/// Prepositions allowed inside a source noun phrase ("a person familiar with the matter").
fn is_np_prep(k: &str) -> bool {
    matches!(
        k,
        "of" | "with" | "to" | "for" | "at" | "from" | "in" | "on"
    )
}

fn is_past_form(k: &str) -> bool {
    k.len() > 4 && k.ends_with("ed") && !k.ends_with("eed") && k != "hundred"
}

#[rustfmt::skip]
fn is_ed_adjective(k: &str) -> bool {
    matches!(
        k,
        "retired" | "unnamed" | "unidentified" | "armed" | "elected" | "detained" | "displaced"
        | "trapped" | "informed" | "concerned" | "affected" | "injured" | "wounded" | "jailed"
        | "exiled" | "released" | "fired" | "ousted" | "qualified" | "licensed" | "united"
        | "embattled" | "besieged" | "assembled" | "appointed" | "sanctioned"
    )
}

#[rustfmt::skip]
fn is_title(k: &str) -> bool {
    matches!(
        k,
        "president" | "minister" | "secretary" | "spokesman" | "spokeswoman" | "spokesperson"
        | "mayor" | "governor" | "senator" | "sen" | "rep" | "gen" | "general" | "director"
        | "chief" | "chairman" | "chairwoman" | "chair" | "ceo" | "commander" | "ambassador"
        | "prime" | "foreign" | "defense" | "defence" | "interior" | "deputy" | "vice"
        | "prosecutor" | "judge" | "king" | "queen" | "prince" | "princess" | "pope" | "mr" | "mrs"
        | "ms" | "dr" | "professor" | "prof" | "lt" | "col" | "capt" | "sgt" | "adm" | "justice"
        | "attorney" | "speaker" | "leader" | "head" | "envoy" | "representative" | "congressman"
        | "congresswoman" | "councillor" | "councilor" | "sheriff" | "officer" | "inspector"
        | "superintendent" | "commissioner" | "chancellor" | "premier" | "former" | "acting"
        | "senior" | "state" | "health" | "finance" | "economy" | "home"
    )
}

/// Unnamed people: their words are anonymous.
#[rustfmt::skip]
fn is_people(k: &str) -> bool {
    let singular = k.strip_suffix('s').unwrap_or(k);
    matches!(
        k,
        "people" | "men" | "women" | "staff" | "personnel" | "witnesses" | "someone" | "spokesman"
        | "spokeswoman" | "spokesperson" | "spokespeople" | "man" | "woman" | "crew"
    ) || matches!(
        singular,
        "official" | "source" | "person" | "diplomat" | "engineer" | "resident" | "aide"
        | "employee" | "worker" | "analyst" | "expert" | "insider" | "member" | "staffer"
        | "lawmaker" | "legislator" | "investigator" | "soldier" | "commander" | "individual"
        | "executive" | "adviser" | "advisor" | "regulator" | "prosecutor" | "researcher"
        | "scientist" | "doctor" | "nurse" | "activist" | "survivor" | "relative" | "neighbour"
        | "neighbor" | "colleague" | "friend" | "associate" | "negotiator" | "lawyer" | "officer"
        | "agent" | "operative" | "rescuer" | "firefighter" | "passenger" | "miner" | "journalist"
        | "reporter" | "correspondent" | "citizen" | "voter" | "protester" | "student" | "teacher"
        | "parent" | "witness" | "villager" | "local" | "critic" | "observer" | "participant"
        | "attendee" | "guard" | "pilot" | "fighter"
    )
}

/// Institutions: named sources even without a proper name ("police", "the health board").
#[rustfmt::skip]
fn is_institution(k: &str) -> bool {
    matches!(
        k,
        "police" | "ministry" | "government" | "board" | "agency" | "department" | "army"
        | "military" | "kremlin" | "council" | "court" | "company" | "firm" | "newspaper" | "paper"
        | "outlet" | "broadcaster" | "authorities" | "authority" | "administration" | "office"
        | "commission" | "committee" | "service" | "services" | "bureau" | "embassy" | "parliament"
        | "congress" | "senate" | "cabinet" | "regime" | "party" | "union" | "bank" | "university"
        | "hospital" | "organization" | "organisation" | "group" | "institute" | "network"
        | "channel" | "magazine" | "website" | "daily" | "tabloid" | "navy" | "command"
        | "headquarters" | "statement" | "report" | "presidency" | "palace" | "mission" | "operator"
        | "utility" | "airline" | "municipality" | "city" | "county" | "region" | "province"
        | "watchdog" | "inquiry" | "coalition" | "alliance" | "forces" | "force" | "guard"
        | "ministries" | "agencies" | "media" | "state" | "nation" | "country" | "prosecutors"
        | "team" | "club" | "league" | "federation" | "regulator" | "center" | "centre"
        | "foundation" | "charity"
    )
}

impl Cx<'_> {
    fn attribution(&self) -> Option<Attribution> {
        let n = self.t.len();
        let open = |v: usize| self.is_word(v) && !self.quoted(v);
        let mut best: Option<(usize, usize, String)> = None;
        for v in 0..n {
            if let Some(found) = self.said_clause(v) {
                best = Some(found);
            }
        }
        if best.is_none() {
            best = (0..n)
                .filter(|&v| open(v) && self.key(v) == "according" && self.key(v + 1) == "to")
                .find_map(|v| self.fwd_np(v + 2, true))
                .map(|(a, b)| (a, b, "according to".to_string()));
        }
        if best.is_none() {
            best = (0..n)
                .filter(|&v| open(v) && matches!(self.key(v), "citing" | "quoting"))
                .find_map(|v| {
                    self.fwd_np(v + 1, false)
                        .map(|np| (np, self.text(v).to_string()))
                })
                .map(|((a, b), verb)| (a, b, verb));
        }
        if best.is_none() {
            // "The newspaper based its claim on two former Russian officials."
            best = (0..n)
                .filter(|&v| {
                    open(v)
                        && self.key(v) == "based"
                        && matches!(
                            self.key(v + 1),
                            "its" | "their" | "his" | "her" | "the" | "this"
                        )
                        && matches!(
                            self.key(v + 2),
                            "claim"
                                | "claims"
                                | "report"
                                | "reporting"
                                | "story"
                                | "account"
                                | "information"
                                | "assessment"
                                | "findings"
                        )
                        && self.key(v + 3) == "on"
                })
                .find_map(|v| {
                    self.fwd_np(v + 4, false)
                        .map(|np| (np, self.slice(v, v + 4).to_string()))
                })
                .map(|((a, b), verb)| (a, b, verb));
        }
        if best.is_none() {
            // "… officials who spoke on condition of anonymity"
            best = (1..n)
                .filter(|&w| {
                    open(w)
                        && self.key(w) == "who"
                        && matches!(self.key(w + 1), "spoke" | "speaking")
                })
                .find_map(|w| {
                    let last = if self.is_p(w - 1, ',') {
                        w.checked_sub(2)?
                    } else {
                        w - 1
                    };
                    let verb = if self.key(w + 2) == "to" {
                        "spoke to"
                    } else {
                        "spoke"
                    };
                    self.back_np(last, false)
                        .map(|(a, b)| (a, b, verb.to_string()))
                });
        }
        let (a, b, verb) = best?;
        let source = self.slice(a, b);
        (!source.is_empty()).then(|| Attribution {
            source: source.to_string(),
            verb,
            anonymous: self.anonymous(a, b),
        })
    }

    /// A said-type clause at verb `v`: (source start, source end, verb).
    fn said_clause(&self, v: usize) -> Option<(usize, usize, String)> {
        let t = self.t.get(v)?;
        if t.kind != Kind::Word || t.quoted || t.cap {
            return None;
        }
        let k = self.key(v);
        if !is_speech_verb(k) {
            return None;
        }
        let verb = self.text(v).to_string();
        if k == "reported" && self.key(v + 1) == "by" {
            return self
                .fwd_np(v + 2, false)
                .map(|(a, b)| (a, b, "reported by".to_string()));
        }
        // Skip adverbs, auxiliaries and time phrases between the speaker and the verb.
        let mut p = v;
        for _ in 0..6 {
            match p.checked_sub(1) {
                Some(q)
                    if self.claim_of(q) == Some(Claim::Time)
                        || (self.is_word(q) && is_attr_adverb(self.key(q))) =>
                {
                    p = q
                }
                _ => break,
            }
        }
        let prev = p.checked_sub(1);
        if let Some(q) = prev {
            let qk = self.key(q);
            // "his claims", "the reported attack", "Russia's denials": not a verb here.
            if self.is_word(q)
                && !is_pronoun(qk)
                && (is_np_det(qk) || self.poss(q) || small_word(qk).is_some() || is_time_prep(qk))
            {
                return None;
            }
            if let Some((a, b)) = self.back_np(q, true) {
                return Some((a, b, verb));
            }
            if self.is_p(q, ',') {
                if is_inversion_verb(k)
                    && let Some((a, b)) = self.fwd_np(v + 1, false)
                    && self.ends_inverted_speaker(b)
                {
                    return Some((a, b, verb));
                }
                return self.appositive_np(q).map(|(a, b)| (a, b, verb));
            }
        }
        if is_inversion_verb(k) && prev.is_none_or(|q| self.is_punct(q)) {
            return self
                .fwd_np(v + 1, false)
                .filter(|&(_, b)| self.ends_inverted_speaker(b))
                .map(|(a, b)| (a, b, verb));
        }
        None
    }

    /// True when the noun phrase after an inverted speech verb ends where a speaker would
    /// ("…, said the mayor." / "said the mayor on Friday" / "said the mayor, adding …"), not
    /// where a reported clause goes on ("…, said the barrier had not been inspected": the
    /// barrier is what was said about, not who said it).
    fn ends_inverted_speaker(&self, end: usize) -> bool {
        let Some(t) = self.t.get(end) else {
            return true;
        };
        if t.kind == Kind::Punct || t.quoted || t.claim == Claim::Time {
            return true;
        }
        t.kind == Kind::Word
            && matches!(
                self.key(end),
                "on" | "in"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "adding"
                    | "according"
                    | "who"
                    | "last"
                    | "this"
                    | "yesterday"
                    | "today"
                    | "earlier"
                    | "later"
                    | "late"
                    | "and"
            )
    }

    /// The noun phrase ending at token `last`, read backwards. With `allow_who`, a phrase cut
    /// by a verb is retried before a "who" ("officials who spoke to Reuters said").
    fn back_np(&self, last: usize, allow_who: bool) -> Option<(usize, usize)> {
        let end = last + 1;
        let t = self.t.get(last)?;
        if t.quoted || t.claim == Claim::Time {
            return None;
        }
        if t.kind == Kind::Word && is_pronoun(self.key(last)) {
            return Some((last, end));
        }
        let mut start = end;
        let mut k = last;
        let mut blocker: Option<usize> = None;
        for _ in 0..12 {
            let Some(t) = self.t.get(k) else { break };
            let key = self.key(k);
            let include = !t.quoted
                && t.claim != Claim::Time
                && match t.kind {
                    Kind::Punct => {
                        (key == "."
                            && k > 0
                            && self.adjacent(k - 1, k)
                            && is_initial_or_title(self.text(k - 1)))
                            || ((key == "&" || key == "-")
                                && self.glued_to_prev(k)
                                && self.adjacent(k, k + 1))
                    }
                    Kind::Num => true,
                    Kind::Word => {
                        !is_pronoun(key)
                            && (is_np_det(key)
                                || small_word(key).is_some()
                                || is_np_prep(key)
                                || key == "and"
                                || self.is_content(k))
                    }
                };
            if !include {
                blocker = Some(k);
                break;
            }
            start = k;
            // A determiner or a count opens the phrase unless a preposition or another
            // determiner comes before it ("a person familiar with the matter").
            if t.kind == Kind::Num || is_np_det(key) || small_word(key).is_some() {
                let pk = self.pk(k);
                if !(k > 0 && self.is_word(k - 1) && (is_np_det(pk) || is_np_prep(pk))) {
                    break;
                }
            }
            let Some(next) = k.checked_sub(1) else { break };
            k = next;
        }
        while start < end
            && self.is_word(start)
            && (is_np_prep(self.key(start)) || matches!(self.key(start), "and" | "or" | "but"))
        {
            start += 1;
        }
        if allow_who
            && let Some(b) = blocker
            && self.is_word(b)
            && self.key(b) != "who"
            && !is_function(self.key(b))
        {
            let mut w = b;
            for _ in 0..14 {
                let Some(prev) = w.checked_sub(1) else { break };
                w = prev;
                if self.quoted(w) || (self.is_punct(w) && !self.is_p(w, '-')) {
                    break;
                }
                if self.key(w) == "who" {
                    let before = if self.is_p(w.wrapping_sub(1), ',') {
                        w.checked_sub(2)
                    } else {
                        w.checked_sub(1)
                    };
                    return before.and_then(|x| self.back_np(x, false));
                }
            }
        }
        if start >= end {
            return None;
        }
        (start..end)
            .any(|x| self.is_content(x) || self.is_num(x))
            .then_some((start, end))
    }

    /// "Dmitry Peskov, the Kremlin spokesman, said": the phrase before the appositive.
    fn appositive_np(&self, comma: usize) -> Option<(usize, usize)> {
        let mut k = comma;
        for _ in 0..20 {
            k = k.checked_sub(1)?;
            let t = self.t.get(k)?;
            if t.quoted {
                return None;
            }
            if t.kind == Kind::Punct {
                if self.is_p(k, ',') {
                    if k + 1 >= comma {
                        return None;
                    }
                    return self.back_np(k.checked_sub(1)?, false);
                }
                if !self.is_p(k, '-') && !self.is_p(k, '.') {
                    return None;
                }
            }
        }
        None
    }

    /// The noun phrase starting at token `j`, read forwards ("the health board", "a person
    /// familiar with the matter", "two former Russian officials").
    fn fwd_np(&self, j: usize, allow_pronoun: bool) -> Option<(usize, usize)> {
        let t = self.t.get(j)?;
        if t.quoted || t.claim == Claim::Time {
            return None;
        }
        if t.kind == Kind::Word && is_pronoun(self.key(j)) {
            return allow_pronoun.then_some((j, j + 1));
        }
        let mut end = j;
        for k in (j..).take(12) {
            let Some(t) = self.t.get(k) else { break };
            if t.quoted || t.claim == Claim::Time {
                break;
            }
            let key = self.key(k);
            let ok = match t.kind {
                Kind::Punct => {
                    (key == "."
                        && self.glued_to_prev(k)
                        && is_initial_or_title(self.text(k - 1))
                        && self.is_word(k + 1))
                        || ((key == "&" || key == "-")
                            && self.glued_to_prev(k)
                            && self.adjacent(k, k + 1))
                }
                Kind::Num => true,
                Kind::Word => match key {
                    "who" | "that" | "which" | "whose" => false,
                    "of" | "at" | "for" | "from" => k > j,
                    "with" | "to" | "on" => matches!(
                        self.pk(k),
                        "familiar"
                            | "close"
                            | "briefed"
                            | "knowledge"
                            | "connected"
                            | "linked"
                            | "loyal"
                            | "involved"
                            | "knowledgeable"
                    ),
                    "in" => k > j && self.cap(k + 1) && self.free(k + 1),
                    _ => is_np_det(key) || small_word(key).is_some() || self.is_content(k),
                },
            };
            if !ok {
                break;
            }
            if t.kind == Kind::Num || self.is_content(k) {
                end = k + 1;
            }
        }
        (end > j).then_some((j, end))
    }

    /// True for unnamed people; false for pronouns, named people and institutions.
    fn anonymous(&self, a: usize, b: usize) -> bool {
        if b == a + 1 && is_pronoun(self.key(a)) {
            return false;
        }
        // Only the part before a post-modifier names the source ("people close to Putin").
        let mut e = a;
        while e < b
            && !matches!(
                self.key(e),
                "who"
                    | "familiar"
                    | "close"
                    | "with"
                    | "briefed"
                    | "knowledgeable"
                    | "involved"
                    | "speaking"
                    | "on"
            )
        {
            e += 1;
        }
        if e == a {
            e = b;
        }
        let sentence_start = |x: usize| Some(x) == self.first;
        for x in a..e {
            let key = self.key(x);
            let common_start = sentence_start(x) && is_common_starter(key);
            let proper = self.t.get(x).is_some_and(|t| t.name)
                && !is_title(key)
                && !is_np_det(key)
                && !common_start;
            // A capitalised word before a lowercase noun is a modifier: "Russian officials",
            // "Kremlin spokesman".
            let modifier = x + 1 < e
                && self.is_word(x + 1)
                && !self.cap(x + 1)
                && !is_function(self.key(x + 1));
            if proper && !modifier {
                return false;
            }
        }
        let Some(head) = (a..e).rev().find(|&x| self.is_word(x)) else {
            return false;
        };
        let key = self.key(head);
        if is_people(key) {
            return true;
        }
        if is_institution(key) || (self.cap(head) && !sentence_start(head)) {
            return false;
        }
        plural_like(key)
    }
}

// ---------------------------------------------------------------------------------------------
// Negation and cited outlets
// ---------------------------------------------------------------------------------------------

/// Words that make a capitalised run an outlet even when the outlet is unknown.
#[rustfmt::skip]
fn is_outlet_word(k: &str) -> bool {
    matches!(
        k,
        "times" | "post" | "journal" | "news" | "herald" | "gazette" | "tribune" | "press"
        | "agency" | "wire" | "courier" | "daily" | "chronicle" | "observer" | "star" | "mail"
        | "express" | "record" | "review" | "standard" | "dispatch" | "bulletin" | "sun"
        | "telegraph" | "monitor" | "register" | "inquirer" | "mirror" | "today" | "radio" | "tv"
        | "television" | "broadcasting"
    )
}

/// Lowercase words describing an outlet ("news agency", "state broadcaster").
#[rustfmt::skip]
fn is_outlet_descriptor(k: &str) -> bool {
    matches!(
        k,
        "newspaper" | "news" | "agency" | "daily" | "broadcaster" | "channel" | "network" | "outlet"
        | "magazine" | "tabloid" | "website" | "paper" | "wire" | "service" | "station" | "radio"
        | "television" | "tv" | "state" | "state-run" | "state-owned" | "independent" | "local"
        | "online" | "national" | "public" | "private" | "business" | "financial" | "weekly"
        | "investigative" | "opposition" | "pro-kremlin" | "publication"
    )
}

impl Cx<'_> {
    fn negated(&self) -> bool {
        (0..self.t.len()).any(|i| {
            if !self.is_word(i) {
                return false;
            }
            let k = self.key(i);
            match k {
                "not" => self.key(i + 1) != "only",
                "never" | "cannot" | "neither" | "nor" | "without" | "denied" | "denies"
                | "deny" | "denying" | "refused" | "refuses" | "refuse" | "refusing" | "nobody"
                | "nothing" | "none" | "no-one" => true,
                // "No. 2" is a rank.
                "no" => !(self.is_p(i + 1, '.') && self.is_num(i + 2)),
                _ => k.ends_with("n't"),
            }
        })
    }

    fn cited_outlets(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for v in 0..self.t.len() {
            if !self.is_word(v) || self.quoted(v) {
                continue;
            }
            let k = self.key(v);
            let forward = match k {
                "according" if self.key(v + 1) == "to" => Some(v + 2),
                "told" | "citing" | "quoting" => Some(v + 1),
                "by" if matches!(
                    self.pk(v),
                    "reported"
                        | "published"
                        | "obtained"
                        | "quoted"
                        | "seen"
                        | "cited"
                        | "broadcast"
                        | "aired"
                        | "released"
                        | "revealed"
                ) =>
                {
                    Some(v + 1)
                }
                "with" if self.pk(v) == "interview" => Some(v + 1),
                "to" if matches!(self.pk(v), "spoke" | "speaking" | "talking" | "talked") => {
                    Some(v + 1)
                }
                _ => None,
            };
            if let Some(j) = forward {
                self.outlet_forward(j, &mut out);
            } else if !self.cap(v)
                && matches!(
                    k,
                    "reported" | "reports" | "said" | "says" | "wrote" | "writes" | "revealed"
                )
                && self.key(v + 1) != "by"
            {
                self.outlet_backward(v, &mut out);
            }
        }
        out
    }

    fn outlet_word_ok(&self, k: usize) -> bool {
        self.t
            .get(k)
            .is_some_and(|t| t.kind == Kind::Word && t.cap && t.claim != Claim::Time && !t.quoted)
    }

    /// "The New York Times reported", "Interfax news agency reported".
    fn outlet_backward(&self, v: usize, out: &mut Vec<String>) {
        let mut p = v;
        for _ in 0..4 {
            match p.checked_sub(1) {
                Some(q)
                    if self.is_word(q)
                        && !self.cap(q)
                        && (is_attr_adverb(self.key(q)) || is_outlet_descriptor(self.key(q))) =>
                {
                    p = q
                }
                _ => break,
            }
        }
        let Some(last) = p.checked_sub(1) else { return };
        if !self.outlet_word_ok(last) {
            return;
        }
        let mut a = last;
        while let Some(q) = a.checked_sub(1) {
            if self.outlet_word_ok(q) && !self.poss(q) {
                a = q;
            } else if self.key(q) == "of"
                && q > 0
                && self.outlet_word_ok(q - 1)
                && !self.poss(q - 1)
            {
                a = q - 1;
            } else {
                break;
            }
        }
        self.consider_outlet(a, last + 1, out);
    }

    /// "according to Reuters", "told the NYT", "citing Russian state news agency TASS".
    fn outlet_forward(&self, j: usize, out: &mut Vec<String>) {
        let mut k = j;
        let mut steps = 0;
        while steps < 8 {
            let Some(t) = self.t.get(k) else { break };
            if t.quoted || t.kind != Kind::Word || t.claim == Claim::Time {
                break;
            }
            if self.outlet_word_ok(k) {
                let a = k;
                let mut b = k + 1;
                while !self.poss(b - 1) {
                    if self.outlet_word_ok(b) {
                        b += 1;
                    } else if self.key(b) == "of" && self.outlet_word_ok(b + 1) {
                        b += 2;
                    } else {
                        break;
                    }
                }
                if self.consider_outlet(a, b, out) {
                    return;
                }
                steps += b - a;
                k = b;
                continue;
            }
            let key = self.key(k);
            if !(matches!(key, "the" | "a" | "an") || is_outlet_descriptor(key)) {
                break;
            }
            k += 1;
            steps += 1;
        }
    }

    /// Records the run `a..b` when it names an outlet; true when it did.
    fn consider_outlet(&self, a: usize, b: usize, out: &mut Vec<String>) -> bool {
        let text = self.slice(a, b);
        if text.is_empty() {
            return false;
        }
        let name = if let Some(known) = cached_known_outlet(text) {
            known.to_string()
        } else if (a..b).any(|x| self.cap(x) && is_outlet_word(self.key(x))) {
            let bare = text
                .strip_prefix("The ")
                .or_else(|| text.strip_prefix("the "))
                .unwrap_or(text);
            canonical_outlet(bare)
        } else {
            return false;
        };
        if !out.contains(&name) {
            out.push(name);
        }
        true
    }
}

// ---------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------

/// Function words: determiners, prepositions, pronouns, conjunctions, auxiliaries, adverbs.
#[rustfmt::skip]
fn is_function(k: &str) -> bool {
    matches!(
        k,
        "a" | "an"
            | "the" | "this" | "that" | "these" | "those" | "his" | "her" | "its" | "their" | "our"
            | "my" | "your" | "some" | "any" | "each" | "every" | "no" | "all" | "both" | "either"
            | "neither" | "such" | "many" | "much" | "more" | "most" | "few" | "fewer" | "less"
            | "least" | "several" | "another" | "other" | "own" | "of" | "in" | "on" | "at" | "by"
            | "for" | "from" | "with" | "to" | "into" | "onto" | "over" | "under" | "about"
            | "after" | "before" | "since" | "until" | "till" | "during" | "through" | "throughout"
            | "across" | "against" | "between" | "among" | "amid" | "amongst" | "near" | "around"
            | "within" | "without" | "via" | "per" | "toward" | "towards" | "upon" | "behind"
            | "beyond" | "despite" | "like" | "unlike" | "except" | "below" | "above" | "along"
            | "outside" | "inside" | "off" | "out" | "up" | "down" | "than" | "he" | "she" | "it"
            | "they" | "we" | "i" | "you" | "him" | "them" | "us" | "me" | "who" | "whom" | "whose"
            | "which" | "what" | "someone" | "anyone" | "everyone" | "nobody" | "somebody"
            | "everybody" | "something" | "anything" | "everything" | "nothing" | "none" | "himself"
            | "herself" | "itself" | "themselves" | "and" | "or" | "but" | "nor" | "so" | "yet"
            | "if" | "because" | "while" | "when" | "where" | "whereas" | "although" | "though"
            | "as" | "whether" | "unless" | "once" | "then" | "how" | "why" | "is" | "are" | "was"
            | "were" | "be" | "been" | "being" | "am" | "has" | "have" | "had" | "having" | "do"
            | "does" | "did" | "will" | "would" | "shall" | "should" | "can" | "could" | "may"
            | "might" | "must" | "not" | "also" | "still" | "just" | "only" | "even" | "now"
            | "there" | "here" | "very" | "too" | "already" | "again" | "ever" | "never" | "soon"
            | "however" | "meanwhile" | "reportedly" | "allegedly" | "apparently" | "according"
            | "ago" | "it's" | "there's" | "that's"
    )
}

/// Common verbs that end a noun phrase.
#[rustfmt::skip]
fn is_verb(k: &str) -> bool {
    matches!(
        k,
        "die" | "dies" | "died" | "fled" | "flee" | "remain" | "remains" | "remained" | "went"
        | "go" | "goes" | "gone" | "fell" | "rose" | "left" | "came" | "come" | "comes" | "got"
        | "get" | "gets" | "made" | "make" | "makes" | "took" | "take" | "takes" | "lost" | "lose"
        | "gave" | "give" | "saw" | "see" | "sees" | "met" | "meet" | "held" | "hold" | "holds"
        | "kept" | "keep" | "ran" | "run" | "runs" | "won" | "win" | "became" | "become" | "seem"
        | "seems" | "seemed" | "live" | "lives" | "work" | "works" | "need" | "needs" | "want"
        | "wants" | "include" | "includes" | "spoke" | "speak" | "speaks" | "speaking" | "began"
        | "begin" | "begins" | "knew" | "know" | "think" | "thought" | "found" | "find" | "killed"
        | "kill" | "kills" | "hit" | "put" | "set" | "sent" | "send" | "built" | "bought" | "sold"
        | "paid" | "stood" | "fought" | "led" | "brought" | "believe" | "believes" | "expect"
        | "expects" | "hope" | "hopes" | "face" | "faces" | "show" | "shows" | "shown" | "called"
        | "call" | "calls" | "asked" | "ask" | "asks" | "declined" | "agreed" | "agree" | "agrees"
        | "continue" | "continues" | "appear" | "appears" | "suggest" | "suggests" | "mean"
        | "means" | "help" | "helps" | "try" | "tries" | "tried" | "seek" | "seeks" | "sought"
        | "let" | "allow" | "allows" | "wait" | "waited" | "stay" | "stayed" | "arrive" | "arrived"
        | "fear" | "feared" | "feel" | "felt" | "hear" | "heard" | "use" | "used" | "uses" | "reach"
        | "reached" | "return" | "returned" | "struck" | "hurt" | "cut" | "spent" | "grew" | "grow"
        | "grows" | "rise" | "rises" | "fall" | "falls" | "drop" | "drops" | "dropped" | "voted"
        | "vote" | "votes" | "plan" | "plans" | "planned" | "cost" | "costs" | "earn" | "earns"
        | "earned" | "owe" | "owes" | "owed"
    )
}

/// Words that open sentences without being names ("The", "Officials", "According").
#[rustfmt::skip]
fn is_common_starter(k: &str) -> bool {
    is_function(k)
        || is_verb(k)
        || is_speech_verb(k)
        || matches!(
            k,
            "according" | "prices" | "shares" | "stocks" | "markets" | "sales" | "exports"
            | "imports" | "talks" | "negotiations" | "reports" | "results" | "figures" | "rates"
            | "officials" | "official" | "authorities" | "police" | "residents"
            | "witnesses" | "sources" | "critics" | "experts" | "analysts" | "investigators"
            | "prosecutors" | "officers" | "troops" | "soldiers" | "people" | "protesters"
            | "demonstrators" | "rescuers" | "firefighters" | "doctors" | "scientists"
            | "researchers" | "lawmakers" | "leaders" | "citizens" | "voters" | "families"
            | "workers" | "miners" | "engineers" | "diplomats" | "lawyers" | "parents" | "children"
            | "students" | "teachers" | "members" | "supporters" | "opponents" | "attackers"
            | "gunmen" | "militants" | "fighters" | "rebels" | "forces" | "despite" | "earlier"
            | "later" | "last" | "next" | "first" | "yesterday" | "today" | "tomorrow" | "tonight"
            | "speaking" | "asked" | "citing" | "following" | "including" | "given" | "responding"
            | "writing" | "noting" | "adding" | "separately" | "overall" | "finally" | "recently"
            | "currently" | "previously" | "initially" | "ultimately" | "instead" | "indeed"
            | "moreover" | "furthermore" | "additionally" | "nevertheless" | "nonetheless" | "thus"
            | "therefore" | "hence" | "perhaps" | "maybe" | "yes" | "please" | "thanks" | "local"
            | "national" | "federal" | "new" | "old" | "former" | "senior" | "top" | "chief"
            | "government" | "nearly" | "almost" | "roughly" | "approximately" | "dozens"
            | "hundreds" | "thousands" | "millions" | "half" | "several" | "unlike" | "amid"
            | "among" | "under" | "over" | "within" | "one" | "none" | "everyone" | "nobody"
            | "somebody" | "still" | "yet" | "also" | "then" | "now" | "here" | "there" | "why"
            | "how" | "what" | "where" | "when" | "while" | "whether" | "once" | "both" | "either"
            | "neither" | "each" | "every" | "other" | "another" | "such" | "many" | "most" | "few"
            | "more" | "less" | "some" | "any" | "all" | "no" | "not" | "only" | "even" | "just"
            | "breaking" | "update" | "updated" | "read" | "watch" | "photo" | "video" | "editor's"
            | "note" | "meanwhile" | "however" | "although" | "though" | "because" | "since"
            | "after" | "before" | "during" | "until" | "unless" | "if"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every span of `facts` is on char boundaries of `s` and slices to the fact's text.
    fn assert_spans_ok(s: &str, facts: &Facts) {
        let check = |span: Span, text: &str| {
            assert!(
                span.start <= span.end && span.end <= s.len(),
                "span {span:?} out of {s:?}"
            );
            assert!(
                s.is_char_boundary(span.start) && s.is_char_boundary(span.end),
                "span {span:?} not on char boundaries of {s:?}"
            );
            assert_eq!(span.slice(s), text, "span text mismatch in {s:?}");
        };
        for n in &facts.numbers {
            check(n.span, &n.text);
            assert!(n.value.is_finite());
        }
        for t in &facts.times {
            check(t.span, &t.text);
        }
        for q in &facts.quotes {
            check(q.span, &q.text);
        }
        for n in &facts.names {
            check(n.span, &n.text);
        }
    }

    fn facts(s: &str) -> Facts {
        let f = extract_facts(s);
        assert_spans_ok(s, &f);
        f
    }

    fn one_number(s: &str) -> NumberFact {
        let f = facts(s);
        assert_eq!(f.numbers.len(), 1, "{s:?}: {:?}", f.numbers);
        f.numbers.into_iter().next().unwrap()
    }

    fn time_keys(s: &str) -> Vec<String> {
        facts(s).times.into_iter().map(|t| t.key).collect()
    }

    fn one_time(s: &str) -> TimeFact {
        let f = facts(s);
        assert_eq!(f.times.len(), 1, "{s:?}: {:?}", f.times);
        f.times.into_iter().next().unwrap()
    }

    fn names(s: &str) -> Vec<String> {
        facts(s).names.into_iter().map(|n| n.text).collect()
    }

    fn quotes(s: &str) -> Vec<String> {
        facts(s).quotes.into_iter().map(|q| q.text).collect()
    }

    fn source(s: &str) -> Attribution {
        facts(s)
            .attribution
            .unwrap_or_else(|| panic!("no attribution in {s:?}"))
    }

    // ----- tokens -----

    #[test]
    fn tokens_keep_words_numbers_and_acronyms_whole() {
        let cx = Cx::new("Ukraine’s U.S. envoy paid $1,200.50 at 3 p.m. on Jan. 5, rock 'n' roll.");
        let texts: Vec<&str> = (0..cx.t.len()).map(|i| cx.text(i)).collect();
        assert_eq!(
            texts,
            [
                "Ukraine’s",
                "U.S.",
                "envoy",
                "paid",
                "$",
                "1,200.50",
                "at",
                "3",
                "p.m.",
                "on",
                "Jan",
                ".",
                "5",
                ",",
                "rock",
                "'",
                "n",
                "'",
                "roll",
                "."
            ]
        );
        assert_eq!(cx.key(0), "ukraine");
        assert!(cx.poss(0));
        assert_eq!(cx.key(8), "p.m.");
    }

    // ----- numbers -----

    #[test]
    fn digits_with_separators_and_decimals() {
        let n = one_number("Officials counted 1,200 damaged homes.");
        assert_eq!(
            (n.value, n.unit, n.text.as_str()),
            (1200.0, NumberUnit::Count, "1,200")
        );
        assert_eq!(n.counted.as_deref(), Some("home"));
        let n = one_number("Output fell 3.5 percent.");
        assert_eq!((n.value, n.unit), (3.5, NumberUnit::Percent));
    }

    #[test]
    fn percent_forms_agree() {
        for s in [
            "It lost 20 percent of its wheat.",
            "It lost 20% of its wheat.",
            "It lost 20 per cent of its wheat.",
        ] {
            let n = one_number(s);
            assert_eq!(
                (n.value, n.unit, n.approximate),
                (20.0, NumberUnit::Percent, false),
                "{s}"
            );
            assert_eq!(n.counted.as_deref(), Some("wheat"), "{s}");
        }
        assert_eq!(
            one_number("Support rose by 4 percentage points.").unit,
            NumberUnit::Percent
        );
    }

    #[test]
    fn fractions_in_words_before_of_are_percentages() {
        for (s, v) in [
            ("Russia holds a fifth of the land.", 20.0),
            ("Russia holds one-fifth of the land.", 20.0),
            ("Russia holds a quarter of the land.", 25.0),
            ("Russia holds a third of the land.", 33.3),
            ("Russia holds half of the land.", 50.0),
            ("Russia holds two-thirds of the land.", 66.7),
            ("Russia holds three-quarters of the land.", 75.0),
            ("Russia holds two thirds of the land.", 66.7),
        ] {
            let n = one_number(s);
            assert_eq!((n.value, n.unit), (v, NumberUnit::Percent), "{s}");
            assert!(n.approximate, "{s}");
            assert_eq!(n.counted.as_deref(), Some("land"), "{s}");
        }
    }

    #[test]
    fn fractions_without_of_are_skipped() {
        for s in [
            "It won a third term.",
            "A two-thirds majority passed it.",
            "They waited half an hour.",
            "He came a fifth time.",
        ] {
            assert!(facts(s).numbers.is_empty(), "{s}: {:?}", facts(s).numbers);
        }
    }

    #[test]
    fn money_forms_carry_the_full_value() {
        for (s, v) in [
            ("The deal is worth $1.2m.", 1_200_000.0),
            ("The deal is worth $1.2 million.", 1_200_000.0),
            ("The deal is worth £3bn.", 3e9),
            ("The deal is worth €40.", 40.0),
            ("The deal is worth 40 million euros.", 4e7),
            ("The deal is worth 1.5 billion dollars.", 1.5e9),
            ("The deal is worth US$5 billion.", 5e9),
            ("The deal is worth 3 million pounds.", 3e6),
        ] {
            let n = one_number(s);
            assert_eq!((n.value, n.unit), (v, NumberUnit::Money), "{s}");
        }
        assert_eq!(one_number("The deal is worth $1.2m.").text, "$1.2m");
        assert_eq!(
            one_number("Kyiv got $5 billion in aid.").counted.as_deref(),
            Some("aid")
        );
    }

    #[test]
    fn dollar_one_point_two_m_is_exact() {
        let n = one_number("$1.2m");
        assert_eq!(
            (n.value, n.unit, n.text.as_str()),
            (1_200_000.0, NumberUnit::Money, "$1.2m")
        );
    }

    #[test]
    fn number_words() {
        for (s, v, approx) in [
            ("They found two bodies.", 2.0, false),
            ("They found nine bodies.", 9.0, false),
            ("They found twenty-five bodies.", 25.0, false),
            ("They found a dozen bodies.", 12.0, false),
            ("They found two hundred bodies.", 200.0, false),
            ("They found dozens of bodies.", 24.0, true),
            ("They found hundreds of bodies.", 200.0, true),
            ("They found thousands of bodies.", 2000.0, true),
            ("They found millions of bodies.", 2e6, true),
            ("They found tens of thousands of bodies.", 2e4, true),
        ] {
            let n = one_number(s);
            assert_eq!(
                (n.value, n.unit, n.approximate),
                (v, NumberUnit::Count, approx),
                "{s}"
            );
            assert_eq!(n.counted.as_deref(), Some("bodi"), "{s}");
        }
    }

    #[test]
    fn one_as_a_pronoun_and_articles_are_not_numbers() {
        for s in [
            "It was one of the worst attacks.",
            "No one was hurt.",
            "He is the one who left.",
            "A man and an officer left.",
            "Only one is left.",
        ] {
            assert!(facts(s).numbers.is_empty(), "{s}: {:?}", facts(s).numbers);
        }
        assert_eq!(one_number("One soldier died.").value, 1.0);
        let f = facts("One of the 33 miners died.");
        assert_eq!(f.numbers.len(), 1);
        assert_eq!(
            (f.numbers[0].value, f.numbers[0].counted.as_deref()),
            (33.0, Some("miner"))
        );
    }

    #[test]
    fn scaled_counts() {
        let n = one_number("About 1.2 million people fled.");
        assert_eq!(
            (n.value, n.unit, n.approximate),
            (1_200_000.0, NumberUnit::Count, true)
        );
        assert_eq!(n.text, "About 1.2 million");
        assert_eq!(n.counted.as_deref(), Some("peopl"));
        assert_eq!(one_number("Some 3 million homes lost power.").value, 3e6);
    }

    #[test]
    fn ordinals() {
        let n = one_number("It was the third day of talks.");
        assert_eq!(
            (n.value, n.unit, n.counted.as_deref()),
            (3.0, NumberUnit::Ordinal, Some("day"))
        );
        let n = one_number("He came 2nd in the race.");
        assert_eq!((n.value, n.unit), (2.0, NumberUnit::Ordinal));
        let n = one_number("It rained for the first time.");
        assert_eq!((n.value, n.unit), (1.0, NumberUnit::Ordinal));
        // The adverb is not a rank.
        assert!(
            facts("The deal was first reported by Politico.")
                .numbers
                .is_empty()
        );
    }

    #[test]
    fn hedges_make_numbers_approximate() {
        for hedge in [
            "about",
            "around",
            "roughly",
            "nearly",
            "almost",
            "some",
            "at least",
            "more than",
            "over",
            "up to",
            "an estimated",
            "approximately",
            "fewer than",
            "less than",
        ] {
            let s = format!("Officials said {hedge} 40 ships left.");
            let n = one_number(&s);
            assert!(n.approximate, "{s}");
            assert_eq!(n.text, format!("{hedge} 40"), "{s}");
            assert_eq!(n.counted.as_deref(), Some("ship"), "{s}");
        }
        assert!(!one_number("Officials said 40 ships left.").approximate);
    }

    #[test]
    fn counted_skips_modifiers() {
        assert_eq!(
            one_number("Rescuers reached nine trapped miners.")
                .counted
                .as_deref(),
            Some("miner")
        );
        assert_eq!(
            one_number("The shaft is 300 metres deep.")
                .counted
                .as_deref(),
            Some("metr")
        );
        assert_eq!(
            one_number("Police arrested 12 more people.")
                .counted
                .as_deref(),
            Some("peopl")
        );
        assert_eq!(
            one_number("They sent 200 police officers.")
                .counted
                .as_deref(),
            Some("offic")
        );
        assert_eq!(
            one_number("Russia fired 40 cruise missiles overnight.")
                .counted
                .as_deref(),
            Some("missil")
        );
    }

    #[test]
    fn hedged_percent_and_fraction_of_territory_agree() {
        let a = one_number("Russia controls about 20 percent of Ukraine's territory.");
        let b = one_number("Russia controls a fifth of the territory.");
        assert_eq!(
            (a.value, a.unit, a.approximate),
            (20.0, NumberUnit::Percent, true)
        );
        assert_eq!(a.text, "about 20 percent");
        assert_eq!((b.value, b.unit), (20.0, NumberUnit::Percent));
        assert_eq!(b.text, "a fifth");
        assert_eq!(a.counted.as_deref(), Some("territori"));
        assert_eq!(a.counted, b.counted);
    }

    #[test]
    fn fraction_counts_the_head_noun() {
        let n = one_number("Fire destroyed a fifth of the old town on Friday.");
        assert_eq!(n.counted.as_deref(), Some("town"));
    }

    #[test]
    fn at_least_nine_people() {
        let n = one_number("At least nine people were killed.");
        assert_eq!(
            (n.value, n.unit, n.approximate),
            (9.0, NumberUnit::Count, true)
        );
        assert_eq!(n.text, "At least nine");
        assert_eq!(n.counted.as_deref(), Some("peopl"));
    }

    #[test]
    fn dozens_of_flights() {
        let n = one_number("Dozens of flights were cancelled.");
        assert_eq!(
            (n.value, n.approximate, n.counted.as_deref()),
            (24.0, true, Some("flight"))
        );
    }

    #[test]
    fn mine_closed_for_fourteen_days() {
        let f = facts("The mine had been closed for 14 days.");
        assert_eq!(f.numbers.len(), 1);
        assert_eq!(
            (f.numbers[0].value, f.numbers[0].unit),
            (14.0, NumberUnit::Count)
        );
        assert_eq!(f.numbers[0].counted.as_deref(), Some("day"));
        assert!(f.times.is_empty());
    }

    #[test]
    fn two_and_three_people_count_the_same_thing() {
        let a = one_number("Two people died.");
        let b = one_number("Three people died.");
        assert_eq!((a.value, b.value), (2.0, 3.0));
        assert_eq!(a.counted.as_deref(), Some("peopl"));
        assert_eq!(a.counted, b.counted);
        assert!(facts("Two people died.").names.is_empty());
    }

    #[test]
    fn ratios_in_words_are_percentages() {
        let n = one_number("One in five adults smokes.");
        assert_eq!(
            (n.value, n.unit, n.counted.as_deref()),
            (20.0, NumberUnit::Percent, Some("adult"))
        );
    }

    #[test]
    fn years_dates_and_clocks_are_not_counts() {
        for s in [
            "In 2022, the plant closed.",
            "The plant has been closed since 2019.",
            "The plant closed on March 5.",
            "The plant closed on Feb. 28.",
            "The plant closed at 3 p.m.",
            "The plant closed at 10:30.",
            "The plant closed in 2022.",
        ] {
            let f = facts(s);
            assert!(f.numbers.is_empty(), "{s}: {:?}", f.numbers);
            assert_eq!(f.times.len(), 1, "{s}: {:?}", f.times);
        }
        // A year-like number that counts something is a count.
        assert_eq!(one_number("About 2000 people marched.").value, 2000.0);
    }

    #[test]
    fn nine_eleven_is_a_name() {
        let f = facts("The 9/11 attacks changed everything.");
        assert!(f.numbers.is_empty(), "{:?}", f.numbers);
        assert!(f.names.iter().any(|n| n.text == "9/11"), "{:?}", f.names);
    }

    // ----- times -----

    #[test]
    fn weekdays() {
        let t = one_time("The ship sank on Friday.");
        assert_eq!(
            (t.key.as_str(), t.text.as_str()),
            ("weekday:friday", "on Friday")
        );
        let t = one_time("Monday morning brought rain.");
        assert_eq!(
            (t.key.as_str(), t.text.as_str()),
            ("weekday:monday", "Monday morning")
        );
        let t = one_time("Shelling resumed on Sunday night.");
        assert_eq!(
            (t.key.as_str(), t.text.as_str()),
            ("weekday:sunday", "on Sunday night")
        );
        assert_eq!(
            time_keys("Thursday's letter was sent."),
            ["weekday:thursday"]
        );
    }

    #[test]
    fn since_september_is_month_nine() {
        let t = one_time("Prices have risen since September.");
        assert_eq!(
            (t.key.as_str(), t.text.as_str()),
            ("month:9", "since September")
        );
    }

    #[test]
    fn dates_in_every_order() {
        for (s, key) in [
            ("It opened on Jan. 5.", "date:1-5"),
            ("It opened on January 5.", "date:1-5"),
            ("It opened on 5 January.", "date:1-5"),
            ("It opened on the 5th of January.", "date:1-5"),
            ("It opened on September 12, 2022.", "date:2022-9-12"),
            ("It opened on Feb. 28, 2019.", "date:2019-2-28"),
            ("It opened on 12 September 2022.", "date:2022-9-12"),
        ] {
            assert_eq!(time_keys(s), [key], "{s}");
        }
        assert_eq!(
            one_time("It opened on Feb. 28, 2019.").text,
            "on Feb. 28, 2019"
        );
    }

    #[test]
    fn years_months_and_month_years() {
        assert_eq!(one_time("It opened in 2022.").text, "in 2022");
        assert_eq!(time_keys("It opened in 2022."), ["year:2022"]);
        assert_eq!(time_keys("The 2022 budget passed."), ["year:2022"]);
        assert_eq!(
            time_keys("It opened in March 2022."),
            ["month:3", "year:2022"]
        );
        assert_eq!(time_keys("It opened in early March."), ["month:3"]);
        assert_eq!(one_time("It opened in early March.").text, "in early March");
        assert_eq!(time_keys("It grew by mid-2022."), ["year:2022"]);
    }

    #[test]
    fn seasons() {
        let t = one_time("The offensive began in the fall of 2022.");
        assert_eq!(
            (t.key.as_str(), t.text.as_str()),
            ("season:autumn-2022", "in the fall of 2022")
        );
        let t = one_time("The dam will open this summer.");
        assert_eq!(
            (t.key.as_str(), t.text.as_str()),
            ("season:summer", "this summer")
        );
        assert!(
            facts("After the fall of Kabul, prices fall.")
                .times
                .is_empty()
        );
        assert!(facts("The Arab Spring began.").times.is_empty());
    }

    #[test]
    fn relative_times() {
        for (s, key) in [
            ("The talks ended yesterday.", "relative:yesterday"),
            ("The talks end today.", "relative:today"),
            ("The talks ended last week.", "relative:last week"),
            (
                "The talks ended earlier this month.",
                "relative:earlier this month",
            ),
            ("The talks ended two days ago.", "relative:two days ago"),
            (
                "The talks ended over the past two weeks.",
                "relative:past two weeks",
            ),
        ] {
            assert_eq!(time_keys(s), [key], "{s}");
        }
        assert!(facts("The talks ended two days ago.").numbers.is_empty());
        assert!(facts("USA Today reported it.").times.is_empty());
    }

    #[test]
    fn clock_times() {
        let t = one_time("The blast came at 3 p.m.");
        assert_eq!(
            (t.key.as_str(), t.text.as_str()),
            ("clock:15:00", "at 3 p.m.")
        );
        assert_eq!(time_keys("It began at 10:30."), ["clock:10:30"]);
        assert_eq!(
            time_keys("It began at 10:30 p.m. local time."),
            ["clock:22:30"]
        );
        assert_eq!(time_keys("It began at 9am."), ["clock:9:00"]);
        assert_eq!(time_keys("It began at midnight."), ["clock:0:00"]);
    }

    #[test]
    fn may_the_modal_is_not_a_month() {
        assert!(facts("It may rain.").times.is_empty());
        assert!(facts("May I ask a question?").times.is_empty());
        assert!(facts("Theresa May resigned.").times.is_empty());
        assert_eq!(time_keys("Talks resume in May."), ["month:5"]);
        assert_eq!(time_keys("Talks resume May 5."), ["date:5-5"]);
        assert_eq!(time_keys("Talks resumed last May."), ["month:5"]);
        assert_eq!(
            time_keys("Talks resumed in May 2021."),
            ["month:5", "year:2021"]
        );
        assert!(names("Theresa May resigned.").contains(&"Theresa May".to_string()));
    }

    #[test]
    fn time_phrases_include_their_preposition() {
        assert_eq!(
            one_time("Rates hold as of January 1.").text,
            "as of January 1"
        );
        assert_eq!(one_time("Rates hold until Friday.").text, "until Friday");
        assert_eq!(one_time("Rates held before 2020.").text, "before 2020");
    }

    #[test]
    fn mattis_will_retire_in_february() {
        let f = facts("Defense Secretary Jim Mattis will retire in February.");
        assert_eq!(f.times.len(), 1);
        assert_eq!(
            (f.times[0].key.as_str(), f.times[0].text.as_str()),
            ("month:2", "in February")
        );
        assert!(
            f.names
                .iter()
                .any(|n| n.text == "Jim Mattis" || n.text == "Defense Secretary Jim Mattis"),
            "{:?}",
            f.names
        );
        assert!(!f.names.iter().any(|n| n.text.contains("February")));
    }

    // ----- quotes -----

    #[test]
    fn curly_double_quotes() {
        let s = "“We will rebuild every home,” Mayor Ilse Brandt said.";
        let f = facts(s);
        assert_eq!(f.quotes.len(), 1);
        assert_eq!(f.quotes[0].text, "We will rebuild every home,");
        assert_eq!(f.quotes[0].span.slice(s), "We will rebuild every home,");
        assert!(!s[..f.quotes[0].span.start].is_empty());
    }

    #[test]
    fn straight_german_and_french_quotes() {
        assert_eq!(quotes("He said \"no deal\" twice."), ["no deal"]);
        assert_eq!(quotes("Er sagte „kein Deal“ heute."), ["kein Deal"]);
        assert_eq!(quotes("Il a dit « pas d'accord » hier."), ["pas d'accord"]);
        assert_eq!(quotes("He said “no” and “never”."), ["no", "never"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        for s in [
            "Ukraine's army and Ukraine’s navy held.",
            "It was a hit in the ’90s and the '80s.",
            "They played rock 'n' roll all night.",
            "The workers' union and the nurses’ union struck.",
            "He didn't go, and she can’t.",
        ] {
            assert!(facts(s).quotes.is_empty(), "{s}: {:?}", facts(s).quotes);
        }
    }

    #[test]
    fn single_quotes_when_clearly_quoting() {
        assert_eq!(
            quotes("The minister called it ‘a disgrace’ on Friday."),
            ["a disgrace"]
        );
        assert_eq!(quotes("He said 'we are ready' and left."), ["we are ready"]);
        // Nested quotes are part of the outer quote.
        assert_eq!(
            quotes("“They told me ‘run’ and I ran,” she said."),
            ["They told me ‘run’ and I ran,"]
        );
    }

    #[test]
    fn unclosed_quote_runs_to_the_end() {
        assert_eq!(
            quotes("He said: “We will rebuild every home."),
            ["We will rebuild every home."]
        );
    }

    #[test]
    fn closing_quote_continues_an_earlier_sentence() {
        let s = "And we will not stop until we do,” he said.";
        assert_eq!(quotes(s), ["And we will not stop until we do,"]);
        let a = source(s);
        assert_eq!((a.source.as_str(), a.anonymous), ("he", false));
    }

    // ----- attribution -----

    #[test]
    fn said_type_clauses() {
        for (s, src, verb) in [
            ("The mine will reopen, Peskov said.", "Peskov", "said"),
            ("The mine will reopen, said Peskov.", "Peskov", "said"),
            ("Peskov says the mine will reopen.", "Peskov", "says"),
            (
                "Peskov told reporters the mine will reopen.",
                "Peskov",
                "told",
            ),
            (
                "The operator told Reuters the mine will reopen.",
                "The operator",
                "told",
            ),
            (
                "The health board announced the mine will reopen.",
                "The health board",
                "announced",
            ),
            ("Brandt wrote that the mine will reopen.", "Brandt", "wrote"),
            (
                "Police confirmed the mine will reopen.",
                "Police",
                "confirmed",
            ),
            (
                "The mine will reopen, the ministry added.",
                "the ministry",
                "added",
            ),
            (
                "The Kremlin claimed the mine will reopen.",
                "The Kremlin",
                "claimed",
            ),
            ("Peskov denied the mine will reopen.", "Peskov", "denied"),
            (
                "The company stated the mine will reopen.",
                "The company",
                "stated",
            ),
            (
                "Brandt tweeted that the mine will reopen.",
                "Brandt",
                "tweeted",
            ),
            (
                "The Carrow Times reported that the mine will reopen.",
                "The Carrow Times",
                "reported",
            ),
        ] {
            let a = source(s);
            assert_eq!((a.source.as_str(), a.verb.as_str()), (src, verb), "{s}");
        }
    }

    #[test]
    fn according_to_and_statement() {
        let a = source("The mine will reopen, according to the health board.");
        assert_eq!(
            (a.source.as_str(), a.verb.as_str(), a.anonymous),
            ("the health board", "according to", false)
        );
        let a = source("The ministry said in a statement that the mine will reopen.");
        assert_eq!(
            (a.source.as_str(), a.verb.as_str()),
            ("The ministry", "said")
        );
    }

    #[test]
    fn peskov_is_a_named_source() {
        let a =
            source("Kremlin spokesman Dmitry Peskov said in a voicemail that the talks were over.");
        assert_eq!(a.source, "Kremlin spokesman Dmitry Peskov");
        assert_eq!(a.verb, "said");
        assert!(!a.anonymous);
    }

    #[test]
    fn the_subject_of_a_reported_clause_is_not_its_speaker() {
        for (sentence, source) in [
            (
                "Two inspectors at the port office, who asked not to be named, said the crane had not been tested since 2018.",
                Some("Two inspectors at the port office"),
            ),
            (
                "The ferry will run again, said the harbour master.",
                Some("the harbour master"),
            ),
            (
                "The ferry will run again, said the harbour master on Monday.",
                Some("the harbour master"),
            ),
            (", said the crane would be replaced by spring.", None),
        ] {
            let facts = extract_facts(sentence);
            let found = facts.attribution.as_ref().map(|a| a.source.as_str());
            if source.is_none() {
                assert_ne!(found, Some("the crane"), "{sentence}");
            } else {
                assert_eq!(found, source, "{sentence}");
            }
        }
    }

    #[test]
    fn speaker_after_a_quote() {
        let a = source("“We will rebuild every home,” Mayor Ilse Brandt said.");
        assert_eq!(
            (a.source.as_str(), a.anonymous),
            ("Mayor Ilse Brandt", false)
        );
        let a = source("“We will rebuild every home,” she said.");
        assert_eq!((a.source.as_str(), a.anonymous), ("she", false));
        let a = source("“We will rebuild,” said Mayor Ilse Brandt.");
        assert_eq!(a.source, "Mayor Ilse Brandt");
        // "said" inside the quote does not count.
        assert!(
            facts("“He said nothing,” was the reply.")
                .attribution
                .is_none()
        );
    }

    #[test]
    fn unnamed_sources_who_spoke() {
        let a = source(
            "The plan was drafted in May, said a senior official who spoke on condition of anonymity.",
        );
        assert_eq!(
            (a.source.as_str(), a.anonymous),
            ("a senior official", true)
        );
        let a = source("Two officials who spoke to the BBC said the plan was ready.");
        assert_eq!((a.source.as_str(), a.anonymous), ("Two officials", true));
        let a = source(
            "A senior official, who spoke on condition of anonymity, said the plan was ready.",
        );
        assert_eq!(
            (a.source.as_str(), a.anonymous),
            ("A senior official", true)
        );
        let a =
            source("The plan was drafted by three engineers who spoke on condition of anonymity.");
        assert_eq!(
            (a.source.as_str(), a.verb.as_str(), a.anonymous),
            ("three engineers", "spoke", true)
        );
    }

    #[test]
    fn citing_and_based_its_claim_on() {
        let a = source("The newspaper based its claim on two former Russian officials.");
        assert_eq!(a.source, "two former Russian officials");
        assert_eq!(a.verb, "based its claim on");
        assert!(a.anonymous);
        let a = source("The plan was ready, citing people familiar with the matter.");
        assert_eq!(
            (a.source.as_str(), a.verb.as_str(), a.anonymous),
            ("people familiar with the matter", "citing", true)
        );
    }

    #[test]
    fn anonymous_people_but_named_institutions() {
        for (s, src, anonymous) in [
            ("Officials said the dam held.", "Officials", true),
            (
                "The dam held, a senior official said.",
                "a senior official",
                true,
            ),
            ("The dam held, sources said.", "sources", true),
            (
                "The dam held, according to a person familiar with the matter.",
                "a person familiar with the matter",
                true,
            ),
            (
                "The dam held, according to people close to Putin.",
                "people close to Putin",
                true,
            ),
            ("The dam held, diplomats said.", "diplomats", true),
            ("The dam held, two engineers said.", "two engineers", true),
            ("Residents said the dam held.", "Residents", true),
            ("The dam held, witnesses said.", "witnesses", true),
            ("The dam held, U.S. officials said.", "U.S. officials", true),
            ("The dam held, regulators said.", "regulators", true),
            ("The dam held, police said.", "police", false),
            ("The dam held, the ministry said.", "the ministry", false),
            (
                "The dam held, the government said.",
                "the government",
                false,
            ),
            ("The dam held, the Kremlin said.", "the Kremlin", false),
            ("The dam held, Reuters reported.", "Reuters", false),
            ("The dam held, they said.", "they", false),
            ("Mattis said the dam held.", "Mattis", false),
        ] {
            let a = source(s);
            assert_eq!((a.source.as_str(), a.anonymous), (src, anonymous), "{s}");
        }
    }

    #[test]
    fn main_attribution_is_the_last_said_clause() {
        let a = source("Peskov told reporters that Putin said the talks were over.");
        assert_eq!(a.source, "Putin");
        let a = source("According to the ministry, the talks were over, according to Reuters.");
        assert_eq!(
            (a.source.as_str(), a.verb.as_str()),
            ("the ministry", "according to")
        );
        assert!(facts("The talks were over.").attribution.is_none());
        assert!(facts("His claims were false.").attribution.is_none());
    }

    // ----- names -----

    #[test]
    fn names_are_capitalised_runs() {
        let n = names("He met Vladimir Putin and Osama bin Laden near the U.S. border, ISIS said.");
        assert_eq!(n, ["Vladimir Putin", "Osama bin Laden", "U.S.", "ISIS"]);
        assert_eq!(
            names("It was reported by The New York Times."),
            ["New York Times"]
        );
        assert_eq!(names("The New York Times reported it."), ["New York Times"]);
        assert_eq!(
            names("He met Bashar al-Assad in the U.N. and the E.U."),
            ["Bashar al-Assad", "U.N.", "E.U."]
        );
        assert_eq!(names("Ukraine's army held."), ["Ukraine"]);
        assert_eq!(
            names("He met Mr. Putin and George W. Bush."),
            ["Mr. Putin", "George W. Bush"]
        );
        assert_eq!(
            names(
                "Prices rose, the Office for National Statistics and the Institute for the Study of War said."
            ),
            [
                "Office for National Statistics",
                "Institute for the Study of War"
            ]
        );
    }

    #[test]
    fn sentence_initial_words() {
        assert_eq!(names("Mattis said he would go."), ["Mattis"]);
        assert!(names("The army said it would go.").is_empty());
        assert!(names("Officials said it would go.").is_empty());
        assert!(names("After the war, it would go.").is_empty());
        assert_eq!(names("But Kyiv said it would go."), ["Kyiv"]);
    }

    #[test]
    fn weekdays_and_months_are_not_names() {
        let n = names("On Monday, Zelensky met Biden in September.");
        assert_eq!(n, ["Zelensky", "Biden"]);
    }

    #[test]
    fn quote_initial_words_need_more_than_a_capital() {
        assert!(names("She said: “Rebuilding will take years.”").is_empty());
        assert!(names("She said: “We will rebuild.”").is_empty());
        assert_eq!(names("She said: “Putin lied.”"), ["Putin"]);
    }

    // ----- negation -----

    #[test]
    fn negation_words() {
        for s in [
            "The dam did not hold.",
            "The dam didn't hold.",
            "The dam didn’t hold.",
            "The dam never held.",
            "The dam no longer holds.",
            "Peskov denied it.",
            "Peskov refused to comment.",
            "Neither Kyiv nor Moscow commented.",
            "They left without water.",
            "The dam cannot hold.",
        ] {
            assert!(facts(s).negated, "{s}");
        }
        for s in [
            "The dam held.",
            "It was not only big but old.",
            "He ranks No. 2 in Europe.",
        ] {
            assert!(!facts(s).negated, "{s}");
        }
    }

    // ----- cited outlets -----

    #[test]
    fn known_outlets_are_canonical() {
        for (s, outlet) in [
            (
                "The New York Times reported that the mine closed.",
                "The New York Times",
            ),
            (
                "Peskov told the NYT that the mine closed.",
                "The New York Times",
            ),
            ("The mine closed, according to Reuters.", "Reuters"),
            (
                "The mine closed, citing The Wall Street Journal.",
                "The Wall Street Journal",
            ),
            ("The deal was first reported by Politico.", "Politico"),
            (
                "The mine closed, Russia's Interfax news agency reported.",
                "Interfax",
            ),
            (
                "The mine closed, according to Russian state news agency TASS.",
                "TASS",
            ),
            ("The mine closed, USA Today reported.", "USA Today"),
        ] {
            assert_eq!(facts(s).cited_outlets, [outlet], "{s}");
        }
    }

    #[test]
    fn unknown_outlets_need_an_outlet_word() {
        assert_eq!(
            facts("The mine closed, the Carrow Times reported.").cited_outlets,
            ["Carrow Times"]
        );
        assert_eq!(
            facts("According to the Harbour Gazette, the mine closed.").cited_outlets,
            ["Harbour Gazette"]
        );
        assert!(
            facts("The mine closed, the newspaper reported.")
                .cited_outlets
                .is_empty()
        );
        assert!(
            facts("The mine closed, Peskov said.")
                .cited_outlets
                .is_empty()
        );
    }

    #[test]
    fn outlets_are_listed_once() {
        let f = facts(
            "Reuters reported, and the NYT said, citing Reuters, that the New York Times was wrong.",
        );
        assert_eq!(f.cited_outlets, ["Reuters", "The New York Times"]);
    }

    // ----- robustness -----

    const TRICKY: &[&str] = &[
        "İstanbul'da ışık söndü; Şişli'de ğ harfi “yok” dedi Ayşe, 20 İşçi öldü.",
        "Москва заявила, что «20 процентов» территории — это $1.2m, сказал Песков.",
        "Ο Μητσοτάκης είπε «όχι» 3 φορές στις 5 Μαρτίου 🇬🇷👍🏽 and 🤷‍♀️ left.",
        "“Rebuilding ’90s homes will take 1,200 days,” Mayor Ilse Brandt said on Feb. 28, 2019 at 3 p.m.",
        "‘It’s rock 'n' roll’, U.S. officials said — about 20% of Ukraine’s 9/11 “fund”.",
        "e\u{301}te\u{301} 1,2,3 $ % 10:61 99/ 1.2.3 '' \"\" „ « » “ ” ‘ ’ No. No. 5",
    ];

    #[test]
    fn never_panics_on_any_cut_of_tricky_sentences() {
        for s in TRICKY {
            for (i, _) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
                for part in [&s[..i], &s[i..]] {
                    let f = extract_facts(part);
                    assert_spans_ok(part, &f);
                }
            }
        }
    }

    #[test]
    fn never_panics_on_odd_inputs() {
        let long_digits = "9".repeat(400);
        let inputs = [
            "",
            " ",
            "$",
            "'",
            "\"",
            "’s",
            "-",
            "a.",
            "U.",
            "1e400",
            long_digits.as_str(),
            "0.000000000000000000001",
            "99:99 13 p.m. 0 a.m.",
            "May",
            "the fall of",
            "a third",
            "one in",
            "citing",
            "according to",
            "said",
            ", said",
            "who spoke",
            "based its claim on",
            "The New York Times reported",
        ];
        for s in inputs {
            let f = extract_facts(s);
            assert_spans_ok(s, &f);
        }
    }

    /// Realistic news sentences for the timing test.
    const NEWS: &[&str] = &[
        "Russia now controls about 20 percent of Ukraine's territory, Kremlin spokesman Dmitry Peskov said on Friday.",
        "The Wall Street Journal reported on Thursday, citing U.S. officials, that 1,200 troops would leave by March 1.",
        "In a statement, the ministry said 40 ships had been damaged since the war began in February 2022.",
        "“We will not surrender,” President Volodymyr Zelensky said in a video address late on Sunday.",
        "Nine trapped miners were rescued after 14 days underground, the regional governor told reporters.",
        "The storm killed at least 12 people and left more than 300,000 homes without power, officials said.",
        "Prices rose 3.2% in the year to March, the Office for National Statistics said.",
        "The company, which employs 5,000 people, said it would cut a quarter of its workforce.",
        "Two former Russian officials told the newspaper that Putin had approved the plan in 2021.",
        "The attack came at around 4:30 a.m. local time, according to the Ukrainian air force.",
        "The deal, first reported by Axios, would give Kyiv $61bn in military aid.",
        "Protesters gathered outside the parliament building in Tbilisi as the vote was delayed again.",
    ];

    /// MB/s of `extract_facts` over `sentences`: (best, median) of 20 batches, so that other
    /// load on the machine does not decide the figure.
    fn measure(sentences: &[&str]) -> (f64, f64) {
        let bytes: usize = sentences.iter().map(|s| s.len()).sum::<usize>() * 200;
        let mut rates: Vec<f64> = (0..20)
            .map(|_| {
                let started = std::time::Instant::now();
                let mut sink = 0usize;
                for _ in 0..200 {
                    for s in sentences {
                        let f = extract_facts(std::hint::black_box(s));
                        sink += f.numbers.len() + f.times.len() + f.names.len();
                    }
                }
                std::hint::black_box(sink);
                bytes as f64 / started.elapsed().as_secs_f64() / 1e6
            })
            .collect();
        rates.sort_by(f64::total_cmp);
        (rates[rates.len() - 1], rates[rates.len() / 2])
    }

    #[test]
    #[ignore = "ad-hoc timing; run with --ignored --release"]
    fn throughput() {
        let (best, median) = measure(NEWS);
        println!("English news sentences: best {best:.1} MB/s, median {median:.1} MB/s");
        let (best, median) = measure(TRICKY);
        println!("multilingual/tricky sentences: best {best:.1} MB/s, median {median:.1} MB/s");
    }
}
