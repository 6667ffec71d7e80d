//! Hostile schedules: whatever JSON comes in, `from_json` and `validate`
//! never panic or overflow, reject with a named field, and a schedule that
//! validates has computable blocks and grids.

use kiln_ir::{Kernel, Specialized};
use kiln_schedule::*;
use proptest::prelude::*;
use rand::SeedableRng;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Kernels (source, sizes) covering contractions, fused rows, rank-0
/// statements, several reductions and problem sizes near the 2^48 limit.
const KERNELS: &[(&str, &[(&str, i64)])] = &[
    (
        "kernel matmul(a: f32[M, K], b: f32[K, N]) -> (c: f32[M, N]) { c[i, j] += a[i, k] * b[k, j]; }",
        &[("M", 67), ("N", 48), ("K", 33)],
    ),
    (
        "kernel matmul(a: f32[M, K], b: f32[K, N]) -> (c: f32[M, N]) { c[i, j] += a[i, k] * b[k, j]; }",
        &[("M", 1 << 16), ("N", 1 << 16), ("K", 1 << 16)],
    ),
    (
        "kernel softmax(x: f32[R, C]) -> (y: f32[R, C]) {
            m[r] max= x[r, c];
            e[r, c] = exp(x[r, c] - m[r]);
            s[r] += e[r, c];
            y[r, c] = e[r, c] / s[r];
        }",
        &[("R", 33), ("C", 100)],
    ),
    (
        "kernel total(x: f64[N]) -> (s: f64, mx: f64) { s += x[i]; mx max= x[i]; }",
        &[("N", 1000)],
    ),
    (
        "kernel three(x: f32[N, C, H, W]) -> (y: f32[N]) { y[n] += x[n, c, h, w] * x[n, c, h, w]; }",
        &[("N", 3), ("C", 5), ("H", 7), ("W", 9)],
    ),
    (
        "kernel copy(x: f32[R, C]) -> (y: f32[R, C]) { y[r, c] = x[r, c]; }",
        &[("R", 1 << 24), ("C", 1 << 24)],
    ),
];

fn kernel(i: usize) -> (Kernel, BTreeMap<String, i64>) {
    let (src, sizes) = KERNELS[i];
    let k = kiln_ir::check_source(src)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .remove(0);
    let sizes = sizes.iter().map(|(n, v)| (n.to_string(), *v)).collect();
    (k, sizes)
}

fn cpu() -> DeviceLimits {
    DeviceLimits {
        cores: 2,
        vector_bits: 512,
        l1d: 0,
        l2: 0,
        gpu: None,
    }
}

fn gpu() -> DeviceLimits {
    DeviceLimits {
        cores: 1,
        vector_bits: 128,
        l1d: 0,
        l2: 0,
        gpu: Some(GpuLimits {
            max_workgroup: 256,
            max_items: [256, 256],
            local_mem: 32 << 10,
            warp: 0,
        }),
    }
}

/// A GPU whose per-dimension limits are unbounded: only the product check
/// stands between a work-group and an overflow.
fn gpu_unbounded() -> DeviceLimits {
    DeviceLimits {
        cores: 1,
        vector_bits: 128,
        l1d: 0,
        l2: 0,
        gpu: Some(GpuLimits {
            max_workgroup: 1024,
            max_items: [usize::MAX, usize::MAX],
            local_mem: 64 << 10,
            warp: 0,
        }),
    }
}

/// Everything code generation computes from a validated schedule.
fn exercise(spec: &Specialized<'_>, s: &Schedule) {
    for i in 0..s.stmts.len() {
        // Row mode: the group's first statement runs it all.
        let g = kiln_schedule::rows::group_of(s, i);
        let riding = kiln_schedule::row_mode(s, &g) && kiln_schedule::row_runner(s, &g) != Some(i);
        let quiet = s.stmts[i].epilogue || s.stmts[i].inline || riding;
        assert!(s.blocks(spec, i) >= 1 || quiet);
        if riding {
            let stages = kiln_schedule::row_stages(s, &g);
            assert!(s.stmts[i].inline || stages.iter().flatten().any(|&(j, _)| j == i));
            continue;
        }
        let g = s.grid(spec, i);
        assert!(g[0] >= 1 && g[1] >= 1);
        if s.stmts[i].pack || s.stmts[i].local {
            assert!(pack_bytes(spec, &s.stmts[i], i) > 0);
        }
    }
    let _ = groups(s);
    let _ = local_temps(spec, s);
}

