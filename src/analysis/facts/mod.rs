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

mod attribution;
mod names;
mod negation;
mod numbers;
mod quotes;
mod times;
mod tokens;
pub mod types;
mod word_lists;

#[cfg(test)]
mod tests;

pub use negation::is_negation_word;
use tokens::Cx;
use types::Facts;

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

/// What an attributed source names, for deciding whether two sources can differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceReading {
    /// A person, a group of people or an institution ("Mayor Ilse Brandt", "officials",
    /// "the Kessling Courier", "police").
    Speaker,
    /// A lowercase description of where words appeared ("state media", "its official news
    /// agency", "a video message"): it says how the words were carried, not who spoke them.
    Medium,
    /// A description that refers back to someone named elsewhere ("the lawmaker", "the
    /// senator"): a second name for a speaker, not another one.
    Reference,
    /// Words the extractor took for a source that name no one ("other woes and", "annual New
    /// Year's Eve party …"): nothing to compare.
    Unclear,
}

/// Lowercase words that name where words appeared rather than who said them.
#[rustfmt::skip]
fn is_medium_word(k: &str) -> bool {
    matches!(
        k,
        "media" | "news" | "agency" | "newspaper" | "broadcaster" | "outlet" | "statement"
        | "video" | "message" | "report" | "reports" | "television" | "tv" | "radio" | "website"
        | "channel" | "broadcast" | "press" | "wire" | "tweet" | "post"
    )
}

/// Lowercase words a source's noun phrase may start with.
#[rustfmt::skip]
fn opens_a_source(k: &str) -> bool {
    matches!(
        k,
        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "two" | "three" | "four"
        | "five" | "several" | "some" | "many" | "one" | "both" | "senior" | "former" | "local"
        | "state" | "federal" | "unnamed" | "anonymous"
    )
}

/// Reads an attributed source (see [`SourceReading`]).
pub fn source_reading(source: &str) -> SourceReading {
    let words: Vec<&str> = source
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = words.first() else {
        return SourceReading::Unclear;
    };
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let starts_upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let speaker_noun = |k: &str| {
        attribution::is_title(k) || attribution::is_people(k) || attribution::is_institution(k)
    };
    let common_first =
        opens_a_source(&lower[0]) || speaker_noun(&lower[0]) || is_medium_word(&lower[0]);
    // The head noun: the last word before the first preposition ("a spokesman for the
    // agency" → spokesman, "state media" → media).
    let head_end = lower
        .iter()
        .position(|k| attribution::is_np_prep(k))
        .unwrap_or(lower.len());
    // A capital counts as a name's, except on a common first word ("State media said"), and
    // only before the preposition: "the takeaways from Kim's remarks" names no one.
    let capitalised = words
        .iter()
        .take(head_end)
        .enumerate()
        .any(|(i, w)| starts_upper(w) && !(i == 0 && common_first));
    let Some(head) = head_end.checked_sub(1).and_then(|i| lower.get(i)) else {
        return SourceReading::Unclear;
    };
    let opens_a_noun_phrase = starts_upper(first)
        || first.chars().next().is_some_and(|c| c.is_ascii_digit())
        || common_first
        // "intelligence officials", "rescue workers".
        || (lower.len() <= 3 && speaker_noun(head));
    let ends_cut = lower.last().is_some_and(|k| {
        matches!(
            k.as_str(),
            "and" | "or" | "of" | "to" | "with" | "in" | "at" | "the" | "a" | "an" | "for" | "but"
        )
    });
    let names_someone = lower.iter().any(|k| speaker_noun(k));
    if !opens_a_noun_phrase || ends_cut || (!capitalised && !names_someone && !is_medium_word(head))
    {
        return SourceReading::Unclear;
    }
    if !capitalised && is_medium_word(head) {
        return SourceReading::Medium;
    }
    // "the lawmaker", "the press secretary": one person, named elsewhere in the story.
    let one_person =
        (!head.ends_with('s') && attribution::is_people(head)) || attribution::is_title(head);
    if !capitalised && lower[0] == "the" && lower.len() <= 3 && one_person {
        return SourceReading::Reference;
    }
    SourceReading::Speaker
}
