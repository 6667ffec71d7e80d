//! A compiled kernel's arguments and the checks every backend applies when
//! binding them (one copy for all backends).

use crate::view::{TensorMut, TensorRef};
use crate::DeviceError;
use kiln_ir::{DType, Specialized};
use kiln_tensor::HostTensor;
use serde::{Deserialize, Serialize};

/// One tensor of a specialized kernel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TensorSig {
    /// Name in the source.
    pub name: String,
    /// Element type.
    pub dtype: DType,
    /// Concrete shape.
    pub shape: Vec<usize>,
}

impl TensorSig {
    /// Elements.
    pub fn numel(&self) -> usize {
        self.shape.iter().product()
    }

    /// Bytes.
    pub fn bytes(&self) -> u128 {
        self.numel() as u128 * self.dtype.size_bytes() as u128
    }
}

/// Every tensor of a kernel (by tensor id: inputs, temporaries, outputs)
/// and which are inputs and outputs, in declaration order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// Kernel name.
    pub kernel: String,
    /// All tensors, indexed by tensor id.
    pub tensors: Vec<TensorSig>,
    /// Input tensor indices, declaration order.
    pub inputs: Vec<usize>,
    /// Output tensor indices, declaration order.
    pub outputs: Vec<usize>,
    /// The target tensor of each statement, in order.
    pub targets: Vec<usize>,
}

fn index(t: kiln_ir::ir::TensorId) -> usize {
    t.into_raw().into_u32() as usize
}

impl Signature {
    /// The signature of a specialized kernel.
    pub fn of(spec: &Specialized<'_>) -> Signature {
        let k = spec.kernel;
        Signature {
            kernel: k.name.clone(),
            tensors: k
                .tensors
                .iter()
                .map(|(id, t)| TensorSig {
                    name: t.name.clone(),
                    dtype: t.dtype,
                    shape: spec.shape(id).to_vec(),
                })
                .collect(),
            inputs: k.inputs.iter().map(|&t| index(t)).collect(),
            outputs: k.outputs.iter().map(|&t| index(t)).collect(),
            targets: k.stmts.iter().map(|s| index(s.target)).collect(),
        }
    }

    /// The result of a launch whose error flag (see `kiln_mlir::ERROR_FLAG`)
    /// reads `flag`: 0 is success, else `1 + the statement` that divided an
    /// i32 by zero.
    pub fn check_flag(&self, flag: i32) -> Result<(), DeviceError> {
        if flag == 0 {
            return Ok(());
        }
        let stmt = flag.unsigned_abs() as usize - 1;
        let target = self
            .targets
            .get(stmt)
            .map_or_else(|| "?".to_string(), |&t| self.tensors[t].name.clone());
        Err(DeviceError::DivByZero {
            kernel: self.kernel.clone(),
            stmt,
            target,
        })
    }

    /// Whether tensor `i` is an input.
    pub fn is_input(&self, i: usize) -> bool {
        self.inputs.contains(&i)
    }

    /// Bytes of every buffer of one binding, checked against this machine's
    /// memory.
    pub fn check_memory(&self) -> Result<(), DeviceError> {
        let bytes = self.tensors.iter().map(TensorSig::bytes).sum();
        Ok(kiln_tensor::check_memory(bytes)?)
    }

    fn check_one(&self, t: usize, dtype: DType, shape: &[usize]) -> Result<(), DeviceError> {
        let want = &self.tensors[t];
        if dtype != want.dtype || shape != want.shape.as_slice() {
            return Err(DeviceError::Input {
                name: want.name.clone(),
                msg: format!(
                    "is {dtype}{shape:?}, the compiled kernel takes {}{:?}",
                    want.dtype, want.shape
                ),
            });
        }
        Ok(())
    }

    fn check_count(&self, what: &str, got: usize, want: usize) -> Result<(), DeviceError> {
        if got != want {
            return Err(DeviceError::Input {
                name: "*".into(),
                msg: format!("kernel `{}` takes {want} {what}, got {got}", self.kernel),
            });
        }
        Ok(())
    }

    /// Checks inputs (declaration order) for count, dtype and shape.
    pub fn check_inputs(&self, inputs: &[HostTensor]) -> Result<(), DeviceError> {
        self.check_count("inputs", inputs.len(), self.inputs.len())?;
        for (&t, x) in self.inputs.iter().zip(inputs) {
            self.check_one(t, x.dtype(), &x.shape)?;
        }
        Ok(())
    }

    /// Checks input `index` alone (rebinding).
    pub fn check_input(&self, index: usize, x: &HostTensor) -> Result<usize, DeviceError> {
        let Some(&t) = self.inputs.get(index) else {
            return Err(DeviceError::Input {
                name: format!("#{index}"),
                msg: format!("kernel `{}` has {} inputs", self.kernel, self.inputs.len()),
            });
        };
        self.check_one(t, x.dtype(), &x.shape)?;
        Ok(t)
    }

    /// Checks borrowed inputs and caller-provided outputs.
    pub fn check_views(
        &self,
        inputs: &[TensorRef<'_>],
        outputs: &[TensorMut<'_>],
    ) -> Result<(), DeviceError> {
        self.check_count("inputs", inputs.len(), self.inputs.len())?;
        self.check_count("outputs", outputs.len(), self.outputs.len())?;
        for (&t, x) in self.inputs.iter().zip(inputs) {
            self.check_one(t, x.dtype(), x.shape)?;
            x.check_len(&self.tensors[t].name)?;
        }
        for (&t, x) in self.outputs.iter().zip(outputs) {
            self.check_one(t, x.dtype(), x.shape)?;
            x.check_len(&self.tensors[t].name)?;
        }
        Ok(())
    }

    /// Every tensor a kernel writes (outputs and temporaries), by tensor
    /// index, filled with [`HostTensor::sentinel`]: a kernel that skips
    /// part of its output leaves it visible.
    pub fn sentinels(&self) -> impl Iterator<Item = (usize, HostTensor)> + '_ {
        self.tensors
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.is_input(*i))
            .map(|(i, t)| (i, HostTensor::sentinel(t.dtype, t.shape.clone())))
    }

    /// Fresh buffers for one binding: the given inputs, zeroed outputs and
    /// temporaries (inputs checked, memory checked).
    pub fn host_buffers(&self, inputs: &[HostTensor]) -> Result<Vec<HostTensor>, DeviceError> {
        self.check_inputs(inputs)?;
        self.check_memory()?;
        let mut bufs: Vec<HostTensor> = self
            .tensors
            .iter()
            .map(|t| HostTensor::zeros(t.dtype, t.shape.clone()))
            .collect();
        for (&t, x) in self.inputs.iter().zip(inputs) {
            bufs[t] = x.clone();
        }
        Ok(bufs)
    }
}
