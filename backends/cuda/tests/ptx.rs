//! The CUDA backend without a GPU: every `ir-specs/` and corner kernel
//! (`kiln_tests::corner_kernels`) under the default schedule and 10 random
//! valid ones, compiled to PTX for sm_80 and sm_90 and assembled by `ptxas`
//! (installed by `scripts/setup.sh`), with the share of random schedules
//! that spill or that the resource check prunes; PTX goldens; the
//! no-driver paths.

use kiln_cuda::{CudaBackend, CudaCompiler, Target};
use kiln_device::{Backend, OpenOptions};
use kiln_ir::{Kernel, Specialized};
use kiln_schedule::Schedule;
use kiln_tests::{corner_kernels, kernels_in, test_sizes, SIZE_SETS};
use rand::SeedableRng;
use std::collections::BTreeMap;
use std::sync::Mutex;

const ARCHS: [&str; 2] = ["sm_80", "sm_90"];

#[derive(Default)]
struct Tally {
    compiled: usize,
    random: usize,
    random_spill: usize,
    random_unfit: usize,
    failures: Vec<String>,
}

fn target(arch: &str) -> Target {
    let t = Target::offline(arch);
    assert!(
        t.ptxas.is_some(),
        "ptxas is needed (scripts/setup.sh installs the nvidia-cuda-nvcc-cu12 wheel)"
    );
    assert!(t.libdevice.is_ok(), "{:?}", t.libdevice);
    t
}

/// Compiles `per_kernel` schedules (the default, then random ones) of each
/// kernel for both architectures on two threads.
fn assemble_all(kernels: &[Kernel], per_kernel: u64) -> Tally {
    let tally = Mutex::new(Tally::default());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let targets: Vec<Target> = ARCHS.iter().map(|a| target(a)).collect();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                let c = CudaCompiler::new();
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(k) = kernels.get(i) else { break };
                    for n in 0..per_kernel {
                        let mut rng =
                            rand::rngs::StdRng::seed_from_u64(n * 7919 + k.name.len() as u64);
                        let sz = test_sizes(k, SIZE_SETS[n as usize % 3], &mut rng);
                        let spec = Specialized::from_sizes(k, &sz).unwrap();
                        for t in &targets {
                            let sched = if n == 0 {
                                Schedule::default_for(&spec, &t.limits)
                            } else {
                                Schedule::random(&spec, &t.limits, &mut rng)
                            };
                            let r = c.compile(&spec, &sched, t);
                            let mut tl = tally.lock().unwrap();
                            match r {
                                Ok(p) => {
                                    tl.compiled += 1;
                                    let spills = p
                                        .resources
                                        .iter()
                                        .any(|r| r.spill_stores + r.spill_loads > 0);
                                    assert!(p.cubin.as_ref().is_some_and(|c| !c.is_empty()));
                                    assert_eq!(p.resources.len(), p.stmts.len(), "{}", k.name);
                                    if n == 0 && p.unfit.is_some() {
                                        tl.failures.push(format!(
                                            "{} {}: the default schedule is pruned: {:?}",
                                            k.name, t.arch, p.unfit
                                        ));
                                    }
                                    if n > 0 {
                                        tl.random += 1;
                                        tl.random_spill += spills as usize;
                                        tl.random_unfit += p.unfit.is_some() as usize;
                                        // Pruning removes every spilling candidate.
                                        assert!(!spills || p.unfit.is_some());
                                    }
                                }
                                Err(e) => tl.failures.push(format!(
                                    "{} {} sizes {sz:?} schedule {}: {e}",
                                    k.name,
                                    t.arch,
                                    serde_json::to_string(&sched).unwrap()
                                )),
                            }
                        }
                    }
                }
            });
        }
    });
    tally.into_inner().unwrap()
}

