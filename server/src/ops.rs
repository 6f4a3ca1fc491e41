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
    let file_rows = app::files::read_participants(&bytes).map_err(anyhow::Error::msg)?;
    let db = store::connect(database_url).await?;
    organisation_exists(&db, organisation).await?;
    let titles = app::services::import::programme_titles(&db, organisation).await?;
    let rows = check_rows(file_rows, &titles);
    let bad: Vec<_> = rows.iter().filter(|r| !r.errors.is_empty()).collect();
    for row in &bad {
        let errors: Vec<String> = row.errors.iter().map(|(f, m)| format!("{f}: {m}")).collect();
        eprintln!("строка {}: {}", row.line, errors.join("; "));
    }
    if !bad.is_empty() {
        bail!("{} — ничего не импортировано", domain::i18n::tr::import_rows_bad(bad.len()));
    }
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

/// `nastavnik user …`: accounts from the command line, for a district without a browser at
/// hand or a coordinator who forgot their password.
pub async fn user(database_url: &str, action: crate::cli::UserCommand) -> anyhow::Result<()> {
    use crate::cli::UserCommand;
    use domain::i18n::tr;
    use domain::models::{Login, UserRole};
    use store::users;

    let db = store::connect(database_url).await?;
    match action {
        UserCommand::Add { login, name, role, school, district } => {
            let login = Login::parse(&login).map_err(|e| anyhow::anyhow!("Логин: {e}"))?;
            let name = domain::models::text::clean(&name).context("Укажите --name: фамилию, имя и отчество")?;
            let role = match UserRole::from_code(&role) {
                Some(role @ (UserRole::Methodologist | UserRole::Curator)) => role,
                Some(_) => bail!("Учётные записи наставников и наставляемых выдаёт куратор школы из базы участников"),
                None => bail!("--role: methodologist (муниципальный координатор) или curator (куратор школы)"),
            };
            let (district_id, organisation_id) = match (role, school) {
                (UserRole::Curator, None) => bail!("Укажите --school: номер школы куратора (номера видны на странице «Район»)"),
                (UserRole::Curator, Some(school)) => {
                    organisation_exists(&db, school).await?;
                    (store::orgs::place(&db, school).await?.district_id, Some(school))
                }
                (_, _) => (the_district(&db, district).await?, None),
            };
            let password = read_new_password(login.as_str())?;
            let hash = app::auth::hash_password(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
            let user = users::NewUser {
                login: login.as_str(),
                password_hash: &hash,
                display_name: &name,
                role,
                district_id,
                organisation_id,
                participant_id: None,
            };
            let user_id = match users::create(&db, &user).await {
                Err(sqlx::Error::Database(e)) if e.is_unique_violation() => bail!("Логин «{login}» уже занят"),
                other => other?,
            };
            let actor = store::audit::Actor { district_id, organisation_id, user_id: Some(user_id), user_name: tr::AUDIT_CLI };
            store::audit::record(&db, &actor, &tr::audit_user_added(login.as_str())).await?;
            println!("Учётная запись {login} создана: {}", tr::user_role(role));
        }
        UserCommand::Passwd { login } => {
            let password = read_new_password(&login)?;
            let hash = app::auth::hash_password(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
            if !users::set_password(&db, &login, &hash).await? {
                bail!("Учётной записи «{login}» нет");
            }
            record_on_account(&db, &login, &tr::audit_password_changed(&login)).await?;
            println!("Пароль {login} изменён; все сеансы этой учётной записи завершены");
        }
        UserCommand::List => {
            for account in users::list(&db).await? {
                let school = account.school.unwrap_or_default();
                let disabled = if account.disabled { " · отключена" } else { "" };
                println!("{}\t{}\t{}\t{school}{disabled}", account.login, tr::user_role(account.role), account.display_name);
            }
        }
        UserCommand::Disable { login } => {
            if !users::disable(&db, &login).await? {
                bail!("Учётной записи «{login}» нет");
            }
            record_on_account(&db, &login, &tr::audit_user_disabled(&login)).await?;
            println!("Учётная запись {login} отключена; её сеансы завершены");
        }
    }
    Ok(())
}

/// A log line about an account changed from the command line, in that account's district.
async fn record_on_account(db: &store::Db, login: &str, summary: &str) -> anyhow::Result<()> {
    let (user_id, district_id, organisation_id): (i64, i64, Option<i64>) =
        sqlx::query_as("SELECT id, district_id, organisation_id FROM users WHERE login = $1")
            .bind(login.trim().to_lowercase())
            .fetch_one(&db.pool)
            .await?;
    let actor = store::audit::Actor { district_id, organisation_id, user_id: Some(user_id), user_name: domain::i18n::tr::AUDIT_CLI };
    store::audit::record(db, &actor, summary).await?;
    Ok(())
}

/// The district a coordinator belongs to: the one named, or the only one there is.
async fn the_district(db: &store::Db, named: Option<i64>) -> anyhow::Result<i64> {
    let districts: Vec<i64> = sqlx::query_scalar("SELECT id FROM districts ORDER BY id").fetch_all(&db.pool).await?;
    match (named, districts.as_slice()) {
        (Some(id), _) if districts.contains(&id) => Ok(id),
        (Some(id), _) => bail!("Района с номером {id} нет в базе"),
        (None, [only]) => Ok(*only),
        (None, []) => bail!("В базе ещё нет района: выполните первый запуск (/setup) или nastavnik demo"),
        (None, _) => bail!("В базе несколько районов: укажите --district"),
    }
}

/// A new password from the terminal (typed twice, not shown) or the first line of standard
/// input (for scripts), checked against the same rules as the web forms.
fn read_new_password(login: &str) -> anyhow::Result<String> {
    use std::io::{BufRead, IsTerminal};
    let (password, again) = if std::io::stdin().is_terminal() {
        println!("{}", domain::i18n::tr::PASSWORD_RULES);
        let password = rpassword::prompt_password("Пароль: ")?;
        let again = rpassword::prompt_password("Пароль ещё раз: ")?;
        (password, again)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        let password = line.trim_end_matches(['\r', '\n']).to_owned();
        (password.clone(), password)
    };
    domain::models::check_new_password(login, &password, &again).map_err(|errors| {
        anyhow::anyhow!("{}", errors.into_values().collect::<Vec<_>>().join("; "))
    })?;
    Ok(password)
}

/// `nastavnik suggest --programme ID`: prints what «Подобрать пары» would propose, changing
/// nothing.
pub async fn suggest(database_url: &str, programme: i64) -> anyhow::Result<()> {
    let db = store::connect(database_url).await?;
    let board = match store::board::load(&db, programme).await {
        Err(sqlx::Error::RowNotFound) => bail!("Программы с номером {programme} нет в базе"),
        other => other?,
    };
    print!("{}", describe_suggestions(&board));
    Ok(())
}

/// The suggestions for a board in words, one block per move with the criteria behind its score.
pub fn describe_suggestions(board: &domain::matching::board::Board) -> String {
    use domain::i18n::tr;
    use std::fmt::Write;
    let suggestions = board.suggestions();
    let name = |id: Option<i64>, mentor: bool| {
        id.and_then(|id| if mentor { board.mentor(id) } else { board.mentee(id) })
            .map(|p| p.name())
            .unwrap_or_else(|| tr::SUGGEST_NOBODY.to_owned())
    };
    let mut out = String::new();
    let settled = board.assignments.iter().filter(|a| board.is_settled(a)).count();
    let _ = writeln!(out, "{}", tr::suggest_heading(&board.programme.title, &board.organisation_name, board.mentors.len(), board.mentees.len(), board.assignments.len(), settled));
    if suggestions.is_empty() {
        let _ = writeln!(out, "{}", tr::BOARD_NO_SUGGESTIONS);
        return out;
    }
    let before = board.total_score();
    let after = before + suggestions.iter().map(|s| s.gain()).sum::<f64>();
    let _ = writeln!(out, "{}", tr::board_suggested(suggestions.len(), before, after));
    for s in &suggestions {
        let was = match s.score_before {
            Some(score) => format!("{}, {score:.0}", name(s.from_mentor_id, true)),
            None => tr::SUGGEST_NOBODY.to_owned(),
        };
        let _ = writeln!(out, "  {} → {} ({:.0}; {} {was}; {:+.0})", name(Some(s.mentee_id), false), name(s.mentor_id, true), s.score, tr::SUGGEST_WAS, s.gain());
        if let Some(score) = s.mentor_id.and_then(|m| board.score(m, s.mentee_id)) {
            for c in &score.contributions {
                let _ = writeln!(out, "      {}: {} × {:.2} = {:.0}", tr::criterion(c.criterion), tr::weight(c.weight), c.fit, c.points);
            }
        }
    }
    out
}
