//! The CPU default: blocking derived from the device's description for
//! matmul-like statements, and epilogues for elementwise statements that
//! follow a reduction (marked by default, validated with named fields).

use kiln_ir::Specialized;
use kiln_schedule::{epilogue_blocker, DeviceLimits, GpuLimits, Schedule, VectorAxis};
use std::collections::BTreeMap;

const LINEAR_RELU: &str =
    "kernel linear_relu(a: f32[M, K], w: f32[K, N], bias: f32[N]) -> (y: f32[M, N]) {
    t[i, j] += a[i, k] * w[k, j];
    y[i, j] = max(t[i, j] + bias[j], 0);
}";
const MATMUL: &str =
    "kernel mm(a: f32[M, K], b: f32[K, N]) -> (c: f32[M, N]) { c[i, j] += a[i, k] * b[k, j]; }";

fn kernel(src: &str) -> kiln_ir::Kernel {
    kiln_ir::check_source(src).unwrap().remove(0)
}

fn sizes(m: i64, n: i64, k: i64) -> BTreeMap<String, i64> {
    BTreeMap::from([("M".into(), m), ("N".into(), n), ("K".into(), k)])
}

fn cpu(bits: usize, l1d: usize, l2: usize) -> DeviceLimits {
    DeviceLimits {
        cores: 2,
        vector_bits: bits,
        l1d,
        l2,
        gpu: None,
    }
}

/// `dev` as a GPU-like (OpenCL, non-SIMT) device: where the CPU-only
/// fields are refused.
fn gpu_like(dev: &DeviceLimits) -> DeviceLimits {
    DeviceLimits {
        gpu: Some(GpuLimits {
            max_workgroup: 256,
            max_items: [256, 256],
            local_mem: 32 << 10,
            warp: 0,
        }),
        ..dev.clone()
    }
}

#[test]
fn matmul_blocking_follows_the_register_file_and_the_caches() {
    let k = kernel(MATMUL);
    let sz = sizes(1024, 1024, 1024);
    let spec = Specialized::from_sizes(&k, &sz).unwrap();
    // AVX-512, 48 KiB L1d, 2 MiB L2: 6 x 64 register tile, a 6 x 512 strip
    // of `a` in a quarter of L1, a 512 x 256 packed panel in a quarter of L2.
    let dev = cpu(512, 48 << 10, 2 << 20);
    let s = Schedule::default_for(&spec, &dev);
    s.validate(&spec, &dev).unwrap();
    let st = &s.stmts[0];
    assert_eq!(
        (
            st.rows,
            st.vectors,
            st.vector_width,
            st.reduction_tile,
            st.pack
        ),
        (6, 2, 32, 512, true)
    );
    assert_eq!(st.tile, vec![1024, 256], "whole rows: 4 column blocks");
    // AVX2 with 32 KiB / 1 MiB: 6 x 16, kc 256, 256 columns.
    let dev = cpu(256, 32 << 10, 1 << 20);
    let st = Schedule::default_for(&spec, &dev).stmts[0].clone();
    assert_eq!(
        (st.rows, st.vectors, st.vector_width, st.reduction_tile),
        (6, 2, 8, 256)
    );
    assert_eq!(st.tile, vec![1024, 256]);
    // A smaller L2 gives narrower panels.
    let st = Schedule::default_for(&spec, &cpu(512, 48 << 10, 512 << 10)).stmts[0].clone();
    assert_eq!(st.tile[1], 64);
}

#[test]
fn matmul_blocking_keeps_every_core_busy_and_handles_odd_shapes() {
    let k = kernel(MATMUL);
    let dev = cpu(512, 48 << 10, 2 << 20);
    for (m, n, kk) in [
        (512, 512, 512),
        (16, 4096, 4096),
        (1000, 1000, 1000),
        (4096, 4096, 128),
    ] {
        let sz = sizes(m, n, kk);
        let spec = Specialized::from_sizes(&k, &sz).unwrap();
        let s = Schedule::default_for(&spec, &dev);
        s.validate(&spec, &dev).unwrap();
        let blocks = s.blocks(&spec, 0);
        assert!(s.stmts[0].pack, "{m}x{n}x{kk}: blocked");
        assert!(blocks >= 4, "{m}x{n}x{kk}: {blocks} blocks for 2 cores");
        let (rows, mr) = (s.stmts[0].tile[0], s.stmts[0].rows);
        assert!(
            rows % mr == 0 || rows == m as usize,
            "{m}x{n}x{kk}: {rows} rows, register tile {mr}"
        );
    }
    // Too small to block: the generic default.
    let sz = sizes(7, 97, 3);
    let spec = Specialized::from_sizes(&k, &sz).unwrap();
    assert!(!Schedule::default_for(&spec, &dev).stmts[0].pack);
}

