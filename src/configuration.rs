//! Settings, read once at start-up from flags or `TALENTSCAN_*` environment variables.
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// Address to listen on.
    #[arg(long, env = "TALENTSCAN_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Directory for the sled store and the search index.
    #[arg(
        long,
        env = "TALENTSCAN_DATA_DIR",
        default_value = "talentscan-data",
        global = true
    )]
    pub data_dir: PathBuf,
    /// PostgreSQL as the store of record (`postgres://user@host/db`); without it, the sled
    /// store in the data directory is. With it, the data directory holds this replica's
    /// own copy, which it rebuilds from the database when it is missing.
    #[arg(
        long,
        env = "TALENTSCAN_DATABASE_URL",
        hide_env_values = true,
        global = true
    )]
    pub database_url: Option<String>,
    /// Seconds between SIGTERM and closing the listener, reporting not ready meanwhile, so
    /// that the load balancer stops sending before the replica stops accepting.
    #[arg(long, env = "TALENTSCAN_DRAIN_SECONDS", default_value_t = 0)]
    pub drain_seconds: u64,
    /// Seed an empty data directory with the built-in (fictional) sample catalog.
    #[arg(long, env = "TALENTSCAN_SAMPLE", default_value_t = true, action = clap::ArgAction::Set)]
    pub sample: bool,
    /// Start with an empty catalog (same as TALENTSCAN_SAMPLE=false).
    #[arg(long = "no-sample", default_value_t = false)]
    pub no_sample: bool,
    /// The first admin API key (only its hash is kept in memory).
    #[arg(long, env = "TALENTSCAN_ADMIN_KEY", hide_env_values = true)]
    pub admin_key: Option<String>,
    /// Days a stored scan is kept before it is erased.
    #[arg(long, env = "TALENTSCAN_RETENTION_DAYS", default_value_t = 30)]
    pub retention_days: u32,
    /// Ranking weights from this file instead of the built-in ones (a candidate from
    /// `talentscan learn`); read again on SIGHUP.
    #[arg(long, env = "TALENTSCAN_WEIGHTS")]
    pub weights: Option<PathBuf>,
    /// The share of match answers (0–1) whose near-tied tasks are shuffled for learning
    /// (`outcomes::explore`); 0 = never.
    #[arg(long, env = "TALENTSCAN_EXPLORE_SHARE", default_value_t = 0.0, value_parser = share)]
    pub explore_share: f64,
    /// No neighbourhood figure is about fewer residents than this (10 at least).
    #[arg(long, env = "TALENTSCAN_INSIGHT_K", default_value_t = 10, value_parser = insight_k)]
    pub insight_k: u64,
    /// Days a logged match (no person in it: `crate::outcomes`) is kept for learning.
    #[arg(long, env = "TALENTSCAN_MATCH_LOG_DAYS", default_value_t = 180)]
    pub match_log_days: u32,
    /// Largest request body for ordinary requests, in bytes.
    #[arg(long, env = "TALENTSCAN_MAX_BODY_BYTES", default_value_t = 256 * 1024)]
    pub max_body_bytes: usize,
    /// Largest request body for bulk imports, in bytes.
    #[arg(long, env = "TALENTSCAN_MAX_IMPORT_BYTES", default_value_t = 128 * 1024 * 1024)]
    pub max_import_bytes: usize,
    /// Load questionnaire definitions from this directory instead of the built-in ones.
    #[arg(long, env = "TALENTSCAN_QUESTIONNAIRES_DIR")]
    pub questionnaires_dir: Option<PathBuf>,
    /// HTTP worker threads (default: one per core).
    #[arg(long, env = "TALENTSCAN_WORKERS")]
    pub workers: Option<usize>,
    /// Origins allowed to call the API from a browser (comma separated, `*` for any).
    #[arg(long, env = "TALENTSCAN_CORS_ORIGINS", default_value = "*")]
    pub cors_origins: String,
    /// Requests per minute per client on public endpoints (0 = no limit).
    #[arg(long, env = "TALENTSCAN_RATE_LIMIT", default_value_t = 600)]
    pub rate_limit_per_minute: u32,
    /// Reverse proxies whose `Forwarded` / `X-Forwarded-For` headers name the client
    /// (comma-separated networks or addresses, e.g. `10.0.0.0/8`); from any other peer
    /// those headers are ignored.
    #[arg(long, env = "TALENTSCAN_TRUSTED_PROXIES", default_value = "")]
    pub trusted_proxies: String,
    /// Serve the web pages from this directory instead of the embedded copy (front-end
    /// development without a rebuild).
    #[arg(long, env = "TALENTSCAN_WEB_DIR")]
    pub web_dir: Option<PathBuf>,
    /// A fixed instant instead of the system clock, for tests: whether a task has ended,
    /// the next session of a course, when a stored scan expires.
    /// (Tests only.) An RFC 3339 instant.
    #[arg(long, env = "TALENTSCAN_CLOCK", hide = true, value_parser = instant)]
    pub clock: Option<time::OffsetDateTime>,
}

impl Settings {
    pub fn seed_sample(&self) -> bool {
        self.sample && !self.no_sample
    }

    /// Settings for tests and tools: a data directory, no sample, defaults otherwise.
    pub fn for_dir(data_dir: PathBuf) -> Self {
        Settings {
            addr: "127.0.0.1:0".parse().expect("valid address"),
            data_dir,
            database_url: None,
            drain_seconds: 0,
            sample: true,
            no_sample: false,
            admin_key: None,
            retention_days: 30,
            match_log_days: 180,
            insight_k: 10,
            explore_share: 0.0,
            weights: None,
            max_body_bytes: 256 * 1024,
            max_import_bytes: 128 * 1024 * 1024,
            questionnaires_dir: None,
            workers: Some(2),
            cors_origins: "*".into(),
            rate_limit_per_minute: 0,
            trusted_proxies: String::new(),
            web_dir: None,
            clock: None,
        }
    }
}

fn share(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err("a share from 0 to 1".into()),
    }
}

fn insight_k(s: &str) -> Result<u64, String> {
    match s.parse::<u64>() {
        Ok(k) if k >= crate::insight::DEFAULT_K => Ok(k),
        _ => Err(format!(
            "a whole number of at least {} (it can only be raised)",
            crate::insight::DEFAULT_K
        )),
    }
}

fn instant(s: &str) -> Result<time::OffsetDateTime, String> {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
        .map_err(|e| format!("an RFC 3339 instant: {e}"))
}
