//! Row mode (`stage`, `lag`): the default for fused groups whose output
//! streams, what validation refuses (by field), and random row-mode
//! schedules.

use kiln_ir::Specialized;
use kiln_schedule::{DeviceLimits, GpuLimits, Schedule, StoreMode};
use rand::SeedableRng;
use std::collections::BTreeMap;

const SOFTMAX: &str = "kernel softmax(x: f32[R, C]) -> (y: f32[R, C]) {
    m[r] max= x[r, c];
    e[r, c] = exp(x[r, c] - m[r]);
    s[r] += e[r, c];
    y[r, c] = e[r, c] / s[r];
}";
const LAYERNORM: &str = "kernel ln(x: f32[R, C], g: f32[C]) -> (y: f32[R, C]) {
    mu[r] += x[r, c] / f32(C);
    d[r, c] = x[r, c] - mu[r];
    v[r] += d[r, c] * d[r, c] / f32(C);
    y[r, c] = d[r, c] * rsqrt(v[r] + 1e-5) * g[c];
}";
const RMSNORM: &str = "kernel rms(x: f32[R, C], g: f32[C]) -> (y: f32[R, C]) {
    ms[r] += x[r, c] * x[r, c] / f32(C);
    y[r, c] = x[r, c] * rsqrt(ms[r] + 1e-6) * g[c];
}";

fn kernel(src: &str) -> kiln_ir::Kernel {
    kiln_ir::check_source(src).unwrap().remove(0)
}

fn rc(r: i64, c: i64) -> BTreeMap<String, i64> {
    BTreeMap::from([("R".into(), r), ("C".into(), c)])
}

fn cpu() -> DeviceLimits {
    DeviceLimits {
        cores: 2,
        vector_bits: 512,
        l1d: 48 << 10,
        l2: 2 << 20,
        gpu: None,
    }
}

/// (stage, lag) of every statement.
fn layout(s: &Schedule) -> Vec<(Option<usize>, i8)> {
    s.stmts.iter().map(|st| (st.stage, st.lag)).collect()
}

fn field_error(s: &Schedule, spec: &Specialized<'_>, dev: &DeviceLimits) -> String {
    let e = s.validate(spec, dev).unwrap_err();
    format!("{}: {}", e.field, e.message)
}

#[test]
fn streaming_row_groups_run_row_by_row_with_the_output_a_row_behind() {
    let dev = cpu();
    // softmax: the division a row behind in the max pass's loop (reads
    // of x and stores of y overlap); exp and the sum share a loop.
    let k = kernel(SOFTMAX);
    let spec = Specialized::from_sizes(&k, &rc(4096, 4096)).unwrap();
    let s = Schedule::default_for(&spec, &dev);
    s.validate(&spec, &dev).unwrap();
    assert_eq!(
        layout(&s),
        [(Some(0), 0), (Some(1), 0), (Some(1), 0), (Some(0), 1)]
    );
    assert!(s.stmts.iter().all(|st| st.rows == 1 && st.tile[0] == 16));
    assert_eq!(s.stmts[3].store, StoreMode::Stream);
    assert_eq!(s.stmts[0].store, StoreMode::Plain);
    // Only the group's first statement launches: it runs them all.
    let blocks: Vec<usize> = (0..4).map(|i| s.blocks(&spec, i)).collect();
    assert_eq!(blocks, [256, 0, 0, 0]);
    assert_eq!(s.group_blocks(&spec, 0..4), 256);
    let stages = kiln_schedule::row_stages(&s, &(0..4));
    assert_eq!(stages, vec![vec![(0, 0), (3, 1)], vec![(1, 0), (2, 0)]]);
    // layernorm: `d` is inlined (no stage); the variance reads mu, which
    // is complete only after the first loop: a stage of its own.
    let k = kernel(LAYERNORM);
    let spec = Specialized::from_sizes(&k, &rc(4096, 4096)).unwrap();
    let s = Schedule::default_for(&spec, &dev);
    assert_eq!(
        layout(&s),
        [(Some(0), 0), (None, 0), (Some(2), 0), (Some(0), 1)]
    );
    let k = kernel(RMSNORM);
    let spec = Specialized::from_sizes(&k, &rc(4096, 4096)).unwrap();
    let s = Schedule::default_for(&spec, &dev);
    assert_eq!(layout(&s), [(Some(0), 0), (Some(0), 1)]);
    // JSON keeps the fields (and leaves them out where unset).
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["stmts"][1]["lag"], 1);
    assert_eq!(Schedule::from_value(&json).unwrap(), s);
    // A group that fits the caches keeps its passes.
    let k = kernel(SOFTMAX);
    let spec = Specialized::from_sizes(&k, &rc(64, 256)).unwrap();
    let s = Schedule::default_for(&spec, &dev);
    assert!(s.stmts.iter().all(|st| st.stage.is_none()));
}