#[test]
fn an_elementwise_statement_after_a_reduction_is_its_epilogue_by_default() {
    let k = kernel(LINEAR_RELU);
    let sz = sizes(1000, 1000, 1000);
    let spec = Specialized::from_sizes(&k, &sz).unwrap();
    assert_eq!(epilogue_blocker(&spec, 1), None);
    assert!(epilogue_blocker(&spec, 0).is_some());
    let dev = cpu(512, 48 << 10, 2 << 20);
    let s = Schedule::default_for(&spec, &dev);
    s.validate(&spec, &dev).unwrap();
    assert!(s.stmts[1].epilogue && !s.stmts[1].fuse);
    assert_eq!(s.blocks(&spec, 1), 0, "an epilogue has no launch");
    assert!(s.stmts[0].pack, "the matmul keeps its own blocking");
    // The JSON names the field; schedules without it read as before.
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["stmts"][1]["epilogue"], true);
    assert!(json["stmts"][0].get("epilogue").is_none());
}

fn field_error(s: &Schedule, spec: &Specialized<'_>, dev: &DeviceLimits) -> String {
    let e = s.validate(spec, dev).unwrap_err();
    format!("{}: {}", e.field, e.message)
}

#[test]
fn epilogues_that_cannot_run_in_the_register_tile_are_refused_by_name() {
    let dev = cpu(512, 48 << 10, 2 << 20);
    let k = kernel(LINEAR_RELU);
    let sz = sizes(64, 64, 64);
    let spec = Specialized::from_sizes(&k, &sz).unwrap();
    let base = Schedule::default_for(&spec, &dev);

    let mut s = base.clone();
    s.stmts[0].epilogue = true;
    assert!(field_error(&s, &spec, &dev).starts_with("stmts[0].epilogue"));

    let mut s = base.clone();
    s.stmts[1].fuse = true;
    assert!(field_error(&s, &spec, &dev).contains("stmts[1]"));

    let gpu = gpu_like(&dev);
    let mut s = Schedule::default_for(&spec, &gpu);
    s.stmts[1].epilogue = true;
    assert!(field_error(&s, &spec, &gpu).contains("CPU-only"));

    // Reads that rule an epilogue out: the result at another point, a
    // tensor the kernel computes, a reduction in the second statement.
    for (src, why) in [
        (
            "kernel k(a: f32[N, N]) -> (y: f32[N, N]) { t[i, j] += a[i, k] * a[k, j]; y[i, j] = t[j, i]; }",
            "another point",
        ),
        (
            "kernel k(a: f32[N, N]) -> (u: f32[N, N], y: f32[N, N]) { u[i, j] = a[i, j]; t[i, j] += a[i, k] * a[k, j]; y[i, j] = t[i, j] + u[i, j]; }",
            "kernel inputs",
        ),
        (
            "kernel k(a: f32[N, N]) -> (y: f32[N]) { t[i, j] += a[i, k] * a[k, j]; y[i] += t[i, j]; }",
            "reduces",
        ),
    ] {
        let k = kernel(src);
        let n = BTreeMap::from([("N".to_string(), 16)]);
        let spec = Specialized::from_sizes(&k, &n).unwrap();
        let last = k.stmts.len() - 1;
        let blocker = epilogue_blocker(&spec, last).unwrap_or_default();
        assert!(blocker.contains(why), "{src}: {blocker}");
        let mut s = Schedule::default_for(&spec, &dev);
        assert!(!s.stmts[last].epilogue);
        s.stmts[last].epilogue = true;
        s.stmts[last].fuse = false;
        assert!(field_error(&s, &spec, &dev).starts_with(&format!("stmts[{last}].epilogue")));
    }
}

