//! Fetching an article from the web: `claimdiff compare https://…` and File ▸ Open link….
//!
//! [`fetch_article`] downloads one page over HTTP(S) — with a total timeout, a connect timeout,
//! a size cap enforced while the body streams in, and a redirect limit; only `http://` and
//! `https://` addresses — then imports it as HTML (or as text for `text/plain`) with
//! [`import_download`]. The article keeps its address in `meta.url` and `meta.origin`.
//!
//! Every failure is one sentence naming the address and what went wrong ("Can't fetch
//! 'https://…': the server answered 404 Not Found").
//!
//! The call blocks for up to the timeout: call it off the UI thread.
//!
//! TLS: the platform's own TLS on macOS and Windows (native-tls: Security.framework and
//! SChannel, with the system's trusted roots), rustls with `ring` and the Mozilla root
//! certificates elsewhere. Neither needs a C compiler for the Apple targets.

use std::io;
use std::time::Duration;

use super::article::Article;
use super::error::ImportError;
use super::reader::import_download;

/// The limits of one fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchLimits {
    /// The whole fetch — connecting, redirects and the body — must finish within this.
    pub timeout: Duration,
    /// Connecting (DNS, TCP and TLS) must finish within this.
    pub connect_timeout: Duration,
    /// Largest body accepted, in bytes (after decompression); checked while it streams in.
    pub max_bytes: u64,
    /// Most redirects followed.
    pub max_redirects: u32,
}

impl Default for FetchLimits {
    /// 20 s in all (connecting included), 20 MiB, 5 redirects.
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(20),
            connect_timeout: Duration::from_secs(20),
            max_bytes: super::error::MAX_ARTICLE_BYTES,
            max_redirects: 5,
        }
    }
}

/// Why a page could not be fetched. Each message is one sentence naming the address.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The text is not a web address.
    #[error("Can't fetch '{url}': it is not a web address ({reason})")]
    BadUrl {
        /// The address as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The address is not `http://` or `https://` (`file:`, `ftp:`, `javascript:` …).
    #[error("Can't fetch '{url}': only http:// and https:// addresses can be fetched")]
    UnsupportedScheme {
        /// The address as given.
        url: String,
    },
    /// The server answered with an error status.
    #[error("Can't fetch '{url}': the server answered {status}")]
    Status {
        /// The address as given.
        url: String,
        /// The HTTP status code.
        code: u16,
        /// The status as shown: "404 Not Found".
        status: String,
    },
    /// The server's name could not be looked up.
    #[error(
        "Can't fetch '{url}': couldn't find the server '{host}' (no network connection, or the address is wrong)"
    )]
    HostNotFound {
        /// The address as given.
        url: String,
        /// The server's name.
        host: String,
    },
    /// Nothing answered at the server's address.
    #[error("Can't fetch '{url}': the server refused the connection")]
    Refused {
        /// The address as given.
        url: String,
    },
    /// The network is down or unreachable.
    #[error("Can't fetch '{url}': no network connection ({detail})")]
    NoConnection {
        /// The address as given.
        url: String,
        /// What the system reported.
        detail: String,
    },
    /// The fetch took longer than the timeout.
    #[error("Can't fetch '{url}': timed out after {}", seconds(*timeout))]
    Timeout {
        /// The address as given.
        url: String,
        /// The timeout that ran out.
        timeout: Duration,
    },
    /// The page is larger than the size cap.
    #[error("Can't fetch '{url}': the page is larger than {}", megabytes(*limit_bytes))]
    TooLarge {
        /// The address as given.
        url: String,
        /// The cap, in bytes.
        limit_bytes: u64,
    },
    /// The server redirected more often than allowed.
    #[error("Can't fetch '{url}': it redirects more than {limit} times")]
    TooManyRedirects {
        /// The address as given.
        url: String,
        /// The redirect limit.
        limit: u32,
    },
    /// The secure connection could not be set up (certificate, protocol …).
    #[error("Can't fetch '{url}': the secure connection failed ({detail})")]
    Tls {
        /// The address as given.
        url: String,
        /// What the TLS library reported.
        detail: String,
    },
    /// Any other failure of the connection or the HTTP exchange.
    #[error("Can't fetch '{url}': {detail}")]
    Other {
        /// The address as given.
        url: String,
        /// What went wrong.
        detail: String,
    },
    /// The page arrived but is not an article (binary, empty, no text …).
    #[error(transparent)]
    Import(#[from] ImportError),
}

