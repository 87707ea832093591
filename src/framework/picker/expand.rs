//! A query's words matched against the vocabulary, once per keystroke: for every word of
//! the banks, how well it stands for each query word. The same word (1), the same word in
//! another form (its stem), a mistyped word, the start of a longer word (typing goes on),
//! or a word the thesaurus names with it, each ranked below the one before.

use super::thesaurus::{PHRASE, Thesaurus};
use super::vocab::Vocab;
use super::words::{stem, typo_allowance};

pub const EXACT: f32 = 1.0;
pub const SAME_STEM: f32 = 0.9;
pub const TYPO: f32 = 0.75;
pub const PREFIX: f32 = 0.7;
/// Another form of a typed word that the thesaurus knows as typed, when that form is
/// very common in the bank and not one of the typed word's group: "locals" is people (the
/// thesaurus says so), "local" in an eighth of the bank is an adjective of anything. Below
/// the thesaurus's own words, which say what was meant.
pub const OTHER_SENSE: f32 = 0.5;
/// A word held by more than this share of the bank's indicators is very common.
const COMMON_SHARE: usize = 8;

/// Shorter query words are not taken as the start of longer ones ("gp", "a").
const PREFIX_MIN: usize = 3;

/// At most this many query words count (a planner types a few).
pub const MAX_WORDS: usize = 16;

/// How one vocabulary word stands for the query's words.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub quality: [f32; MAX_WORDS],
    /// Query words that reached it through the thesaurus (one bit each).
    pub thesaurus: u16,
    /// Set when the word is only the continuation of what is typed: light this many chars.
    pub prefix: Option<u16>,
}

/// For every vocabulary word a row number (0: matches nothing), and the rows.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    pub slot: Vec<u32>,
    pub rows: Vec<Row>,
}

impl Matches {
    pub fn row(&self, word: u32) -> Option<&Row> {
        match self.slot.get(word as usize).copied() {
            None | Some(0) => None,
            Some(s) => self.rows.get(s as usize - 1),
        }
    }

    fn set(&mut self, word: u32, i: usize, quality: f32, thesaurus: bool, prefix: Option<u16>) {
        let Some(slot) = self.slot.get_mut(word as usize) else {
            return;
        };
        if *slot == 0 {
            self.rows.push(Row::default());
            *slot = self.rows.len() as u32;
        }
        let Some(row) = self.rows.get_mut(*slot as usize - 1) else {
            return;
        };
        if quality <= row.quality[i] {
            return;
        }
        let had_any = row.quality.iter().any(|q| *q > 0.0);
        let was_prefix_only = row.prefix.is_some();
        row.quality[i] = quality;
        if thesaurus {
            row.thesaurus |= 1 << i;
        } else {
            row.thesaurus &= !(1 << i);
        }
        // A word lit whole when any query word matches it whole.
        row.prefix = match (prefix, had_any, was_prefix_only) {
            (Some(p), false, _) => Some(p),
            (Some(p), true, true) => row.prefix.map(|q| q.max(p)),
            _ => None,
        };
    }
}

/// Matches `words` (folded, no stop words) against the vocabulary.
pub fn expand(words: &[String], vocab: &Vocab, thesaurus: &Thesaurus, n: usize) -> Matches {
    let mut m = Matches {
        slot: vec![0; vocab.len()],
        rows: Vec::new(),
    };
    let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
    for (i, (q, s)) in words.iter().zip(&stems).enumerate().take(MAX_WORDS) {
        let known = vocab.stem_id(s).is_some() || thesaurus.knows(s);
        let chars = q.chars().count();
        let allowance = if known { 0 } else { typo_allowance(chars) };
        // Other forms the typed word's own thesaurus groups do not name, and how many
        // indicators hold them.
        let typed_groups = thesaurus.groups_with_word(q);
        let other = |w: u32| {
            let text = vocab.word(w);
            text != q.as_str() && !typed_groups.iter().any(|&g| thesaurus.has_word(g, text))
        };
        let others: usize = vocab
            .with_stem(s)
            .iter()
            .filter(|&&w| other(w))
            .map(|&w| vocab.df(w) as usize)
            .sum();
        let other_sense = !typed_groups.is_empty() && others * COMMON_SHARE > n;
        for &w in vocab.with_stem(s) {
            let quality = if vocab.word(w) == q.as_str() {
                EXACT
            } else if other_sense && other(w) {
                OTHER_SENSE
            } else {
                SAME_STEM
            };
            m.set(w, i, quality, false, None);
        }
        for (w, text) in vocab.words() {
            if chars >= PREFIX_MIN && text.len() > q.len() && text.starts_with(q.as_str()) {
                m.set(w, i, PREFIX, false, Some(chars as u16));
            } else if allowance > 0 && mistyped(q, chars, text, allowance) {
                m.set(w, i, TYPO, false, None);
            }
        }
        for (g, how) in thesaurus.groups_for(i, words, &stems, known) {
            // The typed word's own groups say what it means when its other forms do not.
            let how = if other_sense && typed_groups.contains(&g) {
                how.max(PHRASE)
            } else {
                how
            };
            for term in thesaurus.words_of(g) {
                let Some(ts) = term.stems.first() else {
                    continue;
                };
                // A word of the query itself is matched as itself, not as its own synonym
                // ("local people" leads to "residents", never to "local").
                if stems.contains(ts) {
                    continue;
                }
                // The word as the thesaurus gives it, or its plural or singular: stems
                // join too much here ("organisation" and "organised").
                for &w in vocab.with_stem(ts) {
                    if same_or_plural(vocab.word(w), &term.folded) {
                        m.set(w, i, how, true, None);
                    }
                }
            }
        }
    }
    m
}

/// The same word mistyped: within the allowance (letters swapped count once), and never
/// for a word of 3 letters or fewer on either side.
fn mistyped(q: &str, q_chars: usize, text: &str, allowance: usize) -> bool {
    let t_chars = text.chars().count();
    t_chars >= 4
        && q_chars.abs_diff(t_chars) <= allowance
        && strsim::osa_distance(q, text) <= allowance
}

/// "resident" and "residents", "church" and "churches", or the same word.
fn same_or_plural(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short)
        .is_some_and(|rest| ["", "s", "es"].contains(&rest))
}
