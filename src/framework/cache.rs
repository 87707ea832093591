//! Large banks, once read, are kept in the user's cache folder in a compact binary form
//! (postcard), with the picker's word index built from them, so `tocplan indicators QUERY
//! --bank BIG` neither parses 21 MB of TOML nor splits 100,000 texts into words on every
//! query. A cache file is trusted only when everything about it checks out: its magic and
//! format number, the tocplan that wrote it, the key it was written for (the bank file's
//! identity: device, inode, size, modification and change times), every frame's length
//! and checksum, and its end. Anything else (missing, stale, truncated, from another
//! version, garbage, no folder to write to) is ignored and the bank is read from its TOML.
//!
//! The key is the file's identity rather than a hash of its text so that a cached query
//! does not have to read the bank at all; the change time (ctime) moves on every write
//! and cannot be set back by `touch`, so an edited bank is never mistaken for the old one.
//!
//! A file is a header and frames: `MAGIC`, the format as u32 (little-endian), then frames
//! of `[u32 length][u64 checksum][postcard bytes]`, the first holding the header proper.
//! Frames are read one at a time into one buffer, or (a bank's indicators) all at once to
//! be decoded on several threads.

mod bank;

pub use bank::{load_bank, store_bank};

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize, de::DeserializeOwned};

/// Banks smaller than this parse in a few milliseconds: not worth a cache file.
pub const CACHE_FROM: u64 = 1 << 20;

/// What the cache folder may hold. Files are named by the bank file's identity, so every
/// saved version of a bank (an editor that writes a new file gets a new inode) is a new
/// file, and nothing else tells which of them are stale: past this, the least recently
/// used go, as ccache and sccache do. A 100,000-indicator bank takes about 40 MB.
pub const BUDGET: u64 = 256 << 20;

const MAGIC: &[u8; 14] = b"tocplan-cache\n";
/// Bumped whenever what a cache file holds changes shape.
pub const FORMAT: u32 = 2;

/// What identifies a bank file on disk without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub dev: u64,
    pub ino: u64,
    pub len: u64,
    pub mtime: (i64, i64),
    pub ctime: (i64, i64),
}

impl Identity {
    /// The identity of the regular file at `path` (links followed, as reading does).
    #[cfg(unix)]
    pub fn of(path: &Path) -> Option<Identity> {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(path).ok()?;
        m.is_file().then(|| Identity {
            dev: m.dev(),
            ino: m.ino(),
            len: m.len(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
        })
    }

    /// Elsewhere there is no change time to trust: never cached.
    #[cfg(not(unix))]
    pub fn of(_path: &Path) -> Option<Identity> {
        None
    }
}

#[derive(Serialize, Deserialize, PartialEq)]
struct Header {
    /// The tocplan that wrote it: another version may read banks differently.
    tocplan: String,
    /// What the file holds ("bank", "index").
    kind: String,
    /// What it was made from, as its writer encoded it; compared byte for byte.
    key: Vec<u8>,
}

/// A cache file being read, frame by frame.
pub struct Reader {
    file: std::fs::File,
    /// Bytes not yet read: no frame may claim more.
    left: u64,
    buf: Vec<u8>,
}

impl Reader {
    /// Opens the cache file `name` in `dir` if it is of this format and version, of this
    /// kind, and written for exactly `key`.
    pub fn open(dir: &Path, name: &str, kind: &str, key: &[u8]) -> Option<Reader> {
        let file = std::fs::File::open(dir.join(name)).ok()?;
        let left = file.metadata().ok()?.len();
        let mut r = Reader {
            file,
            left,
            buf: Vec::new(),
        };
        let mut start = [0u8; MAGIC.len() + 4];
        r.read_exact(&mut start)?;
        let (magic, format) = start.split_at(MAGIC.len());
        if magic != MAGIC || format != FORMAT.to_le_bytes() {
            return None;
        }
        let want = Header {
            tocplan: env!("CARGO_PKG_VERSION").into(),
            kind: kind.into(),
            key: key.to_vec(),
        };
        let ok = r.next::<Header>()? == want;
        if ok {
            // Used now: the sweep keeps what is used and lets go what is not.
            let _ = r.file.set_modified(std::time::SystemTime::now());
        }
        ok.then_some(r)
    }

