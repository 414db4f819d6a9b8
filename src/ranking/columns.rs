//! The matcher's memory-resident attribute columns, ordered by geo cell.
//!
//! A radius query touches only the rows of the cells under the radius' bounding box (one
//! contiguous range per cell row, found by binary search); remote tasks sit in their own
//! range at the end. The first phase reads the per-row bitmasks in `rows`; the ndarray
//! interest and motive matrices (`cats`, `offers`, `range_products`) are no longer on that
//! path and are due to become the struct-of-arrays columns (benches/RESULTS.md, plan).
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use ndarray::{s, Array1, Array2};

use super::features::{Prepared, Row};
use crate::catalog::model::Task;
use crate::geo::{cell_of, cells_covering, LatLon};
use crate::taxonomy::Taxonomies;

pub struct TaskColumns {
    pub ids: Vec<String>,
    pub rows: Vec<Row>,
    /// Index into `organisations` (for the diversity re-rank).
    pub org: Vec<u32>,
    /// Index into `roles`, `u32::MAX` for none.
    pub role: Vec<u32>,
    pub main_category: Vec<u16>,
    /// rows × categories, 0/1.
    pub cats: Array2<f64>,
    /// rows × 6 VFI functions, each row a distribution.
    pub offers: Array2<f64>,
    cells: Vec<(i32, i32)>,
    /// Rows `[local_end..]` are remote.
    local_end: usize,
    pub organisations: Vec<String>,
    pub roles: Vec<String>,
    /// (id hash, row), sorted: maps search hits to rows.
    hash_index: Vec<(u64, u32)>,
}

/// One task on its way into the columns.
struct Entry {
    key: (u8, i32, i32),
    id: String,
    row: Row,
    org: String,
    role: Option<String>,
    main_category: u16,
    cats: Vec<usize>,
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
        cats: t
            .categories
            .iter()
            .filter_map(|c| tax.categories.position(c))
            .collect(),
    }
}

impl TaskColumns {
    pub fn build(tasks: Vec<Task>, tax: &Taxonomies) -> Self {
        let entries = tasks.iter().map(|t| entry(t, tax)).collect();
        Self::assemble(entries, tax.categories.len())
    }

    /// A new set of columns with `upserts` replacing or adding rows and `deletes` removed.
    /// O(n log n) without touching the store: the matcher stays fresh under writes.
    pub fn apply(&self, upserts: &[Task], deletes: &HashSet<String>, tax: &Taxonomies) -> Self {
        let replaced: HashSet<&str> = upserts.iter().map(|t| t.id.as_str()).collect();
        let mut entries: Vec<Entry> = Vec::with_capacity(self.len() + upserts.len());
        for i in 0..self.len() {
            let id = &self.ids[i];
            if replaced.contains(id.as_str()) || deletes.contains(id) {
                continue;
            }
            let key = if i >= self.local_end {
                (1, 0, 0)
            } else {
                (0, self.cells[i].0, self.cells[i].1)
            };
            entries.push(Entry {
                key,
                id: id.clone(),
                row: self.rows[i].clone(),
                org: self.organisations[self.org[i] as usize].clone(),
                role: (self.role[i] != u32::MAX).then(|| self.roles[self.role[i] as usize].clone()),
                main_category: self.main_category[i],
                cats: (0..self.cats.ncols())
                    .filter(|&j| self.cats[[i, j]] > 0.0)
                    .collect(),
            });
        }
        entries.extend(
            upserts
                .iter()
                .filter(|t| !deletes.contains(&t.id))
                .map(|t| entry(t, tax)),
        );
        Self::assemble(entries, tax.categories.len())
    }

    fn assemble(mut entries: Vec<Entry>, n_categories: usize) -> Self {
        entries.sort_by(|a, b| a.key.cmp(&b.key).then_with(|| a.id.cmp(&b.id)));
        let n = entries.len();
        let mut cats = Array2::<f64>::zeros((n, n_categories));
        let mut offers = Array2::<f64>::zeros((n, 6));
        let mut org_ix: HashMap<String, u32> = HashMap::new();
        let mut role_ix: HashMap<String, u32> = HashMap::new();
        let (mut organisations, mut roles) = (Vec::new(), Vec::new());
        let mut ids = Vec::with_capacity(n);
        let mut rows = Vec::with_capacity(n);
        let mut org = Vec::with_capacity(n);
        let mut role = Vec::with_capacity(n);
        let mut main_category = Vec::with_capacity(n);
        let mut cells = Vec::with_capacity(n);
        let mut local_end = 0;
        for (i, e) in entries.into_iter().enumerate() {
            for &j in &e.cats {
                cats[[i, j]] = 1.0;
            }
            for (j, o) in e.row.offers.iter().enumerate() {
                offers[[i, j]] = *o;
            }
            let next = org_ix.len() as u32;
            org.push(*org_ix.entry(e.org.clone()).or_insert_with(|| {
                organisations.push(e.org.clone());
                next
            }));
            let rnext = role_ix.len() as u32;
            role.push(match e.role {
                Some(r) => *role_ix.entry(r.clone()).or_insert_with(|| {
                    roles.push(r);
                    rnext
                }),
                None => u32::MAX,
            });
            main_category.push(e.main_category);
            if e.key.0 == 0 {
                local_end = i + 1;
            }
            cells.push((e.key.1, e.key.2));
            ids.push(e.id);
            rows.push(e.row);
        }
        let mut hash_index: Vec<(u64, u32)> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (crate::search::id_hash(id), i as u32))
            .collect();
        hash_index.sort_unstable();
        TaskColumns {
            ids,
            rows,
            org,
            role,
            main_category,
            cats,
            offers,
            cells,
            local_end,
            organisations,
            roles,
            hash_index,
        }
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
        match p.origin {
            None => out.push(0..self.local_end),
            Some(o) => {
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

    /// Interest sums and motive fits for a contiguous range: one mat-vec product each.
    pub fn range_products(&self, range: Range<usize>, p: &Prepared) -> (Array1<f64>, Array1<f64>) {
        let interest = Array1::from(p.interest.clone());
        let motives = Array1::from(p.motives.to_vec());
        let i = self.cats.slice(s![range.clone(), ..]).dot(&interest);
        let m = self.offers.slice(s![range, ..]).dot(&motives);
        (i, m)
    }
}
