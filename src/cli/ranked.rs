//! `tocplan indicators QUERY`: the picker's ranked results, as text or JSON.

use std::io::Write;
use std::path::PathBuf;

use anyhow::bail;
use serde::Serialize;

use super::listing::{Filters, resolve};
use crate::framework::picker::{Hit, Picker, Query, Ranked, Shown, ShownIndicator};
use crate::framework::{Framework, Indicator};
use crate::text::{sanitize, sanitized};

/// Results explained and written in batches of this many per thread: a batch's text is
/// made on its own thread, and the batches written in order.
const BATCH: usize = 1024;

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

/// Ranks `text` over the built-in framework, the user's banks and `banks`. A query over
/// large banks asked before is answered from the cache alone (`Picker::cached`): the
/// same lines as when the banks are read, without making their indicators.
pub fn run(
    banks: &[PathBuf],
    no_user_banks: bool,
    text: &str,
    f: Filters,
    limit: usize,
    json: bool,
) -> anyhow::Result<u8> {
    let fw = super::builtin_framework()?;
    let files = super::bank_files(banks, no_user_banks);
    let mut out = super::output::stdout();
    // Either way the process ends after this: the framework and the index are not freed,
    // since freeing a large bank's strings and index one by one would take a tenth of a
    // query's time, and the system takes the memory back at once.
    let done = match Picker::cached(&fw, &files) {
        Some((picker, shown)) => {
            let done = query(&fw, text, f).and_then(|q| {
                write(
                    &mut out,
                    &fw,
                    &Texts::Cached(&shown),
                    &picker,
                    &q,
                    limit,
                    json,
                )
            });
            std::mem::forget((picker, shown));
            done
        }
        None => {
            let fw = super::load_banks(fw, banks, no_user_banks)?;
            let q = query(&fw, text, f)?;
            let picker = Picker::new(&fw);
            let done = write(
                &mut out,
                &fw,
                &Texts::Loaded(Places::new(&fw)),
                &picker,
                &q,
                limit,
                json,
            );
            std::mem::forget((picker, fw));
            done
        }
    };
    out.flush()?;
    done
}

/// The query with the command line's filters, or what is wrong with it.
fn query(fw: &Framework, text: &str, f: Filters) -> anyhow::Result<Query> {
    let (domain, category) = resolve(fw, f)?;
    let mut q = Query::parse(text, fw);
    if let Some(problem) = q.problems.first() {
        bail!("{problem}");
    }
    q.domain = domain.or(q.domain);
    q.category = category.or(q.category);
    Ok(q)
}

