//! Boilerplate lines ('Read more:', newsletter prompts, photo credits, taglines) that stay visible but never become claims.

use crate::ingest::error::UNKNOWN_OUTLET;
use crate::ingest::line_text::fold_words;
use crate::ingest::line_text::has_alnum;
use crate::ingest::line_text::starts_word;
use crate::ingest::line_text::strip_markup;
use crate::ingest::outlet_names::known_outlet;
use crate::ingest::outlet_names::outlet_key;
use std::collections::HashMap;

/// Whole lines (folded) that are page furniture, never reporting.
pub(super) const UI_LABELS: &[&str] = &[
    "advertisement",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "paid post",
    "promoted",
    "video",
    "image",
    "photo",
    "photos",
    "gallery",
    "play",
    "play video",
    "close",
    "menu",
    "share",
    "share this",
    "print",
    "email",
    "comments",
    "comment",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "loading",
    "skip ad",
    "story continues below",
    "story continues below advertisement",
    "article continues below",
    "article continues below advertisement",
    "continue reading below",
    "scroll to continue with content",
    "advertisement scroll to continue",
    "listen",
    "listen to article",
    "read more",
    "more",
    "related",
    "watch",
    "subscribe",
    "newsletter",
    "sign up",
    "sign in",
    "log in",
    "back to top",
    "next",
    "previous",
    "open image in gallery",
    "enlarge this image",
    "toggle caption",
    "hide caption",
    "show caption",
    "expand",
    "copy link",
    "link copied",
    "bookmark",
    "save article",
    "continue reading",
];

/// Line starts (lowercase, word-bounded) that always mark boilerplate.
pub(super) const BOILERPLATE_PREFIXES: &[&str] = &[
    "click here",
    "click to",
    "tap here",
    "sign up",
    "continue reading",
    "listen to this article",
    "listen to this story",
    "text size",
    "photo:",
    "photos:",
    "photograph:",
    "photo by",
    "(photo by",
    "photo credit",
    "(photo credit",
    "photo courtesy",
    "image:",
    "images:",
    "image credit",
    "image by",
    "image courtesy",
    "image caption",
    "image source",
    "media caption",
    "picture:",
    "caption:",
    "credit:",
    "(credit:",
    "(ap photo",
    "ap photo/",
    "(reuters/",
    "(getty images",
    "this article originally",
    "this story originally",
    "this article was originally",
    "this story was originally",
    "this article first appeared",
    "this story first appeared",
    "a version of this article",
    "a version of this story",
    "get the app",
    "tags:",
    "topics:",
    "filed under:",
    "see also:",
    "also read:",
    "read also:",
    "recommended:",
    "trending:",
    "related:",
    "more:",
    "advertisement:",
    "sponsored:",
    "watch:",
    "video:",
    "listen:",
    "loading…",
    "loading...",
    "all rights reserved",
];

/// Line starts that mark boilerplate when the line has at most this many words.
pub(super) const SHORT_BOILERPLATE_PREFIXES: &[(&str, usize)] = &[
    ("read more", 40),
    ("subscribe", 30),
    ("newsletter", 30),
    ("more from", 12),
    ("most read", 8),
    ("most popular", 8),
    ("sign in", 8),
    ("log in", 8),
    ("skip to", 8),
    ("advertisement", 8),
    ("also read", 20),
    ("read the full", 20),
    ("read the original", 12),
    ("view the original", 12),
    ("download the", 15),
    ("getty images", 6),
];

/// True for a line that is web or wire boilerplate, never reporting: link prompts, sharing and
/// newsletter prompts, ads, photo credits, copyright lines, wire credits, "originally appeared".
pub fn is_boilerplate_line(line: &str) -> bool {
    let core = strip_markup(line);
    if !has_alnum(core) || core.len() > 1000 {
        return false;
    }
    let lc = core.to_ascii_lowercase();
    let words = lc.split_whitespace().count();
    if words <= 8 && UI_LABELS.contains(&fold_words(core).as_str()) {
        return true;
    }
    if BOILERPLATE_PREFIXES.iter().any(|p| starts_word(&lc, p)) {
        return true;
    }
    if SHORT_BOILERPLATE_PREFIXES
        .iter()
        .any(|(p, max)| words <= *max && starts_word(&lc, p))
    {
        return !starts_word(&lc, "download the") || lc.contains(" app");
    }
    if core.starts_with('©') || (words <= 15 && lc.contains('©')) {
        return true;
    }
    if words <= 30 && lc.contains("all rights reserved") {
        return true;
    }
    copyright_line(&lc)
        || reading_time_line(&lc, words)
        || shouted_link_line(core, words)
        || prompt_line(&lc, words)
        || newsletter_line(&lc, words)
        || credit_line(core, &lc, words)
        || photo_credit(&lc, words)
}

