//! Getting articles in: files by path, and text.

use std::path::{Path, PathBuf};

use crate::ingest::Article;
use crate::ingest::{UNKNOWN_OUTLET, import_file, import_text};

/// Import one article file, returning a sentence naming the file on failure.
pub(crate) fn import_path(path: &Path) -> Result<Article, String> {
    match import_file(path) {
        Ok(article) => Ok(article),
        Err(e) => {
            let message = e.to_string();
            let name = display_name(path);
            if message.contains(&name) || message.contains(&path.display().to_string()) {
                Err(message)
            } else {
                Err(format!("Can't open '{name}': {message}"))
            }
        }
    }
}

/// The file name of a path, for messages.
pub(crate) fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Paths typed into the path field: one per line or separated by `;`, with `~` expanded and
/// surrounding quotes removed.
pub(crate) fn parse_typed_paths(input: &str) -> Vec<PathBuf> {
    input
        .split(['\n', ';'])
        .map(|p| p.trim().trim_matches(['"', '\'']).trim())
        .filter(|p| !p.is_empty())
        .map(expand_home)
        .collect()
}

fn expand_home(path: &str) -> PathBuf {
    if let Some(rest) = path.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        return PathBuf::from(home).join(rest);
    }
    PathBuf::from(path)
}

/// An article from pasted or typed text. When the text names no outlet, `outlet` is used, or
/// "Pasted article N" when that is empty too.
pub(crate) fn article_from_text(text: &str, outlet: &str, number: usize) -> Article {
    let mut article = import_text(text, None);
    let outlet_found = article.meta.outlet.trim();
    if outlet_found.is_empty() || outlet_found == UNKNOWN_OUTLET {
        article.meta.outlet = if outlet.trim().is_empty() {
            format!("Pasted article {number}")
        } else {
            outlet.trim().to_owned()
        };
    }
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_paths_are_split_and_unquoted() {
        let paths = parse_typed_paths(" \"a b.txt\" ; c.md\n\n");
        assert_eq!(paths, vec![PathBuf::from("a b.txt"), PathBuf::from("c.md")]);
    }

    #[test]
    fn missing_file_message_names_the_file() {
        let Err(message) = import_path(Path::new("/nonexistent/dir/story.txt")) else {
            panic!("a missing file imported");
        };
        assert!(message.contains("story.txt"), "{message}");
    }

    #[test]
    fn pasted_text_gets_an_outlet() {
        let a = article_from_text("Headline\n\nBody text.", "", 3);
        assert_eq!(a.meta.outlet, "Pasted article 3");
        let b = article_from_text("Headline\nOutlet: Daily\n\nBody.", "Other", 1);
        assert_eq!(b.meta.outlet, "Daily");
    }
}
