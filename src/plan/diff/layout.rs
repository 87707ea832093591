//! A changed field as runs of words with their fate (kept, removed, added), and those runs
//! laid out on lines of a width, continuation lines indented under their field.

use similar::{ChangeTag, TextDiff};
use unicode_width::UnicodeWidthStr;

use super::{FieldChange, FieldKind};

/// Words with the same fate, in order.
pub type Runs = Vec<(ChangeTag, String)>;

/// Whether a text change reads best as a word diff: prose on both sides.
pub fn is_prose(f: &FieldChange) -> bool {
    f.kind == FieldKind::Text
        && f.old.contains(' ')
        && f.new.contains(' ')
        && f.old.len().max(f.new.len()) > 24
}

/// The word diff of two texts, runs of words with the same fate joined
/// ("{+at home and at work+}" rather than a mark per word).
pub fn word_runs(old: &str, new: &str) -> Runs {
    let mut runs: Runs = Vec::new();
    for change in TextDiff::from_words(old, new).iter_all_changes() {
        match runs.last_mut() {
            Some((tag, text)) if *tag == change.tag() => text.push_str(change.value()),
            _ => runs.push((change.tag(), change.value().to_string())),
        }
    }
    runs
}

/// `runs` on lines no wider than `width` where words allow, the first line starting
/// `first` columns in (after the field's name); a line break in the text starts a new line.
/// Spaces at a line's end are dropped.
pub fn lines(runs: &Runs, first: usize, width: usize, indent: usize) -> Vec<Runs> {
    let mut out: Vec<Runs> = vec![Vec::new()];
    let mut used = first;
    for (tag, text) in runs {
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                out.push(Vec::new());
                used = indent;
            }
            for word in part.split_inclusive(' ') {
                let w = word.trim_end_matches(' ').width();
                let line = out.last_mut().map_or(0, |l| l.len());
                if line > 0 && used + w > width {
                    out.push(Vec::new());
                    used = indent;
                }
                used += word.width();
                if let Some(line) = out.last_mut() {
                    match line.last_mut() {
                        Some((t, s)) if t == tag => s.push_str(word),
                        _ => line.push((*tag, word.to_string())),
                    }
                }
            }
        }
    }
    for line in &mut out {
        // Trailing spaces at a line's end show nothing; a run left empty goes.
        if let Some((_, s)) = line.last_mut() {
            s.truncate(s.trim_end_matches(' ').len());
        }
        line.retain(|(_, s)| !s.is_empty());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_runs_wrap_and_line_breaks_start_lines() {
        let runs = vec![
            (ChangeTag::Equal, "one two three four ".to_string()),
            (ChangeTag::Insert, "five\nsix".to_string()),
        ];
        let got = lines(&runs, 4, 14, 2);
        let text: Vec<String> = got
            .iter()
            .map(|l| l.iter().map(|(_, s)| s.as_str()).collect())
            .collect();
        assert_eq!(text, ["one two", "three four", "five", "six"]);
        assert_eq!(got[2], [(ChangeTag::Insert, "five".to_string())]);
    }
}
