//! `nastavnik`: the server binary. Parses the command line and hands over to the library.

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = nastavnik::cli::Cli::parse();
    nastavnik::telemetry::init(&cli.log);
    match nastavnik::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        // Input the user can fix: exit code 2, like a usage error.
        Err(error) if error.is::<nastavnik::matcher::BadInput>() => {
            eprintln!("error: {error}");
            std::process::ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
