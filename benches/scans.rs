//! The cost of keeping a resident's answers sealed (`talentscan::sealed`): storing a scan
//! (serialise, seal under a key derived from a fresh id, write, flush to disk) and
//! reading it back (look up by hash, open, parse), as the API does. Criterion reports the
//! means; a second pass over `SCANS_SAMPLES` (default 2,000) of each prints the median
//! and p99, which the target is about.
//!
//! `cargo bench --bench scans`
use std::hint::black_box;
use std::time::Instant;

use criterion::Criterion;
use serde_json::{json, Value};
use talentscan::catalog::store::Store;
use talentscan::sealed::{ScanId, SealedRecord};

/// A stored scan as the API keeps it: a persona with a typed sentence (about 2 KB).
fn scan_doc(id: &str) -> Value {
    json!({"scan_id": id, "stored": true, "questionnaire": "talentscan", "version": 1,
        "lang": "nl", "created_at": "2026-12-01T10:00:00Z", "expires_at": "2026-12-31T10:00:00Z",
        "warnings": [{"code": "missing_dimension", "message": "no answer fed kkwz.kennen: the neutral middle value is used"}],
        "kkwz": {"kennen": 45, "kunnen": 70, "willen": 75, "zijn": 65},
        "kkwz_explanation": {"kennen": "Je weet al een beetje wat er is: een overzicht van vrijwilligerswerk bij jou in de buurt helpt je om te kiezen.",
            "kunnen": "Je kunt al veel: met wat uitleg of een korte, praktische cursus kun je nog meer.",
            "willen": "Je wilt graag aan de slag: kijk welk werk snel kan beginnen en spreek af hoeveel tijd je geeft.",
            "zijn": "Je voelt je al een beetje verbonden: werk dicht bij huis of voor een doel dat je raakt, maakt dat gevoel sterker."},
        "archetype": {"id": "verbinder", "label": "De Verbinder", "description": "Jij brengt mensen bij elkaar."},
        "interests": {"eten-koken": 1.0, "buurt": 1.0}, "skills": ["koken", "gastvrijheid"],
        "learning_goals": ["eerste-hulp"],
        "motivations": {"values": 0.75, "understanding": 0.5, "social": 1.0, "career": 0.25, "protective": 0.5, "enhancement": 0.5},
        "availability": {"slots": ["tue-morning", "thu-morning"], "hours_per_week": 3.5, "frequency": "weekly"},
        "travel": {"origin": {"postcode": "2532", "wijk": "Moerwijk", "lat": 52.0474, "lon": 4.2966}, "radius_km": 3.0, "mode": "bike"},
        "work_goal": "not_now", "needs": {"allowance": false, "certificate": true, "guidance": "medium", "first_step": false},
        "constraints": {"childcare": false, "wheelchair": false}, "situation": {"age_band": "27_66", "on_benefit": null},
        "words": "Ik kook graag voor anderen. Ik woon hier al lang en ken veel mensen in de buurt."})
}

async fn store_one(store: &Store) -> String {
    let id = ScanId::generate();
    let plain = serde_json::to_vec(&scan_doc(id.as_str())).unwrap();
    let rec = id.seal(&plain, "2026-12-31T10:00:00Z");
    store
        .put_scan(&id.lookup(), &serde_json::to_value(rec).unwrap())
        .await
        .unwrap();
    id.as_str().to_string()
}

fn read_one(store: &Store, id: &str) -> Value {
    let id = ScanId::parse(id).unwrap();
    let doc = store.get_scan(&id.lookup()).unwrap().unwrap();
    let rec: SealedRecord = serde_json::from_value(doc).unwrap();
    serde_json::from_slice(&id.open(&rec).unwrap()).unwrap()
}

fn percentiles(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99))
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if !args.is_empty() && !args.iter().any(|a| "scans".contains(a.as_str())) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let id = rt.block_on(store_one(&store));

    let mut c = Criterion::default().configure_from_args();
    let mut g = c.benchmark_group("scans");
    g.bench_function("store_sealed", |b| {
        b.iter(|| rt.block_on(store_one(&store)))
    });
    g.bench_function("read_sealed", |b| {
        b.iter(|| black_box(read_one(&store, &id)))
    });
    g.finish();

    let n: usize = std::env::var("SCANS_SAMPLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let (mut put, mut get) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut ids = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        ids.push(rt.block_on(store_one(&store)));
        put.push(t.elapsed().as_secs_f64() * 1e3);
    }
    for id in &ids {
        let t = Instant::now();
        black_box(read_one(&store, id));
        get.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let (p50, p99) = percentiles(put);
    println!(
        "scans/store_sealed (seal, write, flush): median {p50:.3} ms, p99 {p99:.3} ms over {n}"
    );
    let (p50, p99) = percentiles(get);
    println!(
        "scans/read_sealed (look up, open, parse): median {p50:.3} ms, p99 {p99:.3} ms over {n}"
    );
    c.final_summary();
}
