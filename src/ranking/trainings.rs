//! The trainings as the matcher reads them: next to the records, one compact row per
//! training with what the filter and the score need. Ranking a thousand trainings per
//! match then reads 80 bytes of each instead of chasing every record's sessions,
//! schedule and strings; only the few shown are read in full.
use std::ops::Deref;

use crate::catalog::model::Training;
use crate::taxonomy::Taxonomies;

#[derive(Debug, Clone, Copy)]
pub struct Hot {
    /// Available while `now <= until` (`i64::MAX`: no sessions or a weekly schedule).
    pub until: i64,
    /// Where it is given; NaN when online or without a place.
    pub lat: f64,
    pub lon: f64,
    pub cost_eur: f64,
    pub id_hash: u64,
    /// Its session starts, ascending, in `Trainings::starts`.
    starts: (u32, u32),
    /// Slot bits of the weekly schedule and of the sessions.
    pub slots: u32,
    pub language_rank: u8,
    /// The permits it asks (`Taxonomies::training_permit_bits`): looked up once here, not
    /// in a thousand hash-map lookups per match.
    pub permits: u8,
    pub online: bool,
    pub certificate: bool,
    pub has_schedule: bool,
}

/// The trainings of one catalog version, in their store order.
#[derive(Debug, Clone, Default)]
pub struct Trainings {
    list: Vec<Training>,
    hot: Vec<Hot>,
    starts: Vec<i64>,
}

impl Trainings {
    pub fn new(list: Vec<Training>, tax: &Taxonomies) -> Self {
        let mut hot = Vec::with_capacity(list.len());
        let mut starts = Vec::new();
        for t in &list {
            let parsed = t.sessions_parsed();
            let from = starts.len() as u32;
            let mut mine = parsed.starts.clone();
            mine.sort_unstable();
            starts.extend(mine);
            let schedule_slots = t
                .schedule
                .as_ref()
                .map(|s| s.slots.iter().fold(0, |m, s| m | s.bit()))
                .unwrap_or(0);
            let (lat, lon) = match &t.location {
                Some(l) if !t.online => (l.lat, l.lon),
                _ => (f64::NAN, f64::NAN),
            };
            hot.push(Hot {
                until: if t.sessions.is_empty() || schedule_slots != 0 {
                    i64::MAX
                } else {
                    parsed.ends.iter().copied().max().unwrap_or(i64::MIN)
                },
                lat,
                lon,
                cost_eur: t.cost_eur,
                id_hash: crate::search::id_hash(&t.id),
                starts: (from, starts.len() as u32),
                slots: schedule_slots | parsed.slots,
                language_rank: t.language_level.rank().min(255) as u8,
                permits: tax.training_permit_bits(&t.topics, &t.skills),
                online: t.online,
                certificate: t.certificate,
                has_schedule: t.schedule.is_some(),
            });
        }
        Trainings { list, hot, starts }
    }

    pub fn list(&self) -> &[Training] {
        &self.list
    }

    pub fn hot(&self) -> &[Hot] {
        &self.hot
    }

    /// The first session start at or after `now` (Unix seconds) of a training.
    pub fn next_start(&self, h: &Hot, now: i64) -> Option<i64> {
        let mine = &self.starts[h.starts.0 as usize..h.starts.1 as usize];
        mine.get(mine.partition_point(|&s| s < now)).copied()
    }
}

impl Deref for Trainings {
    type Target = [Training];
    fn deref(&self) -> &[Training] {
        &self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compact rows answer "available?" and "next session?" as the records do, at
    /// times before, between and after the sessions, with and without a weekly schedule,
    /// for records parsed on load and records that were not.
    #[test]
    fn hot_rows_agree_with_the_records() {
        let mut raw: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../data/sample/trainings.json")).unwrap();
        let variants: Vec<serde_json::Value> = raw
            .iter()
            .filter(|t| t["sessions"].as_array().is_some_and(|s| !s.is_empty()))
            .map(|t| {
                let mut t = t.clone();
                t["schedule"] = serde_json::Value::Null;
                t["id"] = format!("{}-no-schedule", t["id"].as_str().unwrap()).into();
                t
            })
            .collect();
        raw.extend(variants);
        let records: Vec<Training> = raw
            .into_iter()
            .map(|v| serde_json::from_value::<Training>(v).unwrap())
            .collect();
        let parsed: Vec<Training> = records.iter().cloned().map(Training::with_parsed).collect();
        for list in [records, parsed] {
            let all = Trainings::new(list, &Taxonomies::embedded().unwrap());
            for now in [
                "2026-01-01T00:00:00Z",
                "2027-01-14T13:00:00+01:00",
                "2027-01-18T09:00:00Z",
                "2027-06-01T00:00:00Z",
                "2030-01-01T00:00:00Z",
            ] {
                let now = time::OffsetDateTime::parse(
                    now,
                    &time::format_description::well_known::Rfc3339,
                )
                .unwrap();
                let n = now.unix_timestamp();
                for (h, t) in all.hot().iter().zip(all.list()) {
                    assert_eq!(h.until >= n, t.is_available(now), "{} at {now}", t.id);
                    assert_eq!(
                        all.next_start(h, n),
                        t.next_session_at(now).map(|s| s.1),
                        "{} at {now}",
                        t.id
                    );
                }
            }
        }
    }
}
