//! Generated banks of any size, for benchmarks and tests of large banks: deterministic
//! indicator texts built from the built-in bank's own words, so queries match as they
//! would in a real bank.

use super::{Bank, BankInfo, Framework, Indicator, IndicatorSource, Perspective};

const PERSPECTIVES: [Perspective; 4] = [
    Perspective::Newcomers,
    Perspective::ReceivingCommunity,
    Perspective::Institutions,
    Perspective::All,
];

/// A bank of `n` indicators with ids `generated.<n>`, spread over the 14 domains.
pub fn bank(fw: &Framework, n: usize) -> Bank {
    let words: Vec<String> = fw
        .indicators()
        .flat_map(|i| {
            i.text
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().all(char::is_alphabetic) && w.len() > 3)
        .collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let indicators = (0..n)
        .map(|i| {
            let len = 8 + (next() % 10) as usize;
            let text: Vec<&str> = (0..len)
                .map(|_| words[(next() % words.len() as u64) as usize].as_str())
                .collect();
            Indicator {
                id: format!("generated.{i}"),
                domain: (i % 14) as u8 + 1,
                text: format!("% of {}", text.join(" ")),
                perspective: PERSPECTIVES[i % 4],
                keywords: Vec::new(),
                source: IndicatorSource::User,
                quote_source: None,
                data_availability: Vec::new(),
            }
        })
        .collect();
    Bank {
        info: BankInfo {
            id: "generated".into(),
            name: format!("Generated bank of {n}"),
            description: "Generated for benchmarks; not real indicators.".into(),
        },
        indicators,
    }
}
