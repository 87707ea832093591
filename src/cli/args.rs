//! The command line's arguments, declared once with clap: `--help`, the manual pages
//! (`tocplan man`) and the shell completions all come from here. This file holds the app's
//! options, the banks every reader takes and the subcommands; `args/bank.rs` and
//! `args/generate.rs` hold those subcommands' own, `args/formats.rs` the output formats.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

mod bank;
mod formats;
mod generate;

pub use bank::BankCommand;
pub use formats::{DiffFormat, ExportFormat, Format, PortfolioFormat};
pub use generate::GenerateCommand;

const ABOUT: &str = "Plan, review and monitor a Theory of Change for integration work, built on the \
Home Office Indicators of Integration framework 2019.";

/// The heading of the options for the speed figures, shown by `--help` only (not `-h`).
const BENCH: &str = "Benchmarking (shown by --help only)";

/// Every command's help ends with what its exit status means; these are the common ones.
const EXIT_DONE: &str = "Exit status: 0 done; 2 error (a message on stderr). A closed pipe (`| head`) \
ends quietly with 0.";

const EXIT_PORTFOLIO: &str = "Exit status: 0 every plan was read; 1 a plan could not be read (it is \
listed with its error, the rest are reported); 2 error (no plans found, a bad revision). A closed \
pipe (`| head`) ends quietly with 0.";

const AFTER_HELP: &str = concat!(
    "Exit status: 0 the app was quit; 2 error (a message on stderr). Each subcommand's \
    --help says its own.\n\n",
    "Contains public sector information licensed under the Open Government Licence v3.0. \
Source: Home Office, Home Office Indicators of Integration framework 2019 (third edition). \
Index, worksheet prompts and worked cases are based on IOM UK, Guide for Practitioners on the \
Home Office Indicators of Integration Framework 2019 (2020). Most indicator wording is tocplan's \
own; see the README."
);

#[derive(Debug, Parser)]
#[command(name = "tocplan", version, about = ABOUT, after_help = AFTER_HELP)]
pub struct Cli {
    /// The plan to open in the app (a missing file named with its .toml starts a new plan
    /// that saves there).
    pub plan: Option<PathBuf>,

    #[command(flatten)]
    pub banks: Banks,

    /// The app's colour theme: dark, light, high-contrast, monochrome, or a theme file.
    /// Overrides `theme` in the config file; NO_COLOR=1 turns all colour off.
    #[arg(long, value_name = "NAME|PATH")]
    pub theme: Option<String>,

    /// Run the app without a terminal, driven by a key script (see --keys), and print
    /// what each step cost: time per key, bytes written to the terminal, peak memory.
    #[arg(long, requires = "plan", hide_short_help = true, help_heading = BENCH)]
    pub headless: bool,

    /// The key script for --headless: one key per line as in keymap.toml (`j`, `Enter`,
    /// `Ctrl-s`), `KEY x N` to repeat, `type TEXT` to type text, `#` comments.
    #[arg(long, value_name = "FILE", requires = "headless", hide_short_help = true, help_heading = BENCH)]
    pub keys: Option<PathBuf>,

    /// The terminal size for --headless, as WIDTHxHEIGHT.
    #[arg(long, value_name = "WxH", default_value = "80x24", value_parser = parse_size, requires = "headless", hide_short_help = true, help_heading = BENCH)]
    pub size: (u16, u16),

    /// Print the --headless figures as JSON instead of a table.
    #[arg(long, requires = "headless", hide_short_help = true, help_heading = BENCH)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The banks of indicators to load, for the app and every subcommand that reads them.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Banks {
    /// Load an extra bank of indicators (tocplan's bank TOML format); may be repeated.
    #[arg(long, value_name = "FILE")]
    pub bank: Vec<PathBuf>,

    /// Do not load banks from the user's config folder ($XDG_CONFIG_HOME/tocplan/banks).
    #[arg(long)]
    pub no_user_banks: bool,
}

impl Banks {
    pub fn is_empty(&self) -> bool {
        self.bank.is_empty() && !self.no_user_banks
    }

    /// These and `more` (the options given before a subcommand, for the app's, and those
    /// given after it).
    pub fn and(&self, more: &Banks) -> Banks {
        Banks {
            bank: self.bank.iter().chain(&more.bank).cloned().collect(),
            no_user_banks: self.no_user_banks || more.no_user_banks,
        }
    }
}

fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let bad = || format!("`{s}` is not a size; write WIDTHxHEIGHT, e.g. 80x24");
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: u16 = w.trim().parse().map_err(|_| bad())?;
    let h: u16 = h.trim().parse().map_err(|_| bad())?;
    if w == 0 || h == 0 {
        return Err(bad());
    }
    Ok((w, h))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a new plan skeleton (never overwrites an existing file).
    #[command(after_help = EXIT_DONE)]
    New {
        /// Where to write the plan, e.g. plans/my-project.toml.
        plan: PathBuf,
        /// The plan's title (default: from the file name).
        #[arg(long)]
        title: Option<String>,
    },
    /// Validate plans and review them against the framework.
    ///
    /// Findings are printed as `file:line:col: severity: message` (plan-wide ones at 1:1),
    /// the form editors and CI annotators read; a summary counts each severity on stderr.
    #[command(
        after_help = "Exit status: 0 when no error or warning counts (advice and \
    waived findings alone exit 0); 1 when there are errors or warnings; 2 when a file cannot \
    be read or parsed as a plan. A closed pipe (`| head`) ends quietly with 0."
    )]
    Check {
        /// The plan files to check, e.g. plans/*.toml.
        #[arg(required = true)]
        plans: Vec<PathBuf>,
        /// How to print the findings.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        banks: Banks,
    },
    /// Rewrite plans in canonical form (comments and unknown keys are kept).
    #[command(
        after_help = "Exit status: 0 done (with --check: nothing would change); 1 with \
    --check when a file would change; 2 when a file cannot be read or written, or a plan has \
    errors (it is then left as it is)."
    )]
    Fmt {
        /// The plan files to rewrite.
        #[arg(required = true)]
        plans: Vec<PathBuf>,
        /// Only report files that would change; exit 1 if any would.
        #[arg(long)]
        check: bool,
        #[command(flatten)]
        banks: Banks,
    },
    /// List the bank of indicators by domain, or those that match a query.
    ///
    /// A query is read as the app's picker reads it: words in any order, #domain @category
    /// !perspective; the best matches come first.
    #[command(after_help = EXIT_DONE)]
    Indicators {
        /// Words to look for, e.g. `tocplan indicators hate crime` or `esol #9`.
        query: Vec<String>,
        /// How many indicators to show, in text and JSON alike (0: all). Default: the best
        /// 10 with a query; every indicator without one.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Print results as JSON (one array of objects).
        #[arg(long)]
        json: bool,
        /// Only this domain: a number (9) or a name (language, "social bridges").
        #[arg(long, value_name = "N|NAME")]
        domain: Option<String>,
        /// Only this category, named as the picker's @ filter takes it: markers_and_means,
        /// social_connections (or bridges, bonds, links), facilitators, foundation.
        #[arg(long, value_name = "NAME")]
        category: Option<String>,
        #[command(flatten)]
        banks: Banks,
    },
    /// List the categories and domains with the practitioners' index words for each.
    #[command(after_help = EXIT_DONE)]
    Domains,
    /// Export the plan as a document, a table, a graph or a report page (printed, or
    /// written with --out).
    ///
    /// `markdown`: the whole Theory of Change as a document, with the evaluation plan;
    /// `csv`: the evaluation plan, one row per measure; `mermaid` or `dot`: the chain as a
    /// graph; `html`: one self-contained page to open, print or send.
    #[command(after_help = EXIT_DONE)]
    Export {
        /// The plan file to export.
        plan: PathBuf,
        /// What to export.
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Write here instead of printing (an existing file needs --force).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Overwrite --out if it exists.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        banks: Banks,
    },
    /// Record a monitoring reading of a measure, or a count of an output (for scripts); the
    /// plan is saved atomically.
    ///
    /// ID names a measure or an output (ids are unique across a plan). A measure read for
    /// comparison groups takes --group for one group's reading; without it the reading is
    /// of the whole sample. A second reading with the same id, date and group needs
    /// --replace.
    #[command(after_help = EXIT_DONE)]
    Record {
        /// The plan file to record the reading in.
        plan: PathBuf,
        /// The id of a measure, or of an output to record its count (see `tocplan export`).
        #[arg(value_name = "ID")]
        measure: String,
        /// The value, a number such as 24 or 12.5.
        value: String,
        /// The comparison group the reading is for: one of the measure's `groups`, by its
        /// name, the start of its name (any case) or its number (1 is the first).
        #[arg(long, value_name = "NAME", value_parser = clap::builder::NonEmptyStringValueParser::new())]
        group: Option<String>,
        /// The date of the reading, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// A note on the reading.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Replace the reading already recorded for that id, date and group (without
        /// --group, the whole sample's); other groups' readings on that date stay.
        #[arg(long)]
        replace: bool,
        #[command(flatten)]
        banks: Banks,
    },
    /// Banks of indicators: import one from a spreadsheet.
    #[command(after_help = EXIT_DONE)]
    Bank {
        #[command(subcommand)]
        action: BankCommand,
    },
    /// What changed in a plan, in plan terms (items and fields, not lines).
    ///
    /// `diff OLD NEW` for two files, `diff REV [PLAN]` against the working copy,
    /// `diff REV1 REV2 [PLAN]` between git revisions (without PLAN: every plan that
    /// changed).
    #[command(
        after_help = "Exit status: 0 no changes; 1 changes; 2 error. A closed pipe \
    (`| head`) ends quietly with 0."
    )]
    Diff {
        /// Two plan files (OLD NEW), or git revisions and an optional plan: REV [PLAN] or
        /// REV1 REV2 [PLAN].
        #[arg(required = true, num_args = 1..=3, value_name = "OLD NEW | REV [PLAN] | REV1 REV2 [PLAN]")]
        args: Vec<String>,
        /// How to print the changes: text for a terminal, markdown for a pull-request
        /// comment, json for tools.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// The plan's history from git, newest first.
    ///
    /// One diff in plan terms per commit that changed the plan.
    #[command(after_help = EXIT_DONE)]
    Log {
        /// The plan file whose history to show.
        plan: PathBuf,
        /// At most this many commits.
        #[arg(long, short = 'n', value_name = "N")]
        max_count: Option<usize>,
        /// How to print each commit's changes: text, markdown or json.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// Print a plan as a readable outline, one field per line.
    ///
    /// This is git's textconv driver (set up by `git-setup`): `git diff` then shows plan
    /// changes readably.
    #[command(after_help = EXIT_DONE)]
    Show {
        /// The plan file to print.
        plan: PathBuf,
        /// The outline (the only form so far; the flag is what the git config names).
        #[arg(long)]
        text: bool,
    },
    /// git's merge driver: a three-way merge by item and field.
    ///
    /// Set up by `git-setup`; git calls it. Writes the result to OURS, with git's markers
    /// around the items in conflict and each conflict named.
    #[command(
        after_help = "Exit status: 0 merged cleanly; 1 a conflict (markers written \
    to OURS); 2 error."
    )]
    MergeDriver {
        /// The common ancestor's version (git's `%O`).
        base: PathBuf,
        /// Our version, where the result is written (git's `%A`).
        ours: PathBuf,
        /// Their version (git's `%B`).
        theirs: PathBuf,
        /// The plan's path in the repository, for messages (git's `%P`).
        name: Option<String>,
        /// The length of the conflict markers (git's `%L`).
        #[arg(long, value_name = "N", default_value_t = 7)]
        marker_size: usize,
        /// The label of the common ancestor's version (git's `%S`).
        #[arg(long, value_name = "LABEL")]
        base_label: Option<String>,
        /// The label of our version (git's `%X`).
        #[arg(long, value_name = "LABEL")]
        ours_label: Option<String>,
        /// The label of their version (git's `%Y`; without it, the name of MERGE_HEAD).
        #[arg(long, value_name = "LABEL")]
        theirs_label: Option<String>,
        #[command(flatten)]
        banks: Banks,
    },
    /// Set up this repository for plans: readable `git diff` and the merge driver.
    ///
    /// Writes the textconv and merge drivers into .git/config and the lines that name the
    /// plans into .gitattributes. Each clone runs it once; running it again changes nothing.
    #[command(after_help = EXIT_DONE)]
    GitSetup {
        /// Which files are plans (default: anchored lines for the plans in the work tree,
        /// tracked or not, that .gitattributes does not cover yet: `plans/*.toml` for a
        /// folder of plans, `/first.toml` for a plan at the top or beside other TOML files).
        #[arg(long = "pattern", value_name = "GLOB")]
        patterns: Vec<String>,
        /// How git should call tocplan, as a shell command (default: this binary's full
        /// path, so git finds it whatever PATH holds). A bare name must be on PATH.
        #[arg(long, value_name = "COMMAND")]
        command: Option<String>,
    },
    /// Many plans side by side: review status, domains measured, shared indicators, gaps.
    ///
    /// Per plan its review status and off-track measures, the domains each measures, the
    /// indicators plans share with each one's latest reading, and the gaps. Give plan files
    /// or folders (searched for .toml plans). A plan that cannot be read is listed with its
    /// error and the rest are reported.
    #[command(after_help = EXIT_PORTFOLIO)]
    Portfolio {
        /// Plan files, or folders searched for .toml plans.
        #[arg(required = true, value_name = "PLANS|DIR")]
        plans: Vec<PathBuf>,
        /// Read the plans as they are at this git revision instead of on disk.
        #[arg(long, value_name = "REV")]
        rev: Option<String>,
        /// How to print the report.
        #[arg(long, value_enum, default_value_t = PortfolioFormat::Text)]
        format: PortfolioFormat,
        #[command(flatten)]
        banks: Banks,
    },
    /// Write a generated plan or bank of any size.
    ///
    /// For trying tocplan out at scale and for the speed figures (`--headless`, the
    /// benchmarks).
    #[command(after_help = EXIT_DONE)]
    Generate {
        #[command(subcommand)]
        what: GenerateCommand,
    },
    /// Print a shell completion script (see the README for where to put it).
    #[command(after_help = EXIT_DONE)]
    Completions {
        /// The shell to write the script for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page, or write every page to a folder.
    ///
    /// The page is roff: read it with `tocplan man | man -l -`.
    #[command(after_help = EXIT_DONE)]
    Man {
        /// The subcommand whose page to print, e.g. `check` or `bank import` (default:
        /// tocplan's own page).
        #[arg(value_name = "SUBCOMMAND", conflicts_with = "dir")]
        subcommand: Vec<String>,
        /// Write tocplan.1 and one page per subcommand (tocplan-check.1, …) into this
        /// folder instead, e.g. ~/.local/share/man/man1.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}
