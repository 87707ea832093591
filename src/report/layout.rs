//! The Theory of Change laid out as a diagram: the goal in the first column on the left,
//! then the intermediate outcomes, the outputs and the activities, as the guide's worksheet
//! reads when planning backwards. Every arrow runs from an item to what it serves, so right
//! to left. An outcome that serves another outcome gets a column of its own to the right of
//! the one it serves, so no arrow runs within a column. The order within each column is
//! chosen by barycentre sweeps, and the drawn crossings are never more than in file order.

mod order;

use std::collections::HashMap;

use crate::plan::{About, GOAL_ID, Kind, Plan};

pub use order::crossings;

/// The size of the page the diagram is laid out for: the width of A4 less its margins, at
/// the CSS pixel (96 per inch) the browser prints with.
pub const WIDTH: f64 = 680.0;

const GAP_X: f64 = 34.0;
const GAP_Y: f64 = 10.0;
const PAD: f64 = 6.0;
pub const LINE: f64 = 13.0;
/// The average advance of a character of the diagram's 11px sans-serif font, a little
/// generous so a wrapped line never runs out of its box.
const CHAR: f64 = 6.2;
const HEADER: f64 = 28.0;
/// A long text is cut after this many lines in its box (the text section has it whole).
const MAX_LINES: usize = 6;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub kind: Kind,
    /// The text wrapped to the box.
    pub lines: Vec<String>,
    /// The column, 0 (the goal) on the left.
    pub col: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Indexes into `Layout::nodes`: the item, and what it serves.
    pub from: usize,
    pub to: usize,
    /// The arrow's line: from the left side of `from`, through the columns it passes (a
    /// level stretch in each), to the right side of `to`. Never fewer than two points.
    pub points: Vec<(f64, f64)>,
    /// The numbers of the assumptions made on this link (1-based, as listed below it).
    pub marks: Vec<usize>,
}

impl Edge {
    pub fn start(&self) -> (f64, f64) {
        self.points[0]
    }

    pub fn end(&self) -> (f64, f64) {
        self.points[self.points.len() - 1]
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub x: f64,
    pub w: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub columns: Vec<Column>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub width: f64,
    pub height: f64,
    /// The assumptions on links, in the order of their marks: (assumption id, from, to).
    pub marked: Vec<(String, String, String)>,
}

/// A column before ordering: its title, the kind of its items, and their (id, text).
type Items<'a> = (String, Kind, Vec<(&'a str, &'a str)>);

/// The items of each column before ordering, goal first.
fn columns(p: &Plan) -> Vec<Items<'_>> {
    let depth = outcome_depths(p);
    let ranks = depth.iter().copied().max().unwrap_or(0) + 1;
    let mut out = vec![(
        "Goal".to_string(),
        Kind::Goal,
        vec![(GOAL_ID, p.goal.text.as_str())],
    )];
    for r in 0..ranks {
        let title = if r == 0 {
            "Intermediate outcomes".to_string()
        } else {
            "Earlier outcomes".to_string()
        };
        let items = p
            .outcomes
            .iter()
            .zip(&depth)
            .filter(|(_, d)| **d == r)
            .map(|(o, _)| (o.id.as_str(), o.text.as_str()))
            .collect();
        out.push((title, Kind::Outcome, items));
    }
    out.push((
        "Outputs".to_string(),
        Kind::Output,
        p.outputs
            .iter()
            .map(|o| (o.id.as_str(), o.text.as_str()))
            .collect(),
    ));
    out.push((
        "Activities".to_string(),
        Kind::Activity,
        p.activities
            .iter()
            .map(|a| (a.id.as_str(), a.text.as_str()))
            .collect(),
    ));
    out
}

