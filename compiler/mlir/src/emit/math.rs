//! Math functions of the emitter: the calls of the language, and f32
//! `exp` (also inside `tanh` and `sigmoid`) emitted inline so that it
//! vectorizes. On x86 CPUs with AVX-512 or AVX2 (per [`CpuIsa`]) 16- and
//! 8-lane `exp` take 2^(j/16) (or 2^(j/8)) from a table held in one
//! register (`vpermps`) and need a polynomial of degree 3 (or 4) instead of
//! 7: about 13 instructions instead of 17, and on AMD's Zen 4 (one 512-bit
//! FMA per cycle) 7 instead of 11 on the FMA pipes. Elsewhere (GPUs, other
//! widths, other CPUs) the portable Cephes-style polynomial.

use super::{cty, vt, FnEmitter};
use kiln_ir::ir::Func;
use kiln_ir::DType;

/// The x86 vector extensions the CPU emitter may use directly (through
/// `llvm.call_intrinsic`); everything else it emits is target-independent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CpuIsa {
    /// AVX-512F: 16-lane `vpermps` and `vscalefps`.
    pub avx512: bool,
    /// AVX2: 8-lane `vpermps`.
    pub avx2: bool,
}

impl CpuIsa {
    /// No target-specific instructions (GPUs, non-x86 CPUs).
    pub const PORTABLE: CpuIsa = CpuIsa {
        avx512: false,
        avx2: false,
    };

    /// From an LLVM target feature string (`+avx2,+avx512f,...`).
    pub fn from_features(features: &str) -> CpuIsa {
        let has = |f: &str| features.split(',').any(|x| x == format!("+{f}"));
        CpuIsa {
            avx512: has("avx512f"),
            avx2: has("avx2"),
        }
    }
}

/// exp's range reduction through a table of 2^(j/N): x = (N n + j) ln2 / N
/// plus r, |r| <= ln2 / 2N, with ln2 / N split in two so that k times the
/// high part is exact for every k the range gives (12 significant bits for
/// N = 16, where k <= 2400; 13 for N = 8, where k <= 1025).
struct ExpTable {
    lanes: usize,
    /// N / ln 2, rounded to f32.
    inv_step: f64,
    hi: f64,
    lo: f64,
    /// Taylor coefficients of (e^r - 1) / r, highest first: degree 3 (N =
    /// 16, |r| <= 0.0217: truncation 9e-9 relative) or 4 (N = 8, |r| <=
    /// 0.0434: 1.3e-9), far below f32's half ulp (6e-8).
    poly: &'static [f64],
}

const EXP16: ExpTable = ExpTable {
    lanes: 16,
    inv_step: 23.083_120_346_069_336,
    hi: 0.043_319_702_148_437_5,
    lo: 1.996_636_456_169_653_7e-6,
    poly: &[1.0 / 6.0, 0.5, 1.0],
};

const EXP8: ExpTable = ExpTable {
    lanes: 8,
    inv_step: 11.541_560_173_034_668,
    hi: 0.086_639_404_296_875,
    lo: 3.993_272_912_339_307e-6,
    poly: &[1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0],
};

impl FnEmitter<'_, '_> {
    pub(super) fn call(&mut self, f: Func, xs: &[String], d: DType, w: usize) -> String {
        let ty = vt(cty(d), w);
        let fl = d.is_float();
        let poly = cty(d) == "f32";
        match f {
            Func::Exp if poly => self.exp_f32(&xs[0], w),
            Func::Exp => self.op(&format!("math.exp {} : {ty}", xs[0])),
            Func::Log => self.op(&format!("math.log {} : {ty}", xs[0])),
            Func::Sqrt => self.op(&format!("math.sqrt {} : {ty}", xs[0])),
            Func::Rsqrt => {
                let s = self.op(&format!("math.sqrt {} : {ty}", xs[0]));
                let one = self.cval(d, 1.0, w);
                self.op(&format!("arith.divf {one}, {s} : {ty}"))
            }
            Func::Tanh if poly => self.tanh_f32(&xs[0], w),
            Func::Tanh => self.op(&format!("math.tanh {} : {ty}", xs[0])),
            Func::Sigmoid => {
                let n = self.op(&format!("arith.negf {} : {ty}", xs[0]));
                let e = if poly {
                    self.exp_f32(&n, w)
                } else {
                    self.op(&format!("math.exp {n} : {ty}"))
                };
                let one = self.cval(d, 1.0, w);
                let e1 = self.op(&format!("arith.addf {e}, {one} : {ty}"));
                self.op(&format!("arith.divf {one}, {e1} : {ty}"))
            }
            Func::Abs if fl => self.op(&format!("math.absf {} : {ty}", xs[0])),
            Func::Abs => self.op(&format!("math.absi {} : {ty}", xs[0])),
            Func::Max if fl => self.op(&format!("arith.maximumf {}, {} : {ty}", xs[0], xs[1])),
            Func::Max => self.op(&format!("arith.maxsi {}, {} : {ty}", xs[0], xs[1])),
            Func::Min if fl => self.op(&format!("arith.minimumf {}, {} : {ty}", xs[0], xs[1])),
            Func::Min => self.op(&format!("arith.minsi {}, {} : {ty}", xs[0], xs[1])),
            Func::Pow => self.op(&format!("math.powf {}, {} : {ty}", xs[0], xs[1])),
        }
    }

