//! The carving search is exact: on random small roles it finds the same optimum as brute
//! force over every subset, and the team split matches brute force too.
use proptest::prelude::*;
use talentscan::carving::{objective, search, team_split, Candidate};
use talentscan::catalog::model::*;
use talentscan::persona::{Frequency, LanguageLevel, Load};
use talentscan::taxonomy::Slot;

fn task(i: usize, hours: f64, slot: usize, essential: bool, lat: f64) -> Task {
    Task {
        id: format!("c{i}"),
        title: format!("Component {i}"),
        description: String::new(),
        organisation_id: "o".into(),
        categories: vec!["buurt".into()],
        skills: vec![],
        learn_skills: vec![],
        location: Some(Location {
            wijk: "Moerwijk".into(),
            postcode: None,
            lat,
            lon: 4.29,
        }),
        remote: false,
        schedule: Schedule {
            slots: vec![Slot::all().nth(slot).unwrap()],
            frequency: Frequency::Weekly,
            hours_per_week: hours,
            hours_per_session: None,
            min_months: 0,
            on_call: false,
            flexible: false,
            start: None,
            end: None,
        },
        physical_load: Load::Low,
        language_level: LanguageLevel::A2,
        onboarding: Onboarding::default(),
        contact: Contact::default(),
        allowance: Allowance::default(),
        certificate: false,
        work_experience: vec![],
        required_trainings: vec![],
        requirements: Default::default(),
        suitable_for: vec![],
        offers: vec![],
        role_id: Some("r".into()),
        essential,
        respond_url: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn search_finds_the_brute_force_optimum(
        comps in prop::collection::vec((0.25f64..4.0, 0usize..21, any::<bool>(), 0.0f64..1.0, 0usize..3), 1..9),
        budget in 0.5f64..8.0,
        must_first in any::<bool>(),
    ) {
        let tasks: Vec<Task> = comps.iter().enumerate().map(|(i, c)| task(i, (c.0 * 4.0).round() / 4.0, c.1, c.2, 52.04 + c.4 as f64 * 0.01)).collect();
        let cands: Vec<Candidate> = tasks.iter().zip(&comps).map(|(t, c)| Candidate { task: t, fit: c.3, distance: None, slots: t.schedule.slots[0].bit() }).collect();
        let must: Vec<usize> = if must_first { vec![0] } else { vec![] };
        let ranked = search(&cands, budget, &must);
        let n = cands.len();
        let mut best: Option<f64> = None;
        for mask in 1u32..(1 << n) {
            let b: Vec<usize> = (0..n).filter(|i| mask & (1 << i) != 0).collect();
            let h: f64 = b.iter().map(|&i| cands[i].task.schedule.hours_per_week).sum();
            if h > budget + 1e-9 || !must.iter().all(|m| b.contains(m)) {
                continue;
            }
            // One person cannot do two parts at one moment that together outlast a part
            // of the day (four hours).
            let clash = b.iter().any(|&i| b.iter().any(|&j| {
                i < j
                    && cands[i].slots == cands[j].slots
                    && cands[i].task.schedule.hours_per_week + cands[j].task.schedule.hours_per_week > 4.0 + 1e-9
            }));
            if clash {
                continue;
            }
            let v = objective(&cands, &b);
            best = Some(best.map_or(v, |x: f64| x.max(v)));
        }
        match (ranked.first(), best) {
            (Some((v, b)), Some(bf)) => {
                prop_assert!((v - bf).abs() < 1e-9, "search {v} vs brute force {bf}");
                let h: f64 = b.iter().map(|&i| cands[i].task.schedule.hours_per_week).sum();
                prop_assert!(h <= budget + 1e-9);
            }
            (None, None) => {}
            (a, b) => prop_assert!(false, "search {a:?} vs brute force {b:?}"),
        }
    }

    #[test]
    fn team_split_matches_brute_force(
        fits in prop::collection::vec(prop::collection::vec(prop::option::of(0.0f64..1.0), 3), 1..7),
        hours in prop::collection::vec(0.5f64..3.0, 7),
        budgets in prop::collection::vec(0.5f64..5.0, 3),
    ) {
        let n = fits.len();
        let hours = &hours[..n];
        let (assign, total, exact) = team_split(&fits, hours, &budgets);
        prop_assert!(exact);
        let mut used = [0.0; 3];
        for (c, a) in assign.iter().enumerate() {
            if let Some(p) = a {
                prop_assert!(fits[c][*p].is_some());
                used[*p] += hours[c];
            }
        }
        for p in 0..3 {
            prop_assert!(used[p] <= budgets[p] + 1e-9);
        }
        // Brute force over (people + 1)^n assignments.
        let mut best = 0.0f64;
        for code in 0..4usize.pow(n as u32) {
            let mut c = code;
            let mut u = [0.0; 3];
            let mut v = 0.0;
            let mut ok = true;
            for k in 0..n {
                let choice = c % 4;
                c /= 4;
                if choice < 3 {
                    match fits[k][choice] {
                        Some(f) => { u[choice] += hours[k]; v += f; }
                        None => { ok = false; break; }
                    }
                }
            }
            if ok && (0..3).all(|p| u[p] <= budgets[p] + 1e-9) {
                best = best.max(v);
            }
        }
        prop_assert!((total - best).abs() < 1e-9, "{total} vs {best}");
    }
}
