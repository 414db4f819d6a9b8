//! The application's shared state and the write path that keeps store, index and matcher
//! columns in step: validate → write to sled and flush → index and commit → swap columns.
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;
use utoipa::ToSchema;

use crate::auth::Keys;
use crate::catalog::fields::FieldError;
use crate::catalog::model::{parse_record, Context, Kind, Organisation, Record, Task, Training};
use crate::catalog::{sample, Store, StoreError};
use crate::configuration::Settings;
use crate::geo::Places;
use crate::questionnaire::Registry;
use crate::ranking::columns::TaskColumns;
use crate::ranking::{Matcher, Snapshot};
use crate::search::{SearchError, SearchIndex};
use crate::taxonomy::Taxonomies;

#[derive(Debug, Error)]
pub enum StateError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error("configuration: {0}")]
    Config(String),
}

/// Outcome of one record in a write.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RecordError {
    /// Position in the submitted batch (0-based).
    pub index: usize,
    pub id: Option<String>,
    pub errors: Vec<FieldError>,
}

pub struct AppState {
    pub settings: Settings,
    pub store: Store,
    pub index: SearchIndex,
    pub taxonomies: Taxonomies,
    pub places: Places,
    pub questionnaires: Registry,
    pub matcher: Matcher,
    pub keys: Keys,
    snapshot: RwLock<Arc<Snapshot>>,
    /// Serialises catalog writes so store order and index order agree.
    write_lock: tokio::sync::Mutex<()>,
}

impl AppState {
    /// Loads reference data and definitions (refusing to start on a bad one), opens the
    /// store and index, rebuilds the index when it lags the store, seeds the sample catalog
    /// into an empty store, and builds the matcher's columns.
    pub async fn open(settings: Settings) -> Result<Arc<Self>, StateError> {
        let taxonomies = Taxonomies::embedded().map_err(StateError::Config)?;
        let places = Places::embedded().map_err(StateError::Config)?;
        let questionnaires = match &settings.questionnaires_dir {
            Some(dir) => Registry::from_dir(dir, &taxonomies),
            None => Registry::embedded(&taxonomies),
        }
        .map_err(|e| StateError::Config(format!("questionnaire definition rejected:\n{e}")))?;
        let matcher = Matcher::embedded(taxonomies.clone()).map_err(StateError::Config)?;
        std::fs::create_dir_all(&settings.data_dir)
            .map_err(|e| StateError::Config(format!("{}: {e}", settings.data_dir.display())))?;
        let store = Store::open(&settings.data_dir)?;
        let (index, covered) = SearchIndex::open(&settings.data_dir.join("index"))?;
        let keys = Keys::new(store.clone(), settings.admin_key.as_deref());
        let state = Arc::new(Self {
            snapshot: RwLock::new(Arc::new(Snapshot {
                tasks: TaskColumns::build(Vec::new(), &taxonomies),
                trainings: Vec::new(),
                org_names: HashMap::new(),
            })),
            settings,
            store,
            index,
            taxonomies,
            places,
            questionnaires,
            matcher,
            keys,
            write_lock: tokio::sync::Mutex::new(()),
        });
        if covered != Some(state.store.seq()?) {
            tracing::info!("search index lags the store: rebuilding it from the store");
            state.reindex()?;
        }
        if state.settings.seed_sample() && !state.store.is_seeded()? && state.catalog_is_empty()? {
            state.seed().await?;
        }
        state.refresh_snapshot()?;
        Ok(state)
    }

    fn catalog_is_empty(&self) -> Result<bool, StateError> {
        for k in Kind::ALL {
            if self.store.count(k)? > 0 {
                return Ok(false);
            }
        }
        Ok(true)
    }

