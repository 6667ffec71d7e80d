//! Row mode (CPU): a fused group run row by row in one function, its
//! statements sharing column loops.
//!
//! In the ordinary form each statement of a fused group makes its own pass
//! over the block's rows, so the passes that stream memory (the first read
//! of the input, the non-temporal stores of the output) and the passes that
//! compute (softmax's exp) follow one another and never overlap. In row
//! mode the group's one function walks the block a row at a time, and for
//! each step runs its *stages*: column loops, each shared by the statements
//! that name its first statement in `stage`. A statement's `lag` (-1 to 1)
//! says which row it computes at step t: t - lag. softmax runs as one loop
//! per step: the row max one row ahead (reading memory), exp and the sum at
//! the step's row, the division one row behind (streaming its stores out),
//! so memory traffic and arithmetic overlap the way a copy's reads and
//! writes do. Statements of a fused group read the group's results only at
//! their own row ([`crate::fusable`]), which is what makes running it row
//! by row legal; [`rows_blocker`] checks the rest. A block of fewer rows
//! than the lags span runs row by row in statement order instead.
//!
//! Members of a stage (in statement order): elementwise statements over
//! `[row, column]` (vectorized along the column), row reductions over the
//! column (vectorized along it), or, alone in a stage, a statement of the
//! row only (`q[r] = 1 / s[r]`). A statement reads a row of another's
//! result that an earlier step completed (the other runs further ahead),
//! or that this step completes before it: in an earlier stage, or in its
//! own stage as an elementwise result read at its own point.

use crate::{groups, Schedule, ScheduleError, StmtSchedule, StoreMode, VectorAxis};
use kiln_ir::ir::{Affine, ExprKind, TensorId};
use kiln_ir::Specialized;
use std::ops::Range;

/// What a statement is to a row-mode stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// `t[r, c] = ...`, vectorized along `c`.
    Elementwise,
    /// `t[r] op= ...` over one reduction variable `c`, vectorized along it.
    Reduction,
    /// `t[r] = ...`: one value per row, alone in its stage.
    Scalar,
}

/// The kind of statement `i` under `st`, or why row mode cannot run it.
pub fn row_kind(spec: &Specialized<'_>, i: usize, st: &StmtSchedule) -> Result<RowKind, String> {
    let s = &spec.kernel.stmts[i];
    let (np, nv) = (s.n_parallel, s.vars.len());
    let vectored = st.vector_width >= 2;
    match (np, nv, st.vector) {
        (2, 2, VectorAxis::Parallel) if vectored => Ok(RowKind::Elementwise),
        (1, 2, VectorAxis::Reduction) if vectored => Ok(RowKind::Reduction),
        (1, 1, _) => Ok(RowKind::Scalar),
        _ => Err(
            "row mode runs statements over [row, column] vectorized along the column (at least 2 lanes), row reductions over the column vectorized along it, and statements of the row alone"
                .into(),
        ),
    }
}

/// Whether fused group `g` runs in row mode: a statement of it has `stage`.
pub fn row_mode(sched: &Schedule, g: &Range<usize>) -> bool {
    g.clone().any(|j| sched.stmts[j].stage.is_some())
}

/// The fused group holding statement `i`.
pub fn group_of(sched: &Schedule, i: usize) -> Range<usize> {
    groups(sched)
        .into_iter()
        .find(|g| g.contains(&i))
        .unwrap_or(i..i + 1)
}

/// The statement whose function runs row-mode group `g` (its first
/// statement that is not inlined); the others have no blocks.
pub fn row_runner(sched: &Schedule, g: &Range<usize>) -> Option<usize> {
    g.clone().find(|&j| !sched.stmts[j].inline)
}

/// The first statement of `j`'s stage.
pub fn stage_leader(sched: &Schedule, j: usize) -> usize {
    sched.stmts[j].stage.unwrap_or(j)
}

