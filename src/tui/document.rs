//! The document: the plan, its undo history, its versions, the file it belongs to, and
//! the review derived from it. Its fields are private and every change goes through a
//! method that keeps the review true, so no reader can see a review of another plan
//! than the one it reads.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::history::History;
use super::undo::Edit;
use crate::framework::Framework;
use crate::plan::review::{At, Finding, review};
use crate::plan::{Field, FieldError, Plan};

#[derive(Debug, Clone)]
pub struct Document {
    plan: Plan,
    path: PathBuf,
    history: History,
    /// Names the plan's state: bumped on every change; unsaved while it differs from
    /// `saved_version`.
    version: u64,
    saved_version: u64,
    next_version: u64,
    /// The fingerprint of the file as last read or written (`None`: no file yet), so a
    /// change from outside is noticed and never overwritten unasked.
    disk: Option<u64>,
    findings: Vec<Finding>,
    /// The items with findings that count (for the panes' marks).
    flagged: HashSet<String>,
}

impl Document {
    pub fn new(plan: Plan, path: PathBuf, fw: &Framework) -> Document {
        let mut doc = Document {
            plan,
            path,
            history: History::default(),
            version: 0,
            saved_version: 0,
            next_version: 1,
            disk: None,
            findings: Vec::new(),
            flagged: HashSet::new(),
        };
        doc.derive(fw);
        doc
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    pub fn saved_version(&self) -> u64 {
        self.saved_version
    }

    pub fn dirty(&self) -> bool {
        self.version != self.saved_version
    }

    pub fn disk(&self) -> Option<u64> {
        self.disk
    }

    /// The file now has this fingerprint (read, or found at start).
    pub fn set_disk(&mut self, disk: Option<u64>) {
        self.disk = disk;
    }

    /// A save of `version` wrote `path`, which now has fingerprint `disk`.
    pub fn saved(&mut self, path: PathBuf, version: u64, disk: u64) {
        self.path = path;
        self.saved_version = version;
        self.disk = Some(disk);
    }

    /// The plan as it is now is the file's (reloaded from it).
    pub fn mark_clean(&mut self, disk: Option<u64>) {
        self.saved_version = self.version;
        self.disk = disk;
    }

    /// The review of the plan as it is.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Whether the review has a finding that counts (not advice, not waived) on an item.
    pub fn flagged(&self, id: &str) -> bool {
        self.flagged.contains(id)
    }

    /// Applies a change, recorded so it can be undone and named as `edit`.
    pub fn change<T>(&mut self, fw: &Framework, edit: Edit, f: impl FnOnce(&mut Plan) -> T) -> T {
        let before = self.plan.clone();
        let out = f(&mut self.plan);
        self.recorded(before, fw, edit);
        out
    }

    /// Puts in another plan (a changed copy, a reloaded file), as one undoable change
    /// named as `edit`.
    pub fn replace(&mut self, plan: Plan, fw: &Framework, edit: Edit) {
        let before = std::mem::replace(&mut self.plan, plan);
        self.recorded(before, fw, edit);
    }

    /// Sets one field from text, as an undoable change that keeps only the part of the plan
    /// the field lives in (a copy of a 10,000-item plan on every edit was most of its cost).
    /// On error the plan is unchanged.
    pub fn set_field(
        &mut self,
        field: &Field,
        text: &str,
        fw: &Framework,
    ) -> Result<(), FieldError> {
        let Some(back) = crate::plan::delta::Delta::before_field(&self.plan, field) else {
            let before = self.plan.clone();
            self.plan.set_field(field, text, fw)?;
            self.recorded(before, fw, Edit::Field);
            return Ok(());
        };
        self.plan.set_field(field, text, fw)?;
        if self
            .history
            .record_back(back, &self.plan, self.version, Edit::Field)
        {
            self.bump_version();
            self.derive(fw);
        }
        Ok(())
    }

    /// Undoes (`back`) or redoes one change; the action it was, `None` if there was none.
    pub fn step(&mut self, back: bool, fw: &Framework) -> Option<Edit> {
        let stepped = match back {
            true => self.history.undo(&mut self.plan, &mut self.version),
            false => self.history.redo(&mut self.plan, &mut self.version),
        };
        if stepped.is_some() {
            self.derive(fw);
        }
        stepped
    }

    fn recorded(&mut self, before: Plan, fw: &Framework, edit: Edit) {
        if self.history.record(&before, &self.plan, self.version, edit) {
            self.bump_version();
            self.derive(fw);
        }
    }

    fn bump_version(&mut self) {
        self.version = self.next_version;
        self.next_version += 1;
    }

    /// The review again, for the plan as it now is.
    fn derive(&mut self, fw: &Framework) {
        self.findings = review(&self.plan, fw);
        self.flagged = self
            .findings
            .iter()
            .filter(|f| f.counts())
            .filter_map(|f| match &f.at {
                At::Item(id) => Some(id.clone()),
                _ => None,
            })
            .collect();
    }
}
