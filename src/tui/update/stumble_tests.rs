//! What a planner stumbled on at 80x24 (issue 17, part 3), each as it was seen.

use crate::tui::undo::Edit;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::tests::{cafe, ctrl, focus, keys, screen};
use super::{Msg, update};
use crate::tui::app::Layer;

fn press(a: &mut crate::tui::App, code: KeyCode) {
    update(a, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn editor_text(a: &crate::tui::App) -> String {
    a.editor().expect("an editor").area.lines().join("\n")
}

fn help_at(a: &crate::tui::App) -> usize {
    match a.top() {
        Some(Layer::Overlay { cursor, .. }) => cursor.at(),
        _ => panic!("help is not on top"),
    }
}

#[test]
fn ctrl_u_clears_the_line_in_the_editor_and_on_the_command_line() {
    let mut a = cafe();
    keys(&mut a, "e");
    assert!(!editor_text(&a).is_empty());
    ctrl(&mut a, 'u');
    assert_eq!(
        editor_text(&a),
        "",
        "Ctrl-u clears what is before the cursor"
    );
    // Ctrl-z undoes typing, so the cleared text comes back.
    ctrl(&mut a, 'z');
    assert_eq!(editor_text(&a), a.plan().goal.text);
    keys(&mut a, "\u{1b}:wq");
    ctrl(&mut a, 'u');
    assert_eq!(a.prompt().map(|p| p.1), Some(""));
}

#[test]
fn a_links_assumption_is_framed_for_the_link() {
    let mut a = cafe();
    keys(&mut a, "hh\n");
    let Some(crate::tui::Overlay::Form(form)) = a.overlay().cloned() else {
        panic!("no form");
    };
    let rows = crate::tui::form::rows(a.plan(), a.fw(), &form);
    let link = rows
        .iter()
        .position(|r| r.link.is_some())
        .expect("a link row");
    a.cursor_mut().expect("cursor").set(link, rows.len());
    keys(&mut a, "A");
    let text = editor_text(&a);
    assert!(!text.contains("barrier to integration"), "{text}");
    assert!(
        text.contains("output leads to this intermediate outcome because"),
        "{text}"
    );
    // Kept untouched, it is no assumption.
    ctrl(&mut a, 's');
    assert_eq!(
        a.plan().assumptions.len(),
        cafe().plan().assumptions.len(),
        "the framing alone adds nothing"
    );
}

#[test]
fn an_items_assumption_keeps_the_guides_framing() {
    let mut a = cafe();
    keys(&mut a, "h\n");
    focus(&mut a, "Text");
    keys(&mut a, "A");
    assert!(editor_text(&a).starts_with("The barrier to integration in this case is"));
}

#[test]
fn help_lists_the_editors_keys_and_what_clears_a_line() {
    let mut a = cafe();
    a.viewport = (120, 200);
    keys(&mut a, "?");
    let s = screen(&a);
    assert!(s.contains("Typing in the editor"), "{s}");
    assert!(s.contains("clear the line before the cursor"), "{s}");
    assert!(s.contains("delete to the end of the line"), "{s}");
}

#[test]
fn help_has_the_guides_concepts() {
    let mut a = cafe();
    a.viewport = (120, 200);
    keys(&mut a, "?");
    let s = screen(&a);
    assert!(s.contains("Concepts, in the guide's words"), "{s}");
    for c in &a.fw().worksheet.concepts {
        assert!(s.contains(&c.name), "{}", c.name);
    }
    for word in [
        "Goal",
        "Outcome",
        "Output",
        "Activity",
        "Assumption",
        "Evidence",
        "Measure",
    ] {
        assert!(
            a.fw().worksheet.concepts.iter().any(|c| c.name == word),
            "{word} is a concept"
        );
    }
}

#[test]
fn help_scrolls_by_a_screenful_with_page_down_and_to_its_ends() {
    let mut a = cafe();
    keys(&mut a, "?");
    assert_eq!(help_at(&a), 0);
    press(&mut a, KeyCode::PageDown);
    let page = help_at(&a);
    assert!(page >= 15, "a screenful at 80x24, not one line: {page}");
    press(&mut a, KeyCode::PageUp);
    assert_eq!(help_at(&a), 0);
    press(&mut a, KeyCode::End);
    let end = help_at(&a);
    assert!(end > page, "{end}");
    press(&mut a, KeyCode::Home);
    assert_eq!(help_at(&a), 0);
    press(&mut a, KeyCode::Char(' '));
    assert_eq!(help_at(&a), page, "Space pages too");
}

#[test]
fn the_headers_review_count_shows_whatever_the_title_and_place() {
    for width in [80, 120, 60, 40] {
        let mut a = cafe();
        a.viewport = (width, 24);
        keys(&mut a, "C");
        let long = "Northside women's English conversation café and friendship network, phase two";
        a.change(Edit::Field, |p| {
            p.title = long.into();
            p.context.place =
                "Northside ward, Anytown, including the estates north of the ring road".into();
        });
        keys(&mut a, "\u{1b}");
        let s = screen(&a);
        let header = s.lines().next().unwrap_or_default();
        assert!(header.contains("(R)"), "{width}: {header}");
        assert!(header.starts_with("[+] Northside"), "{width}: {header}");
        assert!(
            header.contains('…'),
            "{width}: the title is shortened, {header}"
        );
    }
}

#[test]
fn undo_and_redo_say_what_they_undid() {
    let mut a = cafe();
    keys(&mut a, "hhh\n");
    focus(&mut a, "Resources");
    keys(&mut a, "e");
    ctrl(&mut a, 'u');
    keys(&mut a, "Crayons");
    ctrl(&mut a, 's');
    keys(&mut a, "u");
    let s = super::tests::status(&a);
    assert!(
        s.starts_with("Undone: resources of activity 'Open and run"),
        "{s}"
    );
    ctrl(&mut a, 'r');
    let s = super::tests::status(&a);
    assert!(
        s.starts_with("Redone: resources of activity 'Open and run"),
        "{s}"
    );
    // An item added and undone is named by its words.
    keys(&mut a, "\u{1b}");
    keys(&mut a, "aRun a homework club\n");
    keys(&mut a, "u");
    let s = super::tests::status(&a);
    assert!(s.contains("added activity 'Run a homework club'"), "{s}");
}

#[test]
fn an_items_id_is_renamed_in_the_app_with_every_reference_and_undone() {
    let mut a = cafe();
    keys(&mut a, "hh");
    let old = a.selected().expect("an output");
    let refs = |a: &crate::tui::App, id: &str| {
        crate::plan::to_toml(a.plan())
            .matches(&format!("\"{id}\""))
            .count()
    };
    let before = refs(&a, &old);
    keys(&mut a, ":id sessions-renamed\n");
    let s = super::tests::status(&a);
    assert!(
        s.starts_with(&format!("Renamed `{old}` to `sessions-renamed`")),
        "{s}"
    );
    assert_eq!(refs(&a, &old), 0);
    assert_eq!(refs(&a, "sessions-renamed"), before);
    keys(&mut a, "u");
    assert_eq!(
        refs(&a, &old),
        before,
        "undo brings the old id back everywhere"
    );
    assert!(
        super::tests::status(&a).contains("renamed"),
        "{}",
        super::tests::status(&a)
    );
}

#[test]
fn a_rename_in_a_form_names_the_row_and_refuses_bad_ids_clearly() {
    let mut a = cafe();
    keys(&mut a, "h\n");
    let outcome = a.plan().outcomes[0].id.clone();
    // On the outcome's text: the outcome; the form follows it.
    focus(&mut a, "Text");
    keys(&mut a, ":id talk-regularly\n");
    assert_eq!(a.plan().outcomes[0].id, "talk-regularly");
    assert_eq!(
        a.overlay(),
        Some(&crate::tui::Overlay::Form(crate::tui::Form::Item(
            "talk-regularly".into()
        )))
    );
    assert!(a.plan().kind_of(&outcome).is_none());
    // On a measure's field: the measure.
    let measure = a
        .plan()
        .measures
        .iter()
        .find(|m| m.outcome == "talk-regularly")
        .expect("m")
        .id
        .clone();
    focus(&mut a, "Baseline");
    keys(&mut a, ":id attendance\n");
    assert!(
        a.plan().measure("attendance").is_some(),
        "{}",
        super::tests::status(&a)
    );
    assert!(a.plan().measure(&measure).is_none());
    assert!(a.plan().readings.iter().all(|r| r.measure != measure));
    // Bad ids change nothing and say why.
    let plan = a.plan().clone();
    let other = a.plan().outputs[0].id.clone();
    for (new, says) in [
        (other.as_str(), "already the id of the output"),
        ("two words", "try `two-words`"),
        ("goal", "the goal's id"),
    ] {
        keys(&mut a, &format!(":id {new}\n"));
        let s = super::tests::status(&a);
        assert!(
            s.starts_with("Not renamed") && s.contains(says),
            "{new}: {s}"
        );
        assert_eq!(a.plan(), &plan);
    }
}

#[test]
fn at_60x20_words_break_only_when_longer_than_the_column() {
    for pane in 0..4 {
        let mut a = cafe();
        a.viewport = (60, 20);
        for _ in 0..pane {
            keys(&mut a, "h");
        }
        let s = screen(&a);
        let p = a.plan();
        let mut texts: Vec<String> = vec![p.goal.text.clone()];
        texts.extend(p.outcomes.iter().map(|o| o.text.clone()));
        texts.extend(p.outputs.iter().map(|o| o.text.clone()));
        texts.extend(p.activities.iter().map(|o| o.text.clone()));
        let words: std::collections::HashSet<&str> = texts
            .iter()
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '\''))
            .collect();
        // The rows inside the panes: every piece of text there is a whole word of the plan
        // (a word longer than a pane's column may be cut; none in the café is).
        let rows: Vec<&str> = s.lines().skip(2).take(16).collect();
        for row in rows {
            for piece in row.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                if piece.is_empty() || piece.chars().all(|c| !c.is_alphanumeric()) {
                    continue;
                }
                assert!(
                    words.contains(piece),
                    "`{piece}` is a word cut in two:\n{s}"
                );
            }
        }
    }
}

