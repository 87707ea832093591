//! The picker's word index in the cache (see `framework::cache`): the vocabulary with its
//! stems and counts, every indicator's place in the word pools, the pools, and the domains'
//! words, so a cached query over a large bank does not split 100,000 texts into words
//! again. The indicators' ids are not stored: they are the framework's, taken in order.

use serde::{Deserialize, Serialize};

use super::build::{Built, DomainWords, Entry, Pool};
use super::strings::Strings;
use super::vocab::Vocab;
use crate::framework::cache::{IndexKey, Reader, Writer, index_file_name};
use crate::framework::{Framework, Perspective, builtin_data_sum};

const KIND: &str = "index";
const PER_FRAME: usize = 8192;

#[derive(Serialize, Deserialize)]
struct StoredEntry {
    domain: u8,
    category: u8,
    perspective: Perspective,
    text: (u32, u32),
    keywords: (u32, u32),
    /// In the frame's own keyword strings.
    keyword_from: u32,
}

/// A frame of entries with their keywords as written.
type Frame = (Vec<StoredEntry>, Strings);

type Meta = (Vec<String>, Vec<DomainWords>, Vec<u32>, u64);
type VocabParts = (Vec<Box<str>>, Vec<u32>, Vec<u32>, Vec<Box<str>>);

/// The index kept for exactly these banks, if the cache has it whole and it fits them.
pub fn load(key: &IndexKey, fw: &Framework) -> Option<Built> {
    let mut ids = Strings::default();
    ids.reserve(
        fw.indicators().count(),
        fw.indicators().map(|i| i.id.len()).sum(),
    );
    for i in fw.indicators() {
        ids.push(&i.id);
    }
    with_ids(load_without_ids(key)?, ids)
}

/// The index with its indicators' ids, in order, if they are as many as its entries.
pub fn with_ids(mut b: Built, ids: Strings) -> Option<Built> {
    (ids.len() == b.entries.len()).then(|| {
        b.ids = ids;
        b
    })
}

/// `load` but for the ids (see `with_ids`), which the index does not hold.
pub fn load_without_ids(key: &IndexKey) -> Option<Built> {
    let bytes = key.bytes(builtin_data_sum());
    let mut r = Reader::open(&key.dir, &index_file_name(&key.files), KIND, &bytes)?;
    let (words, df, stem_of, stems): VocabParts = r.next()?;
    let vocab = Vocab::from_parts(words, df, stem_of, stems)?;
    let (categories, domains, domain_sizes, count): Meta = r.next()?;
    let count = usize::try_from(count).ok()?;
    // A damaged count cannot make the list huge before its frames run out.
    let mut entries = Vec::with_capacity(count.min(1 << 24));
    let mut keyword_text = Strings::default();
    while entries.len() < count {
        let (frame, strings): Frame = r.next()?;
        if frame.is_empty() || !strings.is_sound() {
            return None;
        }
        let s0 = keyword_text.len() as u32;
        keyword_text.append(&strings);
        for e in frame {
            entries.push(Entry {
                domain: e.domain,
                category: e.category,
                perspective: e.perspective,
                text: e.text,
                keywords: e.keywords,
                keyword_from: e.keyword_from.checked_add(s0)?,
            });
        }
    }
    let text = pool(&mut r)?;
    let keywords = pool(&mut r)?;
    let fits = |(a, z): (u32, u32), p: &Pool| a <= z && z as usize <= p.word.len();
    let sound = entries.len() == count
        && r.at_end()
        && entries
            .iter()
            .all(|e| fits(e.text, &text) && fits(e.keywords, &keywords));
    sound.then_some(Built {
        vocab,
        entries,
        ids: Strings::default(),
        keyword_text,
        text,
        keywords,
        categories,
        domains,
        domain_sizes,
    })
}

fn pool(r: &mut Reader) -> Option<Pool> {
    let p = Pool {
        word: long(r, u32::from_le_bytes)?,
        at: long(r, u32::from_le_bytes)?,
        len: long(r, u16::from_le_bytes)?,
    };
    (p.at.len() == p.word.len() && p.len.len() == p.word.len()).then_some(p)
}

/// Pools are a million numbers and more: written in frames, so reading needs a small
/// buffer, and as plain little-endian numbers, which read back far quicker than varints.
const POOL_FRAME: usize = 1 << 16;