/// Where the results' texts come from: the loaded banks, or the cache.
enum Texts<'a> {
    Loaded(Places<'a>),
    Cached(&'a Shown),
}

impl<'a> Texts<'a> {
    /// The indicator at `index` in `Framework::indicators()`, which has this id.
    fn get(&self, fw: &'a Framework, index: usize, id: &str) -> Option<ShownIndicator<'a>> {
        match self {
            Texts::Loaded(places) => {
                // By its place, as the picker numbers it; by id should the two disagree.
                let i = places.get(index, id).or_else(|| fw.indicator(id))?;
                Some(ShownIndicator {
                    id: &i.id,
                    text: &i.text,
                    domain: i.domain,
                    perspective: i.perspective,
                    source: i.source,
                })
            }
            Texts::Cached(shown) => {
                let shown: &'a Shown = shown;
                shown.get(index).filter(|i| i.id == id)
            }
        }
    }

    /// How many indicators the banks hold.
    fn count(&self, fw: &Framework) -> usize {
        match self {
            Texts::Loaded(_) => fw.indicators().count(),
            Texts::Cached(shown) => shown.len(),
        }
    }
}

/// The ranked results of `q`, as text or JSON.
fn write(
    out: &mut impl Write,
    fw: &Framework,
    texts: &Texts,
    picker: &Picker,
    q: &Query,
    limit: usize,
    json: bool,
) -> anyhow::Result<u8> {
    // Ranked once, each result explained and written as it comes: 30,000 results of a
    // large bank are never all held at once, nor one huge string.
    let ranked = picker.rank(q);
    let shown = if limit == 0 {
        ranked.len()
    } else {
        limit.min(ranked.len())
    };
    if json {
        crate::json::to_writer_pretty(
            &mut *out,
            &Rows {
                fw,
                texts,
                ranked: &ranked,
                shown,
            },
        )?;
        writeln!(out)?;
        return Ok(0);
    }
    let batches = shown.div_ceil(BATCH);
    let threads = if batches > 1 {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    } else {
        1
    };
    let text = |b: usize| lines(fw, texts, &ranked, b * BATCH..((b + 1) * BATCH).min(shown));
    let mut written = 0;
    if threads == 1 {
        for b in 0..batches {
            let (bytes, n) = text(b);
            out.write_all(&bytes)?;
            written += n;
        }
    } else {
        // Thread t makes batches t, t + threads, ...; this one writes them in order. Each
        // thread's channel holds two batches, so none runs far ahead of the writing.
        std::thread::scope(|s| -> std::io::Result<()> {
            let text = &text;
            let channels: Vec<_> = (0..threads)
                .map(|t| {
                    let (tx, rx) = std::sync::mpsc::sync_channel(2);
                    s.spawn(move || {
                        for b in (t..batches).step_by(threads) {
                            if tx.send(text(b)).is_err() {
                                break;
                            }
                        }
                    });
                    rx
                })
                .collect();
            for b in 0..batches {
                let Ok((bytes, n)) = channels[b % threads].recv() else {
                    break;
                };
                out.write_all(&bytes)?;
                written += n;
            }
            Ok(())
        })?;
    }
    // Counted against the whole bank, and the shown part said apart.
    let full = ranked.full_count();
    writeln!(
        out,
        "{} of {} indicators match ({full} all words · {} some); {written} shown",
        ranked.len(),
        texts.count(fw),
        ranked.len() - full,
    )?;
    Ok(0)
}

/// Results `range` as text, and how many were written.
fn lines(
    fw: &Framework,
    texts: &Texts,
    ranked: &Ranked,
    range: std::ops::Range<usize>,
) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(range.len() * 160);
    let mut written = 0;
    for k in range {
        let Some(h) = ranked.hit(k) else { continue };
        let Some(r) = row(fw, texts, k, &h) else {
            continue;
        };
        written += 1;
        // Writing to memory cannot fail.
        let _ = writeln!(
            out,
            "{:>3}. {}  ({} {} · {} · {})",
            r.rank, r.id, r.domain, r.domain_name, r.category, r.perspective
        );
        let _ = writeln!(out, "     {}", sanitized(r.text));
        if !r.via.is_empty() {
            let _ = writeln!(out, "     via: {}", sanitize(&r.via.join(", ")));
        }
    }
    (out, written)
}

/// Where each bank's indicators start in `Framework::indicators()`, so a hit's indicator
/// is found by its place (as the picker gives it) rather than looked up by id.
struct Places<'a> {
    banks: Vec<(usize, &'a [Indicator])>,
}

impl<'a> Places<'a> {
    fn new(fw: &'a Framework) -> Places<'a> {
        let mut start = 0;
        let banks = fw
            .banks()
            .map(|(b, _)| {
                let at = start;
                start += b.indicators.len();
                (at, &b.indicators[..])
            })
            .collect();
        Places { banks }
    }

    /// The indicator at `index`, if it is the one with this id.
    fn get(&self, index: usize, id: &str) -> Option<&'a Indicator> {
        let b = self.banks.partition_point(|(start, _)| *start <= index);
        let (start, inds) = self.banks.get(b.checked_sub(1)?)?;
        inds.get(index - start).filter(|i| i.id == id)
    }
}

/// The `k`th result as a row, if its indicator is loaded.
fn row<'a>(fw: &'a Framework, texts: &Texts<'a>, k: usize, h: &'a Hit) -> Option<Row<'a>> {
    let ind = texts.get(fw, h.index, &h.id)?;
    let d = fw.domain(ind.domain);
    Some(Row {
        rank: k + 1,
        id: ind.id,
        text: ind.text,
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
    texts: &'a Texts<'a>,
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
            if let Some(r) = row(self.fw, self.texts, k, &h) {
                seq.serialize_element(&r)?;
            }
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests;
