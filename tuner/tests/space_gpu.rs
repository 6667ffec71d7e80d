//! The search space on a GPU-like device (no device needed): its knobs,
//! that every point it decodes is a valid schedule for that device, that
//! the default and the fused default are points of it, and that the
//! register tiles the OpenCL design notes found fastest on PoCL (8 rows x
//! `float16`) are in it.

use kiln_ir::Specialized;
use kiln_schedule::{DeviceLimits, GpuLimits, Schedule, VectorAxis};
use kiln_tuner::space::{Level, Space};
use rand::SeedableRng;
use std::collections::BTreeMap;

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

fn kernel(file: &str) -> kiln_ir::Kernel {
    let p = format!("{}/../ir-specs/{file}", env!("CARGO_MANIFEST_DIR"));
    kiln_ir::check_source(&std::fs::read_to_string(p).unwrap())
        .unwrap()
        .remove(0)
}

fn sizes(s: &[(&str, i64)]) -> BTreeMap<String, i64> {
    s.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

#[test]
fn gpu_space_points_are_valid_and_hold_the_known_good_tiles() {
    let k = kernel("matmul.kiln");
    let spec =
        Specialized::from_sizes(&k, &sizes(&[("M", 1024), ("N", 1024), ("K", 1024)])).unwrap();
    let dev = dev();
    let space = Space::new(&spec, &dev, Level::Full);
    let names: Vec<&str> = space.knobs.iter().map(|k| k.name.as_str()).collect();
    for want in [
        "s0.width", "s0.rows", "s0.wgx", "s0.wgy", "s0.local", "s0.kc",
    ] {
        assert!(names.contains(&want), "knob {want} missing: {names:?}");
    }
    let default = Schedule::default_for(&spec, &dev);
    assert!(
        space.encode(&spec, &default).is_some(),
        "the default is a point"
    );
    let mut rng = rand::rngs::StdRng::seed_from_u64(3);
    let (mut valid, mut best_like) = (0, 0);
    for _ in 0..3000 {
        let p = space.random_point(&mut rng);
        if let Some(s) = space.decode(&spec, &p) {
            // The point's knob values are what the schedule says.
            let knob = |name: &str| {
                let i = space.knobs.iter().position(|k| k.name == name).unwrap();
                space.knobs[i].values[p[i]]
            };
            let st = &s.stmts[0];
            assert_eq!(st.workgroup[0] as i64, knob("s0.wgx"), "{p:?}");
            assert_eq!(st.workgroup[1] as i64, knob("s0.wgy"), "{p:?}");
            assert_eq!(st.reduction_tile as i64, knob("s0.kc"), "{p:?}");
            assert_eq!(st.local, knob("s0.local") == 1, "{p:?}");
            if st.vector != VectorAxis::None {
                assert_eq!(st.vector_width as i64, knob("s0.width"), "{p:?}");
            }
            // Stored trials map back to points (resume depends on it).
            let q = space
                .encode(&spec, &s)
                .unwrap_or_else(|| panic!("decoded {p:?} does not encode"));
            assert_eq!(
                space.decode(&spec, &q),
                Some(s.clone()),
                "decode(encode(s)) == s"
            );
            assert_eq!(s.stmts[0].workgroup.len(), 2);
            valid += 1;
            let st = &s.stmts[0];
            if st.vector == VectorAxis::Parallel && st.vector_width == 16 && st.rows == 8 {
                best_like += 1;
            }
        }
    }
    assert!(valid > 500, "{valid} valid of 3000");
    assert!(best_like > 0);
}

#[test]
fn fused_default_is_a_point_of_the_softmax_space() {
    let k = kernel("softmax.kiln");
    let spec = Specialized::from_sizes(&k, &sizes(&[("R", 256), ("C", 512)])).unwrap();
    let dev = dev();
    let space = Space::new(&spec, &dev, Level::Full);
    let mut fused = Schedule::default_for(&spec, &dev);
    fused.fuse_rows(&spec, Some(1));
    fused.align_fused_gpu();
    assert!(fused.stmts[1..].iter().all(|s| s.fuse));
    fused.validate(&spec, &dev).unwrap();
    let p = space
        .encode(&spec, &fused)
        .expect("the fused default is a point");
    assert_eq!(space.decode(&spec, &p), Some(fused));
}
