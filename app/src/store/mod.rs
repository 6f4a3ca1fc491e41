//! The store owns every SQL statement. It runs on SQLite (the embedded default) and on
//! PostgreSQL through `sqlx::Any`: queries are plain SQL with `$N` placeholders, which both
//! drivers bind by number, and only integer, text and nullable columns, which both decode alike.

pub mod audit;
pub mod board;
pub mod documents;
pub mod imports;
pub mod invitations;
pub mod orgs;
pub mod pair_work;
pub mod participants;
pub mod practices;
pub mod programmes;
pub mod reports;
pub mod setup;
pub mod surveys;
pub mod throttle;
pub mod users;

use std::str::FromStr;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::pool::PoolConnection;
use std::future::Future;
use std::ops::DerefMut;

use sqlx::{Acquire, Any, AnyConnection, AnyPool, ConnectOptions, Executor, Transaction};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

/// Which database engine a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Reads the scheme of a `DATABASE_URL`.
    pub fn of_url(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Self::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Self::Postgres)
        } else {
            None
        }
    }
}

/// A pool on one backend. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
}

/// Where a store function runs its statements: the pool (`&Db`), one connection, or an open
/// transaction (`&mut tx` or `&mut *tx`). A service or the demo can therefore run many store
/// functions in one transaction; a function that needs its own transaction gets a savepoint
/// inside the caller's.
///
/// Our own trait rather than `sqlx::Acquire<'c>`: its impl for a connection ties two lifetimes
/// together, which rustc cannot prove inside the `Send` futures that server functions must be.
pub trait Conn: Send {
    type Connection: DerefMut<Target = AnyConnection> + Send;
    type Transaction: DerefMut<Target = AnyConnection> + Finish + Send;

    fn acquire(self) -> impl Future<Output = Result<Self::Connection, sqlx::Error>> + Send;
    fn begin(self) -> impl Future<Output = Result<Self::Transaction, sqlx::Error>> + Send;
}

/// Commits a transaction begun through `Conn::begin`.
pub trait Finish {
    fn commit(self) -> impl Future<Output = Result<(), sqlx::Error>> + Send;
}

impl<'c> Finish for Transaction<'c, Any> {
    fn commit(self) -> impl Future<Output = Result<(), sqlx::Error>> + Send {
        Transaction::commit(self)
    }
}

impl Conn for &Db {
    type Connection = PoolConnection<Any>;
    type Transaction = Transaction<'static, Any>;

    fn acquire(self) -> impl Future<Output = Result<Self::Connection, sqlx::Error>> + Send {
        self.pool.acquire()
    }

    fn begin(self) -> impl Future<Output = Result<Self::Transaction, sqlx::Error>> + Send {
        self.pool.begin()
    }
}

impl<'c> Conn for &'c mut AnyConnection {
    type Connection = &'c mut AnyConnection;
    type Transaction = Transaction<'c, Any>;

    fn acquire(self) -> impl Future<Output = Result<Self::Connection, sqlx::Error>> + Send {
        std::future::ready(Ok(self))
    }

    fn begin(self) -> impl Future<Output = Result<Self::Transaction, sqlx::Error>> + Send {
        Acquire::begin(self)
    }
}

impl<'c, 't> Conn for &'c mut Transaction<'t, Any> {
    type Connection = &'c mut AnyConnection;
    type Transaction = Transaction<'c, Any>;

    fn acquire(self) -> impl Future<Output = Result<Self::Connection, sqlx::Error>> + Send {
        std::future::ready(Ok(&mut **self))
    }

    fn begin(self) -> impl Future<Output = Result<Self::Transaction, sqlx::Error>> + Send {
        Acquire::begin(&mut **self)
    }
}

