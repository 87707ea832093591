//! The stakeholders by group, and what has been agreed with them: the guide's five things
//! to agree with stakeholders, each with who has agreed it, named as the guide names them.

use super::Names;
use crate::framework::Framework;
use crate::plan::{Group, Plan};
use crate::report::html::esc;

fn group_name(g: Group) -> &'static str {
    match g {
        Group::Newcomers => "Newcomers",
        Group::ReceivingCommunity => "Receiving community",
        Group::Institutions => "Institutions",
    }
}

pub(super) fn stakeholders(plan: &Plan, fw: &Framework, names: &Names, b: &mut String) {
    b.push_str("<section><h2 id=\"stakeholders\">Stakeholders</h2>\n");
    for g in Group::ALL {
        let people: Vec<_> = plan.stakeholders.iter().filter(|s| s.group == g).collect();
        b.push_str(&format!("<h3>{}</h3>\n", group_name(g)));
        if people.is_empty() {
            b.push_str("<p>None named.</p>\n");
            continue;
        }
        b.push_str(&format!(
            "<table><caption class=\"skip\">Stakeholders: {}</caption><thead><tr><th scope=\"col\">Name</th>\
             <th scope=\"col\">Role</th><th scope=\"col\">How they take part</th></tr></thead><tbody>\n",
            group_name(g)
        ));
        for s in people {
            b.push_str(&format!(
                "<tr {}><th scope=\"row\" class=\"t\">{}</th><td class=\"t\">{}</td><td class=\"t\">{}</td></tr>\n",
                names.at(&s.id),
                esc(&s.name),
                esc(&s.role),
                esc(&s.involvement)
            ));
        }
        b.push_str("</tbody></table>\n");
    }
    agreements(plan, fw, names, b);
    b.push_str("</section>\n");
}

/// One row per agreement the guide lists, in its order, with the stakeholders who have
/// made it; an agreement no one has made says so. An id the guide does not list (which
/// `check` refuses, but a report may be made of any plan) is shown as written.
fn agreements(plan: &Plan, fw: &Framework, names: &Names, b: &mut String) {
    if plan.stakeholders.is_empty() {
        return;
    }
    let guide = &fw.worksheet.agreements;
    b.push_str(
        "<h3 id=\"agreed\">What has been agreed</h3>\n<p>The guide's five things to agree with \
         stakeholders, and who has agreed each.</p>\n<table><caption class=\"skip\">What each \
         stakeholder has agreed</caption><thead><tr><th scope=\"col\">Agreement</th>\
         <th scope=\"col\">Agreed by</th></tr></thead><tbody>\n",
    );
    let who = |id: &str| -> Vec<String> {
        plan.stakeholders
            .iter()
            .filter(|s| s.agreed.iter().any(|a| a == id))
            .map(|s| s.id.clone())
            .collect()
    };
    for a in guide {
        let by = who(&a.id);
        b.push_str(&format!(
            "<tr><th scope=\"row\">{}. {}</th><td>{}</td></tr>\n",
            a.number,
            esc(&a.name),
            if by.is_empty() {
                "<span class=\"off\">No one yet</span>".to_string()
            } else {
                names.links(&by)
            }
        ));
    }
    let mut other: Vec<&str> = plan
        .stakeholders
        .iter()
        .flat_map(|s| s.agreed.iter())
        .map(String::as_str)
        .filter(|id| !guide.iter().any(|a| a.id == *id))
        .collect();
    other.sort_unstable();
    other.dedup();
    for id in other {
        b.push_str(&format!(
            "<tr><th scope=\"row\"><span class=\"t\">{}</span> (not one of the guide's five)</th><td>{}</td></tr>\n",
            esc(id),
            names.links(&who(id))
        ));
    }
    b.push_str("</tbody></table>\n");
}
