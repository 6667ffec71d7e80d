//! Host tensors: the values kernels read and write outside any device.
//!
//! A [`HostTensor`] is a dense row-major buffer of one [`DType`]. It reads
//! and writes `.npy` files (through `npyz`; writes are atomic: a temporary
//! file in the target directory, then a rename), draws random inputs
//! deterministically from a seed, and compares against a reference with a
//! per-dtype tolerance.

use half::f16;

/// The f16 type host tensors store (re-exported for backends).
pub use half::f16 as HalfF16;
use kiln_ir::DType;
use rand::{Rng, SeedableRng};
use std::path::{Path, PathBuf};

/// Element storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Data {
    /// f16 elements.
    F16(Vec<f16>),
    /// f32 elements.
    F32(Vec<f32>),
    /// f64 elements.
    F64(Vec<f64>),
    /// i32 elements.
    I32(Vec<i32>),
}

/// A dense row-major tensor in host memory (rank 0 for scalars).
#[derive(Clone, Debug, PartialEq)]
pub struct HostTensor {
    /// Dimensions.
    pub shape: Vec<usize>,
    /// Elements.
    pub data: Data,
}

/// Errors of tensor I/O and comparison.
#[derive(Debug, thiserror::Error)]
pub enum TensorError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// A `.npy` file is malformed or of an unsupported kind.
    #[error("{path}: {msg}")]
    Npy {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        msg: String,
    },
    /// Buffers larger than this machine's memory.
    #[error("the buffers need {need} bytes but this machine has {have} bytes of memory; use smaller sizes")]
    TooLarge {
        /// Bytes requested.
        need: u128,
        /// Physical memory.
        have: u128,
    },
    /// A literal scalar could not be read.
    #[error("`{text}` is not a valid {dtype} literal")]
    Literal {
        /// Text given.
        text: String,
        /// Wanted dtype.
        dtype: DType,
    },
}

impl HostTensor {
    /// Element count of a shape.
    pub fn numel_of(shape: &[usize]) -> usize {
        shape.iter().product()
    }

    /// Number of elements.
    pub fn numel(&self) -> usize {
        Self::numel_of(&self.shape)
    }

    /// Element type.
    pub fn dtype(&self) -> DType {
        match self.data {
            Data::F16(_) => DType::F16,
            Data::F32(_) => DType::F32,
            Data::F64(_) => DType::F64,
            Data::I32(_) => DType::I32,
        }
    }

    /// All elements widened to f64 (exact for every dtype).
    pub fn to_f64(&self) -> Vec<f64> {
        match &self.data {
            Data::F16(v) => v.iter().map(|x| x.to_f64()).collect(),
            Data::F32(v) => v.iter().map(|&x| x as f64).collect(),
            Data::F64(v) => v.clone(),
            Data::I32(v) => v.iter().map(|&x| x as f64).collect(),
        }
    }

    /// A tensor from f64 values, rounded to `dtype` (i32: truncated, saturating).
    pub fn from_f64(dtype: DType, shape: Vec<usize>, v: &[f64]) -> Self {
        let data = match dtype {
            DType::F16 => Data::F16(v.iter().map(|&x| f16::from_f64(x)).collect()),
            DType::F32 => Data::F32(v.iter().map(|&x| x as f32).collect()),
            DType::F64 => Data::F64(v.to_vec()),
            DType::I32 => Data::I32(v.iter().map(|&x| x as i32).collect()),
        };
        HostTensor { shape, data }
    }

    /// A zero-filled tensor.
    pub fn zeros(dtype: DType, shape: Vec<usize>) -> Self {
        let n = Self::numel_of(&shape);
        Self::from_f64(dtype, shape, &vec![0.0; n])
    }

    /// A tensor filled with the sentinel (NaN for floats, `i32::MIN + 17`
    /// for i32): outputs start as it, so a kernel that skips part of its
    /// output leaves it visible.
    pub fn sentinel(dtype: DType, shape: Vec<usize>) -> Self {
        let v = if dtype == DType::I32 {
            (i32::MIN + 17) as f64
        } else {
            f64::NAN
        };
        let n = Self::numel_of(&shape);
        Self::from_f64(dtype, shape, &vec![v; n])
    }

