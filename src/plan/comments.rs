//! Comments a person wrote by hand, attached to the table or key they sit above or beside,
//! so a save keeps them even when the table moves.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Comments {
    /// Comment lines above the table's header.
    pub header: Vec<String>,
    /// A comment after the header on the same line.
    pub header_after: Option<String>,
    pub keys: BTreeMap<String, KeyComments>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct KeyComments {
    /// Comment lines above the key.
    pub above: Vec<String>,
    /// A comment after the value on the same line.
    pub after: Option<String>,
}

impl Comments {
    pub fn is_empty(&self) -> bool {
        self.header.is_empty() && self.header_after.is_none() && self.keys.is_empty()
    }

    pub fn key(&self, key: &str) -> Option<&KeyComments> {
        self.keys.get(key)
    }
}

/// The comment lines in a stretch of whitespace and comments, trimmed; blank lines dropped,
/// since the writer decides spacing.
pub fn comment_lines(raw: &str) -> Vec<String> {
    raw.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// The one comment in a value's or header's suffix (`  # note`), if any.
pub fn trailing_comment(raw: &str) -> Option<String> {
    let t = raw.trim();
    t.starts_with('#').then(|| t.to_string())
}
