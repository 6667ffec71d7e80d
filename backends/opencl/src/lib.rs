//! kiln's OpenCL runtime: the "run on a device" half of the OpenCL backend.
//!
//! Enumerates platforms and devices (PoCL here; any ICD elsewhere), reads
//! the limits a schedule validator needs, fingerprints a device for the
//! cache, builds OpenCL C programs (a failed build returns the driver's
//! log), caches program binaries on disk keyed by source hash and device
//! fingerprint, moves host tensors to and from device buffers, and launches
//! kernels timed by profiling events. The library loads the OpenCL ICD
//! loader at run time: where none is installed, or no platform exists,
//! every entry point returns a clear error.
//!
//! The compile half ([`compile`]: scheduled kernels through MLIR's gpu
//! dialect to OpenCL C) needs no device; the run half lives in `kiln-rt`
//! (`kiln_rt::opencl`, no LLVM), so artifact directories run on it too,
//! and is re-exported here.

#![allow(unsafe_code)]

mod backend;
pub mod compile;

pub use backend::{OpenClBackend, OpenClDevice};

pub use compile::{CompileError, OclCompiler, Stage};
pub use kiln_rt::opencl::{
    call_err, device_seconds, devices, kernel, Bound, ClLaunch, ClProgram, DeviceTensor, Loaded,
    OclDevice, OclError, Runtime,
};
