"""Fleet tuning on a Ray cluster: every (kernel, shape set, device kind) of
a job list, tuned on the nodes that have that kind of device.

Each job runs as a Ray task that asks for its device as a resource, so two
measurements never share a device:

==========  ===========================================================
kind        Ray resource per task
==========  ===========================================================
``cuda``    ``num_gpus=1`` (the task tunes ``cuda:0``, the GPU Ray gave it)
``opencl``  the custom resource ``kiln_opencl: 1``
``cpu``     the custom resource ``kiln_cpu: 1`` (one whole-CPU measurement
            per node)
==========  ===========================================================

Start nodes with the resources they have, e.g. ``ray start --head
--resources='{"kiln_cpu": 1, "kiln_opencl": 1}'`` (GPUs are detected by
Ray). The task tunes with kiln's usual verification against the reference
interpreter and streams every finished trial back as it completes (through
a small relay actor). The driver alone writes the shared cache, through its
validated import path, keyed as always by each node's device fingerprint,
so a winner found on one GPU model is never served on another.

Jobs whose key is already tuned are answered from the cache without
measuring; an interrupted run resumes from the stored trials; a task whose
worker or node dies is retried by Ray (``max_retries``) and resumes from
every trial streamed before the failure, so no completed trial is lost.

Command line: ``python -m kiln.ray jobs.toml [--address ADDRESS]`` (also
``kiln tune-many jobs.toml --ray ADDRESS``). The job file::

    [budget]
    trials = 32          # per job and shape set; and/or
    time = "60s"

    [[job]]
    file = "ir-specs/matmul.kiln"
    kernel = "matmul"
    device = "cuda"      # cpu | opencl | cuda
    sizes = [{M = 4096, N = 4096, K = 4096}, {M = 16, N = 4096, K = 4096}]
"""

from __future__ import annotations

import dataclasses
import os
import socket
import sys
import tempfile
import time
from typing import Any, Callable, Iterable, Mapping, Sequence

import kiln

__all__ = ["Job", "JobResult", "Summary", "load_jobs", "tune_many", "resources_for", "main"]

KINDS = ("cpu", "opencl", "cuda")


def _ray():
    try:
        import ray
    except ImportError:
        raise ImportError(
            "kiln.ray needs Ray, which is not installed: pip install 'ray>=2.9' "
            "(or pip install 'kiln[ray]'); the rest of kiln works without it"
        ) from None
    return ray


@dataclasses.dataclass(frozen=True)
class Job:
    """One kernel of a file, tuned at each of its shape sets on a kind of
    device."""

    file: str
    """The kernel file (read on the driver; its text is sent to the nodes)."""
    kernel: str
    """The kernel's name in the file."""
    sizes: tuple[dict[str, int], ...]
    """Shape sets: each binds every size symbol."""
    device: str = "cpu"
    """Device kind: ``cpu``, ``opencl`` or ``cuda``."""

    @staticmethod
    def of(x: "Job | Mapping[str, Any]", where: str = "job") -> "Job":
        """A job from a dict (as in the TOML file); errors name the field."""
        if isinstance(x, Job):
            j = x
        else:
            if not isinstance(x, Mapping):
                raise kiln.ArgumentError(f"{where}: expected a table, got {type(x).__name__}")
            unknown = set(x) - {"file", "kernel", "sizes", "device"}
            if unknown:
                raise kiln.ArgumentError(f"{where}: unknown field(s) {sorted(unknown)}")
            for f in ("file", "kernel", "sizes"):
                if f not in x:
                    raise kiln.ArgumentError(f"{where}.{f}: missing")
            sizes = x["sizes"]
            if isinstance(sizes, Mapping):
                sizes = [sizes]
            if not isinstance(sizes, (list, tuple)) or not sizes:
                raise kiln.ArgumentError(f"{where}.sizes: expected a non-empty list of tables")
            j = Job(str(x["file"]), str(x["kernel"]), tuple(dict(s) for s in sizes),
                    str(x.get("device", "cpu")))
        if j.device not in KINDS:
            raise kiln.ArgumentError(f"{where}.device: `{j.device}` is not one of {', '.join(KINDS)}")
        for i, s in enumerate(j.sizes):
            for k, v in s.items():
                if isinstance(v, bool) or not isinstance(v, int):
                    raise kiln.ArgumentError(f"{where}.sizes[{i}].{k}: expected an integer, got {v!r}")
        return j


