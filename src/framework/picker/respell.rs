//! A typed word the bank and the thesaurus do not know, read as the word the planner meant
//! before it is matched: the plural of an acronym ("CVs", "GPs"), an American spelling
//! ("neighbors", "center", "organization", "license"), two words run together
//! ("jobcentre") or a mistyped word ("englsh"). A word none of these explain stays as it
//! is: it matches nothing, and the query ranks by the words it knows.

use super::thesaurus::Thesaurus;
use super::vocab::Vocab;
use super::words::{stem, typo_allowance};

/// A mistyped word counts this much of the word it is taken for: a query's other, rightly
/// typed words weigh more than a guess.
pub const GUESSED: f32 = 0.75;

/// The shortest part of a word run together that is taken as a word of its own.
const PART_MIN: usize = 3;

/// American endings and their British forms, the bank's spelling.
const US_UK: &[(&str, &str)] = &[
    ("ors", "ours"),
    ("or", "our"),
    ("orhood", "ourhood"),
    ("orhoods", "ourhoods"),
    ("ization", "isation"),
    ("izations", "isations"),
    ("izing", "ising"),
    ("ized", "ised"),
    ("izes", "ises"),
    ("ize", "ise"),
    ("yze", "yse"),
    ("yzed", "ysed"),
    ("ter", "tre"),
    ("ters", "tres"),
    ("ense", "ence"),
    ("enses", "ences"),
    ("og", "ogue"),
    ("ogs", "ogues"),
    ("am", "amme"),
    ("ams", "ammes"),
    ("eling", "elling"),
    ("eled", "elled"),
];

/// The query's words as the bank spells them, each with its weight (1, or `GUESSED` for
/// a typo taken for a word). A word may become two ("jobcentre": "job", "centre").
pub fn respell(words: &[String], vocab: &Vocab, thesaurus: &Thesaurus) -> Vec<(String, f32)> {
    let in_bank = |w: &str| vocab.stem_id(&stem(w)).is_some();
    let known = |w: &str| in_bank(w) || thesaurus.knows(&stem(w));
    let mut out = Vec::new();
    for w in words {
        if in_bank(w) {
            out.push((w.clone(), 1.0));
            continue;
        }
        // An acronym's plural: the stemmer leaves "cvs" alone (no vowel before the s).
        if let Some(single) = w.strip_suffix('s').filter(|s| s.len() >= 2 && in_bank(s)) {
            out.push((single.to_string(), 1.0));
            continue;
        }
        // The bank's spelling rather than the thesaurus's note of the American one, so
        // "neighbors" ranks exactly as "neighbours".
        let british = US_UK.iter().find_map(|(us, uk)| {
            let base = w.strip_suffix(us)?;
            let b = format!("{base}{uk}");
            (base.len() >= 2 && in_bank(&b)).then_some(b)
        });
        if let Some(b) = british {
            out.push((b, 1.0));
            continue;
        }
        if known(w) {
            out.push((w.clone(), 1.0));
            continue;
        }
        if let Some((a, z)) = run_together(w, &known) {
            out.push((a, 1.0));
            out.push((z, 1.0));
            continue;
        }
        // A word being typed is the start of a longer one, not a typo.
        let typing =
            w.chars().count() >= PART_MIN && vocab.words().any(|(_, t)| t.starts_with(w.as_str()));
        match corrected(w, vocab).filter(|_| !typing) {
            Some(c) => out.push((c, GUESSED)),
            None => out.push((w.clone(), 1.0)),
        }
    }
    out
}

/// Two known words run together, the split with the longest shorter part first.
fn run_together(w: &str, known: &impl Fn(&str) -> bool) -> Option<(String, String)> {
    let chars: Vec<char> = w.chars().collect();
    (PART_MIN..=chars.len().saturating_sub(PART_MIN))
        .map(|at| {
            let a: String = chars[..at].iter().collect();
            let z: String = chars[at..].iter().collect();
            (at.min(chars.len() - at), a, z)
        })
        .filter(|(_, a, z)| known(a) && known(z))
        .max_by_key(|(shorter, _, _)| *shorter)
        .map(|(_, a, z)| (a, z))
}

/// The bank's word nearest a mistyped one, within its allowance: fewest edits, then the
/// word more indicators hold, then the first in the vocabulary.
fn corrected(w: &str, vocab: &Vocab) -> Option<String> {
    let chars = w.chars().count();
    let allowance = typo_allowance(chars);
    if allowance == 0 {
        return None;
    }
    vocab
        .words()
        .filter(|(_, t)| {
            let n = t.chars().count();
            n >= 4 && n.abs_diff(chars) <= allowance
        })
        .map(|(id, t)| (strsim::osa_distance(w, t), id, t))
        .filter(|(d, _, _)| *d <= allowance)
        .min_by(|a, z| a.0.cmp(&z.0).then(vocab.df(z.1).cmp(&vocab.df(a.1))))
        .map(|(_, _, t)| t.to_string())
}
