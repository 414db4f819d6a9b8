//! The sled side of `crate::insight::groups`: learning wishes as files beside the store
//! (deleting a file is an erasure the store's segments cannot undo) and announcements.
use std::io::Write;

use super::outcomes::sync_dir;
use super::{Store, StoreError};

impl Store {
    fn wish_path(&self, lookup: &str) -> Result<std::path::PathBuf, StoreError> {
        if lookup.is_empty() || !lookup.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(StoreError::Config(format!("not a scan lookup: {lookup:?}")));
        }
        Ok(self.wishes.join(lookup))
    }

    /// Keeps a stored scan's learning wish (JSON with its `expires_at`), durably.
    pub fn put_wish(&self, lookup: &str, doc: &str) -> Result<(), StoreError> {
        let path = self.wish_path(lookup)?;
        std::fs::create_dir_all(&self.wishes).map_err(StoreError::Files)?;
        let mut f = std::fs::File::create(&path).map_err(StoreError::Files)?;
        f.write_all(doc.as_bytes()).map_err(StoreError::Files)?;
        f.sync_all().map_err(StoreError::Files)?;
        sync_dir(&self.wishes)
    }

    /// Erases a stored scan's wish; whether there was one.
    pub fn delete_wish(&self, lookup: &str) -> Result<bool, StoreError> {
        match std::fs::remove_file(self.wish_path(lookup)?) {
            Ok(()) => {
                sync_dir(&self.wishes)?;
                Ok(true)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(StoreError::Files(e)),
        }
    }

    /// A stored scan's wish, if it keeps one.
    pub fn get_wish(&self, lookup: &str) -> Result<Option<String>, StoreError> {
        match std::fs::read_to_string(self.wish_path(lookup)?) {
            Ok(s) => Ok(Some(s)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::Files(e)),
        }
    }

    /// Every wish kept, with its scan's lookup hash.
    pub fn wishes(&self) -> Result<Vec<(String, String)>, StoreError> {
        let dir = match std::fs::read_dir(&self.wishes) {
            Ok(d) => d,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::Files(e)),
        };
        let mut out = Vec::new();
        for entry in dir {
            let entry = entry.map_err(StoreError::Files)?;
            let name = entry.file_name().to_string_lossy().into_owned();
            match std::fs::read_to_string(entry.path()) {
                Ok(s) => out.push((name, s)),
                // Erased between the listing and the read.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(StoreError::Files(e)),
            }
        }
        out.sort();
        Ok(out)
    }

    pub async fn put_announcement(&self, id: &str, doc: &str) -> Result<(), StoreError> {
        self.announcements.insert(id.as_bytes(), doc.as_bytes())?;
        self.db.flush_async().await?;
        Ok(())
    }

    pub async fn delete_announcement(&self, id: &str) -> Result<bool, StoreError> {
        let existed = self.announcements.remove(id.as_bytes())?.is_some();
        self.db.flush_async().await?;
        Ok(existed)
    }

    pub fn announcements(&self) -> Result<Vec<String>, StoreError> {
        let mut out = Vec::new();
        for r in self.announcements.iter() {
            let (_, v) = r?;
            out.push(String::from_utf8_lossy(&v).into_owned());
        }
        Ok(out)
    }
}
