//! Checked sources and their kernels.

use crate::{Error, Result};
use kiln_ir::{Diag, Source, Specialized};
use std::collections::BTreeMap;
use std::path::Path;

/// A checked source file: its kernels, ready to specialize.
#[derive(Debug)]
pub struct Module {
    source: Source,
    kernels: Vec<kiln_ir::Kernel>,
}

/// One kernel of a [`Module`].
#[derive(Copy, Clone, Debug)]
pub struct Kernel<'m> {
    module: &'m Module,
    kernel: &'m kiln_ir::Kernel,
}

/// Sizes of a kernel's size symbols, e.g. `[("M", 64), ("N", 48)]`.
pub type Sizes = BTreeMap<String, i64>;

/// Builds [`Sizes`] from pairs.
pub fn sizes<'a>(pairs: impl IntoIterator<Item = (&'a str, i64)>) -> Sizes {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

impl Module {
    /// Parses and checks `text`; `name` labels diagnostics. Every error is
    /// rendered with its source span into [`Error::Source`].
    pub fn parse(name: &str, text: &str) -> Result<Module> {
        let source = Source::new(name, text);
        match kiln_ir::check_source(text) {
            Ok(kernels) => Ok(Module { source, kernels }),
            Err(diags) => Err(Error::Source(
                diags
                    .iter()
                    .map(|d| d.render(&source))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )),
        }
    }

    /// Reads and checks a `.kiln` file.
    pub fn load(path: impl AsRef<Path>) -> Result<Module> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Module::parse(&path.display().to_string(), &text)
    }

    /// The source text.
    pub fn text(&self) -> &str {
        self.source.text()
    }

    /// The source, for rendering diagnostics.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// Kernels, in source order.
    pub fn kernels(&self) -> impl Iterator<Item = Kernel<'_>> {
        self.kernels.iter().map(move |kernel| Kernel {
            module: self,
            kernel,
        })
    }

    /// The kernel called `name`.
    pub fn kernel(&self, name: &str) -> Result<Kernel<'_>> {
        self.kernels()
            .find(|k| k.name() == name)
            .ok_or_else(|| Error::NoKernel {
                name: name.into(),
                known: self
                    .kernels
                    .iter()
                    .map(|k| k.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// The only kernel, or an error naming them when there are several.
    pub fn only_kernel(&self) -> Result<Kernel<'_>> {
        match self.kernels.as_slice() {
            [k] => Ok(Kernel {
                module: self,
                kernel: k,
            }),
            ks => Err(Error::NoKernel {
                name: "(the only one)".into(),
                known: ks
                    .iter()
                    .map(|k| k.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }
}

impl<'m> Kernel<'m> {
    /// Its name.
    pub fn name(&self) -> &'m str {
        &self.kernel.name
    }

    /// The validated IR.
    pub fn ir(&self) -> &'m kiln_ir::Kernel {
        self.kernel
    }

    /// The module it belongs to.
    pub fn module(&self) -> &'m Module {
        self.module
    }

    /// Content hash (blake3 of the canonical text).
    pub fn hash(&self) -> &'m str {
        &self.kernel.hash
    }

    fn call_err(&self, d: Diag) -> Error {
        Error::Call(d.render(&self.module.source))
    }

    /// Binds every size symbol; errors name the symbol.
    pub fn specialize(&self, sizes: &Sizes) -> Result<Specialized<'m>> {
        Specialized::from_sizes(self.kernel, sizes).map_err(|d| self.call_err(d))
    }

    /// Binds sizes from the shapes of inputs (declaration order).
    pub fn specialize_for(&self, inputs: &[kiln_tensor::HostTensor]) -> Result<Specialized<'m>> {
        let k = self.kernel;
        if inputs.len() != k.inputs.len() {
            return Err(Error::Call(format!(
                "kernel `{}` takes {} inputs, got {}",
                k.name,
                k.inputs.len(),
                inputs.len()
            )));
        }
        let args = k
            .inputs
            .iter()
            .zip(inputs)
            .map(|(&t, x)| {
                (
                    k.tensors[t].name.clone(),
                    kiln_ir::ArgSpec {
                        dtype: x.dtype(),
                        shape: x.shape.clone(),
                    },
                )
            })
            .collect();
        Specialized::from_args(k, &args).map_err(|d| self.call_err(d))
    }

    /// Runs the reference interpreter (the oracle) on `inputs`.
    pub fn interpret(
        &self,
        inputs: &[kiln_tensor::HostTensor],
    ) -> Result<Vec<kiln_tensor::HostTensor>> {
        let spec = self.specialize_for(inputs)?;
        Ok(kiln_interp::run(&spec, inputs)?)
    }
}
