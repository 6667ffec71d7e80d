//! Lowering of scheduled kernels through MLIR to LLVM IR.
//!
//! [`emit()`] writes the scheduled loop nests as MLIR text (func, scf, arith,
//! math, memref, vector); [`Mlir`] parses it with melior, runs the lowering
//! pipeline [`PIPELINE`] to the LLVM dialect and translates the result
//! in-process into an inkwell [`inkwell::module::Module`] that shares its
//! LLVM copy (no text round trip). melior's lifetimes stay inside this
//! crate: callers see text and inkwell modules only.

pub mod cuda;
pub mod emit;
pub mod opencl;

pub use cuda::NvptxTarget;
pub use emit::{emit, emit_for, emit_gpu, CpuIsa, Emitted, StmtFn, GPU_ARG_ALIGN};

/// The LLVM (and MLIR: one copy) version linked, read from the library at
/// run time: `llvm 22.1.8`.
pub fn llvm_version() -> String {
    let (a, b, c) = inkwell::support::get_llvm_version();
    format!("llvm {a}.{b}.{c}")
}

use melior::dialect::DialectRegistry;
use melior::ir::Module;
use melior::pass::PassManager;
use melior::utility::{
    parse_pass_pipeline, register_all_dialects, register_all_llvm_translations, register_all_passes,
};
use std::sync::{Arc, Mutex, Once};

/// The pass pipeline from the emitted dialects to the LLVM dialect. No
/// `arith-expand`: `maximumf`/`minimumf` become LLVM's `maximum`/`minimum`
/// intrinsics (its select-chain expansion hung LLVM 22's loop vectorizer
/// on short reductions), and the emitter spells out floor division.
pub const PIPELINE: &str = "builtin.module(canonicalize, cse, \
convert-vector-to-scf{full-unroll=true}, convert-scf-to-cf, expand-strided-metadata, lower-affine, \
finalize-memref-to-llvm, convert-vector-to-llvm, convert-math-to-llvm, convert-arith-to-llvm, \
convert-index-to-llvm, convert-func-to-llvm{use-bare-ptr-memref-call-conv=1}, convert-cf-to-llvm, \
convert-ub-to-llvm, reconcile-unrealized-casts)";

/// Errors of the MLIR stage, with MLIR's own diagnostics.
#[derive(Debug, thiserror::Error)]
pub enum MlirError {
    /// The emitted text did not parse or verify (a kiln bug).
    #[error("MLIR did not parse the emitted module: {0}")]
    Parse(String),
    /// A pass failed.
    #[error("MLIR lowering failed: {0}")]
    Pass(String),
    /// The NVPTX serializer produced no PTX (or a path it cannot use).
    #[error("PTX generation failed: {0}")]
    Ptx(String),
    /// The OpenCL C emitter met an op or type it does not handle.
    #[error("{0}")]
    OpenCl(#[from] opencl::ClError),
    /// Translation to LLVM IR failed.
    #[error("translation to LLVM IR failed: {0}")]
    Translate(String),
}

/// An MLIR context with every dialect, pass and LLVM translation registered.
/// Not `Send`: keep one per thread.
pub struct Mlir {
    ctx: melior::Context,
    diags: Arc<Mutex<Vec<String>>>,
}

impl Default for Mlir {
    fn default() -> Self {
        Self::new()
    }
}

static PASSES: Once = Once::new();

impl Mlir {
    /// A fresh context (a few milliseconds).
    pub fn new() -> Mlir {
        PASSES.call_once(register_all_passes);
        let registry = DialectRegistry::new();
        register_all_dialects(&registry);
        let ctx = melior::Context::new();
        ctx.append_dialect_registry(&registry);
        ctx.load_all_available_dialects();
        register_all_llvm_translations(&ctx);
        let diags = Arc::new(Mutex::new(Vec::new()));
        let sink = diags.clone();
        ctx.attach_diagnostic_handler(move |d| {
            if let Ok(mut v) = sink.lock() {
                v.push(d.to_string());
            }
            true
        });
        Mlir { ctx, diags }
    }

    fn take_diags(&self) -> String {
        let mut v = self
            .diags
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default();
        v.truncate(20);
        v.join("\n")
    }

