//! Long text on short lines: a one-word edit made in the app is a one-line change of the
//! file, both spellings of a long string read, and `fmt` stays canonical.

use std::path::Path;

use similar::{ChangeTag, TextDiff};

use crate::framework::Framework;
use crate::plan::{Field, find_conflicts, load, parse_str, save, to_toml};

/// 400 characters of a problem statement, as a planner writes one: one paragraph.
const PROBLEM: &str = "A small group of isolated migrant women with limited English find it hard \
to keep going to ESOL classes. The classes are short and formal, caring responsibilities make \
attendance patchy, and outside the family the women have few people to practise English with \
or places to start a conversation. Most live by the library but have never been inside it, \
and none knows the volunteers who run its clubs.";

/// (line added, line removed) between two files.
fn changed_lines(old: &str, new: &str) -> (usize, usize) {
    let diff = TextDiff::from_lines(old, new);
    let count = |tag| diff.iter_all_changes().filter(|c| c.tag() == tag).count();
    (count(ChangeTag::Insert), count(ChangeTag::Delete))
}

/// The example plan with `PROBLEM` set through the app's field setter, saved; then `edit`
/// made to it the same way and saved again: the file before and after.
fn saved_before_and_after(edit: impl Fn(&str) -> String) -> (String, String) {
    let fw = Framework::builtin().expect("framework");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut plan = load(&root.join("plans/language-cafe.toml"))
        .expect("example")
        .plan;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.toml");
    plan.set_field(&Field::Problem, PROBLEM, &fw).expect("set");
    save(&plan, &path).expect("save");
    let before = std::fs::read_to_string(&path).expect("read");
    plan.set_field(&Field::Problem, &edit(PROBLEM), &fw)
        .expect("set");
    save(&plan, &path).expect("save");
    let after = std::fs::read_to_string(&path).expect("read");
    assert_eq!(load(&path).expect("reload").plan, plan);
    (before, after)
}

#[test]
fn a_one_word_edit_to_a_400_character_text_changes_one_line_of_the_file() {
    assert_eq!(PROBLEM.chars().count(), 400);
    let edits: [(&str, &str); 6] = [
        ("small", "tiny"),
        ("patchy", "irregular"),
        ("formal", "formal"),
        ("library", "community centre"),
        ("volunteers", "staff"),
        ("conversation", "chat"),
    ];
    for (from, to) in edits {
        let (before, after) = saved_before_and_after(|t| t.replacen(from, to, 1));
        let want = if from == to { (0, 0) } else { (1, 1) };
        assert_eq!(
            changed_lines(&before, &after),
            want,
            "{from} -> {to}:\n{}",
            TextDiff::from_lines(&before, &after).unified_diff()
        );
        for line in after.lines() {
            assert!(line.chars().count() <= 100, "{line}");
        }
    }
}

/// Every word of every long text (the example plans' and `PROBLEM`) changed in turn in
/// five ways: made longer, cut to three letters, replaced, dropped, a word put before it.
/// How many edits change one line of the file; on `PROBLEM`, none changes more than two.
/// (Measured when the rule was chosen: 4977 of 5731, 87%; the rule before it, breaks
/// picked by a hash of each word within a width, 4939; greedy filling about half. Most of
/// the rest turn a conjunction or preposition into another word, or add or drop a word
/// where a count decides a break.)
#[test]
fn most_one_word_edits_change_one_line_and_none_more_than_two() {
    let mut texts = example_texts();
    texts.push(PROBLEM.to_string());
    let (mut one, mut all) = ([0; 5], [0; 5]);
    for text in &texts {
        let words: Vec<&str> = text.split(' ').collect();
        let old_file = format!("v = {}\n", super::encode_field("problem", text));
        for i in 0..words.len() {
            let core = words[i].trim_end_matches(['.', ',', ';', ':']);
            let tail = &words[i][core.len()..];
            for (kind, (one, all)) in one.iter_mut().zip(&mut all).enumerate() {
                let mut w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
                match kind {
                    0 => w[i] = format!("{core}ing{tail}"),
                    1 => w[i] = format!("{}{tail}", core.chars().take(3).collect::<String>()),
                    2 => w[i] = format!("community{tail}"),
                    3 if tail.is_empty() && i + 1 < words.len() => {
                        w.remove(i);
                    }
                    4 => w.insert(i, "very".into()),
                    _ => continue,
                }
                let new = w.join(" ");
                if new == *text {
                    continue;
                }
                let new_file = format!("v = {}\n", super::encode_field("problem", &new));
                let (added, removed) = changed_lines(&old_file, &new_file);
                if text == PROBLEM {
                    assert!(added.max(removed) <= 2, "{new_file}");
                }
                *one += usize::from(added.max(removed) == 1);
                *all += 1;
            }
        }
    }
    let (ones, alls) = (one.iter().sum::<usize>(), all.iter().sum::<usize>());
    eprintln!("one line: {one:?} of {all:?}: {ones} of {alls}");
    assert!(
        ones * 100 >= alls * 85,
        "{ones} of {alls} edits changed one line"
    );
}

/// The example plans' texts too wide for a line, on one line of their own.
fn example_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(root).expect("plans") {
        let file = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        long_texts(
            &file.parse::<toml::Table>().expect("toml").into(),
            &mut texts,
        );
    }
    texts.sort();
    texts
}

