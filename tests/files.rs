//! Files as they really are, through the real binary: symbolic links, modes and owners,
//! FIFOs, huge and hostile files, temporary files left by a kill, control characters on
//! the way to a terminal, and messages that say their cause once.
//!
//! `TOCPLAN_BIN=/path/to/tocplan cargo test --test files` runs them against another build
//! (to see a test fail on the code before its fix).

use std::io::Read;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// A guard against a hung command (a FIFO read forever), not a measure of speed.
const HUNG: Duration = Duration::from_secs(30);

fn bin() -> String {
    std::env::var("TOCPLAN_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_tocplan").to_string())
}

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(bin());
    c.args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Runs to the end, or fails the test (killing the command) if it hangs.
fn finish(mut c: Command, what: &str) -> Output {
    let child = c.spawn().expect("spawn");
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(HUNG) {
        Ok(out) => out.expect("output"),
        Err(_) => {
            if let Some(p) = rustix::process::Pid::from_raw(pid as i32) {
                let _ = rustix::process::kill_process(p, rustix::process::Signal::KILL);
            }
            panic!("`tocplan {what}` hung");
        }
    }
}

fn tocplan(dir: &Path, args: &[&str]) -> Output {
    finish(command(dir, args), &args.join(" "))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn cafe(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(root().join("plans/language-cafe.toml"), &path).expect("copy");
    path
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(ok.success());
}

fn record(dir: &Path, plan: &str, date: &str) -> Output {
    tocplan(
        dir,
        &[
            "record",
            plan,
            "practice-outside-class",
            "7",
            "--date",
            date,
        ],
    )
}

#[test]
fn saving_through_a_symlink_writes_the_target_and_keeps_the_link_mode_and_owner() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::create_dir(d.join("shared")).expect("mkdir");
    let target = cafe(&d.join("shared"), "cafe.toml");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let root_user = rustix::process::geteuid().is_root();
    if root_user {
        std::os::unix::fs::chown(&target, Some(4321), Some(4322)).expect("chown");
    }
    let before = std::fs::metadata(&target).expect("meta");
    std::os::unix::fs::symlink("shared/cafe.toml", d.join("p.toml")).expect("link");

    let out = record(d, "p.toml", "2026-05-01");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let link = std::fs::symlink_metadata(d.join("p.toml")).expect("meta");
    assert!(link.file_type().is_symlink(), "the link is still a link");
    let after = std::fs::metadata(&target).expect("meta");
    assert!(
        std::fs::read_to_string(&target)
            .expect("read")
            .contains("2026-05-01"),
        "the target has the reading"
    );
    assert_eq!(after.mode() & 0o7777, 0o640, "mode kept");
    assert_eq!(
        (after.uid(), after.gid()),
        (before.uid(), before.gid()),
        "owner and group kept"
    );
    // No temporary file anywhere.
    for folder in [d.to_path_buf(), d.join("shared")] {
        let temps: Vec<_> = std::fs::read_dir(&folder)
            .expect("read_dir")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(temps.is_empty(), "{temps:?}");
    }

    // A dangling link: the export creates its target, and the link stays.
    std::os::unix::fs::symlink("shared/out.csv", d.join("out.csv")).expect("link");
    let out = tocplan(
        d,
        &[
            "export", "--format", "csv", "p.toml", "--out", "out.csv", "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(d.join("shared/out.csv").is_file());
    assert!(
        std::fs::symlink_metadata(d.join("out.csv"))
            .expect("meta")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_temporary_file_left_by_a_killed_save_goes_at_the_next_save_and_a_live_ones_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    cafe(d, "p.toml");
    // A process that has ended, as a killed save has.
    let mut gone = Command::new("true").spawn().expect("spawn");
    let gone_pid = gone.id();
    gone.wait().expect("wait");
    let stale = d.join(format!(".tocplan-{gone_pid}-00c0ffee.p.toml.tmp"));
    // This test is alive: a save it were making must be left alone.
    let live = d.join(format!(
        ".tocplan-{}-00c0ffee.p.toml.tmp",
        std::process::id()
    ));
    std::fs::write(&stale, "half a plan").expect("write");
    std::fs::write(&live, "a save in progress").expect("write");
    let out = record(d, "p.toml", "2026-05-01");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!stale.exists(), "the dead save's temporary file is gone");
    assert!(live.exists(), "the live one stays");
}

#[test]
fn a_fifo_is_refused_at_once_by_every_command_that_reads_or_writes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    cafe(d, "p.toml");
    for f in ["pipe.toml", "pipe.csv", "keys.txt", "out.csv"] {
        mkfifo(&d.join(f));
    }
    std::os::unix::fs::symlink("pipe.toml", d.join("link.toml")).expect("link");
    let cases: &[&[&str]] = &[
        &["check", "pipe.toml"],
        &["check", "link.toml"],
        &["fmt", "pipe.toml"],
        &["show", "--text", "pipe.toml"],
        &["export", "pipe.toml"],
        &["record", "pipe.toml", "m", "1"],
        &["diff", "pipe.toml", "p.toml"],
        &["--bank", "pipe.toml", "check", "p.toml"],
        &["bank", "import", "pipe.csv"],
        &["p.toml", "--headless", "--keys", "keys.txt"],
        &["pipe.toml"],
        &["export", "p.toml", "--out", "out.csv", "--force"],
    ];
    for args in cases {
        let out = tocplan(d, args);
        let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_ne!(out.status.code(), Some(0), "{args:?}: {said}");
        assert!(said.contains("named pipe (FIFO)"), "{args:?}: {said}");
    }
}

#[test]
fn a_plan_beyond_64_mb_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("big.toml");
    // Sparse: 65 MB on paper, nothing on disk.
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(65 << 20).expect("set_len");
    for args in [
        &["check", "big.toml"][..],
        &["big.toml"],
        &["fmt", "big.toml"],
    ] {
        let out = tocplan(dir.path(), args);
        let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {said}");
        assert!(
            said.contains("big.toml: is 65 MB, more than the 64 MB tocplan reads for a plan"),
            "{args:?}: {said}"
        );
    }
}

