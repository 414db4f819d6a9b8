//! Features: what the matcher prepared about the person, the hard constraints on a row,
//! and the soft-fit features — one definition used by both the column path and the
//! straightforward reference scorer. The row itself is in `row`.
use crate::geo::{distance_km, LatLon};
use crate::persona::{AgeBand, Frequency, LanguageLevel, Load, Persona, WorkGoal};
use crate::taxonomy::{slot_mask, Taxonomies};

use super::config::Weights;
pub use super::feature::{Feature, FeatureValues, PerFeature};
pub use super::row::{
    bits, day_number, f32_down, min_age_band, sessions_a_week, Bits, Fit, Gate, GateQuery, Row,
    RowTail, AGE_UNKNOWN, ANY_MOMENT, FIT_CERTIFICATE, FIT_LONG, FIT_WORK, HOURS_EXACT, KM_PER_DEG,
    META_ALWAYS, REMOTE, TAGS, TAG_BITS, WHEELCHAIR_OK,
};

/// Everything about the person the matcher needs, computed once per request.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub origin: Option<LatLon>,
    /// ∞ when the person did not say how far they travel: distance then only ranks.
    pub radius_km: f64,
    pub scale_km: f64,
    /// 0 = any moment.
    pub slots: u32,
    pub hours_limit: Option<f64>,
    pub max_load: u8,
    pub max_lang: u8,
    pub per_month: Option<f64>,
    pub short_commitment: bool,
    /// Interest weight per category position.
    pub interest: Vec<f64>,
    pub interest_bits: Bits,
    pub skills: Bits,
    pub learning: Bits,
    pub motives: [f64; 6],
    pub first_step: bool,
    pub allowance: bool,
    pub certificate: bool,
    /// 0 when work experience must not count; else its factor.
    pub work_factor: f64,
    pub needed_tags: u8,
    pub wheelchair: bool,
    /// The permits the person said they have.
    pub permits: u8,
    /// `AgeBand::rank` of the person, `AGE_UNKNOWN` when not given.
    pub age_rank: u8,
    pub categories_filter: Option<Bits>,
    pub today: i32,
    pub remote_value: f64,
    /// cos(latitude of the origin), for the planar distance.
    pub cos_lat: f64,
    /// The radius test of the gate in f32: origin, cos(lat); rows nearer than `gate_lo` km
    /// are in, rows beyond `gate_hi2` (squared degrees) out, the band between is decided
    /// exactly (f32 rounding and the haversine edge).
    pub gate_origin: (f32, f32),
    pub gate_cos: f32,
    pub gate_lo: f32,
    pub gate_hi2: f32,
}

/// The gate's verdict on one task.
pub enum Gated {
    Out,
    /// Passes every hard filter; the planar distance in km when it has a place and the
    /// person gave one.
    In(Option<f32>),
    /// Passes every hard filter but lies at the radius' edge, which f32 cannot decide:
    /// ask `within_radius_at` with the f64 coordinates.
    Edge,
    /// Hours f32 cannot hold exactly: ask `allows` on the full row.
    Unsure,
}

