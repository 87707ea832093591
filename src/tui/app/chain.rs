//! The causal chain of the selection, kept ready for drawing: the plan's links as
//! numbers (rebuilt once per version of the plan) and the chain of the selected item
//! (redone when the selection moves), so a frame only looks up what is on screen.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::plan::{GOAL_ID, Plan};

/// Every item with links (the goal, outcomes, outputs, activities) numbered, with its
/// links both ways.
#[derive(Debug, Clone, Default)]
pub struct Links {
    version: Option<u64>,
    nodes: HashMap<String, u32>,
    forward: Vec<Vec<u32>>,
    backward: Vec<Vec<u32>>,
}

impl Links {
    pub fn build(plan: &Plan, version: u64) -> Links {
        let mut nodes: HashMap<String, u32> = HashMap::new();
        let ids = std::iter::once(GOAL_ID)
            .chain(plan.outcomes.iter().map(|o| o.id.as_str()))
            .chain(plan.outputs.iter().map(|o| o.id.as_str()))
            .chain(plan.activities.iter().map(|a| a.id.as_str()));
        for id in ids {
            let next = nodes.len() as u32;
            // A duplicated id (an invalid plan) is one node, as links name it.
            nodes.entry(id.to_string()).or_insert(next);
        }
        let mut forward = vec![Vec::new(); nodes.len()];
        let mut backward = vec![Vec::new(); nodes.len()];
        for (from, to) in plan.links() {
            if let (Some(&f), Some(&t)) = (nodes.get(from), nodes.get(to)) {
                forward[f as usize].push(t);
                backward[t as usize].push(f);
            }
        }
        Links {
            version: Some(version),
            nodes,
            forward,
            backward,
        }
    }

    pub fn is_for(&self, version: u64) -> bool {
        self.version == Some(version)
    }

    /// What `start` serves (transitively) and what serves it (transitively), and itself.
    pub fn chain(&self, start: Option<&str>, key: ChainKey) -> Chain {
        let mut on = Vec::new();
        if let Some(&s) = start.and_then(|id| self.nodes.get(id)) {
            on = vec![false; self.nodes.len()];
            on[s as usize] = true;
            for edges in [&self.forward, &self.backward] {
                let mut stack = vec![s];
                let mut seen = vec![false; self.nodes.len()];
                while let Some(n) = stack.pop() {
                    for &next in &edges[n as usize] {
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
pub type ChainKey = (u64, usize, usize);

/// The items on the selection's chain, by node; empty when nothing is selected.
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

    pub fn contains(&self, id: &str) -> bool {
        self.links
            .nodes
            .get(id)
            .is_some_and(|&n| self.chain.on.get(n as usize).copied().unwrap_or(false))
    }
}
