//! The HTML report read back with a real HTML parser (html5ever, through scraper): every
//! plan item is in the diagram once and in the text once, nothing is loaded from outside,
//! the page parses without an error, and hostile plan text (the robustness tests' terminal
//! escapes and bidi overrides, and markup of every kind) stays text everywhere.

use std::collections::HashMap;

use scraper::{Html, Selector};
use tocplan::framework::Framework;
use tocplan::plan::{About, Plan, load};
use tocplan::report::{layout, to_html};

fn fw() -> Framework {
    Framework::builtin().expect("framework")
}

fn examples() -> Vec<(String, Plan)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut out: Vec<(String, Plan)> = std::fs::read_dir(dir)
        .expect("plans")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| (p.display().to_string(), load(&p).expect("example").plan))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The robustness tests' hostile text, with markup that would run or load something if it
/// were not escaped.
const EVIL: &str = "\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}\u{202e}عربي 你好世界 👩🏽‍🌾 e\u{301}\r\u{8}\u{9b}31m \
<script>alert(1)</script>\"><img src=https://evil.example/x onerror=alert(2)>' \
<style>@import url(https://evil.example/a.css)</style>]]></svg><a href=\"http://evil.example\">x</a> &amp; </textarea>";

/// Every text of the plan made hostile, ids of items included (a hand-edited file's ids
/// need not be slugs), with the links that name them changed to match.
fn hostile(mut p: Plan) -> Plan {
    let e = |s: &mut String| *s = format!("{EVIL} {s}");
    e(&mut p.title);
    e(&mut p.context.problem);
    e(&mut p.context.place);
    e(&mut p.context.rights);
    e(&mut p.goal.text);
    e(&mut p.goal.impact_evidence);
    for s in &mut p.stakeholders {
        e(&mut s.name);
        e(&mut s.role);
        e(&mut s.involvement);
    }
    // An agreement the guide does not list (check refuses it; a report is made anyway).
    if let Some(s) = p.stakeholders.first_mut() {
        s.agreed.push(EVIL.into());
    }
    let old = p.outcomes[0].id.clone();
    let new = format!("{old}\"><b>x</b>");
    for o in &mut p.outcomes {
        e(&mut o.text);
        if o.id == old {
            o.id = new.clone();
        }
        for s in &mut o.serves {
            if *s == old {
                *s = new.clone();
            }
        }
    }
    for o in &mut p.outputs {
        e(&mut o.text);
        e(&mut o.unit);
        for s in &mut o.serves {
            if *s == old {
                *s = new.clone();
            }
        }
    }
    for a in &mut p.activities {
        e(&mut a.text);
        e(&mut a.barrier);
        for r in &mut a.resources {
            e(r);
        }
    }
    for m in &mut p.measures {
        e(&mut m.rationale);
        e(&mut m.analysis);
        e(&mut m.target_text);
        for g in &mut m.groups {
            e(g);
        }
        e(&mut m.method);
        e(&mut m.sample);
        e(&mut m.frequency);
        e(&mut m.collected_by);
        if m.outcome == old {
            m.outcome = new.clone();
        }
    }
    for a in &mut p.assumptions {
        e(&mut a.text);
        match &mut a.about {
            About::Item(i) if *i == old => *i = new.clone(),
            About::Link { from, to } => {
                for end in [from, to] {
                    if *end == old {
                        *end = new.clone();
                    }
                }
            }
            _ => {}
        }
    }
    for x in &mut p.evidence {
        e(&mut x.text);
        e(&mut x.source);
        e(&mut x.limitations);
    }
    for r in &mut p.readings {
        e(&mut r.note);
        if !r.group.is_empty() {
            e(&mut r.group);
        }
    }
    p.waivers.push(tocplan::plan::Waiver {
        rule: EVIL.to_string(),
        reason: EVIL.into(),
        extra: Default::default(),
        comments: Default::default(),
    });
    p
}

