"""kiln from Python: write a kernel once in kiln's tensor language, compile
it for a device, call it on numpy arrays (or anything that speaks DLPack or
the buffer protocol, such as CPU torch tensors) without copying, and tune it.

>>> import kiln, numpy as np
>>> k = kiln.load("ir-specs/matmul.kiln").kernel("matmul")      # doctest: +SKIP
>>> mm = k.compile(device="cpu", sizes={"M": 64, "N": 32, "K": 16})  # doctest: +SKIP
>>> c = mm(np.ones((64, 16), np.float32), np.ones((16, 32), np.float32))  # doctest: +SKIP

The GIL is released while kiln compiles, tunes and runs. Errors are
exceptions from :mod:`kiln.errors` carrying kiln's message (with the source
span for errors in kernel text). Fleet tuning on Ray lives in
:mod:`kiln.ray`.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from . import _native, errors
from .errors import (
    ArgumentError,
    CacheError,
    CompileError,
    DeviceUnavailableError,
    DTypeError,
    ExecutionError,
    KilnError,
    KilnIOError,
    NoKernelError,
    OutOfMemoryError,
    ScheduleError,
    SourceError,
    TuneError,
)

__version__ = _native.version()

__all__ = [
    "Arg",
    "Cache",
    "Compiled",
    "Device",
    "Kernel",
    "Module",
    "TuneResult",
    "backends",
    "devices",
    "load",
    "parse",
    "tune",
    "worker_command",
    *errors.__all__,
]


# ---------------------------------------------------------------- devices


@dataclasses.dataclass(frozen=True)
class Device:
    """A device kiln can compile for and run on."""

    name: str
    """The name to pass as ``device=``: ``cpu``, ``opencl:0``, ``cuda:0``."""
    kind: str
    """Backend: ``cpu``, ``opencl`` or ``cuda``."""
    model: str
    """Short model name."""
    fingerprint: str
    """Stable identity used in cache keys (hardware, driver, versions)."""
    toolchain: str
    """The code generator (and driver) versions."""
    description: str
    """One paragraph, as ``kiln devices`` prints it."""
    limits: dict
    """Limits that shape schedules (threads, vector width, GPU limits)."""


def _device(d: dict) -> Device:
    return Device(
        name=d["name"],
        kind=d["kind"],
        model=d["model"],
        fingerprint=d["fingerprint"],
        toolchain=d["toolchain"],
        description=d["description"],
        limits=d["limits"],
    )


def backends() -> dict[str, list[Device] | str]:
    """Every backend of this build: its devices, or why it has none (the
    driver is missing, say)."""
    out: dict[str, list[Device] | str] = {}
    for row in json.loads(_native.devices_json()):
        if "devices" in row:
            out[row["kind"]] = [_device(d) for d in row["devices"]]
        else:
            out[row["kind"]] = row["why"]
    return out


def devices(kind: str | None = None) -> list[Device]:
    """The devices present on this machine (of one ``kind`` if given)."""
    found = []
    for k, ds in backends().items():
        if isinstance(ds, list) and (kind is None or k == kind):
            found.extend(ds)
    return found


# ---------------------------------------------------------------- kernels


@dataclasses.dataclass(frozen=True)
class Arg:
    """One argument of a kernel."""

    name: str
    dtype: np.dtype
    """Its numpy dtype."""
    shape: tuple
    """Dimensions: size-symbol expressions (``("M", "K")``) for a kernel,
    integers for a compiled kernel."""

    @property
    def kiln_dtype(self) -> str:
        """kiln's name of the dtype (``f16``, ``f32``, ``f64``, ``i32``)."""
        return {"float16": "f16", "float32": "f32", "float64": "f64", "int32": "i32"}[
            self.dtype.name
        ]


def _args(rows: list[dict]) -> tuple[Arg, ...]:
    return tuple(Arg(r["name"], np.dtype(r["numpy"]), tuple(r["shape"])) for r in rows)


def load(path: "str | os.PathLike[str]") -> "Module":
    """Reads and checks a ``.kiln`` file. Raises :class:`SourceError` (every
    diagnostic, with its span) or :class:`KilnIOError`."""
    return Module(_native.Module.load(os.fspath(path)))


