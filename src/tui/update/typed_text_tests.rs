//! Any text the editor accepts is kept as `Shape::kept` says and reads back exactly
//! after saving: typed key by key into every kind of text field (one-line and long,
//! lists, new items), kept, written with `to_toml` and parsed again. The strings hold
//! controls, CR and CRLF, TOML's quotes and backslashes, lines like git's conflict
//! markers, separators, emoji sequences and leading and trailing blanks.

use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::tests::ctrl;
use super::*;
use crate::framework::Framework;
use crate::plan::{Field, Plan, Shape, find_conflicts, parse_str, to_toml};
use crate::tui::app::*;

fn cafe() -> App {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml");
    let plan = crate::plan::load(&path).expect("load").plan;
    App::new(plan, path, Framework::builtin().expect("framework"))
}

/// Every field a planner types text into, in the example plan.
fn text_fields(p: &Plan) -> Vec<Field> {
    let (o, a) = (p.outcomes[0].id.clone(), p.activities[0].id.clone());
    let (s, m) = (p.stakeholders[0].id.clone(), p.measures[0].id.clone());
    let (asm, ev) = (p.assumptions[0].id.clone(), p.evidence[0].id.clone());
    vec![
        Field::Title,
        Field::Problem,
        Field::Place,
        Field::Rights,
        Field::GoalText,
        Field::ImpactEvidence,
        Field::Text(o),
        Field::Text(p.outputs[0].id.clone()),
        Field::Text(a.clone()),
        Field::Resources(a.clone()),
        Field::Barrier(a),
        Field::AssumptionText(asm),
        Field::EvidenceText(ev.clone()),
        Field::EvidenceSource(ev),
        Field::StakeholderName(s.clone()),
        Field::StakeholderRole(s.clone()),
        Field::StakeholderInvolvement(s),
        Field::MeasureMethod(m.clone()),
        Field::MeasureSample(m.clone()),
        Field::MeasureFrequency(m.clone()),
        Field::MeasureCollectedBy(m),
    ]
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<char>().prop_map(String::from),
        "[a-zA-Z ]{1,8}",
        proptest::sample::select(vec![
            "\r\n",
            "\r",
            "\n",
            "\"\"\"",
            "'''",
            "\\",
            "\\\"",
            "\"",
            "'",
            "#",
            "\n=======\n",
            "=======",
            "<<<<<<< HEAD",
            ">>>>>>> b",
            "|||||||",
            "\u{2028}",
            "\u{2029}",
            "\u{85}",
            "\t",
            "  ",
            "\u{a0}",
            "\u{feff}",
            "\u{0}",
            "\u{1b}[31m",
            "\u{7f}",
            "👨\u{200d}👩\u{200d}👧",
            "🇬🇧",
            "❤\u{fe0f}",
            "1\u{fe0f}\u{20e3}",
        ])
        .prop_map(String::from),
    ]
}

fn typed() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

