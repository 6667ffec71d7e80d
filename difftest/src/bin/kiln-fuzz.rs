//! `kiln-fuzz`: the differential fuzzer as a command (`scripts/fuzz.sh`).

use clap::Parser;
use kiln_difftest::fuzz::{fuzz, Options};
use std::time::Duration;

/// Random kernels under random schedules on every device, against the
/// interpreter; disagreements are shrunk and printed as filetests.
#[derive(Parser)]
struct Args {
    /// Seconds to run.
    #[arg(long, default_value_t = 60.0)]
    seconds: f64,
    /// Master seed (default: from the clock).
    #[arg(long)]
    seed: Option<u64>,
    /// Devices, comma-separated.
    #[arg(long, default_value = "cpu,opencl:0")]
    devices: String,
    /// Random schedules per kernel on CPU-like devices.
    #[arg(long, default_value_t = 3)]
    cpu_schedules: usize,
    /// Random schedules per kernel on GPU-like devices.
    #[arg(long, default_value_t = 1)]
    gpu_schedules: usize,
    /// Write each failure here as `fuzz-<n>.kiln`.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
    /// Print the case a case seed draws (its kernel and sizes) and exit.
    #[arg(long)]
    show: Option<u64>,
    /// Run these filetests instead of fuzzing (exit 1 on a failure).
    #[arg(long, num_args = 1..)]
    file: Vec<std::path::PathBuf>,
}

fn main() {
    let a = Args::parse();
    if let Some(seed) = a.show {
        use rand::SeedableRng;
        let c = kiln_difftest::gen::case(&mut rand::rngs::StdRng::seed_from_u64(seed));
        println!(
            "// sizes: {}\n// seed: {seed}\n{}",
            c.sizes_text(),
            c.kernel.source()
        );
        let names: Vec<&str> = a.devices.split(',').map(str::trim).collect();
        let (devs, _) = kiln_difftest::open_devices(&names, None);
        for d in devs {
            for n in 0..a.cpu_schedules.max(a.gpu_schedules) {
                if let Some(s) = kiln_difftest::fuzz::random_schedule(&c, seed, d.as_ref(), n) {
                    println!("// {} random {n}: {s}", d.info().name);
                }
            }
        }
        return;
    }
    let seed = a.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    });
    let names: Vec<&str> = a.devices.split(',').map(str::trim).collect();
    let cache = tempfile::tempdir().ok();
    let (devs, missing) =
        kiln_difftest::open_devices(&names, cache.as_ref().map(|d| d.path().to_path_buf()));
    for m in &missing {
        eprintln!("kiln-fuzz: skipping {m}");
    }
    if devs.is_empty() {
        eprintln!("kiln-fuzz: no device to test");
        std::process::exit(2);
    }
    if !a.file.is_empty() {
        let mut failed = false;
        for f in &a.file {
            let t = std::time::Instant::now();
            let (fails, runs) = kiln_difftest::filetest::run_file(f, &devs);
            println!(
                "{}: {runs} runs, {} failures, {:.1} s",
                f.display(),
                fails.len(),
                t.elapsed().as_secs_f64()
            );
            for x in &fails {
                println!("  {x}");
            }
            failed |= !fails.is_empty();
        }
        std::process::exit(i32::from(failed));
    }
    eprintln!("kiln-fuzz: seed {seed}, {} s", a.seconds);
    let r = fuzz(
        &devs,
        &Options {
            budget: Duration::from_secs_f64(a.seconds.max(0.0)),
            seed,
            cpu_schedules: a.cpu_schedules,
            gpu_schedules: a.gpu_schedules,
            verbose: true,
            ..Options::default()
        },
    );
    for (i, f) in r.failures.iter().enumerate() {
        println!(
            "--- failure {} on {}: {}\n{}",
            i + 1,
            f.device,
            f.why,
            f.filetest
        );
        if let Some(dir) = &a.out {
            let _ = std::fs::create_dir_all(dir);
            let _ = std::fs::write(dir.join(format!("fuzz-{}.kiln", i + 1)), &f.filetest);
        }
    }
    for r in r.rejected.iter().take(5) {
        println!("--- rejected by the front end (a generator bug):\n{r}");
    }
    println!("{}", r.summary());
    if !r.failures.is_empty() {
        std::process::exit(1);
    }
}
