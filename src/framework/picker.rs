//! The indicator picker's engine. It works on words, not letters: the query and every
//! indicator's text, keywords, domain names and the practitioners' index words for its domain
//! are split into words, folded for case and accents; a query word matches a word of the
//! bank as the same word, another form of it (its stem), a mistyped copy, the start of a
//! longer word, or a word the thesaurus of integration work names with it. Indicators are
//! ranked by how much of the query they cover, rare words weighing more; those that cover
//! all of it come first. No terminal code; the app and the CLI share it.

mod build;
mod expand;
mod query;
mod respell;
mod score;
mod shown;
mod stored;
mod strings;
mod thesaurus;
mod vocab;
mod words;

pub use query::{Query, category_named, cycle_filter};
pub use shown::{Shown, ShownIndicator};

use std::sync::Arc;

use super::Framework;
use super::cache::shown_file_name;
use build::Built;
use expand::{MAX_WORDS, expand};
use score::{Scored, Scoring, idf};
use thesaurus::Thesaurus;

/// Banks from this size keep their word index in the cache, when their banks are cached.
pub const INDEX_CACHE_FROM: usize = 20_000;

/// Banks from this size are built and scored on several threads.
const PARALLEL_FROM: usize = 8_192;

/// A result covering only part of the query is shown only when it scores at least this
/// share of the best result: one weak word of several is not worth a planner's look.
const PARTIAL_FLOOR: f32 = 0.3;

/// How much a weak word ("making", "help") weighs against a word of the subject.
const WEAK: f32 = 0.3;

/// One result: the indicator (by its place in `Framework::indicators()`), its score, the
/// chars of its text to highlight, and the words that led to it from elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    /// The indicator's id (cheap to clone: the app keeps and copies hits).
    pub id: Arc<str>,
    pub score: i64,
    /// Char indices in the indicator's original text.
    pub positions: Vec<usize>,
    /// Keywords, index words or names that matched, as written, and the thesaurus's
    /// steps ("locals -> residents").
    pub via: Vec<String>,
    /// It matches every word of the query (stop words aside); such hits come first.
    pub full: bool,
}

/// How many of a search's results match all the query's words: they come first.
pub fn full_count(hits: &[Hit]) -> usize {
    hits.partition_point(|h| h.full)
}

#[derive(Debug, Clone)]
pub struct Picker {
    built: Built,
    thesaurus: Thesaurus,
}

impl Picker {
    pub fn new(fw: &Framework) -> Picker {
        let n = fw.indicators().count();
        let threads = threads_for(n);
        let key = fw.index_key().filter(|_| n >= INDEX_CACHE_FROM);
        let built = match key {
            Some(key) => {
                let built = stored::load(&key, fw).unwrap_or_else(|| {
                    let built = build::build(fw, threads);
                    stored::store(&key, &built);
                    shown::store(&key, fw);
                    built
                });
                // Kept with the index; written again should it have gone.
                if !key.dir.join(shown_file_name(&key.files)).exists() {
                    shown::store(&key, fw);
                }
                built
            }
            None => build::build(fw, threads),
        };
        Picker {
            built,
            thesaurus: Thesaurus::new(&fw.thesaurus),
        }
    }

    /// The picker and what a listing shows of each indicator, both from the cache, for
    /// `fw` (which holds only the built-in data) with the bank `files` loaded in this order
    /// as `Framework::load_bank_file` would; `None` unless the cache holds both for exactly
    /// those files as they are now. Nothing of the banks is read.
    pub fn cached(fw: &Framework, files: &[std::path::PathBuf]) -> Option<(Picker, Shown)> {
        let key = fw.index_key_for(files)?;
        // Two files, read side by side.
        let (shown, built) = std::thread::scope(|s| {
            let shown = s.spawn(|| shown::load(&key));
            let built = stored::load_without_ids(&key);
            let shown = shown
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (shown, built)
        });
        let shown = shown?;
        let built = stored::with_ids(built?, shown.ids().clone())?;
        let picker = Picker {
            built,
            thesaurus: Thesaurus::new(&fw.thesaurus),
        };
        Some((picker, shown))
    }

    pub fn len(&self) -> usize {
        self.built.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.built.entries.is_empty()
    }