    fn read_exact(&mut self, out: &mut [u8]) -> Option<()> {
        self.left = self.left.checked_sub(out.len() as u64)?;
        self.file.read_exact(out).ok()
    }

    /// The next frame, if it is whole, unchanged and of the type expected.
    pub fn next<T: DeserializeOwned>(&mut self) -> Option<T> {
        postcard::from_bytes(self.next_raw()?).ok()
    }

    /// The next frame's bytes as written by `Writer::push_raw`, if whole and unchanged.
    pub fn next_raw(&mut self) -> Option<&[u8]> {
        let mut head = [0u8; 12];
        self.read_exact(&mut head)?;
        let (len, sum) = head.split_at(4);
        let len = u32::from_le_bytes(len.try_into().ok()?) as usize;
        let sum = u64::from_le_bytes(sum.try_into().ok()?);
        if len as u64 > self.left {
            return None;
        }
        let mut buf = std::mem::take(&mut self.buf);
        buf.resize(len, 0);
        let ok = self.read_exact(&mut buf).is_some() && checksum(&buf) == sum;
        self.buf = buf;
        ok.then_some(&self.buf[..])
    }

    /// All the frames left, read at once, to be checked and decoded on several threads.
    pub fn rest(mut self) -> Option<Frames> {
        let mut bytes = vec![0u8; usize::try_from(self.left).ok()?];
        self.read_exact(&mut bytes)?;
        let mut spans = Vec::new();
        let mut at = 0usize;
        while at < bytes.len() {
            let head = bytes.get(at..at + 12)?;
            let (len, sum) = head.split_at(4);
            let len = u32::from_le_bytes(len.try_into().ok()?) as usize;
            let sum = u64::from_le_bytes(sum.try_into().ok()?);
            let start = at + 12;
            let end = start.checked_add(len).filter(|e| *e <= bytes.len())?;
            spans.push((start..end, sum));
            at = end;
        }
        Some(Frames { bytes, spans })
    }

    /// Whether the file ends here, as it should after its last frame.
    pub fn at_end(&self) -> bool {
        self.left == 0
    }
}

/// The frames of a cache file read whole (see `Reader::rest`).
pub struct Frames {
    bytes: Vec<u8>,
    spans: Vec<(std::ops::Range<usize>, u64)>,
}

impl Frames {
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Frame `i`, if it is unchanged and of the type expected.
    pub fn get<T: DeserializeOwned>(&self, i: usize) -> Option<T> {
        let (span, sum) = self.spans.get(i)?;
        let frame = self.bytes.get(span.clone())?;
        (checksum(frame) == *sum)
            .then(|| postcard::from_bytes(frame).ok())
            .flatten()
    }
}

/// A cache file being made; stored whole at the end.
pub struct Writer {
    bytes: Vec<u8>,
    ok: bool,
}

impl Writer {
    pub fn new(kind: &str, key: &[u8]) -> Writer {
        let mut w = Writer {
            bytes: MAGIC.to_vec(),
            ok: true,
        };
        w.bytes.extend_from_slice(&FORMAT.to_le_bytes());
        w.push(&Header {
            tocplan: env!("CARGO_PKG_VERSION").into(),
            kind: kind.into(),
            key: key.to_vec(),
        });
        w
    }

    pub fn push<T: Serialize + ?Sized>(&mut self, value: &T) {
        let Ok(frame) = postcard::to_stdvec(value) else {
            self.ok = false;
            return;
        };
        self.push_raw(&frame);
    }

    /// A frame of bytes as they are (for `Reader::next_raw`).
    pub fn push_raw(&mut self, frame: &[u8]) {
        let Ok(len) = u32::try_from(frame.len()) else {
            self.ok = false;
            return;
        };
        self.bytes.extend_from_slice(&len.to_le_bytes());
        self.bytes.extend_from_slice(&checksum(frame).to_le_bytes());
        self.bytes.extend_from_slice(frame);
    }

