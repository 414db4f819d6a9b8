//! The resident path, end to end: questionnaire answers the way residents give them
//! (most skip every optional question) → `POST /v1/scans` → `POST /v1/matches`, against
//! the fixed judged catalog published into an empty server.
//!
//! Two tests. The resident-path judged set (tests/fixtures/resident-path: graded before
//! the ranker changed) reports nDCG@10 per half; the bar applies to the held-out half.
//! And invariants over random partial answer sets, checked from the records and the
//! answers by code written apart from the matcher: every reason is true of its task and
//! person, no task requires what the person did not claim, no hard limit comes from an
//! unanswered question, trainings are at a free moment, and nobody who asked for no
//! training gets one unless a task in the advice needs it.
use std::collections::{HashMap, HashSet};

use serde_json::{json, Value};

use crate::helpers::*;
use crate::judged::{grades, haversine, ids_of, ndcg};

/// The held-out half's mean nDCG@10 must reach this. Set below the first honest
/// measurement (README, "How the ranking works") so that a real regression fails.
const MIN_HELDOUT_NDCG: f64 = 0.75;

/// The day the grades were written for (labels.json `reference_date`).
const REFERENCE_DAY: time::OffsetDateTime = time::macros::datetime!(2026-12-01 12:00 UTC);

/// The judged catalog with the requirements its texts state (`requirements.json`; only
/// permits can be required, so the EHBO-diploma note stays a text).
fn catalog_with_requirements() -> Value {
    let mut cat = judged_catalog();
    let req = fixture("resident-path/requirements.json");
    let permits = permit_skills();
    for t in cat["tasks"].as_array_mut().unwrap() {
        if let Some(r) = req.get(t["id"].as_str().unwrap()) {
            let skills: Vec<&Value> = r["skills"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter(|s| permits.contains(s.as_str().unwrap()))
                        .collect()
                })
                .unwrap_or_default();
            if !skills.is_empty() {
                t["requirements"] = json!({ "skills": skills });
            }
        }
    }
    cat
}

