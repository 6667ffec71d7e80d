//! Scheduled kernel -> MLIR text (func, scf, arith, math, memref, vector).
//!
//! Each statement becomes one function `@s<i>(tensors..., %blo, %bhi)` that
//! computes the blocks `blo..bhi` of its launch. The schedule is applied
//! here, by construction of the loop nest: block decode, loops over the
//! block's tile, an optional chunk loop over the first reduction variable,
//! a register tile of `rows x vectors` points (vectors along the chosen
//! axis) with accumulators carried as `scf.for` iter_args, unrolling of the
//! innermost reduction loop, and scalar remainder loops wherever a tile
//! does not divide its range. Shapes are static (the kernel is specialized),
//! so every memref is statically shaped and the bare-pointer calling
//! convention applies. f16 is loaded and stored as f16 and computed in f32.

use kiln_ir::ast::{AssignOp, BinOp};
use kiln_ir::ir::{ExprId, ExprKind, TensorId, VarId};
use kiln_ir::{DType, Specialized};
use kiln_schedule::{row_var, Schedule, StmtSchedule, StoreMode, VectorAxis};
use std::collections::BTreeMap;
use std::fmt::Write;

mod hoist;
mod math;
mod rows;

pub use math::CpuIsa;

/// One statement's entry point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StmtFn {
    /// Function symbol, `s<i>`. Block-local temporaries
    /// ([`kiln_schedule::local_temps`]) are passed as block-sized buffers.
    pub name: String,
    /// Tensors passed as arguments, in order (target first).
    pub args: Vec<TensorId>,
    /// Blocks of the launch (work-items on GPU-like devices).
    pub blocks: usize,
    /// GPU-like devices: global work size `[x, y]`, whole work-groups.
    pub global: [usize; 2],
    /// GPU-like devices: work-group size `[x, y]`.
    pub workgroup: [usize; 2],
    /// The function takes one more argument after the tensors, the error
    /// flag `memref<1xi32>` ([`ERROR_FLAG`]): an i32 division by zero in a
    /// statement that runs stores the statement's index + 1 there.
    pub err_flag: bool,
}

/// Name of the error-flag argument of statements with an i32 division.
/// The caller zeroes it before a launch and reads it after: nonzero is
/// `1 + the index of a statement` that divided by zero.
pub const ERROR_FLAG: &str = "%err";

/// Byte alignment every GPU runtime guarantees for the buffers it passes
/// to a `gpu.func` (OpenCL buffers: the device's base-address alignment,
/// at least 128 bytes; CUDA allocations: 256 bytes, checked at upload).
/// The emitter declares it on each argument (`llvm.align`).
pub const GPU_ARG_ALIGN: usize = 16;

/// The emitted module and its entry points.
#[derive(Clone, Debug)]
pub struct Emitted {
    /// MLIR text.
    pub text: String,
    /// One entry per statement.
    pub stmts: Vec<StmtFn>,
}

/// Emits the MLIR module for a specialized kernel under a schedule that
/// [`Schedule::validate`] accepted, with target-independent operations
/// only (any CPU LLVM targets).
pub fn emit(spec: &Specialized<'_>, sched: &Schedule) -> Emitted {
    emit_for(spec, sched, CpuIsa::PORTABLE)
}

/// [`emit()`] for a CPU that has the vector extensions `isa` names (the
/// target the module is compiled for must have them).
pub fn emit_for(spec: &Specialized<'_>, sched: &Schedule, isa: CpuIsa) -> Emitted {
    let mut text = String::from("module {\n");
    let mut stmts = Vec::new();
    let local = kiln_schedule::local_temps(spec, sched);
    let inlined: Vec<(TensorId, usize)> = (0..spec.kernel.stmts.len())
        .filter(|&i| sched.stmts[i].inline)
        .map(|i| (spec.kernel.stmts[i].target, i))
        .collect();
    for i in 0..spec.kernel.stmts.len() {
        let mut f = FnEmitter::new(spec, i, &sched.stmts[i]);
        f.isa = isa;
        f.local = local.clone();
        f.inlined = inlined.clone();
        for d in kiln_schedule::inlined_into(spec, sched, i) {
            f.add_args_of(d);
        }
        let g = kiln_schedule::rows::group_of(sched, i);
        // An epilogue's function stays empty (it has no blocks): the
        // previous statement computes it; so does an inlined statement's
        // (its readers compute it), and in row mode every statement's but
        // the group's first (it runs the whole group).
        if kiln_schedule::row_mode(sched, &g) {
            if kiln_schedule::row_runner(sched, &g) == Some(i) {
                f.row_function(sched, g);
            }
        } else if !sched.stmts[i].epilogue && !sched.stmts[i].inline {
            if sched.stmts.get(i + 1).is_some_and(|n| n.epilogue) {
                f.set_epilogue(i + 1, !kiln_schedule::epilogue_drops_target(spec, i + 1));
            }
            f.function();
        }
        text.push_str(&f.finish());
        stmts.push(StmtFn {
            name: format!("s{i}"),
            args: f.kernel_args(),
            blocks: sched.blocks(spec, i),
            global: [sched.blocks(spec, i), 1],
            workgroup: [1, 1],
            err_flag: f.err_flag,
        });
    }
    text.push_str("}\n");
    Emitted { text, stmts }
}

/// Emits the kernel for a GPU-like device as a `gpu.module` of one
/// `gpu.func` kernel per statement (`@s<i>(tensors...)`), under a schedule
/// validated against GPU limits. Each work-item computes one block: its
/// tile coordinate along the last parallel variable is `gpu.global_id x`,
/// the others are decoded from `gpu.global_id y`. Work-items past the end
/// get empty ranges, so every work-item of a group reaches the barriers of
/// local-memory staging. `known_block_size` carries the work-group size.
pub fn emit_gpu(spec: &Specialized<'_>, sched: &Schedule) -> Emitted {
    let mut text =
        String::from("module attributes {gpu.container_module} {\n  gpu.module @kiln {\n");
    let mut stmts = Vec::new();
    for g in kiln_schedule::groups(sched) {
        let i = g.start;
        let st = &sched.stmts[i];
        let wg = [st.workgroup[0], st.workgroup[1]];
        let mut f = FnEmitter::new(spec, i, st);
        f.local = private_temps(spec, sched, g.clone());
        f.gpu = Some(GpuMode {
            wg,
            local: st.local,
            linear: g.len() > 1,
        });
        f.depth = 3;
        // A fused group is one kernel: each work-item runs its block of
        // every statement in order (the rows it reads it wrote itself).
        for j in g.clone() {
            f.start_stmt(j, &sched.stmts[j]);
            f.function();
        }
        text.push_str(&f.finish());
        let grid = sched.grid(spec, i);
        stmts.push(StmtFn {
            name: format!("s{i}"),
            args: f.kernel_args(),
            blocks: sched.blocks(spec, i),
            global: [
                grid[0].next_multiple_of(wg[0]),
                grid[1].next_multiple_of(wg[1]),
            ],
            workgroup: wg,
            err_flag: f.err_flag,
        });
    }
    text.push_str("  }\n}\n");
    Emitted { text, stmts }
}

/// Prefetches at least this many bytes ahead go to L2, not L1 (see
/// `FnEmitter::prefetch`): 16 KiB is half of a small L1 data cache.
pub const FAR_PREFETCH: usize = 16 << 10;

/// Largest private buffer a work-item keeps for a fused group's
/// temporaries; larger ones stay in device memory.
pub const MAX_PRIVATE_TEMP_BYTES: usize = 64 << 10;

/// Temporaries of the fused group `g` that live in private memory: those
/// [`kiln_schedule::local_temps`] finds (written and read only inside the
/// group), when one block of each fits [`MAX_PRIVATE_TEMP_BYTES`]. Each
/// work-item computes one block, so the block is its own.
fn private_temps(
    spec: &Specialized<'_>,
    sched: &Schedule,
    g: std::ops::Range<usize>,
) -> Vec<(TensorId, Vec<usize>)> {
    let k = spec.kernel;
    kiln_schedule::local_temps(spec, sched)
        .into_iter()
        .filter(|(t, shape)| {
            let bytes = shape.iter().product::<usize>() * k.tensors[*t].dtype.size_bytes();
            let inside = g.clone().any(|j| k.stmts[j].target == *t);
            inside && bytes <= MAX_PRIVATE_TEMP_BYTES
        })
        .collect()
}

/// GPU emission settings of one statement.
#[derive(Clone, Copy)]
struct GpuMode {
    wg: [usize; 2],
    local: bool,
    /// Fused group: the block id is global id x, decoded row-major.
    linear: bool,
}

fn idx(t: TensorId) -> u32 {
    t.into_raw().into_u32()
}

/// Compute type: f16 is computed in f32.
fn cty(d: DType) -> &'static str {
    match d {
        DType::F16 | DType::F32 => "f32",
        DType::F64 => "f64",
        DType::I32 => "i32",
    }
}

fn sty(d: DType) -> &'static str {
    match d {
        DType::F16 => "f16",
        DType::F32 => "f32",
        DType::F64 => "f64",
        DType::I32 => "i32",
    }
}

fn vt(base: &str, w: usize) -> String {
    if w == 1 {
        base.to_string()
    } else {
        format!("vector<{w}x{base}>")
    }
}

/// The zero literal of a storage type.
fn zero_lit(d: DType) -> &'static str {
    if d.is_float() {
        "0.0"
    } else {
        "0"
    }
}

/// The block tile along parallel variable `v` (a static bound on every
/// block's extent there), if `v` is a parallel variable.
fn st_tile(st: &StmtSchedule, v: VarId) -> Option<usize> {
    st.tile.get(v as usize).copied()
}

/// Fast-math flags of reduction combines: the contract lets reductions
/// be reassociated (and a product fused into a sum), nothing else.
const FM: &str = "fastmath<reassoc,contract>";

