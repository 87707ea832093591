//! The causal chain of the selection, kept ready for drawing: the plan's links as
//! numbers (rebuilt once per version of the plan) and the chain of the selected item
//! (redone when the selection moves), so a frame only looks up what is on screen.
//!
//! Every row of the four panes is a node, numbered pane by pane from the goal (so a row
//! is found by adding its pane's offset, with no lookup by id); a link names an id and
//! goes to the first row with it, as validation reads it.

use std::borrow::Cow;
use std::collections::HashMap;

use super::{ACTIVITIES, GOAL, OUTCOMES, OUTPUTS, Pane};
use crate::plan::{GOAL_ID, Plan};

/// Links both ways between rows, each list flat with an index of where each row's starts.
#[derive(Debug, Clone, Default)]
pub struct Links {
    version: Option<u64>,
    /// The first node of each pane, by pane number (activities, outputs, outcomes, goal).
    offsets: [usize; 4],
    nodes: usize,
    forward: Adjacency,
    backward: Adjacency,
}

#[derive(Debug, Clone, Default)]
struct Adjacency {
    starts: Vec<u32>,
    targets: Vec<u32>,
}

impl Adjacency {
    fn build(nodes: usize, edges: &[(u32, u32)]) -> Adjacency {
        let mut starts = vec![0u32; nodes + 1];
        for &(from, _) in edges {
            starts[from as usize + 1] += 1;
        }
        for i in 0..nodes {
            starts[i + 1] += starts[i];
        }
        let mut fill = starts.clone();
        let mut targets = vec![0u32; edges.len()];
        for &(from, to) in edges {
            targets[fill[from as usize] as usize] = to;
            fill[from as usize] += 1;
        }
        Adjacency { starts, targets }
    }

    fn of(&self, node: u32) -> &[u32] {
        let (a, b) = (self.starts[node as usize], self.starts[node as usize + 1]);
        &self.targets[a as usize..b as usize]
    }
}

impl Links {
    pub fn build(plan: &Plan, version: u64) -> Links {
        let goal_rows = usize::from(!plan.goal.text.is_empty());
        let mut offsets = [0; 4];
        offsets[GOAL] = 0;
        offsets[OUTCOMES] = goal_rows;
        offsets[OUTPUTS] = offsets[OUTCOMES] + plan.outcomes.len();
        offsets[ACTIVITIES] = offsets[OUTPUTS] + plan.outputs.len();
        let nodes = offsets[ACTIVITIES] + plan.activities.len();
        // Ids to the first row that has them; borrowed, for this build only.
        let mut first: HashMap<&str, u32> = HashMap::with_capacity(nodes);
        if goal_rows == 1 {
            first.insert(GOAL_ID, 0);
        }
        let rows = plan
            .outcomes
            .iter()
            .map(|o| (o.id.as_str(), &o.serves))
            .chain(plan.outputs.iter().map(|o| (o.id.as_str(), &o.serves)))
            .chain(plan.activities.iter().map(|a| (a.id.as_str(), &a.serves)));
        let rows: Vec<_> = rows.collect();
        for (i, (id, _)) in rows.iter().enumerate() {
            first.entry(id).or_insert((goal_rows + i) as u32);
        }
        let mut edges = Vec::new();
        for (i, (_, serves)) in rows.iter().enumerate() {
            for to in serves.iter() {
                if let Some(&t) = first.get(to.as_str()) {
                    edges.push(((goal_rows + i) as u32, t));
                }
            }
        }
        let forward = Adjacency::build(nodes, &edges);
        let reversed: Vec<(u32, u32)> = edges.iter().map(|&(f, t)| (t, f)).collect();
        Links {
            version: Some(version),
            offsets,
            nodes,
            forward,
            backward: Adjacency::build(nodes, &reversed),
        }
    }

    pub fn is_for(&self, version: u64) -> bool {
        self.version == Some(version)
    }

    fn node(&self, pane: Pane, row: usize) -> Option<u32> {
        let at = self.offsets[pane] + row;
        let end = match pane {
            GOAL => self.offsets[OUTCOMES],
            OUTCOMES => self.offsets[OUTPUTS],
            OUTPUTS => self.offsets[ACTIVITIES],
            _ => self.nodes,
        };
        (at < end).then_some(at as u32)
    }

    /// What the row at (`pane`, `row`) serves (transitively), what serves it
    /// (transitively), and itself.
    pub fn chain(&self, pane: Pane, row: Option<usize>, key: ChainKey) -> Chain {
        let mut on = Vec::new();
        if let Some(s) = row.and_then(|r| self.node(pane, r)) {
            on = vec![false; self.nodes];
            on[s as usize] = true;
            for edges in [&self.forward, &self.backward] {
                let mut stack = vec![s];
                let mut seen = vec![false; self.nodes];
                while let Some(n) = stack.pop() {
                    for &next in edges.of(n) {
                        if !seen[next as usize] {
                            seen[next as usize] = true;
                            on[next as usize] = true;
                            stack.push(next);
                        }
                    }
                }
            }
        }
        Chain { key: Some(key), on }
    }
}

/// What a chain was worked out for: the plan's version, the pane and its selected row.
pub type ChainKey = (u64, Pane, usize);

/// The rows on the selection's chain, by node; empty when nothing is selected.
#[derive(Debug, Clone, Default)]
pub struct Chain {
    key: Option<ChainKey>,
    on: Vec<bool>,
}

impl Chain {
    pub fn is_for(&self, key: ChainKey) -> bool {
        self.key == Some(key)
    }
}

/// A chain with the links it is numbered by, as drawing needs them.
pub struct ChainView<'a> {
    pub links: Cow<'a, Links>,
    pub chain: Cow<'a, Chain>,
}

impl ChainView<'_> {
    pub fn is_empty(&self) -> bool {
        self.chain.on.is_empty()
    }

    pub fn contains(&self, pane: Pane, row: usize) -> bool {
        self.links
            .node(pane, row)
            .is_some_and(|n| self.chain.on.get(n as usize).copied().unwrap_or(false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chain_runs_both_ways_from_the_selection_and_no_further() {
        // Two outcomes; output i serves outcome i/2; activity i serves output i.
        let plan = crate::plan::synthetic::plan(10);
        let links = Links::build(&plan, 7);
        assert!(links.is_for(7) && !links.is_for(8));
        let chain = links.chain(OUTPUTS, Some(1), (7, OUTPUTS, 1));
        let view = ChainView {
            links: Cow::Borrowed(&links),
            chain: Cow::Owned(chain),
        };
        let on = |pane, row| view.contains(pane, row);
        assert!(on(OUTPUTS, 1) && on(OUTCOMES, 0) && on(GOAL, 0) && on(ACTIVITIES, 1));
        assert!(!on(OUTPUTS, 0) && !on(OUTCOMES, 1) && !on(ACTIVITIES, 0) && !on(ACTIVITIES, 2));
        // Rows past the end of a pane are never on it.
        assert!(!on(OUTCOMES, 2) && !on(ACTIVITIES, 99));
        // Nothing selected: no chain, nothing dimmed.
        let none = links.chain(OUTPUTS, None, (7, OUTPUTS, 0));
        assert!(
            ChainView {
                links: Cow::Borrowed(&links),
                chain: Cow::Owned(none)
            }
            .is_empty()
        );
    }
}
