//! Where long text is broken into lines of the file, so that a one-word edit in a pull
//! request is a one-line diff. The breaks are TOML line-ending backslashes, which leave
//! the value as it was; this module only chooses where they go.
//!
//! Filling lines to a width (greedy, or by any rule that measures columns) moves breaks
//! when one word grows or shrinks, so a one-word edit rewrites the lines after it. Here a
//! break depends on the kind of words around it and on counts of words, not on widths:
//! each sentence on a line of its own; a sentence broken after its commas, semicolons and
//! colons (unless that leaves a one-word piece, as in a list), before the conjunctions and
//! relative words that start a clause ("and", "but", "which", "who") when both pieces have
//! [`CONJ_GAP`] words, and before prepositions ("to", "with", "for") [`PREP_GAP`] words
//! apart; only a line still wider than [`WIDE`] is cut near its middle word. A word
//! replaced by another word of its kind then moves no break, whatever its length, unless it
//! takes a line past [`WIDE`] (or back); a word added or dropped moves one only where it
//! makes a piece cross a count. (On the example plans' long texts, every word in turn
//! replaced by a word of another length: all but 59 of 3443 such edits change one line of
//! the file, where breaks picked by a hash of each word within a width managed 90%; every
//! word made longer, shorter, replaced, dropped or given a word before it: 87%.)

use unicode_width::UnicodeWidthChar;

/// A text is broken into lines only when it is wider than this, before the ` \` that
/// continues it.
pub const MAX: usize = 88;

/// A line wider than this that the rules leave whole is cut by count (see [`fit`]).
pub(super) const WIDE: usize = 100;

/// The fewest words on each side of a break after a comma, semicolon or colon, so a list
/// ("walking, gardening, crafts") stays on one line.
const CLAUSE_GAP: usize = 2;

/// The fewest words between a break before a conjunction and the candidates around it.
const CONJ_GAP: usize = 3;

/// The same for a break before a preposition, between the pieces left.
const PREP_GAP: usize = 4;

/// Words that start a clause: a line may start before them.
pub(super) const CONJUNCTIONS: &[&str] = &[
    "although", "and", "because", "but", "nor", "or", "since", "so", "though", "unless", "until",
    "when", "where", "whereas", "which", "while", "who", "whom", "whose", "yet",
];

/// Words that start a phrase: a line may start before them when they are far enough
/// apart.
pub(super) const PREPOSITIONS: &[&str] = &[
    "about",
    "across",
    "after",
    "against",
    "among",
    "as",
    "at",
    "before",
    "between",
    "by",
    "during",
    "for",
    "from",
    "if",
    "in",
    "including",
    "into",
    "of",
    "on",
    "onto",
    "over",
    "than",
    "that",
    "through",
    "to",
    "under",
    "via",
    "with",
    "within",
    "without",
];

/// One word and the spaces after it: `[start, end)` in the line's chars, `word_end`
/// where its spaces start.
#[derive(Clone, Copy)]
struct Token {
    start: usize,
    word_end: usize,
    end: usize,
}

/// How wide `c` is once written in a basic string (escapes included).
pub fn written_width(c: char) -> usize {
    match c {
        '\\' | '"' | '\t' | '\r' | '\n' => 2,
        c if c.is_control() => 6,
        c => c.width().unwrap_or(0),
    }
}

/// The char positions in `line` (one line of a value, no line break in it) where a new
/// line of the file starts. Each is just after a space and at a character that is not one,
/// so the backslash before it takes no space of the value with it.
pub fn breaks(line: &[char]) -> Vec<usize> {
    let tokens = tokens(line);
    let width: usize = line.iter().map(|&c| written_width(c)).sum();
    if tokens.len() < 2 || width <= MAX {
        return Vec::new();
    }
    let mut out = Vec::new();
    for sentence in split(&tokens, |k| ends_sentence(line, &tokens, k)) {
        for piece in pieces(line, sentence) {
            out.push(piece[piece.len() - 1].end);
        }
    }
    // The end of the line is no break.
    out.retain(|&i| i > 0 && i < line.len());
    out
}

