//! A picker query: words to match in any order, and filters typed inline (`#9` or
//! `#language` for a domain, `@facilitators` or `@bridges` for a category, `!receiving`
//! for a perspective).

use super::super::{Framework, Perspective};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Folded words, stop words included (the engine leaves those out).
    pub words: Vec<String>,
    pub domain: Option<u8>,
    /// A category id.
    pub category: Option<String>,
    pub perspective: Option<Perspective>,
    /// Filters that named nothing, worded for the planner.
    pub problems: Vec<String>,
}

const PERSPECTIVES: [Perspective; 4] = [
    Perspective::Newcomers,
    Perspective::ReceivingCommunity,
    Perspective::Institutions,
    Perspective::All,
];

impl Query {
    pub fn parse(text: &str, fw: &Framework) -> Query {
        let mut q = Query::default();
        for token in text.split_whitespace() {
            let (sigil, rest) = token.split_at(token.chars().next().map_or(0, char::len_utf8));
            let rest = rest.replace(['-', '_'], " ");
            match sigil {
                "#" if !rest.is_empty() => match fw.find_domain(&rest) {
                    Some(d) => q.domain = Some(d.number),
                    None => q
                        .problems
                        .push(format!("#{rest} is not a domain (1-14 or a name)")),
                },
                "@" if !rest.is_empty() => match category_named(fw, &rest) {
                    Some(c) => q.category = Some(c),
                    None => q.problems.push(format!("@{rest} is not a category")),
                },
                "!" if !rest.is_empty() => {
                    let r = crate::text::fold(&rest).replace(' ', "-");
                    match PERSPECTIVES.iter().find(|p| p.as_str().starts_with(&r)) {
                        Some(p) => q.perspective = Some(*p),
                        None => q.problems.push(format!(
                            "!{rest} is not a perspective (newcomers, receiving, institutions, all)"
                        )),
                    }
                }
                // Split as the bank's text is ("refugee-led" is two words).
                _ => q
                    .words
                    .extend(super::words::words(token).into_iter().map(|w| w.folded)),
            }
        }
        q
    }
}

/// A category id from what a planner calls it: its id or name ("facilitators",
/// "social-connections"), a domain of it ("bridges"), or part of its name. The picker's `@`
/// filter and `tocplan indicators --category` both take these.
pub fn category_named(fw: &Framework, name: &str) -> Option<String> {
    let name = name.replace(['-', '_'], " ");
    fw.find_category(&name)
        .map(|c| c.id.clone())
        .or_else(|| fw.find_domain(&name).map(|d| d.category.clone()))
        .or_else(|| {
            let r = crate::text::fold(name.trim());
            (!r.is_empty())
                .then(|| {
                    fw.categories
                        .iter()
                        .find(|c| crate::text::fold(&c.name).contains(&r))
                        .map(|c| c.id.clone())
                })
                .flatten()
        })
}

/// The query text with its filter of one kind (`#`, `@` or `!`) replaced by the next value
/// in turn (none after the last), for cycling filters with a key.
pub fn cycle_filter(text: &str, sigil: char, fw: &Framework) -> String {
    let current = Query::parse(text, fw);
    let values: Vec<String> = match sigil {
        '#' => fw.domains.iter().map(|d| d.number.to_string()).collect(),
        '@' => fw
            .categories
            .iter()
            .map(|c| c.id.replace('_', "-"))
            .collect(),
        _ => PERSPECTIVES
            .iter()
            .map(|p| p.as_str().to_string())
            .collect(),
    };
    let now = match sigil {
        '#' => current.domain.map(|d| d.to_string()),
        '@' => current.category.map(|c| c.replace('_', "-")),
        _ => current.perspective.map(|p| p.as_str().to_string()),
    };
    let next = match now.and_then(|n| values.iter().position(|v| *v == n)) {
        None => values.first().cloned(),
        Some(i) => values.get(i + 1).cloned(),
    };
    let mut kept: Vec<String> = text
        .split_whitespace()
        .filter(|t| !t.starts_with(sigil))
        .map(str::to_string)
        .collect();
    if let Some(v) = next {
        kept.push(format!("{sigil}{v}"));
    }
    let mut out = kept.join(" ");
    if !out.is_empty() {
        out.push(' ');
    }
    out
}
