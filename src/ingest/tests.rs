//! Tests of importing articles.

use super::{
    article::*, boilerplate::*, decode::*, error::*, layout::*, reader::*, sniff::*, validate::*,
};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Path of a fixture under `tests/fixtures/import/`.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// Imports `text` as UTF-8 bytes named `origin`, asserting success and valid spans.
fn import_ok(text: &str, origin: &str) -> Article {
    let article = import_bytes(text.as_bytes(), Some(origin)).unwrap();
    assert_valid_spans(&article);
    article
}

/// Every span lies on char boundaries inside the text; the spans of all kinds are sorted
/// and do not overlap; `body_start` is a char boundary.
fn assert_valid_spans(article: &Article) {
    let text = &article.text;
    let ok = |s: &Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    assert!(article.body_start <= text.len() && text.is_char_boundary(article.body_start));
    for spans in [&article.header_spans, &article.boilerplate_spans] {
        assert!(spans.iter().all(ok), "{spans:?} in {text:?}");
        assert!(
            spans.windows(2).all(|w| w[0].end <= w[1].start),
            "{spans:?}"
        );
        assert!(spans.iter().all(|s| !s.is_empty()));
    }
    let mut all: Vec<Span> = article
        .header_spans
        .iter()
        .chain(&article.boilerplate_spans)
        .copied()
        .collect();
    if let Some(h) = article.headline_span {
        assert!(ok(&h), "{h:?}");
        all.push(h);
    }
    all.sort();
    assert!(
        all.windows(2).all(|w| !w[0].overlaps(&w[1])),
        "overlap: {all:?}"
    );
}

/// The slices of `spans`.
fn slices<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
    spans.iter().map(|s| s.slice(text)).collect()
}

/// The body as the segmenter will see it: non-blank lines from `body_start` that are not
/// boilerplate.
fn claim_lines(article: &Article) -> Vec<&str> {
    let text = &article.text;
    split_lines(text)
        .into_iter()
        .filter(|l| l.start >= article.body_start && !article.boilerplate_spans.contains(l))
        .map(|l| l.slice(text))
        .filter(|l| !l.trim().is_empty())
        .collect()
}

// ---- HTML ------------------------------------------------------------------------------

#[test]
fn html_goes_to_the_html_importer_by_content_or_name() {
    let page = "<!DOCTYPE html><html><head><title>Dam inspection - Riverside Echo</title>\
        </head><body><p>Inspectors found no cracks in the dam wall on Thursday, the water board said.</p></body></html>";
    for origin in ["page.html", "page.txt", "page"] {
        let article = import_ok(page, origin);
        assert_eq!(article.meta.headline, "Dam inspection", "{origin}");
        assert_eq!(article.meta.outlet, "Riverside Echo", "{origin}");
        assert!(!article.text.contains('<'), "{origin}: {}", article.text);
    }
    // A `.html` name with no markup inside is plain text.
    let plain = import_ok("Dam inspection\n\nInspectors found no cracks.\n", "dam.htm");
    assert_eq!(
        plain.text,
        "Dam inspection\n\nInspectors found no cracks.\n"
    );
    // Binary content is refused whatever the name says.
    let err = import_bytes(b"%PDF-1.7\n%\xE2\xE3", Some("story.html")).unwrap_err();
    assert!(
        matches!(err, ImportError::Binary { kind: "PDF", .. }),
        "{err:?}"
    );
}

#[test]
fn downloads_name_their_address() {
    let url = "https://news.example/dam";
    let article = import_download(
        b"Dam inspection\n\nInspectors found no cracks in the dam wall on Thursday.\n",
        url,
        Some("text/plain"),
    )
    .unwrap();
    assert_eq!(article.meta.url.as_deref(), Some(url));
    assert_eq!(article.meta.origin.as_deref(), Some(url));
    let err = import_download(b"", url, Some("text/html")).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("Can't import '{url}': the file is empty")
    );
    assert!(validate_article(&article).is_ok());
}

// ---- headers ---------------------------------------------------------------------------

#[test]
fn data_format_headers_fill_meta_and_spans() {
    let article = import_file(&fixture("ferry_strike.txt")).unwrap();
    assert_valid_spans(&article);
    let text = &article.text;
    assert_eq!(
        article.meta.headline,
        "Harbour ferry crews walk out over rota changes"
    );
    assert_eq!(
        article.headline_span.unwrap().slice(text),
        article.meta.headline
    );
    assert_eq!(article.meta.outlet, "The Harbour Gazette");
    assert_eq!(article.meta.date.as_deref(), Some("2031-03-14"));
    assert_eq!(
        article.meta.url.as_deref(),
        Some("https://harbourgazette.example/2031/03/14/ferry-crews-walk-out")
    );
    assert_eq!(
        slices(text, &article.header_spans),
        [
            "Outlet: The Harbour Gazette",
            "Date: 2031-03-14 (approximate)",
            "URL: https://harbourgazette.example/2031/03/14/ferry-crews-walk-out",
            "Source: claimdiff test fixture, invented text",
        ]
    );
    // Body starts at the first line after the header block, blank lines skipped.
    assert!(text[article.body_start..].starts_with("Harbour ferry crews walk out"));
    assert!(
        article
            .meta
            .origin
            .as_deref()
            .unwrap()
            .ends_with("ferry_strike.txt")
    );
    assert!(article.warnings.is_empty(), "{:?}", article.warnings);
}