/// A sentence's lines: cut after clause punctuation, before conjunctions, then before
/// prepositions.
fn pieces<'t>(line: &[char], sentence: &'t [Token]) -> Vec<&'t [Token]> {
    let n = sentence.len();
    let after_mark = |i: usize| ends_clause(line, &sentence[i - 1]);
    let strong: Vec<usize> = (1..n).filter(|&i| after_mark(i)).collect();
    let clauses = spaced(n, &strong, CLAUSE_GAP, |_| true);
    // Around a conjunction, the clause breaks taken count, not a list's commas.
    let conj: Vec<usize> = (1..n)
        .filter(|&i| is_one_of(line, &sentence[i], CONJUNCTIONS) && !after_mark(i))
        .chain(clauses.iter().copied())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut at = spaced(n, &conj, CONJ_GAP, |i| !clauses.contains(&i));
    at.extend(clauses);
    at.sort_unstable();
    let mut out = Vec::new();
    for piece in cut(sentence, &at) {
        let preps: Vec<usize> = (1..piece.len())
            .filter(|&i| is_one_of(line, &piece[i], PREPOSITIONS))
            .collect();
        for part in cut(piece, &spaced(piece.len(), &preps, PREP_GAP, |_| true)) {
            fit(line, part, &mut out);
        }
    }
    out
}

/// `part`, or if it is still wider than [`WIDE`] (no rule above broke it: a clause with
/// few conjunctions or prepositions, a list, names), cut in two at the conjunction,
/// preposition or clause mark nearest its middle word, or at that word, and each half the
/// same way. Chosen by counting words, so only a part's crossing the width moves a cut.
fn fit<'t>(line: &[char], part: &'t [Token], out: &mut Vec<&'t [Token]>) {
    let wide: usize = line[part[0].start..part[part.len() - 1].word_end]
        .iter()
        .map(|&c| written_width(c))
        .sum();
    if wide <= WIDE || part.len() < 2 {
        out.push(part);
        return;
    }
    let middle = part.len() / 2;
    let at = (1..part.len())
        .filter(|&i| {
            ends_clause(line, &part[i - 1])
                || is_one_of(line, &part[i], CONJUNCTIONS)
                || is_one_of(line, &part[i], PREPOSITIONS)
        })
        .min_by_key(|&i| i.abs_diff(middle))
        .unwrap_or(middle);
    fit(line, &part[..at], out);
    fit(line, &part[at..], out);
}

/// The candidates (positions in `0..n` where a piece may start) that `take` accepts and
/// that have at least `gap` words between them and the candidates (or ends) on either
/// side, taken or not: so whether a break is taken depends only on the words near it.
fn spaced(n: usize, candidates: &[usize], gap: usize, take: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut out = Vec::new();
    for (j, &i) in candidates.iter().enumerate() {
        let before = if j == 0 { 0 } else { candidates[j - 1] };
        let after = candidates.get(j + 1).copied().unwrap_or(n);
        if take(i) && i - before >= gap && after - i >= gap {
            out.push(i);
        }
    }
    out
}

/// `tokens` cut before each of the (ascending) positions `at`.
fn cut<'t>(tokens: &'t [Token], at: &[usize]) -> Vec<&'t [Token]> {
    let mut out = Vec::new();
    let mut from = 0;
    for &i in at.iter().chain([&tokens.len()]) {
        if i > from {
            out.push(&tokens[from..i]);
            from = i;
        }
    }
    out
}

/// Whether the word of `t`, in lower case and without the punctuation around it, is one
/// of `words`.
fn is_one_of(line: &[char], t: &Token, words: &[&str]) -> bool {
    let word: String = line[t.start..t.word_end]
        .iter()
        .collect::<String>()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    words.contains(&word.as_str())
}

