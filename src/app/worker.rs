//! Re-analysis after every change: inline for small inputs, on a worker thread otherwise, so the
//! window never freezes. At most one worker runs; a change made meanwhile waits for it and then
//! starts the next run with the newest articles.

use super::labels::{ArticleLabels, article_labels};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::blocks::{Block, article_blocks};
use super::state::ArticleKey;
use crate::analysis::{Comparison, Decisions, MatchSettings, compare};
use crate::workspace::ArticleEntry;

/// Inputs up to this many bytes of text are analysed inline (well under a frame).
pub(crate) const INLINE_MAX_BYTES: usize = 12 * 1024;

/// A finished analysis and the per-article data the columns draw from it.
#[derive(Debug, Default)]
pub(crate) struct Analysed {
    /// The comparison.
    pub(crate) comparison: Comparison,
    /// The key of each analysed article (same order as `comparison.articles`).
    pub(crate) keys: Vec<ArticleKey>,
    /// Column blocks of each article.
    pub(crate) blocks: Vec<Vec<Block>>,
    /// Which request produced it.
    pub(crate) generation: u64,
    /// Names and short labels that tell the articles apart.
    pub(crate) labels: ArticleLabels,
}

impl Analysed {
    /// The position in the comparison of the article with this key.
    pub(crate) fn article_of(&self, key: ArticleKey) -> Option<usize> {
        self.keys.iter().position(|k| *k == key)
    }
}

/// What to analyse.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    /// The articles as the user has them.
    pub(crate) entries: Vec<ArticleEntry>,
    /// Their keys.
    pub(crate) keys: Vec<ArticleKey>,
    /// The user's links and unlinks.
    pub(crate) decisions: Decisions,
    /// Matching thresholds.
    pub(crate) settings: MatchSettings,
}

impl Request {
    fn text_bytes(&self) -> usize {
        self.entries.iter().map(|e| e.text.len()).sum()
    }
}

/// Run the whole analysis for a request.
pub(crate) fn analyse(request: Request, generation: u64) -> Analysed {
    let articles: Vec<_> = request
        .entries
        .iter()
        .map(ArticleEntry::to_article)
        .collect();
    let comparison = compare(&articles, &request.decisions, &request.settings);
    let mut claims_by_article = vec![Vec::new(); comparison.articles.len()];
    for (index, claim) in comparison.claims.iter().enumerate() {
        if let Some(list) = claims_by_article.get_mut(claim.article) {
            list.push(index);
        }
    }
    let blocks = comparison
        .articles
        .iter()
        .zip(&claims_by_article)
        .map(|(article, claims)| {
            let spans: Vec<_> = claims
                .iter()
                .map(|&c| (c, comparison.claims[c].span))
                .collect();
            article_blocks(article, &spans)
        })
        .collect();
    let labels = article_labels(comparison.articles.iter().map(|a| &a.meta));
    Analysed {
        comparison,
        keys: request.keys,
        blocks,
        generation,
        labels,
    }
}

/// What happened since the last poll.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Poll {
    /// Nothing new.
    Idle,
    /// A new comparison replaced the old one.
    Updated,
    /// The analysis failed (a bug); the old comparison stays.
    Failed,
}

struct Job {
    generation: u64,
    receiver: Receiver<Analysed>,
}

/// The current comparison and the analysis work in flight.
pub(crate) struct Analyser {
    current: Analysed,
    job: Option<Job>,
    waiting: Option<Request>,
    generation: u64,
    inline_max_bytes: usize,
}

impl std::fmt::Debug for Analyser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyser")
            .field("generation", &self.generation)
            .field("busy", &self.is_busy())
            .finish_non_exhaustive()
    }
}

impl Default for Analyser {
    fn default() -> Self {
        Self {
            current: Analysed::default(),
            job: None,
            waiting: None,
            generation: 0,
            inline_max_bytes: INLINE_MAX_BYTES,
        }
    }
}

impl Analyser {
    /// The latest finished analysis (possibly older than the workspace while busy).
    pub(crate) fn current(&self) -> &Analysed {
        &self.current
    }

