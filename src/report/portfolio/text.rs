//! The portfolio as text for a terminal (every line within 80 columns, plan text made safe
//! to show) and as Markdown (for a pull request or a wiki).

use super::{Portfolio, Reading, Summary, value};
use crate::text::display::width;
use crate::text::markdown_cell as md;

pub const COLUMNS: usize = 80;
/// The matrix's first column: the plan's title, cut to fit.
const LABEL: usize = 28;

/// Plan text on one line, safe for a terminal, cut to `max` columns with an ellipsis.
fn fit(s: &str, max: usize) -> String {
    let one: String = crate::text::sanitize(s)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect();
    if width(&one) <= max {
        return one;
    }
    let mut out = String::new();
    for c in one.chars() {
        if width(&out) + crate::text::display::char_width(c) + 1 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn pad(s: &str, w: usize) -> String {
    let n = width(s);
    format!("{s}{}", " ".repeat(w.saturating_sub(n)))
}

fn when(p: &Summary) -> String {
    match (&p.start, &p.end) {
        (Some(s), Some(e)) => format!("{s} to {e}"),
        (Some(s), None) => format!("from {s}"),
        _ => "no dates".into(),
    }
}

fn reading(r: &Reading) -> String {
    let latest = r
        .latest
        .as_ref()
        .map_or("no reading yet".to_string(), |(d, v)| {
            format!("{} on {d}", value(*v))
        });
    let progress = r.progress.map_or(String::new(), |s| {
        format!(
            ", {:.0}%{}",
            s * 100.0,
            if r.off_track { " off track" } else { "" }
        )
    });
    format!("{latest}{progress}")
}

pub fn to_text(p: &Portfolio) -> String {
    let mut out = Vec::<String>::new();
    let total = p.plans.len() + p.broken.len();
    out.push(format!(
        "Portfolio of {total} plan{}{}",
        if total == 1 { "" } else { "s" },
        if p.broken.is_empty() {
            String::new()
        } else {
            format!(" ({} could not be read)", p.broken.len())
        }
    ));
    out.push(String::new());
    out.push("Plans".into());
    for s in &p.plans {
        out.push(format!("  {}", fit(&s.title, COLUMNS - 2)));
        let place = if s.place.is_empty() {
            when(s)
        } else {
            format!("{} · {}", when(s), s.place)
        };
        out.push(format!("    {}", fit(&place, COLUMNS - 4)));
        out.push(format!("    {}", fit(&s.file, COLUMNS - 4)));
        let off: Vec<&str> = s.off_track().map(|m| m.measure.as_str()).collect();
        let status = format!(
            "review: {} · {} measure{} · off track: {}",
            s.status(),
            s.measures.len(),
            if s.measures.len() == 1 { "" } else { "s" },
            if off.is_empty() {
                "none".to_string()
            } else {
                off.join(", ")
            }
        );
        for line in textwrap::wrap(&crate::text::sanitize(&status), COLUMNS - 6) {
            out.push(format!("    {line}"));
        }
    }
    if !p.broken.is_empty() {
        out.push(String::new());
        out.push("Could not be read".into());
        for (file, error) in &p.broken {
            out.push(format!("  {}", fit(file, COLUMNS - 2)));
            for line in textwrap::wrap(&crate::text::sanitize(error), COLUMNS - 4) {
                out.push(format!("    {line}"));
            }
        }
    }
    out.push(String::new());
    out.push("Domains measured (measures in each)".into());
    out.extend(matrix(p));
    out.push(String::new());
    out.push("Shared indicators (measured by two or more plans)".into());
    if p.shared.is_empty() {
        out.push("  none".into());
    }
    for sh in &p.shared {
        let name = if sh.text.is_empty() {
            sh.indicator.clone()
        } else {
            sh.text.clone()
        };
        let about = fit(&format!("{name} ({})", sh.domain), 3 * COLUMNS);
        for (k, line) in textwrap::wrap(&about, COLUMNS - 4).into_iter().enumerate() {
            out.push(format!("{}{line}", if k == 0 { "  " } else { "    " }));
        }
        for r in &sh.plans {
            let title = &p.plans[r.plan].title;
            out.push(format!(
                "      {} {}",
                pad(&fit(title, LABEL), LABEL),
                fit(&reading(r), COLUMNS - 7 - LABEL)
            ));
        }
    }
    out.push(String::new());
    out.push("Gaps".into());
    let mut gaps = Vec::new();
    if !p.gaps.categories.is_empty() {
        gaps.push(format!(
            "Categories no plan measures: {}",
            p.gaps.categories.join(", ")
        ));
    }
    if !p.gaps.domains.is_empty() {
        gaps.push(format!(
            "Domains no plan measures: {}",
            p.gaps.domains.join(", ")
        ));
    }
    if !p.gaps.no_social_connection.is_empty() {
        let names: Vec<String> = p
            .gaps
            .no_social_connection
            .iter()
            .map(|&k| fit(&p.plans[k].title, 40))
            .collect();
        gaps.push(format!(
            "Plans that measure no social connection: {}",
            names.join("; ")
        ));
    }
    if gaps.is_empty() {
        gaps.push(
            "none: every domain is measured, and every plan measures a social connection".into(),
        );
    }
    for g in gaps {
        for (k, line) in textwrap::wrap(&g, COLUMNS - 4).into_iter().enumerate() {
            out.push(format!("{}{line}", if k == 0 { "  " } else { "    " }));
        }
    }
    out.join("\n") + "\n"
}

/// The domain-by-plan matrix: a row per plan, a column per domain, grouped by category.
fn matrix(p: &Portfolio) -> Vec<String> {
    let mut out = Vec::new();
    let legend: Vec<String> = p
        .categories
        .iter()
        .map(|(c, ds)| {
            let nums: Vec<String> = ds.iter().map(|(n, _)| n.to_string()).collect();
            format!("{} {}", nums.join(","), c)
        })
        .collect();
    for line in textwrap::wrap(
        &format!("Domains by category: {}", legend.join("; ")),
        COLUMNS - 2,
    ) {
        out.push(format!("  {line}"));
    }
    let mut head = format!("  {}", pad("", LABEL));
    for (_, ds) in &p.categories {
        head.push_str(" |");
        for (n, _) in ds {
            head.push_str(&format!("{n:>3}"));
        }
    }
    out.push(head);
    for s in &p.plans {
        let mut row = format!("  {}", pad(&fit(&s.title, LABEL), LABEL));
        for (_, ds) in &p.categories {
            row.push_str(" |");
            for (n, _) in ds {
                let k = s.domains[usize::from(*n) - 1];
                row.push_str(&if k == 0 {
                    "  .".to_string()
                } else {
                    format!("{:>3}", k.min(99))
                });
            }
        }
        out.push(row);
    }
    out
}

pub fn to_markdown(p: &Portfolio) -> String {
    let mut out = format!(
        "# Portfolio of {} plans\n\n## Plans\n\n| Plan | File | Place | Dates | Review | Measures | Off track |\n|---|---|---|---|---|---|---|\n",
        p.plans.len() + p.broken.len()
    );
    for s in &p.plans {
        let off: Vec<String> = s.off_track().map(|m| md(&m.measure)).collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            md(&s.title),
            md(&s.file),
            md(&s.place),
            when(s),
            s.status(),
            s.measures.len(),
            off.join(", ")
        ));
    }
    if !p.broken.is_empty() {
        out.push_str("\n## Could not be read\n\n");
        for (file, error) in &p.broken {
            out.push_str(&format!("- {}: {}\n", md(file), md(error)));
        }
    }
    out.push_str("\n## Domains measured\n\nMeasures in each domain, by category.\n\n| Plan |");
    let mut rule = "|---|".to_string();
    for (c, ds) in &p.categories {
        for (n, name) in ds {
            out.push_str(&format!(" {n} {} ({}) |", md(name), md(c)));
            rule.push_str("---|");
        }
    }
    out.push_str(&format!("\n{rule}\n"));
    for s in &p.plans {
        out.push_str(&format!("| {} |", md(&s.title)));
        for (_, ds) in &p.categories {
            for (n, _) in ds {
                let k = s.domains[usize::from(*n) - 1];
                out.push_str(&format!(
                    " {} |",
                    if k == 0 { String::new() } else { k.to_string() }
                ));
            }
        }
        out.push('\n');
    }
    out.push_str("\n## Shared indicators\n\n");
    if p.shared.is_empty() {
        out.push_str("None: no indicator is measured by two plans.\n");
    }
    for sh in &p.shared {
        out.push_str(&format!(
            "### {} ({})\n\n| Plan | Measure | Latest reading and progress |\n|---|---|---|\n",
            md(if sh.text.is_empty() {
                &sh.indicator
            } else {
                &sh.text
            }),
            md(&sh.domain)
        ));
        for r in &sh.plans {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                md(&p.plans[r.plan].title),
                md(&r.measure),
                reading(r)
            ));
        }
        out.push('\n');
    }
    out.push_str("\n## Gaps\n\n");
    out.push_str(&format!(
        "- Categories no plan measures: {}\n- Domains no plan measures: {}\n- Plans that measure no social connection: {}\n",
        none_or(&p.gaps.categories.iter().map(|c| md(c)).collect::<Vec<_>>()),
        none_or(&p.gaps.domains.iter().map(|c| md(c)).collect::<Vec<_>>()),
        none_or(
            &p.gaps
                .no_social_connection
                .iter()
                .map(|&k| md(&p.plans[k].title))
                .collect::<Vec<_>>()
        ),
    ));
    out
}

fn none_or(v: &[String]) -> String {
    if v.is_empty() {
        "none".into()
    } else {
        v.join(", ")
    }
}
