//! What a listing of results shows of each indicator beyond the picker's index (its id,
//! text, domain, perspective and source), kept in the cache beside the index for the same
//! banks. With both, a cached query (`tocplan indicators QUERY --bank BIG`) reads no bank
//! at all: it never makes 100,000 indicators' strings to print a few thousand of them.
//! The two files are written together from a framework that loaded those banks whole.

use super::strings::Strings;
use crate::framework::cache::{IndexKey, Reader, Writer, shown_file_name};
use crate::framework::{Framework, IndicatorSource, Perspective, builtin_data_sum};

const KIND: &str = "shown";
const PER_FRAME: usize = 8192;

/// Every indicator of the banks, in `Framework::indicators()` order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shown {
    ids: Strings,
    texts: Strings,
    rest: Vec<(u8, Perspective, IndicatorSource)>,
}

/// One indicator as a listing shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShownIndicator<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub domain: u8,
    pub perspective: Perspective,
    pub source: IndicatorSource,
}

type Frame = (Strings, Strings, Vec<(u8, Perspective, IndicatorSource)>);

impl Shown {
    pub fn len(&self) -> usize {
        self.rest.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<ShownIndicator<'_>> {
        let &(domain, perspective, source) = self.rest.get(index)?;
        Some(ShownIndicator {
            id: self.ids.get(index as u32),
            text: self.texts.get(index as u32),
            domain,
            perspective,
            source,
        })
    }

    pub fn ids(&self) -> &Strings {
        &self.ids
    }
}

/// What was kept for exactly these banks, if the cache has it whole.
pub fn load(key: &IndexKey) -> Option<Shown> {
    let bytes = key.bytes(builtin_data_sum());
    let mut r = Reader::open(&key.dir, &shown_file_name(&key.files), KIND, &bytes)?;
    let (count, id_bytes, text_bytes): (u64, u64, u64) = r.next()?;
    let count = usize::try_from(count).ok()?;
    let mut shown = Shown::default();
    // Sized once from the header; a damaged header cannot make them huge (see `long`).
    let cap = |n: u64| usize::try_from(n).map_or(0, |n| n.min(1 << 26));
    shown.ids.reserve(count.min(1 << 24), cap(id_bytes));
    shown.texts.reserve(count.min(1 << 24), cap(text_bytes));
    shown.rest.reserve_exact(count.min(1 << 24));
    while shown.rest.len() < count {
        let (ids, texts, rest): Frame = r.next()?;
        let n = rest.len();
        if n == 0 || ids.len() != n || texts.len() != n || !ids.is_sound() || !texts.is_sound() {
            return None;
        }
        shown.ids.append(&ids);
        shown.texts.append(&texts);
        shown.rest.extend(rest);
    }
    (shown.rest.len() == count && r.at_end()).then_some(shown)
}

/// Keeps what a listing shows of `fw`'s indicators for next time; best effort.
pub fn store(key: &IndexKey, fw: &Framework) {
    let mut w = Writer::new(KIND, &key.bytes(builtin_data_sum()));
    let (mut count, mut id_bytes, mut text_bytes) = (0u64, 0u64, 0u64);
    for i in fw.indicators() {
        count += 1;
        id_bytes += i.id.len() as u64;
        text_bytes += i.text.len() as u64;
    }
    w.push(&(count, id_bytes, text_bytes));
    let all: Vec<_> = fw.indicators().collect();
    for chunk in all.chunks(PER_FRAME) {
        let mut frame: Frame = Default::default();
        for i in chunk {
            frame.0.push(&i.id);
            frame.1.push(&i.text);
            frame.2.push((i.domain, i.perspective, i.source));
        }
        w.push(&frame);
    }
    w.store(&key.dir, &shown_file_name(&key.files));
}