fn report(what: &str, t: &Tally) {
    assert!(
        t.failures.is_empty(),
        "{} of {} failed:\n{}",
        t.failures.len(),
        t.compiled + t.failures.len(),
        t.failures.join("\n\n")
    );
    eprintln!(
        "{what}: {} programs assembled by ptxas (sm_80 and sm_90); of {} random schedules, \
         0 rejected by ptxas, {} spill ({:.1}%), {} pruned by resources ({:.1}%); \
         after pruning 0 spill",
        t.compiled,
        t.random,
        t.random_spill,
        100.0 * t.random_spill as f64 / t.random.max(1) as f64,
        t.random_unfit,
        100.0 * t.random_unfit as f64 / t.random.max(1) as f64,
    );
}

#[test]
fn library_kernels_assemble_for_sm80_and_sm90_under_default_and_10_random_schedules() {
    let ks = kernels_in("ir-specs");
    let t = assemble_all(&ks, 11);
    assert!(t.compiled >= ks.len() * 11 * 2, "{}", t.compiled);
    report("ir-specs", &t);
}

#[test]
fn corner_kernels_assemble_for_sm80_and_sm90_under_default_and_10_random_schedules() {
    let ks = corner_kernels();
    let t = assemble_all(&ks, 11);
    assert!(t.compiled >= ks.len() * 11 * 2, "{}", t.compiled);
    report("corner kernels", &t);
}

fn spec_of<'k>(k: &'k Kernel, sizes: &[(&str, i64)]) -> Specialized<'k> {
    let sizes: BTreeMap<String, i64> = sizes.iter().map(|(a, b)| (a.to_string(), *b)).collect();
    Specialized::from_sizes(k, &sizes).unwrap()
}

/// PTX of a few kernels under their default schedule, compared with
/// `tests/golden/cuda/*.ptx` (`BLESS=1` rewrites them).
#[test]
fn ptx_goldens() {
    let c = CudaCompiler::new();
    let t = target("sm_90");
    let cases: [(&str, &[(&str, i64)]); 3] = [
        ("matmul", &[("M", 64), ("N", 64), ("K", 64)]),
        ("softmax", &[("R", 8), ("C", 128)]),
        ("layernorm", &[("R", 6), ("C", 40)]),
    ];
    let dir = kiln_tests::root().join("tests/golden/cuda");
    let mut diffs = Vec::new();
    for (name, sizes) in cases {
        let k = kiln_tests::library_kernel(name);
        let spec = spec_of(&k, sizes);
        let s = Schedule::default_for(&spec, &t.limits);
        let p = c.compile(&spec, &s, &t).unwrap();
        assert!(p.ptx.contains(".target sm_90"), "{}", p.ptx);
        for st in &p.stmts {
            assert!(p.ptx.contains(&format!(".entry {}(", st.name)), "{name}");
        }
        let path = dir.join(format!("{name}.ptx"));
        if std::env::var("BLESS").is_ok() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &p.ptx).unwrap();
        } else {
            let want = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e} (BLESS=1 writes it)", path.display()));
            if want != p.ptx {
                diffs.push(path.display().to_string());
            }
        }
    }
    assert!(
        diffs.is_empty(),
        "PTX differs from {diffs:?} (BLESS=1 to accept)"
    );
}

/// `float4` accesses of a row-major matrix are proven aligned (buffers
/// are declared 16-byte aligned) and become PTX vector loads and stores.
#[test]
fn float4_accesses_become_vector_loads_and_stores() {
    let c = CudaCompiler::new();
    let t = target("sm_80");
    let k = kiln_tests::library_kernel("matmul");
    let spec = spec_of(&k, &[("M", 64), ("N", 64), ("K", 64)]);
    let s = Schedule::default_for(&spec, &t.limits);
    assert_eq!(s.stmts[0].vector_width, 4);
    let p = c.compile(&spec, &s, &t).unwrap();
    assert!(p.ptx.contains("ld.global.v4"), "{}", p.ptx);
    assert!(p.ptx.contains("st.global.v4"), "{}", p.ptx);
}