#[test]
fn search_finds_every_field_and_says_which_matched() {
    let mut a = cafe();
    // The café's barrier and an assumption speak of caring; no item's text does.
    let word = "caring";
    let texts: Vec<String> = a
        .pane_rows(crate::tui::app::ACTIVITIES)
        .map(|r| r.1.to_string())
        .collect();
    assert!(texts.iter().all(|t| !t.contains(word)));
    keys(&mut a, &format!("/{word}\n"));
    let s = super::tests::status(&a);
    assert!(s.starts_with("Match 1 of "), "{s}");
    // The match is shown on its field, in the item's form.
    assert!(screen(&a).contains("caring"), "{}", screen(&a));
    let mut seen = vec![s];
    for _ in 0..4 {
        keys(&mut a, "n");
        seen.push(super::tests::status(&a));
    }
    assert!(
        seen.iter().any(|m| m.contains(": barrier of activity '")),
        "{seen:?}"
    );
    assert!(
        seen.iter().any(|m| m.contains(": assumption '")),
        "{seen:?}"
    );
    // A stakeholder's field, and the context.
    keys(&mut a, "\u{1b}/interpreter\n");
    let mut seen = vec![super::tests::status(&a)];
    for _ in 0..4 {
        keys(&mut a, "n");
        seen.push(super::tests::status(&a));
    }
    assert!(
        seen.iter().any(|m| m.contains("of stakeholder '")),
        "{seen:?}"
    );
    keys(&mut a, "\u{1b}/anytown\n");
    // The context's fields come last: N from the first match goes round to them.
    keys(&mut a, "N");
    assert!(
        super::tests::status(&a).contains("of the plan's context"),
        "{}",
        super::tests::status(&a)
    );
    keys(&mut a, "\u{1b}/zzzz-nothing\n");
    assert!(super::tests::status(&a).starts_with("Nothing in the plan matches"));
}

