//! Every kind of change, from fixture pairs (tests/fixtures/diff: base.toml and one
//! `<case>.new.toml` per case).

use std::path::{Path, PathBuf};

use super::*;
use crate::plan::load;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diff")
        .join(name)
}

fn changes(case: &str) -> Vec<Change> {
    let old = load(&fixture("base.toml")).expect("base").plan;
    let new = load(&fixture(&format!("{case}.new.toml")))
        .expect(case)
        .plan;
    diff(&old, &new)
}

#[test]
fn each_kind_of_change_is_reported_in_plan_terms() {
    let cases = [
        ("goal-changed", "1 goal changed, 0 removed"),
        ("outcome-added", "1 intermediate outcome added, 0 removed"),
        (
            "outcome-reworded",
            "1 intermediate outcome changed, 0 removed",
        ),
        ("target-changed", "1 measure changed, 0 removed"),
        ("baseline-changed", "1 measure changed, 0 removed"),
        ("link-added", "1 output changed, 0 removed"),
        ("reading-added", "1 reading added, 0 removed"),
        ("stakeholder-changed", "1 stakeholder changed, 0 removed"),
        ("evidence-changed", "1 evidence changed, 0 removed"),
        ("assumption-changed", "1 assumption changed, 0 removed"),
        ("activity-removed", "1 activity removed"),
        ("reordered", "No changes."),
        (
            "renamed-id",
            "1 output renamed, 3 activities changed, 1 assumption changed, 0 removed",
        ),
    ];
    for (case, want) in cases {
        let got = render::summary(&changes(case));
        assert_eq!(got, want, "{case}: {:#?}", changes(case));
    }
}

#[test]
fn field_changes_show_old_and_new_and_prose_as_a_word_diff() {
    let c = changes("target-changed");
    let Change::Changed { fields, .. } = &c[0] else {
        panic!("{c:?}");
    };
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].field, "target");
    let text = to_text("t", &c, Style { color: false });
    assert!(text.contains("target: 40 -> 45"), "{text}");
    let text = to_text("t", &changes("goal-changed"), Style { color: false });
    assert!(
        text.contains("every [-day-]") && text.contains("{+day, at home and at work+}"),
        "{text}"
    );
    assert!(text.contains("~ goal"), "{text}");
    assert!(
        text.ends_with("Plan: 1 goal changed, 0 removed.\n"),
        "{text}"
    );
    let colored = to_text("t", &changes("goal-changed"), Style { color: true });
    assert!(colored.contains("\x1b[32m"));
}

#[test]
fn a_renamed_id_is_reported_as_a_rename_with_the_links_that_follow_it() {
    let c = changes("renamed-id");
    assert!(c.iter().any(|c| matches!(c,
        Change::Renamed { kind: "output", from, to, .. }
            if from == "drop-in-sessions" && to == "drop-in-cafe-sessions")));
    assert!(
        !c.iter()
            .any(|c| matches!(c, Change::Added { .. } | Change::Removed { .. }))
    );
}

#[test]
fn markdown_and_json_carry_the_same_changes() {
    let c = changes("outcome-added");
    let md = to_markdown("plans/p.toml", &c);
    assert!(
        md.contains(
            "- **+** intermediate outcome `feel-welcome` added: The women feel welcome in local clubs\n"
        ),
        "{md}"
    );
    let json: serde_json::Value = serde_json::from_str(&to_json(&c).expect("json")).expect("parse");
    assert_eq!(json["changes"][0]["change"], "added");
    assert_eq!(json["changes"][0]["id"], "feel-welcome");
    assert_eq!(json["summary"], "1 intermediate outcome added, 0 removed");
}

#[test]
fn removed_outcomes_and_links_are_reported() {
    let old = load(&fixture("base.toml")).expect("base").plan;
    let mut new = old.clone();
    let out = new.outputs[0].id.clone();
    let to = new.outputs[0].serves[0].clone();
    new.outputs[0].serves.push(new.outcomes[1].id.clone());
    let linked = render::summary(&diff(&old, &new));
    assert_eq!(linked, "1 output changed, 0 removed");
    new.unlink(&out, &to).expect("unlink");
    let c = diff(&old, &new);
    let Some(Change::Changed { fields, .. }) = c.iter().find(|c| c.kind() == "output") else {
        panic!("{c:?}");
    };
    assert_eq!(fields[0].field, "serves");
    let mut gone = old.clone();
    let last = gone.outcomes.last().expect("outcome").id.clone();
    gone.delete(&last).expect("delete");
    let c = diff(&old, &gone);
    assert!(c.iter().any(|c| matches!(c,
        Change::Removed { kind: "outcome", id, .. } if *id == last)));
    assert!(
        render::summary(&c).contains("1 intermediate outcome removed"),
        "{}",
        render::summary(&c)
    );
}

