//! Scoring one indicator against a query: how much of the query it covers, each word
//! weighted by how rare it is in the banks (BM25's idf), with the indicator's own text above
//! its keywords, and those above its domain's index words and names; a bonus for query
//! words found side by side in the text, in the query's order.

use super::build::{Built, Entry, Field};
use super::expand::{MAX_WORDS, Matches};

/// Where a query word matched, best first.
pub const IN_TEXT: f32 = 1.0;
pub const IN_KEYWORDS: f32 = 0.8;
pub const IN_INDEX: f32 = 0.45;
pub const IN_NAMES: f32 = 0.35;
/// Two query words next to each other in the text, in order (a stop word or two between).
const IN_ORDER: f32 = 0.3;
const IN_ORDER_GAP: u32 = 3;
/// A word matched in an indicator that its domain's index words or names also hold.
const DOMAIN_TOO: f32 = 0.1;

/// The query as scoring needs it.
pub struct Scoring {
    pub words: Vec<String>,
    pub matches: Matches,
    /// Weight of each query word.
    pub idf: Vec<f32>,
    /// Words a result must hold to match all of the query (weak words need not).
    pub required: Vec<bool>,
    /// Best match of each query word in each domain's index and names, with the terms.
    pub per_domain: Vec<Vec<(f32, Vec<String>)>>,
}

/// An indicator's score before the hit is made.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub score: f32,
    /// How many of the required words it holds.
    pub covered: usize,
}

/// Best match of each query word in one indicator: how well, and where.
#[derive(Clone, Copy, PartialEq)]
enum Source {
    None,
    /// A word of the text, by its place in the pool.
    Text(u32),
    Keyword(u32),
    Domain,
}

impl Scoring {
    fn n(&self) -> usize {
        self.words.len().min(MAX_WORDS)
    }

    fn best(&self, b: &Built, e: &Entry) -> ([f32; MAX_WORDS], [Source; MAX_WORDS]) {
        let n = self.n();
        let mut best = [0f32; MAX_WORDS];
        let mut from = [Source::None; MAX_WORDS];
        let mut look = |pool_word: u32, weight: f32, src: Source| {
            let Some(row) = self.matches.row(pool_word) else {
                return;
            };
            for i in 0..n {
                let v = row.quality[i] * weight;
                if v > best[i] {
                    best[i] = v;
                    from[i] = src;
                }
            }
        };
        for t in e.text.0..e.text.1 {
            if let Some(&w) = b.text.word.get(t as usize) {
                look(w, IN_TEXT, Source::Text(t));
            }
        }
        for t in e.keywords.0..e.keywords.1 {
            if let Some(&w) = b.keywords.word.get(t as usize) {
                look(w, IN_KEYWORDS, Source::Keyword(t));
            }
        }
        if let Some(d) = self.per_domain.get(e.domain as usize) {
            for (i, (v, _)) in d.iter().enumerate().take(n) {
                if *v > best[i] {
                    best[i] = *v;
                    from[i] = Source::Domain;
                }
            }
        }
        (best, from)
    }

    /// The score of an indicator, `None` when no query word matches it.
    pub fn score(&self, b: &Built, e: &Entry) -> Option<Scored> {
        let n = self.n();
        let (best, from) = self.best(b, e);
        let mut score = 0.0;
        let mut covered = 0;
        for (i, b) in best.iter().enumerate().take(n) {
            if *b > 0.0 {
                covered += usize::from(self.required[i]);
                score += self.idf[i] * b;
            }
        }
        if covered == 0 {
            return None;
        }
        // Of the indicators that hold a word, those of the domain the word is about
        // (its index words or names hold it too) come first: "english" is language's.
        if let Some(d) = self.per_domain.get(e.domain as usize) {
            for (i, (v, _)) in d.iter().enumerate().take(n) {
                if from[i] != Source::Domain && best[i] > 0.0 {
                    score += DOMAIN_TOO * v * self.idf[i];
                }
            }
        }
        for i in 1..n {
            if let (Source::Text(a), Source::Text(z)) = (from[i - 1], from[i])
                && z > a
                && z - a <= IN_ORDER_GAP
            {
                score += IN_ORDER * self.idf[i - 1].min(self.idf[i]);
            }
        }
        Some(Scored { score, covered })
    }