#[test]
fn random_cpu_schedules_use_epilogues_and_stay_valid() {
    use rand::SeedableRng;
    let k = kernel(LINEAR_RELU);
    let sz = sizes(37, 19, 23);
    let spec = Specialized::from_sizes(&k, &sz).unwrap();
    let dev = cpu(512, 48 << 10, 2 << 20);
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    let mut with = 0;
    for _ in 0..200 {
        let s = Schedule::random(&spec, &dev, &mut rng);
        s.validate(&spec, &dev).unwrap();
        with += s.stmts[1].epilogue as usize;
        if s.stmts[1].epilogue {
            assert!(s.stmts[0].vector != VectorAxis::Parallel || !s.stmts[1].fuse);
        }
    }
    assert!((40..160).contains(&with), "{with} of 200 with an epilogue");
}

const SOFTMAX: &str = "kernel softmax(x: f32[R, C]) -> (y: f32[R, C]) {
    m[r] max= x[r, c];
    e[r, c] = exp(x[r, c] - m[r]);
    s[r] += e[r, c];
    y[r, c] = e[r, c] / s[r];
}";

fn rc(r: i64, c: i64) -> BTreeMap<String, i64> {
    BTreeMap::from([("R".into(), r), ("C".into(), c)])
}

#[test]
fn large_outputs_stream_long_rows_align_and_large_inputs_are_prefetched() {
    use kiln_schedule::StoreMode;
    let k = kernel(SOFTMAX);
    let dev = cpu(512, 48 << 10, 2 << 20);
    // 64 MiB in and out: far beyond 4 x 2 cores x 2 MiB of L2.
    let spec = Specialized::from_sizes(&k, &rc(4096, 4096)).unwrap();
    let s = Schedule::default_for(&spec, &dev);
    s.validate(&spec, &dev).unwrap();
    assert_eq!(s.stmts[3].store, StoreMode::Stream, "the output streams");
    assert_eq!(
        s.stmts[1].store,
        StoreMode::Aligned,
        "a temporary stays cached"
    );
    assert_eq!(
        s.stmts[0].store,
        StoreMode::Plain,
        "a reduction stores plainly"
    );
    assert_eq!(s.stmts[0].prefetch, 4 * 4096, "four rows ahead (row mode)");
    assert_eq!(s.stmts[2].prefetch, 0, "it reads only the block-local `e`");
    // Outside a fused group: 4 KiB of f32 ahead.
    let ew = kernel("kernel e(x: f32[R, C]) -> (y: f32[R, C]) { y[r, c] = exp(x[r, c]); }");
    let spec_ew = Specialized::from_sizes(&ew, &rc(4096, 4096)).unwrap();
    let d = Schedule::default_for(&spec_ew, &dev);
    assert_eq!(
        (d.stmts[0].prefetch, d.stmts[0].store),
        (1024, StoreMode::Stream)
    );
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["stmts"][3]["store"], "stream");
    assert!(json["stmts"][0].get("store").is_none() && json["stmts"][2].get("prefetch").is_none());
    assert_eq!(Schedule::from_value(&json).unwrap(), s);
    // 256 KiB fits: aligned, nothing prefetched; rows of 3 columns: plain.
    let small = Schedule::default_for(&Specialized::from_sizes(&k, &rc(16, 4096)).unwrap(), &dev);
    assert_eq!(small.stmts[3].store, StoreMode::Aligned);
    assert!(small.stmts.iter().all(|st| st.prefetch == 0));
    let narrow = Schedule::default_for(&Specialized::from_sizes(&k, &rc(16, 3)).unwrap(), &dev);
    assert!(narrow.stmts.iter().all(|st| st.store == StoreMode::Plain));
    // A contraction reads its big operand from cache blocks: no prefetch.
    let mm = kernel(MATMUL);
    let spec = Specialized::from_sizes(&mm, &sizes(16, 4096, 4096)).unwrap();
    let s = Schedule::default_for(&spec, &dev);
    assert_eq!(
        (s.stmts[0].prefetch, s.stmts[0].store),
        (0, StoreMode::Plain)
    );
}

