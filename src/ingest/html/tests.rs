//! Tests of HTML import.

use super::{charset::*, depth::*, detect::*, meta::*, render::*};
use dom_query::Document;
use encoding_rs::{UTF_8, WINDOWS_1252};

fn depth_of(html: &str) -> usize {
    limit_depth(html, usize::MAX).max_depth_seen
}

#[test]
fn depth_scan_follows_implied_end_tags() {
    let page = "<!DOCTYPE html><html><head><title>x</title></head><body>\
        <p>one<p>two<p>three<ul><li>a<li>b<li>c</ul><table><tr><td>1<td>2<tr><td>3</table>\
        <div><span>x</span><br><img src=a></div></body></html>";
    // html > body > ul > li, or html > body > table > tr > td.
    assert!(depth_of(page) <= 5, "{}", depth_of(page));
    let hundred_p = "<p>x".repeat(1000);
    assert!(depth_of(&hundred_p) <= 2);
}

#[test]
fn depth_scan_skips_raw_text_comments_and_quoted_brackets() {
    let page = r#"<div title="a > b <div>"><script>if (a < b) { document.write("<div><div><div>") }</script><!-- <div><div> --><style>div > p {}</style>text</div>"#;
    assert_eq!(depth_of(page), 1);
}

#[test]
fn deep_nesting_is_cut_and_text_kept() {
    let depth = 2000;
    let page = format!(
        "{}deep words{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let limited = limit_depth(&page, 100);
    assert_eq!(limited.dropped_tags, depth - 100);
    assert_eq!(limited.html.matches("<div>").count(), 100);
    assert_eq!(limited.html.matches("</div>").count(), 100);
    assert!(limited.html.contains("deep words"));
}

#[test]
fn tags_are_tokenized_like_a_browser() {
    // A quote inside an unquoted value is part of the value, not the start of a quote.
    let page = format!("<meta http-equiv=a=\"b>{}<p>x\">", "<div>".repeat(50));
    assert_eq!(depth_of(&page), 51);
    assert_eq!(scan_tag(b" a='>' b=\"c\"/>", 0), (13, true));
    assert_eq!(scan_tag(b" href=x/>", 0), (8, false));
    let unclosed = b" a=\"never closed>";
    assert_eq!(scan_tag(unclosed, 0), (unclosed.len(), false));
    // `--!>` ends a comment; `</ x>` is a bogus comment.
    assert_eq!(depth_of("<!-- a --!><div><div>"), 2);
    assert_eq!(depth_of("</ x><div>"), 1);
}

#[test]
fn svg_self_closing_and_breakout() {
    assert_eq!(
        depth_of(&format!("<svg>{}</svg>", "<path/>".repeat(100))),
        1
    );
    // `<p>` leaves SVG: after it, `<foo/>` opens an element again.
    assert_eq!(
        depth_of(&format!("<svg><g><p>{}", "<foo/>".repeat(100))),
        101
    );
    // Inside an integration point, HTML rules apply.
    assert_eq!(
        depth_of(&format!("<svg><foreignObject>{}", "<div/>".repeat(10))),
        12
    );
}

#[test]
fn tree_depth_is_measured_iteratively() {
    let doc = Document::from(format!("<body>{}", "<div>".repeat(3000)));
    assert!(tree_depth(&doc.root()) >= 3000);
}

#[test]
fn unclosed_inline_tags_count_as_nesting() {
    let page = "<b>x".repeat(1000);
    let limited = limit_depth(&page, 64);
    assert!(limited.dropped_tags >= 900);
}

#[test]
fn meta_charset_prescan() {
    assert_eq!(
        prescan_meta_charset(b"<html><head><meta charset=\"windows-1252\">"),
        Some(WINDOWS_1252)
    );
    assert_eq!(
        prescan_meta_charset(
            b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>"
        ),
        Some(WINDOWS_1252)
    );
    assert_eq!(
        prescan_meta_charset(b"<!-- <meta charset=koi8-r> --><meta charset=utf-16>"),
        Some(UTF_8)
    );
    let late = format!("{}<meta charset=koi8-r>", " ".repeat(1100));
    assert_eq!(prescan_meta_charset(late.as_bytes()), None);
}

#[test]
fn charset_param_reads_quoted_and_bare_values() {
    assert_eq!(
        charset_param("text/html; charset=UTF-8").as_deref(),
        Some("utf-8")
    );
    assert_eq!(
        charset_param("text/html;charset=\"windows-1251\"").as_deref(),
        Some("windows-1251")
    );
    assert_eq!(charset_param("text/html"), None);
}

#[test]
fn html_is_recognised_by_its_start() {
    assert!(looks_like_html(b"\xEF\xBB\xBF  <!DOCTYPE html><p>x"));
    assert!(looks_like_html(
        b"<!-- saved from url=(0014)about:internet -->\n<html>"
    ));
    assert!(looks_like_html(
        b"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"
    ));
    assert!(looks_like_html(b"<meta charset=utf-8><title>x</title>"));
    assert!(!looks_like_html(b"Headline\n\n<b>bold</b> text"));
    assert!(!looks_like_html(b"<htmlish> is not a tag we know"));
    assert!(has_markup(b"Plain words and <b>bold</b>"));
    assert!(!has_markup(b"a < b and c > d"));
}

#[test]
fn title_suffix_becomes_the_outlet() {
    assert_eq!(
        split_title_suffix("Bridge reopens after repairs - Kessling Courier", None),
        (
            "Bridge reopens after repairs".to_owned(),
            Some("Kessling Courier".to_owned())
        )
    );
    assert_eq!(
        split_title_suffix("Bridge reopens | The Courier", Some("The Courier")).0,
        "Bridge reopens"
    );
    assert_eq!(
        split_title_suffix("Ukraine - what we know", Some("Daily Planet")).1,
        None
    );
}

#[test]
fn json_ld_in_a_cdata_wrapper_names_the_publisher() {
    let doc = Document::from(
        "<html><head><title>Harbour works - Quayside Wiki</title>\
         <script type=\"application/ld+json\"><![CDATA[ {\"@type\":\"Article\",\
         \"name\":\"Harbour works\",\"publisher\":{\"@type\":\"Organization\",\
         \"name\":\"Quayside Trust, Inc.\"}} ]]></script></head><body><p>x</p></body></html>",
    );
    assert_eq!(page_meta(&doc).outlet.as_deref(), Some("Quayside Trust"));
    assert_eq!(page_meta(&doc).headline.as_deref(), Some("Harbour works"));
}

#[test]
fn a_json_ld_description_sharing_no_word_with_the_title_is_no_headline() {
    let doc = Document::from(
        "<html><head><title>Kessling Bridge - Quayside Wiki</title>\
         <script type=\"application/ld+json\">{\"@type\":\"Article\",\
         \"headline\":\"river crossing in the north\"}</script></head>\
         <body><h1>Kessling Bridge</h1><p>x</p></body></html>",
    );
    assert_eq!(page_meta(&doc).headline.as_deref(), Some("Kessling Bridge"));
    assert!(title_begins_with(
        "Kessling Bridge [Wiki]",
        "Kessling Bridge"
    ));
    assert!(!title_begins_with("Kessling Bridges", "Kessling Bridge"));
    // A logo heading naming the site is not the headline.
    let logo = Document::from(
        "<html><head><meta property=\"og:site_name\" content=\"Quayside\">\
         <title>Quayside - Tides rise at the harbour</title></head>\
         <body><h1>Quayside</h1><p>x</p></body></html>",
    );
    assert_ne!(page_meta(&logo).headline.as_deref(), Some("Quayside"));
}

#[test]
fn a_publication_on_a_platform_is_the_outlet_not_the_platform() {
    let page = |publisher_url: &str| {
        Document::from(format!(
            "<html><head><meta property=\"og:site_name\" content=\"Longform\">\
             <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
             \"headline\":\"Caching images lazily\",\"publisher\":{{\"@type\":\
             \"Organization\",\"name\":\"Harbour Engineering\",\"url\":\"{publisher_url}\"}}}}\
             </script></head><body><p>x</p></body></html>"
        ))
    };
    assert_eq!(
        page_meta(&page("https:\\u002F\\u002Flongform.com\\u002Fharbour-eng"))
            .outlet
            .as_deref(),
        Some("Harbour Engineering")
    );
    // The site's own name wins when the publisher is not a path on the site's host.
    assert_eq!(
        page_meta(&page("https://harbour.example/"))
            .outlet
            .as_deref(),
        Some("Longform")
    );
    assert!(!is_publication_on(
        Some("https://longform.com/"),
        Some("Longform")
    ));
    assert!(is_publication_on(
        Some("https://www.longform.com/a/"),
        Some("Long Form")
    ));
}

#[test]
fn rendering_keeps_paragraphs_and_invisible_characters() {
    let doc = Document::from(
        "<body><p>First  line\n of text.</p><p>Zero\u{200B}width and \u{202E}bidi.</p>\
         <p>Line<br>break</p><script>hidden()</script><ul><li>One</li><li>Two</li></ul></body>",
    );
    let paragraphs = doc
        .body()
        .map(|b| render_paragraphs(&b))
        .unwrap_or_default();
    assert_eq!(
        paragraphs,
        [
            "First line of text.",
            "Zero\u{200B}width and \u{202E}bidi.",
            "Line\nbreak",
            "One",
            "Two"
        ]
    );
}
