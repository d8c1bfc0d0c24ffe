//! The one pair-scoring function shared by `compare` and `pairs`.
//!
//! Each sentence is turned once into a [`Profile`] (interned stems, n-grams, character grams);
//! a pair is then described by a small vector of lexical and structural features and scored by
//! a logistic model, quadratic in those features, whose weights were fitted on MRPC train by
//! `claimdiff fit-matcher` (`fit.rs`; the weights live in the generated `weights.rs`).
//! Besides overlap of words, n-grams and characters, the features weigh the words only one side
//! has by how rarely paraphrases leave them out (word evidence, `evidence.rs`) and count the
//! figures only one side gives. Fact *conflicts* (a number, date or negation in the same slot
//! that differs) are deliberately not features: the link score says "same statement", and
//! conflicts are found separately, so differing facts still link.

use crate::analysis::matching::evidence::{
    EVIDENCE_FEATURES, WordTerms, evidence_features, rates_of, stem_key,
};
use crate::analysis::matching::weights::WEIGHTS;
use crate::analysis::parallel;
use crate::analysis::text::words::{
    COMMON_WORD_WEIGHT, FxHashMap, is_common_stem, token_of, word_segments,
};

/// Interned words and their document frequencies over one collection of sentences.
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    ids: FxHashMap<String, u32>,
    common: Vec<bool>,
    doc_freq: Vec<u32>,
    docs: u32,
    idf: Vec<f32>,
    /// Per id: the terms of the shipped word-evidence rates of the word.
    terms: Vec<WordTerms>,
    /// Per id: the word-evidence table key (FNV-1a hash) of the word.
    keys: Vec<u64>,
    /// Per id: true when the word contains a digit.
    has_digit: Vec<bool>,
}

impl Vocab {
    fn intern(&mut self, word: &str) -> u32 {
        if let Some(id) = self.ids.get(word) {
            return *id;
        }
        let id = self.doc_freq.len() as u32;
        self.ids.insert(word.to_string(), id);
        self.common.push(is_common_stem(word));
        self.doc_freq.push(0);
        self.terms.push(rates_of(word).terms());
        self.keys.push(stem_key(word));
        self.has_digit
            .push(word.chars().any(|c| c.is_ascii_digit()));
        id
    }

    /// The word-evidence terms of a word id under the shipped rates (see [`crate::analysis::matching::evidence`]).
    pub fn terms(&self, id: u32) -> WordTerms {
        self.terms
            .get(id as usize)
            .copied()
            .unwrap_or_else(|| rates_of("").terms())
    }

    /// The word-evidence table key of a word id (0 for an unknown id).
    pub fn key(&self, id: u32) -> u64 {
        self.keys.get(id as usize).copied().unwrap_or(0)
    }

    /// True when the word with this id contains a digit (a figure, or a name like "G7").
    pub fn has_digit(&self, id: u32) -> bool {
        self.has_digit.get(id as usize).copied().unwrap_or(false)
    }

    /// Inverse document frequency of a word id (smoothed; higher = rarer).
    pub fn idf(&self, id: u32) -> f32 {
        self.idf.get(id as usize).copied().unwrap_or(1.0)
    }

    /// Number of distinct words and stems interned (ids are `0..len`).
    pub fn len(&self) -> usize {
        self.doc_freq.len()
    }

    /// True when no word was interned.
    pub fn is_empty(&self) -> bool {
        self.doc_freq.is_empty()
    }

    /// Number of sentences counted.
    pub fn docs(&self) -> u32 {
        self.docs
    }

    /// Document frequency of a word id.
    pub fn doc_freq(&self, id: u32) -> u32 {
        self.doc_freq.get(id as usize).copied().unwrap_or(0)
    }

    fn finish(&mut self) {
        let n = self.docs.max(1) as f32;
        // The floor keeps a tiny collection (two short articles) from calling everything rare.
        let floor_docs = n.max(50.0);
        self.idf = self
            .doc_freq
            .iter()
            .zip(&self.common)
            .map(|(df, common)| {
                let idf = ((floor_docs + 1.0) / (*df as f32 + 0.5)).ln().max(0.1);
                if *common {
                    idf * COMMON_WORD_WEIGHT
                } else {
                    idf
                }
            })
            .collect();
    }
}

