//! Recognising binary content (PDF, images, archives, executables) by its bytes, not its name.

use crate::ingest::decode::bomless_utf16;
use crate::ingest::error::SNIFF_BYTES;

/// What `bytes` look like when they are not text ("PDF", "PNG image" …), or `None` for text.
///
/// Checks, in order: a Unicode byte-order mark (always text, so UTF-16/UTF-32 files pass), known
/// magic numbers of documents, images, media, archives, executables and databases, BOM-less
/// UTF-16 of mostly Latin text (text), then NUL bytes or a high share (over 10 %) of control
/// bytes in the first 8 KB.
pub fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    if has_unicode_bom(bytes) {
        return None;
    }
    if let Some(kind) = magic_kind(bytes) {
        return Some(kind);
    }
    if bomless_utf16(bytes).is_some() {
        return None;
    }
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if sample.contains(&0) {
        return Some("unknown format");
    }
    let controls = sample.iter().filter(|&&b| is_control_byte(b)).count();
    if controls * 10 > sample.len() {
        return Some("unknown format");
    }
    None
}

/// True for C0 control bytes other than tab, line feed, carriage return and form feed, and DEL.
pub(super) fn is_control_byte(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F
}

/// True when `bytes` start with a UTF-8, UTF-16 or UTF-32 byte-order mark.
pub(super) fn has_unicode_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || bytes.starts_with(b"\x00\x00\xFE\xFF")
}

/// True when `needle` occurs in `hay`.
pub(super) fn contains_bytes(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The file type named by the magic number at the start of `b`, if any.
pub(super) fn magic_kind(b: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"\x1F\x8B", "gzip archive"),
        (b"\x7FELF", "ELF executable"),
        (b"\xFE\xED\xFA\xCE", "Mach-O executable"),
        (b"\xFE\xED\xFA\xCF", "Mach-O executable"),
        (b"\xCE\xFA\xED\xFE", "Mach-O executable"),
        (b"\xCF\xFA\xED\xFE", "Mach-O executable"),
        (b"\xCA\xFE\xBA\xBE", "Mach-O executable"),
        (b"SQLite format 3\x00", "SQLite database"),
        (b"ID3", "MP3 audio"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "old Microsoft Office document",
        ),
        (b"Rar!\x1A\x07", "RAR archive"),
        (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
        (b"\xFD7zXZ\x00", "xz archive"),
        (b"\x28\xB5\x2F\xFD", "Zstandard archive"),
        (b"OggS", "Ogg media"),
        (b"fLaC", "FLAC audio"),
        (b"\x00asm", "WebAssembly module"),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
        (b"wOFF", "web font"),
        (b"wOF2", "web font"),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(magic, _)| b.starts_with(magic)) {
        return Some(kind);
    }
    if b.starts_with(b"PK\x03\x04") || b.starts_with(b"PK\x05\x06") || b.starts_with(b"PK\x07\x08")
    {
        return Some(zip_kind(b));
    }
    if b.len() >= 12 && b.starts_with(b"RIFF") {
        return Some(match &b[8..12] {
            b"WEBP" => "WebP image",
            b"WAVE" => "WAV audio",
            b"AVI " => "AVI video",
            _ => "RIFF media",
        });
    }
    if b.len() >= 12 && &b[4..8] == b"ftyp" {
        return Some(match &b[8..12] {
            b"M4A " | b"M4B " => "MP4 audio",
            b"heic" | b"heix" | b"mif1" | b"avif" => "HEIC/AVIF image",
            b"qt  " => "QuickTime video",
            _ => "MP4 video",
        });
    }
    // MPEG audio frame sync (after the BOM check, so FF FE is never taken for audio).
    if b.len() >= 2 && b[0] == 0xFF && matches!(b[1], 0xFB | 0xFA | 0xF3 | 0xF2 | 0xE3 | 0xE2) {
        return Some("MP3 audio");
    }
    // "MZ" starts some words too: a Windows executable also has NUL bytes in its header.
    if b.starts_with(b"MZ") && b[2..b.len().min(64)].contains(&0) {
        return Some("Windows executable");
    }
    if b.starts_with(b"BZh") && b.len() >= 10 && b[3].is_ascii_digit() && &b[4..10] == b"1AY&SY" {
        return Some("bzip2 archive");
    }
    None
}

/// Names a ZIP container by the entries it lists (DOCX, XLSX, EPUB …).
pub(super) fn zip_kind(b: &[u8]) -> &'static str {
    let head = &b[..b.len().min(8192)];
    let tail = &b[b.len().saturating_sub(8192)..];
    let has = |needle: &[u8]| contains_bytes(head, needle) || contains_bytes(tail, needle);
    if has(b"mimetypeapplication/epub+zip") {
        "EPUB e-book"
    } else if has(b"mimetypeapplication/vnd.oasis.opendocument") {
        "OpenDocument file"
    } else if has(b"word/") {
        "Word document (DOCX)"
    } else if has(b"xl/") {
        "Excel workbook (XLSX)"
    } else if has(b"ppt/") {
        "PowerPoint file (PPTX)"
    } else {
        "ZIP archive"
    }
}
