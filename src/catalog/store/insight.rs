//! The sled side of `crate::insight`: counters by key, nothing per person.
use super::{Store, StoreError};

impl Store {
    /// Adds one to each counter.
    pub fn add_insight_counts(&self, keys: &[String]) -> Result<(), StoreError> {
        for k in keys {
            self.insight.fetch_and_update(k.as_bytes(), |old| {
                let n = old
                    .and_then(|b| b.try_into().ok())
                    .map(u64::from_be_bytes)
                    .unwrap_or(0);
                Some((n + 1).to_be_bytes().to_vec())
            })?;
        }
        Ok(())
    }

    /// Every counter whose key starts with `prefix`.
    pub fn insight_counts(&self, prefix: &str) -> Result<Vec<(String, u64)>, StoreError> {
        let mut out = Vec::new();
        for r in self.insight.scan_prefix(prefix.as_bytes()) {
            let (k, v) = r?;
            let n = v.as_ref().try_into().map(u64::from_be_bytes).unwrap_or(0);
            out.push((String::from_utf8_lossy(&k).into_owned(), n));
        }
        Ok(out)
    }
}
