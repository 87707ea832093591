//! The bank of indicators through the command line, run as a user would: listing by
//! domain and category, the picker's ranking for a query, extra banks, `domains`, importing
//! a spreadsheet, and the cache of large banks.

#[path = "support/cli.rs"]
mod cli;

use std::path::Path;

use cli::{stdout, tocplan};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn indicators_by_domain_match_the_shared_data() {
    // Counts straight from the framework data file (../shared when present, else our copy).
    let shared = root().join("../shared/framework/indicators.toml");
    let path = if shared.exists() {
        shared
    } else {
        root().join("src/framework/data/indicators.toml")
    };
    let data: toml::Table =
        toml::from_str(&std::fs::read_to_string(path).expect("read")).expect("parse");
    let indicators = data["indicator"].as_array().expect("array");
    for n in 1..=14i64 {
        let expected: Vec<&str> = indicators
            .iter()
            .filter(|i| i["domain"].as_integer() == Some(n))
            .map(|i| i["id"].as_str().expect("id"))
            .collect();
        let out = tocplan(root(), &["indicators", "--domain", &n.to_string()]);
        assert_eq!(out.status.code(), Some(0));
        let listed: Vec<String> = stdout(&out)
            .lines()
            .filter(|l| l.starts_with("   ") && !l.starts_with("      "))
            .map(|l| l.split_whitespace().next().expect("id").to_string())
            .collect();
        assert_eq!(listed, expected, "domain {n}");
        assert!(stdout(&out).contains(&format!("{} indicators", expected.len())));
    }
    let lang = stdout(&tocplan(root(), &["indicators", "--domain", "9"]));
    assert!(
        lang.starts_with(" 9 Language and communication (Facilitators): 12 indicators"),
        "{lang}"
    );
    assert!(lang.contains("language-and-communication.esol-attendance  (newcomers) [quoted]"));
    let by_name = stdout(&tocplan(root(), &["indicators", "--domain", "language"]));
    assert_eq!(by_name, lang);
}

#[test]
fn indicators_by_category_and_bad_filters() {
    let out = stdout(&tocplan(
        root(),
        &["indicators", "--category", "social_connections"],
    ));
    let headers: Vec<&str> = out
        .lines()
        .filter(|l| {
            !l.starts_with(' ') || l.starts_with(" 6") || l.starts_with(" 7") || l.starts_with(" 8")
        })
        .collect();
    assert_eq!(headers.len(), 3, "{out}");
    let bad = tocplan(root(), &["indicators", "--domain", "99"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no domain matches `99`"));
}

#[test]
fn extra_banks_from_flag_and_config_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bank = "schema = 1\n[bank]\nid = \"mine\"\nname = \"Mine\"\n\n[[indicator]]\nid = \"mine.chat\"\ndomain = 7\ntext = \"% who chat\"\n";
    std::fs::write(dir.path().join("mine.toml"), bank).expect("write");
    let out = stdout(&tocplan(
        dir.path(),
        &["indicators", "--domain", "7", "--bank", "mine.toml"],
    ));
    assert!(out.contains("mine.chat"), "{out}");

    let banks = dir.path().join("config/tocplan/banks");
    std::fs::create_dir_all(&banks).expect("mkdir");
    std::fs::copy(dir.path().join("mine.toml"), banks.join("mine.toml")).expect("copy");
    let out = stdout(&tocplan(dir.path(), &["indicators", "--domain", "7"]));
    assert!(
        out.contains("mine.chat"),
        "config folder bank loaded: {out}"
    );
    let out = stdout(&tocplan(
        dir.path(),
        &["indicators", "--domain", "7", "--no-user-banks"],
    ));
    assert!(!out.contains("mine.chat"));

    // the same bank from the folder and from --bank is a clash naming both files
    let clash = tocplan(dir.path(), &["indicators", "--bank", "mine.toml"]);
    assert_eq!(clash.status.code(), Some(2));
    let err = String::from_utf8_lossy(&clash.stderr);
    assert!(
        err.contains("config/tocplan/banks/mine.toml") && err.contains(" mine.toml"),
        "{err}"
    );
}

#[test]
fn domains_lists_categories_domains_and_index_words() {
    let out = stdout(&tocplan(root(), &["domains"]));
    for c in [
        "Markers and Means",
        "Social Connections",
        "Facilitators",
        "Foundation",
    ] {
        assert!(out.lines().any(|l| l == c), "{c}");
    }
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with("  ") && !l.starts_with("      "))
            .count(),
        14
    );
    assert!(out.contains("ESOL"), "index words shown");
}

