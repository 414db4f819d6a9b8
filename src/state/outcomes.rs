//! The match log, responses and outcomes on whichever store holds the truth (sled, or
//! PostgreSQL shared by the replicas).
//!
//! Matches are logged in memory first and written in batches about once a second: a
//! match answer never waits for a disk. A lookup checks the batch not yet written, then
//! the store; in PostgreSQL mode a response that reaches another replica than its match
//! waits for one batch before it hears "unknown match".
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use sha2::{Digest, Sha256};

use super::AppState;
use crate::auth::Scope;
use crate::catalog::fields::FieldError;
use crate::outcomes::{
    day, random_id, rfc3339, LoggedMatch, LoggedOutcome, LoggedTask, NewResponse, OutcomeError,
    OutcomeRequest, ResponseReceipt, ResponseRecord, ResponseView, SealedPart, Status, TaskStats,
    Transition,
};
use crate::ranking::MatchOutcome;
use crate::sealed::ScanId;

/// How often the match log's batch is written.
pub const LOG_FLUSH: Duration = Duration::from_secs(1);
/// The most logged matches kept in memory while the store cannot take them (PostgreSQL
/// away): beyond it new ones are not logged. The log serves learning; a gap in it costs
/// less than a server that runs out of memory during an outage.
const MAX_PENDING: usize = 100_000;

const SHOWN: usize = 0;
const CLICKED: usize = 1;
const RESPONDED: usize = 2;

/// Logged matches not yet written, by match id.
#[derive(Default)]
pub struct PendingLog {
    entries: std::sync::Mutex<HashMap<String, LoggedMatch>>,
}

impl PendingLog {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, LoggedMatch>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn one(i: usize) -> [u64; 5] {
    let mut c = [0; 5];
    c[i] = 1;
    c
}

fn invalid(pointer: &str, message: impl Into<String>) -> OutcomeError {
    OutcomeError::Invalid(
        "the response cannot be taken".into(),
        vec![FieldError::new(pointer, message)],
    )
}

impl AppState {
    /// Keeps what the log may keep of a match answer (`crate::outcomes`); a share of the
    /// answers (`--explore-share`) first has its near ties shuffled.
    pub fn log_match(&self, outcome: &mut MatchOutcome) {
        let share = self.settings.explore_share;
        let explored = (share > 0.0 && rand::random::<f64>() < share)
            .then(|| crate::outcomes::explore(outcome, &mut rand::thread_rng()));
        let entry = LoggedMatch::of(
            outcome,
            self.now(),
            &self.matcher().weights.version,
            explored.as_deref(),
        );
        let mut pending = self.pending_log.lock();
        if pending.len() < MAX_PENDING {
            pending.insert(entry.match_id.clone(), entry);
        }
    }

    /// Writes the logged matches not yet written, and counts their tasks as shown.
    pub async fn flush_match_log(&self) -> Result<usize, OutcomeError> {
        let batch: Vec<LoggedMatch> = {
            let mut p = self.pending_log.lock();
            if p.is_empty() {
                return Ok(0);
            }
            p.drain().map(|(_, v)| v).collect()
        };
        let mut shown: HashMap<String, [u64; 5]> = HashMap::new();
        for m in &batch {
            for t in &m.shown {
                shown.entry(t.task_id.clone()).or_default()[SHOWN] += 1;
            }
        }
        let shown: Vec<(String, [u64; 5])> = shown.into_iter().collect();
        let n = batch.len();
        let written = match &self.pg {
            Some(pg) => {
                let rows: Vec<(String, String, String)> = batch
                    .iter()
                    .map(|m| {
                        (
                            m.match_id.clone(),
                            m.hour.clone(),
                            serde_json::to_string(m).unwrap_or_default(),
                        )
                    })
                    .collect();
                match pg.put_match_logs(&rows).await {
                    Ok(()) => pg.add_task_stats(&shown).await,
                    Err(e) => Err(e),
                }
            }
            None => {
                let rows: Vec<(String, Vec<u8>)> = batch
                    .iter()
                    .map(|m| {
                        (
                            m.match_id.clone(),
                            serde_json::to_vec(m).unwrap_or_default(),
                        )
                    })
                    .collect();
                self.store
                    .put_match_logs(&rows)
                    .and_then(|()| self.store.add_task_stats(&shown))
            }
        };
        if let Err(e) = written {
            // Kept for the next round (the database may be back by then).
            let mut p = self.pending_log.lock();
            for m in batch {
                p.entry(m.match_id.clone()).or_insert(m);
            }
            return Err(e.into());
        }
        Ok(n)
    }

