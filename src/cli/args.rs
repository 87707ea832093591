use std::path::PathBuf;

use clap::{Parser, Subcommand};

const ABOUT: &str = "Plan, review and monitor a Theory of Change for integration work, built on the \
Home Office Indicators of Integration framework 2019.";

const CREDIT: &str = "Contains public sector information licensed under the Open Government Licence v3.0. \
Source: Home Office, Home Office Indicators of Integration framework 2019 (third edition). \
Index, worksheet prompts and worked cases are based on IOM UK, Guide for Practitioners on the \
Home Office Indicators of Integration Framework 2019 (2020). Most indicator wording is tocplan's \
own; see the README.";

#[derive(Debug, Parser)]
#[command(name = "tocplan", version, about = ABOUT, after_help = CREDIT)]
pub struct Cli {
    /// The plan to open in the app (a missing file starts a new plan that saves there).
    pub plan: Option<PathBuf>,

    /// Load an extra bank of indicators (tocplan's bank TOML format); may be repeated.
    #[arg(long, global = true, value_name = "FILE")]
    pub bank: Vec<PathBuf>,

    /// Do not load banks from the user's config folder ($XDG_CONFIG_HOME/tocplan/banks).
    #[arg(long, global = true)]
    pub no_user_banks: bool,

    /// The app's colour theme: dark, light, high-contrast, monochrome, or a theme file.
    /// Overrides `theme` in the config file; NO_COLOR=1 turns all colour off.
    #[arg(long, value_name = "NAME|PATH")]
    pub theme: Option<String>,

    /// Run the app without a terminal, driven by a key script (see --keys), and print
    /// what each step cost: time per key, bytes written to the terminal, peak memory.
    #[arg(long, requires = "plan")]
    pub headless: bool,

    /// The key script for --headless: one key per line as in keymap.toml (`j`, `Enter`,
    /// `Ctrl-s`), `KEY x N` to repeat, `type TEXT` to type text, `#` comments.
    #[arg(long, value_name = "FILE", requires = "headless")]
    pub keys: Option<PathBuf>,

    /// The terminal size for --headless, as WIDTHxHEIGHT.
    #[arg(long, value_name = "WxH", default_value = "80x24", value_parser = parse_size, requires = "headless")]
    pub size: (u16, u16),