#[test]
fn indicators_query_prints_the_pickers_ranking() {
    let out = tocplan(root(), &["indicators", "hate", "crime", "--limit", "3"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("  1. safety.hate-crime-recorded"),
        "{text}"
    );
    assert!(text.contains(" of 185 indicators match ("), "{text}");
    assert!(text.trim_end().ends_with("; 3 shown"), "{text}");
    let json = tocplan(root(), &["indicators", "GP", "--json", "--limit", "0"]);
    assert_eq!(json.status.code(), Some(0));
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let rows = rows.as_array().expect("array");
    assert!(rows.len() >= 15, "every health indicator, via the index");
    assert!(rows.iter().all(|r| r["domain"].as_u64().is_some()));
    let first_via_index = rows
        .iter()
        .position(|r| r["matched"].as_array().is_some_and(|m| m.is_empty()))
        .expect("some found through the index");
    assert!(rows[first_via_index]["via"].to_string().contains("GP"));
    // --domain narrows a query; a filter that names nothing is an error.
    let lang = stdout(&tocplan(
        root(),
        &["indicators", "practice", "--domain", "9"],
    ));
    assert!(lang.contains("language-and-communication.practice-outside-classes"));
    assert!(!lang.contains("safety."));
    let bad = tocplan(root(), &["indicators", "#cooking"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a domain"));
}

/// Issue 16: `--json` without a query lists the whole bank, `--limit` counts the same in text
/// and JSON, "N of M" counts the bank (it said "0 of 0"), and `--category` takes the `@`
/// filter's names.
#[test]
fn indicators_tell_the_truth_about_the_bank() {
    let all = tocplan(root(), &["indicators", "--json"]);
    assert_eq!(all.status.code(), Some(0));
    let rows: serde_json::Value = serde_json::from_slice(&all.stdout).expect("json");
    assert_eq!(rows.as_array().map(Vec::len), Some(185));
    let three: serde_json::Value =
        serde_json::from_slice(&tocplan(root(), &["indicators", "--json", "--limit", "3"]).stdout)
            .expect("json");
    assert_eq!(three.as_array().map(Vec::len), Some(3));
    let text = stdout(&tocplan(root(), &["indicators", "--limit", "3"]));
    assert_eq!(
        text.lines().filter(|l| l.starts_with("   ")).count(),
        3 * 2,
        "{text}"
    );
    let none = stdout(&tocplan(root(), &["indicators", "zzzzqqq"]));
    assert!(none.contains("0 of 185 indicators match"), "{none}");
    let partial = stdout(&tocplan(
        root(),
        &["indicators", "making", "friends", "with", "locals"],
    ));
    assert!(partial.contains("all words · "), "{partial}");
    for name in ["bridges", "facilitators", "social-connections"] {
        let out = tocplan(root(), &["indicators", "--category", name]);
        assert_eq!(out.status.code(), Some(0), "{name}");
    }
    let bridges = stdout(&tocplan(root(), &["indicators", "--category", "bridges"]));
    assert!(bridges.contains("Social bridges") && !bridges.contains("Work"));
}

#[test]
fn bank_import_writes_a_bank_and_reports_skipped_rows() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("sheet.csv"),
        "Domain,Indicator,National survey\n\
         Work,People in work,x\n\
         ,People in work matching their skills,\n\
         Cooking,People who cook together,\n\
         9,People at conversation clubs,x\n",
    )
    .expect("write");
    let out = tocplan(
        dir.path(),
        &["bank", "import", "sheet.csv", "--out", "bank.toml"],
    );
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("row 4: skipped: domain `Cooking`"), "{err}");
    assert!(err.contains("rows 3 had no domain of their own"), "{err}");
    assert!(err.contains("imported 3 indicators"), "{err}");
    let bank = std::fs::read_to_string(dir.path().join("bank.toml")).expect("bank");
    assert!(
        bank.contains("id = \"sheet.work.people-in-work\""),
        "{bank}"
    );
    assert!(
        bank.contains("data_availability = [\"national-survey\"]"),
        "{bank}"
    );
    // The bank loads, and the picker ranks its indicators with the built-in ones.
    let found = tocplan(
        dir.path(),
        &[
            "indicators",
            "conversation",
            "clubs",
            "--bank",
            "bank.toml",
            "--limit",
            "3",
        ],
    );
    assert_eq!(found.status.code(), Some(0));
    assert!(stdout(&found).contains("sheet.language-and-communication.people-at-conversation"));
    // Never overwrites unasked; an unreadable sheet is exit 2.
    let again = tocplan(
        dir.path(),
        &["bank", "import", "sheet.csv", "--out", "bank.toml"],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    std::fs::write(dir.path().join("bad.xlsx"), "not a spreadsheet").expect("write");
    let bad = tocplan(dir.path(), &["bank", "import", "bad.xlsx"]);
    assert_eq!(bad.status.code(), Some(2));
}

/// A query over large banks asked again is answered from the cache (no bank read), with
/// the same output; a bank in the config folder changed or gone is seen at once.
#[test]
fn a_cached_query_over_large_banks_prints_the_same_and_sees_changed_banks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let made = tocplan(
        dir.path(),
        &["generate", "bank", "--indicators", "20000", "big.toml"],
    );
    assert_eq!(made.status.code(), Some(0));
    let banks = dir.path().join("config/tocplan/banks");
    std::fs::create_dir_all(&banks).expect("mkdir");
    let mine = |text: &str| {
        let bank = format!(
            "schema = 1\n[bank]\nid = \"mine\"\nname = \"Mine\"\n\n[[indicator]]\nid = \"mine.1\"\ndomain = 6\ntext = \"{text}\"\n"
        );
        std::fs::write(banks.join("mine.toml"), bank).expect("write");
    };
    mine("Neighbours who share a meal");
    let query = [
        "indicators",
        "--bank",
        "big.toml",
        "--limit",
        "0",
        "neighbours",
    ];
    let ask = || {
        let out = tocplan(dir.path(), &query);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout(&out)
    };
    let first = ask();
    assert!(first.contains("share a meal"), "{first}");
    let kept = |prefix: &str| {
        std::fs::read_dir(dir.path().join("cache/tocplan/banks"))
            .expect("cache folder")
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().starts_with(prefix))
    };
    assert!(kept("index-") && kept("shown-"), "kept for the next query");
    assert_eq!(ask(), first);

    // Changed: read afresh, then answered from the cache again.
    std::thread::sleep(std::time::Duration::from_millis(20));
    mine("Neighbours who garden together");
    let changed = ask();
    assert!(changed.contains("garden together") && !changed.contains("share a meal"));
    assert_eq!(ask(), changed);
    // Gone.
    std::fs::remove_file(banks.join("mine.toml")).expect("remove");
    let gone = ask();
    assert!(!gone.contains("mine.1"), "{gone}");
    assert_eq!(gone.lines().count(), first.lines().count() - 2);
}
