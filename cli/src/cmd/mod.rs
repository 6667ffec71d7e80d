//! One module per command.

pub mod bench;
pub mod cache;
pub mod check;
pub mod compile;
pub mod curve;
pub mod devices;
pub mod gpu_report;
pub mod run;
pub mod tune;
pub mod tune_many;
pub mod verify;
