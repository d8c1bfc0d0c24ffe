//! Sentence splitting (interim version; replaced by the full splitter).
use super::model::Span;

/// Sentences inside `text[region]` as byte spans into `text`.
pub fn split_sentences(text: &str, region: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(body) = text.get(region.start..region.end) else {
        return out;
    };
    let mut start = 0;
    let bytes = body.as_bytes();
    for i in 0..bytes.len() {
        let end_here = (matches!(bytes[i], b'.' | b'?' | b'!')
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()))
            || (bytes[i] == b'\n' && bytes.get(i + 1) == Some(&b'\n'));
        if end_here || i + 1 == bytes.len() {
            let s = &body[start..=i];
            let lead = s.len() - s.trim_start().len();
            let t = s.trim();
            if !t.is_empty() {
                let a = region.start + start + lead;
                out.push(Span::new(a, a + t.len()));
            }
            start = i + 1;
        }
    }
    out
}