/// Types `text` into the open editor, one key per character (a line break is Enter in
/// long text; in a one-line field it reaches the textarea as a character).
fn type_in(app: &mut App, text: &str) {
    let multiline = app.editor().is_some_and(|e| e.multiline);
    for c in text.chars() {
        let code = match c {
            '\n' if multiline => KeyCode::Enter,
            c => KeyCode::Char(c),
        };
        update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

/// Opens the editor on `target` and empties it, as a planner deleting what was there.
fn open_empty(app: &mut App, target: EditTarget) {
    app.open_editor(target);
    let ed = app.editor_mut().expect("editor open");
    ed.area.select_all();
    ed.area.cut();
}

/// The plan saved and read back: the same plan, and no conflict markers in the file.
fn saved_and_read(plan: &Plan) -> Plan {
    let text = to_toml(plan);
    assert!(find_conflicts(&text).is_empty(), "{text}");
    let back = parse_str(&text, std::path::Path::new("t.toml"))
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
        .plan;
    assert_eq!(to_toml(&back), text);
    back
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Typed into each field's editor and kept with Ctrl-s: the field holds what
    /// `Shape::kept` makes of the keys, and reads back the same after saving.
    #[test]
    fn text_typed_into_any_field_is_kept_and_reads_back(texts in proptest::collection::vec(typed(), 21)) {
        let mut app = cafe();
        let fields = text_fields(app.plan());
        for (f, t) in fields.iter().zip(&texts) {
            let before = app.plan().field(f);
            open_empty(&mut app, EditTarget::Field(f.clone()));
            type_in(&mut app, t);
            ctrl(&mut app, 's');
            // Each CR or LF key is a line break of its own.
            let kept = f.shape().kept(&t.replace('\r', "\n"));
            if app.editor().is_some() {
                // Refused (a required field left empty): nothing changed, nothing lost.
                prop_assert!(kept.is_empty(), "{f:?} refused {t:?}");
                prop_assert_eq!(app.plan().field(f), before);
                app.close(|l| matches!(l, Layer::Editor(_)));
            } else {
                prop_assert_eq!(app.plan().field(f), Some(kept), "{:?} typed {:?}", f, t);
            }
        }
        let back = saved_and_read(app.plan());
        for f in &fields {
            prop_assert_eq!(back.field(f), app.plan().field(f), "{:?}", f);
        }
        prop_assert_eq!(&back, app.plan());
    }

    /// New items, evidence and stakeholders keep their text as a field of their shape.
    #[test]
    fn text_typed_for_new_items_is_kept_as_fields_are(outcome in typed(), evidence in typed(), name in typed()) {
        let mut app = cafe();
        let assumption = app.plan().assumptions[0].id.clone();
        let cases = [
            (EditTarget::NewOutcome, outcome, Shape::Line),
            (EditTarget::NewEvidence { assumption }, evidence, Shape::Prose),
            (EditTarget::NewStakeholder, name, Shape::Line),
        ];
        for (target, t, shape) in cases {
            let (o, e, s) = (app.plan().outcomes.len(), app.plan().evidence.len(), app.plan().stakeholders.len());
            open_empty(&mut app, target.clone());
            type_in(&mut app, &t);
            ctrl(&mut app, 's');
            let kept = shape.kept(&t.replace('\r', "\n"));
            let got = match target {
                EditTarget::NewOutcome => (app.plan().outcomes.len() > o).then(|| app.plan().outcomes[o].text.clone()),
                EditTarget::NewEvidence { .. } => (app.plan().evidence.len() > e).then(|| app.plan().evidence[e].text.clone()),
                _ => (app.plan().stakeholders.len() > s).then(|| app.plan().stakeholders[s].name.clone()),
            };
            prop_assert_eq!(got, (!kept.is_empty()).then_some(kept), "{:?}", t);
            app.close(|l| matches!(l, Layer::Editor(_)));
            app.close(|l| matches!(l, Layer::Choice(_)));
            app.close(|l| matches!(l, Layer::Overlay { .. }));
        }
        prop_assert_eq!(&saved_and_read(app.plan()), app.plan());
    }

    /// `set_field` itself, for any string at all: what it keeps reads back exactly.
    #[test]
    fn any_string_set_into_any_field_reads_back(texts in proptest::collection::vec(".*", 21)) {
        let mut plan = cafe().plan().clone();
        let fw = Framework::builtin().expect("framework");
        let fields = text_fields(&plan);
        for (f, t) in fields.iter().zip(&texts) {
            if plan.set_field(f, t, &fw).is_ok() {
                prop_assert_eq!(plan.field(f), Some(f.shape().kept(t)));
            }
        }
        prop_assert_eq!(saved_and_read(&plan), plan);
    }
}

/// Up, Down and the page keys move by the rows drawn, keeping the column.
#[test]
fn up_down_and_pages_move_by_drawn_rows() {
    let mut app = cafe();
    open_empty(&mut app, EditTarget::Field(Field::Problem));
    // Lines shorter than a row, so each line is one row.
    let long: Vec<String> = (0..60)
        .map(|i| format!("line {i} of the problem"))
        .collect();
    type_in(&mut app, &long.join("\n"));
    // Drawn once at 80x24, so the view knows its rows.
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("t");
    t.draw(|f| crate::tui::render(&app, f)).expect("draw");
    let at = |app: &App| {
        let c = app.editor().expect("editor").area.cursor();
        (c.0, c.1)
    };
    let end = at(&app);
    let key = |app: &mut App, code| update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    key(&mut app, KeyCode::Up);
    assert_eq!(at(&app).0, end.0 - 1, "one row up is the line above");
    key(&mut app, KeyCode::Down);
    assert_eq!(at(&app), end);
    key(&mut app, KeyCode::PageUp);
    let rows = app.editor().expect("editor").view.get().height;
    assert!(rows > 1);
    assert_eq!(at(&app).0, end.0 - (rows - 1));
    key(&mut app, KeyCode::PageDown);
    assert_eq!(at(&app).0, end.0);
}
