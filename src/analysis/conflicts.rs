//! Conflicts between two matched claims: a fact in the same slot that differs.
//!
//! A fact only one side mentions is an addition, not a conflict. Numbers conflict only with
//! numbers of the same unit that count the same thing; times only with times of the same kind
//! (weekday with weekday, month with month); quotes only with the quote they render.

use crate::analysis::comparison::{Claim, Conflict, ConflictKind};
use crate::analysis::facts::types::{Attribution, NumberFact, QuoteFact};
use crate::analysis::text::words::{fold_whitespace, tokenize};

/// The words of a claim's source and quotes, tokenised once so that a claim linked to many
/// others is not re-tokenised for every link.
#[derive(Debug, Clone, Default)]
pub struct ConflictKeys {
    /// True when the source is a bare pronoun ("he", "they").
    source_is_pronoun: bool,
    /// Stems of the source's content words (see [`source_words`]).
    source_words: Vec<String>,
    /// Lowercased words of each quote, in the claim's quote order.
    quote_words: Vec<Vec<String>>,
}

impl ConflictKeys {
    /// The keys of one claim.
    pub fn of(claim: &Claim) -> Self {
        let (source_is_pronoun, source_words) = match &claim.facts.attribution {
            Some(at) => (is_pronoun(&at.source), source_words(&at.source)),
            None => (false, Vec::new()),
        };
        Self {
            source_is_pronoun,
            source_words,
            quote_words: claim.facts.quotes.iter().map(quote_words).collect(),
        }
    }
}

/// All conflicts between two claims, in a stable order (numbers, times, sources, quotes,
/// negation).
pub fn find_conflicts(a: &Claim, b: &Claim) -> Vec<Conflict> {
    find_conflicts_keyed(a, &ConflictKeys::of(a), b, &ConflictKeys::of(b))
}

/// [`find_conflicts`] with each claim's [`ConflictKeys`] computed beforehand.
pub fn find_conflicts_keyed(
    a: &Claim,
    keys_a: &ConflictKeys,
    b: &Claim,
    keys_b: &ConflictKeys,
) -> Vec<Conflict> {
    let mut out = Vec::new();
    number_conflicts(&a.facts.numbers, &b.facts.numbers, &mut out);
    time_conflicts(a, b, &mut out);
    if let (Some(x), Some(y)) = (&a.facts.attribution, &b.facts.attribution)
        && sources_differ(x, keys_a, y, keys_b)
    {
        out.push(Conflict {
            kind: ConflictKind::Attribution,
            left: x.source.clone(),
            right: y.source.clone(),
        });
    }
    quote_conflicts(
        &a.facts.quotes,
        &keys_a.quote_words,
        &b.facts.quotes,
        &keys_b.quote_words,
        &mut out,
    );
    if a.facts.negated != b.facts.negated {
        let (left, right) = if a.facts.negated {
            ("negated", "affirmed")
        } else {
            ("affirmed", "negated")
        };
        out.push(Conflict {
            kind: ConflictKind::Negation,
            left: left.to_string(),
            right: right.to_string(),
        });
    }
    out
}

/// The most rounding may explain, as a share of the larger value: "1 million" is not a
/// rounded "1.4 million", though its last digit is worth a million.
const MAX_ROUNDING_SHARE: f64 = 0.05;

/// True when two values of the same unit agree, allowing for hedges ("about", "a fifth") and
/// for rounding: a number written less precisely agrees with any value that rounds to it
/// ("1.2 percent" and "1.23 percent", "9%" and "8.76 per cent", "$1.7 million" and
/// "$1,712,000"), up to [`MAX_ROUNDING_SHARE`].
fn values_agree(x: &NumberFact, y: &NumberFact) -> bool {
    let difference = (x.value - y.value).abs();
    let scale = x.value.abs().max(y.value.abs()).max(1e-9);
    let rounding = (0.5 * written_step(x).max(written_step(y))).min(MAX_ROUNDING_SHARE * scale);
    if difference <= rounding * (1.0 + 1e-9) {
        return true;
    }
    // Exact numbers must match up to rounding (above); hedged ones may be 10% apart.
    let tolerance = if x.approximate || y.approximate {
        0.1
    } else {
        1e-9
    };
    difference / scale <= tolerance
}

