//! The thesaurus as the picker uses it: which groups a query word names (as one of a
//! group's words, in another form, mistyped, or as part of one of its phrases typed in
//! order), and the single words each group leads to in the bank.

use std::collections::{HashMap, HashSet};

use super::words::{is_stop_word, stem, typo_allowance, words};
use crate::framework::ThesaurusGroup;

#[derive(Debug, Clone)]
pub struct Term {
    /// Stems of its words that are not stop words ("right to work": right, work).
    pub stems: Vec<String>,
    /// The folded word, for single-word terms (to judge a typo against).
    pub folded: String,
}

#[derive(Debug, Clone, Default)]
pub struct Thesaurus {
    groups: Vec<Vec<Term>>,
    /// Groups by the stem of their single-word terms.
    by_stem: HashMap<String, Vec<usize>>,
    /// Every stem of a thesaurus word: such a word is known, never taken for a typo.
    stems: HashSet<String>,
}

/// How well a group's words stand for a query word that is one of the group's words: below
/// the word itself (another word may mean something else in its place).
pub const THESAURUS: f32 = 0.55;
/// ... for a word mistyped.
const TYPO: f32 = 0.75 * THESAURUS;
/// ... for a whole phrase of the group typed in order ("local people"): a phrase is
/// unambiguous where its words alone are not, so its group's words stand for it nearly as
/// well as the same word in another form.
pub const PHRASE: f32 = 0.85;

impl Thesaurus {
    pub fn new(groups: &[ThesaurusGroup]) -> Thesaurus {
        let mut t = Thesaurus::default();
        for (g, group) in groups.iter().enumerate() {
            let mut terms = Vec::new();
            for text in &group.words {
                let all = words(text);
                let written = all.len();
                let ws: Vec<String> = all
                    .into_iter()
                    .map(|w| w.folded)
                    .filter(|w| !is_stop_word(w))
                    .collect();
                // A phrase of one word and stop words ("faith in", "at home") cannot be
                // told from the one word in a query, whose stop words are gone: as a word
                // it would make "faith" mean trust and "home" belonging.
                if written > 1 && ws.len() < 2 {
                    continue;
                }
                let stems: Vec<String> = ws.iter().map(|w| stem(w)).collect();
                if stems.len() == 1 {
                    t.by_stem.entry(stems[0].clone()).or_default().push(g);
                }
                t.stems.extend(stems.iter().cloned());
                terms.push(Term {
                    folded: if ws.len() == 1 {
                        ws[0].clone()
                    } else {
                        String::new()
                    },
                    stems,
                });
            }
            t.groups.push(terms);
        }
        for list in t.by_stem.values_mut() {
            list.dedup();
        }
        t
    }

    /// Whether a stem is one of the thesaurus's words.
    pub fn knows(&self, stem: &str) -> bool {
        self.stems.contains(stem)
    }

    /// The groups query word `i` names, each with how well their words stand for it. `stems` are the query's words (stop words left out),
    /// `known` says the word is a real word of the bank or the thesaurus, never a typo.
    pub fn groups_for(
        &self,
        i: usize,
        folded: &[String],
        stems: &[String],
        known: bool,
    ) -> Vec<(usize, f32)> {
        let mut out: Vec<(usize, f32)> = Vec::new();
        let mut add = |g: usize, how: f32| match out.iter_mut().find(|(h, _)| *h == g) {
            Some((_, s)) => *s = s.max(how),
            None => out.push((g, how)),
        };
        let (Some(word), Some(s)) = (folded.get(i), stems.get(i)) else {
            return out;
        };
        for &g in self.by_stem.get(s).into_iter().flatten() {
            add(g, THESAURUS);
        }
        let allowance = typo_allowance(word.chars().count());
        for (g, terms) in self.groups.iter().enumerate() {
            for term in terms {
                if term.stems.len() > 1 {
                    // A phrase names the group when all its words are typed in order.
                    let n = term.stems.len();
                    let from = i.saturating_sub(n - 1);
                    let hit = (from..=i)
                        .any(|start| stems.get(start..start + n) == Some(term.stems.as_slice()));
                    if hit {
                        add(g, PHRASE);
                    }
                } else if !known
                    && allowance > 0
                    && term.folded.chars().count() >= 4
                    && strsim::osa_distance(word, &term.folded) <= allowance
                {
                    add(g, TYPO);
                }
            }
        }
        out
    }

    /// Whether a group has this folded word, as it is written, among its single words.
    pub fn has_word(&self, group: usize, folded: &str) -> bool {
        self.words_of(group).any(|t| t.folded == folded)
    }

    /// The groups that have the word exactly as typed among their single words.
    pub fn groups_with_word(&self, folded: &str) -> Vec<usize> {
        let s = stem(folded);
        let mut out: Vec<usize> = self
            .by_stem
            .get(&s)
            .into_iter()
            .flatten()
            .copied()
            .collect();
        out.retain(|&g| self.has_word(g, folded));
        out
    }

    /// The single words of a group, which is what it leads to in the bank's text.
    pub fn words_of(&self, group: usize) -> impl Iterator<Item = &Term> {
        self.groups
            .get(group)
            .into_iter()
            .flatten()
            .filter(|t| t.stems.len() == 1)
    }
}
