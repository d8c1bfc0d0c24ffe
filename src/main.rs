//! claimdiff: parse the command line, then run a subcommand or open the window.

// The Windows release exe is a windowed program; the command line attaches to its console.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

use claimdiff::platform::attach_console;
use clap::Parser;

fn main() -> ExitCode {
    let cli = match claimdiff::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            attach_console();
            e.exit()
        }
    };
    match cli.command {
        Some(command) => match run_in_console(command) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                for line in format!("{e:#}").lines() {
                    eprintln!("claimdiff: {line}");
                }
                ExitCode::FAILURE
            }
        },
        None => match open_window(cli.files) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                attach_console();
                eprintln!("claimdiff: could not open the window: {e}");
                eprintln!(
                    "claimdiff: the terminal commands still work, e.g. `claimdiff compare --demo`"
                );
                ExitCode::FAILURE
            }
        },
    }
}

/// Run a terminal subcommand, printing to the console it was started from.
fn run_in_console(command: claimdiff::cli::CliCommand) -> anyhow::Result<()> {
    attach_console();
    claimdiff::cli::run(command)
}

/// Open the window on `files` (the demo story when there are none).
fn open_window(files: Vec<std::path::PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("claimdiff")
            .with_app_id(claimdiff::platform::APP_ID)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true)
            .with_icon(claimdiff::platform::window_icon()),
        ..Default::default()
    };
    eframe::run_native(
        "claimdiff",
        options,
        Box::new(move |cc| {
            Ok(Box::new(claimdiff::app::App::new(
                cc,
                claimdiff::app::Startup::desktop(files),
            )))
        }),
    )
}
