//! Insight for the city, the academy and the organisations: what residents ask for against
//! what is on offer, per wijk, from anonymous counts.
//!
//! **What is kept.** A scan whose resident said yes to the separate consent question
//! (`count_consent` in the questionnaire) adds one to a few counters: the month, the wijk
//! and one dimension each (`residents`, `interest:…`, `slot:…`, `learn:…`, `work_goal:…`,
//! `need:…`). Nothing else, and no record per person: a count cannot be taken back, which
//! is why it has its own consent.
//!
//! **What is shown.** Only months that are over (a live month would let anyone who looks
//! twice see what one new resident asked for), and only cells of at least `k` residents
//! (10 by default, configurable upward only). A suppressed cell is not recoverable by
//! subtraction: wherever a published total and its published parts would leave exactly
//! one suppressed part, or parts that could only all be `k − 1`, the next smallest part is
//! suppressed too (complementary suppression), and the total when no part is left.
use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

pub mod groups;
pub mod reach;

use crate::geo::Places;
use crate::persona::{Origin, Persona};

/// The smallest number of residents a published figure may be about.
pub const DEFAULT_K: u64 = 10;
/// The usual reach of a resident: tasks within this distance of the wijk's centre count
/// as on offer there.
pub const REACH_KM: f64 = 3.0;
/// An interest counts when the resident gave it at least this weight.
const INTEREST_FLOOR: f64 = 0.5;
/// A scan whose best task scores below this (or that has none) counts as unmet demand
/// too: its dimensions are counted again under `unmet:`.
pub const UNMET_BELOW: f64 = 0.5;
/// The prefix of the unmet-demand dimensions.
pub const UNMET: &str = "unmet:";

/// `YYYY-MM` of an instant.
pub fn month_of(t: time::OffsetDateTime) -> String {
    format!("{:04}-{:02}", t.year(), u8::from(t.month()))
}

/// The wijk (CBS code) a persona lives in, as far as its origin says.
pub fn wijk_of(p: &Persona, places: &Places) -> Option<String> {
    let code = |w: &crate::geo::Wijk| w.code.clone();
    match p.travel.origin.as_ref()? {
        Origin::Wijk(w) => places.wijk(w).map(code),
        Origin::Postcode(pc) => places.postcode(pc).map(|p| p.wijk_code.clone()),
        Origin::At {
            point,
            postcode,
            wijk,
        } => wijk
            .as_deref()
            .and_then(|w| places.wijk(w).map(code))
            .or_else(|| {
                postcode
                    .as_deref()
                    .and_then(|pc| places.postcode(pc).map(|p| p.wijk_code.clone()))
            })
            .or_else(|| {
                let w = places.nearest_wijk(*point)?;
                // Outside Den Haag: not in any wijk's figures.
                (crate::geo::distance_km(*point, w.centre()) <= 3.0).then(|| w.code.clone())
            }),
    }
}

/// The dimensions one counted scan adds one to.
pub fn dimensions(p: &Persona) -> Vec<String> {
    let mut out = vec!["residents".to_string()];
    for (id, w) in &p.interests {
        if w.get() >= INTEREST_FLOOR {
            out.push(format!("interest:{id}"));
        }
    }
    for s in &p.availability.slots {
        out.push(format!("slot:{}", s.id()));
    }
    for l in &p.learning_goals {
        out.push(format!("learn:{l}"));
    }
    out.push(format!("work_goal:{}", p.work_goal.as_str()));
    out.push(format!(
        "hours:{}",
        p.availability
            .hours_per_week
            .map_or("any", |h| hours_band(h.get()))
    ));
    out.push(format!(
        "dutch:{}",
        p.constraints.language_level.map_or("any", |l| l.as_str())
    ));
    let n = &p.needs;
    for (yes, name) in [
        (n.first_step, "first_step"),
        (n.allowance, "allowance"),
        (n.certificate, "certificate"),
        (p.constraints.wheelchair, "wheelchair"),
        (p.constraints.childcare, "childcare"),
    ] {
        if yes {
            out.push(format!("need:{name}"));
        }
    }
    out
}