/// The stages of row-mode group `g` in the order they run each step: each
/// the (statement, lag) of its members in statement order.
pub fn row_stages(sched: &Schedule, g: &Range<usize>) -> Vec<Vec<(usize, i8)>> {
    let members: Vec<usize> = g.clone().filter(|&j| !sched.stmts[j].inline).collect();
    members
        .iter()
        .filter(|&&j| stage_leader(sched, j) == j)
        .map(|&lead| {
            members
                .iter()
                .filter(|&&j| stage_leader(sched, j) == lead)
                .map(|&j| (j, sched.stmts[j].lag))
                .collect()
        })
        .collect()
}

/// A read of statement `j`: the tensor, its index, and whether it is made
/// by an inlined temporary's expression that `j` evaluates.
type Read = (TensorId, Vec<Affine>, bool);

/// Whether a read of `p`'s result with `index` is at the reader's own
/// point (`[row, column]`, not through an inlined temporary) of an
/// elementwise `p`: what a stage's member may read of another member.
fn point_read(
    spec: &Specialized<'_>,
    sched: &Schedule,
    p: usize,
    index: &[Affine],
    via: bool,
) -> bool {
    !via && row_kind(spec, p, &sched.stmts[p]) == Ok(RowKind::Elementwise)
        && index.len() == 2
        && index[0].as_plain() == Some(0)
        && index[1].as_plain() == Some(1)
}

/// Every read statement `j` makes, through inlined temporaries too.
fn reads_of(spec: &Specialized<'_>, sched: &Schedule, j: usize, via: bool, out: &mut Vec<Read>) {
    let k = spec.kernel;
    let mut direct = Vec::new();
    k.walk(k.stmts[j].value, &mut |_, e| {
        if let ExprKind::Read { tensor, index } = &e.kind {
            direct.push((*tensor, index.clone()));
        }
    });
    for (t, index) in direct {
        let inlined = (0..j).find(|&d| sched.stmts[d].inline && k.stmts[d].target == t);
        match inlined {
            Some(d) => reads_of(spec, sched, d, true, out),
            None => out.push((t, index, via)),
        }
    }
}

