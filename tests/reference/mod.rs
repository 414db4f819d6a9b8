//! A second definition of the task score and the hard limits, written from the records,
//! the persona and the data files alone: none of the matcher's feature, row or gate code.
//! The column path (geo cells, bit gates, quantised first phase, exact second phase) must
//! agree with it. Where the two differ on purpose it is said: the matcher measures the
//! distance in the score on a flat projection around the person (its gate uses the
//! great-circle distance, as here), so scores agree to `SCORE_TOLERANCE`, not to the bit.
use std::collections::{BTreeSet, HashMap};

use serde_json::Value;
use talentscan::catalog::model::{AllowanceKind, Task};
use talentscan::persona::*;

/// How far a score may move by the matcher's planar distance (metres in the city).
pub const SCORE_TOLERANCE: f64 = 1e-4;

pub struct Reference {
    w: Value,
    permits: Vec<String>,
    topic_requires: HashMap<String, Vec<String>>,
}

fn read(path: &str) -> Value {
    let p = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().asin()
}

fn times_a_month(f: Frequency) -> f64 {
    match f {
        Frequency::Weekly => 4.0,
        Frequency::Biweekly => 2.0,
        Frequency::Monthly => 1.0,
        Frequency::Occasional => 0.5,
        Frequency::Once => 0.1,
    }
}

fn age_order(b: AgeBand) -> u8 {
    match b {
        AgeBand::Under18 => 0,
        AgeBand::From18To20 => 1,
        AgeBand::From21To26 => 2,
        AgeBand::From27To66 => 3,
        AgeBand::From67 => 4,
    }
}

/// The youngest band whose oldest member reaches the age: below it is surely too young.
fn band_of_min_age(age: u8) -> u8 {
    match age {
        0..=17 => 0,
        18..=20 => 1,
        21..=26 => 2,
        27..=66 => 3,
        _ => 4,
    }
}

/// The person's needs a task can say it suits, as groups: any tag of a group meets it.
fn access_needs(p: &Persona) -> Vec<&'static [&'static str]> {
    let mut out: Vec<&'static [&'static str]> = Vec::new();
    if p.constraints.wheelchair {
        out.push(&["wheelchair"]);
    }
    if p.constraints.language_level == Some(LanguageLevel::A2) {
        out.push(&["low_dutch", "no_dutch_needed"]);
    }
    if p.situation.age_band == Some(AgeBand::Under18) {
        out.push(&["school_internship"]);
    }
    if p.constraints.childcare {
        out.push(&["with_children"]);
    }
    out
}

fn origin(p: &Persona) -> Option<(f64, f64)> {
    let at = p.travel.origin.as_ref()?.point()?;
    Some((at.lat, at.lon))
}

fn remote(t: &Task) -> bool {
    t.remote || t.location.is_none()
}

fn any_moment(t: &Task) -> bool {
    let s = &t.schedule;
    s.on_call || s.flexible || s.slots.is_empty()
}