#[test]
fn row_mode_is_refused_by_name_where_it_cannot_run() {
    let dev = cpu();
    let k = kernel(SOFTMAX);
    let spec = Specialized::from_sizes(&k, &rc(4096, 4096)).unwrap();
    let base = Schedule::default_for(&spec, &dev);
    let bad = |f: &dyn Fn(&mut Schedule), dev: &DeviceLimits| {
        let mut s = base.clone();
        f(&mut s);
        field_error(&s, &spec, dev)
    };
    // The division reads the sum of its own row: not in the sum's loop.
    let e = bad(&|s| s.stmts[3].lag = 0, &dev);
    assert!(
        e.starts_with("stmts[3].stage") && e.contains("before they are complete"),
        "{e}"
    );
    // The sum a row behind the division that reads it.
    let e = bad(&|s| s.stmts[2].lag = 1, &dev);
    assert!(
        e.starts_with("stmts[3]") && e.contains("statement 2"),
        "{e}"
    );
    let e = bad(&|s| s.stmts[3].lag = 2, &dev);
    assert!(e.starts_with("stmts[3].lag") && e.contains("-1..=1"), "{e}");
    let e = bad(&|s| s.stmts[3].stage = Some(2), &dev);
    assert!(
        e.starts_with("stmts[3].stage") && e.contains("first statement of a stage"),
        "{e}"
    );
    let e = bad(&|s| s.stmts[3].stage = Some(7), &dev);
    assert!(e.starts_with("stmts[3].stage"), "{e}");
    let e = bad(&|s| s.stmts[2].vectors = 1, &dev);
    assert!(
        e.starts_with("stmts[2].vectors") && e.contains("statement 1"),
        "{e}"
    );
    let e = bad(&|s| s.stmts[0].rows = 2, &dev);
    assert!(e.starts_with("stmts[0].rows"), "{e}");
    let e = bad(&|s| s.stmts[0].store = StoreMode::Aligned, &dev);
    assert!(e.starts_with("stmts[0].store"), "{e}");
    // Two statements of one stage cannot both pick the column alignment.
    let e = bad(&|s| s.stmts[2].store = StoreMode::Aligned, &dev);
    assert!(e.contains("store"), "{e}");
    let e = bad(
        &|s| {
            for st in &mut s.stmts {
                st.stage = None;
                st.lag = 0;
            }
            s.stmts[3].lag = 1;
        },
        &dev,
    );
    assert!(
        e.starts_with("stmts[3].lag") && e.contains("needs `stage`"),
        "{e}"
    );
    // Not a fused group.
    let e = bad(
        &|s| {
            s.stmts[1].fuse = false;
            s.stmts[1].stage = Some(1);
            s.stmts[2].stage = Some(1);
            s.stmts[3].stage = Some(1);
        },
        &dev,
    );
    assert!(e.contains("stage"), "{e}");
    // On a GPU-like device.
    let mut gpu = dev.clone();
    gpu.gpu = Some(GpuLimits {
        max_workgroup: 256,
        max_items: [256, 256],
        local_mem: 32 << 10,
        warp: 0,
    });
    let e = bad(&|_| {}, &gpu);
    assert!(e.contains("CPU-only"), "{e}");
    // A statement of the row alone has no column loop to share.
    let k = kernel(
        "kernel q(x: f32[R, C]) -> (y: f32[R, C]) {
            s[r] += x[r, c];
            q[r] = 1 / s[r];
            y[r, c] = x[r, c] * q[r];
        }",
    );
    let spec = Specialized::from_sizes(&k, &rc(4096, 4096)).unwrap();
    let mut s = Schedule::default_for(&spec, &dev);
    for st in &mut s.stmts {
        st.epilogue = false;
    }
    s.fuse_rows(&spec, Some(16));
    assert!(s.stmts[1].fuse && s.stmts[2].fuse);
    for (j, st) in s.stmts.iter_mut().enumerate() {
        st.rows = 1;
        st.stage = Some(j);
        st.lag = 0;
        st.vectors = 2;
        st.store = StoreMode::Plain;
    }
    s.validate(&spec, &dev).unwrap();
    s.stmts[2].stage = Some(1);
    let e = field_error(&s, &spec, &dev);
    assert!(
        e.starts_with("stmts[2].stage") && e.contains("one value per row"),
        "{e}"
    );
    // ... and one row behind it, in the first loop, it is legal.
    s.stmts[2].stage = Some(0);
    s.stmts[2].lag = 1;
    s.validate(&spec, &dev).unwrap();
}

#[test]
fn random_schedules_include_valid_row_mode_groups() {
    let dev = cpu();
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let mut rows = 0;
    for src in [SOFTMAX, LAYERNORM, RMSNORM] {
        let k = kernel(src);
        for (r, c) in [(1, 5), (3, 40), (37, 100), (64, 17)] {
            let spec = Specialized::from_sizes(&k, &rc(r, c)).unwrap();
            for _ in 0..40 {
                let s = Schedule::random(&spec, &dev, &mut rng);
                s.validate(&spec, &dev).unwrap();
                rows += s.stmts.iter().any(|st| st.stage.is_some()) as usize;
                if s.stmts.iter().any(|st| st.lag != 0) {
                    assert!(s.stmts.iter().any(|st| st.stage.is_some()));
                }
            }
        }
    }
    assert!(rows >= 60, "{rows} of 480 random schedules in row mode");
}
