//! kiln errors as the exception classes of `kiln.errors` (defined in
//! Python, so they can inherit from both `KilnError` and the built-in
//! exception a Python user expects: `ValueError`, `TypeError`, ...).

use kiln::DeviceError;
use pyo3::prelude::*;

/// A `kiln.errors.<class>` exception carrying `msg`.
pub fn raise(class: &str, msg: impl Into<String>) -> PyErr {
    let msg = msg.into();
    Python::attach(|py| {
        let made = py
            .import("kiln.errors")
            .and_then(|m| m.getattr(class))
            .and_then(|c| c.call1((msg.clone(),)));
        match made {
            Ok(e) => PyErr::from_value(e),
            // The Python half is missing (the module imported alone).
            Err(_) => pyo3::exceptions::PyRuntimeError::new_err(msg),
        }
    })
}

/// The exception class for a kiln error.
fn class_of(e: &kiln::Error) -> &'static str {
    use kiln::Error as E;
    match e {
        E::Source(_) => "SourceError",
        E::Call(_) => "ArgumentError",
        E::NoKernel { .. } => "NoKernelError",
        E::Manifest(_) => "KilnError",
        E::Device(d) => match d {
            DeviceError::Unavailable { .. }
            | DeviceError::UnknownDevice { .. }
            | DeviceError::NoDevice { .. } => "DeviceUnavailableError",
            DeviceError::Schedule(_) => "ScheduleError",
            DeviceError::Input { .. } => "ArgumentError",
            DeviceError::Memory(_) => "OutOfMemoryError",
            DeviceError::Compile(_) | DeviceError::Stage { .. } => "CompileError",
            _ => "ExecutionError",
        },
        E::Schedule(_) => "ScheduleError",
        E::Cache(_) => "CacheError",
        E::Tune(_) => "TuneError",
        E::Interp(_) => "ExecutionError",
        E::Io { .. } => "KilnIOError",
    }
}

/// A kiln error as a Python exception of the matching class.
pub fn to_py(e: impl Into<kiln::Error>) -> PyErr {
    let e = e.into();
    raise(class_of(&e), e.to_string())
}
