//! The matcher's memory-resident attribute columns, ordered by geo cell.
//!
//! A radius query touches only the rows of the cells under the radius' bounding box (one
//! contiguous range per cell row, found by binary search); remote tasks sit in their own
//! range at the end. A radius query first streams through the compact `gates` (24 bytes a
//! row: what the hard filters read) and touches a task's full `Row` only when it passes.
//! The per-row constants of the score sit in an ndarray matrix next to them.
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::{Arc, Mutex};

use ndarray::Array2;

use super::features::{Gated, Prepared};
use super::row::{
    Bits, Fit, Gate, Row, RowTail, ANY_MOMENT, HOURS_EXACT, KM_PER_DEG, META_ALWAYS, REMOTE,
};
use crate::catalog::model::{Kind, Task};
use crate::geo::{cell_of, cells_covering, LatLon};
use crate::search::{segment_id_hashes, DocRow, SearchError, SegmentReader, SegmentRows};
use crate::taxonomy::Taxonomies;

/// The gates of all rows as struct-of-arrays, 24 bytes a row in six 32-bit columns, so
/// the scan under the radius compiles to SIMD compares (`gated_rows`).
#[derive(Default)]
pub struct GateColumns {
    pub lat: Vec<f32>,
    pub lon: Vec<f32>,
    pub slots: Vec<u32>,
    pub hours: Vec<f32>,
    pub end_day: Vec<i32>,
    /// load | min_band << 2 | sessions << 5 | lang << 8 | permits << 12 | flags << 16 |
    /// the number of slot bits << 24 | `META_ALWAYS`.
    pub meta: Vec<u32>,
}

impl GateColumns {
    fn with_capacity(n: usize) -> Self {
        GateColumns {
            lat: Vec::with_capacity(n),
            lon: Vec::with_capacity(n),
            slots: Vec::with_capacity(n),
            hours: Vec::with_capacity(n),
            end_day: Vec::with_capacity(n),
            meta: Vec::with_capacity(n),
        }
    }

    fn push(&mut self, g: Gate) {
        self.lat.push(g.lat);
        self.lon.push(g.lon);
        self.slots.push(g.slots);
        self.hours.push(g.hours);
        self.end_day.push(g.end_day);
        self.meta.push(
            g.load as u32
                | (g.min_band as u32) << 2
                | (g.sessions as u32) << 5
                | (g.lang as u32) << 8
                | (g.permits as u32) << 12
                | (g.flags as u32) << 16
                | (g.slots & !ANY_MOMENT).count_ones() << 24
                | META_ALWAYS,
        );
    }

    fn extend_from(&mut self, old: &GateColumns, r: Range<usize>) {
        self.lat.extend_from_slice(&old.lat[r.clone()]);
        self.lon.extend_from_slice(&old.lon[r.clone()]);
        self.slots.extend_from_slice(&old.slots[r.clone()]);
        self.hours.extend_from_slice(&old.hours[r.clone()]);
        self.end_day.extend_from_slice(&old.end_day[r.clone()]);
        self.meta.extend_from_slice(&old.meta[r]);
    }

    #[inline(always)]
    pub fn get(&self, row: usize) -> Gate {
        let m = self.meta[row];
        Gate {
            lat: self.lat[row],
            lon: self.lon[row],
            slots: self.slots[row],
            hours: self.hours[row],
            end_day: self.end_day[row],
            load: (m & 0x3) as u8,
            lang: (m >> 8 & 0xf) as u8,
            flags: (m >> 16) as u8,
            permits: (m >> 12 & 0xf) as u8,
            min_band: (m >> 2 & 0x7) as u8,
            sessions: (m >> 5 & 0x7) as u8,
        }
    }
}

/// A kind and an index segment.
type SegmentKey = (Kind, tantivy::index::SegmentId);

