//! The sled side of `crate::outcomes`: the match log, responses and their secrets, and
//! per-task counters. Documents are opaque JSON bytes here; their meaning lives in
//! `crate::outcomes`.
use std::io::Write;

use super::{Store, StoreError};

/// Counters kept per task (see `crate::outcomes::TaskStats` for their order).
pub const STAT_COUNT: usize = 5;

impl Store {
    /// Writes a batch of logged matches (not flushed: the log is not acknowledged to
    /// anyone, and sled writes it out within its flush interval).
    pub fn put_match_logs(&self, batch: &[(String, Vec<u8>)]) -> Result<(), StoreError> {
        let mut b = sled::Batch::default();
        for (id, doc) in batch {
            b.insert(id.as_bytes(), doc.as_slice());
        }
        self.match_log.apply_batch(b)?;
        Ok(())
    }

    pub fn get_match_log(&self, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.match_log.get(id.as_bytes())?.map(|v| v.to_vec()))
    }

    /// Replaces a logged match with what `f` makes of it (atomically); whether it existed.
    pub async fn update_match_log(
        &self,
        id: &str,
        mut f: impl FnMut(&[u8]) -> Option<Vec<u8>>,
    ) -> Result<bool, StoreError> {
        let mut found = false;
        self.match_log.fetch_and_update(id.as_bytes(), |old| {
            let old = old?;
            found = true;
            Some(f(old).unwrap_or_else(|| old.to_vec()))
        })?;
        self.db.flush_async().await?;
        Ok(found)
    }

    /// Every logged match (for `talentscan learn` and the backup).
    pub fn match_logs(&self) -> impl Iterator<Item = Result<Vec<u8>, StoreError>> + '_ {
        self.match_log
            .iter()
            .map(|r| r.map(|(_, v)| v.to_vec()).map_err(StoreError::from))
    }

    /// Deletes logged matches for which `expired` says so; how many.
    pub async fn purge_match_logs(
        &self,
        expired: impl Fn(&[u8]) -> bool,
    ) -> Result<usize, StoreError> {
        let mut n = 0;
        for r in self.match_log.iter() {
            let (k, v) = r?;
            if expired(&v) {
                self.match_log.remove(k)?;
                n += 1;
            }
        }
        if n > 0 {
            self.db.flush_async().await?;
        }
        Ok(n)
    }

    pub fn match_log_count(&self) -> usize {
        self.match_log.len()
    }

    /// Adds to the counters of each task.
    pub fn add_task_stats(&self, adds: &[(String, [u64; STAT_COUNT])]) -> Result<(), StoreError> {
        for (task, add) in adds {
            self.task_stats.fetch_and_update(task.as_bytes(), |old| {
                let mut c = decode_stats(old);
                for (x, a) in c.iter_mut().zip(add) {
                    *x += a;
                }
                Some(encode_stats(&c))
            })?;
        }
        Ok(())
    }

    pub fn task_stats(&self, task: &str) -> Result<[u64; STAT_COUNT], StoreError> {
        Ok(decode_stats(
            self.task_stats.get(task.as_bytes())?.as_deref(),
        ))
    }

    /// Stores a response and the secret that opens it, the secret first: a response whose
    /// secret is missing can never be read, so a crash in between leaves nothing readable
    /// behind but also nothing in clear.
    pub async fn put_response(&self, id: &str, doc: &[u8], secret: &str) -> Result<(), StoreError> {
        self.write_secret(id, secret)?;
        self.responses.insert(id.as_bytes(), doc)?;
        self.db.flush_async().await?;
        Ok(())
    }

    /// A response and its secret (`None` when either is gone).
    pub fn get_response(&self, id: &str) -> Result<Option<(Vec<u8>, String)>, StoreError> {
        let Some(doc) = self.responses.get(id.as_bytes())? else {
            return Ok(None);
        };
        Ok(self.read_secret(id)?.map(|s| (doc.to_vec(), s)))
    }

    /// Replaces a response's record (its secret stays).
    pub async fn replace_response(&self, id: &str, doc: &[u8]) -> Result<(), StoreError> {
        self.responses.insert(id.as_bytes(), doc)?;
        self.db.flush_async().await?;
        Ok(())
    }

    /// Every response with its secret, for which `keep` holds (on the record's bytes).
    pub fn responses_where(
        &self,
        keep: impl Fn(&[u8]) -> bool,
    ) -> Result<Vec<(Vec<u8>, String)>, StoreError> {
        let mut out = Vec::new();
        for r in self.responses.iter() {
            let (k, v) = r?;
            if !keep(&v) {
                continue;
            }
            let id = String::from_utf8_lossy(&k).into_owned();
            if let Some(s) = self.read_secret(&id)? {
                out.push((v.to_vec(), s));
            }
        }
        Ok(out)
    }

    /// Erases a response: its secret file first (after which the sealed record, and every
    /// old copy of it in the store's segments, cannot be opened), then the record.
    pub async fn delete_response(&self, id: &str) -> Result<bool, StoreError> {
        let had_secret = self.remove_secret(id)?;
        let existed = self.responses.remove(id.as_bytes())?.is_some();
        self.db.flush_async().await?;
        Ok(existed || had_secret)
    }

    /// Erases the responses for which `expired` says so; how many.
    pub async fn purge_responses(
        &self,
        expired: impl Fn(&[u8]) -> bool,
    ) -> Result<usize, StoreError> {
        let mut ids = Vec::new();
        for r in self.responses.iter() {
            let (k, v) = r?;
            if expired(&v) {
                ids.push(String::from_utf8_lossy(&k).into_owned());
            }
        }
        for id in &ids {
            self.delete_response(id).await?;
        }
        Ok(ids.len())
    }

    pub fn response_count(&self) -> usize {
        self.responses.len()
    }

    fn secret_path(&self, id: &str) -> Result<std::path::PathBuf, StoreError> {
        if !crate::sealed::valid_random_id(id) {
            return Err(StoreError::Config(format!("not a response id: {id:?}")));
        }
        Ok(self.secrets.join(id))
    }

    fn write_secret(&self, id: &str, secret: &str) -> Result<(), StoreError> {
        let path = self.secret_path(id)?;
        std::fs::create_dir_all(&self.secrets).map_err(StoreError::Files)?;
        let mut f = std::fs::File::create(&path).map_err(StoreError::Files)?;
        f.write_all(secret.as_bytes()).map_err(StoreError::Files)?;
        f.sync_all().map_err(StoreError::Files)?;
        sync_dir(&self.secrets)
    }

    fn read_secret(&self, id: &str) -> Result<Option<String>, StoreError> {
        match std::fs::read_to_string(self.secret_path(id)?) {
            Ok(s) => Ok(Some(s)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::Files(e)),
        }
    }

    fn remove_secret(&self, id: &str) -> Result<bool, StoreError> {
        match std::fs::remove_file(self.secret_path(id)?) {
            Ok(()) => {
                sync_dir(&self.secrets)?;
                Ok(true)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(StoreError::Files(e)),
        }
    }
}

/// Makes a file's creation or removal durable.
pub(super) fn sync_dir(dir: &std::path::Path) -> Result<(), StoreError> {
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(StoreError::Files)
}

fn decode_stats(b: Option<&[u8]>) -> [u64; STAT_COUNT] {
    let mut c = [0u64; STAT_COUNT];
    if let Some(b) = b {
        for (i, x) in c.iter_mut().enumerate() {
            if let Some(chunk) = b.get(i * 8..i * 8 + 8) {
                *x = u64::from_be_bytes(chunk.try_into().unwrap_or([0; 8]));
            }
        }
    }
    c
}

fn encode_stats(c: &[u64; STAT_COUNT]) -> Vec<u8> {
    c.iter().flat_map(|x| x.to_be_bytes()).collect()
}
