//! The command line: every setting is a flag with an environment variable.

use std::path::PathBuf;

use clap::builder::BoolishValueParser;
use clap::{ArgAction, Parser, Subcommand};

/// Nastavnik — school mentoring programmes: participant base, pairs, questionnaires, reports.
///
/// Without a subcommand, `serve` runs with its defaults: a SQLite database in ./data and
/// http://127.0.0.1:3000. On a database with no account it prints a one-time code for the
/// first run (/setup); `serve --demo` loads the demo district into an empty database instead.
#[derive(Debug, Parser)]
#[command(name = "nastavnik", version, about, long_about)]
pub struct Cli {
    /// Database: `sqlite://PATH?mode=rwc` (embedded default) or `postgres://USER:PASS@HOST/DB`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/nastavnik.db?mode=rwc", global = true)]
    pub database_url: String,

    /// Log filter in RUST_LOG syntax, e.g. `info` or `nastavnik=debug,tower_http=info`.
    #[arg(long, env = "RUST_LOG", default_value = "info,sqlx=warn", global = true)]
    pub log: String,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application (the default).
    Serve(ServeArgs),
    /// Load the demo district (schools, programmes, participants, accounts) into an empty database.
    Demo,
    /// Import participants of one school from a CSV or XLSX file; a file with bad rows imports nothing.
    Import {
        /// The file to read (`.csv` or `.xlsx`).
        file: PathBuf,
        /// Id of the school (organisation) the participants join.
        #[arg(long)]
        organisation: i64,
        /// Id of a programme of that school the participants join (they can form pairs there).
        #[arg(long)]
        programme: Option<i64>,
    },
    /// Export one school's participants to CSV or XLSX (chosen by the file's extension).
    Export {
        /// The file to write (`.csv` or `.xlsx`).
        file: PathBuf,
        /// Id of the school (organisation).
        #[arg(long)]
        organisation: i64,
    },
    /// Optimal mentor–mentee assignment for a JSON problem (see the matcher module): prints
    /// pairs, unmatched, matched count and total score. Malformed input exits with code 2.
    Match {
        /// The problem file.
        #[arg(long)]
        input: PathBuf,
    },
    /// What «Подобрать пары» would propose for a programme — each move with its score before
    /// and after and the criteria behind it — without changing anything.
    Suggest {
        /// Id of the programme.
        #[arg(long)]
        programme: i64,
    },
    /// Accounts: add one, change a password, list them, disable one. A password is read from
    /// the terminal (or the first line of standard input), never from a flag.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
    /// Write a consistent copy of a live SQLite database (`VACUUM INTO`), safe while serving.
    Backup {
        /// Where to write the copy; must not exist.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a coordinator's (`--role methodologist`) or a curator's (`--role curator --school ID`) account.
    Add {
        #[arg(long)]
        login: String,
        /// Full name, as the header and the history show it.
        #[arg(long)]
        name: String,
        /// `methodologist` (муниципальный координатор) or `curator` (куратор школы).
        #[arg(long)]
        role: String,
        /// The curator's school (organisation id).
        #[arg(long)]
        school: Option<i64>,
        /// The coordinator's district, when the database holds more than one.
        #[arg(long)]
        district: Option<i64>,
    },
    /// Set a new password; every session of that account ends.
    Passwd { login: String },
    /// Every account: login, role, name, school, whether disabled.
    List,
    /// Disable an account: it signs in nowhere from now on and its sessions end at once.
    Disable { login: String },
}

#[derive(Debug, Clone, Default, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "NASTAVNIK_ADDR")]
    pub addr: Option<std::net::SocketAddr>,
    /// Load the demo district (every password `demo2026`) into an empty database. Never on a
    /// real deployment. As a variable: 1/0, true/false, yes/no, on/off.
    #[arg(long, env = "NASTAVNIK_DEMO", action = ArgAction::SetTrue, value_parser = BoolishValueParser::new())]
    pub demo: bool,
    /// Mark session cookies `Secure`: set this when users reach the app over HTTPS.
    /// As a variable: 1/0, true/false, yes/no, on/off.
    #[arg(long, env = "NASTAVNIK_SECURE_COOKIES", action = ArgAction::SetTrue, value_parser = BoolishValueParser::new())]
    pub secure_cookies: bool,
    /// The address users open, such as https://nastavnik.example.ru: requests that change
    /// something are taken only from pages of this origin, and an https address makes cookies
    /// `Secure`. Without it, the host each request names is taken as the origin.
    #[arg(long, env = "NASTAVNIK_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Behind a reverse proxy or load balancer that appends the client's address to
    /// `X-Forwarded-For`: count failed logins per client by that address. Never without such a
    /// proxy (a client could then name any address). As a variable: 1/0, true/false, yes/no, on/off.
    #[arg(long, env = "NASTAVNIK_BEHIND_PROXY", action = ArgAction::SetTrue, value_parser = BoolishValueParser::new())]
    pub behind_proxy: bool,
}

/// Runs the chosen subcommand.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command.unwrap_or(Command::Serve(ServeArgs::default())) {
        Command::Serve(args) => crate::startup::serve(&cli.database_url, args).await,
        Command::Demo => {
            let db = app::store::connect(&cli.database_url).await?;
            let logins = crate::demo::load(&db).await?;
            crate::demo::print_logins(&logins);
            Ok(())
        }
        Command::Import { file, organisation, programme } => {
            crate::ops::import(&cli.database_url, &file, organisation, programme).await
        }
        Command::Export { file, organisation } => crate::ops::export(&cli.database_url, &file, organisation).await,
        Command::Backup { file } => crate::ops::backup(&cli.database_url, &file).await,
        Command::User { action } => crate::ops::user(&cli.database_url, action).await,
        Command::Match { input } => crate::matcher::command(&input),
        Command::Suggest { programme } => crate::ops::suggest(&cli.database_url, programme).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serve_args(args: &[&str]) -> ServeArgs {
        match Cli::try_parse_from(args).expect("parses").command {
            Some(Command::Serve(serve)) => serve,
            other => panic!("not serve: {other:?}"),
        }
    }

    #[test]
    fn boolean_settings_read_one_zero_true_false_yes_no() {
        // The only test that touches these variables, so setting them here races nothing.
        for (value, expected) in [("1", true), ("0", false), ("true", true), ("false", false), ("yes", true), ("no", false)] {
            std::env::set_var("NASTAVNIK_DEMO", value);
            std::env::set_var("NASTAVNIK_SECURE_COOKIES", value);
            let args = serve_args(&["nastavnik", "serve"]);
            assert_eq!((args.demo, args.secure_cookies), (expected, expected), "{value}");
        }
        std::env::remove_var("NASTAVNIK_DEMO");
        std::env::remove_var("NASTAVNIK_SECURE_COOKIES");
        assert!(serve_args(&["nastavnik", "serve", "--demo"]).demo);
        assert!(!serve_args(&["nastavnik", "serve"]).demo, "the demo is opt-in");
    }
}
