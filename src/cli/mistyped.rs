//! A first argument that names no file and looks like a subcommand is a typo, not a new
//! plan: `tocplan chekc` must not open the app on an empty plan called `chekc`.

use std::ffi::{OsStr, OsString};
use std::path::Path;

/// Why the first positional argument cannot be a plan, if it cannot: a mistyped subcommand
/// (with clap's own suggestion rule) or a bare word that names neither a file nor a command.
pub fn refuse(cmd: &clap::Command, args: &[OsString]) -> Option<String> {
    let word = first_positional(cmd, args)?;
    let text = word.to_str()?;
    let path = Path::new(word);
    let names: Vec<&str> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(clap::Command::get_name)
        .chain(["help"])
        .collect();
    if path.exists() || names.contains(&text) || cmd.find_subcommand(text).is_some() {
        return None;
    }
    // A name with a folder or an extension is a file the user means to start.
    if text.contains(std::path::MAIN_SEPARATOR) || path.extension().is_some() {
        return None;
    }
    let best = names
        .iter()
        .map(|n| (strsim::jaro(text, n), *n))
        .filter(|(score, _)| *score > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    Some(match best {
        Some((_, name)) => format!(
            "`{text}` is not a subcommand nor a file; did you mean `{name}`? (`tocplan --help` lists the subcommands; a new plan is named with its .toml, e.g. `tocplan {text}.toml`)"
        ),
        None => format!(
            "`{text}` is not a subcommand nor a file; to start a new plan name it with its .toml, e.g. `tocplan {text}.toml` (`tocplan --help` lists the subcommands)"
        ),
    })
}

/// The first argument that is neither an option nor an option's value.
fn first_positional<'a>(cmd: &clap::Command, args: &'a [OsString]) -> Option<&'a OsStr> {
    let mut rest = args.iter().skip(1);
    while let Some(a) = rest.next() {
        let Some(s) = a.to_str() else {
            return Some(a);
        };
        if s == "--" {
            return rest.next().map(OsString::as_os_str);
        }
        if let Some(long) = s.strip_prefix("--") {
            if long.contains('=') {
                continue;
            }
            let takes_value = cmd
                .get_arguments()
                .find(|arg| arg.get_long() == Some(long))
                .is_some_and(|arg| arg.get_action().takes_values());
            if takes_value {
                rest.next();
            }
            continue;
        }
        if s.starts_with('-') && s.len() > 1 {
            continue;
        }
        return Some(a);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn refused(args: &[&str]) -> Option<String> {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        refuse(&crate::cli::Cli::command(), &args)
    }

    #[test]
    fn a_mistyped_subcommand_is_refused_with_a_suggestion() {
        for (typed, meant) in [
            ("chekc", "check"),
            ("indicatros", "indicators"),
            ("fnt", "fmt"),
        ] {
            let why = refused(&["tocplan", typed]).expect("refused");
            assert!(why.contains(&format!("did you mean `{meant}`?")), "{why}");
        }
        let why =
            refused(&["tocplan", "--theme", "dark", "chekc", "plans/x.toml"]).expect("refused");
        assert!(why.contains("did you mean `check`?"), "{why}");
    }

    #[test]
    fn a_file_name_or_a_real_subcommand_is_left_to_clap() {
        assert_eq!(refused(&["tocplan", "check", "x.toml"]), None);
        assert_eq!(refused(&["tocplan", "help"]), None);
        assert_eq!(refused(&["tocplan", "new-plan.toml"]), None);
        assert_eq!(refused(&["tocplan", "plans/check"]), None);
        assert_eq!(refused(&["tocplan", "--theme", "check"]), None);
        assert_eq!(refused(&["tocplan", "--theme=dark"]), None);
        assert_eq!(refused(&["tocplan", "Cargo.toml"]), None);
    }

    #[test]
    fn a_bare_word_that_is_no_file_asks_for_the_toml_name() {
        let why = refused(&["tocplan", "zzzqqq"]).expect("refused");
        assert!(why.contains("`tocplan zzzqqq.toml`"), "{why}");
        assert!(!why.contains("did you mean"), "{why}");
    }
}