/// How many outcomes stand between each outcome and the goal: 0 for one that serves the
/// goal. Bounded by the number of outcomes, so a cycle (which `check` reports) cannot
/// loop; an outcome serving only unknown ids stays at 0.
fn outcome_depths(p: &Plan) -> Vec<usize> {
    let n = p.outcomes.len();
    let mut depth = vec![0usize; n];
    for _ in 0..n {
        let mut changed = false;
        for (i, o) in p.outcomes.iter().enumerate() {
            let d = o
                .serves
                .iter()
                .filter_map(|s| p.outcomes.iter().position(|x| x.id == *s))
                .filter(|&j| j != i)
                .map(|j| depth[j] + 1)
                .max()
                .unwrap_or(0)
                .min(n);
            if d != depth[i] {
                depth[i] = d;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    depth
}

/// Plan text wrapped to a box `chars` wide, cut after `MAX_LINES` lines with an ellipsis.
fn wrap(text: &str, chars: usize) -> Vec<String> {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut lines: Vec<String> = textwrap::wrap(clean.trim(), chars.max(4))
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        if let Some(last) = lines.last_mut() {
            let keep: String = last.chars().take(chars.saturating_sub(1)).collect();
            *last = format!("{}…", keep.trim_end());
        }
    }
    lines
}

/// Lays the plan out with the order within each column chosen to reduce crossings.
pub fn layout(p: &Plan) -> Layout {
    build(p, true)
}

/// The plan in file order, as a baseline for the crossings the sweeps save.
pub fn naive(p: &Plan) -> Layout {
    build(p, false)
}

/// The height of the slot an arrow takes where it passes a column between its ends.
const PASS: f64 = 4.0;

fn build(p: &Plan, sweep: bool) -> Layout {
    let cols = columns(p);
    let n_cols = cols.len();
    let col_w = (WIDTH - GAP_X * (n_cols as f64 - 1.0)) / n_cols as f64;
    let chars = ((col_w - 2.0 * PAD) / CHAR).floor() as usize;
    let mut nodes = Vec::new();
    let mut columns = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (c, (title, kind, items)) in cols.into_iter().enumerate() {
        let x = c as f64 * (col_w + GAP_X);
        columns.push(Column { title, x, w: col_w });
        let mut m = Vec::new();
        for (id, text) in items {
            let lines = wrap(text, chars);
            let h = lines.len() as f64 * LINE + 2.0 * PAD;
            m.push(nodes.len());
            nodes.push(Node {
                id: id.to_string(),
                kind,
                lines,
                col: c,
                x,
                y: 0.0,
                w: col_w,
                h,
            });
        }
        members.push(m);
    }
    let real = nodes.len();
    let mut at: HashMap<(&str, Kind), usize> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        at.entry((n.id.as_str(), n.kind)).or_insert(i);
    }
    let mut links: Vec<(usize, usize)> = Vec::new();
    for (from, to) in p.links() {
        let source = p.kind_of(from).unwrap_or(Kind::Activity);
        let (Some(&f), Some(&t)) = (
            at.get(&(from, source)),
            at.get(&(to, kind_of_target(p, to))),
        ) else {
            continue;
        };
        if nodes[f].col > nodes[t].col && !links.contains(&(f, t)) {
            links.push((f, t));
        }
    }
    drop(at);
    // An arrow past a column takes a thin slot there, ordered with the boxes, so it runs
    // between them and never through one.
    let mut paths: Vec<Vec<usize>> = Vec::with_capacity(links.len());
    for &(f, t) in &links {
        let mut path = vec![f];
        for c in (nodes[t].col + 1..nodes[f].col).rev() {
            path.push(nodes.len());
            members[c].push(nodes.len());
            nodes.push(Node {
                id: String::new(),
                kind: Kind::Outcome,
                lines: Vec::new(),
                col: c,
                x: columns[c].x,
                y: 0.0,
                w: col_w,
                h: PASS,
            });
        }
        path.push(t);
        paths.push(path);
    }
    if sweep {
        order::sweep(&mut members, &mut nodes, &paths);
    }
    let height = place(&members, &mut nodes);
    let marked: Vec<(String, String, String)> = p
        .assumptions
        .iter()
        .filter_map(|a| match &a.about {
            About::Link { from, to } => Some((a.id.clone(), from.clone(), to.clone())),
            About::Item(_) => None,
        })
        .collect();
    let edges = route(&nodes, &paths, &marked);
    nodes.truncate(real);
    Layout {
        columns,
        nodes,
        edges,
        width: WIDTH,
        height,
        marked,
    }
}

fn kind_of_target(p: &Plan, id: &str) -> Kind {
    if id == GOAL_ID {
        Kind::Goal
    } else {
        p.kind_of(id).unwrap_or(Kind::Outcome)
    }
}

/// Stacks each column's boxes in order, the shorter columns centred on the tallest;
/// returns the diagram's height.
fn place(members: &[Vec<usize>], nodes: &mut [Node]) -> f64 {
    let tall = |nodes: &[Node], m: &Vec<usize>| {
        m.iter().map(|&i| nodes[i].h + GAP_Y).sum::<f64>() - if m.is_empty() { 0.0 } else { GAP_Y }
    };
    let tallest = members.iter().map(|m| tall(nodes, m)).fold(0.0, f64::max);
    for m in members {
        let mut y = HEADER + (tallest - tall(nodes, m)) / 2.0;
        for &i in m {
            nodes[i].y = y;
            y += nodes[i].h + GAP_Y;
        }
    }
    HEADER + tallest + 4.0
}

/// The arrows as drawn: from the left side of the item, through the slots it passes, to
/// the right side of what it serves. The ends at a box are spread along its side in the
/// order of the other ends, so arrows from one box neither meet nor cross at it.
pub(crate) fn route(
    nodes: &[Node],
    paths: &[Vec<usize>],
    marked: &[(String, String, String)],
) -> Vec<Edge> {
    let centre = |i: usize| nodes[i].y + nodes[i].h / 2.0;
    let mut outs: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    let mut ins: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for path in paths {
        if let (Some(&f), Some(&second)) = (path.first(), path.get(1)) {
            outs[f].push(second);
        }
        if let (Some(&t), Some(&before)) = (
            path.last(),
            path.len().checked_sub(2).and_then(|k| path.get(k)),
        ) {
            ins[t].push(before);
        }
    }
    for ends in outs.iter_mut().chain(ins.iter_mut()) {
        ends.sort_by(|a, b| centre(*a).total_cmp(&centre(*b)).then(a.cmp(b)));
    }
    let port = |node: usize, other: usize, ends: &[usize]| {
        let k = ends.iter().position(|e| *e == other).unwrap_or(0);
        let n = &nodes[node];
        n.y + n.h * (k as f64 + 1.0) / (ends.len() as f64 + 1.0)
    };
    paths
        .iter()
        .filter(|path| path.len() >= 2)
        .map(|path| {
            let (f, t) = (path[0], path[path.len() - 1]);
            let mut points = vec![(nodes[f].x, port(f, path[1], &outs[f]))];
            for &d in &path[1..path.len() - 1] {
                points.push((nodes[d].x + nodes[d].w, centre(d)));
                points.push((nodes[d].x, centre(d)));
            }
            points.push((
                nodes[t].x + nodes[t].w,
                port(t, path[path.len() - 2], &ins[t]),
            ));
            Edge {
                from: f,
                to: t,
                points,
                marks: marked
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, from, to))| *from == nodes[f].id && *to == nodes[t].id)
                    .map(|(k, _)| k + 1)
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests;
