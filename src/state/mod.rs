//! The application's shared state and the write path that keeps store, index and matcher
//! columns in step: validate → write to sled and flush → index and commit → swap columns.
//!
//! A write runs as one blocking task on tokio's blocking pool, not on the request's
//! worker: the flush and the index commit block for milliseconds, and every connection
//! on that worker (matches among them) would wait for them. Once started, a write runs to
//! its end even if the request's future is dropped (at shutdown, say): nothing can stop it
//! half-way between store and index.
pub mod backup;
pub mod groups;
mod insight;
pub mod outcomes;
mod replica;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;
use utoipa::ToSchema;

use crate::auth::Keys;
use crate::catalog::fields::FieldError;
use crate::catalog::model::{parse_record, Context, Kind, Organisation, Record, Task, Training};
use crate::catalog::{sample, PgStore, Store, StoreError};
use crate::configuration::Settings;
use crate::geo::Places;
use crate::questionnaire::Registry;
use crate::ranking::columns::TaskColumns;
use crate::ranking::live::LiveColumns;
use crate::ranking::trainings::Trainings;
use crate::ranking::{Matcher, Snapshot};
use crate::search::{SearchError, SearchIndex};
use crate::taxonomy::Taxonomies;
use replica::first_copy;

#[derive(Debug, Error)]
pub enum StateError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error("configuration: {0}")]
    Config(String),
    #[error("the write task failed: {0}")]
    Task(String),
}

/// Outcome of one record in a write.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RecordError {
    /// Position in the submitted batch (0-based).
    pub index: usize,
    pub id: Option<String>,
    pub errors: Vec<FieldError>,
}

/// What a write did: the records written, the ones rejected, and the store sequence
/// number to wait for (`None` when nothing was written).
type Published = (Vec<Record>, Vec<RecordError>, Option<u64>);

/// Parsed tasks kept in memory for building match answers.
const TASK_CACHE_SIZE: usize = 50_000;

pub struct AppState {
    pub settings: Settings,
    /// The sled store: the store of record, or (with `pg`) this replica's copy of it.
    pub store: Store,
    /// PostgreSQL, the store of record when the service runs as replicas.
    pub pg: Option<PgStore>,
    /// One catch-up with the store of record at a time, so changes apply in order.
    follow_lock: tokio::sync::Mutex<()>,
    /// Whether the store of record answered the last time it was asked.
    store_available: std::sync::atomic::AtomicBool,
    /// Set on SIGTERM: `/readyz` reports not ready while in-flight requests finish.
    pub draining: std::sync::atomic::AtomicBool,
    pub index: SearchIndex,
    pub taxonomies: Taxonomies,
    pub places: Places,
    pub questionnaires: Registry,
    /// Swapped whole when the weights file is read again (SIGHUP).
    matcher: RwLock<Arc<Matcher>>,
    pub keys: Keys,
    columns: LiveColumns,
    trainings: RwLock<Arc<Trainings>>,
    org_names: RwLock<Arc<HashMap<String, String>>>,
    task_cache: RwLock<HashMap<String, Arc<Task>>>,
    task_cache_gen: std::sync::atomic::AtomicU64,
    /// Serialises catalog writes so store order and index order agree (held on the
    /// blocking pool, never across an await).
    write_lock: std::sync::Mutex<()>,
    /// Logged matches not yet written (`outcomes`).
    pending_log: outcomes::PendingLog,
    /// One change to a response at a time, so no reported outcome is lost.
    outcome_lock: tokio::sync::Mutex<()>,
}

impl AppState {
    /// Loads reference data and definitions (refusing to start on a bad one), opens the
    /// store and index, rebuilds the index when it lags the store, seeds the sample catalog
    /// into an empty store, and builds the matcher's columns.
    pub async fn open(settings: Settings) -> Result<Arc<Self>, StateError> {
        Self::open_with(settings, true).await
    }

