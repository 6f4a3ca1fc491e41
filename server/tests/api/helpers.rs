//! `TestApp`: the real router on a private database with the demo district loaded,
//! and typed helpers to call it as each kind of user.

use app::error::AppError;
use app::store::{self, Backend, Db};
use domain::models::CurrentUser;
use domain::surveys::{AnswerValue, Answers, QuestionKind, SurveyForm};
use leptos::server_fn::ServerFn;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

/// A fresh database on a backend: empty (`new`) or a copy of the demo district (`with_demo`).
/// SQLite: a file in a temp dir; PostgreSQL: a database in the cluster at `TEST_POSTGRES_URL`,
/// dropped when the test ends.
pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    /// The PostgreSQL database to drop, with the cluster's admin URL.
    postgres: Option<(String, String)>,
}

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}/test.db?mode=rwc", dir.path().display());
                TestDb { url, _dir: Some(dir), postgres: None }
            }
            Backend::Postgres => Self::postgres_copy_of(None).await,
        }
    }

    /// A copy of a database that holds the demo district, loaded once per test run: a file
    /// copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL. Loading the demo for every
    /// test was most of the suite's time.
    pub async fn with_demo(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let file = dir.path().join("test.db");
                std::fs::copy(demo_template_file(), &file).expect("copy the demo database");
                TestDb { url: format!("sqlite://{}?mode=rwc", file.display()), _dir: Some(dir), postgres: None }
            }
            Backend::Postgres => Self::postgres_copy_of(Some(demo_template_database())).await,
        }
    }

    async fn postgres_copy_of(template: Option<&str>) -> TestDb {
        let admin = admin_url();
        sqlx::any::install_default_drivers();
        let name = format!("nastavnik_test_{}", app::auth::new_session_token()[..16].to_owned());
        let pool = sqlx::AnyPool::connect(&admin).await.expect("connect to test PostgreSQL");
        let from = template.map(|t| format!(" TEMPLATE {t}")).unwrap_or_default();
        sqlx::query(&format!("CREATE DATABASE {name}{from}")).execute(&pool).await.expect("create database");
        pool.close().await;
        TestDb { url: database_url(&admin, &name), _dir: None, postgres: Some((admin, name)) }
    }

    pub async fn connect(&self) -> Db {
        store::connect(&self.url).await.expect("connect and migrate")
    }
}

impl Drop for TestDb {
    /// A throwaway PostgreSQL database goes with its test (the cluster would otherwise hold
    /// one per test until it is deleted). Drop cannot await, so a short-lived thread does it.
    fn drop(&mut self) {
        let Some((admin, name)) = self.postgres.take() else { return };
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            runtime.block_on(async {
                let pool = sqlx::AnyPool::connect(&admin).await?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&pool).await?;
                pool.close().await;
                Ok::<_, sqlx::Error>(())
            })
        })
        .join();
        if let Ok(Err(error)) = dropped {
            eprintln!("could not drop a test database: {error}");
        }
    }
}

fn admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL").expect(
        "TEST_POSTGRES_URL is not set: run the README's test command (.ci/test), \
         which starts a throwaway PostgreSQL for these tests",
    )
}

fn database_url(admin: &str, name: &str) -> String {
    let base = admin.rsplit_once('/').map(|(base, _)| base).unwrap_or(admin);
    format!("{base}/{name}")
}

/// Runs `load` once, on a thread of its own (tests each have their own runtime, and a pool
/// must not outlive the runtime that made it).
fn once_on_a_thread<T: Send + 'static>(load: impl FnOnce(&tokio::runtime::Runtime) -> T + Send + 'static) -> T {
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        load(&runtime)
    })
    .join()
    .expect("loading the demo template")
}

/// A SQLite file holding the demo district, made once per run and kept until the run ends.
fn demo_template_file() -> &'static std::path::Path {
    static FILE: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    FILE.get_or_init(|| {
        once_on_a_thread(|runtime| {
            let dir = tempfile::tempdir().expect("temp dir").keep();
            let (work, template) = (dir.join("work.db"), dir.join("demo.db"));
            runtime.block_on(async {
                let db = store::connect(&format!("sqlite://{}?mode=rwc", work.display())).await.expect("connect");
                nastavnik::demo::load(&db).await.expect("demo data");
                // One self-contained file, whatever sits in the write-ahead log.
                sqlx::query("VACUUM INTO $1").bind(template.to_str().expect("UTF-8 path")).execute(&db.pool).await.expect("vacuum into");
                db.pool.close().await;
            });
            template
        })
    })
}

