//! Operator subcommands: import, export, backup.

use std::path::Path;

use anyhow::{bail, Context};
use app::api::import::{check_rows, server::write_rows};
use app::models::ParticipantFilter;
use app::store::{self, participants, Backend};

/// `nastavnik import FILE --organisation ID`: all rows or none.
pub async fn import(database_url: &str, file: &Path, organisation: i64, programme: Option<i64>) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let rows = check_rows(app::files::read_participants(&bytes).map_err(anyhow::Error::msg)?);
    let bad: Vec<_> = rows.iter().filter(|r| !r.errors.is_empty()).collect();
    for row in &bad {
        let errors: Vec<String> = row.errors.iter().map(|(f, m)| format!("{f}: {m}")).collect();
        eprintln!("строка {}: {}", row.line, errors.join("; "));
    }
    if !bad.is_empty() {
        bail!("{} строк с ошибками — ничего не импортировано", bad.len());
    }
    let db = store::connect(database_url).await?;
    store::orgs::place(&db, organisation).await.with_context(|| format!("no organisation {organisation}"))?;
    if let Some(programme) = programme {
        let place = store::programmes::place(&db, programme).await.with_context(|| format!("no programme {programme}"))?;
        if place.organisation_id != organisation {
            bail!("programme {programme} belongs to another organisation");
        }
    }
    let count = write_rows(&db, organisation, programme, &rows, false).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    println!("импортировано: {count}");
    Ok(())
}

/// `nastavnik export FILE --organisation ID`: CSV or XLSX by extension.
pub async fn export(database_url: &str, file: &Path, organisation: i64) -> anyhow::Result<()> {
    let db = store::connect(database_url).await?;
    let list = participants::list(&db, organisation, &ParticipantFilter::default()).await?;
    let bytes = match file.extension().and_then(|e| e.to_str()) {
        Some("csv") => app::files::write_csv(&list)?,
        Some("xlsx") => app::files::write_xlsx(&list)?,
        _ => bail!("the file must end in .csv or .xlsx"),
    };
    std::fs::write(file, bytes).with_context(|| format!("cannot write {}", file.display()))?;
    println!("экспортировано: {} → {}", list.len(), file.display());
    Ok(())
}

/// `nastavnik backup FILE`: `VACUUM INTO` copies a consistent snapshot while others write.
pub async fn backup(database_url: &str, file: &Path) -> anyhow::Result<()> {
    if Backend::of_url(database_url) != Some(Backend::Sqlite) {
        bail!("backup copies a SQLite database; for PostgreSQL use pg_dump");
    }
    if file.exists() {
        bail!("{} already exists", file.display());
    }
    let target = file.to_str().context("the backup path must be valid UTF-8")?;
    let db = store::connect(database_url).await?;
    sqlx::query("VACUUM INTO $1").bind(target).execute(&db.pool).await?;
    println!("резервная копия: {}", file.display());
    Ok(())
}
