//! Random kernels for the differential fuzzer.
//!
//! A generated kernel is a small tree ([`Kernel`]) that renders to kiln
//! source: 1-3 inputs and 1-4 statements over the size symbols `N M K`,
//! with temporaries, several outputs, every reduction operator, every
//! dtype, every operator, builtin and conversion, `select`s, i32
//! divisions (raw, so that division by zero happens, or guarded), affine
//! (reversed) reads, index variables and sizes as values.
//!
//! The contract lets compiled code differ from the oracle in two ways only:
//! builtins (`exp log sqrt rsqrt tanh sigmoid pow`) and float `/` may be
//! a few ulps off, and reductions may be reassociated. The generator keeps
//! those differences below the comparison tolerance by tracking, for every
//! expression, whether it is *exact* (every path computes the same bits:
//! `+ - *`, conversions, `abs max min`, `select` and reads of exact data,
//! all rounded at each operation) and a bound on its magnitude:
//! comparisons and float-to-int conversions take exact operands only (a
//! one-ulp difference must not flip a branch or a truncation), so does
//! widening (an f32 builtin's ulp is far beyond f64's tolerance), inexact
//! values stay below [`INEXACT_BOUND`] (so their absolute error stays far
//! below the tolerance), and float `+=` reductions sum at most
//! [`SUM_BOUND`] in magnitude.

use kiln_ir::DType;
use rand::seq::SliceRandom;
use rand::Rng;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Largest magnitude an inexact value may have.
pub const INEXACT_BOUND: f64 = 64.0;
/// Largest `terms x term bound` of a float `+=` reduction.
pub const SUM_BOUND: f64 = 1200.0;
/// Size symbols, in order.
pub const SYMBOLS: [&str; 3] = ["N", "M", "K"];
/// Sizes drawn for the symbols: ones, primes, powers of two and neighbours.
pub const SIZES: [i64; 14] = [1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 17, 31, 32, 33];

/// A tensor of the kernel: an input, an output or a temporary.
#[derive(Clone, Debug)]
pub struct Tensor {
    /// Its name in the source.
    pub name: String,
    /// Element type.
    pub dtype: DType,
    /// Dimensions as indices into [`SYMBOLS`]; empty for a scalar.
    pub dims: Vec<usize>,
    /// Written by no statement.
    pub input: bool,
    /// Declared as an output.
    pub output: bool,
    /// Every path computes the same bits for it.
    pub exact: bool,
    /// Bound on its magnitude.
    pub bound: f64,
}

/// One index of a read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ix {
    /// `v`.
    Plain(usize),
    /// `SYM - 1 - v`: reversed.
    Rev(usize),
}

