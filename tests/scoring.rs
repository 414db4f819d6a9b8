//! The scorer as a library: reverse-keyed items, missing answers, start-up validation of
//! definitions, and a property test that arbitrary answers never panic.
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use talentscan::geo::Places;
use talentscan::questionnaire::{score, Registry};
use talentscan::taxonomy::{Lang, Taxonomies};

fn setup() -> (Taxonomies, Places, Registry) {
    let tax = Taxonomies::embedded().unwrap();
    let places = Places::embedded().unwrap();
    let reg = Registry::embedded(&tax).unwrap();
    (tax, places, reg)
}

fn answers(v: Value) -> Map<String, Value> {
    v.as_object().unwrap().clone()
}

fn base() -> Value {
    json!({"woonplek": "Moerwijk", "tijden": ["thu-afternoon"], "interesses": ["buurt"]})
}

#[test]
fn reverse_keyed_items_lower_their_dimension_when_agreed_with() {
    let (tax, places, reg) = setup();
    let def = reg.get("talentscan", Some(1)).unwrap();
    let mut afraid = base();
    afraid["zelfvertrouwen"] = json!(5);
    let mut confident = base();
    confident["zelfvertrouwen"] = json!(1);
    let a = score(def, &tax, &places, &answers(afraid), Lang::Nl)
        .unwrap()
        .persona;
    let c = score(def, &tax, &places, &answers(confident), Lang::Nl)
        .unwrap()
        .persona;
    assert!(
        a.kkwz.kunnen.get() < c.kkwz.kunnen.get(),
        "{} vs {}",
        a.kkwz.kunnen,
        c.kkwz.kunnen
    );
    assert_eq!(
        a.kkwz.kunnen.get(),
        0.0,
        "only item, fully agreed with a reverse-keyed fear item"
    );
    assert_eq!(c.kkwz.kunnen.get(), 100.0);
}

#[test]
fn missing_answers_are_renormalised_over_what_was_answered() {
    let (tax, places, reg) = setup();
    let def = reg.get("talentscan", None).unwrap();
    let mut one = base();
    one["vfi-sociaal"] = json!(5);
    let s = score(def, &tax, &places, &answers(one), Lang::Nl).unwrap();
    // One social item answered at the top: the social motive is 1.0, not diluted by the
    // unanswered items; unanswered motives get the neutral 0.5 and a warning.
    assert_eq!(s.persona.motivations.social.get(), 1.0);
    assert_eq!(s.persona.motivations.career.get(), 0.5);
    assert!(s
        .warnings
        .iter()
        .any(|w| w.message.contains("motivation.career")));
    assert!(s.warnings.iter().any(|w| w.code == "unanswered"));
}

#[test]
fn place_answers_resolve_to_coordinates_and_wijk() {
    let (tax, places, reg) = setup();
    let def = reg.get("talentscan", None).unwrap();
    let mut a = base();
    a["woonplek"] = json!("2545");
    let p = score(def, &tax, &places, &answers(a), Lang::Nl)
        .unwrap()
        .persona;
    let Some(talentscan::persona::Origin::At { postcode, wijk, .. }) = p.travel.origin else {
        panic!("a postcode answer is looked up to a point");
    };
    assert_eq!(postcode.as_deref(), Some("2545"));
    assert!(wijk.is_some());
    let mut bad = base();
    bad["woonplek"] = json!("1012");
    let e = score(def, &tax, &places, &answers(bad), Lang::Nl).unwrap_err();
    assert_eq!(e[0].pointer, "/answers/woonplek");
}