def parse(text: str, name: str = "<string>") -> "Module":
    """Checks kernel source text; ``name`` labels diagnostics."""
    return Module(_native.Module.parse(name, text))


class Module:
    """A checked source file and its kernels."""

    def __init__(self, native: Any):
        self._native = native

    @property
    def kernels(self) -> list[str]:
        """Kernel names, in source order."""
        return list(self._native.kernels)

    @property
    def text(self) -> str:
        """The source text."""
        return self._native.text

    def kernel(self, name: str | None = None) -> "Kernel":
        """The kernel called ``name`` (the only one when ``None``). Raises
        :class:`NoKernelError` naming the module's kernels."""
        return Kernel(self._native.kernel(name))

    def __getitem__(self, name: str) -> "Kernel":
        return self.kernel(name)

    def __repr__(self) -> str:
        return f"<kiln.Module kernels={self.kernels}>"


def _schedule_arg(schedule: Any) -> str:
    if schedule is None:
        return "auto"
    if isinstance(schedule, str):
        if schedule in ("auto", "tuned", "default"):
            return schedule
        raise ScheduleError(
            f"schedule: expected None, 'tuned', 'default' or a dict, got {schedule!r}"
        )
    if isinstance(schedule, Mapping):
        return json.dumps(dict(schedule))
    raise ScheduleError(
        f"schedule: expected None, 'tuned', 'default' or a dict, got {type(schedule).__name__}"
    )


def _sizes(sizes: Mapping[str, int] | None, more: Mapping[str, int]) -> dict[str, int]:
    out = dict(sizes or {})
    out.update(more)
    for k, v in out.items():
        if not isinstance(k, str) or isinstance(v, bool) or not isinstance(v, (int, np.integer)):
            raise ArgumentError(f"sizes: `{k}` must map a symbol name to an int, got {v!r}")
        out[k] = int(v)
    return out


class Kernel:
    """One kernel of a :class:`Module`: compile it, interpret it, tune it."""

    def __init__(self, native: Any):
        self._native = native
        sig = json.loads(native.signature_json())
        self.inputs: tuple[Arg, ...] = _args(sig["inputs"])
        """Inputs, declaration order (symbolic shapes)."""
        self.outputs: tuple[Arg, ...] = _args(sig["outputs"])
        """Outputs, declaration order (symbolic shapes)."""
        self.size_symbols: tuple[str, ...] = tuple(sig["sizes"])
        """The size symbols ``sizes=`` binds."""

    @property
    def name(self) -> str:
        """The kernel's name."""
        return self._native.name

    @property
    def hash(self) -> str:
        """Content hash of its canonical text (part of cache keys)."""
        return self._native.hash

    def compile(
        self,
        device: str = "cpu",
        sizes: Mapping[str, int] | None = None,
        schedule: None | str | Mapping[str, Any] = None,
        *,
        cache: "str | os.PathLike[str] | Cache | None" = None,
        target: str | None = None,
        **size_kwargs: int,
    ) -> "Compiled":
        """Compiles for ``device`` at ``sizes`` (a dict, or keyword
        arguments: ``compile("cpu", M=64, N=32, K=16)``).

        ``schedule``: ``None`` (the tuned winner from the cache if there is
        one, else the default), ``"tuned"`` (the tuned winner, or
        :class:`TuneError`), ``"default"``, or a schedule dict (as
        :attr:`Compiled.schedule` returns; validated, errors name the
        field). ``cache``: the cache directory (default ``$KILN_CACHE`` or
        ``~/.cache/kiln``). ``target``: a code-generation target (``sm_90``
        for CUDA). The GIL is released while compiling.
        """
        s = _sizes(sizes, size_kwargs)
        native = self._native.compile(
            device, s, _schedule_arg(schedule), _cache_dir(cache), target
        )
        return Compiled(native, self, s)

    def interpret(self, *inputs: Any) -> Any:
        """Runs the reference interpreter (kiln's oracle) on ``inputs``;
        sizes come from their shapes. Returns one array, or a tuple when
        the kernel has several outputs."""
        arrays = [_as_array(x, a) for x, a in zip(inputs, self.inputs)]
        if len(inputs) != len(self.inputs):
            arrays = list(inputs)
        outs = self._native.interpret(arrays)
        return outs[0] if len(outs) == 1 else tuple(outs)

    def tune(self, sizes: Mapping[str, int], device: str = "cpu", **options: Any) -> "TuneResult":
        """:func:`kiln.tune` for this kernel."""
        return tune(self, sizes, device, **options)

    def __repr__(self) -> str:
        ins = ", ".join(f"{a.name}: {a.kiln_dtype}[{', '.join(a.shape)}]" for a in self.inputs)
        outs = ", ".join(f"{a.name}: {a.kiln_dtype}[{', '.join(a.shape)}]" for a in self.outputs)
        return f"<kiln.Kernel {self.name}({ins}) -> ({outs})>"


