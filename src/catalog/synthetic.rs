//! Synthetic catalogs for benchmarks (`talentscan gen`): deterministic for a seed, built
//! from the project's taxonomies, with a plausible spread of categories, skills, slots,
//! loads and onboarding.
//!
//! `national` spreads tasks over the Netherlands roughly by city population (Den Haag a
//! few percent) with a rural remainder; `dense` puts 60% within 8 km of Den Haag Zuidwest,
//! the worst case for a radius filter.
use std::io::Write;
use std::path::Path;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;

use crate::taxonomy::{Slot, Taxonomies, MOTIVES};

pub const ZUIDWEST: (f64, f64) = (52.045, 4.275);

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Spread {
    National,
    Dense,
}

struct City {
    lat: f64,
    lon: f64,
    weight: f64,
}

fn cities() -> Vec<City> {
    let mut out = Vec::new();
    for row in
        csv::Reader::from_reader(include_str!("../../data/reference/nl-cities.csv").as_bytes())
            .records()
            .flatten()
    {
        if let (Ok(lat), Ok(lon), Ok(p)) = (row[1].parse(), row[2].parse(), row[3].parse::<f64>()) {
            out.push(City {
                lat,
                lon,
                weight: p,
            });
        }
    }
    out
}

fn gauss(r: &mut StdRng) -> f64 {
    // Box–Muller.
    let (u, v): (f64, f64) = (r.gen_range(1e-9..1.0), r.gen_range(0.0..1.0));
    (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
}

fn point(r: &mut StdRng, spread: Spread, cities: &[City], total: f64) -> (f64, f64) {
    if spread == Spread::Dense && r.gen_bool(0.6) {
        // Uniform over a disc of 8 km around Zuidwest.
        let d = 8.0 * r.gen_range(0.0f64..1.0).sqrt();
        let a = r.gen_range(0.0..std::f64::consts::TAU);
        return (
            ZUIDWEST.0 + d * a.sin() / 111.32,
            ZUIDWEST.1 + d * a.cos() / (111.32 * ZUIDWEST.0.to_radians().cos()),
        );
    }
    if r.gen_bool(0.25) {
        // Rural remainder over the middle of the country.
        return (r.gen_range(51.45..53.1), r.gen_range(4.6..6.9));
    }
    let mut x = r.gen_range(0.0..total);
    for c in cities {
        if x < c.weight {
            let s = 3.0 / 111.32;
            return (
                c.lat + gauss(r) * s,
                c.lon + gauss(r) * s / c.lat.to_radians().cos(),
            );
        }
        x -= c.weight;
    }
    (52.1, 5.1)
}

const VERBS: [&str; 12] = [
    "helpen bij",
    "meedoen met",
    "begeleiden van",
    "organiseren van",
    "ondersteunen bij",
    "samenwerken aan",
    "koken voor",
    "klussen bij",
    "gastvrouw bij",
    "rijden voor",
    "tuinieren bij",
    "lesgeven bij",
];

/// Writes `organisations.ndjson`, `tasks.ndjson` and `trainings.ndjson` into `out`.
pub fn generate(
    tax: &Taxonomies,
    tasks: usize,
    trainings: usize,
    seed: u64,
    spread: Spread,
    out: &Path,
) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    let mut r = StdRng::seed_from_u64(seed);
    let cities = cities();
    let total: f64 = cities.iter().map(|c| c.weight).sum();
    let n_orgs = (tasks / 20).max(5);
    let mut orgs = Vec::with_capacity(n_orgs);
    let mut f = std::io::BufWriter::new(std::fs::File::create(out.join("organisations.ndjson"))?);
    for i in 0..n_orgs {
        let (lat, lon) = point(&mut r, spread, &cities, total);
        let id = format!("syn-org-{i}");
        writeln!(
            f,
            "{}",
            json!({"id": id, "name": format!("Organisatie {i}"), "description": "Synthetische organisatie voor benchmarks.", "location": {"lat": lat, "lon": lon}, "contact": {"name": "Contact"}})
        )?;
        orgs.push((lat, lon));
    }
    f.flush()?;
    let cats = &tax.categories.terms;
    let skills = &tax.skills.terms;
    let freqs = [
        "weekly",
        "weekly",
        "weekly",
        "biweekly",
        "monthly",
        "occasional",
        "once",
    ];
    let loads = ["low", "low", "low", "medium", "medium", "high"];
    let langs = ["A2", "A2", "B1", "B1", "B1", "B2", "C1"];
    let mut f = std::io::BufWriter::new(std::fs::File::create(out.join("tasks.ndjson"))?);
    for i in 0..tasks {
        let o = r.gen_range(0..n_orgs);
        let (olat, olon) = orgs[o];
        let remote = r.gen_bool(0.03);
        let c1 = r.gen_range(0..cats.len());
        let mut categories = vec![cats[c1].id.clone()];
        if r.gen_bool(0.4) {
            let c2 = r.gen_range(0..cats.len());
            if c2 != c1 {
                categories.push(cats[c2].id.clone());
            }
        }
        let pick_skills = |r: &mut StdRng, n: usize| -> Vec<String> {
            let mut v: Vec<String> = (0..n)
                .map(|_| skills[r.gen_range(0..skills.len())].id.clone())
                .collect();
            v.sort();
            v.dedup();
            v
        };
        let n1 = r.gen_range(0..3);
        let ts = pick_skills(&mut r, n1);
        let n2 = r.gen_range(0..2);
        let ls = pick_skills(&mut r, n2);
        let flexible = r.gen_bool(0.12);
        let on_call = !flexible && r.gen_bool(0.05);
        let n_slots = if flexible { 0 } else { r.gen_range(1..4) };
        let mut slots: Vec<String> = (0..n_slots)
            .map(|_| {
                Slot::all()
                    .nth(r.gen_range(0..21))
                    .map(|s| s.id())
                    .unwrap_or_default()
            })
            .collect();
        slots.sort();
        slots.dedup();
        let freq = freqs[r.gen_range(0..freqs.len())];
        let hours = match freq {
            "weekly" => [1.0, 2.0, 2.0, 3.0, 4.0, 6.0][r.gen_range(0..6)],
            "biweekly" => [1.0, 1.5, 2.0][r.gen_range(0..3)],
            "monthly" => [0.5, 0.75, 1.0][r.gen_range(0..3)],
            _ => [0.5, 1.0, 2.0, 4.0][r.gen_range(0..4)],
        };
        let offers: Vec<&str> = MOTIVES
            .iter()
            .copied()
            .filter(|_| r.gen_bool(0.3))
            .collect();
        let kind = ["none", "expenses", "expenses", "volunteer_allowance"][r.gen_range(0..4)];
        let min_months = [0, 0, 3, 6, 12][r.gen_range(0..5)];
        let cat_label = &cats[c1].nl;
        let title = format!(
            "{} {}",
            VERBS[r.gen_range(0..VERBS.len())],
            cat_label.to_lowercase()
        );
        let mut t = json!({
            "id": format!("syn-task-{i}"), "title": title,
            "description": format!("Synthetische taak {i}: {} in de buurt.", cat_label),
            "organisation_id": format!("syn-org-{o}"), "categories": categories, "skills": ts, "learn_skills": ls,
            "remote": remote,
            "schedule": {"slots": slots, "frequency": freq, "hours_per_week": hours, "min_months": min_months, "on_call": on_call, "flexible": flexible},
            "physical_load": loads[r.gen_range(0..loads.len())], "language_level": langs[r.gen_range(0..langs.len())],
            "onboarding": {"intro_meeting": r.gen_bool(0.7), "buddy": r.gen_bool(0.4), "training_provided": r.gen_bool(0.3), "trial_period": r.gen_bool(0.4)},
            "contact": {"name": "Contact"},
            "allowance": if kind == "volunteer_allowance" { json!({"kind": kind, "per_hour_eur": 2.5}) } else { json!({"kind": kind}) },
            "certificate": r.gen_bool(0.25),
            "work_experience": if r.gen_bool(0.2) { json!(["medewerker"]) } else { json!([]) },
            "suitable_for": if r.gen_bool(0.2) { json!(["first_step"]) } else if r.gen_bool(0.1) { json!(["wheelchair"]) } else { json!([]) },
            "offers": offers,
        });
        if !remote {
            let d = 0.3 / 111.32;
            t["location"] =
                json!({"lat": olat + gauss(&mut r) * d, "lon": olon + gauss(&mut r) * d});
        }
        writeln!(f, "{t}")?;
    }
    f.flush()?;
    let topics = &tax.topics.terms;
    let mut f = std::io::BufWriter::new(std::fs::File::create(out.join("trainings.ndjson"))?);
    for i in 0..trainings {
        let (lat, lon) = point(&mut r, spread, &cities, total);
        let tp = &topics[r.gen_range(0..topics.len())];
        let online = r.gen_bool(0.15);
        let mut t = json!({
            "id": format!("syn-training-{i}"), "title": tp.nl, "description": "Synthetische training.",
            "provider": "Academie", "topics": [tp.id], "skills": [], "certificate": r.gen_bool(0.8),
            "cost_eur": if r.gen_bool(0.8) { 0.0 } else { 25.0 }, "online": online,
            "sessions": [{"start": "2027-03-04T13:00:00+01:00", "end": "2027-03-04T17:00:00+01:00"}],
            "duration_hours": 4, "language_level": "B1"
        });
        if !online {
            t["location"] = json!({"lat": lat, "lon": lon});
        }
        writeln!(f, "{t}")?;
    }
    f.flush()
}
