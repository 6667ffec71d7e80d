//! Search spaces derived from a specialized kernel and a device.
//!
//! A space is a list of knobs, each with a few candidate values (ordered, so
//! neighbouring values are neighbouring schedules). A point picks one value
//! per knob; [`Space::decode`] turns it into a [`Schedule`] or prunes it:
//! illegal on the device or kernel ([`Schedule::validate`]), or pointless
//! (a register tile wider than its block tile, a vector width on scalar
//! code). Knobs with a single candidate are left out.

use kiln_ir::Specialized;
use kiln_schedule::{
    fusable, packable_read, row_var, DeviceLimits, Schedule, StoreMode, VectorAxis,
};
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

fn store_code(m: StoreMode) -> i64 {
    match m {
        StoreMode::Plain => 0,
        StoreMode::Aligned => 1,
        StoreMode::Stream => 2,
    }
}

fn store_of(c: i64) -> StoreMode {
    match c {
        1 => StoreMode::Aligned,
        2 => StoreMode::Stream,
        _ => StoreMode::Plain,
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

/// Candidate values of every knob on one kind of device at one level.
/// The device's description decides: a CPU-like device (no work-group
/// limits) tiles blocks across threads and packs operands; a GPU-like one
/// tiles work-items into work-groups and stages in local memory.
struct Candidates {
    gpu: bool,
    widths: Vec<i64>,
    rows: Vec<i64>,
    vectors: Vec<i64>,
    tile_cols: &'static [i64],
    tile_rows: &'static [i64],
    per_item: Vec<i64>,
    wgx: Vec<i64>,
    wgy: Vec<i64>,
    kcs: Vec<i64>,
    unroll: Vec<i64>,
    fuse_rows: Vec<i64>,
}

impl Candidates {
    /// `native`: lanes of the device's vector width for the statement's dtype.
    fn new(dev: &DeviceLimits, small: bool, native: i64) -> Candidates {
        let pick = |s: &[i64], f: &[i64]| if small { s.to_vec() } else { f.to_vec() };
        let gpu = dev.gpu.is_some();
        if dev.gpu.as_ref().is_some_and(|g| g.warp > 0) {
            // SIMT (CUDA): float4 is the widest load, blocks are whole
            // warps (128-256 threads), 4-8 rows of accumulators per thread.
            Candidates {
                gpu,
                widths: pick(&[4], &[1, 2, 4, 8]),
                rows: pick(&[4, 8], &[1, 2, 4, 8]),
                vectors: pick(&[1, 2], &[1, 2, 4]),
                tile_cols: &[],
                tile_rows: &[],
                per_item: pick(&[], &[1, 2, 4]),
                wgx: pick(&[16, 32, 64, 256], &[1, 2, 4, 8, 16, 32, 64, 128, 256]),
                wgy: pick(&[1, 4, 8], &[1, 2, 4, 8, 16]),
                kcs: pick(&[0], &[0, 32, 64, 256]),
                unroll: pick(&[1, 2], &[1, 2, 4]),
                fuse_rows: pick(&[1, 4], &[1, 2, 4, 8]),
            }
        } else if gpu {
            Candidates {
                gpu,
                // The widths GPU languages have vector types for (`floatN`).
                widths: pick(&[8, 16], &[1, 2, 4, 8, 16]),
                rows: pick(&[4, 8], &[1, 2, 4, 8]),
                vectors: pick(&[1, 2], &[1, 2, 4]),
                tile_cols: &[],
                tile_rows: &[],
                // Register tiles per work-item along the columns: fewer,
                // larger work-items (the block count).
                per_item: pick(&[], &[1, 2, 4]),
                wgx: pick(&[8, 32], &[1, 4, 16, 64]),
                wgy: pick(&[1, 4], &[1, 2, 4, 8]),
                kcs: pick(&[0], &[0, 64, 256]),
                unroll: pick(&[1, 2], &[1, 2, 4]),
                fuse_rows: pick(&[1, 4], &[1, 2, 4, 8]),
            }
        } else {
            let widths = if small {
                vec![native / 2, native]
            } else {
                vec![native / 4, native / 2, native, native * 2]
            };
            Candidates {
                gpu,
                widths: widths.into_iter().filter(|&w| w >= 1).collect(),
                rows: pick(&[4, 8], &[1, 2, 4, 6, 8]),
                vectors: pick(&[2, 4], &[1, 2, 3, 4]),
                tile_cols: if small {
                    &[256, 512]
                } else {
                    &[16, 64, 128, 256, 512, 1024, i64::MAX]
                },
                tile_rows: if small {
                    &[32, 64]
                } else {
                    &[1, 4, 8, 16, 32, 64, 128, i64::MAX]
                },
                per_item: Vec::new(),
                wgx: Vec::new(),
                wgy: Vec::new(),
                kcs: pick(&[256, 512], &[0, 64, 128, 256, 512]),
                unroll: pick(&[1, 2], &[1, 2, 4]),
                fuse_rows: pick(&[4, 8], &[1, 2, 4, 8, 16, 32]),
            }
        }
    }
}

impl Space {
    /// Derives the space from the kernel's statements and the device's
    /// description: the knobs every device has (vector axis and width,
    /// register tile, reduction chunk, unroll, fusion), plus block tiles
    /// and packing on CPU-like devices, or work-group shape, work-items'
    /// tiles and local staging on GPU-like ones.
    pub fn new(spec: &Specialized<'_>, dev: &DeviceLimits, level: Level) -> Space {
        let k = spec.kernel;
        let base = Schedule::default_for(spec, dev);
        let small = level == Level::Small;
        let mut knobs = Vec::new();
        let mut push = |name: String, values: Vec<i64>| {
            if values.len() > 1 {
                knobs.push(Knob { name, values });
            }
        };
        let mut fuse_rows = Vec::new();
        for (i, s) in k.stmts.iter().enumerate() {
            let ext = spec.domain(i);
            let np = s.n_parallel;
            let nred = s.vars.len() - np;
            let bits = if k.tensors[s.target].dtype == kiln_ir::DType::F64 {
                64
            } else {
                32
            };
            let c = Candidates::new(dev, small, (dev.vector_bits / bits) as i64);
            fuse_rows.clone_from(&c.fuse_rows);
            let mut axes: Vec<i64> = kiln_schedule::legal_axes(spec, i)
                .into_iter()
                .map(axis_code)
                .collect();
            if small && (c.gpu || axes.len() > 1) {
                axes.retain(|&a| a != 0);
            }
            let parallel = axes.contains(&axis_code(VectorAxis::Parallel));
            push(format!("s{i}.vector"), axes);
            // The default's own values (derived from the device's
            // description) are candidates too: the search starts from it.
            let b = &base.stmts[i];
            let also = |mut v: Vec<i64>, x: usize| {
                if !v.is_empty() && !v.contains(&(x as i64)) && !b.epilogue {
                    v.push(x as i64);
                    v.sort_unstable();
                }
                v
            };
            push(
                format!("s{i}.width"),
                also(c.widths.clone(), b.vector_width),
            );
            if np >= 1 {
                push(format!("s{i}.rows"), also(c.rows.clone(), b.rows));
                let cols = clip(c.tile_cols, ext[np - 1]);
                push(format!("s{i}.tile_col"), also(cols, b.tile[np - 1]));
            }
            push(format!("s{i}.vectors"), also(c.vectors.clone(), b.vectors));
            if np >= 1 {
                push(format!("s{i}.per_item"), c.per_item.clone());
            }
            if np >= 2 {
                let rows = clip(c.tile_rows, ext[np - 2]);
                push(format!("s{i}.tile_row"), also(rows, b.tile[np - 2]));
            }
            let wg = |d: usize| b.workgroup.get(d).copied().unwrap_or(1);
            push(format!("s{i}.wgx"), also(c.wgx.clone(), wg(0)));
            if np >= 2 {
                push(format!("s{i}.wgy"), also(c.wgy.clone(), wg(1)));
            }
            let packable = packable_read(spec, i).is_some();
            if nred > 0 {
                let mut kcs: Vec<i64> = c
                    .kcs
                    .iter()
                    .copied()
                    .filter(|&kc| kc == 0 || kc < ext[np] as i64)
                    .collect();
                if c.gpu && packable && np <= 2 {
                    push(format!("s{i}.local"), vec![0, 1]);
                    // Staged chunks must fit local memory: offer a small one.
                    if !kcs.contains(&64) && 64 < ext[np] {
                        kcs.push(64);
                    }
                }
                if kcs.is_empty() {
                    kcs.push(0);
                }
                let kcs = also(kcs, b.reduction_tile);
                push(format!("s{i}.kc"), kcs);
                push(format!("s{i}.unroll"), also(c.unroll.clone(), b.unroll));
            }
            if !c.gpu && packable {
                push(format!("s{i}.pack"), vec![0, 1]);
            }
            if !c.gpu && kiln_schedule::epilogue_blocker(spec, i).is_none() {
                push(format!("s{i}.epilogue"), vec![0, 1]);
            }
            if !c.gpu && kiln_schedule::inline_blocker(spec, i).is_none() {
                push(format!("s{i}.inline"), vec![0, 1]);
            }
            if !c.gpu && b.vector != VectorAxis::None {
                // Software prefetch distances (elements): none, 4 KiB and
                // 16 KiB of f32 ahead, and the default's.
                push(
                    format!("s{i}.prefetch"),
                    also(vec![0, 1024, 4096], b.prefetch),
                );
            }
            if !c.gpu && nred == 0 && parallel {
                // Plain, aligned, streaming stores (see `StoreMode`).
                push(format!("s{i}.store"), vec![0, 1, 2]);
            }
        }
        if (1..k.stmts.len()).any(|i| fusable(spec, i - 1..i, i)) {
            push("fuse".into(), vec![0, 1]);
            push("fuse_rows".into(), fuse_rows);
            if dev.gpu.is_none() {
                // Row mode for the fused groups (kiln_schedule::rows).
                push("rows".into(), vec![0, 1]);
            }
        }
        Space {
            knobs,
            base,
            dev: dev.clone(),
            level,
        }
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

    /// The schedule of a point, or `None` when pruned (illegal, or another
    /// spelling of a schedule the space already has).
    pub fn decode(&self, spec: &Specialized<'_>, p: &[usize]) -> Option<Schedule> {
        let gpu = self.dev.gpu.is_some();
        let k = spec.kernel;
        let mut s = self.base.clone();
        for st in &mut s.stmts {
            st.fuse = false;
            st.stage = None;
            st.lag = 0;
        }
        for (i, stmt) in k.stmts.iter().enumerate() {
            let ext = spec.domain(i);
            let np = stmt.n_parallel;
            let value = |name: &str| self.value(p, &format!("s{i}.{name}"));
            if !gpu {
                s.stmts[i].epilogue = value("epilogue") == Some(1);
                s.stmts[i].inline = value("inline") == Some(1) && !s.stmts[i].epilogue;
            }
            if s.stmts[i].epilogue || s.stmts[i].inline {
                // An epilogue's or an inlined statement's other knobs change
                // nothing: one spelling (their first values), and the
                // base's fields (an inlined statement keeps its place in
                // a fused group).
                let prefix = format!("s{i}.");
                let own = [format!("s{i}.epilogue"), format!("s{i}.inline")];
                if self.knobs.iter().zip(p).any(|(kn, &v)| {
                    kn.name.starts_with(&prefix) && !own.contains(&kn.name) && v != 0
                }) {
                    return None;
                }
                let (epilogue, inline) = (s.stmts[i].epilogue, s.stmts[i].inline);
                let base = self.base.stmts[i].clone();
                s.stmts[i] = kiln_schedule::StmtSchedule {
                    epilogue,
                    inline,
                    fuse: base.fuse && !epilogue,
                    ..base
                };
                continue;
            }
            let st = &mut s.stmts[i];
            if let Some(a) = value("vector") {
                st.vector = axis_of(a);
            }
            if st.vector == VectorAxis::None {
                // One scalar variant only: the first width stands for it.
                let wi = self
                    .knobs
                    .iter()
                    .position(|x| x.name == format!("s{i}.width"));
                if wi.is_some_and(|wi| p[wi] != 0) {
                    return None;
                }
                st.vector_width = 1;
            } else if let Some(w) = value("width") {
                st.vector_width = w as usize;
            }
            if let Some(v) = value("vectors") {
                st.vectors = v as usize;
            }
            if let Some(kc) = value("kc") {
                st.reduction_tile = kc as usize;
            }
            if let Some(m) = value("store") {
                st.store = store_of(m);
            }
            if let Some(d) = value("prefetch") {
                if st.vector == VectorAxis::None && d != 0 {
                    // Scalar loads prefetch nothing: one spelling.
                    return None;
                }
                st.prefetch = d as usize;
            }
            if let Some(u) = value("unroll") {
                st.unroll = if st.vector == VectorAxis::Reduction {
                    1
                } else {
                    u as usize
                };
            }
            let tiles = if gpu {
                self.work_item_tile(st, &value, ext, row_var(spec, i, st.vector), np)
            } else {
                self.block_tile(st, &value, ext, row_var(spec, i, st.vector), np)
            };
            tiles?;
        }
        let row_mode = self.value(p, "rows") == Some(1);
        if row_mode && self.value(p, "fuse") != Some(1) {
            // Row mode runs fused groups: the same as without it.
            return None;
        }
        if self.value(p, "fuse") == Some(1) {
            let rows = self.value(p, "fuse_rows").map(|r| r as usize);
            s.fuse_rows(spec, rows);
            if s.stmts.iter().all(|st| !st.fuse) {
                // Epilogues left nothing to fuse: the same as no fusion.
                return None;
            }
            if row_mode && !s.mark_rows_all(spec, self.dev.l2) {
                return None;
            }
            if gpu {
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
        }
        s.validate(spec, &self.dev).ok()?;
        Some(s)
    }

    /// CPU-like devices: block tiles, rows of the register tile, packing;
    /// `None` for pointless points.
    fn block_tile(
        &self,
        st: &mut kiln_schedule::StmtSchedule,
        value: &dyn Fn(&str) -> Option<i64>,
        ext: &[usize],
        rvar: Option<kiln_ir::ir::VarId>,
        np: usize,
    ) -> Option<()> {
        if let Some(r) = value("rows") {
            st.rows = if rvar.is_some() { r as usize } else { 1 };
        } else if rvar.is_none() {
            st.rows = 1;
        }
        if let Some(c) = value("tile_col") {
            st.tile[np - 1] = c as usize;
        }
        if let Some(r) = value("tile_row") {
            st.tile[np - 2] = r as usize;
        }
        st.pack = value("pack") == Some(1);
        // Pointless points.
        if let Some(r) = rvar {
            if st.rows > st.tile[r as usize] {
                return None;
            }
        }
        if st.vector == VectorAxis::Parallel
            && st.vectors * st.vector_width > st.tile[np - 1].max(ext[np - 1].min(16))
        {
            return None;
        }
        Some(())
    }

    /// GPU-like devices: a work-item's tile is its register tile (times
    /// `per_item` along the columns), the work-group shape, local staging;
    /// `None` for pointless points.
    fn work_item_tile(
        &self,
        st: &mut kiln_schedule::StmtSchedule,
        value: &dyn Fn(&str) -> Option<i64>,
        ext: &[usize],
        rvar: Option<kiln_ir::ir::VarId>,
        np: usize,
    ) -> Option<()> {
        st.rows = match (rvar, value("rows")) {
            (Some(r), Some(n)) => (n as usize).min(ext[r as usize]),
            (Some(r), None) => st.rows.min(ext[r as usize]),
            (None, _) => 1,
        };
        st.tile = vec![1; np];
        let per_item = value("per_item").unwrap_or(1) as usize;
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
        let wgx = value("wgx").unwrap_or(st.workgroup[0] as i64);
        let wgy = value("wgy").unwrap_or(1);
        st.workgroup = vec![wgx as usize, wgy as usize];
        st.local = value("local") == Some(1);
        Some(())
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
                    if (st.epilogue && f != "epilogue")
                        || (st.inline && !matches!(f, "inline" | "epilogue"))
                    {
                        // Unused: decode takes the first value.
                        p[ki] = 0;
                        continue;
                    }
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
                        "epilogue" => st.epilogue as i64,
                        "inline" => st.inline as i64,
                        "store" => store_code(st.store),
                        "prefetch" => st.prefetch as i64,
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
                (None, "rows") => sched.stmts.iter().any(|s| s.stage.is_some()) as i64,
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
