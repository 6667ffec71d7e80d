"""The Python API: devices, load, compile, call (zero-copy, dtypes, errors),
the interpreter, tuning and the cache."""

import array
import json
import os
import threading
import time
from pathlib import Path

import numpy as np
import pytest

import kiln

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "ir-specs"


@pytest.fixture()
def cache(tmp_path):
    return str(tmp_path / "cache")


@pytest.fixture(scope="module")
def matmul():
    return kiln.load(SPECS / "matmul.kiln").kernel("matmul")


@pytest.fixture(scope="module")
def mm64(matmul):
    return matmul.compile("cpu", {"M": 64, "N": 48, "K": 40}, schedule="default")


def rand(shape, dtype=np.float32, seed=0):
    return np.random.default_rng(seed).standard_normal(shape).astype(dtype)


def test_devices_lists_the_cpu_and_says_why_a_backend_is_missing():
    ds = kiln.devices()
    cpu = [d for d in ds if d.name == "cpu"]
    assert cpu and cpu[0].kind == "cpu" and cpu[0].fingerprint
    b = kiln.backends()
    assert {"cpu", "opencl", "cuda"} <= set(b)
    for kind, v in b.items():
        assert isinstance(v, list) or (isinstance(v, str) and v), kind
    assert all(d.kind == "cpu" for d in kiln.devices("cpu"))