#[test]
fn date_with_trailing_note_keeps_only_the_date() {
    for (line, want) in [
        ("Date: 2019-12-31 (approximate)", Some("2019-12-31")),
        ("Date: 2020-01-01 (from URL)", Some("2020-01-01")),
        ("Date: 2020/01/02", Some("2020-01-02")),
        ("Date: 2020-01-03T10:00:00Z", Some("2020-01-03")),
        ("Date: June 10, 2014", Some("2014-06-10")),
        ("Date: Tue 10 Jun. 2014, 8:05 p.m.", Some("2014-06-10")),
        ("Date: not recorded (sample window: about Jan 2020)", None),
        ("Date: Unknown", None),
        ("Date: spring 2019", Some("spring 2019")),
        ("Date: 2019-02-30 (typo)", Some("2019-02-30 (typo)")),
    ] {
        let article = import_ok(&format!("A headline\n{line}\n\nBody text here.\n"), "x.txt");
        assert_eq!(article.meta.date.as_deref(), want, "{line}");
        assert_eq!(slices(&article.text, &article.header_spans), [line]);
    }
}

#[test]
fn published_updated_and_case_insensitive_keys() {
    let article = import_ok(
        "A headline\nUPDATED: 2021-05-02\npublished: 2021-05-01\nurl: https://example.org/a\n\nBody.\n",
        "x.txt",
    );
    assert_eq!(
        article.meta.date.as_deref(),
        Some("2021-05-01"),
        "published wins over updated"
    );
    assert_eq!(article.meta.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(article.header_spans.len(), 3);
    let only_updated = import_ok(
        "A headline\nUpdated 10:05 a.m. ET, Tue June 10, 2014\n\nBody.\n",
        "x.txt",
    );
    assert_eq!(only_updated.meta.date.as_deref(), Some("2014-06-10"));
    assert_eq!(only_updated.header_spans.len(), 1);
    let date_first = import_ok(
        "A headline\nUpdated: 2021-05-02\nDate: 2021-04-30\n\nBody.\n",
        "x.txt",
    );
    assert_eq!(
        date_first.meta.date.as_deref(),
        Some("2021-04-30"),
        "Date: wins"
    );
}

#[test]
fn bylines_and_author_headers() {
    let article = import_file(&fixture("harbour-gazette.txt")).unwrap();
    assert_eq!(article.meta.author.as_deref(), Some("Tomas Berg"));
    assert_eq!(
        slices(&article.text, &article.header_spans),
        ["By Tomas Berg"]
    );
    let header = import_ok(
        "Headline\nAuthor: Jane Doe\nBy John Roe, Associated Press\n\nBody.\n",
        "x.txt",
    );
    assert_eq!(header.meta.author.as_deref(), Some("Jane Doe, John Roe"));
    assert_eq!(
        header.meta.outlet, "Associated Press",
        "byline names the outlet"
    );
    let two = import_ok(
        "Headline\n\n*By Ana Lind and Piet Vos | March 3, 2031*\n\nBody text.\n",
        "x.txt",
    );
    assert_eq!(two.meta.author.as_deref(), Some("Ana Lind and Piet Vos"));
    assert_eq!(two.meta.date.as_deref(), Some("2031-03-03"));
    // Sentences that merely start with "By" are body text.
    for sentence in [
        "By Tuesday, the committee had voted twice.",
        "By contrast, the port stayed open.",
        "By March 2020 the plan was dead.",
    ] {
        let article = import_ok(&format!("Headline\n{sentence}\n\nMore body.\n"), "x.txt");
        assert!(article.header_spans.is_empty(), "{sentence}");
        assert_eq!(article.meta.author, None);
        assert_eq!(
            &article.text[article.body_start..article.body_start + sentence.len()],
            sentence
        );
    }
}

#[test]
fn headers_before_the_headline() {
    let text =
        "Outlet: Reuters\nDate: 2022-02-24\n\nTroops cross the border\n\nBody sentence one.\n";
    let article = import_ok(text, "x.txt");
    assert_eq!(article.meta.outlet, "Reuters");
    assert_eq!(article.meta.headline, "Troops cross the border");
    assert_eq!(
        slices(text, &article.header_spans),
        ["Outlet: Reuters", "Date: 2022-02-24"]
    );
    assert_eq!(&text[article.body_start..], "Body sentence one.\n");
    // A headline that looks like a single header stays the headline.
    let source = import_ok(
        "Source: White House drafting new order\n\nBody sentence.\n",
        "x.txt",
    );
    assert_eq!(
        source.meta.headline,
        "Source: White House drafting new order"
    );
    assert!(source.header_spans.is_empty());
    // A Title: header is the headline.
    let titled = import_ok(
        "Title: Port reopens\nOutlet: Harbour Gazette\n\nThe port reopened.\n",
        "x.txt",
    );
    assert_eq!(titled.meta.headline, "Port reopens");
    assert_eq!(
        titled.headline_span.unwrap().slice(&titled.text),
        "Port reopens"
    );
    assert_eq!(
        slices(&titled.text, &titled.header_spans),
        ["Outlet: Harbour Gazette"]
    );
}

// ---- text and line ends ----------------------------------------------------------------

#[test]
fn crlf_is_kept_and_spans_are_exact() {
    let text = "Head line\r\nOutlet: CNN\r\nDate: 2020-01-01\r\n\r\nFirst para.\r\n\r\nAdvertisement\r\nLast para.\r\n";
    let article = import_ok(text, "x.txt");
    assert_eq!(article.text, text, "text kept byte for byte");
    assert_eq!(article.headline_span, Some(Span::new(0, 9)));
    assert_eq!(
        slices(text, &article.header_spans),
        ["Outlet: CNN", "Date: 2020-01-01"]
    );
    assert_eq!(
        &text[article.body_start..],
        "First para.\r\n\r\nAdvertisement\r\nLast para.\r\n"
    );
    assert_eq!(slices(text, &article.boilerplate_spans), ["Advertisement"]);
    // Lone CR (classic Mac) ends lines too.
    let mac = import_ok("Head\rOutlet: CNN\r\rBody.\r", "x.txt");
    assert_eq!(slices(&mac.text, &mac.header_spans), ["Outlet: CNN"]);
    assert_eq!(&mac.text[mac.body_start..], "Body.\r");
}

#[test]
fn utf8_bom_is_removed() {
    let article = import_bytes(
        b"\xEF\xBB\xBFHeadline\nOutlet: BBC\n\nBody.\n",
        Some("x.txt"),
    )
    .unwrap();
    assert!(article.text.starts_with("Headline"));
    assert_eq!(article.headline_span, Some(Span::new(0, 8)));
    assert_eq!(article.meta.outlet, "BBC");
    assert_eq!(
        decode(b"\xEF\xBB\xBFabc"),
        ("abc".to_owned(), "UTF-8", false)
    );
    let pasted = import_text("\u{FEFF}Headline\n\nBody.", None);
    assert_eq!(pasted.text, "Headline\n\nBody.");
}

#[test]
fn utf16_with_bom_both_byte_orders() {
    for (name, encoding) in [
        ("utf16le_bom.txt", "UTF-16LE"),
        ("utf16be_bom.txt", "UTF-16BE"),
    ] {
        let bytes = fs::read(fixture(name)).unwrap();
        assert_eq!(sniff_binary(&bytes), None, "{name} is text");
        let (_, found, replaced) = decode(&bytes);
        assert_eq!((found, replaced), (encoding, false));
        let article = import_file(&fixture(name)).unwrap();
        assert_valid_spans(&article);
        assert_eq!(
            article.meta.headline,
            "Zürich tram line extended to the lake"
        );
        assert!(!article.text.starts_with('\u{FEFF}'));
        assert!(article.text.contains("\r\n"), "CRLF kept");
        assert_eq!(article.meta.date.as_deref(), Some("2031-07-07"));
        assert!(article.warnings.is_empty(), "{:?}", article.warnings);
    }
    // UTF-32 with a BOM, and BOM-less UTF-16 of Latin text, decode too.
    let utf32: Vec<u8> = b"\xFF\xFE\x00\x00"
        .iter()
        .copied()
        .chain("Hé".chars().flat_map(|c| (c as u32).to_le_bytes()))
        .collect();
    assert_eq!(decode(&utf32), ("Hé".to_owned(), "UTF-32LE", false));
    let bomless: Vec<u8> = "Plain headline\nBody text.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(sniff_binary(&bomless), None);
    assert_eq!(decode(&bomless).0, "Plain headline\nBody text.\n");
}

#[test]
fn windows_1252_cafe_and_curly_quotes() {
    let (text, encoding, replaced) = decode(b"The caf\xe9 said \x93no\x94 \x96 twice.");
    assert_eq!(text, "The café said \u{201C}no\u{201D} \u{2013} twice.");
    assert_eq!((encoding, replaced), ("windows-1252", false));
    let article = import_file(&fixture("crlf_cp1252.txt")).unwrap();
    assert_valid_spans(&article);
    assert_eq!(
        article.meta.headline,
        "Café owners protest \u{201C}pop-up\u{201D} market"
    );
    assert!(article.text.contains("José Marrón"));
    assert!(article.text.contains("\r\n"));
    assert_eq!(
        article.warnings.len(),
        1,
        "one warning: the guessed encoding"
    );
    assert!(
        article.warnings[0].contains("windows-1252"),
        "{:?}",
        article.warnings
    );
}

#[test]
fn latin1_decodes() {
    let article = import_file(&fixture("latin1.txt")).unwrap();
    assert_eq!(article.meta.headline, "Münster choir wins regional prize");
    assert!(article.text.contains("Renée Groß"));
    assert!(article.text.contains("Français"));
    assert!(!article.text.contains('\u{FFFD}'));
}

#[test]
fn turkish_and_cyrillic_survive() {
    let article = import_file(&fixture("multilingual.txt")).unwrap();
    assert_valid_spans(&article);
    assert_eq!(
        article.meta.headline,
        "İstanbul ferry pier reopens; Київ sends a delegation"
    );
    for word in [
        "Şehir Hatları",
        "Kadıköy",
        "Ağır",
        "ışıklı",
        "Делегація з Києва",
    ] {
        assert!(article.text.contains(word), "{word}");
    }
    assert!(article.warnings.is_empty());
    // Legacy Cyrillic (windows-1251) is detected too.
    let cp1251 = encoding_rs::WINDOWS_1251
        .encode("Делегація з Києва відвідала причал у вівторок, сказали в посольстві.")
        .0;
    let (text, encoding, _) = decode(&cp1251);
    assert_eq!(encoding, "windows-1251");
    assert!(text.starts_with("Делегація з Києва"));
}

#[test]
fn broken_utf8_is_replaced_with_a_warning() {
    let mut bytes = "Héadline über\n\nBody with ü and é and ö.\n"
        .as_bytes()
        .to_vec();
    bytes.push(0xC3); // cut in the middle of a character
    let article = import_bytes(&bytes, Some("cut.txt")).unwrap();
    assert!(article.text.ends_with('\u{FFFD}'));
    assert!(article.text.contains("über"));
    assert!(
        article
            .warnings
            .iter()
            .any(|w| w.contains("replaced") && w.contains("cut.txt")),
        "{:?}",
        article.warnings
    );
    assert_eq!(decode(&bytes).1, "UTF-8");
}

// ---- refusals ---------------------------------------------------------------------------

#[test]
fn binary_content_is_refused_by_magic_bytes() {
    let mut riff_webp = b"RIFF\x10\x00\x00\x00WEBPVP8 ".to_vec();
    riff_webp.extend_from_slice(b"payload");
    let mut docx = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
    docx.extend_from_slice(b"[Content_Types].xml ... word/document.xml");
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"%PDF-1.4\nhello".to_vec(), "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00".to_vec(), "PNG image"),
        (b"\xFF\xD8\xFF\xE0\x00\x10JFIF".to_vec(), "JPEG image"),
        (b"GIF89a\x01\x00".to_vec(), "GIF image"),
        (b"PK\x03\x04\x14\x00".to_vec(), "ZIP archive"),
        (docx, "Word document (DOCX)"),
        (b"\x1F\x8B\x08\x00".to_vec(), "gzip archive"),
        (b"\x7FELF\x02\x01\x01".to_vec(), "ELF executable"),
        (b"MZ\x90\x00\x03\x00\x00\x00".to_vec(), "Windows executable"),
        (b"\xCF\xFA\xED\xFE\x07\x00".to_vec(), "Mach-O executable"),
        (b"SQLite format 3\x00\x10\x00".to_vec(), "SQLite database"),
        (riff_webp, "WebP image"),
        (b"ID3\x04\x00\x00".to_vec(), "MP3 audio"),
        (b"\xFF\xFB\x90\x64".to_vec(), "MP3 audio"),
        (b"\x00\x00\x00\x18ftypmp42\x00\x00".to_vec(), "MP4 video"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec(),
            "old Microsoft Office document",
        ),
    ];
    for (bytes, kind) in cases {
        assert_eq!(sniff_binary(&bytes), Some(kind));
        let err = import_bytes(&bytes, Some("file.txt")).unwrap_err();
        assert!(
            matches!(&err, ImportError::Binary { kind: k, .. } if *k == kind),
            "{err}"
        );
    }
    // Words that happen to start like a magic number are still text.
    assert_eq!(sniff_binary(b"MZ Wallace opens a store\n"), None);
    assert_eq!(
        sniff_binary(b"ID3 tags explained\n"),
        Some("MP3 audio"),
        "documented limit"
    );
}

