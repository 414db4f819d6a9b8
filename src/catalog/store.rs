//! The sled store: the source of truth for the catalog, stored scans and API keys — or,
//! in PostgreSQL mode, a replica's own copy of the catalog and keys.
//!
//! Every write bumps a sequence number *before* the data is written, and the search index
//! records the sequence number it covers in its commit. If the two differ at start-up (a
//! crash between store and index), the index is rebuilt from the store. Writes are flushed
//! before they are acknowledged. A copy instead records the database's number *after*
//! the data, and is not flushed per write: the database holds the truth.
use std::path::Path;

use serde_json::Value;
use thiserror::Error;

use super::model::{Kind, Record};

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("storage error: {0}")]
    Sled(#[from] sled::Error),
    #[error("stored record {0} is not valid JSON: {1}")]
    Corrupt(String, serde_json::Error),
    #[error("store files: {0}")]
    Files(std::io::Error),
    /// The store of record cannot be reached now (PostgreSQL mode); reads go on from the
    /// replica's own copy, writes are refused until it is back.
    #[error("the store of record is unavailable: {0}")]
    Unavailable(String),
    #[error("store configuration: {0}")]
    Config(String),
}

#[derive(Clone)]
pub struct Store {
    db: sled::Db,
    /// One tree per catalog kind, opened once.
    trees: [sled::Tree; 4],
    meta: sled::Tree,
    scans: sled::Tree,
    keys: sled::Tree,
    /// Matches as logged (`crate::outcomes`), by match id.
    match_log: sled::Tree,
    /// Responses (contact details sealed), by response id.
    responses: sled::Tree,
    /// Per task: how often shown, followed, responded to, started, stayed.
    task_stats: sled::Tree,
    /// Anonymous counters for the neighbourhood figures (`crate::insight`).
    insight: sled::Tree,
    /// The secrets that open responses, one file each: deleting a file is an erasure
    /// the store's log-structured segments cannot undo.
    secrets: std::path::PathBuf,
    /// The learning wishes of stored scans (`crate::insight::groups`), one file each under
    /// the scan's lookup hash: in the clear so that groups can be planned, so kept out of
    /// the log-structured segments, where an erased value would linger.
    wishes: std::path::PathBuf,
    /// Training groups announced to the residents they fit, by id.
    announcements: sled::Tree,
}

mod groups;
mod insight;
mod outcomes;

const SEQ: &[u8] = b"seq";
const SEEDED: &[u8] = b"seeded";
/// In PostgreSQL mode: the id of the database this copy follows.
const ORIGIN: &[u8] = b"origin";

