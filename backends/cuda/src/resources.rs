//! What a kernel costs on an SM: `ptxas -v` parsed, per-architecture
//! limits, occupancy, and the verdict that prunes a schedule before any
//! GPU time is spent.

use serde::{Deserialize, Serialize};

/// Per-SM and per-block limits of one compute capability.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmLimits {
    /// 32-bit registers per SM.
    pub regs_per_sm: usize,
    /// 32-bit registers one block may use.
    pub regs_per_block: usize,
    /// Registers one thread may use.
    pub regs_per_thread: usize,
    /// Shared memory per SM, bytes.
    pub smem_per_sm: usize,
    /// Static shared memory one block may use, bytes (48 KiB without the
    /// dynamic opt-in kiln does not use).
    pub smem_per_block: usize,
    /// Resident threads per SM.
    pub threads_per_sm: usize,
    /// Resident blocks per SM.
    pub blocks_per_sm: usize,
    /// Threads per block.
    pub threads_per_block: usize,
}

impl SmLimits {
    /// The published limits of compute capability `major.minor` (CUDA C
    /// Programming Guide, "Compute Capabilities"); unknown ones get those
    /// of the nearest older one kiln knows.
    pub fn for_cc(major: u32, minor: u32) -> SmLimits {
        let base = SmLimits {
            regs_per_sm: 65536,
            regs_per_block: 65536,
            regs_per_thread: 255,
            smem_per_sm: 96 << 10,
            smem_per_block: 48 << 10,
            threads_per_sm: 2048,
            blocks_per_sm: 32,
            threads_per_block: 1024,
        };
        match (major, minor) {
            (7, 5) => SmLimits {
                smem_per_sm: 64 << 10,
                threads_per_sm: 1024,
                blocks_per_sm: 16,
                ..base
            },
            (8, 0) => SmLimits {
                smem_per_sm: 164 << 10,
                ..base
            },
            (8, 6) | (8, 7) => SmLimits {
                smem_per_sm: 100 << 10,
                threads_per_sm: 1536,
                blocks_per_sm: 16,
                ..base
            },
            (8, 9) => SmLimits {
                smem_per_sm: 100 << 10,
                threads_per_sm: 1536,
                blocks_per_sm: 24,
                ..base
            },
            (9, _) | (10, _) => SmLimits {
                smem_per_sm: 228 << 10,
                ..base
            },
            (12, _) => SmLimits {
                smem_per_sm: 100 << 10,
                threads_per_sm: 1536,
                blocks_per_sm: 24,
                ..base
            },
            _ => base,
        }
    }

    /// The limits of an architecture name (`sm_80`, `sm_90a`).
    pub fn for_arch(arch: &str) -> SmLimits {
        let (major, minor) = cc_of(arch).unwrap_or((8, 0));
        SmLimits::for_cc(major, minor)
    }
}

/// `sm_86` -> (8, 6); `sm_120` -> (12, 0); `sm_90a` -> (9, 0).
pub fn cc_of(arch: &str) -> Option<(u32, u32)> {
    let n = arch.strip_prefix("sm_")?;
    let n = n.strip_suffix('a').unwrap_or(n);
    let v: u32 = n.parse().ok()?;
    Some((v / 10, v % 10))
}

/// What ptxas reports for one entry function.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resources {
    /// Entry function name.
    pub name: String,
    /// Registers per thread.
    pub registers: usize,
    /// Bytes of spill stores.
    pub spill_stores: usize,
    /// Bytes of spill loads.
    pub spill_loads: usize,
    /// Static shared memory per block, bytes.
    pub smem: usize,
    /// Stack frame per thread, bytes (private arrays, spills).
    pub stack: usize,
    /// Barriers used.
    pub barriers: usize,
}

fn number_before(s: &str, unit: &str) -> Option<usize> {
    let i = s.find(unit)?;
    s[..i].split_whitespace().last()?.parse().ok()
}

