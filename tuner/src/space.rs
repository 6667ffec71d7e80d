//! Search spaces derived from a specialized kernel and a device.
//!
//! A space is a list of knobs, each with a few candidate values (ordered, so
//! neighbouring values are neighbouring schedules). A point picks one value
//! per knob; [`Space::decode`] turns it into a [`Schedule`] or prunes it:
//! illegal on the device or kernel ([`Schedule::validate`]), or pointless
//! (a register tile wider than its block tile, a vector width on scalar
//! code). Knobs with a single candidate are left out.

use kiln_ir::Specialized;
use kiln_schedule::{fusable, packable_read, row_var, DeviceLimits, Schedule, VectorAxis};
use rand::Rng;
use serde::{Deserialize, Serialize};

/// How many candidates per knob.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Two or three values per knob: small enough to enumerate.
    Small,
    /// The full candidate lists.
    Full,
}

/// One tunable choice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Knob {
    /// `s<i>.<field>` or a global name.
    pub name: String,
    /// Candidate values (axes as 0 none / 1 parallel / 2 reduction, flags as 0/1).
    pub values: Vec<i64>,
}

/// The space of one specialized kernel on one device.
#[derive(Clone, Debug)]
pub struct Space {
    /// Knobs in order.
    pub knobs: Vec<Knob>,
    base: Schedule,
    dev: DeviceLimits,
    level: Level,
}

fn axis_code(a: VectorAxis) -> i64 {
    match a {
        VectorAxis::None => 0,
        VectorAxis::Parallel => 1,
        VectorAxis::Reduction => 2,
    }
}

fn axis_of(c: i64) -> VectorAxis {
    match c {
        1 => VectorAxis::Parallel,
        2 => VectorAxis::Reduction,
        _ => VectorAxis::None,
    }
}