    /// A logged match: from the batch not yet written, else from the store.
    pub async fn logged_match(&self, id: &str) -> Result<Option<LoggedMatch>, OutcomeError> {
        if let Some(m) = self.pending_log.lock().get(id) {
            return Ok(Some(m.clone()));
        }
        let doc = match &self.pg {
            Some(pg) => pg.get_match_log(id).await?.map(String::into_bytes),
            None => self.store.get_match_log(id)?,
        };
        Ok(match doc {
            Some(d) => Some(serde_json::from_slice(&d)?),
            None => None,
        })
    }

    /// Finds a match, in PostgreSQL mode waiting one batch for another replica's log.
    async fn find_match(&self, id: &str) -> Result<LoggedMatch, OutcomeError> {
        if let Some(m) = self.logged_match(id).await? {
            return Ok(m);
        }
        if self.pg.is_some() {
            tokio::time::sleep(LOG_FLUSH + Duration::from_millis(300)).await;
            if let Some(m) = self.logged_match(id).await? {
                return Ok(m);
            }
        }
        Err(OutcomeError::NotFound(format!(
            "no match {id}: it was never made, or its log has expired"
        )))
    }

    /// Changes one shown task of a logged match; whether it was there.
    async fn mark_shown(
        &self,
        match_id: &str,
        task_id: &str,
        f: impl Fn(&mut LoggedTask),
    ) -> Result<bool, OutcomeError> {
        {
            let mut p = self.pending_log.lock();
            if let Some(m) = p.get_mut(match_id) {
                return Ok(m.shown_mut(task_id).map(&f).is_some());
            }
        }
        let edit = |old: &[u8]| -> Option<Vec<u8>> {
            let mut m: LoggedMatch = serde_json::from_slice(old).ok()?;
            f(m.shown_mut(task_id)?);
            serde_json::to_vec(&m).ok()
        };
        Ok(match &self.pg {
            Some(pg) => {
                pg.update_match_log(match_id, |s| {
                    edit(s.as_bytes()).and_then(|b| String::from_utf8(b).ok())
                })
                .await?
            }
            None => self.store.update_match_log(match_id, edit).await?,
        })
    }

    async fn add_stats(&self, task: &str, add: [u64; 5]) -> Result<(), OutcomeError> {
        if add == [0; 5] {
            return Ok(());
        }
        let adds = [(task.to_string(), add)];
        match &self.pg {
            Some(pg) => pg.add_task_stats(&adds).await?,
            None => self.store.add_task_stats(&adds)?,
        }
        Ok(())
    }

    pub async fn task_stats(&self, task: &str) -> Result<TaskStats, OutcomeError> {
        Ok(TaskStats::from_counts(match &self.pg {
            Some(pg) => pg.task_stats(task).await?,
            None => self.store.task_stats(task)?,
        }))
    }

    /// The task a response or click names, if the match showed it and it is still open.
    async fn shown_open_task(
        &self,
        match_id: &str,
        task_id: &str,
    ) -> Result<Arc<crate::catalog::model::Task>, OutcomeError> {
        let m = self.find_match(match_id).await?;
        if m.shown(task_id).is_none() {
            return Err(invalid(
                "/task_id",
                "this task was not in the advice of this match",
            ));
        }
        let Some(task) = self.get_task(task_id) else {
            return Err(invalid("/task_id", "this task is no longer offered"));
        };
        if task.is_ended(self.now().date()) {
            return Err(invalid("/task_id", "this task has ended"));
        }
        Ok(task)
    }

