//! The host CPU as a kiln device: what it is, what limits schedules, and a
//! fingerprint that keys tuning results.

use kiln_schedule::DeviceLimits;
use serde::{Deserialize, Serialize};

/// One cache level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cache {
    /// 1, 2, 3...
    pub level: u32,
    /// `Data`, `Instruction` or `Unified`.
    pub kind: String,
    /// Bytes.
    pub size: u64,
}

/// The host CPU.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CpuDevice {
    /// Marketing name from /proc/cpuinfo.
    pub model: String,
    /// LLVM's name for the micro-architecture (e.g. `znver4`).
    pub llvm_cpu: String,
    /// LLVM feature string used for code generation.
    pub llvm_features: String,
    /// Hardware threads available to this process.
    pub cores: usize,
    /// Widest vector ISA: `avx512`, `avx2`, `sse2`, `neon` or `scalar`.
    pub vector_isa: String,
    /// Vector register width in bits.
    pub vector_bits: usize,
    /// Caches of cpu0.
    pub caches: Vec<Cache>,
    /// LLVM version kiln generates code with.
    pub llvm_version: String,
}

/// LLVM version of the code generator (the crates link Debian's LLVM 22).
pub const LLVM_VERSION: &str = "22";

impl CpuDevice {
    /// Reads the host.
    pub fn host() -> CpuDevice {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let model = cpuinfo
            .lines()
            .find_map(|l| {
                l.strip_prefix("model name")
                    .and_then(|r| r.split_once(':'))
                    .map(|(_, v)| v.trim().to_string())
            })
            .unwrap_or_else(|| std::env::consts::ARCH.to_string());
        let llvm_cpu = inkwell::targets::TargetMachine::get_host_cpu_name().to_string();
        let llvm_features = inkwell::targets::TargetMachine::get_host_cpu_features().to_string();
        let has = |f: &str| llvm_features.split(',').any(|x| x == format!("+{f}"));
        let (vector_isa, vector_bits) = if has("avx512f") {
            ("avx512", 512)
        } else if has("avx2") {
            ("avx2", 256)
        } else if has("sse2") {
            ("sse2", 128)
        } else if has("neon") {
            ("neon", 128)
        } else {
            ("scalar", 64)
        };
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        CpuDevice {
            model,
            llvm_cpu,
            llvm_features,
            cores,
            vector_isa: vector_isa.into(),
            vector_bits,
            caches: read_caches(),
            llvm_version: LLVM_VERSION.into(),
        }
    }

    /// Bytes of the cache of `level` and `kind` (0 when unknown).
    pub fn cache_bytes(&self, level: u32, kind: &str) -> usize {
        self.caches
            .iter()
            .find(|c| c.level == level && c.kind == kind)
            .map_or(0, |c| usize::try_from(c.size).unwrap_or(0))
    }

    /// Limits the schedule validator checks.
    pub fn limits(&self) -> DeviceLimits {
        DeviceLimits {
            cores: self.cores,
            vector_bits: self.vector_bits,
            l1d: self.cache_bytes(1, "Data"),
            l2: self.cache_bytes(2, "Unified"),
            gpu: None,
        }
    }

    /// Stable identity for caching: model, LLVM cpu and features, cores,
    /// LLVM and kiln versions (hex blake3).
    pub fn fingerprint(&self) -> String {
        let s = format!(
            "cpu|{}|{}|{}|{}|llvm {}|kiln {}",
            self.model,
            self.llvm_cpu,
            self.llvm_features,
            self.cores,
            self.llvm_version,
            env!("CARGO_PKG_VERSION")
        );
        blake3::hash(s.as_bytes()).to_hex()[..16].to_string()
    }

    /// One paragraph for `kiln devices`.
    pub fn describe(&self) -> String {
        let caches: Vec<String> = self
            .caches
            .iter()
            .map(|c| {
                format!(
                    "L{}{} {}",
                    c.level,
                    if c.kind == "Data" {
                        "d"
                    } else if c.kind == "Instruction" {
                        "i"
                    } else {
                        ""
                    },
                    human(c.size)
                )
            })
            .collect();
        format!(
            "cpu: {}\n  llvm cpu {}, {} threads, vector ISA {} ({} bit)\n  caches: {}\n  fingerprint {}",
            self.model,
            self.llvm_cpu,
            self.cores,
            self.vector_isa,
            self.vector_bits,
            if caches.is_empty() { "unknown".into() } else { caches.join(", ") },
            self.fingerprint()
        )
    }
}

fn human(b: u64) -> String {
    if b >= 1 << 20 {
        format!("{} MiB", b >> 20)
    } else {
        format!("{} KiB", b >> 10)
    }
}

fn read_caches() -> Vec<Cache> {
    let mut out = Vec::new();
    for i in 0..8 {
        let dir = format!("/sys/devices/system/cpu/cpu0/cache/index{i}");
        let read =
            |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).map(|s| s.trim().to_string());
        let (Ok(level), Ok(kind), Ok(size)) = (read("level"), read("type"), read("size")) else {
            break;
        };
        let size = size
            .strip_suffix('K')
            .and_then(|k| k.parse::<u64>().ok().map(|k| k << 10))
            .or_else(|| {
                size.strip_suffix('M')
                    .and_then(|m| m.parse::<u64>().ok().map(|m| m << 20))
            })
            .or_else(|| size.parse().ok())
            .unwrap_or(0);
        out.push(Cache {
            level: level.parse().unwrap_or(0),
            kind,
            size,
        });
    }
    out
}
