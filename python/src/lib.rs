//! `kiln._native`: the Rust half of the `kiln` Python package.
//!
//! A thin layer over the `kiln` library crate. The Python half
//! (`python/kiln/`) gives it Python's idiom (keyword arguments, result
//! objects, progress bars, array conversion for DLPack and the buffer
//! protocol); this half keeps every copy and every lock out of the hot
//! path: kernels run on the caller's numpy buffers in place, with the GIL
//! released while compiling, tuning and running.
//!
//! | module | what |
//! |---|---|
//! | `kernel.rs` | `Module`, `Kernel`, `Compiled` |
//! | `arrays.rs` | numpy arrays as kiln tensor views (zero-copy) |
//! | `tuning.rs` | `tune`, the worker entry point |
//! | `cache.rs` | `Cache` |
//! | `errors.rs` | kiln errors as the exceptions of `kiln.errors` |

mod arrays;
mod cache;
mod errors;
mod kernel;
mod tuning;

use pyo3::prelude::*;

/// Every backend's devices as JSON: `[{"kind", "devices": [...]}` or
/// `{"kind", "why"}]`.
#[pyfunction]
fn devices_json(py: Python<'_>) -> String {
    let listing = py.detach(kiln::devices);
    let rows: Vec<serde_json::Value> = listing
        .into_iter()
        .map(|l| match l.devices {
            Ok(d) => serde_json::json!({"kind": l.kind, "devices": d}),
            Err(why) => serde_json::json!({"kind": l.kind, "why": why}),
        })
        .collect();
    serde_json::Value::Array(rows).to_string()
}

/// The id of a cache key given as JSON (as the cache computes it).
#[pyfunction]
fn key_id(key: &str) -> PyResult<String> {
    let k: kiln::Key = serde_json::from_str(key)
        .map_err(|e| errors::raise("CacheError", format!("not a cache key: {e}")))?;
    Ok(k.id())
}

/// The kiln version and build identity of this module.
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(devices_json, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(key_id, m)?)?;
    m.add_function(wrap_pyfunction!(tuning::tune, m)?)?;
    m.add_function(wrap_pyfunction!(tuning::worker_main, m)?)?;
    m.add_class::<kernel::Module>()?;
    m.add_class::<kernel::Kernel>()?;
    m.add_class::<kernel::Compiled>()?;
    m.add_class::<cache::Cache>()?;
    Ok(())
}
