//! The indicator picker's engine: fuzzy matching over every loaded bank, by indicator
//! text and keywords, domain and category names, and the practitioners' index words that
//! point at each indicator's domain. No terminal code; the app and the CLI share it.

mod query;

pub use query::{Query, cycle_filter};

use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::{Framework, Indicator, Perspective};
use crate::text::{fold, fold_with_map};

/// Where a word matched, best first: the indicator's own text, then its own keywords, then
/// the index words that lead to its whole domain, then its domain's and category's names.
const IN_TEXT: i64 = 30_000;
const IN_KEYWORDS: i64 = 25_000;
const IN_INDEX: i64 = 20_000;
const IN_NAMES: i64 = 10_000;
/// How well: a word's start, anywhere in a word, or fuzzily (letters in order).
const AT_WORD_START: i64 = 3_000;
const INSIDE: i64 = 2_000;
const FUZZY: i64 = 1_000;

/// Banks from this size are scored on several threads.
const PARALLEL_FROM: usize = 8_192;

/// Words shorter than this only match exactly (as the start of a word or inside one):
/// "gp" must not match every text with a g before a p.
const FUZZY_MIN_LEN: usize = 4;

/// A word's best match outside the text, with the words it matched.
type Found = Option<(i64, Vec<String>)>;

#[derive(Debug, Clone)]
struct Folded {
    text: String,
    /// Original char index of each folded char; `None` when each is its own (ASCII text,
    /// nearly every bank), which saves a word per character over a big bank.
    map: Option<Box<[u32]>>,
}

impl Folded {
    fn new(s: &str) -> Folded {
        let (text, map) = fold_with_map(s);
        let identity = map.iter().enumerate().all(|(i, &m)| i == m);
        Folded {
            text,
            map: (!identity).then(|| map.into_iter().map(|m| m as u32).collect()),
        }
    }

    /// The original char index of a folded char.
    fn original(&self, i: usize) -> Option<usize> {
        match &self.map {
            None => (i < self.text.len()).then_some(i),
            Some(map) => map.get(i).map(|&m| m as usize),
        }
    }
}

#[derive(Debug, Clone)]
struct Entry {
    id: Arc<str>,
    domain: u8,
    category: String,
    perspective: Perspective,
    text: Folded,
    keywords: Vec<(String, String)>,
}

/// What the index and the names say about one domain.
#[derive(Debug, Clone, Default)]
struct DomainWords {
    /// (original term, folded term) of index entries pointing here.
    index: Vec<(String, String)>,
    /// The domain's and its category's names, folded.
    names: Vec<(String, String)>,
}

/// One result: the indicator (by its place in `Framework::indicators()`), its score, the
/// chars of its text to highlight, and the words that led to it from elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    /// Shared with the engine: a query over a large bank makes many hits.
    pub id: Arc<str>,
    pub score: i64,
    /// Char indices in the indicator's original text.
    pub positions: Vec<usize>,
    /// Keywords, index words or names that matched, as written.
    pub via: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Picker {
    entries: Vec<Entry>,
    /// By domain number (index 0 unused).
    domains: Vec<DomainWords>,
}