/// One index segment's documents as rows of these columns. A segment's documents never
/// change, only which of them are deleted, and a write moves few rows: so the map is built
/// once per segment and carried to each next version of the columns with its rows
/// renumbered (`carry`), and brought up to date with the segment's deletions
/// (`rows_for`), instead of being built again, a hash lookup per document, by the first
/// query with words after each write.
struct SegmentMap {
    /// The segment's number of deletions this map reflects.
    deleted: u32,
    /// Per document: its id hash, when it is of the kind and was alive at `deleted`.
    hashes: Arc<[Option<u64>]>,
    rows: Arc<[DocRow]>,
    /// The version of the columns (`TaskColumns::version`) that last used it; maps of
    /// segments merged away stop being used and are not carried further.
    used: u64,
}

/// A map not used by this many versions of the columns is not carried to the next.
const MAP_UNUSED_VERSIONS: u64 = 64;

const NO_ROW: DocRow = DocRow {
    row: u32::MAX,
    lat: f32::NAN,
    lon: f32::NAN,
};

pub struct TaskColumns {
    /// Shared, so copying a row into the next version of the columns allocates nothing.
    pub ids: Vec<Arc<str>>,
    /// `search::id_hash` of each id.
    hashes: Vec<u64>,
    /// Every attribute of a task, in f64: the exact checks and the second phase.
    pub rows: Vec<Row>,
    /// The first phase reads only these: the hard filters' gate, the quantised `Fit`, the
    /// rows × 6 matrix of what a task offers on the six VFI motives (× 255), and the
    /// skill and learning bitmasks when the person named skills or goals.
    pub gates: GateColumns,
    /// Exact coordinates (NaN when remote), for rows at the radius' edge.
    pub coords: Vec<(f64, f64)>,
    pub fit: Vec<Fit>,
    pub offers: Array2<u8>,
    pub skills: Vec<Bits>,
    pub learn: Vec<Bits>,
    /// Index into `organisations` (for the diversity re-rank).
    pub org: Vec<u32>,
    /// Index into `roles`, `u32::MAX` for none.
    pub role: Vec<u32>,
    pub main_category: Vec<u16>,
    cells: Vec<(i32, i32)>,
    /// Rows `[local_end..]` are remote.
    local_end: usize,
    /// Organisation and role names by index; shared between versions of the columns and
    /// copied only when a write brings a new one.
    pub organisations: Arc<Vec<String>>,
    pub roles: Arc<Vec<String>>,
    org_ix: Arc<HashMap<String, u32>>,
    role_ix: Arc<HashMap<String, u32>>,
    /// (id hash, row), sorted: maps search hits to rows.
    hash_index: Vec<(u64, u32)>,
    /// Counts the versions of the columns since the start (`apply` makes the next).
    version: u64,
    /// Per index segment, tantivy doc → row and place (`SegmentMap`).
    doc_rows: Mutex<HashMap<SegmentKey, SegmentMap>>,
}

/// One task on its way into the columns.
struct Entry {
    key: (u8, i32, i32),
    id: String,
    row: Row,
    org: String,
    role: Option<String>,
    main_category: u16,
}

fn entry(t: &Task, tax: &Taxonomies) -> Entry {
    let key = match &t.location {
        Some(l) if !t.remote => {
            let c = cell_of(LatLon {
                lat: l.lat,
                lon: l.lon,
            });
            (0, c.0, c.1)
        }
        _ => (1, 0, 0),
    };
    Entry {
        key,
        id: t.id.clone(),
        row: Row::from_task(t, tax),
        org: t.organisation_id.clone(),
        role: t.role_id.clone(),
        main_category: t
            .categories
            .first()
            .and_then(|c| tax.categories.position(c))
            .unwrap_or(0) as u16,
    }
}

