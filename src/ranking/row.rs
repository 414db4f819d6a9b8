//! One task as the matcher reads it: the row of attributes (`Row`, in f64, for exact
//! checks and the second phase) and its packed forms with their bit layouts — the gate
//! the hard filters scan (`Gate`, `GateQuery`), the quantised first-phase values (`Fit`)
//! and the rest of a row the first phase reads last (`RowTail`). Everything else in
//! `ranking` builds on these; this file imports nothing from its siblings.
use crate::catalog::model::{AllowanceKind, Task, SUITABLE_FOR};
use crate::geo::LatLon;
use crate::persona::Frequency;
use crate::taxonomy::{Taxonomies, MOTIVES};

/// Bit sets over a taxonomy (≤ 128 ids, checked at start-up).
pub type Bits = u128;

pub fn bits<'a>(
    ids: impl IntoIterator<Item = &'a String>,
    pos: impl Fn(&str) -> Option<usize>,
) -> Bits {
    ids.into_iter()
        .filter_map(|s| pos(s))
        .filter(|&i| i < 128)
        .fold(0, |m, i| m | (1u128 << i))
}

/// Accessibility tags a task can carry that a person may need.
pub const TAGS: &[&str] = SUITABLE_FOR.split_at(5).0;

fn tag_bits(suitable: &[String]) -> u8 {
    suitable
        .iter()
        .filter_map(|s| TAGS.iter().position(|t| t == s))
        .fold(0, |m, i| m | (1 << i))
}

/// Days since 1970-01-01; `i32::MAX` for "no end".
pub fn day_number(date: Option<time::Date>) -> i32 {
    date.map_or(i32::MAX, |d| d.to_julian_day() - 2_440_588)
}

/// The attributes of one task that filtering and first-phase scoring read.
#[derive(Debug, Clone)]
pub struct Row {
    pub lat: f64,
    pub lon: f64,
    pub remote: bool,
    pub slots: u32,
    pub any_moment: bool,
    pub load: u8,
    pub lang: u8,
    pub hours: f64,
    pub per_month: f64,
    pub min_months: u32,
    pub end_day: i32,
    pub cats: Bits,
    pub skills: Bits,
    pub learn: Bits,
    /// Offers as a distribution over the six VFI functions (sums to 1, or all 0).
    pub offers: [f64; 6],
    pub support: f64,
    pub first_step_tag: bool,
    pub tags: u8,
    pub allowance: f64,
    pub certificate: bool,
    pub work_experience: bool,
    pub n_skills: u32,
    /// The permits the task requires (`Taxonomies::permit_bits`).
    pub permits: u8,
    /// The lowest age band (`AgeBand::rank`) that can meet the task's minimum age.
    pub min_band: u8,
    /// How many of its listed moments a person must be free at (`sessions_a_week`).
    pub sessions: u8,
}

/// How many of a task's moments one person must be free at: a weekly task with fixed
/// moments that asks more hours a week than one session holds needs that many sessions
/// (three 4-hour mornings for 12 hours a week: all three); otherwise one.
pub fn sessions_a_week(t: &Task) -> u8 {
    let s = &t.schedule;
    match s.hours_per_session {
        Some(h) if h > 0.0 && !s.any_moment() && s.frequency == Frequency::Weekly => {
            let n = (s.hours_per_week / h - 1e-6).ceil().max(1.0) as usize;
            n.min(s.slots.len()).clamp(1, 7) as u8
        }
        _ => 1,
    }
}

/// The first age band (by `AgeBand::rank`) whose oldest member reaches `min_age`: a
/// person in a lower band is surely too young. Bands: under 18, 18–20, 21–26, 27–66, 67+.
pub fn min_age_band(min_age: Option<u8>) -> u8 {
    match min_age {
        None | Some(0..=17) => 0,
        Some(18..=20) => 1,
        Some(21..=26) => 2,
        Some(27..=66) => 3,
        Some(_) => 4,
    }
}

/// A person whose age band is unknown passes every minimum age.
pub const AGE_UNKNOWN: u8 = 7;

