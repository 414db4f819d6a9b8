//! PostgreSQL as the store of record (`--database-url`). Replicas never read the catalog
//! from here to answer a request: each keeps its own copy (the sled `Store` in its data
//! directory, the index, the columns) and follows this store's change stream, so matches
//! and browsing keep answering while the database is away.
//!
//! The stream is the `records` table read in `seq` order. A plain `bigserial` would be
//! handed out at insert, not at commit, and a follower asking for `seq > last` could skip
//! a row that commits late; so every write first takes one transaction-level advisory
//! lock and only then draws its number: writes commit one after the other, in number
//! order. The catalog changes a few times a second at most, so one writer at a time costs
//! nothing. `NOTIFY` wakes the followers; they also poll, so a lost notification (or a
//! listener that was reconnecting) delays a change by one poll at most.
use std::str::FromStr;
use std::time::Duration;

use deadpool_postgres::Transaction;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use futures_util::StreamExt;
use serde_json::Value;
use tokio::sync::mpsc;
use tokio_postgres::{AsyncMessage, NoTls};

use super::model::{Kind, Record};
use super::store::StoreError;

/// Migrations, in order; each runs once, in one transaction with the bookkeeping row.
const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("../../migrations/postgres/0001_store.sql")),
    (
        2,
        include_str!("../../migrations/postgres/0002_outcomes.sql"),
    ),
    (
        3,
        include_str!("../../migrations/postgres/0003_insight.sql"),
    ),
    (4, include_str!("../../migrations/postgres/0004_groups.sql")),
];

/// Advisory lock ids (arbitrary, fixed): one for writers, one for migrations, one for the
/// retention purge.
const WRITE_LOCK: i64 = 0x7461_6c65_6e74_0001;
const MIGRATE_LOCK: i64 = 0x7461_6c65_6e74_0002;
const PURGE_LOCK: i64 = 0x7461_6c65_6e74_0003;

/// The channel followers listen on; the payload is the write's sequence number.
const CHANNEL: &str = "talentscan_changes";

/// The record kind of API keys in the stream.
pub const KEY_KIND: &str = "key";

/// How long one operation may take before the caller hears the store is unavailable:
/// a write never hangs a request (actix gives up on a client much later).
const OPERATION_TIMEOUT: Duration = Duration::from_secs(8);
/// An import of many records is one statement per chunk; each chunk gets this long.
const IMPORT_CHUNK: usize = 5_000;

/// One change in the stream: a record (or key) as it is now, `doc` `None` when deleted.
#[derive(Debug, Clone)]
pub struct Change {
    pub seq: u64,
    pub kind: String,
    pub id: String,
    pub doc: Option<String>,
}

#[derive(Clone)]
pub struct PgStore {
    pool: Pool,
    config: tokio_postgres::Config,
}

fn db(e: impl std::fmt::Display) -> StoreError {
    StoreError::Unavailable(e.to_string())
}

async fn bounded<T>(
    f: impl std::future::Future<Output = Result<T, StoreError>>,
) -> Result<T, StoreError> {
    tokio::time::timeout(OPERATION_TIMEOUT, f)
        .await
        .map_err(|_| StoreError::Unavailable("the database did not answer in time".into()))?
}