/// An expression node.
#[derive(Clone, Debug)]
pub enum Expr {
    /// A literal, as written.
    Lit(String),
    /// `t[ix, ...]` (a scalar or rank-0 tensor: `t`).
    Read(usize, Vec<Ix>),
    /// Index variable as an i32 value.
    Var(usize),
    /// Size symbol as an i32 value.
    Size(usize),
    /// `-a`.
    Neg(Box<Node>),
    /// `a op b`, op one of `+ - * /`.
    Bin(char, Box<Node>, Box<Node>),
    /// `f(args)`.
    Call(&'static str, Vec<Node>),
    /// `select(l cmp r, then, else)`.
    Select(&'static str, Box<[Node; 4]>),
    /// `dtype(a)`.
    Cast(Box<Node>),
}

/// A typed expression with what the generator knows about its value.
#[derive(Clone, Debug)]
pub struct Node {
    /// The expression.
    pub e: Expr,
    /// Its type.
    pub ty: DType,
    /// Every path computes the same bits.
    pub exact: bool,
    /// Bound on its magnitude (may be infinite for exact values).
    pub bound: f64,
}

/// One statement.
#[derive(Clone, Debug)]
pub struct Stmt {
    /// Target tensor.
    pub target: usize,
    /// `=`, `+=`, `*=`, `max=` or `min=`.
    pub op: &'static str,
    /// Variables (name, symbol): parallel ones first.
    pub vars: Vec<(String, usize)>,
    /// Parallel variables (the target's rank).
    pub n_parallel: usize,
    /// The right side.
    pub value: Node,
}

/// A generated kernel.
#[derive(Clone, Debug)]
pub struct Kernel {
    /// Tensors: inputs first (declaration order), then statement targets.
    pub tensors: Vec<Tensor>,
    /// Statements in order.
    pub stmts: Vec<Stmt>,
}

/// A kernel with the sizes to run it at.
#[derive(Clone, Debug)]
pub struct Case {
    /// The kernel.
    pub kernel: Kernel,
    /// Value of each size symbol.
    pub sizes: BTreeMap<String, i64>,
}

fn name_ty(d: DType) -> &'static str {
    match d {
        DType::F16 => "f16",
        DType::F32 => "f32",
        DType::F64 => "f64",
        DType::I32 => "i32",
    }
}

impl Kernel {
    /// The kernel as kiln source, named `fuzz`.
    pub fn source(&self) -> String {
        let decl = |t: &Tensor| {
            if t.dims.is_empty() {
                format!("{}: {}", t.name, name_ty(t.dtype))
            } else {
                let d: Vec<&str> = t.dims.iter().map(|&s| SYMBOLS[s]).collect();
                format!("{}: {}[{}]", t.name, name_ty(t.dtype), d.join(", "))
            }
        };
        let ins: Vec<String> = self.tensors.iter().filter(|t| t.input).map(decl).collect();
        let outs: Vec<String> = self.tensors.iter().filter(|t| t.output).map(decl).collect();
        let mut s = format!(
            "kernel fuzz({}) -> ({}) {{\n",
            ins.join(", "),
            outs.join(", ")
        );
        for st in &self.stmts {
            let t = &self.tensors[st.target];
            let lhs = if st.n_parallel == 0 {
                t.name.clone()
            } else {
                let v: Vec<&str> = st.vars[..st.n_parallel]
                    .iter()
                    .map(|(n, _)| n.as_str())
                    .collect();
                format!("{}[{}]", t.name, v.join(", "))
            };
            let _ = writeln!(s, "    {lhs} {} {};", st.op, self.render(st, &st.value));
        }
        s.push_str("}\n");
        s
    }

    fn render(&self, st: &Stmt, n: &Node) -> String {
        match &n.e {
            Expr::Lit(l) => l.clone(),
            Expr::Read(t, ix) => {
                let t = &self.tensors[*t];
                if ix.is_empty() {
                    return t.name.clone();
                }
                let ix: Vec<String> = ix
                    .iter()
                    .map(|i| match *i {
                        Ix::Plain(v) => st.vars[v].0.clone(),
                        Ix::Rev(v) => format!("{} - 1 - {}", SYMBOLS[st.vars[v].1], st.vars[v].0),
                    })
                    .collect();
                format!("{}[{}]", t.name, ix.join(", "))
            }
            Expr::Var(v) => st.vars[*v].0.clone(),
            Expr::Size(s) => SYMBOLS[*s].to_string(),
            Expr::Neg(a) => format!("-({})", self.render(st, a)),
            Expr::Bin(op, a, b) => {
                format!("({} {op} {})", self.render(st, a), self.render(st, b))
            }
            Expr::Call(f, args) => {
                let a: Vec<String> = args.iter().map(|x| self.render(st, x)).collect();
                format!("{f}({})", a.join(", "))
            }
            Expr::Select(cmp, x) => format!(
                "select({} {cmp} {}, {}, {})",
                self.render(st, &x[0]),
                self.render(st, &x[1]),
                self.render(st, &x[2]),
                self.render(st, &x[3])
            ),
            Expr::Cast(a) => format!("{}({})", name_ty(n.ty), self.render(st, a)),
        }
    }
}

impl Case {
    /// `M=3, N=5` form of the sizes.
    pub fn sizes_text(&self) -> String {
        crate::sizes_text(&self.sizes)
    }
}

/// Draws a random case.
pub fn case(rng: &mut impl Rng) -> Case {
    let sizes: Vec<i64> = SYMBOLS
        .iter()
        .map(|_| *SIZES.choose(rng).unwrap())
        .collect();
    let mut g = Gen {
        rng,
        sizes: sizes.clone(),
        tensors: Vec::new(),
        vars: Vec::new(),
        syms: Vec::new(),
    };
    let kernel = g.kernel();
    let used: Vec<bool> = (0..SYMBOLS.len())
        .map(|s| {
            kernel
                .tensors
                .iter()
                .any(|t| t.input && t.dims.contains(&s))
        })
        .collect();
    Case {
        sizes: SYMBOLS
            .iter()
            .zip(&sizes)
            .zip(&used)
            .filter(|(_, &u)| u)
            .map(|((s, &v), _)| (s.to_string(), v))
            .collect(),
        kernel,
    }
}

struct Gen<'r, R: Rng> {
    rng: &'r mut R,
    sizes: Vec<i64>,
    tensors: Vec<Tensor>,
    /// Variables of the statement being generated: (name, symbol).
    vars: Vec<(String, usize)>,
    /// Symbols the inputs bind (the only ones a kernel may use).
    syms: Vec<usize>,
}