/// A PostgreSQL database holding the demo district, made once per run; the throwaway cluster
/// goes with the run.
fn demo_template_database() -> &'static str {
    static NAME: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    NAME.get_or_init(|| {
        once_on_a_thread(|runtime| {
            runtime.block_on(async {
                let admin = admin_url();
                sqlx::any::install_default_drivers();
                let name = format!("nastavnik_demo_{}", app::auth::new_session_token()[..16].to_owned());
                let pool = sqlx::AnyPool::connect(&admin).await.expect("connect to test PostgreSQL");
                sqlx::query(&format!("CREATE DATABASE {name}")).execute(&pool).await.expect("create template");
                pool.close().await;
                let db = store::connect(&database_url(&admin, &name)).await.expect("connect and migrate");
                nastavnik::demo::load(&db).await.expect("demo data");
                db.pool.close().await;
                name
            })
        })
    })
}

pub struct TestApp {
    pub db: Db,
    pub router: Router,
    pub _test_db: TestDb,
}

/// A logged-in (or anonymous) caller: the session cookie to send.
#[derive(Clone, Debug)]
pub struct Caller {
    pub name: &'static str,
    pub cookie: Option<String>,
    pub user: Option<CurrentUser>,
}

/// A response: status and body parsed as JSON when it is JSON.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub text: String,
    pub set_cookie: Option<String>,
    /// The body as sent (a downloaded file) and the headers it came with.
    pub bytes: Vec<u8>,
    pub headers: axum::http::HeaderMap,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or(Value::Null)
    }
    pub fn ok(&self) -> bool {
        self.status.is_success()
    }
    /// The `AppError` variant name of a refused call (`"Forbidden"`, `"Validation"`, …).
    pub fn error_kind(&self) -> Option<String> {
        match self.json() {
            Value::String(s) => Some(s),
            Value::Object(map) if !self.ok() => map.keys().next().cloned(),
            _ => None,
        }
    }
}

impl TestApp {
    /// The demo district on a fresh database: 4 schools' worth of data and every role.
    pub async fn spawn(backend: Backend) -> TestApp {
        let test_db = TestDb::with_demo(backend).await;
        let db = test_db.connect().await;
        let options = nastavnik::startup::leptos_options(None).expect("leptos options");
        let router = nastavnik::startup::router(nastavnik::startup::state(db.clone(), options, app::state::WebSettings::default()));
        TestApp { db, router, _test_db: test_db }
    }

    /// The real router on an empty database, as `serve` without `--demo` starts.
    pub async fn spawn_empty(backend: Backend) -> TestApp {
        let test_db = TestDb::new(backend).await;
        let db = test_db.connect().await;
        let options = nastavnik::startup::leptos_options(None).expect("leptos options");
        let router = nastavnik::startup::router(nastavnik::startup::state(db.clone(), options, app::state::WebSettings::default()));
        TestApp { db, router, _test_db: test_db }
    }

    /// Starts the server again on the same database, as after a restart or as a second
    /// process behind a balancer would see it: a new pool, nothing kept in memory.
    pub async fn restart(&mut self) {
        self.restart_with(app::state::WebSettings::default()).await;
    }

    /// The same, with the server reached at another address.
    pub async fn restart_with(&mut self, web: app::state::WebSettings) {
        self.db = self._test_db.connect().await;
        let options = nastavnik::startup::leptos_options(None).expect("leptos options");
        self.router = nastavnik::startup::router(nastavnik::startup::state(self.db.clone(), options, web));
    }

    /// One request through the whole router. A request that has not been answered in a minute
    /// fails the test with its address, rather than leaving the run hanging until CI's limit.
    pub async fn send(&self, request: Request<Body>) -> Reply {
        let what = format!("{} {}", request.method(), request.uri());
        tokio::time::timeout(std::time::Duration::from_secs(60), self.send_now(request))
            .await
            .unwrap_or_else(|_| panic!("{what}: no answer in 60 s"))
    }

