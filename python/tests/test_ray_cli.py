"""`kiln tune-many --ray local`: the command line hands a job file to
kiln.ray, which starts a one-node cluster offering this machine's devices.
(A separate module, so it runs after test_ray.py's cluster is shut down.)"""

import os
import subprocess
import sys
from pathlib import Path

import kiln

ROOT = Path(__file__).resolve().parents[2]


def test_the_command_line_runs_a_job_file_on_a_local_ray_cluster(tmp_path):
    exe = os.environ.get("KILN") or str(ROOT / "target" / "debug" / "kiln")
    assert os.path.exists(exe), f"build the kiln binary first (cargo build -p kiln-cli): {exe}"
    jobs = tmp_path / "jobs.toml"
    jobs.write_text(
        "[budget]\ntrials = 2\ntime_per_trial_ms = 20\n\n[[job]]\n"
        f'file = "{ROOT / "ir-specs" / "gelu.kiln"}"\nkernel = "gelu"\n'
        "sizes = [{R = 8, C = 128}]\n"
    )
    env = dict(os.environ, RAY_USAGE_STATS_ENABLED="0", RAY_AUTH_MODE="disabled")
    out = subprocess.run(
        [exe, "tune-many", str(jobs), "--ray", "local", "--python", sys.executable,
         "--cache", str(tmp_path / "c")],
        capture_output=True, text=True, timeout=300, env=env,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "gelu R=8,C=128" in out.stdout and " tuned " in out.stdout, out.stdout
    assert len(kiln.Cache(tmp_path / "c").list()) == 1
