//! kiln's autotuner: for a kernel, a shape and a device, find the fastest
//! correct schedule by measuring on the device, and remember it.
//!
//! [`space`] derives the search space from the device's description,
//! [`strategy`] proposes points (exhaustive, random, evolutionary),
//! [`worker`] compiles, verifies and times each candidate in an isolated
//! process, and [`tune()`] runs the loop: cache lookup, resume from stored
//! trials, budgets, deduplication of identical code, one measurement at a
//! time per device, final interleaved re-ranking of the best few, and the
//! winner stored with its provenance in [`kiln_cache`]. The tuner names
//! no backend: devices are `Arc<dyn kiln_device::Device>`.

mod key;
mod lock;
pub mod space;
pub mod strategy;
pub mod tune;
pub mod worker;

pub use key::{compiler_id, key_for, winner_schedule};
pub use tune::{tune, OnTrial, TrialEvent, TuneError, TuneOptions, TuneReport, WorkerMode};