impl Prepared {
    pub fn new(
        p: &Persona,
        tax: &Taxonomies,
        w: &Weights,
        today: i32,
        categories_filter: Option<&[String]>,
    ) -> Self {
        let mut interest = vec![0.0; tax.categories.len()];
        for (c, v) in &p.interests {
            if let Some(i) = tax.categories.position(c) {
                interest[i] = v.get();
            }
        }
        let mut needed_tags = 0u8;
        let mut tag = |t: &str| {
            if let Some(i) = TAGS.iter().position(|x| *x == t) {
                needed_tags |= 1 << i;
            }
        };
        if p.constraints.wheelchair {
            tag("wheelchair");
        }
        if p.constraints.language_level == Some(LanguageLevel::A2) {
            tag("low_dutch");
            tag("no_dutch_needed");
        }
        if p.situation.age_band == Some(AgeBand::Under18) {
            tag("school_internship");
        }
        if p.constraints.childcare {
            tag("with_children");
        }
        let per_month = p.availability.frequency.map(Frequency::per_month);
        Prepared {
            origin: p.travel.origin.as_ref().and_then(|o| o.point()),
            radius_km: p.travel.radius_km.map_or(f64::INFINITY, |r| r.get()),
            scale_km: w.scale(p.travel.mode),
            slots: slot_mask(
                &p.availability
                    .slots
                    .iter()
                    .map(|s| s.id())
                    .collect::<Vec<_>>(),
            ),
            hours_limit: p
                .availability
                .hours_per_week
                .map(|h| h.get() * (1.0 + w.hours_tolerance) + 1e-9),
            max_load: p.constraints.physical_load.unwrap_or(Load::High).rank() as u8,
            max_lang: p
                .constraints
                .language_level
                .unwrap_or(LanguageLevel::C1)
                .rank() as u8,
            per_month,
            short_commitment: matches!(
                p.availability.frequency,
                Some(Frequency::Once | Frequency::Occasional)
            ),
            interest_bits: bits(p.interests.keys(), |s| tax.categories.position(s)),
            interest,
            skills: bits(&p.skills, |s| tax.skills.position(s)),
            learning: bits(&p.learning_goals, |s| tax.skills.position(s)),
            motives: p.motivations.to_array(),
            first_step: p.needs_first_step(),
            allowance: p.needs.allowance,
            certificate: p.needs.certificate || p.wants_work_experience(),
            work_factor: match p.work_goal {
                WorkGoal::Searching => 1.0,
                WorkGoal::Preparing => w.preparing_factor,
                _ => 0.0,
            },
            needed_tags,
            wheelchair: p.constraints.wheelchair,
            permits: tax.permit_bits(&p.skills),
            age_rank: p.situation.age_band.map_or(AGE_UNKNOWN, |b| b.rank() as u8),
            categories_filter: categories_filter
                .filter(|c| !c.is_empty())
                .map(|c| bits(c, |s| tax.categories.position(s))),
            today,
            remote_value: w.remote_value,
            cos_lat: p
                .travel
                .origin
                .as_ref()
                .and_then(|o| o.point())
                .map(|o| o.lat.to_radians().cos())
                .unwrap_or(1.0),
            gate_origin: (0.0, 0.0),
            gate_cos: 1.0,
            gate_lo: f32::INFINITY,
            gate_hi2: f32::INFINITY,
        }
        .with_gate()
    }

    fn with_gate(mut self) -> Self {
        if let Some(o) = self.origin {
            self.gate_origin = (o.lat as f32, o.lon as f32);
            self.gate_cos = self.cos_lat as f32;
            if !self.radius_km.is_finite() {
                // No radius: every place is in, and its distance is still measured.
                return self;
            }
            // f32 coordinates are within 0.5 m; 2 m either side of the 1 % band is ample.
            let hi = (self.radius_km * 1.01 + 0.002) / KM_PER_DEG as f64;
            self.gate_lo = (self.radius_km * 0.99 - 0.002) as f32;
            self.gate_hi2 = (hi * hi) as f32;
        }
        self
    }

    /// The gate as constant masks for the branch-free scan (`TaskColumns::gated_rows`):
    /// it fails exactly the rows `gate` says are `Out`.
    pub fn gate_query(&self) -> GateQuery {
        // The largest f32 not above the limit: for an f32 `h`, `h <= cap` ⟺ `h <= limit`.
        let hours_cap = self.hours_limit.map_or(f32::INFINITY, f32_down);
        GateQuery {
            today: self.today,
            max_load: self.max_load as u32,
            max_lang: self.max_lang as u32,
            slots: self.slots | ANY_MOMENT,
            no_slots: self.slots == 0,
            hours_cap,
            missing_permits: ((!self.permits & 0xf) as u32) << 12,
            age_rank: self.age_rank as u32,
            wheel_mask: if self.wheelchair {
                ((WHEELCHAIR_OK | REMOTE) as u32) << 16
            } else {
                META_ALWAYS
            },
            origin: self.gate_origin,
            cos: self.gate_cos,
            hi2: self.gate_hi2,
        }
    }

    /// Squared planar distance of a gate's place from the origin, in degrees (NaN when
    /// remote); rows with `gate_d2 <= gate_hi2` (or NaN) are within reach.
    #[inline]
    pub fn gate_d2(&self, g: &Gate) -> f32 {
        self.gate_d2_at(g.lat, g.lon)
    }

    #[inline]
    pub fn gate_d2_at(&self, lat: f32, lon: f32) -> f32 {
        let dy = lat - self.gate_origin.0;
        let dx = (lon - self.gate_origin.1) * self.gate_cos;
        dx * dx + dy * dy
    }