fn base() -> Plan {
    load(&fixture("base.toml")).expect("base").plan
}

fn text_of(c: &[Change]) -> String {
    to_text("t", c, Style { color: false })
}

#[test]
fn serves_and_key_domains_are_diffed_as_sets() {
    let old = base();
    let mut new = old.clone();
    let first = new.outputs[0].serves[0].clone();
    let other = new
        .outcomes
        .iter()
        .find(|o| o.id != first)
        .expect("outcome")
        .id
        .clone();
    new.outputs[0].serves.insert(0, other.clone());
    new.context.key_domains = vec![5, 7, 3];
    let c = diff(&old, &new);
    let text = text_of(&c);
    assert!(
        text.contains(&format!("    serves: + `{other}`\n")),
        "{text}"
    );
    assert!(text.contains("    key_domains: + 3, - 9\n"), "{text}");
    let Some(Change::Changed { fields, .. }) = c.iter().find(|c| c.kind() == "output") else {
        panic!("{c:?}");
    };
    assert_eq!(
        (fields[0].added.clone(), fields[0].removed.len()),
        (vec![other], 0)
    );
    // The same set in another order is no change.
    let mut reordered = old.clone();
    reordered.context.key_domains.reverse();
    assert!(diff(&old, &reordered).is_empty());
}

#[test]
fn resources_show_the_entries_added_and_removed() {
    let old = base();
    let mut new = old.clone();
    let gone = new.activities[0].resources.remove(0);
    new.activities[0]
        .resources
        .push("Staff: a second volunteer".into());
    let text = text_of(&diff(&old, &new));
    let head: String = gone.chars().take(10).collect();
    assert!(
        text.contains(&format!(
            "resources: + \"Staff: a second volunteer\", - \"{head}"
        )),
        "{text}"
    );
}

#[test]
fn numbers_and_dates_are_unquoted_and_text_is_quoted() {
    let old = base();
    let mut new = old.clone();
    new.measures[0].target_date = crate::plan::Date::new(2027, 9, 30);
    new.measures[0].baseline = None;
    new.stakeholders[0].role = "Hosts".into();
    let text = text_of(&diff(&old, &new));
    assert!(text.contains(" -> 2027-09-30\n"), "{text}");
    assert!(!text.contains("\"2027"), "{text}");
    assert!(text.contains("baseline: 10 -> (none)"), "{text}");
    assert!(text.contains("role: \""), "{text}");
}

#[test]
fn readings_move_with_a_renamed_measure() {
    let old = base();
    let mut new = old.clone();
    let from = new.measures[0].id.clone();
    new.measures[0].id = "practice-beyond-class".into();
    for r in new.readings.iter_mut().filter(|r| r.measure == from) {
        r.measure = "practice-beyond-class".into();
    }
    let moved = old.readings.iter().filter(|r| r.measure == from).count();
    assert!(moved > 0);
    let c = diff(&old, &new);
    assert!(
        !c.iter()
            .any(|c| matches!(c, Change::Added { .. } | Change::Removed { .. })),
        "{c:#?}"
    );
    let readings: Vec<&Change> = c.iter().filter(|c| c.kind() == "reading").collect();
    assert_eq!(readings.len(), moved, "{c:#?}");
    let text = text_of(&c);
    assert!(
        text.contains(&format!("measure: {from} -> practice-beyond-class")),
        "{text}"
    );
}

/// An output renamed with `:id` carried its counts as "2 readings removed, 2 added", and
/// the counts were labelled as a measure's: they move with it, as an output's.
#[test]
fn an_outputs_counts_move_with_it_when_it_is_renamed() {
    let old =
        load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml"))
            .expect("example")
            .plan;
    let counted = old
        .readings
        .iter()
        .find(|r| r.output)
        .map(|r| r.measure.clone())
        .expect("the café counts an output");
    let mut new = old.clone();
    new.rename_id(&counted, "sessions-run").expect("rename");
    let c = diff(&old, &new);
    assert!(
        !c.iter()
            .any(|c| c.kind() == "reading"
                && matches!(c, Change::Added { .. } | Change::Removed { .. })),
        "{c:#?}"
    );
    let text = text_of(&c);
    assert!(
        text.contains(&format!("output: {counted} -> sessions-run")),
        "{text}"
    );
    assert!(!text.contains(&format!("measure: {counted}")), "{text}");
}

#[test]
fn continuation_lines_of_long_prose_are_indented_under_their_field() {
    let old = base();
    let mut new = old.clone();
    new.context.problem = format!(
        "{}\nA second line, added.",
        old.context.problem.replace("ESOL", "English")
    );
    let text = text_of(&diff(&old, &new));
    let at = text.find("    problem: ").expect("field");
    let block: Vec<&str> = text[at..]
        .lines()
        .take_while(|l| !l.starts_with("    rights") && !l.is_empty())
        .collect();
    assert!(block.len() > 2, "{text}");
    for l in &block[1..] {
        assert!(
            l.starts_with("        ") && !l[8..].starts_with(' '),
            "{l:?} in\n{text}"
        );
        assert!(l.chars().count() <= 80, "{l:?}");
    }
    assert!(
        block
            .iter()
            .any(|l| l.contains("{+A second line, added.+}")),
        "{text}"
    );
}