    /// tanh for f32 lanes, within 2 ulps: for |x| >= 0.625,
    /// sign(x) * (1 - 2 / (exp(2|x|) + 1)); below, where that difference
    /// cancels (at 1e-5 it was off by 15000 ulps), Cephes' odd polynomial
    /// x + x^3 P(x^2).
    fn tanh_f32(&mut self, x: &str, w: usize) -> String {
        let d = DType::F32;
        let ty = vt("f32", w);
        let a = self.op(&format!("math.absf {x} : {ty}"));
        let two = self.cval(d, 2.0, w);
        let one = self.cval(d, 1.0, w);
        let a2 = self.op(&format!("arith.mulf {a}, {two} : {ty}"));
        let e = self.exp_f32(&a2, w);
        let e1 = self.op(&format!("arith.addf {e}, {one} : {ty}"));
        let q = self.op(&format!("arith.divf {two}, {e1} : {ty}"));
        let big = self.op(&format!("arith.subf {one}, {q} : {ty}"));
        let z = self.op(&format!("arith.mulf {x}, {x} : {ty}"));
        let coeffs = [
            -5.704_988_727_45e-3,
            2.063_908_879_54e-2,
            -5.373_971_555_31e-2,
            1.333_144_220_36e-1,
            -3.333_328_194_22e-1,
        ];
        let mut p = self.cval(d, coeffs[0], w);
        for &cf in &coeffs[1..] {
            let k = self.cval(d, cf, w);
            p = self.op(&format!("math.fma {p}, {z}, {k} : {ty}"));
        }
        let pz = self.op(&format!("arith.mulf {p}, {z} : {ty}"));
        let small = self.op(&format!("math.fma {pz}, {x}, {x} : {ty}"));
        let lim = self.cval(d, 0.625, w);
        let lt = self.op(&format!("arith.cmpf olt, {a}, {lim} : {ty}"));
        let v = self.op(&format!(
            "arith.select {lt}, {small}, {big} : {}, {ty}",
            vt("i1", w)
        ));
        // x + x z P(z) gives +0 for -0; tanh is odd and keeps x's sign.
        self.op(&format!("math.copysign {v}, {x} : {ty}"))
    }

