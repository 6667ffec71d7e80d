//! One module per command.

pub mod bench;
pub mod cache;
pub mod check;
pub mod compile;
pub mod devices;
pub mod run;
pub mod tune;