/// Reading-time lines: "3 mins read", "5 min read", "Reading time: 4 minutes", "6-minute read".
pub(super) fn reading_time_line(lc: &str, words: usize) -> bool {
    if words > 8 {
        return false;
    }
    if starts_word(lc, "reading time") || starts_word(lc, "estimated reading time") {
        return true;
    }
    let folded = lc.replace('-', " ");
    let tokens: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    tokens.windows(3).any(|w| {
        w[0].chars().all(|c| c.is_ascii_digit())
            && matches!(w[1], "min" | "mins" | "minute" | "minutes")
            && w[2] == "read"
    })
}

/// A link headline set in capitals inside the body ("PUTIN'S WAR: WHAT WE KNOW SO FAR"): at
/// least three words, nearly every letter a capital, too short to be a paragraph. A dateline
/// ("KYIV (AP) — Sirens sounded…") goes on in lower case and is not one.
pub(super) fn shouted_link_line(core: &str, words: usize) -> bool {
    if !(3..=20).contains(&words) {
        return false;
    }
    let letters: Vec<char> = core.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    letters.len() >= 12 && upper * 10 >= letters.len() * 9
}

/// "Copyright 2022 Reuters", "Copyright © …", "(c) 2022 …" — but not "Copyright lawsuits …".
pub(super) fn copyright_line(lc: &str) -> bool {
    if let Some(rest) = lc.strip_prefix("(c)") {
        return rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
    }
    if !starts_word(lc, "copyright") {
        return false;
    }
    let rest = lc["copyright".len()..]
        .trim_start()
        .trim_start_matches(':')
        .trim_start();
    rest.starts_with(['©', '('])
        || rest.starts_with(|c: char| c.is_ascii_digit())
        || known_outlet(rest.trim_end_matches('.')).is_some()
}

/// Prompts that start with a verb: "Related coverage", "Watch video", "Share on Facebook",
/// "Follow us on X".
pub(super) fn prompt_line(lc: &str, words: usize) -> bool {
    let after = |prefix: &str| lc.get(prefix.len()..).unwrap_or("").trim_start();
    let next_is = |rest: &str, options: &[&str]| {
        rest.is_empty() || rest.starts_with(':') || options.iter().any(|o| starts_word(rest, o))
    };
    if starts_word(lc, "related") {
        let options = [
            "coverage", "articles", "stories", "content", "video", "videos", "links", "news",
            "reading", "topics", "posts",
        ];
        return words <= 12 && next_is(after("related"), &options);
    }
    if starts_word(lc, "watch") {
        let options = [
            "video",
            "the video",
            "live",
            "now",
            "more",
            "below",
            "here",
            "the full",
            "our",
        ];
        return words <= 20 && next_is(after("watch"), &options);
    }
    if starts_word(lc, "share") {
        let options = ["this", "on", "via", "article", "story", "to"];
        return words <= 12 && next_is(after("share"), &options);
    }
    if starts_word(lc, "follow") && !lc.contains(" said") && !lc.contains(" says") {
        let rest = after("follow");
        if starts_word(rest, "us") || starts_word(rest, "me") || rest.starts_with('@') {
            return true;
        }
        let end = lc.trim_end_matches(|c: char| !c.is_alphanumeric());
        let platforms = [
            "twitter",
            "facebook",
            "instagram",
            "x",
            "tiktok",
            "threads",
            "bluesky",
            "linkedin",
            "youtube",
            "telegram",
            "mastodon",
        ];
        return words <= 12
            && (platforms.iter().any(|p| end.ends_with(&format!(" {p}")))
                || ["for more", "for updates", "for the latest"]
                    .iter()
                    .any(|p| lc.contains(p)));
    }
    false
}

/// Newsletter sign-up prompts, but not reporting about someone's newsletter.
pub(super) fn newsletter_line(lc: &str, words: usize) -> bool {
    if words > 40 || !lc.contains("newsletter") || lc.contains(" said") || lc.contains(" says") {
        return false;
    }
    [
        "sign up",
        "subscribe to",
        "get our",
        "get the",
        "delivered to your inbox",
        "in your inbox",
        "join our",
        "our newsletter",
        "free newsletter",
        "daily newsletter",
        "weekly newsletter",
    ]
    .iter()
    .any(|m| lc.contains(m))
}

