//! Whatever a planner types into whatever field, a value the field accepts never leaves a
//! plan that `check` rejects: the app saves what it holds, and a plan saved broken opens
//! read-only next time (removing a group that readings use did exactly that).

use proptest::prelude::*;

use super::*;
use crate::framework::Framework;
use crate::plan::{Severity, load, parse_str, to_toml, validate};

/// Every field of every item of `plan`, and the plan's own.
fn every_field(plan: &Plan) -> Vec<Field> {
    let mut out = Field::context().to_vec();
    out.extend([Field::GoalText, Field::ImpactEvidence]);
    type Make = fn(String) -> Field;
    let mut each = |ids: Vec<String>, makes: &[Make]| {
        for id in ids {
            out.extend(makes.iter().map(|m| m(id.clone())));
        }
    };
    each(
        plan.outcomes.iter().map(|o| o.id.clone()).collect(),
        &[Field::Text],
    );
    each(
        plan.outputs.iter().map(|o| o.id.clone()).collect(),
        &[Field::Text, Field::OutputTarget, Field::OutputUnit],
    );
    each(
        plan.activities.iter().map(|a| a.id.clone()).collect(),
        &[
            Field::Text,
            Field::Resources,
            Field::Barrier,
            Field::Responsible,
            Field::Partners,
        ],
    );
    each(
        plan.assumptions.iter().map(|a| a.id.clone()).collect(),
        &[Field::AssumptionText],
    );
    each(
        plan.evidence.iter().map(|e| e.id.clone()).collect(),
        &[
            Field::EvidenceText,
            Field::EvidenceSource,
            Field::EvidenceKind,
            Field::EvidenceStance,
            Field::EvidenceLimitations,
        ],
    );
    each(
        plan.stakeholders.iter().map(|s| s.id.clone()).collect(),
        &[
            Field::StakeholderName,
            Field::StakeholderGroup,
            Field::StakeholderRole,
            Field::StakeholderInvolvement,
            Field::StakeholderAgreed,
        ],
    );
    for m in &plan.measures {
        out.extend(Field::of_measure(m));
    }
    out
}

/// Values a planner might type into `field` of `plan`: its value with a line dropped or
/// changed, the plan's own ids and group names, numbers, dates, words, nothing.
fn candidates(plan: &Plan, field: &Field) -> Vec<String> {
    let now = plan.field(field).unwrap_or_default();
    let lines: Vec<&str> = now.lines().collect();
    let mut out: Vec<String> = [
        "",
        "x",
        "yes",
        "no",
        "12",
        "-3",
        "2.5",
        "2026-03-01",
        "2031-01-01",
        "1\n2",
        "mixed",
        "contradicts",
        "qualitative",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for skip in 0..lines.len() {
        let kept: Vec<&str> = (0..lines.len())
            .filter(|&i| i != skip)
            .map(|i| lines[i])
            .collect();
        out.push(kept.join("\n"));
        let mut changed = lines.clone();
        changed[skip] = "Someone else";
        out.push(changed.join("\n"));
        let mut cased = lines.clone();
        let upper = lines[skip].to_uppercase();
        cased[skip] = &upper;
        out.push(cased.join("\n"));
    }
    out.push(lines.iter().rev().copied().collect::<Vec<_>>().join("\n"));
    out.extend(plan.stakeholders.iter().map(|s| s.id.clone()));
    out.extend(plan.measures.iter().flat_map(|m| m.groups.clone()));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn no_accepted_value_leaves_a_plan_check_rejects(
        steps in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 1..6),
        which in 0usize..4,
    ) {
        let fw = Framework::builtin().expect("framework");
        let file = ["language-cafe", "college-attainment", "friendship-club", "ict-mentoring"][which];
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("plans/{file}.toml"));
        let mut plan = load(&path).expect("load").plan;
        for (f, v) in steps {
            let fields = every_field(&plan);
            let field = f.get(&fields).clone();
            let values = candidates(&plan, &field);
            let value = v.get(&values).clone();
            if plan.set_field(&field, &value, &fw).is_ok() {
                // As `check` reads the saved file: parsed, then validated.
                let text = to_toml(&plan);
                let reread = parse_str(&text, std::path::Path::new("x.toml"));
                prop_assert!(reread.is_ok(), "{file}: {field:?} = {value:?}: {:?}", reread.err());
                let loaded = reread.expect("parsed");
                let errors: Vec<String> = validate(&loaded.plan, &fw, &loaded.source)
                    .into_iter()
                    .filter(|d| d.severity == Severity::Error)
                    .map(|d| d.message)
                    .collect();
                prop_assert!(
                    errors.is_empty(),
                    "{file}: {field:?} = {value:?} left a plan check rejects: {errors:?}"
                );
            }
        }
    }
}
