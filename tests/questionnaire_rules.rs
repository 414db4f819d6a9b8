//! The Talent Scan's design rules, checked on the questionnaire the service really loads,
//! with its own parser and scorer (the format itself is `Definition::check`'s job):
//! short enough for a phone, only the three questions the matcher needs are required,
//! every persona field is set by one question, the paid-work, age and benefit questions
//! never push and can be declined, one VFI question per motive, reverse-keyed items, and
//! types that are distinct and each reachable by a resident's answers.
use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};
use talentscan::geo::Places;
use talentscan::questionnaire::definition::{Definition, ItemType, LIMIT_FIELDS};
use talentscan::questionnaire::score;
use talentscan::taxonomy::{Lang, Taxonomies, MOTIVES};

fn definition() -> Definition {
    Definition::from_yaml(include_str!("../questionnaires/talentscan/v1.yaml")).unwrap()
}

#[test]
fn the_definition_passes_its_own_check() {
    let d = definition();
    let tax = Taxonomies::embedded().unwrap();
    assert_eq!(d.check(&tax), Vec::<String>::new());
}

#[test]
fn it_is_short_and_asks_only_what_the_matcher_needs() {
    let d = definition();
    // The consents to count anonymously (crate::insight) and to hear of a course nearby
    // (crate::insight::groups) are not questions about the person: they are optional and
    // change nothing in the advice.
    let consents: Vec<&str> = [&d.count_consent, &d.group_consent]
        .into_iter()
        .map(|c| c.as_ref().expect("both consent questions").item.as_str())
        .collect();
    for id in &consents {
        let c = d.items().find(|i| i.id == *id).unwrap();
        assert!(!c.required, "{id}");
        assert!(c.options().iter().all(|o| o.effects.is_empty()), "{id}");
    }
    let items: Vec<_> = d
        .items()
        .filter(|i| !consents.contains(&i.id.as_str()))
        .collect();
    assert!((15..=25).contains(&items.len()), "{} items", items.len());
    let required: BTreeSet<&str> = items
        .iter()
        .filter(|i| i.required)
        .map(|i| i.id.as_str())
        .collect();
    // Where you live, when you can, what you care about.
    let kinds: Vec<ItemType> = items
        .iter()
        .filter(|i| i.required)
        .map(|i| i.kind())
        .collect();
    assert_eq!(required.len(), 3, "{required:?}");
    assert!(kinds.contains(&ItemType::Place) && kinds.contains(&ItemType::Slots));
    let interests = items
        .iter()
        .find(|i| {
            i.options().iter().any(|o| {
                o.effects
                    .iter()
                    .any(|e| e.add.as_deref() == Some("interests"))
            })
        })
        .expect("an interests question");
    assert!(interests.required);
    for i in &items {
        let single_choice_options = i.options().len();
        assert!(
            single_choice_options <= 16,
            "{}: {single_choice_options} options are too many for a phone",
            i.id
        );
    }
}

#[test]
fn every_persona_field_is_set_by_one_question_and_limits_have_no_default() {
    let d = definition();
    let mut setters: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for i in d.items() {
        for o in i.options() {
            for e in &o.effects {
                if let Some(f) = &e.set {
                    setters.entry(f.clone()).or_default().insert(i.id.clone());
                }
            }
        }
        if let Some(t) = i.target() {
            setters
                .entry(t.to_string())
                .or_default()
                .insert(i.id.clone());
        }
    }
    assert!(setters.len() >= 10, "{setters:?}");
    for (field, items) in &setters {
        // needs.first_step is only ever set to true, so order cannot matter.
        if field != "needs.first_step" {
            assert_eq!(
                items.len(),
                1,
                "{field} is set by {items:?}: answer order would matter"
            );
        }
    }
    for f in d.defaults.keys() {
        assert!(
            !LIMIT_FIELDS.contains(&f.as_str()),
            "a default for the limit {f}"
        );
    }
}

#[test]
fn work_age_and_benefit_questions_never_push_and_can_be_declined() {
    let d = definition();
    let sets = |id: &str| -> Vec<(String, Value)> {
        let i = d.item(id).unwrap();
        assert!(!i.required, "{id} must be optional");
        i.options()
            .iter()
            .flat_map(|o| {
                o.effects.iter().filter_map(|e| {
                    e.set.clone().map(|f| {
                        (
                            format!("{}={f}", o.value),
                            e.to.clone().unwrap_or(Value::Null),
                        )
                    })
                })
            })
            .collect()
    };
    let work = sets("werk");
    assert!(work
        .iter()
        .any(|(k, v)| k.starts_with("niet-voor-mij=") && v == "not_for_me"));
    for id in ["leeftijd", "uitkering"] {
        let i = d.item(id).unwrap();
        let decline = i
            .options()
            .iter()
            .find(|o| o.value == "liever-niet")
            .unwrap_or_else(|| panic!("{id}: no 'Zeg ik liever niet'"));
        assert!(decline
            .effects
            .iter()
            .all(|e| e.to.as_ref().is_none_or(Value::is_null)));
        let _ = sets(id);
    }
    let help = d.item("uitkering").unwrap().help.as_ref().unwrap();
    assert!(
        help["nl"].contains("nooit"),
        "the benefit question says it never filters"
    );
}

