//! Normalized gpu-dialect module -> OpenCL C.
//!
//! [`crate::emit_gpu`] writes one `gpu.func` kernel per statement; [`NORMALIZE`]
//! canonicalizes it (CSE, loop-invariant code motion, folding) and this
//! module walks the result with melior and prints OpenCL C. The op set is
//! small and closed: `gpu` ids, barrier and return; `scf.for` (with
//! iter_args), `scf.if`, `scf.yield`; `memref` load, store and alloca;
//! `arith`; `math` (1:1 OpenCL builtins); `vector` load, store, broadcast,
//! fma, reduction, extract, insert, from_elements. Anything else is an error
//! naming the op, never silently wrong code.
//!
//! Mapping notes:
//! - `index` is `int` (callers reject tensors of 2^31 elements or more);
//! - `vector<Nxf32>` is `floatN`, loaded with `vloadN` (no alignment needed);
//! - `f16` memory is `half` read with `vload_half[N]` and written with
//!   `vstore_half[N]_rte`; f16 values live in `float` registers (OpenCL 1.2
//!   without `cl_khr_fp16`), and `arith.truncf` to f16 rounds in registers;
//!   private f16 buffers (a fused group's temporaries) are `float` arrays;
//! - `i1` is `int` 0/1 for scalars and an all-ones mask for vectors (the
//!   OpenCL comparison results), `long` masks next to `double` lanes;
//! - `arith.maximumf`/`minimumf` propagate NaN (OpenCL `fmax` does not);
//!   i32 floor division arrives spelled out (divsi, remsi, select);
//! - unsigned arith ops cast to `uint`; i32 `+ - *` wrap through `uint`
//!   (signed overflow is undefined in C); `fptosi` saturates
//!   (`convert_int_sat_rtz`; the kernel also only converts in-range values);
//!   i32 division never sees a zero or -1 divisor (see `emit`).

use melior::ir::operation::{OperationLike, OperationRef};
use melior::ir::BlockLike;
use melior::ir::BlockRef;
use melior::ir::RegionLike;
use melior::ir::ValueLike;
use std::collections::HashMap;
use std::fmt::Write;

/// Normalization before printing: fold, CSE and hoist, keeping `scf`.
pub const NORMALIZE: &str = "builtin.module(canonicalize, cse, loop-invariant-code-motion, \
canonicalize, cse)";

