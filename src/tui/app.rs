//! Application state: the plan, its history, where the planner is, and what is open.

mod chain;
mod changes;
mod cursor;
pub mod editor;
mod layers;
mod pane;
mod panes;
mod picker;

pub use chain::ChainView;
use chain::{Chain, Links};
pub use cursor::{Cursor, moved};
pub use layers::Layer;
pub use pane::{ACTIVITIES, GOAL, OUTCOMES, OUTPUTS, Pane};
pub use picker::PickerState;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ratatui_textarea::TextArea;

use super::document::Document;
use super::keymap::Keymap;
use super::theme::Theme;
use crate::framework::Framework;
use crate::framework::picker::Picker;
use crate::plan::review::Finding;
use crate::plan::{About, Dependant, Field, Kind, Plan};

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
    /// Removing a link that takes assumptions (and their evidence) with it.
    Unlink {
        from: String,
        to: String,
        dependants: Vec<Dependant>,
    },
    QuitUnsaved,
    /// The file changed on disk (a `git pull`, another editor) while ours had unsaved work:
    /// merge it with ours by item, take it, or keep ours.
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
        /// The file's text as it is now (`None`: gone or unreadable), to merge with.
        text: Option<String>,
        hash: Option<u64>,
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

/// The last search: what was asked, where it matched, and which match is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub hits: Vec<Hit>,
    pub current: usize,
}

/// One match: the field it is in, the form that shows that field, and the pane row of
/// the item the form is about (none for the stakeholders and the context).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub field: Field,
    pub form: Form,
    pub at: Option<(Pane, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warn,
    Error,
}

#[derive(Debug, Clone)]
pub struct App {
    /// The plan, its history, versions and file, and the review of it.
    doc: Document,
    fw: Framework,
    /// The focused pane; planning starts at the goal.
    pub pane: Pane,
    /// Selected row in each pane; each pane keeps its own.
    pub rows: [usize; 4],
    pub status: Option<(Tone, String)>,
    /// What is open over the panes, bottom first (see `layers`).
    layers: Vec<Layer>,
    /// The terminal's size as last drawn, so scrolled layers know their bounds here.
    pub viewport: (u16, u16),
    /// The guide panel is shown below the panes and layers (see `guide`).
    pub guide: bool,
    /// The panel's page: the advice it was turned for (a fingerprint) and its first line
    /// shown. Advice for something else starts at its top.
    pub guide_page: (u64, usize),
    pub search: Option<Search>,
    pub theme: Theme,
    pub keymap: Keymap,
    /// The picker's engine over every loaded bank, built once (shared with the ranking
    /// thread).
    engine: Arc<Picker>,
    /// The plan's links as numbers and the selection's chain (see `refresh`).
    links: Links,
    chain: Chain,
    /// An outside version the planner chose not to load (not asked about again).
    pub declined: super::disk::Declined,
    /// The file's content as last read or saved, for merging an outside change by item.
    pub known: super::disk::Known,
    /// The errors `check` reports for the plan as read, as `check` prints them. While
    /// there are any the plan is read-only: with a duplicate id or a broken link, an edit
    /// of one item could change another.
    problems: Vec<String>,
    /// Opened read-only by the planner's choice (the plan is open in another instance).
    pub view_only: bool,
    /// Questions waiting their turn (at start: the lock, then each recovery copy).
    pub questions: VecDeque<Question>,
    /// Recovery copies whose work is in the plan now or was declined: removed at the next
    /// good save.
    pub spent_copies: Vec<PathBuf>,
}

impl App {
    pub fn new(plan: Plan, path: PathBuf, fw: Framework) -> App {
        let known = super::disk::Known {
            base: plan.clone(),
            ..Default::default()
        };
        let mut app = App {
            doc: Document::new(plan, path, &fw),
            engine: Arc::new(Picker::new(&fw)),
            fw,
            pane: GOAL,
            rows: [0; 4],
            status: None,
            layers: Vec::new(),
            viewport: (80, 24),
            guide: false,
            guide_page: (0, 0),
            search: None,
            theme: Theme::default(),
            keymap: Keymap::default(),
            links: Links::default(),
            chain: Chain::default(),
            declined: super::disk::Declined::Nothing,
            known,
            problems: Vec::new(),
            view_only: false,
            questions: VecDeque::new(),
            spent_copies: Vec::new(),
        };
        app.refresh();
        app
    }

    pub fn plan(&self) -> &Plan {
        self.doc.plan()
    }

    /// The framework the plan is read against (its banks included).
    pub fn fw(&self) -> &Framework {
        &self.fw
    }

    /// The picker's engine over every loaded bank, built once from the framework.
    pub fn engine(&self) -> &Arc<Picker> {
        &self.engine
    }

    /// The errors `check` reports for the plan as read: read-only while there are any.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    pub fn path(&self) -> &Path {
        self.doc.path()
    }

    pub fn version(&self) -> u64 {
        self.doc.version()
    }

    pub fn saved_version(&self) -> u64 {
        self.doc.saved_version()
    }

    pub fn dirty(&self) -> bool {
        self.doc.dirty()
    }

    /// The fingerprint of the file as last read or written (`None`: no file yet).
    pub fn disk(&self) -> Option<u64> {
        self.doc.disk()
    }

    pub fn set_disk(&mut self, disk: Option<u64>) {
        self.doc.set_disk(disk);
    }

    /// A save of `version` wrote `path`, which now has fingerprint `disk`.
    pub fn saved(&mut self, path: PathBuf, version: u64, disk: u64) {
        self.doc.saved(path, version, disk);
    }

    /// The plan as it is now is the file's (reloaded from it).
    pub fn mark_clean(&mut self, disk: Option<u64>) {
        self.doc.mark_clean(disk);
    }

    /// The review of the plan as it is.
    pub fn findings(&self) -> &[Finding] {
        self.doc.findings()
    }

    /// Whether the review has a finding that counts (not advice, not waived) on an item.
    pub fn flagged(&self, id: &str) -> bool {
        self.doc.flagged(id)
    }

    /// The causal chain of the selection: what it serves (rightwards, transitively) and
    /// what serves it (leftwards, transitively). Kept ready by `refresh`; worked out here
    /// only if the state moved without it (tests that set fields directly).
    pub fn chain(&self) -> ChainView<'_> {
        use std::borrow::Cow;
        let links = if self.links.is_for(self.version()) {
            Cow::Borrowed(&self.links)
        } else {
            Cow::Owned(Links::build(self.plan(), self.version()))
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
        (self.version(), self.pane, self.rows[self.pane])
    }

    /// Brings what is derived from the plan and the selection up to date after a change:
    /// the links and the chain (the document keeps its review). Each is redone only when
    /// what it depends on moved.
    pub fn refresh(&mut self) {
        if !self.links.is_for(self.version()) {
            self.links = Links::build(self.doc.plan(), self.version());
        }
        let key = self.chain_key();
        if !self.chain.is_for(key) {
            self.chain = self.links.chain(self.pane, self.selected_row(), key);
        }
    }

    pub fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.status = Some((tone, text.into()));
    }
}