fn all_plans() -> Vec<(String, Plan)> {
    let mut out = examples();
    let bad: Vec<(String, Plan)> = out
        .iter()
        .map(|(n, p)| (format!("hostile {n}"), hostile(p.clone())))
        .collect();
    out.extend(bad);
    out.push(("empty".into(), Plan::new("Empty")));
    out.push(("generated".into(), tocplan::plan::synthetic::plan(100)));
    out
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

fn counts<'a>(doc: &'a Html, selector: &str, attr: &str) -> HashMap<&'a str, usize> {
    let mut out = HashMap::new();
    for el in doc.select(&sel(selector)) {
        if let Some(v) = el.value().attr(attr) {
            *out.entry(v).or_insert(0) += 1;
        }
    }
    out
}

#[test]
fn every_item_is_in_the_diagram_once_and_in_the_text_once() {
    let fw = fw();
    for (name, p) in all_plans() {
        let doc = Html::parse_document(&to_html(&p, &fw));
        let drawn = counts(&doc, "figure.diagram svg g.node", "data-id");
        let chain: Vec<&str> = std::iter::once("goal")
            .chain(p.outcomes.iter().map(|o| o.id.as_str()))
            .chain(p.outputs.iter().map(|o| o.id.as_str()))
            .chain(p.activities.iter().map(|o| o.id.as_str()))
            .collect();
        assert_eq!(drawn.len(), chain.len(), "{name}: {drawn:?}");
        for id in &chain {
            assert_eq!(drawn.get(id), Some(&1), "{name}: {id} in the diagram");
        }
        let text = counts(&doc, "main [data-item]", "data-item");
        let ids: Vec<&str> = p.ids().map(|(_, id)| id).collect();
        assert_eq!(text.len(), ids.len(), "{name}: {text:?}");
        for id in ids {
            assert_eq!(text.get(id), Some(&1), "{name}: {id} in the text");
        }
        // Each link's arrow once, each assumption on a link a numbered mark.
        let arrows = doc.select(&sel("svg polyline.edge")).count();
        let mut links: Vec<(&str, &str)> = p.links().collect();
        links.sort();
        links.dedup();
        assert_eq!(arrows, links.len(), "{name}");
        let on_links = p
            .assumptions
            .iter()
            .filter(|a| matches!(a.about, About::Link { .. }))
            .count();
        assert_eq!(doc.select(&sel("svg g.mark")).count(), on_links, "{name}");
        assert_eq!(
            doc.select(&sel("h2#assumptions ~ ol > li")).count(),
            on_links,
            "{name}"
        );
    }
}

#[test]
fn nothing_is_loaded_from_outside_the_page() {
    let fw = fw();
    for (name, p) in all_plans() {
        let html = to_html(&p, &fw);
        let doc = Html::parse_document(&html);
        for el in doc
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
        {
            let v = el.value();
            assert!(
                !matches!(
                    v.name(),
                    "img"
                        | "iframe"
                        | "object"
                        | "embed"
                        | "link"
                        | "video"
                        | "audio"
                        | "source"
                        | "base"
                        | "form"
                ),
                "{name}: a <{}> element",
                v.name()
            );
            for (attr, value) in v.attrs() {
                assert!(!attr.starts_with("on"), "{name}: {attr}= on <{}>", v.name());
                if matches!(
                    attr,
                    "src" | "href" | "xlink:href" | "action" | "srcset" | "poster" | "data"
                ) {
                    assert!(
                        value.starts_with('#'),
                        "{name}: {attr}={value} on <{}>",
                        v.name()
                    );
                }
                if attr == "style" || attr == "marker-end" {
                    assert!(
                        !value.contains("url(") || value == "url(#arrow)",
                        "{name}: {value}"
                    );
                }
            }
        }
        assert_eq!(doc.select(&sel("style")).count(), 1, "{name}");
        assert_eq!(doc.select(&sel("script")).count(), 1, "{name}");
        for css in doc.select(&sel("style")) {
            let css: String = css.text().collect();
            assert!(!css.contains("@import") && !css.contains("url("), "{name}");
        }
        for js in doc.select(&sel("script")) {
            let js: String = js.text().collect();
            for word in ["http", "fetch", "XMLHttpRequest", "import", "src"] {
                assert!(!js.contains(word), "{name}: the script says {word}");
            }
        }
    }
}

