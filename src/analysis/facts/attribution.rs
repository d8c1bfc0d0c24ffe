//! Who a claim is attributed to: said-clauses, inverted speakers, appositives, named or anonymous sources.

use crate::analysis::facts::tokens::Claim;
use crate::analysis::facts::tokens::Cx;
use crate::analysis::facts::tokens::Kind;
use crate::analysis::facts::types::Attribution;
use crate::analysis::facts::word_lists::is_attr_adverb;
use crate::analysis::facts::word_lists::is_common_starter;
use crate::analysis::facts::word_lists::is_function;
use crate::analysis::facts::word_lists::is_initial_or_title;
use crate::analysis::facts::word_lists::is_np_det;
use crate::analysis::facts::word_lists::is_speech_verb;
use crate::analysis::facts::word_lists::is_time_prep;
use crate::analysis::facts::word_lists::plural_like;
use crate::analysis::facts::word_lists::small_word;

/// Verbs that may precede their speaker: "“…,” said Peskov."
#[rustfmt::skip]
pub(super) fn is_inversion_verb(k: &str) -> bool {
    matches!(
        k,
        "said" | "says" | "added" | "adds" | "wrote" | "writes" | "noted" | "explained" | "asked"
        | "continued" | "insisted" | "declared" | "warned" | "stated" | "claimed" | "tweeted"
        | "replied"
    )
}

pub(super) fn is_pronoun(k: &str) -> bool {
    matches!(k, "he" | "she" | "they" | "it" | "we" | "i" | "you")
}

/// Prepositions allowed inside a source noun phrase ("a person familiar with the matter").
pub(super) fn is_np_prep(k: &str) -> bool {
    matches!(
        k,
        "of" | "with" | "to" | "for" | "at" | "from" | "in" | "on"
    )
}

/// "wouldn’t", "haven't", "never", "often": words between a speaker and the verb ("Carney
/// wouldn’t say", "Authorities haven’t said") that belong to neither.
fn is_negated_auxiliary(k: &str) -> bool {
    k.ends_with("n't") || k.ends_with("n’t") || matches!(k, "not" | "never" | "often")
}

/// Plural nouns for what was said that are also speech verbs ("multiple reports", "his
/// remarks"): after the first word of a phrase they are its nouns.
fn is_statement_noun(k: &str) -> bool {
    matches!(
        k,
        "reports" | "claims" | "remarks" | "comments" | "statements"
    )
}

/// Nouns ending in "-ly" that can head a speaker's phrase ("the family said", "a local daily
/// reported"), unlike the adverbs that end that way.
fn is_ly_noun(k: &str) -> bool {
    matches!(
        k,
        "family" | "ally" | "assembly" | "daily" | "weekly" | "monthly" | "quarterly" | "rally"
    )
}