/// Element kinds of values the emitter handles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Elem {
    F16,
    F32,
    F64,
    I32,
    I64,
    Index,
    /// i1; `true` = lanes are 64-bit masks (next to doubles).
    Bool(bool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Ty {
    elem: Elem,
    w: usize,
}

impl Ty {
    fn c(&self) -> String {
        let b = match self.elem {
            Elem::F16 | Elem::F32 => "float",
            Elem::F64 => "double",
            Elem::I32 | Elem::Index | Elem::Bool(false) => "int",
            Elem::I64 | Elem::Bool(true) => "long",
        };
        if self.w == 1 {
            b.to_string()
        } else {
            format!("{b}{}", self.w)
        }
    }
    fn unsigned(&self) -> String {
        let s = self.c();
        match s.strip_prefix("int") {
            Some(r) => format!("uint{r}"),
            None => format!("u{s}"),
        }
    }
    fn wide(&self) -> bool {
        matches!(self.elem, Elem::F64 | Elem::I64 | Elem::Bool(true))
    }
}

/// A memref type: static shape, element, address space.
#[derive(Clone, Debug)]
struct MemTy {
    shape: Vec<usize>,
    elem: Elem,
    local: bool,
}

fn parse_elem(s: &str) -> Option<Elem> {
    Some(match s {
        "f16" => Elem::F16,
        "f32" => Elem::F32,
        "f64" => Elem::F64,
        "i32" => Elem::I32,
        "i64" => Elem::I64,
        "index" => Elem::Index,
        "i1" => Elem::Bool(false),
        _ => return None,
    })
}

fn parse_ty(s: &str) -> Option<Ty> {
    if let Some(inner) = s.strip_prefix("vector<").and_then(|r| r.strip_suffix('>')) {
        let (n, e) = inner.split_once('x')?;
        return Some(Ty {
            elem: parse_elem(e)?,
            w: n.parse().ok()?,
        });
    }
    Some(Ty {
        elem: parse_elem(s)?,
        w: 1,
    })
}

fn parse_memref(s: &str) -> Option<MemTy> {
    let inner = s.strip_prefix("memref<")?.strip_suffix('>')?;
    let (body, space) = match inner.split_once(", ") {
        Some((b, sp)) => (b, Some(sp)),
        None => (inner, None),
    };
    let mut parts: Vec<&str> = body.split('x').collect();
    let elem = parse_elem(parts.pop()?)?;
    let shape = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<usize>>>()?;
    Some(MemTy {
        shape,
        elem,
        local: space.is_some_and(|s| s.contains("workgroup")),
    })
}

/// A value: its C expression (a name or a literal) and type.
#[derive(Clone, Debug)]
struct Val {
    expr: String,
    ty: Ty,
}

/// Errors of the OpenCL C emitter (kiln bugs, or ops it does not know).
#[derive(Debug, thiserror::Error)]
#[error("OpenCL C emitter: {0}")]
pub struct ClError(pub String);

fn e(msg: impl Into<String>) -> ClError {
    ClError(msg.into())
}

fn key<'c, V: ValueLike<'c>>(v: &V) -> usize {
    v.to_raw().ptr as usize
}

/// Float literal of C type `f64`/`f32`.
fn float_lit(v: f64, double: bool) -> String {
    if v.is_nan() {
        return "NAN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "INFINITY" } else { "(-INFINITY)" }.into();
    }
    if double {
        let s = format!("{v:?}");
        if v < 0.0 {
            format!("({s})")
        } else {
            s
        }
    } else {
        let s = format!("{:?}f", v as f32);
        if v < 0.0 {
            format!("({s})")
        } else {
            s
        }
    }
}

fn int_lit(v: i64) -> String {
    if v == i32::MIN as i64 {
        "(-2147483647-1)".into()
    } else if v < 0 {
        format!("({v})")
    } else {
        v.to_string()
    }
}

/// One scalar literal of the constant attribute text for element `el`.
fn scalar_lit(tok: &str, el: Elem, lanes: usize) -> Result<String, ClError> {
    let tok = tok.trim();
    let bad = || e(format!("cannot read constant `{tok}`"));
    Ok(match el {
        Elem::Bool(_) => {
            let t = tok == "true" || tok == "1" || tok == "-1";
            match (t, lanes > 1) {
                (false, _) => "0".into(),
                (true, false) => "1".into(),
                (true, true) => "-1".into(),
            }
        }
        Elem::F16 | Elem::F32 | Elem::F64 => {
            let v = if let Some(h) = tok.strip_prefix("0x") {
                match el {
                    Elem::F64 => f64::from_bits(u64::from_str_radix(h, 16).map_err(|_| bad())?),
                    Elem::F16 => kiln_half(u16::from_str_radix(h, 16).map_err(|_| bad())?),
                    _ => f32::from_bits(u32::from_str_radix(h, 16).map_err(|_| bad())?) as f64,
                }
            } else {
                tok.parse::<f64>().map_err(|_| bad())?
            };
            float_lit(v, el == Elem::F64)
        }
        _ => int_lit(tok.parse::<i64>().map_err(|_| bad())?),
    })
}

fn kiln_half(bits: u16) -> f64 {
    let s = if bits >> 15 == 1 { -1.0 } else { 1.0 };
    let ex = ((bits >> 10) & 0x1f) as i32;
    let m = (bits & 0x3ff) as f64;
    s * match ex {
        0 => m * 2f64.powi(-24),
        31 if m == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + m / 1024.0) * 2f64.powi(ex - 15),
    }
}

const HEADER: &str = "\
// Each operation is rounded (the kiln contract): no implicit a*b+c fusion;
// the kernels write the fusions the contract allows as fma.
#pragma OPENCL FP_CONTRACT OFF
// NaN-propagating max/min (arith.maximumf/minimumf); fmax/fmin drop NaN.
// (A ternary, not select: scalar isunordered is int even for doubles.)
#define KILN_MAXF(a, b) (isunordered(a, b) ? (a) + (b) : fmax(a, b))
#define KILN_MINF(a, b) (isunordered(a, b) ? (a) + (b) : fmin(a, b))
";

const ROUND_HALF: &str = "\
// Round float lanes to the nearest f16 value (ties to even), kept in float.
#define KILN_RH(T, UT, IT) \\
T __attribute__((overloadable)) kiln_rh(T x) { \\
  UT u = as_##UT(x); UT a = u & 0x7fffffffu; \\
  T n = as_##T((u + 0x0fffu + ((u >> 13) & 1u)) & ~0x1fffu); \\
  T s = rint(x * 16777216.0f) * 5.9604644775390625e-8f; \\
  T inf = as_##T((u & 0x80000000u) | 0x7f800000u); \\
  T y = select(n, s, (IT)(a < 0x38800000u)); \\
  y = select(y, inf, (IT)(a >= 0x477ff000u)); \\
  return select(y, x, (IT)(a >= 0x7f800000u)); }
KILN_RH(float, uint, int) KILN_RH(float2, uint2, int2) KILN_RH(float4, uint4, int4)
KILN_RH(float8, uint8, int8) KILN_RH(float16, uint16, int16)
";

