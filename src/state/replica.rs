//! A replica following the store of record (PostgreSQL mode): its first copy, catching
//! up with the change stream in order, the follower that wakes on notifications and
//! polls besides, and the personal data (stored scans) and keys that go to the store of
//! record directly.
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use super::{AppState, StateError};
use crate::auth::{KeyInfo, Scope};
use crate::catalog::postgres::{Change, KEY_KIND};
use crate::catalog::{Kind, PgStore, Record, Store, StoreError};

/// How often a follower asks for changes when no notification came: the bound on how
/// stale a replica is when notifications are lost or the listener is reconnecting.
const POLL: Duration = Duration::from_millis(400);

/// Makes the local copy one of this database: a copy of another database, or one ahead
/// of it (a restored backup), is dropped; an empty copy is loaded from one consistent
/// snapshot. A copy that is merely behind catches up through the stream afterwards.
pub(super) async fn first_copy(store: &Store, pg: &PgStore) -> Result<(), StateError> {
    let instance = pg.instance().await?;
    let head = pg.head().await?;
    if store.origin()?.as_deref() != Some(instance.as_str()) || store.seq()? > head {
        store.clear_copy()?;
    }
    if store.origin()?.is_some() {
        return Ok(());
    }
    let started = std::time::Instant::now();
    let mut n = 0usize;
    let seq = pg
        .snapshot(|piece| {
            n += piece.len();
            store.load_copy(&piece)
        })
        .await?;
    store.finish_copy(seq, &instance)?;
    tracing::info!(
        records = n,
        seq,
        seconds = started.elapsed().as_secs_f32(),
        "copied the catalog from the database"
    );
    Ok(())
}

impl AppState {
    /// Applies every change the store of record has after this replica's copy, in order;
    /// the sequence number the copy covers afterwards.
    pub async fn catch_up(self: &Arc<Self>) -> Result<u64, StateError> {
        let Some(pg) = &self.pg else {
            return Ok(self.store.seq()?);
        };
        let _one = self.follow_lock.lock().await;
        let from = self.store.seq()?;
        let changes = match pg.changes_since(from).await {
            Ok(c) => {
                self.store_available.store(true, Ordering::Relaxed);
                c
            }
            Err(e) => {
                self.store_available.store(false, Ordering::Relaxed);
                return Err(e.into());
            }
        };
        let Some(last) = changes.last().map(|c| c.seq) else {
            return Ok(from);
        };
        let st = Arc::clone(self);
        Self::blocking(move || st.apply(changes)).await?;
        drop(_one);
        self.columns.wait_visible(last).await;
        Ok(last)
    }

    /// Waits until this replica's copy has the write `seq` (a write it made itself): the
    /// answer to that write then reflects it, as on a single node.
    pub(super) async fn catch_up_to(self: &Arc<Self>, seq: u64) -> Result<(), StateError> {
        if self.store.seq()? < seq {
            self.catch_up().await?;
        }
        self.columns.wait_visible(seq).await;
        Ok(())
    }

    /// Applies a piece of the stream: each write (one kind, one number) as the single
    /// node would, under the same write lock.
    fn apply(&self, changes: Vec<Change>) -> Result<(), StateError> {
        let _guard = self.write_lock.lock().unwrap_or_else(|p| p.into_inner());
        let mut rest = changes.as_slice();
        while let Some(first) = rest.first() {
            let len = rest
                .iter()
                .take_while(|c| {
                    c.seq == first.seq
                        && c.kind == first.kind
                        && c.doc.is_some() == first.doc.is_some()
                })
                .count();
            let (run, after) = rest.split_at(len);
            rest = after;
            if first.kind == KEY_KIND {
                self.store.apply_keys(run, first.seq)?;
                self.columns.pass(first.seq);
                continue;
            }
            let Some(kind) = Kind::parse(&first.kind) else {
                tracing::warn!(kind = first.kind, "skipping changes of an unknown kind");
                self.columns.pass(first.seq);
                continue;
            };
            if first.doc.is_none() {
                for c in run {
                    self.delete_locked(kind, &c.id, Some(c.seq))?;
                }
                continue;
            }
            let mut records = Vec::with_capacity(run.len());
            for c in run {
                match Record::from_stored(kind, c.doc.as_deref().unwrap_or_default().as_bytes()) {
                    Ok(r) => records.push(r),
                    Err(e) => tracing::warn!(
                        kind = first.kind,
                        id = c.id,
                        "skipping unreadable record: {e}"
                    ),
                }
            }
            self.write(kind, &records, Some(first.seq))?;
        }
        Ok(())
    }

