//! The OpenCL backend on this machine's OpenCL device (PoCL here) against
//! baselines measured in the same run, in interleaved rounds:
//! matmul 1024^3 f32: OpenBLAS sgemm (2 threads), kiln's CPU backend with
//! its tuned schedule (2 threads), kiln OpenCL with the default schedule and
//! with the tuned one; softmax 4096x4096 on OpenCL (default and tuned)
//! next to a 2-thread memory copy of the same bytes. Prints medians of
//! round medians and ratios; OpenCL times are device times from profiling
//! events, with host wall times beside them as a cross-check.
//!
//! Tuned schedules come from `KILN_OCL_MATMUL`, `KILN_CPU_MATMUL` and
//! `KILN_OCL_SOFTMAX` (schedule JSON files; `scripts/bench_opencl.sh`
//! tunes and sets them). Without them those rows use the default.
//! `cargo bench -p kiln-opencl --bench vs_baselines [-- --quick]`.

#![allow(unsafe_code)]

#[path = "../../cpu/benches/support/openblas.rs"]
mod openblas;

use kiln_device::measure::{time_fn, time_samples, Budget, Stats};
use kiln_ir::Specialized;
use kiln_opencl::{OclCompiler, Runtime};
use kiln_schedule::Schedule;
use kiln_tensor::{Data, HostTensor};
use openblas::{cblas_sgemm, openblas_set_num_threads, NO_TRANS, ROW_MAJOR};
use std::collections::BTreeMap;
use std::os::raw::c_int;
use std::time::{Duration, Instant};

fn f32s(t: &HostTensor) -> &[f32] {
    match &t.data {
        Data::F32(v) => v,
        _ => panic!("f32 expected"),
    }
}

fn schedule_from(
    var: &str,
    spec: &Specialized<'_>,
    dev: &kiln_schedule::DeviceLimits,
) -> Option<Schedule> {
    let path = std::env::var(var).ok()?;
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{var}={path}: {e}"));
    let s = Schedule::from_json(&text).unwrap_or_else(|e| panic!("{var}={path}: {e}"));
    s.validate(spec, dev)
        .unwrap_or_else(|e| panic!("{var}={path}: {e}"));
    Some(s)
}