    /// The hard constraints over a task's 24-byte gate; categories are left to the caller.
    /// Never `Out` or `In` where `allows` would say otherwise.
    #[inline]
    pub fn gate(&self, g: &Gate) -> Gated {
        if g.end_day < self.today
            || g.load > self.max_load
            || g.lang > self.max_lang
            || g.permits & !self.permits != 0
            || g.min_band > self.age_rank
        {
            return Gated::Out;
        }
        if self.slots != 0 && (g.slots & (self.slots | ANY_MOMENT)).count_ones() < g.sessions as u32
        {
            return Gated::Out;
        }
        let mut unsure = false;
        if let Some(h) = self.hours_limit {
            if g.hours as f64 > h {
                return Gated::Out;
            }
            unsure = g.flags & HOURS_EXACT == 0;
        }
        if g.flags & REMOTE != 0 || self.origin.is_none() {
            if self.wheelchair && g.flags & REMOTE == 0 && g.flags & WHEELCHAIR_OK == 0 {
                return Gated::Out;
            }
            return if unsure {
                Gated::Unsure
            } else {
                Gated::In(None)
            };
        }
        if self.wheelchair && g.flags & WHEELCHAIR_OK == 0 {
            return Gated::Out;
        }
        let d2 = self.gate_d2(g);
        if d2 > self.gate_hi2 {
            return Gated::Out;
        }
        let d = d2.sqrt() * KM_PER_DEG;
        if unsure {
            Gated::Unsure
        } else if d > self.gate_lo {
            Gated::Edge
        } else {
            Gated::In(Some(d))
        }
    }

    /// The hard constraints. A task that fails one is never shown, whatever its score.
    /// Cheap integer checks come first; the distance last.
    pub fn allows(&self, r: &Row, distance: Option<f64>) -> bool {
        self.allows_except_distance(r) && self.within_radius(r, distance)
    }

    #[inline]
    /// Origin and radius, when the person gave a place: the area a text query may score.
    pub fn near(&self) -> Option<(LatLon, f64)> {
        self.origin
            .filter(|_| self.radius_km.is_finite())
            .map(|o| (o, self.radius_km))
    }

    pub fn allows_except_distance(&self, r: &Row) -> bool {
        if r.end_day < self.today
            || r.load > self.max_load
            || r.lang > self.max_lang
            || r.permits & !self.permits != 0
            || r.min_band > self.age_rank
        {
            return false;
        }
        if self.slots != 0
            && !r.any_moment
            && (r.slots & self.slots).count_ones() < r.sessions as u32
        {
            return false;
        }
        if self.hours_limit.is_some_and(|h| r.hours > h) {
            return false;
        }
        if self.wheelchair && !r.remote && r.tags & 1 == 0 {
            return false;
        }
        if let Some(c) = self.categories_filter {
            if r.cats & c == 0 {
                return false;
            }
        }
        true
    }

    /// The radius is decided by the great-circle distance; the fast planar distance
    /// (`distance`) is exact enough everywhere but within 1% of the edge, where haversine
    /// decides.
    #[inline]
    pub fn within_radius(&self, r: &Row, distance: Option<f64>) -> bool {
        match (distance, r.remote, self.origin) {
            (Some(d), false, Some(o)) => self.inside(o, d, r.lat, r.lon),
            _ => true,
        }
    }

    /// `within_radius` for a task with a place at (`lat`, `lon`); with the planar distance.
    #[inline]
    pub fn within_radius_at(&self, lat: f64, lon: f64) -> (bool, Option<f64>) {
        match self.origin {
            Some(o) => {
                let d = self.planar_km(o, lat, lon);
                (self.inside(o, d, lat, lon), Some(d))
            }
            None => (true, None),
        }
    }

    #[inline]
    fn inside(&self, o: LatLon, planar_km: f64, lat: f64, lon: f64) -> bool {
        if planar_km <= self.radius_km * 0.99 {
            true
        } else if planar_km > self.radius_km * 1.01 {
            false
        } else {
            distance_km(o, LatLon { lat, lon }) <= self.radius_km
        }
    }

    #[inline]
    fn planar_km(&self, o: LatLon, lat: f64, lon: f64) -> f64 {
        let k = 6371.0088_f64.to_radians();
        let dy = (lat - o.lat) * k;
        let dx = (lon - o.lon) * k * self.cos_lat;
        (dx * dx + dy * dy).sqrt()
    }

