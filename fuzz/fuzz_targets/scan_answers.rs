//! Arbitrary bytes as a scan request body: the JSON body parser (depth and emptiness
//! checks), then the answer parser and scorer. Either a persona with every value in range
//! or a list of answer errors; never a panic.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use talentscan::geo::Places;
use talentscan::questionnaire::{score, Registry};
use talentscan::taxonomy::{Lang, Taxonomies};

fn world() -> &'static (Taxonomies, Places, Registry) {
    static W: OnceLock<(Taxonomies, Places, Registry)> = OnceLock::new();
    W.get_or_init(|| {
        let tax = Taxonomies::embedded().expect("taxonomies");
        let places = Places::embedded().expect("places");
        let reg = Registry::embedded(&tax).expect("questionnaires");
        (tax, places, reg)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(v) = talentscan::api::body::parse_json(data) else {
        return;
    };
    let (tax, places, reg) = world();
    let def = reg.get("talentscan", None).expect("definition");
    let answers = match v.get("answers").and_then(|a| a.as_object()) {
        Some(a) => a.clone(),
        None => match v.as_object() {
            Some(a) => a.clone(),
            None => return,
        },
    };
    for lang in [Lang::Nl, Lang::En] {
        if let Ok(s) = score(def, tax, places, &answers, lang) {
            let p = &s.persona;
            for d in [p.kkwz.kennen, p.kkwz.kunnen, p.kkwz.willen, p.kkwz.zijn] {
                let x = d.get();
                assert!((0.0..=100.0).contains(&x), "kkwz out of range: {x}");
            }
            // The persona must always serialise (it is the API's answer).
            serde_json::to_vec(p).expect("persona serialises");
        }
    }
});
