//! Turning the loaded banks into what the picker searches: each indicator's words as ids
//! into one vocabulary, kept in flat pools (no allocation per word, a few bytes each, so a
//! bank of 100,000 indicators stays small), and the index and names of each domain.

use super::strings::Strings;
use super::vocab::Vocab;
use super::words::words;
use crate::framework::{Framework, Indicator, Perspective};

/// Words of many texts, one after another: entries own ranges of it.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Pool {
    pub word: Vec<u32>,
    /// For text: the original char index where the word starts; for keywords: which
    /// keyword of the indicator it belongs to.
    pub at: Vec<u32>,
    /// For text: how many original chars the word spans.
    pub len: Vec<u16>,
}

impl Pool {
    fn push(&mut self, word: u32, at: u32, len: u16) {
        self.word.push(word);
        self.at.push(at);
        self.len.push(len);
    }

    fn append(&mut self, other: Pool, remap: &[u32]) {
        self.word.extend(
            other
                .word
                .iter()
                .map(|w| remap.get(*w as usize).copied().unwrap_or(0)),
        );
        self.at.extend(other.at);
        self.len.extend(other.len);
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub domain: u8,
    /// Index into the picker's categories.
    pub category: u8,
    pub perspective: Perspective,
    /// Ranges in the text and keyword pools.
    pub text: (u32, u32),
    pub keywords: (u32, u32),
    /// Where its keywords as written (for the preview's "found through") start in
    /// `Built::keyword_text`, in the indicator's order.
    pub keyword_from: u32,
}

/// Where a domain-level word comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Field {
    Index,
    Name,
}

/// What the index and the names say about one domain.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DomainWords {
    /// Index terms and names as written, with where each comes from.
    pub terms: Vec<(String, Field)>,
    /// (word id, term) for every word of those terms.
    pub words: Vec<(u32, u16)>,
}

/// Everything the picker searches.
#[derive(Debug, Clone, Default)]
pub struct Built {
    pub vocab: Vocab,
    pub entries: Vec<Entry>,
    /// Each entry's indicator id, by the entry's place.
    pub ids: Strings,
    pub keyword_text: Strings,
    pub text: Pool,
    pub keywords: Pool,
    pub categories: Vec<String>,
    /// By domain number (index 0 unused).
    pub domains: Vec<DomainWords>,
    /// How many indicators each domain has.
    pub domain_sizes: Vec<u32>,
}

/// One slice of the banks, built on its own thread with its own vocabulary.
struct Part {
    vocab: Vocab,
    entries: Vec<Entry>,
    ids: Strings,
    keyword_text: Strings,
    text: Pool,
    keywords: Pool,
}

pub fn build(fw: &Framework, threads: usize) -> Built {
    let categories: Vec<String> = fw.categories.iter().map(|c| c.id.clone()).collect();
    let all: Vec<&Indicator> = fw.indicators().collect();
    let chunk = all.len().div_ceil(threads.max(1)).max(1);
    let cats = &categories;
    let parts: Vec<Part> = if threads <= 1 {
        vec![part(fw, cats, &all)]
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = all
                .chunks(chunk)
                .map(|slice| s.spawn(move || part(fw, cats, slice)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    let mut b = Built {
        categories,
        ..Built::default()
    };
    for p in parts {
        // Each part's word ids become the whole vocabulary's.
        let remap: Vec<u32> = p
            .vocab
            .words()
            .map(|(id, w)| {
                let g = b.vocab.intern(w);
                b.vocab.add_df(g, p.vocab.df(id));
                g
            })
            .collect();
        let (t0, k0) = (b.text.word.len() as u32, b.keywords.word.len() as u32);
        let s0 = b.keyword_text.len() as u32;
        b.text.append(p.text, &remap);
        b.keywords.append(p.keywords, &remap);
        b.ids.append(&p.ids);
        b.keyword_text.append(&p.keyword_text);
        b.entries.extend(p.entries.into_iter().map(|mut e| {
            e.text = (e.text.0 + t0, e.text.1 + t0);
            e.keywords = (e.keywords.0 + k0, e.keywords.1 + k0);
            e.keyword_from += s0;
            e
        }));
    }
    b.domain_sizes = vec![0; 15];
    for e in &b.entries {
        if let Some(n) = b.domain_sizes.get_mut(e.domain as usize) {
            *n += 1;
        }
    }
    b.domains = domain_words(fw, &mut b.vocab);
    b.vocab.finish();
    b
}

fn part(fw: &Framework, categories: &[String], slice: &[&Indicator]) -> Part {
    let mut p = Part {
        vocab: Vocab::default(),
        entries: Vec::with_capacity(slice.len()),
        ids: Strings::default(),
        keyword_text: Strings::default(),
        text: Pool::default(),
        keywords: Pool::default(),
    };
    // The last indicator (plus one) counted for each word: a word counts once per indicator.
    let mut counted: Vec<u32> = Vec::new();
    for (n, ind) in slice.iter().enumerate() {
        let mark = n as u32 + 1;
        let mut count = |vocab: &mut Vocab, id: u32| {
            if counted.len() <= id as usize {
                counted.resize(id as usize + 1, 0);
            }
            if counted[id as usize] != mark {
                counted[id as usize] = mark;
                vocab.add_df(id, 1);
            }
        };
        let t0 = p.text.word.len() as u32;
        for w in words(&ind.text) {
            let id = p.vocab.intern(&w.folded);
            count(&mut p.vocab, id);
            p.text.push(id, w.start, w.len);
        }
        let k0 = p.keywords.word.len() as u32;
        for (k, kw) in ind.keywords.iter().enumerate() {
            for w in words(kw) {
                let id = p.vocab.intern(&w.folded);
                count(&mut p.vocab, id);
                p.keywords.push(id, k as u32, 0);
            }
        }
        let category = fw
            .domain(ind.domain)
            .and_then(|d| categories.iter().position(|c| *c == d.category))
            .unwrap_or(usize::from(u8::MAX)) as u8;
        p.ids.push(&ind.id);
        let keyword_from = p.keyword_text.len() as u32;
        for k in &ind.keywords {
            p.keyword_text.push(k);
        }
        p.entries.push(Entry {
            domain: ind.domain,
            category,
            perspective: ind.perspective,
            text: (t0, p.text.word.len() as u32),
            keywords: (k0, p.keywords.word.len() as u32),
            keyword_from,
        });
    }
    p
}

fn domain_words(fw: &Framework, vocab: &mut Vocab) -> Vec<DomainWords> {
    let mut domains = vec![DomainWords::default(); 15];
    let mut add = |domains: &mut Vec<DomainWords>, d: u8, term: &str, field: Field| {
        let Some(slot) = domains.get_mut(d as usize) else {
            return;
        };
        let t = slot.terms.len() as u16;
        slot.terms.push((term.to_string(), field));
        for w in words(term) {
            slot.words.push((vocab.intern(&w.folded), t));
        }
    };
    for d in &fw.domains {
        add(&mut domains, d.number, &d.name, Field::Name);
        if let Some(c) = fw.category(&d.category) {
            add(&mut domains, d.number, &c.name, Field::Name);
        }
    }
    for e in fw.index.iter().filter(|e| !e.unresolved) {
        let term = e.term.trim_end_matches(['…', ' ', ',']);
        for d in &e.domains {
            add(&mut domains, *d, term, Field::Index);
        }
    }
    domains
}