def load_jobs(path: "str | os.PathLike[str]") -> tuple[list[Job], dict[str, Any]]:
    """Reads a job file (TOML): its jobs and its ``[budget]`` (``trials``,
    ``time``). Relative kernel paths are resolved against the file's
    directory. Errors name the job and field."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ImportError:
            raise ImportError("reading job files on Python 3.10 needs tomli: pip install tomli") from None
    p = os.fspath(path)
    try:
        with open(p, "rb") as f:
            doc = tomllib.load(f)
    except OSError as e:
        raise kiln.KilnIOError(f"{p}: {e.strerror}") from None
    except tomllib.TOMLDecodeError as e:
        raise kiln.ArgumentError(f"{p}: {e}") from None
    unknown = set(doc) - {"budget", "job"}
    if unknown:
        raise kiln.ArgumentError(f"{p}: unknown table(s) {sorted(unknown)}; expected [budget] and [[job]]")
    base = os.path.dirname(os.path.abspath(p))
    jobs = []
    for i, raw in enumerate(doc.get("job", [])):
        j = Job.of(raw, f"{p}: job[{i}]")
        file = j.file if os.path.isabs(j.file) else os.path.join(base, j.file)
        jobs.append(dataclasses.replace(j, file=file))
    if not jobs:
        raise kiln.ArgumentError(f"{p}: no [[job]] tables")
    budget = dict(doc.get("budget", {}))
    bad = set(budget) - {"trials", "time", "time_per_trial_ms"}
    if bad:
        raise kiln.ArgumentError(f"{p}: [budget]: unknown field(s) {sorted(bad)}")
    return jobs, budget


def resources_for(kind: str) -> dict[str, Any]:
    """The Ray task options that give a task one device of ``kind``."""
    if kind == "cuda":
        return {"num_gpus": 1, "num_cpus": 1}
    return {"num_cpus": 1, "resources": {f"kiln_{kind}": 1}}


def _device_name(kind: str) -> str:
    # Ray sets CUDA_VISIBLE_DEVICES to the GPU it gave the task: cuda:0.
    return {"cpu": "cpu", "opencl": "opencl:0", "cuda": "cuda:0"}[kind]


@dataclasses.dataclass
class JobResult:
    """One (job, shape set) of a fleet run."""

    kernel: str
    sizes: dict[str, int]
    kind: str
    device: str = ""
    """The device tuned on, and the node."""
    node: str = ""
    status: str = "pending"
    """``tuned``, ``cached`` (already tuned: nothing measured) or ``failed``."""
    trials: int = 0
    """Trials measured by this run (every attempt)."""
    best_s: float | None = None
    default_s: float | None = None
    attempts: int = 0
    key: str = ""
    error: str = ""

    @property
    def speedup(self) -> float | None:
        """The winner's speed-up over the default schedule."""
        if self.best_s and self.default_s:
            return self.default_s / self.best_s
        return None


@dataclasses.dataclass
class Summary:
    """What :func:`tune_many` did."""

    results: list[JobResult]
    elapsed_s: float
    trials_stored: int
    """Trials written to the driver's cache by this run."""

    @property
    def failed(self) -> list[JobResult]:
        return [r for r in self.results if r.status == "failed"]

    def table(self) -> str:
        """The summary table: job, device, trials, best, speed-up, node."""
        head = ("job", "device", "status", "trials", "best", "speed-up", "node")
        rows = [head]
        for r in self.results:
            sizes = ",".join(f"{k}={v}" for k, v in r.sizes.items())
            rows.append((
                f"{r.kernel} {sizes}",
                r.device or r.kind,
                r.status if not r.error else f"{r.status}: {r.error.splitlines()[0][:60]}",
                str(r.trials),
                f"{r.best_s * 1e3:.3f} ms" if r.best_s else "-",
                f"{r.speedup:.2f}x" if r.speedup else "-",
                r.node or "-",
            ))
        widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
        lines.insert(1, "  ".join("-" * w for w in widths))
        lines.append(f"{len(self.results)} jobs in {self.elapsed_s:.1f} s; "
                     f"{self.trials_stored} trials stored; {len(self.failed)} failed")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()


# ------------------------------------------------------------ on the nodes


def _relay_class(ray):
    class Relay:
        """Holds what tasks stream until the driver reads it. It never
        writes a cache: the driver alone does."""

        def __init__(self):
            self.log: list[dict] = []
            self.by_job: dict[str, list[dict]] = {}

        def add(self, event: dict) -> int:
            self.log.append(event)
            if event["type"] == "trial":
                self.by_job.setdefault(event["job"], []).append(event)
            return len(self.log)

        def trials(self, job: str) -> list[dict]:
            return list(self.by_job.get(job, []))

        def since(self, cursor: int) -> list[dict]:
            return self.log[cursor:]

    return ray.remote(num_cpus=0, max_restarts=-1)(Relay)


