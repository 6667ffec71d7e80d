//! kiln's CPU backend against baselines measured in the same run:
//! OpenBLAS sgemm (1 and 2 threads) for matmul, and a plain memory copy of
//! the same bytes for softmax and layernorm. Prints medians and ratios.
//!
//! `cargo bench -p kiln-cpu --bench vs_baselines` (add `-- --quick` for a
//! shorter run). Needs Debian's libopenblas-dev (scripts/setup.sh).
//!
//! OpenBLAS is called through two hand-declared C functions: `cblas_sgemm`
//! and `openblas_set_num_threads` (the latter is in no cblas binding crate).

#![allow(unsafe_code)]

use kiln_cpu::CpuCompiler;
use kiln_device::measure::{time_fn, Budget, Stats};
use kiln_ir::Specialized;
use kiln_schedule::Schedule;
use kiln_tensor::HostTensor;
use std::collections::BTreeMap;
use std::os::raw::c_int;
use std::time::{Duration, Instant};

#[path = "support/openblas.rs"]
mod openblas;
use openblas::{cblas_sgemm, openblas_set_num_threads, NO_TRANS, ROW_MAJOR};

fn kernel(file: &str) -> kiln_ir::Kernel {
    let p = format!("{}/../../ir-specs/{file}", env!("CARGO_MANIFEST_DIR"));
    kiln_ir::check_source(&std::fs::read_to_string(p).unwrap())
        .unwrap()
        .remove(0)
}

