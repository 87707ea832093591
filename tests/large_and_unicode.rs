//! A plan of 10,000 items opens, scrolls, searches, edits and saves; text in any script
//! (CJK, emoji, combining marks, right-to-left) lays out in whole cells in every pane.

#[path = "support/keys.rs"]
mod keys;

use keys::keys;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tocplan::framework::Framework;
use tocplan::plan::{load, parse_str, synthetic, to_toml, validate};
use tocplan::tui::{App, Effect, Msg, render, update};

struct Row {
    text: String,
    /// Display width, walking cells as a terminal does: a wide symbol covers the next cell.
    width: usize,
}

fn screen(app: &App, w: u16, h: u16) -> Vec<Row> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| render(app, f)).expect("draw");
    let buf = t.backend().buffer().clone();
    (0..h)
        .map(|y| {
            let (mut text, mut width, mut x) = (String::new(), 0, 0);
            while x < w {
                let sym = buf.cell((x, y)).map_or(" ", |c| c.symbol()).to_string();
                let cells = unicode_width::UnicodeWidthStr::width(sym.as_str()).max(1);
                text.push_str(&sym);
                width += cells;
                x += u16::try_from(cells).unwrap_or(1);
            }
            Row { text, width }
        })
        .collect()
}

#[test]
fn ten_thousand_items_open_scroll_search_edit_and_save() {
    let fw = Framework::builtin().expect("framework");
    let plan = synthetic::plan(10_000);
    let n = plan.outcomes.len() + plan.outputs.len() + plan.activities.len();
    assert_eq!(n, 10_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.toml");
    std::fs::write(&path, to_toml(&plan)).expect("write");
    let loaded = load(&path).expect("a big plan loads");
    assert!(validate(&loaded.plan, &fw, &loaded.source).is_empty());
    let mut app = App::new(loaded.plan, path.clone(), fw);
    screen(&app, 80, 24);
    keys(&mut app, "hhhG"); // the last activity
    assert_eq!(app.selected().as_deref(), Some("activity-3999"));
    let last: String = screen(&app, 80, 24).into_iter().map(|r| r.text).collect();
    assert!(
        last.contains("Item 4001"),
        "the end of a long pane scrolls into view"
    );
    keys(&mut app, "gjjjk");
    assert_eq!(app.selected().as_deref(), Some("activity-2"));
    keys(&mut app, "/item 1999:\n");
    assert!(
        app.selected()
            .is_some_and(|s| s.ends_with("-1999") || s.ends_with("-1997"))
    );
    keys(&mut app, "e edited\n");
    let effects = update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
    );
    let [Effect::Save { text, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let saved = parse_str(text, &path).expect("saved text reads back").plan;
    assert_eq!(
        saved.outcomes.len() + saved.outputs.len() + saved.activities.len(),
        10_000
    );
    assert!(text.contains(" edited\""));
}

#[test]
fn every_script_lays_out_in_whole_cells_in_every_pane() {
    let fw = Framework::builtin().expect("framework");
    let mut plan =
        load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml"))
            .expect("example")
            .plan;
    plan.title = "多言語カフェ 👩🏽‍🌾 Café".into();
    plan.goal.text =
        "女性たちは毎日英語を使う自信と機会を持っている 你好世界 한국어 텍스트".repeat(3);
    plan.outcomes[0].text = "مشاركون يتحدثون بانتظام مع متحدثين محليين باللغة الإنجليزية".into();
    plan.outputs[0].text = "e\u{301}le\u{300}ve 👨‍👩‍👧‍👦 family sessions 🎉🎉🎉 with emoji".into();
    plan.activities[0].text = "x".repeat(3000);
    let app = App::new(plan, "u.toml".into(), fw);
    for (w, h) in [(80, 24), (120, 40), (40, 12), (23, 8)] {
        let rows = screen(&app, w, h);
        for (y, row) in rows.iter().enumerate() {
            // Each row fills exactly the width, a wide character taking its two cells.
            assert_eq!(row.width, usize::from(w), "{w}x{h} row {y}: {}", row.text);
        }
        let all: String = rows.iter().map(|r| r.text.as_str()).collect();
        assert!(
            all.contains('…') || w < 60,
            "{w}x{h}: a long item is cut with a mark"
        );
    }
}
