//! The differential fuzzer in the test command: a fixed seed and a short
//! budget (`KILN_FUZZ_SECONDS`, default 45) on `cpu` and `opencl:0`; any
//! disagreement fails with the shrunk case as a filetest. The long run is
//! `cargo test -p kiln-difftest --test fuzz -- --ignored` (10 minutes, a
//! seed from the clock) or `scripts/fuzz.sh SECONDS`.

use kiln_difftest::fuzz::{fuzz, Options};
use std::time::Duration;

fn seconds(default: f64) -> f64 {
    std::env::var("KILN_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn run(seed: u64, secs: f64) {
    let devices = kiln_difftest::test_devices(None);
    let r = fuzz(
        &devices,
        &Options {
            budget: Duration::from_secs_f64(secs),
            seed,
            ..Options::default()
        },
    );
    eprintln!("{} (seed {seed})", r.summary());
    let shown: Vec<String> = r
        .failures
        .iter()
        .map(|f| format!("on {}: {}\n{}", f.device, f.why, f.filetest))
        .collect();
    assert!(
        r.failures.is_empty(),
        "disagreements:\n{}",
        shown.join("\n")
    );
    assert!(
        r.rejected.is_empty(),
        "the generator wrote kernels the front end rejects:\n{}",
        r.rejected.join("\n")
    );
    assert!(r.kernels > 0, "no kernel ran in {secs} s");
}

#[test]
fn fuzz_short() {
    run(0x6b696c6e, seconds(45.0));
}

#[test]
#[ignore = "long: 10 minutes (KILN_FUZZ_SECONDS)"]
fn fuzz_long() {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_secs());
    run(seed, seconds(600.0));
}