impl Reference {
    pub fn load() -> Self {
        let skills = read("data/skills.json");
        let permits = skills["skills"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["permit"].as_bool() == Some(true))
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect();
        let topics = read("data/training_topics.json");
        let topic_requires = topics["topics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let req = t["requires"]
                    .as_array()
                    .map(|r| r.iter().map(|x| x.as_str().unwrap().to_string()).collect())
                    .unwrap_or_default();
                (t["id"].as_str().unwrap().to_string(), req)
            })
            .collect();
        Reference {
            w: read("data/ranking/weights.json"),
            permits,
            topic_requires,
        }
    }

    fn weight(&self, name: &str) -> f64 {
        self.w["task"][name].as_f64().unwrap()
    }

    /// The first hard limit the task breaks for this person, if any; `categories` is the
    /// desk's "only these categories".
    pub fn violation(
        &self,
        t: &Task,
        p: &Persona,
        today: time::Date,
        categories: Option<&[String]>,
    ) -> Option<&'static str> {
        if let (Some(o), Some(l), false) = (origin(p), &t.location, remote(t)) {
            let limit = p.travel.radius_km.map_or(f64::INFINITY, |r| r.get());
            if haversine_km(o, (l.lat, l.lon)) > limit + 1e-9 {
                return Some("radius");
            }
        }
        let s = &t.schedule;
        if !p.availability.slots.is_empty() && !any_moment(t) {
            let free = s
                .slots
                .iter()
                .filter(|x| p.availability.slots.contains(x))
                .count();
            // A weekly task of several fixed sessions needs that many free moments.
            let needed = match s.hours_per_session {
                Some(h) if h > 0.0 && s.frequency == Frequency::Weekly => {
                    ((s.hours_per_week / h - 1e-6).ceil().max(1.0) as usize)
                        .min(s.slots.len())
                        .clamp(1, 7)
                }
                _ => 1,
            };
            if free < needed {
                return Some("slots");
            }
        }
        if p.constraints
            .physical_load
            .is_some_and(|l| t.physical_load > l)
        {
            return Some("load");
        }
        if p.constraints
            .language_level
            .is_some_and(|l| t.language_level > l)
        {
            return Some("language");
        }
        let tolerance = 1.0 + self.w["hours_tolerance"].as_f64().unwrap();
        if p.availability
            .hours_per_week
            .is_some_and(|h| s.hours_per_week > h.get() * tolerance + 1e-9)
        {
            return Some("hours");
        }
        if s.end.is_some_and(|e| e < today) {
            return Some("ended");
        }
        if p.constraints.wheelchair
            && !remote(t)
            && !t.suitable_for.iter().any(|x| x == "wheelchair")
        {
            return Some("wheelchair");
        }
        let from_courses = t
            .required_trainings
            .iter()
            .flat_map(|c| self.topic_requires.get(c).into_iter().flatten());
        let mut asked = t
            .requirements
            .skills
            .iter()
            .chain(&t.skills)
            .chain(from_courses)
            .filter(|s| self.permits.contains(s));
        if asked.any(|s| !p.skills.contains(s)) {
            return Some("permit");
        }
        if let (Some(min), Some(band)) = (t.requirements.min_age, p.situation.age_band) {
            if age_order(band) < band_of_min_age(min) {
                return Some("min_age");
            }
        }
        if let Some(cats) = categories.filter(|c| !c.is_empty()) {
            if !t.categories.iter().any(|c| cats.contains(c)) {
                return Some("category");
            }
        }
        None
    }

    /// The weighted mean of the features active for this person. `text` is the task's
    /// relevance from the index when words were typed (the index is not the matcher's
    /// feature code; its value is taken as given).
    pub fn score(&self, t: &Task, p: &Persona, text: Option<f64>) -> f64 {
        let mut parts: Vec<(&str, f64)> = Vec::new();
        let interest: f64 = t
            .categories
            .iter()
            .filter_map(|c| p.interests.get(c).map(|w| w.get()))
            .sum();
        parts.push(("interest", interest.clamp(0.0, 1.0)));
        let have = t.skills.iter().filter(|s| p.skills.contains(s)).count();
        let skill = if t.skills.is_empty() {
            0.0
        } else {
            have as f64 / t.skills.len() as f64
        };
        parts.push(("skill", skill));
        let learns = t.learn_skills.iter().any(|s| p.learning_goals.contains(s));
        parts.push(("learn", if learns { 1.0 } else { 0.0 }));
        // What the task offers, each function alike, against how strongly the person holds it.
        let offers: BTreeSet<&String> = t
            .offers
            .iter()
            .filter(|o| p.motivations.get(o).is_some())
            .collect();
        let held: f64 = offers.iter().filter_map(|o| p.motivations.get(o)).sum();
        parts.push(("motive", held / offers.len().max(1) as f64));
        let s = &t.schedule;
        let time = if p.availability.slots.is_empty() || s.slots.is_empty() {
            1.0
        } else {
            let free = s
                .slots
                .iter()
                .filter(|x| p.availability.slots.contains(x))
                .count();
            let share = free as f64 / s.slots.len() as f64;
            if any_moment(t) {
                share.max(0.5)
            } else {
                share
            }
        };
        parts.push(("time", time));
        let asks = times_a_month(s.frequency);
        let often = match p.availability.frequency.map(times_a_month) {
            Some(mine) if asks > mine => mine / asks,
            _ => 1.0,
        };
        let short = matches!(
            p.availability.frequency,
            Some(Frequency::Once | Frequency::Occasional)
        );
        let long = if short && s.min_months > 3 { 0.5 } else { 1.0 };
        parts.push(("commitment", often * long));
        if remote(t) {
            parts.push(("distance", self.w["remote_value"].as_f64().unwrap()));
        } else if let (Some(o), Some(l)) = (origin(p), &t.location) {
            let mode = serde_json::to_value(p.travel.mode).unwrap();
            let scale = self.w["distance_scale_km"][mode.as_str().unwrap()]
                .as_f64()
                .unwrap();
            let d = haversine_km(o, (l.lat, l.lon));
            parts.push(("distance", (-d / scale).exp()));
        }
        if p.needs.first_step || p.needs.guidance == Guidance::High || p.kkwz.kennen.get() < 40.0 {
            let o = &t.onboarding;
            let given = [o.intro_meeting, o.buddy, o.trial_period];
            let support = given.iter().filter(|x| **x).count() as f64 / 3.0;
            let tagged = t.suitable_for.iter().any(|x| x == "first_step");
            parts.push((
                "first_step",
                if tagged {
                    support.max(2.0 / 3.0)
                } else {
                    support
                },
            ));
        }
        if p.needs.allowance {
            let v = match t.allowance.kind {
                AllowanceKind::VolunteerAllowance => 1.0,
                AllowanceKind::Expenses => 0.5,
                AllowanceKind::None => 0.0,
            };
            parts.push(("allowance", v));
        }
        let for_work = matches!(p.work_goal, WorkGoal::Preparing | WorkGoal::Searching);
        if p.needs.certificate || for_work {
            parts.push(("certificate", if t.certificate { 1.0 } else { 0.0 }));
        }
        let factor = match p.work_goal {
            WorkGoal::Searching => 1.0,
            WorkGoal::Preparing => self.w["preparing_factor"].as_f64().unwrap(),
            _ => 0.0,
        };
        if factor > 0.0 {
            let v = if t.work_experience.is_empty() {
                0.0
            } else {
                factor
            };
            parts.push(("work_experience", v));
        }
        let needs = access_needs(p);
        if !needs.is_empty() {
            let met = needs
                .iter()
                .filter(|group| {
                    group.iter().any(|g| t.suitable_for.iter().any(|x| x == g))
                        // From home, a wheelchair is no obstacle.
                        || (remote(t) && group[0] == "wheelchair")
                })
                .count();
            parts.push(("access", met as f64 / needs.len() as f64));
        }
        if let Some(x) = text {
            parts.push(("text", x));
        }
        let num: f64 = parts.iter().map(|(n, x)| self.weight(n) * x).sum();
        let den: f64 = parts.iter().map(|(n, _)| self.weight(n)).sum();
        num / den
    }
}