    fn lowered(&self, text: &str) -> Result<Module<'_>, MlirError> {
        let mut module =
            Module::parse(&self.ctx, text).ok_or_else(|| MlirError::Parse(self.take_diags()))?;
        let pm = PassManager::new(&self.ctx);
        parse_pass_pipeline(pm.as_operation_pass_manager(), PIPELINE)
            .map_err(|e| MlirError::Pass(format!("{e} {}", self.take_diags())))?;
        pm.run(&mut module)
            .map_err(|e| MlirError::Pass(format!("{e}: {}", self.take_diags())))?;
        Ok(module)
    }

    fn normalized(&self, text: &str) -> Result<Module<'_>, MlirError> {
        let mut module =
            Module::parse(&self.ctx, text).ok_or_else(|| MlirError::Parse(self.take_diags()))?;
        self.run(&mut module, opencl::NORMALIZE)?;
        Ok(module)
    }

    fn run(&self, module: &mut Module<'_>, pipeline: &str) -> Result<(), MlirError> {
        let pm = PassManager::new(&self.ctx);
        parse_pass_pipeline(pm.as_operation_pass_manager(), pipeline)
            .map_err(|e| MlirError::Pass(format!("{e} {}", self.take_diags())))?;
        pm.run(module)
            .map_err(|e| MlirError::Pass(format!("{e}: {}", self.take_diags())))
    }

    fn nvvm(&self, text: &str, t: &cuda::NvptxTarget) -> Result<Module<'_>, MlirError> {
        if !cuda::valid_chip(&t.chip) {
            return Err(MlirError::Ptx(format!(
                "`{}` is not a CUDA architecture (sm_80, sm_90, ...)",
                t.chip
            )));
        }
        let lib = t.libdevice.display().to_string();
        if lib.contains([',', '}', ' ']) {
            return Err(MlirError::Ptx(format!(
                "libdevice path `{lib}` has a character MLIR's pass options cannot carry (comma, brace or space); set KILN_LIBDEVICE to a copy elsewhere"
            )));
        }
        let mut module =
            Module::parse(&self.ctx, text).ok_or_else(|| MlirError::Parse(self.take_diags()))?;
        self.run(&mut module, &cuda::nvvm_pipeline(t))?;
        Ok(module)
    }

    /// Converts a gpu-dialect module from [`emit_gpu`] to the NVVM dialect
    /// for `t` and prints it.
    pub fn to_nvvm(&self, text: &str, t: &cuda::NvptxTarget) -> Result<String, MlirError> {
        Ok(self.nvvm(text, t)?.as_operation().to_string())
    }

    /// The device module as LLVM IR (NVPTX triple), before libdevice is
    /// linked and before optimization: what the serializer starts from.
    pub fn to_nvptx_llvm(&self, text: &str, t: &cuda::NvptxTarget) -> Result<String, MlirError> {
        let module = self.nvvm(text, t)?;
        // SAFETY: raw C API calls on live objects of this context: the
        // gpu.module's operations are cloned into a fresh builtin module
        // (owned here and destroyed below), which is translated into an
        // LLVM context owned by this function.
        #[allow(unsafe_code)]
        unsafe {
            use mlir_sys::*;
            let gpu = find_op(module.body().to_raw(), "gpu.module")
                .ok_or_else(|| MlirError::Ptx("no gpu.module after conversion".into()))?;
            let region = mlirOperationGetRegion(gpu, 0);
            let block = mlirRegionGetFirstBlock(region);
            let loc = mlirLocationUnknownGet(self.ctx.to_raw());
            let host = mlirModuleCreateEmpty(loc);
            let body = mlirModuleGetBody(host);
            let mut op = mlirBlockGetFirstOperation(block);
            while !op.ptr.is_null() {
                mlirBlockAppendOwnedOperation(body, mlirOperationClone(op));
                op = mlirOperationGetNextInBlock(op);
            }
            let llctx = inkwell::context::Context::create();
            let raw = mlirTranslateModuleToLLVMIR(
                mlirModuleGetOperation(host),
                llctx.raw() as LLVMContextRef,
            );
            mlirModuleDestroy(host);
            if raw.is_null() {
                return Err(MlirError::Translate(self.take_diags()));
            }
            let m = inkwell::module::Module::new(raw as inkwell::llvm_sys::prelude::LLVMModuleRef);
            m.set_triple(&inkwell::targets::TargetTriple::create(
                "nvptx64-nvidia-cuda",
            ));
            Ok(m.print_to_string().to_string())
        }
    }

    /// PTX for `t`: the NVVM module serialized by LLVM's NVPTX backend at O3
    /// with libdevice linked.
    pub fn to_ptx(&self, text: &str, t: &cuda::NvptxTarget) -> Result<String, MlirError> {
        let mut module = self.nvvm(text, t)?;
        self.run(&mut module, cuda::SERIALIZE_PTX)?;
        // SAFETY: reads attributes of ops owned by `module`, alive here; the
        // string is copied before the module is dropped.
        #[allow(unsafe_code)]
        unsafe {
            use mlir_sys::*;
            let bin = find_op(module.body().to_raw(), "gpu.binary")
                .ok_or_else(|| MlirError::Ptx("no gpu.binary after serialization".into()))?;
            let name = "objects";
            let objects = mlirOperationGetAttributeByName(
                bin,
                MlirStringRef {
                    data: name.as_ptr().cast(),
                    length: name.len(),
                },
            );
            if objects.ptr.is_null() || mlirArrayAttrGetNumElements(objects) < 1 {
                return Err(MlirError::Ptx("gpu.binary holds no object".into()));
            }
            let obj = mlirArrayAttrGetElement(objects, 0);
            if !mlirAttributeIsAGPUObjectAttr(obj) {
                return Err(MlirError::Ptx(
                    "gpu.binary object is not a #gpu.object".into(),
                ));
            }
            let s = mlirGPUObjectAttrGetObject(obj);
            let bytes = std::slice::from_raw_parts(s.data.cast::<u8>(), s.length);
            let ptx = String::from_utf8_lossy(bytes);
            Ok(ptx.trim_end_matches('\0').to_string())
        }
    }

    /// Normalizes a gpu-dialect module ([`opencl::NORMALIZE`]) and prints it.
    pub fn normalize_gpu(&self, text: &str) -> Result<String, MlirError> {
        Ok(self.normalized(text)?.as_operation().to_string())
    }

    /// Normalizes a gpu-dialect module from [`emit_gpu`] and prints its
    /// kernels as OpenCL C.
    pub fn to_opencl(&self, text: &str) -> Result<String, MlirError> {
        let module = self.normalized(text)?;
        Ok(opencl::translate(&module)?)
    }

    /// Runs the lowering pipeline and prints the LLVM-dialect module.
    pub fn lower_text(&self, text: &str) -> Result<String, MlirError> {
        Ok(self.lowered(text)?.as_operation().to_string())
    }

    /// Lowers MLIR text and translates it into an LLVM module owned by `llctx`.
    pub fn to_llvm<'ll>(
        &self,
        text: &str,
        llctx: &'ll inkwell::context::Context,
    ) -> Result<inkwell::module::Module<'ll>, MlirError> {
        let module = self.lowered(text)?;
        // SAFETY: melior and inkwell link the same static LLVM, so an
        // LLVMContextRef from inkwell is valid for MLIR's translator, and the
        // module it returns lives in that context, which inkwell then owns.
        #[allow(unsafe_code)]
        unsafe {
            let raw = mlir_sys::mlirTranslateModuleToLLVMIR(
                module.as_operation().to_raw(),
                llctx.raw() as mlir_sys::LLVMContextRef,
            );
            if raw.is_null() {
                return Err(MlirError::Translate(self.take_diags()));
            }
            Ok(inkwell::module::Module::new(
                raw as inkwell::llvm_sys::prelude::LLVMModuleRef,
            ))
        }
    }
}

/// The first op named `name` in `block` (not nested).
///
/// # Safety
/// `block` must be a live block.
#[allow(unsafe_code)]
unsafe fn find_op(block: mlir_sys::MlirBlock, name: &str) -> Option<mlir_sys::MlirOperation> {
    use mlir_sys::*;
    let mut op = mlirBlockGetFirstOperation(block);
    while !op.ptr.is_null() {
        let id = mlirIdentifierStr(mlirOperationGetName(op));
        let n = std::slice::from_raw_parts(id.data.cast::<u8>(), id.length);
        if n == name.as_bytes() {
            return Some(op);
        }
        op = mlirOperationGetNextInBlock(op);
    }
    None
}