impl PgStore {
    /// Connects and runs the migrations that are not yet applied.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let store = Self::connect(url)?;
        store.migrate().await?;
        Ok(store)
    }

    /// A pool for `url` (it connects when first used).
    pub fn connect(url: &str) -> Result<Self, StoreError> {
        let mut config = tokio_postgres::Config::from_str(url)
            .map_err(|e| StoreError::Config(format!("database URL: {e}")))?;
        config.connect_timeout(Duration::from_secs(3));
        if config.get_application_name().is_none() {
            config.application_name("talentscan");
        }
        let manager = Manager::from_config(
            config.clone(),
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(8)
            .runtime(Runtime::Tokio1)
            .wait_timeout(Some(Duration::from_secs(5)))
            .create_timeout(Some(Duration::from_secs(3)))
            .recycle_timeout(Some(Duration::from_secs(3)))
            .build()
            .map_err(|e| StoreError::Config(format!("database pool: {e}")))?;
        Ok(Self { pool, config })
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        self.pool.get().await.map_err(db)
    }

    /// Applies every migration not yet applied, under a lock: replicas that start together
    /// wait for the first one instead of racing it.
    pub async fn migrate(&self) -> Result<Vec<i32>, StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(db)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATE_LOCK])
            .await
            .map_err(db)?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version int PRIMARY KEY,
                 applied_at timestamptz NOT NULL DEFAULT now())",
        )
        .await
        .map_err(db)?;
        let done: Vec<i32> = tx
            .query("SELECT version FROM schema_migrations", &[])
            .await
            .map_err(db)?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let mut applied = Vec::new();
        for (version, sql) in MIGRATIONS {
            if done.contains(version) {
                continue;
            }
            tx.batch_execute(sql).await.map_err(db)?;
            tx.execute(
                "INSERT INTO schema_migrations (version) VALUES ($1)",
                &[version],
            )
            .await
            .map_err(db)?;
            applied.push(*version);
        }
        tx.commit().await.map_err(db)?;
        if !applied.is_empty() {
            tracing::info!(?applied, "database migrations applied");
        }
        Ok(applied)
    }

    /// Whether the database answers now (for `/readyz`).
    pub async fn available(&self) -> bool {
        bounded(async {
            let c = self.client().await?;
            c.simple_query("SELECT 1").await.map_err(db)?;
            Ok(())
        })
        .await
        .is_ok()
    }

    /// The random id of this database (replicas keep it beside their copy).
    pub async fn instance(&self) -> Result<String, StoreError> {
        bounded(async {
            let c = self.client().await?;
            let row = c
                .query_one("SELECT value FROM meta WHERE key = 'instance'", &[])
                .await
                .map_err(db)?;
            Ok(row.get(0))
        })
        .await
    }

    pub async fn is_seeded(&self) -> Result<bool, StoreError> {
        bounded(async {
            let c = self.client().await?;
            let n = c
                .query_opt("SELECT 1 FROM meta WHERE key = 'seeded'", &[])
                .await
                .map_err(db)?;
            Ok(n.is_some())
        })
        .await
    }

    pub async fn mark_seeded(&self) -> Result<(), StoreError> {
        bounded(async {
            let c = self.client().await?;
            c.execute(
                "INSERT INTO meta (key, value) VALUES ('seeded', '1') ON CONFLICT DO NOTHING",
                &[],
            )
            .await
            .map_err(db)?;
            Ok(())
        })
        .await
    }

    /// Starts a write: the writers' lock, then the write's number.
    async fn begin<'a>(
        client: &'a mut deadpool_postgres::Object,
    ) -> Result<(Transaction<'a>, i64), StoreError> {
        let tx = client.transaction().await.map_err(db)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
            .await
            .map_err(db)?;
        let seq: i64 = tx
            .query_one("SELECT nextval('write_seq')", &[])
            .await
            .map_err(db)?
            .get(0);
        Ok((tx, seq))
    }

    /// Wakes the followers (delivered at commit) and commits.
    async fn finish(tx: Transaction<'_>, seq: i64) -> Result<u64, StoreError> {
        tx.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &seq.to_string()])
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(seq as u64)
    }

    /// Upserts records of one kind in one transaction under one sequence number.
    pub async fn put_all(&self, kind: Kind, records: &[Record]) -> Result<u64, StoreError> {
        let docs: Vec<(String, String)> = records
            .iter()
            .map(|r| {
                (
                    r.id().to_string(),
                    serde_json::to_string(&r.to_json()).expect("records serialise"),
                )
            })
            .collect();
        self.put_raw(kind.as_str(), docs).await
    }

    /// Upserts documents of one kind (catalog records or keys) under one number.
    pub async fn put_raw(
        &self,
        kind: &str,
        docs: Vec<(String, String)>,
    ) -> Result<u64, StoreError> {
        // A big import gets more time: one bound per chunk.
        let limit = OPERATION_TIMEOUT * (1 + (docs.len() / IMPORT_CHUNK) as u32);
        let work = async {
            let mut client = self.client().await?;
            let (tx, seq) = Self::begin(&mut client).await?;
            let stmt = tx
                .prepare(
                    "INSERT INTO records (kind, id, doc, seq)
                     SELECT $1, u.id, u.doc, $4 FROM unnest($2::text[], $3::text[]) AS u(id, doc)
                     ON CONFLICT (kind, id) DO UPDATE SET doc = excluded.doc, seq = excluded.seq",
                )
                .await
                .map_err(db)?;
            for chunk in docs.chunks(IMPORT_CHUNK) {
                let ids: Vec<&str> = chunk.iter().map(|(i, _)| i.as_str()).collect();
                let bodies: Vec<&str> = chunk.iter().map(|(_, d)| d.as_str()).collect();
                tx.execute(&stmt, &[&kind, &ids, &bodies, &seq])
                    .await
                    .map_err(db)?;
            }
            Self::finish(tx, seq).await
        };
        tokio::time::timeout(limit, work)
            .await
            .map_err(|_| StoreError::Unavailable("the database did not answer in time".into()))?
    }

    /// Deletes a record (keeps a tombstone for the followers); its sequence number, or
    /// `None` when there was no such record.
    pub async fn delete(&self, kind: &str, id: &str) -> Result<Option<u64>, StoreError> {
        self.delete_where(kind, "id = $2", id).await
    }

    /// Revokes the key whose hash starts with `prefix`.
    pub async fn delete_key_by_prefix(&self, prefix: &str) -> Result<Option<u64>, StoreError> {
        let pattern = format!("{}%", prefix.replace(['%', '_', '\\'], ""));
        self.delete_where(KEY_KIND, "id LIKE $2", &pattern).await
    }

    async fn delete_where(
        &self,
        kind: &str,
        condition: &str,
        arg: &str,
    ) -> Result<Option<u64>, StoreError> {
        bounded(async {
            let mut client = self.client().await?;
            let (tx, seq) = Self::begin(&mut client).await?;
            let n = tx
                .execute(
                    &format!(
                        "UPDATE records SET doc = NULL, seq = $3
                         WHERE kind = $1 AND {condition} AND doc IS NOT NULL"
                    ),
                    &[&kind, &arg, &seq],
                )
                .await
                .map_err(db)?;
            if n == 0 {
                tx.rollback().await.map_err(db)?;
                return Ok(None);
            }
            Self::finish(tx, seq).await.map(Some)
        })
        .await
    }

    /// Every change after `after`, in sequence order (a whole write or none of it: the
    /// rows of one number commit together).
    pub async fn changes_since(&self, after: u64) -> Result<Vec<Change>, StoreError> {
        let c = self.client().await?;
        let rows = tokio::time::timeout(
            OPERATION_TIMEOUT * 4,
            c.query(
                "SELECT seq, kind, id, doc FROM records WHERE seq > $1 ORDER BY seq",
                &[&(after as i64)],
            ),
        )
        .await
        .map_err(|_| StoreError::Unavailable("the database did not answer in time".into()))?
        .map_err(db)?;
        Ok(rows
            .iter()
            .map(|r| Change {
                seq: r.get::<_, i64>(0) as u64,
                kind: r.get(1),
                id: r.get(2),
                doc: r.get(3),
            })
            .collect())
    }

    /// The whole current catalog and keys in one consistent snapshot, handed to `each` in
    /// pieces (a new replica's first load); returns the sequence number it covers.
    pub async fn snapshot(
        &self,
        mut each: impl FnMut(Vec<Change>) -> Result<(), StoreError>,
    ) -> Result<u64, StoreError> {
        let mut client = self.client().await?;
        let tx = client
            .build_transaction()
            .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await
            .map_err(db)?;
        let head: i64 = tx
            .query_one("SELECT coalesce(max(seq), 0) FROM records", &[])
            .await
            .map_err(db)?
            .get(0);
        let rows = tx
            .query_raw(
                "SELECT seq, kind, id, doc FROM records WHERE doc IS NOT NULL",
                std::iter::empty::<i64>(),
            )
            .await
            .map_err(db)?;
        futures_util::pin_mut!(rows);
        let mut piece = Vec::with_capacity(10_000);
        while let Some(r) = rows.next().await {
            let r = r.map_err(db)?;
            piece.push(Change {
                seq: r.get::<_, i64>(0) as u64,
                kind: r.get(1),
                id: r.get(2),
                doc: r.get(3),
            });
            if piece.len() == 10_000 {
                each(std::mem::take(&mut piece))?;
            }
        }
        each(piece)?;
        tx.commit().await.map_err(db)?;
        Ok(head as u64)
    }

    /// The highest sequence number written.
    pub async fn head(&self) -> Result<u64, StoreError> {
        bounded(async {
            let c = self.client().await?;
            let v: i64 = c
                .query_one("SELECT coalesce(max(seq), 0) FROM records", &[])
                .await
                .map_err(db)?
                .get(0);
            Ok(v as u64)
        })
        .await
    }

    /// A connection of its own that receives the change notifications (a pooled one
    /// would drop them); the receiver closes when the connection is lost.
    pub async fn listen(
        &self,
    ) -> Result<(tokio_postgres::Client, mpsc::UnboundedReceiver<u64>), StoreError> {
        let (client, mut connection) = self.config.connect(NoTls).await.map_err(db)?;
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
            while let Some(m) = messages.next().await {
                match m {
                    Ok(AsyncMessage::Notification(n)) => {
                        let _ = tx.send(n.payload().parse().unwrap_or(0));
                    }
                    Ok(_) => {}
                    Err(_) => break,
                }
            }
        });
        client
            .batch_execute(&format!("LISTEN {CHANNEL}"))
            .await
            .map_err(db)?;
        Ok((client, rx))
    }

    // --- stored scans: read and written here directly, never copied to a replica ---

    /// Stores a sealed scan, with the learning wish its resident let it keep
    /// (`crate::insight::groups`) in its own column.
    pub async fn put_scan(
        &self,
        lookup: &str,
        doc: &Value,
        wish: Option<&str>,
    ) -> Result<(), StoreError> {
        let expires = doc
            .get("expires_at")
            .and_then(|e| e.as_str())
            .unwrap_or_default()
            .to_string();
        let body = serde_json::to_string(doc).expect("json serialises");
        bounded(async {
            let c = self.client().await?;
            c.execute(
                "INSERT INTO scans (lookup, doc, expires_at, wish) VALUES ($1, $2, $3::text::timestamptz, $4)
                 ON CONFLICT (lookup) DO UPDATE SET doc = excluded.doc, expires_at = excluded.expires_at, wish = excluded.wish",
                &[&lookup, &body, &expires, &wish],
            )
            .await
            .map_err(db)?;
            Ok(())
        })
        .await
    }

    pub async fn get_scan(&self, lookup: &str) -> Result<Option<Value>, StoreError> {
        bounded(async {
            let c = self.client().await?;
            let row = c
                .query_opt("SELECT doc FROM scans WHERE lookup = $1", &[&lookup])
                .await
                .map_err(db)?;
            match row {
                Some(r) => {
                    let s: String = r.get(0);
                    Ok(Some(
                        serde_json::from_str(&s)
                            .map_err(|e| StoreError::Corrupt("scan".into(), e))?,
                    ))
                }
                None => Ok(None),
            }
        })
        .await
    }

    pub async fn delete_scan(&self, lookup: &str) -> Result<bool, StoreError> {
        bounded(async {
            let c = self.client().await?;
            let n = c
                .execute("DELETE FROM scans WHERE lookup = $1", &[&lookup])
                .await
                .map_err(db)?;
            Ok(n > 0)
        })
        .await
    }

    /// Erases scans past their retention. One replica does it: the others find the lock
    /// taken and skip this round.
    pub async fn purge_scans(&self, now: time::OffsetDateTime) -> Result<usize, StoreError> {
        let now = now
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        bounded(async {
            let mut client = self.client().await?;
            let tx = client.transaction().await.map_err(db)?;
            let mine: bool = tx
                .query_one("SELECT pg_try_advisory_xact_lock($1)", &[&PURGE_LOCK])
                .await
                .map_err(db)?
                .get(0);
            if !mine {
                return Ok(0);
            }
            let n = tx
                .execute(
                    "DELETE FROM scans WHERE expires_at < $1::text::timestamptz",
                    &[&now],
                )
                .await
                .map_err(db)?;
            tx.commit().await.map_err(db)?;
            Ok(n as usize)
        })
        .await
    }

    /// Every stored scan (sealed) under its lookup hash, for a backup.
    pub async fn all_scans(&self) -> Result<Vec<(String, Value)>, StoreError> {
        let c = self.client().await?;
        let rows = c
            .query("SELECT lookup, doc FROM scans ORDER BY lookup", &[])
            .await
            .map_err(db)?;
        rows.iter()
            .map(|r| {
                let doc: String = r.get(1);
                Ok((
                    r.get(0),
                    serde_json::from_str(&doc)
                        .map_err(|e| StoreError::Corrupt("scan".into(), e))?,
                ))
            })
            .collect()
    }

    pub async fn scan_count(&self) -> Result<usize, StoreError> {
        bounded(async {
            let c = self.client().await?;
            let n: i64 = c
                .query_one("SELECT count(*) FROM scans", &[])
                .await
                .map_err(db)?
                .get(0);
            Ok(n as usize)
        })
        .await
    }

    // --- the match log, responses and task counters (crate::outcomes) ---

    /// Writes a batch of logged matches: (id, hour as RFC 3339, document).
    pub async fn put_match_logs(
        &self,
        batch: &[(String, String, String)],
    ) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let ids: Vec<&str> = batch.iter().map(|b| b.0.as_str()).collect();
        let hours: Vec<&str> = batch.iter().map(|b| b.1.as_str()).collect();
        let docs: Vec<&str> = batch.iter().map(|b| b.2.as_str()).collect();
        bounded(async {
            let c = self.client().await?;
            c.execute(
                "INSERT INTO match_log (match_id, hour, doc)
                 SELECT i, h::timestamptz, d FROM unnest($1::text[], $2::text[], $3::text[]) AS u(i, h, d)
                 ON CONFLICT (match_id) DO NOTHING",
                &[&ids, &hours, &docs],
            )
            .await
            .map_err(db)?;
            Ok(())
        })
        .await
    }

    pub async fn get_match_log(&self, id: &str) -> Result<Option<String>, StoreError> {
        bounded(async {
            let c = self.client().await?;
            Ok(
                c.query_opt("SELECT doc FROM match_log WHERE match_id = $1", &[&id])
                    .await
                    .map_err(db)?
                    .map(|r| r.get(0)),
            )
        })
        .await
    }

    /// Replaces a logged match with what `f` makes of it, under a row lock; whether it
    /// existed.
    pub async fn update_match_log(
        &self,
        id: &str,
        f: impl FnOnce(&str) -> Option<String>,
    ) -> Result<bool, StoreError> {
        bounded(async {
            let mut client = self.client().await?;
            let tx = client.transaction().await.map_err(db)?;
            let Some(row) = tx
                .query_opt(
                    "SELECT doc FROM match_log WHERE match_id = $1 FOR UPDATE",
                    &[&id],
                )
                .await
                .map_err(db)?
            else {
                return Ok(false);
            };
            let old: String = row.get(0);
            if let Some(new) = f(&old) {
                tx.execute(
                    "UPDATE match_log SET doc = $2 WHERE match_id = $1",
                    &[&id, &new],
                )
                .await
                .map_err(db)?;
            }
            tx.commit().await.map_err(db)?;
            Ok(true)
        })
        .await
    }

    /// Every logged match, oldest first.
    pub async fn match_logs(&self) -> Result<Vec<String>, StoreError> {
        let c = self.client().await?;
        Ok(
            c.query("SELECT doc FROM match_log ORDER BY hour, match_id", &[])
                .await
                .map_err(db)?
                .iter()
                .map(|r| r.get(0))
                .collect(),
        )
    }

    pub async fn add_task_stats(&self, adds: &[(String, [u64; 5])]) -> Result<(), StoreError> {
        bounded(async {
            let c = self.client().await?;
            for (task, add) in adds {
                let add: Vec<i64> = add.iter().map(|x| *x as i64).collect();
                c.execute(
                    "INSERT INTO task_stats (task_id, counts) VALUES ($1, $2)
                     ON CONFLICT (task_id) DO UPDATE SET counts = ARRAY(
                         SELECT coalesce(a, 0) + coalesce(b, 0)
                         FROM unnest(task_stats.counts, excluded.counts) AS u(a, b))",
                    &[task, &add],
                )
                .await
                .map_err(db)?;
            }
            Ok(())
        })
        .await
    }

    pub async fn task_stats(&self, task: &str) -> Result<[u64; 5], StoreError> {
        bounded(async {
            let c = self.client().await?;
            let mut out = [0u64; 5];
            if let Some(r) = c
                .query_opt("SELECT counts FROM task_stats WHERE task_id = $1", &[&task])
                .await
                .map_err(db)?
            {
                let v: Vec<i64> = r.get(0);
                for (o, x) in out.iter_mut().zip(v) {
                    *o = x.max(0) as u64;
                }
            }
            Ok(out)
        })
        .await
    }

    pub async fn put_response(
        &self,
        id: &str,
        organisation: &str,
        expires_at: &str,
        doc: &str,
        secret: &str,
    ) -> Result<(), StoreError> {
        bounded(async {
            let c = self.client().await?;
            c.execute(
                "INSERT INTO responses (id, organisation_id, expires_at, doc, secret)
                 VALUES ($1, $2, $3::text::timestamptz, $4, $5)",
                &[&id, &organisation, &expires_at, &doc, &secret],
            )
            .await
            .map_err(db)?;
            Ok(())
        })
        .await
    }

    pub async fn get_response(&self, id: &str) -> Result<Option<(String, String)>, StoreError> {
        bounded(async {
            let c = self.client().await?;
            Ok(
                c.query_opt("SELECT doc, secret FROM responses WHERE id = $1", &[&id])
                    .await
                    .map_err(db)?
                    .map(|r| (r.get(0), r.get(1))),
            )
        })
        .await
    }

    pub async fn replace_response(&self, id: &str, doc: &str) -> Result<(), StoreError> {
        bounded(async {
            let c = self.client().await?;
            c.execute("UPDATE responses SET doc = $2 WHERE id = $1", &[&id, &doc])
                .await
                .map_err(db)?;
            Ok(())
        })
        .await
    }

    pub async fn organisation_responses(
        &self,
        organisation: &str,
    ) -> Result<Vec<(String, String)>, StoreError> {
        bounded(async {
            let c = self.client().await?;
            Ok(c.query(
                "SELECT doc, secret FROM responses WHERE organisation_id = $1 ORDER BY id",
                &[&organisation],
            )
            .await
            .map_err(db)?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect())
        })
        .await
    }

    pub async fn delete_response(&self, id: &str) -> Result<bool, StoreError> {
        bounded(async {
            let c = self.client().await?;
            Ok(c.execute("DELETE FROM responses WHERE id = $1", &[&id])
                .await
                .map_err(db)?
                > 0)
        })
        .await
    }

    /// Erases responses past their retention and logged matches older than `log_before`;
    /// one replica a round, like the scans.
    pub async fn purge_outcomes(
        &self,
        now: time::OffsetDateTime,
        log_before: time::OffsetDateTime,
    ) -> Result<(usize, usize), StoreError> {
        let f = |t: time::OffsetDateTime| {
            t.format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default()
        };
        let (now, before) = (f(now), f(log_before));
        bounded(async {
            let mut client = self.client().await?;
            let tx = client.transaction().await.map_err(db)?;
            let mine: bool = tx
                .query_one("SELECT pg_try_advisory_xact_lock($1)", &[&PURGE_LOCK])
                .await
                .map_err(db)?
                .get(0);
            if !mine {
                return Ok((0, 0));
            }
            let r = tx
                .execute(
                    "DELETE FROM responses WHERE expires_at < $1::text::timestamptz",
                    &[&now],
                )
                .await
                .map_err(db)?;
            let m = tx
                .execute(
                    "DELETE FROM match_log WHERE hour < $1::text::timestamptz",
                    &[&before],
                )
                .await
                .map_err(db)?;
            tx.commit().await.map_err(db)?;
            Ok((r as usize, m as usize))
        })
        .await
    }

    // --- training groups (crate::insight::groups) ---

    /// The wish kept with one stored scan.
    pub async fn get_wish(&self, lookup: &str) -> Result<Option<String>, StoreError> {
        bounded(async {
            let c = self.client().await?;
            Ok(c.query_opt(
                "SELECT wish FROM scans WHERE lookup = $1 AND wish IS NOT NULL",
                &[&lookup],
            )
            .await
            .map_err(db)?
            .map(|r| r.get(0)))
        })
        .await
    }

    /// Every wish kept with a stored scan that has not expired, with its lookup hash.
    pub async fn wishes(
        &self,
        now: time::OffsetDateTime,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let now = now
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        bounded(async {
            let c = self.client().await?;
            Ok(c.query(
                "SELECT lookup, wish FROM scans WHERE wish IS NOT NULL AND expires_at > $1::text::timestamptz ORDER BY lookup",
                &[&now],
            )
            .await
            .map_err(db)?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect())
        })
        .await
    }

    pub async fn put_announcement(
        &self,
        id: &str,
        doc: &str,
        expires_at: &str,
    ) -> Result<(), StoreError> {
        bounded(async {
            let c = self.client().await?;
            c.execute(
                "INSERT INTO announcements (id, doc, expires_at) VALUES ($1, $2, $3::text::timestamptz)
                 ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, expires_at = excluded.expires_at",
                &[&id, &doc, &expires_at],
            )
            .await
            .map_err(db)?;
            Ok(())
        })
        .await
    }

    pub async fn delete_announcement(&self, id: &str) -> Result<bool, StoreError> {
        bounded(async {
            let c = self.client().await?;
            Ok(c.execute("DELETE FROM announcements WHERE id = $1", &[&id])
                .await
                .map_err(db)?
                > 0)
        })
        .await
    }

    pub async fn announcements(&self) -> Result<Vec<String>, StoreError> {
        bounded(async {
            let c = self.client().await?;
            Ok(c.query("SELECT doc FROM announcements ORDER BY id", &[])
                .await
                .map_err(db)?
                .iter()
                .map(|r| r.get(0))
                .collect())
        })
        .await
    }

    // --- anonymous counters (crate::insight) ---

    pub async fn add_insight_counts(&self, keys: &[String]) -> Result<(), StoreError> {
        bounded(async {
            let c = self.client().await?;
            c.execute(
                "INSERT INTO insight_counts (key, n) SELECT k, count(*) FROM unnest($1::text[]) AS u(k) GROUP BY k
                 ON CONFLICT (key) DO UPDATE SET n = insight_counts.n + excluded.n",
                &[&keys],
            )
            .await
            .map_err(db)?;
            Ok(())
        })
        .await
    }

    pub async fn insight_counts(&self, prefix: &str) -> Result<Vec<(String, u64)>, StoreError> {
        let like = format!(
            "{}%",
            prefix
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        bounded(async {
            let c = self.client().await?;
            Ok(c.query(
                "SELECT key, n FROM insight_counts WHERE key LIKE $1 ORDER BY key",
                &[&like],
            )
            .await
            .map_err(db)?
            .iter()
            .map(|r| (r.get::<_, String>(0), r.get::<_, i64>(1).max(0) as u64))
            .collect())
        })
        .await
    }
}
