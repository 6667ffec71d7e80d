//! Baselines measured in the same run as kiln's kernels, for the GPU
//! check's table: cuBLAS SGEMM (loaded at run time; cudarc panics where
//! `libcublas` is absent, so presence is asked first) and a
//! device-to-device copy (the bandwidth a memory-bound kernel can reach).

use crate::driver::{drv, Runtime};
use kiln_device::{Budget, DeviceError, Stats};

/// Whether `libcublas` can be loaded (it is found through the loader's
/// path: `LD_LIBRARY_PATH`, ldconfig).
pub fn cublas_present() -> bool {
    // SAFETY: only tries to dlopen the library by its usual names.
    #[allow(unsafe_code)]
    unsafe {
        cudarc::cublas::sys::is_culib_present()
    }
}

/// Times `f` (work enqueued on the runtime's stream) under `budget`.
fn time(
    rt: &Runtime,
    budget: &Budget,
    mut f: impl FnMut() -> Result<(), DeviceError>,
) -> Result<Stats, DeviceError> {
    let mut failed = None;
    let st = kiln_device::measure::time_samples(
        budget,
        || {},
        || match rt.time(&mut f) {
            Ok(t) => t,
            Err(e) => {
                failed.get_or_insert(e);
                f64::NAN
            }
        },
    );
    match failed {
        Some(e) => Err(e),
        None => Ok(st),
    }
}

/// Row-major `C[m,n] = A[m,k] B[k,n]` in f32 by cuBLAS SGEMM (column-major
/// `C^T = B^T A^T`), on random-ish data; returns the timing and a checksum
/// of C's first row against a host dot product (relative error).
pub fn sgemm(
    rt: &Runtime,
    m: usize,
    n: usize,
    k: usize,
    budget: &Budget,
) -> Result<(Stats, f64), DeviceError> {
    use cudarc::cublas::{sys::cublasOperation_t, CudaBlas, Gemm, GemmConfig};
    if !cublas_present() {
        return Err(DeviceError::Unavailable {
            kind: "cublas".into(),
            why: "libcublas.so.12 was not found on the loader's path (LD_LIBRARY_PATH); install the CUDA toolkit or the pip wheel nvidia-cublas-cu12".into(),
        });
    }
    let s = rt.stream();
    let fill = |len: usize, seed: usize| -> Vec<f32> {
        (0..len)
            .map(|i| (((i * 7 + seed * 13) % 17) as f32 - 8.0) / 8.0)
            .collect()
    };
    let (ha, hb) = (fill(m * k, 1), fill(k * n, 2));
    let a = s.clone_htod(&ha).map_err(drv("cuMemcpyHtoD"))?;
    let b = s.clone_htod(&hb).map_err(drv("cuMemcpyHtoD"))?;
    let mut c = s.alloc_zeros::<f32>(m * n).map_err(drv("cuMemAlloc"))?;
    let blas = CudaBlas::new(s.clone())
        .map_err(|e| DeviceError::Runtime(format!("cublasCreate failed: {e:?}")))?;
    let cfg = GemmConfig {
        transa: cublasOperation_t::CUBLAS_OP_N,
        transb: cublasOperation_t::CUBLAS_OP_N,
        m: n as i32,
        n: m as i32,
        k: k as i32,
        alpha: 1.0f32,
        lda: n as i32,
        ldb: k as i32,
        beta: 0.0f32,
        ldc: n as i32,
    };
    let st = time(rt, budget, || {
        // SAFETY: A, B and C hold m*k, k*n and m*n floats; the leading
        // dimensions match the row-major layouts.
        #[allow(unsafe_code)]
        unsafe { blas.gemm(cfg, &b, &a, &mut c) }
            .map_err(|e| DeviceError::Runtime(format!("cublasSgemm failed: {e:?}")))
    })?;
    let got = s.clone_dtoh(&c).map_err(drv("cuMemcpyDtoH"))?;
    let mut err = 0.0f64;
    for j in 0..n.min(64) {
        let want: f64 = (0..k).map(|p| ha[p] as f64 * hb[p * n + j] as f64).sum();
        err = err.max((got[j] as f64 - want).abs() / want.abs().max(1.0));
    }
    Ok((st, err))
}

/// A device-to-device copy of `bytes`: the timing (bandwidth is
/// `2 * bytes / time`: read and written).
pub fn copy(rt: &Runtime, bytes: usize, budget: &Budget) -> Result<Stats, DeviceError> {
    let s = rt.stream();
    let src = rt.alloc(bytes)?;
    let mut dst = rt.alloc(bytes)?;
    time(rt, budget, || {
        s.memcpy_dtod(&src, &mut dst).map_err(drv("cuMemcpyDtoD"))
    })
}
