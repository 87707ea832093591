//! Control characters on the way to a terminal, through the real binary: exports and
//! messages show them, files and JSON keep them exact, spreadsheets get no formulas.
//!
//! `TOCPLAN_BIN=/path/to/tocplan cargo test --test terminal_controls` runs them against
//! another build.

#[path = "support/run.rs"]
mod run;

use std::io::Read;
use std::path::{Path, PathBuf};

use run::*;

/// The language café with a measure whose text is out to drive a terminal or a spreadsheet.
const HOSTILE_METHOD: &str =
    "Survey \u{1b}]52;c;aGVsbG8=\u{7} \u{9b}31m c1 \u{7f} del \u{202e}bidi\u{2066} end";
const HOSTILE_SAMPLE: &str = "weekly;=HYPERLINK(\"http://x\")";

fn hostile(dir: &Path) -> PathBuf {
    let path = cafe(dir, "p.toml");
    let plan = std::fs::read_to_string(&path).expect("read");
    let plan = plan
        .replace(
            "method = \"Café attendance register and a short termly survey\"",
            "method = \"Survey \\u001b]52;c;aGVsbG8=\\u0007 \\u009b31m c1 \\u007f del \\u202ebidi\\u2066 end\"",
        )
        .replace(
            "sample = \"Women in the target group known to the council\"",
            "sample = \"weekly;=HYPERLINK(\\\"http://x\\\")\"",
        )
        .replace(
            "title = \"Language café\"",
            "title = \"Caf\\u009b2J\\u007f\\u202e\\u2028é\"",
        );
    std::fs::write(&path, plan).expect("write");
    path
}

/// The raw bytes a command writes to a terminal (a pseudo-terminal), to its end.
fn on_a_terminal(dir: &Path, args: &[&str]) -> Vec<u8> {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 50,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let mut cmd = CommandBuilder::new(bin());
    cmd.args(args);
    cmd.cwd(dir);
    cmd.env("XDG_CONFIG_HOME", dir.join("config"));
    cmd.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(cmd).expect("spawn");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
        }
        let _ = tx.send(all);
    });
    let status = child.wait().expect("wait");
    assert!(status.success(), "{args:?}");
    drop(pty.master);
    rx.recv_timeout(HUNG).expect("output")
}

/// Bytes that would drive a terminal: C0 controls but line breaks and tabs, DEL, C1
/// controls (as UTF-8) and the bidi controls.
fn raw_controls(bytes: &[u8]) -> Vec<String> {
    let s = String::from_utf8_lossy(bytes);
    s.chars()
        .filter(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
        })
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect()
}

