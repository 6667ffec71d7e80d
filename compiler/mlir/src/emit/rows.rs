//! Row mode (CPU; see `kiln_schedule::rows`): a fused group as one
//! function over its row blocks. Each step t of a block runs the group's
//! stages in order; a stage is one loop over the columns shared by its
//! members, each at row t - lag. A stage's columns are split where its one
//! storing-mode member (`store` aligned or stream) wants them: a masked
//! vector up to that member's first aligned address, full groups of
//! `vectors` vectors, whole vectors, and a masked last vector; the other
//! members store plainly and their reductions take masked lanes through a
//! select, so every member sees every column once. The block's first and
//! last steps run only the members whose rows are inside the block:
//!
//! ```text
//! softmax, default (one stage):        for a block of rows lo..hi:
//!   m[r] max= x[r, c]      lag -1        t = lo - 1: m
//!   e[r, c] = exp(x - m)   lag 0         t = lo:     m, e, s
//!   s[r] += e[r, c]        lag 0         t in lo+1..hi-1: all
//!   y[r, c] = e / s[r]     lag 1         t = hi - 1: e, s, y;  t = hi: y
//! ```
//!
//! A block with fewer rows than the lags span (one row, lags -1 to 1) runs
//! each row's statements in statement order, each alone in its loop.

use super::{cty, vt, FnEmitter, VarVal};
use kiln_ir::ast::AssignOp;
use kiln_schedule::{RowKind, Schedule, StoreMode};

/// A stage member at the row being emitted.
struct Member {
    stmt: usize,
    /// Its row (an `index` value: the row, or the row before for `lag`).
    row: String,
    kind: RowKind,
}

