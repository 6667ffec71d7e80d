//! Differential tests on the OpenCL device (PoCL here): every `ir-specs/`
//! kernel and every corner kernel (`kiln_tests::corner_kernels`), under the default
//! GPU schedule and at least 10 random valid ones, on sizes that no
//! work-group or tile divides (primes, ones, 33, 67), against the reference
//! interpreter. Outputs and temporaries start as a sentinel, so skipped work
//! fails. Each (kernel, sizes, schedule) is one program build.

use kiln_ir::{Kernel, Specialized};
use kiln_opencl::{OclCompiler, Runtime};
use kiln_schedule::Schedule;
use kiln_tensor::first_mismatch;
use kiln_tests::{kernels_in, test_sizes, SIZE_SETS};
use rand::SeedableRng;
use std::collections::BTreeMap;

/// A runtime with a fresh binary cache, so every program goes through the
/// driver's build from source.
fn runtime(bins: &std::path::Path) -> Runtime {
    Runtime::new(0, Some(bins.to_path_buf()))
        .expect("an OpenCL device (scripts/setup.sh installs PoCL)")
}

fn check(
    rt: &Runtime,
    c: &OclCompiler,
    k: &Kernel,
    sz: &BTreeMap<String, i64>,
    sched: &Schedule,
    seed: u64,
) -> Result<(), String> {
    let spec = Specialized::from_sizes(k, sz).map_err(|d| d.to_string())?;
    let dev = rt.device.limits();
    let ctx = || {
        format!(
            "sizes {sz:?}\nschedule {}",
            serde_json::to_string(sched).unwrap()
        )
    };
    let prog = c
        .compile(&spec, sched, &dev)
        .map_err(|e| format!("{}: compile failed: {e}\n{}", k.name, ctx()))?;
    let loaded = rt
        .load(&prog)
        .map_err(|e| format!("{}: build failed: {e}\n{}\n{}", k.name, ctx(), prog.source))?;
    if std::env::var("KILN_DUMP").is_ok() {
        eprintln!("{}\n{}", ctx(), prog.source);
    }
    let inputs = kiln_tensor::random_inputs(&spec, seed);
    let want = kiln_interp::run(&spec, &inputs).map_err(|e| e.to_string())?;
    let mut b = loaded.bind(&inputs).map_err(|e| e.to_string())?;
    b.fill_sentinel().map_err(|e| e.to_string())?;
    b.launch().map_err(|e| e.to_string())?;
    for (i, (g, w)) in b
        .outputs()
        .map_err(|e| e.to_string())?
        .iter()
        .zip(&want)
        .enumerate()
    {
        if let Some((at, gv, wv)) = first_mismatch(g, w) {
            return Err(format!(
                "{}: output {i} differs at flat index {at}: got {gv}, want {wv}\n{}",
                k.name,
                ctx()
            ));
        }
    }
    Ok(())
}

/// Runs every kernel of `dir`; returns how many cases fused statements
/// and how many staged an operand in local memory.
fn run_all(kernels: Vec<Kernel>, per_kernel: u64, min: usize) -> (usize, usize) {
    let bins = tempfile::tempdir().unwrap();
    let rt = runtime(bins.path());
    let c = OclCompiler::new();
    let dev = rt.device.limits();
    let only = std::env::var("KILN_ONLY").ok();
    let mut failures = Vec::new();
    let mut checked = 0;
    let (mut fused, mut local) = (0, 0);
    for k in kernels {
        if only.as_ref().is_some_and(|o| *o != k.name) {
            continue;
        }
        for n in 0..per_kernel {
            let mut rng = rand::rngs::StdRng::seed_from_u64(n * 7919 + k.name.len() as u64);
            let sz = test_sizes(&k, SIZE_SETS[n as usize % 3], &mut rng);
            let spec = Specialized::from_sizes(&k, &sz).unwrap();
            let sched = if n == 0 {
                Schedule::default_for(&spec, &dev)
            } else {
                Schedule::random(&spec, &dev, &mut rng)
            };
            if let Err(e) = sched.validate(&spec, &dev) {
                failures.push(format!("{}: generated schedule invalid: {e}", k.name));
                continue;
            }
            fused += sched.stmts.iter().any(|s| s.fuse) as usize;
            local += sched.stmts.iter().any(|s| s.local) as usize;
            if let Err(e) = check(&rt, &c, &k, &sz, &sched, n) {
                failures.push(e);
            }
            checked += 1;
        }
    }
    assert!(only.is_some() || checked >= min, "only {checked} cases ran");
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    (fused, local)
}

#[test]
fn library_kernels_default_and_10_random_schedules() {
    let (fused, local) = run_all(kernels_in("ir-specs"), 11, 21 * 11);
    if std::env::var("KILN_ONLY").is_err() {
        // The random schedules do exercise fused launches and local memory.
        assert!(fused >= 5 && local >= 3, "fused {fused}, local {local}");
    }
}

#[test]
fn edge_case_kernels_default_and_10_random_schedules() {
    run_all(kiln_tests::corner_kernels(), 11, 15 * 11);
}

/// NaN and infinities propagate as in the interpreter: max/min reductions
/// keep a NaN (OpenCL's `fmax` alone would drop it), `-inf` inputs stay
/// `-inf`, and softmax of a row with a NaN is NaN. Checked under the
/// default and the tuned-style (float16, fused) schedules.
#[test]
fn nan_and_infinity_propagate_like_the_interpreter() {
    let bins = tempfile::tempdir().unwrap();
    let rt = runtime(bins.path());
    let c = OclCompiler::new();
    let dev = rt.device.limits();
    for name in ["row_max", "softmax", "layernorm"] {
        let k = kiln_tests::library_kernel(name);
        let sz: BTreeMap<String, i64> = k
            .symbols
            .iter()
            .map(|(_, s)| (s.name.clone(), if s.name == "R" { 6 } else { 40 }))
            .collect();
        let spec = Specialized::from_sizes(&k, &sz).unwrap();
        let mut inputs = kiln_tensor::random_inputs(&spec, 1);
        if let kiln_tensor::Data::F32(v) = &mut inputs[0].data {
            v[3] = f32::NAN;
            v[41] = f32::NEG_INFINITY;
            v[85] = f32::INFINITY;
        }
        let want = kiln_interp::run(&spec, &inputs).unwrap();
        let mut wide = Schedule::default_for(&spec, &dev);
        for st in &mut wide.stmts {
            st.vector_width = 16.min(st.vector_width * 4);
            let np = st.tile.len();
            if st.vector == kiln_schedule::VectorAxis::Parallel {
                st.tile[np - 1] = (st.vectors * st.vector_width).min(spec.domain(0)[np - 1]);
            }
        }
        wide.fuse_rows(&spec, Some(1));
        wide.align_fused_gpu();
        for sched in [Schedule::default_for(&spec, &dev), wide] {
            sched.validate(&spec, &dev).unwrap();
            let prog = c.compile(&spec, &sched, &dev).unwrap();
            let got = rt.load(&prog).unwrap().run(&inputs).unwrap();
            let nan_rows = got[0].to_f64().iter().filter(|x| x.is_nan()).count();
            assert!(nan_rows > 0, "{name}: the NaN vanished");
            for (g, w) in got.iter().zip(&want) {
                assert_eq!(
                    first_mismatch(g, w),
                    None,
                    "{name} under {}",
                    serde_json::to_string(&sched).unwrap()
                );
            }
        }
    }
}
