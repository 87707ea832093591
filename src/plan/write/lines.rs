//! Where long text is broken into lines of the file, so that a one-word edit in a pull
//! request is a one-line diff. The breaks are TOML line-ending backslashes, which leave
//! the value as it was; this module only chooses where they go.
//!
//! Greedy filling (as many words as fit) would move every later break when one word grows,
//! so a one-word edit would rewrite the rest of the paragraph. Instead the breaks are
//! chosen by the words themselves, as far as a width allows: each sentence on a line of its
//! own; a sentence too wide for one line broken after its commas, semicolons and colons
//! (a clause narrower than [`CLAUSE`] joined to the next); a clause still too wide broken
//! after a word that its own letters pick (a fixed hash), once the line has [`MIN_WORDS`]
//! words, and always before it would pass [`MAX`]. An edit then moves only the breaks of
//! its own clause, and those seldom. (On the example plans' 70 lines of long text, every
//! word made longer, shorter or dropped in turn: about 3 edits in 4 change one line of the
//! file and nearly all the rest two; filling lines greedily, 1 in 2.)

use unicode_width::UnicodeWidthChar;

/// The widest a line of text is written, before the ` \` that continues it.
pub const MAX: usize = 88;

/// A clause's line is not broken by the hash before it has this many words, so lines
/// stay long enough to read.
const MIN_WORDS: usize = 6;

/// The narrowest a clause is on a line of its own.
const CLAUSE: usize = 35;

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
    let width = |a: usize, b: usize| line[a..b].iter().map(|&c| written_width(c)).sum::<usize>();
    if tokens.len() < 2 || width(0, line.len()) <= MAX {
        return Vec::new();
    }
    let mut out = Vec::new();
    for sentence in split(&tokens, |k| ends_sentence(line, &tokens, k)) {
        let (a, b) = (sentence[0].start, sentence[sentence.len() - 1].word_end);
        if width(a, b) > MAX {
            for clause in clauses(line, sentence) {
                let (a, b) = (clause[0].start, clause[clause.len() - 1].word_end);
                if width(a, b) > MAX {
                    fill(line, clause, &mut out);
                }
                out.push(clause[clause.len() - 1].end);
            }
        }
        out.push(sentence[sentence.len() - 1].end);
    }
    // The end of the line is no break, nor is a clause's end pushed twice.
    out.sort_unstable();
    out.dedup();
    out.retain(|&i| i > 0 && i < line.len());
    out
}

/// Breaks inside one clause too wide for a line: after a word the text picks, once the
/// line has `MIN_WORDS` words and while the rest of the clause does not fit on it, and
/// before the line would pass `MAX`. (Words, not columns: a word replaced by a longer one
/// moves no pick.)
fn fill(line: &[char], clause: &[Token], out: &mut Vec<usize>) {
    let mut at = clause[0].start;
    let mut words = 0;
    let width = |a: usize, b: usize| line[a..b].iter().map(|&c| written_width(c)).sum::<usize>();
    let end = clause[clause.len() - 1].word_end;
    for t in clause {
        if t.start > at && width(at, t.word_end) > MAX {
            out.push(t.start);
            at = t.start;
            words = 0;
        }
        words += 1;
        // The rest of the clause on one line needs no more breaks.
        let rest_fits = width(at, end) <= MAX;
        if !rest_fits && words >= MIN_WORDS && picked(&line[t.start..t.word_end]) {
            out.push(t.end);
            at = t.end;
            words = 0;
        }
    }
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

/// A sentence's clauses, each made at least `CLAUSE` wide by joining it to the next, so a
/// list ("walking, gardening, crafts") is not a line a word; a short last one joins the
/// one before.
fn clauses<'t>(line: &[char], sentence: &'t [Token]) -> Vec<&'t [Token]> {
    let width = |a: usize, b: usize| line[a..b].iter().map(|&c| written_width(c)).sum::<usize>();
    let mut out: Vec<&[Token]> = Vec::new();
    let mut from = 0;
    for k in 0..sentence.len() {
        let wide = width(sentence[from].start, sentence[k].end) >= CLAUSE;
        if k + 1 == sentence.len() || (ends_clause(line, &sentence[k]) && wide) {
            out.push(&sentence[from..=k]);
            from = k + 1;
        }
    }
    let short = |c: &[Token]| width(c[0].start, c[c.len() - 1].end) < CLAUSE;
    if out.len() > 1 && out.last().is_some_and(|c| short(c)) {
        let last = out.len() - 1;
        let start = out.iter().take(last - 1).map(|c| c.len()).sum::<usize>();
        out.truncate(last - 1);
        out.push(&sentence[start..]);
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
    matches!(last_mark(line, &tokens[k]), Some('.' | '?' | '!')) && !next_lower
}

fn ends_clause(line: &[char], t: &Token) -> bool {
    matches!(last_mark(line, t), Some(',' | ';' | ':'))
}

/// Whether the word itself picks a break after it: about one word in four, by an FNV-1a
/// hash of its letters, fixed so that the same text is always written the same way.
fn picked(word: &[char]) -> bool {
    if matches!(word.last(), Some('.' | '?' | '!' | ',' | ';' | ':')) {
        return true;
    }
    let mut h: u32 = 0x811c_9dc5;
    for c in word {
        for b in c.to_string().bytes() {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    h.is_multiple_of(4)
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
    fn a_word_wider_than_a_line_stays_whole() {
        let long = "x".repeat(200);
        assert_eq!(lines(&format!("{long} {long}")).len(), 2);
        assert_eq!(lines(&long), vec![long]);
    }
}