const DTYPES: [DType; 7] = [
    DType::F32,
    DType::F32,
    DType::F32,
    DType::F64,
    DType::F16,
    DType::I32,
    DType::I32,
];

fn leaf(e: Expr, ty: DType, exact: bool, bound: f64) -> Node {
    Node {
        e,
        ty,
        exact,
        bound,
    }
}

impl<R: Rng> Gen<'_, R> {
    fn kernel(&mut self) -> Kernel {
        let n_in = self.rng.gen_range(1..=3);
        for i in 0..n_in {
            let rank = self.rng.gen_range(0..=2);
            let dims = (0..rank).map(|_| self.rng.gen_range(0..3)).collect();
            let dtype = *DTYPES.choose(self.rng).unwrap();
            self.tensors.push(Tensor {
                name: ["a", "b", "c"][i].to_string(),
                dtype,
                dims,
                input: true,
                output: false,
                exact: true,
                bound: if dtype == DType::I32 { 8.0 } else { 1.0 },
            });
        }
        // At least one input has a dimension, so sizes matter.
        if self.tensors.iter().all(|t| t.dims.is_empty()) {
            self.tensors[0].dims = vec![0];
        }
        self.syms = (0..SYMBOLS.len())
            .filter(|s| self.tensors.iter().any(|t| t.dims.contains(s)))
            .collect();
        let n_stmts = self.rng.gen_range(1..=4);
        let mut stmts = Vec::new();
        for si in 0..n_stmts {
            stmts.push(self.stmt(si, si + 1 == n_stmts));
        }
        Kernel {
            tensors: std::mem::take(&mut self.tensors),
            stmts,
        }
    }

    fn stmt(&mut self, si: usize, last: bool) -> Stmt {
        let np = self.rng.gen_range(0..=2);
        let dims: Vec<usize> = (0..np).map(|_| self.sym()).collect();
        let dtype = *DTYPES.choose(self.rng).unwrap();
        let op = if self.rng.gen_bool(0.5) {
            "="
        } else {
            *["+=", "+=", "*=", "max=", "min="].choose(self.rng).unwrap()
        };
        let nred = if op == "=" {
            0
        } else {
            self.rng.gen_range(1..=2)
        };
        self.vars = dims
            .iter()
            .enumerate()
            .map(|(i, &d)| (["i", "j"][i].to_string(), d))
            .collect();
        for r in 0..nred {
            let d = self.sym();
            self.vars.push((["k", "l"][r].to_string(), d));
        }
        let terms: f64 = self.vars[np..]
            .iter()
            .map(|&(_, d)| self.sizes[d] as f64)
            .product();
        let output = last || self.rng.gen_bool(0.4);
        // Variables that need a plain read on the right: the reduction
        // ones, and all of a temporary's (it is shaped by its statement).
        let red: Vec<usize> = if output {
            (np..self.vars.len()).collect()
        } else {
            (0..self.vars.len()).collect()
        };
        // The value, under the reduction's limits, with a plain read of
        // every reduction variable (its range comes from there).
        let mut value = None;
        for _ in 0..20 {
            let Some(v) = self.value(dtype, op, terms, &red) else {
                continue;
            };
            value = Some(v);
            break;
        }
        let value = value.unwrap_or_else(|| {
            // Variables no tensor can index: a rank-0 `=` of a literal.
            self.vars.clear();
            leaf(Expr::Lit("1".into()), dtype, true, 1.0)
        });
        // A temporary takes its type from its value, and literals alone
        // have none (the front end picks one): convert explicitly.
        let value = if literal_only(&value) && !output {
            let one = leaf(Expr::Lit("1".into()), DType::I32, true, 1.0);
            Node {
                e: Expr::Cast(Box::new(one)),
                ty: dtype,
                exact: true,
                bound: 1.0,
            }
        } else {
            value
        };
        let (np, dims) = if self.vars.len() < np {
            (0, Vec::new())
        } else {
            (np, dims)
        };
        let op = if self.vars.len() == np { "=" } else { op };
        let (exact, bound) = reduced(dtype, op, &value, terms);
        let name = if output {
            format!("y{si}")
        } else {
            format!("t{si}")
        };
        self.tensors.push(Tensor {
            name,
            dtype,
            dims,
            input: false,
            output,
            exact,
            bound,
        });
        Stmt {
            target: self.tensors.len() - 1,
            op,
            vars: std::mem::take(&mut self.vars),
            n_parallel: np,
            value,
        }
    }

    /// A statement value: an expression, times (or plus, for i32) plain
    /// reads that give every reduction variable its range.
    fn value(&mut self, ty: DType, op: &str, terms: f64, red: &[usize]) -> Option<Node> {
        let mut v = self.expr(ty, 3, true)?;
        for &r in red {
            if !plain_use(&v.e, r) {
                let anchor = self.anchor(ty, r)?;
                let (sym, bound) = if ty == DType::I32 {
                    ('+', v.bound + anchor.bound)
                } else {
                    ('*', v.bound * anchor.bound)
                };
                v = Node {
                    exact: v.exact && anchor.exact,
                    bound,
                    ty,
                    e: Expr::Bin(sym, Box::new(v), Box::new(anchor)),
                };
            }
        }
        let ok = match (ty, op) {
            (DType::I32, _) | (_, "=" | "max=" | "min=") => v.exact || v.bound <= INEXACT_BOUND,
            (_, "+=") => v.bound * terms <= SUM_BOUND,
            // Products: exact terms of magnitude at most 2 and few of them,
            // so no order of multiplication overflows or loses the result.
            _ => v.exact && v.bound <= 2.0 && terms <= 64.0,
        };
        ok.then_some(v)
    }

    /// A plain read that uses variable `r`, converted to `ty`.
    fn anchor(&mut self, ty: DType, r: usize) -> Option<Node> {
        let d = self.vars[r].1;
        let cands: Vec<usize> = (0..self.tensors.len())
            .filter(|&t| {
                let x = &self.tensors[t];
                // Else `convert` would give a literal 0.
                self.readable(t) && converts(x.dtype, ty, x.exact) && x.dims.contains(&d)
            })
            .collect();
        let &t = cands.choose(self.rng)?;
        // `r` on the first dimension of its symbol; the others need a
        // variable of theirs, else give up.
        let dims = self.tensors[t].dims.clone();
        let at = dims.iter().position(|&td| td == d)?;
        let ix = dims
            .iter()
            .enumerate()
            .map(|(i, &td)| {
                if i == at {
                    Some(Ix::Plain(r))
                } else {
                    self.index_for(td)
                }
            })
            .collect::<Option<Vec<_>>>()?;
        let n = self.read_node(t, ix);
        Some(self.convert(n, ty))
    }

    /// A symbol the inputs bind.
    fn sym(&mut self) -> usize {
        *self
            .syms
            .choose(self.rng)
            .expect("an input has a dimension")
    }

    fn readable(&self, t: usize) -> bool {
        let t = &self.tensors[t];
        t.exact || t.bound <= INEXACT_BOUND
    }

    /// A variable of the statement with symbol `d`, plain or reversed.
    fn index_for(&mut self, d: usize) -> Option<Ix> {
        let vs: Vec<usize> = (0..self.vars.len())
            .filter(|&v| self.vars[v].1 == d)
            .collect();
        let &v = vs.choose(self.rng)?;
        Some(if self.rng.gen_bool(0.2) {
            Ix::Rev(v)
        } else {
            Ix::Plain(v)
        })
    }

    fn read_node(&self, t: usize, ix: Vec<Ix>) -> Node {
        let x = &self.tensors[t];
        leaf(Expr::Read(t, ix), x.dtype, x.exact, x.bound)
    }

    /// `n` as type `ty` (a conversion when the types differ). Float to int
    /// needs an exact value; otherwise the result is `i32(0)`.
    fn convert(&mut self, n: Node, ty: DType) -> Node {
        if n.ty == ty {
            return n;
        }
        // A literal inside a conversion takes the conversion's type, and
        // one beyond that type's range is an error (`f16(2147483647)`).
        let overflows = ty == DType::F16 && n.bound > 65504.0 && literal_only(&n);
        if !converts(n.ty, ty, n.exact) || overflows {
            return leaf(Expr::Lit("0".into()), ty, true, 0.0);
        }
        let bound = if ty == DType::I32 {
            n.bound.min(2_147_483_648.0)
        } else {
            n.bound
        };
        Node {
            exact: n.exact,
            bound,
            ty,
            e: Expr::Cast(Box::new(n)),
        }
    }

    /// A random expression of type `ty`, `depth` levels at most; `None`
    /// when the draw broke a limit (the caller draws again).
    fn expr(&mut self, ty: DType, depth: usize, root: bool) -> Option<Node> {
        if depth == 0 || self.rng.gen_bool(0.25) {
            return Some(self.leaf(ty));
        }
        let float = ty != DType::I32;
        let n = match self.rng.gen_range(0..10) {
            0..=2 => {
                let op = *['+', '-', '*', '/'].choose(self.rng).unwrap();
                let a = self.expr(ty, depth - 1, false)?;
                let b = self.expr(ty, depth - 1, false)?;
                self.binary(op, a, b, root)?
            }
            3 => {
                let a = self.expr(ty, depth - 1, false)?;
                Node {
                    exact: a.exact,
                    bound: a.bound,
                    ty,
                    e: Expr::Neg(Box::new(a)),
                }
            }
            4 | 5 if float => self.builtin(ty, depth, root)?,
            4..=5 => {
                let f = *["abs", "max", "min"].choose(self.rng).unwrap();
                let a = self.expr(ty, depth - 1, false)?;
                let mut args = vec![a];
                if f != "abs" {
                    args.push(self.expr(ty, depth - 1, false)?);
                }
                let exact = args.iter().all(|a| a.exact);
                let bound = args.iter().map(|a| a.bound).fold(0.0, f64::max);
                Node {
                    exact,
                    bound,
                    ty,
                    e: Expr::Call(f, args),
                }
            }
            6 | 7 => {
                let cty = *DTYPES.choose(self.rng).unwrap();
                let l = self.expr(cty, depth - 1, false)?;
                let r = self.expr(cty, depth - 1, false)?;
                // Literals alone have no type to compare in.
                if !(l.exact && r.exact) || (literal_only(&l) && literal_only(&r)) {
                    return None;
                }
                let cmp = *["<", "<=", ">", ">=", "==", "!="].choose(self.rng).unwrap();
                let t = self.expr(ty, depth - 1, root)?;
                let f = self.expr(ty, depth - 1, root)?;
                Node {
                    exact: t.exact && f.exact,
                    bound: t.bound.max(f.bound),
                    ty,
                    e: Expr::Select(cmp, Box::new([l, r, t, f])),
                }
            }
            _ => {
                let from = *DTYPES.choose(self.rng).unwrap();
                let a = self.expr(from, depth - 1, false)?;
                if !converts(a.ty, ty, a.exact) {
                    return None;
                }
                self.convert(a, ty)
            }
        };
        // Literals combined with literals only have no type to be computed
        // in (`abs(0.5) + 1`): the front end would guess i32.
        if literal_only(&n) && !matches!(n.e, Expr::Lit(_)) {
            return None;
        }
        (n.exact || n.bound <= INEXACT_BOUND || root).then_some(n)
    }

    fn leaf(&mut self, ty: DType) -> Node {
        let float = ty != DType::I32;
        for _ in 0..4 {
            match self.rng.gen_range(0..10) {
                0..=5 => {
                    let ts: Vec<usize> = (0..self.tensors.len())
                        .filter(|&t| self.readable(t))
                        .collect();
                    let Some(&t) = ts.choose(self.rng) else {
                        continue;
                    };
                    let dims = self.tensors[t].dims.clone();
                    let ix: Option<Vec<Ix>> = dims.iter().map(|&d| self.index_for(d)).collect();
                    let Some(ix) = ix else { continue };
                    let n = self.read_node(t, ix);
                    return self.convert(n, ty);
                }
                6 if !self.vars.is_empty() => {
                    let v = self.rng.gen_range(0..self.vars.len());
                    let b = self.sizes[self.vars[v].1] as f64;
                    return self.convert(leaf(Expr::Var(v), DType::I32, true, b), ty);
                }
                7 => {
                    let s = self.sym();
                    let b = self.sizes[s] as f64;
                    return self.convert(leaf(Expr::Size(s), DType::I32, true, b), ty);
                }
                _ => {}
            }
        }
        let (lit, v) = if float {
            *[
                ("0.5", 0.5),
                ("2", 2.0),
                ("1.5", 1.5),
                ("0.1", 0.1),
                ("3", 3.0),
                ("1e-3", 1e-3),
                ("0", 0.0),
                ("inf", f64::INFINITY),
            ]
            .choose(self.rng)
            .unwrap()
        } else {
            *[
                ("1", 1.0),
                ("2", 2.0),
                ("3", 3.0),
                ("7", 7.0),
                ("0", 0.0),
                ("2147483647", 2147483647.0),
                ("-2147483648", 2147483648.0),
            ]
            .choose(self.rng)
            .unwrap()
        };
        leaf(Expr::Lit(lit.into()), ty, true, v)
    }

    fn binary(&mut self, op: char, a: Node, b: Node, root: bool) -> Option<Node> {
        let ty = a.ty;
        let exact = a.exact && b.exact;
        let n = |e: Expr, exact: bool, bound: f64| Node {
            e,
            ty,
            exact,
            bound,
        };
        match (op, ty) {
            ('+' | '-', _) => Some(n(
                Expr::Bin(op, Box::new(a.clone()), Box::new(b.clone())),
                exact,
                a.bound + b.bound,
            )),
            ('*', _) => Some(n(
                Expr::Bin(op, Box::new(a.clone()), Box::new(b.clone())),
                exact,
                a.bound * b.bound,
            )),
            ('/', DType::I32) => {
                let bound = a.bound;
                Some(match self.rng.gen_range(0..3) {
                    // Raw: random i32 inputs hold zeros, so this errors often.
                    0 => n(Expr::Bin('/', Box::new(a), Box::new(b)), true, bound),
                    // Guarded by a lazy select.
                    1 => {
                        let z = leaf(Expr::Lit("0".into()), ty, true, 0.0);
                        let q = n(
                            Expr::Bin('/', Box::new(a.clone()), Box::new(b.clone())),
                            true,
                            bound,
                        );
                        n(Expr::Select("!=", Box::new([b, z, q, a])), true, bound)
                    }
                    // A divisor that is never zero (abs(INT_MIN) + 1 is INT_MIN + 1).
                    _ => {
                        let one = leaf(Expr::Lit("1".into()), ty, true, 1.0);
                        let abs = n(Expr::Call("abs", vec![b]), true, 0.0);
                        let d = n(Expr::Bin('+', Box::new(abs), Box::new(one)), true, 0.0);
                        n(Expr::Bin('/', Box::new(a), Box::new(d)), true, bound)
                    }
                })
            }
            ('/', _) => {
                if exact && (root || self.rng.gen_bool(0.3)) && b.bound > 0.0 {
                    // Raw float division: may be huge (then only at the root).
                    let big = n(
                        Expr::Bin('/', Box::new(a), Box::new(b)),
                        false,
                        f64::INFINITY,
                    );
                    return root.then_some(big);
                }
                // a / (c + |b|): bounded.
                let c = *[1.0, 2.0].choose(self.rng).unwrap();
                let cl = leaf(Expr::Lit(format!("{c}")), ty, true, c);
                let abs = n(Expr::Call("abs", vec![b]), false, 0.0);
                let d = n(Expr::Bin('+', Box::new(cl), Box::new(abs)), false, 0.0);
                let bound = a.bound / c;
                Some(n(Expr::Bin('/', Box::new(a), Box::new(d)), false, bound))
            }
            _ => None,
        }
    }

    /// A builtin call on a float type.
    fn builtin(&mut self, ty: DType, depth: usize, root: bool) -> Option<Node> {
        let n = |e: Expr, exact: bool, bound: f64| Node {
            e,
            ty,
            exact,
            bound,
        };
        let lit = |v: f64| leaf(Expr::Lit(format!("{v}")), ty, true, v);
        let a = self.expr(ty, depth - 1, false)?;
        let f = *[
            "exp", "log", "sqrt", "rsqrt", "tanh", "sigmoid", "abs", "max", "min", "pow",
        ]
        .choose(self.rng)
        .unwrap();
        let abs = |a: Node| {
            let b = a.bound;
            let e = a.exact;
            n(Expr::Call("abs", vec![a]), e, b)
        };
        let plus = |c: f64, a: Node| {
            let b = a.bound + c;
            let e = a.exact;
            n(Expr::Bin('+', Box::new(lit(c)), Box::new(a)), e, b)
        };
        Some(match f {
            "exp" if a.bound <= 3.0 => {
                let b = a.bound.exp();
                n(Expr::Call("exp", vec![a]), false, b)
            }
            "exp" => return None,
            "log" if a.exact && root => n(Expr::Call("log", vec![a]), false, f64::INFINITY),
            "log" => {
                let x = plus(1.0, abs(a));
                let b = x.bound.ln();
                n(Expr::Call("log", vec![x]), false, b)
            }
            "sqrt" if a.exact => {
                let x = abs(a);
                let b = x.bound.sqrt();
                n(Expr::Call("sqrt", vec![x]), false, b)
            }
            "sqrt" => {
                let x = plus(1.0, abs(a));
                let b = x.bound.sqrt();
                n(Expr::Call("sqrt", vec![x]), false, b)
            }
            "rsqrt" => {
                let x = plus(1.0, abs(a));
                n(Expr::Call("rsqrt", vec![x]), false, 1.0)
            }
            "tanh" | "sigmoid" => n(Expr::Call(f, vec![a]), false, 1.0),
            "abs" => abs(a),
            "max" | "min" => {
                let b = self.expr(ty, depth - 1, false)?;
                let exact = a.exact && b.exact;
                let bound = a.bound.max(b.bound);
                n(Expr::Call(f, vec![a, b]), exact, bound)
            }
            _ if a.bound <= 3.0 => {
                let p = *[2.0, 0.5, 1.5, -1.0, 3.0].choose(self.rng).unwrap();
                let x = plus(1.0, abs(a));
                let bound = if p > 0.0 { x.bound.powf(p) } else { 1.0 };
                n(Expr::Call("pow", vec![x, lit(p)]), false, bound)
            }
            _ => return None,
        })
    }
}

