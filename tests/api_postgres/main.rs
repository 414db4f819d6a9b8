//! The black-box API suite again, with PostgreSQL as the store of record: every app gets
//! its own database in one throwaway cluster this test process starts (Debian's
//! `postgresql` is installed first when it is missing). The sled-only tests (crash
//! recovery of the sled files, erasure on the sled disk) stay in `api`.
#[path = "../api/access.rs"]
mod access;
#[path = "../api/backup.rs"]
mod backup;
#[path = "../api/carving.rs"]
mod carving;
#[path = "../api/catalog.rs"]
mod catalog;
#[path = "../api/frame.rs"]
mod frame;
#[path = "../api/groups.rs"]
mod groups;
#[path = "../api/helpers.rs"]
mod helpers;
#[path = "../api/insight.rs"]
mod insight;
#[path = "../api/judged.rs"]
mod judged;
#[path = "../api/matches.rs"]
mod matches;
#[path = "../api/outcomes.rs"]
mod outcomes;
#[path = "../api/replicas.rs"]
mod replicas;
#[path = "../api/resident_path.rs"]
mod resident_path;
#[path = "../api/scans.rs"]
mod scans;