impl TaskColumns {
    /// What the first phase reads of a row last (`FirstWeights::score_from`).
    #[inline]
    pub fn tail(&self, row: usize) -> RowTail<'_> {
        RowTail {
            offers: &self.offers.as_slice().expect("standard layout")[row * 6..][..6],
            n_skills: self.fit[row].n_skills,
            skills: self.skills[row],
            learn: self.learn[row],
        }
    }

    pub fn build(tasks: impl IntoIterator<Item = Task>, tax: &Taxonomies) -> Self {
        let entries = tasks.into_iter().map(|t| entry(&t, tax)).collect();
        Self::assemble(entries)
    }

    /// A new set of columns with `upserts` replacing or adding rows and `deletes` removed,
    /// without touching the store. A write changes a few rows of many thousands, so the
    /// rows kept are copied as whole runs, column by column (one `memcpy` per column and
    /// run), the new ones merged in where they belong, and the id-hash index is carried
    /// over with its rows renumbered instead of sorted again: O(n) copies, no re-sort and
    /// no per-row allocation, so the matcher stays fresh under a stream of writes.
    pub fn apply(&self, upserts: &[Task], deletes: &HashSet<String>, tax: &Taxonomies) -> Self {
        let n = self.len();
        let mut removed: Vec<usize> = Vec::new();
        for id in upserts
            .iter()
            .map(|t| t.id.as_str())
            .chain(deletes.iter().map(|d| d.as_str()))
        {
            removed.extend(
                self.rows_of_hash(crate::search::id_hash(id))
                    .filter(|&r| &*self.ids[r] == id),
            );
        }
        removed.sort_unstable();
        removed.dedup();
        let mut new: Vec<Entry> = upserts
            .iter()
            .filter(|t| !deletes.contains(&t.id))
            .map(|t| entry(t, tax))
            .collect();
        new.sort_by(|a, b| a.key.cmp(&b.key).then_with(|| a.id.cmp(&b.id)));
        let mut b = Builder::continuing(self, n - removed.len() + new.len());
        // Where each old row lands (u32::MAX: removed), and the (id hash, row) of each new
        // one, for the hash index.
        let mut moved = vec![u32::MAX; n];
        let mut added: Vec<(u64, u32)> = Vec::with_capacity(new.len());
        let mut push_new = |b: &mut Builder, e: Entry| {
            b.push_new(e);
            let r = b.hashes.len() - 1;
            added.push((b.hashes[r], r as u32));
        };
        let mut new = new.into_iter().peekable();
        let mut removed = removed.into_iter().peekable();
        let mut i = 0;
        while i < n {
            if removed.next_if_eq(&i).is_some() {
                i += 1;
                continue;
            }
            while let Some(e) =
                new.next_if(|e| (e.key, e.id.as_str()) < (self.key(i), &*self.ids[i]))
            {
                push_new(&mut b, e);
            }
            // The run of kept rows from i: up to the next removed row or the next new
            // row's place, whichever comes first.
            let limit = removed.peek().copied().unwrap_or(n);
            let end = match new.peek() {
                Some(e) => self.first_after(i + 1..limit, (e.key, e.id.as_str())),
                None => limit,
            };
            let at = b.ids.len();
            for (k, m) in moved[i..end].iter_mut().enumerate() {
                *m = (at + k) as u32;
            }
            b.push_old_run(self, i..end);
            i = end;
        }
        for e in new {
            push_new(&mut b, e);
        }
        let mut hash_index: Vec<(u64, u32)> = Vec::with_capacity(b.ids.len());
        added.sort_unstable();
        let mut added = added.into_iter().peekable();
        for &(h, r) in &self.hash_index {
            let r = moved[r as usize];
            if r == u32::MAX {
                continue;
            }
            while let Some(x) = added.next_if(|x| *x < (h, r)) {
                hash_index.push(x);
            }
            hash_index.push((h, r));
        }
        hash_index.extend(added);
        let mut next = b.finish_with(hash_index);
        next.version = self.version + 1;
        next.carry(self, &moved);
        next
    }

    /// Takes over the segment maps of `old`, of which row `r` is now row `moved[r]`
    /// (`u32::MAX`: removed or replaced). A document whose row went, or that had none
    /// (its task not yet in the columns when the map was made), is looked up again by
    /// its id hash; the others keep their place.
    fn carry(&mut self, old: &TaskColumns, moved: &[u32]) {
        let maps = old.doc_rows.lock().unwrap_or_else(|p| p.into_inner());
        let mut carried = HashMap::with_capacity(maps.len());
        for (key, m) in maps.iter() {
            if m.used + MAP_UNUSED_VERSIONS < self.version {
                continue;
            }
            let rows: Arc<[DocRow]> = m
                .rows
                .iter()
                .zip(m.hashes.iter())
                .map(|(d, h)| match moved.get(d.row as usize) {
                    Some(&r) if r != u32::MAX => DocRow { row: r, ..*d },
                    _ => h.map_or(NO_ROW, |h| self.doc_row(h)),
                })
                .collect();
            carried.insert(
                *key,
                SegmentMap {
                    deleted: m.deleted,
                    hashes: m.hashes.clone(),
                    rows,
                    used: m.used,
                },
            );
        }
        drop(maps);
        *self.doc_rows.get_mut().unwrap_or_else(|p| p.into_inner()) = carried;
    }

    /// The row and place of the task with id hash `h`.
    fn doc_row(&self, h: u64) -> DocRow {
        match self.rows_of_hash(h).next() {
            Some(r) => DocRow {
                row: r as u32,
                lat: self.gates.lat[r],
                lon: self.gates.lon[r],
            },
            None => NO_ROW,
        }
    }

    /// The first row in `range` (sorted by key and id) that sorts after `key`.
    fn first_after(&self, range: Range<usize>, key: ((u8, i32, i32), &str)) -> usize {
        let (mut lo, mut hi) = (range.start, range.end);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if (self.key(mid), &*self.ids[mid]) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    fn key(&self, i: usize) -> (u8, i32, i32) {
        if i >= self.local_end {
            (1, 0, 0)
        } else {
            (0, self.cells[i].0, self.cells[i].1)
        }
    }

    fn assemble(mut entries: Vec<Entry>) -> Self {
        entries.sort_by(|a, b| a.key.cmp(&b.key).then_with(|| a.id.cmp(&b.id)));
        let mut b = Builder::new(entries.len());
        for e in entries {
            b.push_new(e);
        }
        b.finish()
    }

    /// Calls `f` with every row under the radius that passes the gate (`GateQuery`), in
    /// row order, with its squared gate distance (`Prepared::gate_d2`).
    #[inline]
    pub fn for_each_gated(&self, p: &Prepared, mut f: impl FnMut(usize, f32)) {
        self.for_each_gated_block(p, |rows, d2| {
            for (&row, &d) in rows.iter().zip(d2) {
                f(row as usize, d);
            }
        });
    }

    /// `for_each_gated` a block at a time: `f` gets up to 64 passing rows (ascending) and
    /// their squared gate distances. Per block of 64 rows, three tight loops: the test
    /// over the six columns (vectorised), a branch-free compaction that writes every row
    /// and advances only past the passes, then `f` on the passes while their columns are
    /// still in L1.
    #[inline]
    pub fn for_each_gated_block(&self, p: &Prepared, mut f: impl FnMut(&[u32], &[f32])) {
        const BLOCK: usize = 64;
        let q = p.gate_query();
        let g = &self.gates;
        let mut ok = [false; BLOCK];
        let mut d2 = [0f32; BLOCK];
        let mut pass = [0u32; BLOCK + 1];
        let mut pass_d2 = [0f32; BLOCK + 1];
        for range in self.candidate_ranges(p) {
            let mut start = range.start;
            while start < range.end {
                let end = (start + BLOCK).min(range.end);
                let cols = g.lat[start..end]
                    .iter()
                    .zip(&g.lon[start..end])
                    .zip(&g.slots[start..end])
                    .zip(&g.hours[start..end])
                    .zip(&g.end_day[start..end])
                    .zip(&g.meta[start..end]);
                for ((o, d), (((((la, lo), sl), h), e), m)) in
                    ok.iter_mut().zip(d2.iter_mut()).zip(cols)
                {
                    (*o, *d) = q.pass(*la, *lo, *sl, *h, *e, *m);
                }
                let mut n = 0;
                for (j, (o, d)) in ok[..end - start].iter().zip(&d2).enumerate() {
                    pass[n] = (start + j) as u32;
                    pass_d2[n] = *d;
                    n += *o as usize;
                }
                f(&pass[..n], &pass_d2[..n]);
                start = end;
            }
        }
    }

    /// Whether a row the gate let through (at squared gate distance `d2`) passes every
    /// hard constraint, with its planar distance in km when it has one: `None` when it is
    /// out. Only the two edges the gate cannot decide in f32 — the 1 % band at the radius
    /// and hours f32 cannot hold — the categories and the sessions remain; the rest is what the gate
    /// already tested, and for a task of several sessions a week, whether the person is
    /// free at as many of its moments.
    #[inline]
    pub fn admit(&self, p: &Prepared, row: usize, d2: f32) -> Option<Option<f32>> {
        let meta = self.gates.meta[row];
        let sessions = (meta >> 5) & 0x7;
        if sessions > 1 && p.slots != 0 && (self.gates.slots[row] & p.slots).count_ones() < sessions
        {
            return None;
        }
        let flags = (meta >> 16) as u8;
        let unsure = p.hours_limit.is_some() & (flags & HOURS_EXACT == 0);
        let near = p.origin.is_some() & (flags & REMOTE == 0);
        let d = d2.sqrt() * KM_PER_DEG;
        if unsure | (near & (d > p.gate_lo)) {
            return self.admit_exact(p, row);
        }
        if p.categories_filter
            .is_some_and(|c| self.fit[row].cats as Bits & c == 0)
        {
            return None;
        }
        Some(near.then_some(d))
    }

    /// `admit` for a row at an edge: the exact tests on f64 coordinates or the full row.
    #[cold]
    fn admit_exact(&self, p: &Prepared, row: usize) -> Option<Option<f32>> {
        let in_categories = || {
            p.categories_filter
                .is_none_or(|c| self.fit[row].cats as Bits & c != 0)
        };
        match p.gate(&self.gates.get(row)) {
            Gated::Out => None,
            Gated::In(km) => in_categories().then_some(km),
            Gated::Edge => {
                if !in_categories() {
                    return None;
                }
                let (lat, lon) = self.coords[row];
                match p.within_radius_at(lat, lon) {
                    (true, d) => Some(d.map(|d| d as f32)),
                    (false, _) => None,
                }
            }
            Gated::Unsure => {
                let r = &self.rows[row];
                let d = p.distance(r);
                p.allows(r, d).then(|| d.map(|d| d as f32))
            }
        }
    }

    /// The rows `for_each_gated` visits.
    pub fn gated_rows(&self, p: &Prepared) -> Vec<u32> {
        let mut out = Vec::new();
        self.for_each_gated(p, |r, _| out.push(r as u32));
        out
    }

    /// Rows whose id has hash `h` (normally one).
    pub fn rows_of_hash(&self, h: u64) -> impl Iterator<Item = usize> + '_ {
        let start = self.hash_index.partition_point(|x| x.0 < h);
        self.hash_index[start..]
            .iter()
            .take_while(move |x| x.0 == h)
            .map(|x| x.1 as usize)
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Row ranges that may hold tasks within the person's radius, plus the remote range.
    pub fn candidate_ranges(&self, p: &Prepared) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        match p.near() {
            None => out.push(0..self.local_end),
            Some((o, _)) => {
                let (lat_cells, lon_cells) = cells_covering(o, p.radius_km);
                let local = &self.cells[..self.local_end];
                for r in lat_cells {
                    let a = local.partition_point(|c| *c < (r, *lon_cells.start()));
                    let b = local.partition_point(|c| *c <= (r, *lon_cells.end()));
                    if a < b {
                        out.push(a..b);
                    }
                }
            }
        }
        if self.local_end < self.len() {
            out.push(self.local_end..self.len());
        }
        out
    }
}

