//! The search space on a CPU-like device: block tiles and packing instead
//! of work-groups, points round-trip through encode/decode, and the knobs
//! a point picks are what its schedule says.

use kiln_ir::Specialized;
use kiln_schedule::{DeviceLimits, Schedule, VectorAxis};
use kiln_tuner::space::{Level, Space};
use rand::SeedableRng;
use std::collections::BTreeMap;

#[test]
fn cpu_space_points_round_trip_and_carry_their_knobs() {
    let p = format!("{}/../ir-specs/matmul.kiln", env!("CARGO_MANIFEST_DIR"));
    let k = kiln_ir::check_source(&std::fs::read_to_string(p).unwrap())
        .unwrap()
        .remove(0);
    let sizes: BTreeMap<String, i64> = [("M", 256), ("N", 256), ("K", 256)]
        .map(|(k, v)| (k.to_string(), v))
        .into();
    let spec = Specialized::from_sizes(&k, &sizes).unwrap();
    let dev = DeviceLimits {
        cores: 2,
        vector_bits: 256,
        l1d: 0,
        l2: 0,
        gpu: None,
    };
    let space = Space::new(&spec, &dev, Level::Full);
    let names: Vec<&str> = space.knobs.iter().map(|k| k.name.as_str()).collect();
    for want in ["s0.tile_col", "s0.tile_row", "s0.pack", "s0.kc", "s0.rows"] {
        assert!(names.contains(&want), "{want} missing: {names:?}");
    }
    for gpu_only in ["s0.wgx", "s0.wgy", "s0.local", "s0.per_item"] {
        assert!(!names.contains(&gpu_only), "{gpu_only} on a CPU: {names:?}");
    }
    assert!(space
        .encode(&spec, &Schedule::default_for(&spec, &dev))
        .is_some());
    let mut rng = rand::rngs::StdRng::seed_from_u64(5);
    let mut valid = 0;
    for _ in 0..3000 {
        let p = space.random_point(&mut rng);
        let Some(s) = space.decode(&spec, &p) else {
            continue;
        };
        valid += 1;
        let knob = |name: &str| {
            let i = space.knobs.iter().position(|k| k.name == name).unwrap();
            space.knobs[i].values[p[i]]
        };
        let st = &s.stmts[0];
        assert_eq!(st.tile[1] as i64, knob("s0.tile_col").min(256), "{p:?}");
        assert_eq!(st.tile[0] as i64, knob("s0.tile_row").min(256), "{p:?}");
        assert_eq!(st.pack, knob("s0.pack") == 1, "{p:?}");
        assert_eq!(st.reduction_tile as i64, knob("s0.kc"), "{p:?}");
        if st.vector != VectorAxis::None {
            assert_eq!(st.vector_width as i64, knob("s0.width"), "{p:?}");
        }
        let q = space.encode(&spec, &s).expect("decoded points encode");
        assert_eq!(space.decode(&spec, &q), Some(s));
    }
    assert!(valid > 300, "{valid} valid of 3000");
}

/// Row mode is a knob of kernels with fusable statements: points with it
/// decode to valid row-mode schedules, and the default (row mode for a
/// streaming softmax) is a point of the space, so the search starts there.
#[test]
fn row_mode_is_a_knob_and_the_default_is_a_point() {
    let p = format!("{}/../ir-specs/softmax.kiln", env!("CARGO_MANIFEST_DIR"));
    let k = kiln_ir::check_source(&std::fs::read_to_string(p).unwrap())
        .unwrap()
        .remove(0);
    let sizes: BTreeMap<String, i64> = [("R", 4096), ("C", 4096)]
        .map(|(k, v)| (k.to_string(), v))
        .into();
    let spec = Specialized::from_sizes(&k, &sizes).unwrap();
    let dev = DeviceLimits {
        cores: 2,
        vector_bits: 512,
        l1d: 48 << 10,
        l2: 2 << 20,
        gpu: None,
    };
    let space = Space::new(&spec, &dev, Level::Full);
    let rows = space
        .knobs
        .iter()
        .position(|k| k.name == "rows")
        .expect("a rows knob");
    let default = Schedule::default_for(&spec, &dev);
    assert!(default.stmts.iter().any(|s| s.stage.is_some()));
    let p = space
        .encode(&spec, &default)
        .expect("the default is a point");
    assert_eq!(p[rows], 1);
    let mut rng = rand::rngs::StdRng::seed_from_u64(9);
    let (mut with, mut without) = (0, 0);
    for _ in 0..2000 {
        let p = space.random_point(&mut rng);
        let Some(s) = space.decode(&spec, &p) else {
            continue;
        };
        s.validate(&spec, &dev).unwrap();
        let row_mode = s.stmts.iter().any(|st| st.stage.is_some());
        assert_eq!(row_mode, p[rows] == 1, "{p:?}");
        if row_mode {
            with += 1;
        } else {
            without += 1;
        }
    }
    assert!(
        with >= 20 && without >= 20,
        "{with} with row mode, {without} without"
    );
}
