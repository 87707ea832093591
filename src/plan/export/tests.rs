//! Every example plan exports to a valid Mermaid flowchart and DOT graph (checked by
//! Graphviz's `dot` when it is installed), and hostile text breaks neither, nor the
//! Markdown document.

use std::path::Path;

use proptest::strategy::Strategy;

use super::*;
use crate::framework::Framework;
use crate::plan::{Plan, load};

fn examples() -> Vec<Plan> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("plans")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| load(p).expect("example").plan)
        .collect()
}

fn hostile() -> Plan {
    let mut p = examples().remove(0);
    let evil = "He said \"go\" [now] ]]> `rm -rf` <script>alert(1)</script> # 50% & more\nsecond line | pipe";
    p.title = evil.into();
    p.goal.text = evil.into();
    p.outcomes[0].text = evil.into();
    p.activities[0].text = format!("{evil}\\ back\\slash");
    p
}

/// Mermaid, checked by its structure: a header, subgraphs closed, one node per item with
/// exactly one quoted label, edges only between declared nodes.
fn check_mermaid(p: &Plan, text: &str) {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("flowchart LR"));
    let mut nodes = Vec::new();
    let mut open = 0;
    let mut edges = 0;
    for line in lines {
        let t = line.trim();
        if t.starts_with("subgraph ") {
            open += 1;
            assert_eq!(t.matches('"').count(), 2, "{t}");
        } else if t == "end" {
            open -= 1;
        } else if let Some((a, b)) = t.split_once(" --> ") {
            assert!(
                nodes.contains(&a.to_string()) && nodes.contains(&b.to_string()),
                "{t}"
            );
            edges += 1;
        } else {
            let (name, label) = t.split_once('[').unwrap_or_else(|| panic!("{t}"));
            assert!(
                name.starts_with('n') && name[1..].parse::<usize>().is_ok(),
                "{t}"
            );
            assert!(label.starts_with('"') && label.ends_with("\"]"), "{t}");
            assert_eq!(label.matches('"').count(), 2, "{t}");
            assert!(
                !label.contains('`') && !label.contains('<') || label.contains("<br>"),
                "{t}"
            );
            nodes.push(name.to_string());
        }
    }
    assert_eq!(open, 0);
    assert_eq!(
        nodes.len(),
        p.activities.len() + p.outputs.len() + p.outcomes.len() + 1
    );
    let links: usize = p.activities.iter().map(|a| a.serves.len()).sum::<usize>()
        + p.outputs.iter().map(|o| o.serves.len()).sum::<usize>()
        + p.outcomes.iter().map(|o| o.serves.len()).sum::<usize>();
    assert_eq!(edges, links);
}

