//! Comments in a diff and in the outline. A comment is part of what a person wrote, so a
//! change only to comments is a change: each comment is placed under the item it belongs
//! to, as a `comment` field whose value says where it sits (`above `target`: # …`).

use super::FieldChange;
use crate::plan::Comments;

/// An item's comments as written, and, for the plan itself, the comment lines after the
/// file's last table.
#[derive(Debug, Clone)]
pub(super) struct Remarks {
    comments: Comments,
    end: Vec<String>,
    /// Where the header's comments are: above the item's table, or (for the plan itself)
    /// at the top of the file.
    head: &'static str,
}

impl Remarks {
    pub fn of(c: &Comments) -> Remarks {
        Remarks {
            comments: c.clone(),
            end: Vec::new(),
            head: "above the item",
        }
    }

    /// The plan's own: the file's opening comment, its top-level keys', and the last lines.
    pub fn of_file(c: &Comments, end: &[String]) -> Remarks {
        Remarks {
            comments: c.clone(),
            end: end.to_vec(),
            head: "at the top of the file",
        }
    }

    /// Each place a comment can sit, with its text, in file order: above and after the
    /// header, above and after each key, after the last table.
    fn slots(&self) -> Vec<(String, String)> {
        let c = &self.comments;
        let mut out = Vec::new();
        if !c.header.is_empty() {
            out.push((self.head.to_string(), c.header.join("\n")));
        }
        if let Some(after) = &c.header_after {
            out.push(("after the header".to_string(), after.clone()));
        }
        for (key, k) in &c.keys {
            if !k.above.is_empty() {
                out.push((format!("above `{key}`"), k.above.join("\n")));
            }
            if let Some(after) = &k.after {
                out.push((format!("after `{key}`"), after.clone()));
            }
        }
        if !self.end.is_empty() {
            out.push(("at the end of the file".to_string(), self.end.join("\n")));
        }
        out
    }
}

/// The comments added, removed or changed, place by place: new order, then the removed.
pub(super) fn changes(old: &Remarks, new: &Remarks) -> Vec<FieldChange> {
    let (before, after) = (old.slots(), new.slots());
    let find = |slots: &[(String, String)], place: &str| {
        slots
            .iter()
            .find(|(p, _)| p == place)
            .map(|(p, text)| format!("{p}: {text}"))
    };
    let places = after
        .iter()
        .chain(before.iter().filter(|(p, _)| find(&after, p).is_none()))
        .map(|(p, _)| p.as_str());
    places
        .filter_map(|place| {
            let (o, n) = (find(&before, place), find(&after, place));
            (o != n).then(|| FieldChange {
                field: "comment",
                old: o.unwrap_or_default(),
                new: n.unwrap_or_default(),
                added: Vec::new(),
                removed: Vec::new(),
                kind: super::FieldKind::Text,
            })
        })
        .collect()
}

/// The outline's lines for an item, comments where the file has them: header comments
/// under the item's head, a key's comment lines above its field and its trailing comment
/// after the value. `fields` are the fields the outline shows (empty ones included).
pub(super) fn outline(remarks: &Remarks, fields: &[(&str, String)]) -> Vec<String> {
    let c = &remarks.comments;
    let indented = |line: &str| format!("    {line}");
    let mut out: Vec<String> = c.header.iter().map(|l| indented(l)).collect();
    out.extend(c.header_after.iter().map(|l| indented(l)));
    for (field, value) in fields {
        let k = c.key(field);
        out.extend(k.iter().flat_map(|k| k.above.iter()).map(|l| indented(l)));
        let after = k.and_then(|k| k.after.as_deref());
        if value.is_empty() && after.is_none() {
            continue;
        }
        // Multi-line values keep one line each, indented under the field.
        let mut line = format!("    {field}: {}", value.replace('\n', "\n        "));
        if let Some(after) = after {
            line.push_str(&format!("  {after}"));
        }
        out.push(line);
    }
    // Comments on keys the outline does not show (`id`, `schema`, keys it does not know).
    for (key, k) in &c.keys {
        if fields.iter().any(|(f, _)| f == key) {
            continue;
        }
        out.extend(k.above.iter().map(|l| indented(l)));
        out.extend(
            k.after
                .iter()
                .map(|l| indented(&format!("{l} (after `{key}`)"))),
        );
    }
    out.extend(remarks.end.iter().map(|l| indented(l)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::KeyComments;

    fn on(key: &str, above: &[&str], after: Option<&str>) -> Remarks {
        let mut c = Comments::default();
        c.keys.insert(
            key.into(),
            KeyComments {
                above: above.iter().map(|s| s.to_string()).collect(),
                after: after.map(str::to_string),
            },
        );
        Remarks::of(&c)
    }

    #[test]
    fn each_place_is_compared_on_its_own_and_a_move_is_a_removal_and_an_addition() {
        let none = Remarks::of(&Comments::default());
        let above = on("target", &["# why"], None);
        assert!(changes(&above, &above).is_empty());
        let added = changes(&none, &above);
        assert_eq!(
            (added[0].old.as_str(), added[0].new.as_str()),
            ("", "above `target`: # why")
        );
        let removed = changes(&above, &none);
        assert_eq!(removed[0].new, "");
        let reworded = changes(&above, &on("target", &["# why not"], None));
        assert_eq!(reworded.len(), 1);
        assert_eq!(reworded[0].new, "above `target`: # why not");
        let moved = changes(&above, &on("baseline", &["# why"], Some("# and")));
        let said: Vec<_> = moved
            .iter()
            .map(|f| (f.old.as_str(), f.new.as_str()))
            .collect();
        assert_eq!(
            said,
            vec![
                ("", "above `baseline`: # why"),
                ("", "after `baseline`: # and"),
                ("above `target`: # why", ""),
            ]
        );
    }
}