/// Every stage is there without a driver, and `--emit ptx` heads the PTX
/// with ptxas's resource line per kernel.
#[test]
fn every_stage_emits_offline() {
    let opts = OpenOptions {
        target: Some("sm_90".into()),
        compile_only: true,
        ..OpenOptions::default()
    };
    let d = match CudaBackend.open(0, &opts) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let k = kiln_tests::library_kernel("softmax");
    let spec = spec_of(&k, &[("R", 8), ("C", 128)]);
    let s = Schedule::default_for(&spec, &d.info().limits);
    for st in d.stages() {
        let out = d.emit(&spec, &s, st.name).unwrap();
        assert!(!out.is_empty(), "{}", st.name);
        let text = String::from_utf8_lossy(&out);
        match st.name {
            "nvvm" => assert!(text.contains("nvvm.kernel"), "{text}"),
            "llvm" => assert!(text.contains("nvptx64-nvidia-cuda"), "{text}"),
            "ptx" => {
                assert!(text.starts_with("// ptxas sm_90: s0: "), "{text}");
                assert!(text.contains("registers") && text.contains("occupancy"));
            }
            "cubin" => assert_eq!(&out[..4], b"\x7fELF"),
            _ => {}
        }
    }
    let e = d.emit(&spec, &s, "sass").unwrap_err().to_string();
    assert!(e.contains("ptx") && e.contains("cubin"), "{e}");
}

/// Without a driver: `devices` says why, opening to run is an error, and
/// an offline device compiles but refuses to load, naming what is missing.
#[test]
fn without_a_driver_every_path_is_a_clear_error() {
    if kiln_cuda::driver::driver_present() {
        eprintln!("a CUDA driver is present: the no-driver paths are not reachable here");
        return;
    }
    let e = CudaBackend.devices().unwrap_err().to_string();
    assert!(e.contains("no CUDA driver"), "{e}");
    let e = CudaBackend
        .open(0, &OpenOptions::default())
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("no CUDA driver"), "{e}");
    let opts = OpenOptions {
        compile_only: true,
        ..OpenOptions::default()
    };
    let d = CudaBackend.open(0, &opts).ok().unwrap();
    assert!(d.info().model.contains("sm_80"), "{}", d.info().model);
    let k = kiln_tests::library_kernel("matmul");
    let spec = spec_of(&k, &[("M", 8), ("N", 8), ("K", 8)]);
    let s = Schedule::default_for(&spec, &d.info().limits);
    let e = d.build(&spec, &s).err().unwrap().to_string();
    assert!(e.contains("no CUDA driver"), "{e}");
}

/// The contract rounds every operation: an elementwise `a * b + c` stays a
/// rounded multiply and a rounded add (`mul.rn`, `add.rn`, which ptxas
/// never contracts), while a product summed into `+=` is one `fma`.
#[test]
fn only_reduction_products_fuse() {
    let c = CudaCompiler::new();
    let t = target("sm_90");
    let ks = kiln_ir::check_source(
        "kernel f(a: f32[N], b: f32[N], c: f32[N]) -> (y: f32[N]) { y[i] = a[i] * b[i] + c[i]; }",
    )
    .unwrap();
    let spec = spec_of(&ks[0], &[("N", 1024)]);
    let p = c
        .compile(&spec, &Schedule::default_for(&spec, &t.limits), &t)
        .unwrap();
    assert!(!p.ptx.contains("fma"), "{}", p.ptx);
    assert!(p.ptx.contains("mul.rn.f32") && p.ptx.contains("add.rn.f32"));
    let k = kiln_tests::library_kernel("matmul");
    let spec = spec_of(&k, &[("M", 64), ("N", 64), ("K", 64)]);
    let p = c
        .compile(&spec, &Schedule::default_for(&spec, &t.limits), &t)
        .unwrap();
    assert!(p.ptx.contains("fma.rn.f32"), "{}", p.ptx);
}

