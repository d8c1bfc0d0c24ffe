//! The extractor's tokens and its cursor over them (Cx): words, numbers, acronyms, punctuation and which claim each token is already part of.

use crate::analysis::facts::word_lists::is_ed_adjective;
use crate::analysis::facts::word_lists::is_function;
use crate::analysis::facts::word_lists::is_np_det;
use crate::analysis::facts::word_lists::is_past_form;
use crate::analysis::facts::word_lists::is_speech_verb;
use crate::analysis::facts::word_lists::is_verb;
use crate::analysis::facts::word_lists::small_word;
use crate::ingest::article::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
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
pub(super) enum Claim {
    Free,
    Time,
    Number,
    /// Read and rejected by the number pass ("a third" without "of").
    Skip,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    /// End of the digits of a number (before a suffix such as "m" or "nd").
    pub(super) num_end: usize,
    pub(super) key_start: usize,
    pub(super) key_end: usize,
    pub(super) kind: Kind,
    /// First character is uppercase.
    pub(super) cap: bool,
    /// Bytes of a possessive "'s" / "’s" at the end (excluded from the key).
    pub(super) poss: usize,
    pub(super) claim: Claim,
    pub(super) quoted: bool,
    /// First word inside a quote.
    pub(super) quote_start: bool,
    /// Part of a name run.
    pub(super) name: bool,
}

pub(super) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

pub(super) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

pub(super) fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// (end of digits, end of token) for a number starting at `i`.
pub(super) fn scan_number(s: &str, i: usize) -> (usize, usize) {
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
pub(super) fn scan_acronym(s: &str, i: usize) -> Option<usize> {
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
pub(super) fn scan_word(s: &str, i: usize) -> usize {
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
pub(super) fn possessive_len(word: &str) -> usize {
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

pub(super) fn push_key(keys: &mut String, word: &str) {
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
pub(super) struct Cx<'a> {
    pub(super) s: &'a str,
    pub(super) t: Vec<Tok>,
    pub(super) keys: String,
    /// Index of the first word or number.
    pub(super) first: Option<usize>,
}

impl<'a> Cx<'a> {
    pub(super) fn new(s: &'a str) -> Self {
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

    pub(super) fn key(&self, i: usize) -> &str {
        self.t
            .get(i)
            .and_then(|t| self.keys.get(t.key_start..t.key_end))
            .unwrap_or("")
    }

    /// The key of token `i - 1`, or "" at the start.
    pub(super) fn pk(&self, i: usize) -> &str {
        i.checked_sub(1).map_or("", |p| self.key(p))
    }

    /// The key of a free word, or "".
    pub(super) fn wkey(&self, i: usize) -> &str {
        if self.is_word(i) && self.free(i) {
            self.key(i)
        } else {
            ""
        }
    }

    pub(super) fn text(&self, i: usize) -> &'a str {
        self.t
            .get(i)
            .and_then(|t| self.s.get(t.start..t.end))
            .unwrap_or("")
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub(super) fn is_num(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Num)
    }

    pub(super) fn is_punct(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct)
    }

    pub(super) fn is_p(&self, i: usize, c: char) -> bool {
        self.is_punct(i) && self.text(i).starts_with(c)
    }

    pub(super) fn free(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.claim == Claim::Free)
    }

    pub(super) fn claim_of(&self, i: usize) -> Option<Claim> {
        self.t.get(i).map(|t| t.claim)
    }

    pub(super) fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.cap)
    }

    pub(super) fn quoted(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.quoted)
    }

    pub(super) fn poss(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.poss > 0)
    }

    /// No space between token `a` and token `b`.
    pub(super) fn adjacent(&self, a: usize, b: usize) -> bool {
        matches!((self.t.get(a), self.t.get(b)), (Some(x), Some(y)) if x.end == y.start)
    }

    /// No space between token `k - 1` and token `k`.
    pub(super) fn glued_to_prev(&self, k: usize) -> bool {
        k.checked_sub(1).is_some_and(|p| self.adjacent(p, k))
    }

    /// Tokens `a..b` as a span (a possessive ending of the last token left out).
    pub(super) fn span(&self, a: usize, b: usize) -> Span {
        match (self.t.get(a), b.checked_sub(1).and_then(|l| self.t.get(l))) {
            (Some(x), Some(y)) if a < b => Span::new(x.start, (y.end - y.poss).max(x.start)),
            _ => Span::default(),
        }
    }

    pub(super) fn slice(&self, a: usize, b: usize) -> &'a str {
        self.span(a, b).slice(self.s)
    }

    pub(super) fn keys_joined(&self, a: usize, b: usize) -> String {
        let mut out = String::new();
        for k in a..b {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(self.key(k));
        }
        out
    }

    pub(super) fn mark(&mut self, a: usize, b: usize, claim: Claim) {
        for t in self.t.iter_mut().take(b).skip(a) {
            t.claim = claim;
        }
    }

    /// The digits and the suffix of a number token.
    pub(super) fn num_parts(&self, i: usize) -> Option<(&'a str, &'a str)> {
        let t = self.t.get(i).filter(|t| t.kind == Kind::Num)?;
        Some((
            self.s.get(t.start..t.num_end)?,
            self.s.get(t.num_end..t.end)?,
        ))
    }

    /// The lowercase suffix of a number token ("m" in "1.2M"), read from its key.
    pub(super) fn num_suffix(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Num => self.key(i).get(t.num_end - t.start..).unwrap_or(""),
            _ => "",
        }
    }

    /// A plain integer (digits only, no suffix).
    pub(super) fn int_at(&self, i: usize) -> Option<f64> {
        let (digits, suffix) = self.num_parts(i)?;
        if !suffix.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse::<u32>().ok().map(f64::from)
    }

    /// A free integer or a small number word at `i`.
    pub(super) fn count_word_at(&self, i: usize) -> Option<f64> {
        if !self.free(i) {
            return None;
        }
        self.int_at(i)
            .or_else(|| small_word(self.wkey(i)).map(f64::from))
    }

    /// A word whose content makes it part of a noun phrase (not a function word, not a verb).
    pub(super) fn is_content(&self, k: usize) -> bool {
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
