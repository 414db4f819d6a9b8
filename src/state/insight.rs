//! The anonymous neighbourhood figures (`crate::insight`) on whichever store holds the
//! truth, and the offer they are set against, from the matcher's columns.
use std::collections::{BTreeMap, BTreeSet};

use super::{AppState, StateError};
use crate::geo::{distance_km, LatLon};
use crate::insight::{self, Need, NeedsReport, WijkNeeds};
use crate::persona::Persona;
use crate::taxonomy::Slot;

impl AppState {
    /// Adds a consenting scan to this month's counters; nothing about the person is kept.
    pub async fn count_for_insight(&self, p: &Persona) -> Result<(), StateError> {
        let Some(wijk) = insight::wijk_of(p, &self.places) else {
            return Ok(());
        };
        let month = insight::month_of(self.now());
        let dims = insight::dimensions(p);
        let mut keys: Vec<String> = dims
            .iter()
            .map(|d| insight::key(&month, &wijk, d))
            .collect();
        if self.best_score(p)?.is_none_or(|s| s < insight::UNMET_BELOW) {
            keys.extend(
                dims.iter()
                    .map(|d| insight::key(&month, &wijk, &format!("{}{d}", insight::UNMET))),
            );
        }
        match &self.pg {
            Some(pg) => pg.add_insight_counts(&keys).await?,
            None => self.store.add_insight_counts(&keys)?,
        }
        Ok(())
    }

    /// The score of the best task for this persona, as a match would give it.
    fn best_score(&self, p: &Persona) -> Result<Option<f64>, StateError> {
        let q = crate::ranking::Query {
            limit_tasks: 1,
            limit_trainings: 0,
            categories: None,
            words: None,
            words_are_search: false,
            lang: crate::taxonomy::Lang::Nl,
            explain: false,
            now: self.now(),
        };
        let out = self
            .matcher()
            .run(&self.snapshot(), &self.index, self, p.clone(), &q)
            .map_err(|e| StateError::Config(e.to_string()))?;
        Ok(out.tasks.first().map(|t| t.score))
    }

    /// The published (suppressed) figures of `month`: the table, its dimensions, the wijken.
    async fn published(
        &self,
        month: &str,
    ) -> Result<(insight::Published, Vec<String>, Vec<String>), StateError> {
        let prefix = format!("{month}|");
        let raw = match &self.pg {
            Some(pg) => pg.insight_counts(&prefix).await?,
            None => self.store.insight_counts(&prefix)?,
        };
        let mut counts: BTreeMap<(String, String), u64> = BTreeMap::new();
        let mut dims: BTreeSet<String> = BTreeSet::from(["residents".to_string()]);
        for (k, n) in &raw {
            if let Some((w, d)) = insight::parse_key(month, k) {
                counts.insert((w.to_string(), d.to_string()), *n);
                dims.insert(d.to_string());
            }
        }
        let wijken: Vec<String> = self.places.wijken.iter().map(|w| w.code.clone()).collect();
        let dims: Vec<String> = dims.into_iter().collect();
        let published = insight::suppress(&counts, &wijken, &dims, self.settings.insight_k);
        Ok((published, dims, wijken))
    }

    /// The reach of a task at `at` in `month` (`insight::reach`): from the published
    /// figures only.
    pub async fn reach_report(
        &self,
        month: &str,
        at: LatLon,
        draft: &insight::reach::Draft,
    ) -> Result<insight::reach::ReachReport, StateError> {
        let (published, _, _) = self.published(month).await?;
        let wijken: Vec<String> = self
            .places
            .wijken
            .iter()
            .filter(|w| distance_km(at, w.centre()) <= insight::REACH_KM)
            .map(|w| w.code.clone())
            .collect();
        Ok(insight::reach::reach(
            &published,
            &wijken,
            draft,
            month,
            self.settings.insight_k,
        ))
    }