/// Value of an index variable at a point: an `index` SSA value, and whether
/// it stands for `w` consecutive lanes starting there.
#[derive(Clone)]
struct VarVal {
    base: String,
    lanes: bool,
}

struct FnEmitter<'a, 'k> {
    spec: &'a Specialized<'k>,
    stmt: usize,
    st: &'a StmtSchedule,
    args: Vec<TensorId>,
    body: String,
    consts: BTreeMap<String, String>,
    next: usize,
    depth: usize,
    /// Lines placed after the constants at function entry (stack buffers).
    prelude: Vec<String>,
    /// Packing: (tensor, buffer, block column start, chunk start).
    pack: Option<(TensorId, String, String, String)>,
    /// Inside a full vector column group with packing: (column iv, panel index).
    panel: Option<(String, String)>,
    /// Block-local temporaries and their block shapes.
    local: Vec<(TensorId, Vec<usize>)>,
    /// First row of the current block (for block-local indexing).
    row0: String,
    /// Set when emitting a `gpu.func` kernel.
    gpu: Option<GpuMode>,
    /// Workgroup-memory attributions of a GPU kernel (name, type).
    workgroup_bufs: Vec<(String, String)>,
    /// Local ids `(x, y)` of a GPU kernel, once materialized.
    lids: Option<(String, String)>,
    /// The first statement of the function (its name, `s<first>`).
    first: usize,
    /// While emitting a `select` branch that divides: the condition under
    /// which that branch is taken (i1 with the expression's lanes).
    guard: Option<String>,
    /// The function divides i32 values and takes the error flag.
    err_flag: bool,
    /// The next statement runs as this one's epilogue: (its index, whether
    /// this statement's own result is still stored).
    epilogue: Option<(usize, bool)>,
    /// With an epilogue and a chunked reduction: true in the last chunk.
    last_chunk: Option<String>,
    /// While emitting an epilogue: the reduction's target and the value
    /// that stands for its read at the current point.
    subst: Option<(TensorId, String)>,
    /// In the masked last vector of a row (CPU): the lanes inside the
    /// tile (`vector<wxi1>`); lane loads and stores are masked by it.
    mask: Option<String>,
    /// In the full vectors after a peeled row head (`store` aligned or
    /// stream): the target's vector stores are aligned; `true`: also
    /// non-temporal.
    aligned: Option<bool>,
    /// Non-temporal stores were emitted: the function ends with a fence,
    /// so the next launch, on any thread, sees them.
    streamed: bool,
    /// One-dimensional views of tensors that are prefetched (`prefetch`).
    flat: Vec<(TensorId, String)>,
    /// Inlined temporaries and their statements (`inline`): a read of one
    /// evaluates the statement's expression instead of loading.
    inlined: Vec<(TensorId, usize)>,
    /// Loop-invariant subexpressions evaluated before the current loops.
    hoisted: hoist::Hoisted,
    /// x86 vector extensions the CPU code may use directly.
    isa: CpuIsa,
    /// The register tile's row variable values: (the row loop's induction
    /// variable, its value at each row offset), computed once before the
    /// column loops so every point of a row names the same value.
    row_at: Option<(String, Vec<String>)>,
}

impl<'a, 'k> FnEmitter<'a, 'k> {
    fn new(spec: &'a Specialized<'k>, stmt: usize, st: &'a StmtSchedule) -> Self {
        FnEmitter {
            spec,
            stmt,
            st,
            args: kiln_schedule::stmt_tensors(spec, stmt),
            body: String::new(),
            consts: BTreeMap::new(),
            next: 0,
            depth: 2,
            prelude: Vec::new(),
            pack: None,
            panel: None,
            local: Vec::new(),
            row0: String::new(),
            gpu: None,
            workgroup_bufs: Vec::new(),
            lids: None,
            first: stmt,
            guard: None,
            err_flag: false,
            epilogue: None,
            last_chunk: None,
            subst: None,
            mask: None,
            aligned: None,
            streamed: false,
            flat: Vec::new(),
            inlined: Vec::new(),
            hoisted: Vec::new(),
            row_at: None,
            isa: CpuIsa::PORTABLE,
        }
    }

    /// Makes statement `e` (which follows this one) this statement's
    /// epilogue: its tensors join the arguments.
    fn set_epilogue(&mut self, e: usize, keep_target: bool) {
        self.add_args_of(e);
        self.epilogue = Some((e, keep_target));
    }

    /// Adds the tensors statement `stmt` reads and writes to the arguments.
    fn add_args_of(&mut self, stmt: usize) {
        for t in kiln_schedule::stmt_tensors(self.spec, stmt) {
            if !self.args.contains(&t) {
                self.args.push(t);
            }
        }
    }

    /// Switches to statement `stmt` of the same kernel function (fused
    /// GPU groups): its tensors join the arguments.
    fn start_stmt(&mut self, stmt: usize, st: &'a StmtSchedule) {
        if stmt != self.stmt {
            self.add_args_of(stmt);
            self.stmt = stmt;
            self.st = st;
        }
        self.pack = None;
        self.panel = None;
    }

    fn local_shape(&self, t: TensorId) -> Option<&[usize]> {
        self.local
            .iter()
            .find(|(x, _)| *x == t)
            .map(|(_, s)| s.as_slice())
    }

    /// Makes the first index relative to the block for block-local tensors.
    fn localize(&mut self, t: TensorId, ix: &mut [String]) {
        if self.local_shape(t).is_some() {
            let r0 = self.row0.clone();
            ix[0] = self.op(&format!("arith.subi {}, {r0} : index", ix[0]));
        }
    }

    fn mem_ty(&self, t: TensorId) -> String {
        let shape = self.local_shape(t).unwrap_or(self.spec.shape(t));
        let dt = sty(self.spec.kernel.tensors[t].dtype);
        if shape.is_empty() {
            format!("memref<{dt}>")
        } else {
            let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
            format!("memref<{}x{dt}>", dims.join("x"))
        }
    }

    fn fresh(&mut self) -> String {
        self.next += 1;
        format!("%v{}", self.next)
    }

    fn line(&mut self, s: &str) {
        for _ in 0..self.depth {
            self.body.push_str("  ");
        }
        self.body.push_str(s);
        self.body.push('\n');
    }

    /// `%x = <rhs>`; returns `%x`.
    fn op(&mut self, rhs: &str) -> String {
        let v = self.fresh();
        self.line(&format!("{v} = {rhs}"));
        v
    }

    fn constant(&mut self, lit: &str, ty: &str) -> String {
        let key = format!("{lit} : {ty}");
        if let Some(v) = self.consts.get(&key) {
            return v.clone();
        }
        let v = format!("%k{}", self.consts.len());
        self.consts.insert(key, v.clone());
        v
    }

    fn cidx(&mut self, n: i64) -> String {
        self.constant(&n.to_string(), "index")
    }

    /// A constant of compute type `d` with `w` lanes.
    fn cval(&mut self, d: DType, v: f64, w: usize) -> String {
        // An f16 literal is rounded to f16 (then held in f32).
        let v = if d == DType::F16 {
            kiln_ir::round_f16(v)
        } else {
            v
        };
        let lit = match cty(d) {
            "f32" => format!("0x{:08X}", (v as f32).to_bits()),
            "f64" => format!("0x{:016X}", v.to_bits()),
            _ => format!("{}", v as i64 as i32),
        };
        if w == 1 {
            self.constant(&lit, cty(d))
        } else {
            self.constant(&format!("dense<{lit}>"), &vt(cty(d), w))
        }
    }

    /// Tensors passed to the function: on GPUs, private temporaries are
    /// buffers of the kernel itself.
    fn kernel_args(&self) -> Vec<TensorId> {
        self.args
            .iter()
            .copied()
            .filter(|&t| self.gpu.is_none() || self.local_shape(t).is_none())
            .collect()
    }

    fn finish(&self) -> String {
        let k = self.spec.kernel;
        let mut s = String::new();
        // On GPU-like devices every buffer is at least GPU_ARG_ALIGN-aligned,
        // which lets LLVM prove `floatN` accesses aligned (PTX vector loads).
        let align = if self.gpu.is_some() {
            format!(" {{llvm.align = {GPU_ARG_ALIGN} : i64}}")
        } else {
            String::new()
        };
        let mut params: Vec<String> = self
            .kernel_args()
            .iter()
            .map(|&t| format!("%t{}: {}{align}", idx(t), self.mem_ty(t)))
            .collect();
        if self.err_flag {
            params.push(format!("{ERROR_FLAG}: memref<1xi32>{align}"));
        }
        let privates: Vec<String> = if self.gpu.is_some() {
            self.args
                .iter()
                .filter(|&&t| self.local_shape(t).is_some())
                .map(|&t| format!("%t{} = memref.alloca() : {}", idx(t), self.mem_ty(t)))
                .collect()
        } else {
            Vec::new()
        };
        let _ = writeln!(
            s,
            "  // {} = statement {} of `{}`",
            k.tensors[k.stmts[self.stmt].target].name, self.stmt, k.name
        );
        let ind = if self.gpu.is_some() { "  " } else { "" };
        match self.gpu {
            Some(g) => {
                let wgb = if self.workgroup_bufs.is_empty() {
                    String::new()
                } else {
                    let b: Vec<String> = self
                        .workgroup_bufs
                        .iter()
                        .map(|(n, t)| format!("{n}: {t}"))
                        .collect();
                    format!(" workgroup({})", b.join(", "))
                };
                let _ = writeln!(
                    s,
                    "    gpu.func @s{}({}){wgb} kernel attributes {{known_block_size = array<i32: {}, {}, 1>}} {{",
                    self.first,
                    params.join(", "),
                    g.wg[0],
                    g.wg[1]
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    "  func.func @s{}({}, %blo: index, %bhi: index) {{",
                    self.stmt,
                    params.join(", ")
                );
            }
        }
        for (key, v) in &self.consts {
            let (lit, ty) = key
                .rsplit_once(" : ")
                .expect("constant keys are `lit : ty`");
            let _ = writeln!(s, "{ind}    {v} = arith.constant {lit} : {ty}");
        }
        for l in self.prelude.iter().chain(&privates) {
            let _ = writeln!(s, "{ind}    {l}");
        }
        s.push_str(&self.body);
        if self.gpu.is_some() {
            s.push_str("      gpu.return\n    }\n");
        } else {
            s.push_str("    return\n  }\n");
        }
        s
    }

