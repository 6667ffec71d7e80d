//! numpy arrays as kiln tensor views, without copying.
//!
//! Inputs are borrowed read-only and outputs read-write through numpy's
//! borrow tracking, so one array passed as both an input and `out=` is an
//! error instead of a silent race. A C-contiguous, aligned input is used in
//! place; any other input (a transposed or sliced view) is copied once into
//! a contiguous array first. An output must be C-contiguous and aligned:
//! kiln writes row-major memory and cannot write through strides, so
//! anything else is refused with an error naming the argument.

use crate::errors::raise;
use half::f16;
use kiln::{DType, Slice, SliceMut, TensorMut, TensorRef};
use numpy::{
    Element, PyArrayDyn, PyArrayMethods, PyReadonlyArrayDyn, PyReadwriteArrayDyn, PyUntypedArray,
    PyUntypedArrayMethods,
};
use pyo3::prelude::*;

/// numpy's name of a kiln dtype.
pub fn numpy_name(d: DType) -> &'static str {
    match d {
        DType::F16 => "float16",
        DType::F32 => "float32",
        DType::F64 => "float64",
        DType::I32 => "int32",
    }
}

/// A borrowed input.
pub enum Held<'py> {
    F16(PyReadonlyArrayDyn<'py, f16>),
    F32(PyReadonlyArrayDyn<'py, f32>),
    F64(PyReadonlyArrayDyn<'py, f64>),
    I32(PyReadonlyArrayDyn<'py, i32>),
}

/// A borrowed output.
pub struct HeldMut<'py> {
    shape: Vec<usize>,
    arr: MutArr<'py>,
}

enum MutArr<'py> {
    F16(PyReadwriteArrayDyn<'py, f16>),
    F32(PyReadwriteArrayDyn<'py, f32>),
    F64(PyReadwriteArrayDyn<'py, f64>),
    I32(PyReadwriteArrayDyn<'py, i32>),
}

fn untyped<'a, 'py>(
    what: &str,
    name: &str,
    obj: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, PyUntypedArray>> {
    obj.cast::<PyUntypedArray>().map_err(|_| {
        let ty = obj
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        raise(
            "ArgumentError",
            format!("{what} `{name}`: expected a numpy array, got {ty}"),
        )
    })
}

fn typed<'a, 'py, T: Element>(
    what: &str,
    name: &str,
    want: DType,
    arr: &'a Bound<'py, PyUntypedArray>,
) -> PyResult<&'a Bound<'py, PyArrayDyn<T>>> {
    arr.cast::<PyArrayDyn<T>>().map_err(|_| {
        let got = arr.dtype().str().map(|s| s.to_string()).unwrap_or_default();
        raise(
            "DTypeError",
            format!(
                "{what} `{name}`: expected {} (native byte order), got {got}",
                numpy_name(want)
            ),
        )
    })
}

fn read<'py, T: Element>(
    name: &str,
    want: DType,
    arr: &Bound<'py, PyUntypedArray>,
) -> PyResult<PyReadonlyArrayDyn<'py, T>> {
    let a = typed::<T>("argument", name, want, arr)?;
    let a = if a.is_c_contiguous() && a.is_aligned() {
        a.clone()
    } else {
        // One contiguous copy (numpy's `copy()` is C-ordered and aligned).
        a.call_method0("copy")?.cast_into::<PyArrayDyn<T>>()?
    };
    a.try_readonly().map_err(|e| {
        raise(
            "ArgumentError",
            format!("argument `{name}`: cannot be read ({e}): is it also passed as out=?"),
        )
    })
}

fn write<'py, T: Element>(
    name: &str,
    want: DType,
    arr: &Bound<'py, PyUntypedArray>,
) -> PyResult<PyReadwriteArrayDyn<'py, T>> {
    let a = typed::<T>("out", name, want, arr)?;
    if !(a.is_c_contiguous() && a.is_aligned()) {
        return Err(raise(
            "ArgumentError",
            format!(
                "out `{name}`: not a C-contiguous, aligned array (strides {:?}); kiln writes outputs in place row-major: pass a contiguous array (numpy.empty(shape, dtype)) or no out=",
                a.strides()
            ),
        ));
    }
    a.try_readwrite().map_err(|_| {
        raise(
            "ArgumentError",
            format!(
                "out `{name}`: is borrowed elsewhere (the same array passed as an input or twice as out=); outputs may not alias other arguments"
            ),
        )
    })
}

/// Borrows input `name` of dtype `want` (copied once when it is not
/// C-contiguous and aligned).
pub fn hold<'py>(name: &str, want: DType, obj: &Bound<'py, PyAny>) -> PyResult<Held<'py>> {
    let arr = untyped("argument", name, obj)?;
    Ok(match want {
        DType::F16 => Held::F16(read(name, want, arr)?),
        DType::F32 => Held::F32(read(name, want, arr)?),
        DType::F64 => Held::F64(read(name, want, arr)?),
        DType::I32 => Held::I32(read(name, want, arr)?),
    })
}