const ROUND_ODD: &str = "\
// Double lanes to float, rounded to odd: truncate, then set the last bit
// when inexact (so a later rounding to f16 is the correct one).
#define KILN_RO(D, T, UT) \\
T __attribute__((overloadable)) kiln_rodd(D x) { \\
  T f = convert_##T##_rtz(x); \\
  UT odd = convert_##UT(convert_##D(f) != x) & (UT)1; \\
  return as_##T(as_##UT(f) | odd); }
KILN_RO(double, float, uint) KILN_RO(double2, float2, uint2) KILN_RO(double4, float4, uint4)
KILN_RO(double8, float8, uint8) KILN_RO(double16, float16, uint16)
";

/// One translated kernel function.
struct FnOut {
    text: String,
}

struct Emitter {
    vals: HashMap<usize, Val>,
    mems: HashMap<usize, (String, MemTy)>,
    out: String,
    depth: usize,
    next: usize,
    f64: bool,
    half: bool,
    /// f64 values are rounded to f16 (needs `kiln_rodd`).
    half64: bool,
}

impl Emitter {
    fn fresh(&mut self, p: &str) -> String {
        self.next += 1;
        format!("{p}{}", self.next)
    }

    fn line(&mut self, s: &str) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn val<'c, V: ValueLike<'c>>(&self, v: &V) -> Result<Val, ClError> {
        self.vals
            .get(&key(v))
            .cloned()
            .ok_or_else(|| e("use of a value the emitter has not defined"))
    }

    fn mem<'c, V: ValueLike<'c>>(&self, v: &V) -> Result<(String, MemTy), ClError> {
        self.mems
            .get(&key(v))
            .cloned()
            .ok_or_else(|| e("memref that is not a kernel argument or buffer"))
    }

    fn note_ty(&mut self, t: Ty) {
        if t.elem == Elem::F64 {
            self.f64 = true;
        }
    }

    /// Declares `T name = expr;` for result `r` of `op`.
    fn def(&mut self, op: &OperationRef, ty: Ty, expr: String) -> Result<(), ClError> {
        self.note_ty(ty);
        let name = self.fresh("v");
        self.line(&format!("{} {name} = {expr};", ty.c()));
        let r = op.result(0).map_err(|_| e("op without a result"))?;
        self.vals.insert(key(&r), Val { expr: name, ty });
        Ok(())
    }

    fn result_ty(op: &OperationRef, i: usize) -> Result<Ty, ClError> {
        let r = op.result(i).map_err(|_| e("op without a result"))?;
        let s = r.r#type().to_string();
        parse_ty(&s).ok_or_else(|| e(format!("unsupported type `{s}`")))
    }

    fn operands(&self, op: &OperationRef) -> Result<Vec<Val>, ClError> {
        self.operands_from(op, 0)
    }

    fn operands_from(&self, op: &OperationRef, start: usize) -> Result<Vec<Val>, ClError> {
        op.operands().skip(start).map(|v| self.val(&v)).collect()
    }

    fn attr(op: &OperationRef, name: &str) -> Result<String, ClError> {
        op.attribute(name)
            .map(|a| a.to_string())
            .map_err(|_| e(format!("`{}` lacks attribute `{name}`", op_name(op))))
    }

    /// Element offset of `indices` in a memref of `shape`.
    fn offset(shape: &[usize], idx: &[Val]) -> String {
        if idx.is_empty() {
            return "0".into();
        }
        let mut parts = Vec::new();
        for (d, v) in idx.iter().enumerate() {
            let stride: usize = shape[d + 1..].iter().product();
            if v.expr == "0" {
                continue;
            }
            parts.push(if stride == 1 {
                v.expr.clone()
            } else {
                format!("{} * {stride}", v.expr)
            });
        }
        if parts.is_empty() {
            "0".into()
        } else {
            parts.join(" + ")
        }
    }

    fn block(&mut self, block: BlockRef, yields: &[String]) -> Result<(), ClError> {
        let mut op = block.first_operation();
        while let Some(o) = op {
            self.op(&o, yields)?;
            op = o.next_in_block();
        }
        Ok(())
    }

    fn op(&mut self, op: &OperationRef, yields: &[String]) -> Result<(), ClError> {
        let name = op_name(op);
        let lanes = |v: &Val, i: usize| {
            if v.expr
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                format!("{}.s{i:x}", v.expr)
            } else {
                format!("({}).s{i:x}", v.expr)
            }
        };
        match name.as_str() {
            "arith.constant" => {
                let ty = Self::result_ty(op, 0)?;
                self.note_ty(ty);
                let a = Self::attr(op, "value")?;
                let body = a.rsplit_once(" : ").map_or(a.as_str(), |(b, _)| b).trim();
                let expr = if let Some(inner) = body
                    .strip_prefix("dense<")
                    .and_then(|r| r.strip_suffix('>'))
                {
                    if let Some(list) = inner.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
                        let items = list
                            .split(',')
                            .map(|t| scalar_lit(t, ty.elem, ty.w))
                            .collect::<Result<Vec<_>, _>>()?;
                        format!("(({})({}))", ty.c(), items.join(", "))
                    } else {
                        format!("(({})({}))", ty.c(), scalar_lit(inner, ty.elem, ty.w)?)
                    }
                } else {
                    scalar_lit(body, ty.elem, ty.w)?
                };
                let r = op.result(0).map_err(|_| e("constant without a result"))?;
                self.vals.insert(key(&r), Val { expr, ty });
            }
            "arith.addf" => self.bin(op, "+")?,
            "arith.subf" => self.bin(op, "-")?,
            "arith.mulf" => self.bin(op, "*")?,
            "arith.addi" => self.wrapping(op, "+")?,
            "arith.subi" => self.wrapping(op, "-")?,
            "arith.muli" => self.wrapping(op, "*")?,
            "arith.divf" | "arith.divsi" => self.bin(op, "/")?,
            "arith.remsi" => self.bin(op, "%")?,
            "arith.remf" => self.call(op, "fmod")?,
            "arith.andi" => self.bin(op, "&")?,
            "arith.ori" => self.bin(op, "|")?,
            "arith.xori" => self.bin(op, "^")?,
            "arith.shli" => self.bin(op, "<<")?,
            "arith.shrsi" => self.bin(op, ">>")?,
            "arith.divui" | "arith.remui" | "arith.shrui" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                let sym = match name.as_str() {
                    "arith.divui" => "/",
                    "arith.remui" => "%",
                    _ => ">>",
                };
                let u = ty.unsigned();
                let expr = format!("({})(({u}){} {sym} ({u}){})", ty.c(), x[0].expr, x[1].expr);
                self.def(op, ty, expr)?;
            }
            "arith.minui" | "arith.maxui" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                let f = if name.ends_with("minui") {
                    "min"
                } else {
                    "max"
                };
                let u = ty.unsigned();
                let expr = format!("({})({f}(({u}){}, ({u}){}))", ty.c(), x[0].expr, x[1].expr);
                self.def(op, ty, expr)?;
            }
            "arith.minsi" | "arith.minnumf" => self.call(op, "min")?,
            "arith.maxsi" | "arith.maxnumf" => self.call(op, "max")?,
            "arith.maximumf" => self.call(op, "KILN_MAXF")?,
            "arith.minimumf" => self.call(op, "KILN_MINF")?,
            "arith.negf" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                self.def(op, ty, format!("-{}", x[0].expr))?;
            }
            "arith.cmpi" | "arith.cmpf" => self.cmp(op)?,
            "arith.select" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                let (c, a, b) = (&x[0], &x[1], &x[2]);
                let expr = if c.ty.w == 1 {
                    format!("{} ? {} : {}", c.expr, a.expr, b.expr)
                } else {
                    let cond = if c.ty.wide() == ty.wide() {
                        c.expr.clone()
                    } else {
                        let m = Ty {
                            elem: if ty.wide() { Elem::I64 } else { Elem::I32 },
                            w: ty.w,
                        };
                        format!("convert_{}({})", m.c(), c.expr)
                    };
                    format!("select({}, {}, {cond})", b.expr, a.expr)
                };
                self.def(op, ty, expr)?;
            }
            "arith.index_cast" | "arith.index_castui" | "arith.extsi" | "arith.trunci" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                let expr = if x[0].ty.c() == ty.c() {
                    x[0].expr.clone()
                } else {
                    self.convert(&x[0].expr, ty)
                };
                self.def(op, ty, expr)?;
            }
            "arith.extui" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                let expr = if matches!(x[0].ty.elem, Elem::Bool(_)) && ty.w > 1 {
                    self.convert(&format!("-({})", x[0].expr), ty)
                } else {
                    self.convert(&x[0].expr, ty)
                };
                self.def(op, ty, expr)?;
            }
            "arith.fptosi" => {
                // Saturating, NaN to 0: C's cast is undefined out of range.
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                self.def(op, ty, format!("convert_{}_sat_rtz({})", ty.c(), x[0].expr))?;
            }
            "arith.sitofp" | "arith.extf" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                let expr = if x[0].ty.c() == ty.c() {
                    x[0].expr.clone()
                } else {
                    self.convert(&x[0].expr, ty)
                };
                self.def(op, ty, expr)?;
            }
            "arith.truncf" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                let expr = if ty.elem == Elem::F16 {
                    self.half = true;
                    let f = if x[0].ty.elem == Elem::F64 {
                        // Round to odd to f32, then to nearest f16: one
                        // correct rounding (f32 has 2 bits to spare).
                        self.half64 = true;
                        format!("kiln_rodd({})", x[0].expr)
                    } else {
                        x[0].expr.clone()
                    };
                    format!("kiln_rh({f})")
                } else {
                    self.convert(&x[0].expr, ty)
                };
                self.def(op, ty, expr)?;
            }
            "arith.bitcast" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                self.def(op, ty, format!("as_{}({})", ty.c(), x[0].expr))?;
            }
            "math.fma" | "vector.fma" => self.call(op, "fma")?,
            "math.absf" => self.call(op, "fabs")?,
            "math.powf" => self.call(op, "pow")?,
            "math.copysign" => self.call(op, "copysign")?,
            "math.absi" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                self.def(op, ty, format!("as_{}(abs({}))", ty.c(), x[0].expr))?;
            }
            n if n.starts_with("math.") => {
                let f = &n[5..];
                const SAME: [&str; 20] = [
                    "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "rsqrt",
                    "tanh", "sin", "cos", "tan", "atan", "atan2", "floor", "ceil", "round",
                    "trunc", "erf",
                ];
                if !SAME.contains(&f) {
                    return Err(e(format!("unsupported op `{n}`")));
                }
                self.call(op, f)?
            }
            "vector.broadcast" | "vector.splat" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                self.def(op, ty, format!("({})({})", ty.c(), x[0].expr))?;
            }
            "vector.from_elements" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                let items: Vec<String> = x.iter().map(|v| v.expr.clone()).collect();
                self.def(op, ty, format!("({})({})", ty.c(), items.join(", ")))?;
            }
            "vector.extract" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                let pos = Self::static_pos(op)?;
                self.def(op, ty, lanes(&x[0], pos))?;
            }
            "vector.insert" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                let pos = Self::static_pos(op)?;
                self.def(op, ty, x[1].expr.clone())?;
                let r = op.result(0).map_err(|_| e("insert without a result"))?;
                let n = self.val(&r)?.expr;
                self.line(&format!("{n}.s{pos:x} = {};", x[0].expr));
            }
            "vector.reduction" => {
                let x = self.operands(op)?;
                let ty = Self::result_ty(op, 0)?;
                let kind = Self::attr(op, "kind")?;
                let kind = kind
                    .rsplit_once('<')
                    .and_then(|(_, r)| r.strip_suffix('>'))
                    .unwrap_or(&kind)
                    .to_string();
                let comb = |a: &str, b: &str| -> Result<String, ClError> {
                    Ok(match kind.as_str() {
                        "add" => format!("{a} + {b}"),
                        "or" => format!("{a} | {b}"),
                        "and" => format!("{a} & {b}"),
                        "mul" => format!("{a} * {b}"),
                        "maximumf" => format!("KILN_MAXF({a}, {b})"),
                        "minimumf" => format!("KILN_MINF({a}, {b})"),
                        "maxnumf" | "maxsi" => format!("max({a}, {b})"),
                        "minnumf" | "minsi" => format!("min({a}, {b})"),
                        k => return Err(e(format!("unsupported vector.reduction kind `{k}`"))),
                    })
                };
                let n = self.fresh("r");
                self.note_ty(ty);
                self.line(&format!("{} {n} = {};", ty.c(), lanes(&x[0], 0)));
                for i in 1..x[0].ty.w {
                    let c = comb(&n, &lanes(&x[0], i))?;
                    self.line(&format!("{n} = {c};"));
                }
                if let Some(acc) = x.get(1) {
                    let c = comb(&n, &acc.expr)?;
                    self.line(&format!("{n} = {c};"));
                }
                let r = op.result(0).map_err(|_| e("reduction without a result"))?;
                self.vals.insert(key(&r), Val { expr: n, ty });
            }
            "memref.load" | "vector.load" => {
                let m = op.operand(0).map_err(|_| e("load without a memref"))?;
                let (base, mt) = self.mem(&m)?;
                let idx = self.operands_from(op, 1)?;
                let off = Self::offset(&mt.shape, &idx);
                let ty = Self::result_ty(op, 0)?;
                let expr = match (mt.elem == Elem::F16, ty.w) {
                    (true, 1) => format!("vload_half({off}, {base})"),
                    (true, w) => format!("vload_half{w}(0, {base} + {off})"),
                    (false, 1) => format!("{base}[{off}]"),
                    (false, w) => format!("vload{w}(0, {base} + {off})"),
                };
                self.def(op, ty, expr)?;
            }
            "memref.store" | "vector.store" => {
                let v0 = op.operand(0).map_err(|_| e("store without a value"))?;
                let x0 = self.val(&v0)?;
                let idx = self.operands_from(op, 2)?;
                let m = op.operand(1).map_err(|_| e("store without a memref"))?;
                let (base, mt) = self.mem(&m)?;
                let off = Self::offset(&mt.shape, &idx);
                let x = [x0];
                let v = &x[0].expr;
                let s = match (mt.elem == Elem::F16, x[0].ty.w) {
                    (true, 1) => format!("vstore_half_rte({v}, {off}, {base});"),
                    (true, w) => format!("vstore_half{w}_rte({v}, 0, {base} + {off});"),
                    (false, 1) => format!("{base}[{off}] = {v};"),
                    (false, w) => format!("vstore{w}({v}, 0, {base} + {off});"),
                };
                self.line(&s);
            }
            "memref.alloca" => {
                let r = op.result(0).map_err(|_| e("alloca without a result"))?;
                let s = r.r#type().to_string();
                let mut mt =
                    parse_memref(&s).ok_or_else(|| e(format!("unsupported memref `{s}`")))?;
                if mt.elem == Elem::F16 {
                    // OpenCL C has no `half` arrays without cl_khr_fp16: a
                    // private f16 buffer holds its (already rounded) values
                    // in float and is read and written as float, never with
                    // vload_half/vstore_half (which took the float array
                    // for half data and read garbage).
                    mt.elem = Elem::F32;
                }
                let n = self.fresh("p");
                let t = Ty {
                    elem: mt.elem,
                    w: 1,
                };
                let len: usize = mt.shape.iter().product();
                self.line(&format!("{} {n}[{len}];", t.c()));
                self.mems.insert(key(&r), (n, mt));
            }
            "gpu.global_id" | "gpu.thread_id" | "gpu.block_id" | "gpu.block_dim"
            | "gpu.grid_dim" => {
                let d = Self::attr(op, "dimension")?;
                let dim = match d.trim_end_matches('>').chars().last() {
                    Some('x') => 0,
                    Some('y') => 1,
                    _ => 2,
                };
                let f = match name.as_str() {
                    "gpu.global_id" => "get_global_id",
                    "gpu.thread_id" => "get_local_id",
                    "gpu.block_id" => "get_group_id",
                    "gpu.block_dim" => "get_local_size",
                    _ => "get_num_groups",
                };
                let ty = Self::result_ty(op, 0)?;
                self.def(op, ty, format!("(int){f}({dim})"))?;
            }
            "gpu.barrier" => self.line("barrier(CLK_LOCAL_MEM_FENCE);"),
            "gpu.return" => {}
            "ub.poison" => {
                let ty = Self::result_ty(op, 0)?;
                let r = op.result(0).map_err(|_| e("poison without a result"))?;
                self.vals.insert(
                    key(&r),
                    Val {
                        expr: format!("(({})(0))", ty.c()),
                        ty,
                    },
                );
            }
            "scf.yield" => {
                let x = self.operands(op)?;
                if x.len() != yields.len() {
                    return Err(e("scf.yield arity differs from its parent"));
                }
                // A yield that reads a loop-carried variable (a permutation)
                // goes through temporaries; the usual one assigns directly.
                let reads_carried = x.iter().any(|v| {
                    yields.iter().any(|y| {
                        v.expr
                            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                            .any(|tok| tok == y)
                    })
                });
                let srcs: Vec<String> = if reads_carried {
                    x.iter()
                        .map(|v| {
                            let t = self.fresh("y");
                            self.line(&format!("{} {t} = {};", v.ty.c(), v.expr));
                            t
                        })
                        .collect()
                } else {
                    x.iter().map(|v| v.expr.clone()).collect()
                };
                for (dst, src) in yields.iter().zip(srcs) {
                    if *dst != src {
                        self.line(&format!("{dst} = {src};"));
                    }
                }
            }
            "scf.for" => self.scf_for(op)?,
            "scf.if" => self.scf_if(op)?,
            n => return Err(e(format!("unsupported op `{n}`"))),
        }
        Ok(())
    }

    fn static_pos(op: &OperationRef) -> Result<usize, ClError> {
        let a = Self::attr(op, "static_position")?;
        let digits: String = a
            .chars()
            .skip_while(|c| *c != ':')
            .skip(1)
            .filter(|c| c.is_ascii_digit())
            .collect();
        digits.parse().map_err(|_| {
            e(format!(
                "dynamic or multi-dimensional vector position `{a}`"
            ))
        })
    }

    fn convert(&self, x: &str, to: Ty) -> String {
        if to.w == 1 {
            format!("({})({x})", to.c())
        } else {
            format!("convert_{}({x})", to.c())
        }
    }

    fn bin(&mut self, op: &OperationRef, sym: &str) -> Result<(), ClError> {
        let x = self.operands(op)?;
        let mut ty = Self::result_ty(op, 0)?;
        let mut rhs = x[1].expr.clone();
        // Masks of double lanes are `long`: the result of `& | ^` on masks
        // takes the first operand's width, the second converts to it.
        if let (Elem::Bool(_), Elem::Bool(w0), Elem::Bool(w1)) =
            (ty.elem, x[0].ty.elem, x[1].ty.elem)
        {
            ty.elem = Elem::Bool(w0);
            if w0 != w1 && ty.w > 1 {
                rhs = self.convert(&rhs, ty);
            }
        }
        self.def(op, ty, format!("{} {sym} {rhs}", x[0].expr))
    }

    /// Integer `+ - *` that wraps as the contract says: signed overflow is
    /// undefined in OpenCL C, so i32 arithmetic goes through `uint`.
    /// (Index arithmetic stays signed: sizes are checked to fit.)
    fn wrapping(&mut self, op: &OperationRef, sym: &str) -> Result<(), ClError> {
        let x = self.operands(op)?;
        let ty = Self::result_ty(op, 0)?;
        if ty.elem != Elem::I32 {
            return self.bin(op, sym);
        }
        let (c, u) = (ty.c(), ty.unsigned());
        let expr = format!("as_{c}(as_{u}({}) {sym} as_{u}({}))", x[0].expr, x[1].expr);
        self.def(op, ty, expr)
    }

    fn call(&mut self, op: &OperationRef, f: &str) -> Result<(), ClError> {
        let x = self.operands(op)?;
        let ty = Self::result_ty(op, 0)?;
        let args: Vec<String> = x.iter().map(|v| v.expr.clone()).collect();
        self.def(op, ty, format!("{f}({})", args.join(", ")))
    }

    fn cmp(&mut self, op: &OperationRef) -> Result<(), ClError> {
        let x = self.operands(op)?;
        let a = Self::attr(op, "predicate")?;
        let p: i64 = a
            .split_whitespace()
            .next()
            .and_then(|t| t.parse().ok())
            .ok_or_else(|| e(format!("cannot read predicate `{a}`")))?;
        let (l, r) = (&x[0].expr, &x[1].expr);
        let w = x[0].ty.w;
        let t = if w == 1 { "1" } else { "-1" };
        let expr = if op_name(op) == "arith.cmpi" {
            let (sym, uns) = match p {
                0 => ("==", false),
                1 => ("!=", false),
                2 => ("<", false),
                3 => ("<=", false),
                4 => (">", false),
                5 => (">=", false),
                6 => ("<", true),
                7 => ("<=", true),
                8 => (">", true),
                _ => (">=", true),
            };
            if uns {
                let u = x[0].ty.unsigned();
                format!("({u}){l} {sym} ({u}){r}")
            } else {
                format!("{l} {sym} {r}")
            }
        } else {
            match p {
                0 => "0".to_string(),
                1 => format!("{l} == {r}"),
                2 => format!("{l} > {r}"),
                3 => format!("{l} >= {r}"),
                4 => format!("{l} < {r}"),
                5 => format!("{l} <= {r}"),
                6 => format!("({l} < {r}) || ({l} > {r})"),
                7 => format!("isordered({l}, {r})"),
                8 => format!("!(({l} < {r}) || ({l} > {r}))"),
                9 => format!("!({l} <= {r})"),
                10 => format!("!({l} < {r})"),
                11 => format!("!({l} >= {r})"),
                12 => format!("!({l} > {r})"),
                13 => format!("{l} != {r}"),
                14 => format!("isunordered({l}, {r})"),
                _ => t.to_string(),
            }
        };
        let ty = Ty {
            elem: Elem::Bool(x[0].ty.wide() && w > 1),
            w,
        };
        self.def(op, ty, expr)
    }

    fn scf_for(&mut self, op: &OperationRef) -> Result<(), ClError> {
        let x = self.operands(op)?;
        let (lb, ub, step) = (&x[0], &x[1], &x[2]);
        let region = op.region(0).map_err(|_| e("scf.for without a body"))?;
        let body = region
            .first_block()
            .ok_or_else(|| e("scf.for without a block"))?;
        let mut carried = Vec::new();
        for (i, init) in x[3..].iter().enumerate() {
            let ty = Self::result_ty(op, i)?;
            let n = self.fresh("c");
            self.line(&format!("{} {n} = {};", ty.c(), init.expr));
            let r = op.result(i).map_err(|_| e("scf.for result"))?;
            self.vals.insert(
                key(&r),
                Val {
                    expr: n.clone(),
                    ty,
                },
            );
            let a = body.argument(i + 1).map_err(|_| e("scf.for iter_arg"))?;
            self.vals.insert(
                key(&a),
                Val {
                    expr: n.clone(),
                    ty,
                },
            );
            carried.push(n);
        }
        let iv = self.fresh("i");
        let a = body
            .argument(0)
            .map_err(|_| e("scf.for induction variable"))?;
        let ity = Ty {
            elem: Elem::Index,
            w: 1,
        };
        self.vals.insert(
            key(&a),
            Val {
                expr: iv.clone(),
                ty: ity,
            },
        );
        self.line(&format!(
            "for (int {iv} = {}; {iv} < {}; {iv} += {}) {{",
            lb.expr, ub.expr, step.expr
        ));
        self.depth += 1;
        self.block(body, &carried)?;
        self.depth -= 1;
        self.line("}");
        Ok(())
    }

    fn scf_if(&mut self, op: &OperationRef) -> Result<(), ClError> {
        let x = self.operands(op)?;
        let mut outs = Vec::new();
        for i in 0..op.result_count() {
            let ty = Self::result_ty(op, i)?;
            let n = self.fresh("f");
            self.line(&format!("{} {n};", ty.c()));
            let r = op.result(i).map_err(|_| e("scf.if result"))?;
            self.vals.insert(
                key(&r),
                Val {
                    expr: n.clone(),
                    ty,
                },
            );
            outs.push(n);
        }
        self.line(&format!("if ({}) {{", x[0].expr));
        self.depth += 1;
        let then = op
            .region(0)
            .map_err(|_| e("scf.if without a then region"))?;
        if let Some(b) = then.first_block() {
            self.block(b, &outs)?;
        }
        self.depth -= 1;
        if let Ok(els) = op.region(1) {
            if let Some(b) = els.first_block() {
                self.line("} else {");
                self.depth += 1;
                self.block(b, &outs)?;
                self.depth -= 1;
            }
        }
        self.line("}");
        Ok(())
    }
}

