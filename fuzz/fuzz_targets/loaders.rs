//! Arbitrary bytes into every loader that reads a file a planner did not write:
//! plans, themes, keymaps, indicator banks and spreadsheets for `bank import`.
//! Each must answer with an error, never a panic.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tocplan::framework::Framework;
use tocplan::framework::import;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.toml");
    if let Ok(loaded) = tocplan::plan::parse_bytes(bytes, path) {
        // A plan that loads must also save and load again.
        let text = tocplan::plan::to_toml(&loaded.plan);
        let _ = tocplan::plan::parse_bytes(text.as_bytes(), path);
    }
    let text = String::from_utf8_lossy(bytes);
    let _ = tocplan::tui::Theme::parse(&text, "fuzz", None, tocplan::tui::ColorSupport::Ansi16);
    let _ = tocplan::tui::Keymap::default().apply_user(&text, "fuzz");
    let _ = tocplan::tui::headless::parse_script(&text);
    // Read the built-in framework once: parsing it on every input would be most of the
    // time spent.
    static BUILTIN: OnceLock<Option<Framework>> = OnceLock::new();
    let Some(mut fw) = BUILTIN.get_or_init(|| Framework::builtin().ok()).clone() else {
        return;
    };
    let _ = fw.load_bank_text(&text, path);
    let opts = import::Options {
        domain_column: None,
        indicator_column: None,
        sheet: None,
        bank_id: "fuzz".into(),
        bank_name: "Fuzz".into(),
        official: false,
    };
    for ext in ["csv", "xlsx"] {
        if let Ok(sheets) = import::read_bytes(bytes, ext, "fuzz") {
            let _ = import::import(&sheets, &fw, &opts);
        }
    }
});
