//! Arbitrary text typed into the app's editor, key by key, on one of the example plan's
//! text fields (one-line and long ones, lists), then kept: the plan must save and read
//! back exactly, with no conflict markers in the file, and every frame must draw.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tocplan::framework::Framework;
use tocplan::plan::{Plan, find_conflicts, parse_str, to_toml};
use tocplan::tui::{App, Msg, render, update};

/// Keys that open the editor on a field of the example plan (it opens on the goal).
const ROUTES: [&str; 12] = [
    "C\n",           // the title
    "Cj\n",          // the problem (long text)
    "Cjj\n",         // the place
    "Cjjjjjj\n",     // rights and responsibilities (long text)
    "\n\n",          // the goal's text
    "\nj\n",         // evidence of long-term impact (long text)
    "he",            // an outcome's text
    "hhe",           // an output's text
    "hhh\nj\n",      // an activity's resources (a list)
    "hhh\njj\n",     // an activity's barrier
    "S\n",           // a stakeholder's name
    "S\njj\n",       // how they take part
];

fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    update(app, Msg::Key(KeyEvent::new(code, modifiers)));
}

fn draw(app: &App, w: u16, h: u16) {
    // The test backend cannot fail.
    let Ok(mut t) = Terminal::new(TestBackend::new(w, h));
    let _ = t.draw(|f| render(app, f));
}

fuzz_target!(|bytes: &[u8]| {
    static START: OnceLock<Option<(Plan, Framework)>> = OnceLock::new();
    let Some((plan, fw)) = START
        .get_or_init(|| {
            let text = include_str!("../../plans/language-cafe.toml");
            let plan = parse_str(text, Path::new("cafe.toml")).ok()?.plan;
            Some((plan, Framework::builtin().ok()?))
        })
        .clone()
    else {
        return;
    };
    let Some((&route, typed)) = bytes.split_first() else {
        return;
    };
    let mut app = App::new(plan, "cafe.toml".into(), fw);
    for c in ROUTES[usize::from(route) % ROUTES.len()].chars() {
        let code = if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) };
        key(&mut app, code, KeyModifiers::NONE);
    }
    if app.editor.is_none() {
        return;
    }
    // Low control characters stand for the keys that move and delete; the rest is typed.
    for c in String::from_utf8_lossy(typed).chars() {
        let code = match c {
            '\u{1}' => KeyCode::Left,
            '\u{2}' => KeyCode::Right,
            '\u{3}' => KeyCode::Up,
            '\u{4}' => KeyCode::Down,
            '\u{5}' => KeyCode::Backspace,
            '\u{6}' => KeyCode::Delete,
            '\u{7}' => KeyCode::Home,
            '\u{8}' => KeyCode::End,
            '\n' => KeyCode::Enter,
            c => KeyCode::Char(c),
        };
        key(&mut app, code, KeyModifiers::NONE);
        if app.editor.is_none() {
            break;
        }
    }
    draw(&app, 80, 24);
    draw(&app, 40, 12);
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    draw(&app, 80, 24);
    // What was kept saves and reads back exactly, and the file has no conflict markers.
    let text = to_toml(&app.plan);
    assert!(find_conflicts(&text).is_empty(), "{text}");
    let back = match parse_str(&text, Path::new("cafe.toml")) {
        Ok(l) => l.plan,
        Err(e) => panic!("{e}\n{text}"),
    };
    assert!(back == app.plan, "read back differs\n{text}");
    assert_eq!(to_toml(&back), text);
});