#[test]
fn a_fused_group_prefetches_ahead_of_what_its_first_pass_streams() {
    let dev = cpu(512, 48 << 10, 2 << 20);
    // softmax (row mode): the max pass streams x, the exp pass re-reads it
    // from cache; both fetch four rows ahead (the max pass reads them
    // next); the sum and the division read only block-local temporaries.
    let k = kernel(SOFTMAX);
    let spec = Specialized::from_sizes(&k, &rc(4096, 4096)).unwrap();
    let s = Schedule::default_for(&spec, &dev);
    s.validate(&spec, &dev).unwrap();
    assert!(s.stmts[1].fuse && s.stmts[0].tile[0] < 4096);
    let got: Vec<usize> = s.stmts.iter().map(|st| st.prefetch).collect();
    assert_eq!(got, [4 * 4096, 4 * 4096, 0, 0]);
    // layernorm: `d = x - mu` is inlined, so the variance and the output
    // load x through it, from cache: both fetch ahead.
    let k = kernel(LAYERNORM);
    let spec = Specialized::from_sizes(&k, &rc(4096, 4096)).unwrap();
    let s = Schedule::default_for(&spec, &dev);
    assert!(s.stmts[1].inline);
    assert_eq!(
        (
            s.stmts[0].prefetch,
            s.stmts[2].prefetch,
            s.stmts[3].prefetch
        ),
        (16384, 16384, 16384)
    );
    // A tensor that no earlier member of the group read still streams:
    // 4 KiB ahead.
    let k = kernel("kernel z(x: f32[R, C], z: f32[R, C]) -> (y: f32[R, C]) { m[r] max= x[r, c]; y[r, c] = z[r, c] - m[r]; }");
    let spec = Specialized::from_sizes(&k, &rc(4096, 4096)).unwrap();
    let s = Schedule::default_for(&spec, &dev);
    assert!(s.stmts[1].fuse);
    assert_eq!((s.stmts[0].prefetch, s.stmts[1].prefetch), (16384, 16384));
}

#[test]
fn stores_and_prefetch_are_refused_by_name_where_they_cannot_apply() {
    use kiln_schedule::StoreMode;
    let k = kernel(SOFTMAX);
    let dev = cpu(512, 48 << 10, 2 << 20);
    let spec = Specialized::from_sizes(&k, &rc(64, 100)).unwrap();
    let base = Schedule::default_for(&spec, &dev);
    let refused = |f: &dyn Fn(&mut Schedule), field: &str, says: &str| {
        let mut s = base.clone();
        f(&mut s);
        let e = field_error(&s, &spec, &dev);
        assert!(e.starts_with(field) && e.contains(says), "{e}");
    };
    refused(
        &|s| s.stmts[0].store = StoreMode::Stream,
        "stmts[0].store",
        "reduces",
    );
    refused(
        &|s| {
            s.stmts[3].vector = VectorAxis::None;
            s.stmts[3].vector_width = 1;
            s.stmts[3].prefetch = 0;
            s.stmts[3].store = StoreMode::Aligned;
        },
        "stmts[3].store",
        "vector: parallel",
    );
    // Two register-tile rows 100 floats apart: no single head aligns both.
    refused(
        &|s| {
            s.stmts[3].rows = 2;
            s.stmts[3].store = StoreMode::Aligned;
        },
        "stmts[3].store",
        "whole number of vectors",
    );
    refused(
        &|s| {
            s.stmts[3].vector = VectorAxis::None;
            s.stmts[3].vector_width = 1;
            s.stmts[3].store = StoreMode::Plain;
            s.stmts[3].prefetch = 64;
        },
        "stmts[3].prefetch",
        "vector loads",
    );
    refused(
        &|s| s.stmts[1].prefetch = 1 << 30,
        "stmts[1].prefetch",
        "elements ahead",
    );
    let gpu = gpu_like(&dev);
    let mut s = Schedule::default_for(&spec, &gpu);
    s.stmts[3].store = StoreMode::Aligned;
    assert!(field_error(&s, &spec, &gpu).starts_with("stmts[3].store: CPU-only"));
    let mut s = Schedule::default_for(&spec, &gpu);
    s.stmts[3].prefetch = 16;
    assert!(field_error(&s, &spec, &gpu).starts_with("stmts[3].prefetch: CPU-only"));
    // A misspelled mode names the field.
    let mut json = serde_json::to_value(&base).unwrap();
    json["stmts"][3]["store"] = "streaming".into();
    let e = Schedule::from_value(&json).unwrap_err();
    assert_eq!(e.field, "stmts[3].store");
}