/// Parses the output of `ptxas -v` (any entry order; unknown lines
/// ignored). One [`Resources`] per `Compiling entry function` line.
pub fn parse_ptxas(out: &str) -> Vec<Resources> {
    let mut v: Vec<Resources> = Vec::new();
    let mut current: Option<usize> = None;
    for line in out.lines() {
        let l = line.trim();
        if let Some(rest) = l.split("Compiling entry function '").nth(1) {
            let name = rest.split('\'').next().unwrap_or_default().to_string();
            v.push(Resources {
                name,
                ..Resources::default()
            });
            current = Some(v.len() - 1);
            continue;
        }
        if let Some(rest) = l.split("Function properties for ").nth(1) {
            // Properties may come for a function already seen.
            let name = rest.trim();
            current = v.iter().position(|r| r.name == name).or(current);
            continue;
        }
        let Some(r) = current.and_then(|i| v.get_mut(i)) else {
            continue;
        };
        for part in l.trim_start_matches("ptxas info    :").split(',') {
            let p = part.trim();
            if p.ends_with("bytes stack frame") {
                r.stack = number_before(p, "bytes stack frame").unwrap_or(0);
            } else if p.ends_with("bytes spill stores") {
                r.spill_stores = number_before(p, "bytes spill stores").unwrap_or(0);
            } else if p.ends_with("bytes spill loads") {
                r.spill_loads = number_before(p, "bytes spill loads").unwrap_or(0);
            } else if p.starts_with("Used") && p.ends_with("registers") {
                r.registers = number_before(p, "registers").unwrap_or(0);
            } else if p.ends_with("bytes smem") {
                r.smem = number_before(p, "bytes smem").unwrap_or(0);
            } else if p.starts_with("used") && p.ends_with("barriers") {
                r.barriers = number_before(p, "barriers").unwrap_or(0);
            }
        }
    }
    v
}

/// Fewest resident threads per SM a launch must be able to reach (4
/// warps): below it the SM idles on every memory access.
pub const MIN_RESIDENT_THREADS: usize = 128;

impl Resources {
    /// Blocks of `threads` threads that fit on one SM at once (0: the block
    /// cannot launch at all).
    pub fn blocks_per_sm(&self, threads: usize, lim: &SmLimits) -> usize {
        let warps = threads.div_ceil(32).max(1);
        // Registers are allocated per warp in units of 256.
        let regs_warp = (self.registers.max(1) * 32).next_multiple_of(256);
        let by_regs = (lim.regs_per_sm / regs_warp) / warps;
        let by_threads = lim.threads_per_sm / (warps * 32);
        // 1 KiB of shared memory per block is reserved by the system.
        let by_smem = if self.smem > 0 {
            lim.smem_per_sm / (self.smem + 1024)
        } else {
            usize::MAX
        };
        by_regs.min(by_threads).min(by_smem).min(lim.blocks_per_sm)
    }

    /// Resident threads per SM over the most it can hold (0..=1).
    pub fn occupancy(&self, threads: usize, lim: &SmLimits) -> f64 {
        (self.blocks_per_sm(threads, lim) * threads) as f64 / lim.threads_per_sm as f64
    }

    /// Why a launch of `total` threads in blocks of `threads` should not be
    /// measured: spills, a block over the register file or shared memory,
    /// or fewer than [`MIN_RESIDENT_THREADS`] resident threads per SM when
    /// the launch has that many. `None`: worth measuring.
    pub fn unfit(&self, threads: usize, total: usize, lim: &SmLimits) -> Option<String> {
        let n = &self.name;
        if self.spill_stores + self.spill_loads > 0 {
            return Some(format!(
                "`{n}` spills ({} bytes stored, {} loaded)",
                self.spill_stores, self.spill_loads
            ));
        }
        if self.registers > lim.regs_per_thread {
            return Some(format!(
                "`{n}` uses {} registers per thread (limit {})",
                self.registers, lim.regs_per_thread
            ));
        }
        if self.registers * threads > lim.regs_per_block {
            return Some(format!(
                "`{n}`: {} registers x {threads} threads exceed the {} registers of a block",
                self.registers, lim.regs_per_block
            ));
        }
        if self.smem > lim.smem_per_block {
            return Some(format!(
                "`{n}` needs {} bytes of shared memory (limit {})",
                self.smem, lim.smem_per_block
            ));
        }
        let blocks = self.blocks_per_sm(threads, lim);
        if blocks == 0 {
            return Some(format!(
                "`{n}`: a block of {threads} threads does not fit an SM"
            ));
        }
        let resident = blocks * threads;
        if resident < MIN_RESIDENT_THREADS.min(total) {
            return Some(format!(
                "`{n}`: {resident} resident threads per SM ({blocks} blocks of {threads}), under {}",
                MIN_RESIDENT_THREADS.min(total)
            ));
        }
        None
    }

