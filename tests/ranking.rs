//! Property tests of the matcher on the sample catalog: random personas never see a
//! hard-constraint violation or a match without reasons; the column path (geo cells,
//! two phases) returns the same top-10 as the matcher's straightforward scorer; and it
//! agrees with an independent definition of the limits and the score (`reference/`).
mod reference;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use reference::{Reference, SCORE_TOLERANCE};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use talentscan::catalog::model::{Kind, Task};
use talentscan::configuration::Settings;
use talentscan::persona::*;
use talentscan::ranking::{Ask, Query};
use talentscan::state::AppState;
use talentscan::taxonomy::{Lang, Slot};

struct World {
    state: Arc<AppState>,
    tasks: Vec<Task>,
    _dir: tempfile::TempDir,
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let rt = runtime();
        let state = rt
            .block_on(AppState::open(Settings::for_dir(dir.path().to_path_buf())))
            .unwrap();
        let tasks = state
            .store
            .iter(Kind::Tasks)
            .unwrap()
            .map(|r| serde_json::from_value(r.unwrap().1).unwrap())
            .collect();
        World {
            state,
            tasks,
            _dir: dir,
        }
    })
}

fn query() -> Query {
    Query {
        limit_tasks: 10,
        limit_trainings: 5,
        categories: None,
        words: None,
        words_are_search: false,
        lang: Lang::Nl,
        explain: false,
        now: time::OffsetDateTime::now_utc(),
    }
}

fn category_ids() -> Vec<String> {
    let tax = &world().state.taxonomies;
    tax.categories.terms.iter().map(|t| t.id.clone()).collect()
}

fn persona_strategy() -> impl Strategy<Value = Persona> {
    let w = world();
    let pcs: Vec<(f64, f64)> = w
        .state
        .places
        .postcodes
        .iter()
        .map(|p| (p.lat, p.lon))
        .collect();
    let cats = category_ids();
    let skills: Vec<String> = w
        .state
        .taxonomies
        .skills
        .terms
        .iter()
        .map(|t| t.id.clone())
        .collect();
    (
        (
            prop::option::of(prop::sample::select(pcs)),
            0.5f64..10.0,
            prop::sample::select(TravelMode::ALL.to_vec()),
        ),
        (
            prop::collection::vec(0usize..21, 0..6),
            prop::option::of(0.5f64..12.0),
            prop::option::of(prop::sample::select(Frequency::ALL.to_vec())),
        ),
        (
            prop::option::of(prop::sample::select(Load::ALL.to_vec())),
            prop::option::of(prop::sample::select(LanguageLevel::ALL.to_vec())),
            any::<bool>(),
        ),
        (
            prop::sample::subsequence(cats, 0..4),
            prop::sample::subsequence(skills.clone(), 0..4),
            prop::sample::subsequence(skills, 0..3),
        ),
        (
            prop::array::uniform6(0.0f64..1.0),
            prop::sample::select(WorkGoal::ALL.to_vec()),
            any::<bool>(),
            any::<bool>(),
            0.0f64..100.0,
        ),
        (
            prop::collection::vec(0.1f64..=1.0, 4),
            any::<bool>(),
            prop::option::of(prop::sample::select(AgeBand::ALL.to_vec())),
            prop::option::weighted(
                0.3,
                prop::sample::subsequence(
                    vec![
                        "koken", "tuin", "computer", "kinderen", "taal", "fiets", "muziek",
                        "ouderen",
                    ],
                    1..3,
                ),
            ),
        ),
    )
        .prop_map(
            |(
                (origin, radius, mode),
                (slots, hours, freq),
                (load, lang, wheel),
                (cats, skills, learn),
                (mot, goal, allow, cert, kennen),
                (weights, childcare, age, words),
            )| {
                let mut p = Persona::default();
                p.travel.origin = origin.map(|(lat, lon)| Origin::At {
                    point: talentscan::geo::LatLon { lat, lon },
                    postcode: None,
                    wijk: None,
                });
                p.travel.radius_km = Some(RadiusKm::try_from(radius).unwrap());
                p.travel.mode = mode;
                let mut s: Vec<Slot> = slots
                    .into_iter()
                    .filter_map(|i| Slot::all().nth(i))
                    .collect();
                s.sort();
                s.dedup();
                p.availability.slots = s;
                p.availability.hours_per_week = hours.map(|h| HoursPerWeek::try_from(h).unwrap());
                p.availability.frequency = freq;
                p.constraints.physical_load = load;
                p.constraints.language_level = lang;
                p.constraints.wheelchair = wheel;
                // Weights below 1 too: two half interests are not one whole.
                p.interests = cats
                    .into_iter()
                    .zip(weights)
                    .map(|(c, w)| (c, Unit::try_from(w).unwrap()))
                    .collect();
                p.constraints.childcare = childcare;
                p.situation.age_band = age;
                p.words = words.map(|w| w.join(" "));
                p.skills = skills;
                p.learning_goals = learn;
                p.motivations = Motivations::from_array(mot);
                p.work_goal = goal;
                p.needs.allowance = allow;
                p.needs.certificate = cert;
                p.kkwz = Kkwz::from_values([kennen, 50.0, 50.0, 50.0]);
                p
            },
        )
}

