//! An MLP block (linear + GELU, linear, layer norm) and a softmax head,
//! each a kiln kernel compiled at build time and called as a plain
//! function: `kernels::linear_gelu(&x, &w1, &b1, &mut h)?`.

include!(concat!(env!("OUT_DIR"), "/kiln_kernels.rs"));

pub use kiln_rt::DeviceError;

/// Batch, model and hidden widths the kernels were compiled for.
pub const B: usize = 8;
/// Model width.
pub const D: usize = 64;
/// Hidden width.
pub const H: usize = 256;

/// The block's weights.
pub struct Weights {
    /// D x H.
    pub w1: Vec<f32>,
    /// H.
    pub b1: Vec<f32>,
    /// H x D.
    pub w2: Vec<f32>,
    /// D.
    pub b2: Vec<f32>,
    /// Layer-norm gain, D.
    pub g: Vec<f32>,
    /// Layer-norm bias, D.
    pub beta: Vec<f32>,
}

/// `softmax(layernorm(x + linear(gelu(linear(x)))))`, row by row: B x D in,
/// B x D probabilities out.
pub fn block(x: &[f32], w: &Weights) -> Result<Vec<f32>, DeviceError> {
    let mut h = vec![0.0; B * H];
    kernels::linear_gelu(x, &w.w1, &w.b1, &mut h)?;
    let mut y = vec![0.0; B * D];
    kernels::linear(&h, &w.w2, &w.b2, &mut y)?;
    for (y, x) in y.iter_mut().zip(x) {
        *y += x; // residual
    }
    let mut n = vec![0.0; B * D];
    kernels::layernorm(&y, &w.g, &w.beta, 1e-5, &mut n)?;
    let mut p = vec![0.0; B * D];
    kernels::softmax_c64_r8(&n, &mut p)?;
    Ok(p)
}

/// Deterministic pseudo-random values in [-scale, scale].
pub fn values(n: usize, seed: u32, scale: f32) -> Vec<f32> {
    let mut s = seed.wrapping_mul(2654435761).max(1);
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 17;
            s ^= s << 5;
            (s % 20001) as f32 / 10000.0 * scale - scale
        })
        .collect()
}

/// Weights for a demo.
pub fn demo_weights() -> Weights {
    Weights {
        w1: values(D * H, 1, 0.2),
        b1: values(H, 2, 0.1),
        w2: values(H * D, 3, 0.1),
        b2: values(D, 4, 0.1),
        g: values(D, 5, 1.0).iter().map(|v| 1.0 + v * 0.1).collect(),
        beta: values(D, 6, 0.1),
    }
}
