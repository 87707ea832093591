//! Atomic saves under SIGKILL: a process saving the plan is killed at many moments, and
//! the file always reads as the old plan or the new one, never half of either.

use std::process::Command;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_tocplan");

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_plan_or_the_new_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.toml");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml"),
        &path,
    )
    .expect("copy");
    // How long one save takes here (the command loads the framework and the plan, then
    // writes): the kills are spread over that time and a little beyond.
    let t = std::time::Instant::now();
    let record = |date: &str| {
        let mut c = Command::new(BIN);
        c.args([
            "record",
            "p.toml",
            "practice-outside-class",
            "7",
            "--date",
            date,
        ])
        .current_dir(dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"));
        c
    };
    let ok = record("2019-01-01").status().expect("run");
    assert!(ok.success());
    let span = (t.elapsed().as_micros() as u64 * 12 / 10).max(1000);
    let mut seed: u64 = 42;
    let (mut old_seen, mut new_seen) = (0, 0);
    for round in 0..120u32 {
        let before = tocplan::plan::load(&path).expect("loads").plan;
        let date = format!("2020-{:02}-{:02}", 1 + round / 28, 1 + round % 28);
        let mut child = record(&date).spawn().expect("spawn");
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        std::thread::sleep(Duration::from_micros((seed >> 33) % span));
        let _ = child.kill(); // SIGKILL; it may have finished already
        let _ = child.wait();
        let after = tocplan::plan::load(&path)
            .unwrap_or_else(|e| panic!("round {round}: the file does not read: {e}"))
            .plan;
        if after == before {
            old_seen += 1;
        } else {
            let mut expected = before.clone();
            let m = expected.measures[0].id.clone();
            expected
                .add_reading(
                    &m,
                    date.parse().expect("date"),
                    tocplan::plan::Number::Int(7),
                    "",
                    false,
                )
                .expect("reading");
            assert_eq!(after, expected, "round {round}: neither old nor new");
            new_seen += 1;
        }
    }
    // A kill mid-write leaves the temporary file; the next save clears what is ours.
    let temps = || {
        std::fs::read_dir(dir.path())
            .expect("read_dir")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.starts_with(".tocplan-") && n.ends_with(".tmp"))
            .count()
    };
    let left = temps();
    assert!(record("2021-01-01").status().expect("run").success());
    assert_eq!(
        temps(),
        0,
        "{left} temporary files left by killed saves stayed"
    );
    eprintln!(
        "120 saves killed: {old_seen} left the old plan, {new_seen} the new one; {left} temporary files left, all gone after the next save"
    );
    // Both outcomes happen, or the test proves nothing about the moments in between.
    assert!(
        old_seen > 0 && new_seen > 0,
        "old {old_seen}, new {new_seen}"
    );
}