/// A real workbook (a header row and one indicator; a committed fixture written by
/// rust_xlsxwriter) whose shared strings are then made 300 MB of one string: about 300 KB
/// on disk.
fn zip_bomb(path: &Path) {
    use std::io::Write;
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sheets/small.xlsx"
    ))
    .expect("fixture");
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).expect("create"));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut has_strings = false;
    for i in 0..from.len() {
        let mut part = from.by_index(i).expect("part");
        let name = part.name().to_string();
        w.start_file(name.as_str(), opts).expect("start");
        if name == "xl/sharedStrings.xml" {
            has_strings = true;
            w.write_all(b"<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>")
                .expect("write");
            let chunk = vec![b'a'; 1 << 20];
            for _ in 0..300 {
                w.write_all(&chunk).expect("write");
            }
            w.write_all(b"</t></si></sst>").expect("write");
        } else {
            std::io::copy(&mut part, &mut w).expect("copy");
        }
    }
    assert!(has_strings, "the workbook has shared strings to inflate");
    w.finish().expect("finish");
}

#[test]
fn a_zip_bomb_spreadsheet_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sheet = dir.path().join("toolkit.xlsx");
    zip_bomb(&sheet);
    assert!(std::fs::metadata(&sheet).expect("meta").len() < 4 << 20);
    let out = tocplan(dir.path(), &["bank", "import", "toolkit.xlsx"]);
    let said = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("toolkit.xlsx: it unpacks to more than 256 MB"),
        "{said}"
    );
}

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

