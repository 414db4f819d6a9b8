//! Scoring: answers → persona.
//!
//! Numeric dimensions (KKWZ, motivations) are the weighted mean of the contributions of the
//! items that were answered; unanswered optional items are left out and the mean is
//! renormalised over what is there, the way summed-scale instruments such as the O*NET
//! Interest Profiler and the VFI handle missing items. A dimension with no answer at all
//! gets the neutral midpoint and a warning, so the front-end can say the picture is partial.
use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::definition::{apply_set, Answer, Definition, Effect, Item, NUMERIC_DIMS};
use crate::geo::{LatLon, Places};
use crate::persona::{Archetype, Kkwz, KkwzExplanation, Motivations, Origin, Persona, Unit};
use crate::taxonomy::{Lang, Slot, Taxonomies, MOTIVES};

/// A problem with one answer, pointing at it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AnswerError {
    pub pointer: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Warning {
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Scored {
    pub persona: Persona,
    pub warnings: Vec<Warning>,
}

/// Longest answer accepted for a text item without its own `max_length`.
const DEFAULT_TEXT_MAX: usize = 500;

fn ptr(id: &str) -> String {
    // RFC 6901 escaping of the item id.
    format!("/answers/{}", id.replace('~', "~0").replace('/', "~1"))
}

/// Scores `answers` against `def`. On bad input returns every problem at once.
pub fn score(
    def: &Definition,
    tax: &Taxonomies,
    places: &Places,
    answers: &Map<String, Value>,
    lang: Lang,
) -> Result<Scored, Vec<AnswerError>> {
    let mut errors = Vec::new();
    for key in answers.keys() {
        if def.item(key).is_none() {
            errors.push(AnswerError {
                pointer: ptr(key),
                message: format!("unknown item {key:?} in {} v{}", def.id, def.version),
            });
        }
    }

    let mut persona = Persona::default();
    for (field, v) in &def.defaults {
        // Checked at start-up; a failure here cannot happen with a checked definition.
        let _ = apply_set(&mut persona, field, v);
    }
    let mut dims: HashMap<&str, (f64, f64)> = HashMap::new();
    let mut interests: BTreeMap<String, f64> = BTreeMap::new();
    let mut skills = BTreeSet::new();
    let mut learning = BTreeSet::new();
    let mut warnings = Vec::new();

    for item in def.items() {
        let answer = answers.get(&item.id).filter(|v| !v.is_null());
        let Some(v) = answer else {
            if item.required {
                errors.push(AnswerError {
                    pointer: ptr(&item.id),
                    message: "this question is required".into(),
                });
            }
            continue;
        };
        let mut apply = |e: &Effect, errors: &mut Vec<AnswerError>| {
            if let (Some(dim), Some(val)) = (&e.score, e.value) {
                let w = e.weight.unwrap_or(1.0);
                let slot = dims.entry(dim_key(dim)).or_insert((0.0, 0.0));
                slot.0 += w * val;
                slot.1 += w;
            }
            if let Some(field) = &e.set {
                if let Err(m) =
                    apply_set(&mut persona, field, e.to.as_ref().unwrap_or(&Value::Null))
                {
                    errors.push(AnswerError {
                        pointer: ptr(&item.id),
                        message: m.to_string(),
                    });
                }
            }
            if let (Some(list), Some(id)) = (&e.add, &e.id) {
                match list.as_str() {
                    "interests" => {
                        let w = e.weight.unwrap_or(1.0).clamp(0.0, 1.0);
                        let cur = interests.entry(id.clone()).or_insert(0.0);
                        *cur = cur.max(w);
                    }
                    "skills" => {
                        skills.insert(id.clone());
                    }
                    _ => {
                        learning.insert(id.clone());
                    }
                }
            }
        };
        match &item.answer {
            Answer::Single { options } => match v.as_str() {
                Some(s) => match options.iter().find(|o| o.value == s) {
                    Some(o) => o.effects.iter().for_each(|e| apply(e, &mut errors)),
                    None => errors.push(not_an_option(item, s)),
                },
                None => errors.push(wrong_type(item, "one option value (a string)")),
            },
            Answer::Multi { options, min, max } => {
                let Some(arr) = v.as_array() else {
                    errors.push(wrong_type(item, "a list of option values"));
                    continue;
                };
                let mut seen = BTreeSet::new();
                let mut chosen = Vec::new();
                let mut bad = false;
                for (i, x) in arr.iter().enumerate() {
                    let p = format!("{}/{i}", ptr(&item.id));
                    match x.as_str() {
                        Some(s) => match options.iter().find(|o| o.value == s) {
                            Some(o) if seen.insert(s) => chosen.push(o),
                            Some(_) => {
                                bad = true;
                                errors.push(AnswerError {
                                    pointer: p,
                                    message: format!("{s:?} is chosen twice"),
                                })
                            }
                            None => {
                                bad = true;
                                let mut e = not_an_option(item, s);
                                e.pointer = p;
                                errors.push(e)
                            }
                        },
                        None => {
                            bad = true;
                            errors.push(AnswerError {
                                pointer: p,
                                message: "must be a string".into(),
                            })
                        }
                    }
                }
                if bad {
                    continue;
                }
                let n = chosen.len() as f64;
                if min.is_some_and(|m| n < m) || (item.required && n == 0.0) {
                    errors.push(AnswerError {
                        pointer: ptr(&item.id),
                        message: format!("choose at least {}", min.unwrap_or(1.0)),
                    });
                    continue;
                }
                if max.is_some_and(|m| n > m) {
                    errors.push(AnswerError {
                        pointer: ptr(&item.id),
                        message: format!("choose at most {}", max.unwrap_or(0.0)),
                    });
                    continue;
                }
                if chosen.len() > 1 && chosen.iter().any(|o| o.exclusive) {
                    errors.push(AnswerError {
                        pointer: ptr(&item.id),
                        message: "an answer like 'none of these' cannot be combined with others"
                            .into(),
                    });
                    continue;
                }
                for o in chosen {
                    o.effects.iter().for_each(|e| apply(e, &mut errors));
                }
            }
            Answer::Likert { scale, feeds } => {
                match v
                    .as_i64()
                    .or_else(|| v.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64))
                {
                    Some(n) if n >= scale.min && n <= scale.max => {
                        let mut x = (n - scale.min) as f64 / (scale.max - scale.min) as f64;
                        for f in feeds {
                            if f.reverse {
                                x = 1.0 - x;
                            }
                            let slot = dims.entry(dim_key(&f.dim)).or_insert((0.0, 0.0));
                            slot.0 += f.weight * x;
                            slot.1 += f.weight;
                            if f.reverse {
                                x = 1.0 - x;
                            }
                        }
                    }
                    Some(n) => errors.push(AnswerError {
                        pointer: ptr(&item.id),
                        message: format!(
                            "{n} is out of range: choose {} to {}",
                            scale.min, scale.max
                        ),
                    }),
                    None => errors.push(wrong_type(item, "a whole number")),
                }
            }
            Answer::Number {
                min: lo,
                max: hi,
                target,
                ..
            } => match v.as_f64() {
                Some(n) => {
                    let (lo, hi) = (*lo, *hi);
                    if !(lo..=hi).contains(&n) {
                        errors.push(AnswerError {
                            pointer: ptr(&item.id),
                            message: format!(
                                "{n} is out of range: give a number from {lo} to {hi}"
                            ),
                        });
                    } else if let Err(m) = apply_set(&mut persona, target, v) {
                        errors.push(AnswerError {
                            pointer: ptr(&item.id),
                            message: m.to_string(),
                        });
                    }
                }
                None => errors.push(wrong_type(item, "a number")),
            },
            Answer::Slots { .. } => {
                let Some(arr) = v.as_array() else {
                    errors.push(wrong_type(
                        item,
                        "a list of slot ids such as \"thu-afternoon\"",
                    ));
                    continue;
                };
                let mut slots = BTreeSet::new();
                for (i, x) in arr.iter().enumerate() {
                    match x.as_str().and_then(Slot::parse) {
                        Some(s) => {
                            slots.insert(s);
                        }
                        None => errors.push(AnswerError {
                            pointer: format!("{}/{i}", ptr(&item.id)),
                            message: "unknown slot: use mon..sun with -morning, -afternoon or -evening, e.g. thu-afternoon".into(),
                        }),
                    }
                }
                if item.required && arr.is_empty() {
                    errors.push(AnswerError {
                        pointer: ptr(&item.id),
                        message: "choose at least one moment".into(),
                    });
                }
                persona.availability.slots = slots.into_iter().collect();
            }
            Answer::Place { .. } => match v.as_str() {
                Some(s) => match resolve_place(places, s) {
                    Some(o) => persona.travel.origin = Some(o),
                    None => errors.push(AnswerError {
                        pointer: ptr(&item.id),
                        message: format!(
                            "{s:?} is not a Den Haag postcode (4 digits, e.g. 2532) or wijk name"
                        ),
                    }),
                },
                None => errors.push(wrong_type(item, "a postcode or wijk name (a string)")),
            },
            Answer::Text { max_length, .. } => match v.as_str() {
                Some(s) => {
                    let max = max_length.unwrap_or(DEFAULT_TEXT_MAX);
                    if s.chars().count() > max {
                        errors.push(AnswerError {
                            pointer: ptr(&item.id),
                            message: format!("text is longer than {max} characters"),
                        });
                    } else if !s.trim().is_empty() {
                        persona.words = Some(s.trim().to_string());
                    }
                }
                None => errors.push(wrong_type(item, "text")),
            },
        }
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| a.pointer.cmp(&b.pointer));
        errors.dedup();
        return Err(errors);
    }

    let mean = |d: &str| dims.get(d).filter(|(_, w)| *w > 0.0).map(|(s, w)| s / w);
    let mut missing = Vec::new();
    let mut kkwz = [0.0; 4];
    for (i, d) in NUMERIC_DIMS[..4].iter().enumerate() {
        kkwz[i] = match mean(d) {
            Some(m) => m * 100.0,
            None => {
                missing.push(*d);
                50.0
            }
        };
    }
    let mut mot = [0.0; 6];
    for (i, m) in MOTIVES.iter().enumerate() {
        let key = format!("motivation.{m}");
        mot[i] = match mean(&key) {
            Some(v) => v,
            None => {
                missing.push(NUMERIC_DIMS[4 + i]);
                0.5
            }
        };
    }
    for d in &missing {
        warnings.push(Warning {
            code: "missing_dimension".into(),
            message: format!("no answer fed {d}: the neutral middle value is used"),
        });
    }
    for item in def.items() {
        if !item.required && answers.get(&item.id).is_none_or(|v| v.is_null()) {
            warnings.push(Warning {
                code: "unanswered".into(),
                message: format!("optional question {:?} was not answered", item.id),
            });
        }
    }
    persona.kkwz = Kkwz::from_values(kkwz);
    persona.motivations = Motivations::from_array(mot);
    persona.interests = interests
        .into_iter()
        .filter(|(id, _)| tax.categories.contains(id))
        .map(|(k, v)| (k, Unit::try_from(v).unwrap_or(Unit::try_from(1.0).unwrap())))
        .collect();
    persona.skills = skills.into_iter().collect();
    persona.learning_goals = learning.into_iter().collect();
    persona.unknown = missing.iter().map(|d| d.to_string()).collect();
    persona.kkwz_explanation = Some(explain(def, &persona.kkwz, &missing, lang));
    // A type says who someone is and why they help: only when they said why (a motive
    // question), never from what they care about or a single skill alone.
    let told_why = MOTIVES
        .iter()
        .any(|m| !missing.contains(&format!("motivation.{m}").as_str()));
    persona.archetype = if told_why {
        archetype(def, &persona, &missing, lang)
    } else {
        None
    };
    Ok(Scored { persona, warnings })
}

