//! Every action, declared once: its name in a keymap file, what it does (and what it does
//! in a mode where that differs), and its default keys per mode. Entries are in the order
//! help lists them: the planning keys in the order of the first help page, with the keys
//! of the editors and questions before the moves so each mode's section reads top-down.

use super::Mode;
use super::declare::actions;

actions! {
    PaneLeft {
        name: "pane-left",
        help: "pane toward the activities",
        keys: { Normal: ["h", "←"] },
    },
    PaneRight {
        name: "pane-right",
        help: "pane toward the goal",
        keys: { Normal: ["l", "→"] },
    },
    NextPane {
        name: "next-pane",
        help: "next pane (wraps round)",
        keys: { Normal: ["Tab"] },
    },
    PrevPane {
        name: "prev-pane",
        help: "previous pane (wraps round)",
        keys: { Normal: ["Shift-Tab"] },
    },
    Commit {
        name: "commit",
        help: "keep the edit",
        keys: {
            Editor: ["Ctrl-s", "Enter"],
            Prose: ["Ctrl-s"],
            Prompt: ["Enter"] => "run the command or search",
            Choice: ["Enter"] => "choose it",
            Picker: ["Enter"] => "attach the indicator to the outcome as a measure",
        },
    },
    Cancel {
        name: "cancel",
        help: "cancel",
        keys: {
            Editor: ["Esc"] => "cancel the edit",
            Prose: ["Esc"] => "cancel the edit",
            Prompt: ["Esc"],
            Help: ["Esc", "q", "?"] => "close",
            Changes: ["Esc", "q"] => "close",
            Form: ["Esc", "q"] => "close",
            Choice: ["Esc"],
            Picker: ["Esc"] => "close without choosing",
            Review: ["Esc", "q"] => "close",
            Evaluation: ["Esc", "q"] => "close",
        },
    },
    Yes {
        name: "yes",
        help: "yes",
        keys: { Confirm: ["y", "Enter"] },
    },
    No {
        name: "no",
        help: "no",
        keys: { Confirm: ["n", "Esc"] },
    },
    Merge {
        name: "merge",
        help: "merge the file on disk with your unsaved work, item by item",
        keys: {
            // Only the questions that offer it: the plan's file changed on disk.
            Confirm: ["m"] => "a file changed on disk: merge it with yours, item by item",
        },
    },
    SaveOver {
        name: "save-over",
        help: "save over a file that changed on disk since it was read",
        keys: {
            // Only the questions that offer it: a save over a changed file.
            Confirm: ["s"] => "a file changed since it was read: save over it",
        },
    },
    Down {
        name: "down",
        help: "next item",
        keys: {
            Normal: ["j", "↓"],
            Help: ["j", "↓"] => "scroll down",
            Changes: ["j", "↓"] => "scroll down",
            Form: ["j", "↓"] => "next field",
            Choice: ["j", "↓"] => "next choice",
            Picker: ["↓", "Ctrl-n"] => "next result",
            Review: ["j", "↓"] => "next finding",
            Evaluation: ["j", "↓"] => "next measure",
        },
    },
    Up {
        name: "up",
        help: "previous item",
        keys: {
            Normal: ["k", "↑"],
            Help: ["k", "↑"] => "scroll up",
            Changes: ["k", "↑"] => "scroll up",
            Form: ["k", "↑"] => "previous field",
            Choice: ["k", "↑"] => "previous choice",
            Picker: ["↑", "Ctrl-p"] => "previous result",
            Review: ["k", "↑"] => "previous finding",
            Evaluation: ["k", "↑"] => "previous measure",
        },
    },
    Top {
        name: "top",
        help: "first item",
        keys: {
            Normal: ["g", "Home"],
            Help: ["g", "Home"] => "to the top",
            Changes: ["g", "Home"] => "to the top",
            Form: ["g", "Home"] => "first field",
            Review: ["g", "Home"] => "first finding",
            Evaluation: ["g", "Home"] => "first measure",
        },
    },
    Bottom {
        name: "bottom",
        help: "last item",
        keys: {
            Normal: ["G", "End"],
            Help: ["G", "End"] => "to the end",
            Changes: ["G", "End"] => "to the end",
            Form: ["G", "End"] => "last field",
            Review: ["G", "End"] => "last finding",
            Evaluation: ["G", "End"] => "last measure",
        },
    },
    PageDown {
        name: "page-down",
        help: "a page down",
        keys: {
            Normal: ["PageDown"],
            Picker: ["PageDown"],
            Help: ["PageDown", "Space"] => "scroll down a screenful",
            Changes: ["PageDown", "Space"] => "scroll down a screenful",
            Form: ["PageDown"],
            Review: ["PageDown"],
            Evaluation: ["PageDown"],
        },
    },
    PageUp {
        name: "page-up",
        help: "a page up",
        keys: {
            Normal: ["PageUp"],
            Picker: ["PageUp"],
            Help: ["PageUp"] => "scroll up a screenful",
            Changes: ["PageUp"] => "scroll up a screenful",
            Form: ["PageUp"],
            Review: ["PageUp"],
            Evaluation: ["PageUp"],
        },
    },
    Open {
        name: "open",
        help: "open the item's fields (write the goal if there is none)",
        keys: {
            Normal: ["Enter"],
            Review: ["Enter"] => "go to what the finding is about",
            Evaluation: ["Enter"] => "open the measure's fields (in its outcome's form)",
        },
    },
    Edit {
        name: "edit",
        help: "edit the item's text",
        keys: {
            Normal: ["e"],
            Form: ["Enter", "e"] => "edit the field (or choose its value)",
        },
    },
    Add {
        name: "add",
        help: "add an item, made from the item it serves",
        keys: {
            Normal: ["a", "o"],
            Form: ["a"] => "add: evidence for the assumption, or a stakeholder",
        },
    },
    AddAssumption {
        name: "add-assumption",
        help: "state an assumption about the item (then its evidence)",
        keys: { Normal: ["A"], Form: ["A"] },
    },
    Delete {
        name: "delete",
        help: "delete the item (asks first if others depend on it)",
        keys: {
            Normal: ["d"],
            Form: ["d"] => "delete the assumption, evidence or stakeholder",
        },
    },
    LinkRight {
        name: "link",
        help: "make the item also serve the item selected on its right",
        keys: { Normal: ["+"] },
    },
    UnlinkRight {
        name: "unlink",
        help: "stop the item serving the item selected on its right",
        keys: { Normal: ["-"] },
    },
    Stakeholders {
        name: "stakeholders",
        help: "stakeholders: who takes part, in which group",
        keys: { Normal: ["S"] },
    },
    Context {
        name: "context",
        help: "the plan's context: problem, place, dates, key domains",
        keys: { Normal: ["C"] },
    },
    Measure {
        name: "measure",
        help: "measure the outcome: choose an indicator with the picker",
        keys: { Normal: ["m"], Form: ["m"] },
    },
    Record {
        name: "record",
        help: "record a monitoring reading of the measure",
        keys: { Form: ["r"], Evaluation: ["r"] },
    },
    Review {
        name: "review",
        help: "review the plan against the key principles",
        keys: { Normal: ["R"] },
    },
    Evaluation {
        name: "evaluation",
        help: "the evaluation plan: one row per measure, with progress",
        keys: { Normal: ["E"] },
    },
    Changes {
        name: "changes",
        help: "the plan's changes since the last git commit, in plan terms",
        keys: {
            Normal: ["D"],
            // Only the questions that offer it: a recovery copy, a file changed on disk.
            Confirm: ["d"] => "a recovery copy or a changed file: see how it differs",
        },
    },
    Undo {
        name: "undo",
        help: "undo",
        keys: { Normal: ["u"], Form: ["u"], Evaluation: ["u"] },
    },
    Redo {
        name: "redo",
        help: "redo",
        keys: { Normal: ["Ctrl-r"], Form: ["Ctrl-r"] },
    },
    Save {
        name: "save",
        help: "save",
        keys: {
            Normal: ["Ctrl-s"],
            Form: ["Ctrl-s"],
            Evaluation: ["Ctrl-s"],
            // Only the questions that offer it: a recovery copy.
            Confirm: ["w"] => "a recovery copy: keep it as a file of its own beside the plan",
        },
    },
    Command {
        name: "command",
        help: "command line (:w :q :wq :q! :w FILE, :id NEW renames the item's id)",
        keys: { Normal: [":"], Form: [":"] => "command line (:id NEW renames the selected item's id)" },
    },
    Search {
        name: "search",
        help: "search every field of the plan (says which field matched)",
        keys: { Normal: ["/"], Form: ["/"] },
    },
    NextMatch {
        name: "next-match",
        help: "next match",
        keys: { Normal: ["n"], Form: ["n"] },
    },
    PrevMatch {
        name: "prev-match",
        help: "previous match",
        keys: { Normal: ["N"], Form: ["N"] },
    },
    Help {
        name: "help",
        help: "help: every key",
        keys: {
            Normal: ["?"],
            Form: ["?"],
            Review: ["?"],
            Evaluation: ["?"],
            Changes: ["?"],
        },
    },
    Guide {
        name: "guide",
        help: "show or hide the guide panel: the guide's advice for what is focused",
        keys: {
            Normal: ["i"],
            Form: ["i"],
            Review: ["i"],
            Evaluation: ["i"],
            Choice: ["i"],
            Editor: ["Ctrl-g"],
            Prose: ["Ctrl-g"],
            Picker: ["Ctrl-g"],
        },
    },
    Quit {
        name: "quit",
        help: "quit (asks if there are unsaved changes)",
        keys: {
            Normal: ["q"],
            // Only the questions that offer it: a plan open elsewhere.
            Confirm: ["q"] => "a plan open elsewhere: quit",
        },
    },
    CycleDomain {
        name: "cycle-domain",
        help: "filter by the next domain (#1 ... #14, then none)",
        keys: { Picker: ["Tab"] },
    },
    CycleCategory {
        name: "cycle-category",
        help: "filter by the next category (then none)",
        keys: { Picker: ["Shift-Tab"] },
    },
    CyclePerspective {
        name: "cycle-perspective",
        help: "filter by whose side it measures (then none)",
        keys: { Picker: ["Ctrl-t"] },
    },
    ClearQuery {
        name: "clear-query",
        help: "clear the query",
        keys: {
            Picker: ["Ctrl-u"],
            Editor: ["Ctrl-u"] => "clear the line before the cursor",
            Prose: ["Ctrl-u"] => "clear the line before the cursor",
            Prompt: ["Ctrl-u"] => "clear the line",
        },
    },
    UndoTyping {
        name: "undo-typing",
        help: "undo the last typing in the editor (Ctrl-r redoes it)",
        keys: { Editor: ["Ctrl-z"], Prose: ["Ctrl-z"] },
    },
}

/// What an action does in a mode, for the help overlay.
pub fn help(mode: Mode, action: Action) -> &'static str {
    action.help(mode)
}
