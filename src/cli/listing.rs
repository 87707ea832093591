use std::io::Write;

use anyhow::bail;

use crate::framework::Framework;

/// `--domain` and `--category` as given.
#[derive(Debug, Clone, Copy)]
pub struct Filters<'a> {
    pub domain: Option<&'a str>,
    pub category: Option<&'a str>,
}

/// Resolves `--domain` and `--category`, or says what to give instead.
pub fn resolve(fw: &Framework, f: Filters) -> anyhow::Result<(Option<u8>, Option<String>)> {
    let domain = match f.domain {
        Some(q) => match fw.find_domain(q) {
            Some(d) => Some(d.number),
            None => bail!(
                "no domain matches `{q}`; give a number from 1 to 14 or a name (see `tocplan domains`)"
            ),
        },
        None => None,
    };
    let category = match f.category {
        // The same names as the picker's `@` filter ("bridges", "facilitators").
        Some(q) => match crate::framework::picker::category_named(fw, q) {
            Some(c) => Some(c),
            None => bail!(
                "no category matches `{q}`; use markers_and_means, social_connections, facilitators or foundation (or a domain of one, such as bridges)"
            ),
        },
        None => None,
    };
    Ok((domain, category))
}

/// The bank by domain; `limit` indicators at most (0: all), as `--json` and a query count.
pub fn indicators(
    fw: &Framework,
    domain: Option<&str>,
    category: Option<&str>,
    limit: usize,
) -> anyhow::Result<u8> {
    let (domain, category) = resolve(fw, Filters { domain, category })?;
    let mut out = super::output::stdout();
    let mut left = if limit == 0 { usize::MAX } else { limit };
    let wanted = |n: u8, c: &str| {
        domain.is_none_or(|d| d == n) && category.as_ref().is_none_or(|want| want == c)
    };
    let mut total = 0;
    let mut shown = 0;
    for d in &fw.domains {
        if !wanted(d.number, &d.category) {
            continue;
        }
        total += fw.indicators().filter(|i| i.domain == d.number).count();
        if left == 0 {
            continue;
        }
        let inds: Vec<_> = fw.indicators().filter(|i| i.domain == d.number).collect();
        let cat = fw.category(&d.category).map_or("", |c| c.name.as_str());
        writeln!(
            out,
            "{:>2} {} ({cat}): {} indicators",
            d.number,
            d.name,
            inds.len()
        )?;
        for i in inds {
            if left == 0 {
                break;
            }
            left -= 1;
            shown += 1;
            let quoted = match i.source {
                crate::framework::IndicatorSource::Quoted => " [quoted]",
                crate::framework::IndicatorSource::Official => " [official]",
                _ => "",
            };
            writeln!(out, "   {}  ({}){quoted}", i.id, i.perspective.as_str())?;
            writeln!(out, "      {}", crate::text::sanitize(&i.text))?;
        }
    }
    // A cut list says so, as a query's does, so it is never read as the whole bank.
    if limit != 0 {
        writeln!(out, "{shown} of {total} indicators shown")?;
    }
    out.flush()?;
    Ok(0)
}

pub fn domains(fw: &Framework) -> anyhow::Result<u8> {
    let mut out = super::output::stdout();
    for c in &fw.categories {
        writeln!(out, "{}", c.name)?;
        for d in fw.domains.iter().filter(|d| d.category == c.id) {
            writeln!(out, "  {:>2}  {}: {}", d.number, d.name, d.gloss)?;
            let words: Vec<&str> = fw.index_words(d.number).collect();
            if !words.is_empty() {
                writeln!(out, "      index: {}", words.join("; "))?;
            }
        }
    }
    out.flush()?;
    Ok(0)
}