/// Why `sched` cannot run fused group `g` in row mode, as (statement,
/// field, message); `None` when it can (or the group is not in row mode).
pub fn rows_blocker(
    spec: &Specialized<'_>,
    sched: &Schedule,
    g: &Range<usize>,
    gpu: bool,
) -> Option<(usize, &'static str, String)> {
    if !row_mode(sched, g) {
        return None;
    }
    let k = spec.kernel;
    let st = |j: usize| &sched.stmts[j];
    let first = g
        .clone()
        .find(|&j| st(j).stage.is_some())
        .unwrap_or(g.start);
    if gpu {
        return Some((first, "stage", "CPU-only".into()));
    }
    if g.len() < 2 {
        return Some((
            first,
            "stage",
            "row mode runs a fused group (`fuse`)".into(),
        ));
    }
    let members: Vec<usize> = g.clone().filter(|&j| !st(j).inline).collect();
    for j in g.clone() {
        if st(j).inline && (st(j).stage.is_some() || st(j).lag != 0) {
            return Some((
                j,
                "stage",
                "an inlined statement has no loop of its own".into(),
            ));
        }
    }
    let mut kinds = Vec::new();
    for &j in &members {
        let s = st(j);
        if let Some(l) = s.stage {
            if !members.contains(&l) || l > j || stage_leader(sched, l) != l {
                return Some((
                    j,
                    "stage",
                    format!("{l} is not the first statement of a stage of this fused group at or before statement {j}"),
                ));
            }
        }
        if !(-1..=1).contains(&s.lag) {
            return Some((j, "lag", format!("{} is outside -1..=1", s.lag)));
        }
        let bad = |field: &'static str, what: &str| {
            Some((j, field, format!("{what} in a row-mode group")))
        };
        if s.epilogue {
            return bad("epilogue", "no epilogue");
        }
        if s.pack {
            return bad("pack", "no packing");
        }
        if s.reduction_tile > 0 {
            return bad("reduction_tile", "must be 0");
        }
        if s.unroll > 1 {
            return bad("unroll", "must be 1");
        }
        if s.rows > 1 {
            return bad("rows", "must be 1 (rows run one at a time)");
        }
        match row_kind(spec, j, s) {
            Ok(kind) => kinds.push((j, kind)),
            Err(why) => return Some((j, "stage", why)),
        }
    }
    let kind = |j: usize| kinds.iter().find(|(x, _)| *x == j).map(|(_, k)| *k);
    let stages = row_stages(sched, g);
    let stage_no = |j: usize| stages.iter().position(|s| s.iter().any(|(x, _)| *x == j));
    for stage in &stages {
        let lead = stage[0].0;
        if kind(lead) == Some(RowKind::Scalar) {
            if stage.len() > 1 {
                return Some((stage[1].0, "stage", format!("statement {lead} computes one value per row: it has no column loop to share")));
            }
            if st(lead).store != StoreMode::Plain {
                return Some((
                    lead,
                    "store",
                    "a statement of the row alone stores one value per row".into(),
                ));
            }
            continue;
        }
        let mut chooser: Option<usize> = None;
        for &(j, _) in stage {
            if kind(j) == Some(RowKind::Scalar) && j != lead {
                return Some((
                    j,
                    "stage",
                    "a statement of the row alone is a stage of its own".into(),
                ));
            }
            let (a, b) = (st(lead), st(j));
            if spec.domain(j)[1] != spec.domain(lead)[1] {
                return Some((j, "stage", format!("its columns differ from those of statement {lead}, whose loop it would share")));
            }
            for (field, want, got) in [
                ("vector_width", a.vector_width, b.vector_width),
                ("vectors", a.vectors, b.vectors),
            ] {
                if want != got {
                    let why =
                        format!("must be statement {lead}'s ({want}): they share a column loop");
                    return Some((j, field, why));
                }
            }
            if b.store != StoreMode::Plain {
                if let Some(c) = chooser {
                    return Some((j, "store", format!("one statement per stage aligns the shared columns to its stores, and statement {c} does")));
                }
                chooser = Some(j);
            }
        }
    }
    for &j in &members {
        let mut reads = Vec::new();
        reads_of(spec, sched, j, false, &mut reads);
        for (t, index, via) in reads {
            let Some(&p) = members.iter().find(|&&p| k.stmts[p].target == t) else {
                continue;
            };
            if p == j {
                continue;
            }
            // Step t computes row t - lag: p's row is complete when p runs
            // further ahead, or runs it in this step before j does.
            let (lp, lj) = (st(p).lag, st(j).lag);
            if lp < lj {
                continue;
            }
            let (sp, sj) = (stage_no(p), stage_no(j));
            let at_point = p < j && point_read(spec, sched, p, &index, via);
            if lp == lj && (sp < sj || (sp == sj && at_point)) {
                continue;
            }
            return Some((
                j,
                if lp > lj { "lag" } else { "stage" },
                format!("reads the results of statement {p} before they are complete: a statement reads another's rows from an earlier step (a smaller `lag`), an earlier stage, or its own stage's elementwise result at its own point"),
            ));
        }
    }
    None
}

impl Schedule {
    /// Puts every fused group whose output streams from memory into row
    /// mode (CPU): the group's output statement a row behind in the first
    /// statement's stage (the one reading memory), so the output's stores
    /// and the input's reads overlap as a copy's do; the statements between
    /// join the previous stage where they can (softmax's sum shares the exp
    /// loop), and run from cache. Blocks grow to 16 rows, so that the steps
    /// where not every statement runs (each block's first and last) are
    /// few. Groups it cannot run are left as they were. (Measured on a
    /// 2-core Zen 4 at 4096^2: one stage for the whole group, the row
    /// statistic a row ahead, was as fast for softmax and 13% slower for
    /// layernorm, its three rows of `x` in flight no longer fitting L1.)
    pub fn mark_rows(&mut self, spec: &Specialized<'_>, l2: usize) {
        self.mark_rows_where(spec, l2, true);
    }

    /// [`Schedule::mark_rows`] for every fused group it can run, whether
    /// or not its output streams (the tuner's `rows` knob); returns whether
    /// a group changed.
    pub fn mark_rows_all(&mut self, spec: &Specialized<'_>, l2: usize) -> bool {
        self.mark_rows_where(spec, l2, false)
    }

