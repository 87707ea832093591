use super::*;
use crate::framework::Framework;
use crate::plan::{About, GOAL_ID, Group};
use crate::plan::{load, to_toml};

fn fw() -> Framework {
    Framework::builtin().expect("framework")
}

fn cafe() -> Plan {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml");
    load(&path).expect("load").plan
}

#[test]
fn every_field_reads_back_what_was_set() {
    let fw = fw();
    let mut p = cafe();
    let act = p.activities[0].id.clone();
    let sh = p.stakeholders[0].id.clone();
    let ass = p.assumptions[0].id.clone();
    let ev = p.evidence[0].id.clone();
    let cases = [
        (Field::Title, "Café, renamed"),
        (Field::Problem, "Line one\nLine two"),
        (Field::Place, "Newtown"),
        (Field::Start, "2026-02-01"),
        (Field::End, "2027-12-31"),
        (Field::Rights, "Everyone knows where to find help"),
        (Field::GoalText, "A new goal"),
        (Field::ImpactEvidence, "Surveys a year on"),
        (Field::Text(act.clone()), "Run the café on Thursdays"),
        (
            Field::Resources(act.clone()),
            "Funds: hall hire\nStaff: coordinator",
        ),
        (Field::Barrier(act.clone()), "Childcare"),
        (Field::Responsible(act.clone()), sh.as_str()),
        (Field::AssumptionText(ass.clone()), "The barrier is time"),
        (Field::EvidenceText(ev.clone()), "Seen in the register"),
        (Field::EvidenceSource(ev.clone()), "Register, 2025"),
        (Field::EvidenceKind(ev.clone()), "qualitative"),
        (Field::StakeholderName(sh.clone()), "Volunteers"),
        (Field::StakeholderGroup(sh.clone()), "institutions"),
        (Field::StakeholderRole(sh.clone()), "Hosts"),
        (Field::StakeholderInvolvement(sh.clone()), "Weekly"),
    ];
    for (f, v) in cases {
        p.set_field(&f, v, &fw)
            .unwrap_or_else(|e| panic!("{f:?}: {e}"));
        assert_eq!(p.field(&f).as_deref(), Some(v), "{f:?}");
    }
    p.set_field(&Field::KeyDomains, "language, 7, work, 9", &fw)
        .expect("domains");
    assert_eq!(p.context.key_domains, vec![9, 7, 1]);
    assert_eq!(p.field(&Field::KeyDomains).as_deref(), Some("9, 7, 1"));
    // What the file says is what was set: multi-line text and lists survive a save.
    let text = to_toml(&p);
    let again = crate::plan::parse_str(&text, std::path::Path::new("x.toml"))
        .expect("reload")
        .plan;
    assert_eq!(again, p);
}

#[test]
fn bad_values_are_refused_and_change_nothing() {
    let fw = fw();
    let mut p = cafe();
    let before = p.clone();
    let act = p.activities[0].id.clone();
    let sh = p.stakeholders[0].id.clone();
    let ev = p.evidence[0].id.clone();
    let refused = [
        (Field::Start, "5 January"),
        (Field::Start, "2028-01-01"),
        (Field::End, "2025-01-01"),
        (Field::KeyDomains, "9, cooking"),
        (Field::StakeholderGroup(sh), "everyone"),
        (Field::EvidenceKind(ev), "anecdotal"),
        (Field::Responsible(act.clone()), "nobody-here"),
        (Field::Text(act), "   "),
        (Field::Title, ""),
        (Field::Text("gone".into()), "x"),
    ];
    for (f, v) in refused {
        let err = p.set_field(&f, v, &fw).expect_err(v);
        assert!(!err.to_string().is_empty());
        assert_eq!(p, before, "{f:?} changed the plan");
    }
}

#[test]
fn one_line_fields_fold_whitespace_and_empty_dates_clear() {
    let fw = fw();
    let mut p = cafe();
    p.set_field(&Field::Place, "  Any\n town ", &fw)
        .expect("place");
    assert_eq!(p.context.place, "Any town");
    p.set_field(&Field::End, "", &fw).expect("clear");
    assert_eq!(p.context.end, None);
    let act = p.activities[0].id.clone();
    p.set_field(&Field::Responsible(act.clone()), "", &fw)
        .expect("clear");
    assert_eq!(p.activity(&act).map(|a| a.responsible.len()), Some(0));
}

#[test]
fn adds_stakeholders_assumptions_and_evidence_with_unique_ids() {
    let mut p = cafe();
    let a = p.add_stakeholder("Local library", Group::Institutions);
    let b = p.add_stakeholder("Local library", Group::Institutions);
    assert_ne!(a, b);
    let ass = p.add_assumption(About::Item(GOAL_ID.into()), "The barrier is ...");
    let ev = p.add_evidence(&ass, "Seen").expect("evidence");
    assert_eq!(p.field(&Field::EvidenceText(ev)).as_deref(), Some("Seen"));
    assert_eq!(p.add_evidence("nope", "x"), None);
    assert_eq!(
        p.choices(&Field::EvidenceStance("x".into())).len(),
        1 + Stance::ALL.len()
    );
}

#[test]
fn measures_are_added_to_outcomes_and_their_fields_checked() {
    let fw = fw();
    let mut p = cafe();
    let outcome = p.outcomes[0].id.clone();
    let id = p
        .add_measure(&outcome, "social-bridges.ask-neighbours-for-help")
        .expect("measure");
    assert_eq!(id, "ask-neighbours-for-help");
    assert!(
        p.add_measure("goal", "x").is_err(),
        "only outcomes are measured"
    );
    for (f, v) in [
        (Field::MeasureBaseline(id.clone()), "12"),
        (Field::MeasureTarget(id.clone()), "40.5"),
        (Field::MeasureTargetDate(id.clone()), "2027-06-30"),
        (Field::MeasureMethod(id.clone()), "Survey"),
        (Field::MeasureSample(id.clone()), "All participants"),
        (Field::MeasureFrequency(id.clone()), "Each term"),
        (Field::MeasureCollectedBy(id.clone()), "Coordinator"),
        (Field::MeasureIndicator(id.clone()), "work.mentoring"),
    ] {
        p.set_field(&f, v, &fw)
            .unwrap_or_else(|e| panic!("{f:?}: {e}"));
        assert_eq!(p.field(&f).as_deref(), Some(v));
    }
    p.set_field(&Field::MeasureTarget(id.clone()), "45%", &fw)
        .expect("per cent");
    assert_eq!(
        p.field(&Field::MeasureTarget(id.clone())).as_deref(),
        Some("45")
    );
    let before = p.clone();
    for (f, v) in [
        (Field::MeasureBaseline(id.clone()), "about ten"),
        (Field::MeasureTarget(id.clone()), "inf"),
        (Field::MeasureIndicator(id.clone()), "no.such-indicator"),
        (Field::MeasureTargetDate(id.clone()), "June"),
    ] {
        assert!(p.set_field(&f, v, &fw).is_err(), "{v}");
    }
    assert_eq!(p, before);
}
