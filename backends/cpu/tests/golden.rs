//! Golden files: the emitted MLIR and the translated (unoptimized,
//! host-independent) LLVM IR of a few kernels under their default schedule
//! for a fixed device (2 cores, 512-bit vectors). `BLESS=1` rewrites them.

use kiln_cpu::{CpuCompiler, Stage};
use kiln_ir::Specialized;
use kiln_schedule::{DeviceLimits, Schedule};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn golden(name: &str, actual: &str) -> Option<String> {
    let path = root().join("tests/golden/cpu").join(name);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return None;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    (expected != actual).then(|| {
        format!(
            "{} differs from the golden file (BLESS=1 to accept)",
            path.display()
        )
    })
}

/// The fixed device the goldens are emitted for.
fn golden_device() -> DeviceLimits {
    DeviceLimits {
        cores: 2,
        vector_bits: 512,
        l1d: 0,
        l2: 0,
        gpu: None,
    }
}

#[test]
fn mlir_and_llvm_goldens() {
    let dev = golden_device();
    // Target-independent code only: the goldens are the same on any host.
    let c = CpuCompiler::new()
        .unwrap()
        .restrict_isa(kiln_mlir::CpuIsa::PORTABLE);
    type Case<'a> = (&'a str, &'a [(&'a str, i64)], bool);
    let cases: [Case; 4] = [
        ("matmul", &[("M", 37), ("N", 45), ("K", 29)], true),
        ("softmax", &[("R", 5), ("C", 33)], true),
        (
            "conv2d",
            &[
                ("N", 1),
                ("CI", 3),
                ("H", 6),
                ("W", 7),
                ("CO", 2),
                ("KH", 3),
                ("KW", 2),
            ],
            false,
        ),
        ("row_sum", &[("R", 9), ("C", 70)], false),
    ];
    let mut bad = Vec::new();
    for (name, sizes, llvm) in cases {
        let src = std::fs::read_to_string(root().join(format!("ir-specs/{name}.kiln"))).unwrap();
        let k = kiln_ir::check_source(&src).unwrap().remove(0);
        let sizes: BTreeMap<String, i64> = sizes.iter().map(|(a, b)| (a.to_string(), *b)).collect();
        let spec = Specialized::from_sizes(&k, &sizes).unwrap();
        let sched = Schedule::default_for(&spec, &dev);
        let mlir = String::from_utf8(c.emit(&spec, &sched, Stage::Mlir).unwrap()).unwrap();
        bad.extend(golden(&format!("{name}.mlir"), &mlir));
        if llvm {
            let ll = String::from_utf8(c.emit(&spec, &sched, Stage::LlvmRaw).unwrap()).unwrap();
            assert!(
                ll.contains("define void @s0("),
                "{name}: entry point present"
            );
            bad.extend(golden(&format!("{name}.ll"), &ll));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The x86 forms the emitter writes for an AVX-512 and AVX2 target (the
/// table-driven `exp` of 16 and 8 lanes), as text: the same on any host,
/// and they lower to the LLVM dialect without one.
#[test]
fn x86_exp_golden() {
    let dev = golden_device();
    let isa = kiln_mlir::CpuIsa {
        avx512: true,
        avx2: true,
    };
    let src = "kernel e(x: f32[R, C]) -> (y: f32[R, C], z: f32[R, C]) {
        y[r, c] = exp(x[r, c]);
        z[r, c] = tanh(x[r, c]);
    }";
    let k = kiln_ir::check_source(src).unwrap().remove(0);
    let sizes = BTreeMap::from([("R".to_string(), 3), ("C".to_string(), 40)]);
    let spec = Specialized::from_sizes(&k, &sizes).unwrap();
    let mut sched = Schedule::default_for(&spec, &dev);
    sched.stmts[1].vector_width = 8;
    sched.validate(&spec, &dev).unwrap();
    let text = kiln_mlir::emit_for(&spec, &sched, isa).text;
    assert!(
        text.contains("llvm.x86.avx512.permvar.sf.512") && text.contains("llvm.x86.avx2.permps")
    );
    kiln_mlir::Mlir::new().lower_text(&text).unwrap();
    let bad = golden("exp_x86.mlir", &text);
    assert!(bad.is_none(), "{}", bad.unwrap_or_default());
}
