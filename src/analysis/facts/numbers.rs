//! Numbers with normalised values: digits, words, fractions, percentages, money, scaled counts, hedges and the thing counted.

use crate::analysis::facts::tokens::Claim;
use crate::analysis::facts::tokens::Cx;
use crate::analysis::facts::tokens::Kind;
use crate::analysis::facts::types::NumberFact;
use crate::analysis::facts::types::NumberUnit;
use crate::analysis::facts::word_lists::is_currency_symbol;
use crate::analysis::facts::word_lists::is_currency_word;
use crate::analysis::facts::word_lists::is_function;
use crate::analysis::facts::word_lists::is_hedge_word;
use crate::analysis::facts::word_lists::is_past_form;
use crate::analysis::facts::word_lists::is_speech_verb;
use crate::analysis::facts::word_lists::is_verb;
use crate::analysis::facts::word_lists::ordinal_word;
use crate::analysis::facts::word_lists::plural_like;
use crate::analysis::facts::word_lists::scale_word;
use crate::analysis::facts::word_lists::small_word;
use crate::analysis::text::words::cached_stem;

/// How to find what a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
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
pub(super) struct Core {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: f64,
    pub(super) unit: NumberUnit,
    pub(super) approx: bool,
    pub(super) mode: Mode,
}

pub(super) fn numerator(k: &str) -> Option<u32> {
    match k {
        "a" | "an" | "one" => Some(1),
        _ => small_word(k).filter(|n| (2..=9).contains(n)),
    }
}

