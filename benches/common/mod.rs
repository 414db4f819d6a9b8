//! What both benches share: the catalog under test, the 200 personas, and the two floors.
#![allow(dead_code)]
use std::sync::Arc;

use talentscan::catalog::model::Kind;
use talentscan::configuration::Settings;
use talentscan::persona::*;
use talentscan::ranking::columns::TaskColumns;
use talentscan::ranking::features::Prepared;
use talentscan::ranking::Query;
use talentscan::search::{Filters, SearchIndex};
use talentscan::state::AppState;
use talentscan::taxonomy::{Lang, Slot};

pub struct Lcg(pub u64);
impl Lcg {
    pub fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

pub fn personas(n: usize) -> Vec<Persona> {
    let mut r = Lcg(42);
    let words = [
        "koken",
        "tuin",
        "taal",
        "fietsen repareren",
        "ouderen",
        "kinderen voorlezen",
    ];
    let cats = [
        "buurt",
        "eten-koken",
        "natuur-groen",
        "ouderen",
        "jeugd",
        "taal-leren",
        "klussen-techniek",
        "zorg-welzijn",
    ];
    (0..n)
        .map(|i| {
            let mut p = Persona::default();
            let lat = 52.045 + (r.next() - 0.5) * 0.06;
            let lon = 4.275 + (r.next() - 0.5) * 0.09;
            p.travel.origin = Some(Origin::At {
                point: talentscan::geo::LatLon { lat, lon },
                postcode: None,
                wijk: None,
            });
            p.travel.radius_km = Some(RadiusKm::try_from(1.0 + r.next() * 9.0).unwrap());
            p.travel.mode = TravelMode::ALL[(r.next() * 4.0) as usize % 4];
            let n_slots = 1 + (r.next() * 8.0) as usize;
            let mut slots: Vec<Slot> = (0..n_slots)
                .filter_map(|_| Slot::all().nth((r.next() * 21.0) as usize % 21))
                .collect();
            slots.sort();
            slots.dedup();
            p.availability.slots = slots;
            p.availability.hours_per_week =
                Some(HoursPerWeek::try_from(1.0 + r.next() * 7.0).unwrap());
            p.interests.insert(
                cats[(r.next() * 8.0) as usize % 8].to_string(),
                Unit::try_from(1.0).unwrap(),
            );
            p.interests.insert(
                cats[(r.next() * 8.0) as usize % 8].to_string(),
                Unit::try_from(0.6).unwrap(),
            );
            p.motivations = Motivations::from_array([
                r.next(),
                r.next(),
                r.next(),
                r.next(),
                r.next(),
                r.next(),
            ]);
            p.work_goal = WorkGoal::ALL[(r.next() * 5.0) as usize % 5];
            p.needs.allowance = r.next() < 0.3;
            p.kkwz = Kkwz::from_values([r.next() * 100.0, 50.0, 50.0, 50.0]);
            if i % 4 == 0 {
                p.words = Some(words[(r.next() * 6.0) as usize % 6].to_string());
            }
            p
        })
        .collect()
}

pub fn state() -> (Arc<AppState>, Option<tempfile::TempDir>) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    match std::env::var("TALENTSCAN_BENCH_DIR") {
        Ok(dir) => {
            let mut s = Settings::for_dir(dir.into());
            s.no_sample = true;
            (rt.block_on(AppState::open(s)).unwrap(), None)
        }
        Err(_) => {
            let d = tempfile::tempdir().unwrap();
            (
                rt.block_on(AppState::open(Settings::for_dir(d.path().into())))
                    .unwrap(),
                Some(d),
            )
        }
    }
}

pub fn query(words: Option<String>) -> Query {
    Query {
        limit_tasks: 10,
        limit_trainings: 5,
        categories: None,
        words,
        words_are_search: false,
        lang: Lang::Nl,
        explain: false,
        now: time::OffsetDateTime::now_utc(),
    }
}

/// The cheapest answer at all: the same hard filters over the in-memory columns in
/// geo-cell order, scored by distance alone, top-10.
pub fn floor_scan(cols: &TaskColumns, p: &Prepared) -> Vec<(f32, usize)> {
    let mut best: Vec<(f32, usize)> = Vec::with_capacity(64);
    cols.for_each_gated(p, |row, d2| {
        let Some(d) = cols.admit(p, row, d2) else {
            return;
        };
        best.push((d.unwrap_or(0.0), row));
    });
    let k = best.len().min(10);
    if k > 0 {
        best.select_nth_unstable_by(k - 1, |a, b| a.0.total_cmp(&b.0));
    }
    best.truncate(k);
    best
}

/// The cheapest tantivy answer: a bare top-10 query with the radius as a box on the
/// lat/lon fast fields (fewer filters than ours, so a lower floor) and no custom scoring.
pub fn floor_tantivy(index: &SearchIndex, p: &Prepared) -> usize {
    let f = Filters {
        near: p.near(),
        ..Default::default()
    };
    index
        .search(Kind::Tasks, &f, 10)
        .map(|r| r.0.len())
        .unwrap_or(0)
}
