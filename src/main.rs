//! claimdiff: parse the command line, then run a subcommand or open the window.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = claimdiff::cli::Cli::parse();
    match cli.command {
        Some(command) => match claimdiff::cli::run(command) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                for line in format!("{e:#}").lines() {
                    eprintln!("claimdiff: {line}");
                }
                ExitCode::FAILURE
            }
        },
        None => {
            eprintln!("claimdiff: the window is not built yet; try `claimdiff compare --demo`");
            ExitCode::FAILURE
        }
    }
}