/// Wire credits: "Reporting by …; Editing by …", "(Writing by …)", "The Associated Press
/// contributed to this report."
pub(super) fn credit_line(core: &str, lc: &str, words: usize) -> bool {
    let credit = lc.trim_start_matches('(');
    let skipped = lc.len() - credit.len();
    for prefix in [
        "additional reporting by",
        "reporting by",
        "writing by",
        "editing by",
    ] {
        if starts_word(credit, prefix) {
            if skipped > 0
                || lc.contains(';')
                || lc.contains("editing by")
                || lc.contains("writing by")
            {
                return true;
            }
            // A plain "Reporting by Jane Doe in Kyiv" credit: names and places only.
            let rest = core.get(skipped + prefix.len()..).unwrap_or("");
            return words <= 10
                && rest.split_whitespace().all(|w| {
                    w.starts_with(char::is_uppercase)
                        || matches!(w, "in" | "and" | "from" | "at" | "with" | "of")
                });
        }
    }
    words <= 30
        && [
            "contributed to this report",
            "contributed reporting",
            "contributed to this story",
            "contributed to this article",
        ]
        .iter()
        .any(|m| lc.contains(m))
}

/// Photo credits and captions that end in one: "(Photo by Jane Doe/Getty Images)",
/// "… (AP Photo/John Roe)".
pub(super) fn photo_credit(lc: &str, words: usize) -> bool {
    if words > 80 {
        return false;
    }
    let end = lc.trim_end_matches(['.', ' ']);
    if end.ends_with("getty images") || end.ends_with("getty images)") {
        return true;
    }
    // A caption ends with its credit in parentheses: "… (AP Photo/Jane Doe)".
    let Some(open) = end.strip_suffix(')').and_then(|e| e.rfind('(')) else {
        return false;
    };
    let credit = &end[open + 1..];
    [
        "ap photo", "photo", "image", "getty", "reuters/", "afp", "credit",
    ]
    .iter()
    .any(|p| credit.starts_with(p))
        || ["/getty", "/reuters", "/afp", "/ap"]
            .iter()
            .any(|m| credit.contains(m))
}

/// Slogans that close or open an outlet's pages.
pub(super) const SLOGANS: &[&str] = &[
    "all the news that s fit to print",
    "democracy dies in darkness",
    "fair and balanced",
    "fair balanced",
    "we report you decide",
    "the most trusted name in news",
    "the definitive source",
    "news you can trust",
];

/// Recognises lines that are only the outlet's name ("USA TODAY", "— Reuters"), a slogan, or —
/// as the last line — any known outlet's name. Outlet look-ups are costly, so each distinct
/// short line is looked up once.
pub(super) struct TaglineCheck {
    /// The article's outlet key, unless the outlet is unknown.
    pub(super) outlet_key: Option<String>,
    /// Line (markup stripped) → its outlet key and whether it names a known outlet.
    pub(super) seen: HashMap<String, (String, bool)>,
}

impl TaglineCheck {
    /// A check for an article whose outlet is `outlet` (as written or [`UNKNOWN_OUTLET`]).
    pub(super) fn new(outlet: &str) -> Self {
        let outlet_key = (outlet != UNKNOWN_OUTLET).then(|| outlet_key(outlet));
        Self {
            outlet_key,
            seen: HashMap::new(),
        }
    }

    /// True when `line` is a tagline; `is_last` for the article's last non-blank line.
    pub(super) fn is_tagline(&mut self, line: &str, is_last: bool) -> bool {
        let core = strip_markup(line);
        if core.len() > 80 || !has_alnum(core) {
            return false;
        }
        if SLOGANS.contains(&fold_words(core).as_str()) {
            return true;
        }
        if is_last && self.is_name_and_slogan(core) {
            return true;
        }
        if core.split_whitespace().count() > 6 {
            return false;
        }
        let (key, known) = self
            .seen
            .entry(core.to_owned())
            .or_insert_with(|| (outlet_key(core), known_outlet(core).is_some()));
        self.outlet_key.as_deref() == Some(key.as_str()) || (is_last && *known)
    }

    /// "The Kessling Courier — your city, every day.": the outlet's name (or a known outlet's),
    /// a dash, bar or colon, and a short slogan.
    fn is_name_and_slogan(&self, core: &str) -> bool {
        let Some((pos, len)) = [" — ", " – ", " - ", " | ", ": "]
            .iter()
            .filter_map(|sep| core.find(sep).map(|pos| (pos, sep.len())))
            .min()
        else {
            return false;
        };
        let (name, slogan) = (core[..pos].trim(), core[pos + len..].trim());
        let slogan_words = slogan.split_whitespace().count();
        (1..=8).contains(&slogan_words)
            && name.split_whitespace().count() <= 6
            && (self.outlet_key.as_deref() == Some(outlet_key(name).as_str())
                || known_outlet(name).is_some())
    }
}
