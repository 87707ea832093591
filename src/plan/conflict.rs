//! Git merge-conflict markers. A plan that has them is refused outright: parsing around
//! them would silently pick a side.
//!
//! The rule, which cannot take a real conflict for text:
//! - a marker line (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>` at the start of a line)
//!   outside a multi-line string is a conflict;
//! - inside a multi-line string, marker-like lines are the planner's text, unless they
//!   make a whole block: a `<<<<<<<` line, later a `=======` line, later a `>>>>>>>` line
//!   (inside strings or not). Git always writes all three, so every real conflict is
//!   found, wherever its markers fall and whatever the text before it looked like;
//! - tocplan never writes a marker-like line at the start of a line in a string (the
//!   writer escapes its first character), so nothing it saves is ambiguous.

mod strings;

use strings::State;

/// One `<<<<<<<` ... `=======` ... `>>>>>>>` region, with 1-based line numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRegion {
    pub start: usize,
    pub middle: Option<usize>,
    pub end: Option<usize>,
    pub ours: Vec<String>,
    pub theirs: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Open,
    Base,
    Middle,
    Close,
}

/// What git would have written at the start of `line`, if anything.
fn marker(line: &str) -> Option<Marker> {
    if line.starts_with("<<<<<<<") {
        Some(Marker::Open)
    } else if line.starts_with("|||||||") {
        Some(Marker::Base)
    } else if line.starts_with(">>>>>>>") {
        Some(Marker::Close)
    } else {
        // `======= heading` is text; git writes the middle marker alone on its line.
        let t = line.trim_end();
        (t.len() >= 7 && t.bytes().all(|b| b == b'=')).then_some(Marker::Middle)
    }
}

/// Whether `line` starts with a character any marker starts with: most lines do not,
/// and a file with no such line needs no closer look.
fn may_be_marker(line: &str) -> bool {
    matches!(line.as_bytes().first(), Some(b'<' | b'|' | b'=' | b'>'))
}

/// Finds every conflict region; stray markers outside strings count as regions too.
pub fn find_conflicts(text: &str) -> Vec<ConflictRegion> {
    if !text.lines().any(may_be_marker) {
        return Vec::new();
    }
    let markers = counted_markers(text);
    if markers.is_empty() {
        return Vec::new();
    }
    regions(text, &markers)
}

/// The marker lines (0-based) that count, in order, by the rule at the top.
fn counted_markers(text: &str) -> Vec<(usize, Marker)> {
    // Every marker-like line, and whether it starts outside a multi-line string.
    let mut seen: Vec<(usize, Marker, bool)> = Vec::new();
    let mut state = State::Code;
    for (i, line) in text.lines().enumerate() {
        if may_be_marker(line)
            && let Some(m) = marker(line)
        {
            seen.push((i, m, state == State::Code));
        }
        state = strings::after_line(state, line);
    }
    let mut counts: Vec<bool> = seen.iter().map(|&(_, _, outside)| outside).collect();
    // A whole block counts wherever it stands: from the earliest open marker not yet in
    // a block, through a middle marker, to a close marker.
    let (mut open, mut middle) = (None, false);
    for (k, &(_, m, _)) in seen.iter().enumerate() {
        match m {
            Marker::Open => {
                open.get_or_insert(k);
            }
            Marker::Middle => middle |= open.is_some(),
            Marker::Close => {
                if let (Some(o), true) = (open, middle) {
                    counts[o..=k].iter_mut().for_each(|c| *c = true);
                    (open, middle) = (None, false);
                }
            }
            Marker::Base => {}
        }
    }
    seen.iter()
        .zip(counts)
        .filter(|(_, c)| *c)
        .map(|(&(i, m, _), _)| (i, m))
        .collect()
}

/// The regions the counted markers make, with both sides' lines.
fn regions(text: &str, markers: &[(usize, Marker)]) -> Vec<ConflictRegion> {
    let mut regions: Vec<ConflictRegion> = Vec::new();
    let mut open: Option<ConflictRegion> = None;
    let mut in_base = false;
    let mut next = markers.iter().peekable();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let m = match next.peek() {
            Some(&&(at, m)) if at == i => {
                next.next();
                Some(m)
            }
            _ => None,
        };
        match m {
            Some(Marker::Open) => {
                regions.extend(open.take());
                open = Some(stray(n));
                in_base = false;
            }
            Some(Marker::Base) if open.is_some() => in_base = true,
            Some(Marker::Base) => regions.push(stray(n)),
            Some(Marker::Middle) => match open.as_mut() {
                Some(r) if r.middle.is_none() => {
                    r.middle = Some(n);
                    in_base = false;
                }
                _ => regions.push(stray(n)),
            },
            Some(Marker::Close) => match open.take() {
                Some(mut r) => {
                    r.end = Some(n);
                    regions.push(r);
                }
                None => regions.push(stray(n)),
            },
            None => {
                if let Some(r) = open.as_mut() {
                    if r.middle.is_some() {
                        r.theirs.push(line.to_string());
                    } else if !in_base {
                        r.ours.push(line.to_string());
                    }
                }
            }
        }
    }
    regions.extend(open);
    regions
}

fn stray(n: usize) -> ConflictRegion {
    ConflictRegion {
        start: n,
        middle: None,
        end: None,
        ours: Vec::new(),
        theirs: Vec::new(),
    }
}