fn clip(vals: &[i64], max: usize) -> Vec<i64> {
    let mut v: Vec<i64> = vals
        .iter()
        .map(|&x| x.min(max as i64))
        .filter(|&x| x >= 1)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

impl Space {
    /// Derives the space from the kernel's statements and the device.
    pub fn new(spec: &Specialized<'_>, dev: &DeviceLimits, level: Level) -> Space {
        if dev.gpu.is_some() {
            return Self::new_gpu(spec, dev, level);
        }
        let k = spec.kernel;
        let base = Schedule::default_for(spec, dev);
        let small = level == Level::Small;
        let mut knobs = Vec::new();
        let mut push = |name: String, values: Vec<i64>| {
            if values.len() > 1 {
                knobs.push(Knob { name, values });
            }
        };
        for (i, s) in k.stmts.iter().enumerate() {
            let ext = spec.domain(i);
            let np = s.n_parallel;
            let nred = s.vars.len() - np;
            let mut axes: Vec<i64> = kiln_schedule::legal_axes(spec, i)
                .into_iter()
                .map(axis_code)
                .collect();
            if small && axes.len() > 1 {
                axes.retain(|&a| a != 0);
            }
            push(format!("s{i}.vector"), axes);
            let native = (dev.vector_bits
                / if k.tensors[s.target].dtype == kiln_ir::DType::F64 {
                    64
                } else {
                    32
                }) as i64;
            let widths = if small {
                vec![native / 2, native]
            } else {
                vec![native / 4, native / 2, native, native * 2]
            };
            push(
                format!("s{i}.width"),
                widths.into_iter().filter(|&w| w >= 1).collect(),
            );
            if np >= 1 {
                push(
                    format!("s{i}.rows"),
                    if small {
                        vec![4, 8]
                    } else {
                        vec![1, 2, 4, 6, 8]
                    },
                );
                let col_ext = ext[np - 1];
                let cols: &[i64] = if small {
                    &[256, 512]
                } else {
                    &[16, 64, 128, 256, 512, 1024, i64::MAX]
                };
                push(format!("s{i}.tile_col"), clip(cols, col_ext));
            }
            push(
                format!("s{i}.vectors"),
                if small { vec![2, 4] } else { vec![1, 2, 3, 4] },
            );
            if np >= 2 {
                let rows: &[i64] = if small {
                    &[32, 64]
                } else {
                    &[1, 4, 8, 16, 32, 64, 128, i64::MAX]
                };
                push(format!("s{i}.tile_row"), clip(rows, ext[np - 2]));
            }
            if nred > 0 {
                let kcs: Vec<i64> = if small {
                    vec![256, 512]
                } else {
                    vec![0, 64, 128, 256, 512]
                };
                let mut kcs: Vec<i64> = kcs
                    .into_iter()
                    .filter(|&c| c == 0 || c < ext[np] as i64)
                    .collect();
                if kcs.is_empty() {
                    kcs.push(0);
                }
                push(format!("s{i}.kc"), kcs);
                push(
                    format!("s{i}.unroll"),
                    if small { vec![1, 2] } else { vec![1, 2, 4] },
                );
            }
            if packable_read(spec, i).is_some() {
                push(format!("s{i}.pack"), vec![0, 1]);
            }
        }
        let any_fusable = (1..k.stmts.len()).any(|i| fusable(spec, i - 1..i, i));
        if any_fusable {
            push("fuse".into(), vec![0, 1]);
            push(
                "fuse_rows".into(),
                if small {
                    vec![4, 8]
                } else {
                    vec![1, 2, 4, 8, 16, 32]
                },
            );
        }
        Space {
            knobs,
            base,
            dev: dev.clone(),
            level,
        }
    }

    /// The space on GPU-like devices: per statement the vector axis and
    /// width (`floatN`), the register tile `rows x vectors` (which is the
    /// work-item's tile), the work-group shape, the reduction chunk, unroll
    /// and local-memory staging.
    fn new_gpu(spec: &Specialized<'_>, dev: &DeviceLimits, level: Level) -> Space {
        let k = spec.kernel;
        let base = Schedule::default_for(spec, dev);
        let small = level == Level::Small;
        let mut knobs = Vec::new();
        let mut push = |name: String, values: Vec<i64>| {
            if values.len() > 1 {
                knobs.push(Knob { name, values });
            }
        };
        for (i, s) in k.stmts.iter().enumerate() {
            let ext = spec.domain(i);
            let np = s.n_parallel;
            let nred = s.vars.len() - np;
            let axes: Vec<i64> = kiln_schedule::legal_axes(spec, i)
                .into_iter()
                .filter(|&a| !small || a != VectorAxis::None)
                .map(axis_code)
                .collect();
            push(format!("s{i}.vector"), axes);
            push(
                format!("s{i}.width"),
                if small {
                    vec![8, 16]
                } else {
                    vec![1, 2, 4, 8, 16]
                },
            );
            if np >= 1 {
                push(
                    format!("s{i}.rows"),
                    if small { vec![4, 8] } else { vec![1, 2, 4, 8] },
                );
            }
            push(
                format!("s{i}.vectors"),
                if small { vec![1, 2] } else { vec![1, 2, 4] },
            );
            if np >= 1 && !small {
                // Register tiles per work-item along the columns: fewer,
                // larger work-items (the block count).
                push(format!("s{i}.per_item"), vec![1, 2, 4]);
            }
            push(
                format!("s{i}.wgx"),
                if small {
                    vec![8, 32]
                } else {
                    vec![1, 4, 16, 64]
                },
            );
            if np >= 2 {
                push(
                    format!("s{i}.wgy"),
                    if small { vec![1, 4] } else { vec![1, 2, 4, 8] },
                );
            }
            if nred > 0 {
                let mut kcs: Vec<i64> = if small { vec![0] } else { vec![0, 64, 256] }
                    .into_iter()
                    .filter(|&c| c == 0 || c < ext[np] as i64)
                    .collect();
                if packable_read(spec, i).is_some() && np <= 2 {
                    push(format!("s{i}.local"), vec![0, 1]);
                    // Staged chunks must fit local memory: offer a small one.
                    if !kcs.contains(&64) && 64 < ext[np] {
                        kcs.push(64);
                    }
                }
                push(format!("s{i}.kc"), kcs);
                push(
                    format!("s{i}.unroll"),
                    if small { vec![1, 2] } else { vec![1, 2, 4] },
                );
            }
        }
        if (1..k.stmts.len()).any(|i| fusable(spec, i - 1..i, i)) {
            push("fuse".into(), vec![0, 1]);
            push(
                "fuse_rows".into(),
                if small { vec![1, 4] } else { vec![1, 2, 4, 8] },
            );
        }
        Space {
            knobs,
            base,
            dev: dev.clone(),
            level,
        }
    }

    fn decode_gpu(&self, spec: &Specialized<'_>, p: &[usize]) -> Option<Schedule> {
        let k = spec.kernel;
        let mut s = self.base.clone();
        for (i, stmt) in k.stmts.iter().enumerate() {
            let ext = spec.domain(i);
            let np = stmt.n_parallel;
            let st = &mut s.stmts[i];
            if let Some(a) = self.value(p, &format!("s{i}.vector")) {
                st.vector = axis_of(a);
            }
            let wi = self
                .knobs
                .iter()
                .position(|x| x.name == format!("s{i}.width"));
            if st.vector == VectorAxis::None {
                if wi.is_some_and(|wi| p[wi] != 0) {
                    return None;
                }
                st.vector_width = 1;
            } else if let Some(w) = self.value(p, &format!("s{i}.width")) {
                st.vector_width = w as usize;
            }
            if let Some(v) = self.value(p, &format!("s{i}.vectors")) {
                st.vectors = v as usize;
            }
            let rvar = row_var(spec, i, st.vector);
            st.rows = match (rvar, self.value(p, &format!("s{i}.rows"))) {
                (Some(r), Some(n)) => (n as usize).min(ext[r as usize]),
                (Some(r), None) => st.rows.min(ext[r as usize]),
                (None, _) => 1,
            };
            // The work-item's tile is its register tile.
            st.tile = vec![1; np];
            let per_item = self.value(p, &format!("s{i}.per_item")).unwrap_or(1) as usize;
            if np >= 1 && st.vector != VectorAxis::Reduction {
                st.tile[np - 1] = (st.vectors * st.vector_width * per_item).min(ext[np - 1]);
                if st.vectors * st.vector_width > ext[np - 1].next_power_of_two() {
                    return None;
                }
            }
            if let Some(r) = rvar {
                if st.vector != VectorAxis::Reduction {
                    st.tile[r as usize] = st.rows;
                }
            }
            if per_item > 1
                && (st.vector == VectorAxis::Reduction
                    || st.vectors * st.vector_width * (per_item / 2) >= ext[np - 1])
            {
                // One spelling of each schedule: the knob changes nothing here.
                return None;
            }
            let wgx = self
                .value(p, &format!("s{i}.wgx"))
                .unwrap_or(st.workgroup[0] as i64);
            let wgy = self.value(p, &format!("s{i}.wgy")).unwrap_or(1);
            st.workgroup = vec![wgx as usize, wgy as usize];
            if let Some(kc) = self.value(p, &format!("s{i}.kc")) {
                st.reduction_tile = kc as usize;
            }
            if let Some(u) = self.value(p, &format!("s{i}.unroll")) {
                st.unroll = if st.vector == VectorAxis::Reduction {
                    1
                } else {
                    u as usize
                };
            }
            st.local = self.value(p, &format!("s{i}.local")) == Some(1);
        }
        if self.value(p, "fuse") == Some(1) {
            let rows = self.value(p, "fuse_rows").map(|r| r as usize);
            s.fuse_rows(spec, rows);
            s.align_fused_gpu();
            // Fusion overrides these knobs: keep one spelling per schedule.
            for g in kiln_schedule::groups(&s) {
                if g.len() < 2 {
                    continue;
                }
                for j in g {
                    let over = |name: &str| self.value(p, &format!("s{j}.{name}"));
                    if over("per_item").is_some_and(|v| v > 1)
                        || over("wgy").is_some_and(|v| v > 1)
                        || over("local") == Some(1)
                    {
                        return None;
                    }
                }
            }
        }
        s.validate(spec, &self.dev).ok()?;
        Some(s)
    }

    /// The level it was built at.
    pub fn level(&self) -> Level {
        self.level
    }

    /// Candidates per knob.
    pub fn dims(&self) -> Vec<usize> {
        self.knobs.iter().map(|k| k.values.len()).collect()
    }

    /// Points before pruning.
    pub fn size(&self) -> u128 {
        self.knobs.iter().map(|k| k.values.len() as u128).product()
    }

    /// Checksum of the knobs and their candidates (part of the cache key).
    pub fn checksum(&self) -> String {
        let text = serde_json::to_string(&self.knobs).expect("knobs serialize");
        blake3::hash(format!("space-v1|{text}").as_bytes()).to_hex()[..16].to_string()
    }

    fn value(&self, p: &[usize], name: &str) -> Option<i64> {
        self.knobs
            .iter()
            .position(|k| k.name == name)
            .map(|i| self.knobs[i].values[p[i]])
    }

    /// The schedule of a point, or `None` when pruned.
    pub fn decode(&self, spec: &Specialized<'_>, p: &[usize]) -> Option<Schedule> {
        if self.dev.gpu.is_some() {
            return self.decode_gpu(spec, p);
        }
        let k = spec.kernel;
        let mut s = self.base.clone();
        for st in &mut s.stmts {
            st.fuse = false;
        }
        for (i, stmt) in k.stmts.iter().enumerate() {
            let ext = spec.domain(i);
            let np = stmt.n_parallel;
            let st = &mut s.stmts[i];
            if let Some(a) = self.value(p, &format!("s{i}.vector")) {
                st.vector = axis_of(a);
            }
            let w = self.value(p, &format!("s{i}.width"));
            if st.vector == VectorAxis::None {
                // One scalar variant only: the first width stands for it.
                if w.is_some()
                    && p[self
                        .knobs
                        .iter()
                        .position(|x| x.name == format!("s{i}.width"))?]
                        != 0
                {
                    return None;
                }
                st.vector_width = 1;
            } else if let Some(w) = w {
                st.vector_width = w as usize;
            }
            if let Some(v) = self.value(p, &format!("s{i}.vectors")) {
                st.vectors = v as usize;
            }
            if let Some(r) = self.value(p, &format!("s{i}.rows")) {
                st.rows = if row_var(spec, i, st.vector).is_some() {
                    r as usize
                } else {
                    1
                };
            } else if row_var(spec, i, st.vector).is_none() {
                st.rows = 1;
            }
            if let Some(c) = self.value(p, &format!("s{i}.tile_col")) {
                st.tile[np - 1] = c as usize;
            }
            if let Some(r) = self.value(p, &format!("s{i}.tile_row")) {
                st.tile[np - 2] = r as usize;
            }
            if let Some(kc) = self.value(p, &format!("s{i}.kc")) {
                st.reduction_tile = kc as usize;
            }
            if let Some(u) = self.value(p, &format!("s{i}.unroll")) {
                st.unroll = if st.vector == VectorAxis::Reduction {
                    1
                } else {
                    u as usize
                };
            }
            st.pack = self.value(p, &format!("s{i}.pack")) == Some(1);
            // Pointless points.
            if let Some(r) = row_var(spec, i, st.vector) {
                if st.rows > st.tile[r as usize] {
                    return None;
                }
            }
            if st.vector == VectorAxis::Parallel
                && st.vectors * st.vector_width > st.tile[np - 1].max(ext[np - 1].min(16))
            {
                return None;
            }
        }
        if self.value(p, "fuse") == Some(1) {
            let rows = self.value(p, "fuse_rows").map(|r| r as usize);
            s.fuse_rows(spec, rows);
        }
        s.validate(spec, &self.dev).ok()?;
        Some(s)
    }

    /// A point that decodes to `sched`, if the space holds one.
    pub fn encode(&self, spec: &Specialized<'_>, sched: &Schedule) -> Option<Vec<usize>> {
        // Knob by knob, the value equal to the schedule's field.
        let mut p = vec![0; self.knobs.len()];
        for (ki, knob) in self.knobs.iter().enumerate() {
            let (stmt, field) = match knob.name.split_once('.') {
                Some((s, f)) => (s.trim_start_matches('s').parse::<usize>().ok(), f),
                None => (None, knob.name.as_str()),
            };
            let want: i64 = match (stmt, field) {
                (Some(i), f) => {
                    let st = sched.stmts.get(i)?;
                    let np = spec.kernel.stmts[i].n_parallel;
                    match f {
                        "vector" => axis_code(st.vector),
                        "width" => {
                            if st.vector == VectorAxis::None {
                                knob.values[0]
                            } else {
                                st.vector_width as i64
                            }
                        }
                        "rows" => st.rows as i64,
                        "vectors" => st.vectors as i64,
                        "tile_col" => st.tile[np - 1] as i64,
                        "tile_row" => st.tile[np - 2] as i64,
                        "kc" => st.reduction_tile as i64,
                        "unroll" => st.unroll as i64,
                        "pack" => st.pack as i64,
                        "wgx" => *st.workgroup.first()? as i64,
                        "wgy" => *st.workgroup.get(1)? as i64,
                        "local" => st.local as i64,
                        "per_item" => {
                            let reg = st.vectors * st.vector_width;
                            let fused = st.fuse || sched.stmts.get(i + 1).is_some_and(|n| n.fuse);
                            if st.vector == VectorAxis::Reduction || reg == 0 || fused {
                                1
                            } else {
                                st.tile[np - 1].div_ceil(reg).next_power_of_two() as i64
                            }
                        }
                        _ => return None,
                    }
                }
                (None, "fuse") => sched.stmts.iter().any(|s| s.fuse) as i64,
                (None, "fuse_rows") => {
                    let fused = sched.stmts.iter().position(|s| s.fuse);
                    match fused {
                        Some(i) => sched.stmts[i].tile[0] as i64,
                        None => knob.values[0],
                    }
                }
                _ => return None,
            };
            p[ki] = knob.values.iter().position(|&v| v == want)?;
        }
        (self.decode(spec, &p).as_ref() == Some(sched)).then_some(p)
    }

    /// A uniformly random point (maybe pruned).
    pub fn random_point(&self, rng: &mut impl Rng) -> Vec<usize> {
        self.knobs
            .iter()
            .map(|k| rng.gen_range(0..k.values.len()))
            .collect()
    }

    /// Points that survive pruning: counted exactly when the space has at
    /// most `limit` points, else estimated from 2000 random points.
    pub fn pruned_size(
        &self,
        spec: &Specialized<'_>,
        limit: u128,
        rng: &mut impl Rng,
    ) -> (u128, bool) {
        if self.size() <= limit {
            let n = self
                .all_points()
                .filter(|p| self.decode(spec, p).is_some())
                .count();
            return (n as u128, true);
        }
        let hits = (0..2000)
            .filter(|_| self.decode(spec, &self.random_point(rng)).is_some())
            .count();
        ((self.size() as f64 * hits as f64 / 2000.0) as u128, false)
    }

    /// Every point in lexicographic order.
    pub fn all_points(&self) -> impl Iterator<Item = Vec<usize>> + '_ {
        let dims = self.dims();
        let total = self.size();
        (0..total).map(move |mut n| {
            let mut p = vec![0; dims.len()];
            for (i, &d) in dims.iter().enumerate().rev() {
                p[i] = (n % d as u128) as usize;
                n /= d as u128;
            }
            p
        })
    }
}
