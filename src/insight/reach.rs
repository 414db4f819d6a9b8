//! The reach of a task: how many counted residents near it would pass its hard limits, and
//! which change would reach more of them.
//!
//! Drafts are arbitrary queries, so an organisation could otherwise compare two drafts
//! (one slot more, a radius a little wider) until one resident stands out. Reach is
//! therefore computed from the *published* per-wijk figures only (`Published`, after
//! suppression): whatever sequence of drafts someone sends, the answers are functions of
//! figures they could read anyway, so they learn nothing more. The price: a hidden figure
//! counts as unknown, and a sum that includes one says "at least".
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{hours_band, Published, HOURS_BANDS};
use crate::persona::LanguageLevel;
use crate::taxonomy::Slot;

/// A task as far as reach needs it: where, when, how many hours, and what it asks.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// A Den Haag postcode (4 digits) or wijk name.
    pub place: String,
    /// Its moments; empty = the volunteer picks.
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    pub slots: Vec<Slot>,
    pub hours_per_week: f64,
    /// The Dutch it needs (A2, B1, B2, C1); default B1.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub language_level: Option<LanguageLevel>,
    #[serde(default)]
    pub intro_meeting: bool,
    /// The place is wheelchair accessible.
    #[serde(default)]
    pub wheelchair: bool,
}

/// A sum of published figures: exact, or at least this when a hidden one was part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct Bound {
    pub at_least: u64,
    pub exact: bool,
}

