//! A bank in the cache: its info and count, then its indicators in frames of a few
//! thousand, each field in a fixed order (postcard keeps no field names, so the bank
//! format's optional fields are written always, unlike in TOML).

use serde::{Deserialize, Serialize};

use super::{Identity, Reader, Writer, bank_file_name};
use crate::framework::{Bank, BankInfo, DataAvailability, Indicator, IndicatorSource, Perspective};

const KIND: &str = "bank";
/// Indicators per frame: small enough that the reading buffer stays small.
const PER_FRAME: usize = 4096;

#[derive(Serialize)]
struct Out<'a> {
    id: &'a str,
    domain: u8,
    text: &'a str,
    perspective: Perspective,
    keywords: &'a [String],
    source: IndicatorSource,
    quote_source: &'a Option<String>,
    data_availability: &'a [DataAvailability],
}

#[derive(Deserialize)]
struct In {
    id: String,
    domain: u8,
    text: String,
    perspective: Perspective,
    keywords: Vec<String>,
    source: IndicatorSource,
    quote_source: Option<String>,
    data_availability: Vec<DataAvailability>,
}

fn key(id: &Identity) -> Vec<u8> {
    postcard::to_stdvec(id).unwrap_or_default()
}

/// The bank read earlier from the file of this identity, if the cache has it whole. Its
/// frames are decoded on every core: making 100,000 indicators' strings is most of a
/// cached query's reading.
pub fn load_bank(dir: &std::path::Path, id: &Identity) -> Option<Bank> {
    let mut r = Reader::open(dir, &bank_file_name(id), KIND, &key(id))?;
    let (info, count): (BankInfo, u64) = r.next()?;
    let count = usize::try_from(count).ok()?;
    let frames = r.rest()?;
    if frames.is_empty() {
        return (count == 0).then(|| Bank {
            info,
            indicators: Vec::new(),
        });
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get().min(8))
        .min(frames.len())
        .max(1);
    // Thread t decodes frames t, t + threads, ...: frames are alike in size.
    let decode = |t: usize| -> Option<Vec<Vec<Indicator>>> {
        (t..frames.len())
            .step_by(threads)
            .map(|i| {
                let frame: Vec<In> = frames.get(i)?;
                (!frame.is_empty()).then(|| frame.into_iter().map(In::into).collect())
            })
            .collect()
    };
    let parts: Vec<Option<Vec<Vec<Indicator>>>> = if threads == 1 {
        vec![decode(0)]
    } else {
        std::thread::scope(|s| {
            let decode = &decode;
            let handles: Vec<_> = (0..threads).map(|t| s.spawn(move || decode(t))).collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    let mut parts: Vec<std::vec::IntoIter<Vec<Indicator>>> = parts
        .into_iter()
        .map(|p| p.map(Vec::into_iter))
        .collect::<Option<_>>()?;
    // The count sizes the list once, after the frames have shown it true.
    let mut indicators = Vec::new();
    let held: usize = frames.len() * PER_FRAME;
    indicators.reserve_exact(count.min(held));
    for i in 0..frames.len() {
        indicators.extend(parts.get_mut(i % threads)?.next()?);
    }
    drop(frames);
    (indicators.len() == count).then_some(Bank { info, indicators })
}

impl From<In> for Indicator {
    fn from(i: In) -> Indicator {
        Indicator {
            id: i.id,
            domain: i.domain,
            text: i.text,
            perspective: i.perspective,
            keywords: i.keywords,
            source: i.source,
            quote_source: i.quote_source,
            data_availability: i.data_availability,
        }
    }
}

/// Keeps a bank read from the file of this identity for next time; best effort.
pub fn store_bank(dir: &std::path::Path, id: &Identity, bank: &Bank) {
    let mut w = Writer::new(KIND, &key(id));
    w.push(&(&bank.info, bank.indicators.len() as u64));
    for chunk in bank.indicators.chunks(PER_FRAME) {
        let out: Vec<Out> = chunk
            .iter()
            .map(|i| Out {
                id: &i.id,
                domain: i.domain,
                text: &i.text,
                perspective: i.perspective,
                keywords: &i.keywords,
                source: i.source,
                quote_source: &i.quote_source,
                data_availability: &i.data_availability,
            })
            .collect();
        w.push(&out);
    }
    w.store(dir, &bank_file_name(id));
}
