//! `tocplan indicators QUERY`: the picker's ranked results, as text or JSON.

use std::io::Write;

use anyhow::bail;
use serde::Serialize;

use super::listing::{Filters, resolve};
use crate::framework::Framework;
use crate::framework::picker::{Hit, Picker, Query, Ranked};
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
    let picker = Picker::new(fw);
    // Ranked once, each result explained and written as it comes: 30,000 results of a
    // large bank are never all held at once, nor one huge string.
    let ranked = picker.rank(&q);
    let shown = if limit == 0 {
        ranked.len()
    } else {
        limit.min(ranked.len())
    };
    // Buffered (see `output`): thousands of results are not thousands of writes.
    let mut out = super::output::stdout();
    if json {
        crate::json::to_writer_pretty(
            &mut out,
            &Rows {
                fw,
                ranked: &ranked,
                shown,
            },
        )?;
        writeln!(out)?;
        out.flush()?;
        return Ok(0);
    }
    let mut written = 0;
    for k in 0..shown {
        let Some(h) = ranked.hit(k) else { continue };
        let Some(r) = row(fw, k, &h) else { continue };
        written += 1;
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
    let full = ranked.full_count();
    writeln!(
        out,
        "{} of {} indicators match ({full} all words · {} some); {written} shown",
        ranked.len(),
        fw.indicators().count(),
        ranked.len() - full,
    )?;
    out.flush()?;
    Ok(0)
}

/// The `k`th result as a row, if its indicator is loaded.
fn row<'a>(fw: &'a Framework, k: usize, h: &'a Hit) -> Option<Row<'a>> {
    let ind = fw.indicator(&h.id)?;
    let d = fw.domain(ind.domain);
    Some(Row {
        rank: k + 1,
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
    })
}

/// The shown results as a JSON array, each made as it is written.
struct Rows<'a> {
    fw: &'a Framework,
    ranked: &'a Ranked<'a>,
    shown: usize,
}

impl Serialize for Rows<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(None)?;
        for k in 0..self.shown {
            let Some(h) = self.ranked.hit(k) else {
                continue;
            };
            if let Some(r) = row(self.fw, k, &h) {
                seq.serialize_element(&r)?;
            }
        }
        seq.end()
    }
}
