//! No panic from any input: random key sequences and messages through `update`, over the
//! example plans and a hostile one, rendered after every step at random sizes from 1x1 to
//! 300x100; and arbitrary bytes into every loader (plans, themes, keymaps, banks,
//! spreadsheets): an error, never a panic.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tocplan::framework::Framework;
use tocplan::git::GitError;
use tocplan::plan::{Plan, SaveError, load, parse_bytes};
use tocplan::tui::{App, Msg, render, update};

fn plans() -> Vec<Plan> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut out: Vec<Plan> = std::fs::read_dir(dir)
        .expect("plans")
        .map(|e| load(&e.expect("entry").path()).expect("example").plan)
        .collect();
    out.sort_by(|a, b| a.title.cmp(&b.title));
    let mut hostile = out[0].clone();
    let evil =
        "\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}\u{202e}عربي 你好世界 👩🏽‍🌾 e\u{301}\r\u{8}\u{9b}31m";
    hostile.title = evil.repeat(3);
    hostile.goal.text = evil.repeat(20);
    for o in &mut hostile.outcomes {
        o.text = format!("{evil} {}", o.text);
    }
    out.push(hostile);
    out.push(Plan::new("Empty"));
    out
}

fn key() -> impl Strategy<Value = KeyEvent> {
    let code = prop_oneof![
        8 => proptest::char::range(' ', '~').prop_map(KeyCode::Char),
        1 => proptest::char::any().prop_map(KeyCode::Char),
        2 => Just(KeyCode::Enter),
        2 => Just(KeyCode::Esc),
        1 => Just(KeyCode::Tab),
        1 => Just(KeyCode::BackTab),
        1 => Just(KeyCode::Backspace),
        1 => Just(KeyCode::Up),
        1 => Just(KeyCode::Down),
        1 => Just(KeyCode::Left),
        1 => Just(KeyCode::Right),
        1 => Just(KeyCode::PageUp),
        1 => Just(KeyCode::PageDown),
        1 => Just(KeyCode::Delete),
        1 => (1u8..13).prop_map(KeyCode::F),
    ];
    let mods = prop_oneof![
        6 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::ALT),
    ];
    (code, mods).prop_map(|(c, m)| KeyEvent::new(c, m))
}

/// Keys mostly; now and then a message from the loop, stale or out of turn.
fn msg() -> impl Strategy<Value = Msg> {
    prop_oneof![
        20 => key().prop_map(Msg::Key),
        1 => Just(Msg::Redraw),
        1 => (0u64..5).prop_map(|g| Msg::Ranked { generation: g, hits: Vec::new() }),
        1 => any::<Option<u64>>().prop_map(|h| Msg::DiskChanged { text: Some("schema = 1\ntitle = \"Outside\"\n".into()), hash: h }),
        1 => Just(Msg::DiskChanged { text: Some("<<<<<<< ours\n".into()), hash: Some(1) }),
        1 => Just(Msg::Head(Ok(None))),
        1 => Just(Msg::Head(Err(GitError::NoRepository("t.toml".into())))),
        1 => Just(Msg::Saved(Err(SaveError::Io {
            path: "t.toml".into(),
            doing: "while writing".into(),
            cause: std::io::ErrorKind::StorageFull.into(),
        }.into()))),
        1 => Just(Msg::SaveConflict { path: "t.toml".into(), then_quit: false, text: None, hash: Some(9) }),
    ]
}

fn draw(app: &App, w: u16, h: u16) {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| render(app, f)).expect("draw");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn any_sequence_of_keys_and_messages_at_any_size_never_panics(
        which in 0usize..8,
        size in 0usize..400,
        steps in proptest::collection::vec((msg(), 1u16..=300, 1u16..=100), 1..120),
    ) {
        let fw = Framework::builtin().expect("framework");
        let mut all = plans();
        // Generated plans of a random size, as well as the examples.
        all.push(tocplan::plan::synthetic::plan(size));
        let plan = all[which % all.len()].clone();
        let mut app = App::new(plan, "robust.toml".into(), fw);
        for (m, w, h) in steps {
            let _ = update(&mut app, m);
            draw(&app, w, h);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_a_loader(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let path = std::path::Path::new("fuzz.toml");
        let _ = parse_bytes(&bytes, path);
        let text = String::from_utf8_lossy(&bytes);
        let _ = tocplan::tui::Theme::parse(&text, "fuzz", None, tocplan::tui::ColorSupport::Ansi16);
        let _ = tocplan::tui::Keymap::default().apply_user(&text, "fuzz");
        let _ = tocplan::tui::headless::parse_script(&text);
        let mut fw = Framework::builtin().expect("framework");
        let _ = fw.load_bank_text(&text, path);
        let dir = tempfile::tempdir().expect("tempdir");
        for name in ["f.csv", "f.xlsx"] {
            let p = dir.path().join(name);
            std::fs::write(&p, &bytes).expect("write");
            if let Ok(sheets) = tocplan::framework::import::read(&p) {
                let opts = tocplan::framework::import::Options {
                    domain_column: None,
                    indicator_column: None,
                    sheet: None,
                    bank_id: "fuzz".into(),
                    bank_name: "Fuzz".into(),
                    official: false,
                };
                let _ = tocplan::framework::import::import(&sheets, &fw, &opts);
            }
        }
    }

    /// Plan-shaped input: mutations of a real plan's text, which reach deeper than noise.
    #[test]
    fn mutated_plans_never_panic_the_loader_or_the_app(
        which in 0usize..4,
        cuts in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
        let mut files: Vec<_> = std::fs::read_dir(dir).expect("plans").map(|e| e.expect("e").path()).collect();
        files.sort();
        let mut bytes = std::fs::read(&files[which % files.len()]).expect("read");
        for (at, b) in cuts {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        if let Ok(loaded) = parse_bytes(&bytes, std::path::Path::new("m.toml")) {
            let fw = Framework::builtin().expect("framework");
            let _ = tocplan::plan::check_text(&String::from_utf8_lossy(&bytes), std::path::Path::new("m.toml"), &fw);
            let app = App::new(loaded.plan, "m.toml".into(), fw);
            draw(&app, 80, 24);
        }
    }
}