/// A readable account of the regions, both sides shown (a few lines each).
pub fn describe(regions: &[ConflictRegion]) -> String {
    const SHOWN: usize = 6;
    let mut out = String::new();
    for r in regions {
        let lines = match (r.middle, r.end) {
            (Some(m), Some(e)) => format!(
                "lines {}-{} (<<<<<<< at {}, ======= at {m}, >>>>>>> at {e})",
                r.start, e, r.start
            ),
            _ => format!("line {} (an unmatched conflict marker)", r.start),
        };
        out.push_str(&format!("\n  conflict at {lines}"));
        for (label, side) in [("ours", &r.ours), ("theirs", &r.theirs)] {
            if side.is_empty() && r.middle.is_none() {
                continue;
            }
            out.push_str(&format!("\n    {label}:"));
            for l in side.iter().take(SHOWN) {
                out.push_str(&format!("\n      | {}", crate::text::sanitize(l)));
            }
            if side.len() > SHOWN {
                out.push_str(&format!("\n      | ... {} more lines", side.len() - SHOWN));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_regions_with_both_sides() {
        let t = "a = 1\n<<<<<<< HEAD\nx = 1\n=======\nx = 2\n>>>>>>> other\n";
        let r = find_conflicts(t);
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].start, r[0].middle, r[0].end), (2, Some(4), Some(6)));
        assert_eq!(r[0].ours, vec!["x = 1"]);
        assert_eq!(r[0].theirs, vec!["x = 2"]);
    }

    #[test]
    fn equals_inside_text_is_not_a_marker() {
        assert!(find_conflicts("text = \"\"\"\n======= heading\n\"\"\"\n").is_empty());
    }

    /// What a planner may write inside a multi-line string: lines that merely look like
    /// markers, one at a time or several, in either kind of multi-line string.
    #[test]
    fn marker_like_lines_inside_multi_line_strings_are_text() {
        for t in [
            "a = \"\"\"\n=======\n\"\"\"\n",
            "a = \"\"\"\n<<<<<<< mine\nx\n\"\"\"\n",
            "a = \"\"\"\n>>>>>>> theirs\n\"\"\"\n",
            "a = '''\n=======\n>>>>>>> x\n'''\n",
            "a = \"\"\"\nHeading\n=======\nbody\n\n=======\n\"\"\"\n",
            // a closing marker before an opening one is no block
            "a = \"\"\"\n>>>>>>> b\n=======\n<<<<<<< a\n\"\"\"\n",
            // escapes and quotes that do not close the string
            "a = \"\"\"\nsay \\\"\"\" not closed\n=======\n\"\"\"\n",
            "a = \"\"\"\ntwo \"\" quotes\n=======\n\"\"\"\n",
            "a = \"\"\"\ncontinued \\\n=======\n\"\"\"\n",
            // a string that ends with extra quotes, then another string
            "a = \"\"\"\nx\"\"\"\"\"\nb = '''\n=======\n'''\n",
            "[[x]]\r\na = \"\"\"\r\n=======\r\n\"\"\"\r\n",
        ] {
            assert_eq!(find_conflicts(t), Vec::new(), "{t:?}");
        }
    }

    /// Git writes a whole block (<<<<<<<, =======, >>>>>>>) when both sides changed one
    /// long text; inside a string that is still a conflict, and so is any marker line
    /// outside one, whatever came before it.
    #[test]
    fn real_markers_are_found_inside_and_outside_strings() {
        let cases = [
            // both sides edited the same multi-line text
            (
                "a = \"\"\"\nstart\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> b\n\"\"\"\n",
                (3, Some(5), Some(7)),
            ),
            // with the base (diff3)
            (
                "a = '''\n<<<<<<< HEAD\nours\n||||||| base\nold\n=======\ntheirs\n>>>>>>> b\n'''\n",
                (2, Some(6), Some(8)),
            ),
            // the block opens in a string and ends outside it
            (
                "a = \"\"\"\n<<<<<<< HEAD\nx\"\"\"\n=======\na = 1\n>>>>>>> b\n",
                (2, Some(4), Some(6)),
            ),
            // quotes in a one-line string or a comment open no multi-line string
            ("a = \"\\\"\\\"\\\"\"\n=======\n", (2, None, None)),
            ("a = '\"\"\"'\n=======\n", (2, None, None)),
            ("# \"\"\" in a comment\n<<<<<<< HEAD\n", (2, None, None)),
            ("a = 1 # '''\n>>>>>>> b\n", (2, None, None)),
            // a string that closed on the line before
            ("a = \"\"\"\nx\"\"\"\n=======\n", (3, None, None)),
        ];
        for (t, (start, middle, end)) in cases {
            let r = find_conflicts(t);
            assert!(!r.is_empty(), "{t:?}");
            assert_eq!(
                (r[0].start, r[0].middle, r[0].end),
                (start, middle, end),
                "{t:?}"
            );
        }
    }

    /// Marker-like text lines before a real block, or inside it, never hide it: any
    /// <<<<<<< ... ======= ... >>>>>>> in that order is a conflict, in strings or not.
    #[test]
    fn text_markers_never_hide_a_real_block() {
        for t in [
            "a = \"\"\"\n<<<<<<< typed\n=======\n<<<<<<< HEAD\nx\n=======\ny\n<<<<<<< typed\n>>>>>>> b\n\"\"\"\n",
            "a = \"\"\"\n>>>>>>> typed\n<<<<<<< HEAD\n\"\"\"\nb = \"\"\"\n=======\n\"\"\"\nc = '''\n>>>>>>> b\n'''\n",
        ] {
            assert!(!find_conflicts(t).is_empty(), "{t:?}");
        }
    }
}