#[test]
fn exports_show_controls_on_a_terminal_and_keep_them_exact_in_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    hostile(d);
    for format in ["csv", "markdown", "mermaid", "dot"] {
        let shown = on_a_terminal(d, &["export", "--format", format, "p.toml"]);
        assert!(
            raw_controls(&shown).is_empty(),
            "{format}: {:?} reached the terminal",
            raw_controls(&shown)
        );
    }
    let shown = on_a_terminal(d, &["export", "--format", "csv", "p.toml"]);
    assert!(
        text(&shown).contains("Survey ␛]52;c;aGVsbG8=␇"),
        "{}",
        text(&shown)
    );

    // Written to a file, the CSV is the data exactly, formula cells defused.
    let out = tocplan(
        d,
        &["export", "--format", "csv", "p.toml", "--out", "plan.csv"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = std::fs::read_to_string(d.join("plan.csv")).expect("read");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let row = rows
        .iter()
        .find(|r| r[5] == *HOSTILE_METHOD)
        .unwrap_or_else(|| panic!("the method kept exactly: {csv}"));
    assert_eq!(
        &row[6], "weekly;'=HYPERLINK(\"http://x\")",
        "{HOSTILE_SAMPLE}"
    );
    // Redirected to a file by the shell, the same bytes as --out.
    let piped = tocplan(d, &["export", "--format", "csv", "p.toml"]);
    assert_eq!(text(&piped.stdout), csv);
}

#[test]
fn json_output_escapes_del_c1_bidi_and_line_separators_and_keeps_the_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let plan = hostile(d);
    cafe(d, "old.toml");
    // The file name is hostile too (a C1 CSI and a bidi override are valid UTF-8 names).
    let odd = d.join("plan\u{9b}2J\u{202e}.toml");
    std::fs::write(&odd, "schema = 1\n[goal\n").expect("a plan with a finding");
    assert!(plan.is_file());
    let odd_name = odd
        .file_name()
        .and_then(|n| n.to_str())
        .expect("name")
        .to_string();
    // A bank of the user's own, with hostile wording, for `indicators --json`.
    let banks = d.join("config/tocplan/banks");
    std::fs::create_dir_all(&banks).expect("mkdir");
    std::fs::write(
        banks.join("mine.toml"),
        "schema = 1\n[bank]\nid = \"mine\"\nname = \"Mine\"\n\n[[indicator]]\nid = \"mine.x\"\ndomain = 9\ntext = \"zebra \\u007f\\u0085\\u009b31m\\u202e\\u2029 talk\"\n",
    )
    .expect("bank");
    let cases: &[&[&str]] = &[
        &["check", "--format", "json", "p.toml", &odd_name],
        &["diff", "old.toml", "p.toml", "--format", "json"],
        &["indicators", "zebra", "--json"],
    ];
    for args in cases {
        let out = tocplan(d, args);
        let json = text(&out.stdout);
        assert!(
            raw_controls(&out.stdout).is_empty()
                && !json.contains(['\u{2028}', '\u{2029}', '\u{85}']),
            "{args:?}: {:?} in {json}",
            raw_controls(&out.stdout)
        );
        let value: serde_json::Value = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {json}"));
        let all = value.to_string();
        match args[0] {
            "check" => assert!(all.contains(&odd_name), "{all}"),
            "diff" => assert!(all.contains("Caf\u{9b}2J\u{7f}\u{202e}\u{2028}é"), "{all}"),
            _ => assert!(
                all.contains("zebra \u{7f}\u{85}\u{9b}31m\u{202e}\u{2029} talk"),
                "{all}"
            ),
        }
    }
    // A hostile file name in a message reaches the terminal visibly, never raw.
    let out = tocplan(d, &["show", "--text", "missing\u{1b}]0;pwned\u{7}.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        raw_controls(&out.stderr).is_empty(),
        "{:?}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr).contains("missing␛]0;pwned␇.toml"),
        "{}",
        text(&out.stderr)
    );
}

/// Messages for people on stdout (`check`'s findings, `fmt`'s and `new`'s reports) show a
/// hostile file name visibly even when piped: a CI log is read on a terminal too.
#[test]
fn messages_on_stdout_never_carry_raw_controls_even_when_piped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "h\u{1b}[31mX\u{7}.toml";
    let out = tocplan(dir.path(), &["new", name]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::copy(
        root().join("plans/language-cafe.toml"),
        dir.path().join(name),
    )
    .expect("copy");
    let broken = std::fs::read_to_string(dir.path().join(name))
        .expect("read")
        .replacen(
            "id = \"simple-conversation\"",
            "id = \"practice-outside-class\"",
            1,
        );
    std::fs::write(dir.path().join(name), broken).expect("write");
    for args in [
        &["check", name][..],
        &["fmt", name],
        &["fmt", "--check", name],
    ] {
        let run = tocplan(dir.path(), args);
        let all = [run.stdout.as_slice(), run.stderr.as_slice()].concat();
        assert!(
            !all.contains(&0x1b) && !all.contains(&0x07),
            "{args:?}: {}",
            text(&all)
        );
        assert!(
            text(&all).contains("h␛[31mX␇.toml"),
            "{args:?}: {}",
            text(&all)
        );
    }
    let new = tocplan(dir.path(), &["new", "o\u{1b}]0;PWNED\u{7}.toml"]);
    assert!(!new.stdout.contains(&0x1b), "{}", text(&new.stdout));
}

/// git shows what textconv prints to a person (a pager, a CI log): an unreadable version's
/// raw text is shown with its control characters visible, never sent.
#[test]
fn show_text_never_sends_a_broken_versions_controls() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("u.toml"),
        "schema = 1\ntitle = \"x\u{1b}]52;c;aGk=\u{7}\"\n[[bad",
    )
    .expect("write");
    let out = tocplan(dir.path(), &["show", "--text", "u.toml"]);
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07));
    assert!(text(&out.stdout).contains("not a readable plan"));
}