/// What the pull-request comment shows of a change from every text being `old` to
/// every text being `new`: no link, image or HTML, and exactly the structure the same
/// change in plain words has.
fn assert_inert_in_the_comment(old: &str, new: &str) {
    use crate::plan::export::tests::with_text;
    use crate::text::markdown::check::structure;
    let plain = |t: &str| {
        to_markdown(
            "p.toml",
            &diff(
                &with_text(base(), t),
                &with_text(base(), "plain words, changed"),
            ),
        )
    };
    let want = structure(&plain("plain words"));
    let md = to_markdown(old, &diff(&with_text(base(), old), &with_text(base(), new)));
    let got = structure(&md);
    assert_eq!(
        (got.links, got.images, got.html),
        (0, 0, 0),
        "{old:?} -> {new:?}\n{md}"
    );
    assert_eq!(
        (
            got.headings,
            got.code_blocks,
            got.block_quotes,
            got.rules,
            got.tables
        ),
        (1, 0, 0, 0, 0),
        "{md}"
    );
    assert_eq!(
        (got.lists, got.items),
        (want.lists, want.items),
        "{old:?} -> {new:?}\n{md}"
    );
}

/// What the property test found (and CI could have met at random): a tab after a
/// newline, and `<(` in a word-diffed line.
#[test]
fn the_property_tests_finding_makes_no_markup() {
    assert_inert_in_the_comment(" (", "< a\t~<~[|[[a& ~a ~0&a<(\n\t");
}

#[test]
fn plan_text_makes_no_markup_in_the_pull_request_comment() {
    use crate::text::markdown::check::HOSTILE;
    for s in HOSTILE {
        assert_inert_in_the_comment("plain words", s);
        assert_inert_in_the_comment(s, "plain words");
        assert_inert_in_the_comment(s, &format!("{s} and more words"));
    }
    // The example: a stakeholder named with a link.
    let old = base();
    let mut new = old.clone();
    new.stakeholders[0].name = "[here](https://evil.example/x)".into();
    let md = to_markdown("p.toml", &diff(&old, &new));
    assert_eq!(
        crate::text::markdown::check::structure(&md).links,
        0,
        "{md}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    #[test]
    fn any_text_makes_no_markup_in_the_pull_request_comment(
        old in "[-*+#>=|`~_!<&\\[\\]()\\\\:./ \n\ta-z0-9]{1,40}",
        new in "[-*+#>=|`~_!<&\\[\\]()\\\\:./ \n\ta-z0-9]{1,40}",
    ) {
        proptest::prop_assume!(!old.trim().is_empty() && !new.trim().is_empty() && old != new);
        assert_inert_in_the_comment(&old, &new);
    }
}

/// GitHub shows the word diff as struck-out and bold words.
#[test]
fn the_comment_shows_the_word_diff_as_struck_and_bold_words() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let md = to_markdown("p.toml", &changes("goal-changed"));
    let (mut struck, mut strong) = (String::new(), String::new());
    let (mut in_s, mut in_b) = (false, false);
    for e in Parser::new_ext(&md, Options::ENABLE_STRIKETHROUGH) {
        match e {
            Event::Start(Tag::Strikethrough) => in_s = true,
            Event::End(TagEnd::Strikethrough) => in_s = false,
            Event::Start(Tag::Strong) => in_b = true,
            Event::End(TagEnd::Strong) => in_b = false,
            Event::Text(t) if in_s => struck.push_str(&t),
            Event::Text(t) if in_b => strong.push_str(&t),
            _ => {}
        }
    }
    assert_eq!(struck, "day", "{md}");
    assert!(strong.contains("day, at home and at work"), "{md}");
}

/// A key this version does not know is plan data (the file keeps it, a merge merges it):
/// adding, changing or removing one is a change, never "no changes".
#[test]
fn a_change_only_to_unknown_keys_is_a_change() {
    let base = load(&fixture("base.toml")).expect("base").plan;
    let mut new = base.clone();
    new.stakeholders[0]
        .extra
        .push(("funding_code".into(), toml::Value::String("AB-12".into())));
    new.extra
        .push(("note".into(), toml::Value::String("kept".into())));
    let got = diff(&base, &new);
    assert_eq!(got.len(), 2, "{got:?}");
    let text = to_text("t", &got, Style { color: false });
    assert!(
        text.contains("unknown key: (none) -> funding_code = \"AB-12\""),
        "{text}"
    );
    assert!(diff(&new, &new).is_empty());
}