    /// `serve = false` is for offline maintenance (import, reindex, keys): the matcher's
    /// columns are not built and writes do not update them.
    pub async fn open_with(settings: Settings, serve: bool) -> Result<Arc<Self>, StateError> {
        let taxonomies = Taxonomies::embedded().map_err(|e| StateError::Config(e.to_string()))?;
        let places = Places::embedded().map_err(|e| StateError::Config(e.to_string()))?;
        let questionnaires = match &settings.questionnaires_dir {
            Some(dir) => Registry::from_dir(dir, &taxonomies),
            None => Registry::embedded(&taxonomies),
        }
        .map_err(|e| StateError::Config(format!("questionnaire definition rejected:\n{e}")))?;
        let matcher = load_matcher(&settings, &taxonomies)?;
        std::fs::create_dir_all(&settings.data_dir)
            .map_err(|e| StateError::Config(format!("{}: {e}", settings.data_dir.display())))?;
        let store = Store::open(&settings.data_dir)?;
        let pg = match &settings.database_url {
            Some(url) => {
                let pg = PgStore::open(url).await?;
                first_copy(&store, &pg).await?;
                Some(pg)
            }
            None => None,
        };
        let (index, covered) = SearchIndex::open(&settings.data_dir.join("index"))?;
        let keys = Keys::new(store.clone(), settings.admin_key.as_deref());
        let state = Arc::new(Self {
            columns: LiveColumns::new(
                TaskColumns::build(Vec::new(), &taxonomies),
                taxonomies.clone(),
                serve,
            ),
            trainings: RwLock::new(Arc::new(Trainings::default())),
            task_cache: RwLock::new(HashMap::new()),
            task_cache_gen: std::sync::atomic::AtomicU64::new(0),
            org_names: RwLock::new(Arc::new(HashMap::new())),
            settings,
            store,
            pg,
            follow_lock: tokio::sync::Mutex::new(()),
            store_available: std::sync::atomic::AtomicBool::new(true),
            draining: std::sync::atomic::AtomicBool::new(false),
            index,
            taxonomies,
            places,
            questionnaires,
            matcher: RwLock::new(Arc::new(matcher)),
            keys,
            write_lock: std::sync::Mutex::new(()),
            pending_log: Default::default(),
            outcome_lock: tokio::sync::Mutex::new(()),
        });
        if covered != Some(state.store.seq()?) {
            tracing::info!("search index lags the store: rebuilding it from the store");
            state.reindex()?;
        }
        state.catch_up().await?;
        if state.settings.seed_sample() && !state.is_seeded().await? && state.catalog_is_empty()? {
            state.seed().await?;
        }
        *state.org_names.write().unwrap_or_else(|p| p.into_inner()) =
            Arc::new(state.load_org_names()?);
        if serve {
            state.refresh_snapshot()?;
        }
        Ok(state)
    }

    async fn is_seeded(&self) -> Result<bool, StoreError> {
        match &self.pg {
            Some(pg) => pg.is_seeded().await,
            None => self.store.is_seeded(),
        }
    }

    fn catalog_is_empty(&self) -> Result<bool, StateError> {
        for k in Kind::ALL {
            if self.store.count(k)? > 0 {
                return Ok(false);
            }
        }
        Ok(true)
    }

    async fn seed(self: &Arc<Self>) -> Result<(), StateError> {
        for (kind, values) in sample::sample() {
            let (_, errors) = self.publish(kind, values, |_| true).await?;
            if !errors.is_empty() {
                return Err(StateError::Config(format!(
                    "sample {} rejected: {}",
                    kind.as_str(),
                    serde_json::to_string(&errors).unwrap_or_default()
                )));
            }
        }
        match &self.pg {
            Some(pg) => pg.mark_seeded().await?,
            None => self.store.mark_seeded().await?,
        }
        tracing::info!("seeded the sample catalog (fictional data)");
        Ok(())
    }