    fn mark_rows_where(&mut self, spec: &Specialized<'_>, l2: usize, streaming: bool) -> bool {
        let mut changed = false;
        for g in groups(self) {
            let before = self.clone();
            if self.try_rows(spec, &g, l2, streaming) {
                changed = true;
            } else {
                *self = before;
            }
        }
        changed
    }

    fn try_rows(
        &mut self,
        spec: &Specialized<'_>,
        g: &Range<usize>,
        l2: usize,
        streaming: bool,
    ) -> bool {
        let k = spec.kernel;
        let members: Vec<usize> = g.clone().filter(|&j| !self.stmts[j].inline).collect();
        let Some(&last) = members.last() else {
            return false;
        };
        if g.len() < 2
            || members.len() < 2
            || (streaming && self.stmts[last].store != StoreMode::Stream)
        {
            return false;
        }
        // Every member vectorized along the columns at the first one's
        // width, two vectors per step.
        let width = members
            .iter()
            .map(|&j| self.stmts[j].vector_width)
            .find(|&w| w >= 2)
            .unwrap_or(0);
        for &j in &members {
            let axes = crate::legal_axes(spec, j);
            let s = &mut self.stmts[j];
            if s.epilogue {
                return false;
            }
            // Row mode has no packing or reduction chunks (one row a step).
            s.pack = false;
            s.reduction_tile = 0;
            let (np, nv) = (k.stmts[j].n_parallel, k.stmts[j].vars.len());
            let axis = match (np, nv) {
                (2, 2) => Some(VectorAxis::Parallel),
                (1, 2) => Some(VectorAxis::Reduction),
                _ => None,
            };
            if let Some(a) = axis {
                if !axes.contains(&a) || width < 2 {
                    return false;
                }
                s.vector = a;
                s.vector_width = width;
                s.vectors = 2;
            }
            s.rows = 1;
            s.unroll = 1;
            s.stage = Some(j);
            s.lag = 0;
        }
        let ok = |s: &Schedule| rows_blocker(spec, s, g, false).is_none();
        if !ok(self) {
            return false;
        }
        // Between the first and the last, join the previous stage if legal.
        for n in 1..members.len() - 1 {
            let (j, prev) = (members[n], members[n - 1]);
            let mut trial = self.clone();
            trial.stmts[j].stage = Some(stage_leader(self, prev));
            if ok(&trial) {
                *self = trial;
            }
        }
        let first = members[0];
        if row_kind(spec, last, &self.stmts[last]) != Ok(RowKind::Elementwise) {
            return false;
        }
        self.stmts[last].stage = Some(first);
        self.stmts[last].lag = 1;
        for &j in &members {
            if j != last && stage_leader(self, j) == first {
                self.stmts[j].store = StoreMode::Plain;
            }
        }
        if !ok(self) {
            return false;
        }
        // 16-row blocks while the block-local temporaries fit half of L2
        // and every core keeps two blocks.
        let rows = spec.domain(g.start)[0];
        let temp_row: usize = crate::local_temps(spec, self)
            .iter()
            .filter(|(t, _)| members.iter().any(|&j| k.stmts[j].target == *t))
            .map(|(t, shape)| {
                shape[1..].iter().product::<usize>() * k.tensors[*t].dtype.size_bytes()
            })
            .sum();
        let l2 = if l2 > 0 { l2 } else { 1 << 20 };
        let mut t0 = self.stmts[g.start].tile[0];
        while t0 < 16
            && (2 * t0) * temp_row <= l2 / 2
            && rows.div_ceil(2 * t0) >= 2 * self.threads.max(1)
        {
            t0 *= 2;
        }
        for j in g.clone() {
            self.stmts[j].tile[0] = t0;
        }
        // Members that prefetch fetch four rows ahead (the rows arrive a
        // step at a time now), the first one too: on a 2-core Zen 4 the
        // 60-second tunes of softmax, layernorm and rmsnorm at 4096^2 all
        // chose it over 4 KiB ahead.
        for &j in &members {
            let row = spec.domain(j)[1];
            let p = &mut self.stmts[j].prefetch;
            if *p > 0 {
                *p = (4 * row).min(crate::MAX_PREFETCH);
            }
        }
        ok(self)
    }
}