    async fn seed(&self) -> Result<(), StateError> {
        for (kind, values) in sample::sample() {
            let (_, errors) = self.publish(kind, values, &|_| true).await?;
            if !errors.is_empty() {
                return Err(StateError::Config(format!(
                    "sample {} rejected: {}",
                    kind.as_str(),
                    serde_json::to_string(&errors).unwrap_or_default()
                )));
            }
        }
        self.store.mark_seeded().await?;
        tracing::info!("seeded the sample catalog (fictional data)");
        Ok(())
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Rebuilds the matcher's view from the store and swaps it in atomically.
    pub fn refresh_snapshot(&self) -> Result<(), StateError> {
        let mut tasks = Vec::new();
        for r in self.store.iter(Kind::Tasks)? {
            let (_, v) = r?;
            if let Ok(t) = serde_json::from_value::<Task>(v) {
                tasks.push(t);
            }
        }
        let mut trainings = Vec::new();
        for r in self.store.iter(Kind::Trainings)? {
            let (_, v) = r?;
            if let Ok(t) = serde_json::from_value::<Training>(v) {
                trainings.push(t);
            }
        }
        let org_names = self.org_names()?;
        let snap = Snapshot {
            tasks: TaskColumns::build(tasks, &self.taxonomies),
            trainings,
            org_names,
        };
        *self.snapshot.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(snap);
        Ok(())
    }

    fn org_names(&self) -> Result<HashMap<String, String>, StateError> {
        let mut m = HashMap::new();
        for r in self.store.iter(Kind::Organisations)? {
            let (id, v) = r?;
            if let Ok(o) = serde_json::from_value::<Organisation>(v) {
                m.insert(id, o.name);
            }
        }
        Ok(m)
    }

    /// Rebuilds the search index from the store (the store is the truth).
    pub fn reindex(&self) -> Result<usize, StateError> {
        let seq = self.store.seq()?;
        self.index.clear()?;
        let names = self.org_names()?;
        let org_name = |id: &str| names.get(id).cloned().unwrap_or_default();
        let mut n = 0;
        for kind in Kind::ALL {
            let mut batch = Vec::new();
            for r in self.store.iter(kind)? {
                let (id, v) = r?;
                let rec = match kind {
                    Kind::Organisations => serde_json::from_value(v).map(Record::Organisation),
                    Kind::Tasks => serde_json::from_value(v).map(|t| Record::Task(Box::new(t))),
                    Kind::Trainings => {
                        serde_json::from_value(v).map(|t| Record::Training(Box::new(t)))
                    }
                    Kind::Roles => serde_json::from_value(v).map(Record::Role),
                };
                match rec {
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
        &self,
        kind: Kind,
        values: Vec<Value>,
        may_write: &(dyn Fn(Option<&str>) -> bool + Sync),
    ) -> Result<(Vec<Record>, Vec<RecordError>), StateError> {
        let _guard = self.write_lock.lock().await;
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
        if !ok.is_empty() {
            self.write(kind, &ok).await?;
        }
        Ok((ok, errors))
    }

    async fn write(&self, kind: Kind, records: &[Record]) -> Result<(), StateError> {
        let seq = self.store.put_all(kind, records).await?;
        let names = self.org_names()?;
        let org_name = |id: &str| names.get(id).cloned().unwrap_or_default();
        self.index
            .upsert(records, &self.taxonomies, &org_name, seq)?;
        if matches!(kind, Kind::Tasks | Kind::Trainings | Kind::Organisations) {
            self.refresh_snapshot()?;
        }
        Ok(())
    }

    pub async fn delete(&self, kind: Kind, id: &str) -> Result<bool, StateError> {
        let _guard = self.write_lock.lock().await;
        if !self.store.delete(kind, id).await? {
            return Ok(false);
        }
        let seq = self.store.seq()?;
        self.index.delete(kind, id, seq)?;
        self.refresh_snapshot()?;
        Ok(true)
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

    pub fn get_task(&self, id: &str) -> Option<Task> {
        self.store
            .get(Kind::Tasks, id)
            .ok()
            .flatten()
            .and_then(|v| serde_json::from_value(v).ok())
    }
}