impl FetchError {
    /// The address this error is about, as given.
    pub fn url(&self) -> &str {
        match self {
            Self::BadUrl { url, .. }
            | Self::UnsupportedScheme { url }
            | Self::Status { url, .. }
            | Self::HostNotFound { url, .. }
            | Self::Refused { url }
            | Self::NoConnection { url, .. }
            | Self::Timeout { url, .. }
            | Self::TooLarge { url, .. }
            | Self::TooManyRedirects { url, .. }
            | Self::Tls { url, .. }
            | Self::Other { url, .. } => url,
            Self::Import(e) => e.path(),
        }
    }
}

/// "20 s", "0.3 s".
fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if (s - s.round()).abs() < 1e-9 {
        format!("{} s", s.round())
    } else {
        format!("{s:.1} s")
    }
}

/// "20 MB", "64 KB".
fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{} MB", bytes.div_ceil(MB))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// True when `arg` is an `http://` or `https://` address (how the command line tells links
/// from file names).
pub fn is_web_address(arg: &str) -> bool {
    let lower = arg.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Checks `url` and returns it trimmed, with `https://` added to a bare "example.com/story".
fn checked_url(url: &str) -> Result<String, FetchError> {
    let given = url.trim();
    let bad = |reason: &str| FetchError::BadUrl {
        url: given.to_owned(),
        reason: reason.to_owned(),
    };
    if given.is_empty() {
        return Err(bad("it is empty"));
    }
    if given.chars().any(char::is_whitespace) {
        return Err(bad("it contains spaces"));
    }
    let scheme_end = given.find(':');
    let first_slash = given.find('/').unwrap_or(given.len());
    let full = match scheme_end {
        Some(colon)
            if colon < first_slash
                && !given[colon + 1..].starts_with(|c: char| c.is_ascii_digit()) =>
        {
            let scheme = given[..colon].to_ascii_lowercase();
            if scheme != "http" && scheme != "https" {
                return Err(FetchError::UnsupportedScheme {
                    url: given.to_owned(),
                });
            }
            if !given[colon + 1..].starts_with("//") {
                return Err(bad("no '//' after the scheme"));
            }
            given.to_owned()
        }
        _ if given[..first_slash].contains('.') || given.starts_with("localhost") => {
            format!("https://{given}")
        }
        _ => return Err(bad("it should start with http:// or https://")),
    };
    let host = host_of(&full);
    if host.is_empty() {
        return Err(bad("it names no server"));
    }
    Ok(full)
}

/// The host part of an absolute address ("example.com", "127.0.0.1", "[::1]").
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    if authority.starts_with('[') {
        return authority
            .split(']')
            .next()
            .map(|h| format!("{h}]"))
            .unwrap_or_default();
    }
    authority.split(':').next().unwrap_or("").to_owned()
}

/// True for names that always mean this machine (no proxy may be used for them).
fn is_loopback(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    host == "localhost" || host.starts_with("127.") || host == "[::1]"
}

/// Fetches the page at `url` with the default [`FetchLimits`] and imports it as an article.
///
/// Blocks for up to 20 seconds: call it off the UI thread. The article's `meta.url` and
/// `meta.origin` are the address as given (with `https://` added to a bare "example.com/…").
pub fn fetch_article(url: &str) -> Result<Article, FetchError> {
    fetch_article_with(url, &FetchLimits::default())
}

/// [`fetch_article`] with explicit limits (tests use short timeouts and small caps).
pub fn fetch_article_with(url: &str, limits: &FetchLimits) -> Result<Article, FetchError> {
    let url = checked_url(url)?;
    let (bytes, content_type) = download(&url, limits)?;
    Ok(import_download(&bytes, &url, content_type.as_deref())?)
}

