//! The command line: open the app, or run a non-interactive subcommand for scripts and CI.

mod args;
mod bank;
mod check;
mod diff;
mod evaluation;
mod fmt;
mod generate;
mod git;
mod headless;
mod listing;
mod log;
mod new;
mod output;
mod portfolio;
mod ranked;
mod show;
mod version;

pub use args::{
    BankCommand, Cli, Command, DiffFormat, ExportFormat, Format, GenerateCommand, PortfolioFormat,
};

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, Parser};

use crate::framework::{BankOrigin, Framework};

/// Parses the arguments and runs; the exit code follows `diff`: 0 fine, 1 findings, 2 error.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // The reader went away (`tocplan indicators | head`): nothing to say, to no one.
        Err(e) if is_broken_pipe(&e) => ExitCode::from(141),
        Err(e) => {
            // `{:#}` is the whole chain; each error in it says only what the next does not.
            output::error(&format!("{e:#}"));
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

pub fn run(cli: Cli) -> anyhow::Result<u8> {
    let started = std::time::Instant::now();
    let fw = || load_framework(&cli.bank, cli.no_user_banks);
    match cli.command {
        None => match &cli.plan {
            Some(plan) if cli.headless => headless::run(plan, &cli, started, fw),
            Some(plan) => {
                let opts = crate::tui::Options {
                    theme: cli.theme.clone(),
                    config_dir: crate::tui::config_dir(),
                };
                crate::tui::open(plan, &fw()?, &opts)
            }
            None => {
                Cli::command().print_help()?;
                Ok(2)
            }
        },
        Some(Command::New {
            ref plan,
            ref title,
        }) => new::run(plan, title.as_deref()),
        Some(Command::Check { ref plans, format }) => Ok(check::run(plans, format, &fw()?)),
        Some(Command::Fmt { ref plans, check }) => Ok(fmt::run(plans, check, &fw()?)),
        Some(Command::Indicators {
            ref query,
            limit,
            json,
            ref domain,
            ref category,
        }) if json || !query.is_empty() => {
            let filters = listing::Filters {
                domain: domain.as_deref(),
                category: category.as_deref(),
            };
            // With a query, the best 10 unless told; without one, the whole bank.
            let limit = limit.unwrap_or(if query.is_empty() { 0 } else { 10 });
            ranked::run(&fw()?, &query.join(" "), filters, limit, json)
        }
        Some(Command::Indicators {
            ref domain,
            ref category,
            limit,
            ..
        }) => listing::indicators(
            &fw()?,
            domain.as_deref(),
            category.as_deref(),
            limit.unwrap_or(0),
        ),
        Some(Command::Domains) => listing::domains(&fw()?),
        Some(Command::Bank { ref action }) => bank::run(action, &fw()?),
        Some(Command::Generate { ref what }) => generate::run(what),
        Some(Command::Portfolio {
            ref plans,
            ref rev,
            format,
        }) => portfolio::run(plans, rev.as_deref(), format, &fw()?),
        Some(Command::Diff { ref args, format }) => diff::run(args, format),
        Some(Command::Show { ref plan, .. }) => show::show(plan),
        Some(Command::Log {
            ref plan,
            max_count,
            format,
        }) => log::log(plan, max_count, format),
        Some(Command::MergeDriver {
            ref base,
            ref ours,
            ref theirs,
            ref name,
            marker_size,
            ref base_label,
            ref ours_label,
            ref theirs_label,
        }) => {
            let labels = git::Labels {
                size: marker_size,
                base: base_label.as_deref(),
                ours: ours_label.as_deref(),
                theirs: theirs_label.as_deref(),
            };
            git::merge_driver([base, ours, theirs], name.as_deref(), &labels, &fw()?)
        }
        Some(Command::GitSetup {
            ref patterns,
            ref command,
        }) => git::setup(patterns, command.as_deref()),
        Some(Command::Export {
            ref plan,
            format,
            ref out,
            force,
        }) => evaluation::export(plan, format, out.as_deref(), force, &fw()?),
        Some(Command::Record {
            ref plan,
            ref measure,
            ref value,
            ref date,
            ref note,
            replace,
        }) => evaluation::record(
            plan,
            evaluation::NewReading {
                measure,
                value,
                date: date.as_deref(),
                note: note.as_deref(),
                replace,
            },
            &fw()?,
        ),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "tocplan",
                &mut std::io::stdout(),
            );
            Ok(0)
        }
    }
}

/// The built-in framework, then the user's bank folder, then each `--bank FILE`.
pub fn load_framework(
    banks: &[std::path::PathBuf],
    no_user_banks: bool,
) -> anyhow::Result<Framework> {
    let mut fw = Framework::builtin().context("the built-in framework data is damaged")?;
    if let Some(dir) = dirs::cache_dir() {
        fw.cache_banks_in(dir.join("tocplan").join("banks"));
    }
    if !no_user_banks && let Some(dir) = Framework::user_bank_dir() {
        fw.load_user_banks(&dir);
        for w in fw.warnings() {
            output::warn(w);
        }
    }
    for b in banks {
        load_bank(&mut fw, b)?;
    }
    Ok(fw)
}

fn load_bank(fw: &mut Framework, path: &Path) -> anyhow::Result<()> {
    if fw
        .banks()
        .any(|(_, o)| *o == BankOrigin::File(path.to_path_buf()))
    {
        return Ok(());
    }
    fw.load_bank_file(path)?;
    Ok(())
}