#[test]
fn panes_forms_and_overlays_mark_what_is_out_of_sight() {
    let mut a = cafe();
    // Ten more outputs: the outputs pane cannot show them all at 80x24.
    let outcome = a.plan().outcomes[0].id.clone();
    a.change(Edit::Add(crate::plan::Kind::Output), |p| {
        for i in 0..10 {
            p.add_output(
                &outcome,
                &format!("Weekly session number {i} at the library"),
            )
            .expect("output");
        }
    });
    keys(&mut a, "hh");
    let top = |a: &crate::tui::App| screen(a).lines().nth(1).unwrap_or_default().to_string();
    let bottom = |a: &crate::tui::App| screen(a).lines().nth(22).unwrap_or_default().to_string();
    keys(&mut a, "g");
    assert!(bottom(&a).contains("↓ "), "{}", screen(&a));
    assert!(!top(&a).contains("↑ "), "{}", screen(&a));
    keys(&mut a, "G");
    assert!(top(&a).contains("↑ "), "{}", screen(&a));
    // The outputs pane's own border (the activities pane beside it has a fourth item out
    // of sight, and says so).
    let outputs = |l: String| l.chars().skip(20).take(20).collect::<String>();
    assert!(!outputs(bottom(&a)).contains("↓ "), "{}", screen(&a));
    // A form taller than the screen: an outcome with its measures.
    keys(&mut a, "lg\n");
    assert!(bottom(&a).contains("↓ "), "{}", screen(&a));
    keys(&mut a, "G");
    assert!(top(&a).contains("↑ "), "{}", screen(&a));
    // Help.
    keys(&mut a, "\u{1b}?");
    assert!(bottom(&a).contains("↓ "), "{}", screen(&a));
    press(&mut a, KeyCode::End);
    assert!(top(&a).contains("↑ "), "{}", screen(&a));
}

