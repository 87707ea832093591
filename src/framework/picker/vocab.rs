//! The picker's vocabulary: every distinct folded word of the loaded banks, their keywords,
//! the index and the domain names, each with an id, its stem and how many indicators hold
//! it. Indicators keep word ids, not text: a query is matched against the vocabulary once
//! (a few thousand words), and each indicator is then scored by looking its ids up.

use std::collections::HashMap;

use super::words::stem;

/// The words, their counts, their stems' ids and the stems (see `Vocab::parts`).
pub type Parts<'a> = (&'a [Box<str>], &'a [u32], &'a [u32], Vec<&'a str>);

#[derive(Debug, Clone, Default)]
pub struct Vocab {
    ids: HashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    /// Stem id of each word.
    stem_of: Vec<u32>,
    stem_ids: HashMap<Box<str>, u32>,
    /// The words of each stem.
    by_stem: Vec<Vec<u32>>,
    /// How many indicators hold each word in their text or keywords.
    df: Vec<u32>,
}

impl Vocab {
    /// The id of a word, added if new.
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(word.into(), id);
        self.words.push(word.into());
        self.df.push(0);
        id
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn word(&self, id: u32) -> &str {
        self.words.get(id as usize).map_or("", |w| w)
    }

    pub fn words(&self) -> impl Iterator<Item = (u32, &str)> {
        self.words.iter().enumerate().map(|(i, w)| (i as u32, &**w))
    }

    pub fn add_df(&mut self, id: u32, n: u32) {
        if let Some(d) = self.df.get_mut(id as usize) {
            *d += n;
        }
    }

    pub fn df(&self, id: u32) -> u32 {
        self.df.get(id as usize).copied().unwrap_or(0)
    }

    /// What the cache keeps: the words, their counts and their stems' ids, and the stems.
    pub fn parts(&self) -> Parts<'_> {
        let mut stems = vec![""; self.by_stem.len()];
        for (s, &id) in &self.stem_ids {
            if let Some(slot) = stems.get_mut(id as usize) {
                *slot = s;
            }
        }
        (&self.words, &self.df, &self.stem_of, stems)
    }

    /// The vocabulary `parts` gave, if its pieces agree with each other.
    pub fn from_parts(
        words: Vec<Box<str>>,
        df: Vec<u32>,
        stem_of: Vec<u32>,
        stems: Vec<Box<str>>,
    ) -> Option<Vocab> {
        if df.len() != words.len() || stem_of.len() != words.len() {
            return None;
        }
        let mut by_stem = vec![Vec::new(); stems.len()];
        for (id, &s) in stem_of.iter().enumerate() {
            by_stem.get_mut(s as usize)?.push(id as u32);
        }
        let ids: HashMap<Box<str>, u32> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), i as u32))
            .collect();
        let stem_ids: HashMap<Box<str>, u32> = stems
            .into_iter()
            .enumerate()
            .map(|(i, s)| (s, i as u32))
            .collect();
        // Two words or stems the same would make ids ambiguous.
        if ids.len() != words.len() || stem_ids.len() != by_stem.len() {
            return None;
        }
        Some(Vocab {
            ids,
            words,
            stem_of,
            stem_ids,
            by_stem,
            df,
        })
    }

    /// Works out every word's stem; called once all words are in.
    pub fn finish(&mut self) {
        self.stem_of.clear();
        self.stem_ids.clear();
        self.by_stem.clear();
        for (id, w) in self.words.iter().enumerate() {
            let s = stem(w);
            let next = self.by_stem.len() as u32;
            let sid = *self.stem_ids.entry(s.into()).or_insert(next);
            if sid == next {
                self.by_stem.push(Vec::new());
            }
            self.stem_of.push(sid);
            if let Some(list) = self.by_stem.get_mut(sid as usize) {
                list.push(id as u32);
            }
        }
    }

    pub fn stem_id(&self, stem: &str) -> Option<u32> {
        self.stem_ids.get(stem).copied()
    }

    /// Every word with this stem ("friend", "friends", "friendly" ...).
    pub fn with_stem(&self, stem: &str) -> &[u32] {
        self.stem_id(stem)
            .and_then(|s| self.by_stem.get(s as usize))
            .map_or(&[], Vec::as_slice)
    }
}
