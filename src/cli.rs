//! The command line: `serve`, `import`, `reindex`, `keys`.
use std::path::PathBuf;

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
            let state = AppState::open(settings).await.map_err(|e| e.to_string())?;
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
            let state = AppState::open(settings).await.map_err(|e| e.to_string())?;
            let n = state.reindex().map_err(|e| e.to_string())?;
            println!("reindexed {n} records");
            Ok(())
        }
        Command::Keys {
            mut settings,
            action,
        } => {
            settings.no_sample = true;
            let state = AppState::open(settings).await.map_err(|e| e.to_string())?;
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

async fn import_file(state: &AppState, kind: Kind, path: &std::path::Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let values: Vec<Value> = if text.trim_start().starts_with('[') {
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?
    } else {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(serde_json::from_str)
            .collect::<Result<_, _>>()
            .map_err(|e| format!("{}: {e}", path.display()))?
    };
    let bar = ProgressBar::new(values.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message(format!("{} {}", path.display(), kind.as_str()));
    let (mut written, mut rejected) = (0, 0);
    let mut values = values.into_iter().peekable();
    while values.peek().is_some() {
        let chunk: Vec<Value> = values.by_ref().take(10_000).collect();
        let n = chunk.len() as u64;
        let (ok, errs) = state
            .publish(kind, chunk, &|_| true)
            .await
            .map_err(|e| e.to_string())?;
        written += ok.len();
        rejected += errs.len();
        for e in errs.iter().take(20) {
            bar.println(format!(
                "rejected #{}: {}",
                e.index,
                serde_json::to_string(&e.errors).unwrap_or_default()
            ));
        }
        bar.inc(n);
    }
    bar.finish();
    println!("{}: {written} written, {rejected} rejected", path.display());
    Ok(())
}