fn op_name(op: &OperationRef) -> String {
    op.name()
        .as_string_ref()
        .as_str()
        .unwrap_or("?")
        .to_string()
}

/// Prints OpenCL C for every `gpu.func` kernel of a normalized module.
pub(crate) fn translate(module: &melior::ir::Module) -> Result<String, ClError> {
    let mut kernels = Vec::new();
    let mut em = Emitter {
        vals: HashMap::new(),
        mems: HashMap::new(),
        out: String::new(),
        depth: 0,
        next: 0,
        f64: false,
        half: false,
        half64: false,
    };
    let mut gm = module.body().first_operation();
    while let Some(g) = gm {
        if op_name(&g) == "gpu.module" {
            let region = g.region(0).map_err(|_| e("gpu.module without a body"))?;
            if let Some(b) = region.first_block() {
                let mut f = b.first_operation();
                while let Some(op) = f {
                    if op_name(&op) == "gpu.func" {
                        kernels.push(kernel(&mut em, &op)?);
                    }
                    f = op.next_in_block();
                }
            }
        }
        gm = g.next_in_block();
    }
    let mut s = String::from("// Generated by kiln from the gpu-dialect module.\n");
    if em.f64 {
        s.push_str("#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n");
    }
    s.push_str(HEADER);
    if em.half {
        s.push_str(ROUND_HALF);
    }
    if em.half64 {
        s.push_str(ROUND_ODD);
    }
    for k in kernels {
        s.push('\n');
        s.push_str(&k.text);
    }
    Ok(s)
}