    /// Planar (equirectangular) distance in km: within 0.1% of haversine at city scale
    /// and ten times cheaper. Used for scoring and display; the radius edge uses haversine.
    #[inline]
    pub fn distance(&self, r: &Row) -> Option<f64> {
        if r.remote {
            return None;
        }
        Some(self.planar_km(self.origin?, r.lat, r.lon))
    }
}

/// The time fit of a task that lists its usual moments but lets the person agree on
/// others, when none of those moments fits.
pub const FLEXIBLE_TIME: f64 = 0.5;

/// Interest fit from the per-category sum (the column path computes that sum with one
/// matrix-vector product).
pub fn interest_fit(sum: f64) -> f64 {
    sum.clamp(0.0, 1.0)
}

/// All features except interest, motive and text, which the caller supplies.
pub fn features(
    p: &Prepared,
    r: &Row,
    distance: Option<f64>,
    interest_sum: f64,
    motive: f64,
) -> FeatureValues {
    let mut v = FeatureValues::default();
    v[Feature::Interest] = Some(interest_fit(interest_sum));
    v[Feature::Skill] = Some(if r.n_skills == 0 {
        0.0
    } else {
        (r.skills & p.skills).count_ones() as f64 / r.n_skills as f64
    });
    v[Feature::Learn] = Some(if r.learn & p.learning != 0 { 1.0 } else { 0.0 });
    v[Feature::Motive] = Some(motive);
    v[Feature::Time] = Some(if p.slots == 0 || r.slots == 0 {
        1.0
    } else {
        let share = (r.slots & p.slots).count_ones() as f64 / r.slots.count_ones() as f64;
        if r.any_moment {
            // Flexible, but with usual moments: those that fit count, by agreement less.
            share.max(FLEXIBLE_TIME)
        } else {
            share
        }
    });
    let freq = match p.per_month {
        Some(pm) if r.per_month > pm => pm / r.per_month,
        _ => 1.0,
    };
    let months = if p.short_commitment && r.min_months > 3 {
        0.5
    } else {
        1.0
    };
    v[Feature::Commitment] = Some(freq * months);
    v[Feature::Distance] = if r.remote {
        Some(p.remote_value)
    } else {
        distance.map(|d| (-d / p.scale_km).exp())
    };
    if p.first_step {
        v[Feature::FirstStep] = Some(if r.first_step_tag {
            r.support.max(2.0 / 3.0)
        } else {
            r.support
        });
    }
    if p.allowance {
        v[Feature::Allowance] = Some(r.allowance);
    }
    if p.certificate {
        v[Feature::Certificate] = Some(r.certificate as u8 as f64);
    }
    if p.work_factor > 0.0 {
        v[Feature::WorkExperience] = Some(if r.work_experience {
            p.work_factor
        } else {
            0.0
        });
    }
    if p.needed_tags != 0 {
        v[Feature::Access] = Some(access_fit(p, r.tags, r.remote));
    }
    v
}

/// The first phase's weights for one person: each active feature's weight and the
/// per-person tables, so a row's score is a run of table lookups and multiply-adds over
/// the quantised f32 columns, without a division. Equal to `combine(features(..))` up to
/// quantisation and f32 rounding; the second phase recomputes the exact value for the rows
/// it keeps.
pub struct FirstWeights {
    w: PerFeature<f32>,
    /// Weights of first step, allowance, certificate and work experience (0 when
    /// inactive), scaled to the quantised `Fit` values.
    consts: [f32; 4],
    /// 1 / the sum of the active weights, without and with distance (which may be
    /// absent per row).
    inv_den: f32,
    inv_den_distance: f32,
    /// Interest weight per category, then a 0 for "no category" (index 64).
    interest: [f32; 65],
    motives: [f32; 6],
    /// The weighted access fit per gate flags (tags and remote); all 0 without needs.
    access: [f32; 64],
    /// The person's times a month (∞ when they gave none).
    per_month: f32,
    short_commitment: bool,
    slots: u32,
    no_slots: bool,
    /// `DECAY` steps per km at this person's distance scale.
    decay_steps_per_km: f32,
    decay: &'static [f32],
    /// The distance term of a remote task.
    remote_distance: f32,
    /// What `score_from` can add to a `head` at most, with room for f32 rounding.
    pub rest_max: f32,
}

/// 1 / n for a task's number of slots n (1 for none): no division per row.
static RECIPROCAL: [f32; 64] = {
    let mut t = [1.0f32; 64];
    let mut i = 2;
    while i < 64 {
        t[i] = 1.0 / i as f32;
        i += 1;
    }
    t
};