fn sizes(s: &[(&str, i64)]) -> BTreeMap<String, i64> {
    s.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

fn inputs(_k: &kiln_ir::Kernel, spec: &Specialized<'_>) -> Vec<HostTensor> {
    kiln_tensor::random_inputs(spec, 42)
}

fn f32s(t: &HostTensor) -> &[f32] {
    match &t.data {
        kiln_tensor::Data::F32(v) => v,
        _ => panic!("f32 expected"),
    }
}

/// Median-time kiln run of `sched`.
fn kiln_time(
    c: &CpuCompiler,
    spec: &Specialized<'_>,
    ins: &[HostTensor],
    sched: &Schedule,
    budget: &Budget,
) -> (Stats, Vec<HostTensor>) {
    let ck = c.compile(spec, sched).expect("compiles");
    let mut b = ck.bind(ins).unwrap();
    let st = time_fn(budget, || b.launch().expect("launch"));
    (st, b.outputs())
}

/// A small sweep of matmul register and cache tiles; returns the best schedule.
fn sweep_matmul(
    c: &CpuCompiler,
    spec: &Specialized<'_>,
    ins: &[HostTensor],
    threads: usize,
) -> Schedule {
    let base = Schedule::default_for(spec, &c.device().limits());
    let quick = Budget {
        warmup: Duration::from_millis(30),
        time: Duration::from_millis(150),
        min_reps: 3,
        max_reps: 50,
        stable_se: None,
    };
    let mut best = (f64::INFINITY, base.clone());
    for (rows, vectors) in [(8, 2), (4, 4)] {
        for kc in [256, 512] {
            for nc in [256, 512] {
                for pack in [false, true] {
                    let mut s = base.clone();
                    s.threads = threads;
                    let st = &mut s.stmts[0];
                    st.rows = rows;
                    st.vectors = vectors;
                    st.reduction_tile = kc.min(spec.domain(0)[2]);
                    st.tile[1] = nc.min(spec.domain(0)[1]);
                    st.tile[0] = 64.min(spec.domain(0)[0]);
                    st.pack = pack;
                    if s.validate(spec, &c.device().limits()).is_err() {
                        continue;
                    }
                    let (t, _) = kiln_time(c, spec, ins, &s, &quick);
                    if t.median_s < best.0 {
                        best = (t.median_s, s);
                    }
                }
            }
        }
    }
    best.1
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let budget = Budget {
        warmup: Duration::from_millis(200),
        time: Duration::from_millis(if quick { 500 } else { 2000 }),
        min_reps: 5,
        max_reps: 10_000,
        stable_se: None,
    };
    let c = CpuCompiler::new().unwrap();
    println!(
        "device: {}",
        c.device().describe().replace('\n', "\n        ")
    );
    println!();
    println!(
        "{:<10} {:<16} {:>7} {:>12} {:>12} {:>7}   schedule",
        "kernel", "shape", "threads", "kiln", "baseline", "ratio"
    );

    // Matmul against OpenBLAS sgemm.
    let mm = kernel("matmul.kiln");
    for n in [1024i64, 2048] {
        let mut sweep_cache: Option<Schedule> = None;
        let spec = Specialized::from_sizes(&mm, &sizes(&[("M", n), ("N", n), ("K", n)])).unwrap();
        let ins = inputs(&mm, &spec);
        let flops = 2.0 * (n as f64).powi(3);
        for threads in [1usize, 2] {
            let mut sched = match &sweep_cache {
                Some(s) => s.clone(),
                None => {
                    let s = sweep_matmul(&c, &spec, &ins, threads);
                    sweep_cache = Some(s.clone());
                    s
                }
            };
            sched.threads = threads;
            let (kt, kout) = kiln_time(&c, &spec, &ins, &sched, &budget);
            let (a, b) = (f32s(&ins[0]), f32s(&ins[1]));
            let mut out = vec![0f32; (n * n) as usize];
            // SAFETY: dimensions and leading dimensions match the buffers.
            unsafe { openblas_set_num_threads(threads as c_int) };
            let bt = time_fn(&budget, || unsafe {
                cblas_sgemm(
                    ROW_MAJOR,
                    NO_TRANS,
                    NO_TRANS,
                    n as c_int,
                    n as c_int,
                    n as c_int,
                    1.0,
                    a.as_ptr(),
                    n as c_int,
                    b.as_ptr(),
                    n as c_int,
                    0.0,
                    out.as_mut_ptr(),
                    n as c_int,
                )
            });
            // Same answer as OpenBLAS (relative to the row norms).
            let k = f32s(&kout[0]);
            let worst = k
                .iter()
                .zip(&out)
                .map(|(x, y)| (x - y).abs() / (1.0 + y.abs()))
                .fold(0f32, f32::max);
            assert!(worst < 1e-3, "kiln and OpenBLAS disagree by {worst}");
            let (g, gb) = (flops / kt.median_s / 1e9, flops / bt.median_s / 1e9);
            let st = &sched.stmts[0];
            println!(
                "{:<10} {:<16} {:>7} {:>7.1} GF/s {:>7.1} GF/s {:>7.2}   rows {} x vectors {} x {} lanes, tile {:?}, kc {}, pack {}",
                "matmul", format!("{n}^3 f32"), threads, g, gb, g / gb, st.rows, st.vectors, st.vector_width, st.tile, st.reduction_tile, st.pack
            );
        }
    }

    // Row-wise kernels against a copy of the same bytes (input + output).
    for (file, extra) in [
        ("softmax.kiln", vec![]),
        ("layernorm.kiln", vec!["g", "b", "eps"]),
    ] {
        let k = kernel(file);
        let spec = Specialized::from_sizes(&k, &sizes(&[("R", 4096), ("C", 4096)])).unwrap();
        let ins = inputs(&k, &spec);
        let bytes = 2.0 * 4096.0 * 4096.0 * 4.0;
        let _ = extra;
        for threads in [1usize, 2] {
            let mut sched = Schedule::default_for(&spec, &c.device().limits());
            sched.threads = threads;
            let (kt, _) = kiln_time(&c, &spec, &ins, &sched, &budget);
            let src = f32s(&ins[0]).to_vec();
            let mut dst = vec![0f32; src.len()];
            let ct = time_fn(&budget, || copy(&src, &mut dst, threads));
            let (g, gc) = (bytes / kt.median_s / 1e9, bytes / ct.median_s / 1e9);
            println!(
                "{:<10} {:<16} {:>7} {:>7.1} GB/s {:>7.1} GB/s {:>7.2}   default (fused row groups: {})",
                k.name, "4096x4096 f32", threads, g, gc, g / gc, kiln_schedule::groups(&sched).len()
            );
        }
    }

    // Compile latency: IR to runnable code, matmul, default schedule.
    let spec =
        Specialized::from_sizes(&mm, &sizes(&[("M", 1024), ("N", 1024), ("K", 1024)])).unwrap();
    let sched = Schedule::default_for(&spec, &c.device().limits());
    let mut times: Vec<f64> = (0..11)
        .map(|_| {
            let t = Instant::now();
            let ck = c.compile(&spec, &sched).unwrap();
            drop(ck);
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!();
    println!("compile latency, matmul 1024^3 default schedule, IR -> runnable: median {:.1} ms (11 runs)", times[5] * 1e3);
}

/// Copies `src` into `dst` with `threads` threads (contiguous halves).
fn copy(src: &[f32], dst: &mut [f32], threads: usize) {
    let chunk = src.len().div_ceil(threads);
    std::thread::scope(|s| {
        for (d, sr) in dst.chunks_mut(chunk).zip(src.chunks(chunk)) {
            s.spawn(move || d.copy_from_slice(sr));
        }
    });
}