/// Training topics that are for permit holders only, with the permit (data/training_topics.json).
fn topics_for_permits() -> Vec<(String, String)> {
    let t: Value = serde_json::from_str(include_str!("../../data/training_topics.json")).unwrap();
    t["topics"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|x| {
            let id = x["id"].as_str().unwrap().to_string();
            strs(&x["requires"])
                .into_iter()
                .map(move |p| (id.clone(), p.to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Skills the taxonomy marks as legal permits (data/skills.json).
fn permit_skills() -> HashSet<String> {
    let s: Value = serde_json::from_str(include_str!("../../data/skills.json")).unwrap();
    s["skills"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["permit"] == true)
        .map(|x| x["id"].as_str().unwrap().to_string())
        .collect()
}

async fn publish(app: &TestApp, cat: &Value) {
    for kind in ["organisations", "tasks", "trainings"] {
        let r = app.import(kind, &cat[kind], ADMIN_KEY).await;
        assert_eq!(r.status(), 200);
        let rep: Value = r.json().await.unwrap();
        assert_eq!(rep["rejected"], 0, "{kind}: {rep}");
    }
}

/// Answers → scan → match: the persona and the match answer.
async fn scan_and_match(app: &TestApp, answers: &Value, limit: (u32, u32)) -> (Value, Value) {
    let r = app
        .post_json(
            "/v1/scans",
            &json!({"questionnaire": "talentscan", "version": 1, "lang": "nl", "answers": answers}),
        )
        .await;
    let status = r.status();
    let scan: Value = r.json().await.unwrap();
    assert_eq!(status, 200, "{answers} → {scan}");
    let mut persona = scan.clone();
    for k in [
        "stored",
        "questionnaire",
        "version",
        "lang",
        "created_at",
        "warnings",
        "scan_id",
        "expires_at",
    ] {
        persona.as_object_mut().unwrap().remove(k);
    }
    let m: Value = app
        .post_json(
            "/v1/matches",
            &json!({"persona": persona, "limit": {"tasks": limit.0, "trainings": limit.1}}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(m["tasks"].is_array(), "{m}");
    (persona, m)
}

#[tokio::test]
async fn the_resident_path_judged_set_ranks_well_on_its_held_out_half() {
    let app = spawn_with(|s| {
        s.no_sample = true;
        s.clock = Some(REFERENCE_DAY);
    })
    .await;
    publish(&app, &catalog_with_requirements()).await;
    let residents = fixture("resident-path/residents.json");
    let labels = fixture("resident-path/labels.json");
    let residents = residents.as_array().unwrap();
    assert!(residents.len() >= 20);
    let mut halves: HashMap<String, Vec<f64>> = HashMap::new();
    let mut report = Vec::new();
    for r in residents {
        let id = r["id"].as_str().unwrap();
        let (_, m) = scan_and_match(&app, &r["answers"], (10, 0)).await;
        let ranked = ids_of(&m["tasks"]);
        let l = grades(&labels["labels"][id]);
        let n = ndcg(&ranked, &l, 10);
        let split = r["split"].as_str().unwrap().to_string();
        report.push(format!(
            "{id} {split:<8} nDCG@10 {n:.3}  top: {:?}",
            ranked
                .iter()
                .take(4)
                .map(|t| (t.as_str(), l.get(t).copied().unwrap_or(0.0)))
                .collect::<Vec<_>>()
        ));
        halves.entry(split).or_default().push(n);
    }
    let mean = |v: &Vec<f64>| v.iter().sum::<f64>() / v.len() as f64;
    let tune = mean(&halves["tune"]);
    let held = mean(&halves["heldout"]);
    println!(
        "{}\nresident path: tune nDCG@10 = {tune:.3} ({} residents), held-out nDCG@10 = {held:.3} ({} residents)",
        report.join("\n"),
        halves["tune"].len(),
        halves["heldout"].len()
    );
    assert!(halves["heldout"].len() >= 10);
    assert!(
        held >= MIN_HELDOUT_NDCG,
        "held-out nDCG@10 {held:.3} < {MIN_HELDOUT_NDCG}\n{}",
        report.join("\n")
    );
}

// ------------------------------------------------------------------ invariants

/// A small deterministic generator (xorshift), so a failure replays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() % 10_000) as f64 / 10_000.0 < p
    }
}

/// Random answers the way residents give them: the three required questions always,
/// each optional one now and then; sometimes a typed sentence.
fn random_answers(q: &Value, rng: &mut Rng) -> Value {
    let places = [
        "2532",
        "2533",
        "2541",
        "2542",
        "2543",
        "2544",
        "2545",
        "2546",
        "2547",
        "Moerwijk",
        "Morgenstond",
        "Bouwlust en Vrederust",
        "2511",
        "2564",
    ];
    let sentences = [
        "Ik kook graag voor anderen.",
        "ik repareer graag fietsen",
        "Ik wil graag iets met kinderen doen",
        "Ik heb veertig jaar bouwtekeningen gemaakt",
        "tuin",
        "Ik help graag mensen",
    ];
    let mut a = serde_json::Map::new();
    for item in q["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
    {
        let id = item["id"].as_str().unwrap();
        let required = item["required"] == true;
        if !required && !rng.chance(0.3) {
            continue;
        }
        let options: Vec<&Value> = item["options"]
            .as_array()
            .map(|o| o.iter().collect())
            .unwrap_or_default();
        let pick = |rng: &mut Rng| options[rng.below(options.len())]["value"].clone();
        let v = match item["type"].as_str().unwrap() {
            "place" => json!(places[rng.below(places.len())]),
            "slots" => {
                let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
                let parts = ["morning", "afternoon", "evening"];
                let n = 1 + rng.below(4);
                let mut s: Vec<String> = (0..n)
                    .map(|_| format!("{}-{}", days[rng.below(7)], parts[rng.below(3)]))
                    .collect();
                s.sort();
                s.dedup();
                json!(s)
            }
            "single" => pick(rng),
            "multi" => {
                let max = item["max"].as_u64().unwrap_or(3).min(3) as usize;
                let n = 1 + rng.below(max);
                let mut chosen: Vec<Value> = Vec::new();
                for _ in 0..n {
                    let o = options[rng.below(options.len())];
                    if o["exclusive"] == true {
                        chosen = vec![o["value"].clone()];
                        break;
                    }
                    if !chosen.contains(&o["value"]) {
                        chosen.push(o["value"].clone());
                    }
                }
                json!(chosen)
            }
            "likert" => json!(1 + rng.below(5)),
            "text" => json!(sentences[rng.below(sentences.len())]),
            "number" => continue,
            other => panic!("unknown item type {other}"),
        };
        a.insert(id.to_string(), v);
    }
    Value::Object(a)
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

const LOADS: [&str; 3] = ["low", "medium", "high"];
const LANGS: [&str; 4] = ["A2", "B1", "B2", "C1"];
/// The youngest age in each band of the questionnaire's `leeftijd` (by option value)
/// and the oldest.
fn age_range(option: &str) -> Option<(u32, u32)> {
    match option {
        "onder-18" => Some((0, 17)),
        "18-20" => Some((18, 20)),
        "21-26" => Some((21, 26)),
        "27-66" => Some((27, 66)),
        "67-plus" => Some((67, 200)),
        _ => None,
    }
}
fn per_month(freq: &str) -> f64 {
    match freq {
        "weekly" => 4.0,
        "biweekly" => 2.0,
        "monthly" => 1.0,
        "occasional" => 0.5,
        _ => 0.1,
    }
}

/// The person as the answers state it: each limit only when its question was answered
/// (the values of answered questions are read from the persona the scan returned).
struct Stated<'a> {
    answers: &'a Value,
    persona: &'a Value,
    permits: &'a HashSet<String>,
    today: String,
}

impl Stated<'_> {
    fn answered(&self, item: &str) -> bool {
        self.answers.get(item).is_some_and(|v| !v.is_null())
    }
    fn chose(&self, item: &str, value: &str) -> bool {
        match &self.answers[item] {
            Value::String(s) => s == value,
            Value::Array(a) => a.iter().any(|x| x == value),
            _ => false,
        }
    }
    fn slots(&self) -> Vec<&str> {
        strs(&self.answers["tijden"])
    }
    fn origin(&self) -> Option<(f64, f64)> {
        let o = &self.persona["travel"]["origin"];
        Some((o["lat"].as_f64()?, o["lon"].as_f64()?))
    }
    fn skills(&self) -> HashSet<&str> {
        let mut s: HashSet<&str> = strs(&self.answers["talent-mensen"]).into_iter().collect();
        s.extend(strs(&self.answers["talent-handen"]));
        s
    }

    /// Why the task may not be shown to this person, from the record and the stated
    /// answers alone; `None` when it may.
    fn excludes(&self, t: &Value) -> Option<String> {
        let s = &t["schedule"];
        if s["end"].as_str().is_some_and(|e| e < self.today.as_str()) {
            return Some("ended".into());
        }
        let remote = t["remote"] == true || t["location"].is_null();
        if self.answered("reizen") {
            let r = self.persona["travel"]["radius_km"]
                .as_f64()
                .expect("an answered travel question gives a radius");
            if let (false, Some(o)) = (remote, self.origin()) {
                let d = haversine(
                    o,
                    (
                        t["location"]["lat"].as_f64().unwrap(),
                        t["location"]["lon"].as_f64().unwrap(),
                    ),
                );
                if d > r + 1e-9 {
                    return Some(format!("{d:.2} km > {r}"));
                }
            }
        }
        let ts = strs(&s["slots"]);
        let any = s["on_call"] == true || s["flexible"] == true || ts.is_empty();
        // A weekly task asks hours_per_week / hours_per_session sessions a week, each at
        // one of its moments: the person must be free at that many of them.
        let sessions = match s["hours_per_session"].as_f64() {
            Some(h) if h > 0.0 && s["frequency"] == "weekly" => {
                let n = (s["hours_per_week"].as_f64().unwrap() / h - 1e-6).ceil();
                (n.max(1.0) as usize).min(ts.len()).min(7)
            }
            _ => 1,
        };
        let free = ts.iter().filter(|x| self.slots().contains(x)).count();
        if !any && free < sessions {
            return Some(format!(
                "free at {free} of the {sessions} moments a week it asks"
            ));
        }
        if self.answered("hoe-vaak") {
            let h = self.persona["availability"]["hours_per_week"]
                .as_f64()
                .expect("an answered 'how often' gives hours");
            if s["hours_per_week"].as_f64().unwrap() > h * 1.25 + 1e-9 {
                return Some("hours".into());
            }
        }
        if self.answered("lichaam") && !self.chose("lichaam", "liever-niet") {
            let me = self.persona["constraints"]["physical_load"]
                .as_str()
                .unwrap();
            let pos = |l: &str| LOADS.iter().position(|x| *x == l).unwrap();
            if pos(t["physical_load"].as_str().unwrap()) > pos(me) {
                return Some("physical load".into());
            }
        }
        if self.answered("taal") {
            let me = self.persona["constraints"]["language_level"]
                .as_str()
                .unwrap();
            let pos = |l: &str| LANGS.iter().position(|x| *x == l).unwrap();
            if pos(t["language_level"].as_str().unwrap()) > pos(me) {
                return Some("Dutch level".into());
            }
        }
        if self.chose("nodig", "rolstoel")
            && !remote
            && !strs(&t["suitable_for"]).contains(&"wheelchair")
        {
            return Some("wheelchair".into());
        }
        let skills = self.skills();
        for p in strs(&t["skills"])
            .into_iter()
            .chain(strs(&t["requirements"]["skills"]))
        {
            if self.permits.contains(p) && !skills.contains(p) {
                return Some(format!("requires {p}"));
            }
        }
        for (topic, p) in topics_for_permits() {
            if strs(&t["required_trainings"]).contains(&topic.as_str())
                && !skills.contains(p.as_str())
            {
                return Some(format!("requires the course {topic}, which is for {p}"));
            }
        }
        if let Some(min) = t["requirements"]["min_age"].as_u64() {
            let band = self.answers["leeftijd"].as_str().and_then(age_range);
            if band.is_some_and(|(_, oldest)| (oldest as u64) < min) {
                return Some("too young".into());
            }
        }
        None
    }
}

/// Slot ids ("thu-afternoon") of a session start such as "2027-01-07T13:00:00+01:00".
fn session_slot(start: &str) -> Option<String> {
    let fmt = time::format_description::well_known::Rfc3339;
    let t = time::OffsetDateTime::parse(start, &fmt).ok()?;
    let day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        [t.weekday().number_days_from_monday() as usize];
    let part = match t.hour() {
        0..=11 => "morning",
        12..=17 => "afternoon",
        _ => "evening",
    };
    Some(format!("{day}-{part}"))
}

#[tokio::test]
async fn random_partial_answers_keep_the_invariants() {
    let app = spawn_with(|s| {
        s.no_sample = true;
        s.clock = Some(REFERENCE_DAY);
    })
    .await;
    let cat = catalog_with_requirements();
    publish(&app, &cat).await;
    let q: Value = app
        .get("/v1/questionnaires/talentscan?lang=nl")
        .await
        .json()
        .await
        .unwrap();
    let tasks: HashMap<&str, &Value> = cat["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap(), t))
        .collect();
    let trainings: HashMap<&str, &Value> = cat["trainings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap(), t))
        .collect();
    let permits = permit_skills();
    assert!(!permits.is_empty());
    let today = REFERENCE_DAY.date().to_string();
    let mut rng = Rng(0x7a1e_57ca_2026_1201);
    let (mut shown, mut reasons_checked, mut trainings_shown) = (0, 0, 0);
    for case in 0..80 {
        let answers = random_answers(&q, &mut rng);
        let (persona, m) = scan_and_match(&app, &answers, (50, 20)).await;
        let who = Stated {
            answers: &answers,
            persona: &persona,
            permits: &permits,
            today: today.clone(),
        };
        let ctx = format!("case {case}: answers {answers}");
        // No hard limit from an unanswered question, and every stated one kept: the
        // tasks the server finds feasible are exactly those the answers allow.
        let allowed = tasks.values().filter(|t| who.excludes(t).is_none()).count();
        assert_eq!(
            m["feasible_tasks"].as_u64().unwrap() as usize,
            allowed,
            "{ctx}\nfeasible tasks differ from what the stated answers allow"
        );
        let shown_tasks: Vec<&Value> = m["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| tasks[t["id"].as_str().unwrap()])
            .collect();
        for (mt, t) in m["tasks"].as_array().unwrap().iter().zip(&shown_tasks) {
            shown += 1;
            assert_eq!(who.excludes(t), None, "{ctx}\n{} shown", t["id"]);
            for r in mt["reasons"].as_array().unwrap() {
                reasons_checked += 1;
                if let Err(e) = task_reason_is_true(r, t, &who) {
                    panic!("{ctx}\n{}: reason {r} is not true: {e}", t["id"]);
                }
            }
        }
        let needed_topics: HashSet<&str> = shown_tasks
            .iter()
            .flat_map(|t| strs(&t["required_trainings"]))
            .collect();
        for mt in m["trainings"].as_array().unwrap() {
            trainings_shown += 1;
            let t = trainings[mt["id"].as_str().unwrap()];
            let needed = strs(&t["topics"]).iter().any(|x| needed_topics.contains(x));
            if who.chose("leren", "nu-even-niets") {
                assert!(
                    needed,
                    "{ctx}\n{} shown to someone who wants no training",
                    t["id"]
                );
            }
            let mut slots: HashSet<String> = strs(&t["schedule"]["slots"])
                .iter()
                .map(|s| s.to_string())
                .collect();
            for s in t["sessions"].as_array().into_iter().flatten() {
                slots.extend(session_slot(s["start"].as_str().unwrap()));
            }
            let free = t["online"] == true
                || slots.is_empty()
                || slots.iter().any(|s| who.slots().contains(&s.as_str()));
            assert!(free, "{ctx}\n{} is at no free moment ({slots:?})", t["id"]);
            let drives = who.skills().contains("autorijden");
            assert!(
                drives || !strs(&t["topics"]).contains(&"rijvaardigheid"),
                "{ctx}\n{} is a course for drivers",
                t["id"]
            );
            for r in mt["reasons"].as_array().unwrap() {
                reasons_checked += 1;
                if let Err(e) = training_reason_is_true(r, t, &who, &shown_tasks) {
                    panic!("{ctx}\n{}: reason {r} is not true: {e}", t["id"]);
                }
            }
        }
    }
    assert!(shown > 200 && reasons_checked > 500 && trainings_shown > 20,
        "too little was checked: {shown} tasks, {reasons_checked} reasons, {trainings_shown} trainings");
}

fn ensure(ok: bool, why: &str) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(why.into())
    }
}

/// The words quoted in a reason (“…”).
fn quoted(text: &str) -> Vec<String> {
    text.split('\u{201c}')
        .skip(1)
        .filter_map(|s| s.split('\u{201d}').next())
        .map(str::to_string)
        .collect()
}

/// Whole words of a text, lowercased.
fn words_of(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn task_reason_is_true(r: &Value, t: &Value, who: &Stated) -> Result<(), String> {
    let text = r["text"].as_str().unwrap();
    let a = who.answers;
    let s = &t["schedule"];
    let ts = strs(&s["slots"]);
    match r["code"].as_str().unwrap() {
        "interest" => ensure(
            strs(&t["categories"])
                .iter()
                .any(|c| strs(&a["interesses"]).contains(c)),
            "no category the person chose",
        ),
        "skill" => ensure(
            strs(&t["skills"]).iter().any(|x| who.skills().contains(x)),
            "no skill the person ticked",
        ),
        "learn" => ensure(
            strs(&t["learn_skills"])
                .iter()
                .any(|x| strs(&a["leren"]).contains(x)),
            "teaches nothing the person wants to learn",
        ),
        "slot" => ensure(
            ts.is_empty() || ts.iter().any(|x| who.slots().contains(x)),
            "no listed moment fits and the task has fixed moments",
        ),
        "on_call" => ensure(s["on_call"] == true, "not on call"),
        "by_agreement" => ensure(s["flexible"] == true, "not flexible"),
        "commitment" => {
            ensure(who.answered("hoe-vaak"), "the person did not say how often")?;
            let mine = per_month(who.persona["availability"]["frequency"].as_str().unwrap());
            ensure(
                per_month(s["frequency"].as_str().unwrap()) <= mine + 1e-9,
                "asks more often than the person offers",
            )
        }
        "distance" => {
            ensure(t["remote"] != true && !t["location"].is_null(), "remote")?;
            let d = haversine(
                who.origin().ok_or("no origin")?,
                (
                    t["location"]["lat"].as_f64().unwrap(),
                    t["location"]["lon"].as_f64().unwrap(),
                ),
            );
            let stated: f64 = text
                .split_whitespace()
                .find_map(|w| w.replace(',', ".").parse().ok())
                .ok_or("no number")?;
            ensure((stated - d).abs() <= 0.1, "wrong distance")
        }
        "remote" => ensure(t["remote"] == true || t["location"].is_null(), "not remote"),
        "first_step" => {
            let o = &t["onboarding"];
            ensure(
                o["intro_meeting"] == true
                    || o["buddy"] == true
                    || o["trial_period"] == true
                    || o["training_provided"] == true,
                "no onboarding",
            )
        }
        "certificate" => ensure(t["certificate"] == true, "no certificate"),
        "allowance" => ensure(
            t["allowance"]["kind"] == "volunteer_allowance" && who.chose("nodig", "vergoeding"),
            "no allowance asked or given",
        ),
        "expenses" => ensure(t["allowance"]["kind"] == "expenses", "no expenses"),
        "work_experience" => ensure(
            !strs(&t["work_experience"]).is_empty()
                && (who.chose("werk", "stap-voor-stap") || who.chose("werk", "zoeken")),
            "work experience for someone who did not ask for work",
        ),
        "access" => {
            let tags = strs(&t["suitable_for"]);
            let needs = [
                (who.chose("nodig", "rolstoel"), "wheelchair"),
                (who.chose("taal", "a2"), "low_dutch"),
                (who.chose("taal", "a2"), "no_dutch_needed"),
                (who.chose("leeftijd", "onder-18"), "school_internship"),
                (who.chose("nodig", "kinderen"), "with_children"),
            ];
            ensure(
                needs.iter().any(|(need, tag)| *need && tags.contains(tag)),
                "suits no need the person named",
            )
        }
        "motivation" => ensure(
            [
                "vfi-waarden",
                "vfi-begrip",
                "vfi-sociaal",
                "vfi-loopbaan",
                "vfi-beter-voelen",
                "vfi-gewaardeerd",
            ]
            .iter()
            .any(|i| a[*i].as_u64().is_some_and(|v| v >= 4)),
            "the person named no strong motive",
        ),
        "text" => {
            let typed = words_of(a["graag-doen"].as_str().ok_or("the person typed nothing")?);
            let q = quoted(text);
            ensure(!q.is_empty(), "quotes nothing")?;
            for w in q {
                ensure(
                    typed.contains(&w.to_lowercase()),
                    "not a whole word the person typed",
                )?;
            }
            Ok(())
        }
        other => Err(format!("unknown reason code {other}")),
    }
}

fn training_reason_is_true(
    r: &Value,
    t: &Value,
    who: &Stated,
    shown: &[&Value],
) -> Result<(), String> {
    let text = r["text"].as_str().unwrap();
    match r["code"].as_str().unwrap() {
        "training_needed" => ensure(
            shown.iter().any(|task| {
                strs(&task["required_trainings"])
                    .iter()
                    .any(|x| strs(&t["topics"]).contains(x))
                    && text.contains(task["title"].as_str().unwrap())
            }),
            "no shown task needs it",
        ),
        "training_useful" => ensure(
            shown.iter().any(|task| {
                text.contains(task["title"].as_str().unwrap())
                    && strs(&t["skills"]).iter().any(|s| {
                        strs(&task["skills"]).contains(s) || strs(&task["learn_skills"]).contains(s)
                    })
            }),
            "useful for no shown task",
        ),
        "learn" => ensure(
            strs(&t["skills"])
                .iter()
                .any(|x| strs(&who.answers["leren"]).contains(x)),
            "teaches nothing the person wants to learn",
        ),
        "certificate" => ensure(t["certificate"] == true, "no certificate"),
        "online" => ensure(t["online"] == true, "not online"),
        "distance" => ensure(t["online"] != true && !t["location"].is_null(), "no place"),
        "free" => ensure(t["cost_eur"].as_f64() == Some(0.0), "not free"),
        "upcoming" => ensure(!t["sessions"].as_array().unwrap().is_empty(), "no sessions"),
        "text" => {
            let typed = words_of(who.answers["graag-doen"].as_str().ok_or("typed nothing")?);
            ensure(
                quoted(text)
                    .iter()
                    .all(|w| typed.contains(&w.to_lowercase())),
                "not a whole word the person typed",
            )
        }
        "topic" => Ok(()),
        other => Err(format!("unknown reason code {other}")),
    }
}