#[test]
fn the_page_parses_without_an_error_and_hostile_text_stays_text() {
    let fw = fw();
    for (name, p) in all_plans() {
        let html = to_html(&p, &fw);
        let doc = Html::parse_document(&html);
        assert!(doc.errors.is_empty(), "{name}: {:?}", doc.errors);
        for c in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{8}'] {
            assert!(!html.contains(c), "{name}: {c:?} reached the page");
        }
        assert_eq!(
            doc.select(&sel("b")).count(),
            0,
            "{name}: an id made markup"
        );
        assert_eq!(doc.select(&sel("a[href^='http']")).count(), 0, "{name}");
        if name.starts_with("hostile") {
            let h1: String = doc.select(&sel("h1")).flat_map(|h| h.text()).collect();
            assert!(
                h1.contains("<script>alert(1)</script>\"><img src="),
                "{name}: {h1}"
            );
            let title: String = doc
                .select(&sel("head title"))
                .flat_map(|h| h.text())
                .collect();
            assert!(title.contains("<script>"), "{name}: {title}");
            // The fields a funder reads beside the chain: each a text, never markup.
            for (what, at) in [
                ("why and analysis", "dl.measures"),
                ("outputs delivered", "h3#outputs-delivered + table"),
                ("agreements", "h3#agreed ~ table"),
            ] {
                if what == "outputs delivered" && p.outputs.iter().all(|o| o.target.is_none()) {
                    continue;
                }
                let shown: String = doc.select(&sel(at)).flat_map(|x| x.text()).collect();
                assert!(
                    shown.contains("<script>alert(1)</script>\"><img src="),
                    "{name}: {what}: {shown}"
                );
            }
            if p.measures.iter().any(|m| !m.groups.is_empty()) {
                let shown: String = doc
                    .select(&sel("h3#groups ~ table"))
                    .flat_map(|x| x.text())
                    .collect();
                assert!(shown.contains("<style>@import"), "{name}: {shown}");
            }
            // The hostile id is still the item's id, as text of an attribute.
            let id = &p.outcomes[0].id;
            let drawn = doc
                .select(&sel("svg g.node"))
                .filter(|g| g.value().attr("data-id") == Some(id.as_str()))
                .count();
            assert_eq!(drawn, 1, "{name}");
        }
    }
}

#[test]
fn headings_tables_and_charts_are_accessible() {
    let fw = fw();
    for (name, p) in examples() {
        let doc = Html::parse_document(&to_html(&p, &fw));
        assert_eq!(doc.select(&sel("h1")).count(), 1, "{name}");
        assert_eq!(
            doc.select(&sel("html"))
                .next()
                .and_then(|h| h.value().attr("lang")),
            Some("en")
        );
        for svg in doc.select(&sel("svg")) {
            assert_eq!(svg.value().attr("role"), Some("img"), "{name}");
            let labelled = svg
                .value()
                .attr("aria-label")
                .is_some_and(|l| !l.is_empty())
                || svg.value().attr("aria-labelledby").is_some();
            assert!(labelled, "{name}: an svg without a text alternative");
            assert!(svg.select(&sel("title")).next().is_some(), "{name}");
        }
        let diagram = doc
            .select(&sel("figure.diagram svg"))
            .next()
            .expect("the diagram");
        assert!(diagram.select(&sel("desc")).next().is_some());
        for table in doc.select(&sel("table")) {
            let heads: Vec<_> = table.select(&sel("thead th")).collect();
            assert!(!heads.is_empty(), "{name}: a table without headers");
            assert!(heads.iter().all(|h| h.value().attr("scope") == Some("col")));
            for row in table.select(&sel("tbody tr")) {
                let th = row.select(&sel("th")).next().expect("a row header");
                assert_eq!(th.value().attr("scope"), Some("row"), "{name}");
            }
        }
        // One chart per measure, its words saying what it draws.
        assert_eq!(
            doc.select(&sel("figure.chart")).count(),
            p.measures.len(),
            "{name}"
        );
        // The print stylesheet: A4, and the diagram on a page of its own.
        let css: String = doc.select(&sel("style")).flat_map(|s| s.text()).collect();
        assert!(css.contains("@page { size: A4"));
        assert!(css.contains("section.diagram-page { break-before: page; break-after: page; }"));
        assert!(
            doc.select(&sel("section.diagram-page figure.diagram"))
                .next()
                .is_some()
        );
    }
}

