//! The cache key the tuner builds (not a hand-made one) separates
//! everything that changes the measured code or its timing, and nothing
//! else.

use kiln_device::{Clock, DeviceInfo};
use kiln_ir::Specialized;
use kiln_schedule::DeviceLimits;
use kiln_tuner::key_for;
use kiln_tuner::space::{Level, Space};
use std::collections::BTreeMap;

fn info(fingerprint: &str, toolchain: &str) -> DeviceInfo {
    DeviceInfo {
        name: "cpu".into(),
        kind: "cpu".into(),
        model: "test".into(),
        fingerprint: fingerprint.into(),
        limits: DeviceLimits {
            cores: 2,
            vector_bits: 256,
            l1d: 0,
            l2: 0,
            gpu: None,
        },
        clock: Clock::HostWall,
        toolchain: toolchain.into(),
        description: String::new(),
        target: None,
    }
}

#[test]
fn the_tuners_key_changes_with_device_build_toolchain_sizes_and_cold_runs() {
    let src =
        "kernel mm(a: f32[M, K], b: f32[K, N]) -> (c: f32[M, N]) { c[i, j] += a[i, k] * b[k, j]; }";
    let src64 = src.replace("f32", "f64");
    let k = kiln_ir::check_source(src).unwrap().remove(0);
    let k64 = kiln_ir::check_source(&src64).unwrap().remove(0);
    let sizes = |m: i64| BTreeMap::from([("M".into(), m), ("N".into(), 8), ("K".into(), 8)]);
    let spec = Specialized::from_sizes(&k, &sizes(8)).unwrap();
    let d = info("aaaa", "llvm 22.1.8");
    let space = Space::new(&spec, &d.limits, Level::Full);
    let base = key_for(&spec, &d, &space, false);
    // Same inputs, same key (whitespace in the source does not matter).
    let spaced = kiln_ir::check_source(&src.replace("{ c", "{\n    c"))
        .unwrap()
        .remove(0);
    let spec2 = Specialized::from_sizes(&spaced, &sizes(8)).unwrap();
    assert_eq!(key_for(&spec2, &d, &space, false).id(), base.id());
    // The compiler id names this build's code generator and the toolchain.
    assert!(base.compiler.contains(" codegen "), "{}", base.compiler);
    assert!(base.compiler.ends_with("llvm 22.1.8"), "{}", base.compiler);
    let others = [
        key_for(&spec, &info("bbbb", "llvm 22.1.8"), &space, false),
        key_for(&spec, &info("aaaa", "llvm 22.1.9"), &space, false),
        key_for(&spec, &d, &space, true),
        key_for(
            &Specialized::from_sizes(&k, &sizes(9)).unwrap(),
            &d,
            &space,
            false,
        ),
        key_for(
            &Specialized::from_sizes(&k64, &sizes(8)).unwrap(),
            &d,
            &space,
            false,
        ),
        key_for(
            &spec,
            &d,
            &Space::new(&spec, &d.limits, Level::Small),
            false,
        ),
    ];
    for (i, o) in others.iter().enumerate() {
        assert_ne!(o.id(), base.id(), "variant {i} shares the key");
    }
    // Device, toolchain and cold runs are not the problem: their winners
    // are seeds for each other.
    for o in &others[..3] {
        assert_eq!(o.problem(), base.problem());
    }
}
