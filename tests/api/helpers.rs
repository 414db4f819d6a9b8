use std::path::PathBuf;
use std::sync::Arc;

use serde_json::Value;
use talentscan::configuration::Settings;
use talentscan::startup::Application;
use talentscan::state::AppState;
use tempfile::TempDir;

#[path = "../support/postgres.rs"]
pub mod postgres;

pub const ADMIN_KEY: &str = "test-admin-key-0123456789abcdef";

/// This suite runs twice: as `api` on the sled store, as `api_postgres` with PostgreSQL
/// as the store of record (each app its own database in one throwaway cluster).
pub fn postgres_mode() -> bool {
    option_env!("CARGO_CRATE_NAME") == Some("api_postgres")
}

pub fn shared_postgres() -> &'static postgres::Postgres {
    static PG: std::sync::OnceLock<postgres::Postgres> = std::sync::OnceLock::new();
    PG.get_or_init(postgres::Postgres::start)
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub dir: TempDir,
    pub state: Arc<AppState>,
    /// The store of record's database, in PostgreSQL mode.
    pub database_url: Option<String>,
}

pub async fn spawn_app() -> TestApp {
    spawn_with(|_| {}).await
}

pub async fn spawn_empty_app() -> TestApp {
    spawn_with(|s| s.no_sample = true).await
}

pub async fn spawn_with(tweak: impl FnOnce(&mut Settings)) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    spawn_in(dir, tweak).await
}

pub async fn spawn_in(dir: TempDir, tweak: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_on(dir, None, tweak).await
}

/// An app on `dir`, with the database `database_url` in PostgreSQL mode (a new one when
/// `None`): a second replica of the same store, or a restart.
pub async fn spawn_on(
    dir: TempDir,
    database_url: Option<String>,
    tweak: impl FnOnce(&mut Settings),
) -> TestApp {
    let mut settings = Settings::for_dir(dir.path().to_path_buf());
    if postgres_mode() {
        settings.database_url = Some(database_url.unwrap_or_else(|| shared_postgres().database()));
    }
    settings.admin_key = Some(ADMIN_KEY.into());
    settings.workers = Some(1);
    tweak(&mut settings);
    build(dir, settings).await
}

/// An empty app on the store named, whichever suite this is.
pub async fn spawn_store(postgres: bool) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut settings = Settings::for_dir(dir.path().to_path_buf());
    settings.no_sample = true;
    settings.admin_key = Some(ADMIN_KEY.into());
    settings.workers = Some(1);
    if postgres {
        settings.database_url = Some(shared_postgres().database());
    }
    build(dir, settings).await
}

async fn build(dir: TempDir, settings: Settings) -> TestApp {
    let app = Application::build(settings).await.expect("app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state.clone();
    let database_url = state.settings.database_url.clone();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        dir,
        state,
        database_url,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }
    pub async fn post_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request")
    }
    pub async fn put_json(&self, path: &str, body: &Value, key: Option<&str>) -> reqwest::Response {
        let mut r = self.client.put(self.url(path)).json(body);
        if let Some(k) = key {
            r = r.bearer_auth(k);
        }
        r.send().await.expect("request")
    }
    pub async fn import(&self, kind: &str, body: &Value, key: &str) -> reqwest::Response {
        self.client
            .post(self.url(&format!("/v1/{kind}/import")))
            .bearer_auth(key)
            .json(body)
            .send()
            .await
            .expect("request")
    }
    pub async fn publish_judged_catalog(&self) {
        let cat = judged_catalog();
        for kind in ["organisations", "tasks", "trainings"] {
            let r = self.import(kind, &cat[kind], ADMIN_KEY).await;
            assert_eq!(r.status(), 200);
            let rep: Value = r.json().await.unwrap();
            assert_eq!(rep["rejected"], 0, "{kind}: {rep}");
        }
    }
}

pub fn fixture(path: &str) -> Value {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    serde_json::from_str(
        &std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
    )
    .unwrap()
}

pub fn judged_catalog() -> Value {
    fixture("judged/catalog.json")
}

/// Asserts a problem+json answer with `status` and returns its body.
pub async fn problem(r: reqwest::Response, status: u16) -> Value {
    assert_eq!(r.status().as_u16(), status, "status");
    let ct = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert!(
        ct.starts_with("application/problem+json"),
        "content-type {ct}"
    );
    assert!(r.headers().contains_key("api-version"));
    let v: Value = r.json().await.expect("problem body is JSON");
    assert_eq!(v["status"], status);
    assert!(
        v["title"].is_string() && v["detail"].is_string() && v["type"].is_string(),
        "{v}"
    );
    v
}

pub fn pointers(p: &Value) -> Vec<String> {
    p["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["pointer"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Does any file under `dir` contain these bytes? (Proves what never reaches the disk.)
pub fn dir_contains(dir: &std::path::Path, needle: &[u8]) -> bool {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        if let Ok(rd) = std::fs::read_dir(dir) {
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else {
                    out.push(p);
                }
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, &mut files);
    files
        .iter()
        .any(|f| std::fs::read(f).is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle)))
}