fn reference() -> &'static Reference {
    static R: OnceLock<Reference> = OnceLock::new();
    R.get_or_init(Reference::load)
}

/// A person and the desk's "only these categories" (sometimes).
fn ask_strategy() -> impl Strategy<Value = (Persona, Option<Vec<String>>)> {
    (
        persona_strategy(),
        prop::option::weighted(0.2, prop::sample::subsequence(category_ids(), 1..3)),
    )
}

/// The column path against the independent reference: the same tasks pass the hard
/// limits, every shown task has the reference's score, and the first is the best.
fn agrees_with_the_reference(
    w: &World,
    p: &Persona,
    categories: Option<Vec<String>>,
) -> Result<(), TestCaseError> {
    let r = reference();
    let mut q = query();
    q.categories = categories.clone();
    q.words = p
        .words
        .as_deref()
        .and_then(talentscan::search::content_words);
    let m = &w.state.matcher();
    let prepared = m.prepare(p, &q);
    let snap = w.state.snapshot();
    let cols = &snap.tasks;
    let text = q.words.as_deref().map(|words| {
        m.text_relevance(cols, &w.state.index, words, &prepared)
            .unwrap()
    });
    let (fast, feasible) = m.rank_rows_counted(cols, &prepared, text.as_ref(), 10);
    let row_of: HashMap<&str, usize> = cols
        .ids
        .iter()
        .enumerate()
        .map(|(i, id)| (&**id, i))
        .collect();
    let today = q.now.date();
    let mut scores: HashMap<&str, f64> = HashMap::new();
    for t in &w.tasks {
        if r.violation(t, p, today, categories.as_deref()).is_none() {
            let tx = text.as_ref().map(|x| x.get(row_of[t.id.as_str()]) as f64);
            scores.insert(t.id.as_str(), r.score(t, p, tx));
        }
    }
    prop_assert_eq!(feasible, scores.len(), "tasks within every hard limit");
    prop_assert_eq!(fast.len(), scores.len().min(10));
    let best = scores.values().copied().fold(f64::MIN, f64::max);
    for (i, c) in fast.iter().enumerate() {
        let id: &str = &cols.ids[c.row];
        let Some(s) = scores.get(id) else {
            return Err(TestCaseError::fail(format!("{id} breaks a hard limit")));
        };
        prop_assert!(
            (s - c.score).abs() <= SCORE_TOLERANCE,
            "{}: reference {} against {}",
            id,
            s,
            c.score
        );
        if i == 0 {
            prop_assert!(*s >= best - SCORE_TOLERANCE, "the first is the best");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_violation_and_always_a_reason(p in persona_strategy()) {
        let w = world();
        let q = query();
        let m = &w.state.matcher();
        let prepared = m.prepare(&p, &q);
        let snap = w.state.snapshot();
        let rows = m.rank_rows(&snap.tasks, &prepared, None, 10);
        let today = q.now.date();
        prop_assert!(rows.len() <= 10);
        for c in &rows {
            let t = w.tasks.iter().find(|t| *t.id == *snap.tasks.ids[c.row]).unwrap();
            prop_assert_eq!(reference().violation(t, &p, today, None), None, "{}", t.id);
            let ask = Ask { persona: &p, prepared: &prepared, query: &q, telling: &[] };
            let out = m.task_match(t, c, &ask, "org");
            prop_assert!(!out.reasons.is_empty(), "{} has no reason", t.id);
            prop_assert!((0.0..=1.0).contains(&out.score));
        }
    }

    #[test]
    fn the_column_path_agrees_with_the_reference_scorer(p in persona_strategy()) {
        let w = world();
        let q = query();
        let m = &w.state.matcher();
        let prepared = m.prepare(&p, &q);
        let snap = w.state.snapshot();
        let fast: Vec<String> = m.rank_rows(&snap.tasks, &prepared, None, 10).into_iter().map(|c| snap.tasks.ids[c.row].to_string()).collect();
        let reference = m.rank_reference(&w.tasks, &prepared, 10);
        prop_assert_eq!(fast, reference);
    }

    #[test]
    fn the_column_path_agrees_with_the_independent_reference((p, cats) in ask_strategy()) {
        agrees_with_the_reference(world(), &p, cats)?;
    }
}

/// Two servers built independently from the same catalog (separate stores, indexes and
/// columns) give the same answer, words included: nothing depends on build order, hash
/// seeds or timing.
#[test]
fn two_independently_built_states_rank_alike() {
    let rt = runtime();
    let open = || {
        let dir = tempfile::tempdir().unwrap();
        let state = rt
            .block_on(AppState::open(Settings::for_dir(dir.path().to_path_buf())))
            .unwrap();
        (state, dir)
    };
    let (a, _da) = open();
    let (b, _db) = open();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut compared = 0;
    for i in 0..40 {
        let mut p = persona_strategy().new_tree(&mut runner).unwrap().current();
        if i % 2 == 0 {
            p.words = Some(
                [
                    "koken",
                    "Ik repareer graag fietsen",
                    "tuin",
                    "kinderen voorlezen",
                ][i / 2 % 4]
                    .into(),
            );
        }
        let mut q = query();
        q.words = p.words.clone();
        let answer = |s: &AppState| {
            let out = s
                .matcher()
                .run(&s.snapshot(), &s.index, s, p.clone(), &q)
                .unwrap();
            serde_json::to_value((&out.tasks, &out.trainings, out.feasible_tasks)).unwrap()
        };
        let (x, y) = (answer(&a), answer(&b));
        assert_eq!(x, y, "persona {i}");
        compared += x[0].as_array().unwrap().len();
    }
    assert!(compared > 100, "too little was compared: {compared} tasks");
}

/// A dense synthetic catalog of 3,000 tasks, so that more tasks pass the filters than the
/// second phase keeps: the gate, the quantised first-phase score and its running top-k
/// are all on the path, and must still give the reference scorer's top-10.
fn dense() -> &'static World {
    static D: OnceLock<World> = OnceLock::new();
    D.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let rt = runtime();
        let mut settings = Settings::for_dir(dir.path().join("data"));
        settings.no_sample = true;
        let state = rt.block_on(AppState::open(settings)).unwrap();
        let gen = dir.path().join("gen");
        talentscan::catalog::synthetic::generate(
            &state.taxonomies,
            3000,
            10,
            11,
            talentscan::catalog::synthetic::Spread::Dense,
            &gen,
        )
        .unwrap();
        for kind in [Kind::Organisations, Kind::Tasks] {
            let values: Vec<serde_json::Value> =
                std::fs::read_to_string(gen.join(format!("{}.ndjson", kind.as_str())))
                    .unwrap()
                    .lines()
                    .map(|l| serde_json::from_str(l).unwrap())
                    .collect();
            let (ok, errs) = rt.block_on(state.publish(kind, values, |_| true)).unwrap();
            assert!(errs.is_empty() && !ok.is_empty());
        }
        let tasks: Vec<Task> = state
            .store
            .iter(Kind::Tasks)
            .unwrap()
            .map(|r| serde_json::from_value(r.unwrap().1).unwrap())
            .collect();
        assert_eq!(tasks.len(), 3000);
        World {
            state,
            tasks,
            _dir: dir,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn on_a_large_dense_catalog_the_column_path_agrees_with_the_reference(p in persona_strategy()) {
        let w = dense();
        let q = query();
        let m = &w.state.matcher();
        let prepared = m.prepare(&p, &q);
        let cols = w.state.snapshot().tasks;
        let fast: Vec<String> = m.rank_rows(&cols, &prepared, None, 10).into_iter().map(|c| cols.ids[c.row].to_string()).collect();
        let reference = m.rank_reference(&w.tasks, &prepared, 10);
        prop_assert_eq!(fast, reference);
    }

    #[test]
    fn on_a_large_dense_catalog_the_column_path_agrees_with_the_independent_reference((p, cats) in ask_strategy()) {
        agrees_with_the_reference(dense(), &p, cats)?;
    }
}

/// The matcher's columns after a stream of writes are the columns of the final catalog:
/// `apply` (copy the kept rows, merge the new ones in) equals `build` from scratch.
#[test]
fn columns_after_upserts_and_deletes_equal_columns_built_from_scratch() {
    use std::collections::HashSet;
    use talentscan::ranking::columns::TaskColumns;
    let w = dense();
    let tax = &w.state.taxonomies;
    let (first, rest) = w.tasks.split_at(2500);
    let mut moved: Vec<Task> = first[..60].to_vec();
    for (k, t) in moved.iter_mut().enumerate() {
        t.title = format!("verplaatst {k}");
        if let Some(l) = t.location.as_mut() {
            l.lat += 0.05;
        }
        if k % 3 == 0 {
            t.organisation_id = format!("nieuwe-org-{k}");
            t.role_id = Some(format!("nieuwe-rol-{k}"));
        }
    }
    let deletes: HashSet<String> = first[100..140].iter().map(|t| t.id.clone()).collect();
    let upserts: Vec<Task> = rest.iter().cloned().chain(moved.iter().cloned()).collect();
    let applied = TaskColumns::build(first.to_vec(), tax).apply(&upserts, &deletes, tax);

    let mut fin: Vec<Task> = first
        .iter()
        .filter(|t| !deletes.contains(&t.id) && !moved.iter().any(|m| m.id == t.id))
        .cloned()
        .collect();
    fin.extend(upserts.iter().cloned());
    let built = TaskColumns::build(fin, tax);

    assert_eq!(applied.len(), 3000 - 40);
    assert_eq!(applied.ids, built.ids);
    for i in 0..built.len() {
        assert_eq!(
            format!("{:?}", applied.rows[i]),
            format!("{:?}", built.rows[i])
        );
        assert_eq!(
            format!("{:?}", applied.gates.get(i)),
            format!("{:?}", built.gates.get(i))
        );
        assert_eq!(
            format!("{:?}", applied.fit[i]),
            format!("{:?}", built.fit[i])
        );
        assert_eq!(applied.offers.row(i), built.offers.row(i));
        assert_eq!(
            format!("{:?}", applied.coords[i]),
            format!("{:?}", built.coords[i])
        );
        assert_eq!(
            applied.organisations[applied.org[i] as usize],
            built.organisations[built.org[i] as usize]
        );
        let role =
            |c: &TaskColumns| (c.role[i] != u32::MAX).then(|| c.roles[c.role[i] as usize].clone());
        assert_eq!(role(&applied), role(&built));
        assert_eq!(applied.main_category[i], built.main_category[i]);
    }
    // The id-hash index is carried over with renumbered rows, not rebuilt: every row is
    // found by its id, and no id by another row.
    for (i, id) in applied.ids.iter().enumerate() {
        let h = talentscan::search::id_hash(id);
        let rows: Vec<usize> = applied.rows_of_hash(h).collect();
        let built_rows: Vec<usize> = built.rows_of_hash(h).collect();
        assert_eq!(rows, built_rows, "{id}");
        assert!(rows.contains(&i), "{id}");
    }
    // The geo ranges (cells and the remote rows at the end) are the same: every persona
    // sees the same rows.
    let m = &w.state.matcher();
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..40 {
        let p = persona_strategy().new_tree(&mut runner).unwrap().current();
        let prepared = m.prepare(&p, &query());
        assert_eq!(
            applied.candidate_ranges(&prepared),
            built.candidate_ranges(&prepared)
        );
        assert_eq!(applied.gated_rows(&prepared), built.gated_rows(&prepared));
    }
}

/// The guard rails around learned weights (`outcomes::learn`): whatever non-negative task
/// weights a learner puts in, no hard limit is crossed, work experience counts only for
/// `preparing` and `searching`, and the benefit answer never changes the ranking.
fn learned_matcher(w: &[f64; 13]) -> talentscan::ranking::Matcher {
    use talentscan::ranking::feature::Feature;
    let mut weights = talentscan::ranking::config::Weights::embedded().unwrap();
    for f in Feature::ALL {
        weights.task.insert(f.name().to_string(), w[f as usize]);
    }
    talentscan::ranking::Matcher::with_weights(world().state.taxonomies.clone(), weights).unwrap()
}

fn ranked(m: &talentscan::ranking::Matcher, p: &Persona) -> Vec<(String, f64)> {
    let w = world();
    let snap = w.state.snapshot();
    m.rank_rows(&snap.tasks, &m.prepare(p, &query()), None, 10)
        .into_iter()
        .map(|c| (snap.tasks.ids[c.row].to_string(), c.score))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn learned_weights_never_cross_a_hard_limit(p in persona_strategy(), w in prop::array::uniform13(0.0f64..6.0)) {
        let m = learned_matcher(&w);
        let world = world();
        let q = query();
        let snap = world.state.snapshot();
        for c in m.rank_rows(&snap.tasks, &m.prepare(&p, &q), None, 10) {
            let t = world.tasks.iter().find(|t| *t.id == *snap.tasks.ids[c.row]).unwrap();
            prop_assert_eq!(reference().violation(t, &p, q.now.date(), None), None, "{}", t.id);
        }
    }

    #[test]
    fn learned_weights_let_work_experience_count_only_for_preparing_and_searching(
        p in persona_strategy(),
        w in prop::array::uniform13(0.0f64..6.0),
    ) {
        use talentscan::ranking::feature::Feature;
        let mut without = w;
        without[Feature::WorkExperience as usize] = 0.0;
        for goal in [WorkGoal::NotForMe, WorkGoal::NotNow, WorkGoal::Exploring] {
            let mut p = p.clone();
            p.work_goal = goal;
            prop_assert_eq!(ranked(&learned_matcher(&w), &p), ranked(&learned_matcher(&without), &p));
        }
    }

    #[test]
    fn learned_weights_never_let_the_benefit_answer_change_the_ranking(
        p in persona_strategy(),
        w in prop::array::uniform13(0.0f64..6.0),
    ) {
        let m = learned_matcher(&w);
        let mut answers = Vec::new();
        for on_benefit in [None, Some(true), Some(false)] {
            let mut p = p.clone();
            p.situation.on_benefit = on_benefit;
            answers.push(ranked(&m, &p));
        }
        prop_assert_eq!(&answers[0], &answers[1]);
        prop_assert_eq!(&answers[0], &answers[2]);
    }
}

/// Text relevance over columns that were carried through writes (`TaskColumns::apply`
/// takes each index segment's doc → row map over instead of building it again) finds the
/// same tasks with the same scores as over columns built from scratch for the same index,
/// also when a query ran between a write's index commit and its columns, and when tasks
/// moved, were replaced or deleted.
#[test]
fn words_over_carried_columns_find_what_fresh_columns_find() {
    use std::collections::HashSet;
    use talentscan::catalog::model::Record;
    use talentscan::ranking::columns::TaskColumns;
    use talentscan::search::SearchIndex;
    let w = dense();
    let tax = &w.state.taxonomies;
    let dir = tempfile::tempdir().unwrap();
    let (index, _) = SearchIndex::open(dir.path()).unwrap();
    let org = |_: &str| String::new();
    let records = |ts: &[Task]| -> Vec<Record> {
        ts.iter()
            .map(|t| Record::Task(Box::new(t.clone())))
            .collect()
    };
    let (first, rest) = w.tasks.split_at(2000);
    index.upsert(&records(first), tax, &org, 1).unwrap();
    let words = ["buurt tuin", "koken eten", "taal les", "computer hulp"];
    let hits = |cols: &TaskColumns| -> Vec<(String, u32, u16)> {
        let mut out = Vec::new();
        for q in words {
            index
                .text_hits(Kind::Tasks, q, cols, &mut |d, score, word| {
                    out.push((cols.ids[d.row as usize].to_string(), score.to_bits(), word));
                })
                .unwrap();
        }
        out.sort();
        out
    };
    let mut catalog: Vec<Task> = first.to_vec();
    let mut cols = TaskColumns::build(catalog.clone(), tax);
    assert!(!hits(&cols).is_empty(), "the words find tasks");
    for step in 0..5 {
        // New tasks, some moved and renamed, some deleted.
        let new = &rest[step * 100..(step + 1) * 100];
        let mut changed: Vec<Task> = catalog[step * 30..step * 30 + 20].to_vec();
        for t in &mut changed {
            t.title = format!("{} buurt tuin koken", t.title);
            if let Some(l) = t.location.as_mut() {
                l.lat += 0.03;
            }
        }
        let deletes: HashSet<String> = catalog[step * 30 + 20..step * 30 + 30]
            .iter()
            .map(|t| t.id.clone())
            .collect();
        let upserts: Vec<Task> = new.iter().chain(&changed).cloned().collect();
        index
            .upsert(&records(&upserts), tax, &org, 2 + step as u64 * 2)
            .unwrap();
        for id in &deletes {
            index.delete(Kind::Tasks, id, 3 + step as u64 * 2).unwrap();
        }
        if step % 2 == 1 {
            // A query with words on the old columns after the index has the write.
            hits(&cols);
        }
        cols = cols.apply(&upserts, &deletes, tax);
        catalog.retain(|t| !deletes.contains(&t.id) && !changed.iter().any(|c| c.id == t.id));
        catalog.extend(upserts);
        let carried = hits(&cols);
        let fresh = hits(&TaskColumns::build(catalog.clone(), tax));
        assert!(!fresh.is_empty());
        assert_eq!(carried, fresh, "step {step}");
        // Asked again, from the maps now up to date.
        assert_eq!(hits(&cols), fresh, "step {step}, again");
    }
}
