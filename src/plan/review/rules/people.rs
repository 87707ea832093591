//! Who takes part: the receiving community as well as newcomers, and every group
//! sharing responsibility for the activities.

use crate::framework::Framework;
use crate::framework::Perspective;
use crate::plan::Severity::Warning;
use crate::plan::*;

use super::super::At;
use super::{Out, item};

pub(super) fn multi_directional(plan: &Plan, fw: &Framework, out: &mut Out) {
    if !plan
        .stakeholders
        .iter()
        .any(|s| s.group == Group::ReceivingCommunity)
    {
        out.push(Warning, At::Stakeholders, "stakeholder".into(), "No stakeholder from the receiving community: integration asks them to take part too (S adds one)".into());
    }
    let sides: Vec<Perspective> = plan
        .measures
        .iter()
        .filter_map(|m| fw.indicator(&m.indicator).map(|i| i.perspective))
        .collect();
    if !sides.is_empty()
        && !sides
            .iter()
            .any(|p| matches!(p, Perspective::ReceivingCommunity | Perspective::All))
    {
        out.push(Warning, At::Context, "measure".into(), "Every measure looks at newcomers or institutions: add one on the receiving community's side (!receiving in the picker)".into());
    }
}

pub(super) fn shared_responsibility(plan: &Plan, _: &Framework, out: &mut Out) {
    for (i, a) in plan.activities.iter().enumerate() {
        if a.responsible.is_empty() {
            out.push(
                Warning,
                item(&a.id),
                format!("activity[{i}]"),
                format!(
                    "Activity `{}` has no responsible stakeholder: choose one in its details",
                    a.id
                ),
            );
        }
    }
    let missing: Vec<&str> = Group::ALL
        .iter()
        .filter(|g| !plan.stakeholders.iter().any(|s| s.group == **g))
        .map(|g| g.as_str())
        .collect();
    if !missing.is_empty() {
        out.push(Warning, At::Stakeholders, "stakeholder".into(), format!("No stakeholders from: {}; newcomers, the receiving community and institutions share responsibility", missing.join(", ")));
    }
}