#[test]
fn one_vfi_question_per_motive_and_reverse_keyed_items() {
    let d = definition();
    for m in MOTIVES {
        let dim = format!("motivation.{m}");
        let n = d
            .items()
            .filter(|i| i.kind() == ItemType::Likert)
            .filter(|i| i.feeds().iter().any(|f| f.dim == dim && f.weight >= 1.0))
            .count();
        assert_eq!(n, 1, "{dim}");
    }
    let reverse = d
        .items()
        .filter(|i| i.feeds().iter().any(|f| f.reverse))
        .count();
    assert!(reverse >= 2, "{reverse} reverse-keyed items");
}

/// Each type is distinct from the others and reachable: answers that lean on its
/// signature give that type.
#[test]
fn the_types_are_distinct_and_each_reachable() {
    let d = definition();
    let tax = Taxonomies::embedded().unwrap();
    let places = Places::embedded().unwrap();
    assert!((6..=8).contains(&d.archetypes.len()));
    let norm = |s: &BTreeMap<String, f64>| s.values().map(|v| v * v).sum::<f64>().sqrt();
    for (i, a) in d.archetypes.iter().enumerate() {
        assert!(a.description["nl"].starts_with("Jij "), "{}", a.id);
        for b in &d.archetypes[i + 1..] {
            let dot: f64 = a
                .signature
                .iter()
                .map(|(k, v)| v * b.signature.get(k).copied().unwrap_or(0.0))
                .sum();
            let cos = dot / (norm(&a.signature) * norm(&b.signature));
            assert!(
                cos <= 0.5,
                "{} and {} are too similar ({cos:.2})",
                a.id,
                b.id
            );
        }
    }
    for a in &d.archetypes {
        // The options that feed the signature's interests, skills and learning goals, and
        // "klopt helemaal" on the motives it names.
        let mut answers = Map::new();
        answers.insert("woonplek".into(), json!("2532"));
        answers.insert("tijden".into(), json!(["tue-morning"]));
        let mut chosen: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for i in d.items() {
            for o in i.options() {
                for e in &o.effects {
                    let key = match (e.add.as_deref(), &e.id) {
                        (Some("interests"), Some(id)) => format!("interest.{id}"),
                        (Some("skills"), Some(id)) => format!("skill.{id}"),
                        (Some("learning_goals"), Some(id)) => format!("learn.{id}"),
                        _ => continue,
                    };
                    if a.signature.get(&key).is_some_and(|w| *w >= 0.3) {
                        chosen
                            .entry(i.id.clone())
                            .or_default()
                            .push(o.value.clone());
                    }
                }
            }
            if i.kind() == ItemType::Likert {
                let strong = i.feeds().iter().any(|f| {
                    f.dim.starts_with("motivation.")
                        && a.signature.get(&f.dim).is_some_and(|w| *w >= 0.3)
                });
                if strong {
                    answers.insert(i.id.clone(), json!(5));
                }
            }
        }
        for (item, mut values) in chosen {
            let max = d.item(&item).unwrap().max().unwrap_or(5.0) as usize;
            values.truncate(max);
            answers.insert(item, json!(values));
        }
        // A type needs a reason why: when the signature names no motive, one motive
        // question answered "klopt helemaal niet" (it adds nothing to any type).
        if !answers.keys().any(|k| k.starts_with("vfi-")) {
            answers.insert("vfi-waarden".into(), json!(1));
        }
        if !answers.contains_key("interesses") {
            answers.insert("interesses".into(), json!(["buurt"]));
        }
        let scored = score(&d, &tax, &places, &answers, Lang::Nl)
            .unwrap_or_else(|e| panic!("{}: {e:?}", a.id));
        assert_eq!(
            scored.persona.archetype.as_ref().map(|x| x.id.as_str()),
            Some(a.id.as_str()),
            "answers leaning on {} give {:?}",
            a.id,
            scored.persona.archetype
        );
    }
}
