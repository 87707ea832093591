use super::*;
use crate::plan::synthetic;

pub(crate) fn examples() -> Vec<(String, Plan)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut out: Vec<(String, Plan)> = std::fs::read_dir(dir)
        .expect("plans")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            let plan = crate::plan::load(&p).expect("example").plan;
            (p.display().to_string(), plan)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// A generated plan with its outputs and activities in a scrambled file order, and some
/// activities serving two outputs far apart: file order then draws many crossings.
fn scrambled(items: usize) -> Plan {
    let mut p = synthetic::plan(items);
    let n = p.outputs.len();
    for (k, o) in p.outputs.iter_mut().enumerate() {
        o.serves = vec![format!("outcome-{}", (k * 7) % p.outcomes.len())];
    }
    for (k, a) in p.activities.iter_mut().enumerate() {
        a.serves = vec![format!("output-{}", (k * 5) % n)];
        if k % 3 == 0 {
            a.serves.push(format!("output-{}", (k * 11 + 3) % n));
            a.serves.dedup();
        }
    }
    p
}

fn generated() -> Vec<(String, Plan)> {
    vec![
        ("generated 20".into(), synthetic::plan(20)),
        ("generated 100".into(), synthetic::plan(100)),
        ("scrambled 30".into(), scrambled(30)),
        ("scrambled 100".into(), scrambled(100)),
    ]
}

fn overlap(a: &Node, b: &Node) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

#[test]
fn no_box_overlaps_another_and_all_are_inside_the_diagram() {
    for (name, p) in examples().into_iter().chain(generated()) {
        let l = layout(&p);
        for (i, a) in l.nodes.iter().enumerate() {
            assert!(
                a.x >= 0.0 && a.x + a.w <= l.width + 1e-9,
                "{name}: {} x",
                a.id
            );
            assert!(a.y >= 0.0 && a.y + a.h <= l.height, "{name}: {} y", a.id);
            for b in &l.nodes[i + 1..] {
                assert!(!overlap(a, b), "{name}: {} overlaps {}", a.id, b.id);
            }
        }
    }
}

#[test]
fn every_item_is_drawn_once_and_every_link_once_right_to_left() {
    for (name, p) in examples().into_iter().chain(generated()) {
        let l = layout(&p);
        let items = 1 + p.outcomes.len() + p.outputs.len() + p.activities.len();
        assert_eq!(l.nodes.len(), items, "{name}");
        let mut drawn: Vec<(&str, &str)> = l
            .edges
            .iter()
            .map(|e| (l.nodes[e.from].id.as_str(), l.nodes[e.to].id.as_str()))
            .collect();
        let mut links: Vec<(&str, &str)> = p.links().collect();
        drawn.sort();
        links.sort();
        links.dedup();
        assert_eq!(drawn, links, "{name}");
        for e in &l.edges {
            let (f, t) = (&l.nodes[e.from], &l.nodes[e.to]);
            assert!(
                f.col > t.col,
                "{name}: {} -> {} within a column",
                f.id,
                t.id
            );
            // Right to left all the way: no stretch of the line turns back.
            for w in e.points.windows(2) {
                assert!(w[1].0 <= w[0].0, "{name}: {} -> {} turns back", f.id, t.id);
            }
            assert!(e.start().0 > e.end().0, "{name}: {} -> {}", f.id, t.id);
            // The arrow leaves from the box's left side and arrives at the other's right.
            assert_eq!(e.start().0, f.x);
            assert_eq!(e.end().0, t.x + t.w);
            assert!(e.start().1 > f.y && e.start().1 < f.y + f.h);
            assert!(e.end().1 > t.y && e.end().1 < t.y + t.h);
            // Where it passes a column, it runs between the boxes, not through one.
            for pt in &e.points[1..e.points.len() - 1] {
                for n in &l.nodes {
                    let inside =
                        pt.0 >= n.x && pt.0 <= n.x + n.w && pt.1 >= n.y && pt.1 <= n.y + n.h;
                    assert!(
                        !inside,
                        "{name}: {} -> {} passes through {}",
                        f.id, t.id, n.id
                    );
                }
            }
        }
    }
}

#[test]
fn an_outcome_serving_an_outcome_gets_a_column_to_its_right() {
    let mut p = synthetic::plan(10);
    p.outcomes[1].serves = vec!["outcome-0".into()];
    let l = layout(&p);
    let col = |id: &str| l.nodes.iter().find(|n| n.id == id).expect(id).col;
    assert_eq!(col("goal"), 0);
    assert_eq!(col("outcome-0"), 1);
    assert_eq!(col("outcome-1"), 2);
    assert_eq!(col("output-0"), 3);
    assert_eq!(l.columns.len(), 5);
    // A cycle (which `check` reports) still lays out, in bounded time.
    p.outcomes[0].serves = vec!["outcome-1".into()];
    assert_eq!(layout(&p).nodes.len(), l.nodes.len());
}

/// Crossings, file order against the sweeps' (measured on this code):
/// college-attainment 1 -> 1, friendship-club 3 -> 1, ict-mentoring 3 -> 0,
/// language-cafe 6 -> 1; generated 20 and 100: 0 -> 0; scrambled 30: 57 -> 3;
/// scrambled 100: 871 -> 49 (the test prints them with --nocapture).
#[test]
fn crossings_are_no_more_than_file_orders() {
    for (name, p) in examples().into_iter().chain(generated()) {
        let (n, s) = (crossings(&naive(&p)), crossings(&layout(&p)));
        println!("{name}: file order {n} crossings, after sweeps {s}");
        assert!(s <= n, "{name}: {s} > {n}");
        if name.starts_with("scrambled") {
            assert!(
                s * 2 < n,
                "{name}: the sweeps saved too little ({n} -> {s})"
            );
        }
    }
}

#[test]
fn assumptions_on_links_are_numbered_marks_on_their_arrows() {
    let p = synthetic::plan(10);
    let l = layout(&p);
    assert_eq!(l.marked.len(), p.outcomes.len());
    for (k, (_, from, to)) in l.marked.iter().enumerate() {
        let e = l
            .edges
            .iter()
            .find(|e| l.nodes[e.from].id == *from && l.nodes[e.to].id == *to)
            .expect("the arrow");
        assert!(e.marks.contains(&(k + 1)));
    }
}

#[test]
fn long_text_wraps_inside_its_box_and_is_cut_after_a_few_lines() {
    let mut p = synthetic::plan(10);
    p.goal.text = "word ".repeat(300);
    p.outcomes[0].text = "x".repeat(500);
    let l = layout(&p);
    for n in &l.nodes {
        assert!(n.lines.len() <= MAX_LINES);
        for line in &n.lines {
            let w = unicode_width::UnicodeWidthStr::width(line.as_str()) as f64;
            assert!(w * CHAR <= n.w, "{}: {line}", n.id);
        }
    }
    assert!(l.nodes[0].lines.last().expect("lines").ends_with('…'));
}
