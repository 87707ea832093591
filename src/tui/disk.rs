//! The plan's file as the app last saw it, named: a fingerprint, or no file at all
//! (`Option<u64>` elsewhere, `None` being "no file"). Nested options said "nothing" and
//! "no file" with the same word; these say which.

/// What a save may overwrite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// Whatever is there: the planner said to overwrite it.
    Any,
    /// Nothing: the file must not exist yet (saving as another file).
    Absent,
    /// The file as it was read or last written, with this fingerprint.
    Fingerprint(u64),
}

impl Guard {
    /// The guard for a file last seen with this fingerprint (`None`: no file then).
    pub fn seen(disk: Option<u64>) -> Guard {
        match disk {
            Some(hash) => Guard::Fingerprint(hash),
            None => Guard::Absent,
        }
    }

    /// Whether the file as it is now (`None`: no file) may be written over.
    pub fn allows(self, now: Option<u64>) -> bool {
        match self {
            Guard::Any => true,
            Guard::Absent => now.is_none(),
            Guard::Fingerprint(hash) => now == Some(hash),
        }
    }
}

/// An outside version of the file the planner chose not to load, so it is not asked
/// about again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Declined {
    #[default]
    Nothing,
    /// The file went from disk and the planner kept their version.
    Gone,
    /// The file with this fingerprint.
    Version(u64),
}

impl Declined {
    /// Declining the file as it is now (`None`: no file).
    pub fn of(now: Option<u64>) -> Declined {
        match now {
            Some(hash) => Declined::Version(hash),
            None => Declined::Gone,
        }
    }

    /// Whether the file as it is now is the version declined (`of` is never `Nothing`).
    pub fn is(self, now: Option<u64>) -> bool {
        self == Declined::of(now)
    }
}

/// What the app knows of the file's content beyond its fingerprint: the plan as last read
/// or saved (the base of a merge by item with an outside change), and the last outside
/// version taken in, so undoing it puts back what the file was.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// The plan as the file held it when last read or saved.
    pub base: crate::plan::Plan,
    /// The last outside version reloaded or merged in, as one undoable change.
    pub taken: Option<Taken>,
}

/// An outside version taken in as one change from `before` to `after`: undoing it makes
/// the file's version news again, so a save asks instead of overwriting it; redoing it
/// makes it the known version again.
#[derive(Debug, Clone)]
pub struct Taken {
    pub before: u64,
    pub after: u64,
    /// The file's fingerprint and the base before and after the change.
    pub disk_before: Option<u64>,
    pub base_before: crate::plan::Plan,
    pub disk_after: Option<u64>,
    pub base_after: crate::plan::Plan,
}
