//! The order within each column: barycentre sweeps (each box placed at the mean position
//! of the boxes its arrows reach, column by column toward the activities and back), keeping
//! whichever order draws the fewest crossings, file order included.

use super::{Edge, Layout, Node, place, route};

const SWEEPS: usize = 6;
/// Past this many arrows, counting crossings pair by pair after each sweep costs more than
/// the sweep saves: the sweeps are kept without it.
const COUNTED: usize = 3_000;

/// Where each box stands in its column, as a share of the column (so columns of different
/// lengths compare).
fn shares(members: &[Vec<usize>], n: usize) -> Vec<f64> {
    let mut at = vec![0.0; n];
    for m in members {
        for (k, &i) in m.iter().enumerate() {
            at[i] = (k as f64 + 0.5) / m.len() as f64;
        }
    }
    at
}

/// Orders one column by the mean share of the boxes each box is linked to; a box with no
/// links there keeps its share, so it stays about where it was.
fn by_barycentre(column: &mut [usize], at: &[f64], neighbours: &[Vec<usize>]) {
    let key = |i: usize| {
        let ns = &neighbours[i];
        if ns.is_empty() {
            at[i]
        } else {
            ns.iter().map(|&j| at[j]).sum::<f64>() / ns.len() as f64
        }
    };
    let mut keyed: Vec<(f64, usize)> = column.iter().map(|&i| (key(i), i)).collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (slot, (_, i)) in column.iter_mut().zip(keyed) {
        *slot = i;
    }
}

fn drawn_crossings(members: &[Vec<usize>], nodes: &mut [Node], paths: &[Vec<usize>]) -> usize {
    place(members, nodes);
    count(&route(nodes, paths, &[]))
}

/// Orders the columns' members (boxes and the slots of arrows passing by), given each
/// arrow's path through them.
pub(super) fn sweep(members: &mut [Vec<usize>], nodes: &mut [Node], paths: &[Vec<usize>]) {
    let mut targets: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    let mut sources: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for path in paths {
        for w in path.windows(2) {
            targets[w[0]].push(w[1]);
            sources[w[1]].push(w[0]);
        }
    }
    let links: usize = paths.iter().map(|p| p.len() - 1).sum();
    let counted = links <= COUNTED;
    let mut best = members.to_vec();
    let mut fewest = if counted {
        drawn_crossings(members, nodes, paths)
    } else {
        usize::MAX
    };
    for _ in 0..SWEEPS {
        for c in 1..members.len() {
            let at = shares(members, nodes.len());
            by_barycentre(&mut members[c], &at, &targets);
        }
        for c in (0..members.len().saturating_sub(1)).rev() {
            let at = shares(members, nodes.len());
            by_barycentre(&mut members[c], &at, &sources);
        }
        if !counted {
            best = members.to_vec();
            continue;
        }
        let n = drawn_crossings(members, nodes, paths);
        if n < fewest {
            fewest = n;
            best = members.to_vec();
        }
    }
    members.clone_from_slice(&best);
}

/// The crossings of a laid-out diagram's arrows.
pub fn crossings(l: &Layout) -> usize {
    count(&l.edges)
}

fn count(edges: &[Edge]) -> usize {
    let mut n = 0;
    for (i, a) in edges.iter().enumerate() {
        for b in &edges[i + 1..] {
            // Arrows from or to one box meet there by design, and cannot cross.
            if a.from == b.from || a.to == b.to || a.from == b.to || a.to == b.from {
                continue;
            }
            for sa in a.points.windows(2) {
                for sb in b.points.windows(2) {
                    if cross(sa[0], sa[1], sb[0], sb[1]) {
                        n += 1;
                    }
                }
            }
        }
    }
    n
}

/// Whether two segments cross at a point inside both.
fn cross(p1: (f64, f64), p2: (f64, f64), q1: (f64, f64), q2: (f64, f64)) -> bool {
    let turn = |a: (f64, f64), b: (f64, f64), c: (f64, f64)| {
        (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
    };
    let d1 = turn(q1, q2, p1);
    let d2 = turn(q1, q2, p2);
    let d3 = turn(p1, p2, q1);
    let d4 = turn(p1, p2, q2);
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}