/// A sentence prepared for fast pair scoring.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Content-word stem ids, sorted, unique.
    pub content: Vec<u32>,
    /// Stem ids of all words (function words too), sorted, unique.
    pub stems: Vec<u32>,
    /// All lowercase word ids in order (for the longest common subsequence).
    pub sequence: Vec<u32>,
    /// All lowercase word ids, sorted, unique.
    pub words: Vec<u32>,
    /// Content-word stem ids in order.
    pub content_sequence: Vec<u32>,
    /// Hashed stem bigrams, sorted, unique.
    pub bigrams: Vec<u64>,
    /// Hashed stem trigrams, sorted, unique.
    pub trigrams: Vec<u64>,
    /// Hashed character 4-grams of the lowercased letters, sorted, unique.
    pub char_grams: Vec<u32>,
    /// Stem ids of capitalised words that do not start the sentence, sorted, unique.
    pub names: Vec<u32>,
    /// Total IDF weight of the content words.
    pub content_weight: f32,
    /// For each entry of `words`: bit `i` set when `sequence[i]` is that word (first
    /// [`LCS_MAX_WORDS`] positions only), for the bit-parallel longest common subsequence.
    pub word_masks: Vec<u128>,
    /// For each entry of `content`: its positions in `content_sequence`, as in `word_masks`.
    pub content_masks: Vec<u128>,
}

/// Build profiles for many sentences, counting document frequencies over all of them.
pub fn build_profiles<'a>(sentences: impl IntoIterator<Item = &'a str>) -> (Vocab, Vec<Profile>) {
    let sentences: Vec<&str> = sentences.into_iter().collect();
    // Word segmentation needs no shared state: in parallel.
    let segmented: Vec<Vec<(usize, &str)>> =
        parallel::map(&sentences, 64, |s| word_segments(s).collect());
    // Word ids are handed out in order of first appearance: one sequential pass, with each
    // written word form tokenised once.
    let mut vocab = Vocab::default();
    let mut memo: FxHashMap<&str, WordEntry> = FxHashMap::default();
    let words: Vec<Vec<WordEntry>> = segmented
        .iter()
        .map(|segments| {
            segments
                .iter()
                .map(|&(start, word)| {
                    *memo
                        .entry(word)
                        .or_insert_with(|| word_entry(&mut vocab, start, word))
                })
                .collect()
        })
        .collect();
    let mut profiles: Vec<Profile> = parallel::map(
        &words.iter().zip(&sentences).collect::<Vec<_>>(),
        64,
        |(entries, sentence)| raw_profile(entries, sentence),
    );
    for profile in &profiles {
        for id in &profile.content {
            vocab.doc_freq[*id as usize] += 1;
        }
        vocab.docs += 1;
    }
    vocab.finish();
    for profile in &mut profiles {
        profile.content_weight = profile.content.iter().map(|id| vocab.idf(*id)).sum();
    }
    (vocab, profiles)
}

fn sorted_unique<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort_unstable();
    v.dedup();
    v
}

/// What matching needs of one word as written: its interned stem and lowercase form and its
/// flags. Words repeat across a comparison, so each written form is tokenised only once.
#[derive(Debug, Clone, Copy)]
struct WordEntry {
    stem: u32,
    lower: u32,
    is_stop: bool,
    is_capitalized: bool,
}

/// Tokenise a word form seen for the first time and intern its stem, then its lowercase form
/// (the order the ids were always given in).
fn word_entry(vocab: &mut Vocab, start: usize, word: &str) -> WordEntry {
    let token = token_of(start, word);
    let stem = vocab.intern(&token.stem);
    let lower = vocab.intern(&token.lower);
    WordEntry {
        stem,
        lower,
        is_stop: token.is_stop,
        is_capitalized: token.is_capitalized,
    }
}