fn dim_key(d: &str) -> &'static str {
    NUMERIC_DIMS
        .iter()
        .find(|x| **x == d)
        .copied()
        .unwrap_or("unknown")
}

fn wrong_type(item: &Item, want: &str) -> AnswerError {
    AnswerError {
        pointer: ptr(&item.id),
        message: format!("wrong type: expected {want}"),
    }
}

fn not_an_option(item: &Item, s: &str) -> AnswerError {
    let values: Vec<&str> = item.options().iter().map(|o| o.value.as_str()).collect();
    AnswerError {
        pointer: ptr(&item.id),
        message: format!("{s:?} is not one of the options: {}", values.join(", ")),
    }
}

/// A 4-digit postcode or a wijk name → an origin with coordinates.
pub fn resolve_place(places: &Places, s: &str) -> Option<Origin> {
    let t = s.trim();
    if t.chars().take(4).all(|c| c.is_ascii_digit()) && t.len() >= 4 {
        let pc = places.postcode(t)?;
        let wijk = places.wijk_by_code(&pc.wijk_code).map(|w| w.name.clone());
        return Some(Origin::At {
            point: LatLon {
                lat: pc.lat,
                lon: pc.lon,
            },
            postcode: Some(pc.pc4.clone()),
            wijk,
        });
    }
    let w = places.wijk(t)?;
    Some(Origin::At {
        point: LatLon {
            lat: w.lat,
            lon: w.lon,
        },
        postcode: None,
        wijk: Some(w.name.clone()),
    })
}