    /// "Ik wil dit proberen": stores the response for the task's organisation and marks
    /// the match log. The erase token is in the receipt only.
    pub async fn create_response(&self, req: NewResponse) -> Result<ResponseReceipt, OutcomeError> {
        let task = self.shown_open_task(&req.match_id, &req.task_id).await?;
        if let Some(url) = &task.respond_url {
            return Err(invalid(
                "/task_id",
                format!("this task takes responses on its own page: {url}"),
            ));
        }
        let now = self.now();
        let expires_at = rfc3339(now + time::Duration::days(self.settings.retention_days as i64));
        let id = random_id();
        let token = random_id();
        let secret = ScanId::generate();
        let plain = serde_json::to_vec(&SealedPart {
            contact: req.contact,
            message: req.message,
        })?;
        let record = ResponseRecord {
            id: id.clone(),
            organisation_id: task.organisation_id.clone(),
            task_id: task.id.clone(),
            match_id: req.match_id.clone(),
            recorded_by: req.recorded_by,
            created_at: rfc3339(now),
            expires_at: expires_at.clone(),
            erase_hash: hex::encode(Sha256::digest(token.as_bytes())),
            history: vec![Transition {
                status: Status::New,
                at: rfc3339(now),
                reason: None,
            }],
            sealed: secret.seal(&plain, &expires_at),
        };
        let doc = serde_json::to_string(&record)?;
        match &self.pg {
            Some(pg) => {
                pg.put_response(
                    &id,
                    &record.organisation_id,
                    &expires_at,
                    &doc,
                    secret.as_str(),
                )
                .await?
            }
            None => {
                self.store
                    .put_response(&id, doc.as_bytes(), secret.as_str())
                    .await?
            }
        }
        let first = std::sync::atomic::AtomicBool::new(false);
        self.mark_shown(&req.match_id, &req.task_id, |t| {
            first.store(!t.responded, std::sync::atomic::Ordering::Relaxed);
            t.responded = true;
        })
        .await?;
        if first.load(std::sync::atomic::Ordering::Relaxed) {
            self.add_stats(&task.id, one(RESPONDED)).await?;
        }
        Ok(ResponseReceipt {
            id,
            task_id: task.id.clone(),
            status: Status::New,
            expires_at,
            erase_token: token,
        })
    }

    /// The resident followed a task's own link: only that is recorded, on the log.
    pub async fn click_through(&self, match_id: &str, task_id: &str) -> Result<(), OutcomeError> {
        self.shown_open_task(match_id, task_id).await?;
        let first = std::sync::atomic::AtomicBool::new(false);
        self.mark_shown(match_id, task_id, |t| {
            first.store(!t.clicked, std::sync::atomic::Ordering::Relaxed);
            t.clicked = true;
        })
        .await?;
        if first.load(std::sync::atomic::Ordering::Relaxed) {
            self.add_stats(task_id, one(CLICKED)).await?;
        }
        Ok(())
    }

    async fn load_response(
        &self,
        id: &str,
    ) -> Result<Option<(ResponseRecord, String)>, OutcomeError> {
        if !crate::outcomes::valid_random_id(id) {
            return Ok(None);
        }
        let found = match &self.pg {
            Some(pg) => pg.get_response(id).await?.map(|(d, s)| (d.into_bytes(), s)),
            None => self.store.get_response(id)?,
        };
        let Some((doc, secret)) = found else {
            return Ok(None);
        };
        let r: ResponseRecord = serde_json::from_slice(&doc)?;
        if r.sealed.expired(self.now()) {
            return Ok(None);
        }
        Ok(Some((r, secret)))
    }

    fn view(&self, r: &ResponseRecord, secret: &str) -> Option<ResponseView> {
        let plain = ScanId::parse(secret)?.open(&r.sealed)?;
        let part: SealedPart = serde_json::from_slice(&plain).ok()?;
        Some(ResponseView {
            id: r.id.clone(),
            task_id: r.task_id.clone(),
            task_title: self.get_task(&r.task_id).map(|t| t.title.clone()),
            contact: part.contact,
            message: part.message,
            recorded_by: r.recorded_by,
            created_at: r.created_at.clone(),
            expires_at: r.expires_at.clone(),
            status: r.status(),
            history: r.history.clone(),
        })
    }