def _as_array(x: Any, arg: Arg) -> Any:
    """``x`` as a numpy array without copying where it is one already or
    speaks DLPack or the buffer protocol; Python scalars and lists are
    converted to the argument's dtype. A numpy array of another dtype is
    passed through, so the native side names the mismatch."""
    if isinstance(x, np.ndarray):
        return x
    if hasattr(x, "__dlpack__"):
        try:
            return np.from_dlpack(x)
        except (TypeError, RuntimeError, BufferError) as e:
            raise ArgumentError(
                f"argument `{arg.name}`: cannot view {type(x).__name__} through DLPack ({e}); "
                "kiln reads host memory: move it to the CPU first"
            ) from None
    if isinstance(x, (bool, int, float, list, tuple, np.generic)):
        return np.asarray(x, dtype=arg.dtype)
    try:
        return np.asarray(memoryview(x))
    except TypeError:
        pass
    a = np.asarray(x)
    if a.dtype == object:
        raise ArgumentError(
            f"argument `{arg.name}`: expected a numpy array (or an object speaking DLPack "
            f"or the buffer protocol), got {type(x).__name__}"
        )
    return a


class Compiled:
    """A kernel compiled for a device at fixed sizes. Call it like a
    function: ``c = mm(a, b)`` or ``mm(a, b, out=c)``.

    Inputs are read in place when they are C-contiguous arrays of the right
    dtype (no copy); a strided view is copied once into a contiguous array
    first. ``out=`` arrays are written in place and must be C-contiguous;
    without ``out=`` the outputs are new arrays. Shapes and dtypes are
    checked, and errors name the argument. The GIL is released while the
    kernel runs, so threads can call one compiled kernel concurrently.
    """

    def __init__(self, native: Any, kernel: Kernel, sizes: dict[str, int]):
        self._native = native
        self.kernel = kernel
        """The kernel it was compiled from."""
        self.sizes = dict(sizes)
        """The sizes it was compiled for."""
        sig = json.loads(native.signature_json())
        self.inputs: tuple[Arg, ...] = _args(sig["inputs"])
        """Inputs with concrete shapes."""
        self.outputs: tuple[Arg, ...] = _args(sig["outputs"])
        """Outputs with concrete shapes."""
        self._run = native.run
        self._n_out = len(self.outputs)

    def __call__(self, *inputs: Any, out: Any = None) -> Any:
        """Runs on ``inputs`` (declaration order). ``out``: an array (one
        output) or a sequence with an array or ``None`` per output. Returns
        the output array, or a tuple when there are several."""
        ins = self.inputs
        if len(inputs) != len(ins):
            names = ", ".join(a.name for a in ins)
            raise ArgumentError(
                f"kernel `{self.kernel.name}` takes {len(ins)} inputs ({names}), got {len(inputs)}"
            )
        arrays = [x if type(x) is np.ndarray else _as_array(x, a) for x, a in zip(inputs, ins)]
        if out is None:
            outs = [None] * self._n_out
        elif isinstance(out, (list, tuple)):
            outs = [None if o is None else _as_out(o, a) for o, a in zip(out, self.outputs)]
            if len(out) != self._n_out:
                raise ArgumentError(
                    f"kernel `{self.kernel.name}` has {self._n_out} outputs, got {len(out)} in out="
                )
        else:
            if self._n_out != 1:
                raise ArgumentError(
                    f"kernel `{self.kernel.name}` has {self._n_out} outputs: pass out= as a tuple"
                )
            outs = [_as_out(out, self.outputs[0])]
        result = self._run(arrays, outs)
        return result[0] if self._n_out == 1 else tuple(result)

    @property
    def schedule(self) -> dict:
        """The schedule compiled with (pass it back as ``schedule=``)."""
        return json.loads(self._native.schedule_json())

    @property
    def schedule_source(self) -> str:
        """Where the schedule came from, in words."""
        return self._native.schedule_source

    @property
    def tuned(self) -> bool:
        """Whether the schedule is a tuned winner from the cache."""
        return self._native.tuned

    @property
    def device(self) -> str:
        """The device's name."""
        return self._native.device

    @property
    def compile_s(self) -> float:
        """Seconds spent compiling and loading."""
        return self._native.compile_s

    def bench(self, *inputs: Any, seconds: float = 1.0) -> float:
        """Median seconds per launch with inputs bound once (the kernel
        alone, as ``kiln bench`` measures it)."""
        arrays = [_as_array(x, a) for x, a in zip(inputs, self.inputs)]
        return self._native.bench(arrays, seconds)

    def __repr__(self) -> str:
        return (
            f"<kiln.Compiled {self.kernel.name} on {self.device} sizes={self.sizes} "
            f"({self.schedule_source})>"
        )