impl Schedule {
    /// Puts fused groups into row mode with random stages and lags (for
    /// tests and the fuzzer): a few tries per group, kept when the whole
    /// schedule validates.
    pub fn random_rows(
        &mut self,
        spec: &Specialized<'_>,
        dev: &crate::DeviceLimits,
        rng: &mut impl rand::Rng,
    ) {
        for g in groups(self) {
            let members: Vec<usize> = g.clone().filter(|&j| !self.stmts[j].inline).collect();
            if members.len() < 2 {
                continue;
            }
            for _ in 0..8 {
                let mut trial = self.clone();
                let mut leaders: Vec<usize> = Vec::new();
                for &j in &members {
                    let s = &mut trial.stmts[j];
                    s.rows = 1;
                    s.unroll = 1;
                    s.reduction_tile = 0;
                    s.pack = false;
                    let lead = match leaders.last() {
                        Some(&l) if rng.gen_bool(0.6) => l,
                        _ => {
                            leaders.push(j);
                            j
                        }
                    };
                    s.stage = Some(lead);
                }
                // Each statement at the earliest step its reads allow (or
                // sometimes one later), starting a row ahead or at the step.
                let base: i8 = rng.gen_range(-1..=0);
                for (n, &j) in members.iter().enumerate() {
                    let mut reads = Vec::new();
                    reads_of(spec, &trial, j, false, &mut reads);
                    let k = spec.kernel;
                    let mut lag = base;
                    for (t, index, via) in reads {
                        let Some(&p) = members[..n].iter().find(|&&p| k.stmts[p].target == t)
                        else {
                            continue;
                        };
                        let same = stage_leader(&trial, p) == stage_leader(&trial, j);
                        let point = point_read(spec, &trial, p, &index, via);
                        let earlier_stage = !same
                            && leaders.iter().position(|&l| l == stage_leader(&trial, p))
                                < leaders.iter().position(|&l| l == stage_leader(&trial, j));
                        let at_equal = earlier_stage || (same && point);
                        lag = lag.max(trial.stmts[p].lag + if at_equal { 0 } else { 1 });
                    }
                    if lag < 1 && rng.gen_bool(0.2) {
                        lag += 1;
                    }
                    trial.stmts[j].lag = lag;
                }
                // A stage shares its first statement's vectors (vectorized
                // along the columns); one of its elementwise statements may
                // keep its store mode.
                for &j in &members {
                    let s = &spec.kernel.stmts[j];
                    let st = &mut trial.stmts[j];
                    match (s.n_parallel, s.vars.len()) {
                        (2, 2) => st.vector = VectorAxis::Parallel,
                        (1, 2) => st.vector = VectorAxis::Reduction,
                        _ => {}
                    }
                    if st.vector != VectorAxis::None && st.vector_width < 2 {
                        st.vector_width = 4;
                    }
                }
                for &j in &members {
                    let lead = stage_leader(&trial, j);
                    let (w, v) = (trial.stmts[lead].vector_width, trial.stmts[lead].vectors);
                    let chooser = members.iter().find(|&&m| {
                        stage_leader(&trial, m) == lead && !trial.stmts[m].store.is_plain()
                    });
                    let st = &mut trial.stmts[j];
                    st.vector_width = w;
                    st.vectors = v;
                    if chooser.is_some_and(|&c| c != j) {
                        st.store = StoreMode::Plain;
                    }
                }
                if trial.validate(spec, dev).is_ok() {
                    *self = trial;
                    break;
                }
            }
        }
    }
}

/// Validation of the row-mode fields, naming the field.
pub(crate) fn validate_rows(
    spec: &Specialized<'_>,
    sched: &Schedule,
    gpu: bool,
) -> Result<(), ScheduleError> {
    for (j, st) in sched.stmts.iter().enumerate() {
        if st.lag != 0 && st.stage.is_none() {
            return Err(crate::err(format!("stmts[{j}].lag"), "needs `stage`"));
        }
    }
    for g in groups(sched) {
        if let Some((j, field, message)) = rows_blocker(spec, sched, &g, gpu) {
            return Err(crate::err(format!("stmts[{j}].{field}"), message));
        }
    }
    Ok(())
}