/// The profile of one sentence from its words' entries.
fn raw_profile(entries: &[WordEntry], sentence: &str) -> Profile {
    let mut content = Vec::new();
    let mut sequence = Vec::with_capacity(entries.len());
    let mut names = Vec::new();
    let mut stems = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let stem_id = entry.stem;
        stems.push(stem_id);
        sequence.push(entry.lower);
        if !entry.is_stop {
            content.push(stem_id);
            if entry.is_capitalized && i > 0 {
                names.push(stem_id);
            }
        }
    }
    let bigrams = stems
        .windows(2)
        .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
        .collect();
    let trigrams = stems
        .windows(3)
        .map(|w| (u64::from(w[0]) << 42) ^ (u64::from(w[1]) << 21) ^ u64::from(w[2]))
        .collect();
    let unique_words = sorted_unique(sequence.clone());
    let unique_stems = sorted_unique(stems.clone());
    let word_masks = position_masks(&unique_words, &sequence);
    let content_sequence = content;
    let content = sorted_unique(content_sequence.clone());
    let content_masks = position_masks(&content, &content_sequence);
    Profile {
        stems: unique_stems,
        words: unique_words,
        word_masks,
        content_sequence,
        content,
        content_masks,
        sequence,
        bigrams: sorted_unique(bigrams),
        trigrams: sorted_unique(trigrams),
        char_grams: sorted_unique(char_grams(sentence)),
        names: sorted_unique(names),
        content_weight: 0.0,
    }
}

/// Hashed 4-grams of the sentence's lowercased letters and digits: FNV-1a over the UTF-8 of
/// each run of four characters (computed in place, without building the gram strings).
fn char_grams(sentence: &str) -> Vec<u32> {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut window = ['\0'; 4];
    let mut seen = 0usize;
    let mut grams = Vec::with_capacity(sentence.len());
    let mut buf = [0u8; 4];
    for c in sentence
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
    {
        window = [window[1], window[2], window[3], c];
        seen += 1;
        if seen >= 4 {
            let mut hash = FNV_OFFSET;
            for ch in window {
                for b in ch.encode_utf8(&mut buf).as_bytes() {
                    hash ^= u64::from(*b);
                    hash = hash.wrapping_mul(FNV_PRIME);
                }
            }
            grams.push(hash as u32);
        }
    }
    grams
}

/// For each id of `unique` (sorted), the bit set of its positions in `sequence`, over the first
/// [`LCS_MAX_WORDS`] positions.
fn position_masks(unique: &[u32], sequence: &[u32]) -> Vec<u128> {
    let mut masks = vec![0u128; unique.len()];
    for (position, id) in sequence.iter().take(LCS_MAX_WORDS).enumerate() {
        if let Ok(k) = unique.binary_search(id)
            && let Some(mask) = masks.get_mut(k)
        {
            *mask |= 1u128 << position;
        }
    }
    masks
}

/// What two sorted id sets share, and the longest common subsequence of the two sequences
/// they came from, in one merge pass.
struct SharedRun {
    /// Number of shared ids.
    shared: usize,
    /// Summed IDF weight of the shared ids (merge order, so the sum is reproducible).
    weight: f32,
    /// Shared ids that are not everyday news words.
    distinctive: u32,
    /// Longest common subsequence of the two sequences (capped at [`LCS_MAX_WORDS`] each).
    lcs: usize,
}