def _as_out(o: Any, arg: Arg) -> Any:
    if isinstance(o, np.ndarray):
        return o
    if hasattr(o, "__dlpack__"):
        try:
            return np.from_dlpack(o)
        except (TypeError, RuntimeError, BufferError) as e:
            raise ArgumentError(f"out `{arg.name}`: cannot view it through DLPack ({e})") from None
    try:
        return np.asarray(memoryview(o))
    except TypeError:
        raise ArgumentError(
            f"out `{arg.name}`: expected a writable array, got {type(o).__name__}"
        ) from None


# ---------------------------------------------------------------- tuning


@dataclasses.dataclass(frozen=True)
class TuneResult:
    """What :func:`tune` found."""

    kernel: str
    device: str
    sizes: dict
    key: str
    """The cache key id (``kiln cache show KEY``)."""
    best: dict
    """The winning schedule (pass it as ``schedule=``)."""
    best_s: float
    """Its median seconds."""
    default_s: float | None
    """The default schedule's median seconds, when measured."""
    trials: int
    """Trials measured by this call."""
    trials_total: int
    """Trials stored for the key (earlier runs included)."""
    cached: bool
    """Answered from the cache without measuring."""
    stored: bool
    """Whether this run's winner became the cached winner."""
    elapsed_s: float
    failures: dict
    """Failed trials by status (``wrong``, ``crash``, ``timeout``, ...)."""
    report: dict
    """The full report, as ``kiln tune --json`` prints it."""

    @property
    def speedup(self) -> float | None:
        """The winner's speed-up over the default schedule."""
        if self.default_s is None or not self.best_s:
            return None
        return self.default_s / self.best_s

    def __str__(self) -> str:
        sp = f", {self.speedup:.2f}x over the default" if self.speedup else ""
        how = "cached" if self.cached else f"{self.trials} trials in {self.elapsed_s:.1f} s"
        return f"{self.kernel} on {self.device}: best {self.best_s * 1e3:.3f} ms{sp} ({how})"


def _seconds(time: Any) -> float | None:
    if time is None:
        return None
    if isinstance(time, (int, float)) and not isinstance(time, bool):
        return float(time)
    if isinstance(time, str):
        t = time.strip()
        for suffix, scale in (("ms", 1e-3), ("s", 1.0), ("m", 60.0), ("h", 3600.0)):
            if t.endswith(suffix):
                try:
                    return float(t[: -len(suffix)]) * scale
                except ValueError:
                    break
        try:
            return float(t)
        except ValueError:
            pass
    raise ArgumentError(f"time: expected seconds or a duration like '30s' or '2m', got {time!r}")


