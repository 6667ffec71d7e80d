"""Type stubs for the `kiln` package (see `__init__.py` for the docs)."""

import os
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from .errors import (
    ArgumentError as ArgumentError,
    CacheError as CacheError,
    CompileError as CompileError,
    DeviceUnavailableError as DeviceUnavailableError,
    DTypeError as DTypeError,
    ExecutionError as ExecutionError,
    KilnError as KilnError,
    KilnIOError as KilnIOError,
    NoKernelError as NoKernelError,
    OutOfMemoryError as OutOfMemoryError,
    ScheduleError as ScheduleError,
    SourceError as SourceError,
    TuneError as TuneError,
)

__version__: str
__all__: list[str]

_Path = str | os.PathLike[str]
_Schedule = None | str | Mapping[str, Any]

class Device:
    """A device kiln can compile for and run on."""

    name: str
    kind: str
    model: str
    fingerprint: str
    toolchain: str
    description: str
    limits: dict[str, Any]

def backends() -> dict[str, list[Device] | str]:
    """Every backend of this build: its devices, or why it has none."""

def devices(kind: str | None = None) -> list[Device]:
    """The devices present on this machine (of one kind if given)."""

class Arg:
    """One argument of a kernel."""

    name: str
    dtype: np.dtype[Any]
    shape: tuple[Any, ...]
    @property
    def kiln_dtype(self) -> str: ...

def load(path: _Path) -> Module:
    """Reads and checks a `.kiln` file."""

def parse(text: str, name: str = "<string>") -> Module:
    """Checks kernel source text."""

class Module:
    """A checked source file and its kernels."""

    @property
    def kernels(self) -> list[str]: ...
    @property
    def text(self) -> str: ...
    def kernel(self, name: str | None = None) -> Kernel:
        """The kernel called `name` (the only one when None)."""
    def __getitem__(self, name: str) -> Kernel: ...

class Kernel:
    """One kernel of a Module: compile it, interpret it, tune it."""

    inputs: tuple[Arg, ...]
    outputs: tuple[Arg, ...]
    size_symbols: tuple[str, ...]
    @property
    def name(self) -> str: ...
    @property
    def hash(self) -> str: ...
    def compile(
        self,
        device: str = "cpu",
        sizes: Mapping[str, int] | None = None,
        schedule: _Schedule = None,
        *,
        cache: _Path | Cache | None = None,
        target: str | None = None,
        **size_kwargs: int,
    ) -> Compiled:
        """Compiles for `device` at `sizes` with the chosen schedule."""
    def interpret(self, *inputs: Any) -> Any:
        """Runs the reference interpreter."""
    def tune(self, sizes: Mapping[str, int], device: str = "cpu", **options: Any) -> TuneResult:
        """kiln.tune for this kernel."""

class Compiled:
    """A kernel compiled for a device at fixed sizes; call it."""

    kernel: Kernel
    sizes: dict[str, int]
    inputs: tuple[Arg, ...]
    outputs: tuple[Arg, ...]
    def __call__(self, *inputs: Any, out: Any = None) -> Any:
        """Runs on inputs; returns the output (a tuple for several)."""
    @property
    def schedule(self) -> dict[str, Any]: ...
    @property
    def schedule_source(self) -> str: ...
    @property
    def tuned(self) -> bool: ...
    @property
    def device(self) -> str: ...
    @property
    def compile_s(self) -> float: ...
    def bench(self, *inputs: Any, seconds: float = 1.0) -> float:
        """Median seconds per launch with inputs bound once."""

class TuneResult:
    """What tune found."""

    kernel: str
    device: str
    sizes: dict[str, int]
    key: str
    best: dict[str, Any]
    best_s: float
    default_s: float | None
    trials: int
    trials_total: int
    cached: bool
    stored: bool
    elapsed_s: float
    failures: dict[str, int]
    report: dict[str, Any]
    @property
    def speedup(self) -> float | None: ...

def worker_command() -> list[str]:
    """The command that serves measurements for tune."""

def tune(
    kernel: Kernel,
    sizes: Mapping[str, int],
    device: str = "cpu",
    *,
    trials: int | None = None,
    time: float | str | None = None,
    cache: _Path | Cache | None = None,
    strategy: str = "evolution",
    level: str = "full",
    seed: int = 0,
    force: bool = False,
    time_per_trial_ms: int = 300,
    rerank: int = 3,
    progress: bool = True,
    callback: Callable[[dict[str, Any]], None] | None = None,
    worker: Sequence[str] | None = None,
    target: str | None = None,
) -> TuneResult:
    """Tunes `kernel` at `sizes` on `device`; stores the winner."""

class Cache:
    """The tuning cache in a directory."""

    def __init__(self, dir: _Path | None = None) -> None: ...
    @property
    def dir(self) -> str: ...
    @property
    def warnings(self) -> list[str]: ...
    def list(self) -> list[dict[str, Any]]:
        """Every winner."""
    def keys(self, prefix: str = "") -> list[dict[str, Any]]:
        """Keys whose id starts with `prefix`."""
    def trials(self, key_id: str) -> list[dict[str, Any]]:
        """The stored trials of a key."""
    def show(self, key: str) -> dict[str, Any]:
        """One key by id or unique prefix."""
    def export(self, path: _Path | None = None) -> dict[str, Any]:
        """Everything, in kiln's export format."""
    def import_(self, source: _Path | Mapping[str, Any]) -> tuple[int, int]:
        """Imports an export; returns (winners stored, trials added)."""
    def remove(self, key_id: str) -> int:
        """Removes a key's winner and trials."""
    def verify(self) -> list[str]:
        """Problems found in stored rows."""

