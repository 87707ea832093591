use std::path::Path;

use super::*;
use crate::framework::Framework;

fn parse(text: &str) -> Loaded {
    parse_str(text, Path::new("t.toml")).expect("plan parses")
}

fn fw() -> Framework {
    Framework::builtin().expect("framework")
}

const SMALL: &str = r#"# A plan written by hand.
schema = 1
title = "Small"

[context]
place = "Anytown" # where
start = 2026-01-05
end = 2026-12-31

[goal]
text = "Everyone talks"

# The first outcome.
[[outcome]] # header note
id = "talk"
# says what it means
text = "People talk"
serves = ["goal"]
colour = "blue" # kept

[[output]]
id = "cafe"
text = "A café"
serves = ["talk"]

[future]
flag = true
"#;

#[test]
fn small_plan_round_trips_with_comments_and_unknown_keys() {
    let loaded = parse(SMALL);
    assert_eq!(to_toml(&loaded.plan), SMALL);
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
    assert!(loaded.warnings[0].message.contains("`colour`"));
    assert!(loaded.warnings[1].message.contains("`future`"));
}

#[test]
fn comments_follow_their_item_when_items_move() {
    let mut plan = parse(SMALL).plan;
    let extra = Outcome {
        id: "second".into(),
        text: "Second".into(),
        serves: vec!["goal".into()],
        extra: Vec::new(),
        comments: Comments::default(),
    };
    plan.outcomes.insert(0, extra);
    let out = to_toml(&plan);
    let second = out.find("id = \"second\"").expect("second");
    let note = out.find("# The first outcome.").expect("comment kept");
    let talk = out.find("id = \"talk\"").expect("talk");
    assert!(second < note && note < talk, "{out}");
}

#[test]
fn editing_one_field_changes_only_its_line() {
    let text = std::fs::read_to_string("plans/language-cafe.toml").expect("example");
    let mut plan = parse(&text).plan;
    let m = plan
        .measures
        .iter_mut()
        .find(|m| m.id == "practice-outside-class")
        .expect("measure");
    m.target = Some(Number::Int(45));
    let after = to_toml(&plan);
    let diff = similar::TextDiff::from_lines(text.as_str(), after.as_str());
    let changed: Vec<String> = diff
        .iter_all_changes()
        .filter(|c| c.tag() != similar::ChangeTag::Equal)
        .map(|c| format!("{}{}", c.tag(), c.value()))
        .collect();
    assert_eq!(changed, vec!["-target = 40\n", "+target = 45\n"]);
}

#[test]
fn editing_multi_line_text_changes_only_that_text() {
    // The example's text is one paragraph: given a second, it holds a real line break.
    let file = std::fs::read_to_string("plans/language-cafe.toml").expect("example");
    let mut plan = parse(&file).plan;
    plan.context.problem = plan
        .context
        .problem
        .replace(" The classes", "\n\nThe classes");
    assert!(plan.context.problem.contains('\n'));
    let text = to_toml(&plan);
    plan.context.problem = plan
        .context
        .problem
        .replace("short and formal", "short and stiff");
    let after = to_toml(&plan);
    let diff = similar::TextDiff::from_lines(text.as_str(), after.as_str());
    let changed = diff
        .iter_all_changes()
        .filter(|c| c.tag() != similar::ChangeTag::Equal)
        .count();
    assert_eq!(changed, 2);
}

#[test]
fn new_ids_are_readable_and_unique() {
    let mut plan = Plan::new("t");
    let id = plan.new_id("Weekly café-style drop-in sessions", "output");
    assert_eq!(id, "weekly-cafe-style-drop-in");
    plan.outputs.push(Output {
        id: id.clone(),
        text: String::new(),
        serves: Vec::new(),
        target: None,
        unit: String::new(),
        extra: Vec::new(),
        comments: Comments::default(),
    });
    assert_eq!(
        plan.new_id("Weekly café-style drop-in sessions", "output"),
        "weekly-cafe-style-drop-in-2"
    );
    assert_eq!(plan.new_id("!!!", "output"), "output");
    assert_eq!(plan.new_id("Goal", "outcome"), "goal-2");
}

