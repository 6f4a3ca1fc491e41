//! Operator subcommands: import, export, backup.

use std::path::Path;

use anyhow::{bail, Context};
use app::services::import::write_rows;
use domain::models::import::check_rows;
use domain::models::ParticipantFilter;
use app::store::{self, participants, Backend};

/// `nastavnik import FILE --organisation ID`: all rows or none.
pub async fn import(database_url: &str, file: &Path, organisation: i64, programme: Option<i64>) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("Не удалось прочитать файл {}", file.display()))?;
    let rows = check_rows(app::files::read_participants(&bytes).map_err(anyhow::Error::msg)?);
    let bad: Vec<_> = rows.iter().filter(|r| !r.errors.is_empty()).collect();
    for row in &bad {
        let errors: Vec<String> = row.errors.iter().map(|(f, m)| format!("{f}: {m}")).collect();
        eprintln!("строка {}: {}", row.line, errors.join("; "));
    }
    if !bad.is_empty() {
        bail!("{} — ничего не импортировано", domain::i18n::tr::import_rows_bad(bad.len()));
    }
    let db = store::connect(database_url).await?;
    organisation_exists(&db, organisation).await?;
    if let Some(programme) = programme {
        let place = match store::programmes::place(&db, programme).await {
            Err(sqlx::Error::RowNotFound) => bail!("Программы с номером {programme} нет в базе"),
            other => other?,
        };
        if place.organisation_id != organisation {
            bail!("Программа {programme} относится к другой организации, не к организации {organisation}");
        }
    }
    let count = write_rows(&db, organisation, programme, &rows, false).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    println!("импортировано: {count}");
    Ok(())
}

/// `nastavnik export FILE --organisation ID`: CSV or XLSX by extension.
pub async fn export(database_url: &str, file: &Path, organisation: i64) -> anyhow::Result<()> {
    let db = store::connect(database_url).await?;
    organisation_exists(&db, organisation).await?;
    let list = participants::list(&db, organisation, &ParticipantFilter::default()).await?;
    let bytes = match file.extension().and_then(|e| e.to_str()) {
        Some("csv") => app::files::write_csv(&list)?,
        Some("xlsx") => app::files::write_xlsx(&list)?,
        _ => bail!("Имя файла должно оканчиваться на .csv или .xlsx"),
    };
    std::fs::write(file, bytes).with_context(|| format!("Не удалось записать файл {}", file.display()))?;
    println!("экспортировано: {} → {}", list.len(), file.display());
    Ok(())
}

/// `nastavnik backup FILE`: `VACUUM INTO` copies a consistent snapshot while others write.
pub async fn backup(database_url: &str, file: &Path) -> anyhow::Result<()> {
    if Backend::of_url(database_url) != Some(Backend::Sqlite) {
        bail!("Команда backup копирует базу SQLite; для PostgreSQL используйте pg_dump");
    }
    if file.exists() {
        bail!("Файл {} уже существует: резервная копия его не перезаписывает", file.display());
    }
    let target = file.to_str().context("Путь к резервной копии должен быть в UTF-8")?;
    let db = store::connect(database_url).await?;
    sqlx::query("VACUUM INTO $1").bind(target).execute(&db.pool).await?;
    println!("резервная копия: {}", file.display());
    Ok(())
}

/// Refuses an organisation id that is not in the database, in a sentence an administrator reads.
async fn organisation_exists(db: &store::Db, organisation: i64) -> anyhow::Result<()> {
    match store::orgs::place(db, organisation).await {
        Err(sqlx::Error::RowNotFound) => bail!("Организации с номером {organisation} нет в базе (номера видны на странице «Район»)"),
        other => other.map(|_| ()).map_err(Into::into),
    }
}