/// Borrows output `name` of dtype `want` for writing.
pub fn hold_mut<'py>(name: &str, want: DType, obj: &Bound<'py, PyAny>) -> PyResult<HeldMut<'py>> {
    let arr = untyped("out", name, obj)?;
    Ok(HeldMut {
        shape: arr.shape().to_vec(),
        arr: match want {
            DType::F16 => MutArr::F16(write(name, want, arr)?),
            DType::F32 => MutArr::F32(write(name, want, arr)?),
            DType::F64 => MutArr::F64(write(name, want, arr)?),
            DType::I32 => MutArr::I32(write(name, want, arr)?),
        },
    })
}

/// A new uninitialized C-ordered array (every kernel writes every element
/// of its outputs; the tuner's sentinel check holds each schedule to it).
#[allow(unsafe_code)]
pub fn empty<'py>(py: Python<'py>, dtype: DType, shape: &[usize]) -> Bound<'py, PyAny> {
    // SAFETY: the array is only returned after the kernel wrote all of it.
    unsafe {
        match dtype {
            DType::F16 => PyArrayDyn::<f16>::new(py, shape, false).into_any(),
            DType::F32 => PyArrayDyn::<f32>::new(py, shape, false).into_any(),
            DType::F64 => PyArrayDyn::<f64>::new(py, shape, false).into_any(),
            DType::I32 => PyArrayDyn::<i32>::new(py, shape, false).into_any(),
        }
    }
}

fn contiguous() -> PyErr {
    raise("ArgumentError", "array is not contiguous")
}

impl Held<'_> {
    /// The input as a tensor view.
    pub fn view(&self) -> PyResult<TensorRef<'_>> {
        Ok(match self {
            Held::F16(a) => TensorRef {
                shape: a.shape(),
                data: Slice::F16(a.as_slice().map_err(|_| contiguous())?),
            },
            Held::F32(a) => TensorRef {
                shape: a.shape(),
                data: Slice::F32(a.as_slice().map_err(|_| contiguous())?),
            },
            Held::F64(a) => TensorRef {
                shape: a.shape(),
                data: Slice::F64(a.as_slice().map_err(|_| contiguous())?),
            },
            Held::I32(a) => TensorRef {
                shape: a.shape(),
                data: Slice::I32(a.as_slice().map_err(|_| contiguous())?),
            },
        })
    }
}

impl HeldMut<'_> {
    /// The output as a mutable tensor view.
    pub fn view(&mut self) -> PyResult<TensorMut<'_>> {
        let data = match &mut self.arr {
            MutArr::F16(a) => SliceMut::F16(a.as_slice_mut().map_err(|_| contiguous())?),
            MutArr::F32(a) => SliceMut::F32(a.as_slice_mut().map_err(|_| contiguous())?),
            MutArr::F64(a) => SliceMut::F64(a.as_slice_mut().map_err(|_| contiguous())?),
            MutArr::I32(a) => SliceMut::I32(a.as_slice_mut().map_err(|_| contiguous())?),
        };
        Ok(TensorMut {
            shape: &self.shape,
            data,
        })
    }
}
