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
        write_pages(&cmd, dir)
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
    super::output::print(&render(page)?)?;
    Ok(0)
}

/// The page of `cmd` and of each subcommand under it, each as `tocplan-check.1`.
fn write_pages(cmd: &clap::Command, dir: &Path) -> std::io::Result<()> {
    let name = format!("{}.1", cmd.get_display_name().unwrap_or(cmd.get_name()));
    std::fs::write(dir.join(name), render(cmd)?)?;
    for sub in cmd.get_subcommands() {
        write_pages(sub, dir)?;
    }
    Ok(())
}

/// One page as clap_mangen renders it, with the help's closing lines under the headings
/// a manual uses: EXIT STATUS, and SOURCES for the framework's credit (clap_mangen puts
/// all of them under EXTRA).
fn render(cmd: &clap::Command) -> std::io::Result<String> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut roff)?;
    let page = String::from_utf8_lossy(&roff)
        .replacen(".SH EXTRA\nExit status: ", ".SH \"EXIT STATUS\"\n", 1)
        .replacen(
            "\nContains public sector information",
            "\n.SH SOURCES\nContains public sector information",
            1,
        );
    Ok(page)
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
