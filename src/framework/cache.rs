//! Large banks, once read, are kept in the user's cache folder in a form that reads about
//! ten times faster than their TOML, keyed by the bank file's exact content: a bank of
//! 100,000 indicators is 21 MB of TOML, and `tocplan indicators QUERY --bank BIG` should
//! not parse it on every query. Any trouble with the cache (missing, stale, unreadable,
//! from another version of tocplan, no folder to write to) falls back to reading the TOML.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::bank::{Bank, BankInfo, Indicator};

/// Banks smaller than this parse in a few milliseconds: not worth a cache file.
pub const CACHE_FROM: usize = 1 << 20;

#[derive(Serialize, Deserialize)]
struct Cached {
    /// The tocplan that wrote it: another version may read banks differently.
    tocplan: String,
    /// The bank file's length and fingerprint.
    len: u64,
    hash: u64,
    info: BankInfo,
    indicators: Vec<Indicator>,
}

fn fingerprint(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

fn file_for(dir: &Path, hash: u64) -> PathBuf {
    dir.join(format!("{hash:016x}.json"))
}

/// The bank read earlier from exactly this text, if the cache has it.
pub fn load(dir: &Path, text: &str) -> Option<Bank> {
    let hash = fingerprint(text);
    let bytes = crate::files::read(&file_for(dir, hash), crate::files::BANK).ok()?;
    let c: Cached = serde_json::from_slice(&bytes).ok()?;
    let same =
        c.tocplan == env!("CARGO_PKG_VERSION") && c.len == text.len() as u64 && c.hash == hash;
    same.then_some(Bank {
        info: c.info,
        indicators: c.indicators,
    })
}

/// Keeps a bank read from `text` for next time; best effort.
pub fn store(dir: &Path, text: &str, bank: &Bank) {
    let hash = fingerprint(text);
    let c = Cached {
        tocplan: env!("CARGO_PKG_VERSION").into(),
        len: text.len() as u64,
        hash,
        info: bank.info.clone(),
        indicators: bank.indicators.clone(),
    };
    let Ok(json) = serde_json::to_vec(&c) else {
        return;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    // Written whole and renamed into place, so a reader never sees half a file.
    if let Ok(mut tmp) = tempfile::NamedTempFile::new_in(dir) {
        use std::io::Write;
        if tmp.write_all(&json).is_ok() {
            let _ = tmp.persist(file_for(dir, hash));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::{Framework, synthetic};

    #[test]
    fn a_bank_comes_back_from_the_cache_only_for_the_same_text() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fw = Framework::builtin().expect("framework");
        let bank = synthetic::bank(&fw, 300);
        let text = bank.to_toml("# cached\n").expect("toml");
        assert!(load(dir.path(), &text).is_none());
        store(dir.path(), &text, &bank);
        let back = load(dir.path(), &text).expect("cached");
        assert_eq!(back, bank);
        // One byte different is another bank.
        let other = text.replacen("generated.1\"", "generated.x\"", 1);
        assert!(load(dir.path(), &other).is_none());
        // A damaged cache file is ignored.
        let file = file_for(dir.path(), fingerprint(&text));
        std::fs::write(&file, b"{ not json").expect("damage");
        assert!(load(dir.path(), &text).is_none());
    }
}