fn kernel(em: &mut Emitter, f: &OperationRef) -> Result<FnOut, ClError> {
    let name = Emitter::attr(f, "sym_name")?.trim_matches('"').to_string();
    let wg = f
        .attribute("known_block_size")
        .map(|a| a.to_string())
        .unwrap_or_default();
    let dims: Vec<usize> = wg
        .trim_start_matches("array<i32:")
        .trim_end_matches('>')
        .split(',')
        .filter_map(|t| t.trim().parse().ok())
        .collect();
    let region = f.region(0).map_err(|_| e("gpu.func without a body"))?;
    let body = region
        .first_block()
        .ok_or_else(|| e("gpu.func without a block"))?;
    em.out.clear();
    em.depth = 1;
    let mut params = Vec::new();
    let mut locals = Vec::new();
    for i in 0..body.argument_count() {
        let a = body.argument(i).map_err(|_| e("kernel argument"))?;
        let s = a.r#type().to_string();
        let mt = parse_memref(&s).ok_or_else(|| e(format!("unsupported argument type `{s}`")))?;
        let t = Ty {
            elem: mt.elem,
            w: 1,
        };
        em.note_ty(t);
        if mt.local {
            let n = format!("w{}", locals.len());
            let len: usize = mt.shape.iter().product();
            locals.push(format!("__local {} {n}[{len}];", t.c()));
            em.mems.insert(key(&a), (n, mt));
        } else {
            let n = format!("a{i}");
            let cty = if mt.elem == Elem::F16 {
                "half".to_string()
            } else {
                t.c()
            };
            params.push(format!("__global {cty}* restrict {n}"));
            em.mems.insert(key(&a), (n, mt));
        }
    }
    for l in &locals {
        em.line(l);
    }
    em.block(body, &[])?;
    let mut text = String::new();
    if dims.len() >= 2 {
        let _ = writeln!(
            text,
            "__attribute__((reqd_work_group_size({}, {}, 1)))",
            dims[0], dims[1]
        );
    }
    let _ = writeln!(text, "__kernel void {name}({}) {{", params.join(", "));
    text.push_str(&em.out);
    text.push_str("}\n");
    Ok(FnOut { text })
}
