//! Keeping the matcher's columns fresh under writes without re-reading the store.
//!
//! Writers hand their changes to one builder thread, which drains every pending change,
//! applies them all to the current columns in one O(n) pass (`TaskColumns::apply`) and
//! swaps the result in atomically. Under a stream of writes, one rebuild covers many of
//! them; a writer waits (at most a second) until its change is visible, so an acknowledged
//! write is matchable.
use std::collections::HashSet;
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use tokio::sync::watch;

use super::columns::TaskColumns;
use crate::catalog::model::Task;
use crate::taxonomy::Taxonomies;

struct Change {
    seq: u64,
    upserts: Vec<Task>,
    deletes: HashSet<String>,
}

struct Shared {
    current: RwLock<Arc<TaskColumns>>,
    visible: watch::Sender<u64>,
}

pub struct LiveColumns {
    shared: Arc<Shared>,
    tx: Option<Mutex<mpsc::Sender<Change>>>,
}

impl LiveColumns {
    /// `live = false` (offline tools): changes are ignored.
    pub fn new(initial: TaskColumns, tax: Taxonomies, live: bool) -> Self {
        let (visible, _) = watch::channel(0);
        let shared = Arc::new(Shared {
            current: RwLock::new(Arc::new(initial)),
            visible,
        });
        let tx = live.then(|| {
            let (tx, rx) = mpsc::channel::<Change>();
            let sh = shared.clone();
            std::thread::Builder::new()
                .name("column-builder".into())
                .spawn(move || builder(sh, rx, tax))
                .expect("spawn column builder");
            Mutex::new(tx)
        });
        Self { shared, tx }
    }

    pub fn current(&self) -> Arc<TaskColumns> {
        self.shared
            .current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Replaces the columns wholesale (start-up, rebuild).
    pub fn replace(&self, cols: TaskColumns, seq: u64) {
        *self
            .shared
            .current
            .write()
            .unwrap_or_else(|p| p.into_inner()) = Arc::new(cols);
        self.shared.visible.send_modify(|v| *v = (*v).max(seq));
    }

    /// Hands a write to the builder; a write of another kind passes no tasks, so that
    /// waiting for its number does not wait for a rebuild that never comes.
    pub fn change(&self, seq: u64, upserts: Vec<Task>, deletes: HashSet<String>) {
        if let Some(tx) = &self.tx {
            let _ = tx.lock().unwrap_or_else(|p| p.into_inner()).send(Change {
                seq,
                upserts,
                deletes,
            });
        }
    }

    /// Passes the number of a write that changes no task (another kind, a key) to the
    /// builder, after the changes before it.
    pub fn pass(&self, seq: u64) {
        self.change(seq, Vec::new(), HashSet::new());
    }

    /// Waits until the change with `seq` is visible to matching (at most one second).
    pub async fn wait_visible(&self, seq: u64) {
        if self.tx.is_none() {
            return;
        }
        let mut rx = self.shared.visible.subscribe();
        let _ = tokio::time::timeout(Duration::from_secs(1), rx.wait_for(|v| *v >= seq)).await;
    }

    pub fn visible_seq(&self) -> u64 {
        *self.shared.visible.borrow()
    }
}

fn builder(sh: Arc<Shared>, rx: mpsc::Receiver<Change>, tax: Taxonomies) {
    lower_priority();
    // Freed heap goes back to the system once writes pause for a second, not after every
    // version: under a stream of writes the next version reuses it (handing it back and
    // faulting it in again cost more than the copy itself).
    let mut untrimmed = false;
    // Versions swapped out while matches may still read them. Whoever drops the last
    // reference frees a whole version (a hundred thousand ids and a dozen columns): that
    // is this thread, at its low priority, once no match holds one, and never a match.
    let mut retired: Vec<Arc<TaskColumns>> = Vec::new();
    loop {
        retired.retain(|c| Arc::strong_count(c) > 1);
        let wait = if !retired.is_empty() {
            Some(RETIRED_CHECK)
        } else if untrimmed {
            Some(Duration::from_secs(1))
        } else {
            None
        };
        let first = match wait {
            Some(wait) => match rx.recv_timeout(wait) {
                Ok(c) => c,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if retired.is_empty() {
                        trim_heap();
                        untrimmed = false;
                    }
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            },
            None => match rx.recv() {
                Ok(c) => c,
                Err(_) => break,
            },
        };
        let mut changes = vec![first];
        while let Ok(c) = rx.try_recv() {
            changes.push(c);
        }
        // Later changes win: fold into one set of upserts and deletes.
        let mut upserts: std::collections::HashMap<String, Task> = std::collections::HashMap::new();
        let mut deletes: HashSet<String> = HashSet::new();
        let mut seq = 0;
        for c in changes {
            seq = seq.max(c.seq);
            for d in c.deletes {
                upserts.remove(&d);
                deletes.insert(d);
            }
            for t in c.upserts {
                deletes.remove(&t.id);
                upserts.insert(t.id.clone(), t);
            }
        }
        if upserts.is_empty() && deletes.is_empty() {
            // Writes of other kinds: nothing to rebuild, only the number to pass on (after
            // the changes before it, which this thread has applied).
            sh.visible.send_modify(|v| *v = (*v).max(seq));
            continue;
        }
        let upserts: Vec<Task> = upserts.into_values().collect();
        let cur = sh.current.read().unwrap_or_else(|p| p.into_inner()).clone();
        let next = Arc::new(cur.apply(&upserts, &deletes, &tax));
        *sh.current.write().unwrap_or_else(|p| p.into_inner()) = next;
        sh.visible.send_modify(|v| *v = (*v).max(seq));
        retired.push(cur);
        untrimmed = true;
    }
}

/// How often the builder looks whether the matches reading a retired version are done.
const RETIRED_CHECK: Duration = Duration::from_millis(20);

/// Rebuilding columns must not take the cores from the matches being answered: the
/// builder thread runs at a lower priority (nice 10); writers wait for it at most a second.
fn lower_priority() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: plain system calls on this thread's own id.
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10);
    }
}

/// Hands freed heap back to the operating system. Building columns for a million tasks
/// allocates and frees hundreds of megabytes; glibc would keep them, and the server's
/// resident size with them.
pub fn trim_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; no pointers of ours.
    unsafe {
        libc::malloc_trim(0);
    }
}
