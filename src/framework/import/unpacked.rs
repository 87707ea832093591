//! A workbook (xlsx, ods) is a zip archive, and a few kilobytes of zip can unpack to
//! gigabytes. Before calamine reads one, its parts are counted and unpacked once into
//! nothing, counting bytes, stopping at the limit: the sizes the archive declares are
//! checked first (cheap), and then what it really unpacks to, since a hostile archive can
//! declare anything.

use std::io::{Cursor, Read};

/// Far beyond the Home Office toolkit (well under 1 MB unpacked) or any sheet of
/// indicators, and well within the memory of a small server.
pub const MAX_UNPACKED: u64 = 256 << 20;
/// A workbook has a few dozen parts.
pub const MAX_PARTS: usize = 10_000;

/// Whether the bytes are a zip archive (the only workbook formats that unpack).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Refuses an archive with too many parts or that unpacks beyond `MAX_UNPACKED`. An
/// archive zip cannot read is left for calamine to report in its own words.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    check_within(bytes, MAX_UNPACKED, MAX_PARTS)
}

fn check_within(bytes: &[u8], max_unpacked: u64, max_parts: usize) -> Result<(), String> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let too_large = || {
        format!(
            "it unpacks to more than {}, the most tocplan unpacks for a spreadsheet (is it a zip bomb?)",
            crate::files::size_words(max_unpacked)
        )
    };
    if archive.len() > max_parts {
        return Err(format!(
            "it holds {} parts, more than the {max_parts} tocplan reads in a spreadsheet (a workbook has a few dozen)",
            archive.len()
        ));
    }
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        if let Ok(part) = archive.by_index_raw(i) {
            declared = declared.saturating_add(part.size());
        }
        if declared > max_unpacked {
            return Err(too_large());
        }
    }
    let mut unpacked: u64 = 0;
    for i in 0..archive.len() {
        let Ok(part) = archive.by_index(i) else {
            continue;
        };
        let left = max_unpacked - unpacked;
        let n = std::io::copy(&mut part.take(left + 1), &mut std::io::sink()).unwrap_or(0);
        unpacked += n;
        if unpacked > max_unpacked {
            return Err(too_large());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A zip whose one part is `size` zero bytes: a few hundred KB that unpack to `size`.
    pub fn bomb(size: u64) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(size > u64::from(u32::MAX));
        w.start_file("xl/sharedStrings.xml", opts).expect("start");
        let chunk = vec![0u8; 1 << 20];
        let mut left = size;
        while left > 0 {
            let n = left.min(chunk.len() as u64) as usize;
            w.write_all(&chunk[..n]).expect("write");
            left -= n as u64;
        }
        w.finish().expect("finish").into_inner()
    }

    /// Sets every size the archive declares for its parts (local and central headers) to
    /// `size`, as a hostile archive would, to hide what it unpacks to.
    fn lie_about_sizes(mut zip: Vec<u8>, size: u32) -> Vec<u8> {
        for (sig, at) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
            let starts: Vec<usize> = zip
                .windows(4)
                .enumerate()
                .filter(|(_, w)| w == sig)
                .map(|(i, _)| i)
                .collect();
            for s in starts {
                zip[s + at..s + at + 4].copy_from_slice(&size.to_le_bytes());
            }
        }
        zip
    }

    #[test]
    fn refuses_an_archive_that_unpacks_too_far_and_passes_a_small_one() {
        let mb = 1 << 20;
        let big = bomb(4 * mb);
        assert!(big.len() < 64 * 1024, "{} bytes", big.len());
        assert!(is_zip(&big));
        let err = check_within(&big, 2 * mb, 10).expect_err("refused");
        assert!(err.contains("2 MB") && err.contains("zip bomb"), "{err}");
        assert!(check_within(&big, 8 * mb, 10).is_ok());
        assert!(check(b"not a zip").is_ok());
        let many = check_within(&big, 8 * mb, 0).expect_err("too many parts");
        assert!(many.contains("1 parts, more than the 0"), "{many}");
    }

    #[test]
    fn sizes_an_archive_declares_falsely_are_not_believed() {
        let mb = 1 << 20;
        let liar = lie_about_sizes(bomb(4 * mb), 1000);
        // Either zip stops at the declared size (and so does calamine, which reads through
        // it), or the counting catches it: never 4 MB unpacked under a 2 MB limit.
        match check_within(&liar, 2 * mb, 10) {
            Err(e) => assert!(e.contains("zip bomb"), "{e}"),
            Ok(()) => {
                let mut archive = zip::ZipArchive::new(Cursor::new(&liar[..])).expect("zip");
                let part = archive.by_index(0).expect("part");
                let n = std::io::copy(&mut part.take(8 * mb), &mut std::io::sink()).unwrap_or(0);
                assert!(n <= 2 * mb, "{n}");
            }
        }
    }
}