/// The diagram is drawn for the page's width (A4 less its margins, at the browser's 96
/// pixels an inch): its viewBox is that wide, and every box is inside it.
#[test]
fn every_box_is_inside_the_diagram_drawn_for_a4() {
    let fw = fw();
    let a4 = (210.0 - 2.0 * 15.0) / 25.4 * 96.0;
    assert!(
        (layout::WIDTH - a4).abs() < 1.0,
        "{} for {a4}",
        layout::WIDTH
    );
    for (name, p) in all_plans() {
        let doc = Html::parse_document(&to_html(&p, &fw));
        let svg = doc.select(&sel("figure.diagram svg")).next().expect("svg");
        let vb: Vec<f64> = svg
            .value()
            .attr("viewBox")
            .expect("viewBox")
            .split(' ')
            .map(|v| v.parse().expect("number"))
            .collect();
        assert_eq!(vb[2], layout::WIDTH.round(), "{name}");
        for r in svg.select(&sel("g.node rect")) {
            let n = |a: &str| -> f64 { r.value().attr(a).expect(a).parse().expect("number") };
            assert!(
                n("x") >= 0.0 && n("x") + n("width") <= vb[2] + 0.01,
                "{name}"
            );
            assert!(
                n("y") >= 0.0 && n("y") + n("height") <= vb[3] + 0.01,
                "{name}"
            );
        }
    }
}

/// A measure read for comparison groups draws each group as its own line, named, and a gap
/// target adds the gap between them (the café's `ask-neighbours`: women 18, residents 41).
#[test]
fn each_comparison_group_is_its_own_line_in_the_measures_chart() {
    let fw = fw();
    let (_, p) = examples()
        .into_iter()
        .find(|(n, _)| n.ends_with("language-cafe.toml"))
        .expect("the café");
    let m = p
        .measure("ask-neighbours")
        .expect("a measure read for two groups");
    assert_eq!(m.groups.len(), 2);
    let doc = Html::parse_document(&to_html(&p, &fw));
    let chart = doc
        .select(&sel("svg[role=img]"))
        .find(|s| {
            s.value()
                .attr("aria-label")
                .is_some_and(|l| l.contains("Women in the target group"))
        })
        .expect("the measure's chart names its groups");
    let label = chart.value().attr("aria-label").expect("label");
    assert!(
        label.contains("Women in the target group: 18 on 2026-04-10"),
        "{label}"
    );
    assert!(
        label.contains("Local residents at the café: 41 on 2026-04-10"),
        "{label}"
    );
    assert!(
        label.contains("gap (first group minus second): -23 on 2026-04-10"),
        "{label}"
    );
    let lines: Vec<String> = chart
        .select(&sel("polyline.reading title"))
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(
        lines,
        [
            "Women in the target group",
            "Local residents at the café",
            "gap (first group minus second)"
        ]
    );
    // The readings are early in the plan, so each line is named to the right of its last
    // point, inside the chart, not off its left edge.
    for name in chart.select(&sel("text.series")) {
        let v = name.value();
        assert_eq!(v.attr("text-anchor"), Some("start"), "{:?}", v.attr("x"));
        let x: f64 = v.attr("x").and_then(|x| x.parse().ok()).expect("x");
        assert!(x > 40.0, "{x}");
    }
}