/// A change to a schedule's JSON.
type Edit = fn(&mut Value);
/// A change to a schedule's JSON that captures values.
type BoxedEdit<'a> = Box<dyn FnOnce(&mut Value) + 'a>;

/// The error of a schedule edited by `edit`, on `dev`.
fn rejection(k: usize, dev: &DeviceLimits, edit: impl FnOnce(&mut Value)) -> ScheduleError {
    let (kern, sizes) = kernel(k);
    let spec = Specialized::from_sizes(&kern, &sizes).unwrap();
    let mut v = serde_json::to_value(Schedule::default_for(&spec, dev)).unwrap();
    edit(&mut v);
    match Schedule::from_json(&v.to_string()) {
        Err(e) => e,
        Ok(s) => s
            .validate(&spec, dev)
            .expect_err("the edited schedule must be rejected"),
    }
}

#[test]
fn defaults_and_random_schedules_validate() {
    for k in 0..KERNELS.len() {
        let (kern, sizes) = kernel(k);
        let spec = Specialized::from_sizes(&kern, &sizes).unwrap();
        for dev in [cpu(), gpu()] {
            let d = Schedule::default_for(&spec, &dev);
            d.validate(&spec, &dev).unwrap();
            exercise(&spec, &d);
            let mut rng = rand::rngs::StdRng::seed_from_u64(k as u64);
            for _ in 0..20 {
                let s = Schedule::random(&spec, &dev, &mut rng);
                s.validate(&spec, &dev).unwrap();
                exercise(&spec, &s);
                let back = Schedule::from_json(&serde_json::to_string(&s).unwrap()).unwrap();
                assert_eq!(back, s);
            }
        }
    }
}