/// Hours a week in bands, so that a figure never pins down a resident's exact hours.
pub const HOURS_BANDS: [(&str, f64); 4] = [("0-2", 0.0), ("2-4", 2.0), ("4-8", 4.0), ("8+", 8.0)];

pub fn hours_band(h: f64) -> &'static str {
    HOURS_BANDS
        .iter()
        .rev()
        .find(|(_, lo)| h >= *lo)
        .map_or("0-2", |(n, _)| n)
}

/// The store key of one counter.
pub fn key(month: &str, wijk: &str, dimension: &str) -> String {
    format!("{month}|{wijk}|{dimension}")
}

/// (wijk, dimension) of a key of `month`.
pub fn parse_key<'a>(month: &str, key: &'a str) -> Option<(&'a str, &'a str)> {
    let rest = key.strip_prefix(month)?.strip_prefix('|')?;
    rest.split_once('|')
}

/// A published table: one column per dimension, one row per wijk, and the city's total
/// per column; `None` where the figure is about fewer than `k` residents or could be
/// worked out from the others.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub cells: BTreeMap<(String, String), Option<u64>>,
    pub totals: BTreeMap<String, Option<u64>>,
}

/// Suppresses every cell under `k` and, per column, what would let it be recovered.
pub fn suppress(
    counts: &BTreeMap<(String, String), u64>,
    wijken: &[String],
    dimensions: &[String],
    k: u64,
) -> Published {
    let mut cells = BTreeMap::new();
    let mut totals = BTreeMap::new();
    for d in dimensions {
        let values: Vec<u64> = wijken
            .iter()
            .map(|w| counts.get(&(w.clone(), d.clone())).copied().unwrap_or(0))
            .collect();
        let total: u64 = values.iter().sum();
        let mut shown: Vec<bool> = values.iter().map(|v| *v >= k).collect();
        let mut total_shown = total >= k;
        loop {
            let hidden: Vec<usize> = (0..values.len()).filter(|i| !shown[*i]).collect();
            if !total_shown || hidden.is_empty() {
                break;
            }
            let rest: u64 = total
                - (0..values.len())
                    .filter(|i| shown[*i])
                    .map(|i| values[i])
                    .sum::<u64>();
            let m = hidden.len() as u64;
            // The parts left hidden add up to `rest`, each between 0 and k - 1: one part
            // alone, or parts that can only all be k - 1, would be known.
            let exposed = rest > 0 && (m == 1 || rest == m * (k - 1));
            if !exposed {
                break;
            }
            match (0..values.len())
                .filter(|i| shown[*i])
                .min_by_key(|i| (values[*i], *i))
            {
                Some(j) => shown[j] = false,
                None => total_shown = false,
            }
        }
        for (i, w) in wijken.iter().enumerate() {
            cells.insert((w.clone(), d.clone()), shown[i].then_some(values[i]));
        }
        totals.insert(d.clone(), total_shown.then_some(total));
    }
    Published { cells, totals }
}

/// One wijk's row of the needs table.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WijkNeeds {
    pub code: String,
    pub name: String,
    /// Counted residents; null: fewer than k (or not to be worked out from the others).
    pub residents: Option<u64>,
    pub needs: Vec<Need>,
    /// What the residents whose best task scored low (below 0.5) or who had none asked
    /// for: `residents`, then the same dimensions as `needs`.
    pub unmet: Vec<Need>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Need {
    /// `interest:…`, `slot:…`, `learn:…`, `work_goal:…` or `need:…`.
    pub dimension: String,
    /// Counted residents who ask for it; null: fewer than k.
    pub asking: Option<u64>,
    /// Tasks within reach of the wijk's centre that offer it (interests, moments,
    /// something to learn); absent where a task cannot offer it (a work goal, a need).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offer: Option<u64>,
}