pub(super) fn denominator(k: &str) -> Option<u32> {
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

pub(super) fn scale_suffix(k: &str) -> Option<f64> {
    Some(match k {
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "b" | "bn" | "bln" => 1e9,
        "tn" | "trn" => 1e12,
        _ => return None,
    })
}

pub(super) fn unit_suffix(k: &str) -> Option<&'static str> {
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

pub(super) const HEDGES_3: &[[&str; 3]] = &[
    ["as", "many", "as"],
    ["as", "much", "as"],
    ["as", "few", "as"],
    ["no", "fewer", "than"],
    ["no", "more", "than"],
    ["no", "less", "than"],
    ["in", "excess", "of"],
    ["a", "little", "over"],
];

pub(super) const HEDGES_2: &[[&str; 2]] = &[
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

/// Words that modify a count but never are what it counts ("10 more people").
pub(super) fn is_count_modifier(k: &str) -> bool {
    matches!(
        k,
        "more" | "other" | "additional" | "extra" | "new" | "further" | "fewer" | "less"
    )
}

#[rustfmt::skip]
pub(super) fn is_modifier_only(k: &str) -> bool {
    is_count_modifier(k)
        || matches!(
            k,
            "higher" | "lower" | "greater" | "larger" | "smaller" | "former" | "total" | "overall"
            | "apiece" | "respectively" | "annually" | "alone" | "altogether" | "ago"
        )
}

/// "3.5" → (35, 1); "1,200" → (1200, 0). Commas must group three digits.
pub(super) fn parse_decimal(num: &str) -> Option<(f64, i32)> {
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

/// Nouns that label the number after them ("Bill 1062", "Flight 370"): the number names one
/// thing, it counts nothing.
#[rustfmt::skip]
fn is_label_noun(k: &str) -> bool {
    matches!(
        k,
        "bill" | "route" | "flight" | "resolution" | "proposition" | "prop" | "article"
        | "section" | "chapter" | "amendment" | "room" | "gate" | "highway" | "interstate"
        | "district" | "precinct" | "ward" | "station" | "channel" | "building" | "suite"
        | "terminal" | "platform" | "phase" | "stage" | "round" | "game" | "week" | "title"
        | "rule" | "order" | "case" | "no" | "number" | "camp" | "sector" | "block" | "level"
        | "line" | "runway" | "unit" | "division" | "brigade" | "battalion" | "regiment"
        | "corps" | "squad" | "paragraph" | "clause" | "question" | "measure" | "initiative"
        | "referendum" | "pier" | "hangar" | "lot" | "tower" | "apollo" | "mission" | "model"
    )
}

pub(super) fn scaled(mantissa: f64, decimals: i32, scale: f64) -> f64 {
    mantissa * scale / 10f64.powi(decimals)
}

pub(super) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

impl Cx<'_> {
    pub(super) fn numbers(&mut self) -> Vec<NumberFact> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.t.len() {
            if !self.free(i) {
                i += 1;
                continue;
            }
            match self.number_core(i) {
                Some(Ok(core)) if self.names_a_thing(&core) => {
                    self.mark(core.start, core.end, Claim::Skip);
                    i = core.end.max(i + 1);
                }
                Some(Ok(core)) if core.value.is_finite() && core.end > core.start => {
                    let start = self.hedge_start(core.start);
                    let counted = self.counted(core.end, core.mode).or_else(|| {
                        self.age_after_name(core.start, core.end, core.value)
                            .then(|| "age".to_string())
                    });
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
    pub(super) fn number_core(&self, i: usize) -> Option<Result<Core, usize>> {
        match self.t.get(i)?.kind {
            Kind::Punct => self.money_core(i),
            // "on 911", "call 911": the attacks or the emergency line, never a count.
            Kind::Num if self.text(i) == "911" => Some(Err(i + 1)),
            Kind::Num => self.digits_core(i),
            Kind::Word => self.word_core(i),
        }
    }

    /// "$1.2m", "US$5 billion", "€40".
    pub(super) fn money_core(&self, i: usize) -> Option<Result<Core, usize>> {
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

    pub(super) fn digits_core(&self, i: usize) -> Option<Result<Core, usize>> {
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
    pub(super) fn unit_after(&self, j: usize, scaled: bool) -> Option<(NumberUnit, usize)> {
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

    pub(super) fn word_core(&self, i: usize) -> Option<Result<Core, usize>> {
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
    pub(super) fn with_unit(
        &self,
        start: usize,
        end: usize,
        value: f64,
        big: bool,
        approx: bool,
    ) -> Core {
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
    pub(super) fn fraction_at(&self, i: usize) -> Option<Result<Core, usize>> {
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
    pub(super) fn vague_at(&self, i: usize) -> Option<Core> {
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
    pub(super) fn ordinal_ok(&self, i: usize, k: &str) -> bool {
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
    pub(super) fn one_is_pronoun(&self, i: usize) -> bool {
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
    pub(super) fn word_number(&self, i: usize) -> Option<(f64, usize)> {
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
        if self.name_part_number(i) {
            return None;
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

    /// True when no word of four letters or more is lowercase: a title-cased headline, where
    /// a capital says nothing about names.
    fn title_cased(&self) -> bool {
        !(0..self.t.len()).any(|k| self.is_word(k) && !self.cap(k) && self.text(k).len() >= 4)
    }

    /// True when the number word at `i` is part of a name: written capitalised after another
    /// capitalised word in a sentence that is not title-cased ("near Ground Zero", "aboard Air
    /// Force One"), where "Flood Kills Two" in a title-cased headline still counts.
    fn name_part_number(&self, i: usize) -> bool {
        let previous_is_name = i
            .checked_sub(1)
            .is_some_and(|p| self.is_word(p) && self.cap(p) && small_word(self.key(p)).is_none());
        // "Ground Zero" stays a name even in a title-cased headline: nothing counts "Zero".
        previous_is_name
            && self.cap(i)
            && Some(i) != self.first
            && (!self.title_cased() || self.key(i) == "zero")
    }

    /// Where a hedge before the number phrase at `start` begins ("at least", "about").
    pub(super) fn hedge_start(&self, start: usize) -> usize {
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

    /// True when the number is part of a name or a label rather than a figure: a capitalised or
    /// digit ordinal before a capitalised word ("the Fifth Amendment", "14th Amendment")
    /// or a bare number after a labelling noun ("Senate Bill 1062", "Flight 370", "Route 66").
    /// Title-cased sentences are left alone: there every word is capitalised.
    fn names_a_thing(&self, core: &Core) -> bool {
        if self.title_cased() {
            return false;
        }
        if core.unit == NumberUnit::Ordinal {
            // "the first Democrat to win" keeps its ordinal: only "Fifth" or "14th" names.
            return (self.cap(core.start) || self.is_num(core.start))
                && self.is_word(core.end)
                && self.cap(core.end);
        }
        core.unit == NumberUnit::Count
            && core.end == core.start + 1
            && self.is_num(core.start)
            && core
                .start
                .checked_sub(1)
                .is_some_and(|p| self.cap(p) && is_label_noun(self.key(p)))
    }

    /// True when the bare number at `start..end` is a person's age set off after a name: "Mr.
    /// Mattis, 68, will leave" (so it is never compared with a count of years or people).
    fn age_after_name(&self, start: usize, end: usize, value: f64) -> bool {
        end == start + 1
            && self.is_num(start)
            && (1.0..=120.0).contains(&value)
            && start >= 2
            && self.is_p(start - 1, ',')
            && self.is_word(start - 2)
            && self.cap(start - 2)
            && (self.is_p(end, ',') || end >= self.t.len())
    }

    /// The stem of what the number ending before token `j` counts.
    pub(super) fn counted(&self, j: usize, mode: Mode) -> Option<String> {
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
            // "a 14-year-old girl": an age, never a count of years.
            if k.ends_with("-old") {
                return Some("age".to_string());
            }
            let first = k.split('-').next().unwrap_or(k);
            return (!first.is_empty() && !is_function(first)).then(|| cached_stem(first));
        }
        match self.wkey(j) {
            "of" => self.of_phrase(j),
            "in" | "for" if mode == Mode::Money => self.noun_run(self.skip_dets(j + 1)),
            _ => self.noun_run(j),
        }
    }

    pub(super) fn skip_dets(&self, mut k: usize) -> usize {
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
    pub(super) fn of_phrase(&self, j: usize) -> Option<String> {
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
    pub(super) fn noun_run(&self, j: usize) -> Option<String> {
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
