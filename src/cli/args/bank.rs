//! `tocplan bank`'s subcommands: importing a spreadsheet of indicators as a bank.

use std::path::PathBuf;

use clap::Subcommand;

use super::Banks;

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Turn a spreadsheet into a bank of indicators in tocplan's format.
    ///
    /// The sheet (xlsx, xls, ods or csv) has a domain column and an indicator column, as
    /// the Home Office toolkit does. Rows that cannot be placed are listed with their row
    /// numbers.
    #[command(
        after_help = "Exit status: 0 every row was placed; 1 some rows were skipped \
    (listed on stderr); 2 the sheet cannot be read."
    )]
    Import {
        /// The spreadsheet to read: .xlsx, .xls, .ods or .csv.
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
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// The bank's id, which starts every indicator id (default: home-office with
        /// --official, else from the file name).
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// The bank's name (default: from the file name).
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// The sheet is the official Home Office toolkit: mark its wording as official.
        #[arg(long)]
        official: bool,
        #[command(flatten)]
        banks: Banks,
    },
}