#[test]
fn a_broken_bank_in_the_users_folder_is_a_warning_and_the_rest_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    cafe(d, "p.toml");
    let banks = d.join("config/tocplan/banks");
    std::fs::create_dir_all(&banks).expect("mkdir");
    std::fs::write(banks.join("broken.toml"), "schema = 1\n[bank\n").expect("write");
    std::fs::write(
        banks.join("good.toml"),
        "schema = 1\n[bank]\nid = \"good\"\nname = \"Good\"\n\n[[indicator]]\nid = \"good.zebra\"\ndomain = 9\ntext = \"Zebra crossings used\"\n",
    )
    .expect("write");
    let out = tocplan(d, &["check", "p.toml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}{}", text(&out.stdout));
    assert!(
        err.contains("warning")
            && err.contains("broken.toml:2:")
            && err.contains("--no-user-banks"),
        "{err}"
    );
    let out = tocplan(d, &["indicators", "zebra"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("good.zebra"),
        "{}",
        text(&out.stdout)
    );
    let out = tocplan(d, &["--no-user-banks", "check", "p.toml"]);
    assert!(
        !text(&out.stderr).contains("broken.toml"),
        "{}",
        text(&out.stderr)
    );
}

/// How often `needle` occurs in `hay`.
fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn messages_say_their_cause_once_in_the_users_terms() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    cafe(d, "p.toml");

    let out = tocplan(
        d,
        &[
            "export",
            "--format",
            "csv",
            "p.toml",
            "--out",
            "nowhere/x.csv",
        ],
    );
    let err = text(&out.stderr);
    assert_eq!(
        err.trim(),
        "tocplan: nowhere/x.csv: not saved: the folder nowhere does not exist"
    );

    let out = tocplan(d, &["--bank", "missing.toml", "check", "p.toml"]);
    let err = text(&out.stderr);
    assert_eq!(
        err.trim(),
        "tocplan: missing.toml: cannot read: there is no such file"
    );

    let out = tocplan(d, &["record", "gone.toml", "m", "1"]);
    assert_eq!(
        text(&out.stderr).trim(),
        "tocplan: gone.toml: cannot read: there is no such file"
    );

    // Not taken for a git revision when the file is missing.
    let out = tocplan(d, &["diff", "gone.toml", "p.toml"]);
    assert_eq!(
        text(&out.stderr).trim(),
        "tocplan: gone.toml: cannot read: there is no such file"
    );

    let plan = std::fs::read_to_string(d.join("p.toml")).expect("read");
    let bad = plan.replace("key_domains = [9, 7, 5]", "key_domains = [500, 7]");
    assert_ne!(bad, plan);
    std::fs::write(d.join("kd.toml"), &bad).expect("write");
    let out = tocplan(d, &["check", "kd.toml"]);
    let said = text(&out.stdout);
    // The example plan's line, wherever its layout puts it.
    let line = bad
        .lines()
        .position(|l| l.starts_with("key_domains"))
        .expect("line")
        + 1;
    assert!(
        said.contains(&format!(
            "kd.toml:{line}:16: error: key domain 500 does not exist; domains are numbered 1 to 14"
        )),
        "{said}"
    );
    assert!(!said.contains("found an array"), "{said}");

    // A read-only folder: the cause once, no temporary file named.
    let ro = d.join("ro");
    std::fs::create_dir(&ro).expect("mkdir");
    cafe(&ro, "p.toml");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut c = command(
        d,
        &[
            "record",
            "ro/p.toml",
            "practice-outside-class",
            "7",
            "--date",
            "2026-05-01",
        ],
    );
    if rustix::process::geteuid().is_root() {
        // root writes anywhere: the save is made as nobody, who may not.
        let everyone = std::fs::Permissions::from_mode(0o644);
        std::fs::set_permissions(ro.join("p.toml"), everyone).expect("chmod");
        let mut as_nobody = Command::new("setpriv");
        as_nobody
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", &bin()])
            .args([
                "record",
                "ro/p.toml",
                "practice-outside-class",
                "7",
                "--date",
                "2026-05-01",
            ])
            .current_dir(d)
            .env("XDG_CONFIG_HOME", d.join("config"))
            .env("XDG_CACHE_HOME", d.join("cache"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c = as_nobody;
    }
    let out = finish(c, "record ro/p.toml");
    let err = text(&out.stderr);
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(
        err.trim(),
        "tocplan: ro/p.toml: not saved: cannot create a file in ro (permission denied)"
    );
    assert_eq!(count(&err, "ermission denied"), 1, "{err}");
}

#[test]
fn without_a_terminal_the_app_says_so_and_names_what_works_instead() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = cafe(dir.path(), "p.toml");
    let before = std::fs::read(&path).expect("read");
    let out = tocplan(dir.path(), &["p.toml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("the app needs a terminal"), "{err}");
    assert!(
        err.contains("`tocplan new`") && err.contains("--headless --keys FILE"),
        "{err}"
    );
    // Every subcommand is named, as the command line knows them (none forgotten).
    use clap::CommandFactory;
    for sub in tocplan::cli::Cli::command().get_subcommands() {
        let name = sub.get_name();
        assert!(
            err.contains(&format!("`{name}`")) || err.contains(&format!("`tocplan {name}`")),
            "{err}"
        );
    }
    assert!(!err.contains("os error"), "{err}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the file untouched"
    );
}

#[test]
fn the_app_shows_a_skipped_user_bank_on_its_status_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = cafe(dir.path(), "p.toml");
    let banks = dir.path().join("banks");
    std::fs::create_dir_all(&banks).expect("mkdir");
    std::fs::write(banks.join("broken.toml"), "schema = 1\n[bank\n").expect("write");
    let mut fw = tocplan::framework::Framework::builtin().expect("framework");
    fw.load_user_banks(&banks);
    let app = tocplan::tui::prepare(&plan, &fw, &tocplan::tui::Options::default()).expect("opens");
    let status = app.status.map(|s| s.1).unwrap_or_default();
    assert!(
        status.contains("broken.toml") && status.contains("--no-user-banks"),
        "{status}"
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

/// `diff` pairs items by id: where a plan has two items under one id it says the pairing
/// is a guess rather than report false changes silently.
#[test]
fn diff_says_when_a_shared_id_makes_its_pairing_a_guess() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = cafe(dir.path(), "good.toml");
    let dup = std::fs::read_to_string(&good).expect("read").replacen(
        "id = \"simple-conversation\"",
        "id = \"practice-outside-class\"",
        1,
    );
    std::fs::write(dir.path().join("dup.toml"), dup).expect("write");
    let out = tocplan(dir.path(), &["diff", "good.toml", "dup.toml"]);
    let err = text(&out.stderr);
    assert!(
        err.contains("dup.toml: the id `practice-outside-class` is used by more than one item"),
        "{err}"
    );
    let clean = tocplan(dir.path(), &["diff", "good.toml", "good.toml"]);
    assert!(!text(&clean.stderr).contains("more than one item"));
}

/// A folder or FIFO where a command expects a file is named as what it is, with what to
/// give instead, never a misleading cause ("not in a git repository", "pass --force").
#[test]
fn a_folder_or_fifo_where_a_file_belongs_is_named_as_what_it_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    cafe(dir.path(), "p.toml");
    std::fs::create_dir(dir.path().join("adir")).expect("mkdir");
    mkfifo(&dir.path().join("ff"));
    for (args, want) in [
        (&["diff", "adir", "p.toml"][..], "adir: is a directory"),
        (&["diff", "ff", "p.toml"], "ff: is a named pipe"),
        (
            &["export", "p.toml", "--out", "adir", "--force"],
            "adir: is a directory, not a file to write",
        ),
        (
            &["export", "p.toml", "--out", "ff"],
            "ff: is a named pipe (FIFO), not a file to write",
        ),
        (
            &["new", "adir"],
            "adir is a folder; give the new plan's file name",
        ),
        (
            &["bank", "import", "p.toml"],
            "p.toml: is not a spreadsheet tocplan can read",
        ),
    ] {
        let out = tocplan(dir.path(), args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(
            !err.contains("git repository") && !err.contains("Cannot detect"),
            "{err}"
        );
    }
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

/// `diff REV PLAN` with the plan deleted from the working copy shows it all removed; `log`
/// of a name with no file and no history says so instead of printing nothing.
#[test]
fn a_plan_gone_from_the_working_copy_and_a_name_with_no_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(["-c", "user.email=t@t", "-c", "user.name=t"])
            .args(args)
            .current_dir(d)
            .output()
            .expect("git");
        assert!(out.status.success(), "git {args:?}");
    };
    git(&["init", "-q"]);
    std::fs::create_dir_all(d.join("plans/sub")).expect("mkdir");
    std::fs::copy(
        root().join("plans/language-cafe.toml"),
        d.join("plans/sub/café ü.toml"),
    )
    .expect("copy");
    git(&["add", "-A"]);
    git(&["commit", "-qm", "a plan"]);
    std::fs::remove_file(d.join("plans/sub/café ü.toml")).expect("rm");
    let out = tocplan(d, &["diff", "HEAD", "plans/sub/café ü.toml"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("removed"),
        "{}",
        text(&out.stdout)
    );
    let log = tocplan(d, &["log", "plans/nope.toml"]);
    assert_eq!(log.status.code(), Some(2));
    assert!(
        text(&log.stderr).contains("no such plan here"),
        "{}",
        text(&log.stderr)
    );
}

/// A clean merge by item that would not read back (one unknown key added at both ends of
/// the keys it sits among, on the two sides) is never handed to git: the driver merges by
/// lines instead and says so (found by review).
#[test]
fn the_merge_driver_never_writes_a_clean_result_that_does_not_read_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let cafe = std::fs::read_to_string(root().join("plans/language-cafe.toml")).expect("read");
    let with = |keys: &str| cafe.replacen("\ntitle = ", &format!("\n{keys}title = "), 1);
    std::fs::write(d.join("base.toml"), with("alpha = 1\nbeta = 2\n")).expect("write");
    std::fs::write(d.join("ours.toml"), with("x = 1\nalpha = 1\nbeta = 2\n")).expect("write");
    std::fs::write(d.join("theirs.toml"), with("alpha = 1\nbeta = 2\nx = 2\n")).expect("write");
    let out = tocplan(
        d,
        &[
            "merge-driver",
            "base.toml",
            "ours.toml",
            "theirs.toml",
            "p.toml",
        ],
    );
    let merged = std::fs::read_to_string(d.join("ours.toml")).expect("read");
    let parses = tocplan::plan::parse_str(&merged, Path::new("p.toml")).is_ok();
    assert!(
        out.status.code() == Some(1) || parses,
        "exit {:?}, and the merged file does not read: {merged}",
        out.status.code()
    );
    if out.status.code() == Some(0) {
        assert!(parses);
    }
}
