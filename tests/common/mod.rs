//! Articles for window tests with many columns, written here (never taken from real coverage).

#![allow(dead_code)]

use claimdiff::ingest::Article;
use claimdiff::ingest::demo::demo_articles;

/// An article of another story (a tram line's late opening), worded for `n` so no two of them
/// share a sentence.
pub fn other_story(outlet: &str, date: Option<&str>, n: usize) -> Article {
    let text = format!(
        "Tram line {n} opens a year late\n\nThe tram line {n} between Carrow and Tarvik opened to \
         passengers on Monday.\n\nIt cost {} million euros, the transport committee of district \
         {n} said.\n",
        200 + n
    );
    let mut article = claimdiff::ingest::import_text(&text, None);
    article.meta.outlet = outlet.to_owned();
    article.meta.date = date.map(str::to_owned);
    article
}

/// The demo's four outlets, then each again later with another story, then two outlets whose
/// initials clash: ten articles.
pub fn ten_articles() -> Vec<Article> {
    let demo = demo_articles();
    let mut articles = demo.clone();
    for (n, original) in demo.iter().enumerate() {
        let date = format!("2026-04-0{}", n + 1);
        articles.push(other_story(&original.meta.outlet, Some(&date), n));
    }
    articles.push(other_story("news.example.com", None, 8));
    articles.push(other_story("Newsweekly", None, 9));
    articles
}

/// The demo's four outlets and `count - 4` more articles of the other story from a handful of
/// outlets that repeat, dated apart.
pub fn many_articles(count: usize) -> Vec<Article> {
    const OUTLETS: [&str; 5] = [
        "Valley Herald",
        "Carrow Times",
        "Northern Wire",
        "Tarvik Post",
        "Harbour Gazette",
    ];
    let mut articles = demo_articles();
    for n in 0..count.saturating_sub(4) {
        let date = format!("2026-05-{:02}", n + 1);
        articles.push(other_story(OUTLETS[n % OUTLETS.len()], Some(&date), n));
    }
    articles
}