/// Merge `a`'s and `b`'s sorted ids (with their position masks) and run the bit-parallel LCS
/// (Allison–Dix / Hyyrö) over `b`'s first positions. `weigh` adds IDF and distinctiveness.
fn shared_run(
    vocab: Option<&Vocab>,
    (a_ids, a_masks, a_len): (&[u32], &[u128], usize),
    (b_ids, b_masks, b_len): (&[u32], &[u128], usize),
) -> SharedRun {
    // Match mask (positions in `a`) for every position of `b`.
    let mut matches = [0u128; LCS_MAX_WORDS];
    let mut run = SharedRun {
        shared: 0,
        weight: 0.0,
        distinctive: 0,
        lcs: 0,
    };
    let (mut i, mut j) = (0, 0);
    while i < a_ids.len() && j < b_ids.len() {
        match a_ids[i].cmp(&b_ids[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let id = a_ids[i];
                run.shared += 1;
                if let Some(vocab) = vocab {
                    run.weight += vocab.idf(id);
                    if !vocab.common.get(id as usize).copied().unwrap_or(false) {
                        run.distinctive += 1;
                    }
                }
                let in_a = a_masks.get(i).copied().unwrap_or(0);
                let mut in_b = b_masks.get(j).copied().unwrap_or(0);
                while in_b != 0 {
                    let position = in_b.trailing_zeros() as usize;
                    if let Some(slot) = matches.get_mut(position) {
                        *slot = in_a;
                    }
                    in_b &= in_b - 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    let a_len = a_len.min(LCS_MAX_WORDS);
    let b_len = b_len.min(LCS_MAX_WORDS);
    if run.shared > 0 {
        let mut v = u128::MAX;
        for &m in &matches[..b_len] {
            let u = v & m;
            v = v.wrapping_add(u) | (v ^ u);
        }
        let live = if a_len >= 128 {
            u128::MAX
        } else {
            (1u128 << a_len) - 1
        };
        run.lcs = (!v & live).count_ones() as usize;
    }
    run
}

/// Size of the intersection of two sorted, unique slices (a branch-free merge: the
/// comparisons of hashed grams are unpredictable, so branches would mostly mispredict).
pub(super) fn intersection_len<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// Call `visit` for every element two sorted, unique slices share (one merge pass).
pub(super) fn for_each_shared<T: Ord>(a: &[T], b: &[T], mut visit: impl FnMut(&T)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                visit(&a[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

fn dice(shared: usize, a: usize, b: usize) -> f32 {
    if a + b == 0 {
        0.0
    } else {
        2.0 * shared as f32 / (a + b) as f32
    }
}

/// IDF weight of the content words two profiles share.
fn shared_weight(vocab: &Vocab, a: &[u32], b: &[u32]) -> f32 {
    let mut weight = 0.0;
    for_each_shared(a, b, |id| weight += vocab.idf(*id));
    weight
}

/// Words of each sentence the longest common subsequence looks at (very long sentences are cut).
pub const LCS_MAX_WORDS: usize = 120;

/// Longest common subsequence length of two word sequences, by dynamic programming (the
/// reference for the bit-parallel version in [`shared_run`]).
#[cfg(test)]
fn lcs_len(a: &[u32], b: &[u32]) -> usize {
    let a = &a[..a.len().min(LCS_MAX_WORDS)];
    let b = &b[..b.len().min(LCS_MAX_WORDS)];
    let mut row = vec![0u16; b.len() + 1];
    for x in a {
        let mut diagonal = 0u16;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    usize::from(row[b.len()])
}

/// Number of features (including the bias term).
pub const FEATURE_COUNT: usize = 25;

/// Number of inputs of the logistic model: the bias, every feature, and every product of two
/// features (squares included) — the model is quadratic in the features.
pub const MODEL_INPUTS: usize = FEATURE_COUNT + (FEATURE_COUNT - 1) * FEATURE_COUNT / 2;

// The generated weights must fit the model: regenerate them when the features change.
const _: () = assert!(WEIGHTS.len() == MODEL_INPUTS);

/// Index of "content_recall_min_side" in the feature vector.
const CONTENT_RECALL_MIN_SIDE: usize = 12;
const _: () = assert!(matches!(
    FEATURE_NAMES[CONTENT_RECALL_MIN_SIDE].as_bytes(),
    b"content_recall_min_side"
));

/// Names of the features, in order (for the fitting tool and documentation).
pub const FEATURE_NAMES: [&str; FEATURE_COUNT] = [
    "bias",
    "content_dice",
    "idf_recall_min_side",
    "idf_recall_max_side",
    "word_dice",
    "bigram_dice",
    "trigram_dice",
    "char4_dice",
    "lcs_over_longer",
    "lcs_over_shorter",
    "content_lcs_over_shorter",
    "length_ratio",
    "content_recall_min_side",
    "idf_missing_weight",
    "name_mismatch",
    "exact_match",
    "shorter_length",
    "shared_word_odds",
    "unshared_word_odds",
    "kl_weighted_share",
    "most_telling_unshared_word",
    "unshared_numbers",
    "disjoint_numbers",
    "unshared_words_min_side",
    "unshared_words_max_side",
];

/// The feature vector of a pair of profiles.
pub fn features(vocab: &Vocab, a: &Profile, b: &Profile) -> [f32; FEATURE_COUNT] {
    pair_features(vocab, a, b, |id, _| vocab.terms(id)).0
}

/// The feature vector with word-evidence terms given by `terms(stem id, on both sides?)`
/// (fitting uses this to leave each training pair's own counts out).
pub fn features_with_terms(
    vocab: &Vocab,
    a: &Profile,
    b: &Profile,
    terms: impl Fn(u32, bool) -> WordTerms,
) -> [f32; FEATURE_COUNT] {
    pair_features(vocab, a, b, terms).0
}

/// Every stem of either of two profiles once, in id order, with "on both sides?".
pub struct StemUnion<'a> {
    a: &'a [u32],
    b: &'a [u32],
}

impl<'a> StemUnion<'a> {
    /// The union of the stems of `a` and `b`.
    pub fn new(a: &'a Profile, b: &'a Profile) -> Self {
        StemUnion {
            a: &a.stems,
            b: &b.stems,
        }
    }
}

impl Iterator for StemUnion<'_> {
    type Item = (u32, bool);

    fn next(&mut self) -> Option<(u32, bool)> {
        match (self.a.split_first(), self.b.split_first()) {
            (Some((&x, rest_a)), Some((&y, rest_b))) => {
                if x == y {
                    (self.a, self.b) = (rest_a, rest_b);
                    Some((x, true))
                } else if x < y {
                    self.a = rest_a;
                    Some((x, false))
                } else {
                    self.b = rest_b;
                    Some((y, false))
                }
            }
            (Some((&x, rest_a)), None) => {
                self.a = rest_a;
                Some((x, false))
            }
            (None, Some((&y, rest_b))) => {
                self.b = rest_b;
                Some((y, false))
            }
            (None, None) => None,
        }
    }
}

/// What the word-evidence and number features need from one pass over the pair's stems.
struct StemTally {
    evidence: [f32; EVIDENCE_FEATURES],
    shared_stems: usize,
    numbers_a: usize,
    numbers_b: usize,
    shared_numbers: usize,
}

fn stem_tally(
    vocab: &Vocab,
    a: &Profile,
    b: &Profile,
    terms: impl Fn(u32, bool) -> WordTerms,
) -> StemTally {
    let (mut shared_words, mut union_numbers, mut shared_numbers) = (0, 0, 0);
    let evidence = evidence_features(StemUnion::new(a, b).map(|(id, shared)| {
        let number = vocab.has_digit(id);
        shared_words += usize::from(shared);
        union_numbers += usize::from(number);
        shared_numbers += usize::from(number && shared);
        (shared, terms(id, shared))
    }));
    let numbers_a = a.stems.iter().filter(|id| vocab.has_digit(**id)).count();
    StemTally {
        evidence,
        shared_stems: shared_words,
        numbers_a,
        // Numbers in the union, less those only in `a`, are those in `b`.
        numbers_b: union_numbers - (numbers_a - shared_numbers),
        shared_numbers,
    }
}

/// The feature vector plus what the overlap reading needs from the same merge pass: the
/// shared content weight and the number of shared distinctive words.
fn pair_features(
    vocab: &Vocab,
    a: &Profile,
    b: &Profile,
    terms: impl Fn(u32, bool) -> WordTerms,
) -> ([f32; FEATURE_COUNT], f32, u32) {
    let content = shared_run(
        Some(vocab),
        (&a.content, &a.content_masks, a.content_sequence.len()),
        (&b.content, &b.content_masks, b.content_sequence.len()),
    );
    let words = shared_run(
        None,
        (&a.words, &a.word_masks, a.sequence.len()),
        (&b.words, &b.word_masks, b.sequence.len()),
    );
    let shared_content = content.shared;
    let weight = content.weight;
    let recall_a = if a.content_weight > 0.0 {
        weight / a.content_weight
    } else {
        0.0
    };
    let recall_b = if b.content_weight > 0.0 {
        weight / b.content_weight
    } else {
        0.0
    };
    let lcs = words.lcs as f32;
    let content_lcs = content.lcs as f32;
    let (len_a, len_b) = (a.sequence.len() as f32, b.sequence.len() as f32);
    let longer = len_a.max(len_b).max(1.0);
    let shorter = len_a.min(len_b).max(1.0);
    let content_shorter = (a.content_sequence.len().min(b.content_sequence.len()) as f32).max(1.0);
    let unweighted_recall = |n: usize| {
        if n == 0 {
            0.0
        } else {
            shared_content as f32 / n as f32
        }
    };
    let shared_names = intersection_len(&a.names, &b.names);
    let name_total = a.names.len() + b.names.len();
    let name_mismatch = if name_total == 0 {
        0.0
    } else {
        1.0 - 2.0 * shared_names as f32 / name_total as f32
    };
    let missing_weight = (a.content_weight - weight).max(b.content_weight - weight);
    let tally = stem_tally(vocab, a, b, terms);
    let unshared_numbers = tally.numbers_a + tally.numbers_b - 2 * tally.shared_numbers;
    let disjoint_numbers = tally.numbers_a > 0 && tally.numbers_b > 0 && tally.shared_numbers == 0;
    let unshared_a = (a.stems.len() - tally.shared_stems) as f32;
    let unshared_b = (b.stems.len() - tally.shared_stems) as f32;
    let values = [
        1.0,
        dice(shared_content, a.content.len(), b.content.len()),
        recall_a.min(recall_b),
        recall_a.max(recall_b),
        dice(words.shared, a.words.len(), b.words.len()),
        dice(
            intersection_len(&a.bigrams, &b.bigrams),
            a.bigrams.len(),
            b.bigrams.len(),
        ),
        dice(
            intersection_len(&a.trigrams, &b.trigrams),
            a.trigrams.len(),
            b.trigrams.len(),
        ),
        dice(
            intersection_len(&a.char_grams, &b.char_grams),
            a.char_grams.len(),
            b.char_grams.len(),
        ),
        lcs / longer,
        lcs / shorter,
        content_lcs / content_shorter,
        shorter / longer,
        unweighted_recall(a.content.len()).min(unweighted_recall(b.content.len())),
        (missing_weight / 20.0).min(1.5),
        name_mismatch,
        if a.sequence == b.sequence && !a.sequence.is_empty() {
            1.0
        } else {
            0.0
        },
        (shorter / 40.0).min(1.5),
        tally.evidence[0],
        tally.evidence[1],
        tally.evidence[2],
        tally.evidence[3],
        (unshared_numbers.min(4) as f32) / 4.0,
        if disjoint_numbers { 1.0 } else { 0.0 },
        unshared_a.min(unshared_b).min(15.0) / 15.0,
        unshared_a.max(unshared_b).min(15.0) / 15.0,
    ];
    (values, weight, content.distinctive)
}

/// Probability in [0, 1] that the two sentences are paraphrases (facts aside).
pub fn score(vocab: &Vocab, a: &Profile, b: &Profile) -> f32 {
    score_features(&features(vocab, a, b), &WEIGHTS)
}

/// IDF-weighted cosine of the content words: how much rare content two sentences share.
pub fn overlap(vocab: &Vocab, a: &Profile, b: &Profile) -> f32 {
    let norm = (a.content_weight * b.content_weight).sqrt();
    if norm > 0.0 {
        (shared_weight(vocab, &a.content, &b.content) / norm).min(1.0)
    } else {
        0.0
    }
}

/// The matcher's two readings of a sentence pair; both `compare` and `pairs` use this.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairScore {
    /// Probability that the sentences are paraphrases (logistic model fitted on MRPC train).
    pub paraphrase: f32,
    /// IDF-weighted content overlap in [0, 1]: do they share a claim, even partly?
    pub overlap: f32,
    /// Number of distinct content words the two sentences share, everyday news words aside.
    pub shared_words: u32,
    /// Total IDF weight of the content words the two sentences share.
    pub shared_weight: f32,
    /// The smaller of the two shares of distinct content words each sentence has in common
    /// with the other (see [`crate::analysis::comparison::content_coverage`]).
    pub coverage: f32,
}

/// Score a pair of prepared sentences: the one scoring function of claimdiff.
pub fn score_pair(vocab: &Vocab, a: &Profile, b: &Profile) -> PairScore {
    let (values, shared_weight, shared_words) = pair_features(vocab, a, b, |id, _| vocab.terms(id));
    let norm = (a.content_weight * b.content_weight).sqrt();
    PairScore {
        paraphrase: score_features(&values, &WEIGHTS),
        overlap: if norm > 0.0 {
            (shared_weight / norm).min(1.0)
        } else {
            0.0
        },
        shared_words,
        shared_weight,
        coverage: values[CONTENT_RECALL_MIN_SIDE],
    }
}

/// The inputs of the quadratic model: the bias and features as they are, then the product of
/// every pair of features `i <= j` (bias excluded), in row order.
pub fn model_inputs(features: &[f32; FEATURE_COUNT]) -> [f32; MODEL_INPUTS] {
    let mut inputs = [0.0; MODEL_INPUTS];
    inputs[..FEATURE_COUNT].copy_from_slice(features);
    let mut next = FEATURE_COUNT;
    for i in 1..FEATURE_COUNT {
        for j in i..FEATURE_COUNT {
            inputs[next] = features[i] * features[j];
            next += 1;
        }
    }
    inputs
}

/// The logistic score of a feature vector under `weights` (over [`model_inputs`]).
pub fn score_features(features: &[f32; FEATURE_COUNT], weights: &[f32; MODEL_INPUTS]) -> f32 {
    let z: f32 = model_inputs(features)
        .iter()
        .zip(weights)
        .map(|(x, w)| x * w)
        .sum();
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair_score(a: &str, b: &str) -> f32 {
        let (vocab, profiles) = build_profiles([a, b]);
        score(&vocab, &profiles[0], &profiles[1])
    }

    #[test]
    fn identical_sentences_score_high() {
        let s = "The ministry said the bridge would reopen on Friday.";
        assert!(pair_score(s, s) > 0.9);
    }

    #[test]
    fn unrelated_sentences_score_low() {
        assert!(
            pair_score(
                "The ministry said the bridge would reopen on Friday.",
                "Fans queued overnight for concert tickets in the rain."
            ) < 0.2
        );
    }

    #[test]
    fn paraphrase_beats_unrelated() {
        let base = "Rescuers pulled nine survivors from the collapsed building.";
        let para = "Nine people were rescued alive from the building that collapsed.";
        let other = "The central bank left interest rates unchanged.";
        assert!(pair_score(base, para) > pair_score(base, other));
    }

    #[test]
    fn lcs_counts_in_order_matches() {
        assert_eq!(lcs_len(&[1, 2, 3, 4], &[1, 3, 4, 5]), 3);
        assert_eq!(lcs_len(&[], &[1]), 0);
    }

    #[test]
    fn bit_parallel_lcs_matches_dynamic_programming() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as u32
        };
        for round in 0..400 {
            let alphabet = 2 + u64::from(next(12));
            let max_len = if round % 10 == 0 { 160 } else { 30 };
            let a: Vec<u32> = (0..next(max_len)).map(|_| next(alphabet)).collect();
            let b: Vec<u32> = (0..next(max_len)).map(|_| next(alphabet)).collect();
            let (ua, ub) = (sorted_unique(a.clone()), sorted_unique(b.clone()));
            let run = shared_run(
                None,
                (&ua, &position_masks(&ua, &a), a.len()),
                (&ub, &position_masks(&ub, &b), b.len()),
            );
            assert_eq!(run.lcs, lcs_len(&a, &b), "{a:?} {b:?}");
            assert_eq!(run.shared, intersection_len(&ua, &ub));
        }
    }

    #[test]
    fn char_grams_hash_each_four_letter_run() {
        let reference = |s: &str| -> Vec<u32> {
            let letters: Vec<char> = s
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            letters
                .windows(4)
                .map(|w| {
                    crate::analysis::text::words::fnv1a64(w.iter().collect::<String>().as_bytes())
                        as u32
                })
                .collect()
        };
        for s in [
            "İstanbul'da ışık; Москва заявила.",
            "Abc",
            "The port, 40 ships.",
            "",
        ] {
            assert_eq!(char_grams(s), reference(s), "{s}");
        }
    }

    #[test]
    fn memoised_words_get_the_ids_fresh_tokens_would() {
        let sentences = [
            "Port closes. The port closes",
            "Ports closed, the Port said; port's 1,200 ships",
            "The PORT closes",
        ];
        let (_, profiles) = build_profiles(sentences);
        let mut vocab = Vocab::default();
        for (sentence, profile) in sentences.iter().zip(&profiles) {
            let mut sequence = Vec::new();
            let mut content_sequence = Vec::new();
            let mut names = Vec::new();
            for (i, token) in crate::analysis::text::words::tokenize(sentence)
                .iter()
                .enumerate()
            {
                let stem = vocab.intern(&token.stem);
                sequence.push(vocab.intern(&token.lower));
                if !token.is_stop {
                    content_sequence.push(stem);
                    if token.is_capitalized && i > 0 {
                        names.push(stem);
                    }
                }
            }
            assert_eq!(profile.sequence, sequence);
            assert_eq!(profile.content_sequence, content_sequence);
            assert_eq!(profile.names, sorted_unique(names));
        }
    }

    #[test]
    fn features_are_symmetric() {
        let (vocab, p) = build_profiles([
            "A storm hit the coast on Monday.",
            "On Monday a big storm hit the coast of Norway.",
        ]);
        let ab = features(&vocab, &p[0], &p[1]);
        let ba = features(&vocab, &p[1], &p[0]);
        for (x, y) in ab.iter().zip(ba.iter()) {
            assert!((x - y).abs() < 1e-6);
        }
    }
}