    async fn send_now(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.expect("router answers");
        let status = response.status();
        let set_cookie = response
            .headers()
            .get(header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        Reply { status, text: String::from_utf8_lossy(&bytes).into_owned(), set_cookie, bytes: bytes.to_vec(), headers }
    }

    /// Calls a JSON server function at `/api/{endpoint}` with arguments written by hand
    /// (the checks of who may call what also send what no typed caller could).
    pub async fn call(&self, caller: &Caller, endpoint: &str, args: Value) -> Reply {
        let mut request = Request::post(format!("/api/{endpoint}"))
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT, "application/json");
        if let Some(cookie) = &caller.cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::from(args.to_string())).expect("request")).await
    }

    /// Calls a server function through its generated type: the address and the arguments'
    /// names and types come from the function itself, so a renamed or retyped argument
    /// breaks the test when it compiles, not when it runs.
    pub async fn call_fn<F: ServerFn + serde::Serialize>(&self, caller: &Caller, call: F) -> Reply {
        let endpoint = F::PATH.strip_prefix("/api/").expect("every server function is under /api");
        self.call(caller, endpoint, serde_json::to_value(&call).expect("arguments as JSON")).await
    }

    /// The same, decoded into the function's own output, or the `AppError` it refused with.
    pub async fn invoke<F>(&self, caller: &Caller, call: F) -> Result<F::Output, AppError>
    where
        F: ServerFn + serde::Serialize,
        F::Output: serde::de::DeserializeOwned,
    {
        let reply = self.call_fn(caller, call).await;
        if reply.ok() {
            Ok(serde_json::from_str(&reply.text).unwrap_or_else(|e| panic!("{}: {e}: {}", F::PATH, reply.text)))
        } else {
            Err(serde_json::from_str(&reply.text).unwrap_or_else(|_| AppError::Transport(reply.text.clone())))
        }
    }

    /// Uploads one file as `multipart/form-data` (field `file`), as the import page does.
    pub async fn upload(&self, caller: &Caller, endpoint: &str, filename: &str, file: &[u8]) -> Reply {
        self.upload_form(caller, endpoint, &[], Some((filename, file))).await
    }

    /// POSTs a multipart form: text fields, then a `file` if given.
    pub async fn upload_form(&self, caller: &Caller, endpoint: &str, fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> Reply {
        let boundary = "nastavnik-test-boundary";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes());
        }
        if let Some((filename, file)) = file {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
            );
            body.extend_from_slice(file);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let mut request = Request::post(format!("/api/{endpoint}"))
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
            .header(header::ACCEPT, "application/json");
        if let Some(cookie) = &caller.cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::from(body)).expect("request")).await
    }

    /// GETs a plain route as `caller`.
    pub async fn get(&self, caller: &Caller, path: &str) -> Reply {
        let mut request = Request::get(path);
        if let Some(cookie) = &caller.cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::empty()).expect("request")).await
    }

    /// Logs in from a client at `address`, as the server sees the socket's peer.
    pub async fn login_reply_at(&self, address: &str, login: &str, password: &str) -> Reply {
        let peer: std::net::SocketAddr = format!("{address}:40000").parse().expect("an IPv4 address");
        let body = format!("login={login}&password={}", urlencode(password));
        let request = Request::post("/api/auth/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .extension(axum::extract::ConnectInfo(peer));
        self.send(request.body(Body::from(body)).expect("request")).await
    }

    /// Logs in through the real login server function.
    pub async fn login_reply(&self, login: &str, password: &str) -> Reply {
        self.login_reply_from(&Self::anonymous(), login, password).await
    }

    /// The same from a device where `caller` is signed in (their cookie is sent).
    pub async fn login_reply_from(&self, caller: &Caller, login: &str, password: &str) -> Reply {
        let body = format!("login={login}&password={}", urlencode(password));
        let mut request = Request::post("/api/auth/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json");
        if let Some(cookie) = &caller.cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::from(body)).expect("request")).await
    }

    pub async fn login(&self, name: &'static str, login: &str) -> Caller {
        let reply = self.login_reply(login, nastavnik::demo::DEMO_PASSWORD).await;
        let set_cookie = reply.set_cookie.clone().unwrap_or_else(|| panic!("{login} got no cookie: {reply:?}"));
        let cookie = set_cookie.split(';').next().expect("cookie pair").to_owned();
        let user: CurrentUser = serde_json::from_str(&reply.text).expect("login returns the user");
        Caller { name, cookie: Some(cookie), user: Some(user) }
    }

    /// The id of the caller's programme titled `title` (or of their school's first one), as the
    /// curator's own list shows it.
    pub async fn programme(&self, caller: &Caller, title: Option<&str>) -> i64 {
        let list = self
            .invoke(caller, app::api::programmes::ListProgrammes { organisation_id: None })
            .await
            .unwrap_or_else(|e| panic!("{}'s programmes: {e:?}", caller.name));
        list.iter()
            .filter(|p| title.is_none_or(|t| p.title == t))
            .map(|p| p.id)
            .min()
            .unwrap_or_else(|| panic!("{} has no programme {title:?}", caller.name))
    }

    pub fn anonymous() -> Caller {
        Caller { name: "anonymous", cookie: None, user: None }
    }
}

/// A complete, valid set of answers to a form: first options, top of scales, "yes", short
/// texts (with markup, which must come back as text).
pub fn complete_answers(form: &SurveyForm) -> Answers {
    form.definition
        .questions_for(form.kind)
        .map(|q| {
            let value = match &q.kind {
                QuestionKind::ShortText | QuestionKind::LongText => AnswerValue::Text("<b>жирный</b> ответ".into()),
                QuestionKind::SingleChoice { options } => AnswerValue::Choice(options[0].id),
                QuestionKind::MultipleChoice { options, .. } => AnswerValue::Choices { ids: vec![options[0].id, options[1].id], other: None },
                QuestionKind::Scale { max, .. } => AnswerValue::Scale(*max),
                QuestionKind::YesNo => AnswerValue::YesNo(true),
            };
            (q.key.clone(), value)
        })
        .collect()
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Runs an async test body once per backend, as `sqlite_NAME` and `postgres_NAME`.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test]
            async fn sqlite() {
                ($body)(app::store::Backend::Sqlite).await
            }
            #[tokio::test]
            async fn postgres() {
                ($body)(app::store::Backend::Postgres).await
            }
        }
    };
}
