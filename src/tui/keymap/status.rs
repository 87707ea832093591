//! The status line's hints per mode. This is a layout, not a fact about each action: it
//! picks a few actions, joins some under one word ("h/l panes") and orders them so a
//! narrow terminal that cuts the line still shows help and quit. It names actions by
//! their variant, so it cannot name one that does not exist; an action a user unbinds
//! drops out of the line.

use super::{Action as A, Mode as M};

/// The actions (their first keys, joined by "/") and a word; an action named twice shows
/// its first two keys ("n/Esc no"); no action at all is a key the keymap leaves to the text.
pub const HINTS: &[(M, &[A], &str)] = &[
    (M::Normal, &[A::Help], "help"),
    (M::Normal, &[A::Quit], "quit"),
    (
        M::Normal,
        &[A::PaneLeft, A::PaneRight, A::Down, A::Up],
        "move",
    ),
    (M::Normal, &[A::Open], "open"),
    (M::Normal, &[A::Add], "add"),
    (M::Normal, &[A::Save], "save"),
    (M::Normal, &[A::Guide], "guide"),
    (M::Editor, &[A::Commit, A::Commit], "keep"),
    (M::Editor, &[A::Cancel], "cancel"),
    (M::Prose, &[A::Commit], "keep"),
    (M::Prose, &[A::Cancel], "cancel"),
    (M::Prose, &[], "Enter new line"),
    (M::Prompt, &[A::Commit], "run"),
    (M::Prompt, &[A::Cancel], "cancel"),
    (M::Help, &[A::Cancel], "close"),
    (M::Help, &[A::Down, A::Up], "scroll"),
    (M::Help, &[A::PageDown, A::PageUp], "page"),
    (M::Changes, &[A::Cancel], "close"),
    (M::Changes, &[A::Down, A::Up], "scroll"),
    (M::Changes, &[A::PageDown, A::PageUp], "page"),
    (M::Changes, &[A::Help], "help"),
    (M::Form, &[A::Cancel], "close"),
    (M::Form, &[A::Down, A::Up], "fields"),
    (M::Form, &[A::Edit], "edit"),
    (M::Form, &[A::Add], "add"),
    (M::Form, &[A::Delete], "delete"),
    (M::Form, &[A::Undo], "undo"),
    (M::Form, &[A::Guide], "guide"),
    (M::Choice, &[A::Down, A::Up], "move"),
    (M::Choice, &[A::Commit], "choose"),
    (M::Choice, &[A::Cancel], "cancel"),
    (M::Picker, &[A::Commit], "attach"),
    (M::Picker, &[A::Cancel], "close"),
    (M::Picker, &[A::Down, A::Up], "move"),
    (M::Picker, &[A::CycleDomain], "domain"),
    (M::Picker, &[A::CycleCategory], "category"),
    (M::Review, &[A::Cancel], "close"),
    (M::Review, &[A::Down, A::Up], "findings"),
    (M::Review, &[A::Open], "go to it"),
    (M::Review, &[A::Guide], "guide"),
    (M::Evaluation, &[A::Cancel], "close"),
    (M::Evaluation, &[A::Down, A::Up], "measures"),
    (M::Evaluation, &[A::Record], "record a reading"),
    (M::Evaluation, &[A::Open], "details"),
    (M::Evaluation, &[A::Guide], "guide"),
    (M::Confirm, &[A::Yes], "yes"),
    (M::Confirm, &[A::No, A::No], "no"),
];
