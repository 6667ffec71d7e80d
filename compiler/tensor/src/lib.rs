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
    /// A shape whose element count (or byte size) does not fit in memory
    /// addresses, or that disagrees with the elements given for it.
    #[error("shape {shape:?}: {msg}")]
    Shape {
        /// The shape.
        shape: Vec<usize>,
        /// What is wrong.
        msg: String,
    },
}

/// Why a result does not match its reference ([`compare`]). Shapes and
/// dtypes are checked before any element, so a shape mismatch is never
/// reported as a value difference.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Mismatch {
    /// Different element types.
    #[error("`{name}` has dtype {got} but the reference has {want}")]
    Dtype {
        /// The argument or output compared.
        name: String,
        /// Dtype of the result.
        got: DType,
        /// Dtype of the reference.
        want: DType,
    },
    /// Different ranks.
    #[error(
        "`{name}` has rank {} (shape {got:?}) but the reference has rank {} (shape {want:?})",
        got.len(),
        want.len()
    )]
    Rank {
        /// The argument or output compared.
        name: String,
        /// Shape of the result.
        got: Vec<usize>,
        /// Shape of the reference.
        want: Vec<usize>,
    },
    /// Same rank, a different size in one dimension.
    #[error(
        "`{name}` has size {} in dimension {dim} but the reference has {} (shapes {got:?} and {want:?})",
        got[*dim],
        want[*dim]
    )]
    Shape {
        /// The argument or output compared.
        name: String,
        /// First dimension that differs.
        dim: usize,
        /// Shape of the result.
        got: Vec<usize>,
        /// Shape of the reference.
        want: Vec<usize>,
    },
    /// A tensor whose buffer does not hold as many elements as its shape says.
    #[error("{which} `{name}` holds {len} elements but its shape {shape:?} has {numel}")]
    Length {
        /// The argument or output compared.
        name: String,
        /// "result" or "reference".
        which: &'static str,
        /// Its shape.
        shape: Vec<usize>,
        /// Elements its shape has (saturating).
        numel: usize,
        /// Elements its buffer holds.
        len: usize,
    },
    /// An element outside the tolerance.
    #[error("`{name}` differs at index {at:?} (flat {index}): got {got}, want {want}")]
    Value {
        /// The argument or output compared.
        name: String,
        /// Flat (row-major) index.
        index: usize,
        /// The same position per dimension.
        at: Vec<usize>,
        /// The result's element.
        got: f64,
        /// The reference's element.
        want: f64,
    },
}

impl HostTensor {
    /// Element count of a shape, saturating at `usize::MAX` (a count that
    /// large cannot be allocated; [`HostTensor::checked_numel`] says why).
    pub fn numel_of(shape: &[usize]) -> usize {
        Self::checked_numel(shape).unwrap_or(usize::MAX)
    }

    /// Element count of a shape, `None` when it overflows `usize`.
    pub fn checked_numel(shape: &[usize]) -> Option<usize> {
        shape.iter().try_fold(1usize, |n, &d| n.checked_mul(d))
    }

    /// Checks that a tensor of `dtype` and `shape` can exist: its element
    /// count and byte size fit in this machine's addresses (checked
    /// arithmetic) and, above 1 GiB, its bytes in physical memory
    /// ([`check_memory`]). Returns the element count.
    pub fn check_shape(dtype: DType, shape: &[usize]) -> Result<usize, TensorError> {
        let bad = |msg: String| TensorError::Shape {
            shape: shape.to_vec(),
            msg,
        };
        let n = Self::checked_numel(shape)
            .ok_or_else(|| bad("its element count overflows a 64-bit integer".into()))?;
        let bytes = n
            .checked_mul(dtype.size_bytes())
            .filter(|&b| b <= isize::MAX as usize)
            .ok_or_else(|| {
                bad(format!(
                    "{n} {dtype} elements are more bytes than this machine can address"
                ))
            })?;
        // Small buffers surely fit; only large ones cost a look at meminfo.
        if bytes > 1 << 30 {
            check_memory(bytes as u128)?;
        }
        Ok(n)
    }