    /// Local ids `(x, y)` of the work-item (GPU kernels).
    fn lids(&mut self) -> (String, String) {
        if let Some(l) = &self.lids {
            return l.clone();
        }
        let (x, y) = (self.fresh(), self.fresh());
        self.prelude.push(format!("{x} = gpu.thread_id x"));
        self.prelude.push(format!("{y} = gpu.thread_id y"));
        self.lids = Some((x.clone(), y.clone()));
        (x, y)
    }

    // ---- loops ----------------------------------------------------------

    /// Opens `scf.for`; returns (induction variable, iter_arg names, result name).
    fn for_open(
        &mut self,
        lo: &str,
        hi: &str,
        step: &str,
        iters: &[(String, String)],
    ) -> (String, Vec<String>, String) {
        let iv = self.fresh();
        let res = self.fresh();
        if iters.is_empty() {
            self.line(&format!("scf.for {iv} = {lo} to {hi} step {step} {{"));
            self.depth += 1;
            return (iv, Vec::new(), res);
        }
        let names: Vec<String> = iters.iter().map(|_| self.fresh()).collect();
        let inits: Vec<String> = names
            .iter()
            .zip(iters)
            .map(|(n, (init, _))| format!("{n} = {init}"))
            .collect();
        let tys: Vec<&str> = iters.iter().map(|(_, t)| t.as_str()).collect();
        self.line(&format!(
            "{res}:{} = scf.for {iv} = {lo} to {hi} step {step} iter_args({}) -> ({}) {{",
            iters.len(),
            inits.join(", "),
            tys.join(", ")
        ));
        self.depth += 1;
        (iv, names, res)
    }

    fn for_close(&mut self, yields: &[String], tys: &[String]) -> Vec<String> {
        if !yields.is_empty() {
            self.line(&format!(
                "scf.yield {} : {}",
                yields.join(", "),
                tys.join(", ")
            ));
        }
        self.depth -= 1;
        self.line("}");
        Vec::new()
    }

    /// `lo + ((hi - lo) / step) * step`: end of the full steps.
    fn full_end(&mut self, lo: &str, hi: &str, step: usize) -> String {
        if step == 1 {
            return hi.to_string();
        }
        let s = self.cidx(step as i64);
        let d = self.op(&format!("arith.subi {hi}, {lo} : index"));
        let q = self.op(&format!("arith.divui {d}, {s} : index"));
        let m = self.op(&format!("arith.muli {q}, {s} : index"));
        self.op(&format!("arith.addi {lo}, {m} : index"))
    }

    fn add_const(&mut self, base: &str, n: usize) -> String {
        if n == 0 {
            return base.to_string();
        }
        let c = self.cidx(n as i64);
        self.op(&format!("arith.addi {base}, {c} : index"))
    }

    // ---- statement ------------------------------------------------------

    fn function(&mut self) {
        let k = self.spec.kernel;
        let s = &k.stmts[self.stmt];
        let ext = self.spec.domain(self.stmt).to_vec();
        let np = s.n_parallel;
        let one = self.cidx(1);
        let gpu = self.gpu;
        let mut rem = if gpu.is_some() {
            let gx = self.op("gpu.global_id x");
            let gy = self.op("gpu.global_id y");
            if np == 0 {
                // One work-item computes a rank-0 result.
                let z = self.cidx(0);
                let a = self.op(&format!("arith.cmpi eq, {gx}, {z} : index"));
                let b = self.op(&format!("arith.cmpi eq, {gy}, {z} : index"));
                let c = self.op(&format!("arith.andi {a}, {b} : i1"));
                self.line(&format!("scf.if {c} {{"));
                self.depth += 1;
            }
            if gpu.is_some_and(|g| g.linear) {
                (gy, gx)
            } else {
                (gx, gy)
            }
        } else {
            let (blo, bhi) = ("%blo".to_string(), "%bhi".to_string());
            let (b, _, _) = self.for_open(&blo, &bhi, &one, &[]);
            (String::new(), b)
        };
        // Decode the block id into tile coordinates (row-major grid; on
        // GPUs the last coordinate is global id x, the rest come from y).
        let mut lo = vec![String::new(); np];
        let mut hi = vec![String::new(); np];
        for v in (0..np).rev() {
            let t = self.st.tile[v];
            let g = ext[v].div_ceil(t);
            let gc = self.cidx(g as i64);
            let xdim = gpu.is_some_and(|g| !g.linear) && v + 1 == np;
            let coord = if xdim {
                rem.0.clone()
            } else if v == 0 {
                rem.1.clone()
            } else {
                self.op(&format!("arith.remui {}, {gc} : index", rem.1))
            };
            if v > 0 && !xdim {
                rem.1 = self.op(&format!("arith.divui {}, {gc} : index", rem.1));
            }
            let tc = self.cidx(t as i64);
            lo[v] = self.op(&format!("arith.muli {coord}, {tc} : index"));
            if gpu.is_some() {
                // Work-items past the end get an empty range.
                let e = self.cidx(ext[v] as i64);
                lo[v] = self.op(&format!("arith.minui {}, {e} : index", lo[v]));
            }
            if v == 0 {
                self.row0 = lo[0].clone();
            }
            let end = self.op(&format!("arith.addi {}, {tc} : index", lo[v]));
            let e = self.cidx(ext[v] as i64);
            hi[v] = self.op(&format!("arith.minui {end}, {e} : index"));
        }
        let axis = self.st.vector;
        let vec_var: Option<VarId> = match axis {
            VectorAxis::Reduction => Some((s.vars.len() - 1) as VarId),
            _ if np >= 1 => Some((np - 1) as VarId),
            _ => None,
        };
        let rvar = row_var(self.spec, self.stmt, axis);
        // Loops over the other parallel variables of the tile.
        let mut env: Vec<Option<VarVal>> = vec![None; s.vars.len()];
        let mut opened = 0;
        for v in 0..np {
            let is_vec = axis != VectorAxis::Reduction && vec_var == Some(v as VarId);
            if is_vec || rvar == Some(v as VarId) {
                continue;
            }
            let (iv, _, _) = self.for_open(&lo[v].clone(), &hi[v].clone(), &one, &[]);
            env[v] = Some(VarVal {
                base: iv,
                lanes: false,
            });
            opened += 1;
        }
        // Chunk loop over the first reduction variable.
        let mut chunk: Option<(String, String, String)> = None; // (lo, hi, is_first)
        if self.st.reduction_tile > 0 {
            let kc = self.st.reduction_tile;
            let (c0, e, kcc) = (
                self.cidx(0),
                self.cidx(ext[np] as i64),
                self.cidx(kc as i64),
            );
            let (kt, _, _) = self.for_open(&c0, &e, &kcc, &[]);
            opened += 1;
            let end = self.op(&format!("arith.addi {kt}, {kcc} : index"));
            let khi = self.op(&format!("arith.minui {end}, {e} : index"));
            let first = self.op(&format!("arith.cmpi eq, {kt}, {c0} : index"));
            if self.epilogue.is_some() {
                self.last_chunk = Some(self.op(&format!("arith.cmpi eq, {khi}, {e} : index")));
            }
            chunk = Some((kt, khi, first));
            if self.gpu.is_some_and(|g| g.local) {
                // The previous chunk's tile is read by the whole group.
                self.line("gpu.barrier");
            }
        }
        if self.st.pack || self.st.local {
            self.emit_pack(np, &ext, &lo, &hi, &chunk, &mut env);
        }
        // Register-tile rows: full tiles of `rows`, then single rows.
        let rows = self.st.rows;
        match rvar {
            Some(r) => {
                let (rlo, rhi) = (lo[r as usize].clone(), hi[r as usize].clone());
                // A register tile taller than the block tile never fills:
                // single rows only. (Emitting the empty full loop anyway made
                // LLVM 22's x86 backend write a LEA with an immediate for a
                // base register, i.e. garbage bounds and a wild store; the
                // fuzzer found it.)
                let never_full = st_tile(self.st, r).is_some_and(|t| rows > t);
                let groups = if rows == 1 || never_full {
                    vec![(1, rlo, rhi)]
                } else {
                    let full = self.full_end(&rlo, &rhi, rows);
                    vec![(rows, rlo, full.clone()), (1, full, rhi)]
                };
                for (m, a, bnd) in groups {
                    let st = self.cidx(m as i64);
                    let (iv, _, _) = self.for_open(&a, &bnd, &st, &[]);
                    env[r as usize] = Some(VarVal {
                        base: iv,
                        lanes: false,
                    });
                    self.columns(m, Some(r), vec_var, &lo, &hi, &mut env, &chunk);
                    self.for_close(&[], &[]);
                }
            }
            None => self.columns(1, None, vec_var, &lo, &hi, &mut env, &chunk),
        }
        for _ in 0..opened {
            self.for_close(&[], &[]);
        }
        if gpu.is_none() || np == 0 {
            // The block loop, or the rank-0 guard.
            self.for_close(&[], &[]);
        }
        if self.streamed {
            // Non-temporal stores are weakly ordered: complete them before
            // the worker reports the blocks done.
            self.line("llvm.fence seq_cst");
        }
    }

