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

/// The bank read earlier from the file of this identity, if the cache has it whole.
pub fn load_bank(dir: &std::path::Path, id: &Identity) -> Option<Bank> {
    let mut r = Reader::open(dir, &bank_file_name(id), KIND, &key(id))?;
    let (info, count): (BankInfo, u64) = r.next()?;
    // The count sizes the list once; a damaged count cannot make it huge.
    let count = usize::try_from(count).ok()?;
    let mut indicators = Vec::with_capacity(count.min(id.len as usize / 8 + 1));
    while indicators.len() < count {
        let frame: Vec<In> = r.next()?;
        if frame.is_empty() {
            return None;
        }
        indicators.extend(frame.into_iter().map(|i| Indicator {
            id: i.id,
            domain: i.domain,
            text: i.text,
            perspective: i.perspective,
            keywords: i.keywords,
            source: i.source,
            quote_source: i.quote_source,
            data_availability: i.data_availability,
        }));
    }
    (indicators.len() == count && r.at_end()).then_some(Bank { info, indicators })
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