def _cache_dir(cache: Any) -> str | None:
    if cache is None:
        return None
    if isinstance(cache, Cache):
        return os.fspath(cache.dir)
    return os.fspath(cache)


def worker_command() -> list[str]:
    """The command that serves measurements for :func:`tune`: this Python
    running ``kiln._worker`` (a crashing candidate takes down only it). The
    directory this package was imported from goes first on the worker's
    path, so a ``kiln`` folder in the working directory cannot shadow it."""
    home = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    code = f"import sys; sys.path.insert(0, {home!r}); from kiln._worker import main; main()"
    return [sys.executable, "-c", code]


class _Progress:
    """A progress bar: tqdm when installed, else one updating line."""

    def __init__(self, total: int | None, label: str, enabled: bool):
        self.bar = None
        self.enabled = enabled
        self.label = label
        self.total = total
        if enabled:
            try:
                from tqdm.auto import tqdm

                self.bar = tqdm(total=total, desc=label, unit="trial", leave=False)
            except ImportError:
                self.bar = None

    def update(self, e: dict) -> None:
        if not self.enabled:
            return
        best = e.get("best_s")
        text = f"best {best * 1e3:.3f} ms" if best else "no correct candidate yet"
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix_str(text)
        else:
            of = f"/{self.total}" if self.total else ""
            sys.stderr.write(f"\r{self.label}: {e['n']}{of} trials, {text}   ")
            sys.stderr.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.enabled:
            sys.stderr.write("\n")


def tune(
    kernel: Kernel,
    sizes: Mapping[str, int],
    device: str = "cpu",
    *,
    trials: int | None = None,
    time: float | str | None = None,
    cache: "str | os.PathLike[str] | Cache | None" = None,
    strategy: str = "evolution",
    level: str = "full",
    seed: int = 0,
    force: bool = False,
    time_per_trial_ms: int = 300,
    rerank: int = 3,
    progress: bool = True,
    callback: Callable[[dict], None] | None = None,
    worker: Sequence[str] | None = None,
    target: str | None = None,
) -> TuneResult:
    """Tunes ``kernel`` at ``sizes`` on ``device`` and stores the winner in
    the cache, where :meth:`Kernel.compile` finds it.

    Every candidate is verified against the reference interpreter before
    it is timed. The budget is ``trials`` (new measurements), ``time``
    (seconds or ``"30s"``/``"2m"``) or both; without either, 64 trials. A
    cached winner answers at once (``force=True`` tunes again); an
    interrupted run resumes from its stored trials. ``callback`` gets each
    finished trial as a dict (``n``, ``status``, ``median_s``, ``best_s``,
    ``schedule``, the stored ``trial`` and its ``key``). Ctrl-C stops after
    the current candidate, keeps the winner so far, and raises
    ``KeyboardInterrupt``. Measurements run in a separate process
    (``worker``, default :func:`worker_command`; ``["inprocess"]`` measures
    in this one). The GIL is released while tuning.
    """
    secs = _seconds(time)
    if trials is None and secs is None:
        trials = 64
    s = _sizes(sizes, {})
    label = f"tune {kernel.name}"
    bar = _Progress(trials, label, progress)

    def on_trial(event_json: str) -> None:
        e = json.loads(event_json)
        bar.update(e)
        if callback is not None:
            callback(e)

    try:
        out = _native.tune(
            kernel._native,
            device,
            s,
            cache_dir=_cache_dir(cache),
            trials=trials,
            time_s=secs,
            strategy=strategy,
            level=level,
            seed=seed,
            force=force,
            time_per_trial_ms=time_per_trial_ms,
            rerank=rerank,
            worker=list(worker) if worker is not None else worker_command(),
            on_trial=on_trial,
            target=target,
        )
    finally:
        bar.close()
    r = json.loads(out)
    return TuneResult(
        kernel=kernel.name,
        device=r["device"],
        sizes=s,
        key=r["key_id"],
        best=r["best"],
        best_s=r["best_s"],
        default_s=r.get("default_s"),
        trials=r["trials_run"],
        trials_total=r["trials_total"],
        cached=r["cached"],
        stored=r["stored"],
        elapsed_s=r["elapsed_s"],
        failures=r.get("failures", {}),
        report=r,
    )