/// Whether a value of type `from` may become a `to`: float to int needs
/// an exact value (a one-ulp difference could change the truncation), and
/// so does widening (f16 to f32, f32 to f64): an inexact value carries its
/// narrow type's error into a type compared with a tighter tolerance.
fn converts(from: DType, to: DType, exact: bool) -> bool {
    let rank = |d: DType| match d {
        DType::F16 => 0,
        DType::F32 => 1,
        DType::F64 => 2,
        DType::I32 => 3,
    };
    exact || from == to || (to != DType::I32 && rank(to) < rank(from))
}

/// Exactness and bound of a statement's result.
fn reduced(ty: DType, op: &str, v: &Node, terms: f64) -> (bool, f64) {
    match (ty, op) {
        (DType::I32, _) => (true, 2_147_483_648.0),
        (_, "=" | "max=" | "min=") => (v.exact, v.bound),
        (_, "+=") => (false, v.bound * terms),
        _ => (false, v.bound.powf(terms).max(1.0)),
    }
}

/// Whether `e` reads some tensor with variable `v` as a plain index.
fn plain_use(e: &Expr, v: usize) -> bool {
    match e {
        Expr::Read(_, ix) => ix.contains(&Ix::Plain(v)),
        Expr::Lit(_) | Expr::Var(_) | Expr::Size(_) => false,
        Expr::Neg(a) | Expr::Cast(a) => plain_use(&a.e, v),
        Expr::Bin(_, a, b) => plain_use(&a.e, v) || plain_use(&b.e, v),
        Expr::Call(_, args) => args.iter().any(|a| plain_use(&a.e, v)),
        Expr::Select(_, x) => x.iter().any(|a| plain_use(&a.e, v)),
    }
}

/// Whether `n` is made of literals only (its type comes from context).
fn literal_only(n: &Node) -> bool {
    match &n.e {
        Expr::Lit(_) => true,
        Expr::Read(..) | Expr::Var(_) | Expr::Size(_) | Expr::Cast(_) => false,
        Expr::Neg(a) => literal_only(a),
        Expr::Bin(_, a, b) => literal_only(a) && literal_only(b),
        Expr::Call(_, args) => args.iter().all(literal_only),
        Expr::Select(_, x) => literal_only(&x[2]) && literal_only(&x[3]),
    }
}
