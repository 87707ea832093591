//! The laid-out diagram as inline SVG: a box per item with its wrapped text, an arrow per
//! link, a numbered mark on each arrow an assumption is about. Every box carries its item's
//! id and its chain (what it serves and what serves it, however far) for the page's
//! highlighting; the SVG has a title and a description, and the text beside it says all
//! the diagram does.

use std::collections::BTreeSet;

use super::html::{esc, num};
use super::layout::{Edge, LINE, Layout};
use crate::plan::Kind;

/// The arrows out of and into each box.
struct Adjacent {
    out: Vec<Vec<usize>>,
    into: Vec<Vec<usize>>,
}

impl Adjacent {
    fn of(l: &Layout) -> Adjacent {
        let mut a = Adjacent {
            out: vec![Vec::new(); l.nodes.len()],
            into: vec![Vec::new(); l.nodes.len()],
        };
        for e in &l.edges {
            a.out[e.from].push(e.to);
            a.into[e.to].push(e.from);
        }
        a
    }

    /// Every item reachable from `start` following the arrows, and every one reaching it.
    fn chain(&self, start: usize) -> BTreeSet<usize> {
        let mut seen = BTreeSet::new();
        for next in [&self.out, &self.into] {
            let mut todo = vec![start];
            while let Some(i) = todo.pop() {
                for &b in &next[i] {
                    if b != start && seen.insert(b) {
                        todo.push(b);
                    }
                }
            }
        }
        seen
    }
}

fn mark_at(e: &Edge) -> (f64, f64) {
    // Nearer the arrow's tail than its middle, where arrows into one box have not met.
    let t = 0.35;
    let (a, b) = (e.points[0], e.points[1]);
    (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
}

pub fn svg(l: &Layout, title: &str) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" \
         role=\"img\" aria-labelledby=\"diagram-title diagram-desc\">\n\
         <title id=\"diagram-title\">Theory of Change: {}</title>\n\
         <desc id=\"diagram-desc\">{} items in {} columns from the goal on the left to the activities on the right; \
         each arrow runs from an item to what it serves. The same chain is written out in full in the text after the diagram.</desc>\n\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">\
         <path d=\"M0,0 L10,5 L0,10 z\" fill=\"#3c3c3c\"/></marker></defs>\n",
        num(l.width),
        num(l.height),
        num(l.width),
        num(l.height),
        esc(title),
        l.nodes.len(),
        l.columns.len(),
    );
    for c in &l.columns {
        out.push_str(&format!(
            "<text class=\"col-title\" x=\"{}\" y=\"16\" text-anchor=\"middle\">{}</text>\n",
            num(c.x + c.w / 2.0),
            esc(&c.title)
        ));
    }
    for e in &l.edges {
        let points: Vec<String> = e
            .points
            .iter()
            .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
            .collect();
        out.push_str(&format!(
            "<polyline class=\"edge\" data-from=\"{}\" data-to=\"{}\" points=\"{}\" marker-end=\"url(#arrow)\"/>\n",
            esc(&l.nodes[e.from].id),
            esc(&l.nodes[e.to].id),
            points.join(" ")
        ));
    }
    let adjacent = Adjacent::of(l);
    for (i, n) in l.nodes.iter().enumerate() {
        let ids: Vec<String> = adjacent
            .chain(i)
            .into_iter()
            .map(|j| esc(&l.nodes[j].id))
            .collect();
        let class = if n.kind == Kind::Goal {
            "node goal"
        } else {
            "node"
        };
        out.push_str(&format!(
            "<g class=\"{class}\" data-id=\"{}\" data-chain=\"{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\"/>\
             <text class=\"box\" x=\"{}\" y=\"{}\">",
            esc(&n.id),
            ids.join(" "),
            num(n.x),
            num(n.y),
            num(n.w),
            num(n.h),
            num(n.x + 6.0),
            num(n.y + 6.0),
        ));
        for (k, line) in n.lines.iter().enumerate() {
            out.push_str(&format!(
                "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                num(n.x + 6.0),
                num(if k == 0 { LINE - 2.5 } else { LINE }),
                esc(line)
            ));
        }
        out.push_str("</text></g>\n");
    }
    // Marks last, so no box covers one.
    for e in &l.edges {
        for (k, m) in e.marks.iter().enumerate() {
            let (x, y) = mark_at(e);
            let x = x - k as f64 * 14.0;
            out.push_str(&format!(
                "<g class=\"mark\" data-from=\"{}\" data-to=\"{}\"><circle cx=\"{}\" cy=\"{}\" r=\"6.5\"/>\
                 <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{m}</text></g>\n",
                esc(&l.nodes[e.from].id),
                esc(&l.nodes[e.to].id),
                num(x),
                num(y),
                num(x),
                num(y + 3.2),
            ));
        }
    }
    out.push_str("</svg>\n");
    out
}
