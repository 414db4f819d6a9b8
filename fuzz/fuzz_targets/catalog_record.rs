//! Arbitrary bytes as a catalog record of each kind: the validator either returns a record
//! or a list of field errors with JSON pointers; never a panic. A record it accepts must
//! survive its own round trip (stored JSON parses back to the same record).
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use talentscan::catalog::model::{parse_record, Context};
use talentscan::catalog::Kind;
use talentscan::geo::Places;
use talentscan::taxonomy::Taxonomies;

fn world() -> &'static (Taxonomies, Places) {
    static W: OnceLock<(Taxonomies, Places)> = OnceLock::new();
    W.get_or_init(|| {
        (
            Taxonomies::embedded().expect("taxonomies"),
            Places::embedded().expect("places"),
        )
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(v) = talentscan::api::body::parse_json(data) else {
        return;
    };
    let (taxonomies, places) = world();
    let exists = |id: &str| id.len() % 2 == 0;
    let ctx = Context {
        taxonomies,
        places,
        organisation_exists: &exists,
    };
    for kind in [Kind::Organisations, Kind::Tasks, Kind::Trainings, Kind::Roles] {
        match parse_record(kind, &v, "fuzz-id", "", &ctx) {
            Ok(rec) => {
                let stored = rec.to_json();
                let again = parse_record(kind, &stored, rec.id(), "", &ctx)
                    .expect("an accepted record re-validates from its stored form");
                assert_eq!(again.to_json(), stored, "round trip changes the record");
            }
            Err(errs) => assert!(!errs.is_empty(), "rejected without a reason"),
        }
    }
});