/// exp(-x) at x = i / `DECAY_STEPS` for x in 0–16.
const DECAY_STEPS: f32 = 64.0;
static DECAY: std::sync::LazyLock<Vec<f32>> = std::sync::LazyLock::new(|| {
    (0..=16 * DECAY_STEPS as usize + 1)
        .map(|i| (-(i as f64) / DECAY_STEPS as f64).exp() as f32)
        .collect()
});

impl FirstWeights {
    pub fn new(task_w: &PerFeature<f64>, p: &Prepared, text: bool) -> Self {
        let active = |f: Feature| match f {
            Feature::FirstStep => p.first_step,
            Feature::Allowance => p.allowance,
            Feature::Certificate => p.certificate,
            Feature::WorkExperience => p.work_factor > 0.0,
            Feature::Access => p.needed_tags != 0,
            Feature::Text => text,
            _ => true,
        };
        let mut w = PerFeature([0.0f32; Feature::COUNT]);
        for f in Feature::ALL {
            if active(f) {
                w[f] = task_w[f] as f32;
            }
        }
        let den: f32 = w
            .iter()
            .filter(|(f, _)| *f != Feature::Distance)
            .map(|(_, x)| x)
            .sum();
        let inv = |d: f32| if d > 0.0 { 1.0 / d } else { 0.0 };
        // Offers are a distribution, quantised to × 255 per motive (at most 2 % over 1 in
        // sum), so motive ≤ the strongest motive × 1.02; every other feature is at most 1.
        let strongest = p.motives.iter().fold(0.0f64, |a, m| a.max(*m)) as f32;
        let rest_max = w[Feature::Motive] * strongest * 1.02
            + if p.skills != 0 {
                w[Feature::Skill]
            } else {
                0.0
            }
            + if p.learning != 0 {
                w[Feature::Learn]
            } else {
                0.0
            };
        FirstWeights {
            remote_distance: w[Feature::Distance] * p.remote_value as f32,
            rest_max: rest_max * (1.0 + 1e-4) + 1e-4,
            consts: [
                w[Feature::FirstStep] / 255.0,
                w[Feature::Allowance] / 2.0,
                w[Feature::Certificate],
                w[Feature::WorkExperience] * p.work_factor as f32,
            ],
            inv_den: inv(den),
            inv_den_distance: inv(den + w[Feature::Distance]),
            w,
            interest: std::array::from_fn(|i| p.interest.get(i).map_or(0.0, |x| *x as f32)),
            access: std::array::from_fn(|key| {
                let key = key as u8;
                w[Feature::Access] * access_fit(p, key & TAG_BITS, key & REMOTE != 0) as f32
            }),
            per_month: p.per_month.map_or(f32::INFINITY, |x| x as f32),
            short_commitment: p.short_commitment,
            slots: p.slots,
            no_slots: p.slots == 0,
            motives: p.motives.map(|x| x as f32 / 255.0),
            decay_steps_per_km: DECAY_STEPS / p.scale_km.max(1e-6) as f32,
            decay: DECAY.as_slice(),
        }
    }