    /// The latest analysis, to edit in unit tests.
    #[cfg(test)]
    pub(crate) fn current_mut(&mut self) -> &mut Analysed {
        &mut self.current
    }

    /// True while an analysis runs or waits to run.
    pub(crate) fn is_busy(&self) -> bool {
        self.job.is_some() || self.waiting.is_some()
    }

    /// Change the size up to which analysis runs inline (0: always on a worker).
    pub(crate) fn set_inline_max_bytes(&mut self, bytes: usize) {
        self.inline_max_bytes = bytes;
    }

    /// Analyse `request`, inline when it is small, else on a worker. Returns false when an inline
    /// analysis failed.
    pub(crate) fn request(&mut self, request: Request) -> bool {
        self.generation += 1;
        if self.job.is_some() {
            self.waiting = Some(request);
            return true;
        }
        if request.text_bytes() <= self.inline_max_bytes {
            let generation = self.generation;
            match catch_unwind(AssertUnwindSafe(|| analyse(request, generation))) {
                Ok(analysed) => {
                    self.current = analysed;
                    true
                }
                Err(_) => false,
            }
        } else {
            self.spawn(request);
            true
        }
    }

    fn spawn(&mut self, request: Request) {
        let (sender, receiver) = mpsc::channel();
        let generation = self.generation;
        let spawned = std::thread::Builder::new()
            .name("claimdiff-analysis".into())
            .spawn(move || {
                // A send error means the window no longer waits for this result.
                let _ = sender.send(analyse(request, generation));
            });
        // Without a thread the receiver reports a disconnect, which `poll` reports as a failure.
        let _ = spawned;
        self.job = Some(Job {
            generation,
            receiver,
        });
    }

    /// Take a finished result, if any, and start the waiting request.
    pub(crate) fn poll(&mut self) -> Poll {
        let Some(job) = &self.job else {
            return Poll::Idle;
        };
        let outcome = match job.receiver.try_recv() {
            Ok(analysed) => {
                debug_assert_eq!(analysed.generation, job.generation);
                self.current = analysed;
                Poll::Updated
            }
            Err(TryRecvError::Empty) => return Poll::Idle,
            Err(TryRecvError::Disconnected) => Poll::Failed,
        };
        self.job = None;
        if let Some(next) = self.waiting.take() {
            self.spawn(next);
        }
        outcome
    }

    /// Block until all requested analysis is done (tests, benchmarks, startup).
    pub(crate) fn wait(&mut self) -> Poll {
        let mut last = Poll::Idle;
        while let Some(job) = &self.job {
            let outcome = match job.receiver.recv() {
                Ok(analysed) => {
                    self.current = analysed;
                    Poll::Updated
                }
                Err(_) => Poll::Failed,
            };
            self.job = None;
            if let Some(next) = self.waiting.take() {
                self.spawn(next);
            }
            if last != Poll::Failed {
                last = outcome;
            }
        }
        last
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::demo::demo_articles;

    fn demo_request() -> Request {
        let entries: Vec<_> = demo_articles()
            .iter()
            .map(ArticleEntry::from_article)
            .collect();
        let keys = (0..entries.len() as u64).map(ArticleKey).collect();
        Request {
            entries,
            keys,
            decisions: Decisions::default(),
            settings: MatchSettings::default(),
        }
    }

    #[test]
    fn small_input_is_analysed_inline() {
        let mut analyser = Analyser::default();
        assert!(analyser.request(demo_request()));
        assert!(!analyser.is_busy());
        assert_eq!(analyser.current().comparison.articles.len(), 4);
        assert_eq!(analyser.current().blocks.len(), 4);
    }

    #[test]
    fn large_input_runs_on_a_worker_and_the_newest_request_wins() {
        let mut analyser = Analyser::default();
        analyser.set_inline_max_bytes(0);
        analyser.request(demo_request());
        let mut second = demo_request();
        second.entries.truncate(2);
        second.keys.truncate(2);
        analyser.request(second);
        assert!(analyser.is_busy());
        assert_eq!(analyser.wait(), Poll::Updated);
        assert!(!analyser.is_busy());
        assert_eq!(analyser.current().comparison.articles.len(), 2);
    }
}