#[rustfmt::skip]
pub(super) fn is_title(k: &str) -> bool {
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
pub(super) fn is_people(k: &str) -> bool {
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
pub(super) fn is_institution(k: &str) -> bool {
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
    pub(super) fn attribution(&self) -> Option<Attribution> {
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
    pub(super) fn said_clause(&self, v: usize) -> Option<(usize, usize, String)> {
        let t = self.t.get(v)?;
        if t.kind != Kind::Word || t.quoted || t.cap {
            return None;
        }
        let k = self.key(v);
        if !is_speech_verb(k) {
            return None;
        }
        let verb = self.text(v).to_string();
        // "the news agency reported Kim as saying": Kim is the one who said it.
        if matches!(k, "reported" | "quoted")
            && let Some((a, b)) = self.fwd_np(v + 1, false)
            && self.key(b) == "as"
            && matches!(self.key(b + 1), "saying" | "telling" | "stating")
        {
            return Some((a, b, format!("{verb} as saying")));
        }
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
                        || (self.is_word(q)
                            && (is_attr_adverb(self.key(q))
                                || self.is_ly_adverb(q)
                                || is_negated_auxiliary(self.key(q)))) =>
                {
                    p = q
                }
                _ => break,
            }
        }
        // "Rep. Todd Akin (R-Mo.) said": the speaker is before the party-and-state tag.
        if let Some(open) = p
            .checked_sub(1)
            .and_then(|c| self.party_parenthesis_open(c))
        {
            p = open;
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
            // "hard to tell", "wants to say": an infinitive states nothing.
            if qk == "to" {
                return None;
            }
            if let Some((a, b)) = self.back_np(q, true) {
                return self.plausible_speaker(a, b, k).then_some((a, b, verb));
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
    pub(super) fn ends_inverted_speaker(&self, end: usize) -> bool {
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
    pub(super) fn back_np(&self, last: usize, allow_who: bool) -> Option<(usize, usize)> {
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
                    let before = match w.checked_sub(1) {
                        Some(comma) if self.is_p(comma, ',') => {
                            self.party_tag_comma(comma).unwrap_or(comma).checked_sub(1)
                        }
                        _ => w.checked_sub(1),
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

    /// True when the word at `i` is an adverb in "-ly" ("Mr. Boehner facetiously said"): lowercase
    /// and not a noun that ends that way.
    fn is_ly_adverb(&self, i: usize) -> bool {
        let k = self.key(i);
        !self.cap(i) && k.len() > 4 && k.ends_with("ly") && !is_ly_noun(k)
    }

    /// True when the phrase `a..b` before the speech verb `verb` can be who spoke. Not when it
    /// ends on a conjunction, a negated auxiliary or an adverb ("gaffe-prone and said", "but
    /// didn't tell", "have directly announced": the speaker is further back, unknown here). And
    /// a word that is also a plural noun or an adjective ("reports", "claims", "states",
    /// "added") is a verb only after a name or a noun for a speaker or a medium: not in
    /// "multiple reports", "occasional claims", "home states", "provide added ammunition".
    fn plausible_speaker(&self, a: usize, b: usize, verb: &str) -> bool {
        let Some(last) = b.checked_sub(1).filter(|&l| l >= a) else {
            return false;
        };
        let head = self.key(last);
        if matches!(head, "and" | "or" | "but")
            || head.ends_with("n't")
            || head.ends_with("n’t")
            || self.is_ly_adverb(last)
        {
            return false;
        }
        if matches!(verb, "reports" | "claims" | "states" | "added" | "notes") {
            // A title word that only modifies one ("home", "state", "foreign") is no head.
            let title_head = is_title(head)
                && !matches!(
                    head,
                    "prime"
                        | "foreign"
                        | "defense"
                        | "defence"
                        | "interior"
                        | "deputy"
                        | "vice"
                        | "former"
                        | "acting"
                        | "senior"
                        | "state"
                        | "health"
                        | "finance"
                        | "economy"
                        | "home"
                );
            return self.cap(last)
                || self.poss(last)
                || is_pronoun(head)
                || title_head
                || is_people(head)
                || is_institution(head)
                || super::is_medium_word(head);
        }
        true
    }

    /// True when a US party-and-state tag ("R-N.Y.", "D-Calif.", "R - Texas") starts at `i`.
    pub(super) fn party_tag_at(&self, i: usize) -> bool {
        let tag = self.text(i);
        ["R-", "D-", "I-"].iter().any(|p| tag.starts_with(p))
            || (matches!(tag, "R" | "D" | "I") && self.is_p(i + 1, '-') && self.adjacent(i, i + 1))
    }

    /// When the token at `close` is the ")" of a parenthesised party-and-state tag ("(R-Mo.)"),
    /// the index of its "(".
    pub(super) fn party_parenthesis_open(&self, close: usize) -> Option<usize> {
        if !self.is_p(close, ')') {
            return None;
        }
        self.party_tag_opened_by(close, '(')
    }

    /// When the tokens just before the comma at `comma` are a US party-and-state tag between
    /// commas (", R-N.Y.,", ", D-Calif.,"), the comma that opens the tag.
    pub(super) fn party_tag_comma(&self, comma: usize) -> Option<usize> {
        self.party_tag_opened_by(comma, ',')
    }

    /// The nearest `opener` within eight tokens before `close`, when a party-and-state tag
    /// follows it.
    fn party_tag_opened_by(&self, close: usize, opener: char) -> Option<usize> {
        let mut k = close;
        for _ in 0..8 {
            k = k.checked_sub(1)?;
            if self.is_p(k, opener) {
                return self.party_tag_at(k + 1).then_some(k);
            }
        }
        None
    }

    /// "Dmitry Peskov, the Kremlin spokesman, said": the phrase before the appositive.
    pub(super) fn appositive_np(&self, comma: usize) -> Option<(usize, usize)> {
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
                    // "Rep. Peter King, R-N.Y., who …, said": the speaker is before the
                    // party-and-state tag, which reads as a name of its own.
                    let before = self.party_tag_comma(k).unwrap_or(k);
                    return self.back_np(before.checked_sub(1)?, false);
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
    pub(super) fn fwd_np(&self, j: usize, allow_pronoun: bool) -> Option<(usize, usize)> {
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
                    // "according to multiple reports": a noun here, not a speech verb.
                    _ if is_statement_noun(key) => k > j,
                    _ => is_np_det(key) || small_word(key).is_some() || self.is_content(k),
                },
            };
            if !ok {
                break;
            }
            let noun_not_verb = k > j && is_statement_noun(key);
            if t.kind == Kind::Num || self.is_content(k) || noun_not_verb {
                end = k + 1;
            }
        }
        (end > j).then_some((j, end))
    }

    /// True for unnamed people; false for pronouns, named people and institutions.
    pub(super) fn anonymous(&self, a: usize, b: usize) -> bool {
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