#[test]
fn pdf_renamed_txt_is_refused() {
    let err = import_file(&fixture("scanned_report.txt")).unwrap_err();
    assert!(matches!(err, ImportError::Binary { kind: "PDF", .. }));
    let message = err.to_string();
    assert!(message.contains("scanned_report.txt"));
    assert!(
        message.ends_with("looks like a binary file (PDF), not text"),
        "{message}"
    );
}

#[test]
fn nul_and_control_bytes_are_binary_but_utf16_is_not() {
    assert_eq!(sniff_binary(b"abc\x00def ghi jkl"), Some("unknown format"));
    assert_eq!(
        sniff_binary(b"\x01\x02\x03\x04 some text"),
        Some("unknown format")
    );
    assert_eq!(
        sniff_binary(b"text with a tab\tand a form feed\x0c and\r\nlines"),
        None
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Ab\u{0}".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(sniff_binary(&utf16), None);
    assert!(import_bytes(b"x\x00y", None).is_err());
}

#[test]
fn empty_and_whitespace_only_files() {
    let empty = import_file(&fixture("empty.txt")).unwrap_err();
    assert!(matches!(empty, ImportError::Empty { .. }));
    assert!(empty.to_string().contains("empty.txt") && empty.to_string().contains("is empty"));
    let blank = import_file(&fixture("whitespace_only.txt")).unwrap_err();
    assert!(matches!(blank, ImportError::NoText { .. }), "{blank}");
    assert!(
        matches!(import_bytes(b"", None), Err(ImportError::Empty { path }) if path == "pasted text")
    );
    // Boilerplate only, or headers only, is no text either.
    assert!(matches!(
        import_bytes(b"Advertisement\n\nSign up for our newsletter\n", None),
        Err(ImportError::NoText { .. })
    ));
    assert!(matches!(
        import_bytes(b"Headline\nOutlet: CNN\nDate: 2020-01-01\n", None),
        Err(ImportError::NoText { .. })
    ));
    // import_text never fails.
    let pasted = import_text("  \n\t ", None);
    assert_eq!(pasted.body_start, pasted.text.len());
    assert!(
        pasted
            .warnings
            .iter()
            .any(|w| w.contains("no article text"))
    );
}

#[test]
fn directory_and_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let err = import_file(dir.path()).unwrap_err();
    assert!(matches!(err, ImportError::IsDirectory { .. }), "{err}");
    let missing = import_file(Path::new("no/such/x.txt")).unwrap_err();
    assert!(matches!(missing, ImportError::Missing { .. }));
    assert_eq!(
        missing.to_string(),
        "Can't open 'no/such/x.txt': no such file"
    );
    assert_eq!(missing.path(), "no/such/x.txt");
}