#[test]
fn bad_definitions_are_refused_with_clear_messages() {
    let tax = Taxonomies::embedded().unwrap();
    let good = include_str!("../questionnaires/talentscan/v1.yaml");
    let unknown_dim = good.replacen("dim: kkwz.kunnen", "dim: kkwz.dromen", 1);
    let err = Registry::from_sources([("x.yaml".to_string(), unknown_dim)], &tax).unwrap_err();
    assert!(err.contains("unknown dimension"), "{err}");
    let dup = good.replacen("id: zelfvertrouwen", "id: woonplek", 1);
    let err = Registry::from_sources([("x.yaml".to_string(), dup)], &tax).unwrap_err();
    assert!(err.contains("duplicate id"), "{err}");
    let no_label = "id: t\nversion: 1\nlanguages: [nl]\ntitle: {nl: T}\nintro: {nl: I}\nsections:\n  - id: s\n    title: {nl: S}\n    items:\n      - id: a\n        type: single\n        text: {nl: Vraag}\n        options:\n          - value: x\n            label: {}\n";
    let err =
        Registry::from_sources([("x.yaml".to_string(), no_label.to_string())], &tax).unwrap_err();
    assert!(err.contains("without a label"), "{err}");
    // An item has exactly the fields of its kind: a scale on a choice, or a likert item
    // without the dimensions it feeds, is refused when the file is read.
    let scale_on_single = no_label.replace(
        "label: {}",
        "label: {nl: X}\n        scale: {min: 1, max: 5}",
    );
    let err = Registry::from_sources([("x.yaml".to_string(), scale_on_single)], &tax).unwrap_err();
    assert!(err.contains("scale"), "{err}");
    let likert_without_feeds = no_label.replace(
        "type: single\n        text: {nl: Vraag}\n        options:\n          - value: x\n            label: {}\n",
        "type: likert\n        text: {nl: Vraag}\n        scale: {min: 1, max: 5}\n",
    );
    assert!(likert_without_feeds.contains("likert"));
    let err =
        Registry::from_sources([("x.yaml".to_string(), likert_without_feeds)], &tax).unwrap_err();
    assert!(err.contains("feeds"), "{err}");
    let twice = Registry::from_sources(
        [
            ("a".to_string(), good.to_string()),
            ("b".to_string(), good.to_string()),
        ],
        &tax,
    )
    .unwrap_err();
    assert!(twice.contains("defined twice"));
}

#[test]
fn a_new_language_or_question_is_a_file_edit() {
    let tax = Taxonomies::embedded().unwrap();
    let places = Places::embedded().unwrap();
    let extra = include_str!("../questionnaires/talentscan/v1.yaml").replacen(
        "      - id: zelfvertrouwen",
        "      - id: extra-vraag\n        type: likert\n        required: false\n        text: {nl: \"Ik help graag.\", en: \"I like to help.\"}\n        scale: {min: 1, max: 5}\n        feeds: [{dim: motivation.values, weight: 1.0}]\n\n      - id: zelfvertrouwen",
        1,
    );
    let reg = Registry::from_sources([("v1.yaml".to_string(), extra)], &tax).unwrap();
    let def = reg.get("talentscan", None).unwrap();
    let mut a = base();
    a["extra-vraag"] = json!(5);
    let p = score(def, &tax, &places, &answers(a), Lang::En)
        .unwrap()
        .persona;
    assert_eq!(p.motivations.values.get(), 1.0);
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e6f64..1e6).prop_map(|f| json!(f)),
        "[a-z0-9 -]{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("thu-afternoon"),
            Just("2532"),
            Just("Moerwijk"),
            Just("buurt"),
            Just("koken"),
            Just("searching")
        ]
        .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array)]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Arbitrary answer maps over real and made-up item ids: the scorer never panics and
    /// either returns a persona with every value in range, or a list of pointed problems.
    #[test]
    fn the_scorer_never_panics_and_stays_in_range(
        picks in prop::collection::vec((0usize..40, any_json()), 0..30)
    ) {
        let (tax, places, reg) = setup();
        let def = reg.get("talentscan", None).unwrap();
        let ids: Vec<String> = def.items().map(|i| i.id.clone()).chain(["bogus".to_string(), "x/y~z".to_string()]).collect();
        let mut a = Map::new();
        for (i, v) in picks {
            a.insert(ids[i % ids.len()].clone(), v);
        }
        match score(def, &tax, &places, &a, Lang::Nl) {
            Ok(s) => {
                let p = s.persona;
                for d in ["kennen", "kunnen", "willen", "zijn"] {
                    let v = p.kkwz.get(d).unwrap();
                    prop_assert!((0.0..=100.0).contains(&v));
                }
                for m in p.motivations.to_array() {
                    prop_assert!((0.0..=1.0).contains(&m));
                }
                for w in p.interests.values() {
                    prop_assert!((0.0..=1.0).contains(&w.get()));
                }
                prop_assert!(p.archetype.is_some());
            }
            Err(errs) => {
                prop_assert!(!errs.is_empty());
                for e in errs {
                    prop_assert!(e.pointer.starts_with("/answers/"));
                }
            }
        }
    }
}