/// The step of the last digit a number was written with, in the units of its value: 0.01 for
/// "1.23 percent", 100,000 for "$1.2 million", 1 for "20" and for numbers written as words.
fn written_step(number: &NumberFact) -> f64 {
    let Some((mantissa, decimals)) = first_written_number(&number.text) else {
        return 1.0;
    };
    let step = 10f64.powi(-decimals);
    if mantissa > 0.0 && number.value.is_finite() {
        // "$1.2 million" has the mantissa 1.2 and the value 1,200,000: the step scales by the
        // same power of ten. Any other ratio ("1 in 5" = 20 percent) is not a scale word.
        let ratio = (number.value / mantissa).abs();
        let power = ratio.log10().round();
        if (ratio.log10() - power).abs() < 1e-9 {
            return step * 10f64.powf(power);
        }
    }
    step
}

/// The first number written with digits in `text` ("1,200.50" → 1200.5 with 2 decimals).
fn first_written_number(text: &str) -> Option<(f64, i32)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let decimals = digits
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len().min(9) as i32);
    digits.parse::<f64>().ok().map(|value| (value, decimals))
}

/// True when two numbers fill the same slot: same unit, and the same counted thing when both
/// name one.
fn same_slot(x: &NumberFact, y: &NumberFact, x_alone: bool, y_alone: bool) -> bool {
    if x.unit != y.unit {
        return false;
    }
    match (&x.counted, &y.counted) {
        (Some(cx), Some(cy)) => cx == cy,
        // Without a counted noun, only a lone number of its unit on each side is comparable.
        _ => x_alone && y_alone,
    }
}

fn number_conflicts(xs: &[NumberFact], ys: &[NumberFact], out: &mut Vec<Conflict>) {
    for x in xs {
        let x_alone = xs.iter().filter(|n| n.unit == x.unit).count() == 1;
        let slot: Vec<&NumberFact> = ys
            .iter()
            .filter(|y| {
                let y_alone = ys.iter().filter(|n| n.unit == y.unit).count() == 1;
                same_slot(x, y, x_alone, y_alone)
            })
            .collect();
        if slot.is_empty() || slot.iter().any(|y| values_agree(x, y)) {
            continue;
        }
        // A number on the other side may agree with some other number here ("9 of 12").
        if slot
            .iter()
            .all(|y| xs.iter().any(|other| values_agree(other, y)))
        {
            continue;
        }
        let right = slot
            .iter()
            .map(|y| y.text.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        if !out
            .iter()
            .any(|c| c.kind == ConflictKind::Number && c.left == x.text)
        {
            out.push(Conflict {
                kind: ConflictKind::Number,
                left: x.text.clone(),
                right,
            });
        }
    }
}

/// A time expression's comparable parts, parsed from its key ("date:2019-2-28", "month:9",
/// "weekday:friday", "year:2022", "season:autumn-2022").
#[derive(Debug, Default, PartialEq, Eq)]
struct TimeParts<'a> {
    year: Option<&'a str>,
    month: Option<&'a str>,
    day: Option<&'a str>,
    weekday: Option<&'a str>,
    season: Option<&'a str>,
}

fn time_parts(key: &str) -> TimeParts<'_> {
    let (kind, value) = key.split_once(':').unwrap_or((key, ""));
    let mut parts = TimeParts::default();
    match kind {
        "weekday" => parts.weekday = Some(value),
        "month" => parts.month = Some(value),
        "year" => parts.year = Some(value),
        "date" => {
            let fields: Vec<&str> = value.split('-').collect();
            match fields.as_slice() {
                [y, m, d] => (parts.year, parts.month, parts.day) = (Some(*y), Some(*m), Some(*d)),
                [m, d] => (parts.month, parts.day) = (Some(*m), Some(*d)),
                _ => {}
            }
        }
        "season" => {
            let (season, year) = value.split_once('-').unwrap_or((value, ""));
            parts.season = Some(season);
            parts.year = (!year.is_empty()).then_some(year);
        }
        _ => {}
    }
    parts
}

