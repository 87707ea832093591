//! The order of a kind of item after a merge: a three-way merge of the id sequences, as
//! git merges lines, so that a side that only moved items keeps its move (and a rebase
//! keeps a commit that only reordered).

use std::collections::HashMap;

use super::items::Merge;
use super::seq::{Chunk, merge3};

/// `items` (what the merge keeps) in the merged order of `o`, `a` and `b`.
pub(super) fn arrange<T: Merge>(o: &[T], a: &[T], b: &[T], items: Vec<T>) -> Vec<T> {
    let keys = |l: &[T]| l.iter().map(Merge::key).collect::<Vec<String>>();
    let (ko, ka, kb) = (keys(o), keys(a), keys(b));
    let mut sequence: Vec<&String> = Vec::new();
    for chunk in merge3(&ko, &ka, &kb) {
        match (chunk.resolved(), chunk) {
            (Some(run), _) => sequence.extend(run),
            // Both sides moved or added items in one stretch: ours' order, then what
            // only theirs has. Order alone is never worth a conflict marker.
            (None, Chunk::Changed { ours, theirs, .. }) => {
                sequence.extend(ours);
                sequence.extend(theirs.iter().filter(|k| !ours.contains(k)));
            }
            (None, Chunk::Stable(run)) => sequence.extend(run),
        }
    }
    let mut slots: HashMap<String, T> = items.iter().map(|x| (x.key(), x.clone())).collect();
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for k in sequence {
        if let Some(x) = slots.remove(k) {
            out.push(x);
        }
    }
    // Kept although the merged sequence dropped it (deleted on one side and edited on
    // the other): after the item it follows on the side that has it.
    for x in items {
        let key = x.key();
        if slots.remove(&key).is_none() {
            continue;
        }
        let at = place(&out, &key, &ka).or_else(|| place(&out, &key, &kb));
        out.insert(at.unwrap_or(0), x);
    }
    out
}

/// Just after the nearest item before `key` in `side` that `out` already holds.
fn place<T: Merge>(out: &[T], key: &str, side: &[String]) -> Option<usize> {
    let i = side.iter().position(|k| k == key)?;
    let placed: HashMap<String, usize> =
        out.iter().enumerate().map(|(n, x)| (x.key(), n)).collect();
    Some(
        side[..i]
            .iter()
            .rev()
            .find_map(|k| placed.get(k))
            .map_or(0, |n| n + 1),
    )
}
