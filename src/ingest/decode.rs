//! Decoding bytes to text: byte-order marks, UTF-8, UTF-16/32, legacy encodings guessed with chardetng.

use crate::ingest::error::SNIFF_BYTES;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Decoded text and how it was obtained.
pub(crate) struct Decoded {
    /// The text, without a byte-order mark.
    pub(crate) text: String,
    /// Encoding name ("UTF-8", "UTF-16LE", "windows-1252" …).
    pub(crate) encoding: &'static str,
    /// True when undecodable bytes became U+FFFD.
    pub(crate) replaced: bool,
    /// True when the encoding was guessed rather than known (no BOM, not valid UTF-8).
    pub(crate) guessed: bool,
}

// The three-value form the tests check; importing uses decode_detailed.
/// Decodes article bytes to text: returns the text, the encoding's name and whether any bytes
/// had to be replaced with U+FFFD.
///
/// A byte-order mark decides first (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) and is removed. Valid
/// UTF-8 is taken as is. BOM-less UTF-16 of mostly Latin text is recognised by its NUL pattern.
/// UTF-8 with a few broken bytes (a cut-off file, a stray byte) stays UTF-8 with replacements.
/// Anything else is decoded in the legacy encoding `chardetng` guesses (windows-1252 for
/// Latin-1 and Windows Western text, windows-1251 for Cyrillic …).
#[cfg(test)]
pub fn decode(bytes: &[u8]) -> (String, &'static str, bool) {
    let decoded = decode_detailed(bytes);
    (decoded.text, decoded.encoding, decoded.replaced)
}

/// [`decode`] with the extra "guessed" flag used for warnings.
pub(crate) fn decode_detailed(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_with(UTF_8, rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE\x00\x00") {
        return decode_utf32(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(b"\x00\x00\xFE\xFF") {
        return decode_utf32(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_with(UTF_16LE, rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_with(UTF_16BE, rest, false);
    }
    // Before the UTF-8 check: NUL bytes are valid UTF-8.
    if let Some(encoding) = bomless_utf16(bytes) {
        return decode_with(encoding, bytes, true);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
            replaced: false,
            guessed: false,
        };
    }
    if mostly_utf8(bytes) {
        return decode_with(UTF_8, bytes, false);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Deny);
    decode_with(encoding, bytes, true)
}

/// Decodes `bytes` (without a BOM) in `encoding`.
pub(super) fn decode_with(encoding: &'static Encoding, bytes: &[u8], guessed: bool) -> Decoded {
    let (text, replaced) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        replaced,
        guessed,
    }
}

/// Decodes UTF-32 (which `encoding_rs` does not support) by hand.
pub(super) fn decode_utf32(bytes: &[u8], big_endian: bool) -> Decoded {
    let mut text = String::with_capacity(bytes.len() / 4);
    let mut replaced = false;
    for chunk in bytes.chunks(4) {
        let c = <[u8; 4]>::try_from(chunk).ok().and_then(|quad| {
            let value = if big_endian {
                u32::from_be_bytes(quad)
            } else {
                u32::from_le_bytes(quad)
            };
            char::from_u32(value)
        });
        match c {
            Some(c) => text.push(c),
            None => {
                text.push('\u{FFFD}');
                replaced = true;
            }
        }
    }
    let encoding = if big_endian { "UTF-32BE" } else { "UTF-32LE" };
    Decoded {
        text,
        encoding,
        replaced,
        guessed: false,
    }
}

/// UTF-16 without a BOM, recognised when nearly every other byte is NUL (mostly Latin text).
pub(super) fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even_nul, mut odd_nul) = (0, 0);
    for pair in sample.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
    }
    if odd_nul * 10 >= pairs * 8 && even_nul * 20 <= pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 8 && odd_nul * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True when invalid UTF-8 is nonetheless mostly UTF-8: it has valid multi-byte characters and
/// at most one bad byte per four of them (a truncated file, a stray byte).
pub(super) fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multibyte > 0 && invalid * 4 <= multibyte
}
