"""Issue 14's bars, measured in one run: each case is tuned for a fixed
time (`kiln tune --time`), then kiln's default schedule, kiln's tuned
schedule and the baseline (numpy's OpenBLAS at the same thread count, or a
multi-threaded memory copy of the same bytes) are timed in alternating
rounds; the table gives medians and ratios. The row kernels also show
their ratio to kiln's own copy of the same bytes, timed in the same rounds
(numpy's threaded copy varies a lot from run to run on a shared machine).

    .venv/bin/python scripts/blas-bars.py [--time 60] [--rounds 3] [--only NAME,...]

Needs only the release `kiln` binary (`$KILN`, default target/release/kiln)
and numpy; the kiln CLI is run as a subprocess so nothing here runs inside
the measured process but numpy. The time-to-quality curve of every tune is
written next to the table (`--out DIR`, default a temporary directory).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

THREADS = int(os.environ.get("KILN_BARS_THREADS", "2"))
# numpy's OpenBLAS reads this when it loads: set it before the import.
os.environ["OPENBLAS_NUM_THREADS"] = str(THREADS)
os.environ["OMP_NUM_THREADS"] = str(THREADS)

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "ir-specs"


def mm(m, n, k):
    return {"M": m, "N": n, "K": k}


# (name, file, kernel, sizes, baseline, bar kind)
CASES = [
    ("matmul 512^3", "matmul.kiln", "matmul", mm(512, 512, 512), "matmul", "blas"),
    ("matmul 1000^3", "matmul.kiln", "matmul", mm(1000, 1000, 1000), "matmul", "blas"),
    ("matmul 1024^3", "matmul.kiln", "matmul", mm(1024, 1024, 1024), "matmul", "blas"),
    ("matmul 2048^3", "matmul.kiln", "matmul", mm(2048, 2048, 2048), "matmul", "blas"),
    ("matmul 4096^3", "matmul.kiln", "matmul", mm(4096, 4096, 4096), "matmul", "blas"),
    ("matmul 4096x128x4096", "matmul.kiln", "matmul", mm(4096, 4096, 128), "matmul", "blas"),
    ("matmul M=16 N=4096 K=4096", "matmul.kiln", "matmul", mm(16, 4096, 4096), "matmul", "blas"),
    ("gemm+bias+relu 1000^3", "linear_relu.kiln", "linear_relu", mm(1000, 1000, 1000), "linear_relu", "fused"),
    ("gemm+bias+relu 2048^3", "linear_relu.kiln", "linear_relu", mm(2048, 2048, 2048), "linear_relu", "fused"),
    ("softmax 4096^2", "softmax.kiln", "softmax", {"R": 4096, "C": 4096}, "copy", "memory"),
    ("layernorm 4096^2", "layernorm.kiln", "layernorm", {"R": 4096, "C": 4096}, "copy", "memory"),
    ("rmsnorm 4096^2", "rmsnorm.kiln", "rmsnorm", {"R": 4096, "C": 4096}, "copy", "memory"),
]


def time_calls(f, seconds):
    """Median seconds of `f()` over about `seconds` (at least 5 calls)."""
    f()
    samples = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or len(samples) < 5:
        t0 = time.perf_counter()
        f()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def baseline(kind, sizes, rng):
    """A no-argument callable doing the baseline's work for `sizes`."""
    if kind in ("matmul", "linear_relu"):
        a = rng.standard_normal((sizes["M"], sizes["K"]), dtype=np.float32)
        b = rng.standard_normal((sizes["K"], sizes["N"]), dtype=np.float32)
        c = np.empty((sizes["M"], sizes["N"]), np.float32)
        if kind == "matmul":
            return lambda: np.matmul(a, b, out=c)
        bias = rng.standard_normal(sizes["N"], dtype=np.float32)

        def linear_relu():
            # numpy's best composition: no temporaries, three passes.
            np.matmul(a, b, out=c)
            np.add(c, bias, out=c)
            np.maximum(c, 0, out=c)

        return linear_relu
    # A copy of the kernel's input to an output of the same size, split
    # across THREADS threads (numpy releases the GIL while it copies).
    x = rng.standard_normal((sizes["R"], sizes["C"]), dtype=np.float32)
    y = np.empty_like(x)
    parts = np.array_split(np.arange(sizes["R"]), THREADS)
    spans = [(int(p[0]), int(p[-1]) + 1) for p in parts if len(p)]

    def copy_part(lo, hi):
        np.copyto(y[lo:hi], x[lo:hi])

    def copy():
        ts = [threading.Thread(target=copy_part, args=s) for s in spans[1:]]
        for t in ts:
            t.start()
        copy_part(*spans[0])
        for t in ts:
            t.join()

    return copy


def kiln_cmd(exe, *args, check=True):
    r = subprocess.run([exe, *args], capture_output=True, text=True)
    if r.returncode != 0:
        if not check:
            return None
        sys.exit(f"`kiln {' '.join(args)}` failed:\n{r.stderr}")
    return r.stdout


# A second yardstick for the row kernels: the same bytes copied by kiln
# itself (stream stores, the same thread pool), measured in the same rounds.
COPY_KILN = "kernel copy(x: f32[R, C]) -> (y: f32[R, C]) { y[r, c] = x[r, c]; }\n"


