//! OpenBLAS, declared by hand: `cblas_sgemm` and `openblas_set_num_threads`
//! (the latter is in no cblas binding crate). Shared by the benches.

use std::os::raw::{c_float, c_int};

#[link(name = "openblas")]
extern "C" {
    #[allow(clippy::too_many_arguments)]
    pub fn cblas_sgemm(
        layout: c_int,
        ta: c_int,
        tb: c_int,
        m: c_int,
        n: c_int,
        k: c_int,
        alpha: c_float,
        a: *const c_float,
        lda: c_int,
        b: *const c_float,
        ldb: c_int,
        beta: c_float,
        c: *mut c_float,
        ldc: c_int,
    );
    pub fn openblas_set_num_threads(n: c_int);
}

pub const ROW_MAJOR: c_int = 101;
pub const NO_TRANS: c_int = 111;