# ---------------------------------------------------------------- cache


class Cache:
    """The tuning cache in a directory (default ``$KILN_CACHE``, else
    ``~/.cache/kiln``): list, show, export and import winners and trials.
    Many processes may share one directory."""

    def __init__(self, dir: "str | os.PathLike[str] | None" = None):
        self._native = _native.Cache(None if dir is None else os.fspath(dir))

    @property
    def dir(self) -> str:
        """The cache directory."""
        return os.fspath(self._native.dir)

    @property
    def warnings(self) -> list[str]:
        """Warnings from opening it (a corrupt database moved aside)."""
        return list(self._native.warnings)

    def list(self) -> list[dict]:
        """Every winner: ``key`` (its fields and ``id``), ``schedule``,
        ``median_s``, ``default_median_s``, ``speedup``, ``trials``,
        ``strategy``, ``budget``, ``created_at``."""
        out = []
        for w in json.loads(self._native.winners_json()):
            w = dict(w)
            w["key_id"] = _key_id(w["key"])
            d = w.get("default_median_s")
            w["speedup"] = d / w["median_s"] if d and w["median_s"] else None
            out.append(w)
        return out

    def keys(self, prefix: str = "") -> list[dict]:
        """Keys whose id starts with ``prefix`` (as ``kiln cache ls`` prints
        them), each with its ``id``."""
        out = []
        for k in json.loads(self._native.keys_json(prefix)):
            k = dict(k)
            k["id"] = _key_id(k)
            out.append(k)
        return out

    def trials(self, key_id: str) -> list[dict]:
        """The stored trials of a key (exact id), oldest first."""
        return json.loads(self._native.trials_json(key_id))

    def show(self, key: str) -> dict:
        """One key by id or unique id prefix: ``{"key", "key_id",
        "winner", "trials"}``. Raises :class:`CacheError` when no key, or
        more than one, matches."""
        keys = self.keys(key)
        if len(keys) != 1:
            what = "no key matches" if not keys else f"{len(keys)} keys match"
            raise CacheError(f"key `{key}`: {what} in the cache {self.dir}")
        k = keys[0]
        winner = next((w for w in self.list() if w["key_id"] == k["id"]), None)
        return {"key": k, "key_id": k["id"], "winner": winner, "trials": self.trials(k["id"])}

    def export(self, path: "str | os.PathLike[str] | None" = None) -> dict:
        """Everything (winners, trials, keys) as a dict in kiln's export
        format; also written to ``path`` (atomically) when given."""
        text = self._native.export_json()
        if path is not None:
            p = os.fspath(path)
            tmp = f"{p}.tmp-{os.getpid()}"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, p)
        return json.loads(text)

    def import_(self, source: "str | os.PathLike[str] | Mapping[str, Any]") -> tuple[int, int]:
        """Imports an export (a file path, JSON text or a dict). Everything
        is validated first; on any error nothing is written. A winner
        replaces a local one only when faster. Returns (winners stored,
        trials added)."""
        if isinstance(source, Mapping):
            text = json.dumps(dict(source))
        else:
            s = os.fspath(source)
            if s.lstrip().startswith("{"):
                text = s
            else:
                try:
                    with open(s, encoding="utf-8") as f:
                        text = f.read()
                except OSError as e:
                    raise KilnIOError(f"{s}: {e.strerror}") from None
        return tuple(self._native.import_json(text))

    def remove(self, key_id: str) -> int:
        """Removes a key's winner and trials; returns the rows removed."""
        return self._native.remove(key_id)

    def verify(self) -> list[str]:
        """Problems found in stored rows (empty when all is well)."""
        return list(self._native.verify())

    def __repr__(self) -> str:
        return f"<kiln.Cache {self.dir}>"


def _key_id(key: dict) -> str:
    """The id of a key dict, as the cache computes it."""
    return _native.key_id(json.dumps({f: v for f, v in key.items() if f != "id"}))