/// `Some(true)` when two times name the same moment at the finest level both state,
/// `Some(false)` when they differ there, `None` when they share no level (a weekday and a month).
fn times_agree(x: &TimeParts, y: &TimeParts) -> Option<bool> {
    let mut compared = None;
    for (a, b) in [
        (x.year, y.year),
        (x.month, y.month),
        (x.day, y.day),
        (x.weekday, y.weekday),
        (x.season, y.season),
    ] {
        if let (Some(a), Some(b)) = (a, b) {
            if a != b {
                return Some(false);
            }
            compared = Some(true);
        }
    }
    compared
}

fn time_conflicts(a: &Claim, b: &Claim, out: &mut Vec<Conflict>) {
    let ours: Vec<TimeParts> = a.facts.times.iter().map(|t| time_parts(&t.key)).collect();
    let theirs: Vec<TimeParts> = b.facts.times.iter().map(|t| time_parts(&t.key)).collect();
    for (x, x_parts) in a.facts.times.iter().zip(&ours) {
        let verdicts: Vec<(usize, bool)> = theirs
            .iter()
            .enumerate()
            .filter_map(|(j, y)| times_agree(x_parts, y).map(|agree| (j, agree)))
            .collect();
        if verdicts.is_empty() || verdicts.iter().any(|(_, agree)| *agree) {
            continue;
        }
        // Their time may match a different time phrase of ours ("Thursday's letter set Feb. 28").
        let differing: Vec<usize> = verdicts
            .iter()
            .map(|(j, _)| *j)
            .filter(|&j| {
                !ours
                    .iter()
                    .any(|o| times_agree(o, &theirs[j]) == Some(true))
            })
            .collect();
        if differing.is_empty() {
            continue;
        }
        out.push(Conflict {
            kind: ConflictKind::Time,
            left: x.text.clone(),
            right: differing
                .iter()
                .map(|&j| b.facts.times[j].text.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
}

/// Words of a source that identify it (lowercase content words, no determiners).
fn source_words(source: &str) -> Vec<String> {
    tokenize(source)
        .into_iter()
        .filter(|t| !t.is_stop)
        .map(|t| t.stem)
        .collect()
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

fn is_pronoun(source: &str) -> bool {
    PRONOUNS.contains(&source.trim().to_lowercase().as_str())
}

/// True when two attributions credit different sources.
fn sources_differ(x: &Attribution, kx: &ConflictKeys, y: &Attribution, ky: &ConflictKeys) -> bool {
    if kx.source_is_pronoun || ky.source_is_pronoun {
        return false;
    }
    if x.anonymous != y.anonymous {
        return true;
    }
    if x.anonymous {
        // Different descriptions of unnamed sources are not a claim about who said it.
        return false;
    }
    let (wx, wy) = (&kx.source_words, &ky.source_words);
    !wx.is_empty() && !wy.is_empty() && !wx.iter().any(|w| wy.contains(w))
}

/// Lowercased words of a quote, for comparing wording.
fn quote_words(q: &QuoteFact) -> Vec<String> {
    tokenize(&q.text).into_iter().map(|t| t.lower).collect()
}

/// True when `short` appears as a contiguous run inside `long`.
fn is_contiguous_part(short: &[String], long: &[String]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

fn quote_conflicts(
    xs: &[QuoteFact],
    xs_words: &[Vec<String>],
    ys: &[QuoteFact],
    ys_words: &[Vec<String>],
    out: &mut Vec<Conflict>,
) {
    for (x, wx) in xs.iter().zip(xs_words) {
        if wx.len() < 3 {
            continue;
        }
        for (y, wy) in ys.iter().zip(ys_words) {
            if wy.len() < 3 || wx == wy {
                continue;
            }
            let shared = wx.iter().filter(|w| wy.contains(w)).count();
            let overlap = 2.0 * shared as f32 / (wx.len() + wy.len()) as f32;
            // Renderings of one quote share most of their words; a quoted fragment that appears
            // word for word inside the other is a selection, not a different wording.
            let (short, long) = if wx.len() <= wy.len() {
                (wx, wy)
            } else {
                (wy, wx)
            };
            if overlap >= 0.5 && !is_contiguous_part(short, long) {
                out.push(Conflict {
                    kind: ConflictKind::QuoteWording,
                    left: fold_whitespace(&x.text),
                    right: fold_whitespace(&y.text),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::facts::types::{Facts, NumberUnit, TimeFact};
    use crate::ingest::Span;

    fn claim(facts: Facts) -> Claim {
        let mut c = crate::analysis::claims::sentence_claim("x");
        c.facts = facts;
        c
    }

    fn number(
        text: &str,
        value: f64,
        unit: NumberUnit,
        approximate: bool,
        counted: Option<&str>,
    ) -> NumberFact {
        NumberFact {
            span: Span::new(0, text.len()),
            text: text.to_string(),
            value,
            unit,
            approximate,
            counted: counted.map(str::to_string),
        }
    }

    #[test]
    fn a_fifth_agrees_with_about_twenty_percent() {
        let a = claim(Facts {
            numbers: vec![number(
                "about 20 percent",
                20.0,
                NumberUnit::Percent,
                true,
                Some("territori"),
            )],
            ..Facts::default()
        });
        let b = claim(Facts {
            numbers: vec![number(
                "a fifth",
                20.0,
                NumberUnit::Percent,
                true,
                Some("territori"),
            )],
            ..Facts::default()
        });
        assert!(find_conflicts(&a, &b).is_empty());
    }

    #[test]
    fn a_rounded_number_agrees_with_the_precise_one() {
        let pair = |x: NumberFact, y: NumberFact| {
            find_conflicts(
                &claim(Facts {
                    numbers: vec![x],
                    ..Facts::default()
                }),
                &claim(Facts {
                    numbers: vec![y],
                    ..Facts::default()
                }),
            )
        };
        let percent =
            |text: &str, value: f64| number(text, value, NumberUnit::Percent, false, None);
        assert!(pair(percent("1.23 percent", 1.23), percent("1.2 percent", 1.2)).is_empty());
        assert!(pair(percent("9%", 9.0), percent("8.76 per cent", 8.76)).is_empty());
        assert_eq!(
            pair(percent("0.21 percent", 0.21), percent("0.7 percent", 0.7)).len(),
            1
        );
        let money = |text: &str, value: f64| number(text, value, NumberUnit::Money, false, None);
        assert!(
            pair(
                money("$1.7 million", 1_700_000.0),
                money("$1,712,000", 1_712_000.0)
            )
            .is_empty()
        );
        assert_eq!(
            pair(
                money("$1.71 million", 1_710_000.0),
                money("$1.5 million", 1_500_000.0)
            )
            .len(),
            1
        );
        assert_eq!(
            pair(money("$2bn", 2e9), money("$2.4bn", 2.4e9)).len(),
            1,
            "a scale word's digit is not a licence to differ by 20%"
        );
        assert_eq!(
            pair(percent("1 in 4", 25.0), percent("1 in 5", 20.0)).len(),
            1,
            "\"1 in 5\" is not \"1\" scaled by twenty"
        );
        let count = |text: &str, value: f64| number(text, value, NumberUnit::Count, false, None);
        assert_eq!(
            pair(count("1 million", 1e6), count("1.4 million", 1.4e6)).len(),
            1
        );
        assert!(pair(count("1 million", 1e6), count("1,030,000", 1.03e6)).is_empty());
        assert_eq!(pair(count("770", 770.0), count("771", 771.0)).len(), 1);
        assert_eq!(
            pair(count("twenty-eight", 28.0), count("27", 27.0)).len(),
            1
        );
    }

    #[test]
    fn a_quarter_conflicts_with_twenty_percent() {
        let a = claim(Facts {
            numbers: vec![number(
                "20 percent",
                20.0,
                NumberUnit::Percent,
                false,
                Some("territori"),
            )],
            ..Facts::default()
        });
        let b = claim(Facts {
            numbers: vec![number(
                "a quarter",
                25.0,
                NumberUnit::Percent,
                true,
                Some("territori"),
            )],
            ..Facts::default()
        });
        let conflicts = find_conflicts(&a, &b);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(
            conflicts[0].describe(),
            "number differs: 20 percent vs a quarter"
        );
    }

    #[test]
    fn a_number_only_one_side_has_is_an_addition() {
        let a = claim(Facts {
            numbers: vec![number(
                "40 ships",
                40.0,
                NumberUnit::Count,
                false,
                Some("ship"),
            )],
            ..Facts::default()
        });
        let b = claim(Facts::default());
        assert!(find_conflicts(&a, &b).is_empty());
    }

    #[test]
    fn counts_of_different_things_do_not_conflict() {
        let a = claim(Facts {
            numbers: vec![number(
                "40 ships",
                40.0,
                NumberUnit::Count,
                false,
                Some("ship"),
            )],
            ..Facts::default()
        });
        let b = claim(Facts {
            numbers: vec![number(
                "12 cranes",
                12.0,
                NumberUnit::Count,
                false,
                Some("crane"),
            )],
            ..Facts::default()
        });
        assert!(find_conflicts(&a, &b).is_empty());
    }

    #[test]
    fn weekdays_conflict_but_weekday_and_month_do_not() {
        let t = |text: &str, key: &str| TimeFact {
            span: Span::new(0, 1),
            text: text.into(),
            key: key.into(),
        };
        let a = claim(Facts {
            times: vec![t("on Friday", "weekday:friday")],
            ..Facts::default()
        });
        let b = claim(Facts {
            times: vec![t("on Thursday", "weekday:thursday")],
            ..Facts::default()
        });
        let c = claim(Facts {
            times: vec![t("since September", "month:9")],
            ..Facts::default()
        });
        assert_eq!(find_conflicts(&a, &b)[0].kind, ConflictKind::Time);
        assert!(find_conflicts(&a, &c).is_empty());
    }

    #[test]
    fn a_date_conflicts_with_a_different_month_but_not_its_own() {
        let t = |text: &str, key: &str| TimeFact {
            span: Span::new(0, 1),
            text: text.into(),
            key: key.into(),
        };
        let jan = claim(Facts {
            times: vec![t("as of January 1", "date:1-1")],
            ..Facts::default()
        });
        let feb = claim(Facts {
            times: vec![t("in February", "month:2")],
            ..Facts::default()
        });
        let feb28 = claim(Facts {
            times: vec![t("Feb. 28, 2019", "date:2019-2-28")],
            ..Facts::default()
        });
        let conflicts = find_conflicts(&jan, &feb);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(
            conflicts[0].describe(),
            "time differs: as of January 1 vs in February"
        );
        assert!(find_conflicts(&feb, &feb28).is_empty());
        let relative = claim(Facts {
            times: vec![t("yesterday", "relative:yesterday")],
            ..Facts::default()
        });
        assert!(find_conflicts(&jan, &relative).is_empty());
    }

    #[test]
    fn named_versus_anonymous_source_conflicts() {
        let at = |s: &str, anonymous: bool| Attribution {
            source: s.into(),
            verb: "said".into(),
            anonymous,
        };
        let a = claim(Facts {
            attribution: Some(at("Interior Minister Lena Park", false)),
            ..Facts::default()
        });
        let b = claim(Facts {
            attribution: Some(at("two officials", true)),
            ..Facts::default()
        });
        let c = claim(Facts {
            attribution: Some(at("Park", false)),
            ..Facts::default()
        });
        assert_eq!(find_conflicts(&a, &b)[0].kind, ConflictKind::Attribution);
        assert!(find_conflicts(&a, &c).is_empty());
    }

    #[test]
    fn reworded_quote_conflicts_but_fragment_does_not() {
        let q = |s: &str| QuoteFact {
            span: Span::new(0, s.len()),
            text: s.into(),
        };
        let a = claim(Facts {
            quotes: vec![q("we will rebuild every home that was lost")],
            ..Facts::default()
        });
        let b = claim(Facts {
            quotes: vec![q("we will rebuild every house we lost")],
            ..Facts::default()
        });
        let c = claim(Facts {
            quotes: vec![q("rebuild every home")],
            ..Facts::default()
        });
        assert_eq!(find_conflicts(&a, &b)[0].kind, ConflictKind::QuoteWording);
        assert!(find_conflicts(&a, &c).is_empty());
    }

    #[test]
    fn negation_mismatch_conflicts() {
        let a = claim(Facts {
            negated: true,
            ..Facts::default()
        });
        let b = claim(Facts::default());
        assert_eq!(find_conflicts(&a, &b)[0].kind, ConflictKind::Negation);
    }
}