    /// Needs against offer for `month` (a month that is over), every wijk, suppressed.
    pub async fn needs_report(&self, month: &str) -> Result<NeedsReport, StateError> {
        let (published, dims, _) = self.published(month).await?;
        let k = self.settings.insight_k;
        let offer = self.offer_per_wijk(&dims);
        let need = |w: Option<&str>, d: &String| Need {
            dimension: d.clone(),
            asking: match w {
                Some(w) => published.cells[&(w.to_string(), d.clone())],
                None => published.totals[d],
            },
            offer: w.and_then(|w| offer.get(&(w.to_string(), d.clone())).copied()),
        };
        Ok(NeedsReport {
            month: month.to_string(),
            k,
            reach_km: insight::REACH_KM,
            wijken: self
                .places
                .wijken
                .iter()
                .map(|w| WijkNeeds {
                    code: w.code.clone(),
                    name: w.name.clone(),
                    residents: published.cells[&(w.code.clone(), "residents".to_string())],
                    needs: dims
                        .iter()
                        .filter(|d| *d != "residents" && !d.starts_with(insight::UNMET))
                        .map(|d| need(Some(&w.code), d))
                        .collect(),
                    unmet: dims
                        .iter()
                        .filter(|d| d.starts_with(insight::UNMET))
                        .map(|d| need(Some(&w.code), d))
                        .collect(),
                })
                .collect(),
            city: dims.iter().map(|d| need(None, d)).collect(),
        })
    }

    /// Per (wijk, dimension): the tasks within reach of the wijk's centre that offer an
    /// interest, a moment or something to learn. One pass over the tasks: a cheap box
    /// test finds the wijken near each task, and only the bits of the dimensions asked
    /// about are visited.
    fn offer_per_wijk(&self, dims: &[String]) -> BTreeMap<(String, String), u64> {
        let snap = self.snapshot();
        let cols = &snap.tasks;
        let tax = &self.taxonomies;
        let wijken = &self.places.wijken;
        // The dimensions asked about, by bit: (bit, index into `dims`).
        let (mut cats, mut learn, mut slots) = (Vec::new(), Vec::new(), Vec::new());
        for (i, d) in dims.iter().enumerate() {
            if let Some(b) = d
                .strip_prefix("interest:")
                .and_then(|id| tax.categories.position(id))
            {
                cats.push((b, i));
            } else if let Some(b) = d
                .strip_prefix("learn:")
                .and_then(|id| tax.skills.position(id))
            {
                learn.push((b, i));
            } else if let Some(s) = d.strip_prefix("slot:").and_then(Slot::parse) {
                slots.push((s.bit(), i));
            }
        }
        let mut counts = vec![vec![0u64; dims.len()]; wijken.len()];
        let dlat = insight::REACH_KM / 111.0;
        let dlon = insight::REACH_KM / (111.0 * 52.0f64.to_radians().cos()) * 1.05;
        for r in &cols.rows {
            if r.remote {
                continue;
            }
            let at = LatLon {
                lat: r.lat,
                lon: r.lon,
            };
            for (wi, w) in wijken.iter().enumerate() {
                if (r.lat - w.lat).abs() > dlat
                    || (r.lon - w.lon).abs() > dlon
                    || distance_km(at, w.centre()) > insight::REACH_KM
                {
                    continue;
                }
                let c = &mut counts[wi];
                for &(b, i) in &cats {
                    c[i] += (r.cats >> b & 1) as u64;
                }
                for &(b, i) in &learn {
                    c[i] += (r.learn >> b & 1) as u64;
                }
                let any = r.any_moment || r.slots == 0;
                for &(bit, i) in &slots {
                    c[i] += (any || r.slots & bit != 0) as u64;
                }
            }
        }
        let mut out = BTreeMap::new();
        for (wi, w) in wijken.iter().enumerate() {
            for &(_, i) in cats.iter().chain(&learn) {
                out.insert((w.code.clone(), dims[i].clone()), counts[wi][i]);
            }
            for &(_, i) in &slots {
                out.insert((w.code.clone(), dims[i].clone()), counts[wi][i]);
            }
        }
        out
    }
}