/// Columns under construction, row by row in their final order.
struct Builder {
    ids: Vec<Arc<str>>,
    hashes: Vec<u64>,
    rows: Vec<Row>,
    gates: GateColumns,
    coords: Vec<(f64, f64)>,
    fit: Vec<Fit>,
    /// Row-major, six a row.
    offers: Vec<u8>,
    skills: Vec<Bits>,
    learn: Vec<Bits>,
    org: Vec<u32>,
    role: Vec<u32>,
    main_category: Vec<u16>,
    cells: Vec<(i32, i32)>,
    local_end: usize,
    organisations: Arc<Vec<String>>,
    roles: Arc<Vec<String>>,
    org_ix: Arc<HashMap<String, u32>>,
    role_ix: Arc<HashMap<String, u32>>,
}

impl Builder {
    fn new(n: usize) -> Self {
        Builder {
            ids: Vec::with_capacity(n),
            hashes: Vec::with_capacity(n),
            rows: Vec::with_capacity(n),
            gates: GateColumns::with_capacity(n),
            coords: Vec::with_capacity(n),
            fit: Vec::with_capacity(n),
            offers: Vec::with_capacity(6 * n),
            skills: Vec::with_capacity(n),
            learn: Vec::with_capacity(n),
            org: Vec::with_capacity(n),
            role: Vec::with_capacity(n),
            main_category: Vec::with_capacity(n),
            cells: Vec::with_capacity(n),
            local_end: 0,
            organisations: Arc::default(),
            roles: Arc::default(),
            org_ix: Arc::default(),
            role_ix: Arc::default(),
        }
    }

