//! Decoding a page: byte-order mark, transport charset, meta charset prescan, UTF-8, a guessed legacy encoding.

use crate::ingest::decode::decode_detailed;
use crate::ingest::html::depth::find_bytes;
use crate::ingest::html::depth::tag_end;
use crate::ingest::html::source::PRESCAN_BYTES;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How the encoding of a page was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    /// A byte-order mark.
    Bom,
    /// The server's `Content-Type` header.
    Transport,
    /// A `<meta charset>` or `http-equiv="Content-Type"` in the first 1024 bytes.
    Meta,
    /// Valid UTF-8 without any declaration.
    Utf8,
    /// Guessed (`chardetng`, or UTF-16 recognised by its NUL bytes).
    Guessed,
    /// Declared as a legacy encoding, but the bytes are valid UTF-8 (with non-ASCII text),
    /// which a legacy-encoded page almost never is: read as UTF-8.
    Overruled {
        /// The encoding the page declared ("GBK", "windows-1252" …).
        declared: &'static str,
    },
}

/// A decoded page.
#[derive(Debug, Clone)]
pub struct DecodedHtml {
    /// The page as text, without a byte-order mark.
    pub text: String,
    /// The encoding's name ("UTF-8", "windows-1252" …).
    pub encoding: &'static str,
    /// How the encoding was decided.
    pub source: CharsetSource,
    /// True when some bytes were not valid in that encoding and became U+FFFD.
    pub replaced: bool,
}

/// The `charset=` parameter of a `Content-Type` value (`text/html; charset="utf-8"`).
pub fn charset_param(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let pos = lower.find("charset")?;
    let rest = lower[pos + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let value: String = if let Some(quoted) = rest.strip_prefix(['"', '\'']) {
        quoted
            .chars()
            .take_while(|&c| c != '"' && c != '\'')
            .collect()
    } else {
        rest.chars()
            .take_while(|&c| !c.is_whitespace() && c != ';' && c != ',')
            .collect()
    };
    let value = value.trim().to_owned();
    (!value.is_empty()).then_some(value)
}

/// The encoding an HTML label stands for, with the HTML rules: a page that declares UTF-16 in
/// ASCII-compatible bytes is really UTF-8, and `x-user-defined` is windows-1252.
pub(super) fn html_encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.trim().as_bytes())?;
    Some(if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else if encoding.name() == "x-user-defined" {
        WINDOWS_1252
    } else {
        encoding
    })
}

/// The charset declared by a `<meta>` tag in the first 1024 bytes, as the HTML prescan finds
/// it: `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`.
pub fn prescan_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut i = 0;
    while i < head.len() {
        if head[i..].starts_with(b"<!--") {
            i = find_bytes(head, i + 4, b"-->").map_or(head.len(), |end| end + 3);
            continue;
        }
        if head[i] != b'<' {
            i += 1;
            continue;
        }
        let tag_end = tag_end(head, i + 1);
        let is_meta = head.len() >= i + 6
            && head[i + 1..i + 5].eq_ignore_ascii_case(b"meta")
            && (head[i + 5].is_ascii_whitespace() || head[i + 5] == b'/');
        if is_meta {
            let attrs = parse_attributes(&head[i + 5..tag_end.min(head.len())]);
            let get = |name: &str| {
                attrs
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v.as_str())
            };
            if let Some(label) = get("charset")
                && let Some(encoding) = html_encoding_for_label(label)
            {
                return Some(encoding);
            }
            if get("http-equiv").is_some_and(|v| v.trim().eq_ignore_ascii_case("content-type"))
                && let Some(label) = get("content").and_then(charset_param)
                && let Some(encoding) = html_encoding_for_label(&label)
            {
                return Some(encoding);
            }
        }
        i = tag_end + 1;
    }
    None
}

/// The attributes of a tag's inside (after its name): names lowercase, values unquoted.
pub(super) fn parse_attributes(inside: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(inside);
    let chars: Vec<char> = text.chars().collect();
    let mut attrs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '/') {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && !matches!(chars[i], '=' | '/' | '>') {
            i += 1;
        }
        if start == i {
            i += 1;
            continue;
        }
        let name: String = chars[start..i]
            .iter()
            .collect::<String>()
            .to_ascii_lowercase();
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if chars.get(i) == Some(&'=') {
            i += 1;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            if let Some(&q) = chars.get(i).filter(|c| matches!(c, '"' | '\'')) {
                i += 1;
                while i < chars.len() && chars[i] != q {
                    value.push(chars[i]);
                    i += 1;
                }
                i += 1;
            } else {
                while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '>' {
                    value.push(chars[i]);
                    i += 1;
                }
            }
        }
        attrs.push((name, value));
    }
    attrs
}

/// Decodes a page: BOM, then the server's charset, then a `<meta>` declaration, then valid
/// UTF-8 (or BOM-less UTF-16), then a legacy encoding guessed with `chardetng`.
pub fn decode_html(bytes: &[u8], transport_charset: Option<&str>) -> DecodedHtml {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF");
    if has_bom {
        let decoded = decode_detailed(bytes);
        return DecodedHtml {
            text: decoded.text,
            encoding: decoded.encoding,
            source: CharsetSource::Bom,
            replaced: decoded.replaced,
        };
    }
    let declared = transport_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .map(|e| (e, CharsetSource::Transport))
        .or_else(|| prescan_meta_charset(bytes).map(|e| (e, CharsetSource::Meta)));
    if let Some((encoding, source)) = declared {
        // Valid UTF-8 with multi-byte sequences is not a legacy encoding's text: the
        // declaration is stale (a page re-saved as UTF-8 keeps its old `<meta charset>`).
        if encoding != UTF_8
            && !bytes.is_ascii()
            && let Ok(text) = std::str::from_utf8(bytes)
            && encoding != UTF_16LE
            && encoding != UTF_16BE
        {
            return DecodedHtml {
                text: text.to_owned(),
                encoding: UTF_8.name(),
                source: CharsetSource::Overruled {
                    declared: encoding.name(),
                },
                replaced: false,
            };
        }
        let (text, replaced) = encoding.decode_without_bom_handling(bytes);
        return DecodedHtml {
            text: text.into_owned(),
            encoding: encoding.name(),
            source,
            replaced,
        };
    }
    let decoded = decode_detailed(bytes);
    DecodedHtml {
        text: decoded.text,
        encoding: decoded.encoding,
        source: if decoded.guessed {
            CharsetSource::Guessed
        } else {
            CharsetSource::Utf8
        },
        replaced: decoded.replaced,
    }
}
