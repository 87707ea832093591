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
mod man;
mod mistyped;
mod new;
mod output;
mod portfolio;
mod ranked;
mod show;
mod version;

pub use args::{
    BankCommand, Banks, Cli, Command, DiffFormat, ExportFormat, Format, GenerateCommand,
    PortfolioFormat,
};

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, Parser};

use crate::framework::{BankOrigin, Framework};

/// Parses the arguments and runs; the exit code follows `diff`: 0 fine, 1 findings, 2 error.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(why) = mistyped::refuse(&Cli::command(), &args) {
        output::error(&why);
        return ExitCode::from(2);
    }
    let cli = Cli::parse_from(args);
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // The reader went away (`tocplan indicators | head`): it has all it wanted, so
        // this is no error and there is nothing to say.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // `{:#}` is the whole chain; each error in it says only what the next does not.
            output::error(&format!("{e:#}"));
            ExitCode::from(2)
        }
    }
}

/// Whether the error is a write to a closed pipe, also when it comes wrapped in a JSON
/// writer's error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}

pub fn run(cli: Cli) -> anyhow::Result<u8> {
    let started = std::time::Instant::now();
    if let Some(command) = &cli.command
        && !cli.banks.is_empty()
        && banks_of(command).is_none()
    {
        anyhow::bail!(
            "`{}` reads no bank of indicators, so --bank and --no-user-banks do nothing there; \
             leave them out",
            command_name(command)
        );
    }
    // The app's own options do nothing under a subcommand: refused, as the banks are where
    // they are not read, rather than accepted and ignored.
    if let Some(command) = &cli.command {
        let app_only = [
            cli.theme.as_ref().map(|_| "--theme".to_string()),
            cli.plan
                .as_ref()
                .map(|p| format!("the plan `{}` before it", p.display())),
        ];
        if let Some(given) = app_only.into_iter().flatten().next() {
            anyhow::bail!(
                "`{}` opens no app, so {given} does nothing there; leave it out (only `tocplan PLAN` takes it)",
                command_name(command)
            );
        }
    }
    let banks = cli
        .command
        .as_ref()
        .and_then(banks_of)
        .map_or_else(|| cli.banks.clone(), |b| cli.banks.and(b));
    let fw = || load_framework(&banks.bank, banks.no_user_banks);
    match cli.command {
        None => match &cli.plan {
            Some(plan) if cli.headless => headless::run(plan, &cli, started, fw),
            Some(plan) => {
                let opts = crate::tui::Options {
                    theme: cli.theme.clone(),
                    config_dir: crate::tui::config_dir(),
                };
                crate::tui::open(plan, &fw()?, &opts).map_err(without_terminal)
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
        Some(Command::Check {
            ref plans, format, ..
        }) => Ok(check::run(plans, format, &fw()?)),
        Some(Command::Fmt {
            ref plans, check, ..
        }) => Ok(fmt::run(plans, check, &fw()?)),
        Some(Command::Indicators {
            ref query,
            limit,
            json,
            ref domain,
            ref category,
            ..
        }) if json || !query.is_empty() => {
            let filters = listing::Filters {
                domain: domain.as_deref(),
                category: category.as_deref(),
            };
            // With a query, the best 10 unless told; without one, the whole bank.
            let limit = limit.unwrap_or(if query.is_empty() { 0 } else { 10 });
            ranked::run(
                &banks.bank,
                banks.no_user_banks,
                &query.join(" "),
                filters,
                limit,
                json,
            )
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
        // Domains and their index words are the framework's own: no bank changes them, so
        // none is read (nor warned about).
        Some(Command::Domains) => listing::domains(&load_framework(&[], true)?),
        Some(Command::Bank { ref action }) => bank::run(action, &fw()?),
        Some(Command::Generate { ref what }) => generate::run(what),
        Some(Command::Portfolio {
            ref plans,
            ref rev,
            format,
            ..
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
            ..
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
            ..
        }) => evaluation::export(plan, format, out.as_deref(), force, &fw()?),
        Some(Command::Record {
            ref plan,
            ref measure,
            ref value,
            ref group,
            ref date,
            ref note,
            replace,
            ..
        }) => evaluation::record(
            plan,
            evaluation::NewReading {
                measure,
                value,
                group: group.as_deref(),
                date: date.as_deref(),
                note: note.as_deref(),
                replace,
            },
            &fw()?,
        ),
        Some(Command::Completions { shell }) => {
            // Into a buffer first: clap_complete panics when it cannot write.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "tocplan", &mut script);
            output::print(&String::from_utf8_lossy(&script))?;
            Ok(0)
        }
        Some(Command::Man {
            ref subcommand,
            ref dir,
        }) => man::run(subcommand, dir.as_deref()),
    }
}

/// The banks a subcommand takes, if it reads any.
fn banks_of(command: &Command) -> Option<&Banks> {
    match command {
        Command::Check { banks, .. }
        | Command::Fmt { banks, .. }
        | Command::Indicators { banks, .. }
        | Command::Export { banks, .. }
        | Command::Record { banks, .. }
        | Command::MergeDriver { banks, .. }
        | Command::Portfolio { banks, .. }
        | Command::Bank {
            action: BankCommand::Import { banks, .. },
        } => Some(banks),
        Command::New { .. }
        | Command::Domains
        | Command::Diff { .. }
        | Command::Log { .. }
        | Command::Show { .. }
        | Command::GitSetup { .. }
        | Command::Generate { .. }
        | Command::Completions { .. }
        | Command::Man { .. } => None,
    }
}

/// The subcommand's name as typed (`git-setup`): clap names each variant in kebab case,
/// and Debug starts with the variant's name.
fn command_name(command: &Command) -> String {
    format!("{command:?}")
        .split([' ', '{', '('])
        .next()
        .map(kebab)
        .unwrap_or_default()
}

fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The app's "needs a terminal" error, with every subcommand that works without one
/// (all of them), as clap knows them, so the list never falls behind.
fn without_terminal(e: anyhow::Error) -> anyhow::Error {
    if e.downcast_ref::<crate::tui::NoTerminal>().is_none() {
        return e;
    }
    let names: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    anyhow::anyhow!(
        "{e}. Every subcommand works without one: `tocplan {}` (`tocplan --help` says what \
         each does), and `tocplan PLAN --headless --keys FILE` drives the app from a key script",
        names.join("`, `")
    )
}

/// The built-in framework, then the user's bank folder, then each `--bank FILE`.
pub fn load_framework(
    banks: &[std::path::PathBuf],
    no_user_banks: bool,
) -> anyhow::Result<Framework> {
    load_banks(builtin_framework()?, banks, no_user_banks)
}

/// The built-in framework, caching large banks in the user's cache folder.
pub fn builtin_framework() -> anyhow::Result<Framework> {
    let mut fw = Framework::builtin().context("the built-in framework data is damaged")?;
    if let Some(dir) = dirs::cache_dir() {
        fw.cache_banks_in(dir.join("tocplan").join("banks"));
    }
    Ok(fw)
}

/// The bank files `load_banks` reads, in its order.
pub fn bank_files(banks: &[std::path::PathBuf], no_user_banks: bool) -> Vec<std::path::PathBuf> {
    let mut files = match Framework::user_bank_dir() {
        Some(dir) if !no_user_banks => Framework::user_bank_files(&dir),
        _ => Vec::new(),
    };
    for b in banks {
        if !files.contains(b) {
            files.push(b.clone());
        }
    }
    files
}

/// `fw` with the user's bank folder, then each `--bank FILE`, loaded.
pub fn load_banks(
    mut fw: Framework,
    banks: &[std::path::PathBuf],
    no_user_banks: bool,
) -> anyhow::Result<Framework> {
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