    /// The matcher's current view: columns, trainings, organisation names.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            tasks: self.columns.current(),
            trainings: self
                .trainings
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .clone(),
            org_names: self
                .org_names
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .clone(),
        }
    }

    /// Rebuilds the matcher's view from the store (at start-up) and swaps it in.
    pub fn refresh_snapshot(&self) -> Result<(), StateError> {
        // Tasks stream from the store into the columns one by one: with a million tasks,
        // holding them all parsed at once would take gigabytes the process keeps.
        let mut failed = None;
        let tasks = self
            .store
            .iter_typed::<Task>(Kind::Tasks)?
            .map_while(|r| r.map_err(|e| failed = Some(e)).ok());
        let cols = TaskColumns::build(tasks, &self.taxonomies);
        if let Some(e) = failed {
            return Err(e.into());
        }
        let mut trainings = Vec::new();
        for t in self.store.iter_typed::<Training>(Kind::Trainings)? {
            trainings.push(t?.with_parsed());
        }
        self.columns.replace(cols, self.store.seq()?);
        crate::ranking::live::trim_heap();
        *self.trainings.write().unwrap_or_else(|p| p.into_inner()) =
            Arc::new(Trainings::new(trainings, &self.taxonomies));
        Ok(())
    }

    fn load_org_names(&self) -> Result<HashMap<String, String>, StateError> {
        let mut m = HashMap::new();
        for r in self.store.iter(Kind::Organisations)? {
            let (id, v) = r?;
            if let Ok(o) = serde_json::from_value::<Organisation>(v) {
                m.insert(id, o.name);
            }
        }
        Ok(m)
    }

    fn org_names(&self) -> Result<Arc<HashMap<String, String>>, StateError> {
        Ok(self
            .org_names
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone())
    }

    /// Rebuilds the search index from the store (the store is the truth).
    pub fn reindex(&self) -> Result<usize, StateError> {
        let seq = self.store.seq()?;
        self.index.clear()?;
        let names = self.load_org_names()?;
        let org_name = |id: &str| names.get(id).cloned().unwrap_or_default();
        let mut n = 0;
        for kind in Kind::ALL {
            let mut batch = Vec::new();
            for r in self.store.iter_raw(kind)? {
                let (id, v) = r?;
                match Record::from_stored(kind, &v) {
                    Ok(r) => batch.push(r),
                    Err(e) => {
                        tracing::warn!(kind = kind.as_str(), id, "skipping unreadable record: {e}")
                    }
                }
                if batch.len() >= 10_000 {
                    n += batch.len();
                    self.index
                        .add_uncommitted(&batch, &self.taxonomies, &org_name)?;
                    batch.clear();
                }
            }
            n += batch.len();
            self.index
                .add_uncommitted(&batch, &self.taxonomies, &org_name)?;
        }
        self.index.commit_seq(seq)?;
        Ok(n)
    }

    /// Validates and writes records of one kind. Valid records are written (durably) and
    /// indexed; invalid ones are reported with their position and pointers. `may_write`
    /// checks a record's owning organisation against the caller's key scope.
    pub async fn publish(
        self: &Arc<Self>,
        kind: Kind,
        values: Vec<Value>,
        may_write: impl Fn(Option<&str>) -> bool + Send + 'static,
    ) -> Result<(Vec<Record>, Vec<RecordError>), StateError> {
        let st = Arc::clone(self);
        let Some(pg) = &self.pg else {
            let (ok, errors, seq) =
                Self::blocking(move || st.publish_locked(kind, values, &may_write)).await?;
            if let Some(seq) = seq {
                self.columns.wait_visible(seq).await;
            }
            return Ok((ok, errors));
        };
        // Validated against this replica's copy, brought up to date first (an organisation
        // created through another replica a moment ago exists here too).
        self.catch_up().await?;
        let (ok, errors) =
            Self::blocking(move || Ok(st.validate(kind, values, &may_write))).await?;
        if !ok.is_empty() {
            let seq = pg.put_all(kind, &ok).await?;
            self.catch_up_to(seq).await?;
        }
        Ok((ok, errors))
    }

    /// Runs a write on the blocking pool and waits for it.
    async fn blocking<T: Send + 'static>(
        f: impl FnOnce() -> Result<T, StateError> + Send + 'static,
    ) -> Result<T, StateError> {
        tokio::task::spawn_blocking(f)
            .await
            .map_err(|e| StateError::Task(e.to_string()))?
    }

    fn publish_locked(
        &self,
        kind: Kind,
        values: Vec<Value>,
        may_write: &dyn Fn(Option<&str>) -> bool,
    ) -> Result<Published, StateError> {
        let _guard = self.write_lock.lock().unwrap_or_else(|p| p.into_inner());
        let (ok, errors) = self.validate(kind, values, may_write);
        let mut seq = None;
        if !ok.is_empty() {
            seq = Some(self.write(kind, &ok, None)?);
        }
        Ok((ok, errors, seq))
    }

    /// Parses and checks records: the valid ones (the last of an id wins) and the problems
    /// of the others.
    fn validate(
        &self,
        kind: Kind,
        values: Vec<Value>,
        may_write: &dyn Fn(Option<&str>) -> bool,
    ) -> (Vec<Record>, Vec<RecordError>) {
        let mut batch_orgs: HashSet<String> = HashSet::new();
        if kind == Kind::Organisations {
            for v in &values {
                if let Some(id) = v.get("id").and_then(|x| x.as_str()) {
                    batch_orgs.insert(id.to_string());
                }
            }
        }
        let store = &self.store;
        let exists = |id: &str| {
            batch_orgs.contains(id) || store.contains(Kind::Organisations, id).unwrap_or(false)
        };
        let ctx = Context {
            taxonomies: &self.taxonomies,
            places: &self.places,
            organisation_exists: &exists,
        };
        let mut ok: Vec<Record> = Vec::new();
        let mut errors = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, v) in values.iter().enumerate() {
            let id = v.get("id").and_then(|x| x.as_str()).map(str::to_string);
            let base = format!("/{i}");
            let Some(id_s) = id.clone() else {
                errors.push(RecordError {
                    index: i,
                    id: None,
                    errors: vec![FieldError::new(format!("{base}/id"), "is required")],
                });
                continue;
            };
            match parse_record(kind, v, &id_s, &base, &ctx) {
                Ok(r) => {
                    if !may_write(r.organisation_id()) {
                        errors.push(RecordError {
                            index: i,
                            id,
                            errors: vec![FieldError::new(
                                base,
                                "your key may not write this organisation's records",
                            )],
                        });
                        continue;
                    }
                    // The last record with an id wins, as in an upsert.
                    if let Some(&j) = seen.get(&id_s) {
                        ok[j] = r;
                    } else {
                        seen.insert(id_s, ok.len());
                        ok.push(r);
                    }
                }
                Err(e) => errors.push(RecordError {
                    index: i,
                    id,
                    errors: e,
                }),
            }
        }
        (ok, errors)
    }

    /// Store (flushed), index (committed), then the matcher's view: trainings and names at
    /// once, task columns through the column builder. Returns the store sequence number
    /// (`seq`: the store of record's, when this is a replica applying its stream).
    fn write(&self, kind: Kind, records: &[Record], seq: Option<u64>) -> Result<u64, StateError> {
        let seq = self.store.put_all(kind, records, seq)?;
        if kind == Kind::Tasks {
            self.invalidate_tasks(records.iter().map(|r| r.id()));
        }
        if kind == Kind::Organisations {
            let mut names = (*self.org_names()?).clone();
            for r in records {
                if let Record::Organisation(o) = r {
                    names.insert(o.id.clone(), o.name.clone());
                }
            }
            *self.org_names.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(names);
        }
        let names = self.org_names()?;
        let org_name = |id: &str| names.get(id).cloned().unwrap_or_default();
        self.index
            .upsert(records, &self.taxonomies, &org_name, seq)?;
        match kind {
            Kind::Tasks => {
                let tasks = records.iter().filter_map(|r| match r {
                    Record::Task(t) => Some((**t).clone()),
                    _ => None,
                });
                self.columns.change(seq, tasks.collect(), HashSet::new());
            }
            Kind::Trainings => self.edit_trainings(|list| {
                for r in records {
                    if let Record::Training(t) = r {
                        list.retain(|x| x.id != t.id);
                        list.push((**t).clone());
                    }
                }
            }),
            _ => {}
        }
        if kind != Kind::Tasks {
            self.columns.pass(seq);
        }
        Ok(seq)
    }

    pub async fn delete(self: &Arc<Self>, kind: Kind, id: &str) -> Result<bool, StateError> {
        if let Some(pg) = &self.pg {
            return match pg.delete(kind.as_str(), id).await? {
                Some(seq) => {
                    self.catch_up_to(seq).await?;
                    Ok(true)
                }
                None => Ok(false),
            };
        }
        let st = Arc::clone(self);
        let id = id.to_string();
        let seq = Self::blocking(move || {
            let _guard = st.write_lock.lock().unwrap_or_else(|p| p.into_inner());
            st.delete_locked(kind, &id, None)
        })
        .await?;
        match seq {
            Some(seq) => {
                self.columns.wait_visible(seq).await;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Store, index, matcher view; the sequence number, `None` when there was no record
    /// (`seq` as in `write`). The caller holds the write lock.
    fn delete_locked(
        &self,
        kind: Kind,
        id: &str,
        seq: Option<u64>,
    ) -> Result<Option<u64>, StateError> {
        let Some(seq) = self.store.delete(kind, id, seq)? else {
            return Ok(None);
        };
        if kind == Kind::Tasks {
            self.invalidate_tasks([id]);
        }
        self.index.delete(kind, id, seq)?;
        match kind {
            Kind::Tasks => self
                .columns
                .change(seq, Vec::new(), HashSet::from([id.to_string()])),
            Kind::Trainings => self.edit_trainings(|list| list.retain(|x| x.id != id)),
            Kind::Organisations => {
                let mut names = (*self.org_names()?).clone();
                names.remove(id);
                *self.org_names.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(names);
            }
            Kind::Roles => {}
        }
        if kind != Kind::Tasks {
            self.columns.pass(seq);
        }
        Ok(Some(seq))
    }

    /// A new list of trainings for the matcher: the current one, edited.
    fn edit_trainings(&self, edit: impl FnOnce(&mut Vec<Training>)) {
        let mut list = self
            .trainings
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .to_vec();
        edit(&mut list);
        *self.trainings.write().unwrap_or_else(|p| p.into_inner()) =
            Arc::new(Trainings::new(list, &self.taxonomies));
    }

    /// Organisation that owns a stored record (for scoped keys on delete).
    pub fn owner_of(&self, kind: Kind, id: &str) -> Result<Option<String>, StateError> {
        let v = self.store.get(kind, id)?;
        Ok(v.and_then(|v| match kind {
            Kind::Organisations => v.get("id").and_then(|x| x.as_str()).map(str::to_string),
            Kind::Trainings => None,
            _ => v
                .get("organisation_id")
                .and_then(|x| x.as_str())
                .map(str::to_string),
        }))
    }

    /// A task by id, from the in-memory cache or the store. The cache holds parsed tasks
    /// (parsing JSON was most of a match's time); writes invalidate it, and a read that
    /// raced a write is not cached (generation check).
    pub fn get_task(&self, id: &str) -> Option<Arc<Task>> {
        if let Some(t) = self
            .task_cache
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(id)
        {
            return Some(t.clone());
        }
        let gen = self
            .task_cache_gen
            .load(std::sync::atomic::Ordering::Acquire);
        let t: Arc<Task> = Arc::new(self.store.get_typed(Kind::Tasks, id).ok().flatten()?);
        let mut cache = self.task_cache.write().unwrap_or_else(|p| p.into_inner());
        if self
            .task_cache_gen
            .load(std::sync::atomic::Ordering::Acquire)
            == gen
        {
            if cache.len() >= TASK_CACHE_SIZE {
                cache.clear();
            }
            cache.insert(id.to_string(), t.clone());
        }
        Some(t)
    }

    /// Called after the store write: a read that loaded the old record either cached it
    /// before this (and it is removed here) or sees the new generation and does not cache.
    fn invalidate_tasks<'a>(&self, ids: impl IntoIterator<Item = &'a str>) {
        let mut cache = self.task_cache.write().unwrap_or_else(|p| p.into_inner());
        self.task_cache_gen
            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        for id in ids {
            cache.remove(id);
        }
    }
}

/// The matcher with the configured weights file, or the built-in weights.
fn load_matcher(settings: &Settings, tax: &Taxonomies) -> Result<Matcher, StateError> {
    let weights = match &settings.weights {
        Some(path) => crate::ranking::config::Weights::from_file(path),
        None => crate::ranking::config::Weights::embedded(),
    }
    .map_err(|e| StateError::Config(e.to_string()))?;
    Matcher::with_weights(tax.clone(), weights).map_err(|e| StateError::Config(e.to_string()))
}

impl AppState {
    /// The matcher as it is now (its weights can be swapped while serving).
    pub fn matcher(&self) -> Arc<Matcher> {
        self.matcher
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Reads the weights file again and swaps the matcher; the new weights version. A
    /// file that cannot be used leaves the running weights in place.
    pub fn reload_weights(&self) -> Result<String, StateError> {
        let m = load_matcher(&self.settings, &self.taxonomies)?;
        let version = m.weights.version.clone();
        *self.matcher.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(m);
        Ok(version)
    }

    /// Now, from the one clock everything that asks "is it over yet" reads.
    pub fn now(&self) -> time::OffsetDateTime {
        self.settings
            .clock
            .unwrap_or_else(time::OffsetDateTime::now_utc)
    }
}

impl crate::ranking::TaskSource for AppState {
    fn task(&self, id: &str) -> Option<Arc<Task>> {
        self.get_task(id)
    }
}