    /// Flat positions that still hold exactly the [`HostTensor::sentinel`]
    /// bit pattern (a NaN computed by a kernel has other bits).
    pub fn sentinel_positions(&self) -> Vec<usize> {
        fn find<T: Copy, B: PartialEq>(v: &[T], s: &[T], bits: impl Fn(T) -> B) -> Vec<usize> {
            let want = bits(s[0]);
            v.iter()
                .enumerate()
                .filter(|(_, x)| bits(**x) == want)
                .map(|(i, _)| i)
                .collect()
        }
        match (&self.data, &Self::sentinel(self.dtype(), vec![1]).data) {
            (Data::F16(v), Data::F16(s)) => find(v, s, |x| x.to_bits()),
            (Data::F32(v), Data::F32(s)) => find(v, s, |x| x.to_bits()),
            (Data::F64(v), Data::F64(s)) => find(v, s, |x| x.to_bits()),
            (Data::I32(v), Data::I32(s)) => find(v, s, |x| x),
            _ => unreachable!("the sentinel has the tensor's dtype"),
        }
    }

    /// Uniform random values: floats in [-1, 1), i32 in [-8, 8].
    pub fn random(dtype: DType, shape: Vec<usize>, rng: &mut impl Rng) -> Self {
        let n = Self::numel_of(&shape);
        let v: Vec<f64> = match dtype {
            DType::I32 => (0..n).map(|_| rng.gen_range(-8..=8) as f64).collect(),
            _ => (0..n).map(|_| rng.gen_range(-1.0..1.0)).collect(),
        };
        Self::from_f64(dtype, shape, &v)
    }

    /// A deterministic generator for [`HostTensor::random`].
    pub fn rng(seed: u64) -> rand::rngs::StdRng {
        rand::rngs::StdRng::seed_from_u64(seed)
    }

    /// A rank-0 tensor from a literal such as `1e-5`, `3` or `-inf`.
    pub fn scalar_from_literal(dtype: DType, text: &str) -> Result<Self, TensorError> {
        let bad = || TensorError::Literal {
            text: text.to_string(),
            dtype,
        };
        let v: f64 = match dtype {
            DType::I32 => text.trim().parse::<i32>().map_err(|_| bad())? as f64,
            _ => text.trim().parse::<f64>().map_err(|_| bad())?,
        };
        Ok(Self::from_f64(dtype, Vec::new(), &[v]))
    }

    /// Reads a `.npy` file (little- or big-endian f2/f4/f8/i4, C order).
    pub fn read_npy(path: &Path) -> Result<Self, TensorError> {
        let npy_err = |msg: String| TensorError::Npy {
            path: path.to_path_buf(),
            msg,
        };
        let bytes = std::fs::read(path).map_err(|source| TensorError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let npy = npyz::NpyFile::new(&bytes[..])
            .map_err(|e| npy_err(format!("not a valid .npy file: {e}")))?;
        if npy.order() != npyz::Order::C {
            return Err(npy_err(
                "Fortran-order arrays are not supported; save with C order".into(),
            ));
        }
        let shape: Vec<usize> = npy.shape().iter().map(|&d| d as usize).collect();
        let npyz::DType::Plain(ts) = npy.dtype() else {
            return Err(npy_err("structured dtypes are not supported".into()));
        };
        let n = Self::numel_of(&shape);
        let read = |e: std::io::Error| npy_err(format!("cannot read data: {e}"));
        let data = match (ts.type_char(), ts.size_field()) {
            (npyz::TypeChar::Float, 2) => Data::F16(npy.into_vec::<f16>().map_err(read)?),
            (npyz::TypeChar::Float, 4) => Data::F32(npy.into_vec::<f32>().map_err(read)?),
            (npyz::TypeChar::Float, 8) => Data::F64(npy.into_vec::<f64>().map_err(read)?),
            (npyz::TypeChar::Int, 4) => Data::I32(npy.into_vec::<i32>().map_err(read)?),
            _ => {
                return Err(npy_err(format!(
                    "dtype `{ts}` is not supported (use float16, float32, float64 or int32)"
                )))
            }
        };
        let t = HostTensor { shape, data };
        if t.len_data() != n {
            return Err(npy_err(format!(
                "holds {} elements, shape says {n}",
                t.len_data()
            )));
        }
        Ok(t)
    }

    fn len_data(&self) -> usize {
        match &self.data {
            Data::F16(v) => v.len(),
            Data::F32(v) => v.len(),
            Data::F64(v) => v.len(),
            Data::I32(v) => v.len(),
        }
    }

    /// Encodes as `.npy` bytes.
    pub fn to_npy_bytes(&self) -> Vec<u8> {
        let mut buf = Vec::new();
        let shape: Vec<u64> = self.shape.iter().map(|&d| d as u64).collect();
        fn put<T: npyz::Serialize + npyz::AutoSerialize + Copy>(
            buf: &mut Vec<u8>,
            shape: &[u64],
            v: &[T],
        ) {
            use npyz::WriterBuilder;
            let mut w = npyz::WriteOptions::new()
                .default_dtype()
                .shape(shape)
                .writer(buf)
                .begin_nd()
                .expect("writing into memory cannot fail");
            w.extend(v.iter().copied())
                .expect("writing into memory cannot fail");
            w.finish().expect("writing into memory cannot fail");
        }
        match &self.data {
            Data::F16(v) => put(&mut buf, &shape, v),
            Data::F32(v) => put(&mut buf, &shape, v),
            Data::F64(v) => put(&mut buf, &shape, v),
            Data::I32(v) => put(&mut buf, &shape, v),
        }
        buf
    }
}

/// Writes files all-or-nothing per file: each is written to a temporary file
/// in its target directory and synced, and only when every one is complete
/// are they renamed into place. An error leaves no partial file behind.
pub fn write_npy_atomic(files: &[(PathBuf, &HostTensor)]) -> Result<(), TensorError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TensorError::Io { path, source }
    };
    let mut staged = Vec::new();
    for (path, t) in files {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut tmp = tempfile::Builder::new()
            .prefix(".kiln-")
            .suffix(".npy.tmp")
            .tempfile_in(dir)
            .map_err(io(path))?;
        use std::io::Write;
        tmp.write_all(&t.to_npy_bytes()).map_err(io(path))?;
        tmp.as_file().sync_all().map_err(io(path))?;
        staged.push((tmp, path));
    }
    for (tmp, path) in staged {
        tmp.persist(path).map_err(|e| TensorError::Io {
            path: path.to_path_buf(),
            source: e.error,
        })?;
    }
    Ok(())
}

