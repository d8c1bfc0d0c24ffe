//! Outlet names: one canonical name for the many ways an outlet is written.
//!
//! "The New York Times", "nytimes.com", "the NYT" and "New York Times" are one outlet. Unknown
//! names are kept as written (trimmed, with a leading "The" kept), so any outlet works.

/// Known outlets: canonical name, then lowercase aliases (with "the " removed).
const KNOWN_OUTLETS: &[(&str, &[&str])] = &[
    (
        "The New York Times",
        &[
            "new york times",
            "nytimes",
            "nytimes.com",
            "nyt",
            "ny times",
            "times of new york",
        ],
    ),
    (
        "The Washington Post",
        &[
            "washington post",
            "washingtonpost",
            "washingtonpost.com",
            "wapo",
        ],
    ),
    (
        "The Wall Street Journal",
        &["wall street journal", "wsj", "wsj.com"],
    ),
    ("Fox News", &["fox news", "foxnews", "foxnews.com", "fox"]),
    (
        "HuffPost",
        &[
            "huffpost",
            "huffington post",
            "huffingtonpost",
            "huffingtonpost.com",
            "huffpost.com",
        ],
    ),
    ("Reuters", &["reuters", "reuters.com", "thomson reuters"]),
    (
        "Associated Press",
        &["associated press", "ap", "apnews", "apnews.com", "ap news"],
    ),
    (
        "Agence France-Presse",
        &["agence france-presse", "agence france presse", "afp"],
    ),
    ("BBC", &["bbc", "bbc news", "bbc.com", "bbc.co.uk"]),
    ("CNN", &["cnn", "cnn.com"]),
    ("NBC News", &["nbc news", "nbc", "nbcnews", "nbcnews.com"]),
    ("CBS News", &["cbs news", "cbs", "cbsnews.com"]),
    ("ABC News", &["abc news", "abc", "abcnews.go.com"]),
    ("NPR", &["npr", "national public radio", "npr.org"]),
    (
        "The Guardian",
        &[
            "guardian",
            "theguardian",
            "theguardian.com",
            "guardian.co.uk",
        ],
    ),
    (
        "Bloomberg",
        &["bloomberg", "bloomberg news", "bloomberg.com"],
    ),
    ("Politico", &["politico", "politico.com"]),
    ("Al Jazeera", &["al jazeera", "aljazeera", "aljazeera.com"]),
    ("Deutsche Welle", &["deutsche welle", "dw", "dw.com"]),
    ("The Independent", &["independent", "independent.co.uk"]),
    (
        "The Telegraph",
        &["telegraph", "telegraph.co.uk", "daily telegraph"],
    ),
    (
        "Daily Mail",
        &["daily mail", "dailymail", "dailymail.co.uk", "mail online"],
    ),
    ("USA Today", &["usa today", "usatoday", "usatoday.com"]),
    (
        "Los Angeles Times",
        &["los angeles times", "la times", "latimes", "latimes.com"],
    ),
    ("The Financial Times", &["financial times", "ft", "ft.com"]),
    ("The Economist", &["economist", "economist.com"]),
    ("Axios", &["axios", "axios.com"]),
    ("The Hill", &["hill", "thehill", "thehill.com"]),
    (
        "Breitbart",
        &["breitbart", "breitbart news", "breitbart.com"],
    ),
    ("TASS", &["tass", "tass.com"]),
    ("RIA Novosti", &["ria novosti", "ria"]),
    ("Interfax", &["interfax"]),
    ("Xinhua", &["xinhua", "xinhua news agency"]),
    ("Sky News", &["sky news", "skynews"]),
    ("MSNBC", &["msnbc", "msnbc.com"]),
    ("Newsweek", &["newsweek", "newsweek.com"]),
    ("Time", &["time magazine", "time.com"]),
    ("Der Spiegel", &["der spiegel", "spiegel", "spiegel.de"]),
    ("Le Monde", &["le monde", "lemonde.fr"]),
    ("The Times", &["times of london", "thetimes.co.uk"]),
    (
        "Kyiv Independent",
        &["kyiv independent", "kyivindependent.com"],
    ),
    ("Meduza", &["meduza", "meduza.io"]),
];

/// Lowercased, trimmed, without a leading "the ", a "www." or an "https://" prefix.
fn simplify(name: &str) -> String {
    let mut s = name
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    for prefix in ["https://", "http://", "www.", "the "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.to_string();
        }
    }
    if let Some(host_end) = s.find('/') {
        s.truncate(host_end);
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The canonical name of a known outlet, or `None` when the name is not a known outlet.
pub fn known_outlet(name: &str) -> Option<&'static str> {
    let simple = simplify(name);
    if simple.is_empty() {
        return None;
    }
    KNOWN_OUTLETS
        .iter()
        .find(|(canonical, aliases)| {
            simplify(canonical) == simple || aliases.iter().any(|a| *a == simple)
        })
        .map(|(canonical, _)| *canonical)
}

/// The canonical display name for any outlet name: known outlets are unified, unknown ones
/// are kept as written (trimmed, inner whitespace folded).
pub fn canonical_outlet(name: &str) -> String {
    match known_outlet(name) {
        Some(canonical) => canonical.to_string(),
        None => name.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// A key for comparing outlets: two names with the same key are the same outlet.
pub fn outlet_key(name: &str) -> String {
    simplify(&canonical_outlet(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nyt_spellings_are_one_outlet() {
        for name in [
            "The New York Times",
            "nytimes.com",
            "the NYT",
            "New York Times",
            "https://www.nytimes.com/2022/x",
        ] {
            assert_eq!(canonical_outlet(name), "The New York Times", "{name}");
        }
    }

    #[test]
    fn unknown_outlets_are_kept_as_written() {
        assert_eq!(canonical_outlet("  Harbour   Gazette "), "Harbour Gazette");
        assert_eq!(known_outlet("Harbour Gazette"), None);
        assert_eq!(
            outlet_key("The Harbour Gazette"),
            outlet_key("harbour gazette")
        );
    }

    #[test]
    fn empty_names_are_not_outlets() {
        assert_eq!(known_outlet("  "), None);
        assert_eq!(known_outlet("—"), None);
    }
}
