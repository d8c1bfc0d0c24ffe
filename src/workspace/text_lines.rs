//! Serde for article text as a list of lines, each keeping its line end (`"…\n"`), so files
//! diff line by line. Reading also accepts a single string, for hand-written files.
//!
//! Used as `#[serde(with = …)]` on `ArticleEntry::text` (model.rs); a file of its own so the
//! model and the reader and writer (format.rs) need not import each other.

use std::fmt;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserializer, Serializer};

/// Write `text` as its lines (concatenated, they give back `text` exactly).
pub(crate) fn serialize<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    // Collected first: with a known length, an empty text is written `[]` on one line.
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    serializer.collect_seq(lines)
}

/// Read a list of lines (joined as they are) or one string.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_any(LinesVisitor)
}

struct LinesVisitor;

impl<'de> Visitor<'de> for LinesVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the article text as a list of lines or as one string")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<String, A::Error> {
        let mut text = String::new();
        while let Some(line) = seq.next_element::<String>()? {
            text.push_str(&line);
        }
        Ok(text)
    }
}