#[test]
fn the_review_names_items_by_their_words_and_indents_wrapped_lines() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let plan = crate::plan::load(&root.join("plans/college-attainment.toml"))
        .expect("example")
        .plan;
    let mut a = crate::tui::App::new(
        plan,
        "club.toml".into(),
        crate::framework::Framework::builtin().expect("framework"),
    );
    keys(&mut a, "R");
    let s = screen(&a);
    // The ids the findings name are not shown; the items' words are.
    let ids: Vec<String> = a.plan().outputs.iter().map(|o| o.id.clone()).collect();
    for id in &ids {
        assert!(!s.contains(&format!("`{id}`")), "{id}:\n{s}");
    }
    let first = crate::tui::update::ordered_findings(a.findings())[0]
        .message
        .clone();
    assert!(first.contains('`'), "check's message keeps ids: {first}");
    let words = a.plan().outputs[0]
        .text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(s.contains(&format!("utput '{words}")), "{s}");
    // A wrapped line sits under the text, past the mark.
    let lines: Vec<&str> = s.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("· Why will"))
        .expect("a finding");
    let chars = |l: &str| l.chars().collect::<Vec<char>>();
    let row = chars(lines[at]);
    let col = (0..row.len()).find(|&i| row[i..].starts_with(&['W', 'h', 'y']));
    let next = chars(lines[at + 1])
        .iter()
        .position(|c| c.is_alphanumeric());
    assert_eq!(next, col, "{s}");
}

#[test]
fn prompts_fit_or_wrap_at_80_columns() {
    // The key domains' format, in full.
    let mut a = cafe();
    keys(&mut a, "C");
    focus(&mut a, "Key domains");
    keys(&mut a, "e");
    let s = screen(&a);
    assert!(s.contains("social bridges, work)"), "{s}");
    // The reading's note is said to be optional, and the whole title is there.
    let mut a = cafe();
    keys(&mut a, "E");
    keys(&mut a, "r");
    let s = screen(&a);
    assert!(a.editor().is_some(), "{s}");
    let title = a.editor().map(|e| e.title.clone()).unwrap_or_default();
    let last = title
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(s.contains(&last), "`{last}` of the title is cut:\n{s}");
    // A long warning on the status line wraps instead of being cut.
    let mut a = cafe();
    let long = "Theme `nonesuch` is neither a built-in theme (dark, light, high-contrast, mono) nor a file; using the default · keymap.toml:3: unknown action `jump` for `x` in [normal]; actions are listed in help";
    a.say(crate::tui::Tone::Warn, long);
    let s = screen(&a);
    assert!(s.contains("listed in help"), "{s}");
}

#[test]
fn a_chooser_longer_than_the_screen_marks_what_is_out_of_sight() {
    // No chooser of the plan's own is this long since responsibility became a list, so the
    // layer is given one: what is measured is how any chooser draws what is out of sight.
    let mut a = cafe();
    let options = (0..30)
        .map(|i| (format!("v{i}"), format!("Neighbour {i}")))
        .collect();
    a.push(Layer::Choice(crate::tui::app::Choice {
        field: crate::plan::Field::StakeholderGroup("volunteers".into()),
        title: "Choose one of thirty".into(),
        options,
        selected: 0,
    }));
    let title = a.choice().map(|c| c.title.clone()).expect("a chooser");
    // The chooser's own borders: its title above, its keys below.
    let edge = |a: &crate::tui::App, top: bool| {
        let s = screen(a);
        let line = if top {
            s.lines().find(|l| l.contains(title.as_str()))
        } else {
            s.lines().find(|l| l.contains("choose"))
        };
        line.unwrap_or_default().to_string()
    };
    assert!(edge(&a, false).contains("↓ "), "{}", screen(&a));
    for _ in 0..40 {
        keys(&mut a, "j");
    }
    assert!(edge(&a, true).contains("↑ "), "{}", screen(&a));
}

#[test]
fn an_item_the_pane_cannot_show_whole_counts_as_out_of_sight() {
    // The café's focused outcomes pane above the guide panel at 80x24: the first outcome
    // leaves too few rows for the second, which the list then does not draw at all. Every
    // item is either drawn (its bullet) or counted by a mark.
    let mut a = cafe();
    keys(&mut a, "hi");
    let s = screen(&a);
    let rows: Vec<&str> = s.lines().collect();
    // The outcomes pane: the third of four columns of 20.
    let column = |line: &str| line.chars().skip(40).take(20).collect::<String>();
    let bullets = rows.iter().filter(|l| column(l).contains('•')).count();
    let marked: usize = rows
        .iter()
        .map(|l| column(l))
        .filter_map(|c| {
            let at = c.find(['↓', '↑'])?;
            c[at..]
                .chars()
                .skip(2)
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse::<usize>()
                .ok()
        })
        .sum();
    assert_eq!(bullets + marked, a.plan().outcomes.len(), "{s}");
}