    /// exp for f32 lanes: Cephes-style range reduction x = n ln2 + r and a
    /// degree-6 polynomial for e^r, scaled by 2^n through the exponent bits
    /// (about 1 ulp). Vectorizes, unlike a libm call. Results below about
    /// 2.4e-38 (x < -87) give 0, above f32::MAX +inf, NaN stays NaN.
    ///
    /// Seventeen instructions: the clamps are compare-and-select (one
    /// `vminps`/`vmaxps` each, NaN passes through them), n is rounded by
    /// adding 1.5 * 2^23 (its low bits are then n, no float-to-int
    /// conversion), and the limits need no selects: below the range the
    /// scale is 0, above it the product overflows to +inf, and NaN
    /// propagates through the arithmetic.
    fn exp_f32_poly(&mut self, x: &str, w: usize) -> String {
        let ty = vt("f32", w);
        let ity = vt("i32", w);
        let bt = vt("i1", w);
        let c = |s: &mut Self, v: f64| s.cval(DType::F32, v, w);
        // Clamped to [lo, hi]: n = round(x / ln 2) is then in [-126, 128].
        // At lo, n = -126 gives the scale 0; just above ln(f32::MAX)
        // (88.72) n = 128 and e^r >= 1, so the result is +inf, as it is
        // for any larger x (clamped to hi).
        let hi = c(self, 88.9);
        let lo = c(self, -87.336_55);
        let over = self.op(&format!("arith.cmpf ogt, {x}, {hi} : {ty}"));
        let xc = self.op(&format!("arith.select {over}, {hi}, {x} : {bt}, {ty}"));
        let under = self.op(&format!("arith.cmpf olt, {xc}, {lo} : {ty}"));
        let xc = self.op(&format!("arith.select {under}, {lo}, {xc} : {bt}, {ty}"));
        // t = x / ln 2 + 1.5 * 2^23 rounds x / ln 2 to the nearest integer n
        // (the ulp of t is 1), and t's low mantissa bits hold n + 2^22.
        let log2e = c(self, std::f64::consts::LOG2_E);
        let magic = c(self, 12_582_912.0);
        let t = self.op(&format!("math.fma {xc}, {log2e}, {magic} : {ty}"));
        let fx = self.op(&format!("arith.subf {t}, {magic} : {ty}"));
        let c1 = c(self, -0.693_359_375);
        let c2 = c(self, 2.121_944_4e-4);
        let r = self.op(&format!("math.fma {fx}, {c1}, {xc} : {ty}"));
        let r = self.op(&format!("math.fma {fx}, {c2}, {r} : {ty}"));
        let coeffs = [
            1.987_569_15e-4,
            1.398_199_95e-3,
            8.333_451_9e-3,
            4.166_579_59e-2,
            1.666_666_55e-1,
            5.000_000_12e-1,
        ];
        let mut y = c(self, coeffs[0]);
        for &cf in &coeffs[1..] {
            let k = c(self, cf);
            y = self.op(&format!("math.fma {y}, {r}, {k} : {ty}"));
        }
        let r2 = self.op(&format!("arith.mulf {r}, {r} : {ty}"));
        let y = self.op(&format!("math.fma {y}, {r2}, {r} : {ty}"));
        let one = c(self, 1.0);
        let y = self.op(&format!("arith.addf {y}, {one} : {ty}"));
        // The scale 2^(n-1) (applied with a final *2 so that n = 128, i.e.
        // results up to f32::MAX, still has an exponent field): its bits are
        // (n + 126) << 23, and (bits(t) + 126) << 23 is the same number
        // because the rest of bits(t) shifts out (1.5 * 2^23's bits are
        // 0x4B40_0000, whose low 9 bits are zero).
        let tb = self.op(&format!("arith.bitcast {t} : {ty} to {ity}"));
        let bias = self.cval(DType::I32, 126.0, w);
        let n = self.op(&format!("arith.addi {tb}, {bias} : {ity}"));
        let sh = self.cval(DType::I32, 23.0, w);
        let bits = self.op(&format!("arith.shli {n}, {sh} : {ity}"));
        let scale = self.op(&format!("arith.bitcast {bits} : {ity} to {ty}"));
        let y = self.op(&format!("arith.mulf {y}, {scale} : {ty}"));
        let two = c(self, 2.0);
        self.op(&format!("arith.mulf {y}, {two} : {ty}"))
    }

    /// exp for f32 lanes: the table form where the CPU has it for this
    /// width, else the portable polynomial.
    pub(super) fn exp_f32(&mut self, x: &str, w: usize) -> String {
        match (self.gpu.is_none(), w, self.isa) {
            (true, 16, CpuIsa { avx512: true, .. }) => self.exp_f32_table(x, &EXP16),
            (true, 8, CpuIsa { avx2: true, .. }) => self.exp_f32_table(x, &EXP8),
            _ => self.exp_f32_poly(x, w),
        }
    }