/// The HTTP agent for one fetch.
fn agent(host: &str, limits: &FetchLimits) -> ureq::Agent {
    let mut config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .https_only(false)
        .max_redirects(limits.max_redirects)
        .max_redirects_will_error(true)
        .timeout_global(Some(limits.timeout))
        .timeout_connect(Some(limits.connect_timeout.min(limits.timeout)))
        .user_agent(concat!("claimdiff/", env!("CARGO_PKG_VERSION")))
        .accept("text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
        .tls_config(tls_config());
    if is_loopback(host) {
        config = config.proxy(None);
    }
    config.build().new_agent()
}

/// The platform's TLS with the system's trusted roots (macOS, Windows).
#[cfg(any(target_os = "macos", target_os = "windows"))]
fn tls_config() -> ureq::tls::TlsConfig {
    ureq::tls::TlsConfig::builder()
        .provider(ureq::tls::TlsProvider::NativeTls)
        .root_certs(ureq::tls::RootCerts::PlatformVerifier)
        .build()
}

/// rustls with the Mozilla root certificates (Linux and other systems).
#[cfg(not(any(target_os = "macos", target_os = "windows")))]
fn tls_config() -> ureq::tls::TlsConfig {
    ureq::tls::TlsConfig::builder()
        .provider(ureq::tls::TlsProvider::Rustls)
        .root_certs(ureq::tls::RootCerts::WebPki)
        .build()
}

/// Downloads `url`: the body (at most `limits.max_bytes`) and the `Content-Type` header.
fn download(url: &str, limits: &FetchLimits) -> Result<(Vec<u8>, Option<String>), FetchError> {
    let host = host_of(url);
    let fail = |e: ureq::Error| map_error(e, url, &host, limits);
    let mut response = agent(&host, limits).get(url).call().map_err(fail)?;
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status {
            url: url.to_owned(),
            code: status.as_u16(),
            status: match status.canonical_reason() {
                Some(reason) => format!("{} {reason}", status.as_u16()),
                None => status.as_u16().to_string(),
            },
        });
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let content_type = header("content-type");
    let too_large = || FetchError::TooLarge {
        url: url.to_owned(),
        limit_bytes: limits.max_bytes,
    };
    let declared_length = header("content-length").and_then(|v| v.trim().parse::<u64>().ok());
    if declared_length.is_some_and(|len| len > limits.max_bytes) {
        return Err(too_large());
    }
    let bytes = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(fail)?;
    Ok((bytes, content_type))
}

/// The clearest [`FetchError`] for an error from the HTTP client.
fn map_error(error: ureq::Error, url: &str, host: &str, limits: &FetchLimits) -> FetchError {
    let url_owned = url.to_owned();
    match error {
        ureq::Error::Timeout(_) => FetchError::Timeout {
            url: url_owned,
            timeout: limits.timeout,
        },
        ureq::Error::HostNotFound => FetchError::HostNotFound {
            url: url_owned,
            host: host.to_owned(),
        },
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects {
            url: url_owned,
            limit: limits.max_redirects,
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            url: url_owned,
            limit_bytes: limits.max_bytes,
        },
        ureq::Error::BadUri(reason) => FetchError::BadUrl {
            url: url_owned,
            reason,
        },
        ureq::Error::StatusCode(code) => FetchError::Status {
            url: url_owned,
            code,
            status: code.to_string(),
        },
        ureq::Error::ConnectionFailed => FetchError::NoConnection {
            url: url_owned,
            detail: "the connection failed".to_owned(),
        },
        ureq::Error::Tls(detail) => FetchError::Tls {
            url: url_owned,
            detail: detail.to_owned(),
        },
        ureq::Error::Io(e) => map_io_error(e, url_owned, limits),
        ureq::Error::Protocol(e) => FetchError::Other {
            url: url_owned,
            detail: format!("the server's answer is not valid HTTP ({e})"),
        },
        other => {
            let detail = other.to_string();
            let lower = detail.to_ascii_lowercase();
            if lower.contains("tls") || lower.contains("certificate") || lower.contains("handshake")
            {
                FetchError::Tls {
                    url: url_owned,
                    detail,
                }
            } else {
                FetchError::Other {
                    url: url_owned,
                    detail,
                }
            }
        }
    }
}

