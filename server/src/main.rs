//! `nastavnik`: the server binary. Parses the command line and hands over to the library.

use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = nastavnik::cli::Cli::parse();
    nastavnik::telemetry::init(&cli.log);
    nastavnik::cli::run(cli).await
}
