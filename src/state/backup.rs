//! A whole-store backup as NDJSON, readable by either store: `talentscan export` writes
//! it, `talentscan import` restores it into an empty store of either kind. The first line
//! says what it is and the catalog digest it was taken at; then every catalog record
//! (organisations first, so that records naming one pass validation), and, when asked
//! for, the API keys (hashes only) and the stored scans (sealed, as stored, each with the
//! learning wish its resident let it keep).
use std::io::{BufRead, Write};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{AppState, StateError};
use crate::catalog::postgres::KEY_KIND;
use crate::catalog::{Kind, StoreError};

/// The header line.
#[derive(Debug, Serialize, Deserialize)]
pub struct Header {
    pub talentscan_export: u32,
    pub digest: String,
    pub personal_data: bool,
}

/// One line after the header.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Line {
    Record {
        kind: Kind,
        record: Value,
    },
    Key {
        hash: String,
        info: Value,
    },
    Scan {
        lookup: String,
        sealed: Value,
        /// Absent in exports from before training groups, and without the consent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        wish: Option<String>,
    },
}

/// Whether the file starts like an export (and not like a catalog file).
pub fn is_export(first_line: &str) -> bool {
    serde_json::from_str::<Header>(first_line).is_ok()
}

/// How many lines of each sort were written or restored.
#[derive(Debug, Default)]
pub struct Counts {
    pub records: usize,
    pub keys: usize,
    pub scans: usize,
}

fn line(out: &mut dyn Write, v: &impl Serialize) -> Result<(), StateError> {
    serde_json::to_writer(&mut *out, v).map_err(|e| io(e.into()))?;
    out.write_all(b"\n").map_err(io)
}

fn io(e: std::io::Error) -> StateError {
    StateError::Store(StoreError::Files(e))
}

impl AppState {
    /// Writes the backup; stored scans and keys only with `personal_data`.
    pub async fn export(
        &self,
        out: &mut dyn Write,
        personal_data: bool,
    ) -> Result<Counts, StateError> {
        let header = Header {
            talentscan_export: 1,
            digest: self.store.digest()?,
            personal_data,
        };
        let mut counts = Counts::default();
        line(out, &header)?;
        for kind in [
            Kind::Organisations,
            Kind::Roles,
            Kind::Tasks,
            Kind::Trainings,
        ] {
            for r in self.store.iter(kind)? {
                let (_, record) = r?;
                line(out, &Line::Record { kind, record })?;
                counts.records += 1;
            }
        }
        if personal_data {
            for (hash, info) in self.store.raw_keys()? {
                line(out, &Line::Key { hash, info })?;
                counts.keys += 1;
            }
            let scans = match &self.pg {
                Some(pg) => pg.all_scans().await?,
                None => self.store.raw_scans()?,
            };
            let mut wishes: std::collections::HashMap<String, String> =
                self.kept_wishes().await?.into_iter().collect();
            for (lookup, sealed) in scans {
                let wish = wishes.remove(&lookup);
                line(
                    out,
                    &Line::Scan {
                        lookup,
                        sealed,
                        wish,
                    },
                )?;
                counts.scans += 1;
            }
        }
        out.flush().map_err(io)?;
        Ok(counts)
    }

    /// Restores a backup into this store (meant for an empty one: records are upserted,
    /// validated as any import). Refuses a file that is not an export.
    pub async fn restore(
        self: &Arc<Self>,
        input: &mut dyn BufRead,
    ) -> Result<(Counts, Header), StateError> {
        let mut first = String::new();
        input.read_line(&mut first).map_err(io)?;
        let header: Header = serde_json::from_str(&first)
            .map_err(|e| StateError::Config(format!("not a talentscan export: {e}")))?;
        let mut counts = Counts::default();
        let mut batch: Vec<Value> = Vec::new();
        let mut batch_kind = None;
        for (n, l) in input.lines().enumerate() {
            let l = l.map_err(io)?;
            if l.trim().is_empty() {
                continue;
            }
            let line: Line = serde_json::from_str(&l)
                .map_err(|e| StateError::Config(format!("export line {}: {e}", n + 2)))?;
            match line {
                Line::Record { kind, record } => {
                    if batch_kind != Some(kind) || batch.len() == 10_000 {
                        counts.records += self.restore_batch(batch_kind, &mut batch).await?;
                        batch_kind = Some(kind);
                    }
                    batch.push(record);
                }
                Line::Key { hash, info } => {
                    counts.records += self.restore_batch(batch_kind, &mut batch).await?;
                    let info = serde_json::to_string(&info).expect("json serialises");
                    match &self.pg {
                        Some(pg) => {
                            let seq = pg.put_raw(KEY_KIND, vec![(hash, info)]).await?;
                            self.catch_up_to(seq).await?;
                        }
                        None => self.store.put_raw_key(&hash, &info)?,
                    }
                    counts.keys += 1;
                }
                Line::Scan {
                    lookup,
                    sealed,
                    wish,
                } => {
                    self.put_scan(&lookup, &sealed, wish.as_deref()).await?;
                    counts.scans += 1;
                }
            }
        }
        counts.records += self.restore_batch(batch_kind, &mut batch).await?;
        self.store.flush().await?;
        Ok((counts, header))
    }

    async fn restore_batch(
        self: &Arc<Self>,
        kind: Option<Kind>,
        batch: &mut Vec<Value>,
    ) -> Result<usize, StateError> {
        let (Some(kind), false) = (kind, batch.is_empty()) else {
            return Ok(0);
        };
        let (ok, errors) = self.publish(kind, std::mem::take(batch), |_| true).await?;
        if let Some(e) = errors.first() {
            return Err(StateError::Config(format!(
                "a {} record in the export does not pass validation: {}",
                kind.as_str(),
                serde_json::to_string(e).unwrap_or_default()
            )));
        }
        Ok(ok.len())
    }
}
