//! The command line: `serve`, `import`, `reindex`, `keys`.
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::Value;

use crate::auth::Scope;
use crate::catalog::model::Kind;
use crate::configuration::Settings;
use crate::startup::Application;
use crate::state::AppState;

#[derive(Debug, Parser)]
#[command(
    name = "talentscan",
    version,
    about = "Talent Scan and volunteer matching for Den Haag"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP service.
    Serve(Settings),
    /// Import catalog files offline (JSON array or NDJSON; kind from --kind or the file
    /// name), or restore a file written by `export` into an empty store of either kind.
    Import {
        #[command(flatten)]
        settings: Settings,
        /// organisations, roles, tasks or trainings (default: guessed from each file name).
        #[arg(long)]
        kind: Option<String>,
        files: Vec<PathBuf>,
    },
    /// Rebuild the search index from the store.
    Reindex(Settings),
    /// Write the whole catalog as NDJSON (a backup `import` restores into either store);
    /// with --personal-data also the API keys (hashes) and the stored scans (sealed, with the
    /// learning wishes their residents let them keep).
    Export {
        #[command(flatten)]
        settings: Settings,
        /// Write here instead of to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        personal_data: bool,
    },
    /// Apply the PostgreSQL schema migrations (also done at every start) and exit.
    Migrate {
        /// The database (`postgres://…`).
        #[arg(long, env = "TALENTSCAN_DATABASE_URL", hide_env_values = true)]
        database_url: String,
    },
    /// Write a synthetic catalog (NDJSON) for benchmarks.
    Gen {
        #[arg(long, default_value_t = 10_000)]
        tasks: usize,
        #[arg(long, default_value_t = 1_000)]
        trainings: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, value_enum, default_value = "dense")]
        spread: crate::catalog::synthetic::Spread,
        #[arg(long)]
        out: PathBuf,
    },
    /// Print the OpenAPI document (what /v1/openapi.json serves).
    Openapi,
    /// Ask a running server whether it is up (`GET /healthz`): exit 0 when it answers 200.
    /// For a container's health check, where there is no curl.
    Probe {
        /// host:port of the server.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        #[arg(long, default_value = "/healthz")]
        path: String,
    },
    /// Fit candidate ranking weights from the match log (the store's, or an NDJSON file
    /// of logged matches) and print what they would change. Writes the candidate with
    /// --out; putting it into service is a person's decision (`--weights FILE`, SIGHUP).
    Learn {
        #[command(flatten)]
        settings: Settings,
        /// Read logged matches from this NDJSON file instead of the store.
        #[arg(long)]
        log: Option<PathBuf>,
        /// Write the candidate weights file here.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The most a weight may move per run.
        #[arg(long, default_value_t = 0.5)]
        max_step: f64,
        /// A weight moves only when its estimated gain exceeds this many standard errors.
        #[arg(long, default_value_t = 3.0)]
        z: f64,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Manage API keys.
    Keys {
        #[command(flatten)]
        settings: Settings,
        #[command(subcommand)]
        action: KeysAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeysAction {
    /// Create a key: --scope admin, organisation:ID, client:NAME (a machine client that
    /// only reads, such as the front-end's server) or insight (city and academy staff who
    /// read the anonymous neighbourhood figures).
    Create {
        #[arg(long)]
        scope: String,
        #[arg(long, default_value = "")]
        label: String,
        /// Requests a minute for this key (0: no limit). Default: 600 for an
        /// organisation's key, no limit for admin and client keys.
        #[arg(long)]
        quota: Option<u32>,
    },
    /// List keys (ids and scopes, never the keys themselves).
    List,
    /// Revoke a key by its id.
    Revoke { id: String },
}

/// What stops a command: its own usage problems and the errors of the layers it drives,
/// each kept with its source.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    State(#[from] crate::state::StateError),
    #[error(transparent)]
    Store(#[from] crate::catalog::StoreError),
    #[error(transparent)]
    Keys(#[from] sled::Error),
    #[error(transparent)]
    Taxonomy(#[from] crate::taxonomy::TaxonomyError),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A problem with one input file, at a line when it has one.
    #[error("{at}: {source}")]
    File {
        at: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

pub async fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Serve(settings) => {
            crate::telemetry::init();
            let app = Application::build(settings).await?;
            tracing::info!(port = app.port(), "talentscan listening");
            Ok(app.run_until_stopped().await?)
        }
        Command::Import {
            mut settings,
            kind,
            files,
        } => {
            settings.no_sample = true;
            let state = AppState::open_with(settings, false).await?;
            for f in files {
                if let Some(counts) = restore_if_export(&state, &f).await? {
                    println!(
                        "{}: restored {} records, {} keys, {} stored scans; catalog digest {}",
                        f.display(),
                        counts.0.records,
                        counts.0.keys,
                        counts.0.scans,
                        if state.store.digest()? == counts.1.digest {
                            "as exported"
                        } else {
                            "differs from the export (the store was not empty)"
                        }
                    );
                    continue;
                }
                let kind = match kind.as_deref() {
                    Some(k) => {
                        Kind::parse(k).ok_or(CliError::Usage(format!("unknown kind {k}")))?
                    }
                    None => guess_kind(&f).ok_or(CliError::Usage(format!(
                        "{}: cannot tell the kind from the name; use --kind",
                        f.display()
                    )))?,
                };
                import_file(&state, kind, &f).await?;
            }
            Ok(state.store.flush().await?)
        }
        Command::Gen {
            tasks,
            trainings,
            seed,
            spread,
            out,
        } => {
            let tax = crate::taxonomy::Taxonomies::embedded()?;
            crate::catalog::synthetic::generate(&tax, tasks, trainings, seed, spread, &out)?;
            println!(
                "wrote {tasks} tasks and {trainings} trainings to {}",
                out.display()
            );
            Ok(())
        }
        Command::Probe { addr, path } => probe(&addr, &path),
        Command::Openapi => {
            let doc = crate::api::openapi::document();
            println!("{}", serde_json::to_string_pretty(&doc)?);
            Ok(())
        }
        Command::Export {
            mut settings,
            out,
            personal_data,
        } => {
            settings.no_sample = true;
            let state = AppState::open_with(settings, false).await?;
            let counts = match &out {
                Some(p) => {
                    let mut w = std::io::BufWriter::new(std::fs::File::create(p)?);
                    state.export(&mut w, personal_data).await?
                }
                None => {
                    state
                        .export(&mut std::io::stdout().lock(), personal_data)
                        .await?
                }
            };
            eprintln!(
                "exported {} records, {} keys, {} stored scans",
                counts.records, counts.keys, counts.scans
            );
            Ok(())
        }
        Command::Learn {
            settings,
            log,
            out,
            max_step,
            z,
            json,
        } => learn(settings, log, out, max_step, z, json).await,
        Command::Migrate { database_url } => {
            crate::telemetry::init();
            let pg = crate::catalog::PgStore::connect(&database_url)?;
            let applied = pg.migrate().await?;
            println!("database schema current ({} applied now)", applied.len());
            Ok(())
        }
        Command::Reindex(mut settings) => {
            settings.no_sample = true;
            let state = AppState::open_with(settings, false).await?;
            let n = state.reindex()?;
            println!("reindexed {n} records");
            Ok(())
        }
        Command::Keys {
            mut settings,
            action,
        } => {
            settings.no_sample = true;
            let state = AppState::open_with(settings, false).await?;
            match action {
                KeysAction::Create {
                    scope,
                    label,
                    quota,
                } => {
                    let s = Scope::parse(&scope).ok_or(CliError::Usage(
                        "scope must be admin, organisation:ID or client:NAME".into(),
                    ))?;
                    let (token, info) = state.create_key(&s, &label, quota).await?;
                    println!("{token}");
                    eprintln!(
                        "created key {} with scope {} (shown once; only its hash is stored)",
                        info.id, info.scope
                    );
                }
                KeysAction::List => {
                    for k in state.keys.list() {
                        let quota = match k.quota() {
                            0 => "no limit".to_string(),
                            n => format!("{n}/min"),
                        };
                        println!(
                            "{}\t{}\t{}\t{}\t{}",
                            k.id, k.scope, quota, k.created_at, k.label
                        );
                    }
                }
                KeysAction::Revoke { id } => {
                    if state.revoke_key(&id).await? {
                        println!("revoked {id}");
                    } else {
                        return Err(CliError::Usage(format!("no key {id}")));
                    }
                }
            }
            Ok(())
        }
    }
}

/// One plain HTTP/1.1 request with a short timeout; success only on a 200.
fn probe(addr: &str, path: &str) -> Result<(), CliError> {
    use std::io::{Read, Write};
    use std::net::ToSocketAddrs;
    let timeout = std::time::Duration::from_secs(3);
    let target = addr
        .to_socket_addrs()?
        .next()
        .ok_or_else(|| CliError::Usage(format!("{addr}: no address")))?;
    let mut s = std::net::TcpStream::connect_timeout(&target, timeout)?;
    s.set_read_timeout(Some(timeout))?;
    s.set_write_timeout(Some(timeout))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut head = [0u8; 16];
    let n = s.read(&mut head)?;
    let status = String::from_utf8_lossy(&head[..n]);
    if status.starts_with("HTTP/1.1 200") {
        Ok(())
    } else {
        Err(CliError::Usage(format!(
            "{addr}{path}: {}",
            status.lines().next().unwrap_or("no answer")
        )))
    }
}

/// Restores `path` when it is an export; `None` when it is a catalog file.
async fn restore_if_export(
    state: &Arc<AppState>,
    path: &std::path::Path,
) -> Result<Option<(crate::state::backup::Counts, crate::state::backup::Header)>, CliError> {
    use std::io::BufRead;
    let err = |e: std::io::Error| CliError::File {
        at: path.display().to_string(),
        source: Box::new(e),
    };
    let mut reader = std::io::BufReader::new(std::fs::File::open(path).map_err(err)?);
    let mut first = String::new();
    reader.read_line(&mut first).map_err(err)?;
    if !crate::state::backup::is_export(&first) {
        return Ok(None);
    }
    let mut reader = std::io::BufReader::new(std::fs::File::open(path).map_err(err)?);
    Ok(Some(state.restore(&mut reader).await?))
}

fn guess_kind(p: &std::path::Path) -> Option<Kind> {
    let name = p.file_name()?.to_string_lossy().to_lowercase();
    Kind::ALL.into_iter().find(|k| name.contains(k.as_str()))
}

async fn import_file(
    state: &Arc<AppState>,
    kind: Kind,
    path: &std::path::Path,
) -> Result<(), CliError> {
    use std::io::BufRead;
    let at = |n: Option<usize>| match n {
        Some(n) => format!("{}:{n}", path.display()),
        None => path.display().to_string(),
    };
    let err = |e: std::io::Error| CliError::File {
        at: at(None),
        source: Box::new(e),
    };
    let size = std::fs::metadata(path).map_err(err)?.len();
    let bar = ProgressBar::new(size);
    bar.set_style(
        ProgressStyle::with_template("{msg} {bar:40} {bytes}/{total_bytes} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message(format!("{} {}", path.display(), kind.as_str()));
    let (mut written, mut rejected) = (0usize, 0usize);
    let file = std::fs::File::open(path).map_err(err)?;
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let first = reader
        .fill_buf()
        .map_err(err)?
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .copied();
    if first == Some(b'[') {
        // A JSON array is parsed whole; use NDJSON for very large files.
        let values: Vec<Value> = serde_json::from_reader(reader).map_err(|e| CliError::File {
            at: at(None),
            source: Box::new(e),
        })?;
        let mut offset = 0;
        for chunk in values.chunks(10_000) {
            let (w, r) = flush(state, kind, chunk.to_vec(), &bar, offset).await?;
            offset += chunk.len();
            written += w;
            rejected += r;
        }
        bar.set_position(size);
    } else {
        // NDJSON is streamed in chunks of 10,000 records: memory stays flat.
        let mut chunk = Vec::with_capacity(10_000);
        let (mut offset, mut bytes) = (0usize, 0u64);
        for (n, line) in reader.lines().enumerate() {
            let line = line.map_err(err)?;
            bytes += line.len() as u64 + 1;
            if line.trim().is_empty() {
                continue;
            }
            chunk.push(serde_json::from_str(&line).map_err(|e| CliError::File {
                at: at(Some(n + 1)),
                source: Box::new(e),
            })?);
            if chunk.len() == 10_000 {
                let (w, r) = flush(state, kind, std::mem::take(&mut chunk), &bar, offset).await?;
                offset += 10_000;
                written += w;
                rejected += r;
                bar.set_position(bytes);
            }
        }
        if !chunk.is_empty() {
            let (w, r) = flush(state, kind, chunk, &bar, offset).await?;
            written += w;
            rejected += r;
        }
        bar.set_position(size);
    }
    bar.finish();
    println!("{}: {written} written, {rejected} rejected", path.display());
    Ok(())
}

async fn flush(
    state: &Arc<AppState>,
    kind: Kind,
    chunk: Vec<Value>,
    bar: &ProgressBar,
    offset: usize,
) -> Result<(usize, usize), CliError> {
    let (ok, errs) = state.publish(kind, chunk, |_| true).await?;
    for e in errs.iter().take(20) {
        bar.println(format!(
            "rejected #{}: {}",
            offset + e.index,
            serde_json::to_string(&e.errors).unwrap_or_default()
        ));
    }
    Ok((ok.len(), errs.len()))
}

/// `talentscan learn`: the logged matches, the weights in service, a fit, a report.
async fn learn(
    settings: Settings,
    log: Option<PathBuf>,
    out: Option<PathBuf>,
    max_step: f64,
    z: f64,
    json: bool,
) -> Result<(), CliError> {
    use crate::outcomes::learn::{self, FitConfig, Session};
    if !(max_step.is_finite() && max_step > 0.0 && z.is_finite() && z >= 0.0) {
        return Err(CliError::Usage(
            "--max-step must be above 0 and --z at least 0".into(),
        ));
    }
    let docs: Vec<String> = match (&log, &settings.database_url) {
        (Some(path), _) => std::fs::read_to_string(path)?
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect(),
        (None, Some(url)) => {
            crate::catalog::PgStore::open(url)
                .await?
                .match_logs()
                .await?
        }
        (None, None) => {
            let store = crate::catalog::Store::open(&settings.data_dir)?;
            store
                .match_logs()
                .map(|r| r.map(|b| String::from_utf8_lossy(&b).into_owned()))
                .collect::<Result<_, _>>()?
        }
    };
    let mut sessions = Vec::with_capacity(docs.len());
    for (i, d) in docs.iter().enumerate() {
        let m: crate::outcomes::LoggedMatch =
            serde_json::from_str(d).map_err(|e| CliError::File {
                at: format!("logged match {}", i + 1),
                source: Box::new(e),
            })?;
        sessions.push(Session::from_logged(&m));
    }
    if sessions.is_empty() {
        return Err(CliError::Usage("no logged matches to learn from".into()));
    }
    let (weights, base_text) = match &settings.weights {
        Some(p) => (
            crate::ranking::config::Weights::from_file(p),
            std::fs::read_to_string(p)?,
        ),
        None => (
            crate::ranking::config::Weights::embedded(),
            include_str!("../data/ranking/weights.json").to_string(),
        ),
    };
    let weights = weights.map_err(|e| CliError::Usage(e.to_string()))?;
    let cfg = FitConfig {
        max_step,
        z,
        ..FitConfig::default()
    };
    let report = learn::learn(&sessions, &learn::task_weights(&weights), &cfg);
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("weights in service: {}\n{}", weights.version, report.text());
    }
    if let Some(p) = out {
        let base: serde_json::Value = serde_json::from_str(&base_text)?;
        let cand = learn::candidate_file(&base, &report);
        std::fs::write(&p, serde_json::to_string_pretty(&cand)? + "\n")?;
        eprintln!("candidate weights written to {}", p.display());
    }
    Ok(())
}
