//! A query answered from the cache alone gives the very lines (and JSON) of the same query
//! over the banks read whole, and over banks never cached; the cache answers only for
//! exactly the files it was kept for.

use std::path::{Path, PathBuf};

use super::*;
use crate::framework::picker::INDEX_CACHE_FROM;
use crate::framework::synthetic;

const QUERIES: [&str; 14] = [
    "",
    "#9",
    "neighbours",
    "ask neighbours help",
    "esol",
    "hate crime",
    "locals",
    "racial harassment",
    "making friends with locals",
    "emplyment",
    "#9 volunteering",
    "@bridges",
    "!newcomers work",
    "the",
];

fn output(
    fw: &Framework,
    texts: &Texts,
    picker: &Picker,
    query: &str,
    limit: usize,
    json: bool,
) -> String {
    let q = super::query(
        fw,
        query,
        Filters {
            domain: None,
            category: None,
        },
    )
    .expect("query");
    let mut out = Vec::new();
    write(&mut out, fw, texts, picker, &q, limit, json).expect("written");
    String::from_utf8(out).expect("UTF-8")
}

/// Every query's text (all results and the first 10) and JSON.
fn answers(fw: &Framework, texts: &Texts, picker: &Picker) -> Vec<String> {
    QUERIES
        .iter()
        .flat_map(|q| {
            [
                output(fw, texts, picker, q, 0, false),
                output(fw, texts, picker, q, 10, false),
                output(fw, texts, picker, q, 0, true),
            ]
        })
        .collect()
}

fn big_bank(dir: &Path) -> PathBuf {
    let base = Framework::builtin().expect("framework");
    let path = dir.join("big.toml");
    let text = synthetic::bank(&base, INDEX_CACHE_FROM)
        .to_toml("# test\n")
        .expect("toml");
    std::fs::write(&path, text).expect("write");
    path
}

fn builtin_caching_in(cache: &Path) -> Framework {
    let mut fw = Framework::builtin().expect("framework");
    fw.cache_banks_in(cache.to_path_buf());
    fw
}

#[test]
fn a_query_from_the_cache_alone_prints_what_the_banks_read_whole_print() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = dir.path().join("cache");
    let path = big_bank(dir.path());
    let files = vec![path.clone()];

    // Never cached: the banks read and the index built afresh.
    let mut plain = Framework::builtin().expect("framework");
    plain.load_bank_file(&path).expect("bank");
    let fresh = answers(
        &plain,
        &Texts::Loaded(Places::new(&plain)),
        &Picker::new(&plain),
    );
    assert!(fresh[0].lines().count() > 1000, "a query with many results");
    assert!(
        fresh.iter().any(|a| a.contains("via: ")),
        "thesaurus hits too"
    );

    // Nothing is kept yet: the cache cannot answer.
    assert!(Picker::cached(&builtin_caching_in(&cache), &files).is_none());
    let mut read = builtin_caching_in(&cache);
    read.load_bank_file(&path).expect("bank");
    let first = Picker::new(&read);
    assert_eq!(
        answers(&read, &Texts::Loaded(Places::new(&read)), &first),
        fresh
    );

    // Now kept: answered from the cache alone, the same.
    let fw = builtin_caching_in(&cache);
    let (picker, shown) = Picker::cached(&fw, &files).expect("answered from the cache");
    assert_eq!(shown.len(), plain.indicators().count());
    let cached = answers(&fw, &Texts::Cached(&shown), &picker);
    for (k, (c, f)) in cached.iter().zip(&fresh).enumerate() {
        assert_eq!(c, f, "{} ({k})", QUERIES[k / 3]);
    }

    // The bank read from its cache gives the same again.
    let mut again = builtin_caching_in(&cache);
    again.load_bank_file(&path).expect("bank");
    assert_eq!(
        answers(
            &again,
            &Texts::Loaded(Places::new(&again)),
            &Picker::new(&again)
        ),
        fresh
    );
}

#[test]
fn the_cache_answers_only_for_the_files_it_was_kept_for_as_they_are() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = dir.path().join("cache");
    let path = big_bank(dir.path());
    let mut read = builtin_caching_in(&cache);
    read.load_bank_file(&path).expect("bank");
    Picker::new(&read);
    let fw = builtin_caching_in(&cache);
    assert!(Picker::cached(&fw, std::slice::from_ref(&path)).is_some());

    // Another list of files: one more, or none.
    let small = dir.path().join("small.toml");
    std::fs::write(
        &small,
        "schema = 1\n[bank]\nid = \"small\"\nname = \"Small\"\n\n[[indicator]]\nid = \"small.1\"\ndomain = 3\ntext = \"Neighbours share a garden\"\n",
    )
    .expect("write");
    assert!(Picker::cached(&fw, &[path.clone(), small.clone()]).is_none());
    assert!(Picker::cached(&fw, &[small, path.clone()]).is_none());
    assert!(Picker::cached(&fw, &[]).is_none());
    // A framework that already holds more than the built-in bank is not the one keyed.
    assert!(Picker::cached(&read, std::slice::from_ref(&path)).is_none());
    // No cache folder: nothing to answer from.
    let uncached = Framework::builtin().expect("framework");
    assert!(Picker::cached(&uncached, std::slice::from_ref(&path)).is_none());

    // What a listing shows, damaged: never used.
    let shown = std::fs::read_dir(&cache)
        .expect("cache")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("shown-"))
        })
        .expect("kept beside the index");
    let good = std::fs::read(&shown).expect("read");
    let mut bad = good.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 0x20;
    std::fs::write(&shown, &bad).expect("damage");
    assert!(Picker::cached(&fw, std::slice::from_ref(&path)).is_none());
    std::fs::write(&shown, &good[..good.len() - 1]).expect("truncate");
    assert!(Picker::cached(&fw, std::slice::from_ref(&path)).is_none());
    // Gone: written again by the next query that reads the banks.
    std::fs::remove_file(&shown).expect("remove");
    assert!(Picker::cached(&fw, std::slice::from_ref(&path)).is_none());
    let mut again = builtin_caching_in(&cache);
    again.load_bank_file(&path).expect("bank");
    Picker::new(&again);
    assert!(Picker::cached(&fw, std::slice::from_ref(&path)).is_some());

    // The bank written again (even with the same text) is another file: read afresh.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, std::fs::read(&path).expect("read")).expect("rewrite");
    assert!(Picker::cached(&fw, std::slice::from_ref(&path)).is_none());
}
