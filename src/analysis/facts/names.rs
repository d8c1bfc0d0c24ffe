//! Names: runs of capitalised words, with initials, titles and connectors.

use crate::analysis::facts::tokens::Claim;
use crate::analysis::facts::tokens::Cx;
use crate::analysis::facts::tokens::Kind;
use crate::analysis::facts::types::NameFact;
use crate::analysis::facts::word_lists::is_common_starter;
use crate::analysis::facts::word_lists::is_initial_or_title;
use crate::analysis::facts::word_lists::ordinal_word;
use crate::analysis::facts::word_lists::small_word;

#[rustfmt::skip]
pub(super) fn is_name_connector(k: &str) -> bool {
    matches!(
        k,
        "of" | "for" | "de"
            | "del" | "della" | "da" | "di" | "du" | "des" | "bin" | "bint" | "ibn" | "al" | "el"
            | "van" | "von" | "der" | "den" | "la" | "le" | "y"
    )
}

/// A lowercase word without a contracted ending ("he’s" → "he", "let's" → "let", "we're" →
/// "we"); other words as they are.
fn without_contraction(k: &str) -> &str {
    for ending in [
        "'s", "’s", "'re", "’re", "'ll", "’ll", "'ve", "’ve", "'d", "’d", "'m", "’m",
    ] {
        if let Some(base) = k.strip_suffix(ending) {
            return base;
        }
    }
    k
}

impl Cx<'_> {
    /// A capitalised word that can be part of a name.
    pub(super) fn name_word(&self, j: usize) -> bool {
        let Some(t) = self.t.get(j) else { return false };
        if t.kind != Kind::Word || t.claim != Claim::Free {
            return false;
        }
        let k = self.key(j);
        if k == "i" || k.starts_with("i'") {
            return false;
        }
        // A common word in capitals for emphasis ("has THIS goal") names no one; an acronym
        // ("NATO", "DPRK", and "US", "WHO", "IT" that spell common words) is a name.
        let text = self.text(j);
        if text.len() > 1
            && text.chars().all(|c| !c.is_lowercase())
            && !matches!(k, "us" | "who" | "it")
            && is_common_starter(without_contraction(k))
        {
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
    pub(super) fn name_start_ok(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else { return false };
        let sentence_start = Some(i) == self.first;
        if !sentence_start && !t.quote_start {
            return true;
        }
        // "He’s", "Here's", "Let’s": the word before the contraction decides.
        let k = without_contraction(self.key(i));
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

    /// When a US party-and-state tag (", R-N.Y.,", "(D-Calif.)") starts at `i`, the comma or
    /// parenthesis that closes it: the tag says which party and state, it names no one.
    fn party_tag_end(&self, i: usize) -> Option<usize> {
        let opener = i.checked_sub(1)?;
        let closer = if self.is_p(opener, ',') {
            ','
        } else if self.is_p(opener, '(') {
            ')'
        } else {
            return None;
        };
        if !self.party_tag_at(i) {
            return None;
        }
        (i + 1..(i + 8).min(self.t.len())).find(|&k| self.is_p(k, closer))
    }

    pub(super) fn names(&mut self) -> Vec<NameFact> {
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
            if let Some(end) = self.party_tag_end(i) {
                i = end;
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