    /// Columns of a row group: full vector groups, then scalar remainder
    /// (parallel-vector mode); or straight to the reduction microkernel.
    #[allow(clippy::too_many_arguments)]
    fn columns(
        &mut self,
        m: usize,
        rvar: Option<VarId>,
        vec_var: Option<VarId>,
        lo: &[String],
        hi: &[String],
        env: &mut [Option<VarVal>],
        chunk: &Option<(String, String, String)>,
    ) {
        let st = self.st;
        match (st.vector, vec_var) {
            (VectorAxis::Reduction, _) => self.micro_r(m, rvar, env, chunk),
            (_, Some(c)) => {
                let scope = self.hoist_rows(m, rvar, Some(c), env);
                let (mut clo, chi) = (lo[c as usize].clone(), hi[c as usize].clone());
                let width = st.vectors * st.vector_width;
                // As for rows: a vector group wider than the block tile
                // never fills.
                let never_full = st_tile(st, c).is_some_and(|t| width > t);
                // On the CPU the columns after the full groups run as whole
                // vectors, then one masked vector: remainders at vector speed.
                let masked = self.gpu.is_none() && st.vector_width > 1;
                let mut tail = None;
                if masked && !never_full && st.store != StoreMode::Plain {
                    // The row's head up to the first aligned vector of the
                    // target, as one masked vector; aligned vectors after it.
                    let start = self.aligned_start(c, &clo, &chi, env);
                    self.masked_tail(m, rvar, c, &clo, &start, env, chunk);
                    clo = start;
                    self.aligned = Some(st.store == StoreMode::Stream);
                }
                let groups = if width == 1 || never_full {
                    vec![(1, 1, clo, chi)]
                } else if masked {
                    let full = self.full_end(&clo, &chi, width);
                    let mut g = vec![(st.vectors, st.vector_width, clo, full.clone())];
                    let mut end = full;
                    if st.vectors > 1 {
                        let whole = self.full_end(&end, &chi, st.vector_width);
                        g.push((1, st.vector_width, end, whole.clone()));
                        end = whole;
                    }
                    tail = Some((end, chi));
                    g
                } else {
                    let full = self.full_end(&clo, &chi, width);
                    vec![
                        (st.vectors, st.vector_width, clo, full.clone()),
                        (1, 1, full, chi),
                    ]
                };
                for (gi, (nv, w, a, bnd)) in groups.into_iter().enumerate() {
                    let step = self.cidx((nv * w) as i64);
                    let (iv, _, _) = self.for_open(&a, &bnd, &step, &[]);
                    env[c as usize] = Some(VarVal {
                        base: iv.clone(),
                        lanes: w > 1,
                    });
                    // Packed panels hold the full column groups only.
                    if w > 1 && gi == 0 {
                        if let Some((_, _, clo, _)) = self.pack.clone() {
                            let d = self.op(&format!("arith.subi {iv}, {clo} : index"));
                            let wc = self.cidx((nv * w) as i64);
                            let p = self.op(&format!("arith.divui {d}, {wc} : index"));
                            self.panel = Some((iv.clone(), p));
                        }
                    }
                    self.micro_p(m, nv, w, rvar, c, env, chunk);
                    self.panel = None;
                    self.for_close(&[], &[]);
                }
                self.aligned = None;
                if let Some((a, bnd)) = tail {
                    self.masked_tail(m, rvar, c, &a, &bnd, env, chunk);
                }
                self.end_hoist_rows(scope);
            }
            (_, None) => self.micro_p(1, 1, 1, None, VarId::MAX, env, chunk),
        }
    }

    /// Names the `m` rows of a register tile once and hoists what does not
    /// vary along the column variable `c` (if any) and the reduction
    /// variables out of the loops that follow ([`hoist`]).
    fn hoist_rows(
        &mut self,
        m: usize,
        rvar: Option<VarId>,
        c: Option<VarId>,
        env: &[Option<VarVal>],
    ) -> (hoist::Hoisted, Option<(String, Vec<String>)>) {
        if self.gpu.is_some() {
            // GPU code keeps its per-point index arithmetic.
            return (std::mem::take(&mut self.hoisted), self.row_at.take());
        }
        let rows = match rvar.and_then(|r| env[r as usize].clone()) {
            Some(r) => {
                let at = (0..m).map(|mi| self.add_const(&r.base, mi)).collect();
                self.row_at.replace((r.base, at))
            }
            None => self.row_at.take(),
        };
        let s = &self.spec.kernel.stmts[self.stmt];
        let mut varying: Vec<VarId> = (s.n_parallel as VarId..s.vars.len() as VarId).collect();
        varying.extend(c);
        let points: Vec<_> = (0..m)
            .map(|mi| self.point_env(env, rvar, mi, c.unwrap_or(VarId::MAX), 0, 1))
            .collect();
        (self.begin_hoist(&points, &varying), rows)
    }

    fn end_hoist_rows(&mut self, (hoisted, rows): (hoist::Hoisted, Option<(String, Vec<String>)>)) {
        self.end_hoist(hoisted);
        self.row_at = rows;
    }

    /// The first column at or after `clo` (at most `chi`) where the
    /// target's vector of this row group starts at an address that is a
    /// multiple of the vector's size (a power of two: lanes x element
    /// size). Buffers are element-aligned (they are Rust slices), so such a
    /// column is less than one vector away.
    fn aligned_start(&mut self, c: VarId, clo: &str, chi: &str, env: &[Option<VarVal>]) -> String {
        let k = self.spec.kernel;
        let t = k.stmts[self.stmt].target;
        let elem = k.tensors[t].dtype.size_bytes();
        let vbytes = self.st.vector_width * elem;
        let mut p = env.to_vec();
        p[c as usize] = Some(VarVal {
            base: clo.to_string(),
            lanes: false,
        });
        let (ix, _) = self.target_index(&p);
        let shape = self.local_shape(t).unwrap_or(self.spec.shape(t)).to_vec();
        let mty = self.mem_ty(t);
        // Linear element offset of the row head in the buffer.
        let mut lin = self.cidx(0);
        let mut stride = 1usize;
        for (d, i) in shape.iter().zip(&ix).rev() {
            let sc = self.cidx(stride as i64);
            let term = self.op(&format!("arith.muli {i}, {sc} : index"));
            lin = self.op(&format!("arith.addi {lin}, {term} : index"));
            stride *= d;
        }
        let base = self.op(&format!(
            "memref.extract_aligned_pointer_as_index %t{} : {mty} -> index",
            idx(t)
        ));
        let eb = self.cidx(elem as i64);
        let off = self.op(&format!("arith.muli {lin}, {eb} : index"));
        let addr = self.op(&format!("arith.addi {base}, {off} : index"));
        let (vb, vm) = (self.cidx(vbytes as i64), self.cidx(vbytes as i64 - 1));
        let mis = self.op(&format!("arith.andi {addr}, {vm} : index"));
        let gap = self.op(&format!("arith.subi {vb}, {mis} : index"));
        let gap = self.op(&format!("arith.andi {gap}, {vm} : index"));
        let head = self.op(&format!("arith.divui {gap}, {eb} : index"));
        let n = self.op(&format!("arith.subi {chi}, {clo} : index"));
        let head = self.op(&format!("arith.minui {head}, {n} : index"));
        self.op(&format!("arith.addi {clo}, {head} : index"))
    }

    /// The last `bnd - a` (< vector width) columns of a row group as one
    /// masked vector, when there are any.
    #[allow(clippy::too_many_arguments)]
    fn masked_tail(
        &mut self,
        m: usize,
        rvar: Option<VarId>,
        c: VarId,
        a: &str,
        bnd: &str,
        env: &mut [Option<VarVal>],
        chunk: &Option<(String, String, String)>,
    ) {
        let w = self.st.vector_width;
        let n = self.op(&format!("arith.subi {bnd}, {a} : index"));
        let z = self.cidx(0);
        let any = self.op(&format!("arith.cmpi ugt, {n}, {z} : index"));
        self.line(&format!("scf.if {any} {{"));
        self.depth += 1;
        let mask = self.op(&format!("vector.create_mask {n} : {}", vt("i1", w)));
        env[c as usize] = Some(VarVal {
            base: a.to_string(),
            lanes: true,
        });
        // Masked-off lanes compute on zeros: divisions there raise nothing.
        let outer = self.guard.replace(mask.clone());
        self.mask = Some(mask);
        self.micro_p(m, 1, w, rvar, c, env, chunk);
        self.mask = None;
        self.guard = outer;
        self.depth -= 1;
        self.line("}");
    }