fn pick(t: &BTreeMap<String, String>, lang: Lang) -> String {
    t.get(lang.code())
        .or_else(|| t.get("nl"))
        .or_else(|| t.values().next())
        .cloned()
        .unwrap_or_default()
}

fn explain(def: &Definition, k: &Kkwz, missing: &[&str], lang: Lang) -> KkwzExplanation {
    let text = |dim: &str| {
        if missing.contains(&format!("kkwz.{dim}").as_str()) {
            if let Some(t) = &def.kkwz_unknown {
                return pick(t, lang);
            }
        }
        let v = k.get(dim).unwrap_or(50.0);
        match def.kkwz_texts.get(dim) {
            Some(b) => pick(
                if v < 40.0 {
                    &b.low
                } else if v < 70.0 {
                    &b.mid
                } else {
                    &b.high
                },
                lang,
            ),
            None => String::new(),
        }
    };
    KkwzExplanation {
        kennen: text("kennen"),
        kunnen: text("kunnen"),
        willen: text("willen"),
        zijn: text("zijn"),
    }
}

/// The archetype whose signature best matches the profile; the first listed wins a tie.
fn archetype(def: &Definition, p: &Persona, missing: &[&str], lang: Lang) -> Option<Archetype> {
    let value = |key: &str| -> f64 {
        if missing.contains(&key) {
            // Not answered: it counts for no type.
            return 0.0;
        }
        let (kind, id) = key.split_once('.').unwrap_or(("", ""));
        match kind {
            "motivation" => p.motivations.get(id).unwrap_or(0.0),
            "kkwz" => p.kkwz.get(id).unwrap_or(0.0) / 100.0,
            "interest" => p.interests.get(id).map(|u| u.get()).unwrap_or(0.0),
            "skill" => p.skills.iter().any(|s| s == id) as u8 as f64,
            "learn" => p.learning_goals.iter().any(|s| s == id) as u8 as f64,
            _ => 0.0,
        }
    };
    let mut best: Option<(f64, &super::definition::ArchetypeDef)> = None;
    for a in &def.archetypes {
        let s: f64 = a.signature.iter().map(|(k, w)| w * value(k)).sum();
        if best.is_none_or(|(b, _)| s > b + 1e-9) {
            best = Some((s, a));
        }
    }
    best.map(|(_, a)| Archetype {
        id: a.id.clone(),
        label: pick(&a.label, lang),
        description: pick(&a.description, lang),
    })
}
