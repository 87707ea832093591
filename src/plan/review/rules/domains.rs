//! What the measures cover of the framework's 14 domains: more than one, social
//! connections among them, and the plan's own key domains.

use crate::framework::Framework;
use crate::plan::Severity::{Advice, Warning};
use crate::plan::*;

use super::super::At;
use super::Out;

/// The domain of each measure's indicator (measures whose indicator is unknown are left
/// to validation).
fn measured_domains(plan: &Plan, fw: &Framework) -> Vec<u8> {
    plan.measures
        .iter()
        .filter_map(|m| fw.indicator(&m.indicator).map(|i| i.domain))
        .collect()
}

fn category_of(fw: &Framework, domain: u8) -> String {
    fw.domain(domain)
        .map_or(String::new(), |d| d.category.clone())
}

pub(super) fn multi_dimensional(plan: &Plan, fw: &Framework, out: &mut Out) {
    let mut domains = measured_domains(plan, fw);
    if domains.is_empty() {
        return;
    }
    domains.sort_unstable();
    domains.dedup();
    let mut cats: Vec<String> = domains.iter().map(|d| category_of(fw, *d)).collect();
    cats.sort();
    cats.dedup();
    if domains.len() == 1 && cats[0] == "markers_and_means" {
        let name = fw
            .domain(domains[0])
            .map_or(String::new(), |d| d.name.clone());
        out.push(Warning, At::Context, "measure".into(), format!("Every measure is in {name}, the domain of the service itself: this would measure direct service provision, not integration; add measures from other domains"));
    } else if domains.len() < 2 || cats.len() < 2 {
        out.push(Warning, At::Context, "measure".into(), format!("Measures come from {} domain(s) in {} category: draw them from more than one domain and more than one category", domains.len(), cats.len()));
    }
}

pub(super) fn social_connections(plan: &Plan, fw: &Framework, out: &mut Out) {
    let domains = measured_domains(plan, fw);
    if !domains.is_empty() && !domains.iter().any(|d| (6..=8).contains(d)) {
        out.push(Warning, At::Context, "measure".into(), "No measure of social bonds, bridges or links: add one (the picker's @bridges filter helps)".into());
    }
}

pub(super) fn key_domains(plan: &Plan, fw: &Framework, out: &mut Out) {
    let cats: Vec<String> = plan
        .context
        .key_domains
        .iter()
        .map(|d| category_of(fw, *d))
        .collect();
    for (cat, name) in [
        ("facilitators", "Facilitator"),
        ("social_connections", "Social Connection"),
        ("markers_and_means", "Marker and Means"),
    ] {
        if !cats.iter().any(|c| c == cat) {
            out.push(
                Advice,
                At::Context,
                "context.key_domains".into(),
                format!(
                    "The key domains name no {name} domain: Exercise 1 asks for one of each (C)"
                ),
            );
        }
    }
    if plan.context.rights.trim().is_empty() {
        out.push(
            Advice,
            At::Context,
            "context".into(),
            "No rights and responsibilities at stake are named (C)".into(),
        );
    }
}