impl Row {
    pub fn from_task(t: &Task, tax: &Taxonomies) -> Row {
        let (lat, lon) = t
            .location
            .as_ref()
            .map(|l| (l.lat, l.lon))
            .unwrap_or((f64::NAN, f64::NAN));
        let mut offers = [0.0; 6];
        for o in &t.offers {
            if let Some(i) = MOTIVES.iter().position(|m| m == o) {
                offers[i] = 1.0;
            }
        }
        let n: f64 = offers.iter().sum();
        if n > 0.0 {
            offers.iter_mut().for_each(|x| *x /= n);
        }
        Row {
            lat,
            lon,
            remote: t.remote || t.location.is_none(),
            slots: t.schedule.slots.iter().fold(0, |m, s| m | s.bit()),
            any_moment: t.schedule.any_moment(),
            load: t.physical_load.rank() as u8,
            lang: t.language_level.rank() as u8,
            hours: t.schedule.hours_per_week,
            per_month: t.schedule.frequency.per_month(),
            min_months: t.schedule.min_months,
            end_day: day_number(t.schedule.end),
            cats: bits(&t.categories, |s| tax.categories.position(s)),
            skills: bits(&t.skills, |s| tax.skills.position(s)),
            learn: bits(&t.learn_skills, |s| tax.skills.position(s)),
            offers,
            support: t.onboarding.support(),
            first_step_tag: t.suitable_for.iter().any(|s| s == "first_step"),
            tags: tag_bits(&t.suitable_for),
            allowance: match t.allowance.kind {
                AllowanceKind::VolunteerAllowance => 1.0,
                AllowanceKind::Expenses => 0.5,
                AllowanceKind::None => 0.0,
            },
            certificate: t.certificate,
            work_experience: !t.work_experience.is_empty(),
            n_skills: t.skills.len() as u32,
            permits: tax.permit_bits(tax.task_permit_ids(
                &t.requirements.skills,
                &t.skills,
                &t.required_trainings,
            )),
            min_band: min_age_band(t.requirements.min_age),
            sessions: sessions_a_week(t),
        }
    }

    pub fn point(&self) -> Option<LatLon> {
        (!self.remote).then_some(LatLon {
            lat: self.lat,
            lon: self.lon,
        })
    }
}

/// The largest f32 not above `x` (x ≥ 0), so a comparison in f32 never admits more than
/// the exact one.
pub fn f32_down(x: f64) -> f32 {
    let f = x as f32;
    if f as f64 > x && f > 0.0 {
        f32::from_bits(f.to_bits() - 1)
    } else {
        f
    }
}

/// Kilometres per degree of latitude on the mean earth radius (as `Prepared::distance`).
pub const KM_PER_DEG: f32 = 111.19508;

/// What the hard filters read of one task, packed into 24 bytes so a radius query over
/// tens of thousands of rows stays in cache. Exact for every filter except two edges it
/// reports as unsure (`Prepared::gate`): the haversine band at the radius and hours that
/// f32 cannot hold exactly; then the full `Row` decides.
#[derive(Debug, Clone, Copy)]
pub struct Gate {
    /// NaN for remote tasks.
    pub lat: f32,
    pub lon: f32,
    /// The task's slot bits; `ANY_MOMENT` when it can be done at any moment.
    pub slots: u32,
    /// Hours per week rounded down to f32, so `hours > limit` here implies it exactly.
    pub hours: f32,
    pub end_day: i32,
    /// Physical load and Dutch level ranks (0–3).
    pub load: u8,
    pub lang: u8,
    /// The accessibility tags (bits 0–4, `features::TAGS`), `REMOTE`, `HOURS_EXACT`.
    pub flags: u8,
    /// Required permits (4 bits) and the lowest age band that can meet the minimum age
    /// (3 bits): in `meta` beside the load and the language rank.
    pub permits: u8,
    pub min_band: u8,
    /// How many of its moments a person must be free at (1–7): a weekly task of three
    /// 4-hour mornings for 12 hours a week needs all three.
    pub sessions: u8,
}

pub const ANY_MOMENT: u32 = 1 << 31;
pub const WHEELCHAIR_OK: u8 = 1;
pub const TAG_BITS: u8 = 0b1_1111;
pub const REMOTE: u8 = 1 << 5;
pub const HOURS_EXACT: u8 = 1 << 6;

impl Gate {
    pub(super) fn of(r: &Row) -> Gate {
        let hours = f32_down(r.hours);
        Gate {
            lat: if r.remote { f32::NAN } else { r.lat as f32 },
            lon: if r.remote { f32::NAN } else { r.lon as f32 },
            slots: r.slots | if r.any_moment { ANY_MOMENT } else { 0 },
            hours,
            end_day: r.end_day,
            load: r.load,
            lang: r.lang,
            permits: r.permits & 0xf,
            min_band: r.min_band & 0x7,
            sessions: r.sessions.clamp(1, 7),
            flags: (r.tags & TAG_BITS)
                | if r.remote { REMOTE } else { 0 }
                | if hours as f64 == r.hours {
                    HOURS_EXACT
                } else {
                    0
                },
        }
    }
}

