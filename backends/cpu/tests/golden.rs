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

#[test]
fn mlir_and_llvm_goldens() {
    let dev = DeviceLimits {
        cores: 2,
        vector_bits: 512,
        l1d: 0,
        l2: 0,
        gpu: None,
    };
    let c = CpuCompiler::new().unwrap();
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