fn long<T, const N: usize>(r: &mut Reader, from: fn([u8; N]) -> T) -> Option<Vec<T>> {
    let count = usize::try_from(r.next::<u64>()?).ok()?;
    // A damaged count cannot make the list huge before its frames run out.
    let mut out = Vec::with_capacity(count.min(1 << 24));
    while out.len() < count {
        let frame = r.next_raw()?;
        if frame.is_empty() || frame.len() % N != 0 {
            return None;
        }
        out.extend(
            frame
                .chunks_exact(N)
                .filter_map(|c| c.try_into().ok())
                .map(from),
        );
    }
    (out.len() == count).then_some(out)
}

fn push_long<T: Copy, const N: usize>(w: &mut Writer, list: &[T], to: fn(T) -> [u8; N]) {
    w.push(&(list.len() as u64));
    for chunk in list.chunks(POOL_FRAME) {
        let bytes: Vec<u8> = chunk.iter().flat_map(|x| to(*x)).collect();
        w.push_raw(&bytes);
    }
}

/// Keeps the index built for these banks for next time; best effort.
pub fn store(key: &IndexKey, b: &Built) {
    let mut w = Writer::new(KIND, &key.bytes(builtin_data_sum()));
    let (words, df, stem_of, stems) = b.vocab.parts();
    w.push(&(words, df, stem_of, stems));
    w.push(&(
        &b.categories,
        &b.domains,
        &b.domain_sizes,
        b.entries.len() as u64,
    ));
    for (n, chunk) in b.entries.chunks(PER_FRAME).enumerate() {
        let mut strings = Strings::default();
        let out: Vec<StoredEntry> = chunk
            .iter()
            .enumerate()
            .map(|(k, e)| {
                let keyword_from = strings.len() as u32;
                let next = b
                    .entries
                    .get(n * PER_FRAME + k + 1)
                    .map_or(b.keyword_text.len() as u32, |x| x.keyword_from);
                for s in e.keyword_from..next {
                    strings.push(b.keyword_text.get(s));
                }
                StoredEntry {
                    domain: e.domain,
                    category: e.category,
                    perspective: e.perspective,
                    text: e.text,
                    keywords: e.keywords,
                    keyword_from,
                }
            })
            .collect();
        w.push(&(out, strings));
    }
    for p in [&b.text, &b.keywords] {
        push_long(&mut w, &p.word, u32::to_le_bytes);
        push_long(&mut w, &p.at, u32::to_le_bytes);
        push_long(&mut w, &p.len, u16::to_le_bytes);
    }
    w.store(&key.dir, &index_file_name(&key.files));
}

#[cfg(test)]
mod tests {
    use super::super::{Picker, Query, build};
    use super::*;
    use crate::framework::synthetic;

    #[test]
    fn a_picker_from_the_cached_index_ranks_as_one_built_afresh() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = dir.path().join("cache");
        let base = Framework::builtin().expect("framework");
        let path = dir.path().join("big.toml");
        let text = synthetic::bank(&base, super::super::INDEX_CACHE_FROM)
            .to_toml("# test\n")
            .expect("toml");
        std::fs::write(&path, text).expect("write");
        let mut fw = base.clone();
        fw.cache_banks_in(cache.clone());
        fw.load_bank_file(&path).expect("bank");
        let key = fw.index_key().expect("keyed");
        assert!(load(&key, &fw).is_none());
        let first = Picker::new(&fw);
        let file = cache.join(index_file_name(&key.files));
        assert!(file.exists(), "the index is kept");
        let loaded = load(&key, &fw).expect("cached index");
        let fresh = build::build(&fw, 1);
        assert_eq!(loaded.text, fresh.text);
        assert_eq!(loaded.keywords, fresh.keywords);
        assert_eq!(loaded.domains, fresh.domains);
        let cached = Picker::new(&fw);
        for q in [
            "neighbours",
            "ask neighbours help",
            "esol",
            "hate crime",
            "locals",
            "#9",
        ] {
            let q = Query::parse(q, &fw);
            assert_eq!(cached.search(&q), first.search(&q), "{q:?}");
        }
        // A damaged index is rebuilt, never used.
        let mut bytes = std::fs::read(&file).expect("index");
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x55;
        std::fs::write(&file, &bytes).expect("damage");
        assert!(load(&key, &fw).is_none());
        let rebuilt = Picker::new(&fw);
        let q = Query::parse("hate crime", &fw);
        assert_eq!(rebuilt.search(&q), first.search(&q));
        assert!(load(&key, &fw).is_some(), "written again");
    }
}
