//! The built-in sample catalog's rules, checked with the service's own parser: every
//! record is accepted as published, everything personal in it is visibly made up, the
//! texts are short enough for B1, most of it is in Zuidwest, and schedules say what they
//! mean. (`data/sample/check.py` stays as the generator's companion data tool.)
use std::collections::HashSet;

use serde_json::Value;
use talentscan::catalog::model::{Context, Organisation, Role, Task, Training};
use talentscan::geo::Places;
use talentscan::taxonomy::Taxonomies;

fn file(name: &str) -> Vec<Value> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/sample")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

const ZUIDWEST: [&str; 5] = [
    "Bouwlust en Vrederust",
    "Moerwijk",
    "Morgenstond",
    "Leyenburg",
    "Zuiderpark",
];

fn made_up_contact(c: &Value) -> Result<(), String> {
    if let Some(e) = c["email"].as_str() {
        if !e.ends_with("@example.org") {
            return Err(format!("e-mail {e} is not a made-up example.org address"));
        }
    }
    if let Some(p) = c["phone"].as_str() {
        let digits: String = p.chars().filter(|c| c.is_ascii_digit()).collect();
        if !(p.starts_with("070 555") && digits.len() == 10) {
            return Err(format!(
                "phone {p} is not in the made-up block 070 555 xx xx"
            ));
        }
    }
    Ok(())
}

/// No sentence longer than B1 allows (30 words), two to five sentences.
fn b1(text: &str) -> Result<(), String> {
    let sentences: Vec<&str> = text
        .split(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if sentences.is_empty() {
        return Err("empty description".into());
    }
    for s in &sentences {
        let n = s.split_whitespace().count();
        if n > 30 {
            return Err(format!("a sentence of {n} words: {s:?}"));
        }
    }
    Ok(())
}

#[test]
fn the_sample_catalog_follows_its_rules() {
    let tax = Taxonomies::embedded().unwrap();
    let places = Places::embedded().unwrap();
    let orgs = file("organisations.json");
    let ids: HashSet<String> = orgs
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect();
    let exists = |id: &str| ids.contains(id);
    let ctx = Context {
        taxonomies: &tax,
        places: &places,
        organisation_exists: &exists,
    };
    let mut problems = Vec::new();
    let mut zuidwest = 0;
    assert!(orgs.len() >= 42, "{} organisations", orgs.len());
    for (i, o) in orgs.iter().enumerate() {
        let id = o["id"].as_str().unwrap();
        if let Err(e) = Organisation::parse(o, id, &format!("/{i}"), &ctx) {
            problems.push(format!("organisation {id}: {e:?}"));
        }
        if let Err(e) = made_up_contact(&o["contact"]) {
            problems.push(format!("organisation {id}: {e}"));
        }
        if o["website"]
            .as_str()
            .is_some_and(|w| !w.starts_with("https://example.org/"))
        {
            problems.push(format!("organisation {id}: a real-looking website"));
        }
        zuidwest += ZUIDWEST.contains(&o["wijk"].as_str().unwrap_or("")) as usize;
    }
    let share = zuidwest as f64 / orgs.len() as f64;
    assert!(
        (0.5..=0.75).contains(&share),
        "{:.0}% in Zuidwest",
        share * 100.0
    );
    let tasks = file("tasks.json");
    assert!(tasks.len() >= 250);
    for (i, t) in tasks.iter().enumerate() {
        let id = t["id"].as_str().unwrap();
        match Task::parse(t, id, &format!("/{i}"), &ctx) {
            Ok(task) => {
                let s = &task.schedule;
                if s.slots.is_empty() && !s.flexible && !s.on_call {
                    problems.push(format!(
                        "task {id}: no moment, yet neither flexible nor on call"
                    ));
                }
                if s.frequency == talentscan::persona::Frequency::Once && s.end.is_none() {
                    problems.push(format!("task {id}: a one-off task without a date"));
                }
                if s.start.is_some() && s.end.is_some() && s.start > s.end {
                    problems.push(format!("task {id}: ends before it starts"));
                }
            }
            Err(e) => problems.push(format!("task {id}: {e:?}")),
        }
        if let Err(e) = made_up_contact(&t["contact"]) {
            problems.push(format!("task {id}: {e}"));
        }
        if let Err(e) = b1(t["description"].as_str().unwrap_or("")) {
            problems.push(format!("task {id}: {e}"));
        }
        let text = format!("{} {}", t["title"], t["description"]);
        if text.contains(" u ") || text.contains("Kookt u") {
            problems.push(format!("task {id}: says 'u' where residents read 'je'"));
        }
    }
    for (i, t) in file("trainings.json").iter().enumerate() {
        let id = t["id"].as_str().unwrap();
        if let Err(e) = Training::parse(t, id, &format!("/{i}"), &ctx) {
            problems.push(format!("training {id}: {e:?}"));
        }
        if let Err(e) = b1(t["description"].as_str().unwrap_or("")) {
            problems.push(format!("training {id}: {e}"));
        }
    }
    for (i, r) in file("roles.json").iter().enumerate() {
        let id = r["id"].as_str().unwrap();
        if let Err(e) = Role::parse(r, id, &format!("/{i}"), &ctx) {
            problems.push(format!("role {id}: {e:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
