//! Text as the picker sees it: words, folded for case and accents, each with where it sits
//! in the original text (so a match lights the letters the planner reads), its stem, and
//! whether it is a stop word that carries no meaning on its own.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::text::fold_with_map;

/// One word of a text: folded, and its place in the original text in chars.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub folded: String,
    /// The original char index of its first char, and how many original chars it spans.
    pub start: u32,
    pub len: u16,
}

/// The words of a text: runs of letters and digits after folding. Apostrophes, hyphens and
/// slashes split words ("self-employment" is "self" and "employment"), as planners type
/// them either way.
pub fn words(text: &str) -> Vec<Word> {
    let (folded, map) = fold_with_map(text);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut first: Option<usize> = None;
    let mut last = 0;
    let mut close = |current: &mut String, first: &mut Option<usize>, last: usize| {
        if let Some(f) = first.take() {
            let start = map.get(f).copied().unwrap_or(0);
            let end = map.get(last).copied().unwrap_or(start) + 1;
            out.push(Word {
                folded: std::mem::take(current),
                start: start as u32,
                len: end.saturating_sub(start).min(u16::MAX as usize) as u16,
            });
        }
    };
    for (i, c) in folded.chars().enumerate() {
        if c.is_alphanumeric() {
            first.get_or_insert(i);
            last = i;
            current.push(c);
        } else {
            close(&mut current, &mut first, last);
        }
    }
    close(&mut current, &mut first, last);
    out
}

/// The Snowball English stem of a folded word ("friends" and "friend", "vaccinations" and
/// "vaccination" share one). Welsh and other text is stemmed too: the stemmer only trims
/// English endings, so such words mostly stay as they are and still match by folding.
pub fn stem(folded: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(folded)
        .into_owned()
}

/// Words that say nothing about what to measure: articles, prepositions, pronouns,
/// auxiliaries and fillers ("a lot of", "really"). They never count towards a match, and a
/// query of nothing else finds nothing.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "e", "eg", "etc",
    "for", "from", "g", "get", "gets", "got", "had", "has", "have", "having", "he", "her", "here",
    "him", "his", "how", "i", "ie", "if", "in", "into", "is", "it", "its", "just", "lot", "lots",
    "many", "me", "more", "most", "much", "my", "of", "on", "or", "our", "ours", "really", "s",
    "she", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "to", "too", "up", "us", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
];

pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

/// Words a planner puts around the subject ("making friends", "help with benefits",
/// "finding work"): they say what to do, not what to measure, so a result need not hold
/// them to match all of a query, and they weigh little. A query of nothing else is
/// matched on them as usual.
const WEAK_WORDS: &[&str] = &[
    "better",
    "find",
    "finding",
    "found",
    "gave",
    "getting",
    "give",
    "giving",
    "go",
    "goes",
    "going",
    "help",
    "helping",
    "helps",
    "improve",
    "improving",
    "increase",
    "increasing",
    "keep",
    "keeping",
    "made",
    "make",
    "makes",
    "making",
    "need",
    "needs",
    "new",
    "people",
    "reduce",
    "reducing",
    "take",
    "taking",
    "use",
    "using",
    "want",
    "wants",
];

pub fn is_weak_word(folded: &str) -> bool {
    WEAK_WORDS.binary_search(&folded).is_ok()
}

/// How many letters a word may be mistyped by and still be the word: none up to 3 letters
/// ("gp", "art" and "act" are too short to guess at), one from 4, two from 8.
pub fn typo_allowance(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_the_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(WEAK_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(WEAK_WORDS.iter().all(|w| !is_stop_word(w)));
        assert!(is_stop_word("with") && is_stop_word("the") && is_stop_word("lot"));
        assert!(!is_stop_word("friends") && !is_stop_word("work"));
    }

    #[test]
    fn words_keep_their_place_in_the_original_text() {
        let text = "Café Dŵr, self-employment";
        let ws = words(text);
        let folded: Vec<&str> = ws.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(folded, ["cafe", "dwr", "self", "employment"]);
        let chars: Vec<char> = text.chars().collect();
        let original = |w: &Word| -> String {
            chars[w.start as usize..(w.start as usize + w.len as usize)]
                .iter()
                .collect()
        };
        assert_eq!(original(&ws[0]), "Café");
        assert_eq!(original(&ws[1]), "Dŵr");
        assert_eq!(original(&ws[3]), "employment");
    }

    #[test]
    fn word_forms_share_a_stem() {
        for (a, b) in [
            ("friends", "friend"),
            ("vaccinations", "vaccination"),
            ("smartphones", "smartphone"),
            ("laptops", "laptop"),
            ("making", "make"),
            ("neighbourhoods", "neighbourhood"),
            ("belonging", "belong"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_ne!(stem("racial"), stem("practical"));
    }

    #[test]
    fn short_words_are_never_guessed_at() {
        assert_eq!(typo_allowance(2), 0);
        assert_eq!(typo_allowance(3), 0);
        assert_eq!(typo_allowance(4), 1);
        assert_eq!(typo_allowance(7), 1);
        assert_eq!(typo_allowance(8), 2);
    }
}