def test_matmul_agrees_with_numpy_and_the_interpreter(matmul, mm64):
    a, b = rand((64, 40)), rand((40, 48), seed=1)
    c = mm64(a, b)
    assert c.shape == (64, 48) and c.dtype == np.float32
    np.testing.assert_allclose(c, a @ b, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(c, matmul.interpret(a, b), rtol=1e-5, atol=1e-5)
    assert mm64.inputs[0].shape == (64, 40) and mm64.outputs[0].name == "c"
    assert matmul.inputs[0].shape == ("M", "K") and set(matmul.size_symbols) == {"M", "N", "K"}


def test_out_is_written_in_place_and_returned(mm64):
    a, b = rand((64, 40)), rand((40, 48), seed=1)
    out = np.full((64, 48), np.nan, np.float32)
    r = mm64(a, b, out=out)
    assert r is out
    np.testing.assert_allclose(out, a @ b, rtol=1e-4, atol=1e-4)
    # A read-only input is fine: inputs are only read.
    a.flags.writeable = False
    np.testing.assert_allclose(mm64(a, b), a @ b, rtol=1e-4, atol=1e-4)


def test_a_source_string_kernel_and_size_keywords():
    m = kiln.parse(
        "kernel axpy(x: f32[N], y: f32[N]) -> (z: f32[N]) { z[i] = 2.0 * x[i] + y[i]; }"
    )
    assert m.kernels == ["axpy"]
    axpy = m.kernel().compile("cpu", N=5)
    x = np.arange(5, dtype=np.float32)
    np.testing.assert_array_equal(axpy(x, np.ones(5, np.float32)), 2 * x + 1)


@pytest.mark.parametrize(
    "kernel,sizes,dtypes",
    [
        ("imatmul", {"M": 7, "N": 5, "K": 9}, ["int32", "int32"]),
        ("axpy_f64", {"N": 33}, ["float64", "float64", "float64"]),
        ("scale_sum_f16", {"R": 6, "C": 17}, ["float16", "float16"]),
        ("ramp", {"N": 19}, ["float32"]),
    ],
)
def test_every_dtype_matches_the_interpreter_bit_for_bit(kernel, sizes, dtypes):
    k = kiln.load(SPECS / "dtypes.kiln").kernel(kernel)
    c = k.compile("cpu", sizes)
    rng = np.random.default_rng(3)
    ins = []
    for arg in c.inputs:
        if arg.dtype == np.int32:
            ins.append(rng.integers(-1000, 1000, arg.shape, dtype=np.int32))
        else:
            ins.append((rng.standard_normal(arg.shape) * 4).astype(arg.dtype))
    assert [a.dtype.name for a in ins] == dtypes
    got = c(*ins)
    want = k.interpret(*ins)
    got = got if isinstance(got, tuple) else (got,)
    want = want if isinstance(want, tuple) else (want,)
    for g, w, arg in zip(got, want, c.outputs):
        assert g.dtype == arg.dtype and g.shape == arg.shape
        if arg.dtype in (np.int32,):
            np.testing.assert_array_equal(g, w)
        else:
            # Within the contract's tolerance (reductions may reassociate).
            np.testing.assert_allclose(g.astype(np.float64), w.astype(np.float64), rtol=2e-3, atol=2e-3)
    if kernel == "imatmul":
        a, b = ins
        np.testing.assert_array_equal(got[0], (a.astype(np.int64) @ b).astype(np.int32))


def test_scalars_are_python_numbers():
    k = kiln.load(SPECS / "dtypes.kiln").kernel("axpy_f64")
    c = k.compile("cpu", N=4)
    x = np.arange(4, dtype=np.float64)
    np.testing.assert_array_equal(c(x, np.ones(4), 3.0), 3 * x + 1)


def test_non_contiguous_inputs_are_copied_and_outputs_refused(mm64):
    a, b = rand((40, 64)).T, rand((48, 40), seed=1).T
    assert not a.flags.c_contiguous
    np.testing.assert_allclose(mm64(a, b), a @ b, rtol=1e-4, atol=1e-4)
    strided = np.zeros((64, 96), np.float32)[:, ::2]
    with pytest.raises(kiln.ArgumentError, match=r"out `c`.*C-contiguous"):
        mm64(np.ascontiguousarray(a), np.ascontiguousarray(b), out=strided)


def test_shape_dtype_and_count_errors_name_the_argument(mm64):
    a, b = rand((64, 40)), rand((40, 48), seed=1)
    with pytest.raises(kiln.ArgumentError, match=r"argument `b`") as e:
        mm64(a, rand((41, 48)))
    assert isinstance(e.value, ValueError)
    with pytest.raises(kiln.DTypeError, match=r"argument `a`: expected float32.*got float64") as e:
        mm64(a.astype(np.float64), b)
    assert isinstance(e.value, TypeError) and isinstance(e.value, kiln.KilnError)
    with pytest.raises(kiln.DTypeError, match=r"out `c`: expected float32"):
        mm64(a, b, out=np.zeros((64, 48), np.float64))
    with pytest.raises(kiln.ArgumentError, match=r"`c`"):
        mm64(a, b, out=np.zeros((64, 47), np.float32))
    with pytest.raises(kiln.ArgumentError, match=r"takes 2 inputs \(a, b\), got 1"):
        mm64(a)
    with pytest.raises(kiln.ArgumentError, match=r"argument `a`: expected a numpy array"):
        mm64({"not": "an array"}, b)


def test_an_output_aliasing_an_input_is_refused():
    k = kiln.parse("kernel neg(x: f32[N]) -> (y: f32[N]) { y[i] = 0.0 - x[i]; }").kernel()
    c = k.compile("cpu", N=8)
    x = np.ones(8, np.float32)
    with pytest.raises(kiln.ArgumentError, match=r"out `y`.*alias"):
        c(x, out=x)


def test_dlpack_and_buffer_protocol_objects_are_read_in_place(mm64):
    a, b = rand((64, 40)), rand((40, 48), seed=1)

    class DLPackOnly:
        """Speaks only DLPack, as a CPU torch tensor would."""

        def __init__(self, arr):
            self._arr = arr

        def __dlpack__(self, **kw):
            return self._arr.__dlpack__(**kw)

        def __dlpack_device__(self):
            return self._arr.__dlpack_device__()

    np.testing.assert_allclose(mm64(DLPackOnly(a), DLPackOnly(b)), a @ b, rtol=1e-4, atol=1e-4)
    # The DLPack view shares the producer's memory: no copy was made.
    assert np.shares_memory(np.from_dlpack(DLPackOnly(a)), a)
    k = kiln.parse("kernel twice(x: f32[N]) -> (y: f32[N]) { y[i] = 2.0 * x[i]; }").kernel()
    c = k.compile("cpu", N=4)
    buf = array.array("f", [1.0, 2.0, 3.0, 4.0])
    np.testing.assert_array_equal(c(buf), [2.0, 4.0, 6.0, 8.0])
    out = array.array("f", [0.0] * 4)
    c(buf, out=out)
    assert list(out) == [2.0, 4.0, 6.0, 8.0]


def test_source_errors_carry_the_span_text():
    with pytest.raises(kiln.SourceError) as e:
        kiln.parse("kernel bad(x: f32[N]) -> (y: f32[N]) {\n    y[i] = x[j];\n}", name="bad.kiln")
    msg = str(e.value)
    assert "bad.kiln:2:10" in msg and "y[i] = x[j];" in msg and "reduction variable `j`" in msg
    with pytest.raises(kiln.KilnIOError):
        kiln.load(SPECS / "no-such-file.kiln")
    with pytest.raises(kiln.NoKernelError, match=r"no kernel `nope` \(kernels: matmul\)"):
        kiln.load(SPECS / "matmul.kiln").kernel("nope")


def test_size_and_device_errors(matmul):
    with pytest.raises(kiln.ArgumentError, match=r"`K`"):
        matmul.compile("cpu", {"M": 4, "N": 4})
    with pytest.raises(kiln.ArgumentError, match=r"sizes: `M`"):
        matmul.compile("cpu", {"M": "4", "N": 4, "K": 4})
    with pytest.raises(kiln.DeviceUnavailableError, match=r"nosuch"):
        matmul.compile("nosuch", {"M": 4, "N": 4, "K": 4})


def test_explicit_schedules_round_trip_and_bad_ones_name_the_field(matmul, mm64, cache):
    s = mm64.schedule
    again = matmul.compile("cpu", mm64.sizes, schedule=s, cache=cache)
    assert again.schedule == s and again.schedule_source == "explicit schedule"
    bad = json.loads(json.dumps(s))
    bad["threads"] = -3
    with pytest.raises(kiln.ScheduleError, match=r"threads"):
        matmul.compile("cpu", mm64.sizes, schedule=bad, cache=cache)
    with pytest.raises(kiln.ScheduleError):
        matmul.compile("cpu", mm64.sizes, schedule="fastest", cache=cache)
    with pytest.raises(kiln.TuneError, match=r"no tuned schedule"):
        matmul.compile("cpu", mm64.sizes, schedule="tuned", cache=cache)


def test_division_by_zero_is_an_execution_error():
    k = kiln.parse("kernel q(a: i32[N], b: i32[N]) -> (c: i32[N]) { c[i] = a[i] / b[i]; }").kernel()
    c = k.compile("cpu", N=3)
    a = np.array([1, 2, 3], np.int32)
    with pytest.raises(kiln.ExecutionError, match=r"division by zero"):
        c(a, np.array([1, 0, 1], np.int32))
    with pytest.raises(kiln.ExecutionError, match=r"division by zero"):
        k.interpret(a, np.array([1, 0, 1], np.int32))


def test_the_gil_is_released_while_a_kernel_runs(matmul):
    c = matmul.compile("cpu", M=768, N=768, K=768, schedule="default")
    s = c.schedule
    s["threads"] = 1
    c = matmul.compile("cpu", c.sizes, schedule=s)
    a, b = rand((768, 768)), rand((768, 768), seed=1)
    t0 = time.perf_counter()
    c(a, b)
    one = time.perf_counter() - t0
    done = threading.Event()

    def work():
        for _ in range(3):
            c(a, b)
        done.set()

    th = threading.Thread(target=work)
    last = time.perf_counter()
    gap = 0.0
    th.start()
    while not done.is_set():
        now = time.perf_counter()
        gap = max(gap, now - last)
        last = now
    th.join()
    # Holding the GIL would stall this loop for a whole call at least.
    assert gap < 0.5 * one, (gap, one)


def test_tune_reports_progress_stores_a_winner_and_answers_again_from_the_cache(cache):
    k = kiln.load(SPECS / "softmax.kiln").kernel("softmax")
    seen = []
    r = kiln.tune(k, {"R": 64, "C": 256}, "cpu", trials=4, cache=cache, callback=seen.append,
                  time_per_trial_ms=30, progress=True)
    assert r.trials >= 4 and len(seen) == r.trials and not r.cached
    assert {"n", "status", "median_s", "schedule", "trial", "key"} <= set(seen[0])
    assert seen[0]["trial"]["key_id"] == r.key
    assert r.best_s > 0 and r.default_s and r.speedup and r.speedup >= 1.0
    assert "softmax on cpu" in str(r)
    c = k.compile("cpu", {"R": 64, "C": 256}, schedule="tuned", cache=cache)
    assert c.tuned and c.schedule == r.best
    x = rand((64, 256))
    np.testing.assert_allclose(c(x), k.interpret(x), rtol=1e-5, atol=1e-6)
    again = k.tune({"R": 64, "C": 256}, "cpu", trials=4, cache=cache, progress=False)
    assert again.cached and again.trials == 0 and again.best == r.best


def test_tune_errors_are_exceptions(cache):
    k = kiln.load(SPECS / "softmax.kiln").kernel("softmax")
    with pytest.raises(kiln.ArgumentError, match="strategy"):
        kiln.tune(k, {"R": 4, "C": 4}, trials=1, cache=cache, strategy="magic", progress=False)
    with pytest.raises(kiln.ArgumentError, match="time"):
        kiln.tune(k, {"R": 4, "C": 4}, time="soon", cache=cache, progress=False)
    with pytest.raises(kiln.TuneError, match="worker"):
        kiln.tune(k, {"R": 4, "C": 4}, trials=1, cache=cache, progress=False,
                  worker=["/nonexistent/kiln-worker"])


def test_a_callback_that_raises_stops_tuning_and_keeps_the_winner_so_far(cache):
    k = kiln.load(SPECS / "softmax.kiln").kernel("softmax")
    calls = []

    def stop(e):
        calls.append(e)
        if len(calls) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        kiln.tune(k, {"R": 32, "C": 128}, trials=50, cache=cache, callback=stop,
                  time_per_trial_ms=20, progress=False)
    assert len(calls) <= 3
    # The default was measured, so a winner is stored; the run resumes.
    r = kiln.tune(k, {"R": 32, "C": 128}, trials=1, cache=cache, force=False,
                  time_per_trial_ms=20, progress=False)
    assert r.cached


def test_cache_lists_shows_exports_and_imports(cache, tmp_path):
    k = kiln.load(SPECS / "softmax.kiln").kernel("softmax")
    r = kiln.tune(k, {"R": 16, "C": 64}, trials=3, cache=cache, time_per_trial_ms=20,
                  progress=False)
    c = kiln.Cache(cache)
    ws = c.list()
    assert len(ws) == 1 and ws[0]["key_id"] == r.key and ws[0]["key"]["kernel"] == "softmax"
    shown = c.show(r.key[:10])
    assert shown["key_id"] == r.key and len(shown["trials"]) >= 3
    assert shown["winner"]["schedule"] == r.best
    with pytest.raises(kiln.CacheError, match="no key matches"):
        c.show("ffffffffffff")
    path = tmp_path / "export.json"
    e = c.export(path)
    assert json.loads(path.read_text()) == e and e["keys"][0]["kernel"] == "softmax"
    other = kiln.Cache(tmp_path / "other")
    assert other.import_(path) == (1, len(e["trials"]))
    assert [w["key_id"] for w in other.list()] == [r.key]
    assert other.keys()[0]["id"] == r.key
    # A malformed import names the record and writes nothing.
    bad = dict(e)
    bad["trials"] = [dict(e["trials"][0], median_s=-1.0)]
    third = kiln.Cache(tmp_path / "third")
    with pytest.raises(kiln.CacheError, match=r"trials\[0\]\.median_s"):
        third.import_(bad)
    assert third.list() == [] and third.export()["trials"] == []
    assert c.verify() == []


def test_stubs_cover_every_public_name():
    stub = (Path(kiln.__file__).parent / "__init__.pyi").read_text()
    for name in kiln.__all__:
        declared = (f"class {name}", f"def {name}", f"{name} as {name}")
        assert any(d in stub for d in declared), name
    assert (Path(kiln.__file__).parent / "py.typed").exists()