    /// One line for reports: `s0: 40 registers, 0 spill bytes, 4096 B
    /// shared, 0 B stack, occupancy 50% (256 threads per block)`.
    pub fn line(&self, threads: usize, lim: &SmLimits) -> String {
        format!(
            "{}: {} registers, {} spill bytes, {} B shared, {} B stack, occupancy {:.0}% ({threads} threads per block)",
            self.name,
            self.registers,
            self.spill_stores + self.spill_loads,
            self.smem,
            self.stack,
            100.0 * self.occupancy(threads, lim)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Recorded from ptxas 12.9 (`ptxas -arch=sm_90 -v`) on kiln's PTX.
    const RECORDED: &str = "\
ptxas info    : 0 bytes gmem
ptxas info    : Compiling entry function 's0' for 'sm_90'
ptxas info    : Function properties for s0
    0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
ptxas info    : Used 40 registers, used 1 barriers, 4096 bytes smem, 368 bytes cmem[0]
ptxas info    : Compiling entry function 's1' for 'sm_90'
ptxas info    : Function properties for s1
    264 bytes stack frame, 8 bytes spill stores, 12 bytes spill loads
ptxas info    : Used 255 registers, 384 bytes cmem[0]
";

    #[test]
    fn ptxas_output_parses() {
        let r = parse_ptxas(RECORDED);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0],
            Resources {
                name: "s0".into(),
                registers: 40,
                spill_stores: 0,
                spill_loads: 0,
                smem: 4096,
                stack: 0,
                barriers: 1,
            }
        );
        assert_eq!(
            (
                r[1].registers,
                r[1].spill_stores,
                r[1].spill_loads,
                r[1].stack,
                r[1].smem
            ),
            (255, 8, 12, 264, 0)
        );
    }

    #[test]
    fn occupancy_follows_the_limits() {
        let lim = SmLimits::for_arch("sm_80");
        let r = |registers, smem| Resources {
            name: "k".into(),
            registers,
            smem,
            ..Resources::default()
        };
        // 32 registers, 256 threads: 8 blocks fill 2048 threads.
        assert_eq!(r(32, 0).blocks_per_sm(256, &lim), 8);
        assert_eq!(r(32, 0).occupancy(256, &lim), 1.0);
        // 128 registers: 16 warps' worth of registers, 2 blocks of 8 warps.
        assert_eq!(r(128, 0).blocks_per_sm(256, &lim), 2);
        // 40 KiB of shared memory: 4 blocks in 164 KiB.
        assert_eq!(r(32, 40 << 10).blocks_per_sm(256, &lim), 4);
        // One-thread blocks: 32 resident threads, pruned for a big launch,
        // not for a launch of one thread.
        assert!(r(16, 0).unfit(1, 1 << 20, &lim).is_some());
        assert!(r(16, 0).unfit(1, 1, &lim).is_none());
        assert!(r(16, 0).unfit(256, 1 << 20, &lim).is_none());
    }

    #[test]
    fn unfit_names_the_reason() {
        let lim = SmLimits::for_arch("sm_90");
        let spill = parse_ptxas(RECORDED).remove(1);
        assert!(spill.unfit(128, 1 << 20, &lim).unwrap().contains("spills"));
        let big = Resources {
            name: "s0".into(),
            registers: 128,
            ..Resources::default()
        };
        let why = big.unfit(1024, 1 << 20, &lim).unwrap();
        assert!(why.contains("registers of a block"), "{why}");
        let smem = Resources {
            name: "s0".into(),
            registers: 16,
            smem: 64 << 10,
            ..Resources::default()
        };
        assert!(smem
            .unfit(128, 1 << 20, &lim)
            .unwrap()
            .contains("shared memory"));
        assert_eq!(cc_of("sm_90a"), Some((9, 0)));
        assert_eq!(cc_of("sm_120"), Some((12, 0)));
        assert_eq!(SmLimits::for_arch("sm_86").threads_per_sm, 1536);
    }
}
