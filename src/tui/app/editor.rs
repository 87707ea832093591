//! Opening the text editor on what an edit will change: its title, the text it starts
//! with, and whether that text has been changed since.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::{App, EditTarget, Editor, Layer};
use crate::plan::{About, Shape};

pub const ASSUMPTION_START: &str = "The barrier to integration in this case is ";

/// The editor's title for an edit of `target`.
pub fn title_for(target: &EditTarget) -> String {
    match target {
        EditTarget::Goal => "Goal: what long-term change do we want to see?".to_string(),
        EditTarget::NewOutcome => "New intermediate outcome, serving the goal".into(),
        EditTarget::NewOutput { outcome } => format!("New output, serving `{outcome}`"),
        EditTarget::NewActivity { output } => format!("New activity, serving `{output}`"),
        EditTarget::Text { id } => format!("Edit `{id}`"),
        EditTarget::NewAssumption {
            about: About::Item(id),
        } => format!("Assumption about `{id}`"),
        EditTarget::NewAssumption {
            about: About::Link { from, to },
        } => format!("Assumption: why does `{from}` lead to `{to}`?"),
        EditTarget::NewEvidence { assumption } => {
            format!(
                "Evidence on assumption `{assumption}`: what shows it holds, or says otherwise?"
            )
        }
        EditTarget::NewStakeholder => "New stakeholder: name".into(),
        EditTarget::NewReading { measure } => format!(
            "Reading of `{measure}`: value, then date (YYYY-MM-DD, default today), then a note if you like (optional)"
        ),
        EditTarget::Field(f) => format!("{} of `{}`", f.label(), f.owner().unwrap_or("the plan")),
    }
}

/// An editor's text area holding `text`, the cursor at its end.
pub fn area_with(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.lines().map(str::to_string).collect());
    // tocplan lays out and draws the text itself (`edit_rows`); the textarea left to wrap
    // would wrap every line of the text again on every key.
    area.set_wrap_mode(WrapMode::None);
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area
}

impl App {
    /// Opens the editor on `target` under its usual title (not on a read-only plan: says
    /// why instead).
    pub fn open_editor(&mut self, target: EditTarget) {
        let title = title_for(&target);
        self.open_editor_titled(target, title);
    }

    pub fn open_editor_titled(&mut self, target: EditTarget, title: String) {
        if self.refuse_edit() {
            return;
        }
        let text = self.start_text(&target);
        let multiline = matches!(&target, EditTarget::Field(f) if matches!(f.shape(), Shape::Prose | Shape::List))
            || matches!(target, EditTarget::NewEvidence { .. });
        self.push(Layer::Editor(Box::new(Editor {
            target,
            title,
            area: area_with(&text),
            multiline,
            view: Default::default(),
        })));
        self.status = None;
    }

    /// The text an editor on `target` starts with (what the field holds now).
    pub fn start_text(&self, target: &EditTarget) -> String {
        match target {
            EditTarget::Goal => self.plan().goal.text.clone(),
            EditTarget::Text { id } => self.plan().item_text(id).unwrap_or_default(),
            EditTarget::NewAssumption {
                about: About::Item(_),
            } => ASSUMPTION_START.to_string(),
            // A link's assumption says why one thing leads to the next, not what barrier
            // an item acts on (that framing is the outcome's).
            EditTarget::NewAssumption {
                about: About::Link { from, to },
            } => {
                let noun = |id: &str| self.plan().kind_of(id).map_or("item", |k| k.noun());
                format!("This {} leads to this {} because ", noun(from), noun(to))
            }
            EditTarget::Field(f) => self.plan().field(f).unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// The open editor's text when it differs from what its field holds: work not yet kept.
    pub fn typed_text(&self) -> Option<String> {
        let ed = self.editor()?;
        let text = ed.area.lines().join("\n");
        let start = self.start_text(&ed.target);
        (text != start.lines().collect::<Vec<_>>().join("\n")).then_some(text)
    }
}