impl Picker {
    pub fn new(fw: &Framework) -> Picker {
        let mut domains = vec![DomainWords::default(); 15];
        for d in &fw.domains {
            let Some(slot) = domains.get_mut(d.number as usize) else {
                continue;
            };
            slot.names.push((d.name.clone(), fold(&d.name)));
            if let Some(c) = fw.category(&d.category) {
                slot.names.push((c.name.clone(), fold(&c.name)));
            }
        }
        for e in fw.index.iter().filter(|e| !e.unresolved) {
            let term = e.term.trim_end_matches(['…', ' ', ',']).to_string();
            for d in &e.domains {
                if let Some(slot) = domains.get_mut(*d as usize) {
                    slot.index.push((term.clone(), fold(&term)));
                }
            }
        }
        let all: Vec<&Indicator> = fw.indicators().collect();
        let threads = threads_for(all.len());
        let chunk = all.len().div_ceil(threads).max(1);
        let entries = if threads == 1 {
            all.iter().map(|i| entry(fw, i)).collect()
        } else {
            // A bank of 100,000 indicators is folded on every core, as it is searched.
            std::thread::scope(|s| {
                let parts: Vec<_> = all
                    .chunks(chunk)
                    .map(|part| {
                        s.spawn(move || part.iter().map(|i| entry(fw, i)).collect::<Vec<_>>())
                    })
                    .collect();
                parts
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        Picker { entries, domains }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every indicator that passes the filters and matches every word, best first; ties
    /// keep bank order.
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
        let matcher = SkimMatcherV2::default();
        // Index and name matches depend only on the domain: work them out once.
        let per_domain: Vec<Vec<Found>> = self
            .domains
            .iter()
            .map(|d| {
                q.words
                    .iter()
                    .map(|w| best_in_lists(&matcher, w, &d.index, IN_INDEX, &d.names))
                    .collect()
            })
            .collect();
        let threads = threads_for(self.entries.len());
        let chunk = self.entries.len().div_ceil(threads).max(1);
        let scan = |from: usize| -> Option<Vec<Hit>> {
            let matcher = SkimMatcherV2::default();
            let mut hits = Vec::new();
            let end = (from + chunk).min(self.entries.len());
            for (index, e) in self.entries[from..end].iter().enumerate() {
                let index = from + index;
                if index % 4096 == 4095 && cancelled() {
                    return None;
                }
                if q.domain.is_some_and(|d| d != e.domain)
                    || q.category.as_ref().is_some_and(|c| *c != e.category)
                    || q.perspective.is_some_and(|p| p != e.perspective)
                {
                    continue;
                }
                if let Some(hit) = self.score(&matcher, e, index, q, &per_domain) {
                    hits.push(hit);
                }
            }
            Some(hits)
        };
        let parts: Vec<Option<Vec<Hit>>> = if threads == 1 {
            vec![scan(0)]
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = (0..threads)
                    .map(|t| s.spawn(move || scan(t * chunk)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        let mut hits = Vec::new();
        for part in parts {
            hits.extend(part?);
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        Some(hits)
    }

    fn score(
        &self,
        matcher: &SkimMatcherV2,
        e: &Entry,
        index: usize,
        q: &Query,
        per_domain: &[Vec<Found>],
    ) -> Option<Hit> {
        let mut score = 0;
        let mut positions = Vec::new();
        let mut via = Vec::new();
        for (w, word) in q.words.iter().enumerate() {
            let in_text = match_one(matcher, &e.text.text, word).map(|(s, p)| (s + IN_TEXT, p));
            let in_keywords = best_in_lists(matcher, word, &e.keywords, IN_KEYWORDS, &[]);
            let elsewhere = per_domain
                .get(e.domain as usize)
                .and_then(|d| d.get(w).cloned().flatten());
            let other = match (in_keywords, elsewhere) {
                (Some(a), Some(b)) => Some(if a.0 >= b.0 { a } else { b }),
                (a, b) => a.or(b),
            };
            match (in_text, other) {
                (Some((s, p)), o) if o.as_ref().is_none_or(|o| s >= o.0) => {
                    score += s;
                    positions.extend(p.iter().filter_map(|&i| e.text.original(i)));
                }
                (_, Some((s, words))) => {
                    score += s;
                    via.extend(words);
                }
                _ => return None,
            }
        }
        positions.sort_unstable();
        positions.dedup();
        via.dedup();
        Some(Hit {
            index,
            id: e.id.clone(),
            score,
            positions,
            via,
        })
    }
}

/// Large banks are folded and scored in parallel slices; small ones are not worth a thread.
fn threads_for(entries: usize) -> usize {
    if entries < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    }
}

fn entry(fw: &Framework, i: &Indicator) -> Entry {
    Entry {
        id: Arc::from(i.id.as_str()),
        domain: i.domain,
        category: fw
            .domain(i.domain)
            .map_or(String::new(), |d| d.category.clone()),
        perspective: i.perspective,
        text: Folded::new(&i.text),
        keywords: i.keywords.iter().map(|k| (k.clone(), fold(k))).collect(),
    }
}

/// The best match of a word in a list of (original, folded) words, with the originals
/// that matched; `names` are searched too, at the lower `IN_NAMES` tier.
fn best_in_lists(
    matcher: &SkimMatcherV2,
    word: &str,
    list: &[(String, String)],
    tier: i64,
    names: &[(String, String)],
) -> Found {
    let mut best: Found = None;
    let lists = [(list, tier), (names, IN_NAMES)];
    for (items, tier) in lists {
        for (orig, folded) in items {
            let Some((s, _)) = match_one(matcher, folded, word) else {
                continue;
            };
            let s = s + tier;
            match &mut best {
                Some((b, words)) if *b == s => words.push(orig.clone()),
                Some((b, _)) if *b > s => {}
                _ => best = Some((s, vec![orig.clone()])),
            }
        }
    }
    best
}

/// How well a folded word matches folded text, and where (folded char indices).
fn match_one(matcher: &SkimMatcherV2, text: &str, word: &str) -> Option<(i64, Vec<usize>)> {
    let len = word.chars().count();
    let found = |byte: usize, how: i64| {
        let start = text[..byte].chars().count();
        // Longer words and earlier matches rank a little higher.
        let bonus = 10 * len as i64 - (start as i64).min(200) / 10;
        Some((how + bonus, (start..start + len).collect()))
    };
    let mut inside = None;
    for (byte, _) in text.match_indices(word) {
        let at_start = text[..byte]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if at_start {
            return found(byte, AT_WORD_START);
        }
        inside.get_or_insert(byte);
    }
    if let Some(byte) = inside {
        return found(byte, INSIDE);
    }
    if len < FUZZY_MIN_LEN || !maybe_compact(text, word, 2 * len) {
        return None;
    }
    let (score, idx) = matcher.fuzzy_indices(text, word)?;
    // Letters scattered over the text are not a match a planner would recognise.
    let span = idx.last()? - idx.first()? + 1;
    (span <= 2 * len).then(|| (FUZZY + score.min(900), idx))
}

/// A quick test that can only say no when the full fuzzy match would fail: do the
/// word's letters appear in order within `max_span` of each other? Most texts fail it,
/// which spares the costlier matcher (this is most of the time on large banks).
fn maybe_compact(text: &str, word: &str, max_span: usize) -> bool {
    if !word.is_ascii() {
        return true;
    }
    let (t, w) = (text.as_bytes(), word.as_bytes());
    let Some((&first, rest)) = w.split_first() else {
        return true;
    };
    // Bytes over-count chars outside ASCII, so the window is widened for such text.
    let span = if text.is_ascii() {
        max_span
    } else {
        2 * max_span
    };
    t.iter()
        .enumerate()
        .filter(|(_, b)| **b == first)
        .any(|(start, _)| {
            let end = (start + span).min(t.len());
            let mut want = rest.iter();
            let mut next = want.next();
            for b in &t[start + 1..end] {
                match next {
                    Some(c) if c == b => next = want.next(),
                    Some(_) => {}
                    None => break,
                }
            }
            next.is_none()
        })
}

#[cfg(test)]
mod tests;
