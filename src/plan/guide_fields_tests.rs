//! The fields the guide asks for (issue 17): each one changed is one changed line in the
//! file and one named field in the diff; edited on two sides, they merge field by field;
//! files written before them read as before.

use super::diff::{Change, diff};
use super::merge::{Style, merge};
use super::*;

fn cafe() -> Plan {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml");
    load(&path).expect("load").plan
}

fn fw() -> crate::framework::Framework {
    crate::framework::Framework::builtin().expect("framework")
}

type Edit = (&'static str, &'static str, fn(&mut Plan));

/// One edit of each new field: the kind and field the diff names.
fn edits() -> Vec<Edit> {
    vec![
        ("measure", "rationale", |p| {
            p.measures[3].rationale = "Volunteers show the receiving side taking part".into()
        }),
        ("measure", "analysis", |p| {
            p.measures[0].analysis = "Compared term by term".into()
        }),
        ("measure", "target_text", |p| {
            p.measures[0].target_text = "About two in five".into()
        }),
        ("measure", "gap", |p| p.measures[2].gap = false),
        ("measure", "groups", |p| {
            p.measures[2].groups.push("Volunteers".into())
        }),
        ("output", "target", |p| {
            p.outputs[0].target = Some(Number::Int(70))
        }),
        ("output", "unit", |p| {
            p.outputs[0].unit = "café sessions".into()
        }),
        ("activity", "responsible", |p| {
            p.activities[0].responsible.push("women".into())
        }),
        ("activity", "partners", |p| p.activities[0].partners.clear()),
        ("evidence", "stance", |p| {
            p.evidence[0].stance = Some(Stance::Untested)
        }),
        ("evidence", "kind", |p| {
            p.evidence[0].kind = Some(EvidenceKind::Mixed)
        }),
        ("evidence", "limitations", |p| {
            p.evidence[0].limitations = "One college".into()
        }),
        ("stakeholder", "agreed", |p| {
            p.stakeholders[1].agreed.push("logic".into())
        }),
    ]
}

#[test]
fn each_new_field_changed_is_one_line_and_named_in_the_diff() {
    let base = cafe();
    let before = to_toml(&base);
    for (kind, field, edit) in edits() {
        let mut p = base.clone();
        edit(&mut p);
        let after = to_toml(&p);
        let lines = similar::TextDiff::from_lines(&before, &after);
        let count = |tag| lines.iter_all_changes().filter(|c| c.tag() == tag).count();
        let (added, removed) = (
            count(similar::ChangeTag::Insert),
            count(similar::ChangeTag::Delete),
        );
        // One line added, removed or changed in place (a list one entry per line grows
        // by its new entry alone).
        assert!(
            added <= 1 && removed <= 1 && added + removed >= 1,
            "{kind}.{field}: +{added} -{removed}\n{after}"
        );
        let c = diff(&base, &p);
        assert_eq!(c.len(), 1, "{kind}.{field}: {c:?}");
        let Change::Changed { fields, .. } = &c[0] else {
            panic!("{c:?}");
        };
        assert_eq!((c[0].kind(), fields[0].field), (kind, field));
    }
}

#[test]
fn new_fields_edited_on_two_sides_merge_by_field() {
    let base = cafe();
    for (i, (_, a, ours_edit)) in edits().into_iter().enumerate() {
        for (_, b, theirs_edit) in edits().into_iter().skip(i + 1) {
            let (mut ours, mut theirs) = (base.clone(), base.clone());
            ours_edit(&mut ours);
            theirs_edit(&mut theirs);
            let m = merge(&base, &ours, &theirs, &fw(), &Style::default());
            assert!(m.conflicts.is_empty(), "{a} and {b}: {:?}", m.conflicts);
            let merged = parse_str(&m.text, std::path::Path::new("m.toml"))
                .expect("parses")
                .plan;
            let mut both = base.clone();
            ours_edit(&mut both);
            theirs_edit(&mut both);
            assert_eq!(to_toml(&merged), to_toml(&both), "{a} and {b}");
        }
    }
}

#[test]
fn the_same_new_field_changed_differently_conflicts_and_lists_merge_as_sets() {
    let base = cafe();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.measures[0].rationale = "Ours".into();
    theirs.measures[0].rationale = "Theirs".into();
    let m = merge(&base, &ours, &theirs, &fw(), &Style::default());
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(
        m.conflicts[0].to_string(),
        "measure `practice-outside-class`: `rationale` was changed differently on both sides"
    );
    // Each side names another responsible stakeholder: both are.
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.activities[0].responsible.push("women".into());
    theirs.activities[0]
        .responsible
        .push("esol-provider".into());
    let m = merge(&base, &ours, &theirs, &fw(), &Style::default());
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let merged = parse_str(&m.text, std::path::Path::new("m.toml"))
        .expect("parses")
        .plan;
    assert_eq!(
        merged.activities[0].responsible,
        ["council", "women", "esol-provider"]
    );
    // Readings of two groups on one date, one from each side, are two readings.
    let date: Date = "2026-07-01".parse().expect("date");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.add_group_reading("ask-neighbours", "1", date, Number::Int(20), "", false)
        .expect("ours");
    theirs
        .add_group_reading("ask-neighbours", "2", date, Number::Int(40), "", false)
        .expect("theirs");
    let m = merge(&base, &ours, &theirs, &fw(), &Style::default());
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let merged = parse_str(&m.text, std::path::Path::new("m.toml"))
        .expect("parses")
        .plan;
    assert_eq!(merged.readings.len(), base.readings.len() + 2);
}

#[test]
fn an_older_file_reads_as_before_and_writes_unchanged() {
    let old = "schema = 1\ntitle = \"Old\"\n\n[context]\n\n[goal]\ntext = \"G\"\n\n[[stakeholder]]\nid = \"council\"\nname = \"Council\"\ngroup = \"institutions\"\n\n[[outcome]]\nid = \"o\"\ntext = \"O\"\nserves = [\"goal\"]\n\n[[output]]\nid = \"p\"\ntext = \"P\"\nserves = [\"o\"]\n\n[[activity]]\nid = \"a\"\ntext = \"A\"\nserves = [\"p\"]\nresponsible = \"council\"\n\n[[evidence]]\nid = \"e\"\nassumption = \"x\"\nkind = \"qualitative\"\ntext = \"E\"\n";
    let p = parse_str(old, std::path::Path::new("old.toml"))
        .expect("reads")
        .plan;
    assert_eq!(p.activities[0].responsible, ["council"]);
    assert!(p.activities[0].partners.is_empty());
    assert_eq!(p.evidence[0].stance, None);
    assert_eq!(to_toml(&p), old);
    // A second responsible stakeholder changes that one line into an array.
    let mut two = p.clone();
    two.activities[0].responsible.push("council-2".into());
    assert!(to_toml(&two).contains("\nresponsible = [\"council\", \"council-2\"]\n"));
    // A bad stance says what it can be, at its line.
    let bad = old.replace("kind = \"qualitative\"", "stance = \"agrees\"");
    let Err(e) = parse_str(&bad, std::path::Path::new("old.toml")) else {
        panic!("a bad stance was read");
    };
    let e = e.to_string();
    assert!(
        e.contains("\"supports\", \"contradicts\" or \"untested\""),
        "{e}"
    );
}