    /// Whether the store of record answered the last time (always, for sled).
    pub fn store_available(&self) -> bool {
        self.store_available.load(Ordering::Relaxed)
    }

    /// Follows the store of record: a change is applied when its notification arrives,
    /// or at the next poll; a lost connection is made again, and the copy catches up.
    pub fn spawn_follower(self: &Arc<Self>) {
        let Some(pg) = self.pg.clone() else { return };
        let st = Arc::clone(self);
        tokio::spawn(async move {
            let mut warned = false;
            loop {
                let mut listener = pg.listen().await.ok();
                loop {
                    match st.catch_up().await {
                        Ok(_) => {
                            if warned {
                                tracing::info!("the store of record is back; caught up");
                            }
                            warned = false;
                        }
                        Err(e) => {
                            if !warned {
                                tracing::warn!("cannot follow the store of record: {e}");
                            }
                            warned = true;
                        }
                    }
                    let woke = match &mut listener {
                        Some((_, rx)) => tokio::select! {
                            n = rx.recv() => n.is_some(),
                            _ = tokio::time::sleep(POLL) => true,
                        },
                        None => {
                            tokio::time::sleep(POLL).await;
                            false
                        }
                    };
                    if !woke {
                        break;
                    }
                    // Take every notification that is waiting: one catch-up covers them.
                    if let Some((_, rx)) = &mut listener {
                        while rx.try_recv().is_ok() {}
                    }
                }
            }
        });
    }

    // --- stored scans: in the store of record, never in a replica's copy ---

    /// Stores a sealed scan with the learning wish its resident let it keep
    /// (`crate::state::groups`), erased with it.
    pub async fn put_scan(
        &self,
        lookup: &str,
        doc: &Value,
        wish: Option<&str>,
    ) -> Result<(), StoreError> {
        match &self.pg {
            Some(pg) => pg.put_scan(lookup, doc, wish).await,
            None => {
                if let Some(w) = wish {
                    self.store.put_wish(lookup, w)?;
                }
                self.store.put_scan(lookup, doc).await
            }
        }
    }

    pub async fn get_scan(&self, lookup: &str) -> Result<Option<Value>, StoreError> {
        match &self.pg {
            Some(pg) => pg.get_scan(lookup).await,
            None => self.store.get_scan(lookup),
        }
    }

    pub async fn delete_scan(&self, lookup: &str) -> Result<bool, StoreError> {
        match &self.pg {
            Some(pg) => pg.delete_scan(lookup).await,
            None => {
                let had_wish = self.store.delete_wish(lookup)?;
                Ok(self.store.delete_scan(lookup).await? || had_wish)
            }
        }
    }

    /// Erases stored scans past their retention (with replicas: one of them each round).
    pub async fn purge_scans(&self, now: time::OffsetDateTime) -> Result<usize, StoreError> {
        match &self.pg {
            Some(pg) => pg.purge_scans(now).await,
            None => {
                // A wish goes with its scan: one whose scan is gone or past its time.
                for (lookup, doc) in self.store.wishes()? {
                    if crate::sealed::doc_expired(doc.as_bytes(), now)
                        || self.store.get_scan(&lookup)?.is_none()
                    {
                        self.store.delete_wish(&lookup)?;
                    }
                }
                self.store.purge_scans(now).await
            }
        }
    }

    // --- API keys: written to the store of record, verified from this replica's copy ---

    /// Creates a key; the token (shown once) and its info.
    pub async fn create_key(
        self: &Arc<Self>,
        scope: &Scope,
        label: &str,
        quota: Option<u32>,
    ) -> Result<(String, KeyInfo), StateError> {
        let Some(pg) = &self.pg else {
            return Ok(self
                .keys
                .create(scope, label, quota)
                .await
                .map_err(StoreError::from)?);
        };
        let (token, hash, info) = crate::auth::mint(scope, label, quota);
        let doc = serde_json::to_string(&info).expect("key info serialises");
        let seq = pg.put_raw(KEY_KIND, vec![(hash, doc)]).await?;
        self.catch_up_to(seq).await?;
        Ok((token, info))
    }

    /// Revokes the key with this id (the start of its hash); whether there was one.
    pub async fn revoke_key(self: &Arc<Self>, id: &str) -> Result<bool, StateError> {
        let Some(pg) = &self.pg else {
            return Ok(self.keys.revoke(id).await.map_err(StoreError::from)?);
        };
        if id.len() < 8 {
            return Ok(false);
        }
        match pg.delete_key_by_prefix(id).await? {
            Some(seq) => {
                self.catch_up_to(seq).await?;
                Ok(true)
            }
            None => Ok(false),
        }
    }
}