    /// Copies the packable read's tile for this block and reduction chunk
    /// into panels `pack[p, k - klo, 0..nrw]` (full column groups only).
    fn emit_pack(
        &mut self,
        np: usize,
        ext: &[usize],
        lo: &[String],
        hi: &[String],
        chunk: &Option<(String, String, String)>,
        env: &mut [Option<VarVal>],
    ) {
        let k = self.spec.kernel;
        let s = &k.stmts[self.stmt];
        let t = kiln_schedule::packable_read(self.spec, self.stmt)
            .expect("validated: a packable read exists");
        let mut read = None;
        k.walk(s.value, &mut |id, e| {
            if matches!(&e.kind, ExprKind::Read { tensor, .. } if *tensor == t) {
                read = Some(id);
            }
        });
        let read = read.expect("the packable read is in the statement");
        let (w, nv) = (self.st.vector_width, self.st.vectors);
        let nrw = nv * w;
        let c = np - 1;
        let kc = if self.st.reduction_tile > 0 {
            self.st.reduction_tile
        } else {
            ext[np]
        };
        let panels = self.st.tile[c].div_ceil(nrw);
        let d = cty(k.exprs[read].ty);
        let buf = self.fresh();
        let (mty, pre) = self.pack_type(panels, kc, nrw, d);
        if self.st.local {
            self.workgroup_bufs.push((buf.clone(), mty.clone()));
        } else {
            self.prelude.push(format!(
                "{buf} = memref.alloca() {{alignment = 64 : i64}} : {mty}"
            ));
        }
        let (klo, khi) = match chunk {
            Some((a, b, _)) => (a.clone(), b.clone()),
            None => (self.cidx(0), self.cidx(ext[np] as i64)),
        };
        let (clo, chi) = (lo[c].clone(), hi[c].clone());
        let full = self.full_end(&clo, &chi, nrw);
        let step = self.cidx(nrw as i64);
        let one = self.cidx(1);
        let (col, _, _) = self.for_open(&clo, &full, &step, &[]);
        let dc = self.op(&format!("arith.subi {col}, {clo} : index"));
        let p = self.op(&format!("arith.divui {dc}, {step} : index"));
        // In local memory the work-items of a column share the copy: item
        // `y` copies rows y, y + wy, ... of the chunk.
        let (kstart, kstep) = match self.gpu.filter(|g| g.local) {
            Some(g) => {
                let (_, ly) = self.lids();
                let s0 = self.op(&format!("arith.addi {klo}, {ly} : index"));
                (s0, self.cidx(g.wg[1] as i64))
            }
            None => (klo.clone(), one.clone()),
        };
        let (kk, _, _) = self.for_open(&kstart, &khi, &kstep, &[]);
        let krel = self.op(&format!("arith.subi {kk}, {klo} : index"));
        let saved = (env[c].clone(), env[np].clone());
        env[np] = Some(VarVal {
            base: kk,
            lanes: false,
        });
        for ni in 0..nv {
            let base = self.add_const(&col, ni * w);
            env[c] = Some(VarVal { base, lanes: w > 1 });
            let v = self.expr(read, env, w);
            let off = self.cidx((ni * w) as i64);
            let ty = vt(d, w);
            if w == 1 {
                self.line(&format!(
                    "memref.store {v}, {buf}[{pre}{p}, {krel}, {off}] : {mty}"
                ));
            } else {
                self.line(&format!(
                    "vector.store {v}, {buf}[{pre}{p}, {krel}, {off}] : {mty}, {ty}"
                ));
            }
        }
        (env[c], env[np]) = saved;
        self.for_close(&[], &[]);
        self.for_close(&[], &[]);
        if self.st.local {
            self.line("gpu.barrier");
        }
        self.pack = Some((t, buf, clo, klo));
    }

    /// Type of the pack buffer and the index prefix that selects this
    /// work-item's panels (`%lx, ` in local memory, where the group's
    /// columns each have their own panels).
    fn pack_type(&mut self, panels: usize, kc: usize, nrw: usize, d: &str) -> (String, String) {
        match self.gpu.filter(|g| g.local) {
            Some(g) => {
                let (lx, _) = self.lids();
                (
                    format!(
                        "memref<{}x{panels}x{kc}x{nrw}x{d}, #gpu.address_space<workgroup>>",
                        g.wg[0]
                    ),
                    format!("{lx}, "),
                )
            }
            None => (format!("memref<{panels}x{kc}x{nrw}x{d}>"), String::new()),
        }
    }

    /// A read of the packed tensor inside a full column group: load from the panel.
    fn packed_load(&mut self, tensor: TensorId, p: &[Option<VarVal>], w: usize) -> Option<String> {
        let (t, buf, _, klo) = self.pack.clone()?;
        let (iv, panel) = self.panel.clone()?;
        if t != tensor || w == 1 {
            return None;
        }
        let s = &self.spec.kernel.stmts[self.stmt];
        let np = s.n_parallel;
        let col = p[np - 1].as_ref()?;
        if !col.lanes {
            return None;
        }
        let k = p[np].as_ref()?.base.clone();
        let off = self.op(&format!("arith.subi {}, {iv} : index", col.base));
        let krel = self.op(&format!("arith.subi {k}, {klo} : index"));
        let (nv, vw) = (self.st.vectors, self.st.vector_width);
        let kc = if self.st.reduction_tile > 0 {
            self.st.reduction_tile
        } else {
            self.spec.domain(self.stmt)[np]
        };
        let panels = self.st.tile[np - 1].div_ceil(nv * vw);
        let d = cty(self.spec.kernel.tensors[t].dtype);
        let (mty, pre) = self.pack_type(panels, kc, nv * vw, d);
        Some(self.op(&format!(
            "vector.load {buf}[{pre}{panel}, {krel}, {off}] : {mty}, {}",
            vt(d, w)
        )))
    }

    /// Environment of point (row offset `mi`, vector/column `ni`).
    fn point_env(
        &mut self,
        env: &[Option<VarVal>],
        rvar: Option<VarId>,
        mi: usize,
        cvar: VarId,
        ni: usize,
        w: usize,
    ) -> Vec<Option<VarVal>> {
        let mut e = env.to_vec();
        if let Some(r) = rvar {
            let base = e[r as usize]
                .as_ref()
                .expect("row variable bound")
                .base
                .clone();
            let known = match &self.row_at {
                Some((b, at)) if *b == base => at.get(mi).cloned(),
                _ => None,
            };
            let base = known.unwrap_or_else(|| self.add_const(&base, mi));
            e[r as usize] = Some(VarVal { base, lanes: false });
        }
        if let Some(Some(c)) = e.get(cvar as usize).cloned() {
            e[cvar as usize] = Some(VarVal {
                base: self.add_const(&c.base, ni * w),
                lanes: c.lanes,
            });
        }
        e
    }

    fn target_dtype(&self) -> DType {
        let k = self.spec.kernel;
        k.tensors[k.stmts[self.stmt].target].dtype
    }

    /// Register tile in parallel-vector (or scalar) mode.
    #[allow(clippy::too_many_arguments)]
    fn micro_p(
        &mut self,
        m: usize,
        nv: usize,
        w: usize,
        rvar: Option<VarId>,
        cvar: VarId,
        env: &[Option<VarVal>],
        chunk: &Option<(String, String, String)>,
    ) {
        let k = self.spec.kernel;
        let s = &k.stmts[self.stmt];
        let d = self.target_dtype();
        let ty = vt(cty(d), w);
        let mut points = Vec::new();
        for mi in 0..m {
            for ni in 0..nv {
                points.push(self.point_env(env, rvar, mi, cvar, ni, w));
            }
        }
        if s.vars.len() == s.n_parallel {
            for p in &points {
                let v = self.expr(s.value, p, w);
                self.store(p, &v, w);
            }
            return;
        }
        let mut accs = Vec::new();
        for p in &points {
            let id = self.cval(d, s.op.identity(d), w);
            let init = match chunk {
                Some((_, _, first)) => {
                    let prev = self.load_target(p, w);
                    self.op(&format!("arith.select {first}, {id}, {prev} : {ty}"))
                }
                None => id,
            };
            accs.push(init);
        }
        let tys = vec![ty.clone(); accs.len()];
        let out = self.reduce_loops(s.n_parallel, &points, accs, &tys, w, chunk);
        for (p, a) in points.iter().zip(out) {
            self.store_result(p, &a, w);
        }
    }

    /// Nested reduction loops from variable `v`, carrying `accs`; returns the
    /// final accumulators. The innermost loop is unrolled by the schedule.
    #[allow(clippy::too_many_arguments)]
    fn reduce_loops(
        &mut self,
        v: usize,
        points: &[Vec<Option<VarVal>>],
        accs: Vec<String>,
        tys: &[String],
        w: usize,
        chunk: &Option<(String, String, String)>,
    ) -> Vec<String> {
        let k = self.spec.kernel;
        let s = &k.stmts[self.stmt];
        let (lo, hi) = self.reduction_range(v, chunk);
        let innermost = v + 1 == s.vars.len();
        let u = if innermost { self.st.unroll } else { 1 };
        let mut accs = accs;
        let full = self.full_end(&lo, &hi, u);
        let ranges = if u == 1 {
            vec![(lo, hi, 1)]
        } else {
            vec![(lo, full.clone(), u), (full, hi, 1)]
        };
        for (a, b, step) in ranges {
            let st = self.cidx(step as i64);
            let iters: Vec<(String, String)> =
                accs.iter().cloned().zip(tys.iter().cloned()).collect();
            let (iv, names, res) = self.for_open(&a, &b, &st, &iters);
            let mut cur = names;
            for uu in 0..step {
                let ivu = self.add_const(&iv, uu);
                let pts: Vec<Vec<Option<VarVal>>> = points
                    .iter()
                    .map(|p| {
                        let mut p = p.clone();
                        p[v] = Some(VarVal {
                            base: ivu.clone(),
                            lanes: false,
                        });
                        p
                    })
                    .collect();
                if innermost {
                    let mut next = Vec::new();
                    for (p, acc) in pts.iter().zip(&cur) {
                        next.push(self.accumulate(acc, p, w));
                    }
                    cur = next;
                } else {
                    cur = self.reduce_loops(v + 1, &pts, cur, tys, w, chunk);
                }
            }
            self.for_close(&cur, tys);
            accs = (0..accs.len()).map(|i| format!("{res}#{i}")).collect();
        }
        accs
    }

    /// Register tile in reduction-vector mode: `m` rows, each with
    /// `vectors` vector accumulators along the last reduction variable and
    /// one scalar accumulator for the remainder, reduced horizontally.
    fn micro_r(
        &mut self,
        m: usize,
        rvar: Option<VarId>,
        env: &[Option<VarVal>],
        chunk: &Option<(String, String, String)>,
    ) {
        let k = self.spec.kernel;
        let s = &k.stmts[self.stmt];
        let d = self.target_dtype();
        let (nv, w) = (self.st.vectors, self.st.vector_width);
        let vty = vt(cty(d), w);
        let sty_ = cty(d).to_string();
        let scope = self.hoist_rows(m, rvar, None, env);
        let rows: Vec<Vec<Option<VarVal>>> = (0..m)
            .map(|mi| self.point_env(env, rvar, mi, VarId::MAX, 0, 1))
            .collect();
        // accumulators: per row nv vectors then one scalar
        let mut accs = Vec::new();
        let mut tys = Vec::new();
        for p in &rows {
            for _ in 0..nv {
                accs.push(self.cval(d, s.op.identity(d), w));
                tys.push(vty.clone());
            }
            let id = self.cval(d, s.op.identity(d), 1);
            let init = match chunk {
                Some((_, _, first)) => {
                    let prev = self.load_target(p, 1);
                    self.op(&format!("arith.select {first}, {id}, {prev} : {sty_}"))
                }
                None => id,
            };
            accs.push(init);
            tys.push(sty_.clone());
        }
        let out = self.reduce_r(s.n_parallel, &rows, accs, &tys, chunk);
        let per = nv + 1;
        for (mi, p) in rows.iter().enumerate() {
            let mut v = out[mi * per].clone();
            for ni in 1..nv {
                v = self.combine(s.op, &v, &out[mi * per + ni], w);
            }
            let h = self.horizontal(s.op, &v, w);
            let total = self.combine(s.op, &out[mi * per + nv], &h, 1);
            self.store_result(p, &total, 1);
        }
        self.end_hoist_rows(scope);
    }

