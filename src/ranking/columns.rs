//! The matcher's memory-resident attribute columns, ordered by geo cell.
//!
//! A radius query touches only the rows of the cells under the radius' bounding box (one
//! contiguous range per cell row, found by binary search); remote tasks sit in their own
//! range at the end. Interests and motives are ndarray matrices so the first phase scores
//! a whole range with one matrix-vector product each.
use std::collections::HashMap;
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
}

impl TaskColumns {
    pub fn build(mut tasks: Vec<Task>, tax: &Taxonomies) -> Self {
        let key = |t: &Task| -> (u8, i32, i32) {
            match &t.location {
                Some(l) if !t.remote => {
                    let c = cell_of(LatLon {
                        lat: l.lat,
                        lon: l.lon,
                    });
                    (0, c.0, c.1)
                }
                _ => (1, 0, 0),
            }
        };
        tasks.sort_by(|a, b| key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id)));
        let n = tasks.len();
        let nc = tax.categories.len();
        let mut cats = Array2::<f64>::zeros((n, nc));
        let mut offers = Array2::<f64>::zeros((n, 6));
        let mut org_ix: HashMap<String, u32> = HashMap::new();
        let mut role_ix: HashMap<String, u32> = HashMap::new();
        let mut organisations = Vec::new();
        let (mut ids, mut rows, mut org, mut role, mut main_category, mut cells) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        let mut local_end = 0;
        for (i, t) in tasks.iter().enumerate() {
            let r = Row::from_task(t, tax);
            for c in &t.categories {
                if let Some(j) = tax.categories.position(c) {
                    cats[[i, j]] = 1.0;
                }
            }
            for (j, o) in r.offers.iter().enumerate() {
                offers[[i, j]] = *o;
            }
            let next = org_ix.len() as u32;
            let o = *org_ix.entry(t.organisation_id.clone()).or_insert_with(|| {
                organisations.push(t.organisation_id.clone());
                next
            });
            org.push(o);
            let rnext = role_ix.len() as u32;
            role.push(match &t.role_id {
                Some(r) => *role_ix.entry(r.clone()).or_insert(rnext),
                None => u32::MAX,
            });
            main_category.push(
                t.categories
                    .first()
                    .and_then(|c| tax.categories.position(c))
                    .unwrap_or(0) as u16,
            );
            let k = key(t);
            if k.0 == 0 {
                local_end = i + 1;
            }
            cells.push((k.1, k.2));
            ids.push(t.id.clone());
            rows.push(r);
        }
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
        }
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