/// Median of per-round medians.
fn med(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

struct Row {
    name: String,
    device: Vec<f64>,
    wall: Vec<f64>,
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rounds = if quick { 3 } else { 5 };
    let budget = Budget {
        warmup: Duration::from_millis(100),
        time: Duration::from_millis(if quick { 300 } else { 800 }),
        min_reps: 5,
        max_reps: 10_000,
        stable_se: None,
    };
    let rt = Runtime::new(0, None).expect("an OpenCL device (scripts/setup.sh installs PoCL)");
    let dev = rt.device.limits();
    let oc = OclCompiler::new();
    let cpu = kiln_cpu::CpuCompiler::new().unwrap();
    let cdev = cpu.device().limits();
    println!(
        "opencl device: {}",
        rt.device.describe().replace('\n', "\n               ")
    );
    println!(
        "cpu:           {}",
        cpu.device().describe().replace('\n', "\n               ")
    );
    println!();

    // ---- matmul 1024^3 ------------------------------------------------
    let mm = kiln_tests::library_kernel("matmul");
    let n = 1024i64;
    let sizes: BTreeMap<String, i64> = [("M", n), ("N", n), ("K", n)]
        .iter()
        .map(|(k, v)| (k.to_string(), *v))
        .collect();
    let spec = Specialized::from_sizes(&mm, &sizes).unwrap();
    let ins = kiln_tensor::random_inputs(&spec, 42);
    let flops = 2.0 * (n as f64).powi(3);
    let ocl_default = Schedule::default_for(&spec, &dev);
    let ocl_tuned = schedule_from("KILN_OCL_MATMUL", &spec, &dev);
    let mut cpu_sched = schedule_from("KILN_CPU_MATMUL", &spec, &cdev)
        .unwrap_or_else(|| Schedule::default_for(&spec, &cdev));
    cpu_sched.threads = 2.min(cdev.cores);
    let cpu_tuned = std::env::var("KILN_CPU_MATMUL").is_ok();

    let (a, b) = (f32s(&ins[0]).to_vec(), f32s(&ins[1]).to_vec());
    let mut blas_out = vec![0f32; (n * n) as usize];
    let sgemm = |out: &mut [f32]| unsafe {
        // SAFETY: dimensions and leading dimensions match the buffers.
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
    };
    unsafe { openblas_set_num_threads(2) };
    sgemm(&mut blas_out);

    let ck = cpu.compile(&spec, &cpu_sched).unwrap();
    let mut cb = ck.bind(&ins).unwrap();
    let mut ocl_rows: Vec<(String, Schedule)> = vec![("kiln OpenCL, default".into(), ocl_default)];
    if let Some(s) = ocl_tuned {
        ocl_rows.push(("kiln OpenCL, tuned".into(), s));
    } else {
        println!("(KILN_OCL_MATMUL not set: no tuned OpenCL row; run scripts/bench_opencl.sh)");
    }
    let progs: Vec<_> = ocl_rows
        .iter()
        .map(|(_, s)| oc.compile(&spec, s, &dev).unwrap())
        .collect();
    let loaded: Vec<_> = progs.iter().map(|p| rt.load(p).unwrap()).collect();
    let mut bound: Vec<_> = loaded.iter().map(|l| l.bind(&ins).unwrap()).collect();
    // Every OpenCL variant agrees with OpenBLAS.
    for (bd, (name, _)) in bound.iter_mut().zip(&ocl_rows) {
        bd.launch().unwrap();
        let out = bd.outputs().unwrap();
        let worst = f32s(&out[0])
            .iter()
            .zip(&blas_out)
            .map(|(x, y)| (x - y).abs() / (1.0 + y.abs()))
            .fold(0f32, f32::max);
        assert!(worst < 1e-3, "{name} and OpenBLAS disagree by {worst}");
    }

    let mut rows = vec![
        Row {
            name: "OpenBLAS sgemm, 2 threads".into(),
            device: vec![],
            wall: vec![],
        },
        Row {
            name: format!(
                "kiln CPU, {}, 2 threads",
                if cpu_tuned { "tuned" } else { "default" }
            ),
            device: vec![],
            wall: vec![],
        },
    ];
    for (name, _) in &ocl_rows {
        rows.push(Row {
            name: name.clone(),
            device: vec![],
            wall: vec![],
        });
    }
    for _ in 0..rounds {
        let t = time_fn(&budget, || sgemm(&mut blas_out)).median_s;
        rows[0].device.push(t);
        rows[0].wall.push(t);
        let t = time_fn(&budget, || cb.launch().expect("launch")).median_s;
        rows[1].device.push(t);
        rows[1].wall.push(t);
        for (i, bd) in bound.iter_mut().enumerate() {
            let d: Stats = time_samples(&budget, || {}, || bd.launch().unwrap());
            let w = time_fn(&budget, || {
                bd.launch().unwrap();
            });
            rows[2 + i].device.push(d.median_s);
            rows[2 + i].wall.push(w.median_s);
        }
    }
    let blas = med(&mut rows[0].device.clone());
    let default = med(&mut rows[2].device.clone());
    println!("matmul 1024^3 f32, {rounds} interleaved rounds (medians of round medians)");
    println!(
        "{:<34} {:>12} {:>16} {:>12} {:>12}",
        "", "GFLOP/s", "(wall GFLOP/s)", "vs OpenBLAS", "vs default"
    );
    for r in &mut rows {
        let d = med(&mut r.device);
        let w = med(&mut r.wall);
        println!(
            "{:<34} {:>12.1} {:>16.1} {:>12.2} {:>12}",
            r.name,
            flops / d / 1e9,
            flops / w / 1e9,
            blas / d,
            if r.name.starts_with("kiln OpenCL") {
                format!("{:.2}", default / d)
            } else {
                "-".into()
            }
        );
    }
    for (name, s) in &ocl_rows {
        println!("  {name}: {}", serde_json::to_string(&s.stmts[0]).unwrap());
    }
    let mut lat: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let _ = oc.compile(&spec, &ocl_rows[0].1, &dev).unwrap();
            t.elapsed().as_secs_f64()
        })
        .collect();
    println!(
        "  IR -> OpenCL C (emit, normalize, print): median {:.1} ms; the driver's build comes on top",
        med(&mut lat) * 1e3
    );
    println!();

    // ---- softmax 4096 x 4096 -----------------------------------------
    let sm = kiln_tests::library_kernel("softmax");
    let sizes: BTreeMap<String, i64> = [("R", 4096), ("C", 4096)]
        .iter()
        .map(|(k, v)| (k.to_string(), *v))
        .collect();
    let spec = Specialized::from_sizes(&sm, &sizes).unwrap();
    let ins = kiln_tensor::random_inputs(&spec, 42);
    let bytes = 2.0 * 4096.0 * 4096.0 * 4.0;
    let mut variants = vec![(
        "kiln OpenCL softmax, default".to_string(),
        Schedule::default_for(&spec, &dev),
    )];
    if let Some(s) = schedule_from("KILN_OCL_SOFTMAX", &spec, &dev) {
        variants.push(("kiln OpenCL softmax, tuned".into(), s));
    }
    let progs: Vec<_> = variants
        .iter()
        .map(|(_, s)| oc.compile(&spec, s, &dev).unwrap())
        .collect();
    let loaded: Vec<_> = progs.iter().map(|p| rt.load(p).unwrap()).collect();
    let mut bound: Vec<_> = loaded.iter().map(|l| l.bind(&ins).unwrap()).collect();
    let src = f32s(&ins[0]).to_vec();
    let mut dst = vec![0f32; src.len()];
    let mut copy_t = Vec::new();
    let mut dev_t = vec![Vec::new(); bound.len()];
    for _ in 0..rounds {
        copy_t.push(time_fn(&budget, || copy(&src, &mut dst, 2)).median_s);
        for (i, bd) in bound.iter_mut().enumerate() {
            dev_t[i].push(time_samples(&budget, || {}, || bd.launch().unwrap()).median_s);
        }
    }
    let c = bytes / med(&mut copy_t) / 1e9;
    println!("softmax 4096x4096 f32 (input + output bytes), {rounds} interleaved rounds");
    println!("{:<34} {:>9.1} GB/s", "memory copy, 2 threads", c);
    for ((name, s), t) in variants.iter().zip(&mut dev_t) {
        let g = bytes / med(t) / 1e9;
        println!(
            "{name:<34} {g:>9.1} GB/s  {:.2}x copy  ({} launches; widths {:?})",
            g / c,
            kiln_schedule::groups(s).len(),
            s.stmts.iter().map(|x| x.vector_width).collect::<Vec<_>>()
        );
    }
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
