//! Every rule against its passing and failing fixture plan (tests/fixtures/review), the
//! guide's service-domain warning, waivers, and the example plans.

use std::path::{Path, PathBuf};

use super::*;
use crate::plan::{Severity, load, validate};

fn fw() -> Framework {
    Framework::builtin().expect("framework")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/review")
        .join(name)
}

fn reviewed(path: &Path) -> Vec<Finding> {
    let fw = fw();
    let loaded = load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let errors: Vec<_> = validate(&loaded.plan, &fw, &loaded.source)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    review(&loaded.plan, &fw)
}

#[test]
fn every_rule_passes_its_passing_fixture_and_fails_its_failing_one() {
    for (rule, _) in RULES {
        let pass = reviewed(&fixture(&format!("{rule}.pass.toml")));
        let hits: Vec<_> = pass.iter().filter(|f| f.rule == rule).collect();
        assert!(hits.is_empty(), "{rule}.pass: {hits:?}");
        let fail = reviewed(&fixture(&format!("{rule}.fail.toml")));
        assert!(
            fail.iter().any(|f| f.rule == rule),
            "{rule}.fail found nothing: {fail:?}"
        );
    }
}

#[test]
fn every_rule_has_a_reason_from_the_worksheet() {
    let fw = fw();
    for (rule, _) in RULES {
        assert!(fw.worksheet.review_reason(rule).is_some(), "{rule}");
    }
}

#[test]
fn measures_all_in_one_service_domain_get_the_guides_warning() {
    let fw = fw();
    let mut plan = load(&fixture("multi-dimensional.pass.toml"))
        .expect("load")
        .plan;
    for m in &mut plan.measures {
        m.indicator = "work.in-paid-work".into();
    }
    let found = review(&plan, &fw);
    let f = found
        .iter()
        .find(|f| f.rule == "multi-dimensional")
        .expect("finding");
    assert!(
        f.message.contains("direct service provision"),
        "{}",
        f.message
    );
    assert!(
        f.reason(&fw).contains("measure the service"),
        "{}",
        f.reason(&fw)
    );
}

#[test]
fn a_waiver_keeps_the_finding_visible_but_it_no_longer_counts() {
    let fw = fw();
    let mut plan = load(&fixture("social-connections.fail.toml"))
        .expect("load")
        .plan;
    plan.waivers.push(crate::plan::Waiver {
        rule: "social-connections".into(),
        reason: "This pilot measures language only; bridges come in phase two".into(),
        extra: Vec::new(),
        comments: Default::default(),
    });
    let found = review(&plan, &fw);
    let f = found
        .iter()
        .find(|f| f.rule == "social-connections")
        .expect("still shown");
    assert!(f.waived.as_deref().is_some_and(|w| w.contains("phase two")));
    assert!(!f.counts());
    assert!(
        found
            .iter()
            .filter(|f| f.rule == "multi-directional")
            .all(Finding::counts)
    );
}

#[test]
fn the_example_plans_have_no_finding_that_counts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    for entry in std::fs::read_dir(dir).expect("plans") {
        let path = entry.expect("entry").path();
        let counting: Vec<_> = reviewed(&path)
            .into_iter()
            .filter(Finding::counts)
            .collect();
        assert!(counting.is_empty(), "{}: {counting:?}", path.display());
    }
}
