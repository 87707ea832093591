//! The headless driver and the generators behind the speed figures, run as a user would.

#[path = "support/cli.rs"]
mod cli;

use cli::tocplan;

#[test]
fn a_generated_plan_checks_clean_and_is_never_written_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tocplan(
        dir.path(),
        &["generate", "plan", "--items", "300", "big.toml"],
    );
    assert_eq!(out.status.code(), Some(0));
    let check = tocplan(dir.path(), &["check", "big.toml"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let again = tocplan(
        dir.path(),
        &["generate", "plan", "--items", "10", "big.toml"],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    let bank = tocplan(
        dir.path(),
        &["generate", "bank", "--indicators", "500", "bank.toml"],
    );
    assert_eq!(bank.status.code(), Some(0));
    let found = tocplan(
        dir.path(),
        &[
            // A global option before the subcommand works as well as after it.
            "--bank",
            "bank.toml",
            "indicators",
            "--json",
            "--limit",
            "0",
            "neighbours",
        ],
    );
    let rows: serde_json::Value = serde_json::from_slice(&found.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&found.stderr)));
    assert!(rows.as_array().is_some_and(|r| r.iter().any(|x| {
        x["id"]
            .as_str()
            .is_some_and(|i| i.starts_with("generated."))
    })));
}

#[test]
fn the_headless_driver_reports_every_key_of_the_script() {
    let dir = tempfile::tempdir().expect("tempdir");
    tocplan(
        dir.path(),
        &["generate", "plan", "--items", "200", "plan.toml"],
    );
    std::fs::write(
        dir.path().join("walk.keys"),
        "# walk\nh\nj x 12\ntype  x\nk\n",
    )
    .expect("script");
    let out = tocplan(
        dir.path(),
        &[
            "plan.toml",
            "--headless",
            "--keys",
            "walk.keys",
            "--size",
            "100x30",
            "--json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(s["size"], "100x30");
    let keys: Vec<u64> = s["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|r| r["keys"].as_u64().expect("keys"))
        .collect();
    assert_eq!(keys, vec![1, 12, 2, 1]);
    assert_eq!(s["all"]["keys"], 16);
    // Moving down a pane redraws something, but far less than the whole screen.
    let moved = s["steps"][1]["bytes"]["median"].as_f64().expect("bytes");
    let full = s["full_repaint_bytes"].as_f64().expect("repaint");
    assert!(moved > 0.0 && moved < full, "{moved} of {full}");
    assert!(s["first_frame_bytes"].as_u64().is_some_and(|b| b > 0));
    // Nothing was saved: the script has no Ctrl-s.
    let text = tocplan(dir.path(), &["check", "plan.toml"]);
    assert_eq!(text.status.code(), Some(0));
}

#[test]
fn a_bad_key_script_names_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("bad.keys"), "j\nWhat x 2\n").expect("script");
    let out = tocplan(
        dir.path(),
        &["new.toml", "--headless", "--keys", "bad.keys"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.keys") && err.contains("line 2") && err.contains("What"),
        "{err}"
    );
    assert!(
        !dir.path().join("new.toml").exists(),
        "a headless run never creates the plan"
    );
}

#[test]
fn a_large_bank_is_read_from_the_cache_the_second_time_with_the_same_results() {
    let dir = tempfile::tempdir().expect("tempdir");
    let made = tocplan(
        dir.path(),
        &["generate", "bank", "--indicators", "6000", "big.toml"],
    );
    assert_eq!(made.status.code(), Some(0));
    assert!(
        std::fs::metadata(dir.path().join("big.toml"))
            .expect("bank")
            .len()
            > 1 << 20
    );
    let query = [
        "indicators",
        "--bank",
        "big.toml",
        "--limit",
        "0",
        "ask neighbours",
    ];
    let first = tocplan(dir.path(), &query);
    assert_eq!(first.status.code(), Some(0));
    let banks = dir.path().join("cache/tocplan/banks");
    let kept = || -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<_> = std::fs::read_dir(&banks)
            .expect("cache folder")
            .filter_map(|e| e.ok())
            // The bank's own file (a bank of 20,000 and more has its word index beside it).
            .filter(|e| e.file_name().to_string_lossy().starts_with("bank-"))
            .map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                (name, std::fs::read(e.path()).expect("cache file"))
            })
            .collect();
        v.sort();
        v
    };
    let cached = kept();
    assert_eq!(cached.len(), 1);
    let second = tocplan(dir.path(), &query);
    assert_eq!(second.status.code(), Some(0));
    assert_eq!(first.stdout, second.stdout);
    // A changed bank is read afresh, not taken from the cache.
    let text = std::fs::read_to_string(dir.path().join("big.toml")).expect("read");
    std::fs::write(
        dir.path().join("big.toml"),
        text.replacen("id = \"generated.0\"", "id = \"generated.zero\"", 1),
    )
    .expect("write");
    let third = tocplan(dir.path(), &query);
    assert_eq!(third.status.code(), Some(0));
    // Kept in place of the old one (one cache file per bank file), with the new bank in it.
    let again = kept();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].0, cached[0].0);
    assert_ne!(
        again[0].1, cached[0].1,
        "the changed bank was read and kept"
    );
    assert!(again[0].1.windows(14).any(|w| w == b"generated.zero"));
}
