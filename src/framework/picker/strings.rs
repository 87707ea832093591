//! Many short strings (indicator ids, keywords as written) in one block of text with
//! where each ends: one allocation for a whole bank instead of one per string, and a few
//! bytes per string instead of a pointer, a length and the allocator's own overhead.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strings {
    text: String,
    /// Where each string ends in `text`; it starts where the one before ends.
    ends: Vec<u32>,
}

impl Strings {
    /// Adds `s` and gives its number.
    pub fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        self.ends.len() as u32 - 1
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// String `i`; empty when there is no such string.
    pub fn get(&self, i: u32) -> &str {
        let i = i as usize;
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// Adds all of `other`'s strings after these.
    pub fn append(&mut self, other: &Strings) {
        let base = self.text.len() as u32;
        self.text.push_str(&other.text);
        self.ends.extend(other.ends.iter().map(|e| e + base));
    }

    /// Whether every string ends inside the text, in order, at a char boundary (a cached
    /// block is checked before it is used).
    pub fn is_sound(&self) -> bool {
        let mut last = 0;
        self.ends.iter().all(|&e| {
            let ok = e >= last && self.text.is_char_boundary(e as usize);
            last = e;
            ok
        })
    }

    /// Room for `strings` more strings of `bytes` bytes in all.
    pub fn reserve(&mut self, strings: usize, bytes: usize) {
        self.ends.reserve_exact(strings);
        self.text.reserve_exact(bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_come_back_as_pushed_and_appended() {
        let mut a = Strings::default();
        assert_eq!(a.push("work.1"), 0);
        assert_eq!(a.push(""), 1);
        assert_eq!(a.push("café"), 2);
        let mut b = Strings::default();
        b.push("gp");
        a.append(&b);
        assert_eq!(
            (0..4).map(|i| a.get(i)).collect::<Vec<_>>(),
            ["work.1", "", "café", "gp"]
        );
        assert_eq!(a.get(4), "");
        assert!(a.is_sound());
        let broken = Strings {
            text: "café".into(),
            ends: vec![4],
        };
        assert!(!broken.is_sound(), "inside the é");
        let backwards = Strings {
            text: "abc".into(),
            ends: vec![2, 1],
        };
        assert!(!backwards.is_sound());
    }
}
