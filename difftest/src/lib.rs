//! Differential testing: every compiled path must compute what the
//! reference interpreter computes (within `kiln_tensor::tolerance`,
//! bit-exact for i32), or fail with the same class of error.
//!
//! - [`filetest`]: data-driven cases, `.kiln` files whose header comments
//!   give sizes, inputs, schedules and expected results
//!   (`tests/filetests/`); adding a case needs no Rust.
//! - [`gen`] and [`fuzz`]: random kernels under random valid schedules,
//!   with failures shrunk to a small kernel and printed as a filetest.

pub mod filetest;
pub mod fuzz;
pub mod gen;
pub mod suite;

use kiln_device::{Device, DeviceError, OpenOptions};
use kiln_ir::Specialized;
use kiln_schedule::Schedule;
use kiln_tensor::HostTensor;
use std::sync::Arc;

/// What a run produced: outputs, or an error of a class both the oracle
/// and the devices name the same way.
#[derive(Clone, Debug)]
pub enum Outcome {
    /// Outputs in declaration order.
    Values(Vec<HostTensor>),
    /// A run-time error.
    Error {
        /// `div-by-zero`, `compile` or `other`.
        class: &'static str,
        /// The message.
        message: String,
    },
}

impl Outcome {
    /// The error class, if an error.
    pub fn class(&self) -> Option<&'static str> {
        match self {
            Outcome::Values(_) => None,
            Outcome::Error { class, .. } => Some(class),
        }
    }
}

/// The oracle's outcome.
pub fn reference(spec: &Specialized<'_>, inputs: &[HostTensor]) -> Outcome {
    match kiln_interp::run(spec, inputs) {
        Ok(v) => Outcome::Values(v),
        Err(e @ kiln_interp::InterpError::DivByZero { .. }) => Outcome::Error {
            class: "div-by-zero",
            message: e.to_string(),
        },
        Err(e) => Outcome::Error {
            class: "other",
            message: e.to_string(),
        },
    }
}

/// Compiles under `sched` and runs on `dev`, outputs pre-filled with
/// sentinels (a skipped element shows).
pub fn on_device(
    dev: &dyn Device,
    spec: &Specialized<'_>,
    sched: &Schedule,
    inputs: &[HostTensor],
) -> Outcome {
    let loaded = match dev.build(spec, sched) {
        Ok(l) => l,
        Err(e) => {
            return Outcome::Error {
                class: "compile",
                message: e.to_string(),
            }
        }
    };
    let run = || -> Result<Vec<HostTensor>, DeviceError> {
        let mut b = loaded.bind(inputs)?;
        b.fill_sentinel()?;
        b.launch()?;
        b.outputs()
    };
    match run() {
        Ok(v) => Outcome::Values(v),
        Err(e @ DeviceError::DivByZero { .. }) => Outcome::Error {
            class: "div-by-zero",
            message: e.to_string(),
        },
        Err(e) => Outcome::Error {
            class: "other",
            message: e.to_string(),
        },
    }
}

/// `Ok` when `got` agrees with the oracle's `want`; else what differs.
pub fn agree(want: &Outcome, got: &Outcome, names: &[String]) -> Result<(), String> {
    match (want, got) {
        (Outcome::Values(w), Outcome::Values(g)) => {
            for (i, (w, g)) in w.iter().zip(g).enumerate() {
                let name = names.get(i).map_or("?", |s| s.as_str());
                kiln_tensor::compare(name, g, w).map_err(|m| m.to_string())?;
            }
            Ok(())
        }
        (Outcome::Error { class: a, .. }, Outcome::Error { class: b, .. }) if a == b => Ok(()),
        (Outcome::Error { message, .. }, Outcome::Values(_)) => Err(format!(
            "the oracle fails ({message}) but the device returns values"
        )),
        (Outcome::Values(_), Outcome::Error { message, .. }) => {
            Err(format!("the device fails: {message}"))
        }
        (Outcome::Error { message: w, .. }, Outcome::Error { message: g, .. }) => Err(format!(
            "the device fails with `{g}`, the oracle with `{w}`"
        )),
    }
}

/// `M=3, N=5`: sizes as the filetest header and reports write them.
pub fn sizes_text(sizes: &std::collections::BTreeMap<String, i64>) -> String {
    let v: Vec<String> = sizes.iter().map(|(k, v)| format!("{k}={v}")).collect();
    v.join(", ")
}

/// The output names of a kernel, in declaration order.
pub fn output_names(k: &kiln_ir::Kernel) -> Vec<String> {
    k.outputs
        .iter()
        .map(|&t| k.tensors[t].name.clone())
        .collect()
}

/// Opens the named devices; for each one that cannot open, says why.
/// Driver caches go to `cache` (or nowhere).
pub fn open_devices(
    names: &[&str],
    cache: Option<std::path::PathBuf>,
) -> (Vec<Arc<dyn Device>>, Vec<String>) {
    let opts = OpenOptions {
        cache_dir: cache,
        ..OpenOptions::default()
    };
    let mut devs = Vec::new();
    let mut missing = Vec::new();
    for n in names {
        match kiln_registry::open(n, &opts) {
            Ok(d) => devs.push(d),
            Err(e) => missing.push(format!("{n}: {e}")),
        }
    }
    (devs, missing)
}

/// Devices the tests run on: `cpu` and `opencl:0`, or the comma-separated
/// list in `KILN_TEST_DEVICES`. A device that cannot open is an error
/// unless `KILN_TEST_ALLOW_MISSING=1` (then it is reported and skipped).
pub fn test_devices(cache: Option<std::path::PathBuf>) -> Vec<Arc<dyn Device>> {
    let list = std::env::var("KILN_TEST_DEVICES").unwrap_or_else(|_| "cpu,opencl:0".into());
    let names: Vec<&str> = list
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let (devs, missing) = open_devices(&names, cache);
    if !missing.is_empty() {
        let allow = std::env::var("KILN_TEST_ALLOW_MISSING").is_ok_and(|v| v == "1");
        assert!(
            allow,
            "devices missing (set KILN_TEST_ALLOW_MISSING=1 to skip them): {}",
            missing.join("; ")
        );
        for m in missing {
            eprintln!("skipping {m}");
        }
    }
    devs
}