/// Words and their trailing spaces; spaces that start the line belong to its first word.
fn tokens(line: &[char]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < line.len() {
        let start = i;
        while i < line.len() && line[i] == ' ' && out.is_empty() {
            i += 1;
        }
        while i < line.len() && line[i] != ' ' {
            i += 1;
        }
        let word_end = i;
        while i < line.len() && line[i] == ' ' {
            i += 1;
        }
        out.push(Token {
            start,
            word_end,
            end: i,
        });
    }
    out
}

/// The runs of `tokens` that end where `ends(k)` holds (and at the last token).
fn split(tokens: &[Token], ends: impl Fn(usize) -> bool) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let mut from = 0;
    for k in 0..tokens.len() {
        if k + 1 == tokens.len() || ends(k) {
            out.push(&tokens[from..=k]);
            from = k + 1;
        }
    }
    out
}

/// The last character of a word that is not a closing quote or bracket.
fn last_mark(line: &[char], t: &Token) -> Option<char> {
    line[t.start..t.word_end]
        .iter()
        .rev()
        .find(|c| !"\"')]’”»".contains(**c))
        .copied()
}

/// A full stop, question or exclamation mark, and the next word does not start in lower
/// case (so "e.g. this" stays on one line).
fn ends_sentence(line: &[char], tokens: &[Token], k: usize) -> bool {
    let next_lower = tokens
        .get(k + 1)
        .and_then(|t| line.get(t.start))
        .is_some_and(|c| c.is_lowercase());
    let t = &tokens[k];
    // A title before a name ("Mr. Khan", "Dr. Patel") ends no sentence.
    let word: String = line[t.start..t.word_end].iter().collect();
    let title = TITLES.contains(&word.trim_start().trim_end_matches('.'));
    matches!(last_mark(line, t), Some('.' | '?' | '!')) && !next_lower && !title
}

/// Abbreviated titles that come before a name.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Rev", "Cllr", "St", "Sr", "Jr",
];

fn ends_clause(line: &[char], t: &Token) -> bool {
    matches!(last_mark(line, t), Some(',' | ';' | ':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let mut out = Vec::new();
        let mut from = 0;
        for b in breaks(&chars).into_iter().chain([chars.len()]) {
            out.push(chars[from..b].iter().collect());
            from = b;
        }
        out
    }

    #[test]
    fn short_text_is_never_broken() {
        assert_eq!(lines("A short line."), ["A short line."]);
    }

    #[test]
    fn each_break_follows_a_space_and_comes_before_a_word() {
        let s = "Isolated women with limited English struggle to keep going to ESOL classes. \
                 The classes are short and formal,  caring responsibilities make attendance \
                 patchy, and outside the family the women have few people to practise English \
                 with or places to start a conversation, e.g. a café.";
        let got = lines(s);
        assert_eq!(got.concat(), s);
        for pair in got.windows(2) {
            assert!(
                pair[0].ends_with(' ') && !pair[1].starts_with(' '),
                "{got:#?}"
            );
        }
        for l in &got {
            assert!(l.trim_end().chars().count() <= MAX, "{got:#?}");
        }
        assert!(got[0].ends_with("classes. "), "{got:#?}");
        assert!(!got.iter().any(|l| l.ends_with("e.g. ")), "{got:#?}");
    }

    #[test]
    fn a_title_before_a_name_ends_no_sentence() {
        let s = "The café was opened by the mayor and Cllr. Okafor, who spoke with Dr. Patel and \
                 Mrs. Khan about the group. Everyone stayed for tea.";
        let got = lines(s);
        assert!(
            !got.iter()
                .any(|l| l.ends_with("Cllr. ") || l.ends_with("Dr. ") || l.ends_with("Mrs. ")),
            "{got:#?}"
        );
        assert!(got.iter().any(|l| l.ends_with("group. ")), "{got:#?}");
    }

    #[test]
    fn a_word_wider_than_a_line_stays_whole() {
        let long = "x".repeat(200);
        assert_eq!(lines(&format!("{long} {long}")).len(), 2);
        assert_eq!(lines(&long), vec![long]);
    }
}