    fn reduce_r(
        &mut self,
        v: usize,
        rows: &[Vec<Option<VarVal>>],
        accs: Vec<String>,
        tys: &[String],
        chunk: &Option<(String, String, String)>,
    ) -> Vec<String> {
        let k = self.spec.kernel;
        let s = &k.stmts[self.stmt];
        let (lo, hi) = self.reduction_range(v, chunk);
        let (nv, w) = (self.st.vectors, self.st.vector_width);
        let per = nv + 1;
        let set = |p: &[Option<VarVal>], base: &str, lanes: bool| {
            let mut p = p.to_vec();
            p[v] = Some(VarVal {
                base: base.to_string(),
                lanes,
            });
            p
        };
        if v + 1 < s.vars.len() {
            let one = self.cidx(1);
            let iters: Vec<(String, String)> =
                accs.iter().cloned().zip(tys.iter().cloned()).collect();
            let (iv, names, res) = self.for_open(&lo, &hi, &one, &iters);
            let pts: Vec<_> = rows.iter().map(|p| set(p, &iv, false)).collect();
            let cur = self.reduce_r(v + 1, &pts, names, tys, chunk);
            self.for_close(&cur, tys);
            return (0..accs.len()).map(|i| format!("{res}#{i}")).collect();
        }
        // Innermost: vector part, then scalar remainder.
        let width = nv * w;
        let full = self.full_end(&lo, &hi, width);
        let mut accs = accs;
        for (a, b, vector) in [(lo, full.clone(), true), (full, hi, false)] {
            let step = self.cidx(if vector { width as i64 } else { 1 });
            let iters: Vec<(String, String)> =
                accs.iter().cloned().zip(tys.iter().cloned()).collect();
            let (iv, names, res) = self.for_open(&a, &b, &step, &iters);
            let mut cur = names;
            for (mi, p) in rows.iter().enumerate() {
                if vector {
                    for ni in 0..nv {
                        let base = self.add_const(&iv, ni * w);
                        let pt = set(p, &base, w > 1);
                        let slot = mi * per + ni;
                        cur[slot] = self.accumulate(&cur[slot].clone(), &pt, w);
                    }
                } else {
                    let pt = set(p, &iv, false);
                    let slot = mi * per + nv;
                    cur[slot] = self.accumulate(&cur[slot].clone(), &pt, 1);
                }
            }
            self.for_close(&cur, tys);
            accs = (0..accs.len()).map(|i| format!("{res}#{i}")).collect();
        }
        accs
    }

    /// Bounds of reduction variable `v`: the current chunk for the first
    /// reduction variable when chunked, else its whole range.
    fn reduction_range(
        &mut self,
        v: usize,
        chunk: &Option<(String, String, String)>,
    ) -> (String, String) {
        let np = self.spec.kernel.stmts[self.stmt].n_parallel;
        match chunk {
            Some((klo, khi, _)) if v == np => (klo.clone(), khi.clone()),
            _ => {
                let ext = self.spec.domain(self.stmt)[v];
                (self.cidx(0), self.cidx(ext as i64))
            }
        }
    }

    /// The operands of the statement's value when it is a float product
    /// summed straight into a `+=` reduction: the one fusion (into an FMA)
    /// the contract allows, since the reduction may be reassociated.
    fn fusable_product(&self) -> Option<(ExprId, ExprId)> {
        let k = self.spec.kernel;
        let s = &k.stmts[self.stmt];
        match k.exprs[s.value].kind {
            ExprKind::Binary(BinOp::Mul, a, b)
                if s.op == AssignOp::Add
                    && s.vars.len() > s.n_parallel
                    && k.exprs[s.value].ty.is_float() =>
            {
                Some((a, b))
            }
            _ => None,
        }
    }

    /// Combines the statement's value at point `p` into the accumulator.
    /// On GPU-like devices a product summed into a `+=` reduction is one
    /// explicit `fma` (OpenCL C is printed with contraction off, so only
    /// this fusion, which the contract allows, happens); on the CPU the
    /// `contract` flags let LLVM fuse it.
    fn accumulate(&mut self, acc: &str, p: &[Option<VarVal>], w: usize) -> String {
        let d = self.target_dtype();
        // (f16 products are rounded to f16 first, so they do not fuse.)
        if let (Some(_), Some((a, b)), DType::F32 | DType::F64) =
            (self.gpu, self.fusable_product(), d)
        {
            let (a, b) = (self.expr(a, p, w), self.expr(b, p, w));
            let ty = vt(cty(d), w);
            return self.op(&format!("math.fma {a}, {b}, {acc} : {ty}"));
        }
        let s = &self.spec.kernel.stmts[self.stmt];
        let x = self.expr(s.value, p, w);
        self.combine(s.op, acc, &x, w)
    }

    fn combine(&mut self, op: AssignOp, acc: &str, x: &str, w: usize) -> String {
        let d = self.target_dtype();
        let ty = vt(cty(d), w);
        let f = d.is_float();
        let name = match (op, f) {
            (AssignOp::Assign, _) => return x.to_string(),
            (AssignOp::Add, true) => "arith.addf",
            (AssignOp::Add, false) => "arith.addi",
            (AssignOp::Mul, true) => "arith.mulf",
            (AssignOp::Mul, false) => "arith.muli",
            (AssignOp::Max, true) => "arith.maximumf",
            (AssignOp::Max, false) => "arith.maxsi",
            (AssignOp::Min, true) => "arith.minimumf",
            (AssignOp::Min, false) => "arith.minsi",
        };
        let fm = if f && matches!(op, AssignOp::Add | AssignOp::Mul) {
            format!(" {FM}")
        } else {
            String::new()
        };
        self.op(&format!("{name} {acc}, {x}{fm} : {ty}"))
    }

    /// Indices of the target at a point.
    fn target_index(&mut self, p: &[Option<VarVal>]) -> (Vec<String>, bool) {
        let s = &self.spec.kernel.stmts[self.stmt];
        let mut out = Vec::new();
        let mut lanes = false;
        for val in &p[..s.n_parallel] {
            let val = val
                .as_ref()
                .expect("parallel variables are bound at stores");
            lanes |= val.lanes;
            out.push(val.base.clone());
        }
        let t = self.spec.kernel.stmts[self.stmt].target;
        self.localize(t, &mut out);
        (out, lanes)
    }

    /// Stores a reduction's value at point `p` for this chunk; with an
    /// epilogue, the last chunk applies it instead (and stores the
    /// reduction's own result only where something else reads it).
    fn store_result(&mut self, p: &[Option<VarVal>], v: &str, w: usize) {
        let Some((e, keep)) = self.epilogue else {
            return self.store(p, v, w);
        };
        let Some(last) = self.last_chunk.clone() else {
            return self.apply_epilogue(e, keep, p, v, w);
        };
        self.line(&format!("scf.if {last} {{"));
        self.depth += 1;
        self.apply_epilogue(e, keep, p, v, w);
        self.depth -= 1;
        self.line("} else {");
        self.depth += 1;
        self.store(p, v, w);
        self.depth -= 1;
        self.line("}");
    }

    /// Emits statement `e` at point `p` (its parallel variables are this
    /// statement's, in order), its read of this statement's target standing
    /// for the final value `v`.
    fn apply_epilogue(&mut self, e: usize, keep: bool, p: &[Option<VarVal>], v: &str, w: usize) {
        if keep {
            self.store(p, v, w);
        }
        let k = self.spec.kernel;
        let t = k.stmts[self.stmt].target;
        // The value a read of `t` would give: f16 results are rounded to f16.
        let v = self.round_if_f16(v.to_string(), k.tensors[t].dtype, w);
        let np = k.stmts[e].n_parallel;
        let pe = p[..np].to_vec();
        let (saved_stmt, saved_pack, saved_panel) =
            (self.stmt, self.pack.take(), self.panel.take());
        self.subst = Some((t, v));
        self.stmt = e;
        let y = self.expr(k.stmts[e].value, &pe, w);
        self.store(&pe, &y, w);
        self.stmt = saved_stmt;
        self.subst = None;
        self.pack = saved_pack;
        self.panel = saved_panel;
    }

    fn load_target(&mut self, p: &[Option<VarVal>], w: usize) -> String {
        let t = self.spec.kernel.stmts[self.stmt].target;
        let (ix, _) = self.target_index(p);
        self.load(t, &ix, w)
    }

    fn store(&mut self, p: &[Option<VarVal>], v: &str, w: usize) {
        let k = self.spec.kernel;
        let t = k.stmts[self.stmt].target;
        let d = k.tensors[t].dtype;
        let (ix, _) = self.target_index(p);
        let mty = self.mem_ty(t);
        let mut v = v.to_string();
        if d == DType::F16 {
            v = self.op(&format!(
                "arith.truncf {v} : {} to {}",
                vt("f32", w),
                vt("f16", w)
            ));
        }
        let m = format!("%t{}", idx(t));
        if w == 1 {
            self.line(&format!("memref.store {v}, {m}[{}] : {mty}", ix.join(", ")));
        } else if let Some(mask) = self.mask.clone() {
            self.line(&format!(
                "vector.maskedstore {m}[{}], {mask}, {v} : {mty}, {}, {}",
                ix.join(", "),
                vt("i1", w),
                vt(sty(d), w)
            ));
        } else {
            let attrs = match self.aligned {
                Some(nt) => {
                    self.streamed |= nt;
                    let bytes = w * d.size_bytes();
                    format!(" {{alignment = {bytes} : i64, nontemporal = {nt}}}")
                }
                None => String::new(),
            };
            self.line(&format!(
                "vector.store {v}, {m}[{}]{attrs} : {mty}, {}",
                ix.join(", "),
                vt(sty(d), w)
            ));
        }
    }

