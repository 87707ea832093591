//! Changing the plan: every change goes through here, so every change can be undone and
//! none reaches a plan that is read-only (one `check` rejects, or opened read-only).

use super::{App, Layer, Tone};
use crate::plan::{Field, Plan};
use crate::tui::undo::Edit;

impl App {
    /// Says why the plan cannot be changed, if it cannot. Every key that starts a change
    /// asks here first, so a planner never types into an editor whose work would be
    /// refused.
    pub fn refuse_edit(&mut self) -> bool {
        match self.read_only() {
            Some(why) => {
                self.say(Tone::Warn, why);
                true
            }
            None => false,
        }
    }

    /// Why the plan cannot be changed now, if it cannot.
    pub fn read_only(&self) -> Option<String> {
        match self.problems.len() {
            0 if self.view_only => Some(
                "Read-only: you chose to open this plan read-only (it is open in another tocplan); \
                 quit and reopen it to edit"
                    .into(),
            ),
            0 => None,
            n => Some(format!(
                "Read-only: `tocplan check` finds {n} error{} in this file (R lists them); fix \
                 them in the file and it reloads here",
                if n == 1 { "" } else { "s" }
            )),
        }
    }

    /// What `check` reports as errors for `plan` (`check` runs the full check, only when
    /// the quick one finds any), as `check` prints them: the plan is read-only while any.
    pub fn set_problems(
        &mut self,
        plan: &Plan,
        check: impl FnOnce() -> Result<Vec<crate::plan::Diagnostic>, crate::plan::LoadError>,
    ) {
        self.problems = self.problems_of(plan, check);
    }

    fn problems_of(
        &self,
        plan: &Plan,
        check: impl FnOnce() -> Result<Vec<crate::plan::Diagnostic>, crate::plan::LoadError>,
    ) -> Vec<String> {
        crate::plan::errors_in(plan, &self.fw, check)
            .iter()
            .map(|d| d.display(self.path()).to_string())
            .collect()
    }

    /// Takes a plan read from `text` (the file, reloaded; a recovery copy) as one undoable
    /// change, and what `check` says of it: a plan with errors is read-only until fixed.
    pub fn adopt(&mut self, plan: Plan, text: &str) {
        // The framework is borrowed, never copied: with a large bank it is megabytes.
        self.problems = self.problems_of(&plan, || {
            crate::plan::check_text(text, self.path(), &self.fw)
        });
        self.doc.replace(plan, &self.fw, Edit::ReadIn);
        self.clamp_rows();
        // Nothing may be kept into a read-only plan: what was open to change it closes
        // (an editor holding typed text never gets here: the reload is refused).
        if !self.problems.is_empty() {
            self.close(|l| matches!(l, Layer::Editor(_) | Layer::Choice(_) | Layer::Picker(_)));
        }
    }

    /// Applies a change, recorded so it can be undone. A read-only plan is never changed:
    /// the change is worked on a copy and dropped (the keys that start changes say why
    /// first).
    pub fn change<T>(&mut self, edit: Edit, f: impl FnOnce(&mut Plan) -> T) -> T {
        if self.read_only().is_some() {
            return f(&mut self.plan().clone());
        }
        self.doc.change(&self.fw, edit, f)
    }

    /// Puts in a changed copy of the plan and records the change (for changes tried on a
    /// copy first, so a refused one never touches the plan).
    pub fn replace_plan(&mut self, plan: Plan, edit: Edit) {
        if self.read_only().is_some() {
            return;
        }
        self.doc.replace(plan, &self.fw, edit);
    }

    /// Sets one field from text, as an undoable change; on error the plan is unchanged.
    pub fn set_field(&mut self, field: &Field, text: &str) -> Result<(), crate::plan::FieldError> {
        if self.read_only().is_some() {
            return Err(crate::plan::FieldError::ReadOnly);
        }
        self.doc.set_field(field, text, &self.fw)
    }

    /// Undoes (`back`) or redoes one change; false if there was none.
    pub fn step_history(&mut self, back: bool) -> Option<Edit> {
        self.doc.step(back, &self.fw)
    }
}