def _task(task: dict, snapshot: dict, relay: Any, budget: dict) -> dict:
    """Runs on a node: tunes one (kernel, shape set) on the device Ray gave
    it, streaming each finished trial to the relay."""
    ray = _ray()
    job = task["id"]
    node = socket.gethostname()
    earlier = ray.get(relay.trials.remote(job))
    ray.get(relay.add.remote({"type": "start", "job": job, "pid": os.getpid(), "node": node,
                              "resumed": len(earlier)}))
    with tempfile.TemporaryDirectory(prefix="kiln-ray-") as d:
        cache = kiln.Cache(d)
        cache.import_(snapshot)
        if earlier:
            cache.import_({"version": 1, "winners": [], "keys": [e["key"] for e in earlier],
                           "trials": [e["trial"] for e in earlier]})
        k = kiln.parse(task["source"], name=task["file"]).kernel(task["kernel"])

        def stream(e: dict) -> None:
            # Wait for the relay: once this returns the trial is safe.
            ray.get(relay.add.remote({"type": "trial", "job": job, "trial": e["trial"],
                                      "key": e["key"]}))

        r = kiln.tune(k, task["sizes"], _device_name(task["kind"]), cache=d, callback=stream,
                      progress=False, trials=budget.get("trials"), time=budget.get("time"),
                      time_per_trial_ms=budget.get("time_per_trial_ms", 300))
        winners = [w for w in cache.list() if w["key_id"] == r.key]
        for w in winners:
            for f in ("key_id", "speedup"):
                w.pop(f, None)
        return {"job": job, "report": r.report, "winners": winners, "node": node,
                "device": r.device, "key": r.key}


# ------------------------------------------------------------ the driver


def _snapshot(export: dict, kernel_hash: str, sizes: dict) -> dict:
    """The cache rows of one problem (every device), for a task to resume
    from or be answered by."""
    keys = [k for k in export.get("keys", []) if k["kernel_hash"] == kernel_hash
            and k["sizes"] == sizes]
    ids = {kiln._key_id(k) for k in keys}
    winners = [w for w in export["winners"] if w["key"]["kernel_hash"] == kernel_hash
               and w["key"]["sizes"] == sizes]
    ids |= {kiln._key_id(w["key"]) for w in winners}
    trials = [t for t in export["trials"] if t["key_id"] in ids]
    return {"version": export["version"], "winners": winners, "trials": trials, "keys": keys}


def _check_resources(ray, kinds: Iterable[str]) -> None:
    have = ray.cluster_resources()
    for kind in set(kinds):
        need = "GPU" if kind == "cuda" else f"kiln_{kind}"
        if have.get(need, 0) < 1:
            hint = ("start nodes with GPUs" if kind == "cuda" else
                    f"start nodes with `ray start --resources='{{\"kiln_{kind}\": 1}}'` "
                    f"(or ray.init(resources={{'kiln_{kind}': 1}}))")
            raise kiln.DeviceUnavailableError(
                f"no node of the Ray cluster offers `{need}`, which {kind} jobs need: {hint}"
            )