    /// Print the --headless figures as JSON instead of a table.
    #[arg(long, requires = "headless")]
    pub json: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
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
    New {
        plan: PathBuf,
        /// The plan's title (default: from the file name).
        #[arg(long)]
        title: Option<String>,
    },
    /// Validate plans: exit 0 if valid, 1 if there are findings, 2 if a file cannot be read
    /// or parsed. Findings are printed as `file:line:col: severity: message`.
    Check {
        #[arg(required = true)]
        plans: Vec<PathBuf>,
        /// `text` (one finding per line) or `json` (one array of findings, for tools).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Rewrite plans in canonical form (comments and unknown keys are kept).
    Fmt {
        #[arg(required = true)]
        plans: Vec<PathBuf>,
        /// Only report files that would change; exit 1 if any would.
        #[arg(long)]
        check: bool,
    },
    /// List the bank of indicators by domain, or, given a query, the indicators that match it,
    /// best first (the app's picker: words in any order, #domain @category !perspective).
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
    },
    /// List the categories and domains with the practitioners' index words for each.
    Domains,
    /// Export the plan: `markdown` (the whole Theory of Change as a document, with the
    /// evaluation plan), `csv` (the evaluation plan: one row per measure), `mermaid` or
    /// `dot` (the chain as a graph), `html` (a report page to open, print or send).
    Export {
        plan: PathBuf,
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Write here instead of printing (an existing file needs --force).
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        force: bool,
    },
    /// Record a monitoring reading of a measure (for scripts); the plan is saved atomically.
    Record {
        plan: PathBuf,
        /// The measure's id (see `tocplan export`).
        measure: String,
        /// The value, a number such as 24 or 12.5.
        value: String,
        /// The date of the reading, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        /// A note on the reading.
        #[arg(long)]
        note: Option<String>,
        /// Replace a reading already recorded for that measure on that date.
        #[arg(long)]
        replace: bool,
    },
    /// Banks of indicators: import one from a spreadsheet.
    Bank {
        #[command(subcommand)]
        action: BankCommand,
    },
    /// What changed in a plan, in plan terms: `diff OLD NEW` for two files, `diff REV [PLAN]`
    /// against the working copy, `diff REV1 REV2 [PLAN]` between git revisions (without
    /// PLAN: every plan that changed). Exit 0 no changes, 1 changes, 2 error.
    Diff {
        #[arg(required = true, num_args = 1..=3, value_name = "OLD NEW | REV [PLAN] | REV1 REV2 [PLAN]")]
        args: Vec<String>,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// The plan's history from git: one semantic diff per commit that changed it, newest
    /// first.
    Log {
        plan: PathBuf,
        /// At most this many commits.
        #[arg(long, short = 'n')]
        max_count: Option<usize>,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// Print a plan in a readable outline, one field per line (a git textconv driver:
    /// `git diff` then shows plan changes readably).
    Show {
        plan: PathBuf,
        /// The outline (the only form so far; the flag is what the git config names).
        #[arg(long)]
        text: bool,
    },
    /// git's merge driver (set up by `git-setup`): a three-way merge by item and field.
    /// Writes the result to OURS; exits 1 on a conflict, with git's markers around the
    /// items in question and each conflict named.
    MergeDriver {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        /// The plan's path in the repository, for messages.
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
    },
    /// Set up this repository for plans: the textconv driver (readable `git diff`) and the
    /// merge driver in .git/config, and the lines in .gitattributes. Each clone runs it
    /// once; running it again changes nothing.
    GitSetup {
        /// Which files are plans (default: the folders of the plans git tracks, or plans/*.toml).
        #[arg(long = "pattern", value_name = "GLOB")]
        patterns: Vec<String>,
        /// How git should call tocplan, as a shell command (default: this binary's full
        /// path, so git finds it whatever PATH holds). A bare name must be on PATH.
        #[arg(long)]
        command: Option<String>,
    },
    /// Many plans side by side: per plan its review status and off-track measures, the
    /// domains each measures, the indicators plans share with each one's latest reading, and
    /// the gaps. Give plan files or folders (searched for .toml plans). A plan that cannot
    /// be read is listed with its error and the rest are reported (exit 1).
    Portfolio {
        #[arg(required = true, value_name = "PLANS|DIR")]
        plans: Vec<PathBuf>,
        /// Read the plans as they are at this git revision instead of on disk.
        #[arg(long, value_name = "REV")]
        rev: Option<String>,
        #[arg(long, value_enum, default_value_t = PortfolioFormat::Text)]
        format: PortfolioFormat,
    },
    /// Write a generated plan or bank of any size, for trying tocplan out at scale and
    /// for the speed figures (`--headless`, the benchmarks).
    Generate {
        #[command(subcommand)]
        what: GenerateCommand,
    },
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Turn a spreadsheet (xlsx, xls, ods or csv) with a domain column and an indicator
    /// column, such as the Home Office toolkit, into a bank in tocplan's format. Rows that
    /// cannot be placed are listed with their row numbers. Exit 0 if every row was placed,
    /// 1 if some were skipped, 2 if the sheet cannot be read.
    Import {
        file: PathBuf,
        /// Write the bank here (default: print it); an existing file needs --force.
        #[arg(long, value_name = "BANK.toml")]
        out: Option<PathBuf>,
        /// Overwrite --out if it exists.
        #[arg(long)]
        force: bool,
        /// The domain column: its header, a letter (B) or a number (2); found by header otherwise.
        #[arg(long, value_name = "COLUMN")]
        domain_column: Option<String>,
        /// The indicator column: its header, a letter or a number.
        #[arg(long, value_name = "COLUMN")]
        indicator_column: Option<String>,
        /// The sheet to read (default: the first with a header row).
        #[arg(long)]
        sheet: Option<String>,
        /// The bank's id, which starts every indicator id (default: home-office with
        /// --official, else from the file name).
        #[arg(long)]
        id: Option<String>,
        /// The bank's name (default: from the file name).
        #[arg(long)]
        name: Option<String>,
        /// The sheet is the official Home Office toolkit: mark its wording as official.
        #[arg(long)]
        official: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The evaluation plan as a table.
    Csv,
    /// The whole Theory of Change as a document, ending with the evaluation plan.
    Markdown,
    /// The chain as a Mermaid flowchart (renders in GitHub and GitLab).
    Mermaid,
    /// The chain as a Graphviz DOT graph.
    Dot,
    /// The whole plan as one self-contained page (diagram, evidence, evaluation plan,
    /// progress charts, review) to open, print or send.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PortfolioFormat {
    /// For a terminal: within 80 columns.
    Text,
    /// One row per plan, with its measures per domain.
    Csv,
    /// Everything, for tools.
    Json,
    Markdown,
    /// One self-contained page: a heat-map of domains, shared indicators side by side.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum GenerateCommand {
    /// A valid plan of about N outcomes, outputs and activities (1 : 2 : 2), all linked,
    /// with measures, assumptions and evidence.
    Plan {
        /// How many items.
        #[arg(long, default_value_t = 1000, value_name = "N")]
        items: usize,
        /// Also make the context's problem about BYTES of prose lines, and the first
        /// outcome's text one line of BYTES: large fields, to try big values.
        #[arg(long, value_name = "BYTES")]
        long_text: Option<usize>,
        out: PathBuf,
        /// Overwrite OUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// A folder of N generated plans (of --items items each), with their own places,
    /// readings and indicators, for trying `tocplan portfolio` at scale.
    Portfolio {
        /// How many plans.
        #[arg(long, default_value_t = 1000, value_name = "N")]
        plans: usize,
        /// How many items each plan has.
        #[arg(long, default_value_t = 100, value_name = "N")]
        items: usize,
        /// The folder to write them in (made if missing; existing plans need --force).
        dir: PathBuf,
        /// Overwrite plans already there.
        #[arg(long)]
        force: bool,
    },
    /// A bank of N indicators made of the built-in bank's words, spread over the 14 domains.
    Bank {
        /// How many indicators.
        #[arg(long, default_value_t = 100_000, value_name = "N")]
        indicators: usize,
        out: PathBuf,
        /// Overwrite OUT if it exists.
        #[arg(long)]
        force: bool,
    },
}