/// Every word of every long text of the example plans replaced in turn by a word of
/// another length (keeping its capital and the punctuation around it; conjunctions and
/// prepositions aside, which are where lines may start): the file changes in exactly one
/// line, every time the text is still too wide for one line, unless the edit takes a line
/// past the width at which a run of words is cut (or back). No other break may depend on
/// how wide a word is. (The rule before it, breaks picked by a hash of each word within a
/// width, held for 90% of such edits.)
#[test]
fn a_word_replaced_by_one_of_any_length_changes_exactly_one_line() {
    use super::lines::{CONJUNCTIONS, PREPOSITIONS, WIDE};
    let texts = example_texts();
    assert!(texts.len() >= 40, "{}", texts.len());
    let (mut edits, mut near_width) = (0, 0);
    for text in &texts {
        let words: Vec<&str> = text.split(' ').collect();
        let old_file = format!("v = {}\n", super::encode_field("problem", text));
        for i in 0..words.len() {
            let core = words[i].trim_matches(|c: char| !c.is_alphanumeric());
            let lower = core.to_lowercase();
            if core.is_empty() || CONJUNCTIONS.contains(&&*lower) || PREPOSITIONS.contains(&&*lower)
            {
                continue;
            }
            for new in ["x", "extraordinarily", "GP", "twenty-five"] {
                let new = match core.chars().next() {
                    Some(c) if c.is_uppercase() => new.to_uppercase(),
                    _ => new.to_lowercase(),
                };
                let mut w = words.clone();
                let replaced = words[i].replacen(core, &new, 1);
                w[i] = &replaced;
                let new_text = w.join(" ");
                // A text that comes to fit on a line is rightly written on one.
                if new_text == *text || new_text.chars().count() <= super::lines::MAX {
                    continue;
                }
                let new_file = format!("v = {}\n", super::encode_field("problem", &new_text));
                let changed = changed_lines(&old_file, &new_file);
                // Where a line comes within reach of the width at which a run of words is
                // cut (it grows past it, or it was cut and now fits), it is cut afresh.
                let near = |f: &str| f.lines().any(|l| l.chars().count() + 15 > WIDE);
                if changed != (1, 1) && (near(&old_file) || near(&new_file)) {
                    near_width += 1;
                    continue;
                }
                assert_eq!(
                    changed,
                    (1, 1),
                    "{core} -> {new}:\n{}",
                    TextDiff::from_lines(&old_file, &new_file).unified_diff()
                );
                edits += 1;
            }
        }
    }
    assert!(edits > 3000, "{edits}");
    // Measured when the rule was chosen: 59 of 3443.
    assert!(
        near_width * 50 < edits,
        "{near_width} of {edits} re-cut near the width"
    );
}

/// The texts of `v` too wide for a line, on one line of their own.
fn long_texts(v: &toml::Value, out: &mut Vec<String>) {
    match v {
        toml::Value::String(s) if s.chars().count() > super::lines::MAX && !s.contains('\n') => {
            out.push(s.clone())
        }
        toml::Value::Array(a) => a.iter().for_each(|v| long_texts(v, out)),
        toml::Value::Table(t) => t.values().for_each(|v| long_texts(v, out)),
        _ => {}
    }
}

/// The old spelling (long text on one line), the new one, and a hand-written variant of
/// it (spaces after the backslash, indented continuation lines) all read as the same
/// text, and `fmt` writes each the same canonical way, twice over.
#[test]
fn both_spellings_of_long_text_read_and_fmt_is_canonical_and_stable() {
    let plan = |problem: &str| {
        format!(
            "schema = 1\ntitle = \"t\"\n\n[context]\nproblem = {problem}\n\n[goal]\ntext = \"g\"\n"
        )
    };
    let one_line = plan(&format!("\"{PROBLEM}\""));
    let canonical = to_toml(&parse(&one_line));
    assert!(
        canonical.contains("problem = \"\"\"\nA small group"),
        "{canonical}"
    );
    let at = PROBLEM[100..].find(' ').expect("a space") + 101;
    let by_hand = plan(&format!(
        "\"\"\"\n{}\\   \n      {}\"\"\"",
        &PROBLEM[..at],
        &PROBLEM[at..]
    ));
    for text in [&one_line, &canonical, &by_hand] {
        let p = parse(text);
        assert_eq!(p.context.problem, PROBLEM);
        assert_eq!(to_toml(&p), canonical);
        assert_eq!(to_toml(&parse(&to_toml(&p))), canonical);
    }
}

/// Marker-like text at the start of a continuation line: the writer escapes it, a
/// hand-written one is the planner's text, and a real conflict around a wrapped text is
/// still refused.
#[test]
fn marker_like_continuation_lines_and_real_conflicts_around_them() {
    let text = format!("{}end. ======= the rest of the text", "word ".repeat(15));
    let mut p = parse("schema = 1\ntitle = \"t\"\n\n[goal]\ntext = \"g\"\n");
    p.goal.text = text.clone();
    let file = to_toml(&p);
    assert!(file.contains("\\\n\\u003D======"), "{file}");
    assert!(find_conflicts(&file).is_empty(), "{file}");
    assert_eq!(parse(&file).goal.text, text);

    let by_hand = file.replace("\\u003D======", "=======");
    assert!(find_conflicts(&by_hand).is_empty(), "{by_hand}");
    assert_eq!(parse(&by_hand).goal.text, text);

    let conflicted = by_hand.replace(
        "[goal]\n",
        "[goal]\n<<<<<<< ours\ntext = \"a\"\n=======\n>>>>>>> theirs\n",
    );
    assert!(!find_conflicts(&conflicted).is_empty(), "{conflicted}");
    assert!(parse_str(&conflicted, Path::new("t.toml")).is_err());
}

fn parse(text: &str) -> crate::plan::Plan {
    parse_str(text, Path::new("t.toml"))
        .unwrap_or_else(|e| panic!("{text}\n{e}"))
        .plan
}