    /// Writes the file as `name` in `dir`; best effort. Written whole to a temporary file
    /// and renamed into place, so a reader never sees half a file.
    pub fn store(self, dir: &Path, name: &str) {
        if !self.ok || std::fs::create_dir_all(dir).is_err() {
            return;
        }
        if let Ok(mut tmp) = tempfile::NamedTempFile::new_in(dir) {
            use std::io::Write;
            if tmp.write_all(&self.bytes).is_ok() && tmp.persist(dir.join(name)).is_ok() {
                sweep(dir, name, BUDGET);
            }
        }
    }
}

/// Removes the least recently used of tocplan's cache files in `dir` (never `keep`, the
/// one just written) until they take no more than `budget` bytes together; best effort.
pub fn sweep(dir: &Path, keep: &str, budget: u64) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, u64, PathBuf)> = entries
        .flatten()
        .filter(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            n != keep
                && n.ends_with(".bin")
                && ["bank-", "index-", "shown-"]
                    .iter()
                    .any(|p| n.starts_with(p))
        })
        .filter_map(|e| {
            let m = e.metadata().ok()?;
            if !m.is_file() {
                return None;
            }
            Some((m.modified().ok()?, m.len(), e.path()))
        })
        .collect();
    let kept = std::fs::metadata(dir.join(keep)).map_or(0, |m| m.len());
    let mut total: u64 = kept + files.iter().map(|f| f.1).sum::<u64>();
    files.sort_by_key(|f| f.0);
    for (_, len, path) in files {
        if total <= budget {
            break;
        }
        if std::fs::remove_file(&path).is_ok() {
            total -= len;
        }
    }
}

/// A fast checksum of a frame, to tell a damaged cache file from a good one (not a
/// defence against anyone: the cache folder is the user's own). Four lanes of
/// multiply-and-rotate over 8-byte words, so 20 MB take a few milliseconds.
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: [u64; 4] = [
        0x9E37_79B9_7F4A_7C15,
        0xC2B2_AE3D_27D4_EB4F,
        0x1656_67B1_9E37_79F9,
        0x85EB_CA77_C2B2_AE63,
    ];
    let mut lanes = K;
    let word = |c: &[u8]| {
        let mut w = [0u8; 8];
        w[..c.len()].copy_from_slice(c);
        u64::from_le_bytes(w)
    };
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (lane, (c, k)) in lanes.iter_mut().zip(block.chunks_exact(8).zip(K)) {
            *lane = (*lane ^ word(c)).wrapping_mul(k).rotate_left(29);
        }
    }
    for (i, c) in blocks.remainder().chunks(8).enumerate() {
        lanes[i] = (lanes[i] ^ word(c)).wrapping_mul(K[i]).rotate_left(29);
    }
    let mut h = bytes.len() as u64;
    for (lane, k) in lanes.iter().zip(K) {
        h = (h ^ lane).wrapping_mul(k).rotate_left(31);
    }
    h ^ (h >> 29)
}

/// A short stable name for what a key names, for a file name.
pub fn name_hash(parts: &[u8]) -> u64 {
    checksum(parts)
}

/// The cache file of a bank file: one per file on disk, replaced when the file changes.
pub fn bank_file_name(id: &Identity) -> String {
    format!("bank-{:x}-{:x}.bin", id.dev, id.ino)
}

/// Where the picker's index for a set of banks is kept.
pub fn index_file_name(files: &[Identity]) -> String {
    let places: Vec<(u64, u64)> = files.iter().map(|i| (i.dev, i.ino)).collect();
    let bytes = postcard::to_stdvec(&places).unwrap_or_default();
    format!("index-{:016x}.bin", name_hash(&bytes))
}

/// Where what a listing shows of each indicator is kept for the same banks (see
/// `picker::shown`).
pub fn shown_file_name(files: &[Identity]) -> String {
    index_file_name(files).replacen("index-", "shown-", 1)
}

/// The cache folder and the bank files' identities the picker's index is keyed on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexKey {
    pub dir: PathBuf,
    pub files: Vec<Identity>,
}

impl IndexKey {
    /// The key's bytes: the built-in data (which the index also holds words of) and every
    /// bank file in the order loaded.
    pub fn bytes(&self, builtin: u64) -> Vec<u8> {
        postcard::to_stdvec(&(builtin, &self.files)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