/// Opens a pool (creating a SQLite file and its folder if missing) and applies migrations.
pub async fn connect(url: &str) -> anyhow::Result<Db> {
    sqlx::any::install_default_drivers();
    let Some(backend) = Backend::of_url(url) else {
        anyhow::bail!(
            "DATABASE_URL must start with sqlite: or postgres:, got {:?}",
            url.split(':').next().unwrap_or_default()
        );
    };
    let mut options = AnyConnectOptions::from_str(url)?;
    options = options.log_statements(tracing::log::LevelFilter::Debug);
    let pool = match backend {
        Backend::Sqlite => {
            create_sqlite_folder(url)?;
            AnyPoolOptions::new()
                .max_connections(8)
                // synchronous = FULL: a commit is on disk before it returns, so a submission the
                // device was told is stored (and drops from its outbox) survives a power cut.
                // NORMAL in WAL mode could lose the last commits.
                .after_connect(|conn, _meta| {
                    Box::pin(async move {
                        conn.execute(sqlx::raw_sql(
                            "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; \
                             PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL; \
                             PRAGMA wal_autocheckpoint = 0;",
                        ))
                        .await?;
                        Ok(())
                    })
                })
                .connect_with(options)
                .await?
        }
        Backend::Postgres => AnyPoolOptions::new().max_connections(16).connect_with(options).await?,
    };
    let migrator = match backend {
        Backend::Sqlite => &SQLITE_MIGRATIONS,
        Backend::Postgres => &POSTGRES_MIGRATIONS,
    };
    migrator.run(&pool).await?;
    if backend == Backend::Sqlite {
        spawn_checkpointer(pool.clone());
    }
    Ok(Db { pool, backend })
}

/// Moves the write-ahead log into the database file every two seconds, off the request path.
///
/// SQLite's automatic checkpoint (switched off in `connect`) runs inside whichever commit
/// crosses the threshold: under a burst of submitted questionnaires that commit, and every
/// request queued behind it, waited hundreds of milliseconds. A passive checkpoint never
/// blocks readers or writers.
fn spawn_checkpointer(pool: AnyPool) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(2));
        loop {
            tick.tick().await;
            if pool.is_closed() {
                break;
            }
            if let Err(error) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&pool).await {
                tracing::warn!(%error, "WAL checkpoint failed");
            }
        }
    });
}

fn create_sqlite_folder(url: &str) -> std::io::Result<()> {
    let path = url
        .trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    match std::path::Path::new(path).parent() {
        Some(parent) if !parent.as_os_str().is_empty() => std::fs::create_dir_all(parent),
        _ => Ok(()),
    }
}

/// The place (school and district) of the one record a query selects: the query must return
/// `organisation_id` and `district_id` for the id bound as `$1`. For access checks before
/// anything else is read.
pub(crate) async fn place_of(db: impl Conn, sql: &str, id: i64) -> Result<domain::access::Place, sqlx::Error> {
    let mut conn = db.acquire().await?;
    use sqlx::Row;
    let row = sqlx::query(sql).bind(id).fetch_one(&mut *conn).await?;
    Ok(domain::access::Place { district_id: row.try_get("district_id")?, organisation_id: row.try_get("organisation_id")? })
}

/// A coded column (role, kind, status, variant…) read into its enum. An unknown code is an
/// error in every read: a default would show one thing as another.
pub(crate) fn code<T>(row: &sqlx::any::AnyRow, column: &str) -> Result<T, sqlx::Error>
where
    T: TryFrom<String, Error = domain::models::UnknownCode>,
{
    optional_code(row, column)?.ok_or_else(|| sqlx::Error::ColumnDecode { index: column.to_owned(), source: "NULL where a code belongs".into() })
}

/// The same for a nullable coded column.
pub(crate) fn optional_code<T>(row: &sqlx::any::AnyRow, column: &str) -> Result<Option<T>, sqlx::Error>
where
    T: TryFrom<String, Error = domain::models::UnknownCode>,
{
    use sqlx::Row;
    let raw: Option<String> = row.try_get(column)?;
    raw.map(|raw| T::try_from(raw).map_err(|e| sqlx::Error::ColumnDecode { index: column.to_owned(), source: Box::new(e) }))
        .transpose()
}

/// Now as RFC 3339 in UTC (`2026-11-22T10:05:31Z`): how every moment is stored; pages show it
/// in the district's time zone.
pub fn now() -> String {
    time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// Unix seconds as RFC 3339 in UTC, as `now()` writes moments.
pub fn unix_to_rfc3339(seconds: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default()
}

/// Today's date as `YYYY-MM-DD` (UTC).
pub fn today() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
}

/// Now as Unix seconds.
pub fn now_unix() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// The day `days` from today (UTC) as `YYYY-MM-DD`: demo data that stays current whenever it is loaded.
pub fn day_from_today(days: i64) -> String {
    (time::OffsetDateTime::now_utc().date() + time::Duration::days(days)).to_string()
}
