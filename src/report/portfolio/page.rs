//! The portfolio as one self-contained HTML page, with the report's machinery: the plans,
//! a heat-map of the domains each measures, the shared indicators' progress side by side,
//! and the gaps.

use super::{Portfolio, Reading, value};
use crate::report::html::{esc, page};

fn heat(k: usize) -> &'static str {
    match k {
        0 => "",
        1 => " h1",
        2..=3 => " h2",
        _ => " h3",
    }
}

fn progress(r: &Reading) -> String {
    match r.progress {
        None => "<td class=\"n\">no progress yet</td>".into(),
        Some(s) => {
            let w = (s.clamp(0.0, 1.0) * 8.0 * 100.0).round() / 100.0;
            format!(
                "<td class=\"n\"><span class=\"bar{}\" style=\"width:{w}rem\"></span> {:.0}%{}</td>",
                if r.off_track { " offtrack" } else { "" },
                s * 100.0,
                if r.off_track {
                    " <span class=\"off\">(off track)</span>"
                } else {
                    ""
                }
            )
        }
    }
}

pub fn to_html(p: &Portfolio) -> String {
    let total = p.plans.len() + p.broken.len();
    let mut b = format!("<h1>Portfolio of {total} plans</h1>\n");
    b.push_str("<section><h2 id=\"plans\">Plans</h2>\n<div class=\"wide\"><table><thead><tr>\
        <th scope=\"col\">Plan</th><th scope=\"col\">File</th><th scope=\"col\">Place</th><th scope=\"col\">Dates</th>\
        <th scope=\"col\">Review</th><th scope=\"col\">Measures</th><th scope=\"col\">Off track</th></tr></thead><tbody>\n");
    for s in &p.plans {
        let off: Vec<String> = s.off_track().map(|m| esc(&m.measure)).collect();
        b.push_str(&format!(
            "<tr><th scope=\"row\" class=\"t\">{}</th><td class=\"t\">{}</td><td class=\"t\">{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"off\">{}</td></tr>\n",
            esc(&s.title),
            esc(&s.file),
            esc(&s.place),
            match (&s.start, &s.end) {
                (Some(a), Some(z)) => format!("{a} to {z}"),
                _ => String::new(),
            },
            esc(&s.status()),
            s.measures.len(),
            off.join(", ")
        ));
    }
    b.push_str("</tbody></table></div>\n");
    if !p.broken.is_empty() {
        b.push_str("<h3>Could not be read</h3>\n<ul>\n");
        for (file, error) in &p.broken {
            b.push_str(&format!(
                "<li class=\"broken\"><span class=\"t\">{}</span>: <span class=\"t\">{}</span></li>\n",
                esc(file),
                esc(error)
            ));
        }
        b.push_str("</ul>\n");
    }
    b.push_str("</section>\n<section><h2 id=\"domains\">Domains measured</h2>\n\
        <p class=\"legend\">The number of measures each plan has in each domain; darker is more.</p>\n\
        <div class=\"wide\"><table class=\"heat\"><thead><tr><td></td>");
    for (c, ds) in &p.categories {
        b.push_str(&format!(
            "<th scope=\"colgroup\" colspan=\"{}\">{}</th>",
            ds.len(),
            esc(c)
        ));
    }
    b.push_str("</tr><tr><th scope=\"col\">Plan</th>");
    for (_, ds) in &p.categories {
        for (n, name) in ds {
            b.push_str(&format!(
                "<th scope=\"col\" title=\"{}\">{n}</th>",
                esc(name)
            ));
        }
    }
    b.push_str("</tr></thead><tbody>\n");
    for s in &p.plans {
        b.push_str(&format!(
            "<tr><th scope=\"row\" class=\"t\">{}</th>",
            esc(&s.title)
        ));
        for (_, ds) in &p.categories {
            for (n, name) in ds {
                let k = s.domains[usize::from(*n) - 1];
                b.push_str(&format!(
                    "<td class=\"c{}\" aria-label=\"{}: {k}\">{}</td>",
                    heat(k),
                    esc(name),
                    if k == 0 { String::new() } else { k.to_string() }
                ));
            }
        }
        b.push_str("</tr>\n");
    }
    b.push_str("</tbody></table></div>\n<p class=\"legend\">Domains: ");
    let names: Vec<String> = p
        .categories
        .iter()
        .flat_map(|(_, ds)| ds.iter().map(|(n, name)| format!("{n} {}", esc(name))))
        .collect();
    b.push_str(&names.join(", "));
    b.push_str(".</p>\n</section>\n<section><h2 id=\"shared\">Shared indicators</h2>\n");
    if p.shared.is_empty() {
        b.push_str("<p>None: no indicator is measured by two plans.</p>\n");
    }
    for sh in &p.shared {
        b.push_str(&format!(
            "<h3 class=\"t\">{} <span class=\"meta\">({})</span></h3>\n<table><thead><tr><th scope=\"col\">Plan</th>\
             <th scope=\"col\">Measure</th><th scope=\"col\">Latest reading</th><th scope=\"col\">Progress</th></tr></thead><tbody>\n",
            esc(if sh.text.is_empty() { &sh.indicator } else { &sh.text }),
            esc(&sh.domain)
        ));
        for r in &sh.plans {
            b.push_str(&format!(
                "<tr><th scope=\"row\" class=\"t\">{}</th><td class=\"id\">{}</td><td class=\"n\">{}</td>{}</tr>\n",
                esc(&p.plans[r.plan].title),
                esc(&r.measure),
                r.latest
                    .as_ref()
                    .map_or("none yet".to_string(), |(d, v)| format!("{} on {d}", value(*v))),
                progress(r)
            ));
        }
        b.push_str("</tbody></table>\n");
    }
    b.push_str("</section>\n<section><h2 id=\"gaps\">Gaps</h2>\n<ul>\n");
    let list = |v: Vec<String>| {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.join(", ")
        }
    };
    b.push_str(&format!(
        "<li>Categories no plan measures: {}</li>\n<li>Domains no plan measures: {}</li>\n\
         <li>Plans that measure no social connection: {}</li>\n</ul>\n</section>\n",
        list(p.gaps.categories.iter().map(|c| esc(c)).collect()),
        list(p.gaps.domains.iter().map(|c| esc(c)).collect()),
        list(
            p.gaps
                .no_social_connection
                .iter()
                .map(|&k| format!("<span class=\"t\">{}</span>", esc(&p.plans[k].title)))
                .collect()
        ),
    ));
    page(&format!("Portfolio of {total} plans"), &b)
}