    /// Loads `w` consecutive elements (w = 1: one scalar) in compute type.
    fn load(&mut self, t: TensorId, ix: &[String], w: usize) -> String {
        let d = self.spec.kernel.tensors[t].dtype;
        let mty = self.mem_ty(t);
        let m = format!("%t{}", idx(t));
        let v = if w == 1 {
            self.op(&format!("memref.load {m}[{}] : {mty}", ix.join(", ")))
        } else if let Some(mask) = self.mask.clone() {
            let zero = self.constant(&format!("dense<{}>", zero_lit(d)), &vt(sty(d), w));
            self.op(&format!(
                "vector.maskedload {m}[{}], {mask}, {zero} : {mty}, {}, {} into {}",
                ix.join(", "),
                vt("i1", w),
                vt(sty(d), w),
                vt(sty(d), w)
            ))
        } else {
            let n: usize = self.spec.shape(t).iter().product();
            // Past a tensor's end the address clamps to its last element:
            // a tensor no longer than the distance has nothing to fetch.
            if self.st.prefetch > 0
                && self.st.prefetch < n
                && self.gpu.is_none()
                && self.local_shape(t).is_none()
            {
                self.prefetch(t, ix);
            }
            self.op(&format!(
                "vector.load {m}[{}] : {mty}, {}",
                ix.join(", "),
                vt(sty(d), w)
            ))
        };
        if d == DType::F16 {
            self.op(&format!(
                "arith.extf {v} : {} to {}",
                vt("f16", w),
                vt("f32", w)
            ))
        } else {
            v
        }
    }

    /// Prefetches the element `prefetch` elements after `t[ix]` in memory
    /// (clamped to the tensor's last element): into all cache levels, or
    /// from [`FAR_PREFETCH`] bytes ahead on into L2 and the levels below.
    fn prefetch(&mut self, t: TensorId, ix: &[String]) {
        let shape = self.spec.shape(t).to_vec();
        let n: usize = shape.iter().product();
        let dt = sty(self.spec.kernel.tensors[t].dtype);
        let flat = match self.flat.iter().find(|(x, _)| *x == t) {
            Some((_, v)) => v.clone(),
            None if shape.len() == 1 => format!("%t{}", idx(t)),
            None => {
                let v = format!("%flat{}", idx(t));
                let dims: Vec<usize> = (0..shape.len()).collect();
                self.prelude.push(format!(
                    "{v} = memref.collapse_shape %t{} [{dims:?}] : {} into memref<{n}x{dt}>",
                    idx(t),
                    self.mem_ty(t)
                ));
                self.flat.push((t, v.clone()));
                v
            }
        };
        let mut lin = self.cidx(self.st.prefetch as i64);
        let mut stride = 1usize;
        for (d, i) in shape.iter().zip(ix).rev() {
            let sc = self.cidx(stride as i64);
            let term = self.op(&format!("arith.muli {i}, {sc} : index"));
            lin = self.op(&format!("arith.addi {lin}, {term} : index"));
            stride *= d;
        }
        let last = self.cidx(n as i64 - 1);
        let at = self.op(&format!("arith.minui {lin}, {last} : index"));
        // A line fetched further ahead than an L1 holds would leave it
        // before its use: those go to L2 (`prefetcht1`).
        let far = self.st.prefetch * self.spec.kernel.tensors[t].dtype.size_bytes() >= FAR_PREFETCH;
        let level = if far { 2 } else { 3 };
        self.line(&format!(
            "memref.prefetch {flat}[{at}], read, locality<{level}>, data : memref<{n}x{dt}>"
        ));
    }

    fn broadcast(&mut self, v: &str, base: &str, w: usize) -> String {
        if w == 1 {
            return v.to_string();
        }
        self.op(&format!("vector.broadcast {v} : {base} to {}", vt(base, w)))
    }

    // ---- expressions ----------------------------------------------------

    /// Emits expression `id` at a point; the value has `w` lanes.
    fn expr(&mut self, id: ExprId, p: &[Option<VarVal>], w: usize) -> String {
        kiln_ir::with_stack(|| self.expr_inner(id, p, w))
    }

    fn expr_inner(&mut self, id: ExprId, p: &[Option<VarVal>], w: usize) -> String {
        let k = self.spec.kernel;
        let e = &k.exprs[id];
        let d = e.ty;
        let c = cty(d);
        let ty = vt(c, w);
        if let Some(v) = self.hoisted_at(id, p) {
            return self.broadcast(&v, c, w);
        }
        match &e.kind {
            ExprKind::Float(v) => self.cval(d, *v, w),
            ExprKind::Int(v) => self.cval(d, *v as f64, w),
            ExprKind::Size(s) => self.cval(DType::I32, self.spec.size(*s) as f64, w),
            ExprKind::Var(v) => {
                let val = p[*v as usize]
                    .clone()
                    .expect("variables are bound at every point");
                let i = self.op(&format!("arith.index_cast {} : index to i32", val.base));
                let b = self.broadcast(&i, "i32", w);
                if val.lanes && w > 1 {
                    let lanes: Vec<String> = (0..w).map(|x| x.to_string()).collect();
                    let iota = self.constant(&format!("dense<[{}]>", lanes.join(", ")), &ty);
                    self.op(&format!("arith.addi {b}, {iota} : {ty}"))
                } else {
                    b
                }
            }
            ExprKind::Read { tensor, index } => {
                if let Some((t, v)) = &self.subst {
                    if t == tensor {
                        return v.clone();
                    }
                }
                if let Some(&(_, d)) = self.inlined.iter().find(|(t, _)| t == tensor) {
                    // An inlined temporary: its statement's expression with
                    // its parallel variables (= its target's axes) bound to
                    // this read's plain index variables.
                    let mut pd = vec![None; k.stmts[d].vars.len()];
                    for (axis, a) in index.iter().enumerate() {
                        let v = a
                            .as_plain()
                            .expect("inlined temporaries are read at plain indices");
                        pd[axis] = p[v as usize].clone();
                    }
                    return self.expr(k.stmts[d].value, &pd, w);
                }
                if let Some(v) = self.packed_load(*tensor, p, w) {
                    return v;
                }
                let mut ix = Vec::new();
                let mut lanes = false;
                for a in index {
                    let (terms, off) = self.spec.affine(a);
                    let mut acc: Option<String> = (off != 0).then(|| self.cidx(off));
                    for (v, cf) in terms {
                        let val = p[v as usize]
                            .clone()
                            .expect("variables are bound at every point");
                        lanes |= val.lanes;
                        let term = if cf == 1 {
                            val.base.clone()
                        } else {
                            let cc = self.cidx(cf);
                            self.op(&format!("arith.muli {}, {cc} : index", val.base))
                        };
                        acc = Some(match acc {
                            None => term,
                            Some(a) => self.op(&format!("arith.addi {a}, {term} : index")),
                        });
                    }
                    let acc = acc.unwrap_or_else(|| self.cidx(0));
                    ix.push(acc);
                }
                self.localize(*tensor, &mut ix);
                if lanes && w > 1 {
                    self.load(*tensor, &ix, w)
                } else {
                    let v = self.load(*tensor, &ix, 1);
                    self.broadcast(&v, c, w)
                }
            }
            ExprKind::Neg(a) => {
                let a = self.expr(*a, p, w);
                if d.is_float() {
                    self.op(&format!("arith.negf {a} : {ty}"))
                } else {
                    let z = self.cval(d, 0.0, w);
                    self.op(&format!("arith.subi {z}, {a} : {ty}"))
                }
            }
            ExprKind::Binary(op, a, b) => {
                let (a, b) = (self.expr(*a, p, w), self.expr(*b, p, w));
                let f = d.is_float();
                let name = match (op, f) {
                    (BinOp::Add, true) => "addf",
                    (BinOp::Sub, true) => "subf",
                    (BinOp::Mul, true) => "mulf",
                    (BinOp::Div, true) => "divf",
                    (BinOp::Add, false) => "addi",
                    (BinOp::Sub, false) => "subi",
                    (BinOp::Mul, false) => "muli",
                    _ => return self.floor_div(&a, &b, w),
                };
                // Elementwise arithmetic is rounded at each operation; only
                // the product `fusable_product` names may fuse.
                let fused = id == k.stmts[self.stmt].value && self.fusable_product().is_some();
                let fm = if fused { " fastmath<contract>" } else { "" };
                let v = self.op(&format!("arith.{name} {a}, {b}{fm} : {ty}"));
                self.round_if_f16(v, d, w)
            }
            ExprKind::Call(func, args) => {
                let xs: Vec<String> = args.iter().map(|a| self.expr(*a, p, w)).collect();
                let v = self.call(*func, &xs, d, w);
                self.round_if_f16(v, d, w)
            }
            ExprKind::Select {
                cmp,
                lhs,
                rhs,
                then,
                otherwise,
            } => {
                let od = k.exprs[*lhs].ty;
                let (l, r) = (self.expr(*lhs, p, w), self.expr(*rhs, p, w));
                let pred = if od.is_float() {
                    match cmp {
                        BinOp::Lt => "olt",
                        BinOp::Le => "ole",
                        BinOp::Gt => "ogt",
                        BinOp::Ge => "oge",
                        BinOp::Eq => "oeq",
                        _ => "une",
                    }
                } else {
                    match cmp {
                        BinOp::Lt => "slt",
                        BinOp::Le => "sle",
                        BinOp::Gt => "sgt",
                        BinOp::Ge => "sge",
                        BinOp::Eq => "eq",
                        _ => "ne",
                    }
                };
                let cmpop = if od.is_float() { "cmpf" } else { "cmpi" };
                let cond = self.op(&format!(
                    "arith.{cmpop} {pred}, {l}, {r} : {}",
                    vt(cty(od), w)
                ));
                // `select` is lazy in meaning: a branch that divides does so
                // under its condition, so only the taken branch can raise
                // the division-by-zero flag (the untaken one never traps:
                // divisions never trap, see `floor_div`).
                let divides = |e: ExprId| {
                    let mut any = false;
                    k.walk(e, &mut |_, x| {
                        any |= matches!(x.kind, ExprKind::Binary(BinOp::Div, ..))
                            && x.ty == DType::I32;
                    });
                    any
                };
                let bt = vt("i1", w);
                let t = if divides(*then) {
                    self.guarded(*then, &cond, p, w)
                } else {
                    self.expr(*then, p, w)
                };
                let f = if divides(*otherwise) {
                    let ones = if w == 1 {
                        self.constant("1", "i1")
                    } else {
                        self.constant("dense<true>", &bt)
                    };
                    let not = self.op(&format!("arith.xori {cond}, {ones} : {bt}"));
                    self.guarded(*otherwise, &not, p, w)
                } else {
                    self.expr(*otherwise, p, w)
                };
                self.op(&format!("arith.select {cond}, {t}, {f} : {bt}, {ty}"))
            }
            ExprKind::Cast(a) => {
                let from = k.exprs[*a].ty;
                let x = self.expr(*a, p, w);
                self.cast(&x, from, d, w)
            }
        }
    }