    /// The part of a row's score that its gate and its 16-byte `Fit` decide (interest,
    /// distance, text, time, commitment, onboarding, allowance, certificate, work
    /// experience, access) as (numerator, 1 / the sum of active weights), for a row that
    /// passed the filters at `km` (planar; `None`: remote or no origin). With `rest_max`
    /// it bounds the full score (`score_from`), so rows below the running threshold are
    /// dropped before the offers, skill and learning columns are read. Without branches
    /// on the row's data (tables and selects): a mispredicted branch costs more than
    /// this whole sum.
    #[inline(always)]
    pub fn head(&self, f: &Fit, slots: u32, meta: u32, km: Option<f32>, text: f32) -> (f32, f32) {
        let w = &self.w;
        let flags = (meta >> 16) as u8;
        // The first three category bits without a loop (`trailing_zeros` of nothing is
        // 64, whose weight is 0), in ascending order as the reference adds them.
        let mut m = f.cats;
        let mut interest = 0.0f32;
        for _ in 0..3 {
            interest += self.interest[m.trailing_zeros() as usize];
            m &= m.wrapping_sub(1);
        }
        while m != 0 {
            interest += self.interest[m.trailing_zeros() as usize];
            m &= m - 1;
        }
        let mut num = w[Feature::Interest] * interest.clamp(0.0, 1.0) + w[Feature::Text] * text;
        let shared = (slots & self.slots).count_ones() as f32;
        let listed = (meta >> 24 & 0x3f) as usize;
        let time = shared * RECIPROCAL[listed];
        num += w[Feature::Time]
            * if self.no_slots | (listed == 0) {
                1.0
            } else if slots & ANY_MOMENT != 0 {
                time.max(FLEXIBLE_TIME as f32)
            } else {
                time
            };
        // The share of the person's frequency the task asks; ∞ and 0 × ∞ give 1.
        let freq = (self.per_month * f.inv_per_month).min(1.0);
        let months = if self.short_commitment & (f.flags & FIT_LONG != 0) {
            0.5
        } else {
            1.0
        };
        num += w[Feature::Commitment] * freq * months;
        num += self.consts[0] * f.first_step as f32
            + self.consts[1] * f.allowance as f32
            + self.consts[2] * (f.flags & FIT_CERTIFICATE) as f32
            + self.consts[3] * ((f.flags & FIT_WORK) >> 1) as f32;
        num += self.access[(flags & (TAG_BITS | REMOTE)) as usize];
        match km {
            _ if flags & REMOTE != 0 => (num + self.remote_distance, self.inv_den_distance),
            Some(d) => {
                // exp(-d / scale) from the table, interpolated (error below 1e-5); 0
                // beyond it.
                let t = d.max(0.0) * self.decay_steps_per_km;
                let i = (t as usize).min(self.decay.len() - 2);
                let (a, b) = (self.decay[i], self.decay[i + 1]);
                let decay = a + (b - a) * (t - i as f32);
                let decay = if t < (self.decay.len() - 1) as f32 {
                    decay
                } else {
                    0.0
                };
                (num + w[Feature::Distance] * decay, self.inv_den_distance)
            }
            None => (num, self.inv_den),
        }
    }

    /// The full first-phase score of a row from its `head`: adds motive, skills and
    /// learning. Never more than `(head.0 + rest_max) * head.1`.
    #[inline]
    pub fn score_from(&self, p: &Prepared, tail: RowTail, (head, inv): (f32, f32)) -> f64 {
        let w = &self.w;
        let motive: f32 = tail
            .offers
            .iter()
            .zip(&self.motives)
            .map(|(o, m)| *o as f32 * m)
            .sum();
        let mut num = head + w[Feature::Motive] * motive;
        if p.skills != 0 && tail.n_skills > 0 {
            num += w[Feature::Skill] * (tail.skills & p.skills).count_ones() as f32
                / tail.n_skills as f32;
        }
        if p.learning != 0 && tail.learn & p.learning != 0 {
            num += w[Feature::Learn];
        }
        (num * inv) as f64
    }
}

/// How many of the accessibility needs a task meets (0–1), from its tags.
fn access_fit(p: &Prepared, tags: u8, remote: bool) -> f64 {
    let need = p.needed_tags;
    // "low_dutch" and "no_dutch_needed" answer the same need.
    let lang_need = need & 0b110;
    let mut wanted = (need & !0b110).count_ones() + (lang_need != 0) as u32;
    let mut have =
        (tags & need & !0b110).count_ones() + (lang_need != 0 && tags & lang_need != 0) as u32;
    if p.wheelchair && remote {
        have += (tags & 1 == 0) as u32;
    }
    wanted = wanted.max(1);
    have = have.min(wanted);
    have as f64 / wanted as f64
}

/// Weighted mean over the active features.
pub fn combine(f: &FeatureValues, weights: &PerFeature<f64>) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    for ((_, x), (_, w)) in f.iter().zip(weights.iter()) {
        if let Some(x) = x {
            num += w * x;
            den += w;
        }
    }
    if den > 0.0 {
        num / den
    } else {
        0.0
    }
}

/// The persona-side motive vector dotted with a task's offers distribution.
pub fn motive_fit(p: &Prepared, offers: &[f64; 6]) -> f64 {
    offers.iter().zip(&p.motives).map(|(o, m)| o * m).sum()
}

/// Walks only the task's set category bits (in ascending order, as the first phase adds
/// them): a task has one to three categories, the persona up to 128 weights.
pub fn interest_sum(p: &Prepared, cats: Bits) -> f64 {
    let mut m = cats;
    let mut sum = 0.0;
    while m != 0 {
        if let Some(w) = p.interest.get(m.trailing_zeros() as usize) {
            sum += *w;
        }
        m &= m - 1;
    }
    sum
}