    /// Keeps `old`'s organisation and role numbering, so its rows copy over unchanged.
    fn continuing(old: &TaskColumns, n: usize) -> Self {
        Builder {
            organisations: old.organisations.clone(),
            roles: old.roles.clone(),
            org_ix: old.org_ix.clone(),
            role_ix: old.role_ix.clone(),
            ..Builder::new(n)
        }
    }

    /// Copies the rows `r` of `old` as they are, one slice per column.
    fn push_old_run(&mut self, old: &TaskColumns, r: Range<usize>) {
        let at = self.ids.len();
        let local = old.local_end.min(r.end).saturating_sub(r.start);
        if local > 0 {
            self.local_end = at + local;
        }
        self.ids.extend_from_slice(&old.ids[r.clone()]);
        self.hashes.extend_from_slice(&old.hashes[r.clone()]);
        self.rows.extend_from_slice(&old.rows[r.clone()]);
        self.gates.extend_from(&old.gates, r.clone());
        self.coords.extend_from_slice(&old.coords[r.clone()]);
        self.fit.extend_from_slice(&old.fit[r.clone()]);
        self.offers.extend_from_slice(
            &old.offers.as_slice().expect("standard layout")[r.start * 6..r.end * 6],
        );
        self.skills.extend_from_slice(&old.skills[r.clone()]);
        self.learn.extend_from_slice(&old.learn[r.clone()]);
        self.org.extend_from_slice(&old.org[r.clone()]);
        self.role.extend_from_slice(&old.role[r.clone()]);
        self.main_category
            .extend_from_slice(&old.main_category[r.clone()]);
        self.cells.extend_from_slice(&old.cells[r]);
    }

