//! kiln's CUDA backend.
//!
//! Compile half ([`compile`], no GPU needed): the gpu-dialect module the
//! OpenCL backend also starts from, through MLIR's NVVM target to PTX for a
//! chosen architecture (`sm_80`, `sm_90`, ...), assembled by `ptxas` where
//! it is installed ([`ptxas`]): the assembler validates the PTX, makes the
//! cubin, and reports registers, spills and shared memory
//! ([`resources`]), from which the tuner's candidates that spill or cannot
//! reach a useful occupancy are pruned before any GPU time is spent.
//!
//! Run half ([`driver`]): the CUDA driver API through cudarc, loaded at run
//! time; without a driver every entry point is a clear error and
//! `kiln devices` says so. [`baseline`] measures cuBLAS SGEMM and a
//! device-to-device copy for the GPU check's table.

#![allow(unsafe_code)]

mod backend;
pub mod baseline;
pub mod compile;
pub mod driver;
pub mod ptxas;
pub mod resources;

pub use backend::{CudaBackend, CudaDevice, DEFAULT_ARCH};
pub use compile::{CompileError, CudaCompiler, CudaProgram, Stage, Target};
pub use resources::{Resources, SmLimits};