impl Store {
    /// Opens the store in `dir`, first sealing any stored scan written before scans were
    /// sealed (`crate::sealed`) and then rewriting the files, so no clear copy of those
    /// answers is left in the store's old segments.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        let again = recover_compaction(dir)?;
        let store = Self::open_files(dir)?;
        let (sealed, erased) = store.seal_legacy_scans()?;
        if !again && sealed + erased == 0 {
            return Ok(store);
        }
        if sealed + erased > 0 {
            tracing::info!(
                sealed,
                erased,
                "stored scans from before sealing: sealed under their ids, or erased when the id was not one that could be sealed"
            );
        }
        drop(store);
        compact_files(dir)?;
        Self::open_files(dir)
    }

    fn open_files(dir: &Path) -> Result<Self, StoreError> {
        let db = open_db(|| {
            sled::Config::new()
                .path(dir.join("store"))
                .mode(sled::Mode::HighThroughput)
                // sled's default page cache is 1 GiB; the matcher reads from its own columns.
                .cache_capacity(128 * 1024 * 1024)
                .open()
        })?;
        let trees = [
            db.open_tree(Kind::ALL[0].as_str())?,
            db.open_tree(Kind::ALL[1].as_str())?,
            db.open_tree(Kind::ALL[2].as_str())?,
            db.open_tree(Kind::ALL[3].as_str())?,
        ];
        Ok(Self {
            trees,
            meta: db.open_tree("meta")?,
            scans: db.open_tree("scans")?,
            keys: db.open_tree("keys")?,
            match_log: db.open_tree("match_log")?,
            responses: db.open_tree("responses")?,
            task_stats: db.open_tree("task_stats")?,
            insight: db.open_tree("insight")?,
            secrets: dir.join("secrets"),
            wishes: dir.join("wishes"),
            announcements: db.open_tree("announcements")?,
            db,
        })
    }

    fn tree(&self, kind: Kind) -> Result<sled::Tree, StoreError> {
        let i = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        Ok(self.trees[i].clone())
    }

    pub fn seq(&self) -> Result<u64, StoreError> {
        Ok(self
            .meta
            .get(SEQ)?
            .map(|v| u64::from_be_bytes(v.as_ref().try_into().unwrap_or([0; 8])))
            .unwrap_or(0))
    }

    fn bump_seq(&self) -> Result<u64, StoreError> {
        let v = self.meta.update_and_fetch(SEQ, |old| {
            let n = old
                .map(|b| u64::from_be_bytes(b.try_into().unwrap_or([0; 8])))
                .unwrap_or(0);
            Some((n + 1).to_be_bytes().to_vec())
        })?;
        Ok(
            v.map(|b| u64::from_be_bytes(b.as_ref().try_into().unwrap_or([0; 8])))
                .unwrap_or(0),
        )
    }

    pub fn is_seeded(&self) -> Result<bool, StoreError> {
        Ok(self.meta.get(SEEDED)?.is_some())
    }

    pub async fn mark_seeded(&self) -> Result<(), StoreError> {
        self.meta.insert(SEEDED, b"1".as_slice())?;
        self.db.flush_async().await?;
        Ok(())
    }

    pub fn get(&self, kind: Kind, id: &str) -> Result<Option<Value>, StoreError> {
        match self.tree(kind)?.get(id.as_bytes())? {
            Some(b) => Ok(Some(
                serde_json::from_slice(&b).map_err(|e| StoreError::Corrupt(id.into(), e))?,
            )),
            None => Ok(None),
        }
    }

    /// A record parsed straight from its bytes into its type (the hot path of matching).
    pub fn get_typed<T: serde::de::DeserializeOwned>(
        &self,
        kind: Kind,
        id: &str,
    ) -> Result<Option<T>, StoreError> {
        match self.tree(kind)?.get(id.as_bytes())? {
            Some(b) => Ok(Some(
                serde_json::from_slice(&b).map_err(|e| StoreError::Corrupt(id.into(), e))?,
            )),
            None => Ok(None),
        }
    }

    pub fn contains(&self, kind: Kind, id: &str) -> Result<bool, StoreError> {
        Ok(self.tree(kind)?.contains_key(id.as_bytes())?)
    }

    pub fn count(&self, kind: Kind) -> Result<usize, StoreError> {
        Ok(self.tree(kind)?.len())
    }

    /// Every record of a kind, in id order.
    pub fn iter(
        &self,
        kind: Kind,
    ) -> Result<impl Iterator<Item = Result<(String, Value), StoreError>>, StoreError> {
        Ok(self.tree(kind)?.iter().map(|r| {
            let (k, v) = r?;
            let id = String::from_utf8_lossy(&k).into_owned();
            let val = serde_json::from_slice(&v).map_err(|e| StoreError::Corrupt(id.clone(), e))?;
            Ok((id, val))
        }))
    }

    /// Every record of a kind as stored, in id order.
    pub fn iter_raw(
        &self,
        kind: Kind,
    ) -> Result<impl Iterator<Item = Result<(String, sled::IVec), StoreError>>, StoreError> {
        Ok(self.tree(kind)?.iter().map(|r| {
            let (k, v) = r?;
            Ok((String::from_utf8_lossy(&k).into_owned(), v))
        }))
    }

    /// Every record of a kind parsed straight into its type, in id order; records that do
    /// not parse as `T` are skipped (the start-up load: no JSON tree in between).
    pub fn iter_typed<T: serde::de::DeserializeOwned>(
        &self,
        kind: Kind,
    ) -> Result<impl Iterator<Item = Result<T, StoreError>>, StoreError> {
        Ok(self.tree(kind)?.iter().filter_map(|r| match r {
            Ok((_, v)) => serde_json::from_slice(&v).ok().map(Ok),
            Err(e) => Some(Err(e.into())),
        }))
    }

    fn set_seq(&self, seq: u64) -> Result<(), StoreError> {
        self.meta.insert(SEQ, seq.to_be_bytes().as_slice())?;
        Ok(())
    }

    /// The database a replica's copy follows (PostgreSQL mode).
    pub fn origin(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .meta
            .get(ORIGIN)?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// Empties the catalog, the keys and the sequence number: a replica's copy that
    /// follows another database, or a newer state than its database has, starts over.
    pub fn clear_copy(&self) -> Result<(), StoreError> {
        for t in self.trees.iter().chain([&self.keys]) {
            t.clear()?;
        }
        self.meta.remove(SEQ)?;
        self.meta.remove(ORIGIN)?;
        self.db.flush()?;
        Ok(())
    }

    /// Loads a piece of a replica's first copy (no index, no flush; `finish_copy` ends it).
    pub fn load_copy(&self, changes: &[super::postgres::Change]) -> Result<(), StoreError> {
        let mut batches: std::collections::HashMap<&str, sled::Batch> = Default::default();
        for c in changes {
            let b = batches.entry(c.kind.as_str()).or_default();
            match &c.doc {
                Some(d) => b.insert(c.id.as_bytes(), d.as_bytes()),
                None => b.remove(c.id.as_bytes()),
            }
        }
        for (kind, batch) in batches {
            if let Some(t) = self.copy_tree(kind) {
                t.apply_batch(batch)?;
            }
        }
        Ok(())
    }

    /// Records the sequence number and database a finished copy covers, and flushes.
    pub fn finish_copy(&self, seq: u64, origin: &str) -> Result<(), StoreError> {
        self.set_seq(seq)?;
        self.meta.insert(ORIGIN, origin.as_bytes())?;
        self.db.flush()?;
        Ok(())
    }

    /// Applies changes to API keys from the stream (PostgreSQL mode).
    pub fn apply_keys(
        &self,
        changes: &[super::postgres::Change],
        seq: u64,
    ) -> Result<(), StoreError> {
        self.load_copy(changes)?;
        self.set_seq(seq)?;
        Ok(())
    }

    fn copy_tree(&self, kind: &str) -> Option<&sled::Tree> {
        if kind == super::postgres::KEY_KIND {
            return Some(&self.keys);
        }
        let i = Kind::ALL.iter().position(|k| k.as_str() == kind)?;
        Some(&self.trees[i])
    }

    /// Writes records atomically (one sled batch) and flushes before returning (blocking:
    /// callers run it off the request threads). `seq`: the store of record's number for
    /// this write (PostgreSQL mode), or `None` to draw the next one here.
    pub fn put_all(
        &self,
        kind: Kind,
        records: &[Record],
        seq: Option<u64>,
    ) -> Result<u64, StoreError> {
        // The store of record's number is written after the records: a copy that lost
        // the end of its writes in a crash then asks for them again. Our own number is
        // drawn before, so that an index that saw the write is never taken for current.
        let own = match seq {
            Some(_) => None,
            None => Some(self.bump_seq()?),
        };
        let mut batch = sled::Batch::default();
        for r in records {
            let bytes = serde_json::to_vec(&r.to_json()).expect("records serialise");
            batch.insert(r.id().as_bytes(), bytes);
        }
        self.tree(kind)?.apply_batch(batch)?;
        match seq {
            // A copy is not flushed per write: the database has the write, and a copy
            // that lost it in a crash asks for it again (sled keeps the order of writes).
            Some(s) => self.set_seq(s)?,
            None => {
                self.db.flush()?;
            }
        }
        Ok(own.or(seq).unwrap_or_default())
    }

    /// Removes a record and flushes; its sequence number, or `None` when there was no
    /// such record (blocking, and `seq` as in `put_all`).
    pub fn delete(
        &self,
        kind: Kind,
        id: &str,
        seq: Option<u64>,
    ) -> Result<Option<u64>, StoreError> {
        let tree = self.tree(kind)?;
        let own_write = seq.is_none();
        let seq = match seq {
            Some(s) => {
                // After the removal, as in `put_all`.
                tree.remove(id.as_bytes())?;
                self.set_seq(s)?;
                s
            }
            None if tree.contains_key(id.as_bytes())? => {
                let s = self.bump_seq()?;
                tree.remove(id.as_bytes())?;
                s
            }
            None => return Ok(None),
        };
        if own_write {
            self.db.flush()?;
        }
        Ok(Some(seq))
    }

    // --- stored scans (personal data: written only with consent, erased on request) ---
    // Records are stored under the lookup hash of their id and sealed (`crate::sealed`);
    // this layer only moves the bytes.

    /// Seals every scan stored in clear under its key (a UUID handed out before sealing)
    /// and erases the ones whose key cannot be an id; (sealed, erased).
    fn seal_legacy_scans(&self) -> Result<(usize, usize), StoreError> {
        let (mut sealed, mut erased) = (0, 0);
        for r in self.scans.iter() {
            let (k, v) = r?;
            let Ok(doc) = serde_json::from_slice::<Value>(&v) else {
                self.scans.remove(&k)?;
                erased += 1;
                continue;
            };
            if doc.get("sealed").is_some() {
                continue;
            }
            let id = std::str::from_utf8(&k)
                .ok()
                .and_then(crate::sealed::ScanId::parse);
            match id {
                Some(id) => {
                    let expires = doc
                        .get("expires_at")
                        .and_then(|e| e.as_str())
                        .unwrap_or_default();
                    let rec = id.seal(&v, expires);
                    self.scans.insert(
                        id.lookup().as_bytes(),
                        serde_json::to_vec(&rec).expect("json serialises"),
                    )?;
                    sealed += 1;
                }
                None => erased += 1,
            }
            self.scans.remove(&k)?;
        }
        if sealed + erased > 0 {
            self.db.flush()?;
        }
        Ok((sealed, erased))
    }

    pub async fn put_scan(&self, id: &str, doc: &Value) -> Result<(), StoreError> {
        self.scans.insert(
            id.as_bytes(),
            serde_json::to_vec(doc).expect("json serialises"),
        )?;
        self.db.flush_async().await?;
        Ok(())
    }

    pub fn get_scan(&self, id: &str) -> Result<Option<Value>, StoreError> {
        match self.scans.get(id.as_bytes())? {
            Some(b) => Ok(Some(
                serde_json::from_slice(&b).map_err(|e| StoreError::Corrupt("scan".into(), e))?,
            )),
            None => Ok(None),
        }
    }

    pub async fn delete_scan(&self, id: &str) -> Result<bool, StoreError> {
        let existed = self.scans.remove(id.as_bytes())?.is_some();
        self.db.flush_async().await?;
        Ok(existed)
    }

    /// Erases scans whose `expires_at` (RFC 3339) is before `now`; returns how many.
    pub async fn purge_scans(&self, now: time::OffsetDateTime) -> Result<usize, StoreError> {
        let mut n = 0;
        for r in self.scans.iter() {
            let (k, v) = r?;
            if crate::sealed::doc_expired(&v, now) {
                self.scans.remove(k)?;
                n += 1;
            }
        }
        if n > 0 {
            self.db.flush_async().await?;
        }
        Ok(n)
    }

    /// A SHA-256 over every catalog record (kind, id, bytes) in order: equal on two
    /// replicas exactly when they hold the same catalog.
    pub fn digest(&self) -> Result<String, StoreError> {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for kind in Kind::ALL {
            for r in self.tree(kind)?.iter() {
                let (k, v) = r?;
                h.update(kind.as_str().as_bytes());
                h.update((k.len() as u64).to_be_bytes());
                h.update(&k);
                h.update((v.len() as u64).to_be_bytes());
                h.update(&v);
            }
        }
        Ok(hex::encode(h.finalize()))
    }

    pub fn scan_count(&self) -> usize {
        self.scans.len()
    }

    // --- API keys (only hashes are stored) ---

    /// Every key as stored: hash and info (for a backup).
    pub fn raw_keys(&self) -> Result<Vec<(String, Value)>, StoreError> {
        let mut out = Vec::new();
        for r in self.keys.iter() {
            let (k, v) = r?;
            let id = String::from_utf8_lossy(&k).into_owned();
            let info =
                serde_json::from_slice(&v).map_err(|e| StoreError::Corrupt(id.clone(), e))?;
            out.push((id, info));
        }
        Ok(out)
    }

    /// Writes a key as a backup had it, and flushes.
    pub fn put_raw_key(&self, hash: &str, info: &str) -> Result<(), StoreError> {
        self.keys.insert(hash.as_bytes(), info.as_bytes())?;
        self.db.flush()?;
        Ok(())
    }

    /// Every stored scan as stored (sealed), under its lookup hash (for a backup).
    pub fn raw_scans(&self) -> Result<Vec<(String, Value)>, StoreError> {
        let mut out = Vec::new();
        for r in self.scans.iter() {
            let (k, v) = r?;
            let doc =
                serde_json::from_slice(&v).map_err(|e| StoreError::Corrupt("scan".into(), e))?;
            out.push((String::from_utf8_lossy(&k).into_owned(), doc));
        }
        Ok(out)
    }

    pub fn keys(&self) -> &sled::Tree {
        &self.keys
    }

    pub async fn flush(&self) -> Result<(), StoreError> {
        self.db.flush_async().await?;
        Ok(())
    }
}

