//! `tocplan indicators QUERY`: the picker's ranked results, as text or JSON.

use std::io::Write;

use anyhow::bail;
use serde::Serialize;

use super::listing::{Filters, resolve};
use crate::framework::Framework;
use crate::framework::picker::{Picker, Query, full_count};
use crate::text::{sanitize, sanitized};

#[derive(Serialize)]
struct Row<'a> {
    rank: usize,
    id: &'a str,
    text: &'a str,
    domain: u8,
    domain_name: &'a str,
    category: &'a str,
    perspective: &'a str,
    source: &'a str,
    score: i64,
    /// Char indices of the text that matched.
    matched: &'a [usize],
    /// Keywords, index words or names that led to it, and the thesaurus's steps.
    via: &'a [String],
    /// It matches every word of the query (partial matches come after).
    all_words: bool,
}

pub fn run(fw: &Framework, text: &str, f: Filters, limit: usize, json: bool) -> anyhow::Result<u8> {
    let (domain, category) = resolve(fw, f)?;
    let mut q = Query::parse(text, fw);
    if let Some(problem) = q.problems.first() {
        bail!("{problem}");
    }
    q.domain = domain.or(q.domain);
    q.category = category.or(q.category);
    let hits = Picker::new(fw).search(&q);
    let shown = if limit == 0 {
        hits.len()
    } else {
        limit.min(hits.len())
    };
    let mut rows = Vec::new();
    for (rank, h) in hits.iter().take(shown).enumerate() {
        let Some(ind) = fw.indicator(&h.id) else {
            continue;
        };
        let d = fw.domain(ind.domain);
        rows.push(Row {
            rank: rank + 1,
            id: &ind.id,
            text: &ind.text,
            domain: ind.domain,
            domain_name: d.map_or("", |d| d.name.as_str()),
            category: d
                .and_then(|d| fw.category(&d.category))
                .map_or("", |c| c.name.as_str()),
            perspective: ind.perspective.as_str(),
            source: match ind.source {
                crate::framework::IndicatorSource::Quoted => "quoted",
                crate::framework::IndicatorSource::Official => "official",
                crate::framework::IndicatorSource::Tocplan => "tocplan",
                crate::framework::IndicatorSource::User => "user",
            },
            score: h.score,
            matched: &h.positions,
            via: &h.via,
            all_words: h.full,
        });
    }
    // Buffered (see `output`): thousands of results are not thousands of writes.
    let mut out = super::output::stdout();
    if json {
        crate::json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(0);
    }
    for r in &rows {
        writeln!(
            out,
            "{:>3}. {}  ({} {} · {} · {})",
            r.rank, r.id, r.domain, r.domain_name, r.category, r.perspective
        )?;
        writeln!(out, "     {}", sanitized(r.text))?;
        if !r.via.is_empty() {
            writeln!(out, "     via: {}", sanitize(&r.via.join(", ")))?;
        }
    }
    // Counted against the whole bank, and the shown part said apart.
    let full = full_count(&hits);
    writeln!(
        out,
        "{} of {} indicators match ({full} all words · {} some); {} shown",
        hits.len(),
        fw.indicators().count(),
        hits.len() - full,
        rows.len()
    )?;
    out.flush()?;
    Ok(0)
}