/// At the GPU check's sizes (matmul 4096^3, softmax 8192^2): the default
/// schedule assembles without spills and is not pruned; of 30 random
/// schedules each, report how many spill and how many pruning removes.
#[test]
fn tuning_sizes_default_fits_and_random_ones_are_pruned_when_they_spill() {
    let c = CudaCompiler::new();
    let t = target("sm_90");
    let mut rng = rand::rngs::StdRng::seed_from_u64(4096);
    for (name, sizes) in [
        ("matmul", &[("M", 4096), ("N", 4096), ("K", 4096)][..]),
        ("softmax", &[("R", 8192), ("C", 8192)][..]),
    ] {
        let k = kiln_tests::library_kernel(name);
        let spec = spec_of(&k, sizes);
        let d = c
            .compile(&spec, &Schedule::default_for(&spec, &t.limits), &t)
            .unwrap();
        assert!(d.unfit.is_none(), "{name}: {:?}\n{:?}", d.unfit, d.report);
        eprintln!("{name} default: {}", d.report.join("; "));
        let (mut spill, mut unfit) = (0, 0);
        for _ in 0..30 {
            let s = Schedule::random(&spec, &t.limits, &mut rng);
            let p = c.compile(&spec, &s, &t).unwrap();
            let sp = p
                .resources
                .iter()
                .any(|r| r.spill_stores + r.spill_loads > 0);
            spill += sp as usize;
            unfit += p.unfit.is_some() as usize;
            assert!(!sp || p.unfit.is_some());
        }
        eprintln!(
            "{name}: of 30 random schedules {spill} spill, {unfit} pruned, 0 rejected by ptxas"
        );
    }
}

/// A grid taller than CUDA's 65535 blocks along y is a schedule error
/// naming the work-group, not a failed launch.
#[test]
fn a_grid_cuda_cannot_launch_is_a_schedule_error() {
    let c = CudaCompiler::new();
    let t = target("sm_80");
    let ks = kiln_ir::check_source(
        "kernel t(x: f32[R, C]) -> (y: f32[R, C]) { y[i, j] = x[i, j] * 2.0; }",
    )
    .unwrap();
    let spec = spec_of(&ks[0], &[("R", 1 << 20), ("C", 4)]);
    let mut s = Schedule::default_for(&spec, &t.limits);
    assert!(c.compile(&spec, &s, &t).is_ok());
    s.stmts[0].workgroup = vec![1, 1];
    let e = c.compile(&spec, &s, &t).unwrap_err().to_string();
    assert!(
        e.contains("stmts[0].workgroup") && e.contains("65535"),
        "{e}"
    );
}

/// `kiln compile --device cuda --out DIR` without a driver: PTX with the
/// entries prefixed, the cubin, and launch geometry in the manifest
/// entry; a runtime without CUDA support says so instead of loading it.
#[test]
fn cuda_artifacts_export_offline() {
    let opts = OpenOptions {
        target: Some("sm_90".into()),
        compile_only: true,
        ..OpenOptions::default()
    };
    let d = CudaBackend.open(0, &opts).ok().unwrap();
    let k = kiln_tests::library_kernel("softmax");
    let spec = spec_of(&k, &[("R", 8), ("C", 128)]);
    let s = Schedule::default_for(&spec, &d.info().limits);
    let dir = tempfile::tempdir().unwrap();
    let a = d
        .export(&spec, &s, dir.path(), "kiln_softmax_test")
        .unwrap();
    assert_eq!(
        (a.kind.as_str(), a.provenance.target.as_str()),
        ("cuda", "sm_90")
    );
    assert_eq!(a.launches.len(), 4);
    assert_eq!(a.groups.len(), 4);
    let ptx = std::fs::read_to_string(dir.path().join(&a.files["ptx"])).unwrap();
    for l in &a.launches {
        assert!(l.symbol.starts_with("kiln_softmax_test_s"));
        assert!(ptx.contains(&format!(".entry {}(", l.symbol)), "{ptx}");
        assert!(l.global.is_some() && l.workgroup.is_some());
    }
    let cubin = std::fs::read(dir.path().join(&a.files["cubin"])).unwrap();
    assert_eq!(&cubin[..4], b"\x7fELF");
}
