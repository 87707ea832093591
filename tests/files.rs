//! Files as they really are, through the real binary: symbolic links, modes and owners,
//! FIFOs, huge files, folders where a file belongs, temporary files left by a kill, plans
//! gone from the working copy. Messages and terminal output are `messages.rs` and
//! `terminal_controls.rs`.
//!
//! `TOCPLAN_BIN=/path/to/tocplan cargo test --test files` runs them against another build
//! (to see a test fail on the code before its fix).

#[path = "support/run.rs"]
mod run;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use run::*;

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