#[test]
fn comments_inside_arrays_refuse_the_load_with_their_line() {
    let text = "schema = 1\ntitle = \"t\"\n[[output]]\nid = \"a\"\ntext = \"a\"\nserves = [\n  \"x\", # why\n]\n";
    let err = parse_str(text, Path::new("t.toml")).expect_err("refused");
    let msg = err.to_string();
    assert!(msg.contains("t.toml:7:"), "{msg}");
    assert!(msg.contains("cannot be kept"), "{msg}");
}

#[test]
fn inline_arrays_of_tables_are_read_and_written_canonically() {
    let text = "schema = 1\ntitle = \"t\"\noutcome = [{ id = \"a\", text = \"A\", serves = [\"goal\"] }]\n";
    let plan = parse(text).plan;
    assert_eq!(plan.outcomes[0].id, "a");
    assert!(to_toml(&plan).contains("[[outcome]]\nid = \"a\"\n"));
}

#[test]
fn floats_dates_and_empty_optionals_round_trip() {
    let text = "schema = 1\ntitle = \"t\"\n\n[context]\n\n[goal]\ntext = \"\"\n\n[[measure]]\nid = \"m\"\noutcome = \"o\"\nindicator = \"work.in-paid-work\"\nbaseline = 12.5\ntarget = 1e20\ntarget_date = 2028-02-29\n";
    let plan = parse(text).plan;
    assert_eq!(plan.measures[0].baseline, Some(Number::Float(12.5)));
    let again = to_toml(&plan);
    assert_eq!(parse(&again).plan, plan);
    assert_eq!(to_toml(&parse(&again).plan), again);
}

#[test]
fn validation_finds_each_kind_of_link_problem() {
    let text = r#"schema = 1
title = "t"

[context]
start = 2027-01-01
end = 2026-01-01

[[outcome]]
id = "a"
text = "A"
serves = ["b"]

[[outcome]]
id = "b"
text = "B"
serves = ["a"]

[[output]]
id = "out"
text = "O"
serves = ["act"]

[[activity]]
id = "act"
text = "Do"
serves = ["nowhere"]

[[measure]]
id = "a"
outcome = "out"
indicator = "not.a-real-indicator"
"#;
    let loaded = parse(text);
    let diags = validate(&loaded.plan, &fw(), &loaded.source);
    let messages: Vec<String> = diags
        .iter()
        .map(|d| format!("{}: {}", d.pos.map_or(0, |p| p.line), d.message))
        .collect();
    let has = |line: usize, needle: &str| {
        messages
            .iter()
            .any(|m| m.starts_with(&format!("{line}: ")) && m.contains(needle))
    };
    assert!(
        has(6, "ends (2026-01-01) before it starts"),
        "{messages:#?}"
    );
    assert!(has(11, "loop: a -> b -> a"), "{messages:#?}");
    assert!(has(21, "which is an activity"), "{messages:#?}");
    assert!(has(26, "`nowhere`, which does not exist"), "{messages:#?}");
    assert!(has(29, "duplicate id `a`"), "{messages:#?}");
    assert!(has(30, "which is an output"), "{messages:#?}");
    assert!(has(31, "in no loaded bank"), "{messages:#?}");
}

#[test]
fn example_plans_validate_clean() {
    for entry in std::fs::read_dir("plans").expect("plans/") {
        let path = entry.expect("entry").path();
        // Clean: no error or warning; the review's advice may remain.
        let findings: Vec<_> = check(&path, &fw())
            .expect("loads")
            .into_iter()
            .filter(|f| f.severity != Severity::Advice)
            .collect();
        assert!(findings.is_empty(), "{}: {findings:#?}", path.display());
    }
}