/// The clearest [`FetchError`] for an I/O error on the connection.
fn map_io_error(error: io::Error, url: String, limits: &FetchLimits) -> FetchError {
    // Errors from inside the client (a body over the limit, a timeout) may arrive wrapped.
    if let Some(inner) = error
        .get_ref()
        .and_then(|e| e.downcast_ref::<ureq::Error>())
    {
        match inner {
            ureq::Error::BodyExceedsLimit(_) => {
                return FetchError::TooLarge {
                    url,
                    limit_bytes: limits.max_bytes,
                };
            }
            ureq::Error::Timeout(_) => {
                return FetchError::Timeout {
                    url,
                    timeout: limits.timeout,
                };
            }
            _ => {}
        }
    }
    match error.kind() {
        io::ErrorKind::ConnectionRefused => FetchError::Refused { url },
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => FetchError::Timeout {
            url,
            timeout: limits.timeout,
        },
        io::ErrorKind::NetworkUnreachable
        | io::ErrorKind::NetworkDown
        | io::ErrorKind::HostUnreachable
        | io::ErrorKind::AddrNotAvailable => FetchError::NoConnection {
            url,
            detail: error.to_string(),
        },
        io::ErrorKind::ConnectionReset
        | io::ErrorKind::ConnectionAborted
        | io::ErrorKind::UnexpectedEof
        | io::ErrorKind::BrokenPipe => FetchError::Other {
            url,
            detail: format!("the server closed the connection ({error})"),
        },
        _ => FetchError::Other {
            url,
            detail: error.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked_before_any_connection() {
        assert!(matches!(
            checked_url("ftp://127.0.0.1/story"),
            Err(FetchError::UnsupportedScheme { .. })
        ));
        assert!(matches!(
            checked_url("file:///etc/passwd"),
            Err(FetchError::UnsupportedScheme { .. })
        ));
        assert!(matches!(
            checked_url("javascript:alert(1)"),
            Err(FetchError::UnsupportedScheme { .. })
        ));
        assert!(matches!(checked_url("  "), Err(FetchError::BadUrl { .. })));
        assert!(matches!(
            checked_url("not a url"),
            Err(FetchError::BadUrl { .. })
        ));
        assert!(matches!(
            checked_url("https://"),
            Err(FetchError::BadUrl { .. })
        ));
        assert_eq!(
            checked_url("news.example/story").ok().as_deref(),
            Some("https://news.example/story")
        );
        assert_eq!(
            checked_url(" HTTP://127.0.0.1:8080/a ").ok().as_deref(),
            Some("HTTP://127.0.0.1:8080/a")
        );
        assert_eq!(
            checked_url("localhost:8080/a").ok().as_deref(),
            Some("https://localhost:8080/a")
        );
    }

    #[test]
    fn hosts_and_loopback() {
        assert_eq!(host_of("https://user@news.example:443/a?b"), "news.example");
        assert_eq!(host_of("http://[::1]:80/"), "[::1]");
        assert!(is_loopback("127.0.0.1") && is_loopback("LOCALHOST") && is_loopback("[::1]"));
        assert!(!is_loopback("news.example"));
        assert!(is_web_address("https://x.example") && is_web_address("HTTP://x"));
        assert!(!is_web_address("story.html") && !is_web_address("ftp://x"));
    }

    #[test]
    fn messages_are_one_sentence_naming_the_address() {
        let url = "https://news.example/a".to_owned();
        let timeout = FetchError::Timeout {
            url: url.clone(),
            timeout: Duration::from_secs(20),
        };
        assert_eq!(
            timeout.to_string(),
            "Can't fetch 'https://news.example/a': timed out after 20 s"
        );
        let short = FetchError::Timeout {
            url: url.clone(),
            timeout: Duration::from_millis(300),
        };
        assert!(short.to_string().ends_with("timed out after 0.3 s"));
        let large = FetchError::TooLarge {
            url,
            limit_bytes: 20 * 1024 * 1024,
        };
        assert!(large.to_string().ends_with("the page is larger than 20 MB"));
        assert_eq!(large.url(), "https://news.example/a");
    }
}
