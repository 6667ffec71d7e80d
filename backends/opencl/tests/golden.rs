//! Golden files for the compile half (no device needed): the gpu-dialect
//! MLIR and the OpenCL C of a few kernels, for a fixed device description
//! (PoCL-like limits), under the default schedule and a tuned-style one
//! (8 x 16-lane register tile, local-memory staging). `BLESS=1` rewrites
//! them. The generated C must also build and run correctly: the
//! differential tests do that on the real device.

use kiln_ir::Specialized;
use kiln_opencl::{OclCompiler, Stage};
use kiln_schedule::{DeviceLimits, GpuLimits, Schedule};
use std::collections::BTreeMap;

fn golden(name: &str, actual: &str) -> Option<String> {
    kiln_tests::golden(
        &kiln_tests::root().join("tests/golden/opencl").join(name),
        actual,
    )
}

fn dev() -> DeviceLimits {
    DeviceLimits {
        cores: 2,
        vector_bits: 512,
        l1d: 0,
        l2: 0,
        gpu: Some(GpuLimits {
            max_workgroup: 4096,
            max_items: [4096, 4096],
            local_mem: 1 << 20,
            warp: 0,
        }),
    }
}

fn spec_of<'k>(k: &'k kiln_ir::Kernel, sizes: &[(&str, i64)]) -> Specialized<'k> {
    let sizes: BTreeMap<String, i64> = sizes.iter().map(|(a, b)| (a.to_string(), *b)).collect();
    Specialized::from_sizes(k, &sizes).unwrap()
}

use kiln_tests::library_kernel as kernel;

#[test]
fn gpu_mlir_and_opencl_c_goldens() {
    let c = OclCompiler::new();
    let dev = dev();
    let cases: [(&str, &[(&str, i64)]); 4] = [
        ("matmul", &[("M", 37), ("N", 45), ("K", 29)]),
        ("softmax", &[("R", 5), ("C", 33)]),
        ("scale_sum_f16", &[("R", 3), ("C", 37)]),
        ("layernorm", &[("R", 6), ("C", 40)]),
    ];
    let mut bad = Vec::new();
    for (name, sizes) in cases {
        let k = kernel(name);
        let spec = spec_of(&k, sizes);
        let sched = Schedule::default_for(&spec, &dev);
        let mlir = c.emit(&spec, &sched, &dev, Stage::Mlir).unwrap();
        assert!(mlir.contains("gpu.func @s0("), "{name}: a gpu.func kernel");
        bad.extend(golden(&format!("{name}.mlir"), &mlir));
        let cl = c.emit(&spec, &sched, &dev, Stage::Cl).unwrap();
        assert!(cl.contains("__kernel void s0("), "{name}: an OpenCL kernel");
        bad.extend(golden(&format!("{name}.cl"), &cl));
    }
    // A tuned-style matmul: float16 lanes, 8 rows, local-memory staging of
    // the B tile in chunks of 64, 4 x 2 work-groups.
    let k = kernel("matmul");
    let spec = spec_of(&k, &[("M", 64), ("N", 64), ("K", 100)]);
    let mut s = Schedule::default_for(&spec, &dev);
    let st = &mut s.stmts[0];
    st.vector_width = 16;
    st.rows = 8;
    st.vectors = 1;
    st.tile = vec![8, 16];
    st.reduction_tile = 64;
    st.workgroup = vec![4, 2];
    st.local = true;
    s.validate(&spec, &dev).unwrap();
    let cl = c.emit(&spec, &s, &dev, Stage::Cl).unwrap();
    for want in [
        "float16",
        "vload16",
        "__local float w0[",
        "barrier(CLK_LOCAL_MEM_FENCE)",
    ] {
        assert!(cl.contains(want), "tuned matmul lacks `{want}`:\n{cl}");
    }
    bad.extend(golden("matmul_local_f16x8.cl", &cl));
    // A fused softmax: one kernel over row blocks, the temporaries of the
    // group in private arrays.
    let k = kernel("softmax");
    let spec = spec_of(&k, &[("R", 5), ("C", 33)]);
    let mut s = Schedule::default_for(&spec, &dev);
    s.fuse_rows(&spec, Some(1));
    s.align_fused_gpu();
    s.validate(&spec, &dev).unwrap();
    let cl = c.emit(&spec, &s, &dev, Stage::Cl).unwrap();
    assert_eq!(
        cl.matches("__kernel void").count(),
        1,
        "one fused kernel:\n{cl}"
    );
    assert!(cl.contains("float p"), "private temporaries:\n{cl}");
    bad.extend(golden("softmax_fused.cl", &cl));
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn schedules_are_checked_against_the_device() {
    let c = OclCompiler::new();
    let dev = dev();
    let k = kernel("matmul");
    let spec = spec_of(&k, &[("M", 64), ("N", 64), ("K", 64)]);
    let base = Schedule::default_for(&spec, &dev);
    let bad = |f: &dyn Fn(&mut Schedule)| {
        let mut s = base.clone();
        f(&mut s);
        c.emit(&spec, &s, &dev, Stage::Cl).unwrap_err().to_string()
    };
    let e = bad(&|s| s.stmts[0].workgroup = vec![4096, 2]);
    assert!(
        e.contains("stmts[0].workgroup") && e.contains("8192"),
        "{e}"
    );
    let e = bad(&|s| s.stmts[0].workgroup = vec![8192, 1]);
    assert!(e.contains("stmts[0].workgroup[0]"), "{e}");
    let e = bad(&|s| s.stmts[0].vector_width = 32);
    assert!(e.contains("stmts[0].vector_width"), "{e}");
    let e = bad(&|s| s.stmts[0].pack = true);
    assert!(e.contains("stmts[0].pack"), "{e}");
    let e = bad(&|s| {
        s.stmts[0].local = true;
        s.stmts[0].workgroup = vec![4096, 1];
        s.stmts[0].tile[1] = 64;
    });
    assert!(
        e.contains("stmts[0].local") && e.contains("local memory"),
        "{e}"
    );
    // A CPU schedule on the GPU device and vice versa.
    let cpu = DeviceLimits {
        gpu: None,
        ..dev.clone()
    };
    let e = bad(&|s| *s = Schedule::default_for(&spec, &cpu));
    // (The CPU default packs its matmul: `pack` is the first CPU-only field.)
    assert!(
        e.contains("stmts[0].workgroup") || e.contains("stmts[0].pack"),
        "{e}"
    );
    assert!(base
        .validate(&spec, &cpu)
        .unwrap_err()
        .field
        .contains("workgroup"));
}
