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
    /// Import catalog files offline (JSON array or NDJSON; kind from --kind or the file name).
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
    /// Create a key: --scope admin or --scope organisation:ID.
    Create {
        #[arg(long)]
        scope: String,
        #[arg(long, default_value = "")]
        label: String,
    },
    /// List keys (ids and scopes, never the keys themselves).
    List,
    /// Revoke a key by its id.
    Revoke { id: String },
}

pub async fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Serve(settings) => {
            crate::telemetry::init();
            let app = Application::build(settings)
                .await
                .map_err(|e| e.to_string())?;
            tracing::info!(port = app.port(), "talentscan listening");
            app.run_until_stopped().await.map_err(|e| e.to_string())
        }
        Command::Import {
            mut settings,
            kind,
            files,
        } => {
            settings.no_sample = true;
            let state = AppState::open_with(settings, false)
                .await
                .map_err(|e| e.to_string())?;
            for f in files {
                let kind = match kind.as_deref() {
                    Some(k) => Kind::parse(k).ok_or(format!("unknown kind {k}"))?,
                    None => guess_kind(&f).ok_or(format!(
                        "{}: cannot tell the kind from the name; use --kind",
                        f.display()
                    ))?,
                };
                import_file(&state, kind, &f).await?;
            }
            state.store.flush().await.map_err(|e| e.to_string())
        }
        Command::Gen {
            tasks,
            trainings,
            seed,
            spread,
            out,
        } => {
            let tax = crate::taxonomy::Taxonomies::embedded().map_err(|e| e.to_string())?;
            crate::catalog::synthetic::generate(&tax, tasks, trainings, seed, spread, &out)
                .map_err(|e| e.to_string())?;
            println!(
                "wrote {tasks} tasks and {trainings} trainings to {}",
                out.display()
            );
            Ok(())
        }
        Command::Openapi => {
            let doc = crate::api::openapi::document();
            println!(
                "{}",
                serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?
            );
            Ok(())
        }
        Command::Reindex(mut settings) => {
            settings.no_sample = true;
            let state = AppState::open_with(settings, false)
                .await
                .map_err(|e| e.to_string())?;
            let n = state.reindex().map_err(|e| e.to_string())?;
            println!("reindexed {n} records");
            Ok(())
        }
        Command::Keys {
            mut settings,
            action,
        } => {
            settings.no_sample = true;
            let state = AppState::open_with(settings, false)
                .await
                .map_err(|e| e.to_string())?;
            match action {
                KeysAction::Create { scope, label } => {
                    let s = Scope::parse(&scope).ok_or("scope must be admin or organisation:ID")?;
                    let (token, info) = state
                        .keys
                        .create(&s, &label)
                        .await
                        .map_err(|e| e.to_string())?;
                    println!("{token}");
                    eprintln!(
                        "created key {} with scope {} (shown once; only its hash is stored)",
                        info.id, info.scope
                    );
                }
                KeysAction::List => {
                    for k in state.keys.list() {
                        println!("{}\t{}\t{}\t{}", k.id, k.scope, k.created_at, k.label);
                    }
                }
                KeysAction::Revoke { id } => {
                    if state.keys.revoke(&id).await.map_err(|e| e.to_string())? {
                        println!("revoked {id}");
                    } else {
                        return Err(format!("no key {id}"));
                    }
                }
            }
            Ok(())
        }
    }
}

fn guess_kind(p: &std::path::Path) -> Option<Kind> {
    let name = p.file_name()?.to_string_lossy().to_lowercase();
    Kind::ALL.into_iter().find(|k| name.contains(k.as_str()))
}

async fn import_file(
    state: &Arc<AppState>,
    kind: Kind,
    path: &std::path::Path,
) -> Result<(), String> {
    use std::io::BufRead;
    let err = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let size = std::fs::metadata(path).map_err(|e| err(&e))?.len();
    let bar = ProgressBar::new(size);
    bar.set_style(
        ProgressStyle::with_template("{msg} {bar:40} {bytes}/{total_bytes} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message(format!("{} {}", path.display(), kind.as_str()));
    let (mut written, mut rejected) = (0usize, 0usize);
    let file = std::fs::File::open(path).map_err(|e| err(&e))?;
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let first = reader
        .fill_buf()
        .map_err(|e| err(&e))?
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .copied();
    if first == Some(b'[') {
        // A JSON array is parsed whole; use NDJSON for very large files.
        let values: Vec<Value> = serde_json::from_reader(reader).map_err(|e| err(&e))?;
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
            let line = line.map_err(|e| err(&e))?;
            bytes += line.len() as u64 + 1;
            if line.trim().is_empty() {
                continue;
            }
            chunk.push(
                serde_json::from_str(&line)
                    .map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?,
            );
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
) -> Result<(usize, usize), String> {
    let (ok, errs) = state
        .publish(kind, chunk, |_| true)
        .await
        .map_err(|e| e.to_string())?;
    for e in errs.iter().take(20) {
        bar.println(format!(
            "rejected #{}: {}",
            offset + e.index,
            serde_json::to_string(&e.errors).unwrap_or_default()
        ));
    }
    Ok((ok.len(), errs.len()))
}
