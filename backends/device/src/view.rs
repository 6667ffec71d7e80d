//! Borrowed tensors: inputs and outputs that stay in the caller's memory
//! (zero-copy runs for runtimes).

use crate::DeviceError;
use kiln_ir::DType;
use kiln_tensor::{Data, HalfF16, HostTensor};

/// Borrowed elements of one dtype.
#[derive(Copy, Clone, Debug)]
pub enum Slice<'a> {
    /// f16.
    F16(&'a [HalfF16]),
    /// f32.
    F32(&'a [f32]),
    /// f64.
    F64(&'a [f64]),
    /// i32.
    I32(&'a [i32]),
}

/// Mutably borrowed elements of one dtype.
#[derive(Debug)]
pub enum SliceMut<'a> {
    /// f16.
    F16(&'a mut [HalfF16]),
    /// f32.
    F32(&'a mut [f32]),
    /// f64.
    F64(&'a mut [f64]),
    /// i32.
    I32(&'a mut [i32]),
}

/// A borrowed row-major input.
#[derive(Copy, Clone, Debug)]
pub struct TensorRef<'a> {
    /// Dimensions.
    pub shape: &'a [usize],
    /// Elements (row-major, `shape` product of them).
    pub data: Slice<'a>,
}

/// A borrowed row-major output the kernel writes.
#[derive(Debug)]
pub struct TensorMut<'a> {
    /// Dimensions.
    pub shape: &'a [usize],
    /// Elements (row-major, `shape` product of them).
    pub data: SliceMut<'a>,
}

fn len_err(name: &str, shape: &[usize], len: usize) -> DeviceError {
    DeviceError::Input {
        name: name.into(),
        msg: format!(
            "shape {shape:?} needs {} elements, the slice has {len}",
            shape.iter().product::<usize>()
        ),
    }
}

impl<'a> TensorRef<'a> {
    /// Borrows a host tensor.
    pub fn of(t: &'a HostTensor) -> TensorRef<'a> {
        let data = match &t.data {
            Data::F16(v) => Slice::F16(v),
            Data::F32(v) => Slice::F32(v),
            Data::F64(v) => Slice::F64(v),
            Data::I32(v) => Slice::I32(v),
        };
        TensorRef {
            shape: &t.shape,
            data,
        }
    }

    /// Element type.
    pub fn dtype(&self) -> DType {
        match self.data {
            Slice::F16(_) => DType::F16,
            Slice::F32(_) => DType::F32,
            Slice::F64(_) => DType::F64,
            Slice::I32(_) => DType::I32,
        }
    }

    fn len(&self) -> usize {
        match self.data {
            Slice::F16(v) => v.len(),
            Slice::F32(v) => v.len(),
            Slice::F64(v) => v.len(),
            Slice::I32(v) => v.len(),
        }
    }

    pub(crate) fn check_len(&self, name: &str) -> Result<(), DeviceError> {
        if self.len() != self.shape.iter().product::<usize>() {
            return Err(len_err(name, self.shape, self.len()));
        }
        Ok(())
    }

    /// The start of the elements.
    pub fn as_ptr(&self) -> *const u8 {
        match self.data {
            Slice::F16(v) => v.as_ptr() as *const u8,
            Slice::F32(v) => v.as_ptr() as *const u8,
            Slice::F64(v) => v.as_ptr() as *const u8,
            Slice::I32(v) => v.as_ptr() as *const u8,
        }
    }

    /// An owned copy.
    pub fn to_host(&self) -> HostTensor {
        let data = match self.data {
            Slice::F16(v) => Data::F16(v.to_vec()),
            Slice::F32(v) => Data::F32(v.to_vec()),
            Slice::F64(v) => Data::F64(v.to_vec()),
            Slice::I32(v) => Data::I32(v.to_vec()),
        };
        HostTensor {
            shape: self.shape.to_vec(),
            data,
        }
    }
}

impl<'a> TensorMut<'a> {
    /// Borrows a host tensor for writing.
    pub fn of(t: &'a mut HostTensor) -> TensorMut<'a> {
        let data = match &mut t.data {
            Data::F16(v) => SliceMut::F16(v),
            Data::F32(v) => SliceMut::F32(v),
            Data::F64(v) => SliceMut::F64(v),
            Data::I32(v) => SliceMut::I32(v),
        };
        TensorMut {
            shape: &t.shape,
            data,
        }
    }

    /// Element type.
    pub fn dtype(&self) -> DType {
        match self.data {
            SliceMut::F16(_) => DType::F16,
            SliceMut::F32(_) => DType::F32,
            SliceMut::F64(_) => DType::F64,
            SliceMut::I32(_) => DType::I32,
        }
    }

    fn len(&self) -> usize {
        match &self.data {
            SliceMut::F16(v) => v.len(),
            SliceMut::F32(v) => v.len(),
            SliceMut::F64(v) => v.len(),
            SliceMut::I32(v) => v.len(),
        }
    }

    pub(crate) fn check_len(&self, name: &str) -> Result<(), DeviceError> {
        if self.len() != self.shape.iter().product::<usize>() {
            return Err(len_err(name, self.shape, self.len()));
        }
        Ok(())
    }

    /// The start of the elements.
    pub fn as_mut_ptr(&mut self) -> *mut u8 {
        match &mut self.data {
            SliceMut::F16(v) => v.as_mut_ptr() as *mut u8,
            SliceMut::F32(v) => v.as_mut_ptr() as *mut u8,
            SliceMut::F64(v) => v.as_mut_ptr() as *mut u8,
            SliceMut::I32(v) => v.as_mut_ptr() as *mut u8,
        }
    }

    /// Copies `src` (same dtype and element count) into this buffer.
    pub fn copy_from(&mut self, src: &HostTensor) {
        match (&mut self.data, &src.data) {
            (SliceMut::F16(d), Data::F16(s)) => d.copy_from_slice(s),
            (SliceMut::F32(d), Data::F32(s)) => d.copy_from_slice(s),
            (SliceMut::F64(d), Data::F64(s)) => d.copy_from_slice(s),
            (SliceMut::I32(d), Data::I32(s)) => d.copy_from_slice(s),
            _ => unreachable!("dtypes are checked against the signature first"),
        }
    }
}