#[test]
fn comments_around_unknown_tables_are_kept_or_refused_never_dropped() {
    // Above an unknown table's header: kept.
    let kept = "schema = 1\ntitle = \"t\"\n\n[context]\n\n[goal]\ntext = \"\"\n\n# about the future\n[future]\nflag = true\n";
    assert_eq!(to_toml(&parse(kept).plan), kept);
    let kept_aot = "schema = 1\ntitle = \"t\"\n\n[context]\n\n[goal]\ntext = \"\"\n\n# risks\n[[risk]]\nid = \"r\"\n\n[[risk]]\nid = \"s\"\n";
    assert_eq!(to_toml(&parse(kept_aot).plan), kept_aot);
    // Anywhere inside one: refused with the line, since the writer has no place for them.
    for (text, line) in [
        (
            "schema = 1\ntitle = \"t\"\n[future]\n# inside\nflag = true\n",
            4,
        ),
        (
            "schema = 1\ntitle = \"t\"\n[future]\nflag = true # after\n",
            4,
        ),
        (
            "schema = 1\ntitle = \"t\"\n[future] # on the header\nflag = true\n",
            3,
        ),
        (
            "schema = 1\ntitle = \"t\"\n[[risk]]\nid = \"r\"\n# second\n[[risk]]\nid = \"s\"\n",
            5,
        ),
    ] {
        let err = parse_str(text, Path::new("t.toml"))
            .expect_err(text)
            .to_string();
        assert!(
            err.contains(&format!("t.toml:{line}:")) && err.contains("cannot be kept"),
            "{text}\n{err}"
        );
    }
    // An unknown sub-table of an item is written inline, its comment above it.
    let sub = "schema = 1\ntitle = \"t\"\n[[outcome]]\nid = \"o\"\ntext = \"O\"\n# sub\n[outcome.meta]\nx = 1\n";
    let out = to_toml(&parse(sub).plan);
    assert!(
        out.ends_with("[[outcome]]\nid = \"o\"\ntext = \"O\"\n# sub\nmeta = { x = 1 }\n"),
        "{out}"
    );
}

/// The app reads plans without keeping positions; what it gets, and every error it
/// reports, must be what a full read gives.
#[test]
fn reading_only_the_plan_gives_the_same_plan_and_the_same_errors() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["plans", "tests/fixtures/bad", "tests/fixtures/review"] {
        for e in std::fs::read_dir(root.join(dir)).expect("dir") {
            files.push(e.expect("entry").path());
        }
    }
    let big = crate::plan::to_toml(&crate::plan::synthetic::plan(3000));
    let mut texts: Vec<(std::path::PathBuf, String)> = files
        .into_iter()
        .filter_map(|f| std::fs::read_to_string(&f).ok().map(|t| (f, t)))
        .collect();
    texts.push(("big.toml".into(), big.clone()));
    texts.push((
        "big-broken.toml".into(),
        big.replacen("text = \"Item 900", "text = 900 # ", 1),
    ));
    assert!(texts.len() > 20);
    for (path, text) in texts {
        let full = crate::plan::parse_str(&text, &path);
        let lean = crate::plan::parse_plan_only(&text, &path);
        match (full, lean) {
            (Ok(f), Ok(l)) => {
                assert_eq!(f.plan, l.plan, "{}", path.display());
                assert_eq!(f.warnings, l.warnings, "{}", path.display());
            }
            (Err(f), Err(l)) => assert_eq!(f.to_string(), l.to_string(), "{}", path.display()),
            (f, l) => panic!("{}: full {} lean {}", path.display(), f.is_ok(), l.is_ok()),
        }
    }
}

/// Text that looks like git's conflict markers, typed into fields, saves and reopens as
/// it was typed: the writer escapes the first character of such a line, so only real
/// markers ever stand at the start of a line.
#[test]
fn marker_like_text_in_fields_saves_and_reopens() {
    let mut plan = parse(SMALL).plan;
    let texts = [
        "Heading\n=======\nbody",
        "<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> branch",
        "=======",
        ">>>>>>> x\n||||||| y",
    ];
    plan.context.problem = texts[0].into();
    plan.goal.text = texts[1].into();
    plan.outcomes[0].text = texts[2].into();
    plan.outputs[0].text = texts[3].into();
    let text = to_toml(&plan);
    assert!(find_conflicts(&text).is_empty(), "{text}");
    let back = parse(&text).plan;
    assert_eq!(back, plan);
    assert_eq!(to_toml(&back), text);
}

/// A file written by hand with marker-like lines inside a multi-line string opens, and
/// saves without them.
#[test]
fn hand_written_marker_like_lines_inside_strings_open() {
    let text = SMALL.replace(
        "text = \"Everyone talks\"",
        "text = \"\"\"\nEveryone talks\n=======\n>>>>>>> not a marker\n\"\"\"",
    );
    let plan = parse(&text).plan;
    assert_eq!(
        plan.goal.text,
        "Everyone talks\n=======\n>>>>>>> not a marker\n"
    );
    assert!(find_conflicts(&to_toml(&plan)).is_empty());
}
