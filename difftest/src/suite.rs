//! The differential suite over a set of kernels: each kernel at sizes no
//! tile divides (`kiln_tests::SIZE_SETS`), under the device's default
//! schedule and `random` random valid ones, against the interpreter, with
//! outputs pre-filled with sentinels. `kiln verify` runs it on any device
//! (it is how a lent GPU is checked without a Rust toolchain).

use crate::{agree, on_device, output_names, reference, sizes_text};
use kiln_device::Device;
use kiln_ir::{Kernel, Specialized};
use kiln_schedule::Schedule;
use rand::SeedableRng;
use std::sync::Arc;

/// What one suite run found.
#[derive(Debug, Default)]
pub struct SuiteReport {
    /// (kernel, sizes, schedule, device) runs compared.
    pub runs: usize,
    /// One paragraph per disagreement: kernel, device, sizes, schedule and
    /// what differs.
    pub failures: Vec<String>,
}

/// Runs `kernels` on every device: per kernel, `1 + random` cases (case 0
/// the default schedule, the others random), sizes cycling through the
/// size sets. `progress` gets one line per kernel and device.
pub fn run(
    devices: &[Arc<dyn Device>],
    kernels: &[Kernel],
    random: usize,
    seed: u64,
    mut progress: impl FnMut(&str),
) -> SuiteReport {
    let mut r = SuiteReport::default();
    for k in kernels {
        let names = output_names(k);
        let mut ok = vec![0usize; devices.len()];
        for n in 0..=random as u64 {
            let mut rng = rand::rngs::StdRng::seed_from_u64(
                seed ^ (n * 7919 + k.name.len() as u64).wrapping_mul(0x9e37_79b9),
            );
            let sizes = kiln_tests::test_sizes(k, kiln_tests::SIZE_SETS[n as usize % 3], &mut rng);
            let Ok(spec) = Specialized::from_sizes(k, &sizes) else {
                continue;
            };
            let inputs = kiln_tensor::random_inputs(&spec, seed.wrapping_add(n));
            let want = reference(&spec, &inputs);
            for (di, d) in devices.iter().enumerate() {
                let lim = &d.info().limits;
                let sched = if n == 0 {
                    Schedule::default_for(&spec, lim)
                } else {
                    Schedule::random(&spec, lim, &mut rng)
                };
                let got = on_device(d.as_ref(), &spec, &sched, &inputs);
                r.runs += 1;
                match agree(&want, &got, &names) {
                    Ok(()) => ok[di] += 1,
                    Err(e) => r.failures.push(format!(
                        "{} on {} at {}: {e}\n  schedule {}",
                        k.name,
                        d.info().name,
                        sizes_text(&sizes),
                        serde_json::to_string(&sched).unwrap_or_default()
                    )),
                }
            }
        }
        for (di, d) in devices.iter().enumerate() {
            progress(&format!(
                "{}: {} on {}: {}/{} schedules agree",
                k.name,
                if ok[di] == random + 1 { "ok" } else { "FAILED" },
                d.info().name,
                ok[di],
                random + 1
            ));
        }
    }
    r
}