#[test]
fn unknown_fields_and_bad_types_name_their_field() {
    let cases: [(Edit, &str, &str); 5] = [
        (
            |v| v["stmts"][0]["tiles"] = json!([1, 1]),
            "stmts[0].tiles",
            "unknown field `tiles`",
        ),
        (
            |v| v["thread"] = json!(2),
            "thread",
            "unknown field `thread`",
        ),
        (
            |v| v["stmts"][0]["rows"] = json!("x"),
            "stmts[0].rows",
            "invalid type",
        ),
        (
            |v| v["stmts"][0]["rows"] = json!(-1),
            "stmts[0].rows",
            "invalid value",
        ),
        (
            |v| {
                v["stmts"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("unroll")
                    .map(drop)
                    .unwrap()
            },
            "stmts[0]",
            "missing field `unroll`",
        ),
    ];
    for (edit, field, message) in cases {
        let e = rejection(0, &cpu(), edit);
        assert_eq!(e.field, field, "{e}");
        assert!(e.message.contains(message), "{e}");
    }
    let e = Schedule::from_json("{\"threads\": 1,").unwrap_err();
    assert_eq!(e.field, "<json>");
    let e = Schedule::from_json("[]").unwrap_err();
    assert_eq!(e.field, "<json>");
}

#[test]
fn hostile_numbers_are_rejected_with_a_named_field() {
    let huge = json!(1u64 << 62);
    let cases: Vec<(usize, DeviceLimits, BoxedEdit<'_>, &str)> = vec![
        (
            0,
            cpu(),
            Box::new(|v| {
                v["stmts"][0]["rows"] = huge.clone();
                v["stmts"][0]["vectors"] = json!(4);
            }),
            "stmts[0].rows",
        ),
        (
            0,
            cpu(),
            Box::new(|v| {
                v["stmts"][0]["rows"] = json!(8);
                v["stmts"][0]["vectors"] = huge.clone();
            }),
            "stmts[0].vectors",
        ),
        (
            0,
            cpu(),
            Box::new(|v| v["stmts"][0]["rows"] = json!(0)),
            "stmts[0].rows",
        ),
        (
            0,
            cpu(),
            Box::new(|v| v["stmts"][0]["vectors"] = json!(0)),
            "stmts[0].vectors",
        ),
        (
            0,
            cpu(),
            Box::new(|v| v["stmts"][0]["vector_width"] = json!(0)),
            "stmts[0].vector_width",
        ),
        (
            0,
            cpu(),
            Box::new(|v| v["stmts"][0]["vector_width"] = json!(u64::MAX)),
            "stmts[0].vector_width",
        ),
        (
            0,
            cpu(),
            Box::new(|v| v["stmts"][0]["tile"] = json!([])),
            "stmts[0].tile",
        ),
        (
            0,
            cpu(),
            Box::new(|v| v["stmts"][0]["tile"] = json!([1, 1, 1])),
            "stmts[0].tile",
        ),
        (
            0,
            cpu(),
            Box::new(|v| v["stmts"][0]["tile"][1] = json!(0)),
            "stmts[0].tile[1]",
        ),
        (
            0,
            cpu(),
            Box::new(|v| v["stmts"][0]["tile"][0] = json!(u64::MAX)),
            "stmts[0].tile[0]",
        ),
        (
            0,
            cpu(),
            Box::new(|v| v["stmts"][0]["unroll"] = json!(0)),
            "stmts[0].unroll",
        ),
        (
            0,
            cpu(),
            Box::new(|v| v["stmts"][0]["reduction_tile"] = huge.clone()),
            "stmts[0].reduction_tile",
        ),
        (0, cpu(), Box::new(|v| v["threads"] = json!(0)), "threads"),
        (
            0,
            DeviceLimits {
                cores: 100_000,
                ..cpu()
            },
            Box::new(|v| v["threads"] = json!(5000)),
            "threads",
        ),
        (
            0,
            DeviceLimits {
                cores: usize::MAX,
                ..cpu()
            },
            Box::new(|v| v["threads"] = json!(u64::MAX)),
            "threads",
        ),
        (0, cpu(), Box::new(|v| v["stmts"] = json!([])), "stmts"),
        (
            2,
            cpu(),
            Box::new(|v| {
                v["stmts"].as_array_mut().unwrap().pop();
            }),
            "stmts",
        ),
        (
            0,
            gpu(),
            Box::new(|v| v["stmts"][0]["workgroup"] = json!([0, 1])),
            "stmts[0].workgroup[0]",
        ),
        (
            0,
            gpu(),
            Box::new(|v| v["stmts"][0]["workgroup"] = json!([])),
            "stmts[0].workgroup",
        ),
        (
            0,
            gpu(),
            Box::new(|v| v["stmts"][0]["workgroup"] = json!([1, 2, 3])),
            "stmts[0].workgroup",
        ),
        (
            0,
            gpu_unbounded(),
            Box::new(|v| v["stmts"][0]["workgroup"] = json!([1u64 << 33, 1u64 << 33])),
            "stmts[0].workgroup",
        ),
        (
            0,
            gpu_unbounded(),
            Box::new(|v| v["stmts"][0]["workgroup"] = json!([u64::MAX, 2])),
            "stmts[0].workgroup",
        ),
        (
            0,
            cpu(),
            Box::new(|v| v["stmts"][0]["workgroup"] = json!([1, 1])),
            "stmts[0].workgroup",
        ),
    ];
    for (k, dev, edit, field) in cases {
        let e = rejection(k, &dev, edit);
        assert_eq!(e.field, field, "{e}");
    }
}

/// `y = x0 + ... + x{n-1}`: a statement with `n + 1` tensors.
fn wide_kernel(n: usize) -> Kernel {
    let params: Vec<String> = (0..n).map(|i| format!("x{i}: f32[N]")).collect();
    let sum: Vec<String> = (0..n).map(|i| format!("x{i}[i]")).collect();
    let src = format!(
        "kernel wide({}) -> (y: f32[N]) {{ y[i] = {}; }}",
        params.join(", "),
        sum.join(" + ")
    );
    kiln_ir::check_source(&src).unwrap().remove(0)
}

#[test]
fn statements_with_more_than_16_tensors_are_rejected_on_the_cpu() {
    let sizes = BTreeMap::from([("N".to_string(), 100)]);
    let ok = wide_kernel(15);
    let spec = Specialized::from_sizes(&ok, &sizes).unwrap();
    assert_eq!(stmt_tensors(&spec, 0).len(), 16);
    Schedule::default_for(&spec, &cpu())
        .validate(&spec, &cpu())
        .unwrap();
    let wide = wide_kernel(16);
    let spec = Specialized::from_sizes(&wide, &sizes).unwrap();
    let e = Schedule::default_for(&spec, &cpu())
        .validate(&spec, &cpu())
        .unwrap_err();
    assert_eq!(e.field, "stmts[0]", "{e}");
    assert!(
        e.message.contains("at most 16 tensors per statement"),
        "{e}"
    );
    // OpenCL kernels take their buffers as ordinary kernel arguments.
    Schedule::default_for(&spec, &gpu())
        .validate(&spec, &gpu())
        .unwrap();
}

/// A count a hostile file might hold: edges, limits, overflow bait.
fn any_count() -> impl Strategy<Value = u64> {
    prop_oneof![
        Just(0u64),
        Just(1),
        Just(2),
        Just(4096),
        Just(4097),
        Just(1 << 32),
        Just(1 << 62),
        Just(u64::MAX),
        0u64..70,
        any::<u64>(),
    ]
}

/// A JSON value a hostile file might hold where a schedule field is.
fn any_value() -> impl Strategy<Value = Value> {
    let number = any_count().prop_map(|n| json!(n));
    let other = prop_oneof![
        Just(json!(-1)),
        Just(json!(1.5)),
        Just(json!(null)),
        Just(json!(true)),
        Just(json!("parallel")),
        Just(json!("reduction")),
        Just(json!("none")),
        Just(json!("tiles")),
    ];
    let nested = other.clone().prop_recursive(2, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    let counts = prop::collection::vec((0u64..70).prop_map(|n| json!(n)), 0..40);
    // Mostly numbers: most fields are counts, and a wrong type stops at
    // the parser, before `validate` is reached.
    prop_oneof![
        14 => number,
        3 => other,
        2 => counts.prop_map(Value::Array),
        1 => nested,
    ]
}

/// Every node of `v` as a JSON pointer.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                pointers(x, format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// Applies one mutation, chosen by `(at, op)`, with `new` as the value.
fn mutate(v: &mut Value, at: usize, op: u8, new: Value) {
    let mut all = Vec::new();
    pointers(v, String::new(), &mut all);
    let p = &all[at % all.len()];
    let node = v.pointer_mut(p).expect("pointer from the walk");
    // Replacing a value is the most common edit.
    match (op % 10, node) {
        (0, node) => *node = new,
        (1, Value::Object(m)) => {
            m.insert(format!("f{at}"), new);
        }
        (1, Value::Array(a)) => a.push(new),
        (2, Value::Object(m)) => {
            if let Some(k) = m.keys().nth(at % m.len().max(1)).cloned() {
                m.remove(&k);
            }
        }
        (2, Value::Array(a)) => a.clear(),
        (3, Value::Array(a)) => {
            if let Some(x) = a.first().cloned() {
                a.resize(a.len() + 20, x);
            }
        }
        (4, Value::Array(a)) => {
            a.pop();
        }
        (5, node) => *node = json!([1u64 << 62, u64::MAX, 0][at % 3]),
        (_, node) => *node = new,
    }
}

/// Applies one edit that keeps the schema's types, so the result usually
/// parses and reaches `validate`: a number becomes `n`, a flag flips, an
/// axis changes, a vector grows (by `n`, or a copy of its first
/// statement) or loses its last entry.
fn mutate_typed(v: &mut Value, at: usize, n: u64) {
    let mut all = Vec::new();
    pointers(v, String::new(), &mut all);
    let p = &all[at % all.len()];
    match v.pointer_mut(p).expect("pointer from the walk") {
        // `lag` is a small signed number (its type is i8).
        Value::Number(x) if p.ends_with("/lag") => *x = ((n % 5) as i64 - 2).into(),
        Value::Number(x) => *x = n.into(),
        Value::Bool(b) => *b = !*b,
        Value::String(s) if p.ends_with("/store") => {
            *s = ["plain", "aligned", "stream"][n as usize % 3].into()
        }
        Value::String(s) => *s = ["none", "parallel", "reduction"][n as usize % 3].into(),
        Value::Array(a) if n.is_multiple_of(2) => {
            // `stmts` grows by a copy of a statement, a tile by a count.
            match a.first() {
                Some(x @ Value::Object(_)) => a.push(x.clone()),
                _ if p == "/stmts" => {}
                _ => a.push(json!(n)),
            }
        }
        Value::Array(a) => {
            a.pop();
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_schedules_never_panic(
        k in 0..KERNELS.len(),
        seed in any::<u64>(),
        base in 0u8..3,
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any_value()), 1..4),
    ) {
        let (kern, sizes) = kernel(k);
        let spec = Specialized::from_sizes(&kern, &sizes).unwrap();
        let devs = [cpu(), gpu(), gpu_unbounded()];
        let from = &devs[seed as usize % 2];
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        let start = match base {
            0 => Schedule::default_for(&spec, from),
            _ => Schedule::random(&spec, from, &mut rng),
        };
        let mut v = serde_json::to_value(&start).unwrap();
        for (at, op, new) in edits {
            mutate(&mut v, at, op, new);
        }
        let text = v.to_string();
        match Schedule::from_json(&text) {
            Err(e) => prop_assert!(!e.field.is_empty() && !e.message.is_empty()),
            Ok(s) => {
                for dev in &devs {
                    match s.validate(&spec, dev) {
                        Ok(()) => exercise(&spec, &s),
                        Err(e) => prop_assert!(!e.field.is_empty() && !e.message.is_empty()),
                    }
                }
            }
        }
    }

    #[test]
    fn typed_edits_never_panic(
        k in 0..KERNELS.len(),
        seed in any::<u64>(),
        edits in prop::collection::vec((any::<usize>(), any_count()), 1..4),
        flags in prop::collection::vec((any::<usize>(), any::<bool>()), 0..3),
    ) {
        let (kern, sizes) = kernel(k);
        let spec = Specialized::from_sizes(&kern, &sizes).unwrap();
        let devs = [cpu(), gpu(), gpu_unbounded()];
        let from = &devs[seed as usize % 2];
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        let mut v = serde_json::to_value(Schedule::random(&spec, from, &mut rng)).unwrap();
        // Optional flags the serializer leaves out when false or empty.
        for (i, on) in flags {
            let n = v["stmts"].as_array().map_or(0, Vec::len);
            if n > 0 {
                let (field, value) = match (i >> 8) % 6 {
                    0 => ("local", json!(on)),
                    1 => ("workgroup", json!([1, 1])),
                    2 => ("store", json!(if on { "stream" } else { "aligned" })),
                    3 => ("stage", json!((i >> 4) % 4)),
                    4 => ("lag", json!(if on { 1 } else { -1 })),
                    _ => ("prefetch", json!(if on { 64 } else { 1 })),
                };
                v["stmts"][i % n][field] = value;
            }
        }
        for (at, n) in edits {
            mutate_typed(&mut v, at, n);
        }
        let s = Schedule::from_json(&v.to_string());
        prop_assert!(s.is_ok(), "typed edits keep the schema: {:?}", s);
        let s = s.unwrap();
        for dev in &devs {
            match s.validate(&spec, dev) {
                Ok(()) => exercise(&spec, &s),
                Err(e) => prop_assert!(!e.field.is_empty() && !e.message.is_empty()),
            }
        }
    }
}
