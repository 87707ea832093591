//! `tocplan generate`'s subcommands: plans, portfolios and banks of any size, for trying
//! tocplan at scale and for the speed figures.

use std::path::PathBuf;

use clap::Subcommand;

use super::EXIT_DONE;

#[derive(Debug, Subcommand)]
pub enum GenerateCommand {
    /// A valid plan of about N items, all linked.
    ///
    /// Outcomes, outputs and activities (1 : 2 : 2), with measures, assumptions and
    /// evidence.
    #[command(after_help = EXIT_DONE)]
    Plan {
        /// How many items (at least 5: an outcome, an output and an activity each take
        /// their share).
        #[arg(long, default_value_t = 1000, value_name = "N",
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(5..))]
        items: usize,
        /// Also make the context's problem about BYTES of prose lines, and the first
        /// outcome's text one line of BYTES: large fields, to try big values.
        #[arg(long, value_name = "BYTES")]
        long_text: Option<usize>,
        /// Where to write the plan.
        out: PathBuf,
        /// Overwrite OUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// A folder of N generated plans (of --items items each), with their own places,
    /// readings and indicators, for trying `tocplan portfolio` at scale.
    #[command(after_help = EXIT_DONE)]
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
    #[command(after_help = EXIT_DONE)]
    Bank {
        /// How many indicators.
        #[arg(long, default_value_t = 100_000, value_name = "N")]
        indicators: usize,
        /// Where to write the bank.
        out: PathBuf,
        /// Overwrite OUT if it exists.
        #[arg(long)]
        force: bool,
    },
}
