//! Builds the application: state, HTTP server, background tasks. Tests start it on a
//! random port with a temporary data directory, exactly as production does.
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpResponse, HttpServer};
use utoipa_swagger_ui::{Config, SwaggerUi};

use crate::api::errors::{problem, problem_response, ApiError};
use crate::api::metrics::Metrics;
use crate::api::middleware::{frame, Cors};
use crate::configuration::Settings;
use crate::state::{AppState, StateError};

pub struct Application {
    port: u16,
    server: Server,
    pub state: Arc<AppState>,
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StateError> {
        let listener = TcpListener::bind(settings.addr)
            .map_err(|e| StateError::Config(format!("cannot listen on {}: {e}", settings.addr)))?;
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
        let state = AppState::open(settings).await?;
        let server = run(listener, state.clone())?;
        spawn_retention(state.clone());
        spawn_match_log(state.clone());
        spawn_weights_reload(state.clone());
        state.spawn_follower();
        spawn_drain(state.clone(), server.handle());
        Ok(Self {
            port,
            server,
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Runs until SIGINT/SIGTERM (see `spawn_drain`); in-flight requests finish, then the
    /// store is flushed.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let state = self.state.clone();
        let r = self.server.await;
        if let Err(e) = state.flush_match_log().await {
            tracing::error!("writing the match log on shutdown failed: {e}");
        }
        if let Err(e) = state.store.flush().await {
            tracing::error!("flush on shutdown failed: {e}");
        }
        tracing::info!("stopped");
        r
    }
}

fn run(listener: TcpListener, state: Arc<AppState>) -> Result<Server, StateError> {
    let settings = state.settings.clone();
    let metrics = web::Data::new(Metrics::default());
    let cors = web::Data::new(Cors::parse(&settings.cors_origins));
    let proxies: crate::api::client::TrustedProxies = settings
        .trusted_proxies
        .parse()
        .map_err(StateError::Config)?;
    let proxies = web::Data::new(proxies);
    let limiter = web::Data::new(crate::api::limits::ClientLimiter::new(
        settings.rate_limit_per_minute,
    ));
    {
        let l = limiter.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                l.shrink();
            }
        });
    }
    let web_files = web::Data::new(crate::web::WebFiles {
        dir: settings.web_dir.clone(),
        retention_days: settings.retention_days,
    });
    let data = web::Data::new(state);
    let max_body = settings.max_body_bytes;
    let max_import = settings.max_import_bytes;
    let mut server = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .app_data(metrics.clone())
            .app_data(cors.clone())
            .app_data(limiter.clone())
            .app_data(proxies.clone())
            .app_data(web_files.clone())
            .app_data(web::PayloadConfig::new(max_body))
            .app_data(web::QueryConfig::default().error_handler(|e, _| {
                ApiError::BadRequest(format!("invalid query string: {e}"), vec![]).into()
            }))
            .app_data(web::PathConfig::default().error_handler(|e, _| {
                ApiError::BadRequest(format!("invalid path: {e}"), vec![]).into()
            }))
            .wrap(from_fn(crate::api::limits::rate_limit))
            .wrap(from_fn(frame))
            .configure(|c| crate::api::routes(c, max_import))
            .configure(crate::web::routes)
            .route(
                "/docs",
                web::get().to(|| async {
                    HttpResponse::PermanentRedirect()
                        .insert_header(("Location", "/docs/"))
                        .finish()
                }),
            )
            .service(
                SwaggerUi::new("/docs/{_:.*}")
                    .config(Config::new(["/v1/openapi.json"]).validator_url("none")),
            )
            .default_service(web::to(|| async {
                problem_response(&problem(
                    actix_web::http::StatusCode::NOT_FOUND,
                    "No resource here. Paths have no trailing slash; see /v1/openapi.json.",
                ))
            }))
    })
    .shutdown_timeout(20)
    .disable_signals()
    .keep_alive(Duration::from_secs(30))
    .client_request_timeout(Duration::from_secs(10))
    .listen(listener)
    .map_err(|e| StateError::Config(e.to_string()))?;
    if let Some(w) = settings.workers {
        server = server.workers(w.max(1));
    }
    Ok(server.run())
}

/// On SIGTERM or SIGINT: report not ready at once, keep serving for the drain time (the
/// load balancer's health check sees the change and stops sending), then stop accepting
/// and let the requests in flight finish (bounded by the shutdown timeout).
fn spawn_drain(state: Arc<AppState>, server: actix_web::dev::ServerHandle) {
    tokio::spawn(async move {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(e) => {
                    tracing::error!("cannot listen for SIGTERM: {e}");
                    return;
                }
            };
        tokio::select! {
            _ = term.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
        state
            .draining
            .store(true, std::sync::atomic::Ordering::Relaxed);
        let drain = state.settings.drain_seconds;
        tracing::info!(drain_seconds = drain, "stopping: not ready, draining");
        tokio::time::sleep(Duration::from_secs(drain)).await;
        server.stop(true).await;
    });
}

/// Erases stored scans past their retention, hourly (and once at start).
fn spawn_retention(state: Arc<AppState>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            match state.purge_scans(state.now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(erased = n, "expired scans erased"),
                Err(e) => tracing::error!("retention purge failed: {e}"),
            }
            match state.purge_outcomes(state.now()).await {
                Ok((0, 0)) => {}
                Ok((r, m)) => tracing::info!(
                    responses = r,
                    matches = m,
                    "expired responses and logged matches erased"
                ),
                Err(e) => tracing::error!("retention purge of outcomes failed: {e}"),
            }
        }
    });
}

/// On SIGHUP: read the weights file again. Putting learned weights into service is a
/// person's decision: they swap the file and send the signal (or restart).
fn spawn_weights_reload(state: Arc<AppState>) {
    tokio::spawn(async move {
        let Ok(mut hup) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup())
        else {
            tracing::error!("cannot listen for SIGHUP: weights reload only on restart");
            return;
        };
        while hup.recv().await.is_some() {
            match state.reload_weights() {
                Ok(v) => tracing::info!(weights = v, "ranking weights read again"),
                Err(e) => tracing::error!("weights not reloaded, the old ones stay: {e}"),
            }
        }
    });
}

/// Writes the match log's batch about once a second (`state::outcomes`).
fn spawn_match_log(state: Arc<AppState>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(crate::state::outcomes::LOG_FLUSH);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = state.flush_match_log().await {
                tracing::warn!("writing the match log failed (kept for the next round): {e}");
            }
        }
    });
}
