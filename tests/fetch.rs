//! Fetching articles over HTTP, against a tiny server on 127.0.0.1 started inside each test
//! (no test touches any other address): pages, errors, redirects, size caps, timeouts, and the
//! command line's `import URL` and `compare URL …`.

// Test code: a failed unwrap or expect should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use claimdiff::analysis::claims::extract;
use claimdiff::ingest::fetch::{FetchError, FetchLimits, fetch_article, fetch_article_with};

/// What the server does for one request.
struct Reply {
    /// Wait this long before answering (a slow server).
    delay: Duration,
    /// The raw HTTP response.
    bytes: Vec<u8>,
}

fn response(status: &str, headers: &[(&str, String)], body: &[u8]) -> Reply {
    let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    Reply {
        delay: Duration::ZERO,
        bytes,
    }
}

fn page(content_type: &str, body: &[u8]) -> Reply {
    response(
        "200 OK",
        &[
            ("Content-Type", content_type.to_owned()),
            ("Content-Length", body.len().to_string()),
        ],
        body,
    )
}

/// A one-thread HTTP server on 127.0.0.1 that answers each request with `route(path)`. It stops
/// when dropped, and on its own after 30 seconds.
struct Server {
    base: String,
    stop: Arc<AtomicBool>,
    requests: Arc<AtomicUsize>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start(route: impl Fn(&str) -> Reply + Send + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        listener.set_nonblocking(true).expect("nonblocking");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(AtomicUsize::new(0));
        let (stop_flag, count) = (Arc::clone(&stop), Arc::clone(&requests));
        let thread = std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(30);
            while !stop_flag.load(Ordering::SeqCst) && Instant::now() < deadline {
                match listener.accept() {
                    Ok((stream, _)) => {
                        count.fetch_add(1, Ordering::SeqCst);
                        serve_one(stream, &route, &stop_flag);
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Self {
            base,
            stop,
            requests,
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve_one(mut stream: TcpStream, route: &impl Fn(&str) -> Reply, stop: &AtomicBool) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let mut request = Vec::new();
    let mut buf = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") && request.len() < 64 * 1024 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&request);
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let reply = route(&path);
    let until = Instant::now() + reply.delay;
    while Instant::now() < until && !stop.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = stream.write_all(&reply.bytes);
    let _ = stream.flush();
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/html")
            .join(name),
    )
    .expect("fixture")
}

fn quick() -> FetchLimits {
    FetchLimits {
        timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(5),
        ..FetchLimits::default()
    }
}

#[test]
fn html_page_is_fetched_and_keeps_its_address() {
    let html = fixture("courier_bridge.html");
    let server = Server::start(move |_| page("text/html; charset=utf-8", &html));
    let url = server.url("/news/bridge");
    let article = fetch_article(&url).expect("fetches");
    assert_eq!(
        article.meta.headline,
        "Harbour bridge reopens after six weeks of repairs"
    );
    assert_eq!(article.meta.outlet, "The Kessling Courier");
    assert_eq!(article.meta.author.as_deref(), Some("Mara Lindqvist"));
    assert_eq!(article.meta.date.as_deref(), Some("2026-03-02"));
    assert_eq!(article.meta.url.as_deref(), Some(url.as_str()));
    assert_eq!(article.meta.origin.as_deref(), Some(url.as_str()));
    assert!(article.text.contains(&format!("URL: {url}")));
    let claims = extract(std::slice::from_ref(&article));
    assert_eq!(claims.len(), 11);
    assert!(!claims.iter().any(|c| c.text.contains("cookies")));
}

#[test]
fn plain_text_is_imported_as_text() {
    let server = Server::start(|_| {
        page(
            "text/plain",
            b"Pier closes for winter\nOutlet: Coast Log\n\nThe pier will close from 1 November for repairs, the council said.\n",
        )
    });
    let url = server.url("/pier.txt");
    let article = fetch_article_with(&url, &quick()).expect("fetches");
    assert_eq!(article.meta.headline, "Pier closes for winter");
    assert_eq!(article.meta.outlet, "Coast Log");
    assert_eq!(article.meta.url.as_deref(), Some(url.as_str()));
}

#[test]
fn error_statuses_are_named() {
    let server = Server::start(|path| match path {
        "/missing" => response(
            "404 Not Found",
            &[("Content-Length", "9".into())],
            b"not found",
        ),
        _ => response(
            "500 Internal Server Error",
            &[("Content-Length", "0".into())],
            b"",
        ),
    });
    let url = server.url("/missing");
    let err = fetch_article_with(&url, &quick()).expect_err("404");
    assert!(
        matches!(err, FetchError::Status { code: 404, .. }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!("Can't fetch '{url}': the server answered 404 Not Found")
    );
    assert_eq!(err.url(), url);
    let err = fetch_article_with(&server.url("/broken"), &quick()).expect_err("500");
    assert!(
        err.to_string()
            .ends_with("the server answered 500 Internal Server Error"),
        "{err}"
    );
}

#[test]
fn redirects_are_followed_up_to_the_limit() {
    let html = fixture("valmont_cp1252.html");
    let server = Server::start(move |path| {
        let hop = |to: &str| {
            response(
                "302 Found",
                &[("Location", to.to_owned()), ("Content-Length", "0".into())],
                b"",
            )
        };
        match path {
            "/a" => hop("/b"),
            "/b" => hop("/c"),
            "/c" => hop("/story"),
            "/story" => page("text/html", &html),
            p => {
                // /loop/N → /loop/N+1, forever.
                let n: usize = p.trim_start_matches("/loop/").parse().unwrap_or(0);
                hop(&format!("/loop/{}", n + 1))
            }
        }
    });
    let url = server.url("/a");
    let article = fetch_article_with(&url, &quick()).expect("three redirects are fine");
    assert_eq!(article.meta.outlet, "Valmont Gazette");
    assert_eq!(article.meta.url.as_deref(), Some(url.as_str()));

    let looping = server.url("/loop/0");
    let err = fetch_article_with(&looping, &quick()).expect_err("endless redirects");
    assert!(
        matches!(err, FetchError::TooManyRedirects { limit: 5, .. }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!("Can't fetch '{looping}': it redirects more than 5 times")
    );
    assert!(
        server.requests() <= 1 + 3 + 7,
        "{} requests",
        server.requests()
    );
}

#[test]
fn oversized_bodies_are_refused_while_streaming() {
    let big = vec![b'a'; 1024 * 1024];
    let server = Server::start(move |path| {
        if path == "/declared" {
            page("text/html", &big)
        } else {
            // No Content-Length: the body ends when the connection closes.
            response("200 OK", &[("Content-Type", "text/html".into())], &big)
        }
    });
    let limits = FetchLimits {
        max_bytes: 64 * 1024,
        ..quick()
    };
    for path in ["/declared", "/streamed"] {
        let url = server.url(path);
        let err = fetch_article_with(&url, &limits).expect_err("too large");
        assert!(
            matches!(
                err,
                FetchError::TooLarge {
                    limit_bytes: 65536,
                    ..
                }
            ),
            "{path}: {err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!("Can't fetch '{url}': the page is larger than 64 KB")
        );
    }
}

#[test]
fn slow_servers_time_out() {
    let server = Server::start(|_| {
        let mut reply = page("text/html", b"<p>late</p>");
        reply.delay = Duration::from_secs(3);
        reply
    });
    let url = server.url("/slow");
    let limits = FetchLimits {
        timeout: Duration::from_millis(300),
        ..quick()
    };
    let started = Instant::now();
    let err = fetch_article_with(&url, &limits).expect_err("times out");
    assert!(
        started.elapsed() < Duration::from_millis(2500),
        "{:?}",
        started.elapsed()
    );
    assert!(matches!(err, FetchError::Timeout { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!("Can't fetch '{url}': timed out after 0.3 s")
    );
}

#[test]
fn closed_port_is_a_refused_connection() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("address").port()
    };
    let url = format!("http://127.0.0.1:{port}/story");
    let err = fetch_article_with(&url, &quick()).expect_err("nothing listens");
    assert!(matches!(err, FetchError::Refused { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!("Can't fetch '{url}': the server refused the connection")
    );
}

#[test]
fn other_schemes_are_refused_without_connecting() {
    let server = Server::start(|_| page("text/html", b"<p>never</p>"));
    let port = server.base.rsplit(':').next().unwrap_or("0").to_owned();
    for url in [
        format!("ftp://127.0.0.1:{port}/story"),
        "file:///etc/passwd".to_owned(),
        "javascript:alert(1)".to_owned(),
        format!("gopher://127.0.0.1:{port}/"),
    ] {
        let err = fetch_article_with(&url, &quick()).expect_err("refused");
        assert!(
            matches!(err, FetchError::UnsupportedScheme { .. }),
            "{url}: {err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!("Can't fetch '{url}': only http:// and https:// addresses can be fetched")
        );
    }
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(server.requests(), 0);
}

#[test]
fn binary_downloads_are_refused_by_content() {
    let png = fixture("image_renamed.html");
    let server = Server::start(move |_| page("text/html", &png));
    let url = server.url("/photo");
    let err = fetch_article_with(&url, &quick()).expect_err("binary");
    assert_eq!(
        err.to_string(),
        format!("Can't import '{url}': it looks like a binary file (PNG image), not text")
    );
}

fn claimdiff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(args)
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .expect("run claimdiff")
}

#[test]
fn command_line_imports_and_compares_links() {
    let courier = fixture("courier_bridge.html");
    let gazette = fixture("valmont_cp1252.html");
    let server = Server::start(move |path| match path {
        "/courier" => page("text/html; charset=utf-8", &courier),
        "/gazette" => page("text/html", &gazette),
        _ => response("404 Not Found", &[("Content-Length", "0".into())], b""),
    });
    let courier_url = server.url("/courier");
    let out = claimdiff(&["import", &courier_url]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Outlet:  The Kessling Courier"), "{stdout}");
    assert!(
        stdout.contains(&format!("URL:     {courier_url}")),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "Traders on Quay Street said footfall fell by almost a third during the closure."
        ),
        "the body text is shown: {stdout}"
    );
    assert!(stdout.contains("11 claims:"), "{stdout}");

    let story = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/story/1-valley-herald.txt")
        .display()
        .to_string();
    let out = claimdiff(&[
        "compare",
        &courier_url,
        &server.url("/gazette"),
        &story,
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let text = report.to_string();
    assert!(
        text.contains("The Kessling Courier") && text.contains("Valmont Gazette"),
        "{text}"
    );

    let missing = server.url("/missing");
    let out = claimdiff(&["compare", &courier_url, &missing]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "Can't fetch '{missing}': the server answered 404 Not Found"
        )),
        "{stderr}"
    );
}