impl<'a> FnEmitter<'a, '_> {
    /// Emits row-mode group `g` as this statement's function (it is the
    /// group's first statement that is not inlined).
    pub(super) fn row_function(&mut self, sched: &'a Schedule, g: std::ops::Range<usize>) {
        let stages = kiln_schedule::row_stages(sched, &g);
        let runner = self.stmt;
        for &(m, _) in stages.iter().flatten() {
            self.add_args_of(m);
            for d in kiln_schedule::inlined_into(self.spec, sched, m) {
                self.add_args_of(d);
            }
        }
        let one = self.cidx(1);
        let (b, _, _) = self.for_open("%blo", "%bhi", &one, &[]);
        let tc = self.cidx(self.st.tile[0] as i64);
        let lo = self.op(&format!("arith.muli {b}, {tc} : index"));
        let end = self.op(&format!("arith.addi {lo}, {tc} : index"));
        let e = self.cidx(self.spec.domain(runner)[0] as i64);
        let hi = self.op(&format!("arith.minui {end}, {e} : index"));
        self.row0 = lo.clone();
        let lags: Vec<i8> = stages.iter().flatten().map(|&(_, l)| l).collect();
        let (min, max) = (
            *lags.iter().min().unwrap_or(&0),
            *lags.iter().max().unwrap_or(&0),
        );
        let spread = (max - min) as usize;
        if spread >= 2 {
            // Blocks of fewer rows than the lags span: row by row, in
            // statement order.
            let n = self.op(&format!("arith.subi {hi}, {lo} : index"));
            let sc = self.cidx(spread as i64);
            let small = self.op(&format!("arith.cmpi ult, {n}, {sc} : index"));
            self.line(&format!("scf.if {small} {{"));
            self.depth += 1;
            let single: Vec<Vec<(usize, i8)>> = stages
                .iter()
                .flatten()
                .map(|&(m, _)| vec![(m, 0)])
                .collect::<Vec<_>>();
            let mut single = single;
            single.sort_by_key(|v| v[0].0);
            let (r, _, _) = self.for_open(&lo, &hi, &one, &[]);
            self.row_step(sched, &single, &r, &|_| true);
            self.for_close(&[], &[]);
            self.depth -= 1;
            self.line("} else {");
            self.depth += 1;
            self.row_pieces(sched, &stages, (&lo, &hi), (min, max));
            self.depth -= 1;
            self.line("}");
        } else {
            self.row_pieces(sched, &stages, (&lo, &hi), (min, max));
        }
        self.for_close(&[], &[]);
        if self.streamed {
            self.line("llvm.fence seq_cst");
        }
        self.start_stmt(runner, &sched.stmts[runner]);
    }

    /// The steps of a block of rows `lo..hi` (at least `max - min`): step t
    /// runs the members whose row t - lag is inside the block; the steps
    /// where all do are one loop.
    fn row_pieces(
        &mut self,
        sched: &'a Schedule,
        stages: &[Vec<(usize, i8)>],
        (lo, hi): (&str, &str),
        (min, max): (i8, i8),
    ) {
        let one = self.cidx(1);
        // Step t = lo + k: a member runs iff lo <= lo + k - lag < hi.
        let at = |s: &mut Self, base: &str, k: i64| -> String {
            match k {
                0 => base.to_string(),
                k if k > 0 => {
                    let c = s.cidx(k);
                    s.op(&format!("arith.addi {base}, {c} : index"))
                }
                k => {
                    let c = s.cidx(-k);
                    s.op(&format!("arith.subi {base}, {c} : index"))
                }
            }
        };
        // Ramp-up: steps lo + min .. lo + max (members with lag <= k - ... start).
        for k in min..max {
            let t = at(self, lo, k as i64);
            self.row_step(sched, stages, &t, &|lag| lag <= k);
        }
        let first = at(self, lo, max as i64);
        let last = at(self, hi, min as i64);
        let (t, _, _) = self.for_open(&first, &last, &one, &[]);
        self.row_step(sched, stages, &t, &|_| true);
        self.for_close(&[], &[]);
        // Ramp-down: steps hi + min .. hi + max.
        for k in min..max {
            let t = at(self, hi, k as i64);
            self.row_step(sched, stages, &t, &|lag| lag > k);
        }
    }

    /// The stages of step `t` (each member at row t - lag), for the members
    /// whose lag `runs` accepts.
    fn row_step(
        &mut self,
        sched: &'a Schedule,
        stages: &[Vec<(usize, i8)>],
        t: &str,
        runs: &dyn Fn(i8) -> bool,
    ) {
        let mut rows: Vec<(i8, String)> = Vec::new();
        for stage in stages {
            let mut members = Vec::new();
            for &(m, lag) in stage {
                if !runs(lag) {
                    continue;
                }
                let row = match rows.iter().find(|(l, _)| *l == lag) {
                    Some((_, r)) => r.clone(),
                    None => {
                        let r = match lag {
                            0 => t.to_string(),
                            l if l > 0 => {
                                let c = self.cidx(l as i64);
                                self.op(&format!("arith.subi {t}, {c} : index"))
                            }
                            l => {
                                let c = self.cidx(-(l as i64));
                                self.op(&format!("arith.addi {t}, {c} : index"))
                            }
                        };
                        rows.push((lag, r.clone()));
                        r
                    }
                };
                let kind = kiln_schedule::rows::row_kind(self.spec, m, &sched.stmts[m])
                    .expect("validated row-mode member");
                members.push(Member { stmt: m, row, kind });
            }
            match members.first() {
                None => {}
                Some(m) if m.kind == RowKind::Scalar => {
                    self.start_stmt(m.stmt, &sched.stmts[m.stmt]);
                    let p = vec![Some(row_val(&m.row))];
                    let v = self.expr(self.spec.kernel.stmts[m.stmt].value, &p, 1);
                    self.store(&p, &v, 1);
                }
                Some(_) => self.stage_loop(sched, &members),
            }
        }
    }

    /// One stage's loop over the columns.
    fn stage_loop(&mut self, sched: &'a Schedule, members: &[Member]) {
        let k = self.spec.kernel;
        let lead = &sched.stmts[members[0].stmt];
        let (w, nv) = (lead.vector_width, lead.vectors);
        let outer = std::mem::take(&mut self.hoisted);
        let mut accs = Vec::new();
        let mut tys = Vec::new();
        for m in members {
            self.start_stmt(m.stmt, &sched.stmts[m.stmt]);
            self.hoist_more(&[vec![Some(row_val(&m.row)), None]], &[1]);
            if m.kind == RowKind::Reduction {
                let d = self.target_dtype();
                for _ in 0..nv {
                    accs.push(self.cval(d, k.stmts[m.stmt].op.identity(d), w));
                    tys.push(vt(cty(d), w));
                }
            }
        }
        let c0 = self.cidx(0);
        let ce = self.cidx(self.spec.domain(members[0].stmt)[1] as i64);
        let aligner = members
            .iter()
            .find(|m| sched.stmts[m.stmt].store != StoreMode::Plain);
        let start = match aligner {
            Some(m) => {
                self.start_stmt(m.stmt, &sched.stmts[m.stmt]);
                let env = [Some(row_val(&m.row)), None];
                self.aligned_start(1, &c0, &ce, &env)
            }
            None => c0.clone(),
        };
        let aligner = aligner.map(|m| (m.stmt, sched.stmts[m.stmt].store == StoreMode::Stream));
        accs = self.stage_masked(sched, members, &c0, &start, accs, nv, w);
        let full = self.full_end(&start, &ce, nv * w);
        accs = self.stage_vectors(sched, members, (&start, &full), nv, accs, &tys, aligner);
        let whole = if nv > 1 {
            let whole = self.full_end(&full, &ce, w);
            accs = self.stage_vectors(sched, members, (&full, &whole), 1, accs, &tys, aligner);
            whole
        } else {
            full
        };
        let rest = self.op(&format!("arith.subi {ce}, {whole} : index"));
        accs = self.stage_masked(sched, members, &whole, &rest, accs, nv, w);
        let mut at = 0;
        for m in members.iter().filter(|m| m.kind == RowKind::Reduction) {
            self.start_stmt(m.stmt, &sched.stmts[m.stmt]);
            let op = k.stmts[m.stmt].op;
            let mut v = accs[at].clone();
            for a in &accs[at + 1..at + nv] {
                v = self.combine(op, &v, a, w);
            }
            at += nv;
            let total = self.horizontal(op, &v, w);
            self.store(&[Some(row_val(&m.row))], &total, 1);
        }
        self.hoisted = outer;
    }

    /// The `n` (< w) columns from `col` as one masked vector of every
    /// member; reductions keep their accumulators in the masked-off lanes.
    #[allow(clippy::too_many_arguments)]
    fn stage_masked(
        &mut self,
        sched: &'a Schedule,
        members: &[Member],
        col: &str,
        n: &str,
        mut accs: Vec<String>,
        nv: usize,
        w: usize,
    ) -> Vec<String> {
        let mask = self.op(&format!("vector.create_mask {n} : {}", vt("i1", w)));
        // Masked-off lanes compute on zeros: divisions there raise nothing.
        let outer = self.guard.replace(mask.clone());
        self.mask = Some(mask.clone());
        let mut at = 0;
        for m in members {
            self.start_stmt(m.stmt, &sched.stmts[m.stmt]);
            let p = vec![Some(row_val(&m.row)), Some(lanes_at(col))];
            if m.kind == RowKind::Elementwise {
                let v = self.expr(self.spec.kernel.stmts[m.stmt].value, &p, w);
                self.store(&p, &v, w);
            } else {
                let next = self.accumulate(&accs[at], &p, w);
                let ty = vt(cty(self.target_dtype()), w);
                accs[at] = self.op(&format!(
                    "arith.select {mask}, {next}, {} : {}, {ty}",
                    accs[at],
                    vt("i1", w)
                ));
                at += nv;
            }
        }
        self.mask = None;
        self.guard = outer;
        accs
    }

    /// Columns `a..b` in steps of `nv` vectors, every member at each;
    /// `aligner`: the member whose vector stores are aligned there (and
    /// non-temporal when its flag is set).
    #[allow(clippy::too_many_arguments)]
    fn stage_vectors(
        &mut self,
        sched: &'a Schedule,
        members: &[Member],
        (a, b): (&str, &str),
        nv: usize,
        accs: Vec<String>,
        tys: &[String],
        aligner: Option<(usize, bool)>,
    ) -> Vec<String> {
        let w = sched.stmts[members[0].stmt].vector_width;
        let per = sched.stmts[members[0].stmt].vectors;
        let step = self.cidx((nv * w) as i64);
        let iters: Vec<(String, String)> = accs.iter().cloned().zip(tys.iter().cloned()).collect();
        let (iv, mut cur, res) = self.for_open(a, b, &step, &iters);
        let mut at = 0;
        for m in members {
            self.start_stmt(m.stmt, &sched.stmts[m.stmt]);
            for ni in 0..nv {
                let base = self.add_const(&iv, ni * w);
                let p = vec![Some(row_val(&m.row)), Some(lanes_at(&base))];
                if m.kind == RowKind::Elementwise {
                    let v = self.expr(self.spec.kernel.stmts[m.stmt].value, &p, w);
                    self.aligned = aligner.and_then(|(s, nt)| (s == m.stmt).then_some(nt));
                    self.store(&p, &v, w);
                    self.aligned = None;
                } else {
                    cur[at + ni] = self.accumulate(&cur[at + ni].clone(), &p, w);
                }
            }
            if m.kind == RowKind::Reduction {
                at += per;
            }
        }
        self.for_close(&cur, tys);
        (0..accs.len()).map(|i| format!("{res}#{i}")).collect()
    }

    /// The horizontal reduction of a vector accumulator with `op`.
    pub(super) fn horizontal(&mut self, op: AssignOp, v: &str, w: usize) -> String {
        let d = self.target_dtype();
        if w == 1 {
            return v.to_string();
        }
        let kind = match (op, d.is_float()) {
            (AssignOp::Mul, _) => "mul",
            (AssignOp::Max, true) => "maximumf",
            (AssignOp::Min, true) => "minimumf",
            (AssignOp::Max, false) => "maxsi",
            (AssignOp::Min, false) => "minsi",
            _ => "add",
        };
        let fm = if d.is_float() {
            " fastmath<reassoc>"
        } else {
            ""
        };
        let (vty, sty) = (vt(cty(d), w), cty(d));
        self.op(&format!(
            "vector.reduction <{kind}>, {v}{fm} : {vty} into {sty}"
        ))
    }
}

fn row_val(row: &str) -> VarVal {
    VarVal {
        base: row.to_string(),
        lanes: false,
    }
}

fn lanes_at(col: &str) -> VarVal {
    VarVal {
        base: col.to_string(),
        lanes: true,
    }
}
