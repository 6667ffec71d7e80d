//! `pack` (and `local` staging) stand one panel load for every read of the
//! packed tensor, so every read of it must have the staged index, wherever
//! it stands in the expression.

use kiln_ir::Specialized;
use kiln_schedule::{packable_read, DeviceLimits, Schedule, VectorAxis};
use std::collections::BTreeMap;

fn spec_of(src: &str) -> (kiln_ir::Kernel, BTreeMap<String, i64>) {
    let k = kiln_ir::check_source(src).unwrap().remove(0);
    (k, BTreeMap::from([("N".to_string(), 32)]))
}

#[test]
fn a_tensor_read_at_two_indices_is_not_packable_in_any_order() {
    let (mm, n) = spec_of(
        "kernel mm(a: f32[N, N], b: f32[N, N]) -> (c: f32[N, N]) { c[i, j] += a[i, k] * b[k, j]; }",
    );
    let spec = Specialized::from_sizes(&mm, &n).unwrap();
    assert_eq!(
        packable_read(&spec, 0).map(|t| mm.tensors[t].name.clone()),
        Some("b".to_string())
    );
    let cpu = DeviceLimits {
        cores: 2,
        vector_bits: 256,
        l1d: 0,
        l2: 0,
        gpu: None,
    };
    for body in [
        "b[i, j] * a[i, k] * b[k, j]",
        "b[k, j] * a[i, k] * b[i, j]",
        "a[i, k] * b[k, j] + b[i + 0, j] * 2.0",
    ] {
        let src = format!(
            "kernel k(a: f32[N, N], b: f32[N, N]) -> (c: f32[N, N]) {{ c[i, j] += {body}; }}"
        );
        let (k, n) = spec_of(&src);
        let spec = Specialized::from_sizes(&k, &n).unwrap();
        assert_eq!(packable_read(&spec, 0), None, "{body}");
        let mut s = Schedule::default_for(&spec, &cpu);
        s.stmts[0].vector = VectorAxis::Parallel;
        s.stmts[0].pack = true;
        let e = s.validate(&spec, &cpu).unwrap_err();
        assert_eq!(e.field, "stmts[0].pack", "{body}: {e}");
    }
    // The same index twice is fine: one panel serves both reads.
    let (k, n) = spec_of(
        "kernel k(a: f32[N, N], b: f32[N, N]) -> (c: f32[N, N]) { c[i, j] += a[i, k] * b[k, j] * b[k, j]; }",
    );
    let spec = Specialized::from_sizes(&k, &n).unwrap();
    assert!(packable_read(&spec, 0).is_some());
}
