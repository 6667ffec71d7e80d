//! An artifact launched by `kiln-rt` against the same schedule through the
//! JIT, measured in one run (alternating rounds, medians): matmul 1024^3
//! and softmax 4096^2 on the host, default schedules.
//! `cargo bench -p kiln --bench artifact_vs_jit`

use kiln::{Kiln, Module, ScheduleChoice};
use kiln_device::measure::time_fn;
use kiln_device::Budget;
use std::time::Duration;

fn main() {
    let cache = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let kiln = Kiln::with_cache_dir(cache.path());
    let cpu = kiln.device("cpu").unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let budget = Budget {
        warmup: Duration::from_millis(300),
        time: Duration::from_secs(2),
        min_reps: 5,
        max_reps: 10_000,
        stable_se: None,
    };
    println!("| kernel | JIT median | artifact median | artifact / JIT speed |");
    println!("|---|---|---|---|");
    for (file, name, sizes) in [
        (
            "ir-specs/matmul.kiln",
            "matmul",
            vec![("M", 1024), ("N", 1024), ("K", 1024)],
        ),
        (
            "ir-specs/softmax.kiln",
            "softmax",
            vec![("R", 4096), ("C", 4096)],
        ),
    ] {
        let m = Module::load(root.join(file)).unwrap();
        let k = m.kernel(name).unwrap();
        let sizes = kiln::sizes(sizes);
        let spec = k.specialize(&sizes).unwrap();
        let sched = kiln::Schedule::default_for(&spec, &cpu.info().limits);
        kiln.export(
            &spec,
            &cpu,
            ScheduleChoice::Explicit(sched.clone()),
            dir.path(),
        )
        .unwrap();
        let lib = kiln_rt::Library::open(dir.path()).unwrap();
        let art = lib.kernel(name, None).unwrap();
        let jit = kiln
            .compile(&k, &cpu, &sizes, ScheduleChoice::Explicit(sched))
            .unwrap();
        // Zero-copy on both sides: only the launches are timed.
        let inputs = kiln_tensor::random_inputs(&spec, 1);
        let mut outs = jit.run(&inputs).unwrap();
        let ins: Vec<kiln::TensorRef<'_>> = inputs.iter().map(kiln::TensorRef::of).collect();
        let mut j = Vec::new();
        let mut a = Vec::new();
        for _ in 0..3 {
            let mut o: Vec<kiln::TensorMut<'_>> =
                outs.iter_mut().map(kiln::TensorMut::of).collect();
            j.push(time_fn(&budget, || jit.run_into(&ins, &mut o).unwrap()).median_s);
            a.push(time_fn(&budget, || art.run_views(&ins, &mut o).unwrap()).median_s);
        }
        let med = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let (js, as_) = (med(&mut j), med(&mut a));
        println!(
            "| {name} | {:.3} ms | {:.3} ms | {:.3}x |",
            js * 1e3,
            as_ * 1e3,
            js / as_
        );
    }
}