#[test]
fn too_large_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = fs::File::create(&path).unwrap();
    file.set_len(MAX_ARTICLE_BYTES + 1).unwrap(); // sparse: nothing is written or read
    let err = import_file(&path).unwrap_err();
    match &err {
        ImportError::TooLarge {
            size_bytes,
            limit_bytes,
            ..
        } => {
            assert_eq!(
                (*size_bytes, *limit_bytes),
                (MAX_ARTICLE_BYTES + 1, MAX_ARTICLE_BYTES)
            );
        }
        other => panic!("{other}"),
    }
    assert!(err.to_string().contains("more than the 20 MB"), "{err}");
    // An endless reader is cut off by the read cap.
    let endless = read_capped(io::repeat(b'a'), "stream", 0).unwrap_err();
    assert!(
        matches!(endless, ImportError::TooLarge { size_bytes, .. } if size_bytes == MAX_ARTICLE_BYTES + 1)
    );
    assert_eq!(human_size(25 * 1024 * 1024 + 512 * 1024), "25.5 MB");
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_not_files() {
    let err = import_file(Path::new("/dev/zero")).unwrap_err();
    assert!(matches!(err, ImportError::NotAFile { .. }), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if made {
        // Would block forever if it were opened.
        assert!(matches!(
            import_file(&fifo),
            Err(ImportError::NotAFile { .. })
        ));
    }
}

// ---- outlet ----------------------------------------------------------------------------

#[test]
fn outlet_from_header_is_canonical() {
    for (value, want) in [
        ("nytimes.com", "The New York Times"),
        ("HuffPost (Huffington Post)", "HuffPost"),
        ("https://www.foxnews.com/politics/x", "Fox News"),
        ("thecaucus.blogs.nytimes.com", "The New York Times"),
        ("  Harbour   Gazette ", "Harbour Gazette"),
        ("news.yahoo.com", "news.yahoo.com"),
    ] {
        let article = import_ok(
            &format!("Headline\nOutlet: {value}\n\nBody.\n"),
            "reuters.txt",
        );
        assert_eq!(article.meta.outlet, want, "{value}");
    }
}

#[test]
fn a_headline_suffix_names_the_publisher_a_prefix_credits_a_source() {
    for headline in [
        "Senate passes the bill - The New York Times",
        "Senate passes the bill | NYT",
    ] {
        let article = import_ok(&format!("{headline}\n\nBody.\n"), "pasted text");
        assert_eq!(article.meta.outlet, "The New York Times", "{headline}");
        assert_eq!(article.meta.headline, headline, "headline kept as written");
        assert!(article.meta.credited.is_empty());
    }
    for headline in [
        "New York Times: Senate passes the bill",
        "Reuters — Senate passes the bill",
        "Harbour Gazette: Senate passes the bill",
    ] {
        let article = import_ok(&format!("{headline}\n\nBody.\n"), "pasted text");
        assert_eq!(
            article.meta.outlet, UNKNOWN_OUTLET,
            "a credit is never the publisher: {headline}"
        );
        assert_eq!(article.meta.credited.len(), 1, "{headline}");
    }
    let not_outlet = import_ok(
        "Harry Smith: why the port matters\n\nBody.\n",
        "pasted text",
    );
    assert_eq!(not_outlet.meta.outlet, UNKNOWN_OUTLET);
    assert!(not_outlet.meta.credited.is_empty(), "a person is no outlet");
    let own = import_ok(
        "Harbour Gazette: Senate passes the bill\nOutlet: Harbour Gazette\n\nBody.\n",
        "pasted text",
    );
    assert!(
        own.meta.credited.is_empty(),
        "the publisher's own prefix is no credit"
    );
}

#[test]
fn a_re_report_is_signed_by_its_publisher_and_credits_its_source() {
    let article = import_file(&fixture("rereport.txt")).unwrap();
    assert_valid_spans(&article);
    assert_eq!(
        article.meta.outlet, "Northern Ledger",
        "the signature names it"
    );
    assert_eq!(article.meta.credited, ["Harbour Gazette"]);
    assert_eq!(
        slices(&article.text, &article.boilerplate_spans),
        [
            "4 mins read",
            "TARVIK HARBOUR: TEN YEARS OF FERRY TRAFFIC IN PICTURES",
            "Read the original article.",
            "Share this story",
            "Northern Ledger",
            "Independent news from the northern coast since 1921.",
        ],
        "furniture of each kind, the signature and its slogan"
    );
    let claims = crate::analysis::claims::extract(std::slice::from_ref(&article));
    assert_eq!(claims.len(), 4);
    assert_eq!(
        claims[0].facts.cited_outlets,
        ["Harbour Gazette"],
        "the credit counts among the outlets the article cites"
    );
}

#[test]
fn an_author_note_at_the_end_is_no_signature() {
    let article = import_ok(
        "Port plans a second terminal\n\nThe port plans a second ferry terminal north of the harbour.\n\nWork would start next spring and last about three years.\n\nJane Doe\nJane Doe covers the port and the ferries.\n",
        "pasted text",
    );
    assert_eq!(article.meta.outlet, UNKNOWN_OUTLET);
}

#[test]
fn furniture_is_recognised_by_its_shape() {
    for line in [
        "3 min read",
        "6-minute read",
        "Reading time: 4 minutes",
        "MORE: WHAT WE KNOW ABOUT THE FERRY FIRE",
        "View the original article",
    ] {
        assert!(is_boilerplate_line(line), "{line}");
    }
    for line in [
        "KYIV (AP) — Sirens sounded across the capital on Monday.",
        "The fire took 3 minutes to read the gauges, officials said.",
        "NATO",
    ] {
        assert!(!is_boilerplate_line(line), "{line}");
    }
}

#[test]
fn outlet_from_taglines_and_datelines() {
    let wire = import_file(&fixture("wire_story.txt")).unwrap();
    assert_eq!(wire.meta.outlet, "Reuters");
    assert_eq!(wire.meta.date.as_deref(), Some("2031-06-10"));
    assert_eq!(
        slices(&wire.text, &wire.boilerplate_spans),
        ["(Reporting by Ines Duarte; Editing by Paul Marsh)"]
    );
    for (last, want) in [
        ("© 2022 Reuters", "Reuters"),
        (
            "Copyright 2022 The Associated Press. All rights reserved.",
            "Associated Press",
        ),
        ("© 2031 Harbour Gazette", "Harbour Gazette"),
        (
            "This article originally appeared on The Conversation.",
            "The Conversation",
        ),
        (
            "This story originally appeared in Politico, and is republished here.",
            "Politico",
        ),
        ("Follow Bloomberg on X for more", "Bloomberg"),
        (
            "Reporting by Jane Doe in Kyiv; Editing by John Roe",
            "Reuters",
        ),
        ("— AFP", "Agence France-Presse"),
    ] {
        let article = import_ok(
            &format!("Headline\n\nBody sentence.\n\n{last}\n"),
            "pasted text",
        );
        assert_eq!(article.meta.outlet, want, "{last}");
        assert_eq!(
            slices(&article.text, &article.boilerplate_spans),
            [last],
            "{last}"
        );
    }
    let dateline = import_ok(
        "Headline\n\nKYIV, Ukraine (AP) — Sirens sounded on Monday.\n",
        "pasted text",
    );
    assert_eq!(
        dateline.meta.outlet, UNKNOWN_OUTLET,
        "a wire dateline credits the wire"
    );
    assert_eq!(dateline.meta.credited, ["Associated Press"]);
    assert!(dateline.boilerplate_spans.is_empty());
    // A contributor credit is not the outlet.
    let contributed = import_ok(
        "Headline\n\nBody.\n\nThe Associated Press contributed to this report.\n",
        "pasted text",
    );
    assert_eq!(contributed.meta.outlet, UNKNOWN_OUTLET);
    assert_eq!(contributed.boilerplate_spans.len(), 1);
}

#[test]
fn outlet_from_file_name() {
    for (origin, want) in [
        ("nytimes.txt", "The New York Times"),
        ("foxnews.txt", "Fox News"),
        ("/data/story/foxnews.com.txt", "Fox News"),
        (
            "C:\\Users\\me\\Downloads\\nytimes.txt",
            "The New York Times",
        ),
        ("news.yahoo.com", "news.yahoo.com"),
        ("theguardian.com.md", "The Guardian"),
        ("harbour-gazette.txt", "Harbour Gazette"),
        ("harbour_gazette (2).md", "Harbour Gazette"),
        ("2014-cantor-nyt.txt", "The New York Times"),
        ("article1.txt", UNKNOWN_OUTLET),
        ("Untitled.txt", UNKNOWN_OUTLET),
        ("h.txt", UNKNOWN_OUTLET),
        (
            "Senate passes the port bill - The New York Times.html",
            "The New York Times",
        ),
        (
            "Senate passes the port bill after long debate.txt",
            UNKNOWN_OUTLET,
        ),
        ("pasted text", UNKNOWN_OUTLET),
    ] {
        let article = import_ok("Headline\n\nBody.\n", origin);
        assert_eq!(article.meta.outlet, want, "{origin}");
        assert_eq!(article.meta.origin.as_deref(), Some(origin));
    }
    let from_file = import_file(&fixture("harbour-gazette.txt")).unwrap();
    assert_eq!(from_file.meta.outlet, "Harbour Gazette");
    // The header beats the file name.
    assert_eq!(
        import_ok("Headline\nOutlet: BBC\n\nBody.\n", "nytimes.txt")
            .meta
            .outlet,
        "BBC"
    );
}

#[test]
fn unknown_outlet_warns() {
    let article = import_text("Headline\n\nBody sentence.", None);
    assert_eq!(article.meta.outlet, UNKNOWN_OUTLET);
    assert!(
        article
            .warnings
            .iter()
            .any(|w| w.contains("Outlet:") && w.contains("pasted text")),
        "{:?}",
        article.warnings
    );
    assert_eq!(article.meta.origin, None);
}

// ---- boilerplate -----------------------------------------------------------------------

#[test]
fn every_boilerplate_kind_is_found() {
    for line in [
        "Read more: Council approves pier budget",
        "READ MORE",
        "Related: Port strike enters day three",
        "RELATED COVERAGE",
        "Watch video",
        "Watch: the ferry leaves port",
        "Click here to get the app",
        "CLICK HERE TO GET THE FOX NEWS APP",
        "Sign up for our morning briefing",
        "Subscribe now for full access",
        "Get our free newsletter every morning",
        "Newsletter: the week in shipping",
        "Follow us on Instagram",
        "Follow @harbourgazette for updates",
        "Share this article",
        "Share on Facebook",
        "Share on Twitter",
        "Advertisement",
        "ADVERTISEMENT - SCROLL TO CONTINUE",
        "Getty Images",
        "Photo: Ana Lind",
        "Image: harbour authority",
        "(Photo by Ana Lind/Getty Images)",
        "The ferry leaves Port Ellis on Friday. (AP Photo/Ana Lind)",
        "Copyright 2031 Harbour Gazette",
        "© Harbour Gazette",
        "All rights reserved.",
        "This article originally appeared on The Conversation.",
        "Reporting by Ana Lind; Editing by Piet Vos",
        "(Writing by Ana Lind)",
        "Continue reading",
        "Continue reading the main story",
        "Listen to this article",
        "Skip to main content",
        "Loading…",
        "Loading...",
        "Text Size: A- A+",
        "* **Read more:** [Council approves pier budget](https://example.org)",
    ] {
        assert!(is_boilerplate_line(line), "should be boilerplate: {line}");
        let article = import_ok(
            &format!("Headline\n\nReal reporting sentence.\n\n{line}\n\nAnother real sentence.\n"),
            "x.txt",
        );
        assert_eq!(
            slices(&article.text, &article.boilerplate_spans),
            [line],
            "{line}"
        );
    }
}

#[test]
fn real_reporting_is_not_boilerplate() {
    for line in [
        "The union's secretary said on Twitter that crews would return on Monday.",
        "Trump, as is often his way, fired back on Twitter.",
        "Share prices of the operator fell 4 percent.",
        "Shares in Gullwing Lines rose after the announcement.",
        "Subscribers to the service complained about the outage.",
        "Follow-up talks are planned for next week.",
        "Following the vote, the mayor said she was relieved.",
        "Copyright lawsuits against the app rose sharply in 2021.",
        "Related to the strike, two other unions called meetings.",
        "Watchdog groups said the fine was too small.",
        "Reporting by the Gazette found no evidence of the payments.",
        "The group said it would stop publishing its weekly newsletter.",
        "Photographers were kept behind a barrier at the pier.",
        "Getty Images, the photo agency, said it would appeal.",
        "Advertisers pulled out of the festival after the row.",
        "UPDATE: The ferry operator said talks would resume on Monday.",
        "Click-through rates fell, the company said.",
        "Signing up new members has been hard, she said.",
    ] {
        assert!(!is_boilerplate_line(line), "should be reporting: {line}");
        let article = import_ok(&format!("Headline\n\n{line}\n"), "x.txt");
        assert!(article.boilerplate_spans.is_empty(), "{line}");
    }
}

#[test]
fn repeated_headline_and_outlet_tagline_are_boilerplate() {
    let article = import_file(&fixture("ferry_strike.txt")).unwrap();
    let text = &article.text;
    assert_eq!(
        slices(text, &article.boilerplate_spans),
        [
            "Harbour ferry crews walk out over rota changes",
            "Advertisement",
            "Read more: Council approves new pier budget",
            "Sign up for our morning newsletter",
            "(Photo by Ana Lind/Getty Images)",
            "© 2031 The Harbour Gazette. All rights reserved.",
        ]
    );
    let claims = claim_lines(&article);
    assert_eq!(claims.len(), 4, "{claims:?}");
    assert!(claims[1].contains("said on Twitter"));
    assert!(claims[2].starts_with("Share prices"));
    // Case and punctuation do not matter for the repeat; a line that is just the outlet's
    // name (first or last) is a tagline; a slogan too.
    let tagged = import_ok(
        "Port strike ends!\nOutlet: USA Today\n\nUSA TODAY\n\nport strike ends\n\nThe strike ended on Sunday.\n\nDemocracy Dies in Darkness\n\nUSA Today\n",
        "x.txt",
    );
    assert_eq!(
        slices(&tagged.text, &tagged.boilerplate_spans),
        [
            "USA TODAY",
            "port strike ends",
            "Democracy Dies in Darkness",
            "USA Today"
        ]
    );
    let last_known = import_ok("Headline\n\nBody text.\n\nReuters\n", "x.txt");
    assert_eq!(last_known.boilerplate_spans.len(), 1);
    // The last line "Outlet — slogan" is a tagline; the same shape mid-article is not.
    let slogan = "Harbour Gazette — your harbour, every day.";
    let text = format!("Headline\nOutlet: Harbour Gazette\n\n{slogan}\n\nBody text.\n\n{slogan}\n");
    let article = import_ok(&text, "x.txt");
    assert_eq!(slices(&article.text, &article.boilerplate_spans), [slogan]);
    assert_eq!(
        article.boilerplate_spans[0].start,
        text.rfind(slogan).unwrap()
    );
    let reporting = import_ok(
        "Headline\nOutlet: Harbour Gazette\n\nBody.\n\nHarbour Gazette: the paper was sold on Monday to a trust.\n",
        "x.txt",
    );
    assert!(reporting.boilerplate_spans.is_empty(), "slogans are short");
}

#[test]
fn page_chrome_before_the_headline_is_skipped() {
    let text = "Skip to main content\nMenu\n\nPort reopens after dredging\n\nThe port reopened on Thursday.\n";
    let article = import_ok(text, "x.txt");
    assert_eq!(article.meta.headline, "Port reopens after dredging");
    assert_eq!(
        slices(text, &article.boilerplate_spans),
        ["Skip to main content", "Menu"]
    );
}

// ---- Markdown --------------------------------------------------------------------------

#[test]
fn markdown_front_matter_and_heading() {
    let article = import_file(&fixture("front_matter.md")).unwrap();
    assert_valid_spans(&article);
    let text = &article.text;
    assert_eq!(
        article.meta.headline,
        "Tidal barrier test postponed after storm warning"
    );
    let span = article.headline_span.unwrap();
    assert_eq!(
        span.slice(text),
        "Tidal barrier test postponed after storm warning"
    );
    assert_eq!(
        &text[span.start - 2..span.start],
        "# ",
        "span skips the '# '"
    );
    assert_eq!(article.meta.outlet, "The Harbour Gazette");
    assert_eq!(article.meta.date.as_deref(), Some("2031-02-02"));
    assert_eq!(
        article.meta.author.as_deref(),
        Some("Lena Okafor, Piet Vos")
    );
    assert_eq!(
        article.meta.url.as_deref(),
        Some("https://harbourgazette.example/tidal-barrier")
    );
    let headers = slices(text, &article.header_spans);
    assert_eq!(headers.first(), Some(&"---"));
    assert_eq!(headers.len(), 10, "{headers:?}");
    assert!(text[article.body_start..].starts_with("Engineers postponed"));
    assert_eq!(
        slices(text, &article.boilerplate_spans),
        ["Read more: How the barrier works"]
    );
    assert!(
        text.contains("test of the tidal barrier on Tuesday"),
        "emphasis is reduced to text"
    );
    assert!(
        !text.contains("](https://"),
        "links are reduced to their text"
    );
}

#[test]
fn markdown_title_without_heading_and_closing_hashes() {
    let text = "---\ntitle: 'Pier reopens'\nsource: bbc.co.uk\nauthors: [\"Ana Lind\", Piet Vos]\n---\nThe pier reopened.\n";
    let article = import_ok(text, "notes.md");
    assert_eq!(article.meta.headline, "Pier reopens");
    assert_eq!(article.headline_span.unwrap().slice(text), "Pier reopens");
    assert_eq!(article.meta.outlet, "BBC");
    assert_eq!(article.meta.author.as_deref(), Some("Ana Lind, Piet Vos"));
    assert_eq!(
        slices(text, &article.header_spans),
        [
            "---",
            "source: bbc.co.uk",
            "authors: [\"Ana Lind\", Piet Vos]",
            "---"
        ]
    );
    let heading = import_ok("## Pier reopens ##\n\nBody.\n", "x.md");
    assert_eq!(
        heading.headline_span.unwrap().slice(&heading.text),
        "Pier reopens"
    );
    let hashtag = import_ok("#MeToo rally fills the square\n\nBody.\n", "x.txt");
    assert_eq!(
        hashtag.meta.headline, "#MeToo rally fills the square",
        "not a heading"
    );
    let setext = import_ok("Pier reopens\n============\n\nBody.\n", "x.md");
    assert_eq!(setext.meta.headline, "Pier reopens");
    assert!(
        setext.text.starts_with("# Pier reopens\n"),
        "a setext heading reads as a heading: {:?}",
        setext.text
    );
    // Rules around prose are not front matter.
    let rule = import_ok(
        "---\nJust a rule then text.\n\n---\nMore text here.\n",
        "x.md",
    );
    assert!(rule.header_spans.is_empty());
    assert_eq!(rule.meta.headline, "Just a rule then text.");
}

// ---- pasted text and robustness --------------------------------------------------------

#[test]
fn a_lone_paragraph_is_text_not_a_headline() {
    let article = import_text(
        "The port reopened on Thursday after three weeks of dredging.",
        Some(PASTED_TEXT),
    );
    assert_eq!(article.headline_span, None);
    assert_eq!(article.body_start, 0);
    assert_eq!(article.meta.headline, "");
    let long = "The port reopened on Thursday after three weeks of dredging, the harbour master said in a short statement to reporters.";
    let article = import_text(&format!("{long}\n\nSecond paragraph.\n"), None);
    assert_eq!(
        article.headline_span, None,
        "a long sentence is not a headline"
    );
    assert_eq!(article.body_start, 0);
}

#[test]
fn error_messages_are_single_clear_sentences() {
    let name = "story.txt".to_owned();
    let messages = [
        ImportError::IsDirectory { path: name.clone() }.to_string(),
        ImportError::NotAFile { path: name.clone() }.to_string(),
        ImportError::Empty { path: name.clone() }.to_string(),
        ImportError::Binary {
            path: name.clone(),
            kind: "PNG image",
        }
        .to_string(),
        ImportError::TooLarge {
            path: name.clone(),
            size_bytes: 30 * 1024 * 1024,
            limit_bytes: MAX_ARTICLE_BYTES,
        }
        .to_string(),
        ImportError::NoText { path: name.clone() }.to_string(),
        ImportError::PermissionDenied { path: name.clone() }.to_string(),
    ];
    for m in &messages {
        assert!(m.contains("'story.txt'") && !m.contains('\n'), "{m}");
    }
    assert_eq!(
        messages[4],
        "Can't import 'story.txt': it is 30 MB, more than the 20 MB an article may have"
    );
}

#[test]
fn tricky_fixture_imports_with_exact_spans() {
    let bytes = fs::read(fixture("tricky.txt")).unwrap();
    let article = import_bytes(&bytes, Some("tricky.txt")).unwrap();
    assert_valid_spans(&article);
    let text = &article.text;
    assert!(text.starts_with("Outlet:"), "BOM removed");
    assert_eq!(article.meta.outlet, "Kyiv Independent");
    assert_eq!(article.meta.date.as_deref(), Some("2031-05-06"));
    assert_eq!(
        article.meta.author.as_deref(),
        Some("Ayşe Yılmaz and Ольга Шевченко")
    );
    assert_eq!(
        article.meta.headline,
        "Straße, İstanbul'da ışık and Київ: \u{201C}tricky\u{201D} headline \u{1F6A2}"
    );
    assert_eq!(
        slices(text, &article.boilerplate_spans),
        [
            "Advertisement",
            "Read more: Ğ ğ Ş ş İ ı",
            "© 2031 Kyiv Independent"
        ]
    );
    let claims = claim_lines(&article);
    assert_eq!(claims.len(), 2, "{claims:?}");
    assert!(claims[0].contains("said on Twitter"));
}

#[test]
fn every_prefix_of_the_tricky_fixture_imports_without_panic() {
    let bytes = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/tricky.txt"
    ));
    let mut imported = 0;
    for end in 0..=bytes.len() {
        let prefix = &bytes[..end];
        if let Ok(article) = import_bytes(prefix, Some("tricky.txt")) {
            assert_valid_spans(&article);
            imported += 1;
        }
        assert_valid_spans(&import_text(&String::from_utf8_lossy(prefix), None));
        // Suffixes too: cut at arbitrary places, including inside characters.
        if let Ok(article) = import_bytes(&bytes[end..], None) {
            assert_valid_spans(&article);
        }
    }
    assert!(
        imported > bytes.len() / 2,
        "most prefixes are importable text"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
        if let Ok(article) = import_bytes(&bytes, Some("fuzz.md")) {
            assert_valid_spans(&article);
        }
    }

    #[test]
    fn arbitrary_line_soup_never_panics(lines in proptest::collection::vec(
        proptest::sample::select(vec![
            "", " ", "---", "+++", "# Head", "Outlet: Reuters", "Date: 2020-01-01 (x)", "By Ana Lind", "title: \"T\"",
            "Advertisement", "Read more: x", "© 2020 BBC", "Body sentence.", "İı Київ 🚢", "author:", "  - Ana",
            "WASHINGTON (Reuters) - x", "Reporting by A; Editing by B", "\u{FEFF}", "Headline: x",
        ]), 0..14),
        ends in proptest::collection::vec(proptest::sample::select(vec!["\n", "\r\n", "\r"]), 14)) {
        let text: String = lines.iter().zip(&ends).map(|(l, e)| format!("{l}{e}")).collect();
        let article = import_text(&text, Some("soup.md"));
        assert_valid_spans(&article);
        assert_eq!(article.text, text.strip_prefix('\u{FEFF}').unwrap_or(&text));
    }
}