    /// The chars of the text to light, and the words that led to the indicator from
    /// elsewhere ("locals -> residents", a keyword, an index term).
    pub fn explain(&self, b: &Built, e: &Entry) -> (Vec<usize>, Vec<String>) {
        let n = self.n();
        let (_, from) = self.best(b, e);
        let mut positions = Vec::new();
        for t in e.text.0..e.text.1 {
            let t = t as usize;
            let (Some(&w), Some(&at), Some(&len)) =
                (b.text.word.get(t), b.text.at.get(t), b.text.len.get(t))
            else {
                continue;
            };
            let Some(row) = self.matches.row(w) else {
                continue;
            };
            if row.quality[..n].iter().all(|q| *q <= 0.0) {
                continue;
            }
            let lit = row.prefix.map_or(len, |p| p.min(len));
            positions.extend(at as usize..at as usize + lit as usize);
        }
        let mut via: Vec<String> = Vec::new();
        let mut push = |s: String| {
            if !via.contains(&s) {
                via.push(s);
            }
        };
        for (i, q) in self.words.iter().enumerate().take(n) {
            let through = |w: u32| {
                self.matches
                    .row(w)
                    .is_some_and(|r| r.thesaurus & (1 << i) != 0)
            };
            match from.get(i).copied().unwrap_or(Source::None) {
                Source::Text(t) => {
                    if let Some(&w) = b.text.word.get(t as usize)
                        && through(w)
                    {
                        push(format!("{q} -> {}", b.vocab.word(w)));
                    }
                }
                Source::Keyword(t) => {
                    let t = t as usize;
                    let (Some(&w), Some(&k)) = (b.keywords.word.get(t), b.keywords.at.get(t))
                    else {
                        continue;
                    };
                    let kw = b.keyword_text.get(e.keyword_from + k);
                    if through(w) {
                        push(format!("{q} -> {kw}"));
                    } else {
                        push(kw.to_string());
                    }
                }
                Source::Domain => {
                    if let Some((_, terms)) = self
                        .per_domain
                        .get(e.domain as usize)
                        .and_then(|d| d.get(i))
                    {
                        for t in terms {
                            push(t.clone());
                        }
                    }
                }
                Source::None => {}
            }
        }
        (positions, via)
    }
}

/// The best match of each query word in each domain's index words and names, with the
/// terms that gave it (as written; "q -> term" when the thesaurus led there).
pub fn per_domain(b: &Built, words: &[String], m: &Matches) -> Vec<Vec<(f32, Vec<String>)>> {
    let n = words.len().min(MAX_WORDS);
    b.domains
        .iter()
        .map(|d| {
            (0..n)
                .map(|i| {
                    let mut best: (f32, Vec<String>) = (0.0, Vec::new());
                    for &(w, t) in &d.words {
                        let Some(row) = m.row(w) else { continue };
                        let Some((term, field)) = d.terms.get(t as usize) else {
                            continue;
                        };
                        let weight = match field {
                            Field::Index => IN_INDEX,
                            Field::Name => IN_NAMES,
                        };
                        let v = row.quality[i] * weight;
                        if v <= 0.0 || v < best.0 {
                            continue;
                        }
                        let shown = if row.thesaurus & (1 << i) != 0 {
                            format!("{} -> {term}", words[i])
                        } else {
                            term.clone()
                        };
                        if v > best.0 {
                            best = (v, Vec::new());
                        }
                        if !best.1.contains(&shown) {
                            best.1.push(shown);
                        }
                    }
                    best
                })
                .collect()
        })
        .collect()
}

/// BM25's weight for a word held by `df` of `n` indicators: rare words weigh more.
pub fn idf(df: u32, n: usize) -> f32 {
    let (df, n) = (df.min(n as u32) as f32, n as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}
