//! `tocplan man`: manual pages made by clap_mangen from the same definitions as `--help`,
//! so the page and the help never disagree.

use std::path::Path;

use anyhow::Context;
use clap::CommandFactory;

use super::Cli;

/// Prints the page of `path` (no words: tocplan's own; `bank import`: that subcommand's),
/// or, given `dir`, writes every page there.
pub fn run(path: &[String], dir: Option<&Path>) -> anyhow::Result<u8> {
    let mut cmd = with_long_help(Cli::command().disable_help_subcommand(true));
    // Built, each subcommand knows its full name (tocplan-bank-import) for its page.
    cmd.build();
    if let Some(dir) = dir {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the folder {}", dir.display()))?;
        clap_mangen::generate_to(cmd, dir)
            .with_context(|| format!("cannot write the pages into {}", dir.display()))?;
        super::output::note(&format!(
            "wrote tocplan.1 and a page per subcommand into {}",
            dir.display()
        ));
        return Ok(0);
    }
    let mut page = &cmd;
    for word in path {
        page = match page.find_subcommand(word) {
            Some(sub) => sub,
            None => {
                let names: Vec<&str> = page.get_subcommands().map(|c| c.get_name()).collect();
                anyhow::bail!(
                    "`{word}` is no subcommand of `{}`; its pages are: {}",
                    page.get_display_name()
                        .unwrap_or("tocplan")
                        .replace('-', " "),
                    if names.is_empty() {
                        "none".to_string()
                    } else {
                        names.join(", ")
                    }
                );
            }
        };
    }
    let mut roff = Vec::new();
    clap_mangen::Man::new(page.clone()).render(&mut roff)?;
    super::output::print(&String::from_utf8_lossy(&roff))?;
    Ok(0)
}

/// The options kept out of `-h` (the benchmark ones) with their help as long help, which
/// is what a manual page shows of them (clap_mangen shows no short help they hide).
fn with_long_help(cmd: clap::Command) -> clap::Command {
    let hidden: Vec<clap::Id> = cmd
        .get_arguments()
        .filter(|a| a.is_hide_short_help_set() && a.get_long_help().is_none())
        .map(|a| a.get_id().clone())
        .collect();
    hidden.into_iter().fold(cmd, |cmd, id| {
        cmd.mut_arg(id, |a| match a.get_help().cloned() {
            Some(help) => a.long_help(help),
            None => a,
        })
    })
}
