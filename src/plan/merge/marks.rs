//! The text of a conflicted merge: the two versions with git's markers wherever they
//! differ, labelled with the names git passes, and with the base shown when the
//! repository asks for `merge.conflictStyle = diff3`.

use similar::{DiffTag, TextDiff};

use super::seq::{Chunk, merge3};

/// How the markers look: their labels, their length (git's `%L`), and whether the base
/// is shown between `|||||||` and `=======`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    pub ours: String,
    pub base: String,
    pub theirs: String,
    pub size: usize,
    pub diff3: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            ours: "ours".into(),
            base: "base".into(),
            theirs: "theirs".into(),
            size: 7,
            diff3: false,
        }
    }
}

impl Style {
    fn marker(&self, c: char, label: &str) -> String {
        let mut m: String = std::iter::repeat_n(c, self.size.max(7)).collect();
        if !label.is_empty() {
            m.push(' ');
            m.push_str(label);
        }
        m.push('\n');
        m
    }

    fn block(&self, out: &mut String, ours: &[&str], base: &[&str], theirs: &[&str]) {
        let lines = |out: &mut String, side: &[&str]| {
            for l in side {
                out.push_str(l);
                // A last line without its line break would swallow the next marker.
                if !l.ends_with('\n') {
                    out.push('\n');
                }
            }
        };
        out.push_str(&self.marker('<', &self.ours));
        lines(out, ours);
        if self.diff3 {
            out.push_str(&self.marker('|', &self.base));
            lines(out, base);
        }
        out.push_str(&self.marker('=', ""));
        lines(out, theirs);
        out.push_str(&self.marker('>', &self.theirs));
    }
}

/// `ours` and `theirs` as one text, every difference between them marked.
pub(super) fn marked(base: &str, ours: &str, theirs: &str, style: &Style) -> String {
    fn split(s: &str) -> Vec<&str> {
        s.split_inclusive('\n').collect()
    }
    let (o, a, b) = (split(base), split(ours), split(theirs));
    let mut out = String::new();
    if !style.diff3 {
        // The smallest hunks: a two-way diff of the versions.
        for op in TextDiff::from_lines(ours, theirs).ops() {
            let (tag, x, y) = op.as_tag_tuple();
            if tag == DiffTag::Equal {
                out.extend(a[x].iter().copied());
            } else {
                style.block(&mut out, &a[x], &[], &b[y]);
            }
        }
        return out;
    }
    for chunk in merge3(&o, &a, &b) {
        match chunk {
            Chunk::Stable(s) => out.extend(s.iter().copied()),
            Chunk::Changed { ours, theirs, .. } if ours == theirs => {
                out.extend(ours.iter().copied());
            }
            Chunk::Changed { base, ours, theirs } => {
                // Lines both versions share at the ends stay outside the markers, as with
                // git's zdiff3; the base is shown whole.
                let head = ours.iter().zip(theirs).take_while(|(x, y)| x == y).count();
                let tail = ours[head..]
                    .iter()
                    .rev()
                    .zip(theirs[head..].iter().rev())
                    .take_while(|(x, y)| x == y)
                    .count();
                out.extend(ours[..head].iter().copied());
                style.block(
                    &mut out,
                    &ours[head..ours.len() - tail],
                    base,
                    &theirs[head..theirs.len() - tail],
                );
                out.extend(ours[ours.len() - tail..].iter().copied());
            }
        }
    }
    out
}
