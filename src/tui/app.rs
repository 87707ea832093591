//! Application state: the plan, its history, where the planner is, and what is open.

mod chain;
mod changes;
mod panes;
mod picker;

pub use chain::ChainView;
use chain::{Chain, Links};
pub use picker::PickerState;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use ratatui_textarea::TextArea;

use super::history::History;
use super::keymap::{Keymap, Mode};
use super::theme::Theme;
use crate::framework::Framework;
use crate::framework::picker::Picker;
use crate::plan::review::{Finding, review};
use crate::plan::{About, Dependant, Field, Kind, Plan};

/// The four panes, left to right, numbered as in the guide's table (4 3 2 1).
pub const PANES: [&str; 4] = ["activities", "outputs", "intermediate-outcomes", "goal"];
pub const ACTIVITIES: usize = 0;
pub const OUTPUTS: usize = 1;
pub const OUTCOMES: usize = 2;
pub const GOAL: usize = 3;

/// What an edit in progress will change when it is kept.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EditTarget {
    Goal,
    NewOutcome,
    NewOutput {
        outcome: String,
    },
    NewActivity {
        output: String,
    },
    Text {
        id: String,
    },
    NewAssumption {
        about: About,
    },
    NewEvidence {
        assumption: String,
    },
    NewStakeholder,
    /// A monitoring reading of a measure: "value [date] [note]".
    NewReading {
        measure: String,
    },
    /// Any field of the plan, through its form.
    Field(Field),
}

#[derive(Debug, Clone)]
pub struct Editor {
    pub target: EditTarget,
    pub title: String,
    pub area: TextArea<'static>,
    /// Enter starts a new line (long text, lists) instead of keeping the edit.
    pub multiline: bool,
    /// Where the editor's own view of the text stands (see `edit_rows`): the textarea
    /// edits, tocplan draws, so what is drawn is made safe and only what shows is laid out.
    pub view: super::edit_rows::ViewCell,
}

/// Which form is open: one item's fields, the stakeholders, or the plan's context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Form {
    Item(String),
    Stakeholders,
    Context,
}

/// A list to choose a field's value from (a stakeholder, a group, a kind of evidence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub field: Field,
    pub title: String,
    /// (value, label) pairs.
    pub options: Vec<(String, String)>,
    pub selected: usize,
}

/// A question the planner must answer before anything happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    Delete {
        id: String,
        kind: Kind,
        dependants: Vec<Dependant>,
    },
    QuitUnsaved,
    /// The file changed on disk (a `git pull`, another editor): reload it or keep ours.
    DiskChanged {
        /// Its new text (`None`: it was deleted or cannot be read).
        text: Option<String>,
        hash: Option<u64>,
    },
    /// A recovery copy of unsaved work from a session that ended suddenly: open it, keep
    /// it beside the file, see how it differs, or leave it?
    Recover(Box<super::recovery::Offer>),
    /// Another running tocplan has the plan open: read-only here, go on, or quit?
    OpenElsewhere(super::lock::Holder),
    /// Saving would overwrite a file that changed on disk since it was read.
    OverwriteNewer {
        path: PathBuf,
        then_quit: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Form(Form),
    Review,
    Evaluation,
    /// A diff in plan terms, under its title: the changes since the last commit (as
    /// `tocplan diff HEAD` shows them), or a recovery copy against the file.
    Changes {
        title: String,
        text: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Command,
    Search,
}

/// The last search: what was asked, where it matched (pane, row), and which match is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub hits: Vec<(usize, usize)>,
    pub current: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warn,
    Error,
}

#[derive(Debug, Clone)]
pub struct App {
    pub plan: Plan,
    pub path: PathBuf,
    pub fw: Framework,
    pub history: History,
    /// Bumped on every change; the plan is unsaved while it differs from `saved_version`.
    pub version: u64,
    pub saved_version: u64,
    next_version: u64,
    /// Index into PANES; planning starts at the goal.
    pub pane: usize,
    /// Selected row in each pane; each pane keeps its own.
    pub rows: [usize; 4],
    pub status: Option<(Tone, String)>,
    pub editor: Option<Editor>,
    pub question: Option<Question>,
    pub overlay: Option<Overlay>,
    pub overlay_scroll: u16,
    /// The row selected in the open form.
    pub form_row: usize,
    pub choice: Option<Choice>,
    pub prompt: Option<(PromptKind, String)>,
    pub search: Option<Search>,
    pub theme: Theme,
    pub keymap: Keymap,
    pub picker: Option<PickerState>,
    /// The picker's engine over every loaded bank, built once (shared with the ranking
    /// thread).
    pub engine: Arc<Picker>,
    /// The review of the plan as it is, the version it was made for, and the items with
    /// findings that count (for the panes' marks).
    pub review: (u64, Vec<Finding>, HashSet<String>),
    /// The row selected in the review overlay.
    pub review_row: usize,
    /// The plan's links as numbers and the selection's chain (see `refresh`).
    links: Links,
    chain: Chain,
    /// The row (measure) selected in the evaluation view.
    pub evaluation_row: usize,
    /// The fingerprint of the file as last read or written (`None`: no file yet), so a
    /// change from outside is noticed and never overwritten unasked.
    pub disk: Option<u64>,
    /// An outside version the planner chose not to load (not asked about again).
    pub declined: super::disk::Declined,
    /// The errors `check` reports for the plan as read, as `check` prints them. While
    /// there are any the plan is read-only: with a duplicate id or a broken link, an edit
    /// of one item could change another.
    pub problems: Vec<String>,
    /// Opened read-only by the planner's choice (the plan is open in another instance).
    pub view_only: bool,
    /// Questions waiting their turn (at start: the lock, then each recovery copy).
    pub questions: Vec<Question>,
    /// A question put aside while an overlay answers something it asked (the differences
    /// of a recovery copy), asked again when the overlay closes.
    pub after_overlay: Option<Question>,
    /// Recovery copies whose work is in the plan now or was declined: removed at the next
    /// good save.
    pub spent_copies: Vec<PathBuf>,
}