/// The text of the elements `selector` picks, its runs of white space made one space.
fn text_of(doc: &Html, selector: &str) -> String {
    let t: String = doc.select(&sel(selector)).flat_map(|x| x.text()).collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A table row's cells, each its text, a space between them.
fn cells(row: scraper::ElementRef) -> String {
    let each: Vec<String> = row
        .select(&sel("th, td"))
        .map(|c| one_line(&c.text().collect::<String>()))
        .collect();
    each.join(" ")
}

fn example(file: &str) -> Plan {
    examples()
        .into_iter()
        .find(|(n, _)| n.ends_with(file))
        .map(|(_, p)| p)
        .expect("an example plan")
}

/// Why each indicator was chosen, how its data will be analysed and its target in words
/// are in the evaluation plan, under each measure's id, for every example plan's measures.
#[test]
fn each_measures_rationale_analysis_and_target_in_words_are_in_the_evaluation_plan() {
    let fw = fw();
    let mut seen = 0;
    for (name, p) in examples() {
        let doc = Html::parse_document(&to_html(&p, &fw));
        let list = doc
            .select(&sel("section h2#evaluation ~ dl.measures"))
            .next()
            .expect("the measures' reasons");
        let dts: Vec<_> = list.select(&sel("dt")).collect();
        assert_eq!(dts.len(), p.measures.len(), "{name}");
        let all = one_line(&list.text().collect::<String>());
        for m in &p.measures {
            for (label, text) in [
                ("Why this indicator", &m.rationale),
                ("Analysis", &m.analysis),
                ("Target in words", &m.target_text),
            ] {
                if !text.is_empty() {
                    assert!(
                        all.contains(&format!("{label}: {}", one_line(text))),
                        "{name}: {}: {label}",
                        m.id
                    );
                    seen += 1;
                }
            }
        }
    }
    assert!(seen >= 40, "{seen}");
    // A measure without its reason says so, rather than leaving a gap.
    let mut p = example("language-cafe.toml");
    p.measures[0].rationale.clear();
    let doc = Html::parse_document(&to_html(&p, &fw));
    assert!(text_of(&doc, "dl.measures").contains("Why this indicator: Not stated."));
}

/// A measure read for groups shows each group's latest value, and a gap target the gap,
/// from where to where it should move, and how far it has closed (the café's
/// `ask-neighbours`: women 18, residents 41, a gap of -23 from -25 toward -10: 13%).
#[test]
fn each_groups_latest_value_and_the_gap_closing_are_shown() {
    let fw = fw();
    let doc = Html::parse_document(&to_html(&example("language-cafe.toml"), &fw));
    let table = doc
        .select(&sel("h3#groups ~ table"))
        .find(|t| t.text().any(|x| x.contains("ask-neighbours")))
        .expect("the measure's groups");
    let rows: Vec<String> = table.select(&sel("tbody tr")).map(cells).collect();
    assert_eq!(rows[0], "Women in the target group 18 on 2026-04-10");
    assert_eq!(rows[1], "Local residents at the café 41 on 2026-04-10");
    let gap = &rows[2];
    assert!(
        gap.starts_with(
            "Gap (Women in the target group minus Local residents at the café) -23 on 2026-04-10; \
             planned from -25 at the baseline to -10 by 2027-06-30"
        ),
        "{gap}"
    );
    assert!(gap.contains("13% of the way, on track"), "{gap}");
    let bar = table
        .select(&sel(".track .bar"))
        .next()
        .expect("a bar for the gap closing");
    assert_eq!(bar.value().attr("style"), Some("width:13%"));
    // A group not read yet says so; the gap is then not known.
    let mut p = example("language-cafe.toml");
    p.readings
        .retain(|r| r.group != "Local residents at the café");
    let doc = Html::parse_document(&to_html(&p, &fw));
    let shown: Vec<String> = doc
        .select(&sel("h3#groups ~ table tbody tr"))
        .map(cells)
        .collect();
    let shown = shown.join("\n");
    assert!(
        shown.contains("Local residents at the café no reading yet"),
        "{shown}"
    );
    assert!(
        shown.contains("not known until both groups are read"),
        "{shown}"
    );
    // Every example's grouped measures are there, one table each.
    for (name, p) in examples() {
        let doc = Html::parse_document(&to_html(&p, &fw));
        let grouped = p.measures.iter().filter(|m| !m.groups.is_empty()).count();
        assert_eq!(
            doc.select(&sel("h3#groups ~ table")).count(),
            grouped,
            "{name}"
        );
    }
}

/// Outputs are counted against their targets, with a bar: "13 of 72 sessions".
#[test]
fn outputs_are_counted_against_their_targets_with_a_bar() {
    let fw = fw();
    let doc = Html::parse_document(&to_html(&example("language-cafe.toml"), &fw));
    let rows: Vec<_> = doc
        .select(&sel("h3#outputs-delivered + table tbody tr"))
        .collect();
    assert_eq!(rows.len(), 3);
    let first = cells(rows[0]);
    assert!(
        first.contains("72 sessions 13 of 72 sessions by 2026-04-10"),
        "{first}"
    );
    let bar = rows[0].select(&sel(".track .bar")).next().expect("a bar");
    assert_eq!(bar.value().attr("style"), Some("width:18%"));
    assert!(first.ends_with("18%"), "{first}");
    let second = cells(rows[1]);
    assert!(
        second
            .trim_end()
            .ends_with("30 women taking part none counted yet"),
        "{second}"
    );
    // The chain in words says each output's count where the output is.
    let chain = text_of(&doc, "h2#chain ~ ul li[data-item='drop-in-sessions']");
    assert!(chain.contains("Delivered: 13 of 72 sessions"), "{chain}");
    for (name, p) in examples() {
        let doc = Html::parse_document(&to_html(&p, &fw));
        let counted = p.outputs.iter().filter(|o| o.target.is_some()).count();
        assert_eq!(
            doc.select(&sel("h3#outputs-delivered + table tbody tr"))
                .count(),
            counted,
            "{name}"
        );
    }
}

/// Each piece of evidence says what kind it is, whether it supports or contradicts its
/// assumption, and its limits; an assumption whose only evidence contradicts it is marked
/// as contradicted, one with evidence both ways as mixed (the ICT case's mentoring).
#[test]
fn evidence_says_its_stance_and_limits_and_a_contradicted_assumption_stands_out() {
    let fw = fw();
    let mut p = example("ict-mentoring.toml");
    let doc = Html::parse_document(&to_html(&p, &fw));
    for e in &p.evidence {
        let li = text_of(&doc, &format!("li[data-item='{}']", e.id));
        let stance = match e.stance {
            Some(tocplan::plan::Stance::Supports) => "supports it",
            Some(tocplan::plan::Stance::Contradicts) => "contradicts it",
            Some(tocplan::plan::Stance::Untested) => "untested",
            None => "",
        };
        assert!(li.contains(stance), "{}: {li}", e.id);
        assert!(
            li.contains(&format!("Limitations: {}", one_line(&e.limitations))),
            "{}: {li}",
            e.id
        );
    }
    let mixed = text_of(&doc, "li[data-item='mentoring-helps-applications']");
    assert!(mixed.contains("Mixed evidence"), "{mixed}");
    assert!(!mixed.contains("Contradicted"), "{mixed}");
    // Without the trainees' feedback, the guide's case is all the evidence there is.
    p.evidence.retain(|e| e.id != "mentee-feedback");
    let doc = Html::parse_document(&to_html(&p, &fw));
    let marked = doc
        .select(&sel(
            "li[data-item='mentoring-helps-applications'] > .verdict.off",
        ))
        .next()
        .expect("the assumption marked as contradicted");
    assert!(
        marked
            .text()
            .collect::<String>()
            .starts_with("Contradicted: its only evidence says otherwise"),
    );
    // An assumption about an item (not a link) is marked the same way.
    let mut p = example("language-cafe.toml");
    for e in &mut p.evidence {
        if e.assumption == "few-chances-to-practise" {
            e.stance = Some(tocplan::plan::Stance::Contradicts);
        }
    }
    let doc = Html::parse_document(&to_html(&p, &fw));
    assert!(
        doc.select(&sel(
            "li[data-item='few-chances-to-practise'] > .verdict.off"
        ))
        .next()
        .is_some()
    );
}

/// What each stakeholder agreed, by the guide's names for its five agreements (not ids),
/// each with who has agreed it; one no one has made says so.
#[test]
fn agreements_are_named_as_the_guide_names_them_with_who_made_each() {
    let fw = fw();
    let p = example("language-cafe.toml");
    let doc = Html::parse_document(&to_html(&p, &fw));
    let rows: Vec<String> = doc
        .select(&sel("h3#agreed ~ table tbody tr"))
        .map(cells)
        .collect();
    let names: Vec<&str> = fw
        .worksheet
        .agreements
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(rows.len(), 5);
    for (row, name) in rows.iter().zip(&names) {
        assert!(row.contains(name), "{row}");
    }
    assert_eq!(
        rows[3],
        "4. Logic of the process Women in the target group; Anytown College ESOL team; \
         Anytown Council community team"
    );
    let mut p = p;
    for s in &mut p.stakeholders {
        s.agreed.retain(|a| a != "responsibility");
    }
    let doc = Html::parse_document(&to_html(&p, &fw));
    let last = doc
        .select(&sel("h3#agreed ~ table tbody tr:last-child"))
        .map(cells)
        .collect::<String>();
    assert_eq!(
        last,
        "5. Responsibility for each action and each stage No one yet"
    );
}

/// A measure off track says so in words beside its bar, why (where a steady pace would
/// be by the reading's date) and which activities feed it, so a board sees what to change.
#[test]
fn an_off_track_measure_says_why_and_what_feeds_it() {
    let fw = fw();
    let mut p = example("language-cafe.toml");
    let doc = Html::parse_document(&to_html(&p, &fw));
    let on = cells(
        doc.select(&sel("tr[data-item='practice-outside-class']"))
            .next()
            .expect("the measure's row"),
    );
    assert!(on.ends_with("27% on track"), "{on}");
    let mut late = p.readings[0].clone();
    late.date = "2026-10-01".parse().expect("date");
    late.value = tocplan::plan::Number::Int(12);
    p.readings.push(late);
    let doc = Html::parse_document(&to_html(&p, &fw));
    let row = doc
        .select(&sel("tr[data-item='practice-outside-class']"))
        .next()
        .expect("the measure's row");
    let off = cells(row);
    assert!(
        off.contains("7% off track: 12 on 2026-10-01; a steady pace would be 25 by then"),
        "{off}"
    );
    assert!(
        row.select(&sel(".track .bar.offtrack")).next().is_some(),
        "{off}"
    );
    let fed: Vec<String> = row
        .select(&sel("a"))
        .skip(1) // the outcome
        .map(|a| a.text().collect())
        .collect();
    let feeding = tocplan::plan::evaluation::feeding(&p, "regular-conversations");
    assert_eq!(fed.len(), feeding.len(), "{fed:?}");
    assert!(
        off.contains("Fed by: Open and run the drop-in café"),
        "{off}"
    );
}

/// The report said "4 findings to look at" where the app said "4 warnings · 3 advice":
/// the board reads the review in the planner's words.
#[test]
fn the_report_counts_the_review_as_the_app_does() {
    let fw = fw();
    for (name, plan) in examples() {
        let said = tocplan::plan::review::summary(&tocplan::plan::review::review(&plan, &fw));
        let html = to_html(&plan, &fw);
        let doc = Html::parse_document(&html);
        let meta = text_of(&doc, "p.meta");
        let expected = if said == "review clear" {
            "nothing to fix".to_string()
        } else {
            said
        };
        assert!(
            meta.contains(&format!("review: {expected}")),
            "{name}: {meta}"
        );
        assert!(!meta.contains("finding"), "{name}: {meta}");
    }
}