def tune_many(
    jobs: "Sequence[Job | Mapping[str, Any]] | str | os.PathLike[str]",
    budget: Mapping[str, Any] | None = None,
    address: str | None = None,
    *,
    cache: "str | os.PathLike[str] | kiln.Cache | None" = None,
    max_retries: int = 3,
    progress: bool = True,
    on_event: Callable[[dict], None] | None = None,
    init: Mapping[str, Any] | None = None,
) -> Summary:
    """Tunes every (job, shape set) on a Ray cluster and stores the results
    in the driver's cache.

    ``jobs``: :class:`Job` objects or dicts, or the path of a job file.
    ``budget``: per job and shape set, ``{"trials": N, "time": "60s"}``
    (default: the file's ``[budget]``, else 32 trials). ``address``: the
    cluster to join (``"auto"``, ``"ray://host:10001"``); ``None`` joins
    the cluster this process already initialized, else starts a local one
    (with ``init`` as extra ``ray.init`` arguments). ``cache``: the driver's
    cache directory. ``on_event`` sees every streamed event on the driver
    (``start``: a task attempt began, with its ``pid`` and ``node``;
    ``trial``: a finished trial; ``done``: a job ended).

    Returns a :class:`Summary` (and prints its table when ``progress``).
    """
    ray = _ray()
    file_budget: dict[str, Any] = {}
    if isinstance(jobs, (str, os.PathLike)):
        jobs, file_budget = load_jobs(jobs)
    jobs = [Job.of(j, f"jobs[{i}]") for i, j in enumerate(jobs)]
    budget = dict(budget if budget is not None else file_budget or {"trials": 32})
    if budget.get("time") is not None:
        budget["time"] = kiln._seconds(budget["time"])
    store = cache if isinstance(cache, kiln.Cache) else kiln.Cache(cache)
    start = time.perf_counter()

    tasks = []
    for j in jobs:
        try:
            with open(j.file, encoding="utf-8") as f:
                source = f.read()
        except OSError as e:
            raise kiln.KilnIOError(f"{j.file}: {e.strerror}") from None
        k = kiln.parse(source, name=j.file).kernel(j.kernel)
        for s in j.sizes:
            tasks.append({"id": f"{len(tasks)}", "file": j.file, "source": source,
                          "kernel": j.kernel, "sizes": dict(s), "kind": j.device,
                          "hash": k.hash})

    started_here = False
    if not ray.is_initialized():
        opts = dict(init or {})
        if address is None and "resources" not in opts:
            # A one-node cluster started for this run offers this machine's
            # devices (Ray finds GPUs itself).
            opts["resources"] = {"kiln_cpu": 1}
            if kiln.devices("opencl"):
                opts["resources"]["kiln_opencl"] = 1
        ray.init(address=address, **opts)
        started_here = True
    try:
        _check_resources(ray, (t["kind"] for t in tasks))
        relay = _relay_class(ray).remote()
        remote = ray.remote(_task)
        export = store.export()
        results = {t["id"]: JobResult(t["kernel"], t["sizes"], t["kind"]) for t in tasks}
        pending = {}
        for t in tasks:
            opts = dict(resources_for(t["kind"]), max_retries=max_retries, retry_exceptions=False)
            ref = remote.options(**opts).remote(t, _snapshot(export, t["hash"], t["sizes"]),
                                                relay, budget)
            pending[ref] = t["id"]
        cursor = 0
        stored = 0

        def drain() -> None:
            nonlocal cursor, stored
            events = ray.get(relay.since.remote(cursor))
            cursor += len(events)
            trials = [e for e in events if e["type"] == "trial"]
            if trials:
                keys = {kiln._key_id(e["key"]): e["key"] for e in trials}
                store.import_({"version": 1, "winners": [], "keys": list(keys.values()),
                               "trials": [e["trial"] for e in trials]})
                stored += len(trials)
            for e in events:
                r = results[e["job"]]
                if e["type"] == "start":
                    r.attempts += 1
                    r.node = e["node"]
                elif e["type"] == "trial":
                    r.trials += 1
                if on_event is not None:
                    on_event(e)
                if progress and e["type"] == "start" and r.attempts > 1:
                    print(f"kiln.ray: {r.kernel} {r.sizes} on {r.kind}: attempt {r.attempts} "
                          f"resumes from {e['resumed']} streamed trials", file=sys.stderr)

        while pending:
            ready, _ = ray.wait(list(pending), num_returns=1, timeout=0.25)
            drain()
            for ref in ready:
                job = pending.pop(ref)
                r = results[job]
                try:
                    out = ray.get(ref)
                except Exception as e:  # the task failed after its retries
                    cause = getattr(e, "cause", None) or e
                    r.status, r.error = "failed", f"{type(cause).__name__}: {cause}"
                else:
                    drain()  # every trial it streamed is in before its winner
                    if out["winners"]:
                        store.import_({"version": 1, "winners": out["winners"], "trials": []})
                    rep = out["report"]
                    r.status = "cached" if rep["cached"] else "tuned"
                    r.device, r.node, r.key = out["device"], out["node"], out["key"]
                    r.best_s, r.default_s = rep["best_s"], rep.get("default_s")
                if on_event is not None:
                    on_event({"type": "done", "job": job, "status": r.status})
                if progress:
                    print(f"kiln.ray: {r.kernel} {r.sizes} on {r.device or r.kind}: {r.status} "
                          f"({r.trials} trials)", file=sys.stderr)
        drain()
        summary = Summary(list(results.values()), time.perf_counter() - start, stored)
    finally:
        if started_here:
            ray.shutdown()
    if progress:
        print(summary.table())
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m kiln.ray JOBS.toml [--address A] [--cache DIR]``."""
    import argparse

    p = argparse.ArgumentParser(prog="python -m kiln.ray", description=__doc__.split("\n\n")[0])
    p.add_argument("jobs", help="the job file (TOML)")
    p.add_argument("--address", default=None,
                   help="the Ray cluster (auto, ray://host:10001); default: a local one")
    p.add_argument("--cache", default=None, help="the driver's cache directory")
    p.add_argument("--trials", type=int, default=None, help="trials per job (over the file's)")
    p.add_argument("--time", default=None, help="time per job, e.g. 60s (over the file's)")
    p.add_argument("--max-retries", type=int, default=3)
    a = p.parse_args(argv)
    try:
        jobs, budget = load_jobs(a.jobs)
        if a.trials is not None:
            budget["trials"] = a.trials
        if a.time is not None:
            budget["time"] = a.time
        s = tune_many(jobs, budget or {"trials": 32}, a.address, cache=a.cache,
                      max_retries=a.max_retries)
    except (kiln.KilnError, ImportError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 1 if s.failed else 0


if __name__ == "__main__":
    sys.exit(main())
