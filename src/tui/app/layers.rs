//! What is open over the panes, as a stack: the panes are the base; every overlay, form,
//! editor, picker, prompt, question and chooser is a layer pushed on top, with its own
//! cursor. The top layer is the mode the keys go to; render draws the stack bottom-up;
//! `Esc` pops. Opening help over a form and closing it returns to the form as it was.

use super::{App, Choice, Cursor, Editor, Overlay, PickerState, PromptKind, Question};
use crate::tui::keymap::Mode;

#[derive(Debug, Clone)]
pub enum Layer {
    /// A view over the panes (help, a form, the review, the evaluation, changes) and its
    /// cursor: the selected row, or for text the first line shown.
    Overlay {
        overlay: Overlay,
        cursor: Cursor,
    },
    Picker(PickerState),
    Choice(Choice),
    Editor(Box<Editor>),
    /// The command or search line and what is typed on it.
    Prompt(PromptKind, String),
    Question(Question),
}

impl Layer {
    pub fn overlay(overlay: Overlay) -> Layer {
        Layer::Overlay {
            overlay,
            cursor: Cursor::default(),
        }
    }

    /// Where the keys go while this layer is on top.
    pub fn mode(&self) -> Mode {
        match self {
            Layer::Question(_) => Mode::Confirm,
            Layer::Editor(ed) if ed.multiline => Mode::Prose,
            Layer::Editor(_) => Mode::Editor,
            Layer::Choice(_) => Mode::Choice,
            Layer::Picker(_) => Mode::Picker,
            Layer::Prompt(..) => Mode::Prompt,
            Layer::Overlay { overlay, .. } => match overlay {
                Overlay::Help => Mode::Help,
                Overlay::Changes { .. } => Mode::Changes,
                Overlay::Form(_) => Mode::Form,
                Overlay::Review => Mode::Review,
                Overlay::Evaluation => Mode::Evaluation,
            },
        }
    }
}

/// The topmost layer `pick` finds something in.
macro_rules! finders {
    ($($name:ident, $name_mut:ident, $variant:ident, $ty:ty;)*) => {$(
        pub fn $name(&self) -> Option<&$ty> {
            self.layers.iter().rev().find_map(|l| match l {
                Layer::$variant(x) => Some(x),
                _ => None,
            })
        }

        pub fn $name_mut(&mut self) -> Option<&mut $ty> {
            self.layers.iter_mut().rev().find_map(|l| match l {
                Layer::$variant(x) => Some(x),
                _ => None,
            })
        }
    )*};
}

impl App {
    /// Which keymap mode the keys go to now: the top layer's.
    pub fn mode(&self) -> Mode {
        self.layers.last().map_or(Mode::Normal, Layer::mode)
    }

    /// The open layers, bottom first (as they are drawn).
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    pub fn top(&self) -> Option<&Layer> {
        self.layers.last()
    }

    pub fn push(&mut self, layer: Layer) {
        self.layers.push(layer);
    }

    pub fn pop(&mut self) -> Option<Layer> {
        self.layers.pop()
    }

    /// The top layer swapped for another (a form opening on another item).
    pub fn replace(&mut self, layer: Layer) {
        self.layers.pop();
        self.layers.push(layer);
    }

    /// Every layer `which` picks closed, wherever it is in the stack.
    pub fn close(&mut self, which: impl Fn(&Layer) -> bool) {
        self.layers.retain(|l| !which(l));
    }

    finders! {
        question, question_mut, Question, Question;
        choice, choice_mut, Choice, Choice;
        picker, picker_mut, Picker, PickerState;
    }

    pub fn editor(&self) -> Option<&Editor> {
        self.layers.iter().rev().find_map(|l| match l {
            Layer::Editor(x) => Some(&**x),
            _ => None,
        })
    }

    pub fn editor_mut(&mut self) -> Option<&mut Editor> {
        self.layers.iter_mut().rev().find_map(|l| match l {
            Layer::Editor(x) => Some(&mut **x),
            _ => None,
        })
    }

    /// The topmost editor, taken off the stack.
    pub fn take_editor(&mut self) -> Option<Box<Editor>> {
        let i = self
            .layers
            .iter()
            .rposition(|l| matches!(l, Layer::Editor(_)))?;
        match self.layers.remove(i) {
            Layer::Editor(ed) => Some(ed),
            _ => None,
        }
    }

    pub fn prompt(&self) -> Option<(PromptKind, &str)> {
        self.layers.iter().rev().find_map(|l| match l {
            Layer::Prompt(kind, line) => Some((*kind, line.as_str())),
            _ => None,
        })
    }

    pub fn prompt_mut(&mut self) -> Option<&mut String> {
        self.layers.iter_mut().rev().find_map(|l| match l {
            Layer::Prompt(_, line) => Some(line),
            _ => None,
        })
    }

    /// The topmost overlay (help, a form, the review ...).
    pub fn overlay(&self) -> Option<&Overlay> {
        self.layers.iter().rev().find_map(|l| match l {
            Layer::Overlay { overlay, .. } => Some(overlay),
            _ => None,
        })
    }

    /// The topmost overlay's cursor.
    pub fn cursor(&self) -> Cursor {
        self.layers
            .iter()
            .rev()
            .find_map(|l| match l {
                Layer::Overlay { cursor, .. } => Some(*cursor),
                _ => None,
            })
            .unwrap_or_default()
    }

    pub fn cursor_mut(&mut self) -> Option<&mut Cursor> {
        self.layers.iter_mut().rev().find_map(|l| match l {
            Layer::Overlay { cursor, .. } => Some(cursor),
            _ => None,
        })
    }

    /// Opens an overlay on top, its cursor at the start.
    pub fn open_overlay(&mut self, overlay: Overlay) {
        self.push(Layer::overlay(overlay));
        self.status = None;
    }

    /// Asks `q` over what is open. A question of the same kind already asked (the file
    /// changed on disk again before the first was answered) is replaced where it stands, so
    /// an answer is never given to a stale question after the fresh one.
    pub fn ask(&mut self, q: Question) {
        let kind = std::mem::discriminant(&q);
        let same = self
            .layers
            .iter()
            .rposition(|l| matches!(l, Layer::Question(o) if std::mem::discriminant(o) == kind));
        match same {
            Some(i) => self.layers[i] = Layer::Question(q),
            None => self.push(Layer::Question(q)),
        }
    }

    /// Keeps every view's cursor within its list, each measured by `len` (the plan changed
    /// under a view, the terminal was resized under one).
    pub fn keep_cursors_within(&mut self, len: impl Fn(&App, &Overlay) -> usize) {
        let lens: Vec<Option<usize>> = self
            .layers
            .iter()
            .map(|l| match l {
                Layer::Overlay { overlay, .. } => Some(len(self, overlay)),
                _ => None,
            })
            .collect();
        for (layer, n) in self.layers.iter_mut().zip(lens) {
            if let (Layer::Overlay { cursor, .. }, Some(n)) = (layer, n) {
                cursor.clamp(n);
            }
        }
    }

    /// Forms open on the item `old` follow it to its new id `new`.
    pub fn rename_in_layers(&mut self, old: &str, new: &str) {
        for layer in &mut self.layers {
            if let Layer::Overlay {
                overlay: Overlay::Form(super::Form::Item(id)),
                ..
            } = layer
                && id == old
            {
                *id = new.to_string();
            }
        }
    }

    /// Asks the next waiting question, if none is open.
    pub fn next_question(&mut self) {
        if self.question().is_none()
            && let Some(q) = self.questions.pop_front()
        {
            self.ask(q);
        }
    }
}