    fn push_new(&mut self, e: Entry) {
        let r = &e.row;
        if e.key.0 == 0 {
            self.local_end = self.ids.len() + 1;
        }
        self.offers.extend(
            r.offers
                .iter()
                .map(|x| (x.clamp(0.0, 1.0) * 255.0).round() as u8),
        );
        self.gates.push(Gate::of(r));
        self.fit.push(Fit::of(r));
        self.coords.push((r.lat, r.lon));
        self.skills.push(r.skills);
        self.learn.push(r.learn);
        let org = match self.org_ix.get(&e.org) {
            Some(&ix) => ix,
            None => {
                let ix = self.organisations.len() as u32;
                Arc::make_mut(&mut self.org_ix).insert(e.org.clone(), ix);
                Arc::make_mut(&mut self.organisations).push(e.org);
                ix
            }
        };
        self.org.push(org);
        let role = match e.role {
            Some(role) => match self.role_ix.get(&role) {
                Some(&ix) => ix,
                None => {
                    let ix = self.roles.len() as u32;
                    Arc::make_mut(&mut self.role_ix).insert(role.clone(), ix);
                    Arc::make_mut(&mut self.roles).push(role);
                    ix
                }
            },
            None => u32::MAX,
        };
        self.role.push(role);
        self.main_category.push(e.main_category);
        self.cells.push((e.key.1, e.key.2));
        self.hashes.push(crate::search::id_hash(&e.id));
        self.ids.push(e.id.into());
        self.rows.push(e.row);
    }