    /// e^x = 2^n * T[j] * e^r with k = round(x N / ln 2) = N n + j (j = k
    /// mod N, the low bits of k), T[j] = 2^(j/N) looked up with `vpermps`
    /// (which reads only those low bits of its index), and e^r as T[j] +
    /// T[j] * r * P(r). Within about 1.1 ulps of the exact value.
    ///
    /// 16 lanes (AVX-512): x clamped to [-104, 88.9] (NaN passes); 2^n is
    /// applied by `vscalefps`, which rounds once, gives subnormals, 0
    /// below them, +inf past f32::MAX and keeps NaN. 8 lanes (AVX2, no
    /// scalef): n is added to the exponent bits, which is right only for
    /// normal results, so x above ln(f32::MAX) gives x + inf (+inf, or NaN
    /// for NaN) and x below -86.64 gives 0 (the contract's flush below
    /// 2.4e-38) by selects.
    fn exp_f32_table(&mut self, x: &str, t: &ExpTable) -> String {
        let w = t.lanes;
        let (ty, ity, bt) = (vt("f32", w), vt("i32", w), vt("i1", w));
        let c = |s: &mut Self, v: f64| s.cval(DType::F32, v, w);
        let xc = if w == 16 {
            let (hi, lo) = (c(self, 88.9), c(self, -104.0));
            let over = self.op(&format!("arith.cmpf ogt, {x}, {hi} : {ty}"));
            let xc = self.op(&format!("arith.select {over}, {hi}, {x} : {bt}, {ty}"));
            let under = self.op(&format!("arith.cmpf olt, {xc}, {lo} : {ty}"));
            self.op(&format!("arith.select {under}, {lo}, {xc} : {bt}, {ty}"))
        } else {
            x.to_string()
        };
        // t = x N / ln 2 + 1.5 * 2^23: its low mantissa bits hold k + 2^22.
        let (inv, magic) = (c(self, t.inv_step), c(self, 12_582_912.0));
        let tt = self.op(&format!("math.fma {xc}, {inv}, {magic} : {ty}"));
        let kf = self.op(&format!("arith.subf {tt}, {magic} : {ty}"));
        let (nhi, nlo) = (c(self, -t.hi), c(self, -t.lo));
        let r = self.op(&format!("math.fma {kf}, {nhi}, {xc} : {ty}"));
        let r = self.op(&format!("math.fma {kf}, {nlo}, {r} : {ty}"));
        let mut p = c(self, t.poly[0]);
        for &cf in &t.poly[1..] {
            let k = c(self, cf);
            p = self.op(&format!("math.fma {p}, {r}, {k} : {ty}"));
        }
        let q = self.op(&format!("arith.mulf {p}, {r} : {ty}"));
        let n = w as f64;
        let lits: Vec<String> = (0..w)
            .map(|j| format!("0x{:08X}", (2f64.powf(j as f64 / n) as f32).to_bits()))
            .collect();
        let table = self.constant(&format!("dense<[{}]>", lits.join(", ")), &ty);
        let tb = self.op(&format!("arith.bitcast {tt} : {ty} to {ity}"));
        let perm = if w == 16 {
            "llvm.x86.avx512.permvar.sf.512"
        } else {
            "llvm.x86.avx2.permps"
        };
        let tj = self.op(&format!(
            "llvm.call_intrinsic \"{perm}\"({table}, {tb}) : ({ty}, {ity}) -> {ty}"
        ));
        let y = self.op(&format!("math.fma {tj}, {q}, {tj} : {ty}"));
        if w == 16 {
            let step = c(self, 1.0 / n);
            let nf = self.op(&format!("arith.mulf {kf}, {step} : {ty}"));
            let all = self.constant("-1", "i16");
            let rnd = self.constant("4", "i32");
            return self.op(&format!(
                "llvm.call_intrinsic \"llvm.x86.avx512.mask.scalef.ps.512\"({y}, {nf}, {y}, {all}, {rnd}) : ({ty}, {ty}, {ty}, i16, i32) -> {ty}"
            ));
        }
        // 2^n: n << 23 added to y's bits; n = k >> 3 is (bits(t) & ~7) << 20,
        // the high bits of t shifting out.
        let mask = self.cval(DType::I32, -(w as f64), w);
        let sh = self.cval(DType::I32, (23 - w.trailing_zeros()) as f64, w);
        let e = self.op(&format!("arith.andi {tb}, {mask} : {ity}"));
        let e = self.op(&format!("arith.shli {e}, {sh} : {ity}"));
        let yb = self.op(&format!("arith.bitcast {y} : {ty} to {ity}"));
        let sum = self.op(&format!("arith.addi {yb}, {e} : {ity}"));
        let res = self.op(&format!("arith.bitcast {sum} : {ity} to {ty}"));
        // The largest f32 whose exp is finite, and the flush below 2.4e-38.
        let (xmax, xmin) = (c(self, 88.722_831_726_074_22), c(self, -86.64));
        let inf = c(self, f64::INFINITY);
        let ok = self.op(&format!("arith.cmpf ole, {x}, {xmax} : {ty}"));
        let big = self.op(&format!("arith.addf {x}, {inf} : {ty}"));
        let res = self.op(&format!("arith.select {ok}, {res}, {big} : {bt}, {ty}"));
        let tiny = self.op(&format!("arith.cmpf olt, {x}, {xmin} : {ty}"));
        let zero = c(self, 0.0);
        self.op(&format!("arith.select {tiny}, {zero}, {res} : {bt}, {ty}"))
    }
}