#[test]
fn statements_that_read_across_rows_get_square_cache_blocks() {
    let dev = cpu(512, 48 << 10, 2 << 20);
    let k = kernel("kernel t(x: f32[R, C]) -> (y: f32[C, R]) { y[j, i] = x[i, j]; }");
    for (r, c, want) in [
        (4096, 4096, [256, 64]),
        (10, 3000, [256, 10]),
        (7, 5, [5, 7]),
    ] {
        let spec = Specialized::from_sizes(&k, &rc(r, c)).unwrap();
        let s = Schedule::default_for(&spec, &dev);
        assert_eq!(s.stmts[0].vector, VectorAxis::None);
        assert_eq!(s.stmts[0].tile, want, "R={r} C={c}");
        s.validate(&spec, &dev).unwrap();
    }
    // Rows read along their length keep whole-row blocks (and vectorize).
    let k = kernel("kernel c(x: f32[R, C]) -> (y: f32[R, C]) { y[i, j] = x[i, j] * 2; }");
    let spec = Specialized::from_sizes(&k, &rc(4096, 4096)).unwrap();
    let s = Schedule::default_for(&spec, &dev);
    assert_eq!(s.stmts[0].vector, VectorAxis::Parallel);
    assert_eq!(s.stmts[0].tile, [8, 4096]);
}

const LAYERNORM: &str = "kernel ln(x: f32[R, C], g: f32[C]) -> (y: f32[R, C]) {
    mu[r] += x[r, c] / f32(C);
    d[r, c] = x[r, c] - mu[r];
    v[r] += d[r, c] * d[r, c] / f32(C);
    y[r, c] = d[r, c] * rsqrt(v[r] + 1e-5) * g[c];
}";

#[test]
fn cheap_elementwise_temporaries_are_inlined_by_default() {
    let dev = cpu(512, 48 << 10, 2 << 20);
    let k = kernel(LAYERNORM);
    let spec = Specialized::from_sizes(&k, &rc(4096, 4096)).unwrap();
    let s = Schedule::default_for(&spec, &dev);
    let inlined: Vec<bool> = s.stmts.iter().map(|st| st.inline).collect();
    assert_eq!(inlined, [false, true, false, false]);
    assert_eq!(s.blocks(&spec, 1), 0, "an inlined statement has no launch");
    s.validate(&spec, &dev).unwrap();
    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(json.matches("\"inline\":true").count(), 1, "{json}");
    assert_eq!(Schedule::from_json(&json).unwrap(), s);
    // Not inlined: a reduction, an expensive expression, an output, a
    // temporary read at a shifted index.
    for (src, why) in [
        (LAYERNORM, "reduces"),
        (
            "kernel e(x: f32[R, C]) -> (y: f32[R, C]) { t[r, c] = exp(x[r, c]); y[r, c] = t[r, c] * 2; }",
            "not cheap",
        ),
        (
            "kernel o(x: f32[R, C]) -> (t: f32[R, C], y: f32[R, C]) { t[r, c] = x[r, c] * 2; y[r, c] = t[r, c] + 1; }",
            "not a temporary",
        ),
        (
            "kernel s(x: f32[R, C]) -> (y: f32[R, C]) { t[r, c] = x[r, c] * 2; y[r, i] = t[r, C - 1 - i]; }",
            "shifted",
        ),
    ] {
        let k = kernel(src);
        let spec = Specialized::from_sizes(&k, &rc(8, 64)).unwrap();
        let i = 0;
        let mut s = Schedule::default_for(&spec, &dev);
        assert!(!s.stmts[i].inline, "{src}");
        s.stmts[i].inline = true;
        let e = field_error(&s, &spec, &dev);
        assert!(e.starts_with(&format!("stmts[{i}].inline")) && e.contains(why), "{e}");
    }
}

#[test]
fn inlining_is_refused_by_name_where_the_schedule_cannot_take_it() {
    let k = kernel(LAYERNORM);
    let spec = Specialized::from_sizes(&k, &rc(64, 256)).unwrap();
    let dev = cpu(512, 48 << 10, 2 << 20);
    let base = Schedule::default_for(&spec, &dev);
    assert!(base.stmts[1].inline);
    // Readers outside the fused group where `mu` lives per block.
    let mut s = base.clone();
    assert!(s.stmts.iter().skip(1).all(|st| st.fuse));
    s.stmts[3].fuse = false;
    let e = field_error(&s, &spec, &dev);
    assert!(
        e.starts_with("stmts[1].inline") && e.contains("fused group"),
        "{e}"
    );
    // GPUs compute every statement in its own work-items.
    let gpu = gpu_like(&cpu(128, 32 << 10, 1 << 20));
    let mut g = Schedule::default_for(&spec, &gpu);
    assert!(g.stmts.iter().all(|st| !st.inline));
    g.stmts[1].inline = true;
    let e = field_error(&g, &spec, &gpu);
    assert!(
        e.starts_with("stmts[1].inline") && e.contains("CPU-only"),
        "{e}"
    );
}
