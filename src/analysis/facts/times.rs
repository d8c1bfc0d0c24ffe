//! Time expressions: weekdays, dates in every order, months, seasons, years, clock times, relative times.
use crate::analysis::facts::tokens::Claim;
use crate::analysis::facts::tokens::Cx;
use crate::analysis::facts::tokens::Kind;
use crate::analysis::facts::types::TimeFact;
use crate::analysis::facts::word_lists::is_currency_symbol;
use crate::analysis::facts::word_lists::is_currency_word;
use crate::analysis::facts::word_lists::is_hedge_word;
use crate::analysis::facts::word_lists::is_time_prep;
use crate::analysis::facts::word_lists::plural_like;
use crate::analysis::facts::word_lists::scale_word;
use crate::analysis::facts::word_lists::small_word;
use crate::ingest::calendar::{full_weekday, month_of};

/// Modifiers that may precede a clock time ("at around 3 p.m.").
pub(super) const CLOCK_MODS: &[&str] = &[
    "around",
    "about",
    "approximately",
    "roughly",
    "shortly",
    "just",
];

pub(super) fn season_of(k: &str) -> Option<&'static str> {
    Some(match k {
        "spring" => "spring",
        "summer" => "summer",
        "autumn" | "fall" => "autumn",
        "winter" => "winter",
        _ => return None,
    })
}

pub(super) fn is_part_of_day(k: &str) -> bool {
    matches!(k, "morning" | "afternoon" | "evening" | "night")
}

/// Units of relative time ("last week", "two days ago").
#[rustfmt::skip]
pub(super) fn is_rel_unit(k: &str) -> bool {
    matches!(
        k,
        "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years" | "weekend"
        | "weekends" | "night" | "nights" | "morning" | "afternoon" | "evening" | "hour" | "hours"
        | "minute" | "minutes" | "decade" | "decades" | "century" | "centuries"
    )
}

pub(super) fn ampm_word(k: &str) -> Option<bool> {
    match k {
        "p.m." | "p.m" | "pm" => Some(true),
        "a.m." | "a.m" | "am" => Some(false),
        _ => None,
    }
}

/// "10:30" → (10, 30).
pub(super) fn parse_clock(num: &str) -> Option<(u32, u32)> {
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

pub(super) fn year_value(digits: &str) -> Option<u32> {
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits
        .parse::<u32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
}

pub(super) type Found = Vec<(usize, usize, String)>;

impl Cx<'_> {
    pub(super) fn times(&mut self) -> Vec<TimeFact> {
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
    pub(super) fn back_mods(&self, i: usize, mods: &[&str]) -> usize {
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
    pub(super) fn back_prep(&self, s: usize) -> usize {
        let Some(p) = s.checked_sub(1) else { return s };
        let k = self.wkey(p);
        if k == "of" && p > 0 && self.wkey(p - 1) == "as" {
            return p - 1;
        }
        if is_time_prep(k) { p } else { s }
    }

    /// A free four-digit year (1900–2100) at `j`.
    pub(super) fn year_at(&self, j: usize) -> Option<u32> {
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
    /// `after_abbreviation` is true after a dotted month
    /// abbreviation ("Sept. 11 survivors"): a count is never written that way, so the number
    /// is a day even before a plural noun.
    pub(super) fn day_at(&self, j: usize, after_abbreviation: bool) -> Option<u32> {
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
        if !after_abbreviation
            && self.is_word(j + 1)
            && !self.cap(j + 1)
            && plural_like(next)
            && !is_rel_unit(next)
        {
            return None;
        }
        if self.is_p(j + 1, '%')
            || matches!(next, "percent" | "per" | "million" | "billion" | "thousand")
        {
            return None;
        }
        Some(d)
    }

    pub(super) fn time_at(&self, i: usize, out: &mut Found) -> Option<usize> {
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

    pub(super) fn time_at_word(&self, i: usize, out: &mut Found) -> Option<usize> {
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
        if let Some(day) = full_weekday(k)
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

    pub(super) fn month_at(&self, i: usize, m: u32, abbr: bool, out: &mut Found) -> Option<usize> {
        let mut j = i + 1;
        let dotted = abbr && self.is_p(j, '.') && self.adjacent(i, j);
        if dotted {
            j += 1;
        }
        if let Some(d) = self.day_at(j, dotted) {
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

    pub(super) fn season_at(&self, i: usize, season: &str, out: &mut Found) -> Option<usize> {
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

    pub(super) fn time_at_num(&self, i: usize, out: &mut Found) -> Option<usize> {
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
        if let Some(d) = self.day_at(i, false) {
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
    pub(super) fn counts_after(&self, j: usize) -> bool {
        let k = self.key(j);
        self.is_p(j, '%')
            || matches!(k, "percent" | "per" | "pct" | "pc")
            || scale_word(k).is_some()
            || is_currency_word(k)
            || (self.is_word(j) && !self.cap(j) && plural_like(k) && !is_rel_unit(k))
    }
}
