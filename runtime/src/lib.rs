//! kiln's runtime: what a program links to run compiled kernels, with no
//! LLVM, MLIR or compiler inside.
//!
//! - [`launch`]: the block-parallel CPU launcher (also used by `kiln-cpu`
//!   for JIT-compiled kernels, so both run the same way).
//! - [`Library`]: an artifact directory written by `kiln compile --out DIR`,
//!   opened from its manifest ([`kiln_device::manifest`]): each CPU
//!   kernel's shared library is loaded and its entry points resolved, and
//!   [`Kernel::run`] / [`Kernel::run_views`] launch it like the JIT does.

#![allow(unsafe_code)]

pub mod launch;
mod library;
pub mod opencl;

pub use kiln_device::manifest::{KernelArtifact, Manifest, ManifestError, SCHEMA};
pub use kiln_device::{DeviceError, Slice, SliceMut, TensorMut, TensorRef};
pub use kiln_tensor::HalfF16 as f16;
pub use launch::Plan;
pub use library::{Kernel, Library, RtError};