impl Bound {
    fn of(cells: impl Iterator<Item = Option<u64>>) -> Self {
        let mut b = Bound {
            at_least: 0,
            exact: true,
        };
        for c in cells {
            match c {
                Some(n) => b.at_least += n,
                None => b.exact = false,
            }
        }
        b
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Limit {
    /// `moment:<slot>`, `hours`, `dutch`, `wheelchair`, `first_step`.
    pub limit: String,
    /// Counted residents in reach who pass this limit (for `wheelchair` and `first_step`:
    /// who need it and do not get it from this task).
    pub residents: Bound,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Change {
    /// `slot:<slot>` (add this moment), `hours:<band>` (ask fewer hours),
    /// `intro_meeting`, `wheelchair`, `dutch:<level>` (ask less Dutch).
    pub change: String,
    /// Counted residents in reach that the change would let through on that limit.
    pub residents: Bound,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReachReport {
    pub month: String,
    pub k: u64,
    /// The wijken whose centre lies within reach of the task's place.
    pub wijken: Vec<String>,
    /// Counted residents in those wijken.
    pub residents: Bound,
    pub limits: Vec<Limit>,
    /// Changes that would reach more residents, most first.
    pub changes: Vec<Change>,
}

const LEVELS: [LanguageLevel; 4] = [
    LanguageLevel::A2,
    LanguageLevel::B1,
    LanguageLevel::B2,
    LanguageLevel::C1,
];

/// The reach of `draft` in `wijken`, from the published figures of one month.
pub fn reach(p: &Published, wijken: &[String], draft: &Draft, month: &str, k: u64) -> ReachReport {
    let sum = |dims: &[String]| {
        Bound::of(wijken.iter().flat_map(|w| {
            dims.iter()
                .map(move |d| p.cells.get(&(w.clone(), d.clone())).copied().flatten())
        }))
    };
    let one = |d: String| sum(&[d]);
    let residents = one("residents".into());
    // Hours: a resident passes when their band's lower edge, with the matcher's 25 %
    // tolerance, covers the task's hours (or they set no limit).
    let hours_ok = |h: f64| {
        let mut dims = vec!["hours:any".to_string()];
        dims.extend(
            HOURS_BANDS
                .iter()
                .filter(|(_, lo)| *lo * 1.25 >= h)
                .map(|(n, _)| format!("hours:{n}")),
        );
        sum(&dims)
    };
    let level = draft.language_level.unwrap_or(LanguageLevel::B1);
    let dutch_ok = |l: LanguageLevel| {
        let mut dims = vec!["dutch:any".to_string()];
        dims.extend(
            LEVELS
                .iter()
                .filter(|x| **x >= l)
                .map(|x| format!("dutch:{}", x.as_str())),
        );
        sum(&dims)
    };
    let mut limits = Vec::new();
    for s in &draft.slots {
        limits.push(Limit {
            limit: format!("moment:{}", s.id()),
            residents: one(format!("slot:{}", s.id())),
        });
    }
    limits.push(Limit {
        limit: "hours".into(),
        residents: hours_ok(draft.hours_per_week),
    });
    limits.push(Limit {
        limit: "dutch".into(),
        residents: dutch_ok(level),
    });
    let mut changes = Vec::new();
    if !draft.slots.is_empty() {
        let mut other: Vec<Change> = Slot::all()
            .filter(|s| !draft.slots.contains(s))
            .map(|s| Change {
                change: format!("slot:{}", s.id()),
                residents: one(format!("slot:{}", s.id())),
            })
            .collect();
        other.sort_by_key(|c| std::cmp::Reverse(c.residents.at_least));
        changes.extend(other.into_iter().take(3));
    }
    if let Some(lower) = HOURS_BANDS
        .iter()
        .rev()
        .map(|(n, lo)| (*n, *lo))
        .find(|(n, lo)| {
            *lo > 0.0 && *lo < draft.hours_per_week && *n != hours_band(draft.hours_per_week)
        })
    {
        changes.push(Change {
            change: format!("hours:{}", lower.0),
            residents: hours_ok(lower.1),
        });
    }
    if !draft.intro_meeting {
        let b = one("need:first_step".into());
        limits.push(Limit {
            limit: "first_step".into(),
            residents: b,
        });
        changes.push(Change {
            change: "intro_meeting".into(),
            residents: b,
        });
    }
    if !draft.wheelchair {
        let b = one("need:wheelchair".into());
        limits.push(Limit {
            limit: "wheelchair".into(),
            residents: b,
        });
        changes.push(Change {
            change: "wheelchair".into(),
            residents: b,
        });
    }
    if let Some(i) = LEVELS.iter().position(|l| *l == level).filter(|i| *i > 0) {
        changes.push(Change {
            change: format!("dutch:{}", LEVELS[i - 1].as_str()),
            residents: dutch_ok(LEVELS[i - 1]),
        });
    }
    changes.sort_by_key(|c| std::cmp::Reverse(c.residents.at_least));
    ReachReport {
        month: month.to_string(),
        k,
        wijken: wijken.to_vec(),
        residents,
        limits,
        changes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insight::suppress;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn dims() -> Vec<String> {
        let mut d = vec![
            "residents".to_string(),
            "need:first_step".into(),
            "need:wheelchair".into(),
            "hours:any".into(),
            "dutch:any".into(),
        ];
        d.extend(Slot::all().take(6).map(|s| format!("slot:{}", s.id())));
        d.extend(HOURS_BANDS.iter().map(|(n, _)| format!("hours:{n}")));
        d.extend(LEVELS.iter().map(|l| format!("dutch:{}", l.as_str())));
        d
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// The differencing attack: an organisation sends many drafts (other moments,
        /// hours, places) and compares the answers. Two worlds that publish the same
        /// figures but differ in what is hidden must give every draft the same answer,
        /// so no sequence of drafts learns a hidden figure.
        #[test]
        fn drafts_learn_nothing_beyond_the_published_figures(
            base in prop::collection::vec(0u64..30, 4 * 19),
            hours in 0.5f64..12.0,
            slot in 0usize..6,
        ) {
            let wijken: Vec<String> = (0..4).map(|i| format!("w{i}")).collect();
            let d = dims();
            let k = 10;
            let a: BTreeMap<(String, String), u64> = wijken
                .iter()
                .enumerate()
                .flat_map(|(i, w)| d.iter().enumerate().map(move |(j, dim)| ((w.clone(), dim.clone()), i * 19 + j % 19)))
                .map(|(c, at)| (c, base[at]))
                .collect();
            // A second world: in every column, one resident moves from one hidden wijk to
            // another. Same totals, same published figures, different hidden truth.
            let mut b = a.clone();
            let mut moved = false;
            for dim in &d {
                let hidden: Vec<&String> = wijken.iter().filter(|w| a[&((*w).clone(), dim.clone())] < k).collect();
                if let Some((from, to)) = hidden.iter().find(|w| a[&((**w).clone(), dim.clone())] > 0)
                    .and_then(|f| hidden.iter().find(|w| *w != f && a[&((**w).clone(), dim.clone())] < k - 1).map(|t| (*f, *t)))
                {
                    *b.get_mut(&(from.clone(), dim.clone())).unwrap() -= 1;
                    *b.get_mut(&(to.clone(), dim.clone())).unwrap() += 1;
                    moved = true;
                }
            }
            prop_assume!(moved);
            let pa = suppress(&a, &wijken, &d, k);
            let pb = suppress(&b, &wijken, &d, k);
            prop_assume!(pa == pb);
            for draft in [
                Draft { place: "x".into(), slots: vec![Slot::all().nth(slot).unwrap()], hours_per_week: hours, language_level: None, intro_meeting: false, wheelchair: false },
                Draft { place: "x".into(), slots: Slot::all().take(slot + 1).collect(), hours_per_week: hours / 2.0, language_level: Some(LanguageLevel::B2), intro_meeting: true, wheelchair: true },
            ] {
                for ws in [&wijken[..1], &wijken[..2], &wijken[1..]] {
                    let ra = serde_json::to_value(reach(&pa, ws, &draft, "m", k)).unwrap();
                    let rb = serde_json::to_value(reach(&pb, ws, &draft, "m", k)).unwrap();
                    prop_assert_eq!(ra, rb);
                }
            }
        }
    }
}
