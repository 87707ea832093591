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
        Some(q) => match fw.find_category(q) {
            Some(c) => Some(c.id.clone()),
            None => bail!(
                "no category matches `{q}`; use markers_and_means, social_connections, facilitators or foundation"
            ),
        },
        None => None,
    };
    Ok((domain, category))
}

pub fn indicators(
    fw: &Framework,
    domain: Option<&str>,
    category: Option<&str>,
) -> anyhow::Result<u8> {
    let (domain, category) = resolve(fw, Filters { domain, category })?;
    let mut out = super::output::stdout();
    for d in &fw.domains {
        if domain.is_some_and(|n| n != d.number)
            || category.as_ref().is_some_and(|c| *c != d.category)
        {
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
            let quoted = match i.source {
                crate::framework::IndicatorSource::Quoted => " [quoted]",
                crate::framework::IndicatorSource::Official => " [official]",
                _ => "",
            };
            writeln!(out, "   {}  ({}){quoted}", i.id, i.perspective.as_str())?;
            writeln!(out, "      {}", crate::text::sanitize(&i.text))?;
        }
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