impl App {
    pub fn new(plan: Plan, path: PathBuf, fw: Framework) -> App {
        let mut app = App {
            plan,
            path,
            engine: Arc::new(Picker::new(&fw)),
            fw,
            history: History::default(),
            version: 0,
            saved_version: 0,
            next_version: 1,
            pane: GOAL,
            rows: [0; 4],
            status: None,
            editor: None,
            question: None,
            overlay: None,
            overlay_scroll: 0,
            form_row: 0,
            choice: None,
            prompt: None,
            search: None,
            theme: Theme::default(),
            keymap: Keymap::default(),
            picker: None,
            review: (0, Vec::new(), HashSet::new()),
            review_row: 0,
            links: Links::default(),
            chain: Chain::default(),
            evaluation_row: 0,
            disk: None,
            declined: super::disk::Declined::Nothing,
            problems: Vec::new(),
            view_only: false,
            questions: Vec::new(),
            after_overlay: None,
            spent_copies: Vec::new(),
        };
        app.review = reviewed(&app.plan, &app.fw, 0);
        app.refresh();
        app
    }

    /// Which keymap mode the keys go to now.
    pub fn mode(&self) -> Mode {
        if self.question.is_some() {
            Mode::Confirm
        } else if let Some(ed) = &self.editor {
            if ed.multiline {
                Mode::Prose
            } else {
                Mode::Editor
            }
        } else if self.choice.is_some() {
            Mode::Choice
        } else if self.picker.is_some() {
            Mode::Picker
        } else if self.prompt.is_some() {
            Mode::Prompt
        } else if let Some(o) = &self.overlay {
            match o {
                Overlay::Help => Mode::Help,
                Overlay::Form(_) => Mode::Form,
                Overlay::Review => Mode::Review,
                Overlay::Evaluation => Mode::Evaluation,
                Overlay::Changes { .. } => Mode::Help,
            }
        } else {
            Mode::Normal
        }
    }

    pub fn dirty(&self) -> bool {
        self.version != self.saved_version
    }

    /// Reviews the plan again if it changed since the last review (versions name plan
    /// states, so undo and redo are caught too).
    pub fn refresh_review(&mut self) {
        if self.review.0 != self.version {
            self.review = reviewed(&self.plan, &self.fw, self.version);
        }
    }

    /// Whether the review has a finding that counts (not advice, not waived) on an item.
    pub fn flagged(&self, id: &str) -> bool {
        self.review.2.contains(id)
    }

    /// The causal chain of the selection: what it serves (rightwards, transitively) and
    /// what serves it (leftwards, transitively). Kept ready by `refresh`; worked out here
    /// only if the state moved without it (tests that set fields directly).
    pub fn chain(&self) -> ChainView<'_> {
        use std::borrow::Cow;
        let links = if self.links.is_for(self.version) {
            Cow::Borrowed(&self.links)
        } else {
            Cow::Owned(Links::build(&self.plan, self.version))
        };
        let key = self.chain_key();
        let chain = if self.chain.is_for(key) {
            Cow::Borrowed(&self.chain)
        } else {
            Cow::Owned(links.chain(self.pane, self.selected_row(), key))
        };
        ChainView { links, chain }
    }

    fn chain_key(&self) -> chain::ChainKey {
        (self.version, self.pane, self.rows[self.pane])
    }

    /// Brings what is derived from the plan and the selection up to date after a change:
    /// the review, the links, the chain. Each is redone only when what it depends on moved.
    pub fn refresh(&mut self) {
        self.refresh_review();
        if !self.links.is_for(self.version) {
            self.links = Links::build(&self.plan, self.version);
        }
        let key = self.chain_key();
        if !self.chain.is_for(key) {
            self.chain = self.links.chain(self.pane, self.selected_row(), key);
        }
    }

    /// Asks the next waiting question, if none is open.
    pub fn next_question(&mut self) {
        if self.question.is_none() && !self.questions.is_empty() {
            self.question = Some(self.questions.remove(0));
        }
    }

    pub fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.status = Some((tone, text.into()));
    }
}

fn reviewed(plan: &Plan, fw: &Framework, version: u64) -> (u64, Vec<Finding>, HashSet<String>) {
    let findings = review(plan, fw);
    let flagged = findings
        .iter()
        .filter(|f| f.counts())
        .filter_map(|f| match &f.at {
            crate::plan::review::At::Item(id) => Some(id.clone()),
            _ => None,
        })
        .collect();
    (version, findings, flagged)
}
