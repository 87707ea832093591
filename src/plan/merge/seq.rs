//! A three-way merge of two sequences against their common ancestor, the way git merges
//! lines (diff3): runs all three agree on are stable; between them, a stretch that only one
//! side changed takes that side, and a stretch both changed is a conflict unless they
//! changed it alike. The one primitive behind merging item order, long texts line by line,
//! lists entry by entry, and the marked text of a conflicted merge.

use similar::DiffOp;
use similar::algorithms::{Capture, myers};

/// One stretch of the merge.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Chunk<'a, T> {
    /// The same in all three.
    Stable(&'a [T]),
    /// At least one side differs from the base here.
    Changed {
        base: &'a [T],
        ours: &'a [T],
        theirs: &'a [T],
    },
}

impl<'a, T: PartialEq> Chunk<'a, T> {
    /// What the merge takes here, or `None` when both sides changed it differently.
    pub(crate) fn resolved(&self) -> Option<&'a [T]> {
        match *self {
            Chunk::Stable(s) => Some(s),
            Chunk::Changed { base, ours, theirs } => {
                if ours == base {
                    Some(theirs)
                } else if theirs == base || ours == theirs {
                    Some(ours)
                } else {
                    None
                }
            }
        }
    }
}

/// For each element of `base`, where it sits in `side` when the diff keeps it.
fn matches<T: PartialEq>(base: &[T], side: &[T]) -> Vec<Option<usize>> {
    let mut at = vec![None; base.len()];
    let mut ops = Capture::new();
    // Myers needs only equality, so any value merges (TOML values have no order or hash).
    if let Err(never) = myers::diff(&mut ops, base, 0..base.len(), side, 0..side.len()) {
        match never {}
    }
    for op in ops.into_ops() {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                at[old_index + k] = Some(new_index + k);
            }
        }
    }
    at
}

/// The chunks of a three-way merge, in order; their sides concatenate back to each input.
pub(crate) fn merge3<'a, T: PartialEq>(
    base: &'a [T],
    ours: &'a [T],
    theirs: &'a [T],
) -> Vec<Chunk<'a, T>> {
    let (ma, mb) = (matches(base, ours), matches(base, theirs));
    let (mut o, mut a, mut b) = (0, 0, 0);
    let mut out = Vec::new();
    while o < base.len() {
        // A stable run: the base element sits at the same place on both sides.
        let start = o;
        while o < base.len() && ma[o] == Some(a) && mb[o] == Some(b) {
            (o, a, b) = (o + 1, a + 1, b + 1);
        }
        if o > start {
            out.push(Chunk::Stable(&base[start..o]));
            continue;
        }
        // Otherwise up to the next base element both sides kept (the matchings are
        // monotone, so it lies after where each side is now).
        let next = (o..base.len()).find_map(|j| Some((j, ma[j]?, mb[j]?)));
        let (no, na, nb) = next.unwrap_or((base.len(), ours.len(), theirs.len()));
        out.push(Chunk::Changed {
            base: &base[o..no],
            ours: &ours[a..na],
            theirs: &theirs[b..nb],
        });
        (o, a, b) = (no, na, nb);
    }
    if a < ours.len() || b < theirs.len() {
        out.push(Chunk::Changed {
            base: &base[base.len()..],
            ours: &ours[a..],
            theirs: &theirs[b..],
        });
    }
    out
}

/// The clean merge, or `None` when some stretch was changed differently on both sides.
pub(crate) fn clean<T: PartialEq + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Option<Vec<T>> {
    let mut out = Vec::new();
    for chunk in merge3(base, ours, theirs) {
        out.extend_from_slice(chunk.resolved()?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn merged(o: &str, a: &str, b: &str) -> Option<String> {
        clean(&chars(o), &chars(a), &chars(b)).map(|v| v.into_iter().collect())
    }

    #[test]
    fn changes_to_different_stretches_merge() {
        assert_eq!(merged("abcde", "Xbcde", "abcdY").as_deref(), Some("XbcdY"));
        assert_eq!(merged("abcde", "abde", "abcdeZ").as_deref(), Some("abdeZ"));
        assert_eq!(merged("abc", "abc", "cab").as_deref(), Some("cab"));
        assert_eq!(merged("abc", "abcX", "abcX").as_deref(), Some("abcX"));
    }

    #[test]
    fn the_same_stretch_changed_differently_conflicts() {
        assert_eq!(merged("abc", "aXc", "aYc"), None);
        // Insertions at the same place are a conflict too, as in git.
        assert_eq!(merged("ab", "aXb", "aYb"), None);
        assert_eq!(merged("", "X", "Y"), None);
    }

    #[test]
    fn every_side_is_covered_by_its_chunks() {
        let (o, a, b) = (chars("abcdefg"), chars("gabXdef"), chars("bcdYefgZ"));
        let (mut so, mut sa, mut sb) = (Vec::new(), Vec::new(), Vec::new());
        for c in merge3(&o, &a, &b) {
            match c {
                Chunk::Stable(s) => [&mut so, &mut sa, &mut sb]
                    .into_iter()
                    .for_each(|v| v.extend_from_slice(s)),
                Chunk::Changed { base, ours, theirs } => {
                    so.extend_from_slice(base);
                    sa.extend_from_slice(ours);
                    sb.extend_from_slice(theirs);
                }
            }
        }
        assert_eq!((so, sa, sb), (o, a, b));
    }
}
