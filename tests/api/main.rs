//! Black-box API tests: each starts the real server on a random port with a temporary
//! data directory and talks HTTP to it.
mod access;
mod backup;
mod carving;
mod catalog;
mod crash;
mod erasure;
mod frame;
mod groups;
mod helpers;
mod insight;
mod judged;
mod matches;
mod outcomes;
mod resident_path;
mod scans;