def kiln_bench(exe, file, kernel, shape, cache, seconds):
    out = kiln_cmd(
        exe, "bench", str(SPECS / file), "-k", kernel, "--shape", shape,
        "--cache", cache, "--threads", str(THREADS), "--seconds", str(seconds), "--json",
    )
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--time", type=int, default=60, help="seconds of tuning per case")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=1.0, help="timed seconds per measurement")
    ap.add_argument("--only", default="", help="comma-separated substrings of case names")
    ap.add_argument("--out", default="", help="directory for curves and results")
    args = ap.parse_args()
    exe = os.environ.get("KILN") or str(ROOT / "target" / "release" / "kiln")
    out = Path(args.out or tempfile.mkdtemp(prefix="kiln-bars-"))
    out.mkdir(parents=True, exist_ok=True)
    empty = str(out / "empty-cache")  # never written: the default schedule
    rng = np.random.default_rng(0)
    copy_file = out / "copy.kiln"
    copy_file.write_text(COPY_KILN)
    cases = [c for c in CASES if not args.only or any(s in c[0] for s in args.only.split(","))]
    print(f"{THREADS} threads; numpy {np.__version__}; tune {args.time} s per case; "
          f"{args.rounds} alternating rounds of {args.seconds} s; output in {out}", flush=True)
    rows = []
    for name, file, kernel, sizes, base, bar in cases:
        shape = ",".join(f"{k}={v}" for k, v in sizes.items())
        cache = str(out / f"cache-{kernel}-{shape.replace(',', '_').replace('=', '')}")
        slug = name.replace(" ", "_").replace("^", "").replace("+", "_").replace("=", "")
        t0 = time.time()
        tuned_ok = kiln_cmd(
            exe, "tune", str(SPECS / file), "-k", kernel, "--shape", shape,
            "--time", f"{args.time}s", "--cache", cache, "--force",
            "--curve", str(out / f"curve-{slug}.csv"), check=False,
        ) is not None
        if not tuned_ok:
            print(f"{name}: the tune stored no winner; `tuned` is the default", flush=True)
        tune_s = time.time() - t0
        f = baseline(base, sizes, rng)
        d, t, b, kc = [], [], [], []
        for _ in range(args.rounds):
            d.append(kiln_bench(exe, file, kernel, shape, empty, args.seconds)["median_s"])
            tuned = kiln_bench(exe, file, kernel, shape, cache, args.seconds)
            t.append(tuned["median_s"])
            b.append(time_calls(f, args.seconds))
            if bar == "memory":
                kc.append(kiln_bench(exe, copy_file, "copy", shape, empty, args.seconds)["median_s"])
        row = {
            "case": name, "bar": bar, "tune_s": tune_s, "tuned_ok": tuned_ok,
            "default_s": statistics.median(d), "tuned_s": statistics.median(t),
            "baseline_s": statistics.median(b), "schedule": tuned["schedule"],
            "flops": tuned["flops"], "bytes": tuned["bytes"],
            "kiln_copy_s": statistics.median(kc) if kc else None,
        }
        row["default_ratio"] = row["baseline_s"] / row["default_s"]
        row["tuned_ratio"] = row["baseline_s"] / row["tuned_s"]
        rows.append(row)
        print(f"{name}: default {row['default_s'] * 1e3:.3f} ms, tuned {row['tuned_s'] * 1e3:.3f} ms, "
              f"baseline {row['baseline_s'] * 1e3:.3f} ms -> default {row['default_ratio']:.2f}x, "
              f"tuned {row['tuned_ratio']:.2f}x", flush=True)
    (out / "results.json").write_text(json.dumps(rows, indent=1))
    want = {"blas": ("OpenBLAS", 0.9, 0.7), "fused": ("numpy matmul+add+maximum", 1.1, None),
            "memory": (f"{THREADS}-thread copy", 0.8, None)}
    print()
    print("| case | kiln default | kiln tuned | baseline | default ratio | tuned ratio | bar |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        what, tuned_bar, default_bar = want[r["bar"]]
        ok = r["tuned_ratio"] >= tuned_bar and (default_bar is None or r["default_ratio"] >= default_bar)
        bar = f"tuned >= {tuned_bar}x" + (f", default >= {default_bar}x" if default_bar else "")
        extra = ""
        if r["bar"] == "memory":
            kc = r["kiln_copy_s"]
            extra = (f" ({r['bytes'] / r['tuned_s'] / 1e9:.1f} GB/s; vs kiln's own copy "
                     f"{kc * 1e3:.3f} ms: {kc / r['tuned_s']:.2f}x)")
        elif r["flops"]:
            extra = f" ({r['flops'] / r['tuned_s'] / 1e9:.0f} GFLOP/s)"
        print(f"| {r['case']} | {r['default_s'] * 1e3:.3f} ms | {r['tuned_s'] * 1e3:.3f} ms{extra} | "
              f"{what} {r['baseline_s'] * 1e3:.3f} ms | {r['default_ratio']:.2f}x | {r['tuned_ratio']:.2f}x | "
              f"{bar}: {'met' if ok else 'NOT met'} |")


if __name__ == "__main__":
    main()