const COMPACTING: &str = "store.compacting";
const REPLACED: &str = "store.replaced";

/// Finishes or undoes a compaction a crash interrupted; whether one must run again.
fn recover_compaction(dir: &Path) -> Result<bool, StoreError> {
    let (live, fresh, old) = (dir.join("store"), dir.join(COMPACTING), dir.join(REPLACED));
    let mut again = false;
    if fresh.exists() {
        // Not swapped in yet: the live files are whole; start over.
        std::fs::remove_dir_all(&fresh).map_err(StoreError::Files)?;
        again = true;
    }
    if old.exists() {
        if live.exists() {
            // Swapped in: only the old files were left to remove.
            std::fs::remove_dir_all(&old).map_err(StoreError::Files)?;
        } else {
            std::fs::rename(&old, &live).map_err(StoreError::Files)?;
            again = true;
        }
    }
    Ok(again)
}

/// Rewrites the store into fresh files holding only the current version of each record,
/// then swaps them in and deletes the old files: a log-structured store keeps old
/// versions in its segments until it rewrites them, and erased answers must not wait for
/// that.
fn compact_files(dir: &Path) -> Result<(), StoreError> {
    let (live, fresh, old) = (dir.join("store"), dir.join(COMPACTING), dir.join(REPLACED));
    {
        let from = open_db(|| sled::Config::new().path(&live).open())?;
        let to = sled::Config::new().path(&fresh).open()?;
        to.import(from.export());
        to.flush()?;
    }
    std::fs::rename(&live, &old).map_err(StoreError::Files)?;
    std::fs::rename(&fresh, &live).map_err(StoreError::Files)?;
    std::fs::remove_dir_all(&old).map_err(StoreError::Files)?;
    Ok(())
}

/// Opens a database whose files a `Db` dropped a moment ago may still hold: sled's
/// background flusher lets go of the file lock shortly after the drop.
fn open_db(open: impl Fn() -> sled::Result<sled::Db>) -> Result<sled::Db, StoreError> {
    let mut tries = 0;
    loop {
        match open() {
            Ok(db) => return Ok(db),
            Err(sled::Error::Io(e))
                if tries < 50 && e.to_string().contains("could not acquire lock") =>
            {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => return Err(e.into()),
        }
    }
}