    /// `c` and the current `select` guard (just `c` outside any guarded
    /// branch); `c` has `w` lanes.
    fn under_guard(&mut self, c: &str, w: usize) -> String {
        match self.guard.clone() {
            Some(g) => self.op(&format!("arith.andi {g}, {c} : {}", vt("i1", w))),
            None => c.to_string(),
        }
    }

    /// Emits expression `e` as a `select` branch taken where `taken` holds:
    /// divisions inside raise the error flag only there.
    fn guarded(&mut self, e: ExprId, taken: &str, p: &[Option<VarVal>], w: usize) -> String {
        let outer = self.guard.clone();
        self.guard = Some(self.under_guard(taken, w));
        let v = self.expr(e, p, w);
        self.guard = outer;
        v
    }

    /// i32 floor division as the contract defines it, without a trap on any
    /// input: the hardware divides by `b`, or by 1 when `b` is 0 or -1
    /// (`INT_MIN / -1` traps on x86; `x / -1` is `-x`, wrapping). A zero
    /// divisor (under the current `select` guard) stores the statement's
    /// number in the error flag, and the caller reports it. Then `q = a / b`
    /// (truncating), minus one when the remainder is nonzero and its sign
    /// differs from `b`'s. (Not `arith.floordivsi`: its expansion needs
    /// `arith-expand`, which also expands `maximumf` into select chains that
    /// sent LLVM 22's loop vectorizer into exponential time on short max/min
    /// reductions.)
    fn floor_div(&mut self, a: &str, b: &str, w: usize) -> String {
        let (ty, bt) = (vt("i32", w), vt("i1", w));
        let z = self.cval(DType::I32, 0.0, w);
        let one = self.cval(DType::I32, 1.0, w);
        let m1 = self.cval(DType::I32, -1.0, w);
        let bz = self.op(&format!("arith.cmpi eq, {b}, {z} : {ty}"));
        self.raise_if(&bz, w);
        let bm1 = self.op(&format!("arith.cmpi eq, {b}, {m1} : {ty}"));
        let unsafe_b = self.op(&format!("arith.ori {bz}, {bm1} : {bt}"));
        let bs = self.op(&format!("arith.select {unsafe_b}, {one}, {b} : {bt}, {ty}"));
        let q = self.op(&format!("arith.divsi {a}, {bs} : {ty}"));
        let r = self.op(&format!("arith.remsi {a}, {bs} : {ty}"));
        let rnz = self.op(&format!("arith.cmpi ne, {r}, {z} : {ty}"));
        let rneg = self.op(&format!("arith.cmpi slt, {r}, {z} : {ty}"));
        let bneg = self.op(&format!("arith.cmpi slt, {bs}, {z} : {ty}"));
        let diff = self.op(&format!("arith.xori {rneg}, {bneg} : {bt}"));
        let adj = self.op(&format!("arith.andi {rnz}, {diff} : {bt}"));
        let qm1 = self.op(&format!("arith.subi {q}, {one} : {ty}"));
        let fq = self.op(&format!("arith.select {adj}, {qm1}, {q} : {bt}, {ty}"));
        let neg = self.op(&format!("arith.subi {z}, {fq} : {ty}"));
        self.op(&format!("arith.select {bm1}, {neg}, {fq} : {bt}, {ty}"))
    }

    /// Stores this statement's number in the error flag when `bad` (i1 with
    /// `w` lanes) holds in any lane under the current `select` guard.
    fn raise_if(&mut self, bad: &str, w: usize) {
        self.err_flag = true;
        let bad = self.under_guard(bad, w);
        let any = if w == 1 {
            bad
        } else {
            self.op(&format!(
                "vector.reduction <or>, {bad} : {} into i1",
                vt("i1", w)
            ))
        };
        let code = self.constant(&(self.stmt + 1).to_string(), "i32");
        let c0 = self.cidx(0);
        self.line(&format!("scf.if {any} {{"));
        self.depth += 1;
        self.line(&format!(
            "memref.store {code}, {ERROR_FLAG}[{c0}] : memref<1xi32>"
        ));
        self.depth -= 1;
        self.line("}");
    }

    /// Rounds an f16 result (computed in f32) to f16: f16 arithmetic is
    /// rounded at each operation, as the contract says.
    fn round_if_f16(&mut self, v: String, d: DType, w: usize) -> String {
        if d == DType::F16 {
            self.round_f16(&v, w)
        } else {
            v
        }
    }

    /// Rounds an f32 compute value to f16 precision.
    fn round_f16(&mut self, x: &str, w: usize) -> String {
        let h = self.op(&format!(
            "arith.truncf {x} : {} to {}",
            vt("f32", w),
            vt("f16", w)
        ));
        self.op(&format!(
            "arith.extf {h} : {} to {}",
            vt("f16", w),
            vt("f32", w)
        ))
    }

    fn cast(&mut self, x: &str, from: DType, to: DType, w: usize) -> String {
        let (fc, tc) = (cty(from), cty(to));
        let (ft, tt) = (vt(fc, w), vt(tc, w));
        let v = match (from.is_float(), to.is_float()) {
            (false, false) => return x.to_string(),
            (true, false) => return self.float_to_int(x, from, w),
            (false, true) => self.op(&format!("arith.sitofp {x} : {ft} to {tt}")),
            // One rounding, f64 straight to f16 (not through f32).
            (true, true) if from == DType::F64 && to == DType::F16 => {
                let h = self.op(&format!("arith.truncf {x} : {ft} to {}", vt("f16", w)));
                return self.op(&format!("arith.extf {h} : {} to {tt}", vt("f16", w)));
            }
            (true, true) if fc == tc => x.to_string(),
            (true, true) if fc == "f32" => self.op(&format!("arith.extf {x} : {ft} to {tt}")),
            (true, true) => self.op(&format!("arith.truncf {x} : {ft} to {tt}")),
        };
        if to == DType::F16 && from != DType::F16 {
            self.round_f16(&v, w)
        } else {
            v
        }
    }

    /// Float to i32 as the contract defines it (Rust's `as`): truncation
    /// toward zero, saturating at the i32 range, NaN to 0. LLVM's `fptosi`
    /// is poison out of range, so only in-range values reach it.
    fn float_to_int(&mut self, x: &str, from: DType, w: usize) -> String {
        // f16 values are computed in f32.
        let fd = if from == DType::F64 {
            DType::F64
        } else {
            DType::F32
        };
        let (ft, it, bt) = (vt(cty(fd), w), vt("i32", w), vt("i1", w));
        let lo_ok = if fd == DType::F64 {
            let lo = self.cval(fd, -2_147_483_649.0, w);
            self.op(&format!("arith.cmpf ogt, {x}, {lo} : {ft}"))
        } else {
            let lo = self.cval(fd, -2_147_483_648.0, w);
            self.op(&format!("arith.cmpf oge, {x}, {lo} : {ft}"))
        };
        let hi = self.cval(fd, 2_147_483_648.0, w);
        let hi_ok = self.op(&format!("arith.cmpf olt, {x}, {hi} : {ft}"));
        let ok = self.op(&format!("arith.andi {lo_ok}, {hi_ok} : {bt}"));
        let fz = self.cval(fd, 0.0, w);
        let xs = self.op(&format!("arith.select {ok}, {x}, {fz} : {bt}, {ft}"));
        let i = self.op(&format!("arith.fptosi {xs} : {ft} to {it}"));
        let pos = self.op(&format!("arith.cmpf ogt, {x}, {fz} : {ft}"));
        let (imax, imin) = (
            self.cval(DType::I32, i32::MAX as f64, w),
            self.cval(DType::I32, i32::MIN as f64, w),
        );
        let sat = self.op(&format!("arith.select {pos}, {imax}, {imin} : {bt}, {it}"));
        let nan = self.op(&format!("arith.cmpf uno, {x}, {x} : {ft}"));
        let iz = self.cval(DType::I32, 0.0, w);
        let sat = self.op(&format!("arith.select {nan}, {iz}, {sat} : {bt}, {it}"));
        self.op(&format!("arith.select {ok}, {i}, {sat} : {bt}, {it}"))
    }
}