    /// Number of elements (of the shape; saturating).
    pub fn numel(&self) -> usize {
        Self::numel_of(&self.shape)
    }

    /// Number of elements the buffer holds (equal to [`HostTensor::numel`]
    /// for every tensor this crate builds).
    pub fn data_len(&self) -> usize {
        match &self.data {
            Data::F16(v) => v.len(),
            Data::F32(v) => v.len(),
            Data::F64(v) => v.len(),
            Data::I32(v) => v.len(),
        }
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

    /// The elements as little-endian bytes (what device buffers hold).
    pub fn to_le_bytes(&self) -> Vec<u8> {
        match &self.data {
            Data::F16(v) => v.iter().flat_map(|x| x.to_bits().to_le_bytes()).collect(),
            Data::F32(v) => v.iter().flat_map(|x| x.to_le_bytes()).collect(),
            Data::F64(v) => v.iter().flat_map(|x| x.to_le_bytes()).collect(),
            Data::I32(v) => v.iter().flat_map(|x| x.to_le_bytes()).collect(),
        }
    }

    /// A tensor from little-endian element bytes (a whole number of
    /// elements; a trailing partial element is ignored).
    pub fn from_le_bytes(dtype: DType, shape: Vec<usize>, b: &[u8]) -> Self {
        let data = match dtype {
            DType::F16 => Data::F16(
                b.chunks_exact(2)
                    .map(|c| f16::from_bits(u16::from_le_bytes([c[0], c[1]])))
                    .collect(),
            ),
            DType::F32 => Data::F32(
                b.chunks_exact(4)
                    .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                    .collect(),
            ),
            DType::F64 => Data::F64(
                b.chunks_exact(8)
                    .map(|c| f64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
                    .collect(),
            ),
            DType::I32 => Data::I32(
                b.chunks_exact(4)
                    .map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                    .collect(),
            ),
        };
        HostTensor { shape, data }
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

    /// A tensor from f64 values, rounded to `dtype` (i32: truncated,
    /// saturating). `v` must hold one value per element of `shape`
    /// ([`HostTensor::try_from_f64`] checks).
    pub fn from_f64(dtype: DType, shape: Vec<usize>, v: &[f64]) -> Self {
        let data = match dtype {
            DType::F16 => Data::F16(
                v.iter()
                    .map(|&x| f16::from_f64(kiln_ir::round_f16(x)))
                    .collect(),
            ),
            DType::F32 => Data::F32(v.iter().map(|&x| x as f32).collect()),
            DType::F64 => Data::F64(v.to_vec()),
            DType::I32 => Data::I32(v.iter().map(|&x| x as i32).collect()),
        };
        HostTensor { shape, data }
    }

    /// [`HostTensor::from_f64`], checking that `v` holds exactly one value
    /// per element of `shape`.
    pub fn try_from_f64(dtype: DType, shape: Vec<usize>, v: &[f64]) -> Result<Self, TensorError> {
        match Self::checked_numel(&shape) {
            Some(n) if n == v.len() => Ok(Self::from_f64(dtype, shape, v)),
            Some(n) => Err(TensorError::Shape {
                shape,
                msg: format!("it has {n} elements but {} values were given", v.len()),
            }),
            None => Err(TensorError::Shape {
                shape,
                msg: "its element count overflows a 64-bit integer".into(),
            }),
        }
    }

    /// A tensor of `n` copies of `v`.
    fn filled(dtype: DType, shape: Vec<usize>, n: usize, v: f64) -> Self {
        let data = match dtype {
            DType::F16 => Data::F16(vec![f16::from_f64(kiln_ir::round_f16(v)); n]),
            DType::F32 => Data::F32(vec![v as f32; n]),
            DType::F64 => Data::F64(vec![v; n]),
            DType::I32 => Data::I32(vec![v as i32; n]),
        };
        HostTensor { shape, data }
    }

    /// A zero-filled tensor.
    ///
    /// # Panics
    /// When the shape cannot be allocated; [`HostTensor::try_zeros`] returns
    /// an error instead.
    pub fn zeros(dtype: DType, shape: Vec<usize>) -> Self {
        Self::try_zeros(dtype, shape).unwrap_or_else(|e| panic!("{e}"))
    }

    /// A zero-filled tensor, or an error for a shape that cannot be
    /// allocated ([`HostTensor::check_shape`]).
    pub fn try_zeros(dtype: DType, shape: Vec<usize>) -> Result<Self, TensorError> {
        let n = Self::check_shape(dtype, &shape)?;
        Ok(Self::filled(dtype, shape, n, 0.0))
    }

    /// The sentinel value of a dtype (NaN for floats, `i32::MIN + 17` for i32).
    fn sentinel_value(dtype: DType) -> f64 {
        if dtype == DType::I32 {
            (i32::MIN + 17) as f64
        } else {
            f64::NAN
        }
    }

    /// A tensor filled with the sentinel (NaN for floats, `i32::MIN + 17`
    /// for i32): outputs start as it, so a kernel that skips part of its
    /// output leaves it visible.
    ///
    /// # Panics
    /// When the shape cannot be allocated; [`HostTensor::try_sentinel`]
    /// returns an error instead.
    pub fn sentinel(dtype: DType, shape: Vec<usize>) -> Self {
        Self::try_sentinel(dtype, shape).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`HostTensor::sentinel`], or an error for a shape that cannot be
    /// allocated ([`HostTensor::check_shape`]).
    pub fn try_sentinel(dtype: DType, shape: Vec<usize>) -> Result<Self, TensorError> {
        let n = Self::check_shape(dtype, &shape)?;
        Ok(Self::filled(dtype, shape, n, Self::sentinel_value(dtype)))
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
        let one = Self::filled(self.dtype(), vec![1], 1, Self::sentinel_value(self.dtype()));
        match (&self.data, &one.data) {
            (Data::F16(v), Data::F16(s)) => find(v, s, |x| x.to_bits()),
            (Data::F32(v), Data::F32(s)) => find(v, s, |x| x.to_bits()),
            (Data::F64(v), Data::F64(s)) => find(v, s, |x| x.to_bits()),
            (Data::I32(v), Data::I32(s)) => find(v, s, |x| x),
            _ => unreachable!("the sentinel has the tensor's dtype"),
        }
    }

    /// Uniform random values: floats in [-1, 1), i32 in [-8, 8].
    ///
    /// # Panics
    /// When the shape cannot be allocated; [`HostTensor::try_random`]
    /// returns an error instead.
    pub fn random(dtype: DType, shape: Vec<usize>, rng: &mut impl Rng) -> Self {
        Self::try_random(dtype, shape, rng).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`HostTensor::random`], or an error for a shape that cannot be
    /// allocated ([`HostTensor::check_shape`]).
    pub fn try_random(
        dtype: DType,
        shape: Vec<usize>,
        rng: &mut impl Rng,
    ) -> Result<Self, TensorError> {
        let n = Self::check_shape(dtype, &shape)?;
        let v: Vec<f64> = match dtype {
            DType::I32 => (0..n).map(|_| rng.gen_range(-8..=8) as f64).collect(),
            _ => (0..n).map(|_| rng.gen_range(-1.0..1.0)).collect(),
        };
        Ok(Self::from_f64(dtype, shape, &v))
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
    ///
    /// The header is not trusted: it is parsed here (a Python dict literal),
    /// its `shape` multiplied out in checked arithmetic and checked against
    /// the bytes the file holds before any element is read or any buffer
    /// allocated.
    pub fn read_npy(path: &Path) -> Result<Self, TensorError> {
        let npy_err = |msg: String| TensorError::Npy {
            path: path.to_path_buf(),
            msg,
        };
        let bytes = std::fs::read(path).map_err(|source| TensorError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let header = npy_header(&bytes).map_err(npy_err)?;
        let shape_str = format!("{:?}", header.shape);
        let n64 = header
            .shape
            .iter()
            .try_fold(1u64, |n, &d| n.checked_mul(d))
            .ok_or_else(|| {
                npy_err(format!(
                    "header field `shape` {shape_str} has more elements than a 64-bit count holds"
                ))
            })?;
        let have = (bytes.len() - header.data_offset) as u64;
        let need = n64.checked_mul(header.elem.size() as u64);
        if need != Some(have) {
            let need = need.map_or_else(|| "more than 2^64".to_string(), |b| b.to_string());
            return Err(npy_err(format!(
                "header field `shape` {shape_str} has {n64} elements of `{}` ({need} bytes), \
                 but the file holds {have} bytes of data",
                header.descr
            )));
        }
        // The data fits in memory (it was read), so the shape fits in usize.
        let shape: Vec<usize> = header
            .shape
            .iter()
            .map(|&d| usize::try_from(d))
            .collect::<Result<_, _>>()
            .map_err(|_| {
                npy_err(format!(
                    "header field `shape` {shape_str} is too large for this machine"
                ))
            })?;
        let data = header.elem.decode(&bytes[header.data_offset..]);
        Ok(HostTensor { shape, data })
    }

    /// Encodes as `.npy` bytes.
    ///
    /// # Panics
    /// When the buffer does not hold one element per element of the shape
    /// (never for tensors this crate builds); [`HostTensor::try_to_npy_bytes`]
    /// returns an error instead.
    pub fn to_npy_bytes(&self) -> Vec<u8> {
        self.try_to_npy_bytes().unwrap_or_else(|e| panic!("{e}"))
    }

    /// Encodes as `.npy` bytes, or an error when the buffer and the shape
    /// disagree.
    pub fn try_to_npy_bytes(&self) -> Result<Vec<u8>, TensorError> {
        if Self::checked_numel(&self.shape) != Some(self.data_len()) {
            return Err(TensorError::Shape {
                shape: self.shape.clone(),
                msg: format!(
                    "the tensor holds {} elements, not one per element of its shape",
                    self.data_len()
                ),
            });
        }
        Ok(self.npy_bytes())
    }

    fn npy_bytes(&self) -> Vec<u8> {
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

/// Writes a set of files all or nothing: each is written to a temporary
/// file in its target directory and synced; only when every one is complete
/// are they renamed into place, the files they replace kept aside until the
/// last rename succeeds. An error leaves the targets as they were (no
/// partial file, no mix of old and new outputs).
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
        tmp.write_all(&t.try_to_npy_bytes()?).map_err(io(path))?;
        tmp.as_file().sync_all().map_err(io(path))?;
        staged.push((tmp, path));
    }
    // Rename into place, keeping each file it replaces as a backup until
    // all are in place: a failure part-way restores every earlier one, so
    // the set of files is written all or nothing.
    let mut done: Vec<(&Path, Option<PathBuf>)> = Vec::new();
    let mut result = Ok(());
    for (i, (tmp, path)) in staged.into_iter().enumerate() {
        let backup = if path.is_dir() {
            result = Err(TensorError::Io {
                path: path.to_path_buf(),
                source: std::io::Error::other("a directory is in the way"),
            });
            break;
        } else if path.exists() {
            let name = path
                .file_name()
                .map_or_else(Default::default, |n| n.to_string_lossy());
            let b = path.with_file_name(format!(".kiln-{}-{i}-{name}.bak", std::process::id()));
            if let Err(e) = std::fs::rename(path, &b) {
                result = Err(io(path)(e));
                break;
            }
            Some(b)
        } else {
            None
        };
        match tmp.persist(path) {
            Ok(_) => done.push((path, backup)),
            Err(e) => {
                if let Some(b) = &backup {
                    let _ = std::fs::rename(b, path);
                }
                result = Err(io(path)(e.error));
                break;
            }
        }
    }
    for (path, backup) in done {
        match (&result, backup) {
            (Ok(()), Some(b)) => {
                let _ = std::fs::remove_file(b);
            }
            (Ok(()), None) => {}
            (Err(_), Some(b)) => {
                let _ = std::fs::rename(b, path);
            }
            (Err(_), None) => {
                let _ = std::fs::remove_file(path);
            }
        }
    }
    result
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

/// Compares the result `got` with the reference `want` of the argument or
/// output `name`: dtype, rank, each dimension and the buffer lengths first,
/// then every element within [`tolerance`] ([`close`]). The error names
/// what differs: the dimension and both sizes for a shape mismatch, the
/// position and both values for the first element outside the tolerance.
pub fn compare(name: &str, got: &HostTensor, want: &HostTensor) -> Result<(), Mismatch> {
    let name = name.to_string();
    if got.dtype() != want.dtype() {
        return Err(Mismatch::Dtype {
            name,
            got: got.dtype(),
            want: want.dtype(),
        });
    }
    if got.shape.len() != want.shape.len() {
        return Err(Mismatch::Rank {
            name,
            got: got.shape.clone(),
            want: want.shape.clone(),
        });
    }
    if let Some(dim) = (0..got.shape.len()).find(|&d| got.shape[d] != want.shape[d]) {
        return Err(Mismatch::Shape {
            name,
            dim,
            got: got.shape.clone(),
            want: want.shape.clone(),
        });
    }
    for (which, t) in [("result", got), ("reference", want)] {
        if HostTensor::checked_numel(&t.shape) != Some(t.data_len()) {
            return Err(Mismatch::Length {
                name,
                which,
                shape: t.shape.clone(),
                numel: t.numel(),
                len: t.data_len(),
            });
        }
    }
    let (g, w) = (got.to_f64(), want.to_f64());
    match g
        .iter()
        .zip(&w)
        .position(|(&a, &b)| !close(a, b, want.dtype()))
    {
        None => Ok(()),
        Some(index) => Err(Mismatch::Value {
            name,
            index,
            at: unravel(index, &want.shape),
            got: g[index],
            want: w[index],
        }),
    }
}

/// The row-major position of flat index `i` in `shape`.
fn unravel(mut i: usize, shape: &[usize]) -> Vec<usize> {
    let mut at = vec![0; shape.len()];
    for (a, &d) in at.iter_mut().zip(shape).rev() {
        if d > 0 {
            *a = i % d;
            i /= d;
        }
    }
    at
}

/// The first element where `got` and `want` differ beyond tolerance: its
/// flat index and both values. NaN matches NaN; infinities must match exactly.
///
/// Tensors of different dtypes or shapes have no element to point at; for
/// them this returns `(0, NaN, NaN)`. Prefer [`compare`], whose error names
/// the dimension and both sizes of a shape mismatch.
pub fn first_mismatch(got: &HostTensor, want: &HostTensor) -> Option<(usize, f64, f64)> {
    match compare("", got, want) {
        Ok(()) => None,
        Err(Mismatch::Value {
            index, got, want, ..
        }) => Some((index, got, want)),
        Err(_) => Some((0, f64::NAN, f64::NAN)),
    }
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
/// declaration order (see [`HostTensor::random`]), or an error when they
/// do not fit in this machine's memory together.
pub fn try_random_inputs(
    spec: &kiln_ir::Specialized<'_>,
    seed: u64,
) -> Result<Vec<HostTensor>, TensorError> {
    let k = spec.kernel;
    let mut bytes: u128 = 0;
    for &t in &k.inputs {
        let n = HostTensor::check_shape(k.tensors[t].dtype, spec.shape(t))?;
        bytes += (n as u128) * k.tensors[t].dtype.size_bytes() as u128;
    }
    check_memory(bytes)?;
    let mut rng = HostTensor::rng(seed);
    k.inputs
        .iter()
        .map(|&t| HostTensor::try_random(k.tensors[t].dtype, spec.shape(t).to_vec(), &mut rng))
        .collect()
}

/// Seeded random inputs for every input of a specialized kernel, in
/// declaration order (see [`HostTensor::random`]).
///
/// # Panics
/// When the inputs do not fit in memory; [`try_random_inputs`] returns an
/// error instead.
pub fn random_inputs(spec: &kiln_ir::Specialized<'_>, seed: u64) -> Vec<HostTensor> {
    let k = spec.kernel;
    let mut rng = HostTensor::rng(seed);
    k.inputs
        .iter()
        .map(|&t| HostTensor::random(k.tensors[t].dtype, spec.shape(t).to_vec(), &mut rng))
        .collect()
}

/// Element type and byte order of `.npy` data.
#[derive(Copy, Clone, Debug)]
struct NpyElem {
    dtype: DType,
    big_endian: bool,
}

impl NpyElem {
    fn size(self) -> usize {
        self.dtype.size_bytes()
    }

    /// Decodes `body`, whose length is a multiple of the element size.
    fn decode(self, body: &[u8]) -> Data {
        fn words<const N: usize, T>(body: &[u8], big: bool, f: impl Fn([u8; N]) -> T) -> Vec<T> {
            body.chunks_exact(N)
                .map(|c| {
                    let mut w = <[u8; N]>::try_from(c).unwrap_or([0; N]);
                    if big {
                        w.reverse();
                    }
                    f(w)
                })
                .collect()
        }
        let big = self.big_endian;
        match self.dtype {
            DType::F16 => Data::F16(words(body, big, |w| f16::from_bits(u16::from_le_bytes(w)))),
            DType::F32 => Data::F32(words(body, big, f32::from_le_bytes)),
            DType::F64 => Data::F64(words(body, big, f64::from_le_bytes)),
            DType::I32 => Data::I32(words(body, big, i32::from_le_bytes)),
        }
    }
}

/// What the header of a `.npy` file says, read without trusting it.
struct NpyHeaderInfo {
    /// Offset of the first data byte.
    data_offset: usize,
    /// The `descr` field as written.
    descr: String,
    /// Element type and byte order.
    elem: NpyElem,
    /// The `shape` field.
    shape: Vec<u64>,
}

/// Reads the preamble and the header dictionary of a `.npy` file.
fn npy_header(bytes: &[u8]) -> Result<NpyHeaderInfo, String> {
    if bytes.len() < 10 || &bytes[..6] != b"\x93NUMPY" {
        return Err("not a valid .npy file: no `\\x93NUMPY` magic at the start".into());
    }
    let (len, start) = match bytes[6] {
        1 => (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10usize),
        2 | 3 if bytes.len() >= 12 => (
            u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize,
            12,
        ),
        2 | 3 => return Err("not a valid .npy file: the preamble is cut short".into()),
        v => return Err(format!("not a valid .npy file: unknown format version {v}")),
    };
    let end = start
        .checked_add(len)
        .filter(|&e| e <= bytes.len())
        .ok_or_else(|| {
            format!(
                "not a valid .npy file: the header says it is {len} bytes long, more than the file holds"
            )
        })?;
    let mut p = PyLit {
        s: &bytes[start..end],
        i: 0,
        depth: 0,
    };
    let dict = p.value()?;
    p.ws();
    if p.i < p.s.len() {
        return Err("not a valid .npy file: text after the header dictionary".into());
    }
    let Py::Dict(entries) = dict else {
        return Err("not a valid .npy file: the header is not a dictionary".into());
    };
    // Python semantics: a repeated key means its last value.
    let field = |key: &str| {
        entries
            .iter()
            .rev()
            .find(|(k, _)| matches!(k, Py::Str(s) if s == key))
            .map(|(_, v)| v)
            .ok_or_else(|| format!("not a valid .npy file: the header has no `{key}` field"))
    };
    let descr = match field("descr")? {
        Py::Str(s) => s.clone(),
        Py::Seq(_) => return Err("structured dtypes are not supported".into()),
        _ => return Err("header field `descr` is not a dtype string".into()),
    };
    match field("fortran_order")? {
        Py::Bool(false) => {}
        Py::Bool(true) => {
            return Err("Fortran-order arrays are not supported; save with C order".into())
        }
        _ => return Err("header field `fortran_order` is not True or False".into()),
    }
    let Py::Seq(dims) = field("shape")? else {
        return Err("header field `shape` is not a tuple".into());
    };
    let shape = dims
        .iter()
        .map(|d| match d {
            Py::Int(t) => t.parse::<u64>().map_err(|_| {
                format!(
                    "header field `shape` holds `{t}`, not a dimension (an integer from 0 to 2^64 - 1)"
                )
            }),
            _ => Err("header field `shape` holds something other than integers".into()),
        })
        .collect::<Result<Vec<u64>, String>>()?;
    let (order, kind) = match descr.as_bytes().first() {
        Some(b'<' | b'>' | b'=' | b'|') => (descr.as_bytes()[0], &descr[1..]),
        _ => (b'=', descr.as_str()),
    };
    let dtype = match kind {
        "f2" | "e" => DType::F16,
        "f4" | "f" => DType::F32,
        "f8" | "d" => DType::F64,
        "i4" => DType::I32,
        _ => {
            return Err(format!(
                "dtype `{descr}` is not supported (use float16, float32, float64 or int32)"
            ))
        }
    };
    let big_endian = match order {
        b'>' => true,
        b'<' => false,
        _ => cfg!(target_endian = "big"),
    };
    Ok(NpyHeaderInfo {
        data_offset: end,
        descr,
        elem: NpyElem { dtype, big_endian },
        shape,
    })
}

/// A Python literal, as `.npy` headers write them.
enum Py {
    Str(String),
    /// Integer text (sign and digits, a `L` suffix dropped).
    Int(String),
    Bool(bool),
    None,
    Seq(Vec<Py>),
    Dict(Vec<(Py, Py)>),
}

/// A small parser of Python literals (strings, integers, `True`, `False`,
/// `None`, tuples, lists, dicts), nesting at most 32 deep.
struct PyLit<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl PyLit<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.s.get(self.i).copied()
    }

    fn bad(&self, what: &str) -> String {
        format!(
            "not a valid .npy file: malformed header ({what} at byte {})",
            self.i
        )
    }

    fn value(&mut self) -> Result<Py, String> {
        self.depth += 1;
        if self.depth > 32 {
            return Err(self.bad("nested too deeply"));
        }
        let v = self.value_inner();
        self.depth -= 1;
        v
    }

    fn value_inner(&mut self) -> Result<Py, String> {
        match self.peek() {
            Some(b'{') => {
                self.i += 1;
                let mut entries = Vec::new();
                loop {
                    if self.peek() == Some(b'}') {
                        self.i += 1;
                        return Ok(Py::Dict(entries));
                    }
                    let k = self.value()?;
                    if self.peek() != Some(b':') {
                        return Err(self.bad("expected `:`"));
                    }
                    self.i += 1;
                    let v = self.value()?;
                    entries.push((k, v));
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {}
                        _ => return Err(self.bad("expected `,` or `}`")),
                    }
                }
            }
            Some(open @ (b'(' | b'[')) => {
                let close = if open == b'(' { b')' } else { b']' };
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    if self.peek() == Some(close) {
                        self.i += 1;
                        return Ok(Py::Seq(items));
                    }
                    items.push(self.value()?);
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(c) if c == close => {}
                        _ => return Err(self.bad("expected `,` or a closing bracket")),
                    }
                }
            }
            Some(q @ (b'\'' | b'"')) => {
                self.i += 1;
                let start = self.i;
                while self.i < self.s.len() && self.s[self.i] != q {
                    self.i += if self.s[self.i] == b'\\' { 2 } else { 1 };
                }
                if self.i >= self.s.len() {
                    return Err(self.bad("unterminated string"));
                }
                let text = String::from_utf8_lossy(&self.s[start..self.i]).into_owned();
                self.i += 1;
                Ok(Py::Str(text))
            }
            Some(c) if c.is_ascii_digit() || c == b'-' || c == b'+' => {
                let start = self.i;
                self.i += 1;
                while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
                    self.i += 1;
                }
                let text = String::from_utf8_lossy(&self.s[start..self.i]).into_owned();
                if self.i < self.s.len() && matches!(self.s[self.i], b'L' | b'l') {
                    self.i += 1;
                }
                Ok(Py::Int(text))
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let start = self.i;
                while self.i < self.s.len() && self.s[self.i].is_ascii_alphanumeric() {
                    self.i += 1;
                }
                match &self.s[start..self.i] {
                    b"True" => Ok(Py::Bool(true)),
                    b"False" => Ok(Py::Bool(false)),
                    b"None" => Ok(Py::None),
                    _ => Err(self.bad("unknown word")),
                }
            }
            _ => Err(self.bad("expected a value")),
        }
    }
}
