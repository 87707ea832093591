//! The one way to declare actions: `actions!` takes a list of entries, each an action's
//! name in a keymap file, what it does, and its default keys per mode (with what it does
//! there, where that differs), and makes everything else from it: `enum Action`, `ALL`,
//! `name`, `help`, the default bindings. The entry's grammar has no way to leave out the
//! help text or the keys, and a `const` block refuses empty help and shared names when the
//! crate compiles, so an action without a name, a key or help cannot be built.

macro_rules! actions {
    // A mode's own help if the entry gives one, else the action's.
    (@either $own:literal ; $general:literal) => { $own };
    (@either ; $general:literal) => { $general };

    ($(
        $(#[$doc:meta])*
        $action:ident {
            name: $name:literal,
            help: $help:literal,
            keys: {
                $( $mode:ident: [$($key:literal),+ $(,)?] $(=> $own:literal)? ),+ $(,)?
            } $(,)?
        }
    ),+ $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Action {
            $( $(#[$doc])* $action, )+
        }

        impl Action {
            /// Every action, in the order help lists them.
            pub const ALL: &'static [Action] = &[$(Action::$action),+];

            /// The action's name in a keymap file.
            pub fn name(self) -> &'static str {
                match self {
                    $(Action::$action => $name,)+
                }
            }

            /// The action named so in a keymap file.
            pub fn from_name(name: &str) -> Option<Action> {
                Action::ALL.iter().copied().find(|a| a.name() == name)
            }

            /// What the action does in a mode, for the help overlay. Never empty: a
            /// user's binding in a mode the defaults leave out gets the action's own words.
            pub fn help(self, mode: Mode) -> &'static str {
                match self {
                    $(Action::$action => match mode {
                        $( Mode::$mode => actions!(@either $($own)? ; $help), )+
                        #[allow(unreachable_patterns)]
                        _ => $help,
                    },)+
                }
            }
        }

        /// Every default binding: mode, key (as `key::parse` reads it), action, in the
        /// order of the entries, so the first key of an action in a mode is the one hints
        /// show and help lists actions in entry order.
        pub const DEFAULTS: &[(Mode, &str, Action)] = &[
            $( $( $( (Mode::$mode, $key, Action::$action), )+ )+ )+
        ];

        /// Every action with its name in a keymap file.
        pub const NAMES: &[(Action, &str)] = &[$( (Action::$action, $name), )+];

        const _: () = {
            $(
                assert!(!$help.is_empty(), concat!(stringify!($action), " has no help"));
                $( $( assert!(!$own.is_empty(), concat!(stringify!($action), " has empty help in ", stringify!($mode))); )? )+
            )+
            super::declare::distinct_names(NAMES);
        };
    };
}

pub(super) use actions;

/// Stops the build when two actions share a name, a name is empty, or an action is called
/// "none" (the word a keymap file uses to unbind a key).
pub(super) const fn distinct_names<A>(names: &[(A, &str)]) {
    let mut i = 0;
    while i < names.len() {
        assert!(!names[i].1.is_empty(), "an action has an empty name");
        assert!(
            !same(names[i].1, "none"),
            "`none` unbinds a key; no action may take it"
        );
        let mut j = i + 1;
        while j < names.len() {
            assert!(!same(names[i].1, names[j].1), "two actions share a name");
            j += 1;
        }
        i += 1;
    }
}

/// `a == b` for `&str` in a `const` (`PartialEq` is not const yet).
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
