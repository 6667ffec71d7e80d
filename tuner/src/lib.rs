//! kiln's autotuner: for a kernel, a shape and a device, find the fastest
//! correct schedule by measuring on the device, and remember it.
//!
//! [`space`] derives the search space, [`strategy`] proposes points
//! (exhaustive, random, evolutionary), [`worker`] compiles, verifies and
//! times each candidate in an isolated process, and [`tune`] runs the loop:
//! cache lookup, resume from stored trials, budgets, deduplication of
//! identical code, final interleaved re-ranking of the best few, and the
//! winner stored with its provenance in [`kiln_cache`].

pub mod space;
pub mod strategy;
pub mod tune;
pub mod worker;

pub use tune::{key_for, tune, winner_schedule, Target, TuneOptions, TuneReport};