    fn finish(self) -> TaskColumns {
        let mut hash_index: Vec<(u64, u32)> = self
            .hashes
            .iter()
            .enumerate()
            .map(|(i, h)| (*h, i as u32))
            .collect();
        hash_index.sort_unstable();
        self.finish_with(hash_index)
    }

    /// `finish` with the (id hash, row) index already built, sorted.
    fn finish_with(self, hash_index: Vec<(u64, u32)>) -> TaskColumns {
        let n = self.ids.len();
        let offers = Array2::from_shape_vec((n, 6), self.offers).expect("n × 6 offers");
        TaskColumns {
            ids: self.ids,
            hashes: self.hashes,
            rows: self.rows,
            gates: self.gates,
            coords: self.coords,
            fit: self.fit,
            offers,
            skills: self.skills,
            learn: self.learn,
            org: self.org,
            role: self.role,
            main_category: self.main_category,
            cells: self.cells,
            local_end: self.local_end,
            organisations: self.organisations,
            roles: self.roles,
            org_ix: self.org_ix,
            role_ix: self.role_ix,
            hash_index,
            version: 0,
            doc_rows: Mutex::new(HashMap::new()),
        }
    }
}

impl SegmentRows for TaskColumns {
    /// Maps a segment's documents to rows through their id hash, once per segment (see
    /// `SegmentMap`): text relevance then costs one array read per hit.
    fn rows_for(&self, kind: Kind, seg: &SegmentReader) -> Result<Arc<[DocRow]>, SearchError> {
        let key = (kind, seg.segment_id());
        let deleted = seg.num_deleted_docs();
        let known = {
            let mut maps = self.doc_rows.lock().unwrap_or_else(|p| p.into_inner());
            match maps.get_mut(&key) {
                Some(m) if m.deleted == deleted => {
                    m.used = self.version;
                    return Ok(m.rows.clone());
                }
                // Deletions only grow: a map with fewer is brought up to date below; one
                // with more was made for a newer reader than this one.
                Some(m) if m.deleted < deleted => Some((m.hashes.clone(), m.rows.clone())),
                _ => None,
            }
        };
        let (hashes, rows): (Arc<[Option<u64>]>, Arc<[DocRow]>) = match known {
            Some((hashes, rows)) => {
                let alive = seg.alive_bitset();
                let hashes: Arc<[Option<u64>]> = hashes
                    .iter()
                    .enumerate()
                    .map(|(d, h)| h.filter(|_| alive.is_none_or(|a| a.is_alive(d as u32))))
                    .collect();
                let rows = hashes
                    .iter()
                    .zip(rows.iter())
                    .map(|(h, r)| match h {
                        None => NO_ROW,
                        Some(_) if r.row != u32::MAX => *r,
                        Some(h) => self.doc_row(*h),
                    })
                    .collect();
                (hashes, rows)
            }
            None => {
                let hashes: Arc<[Option<u64>]> = segment_id_hashes(seg, kind)?.into();
                let rows = hashes
                    .iter()
                    .map(|h| h.map_or(NO_ROW, |h| self.doc_row(h)))
                    .collect();
                (hashes, rows)
            }
        };
        let mut maps = self.doc_rows.lock().unwrap_or_else(|p| p.into_inner());
        if maps.get(&key).is_none_or(|m| m.deleted < deleted) {
            // Segments merged away leave maps behind until they go unused (`carry`); a
            // bound for a reader that walks many segments at once.
            if maps.len() > 256 {
                maps.clear();
            }
            maps.insert(
                key,
                SegmentMap {
                    deleted,
                    hashes,
                    rows: rows.clone(),
                    used: self.version,
                },
            );
        }
        Ok(rows)
    }
}