/// A bit set in every `meta`, so "no requirement" is a mask that always matches.
pub const META_ALWAYS: u32 = 1 << 31;

/// The gate's test for one person with every branch turned into a constant mask.
#[derive(Debug, Clone, Copy)]
pub struct GateQuery {
    pub today: i32,
    pub max_load: u32,
    pub max_lang: u32,
    /// The permits the person lacks, at their place in `meta`: a row needing one fails.
    pub missing_permits: u32,
    /// The person's age band rank (`AGE_UNKNOWN` when not given).
    pub age_rank: u32,
    /// The person's slots with `ANY_MOMENT`; `no_slots` when they gave none.
    pub slots: u32,
    pub no_slots: bool,
    /// The largest f32 not above the hours limit (∞ without one).
    pub hours_cap: f32,
    /// `meta` bits of which one must be set: wheelchair access or remote; else `META_ALWAYS`.
    pub wheel_mask: u32,
    pub origin: (f32, f32),
    pub cos: f32,
    /// Squared radius in degrees with the margin of `Prepared::gate` (∞ without origin).
    pub hi2: f32,
}

impl GateQuery {
    /// Whether a row passes, and its squared distance in degrees (as `Prepared::gate_d2`).
    #[inline(always)]
    pub(super) fn pass(
        &self,
        lat: f32,
        lon: f32,
        slots: u32,
        hours: f32,
        end_day: i32,
        meta: u32,
    ) -> (bool, f32) {
        let remote = meta & (REMOTE as u32) << 16 != 0;
        let dy = lat - self.origin.0;
        let dx = (lon - self.origin.1) * self.cos;
        let d2 = dx * dx + dy * dy;
        let ok = (end_day >= self.today)
            & (meta & 0x3 <= self.max_load)
            & ((meta >> 8) & 0xf <= self.max_lang)
            & ((meta >> 2) & 0x7 <= self.age_rank)
            & (meta & self.missing_permits == 0)
            // At least one common moment; a task of several sessions a week needs as many,
            // which `admit` checks for the few such rows (a popcount here would cost every
            // row of the vectorised loop).
            & ((slots & self.slots != 0) | self.no_slots)
            & (hours <= self.hours_cap)
            & (meta & self.wheel_mask != 0)
            & (remote | (d2 <= self.hi2));
        (ok, d2)
    }
}

/// What the first-phase score reads of a task besides its gate and offers, in 16 bytes:
/// scoring thousands of rows per request is bound by memory traffic, so the values are
/// quantised (the second phase recomputes the exact score from the full `Row`).
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct Fit {
    /// Category bits (the matcher allows at most 64 categories).
    pub cats: u64,
    /// 1 / the times a month the task asks (∞ for none): the first phase multiplies.
    pub inv_per_month: f32,
    /// Onboarding support for a first step, × 255.
    pub first_step: u8,
    /// 0 none, 1 expenses, 2 volunteer allowance (the feature value × 2).
    pub allowance: u8,
    /// `FIT_CERTIFICATE`, `FIT_WORK`, `FIT_LONG`.
    pub flags: u8,
    pub n_skills: u8,
}

pub const FIT_CERTIFICATE: u8 = 1;
pub const FIT_WORK: u8 = 2;
/// The task asks more than three months.
pub const FIT_LONG: u8 = 4;

impl Fit {
    pub(super) fn of(r: &Row) -> Fit {
        let fs = if r.first_step_tag {
            r.support.max(2.0 / 3.0)
        } else {
            r.support
        };
        Fit {
            cats: r.cats as u64,
            inv_per_month: 1.0 / r.per_month as f32,
            first_step: (fs.clamp(0.0, 1.0) * 255.0).round() as u8,
            allowance: (r.allowance * 2.0).round().clamp(0.0, 2.0) as u8,
            flags: if r.certificate { FIT_CERTIFICATE } else { 0 }
                | if r.work_experience { FIT_WORK } else { 0 }
                | if r.min_months > 3 { FIT_LONG } else { 0 },
            n_skills: r.n_skills.min(255) as u8,
        }
    }
}

/// What the first phase reads of a row after its head score: the offers, skills and
/// learning, only for the rows that can still reach the running threshold.
#[derive(Debug, Clone, Copy)]
pub struct RowTail<'a> {
    pub offers: &'a [u8],
    pub n_skills: u8,
    pub skills: Bits,
    pub learn: Bits,
}