    /// Every indicator that passes the filters and matches the query, best first: those
    /// that match every word, then those that match some; ties keep bank order.
    pub fn search(&self, q: &Query) -> Vec<Hit> {
        self.search_until(q, &|| false).unwrap_or_default()
    }

    /// `search` that gives up (returning `None`) as soon as `cancelled` says so; it is
    /// asked every few thousand indicators, so a newer query need not wait.
    pub fn search_until(
        &self,
        q: &Query,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        let ranked = self.rank_until(q, cancelled)?;
        let n = self.built.entries.len();
        if n > 4096 && cancelled() {
            return None;
        }
        let threads = threads_for(n);
        let per = ranked.len().div_ceil(threads).max(1);
        let explain = |t: usize| -> Vec<Hit> {
            (t * per..((t + 1) * per).min(ranked.len()))
                .filter_map(|k| ranked.hit(k))
                .collect()
        };
        Some(
            in_parallel(threads, explain)
                .into_iter()
                .flatten()
                .collect(),
        )
    }

    /// The results of a query in order, each explained only when asked for (`Ranked::hit`):
    /// what `search` returns, one at a time, so a caller printing 30,000 results never
    /// holds them all.
    pub fn rank(&self, q: &Query) -> Ranked<'_> {
        self.rank_until(q, &|| false).unwrap_or_else(|| Ranked {
            picker: self,
            scoring: None,
            found: Vec::new(),
            all: 0,
        })
    }

    fn rank_until(&self, q: &Query, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Ranked<'_>> {
        let b = &self.built;
        let typed: Vec<String> = q
            .words
            .iter()
            .filter(|w| !words::is_stop_word(w))
            .cloned()
            .collect();
        let (words, weights): (Vec<String>, Vec<f32>) =
            respell::respell(&typed, &b.vocab, &self.thesaurus)
                .into_iter()
                .take(MAX_WORDS)
                .unzip();
        if words.is_empty() && !q.words.is_empty() {
            // Only stop words: nothing in them says what to look for.
            return Some(Ranked {
                picker: self,
                scoring: None,
                found: Vec::new(),
                all: 0,
            });
        }
        let matches = expand(&words, &b.vocab, &self.thesaurus, b.entries.len());
        let per_domain = score::per_domain(b, &words, &matches);
        let n = b.entries.len();
        let idf = (0..words.len())
            .map(|i| {
                // How rare the word is as typed: the thesaurus's words count only for a
                // word the bank does not hold, or a rare word would weigh as little as the
                // common words it leads to ("places" is not "community").
                let (mut df, mut direct): (u32, u32) = (0, 0);
                for (w, &s) in matches.slot.iter().enumerate() {
                    let Some(row) = (s != 0).then(|| &matches.rows[s as usize - 1]) else {
                        continue;
                    };
                    if row.quality[i] > 0.0 {
                        df = df.saturating_add(b.vocab.df(w as u32));
                        if row.thesaurus & (1 << i) == 0 {
                            direct = direct.saturating_add(b.vocab.df(w as u32));
                        }
                    }
                }
                if direct > 0 {
                    df = direct;
                }
                // How specific a word is shows in the indicators' own words; the index
                // and the names count only for a word found nowhere else.
                let in_domains = per_domain
                    .iter()
                    .enumerate()
                    .filter(|(_, per)| df == 0 && per.get(i).is_some_and(|p| p.0 > 0.0));
                for (d, _) in in_domains.collect::<Vec<_>>() {
                    {
                        df = df.saturating_add(b.domain_sizes.get(d).copied().unwrap_or(0));
                    }
                }
                idf(df, n) * weights.get(i).copied().unwrap_or(1.0)
            })
            .collect::<Vec<f32>>();
        // A word found nowhere still counts against a full match (none is shown as one),
        // but the others rank as they would without it; weak words stand in for the subject
        // when no word of it is known.
        let found_anywhere: Vec<bool> = (0..words.len())
            .map(|i| {
                matches.rows.iter().any(|r| r.quality[i] > 0.0)
                    || per_domain
                        .iter()
                        .any(|per| per.get(i).is_some_and(|p| p.0 > 0.0))
            })
            .collect();
        let weak: Vec<bool> = words.iter().map(|w| words::is_weak_word(w)).collect();
        let subject_known = (0..words.len()).any(|i| !weak[i] && found_anywhere[i]);
        let required: Vec<bool> = (0..words.len())
            .map(|i| !weak[i] || !subject_known)
            .collect();
        let idf = idf
            .iter()
            .zip(&required)
            .map(|(f, r)| if *r { *f } else { WEAK * f })
            .collect();
        let scoring = Scoring {
            words,
            matches,
            idf,
            required: required.clone(),
            per_domain,
        };
        let category = q
            .category
            .as_ref()
            .map(|c| b.categories.iter().position(|x| x == c).map(|i| i as u8));
        let threads = threads_for(n);
        let chunk = n.div_ceil(threads).max(1);
        let scan = |from: usize| -> Option<Vec<(usize, Scored)>> {
            let mut found = Vec::new();
            let end = (from + chunk).min(n);
            for (index, e) in b.entries[from..end].iter().enumerate() {
                let index = from + index;
                if index % 4096 == 4095 && cancelled() {
                    return None;
                }
                if q.domain.is_some_and(|d| d != e.domain)
                    || category.is_some_and(|c| c != Some(e.category))
                    || q.perspective.is_some_and(|p| p != e.perspective)
                {
                    continue;
                }
                if scoring.words.is_empty() {
                    found.push((
                        index,
                        Scored {
                            score: 0.0,
                            covered: 0,
                        },
                    ));
                } else if let Some(s) = scoring.score(b, e).filter(|s| s.covered > 0) {
                    // A result that holds only weak words is none.
                    found.push((index, s));
                }
            }
            Some(found)
        };
        let mut found = Vec::new();
        for part in in_parallel(threads, |t| scan(t * chunk)) {
            found.extend(part?);
        }
        let all = required.iter().filter(|r| **r).count();
        let top = found.iter().map(|(_, s)| s.score).fold(0.0, f32::max);
        found.retain(|(_, s)| s.covered == all || s.score >= PARTIAL_FLOOR * top);
        found.sort_by(|(ia, a), (ib, z)| {
            (z.covered == all)
                .cmp(&(a.covered == all))
                .then(z.score.total_cmp(&a.score))
                .then(ia.cmp(ib))
        });
        Some(Ranked {
            picker: self,
            scoring: Some(scoring),
            found,
            all,
        })
    }
}