    /// Every response to one organisation's tasks, newest first.
    pub async fn organisation_responses(
        &self,
        organisation: &str,
    ) -> Result<Vec<ResponseView>, OutcomeError> {
        let rows: Vec<(Vec<u8>, String)> = match &self.pg {
            Some(pg) => pg
                .organisation_responses(organisation)
                .await?
                .into_iter()
                .map(|(d, s)| (d.into_bytes(), s))
                .collect(),
            None => {
                let needle = format!(
                    "\"organisation_id\":{}",
                    serde_json::to_string(organisation)?
                );
                self.store
                    .responses_where(|d| memchr_contains(d, needle.as_bytes()))?
            }
        };
        let now = self.now();
        let mut out: Vec<ResponseView> = rows
            .iter()
            .filter_map(|(d, s)| {
                let r: ResponseRecord = serde_json::from_slice(d).ok()?;
                (r.organisation_id == organisation && !r.sealed.expired(now))
                    .then(|| self.view(&r, s))
                    .flatten()
            })
            .collect();
        out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// The organisation reports what came of a response.
    pub async fn report_outcome(
        &self,
        scope: &Scope,
        id: &str,
        req: OutcomeRequest,
    ) -> Result<ResponseView, OutcomeError> {
        let _one = self.outcome_lock.lock().await;
        let Some((mut r, secret)) = self.load_response(id).await? else {
            return Err(OutcomeError::NotFound(format!("no response {id}")));
        };
        if *scope != Scope::Organisation(r.organisation_id.clone()) {
            return Err(OutcomeError::Forbidden(
                "only the organisation of the task reports what came of a response".into(),
            ));
        }
        let now = self.now();
        let errs = r.check(&req, now);
        if !errs.is_empty() {
            return Err(OutcomeError::Invalid(
                "this outcome cannot follow the response's history".into(),
                errs,
            ));
        }
        r.history.push(Transition {
            status: req.status,
            at: rfc3339(now),
            reason: req.reason,
        });
        let doc = serde_json::to_string(&r)?;
        match &self.pg {
            Some(pg) => pg.replace_response(id, &doc).await?,
            None => self.store.replace_response(id, doc.as_bytes()).await?,
        }
        let mark = LoggedOutcome {
            status: req.status,
            day: day(now),
        };
        self.mark_shown(&r.match_id, &r.task_id, |t| t.outcomes.push(mark.clone()))
            .await?;
        self.add_stats(&r.task_id, TaskStats::counts_for(req.status))
            .await?;
        self.view(&r, &secret)
            .ok_or_else(|| OutcomeError::NotFound(format!("no response {id}")))
    }

    /// The resident erases a response with the token they were given; false when there
    /// is no such response or the token is not its token (the same answer, so a guess
    /// learns nothing).
    pub async fn erase_response(&self, id: &str, token: &str) -> Result<bool, OutcomeError> {
        let _one = self.outcome_lock.lock().await;
        let Some((r, _)) = self.load_response(id).await? else {
            return Ok(false);
        };
        let given = hex::encode(Sha256::digest(token.trim().as_bytes()));
        if !constant_time_eq(given.as_bytes(), r.erase_hash.as_bytes()) {
            return Ok(false);
        }
        Ok(match &self.pg {
            Some(pg) => pg.delete_response(id).await?,
            None => self.store.delete_response(id).await?,
        })
    }

    /// Erases responses past their retention and logged matches past theirs:
    /// (responses, matches).
    pub async fn purge_outcomes(
        &self,
        now: time::OffsetDateTime,
    ) -> Result<(usize, usize), OutcomeError> {
        let before = now - time::Duration::days(self.settings.match_log_days as i64);
        if let Some(pg) = &self.pg {
            return Ok(pg.purge_outcomes(now, before).await?);
        }
        let r = self
            .store
            .purge_responses(|d| {
                serde_json::from_slice::<ResponseRecord>(d).map_or(true, |r| r.sealed.expired(now))
            })
            .await?;
        let m = self
            .store
            .purge_match_logs(|d| {
                serde_json::from_slice::<HourOnly>(d)
                    .map_or(true, |h| crate::sealed::expired(&h.hour, before))
            })
            .await?;
        Ok((r, m))
    }

    /// The ids and titles of one organisation's tasks (at most 1,000).
    pub fn organisation_tasks(&self, organisation: &str) -> Vec<(String, String)> {
        let f = crate::search::Filters {
            organisation: Some(organisation.to_string()),
            ..Default::default()
        };
        self.index
            .search(crate::catalog::Kind::Tasks, &f, 1000)
            .map(|(hits, _)| hits)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(id, _)| {
                let t = self.get_task(&id)?;
                (t.organisation_id == organisation).then(|| (id, t.title.clone()))
            })
            .collect()
    }
}

#[derive(serde::Deserialize)]
struct HourOnly {
    hour: String,
}

fn memchr_contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