/// Fails cleanly (instead of aborting on allocation) when `bytes` exceed the
/// machine's physical memory (`MemTotal` of /proc/meminfo; no check where
/// that is unknown).
pub fn check_memory(bytes: u128) -> Result<(), TensorError> {
    let have = std::fs::read_to_string("/proc/meminfo").ok().and_then(|m| {
        m.lines()
            .find_map(|l| l.strip_prefix("MemTotal:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u128>().ok())
            .map(|kb| kb * 1024)
    });
    match have {
        Some(have) if bytes > have => Err(TensorError::TooLarge { need: bytes, have }),
        _ => Ok(()),
    }
}

/// Comparison tolerance for a dtype: `|a - b| <= atol + rtol * |b|`.
///
/// f16 2e-2 / 2e-2, f32 1e-4 / 1e-4, f64 1e-10 / 1e-10, i32 exact. Compiled
/// kernels may reassociate reductions; the bounds allow that for reductions
/// of a few thousand terms of moderate magnitude.
pub fn tolerance(dtype: DType) -> (f64, f64) {
    match dtype {
        DType::F16 => (2e-2, 2e-2),
        DType::F32 => (1e-4, 1e-4),
        DType::F64 => (1e-10, 1e-10),
        DType::I32 => (0.0, 0.0),
    }
}

/// The first element where `got` and `want` differ beyond tolerance: its
/// flat index and both values. NaN matches NaN; infinities must match exactly.
pub fn first_mismatch(got: &HostTensor, want: &HostTensor) -> Option<(usize, f64, f64)> {
    if got.shape != want.shape || got.dtype() != want.dtype() {
        return Some((0, f64::NAN, f64::NAN));
    }
    let (g, w) = (got.to_f64(), want.to_f64());
    g.iter()
        .zip(&w)
        .enumerate()
        .find_map(|(i, (&a, &b))| (!close(a, b, want.dtype())).then_some((i, a, b)))
}

/// `got` matches the reference `want` within the tolerance of `dtype`. NaN
/// matches NaN; infinities must match exactly.
pub fn close(got: f64, want: f64, dtype: DType) -> bool {
    let (atol, rtol) = tolerance(dtype);
    if got.is_nan() || want.is_nan() {
        got.is_nan() && want.is_nan()
    } else if got.is_infinite() || want.is_infinite() {
        got == want
    } else {
        (got - want).abs() <= atol + rtol * want.abs()
    }
}

/// Seeded random inputs for every input of a specialized kernel, in
/// declaration order (see [`HostTensor::random`]).
pub fn random_inputs(spec: &kiln_ir::Specialized<'_>, seed: u64) -> Vec<HostTensor> {
    let k = spec.kernel;
    let mut rng = HostTensor::rng(seed);
    k.inputs
        .iter()
        .map(|&t| HostTensor::random(k.tensors[t].dtype, spec.shape(t).to_vec(), &mut rng))
        .collect()
}