/// DOT, checked by `dot` when present; always by balanced braces and quotes.
fn check_dot(text: &str) {
    assert!(text.starts_with("digraph \""));
    assert_eq!(text.matches('{').count(), text.matches('}').count());
    for line in text.lines() {
        let unescaped = line.replace("\\\\", "").replace("\\\"", "");
        assert_eq!(unescaped.matches('"').count() % 2, 0, "{line}");
    }
    if let Ok(mut child) = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write");
        let out = child.wait_with_output().expect("dot");
        assert!(
            out.status.success(),
            "dot: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn every_example_exports_a_valid_mermaid_and_dot_graph() {
    for p in examples() {
        check_mermaid(&p, &to_mermaid(&p));
        check_dot(&to_dot(&p));
    }
}

#[test]
fn hostile_text_breaks_neither_graph_nor_the_document() {
    let p = hostile();
    let mermaid = to_mermaid(&p);
    check_mermaid(&p, &mermaid);
    assert!(
        mermaid.contains("He said #quot;go#quot; [now] ]]#gt; #96;rm -rf#96;"),
        "{mermaid}"
    );
    check_dot(&to_dot(&p));
    let doc = to_document(&p, &Framework::builtin().expect("framework"));
    assert!(!doc.contains("<script>"), "{doc}");
    assert!(
        doc.contains("\\`rm \\-rf\\`") && doc.contains("\\[now\\]"),
        "{doc}"
    );
    assert!(doc.starts_with("# He said \\\"go\\\""), "{doc}");
}

#[test]
fn the_document_has_every_part_of_the_plan() {
    let fw = Framework::builtin().expect("framework");
    let p = &examples()[2];
    let doc = to_document(p, &fw);
    for heading in [
        "## Context",
        "## Goal",
        "## Intermediate outcomes",
        "## Outputs",
        "## Activities",
        "## Stakeholders",
        "## Evaluation plan",
    ] {
        assert!(doc.contains(heading), "{heading}");
    }
    for o in &p.outcomes {
        assert!(doc.contains(&format!("(`{}`)", o.id)));
    }
    assert!(doc.contains("*Evidence*"));
}

/// Every piece of plan text a person writes, set to `s`.
pub(crate) fn with_text(mut p: Plan, s: &str) -> Plan {
    let s = s.to_string();
    p.title = s.clone();
    let c = &mut p.context;
    (c.problem, c.place, c.rights) = (s.clone(), s.clone(), s.clone());
    (p.goal.text, p.goal.impact_evidence) = (s.clone(), s.clone());
    for x in &mut p.stakeholders {
        (x.name, x.role, x.involvement) = (s.clone(), s.clone(), s.clone());
    }
    p.outcomes.iter_mut().for_each(|o| o.text = s.clone());
    p.outputs.iter_mut().for_each(|o| o.text = s.clone());
    for a in &mut p.activities {
        (a.text, a.barrier) = (s.clone(), s.clone());
        a.resources = vec![s.clone(), s.clone()];
    }
    for m in &mut p.measures {
        m.method = s.clone();
        (m.sample, m.frequency, m.collected_by) = (s.clone(), s.clone(), s.clone());
    }
    p.assumptions.iter_mut().for_each(|a| a.text = s.clone());
    for e in &mut p.evidence {
        (e.text, e.source) = (s.clone(), s.clone());
    }
    p.readings.iter_mut().for_each(|r| r.note = s.clone());
    p
}

/// The document's structure with `s` as every text is the structure with plain words:
/// no link, image or HTML, and not one list, item, heading, table row, code block,
/// quote or rule more or less.
fn assert_inert_in_the_document(s: &str) {
    use crate::text::markdown::check::structure;
    let fw = Framework::builtin().expect("framework");
    let p = examples().remove(1);
    let plain = structure(&to_document(&with_text(p.clone(), "plain words"), &fw));
    let doc = to_document(&with_text(p, s), &fw);
    let got = structure(&doc);
    assert_eq!((got.links, got.images, got.html), (0, 0, 0), "{s:?}\n{doc}");
    assert_eq!(got, plain, "{s:?}\n{doc}");
}

#[test]
fn plan_text_makes_no_markup_in_the_document() {
    for s in crate::text::markdown::check::HOSTILE {
        assert_inert_in_the_document(s);
    }
    assert_inert_in_the_document(&crate::text::markdown::check::HOSTILE.join("\n"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_makes_no_markup_in_the_document(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                "\\PC{0,12}",
                "[-*+#>=|`~_!<&\\[\\]()\\\\:./ \n\t0-9a-z]{1,12}",
                proptest::sample::select(crate::text::markdown::check::HOSTILE)
                    .prop_map(String::from),
            ],
            1..6,
        )
    ) {
        // An empty text leaves its line out, which is no markup.
        proptest::prop_assume!(!parts.concat().trim().is_empty());
        assert_inert_in_the_document(&parts.concat());
    }
}

/// A multi-line text keeps its heading whole; tabs are spaces; a literal `\n` stays two
/// characters, in the document and in both graphs.
#[test]
fn line_breaks_tabs_and_literal_backslash_n_in_every_export() {
    let fw = Framework::builtin().expect("framework");
    let mut p = examples().remove(0);
    p.outcomes[0].text = "First line\n# Second line\twith a tab and a literal \\n".into();
    let doc = to_document(&p, &fw);
    let heading = doc
        .lines()
        .find(|l| l.starts_with("### First line"))
        .expect("heading");
    assert!(heading.contains("Second line with a tab"), "{heading}");
    assert!(heading.contains("literal \\\\n"), "{heading}");
    let mermaid = to_mermaid(&p);
    assert!(mermaid.contains("Second line with a tab"), "{mermaid}");
    assert!(mermaid.contains("literal #92;n"), "{mermaid}");
    let dot = to_dot(&p);
    assert!(dot.contains("with a tab"), "{dot}");
    assert!(dot.contains("\\\\n"), "{dot}");
    check_dot(&dot);
}

/// DOT labels wrap near 30 columns and show `&` entities as written.
#[test]
fn dot_labels_wrap_and_never_read_entities() {
    let mut p = examples().remove(0);
    p.outcomes[0].text =
        "Participants have conversations regularly with local English speakers &amp; &lt;b&gt;"
            .into();
    let dot = to_dot(&p);
    let label = dot
        .lines()
        .find(|l| l.contains("Participants"))
        .expect("node");
    let inner = label.split("label=\"").nth(1).expect("label");
    for part in inner.trim_end_matches("\"];").split("\\n") {
        assert!(part.chars().count() <= 40, "{part} in {label}");
    }
    assert!(
        inner.contains("&amp;amp;") && inner.contains("&amp;lt;b&amp;gt;"),
        "{label}"
    );
    check_dot(&dot);
}

/// A text wrapped over lines in the file is one paragraph in the document, as a reader
/// sees it (no hard break where the file wraps); a blank line starts the next paragraph.
#[test]
fn a_wrapped_text_is_one_paragraph_in_the_document() {
    use pulldown_cmark::{Event, Parser};
    let fw = Framework::builtin().expect("framework");
    let mut p = examples().remove(0);
    p.context.problem = "Newcomers rarely meet\nlong-settled neighbours\nafter arrival.\n\nA second paragraph\nwraps too.".into();
    p.assumptions[0].text = "Volunteers keep\ncoming each week.".into();
    let doc = to_document(&p, &fw);
    let hard = Parser::new(&doc)
        .filter(|e| matches!(e, Event::HardBreak))
        .count();
    assert_eq!(hard, 0, "{doc}");
    assert!(doc.contains("Newcomers rarely meet\nlong\\-settled neighbours\nafter arrival\\.\n\nA second paragraph\nwraps too\\."), "{doc}");
    assert!(
        doc.contains("Volunteers keep\n  coming each week\\."),
        "{doc}"
    );
}
