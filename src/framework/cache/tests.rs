use super::*;
use crate::framework::{Framework, synthetic};

fn bank_file(dir: &Path, n: usize) -> (PathBuf, crate::framework::Bank) {
    let fw = Framework::builtin().expect("framework");
    let bank = synthetic::bank(&fw, n);
    let path = dir.join("big.toml");
    std::fs::write(&path, bank.to_toml("# cached\n").expect("toml")).expect("write");
    (path, bank)
}

#[test]
fn a_bank_comes_back_from_the_cache_only_for_the_same_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = dir.path().join("cache");
    let (path, bank) = bank_file(dir.path(), 300);
    let id = Identity::of(&path).expect("identity");
    assert!(load_bank(&cache, &id).is_none());
    store_bank(&cache, &id, &bank);
    assert_eq!(load_bank(&cache, &id).expect("cached"), bank);
    // The file written again (same size, same content) is another file: ctime moved.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, std::fs::read(&path).expect("read")).expect("rewrite");
    let again = Identity::of(&path).expect("identity");
    assert_ne!(again, id);
    assert!(load_bank(&cache, &again).is_none());
}

/// Every way a cache file can be wrong makes it ignored, never trusted.
#[test]
fn a_truncated_foreign_or_damaged_cache_file_is_ignored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = dir.path().join("cache");
    let (path, bank) = bank_file(dir.path(), 9000);
    let id = Identity::of(&path).expect("identity");
    store_bank(&cache, &id, &bank);
    let file = cache.join(bank_file_name(&id));
    let good = std::fs::read(&file).expect("cache file");
    assert!(load_bank(&cache, &id).is_some());
    let mut damaged: Vec<(&str, Vec<u8>)> = Vec::new();
    for cut in [0, 5, MAGIC.len() + 2, good.len() / 2, good.len() - 1] {
        damaged.push(("truncated", good[..cut].to_vec()));
    }
    let mut other_format = good.clone();
    other_format[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&(FORMAT + 1).to_le_bytes());
    damaged.push(("another format", other_format));
    let mut flipped = good.clone();
    let mid = good.len() * 2 / 3;
    flipped[mid] ^= 0x20;
    damaged.push(("one byte changed", flipped));
    let mut longer = good.clone();
    longer.extend_from_slice(b"more");
    damaged.push(("bytes after the end", longer));
    damaged.push((
        "garbage",
        (0..good.len()).map(|i| (i * 7919 % 251) as u8).collect(),
    ));
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let at = good
        .windows(version.len())
        .position(|w| w == version)
        .expect("version in header");
    let mut other_version = good.clone();
    other_version[at] = b'9';
    damaged.push(("another tocplan", other_version));
    for (what, bytes) in damaged {
        std::fs::write(&file, &bytes).expect("damage");
        assert!(load_bank(&cache, &id).is_none(), "{what}");
    }
    // And the framework then reads the TOML and writes a good cache again.
    let mut fw = Framework::builtin().expect("framework");
    fw.cache_banks_in(cache.clone());
    fw.load_bank_file(&path).expect("loads from TOML");
    assert_eq!(
        fw.indicators().count(),
        Framework::builtin().expect("fw").indicators().count() + 9000
    );
    assert_eq!(load_bank(&cache, &id).expect("rewritten"), bank);
}

#[test]
fn the_checksum_sees_every_byte() {
    let base: Vec<u8> = (0..100u8).collect();
    let sum = checksum(&base);
    for i in 0..base.len() {
        let mut b = base.clone();
        b[i] ^= 1;
        assert_ne!(checksum(&b), sum, "byte {i}");
    }
    assert_ne!(checksum(&base[..99]), sum);
}

#[test]
fn the_cache_folder_keeps_to_its_budget_by_letting_the_least_recently_used_go() {
    use std::time::{Duration, SystemTime};
    let dir = tempfile::tempdir().expect("dir");
    let at = |name: &str, len: usize, age: u64| {
        let path = dir.path().join(name);
        std::fs::write(&path, vec![0u8; len]).expect("write");
        let f = std::fs::File::options()
            .write(true)
            .open(&path)
            .expect("open");
        f.set_modified(SystemTime::now() - Duration::from_secs(age))
            .expect("mtime");
    };
    at("bank-1-1.bin", 400, 300); // the oldest: goes first
    at("index-0000000000000001.bin", 400, 200);
    at("shown-0000000000000001.bin", 400, 100);
    at("bank-2-2.bin", 400, 0); // just written: never removed
    at("notes.txt", 5000, 1000); // not tocplan's: never touched
    super::sweep(dir.path(), "bank-2-2.bin", 1000);
    let left = |n: &str| dir.path().join(n).exists();
    assert!(!left("bank-1-1.bin"));
    assert!(!left("index-0000000000000001.bin"));
    assert!(left("shown-0000000000000001.bin"));
    assert!(left("bank-2-2.bin"));
    assert!(left("notes.txt"));
    // Under budget, nothing goes.
    super::sweep(dir.path(), "bank-2-2.bin", 1000);
    assert!(left("shown-0000000000000001.bin"));
}

#[test]
fn a_cache_file_read_counts_as_used() {
    use std::time::{Duration, SystemTime};
    let dir = tempfile::tempdir().expect("dir");
    let (path, bank) = bank_file(dir.path(), 50);
    let id = super::Identity::of(&path).expect("identity");
    super::store_bank(dir.path(), &id, &bank);
    let name = super::bank_file_name(&id);
    let file = dir.path().join(&name);
    let old = SystemTime::now() - Duration::from_secs(86_400);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .expect("open")
        .set_modified(old)
        .expect("mtime");
    assert!(super::load_bank(dir.path(), &id).is_some());
    let now = std::fs::metadata(&file)
        .expect("meta")
        .modified()
        .expect("mtime");
    assert!(
        now > old + Duration::from_secs(3600),
        "reading marks it used"
    );
}