/// A query's results in order (see `Picker::rank`).
pub struct Ranked<'p> {
    picker: &'p Picker,
    /// `None` when the query had nothing to look for.
    scoring: Option<Scoring>,
    found: Vec<(usize, Scored)>,
    /// How many words a result must hold to match all of the query.
    all: usize,
}

impl Ranked<'_> {
    pub fn len(&self) -> usize {
        self.found.len()
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// How many results match all the query's words: they come first.
    pub fn full_count(&self) -> usize {
        self.found.partition_point(|(_, s)| s.covered == self.all)
    }

    /// The `k`th result, explained.
    pub fn hit(&self, k: usize) -> Option<Hit> {
        let &(index, s) = self.found.get(k)?;
        let e = self.picker.built.entries.get(index)?;
        let (mut positions, via) = match &self.scoring {
            Some(scoring) => scoring.explain(&self.picker.built, e),
            None => (Vec::new(), Vec::new()),
        };
        positions.sort_unstable();
        positions.dedup();
        Some(Hit {
            index,
            id: Arc::from(self.picker.built.ids.get(index as u32)),
            score: (s.score * 1000.0).round() as i64,
            positions,
            via,
            full: s.covered == self.all,
        })
    }
}

/// `f` for each of `threads` slices, in order; on this thread when there is one.
fn in_parallel<T: Send>(threads: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    if threads <= 1 {
        return vec![f(0)];
    }
    std::thread::scope(|s| {
        let f = &f;
        let handles: Vec<_> = (0..threads).map(|t| s.spawn(move || f(t))).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Large banks are built and scored in parallel slices; small ones are not worth a thread.
fn threads_for(entries: usize) -> usize {
    if entries < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    }
}

#[cfg(test)]
mod mechanism_tests;
#[cfg(test)]
mod phrase_tests;
#[cfg(test)]
mod tests;