/// Needs against offer for one month that is over.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NeedsReport {
    pub month: String,
    /// No figure is about fewer residents than this.
    pub k: u64,
    pub reach_km: f64,
    pub wijken: Vec<WijkNeeds>,
    /// The city's totals per dimension (null where suppressed); unmet demand as
    /// `unmet:…`.
    pub city: Vec<Need>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The attacker: every published figure, every relation between them (a column's
    /// parts add up to its total; no part exceeds its wijk's residents), and that a
    /// hidden figure lies between 0 and k - 1. Bounds are tightened until nothing moves.
    fn recovered(
        p: &Published,
        wijken: &[String],
        dims: &[String],
        k: u64,
    ) -> Vec<(String, String)> {
        let mut lo: BTreeMap<(String, String), u64> = BTreeMap::new();
        let mut hi: BTreeMap<(String, String), u64> = BTreeMap::new();
        for (c, v) in &p.cells {
            lo.insert(c.clone(), v.unwrap_or(0));
            hi.insert(c.clone(), v.unwrap_or(k - 1));
        }
        for _ in 0..50 {
            let mut moved = false;
            for d in dims {
                if let Some(Some(t)) = p.totals.get(d) {
                    for w in wijken {
                        let others_lo: u64 = wijken
                            .iter()
                            .filter(|x| *x != w)
                            .map(|x| lo[&(x.clone(), d.clone())])
                            .sum();
                        let others_hi: u64 = wijken
                            .iter()
                            .filter(|x| *x != w)
                            .map(|x| hi[&(x.clone(), d.clone())])
                            .sum();
                        let c = (w.clone(), d.clone());
                        let new_hi = t.saturating_sub(others_lo).min(hi[&c]);
                        let new_lo = t.saturating_sub(others_hi).max(lo[&c]);
                        if new_hi != hi[&c] || new_lo != lo[&c] {
                            hi.insert(c.clone(), new_hi);
                            lo.insert(c, new_lo);
                            moved = true;
                        }
                    }
                }
                for w in wijken {
                    let r = (w.clone(), "residents".to_string());
                    let c = (w.clone(), d.clone());
                    if let Some(rh) = hi.get(&r).copied() {
                        if hi[&c] > rh {
                            hi.insert(c, rh);
                            moved = true;
                        }
                    }
                }
            }
            if !moved {
                break;
            }
        }
        p.cells
            .iter()
            .filter(|(c, v)| v.is_none() && lo[*c] == hi[*c] && hi[*c] > 0)
            .map(|(c, _)| c.clone())
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// No suppressed figure can be worked out from the published ones.
        #[test]
        fn a_suppressed_cell_cannot_be_recovered(
            raw in prop::collection::vec(prop::collection::vec(0u64..25, 1..5), 2..8),
            k in 3u64..12,
        ) {
            let wijken: Vec<String> = (0..raw.len()).map(|i| format!("w{i}")).collect();
            let n_dims = raw.iter().map(|r| r.len()).max().unwrap_or(1);
            let mut dims = vec!["residents".to_string()];
            dims.extend((0..n_dims).map(|d| format!("interest:d{d}")));
            let mut counts = BTreeMap::new();
            for (w, row) in wijken.iter().zip(&raw) {
                let residents = row.iter().copied().max().unwrap_or(0) + row.len() as u64;
                counts.insert((w.clone(), "residents".to_string()), residents);
                for (d, v) in row.iter().enumerate() {
                    counts.insert((w.clone(), format!("interest:d{d}")), *v);
                }
            }
            let p = suppress(&counts, &wijken, &dims, k);
            for (c, v) in &p.cells {
                if let Some(v) = v {
                    prop_assert!(*v >= k, "{c:?} = {v} shown");
                }
            }
            let r = recovered(&p, &wijken, &dims, k);
            prop_assert!(r.is_empty(), "recovered {r:?} from {p:?}");
        }
    }

    #[test]
    fn a_total_with_one_hidden_part_hides_another() {
        let wijken: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        let dims = vec!["interest:x".to_string()];
        let counts: BTreeMap<(String, String), u64> = [("a", 20), ("b", 12), ("c", 3)]
            .iter()
            .map(|(w, n)| ((w.to_string(), dims[0].clone()), *n))
            .collect();
        let p = suppress(&counts, &wijken, &dims, 10);
        assert_eq!(p.totals[&dims[0]], Some(35));
        assert_eq!(p.cells[&("c".into(), dims[0].clone())], None);
        assert_eq!(p.cells[&("b".into(), dims[0].clone())], None, "b hides c");
        assert_eq!(p.cells[&("a".into(), dims[0].clone())], Some(20));
    }
}
