//! Negation of the claim and the outlets it credits.

use std::cell::RefCell;

use crate::analysis::facts::tokens::Claim;
use crate::analysis::facts::tokens::Cx;
use crate::analysis::facts::tokens::Kind;
use crate::analysis::facts::word_lists::is_attr_adverb;
use crate::analysis::text::fxhash::FxHashMap;
use crate::analysis::text::memo::{Memo, memoised};
use crate::ingest::outlet_names::canonical_outlet;
use crate::ingest::outlet_names::known_outlet;

/// Words that make a capitalised run an outlet even when the outlet is unknown.
#[rustfmt::skip]
pub(super) fn is_outlet_word(k: &str) -> bool {
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
pub(super) fn is_outlet_descriptor(k: &str) -> bool {
    matches!(
        k,
        "newspaper" | "news" | "agency" | "daily" | "broadcaster" | "channel" | "network" | "outlet"
        | "magazine" | "tabloid" | "website" | "paper" | "wire" | "service" | "station" | "radio"
        | "television" | "tv" | "state" | "state-run" | "state-owned" | "independent" | "local"
        | "online" | "national" | "public" | "private" | "business" | "financial" | "weekly"
        | "investigative" | "opposition" | "pro-kremlin" | "publication"
    )
}

/// A lowercase word that negates what follows it ("not", "never", "refused", "didn't"); the
/// one list for reading a claim as negated and for finding what its negation denies.
#[rustfmt::skip]
pub fn is_negation_word(k: &str) -> bool {
    matches!(
        k,
        "not" | "no" | "never" | "cannot" | "neither" | "nor" | "without" | "denied" | "denies"
        | "deny" | "denying" | "denial" | "refused" | "refuses" | "refuse" | "refusing"
        | "refusal" | "nobody" | "nothing" | "none" | "no-one"
    ) || k.ends_with("n't")
        || k.ends_with("n\u{2019}t")
}

impl Cx<'_> {
    pub(super) fn negated(&self) -> bool {
        (0..self.t.len()).any(|i| {
            if !self.is_word(i) {
                return false;
            }
            let k = self.key(i);
            match k {
                "not" => self.key(i + 1) != "only",
                // "No. 2" is a rank.
                "no" => !(self.is_p(i + 1, '.') && self.is_num(i + 2)),
                _ => is_negation_word(k),
            }
        })
    }

    pub(super) fn cited_outlets(&self) -> Vec<String> {
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

    pub(super) fn outlet_word_ok(&self, k: usize) -> bool {
        self.t
            .get(k)
            .is_some_and(|t| t.kind == Kind::Word && t.cap && t.claim != Claim::Time && !t.quoted)
    }

    /// "The New York Times reported", "Interfax news agency reported".
    pub(super) fn outlet_backward(&self, v: usize, out: &mut Vec<String>) {
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
    pub(super) fn outlet_forward(&self, j: usize, out: &mut Vec<String>) {
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

    /// True when the run `a..b` ends in an outlet word ("Carrow Times", "Interfax news
    /// agency"), or in "of" and a name after one ("Times of Malta"). A word like "Press" in the
    /// middle names a job, not an outlet: "White House Press Secretary Robert Gibbs".
    fn ends_with_outlet_word(&self, a: usize, b: usize) -> bool {
        let is_outlet = |x: usize| self.cap(x) && is_outlet_word(self.key(x));
        if b <= a {
            return false;
        }
        let last = b - 1;
        is_outlet(last) || (last >= a + 2 && self.key(last - 1) == "of" && is_outlet(last - 2))
    }

    /// Records the run `a..b` when it names an outlet; true when it did.
    pub(super) fn consider_outlet(&self, a: usize, b: usize, out: &mut Vec<String>) -> bool {
        let text = self.slice(a, b);
        if text.is_empty() {
            return false;
        }
        let name = if let Some(known) = cached_known_outlet(text) {
            known.to_string()
        } else if self.ends_with_outlet_word(a, b) {
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

/// Outlet lookups kept per thread before the memo is cleared (names repeat across a story).
const OUTLET_CACHE_LIMIT: usize = 4096;

thread_local! {
    static OUTLET_CACHE: Memo<Option<&'static str>> = RefCell::new(FxHashMap::default());
}

/// `known_outlet`, memoised: it simplifies every table entry on each call.
fn cached_known_outlet(name: &str) -> Option<&'static str> {
    memoised(&OUTLET_CACHE, name, OUTLET_CACHE_LIMIT, known_outlet)
}
